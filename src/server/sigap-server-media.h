/* sigap-server-media.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "sigap-server-store.h"

G_BEGIN_DECLS

/* What one uploaded object may weigh, by its kind. */
#define SIGAP_SERVER_MEDIA_MAX_IMAGE (15 * 1024 * 1024)
#define SIGAP_SERVER_MEDIA_MAX_VIDEO (512 * 1024 * 1024)

gboolean  sigap_server_media_digest_is_valid (const char      *digest);

void      sigap_server_media_begin_upload (SigapServerStore   *store,
                                           SoupServerMessage  *msg,
                                           SigapUser          *user,
                                           const char         *digest);
void      sigap_server_media_put          (SigapServerStore   *store,
                                           SoupServerMessage  *msg,
                                           SigapUser          *user,
                                           const char         *digest);
void      sigap_server_media_get          (SigapServerStore   *store,
                                           SoupServerMessage  *msg,
                                           const char         *digest);

G_END_DECLS
