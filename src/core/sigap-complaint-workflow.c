/* sigap-complaint-workflow.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-complaint-workflow"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sigap-complaint-workflow.h"
#include "sigap-sla.h"

/*
 * Moving a complaint through its workflow, the same way on the server
 * and on the desktop.
 *
 * sigap_complaint_check_event() decides whether an event may happen to a
 * complaint as it is, and sigap_complaint_apply_event() changes the
 * complaint as the event says: the server's push runs both on every
 * pushed timeline event, the desktop runs both before it writes one, so a
 * step refused by one is refused by the other. The references an event
 * makes (the OPD it routes to, the user it assigns, whether the timeline
 * is empty) live in each side's own store, so each side looks them up;
 * sigap_complaint_check_assignee() keeps the rule for the assignee in one
 * place.
 *
 * On the desktop, sigap_complaint_workflow_apply() writes the changed
 * complaint without an outbox row (the server changes its own copy when
 * the event arrives, and the next pull brings it) and appends the event,
 * which leaves a 'complaint_event' outbox row, in one transaction.
 *
 * Deadlines: a step that starts a new service-level step (see
 * sigap-sla.c), or routes the complaint to an OPD, sets due_at to that
 * step's deadline from the time it is applied, with the default service
 * levels, in the zone of the OPD that holds the complaint afterwards.
 * The server counts with the holiday calendars it hands out; the desktop
 * with the ones it has, or leaves due_at for the next pull when it was
 * given no calendar. A step into a closed status keeps the deadline that
 * ran, so that a late resolution stays late.
 */

G_DEFINE_QUARK (sigap-complaint-workflow-error-quark, sigap_complaint_workflow_error)

/* Helpers {{{ */

static gboolean
text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* @text without the spaces around it; %NULL when nothing is left. */
static char *
dup_stripped (const char *text)
{
  g_autofree char *copy = NULL;

  if (text_is_blank (text))
    return NULL;

  copy = g_utf8_make_valid (text, -1);

  return g_strdup (g_strstrip (copy));
}

static gboolean
is_action (const char *action,
           const char *name)
{
  return g_strcmp0 (action, name) == 0;
}

static gboolean
status_from_action (const char           *action,
                    SigapComplaintStatus *status)
{
  g_autoptr(GEnumClass) statuses = g_type_class_ref (SIGAP_TYPE_COMPLAINT_STATUS);
  GEnumValue *value = action != NULL ? g_enum_get_value_by_nick (statuses, action) : NULL;

  if (value == NULL)
    return FALSE;

  *status = value->value;

  return TRUE;
}

static gboolean
set_needs_note_error (const char  *action,
                      GError     **error)
{
  const char *message;

  if (is_action (action, "resolved"))
    message = _("Write the public answer the citizen receives before resolving the complaint.");
  else if (is_action (action, "rejected"))
    message = _("Write why the complaint is rejected before rejecting it.");
  else if (is_action (action, SIGAP_COMPLAINT_ACTION_ANSWERED))
    message = _("Write the answer to the citizen before recording it.");
  else
    message = _("This step needs a note. Write it and try again.");

  g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                       SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_NOTE, message);

  return FALSE;
}

static gboolean
set_forbidden_step_error (GError **error)
{
  g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                       SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN,
                       _("Your role may not take this step. Diskominfo’s verifikator "
                         "verifies, routes, rejects and archives complaints; the admin of "
                         "the OPD a complaint is routed to handles and resolves it."));

  return FALSE;
}

/* Copies every property of @from to @to, which are the same record. */
static void
copy_properties (GObject *to,
                 GObject *from)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n_pspecs);

  g_object_freeze_notify (to);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (from, pspecs[i]->name, &value);
      g_object_set_property (to, pspecs[i]->name, &value);
    }
  g_object_thaw_notify (to);
}

