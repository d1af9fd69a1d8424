/* test-calendar.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sigap-test-utils.h"

#define HOUR ((gint64) 3600)
#define DAY  (24 * HOUR)

static GTimeZone *wib;
static GTimeZone *wita;
static GTimeZone *wit;

static GDateTime *
make (GTimeZone *zone,
      int        year,
      int        month,
      int        day,
      int        hour,
      int        minute)
{
  GDateTime *datetime = g_date_time_new (zone, year, month, day, hour, minute, 0);

  g_assert_nonnull (datetime);

  return datetime;
}

/* Checks the wall clock and the UTC offset (in hours) of @datetime. */
#define assert_datetime(datetime, y, mo, d, h, mi, offset_hours)                   \
  G_STMT_START {                                                                   \
    GDateTime *dt__ = (datetime);                                                  \
    g_assert_nonnull (dt__);                                                       \
    g_assert_cmpint (g_date_time_get_year (dt__), ==, (y));                        \
    g_assert_cmpint (g_date_time_get_month (dt__), ==, (mo));                      \
    g_assert_cmpint (g_date_time_get_day_of_month (dt__), ==, (d));                \
    g_assert_cmpint (g_date_time_get_hour (dt__), ==, (h));                        \
    g_assert_cmpint (g_date_time_get_minute (dt__), ==, (mi));                     \
    g_assert_cmpint (g_date_time_get_second (dt__), ==, 0);                        \
    g_assert_cmpint (g_date_time_get_utc_offset (dt__), ==,                        \
                     (gint64) (offset_hours) * G_TIME_SPAN_HOUR);                  \
  } G_STMT_END

static SigapPost *
make_post (SigapPostStatus status,
           gint64          scheduled_at)
{
  SigapPost *post = sigap_post_new ();

  sigap_post_set_status (post, status);
  sigap_post_set_scheduled_at (post, scheduled_at);

  return post;
}

static gint64
unix_at (GTimeZone *zone,
         int        year,
         int        month,
         int        day,
         int        hour,
         int        minute,
         int        second)
{
  g_autoptr(GDateTime) datetime = g_date_time_new (zone, year, month, day, hour, minute, second);

  g_assert_nonnull (datetime);

  return g_date_time_to_unix (datetime);
}

static void
test_zones (void)
{
  /* The fixtures themselves: fixed offsets, the same in January and July. */
  g_autoptr(GDateTime) jan = make (wita, 2025, 1, 15, 12, 0);
  g_autoptr(GDateTime) jul = make (wita, 2025, 7, 15, 12, 0);

  g_assert_cmpint (g_date_time_get_utc_offset (jan), ==, 8 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_utc_offset (jul), ==, 8 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (unix_at (wib, 2026, 1, 1, 7, 0, 0), ==, 1767225600);
  g_assert_cmpint (unix_at (wit, 2026, 1, 1, 9, 0, 0), ==, 1767225600);
}

static void
test_month_grid (void)
{
  static const struct
  {
    int year;
    int month;
    guint weeks;
    int start_year;
    int start_month;
    int start_day;
  } months[] = {
    { 2024, 2, 5, 2024, 1, 29 },  /* leap year, starts on a Thursday */
    { 2025, 2, 5, 2025, 1, 27 },  /* starts on a Saturday */
    { 2026, 2, 5, 2026, 1, 26 },  /* starts on a Sunday */
    { 2021, 2, 4, 2021, 2, 1 },   /* 28 days from a Monday: 4 rows */
    { 2027, 2, 4, 2027, 2, 1 },
    { 2026, 3, 6, 2026, 2, 23 },  /* 31 days from a Sunday: 6 rows */
    { 2025, 6, 6, 2025, 5, 26 },  /* 30 days from a Sunday: 6 rows */
    { 2025, 9, 5, 2025, 9, 1 },   /* starts on a Monday */
    { 2025, 7, 5, 2025, 6, 30 },
    { 2025, 12, 5, 2025, 12, 1 },
    { 2026, 1, 5, 2025, 12, 29 }, /* the grid starts in the year before */
  };
  GTimeZone *zones[] = { wib, wita, wit };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
        {
          g_autoptr(GDateTime) start = NULL;
          g_autoptr(GDateTime) from = NULL;
          g_autoptr(GDateTime) to = NULL;
          g_autoptr(GDateTime) mid_month = NULL;
          g_autoptr(GDateTime) last_day = NULL;
          int offset = 7 + (int) z;

          g_test_message ("%04d-%02d in UTC%+d", months[i].year, months[i].month, offset);

          g_assert_cmpuint (sigap_calendar_month_grid_weeks (months[i].year, months[i].month,
                                                             zones[z]),
                            ==, months[i].weeks);

          start = sigap_calendar_month_grid_start (months[i].year, months[i].month, zones[z]);
          assert_datetime (start, months[i].start_year, months[i].start_month,
                           months[i].start_day, 0, 0, offset);
          g_assert_cmpint (g_date_time_get_day_of_week (start), ==, 1);

          /* The month range is the grid: its start and weeks × 7 days. */
          mid_month = make (zones[z], months[i].year, months[i].month, 15, 13, 45);
          sigap_calendar_range (SIGAP_CALENDAR_VIEW_MONTH, mid_month, &from, &to);
          g_assert_true (g_date_time_equal (from, start));
          g_assert_cmpint (g_date_time_to_unix (to) - g_date_time_to_unix (from), ==,
                           (gint64) months[i].weeks * 7 * DAY);
          g_assert_cmpint (g_date_time_get_day_of_week (to), ==, 1);
          g_assert_cmpint (g_date_time_get_utc_offset (to), ==, offset * G_TIME_SPAN_HOUR);

          /* The last row holds the month's last day, and no row is spare. */
          last_day = make (zones[z], months[i].year, months[i].month,
                           g_date_get_days_in_month (months[i].month, months[i].year), 23, 59);
          g_assert_cmpint (g_date_time_compare (last_day, to), <, 0);
          g_assert_cmpint (g_date_time_to_unix (to) - g_date_time_to_unix (last_day), <=,
                           7 * DAY);
        }
    }
}

