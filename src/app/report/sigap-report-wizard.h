/* sigap-report-wizard.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_REPORT_WIZARD (sigap_report_wizard_get_type())

G_DECLARE_FINAL_TYPE (SigapReportWizard, sigap_report_wizard, SIGAP, REPORT_WIZARD, AdwWindow)

SigapReportWizard *sigap_report_wizard_new          (GtkWindow         *parent,
                                                     SigapStore        *store,
                                                     SigapUser         *user,
                                                     SigapOpd          *opd,
                                                     SigapReport       *report);
const char        *sigap_report_wizard_get_step     (SigapReportWizard *self);
gboolean           sigap_report_wizard_get_editable (SigapReportWizard *self);

G_END_DECLS
