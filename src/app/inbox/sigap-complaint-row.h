/* sigap-complaint-row.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_COMPLAINT_ROW (sigap_complaint_row_get_type())

G_DECLARE_FINAL_TYPE (SigapComplaintRow, sigap_complaint_row, SIGAP, COMPLAINT_ROW, AdwBin)

SigapComplaintRow *sigap_complaint_row_new                   (void);
void               sigap_complaint_row_set_complaint         (SigapComplaintRow      *self,
                                                              SigapComplaint         *complaint,
                                                              GTimeZone              *zone,
                                                              SigapWorkingDays       *days,
                                                              const SigapSlaSettings *sla,
                                                              gint64                  now);
gboolean           sigap_complaint_row_get_presentation_mode (SigapComplaintRow *self);
void               sigap_complaint_row_set_presentation_mode (SigapComplaintRow *self,
                                                              gboolean           presentation_mode);

G_END_DECLS
