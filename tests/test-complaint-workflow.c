/* test-complaint-workflow.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sigap-test-utils.h"

/* A desktop's store with the outbox on, three OPDs (Diskominfo's triage,
 * Dinkes and BPBD) and a user of every kind. */

#define N_STATUSES SIGAP_N_COMPLAINT_STATUSES

typedef struct
{
  char *dir;
  SigapStore *store;
  SigapOpd *diskominfo;
  SigapOpd *dinkes;
  SigapOpd *bpbd;
  SigapUser *verifikator;
  SigapUser *trc;
  SigapUser *pimpinan;
  SigapUser *dinkes_admin;
  SigapUser *dinkes_staff;
  SigapUser *dinkes_disabled;
  SigapUser *bpbd_admin;
} Fixture;

static SigapOpd *
add_opd (Fixture    *f,
         const char *code,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  SigapOpd *opd = sigap_opd_new ();

  sigap_opd_set_code (opd, code);
  sigap_opd_set_name (opd, name);
  sigap_opd_set_time_zone (opd, "Asia/Jakarta");
  sigap_store_insert_opd (f->store, opd, &error);
  g_assert_no_error (error);

  return opd;
}

static SigapUser *
add_user (Fixture    *f,
          const char *username,
          SigapRole   role,
          SigapOpd   *opd,
          gboolean    disabled)
{
  g_autoptr(GError) error = NULL;
  SigapUser *user = sigap_user_new ();

  sigap_user_set_username (user, username);
  sigap_user_set_display_name (user, username);
  sigap_user_set_role (user, role);
  sigap_user_set_opd_id (user, sigap_opd_get_id (opd));
  sigap_user_set_disabled (user, disabled);
  sigap_store_insert_user (f->store, user, &error);
  g_assert_no_error (error);

  return user;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sigap_test_make_tmpdir ();
  path = g_build_filename (f->dir, "sigap.db", NULL);
  f->store = sigap_store_open (path, &error);
  g_assert_no_error (error);

  f->diskominfo = add_opd (f, "diskominfo", "Dinas Komunikasi dan Informatika");
  f->dinkes = add_opd (f, "dinkes", "Dinas Kesehatan");
  f->bpbd = add_opd (f, "bpbd", "Badan Penanggulangan Bencana Daerah");

  f->verifikator = add_user (f, "verifikator", SIGAP_ROLE_VERIFIKATOR, f->diskominfo, FALSE);
  f->trc = add_user (f, "trc", SIGAP_ROLE_TRC, f->diskominfo, FALSE);
  f->pimpinan = add_user (f, "pimpinan", SIGAP_ROLE_PIMPINAN, f->diskominfo, FALSE);
  f->dinkes_admin = add_user (f, "dinkes", SIGAP_ROLE_ADMIN_OPD, f->dinkes, FALSE);
  f->dinkes_staff = add_user (f, "dinkes2", SIGAP_ROLE_ADMIN_OPD, f->dinkes, FALSE);
  f->dinkes_disabled = add_user (f, "dinkes3", SIGAP_ROLE_ADMIN_OPD, f->dinkes, TRUE);
  f->bpbd_admin = add_user (f, "bpbd", SIGAP_ROLE_ADMIN_OPD, f->bpbd, FALSE);

  sigap_store_set_outbox_enabled (f->store, TRUE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->verifikator);
  g_clear_object (&f->trc);
  g_clear_object (&f->pimpinan);
  g_clear_object (&f->dinkes_admin);
  g_clear_object (&f->dinkes_staff);
  g_clear_object (&f->dinkes_disabled);
  g_clear_object (&f->bpbd_admin);
  g_clear_object (&f->diskominfo);
  g_clear_object (&f->dinkes);
  g_clear_object (&f->bpbd);
  g_clear_object (&f->store);
  sigap_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* Helpers {{{ */

static void
clear_outbox (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = sigap_store_list_outbox (f->store, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      sigap_store_delete_outbox (f->store, ((SigapOutboxEntry *) entries->pdata[i])->id, &error);
      g_assert_no_error (error);
    }
}

static GPtrArray *
list_outbox (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = sigap_store_list_outbox (f->store, 0, &error);

  g_assert_no_error (error);

  return entries;
}

/* A stored complaint of Dinkes (or @opd) in @status, as the server sent
 * it: nothing in the outbox. */
static SigapComplaint *
new_complaint (Fixture              *f,
               SigapComplaintStatus  status,
               SigapOpd             *opd,
               gboolean              public_issue)
{
  g_autoptr(GError) error = NULL;
  SigapComplaint *complaint = sigap_complaint_new ();

  sigap_complaint_set_channel (complaint, SIGAP_CHANNEL_INSTAGRAM);
  sigap_complaint_set_kind (complaint, SIGAP_COMPLAINT_KIND_COMPLAINT);
  sigap_complaint_set_body (complaint, "Jalan di depan puskesmas berlubang.");
  sigap_complaint_set_status (complaint, status);
  sigap_complaint_set_opd_id (complaint, sigap_opd_get_id (opd != NULL ? opd : f->dinkes));
  sigap_complaint_set_public_issue (complaint, public_issue);
  sigap_complaint_set_received_at (complaint, 1752710400);
  sigap_complaint_set_due_at (complaint, 1753000000);
  sigap_store_insert_complaint (f->store, complaint, &error);
  g_assert_no_error (error);
  clear_outbox (f);

  return complaint;
}

static char *
complaint_text (Fixture    *f,
                const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = sigap_store_get_record_json (f->store, "complaint", id, &error);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_assert_no_error (error);
  json_node_set_object (node, object);

  return json_to_string (node, FALSE);
}

static guint
count_events (Fixture    *f,
              const char *complaint_id)
{
  g_autoptr(GPtrArray) events = sigap_store_list_complaint_events (f->store, complaint_id, NULL);

  return events != NULL ? events->len : 0;
}

static SigapComplaintEvent *
last_event (Fixture    *f,
            const char *complaint_id)
{
  g_autoptr(GPtrArray) events = sigap_store_list_complaint_events (f->store, complaint_id, NULL);

  g_assert_nonnull (events);
  g_assert_cmpuint (events->len, >, 0);

  return g_object_ref (g_ptr_array_index (events, events->len - 1));
}

static const char *
status_nick (SigapComplaintStatus status)
{
  return sigap_complaint_status_action (status);
}

/* What a step needs, filled in. */
static const char *
note_for (SigapComplaintNeeds needs)
{
  return (needs & SIGAP_COMPLAINT_NEEDS_NOTE) != 0 ? "Sudah ditangani petugas." : NULL;
}

/* A refusal changed nothing: the complaint, its timeline, the outbox. */
static void
assert_unchanged (Fixture        *f,
                  SigapComplaint *complaint,
                  const char     *before,
                  guint           n_events)
{
  g_autofree char *after = complaint_text (f, sigap_complaint_get_id (complaint));
  g_autoptr(GPtrArray) entries = list_outbox (f);

  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_events (f, sigap_complaint_get_id (complaint)), ==, n_events);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* An applied step left one 'complaint_event' row and no 'complaint'. */
static void
assert_event_in_outbox (Fixture    *f,
                        const char *complaint_id)
{
  g_autoptr(GPtrArray) entries = list_outbox (f);
  g_autoptr(SigapComplaintEvent) event = last_event (f, complaint_id);
  SigapOutboxEntry *entry;

  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->entity, ==, "complaint_event");
  g_assert_cmpstr (entry->op, ==, "upsert");
  g_assert_cmpstr (entry->record_id, ==, sigap_complaint_event_get_id (event));
  g_assert_false (sigap_store_has_outbox (f->store, "complaint", complaint_id));
}

/* }}} */

/* Every step of the table, and every pair of statuses that is not one,
 * by every kind of user: applied exactly when the rules allow it. */
static void
test_transitions (Fixture       *f,
                  gconstpointer  data)
{
  struct
  {
    SigapUser *user;
    SigapRole role;
    gboolean owns;
  } actors[] = {
    { f->verifikator, SIGAP_ROLE_VERIFIKATOR, FALSE },
    { f->dinkes_admin, SIGAP_ROLE_ADMIN_OPD, TRUE },
    { f->bpbd_admin, SIGAP_ROLE_ADMIN_OPD, FALSE },
    { f->trc, SIGAP_ROLE_TRC, FALSE },
    { f->pimpinan, SIGAP_ROLE_PIMPINAN, FALSE },
  };
  guint n_applied = 0;
  guint n_refused = 0;

  for (guint a = 0; a < G_N_ELEMENTS (actors); a++)
    for (int from = 0; from < N_STATUSES; from++)
      for (int to = 0; to < N_STATUSES; to++)
        {
          g_autoptr(SigapComplaint) complaint = new_complaint (f, from, NULL, FALSE);
          g_autoptr(GError) error = NULL;
          g_autofree char *before = complaint_text (f, sigap_complaint_get_id (complaint));
          const SigapComplaintTransition *rule = sigap_complaint_find_transition (from, to);
          gboolean allowed = sigap_complaint_transition_allowed (from, to, actors[a].role,
                                                                 actors[a].owns);
          SigapComplaintNeeds needs = rule != NULL ? rule->needs : SIGAP_COMPLAINT_NEEDS_NOTHING;
          const char *id = sigap_complaint_get_id (complaint);
          gboolean ok;

          g_test_message ("%s: %s → %s", sigap_user_get_username (actors[a].user),
                          status_nick (from), status_nick (to));

          ok = sigap_complaint_workflow_apply (f->store, actors[a].user, complaint,
                                               status_nick (to), note_for (needs),
                                               (needs & SIGAP_COMPLAINT_NEEDS_OPD) != 0
                                               ? sigap_opd_get_id (f->bpbd) : NULL,
                                               NULL, &error);
          g_assert_cmpint (ok, ==, allowed);

          if (!allowed)
            {
              int code = SIGAP_COMPLAINT_WORKFLOW_ERROR_NO_SUCH_STEP;

              /* Not the user's complaint, or a step of the table that is
               * someone else's. */
              if (rule != NULL ||
                  sigap_complaint_actor_for (actors[a].role, actors[a].owns, FALSE) ==
                  SIGAP_COMPLAINT_ACTOR_NONE)
                code = SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN;

              g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR, code);
              g_assert_cmpstr (error->message, !=, "");
              /* The caller's copy is as it was too. */
              g_assert_cmpint (sigap_complaint_get_status (complaint), ==, from);
              assert_unchanged (f, complaint, before, 0);
              n_refused++;
              continue;
            }

          g_assert_no_error (error);
          n_applied++;

          {
            g_autoptr(SigapComplaint) stored = sigap_store_get_complaint (f->store, id, NULL);
            g_autoptr(SigapComplaintEvent) event = last_event (f, id);
            const char *opd_after = sigap_opd_get_id (f->dinkes);

            if (to == SIGAP_COMPLAINT_STATUS_ROUTED)
              opd_after = sigap_opd_get_id (f->bpbd);
            else if (to == SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY)
              opd_after = sigap_opd_get_id (f->diskominfo);

            g_assert_cmpint (sigap_complaint_get_status (stored), ==, to);
            g_assert_cmpint (sigap_complaint_get_status (complaint), ==, to);
            g_assert_cmpstr (sigap_complaint_get_opd_id (stored), ==, opd_after);
            g_assert_cmpint (sigap_complaint_get_resolved_at (stored) > 0, ==,
                             to == SIGAP_COMPLAINT_STATUS_RESOLVED);
            /* No calendar: the deadline waits for the server's. */
            g_assert_cmpint (sigap_complaint_get_due_at (stored), ==, 1753000000);
            if (to == SIGAP_COMPLAINT_STATUS_IN_PROGRESS)
              g_assert_cmpstr (sigap_complaint_get_assignee_id (stored), ==,
                               sigap_user_get_id (actors[a].user));

            g_assert_cmpuint (count_events (f, id), ==, 1);
            g_assert_cmpstr (sigap_complaint_event_get_action (event), ==, status_nick (to));
            g_assert_cmpint (sigap_complaint_event_get_from_status (event), ==, from);
            g_assert_cmpint (sigap_complaint_event_get_to_status (event), ==, to);
            g_assert_cmpstr (sigap_complaint_event_get_actor_id (event), ==,
                             sigap_user_get_id (actors[a].user));
            g_assert_cmpstr (sigap_complaint_event_get_opd_id (event), ==, opd_after);
            g_assert_cmpstr (sigap_complaint_event_get_note (event), ==, note_for (needs));
            g_assert_cmpint (sigap_complaint_event_get_created_at (event), >, 0);
            assert_event_in_outbox (f, id);
          }

          clear_outbox (f);
        }

  /* Every step of the table was taken by someone. */
  g_assert_cmpuint (n_applied, ==, 12);
  g_assert_cmpuint (n_refused, ==, G_N_ELEMENTS (actors) * N_STATUSES * N_STATUSES - 12);
}

/* What a step needs, and a complaint that changed meanwhile. */
static void
test_needs_and_stale (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SigapComplaint) in_progress = new_complaint (f, SIGAP_COMPLAINT_STATUS_IN_PROGRESS,
                                                         NULL, FALSE);
  g_autoptr(SigapComplaint) verified = new_complaint (f, SIGAP_COMPLAINT_STATUS_VERIFIED,
                                                      f->diskominfo, FALSE);
  g_autoptr(SigapComplaint) shown = NULL;
  g_autofree char *in_progress_text = complaint_text (f, sigap_complaint_get_id (in_progress));
  g_autofree char *verified_text = complaint_text (f, sigap_complaint_get_id (verified));
  g_autoptr(GError) error = NULL;

  /* The public answer. */
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, in_progress,
                                                  "resolved", "  \n ", NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_NOTE);
  g_clear_error (&error);
  assert_unchanged (f, in_progress, in_progress_text, 0);

  /* The reason for rejecting. */
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->verifikator, verified,
                                                  "rejected", NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_NOTE);
  g_clear_error (&error);

  /* An OPD, and one that is known. */
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->verifikator, verified,
                                                  "routed", NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_OPD);
  g_clear_error (&error);
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->verifikator, verified,
                                                  "routed", NULL, "no-such-opd", NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_OPD);
  g_clear_error (&error);
  assert_unchanged (f, verified, verified_text, 0);

  /* Not a step at all. */
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->verifikator, verified,
                                                  "done", NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_NO_SUCH_STEP);
  g_clear_error (&error);

  /* Someone else routed it while the verifikator looked at it. */
  shown = sigap_complaint_copy (verified);
  g_assert_true (sigap_complaint_workflow_apply (f->store, f->verifikator, verified, "routed",
                                                 NULL, sigap_opd_get_id (f->dinkes), NULL,
                                                 &error));
  g_assert_no_error (error);
  clear_outbox (f);
  g_clear_pointer (&verified_text, g_free);
  verified_text = complaint_text (f, sigap_complaint_get_id (verified));

  g_assert_false (sigap_complaint_workflow_apply (f->store, f->verifikator, shown, "rejected",
                                                  "Bukan aduan.", NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR, SIGAP_COMPLAINT_WORKFLOW_ERROR_STALE);
  g_clear_error (&error);
  g_assert_cmpint (sigap_complaint_get_status (shown), ==, SIGAP_COMPLAINT_STATUS_VERIFIED);
  assert_unchanged (f, verified, verified_text, 1);

  /* Gone from the store. */
  sigap_complaint_set_id (shown, "no-such-complaint");
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->verifikator, shown, "rejected",
                                                  "Bukan aduan.", NULL, NULL, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
}

