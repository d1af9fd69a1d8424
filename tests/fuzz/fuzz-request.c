/* fuzz-request.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target over the server's request handling: see README.md. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sigap-server-fuzz-entry.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static SigapServerFuzz *fuzz;

static void
remove_db (void)
{
  g_autofree char *dir = g_strdup (g_getenv ("SIGAP_FUZZ_DIR"));
  const char * const files[] = { "fuzz.db", "fuzz.db-wal", "fuzz.db-shm", "fuzz.db-journal" };

  g_clear_pointer (&fuzz, sigap_server_fuzz_free);
  if (dir == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sigap-fuzz-XXXXXX", &error);
  g_autofree char *db = NULL;

  g_assert_no_error (error);
  g_setenv ("SIGAP_FUZZ_DIR", dir, TRUE);
  db = g_build_filename (dir, "fuzz.db", NULL);

  /* A critical is a broken precondition: treat it as a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);

  fuzz = sigap_server_fuzz_new (db, &error);
  g_assert_no_error (error);
  atexit (remove_db);

  return 0;
}

/* Replaces "@OPD@", "@COMPLAINT@" and "@POST@" with seeded IDs, so that
 * the corpus reaches past "not found". */
static void
expand (GString *text)
{
  const char * const names[] = { "@OPD@", "@COMPLAINT@", "@POST@" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *id = sigap_server_fuzz_lookup (fuzz, names[i]);

      if (id != NULL)
        g_string_replace (text, names[i], id, 0);
    }
}

/* Input: "METHOD PATH [USER]\nCONTENT-TYPE\nBODY". USER is a demo user to
 * send a token for; an empty CONTENT-TYPE line sends none. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *text = (const char *) data;
  const char *end = text + size;
  const char *line_end;
  const char *type_end;
  g_autofree char *first = NULL;
  g_autofree char *content_type = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(GString) body = NULL;
  g_autofree char *answer = NULL;
  gboolean verbose = g_getenv ("SIGAP_FUZZ_VERBOSE") != NULL;
  guint status;

  line_end = memchr (text, '\n', size);
  if (line_end == NULL)
    return 0;
  type_end = memchr (line_end + 1, '\n', (size_t) (end - line_end - 1));
  if (type_end == NULL)
    return 0;

  first = g_strndup (text, (gsize) (line_end - text));
  words = g_strsplit (first, " ", 3);
  if (words[0] == NULL || words[1] == NULL || words[0][0] == '\0')
    return 0;

  content_type = g_strndup (line_end + 1, (gsize) (type_end - line_end - 1));
  path = g_string_new (words[1]);
  body = g_string_new_len (type_end + 1, end - type_end - 1);
  expand (path);
  expand (body);

  status = sigap_server_fuzz_request (fuzz, words[0], path->str,
                                      content_type[0] != '\0' ? content_type : NULL,
                                      words[2], (const guint8 *) body->str, body->len,
                                      verbose ? &answer : NULL);
  /* SIGAP_FUZZ_VERBOSE=1 shows what the seed corpus reaches. */
  if (verbose)
    g_printerr ("%s %s -> %u %s\n", words[0], path->str, status, answer != NULL ? answer : "");

  return 0;
}
