/* report-bench.c — computing the monthly report figures
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: report-bench DATABASE [RUNS]
 *
 * On DATABASE (the benchmark regency: 100,000 complaints, 20,000 posts),
 * for the last complete month before the regency was generated (or
 * before now, for a database without the demo's meta), times with the
 * monotonic clock:
 *
 *  - "report_month_ms": sigap_report_figures_compute() for one OPD
 *    (dinkes, or the first OPD), the report wizard's figures;
 *  - "report_recap_ms": sigap_report_figures_compute_all(), every OPD's
 *    figures for the verifikator's recap.
 *
 * One untimed run of each warms the caches; then RUNS (default 10) of
 * each. Prints the median of each in milliseconds, one line per figure,
 * which build-aux/bench.py reads, and what was measured ("opds").
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sigap-core.h"
#include "sigap-report-figures.h"
#include "sigap-bench-stats.h"

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("report-bench: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static SigapWorkingDays *
load_days (int year)
{
  g_autoptr(SigapWorkingDays) days = sigap_working_days_new ();

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(SigapWorkingDays) days = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GArray) month_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) recap_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *generated_at = NULL;
  guint runs = 10;
  guint n_opds = 0;
  gint64 now;
  int year, month;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: report-bench DATABASE [RUNS]\n");
      return 2;
    }
  if (argc == 3)
    runs = MAX (1, (guint) g_ascii_strtoull (argv[2], NULL, 10));

  store = sigap_store_open (argv[1], &error);
  if (store == NULL)
    die ("opening the database", error);

  zone = g_time_zone_new_identifier ("Asia/Jakarta");
  if (zone == NULL)
    zone = g_time_zone_new_offset (7 * 3600);

  generated_at = sigap_store_get_meta (store, "demo_generated_at");
  now = generated_at != NULL ? g_ascii_strtoll (generated_at, NULL, 10) : 0;
  if (now <= 0)
    now = g_get_real_time () / G_USEC_PER_SEC;
  sigap_report_last_complete_month (now, zone, &year, &month);
  days = load_days (year);

  opd = sigap_store_find_opd_by_code (store, "dinkes", NULL);
  if (opd == NULL)
    {
      g_autoptr(GPtrArray) opds = sigap_store_list_opds (store, &error);

      if (opds == NULL || opds->len == 0)
        die ("listing the OPDs", error);
      opd = g_object_ref (g_ptr_array_index (opds, 0));
    }

  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(SigapReportFigures) figures = NULL;
      g_autoptr(GPtrArray) all = NULL;
      gint64 start;
      double ms;

      start = g_get_monotonic_time ();
      figures = sigap_report_figures_compute (store, sigap_opd_get_id (opd), year, month, days,
                                              zone, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (figures == NULL)
        die ("computing one OPD's figures", error);
      if (i > 0)
        g_array_append_val (month_ms, ms);

      start = g_get_monotonic_time ();
      all = sigap_report_figures_compute_all (store, year, month, days, zone, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (all == NULL)
        die ("computing every OPD's figures", error);
      if (i > 0)
        g_array_append_val (recap_ms, ms);
      n_opds = all->len;
    }

  printf ("opds %u\n", n_opds);
  printf ("report_month_ms %.3f\n", sigap_bench_median (month_ms));
  printf ("report_recap_ms %.3f\n", sigap_bench_median (recap_ms));

  return 0;
}
