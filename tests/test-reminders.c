/* test-reminders.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reminders of due posts, without a display: a GApplication that is never
 * registered (so nothing reaches a real desktop), a fake clock, and the
 * "post-due" signal counted instead of the notifications. */

#include "config.h"

#include "sigap-format.h"
#include "sigap-reminders.h"
#include "sigap-test-utils.h"

/* Thursday 17 July 2025, 09:00 WIB. */
#define T ((gint64) 1752717600)
#define MINUTE 60

typedef struct
{
  char *dir;
  SigapStore *store;
  SigapOpd *opd;
  SigapOpd *other_opd;
  SigapUser *user;
  GApplication *application;
  SigapReminders *reminders;
  gint64 now;
  GPtrArray *due;
} Fixture;

static gint64
fake_now (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

static void
post_due_cb (SigapReminders *reminders,
             SigapPost      *post,
             GNotification  *notification,
             Fixture        *fixture)
{
  g_assert_true (SIGAP_IS_POST (post));
  g_assert_true (G_IS_NOTIFICATION (notification));
  g_ptr_array_add (fixture->due, g_strdup (sigap_post_get_id (post)));
}

static SigapOpd *
add_opd (Fixture    *fixture,
         const char *code,
         const char *zone)
{
  g_autoptr(SigapOpd) opd = sigap_opd_new ();
  g_autoptr(GError) error = NULL;

  sigap_opd_set_code (opd, code);
  sigap_opd_set_name (opd, code);
  sigap_opd_set_kind (opd, SIGAP_OPD_KIND_DINAS);
  sigap_opd_set_time_zone (opd, zone);
  sigap_store_insert_opd (fixture->store, opd, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&opd);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = sigap_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "sigap.db", NULL);
  fixture->store = sigap_store_open (path, &error);
  g_assert_no_error (error);

  fixture->opd = add_opd (fixture, "dinkes", "Asia/Jakarta");
  fixture->other_opd = add_opd (fixture, "dishub", "Asia/Jakarta");

  fixture->user = sigap_user_new ();
  sigap_user_set_username (fixture->user, "dinkes");
  sigap_user_set_display_name (fixture->user, "Admin Dinkes");
  sigap_user_set_role (fixture->user, SIGAP_ROLE_ADMIN_OPD);
  sigap_user_set_opd_id (fixture->user, sigap_opd_get_id (fixture->opd));
  sigap_store_insert_user (fixture->store, fixture->user, &error);
  g_assert_no_error (error);

  fixture->application = g_application_new ("io.github.sigap.Sigap.TestReminders",
                                            G_APPLICATION_NON_UNIQUE);
  fixture->now = T;
  fixture->due = g_ptr_array_new_with_free_func (g_free);
}

/* The reminders start like the application's: with no agency, then told
 * who is signed in. */
static void
start_reminders (Fixture *fixture)
{
  g_assert_null (fixture->reminders);

  fixture->reminders = sigap_reminders_new (fixture->application, fixture->store, NULL);
  sigap_reminders_set_now_func (fixture->reminders, fake_now, fixture, NULL);
  g_signal_connect (fixture->reminders, "post-due", G_CALLBACK (post_due_cb), fixture);
  g_assert_false (sigap_reminders_get_armed (fixture->reminders));

  sigap_reminders_set_opd (fixture->reminders, fixture->opd);
  g_assert_true (sigap_reminders_get_armed (fixture->reminders));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Idle reloads queued by the store's writes, then the objects. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&fixture->reminders);
  g_clear_object (&fixture->application);
  g_clear_object (&fixture->opd);
  g_clear_object (&fixture->other_opd);
  g_clear_object (&fixture->user);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->due, g_ptr_array_unref);
  sigap_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static SigapPost *
add_post (Fixture         *fixture,
          SigapOpd        *opd,
          const char      *title,
          SigapPostStatus  status,
          gint64           scheduled_at)
{
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(GError) error = NULL;
  SigapPlatform platforms[] = { SIGAP_PLATFORM_FACEBOOK, SIGAP_PLATFORM_INSTAGRAM };

  sigap_post_set_opd_id (post, sigap_opd_get_id (opd));
  sigap_post_set_author_id (post, sigap_user_get_id (fixture->user));
  sigap_post_set_title (post, title);
  sigap_post_set_body (post, "Isi unggahan.");
  sigap_post_set_status (post, status);
  sigap_post_set_scheduled_at (post, scheduled_at);
  sigap_post_set_created_at (post, T - 24 * 3600);
  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    {
      g_autoptr(SigapPostVariant) variant = sigap_post_variant_new ();

      sigap_post_variant_set_platform (variant, platforms[i]);
      sigap_post_set_variant (post, variant);
    }

  sigap_store_insert_post (fixture->store, post, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&post);
}

