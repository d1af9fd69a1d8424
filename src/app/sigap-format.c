/* sigap-format.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-format"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"

#define DEFAULT_ZONE "Asia/Jakarta"

const char *
sigap_post_status_to_label (SigapPostStatus status)
{
  switch (status)
    {
    case SIGAP_POST_STATUS_DRAFT:
      return _("Draft");
    case SIGAP_POST_STATUS_REVIEW:
      return _("Awaiting approval");
    case SIGAP_POST_STATUS_SCHEDULED:
      return _("Scheduled");
    case SIGAP_POST_STATUS_PUBLISHED:
      return _("Published");
    case SIGAP_POST_STATUS_CANCELLED:
      return _("Cancelled");
    default:
      return "";
    }
}

const char *
sigap_complaint_status_to_label (SigapComplaintStatus status)
{
  switch (status)
    {
    case SIGAP_COMPLAINT_STATUS_RECEIVED:
      return _("Received");
    case SIGAP_COMPLAINT_STATUS_VERIFIED:
      return _("Verified");
    case SIGAP_COMPLAINT_STATUS_ROUTED:
      return _("Routed");
    case SIGAP_COMPLAINT_STATUS_IN_PROGRESS:
      return _("In progress");
    case SIGAP_COMPLAINT_STATUS_RESOLVED:
      return _("Resolved");
    case SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY:
      return _("Not our authority");
    case SIGAP_COMPLAINT_STATUS_REJECTED:
      return _("Rejected");
    case SIGAP_COMPLAINT_STATUS_ARCHIVED:
      return _("Archived");
    default:
      return "";
    }
}

const char *
sigap_channel_to_label (SigapChannel channel)
{
  switch (channel)
    {
    case SIGAP_CHANNEL_FACEBOOK:
      return "Facebook";
    case SIGAP_CHANNEL_INSTAGRAM:
      return "Instagram";
    case SIGAP_CHANNEL_X:
      return "X";
    case SIGAP_CHANNEL_YOUTUBE:
      return "YouTube";
    case SIGAP_CHANNEL_TIKTOK:
      return "TikTok";
    case SIGAP_CHANNEL_WEB_FORM:
      return _("Public web form");
    case SIGAP_CHANNEL_LAPOR:
      /* The national complaint service's name */
      return "SP4N-LAPOR!";
    case SIGAP_CHANNEL_WALK_IN:
      return _("In person");
    default:
      return "";
    }
}

/* The channels in the order the interface offers them: the agency's own
 * accounts first, then the public's other ways in. */
const SigapChannel sigap_channel_choices[SIGAP_N_CHANNEL_CHOICES] = {
  SIGAP_CHANNEL_FACEBOOK,
  SIGAP_CHANNEL_INSTAGRAM,
  SIGAP_CHANNEL_X,
  SIGAP_CHANNEL_YOUTUBE,
  SIGAP_CHANNEL_TIKTOK,
  SIGAP_CHANNEL_WALK_IN,
  SIGAP_CHANNEL_LAPOR,
  SIGAP_CHANNEL_WEB_FORM,
};

/* The complaint types in the order the interface offers them: the most
 * common first. */
const SigapComplaintKind sigap_complaint_kind_choices[SIGAP_N_COMPLAINT_KIND_CHOICES] = {
  SIGAP_COMPLAINT_KIND_COMPLAINT,
  SIGAP_COMPLAINT_KIND_ASPIRATION,
  SIGAP_COMPLAINT_KIND_INFORMATION,
};

const char *
sigap_complaint_kind_to_label (SigapComplaintKind kind)
{
  switch (kind)
    {
    case SIGAP_COMPLAINT_KIND_ASPIRATION:
      return _("Aspiration");
    case SIGAP_COMPLAINT_KIND_COMPLAINT:
      return _("Complaint");
    case SIGAP_COMPLAINT_KIND_INFORMATION:
      return _("Information request");
    default:
      return "";
    }
}

