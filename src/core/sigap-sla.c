/* sigap-sla.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-sla"

#include "config.h"

#include <string.h>

#include "sigap-sla.h"

/*
 * The service levels of the complaint inbox, in Indonesian working days
 * (sigap-working-days.c): Diskominfo verifies a complaint within 3 working
 * days of its arrival; the OPD answers a request for information or a
 * complaint within 5; a complaint that needs follow-up is settled within
 * 14 working days, or 60 when it needs a field check.
 *
 * On the complaint model these become steps by status: a received
 * complaint waits for verification; a verified, routed or returned
 * ("not our authority") one waits for the OPD's answer; a complaint
 * (kind "complaint") that the OPD has taken up (in progress) waits to be
 * settled, while an in-progress request for information or aspiration
 * still waits for its answer. Resolved, rejected and archived complaints
 * have no deadline. The model has no "needs a field check" yet: callers
 * pass FALSE until it has.
 *
 * A step's days count from when the step began (arrival, routing, taking
 * up); the deadline is stored in the complaint's due_at, and the badge is
 * computed from due_at and the current time.
 */

static const SigapSlaSettings defaults = {
  .verification_days = SIGAP_SLA_DEFAULT_VERIFICATION_DAYS,
  .information_days = SIGAP_SLA_DEFAULT_INFORMATION_DAYS,
  .complaint_days = SIGAP_SLA_DEFAULT_COMPLAINT_DAYS,
  .resolution_days = SIGAP_SLA_DEFAULT_RESOLUTION_DAYS,
  .resolution_field_check_days = SIGAP_SLA_DEFAULT_RESOLUTION_FIELD_CHECK_DAYS,
  .due_soon_days = SIGAP_SLA_DEFAULT_DUE_SOON_DAYS,
  .reply_warning_hours = SIGAP_SLA_DEFAULT_REPLY_WARNING_HOURS,
};

/**
 * sigap_sla_settings_init:
 * @settings: (out caller-allocates): the settings to fill
 *
 * Fills @settings with the defaults: verification 3 working days, answers
 * 5, settling 14 (60 with a field check), due soon 1 working day ahead,
 * reply-window warning 4 hours ahead.
 */
void
sigap_sla_settings_init (SigapSlaSettings *settings)
{
  g_return_if_fail (settings != NULL);

  *settings = defaults;
}

/**
 * sigap_sla_settings_clamp:
 * @settings: settings loaded from elsewhere
 *
 * Brings every value into its range: days to at most
 * %SIGAP_SLA_MAX_DAYS, the due-soon threshold to at most
 * %SIGAP_SLA_MAX_DUE_SOON_DAYS, the warning to at most
 * %SIGAP_SLA_MAX_REPLY_WARNING_HOURS. A step of 0 days is due at the end
 * of the day it began.
 */
void
sigap_sla_settings_clamp (SigapSlaSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->verification_days = MIN (settings->verification_days, SIGAP_SLA_MAX_DAYS);
  settings->information_days = MIN (settings->information_days, SIGAP_SLA_MAX_DAYS);
  settings->complaint_days = MIN (settings->complaint_days, SIGAP_SLA_MAX_DAYS);
  settings->resolution_days = MIN (settings->resolution_days, SIGAP_SLA_MAX_DAYS);
  settings->resolution_field_check_days = MIN (settings->resolution_field_check_days,
                                               SIGAP_SLA_MAX_DAYS);
  settings->due_soon_days = MIN (settings->due_soon_days, SIGAP_SLA_MAX_DUE_SOON_DAYS);
  settings->reply_warning_hours = MIN (settings->reply_warning_hours,
                                       SIGAP_SLA_MAX_REPLY_WARNING_HOURS);
}

/* A member of the service-levels document, or @fallback. */
static guint
read_value (JsonObject *object,
            const char *name,
            guint       fallback)
{
  JsonNode *node = json_object_get_member (object, name);
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;

  value = json_node_get_int (node);
  if (value < 0)
    return fallback;

  return (guint) MIN (value, G_MAXUINT);
}

/**
 * sigap_sla_settings_load_document:
 * @settings: (out caller-allocates): the settings to fill
 * @document: a service-levels document, data/sla.json or a copy from the
 *   server, as in {"format": 1, "verification_days": 3, …}
 *
 * Fills @settings from @document, which should have been checked with
 * sigap_central_schema_validate(): a value it lacks, or does not hold as
 * a whole number, is the default (sigap_sla_settings_init()), and every
 * value is clamped (sigap_sla_settings_clamp()).
 */
