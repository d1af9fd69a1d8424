/* sigap-calendar-page.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_CALENDAR_PAGE (sigap_calendar_page_get_type())

G_DECLARE_FINAL_TYPE (SigapCalendarPage, sigap_calendar_page, SIGAP, CALENDAR_PAGE, AdwBin)

void        sigap_calendar_page_set_source  (SigapCalendarPage *self,
                                             SigapStore        *store,
                                             SigapOpd          *opd);
void        sigap_calendar_page_reload      (SigapCalendarPage *self);
const char *sigap_calendar_page_get_state   (SigapCalendarPage *self);
guint       sigap_calendar_page_get_n_posts (SigapCalendarPage *self);

G_END_DECLS
