/* test-server-cli.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "sigap-demo.h"
#include "sigap-password.h"
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

  /* No terminal: a command that would ask for a password must say so. */
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
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

/* init, user, opd, serve {{{ */

/* Under LC_ALL=C, GLib prints the quotation marks “ and ” as ?. */

#define PASSWORD     "rahasia-kominfo-2026"
#define NEW_PASSWORD "sandi-baru-dinkes-01"

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* A database made by `init`, its password in @password_file. */
static char *
init_db (const char *dir,
         const char *password_file)
{
  g_auto(Result) result = { 0, };
  char *db = g_build_filename (dir, "sigap.db", NULL);

  run (&result, "init", "--db", db, "--password-file", password_file, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  return db;
}

static SigapUser *
get_user (const char *db,
          const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = sigap_store_open (db, &error);
  SigapUser *user;

  g_assert_no_error (error);
  user = sigap_store_find_user_by_name (store, username, &error);
  g_assert_no_error (error);

  return user;
}

static SigapOpd *
get_opd (const char *db,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = sigap_store_open (db, &error);
  SigapOpd *opd;

  g_assert_no_error (error);
  opd = sigap_store_find_opd_by_code (store, code, &error);
  g_assert_no_error (error);

  return opd;
}

static guint
count_users (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = sigap_store_open (db, &error);
  g_autoptr(GPtrArray) users = NULL;

  g_assert_no_error (error);
  users = sigap_store_list_users (store, &error);
  g_assert_no_error (error);

  return users->len;
}

static void
assert_failed (const Result *result,
               int           status,
               const char   *expected)
{
  g_assert_cmpint (result->status, ==, status);
  g_assert_true (g_str_has_prefix (result->err, "sigap-server: "));
  g_assert_nonnull (strstr (result->err, expected));
  g_assert_cmpstr (result->out, ==, "");
}

static void
test_init (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "sigap.db", NULL);
  g_autofree char *password_file = write_file (dir, "password", PASSWORD "\n");
  g_autofree char *expected = NULL;
  g_auto(Result) result = { 0, };
  g_auto(Result) again = { 0, };
  g_autoptr(SigapOpd) diskominfo = NULL;
  g_autoptr(SigapUser) verifikator = NULL;

  run (&result, "init", "--db", db, "--password-file", password_file, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  expected = g_strdup_printf ("Created %s with Diskominfo and the verifikator ?verifikator?.\n",
                              db);
  g_assert_cmpstr (result.out, ==, expected);

  diskominfo = get_opd (db, "diskominfo");
  g_assert_cmpstr (sigap_opd_get_name (diskominfo), ==, "Dinas Komunikasi dan Informatika");
  g_assert_cmpint (sigap_opd_get_kind (diskominfo), ==, SIGAP_OPD_KIND_DINAS);
  g_assert_cmpstr (sigap_opd_get_time_zone (diskominfo), ==, "Asia/Jakarta");
  g_assert_null (sigap_opd_get_parent_id (diskominfo));

  g_assert_cmpuint (count_users (db), ==, 1);
  verifikator = get_user (db, "verifikator");
  g_assert_cmpint (sigap_user_get_role (verifikator), ==, SIGAP_ROLE_VERIFIKATOR);
  g_assert_cmpstr (sigap_user_get_opd_id (verifikator), ==, sigap_opd_get_id (diskominfo));
  g_assert_false (sigap_user_get_disabled (verifikator));
  g_assert_true (sigap_password_verify (sigap_user_get_password_hash (verifikator), PASSWORD));
  g_assert_false (sigap_password_verify (sigap_user_get_password_hash (verifikator),
                                         PASSWORD "\n"));

  /* A database with users is never initialised again. */
  run (&again, "init", "--db", db, "--password-file", password_file, NULL);
  assert_failed (&again, 1, "already has users");
  g_assert_nonnull (strstr (again.err, db));
  g_assert_cmpuint (count_users (db), ==, 1);

  sigap_test_rm_rf (dir);
}

/* Another username; a file written on Windows ends its line with \r\n. */
static void
test_init_username (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "sigap.db", NULL);
  g_autofree char *password_file = write_file (dir, "password",
                                               PASSWORD "\r\nthe second line\r\n");
  g_auto(Result) result = { 0, };
  g_autoptr(SigapUser) user = NULL;

  run (&result, "init", "--db", db, "--username", "kominfo", "--password-file",
       password_file, NULL);
  g_assert_cmpint (result.status, ==, 0);

  user = get_user (db, "kominfo");
  g_assert_cmpint (sigap_user_get_role (user), ==, SIGAP_ROLE_VERIFIKATOR);
  g_assert_true (sigap_password_verify (sigap_user_get_password_hash (user), PASSWORD));
  g_assert_cmpuint (count_users (db), ==, 1);

  sigap_test_rm_rf (dir);
}