void
sigap_sla_settings_load_document (SigapSlaSettings *settings,
                                  JsonNode         *document)
{
  JsonObject *object;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (document != NULL);

  *settings = defaults;
  if (!JSON_NODE_HOLDS_OBJECT (document))
    return;

  object = json_node_get_object (document);
  settings->verification_days = read_value (object, "verification_days",
                                            defaults.verification_days);
  settings->information_days = read_value (object, "information_days",
                                           defaults.information_days);
  settings->complaint_days = read_value (object, "complaint_days", defaults.complaint_days);
  settings->resolution_days = read_value (object, "resolution_days", defaults.resolution_days);
  settings->resolution_field_check_days = read_value (object, "resolution_field_check_days",
                                                      defaults.resolution_field_check_days);
  settings->due_soon_days = read_value (object, "due_soon_days", defaults.due_soon_days);
  settings->reply_warning_hours = read_value (object, "reply_warning_hours",
                                              defaults.reply_warning_hours);

  sigap_sla_settings_clamp (settings);
}

/**
 * sigap_sla_settings_init_from_documents:
 * @settings: (out caller-allocates): the settings to fill
 * @documents: the central documents
 *
 * Fills @settings with the service levels in force: those of the copy
 * downloaded from the server, else those shipped with Sigap
 * (data/sla.json), else the defaults (sigap_sla_settings_init()). Read
 * them again after #SigapCentralDocuments::changed.
 */
void
sigap_sla_settings_init_from_documents (SigapSlaSettings      *settings,
                                        SigapCentralDocuments *documents)
{
  SigapCentralDocument *document;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (SIGAP_IS_CENTRAL_DOCUMENTS (documents));

  document = sigap_central_documents_get_sla (documents);
  if (document != NULL)
    sigap_sla_settings_load_document (settings, sigap_central_document_get_root (document));
  else
    sigap_sla_settings_init (settings);
}

/**
 * sigap_sla_status_is_open:
 * @status: a complaint's status
 *
 * Returns: %FALSE for resolved, rejected and archived complaints, which
 *   no deadline concerns any more
 */
gboolean
sigap_sla_status_is_open (SigapComplaintStatus status)
{
  switch (status)
    {
    case SIGAP_COMPLAINT_STATUS_RECEIVED:
    case SIGAP_COMPLAINT_STATUS_VERIFIED:
    case SIGAP_COMPLAINT_STATUS_ROUTED:
    case SIGAP_COMPLAINT_STATUS_IN_PROGRESS:
    case SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY:
      return TRUE;

    case SIGAP_COMPLAINT_STATUS_RESOLVED:
    case SIGAP_COMPLAINT_STATUS_REJECTED:
    case SIGAP_COMPLAINT_STATUS_ARCHIVED:
    default:
      return FALSE;
    }
}

/**
 * sigap_sla_step_for_status:
 * @status: a complaint's status
 * @kind: its kind
 *
 * Returns: the step whose deadline runs while a complaint of @kind is in
 *   @status
 */
SigapSlaStep
sigap_sla_step_for_status (SigapComplaintStatus status,
                           SigapComplaintKind   kind)
{
  switch (status)
    {
    case SIGAP_COMPLAINT_STATUS_RECEIVED:
      return SIGAP_SLA_STEP_VERIFICATION;

    case SIGAP_COMPLAINT_STATUS_VERIFIED:
    case SIGAP_COMPLAINT_STATUS_ROUTED:
    case SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY:
      return SIGAP_SLA_STEP_ANSWER;

    case SIGAP_COMPLAINT_STATUS_IN_PROGRESS:
      return kind == SIGAP_COMPLAINT_KIND_COMPLAINT ? SIGAP_SLA_STEP_RESOLUTION
                                                    : SIGAP_SLA_STEP_ANSWER;

    case SIGAP_COMPLAINT_STATUS_RESOLVED:
    case SIGAP_COMPLAINT_STATUS_REJECTED:
    case SIGAP_COMPLAINT_STATUS_ARCHIVED:
    default:
      return SIGAP_SLA_STEP_NONE;
    }
}

/**
 * sigap_sla_days:
 * @settings: (nullable): the service levels, or %NULL for the defaults
 * @step: a step
 * @kind: the complaint's kind (for %SIGAP_SLA_STEP_ANSWER)
 * @needs_field_check: whether settling needs a field check (for
 *   %SIGAP_SLA_STEP_RESOLUTION)
 *
 * Returns: the working days @step may take, at most %SIGAP_SLA_MAX_DAYS;
 *   0 for %SIGAP_SLA_STEP_NONE
 */
