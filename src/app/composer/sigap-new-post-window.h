/* sigap-new-post-window.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_NEW_POST_WINDOW (sigap_new_post_window_get_type())

G_DECLARE_FINAL_TYPE (SigapNewPostWindow, sigap_new_post_window, SIGAP, NEW_POST_WINDOW, AdwWindow)

SigapNewPostWindow *sigap_new_post_window_new       (GtkWindow          *parent,
                                                     SigapStore         *store,
                                                     SigapOpd           *opd,
                                                     SigapUser          *user);
SigapNewPostWindow *sigap_new_post_window_new_for_post (GtkWindow          *parent,
                                                        SigapStore         *store,
                                                        SigapOpd           *opd,
                                                        SigapUser          *user,
                                                        SigapPost          *post);
SigapNewPostWindow *sigap_new_post_window_new_for_time (GtkWindow          *parent,
                                                        SigapStore         *store,
                                                        SigapOpd           *opd,
                                                        SigapUser          *user,
                                                        GDateTime          *when);
void                sigap_new_post_window_recover      (SigapNewPostWindow *self);
const char         *sigap_new_post_window_get_error    (SigapNewPostWindow *self);

G_END_DECLS
