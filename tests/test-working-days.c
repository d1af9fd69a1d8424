/* test-working-days.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sigap-core.h"

/*
 * The expected deadlines were worked out by hand from the 2025 and 2026
 * calendars in data/holidays/ (SKB 3 Menteri), counting on a paper
 * calendar: each case says which days it skips.
 */

static SigapWorkingDays *calendar;      /* 2025 and 2026 */
static SigapWorkingDays *calendar_2025; /* 2025 only */
static GTimeZone *wib;
static GTimeZone *wita;
static GTimeZone *wit;

static gint64
at (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);

  return g_date_time_to_unix (time);
}

static GDate *
day (int year,
     int month,
     int mday)
{
  return g_date_new_dmy ((GDateDay) mday, (GDateMonth) month, (GDateYear) year);
}

static void
assert_is_working (SigapWorkingDays *self,
                   int               year,
                   int               month,
                   int               mday,
                   gboolean          expected)
{
  GDate *date = day (year, month, mday);

  if (sigap_working_days_is_working_day (self, date) != expected)
    g_error ("%04d-%02d-%02d should %sbe a working day", year, month, mday,
             expected ? "" : "not ");

  g_date_free (date);
}

static void
assert_add (SigapWorkingDays *self,
            const char       *from,
            guint             n,
            GTimeZone        *zone,
            const char       *expected,
            gboolean          expected_known)
{
  gboolean known = !expected_known;
  gint64 due = sigap_working_days_add (self, at (from), n, zone, &known);

  if (due != at (expected))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (due);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
      g_autofree char *got = g_date_time_format_iso8601 (local);

      g_error ("%s + %u working days: expected %s, got %s", from, n, expected, got);
    }

  g_assert_cmpint (known, ==, expected_known);
}

static void
assert_between (SigapWorkingDays *self,
                const char       *now,
                const char       *due,
                GTimeZone        *zone,
                int               expected)
{
  int left = sigap_working_days_between (self, at (now), at (due), zone, NULL);

  if (left != expected)
    g_error ("from %s to %s: expected %d working days, got %d", now, due, expected, left);
}

/* The calendar {{{ */

static void
test_load (void)
{
  g_autoptr(GDate) date = NULL;
  SigapHolidayKind kind = SIGAP_HOLIDAY_KIND_CUTI_BERSAMA;
  const char *name = NULL;

  g_assert_true (sigap_working_days_has_year (calendar, 2025));
  g_assert_true (sigap_working_days_has_year (calendar, 2026));
  g_assert_false (sigap_working_days_has_year (calendar, 2024));
  g_assert_false (sigap_working_days_has_year (calendar, 2027));
  g_assert_false (sigap_working_days_has_year (calendar_2025, 2026));
  g_assert_false (sigap_working_days_has_year (NULL, 2025));

  /* A national holiday on a weekday. */
  date = day (2025, 3, 31);
  g_assert_true (sigap_working_days_get_holiday (calendar, date, &kind, &name));
  g_assert_cmpint (kind, ==, SIGAP_HOLIDAY_KIND_LIBUR_NASIONAL);
  g_assert_cmpstr (name, ==, "Idulfitri 1446 Hijriah");
  assert_is_working (calendar, 2025, 3, 31, FALSE);
  g_clear_pointer (&date, g_date_free);

  /* Cuti bersama is a day off too. */
  date = day (2025, 8, 18);
  g_assert_true (sigap_working_days_get_holiday (calendar, date, &kind, &name));
  g_assert_cmpint (kind, ==, SIGAP_HOLIDAY_KIND_CUTI_BERSAMA);
  g_assert_cmpstr (name, ==,
                   "Cuti bersama Hari Ulang Tahun ke-80 Kemerdekaan Republik Indonesia");
  assert_is_working (calendar, 2025, 8, 18, FALSE);
  g_clear_pointer (&date, g_date_free);

  /* A holiday on a Sunday is a holiday, and not a working day anyway. */
  date = day (2025, 8, 17);
  g_assert_true (sigap_working_days_get_holiday (calendar, date, &kind, NULL));
  g_assert_cmpint (kind, ==, SIGAP_HOLIDAY_KIND_LIBUR_NASIONAL);
  assert_is_working (calendar, 2025, 8, 17, FALSE);
  g_clear_pointer (&date, g_date_free);

  /* An ordinary Tuesday, Saturday and Sunday. */
  date = day (2025, 8, 19);
  g_assert_false (sigap_working_days_get_holiday (calendar, date, NULL, NULL));
  assert_is_working (calendar, 2025, 8, 19, TRUE);
  assert_is_working (calendar, 2025, 7, 19, FALSE);
  assert_is_working (calendar, 2025, 7, 20, FALSE);

  /* Without a calendar, only weekends are days off. */
  assert_is_working (NULL, 2025, 3, 31, TRUE);
  assert_is_working (NULL, 2025, 8, 18, TRUE);
  assert_is_working (NULL, 2025, 8, 16, FALSE);

  /* 2026's New Year only counts once 2026 is known. */
  assert_is_working (calendar, 2026, 1, 1, FALSE);
  assert_is_working (calendar_2025, 2026, 1, 1, TRUE);
  assert_is_working (calendar, 2026, 3, 23, FALSE);   /* cuti bersama Idulfitri */
  assert_is_working (calendar, 2026, 12, 24, FALSE);  /* cuti bersama Natal */
}

static void
test_year_totals (void)
{
  gboolean known = FALSE;

  /* 2025: 261 weekdays (it starts on a Wednesday), 28 days off of which
   * 4 on a weekend (29 March, 20 April, 1 June, 17 August): 237. */
  g_assert_cmpint (sigap_working_days_between (calendar, at ("2024-12-31T12:00:00+07:00"),
                                               at ("2025-12-31T23:59:59+07:00"), wib, &known),
                   ==, 237);
  g_assert_true (known);

  /* 2026: 261 weekdays (it starts on a Thursday), 25 days off of which 4
   * on a weekend (21 and 22 March, 5 April, 31 May): 240. */
  g_assert_cmpint (sigap_working_days_between (calendar, at ("2025-12-31T12:00:00+07:00"),
                                               at ("2026-12-31T23:59:59+07:00"), wib, &known),
                   ==, 240);
  g_assert_true (known);

  /* Weekends only: 261. */
  g_assert_cmpint (sigap_working_days_between (NULL, at ("2024-12-31T12:00:00+07:00"),
                                               at ("2025-12-31T23:59:59+07:00"), wib, &known),
                   ==, 261);
  g_assert_false (known);
}