static void
test_month_range_every_day (void)
{
  /* Any day of a month gives the same grid, the 1st and the last too. */
  g_autoptr(GDateTime) expected = sigap_calendar_month_grid_start (2026, 3, wib);

  for (int day = 1; day <= 31; day++)
    {
      g_autoptr(GDateTime) date = make (wib, 2026, 3, day, day % 24, 0);
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) to = NULL;

      sigap_calendar_range (SIGAP_CALENDAR_VIEW_MONTH, date, &from, &to);
      g_assert_true (g_date_time_equal (from, expected));
      assert_datetime (to, 2026, 4, 6, 0, 0, 7);
    }
}

static void
test_week_boundaries (void)
{
  g_autoptr(GDateTime) sunday_night = make (wib, 2025, 7, 20, 23, 59);
  g_autoptr(GDateTime) monday_midnight = make (wib, 2025, 7, 21, 0, 0);
  g_autoptr(GDateTime) monday_noon = make (wib, 2025, 7, 14, 12, 0);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) year_end = make (wit, 2025, 12, 31, 10, 0);

  /* Sunday ends the week that began on Monday the 14th. */
  start = sigap_calendar_week_start (sunday_night);
  assert_datetime (start, 2025, 7, 14, 0, 0, 7);
  g_clear_pointer (&start, g_date_time_unref);

  start = sigap_calendar_week_start (monday_noon);
  assert_datetime (start, 2025, 7, 14, 0, 0, 7);
  g_clear_pointer (&start, g_date_time_unref);

  /* Monday 00:00 starts a new one. */
  start = sigap_calendar_week_start (monday_midnight);
  assert_datetime (start, 2025, 7, 21, 0, 0, 7);
  g_clear_pointer (&start, g_date_time_unref);

  sigap_calendar_range (SIGAP_CALENDAR_VIEW_WEEK, sunday_night, &from, &to);
  assert_datetime (from, 2025, 7, 14, 0, 0, 7);
  assert_datetime (to, 2025, 7, 21, 0, 0, 7);
  g_assert_true (g_date_time_equal (to, monday_midnight));
  g_assert_cmpint (g_date_time_compare (sunday_night, to), <, 0);
  g_clear_pointer (&from, g_date_time_unref);
  g_clear_pointer (&to, g_date_time_unref);

  /* A week across the year end. */
  sigap_calendar_range (SIGAP_CALENDAR_VIEW_WEEK, year_end, &from, &to);
  assert_datetime (from, 2025, 12, 29, 0, 0, 9);
  assert_datetime (to, 2026, 1, 5, 0, 0, 9);
  g_clear_pointer (&from, g_date_time_unref);
  g_clear_pointer (&to, g_date_time_unref);

  /* Only one of the out arguments. */
  sigap_calendar_range (SIGAP_CALENDAR_VIEW_WEEK, year_end, NULL, &to);
  assert_datetime (to, 2026, 1, 5, 0, 0, 9);
  sigap_calendar_range (SIGAP_CALENDAR_VIEW_WEEK, year_end, &from, NULL);
  assert_datetime (from, 2025, 12, 29, 0, 0, 9);
}

