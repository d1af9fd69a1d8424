/* sigap-bench-frame.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the benchmarks under a display share: a window whose frame clock
 * tells when a frame was painted, waits, and the series of samples they
 * print for build-aux/bench.py. Define BENCH_NAME before including it.
 */

#pragma once

#include <stdio.h>
#include <stdlib.h>

#include <gtk/gtk.h>

typedef struct
{
  GtkWindow *window;
  GdkFrameClock *frame_clock;
  gint64 after_paint;
} BenchFrame;

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("%s: %s: %s\n", BENCH_NAME, what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                BenchFrame    *bench)
{
  bench->after_paint = g_get_monotonic_time ();
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
pause_ms (guint ms)
{
  gboolean done = FALSE;

  settle ();
  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  settle ();
}

/* Waits until the next frame has been painted. */
static void
wait_for_frame (BenchFrame *bench)
{
  gboolean timed_out = FALSE;
  guint timeout;

  bench->after_paint = 0;
  /* A frame comes even if nothing has changed. */
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  timeout = g_timeout_add_seconds (30, timeout_cb, &timed_out);
  while (bench->after_paint == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    die ("waiting for a frame", NULL);
  g_source_remove (timeout);
}

static double
ms_between (gint64 from,
            gint64 to)
{
  return (double) (to - from) / 1000.0;
}

static void
print_series (const char *name,
              GArray     *samples)
{
  printf ("%s", name);
  for (guint i = 0; i < samples->len; i++)
    printf (" %g", g_array_index (samples, double, i));
  printf ("\n");
  fflush (stdout);
}

static void
append (GArray *samples,
        double  value)
{
  g_array_append_val (samples, value);
}
