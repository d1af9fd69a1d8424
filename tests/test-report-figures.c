/* test-report-figures.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "sigap-report-figures.h"
#include "sigap-test-utils.h"

/* Wednesday 18 March 2026, 10:30 WIB: the demo's last three complete
 * months are December 2025 to February 2026. */
#define TEST_NOW        G_GINT64_CONSTANT (1773804600)
#define TEST_COMPLAINTS 2000
#define TEST_POSTS      2000
#define DAY             86400

static const char * const platform_nicks[] = {
  "facebook", "instagram", "x", "youtube", "tiktok",
};

static const char * const category_nicks[] = {
  "public-service", "programme", "achievement", "education", "clarification",
  "announcement",
};

/* The demo regency, seeded once for every test that reads it. */
static struct
{
  char *dir;
  SigapStore *store;
  SigapWorkingDays *days;
  GTimeZone *wib;
} demo;

/* Helpers {{{ */

static SigapWorkingDays *
load_days (void)
{
  g_autoptr(SigapWorkingDays) days = sigap_working_days_new ();
  g_autoptr(GError) error = NULL;

  for (int year = 2025; year <= 2026; year++)
    {
      g_autofree char *name = g_strdup_printf ("%d.json", year);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "holidays",
                                                     name, NULL);

      g_assert_true (sigap_working_days_load_file (days, path, &error));
      g_assert_no_error (error);
    }

  return g_steal_pointer (&days);
}

static void
ensure_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SigapDemoOptions options = {
    .seed = 2025,
    .complaints = TEST_COMPLAINTS,
    .posts = TEST_POSTS,
    .now = TEST_NOW,
  };

  if (demo.store != NULL)
    return;

  demo.dir = sigap_test_make_tmpdir ();
  path = g_build_filename (demo.dir, "demo.db", NULL);
  demo.store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_demo_seed (demo.store, &options, &error));
  g_assert_no_error (error);
  demo.days = load_days ();
  demo.wib = g_time_zone_new_identifier ("Asia/Jakarta");
  if (demo.wib == NULL)
    demo.wib = g_time_zone_new_offset (7 * 3600);
}

static void
demo_months (int year[3],
             int month[3])
{
  sigap_report_last_complete_month (TEST_NOW, demo.wib, &year[0], &month[0]);
  g_assert_cmpint (year[0], ==, 2026);
  g_assert_cmpint (month[0], ==, 2);
  year[1] = 2026;
  month[1] = 1;
  year[2] = 2025;
  month[2] = 12;
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  return stmt;
}

/* One integer from @sql with ?1 = @opd_id, ?2 = @start, ?3 = @end - 1. */
static gint64
sql_count (sqlite3    *db,
           const char *sql,
           const char *opd_id,
           gint64      start,
           gint64      end)
{
  sqlite3_stmt *stmt = prepare (db, sql);
  gint64 value;

  sqlite3_bind_text (stmt, 1, opd_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end - 1);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static int
platform_index (const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (platform_nicks); i++)
    if (g_strcmp0 (nick, platform_nicks[i]) == 0)
      return (int) i;

  g_error ("unknown platform %s", nick);
  return -1;
}

/* Counts per platform from rows (platform, count) of @sql. */
static void
sql_per_platform (sqlite3    *db,
                  const char *sql,
                  const char *opd_id,
                  gint64      start,
                  gint64      end,
                  guint       out[SIGAP_N_PLATFORMS])
{
  sqlite3_stmt *stmt = prepare (db, sql);

  memset (out, 0, sizeof (guint) * SIGAP_N_PLATFORMS);
  sqlite3_bind_text (stmt, 1, opd_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end - 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    out[platform_index ((const char *) sqlite3_column_text (stmt, 0))] =
      (guint) sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
}

/* The test's own reading of links, by regular expressions. */
static void
add_key (GHashTable *platform_set,
         GHashTable *all,
         const char *url)
{
  g_autoptr(GRegex) scheme = g_regex_new ("^https?://", G_REGEX_CASELESS, 0, NULL);
  g_autofree char *key = g_regex_replace_literal (scheme, url, -1, 0, "", 0, NULL);

  if (key[0] == '\0')
    return;
  g_hash_table_add (platform_set, g_strdup (key));
  g_hash_table_add (all, g_strdup (key));
}

static void
extract_links (const char *text,
               GHashTable *platform_set,
               GHashTable *all)
{
  g_autoptr(GRegex) url = NULL;
  g_autoptr(GRegex) simple_www = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL)
    return;

  url = g_regex_new ("https?://\\S+|(?:^|(?<=[\\s(\\[<\"']))www\\.\\S+",
                     G_REGEX_CASELESS, 0, NULL);
  simple_www = g_regex_new ("^www\\.[a-z0-9-]+(\\.[a-z0-9-]+)+([/?#:]|$)",
                            G_REGEX_CASELESS, 0, NULL);
  g_assert_nonnull (url);
  g_assert_nonnull (simple_www);

  g_regex_match (url, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);
      gsize length = strlen (found);

      while (length > 0 && strchr (".,;:!?)\"'", found[length - 1]) != NULL)
        found[--length] = '\0';

      if (g_ascii_strncasecmp (found, "www.", 4) != 0 ||
          g_regex_match (simple_www, found, 0, NULL))
        add_key (platform_set, all, found);

      g_match_info_next (match, NULL);
    }
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
test_median (GArray *values)
{
  double *v = (double *) (void *) values->data;
  guint n = values->len;

  if (n == 0)
    return -1;
  qsort (v, n, sizeof (double), compare_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Working days (or calendar days without @days) between rows (from, to)
 * of @sql, and their median. */
static double
sql_median_days (sqlite3          *db,
                 const char       *sql,
                 const char       *opd_id,
                 gint64            start,
                 gint64            end,
                 SigapWorkingDays *days,
                 guint            *n_out)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt = prepare (db, sql);

  sqlite3_bind_text (stmt, 1, opd_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end - 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 from = sqlite3_column_int64 (stmt, 0);
      gint64 to = sqlite3_column_int64 (stmt, 1);
      double d;

      /* The demo never answers before it receives. */
      g_assert_cmpint (to, >=, from);
      if (days != NULL)
        d = sigap_working_days_between (days, from, to, demo.wib, NULL);
      else
        d = (to - from) / (double) DAY;
      g_array_append_val (values, d);
    }
  sqlite3_finalize (stmt);

  *n_out = values->len;
  return test_median (values);
}

static void
assert_same_figures (const SigapReportFigures *a,
                     const SigapReportFigures *b)
{
  g_autofree char *ja = sigap_report_figures_to_string (a);
  g_autofree char *jb = sigap_report_figures_to_string (b);

  g_assert_cmpstr (ja, ==, jb);
}

/* }}} */
/* Month bounds {{{ */

static void
test_month_bounds (void)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 start, end;
  int year, month;

  /* 1 February 2026 00:00 WIB is 31 January 17:00 UTC. */
  sigap_report_month_bounds (2026, 2, wib, &start, &end);
  g_assert_cmpint (start, ==, 1769878800);
  g_assert_cmpint (end, ==, 1769878800 + 28 * DAY);

  sigap_report_month_bounds (2025, 12, wib, &start, &end);
  g_assert_cmpint (end - start, ==, 31 * DAY);
  g_assert_cmpint (end, ==, 1767200400);   /* 1 January 2026 00:00 WIB */

  sigap_report_month_bounds (2024, 2, utc, &start, &end);
  g_assert_cmpint (end - start, ==, 29 * DAY);

  sigap_report_last_complete_month (TEST_NOW, wib, &year, &month);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (month, ==, 2);

  /* 1 January 2026 00:00 WIB: December is complete; a second earlier it
   * is not, and in UTC it is still 31 December. */
  sigap_report_last_complete_month (1767200400, wib, &year, &month);
  g_assert_cmpint (year, ==, 2025);
  g_assert_cmpint (month, ==, 12);
  sigap_report_last_complete_month (1767200400 - 1, wib, &year, &month);
  g_assert_cmpint (year, ==, 2025);
  g_assert_cmpint (month, ==, 11);
  sigap_report_last_complete_month (1767200400, utc, &year, &month);
  g_assert_cmpint (month, ==, 11);
}

