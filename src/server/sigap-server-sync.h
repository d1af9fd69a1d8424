/* sigap-server-sync.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sigap-server-store.h"

G_BEGIN_DECLS

#define SIGAP_SERVER_SYNC_ERROR (sigap_server_sync_error_quark ())

/**
 * SigapServerSyncError:
 * @SIGAP_SERVER_SYNC_ERROR_INVALID_REQUEST: the push body is malformed
 * @SIGAP_SERVER_SYNC_ERROR_RESET_REQUIRED: the pull cursor cannot be
 *   continued from; the client must pull again from "0"
 *
 * Messages are English sentences for programs.
 */
typedef enum
{
  SIGAP_SERVER_SYNC_ERROR_INVALID_REQUEST,
  SIGAP_SERVER_SYNC_ERROR_RESET_REQUIRED,
} SigapServerSyncError;

#define SIGAP_SERVER_SYNC_DEFAULT_LIMIT 500
#define SIGAP_SERVER_SYNC_MAX_LIMIT     1000
#define SIGAP_SERVER_SYNC_MAX_MUTATIONS 200

GQuark      sigap_server_sync_error_quark (void);

JsonObject *sigap_server_sync_pull        (SigapServerStore  *store,
                                           SigapUser         *user,
                                           const char        *cursor_text,
                                           guint              limit,
                                           GError           **error);
GBytes     *sigap_server_sync_pull_bytes  (SigapServerStore  *store,
                                           SigapUser         *user,
                                           const char        *cursor_text,
                                           guint              limit,
                                           GError           **error);
JsonObject *sigap_server_sync_push        (SigapServerStore  *store,
                                           SigapUser         *user,
                                           JsonObject        *body,
                                           char             **field,
                                           GError           **error);

G_END_DECLS
