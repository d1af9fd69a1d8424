/* sigap-bench-stats.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The median of a series of timings, for the benchmarks that need no
 * display (those under a display use sigap-bench-frame.h). */

#pragma once

#include <glib.h>

static inline int
sigap_bench_compare_double (gconstpointer a,
                            gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Sorts @samples (of double) and returns their median. */
static inline double
sigap_bench_median (GArray *samples)
{
  guint n = samples->len;

  g_array_sort (samples, sigap_bench_compare_double);
  if (n % 2 == 1)
    return g_array_index (samples, double, n / 2);
  return (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}
