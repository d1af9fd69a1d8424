/* sigap-week-view.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_WEEK_VIEW (sigap_week_view_get_type())

G_DECLARE_FINAL_TYPE (SigapWeekView, sigap_week_view, SIGAP, WEEK_VIEW, AdwBin)

/* The hour the view scrolls to when it opens: the start of office hours. */
#define SIGAP_WEEK_VIEW_FIRST_HOUR 7

GtkWidget *sigap_week_view_new            (void);
void       sigap_week_view_show           (SigapWeekView *self,
                                           GDateTime     *week,
                                           GDateTime     *today,
                                           GPtrArray     *posts,
                                           GPtrArray     *gap_days);
GtkWidget *sigap_week_view_get_hour_cell  (SigapWeekView *self,
                                           GDateTime     *time);
gboolean   sigap_week_view_focus_post     (SigapWeekView *self,
                                           SigapPost     *post);
void       sigap_week_view_scroll_to_hour (SigapWeekView *self,
                                           guint          hour);

G_END_DECLS