/* }}} */
/* The demo against SQL {{{ */

static void
check_against_sql (const char       *opd_id,
                   int               year,
                   int               month,
                   SigapWorkingDays *days,
                   guint             totals[8])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapReportFigures) figures = NULL;
  g_autoptr(GHashTable) all_links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  GHashTable *links[SIGAP_N_PLATFORMS];
  sqlite3 *db = sigap_store_get_connection (demo.store);
  sqlite3_stmt *stmt;
  guint expected[SIGAP_N_PLATFORMS];
  gint64 start, end;
  double expected_median;
  guint n;
  guint account_rows = 0;

  sigap_report_month_bounds (year, month, demo.wib, &start, &end);
  figures = sigap_report_figures_compute (demo.store, opd_id, year, month, days, demo.wib,
                                          &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures);
  g_assert_cmpstr (figures->opd_id, ==, opd_id);
  g_assert_cmpint (figures->year, ==, year);
  g_assert_cmpint (figures->month, ==, month);

  /* Planned: every status but cancelled, by scheduled_at. */
  sql_per_platform (db,
                    "SELECT platform, COUNT (*) FROM post_variant WHERE post_id IN"
                    " (SELECT id FROM post WHERE opd_id = ?1"
                    "  AND scheduled_at BETWEEN ?2 AND ?3"
                    "  AND status IN ('draft', 'review', 'scheduled', 'published'))"
                    " GROUP BY platform",
                    opd_id, start, end, expected);
  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    g_assert_cmpuint (figures->planned[p], ==, expected[p]);
  totals[0] += sigap_report_figures_total (expected);

  sql_per_platform (db,
                    "SELECT platform, COUNT (*) FROM post_variant WHERE post_id IN"
                    " (SELECT id FROM post WHERE opd_id = ?1"
                    "  AND scheduled_at BETWEEN ?2 AND ?3 AND status = 'published')"
                    " GROUP BY platform",
                    opd_id, start, end, expected);
  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    g_assert_cmpuint (figures->published[p], ==, expected[p]);

  sql_per_platform (db,
                    "SELECT platform, COUNT (*) FROM post_variant WHERE post_id IN"
                    " (SELECT id FROM post WHERE opd_id = ?1"
                    "  AND published_at BETWEEN ?2 AND ?3 AND status = 'published')"
                    " GROUP BY platform",
                    opd_id, start, end, expected);
  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    g_assert_cmpuint (figures->uploads[p], ==, expected[p]);
  totals[1] += sigap_report_figures_total (expected);

  /* Links: the rows by SQL, the URLs by regular expressions. */
  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    links[p] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stmt = prepare (db,
                  "SELECT v.platform, coalesce (nullif (v.links, ''), v.body), p.body,"
                  " v.published_url"
                  " FROM post p, post_variant v WHERE v.post_id = p.id AND p.opd_id = ?1"
                  " AND p.published_at BETWEEN ?2 AND ?3 AND p.status = 'published'");
  sqlite3_bind_text (stmt, 1, opd_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end - 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int p = platform_index ((const char *) sqlite3_column_text (stmt, 0));
      const char *variant_body = (const char *) sqlite3_column_text (stmt, 1);
      const char *post_body = (const char *) sqlite3_column_text (stmt, 2);
      const char *url = (const char *) sqlite3_column_text (stmt, 3);

      extract_links (variant_body != NULL && *variant_body ? variant_body : post_body,
                     links[p], all_links);
      if (url != NULL)
        add_key (links[p], all_links, url);
    }
  sqlite3_finalize (stmt);
  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      g_assert_cmpuint (figures->links[p], ==, g_hash_table_size (links[p]));
      /* More links than uploads: the texts' links are read too. */
      if (g_hash_table_size (links[p]) > figures->uploads[p])
        totals[7]++;
      g_hash_table_unref (links[p]);
    }
  g_assert_cmpuint (figures->links_total, ==, g_hash_table_size (all_links));
  totals[2] += g_hash_table_size (all_links);

  /* Categories: posts, not variants. */
  for (guint c = 0; c < SIGAP_N_CONTENT_CATEGORIES; c++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT COUNT (*) FROM post WHERE opd_id = ?1"
                                              " AND status = 'published'"
                                              " AND published_at BETWEEN ?2 AND ?3"
                                              " AND category = '%s'", category_nicks[c]);

      g_assert_cmpuint (figures->categories[c], ==, sql_count (db, sql, opd_id, start, end));
    }

  /* Complaints. */
  g_assert_cmpuint (figures->complaints_received, ==,
                    sql_count (db, "SELECT COUNT (*) FROM complaint WHERE opd_id = ?1"
                               " AND received_at BETWEEN ?2 AND ?3", opd_id, start, end));
  g_assert_cmpuint (figures->complaints_resolved, ==,
                    sql_count (db, "SELECT COUNT (*) FROM complaint WHERE opd_id = ?1"
                               " AND resolved_at BETWEEN ?2 AND ?3", opd_id, start, end));
  g_assert_cmpuint (figures->complaints_due, ==,
                    sql_count (db, "SELECT COUNT (*) FROM complaint WHERE opd_id = ?1"
                               " AND due_at BETWEEN ?2 AND ?3", opd_id, start, end));
  g_assert_cmpuint (figures->complaints_late, ==,
                    sql_count (db, "SELECT COUNT (*) FROM complaint WHERE opd_id = ?1"
                               " AND due_at BETWEEN ?2 AND ?3"
                               " AND NOT (resolved_at > 0 AND resolved_at <= due_at)",
                               opd_id, start, end));
  totals[3] += figures->complaints_received;
  totals[4] += figures->complaints_late;

  expected_median = sql_median_days (db,
                                     "SELECT received_at, resolved_at FROM complaint"
                                     " WHERE opd_id = ?1 AND resolved_at BETWEEN ?2 AND ?3",
                                     opd_id, start, end, days, &n);
  g_assert_cmpfloat_with_epsilon (figures->median_resolution_days, expected_median, 1e-9);
  if (n > 0)
    totals[5]++;

  expected_median = sql_median_days (db,
                                     "SELECT c.received_at, MIN (e.created_at)"
                                     " FROM complaint c"
                                     " JOIN complaint_event e ON e.complaint_id = c.id"
                                     " WHERE c.opd_id = ?1"
                                     " AND (e.action = 'answered' OR e.to_status = 'resolved')"
                                     " GROUP BY c.id"
                                     " HAVING MIN (e.created_at) BETWEEN ?2 AND ?3",
                                     opd_id, start, end, days, &n);
  g_assert_cmpfloat_with_epsilon (figures->median_first_answer_days, expected_median, 1e-9);

  /* Accounts, in platform then handle order. */
  stmt = prepare (db,
                  "SELECT a.id, a.platform, a.handle,"
                  " (SELECT IFNULL (MAX (p.published_at), 0) FROM post p"
                  "  WHERE p.opd_id = a.opd_id AND p.status = 'published'"
                  "  AND p.published_at < ?2"
                  "  AND EXISTS (SELECT 1 FROM post_variant v"
                  "              WHERE v.post_id = p.id AND v.platform = a.platform))"
                  " FROM account a WHERE a.opd_id = ?1"
                  " ORDER BY CASE a.platform WHEN 'facebook' THEN 0 WHEN 'instagram' THEN 1"
                  " WHEN 'x' THEN 2 WHEN 'youtube' THEN 3 ELSE 4 END, a.handle");
  sqlite3_bind_text (stmt, 1, opd_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, end);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SigapReportAccount *account;
      gint64 last = sqlite3_column_int64 (stmt, 3);
      gboolean quiet = last == 0 || end - last > SIGAP_REPORT_QUIET_DAYS * DAY;

      g_assert_cmpuint (account_rows, <, figures->accounts->len);
      account = g_ptr_array_index (figures->accounts, account_rows);
      g_assert_cmpstr (account->account_id, ==, (const char *) sqlite3_column_text (stmt, 0));
      g_assert_cmpint (account->platform, ==,
                       platform_index ((const char *) sqlite3_column_text (stmt, 1)));
      g_assert_cmpstr (account->handle, ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpint (account->last_published_at, ==, last);
      g_assert_cmpint (account->quiet, ==, quiet);
      g_assert_cmpint (account->followers, ==, -1);
      g_assert_cmpint (account->reach, ==, -1);
      g_assert_cmpint (account->engagement, ==, -1);
      if (quiet)
        totals[6]++;
      account_rows++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (account_rows, ==, figures->accounts->len);
}

