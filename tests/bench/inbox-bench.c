/* inbox-bench.c — searching and filtering the complaint inbox
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: inbox-bench DATABASE
 *
 * On DATABASE (the benchmark regency: 100,000 complaints), every
 * complaint in scope, as Diskominfo's verifikator sees them, times with
 * the monotonic clock, in the same run:
 *
 *  - "search": about 200 searches as the user types them, each word
 *    (and two two-word phrases, a tracking number and a word no complaint
 *    has) one letter more at a time, through the inbox's list model:
 *    sigap_complaint_list_set_query(), then reading n_items and the first
 *    50 items, as the list view does;
 *
 *  - "search_floor": the same searches straight on SQLite, the floor: a
 *    plain FTS5 MATCH of the same expression, the first 50 complaints it
 *    gives (unordered, their columns read) and the count of matches;
 *
 *  - "filter": the inbox's saved filters (late, due soon, not verified,
 *    mine) alone and with a few searches, through the list model.
 *
 * A first pass of all of them, not timed, warms the caches. Prints one
 * line per series, the samples in milliseconds, which
 * build-aux/bench.py reads:
 *   search MS MS …   search_floor MS MS …   filter MS MS …
 * and what was measured ("complaints", "searches").
 *
 * The inbox page's own figures (inbox_open_ms, the page shown with its
 * first rows painted, and inbox_scroll_worst_frame_ms) need a display:
 * inbox-page-bench.c puts SigapInboxPage in a window, as calendar-bench
 * does with the calendar.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sigap-core.h"

/* Rows the list view shows and reads first */
#define VISIBLE_ROWS 50

static const char * const words[] = {
  "jalan", "sampah", "puskesmas", "banjir", "lampu", "sukamaju", "kesehatan", "bpjs",
  "posyandu", "blangko", "kendaraan", "wisata", "perumahan", "elektronik", "hendra",
  "transparan", "sekolah", "drainase", "mohon", "warga", "pasar", "jembatan", "rusak", "ktp",
  "air", "listrik", "jalan rusak", "lampu mati", "xylofon",
};

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("inbox-bench: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Every prefix of every word, as typed */
static GPtrArray *
typed_searches (SigapStore *store)
{
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *searches = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tracking = NULL;

  /* A tracking number the user pastes or types: one in the middle */
  some = sigap_store_list_complaints (store, NULL, 4217, 1, &error);
  if (some == NULL || some->len == 0)
    die ("reading a tracking number", error);
  tracking = g_strdup (sigap_complaint_get_tracking_number (some->pdata[0]));

  for (guint i = 0; i <= G_N_ELEMENTS (words); i++)
    {
      const char *word = i < G_N_ELEMENTS (words) ? words[i] : tracking;
      gsize len = strlen (word);

      for (gsize n = 1; n <= len; n++)
        g_ptr_array_add (searches, g_strndup (word, n));
    }

  return searches;
}

static double
search_list (SigapComplaintList *list,
             const char         *text,
             guint              *n_found)
{
  g_autoptr(SigapComplaintQuery) query = sigap_complaint_query_new ();
  GListModel *model = G_LIST_MODEL (list);
  gint64 start;
  guint n_items;

  sigap_complaint_query_set_text (query, text);

  start = g_get_monotonic_time ();
  sigap_complaint_list_set_query (list, query);
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < MIN (n_items, VISIBLE_ROWS); i++)
    g_object_unref (g_list_model_get_item (model, i));

  if (n_found != NULL)
    *n_found = n_items;

  return elapsed_ms (start);
}

