/* test-store.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "sigap-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
  SigapStore *store;
  SigapOpd *opd;
  SigapOpd *other_opd;
  SigapComplaint *complaint;
} Fixture;

static SigapOpd *
add_opd (SigapStore *store,
         const char *code,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  SigapOpd *opd = sigap_opd_new ();

  sigap_opd_set_code (opd, code);
  sigap_opd_set_name (opd, name);
  sigap_opd_set_time_zone (opd, "Asia/Jakarta");
  sigap_store_insert_opd (store, opd, &error);
  g_assert_no_error (error);

  return opd;
}

static SigapComplaint *
make_complaint (const char *opd_id,
                gint64      received_at,
                const char *body)
{
  SigapComplaint *complaint = sigap_complaint_new ();

  sigap_complaint_set_opd_id (complaint, opd_id);
  sigap_complaint_set_received_at (complaint, received_at);
  sigap_complaint_set_body (complaint, body);

  return complaint;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sigap_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "sigap.db", NULL);
  f->store = sigap_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);

  f->opd = add_opd (f->store, "DISKOMINFO", "Dinas Komunikasi dan Informatika");
  f->other_opd = add_opd (f->store, "DINKES", "Dinas Kesehatan");

  f->complaint = make_complaint (sigap_opd_get_id (f->opd), 1752710400, "Jalan berlubang");
  sigap_store_insert_complaint (f->store, f->complaint, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->complaint);
  g_clear_object (&f->opd);
  g_clear_object (&f->other_opd);
  g_clear_object (&f->store);
  sigap_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

/* One record type's store functions, so that every type goes through the
 * same round trip. */
typedef struct
{
  GType (*get_type) (void);
  gboolean (*insert) (SigapStore *, GObject *, GError **);
  gboolean (*update) (SigapStore *, GObject *, GError **);
  gboolean (*delete) (SigapStore *, const char *, GError **);
  GObject *(*get) (SigapStore *, const char *, GError **);
  GPtrArray *(*list) (SigapStore *, GError **);
  void (*fix_references) (Fixture *, GObject *);
  gboolean has_version;
} RecordOps;