/* A transaction of its own, or a savepoint inside the caller's. */
static gboolean
begin_write (SigapStore  *store,
             gboolean    *own,
             GError     **error)
{
  sqlite3 *db = sigap_store_get_connection (store);

  *own = sqlite3_get_autocommit (db) != 0;
  if (*own)
    return sigap_store_begin (store, error);

  if (sqlite3_exec (db, "SAVEPOINT sigap_workflow", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED,
                           _("A change to the database is already in progress. Wait "
                             "for it to finish and try again."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
end_write (SigapStore  *store,
           gboolean     own,
           gboolean     ok,
           GError     **error)
{
  sqlite3 *db = sigap_store_get_connection (store);

  if (own)
    {
      if (ok && sigap_store_commit (store, error))
        return TRUE;

      sigap_store_rollback (store);
      return FALSE;
    }

  if (ok && sqlite3_exec (db, "RELEASE sigap_workflow", NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;

  sqlite3_exec (db, "ROLLBACK TO sigap_workflow; RELEASE sigap_workflow", NULL, NULL, NULL);
  if (ok)
    g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED,
                         _("Sigap could not save the change. Try again; if it keeps "
                           "happening, restart Sigap."));

  return FALSE;
}

/* The stored OPD @id, %NULL if it is not there; %FALSE only when the
 * database fails. */
static gboolean
lookup_opd (SigapStore  *store,
            const char  *id,
            SigapOpd   **opd,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *opd = NULL;
  if (id == NULL)
    return TRUE;

  *opd = sigap_store_get_opd (store, id, &local_error);
  if (*opd == NULL &&
      !g_error_matches (local_error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* The triage OPD's ID, %NULL when this database has none. */
static gboolean
lookup_triage (SigapStore  *store,
               char       **triage_id,
               GError     **error)
{
  g_autoptr(SigapOpd) triage = NULL;
  g_autoptr(GError) local_error = NULL;

  triage = sigap_store_find_opd_by_code (store, SIGAP_COMPLAINT_TRIAGE_OPD_CODE, &local_error);
  if (triage == NULL &&
      !g_error_matches (local_error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *triage_id = triage != NULL ? g_strdup (sigap_opd_get_id (triage)) : NULL;

  return TRUE;
}

/* }}} */

/* The shared rules {{{ */

/**
 * sigap_complaint_user_owns:
 * @complaint: a complaint
 * @role: the user's role
 * @opd_id: (nullable): the user's OPD
 *
 * Returns: whether the user is the admin of the OPD @complaint is routed
 *   to now, the "owns" of the state machine
 */
gboolean
sigap_complaint_user_owns (SigapComplaint *complaint,
                           SigapRole       role,
                           const char     *opd_id)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), FALSE);

  return role == SIGAP_ROLE_ADMIN_OPD && opd_id != NULL &&
         g_strcmp0 (sigap_complaint_get_opd_id (complaint), opd_id) == 0;
}

/**
 * sigap_complaint_check_event:
 * @complaint: the complaint as it is now
 * @event: the event to add to its timeline
 * @role: the role of the user who adds it
 * @owns: whether that user is the admin of the OPD @complaint is routed
 *   to (see sigap_complaint_user_owns())
 * @error: return location for a #SigapComplaintWorkflowError
 *
 * Checks @event against @complaint and the state machine
 * (sigap-complaint-rules.c), in the order the server answers: the user
 * must handle the complaint (%SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN);
 * the event's from_status must be the complaint's status (_STALE); an
 * action that keeps the status must name it as to_status (_KEEPS_STATUS)
 * and be the user's to take (_FORBIDDEN); a change of status must be a
 * step of the table whose action is the new status's nick (_NO_SUCH_STEP)
 * and the user's to take (_FORBIDDEN); then what the step needs: a note
 * (_NEEDS_NOTE: rejecting, resolving, a note, an answer), an OPD to route
 * to (_NEEDS_OPD), the assignee's user ID in the note (_NEEDS_ASSIGNEE).
 * Answering and assigning are for open complaints (_CLOSED); "created"
 * only on a received complaint.
 *
 * What the event refers to is the caller's to check: that the OPD it
 * routes to exists, that the assignee may be assigned
 * (sigap_complaint_check_assignee()), that a "created" event opens the
 * timeline.
 *
 * Returns: %TRUE if the event may be added
 */
gboolean
sigap_complaint_check_event (SigapComplaint       *complaint,
                             SigapComplaintEvent  *event,
                             SigapRole             role,
                             gboolean              owns,
                             GError              **error)
{
  const SigapComplaintTransition *rule;
  gboolean public_issue;
  SigapComplaintStatus from;
  SigapComplaintStatus to;
  const char *action;
  const char *note;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), FALSE);
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (event), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  public_issue = sigap_complaint_get_public_issue (complaint);
  from = sigap_complaint_event_get_from_status (event);
  to = sigap_complaint_event_get_to_status (event);
  action = sigap_complaint_event_get_action (event);
  note = sigap_complaint_event_get_note (event);

  if (sigap_complaint_actor_for (role, owns, public_issue) == SIGAP_COMPLAINT_ACTOR_NONE)
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                           SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN,
                           _("You may not change this complaint: it is routed to another OPD, "
                             "or your role only reads complaints."));
      return FALSE;
    }

  if (from != sigap_complaint_get_status (complaint))
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                           SIGAP_COMPLAINT_WORKFLOW_ERROR_STALE,
                           _("The complaint has changed since it was shown, so this step no "
                             "longer fits. Look at the complaint again and choose a step."));
      return FALSE;
    }

  if (action != NULL && sigap_complaint_action_keeps_status (action))
    {
      if (to != from)
        {
          g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                               SIGAP_COMPLAINT_WORKFLOW_ERROR_KEEPS_STATUS,
                               _("This action does not change the complaint’s status. Look "
                                 "at the complaint again and choose a step."));
          return FALSE;
        }

      if (!sigap_complaint_action_allowed (action, role, owns, public_issue))
        return set_forbidden_step_error (error);

      if (is_action (action, SIGAP_COMPLAINT_ACTION_CREATED) &&
          from != SIGAP_COMPLAINT_STATUS_RECEIVED)
        {
          g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                               SIGAP_COMPLAINT_WORKFLOW_ERROR_NO_SUCH_STEP,
                               _("The complaint was recorded already."));
          return FALSE;
        }

      if ((is_action (action, SIGAP_COMPLAINT_ACTION_ANSWERED) ||
           is_action (action, SIGAP_COMPLAINT_ACTION_ASSIGNED)) &&
          !sigap_sla_status_is_open (from))
        {
          g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                               SIGAP_COMPLAINT_WORKFLOW_ERROR_CLOSED,
                               _("The complaint is closed, so it can no longer be answered or "
                                 "assigned. Add a note instead."));
          return FALSE;
        }

      if ((is_action (action, SIGAP_COMPLAINT_ACTION_NOTE) ||
           is_action (action, SIGAP_COMPLAINT_ACTION_ANSWERED)) && text_is_blank (note))
        return set_needs_note_error (action, error);

      if (is_action (action, SIGAP_COMPLAINT_ACTION_ASSIGNED) && text_is_blank (note))
        {
          g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                               SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_ASSIGNEE,
                               _("Choose the person who handles the complaint."));
          return FALSE;
        }

      return TRUE;
    }

  rule = sigap_complaint_find_transition (from, to);
  if (rule == NULL || g_strcmp0 (action, sigap_complaint_status_action (to)) != 0)
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                           SIGAP_COMPLAINT_WORKFLOW_ERROR_NO_SUCH_STEP,
                           _("The complaint cannot take this step from its current status. "
                             "Choose one of the steps it offers."));
      return FALSE;
    }

  if (!sigap_complaint_transition_allowed (from, to, role, owns))
    return set_forbidden_step_error (error);

  if ((rule->needs & SIGAP_COMPLAINT_NEEDS_NOTE) != 0 && text_is_blank (note))
    return set_needs_note_error (action, error);

  if ((rule->needs & SIGAP_COMPLAINT_NEEDS_OPD) != 0 &&
      text_is_blank (sigap_complaint_event_get_opd_id (event)))
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                           SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_OPD,
                           _("Choose the OPD to route the complaint to."));
      return FALSE;
    }

  return TRUE;
}

