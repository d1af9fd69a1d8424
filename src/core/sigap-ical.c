/* sigap-ical.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-ical"

#include "config.h"

#include <string.h>

#include "sigap-enums.h"
#include "sigap-ical.h"

/* RFC 5545, 3.1: a content line is at most 75 octets, CRLF excluded. */
#define MAX_LINE_OCTETS 75

/* A post without a title is summed up by its first words. */
#define SUMMARY_CHARS 60

#define DEFAULT_ZONE "Asia/Jakarta"

static const struct
{
  const char *name;
  gint32      offset;
} zones[] = {
  { "Asia/Jakarta", 7 * 3600 },   /* WIB */
  { "Asia/Makassar", 8 * 3600 },  /* WITA */
  { "Asia/Jayapura", 9 * 3600 },  /* WIT */
};

/* The IANA name of the OPD's zone for X-WR-TIMEZONE. An OPD stores one of
 * the three names; an offset such as "+08:00" is mapped by its offset. */
static const char *
zone_name (SigapOpd *opd,
           gint64    now)
{
  const char *identifier = opd != NULL ? sigap_opd_get_time_zone (opd) : NULL;
  g_autoptr(GTimeZone) zone = NULL;
  gint32 offset;

  if (identifier == NULL || identifier[0] == '\0')
    return DEFAULT_ZONE;

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      if (g_str_equal (identifier, zones[i].name))
        return zones[i].name;
    }

  zone = g_time_zone_new_identifier (identifier);
  if (zone == NULL)
    return DEFAULT_ZONE;

  offset = g_time_zone_get_offset (zone,
                                   g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, now));
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      if (offset == zones[i].offset)
        return zones[i].name;
    }

  return DEFAULT_ZONE;
}

static const char *
enum_nick (GType type,
           int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);
  const char *nick = enum_value != NULL ? enum_value->value_nick : "";

  /* Enum classes are static: the nick outlives the reference. */
  g_type_class_unref (klass);

  return nick;
}

static const char *
category_label (const SigapIcalLabels *labels,
                SigapContentCategory   category)
{
  const char *label = NULL;

  if (labels != NULL && labels->category != NULL)
    label = labels->category (category);

  return label != NULL ? label : enum_nick (SIGAP_TYPE_CONTENT_CATEGORY, category);
}

static const char *
platform_label (const SigapIcalLabels *labels,
                SigapPlatform          platform)
{
  const char *label = NULL;

  if (labels != NULL && labels->platform != NULL)
    label = labels->platform (platform);

  return label != NULL ? label : enum_nick (SIGAP_TYPE_PLATFORM, platform);
}

static const char *
status_label (const SigapIcalLabels *labels,
              SigapPostStatus        status)
{
  const char *label = NULL;

  if (labels != NULL && labels->status != NULL)
    label = labels->status (status);

  return label != NULL ? label : enum_nick (SIGAP_TYPE_POST_STATUS, status);
}

static const char *
ical_status (SigapPostStatus status)
{
  switch (status)
    {
    case SIGAP_POST_STATUS_DRAFT:
    case SIGAP_POST_STATUS_REVIEW:
      return "TENTATIVE";

    case SIGAP_POST_STATUS_SCHEDULED:
    case SIGAP_POST_STATUS_PUBLISHED:
      return "CONFIRMED";

    case SIGAP_POST_STATUS_CANCELLED:
      return "CANCELLED";

    default:
      g_return_val_if_reached ("TENTATIVE");
    }
}

/* A DATE-TIME in UTC, "19970714T173000Z" (RFC 5545, 3.3.5, form #2). */
static char *
format_utc (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  if (utc == NULL)
    utc = g_date_time_new_from_unix_utc (0);

  return g_strdup_printf ("%04d%02d%02dT%02d%02d%02dZ",
                          g_date_time_get_year (utc),
                          g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

/* Appends @text as a TEXT value (RFC 5545, 3.3.11): backslash, semicolon,
 * comma and newline escaped; other control characters, which TEXT does not
 * allow, dropped; invalid UTF-8 replaced. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;

  valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;

        case ';':
          g_string_append (out, "\\;");
          break;

        case ',':
          g_string_append (out, "\\,");
          break;

        case '\r':
          /* CRLF and a lone CR are both one line break. */
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\t':
          g_string_append_c (out, '\t');
          break;

        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }
}