static void
update_post (Fixture   *fixture,
             SigapPost *post)
{
  g_autoptr(GError) error = NULL;

  sigap_store_update_post (fixture->store, post, &error);
  g_assert_no_error (error);
}

static void
tick (Fixture *fixture,
      gint64   now)
{
  fixture->now = now;
  sigap_reminders_reload (fixture->reminders);
}

static guint
count_due (Fixture    *fixture,
           const char *post_id)
{
  guint n = 0;

  for (guint i = 0; i < fixture->due->len; i++)
    if (g_strcmp0 (g_ptr_array_index (fixture->due, i), post_id) == 0)
      n++;

  return n;
}

static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(SigapPost) first = add_post (fixture, fixture->opd, "Jadwal posyandu",
                                         SIGAP_POST_STATUS_SCHEDULED, T + MINUTE);
  g_autoptr(SigapPost) second = add_post (fixture, fixture->opd, "Vaksinasi",
                                          SIGAP_POST_STATUS_SCHEDULED, T + 2 * MINUTE);

  start_reminders (fixture);
  g_assert_cmpuint (fixture->due->len, ==, 0);
  g_assert_cmpstr (sigap_reminders_get_next_post_id (fixture->reminders), ==,
                   sigap_post_get_id (first));
  g_assert_cmpint (sigap_reminders_get_next_due (fixture->reminders), ==, T + MINUTE);

  /* A second early: nothing yet. */
  tick (fixture, T + MINUTE - 1);
  g_assert_cmpuint (fixture->due->len, ==, 0);

  tick (fixture, T + MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 1);
  g_assert_cmpuint (count_due (fixture, sigap_post_get_id (first)), ==, 1);
  g_assert_cmpstr (sigap_reminders_get_next_post_id (fixture->reminders), ==,
                   sigap_post_get_id (second));
  g_assert_true (sigap_reminders_get_armed (fixture->reminders));

  /* A late look (the computer slept a little) still tells it. */
  tick (fixture, T + 2 * MINUTE + 30);
  g_assert_cmpuint (fixture->due->len, ==, 2);
  g_assert_cmpuint (count_due (fixture, sigap_post_get_id (second)), ==, 1);
  g_assert_null (sigap_reminders_get_next_post_id (fixture->reminders));
  g_assert_true (sigap_reminders_get_armed (fixture->reminders));

  /* Without an agency there is nothing to watch. */
  sigap_reminders_set_opd (fixture->reminders, NULL);
  g_assert_false (sigap_reminders_get_armed (fixture->reminders));
}

static void
test_reschedule (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SigapPost) post = add_post (fixture, fixture->opd, "Jadwal posyandu",
                                        SIGAP_POST_STATUS_SCHEDULED, T + MINUTE);
  g_autoptr(GError) error = NULL;

  /* A desktop that syncs: local writes go through the outbox. */
  sigap_store_set_outbox_enabled (fixture->store, TRUE, &error);
  g_assert_no_error (error);

  start_reminders (fixture);
  g_assert_cmpint (sigap_reminders_get_next_due (fixture->reminders), ==, T + MINUTE);

  /* Moved later: the timer follows, by itself after the store's write. */
  sigap_post_set_scheduled_at (post, T + 30 * MINUTE);
  update_post (fixture, post);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (sigap_reminders_get_next_due (fixture->reminders), ==, T + 30 * MINUTE);

  tick (fixture, T + MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 0);

  /* Moved earlier, still ahead of now. */
  sigap_post_set_scheduled_at (post, T + 5 * MINUTE);
  update_post (fixture, post);
  sigap_reminders_reload (fixture->reminders);
  g_assert_cmpint (sigap_reminders_get_next_due (fixture->reminders), ==, T + 5 * MINUTE);

  tick (fixture, T + 5 * MINUTE);
  g_assert_cmpuint (count_due (fixture, sigap_post_get_id (post)), ==, 1);

  /* Moved into the past while Sigap runs: not due now, not told. */
  {
    g_autoptr(SigapPost) other = add_post (fixture, fixture->opd, "Hari Kesehatan",
                                           SIGAP_POST_STATUS_SCHEDULED, T + 20 * MINUTE);

    tick (fixture, T + 10 * MINUTE);
    g_assert_cmpstr (sigap_reminders_get_next_post_id (fixture->reminders), ==,
                     sigap_post_get_id (other));
    sigap_post_set_scheduled_at (other, T + 8 * MINUTE);
    update_post (fixture, other);
    tick (fixture, T + 11 * MINUTE);
    g_assert_cmpuint (count_due (fixture, sigap_post_get_id (other)), ==, 0);
    g_assert_null (sigap_reminders_get_next_post_id (fixture->reminders));
  }
}