static void
test_day_start (void)
{
  g_autoptr(GDateTime) late = make (wita, 2024, 2, 29, 23, 59);
  g_autoptr(GDateTime) start = sigap_calendar_day_start (late);
  g_autoptr(GDateTime) midnight = make (wit, 2025, 1, 1, 0, 0);
  g_autoptr(GDateTime) same = sigap_calendar_day_start (midnight);

  assert_datetime (start, 2024, 2, 29, 0, 0, 8);
  g_assert_true (g_date_time_equal (same, midnight));
}

static void
test_agenda_range (void)
{
  g_autoptr(GDateTime) date = make (wib, 2025, 12, 20, 16, 30);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  g_assert_cmpint (SIGAP_CALENDAR_AGENDA_DAYS, ==, 15);

  sigap_calendar_range (SIGAP_CALENDAR_VIEW_AGENDA, date, &from, &to);
  assert_datetime (from, 2025, 12, 20, 0, 0, 7);
  assert_datetime (to, 2026, 1, 4, 0, 0, 7);
}

static void
test_year_end_zones (void)
{
  /* 2025-12-31 15:30 UTC: 22.30 WIB and 23.30 WITA on the 31st, but
   * already 00.30 WIT on 1 January 2026. */
  gint64 instant = 1767195000;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) in_wib = g_date_time_to_timezone (utc, wib);
  g_autoptr(GDateTime) in_wita = g_date_time_to_timezone (utc, wita);
  g_autoptr(GDateTime) in_wit = g_date_time_to_timezone (utc, wit);
  g_autofree char *key_utc = sigap_calendar_day_key (utc);
  g_autofree char *key_wib = sigap_calendar_day_key (in_wib);
  g_autofree char *key_wita = sigap_calendar_day_key (in_wita);
  g_autofree char *key_wit = sigap_calendar_day_key (in_wit);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) day = NULL;

  g_assert_cmpstr (key_utc, ==, "2025-12-31");
  g_assert_cmpstr (key_wib, ==, "2025-12-31");
  g_assert_cmpstr (key_wita, ==, "2025-12-31");
  g_assert_cmpstr (key_wit, ==, "2026-01-01");

  /* The month shown is that of the zone's day. */
  sigap_calendar_range (SIGAP_CALENDAR_VIEW_MONTH, in_wit, &from, &to);
  assert_datetime (from, 2025, 12, 29, 0, 0, 9);
  assert_datetime (to, 2026, 2, 2, 0, 0, 9);
  g_clear_pointer (&from, g_date_time_unref);
  g_clear_pointer (&to, g_date_time_unref);

  sigap_calendar_range (SIGAP_CALENDAR_VIEW_MONTH, in_wita, &from, &to);
  assert_datetime (from, 2025, 12, 1, 0, 0, 8);
  assert_datetime (to, 2026, 1, 5, 0, 0, 8);
  g_clear_pointer (&from, g_date_time_unref);
  g_clear_pointer (&to, g_date_time_unref);

  sigap_calendar_range (SIGAP_CALENDAR_VIEW_MONTH, in_wib, &from, &to);
  assert_datetime (from, 2025, 12, 1, 0, 0, 7);
  g_clear_pointer (&from, g_date_time_unref);
  g_clear_pointer (&to, g_date_time_unref);

  /* The day in WIT started at 15:00 UTC on the 31st. */
  day = sigap_calendar_day_start (in_wit);
  assert_datetime (day, 2026, 1, 1, 0, 0, 9);
  g_assert_cmpint (g_date_time_to_unix (day), ==, 1767225600 - 9 * HOUR);
  g_clear_pointer (&day, g_date_time_unref);

  day = sigap_calendar_day_start (in_wib);
  g_assert_cmpint (g_date_time_to_unix (day), ==, 1767225600 - DAY - 7 * HOUR);
  g_clear_pointer (&day, g_date_time_unref);

  /* Agenda from the last day of the year runs into the next. */
  sigap_calendar_range (SIGAP_CALENDAR_VIEW_AGENDA, in_wita, &from, &to);
  assert_datetime (from, 2025, 12, 31, 0, 0, 8);
  assert_datetime (to, 2026, 1, 15, 0, 0, 8);
}

