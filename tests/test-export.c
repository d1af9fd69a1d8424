/* test-export.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Exporting the schedule, without a display: the ranges the export window
 * offers, the name it suggests, and the file it writes. */

#include "config.h"

#include "sigap-export-window.h"
#include "sigap-format.h"
#include "sigap-test-utils.h"

#define DAY (24 * 3600)

typedef struct
{
  char *dir;
  SigapStore *store;
  SigapOpd *opd;
  SigapOpd *other_opd;
  SigapUser *user;
} Fixture;

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
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->opd);
  g_clear_object (&fixture->other_opd);
  g_clear_object (&fixture->user);
  g_clear_object (&fixture->store);
  sigap_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
add_post (Fixture         *fixture,
          SigapOpd        *opd,
          const char      *title,
          SigapPostStatus  status,
          GDateTime       *when)
{
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(SigapPostVariant) variant = sigap_post_variant_new ();
  g_autoptr(GError) error = NULL;

  sigap_post_set_opd_id (post, sigap_opd_get_id (opd));
  sigap_post_set_author_id (post, sigap_user_get_id (fixture->user));
  sigap_post_set_title (post, title);
  sigap_post_set_body (post, "Isi unggahan, dengan koma; titik koma dan baris\nbaru.");
  sigap_post_set_status (post, status);
  sigap_post_set_category (post, SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE);
  sigap_post_set_scheduled_at (post, g_date_time_to_unix (when));
  sigap_post_set_created_at (post, g_date_time_to_unix (when) - DAY);
  sigap_post_variant_set_platform (variant, SIGAP_PLATFORM_INSTAGRAM);
  sigap_post_set_variant (post, variant);

  sigap_store_insert_post (fixture->store, post, &error);
  g_assert_no_error (error);
}

static void
assert_bounds (GDateTime  *from,
               GDateTime  *to,
               const char *expected_from,
               const char *expected_to)
{
  g_autofree char *from_text = g_date_time_format_iso8601 (from);
  g_autofree char *to_text = g_date_time_format_iso8601 (to);

  g_assert_cmpstr (from_text, ==, expected_from);
  g_assert_cmpstr (to_text, ==, expected_to);
}

static void
test_range (void)
{
  g_autoptr(GTimeZone) wit = g_time_zone_new_identifier ("Asia/Jayapura");
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;

  g_assert_nonnull (wit);

  /* The last evening of the year in Papua. */
  now = g_date_time_new (wit, 2025, 12, 31, 23, 30, 0);

  {
    g_autoptr(GDateTime) from = NULL;
    g_autoptr(GDateTime) to = NULL;

    g_assert_true (sigap_export_range_bounds (SIGAP_EXPORT_RANGE_THIS_MONTH, now, NULL, NULL,
                                              &from, &to));
    assert_bounds (from, to, "2025-12-01T00:00:00+09", "2026-01-01T00:00:00+09");
  }

  {
    g_autoptr(GDateTime) from = NULL;
    g_autoptr(GDateTime) to = NULL;

    g_assert_true (sigap_export_range_bounds (SIGAP_EXPORT_RANGE_NEXT_MONTH, now, NULL, NULL,
                                              &from, &to));
    assert_bounds (from, to, "2026-01-01T00:00:00+09", "2026-02-01T00:00:00+09");
  }

  /* Both days included, whatever their time of day. */
  first = g_date_time_new (wit, 2026, 2, 27, 15, 0, 0);
  last = g_date_time_new (wit, 2026, 3, 2, 8, 0, 0);
  {
    g_autoptr(GDateTime) from = NULL;
    g_autoptr(GDateTime) to = NULL;

    g_assert_true (sigap_export_range_bounds (SIGAP_EXPORT_RANGE_DATES, now, first, last,
                                              &from, &to));
    assert_bounds (from, to, "2026-02-27T00:00:00+09", "2026-03-03T00:00:00+09");
  }

  /* One day. */
  {
    g_autoptr(GDateTime) from = NULL;
    g_autoptr(GDateTime) to = NULL;

    g_assert_true (sigap_export_range_bounds (SIGAP_EXPORT_RANGE_DATES, now, first, first,
                                              &from, &to));
    assert_bounds (from, to, "2026-02-27T00:00:00+09", "2026-02-28T00:00:00+09");
  }

  /* Backwards. */
  g_assert_false (sigap_export_range_bounds (SIGAP_EXPORT_RANGE_DATES, now, last, first,
                                             NULL, NULL));
}