/* }}} */

/* Adding working days {{{ */

static void
test_add_weekends (void)
{
  /* The day of arrival is day 0; the deadline is the end of day n. */
  assert_add (calendar, "2025-07-14T10:00:00+07:00", 3, wib,      /* Mon → Thu */
              "2025-07-17T23:59:59+07:00", TRUE);
  assert_add (calendar, "2025-07-16T09:30:00+07:00", 3, wib,      /* Wed → Mon */
              "2025-07-21T23:59:59+07:00", TRUE);
  assert_add (calendar, "2025-07-18T16:00:00+07:00", 3, wib,      /* Fri → Wed */
              "2025-07-23T23:59:59+07:00", TRUE);
  /* Arriving on a weekend: Monday is day 1. */
  assert_add (calendar, "2025-07-19T08:00:00+07:00", 3, wib,      /* Sat → Wed */
              "2025-07-23T23:59:59+07:00", TRUE);
  assert_add (calendar, "2025-07-20T23:30:00+07:00", 3, wib,      /* Sun → Wed */
              "2025-07-23T23:59:59+07:00", TRUE);
  /* A minute into Monday is still Monday: day 0. */
  assert_add (calendar, "2025-07-21T00:01:00+07:00", 3, wib,      /* Mon → Thu */
              "2025-07-24T23:59:59+07:00", TRUE);
  assert_add (calendar, "2025-07-14T10:00:00+07:00", 1, wib,      /* Mon → Tue */
              "2025-07-15T23:59:59+07:00", TRUE);
  assert_add (calendar, "2025-07-14T10:00:00+07:00", 5, wib,      /* Mon → Mon */
              "2025-07-21T23:59:59+07:00", TRUE);
}

static void
test_add_holidays (void)
{
  /* Idulfitri 2025: Fri 28 March cuti bersama, Mon 31 March and Tue 1
   * April holidays, Wed 2 to Fri 4 and Mon 7 April cuti bersama: from
   * Thursday 27 March, days 1 to 3 are 8, 9 and 10 April. */
  assert_add (calendar, "2025-03-27T09:00:00+07:00", 3, wib,
              "2025-04-10T23:59:59+07:00", TRUE);
  /* The same with weekends only: Fri 28, Mon 31, Tue 1. */
  assert_add (NULL, "2025-03-27T09:00:00+07:00", 3, wib,
              "2025-04-01T23:59:59+07:00", FALSE);

  /* Arriving on a holiday: 31 March (Monday), day 1 is 8 April. */
  assert_add (calendar, "2025-03-31T11:00:00+07:00", 1, wib,
              "2025-04-08T23:59:59+07:00", TRUE);

  /* Cuti bersama alone: Monday 18 August 2025 (the 80th anniversary of
   * independence; the holiday itself is on Sunday). */
  assert_add (calendar, "2025-08-15T14:00:00+07:00", 1, wib,      /* Fri → Tue */
              "2025-08-19T23:59:59+07:00", TRUE);

  /* Imlek 2025: Mon 27 (Isra Mikraj), Tue 28 (cuti bersama), Wed 29
   * January (Imlek) off: from Friday 24, Thu 30 and Fri 31 January. */
  assert_add (calendar, "2025-01-24T15:00:00+07:00", 2, wib,
              "2025-01-31T23:59:59+07:00", TRUE);

  /* Idulfitri 2026: Wed 18 to Tue 24 March off (cuti bersama, Nyepi,
   * Idulfitri on the weekend): from Tue 17 March, Wed 25 is day 1. */
  assert_add (calendar, "2026-03-17T10:00:00+07:00", 1, wib,
              "2026-03-25T23:59:59+07:00", TRUE);

  /* 14 and 60 working days from Monday 14 July 2025: the first has no
   * holiday; the second skips 18 August and 5 September: 8 October. */
  assert_add (calendar, "2025-07-14T10:00:00+07:00", 14, wib,
              "2025-08-01T23:59:59+07:00", TRUE);
  assert_add (calendar, "2025-07-14T10:00:00+07:00", 60, wib,
              "2025-10-08T23:59:59+07:00", TRUE);
}

static void
test_add_year_end (void)
{
  /* Tue 30 Dec 2025: Wed 31 (1), Thu 1 Jan 2026 New Year (off), Fri 2
   * (2), Mon 5 (3), Tue 6 (4), Wed 7 (5). */
  assert_add (calendar, "2025-12-30T10:00:00+07:00", 3, wib,
              "2026-01-05T23:59:59+07:00", TRUE);
  assert_add (calendar, "2025-12-30T10:00:00+07:00", 5, wib,
              "2026-01-07T23:59:59+07:00", TRUE);

  /* Without 2026's calendar, 1 January counts, and the caller is told. */
  assert_add (calendar_2025, "2025-12-30T10:00:00+07:00", 3, wib,
              "2026-01-02T23:59:59+07:00", FALSE);

  /* Christmas 2025: Thu 25 holiday, Fri 26 cuti bersama; from Wed 24,
   * Mon 29 (1), Tue 30 (2), Wed 31 (3): all in 2025. */
  assert_add (calendar_2025, "2025-12-24T10:00:00+07:00", 3, wib,
              "2025-12-31T23:59:59+07:00", TRUE);
  /* The fourth is Fri 2 January 2026 (after New Year). */
  assert_add (calendar, "2025-12-24T10:00:00+07:00", 4, wib,
              "2026-01-02T23:59:59+07:00", TRUE);

  /* Christmas 2026: Thu 24 cuti bersama, Fri 25 holiday; from Wed 23,
   * Mon 28 (1), Tue 29 (2), Wed 30 (3). */
  assert_add (calendar, "2026-12-23T10:00:00+07:00", 3, wib,
              "2026-12-30T23:59:59+07:00", TRUE);
}