/* Appends @line with its CRLF, folded (RFC 5545, 3.1) so that no physical
 * line exceeds 75 octets: a fold is CRLF and a space, and never falls
 * inside a UTF-8 sequence. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize len = strlen (line);
  gsize pos = 0;
  gsize limit = MAX_LINE_OCTETS;

  while (len - pos > limit)
    {
      gsize cut = pos + limit;

      /* Back up to the first byte of the character at the cut. */
      while (cut > pos && ((guchar) line[cut] & 0xc0) == 0x80)
        cut--;
      g_assert (cut > pos);

      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;

      /* The leading space of a continuation line counts. */
      limit = MAX_LINE_OCTETS - 1;
    }

  g_string_append_len (out, line + pos, len - pos);
  g_string_append (out, "\r\n");
}

/* A property whose value is given ready (no escaping needed). */
static void
append_raw_property (GString    *out,
                     const char *name,
                     const char *value)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  g_string_append (line, value);
  append_folded (out, line->str);
}

static void
append_text_property (GString    *out,
                      const char *name,
                      const char *value)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  append_text (line, value);
  append_folded (out, line->str);
}

static void
append_time_property (GString    *out,
                      const char *name,
                      gint64      unix_time)
{
  g_autofree char *value = format_utc (unix_time);

  append_raw_property (out, name, value);
}

/* The title, or the first line of the text up to SUMMARY_CHARS characters. */
static char *
post_summary (SigapPost *post)
{
  const char *title = sigap_post_get_title (post);
  const char *body = sigap_post_get_body (post);
  g_autofree char *first_line = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *head = NULL;
  const char *end;

  if (title != NULL && title[0] != '\0')
    return g_strdup (title);

  if (body == NULL)
    return g_strdup ("");

  end = strpbrk (body, "\r\n");
  first_line = end != NULL ? g_strndup (body, end - body) : g_strdup (body);
  stripped = g_utf8_make_valid (g_strstrip (first_line), -1);

  if (g_utf8_strlen (stripped, -1) <= SUMMARY_CHARS)
    return g_steal_pointer (&stripped);

  head = g_utf8_substring (stripped, 0, SUMMARY_CHARS - 1);

  return g_strconcat (g_strchomp (head), "…", NULL);
}

