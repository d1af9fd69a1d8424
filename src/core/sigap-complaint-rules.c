/* sigap-complaint-rules.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-complaint-rules"

#include "config.h"

#include <string.h>

#include "sigap-complaint-rules.h"

/*
 * The complaint state machine, as data. The server checks every pushed
 * timeline event against it; the desktop asks it which buttons to offer.
 *
 * "Owns" means the user is the admin of the OPD the complaint is routed to
 * now. A complaint an OPD declares not its authority goes back to
 * Diskominfo's triage, where the verifikator routes it again.
 */

#define VERIFIKATOR SIGAP_COMPLAINT_ACTOR_VERIFIKATOR
#define OPD_ADMIN   SIGAP_COMPLAINT_ACTOR_OPD_ADMIN
#define TRC         SIGAP_COMPLAINT_ACTOR_TRC

static const SigapComplaintTransition transitions[] = {
  { SIGAP_COMPLAINT_STATUS_RECEIVED, SIGAP_COMPLAINT_STATUS_VERIFIED,
    VERIFIKATOR, SIGAP_COMPLAINT_NEEDS_NOTHING },
  { SIGAP_COMPLAINT_STATUS_VERIFIED, SIGAP_COMPLAINT_STATUS_ROUTED,
    VERIFIKATOR, SIGAP_COMPLAINT_NEEDS_OPD },
  { SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY, SIGAP_COMPLAINT_STATUS_ROUTED,
    VERIFIKATOR, SIGAP_COMPLAINT_NEEDS_OPD },
  { SIGAP_COMPLAINT_STATUS_ROUTED, SIGAP_COMPLAINT_STATUS_IN_PROGRESS,
    OPD_ADMIN, SIGAP_COMPLAINT_NEEDS_NOTHING },
  { SIGAP_COMPLAINT_STATUS_IN_PROGRESS, SIGAP_COMPLAINT_STATUS_RESOLVED,
    OPD_ADMIN, SIGAP_COMPLAINT_NEEDS_NOTE },
  { SIGAP_COMPLAINT_STATUS_ROUTED, SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY,
    OPD_ADMIN, SIGAP_COMPLAINT_NEEDS_NOTHING },
  { SIGAP_COMPLAINT_STATUS_IN_PROGRESS, SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY,
    OPD_ADMIN, SIGAP_COMPLAINT_NEEDS_NOTHING },
  { SIGAP_COMPLAINT_STATUS_RECEIVED, SIGAP_COMPLAINT_STATUS_REJECTED,
    VERIFIKATOR, SIGAP_COMPLAINT_NEEDS_NOTE },
  { SIGAP_COMPLAINT_STATUS_VERIFIED, SIGAP_COMPLAINT_STATUS_REJECTED,
    VERIFIKATOR, SIGAP_COMPLAINT_NEEDS_NOTE },
  { SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY, SIGAP_COMPLAINT_STATUS_REJECTED,
    VERIFIKATOR, SIGAP_COMPLAINT_NEEDS_NOTE },
  { SIGAP_COMPLAINT_STATUS_RESOLVED, SIGAP_COMPLAINT_STATUS_ARCHIVED,
    VERIFIKATOR, SIGAP_COMPLAINT_NEEDS_NOTHING },
  { SIGAP_COMPLAINT_STATUS_REJECTED, SIGAP_COMPLAINT_STATUS_ARCHIVED,
    VERIFIKATOR, SIGAP_COMPLAINT_NEEDS_NOTHING },
};

/* The action of the event that moves a complaint into each status: the
 * status's nick, as stored. */
static const char * const status_actions[SIGAP_N_COMPLAINT_STATUSES] = {
  [SIGAP_COMPLAINT_STATUS_RECEIVED] = "received",
  [SIGAP_COMPLAINT_STATUS_VERIFIED] = "verified",
  [SIGAP_COMPLAINT_STATUS_ROUTED] = "routed",
  [SIGAP_COMPLAINT_STATUS_IN_PROGRESS] = "in-progress",
  [SIGAP_COMPLAINT_STATUS_RESOLVED] = "resolved",
  [SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY] = "not-our-authority",
  [SIGAP_COMPLAINT_STATUS_REJECTED] = "rejected",
  [SIGAP_COMPLAINT_STATUS_ARCHIVED] = "archived",
};

/**
 * sigap_complaint_actor_for:
 * @role: the user's role
 * @owns: whether the user is the admin of the OPD the complaint is
 *   routed to
 * @public_issue: whether the complaint is flagged as a public issue
 *
 * Returns: what the user is to this complaint, or
 *   %SIGAP_COMPLAINT_ACTOR_NONE (pimpinan, another OPD's admin)
 */
SigapComplaintActor
sigap_complaint_actor_for (SigapRole role,
                           gboolean  owns,
                           gboolean  public_issue)
{
  switch (role)
    {
    case SIGAP_ROLE_VERIFIKATOR:
      return VERIFIKATOR;

    case SIGAP_ROLE_ADMIN_OPD:
      return owns ? OPD_ADMIN : SIGAP_COMPLAINT_ACTOR_NONE;

    case SIGAP_ROLE_TRC:
      return public_issue ? TRC : SIGAP_COMPLAINT_ACTOR_NONE;

    case SIGAP_ROLE_PIMPINAN:
    default:
      return SIGAP_COMPLAINT_ACTOR_NONE;
    }
}