/**
 * sigap_complaint_check_assignee:
 * @complaint: the complaint to assign
 * @assignee: (nullable): the user an "assigned" event names, or %NULL
 *   when no such user is known
 * @error: return location for a #SigapComplaintWorkflowError
 *
 * A complaint is assigned to a user of the OPD it is routed to whose
 * account is active and whose role handles complaints (not pimpinan).
 *
 * Returns: %TRUE if @assignee may be assigned @complaint; %FALSE with
 *   %SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_ASSIGNEE
 */
gboolean
sigap_complaint_check_assignee (SigapComplaint  *complaint,
                                SigapUser       *assignee,
                                GError         **error)
{
  const char *name;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), FALSE);
  g_return_val_if_fail (assignee == NULL || SIGAP_IS_USER (assignee), FALSE);

  if (assignee == NULL)
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                           SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_ASSIGNEE,
                           _("The person chosen is not known to Sigap. Sync, then choose "
                             "them again."));
      return FALSE;
    }

  if (!sigap_user_get_disabled (assignee) &&
      sigap_user_get_role (assignee) != SIGAP_ROLE_PIMPINAN &&
      sigap_complaint_get_opd_id (complaint) != NULL &&
      g_strcmp0 (sigap_user_get_opd_id (assignee), sigap_complaint_get_opd_id (complaint)) == 0)
    return TRUE;

  name = sigap_user_get_display_name (assignee);
  if (name == NULL || name[0] == '\0')
    name = sigap_user_get_username (assignee);

  g_set_error (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
               SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_ASSIGNEE,
               _("The complaint cannot be assigned to %s: only an active user of the OPD it "
                 "is routed to can handle it. Choose someone else."),
               name != NULL ? name : "?");

  return FALSE;
}

/**
 * sigap_complaint_opd_after_event:
 * @complaint: the complaint as it is now
 * @event: an event that may happen to it
 * @triage_opd_id: (nullable): the ID of the triage OPD
 *   (%SIGAP_COMPLAINT_TRIAGE_OPD_CODE)
 *
 * Returns: (nullable): the OPD that holds @complaint once @event has
 *   happened: the OPD a routing names, the triage for "not our
 *   authority", the complaint's own otherwise
 */
const char *
sigap_complaint_opd_after_event (SigapComplaint      *complaint,
                                 SigapComplaintEvent *event,
                                 const char          *triage_opd_id)
{
  const char *action;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), NULL);
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (event), NULL);

  action = sigap_complaint_event_get_action (event);
  if (action == NULL || sigap_complaint_action_keeps_status (action))
    return sigap_complaint_get_opd_id (complaint);

  switch (sigap_complaint_event_get_to_status (event))
    {
    case SIGAP_COMPLAINT_STATUS_ROUTED:
      return sigap_complaint_event_get_opd_id (event);

    case SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY:
      return triage_opd_id;

    default:
      return sigap_complaint_get_opd_id (complaint);
    }
}

