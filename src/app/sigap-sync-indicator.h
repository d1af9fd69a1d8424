/* sigap-sync-indicator.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sigap-sync-manager.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_SYNC_INDICATOR (sigap_sync_indicator_get_type())

G_DECLARE_FINAL_TYPE (SigapSyncIndicator, sigap_sync_indicator, SIGAP, SYNC_INDICATOR, GtkWidget)

const char       *sigap_sync_status_to_label       (SigapSyncStatus     status);
const char       *sigap_sync_status_to_icon_name   (SigapSyncStatus     status);

SigapSyncManager *sigap_sync_indicator_get_manager (SigapSyncIndicator *self);
void              sigap_sync_indicator_set_manager (SigapSyncIndicator *self,
                                                    SigapSyncManager   *manager);

G_END_DECLS
