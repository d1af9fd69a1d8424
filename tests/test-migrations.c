/* test-migrations.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include <sqlite3.h>

#include "sigap-test-utils.h"

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static char *
raw_plan (const char *path,
          const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (plan, FALSE);
}

static void
test_fresh (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sigap.db", NULL);
  g_autofree char *journal = NULL;
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int latest = sigap_store_latest_version ();

  g_assert_cmpint (latest, >=, 2);

  store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_store_get_schema_version (store), ==, latest);
  g_assert_cmpstr (sigap_store_get_path (store), ==, path);
  g_clear_object (&store);

  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, latest);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM schema_migrations"), ==, latest);
  g_assert_cmpint (raw_int (path, "SELECT min(version) FROM schema_migrations"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT max(version) FROM schema_migrations"), ==, latest);
  g_assert_cmpint (raw_int (path, "SELECT min(applied_at) FROM schema_migrations"), >,
                   1700000000);
  journal = raw_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  /* Opening again runs nothing. */
  store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM schema_migrations"), ==, latest);

  sigap_test_rm_rf (dir);
}

static void
test_upgrade_keeps_data (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sigap.db", NULL);
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(SigapComplaint) complaint = NULL;
  g_autoptr(SigapComplaint) added = NULL;
  g_autoptr(SigapComplaint) reread = NULL;
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *local_user = NULL;

  /* A database as the first release wrote it */
  store = sigap_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_store_get_schema_version (store), ==, 1);

  /* The store works at version 1, without the columns of later ones. */
  added = sigap_complaint_new ();
  sigap_complaint_set_body (added, "Ditulis oleh versi 1");
  sigap_complaint_set_received_at (added, 1752710400);
  sigap_store_insert_complaint (store, added, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM schema_migrations"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM pragma_table_info('complaint') "
                                  "WHERE name = 'public_issue'"), ==, 0);

  raw_exec (path,
            "INSERT INTO opd (id, code, name, kind, version, updated_at) "
            "  VALUES ('opd-1', 'DPU', 'Dinas Pekerjaan Umum', 'dinas', 4, 100);"
            "INSERT INTO complaint (id, tracking_number, channel, kind, body, status, opd_id,"
            "  received_at, citizen_name, version, updated_at) "
            "  VALUES ('c-1', 'ADU-2025-000007', 'instagram', 'complaint', 'Jalan rusak',"
            "  'in-progress', 'opd-1', 1752710000, 'Pak Slamet', 3, 100);"
            "INSERT INTO post (id, opd_id, title, category, status, scheduled_at, created_at,"
            "  version, updated_at) "
            "  VALUES ('p-1', 'opd-1', 'Perbaikan jalan', 'programme', 'scheduled', 1752800000,"
            "  1752700000, 2, 100);"
            "INSERT INTO post_variant (post_id, platform, body) VALUES ('p-1', 'x', 'Cuitan');"
            "INSERT INTO meta (key, value) VALUES ('local_user', 'siti');");

  /* Upgrade */
  store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_store_get_schema_version (store), ==, sigap_store_latest_version ());

  opd = sigap_store_get_opd (store, "opd-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_opd_get_name (opd), ==, "Dinas Pekerjaan Umum");
  g_assert_cmpint (sigap_opd_get_version (opd), ==, 4);

  complaint = sigap_store_get_complaint (store, "c-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_complaint_get_tracking_number (complaint), ==, "ADU-2025-000007");
  g_assert_cmpint (sigap_complaint_get_channel (complaint), ==, SIGAP_CHANNEL_INSTAGRAM);
  g_assert_cmpint (sigap_complaint_get_status (complaint), ==,
                   SIGAP_COMPLAINT_STATUS_IN_PROGRESS);
  g_assert_cmpstr (sigap_complaint_get_citizen_name (complaint), ==, "Pak Slamet");
  g_assert_cmpint (sigap_complaint_get_version (complaint), ==, 3);
  /* The column migration 2 adds, with its default */
  g_assert_false (sigap_complaint_get_public_issue (complaint));

  sigap_complaint_set_public_issue (complaint, TRUE);
  sigap_store_update_complaint (store, complaint, &error);
  g_assert_no_error (error);
  reread = sigap_store_get_complaint (store, "c-1", &error);
  g_assert_no_error (error);
  g_assert_true (sigap_complaint_get_public_issue (reread));
  g_assert_cmpint (sigap_complaint_get_version (reread), ==, 4);
  g_clear_object (&reread);

  reread = sigap_store_get_complaint (store, sigap_complaint_get_id (added), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_complaint_get_body (reread), ==, "Ditulis oleh versi 1");
  g_assert_cmpstr (sigap_complaint_get_tracking_number (reread), ==, "ADU-2025-000001");

  post = sigap_store_get_post (store, "p-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_post_get_category (post), ==, SIGAP_CONTENT_CATEGORY_PROGRAMME);
  g_assert_cmpuint (sigap_post_get_variants (post)->len, ==, 1);
  g_assert_cmpstr (sigap_post_variant_get_body (sigap_post_get_variant (post, SIGAP_PLATFORM_X)),
                   ==, "Cuitan");

  local_user = sigap_store_get_meta (store, "local_user");
  g_assert_cmpstr (local_user, ==, "siti");

  /* Numbering carries on past what version 1 stored. */
  g_clear_object (&added);
  added = sigap_complaint_new ();
  sigap_complaint_set_body (added, "Baru");
  sigap_complaint_set_received_at (added, 1752710400);
  sigap_store_insert_complaint (store, added, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_complaint_get_tracking_number (added), ==, "ADU-2025-000008");
  g_clear_object (&store);

  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, sigap_store_latest_version ());
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM schema_migrations"), ==,
                   sigap_store_latest_version ());
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                  "AND name IN ('complaint_opd_received', 'post_opd_scheduled')"),
                   ==, 2);
  /* The inbox query uses the index. */
  {
    g_autofree char *plan = raw_plan (path,
                                      "SELECT * FROM complaint "
                                      "WHERE opd_id = 'x' ORDER BY received_at DESC, id "
                                      "LIMIT 100 OFFSET 100");
    g_autofree char *all = raw_plan (path,
                                     "SELECT * FROM complaint "
                                     "ORDER BY received_at DESC, id LIMIT 100 OFFSET 100");

    g_test_message ("Plans: %s / %s", plan, all);
    g_assert_nonnull (strstr (plan, "complaint_opd_received"));
    g_assert_null (strstr (plan, "TEMP B-TREE"));
    g_assert_nonnull (strstr (all, "complaint_received"));
    g_assert_null (strstr (all, "TEMP B-TREE"));
  }

  sigap_test_rm_rf (dir);
}