/**
 * sigap_complaint_apply_event:
 * @complaint: the complaint, changed in place
 * @event: an event that sigap_complaint_check_event() accepted
 * @triage_opd_id: (nullable): the ID of the triage OPD, where "not our
 *   authority" sends the complaint
 * @now: when the event happens, UTC seconds
 * @days: (nullable): the working-day calendar for the new deadline, or
 *   %NULL to leave due_at as it is
 * @zone: (nullable): the zone of the OPD that holds the complaint
 *   afterwards; %NULL leaves due_at as it is too
 * @sla: (nullable): the service levels in force (the regency's
 *   document, sigap_sla_settings_init_from_documents()), or %NULL for
 *   the defaults
 *
 * Changes @complaint as @event says: its status; its OPD (routing, or
 * back to the triage), which unassigns it; the public-issue flag
 * (escalated); its assignee ("assigned": the user ID in the note; "taking
 * it up" assigns whoever does, when no one is); resolved_at (resolving);
 * and due_at, to the deadline of the service-level step the new status
 * starts (when it starts one, or routes the complaint), counted from
 * @now with the service levels @sla.
 */
void
sigap_complaint_apply_event (SigapComplaint         *complaint,
                             SigapComplaintEvent    *event,
                             const char             *triage_opd_id,
                             gint64                  now,
                             SigapWorkingDays       *days,
                             GTimeZone              *zone,
                             const SigapSlaSettings *sla)
{
  SigapComplaintKind kind;
  SigapComplaintStatus from;
  SigapComplaintStatus to;
  SigapSlaStep before;
  SigapSlaStep after;
  const char *action;
  const char *opd_id;

  g_return_if_fail (SIGAP_IS_COMPLAINT (complaint));
  g_return_if_fail (SIGAP_IS_COMPLAINT_EVENT (event));

  action = sigap_complaint_event_get_action (event);
  g_return_if_fail (action != NULL);

  kind = sigap_complaint_get_kind (complaint);
  from = sigap_complaint_get_status (complaint);
  to = sigap_complaint_event_get_to_status (event);
  opd_id = sigap_complaint_opd_after_event (complaint, event, triage_opd_id);

  g_object_freeze_notify (G_OBJECT (complaint));

  /* Whoever handled it in the OPD it leaves does not in the next. */
  if (g_strcmp0 (opd_id, sigap_complaint_get_opd_id (complaint)) != 0)
    {
      g_autofree char *next = g_strdup (opd_id);

      sigap_complaint_set_opd_id (complaint, next);
      sigap_complaint_set_assignee_id (complaint, NULL);
    }

  if (sigap_complaint_action_keeps_status (action))
    {
      if (is_action (action, SIGAP_COMPLAINT_ACTION_ESCALATED))
        sigap_complaint_set_public_issue (complaint, TRUE);
      else if (is_action (action, SIGAP_COMPLAINT_ACTION_ASSIGNED))
        {
          g_autofree char *assignee = dup_stripped (sigap_complaint_event_get_note (event));

          sigap_complaint_set_assignee_id (complaint, assignee);
        }

      g_object_thaw_notify (G_OBJECT (complaint));
      return;
    }

  sigap_complaint_set_status (complaint, to);

  if (to == SIGAP_COMPLAINT_STATUS_IN_PROGRESS &&
      sigap_complaint_get_assignee_id (complaint) == NULL)
    sigap_complaint_set_assignee_id (complaint, sigap_complaint_event_get_actor_id (event));

  if (to == SIGAP_COMPLAINT_STATUS_RESOLVED)
    sigap_complaint_set_resolved_at (complaint, now);

  before = sigap_sla_step_for_status (from, kind);
  after = sigap_sla_step_for_status (to, kind);
  if (days != NULL && zone != NULL && after != SIGAP_SLA_STEP_NONE &&
      (after != before || to == SIGAP_COMPLAINT_STATUS_ROUTED))
    sigap_complaint_set_due_at (complaint,
                                sigap_sla_deadline (days, sla, after, kind, FALSE, now, zone,
                                                    NULL));

  g_object_thaw_notify (G_OBJECT (complaint));
}

/**
 * sigap_complaint_zone_for_opd:
 * @opd: (nullable): an OPD
 *
 * Returns: (transfer full): @opd's zone, or WIB when it has none or an
 *   unknown one
 */
GTimeZone *
sigap_complaint_zone_for_opd (SigapOpd *opd)
{
  const char *identifier = opd != NULL ? sigap_opd_get_time_zone (opd) : NULL;
  GTimeZone *zone = NULL;

  g_return_val_if_fail (opd == NULL || SIGAP_IS_OPD (opd), NULL);

  if (identifier != NULL)
    zone = g_time_zone_new_identifier (identifier);
  if (zone == NULL)
    zone = g_time_zone_new_identifier ("Asia/Jakarta");
  if (zone == NULL)
    zone = g_time_zone_new_offset (7 * 3600);

  return zone;
}

/* }}} */

/* What the desktop offers {{{ */

/**
 * sigap_complaint_offered_actions:
 * @complaint: a complaint
 * @role: the signed-in user's role
 * @opd_id: (nullable): the signed-in user's OPD
 *
 * The steps to offer for @complaint: the statuses the user may move it
 * to (as their actions, in the order of the state machine's table), then
 * "answered" and "assigned" on an open complaint, "escalated" on an open
 * complaint that is not a public issue yet, and "note", each when the
 * user may take it. Every one passes sigap_complaint_check_event() given
 * what sigap_complaint_action_needs() asks for.
 *
 * Returns: (transfer full) (array zero-terminated=1): the actions, empty
 *   for a user who may not change the complaint
 */
