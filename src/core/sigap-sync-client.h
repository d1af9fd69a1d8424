/* sigap-sync-client.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sigap-types.h"
#include "sigap-enums.h"
#include "sigap-store.h"
#include "sigap-user.h"

G_BEGIN_DECLS

#define SIGAP_SYNC_ERROR (sigap_sync_error_quark ())

/**
 * SigapSyncError:
 * @SIGAP_SYNC_ERROR_UNAUTHORIZED: the sign-in was refused or has expired
 * @SIGAP_SYNC_ERROR_NETWORK: the server cannot be reached
 * @SIGAP_SYNC_ERROR_SERVER: the server answered with an error or with
 *   something the client cannot read
 * @SIGAP_SYNC_ERROR_RESET: the server cannot continue from the stored
 *   cursor and starting afresh failed too
 *
 * The messages are translated sentences for the user.
 */
typedef enum
{
  SIGAP_SYNC_ERROR_UNAUTHORIZED,
  SIGAP_SYNC_ERROR_NETWORK,
  SIGAP_SYNC_ERROR_SERVER,
  SIGAP_SYNC_ERROR_RESET,
} SigapSyncError;

#define SIGAP_TYPE_SYNC_CLIENT (sigap_sync_client_get_type())

G_DECLARE_FINAL_TYPE (SigapSyncClient, sigap_sync_client, SIGAP, SYNC_CLIENT, GObject)

GQuark           sigap_sync_error_quark           (void);

SigapSyncClient *sigap_sync_client_new            (SigapStore           *store,
                                                   const char           *server_url);
SigapStore      *sigap_sync_client_get_store      (SigapSyncClient      *self);
const char      *sigap_sync_client_get_server_url (SigapSyncClient      *self);
void             sigap_sync_client_set_server_url (SigapSyncClient      *self,
                                                   const char           *server_url);
void             sigap_sync_client_set_token      (SigapSyncClient      *self,
                                                   const char           *token);
guint            sigap_sync_client_get_page_size  (SigapSyncClient      *self);
void             sigap_sync_client_set_page_size  (SigapSyncClient      *self,
                                                   guint                 page_size);

SigapSyncState   sigap_sync_client_get_state      (SigapSyncClient      *self);
const char      *sigap_sync_client_get_error_message (SigapSyncClient   *self);
const char      *sigap_sync_client_get_last_rejection (SigapSyncClient  *self);
gint64           sigap_sync_client_get_pending    (SigapSyncClient      *self);
double           sigap_sync_client_get_progress   (SigapSyncClient      *self);
guint            sigap_sync_client_get_pulled     (SigapSyncClient      *self);

void             sigap_sync_client_login_async    (SigapSyncClient      *self,
                                                   const char           *username,
                                                   const char           *password,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean         sigap_sync_client_login_finish   (SigapSyncClient      *self,
                                                   GAsyncResult         *result,
                                                   char                **token,
                                                   SigapUser           **user,
                                                   GError              **error);

void             sigap_sync_client_sync_async     (SigapSyncClient      *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean         sigap_sync_client_sync_finish    (SigapSyncClient      *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

void             sigap_sync_client_logout_async   (SigapSyncClient      *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean         sigap_sync_client_logout_finish  (SigapSyncClient      *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
