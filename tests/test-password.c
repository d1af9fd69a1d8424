/* test-password.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sigap-password.h"

static void
test_password_verify (void)
{
  g_autofree char *hash = sigap_password_hash ("rahasia-kominfo-2026");

  g_assert_nonnull (hash);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  /* The password itself is not in the hash. */
  g_assert_null (strstr (hash, "rahasia"));

  g_assert_true (sigap_password_verify (hash, "rahasia-kominfo-2026"));
  g_assert_false (sigap_password_verify (hash, "rahasia-kominfo-2025"));
  g_assert_false (sigap_password_verify (hash, "Rahasia-kominfo-2026"));
  g_assert_false (sigap_password_verify (hash, ""));
}

static void
test_password_salted (void)
{
  g_autofree char *a = sigap_password_hash ("sama");
  g_autofree char *b = sigap_password_hash ("sama");

  g_assert_cmpstr (a, !=, b);
  g_assert_true (sigap_password_verify (a, "sama"));
  g_assert_true (sigap_password_verify (b, "sama"));
}

static void
test_password_parameters (void)
{
  g_autofree char *hash = sigap_password_hash ("x");

  /* Interactive limits: 64 MiB, 2 passes */
  g_assert_nonnull (strstr (hash, "$m=65536,t=2,p=1$"));
}

static void
test_password_unusual (void)
{
  g_autofree char *empty = sigap_password_hash ("");
  g_autofree char *unicode = sigap_password_hash ("kata sandi ✓ «ñ»");
  g_autofree char *tampered = NULL;
  g_autofree char *long_hash = NULL;

  g_assert_true (sigap_password_verify (empty, ""));
  g_assert_false (sigap_password_verify (empty, " "));
  g_assert_true (sigap_password_verify (unicode, "kata sandi ✓ «ñ»"));
  g_assert_false (sigap_password_verify (unicode, "kata sandi ✓ «n»"));

  /* Missing or malformed hashes never verify. */
  g_assert_false (sigap_password_verify (NULL, "x"));
  g_assert_false (sigap_password_verify (unicode, NULL));
  g_assert_false (sigap_password_verify ("", ""));
  g_assert_false (sigap_password_verify ("x", "x"));
  g_assert_false (sigap_password_verify ("$argon2id$v=19$m=65536,t=2,p=1$", "x"));

  tampered = g_strdup (unicode);
  tampered[strlen (tampered) - 2] = tampered[strlen (tampered) - 2] == 'A' ? 'B' : 'A';
  g_assert_false (sigap_password_verify (tampered, "kata sandi ✓ «ñ»"));

  long_hash = g_strnfill (4096, 'a');
  g_assert_false (sigap_password_verify (long_hash, "a"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/password/verify", test_password_verify);
  g_test_add_func ("/password/salted", test_password_salted);
  g_test_add_func ("/password/parameters", test_password_parameters);
  g_test_add_func ("/password/unusual", test_password_unusual);

  return g_test_run ();
}