char **
sigap_complaint_offered_actions (SigapComplaint *complaint,
                                 SigapRole       role,
                                 const char     *opd_id)
{
  static const char * const keeping[] = {
    SIGAP_COMPLAINT_ACTION_ANSWERED, SIGAP_COMPLAINT_ACTION_ASSIGNED,
    SIGAP_COMPLAINT_ACTION_ESCALATED, SIGAP_COMPLAINT_ACTION_NOTE,
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  SigapComplaintStatus next[SIGAP_N_COMPLAINT_STATUSES];
  SigapComplaintStatus status;
  gboolean public_issue;
  gboolean owns;
  gboolean open;
  guint n;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), NULL);

  status = sigap_complaint_get_status (complaint);
  public_issue = sigap_complaint_get_public_issue (complaint);
  owns = sigap_complaint_user_owns (complaint, role, opd_id);
  open = sigap_sla_status_is_open (status);

  n = sigap_complaint_next_statuses (status, role, owns, next);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, sigap_complaint_status_action (next[i]));

  for (guint i = 0; i < G_N_ELEMENTS (keeping); i++)
    {
      const char *action = keeping[i];

      if (!sigap_complaint_action_allowed (action, role, owns, public_issue))
        continue;
      if (!open && !is_action (action, SIGAP_COMPLAINT_ACTION_NOTE))
        continue;
      if (public_issue && is_action (action, SIGAP_COMPLAINT_ACTION_ESCALATED))
        continue;

      g_strv_builder_add (builder, action);
    }

  return g_strv_builder_end (builder);
}

/**
 * sigap_complaint_action_needs:
 * @complaint: a complaint
 * @action: one of sigap_complaint_offered_actions()
 *
 * Returns: what an event of @action on @complaint must carry: a note (a
 *   reason, the public answer), an OPD to route to, or the assignee's
 *   user ID (in the note)
 */
SigapComplaintNeeds
sigap_complaint_action_needs (SigapComplaint *complaint,
                              const char     *action)
{
  const SigapComplaintTransition *rule;
  SigapComplaintStatus to;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), SIGAP_COMPLAINT_NEEDS_NOTHING);
  g_return_val_if_fail (action != NULL, SIGAP_COMPLAINT_NEEDS_NOTHING);

  if (is_action (action, SIGAP_COMPLAINT_ACTION_NOTE) ||
      is_action (action, SIGAP_COMPLAINT_ACTION_ANSWERED))
    return SIGAP_COMPLAINT_NEEDS_NOTE;

  if (is_action (action, SIGAP_COMPLAINT_ACTION_ASSIGNED))
    return SIGAP_COMPLAINT_NEEDS_ASSIGNEE;

  if (!status_from_action (action, &to))
    return SIGAP_COMPLAINT_NEEDS_NOTHING;

  rule = sigap_complaint_find_transition (sigap_complaint_get_status (complaint), to);

  return rule != NULL ? rule->needs : SIGAP_COMPLAINT_NEEDS_NOTHING;
}

/* }}} */

/* Applying a step on the desktop {{{ */

/**
 * sigap_complaint_workflow_apply:
 * @store: the desktop's store
 * @user: the signed-in user, who takes the step
 * @complaint: the complaint as the user saw it; updated on success
 * @action: one of sigap_complaint_offered_actions(): a status's nick, or
 *   an action that keeps the status
 * @note: (nullable): the note: a reason, the public answer ("resolved",
 *   "answered"), the assignee's user ID ("assigned")
 * @opd_id: (nullable): the OPD to route to ("routed")
 * @days: (nullable): the working-day calendar for the new deadline, or
 *   %NULL to leave due_at to the next pull
 * @error: return location for a #SigapComplaintWorkflowError or a
 *   #SigapStoreError
 *
 * sigap_complaint_workflow_apply_full() with the default service levels.
 *
 * Returns: %TRUE if the step was taken
 */
gboolean
sigap_complaint_workflow_apply (SigapStore        *store,
                                SigapUser         *user,
                                SigapComplaint    *complaint,
                                const char        *action,
                                const char        *note,
                                const char        *opd_id,
                                SigapWorkingDays  *days,
                                GError           **error)
{
  return sigap_complaint_workflow_apply_full (store, user, complaint, action, note, opd_id, days,
                                              NULL, error);
}

/**
 * sigap_complaint_workflow_apply_full:
 * @store: the desktop's store
 * @user: the signed-in user, who takes the step
 * @complaint: the complaint as the user saw it; updated on success
 * @action: one of sigap_complaint_offered_actions(): a status's nick, or
 *   an action that keeps the status
 * @note: (nullable): the note: a reason, the public answer ("resolved",
 *   "answered"), the assignee's user ID ("assigned")
 * @opd_id: (nullable): the OPD to route to ("routed")
 * @days: (nullable): the working-day calendar for the new deadline, or
 *   %NULL to leave due_at to the next pull
 * @sla: (nullable): the service levels in force
 *   (sigap_sla_settings_init_from_documents()), or %NULL for the defaults
 * @error: return location for a #SigapComplaintWorkflowError or a
 *   #SigapStoreError
 *
 * Takes a step on a complaint, in one transaction: checks it against the
 * complaint as stored (sigap_complaint_check_event(); @complaint's status
 * is the one the step starts from, so a complaint changed meanwhile
 * refuses it), writes the complaint as the step changes it without an
 * outbox row, and appends the timeline event, which goes to the outbox.
 * A refused step changes nothing, @complaint included.
 *
 * Returns: %TRUE if the step was taken
 */