guint
sigap_sla_days (const SigapSlaSettings *settings,
                SigapSlaStep            step,
                SigapComplaintKind      kind,
                gboolean                needs_field_check)
{
  guint days;

  if (settings == NULL)
    settings = &defaults;

  switch (step)
    {
    case SIGAP_SLA_STEP_VERIFICATION:
      days = settings->verification_days;
      break;

    case SIGAP_SLA_STEP_ANSWER:
      days = kind == SIGAP_COMPLAINT_KIND_INFORMATION ? settings->information_days
                                                      : settings->complaint_days;
      break;

    case SIGAP_SLA_STEP_RESOLUTION:
      days = needs_field_check ? settings->resolution_field_check_days
                               : settings->resolution_days;
      break;

    case SIGAP_SLA_STEP_NONE:
    default:
      return 0;
    }

  return MIN (days, SIGAP_SLA_MAX_DAYS);
}

/**
 * sigap_sla_deadline:
 * @days: (nullable): the working-day calendar, or %NULL for weekends only
 * @settings: (nullable): the service levels, or %NULL for the defaults
 * @step: the step that began at @start
 * @kind: the complaint's kind
 * @needs_field_check: whether settling needs a field check
 * @start: when @step began, UTC seconds
 * @zone: the OPD's zone
 * @holidays_known: (out) (optional): %FALSE when the count crossed a year
 *   without a holiday document
 *
 * The deadline of @step: the end of its last working day, as
 * sigap_working_days_add() counts.
 *
 * Returns: the deadline in UTC seconds, for the complaint's due_at; 0
 *   for %SIGAP_SLA_STEP_NONE
 */
gint64
sigap_sla_deadline (SigapWorkingDays       *days,
                    const SigapSlaSettings *settings,
                    SigapSlaStep            step,
                    SigapComplaintKind      kind,
                    gboolean                needs_field_check,
                    gint64                  start,
                    GTimeZone              *zone,
                    gboolean               *holidays_known)
{
  if (holidays_known != NULL)
    *holidays_known = TRUE;

  g_return_val_if_fail (zone != NULL, 0);

  if (step == SIGAP_SLA_STEP_NONE)
    return 0;

  return sigap_working_days_add (days, start,
                                 sigap_sla_days (settings, step, kind, needs_field_check),
                                 zone, holidays_known);
}

/**
 * sigap_sla_deadline_state:
 * @days: (nullable): the working-day calendar, or %NULL for weekends only
 * @settings: (nullable): the service levels, or %NULL for the defaults
 * @due_at: the deadline, UTC seconds; 0 or less for none
 * @now: the current time, UTC seconds
 * @zone: the OPD's zone
 *
 * Late once @now is after @due_at (a deadline at 23:59:59 is still met
 * at 23:59:59). Due soon while the working days left, as
 * sigap_working_days_between() counts them, are at most
 * @settings's due_soon_days: with the default 1, from the start of the
 * working day before the deadline's day (a Monday deadline is due soon
 * from Friday on, over the weekend).
 *
 * Returns: the state of the deadline
 */
SigapDeadlineState
sigap_sla_deadline_state (SigapWorkingDays       *days,
                          const SigapSlaSettings *settings,
                          gint64                  due_at,
                          gint64                  now,
                          GTimeZone              *zone)
{
  int left;

  g_return_val_if_fail (zone != NULL, SIGAP_DEADLINE_STATE_NONE);

  if (settings == NULL)
    settings = &defaults;

  if (due_at <= 0)
    return SIGAP_DEADLINE_STATE_NONE;

  if (now > due_at)
    return SIGAP_DEADLINE_STATE_LATE;

  left = sigap_working_days_between (days, now, due_at, zone, NULL);

  return (guint) left <= settings->due_soon_days ? SIGAP_DEADLINE_STATE_DUE_SOON
                                                 : SIGAP_DEADLINE_STATE_ON_TIME;
}

/**
 * sigap_sla_complaint_deadline_state:
 * @complaint: a complaint
 * @days: (nullable): the working-day calendar, or %NULL for weekends only
 * @settings: (nullable): the service levels, or %NULL for the defaults
 * @now: the current time, UTC seconds
 * @zone: the zone of the complaint's OPD
 *
 * Returns: the state of @complaint's due_at, %SIGAP_DEADLINE_STATE_NONE
 *   once it is resolved, rejected or archived
 */