static void
test_no_duplicates (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SigapPost) post = add_post (fixture, fixture->opd, "Jadwal posyandu",
                                        SIGAP_POST_STATUS_SCHEDULED, T + MINUTE);
  g_autoptr(SigapPost) twin = add_post (fixture, fixture->opd, "Vaksinasi",
                                        SIGAP_POST_STATUS_SCHEDULED, T + MINUTE);

  start_reminders (fixture);

  /* Two posts at the same minute: one reminder each. */
  tick (fixture, T + MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 2);
  g_assert_cmpuint (count_due (fixture, sigap_post_get_id (post)), ==, 1);
  g_assert_cmpuint (count_due (fixture, sigap_post_get_id (twin)), ==, 1);

  /* Looking again, after a sync read the same agency again, or with the
   * clock set back: never twice. */
  sigap_reminders_reload (fixture->reminders);
  tick (fixture, T + MINUTE + 1);
  {
    g_autoptr(SigapOpd) again = sigap_opd_copy (fixture->opd);

    sigap_reminders_set_opd (fixture->reminders, again);
  }
  tick (fixture, T);
  tick (fixture, T + 2 * MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 2);

  /* Rescheduled after its reminder and due again: still once a run. */
  sigap_post_set_scheduled_at (post, T + 3 * MINUTE);
  update_post (fixture, post);
  tick (fixture, T + 3 * MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 2);
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  SigapPostStatus quiet[] = {
    SIGAP_POST_STATUS_DRAFT,
    SIGAP_POST_STATUS_REVIEW,
    SIGAP_POST_STATUS_PUBLISHED,
    SIGAP_POST_STATUS_CANCELLED,
  };
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SigapPost) elsewhere = NULL;
  SigapPost *draft;

  for (guint i = 0; i < G_N_ELEMENTS (quiet); i++)
    g_ptr_array_add (posts, add_post (fixture, fixture->opd, "Belum terjadwal", quiet[i],
                                      T + (i + 1) * MINUTE));

  /* Another agency's scheduled post is not ours to tell. */
  elsewhere = add_post (fixture, fixture->other_opd, "Uji emisi",
                        SIGAP_POST_STATUS_SCHEDULED, T + MINUTE);

  start_reminders (fixture);
  g_assert_null (sigap_reminders_get_next_post_id (fixture->reminders));

  for (guint i = 0; i < G_N_ELEMENTS (quiet); i++)
    tick (fixture, T + (i + 1) * MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 0);

  /* A draft that gets scheduled is told when due; the cancelled one,
   * moved ahead, never. */
  draft = g_ptr_array_index (posts, 0);
  sigap_post_set_status (draft, SIGAP_POST_STATUS_SCHEDULED);
  sigap_post_set_scheduled_at (draft, T + 10 * MINUTE);
  update_post (fixture, draft);
  sigap_post_set_scheduled_at (g_ptr_array_index (posts, 3), T + 10 * MINUTE);
  update_post (fixture, g_ptr_array_index (posts, 3));
  sigap_reminders_reload (fixture->reminders);
  g_assert_cmpstr (sigap_reminders_get_next_post_id (fixture->reminders), ==,
                   sigap_post_get_id (draft));

  tick (fixture, T + 10 * MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 1);
  g_assert_cmpuint (count_due (fixture, sigap_post_get_id (draft)), ==, 1);

  /* Cancelled before it was due: the reminder is off. */
  {
    g_autoptr(SigapPost) called_off = add_post (fixture, fixture->opd, "Batal",
                                                SIGAP_POST_STATUS_SCHEDULED, T + 12 * MINUTE);

    sigap_reminders_reload (fixture->reminders);
    g_assert_cmpstr (sigap_reminders_get_next_post_id (fixture->reminders), ==,
                     sigap_post_get_id (called_off));
    sigap_post_set_status (called_off, SIGAP_POST_STATUS_CANCELLED);
    update_post (fixture, called_off);
    tick (fixture, T + 12 * MINUTE);
    g_assert_cmpuint (count_due (fixture, sigap_post_get_id (called_off)), ==, 0);
  }
}

