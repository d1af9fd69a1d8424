/* sigap-month-view.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_MONTH_VIEW (sigap_month_view_get_type())

G_DECLARE_FINAL_TYPE (SigapMonthView, sigap_month_view, SIGAP, MONTH_VIEW, AdwBin)

/* How many posts a day shows before "+N more". */
#define SIGAP_MONTH_VIEW_MAX_POSTS 3

GtkWidget *sigap_month_view_new          (void);
void       sigap_month_view_show         (SigapMonthView *self,
                                          GDateTime      *month,
                                          GDateTime      *today,
                                          GPtrArray      *posts,
                                          GPtrArray      *gap_days);
guint      sigap_month_view_get_n_weeks  (SigapMonthView *self);
GtkWidget *sigap_month_view_get_day_cell (SigapMonthView *self,
                                          GDateTime      *day);
gboolean   sigap_month_view_focus_post   (SigapMonthView *self,
                                          SigapPost      *post);

G_END_DECLS
