/* sigap-window.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-application.h"
#include "sigap-core.h"
#include "sigap-reminders.h"
#include "sigap-sync-manager.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_WINDOW (sigap_window_get_type())

G_DECLARE_FINAL_TYPE (SigapWindow, sigap_window, SIGAP, WINDOW, AdwApplicationWindow)

SigapWindow      *sigap_window_new              (SigapApplication *application,
                                                 SigapStore       *store,
                                                 const GError     *store_error,
                                                 GSettings        *settings);
SigapStore       *sigap_window_get_store        (SigapWindow      *self);
SigapOpd         *sigap_window_get_opd          (SigapWindow      *self);
SigapUser        *sigap_window_get_user         (SigapWindow      *self);
const char       *sigap_window_get_visible_page (SigapWindow      *self);
void              sigap_window_set_visible_page (SigapWindow      *self,
                                                 const char       *name);
GtkWidget        *sigap_window_get_page         (SigapWindow      *self,
                                                 const char       *name);
void              sigap_window_reload           (SigapWindow      *self);
void              sigap_window_add_toast        (SigapWindow      *self,
                                                 const char       *text);
SigapSyncManager *sigap_window_get_sync_manager (SigapWindow      *self);
void              sigap_window_set_sync_manager (SigapWindow      *self,
                                                 SigapSyncManager *manager);
void              sigap_window_set_reminders    (SigapWindow      *self,
                                                 SigapReminders   *reminders);
void              sigap_window_open_post        (SigapWindow      *self,
                                                 const char       *post_id);

G_END_DECLS