static double
search_floor (sqlite3    *db,
              const char *text,
              guint      *n_found)
{
  g_autofree char *match = sigap_complaint_query_match_expression (text);
  sqlite3_stmt *rows = NULL;
  sqlite3_stmt *count = NULL;
  gint64 start;
  guint n = 0;

  start = g_get_monotonic_time ();

  if (sqlite3_prepare_v2 (db,
                          "SELECT c.* FROM complaint_fts f JOIN complaint c ON c.rowid = f.rowid "
                          "WHERE complaint_fts MATCH ?1 LIMIT ?2",
                          -1, &rows, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM complaint_fts WHERE complaint_fts MATCH ?1",
                          -1, &count, NULL) != SQLITE_OK)
    {
      g_printerr ("inbox-bench: %s\n", sqlite3_errmsg (db));
      exit (1);
    }

  sqlite3_bind_text (rows, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int (rows, 2, VISIBLE_ROWS);
  while (sqlite3_step (rows) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (rows); i++)
      sqlite3_column_text (rows, i);

  sqlite3_bind_text (count, 1, match, -1, SQLITE_STATIC);
  if (sqlite3_step (count) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (count, 0);

  sqlite3_finalize (rows);
  sqlite3_finalize (count);

  if (n_found != NULL)
    *n_found = n;

  return elapsed_ms (start);
}

static double
filter_list (SigapComplaintList  *list,
             SigapComplaintQuery *query,
             guint               *n_found)
{
  GListModel *model = G_LIST_MODEL (list);
  gint64 start;
  guint n_items;

  start = g_get_monotonic_time ();
  sigap_complaint_list_set_query (list, query);
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < MIN (n_items, VISIBLE_ROWS); i++)
    g_object_unref (g_list_model_get_item (model, i));

  if (n_found != NULL)
    *n_found = n_items;

  return elapsed_ms (start);
}

static GPtrArray *
saved_filters (SigapStore       *store,
               SigapWorkingDays *days)
{
  const char * const texts[] = { NULL, "j", "jalan", "sampah", "bpjs", "xylofon" };
  g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autofree char *user_id = NULL;
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3_stmt *stmt = NULL;

  /* The admin with the most complaints assigned */
  sqlite3_prepare_v2 (sigap_store_get_connection (store),
                      "SELECT assignee_id FROM complaint WHERE assignee_id IS NOT NULL "
                      "GROUP BY assignee_id ORDER BY count(*) DESC LIMIT 1",
                      -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    user_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint f = 0; f < 4; f++)
      {
        SigapComplaintQuery *query;

        if (f == 0)
          query = sigap_complaint_query_new_late ();
        else if (f == 1)
          query = sigap_complaint_query_new_due_soon ();
        else if (f == 2)
          query = sigap_complaint_query_new_unverified ();
        else
          query = sigap_complaint_query_new_mine (user_id != NULL ? user_id : "");

        sigap_complaint_query_set_text (query, texts[t]);
        sigap_complaint_query_set_now (query, now, wib, days);
        g_ptr_array_add (queries, query);
      }

  return queries;
}

static SigapWorkingDays *
load_days (void)
{
  g_autoptr(SigapWorkingDays) days = sigap_working_days_new ();
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  int year = g_date_time_get_year (today);

  /* The calendar the app ships, when it is at hand */
  for (int y = year - 1; y <= year + 1; y++)
    {
      g_autofree char *name = g_strdup_printf ("%d.json", y);
      g_autofree char *path = g_build_filename (SIGAP_BENCH_DATADIR, "holidays", name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        sigap_working_days_load_file (days, path, NULL);
    }

  return g_steal_pointer (&days);
}

static void
print_series (const char *name,
              GArray     *samples)
{
  printf ("%s", name);
  for (guint i = 0; i < samples->len; i++)
    printf (" %.3f", g_array_index (samples, double, i));
  printf ("\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(SigapComplaintList) list = NULL;
  g_autoptr(SigapWorkingDays) days = NULL;
  g_autoptr(GPtrArray) searches = NULL;
  g_autoptr(GPtrArray) filters = NULL;
  g_autoptr(GArray) search = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: inbox-bench DATABASE\n");
      return 2;
    }

  store = sigap_store_open (argv[1], &error);
  if (store == NULL)
    die ("opening the database", error);

  /* The floor reads through a connection of its own, as plain as it
   * gets. */
  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_printerr ("inbox-bench: cannot open %s\n", argv[1]);
      return 1;
    }

  list = sigap_complaint_list_new (store, NULL);
  searches = typed_searches (store);
  days = load_days ();
  filters = saved_filters (store, days);

  /* Warm up */
  for (guint i = 0; i < searches->len; i++)
    {
      search_list (list, searches->pdata[i], NULL);
      search_floor (db, searches->pdata[i], NULL);
    }
  for (guint i = 0; i < filters->len; i++)
    filter_list (list, filters->pdata[i], NULL);

  for (guint i = 0; i < searches->len; i++)
    {
      guint n_list = 0;
      guint n_floor = 0;
      double ms;

      ms = search_list (list, searches->pdata[i], &n_list);
      g_array_append_val (search, ms);
      ms = search_floor (db, searches->pdata[i], &n_floor);
      g_array_append_val (floor_ms, ms);

      if (n_list != n_floor)
        {
          g_printerr ("inbox-bench: “%s” found %u through the list, %u in SQLite\n",
                      (char *) searches->pdata[i], n_list, n_floor);
          return 1;
        }
      g_printerr ("%-18s %6u %8.2f ms %8.2f ms\n", (char *) searches->pdata[i], n_list,
                  g_array_index (search, double, i), g_array_index (floor_ms, double, i));
    }

  for (guint i = 0; i < filters->len; i++)
    {
      guint n = 0;
      double ms = filter_list (list, filters->pdata[i], &n);
      const char *text = sigap_complaint_query_get_text (filters->pdata[i]);

      g_array_append_val (filter, ms);
      g_printerr ("filter %-2u %-10s %6u %8.2f ms\n", i % 4, text != NULL ? text : "", n, ms);
    }

  printf ("complaints %" G_GINT64_FORMAT "\nsearches %u\n",
          sigap_store_count_complaints (store, NULL), searches->len);
  print_series ("search", search);
  print_series ("search_floor", floor_ms);
  print_series ("filter", filter);

  sqlite3_close (db);

  return 0;
}