/**
 * sigap_complaint_action_to_label:
 * @action: a timeline event's action: a status nick ("verified"), "note",
 *   "escalated", "assigned" or "answered"
 *
 * Returns: what the step is called in the timeline and on its button
 */
const char *
sigap_complaint_action_to_label (const char *action)
{
  static const struct
  {
    const char *action;
    const char *label;
  } labels[] = {
    { "received", N_("Received") },
    { "verified", N_("Verify") },
    { "routed", N_("Route to an OPD") },
    { "in-progress", N_("Start handling") },
    { "resolved", N_("Resolve") },
    { "not-our-authority", N_("Not our authority") },
    { "rejected", N_("Reject") },
    { "archived", N_("Archive") },
    { "note", N_("Add a note") },
    { "escalated", N_("Escalate to TRC") },
    { "assigned", N_("Assign") },
    { "answered", N_("Answer") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (action, labels[i].action) == 0)
      return _(labels[i].label);

  return action != NULL ? action : "";
}

/**
 * sigap_complaint_event_to_label:
 * @action: a timeline event's action
 *
 * Returns: what happened, as the timeline says it ("Verified", "Answered")
 */
const char *
sigap_complaint_event_to_label (const char *action)
{
  static const struct
  {
    const char *action;
    const char *label;
  } labels[] = {
    { "created", N_("Recorded") },
    { "received", N_("Received") },
    { "verified", N_("Verified") },
    { "routed", N_("Routed") },
    { "in-progress", N_("Handling started") },
    { "resolved", N_("Resolved") },
    { "not-our-authority", N_("Returned: not our authority") },
    { "rejected", N_("Rejected") },
    { "archived", N_("Archived") },
    { "note", N_("Note") },
    { "escalated", N_("Escalated to TRC") },
    { "assigned", N_("Assigned") },
    { "answered", N_("Answered") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (action, labels[i].action) == 0)
      return _(labels[i].label);

  return action != NULL ? action : "";
}

/**
 * sigap_complaint_dup_deadline_text:
 *
 * @sla: (nullable): the regency's service levels, %NULL for the defaults
 * @state: (out): where the deadline stands
 *
 * The badge of @complaint's deadline, counted in working days: "Sisa 2
 * hari kerja", "Batas waktu hari ini", "Terlambat 1 hari kerja".
 *
 * Returns: (transfer full) (nullable): the badge, %NULL when it has none
 *   (it is closed, or has no deadline)
 */
char *
sigap_complaint_dup_deadline_text (SigapComplaint         *complaint,
                                   GTimeZone              *zone,
                                   SigapWorkingDays       *days,
                                   const SigapSlaSettings *sla,
                                   gint64                  now,
                                   SigapDeadlineState     *state)
{
  int left;

  *state = sigap_sla_complaint_deadline_state (complaint, days, sla, now, zone);
  if (*state == SIGAP_DEADLINE_STATE_NONE)
    return NULL;

  left = sigap_working_days_between (days, now, sigap_complaint_get_due_at (complaint), zone,
                                     NULL);

  if (*state == SIGAP_DEADLINE_STATE_LATE)
    {
      int late = MAX (1, -left);

      /* Translators: a complaint's deadline has passed */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day late",
                                           "%d working days late", late),
                              late);
    }

  if (left <= 0)
    /* Translators: a complaint must be answered by the end of today */
    return g_strdup (_("Due today"));

  /* Translators: working days until a complaint's deadline */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day left",
                                       "%d working days left", left),
                          left);
}

const char *
sigap_platform_to_icon_name (SigapPlatform platform)
{
  switch (platform)
    {
    case SIGAP_PLATFORM_FACEBOOK:
      return "sigap-facebook-symbolic";
    case SIGAP_PLATFORM_INSTAGRAM:
      return "sigap-instagram-symbolic";
    case SIGAP_PLATFORM_X:
      return "sigap-x-symbolic";
    case SIGAP_PLATFORM_YOUTUBE:
      return "sigap-youtube-symbolic";
    case SIGAP_PLATFORM_TIKTOK:
      return "sigap-tiktok-symbolic";
    default:
      return NULL;
    }
}