static void
test_step (void)
{
  static const struct
  {
    SigapCalendarView view;
    int from[3];
    int direction;
    int to[3];
  } steps[] = {
    { SIGAP_CALENDAR_VIEW_MONTH, { 2025, 1, 31 }, 1, { 2025, 2, 28 } },
    { SIGAP_CALENDAR_VIEW_MONTH, { 2024, 1, 31 }, 1, { 2024, 2, 29 } },
    { SIGAP_CALENDAR_VIEW_MONTH, { 2025, 3, 31 }, -1, { 2025, 2, 28 } },
    { SIGAP_CALENDAR_VIEW_MONTH, { 2024, 3, 30 }, -1, { 2024, 2, 29 } },
    { SIGAP_CALENDAR_VIEW_MONTH, { 2025, 5, 31 }, 1, { 2025, 6, 30 } },
    { SIGAP_CALENDAR_VIEW_MONTH, { 2025, 4, 30 }, 1, { 2025, 5, 30 } },
    { SIGAP_CALENDAR_VIEW_MONTH, { 2025, 12, 31 }, 1, { 2026, 1, 31 } },
    { SIGAP_CALENDAR_VIEW_MONTH, { 2026, 1, 15 }, -1, { 2025, 12, 15 } },
    { SIGAP_CALENDAR_VIEW_MONTH, { 2025, 11, 30 }, 2, { 2026, 1, 30 } },
    { SIGAP_CALENDAR_VIEW_MONTH, { 2025, 8, 1 }, 0, { 2025, 8, 1 } },
    { SIGAP_CALENDAR_VIEW_WEEK, { 2025, 12, 29 }, 1, { 2026, 1, 5 } },
    { SIGAP_CALENDAR_VIEW_WEEK, { 2026, 1, 2 }, -1, { 2025, 12, 26 } },
    { SIGAP_CALENDAR_VIEW_WEEK, { 2024, 2, 26 }, 1, { 2024, 3, 4 } },
    { SIGAP_CALENDAR_VIEW_WEEK, { 2025, 2, 26 }, 1, { 2025, 3, 5 } },
    { SIGAP_CALENDAR_VIEW_AGENDA, { 2025, 12, 20 }, 1, { 2026, 1, 4 } },
    { SIGAP_CALENDAR_VIEW_AGENDA, { 2025, 12, 20 }, -1, { 2025, 12, 5 } },
    { SIGAP_CALENDAR_VIEW_AGENDA, { 2024, 2, 20 }, 1, { 2024, 3, 6 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GDateTime) date = make (wita, steps[i].from[0], steps[i].from[1],
                                        steps[i].from[2], 21, 15);
      g_autoptr(GDateTime) stepped = sigap_calendar_step (steps[i].view, date,
                                                          steps[i].direction);

      g_test_message ("step %u", i);
      assert_datetime (stepped, steps[i].to[0], steps[i].to[1], steps[i].to[2], 21, 15, 8);
    }
}

static void
test_step_back_and_forth (void)
{
  /* Forward then back lands in the month it started from, every month. */
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) date = make (wib, 2025, month, 15, 9, 0);
      g_autoptr(GDateTime) next = sigap_calendar_step (SIGAP_CALENDAR_VIEW_MONTH, date, 1);
      g_autoptr(GDateTime) back = sigap_calendar_step (SIGAP_CALENDAR_VIEW_MONTH, next, -1);

      g_assert_cmpint (g_date_time_get_month (next), ==, month % 12 + 1);
      g_assert_true (g_date_time_equal (back, date));
    }
}