static void
test_init_no_terminal (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "sigap.db", NULL);
  g_auto(Result) result = { 0, };

  /* Standard input is /dev/null: there is no one to ask. */
  run (&result, "init", "--db", db, NULL);
  assert_failed (&result, 2, "--password-file");
  g_assert_nonnull (strstr (result.err, "no terminal"));
  g_assert_nonnull (strstr (result.err, "sigap-server init --help"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  sigap_test_rm_rf (dir);
}

static void
test_init_bad_password (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "sigap.db", NULL);
  g_autofree char *short_file = write_file (dir, "short", "pendek\n" PASSWORD "\n");
  g_autofree char *empty_file = write_file (dir, "empty", "");
  g_autofree char *missing_file = g_build_filename (dir, "missing", NULL);
  g_auto(Result) too_short = { 0, };
  g_auto(Result) empty = { 0, };
  g_auto(Result) missing = { 0, };

  run (&too_short, "init", "--db", db, "--password-file", short_file, NULL);
  assert_failed (&too_short, 1, "at least 10 characters");
  run (&empty, "init", "--db", db, "--password-file", empty_file, NULL);
  assert_failed (&empty, 1, "at least 10 characters");
  run (&missing, "init", "--db", db, "--password-file", missing_file, NULL);
  assert_failed (&missing, 1, missing_file);

  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  sigap_test_rm_rf (dir);
}

/* A sign-in token of @username, as the server would keep it. */
static char *
add_token (const char *db,
           const char *username,
           const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = sigap_store_open (db, &error);
  g_autoptr(SigapUser) user = NULL;
  char *token_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_no_error (error);
  user = sigap_store_find_user_by_name (store, username, &error);
  g_assert_no_error (error);
  sigap_store_insert_token (store, token_hash, sigap_user_get_id (user), now, now + 3600,
                            &error);
  g_assert_no_error (error);

  return token_hash;
}

static gboolean
token_works (const char *db,
             const char *token_hash)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = sigap_store_open (db, &error);
  g_autofree char *user_id = NULL;

  g_assert_no_error (error);
  user_id = sigap_store_lookup_token (store, token_hash, g_get_real_time () / G_USEC_PER_SEC,
                                      &error);
  g_assert_no_error (error);

  return user_id != NULL;
}

