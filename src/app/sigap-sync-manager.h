/* sigap-sync-manager.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sigap-core.h"

G_BEGIN_DECLS

/**
 * SigapSyncStatus:
 * @SIGAP_SYNC_STATUS_OFFLINE: not signed in, or the server cannot be reached
 * @SIGAP_SYNC_STATUS_SYNCING: a sync is running
 * @SIGAP_SYNC_STATUS_SYNCED: the last sync sent and received everything
 * @SIGAP_SYNC_STATUS_FAILED: the last sync failed for another reason
 *
 * What the sync indicator shows.
 */
typedef enum
{
  SIGAP_SYNC_STATUS_OFFLINE,
  SIGAP_SYNC_STATUS_SYNCING,
  SIGAP_SYNC_STATUS_SYNCED,
  SIGAP_SYNC_STATUS_FAILED,
} SigapSyncStatus;

#define SIGAP_TYPE_SYNC_MANAGER (sigap_sync_manager_get_type())

G_DECLARE_FINAL_TYPE (SigapSyncManager, sigap_sync_manager, SIGAP, SYNC_MANAGER, GObject)

SigapSyncStatus   sigap_sync_status_from_state       (gboolean              signed_in,
                                                      SigapSyncState        state);

SigapSyncManager *sigap_sync_manager_new             (SigapStore           *store);
SigapStore       *sigap_sync_manager_get_store       (SigapSyncManager     *self);
SigapSyncClient  *sigap_sync_manager_get_client      (SigapSyncManager     *self);
gboolean          sigap_sync_manager_get_signed_in   (SigapSyncManager     *self);
SigapSyncStatus   sigap_sync_manager_get_status      (SigapSyncManager     *self);
const char       *sigap_sync_manager_get_message     (SigapSyncManager     *self);
GDateTime        *sigap_sync_manager_get_last_synced (SigapSyncManager     *self);
char             *sigap_sync_manager_dup_server_url  (SigapSyncManager     *self);
char             *sigap_sync_manager_dup_username    (SigapSyncManager     *self);

SigapCentralDocuments *sigap_sync_manager_get_central_documents (SigapSyncManager *self);

void              sigap_sync_manager_start           (SigapSyncManager     *self);
void              sigap_sync_manager_sign_in_async   (SigapSyncManager     *self,
                                                      const char           *server_url,
                                                      const char           *username,
                                                      const char           *password,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          sigap_sync_manager_sign_in_finish  (SigapSyncManager     *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void              sigap_sync_manager_sign_out        (SigapSyncManager     *self);
void              sigap_sync_manager_sync_now        (SigapSyncManager     *self);

G_END_DECLS