gboolean
sigap_complaint_workflow_apply_full (SigapStore              *store,
                                     SigapUser               *user,
                                     SigapComplaint          *complaint,
                                     const char              *action,
                                     const char              *note,
                                     const char              *opd_id,
                                     SigapWorkingDays        *days,
                                     const SigapSlaSettings  *sla,
                                     GError                 **error)
{
  g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
  g_autoptr(SigapComplaint) stored = NULL;
  g_autoptr(SigapOpd) holder = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *clean_note = NULL;
  g_autofree char *triage_id = NULL;
  SigapComplaintStatus from;
  SigapComplaintStatus to = SIGAP_COMPLAINT_STATUS_RECEIVED;
  SigapRole role;
  gboolean own = FALSE;
  gboolean ok = FALSE;
  gint64 now;

  g_return_val_if_fail (SIGAP_IS_STORE (store), FALSE);
  g_return_val_if_fail (SIGAP_IS_USER (user), FALSE);
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), FALSE);
  g_return_val_if_fail (sigap_complaint_get_id (complaint) != NULL, FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  role = sigap_user_get_role (user);
  from = sigap_complaint_get_status (complaint);
  clean_note = dup_stripped (note);

  /* Only recording a complaint writes its first event. */
  if (is_action (action, SIGAP_COMPLAINT_ACTION_CREATED) ||
      (!sigap_complaint_action_keeps_status (action) && !status_from_action (action, &to)))
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                           SIGAP_COMPLAINT_WORKFLOW_ERROR_NO_SUCH_STEP,
                           _("The complaint cannot take this step from its current status. "
                             "Choose one of the steps it offers."));
      return FALSE;
    }
  if (sigap_complaint_action_keeps_status (action))
    to = from;

  sigap_complaint_event_set_complaint_id (event, sigap_complaint_get_id (complaint));
  sigap_complaint_event_set_action (event, action);
  sigap_complaint_event_set_actor_id (event, sigap_user_get_id (user));
  sigap_complaint_event_set_note (event, clean_note);
  sigap_complaint_event_set_from_status (event, from);
  sigap_complaint_event_set_to_status (event, to);
  if (to == SIGAP_COMPLAINT_STATUS_ROUTED && from != to)
    sigap_complaint_event_set_opd_id (event, opd_id);

  if (!begin_write (store, &own, error))
    return FALSE;

  stored = sigap_store_get_complaint (store, sigap_complaint_get_id (complaint), error);
  if (stored == NULL ||
      !sigap_complaint_check_event (stored, event, role,
                                    sigap_complaint_user_owns (stored, role,
                                                               sigap_user_get_opd_id (user)),
                                    error))
    goto out;

  /* What the event refers to must be known here too. */
  if (is_action (action, "routed"))
    {
      g_autoptr(SigapOpd) target = NULL;

      if (!lookup_opd (store, opd_id, &target, error))
        goto out;
      if (target == NULL)
        {
          g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                               SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_OPD,
                               _("The OPD chosen is not known to Sigap. Sync, then choose the "
                                 "OPD again."));
          goto out;
        }
    }
  else if (is_action (action, SIGAP_COMPLAINT_ACTION_ASSIGNED))
    {
      g_autoptr(SigapUser) assignee = sigap_store_get_user (store, clean_note, NULL);

      if (!sigap_complaint_check_assignee (stored, assignee, error))
        goto out;
    }

  if (!lookup_triage (store, &triage_id, error) ||
      !lookup_opd (store, sigap_complaint_opd_after_event (stored, event, triage_id), &holder,
                   error))
    goto out;

  zone = sigap_complaint_zone_for_opd (holder);
  now = g_get_real_time () / G_USEC_PER_SEC;
  sigap_complaint_apply_event (stored, event, triage_id, now, days, zone, sla);

  sigap_complaint_event_set_opd_id (event, sigap_complaint_get_opd_id (stored));
  sigap_complaint_event_set_created_at (event, now);

  /* No outbox row for the complaint: the server changes it when the
   * event arrives. */
  ok = sigap_store_update_complaint (store, stored, error) &&
       sigap_store_add_complaint_event (store, event, error);

out:
  if (!end_write (store, own, ok, error))
    return FALSE;

  copy_properties (G_OBJECT (complaint), G_OBJECT (stored));

  return TRUE;
}

/* }}} */

/* Recording a complaint on the desktop {{{ */

/* The first event's note, as the web form and the demo write theirs: it
 * is part of the timeline that every desktop shows, so it is Indonesian
 * whatever the interface language. */
