/* sigap-calendar.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-calendar"

#include "config.h"

#include <string.h>

#include "sigap-calendar.h"

/*
 * The date arithmetic goes through GDate (a civil date without a zone) and
 * back to a GDateTime at 00:00 of the wanted day in the wanted zone. Adding
 * days as 86,400 seconds would be right in WIB, WITA and WIT, which have no
 * daylight saving, but not in a zone a test or a future OPD might use.
 */

#define MIN_YEAR 1
#define MAX_YEAR 9999

static void
date_from_datetime (GDate     *date,
                    GDateTime *datetime)
{
  int year;
  int month;
  int day;

  g_date_time_get_ymd (datetime, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* 00:00 of @date in @zone, or NULL when GDateTime cannot hold it. */
static GDateTime *
datetime_from_date (const GDate *date,
                    GTimeZone   *zone)
{
  int year;

  if (!g_date_valid (date))
    return NULL;

  year = g_date_get_year (date);
  if (year < MIN_YEAR || year > MAX_YEAR)
    return NULL;

  return g_date_time_new (zone,
                          year,
                          g_date_get_month (date),
                          g_date_get_day (date),
                          0, 0, 0);
}

/* Moves @date by @days, or invalidates it when that leaves GDate's range. */
static void
date_add_days (GDate *date,
               int    days)
{
  if (days >= 0)
    {
      if ((guint) days > G_MAXUINT32 - g_date_get_julian (date))
        g_date_clear (date, 1);
      else
        g_date_add_days (date, (guint) days);
    }
  else
    {
      guint back = (guint) -(gint64) days;

      if (back >= g_date_get_julian (date))
        g_date_clear (date, 1);
      else
        g_date_subtract_days (date, back);
    }
}

static void
date_to_week_start (GDate *date)
{
  /* GDateWeekday counts Monday as 1 and Sunday as 7. */
  date_add_days (date, 1 - (int) g_date_get_weekday (date));
}

/* 00:00 of the day @days after @day_start's day, in its zone. */
static GDateTime *
day_start_add_days (GDateTime *day_start,
                    int        days)
{
  GDate date;

  date_from_datetime (&date, day_start);
  date_add_days (&date, days);

  return datetime_from_date (&date, g_date_time_get_timezone (day_start));
}

/**
 * sigap_calendar_day_start:
 * @datetime: a date and time
 *
 * Returns: (transfer full): 00:00 of @datetime's day, in its zone
 */
GDateTime *
sigap_calendar_day_start (GDateTime *datetime)
{
  GDate date;

  g_return_val_if_fail (datetime != NULL, NULL);

  date_from_datetime (&date, datetime);

  return datetime_from_date (&date, g_date_time_get_timezone (datetime));
}

/**
 * sigap_calendar_week_start:
 * @datetime: a date and time
 *
 * Returns: (transfer full): 00:00 of the Monday of @datetime's week, in
 *   its zone (a Sunday belongs to the week that began six days earlier)
 */
GDateTime *
sigap_calendar_week_start (GDateTime *datetime)
{
  GDate date;

  g_return_val_if_fail (datetime != NULL, NULL);

  date_from_datetime (&date, datetime);
  date_to_week_start (&date);

  return datetime_from_date (&date, g_date_time_get_timezone (datetime));
}

/**
 * sigap_calendar_month_grid_start:
 * @year: a year, 1 to 9999
 * @month: a month, 1 to 12
 * @zone: the zone of the result
 *
 * The first cell of the month view: the Monday on or before the 1st.
 *
 * Returns: (transfer full): 00:00 of that Monday in @zone
 */
GDateTime *
sigap_calendar_month_grid_start (int        year,
                                 int        month,
                                 GTimeZone *zone)
{
  GDate date;

  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, (GDateMonth) month, (GDateYear) year);
  date_to_week_start (&date);

  return datetime_from_date (&date, zone);
}

/**
 * sigap_calendar_month_grid_weeks:
 * @year: a year, 1 to 9999
 * @month: a month, 1 to 12
 * @zone: (nullable): the zone of the view; the grid is the same in every
 *   zone, the argument is there for symmetry with
 *   sigap_calendar_month_grid_start()
 *
 * Returns: how many rows of weeks, Monday to Sunday, the month view needs
 *   to show every day of the month: 4 (a February of 28 days starting on a
 *   Monday) to 6
 */
guint
sigap_calendar_month_grid_weeks (int        year,
                                 int        month,
                                 GTimeZone *zone)
{
  GDate first;
  guint offset;
  guint n_days;

  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, (GDateMonth) month, (GDateYear) year);

  offset = (guint) g_date_get_weekday (&first) - 1;
  n_days = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);

  return (offset + n_days + 6) / 7;
}