static void
test_day_keys (void)
{
  static const char * const good[] = {
    "2025-07-17", "2024-02-29", "2026-01-01", "2025-12-31", "0001-01-01", "9999-12-31",
  };
  static const char * const bad[] = {
    "", "2025-02-29", "2023-02-29", "2025-13-01", "2025-00-10", "2025-01-00",
    "2025-04-31", "2025-1-01", "2025-01-1", "2025/01/01", "2025-01-01x",
    " 2025-01-01", "2025-01-01 ", "0000-01-01", "abcd-ef-gh", "+025-01-01",
    "2025-+1-01", "20250101", "2025-01-01T00:00", "2025-١٢-01", "2025_01-01",
    "2025-01_01", "2025-01-01\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GDateTime) day = sigap_calendar_parse_day_key (good[i], wit);
      g_autofree char *key = NULL;

      g_assert_nonnull (day);
      g_assert_cmpint (g_date_time_get_utc_offset (day), ==, 9 * G_TIME_SPAN_HOUR);
      g_assert_cmpint (g_date_time_get_hour (day), ==, 0);
      g_assert_cmpint (g_date_time_get_minute (day), ==, 0);
      key = sigap_calendar_day_key (day);
      g_assert_cmpstr (key, ==, good[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GDateTime) day = sigap_calendar_parse_day_key (bad[i], wib);

      g_test_message ("bad key “%s”", bad[i]);
      g_assert_null (day);
    }

  g_assert_null (sigap_calendar_parse_day_key (NULL, wib));

  /* The key is the day in the date's own zone, at any time of it. */
  {
    g_autoptr(GDateTime) late = make (wib, 2025, 3, 9, 23, 59);
    g_autoptr(GDateTime) parsed = NULL;
    g_autofree char *key = sigap_calendar_day_key (late);

    g_assert_cmpstr (key, ==, "2025-03-09");
    parsed = sigap_calendar_parse_day_key (key, wib);
    assert_datetime (parsed, 2025, 3, 9, 0, 0, 7);
  }
}

static GPtrArray *
gap_keys (GPtrArray *gaps)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < gaps->len; i++)
    g_ptr_array_add (keys, sigap_calendar_day_key (g_ptr_array_index (gaps, i)));
  g_ptr_array_add (keys, NULL);

  return keys;
}

static void
assert_keys (GPtrArray          *gaps,
             const char * const *expected)
{
  g_autoptr(GPtrArray) keys = gap_keys (gaps);
  g_autofree char *got = g_strjoinv (" ", (char **) keys->pdata);
  g_autofree char *want = g_strjoinv (" ", (char **) expected);

  g_assert_cmpstr (got, ==, want);
}

static void
test_gap_days (void)
{
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GDateTime) today = make (wib, 2025, 7, 14, 10, 0);
  static const char * const expected[] = {
    "2025-07-16", "2025-07-17", "2025-07-18", "2025-07-19", "2025-07-20",
    "2025-07-22", "2025-07-25", "2025-07-26", "2025-07-27", NULL,
  };

  /* Out of order on purpose. Busy: the 14th from its first second (before
   * "now", but today), the 15th to its last, the 21st at 00.30 WIB (still
   * the 20th in UTC). */
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_SCHEDULED,
                                     unix_at (wib, 2025, 7, 21, 0, 30, 0)));
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_PUBLISHED,
                                     unix_at (wib, 2025, 7, 15, 23, 59, 59)));
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_SCHEDULED,
                                     unix_at (wib, 2025, 7, 14, 0, 0, 0)));
  /* Not filling a day: other statuses. */
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_DRAFT,
                                     unix_at (wib, 2025, 7, 16, 9, 0, 0)));
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_REVIEW,
                                     unix_at (wib, 2025, 7, 17, 9, 0, 0)));
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_CANCELLED,
                                     unix_at (wib, 2025, 7, 18, 9, 0, 0)));
  /* Just outside the 14 days, on both sides. */
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_SCHEDULED,
                                     unix_at (wib, 2025, 7, 13, 23, 59, 59)));
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_SCHEDULED,
                                     unix_at (wib, 2025, 7, 28, 0, 0, 0)));
  /* Midnight starts a day: the 23rd, not the 22nd. */
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_SCHEDULED,
                                     unix_at (wib, 2025, 7, 23, 0, 0, 0)));
  /* The last second of the 24th fills the 24th, not the 25th. */
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_PUBLISHED,
                                     unix_at (wib, 2025, 7, 25, 0, 0, 0) - 1));

  gaps = sigap_calendar_gap_days (posts, today, SIGAP_CALENDAR_GAP_DAYS);
  g_assert_cmpuint (gaps->len, ==, 9);
  assert_keys (gaps, expected);

  for (guint i = 0; i < gaps->len; i++)
    {
      GDateTime *day = g_ptr_array_index (gaps, i);

      g_assert_cmpint (g_date_time_get_hour (day), ==, 0);
      g_assert_cmpint (g_date_time_get_minute (day), ==, 0);
      g_assert_cmpint (g_date_time_get_utc_offset (day), ==, 7 * G_TIME_SPAN_HOUR);
    }
}

