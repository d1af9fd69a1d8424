/* sigap-server-sqlite-store.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-server-store.h"
#include "sigap-store.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_SERVER_SQLITE_STORE (sigap_server_sqlite_store_get_type())

G_DECLARE_FINAL_TYPE (SigapServerSqliteStore, sigap_server_sqlite_store,
                      SIGAP, SERVER_SQLITE_STORE, GObject)

SigapServerStore *sigap_server_sqlite_store_new       (const char              *path,
                                                       GError                 **error);
SigapStore       *sigap_server_sqlite_store_get_store (SigapServerSqliteStore  *self);

G_END_DECLS