static void
test_filename (void)
{
  g_autoptr(SigapOpd) opd = sigap_opd_new ();
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) from = g_date_time_new (wib, 2025, 7, 1, 0, 0, 0);
  g_autofree char *plain = NULL;
  g_autofree char *odd = NULL;
  g_autofree char *none = NULL;

  sigap_opd_set_code (opd, "dinkes");
  plain = sigap_export_suggest_filename (opd, from);
  g_assert_cmpstr (plain, ==, "schedule-dinkes-2025-07.ics");

  /* Whatever the code holds, the name stays one safe word. */
  sigap_opd_set_code (opd, " Kec. Wates/Kulon Progo ");
  odd = sigap_export_suggest_filename (opd, from);
  g_assert_cmpstr (odd, ==, "schedule-kec-wates-kulon-progo-2025-07.ics");

  sigap_opd_set_code (opd, "../");
  none = sigap_export_suggest_filename (opd, from);
  g_assert_cmpstr (none, ==, "schedule-opd-2025-07.ics");
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
export (Fixture    *fixture,
        GDateTime  *from,
        GDateTime  *to,
        GFile      *file,
        guint      *n_posts,
        GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sigap_export_schedule_async (fixture->store, fixture->opd, from, to, file, NULL,
                               export_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return sigap_export_schedule_finish (result, n_posts, error);
}

static guint
count_lines (const char *text,
             const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strcmp0 (lines[i], line) == 0)
      n++;

  return n;
}

static void
test_write (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GTimeZone) zone = sigap_opd_dup_zone (fixture->opd);
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2025, 7, 17, 9, 0, 0);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) next_from = NULL;
  g_autoptr(GDateTime) next_to = NULL;
  g_autoptr(GDateTime) in_july = g_date_time_new (zone, 2025, 7, 31, 23, 30, 0);
  g_autoptr(GDateTime) in_august = g_date_time_new (zone, 2025, 8, 1, 0, 0, 0);
  g_autofree char *path = g_build_filename (fixture->dir, "jadwal.ics", NULL);
  g_autofree char *empty_path = g_build_filename (fixture->dir, "kosong.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) empty_file = g_file_new_for_path (empty_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *empty_contents = NULL;
  guint n_posts = G_MAXUINT;

  add_post (fixture, fixture->opd, "Jadwal posyandu", SIGAP_POST_STATUS_SCHEDULED, now);
  add_post (fixture, fixture->opd, "Draf", SIGAP_POST_STATUS_DRAFT, now);
  add_post (fixture, fixture->opd, "Batal", SIGAP_POST_STATUS_CANCELLED, in_july);
  add_post (fixture, fixture->opd, "Agustus", SIGAP_POST_STATUS_SCHEDULED, in_august);
  add_post (fixture, fixture->other_opd, "Uji emisi", SIGAP_POST_STATUS_SCHEDULED, now);

  /* July: every post of the agency, whatever its status, and none of
   * another agency's or of August. */
  g_assert_true (sigap_export_range_bounds (SIGAP_EXPORT_RANGE_THIS_MONTH, now, NULL, NULL,
                                            &from, &to));
  g_assert_true (export (fixture, from, to, file, &n_posts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_posts, ==, 3);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (contents, "END:VCALENDAR\r\n"));
  g_assert_cmpuint (count_lines (contents, "BEGIN:VEVENT"), ==, 3);
  g_assert_cmpuint (count_lines (contents, "STATUS:CANCELLED"), ==, 1);
  g_assert_null (strstr (contents, "Uji emisi"));
  g_assert_null (strstr (contents, "Agustus"));

  /* A range without posts is still a calendar. */
  g_assert_true (sigap_export_range_bounds (SIGAP_EXPORT_RANGE_NEXT_MONTH,
                                            in_august, NULL, NULL, &next_from, &next_to));
  g_assert_true (export (fixture, next_from, next_to, empty_file, &n_posts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_posts, ==, 0);
  g_file_get_contents (empty_path, &empty_contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_lines (empty_contents, "BEGIN:VCALENDAR"), ==, 1);
  g_assert_cmpuint (count_lines (empty_contents, "END:VCALENDAR"), ==, 1);
  g_assert_cmpuint (count_lines (empty_contents, "BEGIN:VEVENT"), ==, 0);
}

static void
test_write_fails (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GTimeZone) zone = sigap_opd_dup_zone (fixture->opd);
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2025, 7, 17, 9, 0, 0);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "hilang", "jadwal.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  add_post (fixture, fixture->opd, "Jadwal posyandu", SIGAP_POST_STATUS_SCHEDULED, now);
  g_assert_true (sigap_export_range_bounds (SIGAP_EXPORT_RANGE_THIS_MONTH, now, NULL, NULL,
                                            &from, &to));

  /* A folder that is not there: an error, and no file. */
  g_assert_false (export (fixture, from, to, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/range", test_range);
  g_test_add_func ("/export/filename", test_filename);
  g_test_add ("/export/write", Fixture, NULL, fixture_set_up, test_write, fixture_tear_down);
  g_test_add ("/export/write-fails", Fixture, NULL,
              fixture_set_up, test_write_fails, fixture_tear_down);

  return g_test_run ();
}
