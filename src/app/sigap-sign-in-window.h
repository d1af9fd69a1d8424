/* sigap-sign-in-window.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-sync-manager.h"

G_BEGIN_DECLS

#define SIGAP_DEFAULT_SERVER_URL "http://127.0.0.1:8080"

#define SIGAP_TYPE_SIGN_IN_WINDOW (sigap_sign_in_window_get_type())

G_DECLARE_FINAL_TYPE (SigapSignInWindow, sigap_sign_in_window, SIGAP, SIGN_IN_WINDOW, AdwWindow)

SigapSignInWindow *sigap_sign_in_window_new       (GtkWindow         *parent,
                                                   SigapSyncManager  *manager);
const char        *sigap_sign_in_window_get_error (SigapSignInWindow *self);

G_END_DECLS
