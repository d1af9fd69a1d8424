/* sigap-report-export-util.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-report-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sigap-report-export-private.h"

#define NO_VALUE "–"

/* Indonesian groups thousands with a full stop: 12.345. */
static char *
format_digits (guint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *out = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/* "12.345", or "–" for a figure nobody typed (-1). */
char *
_sigap_export_format_count (gint64 value)
{
  if (value < 0)
    return g_strdup (NO_VALUE);

  return format_digits ((guint64) value);
}

/* "+1.200", "-35" or "0". */
char *
_sigap_export_format_change (gint64 value)
{
  g_autofree char *digits = format_digits ((guint64) ABS (value));

  if (value > 0)
    return g_strconcat ("+", digits, NULL);
  if (value < 0)
    return g_strconcat ("-", digits, NULL);

  return g_steal_pointer (&digits);
}

/* One decimal with a comma, the ",0" dropped: "1,5", "2". */
char *
_sigap_export_format_decimal (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *point;

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", value);
  point = strchr (buffer, '.');
  if (point != NULL)
    {
      if (g_str_equal (point, ".0"))
        *point = '\0';
      else
        *point = ',';
    }

  return g_strdup (buffer);
}

/* "1,5 hari kerja", or "–" when there was nothing to measure (-1). */
char *
_sigap_export_format_days (double days)
{
  g_autofree char *number = NULL;

  if (days < 0)
    return g_strdup (NO_VALUE);

  number = _sigap_export_format_decimal (days);
  /* Translators: a median time, "1,5 hari kerja" */
  return g_strdup_printf (_("%s working days"), number);
}

/* The share of the complaints due in the month that were resolved in time,
 * in percent; -1 when none was due. */
double
_sigap_export_on_time_percent (guint due,
                               guint late)
{
  if (due == 0)
    return -1;

  return 100.0 * (double) (due - MIN (late, due)) / (double) due;
}

char *
_sigap_export_format_percent (double percent)
{
  g_autofree char *number = NULL;

  if (percent < 0)
    return g_strdup (NO_VALUE);

  number = _sigap_export_format_decimal (percent);
  return g_strconcat (number, "%", NULL);
}

static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
  N_("December"),
};

const char *
_sigap_export_month_name (int month)
{
  if (month < 1 || month > 12)
    return "";

  return _(month_names[month - 1]);
}

/* "Desember 2026" */
char *
_sigap_export_format_period (int year,
                             int month)
{
  return g_strdup_printf ("%s %d", _sigap_export_month_name (month), year);
}

/* "5 Desember 2026", in the computer's time zone. */
char *
_sigap_export_format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (unix_time);

  if (date == NULL)
    return g_strdup (NO_VALUE);

  return g_strdup_printf ("%d %s %d",
                          g_date_time_get_day_of_month (date),
                          _sigap_export_month_name (g_date_time_get_month (date)),
                          g_date_time_get_year (date));
}

const char *
_sigap_export_platform_nick (SigapPlatform platform)
{
  static const char * const nicks[] = { "facebook", "instagram", "x", "youtube", "tiktok" };

  if ((guint) platform >= G_N_ELEMENTS (nicks))
    return "";

  return nicks[platform];
}

const char *
_sigap_export_category_nick (SigapContentCategory category)
{
  static const char * const nicks[] = {
    "public-service", "programme", "achievement", "education", "clarification",
    "announcement",
  };

  if ((guint) category >= G_N_ELEMENTS (nicks))
    return "";

  return nicks[category];
}

const char *
_sigap_export_status_nick (SigapReportStatus status)
{
  static const char * const nicks[] = { "draft", "submitted", "returned", "accepted" };

  if ((guint) status >= G_N_ELEMENTS (nicks))
    return "";

  return nicks[status];
}

/* A worksheet name Excel accepts: at most 31 characters, none of []:*?/\ */
char *
_sigap_export_sheet_name (const char *name)
{
  g_autofree char *clean = g_strdup (name);

  g_strdelimit (clean, "[]:*?/\\", '-');
  if (g_utf8_strlen (clean, -1) > 31)
    return g_utf8_substring (clean, 0, 31);

  return g_steal_pointer (&clean);
}

static void
csv_append_field (GString    *csv,
                  const char *field)
{
  if (field == NULL)
    field = "";

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (csv, field);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

/* Appends one row of fields, NULL-terminated, to @csv. */
void
_sigap_export_csv_row (GString    *csv,
                       const char *first,
                       ...)
{
  va_list args;
  const char *field = first;
  gboolean any = FALSE;

  va_start (args, first);
  while (field != NULL)
    {
      if (any)
        g_string_append_c (csv, ',');
      csv_append_field (csv, field);
      any = TRUE;
      field = va_arg (args, const char *);
    }
  va_end (args);

  g_string_append (csv, "\r\n");
}

void
_sigap_export_set_write_error (GError     **error,
                               const char  *path,
                               const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, SIGAP_REPORT_DOCUMENT_ERROR, SIGAP_REPORT_DOCUMENT_ERROR_WRITE,
               _("Could not write “%s”: %s"), display, reason);
}

/* A new empty file next to @path, to be renamed over it once written. */
char *
_sigap_export_temp_path (const char  *path,
                         GError     **error)
{
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (temp, O_WRONLY, 0644);

  if (fd < 0)
    {
      int saved_errno = errno;

      _sigap_export_set_write_error (error, path, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  return g_steal_pointer (&temp);
}

gboolean
_sigap_export_write_file (const char  *path,
                          const void  *data,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  const char *p = data;
  int fd;

  fd = g_mkstemp_full (temp, O_WRONLY, 0644);
  if (fd < 0)
    goto fail;

  while (length > 0)
    {
      gssize written = write (fd, p, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (temp);
          errno = saved_errno;
          goto fail;
        }
      p += written;
      length -= (gsize) written;
    }

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (temp);
      errno = saved_errno;
      goto fail;
    }
  if (close (fd) != 0 || g_rename (temp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      errno = saved_errno;
      goto fail;
    }

  return TRUE;

fail:
  {
    int saved_errno = errno;

    _sigap_export_set_write_error (error, path, g_strerror (saved_errno));
    return FALSE;
  }
}