static void
test_demo_against_sql (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) opds = NULL;
  int years[3], months[3];
  /* planned, uploads, links, received, late, months with a resolution
   * median, quiet accounts, platforms with more links than uploads */
  guint totals[8] = { 0, };

  ensure_demo ();
  demo_months (years, months);
  opds = sigap_store_list_opds (demo.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (opds->len, >=, 30);

  for (guint m = 0; m < 3; m++)
    for (guint i = 0; i < opds->len; i++)
      check_against_sql (sigap_opd_get_id (g_ptr_array_index (opds, i)), years[m], months[m],
                         demo.days, totals);

  /* Without a working-day calendar, calendar days (a few OPDs). */
  for (guint i = 0; i < 5; i++)
    check_against_sql (sigap_opd_get_id (g_ptr_array_index (opds, i)), years[0], months[0],
                       NULL, totals);

  /* The comparisons above compared something. */
  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    {
      g_test_message ("total %u: %u", i, totals[i]);
      g_assert_cmpuint (totals[i], >, 0);
    }
}

/* The demo's own reports (the older shape) hold the uploads and the
 * complaints it tallied as it built the regency: the same figures. */
static void
test_demo_reports (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint n = 0;

  ensure_demo ();
  db = sigap_store_get_connection (demo.store);
  stmt = prepare (db, "SELECT opd_id, year, month, figures FROM report");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(SigapReportFigures) stored = NULL;
      g_autoptr(SigapReportFigures) computed = NULL;
      const char *opd_id = (const char *) sqlite3_column_text (stmt, 0);

      stored = sigap_report_figures_from_string ((const char *) sqlite3_column_text (stmt, 3),
                                                 &error);
      g_assert_no_error (error);
      g_assert_null (stored->opd_id);
      g_assert_cmpint (stored->month, ==, 0);
      g_assert_cmpuint (stored->accounts->len, ==, 0);
      g_assert_cmpfloat (stored->median_resolution_days, ==, -1);
      g_assert_cmpuint (stored->links_total, ==, sigap_report_figures_total (stored->uploads));

      computed = sigap_report_figures_compute (demo.store, opd_id,
                                               sqlite3_column_int (stmt, 1),
                                               sqlite3_column_int (stmt, 2),
                                               demo.days, demo.wib, &error);
      g_assert_no_error (error);
      for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
        g_assert_cmpuint (stored->uploads[p], ==, computed->uploads[p]);
      g_assert_cmpuint (stored->complaints_received, ==, computed->complaints_received);
      g_assert_cmpuint (stored->complaints_resolved, ==, computed->complaints_resolved);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >=, 70);
}