/* The actions that keep the status. */
static void
test_keeping_actions (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SigapComplaint) complaint = new_complaint (f, SIGAP_COMPLAINT_STATUS_IN_PROGRESS,
                                                       NULL, FALSE);
  g_autoptr(SigapComplaint) resolved = new_complaint (f, SIGAP_COMPLAINT_STATUS_RESOLVED,
                                                      NULL, FALSE);
  g_autoptr(SigapComplaintEvent) event = NULL;
  g_autoptr(SigapComplaint) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved_text = complaint_text (f, sigap_complaint_get_id (resolved));
  const char *id = sigap_complaint_get_id (complaint);
  const char *refused[] = {
    "no-such-user",
    sigap_user_get_id (f->bpbd_admin),       /* another OPD's */
    sigap_user_get_id (f->dinkes_disabled),  /* disabled */
    sigap_user_get_id (f->pimpinan),         /* reads only, and not Dinkes's */
  };
  guint n = 0;

  /* A note, with its text. */
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint, "note",
                                                  "", NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_NOTE);
  g_clear_error (&error);
  g_assert_true (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint, "note",
                                                 " Petugas sudah ke lokasi. ", NULL, NULL,
                                                 &error));
  g_assert_no_error (error);
  event = last_event (f, id);
  g_assert_cmpstr (sigap_complaint_event_get_note (event), ==, "Petugas sudah ke lokasi.");
  g_assert_cmpint (sigap_complaint_event_get_to_status (event), ==,
                   SIGAP_COMPLAINT_STATUS_IN_PROGRESS);
  assert_event_in_outbox (f, id);
  clear_outbox (f);
  g_clear_object (&event);
  n++;

  /* The answer to the citizen, kept on the timeline. */
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint,
                                                  "answered", NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_NOTE);
  g_clear_error (&error);
  g_assert_true (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint,
                                                 "answered", "Terima kasih, Kak.", NULL, NULL,
                                                 &error));
  g_assert_no_error (error);
  event = last_event (f, id);
  g_assert_cmpstr (sigap_complaint_event_get_action (event), ==, "answered");
  g_assert_cmpstr (sigap_complaint_event_get_note (event), ==, "Terima kasih, Kak.");
  assert_event_in_outbox (f, id);
  clear_outbox (f);
  g_clear_object (&event);
  n++;

  /* Not by another OPD, nor on a closed complaint. */
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->bpbd_admin, complaint,
                                                  "answered", "Halo", NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, resolved,
                                                  "answered", "Halo", NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR, SIGAP_COMPLAINT_WORKFLOW_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, resolved,
                                                  "assigned", sigap_user_get_id (f->dinkes_staff),
                                                  NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR, SIGAP_COMPLAINT_WORKFLOW_ERROR_CLOSED);
  g_clear_error (&error);
  assert_unchanged (f, resolved, resolved_text, 0);

  /* Assigning: to an active user of the complaint's OPD only. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *before = complaint_text (f, id);

      g_assert_false (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint,
                                                      "assigned", refused[i], NULL, NULL,
                                                      &error));
      g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                      SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_ASSIGNEE);
      g_clear_error (&error);
      assert_unchanged (f, complaint, before, n);
    }
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint,
                                                  "assigned", NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_ASSIGNEE);
  g_clear_error (&error);
  g_assert_true (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint,
                                                 "assigned", sigap_user_get_id (f->dinkes_staff),
                                                 NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_complaint_get_assignee_id (complaint), ==,
                   sigap_user_get_id (f->dinkes_staff));
  stored = sigap_store_get_complaint (f->store, id, NULL);
  g_assert_cmpstr (sigap_complaint_get_assignee_id (stored), ==,
                   sigap_user_get_id (f->dinkes_staff));
  g_assert_cmpint (sigap_complaint_get_status (stored), ==, SIGAP_COMPLAINT_STATUS_IN_PROGRESS);
  assert_event_in_outbox (f, id);
  clear_outbox (f);
  g_clear_object (&stored);
  n++;

  /* Escalating flags a public issue; TRC may not, and takes it up. */
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->trc, complaint, "escalated",
                                                  NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_true (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint,
                                                 "escalated", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sigap_complaint_get_public_issue (complaint));
  assert_event_in_outbox (f, id);
  clear_outbox (f);
  n++;
  g_assert_true (sigap_complaint_workflow_apply (f->store, f->trc, complaint, "answered",
                                                 "Informasi tersebut tidak benar (hoaks).",
                                                 NULL, NULL, &error));
  g_assert_no_error (error);
  clear_outbox (f);
  n++;

  /* Only recording a complaint opens a timeline. */
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint,
                                                  "created", "Lagi", NULL, NULL, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_NO_SUCH_STEP);
  g_clear_error (&error);

  /* Moving to another OPD unassigns it. */
  g_assert_true (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint,
                                                 "not-our-authority", "Bukan kewenangan kami.",
                                                 NULL, NULL, &error));
  g_assert_no_error (error);
  n++;
  g_assert_null (sigap_complaint_get_assignee_id (complaint));
  g_assert_cmpstr (sigap_complaint_get_opd_id (complaint), ==, sigap_opd_get_id (f->diskominfo));
  g_assert_cmpuint (count_events (f, id), ==, n);
}