/* Opening at an older version than the file has leaves the file alone. */
static void
test_open_at_lower_version (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sigap.db", NULL);
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = sigap_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_store_get_schema_version (store), ==, sigap_store_latest_version ());
  g_clear_object (&store);

  sigap_test_rm_rf (dir);
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *before = sigap_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  store = sigap_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SIGAP_STORE_ERROR, code);
  g_test_message ("Refused: %s", error->message);

  /* A sentence that names the file and says what to do */
  len = strlen (error->message);
  g_assert_true (error->message[len - 1] == '.');
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  store = sigap_store_open_at_version (path, 1, &error);
  g_assert_null (store);
  g_assert_error (error, SIGAP_STORE_ERROR, code);

  after = sigap_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_too_new (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sigap.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int future = sigap_store_latest_version () + 1;

  store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* What a later Sigap would have done */
  sql = g_strdup_printf ("INSERT INTO schema_migrations VALUES (%d, 1800000000);"
                         "CREATE TABLE complaint_attachment (id TEXT PRIMARY KEY);"
                         "PRAGMA user_version = %d;",
                         future, future);
  raw_exec (path, sql);

  assert_refused_untouched (path, SIGAP_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, future);

  sigap_test_rm_rf (dir);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sigap.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  /* Larger than a page, so SQLite reads more than a header */
  for (guint i = 0; i < 500; i++)
    g_string_append (text, "Laporan bulanan Dinas Kominfo, bukan basis data.\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  assert_refused_untouched (path, SIGAP_STORE_ERROR_CORRUPT);

  sigap_test_rm_rf (dir);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_damaged (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sigap.db", NULL);
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;
  gint64 page_size;

  store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_store_begin (store, &error));
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();

      sigap_complaint_set_body (complaint, "Aduan warga tentang drainase yang tersumbat");
      sigap_complaint_set_received_at (complaint, 1752710400 + i);
      sigap_store_insert_complaint (store, complaint, &error);
      g_assert_no_error (error);
    }
  g_assert_true (sigap_store_commit (store, &error));
  g_clear_object (&store);

  page_size = raw_int (path, "PRAGMA page_size");

  /* Scribble over a b-tree page in the middle, keeping the header sound */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8 * page_size);
  for (gsize i = 0; i < (gsize) page_size; i++)
    contents[4 * page_size + i] = (char) (0x5a ^ (i * 7));
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  before = sigap_test_file_checksum (path);

  /* Opening reads the header and the schema only; when the damage lies
   * elsewhere, the store opens and the integrity check finds it. */
  store = sigap_store_open (path, &error);
  if (store == NULL)
    {
      g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_CORRUPT);
      g_test_message ("Refused on opening: %s", error->message);
      g_clear_error (&error);
    }
  else
    {
      g_autoptr(GAsyncResult) result = NULL;

      g_test_message ("Opened; checking the whole file");

      sigap_store_check_integrity_async (store, NULL, store_result_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_false (sigap_store_check_integrity_finish (store, result, &error));
      g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);
      g_clear_object (&store);
    }

  after = sigap_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  sigap_test_rm_rf (dir);
}