static void
test_gap_days_statuses (void)
{
  g_autoptr(GDateTime) today = make (wita, 2025, 2, 27, 8, 0);
  gint64 noon = unix_at (wita, 2025, 2, 28, 12, 0, 0);
  static const struct
  {
    SigapPostStatus status;
    gboolean fills;
  } statuses[] = {
    { SIGAP_POST_STATUS_DRAFT, FALSE },
    { SIGAP_POST_STATUS_REVIEW, FALSE },
    { SIGAP_POST_STATUS_SCHEDULED, TRUE },
    { SIGAP_POST_STATUS_PUBLISHED, TRUE },
    { SIGAP_POST_STATUS_CANCELLED, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) gaps = NULL;
      static const char * const all[] = { "2025-02-27", "2025-02-28", "2025-03-01", NULL };
      static const char * const filled[] = { "2025-02-27", "2025-03-01", NULL };

      g_ptr_array_add (posts, make_post (statuses[i].status, noon));
      gaps = sigap_calendar_gap_days (posts, today, 3);
      assert_keys (gaps, statuses[i].fills ? filled : all);
    }
}

static void
test_gap_days_zones (void)
{
  /* 20 July 23.30 WIB is 21 July 01.30 WIT: the same post fills a
   * different day in each zone. */
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) today_wib = make (wib, 2025, 7, 20, 6, 0);
  g_autoptr(GDateTime) today_wit = make (wit, 2025, 7, 20, 6, 0);
  g_autoptr(GPtrArray) gaps_wib = NULL;
  g_autoptr(GPtrArray) gaps_wit = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GPtrArray) all = NULL;
  static const char * const expected_wib[] = { "2025-07-21", NULL };
  static const char * const expected_wit[] = { "2025-07-20", NULL };
  static const char * const year_end[] = {
    "2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02", NULL,
  };
  g_autoptr(GDateTime) december = make (wit, 2025, 12, 30, 23, 59);

  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_SCHEDULED,
                                     unix_at (wib, 2025, 7, 20, 23, 30, 0)));

  gaps_wib = sigap_calendar_gap_days (posts, today_wib, 2);
  gaps_wit = sigap_calendar_gap_days (posts, today_wit, 2);
  assert_keys (gaps_wib, expected_wib);
  assert_keys (gaps_wit, expected_wit);
  g_assert_cmpint (g_date_time_get_utc_offset (g_ptr_array_index (gaps_wit, 0)), ==,
                   9 * G_TIME_SPAN_HOUR);

  none = sigap_calendar_gap_days (posts, today_wib, 0);
  g_assert_cmpuint (none->len, ==, 0);

  all = sigap_calendar_gap_days (empty, december, 4);
  assert_keys (all, year_end);
  g_clear_pointer (&all, g_ptr_array_unref);

  all = sigap_calendar_gap_days (NULL, december, 4);
  assert_keys (all, year_end);
}