static const char *
created_note (SigapChannel channel)
{
  switch (channel)
    {
    case SIGAP_CHANNEL_FACEBOOK: return "Aduan dicatat dari Facebook oleh admin.";
    case SIGAP_CHANNEL_INSTAGRAM: return "Aduan dicatat dari Instagram oleh admin.";
    case SIGAP_CHANNEL_X: return "Aduan dicatat dari X oleh admin.";
    case SIGAP_CHANNEL_YOUTUBE: return "Aduan dicatat dari YouTube oleh admin.";
    case SIGAP_CHANNEL_TIKTOK: return "Aduan dicatat dari TikTok oleh admin.";
    case SIGAP_CHANNEL_WEB_FORM: return "Aduan dicatat dari formulir web oleh admin.";
    case SIGAP_CHANNEL_LAPOR: return "Aduan dicatat dari SP4N-LAPOR! oleh admin.";
    case SIGAP_CHANNEL_WALK_IN: return "Pelapor datang langsung; aduan dicatat oleh petugas.";
    default: return "Aduan dicatat oleh admin.";
    }
}

static gboolean
url_is_web (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *scheme;
  const char *host;

  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && host[0] != '\0';
}

/* Strips each text field of @complaint, an empty one becoming %NULL. */
static void
normalize_fields (SigapComplaint *complaint)
{
  static const char * const fields[] = {
    "category", "kecamatan", "desa", "citizen-name", "citizen-contact", "citizen-handle",
    "source-url", "body",
  };

  g_object_freeze_notify (G_OBJECT (complaint));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *clean = NULL;

      g_object_get (complaint, fields[i], &value, NULL);
      clean = dup_stripped (value);
      g_object_set (complaint, fields[i], clean, NULL);
    }
  g_object_thaw_notify (G_OBJECT (complaint));
}

/**
 * sigap_complaint_workflow_validate:
 * @complaint: what the admin typed for a new complaint
 * @error: return location for a #SigapComplaintWorkflowError
 *
 * Checks a new complaint as sigap_complaint_workflow_record() does: it
 * needs its text (%SIGAP_COMPLAINT_WORKFLOW_ERROR_EMPTY_BODY), a channel
 * and a kind Sigap knows (_INVALID_CHANNEL), and its link, if it has one,
 * must be an http or https address (_INVALID_URL). Spaces around a field
 * do not count.
 *
 * Returns: %TRUE if @complaint may be recorded
 */
gboolean
sigap_complaint_workflow_validate (SigapComplaint  *complaint,
                                   GError         **error)
{
  g_autoptr(GEnumClass) channels = NULL;
  g_autoptr(GEnumClass) kinds = NULL;
  g_autofree char *url = NULL;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), FALSE);

  if (text_is_blank (sigap_complaint_get_body (complaint)))
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                           SIGAP_COMPLAINT_WORKFLOW_ERROR_EMPTY_BODY,
                           _("Write what the citizen reported: the complaint’s text is "
                             "empty."));
      return FALSE;
    }

  channels = g_type_class_ref (SIGAP_TYPE_CHANNEL);
  kinds = g_type_class_ref (SIGAP_TYPE_COMPLAINT_KIND);
  if (g_enum_get_value (channels, sigap_complaint_get_channel (complaint)) == NULL ||
      g_enum_get_value (kinds, sigap_complaint_get_kind (complaint)) == NULL)
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                           SIGAP_COMPLAINT_WORKFLOW_ERROR_INVALID_CHANNEL,
                           _("Choose the channel the complaint came through and its kind."));
      return FALSE;
    }

  url = dup_stripped (sigap_complaint_get_source_url (complaint));
  if (url != NULL && !url_is_web (url))
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                           SIGAP_COMPLAINT_WORKFLOW_ERROR_INVALID_URL,
                           _("The link must be a web address that starts with http:// or "
                             "https://, such as the address of the original post. Correct it "
                             "or leave it empty."));
      return FALSE;
    }

  return TRUE;
}

/**
 * sigap_complaint_workflow_record:
 * @store: the desktop's store
 * @user: the signed-in user: an OPD's admin or the verifikator
 * @opd: (nullable): the OPD the complaint is for: the admin's own (the
 *   default), or any for the verifikator (default: the triage OPD)
 * @complaint: what the admin typed: channel, kind, category, kecamatan,
 *   desa, the citizen's name, handle and contact, the link and the text;
 *   completed on success
 * @days: (nullable): the working-day calendar for the verification
 *   deadline, or %NULL for weekends only
 * @error: return location for a #SigapComplaintWorkflowError or a
 *   #SigapStoreError
 *
 * sigap_complaint_workflow_record_full() with the default service levels.
 *
 * Returns: %TRUE if recorded
 */
gboolean
sigap_complaint_workflow_record (SigapStore        *store,
                                 SigapUser         *user,
                                 SigapOpd          *opd,
                                 SigapComplaint    *complaint,
                                 SigapWorkingDays  *days,
                                 GError           **error)
{
  return sigap_complaint_workflow_record_full (store, user, opd, complaint, days, NULL, error);
}

