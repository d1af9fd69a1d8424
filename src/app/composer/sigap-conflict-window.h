/* sigap-conflict-window.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_CONFLICT_WINDOW (sigap_conflict_window_get_type())

G_DECLARE_FINAL_TYPE (SigapConflictWindow, sigap_conflict_window, SIGAP, CONFLICT_WINDOW, AdwWindow)

SigapConflictWindow *sigap_conflict_window_new       (GtkWindow            *parent,
                                                      SigapStore           *store,
                                                      SigapOpd             *opd,
                                                      JsonObject           *conflict,
                                                      GError              **error);
const char          *sigap_conflict_window_get_error (SigapConflictWindow  *self);

G_END_DECLS
