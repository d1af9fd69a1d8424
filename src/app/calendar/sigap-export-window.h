/* sigap-export-window.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

/**
 * SigapExportRange:
 * @SIGAP_EXPORT_RANGE_THIS_MONTH: the current month
 * @SIGAP_EXPORT_RANGE_NEXT_MONTH: the month after it
 * @SIGAP_EXPORT_RANGE_DATES: from a first to a last day, both included
 *
 * Which part of the schedule goes into the file.
 */
typedef enum
{
  SIGAP_EXPORT_RANGE_THIS_MONTH,
  SIGAP_EXPORT_RANGE_NEXT_MONTH,
  SIGAP_EXPORT_RANGE_DATES,
} SigapExportRange;

#define SIGAP_TYPE_EXPORT_WINDOW (sigap_export_window_get_type())

G_DECLARE_FINAL_TYPE (SigapExportWindow, sigap_export_window, SIGAP, EXPORT_WINDOW, AdwWindow)

SigapExportWindow *sigap_export_window_new          (GtkWindow            *parent,
                                                     SigapStore           *store,
                                                     SigapOpd             *opd);
SigapExportRange   sigap_export_window_get_range    (SigapExportWindow    *self);
void               sigap_export_window_set_range    (SigapExportWindow    *self,
                                                     SigapExportRange      range);
void               sigap_export_window_set_dates    (SigapExportWindow    *self,
                                                     GDateTime            *first_day,
                                                     GDateTime            *last_day);
gboolean           sigap_export_window_get_bounds   (SigapExportWindow    *self,
                                                     GDateTime           **from,
                                                     GDateTime           **to);
char              *sigap_export_window_dup_filename (SigapExportWindow    *self);
const char        *sigap_export_window_get_error    (SigapExportWindow    *self);

/* The decisions, without a display. */
gboolean  sigap_export_range_bounds        (SigapExportRange      range,
                                            GDateTime            *now,
                                            GDateTime            *first_day,
                                            GDateTime            *last_day,
                                            GDateTime           **from,
                                            GDateTime           **to);
char     *sigap_export_suggest_filename    (SigapOpd             *opd,
                                            GDateTime            *from);

/* The export itself: reads the posts here, writes the file in a thread. */
void      sigap_export_schedule_async      (SigapStore           *store,
                                            SigapOpd             *opd,
                                            GDateTime            *from,
                                            GDateTime            *to,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean  sigap_export_schedule_finish     (GAsyncResult         *result,
                                            guint                *n_posts,
                                            GError              **error);

G_END_DECLS