/* The checks alone, as the server runs them. */
static void
test_check_event (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SigapComplaint) complaint = new_complaint (f, SIGAP_COMPLAINT_STATUS_RECEIVED,
                                                       f->diskominfo, FALSE);
  g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
  g_autoptr(GError) error = NULL;

  sigap_complaint_event_set_action (event, "created");
  sigap_complaint_event_set_from_status (event, SIGAP_COMPLAINT_STATUS_RECEIVED);
  sigap_complaint_event_set_to_status (event, SIGAP_COMPLAINT_STATUS_RECEIVED);
  g_assert_true (sigap_complaint_check_event (complaint, event, SIGAP_ROLE_VERIFIKATOR, FALSE,
                                              &error));
  g_assert_no_error (error);
  g_assert_false (sigap_complaint_check_event (complaint, event, SIGAP_ROLE_TRC, FALSE, &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* An action that keeps the status names it twice. */
  sigap_complaint_event_set_action (event, "note");
  sigap_complaint_event_set_note (event, "x");
  sigap_complaint_event_set_to_status (event, SIGAP_COMPLAINT_STATUS_VERIFIED);
  g_assert_false (sigap_complaint_check_event (complaint, event, SIGAP_ROLE_VERIFIKATOR, FALSE,
                                               &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_KEEPS_STATUS);
  g_clear_error (&error);

  /* The action names the step. */
  sigap_complaint_event_set_action (event, "routed");
  g_assert_false (sigap_complaint_check_event (complaint, event, SIGAP_ROLE_VERIFIKATOR, FALSE,
                                               &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_NO_SUCH_STEP);
  g_clear_error (&error);

  sigap_complaint_event_set_action (event, "verified");
  g_assert_true (sigap_complaint_check_event (complaint, event, SIGAP_ROLE_VERIFIKATOR, FALSE,
                                              &error));
  g_assert_no_error (error);

  /* "created" only while received. */
  sigap_complaint_set_status (complaint, SIGAP_COMPLAINT_STATUS_VERIFIED);
  sigap_complaint_event_set_action (event, "created");
  sigap_complaint_event_set_from_status (event, SIGAP_COMPLAINT_STATUS_VERIFIED);
  g_assert_false (sigap_complaint_check_event (complaint, event, SIGAP_ROLE_VERIFIKATOR, FALSE,
                                               &error));
  g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                  SIGAP_COMPLAINT_WORKFLOW_ERROR_NO_SUCH_STEP);
}

/* The UI offers exactly what the checks accept. */
static void
test_offered_actions (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const keeping[] = { "note", "answered", "assigned", "escalated",
                                          "created" };
  struct
  {
    SigapRole role;
    const char *opd_id;
  } users[] = {
    { SIGAP_ROLE_VERIFIKATOR, sigap_opd_get_id (f->diskominfo) },
    { SIGAP_ROLE_ADMIN_OPD, sigap_opd_get_id (f->dinkes) },
    { SIGAP_ROLE_ADMIN_OPD, sigap_opd_get_id (f->bpbd) },
    { SIGAP_ROLE_TRC, sigap_opd_get_id (f->diskominfo) },
    { SIGAP_ROLE_PIMPINAN, sigap_opd_get_id (f->diskominfo) },
  };

  for (guint u = 0; u < G_N_ELEMENTS (users); u++)
    for (int status = 0; status < N_STATUSES; status++)
      for (int public_issue = 0; public_issue <= 1; public_issue++)
        {
          g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
          g_auto(GStrv) offered = NULL;
          SigapComplaintStatus next[N_STATUSES];
          gboolean owns;
          guint n_next;

          sigap_complaint_set_status (complaint, status);
          sigap_complaint_set_opd_id (complaint, sigap_opd_get_id (f->dinkes));
          sigap_complaint_set_public_issue (complaint, public_issue);
          owns = sigap_complaint_user_owns (complaint, users[u].role, users[u].opd_id);

          offered = sigap_complaint_offered_actions (complaint, users[u].role, users[u].opd_id);
          g_assert_nonnull (offered);

          /* The statuses come first, as the rules list them. */
          n_next = sigap_complaint_next_statuses (status, users[u].role, owns, next);
          g_assert_cmpuint (g_strv_length (offered), >=, n_next);
          for (guint i = 0; i < n_next; i++)
            g_assert_cmpstr (offered[i], ==, status_nick (next[i]));
          for (guint i = n_next; offered[i] != NULL; i++)
            g_assert_true (sigap_complaint_action_keeps_status (offered[i]));

          /* Every action: offered ones pass the check, filled as they need;
           * the statuses not offered fail it. */
          for (int to = 0; to < N_STATUSES + (int) G_N_ELEMENTS (keeping); to++)
            {
              g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
              g_autoptr(GError) error = NULL;
              const char *action = to < N_STATUSES ? status_nick (to) : keeping[to - N_STATUSES];
              gboolean is_offered = g_strv_contains ((const char * const *) offered, action);
              SigapComplaintNeeds needs = sigap_complaint_action_needs (complaint, action);
              gboolean passes;

              sigap_complaint_event_set_action (event, action);
              sigap_complaint_event_set_from_status (event, status);
              sigap_complaint_event_set_to_status (event, to < N_STATUSES ? to : status);
              if ((needs & SIGAP_COMPLAINT_NEEDS_NOTE) != 0)
                sigap_complaint_event_set_note (event, "Catatan");
              if ((needs & SIGAP_COMPLAINT_NEEDS_ASSIGNEE) != 0)
                sigap_complaint_event_set_note (event, sigap_user_get_id (f->dinkes_staff));
              if ((needs & SIGAP_COMPLAINT_NEEDS_OPD) != 0)
                sigap_complaint_event_set_opd_id (event, sigap_opd_get_id (f->bpbd));

              passes = sigap_complaint_check_event (complaint, event, users[u].role, owns,
                                                    &error);
              if (is_offered)
                g_assert_true (passes);
              else if (to < N_STATUSES)
                g_assert_false (passes);
              g_assert_false (g_str_equal (action, "created") && is_offered);
            }
        }
}

/* With a calendar, each new step's deadline counts from when it is
 * taken, in the OPD's zone; a closed complaint keeps the last. */
static void
test_due_at (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SigapWorkingDays) days = sigap_working_days_new ();
  g_autoptr(GTimeZone) zone = sigap_complaint_zone_for_opd (f->dinkes);
  g_autoptr(SigapComplaint) complaint = new_complaint (f, SIGAP_COMPLAINT_STATUS_RECEIVED,
                                                       f->diskominfo, FALSE);
  struct
  {
    SigapUser *user;
    const char *action;
    const char *note;
    SigapSlaStep step;
  } steps[] = {
    { f->verifikator, "verified", NULL, SIGAP_SLA_STEP_ANSWER },
    { f->verifikator, "routed", NULL, SIGAP_SLA_STEP_ANSWER },
    { f->dinkes_admin, "in-progress", NULL, SIGAP_SLA_STEP_RESOLUTION },
    { f->dinkes_admin, "resolved", "Sudah diperbaiki.", SIGAP_SLA_STEP_NONE },
  };
  gint64 due_at = sigap_complaint_get_due_at (complaint);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SigapComplaintEvent) event = NULL;
      gint64 at;

      g_assert_true (sigap_complaint_workflow_apply (f->store, steps[i].user, complaint,
                                                     steps[i].action, steps[i].note,
                                                     sigap_opd_get_id (f->dinkes), days,
                                                     &error));
      g_assert_no_error (error);
      event = last_event (f, sigap_complaint_get_id (complaint));
      at = sigap_complaint_event_get_created_at (event);

      if (steps[i].step != SIGAP_SLA_STEP_NONE)
        due_at = sigap_sla_deadline (days, NULL, steps[i].step, SIGAP_COMPLAINT_KIND_COMPLAINT,
                                     FALSE, at, zone, NULL);
      g_assert_cmpint (sigap_complaint_get_due_at (complaint), ==, due_at);
      g_assert_cmpint (due_at, >, at);
    }

  g_assert_cmpint (sigap_complaint_get_resolved_at (complaint), >, 0);
}