static void
test_user (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *password_file = write_file (dir, "password", PASSWORD "\n");
  g_autofree char *new_password_file = write_file (dir, "new-password", NEW_PASSWORD "\n");
  g_autofree char *short_file = write_file (dir, "short", "pendek\n");
  g_autofree char *db = init_db (dir, password_file);
  g_autoptr(SigapOpd) diskominfo = get_opd (db, "diskominfo");
  g_autoptr(SigapOpd) dinkes = NULL;
  g_autoptr(SigapUser) user = NULL;
  g_autoptr(SigapUser) trc = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *dinkes_token = NULL;
  g_autofree char *trc_token = NULL;
  g_autofree char *second_token = NULL;
  g_auto(Result) opd = { 0, };
  g_auto(Result) add = { 0, };
  g_auto(Result) add_trc = { 0, };
  g_auto(Result) twice = { 0, };
  g_auto(Result) unknown_opd = { 0, };
  g_auto(Result) no_password = { 0, };
  g_auto(Result) disable = { 0, };
  g_auto(Result) disable_again = { 0, };
  g_auto(Result) disable_nobody = { 0, };
  g_auto(Result) reset = { 0, };
  g_auto(Result) reset_short = { 0, };
  g_auto(Result) reset_nobody = { 0, };

  run (&opd, "opd", "add", "--db", db, "--code", "dinkes", "--name", "Dinas Kesehatan", NULL);
  g_assert_cmpint (opd.status, ==, 0);
  dinkes = get_opd (db, "dinkes");

  run (&add, "user", "add", "--db", db, "--username", "dinkes", "--role", "admin_opd",
       "--opd", "dinkes", "--display-name", "Admin Dinas Kesehatan",
       "--password-file", password_file, NULL);
  g_assert_cmpint (add.status, ==, 0);
  g_assert_cmpstr (add.err, ==, "");
  g_assert_cmpstr (add.out, ==, "Added the user ?dinkes?, admin-opd of dinkes.\n");

  user = get_user (db, "dinkes");
  g_assert_cmpint (sigap_user_get_role (user), ==, SIGAP_ROLE_ADMIN_OPD);
  g_assert_cmpstr (sigap_user_get_opd_id (user), ==, sigap_opd_get_id (dinkes));
  g_assert_cmpstr (sigap_user_get_display_name (user), ==, "Admin Dinas Kesehatan");
  g_assert_false (sigap_user_get_disabled (user));
  g_assert_true (sigap_password_verify (sigap_user_get_password_hash (user), PASSWORD));
  g_clear_object (&user);

  /* Without --opd, the regency-wide roles belong to Diskominfo. */
  run (&add_trc, "user", "add", "--db", db, "--username", "trc", "--role", "trc",
       "--password-file", password_file, NULL);
  g_assert_cmpint (add_trc.status, ==, 0);
  g_assert_cmpstr (add_trc.out, ==, "Added the user ?trc?, trc of diskominfo.\n");
  trc = get_user (db, "trc");
  g_assert_cmpint (sigap_user_get_role (trc), ==, SIGAP_ROLE_TRC);
  g_assert_cmpstr (sigap_user_get_opd_id (trc), ==, sigap_opd_get_id (diskominfo));
  g_assert_cmpstr (sigap_user_get_display_name (trc), ==, "trc");

  run (&twice, "user", "add", "--db", db, "--username", "dinkes", "--role", "admin_opd",
       "--opd", "dinkes", "--password-file", password_file, NULL);
  assert_failed (&twice, 1, "already a user ?dinkes?");

  run (&unknown_opd, "user", "add", "--db", db, "--username", "disdik", "--role",
       "admin-opd", "--opd", "disdik", "--password-file", password_file, NULL);
  assert_failed (&unknown_opd, 1, "no OPD with the code ?disdik?");

  run (&no_password, "user", "add", "--db", db, "--username", "pimpinan", "--role",
       "pimpinan", NULL);
  assert_failed (&no_password, 2, "--password-file");
  g_assert_cmpuint (count_users (db), ==, 3);

  /* Disabling and a new password sign the user out: their tokens stop working. */
  dinkes_token = add_token (db, "dinkes", "token-of-dinkes");
  trc_token = add_token (db, "trc", "token-of-trc");
  g_assert_true (token_works (db, dinkes_token));

  run (&disable, "user", "disable", "--db", db, "--username", "dinkes", NULL);
  g_assert_cmpint (disable.status, ==, 0);
  g_assert_cmpstr (disable.err, ==, "");
  user = get_user (db, "dinkes");
  g_assert_true (sigap_user_get_disabled (user));
  g_clear_object (&user);
  g_clear_object (&trc);
  trc = get_user (db, "trc");
  g_assert_false (sigap_user_get_disabled (trc));
  g_assert_false (token_works (db, dinkes_token));
  g_assert_true (token_works (db, trc_token));

  run (&disable_again, "user", "disable", "--db", db, "--username", "dinkes", NULL);
  g_assert_cmpint (disable_again.status, ==, 0);
  g_assert_nonnull (strstr (disable_again.out, "already disabled"));

  run (&disable_nobody, "user", "disable", "--db", db, "--username", "nobody", NULL);
  assert_failed (&disable_nobody, 1, "no user ?nobody?");

  second_token = add_token (db, "dinkes", "second-token-of-dinkes");
  run (&reset, "user", "reset-password", "--db", db, "--username", "dinkes",
       "--password-file", new_password_file, NULL);
  g_assert_cmpint (reset.status, ==, 0);
  g_assert_cmpstr (reset.err, ==, "");
  g_assert_cmpstr (reset.out, ==,
                   "Changed the password of ?dinkes? and signed them out everywhere.\n");
  user = get_user (db, "dinkes");
  g_assert_true (sigap_password_verify (sigap_user_get_password_hash (user), NEW_PASSWORD));
  g_assert_false (sigap_password_verify (sigap_user_get_password_hash (user), PASSWORD));
  g_assert_true (sigap_user_get_disabled (user));
  g_assert_false (token_works (db, second_token));
  g_assert_true (token_works (db, trc_token));
  hash = g_strdup (sigap_user_get_password_hash (user));
  g_clear_object (&user);

  run (&reset_short, "user", "reset-password", "--db", db, "--username", "dinkes",
       "--password-file", short_file, NULL);
  assert_failed (&reset_short, 1, "at least 10 characters");
  user = get_user (db, "dinkes");
  g_assert_cmpstr (sigap_user_get_password_hash (user), ==, hash);

  run (&reset_nobody, "user", "reset-password", "--db", db, "--username", "nobody",
       "--password-file", new_password_file, NULL);
  assert_failed (&reset_nobody, 1, "no user ?nobody?");

  sigap_test_rm_rf (dir);
}

