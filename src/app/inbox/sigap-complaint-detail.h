/* sigap-complaint-detail.h
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
 * SigapComplaintDetailContext:
 * @zone: the OPD's time zone
 * @days: the working-day calendar deadlines count in
 * @sla: (nullable): the regency's service levels, %NULL for the defaults
 * @now: the current time, UTC seconds
 * @names: ids of OPDs and users to the names shown for them
 * @may_see_citizen: whether the signed-in role handles the complaint, and
 *   so may see who sent it
 * @actions: (array zero-terminated=1): the steps offered on the complaint,
 *   as timeline actions ("verified", "routed", "answered", …)
 *
 * What the detail pane needs beside the complaint.
 */
typedef struct
{
  GTimeZone          *zone;
  SigapWorkingDays   *days;
  const SigapSlaSettings *sla;
  gint64              now;
  GHashTable         *names;
  gboolean            may_see_citizen;
  const char * const *actions;
} SigapComplaintDetailContext;

#define SIGAP_TYPE_COMPLAINT_DETAIL (sigap_complaint_detail_get_type())

G_DECLARE_FINAL_TYPE (SigapComplaintDetail, sigap_complaint_detail, SIGAP, COMPLAINT_DETAIL, AdwBin)

GtkWidget      *sigap_complaint_detail_new                   (void);
void            sigap_complaint_detail_show                  (SigapComplaintDetail              *self,
                                                              SigapComplaint                    *complaint,
                                                              GPtrArray                         *events,
                                                              const SigapComplaintDetailContext *context);
SigapComplaint *sigap_complaint_detail_get_complaint         (SigapComplaintDetail              *self);
gboolean        sigap_complaint_detail_get_presentation_mode (SigapComplaintDetail              *self);
void            sigap_complaint_detail_set_presentation_mode (SigapComplaintDetail              *self,
                                                              gboolean                           presentation_mode);

G_END_DECLS