/* A step inside the caller's transaction is undone with it. */
static void
test_in_transaction (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SigapComplaint) complaint = new_complaint (f, SIGAP_COMPLAINT_STATUS_ROUTED, NULL,
                                                       FALSE);
  g_autofree char *before = complaint_text (f, sigap_complaint_get_id (complaint));
  g_autoptr(SigapComplaint) stored = NULL;
  g_autoptr(GError) error = NULL;

  sigap_store_begin (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint,
                                                 "in-progress", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint,
                                                  "resolved", NULL, NULL, NULL, &error));
  g_clear_error (&error);
  stored = sigap_store_get_complaint (f->store, sigap_complaint_get_id (complaint), NULL);
  g_assert_cmpint (sigap_complaint_get_status (stored), ==, SIGAP_COMPLAINT_STATUS_IN_PROGRESS);
  sigap_store_rollback (f->store);

  assert_unchanged (f, complaint, before, 0);
}

/* A pull that brings the complaint before its new event was pushed keeps
 * the event, which is still to be sent. */
static void
test_pull_keeps_unsent (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SigapComplaint) complaint = new_complaint (f, SIGAP_COMPLAINT_STATUS_ROUTED, NULL,
                                                       FALSE);
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *timeline = json_array_new ();
  JsonObject *created = json_object_new ();

  g_assert_true (sigap_complaint_workflow_apply (f->store, f->dinkes_admin, complaint,
                                                 "in-progress", NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The server's copy, without the step. */
  record = sigap_store_get_record_json (f->store, "complaint", sigap_complaint_get_id (complaint),
                                        &error);
  g_assert_no_error (error);
  json_object_set_string_member (record, "status", "routed");
  json_object_set_string_member (created, "id", "server-event");
  json_object_set_string_member (created, "action", "created");
  json_object_set_string_member (created, "from_status", "received");
  json_object_set_string_member (created, "to_status", "received");
  json_object_set_int_member (created, "created_at", 1752710400);
  json_array_add_object_element (timeline, created);
  json_object_set_array_member (record, "events", timeline);

  sigap_store_apply_remote (f->store, "complaint", record, &error);
  g_assert_no_error (error);

  events = sigap_store_list_complaint_events (f->store, sigap_complaint_get_id (complaint), NULL);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (sigap_complaint_event_get_action (events->pdata[0]), ==, "created");
  g_assert_cmpstr (sigap_complaint_event_get_action (events->pdata[1]), ==, "in-progress");
  assert_event_in_outbox (f, sigap_complaint_get_id (complaint));
}

/* Recording {{{ */

static SigapComplaint *
typed_complaint (void)
{
  SigapComplaint *complaint = sigap_complaint_new ();

  sigap_complaint_set_channel (complaint, SIGAP_CHANNEL_FACEBOOK);
  sigap_complaint_set_kind (complaint, SIGAP_COMPLAINT_KIND_INFORMATION);
  sigap_complaint_set_category (complaint, " Layanan Kesehatan ");
  sigap_complaint_set_kecamatan (complaint, "Sukamaju");
  sigap_complaint_set_desa (complaint, "  ");
  sigap_complaint_set_citizen_name (complaint, "Siti Aminah");
  sigap_complaint_set_citizen_handle (complaint, "@siti.aminah");
  sigap_complaint_set_citizen_contact (complaint, "0812 3456 7890");
  sigap_complaint_set_source_url (complaint, " https://www.facebook.com/dinkes/posts/123 ");
  sigap_complaint_set_body (complaint, "\n Jadwal vaksin di puskesmas kapan? \n");

  return complaint;
}

static void
test_record_invalid (Fixture       *f,
                     gconstpointer  data)
{
  struct
  {
    const char *body;
    const char *url;
    int channel;
    int code;
  } cases[] = {
    { NULL, NULL, SIGAP_CHANNEL_FACEBOOK, SIGAP_COMPLAINT_WORKFLOW_ERROR_EMPTY_BODY },
    { " \t\n", NULL, SIGAP_CHANNEL_FACEBOOK, SIGAP_COMPLAINT_WORKFLOW_ERROR_EMPTY_BODY },
    { "Isi", "ftp://example.com/x", SIGAP_CHANNEL_FACEBOOK,
      SIGAP_COMPLAINT_WORKFLOW_ERROR_INVALID_URL },
    { "Isi", "facebook.com/dinkes", SIGAP_CHANNEL_FACEBOOK,
      SIGAP_COMPLAINT_WORKFLOW_ERROR_INVALID_URL },
    { "Isi", "javascript:alert(1)", SIGAP_CHANNEL_FACEBOOK,
      SIGAP_COMPLAINT_WORKFLOW_ERROR_INVALID_URL },
    { "Isi", "https://", SIGAP_CHANNEL_FACEBOOK, SIGAP_COMPLAINT_WORKFLOW_ERROR_INVALID_URL },
    { "Isi", NULL, 99, SIGAP_COMPLAINT_WORKFLOW_ERROR_INVALID_CHANNEL },
  };
  struct
  {
    SigapUser *user;
    SigapOpd *opd;
  } forbidden[] = {
    { f->trc, NULL },
    { f->pimpinan, NULL },
    { f->dinkes_admin, f->bpbd },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SigapComplaint) complaint = typed_complaint ();
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      sigap_complaint_set_body (complaint, cases[i].body);
      sigap_complaint_set_source_url (complaint, cases[i].url);
      /* The setter keeps any value a caller casts. */
      sigap_complaint_set_channel (complaint, (SigapChannel) cases[i].channel);

      g_assert_false (sigap_complaint_workflow_validate (complaint, &error));
      g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR, cases[i].code);
      g_clear_error (&error);
      g_assert_false (sigap_complaint_workflow_record (f->store, f->dinkes_admin, NULL, complaint,
                                                       NULL, &error));
      g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_null (sigap_complaint_get_id (complaint));
    }

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      g_autoptr(SigapComplaint) complaint = typed_complaint ();
      g_autoptr(GError) error = NULL;

      g_assert_false (sigap_complaint_workflow_record (f->store, forbidden[i].user,
                                                       forbidden[i].opd, complaint, NULL,
                                                       &error));
      g_assert_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                      SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN);
    }

  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, 0);
  g_assert_cmpint (sigap_store_count_outbox (f->store), ==, 0);
}

