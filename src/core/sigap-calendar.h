/* sigap-calendar.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sigap-post.h"
#include "sigap-types.h"

G_BEGIN_DECLS

/**
 * SigapCalendarView:
 * @SIGAP_CALENDAR_VIEW_MONTH: a month, as a grid of weeks
 * @SIGAP_CALENDAR_VIEW_WEEK: a week, with hours
 * @SIGAP_CALENDAR_VIEW_AGENDA: a list from a day on
 *
 * The content calendar's views. Stored by nick ("month", "week",
 * "agenda") in GSettings.
 */
typedef enum
{
  SIGAP_CALENDAR_VIEW_MONTH,
  SIGAP_CALENDAR_VIEW_WEEK,
  SIGAP_CALENDAR_VIEW_AGENDA,
} SigapCalendarView;

/* How many days the agenda shows from its first day. */
#define SIGAP_CALENDAR_AGENDA_DAYS 15

/* How far ahead the calendar looks for days without a scheduled post. */
#define SIGAP_CALENDAR_GAP_DAYS 14

/* Date arithmetic of the views. Weeks start on Monday (Senin), as in
 * Indonesia. Every GDateTime given is read in its own zone and every one
 * returned is in @zone (or in the zone of the one given): the OPD's WIB,
 * WITA or WIT, which have no daylight saving. */

GDateTime  *sigap_calendar_day_start        (GDateTime          *datetime);
GDateTime  *sigap_calendar_week_start       (GDateTime          *datetime);
GDateTime  *sigap_calendar_month_grid_start (int                 year,
                                             int                 month,
                                             GTimeZone          *zone);
guint       sigap_calendar_month_grid_weeks (int                 year,
                                             int                 month,
                                             GTimeZone          *zone);
void        sigap_calendar_range            (SigapCalendarView   view,
                                             GDateTime          *date,
                                             GDateTime         **from,
                                             GDateTime         **to);
GDateTime  *sigap_calendar_step             (SigapCalendarView   view,
                                             GDateTime          *date,
                                             int                 direction);
char       *sigap_calendar_day_key          (GDateTime          *datetime);
GDateTime  *sigap_calendar_parse_day_key    (const char         *key,
                                             GTimeZone          *zone);
GPtrArray  *sigap_calendar_gap_days         (GPtrArray          *posts,
                                             GDateTime          *today,
                                             guint               n_days);
gint64      sigap_calendar_move             (gint64              scheduled_at,
                                             GTimeZone          *zone,
                                             int                 days,
                                             int                 hours);
gboolean    sigap_calendar_can_move         (SigapPost          *post);

G_END_DECLS