static void
test_add_zones (void)
{
  /* 16:30 UTC on Thursday 17 July 2025 is 23:30 Thursday in WIB but
   * 00:30 and 01:30 Friday in WITA and WIT: day 0 differs. */
  const char *instant = "2025-07-17T16:30:00Z";

  assert_add (calendar, instant, 1, wib, "2025-07-18T23:59:59+07:00", TRUE);
  assert_add (calendar, instant, 1, wita, "2025-07-21T23:59:59+08:00", TRUE);
  assert_add (calendar, instant, 1, wit, "2025-07-21T23:59:59+09:00", TRUE);

  /* The deadline is 23:59:59 in the OPD's zone: 16:59:59 UTC in WIB,
   * 14:59:59 UTC in WIT. */
  g_assert_cmpint (sigap_working_days_add (calendar, at (instant), 1, wib, NULL), ==,
                   at ("2025-07-18T16:59:59Z"));
  g_assert_cmpint (sigap_working_days_add (calendar, at (instant), 1, wit, NULL), ==,
                   at ("2025-07-21T14:59:59Z"));

  /* New Year's Eve at 23:30 WIB is already 1 January, a holiday, in
   * WIT: day 0 differs, but both skip the holiday and land on Friday 2
   * January, then Monday 5. */
  assert_add (calendar, "2025-12-31T16:30:00Z", 1, wib, "2026-01-02T23:59:59+07:00", TRUE);
  assert_add (calendar, "2025-12-31T16:30:00Z", 1, wit, "2026-01-02T23:59:59+09:00", TRUE);
  assert_add (calendar, "2025-12-31T16:30:00Z", 2, wit, "2026-01-05T23:59:59+09:00", TRUE);
}

static void
test_add_zero (void)
{
  /* n = 0: the end of the day itself, or of the next working day. */
  assert_add (calendar, "2025-07-17T10:00:00+07:00", 0, wib,
              "2025-07-17T23:59:59+07:00", TRUE);
  assert_add (calendar, "2025-07-19T10:00:00+07:00", 0, wib,
              "2025-07-21T23:59:59+07:00", TRUE);
  assert_add (calendar, "2025-12-25T10:00:00+07:00", 0, wib,      /* Christmas → Mon 29 */
              "2025-12-29T23:59:59+07:00", TRUE);
}

static void
test_unknown_year (void)
{
  gboolean known = TRUE;
  g_autoptr(GDate) date = day (2027, 1, 1);

  /* Wed 23 Dec 2026: Thu 24 and Fri 25 off, Mon 28 (1) to Thu 31 (4);
   * day 5 falls in 2027, which has no calendar: Friday 1 January counts
   * as a working day, and the caller is told. */
  assert_add (calendar, "2026-12-23T10:00:00+07:00", 4, wib,
              "2026-12-31T23:59:59+07:00", TRUE);
  assert_add (calendar, "2026-12-23T10:00:00+07:00", 5, wib,
              "2027-01-01T23:59:59+07:00", FALSE);

  g_assert_false (sigap_working_days_has_year (calendar, 2027));
  g_assert_true (sigap_working_days_is_working_day (calendar, date));
  g_assert_false (sigap_working_days_get_holiday (calendar, date, NULL, NULL));

  /* The day of arrival never counts, so its year does not matter... */
  {
    g_autoptr(SigapWorkingDays) only_2026 = sigap_working_days_new ();
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "holidays",
                                                   "2026.json", NULL);
    g_autoptr(GError) error = NULL;

    sigap_working_days_load_file (only_2026, path, &error);
    g_assert_no_error (error);
    assert_add (only_2026, "2025-12-31T10:00:00+07:00", 1, wib,
                "2026-01-02T23:59:59+07:00", TRUE);
    /* ...except with n = 0, where it may be the deadline's day. */
    assert_add (only_2026, "2025-12-31T10:00:00+07:00", 0, wib,
                "2025-12-31T23:59:59+07:00", FALSE);
  }

  /* Wholly in 2027: weekends only. */
  assert_add (calendar, "2027-03-05T10:00:00+07:00", 1, wib,      /* Fri → Mon */
              "2027-03-08T23:59:59+07:00", FALSE);

  /* The countdown says so too. */
  g_assert_cmpint (sigap_working_days_between (calendar, at ("2026-12-30T10:00:00+07:00"),
                                               at ("2027-01-04T23:59:59+07:00"), wib, &known),
                   ==, 3);
  g_assert_false (known);
  g_assert_cmpint (sigap_working_days_between (calendar, at ("2026-12-28T10:00:00+07:00"),
                                               at ("2026-12-31T23:59:59+07:00"), wib, &known),
                   ==, 3);
  g_assert_true (known);

  /* Before 1970 or after 9999: no deadline rather than a wrong one. */
  g_assert_cmpint (sigap_working_days_add (calendar, G_MAXINT64, 3, wib, &known), ==, 0);
  g_assert_cmpint (sigap_working_days_add (calendar, at ("9999-12-30T10:00:00+07:00"), 3, wib,
                                           NULL), ==, 0);
  g_assert_cmpint (sigap_working_days_between (calendar, G_MININT64, 0, wib, NULL), ==, 0);
}

/* }}} */

/* Countdown {{{ */