static gboolean
is_tracking_number (const char *number,
                    int         year)
{
  g_autofree char *prefix = g_strdup_printf ("ADU-%04d-", year);

  if (number == NULL || strlen (number) != 15 || !g_str_has_prefix (number, prefix))
    return FALSE;

  for (guint i = 9; i < 15; i++)
    if (!g_ascii_isdigit (number[i]))
      return FALSE;

  return TRUE;
}

static void
test_record (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SigapWorkingDays) days = sigap_working_days_new ();
  g_autoptr(GTimeZone) zone = sigap_complaint_zone_for_opd (f->dinkes);
  g_autoptr(SigapComplaint) complaint = typed_complaint ();
  g_autoptr(SigapComplaint) second = typed_complaint ();
  g_autoptr(SigapComplaint) triage = typed_complaint ();
  g_autoptr(SigapComplaint) stored = NULL;
  g_autoptr(SigapComplaintEvent) event = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) received = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 received_at;

  g_assert_true (sigap_complaint_workflow_record (f->store, f->dinkes_admin, NULL, complaint,
                                                  days, &error));
  g_assert_no_error (error);

  /* Completed in place, as stored. */
  g_assert_nonnull (sigap_complaint_get_id (complaint));
  stored = sigap_store_get_complaint (f->store, sigap_complaint_get_id (complaint), &error);
  g_assert_no_error (error);
  received_at = sigap_complaint_get_received_at (stored);
  received = g_date_time_new_from_unix_utc (received_at);
  g_assert_cmpint (received_at, >=, before);
  g_assert_cmpint (received_at, <=, before + 5);
  {
    g_autoptr(GDateTime) local = g_date_time_to_timezone (received, zone);

    /* ADU-YYYY-NNNNNN, by the year in WIB. */
    g_assert_true (is_tracking_number (sigap_complaint_get_tracking_number (stored),
                                       g_date_time_get_year (local)));
  }
  g_assert_cmpstr (sigap_complaint_get_tracking_number (complaint), ==,
                   sigap_complaint_get_tracking_number (stored));
  g_assert_cmpint (sigap_complaint_get_status (stored), ==, SIGAP_COMPLAINT_STATUS_RECEIVED);
  g_assert_cmpstr (sigap_complaint_get_opd_id (stored), ==, sigap_opd_get_id (f->dinkes));
  g_assert_false (sigap_complaint_get_public_issue (stored));
  g_assert_cmpint (sigap_complaint_get_resolved_at (stored), ==, 0);
  g_assert_cmpint (sigap_complaint_get_due_at (stored), ==,
                   sigap_sla_deadline (days, NULL, SIGAP_SLA_STEP_VERIFICATION,
                                       SIGAP_COMPLAINT_KIND_INFORMATION, FALSE, received_at,
                                       zone, NULL));
  g_assert_cmpstr (sigap_complaint_get_body (stored), ==, "Jadwal vaksin di puskesmas kapan?");
  g_assert_cmpstr (sigap_complaint_get_category (stored), ==, "Layanan Kesehatan");
  g_assert_null (sigap_complaint_get_desa (stored));
  g_assert_cmpstr (sigap_complaint_get_source_url (stored), ==,
                   "https://www.facebook.com/dinkes/posts/123");
  g_assert_cmpstr (sigap_complaint_get_citizen_handle (stored), ==, "@siti.aminah");
  g_assert_cmpint (sigap_complaint_get_channel (stored), ==, SIGAP_CHANNEL_FACEBOOK);
  g_assert_cmpint (sigap_complaint_get_kind (stored), ==, SIGAP_COMPLAINT_KIND_INFORMATION);

  /* Its timeline opens with "created", by the admin. */
  g_assert_cmpuint (count_events (f, sigap_complaint_get_id (stored)), ==, 1);
  event = last_event (f, sigap_complaint_get_id (stored));
  g_assert_cmpstr (sigap_complaint_event_get_action (event), ==, "created");
  g_assert_cmpstr (sigap_complaint_event_get_actor_id (event), ==,
                   sigap_user_get_id (f->dinkes_admin));
  g_assert_cmpint (sigap_complaint_event_get_from_status (event), ==,
                   SIGAP_COMPLAINT_STATUS_RECEIVED);
  g_assert_cmpint (sigap_complaint_event_get_to_status (event), ==,
                   SIGAP_COMPLAINT_STATUS_RECEIVED);
  g_assert_cmpstr (sigap_complaint_event_get_opd_id (event), ==, sigap_opd_get_id (f->dinkes));
  g_assert_nonnull (sigap_complaint_event_get_note (event));

  /* Both go to the server, the complaint first. */
  entries = list_outbox (f);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((SigapOutboxEntry *) entries->pdata[0])->entity, ==, "complaint");
  g_assert_cmpstr (((SigapOutboxEntry *) entries->pdata[0])->record_id, ==,
                   sigap_complaint_get_id (stored));
  g_assert_cmpstr (((SigapOutboxEntry *) entries->pdata[1])->entity, ==, "complaint_event");
  g_assert_cmpstr (((SigapOutboxEntry *) entries->pdata[1])->record_id, ==,
                   sigap_complaint_event_get_id (event));

  /* The next one gets the next number. */
  g_assert_true (sigap_complaint_workflow_record (f->store, f->dinkes_admin, f->dinkes, second,
                                                  NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_complaint_get_tracking_number (second), >,
                   sigap_complaint_get_tracking_number (complaint));

  /* The verifikator's go to the triage. */
  g_assert_true (sigap_complaint_workflow_record (f->store, f->verifikator, NULL, triage, NULL,
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_complaint_get_opd_id (triage), ==, sigap_opd_get_id (f->diskominfo));
  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, 3);
}

