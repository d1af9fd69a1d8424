/* sigap-application.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_APPLICATION (sigap_application_get_type())

G_DECLARE_FINAL_TYPE (SigapApplication, sigap_application, SIGAP, APPLICATION, AdwApplication)

SigapApplication *sigap_application_new              (void);
const char       *sigap_application_get_database_path (SigapApplication *self);
void              sigap_application_set_database_path (SigapApplication *self,
                                                       const char       *path);
GSettings        *sigap_application_get_settings      (SigapApplication *self);

G_END_DECLS