static void
test_integrity_sound (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sigap.db", NULL);
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  store = sigap_store_open (path, &error);
  g_assert_no_error (error);

  sigap_store_check_integrity_async (store, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sigap_store_check_integrity_finish (store, result, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  sigap_test_rm_rf (dir);
}

static void
test_foreign_database (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sigap.db", NULL);
  sqlite3 *db = NULL;

  /* Some other program's SQLite database */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE bookmarks (url TEXT);"
                                     "INSERT INTO bookmarks VALUES ('https://gnome.org');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (path, SIGAP_STORE_ERROR_CORRUPT);

  sigap_test_rm_rf (dir);
}

static void
test_empty_file (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sigap.db", NULL);
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* What an interrupted first start can leave: an empty file is a new
   * database. */
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_store_get_schema_version (store), ==, sigap_store_latest_version ());
  g_clear_object (&store);

  sigap_test_rm_rf (dir);
}

static void
test_missing_directory (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "data", "sigap", "deep", "sigap.db", NULL);
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&store);

  sigap_test_rm_rf (dir);
}

static void
test_cannot_create_directory (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *blocker = g_build_filename (dir, "data", NULL);
  g_autofree char *path = g_build_filename (blocker, "sigap", "sigap.db", NULL);
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A file where the folder should be: no user, not even root, can make
   * the folder. */
  g_file_set_contents (blocker, "x", 1, &error);
  g_assert_no_error (error);

  store = sigap_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_CANNOT_OPEN);
  g_test_message ("Refused: %s", error->message);
  g_clear_error (&error);

  /* The database path is a folder */
  store = sigap_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_CANNOT_OPEN);

  sigap_test_rm_rf (dir);
}

/* Permissions do not bind root, so as root the child gives up root before
 * it tries; the parent prepares the files and checks them afterwards. */
