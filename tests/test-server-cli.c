/* test-server-cli.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sigap-store.h"
#include "sigap-test-utils.h"

/* The real sigap-server, run as a child process. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
run_argv (Result            *result,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status;

  g_ptr_array_add (argv, (gpointer) SIGAP_SERVER_PATH);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* English messages, whatever the machine's language. */
  envp = g_environ_setenv (envp, "LC_ALL", "C", TRUE);
  envp = g_environ_setenv (envp, "LANG", "C", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &error))
    result->status = 0;
  else
    {
      g_assert_true (g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code));
      result->status = error->code;
    }

  g_test_message ("exit %d\nstdout: %s\nstderr: %s", result->status, result->out, result->err);
}

static void
run (Result *result,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, result);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_argv (result, (const char * const *) args->pdata);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sigap-server-cli-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
test_seed_demo (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_auto(Result) result = { 0, };
  g_auto(Result) again = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GPtrArray) opds = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(SigapUser) dinkes = NULL;
  g_autofree char *local_user = NULL;
  g_autofree char *seed_meta = NULL;
  g_autofree char *summary = NULL;

  run (&result, "seed-demo", "--db", db, "--seed", "7", "--complaints", "50", "--posts", "60",
       "--user", "dinkes", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  store = sigap_store_open (db, &error);
  g_assert_no_error (error);

  opds = sigap_store_list_opds (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (opds->len, >=, 35);
  g_assert_cmpuint (opds->len, <=, 45);
  users = sigap_store_list_users (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, opds->len + 3);
  g_assert_cmpint (sigap_store_count_posts (store, NULL), ==, 60);
  g_assert_cmpint (sigap_store_count_complaints (store, NULL), ==, 50);

  local_user = sigap_store_get_meta (store, "local_user");
  g_assert_cmpstr (local_user, ==, "dinkes");
  seed_meta = sigap_store_get_meta (store, "demo_seed");
  g_assert_cmpstr (seed_meta, ==, "7");
  dinkes = sigap_store_find_user_by_name (store, local_user, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_user_get_role (dinkes), ==, SIGAP_ROLE_ADMIN_OPD);

  summary = g_strdup_printf ("Seeded %u OPDs, %u users, 60 posts, 50 complaints into %s\n",
                             opds->len, users->len, db);
  g_assert_cmpstr (result.out, ==, summary);
  g_clear_object (&store);

  /* A database that holds a regency is never seeded again. */
  run (&again, "seed-demo", "--db", db, "--seed", "8", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_true (g_str_has_prefix (again.err, "sigap-server: "));
  g_assert_nonnull (strstr (again.err, db));
  g_assert_nonnull (strstr (again.err, "already holds a regency"));
  g_assert_cmpstr (again.out, ==, "");

  store = sigap_store_open (db, &error);
  g_assert_no_error (error);
  g_clear_pointer (&seed_meta, g_free);
  seed_meta = sigap_store_get_meta (store, "demo_seed");
  g_assert_cmpstr (seed_meta, ==, "7");
  g_assert_cmpint (sigap_store_count_complaints (store, NULL), ==, 50);
  g_clear_object (&store);

  sigap_test_rm_rf (dir);
}

/* The store's own message reaches the user, and the file is left alone. */
static void
test_store_error (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Result) result = { 0, };
  const char *text = "Rapat koordinasi admin media sosial, Kamis pukul 09.00.\n"
                     "Bukan basis data Sigap, tetapi cukup panjang untuk dibaca sebagai "
                     "berkas yang rusak oleh SQLite, bukan sebagai berkas kosong.\n";

  g_file_set_contents (db, text, -1, &error);
  g_assert_no_error (error);

  run (&result, "seed-demo", "--db", db, "--complaints", "5", "--posts", "5", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (g_str_has_prefix (result.err, "sigap-server: "));
  g_assert_cmpuint (strlen (result.err), >, strlen ("sigap-server: \n"));
  g_assert_cmpstr (result.out, ==, "");

  g_file_get_contents (db, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, text);

  sigap_test_rm_rf (dir);
}

static void
test_unknown_command (void)
{
  g_auto(Result) result = { 0, };
  g_auto(Result) help = { 0, };

  run (&result, "frobnicate", "--db", "x.db", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_true (g_str_has_prefix (result.err, "sigap-server: Unknown command"));
  g_assert_nonnull (strstr (result.err, "frobnicate"));
  g_assert_nonnull (strstr (result.err, "--help"));
  g_assert_cmpstr (result.out, ==, "");

  run (&help, "help", "frobnicate", NULL);
  g_assert_cmpint (help.status, ==, 2);
  g_assert_nonnull (strstr (help.err, "Unknown command"));
}

static void
test_help (void)
{
  const char * const spellings[] = { "--help", "-h", "help" };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_auto(Result) result = { 0, };

      run (&result, spellings[i], NULL);
      g_assert_cmpint (result.status, ==, 0);
      g_assert_true (g_str_has_prefix (result.out, "Usage:"));
      g_assert_nonnull (strstr (result.out, "seed-demo"));
      g_assert_nonnull (strstr (result.out, "Fill a new database with a demo regency"));
      g_assert_cmpstr (result.err, ==, "");
    }
}

static void
test_no_command (void)
{
  g_auto(Result) result = { 0, };

  run (&result, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_true (g_str_has_prefix (result.err, "Usage:"));
  g_assert_nonnull (strstr (result.err, "seed-demo"));
  g_assert_cmpstr (result.out, ==, "");
}

static void
test_seed_demo_help (void)
{
  g_auto(Result) result = { 0, };
  g_auto(Result) help = { 0, };

  run (&result, "seed-demo", "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "sigap-server seed-demo"));
  g_assert_nonnull (strstr (result.out, "--db=FILE"));
  g_assert_nonnull (strstr (result.out, "--seed=N"));
  g_assert_nonnull (strstr (result.out, "--complaints=N"));
  g_assert_nonnull (strstr (result.out, "--posts=N"));
  g_assert_nonnull (strstr (result.out, "--user=USERNAME"));
  g_assert_nonnull (strstr (result.out, "Kabupaten Sukamaju"));

  run (&help, "help", "seed-demo", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_cmpstr (help.out, ==, result.out);
}

static void
test_usage_errors (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  struct {
    const char *args[7];
    const char *expected;
  } cases[] = {
    { { "seed-demo", NULL }, "--db FILE" },
    { { "seed-demo", "--db", db, "--complaints", "many", NULL }, "--complaints" },
    { { "seed-demo", "--db", db, "--posts", "0", NULL },
      "--posts expects a whole number from 1 to 1000000" },
    { { "seed-demo", "--db", db, "--seed", "-1", NULL }, "--seed" },
    { { "seed-demo", "--db", db, "--user", "nobody", NULL }, "nobody" },
    { { "seed-demo", "--db", db, "--wat", NULL }, "--wat" },
    { { "seed-demo", "--db", db, "stray", NULL }, "stray" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) result = { 0, };

      run_argv (&result, cases[i].args);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_true (g_str_has_prefix (result.err, "sigap-server: "));
      g_assert_nonnull (strstr (result.err, cases[i].expected));
      g_assert_nonnull (strstr (result.err, "sigap-server seed-demo --help"));
      g_assert_cmpstr (result.out, ==, "");

      /* Nothing is written before the command line is known to be right. */
      g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
    }

  sigap_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server-cli/seed-demo", test_seed_demo);
  g_test_add_func ("/server-cli/store-error", test_store_error);
  g_test_add_func ("/server-cli/unknown-command", test_unknown_command);
  g_test_add_func ("/server-cli/help", test_help);
  g_test_add_func ("/server-cli/no-command", test_no_command);
  g_test_add_func ("/server-cli/seed-demo-help", test_seed_demo_help);
  g_test_add_func ("/server-cli/usage-errors", test_usage_errors);

  return g_test_run ();
}
