/* test-recap-view.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The verifikator's recap of the month, in-process, on the demo regency:
 * one row per agency with the figures the core counts for it and its
 * report's status, and every column sorts both ways. */

#include "config.h"

#include <glib/gstdio.h>

#include "sigap-recap-view.h"

#include "sigap-test-utils.h"
#include "sigap-test-widget.h"

typedef struct
{
  char *dir;
  SigapStore *store;
  GtkWindow *window;
  SigapRecapView *view;
  int year;
  int month;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  SigapDemoOptions options = { .seed = 11, .complaints = 600, .posts = 400 };
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sigap-test-recap-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "sigap.db", NULL);
  fixture->store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_demo_seed (fixture->store, &options, &error));
  g_assert_no_error (error);

  sigap_report_last_complete_month (g_get_real_time () / G_USEC_PER_SEC, zone,
                                    &fixture->year, &fixture->month);

  fixture->view = sigap_recap_view_new ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  sigap_recap_view_set_store (fixture->view, fixture->store);
  gtk_window_present (fixture->window);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->store);
  sigap_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/* Every agency is a row, with what the core counts for it. */
static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) opds = sigap_store_list_opds (fixture->store, NULL);
  g_autoptr(GPtrArray) reports = sigap_store_list_reports (fixture->store, NULL, NULL);
  guint n = sigap_recap_view_get_n_rows (fixture->view);
  guint n_with_report = 0;
  guint n_shown_with_report = 0;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");

  g_assert_nonnull (opds);
  g_assert_cmpuint (n, ==, opds->len);

  for (guint i = 0; i < reports->len; i++)
    {
      SigapReport *report = g_ptr_array_index (reports, i);

      if (sigap_report_get_year (report) == fixture->year &&
          sigap_report_get_month (report) == fixture->month)
        n_with_report++;
    }

  for (guint i = 0; i < n; i++)
    {
      const SigapReportRecapRow *row = sigap_recap_view_get_row (fixture->view, i);
      g_autoptr(SigapReportFigures) figures = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (row);
      figures = sigap_report_figures_compute (fixture->store, row->opd_id, fixture->year,
                                              fixture->month, NULL, zone, &error);
      g_assert_no_error (error);
      for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
        g_assert_cmpuint (row->figures->uploads[p], ==, figures->uploads[p]);
      g_assert_cmpuint (row->figures->links_total, ==, figures->links_total);
      g_assert_cmpuint (row->figures->complaints_due, ==, figures->complaints_due);
      g_assert_cmpuint (row->figures->complaints_late, ==, figures->complaints_late);
      if (row->has_report)
        n_shown_with_report++;
    }

  g_assert_cmpuint (n_shown_with_report, ==, n_with_report);
  g_assert_cmpuint (n_with_report, >, 0);
}

static guint
uploads (const SigapReportRecapRow *row)
{
  return sigap_report_figures_total (row->figures->uploads);
}

/* A column's title sorts by it; a second time, the other way. */
static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  GtkColumnView *column_view = sigap_recap_view_get_column_view (fixture->view);
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) column = NULL;
  guint n = sigap_recap_view_get_n_rows (fixture->view);
  guint first, last;

  /* The agencies by name, to begin with. */
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_utf8_collate (sigap_recap_view_get_row (fixture->view, i - 1)->opd_name,
                                     sigap_recap_view_get_row (fixture->view, i)->opd_name),
                     <=, 0);

  /* The third column: the uploads over every platform. */
  column = g_list_model_get_item (columns, 2);
  gtk_column_view_sort_by_column (column_view, column, GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (uploads (sigap_recap_view_get_row (fixture->view, i - 1)), <=,
                      uploads (sigap_recap_view_get_row (fixture->view, i)));
  first = uploads (sigap_recap_view_get_row (fixture->view, 0));
  last = uploads (sigap_recap_view_get_row (fixture->view, n - 1));
  g_assert_cmpuint (first, <, last);

  gtk_column_view_sort_by_column (column_view, column, GTK_SORT_DESCENDING);
  g_assert_cmpuint (uploads (sigap_recap_view_get_row (fixture->view, 0)), ==, last);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (uploads (sigap_recap_view_get_row (fixture->view, i - 1)), >=,
                      uploads (sigap_recap_view_get_row (fixture->view, i)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The holiday calendars and the report template shipped with Sigap. */
  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);

  g_test_add ("/recap-view/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/recap-view/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);

  return g_test_run ();
}
