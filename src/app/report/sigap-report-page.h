/* sigap-report-page.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_REPORT_PAGE (sigap_report_page_get_type())

G_DECLARE_FINAL_TYPE (SigapReportPage, sigap_report_page, SIGAP, REPORT_PAGE, AdwBin)

void        sigap_report_page_set_source    (SigapReportPage *self,
                                             SigapStore      *store,
                                             SigapUser       *user,
                                             SigapOpd        *opd);
void        sigap_report_page_reload        (SigapReportPage *self);
const char *sigap_report_page_get_state     (SigapReportPage *self);
guint       sigap_report_page_get_n_reports (SigapReportPage *self);

G_END_DECLS
