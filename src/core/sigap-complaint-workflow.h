/* sigap-complaint-workflow.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-complaint.h"
#include "sigap-complaint-event.h"
#include "sigap-complaint-rules.h"
#include "sigap-opd.h"
#include "sigap-sla.h"
#include "sigap-store.h"
#include "sigap-user.h"
#include "sigap-working-days.h"

G_BEGIN_DECLS

/* The code of the OPD whose triage receives what no OPD holds: the
 * verifikator's queue at Diskominfo. */
#define SIGAP_COMPLAINT_TRIAGE_OPD_CODE "diskominfo"

#define SIGAP_COMPLAINT_WORKFLOW_ERROR (sigap_complaint_workflow_error_quark ())

/**
 * SigapComplaintWorkflowError:
 * @SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN: the user may not act on the
 *   complaint, or may not take this step
 * @SIGAP_COMPLAINT_WORKFLOW_ERROR_STALE: the event's from_status is not
 *   the complaint's status any more
 * @SIGAP_COMPLAINT_WORKFLOW_ERROR_KEEPS_STATUS: an action that keeps the
 *   status names another status
 * @SIGAP_COMPLAINT_WORKFLOW_ERROR_NO_SUCH_STEP: the state machine has no
 *   such step, or the action does not name it
 * @SIGAP_COMPLAINT_WORKFLOW_ERROR_CLOSED: the complaint is closed and
 *   cannot be assigned or answered any more
 * @SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_NOTE: the step needs a note (a
 *   reason, the public answer)
 * @SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_OPD: routing needs a known OPD
 * @SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_ASSIGNEE: an assignment needs an
 *   active user of the complaint's OPD
 * @SIGAP_COMPLAINT_WORKFLOW_ERROR_EMPTY_BODY: a new complaint has no text
 * @SIGAP_COMPLAINT_WORKFLOW_ERROR_INVALID_CHANNEL: a new complaint has no
 *   channel it came through
 * @SIGAP_COMPLAINT_WORKFLOW_ERROR_INVALID_URL: a new complaint's link is
 *   not an http or https address
 *
 * Every message is a translated sentence for the user. The server maps
 * the codes to its own rejections.
 */
typedef enum
{
  SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN,
  SIGAP_COMPLAINT_WORKFLOW_ERROR_STALE,
  SIGAP_COMPLAINT_WORKFLOW_ERROR_KEEPS_STATUS,
  SIGAP_COMPLAINT_WORKFLOW_ERROR_NO_SUCH_STEP,
  SIGAP_COMPLAINT_WORKFLOW_ERROR_CLOSED,
  SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_NOTE,
  SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_OPD,
  SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_ASSIGNEE,
  SIGAP_COMPLAINT_WORKFLOW_ERROR_EMPTY_BODY,
  SIGAP_COMPLAINT_WORKFLOW_ERROR_INVALID_CHANNEL,
  SIGAP_COMPLAINT_WORKFLOW_ERROR_INVALID_URL,
} SigapComplaintWorkflowError;

GQuark               sigap_complaint_workflow_error_quark (void);

/* The rules both the server and the desktop apply to an event. */
gboolean             sigap_complaint_user_owns            (SigapComplaint       *complaint,
                                                           SigapRole             role,
                                                           const char           *opd_id);
gboolean             sigap_complaint_check_event          (SigapComplaint       *complaint,
                                                           SigapComplaintEvent  *event,
                                                           SigapRole             role,
                                                           gboolean              owns,
                                                           GError              **error);
gboolean             sigap_complaint_check_assignee       (SigapComplaint       *complaint,
                                                           SigapUser            *assignee,
                                                           GError              **error);
const char          *sigap_complaint_opd_after_event      (SigapComplaint       *complaint,
                                                           SigapComplaintEvent  *event,
                                                           const char           *triage_opd_id);
void                 sigap_complaint_apply_event          (SigapComplaint       *complaint,
                                                           SigapComplaintEvent  *event,
                                                           const char           *triage_opd_id,
                                                           gint64                now,
                                                           SigapWorkingDays     *days,
                                                           GTimeZone            *zone,
                                                           const SigapSlaSettings *sla);
GTimeZone           *sigap_complaint_zone_for_opd         (SigapOpd             *opd);

/* What the desktop offers. */
char               **sigap_complaint_offered_actions      (SigapComplaint       *complaint,
                                                           SigapRole             role,
                                                           const char           *opd_id);
SigapComplaintNeeds  sigap_complaint_action_needs         (SigapComplaint       *complaint,
                                                           const char           *action);

/* The desktop's writes. */
gboolean             sigap_complaint_workflow_apply       (SigapStore           *store,
                                                           SigapUser            *user,
                                                           SigapComplaint       *complaint,
                                                           const char           *action,
                                                           const char           *note,
                                                           const char           *opd_id,
                                                           SigapWorkingDays     *days,
                                                           GError              **error);
gboolean             sigap_complaint_workflow_apply_full  (SigapStore           *store,
                                                           SigapUser            *user,
                                                           SigapComplaint       *complaint,
                                                           const char           *action,
                                                           const char           *note,
                                                           const char           *opd_id,
                                                           SigapWorkingDays     *days,
                                                           const SigapSlaSettings *sla,
                                                           GError              **error);
gboolean             sigap_complaint_workflow_validate    (SigapComplaint       *complaint,
                                                           GError              **error);
gboolean             sigap_complaint_workflow_record      (SigapStore           *store,
                                                           SigapUser            *user,
                                                           SigapOpd             *opd,
                                                           SigapComplaint       *complaint,
                                                           SigapWorkingDays     *days,
                                                           GError              **error);
gboolean             sigap_complaint_workflow_record_full (SigapStore           *store,
                                                           SigapUser            *user,
                                                           SigapOpd             *opd,
                                                           SigapComplaint       *complaint,
                                                           SigapWorkingDays     *days,
                                                           const SigapSlaSettings *sla,
                                                           GError              **error);

G_END_DECLS