static char *
post_description (SigapPost             *post,
                  const SigapIcalLabels *labels)
{
  GPtrArray *variants = sigap_post_get_variants (post);
  const char *body = sigap_post_get_body (post);
  g_autoptr(GString) text = g_string_new (NULL);

  if (body != NULL && body[0] != '\0')
    g_string_append_printf (text, "%s\n\n", body);

  for (guint i = 0; variants != NULL && i < variants->len; i++)
    {
      SigapPostVariant *variant = g_ptr_array_index (variants, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, platform_label (labels, sigap_post_variant_get_platform (variant)));
    }

  if (variants != NULL && variants->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, status_label (labels, sigap_post_get_status (post)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
post_uid (SigapPost *post)
{
  const char *id = sigap_post_get_id (post);
  g_autofree char *seed = NULL;
  g_autofree char *checksum = NULL;

  if (id != NULL && id[0] != '\0')
    return g_strconcat (id, "@sigap", NULL);

  /* Not saved yet: a UID that is the same on every export of the post. */
  seed = g_strdup_printf ("%" G_GINT64_FORMAT "\n%s\n%s",
                          sigap_post_get_scheduled_at (post),
                          sigap_post_get_title (post) != NULL ? sigap_post_get_title (post) : "",
                          sigap_post_get_body (post) != NULL ? sigap_post_get_body (post) : "");
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  return g_strconcat (checksum, "@sigap", NULL);
}

static void
append_event (GString               *out,
              SigapPost             *post,
              const SigapIcalLabels *labels,
              const char            *dtstamp)
{
  g_autofree char *uid = post_uid (post);
  g_autofree char *summary = post_summary (post);
  g_autofree char *description = post_description (post, labels);
  gint64 updated_at = sigap_post_get_updated_at (post);

  append_raw_property (out, "BEGIN", "VEVENT");
  append_text_property (out, "UID", uid);
  append_raw_property (out, "DTSTAMP", dtstamp);
  append_time_property (out, "DTSTART", sigap_post_get_scheduled_at (post));
  append_raw_property (out, "DURATION", "PT30M");
  append_text_property (out, "SUMMARY", summary);
  append_text_property (out, "DESCRIPTION", description);
  append_text_property (out, "CATEGORIES",
                        category_label (labels, sigap_post_get_category (post)));
  append_raw_property (out, "STATUS", ical_status (sigap_post_get_status (post)));
  if (updated_at > 0)
    append_time_property (out, "LAST-MODIFIED", updated_at);
  append_raw_property (out, "END", "VEVENT");
}

/**
 * sigap_ical_from_posts:
 * @posts: (element-type SigapPost): the posts, one event each, in this order
 * @opd: (nullable): the OPD, for the calendar's name and zone
 * @labels: (nullable): the words for categories, platforms and statuses;
 *   the enum nicks stand in for a missing one
 * @now: the time of the export, for DTSTAMP
 *
 * Returns: (transfer full): the iCalendar text, UTF-8 with CRLF line ends
 */
char *
sigap_ical_from_posts (GPtrArray             *posts,
                       SigapOpd              *opd,
                       const SigapIcalLabels *labels,
                       GDateTime             *now)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *dtstamp = NULL;
  const char *name;

  g_return_val_if_fail (posts != NULL, NULL);
  g_return_val_if_fail (opd == NULL || SIGAP_IS_OPD (opd), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  out = g_string_new (NULL);
  dtstamp = format_utc (g_date_time_to_unix (now));
  name = opd != NULL ? sigap_opd_get_name (opd) : NULL;

  append_raw_property (out, "BEGIN", "VCALENDAR");
  append_raw_property (out, "VERSION", "2.0");
  append_raw_property (out, "PRODID", "-//Sigap//Sigap//ID");
  append_raw_property (out, "CALSCALE", "GREGORIAN");
  append_text_property (out, "X-WR-CALNAME", name != NULL && name[0] != '\0' ? name : "Sigap");
  append_raw_property (out, "X-WR-TIMEZONE", zone_name (opd, g_date_time_to_unix (now)));

  for (guint i = 0; i < posts->len; i++)
    {
      SigapPost *post = g_ptr_array_index (posts, i);

      g_return_val_if_fail (SIGAP_IS_POST (post), NULL);

      append_event (out, post, labels, dtstamp);
    }

  append_raw_property (out, "END", "VCALENDAR");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sigap_ical_write_posts:
 * @file: where to write
 * @posts: (element-type SigapPost): the posts
 * @opd: (nullable): the OPD
 * @labels: (nullable): the words for categories, platforms and statuses
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes sigap_ical_from_posts() to @file, stamped now, replacing it
 * atomically: a reader never sees half a file, and a failed write leaves
 * the old one. Blocking; run it in a thread for a large range.
 *
 * Returns: whether the file was written
 */
gboolean
sigap_ical_write_posts (GFile                  *file,
                        GPtrArray              *posts,
                        SigapOpd               *opd,
                        const SigapIcalLabels  *labels,
                        GCancellable           *cancellable,
                        GError                **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (posts != NULL, FALSE);
  g_return_val_if_fail (opd == NULL || SIGAP_IS_OPD (opd), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = g_date_time_new_now_utc ();
  text = sigap_ical_from_posts (posts, opd, labels, now);

  return g_file_replace_contents (file, text, strlen (text),
                                  NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}