static void
test_move (void)
{
  gint64 evening = unix_at (wib, 2025, 7, 31, 23, 0, 0);
  gint64 moved;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_assert_cmpint (evening, ==, 1753977600);

  /* A day later, the same wall-clock time, into August. */
  moved = sigap_calendar_move (evening, wib, 1, 0);
  g_assert_cmpint (moved, ==, unix_at (wib, 2025, 8, 1, 23, 0, 0));

  /* Two hours later crosses midnight and the month. */
  moved = sigap_calendar_move (evening, wib, 0, 2);
  g_assert_cmpint (moved, ==, unix_at (wib, 2025, 8, 1, 1, 0, 0));

  /* And back. */
  g_assert_cmpint (sigap_calendar_move (moved, wib, 0, -2), ==, evening);
  g_assert_cmpint (sigap_calendar_move (evening, wib, 0, 0), ==, evening);

  /* Back a day from 1 March: 28 February, or 29 in a leap year. */
  moved = sigap_calendar_move (unix_at (wita, 2025, 3, 1, 9, 0, 0), wita, -1, 0);
  g_assert_cmpint (moved, ==, unix_at (wita, 2025, 2, 28, 9, 0, 0));
  moved = sigap_calendar_move (unix_at (wita, 2024, 3, 1, 9, 0, 0), wita, -1, 0);
  g_assert_cmpint (moved, ==, unix_at (wita, 2024, 2, 29, 9, 0, 0));

  /* Across the year end in WIT, days and hours together. */
  moved = sigap_calendar_move (unix_at (wit, 2025, 12, 31, 22, 0, 0), wit, 1, 3);
  utc = g_date_time_new_from_unix_utc (moved);
  local = g_date_time_to_timezone (utc, wit);
  assert_datetime (local, 2026, 1, 2, 1, 0, 9);

  /* A week ahead is 7 × 24 h in a zone without daylight saving. */
  g_assert_cmpint (sigap_calendar_move (evening, wit, 7, 0) - evening, ==, 7 * DAY);
  g_assert_cmpint (sigap_calendar_move (evening, wit, -3, -5) - evening, ==,
                   -3 * DAY - 5 * HOUR);
}

static void
test_move_keeps_wall_clock (void)
{
  /* The OPD zones have no daylight saving; a zone that has shows that a
   * day is a calendar day, not 24 hours. Berlin went to summer time on
   * 30 March 2025. */
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  gint64 before;
  gint64 moved;

  if (berlin == NULL)
    {
      g_test_skip ("no tzdata for Europe/Berlin");
      return;
    }

  before = unix_at (berlin, 2025, 3, 29, 9, 0, 0);
  g_assert_cmpint (before, ==, 1743235200);
  moved = sigap_calendar_move (before, berlin, 1, 0);
  g_assert_cmpint (moved, ==, unix_at (berlin, 2025, 3, 30, 9, 0, 0));
  g_assert_cmpint (moved - before, ==, 23 * HOUR);
}

static void
test_can_move (void)
{
  static const struct
  {
    SigapPostStatus status;
    gboolean can_move;
  } statuses[] = {
    { SIGAP_POST_STATUS_DRAFT, TRUE },
    { SIGAP_POST_STATUS_REVIEW, TRUE },
    { SIGAP_POST_STATUS_SCHEDULED, TRUE },
    { SIGAP_POST_STATUS_PUBLISHED, FALSE },
    { SIGAP_POST_STATUS_CANCELLED, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(SigapPost) post = make_post (statuses[i].status, 1753977600);

      g_assert_cmpint (sigap_calendar_can_move (post), ==, statuses[i].can_move);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  wib = g_time_zone_new_identifier ("+07:00");
  wita = g_time_zone_new_identifier ("+08:00");
  wit = g_time_zone_new_offset (9 * 3600);
  g_assert_nonnull (wib);
  g_assert_nonnull (wita);

  g_test_add_func ("/calendar/zones", test_zones);
  g_test_add_func ("/calendar/month-grid", test_month_grid);
  g_test_add_func ("/calendar/month-range-every-day", test_month_range_every_day);
  g_test_add_func ("/calendar/week-boundaries", test_week_boundaries);
  g_test_add_func ("/calendar/day-start", test_day_start);
  g_test_add_func ("/calendar/agenda-range", test_agenda_range);
  g_test_add_func ("/calendar/year-end-zones", test_year_end_zones);
  g_test_add_func ("/calendar/step", test_step);
  g_test_add_func ("/calendar/step-back-and-forth", test_step_back_and_forth);
  g_test_add_func ("/calendar/day-keys", test_day_keys);
  g_test_add_func ("/calendar/gap-days", test_gap_days);
  g_test_add_func ("/calendar/gap-days-statuses", test_gap_days_statuses);
  g_test_add_func ("/calendar/gap-days-zones", test_gap_days_zones);
  g_test_add_func ("/calendar/move", test_move);
  g_test_add_func ("/calendar/move-keeps-wall-clock", test_move_keeps_wall_clock);
  g_test_add_func ("/calendar/can-move", test_can_move);

  ret = g_test_run ();

  g_time_zone_unref (wib);
  g_time_zone_unref (wita);
  g_time_zone_unref (wit);

  return ret;
}