/**
 * sigap_opd_dup_zone:
 * @opd: (nullable): an OPD
 *
 * Returns: (transfer full): the OPD's time zone, Asia/Jakarta (WIB) when
 *   the OPD has none or an unknown one
 */
GTimeZone *
sigap_opd_dup_zone (SigapOpd *opd)
{
  const char *identifier = opd != NULL ? sigap_opd_get_time_zone (opd) : NULL;
  GTimeZone *zone = NULL;

  if (identifier != NULL && identifier[0] != '\0')
    zone = g_time_zone_new_identifier (identifier);

  if (zone == NULL)
    zone = g_time_zone_new_identifier (DEFAULT_ZONE);

  /* A system without tzdata still gets the right offset. */
  if (zone == NULL)
    zone = g_time_zone_new_offset (7 * 3600);

  return zone;
}

char *
sigap_format_day (GDateTime *datetime)
{
  g_return_val_if_fail (datetime != NULL, NULL);

  /* Translators: a day heading in the calendar, see the strftime-like
   * conversions of g_date_time_format(); "Kamis, 17 Juli 2025" */
  return g_date_time_format (datetime, _("%A, %-d %B %Y"));
}

char *
sigap_format_time (GDateTime *datetime)
{
  g_return_val_if_fail (datetime != NULL, NULL);

  /* Translators: a time of day, see g_date_time_format(); "09.00" */
  return g_date_time_format (datetime, _("%H:%M"));
}

char *
sigap_format_date (GDateTime *datetime)
{
  g_return_val_if_fail (datetime != NULL, NULL);

  /* Translators: a short date in a list, see g_date_time_format();
   * "17 Jul 2025" */
  return g_date_time_format (datetime, _("%-d %b %Y"));
}

char *
sigap_format_month (int year,
                    int month)
{
  g_autoptr(GDateTime) datetime = NULL;

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  datetime = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  if (datetime == NULL)
    return g_strdup_printf ("%d-%02d", year, month);

  /* Translators: the month of a report, see g_date_time_format();
   * "Juli 2025" */
  return g_date_time_format (datetime, _("%B %Y"));
}

/**
 * sigap_format_day_range:
 * @first: the first day
 * @last: the last day, in the same zone
 *
 * Returns: (transfer full): the days from @first to @last as a calendar's
 *   title says them: "16–22 November 2026", "27 Oktober – 2 November 2026"
 *   or "29 Desember 2025 – 4 Januari 2026"
 */
char *
sigap_format_day_range (GDateTime *first,
                        GDateTime *last)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (first != NULL, NULL);
  g_return_val_if_fail (last != NULL, NULL);

  /* Translators: a whole date in a calendar's title, see
   * g_date_time_format(); "22 November 2026" */
  end = g_date_time_format (last, _("%-d %B %Y"));

  if (g_date_time_get_year (first) != g_date_time_get_year (last))
    {
      start = g_date_time_format (first, _("%-d %B %Y"));
      /* Translators: a range of days over two years, "29 Desember 2025 –
       * 4 Januari 2026" */
      return g_strdup_printf (C_("day range", "%s – %s"), start, end);
    }

  if (g_date_time_get_month (first) != g_date_time_get_month (last))
    {
      /* Translators: the first day of a range in a calendar's title, the
       * year follows at its end; see g_date_time_format(); "27 Oktober" */
      start = g_date_time_format (first, _("%-d %B"));
      return g_strdup_printf (C_("day range", "%s – %s"), start, end);
    }

  start = g_strdup_printf ("%d", g_date_time_get_day_of_month (first));
  /* Translators: a range of days in one month, "16–22 November 2026"; the
   * first %s is a day of the month, the second the last day with its
   * month and year */
  return g_strdup_printf (C_("day range", "%s–%s"), start, end);
}