static void
test_between (void)
{
  const char *thursday = "2025-07-17T23:59:59+07:00";
  const char *monday = "2025-07-21T23:59:59+07:00";

  /* Working days after today up to the deadline's day. */
  assert_between (calendar, "2025-07-14T10:00:00+07:00", thursday, wib, 3);
  assert_between (calendar, "2025-07-16T10:00:00+07:00", thursday, wib, 1);
  assert_between (calendar, "2025-07-17T00:00:00+07:00", thursday, wib, 0);
  assert_between (calendar, thursday, thursday, wib, 0);

  /* Late: at least -1, then minus the working days since. */
  assert_between (calendar, "2025-07-18T00:00:00+07:00", thursday, wib, -1);   /* Fri */
  assert_between (calendar, "2025-07-19T12:00:00+07:00", thursday, wib, -1);   /* Sat */
  assert_between (calendar, "2025-07-20T12:00:00+07:00", thursday, wib, -1);   /* Sun */
  assert_between (calendar, "2025-07-21T08:00:00+07:00", thursday, wib, -2);   /* Mon */
  assert_between (calendar, "2025-07-22T08:00:00+07:00", thursday, wib, -3);   /* Tue */
  /* A deadline passed by a second, the same day (one not at the end of
   * a day): -1, never 0. */
  assert_between (calendar, "2025-07-17T10:00:01+07:00", "2025-07-17T10:00:00+07:00", wib, -1);

  /* A Monday deadline over the weekend. */
  assert_between (calendar, "2025-07-17T12:00:00+07:00", monday, wib, 2);     /* Thu */
  assert_between (calendar, "2025-07-18T12:00:00+07:00", monday, wib, 1);     /* Fri */
  assert_between (calendar, "2025-07-19T12:00:00+07:00", monday, wib, 1);     /* Sat */
  assert_between (calendar, "2025-07-21T12:00:00+07:00", monday, wib, 0);     /* Mon */

  /* Holidays: from Thu 27 March 2025 to Thu 10 April only 8, 9 and 10
   * April count. */
  assert_between (calendar, "2025-03-27T09:00:00+07:00", "2025-04-10T23:59:59+07:00", wib, 3);
  assert_between (NULL, "2025-03-27T09:00:00+07:00", "2025-04-10T23:59:59+07:00", wib, 10);

  /* Late over Christmas: a Wednesday 24 December deadline is -1 on
   * Monday 29 (25 and 26 are off), where weekends only say -3. */
  assert_between (calendar, "2025-12-29T10:00:00+07:00", "2025-12-24T23:59:59+07:00", wib, -1);
  assert_between (NULL, "2025-12-29T10:00:00+07:00", "2025-12-24T23:59:59+07:00", wib, -3);

  /* Across the year end: Wed 31, Fri 2, Mon 5. */
  assert_between (calendar, "2025-12-30T10:00:00+07:00", "2026-01-05T23:59:59+07:00", wib, 3);

  /* Zones: Wednesday 23:30 WIB is Thursday 01:30 WIT. */
  assert_between (calendar, "2025-07-16T16:30:00Z", "2025-07-18T14:59:59Z", wib, 2);
  assert_between (calendar, "2025-07-16T16:30:00Z", "2025-07-18T14:59:59Z", wit, 1);
}

/* }}} */

/* Documents {{{ */

static JsonNode *
parse (const char *json)
{
  JsonNode *root = sigap_central_schema_parse (json, strlen (json));

  g_assert_nonnull (root);

  return root;
}

static void
test_documents (void)
{
  g_autoptr(SigapWorkingDays) self = sigap_working_days_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) bad_kind = NULL;
  g_autoptr(JsonNode) bad_date = NULL;
  g_autoptr(JsonNode) no_year = NULL;
  g_autoptr(JsonNode) not_object = NULL;
  g_autoptr(JsonNode) small = NULL;
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(GDate) date = NULL;
  g_autofree char *missing = g_test_build_filename (G_TEST_DIST, "..", "data", "holidays",
                                                    "1999.json", NULL);

  /* A regional holiday is not a kind the documents know. */
  bad_kind = parse ("{\"format\": 1, \"year\": 2025, \"holidays\": [{\"date\": \"2025-07-15\","
                    " \"name\": \"Hari Jadi\", \"kind\": \"libur-daerah\","
                    " \"source\": \"Perda\"}]}");
  g_assert_false (sigap_working_days_add_holidays (self, bad_kind, &error));
  g_assert_error (error, SIGAP_CENTRAL_SCHEMA_ERROR, SIGAP_CENTRAL_SCHEMA_ERROR_INVALID);
  g_clear_error (&error);

  /* A day of another year. */
  bad_date = parse ("{\"format\": 1, \"year\": 2025, \"holidays\": [{\"date\": \"2026-01-01\","
                    " \"name\": \"Tahun Baru\", \"kind\": \"libur-nasional\","
                    " \"source\": \"SKB\"}]}");
  g_assert_false (sigap_working_days_add_holidays (self, bad_date, &error));
  g_assert_error (error, SIGAP_CENTRAL_SCHEMA_ERROR, SIGAP_CENTRAL_SCHEMA_ERROR_INVALID);
  g_clear_error (&error);

  no_year = parse ("{\"format\": 1, \"holidays\": []}");
  g_assert_false (sigap_working_days_add_holidays (self, no_year, &error));
  g_assert_error (error, SIGAP_CENTRAL_SCHEMA_ERROR, SIGAP_CENTRAL_SCHEMA_ERROR_INVALID);
  g_clear_error (&error);

  not_object = parse ("[2025]");
  g_assert_false (sigap_working_days_add_holidays (self, not_object, &error));
  g_assert_error (error, SIGAP_CENTRAL_SCHEMA_ERROR, SIGAP_CENTRAL_SCHEMA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sigap_working_days_load_file (self, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  /* Nothing refused was taken. */
  g_assert_false (sigap_working_days_has_year (self, 2025));

  /* A year with no day off is known all the same. */
  empty = parse ("{\"format\": 1, \"year\": 2030, \"holidays\": []}");
  g_assert_true (sigap_working_days_add_holidays (self, empty, &error));
  g_assert_no_error (error);
  g_assert_true (sigap_working_days_has_year (self, 2030));

  /* A second document for a year replaces the first. */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "holidays",
                                                   "2025.json", NULL);

    g_assert_true (sigap_working_days_load_file (self, path, &error));
    g_assert_no_error (error);
  }
  assert_is_working (self, 2025, 8, 18, FALSE);

  small = parse ("{\"format\": 1, \"year\": 2025, \"holidays\": [{\"date\": \"2025-07-15\","
                 " \"name\": \"Hari Jadi\", \"kind\": \"cuti-bersama\", \"source\": \"Uji\"}]}");
  g_assert_true (sigap_working_days_add_holidays (self, small, &error));
  g_assert_no_error (error);
  assert_is_working (self, 2025, 8, 18, TRUE);
  assert_is_working (self, 2025, 7, 15, FALSE);
  assert_add (self, "2025-07-14T10:00:00+07:00", 1, wib, "2025-07-16T23:59:59+07:00", TRUE);
  date = day (2025, 7, 15);
  g_assert_true (sigap_working_days_get_holiday (self, date, NULL, NULL));

  /* The boxed type copies by reference. */
  {
    SigapWorkingDays *copy = g_boxed_copy (SIGAP_TYPE_WORKING_DAYS, self);

    g_assert_true (copy == self);
    g_boxed_free (SIGAP_TYPE_WORKING_DAYS, copy);
  }
}