static void
test_compute_all (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) opds = NULL;
  int years[3], months[3];

  ensure_demo ();
  demo_months (years, months);
  opds = sigap_store_list_opds (demo.store, &error);
  g_assert_no_error (error);

  for (guint m = 0; m < 3; m++)
    {
      g_autoptr(GPtrArray) all = NULL;

      all = sigap_report_figures_compute_all (demo.store, years[m], months[m], demo.days,
                                              demo.wib, &error);
      g_assert_no_error (error);
      g_assert_nonnull (all);
      g_assert_cmpuint (all->len, ==, opds->len);

      for (guint i = 0; i < opds->len; i++)
        {
          SigapReportFigures *figures = g_ptr_array_index (all, i);
          const char *id = sigap_opd_get_id (g_ptr_array_index (opds, i));
          g_autoptr(SigapReportFigures) one = NULL;

          /* By OPD name, as the store lists them. */
          g_assert_cmpstr (figures->opd_id, ==, id);
          if (i > 0)
            g_assert_cmpint (g_ascii_strcasecmp (
                               sigap_opd_get_name (g_ptr_array_index (opds, i - 1)),
                               sigap_opd_get_name (g_ptr_array_index (opds, i))), <=, 0);

          one = sigap_report_figures_compute (demo.store, id, years[m], months[m], demo.days,
                                              demo.wib, &error);
          g_assert_no_error (error);
          assert_same_figures (figures, one);
        }
    }
}

static void
test_unknown_opd (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapReportFigures) figures = NULL;

  ensure_demo ();
  figures = sigap_report_figures_compute (demo.store, "no-such-opd", 2026, 2, NULL, demo.wib,
                                          &error);
  g_assert_null (figures);
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
}

/* }}} */
/* A store built by hand {{{ */

