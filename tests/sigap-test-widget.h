/* sigap-test-widget.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the in-process widget tests share.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

static inline void
sigap_test_after_paint_cb (GdkFrameClock *frame_clock,
                           gboolean      *painted)
{
  *painted = TRUE;
}

static inline gboolean
sigap_test_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @widget's window has painted a frame. */
static inline void
sigap_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *frame_clock;
  gboolean painted = FALSE;
  gboolean timed_out = FALSE;
  gulong handler;
  guint timeout;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  frame_clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (frame_clock);

  handler = g_signal_connect (frame_clock, "after-paint",
                              G_CALLBACK (sigap_test_after_paint_cb), &painted);
  timeout = g_timeout_add_seconds (10, sigap_test_timeout_cb, &timed_out);
  gtk_widget_queue_draw (widget);

  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handler_disconnect (frame_clock, handler);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (timed_out);
}

G_END_DECLS
