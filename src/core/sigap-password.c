/* sigap-password.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-password"

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "sigap-password.h"

static gboolean
ensure_sodium (void)
{
  static gsize initialized = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&initialized))
    {
      /* 0: initialised now, 1: already initialised, -1: unusable */
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialized, 1);
    }

  return ok;
}

/**
 * sigap_password_hash:
 * @password: the password, UTF-8
 *
 * Hashes @password with argon2id at libsodium's interactive limits, with a
 * random salt. The result carries the algorithm and its parameters, so a
 * later Sigap can raise them and still verify old hashes.
 *
 * Returns: (transfer full) (nullable): the hash string, or %NULL if memory
 *   for the hash could not be had
 */
char *
sigap_password_hash (const char *password)
{
  char out[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);

  if (!ensure_sodium ())
    return NULL;

  if (crypto_pwhash_str_alg (out, password, strlen (password),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    return NULL;

  return g_strdup (out);
}

/**
 * sigap_password_verify:
 * @hash: (nullable): a hash from sigap_password_hash()
 * @password: (nullable): the password to check
 *
 * Returns: %TRUE if @password matches @hash; %FALSE for a wrong password
 *   and for a missing or malformed hash
 */
gboolean
sigap_password_verify (const char *hash,
                       const char *password)
{
  if (hash == NULL || password == NULL || !ensure_sodium ())
    return FALSE;

  /* libsodium reads the hash as a C string of at most STRBYTES - 1. */
  if (strnlen (hash, crypto_pwhash_STRBYTES) >= crypto_pwhash_STRBYTES)
    return FALSE;

  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}
