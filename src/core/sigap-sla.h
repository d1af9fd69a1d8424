/* sigap-sla.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-complaint.h"
#include "sigap-working-days.h"

G_BEGIN_DECLS

/**
 * SigapSlaStep:
 * @SIGAP_SLA_STEP_NONE: no deadline runs (a closed complaint)
 * @SIGAP_SLA_STEP_VERIFICATION: Diskominfo verifies a received complaint
 * @SIGAP_SLA_STEP_ANSWER: the OPD answers the citizen
 * @SIGAP_SLA_STEP_RESOLUTION: the OPD settles a complaint that needs
 *   follow-up (with or without a field check)
 *
 * The steps that have a service-level deadline.
 */
typedef enum
{
  SIGAP_SLA_STEP_NONE,
  SIGAP_SLA_STEP_VERIFICATION,
  SIGAP_SLA_STEP_ANSWER,
  SIGAP_SLA_STEP_RESOLUTION,
} SigapSlaStep;

/**
 * SigapDeadlineState:
 * @SIGAP_DEADLINE_STATE_NONE: no deadline (none set, or the complaint is
 *   closed)
 * @SIGAP_DEADLINE_STATE_ON_TIME: more working days left than the "due
 *   soon" threshold
 * @SIGAP_DEADLINE_STATE_DUE_SOON: the deadline is today or within the
 *   threshold's working days
 * @SIGAP_DEADLINE_STATE_LATE: the deadline has passed
 *
 * The badge of a deadline; the nicks ("on-time", "due-soon", "late") may
 * serve as style classes.
 */
typedef enum
{
  SIGAP_DEADLINE_STATE_NONE,
  SIGAP_DEADLINE_STATE_ON_TIME,
  SIGAP_DEADLINE_STATE_DUE_SOON,
  SIGAP_DEADLINE_STATE_LATE,
} SigapDeadlineState;

/**
 * SigapReplyWindow:
 * @SIGAP_REPLY_WINDOW_NONE: the channel has no reply window
 * @SIGAP_REPLY_WINDOW_OPEN: the platform still accepts a reply
 * @SIGAP_REPLY_WINDOW_CLOSING: it does, for less than the warning time
 * @SIGAP_REPLY_WINDOW_CLOSED: it does not any more
 *
 * Where a direct message stands in the platform's 24-hour reply window.
 */
typedef enum
{
  SIGAP_REPLY_WINDOW_NONE,
  SIGAP_REPLY_WINDOW_OPEN,
  SIGAP_REPLY_WINDOW_CLOSING,
  SIGAP_REPLY_WINDOW_CLOSED,
} SigapReplyWindow;

/* The defaults, in working days (hours for the reply warning). */
#define SIGAP_SLA_DEFAULT_VERIFICATION_DAYS           3
#define SIGAP_SLA_DEFAULT_INFORMATION_DAYS            5
#define SIGAP_SLA_DEFAULT_COMPLAINT_DAYS              5
#define SIGAP_SLA_DEFAULT_RESOLUTION_DAYS             14
#define SIGAP_SLA_DEFAULT_RESOLUTION_FIELD_CHECK_DAYS 60
#define SIGAP_SLA_DEFAULT_DUE_SOON_DAYS               1
#define SIGAP_SLA_DEFAULT_REPLY_WARNING_HOURS         4

/* The limits a setting is clamped to. */
#define SIGAP_SLA_MAX_DAYS                366
#define SIGAP_SLA_MAX_DUE_SOON_DAYS       30
#define SIGAP_SLA_MAX_REPLY_WARNING_HOURS 24

/* The platforms' reply window for direct messages. */
#define SIGAP_REPLY_WINDOW_SECONDS (24 * 60 * 60)

/**
 * SigapSlaSettings:
 * @verification_days: received → verified, from arrival
 * @information_days: the answer to a request for information
 * @complaint_days: the answer to a complaint, and to an aspiration
 * @resolution_days: settling a complaint that needs no field check
 * @resolution_field_check_days: settling one that needs a field check
 * @due_soon_days: a deadline at most this many working days away is due
 *   soon (0: only on its own day)
 * @reply_warning_hours: warn when a direct message's reply window closes
 *   in less than this
 *
 * The service levels, in working days; plain values so that the app can
 * load them from GSettings or the server.
 */
typedef struct
{
  guint verification_days;
  guint information_days;
  guint complaint_days;
  guint resolution_days;
  guint resolution_field_check_days;
  guint due_soon_days;
  guint reply_warning_hours;
} SigapSlaSettings;

void               sigap_sla_settings_init             (SigapSlaSettings       *settings);
void               sigap_sla_settings_clamp            (SigapSlaSettings       *settings);
void               sigap_sla_settings_load_document    (SigapSlaSettings       *settings,
                                                        JsonNode               *document);
void               sigap_sla_settings_init_from_documents
                                                       (SigapSlaSettings       *settings,
                                                        SigapCentralDocuments  *documents);

SigapSlaStep       sigap_sla_step_for_status           (SigapComplaintStatus    status,
                                                        SigapComplaintKind      kind);
gboolean           sigap_sla_status_is_open            (SigapComplaintStatus    status);
guint              sigap_sla_days                      (const SigapSlaSettings *settings,
                                                        SigapSlaStep            step,
                                                        SigapComplaintKind      kind,
                                                        gboolean                needs_field_check);
gint64             sigap_sla_deadline                  (SigapWorkingDays       *days,
                                                        const SigapSlaSettings *settings,
                                                        SigapSlaStep            step,
                                                        SigapComplaintKind      kind,
                                                        gboolean                needs_field_check,
                                                        gint64                  start,
                                                        GTimeZone              *zone,
                                                        gboolean               *holidays_known);

SigapDeadlineState sigap_sla_deadline_state            (SigapWorkingDays       *days,
                                                        const SigapSlaSettings *settings,
                                                        gint64                  due_at,
                                                        gint64                  now,
                                                        GTimeZone              *zone);
SigapDeadlineState sigap_sla_complaint_deadline_state  (SigapComplaint         *complaint,
                                                        SigapWorkingDays       *days,
                                                        const SigapSlaSettings *settings,
                                                        gint64                  now,
                                                        GTimeZone              *zone);

gboolean           sigap_sla_reply_window_applies      (SigapChannel            channel,
                                                        gboolean                direct_message);
gboolean           sigap_sla_url_is_direct_message     (const char             *url);
SigapReplyWindow   sigap_sla_reply_window              (const SigapSlaSettings *settings,
                                                        SigapChannel            channel,
                                                        gboolean                direct_message,
                                                        gint64                  last_message_at,
                                                        gint64                  now,
                                                        gint64                 *closes_at);

G_END_DECLS