/**
 * sigap_complaint_workflow_record_full:
 * @store: the desktop's store
 * @user: the signed-in user: an OPD's admin or the verifikator
 * @opd: (nullable): the OPD the complaint is for: the admin's own (the
 *   default), or any for the verifikator (default: the triage OPD)
 * @complaint: what the admin typed: channel, kind, category, kecamatan,
 *   desa, the citizen's name, handle and contact, the link and the text;
 *   completed on success
 * @days: (nullable): the working-day calendar for the verification
 *   deadline, or %NULL for weekends only
 * @sla: (nullable): the service levels in force
 *   (sigap_sla_settings_init_from_documents()), or %NULL for the defaults
 * @error: return location for a #SigapComplaintWorkflowError or a
 *   #SigapStoreError
 *
 * Records a complaint that came in by hand, in one transaction:
 * checks it (sigap_complaint_workflow_validate()), strips its fields,
 * makes it received now with the deadline of verification, stores it
 * (sigap_store_insert_complaint() gives it a tracking number) and opens
 * its timeline with a "created" event by @user. Both go to the outbox.
 *
 * The tracking number is provisional until the first sync: the server
 * gives the complaint its own number, and the time it received it, and
 * the next pull brings them.
 *
 * Returns: %TRUE if recorded
 */
gboolean
sigap_complaint_workflow_record_full (SigapStore              *store,
                                      SigapUser               *user,
                                      SigapOpd                *opd,
                                      SigapComplaint          *complaint,
                                      SigapWorkingDays        *days,
                                      const SigapSlaSettings  *sla,
                                      GError                 **error)
{
  g_autoptr(SigapComplaint) copy = NULL;
  g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
  g_autoptr(SigapOpd) target = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  SigapRole role;
  SigapComplaintKind kind;
  gboolean own = FALSE;
  gboolean ok;
  gint64 now;

  g_return_val_if_fail (SIGAP_IS_STORE (store), FALSE);
  g_return_val_if_fail (SIGAP_IS_USER (user), FALSE);
  g_return_val_if_fail (opd == NULL || SIGAP_IS_OPD (opd), FALSE);
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  role = sigap_user_get_role (user);
  if (role != SIGAP_ROLE_ADMIN_OPD && role != SIGAP_ROLE_VERIFIKATOR)
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                           SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN,
                           _("Only an OPD’s admin or Diskominfo’s verifikator may record a "
                             "complaint."));
      return FALSE;
    }

  if (role == SIGAP_ROLE_ADMIN_OPD && opd != NULL &&
      g_strcmp0 (sigap_opd_get_id (opd), sigap_user_get_opd_id (user)) != 0)
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                           SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN,
                           _("You may record complaints only for your own OPD."));
      return FALSE;
    }

  if (!sigap_complaint_workflow_validate (complaint, error))
    return FALSE;

  copy = sigap_complaint_copy (complaint);
  normalize_fields (copy);

  if (!begin_write (store, &own, error))
    return FALSE;

  ok = TRUE;
  if (opd != NULL)
    target = g_object_ref (opd);
  else if (role == SIGAP_ROLE_ADMIN_OPD)
    ok = lookup_opd (store, sigap_user_get_opd_id (user), &target, error);
  else
    {
      g_autofree char *triage_id = NULL;

      ok = lookup_triage (store, &triage_id, error) &&
           lookup_opd (store, triage_id, &target, error);
    }
  if (!ok)
    return end_write (store, own, FALSE, error);

  /* An admin's complaint is their OPD's even before the OPD is synced. */
  if (target != NULL)
    sigap_complaint_set_opd_id (copy, sigap_opd_get_id (target));
  else
    sigap_complaint_set_opd_id (copy, role == SIGAP_ROLE_ADMIN_OPD
                                      ? sigap_user_get_opd_id (user) : NULL);

  now = g_get_real_time () / G_USEC_PER_SEC;
  zone = sigap_complaint_zone_for_opd (target);
  kind = sigap_complaint_get_kind (copy);

  sigap_complaint_set_tracking_number (copy, NULL);
  sigap_complaint_set_status (copy, SIGAP_COMPLAINT_STATUS_RECEIVED);
  sigap_complaint_set_public_issue (copy, FALSE);
  sigap_complaint_set_assignee_id (copy, NULL);
  sigap_complaint_set_received_at (copy, now);
  sigap_complaint_set_resolved_at (copy, 0);
  sigap_complaint_set_version (copy, 0);
  sigap_complaint_set_due_at (copy,
                              sigap_sla_deadline (days, sla, SIGAP_SLA_STEP_VERIFICATION, kind,
                                                  FALSE, now, zone, NULL));

  ok = sigap_store_insert_complaint (store, copy, error);
  if (ok)
    {
      sigap_complaint_event_set_complaint_id (event, sigap_complaint_get_id (copy));
      sigap_complaint_event_set_action (event, SIGAP_COMPLAINT_ACTION_CREATED);
      sigap_complaint_event_set_actor_id (event, sigap_user_get_id (user));
      sigap_complaint_event_set_note (event, created_note (sigap_complaint_get_channel (copy)));
      sigap_complaint_event_set_from_status (event, SIGAP_COMPLAINT_STATUS_RECEIVED);
      sigap_complaint_event_set_to_status (event, SIGAP_COMPLAINT_STATUS_RECEIVED);
      sigap_complaint_event_set_opd_id (event, sigap_complaint_get_opd_id (copy));
      sigap_complaint_event_set_created_at (event, now);
      ok = sigap_store_add_complaint_event (store, event, error);
    }

  if (!end_write (store, own, ok, error))
    return FALSE;

  copy_properties (G_OBJECT (complaint), G_OBJECT (copy));

  return TRUE;
}

/* }}} */