/**
 * sigap_format_excerpt:
 * @text: (nullable): any text
 * @max_words: how many words to keep
 *
 * Returns: (transfer full): the first @max_words words of @text on one
 *   line, with an ellipsis when some were left out
 */
char *
sigap_format_excerpt (const char *text,
                      guint       max_words)
{
  g_autoptr(GString) excerpt = g_string_new (NULL);
  guint words = 0;
  gboolean in_word = FALSE;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_word = FALSE;
          continue;
        }

      if (!in_word)
        {
          if (words == max_words)
            {
              g_string_append (excerpt, "…");
              break;
            }
          if (words > 0)
            g_string_append_c (excerpt, ' ');
          words++;
          in_word = TRUE;
        }

      g_string_append_unichar (excerpt, c);
    }

  return g_string_free (g_steal_pointer (&excerpt), FALSE);
}

/**
 * sigap_post_dup_platforms_text:
 * @post: a post
 *
 * Returns: (transfer full): the names of the post's platforms, comma
 *   separated, or a sentence saying there are none yet
 */
char *
sigap_post_dup_platforms_text (SigapPost *post)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (SIGAP_IS_POST (post), NULL);

  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    {
      if (sigap_post_get_variant (post, (SigapPlatform) i) == NULL)
        continue;

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, sigap_platform_to_label ((SigapPlatform) i));
    }

  if (text->len == 0)
    g_string_append (text, _("No platform chosen"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * sigap_post_dup_accessible_label:
 * @post: a post
 * @zone: the OPD's time zone
 *
 * Returns: (transfer full): what a screen reader says for the post's row:
 *   "Kamis 17 Juli 2025 09.00, Rapat koordinasi konten, Facebook,
 *   Instagram, terjadwal"
 */
char *
sigap_post_dup_accessible_label (SigapPost *post,
                                 GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *platforms = NULL;
  g_autofree char *status = NULL;
  const char *title;

  g_return_val_if_fail (SIGAP_IS_POST (post), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  utc = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));
  local = g_date_time_to_timezone (utc, zone);
  /* Translators: the day and time of a post as a screen reader says it,
   * see g_date_time_format(); "Kamis 17 Juli 2025 09.00" */
  when = g_date_time_format (local, _("%A %-d %B %Y %H:%M"));
  platforms = sigap_post_dup_platforms_text (post);
  status = g_utf8_strdown (sigap_post_status_to_label (sigap_post_get_status (post)), -1);
  title = sigap_post_get_title (post);

  return g_strdup_printf ("%s, %s, %s, %s",
                          when, title != NULL ? title : "", platforms, status);
}

/**
 * sigap_next_full_hour:
 * @now: the current time, in the zone the answer should be in
 *
 * Returns: (transfer full): the first full hour after @now
 */
GDateTime *
sigap_next_full_hour (GDateTime *now)
{
  g_autoptr(GDateTime) hour = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  hour = g_date_time_new (g_date_time_get_timezone (now),
                          g_date_time_get_year (now),
                          g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now),
                          g_date_time_get_hour (now),
                          0, 0);

  return g_date_time_add_hours (hour, 1);
}

/* What names a version of the platform rules: the month they were
 * checked against the platforms' own pages, else the start of the
 * version's hash. */
static char *
dup_platforms_version_label (SigapCentralDocument *document)
{
  JsonObject *object = sigap_central_document_get_object (document);
  const char *checked = json_object_get_string_member_with_default (object, "checked", NULL);

  if (checked != NULL)
    return g_strdup (checked);

  return g_strndup (sigap_central_document_get_version (document), 8);
}

/**
 * sigap_format_central_document:
 * @kind: which document
 * @year: for %SIGAP_CENTRAL_DOCUMENT_HOLIDAYS, the calendar's year
 * @document: (nullable): the copy in use, or %NULL when there is none
 * @zone: the zone to show the time of the last change in
 *
 * Returns: (transfer full): which copy of the document Sigap uses, as
 *   in "Version 2026-11 from the server, updated 23 November 2026 10:15"
 */