static gint64
wib_time (int year,
          int month,
          int day,
          int hour,
          int minute)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) dt = g_date_time_new (wib, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
add_post (sqlite3    *db,
          const char *id,
          const char *opd_id,
          const char *status,
          const char *category,
          gint64      scheduled_at,
          gint64      published_at,
          const char *body)
{
  sqlite3_stmt *stmt = prepare (db,
                                "INSERT INTO post (id, opd_id, body, category, status,"
                                " scheduled_at, published_at, created_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)");

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, opd_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, category, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, scheduled_at);
  sqlite3_bind_int64 (stmt, 7, published_at);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
add_variant (sqlite3    *db,
             const char *post_id,
             const char *platform,
             const char *body,
             const char *url)
{
  sqlite3_stmt *stmt = prepare (db,
                                "INSERT INTO post_variant (post_id, platform, body, published_url)"
                                " VALUES (?1, ?2, ?3, ?4)");

  sqlite3_bind_text (stmt, 1, post_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, platform, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, url, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
add_complaint (sqlite3    *db,
               const char *id,
               const char *opd_id,
               gint64      received_at,
               gint64      due_at,
               gint64      resolved_at)
{
  sqlite3_stmt *stmt = prepare (db,
                                "INSERT INTO complaint (id, tracking_number, channel, kind, body,"
                                " status, opd_id, received_at, due_at, resolved_at)"
                                " VALUES (?1, ?1, 'web-form', 'complaint', 'Jalan rusak', ?2,"
                                " ?3, ?4, ?5, ?6)");

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, resolved_at != 0 ? "resolved" : "in-progress", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, opd_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, received_at);
  sqlite3_bind_int64 (stmt, 5, due_at);
  sqlite3_bind_int64 (stmt, 6, resolved_at);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
add_event (sqlite3    *db,
           const char *complaint_id,
           const char *action,
           const char *to_status,
           gint64      created_at)
{
  static guint n;
  g_autofree char *id = g_strdup_printf ("event-%u", ++n);
  sqlite3_stmt *stmt = prepare (db,
                                "INSERT INTO complaint_event (id, complaint_id, action,"
                                " from_status, to_status, created_at)"
                                " VALUES (?1, ?2, ?3, 'in-progress', ?4, ?5)");

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, complaint_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, to_status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, created_at);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
test_tiny_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(SigapWorkingDays) days = load_days ();
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (7 * 3600);
  g_autoptr(SigapReportFigures) figures = NULL;
  g_autoptr(SigapReportFigures) calendar = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "tiny.db", NULL);
  static const struct
  {
    const char *platform;
    const char *handle;
    gboolean quiet;
  } accounts[] = {
    { "facebook", "@tinyfb", FALSE },
    { "instagram", "tiny.ig", FALSE },
    { "x", "atinyx2", FALSE },
    { "x", "tinyx", FALSE },
    { "youtube", "TinyTV", TRUE },
    { "tiktok", "tinytok", TRUE },
  };
  sqlite3 *db;

  store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  db = sigap_store_get_connection (store);

  exec (db,
        "INSERT INTO opd (id, code, name, kind) VALUES"
        " ('tiny', 'tiny', 'Zeta Tiny', 'dinas'), ('other', 'other', 'Alpha Other', 'badan');"
        "INSERT INTO account (id, opd_id, platform, handle) VALUES"
        " ('acc-tt', 'tiny', 'tiktok', 'tinytok'),"
        " ('acc-x1', 'tiny', 'x', 'tinyx'),"
        " ('acc-yt', 'tiny', 'youtube', 'TinyTV'),"
        " ('acc-fb', 'tiny', 'facebook', '@tinyfb'),"
        " ('acc-x2', 'tiny', 'x', 'atinyx2'),"
        " ('acc-ig', 'tiny', 'instagram', 'tiny.ig'),"
        " ('acc-other', 'other', 'facebook', 'otherfb');");

  /* February 2026, WIB. P1: published on the 3rd; its text's links on
   * Facebook (the post's body) and X (the variant's). */
  add_post (db, "p1", "tiny", "published", "public-service",
            wib_time (2026, 2, 3, 10, 0), wib_time (2026, 2, 3, 10, 5),
            "Info: https://sukamajukab.go.id/a. Lihat juga (https://sukamajukab.go.id/b), "
            "dan www.sukamajukab.go.id/c!");
  add_variant (db, "p1", "facebook", NULL, "https://facebook.com/p/1");
  add_variant (db, "p1", "x",
               "Baca https://sukamajukab.go.id/a, juga HTTPS://example.org/x?y=1\"",
               "https://x.com/s/1");
  /* P2: planned in January (23:00 WIB on the 31st), published on 1
   * February; an empty variant body reads the post's. */
  add_post (db, "p2", "tiny", "published", "education",
            wib_time (2026, 1, 31, 23, 0), wib_time (2026, 2, 1, 0, 10),
            "Kunjungi http://sukamajukab.go.id/a; www.bad xwww.not.counted, "
            "dan www.example.org.\n#Sukamaju");
  add_variant (db, "p2", "instagram", "", "https://instagram.com/p/2");
  add_variant (db, "p2", "x", "https://sukamajukab.go.id/a", "https://x.com/s/2");
  /* Instagram's links as the composer stored them when the admin marked
   * it published: they stand for the text's. */
  exec (db, "UPDATE post_variant SET links = 'https://sukamajukab.go.id/stored' "
        "WHERE post_id = 'p2' AND platform = 'instagram'");
  /* P3: scheduled, not published; P4: cancelled; P6: a draft. */
  add_post (db, "p3", "tiny", "scheduled", "programme",
            wib_time (2026, 2, 10, 9, 0), 0, "Segera");
  add_variant (db, "p3", "facebook", NULL, NULL);
  add_variant (db, "p3", "youtube", NULL, NULL);
  add_post (db, "p4", "tiny", "cancelled", "programme",
            wib_time (2026, 2, 11, 9, 0), 0, "Batal https://batal.example/");
  add_variant (db, "p4", "facebook", NULL, NULL);
  add_post (db, "p6", "tiny", "draft", "announcement",
            wib_time (2026, 2, 20, 9, 0), 0, "Draf");
  add_variant (db, "p6", "facebook", NULL, NULL);
  /* P5: planned on 27 February, published on 1 March 00:05 WIB. */
  add_post (db, "p5", "tiny", "published", "achievement",
            wib_time (2026, 2, 27, 23, 0), wib_time (2026, 3, 1, 0, 5), "Juara");
  add_variant (db, "p5", "tiktok", NULL, "https://tiktok.com/v/5");
  /* P7: YouTube in December only. */
  add_post (db, "p7", "tiny", "published", "education",
            wib_time (2025, 12, 15, 9, 0), wib_time (2025, 12, 15, 9, 0), "Lama");
  add_variant (db, "p7", "youtube", NULL, "https://youtube.com/v/7");
  /* The other OPD's post, with a link of its own. */
  add_post (db, "p9", "other", "published", "programme",
            wib_time (2026, 2, 5, 9, 0), wib_time (2026, 2, 5, 9, 0),
            "https://other.example/ https://sukamajukab.go.id/a");
  add_variant (db, "p9", "facebook", NULL, "https://facebook.com/p/9");

  /* C1: answered after 2 working days, resolved after 3, on time. */
  add_complaint (db, "c1", "tiny", wib_time (2026, 2, 2, 9, 0), wib_time (2026, 2, 6, 23, 59),
                 wib_time (2026, 2, 5, 10, 0));
  add_event (db, "c1", "note", "in-progress", wib_time (2026, 2, 2, 10, 0));
  add_event (db, "c1", "answered", "in-progress", wib_time (2026, 2, 4, 10, 0));
  add_event (db, "c1", "resolved", "resolved", wib_time (2026, 2, 5, 10, 0));
  /* C2: received on Friday 13th; 16 and 17 February are holidays; the
   * first answer is the resolution on Wednesday 18th, after the deadline. */
  add_complaint (db, "c2", "tiny", wib_time (2026, 2, 13, 15, 0),
                 wib_time (2026, 2, 17, 23, 59), wib_time (2026, 2, 18, 9, 0));
  add_event (db, "c2", "resolved", "resolved", wib_time (2026, 2, 18, 9, 0));
  /* C3: received and answered in January, due in February, still open. */
  add_complaint (db, "c3", "tiny", wib_time (2026, 1, 20, 8, 0), wib_time (2026, 2, 3, 23, 59),
                 0);
  add_event (db, "c3", "answered", "in-progress", wib_time (2026, 1, 22, 8, 0));
  /* C4: answered the next day (and again in March), due in March. */
  add_complaint (db, "c4", "tiny", wib_time (2026, 2, 25, 8, 0), wib_time (2026, 3, 3, 23, 59),
                 0);
  add_event (db, "c4", "answered", "in-progress", wib_time (2026, 3, 2, 8, 0));
  add_event (db, "c4", "answered", "in-progress", wib_time (2026, 2, 26, 8, 0));
  /* C5: received in January, answered on Monday 2 February (3 working
   * days), resolved in March after its February deadline. */
  add_complaint (db, "c5", "tiny", wib_time (2026, 1, 28, 8, 0), wib_time (2026, 2, 4, 23, 59),
                 wib_time (2026, 3, 2, 8, 0));
  add_event (db, "c5", "note", "in-progress", wib_time (2026, 1, 29, 8, 0));
  add_event (db, "c5", "answered", "in-progress", wib_time (2026, 2, 2, 9, 0));
  /* C6: the other OPD's; C7: received on 1 March 00:30 WIB (still
   * February in UTC). */
  add_complaint (db, "c6", "other", wib_time (2026, 2, 10, 8, 0), wib_time (2026, 2, 12, 23, 59),
                 0);
  add_complaint (db, "c7", "tiny", wib_time (2026, 3, 1, 0, 30), wib_time (2026, 3, 5, 23, 59),
                 0);

  figures = sigap_report_figures_compute (store, "tiny", 2026, 2, days, wib, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (figures->planned[SIGAP_PLATFORM_FACEBOOK], ==, 3);
  g_assert_cmpuint (figures->planned[SIGAP_PLATFORM_INSTAGRAM], ==, 0);
  g_assert_cmpuint (figures->planned[SIGAP_PLATFORM_X], ==, 1);
  g_assert_cmpuint (figures->planned[SIGAP_PLATFORM_YOUTUBE], ==, 1);
  g_assert_cmpuint (figures->planned[SIGAP_PLATFORM_TIKTOK], ==, 1);

  g_assert_cmpuint (figures->published[SIGAP_PLATFORM_FACEBOOK], ==, 1);
  g_assert_cmpuint (figures->published[SIGAP_PLATFORM_INSTAGRAM], ==, 0);
  g_assert_cmpuint (figures->published[SIGAP_PLATFORM_X], ==, 1);
  g_assert_cmpuint (figures->published[SIGAP_PLATFORM_YOUTUBE], ==, 0);
  g_assert_cmpuint (figures->published[SIGAP_PLATFORM_TIKTOK], ==, 1);

  g_assert_cmpuint (figures->uploads[SIGAP_PLATFORM_FACEBOOK], ==, 1);
  g_assert_cmpuint (figures->uploads[SIGAP_PLATFORM_INSTAGRAM], ==, 1);
  g_assert_cmpuint (figures->uploads[SIGAP_PLATFORM_X], ==, 2);
  g_assert_cmpuint (figures->uploads[SIGAP_PLATFORM_YOUTUBE], ==, 0);
  g_assert_cmpuint (figures->uploads[SIGAP_PLATFORM_TIKTOK], ==, 0);

  /* Facebook: /a /b www…/c facebook.com/p/1. Instagram: its stored
   * /stored, instagram.com/p/2. X: /a, example.org/x?y=1, x.com/s/1,
   * x.com/s/2. */
  g_assert_cmpuint (figures->links[SIGAP_PLATFORM_FACEBOOK], ==, 4);
  g_assert_cmpuint (figures->links[SIGAP_PLATFORM_INSTAGRAM], ==, 2);
  g_assert_cmpuint (figures->links[SIGAP_PLATFORM_X], ==, 4);
  g_assert_cmpuint (figures->links[SIGAP_PLATFORM_YOUTUBE], ==, 0);
  g_assert_cmpuint (figures->links[SIGAP_PLATFORM_TIKTOK], ==, 0);
  g_assert_cmpuint (figures->links_total, ==, 9);

  g_assert_cmpuint (figures->categories[SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE], ==, 1);
  g_assert_cmpuint (figures->categories[SIGAP_CONTENT_CATEGORY_EDUCATION], ==, 1);
  g_assert_cmpuint (figures->categories[SIGAP_CONTENT_CATEGORY_PROGRAMME], ==, 0);
  g_assert_cmpuint (figures->categories[SIGAP_CONTENT_CATEGORY_ACHIEVEMENT], ==, 0);
  g_assert_cmpuint (figures->categories[SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT], ==, 0);

  g_assert_cmpuint (figures->complaints_received, ==, 3);
  g_assert_cmpuint (figures->complaints_resolved, ==, 2);
  g_assert_cmpuint (figures->complaints_due, ==, 4);
  g_assert_cmpuint (figures->complaints_late, ==, 3);
  /* First answers: C1 2, C2 1, C4 1, C5 3; resolutions: C1 3, C2 1. */
  g_assert_cmpfloat_with_epsilon (figures->median_first_answer_days, 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (figures->median_resolution_days, 2.0, 1e-9);

  g_assert_cmpuint (figures->accounts->len, ==, G_N_ELEMENTS (accounts));
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      SigapReportAccount *account = g_ptr_array_index (figures->accounts, i);

      g_assert_cmpstr (platform_nicks[account->platform], ==, accounts[i].platform);
      g_assert_cmpstr (account->handle, ==, accounts[i].handle);
      g_assert_cmpint (account->quiet, ==, accounts[i].quiet);
    }
  g_assert_cmpuint (sigap_report_figures_n_quiet (figures), ==, 2);
  g_assert_cmpint (sigap_report_figures_find_account (figures, "acc-fb")->last_published_at,
                   ==, wib_time (2026, 2, 3, 10, 5));
  g_assert_cmpint (sigap_report_figures_find_account (figures, "acc-x2")->last_published_at,
                   ==, wib_time (2026, 2, 3, 10, 5));
  /* 28 days before the end of the month: not quiet. */
  g_assert_cmpint (sigap_report_figures_find_account (figures, "acc-ig")->last_published_at,
                   ==, wib_time (2026, 2, 1, 0, 10));
  g_assert_cmpint (sigap_report_figures_find_account (figures, "acc-yt")->last_published_at,
                   ==, wib_time (2025, 12, 15, 9, 0));
  g_assert_cmpint (sigap_report_figures_find_account (figures, "acc-tt")->last_published_at,
                   ==, 0);
  g_assert_null (sigap_report_figures_find_account (figures, "acc-other"));
  g_assert_cmpuint (sigap_report_figures_total (figures->planned), ==, 6);

  /* Calendar days without a working-day calendar: resolutions of 3 days
   * 1 hour and 4 days 18 hours. */
  calendar = sigap_report_figures_compute (store, "tiny", 2026, 2, NULL, wib, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (calendar->median_resolution_days,
                                  ((3 * 24 + 1) + (4 * 24 + 18)) / 48.0, 1e-9);

  /* In March, the X account has been quiet since 3 February, and nothing
   * was first answered (C4's answer in March is its second). */
  g_clear_pointer (&calendar, sigap_report_figures_free);
  calendar = sigap_report_figures_compute (store, "tiny", 2026, 3, days, wib, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_report_figures_find_account (calendar, "acc-x1")->quiet);
  /* TikTok's only post, on 1 March 00:05, is 31 days before the end of
   * March: quiet all the same. */
  g_assert_cmpint (sigap_report_figures_find_account (calendar, "acc-tt")->last_published_at,
                   ==, wib_time (2026, 3, 1, 0, 5));
  g_assert_true (sigap_report_figures_find_account (calendar, "acc-tt")->quiet);
  /* C5: 29 and 30 January, 18 working days of February, 2 March. */
  g_assert_cmpfloat_with_epsilon (calendar->median_resolution_days, 21, 1e-9);
  g_assert_cmpuint (calendar->complaints_received, ==, 1);
  g_assert_cmpuint (calendar->uploads[SIGAP_PLATFORM_TIKTOK], ==, 1);
  g_assert_cmpuint (calendar->links[SIGAP_PLATFORM_TIKTOK], ==, 1);
  g_assert_cmpfloat (calendar->median_first_answer_days, ==, -1);

  /* Every OPD, by name: Alpha Other first. */
  all = sigap_report_figures_compute_all (store, 2026, 2, days, wib, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((SigapReportFigures *) g_ptr_array_index (all, 0))->opd_id, ==, "other");
  assert_same_figures (g_ptr_array_index (all, 1), figures);
  g_assert_cmpuint (((SigapReportFigures *) g_ptr_array_index (all, 0))->links_total, ==, 3);
  g_assert_cmpuint (((SigapReportFigures *) g_ptr_array_index (all, 0))->complaints_received,
                    ==, 1);

  g_clear_object (&store);
  sigap_test_rm_rf (dir);
}

/* }}} */
/* JSON {{{ */

static SigapReportFigures *
make_figures (void)
{
  SigapReportFigures *figures = sigap_report_figures_new ("opd-1", 2026, 2);
  SigapReportAccount *account;

  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      figures->planned[p] = 10 + p;
      figures->published[p] = 20 + p;
      figures->uploads[p] = 30 + p;
      figures->links[p] = 40 + p;
    }
  figures->links_total = 77;
  for (guint c = 0; c < SIGAP_N_CONTENT_CATEGORIES; c++)
    figures->categories[c] = 50 + c;
  figures->complaints_received = 61;
  figures->complaints_resolved = 62;
  figures->complaints_due = 63;
  figures->complaints_late = 64;
  figures->median_first_answer_days = 2.5;
  figures->median_resolution_days = -1;

  account = g_new0 (SigapReportAccount, 1);
  account->account_id = g_strdup ("acc-1");
  account->platform = SIGAP_PLATFORM_X;
  account->handle = g_strdup ("dinkes_«x»");
  account->last_published_at = 1769878800;
  account->quiet = TRUE;
  account->followers = 12000;
  account->reach = -1;
  account->engagement = 0;
  g_ptr_array_add (figures->accounts, account);

  account = g_new0 (SigapReportAccount, 1);
  account->account_id = g_strdup ("acc-2");
  account->platform = SIGAP_PLATFORM_TIKTOK;
  account->handle = g_strdup ("dinkes");
  account->followers = account->reach = account->engagement = -1;
  g_ptr_array_add (figures->accounts, account);

  return figures;
}

static void
test_json_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapReportFigures) figures = make_figures ();
  g_autoptr(SigapReportFigures) read = NULL;
  g_autoptr(SigapReportFigures) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = sigap_report_figures_to_string (figures);
  g_autofree char *again = NULL;
  JsonObject *object;
  SigapReportAccount *account;

  node = json_from_string (text, &error);
  g_assert_no_error (error);
  object = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (object, "format"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "planned"),
                                               "x"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (
                     json_object_get_object_member (object, "categories"),
                     "public-service"), ==, 50);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (object,
                                                                              "complaints"),
                                              "median_resolution_days"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "accounts")),
                    ==, 2);

  read = sigap_report_figures_from_string (text, &error);
  g_assert_no_error (error);
  again = sigap_report_figures_to_string (read);
  g_assert_cmpstr (text, ==, again);

  g_assert_cmpstr (read->opd_id, ==, "opd-1");
  g_assert_cmpint (read->month, ==, 2);
  g_assert_cmpuint (read->links[SIGAP_PLATFORM_TIKTOK], ==, 44);
  g_assert_cmpuint (read->categories[SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT], ==, 55);
  g_assert_cmpuint (read->complaints_late, ==, 64);
  g_assert_cmpfloat (read->median_first_answer_days, ==, 2.5);
  g_assert_cmpfloat (read->median_resolution_days, ==, -1);
  account = sigap_report_figures_find_account (read, "acc-1");
  g_assert_nonnull (account);
  g_assert_cmpstr (account->handle, ==, "dinkes_«x»");
  g_assert_cmpint (account->platform, ==, SIGAP_PLATFORM_X);
  g_assert_true (account->quiet);
  g_assert_cmpint (account->followers, ==, 12000);
  g_assert_cmpint (account->reach, ==, -1);
  g_assert_cmpint (account->engagement, ==, 0);
  g_assert_cmpint (account->last_published_at, ==, 1769878800);

  copy = sigap_report_figures_copy (read);
  assert_same_figures (copy, figures);
  g_assert_true (copy->accounts != read->accounts);

  /* The boxed type copies and frees. */
  g_assert_true (G_TYPE_IS_BOXED (SIGAP_TYPE_REPORT_FIGURES));
  {
    SigapReportFigures *boxed = g_boxed_copy (SIGAP_TYPE_REPORT_FIGURES, figures);

    assert_same_figures (boxed, figures);
    g_boxed_free (SIGAP_TYPE_REPORT_FIGURES, boxed);
  }
}

