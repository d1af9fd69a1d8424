/* sigap-server-public.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "sigap-server-store.h"

G_BEGIN_DECLS

/* The citizens' complaint form: plain HTML in Indonesian under /aduan. */
#define SIGAP_SERVER_PUBLIC_PATH          "/aduan"

/* The largest form body, in bytes. */
#define SIGAP_SERVER_PUBLIC_MAX_BODY      (16 * 1024)
/* The longest complaint text, in characters. */
#define SIGAP_SERVER_PUBLIC_MAX_TEXT      4000
/* Complaints one client address may send per hour. */
#define SIGAP_SERVER_PUBLIC_SUBMIT_LIMIT  5
/* Status look-ups one client address may make per minute. */
#define SIGAP_SERVER_PUBLIC_LOOKUP_LIMIT  60

void  sigap_server_public_add_handlers (SoupServer       *server,
                                        SigapServerStore *store);

G_END_DECLS