#define OPD_ROW "%-13s  %-32s  %-9s  %s\n"

static void
test_opd (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *password_file = write_file (dir, "password", PASSWORD "\n");
  g_autofree char *db = init_db (dir, password_file);
  g_autofree char *missing_db = g_build_filename (dir, "missing.db", NULL);
  g_autoptr(SigapOpd) kecamatan = NULL;
  g_autoptr(SigapOpd) kelurahan = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_auto(Result) add = { 0, };
  g_auto(Result) add_child = { 0, };
  g_auto(Result) twice = { 0, };
  g_auto(Result) no_parent = { 0, };
  g_auto(Result) list = { 0, };
  g_auto(Result) list_missing = { 0, };

  run (&add, "opd", "add", "--db", db, "--code", "kec-sukamaju", "--name",
       "Kecamatan Sukamaju", "--kind", "kecamatan", "--zone", "Asia/Makassar", NULL);
  g_assert_cmpint (add.status, ==, 0);
  g_assert_cmpstr (add.err, ==, "");
  g_assert_cmpstr (add.out, ==, "Added the OPD ?kec-sukamaju?: Kecamatan Sukamaju.\n");

  run (&add_child, "opd", "add", "--db", db, "--code", "kel-mekarsari", "--name",
       "Kelurahan Mekarsari", "--kind", "kelurahan", "--parent", "kec-sukamaju",
       "--requires-approval", NULL);
  g_assert_cmpint (add_child.status, ==, 0);

  kecamatan = get_opd (db, "kec-sukamaju");
  g_assert_cmpstr (sigap_opd_get_name (kecamatan), ==, "Kecamatan Sukamaju");
  g_assert_cmpint (sigap_opd_get_kind (kecamatan), ==, SIGAP_OPD_KIND_KECAMATAN);
  g_assert_cmpstr (sigap_opd_get_time_zone (kecamatan), ==, "Asia/Makassar");
  g_assert_false (sigap_opd_get_requires_approval (kecamatan));
  g_assert_null (sigap_opd_get_parent_id (kecamatan));

  kelurahan = get_opd (db, "kel-mekarsari");
  g_assert_cmpint (sigap_opd_get_kind (kelurahan), ==, SIGAP_OPD_KIND_KELURAHAN);
  g_assert_cmpstr (sigap_opd_get_time_zone (kelurahan), ==, "Asia/Jakarta");
  g_assert_true (sigap_opd_get_requires_approval (kelurahan));
  g_assert_cmpstr (sigap_opd_get_parent_id (kelurahan), ==, sigap_opd_get_id (kecamatan));

  run (&twice, "opd", "add", "--db", db, "--code", "kec-sukamaju", "--name", "Lagi", NULL);
  assert_failed (&twice, 1, "already an OPD with the code ?kec-sukamaju?");

  run (&no_parent, "opd", "add", "--db", db, "--code", "kel-baru", "--name", "Kelurahan Baru",
       "--parent", "kec-entah", NULL);
  assert_failed (&no_parent, 1, "no OPD with the code ?kec-entah?");

  run (&list, "opd", "list", "--db", db, NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.err, ==, "");
  g_string_append_printf (expected, OPD_ROW, "CODE", "NAME", "KIND", "TIME ZONE");
  g_string_append_printf (expected, OPD_ROW, "diskominfo", "Dinas Komunikasi dan Informatika",
                          "dinas", "Asia/Jakarta");
  g_string_append_printf (expected, OPD_ROW, "kec-sukamaju", "Kecamatan Sukamaju", "kecamatan",
                          "Asia/Makassar");
  g_string_append_printf (expected, OPD_ROW, "kel-mekarsari", "Kelurahan Mekarsari",
                          "kelurahan", "Asia/Jakarta");
  g_assert_cmpstr (list.out, ==, expected->str);

  /* A typo in --db is not a new, empty database. */
  run (&list_missing, "opd", "list", "--db", missing_db, NULL);
  assert_failed (&list_missing, 1, "There is no database");
  g_assert_false (g_file_test (missing_db, G_FILE_TEST_EXISTS));

  sigap_test_rm_rf (dir);
}