#define DEFINE_OPS(name, TYPE)                                                     \
  static gboolean                                                                        \
  name##_insert (SigapStore *s, GObject *o, GError **e)                                  \
  {                                                                                      \
    return sigap_store_insert_##name (s, SIGAP_##TYPE (o), e);                           \
  }                                                                                      \
  static gboolean                                                                        \
  name##_update (SigapStore *s, GObject *o, GError **e)                                  \
  {                                                                                      \
    return sigap_store_update_##name (s, SIGAP_##TYPE (o), e);                           \
  }                                                                                      \
  static gboolean                                                                        \
  name##_delete (SigapStore *s, const char *id, GError **e)                              \
  {                                                                                      \
    return sigap_store_delete_##name (s, id, e);                                         \
  }                                                                                      \
  static GObject *                                                                       \
  name##_get (SigapStore *s, const char *id, GError **e)                                 \
  {                                                                                      \
    return G_OBJECT (sigap_store_get_##name (s, id, e));                                 \
  }

DEFINE_OPS (opd, OPD)
DEFINE_OPS (account, ACCOUNT)
DEFINE_OPS (user, USER)
DEFINE_OPS (post, POST)
DEFINE_OPS (complaint, COMPLAINT)
DEFINE_OPS (report, REPORT)

static GPtrArray *
opd_list (SigapStore *s, GError **e)
{
  return sigap_store_list_opds (s, e);
}

static GPtrArray *
account_list (SigapStore *s, GError **e)
{
  return sigap_store_list_accounts (s, NULL, e);
}

static GPtrArray *
user_list (SigapStore *s, GError **e)
{
  return sigap_store_list_users (s, e);
}

static GPtrArray *
post_list (SigapStore *s, GError **e)
{
  return sigap_store_list_posts (s, NULL, G_MININT64, G_MAXINT64, e);
}

static GPtrArray *
complaint_list (SigapStore *s, GError **e)
{
  return sigap_store_list_complaints (s, NULL, 0, 0, e);
}

static GPtrArray *
report_list (SigapStore *s, GError **e)
{
  return sigap_store_list_reports (s, NULL, e);
}

static void
opd_fix (Fixture *f, GObject *o)
{
  sigap_opd_set_parent_id (SIGAP_OPD (o), sigap_opd_get_id (f->opd));
}

static void
opd_id_fix (Fixture *f, GObject *o)
{
  g_object_set (o, "opd-id", sigap_opd_get_id (f->other_opd), NULL);
}

static const RecordOps record_ops[] = {
  { sigap_opd_get_type, opd_insert, opd_update, opd_delete, opd_get, opd_list, opd_fix, TRUE },
  { sigap_account_get_type, account_insert, account_update, account_delete, account_get,
    account_list, opd_id_fix, TRUE },
  { sigap_user_get_type, user_insert, user_update, user_delete, user_get, user_list,
    opd_id_fix, TRUE },
  { sigap_post_get_type, post_insert, post_update, post_delete, post_get, post_list,
    opd_id_fix, TRUE },
  { sigap_complaint_get_type, complaint_insert, complaint_update, complaint_delete,
    complaint_get, complaint_list, opd_id_fix, TRUE },
  { sigap_report_get_type, report_insert, report_update, report_delete, report_get,
    report_list, opd_id_fix, TRUE },
};

static GObject *
find_by_id (GPtrArray  *records,
            const char *id)
{
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *record_id = NULL;

      g_object_get (g_ptr_array_index (records, i), "id", &record_id, NULL);
      if (g_strcmp0 (record_id, id) == 0)
        return g_ptr_array_index (records, i);
    }

  return NULL;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  for (guint k = 0; k < G_N_ELEMENTS (record_ops); k++)
    {
      const RecordOps *ops = &record_ops[k];
      g_autoptr(GObject) record = g_object_new (ops->get_type (), NULL);
      g_autoptr(GObject) got = NULL;
      g_autoptr(GPtrArray) list = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;
      gint64 before, after, updated_at, version;

      g_test_message ("Round trip of %s", g_type_name (ops->get_type ()));

      /* Insert fills the id, version and updated_at. */
      sigap_test_fill_properties (record, 3);
      g_object_set (record, "id", NULL, "version", (gint64) 0, NULL);
      ops->fix_references (f, record);

      before = g_get_real_time () / G_USEC_PER_SEC;
      g_assert_true (ops->insert (f->store, record, &error));
      g_assert_no_error (error);
      after = g_get_real_time () / G_USEC_PER_SEC;

      g_object_get (record, "id", &id, "version", &version, "updated-at", &updated_at, NULL);
      g_assert_true (g_uuid_string_is_valid (id));
      g_assert_cmpint (version, ==, 1);
      g_assert_cmpint (updated_at, >=, before);
      g_assert_cmpint (updated_at, <=, after);

      got = ops->get (f->store, id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (got);
      sigap_test_assert_same_properties (record, got, NULL);
      g_clear_object (&got);

      /* Update writes every field and bumps the version. */
      sigap_test_fill_properties (record, 5);
      g_object_set (record, "id", id, "version", (gint64) 1, NULL);
      ops->fix_references (f, record);
      g_assert_true (ops->update (f->store, record, &error));
      g_assert_no_error (error);
      g_object_get (record, "version", &version, NULL);
      g_assert_cmpint (version, ==, 2);

      got = ops->get (f->store, id, &error);
      g_assert_no_error (error);
      sigap_test_assert_same_properties (record, got, NULL);

      list = ops->list (f->store, &error);
      g_assert_no_error (error);
      g_assert_nonnull (find_by_id (list, id));
      sigap_test_assert_same_properties (record, find_by_id (list, id), NULL);

      /* The same id again is refused. */
      g_assert_false (ops->insert (f->store, record, &error));
      g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_EXISTS);
      g_clear_error (&error);

      /* Delete, then everything about it is NOT_FOUND. */
      g_assert_true (ops->delete (f->store, id, &error));
      g_assert_no_error (error);
      g_clear_object (&got);
      got = ops->get (f->store, id, &error);
      g_assert_null (got);
      g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
      g_assert_false (ops->delete (f->store, id, &error));
      g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
      g_assert_false (ops->update (f->store, record, &error));
      g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(SigapUser) user = sigap_user_new ();
  g_autoptr(SigapUser) found = NULL;

  opd = sigap_store_find_opd_by_code (f->store, "DINKES", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_opd_get_id (opd), ==, sigap_opd_get_id (f->other_opd));
  g_clear_object (&opd);

  opd = sigap_store_find_opd_by_code (f->store, "NOPE", &error);
  g_assert_null (opd);
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  sigap_user_set_username (user, "siti");
  sigap_user_set_role (user, SIGAP_ROLE_VERIFIKATOR);
  sigap_store_insert_user (f->store, user, &error);
  g_assert_no_error (error);

  found = sigap_store_find_user_by_name (f->store, "siti", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_user_get_role (found), ==, SIGAP_ROLE_VERIFIKATOR);
  g_assert_null (sigap_user_get_opd_id (found));
  g_clear_object (&found);

  found = sigap_store_find_user_by_name (f->store, "budi", &error);
  g_assert_null (found);
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
}

/* Enums are stored as their nicks, which other programs (the server, sync,
 * sqlite3 on a support call) read. */
static void
test_enum_storage (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  sigap_complaint_set_status (f->complaint, SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY);
  sigap_complaint_set_channel (f->complaint, SIGAP_CHANNEL_WEB_FORM);
  sigap_store_update_complaint (f->store, f->complaint, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT status, channel, kind FROM complaint", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "not-our-authority");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "web-form");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "complaint");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
assert_message_is_sentence (const GError *error)
{
  gsize len;

  g_assert_nonnull (error);
  len = strlen (error->message);
  g_assert_cmpuint (len, >, 20);
  g_assert_true (error->message[len - 1] == '.');
}

static void
test_errors_exists (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapOpd) dup_opd = sigap_opd_new ();
  g_autoptr(SigapUser) user = sigap_user_new ();
  g_autoptr(SigapUser) dup_user = sigap_user_new ();
  g_autoptr(SigapReport) report = sigap_report_new ();
  g_autoptr(SigapReport) dup_report = sigap_report_new ();
  g_autoptr(SigapComplaint) dup_complaint = NULL;
  g_autoptr(SigapAccount) account = sigap_account_new ();
  g_autoptr(SigapAccount) dup_account = sigap_account_new ();

  /* Unique code */
  sigap_opd_set_code (dup_opd, "DINKES");
  sigap_opd_set_name (dup_opd, "Lain");
  g_assert_false (sigap_store_insert_opd (f->store, dup_opd, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_EXISTS);
  assert_message_is_sentence (error);
  g_clear_error (&error);
  /* A failed insert leaves the record as it was. */
  g_assert_null (sigap_opd_get_id (dup_opd));
  g_assert_cmpint (sigap_opd_get_version (dup_opd), ==, 0);
  g_assert_cmpint (sigap_opd_get_updated_at (dup_opd), ==, 0);

  /* Unique code on update too */
  sigap_opd_set_code (f->opd, "DINKES");
  g_assert_false (sigap_store_update_opd (f->store, f->opd, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (sigap_opd_get_version (f->opd), ==, 1);

  /* Unique username */
  sigap_user_set_username (user, "admin");
  sigap_store_insert_user (f->store, user, &error);
  g_assert_no_error (error);
  sigap_user_set_username (dup_user, "admin");
  g_assert_false (sigap_store_insert_user (f->store, dup_user, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* One report per OPD and month */
  sigap_report_set_opd_id (report, sigap_opd_get_id (f->other_opd));
  sigap_report_set_year (report, 2025);
  sigap_report_set_month (report, 7);
  sigap_store_insert_report (f->store, report, &error);
  g_assert_no_error (error);
  sigap_report_set_opd_id (dup_report, sigap_opd_get_id (f->other_opd));
  sigap_report_set_year (dup_report, 2025);
  sigap_report_set_month (dup_report, 7);
  g_assert_false (sigap_store_insert_report (f->store, dup_report, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  sigap_report_set_month (dup_report, 8);
  sigap_store_insert_report (f->store, dup_report, &error);
  g_assert_no_error (error);

  /* Unique tracking number */
  dup_complaint = make_complaint (NULL, 1752710400, "Lampu jalan mati");
  sigap_complaint_set_tracking_number (dup_complaint,
                                       sigap_complaint_get_tracking_number (f->complaint));
  g_assert_false (sigap_store_insert_complaint (f->store, dup_complaint, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* One account per OPD, platform and handle */
  sigap_account_set_opd_id (account, sigap_opd_get_id (f->opd));
  sigap_account_set_platform (account, SIGAP_PLATFORM_INSTAGRAM);
  sigap_account_set_handle (account, "@diskominfo");
  sigap_store_insert_account (f->store, account, &error);
  g_assert_no_error (error);
  sigap_account_set_opd_id (dup_account, sigap_opd_get_id (f->opd));
  sigap_account_set_platform (dup_account, SIGAP_PLATFORM_INSTAGRAM);
  sigap_account_set_handle (dup_account, "@diskominfo");
  g_assert_false (sigap_store_insert_account (f->store, dup_account, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  sigap_account_set_platform (dup_account, SIGAP_PLATFORM_FACEBOOK);
  sigap_store_insert_account (f->store, dup_account, &error);
  g_assert_no_error (error);
}

static void
test_errors_invalid (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapOpd) nameless = sigap_opd_new ();
  g_autoptr(SigapOpd) orphan = sigap_opd_new ();
  g_autoptr(SigapAccount) account = sigap_account_new ();
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(SigapReport) report = sigap_report_new ();
  g_autoptr(SigapComplaint) empty = NULL;
  g_autoptr(SigapComplaint) lost = NULL;
  g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
  g_autoptr(SigapUser) user = sigap_user_new ();

  /* Required fields */
  sigap_opd_set_code (nameless, "X");
  g_assert_false (sigap_store_insert_opd (f->store, nameless, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  assert_message_is_sentence (error);
  g_clear_error (&error);
  sigap_opd_set_name (nameless, "");
  g_assert_false (sigap_store_insert_opd (f->store, nameless, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sigap_store_insert_user (f->store, user, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  empty = make_complaint (sigap_opd_get_id (f->opd), 1752710400, NULL);
  g_assert_false (sigap_store_insert_complaint (f->store, empty, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sigap_complaint_get_tracking_number (empty));

  g_assert_false (sigap_store_insert_post (f->store, post, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Unknown references */
  sigap_opd_set_code (orphan, "Y");
  sigap_opd_set_name (orphan, "Y");
  sigap_opd_set_parent_id (orphan, "no-such-opd");
  g_assert_false (sigap_store_insert_opd (f->store, orphan, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  sigap_account_set_opd_id (account, "no-such-opd");
  sigap_account_set_handle (account, "@x");
  g_assert_false (sigap_store_insert_account (f->store, account, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  sigap_post_set_opd_id (post, "no-such-opd");
  g_assert_false (sigap_store_insert_post (f->store, post, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sigap_post_get_id (post));

  lost = make_complaint ("no-such-opd", 1752710400, "Sampah menumpuk");
  g_assert_false (sigap_store_insert_complaint (f->store, lost, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  sigap_complaint_set_opd_id (f->complaint, "no-such-opd");
  g_assert_false (sigap_store_update_complaint (f->store, f->complaint, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sigap_complaint_set_opd_id (f->complaint, sigap_opd_get_id (f->opd));

  sigap_complaint_event_set_complaint_id (event, "no-such-complaint");
  sigap_complaint_event_set_action (event, "note");
  g_assert_false (sigap_store_add_complaint_event (f->store, event, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Rules */
  sigap_report_set_opd_id (report, sigap_opd_get_id (f->opd));
  sigap_report_set_year (report, 2025);
  sigap_report_set_month (report, 13);
  g_assert_false (sigap_store_insert_report (f->store, report, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* An OPD that complaints still belong to cannot go. */
  g_assert_false (sigap_store_delete_opd (f->store, sigap_opd_get_id (f->opd), &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  assert_message_is_sentence (error);
  g_clear_error (&error);

  /* An OPD nothing refers to can. */
  sigap_store_delete_opd (f->store, sigap_opd_get_id (f->other_opd), &error);
  g_assert_no_error (error);
}

static void
test_errors_not_found (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapOpd) never = sigap_opd_new ();
  g_autoptr(SigapComplaint) complaint = NULL;

  sigap_opd_set_code (never, "NEVER");
  sigap_opd_set_name (never, "Never saved");

  /* Without an id */
  g_assert_false (sigap_store_update_opd (f->store, never, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
  assert_message_is_sentence (error);
  g_clear_error (&error);

  /* With an id nobody has */
  sigap_opd_set_id (never, "2d2b0f0e-0000-4000-8000-000000000000");
  g_assert_false (sigap_store_update_opd (f->store, never, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sigap_opd_get_version (never), ==, 0);

  complaint = sigap_store_get_complaint (f->store, "nope", &error);
  g_assert_null (complaint);
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (sigap_store_delete_report (f->store, "nope", &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Errors may be ignored. */
  g_assert_false (sigap_store_delete_post (f->store, "nope", NULL));
  g_assert_null (sigap_store_get_user (f->store, "nope", NULL));
}

static SigapPostVariant *
make_variant (SigapPlatform  platform,
              const char    *body,
              const char    *url)
{
  SigapPostVariant *variant = sigap_post_variant_new ();

  sigap_post_variant_set_platform (variant, platform);
  sigap_post_variant_set_title (variant, "Judul");
  sigap_post_variant_set_body (variant, body);
  sigap_post_variant_set_published_url (variant, url);

  return variant;
}

static guint
count_variant_rows (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM post_variant", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static void
test_post_variants (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(SigapPost) got = NULL;
  g_autoptr(SigapPostVariant) ig = make_variant (SIGAP_PLATFORM_INSTAGRAM, "Caption #ig", NULL);
  g_autoptr(SigapPostVariant) fb = make_variant (SIGAP_PLATFORM_FACEBOOK, "Teks FB",
                                                 "https://facebook.com/p/1");
  g_autoptr(SigapPostVariant) x = make_variant (SIGAP_PLATFORM_X, "Cuitan", NULL);
  GPtrArray *variants;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  sigap_post_set_opd_id (post, sigap_opd_get_id (f->opd));
  sigap_post_set_title (post, "Vaksinasi gratis");
  sigap_post_set_scheduled_at (post, 1752800000);
  /* Added out of platform order */
  sigap_post_set_variant (post, ig);
  sigap_post_set_variant (post, fb);
  sigap_store_insert_post (f->store, post, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_post_get_created_at (post), >=, before);

  got = sigap_store_get_post (f->store, sigap_post_get_id (post), &error);
  g_assert_no_error (error);
  variants = sigap_post_get_variants (got);
  g_assert_cmpuint (variants->len, ==, 2);
  /* Read back in platform order */
  g_assert_cmpint (sigap_post_variant_get_platform (g_ptr_array_index (variants, 0)), ==,
                   SIGAP_PLATFORM_FACEBOOK);
  sigap_test_assert_same_properties (g_ptr_array_index (variants, 0), fb, NULL);
  sigap_test_assert_same_properties (g_ptr_array_index (variants, 1), ig, NULL);
  g_assert_null (sigap_post_variant_get_published_url (g_ptr_array_index (variants, 1)));
  g_clear_object (&got);

  /* Update replaces the variants with exactly the post's. */
  sigap_post_remove_variant (post, SIGAP_PLATFORM_FACEBOOK);
  sigap_post_remove_variant (post, SIGAP_PLATFORM_INSTAGRAM);
  sigap_post_set_variant (post, x);
  sigap_store_update_post (f->store, post, &error);
  g_assert_no_error (error);

  got = sigap_store_get_post (f->store, sigap_post_get_id (post), &error);
  g_assert_no_error (error);
  variants = sigap_post_get_variants (got);
  g_assert_cmpuint (variants->len, ==, 1);
  sigap_test_assert_same_properties (g_ptr_array_index (variants, 0), x, NULL);
  g_assert_cmpuint (count_variant_rows (f->path), ==, 1);

  /* A failed update leaves the stored variants alone. */
  sigap_post_set_variant (post, fb);
  sigap_post_set_opd_id (post, "no-such-opd");
  g_assert_false (sigap_store_update_post (f->store, post, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_variant_rows (f->path), ==, 1);

  /* Deleting the post deletes its variants. */
  sigap_store_delete_post (f->store, sigap_post_get_id (post), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_variant_rows (f->path), ==, 0);
}

static void
test_post_list (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  const gint64 times[] = { 300, 100, 200, 400 };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(SigapPost) post = sigap_post_new ();
      g_autoptr(SigapPostVariant) v = make_variant (SIGAP_PLATFORM_TIKTOK, "v", NULL);

      sigap_post_set_opd_id (post, sigap_opd_get_id (i == 3 ? f->other_opd : f->opd));
      sigap_post_set_scheduled_at (post, times[i]);
      sigap_post_set_variant (post, v);
      sigap_store_insert_post (f->store, post, &error);
      g_assert_no_error (error);
    }

  posts = sigap_store_list_posts (f->store, NULL, 100, 400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 3);
  g_assert_cmpint (sigap_post_get_scheduled_at (g_ptr_array_index (posts, 0)), ==, 100);
  g_assert_cmpint (sigap_post_get_scheduled_at (g_ptr_array_index (posts, 2)), ==, 300);
  g_assert_cmpuint (sigap_post_get_variants (g_ptr_array_index (posts, 1))->len, ==, 1);
  g_clear_pointer (&posts, g_ptr_array_unref);

  posts = sigap_store_list_posts (f->store, sigap_opd_get_id (f->other_opd), 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpint (sigap_post_get_scheduled_at (g_ptr_array_index (posts, 0)), ==, 400);
  g_clear_pointer (&posts, g_ptr_array_unref);

  posts = sigap_store_list_posts (f->store, NULL, 500, 600, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 0);

  g_assert_cmpint (sigap_store_count_posts (f->store, NULL), ==, 4);
  g_assert_cmpint (sigap_store_count_posts (f->store, sigap_opd_get_id (f->opd)), ==, 3);
  g_assert_cmpint (sigap_store_count_posts (f->store, "nope"), ==, 0);
}

/* The posts of a status, whenever scheduled: what waits for approval
 * across every OPD, or one OPD's drafts; each with its variants. */
static void
test_post_list_by_status (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  const struct {
    gint64          scheduled_at;
    SigapPostStatus status;
    gboolean        other_opd;
  } rows[] = {
    { 3000000000, SIGAP_POST_STATUS_REVIEW, FALSE },
    { 100, SIGAP_POST_STATUS_REVIEW, TRUE },
    { 200, SIGAP_POST_STATUS_DRAFT, FALSE },
    { 300, SIGAP_POST_STATUS_SCHEDULED, FALSE },
    { 400, SIGAP_POST_STATUS_REVIEW, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SigapPost) post = sigap_post_new ();
      g_autoptr(SigapPostVariant) x = make_variant (SIGAP_PLATFORM_X, "Cuitan", NULL);
      g_autoptr(SigapPostVariant) ig = make_variant (SIGAP_PLATFORM_INSTAGRAM, "Caption", NULL);

      sigap_post_set_opd_id (post, sigap_opd_get_id (rows[i].other_opd ? f->other_opd : f->opd));
      sigap_post_set_scheduled_at (post, rows[i].scheduled_at);
      sigap_post_set_status (post, rows[i].status);
      sigap_post_set_variant (post, x);
      if (i % 2 == 0)
        sigap_post_set_variant (post, ig);
      sigap_store_insert_post (f->store, post, &error);
      g_assert_no_error (error);
    }

  posts = sigap_store_list_posts_by_status (f->store, NULL, SIGAP_POST_STATUS_REVIEW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 3);
  g_assert_cmpint (sigap_post_get_scheduled_at (g_ptr_array_index (posts, 0)), ==, 100);
  g_assert_cmpint (sigap_post_get_scheduled_at (g_ptr_array_index (posts, 1)), ==, 400);
  g_assert_cmpint (sigap_post_get_scheduled_at (g_ptr_array_index (posts, 2)), ==, 3000000000);
  for (guint i = 0; i < posts->len; i++)
    g_assert_cmpint (sigap_post_get_status (g_ptr_array_index (posts, i)), ==,
                     SIGAP_POST_STATUS_REVIEW);
  g_assert_cmpuint (sigap_post_get_variants (g_ptr_array_index (posts, 0))->len, ==, 1);
  g_assert_cmpuint (sigap_post_get_variants (g_ptr_array_index (posts, 1))->len, ==, 2);
  g_assert_cmpint (sigap_post_variant_get_platform (
                     g_ptr_array_index (sigap_post_get_variants (g_ptr_array_index (posts, 1)),
                                        0)),
                   ==, SIGAP_PLATFORM_INSTAGRAM);
  g_clear_pointer (&posts, g_ptr_array_unref);

  posts = sigap_store_list_posts_by_status (f->store, sigap_opd_get_id (f->opd),
                                            SIGAP_POST_STATUS_REVIEW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 2);
  g_assert_cmpstr (sigap_post_get_opd_id (g_ptr_array_index (posts, 0)), ==,
                   sigap_opd_get_id (f->opd));
  g_clear_pointer (&posts, g_ptr_array_unref);

  posts = sigap_store_list_posts_by_status (f->store, sigap_opd_get_id (f->opd),
                                            SIGAP_POST_STATUS_DRAFT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpint (sigap_post_get_scheduled_at (g_ptr_array_index (posts, 0)), ==, 200);
  g_clear_pointer (&posts, g_ptr_array_unref);

  posts = sigap_store_list_posts_by_status (f->store, NULL, SIGAP_POST_STATUS_CANCELLED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 0);
}

static char *
insert_and_number (Fixture *f,
                   gint64   received_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapComplaint) complaint = make_complaint (NULL, received_at, "Isi aduan");

  sigap_store_insert_complaint (f->store, complaint, &error);
  g_assert_no_error (error);

  return g_strdup (sigap_complaint_get_tracking_number (complaint));
}

static void
test_tracking_number (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapComplaint) synced = NULL;
  g_autoptr(SigapComplaint) unreceived = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;
  g_autofree char *g = NULL;
  g_autofree char *h = NULL;

  /* The fixture's complaint, 2025-07-17 UTC */
  g_assert_cmpstr (sigap_complaint_get_tracking_number (f->complaint), ==, "ADU-2025-000001");

  a = insert_and_number (f, 1752710400);
  g_assert_cmpstr (a, ==, "ADU-2025-000002");

  /* 2024-12-31 17:30 UTC is 2025-01-01 00:30 in Jakarta. */
  b = insert_and_number (f, 1735666200);
  g_assert_cmpstr (b, ==, "ADU-2025-000003");
  /* 2024-12-31 16:30 UTC is still 2024 there. */
  c = insert_and_number (f, 1735662600);
  g_assert_cmpstr (c, ==, "ADU-2024-000001");

  /* Numbers are not given twice, even after a delete. */
  sigap_store_delete_complaint (f->store, sigap_complaint_get_id (f->complaint), &error);
  g_assert_no_error (error);
  d = insert_and_number (f, 1752710400);
  g_assert_cmpstr (d, ==, "ADU-2025-000004");

  /* A complaint synced with its own number keeps it, and later numbers go
   * past it. */
  synced = make_complaint (NULL, 1752710400, "Dari server");
  sigap_complaint_set_tracking_number (synced, "ADU-2025-000050");
  sigap_store_insert_complaint (f->store, synced, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_complaint_get_tracking_number (synced), ==, "ADU-2025-000050");
  e = insert_and_number (f, 1752710400);
  g_assert_cmpstr (e, ==, "ADU-2025-000051");

  /* The counter lives in the database. */
  g_clear_object (&f->store);
  f->store = sigap_store_open (f->path, &error);
  g_assert_no_error (error);
  g = insert_and_number (f, 1752710400);
  g_assert_cmpstr (g, ==, "ADU-2025-000052");

  /* No receipt time: now, and this year's number. */
  unreceived = make_complaint (NULL, 0, "Tanpa waktu");
  sigap_store_insert_complaint (f->store, unreceived, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_complaint_get_received_at (unreceived), >, 1752710400);
  h = g_strdup (sigap_complaint_get_tracking_number (unreceived));
  g_assert_true (g_str_has_prefix (h, "ADU-"));
  g_assert_cmpuint (strlen (h), ==, strlen ("ADU-2025-000001"));
}

static void
test_complaint_list (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) mine = NULL;

  /* The fixture has one at 1752710400; add ties and others. */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(SigapComplaint) complaint = NULL;
      const char *opd_id = sigap_opd_get_id (i % 2 ? f->opd : f->other_opd);

      complaint = make_complaint (opd_id, 1752000000 + (i % 5) * 1000, "Aduan");
      sigap_store_insert_complaint (f->store, complaint, &error);
      g_assert_no_error (error);
    }

  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, 21);
  g_assert_cmpint (sigap_store_count_complaints (f->store, sigap_opd_get_id (f->opd)), ==, 11);
  g_assert_cmpint (sigap_store_count_complaints (f->store, "nope"), ==, 0);

  all = sigap_store_list_complaints (f->store, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 21);
  g_assert_cmpstr (sigap_complaint_get_id (g_ptr_array_index (all, 0)), ==,
                   sigap_complaint_get_id (f->complaint));

  /* Newest first; ties by id */
  for (guint i = 1; i < all->len; i++)
    {
      SigapComplaint *prev = g_ptr_array_index (all, i - 1);
      SigapComplaint *cur = g_ptr_array_index (all, i);

      g_assert_cmpint (sigap_complaint_get_received_at (prev), >=,
                       sigap_complaint_get_received_at (cur));
      if (sigap_complaint_get_received_at (prev) == sigap_complaint_get_received_at (cur))
        g_assert_cmpstr (sigap_complaint_get_id (prev), <, sigap_complaint_get_id (cur));
    }

  page = sigap_store_list_complaints (f->store, NULL, 5, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 7);
  for (guint i = 0; i < page->len; i++)
    g_assert_cmpstr (sigap_complaint_get_id (g_ptr_array_index (page, i)), ==,
                     sigap_complaint_get_id (g_ptr_array_index (all, i + 5)));
  g_clear_pointer (&page, g_ptr_array_unref);

  page = sigap_store_list_complaints (f->store, NULL, 20, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);

  mine = sigap_store_list_complaints (f->store, sigap_opd_get_id (f->other_opd), 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 10);
  for (guint i = 0; i < mine->len; i++)
    g_assert_cmpstr (sigap_complaint_get_opd_id (g_ptr_array_index (mine, i)), ==,
                     sigap_opd_get_id (f->other_opd));
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  /* Most at the same second: the order they were added must hold. */
  const char *actions[] = { "received", "verified", "routed", "note", "assigned", "replied",
                            "resolved" };
  const gint64 times[] = { 100, 200, 200, 200, 200, 200, 300 };
  g_autoptr(SigapComplaintEvent) later = sigap_complaint_event_new ();
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();

      sigap_complaint_event_set_complaint_id (event, sigap_complaint_get_id (f->complaint));
      sigap_complaint_event_set_action (event, actions[i]);
      sigap_complaint_event_set_actor_id (event, "user-1");
      sigap_complaint_event_set_note (event, i == 3 ? "Sudah dicek lapangan" : NULL);
      sigap_complaint_event_set_from_status (event, SIGAP_COMPLAINT_STATUS_VERIFIED);
      sigap_complaint_event_set_to_status (event, SIGAP_COMPLAINT_STATUS_IN_PROGRESS);
      sigap_complaint_event_set_opd_id (event, sigap_opd_get_id (f->opd));
      sigap_complaint_event_set_created_at (event, times[i]);
      sigap_store_add_complaint_event (f->store, event, &error);
      g_assert_no_error (error);
      g_assert_true (g_uuid_string_is_valid (sigap_complaint_event_get_id (event)));
    }

  /* created_at 0 means now */
  sigap_complaint_event_set_complaint_id (later, sigap_complaint_get_id (f->complaint));
  sigap_complaint_event_set_action (later, "archived");
  sigap_store_add_complaint_event (f->store, later, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_complaint_event_get_created_at (later), >=, before);

  /* Appending the same event again is refused: events are never changed. */
  g_assert_false (sigap_store_add_complaint_event (f->store, later, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  events = sigap_store_list_complaint_events (f->store, sigap_complaint_get_id (f->complaint),
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (actions) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      SigapComplaintEvent *event = g_ptr_array_index (events, i);

      g_assert_cmpstr (sigap_complaint_event_get_action (event), ==, actions[i]);
      g_assert_cmpint (sigap_complaint_event_get_created_at (event), ==, times[i]);
      g_assert_cmpint (sigap_complaint_event_get_to_status (event), ==,
                       SIGAP_COMPLAINT_STATUS_IN_PROGRESS);
    }
  g_assert_cmpstr (sigap_complaint_event_get_note (g_ptr_array_index (events, 3)), ==,
                   "Sudah dicek lapangan");
  g_assert_null (sigap_complaint_event_get_note (g_ptr_array_index (events, 0)));
  sigap_test_assert_same_properties (g_ptr_array_index (events, G_N_ELEMENTS (actions)), later,
                                     NULL);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* The timeline goes with its complaint. */
  sigap_store_delete_complaint (f->store, sigap_complaint_get_id (f->complaint), &error);
  g_assert_no_error (error);
  events = sigap_store_list_complaint_events (f->store, sigap_complaint_get_id (f->complaint),
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 0);
}

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapComplaint) dropped = make_complaint (NULL, 1752710400, "Dibatalkan");
  g_autoptr(SigapComplaint) kept = make_complaint (NULL, 1752710400, "Disimpan");
  g_autoptr(SigapComplaint) reread = NULL;

  /* Commit without begin */
  g_assert_false (sigap_store_commit (f->store, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED);
  assert_message_is_sentence (error);
  g_clear_error (&error);

  /* Rollback without begin does nothing. */
  sigap_store_rollback (f->store);

  g_assert_true (sigap_store_begin (f->store, &error));
  g_assert_no_error (error);

  /* No nesting */
  g_assert_false (sigap_store_begin (f->store, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED);
  assert_message_is_sentence (error);
  g_clear_error (&error);

  sigap_store_insert_complaint (f->store, dropped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, 2);
  sigap_store_rollback (f->store);
  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, 1);

  /* The transaction is over: a new one may start. */
  g_assert_true (sigap_store_begin (f->store, &error));
  g_assert_no_error (error);
  sigap_store_insert_complaint (f->store, kept, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_no_error (error);

  /* Committed data is in the file. */
  g_clear_object (&f->store);
  f->store = sigap_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, 2);
  reread = sigap_store_get_complaint (f->store, sigap_complaint_get_id (kept), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_complaint_get_body (reread), ==, "Disimpan");
  g_assert_null (sigap_store_get_complaint (f->store, sigap_complaint_get_id (dropped), NULL));
}

static void
test_meta (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_null (sigap_store_get_meta (f->store, "local_user"));

  g_assert_true (sigap_store_set_meta (f->store, "local_user", "siti", &error));
  g_assert_no_error (error);
  value = sigap_store_get_meta (f->store, "local_user");
  g_assert_cmpstr (value, ==, "siti");
  g_clear_pointer (&value, g_free);

  g_assert_true (sigap_store_set_meta (f->store, "local_user", "budi", &error));
  g_assert_no_error (error);
  g_assert_true (sigap_store_set_meta (f->store, "sync_cursor", "", &error));
  g_assert_no_error (error);

  g_clear_object (&f->store);
  f->store = sigap_store_open (f->path, &error);
  g_assert_no_error (error);

  value = sigap_store_get_meta (f->store, "local_user");
  g_assert_cmpstr (value, ==, "budi");
  g_clear_pointer (&value, g_free);
  value = sigap_store_get_meta (f->store, "sync_cursor");
  g_assert_cmpstr (value, ==, "");
  g_clear_pointer (&value, g_free);

  g_assert_true (sigap_store_set_meta (f->store, "local_user", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (sigap_store_get_meta (f->store, "local_user"));
}

/* Inserting many complaints in one transaction must stay fast: the demo
 * data and the first sync do it. */
static void
test_bulk_insert (Fixture       *f,
                  gconstpointer  data)
{
  const guint n = 100000;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GPtrArray) last_page = NULL;
  double insert_seconds, page_seconds, open_seconds;

  g_assert_true (sigap_store_begin (f->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SigapComplaint) complaint = NULL;

      complaint = make_complaint (sigap_opd_get_id (i % 3 ? f->opd : f->other_opd),
                                  1700000000 + (gint64) i * 311, "Aduan massal");
      sigap_complaint_set_citizen_name (complaint, "Warga");
      if (!sigap_store_insert_complaint (f->store, complaint, &error))
        break;
    }
  g_assert_no_error (error);
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_no_error (error);
  insert_seconds = g_timer_elapsed (timer, NULL);
  g_test_message ("Inserted %u complaints in %.2f s", n, insert_seconds);

  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, n + 1);

  g_timer_start (timer);
  last_page = sigap_store_list_complaints (f->store, NULL, n - 99, 100, &error);
  g_assert_no_error (error);
  page_seconds = g_timer_elapsed (timer, NULL);
  g_test_message ("Read the last page in %.3f s", page_seconds);
  g_assert_cmpuint (last_page->len, ==, 100);

  /* Opening checks the whole file. */
  g_clear_object (&f->store);
  g_timer_start (timer);
  f->store = sigap_store_open (f->path, &error);
  g_assert_no_error (error);
  open_seconds = g_timer_elapsed (timer, NULL);
  g_test_message ("Opened in %.3f s", open_seconds);

  /* Generous bounds, so that sanitizer builds and busy machines pass; a
   * store without cached statements or indexes misses them by far. */
  g_assert_cmpfloat (insert_seconds, <, 60.0);
  g_assert_cmpfloat (page_seconds, <, 2.0);
  g_assert_cmpfloat (open_seconds, <, 10.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/round-trip", test_round_trip);
  ADD ("/store/find", test_find);
  ADD ("/store/enum-storage", test_enum_storage);
  ADD ("/store/errors/exists", test_errors_exists);
  ADD ("/store/errors/invalid", test_errors_invalid);
  ADD ("/store/errors/not-found", test_errors_not_found);
  ADD ("/store/post/variants", test_post_variants);
  ADD ("/store/post/list", test_post_list);
  ADD ("/store/post/list-by-status", test_post_list_by_status);
  ADD ("/store/complaint/tracking-number", test_tracking_number);
  ADD ("/store/complaint/list", test_complaint_list);
  ADD ("/store/complaint/events", test_events);
  ADD ("/store/transactions", test_transactions);
  ADD ("/store/meta", test_meta);
  ADD ("/store/complaint/bulk-insert", test_bulk_insert);

#undef ADD

  return g_test_run ();
}
