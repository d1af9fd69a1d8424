/* sigap-server-auth.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-server"

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "sigap-server-auth.h"

#define TOKEN_BYTES 32

/* Keys with no failure in the window are dropped once there are this
 * many, so that guessing random usernames cannot grow the table. */
#define PRUNE_THRESHOLD 4096

struct _SigapLoginThrottle
{
  guint max_failures;
  gint64 window;
  /* key → GArray of gint64 failure times, oldest first */
  GHashTable *failures;
};

static void
ensure_sodium (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      if (sodium_init () < 0)
        g_error ("libsodium cannot be initialised");
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * sigap_server_token_new:
 *
 * Returns: (transfer full): a new sign-in token: 32 bytes from libsodium's
 *   random generator, in unpadded base64url
 */
char *
sigap_server_token_new (void)
{
  guchar bytes[TOKEN_BYTES];
  char *token;

  ensure_sodium ();
  randombytes_buf (bytes, sizeof bytes);

  token = g_base64_encode (bytes, sizeof bytes);
  sodium_memzero (bytes, sizeof bytes);

  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  *strchr (token, '=') = '\0';

  g_assert (strlen (token) == SIGAP_SERVER_TOKEN_LENGTH);

  return token;
}

/**
 * sigap_server_token_is_well_formed:
 * @token: (nullable): what a client sent
 *
 * Returns: %TRUE if @token has the form of a token from
 *   sigap_server_token_new()
 */
gboolean
sigap_server_token_is_well_formed (const char *token)
{
  if (token == NULL || strlen (token) != SIGAP_SERVER_TOKEN_LENGTH)
    return FALSE;

  for (const char *p = token; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

/**
 * sigap_server_token_hash:
 * @token: a token
 *
 * Returns: (transfer full): the hex SHA-256 of @token, which is what the
 *   store keeps
 */
char *
sigap_server_token_hash (const char *token)
{
  g_return_val_if_fail (token != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

static void
free_times (gpointer data)
{
  g_array_unref (data);
}

/**
 * sigap_login_throttle_new:
 * @max_failures: failures allowed in @window
 * @window: seconds
 *
 * Counts failed sign-ins per key (a username, a client address) and
 * refuses a key that failed @max_failures times in the last @window
 * seconds, until the oldest of those failures leaves the window.
 *
 * Returns: (transfer full): a new throttle
 */
SigapLoginThrottle *
sigap_login_throttle_new (guint  max_failures,
                          gint64 window)
{
  SigapLoginThrottle *self;

  g_return_val_if_fail (max_failures > 0, NULL);
  g_return_val_if_fail (window > 0, NULL);

  self = g_new0 (SigapLoginThrottle, 1);
  self->max_failures = max_failures;
  self->window = window;
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_times);

  return self;
}

void
sigap_login_throttle_free (SigapLoginThrottle *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->failures);
  g_free (self);
}

/* Drops the failures of @times that left the window. */
static void
expire (SigapLoginThrottle *self,
        GArray             *times,
        gint64              now)
{
  guint n = 0;

  while (n < times->len && g_array_index (times, gint64, n) <= now - self->window)
    n++;

  if (n > 0)
    g_array_remove_range (times, 0, n);
}

static void
prune (SigapLoginThrottle *self,
       gint64              now)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->failures);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      expire (self, value, now);
      if (((GArray *) value)->len == 0)
        g_hash_table_iter_remove (&iter);
    }
}

/**
 * sigap_login_throttle_check:
 * @self: a throttle
 * @key: a username or a client address
 * @now: UTC seconds
 *
 * Returns: 0 if @key may try to sign in now, or else the number of seconds
 *   to wait
 */
gint64
sigap_login_throttle_check (SigapLoginThrottle *self,
                            const char         *key,
                            gint64              now)
{
  GArray *times;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);

  times = g_hash_table_lookup (self->failures, key);
  if (times == NULL)
    return 0;

  expire (self, times, now);
  if (times->len < self->max_failures)
    return 0;

  /* The wait ends when enough failures have left the window. */
  return MAX (1, g_array_index (times, gint64, times->len - self->max_failures)
                 + self->window - now);
}

/**
 * sigap_login_throttle_fail:
 * @self: a throttle
 * @key: a username or a client address
 * @now: UTC seconds
 *
 * Counts a failed sign-in for @key.
 */
void
sigap_login_throttle_fail (SigapLoginThrottle *self,
                           const char         *key,
                           gint64              now)
{
  GArray *times;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  if (g_hash_table_size (self->failures) >= PRUNE_THRESHOLD)
    prune (self, now);

  times = g_hash_table_lookup (self->failures, key);
  if (times == NULL)
    {
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->failures, g_strdup (key), times);
    }

  expire (self, times, now);
  g_array_append_val (times, now);

  /* Only the newest max_failures matter. */
  if (times->len > self->max_failures)
    g_array_remove_range (times, 0, times->len - self->max_failures);
}

/**
 * sigap_login_throttle_forget:
 * @self: a throttle
 * @key: a username or a client address
 *
 * Forgets the failures of @key, as after a successful sign-in.
 */
void
sigap_login_throttle_forget (SigapLoginThrottle *self,
                             const char         *key)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  g_hash_table_remove (self->failures, key);
}
