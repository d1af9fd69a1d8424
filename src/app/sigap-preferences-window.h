/* sigap-preferences-window.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_PREFERENCES_WINDOW (sigap_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (SigapPreferencesWindow, sigap_preferences_window, SIGAP, PREFERENCES_WINDOW, AdwPreferencesWindow)

SigapPreferencesWindow *sigap_preferences_window_new (GtkWindow             *parent,
                                                      GSettings             *settings,
                                                      SigapCentralDocuments *central);

G_END_DECLS