static void
test_json_hostile (void)
{
  static const char * const bad[] = {
    "",
    "   ",
    "[]",
    "42",
    "null",
    "\"figures\"",
    "{",
    "{\"planned\":{\"x\":1}",
    "{\"planned\":[]}",
    "{\"planned\":3}",
    "{\"planned\":{\"facebook\":-1}}",
    "{\"planned\":{\"facebook\":1.5}}",
    "{\"planned\":{\"facebook\":\"3\"}}",
    "{\"planned\":{\"facebook\":null}}",
    "{\"uploads\":{\"x\":4294967296}}",
    "{\"links\":\"many\"}",
    "{\"links\":-3}",
    "{\"links_total\":null}",
    "{\"categories\":{\"education\":true}}",
    "{\"categories\":[]}",
    "{\"complaints\":[]}",
    "{\"complaints\":{\"received\":true}}",
    "{\"complaints\":{\"median_resolution_days\":\"x\"}}",
    "{\"complaints\":{\"median_resolution_days\":-2}}",
    "{\"accounts\":{}}",
    "{\"accounts\":[1]}",
    "{\"accounts\":[{\"platform\":\"x\"}]}",
    "{\"accounts\":[{\"account_id\":\"a\"}]}",
    "{\"accounts\":[{\"account_id\":5,\"platform\":\"x\"}]}",
    "{\"accounts\":[{\"account_id\":\"a\",\"platform\":7}]}",
    "{\"accounts\":[{\"account_id\":\"a\",\"platform\":\"x\",\"followers\":\"many\"}]}",
    "{\"accounts\":[{\"account_id\":\"a\",\"platform\":\"x\",\"quiet\":1}]}",
    "{\"accounts\":[{\"account_id\":\"a\",\"platform\":\"x\",\"reach\":-5}]}",
    "{\"format\":2}",
    "{\"format\":\"1\"}",
    "{\"opd_id\":4}",
    "{\"month\":13}",
    "{\"month\":\"2\"}",
    "{\"year\":1e300}",
    "{\"a\":1}garbage",
    "{\"a\":\"\\u0000\"}",
    "\xff\xfe{}",
  };
  g_autofree char *deep = NULL;
  g_autoptr(GString) nested = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SigapReportFigures) figures = sigap_report_figures_from_string (bad[i], &error);

      if (figures != NULL)
        g_error ("accepted %s", bad[i]);
      g_assert_nonnull (error);
    }

  /* Nesting deep enough to overflow a recursive parser's stack. */
  for (guint i = 0; i < 200000; i++)
    g_string_append (nested, "{\"a\":[");
  deep = g_string_free (g_steal_pointer (&nested), FALSE);
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (sigap_report_figures_from_string (deep, &error));
    g_assert_nonnull (error);
  }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (sigap_report_figures_from_string (NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_null (sigap_report_figures_from_json (NULL, &error));
    g_assert_nonnull (error);
  }
}