char *
sigap_format_central_document (SigapCentralDocumentKind  kind,
                               int                       year,
                               SigapCentralDocument     *document,
                               GTimeZone                *zone)
{
  g_autofree char *updated = NULL;
  g_autofree char *version = NULL;
  GDateTime *updated_at;
  SigapCentralSource source;

  g_return_val_if_fail (zone != NULL, NULL);

  if (document == NULL)
    {
      if (kind == SIGAP_CENTRAL_DOCUMENT_PLATFORMS)
        return g_strdup (_("Not available yet. Sigap downloads the rules at the next sync."));

      if (kind == SIGAP_CENTRAL_DOCUMENT_SLA)
        return g_strdup (_("The defaults: 3 working days to verify, 5 to answer, 14 to settle, "
                           "60 with a field check."));

      if (kind == SIGAP_CENTRAL_DOCUMENT_REPORT_TEMPLATE)
        return g_strdup (_("Not available yet. Sigap downloads the template at the next sync."));

      if (kind == SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES)
        return g_strdup (_("Not available yet. Sigap downloads the templates at the next "
                           "sync."));

      /* Translators: %d is a year */
      return g_strdup_printf (_("No calendar for %d yet. Sigap downloads it at the next sync."),
                              year);
    }

  source = sigap_central_document_get_source (document);
  updated_at = sigap_central_document_get_updated_at (document);
  if (updated_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (updated_at, zone);

      /* Translators: when a central document last changed, see
       * g_date_time_format(); "23 November 2026 10.15" */
      updated = g_date_time_format (local, _("%-d %B %Y %H:%M"));
    }

  if (kind == SIGAP_CENTRAL_DOCUMENT_PLATFORMS)
    {
      version = dup_platforms_version_label (document);

      if (source == SIGAP_CENTRAL_SOURCE_SHIPPED)
        /* Translators: %s names the version of the platform rules, as in
         * "2026-11" (the month they were checked) */
        return g_strdup_printf (_("Version %s, shipped with Sigap"), version);

      if (updated == NULL)
        /* Translators: %s names the version of the platform rules, as in
         * "2026-11"; the server still hands out the copy it shipped with */
        return g_strdup_printf (_("Version %s from the server"), version);

      /* Translators: the first %s names the version of the platform
       * rules, as in "2026-11", the second when Diskominfo changed them,
       * as in "23 November 2026 10.15" */
      return g_strdup_printf (_("Version %s from the server, updated %s"), version, updated);
    }

  if (kind == SIGAP_CENTRAL_DOCUMENT_SLA || kind == SIGAP_CENTRAL_DOCUMENT_REPORT_TEMPLATE ||
      kind == SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES)
    {
      if (source == SIGAP_CENTRAL_SOURCE_SHIPPED)
        return g_strdup (_("Shipped with Sigap"));
      if (updated == NULL)
        /* The server still hands out the copy it shipped with */
        return g_strdup (_("From the server"));
      /* Translators: %s is when Diskominfo changed the service levels,
       * the report template or the post templates, as in
       * "23 November 2026 10.15" */
      return g_strdup_printf (_("From the server, updated %s"), updated);
    }

  if (source == SIGAP_CENTRAL_SOURCE_SHIPPED)
    /* Translators: %d is a year */
    return g_strdup_printf (_("Calendar for %d, shipped with Sigap"), year);

  if (updated == NULL)
    /* Translators: %d is a year; the server still hands out the copy it
     * shipped with */
    return g_strdup_printf (_("Calendar for %d from the server"), year);

  /* Translators: %d is a year, %s when Diskominfo changed the calendar,
   * as in "23 November 2026 10.15" */
  return g_strdup_printf (_("Calendar for %d from the server, updated %s"), year, updated);
}