static void
test_start_up (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SigapPost) missed = add_post (fixture, fixture->opd, "Lima menit lalu",
                                          SIGAP_POST_STATUS_SCHEDULED, T - 5 * MINUTE);
  g_autoptr(SigapPost) edge = add_post (fixture, fixture->opd, "Sepuluh menit lalu",
                                        SIGAP_POST_STATUS_SCHEDULED,
                                        T - SIGAP_REMINDERS_GRACE_S);
  g_autoptr(SigapPost) old = add_post (fixture, fixture->opd, "Seperempat jam lalu",
                                       SIGAP_POST_STATUS_SCHEDULED, T - 15 * MINUTE);
  g_autoptr(SigapPost) cancelled = add_post (fixture, fixture->opd, "Dibatalkan",
                                             SIGAP_POST_STATUS_CANCELLED, T - 2 * MINUTE);

  /* Sigap was closed: what fell due in the last ten minutes is told once,
   * anything older is history. */
  start_reminders (fixture);
  g_assert_cmpuint (fixture->due->len, ==, 2);
  g_assert_cmpuint (count_due (fixture, sigap_post_get_id (missed)), ==, 1);
  g_assert_cmpuint (count_due (fixture, sigap_post_get_id (edge)), ==, 1);
  g_assert_cmpuint (count_due (fixture, sigap_post_get_id (old)), ==, 0);
  g_assert_cmpuint (count_due (fixture, sigap_post_get_id (cancelled)), ==, 0);

  tick (fixture, T + 1);
  g_assert_cmpuint (fixture->due->len, ==, 2);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* The real clock and the real timer: a post due in a second is told
 * within a few. */
static void
test_timer (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(SigapPost) post = add_post (fixture, fixture->opd, "Segera",
                                        SIGAP_POST_STATUS_SCHEDULED, now + 1);
  gboolean timed_out = FALSE;
  guint timeout;

  fixture->reminders = sigap_reminders_new (fixture->application, fixture->store,
                                            fixture->opd);
  g_signal_connect (fixture->reminders, "post-due", G_CALLBACK (post_due_cb), fixture);
  g_assert_cmpstr (sigap_reminders_get_next_post_id (fixture->reminders), ==,
                   sigap_post_get_id (post));

  timeout = g_timeout_add_seconds (10, timeout_cb, &timed_out);
  while (fixture->due->len == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  g_assert_cmpuint (count_due (fixture, sigap_post_get_id (post)), ==, 1);
  g_assert_true (sigap_reminders_get_armed (fixture->reminders));
}

static void
test_body (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SigapPost) post = add_post (fixture, fixture->opd, "Rapat koordinasi konten",
                                        SIGAP_POST_STATUS_SCHEDULED, T);
  g_autoptr(GTimeZone) wita = g_time_zone_new_identifier ("Asia/Makassar");
  g_autoptr(GTimeZone) wib = sigap_opd_dup_zone (fixture->opd);
  g_autofree char *body = NULL;
  g_autofree char *body_wita = NULL;
  g_autofree char *untitled = NULL;

  body = sigap_reminder_format_body (post, wib);
  g_assert_cmpstr (body, ==, "Rapat koordinasi konten\nFacebook, Instagram · 09:00 WIB");

  if (wita != NULL)
    {
      body_wita = sigap_reminder_format_body (post, wita);
      g_assert_cmpstr (body_wita, ==,
                       "Rapat koordinasi konten\nFacebook, Instagram · 10:00 WITA");
    }

  /* Without a title, the first words say what it is. */
  sigap_post_set_title (post, "");
  untitled = sigap_reminder_format_body (post, wib);
  g_assert_true (g_str_has_prefix (untitled, "Isi unggahan.\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reminders/due", Fixture, NULL, fixture_set_up, test_due, fixture_tear_down);
  g_test_add ("/reminders/reschedule", Fixture, NULL,
              fixture_set_up, test_reschedule, fixture_tear_down);
  g_test_add ("/reminders/no-duplicates", Fixture, NULL,
              fixture_set_up, test_no_duplicates, fixture_tear_down);
  g_test_add ("/reminders/status", Fixture, NULL,
              fixture_set_up, test_status, fixture_tear_down);
  g_test_add ("/reminders/start-up", Fixture, NULL,
              fixture_set_up, test_start_up, fixture_tear_down);
  g_test_add ("/reminders/timer", Fixture, NULL,
              fixture_set_up, test_timer, fixture_tear_down);
  g_test_add ("/reminders/body", Fixture, NULL,
              fixture_set_up, test_body, fixture_tear_down);

  return g_test_run ();
}