static void
test_from_documents (void)
{
  g_autofree char *data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("sigap-working-days-XXXXXX", NULL);
  g_autoptr(SigapCentralDocuments) documents = NULL;
  g_autoptr(SigapWorkingDays) self = NULL;

  /* The shipped copies, as the desktop finds them. */
  g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);
  documents = sigap_central_documents_new (tmp, 2025);
  self = sigap_working_days_new_from_documents (documents, 2024, 2027);

  g_assert_false (sigap_working_days_has_year (self, 2024));
  g_assert_true (sigap_working_days_has_year (self, 2025));
  g_assert_true (sigap_working_days_has_year (self, 2026));
  g_assert_false (sigap_working_days_has_year (self, 2027));
  assert_add (self, "2025-12-30T10:00:00+07:00", 3, wib, "2026-01-05T23:59:59+07:00", TRUE);

  g_rmdir (tmp);
}

/* }}} */

/* Service levels {{{ */

static void
test_sla_table (void)
{
  SigapSlaSettings settings;

  /* The defaults. */
  g_assert_cmpuint (sigap_sla_days (NULL, SIGAP_SLA_STEP_VERIFICATION,
                                    SIGAP_COMPLAINT_KIND_COMPLAINT, FALSE), ==, 3);
  g_assert_cmpuint (sigap_sla_days (NULL, SIGAP_SLA_STEP_VERIFICATION,
                                    SIGAP_COMPLAINT_KIND_INFORMATION, TRUE), ==, 3);
  g_assert_cmpuint (sigap_sla_days (NULL, SIGAP_SLA_STEP_ANSWER,
                                    SIGAP_COMPLAINT_KIND_INFORMATION, FALSE), ==, 5);
  g_assert_cmpuint (sigap_sla_days (NULL, SIGAP_SLA_STEP_ANSWER,
                                    SIGAP_COMPLAINT_KIND_COMPLAINT, FALSE), ==, 5);
  g_assert_cmpuint (sigap_sla_days (NULL, SIGAP_SLA_STEP_ANSWER,
                                    SIGAP_COMPLAINT_KIND_ASPIRATION, FALSE), ==, 5);
  g_assert_cmpuint (sigap_sla_days (NULL, SIGAP_SLA_STEP_RESOLUTION,
                                    SIGAP_COMPLAINT_KIND_COMPLAINT, FALSE), ==, 14);
  g_assert_cmpuint (sigap_sla_days (NULL, SIGAP_SLA_STEP_RESOLUTION,
                                    SIGAP_COMPLAINT_KIND_COMPLAINT, TRUE), ==, 60);
  g_assert_cmpuint (sigap_sla_days (NULL, SIGAP_SLA_STEP_NONE,
                                    SIGAP_COMPLAINT_KIND_COMPLAINT, FALSE), ==, 0);

  sigap_sla_settings_init (&settings);
  g_assert_cmpuint (settings.verification_days, ==, 3);
  g_assert_cmpuint (settings.information_days, ==, 5);
  g_assert_cmpuint (settings.complaint_days, ==, 5);
  g_assert_cmpuint (settings.resolution_days, ==, 14);
  g_assert_cmpuint (settings.resolution_field_check_days, ==, 60);
  g_assert_cmpuint (settings.due_soon_days, ==, 1);
  g_assert_cmpuint (settings.reply_warning_hours, ==, 4);

  /* Configured. */
  settings.information_days = 7;
  settings.complaint_days = 2;
  settings.resolution_field_check_days = 1000;
  g_assert_cmpuint (sigap_sla_days (&settings, SIGAP_SLA_STEP_ANSWER,
                                    SIGAP_COMPLAINT_KIND_INFORMATION, FALSE), ==, 7);
  g_assert_cmpuint (sigap_sla_days (&settings, SIGAP_SLA_STEP_ANSWER,
                                    SIGAP_COMPLAINT_KIND_ASPIRATION, FALSE), ==, 2);
  g_assert_cmpuint (sigap_sla_days (&settings, SIGAP_SLA_STEP_RESOLUTION,
                                    SIGAP_COMPLAINT_KIND_COMPLAINT, TRUE), ==, 366);

  settings.due_soon_days = 99;
  settings.reply_warning_hours = 48;
  sigap_sla_settings_clamp (&settings);
  g_assert_cmpuint (settings.resolution_field_check_days, ==, 366);
  g_assert_cmpuint (settings.due_soon_days, ==, 30);
  g_assert_cmpuint (settings.reply_warning_hours, ==, 24);
  g_assert_cmpuint (settings.information_days, ==, 7);
}