/**
 * sigap_calendar_range:
 * @view: a view
 * @date: a date in the period, in the OPD's zone
 * @from: (out) (transfer full) (optional): the period's first instant
 * @to: (out) (transfer full) (optional): the instant after the period
 *
 * The period @view shows around @date, as [@from, @to): for a month, its
 * grid from the first Monday to the end of the last row; for a week,
 * Monday 00:00 to the next Monday 00:00; for the agenda, 00:00 of @date's
 * day to 00:00 SIGAP_CALENDAR_AGENDA_DAYS days later. Both are in @date's
 * zone.
 */
void
sigap_calendar_range (SigapCalendarView   view,
                      GDateTime          *date,
                      GDateTime         **from,
                      GDateTime         **to)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  int days = 0;

  g_return_if_fail (date != NULL);

  switch (view)
    {
    case SIGAP_CALENDAR_VIEW_MONTH:
      {
        int year;
        int month;

        g_date_time_get_ymd (date, &year, &month, NULL);
        start = sigap_calendar_month_grid_start (year, month, g_date_time_get_timezone (date));
        days = 7 * (int) sigap_calendar_month_grid_weeks (year, month, NULL);
      }
      break;

    case SIGAP_CALENDAR_VIEW_WEEK:
      start = sigap_calendar_week_start (date);
      days = 7;
      break;

    case SIGAP_CALENDAR_VIEW_AGENDA:
      start = sigap_calendar_day_start (date);
      days = SIGAP_CALENDAR_AGENDA_DAYS;
      break;

    default:
      g_return_if_reached ();
    }

  if (start != NULL)
    end = day_start_add_days (start, days);

  if (from != NULL)
    *from = g_steal_pointer (&start);
  if (to != NULL)
    *to = g_steal_pointer (&end);
}

/**
 * sigap_calendar_step:
 * @view: a view
 * @date: the date the view shows
 * @direction: -1 for the previous period, 1 for the next (larger values
 *   step several periods, 0 none)
 *
 * Moves @date by whole periods of @view, keeping its time of day: a month
 * keeps the day of the month where the new month has it and takes its
 * last day otherwise (31 January → 28 or 29 February); a week is 7 days;
 * the agenda SIGAP_CALENDAR_AGENDA_DAYS days.
 *
 * Returns: (transfer full) (nullable): the new date, in @date's zone; %NULL
 *   past the year 9999
 */
