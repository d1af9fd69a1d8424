/* sigap-server-auth.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A sign-in token is 32 random bytes in unpadded base64url: 43 characters. */
#define SIGAP_SERVER_TOKEN_LENGTH 43

char     *sigap_server_token_new           (void);
gboolean  sigap_server_token_is_well_formed (const char *token);
char     *sigap_server_token_hash          (const char *token);

typedef struct _SigapLoginThrottle SigapLoginThrottle;

SigapLoginThrottle *sigap_login_throttle_new    (guint               max_failures,
                                                 gint64              window);
void                sigap_login_throttle_free   (SigapLoginThrottle *self);
gint64              sigap_login_throttle_check  (SigapLoginThrottle *self,
                                                 const char         *key,
                                                 gint64              now);
void                sigap_login_throttle_fail   (SigapLoginThrottle *self,
                                                 const char         *key,
                                                 gint64              now);
void                sigap_login_throttle_forget (SigapLoginThrottle *self,
                                                 const char         *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapLoginThrottle, sigap_login_throttle_free)

G_END_DECLS
