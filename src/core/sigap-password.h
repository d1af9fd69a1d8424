/* sigap-password.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* argon2id through libsodium; the hash string carries its parameters. */
char     *sigap_password_hash   (const char *password);
gboolean  sigap_password_verify (const char *hash,
                                 const char *password);

G_END_DECLS