static void
test_sla_steps (void)
{
  static const struct {
    SigapComplaintStatus status;
    SigapSlaStep information;
    SigapSlaStep complaint;
  } cases[] = {
    { SIGAP_COMPLAINT_STATUS_RECEIVED, SIGAP_SLA_STEP_VERIFICATION, SIGAP_SLA_STEP_VERIFICATION },
    { SIGAP_COMPLAINT_STATUS_VERIFIED, SIGAP_SLA_STEP_ANSWER, SIGAP_SLA_STEP_ANSWER },
    { SIGAP_COMPLAINT_STATUS_ROUTED, SIGAP_SLA_STEP_ANSWER, SIGAP_SLA_STEP_ANSWER },
    { SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY, SIGAP_SLA_STEP_ANSWER, SIGAP_SLA_STEP_ANSWER },
    { SIGAP_COMPLAINT_STATUS_IN_PROGRESS, SIGAP_SLA_STEP_ANSWER, SIGAP_SLA_STEP_RESOLUTION },
    { SIGAP_COMPLAINT_STATUS_RESOLVED, SIGAP_SLA_STEP_NONE, SIGAP_SLA_STEP_NONE },
    { SIGAP_COMPLAINT_STATUS_REJECTED, SIGAP_SLA_STEP_NONE, SIGAP_SLA_STEP_NONE },
    { SIGAP_COMPLAINT_STATUS_ARCHIVED, SIGAP_SLA_STEP_NONE, SIGAP_SLA_STEP_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SigapSlaStep step = cases[i].information;

      g_assert_cmpint (sigap_sla_step_for_status (cases[i].status,
                                                  SIGAP_COMPLAINT_KIND_INFORMATION), ==,
                       cases[i].information);
      g_assert_cmpint (sigap_sla_step_for_status (cases[i].status,
                                                  SIGAP_COMPLAINT_KIND_ASPIRATION), ==,
                       cases[i].information);
      g_assert_cmpint (sigap_sla_step_for_status (cases[i].status,
                                                  SIGAP_COMPLAINT_KIND_COMPLAINT), ==,
                       cases[i].complaint);
      g_assert_cmpint (sigap_sla_status_is_open (cases[i].status), ==,
                       step != SIGAP_SLA_STEP_NONE);
    }

  /* The enum types are registered, with nicks for style classes. */
  {
    g_autoptr(GEnumClass) states = g_type_class_ref (SIGAP_TYPE_DEADLINE_STATE);

    g_assert_cmpstr (g_enum_get_value (states, SIGAP_DEADLINE_STATE_DUE_SOON)->value_nick, ==,
                     "due-soon");
    g_assert_cmpstr (g_enum_get_value (states, SIGAP_DEADLINE_STATE_LATE)->value_nick, ==,
                     "late");
  }
}

static void
test_sla_deadline (void)
{
  gboolean known = FALSE;

  /* Verification of a complaint received before Idulfitri 2025. */
  g_assert_cmpint (sigap_sla_deadline (calendar, NULL, SIGAP_SLA_STEP_VERIFICATION,
                                       SIGAP_COMPLAINT_KIND_COMPLAINT, FALSE,
                                       at ("2025-03-27T09:00:00+07:00"), wib, &known), ==,
                   at ("2025-04-10T23:59:59+07:00"));
  g_assert_true (known);

  /* The answer to a request for information, from Friday 15 August
   * 2025: Tue 19 (1, the 18th is cuti bersama) to Mon 25 (5). */
  g_assert_cmpint (sigap_sla_deadline (calendar, NULL, SIGAP_SLA_STEP_ANSWER,
                                       SIGAP_COMPLAINT_KIND_INFORMATION, FALSE,
                                       at ("2025-08-15T09:00:00+07:00"), wib, NULL), ==,
                   at ("2025-08-25T23:59:59+07:00"));

  /* Settling, without and with a field check. */
  g_assert_cmpint (sigap_sla_deadline (calendar, NULL, SIGAP_SLA_STEP_RESOLUTION,
                                       SIGAP_COMPLAINT_KIND_COMPLAINT, FALSE,
                                       at ("2025-07-14T10:00:00+07:00"), wib, NULL), ==,
                   at ("2025-08-01T23:59:59+07:00"));
  g_assert_cmpint (sigap_sla_deadline (calendar, NULL, SIGAP_SLA_STEP_RESOLUTION,
                                       SIGAP_COMPLAINT_KIND_COMPLAINT, TRUE,
                                       at ("2025-07-14T10:00:00+07:00"), wib, NULL), ==,
                   at ("2025-10-08T23:59:59+07:00"));

  g_assert_cmpint (sigap_sla_deadline (calendar, NULL, SIGAP_SLA_STEP_NONE,
                                       SIGAP_COMPLAINT_KIND_COMPLAINT, FALSE,
                                       at ("2025-07-14T10:00:00+07:00"), wib, NULL), ==, 0);
}

static void
test_sla_state (void)
{
  gint64 thursday = at ("2025-07-17T23:59:59+07:00");
  gint64 monday = at ("2025-07-21T23:59:59+07:00");
  SigapSlaSettings settings;

#define STATE(now, due) \
  sigap_sla_deadline_state (calendar, NULL, (due), at (now), wib)

  g_assert_cmpint (STATE ("2025-07-14T10:00:00+07:00", thursday), ==,
                   SIGAP_DEADLINE_STATE_ON_TIME);
  g_assert_cmpint (STATE ("2025-07-15T23:59:59+07:00", thursday), ==,
                   SIGAP_DEADLINE_STATE_ON_TIME);
  /* Due soon from the start of the working day before. */
  g_assert_cmpint (STATE ("2025-07-16T00:00:00+07:00", thursday), ==,
                   SIGAP_DEADLINE_STATE_DUE_SOON);
  g_assert_cmpint (STATE ("2025-07-17T23:59:59+07:00", thursday), ==,
                   SIGAP_DEADLINE_STATE_DUE_SOON);
  /* Late a second after. */
  g_assert_cmpint (sigap_sla_deadline_state (calendar, NULL, thursday, thursday + 1, wib), ==,
                   SIGAP_DEADLINE_STATE_LATE);
  g_assert_cmpint (STATE ("2025-08-17T10:00:00+07:00", thursday), ==,
                   SIGAP_DEADLINE_STATE_LATE);

  /* Midnight is the zone's: 23:30 WIB on Tuesday is already Wednesday
   * in WIT, and a deadline at 23:59:59 WIT on Thursday is on Thursday
   * in both zones. */
  g_assert_cmpint (sigap_sla_deadline_state (calendar, NULL, at ("2025-07-17T23:59:59+09:00"),
                                             at ("2025-07-15T16:30:00Z"), wib), ==,
                   SIGAP_DEADLINE_STATE_ON_TIME);
  g_assert_cmpint (sigap_sla_deadline_state (calendar, NULL, at ("2025-07-17T23:59:59+09:00"),
                                             at ("2025-07-15T16:30:00Z"), wit), ==,
                   SIGAP_DEADLINE_STATE_DUE_SOON);

  /* A Monday deadline is due soon from Friday on, over the weekend. */
  g_assert_cmpint (STATE ("2025-07-17T23:59:59+07:00", monday), ==,
                   SIGAP_DEADLINE_STATE_ON_TIME);
  g_assert_cmpint (STATE ("2025-07-18T00:00:00+07:00", monday), ==,
                   SIGAP_DEADLINE_STATE_DUE_SOON);
  g_assert_cmpint (STATE ("2025-07-19T10:00:00+07:00", monday), ==,
                   SIGAP_DEADLINE_STATE_DUE_SOON);

  /* Holidays count: on Thursday 27 March 2025, a deadline on Tuesday 8
   * April is a single working day away (Idulfitri), though twelve days
   * off; weekends only would say eight. */
  g_assert_cmpint (STATE ("2025-03-27T10:00:00+07:00", at ("2025-04-08T23:59:59+07:00")), ==,
                   SIGAP_DEADLINE_STATE_DUE_SOON);
  g_assert_cmpint (sigap_sla_deadline_state (NULL, NULL, at ("2025-04-08T23:59:59+07:00"),
                                             at ("2025-03-27T10:00:00+07:00"), wib), ==,
                   SIGAP_DEADLINE_STATE_ON_TIME);

  /* No deadline. */
  g_assert_cmpint (STATE ("2025-07-14T10:00:00+07:00", 0), ==, SIGAP_DEADLINE_STATE_NONE);

  /* Other thresholds. */
  sigap_sla_settings_init (&settings);
  settings.due_soon_days = 0;
  g_assert_cmpint (sigap_sla_deadline_state (calendar, &settings, thursday,
                                             at ("2025-07-16T12:00:00+07:00"), wib), ==,
                   SIGAP_DEADLINE_STATE_ON_TIME);
  g_assert_cmpint (sigap_sla_deadline_state (calendar, &settings, thursday,
                                             at ("2025-07-17T00:00:00+07:00"), wib), ==,
                   SIGAP_DEADLINE_STATE_DUE_SOON);
  settings.due_soon_days = 3;
  g_assert_cmpint (sigap_sla_deadline_state (calendar, &settings, thursday,
                                             at ("2025-07-14T00:00:00+07:00"), wib), ==,
                   SIGAP_DEADLINE_STATE_DUE_SOON);
  g_assert_cmpint (sigap_sla_deadline_state (calendar, &settings, thursday,
                                             at ("2025-07-13T23:59:59+07:00"), wib), ==,
                   SIGAP_DEADLINE_STATE_ON_TIME);

#undef STATE
}

static void
test_sla_complaint_state (void)
{
  g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
  gint64 friday = at ("2025-07-18T10:00:00+07:00");

  sigap_complaint_set_due_at (complaint, at ("2025-07-17T23:59:59+07:00"));
  sigap_complaint_set_status (complaint, SIGAP_COMPLAINT_STATUS_IN_PROGRESS);
  g_assert_cmpint (sigap_sla_complaint_deadline_state (complaint, calendar, NULL, friday, wib),
                   ==, SIGAP_DEADLINE_STATE_LATE);

  sigap_complaint_set_status (complaint, SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY);
  g_assert_cmpint (sigap_sla_complaint_deadline_state (complaint, calendar, NULL, friday, wib),
                   ==, SIGAP_DEADLINE_STATE_LATE);

  /* Closed complaints have no badge, late or not. */
  sigap_complaint_set_status (complaint, SIGAP_COMPLAINT_STATUS_RESOLVED);
  g_assert_cmpint (sigap_sla_complaint_deadline_state (complaint, calendar, NULL, friday, wib),
                   ==, SIGAP_DEADLINE_STATE_NONE);
  sigap_complaint_set_status (complaint, SIGAP_COMPLAINT_STATUS_ARCHIVED);
  g_assert_cmpint (sigap_sla_complaint_deadline_state (complaint, calendar, NULL, friday, wib),
                   ==, SIGAP_DEADLINE_STATE_NONE);
}

static void
test_reply_window (void)
{
  gint64 received = at ("2025-07-17T10:00:00+07:00");
  gint64 closes = 1;
  SigapSlaSettings settings;

  g_assert_true (sigap_sla_reply_window_applies (SIGAP_CHANNEL_FACEBOOK, TRUE));
  g_assert_true (sigap_sla_reply_window_applies (SIGAP_CHANNEL_INSTAGRAM, TRUE));
  g_assert_false (sigap_sla_reply_window_applies (SIGAP_CHANNEL_FACEBOOK, FALSE));
  g_assert_false (sigap_sla_reply_window_applies (SIGAP_CHANNEL_INSTAGRAM, FALSE));
  for (SigapChannel c = SIGAP_CHANNEL_X; c <= SIGAP_CHANNEL_WALK_IN; c++)
    g_assert_false (sigap_sla_reply_window_applies (c, TRUE));

  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_FACEBOOK, TRUE, received,
                                           received + 3600, &closes), ==,
                   SIGAP_REPLY_WINDOW_OPEN);
  g_assert_cmpint (closes, ==, at ("2025-07-18T10:00:00+07:00"));

  /* Exactly 4 hours left is not yet less than 4. */
  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_INSTAGRAM, TRUE, received,
                                           at ("2025-07-18T06:00:00+07:00"), NULL), ==,
                   SIGAP_REPLY_WINDOW_OPEN);
  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_INSTAGRAM, TRUE, received,
                                           at ("2025-07-18T06:00:01+07:00"), NULL), ==,
                   SIGAP_REPLY_WINDOW_CLOSING);
  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_INSTAGRAM, TRUE, received,
                                           at ("2025-07-18T09:59:59+07:00"), NULL), ==,
                   SIGAP_REPLY_WINDOW_CLOSING);
  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_INSTAGRAM, TRUE, received,
                                           at ("2025-07-18T10:00:00+07:00"), NULL), ==,
                   SIGAP_REPLY_WINDOW_CLOSED);
  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_FACEBOOK, TRUE, received,
                                           at ("2025-07-21T10:00:00+07:00"), NULL), ==,
                   SIGAP_REPLY_WINDOW_CLOSED);

  /* Weekends and holidays do not stop the platform's clock. */
  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_FACEBOOK, TRUE,
                                           at ("2025-08-16T10:00:00+07:00"),
                                           at ("2025-08-17T10:00:00+07:00"), &closes), ==,
                   SIGAP_REPLY_WINDOW_CLOSED);

  /* A clock behind the message's. */
  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_FACEBOOK, TRUE, received,
                                           received - 600, NULL), ==,
                   SIGAP_REPLY_WINDOW_OPEN);

  /* No window: comments, other channels, unknown arrival. */
  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_FACEBOOK, FALSE, received,
                                           received, &closes), ==, SIGAP_REPLY_WINDOW_NONE);
  g_assert_cmpint (closes, ==, 0);
  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_X, TRUE, received,
                                           received, NULL), ==, SIGAP_REPLY_WINDOW_NONE);
  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_WEB_FORM, TRUE, received,
                                           received, NULL), ==, SIGAP_REPLY_WINDOW_NONE);
  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_FACEBOOK, TRUE, 0,
                                           received, NULL), ==, SIGAP_REPLY_WINDOW_NONE);
  g_assert_cmpint (sigap_sla_reply_window (NULL, SIGAP_CHANNEL_FACEBOOK, TRUE, G_MAXINT64,
                                           received, &closes), ==, SIGAP_REPLY_WINDOW_OPEN);
  g_assert_cmpint (closes, ==, G_MAXINT64);

  /* Another warning time. */
  sigap_sla_settings_init (&settings);
  settings.reply_warning_hours = 0;
  g_assert_cmpint (sigap_sla_reply_window (&settings, SIGAP_CHANNEL_FACEBOOK, TRUE, received,
                                           at ("2025-07-18T09:59:59+07:00"), NULL), ==,
                   SIGAP_REPLY_WINDOW_OPEN);
  settings.reply_warning_hours = 12;
  g_assert_cmpint (sigap_sla_reply_window (&settings, SIGAP_CHANNEL_FACEBOOK, TRUE, received,
                                           at ("2025-07-17T22:00:01+07:00"), NULL), ==,
                   SIGAP_REPLY_WINDOW_CLOSING);
}