static void
test_command_usage_errors (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "sigap.db", NULL);
  struct {
    const char *args[12];
    const char *expected;
    const char *hint;
  } cases[] = {
    { { "init", NULL }, "--db FILE", "sigap-server init --help" },
    { { "init", "--db", db, "--username", "budi santoso", NULL }, "budi santoso",
      "sigap-server init --help" },
    { { "init", "--db", db, "extra", NULL }, "extra", "sigap-server init --help" },
    { { "serve", "--db", db, NULL }, "--listen", "sigap-server serve --help" },
    { { "serve", "--listen", "127.0.0.1:0", NULL }, "--db FILE", "sigap-server serve --help" },
    { { "serve", "--db", db, "--listen", "localhost:8080", NULL }, "localhost:8080",
      "sigap-server serve --help" },
    { { "serve", "--db", db, "--listen", "127.0.0.1:65536", NULL }, "127.0.0.1:65536",
      "sigap-server serve --help" },
    { { "serve", "--db", db, "--listen", "127.0.0.1", NULL }, "?127.0.0.1?",
      "sigap-server serve --help" },
    { { "serve", "--db", db, "--listen", "::1:8080", NULL }, "::1:8080",
      "sigap-server serve --help" },
    { { "serve", "--db", db, "--listen", "127.0.0.1:8080", "--tls-cert", "cert.pem", NULL },
      "--tls-key", "sigap-server serve --help" },
    { { "user", "add", "--db", db, "--username", "budi", NULL }, "--role",
      "sigap-server user add --help" },
    { { "user", "add", "--db", db, "--role", "trc", NULL }, "--username",
      "sigap-server user add --help" },
    { { "user", "add", "--db", db, "--username", "budi", "--role", "bupati", NULL },
      "bupati", "sigap-server user add --help" },
    { { "user", "add", "--db", db, "--username", "budi", "--role", "admin_opd", NULL },
      "--opd", "sigap-server user add --help" },
    { { "user", "disable", "--db", db, NULL }, "--username",
      "sigap-server user disable --help" },
    { { "user", "reset-password", "--username", "budi", NULL }, "--db FILE",
      "sigap-server user reset-password --help" },
    { { "user", "frobnicate", NULL }, "Unknown command ?frobnicate?",
      "sigap-server user --help" },
    { { "opd", "add", "--db", db, "--code", "dinkes", NULL }, "--name",
      "sigap-server opd add --help" },
    { { "opd", "add", "--db", db, "--code", "dinas kesehatan", "--name", "Dinas Kesehatan",
        NULL }, "dinas kesehatan", "sigap-server opd add --help" },
    { { "opd", "add", "--db", db, "--code", "dinkes", "--name", "Dinas Kesehatan", "--kind",
        "dinasti", NULL }, "dinasti", "sigap-server opd add --help" },
    { { "opd", "add", "--db", db, "--code", "dinkes", "--name", "Dinas Kesehatan", "--zone",
        "Europe/Berlin", NULL }, "Europe/Berlin", "sigap-server opd add --help" },
    { { "opd", "list", "--db", db, "stray", NULL }, "stray", "sigap-server opd list --help" },
  };
  g_auto(Result) no_subcommand = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) result = { 0, };

      run_argv (&result, cases[i].args);
      assert_failed (&result, 2, cases[i].expected);
      g_assert_nonnull (strstr (result.err, cases[i].hint));

      /* Nothing is written before the command line is known to be right. */
      g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
    }

  run (&no_subcommand, "user", NULL);
  g_assert_cmpint (no_subcommand.status, ==, 2);
  g_assert_true (g_str_has_prefix (no_subcommand.err, "Usage:"));
  g_assert_nonnull (strstr (no_subcommand.err, "sigap-server user COMMAND"));
  g_assert_nonnull (strstr (no_subcommand.err, "reset-password"));
  g_assert_cmpstr (no_subcommand.out, ==, "");

  sigap_test_rm_rf (dir);
}