GDateTime *
sigap_calendar_step (SigapCalendarView  view,
                     GDateTime         *date,
                     int                direction)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (view)
    {
    case SIGAP_CALENDAR_VIEW_MONTH:
      {
        gint64 months;
        int year;
        int month;
        int day;

        g_date_time_get_ymd (date, &year, &month, &day);
        months = (gint64) year * 12 + (month - 1) + direction;
        if (months < (gint64) MIN_YEAR * 12 || months > (gint64) MAX_YEAR * 12 + 11)
          return NULL;

        year = (int) (months / 12);
        month = (int) (months % 12) + 1;
        day = MIN (day, (int) g_date_get_days_in_month ((GDateMonth) month,
                                                         (GDateYear) year));

        return g_date_time_new (g_date_time_get_timezone (date),
                                year, month, day,
                                g_date_time_get_hour (date),
                                g_date_time_get_minute (date),
                                g_date_time_get_seconds (date));
      }

    case SIGAP_CALENDAR_VIEW_WEEK:
      return g_date_time_add_days (date, 7 * direction);

    case SIGAP_CALENDAR_VIEW_AGENDA:
      return g_date_time_add_days (date, SIGAP_CALENDAR_AGENDA_DAYS * direction);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sigap_calendar_day_key:
 * @datetime: a date and time
 *
 * Returns: (transfer full): @datetime's day in its own zone as
 *   "YYYY-MM-DD", for GSettings and for finding a day's cell
 */
char *
sigap_calendar_day_key (GDateTime *datetime)
{
  int year;
  int month;
  int day;

  g_return_val_if_fail (datetime != NULL, NULL);

  g_date_time_get_ymd (datetime, &year, &month, &day);

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static int
parse_digits (const char *text,
              guint       n_digits)
{
  int value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + g_ascii_digit_value (text[i]);
    }

  return value;
}

/**
 * sigap_calendar_parse_day_key:
 * @key: (nullable): a day as "YYYY-MM-DD"
 * @zone: the zone of the result
 *
 * Returns: (transfer full) (nullable): 00:00 of that day in @zone, or
 *   %NULL when @key is not exactly a valid "YYYY-MM-DD"
 */
GDateTime *
sigap_calendar_parse_day_key (const char *key,
                              GTimeZone  *zone)
{
  int year;
  int month;
  int day;

  g_return_val_if_fail (zone != NULL, NULL);

  if (key == NULL || strlen (key) != 10 || key[4] != '-' || key[7] != '-')
    return NULL;

  year = parse_digits (key, 4);
  month = parse_digits (key + 5, 2);
  day = parse_digits (key + 8, 2);

  if (year < MIN_YEAR || month < 1 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_date_time_new (zone, year, month, day, 0, 0, 0);
}

/**
 * sigap_calendar_gap_days:
 * @posts: (nullable) (element-type SigapPost): posts, in any order
 * @today: now, or any time of the first day to look at, in the OPD's zone
 * @n_days: how many days to look at, usually SIGAP_CALENDAR_GAP_DAYS
 *
 * The days, from @today's on, on which no post that is scheduled or
 * published falls: drafts, posts waiting for approval and cancelled posts
 * do not fill a day. Days are those of @today's zone.
 *
 * Returns: (transfer full) (element-type GDateTime): 00:00 of each
 *   such day, in order
 */
GPtrArray *
sigap_calendar_gap_days (GPtrArray *posts,
                         GDateTime *today,
                         guint      n_days)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autofree gint64 *bounds = NULL;
  g_autofree gboolean *busy = NULL;
  GDate date;

  g_return_val_if_fail (today != NULL, NULL);

  gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  if (n_days == 0)
    return g_steal_pointer (&gaps);

  /* bounds[i] is 00:00 of day i; bounds[n_days] ends the last day. */
  days = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  bounds = g_new (gint64, n_days + 1);
  busy = g_new0 (gboolean, n_days);
  date_from_datetime (&date, today);

  for (guint i = 0; i <= n_days; i++)
    {
      GDateTime *start = datetime_from_date (&date, g_date_time_get_timezone (today));

      if (start == NULL)
        {
          n_days = i > 0 ? i - 1 : 0;
          break;
        }

      bounds[i] = g_date_time_to_unix (start);
      g_ptr_array_add (days, start);
      date_add_days (&date, 1);
    }

  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      SigapPost *post = g_ptr_array_index (posts, i);
      SigapPostStatus status;
      gint64 at;
      guint lo = 0;
      guint hi = n_days;

      g_return_val_if_fail (SIGAP_IS_POST (post), NULL);

      status = sigap_post_get_status (post);
      if (status != SIGAP_POST_STATUS_SCHEDULED && status != SIGAP_POST_STATUS_PUBLISHED)
        continue;

      at = sigap_post_get_scheduled_at (post);
      if (n_days == 0 || at < bounds[0] || at >= bounds[n_days])
        continue;

      /* The last bound at or before @at. */
      while (hi - lo > 1)
        {
          guint mid = lo + (hi - lo) / 2;

          if (bounds[mid] <= at)
            lo = mid;
          else
            hi = mid;
        }

      busy[lo] = TRUE;
    }

  for (guint i = 0; i < n_days; i++)
    {
      if (!busy[i])
        g_ptr_array_add (gaps, g_date_time_ref (g_ptr_array_index (days, i)));
    }

  return g_steal_pointer (&gaps);
}

/**
 * sigap_calendar_move:
 * @scheduled_at: a Unix time
 * @zone: the OPD's zone
 * @days: days to move by, negative for earlier
 * @hours: hours to move by, negative for earlier
 *
 * Moves a post's time by whole days (keeping the time of day on the wall
 * clock of @zone) and hours, as dragging to another day or hour does.
 *
 * Returns: the new Unix time; @scheduled_at when the result would fall
 *   outside the years 1 to 9999
 */
gint64
sigap_calendar_move (gint64     scheduled_at,
                     GTimeZone *zone,
                     int        days,
                     int        hours)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) moved_days = NULL;
  g_autoptr(GDateTime) moved = NULL;

  g_return_val_if_fail (zone != NULL, scheduled_at);

  utc = g_date_time_new_from_unix_utc (scheduled_at);
  if (utc == NULL)
    return scheduled_at;

  local = g_date_time_to_timezone (utc, zone);
  if (local == NULL)
    return scheduled_at;

  moved_days = g_date_time_add_days (local, days);
  if (moved_days == NULL)
    return scheduled_at;

  moved = g_date_time_add_hours (moved_days, hours);
  if (moved == NULL)
    return scheduled_at;

  return g_date_time_to_unix (moved);
}

/**
 * sigap_calendar_can_move:
 * @post: a post
 *
 * Returns: whether the calendar lets @post be rescheduled: not once it is
 *   published (it went out at its time) or cancelled
 */
gboolean
sigap_calendar_can_move (SigapPost *post)
{
  g_return_val_if_fail (SIGAP_IS_POST (post), FALSE);

  switch (sigap_post_get_status (post))
    {
    case SIGAP_POST_STATUS_DRAFT:
    case SIGAP_POST_STATUS_REVIEW:
    case SIGAP_POST_STATUS_SCHEDULED:
      return TRUE;

    case SIGAP_POST_STATUS_PUBLISHED:
    case SIGAP_POST_STATUS_CANCELLED:
    default:
      return FALSE;
    }
}