SigapDeadlineState
sigap_sla_complaint_deadline_state (SigapComplaint         *complaint,
                                    SigapWorkingDays       *days,
                                    const SigapSlaSettings *settings,
                                    gint64                  now,
                                    GTimeZone              *zone)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), SIGAP_DEADLINE_STATE_NONE);
  g_return_val_if_fail (zone != NULL, SIGAP_DEADLINE_STATE_NONE);

  if (!sigap_sla_status_is_open (sigap_complaint_get_status (complaint)))
    return SIGAP_DEADLINE_STATE_NONE;

  return sigap_sla_deadline_state (days, settings, sigap_complaint_get_due_at (complaint),
                                   now, zone);
}

/**
 * sigap_sla_reply_window_applies:
 * @channel: where the message came from
 * @direct_message: whether it is a direct message (not a comment)
 *
 * Facebook (Messenger) and Instagram accept a page's reply to a direct
 * message only within 24 hours of the person's last message. Comments,
 * the other platforms and the other channels have no such window.
 *
 * Returns: whether the 24-hour window applies
 */
gboolean
sigap_sla_reply_window_applies (SigapChannel channel,
                                gboolean     direct_message)
{
  return direct_message &&
         (channel == SIGAP_CHANNEL_FACEBOOK || channel == SIGAP_CHANNEL_INSTAGRAM);
}

/**
 * sigap_sla_reply_window:
 * @settings: (nullable): the service levels, or %NULL for the defaults
 * @channel: where the message came from
 * @direct_message: whether it is a direct message
 * @last_message_at: when the citizen's last message arrived, UTC seconds
 *   (the complaint's received_at when there is no later one); 0 or less
 *   when unknown
 * @now: the current time, UTC seconds
 * @closes_at: (out) (optional): when the window closes, @last_message_at
 *   plus 24 hours; 0 when there is none
 *
 * Closed from @closes_at on; closing while less than @settings's
 * reply_warning_hours are left (with the default 4, once more than 20
 * hours have passed since @last_message_at).
 *
 * Returns: where the reply window stands
 */
SigapReplyWindow
sigap_sla_reply_window (const SigapSlaSettings *settings,
                        SigapChannel            channel,
                        gboolean                direct_message,
                        gint64                  last_message_at,
                        gint64                  now,
                        gint64                 *closes_at)
{
  gint64 closes;
  gint64 warning;

  if (closes_at != NULL)
    *closes_at = 0;

  if (settings == NULL)
    settings = &defaults;

  if (!sigap_sla_reply_window_applies (channel, direct_message) || last_message_at <= 0)
    return SIGAP_REPLY_WINDOW_NONE;

  closes = last_message_at <= G_MAXINT64 - SIGAP_REPLY_WINDOW_SECONDS
             ? last_message_at + SIGAP_REPLY_WINDOW_SECONDS
             : G_MAXINT64;
  warning = (gint64) MIN (settings->reply_warning_hours, SIGAP_SLA_MAX_REPLY_WARNING_HOURS) *
            60 * 60;

  if (closes_at != NULL)
    *closes_at = closes;

  if (now >= closes)
    return SIGAP_REPLY_WINDOW_CLOSED;

  /* A clock behind the message's: the whole window is left. */
  if (now < last_message_at)
    return SIGAP_REPLY_WINDOW_OPEN;

  if (closes - now < warning)
    return SIGAP_REPLY_WINDOW_CLOSING;

  return SIGAP_REPLY_WINDOW_OPEN;
}

/**
 * sigap_sla_url_is_direct_message:
 * @url: (nullable): the link to a complaint's comment or message
 *
 * Whether @url leads to a direct message rather than a public comment:
 * Facebook's Messenger (facebook.com/messages, messenger.com, m.me) and
 * Instagram's inbox (instagram.com/direct).
 *
 * Returns: %TRUE for a direct message's link
 */
gboolean
sigap_sla_url_is_direct_message (const char *url)
{
  static const char * const hosts[] = {
    "facebook.com/messages", "messenger.com/", "m.me/", "instagram.com/direct",
  };
  static const char * const subdomains[] = { "", "www.", "web.", "m." };
  g_autofree char *lower = NULL;
  const char *rest;

  if (url == NULL)
    return FALSE;

  lower = g_ascii_strdown (url, -1);
  if (g_str_has_prefix (lower, "https://"))
    rest = lower + strlen ("https://");
  else if (g_str_has_prefix (lower, "http://"))
    rest = lower + strlen ("http://");
  else
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (subdomains); i++)
    for (guint j = 0; j < G_N_ELEMENTS (hosts); j++)
      {
        g_autofree char *start = g_strconcat (subdomains[i], hosts[j], NULL);

        if (g_str_has_prefix (rest, start))
          return TRUE;
      }

  return FALSE;
}
