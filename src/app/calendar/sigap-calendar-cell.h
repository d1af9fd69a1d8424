/* sigap-calendar-cell.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_CALENDAR_CELL (sigap_calendar_cell_get_type())

G_DECLARE_FINAL_TYPE (SigapCalendarCell, sigap_calendar_cell, SIGAP, CALENDAR_CELL, GtkWidget)

GtkWidget *sigap_calendar_cell_new           (gboolean           whole_day);
GtkWidget *sigap_calendar_cell_get_child     (SigapCalendarCell *self);
void       sigap_calendar_cell_set_child     (SigapCalendarCell *self,
                                              GtkWidget         *child);
GDateTime *sigap_calendar_cell_get_time      (SigapCalendarCell *self);
void       sigap_calendar_cell_set_time      (SigapCalendarCell *self,
                                              GDateTime         *time);
gboolean   sigap_calendar_cell_get_whole_day (SigapCalendarCell *self);

G_END_DECLS
