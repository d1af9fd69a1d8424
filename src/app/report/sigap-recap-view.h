/* sigap-recap-view.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"
#include "sigap-report-document.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_RECAP_VIEW (sigap_recap_view_get_type())

G_DECLARE_FINAL_TYPE (SigapRecapView, sigap_recap_view, SIGAP, RECAP_VIEW, GtkWidget)

SigapRecapView *sigap_recap_view_new        (void);
void            sigap_recap_view_set_store  (SigapRecapView *self,
                                             SigapStore     *store);
void            sigap_recap_view_set_month  (SigapRecapView *self,
                                             int             year,
                                             int             month);
void            sigap_recap_view_get_month  (SigapRecapView *self,
                                             int            *year,
                                             int            *month);
void            sigap_recap_view_reload     (SigapRecapView *self);
guint           sigap_recap_view_get_n_rows (SigapRecapView *self);
const SigapReportRecapRow *
                sigap_recap_view_get_row    (SigapRecapView *self,
                                             guint           position);
GtkColumnView  *sigap_recap_view_get_column_view (SigapRecapView *self);

G_END_DECLS