static void
test_command_help (void)
{
  const char * const top[] = { "init", "serve", "user", "opd", "seed-demo" };
  struct {
    const char *group;
    const char *command;
    const char *options[4];
  } cases[] = {
    { "init", NULL, { "--db=FILE", "--username=USERNAME", "--password-file=FILE" } },
    { "serve", NULL, { "--db=FILE", "--listen=ADDRESS:PORT", "--tls-cert=FILE",
                       "--tls-key=FILE" } },
    { "user", "add", { "--username=USERNAME", "--role=ROLE", "--opd=CODE",
                       "--display-name=NAME" } },
    { "user", "disable", { "--db=FILE", "--username=USERNAME" } },
    { "user", "reset-password", { "--db=FILE", "--username=USERNAME",
                                  "--password-file=FILE" } },
    { "opd", "add", { "--code=CODE", "--name=NAME", "--kind=KIND", "--zone=ZONE" } },
    { "opd", "list", { "--db=FILE" } },
  };
  g_auto(Result) usage = { 0, };
  g_auto(Result) user_help = { 0, };
  g_auto(Result) help_user = { 0, };

  run (&usage, "--help", NULL);
  g_assert_cmpint (usage.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (top); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", top[i]);

      g_assert_nonnull (strstr (usage.out, line));
    }

  run (&user_help, "user", "--help", NULL);
  g_assert_cmpint (user_help.status, ==, 0);
  g_assert_nonnull (strstr (user_help.out, "sigap-server user COMMAND"));
  g_assert_nonnull (strstr (user_help.out, "reset-password"));
  g_assert_nonnull (strstr (user_help.out, "Run ?sigap-server user COMMAND --help?"));
  g_assert_cmpstr (user_help.err, ==, "");
  run (&help_user, "help", "user", NULL);
  g_assert_cmpint (help_user.status, ==, 0);
  g_assert_cmpstr (help_user.out, ==, user_help.out);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) result = { 0, };
      g_auto(Result) help = { 0, };
      g_autofree char *usage_line = NULL;

      if (cases[i].command != NULL)
        {
          run (&result, cases[i].group, cases[i].command, "--help", NULL);
          run (&help, "help", cases[i].group, cases[i].command, NULL);
          usage_line = g_strdup_printf ("sigap-server %s %s [OPTION", cases[i].group,
                                        cases[i].command);
        }
      else
        {
          run (&result, cases[i].group, "--help", NULL);
          run (&help, "help", cases[i].group, NULL);
          usage_line = g_strdup_printf ("sigap-server %s [OPTION", cases[i].group);
        }

      g_assert_cmpint (result.status, ==, 0);
      g_assert_nonnull (strstr (result.out, usage_line));
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].options) && cases[i].options[j]; j++)
        g_assert_nonnull (strstr (result.out, cases[i].options[j]));
      g_assert_cmpint (help.status, ==, 0);
      g_assert_cmpstr (help.out, ==, result.out);
    }
}