/**
 * sigap_complaint_status_action:
 * @to: a status
 *
 * Returns: (nullable): the action of an event that moves a complaint into
 *   @to, or %NULL for a value that is not a status
 */
const char *
sigap_complaint_status_action (SigapComplaintStatus to)
{
  if ((guint) to >= SIGAP_N_COMPLAINT_STATUSES)
    return NULL;

  return status_actions[to];
}

/**
 * sigap_complaint_find_transition:
 * @from: the current status
 * @to: the next status
 *
 * Returns: (nullable): the rule for going from @from to @to, or %NULL if
 *   no one may
 */
const SigapComplaintTransition *
sigap_complaint_find_transition (SigapComplaintStatus from,
                                 SigapComplaintStatus to)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (transitions[i].from == from && transitions[i].to == to)
      return &transitions[i];

  return NULL;
}

/**
 * sigap_complaint_transition_allowed:
 * @from: the current status
 * @to: the next status
 * @role: the user's role
 * @owns: whether the user is the admin of the OPD the complaint is
 *   routed to
 *
 * Returns: %TRUE if the user may move a complaint from @from to @to
 */
gboolean
sigap_complaint_transition_allowed (SigapComplaintStatus from,
                                    SigapComplaintStatus to,
                                    SigapRole            role,
                                    gboolean             owns)
{
  const SigapComplaintTransition *transition = sigap_complaint_find_transition (from, to);

  /* Status changes never depend on the public-issue flag. */
  return transition != NULL &&
         (transition->actors & sigap_complaint_actor_for (role, owns, FALSE)) != 0;
}

/**
 * sigap_complaint_next_statuses:
 * @from: the current status
 * @role: the user's role
 * @owns: whether the user is the admin of the OPD the complaint is
 *   routed to
 * @next: (out caller-allocates) (array fixed-size=8): the statuses the
 *   user may move the complaint to, in the order of the table
 *
 * Returns: the number of statuses stored in @next
 */
guint
sigap_complaint_next_statuses (SigapComplaintStatus  from,
                               SigapRole             role,
                               gboolean              owns,
                               SigapComplaintStatus *next)
{
  guint n = 0;

  g_return_val_if_fail (next != NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (transitions[i].from == from &&
        sigap_complaint_transition_allowed (from, transitions[i].to, role, owns))
      next[n++] = transitions[i].to;

  return n;
}

/* The actions that keep the status, and who may take them. */
static const struct
{
  const char          *action;
  SigapComplaintActor  actors;
} keeping_actions[] = {
  /* Anyone who handles the complaint. */
  { SIGAP_COMPLAINT_ACTION_NOTE, VERIFIKATOR | OPD_ADMIN | TRC },
  /* The rapid-response team answers the public issues it clarifies. */
  { SIGAP_COMPLAINT_ACTION_ANSWERED, VERIFIKATOR | OPD_ADMIN | TRC },
  { SIGAP_COMPLAINT_ACTION_ESCALATED, VERIFIKATOR | OPD_ADMIN },
  { SIGAP_COMPLAINT_ACTION_ASSIGNED, VERIFIKATOR | OPD_ADMIN },
  /* Whoever may record a complaint: the verifikator, or the admin of
   * the OPD it is recorded for. */
  { SIGAP_COMPLAINT_ACTION_CREATED, VERIFIKATOR | OPD_ADMIN },
};

/**
 * sigap_complaint_action_keeps_status:
 * @action: an event's action
 *
 * Returns: %TRUE if @action is one of the actions that leave the status
 *   as it is (%SIGAP_COMPLAINT_ACTION_NOTE, _ANSWERED, _ESCALATED,
 *   _ASSIGNED, _CREATED), %FALSE for a status's action or anything else
 */
gboolean
sigap_complaint_action_keeps_status (const char *action)
{
  g_return_val_if_fail (action != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (keeping_actions); i++)
    if (strcmp (action, keeping_actions[i].action) == 0)
      return TRUE;

  return FALSE;
}

/**
 * sigap_complaint_action_allowed:
 * @action: an action that keeps the status (see
 *   sigap_complaint_action_keeps_status())
 * @role: the user's role
 * @owns: whether the user is the admin of the OPD the complaint is
 *   routed to
 * @public_issue: whether the complaint is flagged as a public issue
 *
 * Whether the user may add an event that leaves the status as it is: a
 * note or an answer to the citizen (anyone who handles the complaint), an
 * escalation to the rapid-response team or an assignment (the verifikator
 * or the OPD's admin), the first event of a complaint they record (the
 * same).
 *
 * Returns: %TRUE if allowed; %FALSE for any other action
 */
gboolean
sigap_complaint_action_allowed (const char *action,
                                SigapRole   role,
                                gboolean    owns,
                                gboolean    public_issue)
{
  SigapComplaintActor actor = sigap_complaint_actor_for (role, owns, public_issue);

  g_return_val_if_fail (action != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (keeping_actions); i++)
    if (strcmp (action, keeping_actions[i].action) == 0)
      return (actor & keeping_actions[i].actors) != 0;

  return FALSE;
}
