/* sigap-complaint-rules.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"

G_BEGIN_DECLS

#define SIGAP_N_COMPLAINT_STATUSES (SIGAP_COMPLAINT_STATUS_ARCHIVED + 1)

/**
 * SigapComplaintActor:
 * @SIGAP_COMPLAINT_ACTOR_VERIFIKATOR: Diskominfo's verifikator
 * @SIGAP_COMPLAINT_ACTOR_OPD_ADMIN: the admin of the OPD the complaint is
 *   routed to now
 * @SIGAP_COMPLAINT_ACTOR_TRC: the rapid-response team, on a complaint
 *   flagged as a public issue
 *
 * Who may take a step, as flags.
 */
typedef enum
{
  SIGAP_COMPLAINT_ACTOR_NONE        = 0,
  SIGAP_COMPLAINT_ACTOR_VERIFIKATOR = 1 << 0,
  SIGAP_COMPLAINT_ACTOR_OPD_ADMIN   = 1 << 1,
  SIGAP_COMPLAINT_ACTOR_TRC         = 1 << 2,
} SigapComplaintActor;

/**
 * SigapComplaintNeeds:
 * @SIGAP_COMPLAINT_NEEDS_OPD: the event names the OPD to route to
 * @SIGAP_COMPLAINT_NEEDS_NOTE: the event carries a note (a reason, or the
 *   public answer)
 * @SIGAP_COMPLAINT_NEEDS_ASSIGNEE: the event's note is the ID of the user
 *   the complaint is assigned to
 */
typedef enum
{
  SIGAP_COMPLAINT_NEEDS_NOTHING  = 0,
  SIGAP_COMPLAINT_NEEDS_OPD      = 1 << 0,
  SIGAP_COMPLAINT_NEEDS_NOTE     = 1 << 1,
  SIGAP_COMPLAINT_NEEDS_ASSIGNEE = 1 << 2,
} SigapComplaintNeeds;

/* One allowed change of status; its event's action is the nick of @to
 * ("routed", "in-progress"). */
typedef struct
{
  SigapComplaintStatus from;
  SigapComplaintStatus to;
  SigapComplaintActor  actors;
  SigapComplaintNeeds  needs;
} SigapComplaintTransition;

/* Actions that leave the status as it is. "created" opens every
 * timeline (received → received, once, by whoever records the complaint);
 * "answered" keeps the public answer sent to the citizen in its note;
 * "assigned" names, in its note, the user of the complaint's OPD who
 * handles it. */
#define SIGAP_COMPLAINT_ACTION_NOTE      "note"
#define SIGAP_COMPLAINT_ACTION_ESCALATED "escalated"
#define SIGAP_COMPLAINT_ACTION_CREATED   "created"
#define SIGAP_COMPLAINT_ACTION_ANSWERED  "answered"
#define SIGAP_COMPLAINT_ACTION_ASSIGNED  "assigned"

SigapComplaintActor  sigap_complaint_actor_for           (SigapRole             role,
                                                          gboolean              owns,
                                                          gboolean              public_issue);
const char          *sigap_complaint_status_action       (SigapComplaintStatus  to);
gboolean             sigap_complaint_transition_allowed  (SigapComplaintStatus  from,
                                                          SigapComplaintStatus  to,
                                                          SigapRole             role,
                                                          gboolean              owns);
guint                sigap_complaint_next_statuses       (SigapComplaintStatus  from,
                                                          SigapRole             role,
                                                          gboolean              owns,
                                                          SigapComplaintStatus *next);
gboolean             sigap_complaint_action_allowed      (const char           *action,
                                                          SigapRole             role,
                                                          gboolean              owns,
                                                          gboolean              public_issue);
gboolean             sigap_complaint_action_keeps_status (const char           *action);

const SigapComplaintTransition *
sigap_complaint_find_transition (SigapComplaintStatus from,
                                 SigapComplaintStatus to);

G_END_DECLS