/* }}} */

static void
test_direct_message_url (void)
{
  static const struct
  {
    const char *url;
    gboolean direct;
  } cases[] = {
    { "https://www.facebook.com/messages/t/100012345", TRUE },
    { "https://web.facebook.com/messages/t/100012345", TRUE },
    { "https://m.me/dinkes.sukamaju", TRUE },
    { "https://www.messenger.com/t/100012345", TRUE },
    { "HTTPS://WWW.INSTAGRAM.COM/direct/t/3401", TRUE },
    { "https://www.instagram.com/direct/inbox/", TRUE },
    { "https://www.facebook.com/dinkes.sukamaju/posts/1001?comment_id=2002", FALSE },
    { "https://www.instagram.com/p/C0abc/", FALSE },
    { "https://x.com/dinkes/status/1", FALSE },
    { "https://example.com/m.me/x", FALSE },
    { "ftp://m.me/x", FALSE },
    { "m.me/x", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].url != NULL ? cases[i].url : "(null)");
      g_assert_cmpint (sigap_sla_url_is_direct_message (cases[i].url), ==, cases[i].direct);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path_2025 = NULL;
  g_autofree char *path_2026 = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  path_2025 = g_test_build_filename (G_TEST_DIST, "..", "data", "holidays", "2025.json", NULL);
  path_2026 = g_test_build_filename (G_TEST_DIST, "..", "data", "holidays", "2026.json", NULL);

  calendar = sigap_working_days_new ();
  sigap_working_days_load_file (calendar, path_2025, &error);
  g_assert_no_error (error);
  sigap_working_days_load_file (calendar, path_2026, &error);
  g_assert_no_error (error);

  calendar_2025 = sigap_working_days_new ();
  sigap_working_days_load_file (calendar_2025, path_2025, &error);
  g_assert_no_error (error);

  wib = g_time_zone_new_offset (7 * 3600);
  wita = g_time_zone_new_offset (8 * 3600);
  wit = g_time_zone_new_offset (9 * 3600);

  g_test_add_func ("/working-days/load", test_load);
  g_test_add_func ("/working-days/year-totals", test_year_totals);
  g_test_add_func ("/working-days/add/weekends", test_add_weekends);
  g_test_add_func ("/working-days/add/holidays", test_add_holidays);
  g_test_add_func ("/working-days/add/year-end", test_add_year_end);
  g_test_add_func ("/working-days/add/zones", test_add_zones);
  g_test_add_func ("/working-days/add/zero", test_add_zero);
  g_test_add_func ("/working-days/unknown-year", test_unknown_year);
  g_test_add_func ("/working-days/between", test_between);
  g_test_add_func ("/working-days/documents", test_documents);
  g_test_add_func ("/working-days/from-documents", test_from_documents);
  g_test_add_func ("/sla/table", test_sla_table);
  g_test_add_func ("/sla/steps", test_sla_steps);
  g_test_add_func ("/sla/deadline", test_sla_deadline);
  g_test_add_func ("/sla/state", test_sla_state);
  g_test_add_func ("/sla/complaint-state", test_sla_complaint_state);
  g_test_add_func ("/sla/reply-window", test_reply_window);
  g_test_add_func ("/sla/direct-message-url", test_direct_message_url);

  status = g_test_run ();

  g_clear_pointer (&calendar, sigap_working_days_unref);
  g_clear_pointer (&calendar_2025, sigap_working_days_unref);
  g_clear_pointer (&wib, g_time_zone_unref);
  g_clear_pointer (&wita, g_time_zone_unref);
  g_clear_pointer (&wit, g_time_zone_unref);

  return status;
}
