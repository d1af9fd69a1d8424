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

void               sigap_calendar_page_set_source            (SigapCalendarPage *self,
                                                              SigapStore        *store,
                                                              SigapOpd          *opd);
void               sigap_calendar_page_set_settings          (SigapCalendarPage *self,
                                                              GSettings         *settings);
void               sigap_calendar_page_set_toast_overlay     (SigapCalendarPage *self,
                                                              AdwToastOverlay   *overlay);
void               sigap_calendar_page_reload                (SigapCalendarPage *self);
const char        *sigap_calendar_page_get_state             (SigapCalendarPage *self);
guint              sigap_calendar_page_get_n_posts           (SigapCalendarPage *self);
SigapCalendarView  sigap_calendar_page_get_view              (SigapCalendarPage *self);
void               sigap_calendar_page_set_view              (SigapCalendarPage *self,
                                                              SigapCalendarView  view);
GDateTime         *sigap_calendar_page_get_date              (SigapCalendarPage *self);
void               sigap_calendar_page_go_to_date            (SigapCalendarPage *self,
                                                              GDateTime         *date);
SigapPostFilter   *sigap_calendar_page_get_filter            (SigapCalendarPage *self);
guint              sigap_calendar_page_get_n_hidden          (SigapCalendarPage *self);
const char        *sigap_calendar_page_get_message           (SigapCalendarPage *self);
gboolean           sigap_calendar_page_create_post_at_focus  (SigapCalendarPage *self);

G_END_DECLS