static void
test_json_tolerant (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapReportFigures) figures = NULL;

  /* Unknown members, platforms and categories are ignored, and so are
   * accounts on unknown platforms. */
  figures = sigap_report_figures_from_string ("{\"format\":1,\"opd_id\":\"o\",\"year\":2026,"
                                              "\"month\":1,\"planned\":{\"myspace\":3,"
                                              "\"x\":2},\"categories\":{\"gossip\":4,"
                                              "\"education\":5},\"future\":[1,{\"a\":2}],"
                                              "\"accounts\":[{\"account_id\":\"a\","
                                              "\"platform\":\"mastodon\"},{\"account_id\":"
                                              "\"b\",\"platform\":\"youtube\",\"handle\":null,"
                                              "\"followers\":null,\"color\":\"red\"}]}",
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (figures->planned[SIGAP_PLATFORM_X], ==, 2);
  g_assert_cmpuint (sigap_report_figures_total (figures->planned), ==, 2);
  g_assert_cmpuint (figures->categories[SIGAP_CONTENT_CATEGORY_EDUCATION], ==, 5);
  g_assert_cmpuint (figures->accounts->len, ==, 1);
  g_assert_null (sigap_report_figures_find_account (figures, "a"));
  g_assert_cmpint (sigap_report_figures_find_account (figures, "b")->followers, ==, -1);
  g_assert_cmpint (sigap_report_figures_find_account (figures, "b")->platform, ==,
                   SIGAP_PLATFORM_YOUTUBE);
  g_assert_cmpfloat (figures->median_first_answer_days, ==, -1);
  g_clear_pointer (&figures, sigap_report_figures_free);

  /* The demo's older shape. */
  figures = sigap_report_figures_from_string ("{\"uploads\":{\"facebook\":12,\"x\":7},"
                                              "\"links\":19,\"followers\":{\"facebook\":"
                                              "5400,\"x\":2100},\"complaints\":{\"received\":"
                                              "9,\"resolved\":6,\"late\":2}}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (figures->uploads[SIGAP_PLATFORM_FACEBOOK], ==, 12);
  g_assert_cmpuint (figures->uploads[SIGAP_PLATFORM_X], ==, 7);
  g_assert_cmpuint (figures->uploads[SIGAP_PLATFORM_TIKTOK], ==, 0);
  g_assert_cmpuint (figures->links_total, ==, 19);
  g_assert_cmpuint (sigap_report_figures_total (figures->links), ==, 0);
  g_assert_cmpuint (figures->complaints_received, ==, 9);
  g_assert_cmpuint (figures->complaints_resolved, ==, 6);
  g_assert_cmpuint (figures->complaints_late, ==, 2);
  g_assert_cmpuint (figures->complaints_due, ==, 0);
  g_assert_cmpfloat (figures->median_resolution_days, ==, -1);
  g_assert_cmpuint (figures->accounts->len, ==, 0);
}

static void
test_take_typed (void)
{
  g_autoptr(SigapReportFigures) computed = make_figures ();
  g_autoptr(SigapReportFigures) typed = sigap_report_figures_new ("opd-1", 2026, 2);
  SigapReportAccount *account;

  /* The computed ones know nothing typed. */
  for (guint i = 0; i < computed->accounts->len; i++)
    {
      account = g_ptr_array_index (computed->accounts, i);
      account->followers = account->reach = account->engagement = -1;
    }

  account = g_new0 (SigapReportAccount, 1);
  account->account_id = g_strdup ("acc-2");
  account->platform = SIGAP_PLATFORM_TIKTOK;
  account->followers = 900;
  account->reach = 4500;
  account->engagement = 310;
  account->last_published_at = 42;
  account->quiet = FALSE;
  g_ptr_array_add (typed->accounts, account);
  /* An account the computed figures no longer have. */
  account = g_new0 (SigapReportAccount, 1);
  account->account_id = g_strdup ("acc-gone");
  account->followers = 1;
  g_ptr_array_add (typed->accounts, account);
  typed->complaints_received = 999;

  sigap_report_figures_take_typed (computed, typed);

  account = sigap_report_figures_find_account (computed, "acc-2");
  g_assert_cmpint (account->followers, ==, 900);
  g_assert_cmpint (account->reach, ==, 4500);
  g_assert_cmpint (account->engagement, ==, 310);
  /* Only the typed figures. */
  g_assert_cmpint (account->last_published_at, ==, 0);
  g_assert_cmpstr (account->handle, ==, "dinkes");
  account = sigap_report_figures_find_account (computed, "acc-1");
  g_assert_cmpint (account->followers, ==, -1);
  g_assert_true (account->quiet);
  g_assert_null (sigap_report_figures_find_account (computed, "acc-gone"));
  g_assert_cmpuint (computed->accounts->len, ==, 2);
  g_assert_cmpuint (computed->complaints_received, ==, 61);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-figures/month-bounds", test_month_bounds);
  g_test_add_func ("/report-figures/tiny-store", test_tiny_store);
  g_test_add_func ("/report-figures/json/round-trip", test_json_round_trip);
  g_test_add_func ("/report-figures/json/hostile", test_json_hostile);
  g_test_add_func ("/report-figures/json/tolerant", test_json_tolerant);
  g_test_add_func ("/report-figures/take-typed", test_take_typed);
  g_test_add_func ("/report-figures/demo/against-sql", test_demo_against_sql);
  g_test_add_func ("/report-figures/demo/reports", test_demo_reports);
  g_test_add_func ("/report-figures/demo/compute-all", test_compute_all);
  g_test_add_func ("/report-figures/demo/unknown-opd", test_unknown_opd);

  status = g_test_run ();

  g_clear_object (&demo.store);
  g_clear_pointer (&demo.days, sigap_working_days_unref);
  g_clear_pointer (&demo.wib, g_time_zone_unref);
  if (demo.dir != NULL)
    sigap_test_rm_rf (demo.dir);
  g_free (demo.dir);

  return status;
}