static void
test_serve_missing_db (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "sigap.db", NULL);
  g_auto(Result) result = { 0, };

  run (&result, "serve", "--db", db, "--listen", "127.0.0.1:0", NULL);
  assert_failed (&result, 1, "There is no database");
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  sigap_test_rm_rf (dir);
}

/* The server dies with the test, even when an assertion stops it. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static guint
post_login (SoupSession *session,
            guint16      port,
            const char  *username,
            const char  *password,
            GBytes     **body)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/api/v1/auth/login", port);
  g_autofree char *json = g_strdup_printf ("{\"username\": \"%s\", \"password\": \"%s\"}",
                                           username, password);
  gsize length = strlen (json);

  message = soup_message_new ("POST", url);
  request = g_bytes_new_take (g_steal_pointer (&json), length);
  soup_message_set_request_body_from_bytes (message, "application/json", request);

  *body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);

  return soup_message_get_status (message);
}

static void
test_serve (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_auto(Result) seed = { 0, };
  const char *prefix = "Listening on http://127.0.0.1:";
  guint64 port;

  run (&seed, "seed-demo", "--db", db, "--complaints", "5", "--posts", "5", NULL);
  g_assert_cmpint (seed.status, ==, 0);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANG", "C", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server = g_subprocess_launcher_spawn (launcher, &error, SIGAP_SERVER_PATH, "serve",
                                        "--db", db, "--listen", "127.0.0.1:0", NULL);
  g_assert_no_error (error);

  /* The first line comes once it listens, with the port it got. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_test_message ("sigap-server: %s", line);
  g_assert_true (g_str_has_prefix (line, prefix));
  g_assert_true (g_ascii_string_to_unsigned (line + strlen (prefix), 10, 1, G_MAXUINT16,
                                             &port, NULL));

  session = soup_session_new ();
  g_assert_cmpuint (post_login (session, (guint16) port, "verifikator", SIGAP_DEMO_PASSWORD,
                                &body), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (g_bytes_get_size (body), >, 0);
  g_assert_cmpuint (post_login (session, (guint16) port, "verifikator", "bukan-sandinya",
                                &refused), ==, SOUP_STATUS_UNAUTHORIZED);

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (server));
  g_assert_cmpint (g_subprocess_get_exit_status (server), ==, 0);

  sigap_test_rm_rf (dir);
}

/* }}} */

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
  g_test_add_func ("/server-cli/init", test_init);
  g_test_add_func ("/server-cli/init-username", test_init_username);
  g_test_add_func ("/server-cli/init-no-terminal", test_init_no_terminal);
  g_test_add_func ("/server-cli/init-bad-password", test_init_bad_password);
  g_test_add_func ("/server-cli/user", test_user);
  g_test_add_func ("/server-cli/opd", test_opd);
  g_test_add_func ("/server-cli/command-usage-errors", test_command_usage_errors);
  g_test_add_func ("/server-cli/command-help", test_command_help);
  g_test_add_func ("/server-cli/serve-missing-db", test_serve_missing_db);
  g_test_add_func ("/server-cli/serve", test_serve);

  return g_test_run ();
}
