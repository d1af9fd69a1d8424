/* sigap-import-window.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_IMPORT_WINDOW (sigap_import_window_get_type())

G_DECLARE_FINAL_TYPE (SigapImportWindow, sigap_import_window, SIGAP, IMPORT_WINDOW, AdwWindow)

SigapImportWindow    *sigap_import_window_new              (GtkWindow         *parent,
                                                            SigapStore        *store,
                                                            SigapOpd          *opd,
                                                            SigapUser         *user,
                                                            SigapWorkingDays  *days);
void                  sigap_import_window_open_file        (SigapImportWindow *self,
                                                            GFile             *file);
void                  sigap_import_window_choose_file      (SigapImportWindow *self);
const char           *sigap_import_window_get_state        (SigapImportWindow *self);
SigapComplaintImport *sigap_import_window_get_import       (SigapImportWindow *self);
guint                 sigap_import_window_get_n_importable (SigapImportWindow *self);
const char           *sigap_import_window_get_error        (SigapImportWindow *self);

G_END_DECLS