static void
test_read_only (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("SIGAP_TEST_READ_ONLY_DIR");
      g_autofree char *ro_new = g_build_filename (dir, "ro", "sigap.db", NULL);
      g_autofree char *ro_sub = g_build_filename (dir, "ro", "sub", "sigap.db", NULL);
      g_autofree char *ro_file = g_build_filename (dir, "rw", "sigap.db", NULL);
      g_autofree char *ro_dir_file = g_build_filename (dir, "ro-existing", "sigap.db", NULL);
      g_autoptr(SigapStore) store = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (dir);

      if (getuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }

      /* A new database in a read-only folder */
      store = sigap_store_open (ro_new, &error);
      g_assert_null (store);
      g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_READ_ONLY);
      g_test_message ("Refused: %s", error->message);
      g_clear_error (&error);
      g_assert_false (g_file_test (ro_new, G_FILE_TEST_EXISTS));

      /* A folder that cannot be made inside it */
      store = sigap_store_open (ro_sub, &error);
      g_assert_null (store);
      g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_CANNOT_OPEN);
      g_clear_error (&error);

      /* A read-only database */
      store = sigap_store_open (ro_file, &error);
      g_assert_null (store);
      g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);

      /* A writable database in a read-only folder (no room for its WAL) */
      store = sigap_store_open (ro_dir_file, &error);
      g_assert_null (store);
      g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);

      return;
    }
  else
    {
      g_autofree char *dir = sigap_test_make_tmpdir ();
      g_autofree char *ro = g_build_filename (dir, "ro", NULL);
      g_autofree char *rw = g_build_filename (dir, "rw", NULL);
      g_autofree char *ro_existing = g_build_filename (dir, "ro-existing", NULL);
      g_autofree char *ro_file = g_build_filename (rw, "sigap.db", NULL);
      g_autofree char *ro_dir_file = g_build_filename (ro_existing, "sigap.db", NULL);
      g_autofree char *before = NULL;
      g_autofree char *before_dir_file = NULL;
      g_autofree char *after = NULL;
      g_autoptr(SigapStore) store = NULL;
      g_autoptr(GError) error = NULL;

      store = sigap_store_open (ro_file, &error);
      g_assert_no_error (error);
      g_clear_object (&store);
      store = sigap_store_open (ro_dir_file, &error);
      g_assert_no_error (error);
      g_clear_object (&store);

      g_assert_cmpint (g_mkdir (ro, 0555), ==, 0);
      g_assert_cmpint (g_chmod (ro, 0555), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (rw, 0777), ==, 0);
      g_assert_cmpint (g_chmod (ro_file, 0444), ==, 0);
      g_assert_cmpint (g_chmod (ro_dir_file, 0666), ==, 0);
      g_assert_cmpint (g_chmod (ro_existing, 0555), ==, 0);
      before = sigap_test_file_checksum (ro_file);
      before_dir_file = sigap_test_file_checksum (ro_dir_file);

      g_setenv ("SIGAP_TEST_READ_ONLY_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("SIGAP_TEST_READ_ONLY_DIR");
      g_test_trap_assert_passed ();

      after = sigap_test_file_checksum (ro_file);
      g_assert_cmpstr (before, ==, after);
      g_clear_pointer (&after, g_free);
      after = sigap_test_file_checksum (ro_dir_file);
      g_assert_cmpstr (before_dir_file, ==, after);

      sigap_test_rm_rf (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/fresh", test_fresh);
  g_test_add_func ("/migrations/upgrade-keeps-data", test_upgrade_keeps_data);
  g_test_add_func ("/migrations/open-at-lower-version", test_open_at_lower_version);
  g_test_add_func ("/migrations/refuse/too-new", test_too_new);
  g_test_add_func ("/migrations/refuse/not-a-database", test_not_a_database);
  g_test_add_func ("/migrations/refuse/damaged", test_damaged);
  g_test_add_func ("/migrations/integrity/sound", test_integrity_sound);
  g_test_add_func ("/migrations/refuse/foreign-database", test_foreign_database);
  g_test_add_func ("/migrations/empty-file", test_empty_file);
  g_test_add_func ("/migrations/missing-directory", test_missing_directory);
  g_test_add_func ("/migrations/cannot-create-directory", test_cannot_create_directory);
  g_test_add_func ("/migrations/read-only", test_read_only);

  return g_test_run ();
}
