/* sigap-complaint-window.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_COMPLAINT_WINDOW (sigap_complaint_window_get_type())

G_DECLARE_FINAL_TYPE (SigapComplaintWindow, sigap_complaint_window, SIGAP, COMPLAINT_WINDOW, AdwWindow)

SigapComplaintWindow *sigap_complaint_window_new       (GtkWindow            *parent,
                                                        SigapStore           *store,
                                                        SigapOpd             *opd,
                                                        SigapUser            *user,
                                                        SigapWorkingDays     *days);
const char           *sigap_complaint_window_get_error (SigapComplaintWindow *self);

G_END_DECLS