/* }}} */

/* Canned replies {{{ */

static SigapReplyTemplate *
add_template (Fixture    *f,
              SigapOpd   *opd,
              const char *title,
              int         position)
{
  g_autoptr(GError) error = NULL;
  SigapReplyTemplate *reply = sigap_reply_template_new ();

  sigap_reply_template_set_opd_id (reply, sigap_opd_get_id (opd));
  sigap_reply_template_set_title (reply, title);
  sigap_reply_template_set_body (reply, "Terima kasih {nama}, aduan {nomor} diterima {opd}.");
  sigap_reply_template_set_position (reply, position);
  sigap_store_insert_reply_template (f->store, reply, &error);
  g_assert_no_error (error);

  return reply;
}

static void
assert_titles (Fixture    *f,
               SigapOpd   *opd,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sigap_store_list_reply_templates (f->store,
                                                                sigap_opd_get_id (opd), &error);
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (titles, "%s%s", i > 0 ? "," : "",
                            sigap_reply_template_get_title (list->pdata[i]));

  g_assert_cmpstr (titles->str, ==, expected);
}

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SigapReplyTemplate) a = add_template (f, f->dinkes, "Diterima", -1);
  g_autoptr(SigapReplyTemplate) b = add_template (f, f->dinkes, "Diproses", -1);
  g_autoptr(SigapReplyTemplate) c = add_template (f, f->dinkes, "Selesai", -1);
  g_autoptr(SigapReplyTemplate) other = add_template (f, f->bpbd, "Siaga", -1);
  g_autoptr(SigapReplyTemplate) empty = sigap_reply_template_new ();
  g_autoptr(SigapReplyTemplate) read = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  /* Each after the OPD's last. */
  g_assert_cmpint (sigap_reply_template_get_position (a), ==, 0);
  g_assert_cmpint (sigap_reply_template_get_position (b), ==, 1);
  g_assert_cmpint (sigap_reply_template_get_position (c), ==, 2);
  g_assert_cmpint (sigap_reply_template_get_position (other), ==, 0);
  g_assert_nonnull (sigap_reply_template_get_id (a));
  g_assert_cmpint (sigap_reply_template_get_version (a), ==, 1);
  g_assert_cmpint (sigap_reply_template_get_updated_at (a), >, 0);
  assert_titles (f, f->dinkes, "Diterima,Diproses,Selesai");
  assert_titles (f, f->bpbd, "Siaga");

  read = sigap_store_get_reply_template (f->store, sigap_reply_template_get_id (b), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_reply_template_get_body (read), ==,
                   "Terima kasih {nama}, aduan {nomor} diterima {opd}.");
  g_assert_cmpstr (sigap_reply_template_get_opd_id (read), ==, sigap_opd_get_id (f->dinkes));

  /* Edit, move, delete. */
  sigap_reply_template_set_title (b, "Sedang diproses");
  sigap_store_update_reply_template (f->store, b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_reply_template_get_version (b), ==, 2);
  assert_titles (f, f->dinkes, "Diterima,Sedang diproses,Selesai");

  sigap_store_move_reply_template (f->store, sigap_reply_template_get_id (c), 0, &error);
  g_assert_no_error (error);
  assert_titles (f, f->dinkes, "Selesai,Diterima,Sedang diproses");
  sigap_store_move_reply_template (f->store, sigap_reply_template_get_id (c), 99, &error);
  g_assert_no_error (error);
  assert_titles (f, f->dinkes, "Diterima,Sedang diproses,Selesai");

  sigap_store_delete_reply_template (f->store, sigap_reply_template_get_id (a), &error);
  g_assert_no_error (error);
  assert_titles (f, f->dinkes, "Sedang diproses,Selesai");
  sigap_store_delete_reply_template (f->store, sigap_reply_template_get_id (a), &error);
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A title and a text are needed. */
  sigap_reply_template_set_opd_id (empty, sigap_opd_get_id (f->dinkes));
  sigap_reply_template_set_title (empty, "Kosong");
  g_assert_false (sigap_store_insert_reply_template (f->store, empty, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sigap_reply_template_get_position (empty), ==, -1);

  all = sigap_store_list_reply_templates (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);

  /* They stay on this computer. */
  g_assert_cmpint (sigap_store_count_outbox (f->store), ==, 0);
}

/* }}} */

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/complaint-workflow/transitions", test_transitions);
  ADD ("/complaint-workflow/needs-and-stale", test_needs_and_stale);
  ADD ("/complaint-workflow/keeping-actions", test_keeping_actions);
  ADD ("/complaint-workflow/check-event", test_check_event);
  ADD ("/complaint-workflow/offered-actions", test_offered_actions);
  ADD ("/complaint-workflow/due-at", test_due_at);
  ADD ("/complaint-workflow/in-transaction", test_in_transaction);
  ADD ("/complaint-workflow/pull-keeps-unsent", test_pull_keeps_unsent);
  ADD ("/complaint-workflow/record-invalid", test_record_invalid);
  ADD ("/complaint-workflow/record", test_record);
  ADD ("/complaint-workflow/templates", test_templates);

  return g_test_run ();
}
