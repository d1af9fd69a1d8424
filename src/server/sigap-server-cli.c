/* sigap-server-cli.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-server"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-demo.h"
#include "sigap-store.h"
#include "sigap-server-cli.h"

#define PROGRAM "sigap-server"

/* Each subcommand gets the arguments after its name, with argv[0] set to
 * its name, and returns the process's exit status. */
typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *summary;  /* N_() */
  CommandFunc  run;
} Command;

static int seed_demo_run (int argc, char **argv);

static const Command commands[] = {
  { "seed-demo", N_("Fill a new database with a demo regency"), seed_demo_run },
};

static void
print_error (const char *message)
{
  g_printerr ("%s: %s\n", PROGRAM, message);
}

static void
print_usage (gboolean to_stderr)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n  %s %s\n\n", _("Usage:"), PROGRAM, _("COMMAND [OPTION…]"));
  g_string_append_printf (text, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (text, "  %-12s %s\n\n", "help",
                          _("Show this help, or the options of a command"));
  g_string_append_printf (text, _("Run “%s COMMAND --help” to see the options of a command."),
                          PROGRAM);
  g_string_append_c (text, '\n');

  if (to_stderr)
    g_printerr ("%s", text->str);
  else
    g_print ("%s", text->str);
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

static int
unknown_command (const char *name)
{
  g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), name);
  g_autofree char *hint = g_strdup_printf (_("Run “%s --help” to see the commands."), PROGRAM);

  print_error (message);
  g_printerr ("%s\n", hint);

  return SIGAP_SERVER_EXIT_USAGE;
}

static int
run_command (const Command  *command,
             int             argc,
             char          **argv)
{
  g_autofree char *prgname = g_strdup_printf ("%s %s", PROGRAM, command->name);

  /* GOptionContext's usage line then reads "sigap-server seed-demo …". */
  g_set_prgname (prgname);

  return command->run (argc, argv);
}

/* Reports a command-line mistake of the current subcommand. */
static int
usage_error (const char *message)
{
  g_autofree char *hint = g_strdup_printf (_("Run “%s --help” to see the options."),
                                           g_get_prgname ());

  print_error (message);
  g_printerr ("%s\n", hint);

  return SIGAP_SERVER_EXIT_USAGE;
}

static gboolean
parse_count (const char  *option,
             const char  *text,
             guint        min,
             guint        max,
             guint       *value,
             char       **message)
{
  guint64 parsed;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &parsed, NULL))
    {
      /* Translators: the first %s is an option, such as --posts; the last
       * is what the user typed. */
      *message = g_strdup_printf (_("%s expects a whole number from %u to %u, not “%s”."),
                                  option, min, max, text);
      return FALSE;
    }

  *value = (guint) parsed;

  return TRUE;
}

/* seed-demo {{{ */

static int
seed_demo_run (int    argc,
               char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *complaints_text = NULL;
  g_autofree char *posts_text = NULL;
  g_autofree char *username = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The database file to fill; it is created if it does not exist"), N_("FILE") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("The seed of the random choices: the same seed gives the same regency "
         "(default: 1)"), N_("N") },
    { "complaints", 0, 0, G_OPTION_ARG_STRING, &complaints_text,
      N_("How many complaints to create (default: 600)"), N_("N") },
    { "posts", 0, 0, G_OPTION_ARG_STRING, &posts_text,
      N_("How many posts to create (default: 1200)"), N_("N") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &username,
      N_("Mark USERNAME as the user signed in to this database"), N_("USERNAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GPtrArray) opds = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *summary = NULL;
  SigapDemoOptions options = { 1, 600, 1200, 0 };
  guint value;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  summary = g_strdup_printf (_("Fills a new database with Kabupaten Sukamaju, a fictional "
                               "regency: about 40 OPDs with their accounts and admins, the "
                               "verifikator, trc and pimpinan users, months of posts and "
                               "complaints, and monthly reports. Every user's password is "
                               "“%s”."), SIGAP_DEMO_PASSWORD);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (rest != NULL && rest[0] != NULL)
    {
      message = g_strdup_printf (_("Unexpected argument “%s”."), rest[0]);
      return usage_error (message);
    }

  if (db == NULL)
    return usage_error (_("Choose the database file with --db FILE."));

  if (!parse_count ("--seed", seed_text, 0, G_MAXUINT32, &value, &message))
    return usage_error (message);
  if (seed_text != NULL)
    options.seed = (guint32) value;
  if (!parse_count ("--complaints", complaints_text, 1, 1000000, &value, &message))
    return usage_error (message);
  if (complaints_text != NULL)
    options.complaints = (guint) value;
  if (!parse_count ("--posts", posts_text, 1, 1000000, &value, &message))
    return usage_error (message);
  if (posts_text != NULL)
    options.posts = (guint) value;

  /* Checked before anything is written, so a typo leaves no database
   * behind that a second attempt would then refuse. */
  if (username != NULL && !sigap_demo_has_user (username))
    {
      message = g_strdup_printf (_("The demo regency has no user “%s”. Use an OPD code such "
                                   "as “dinkes”, or verifikator, trc or pimpinan."), username);
      return usage_error (message);
    }

  display_name = g_filename_display_name (db);

  store = sigap_store_open (db, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return SIGAP_SERVER_EXIT_FAILED;
    }

  opds = sigap_store_list_opds (store, &error);
  if (opds == NULL)
    {
      print_error (error->message);
      return SIGAP_SERVER_EXIT_FAILED;
    }
  if (opds->len > 0)
    {
      message = g_strdup_printf (_("“%s” already holds a regency. seed-demo only fills a new "
                                   "database: choose another file."), display_name);
      print_error (message);
      return SIGAP_SERVER_EXIT_FAILED;
    }

  if (!sigap_demo_seed (store, &options, &error))
    {
      print_error (error->message);
      return SIGAP_SERVER_EXIT_FAILED;
    }

  if (username != NULL)
    {
      g_autoptr(SigapUser) user = sigap_store_find_user_by_name (store, username, &error);

      if (user == NULL)
        {
          print_error (error->message);
          return SIGAP_SERVER_EXIT_FAILED;
        }
      if (!sigap_store_set_meta (store, "local_user", username, &error))
        {
          print_error (error->message);
          return SIGAP_SERVER_EXIT_FAILED;
        }
    }

  g_clear_pointer (&opds, g_ptr_array_unref);
  opds = sigap_store_list_opds (store, &error);
  if (opds != NULL)
    users = sigap_store_list_users (store, &error);
  if (users == NULL)
    {
      print_error (error->message);
      return SIGAP_SERVER_EXIT_FAILED;
    }

  /* Translators: the last %s is the database file. */
  message = g_strdup_printf (_("Seeded %u OPDs, %u users, %u posts, %u complaints into %s"),
                             opds->len, users->len,
                             (guint) sigap_store_count_posts (store, NULL),
                             (guint) sigap_store_count_complaints (store, NULL),
                             display_name);
  g_print ("%s\n", message);

  return SIGAP_SERVER_EXIT_OK;
}

/* }}} */

/**
 * sigap_server_cli_run:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, the program's name first
 *
 * Runs the sigap-server command line: `sigap-server COMMAND [OPTION…]`.
 *
 * Returns: the exit status: 0 on success, 1 when the command failed, 2 when
 *   the command line is wrong
 */
int
sigap_server_cli_run (int    argc,
                      char **argv)
{
  const Command *command;

  g_return_val_if_fail (argc >= 1, SIGAP_SERVER_EXIT_USAGE);
  g_return_val_if_fail (argv != NULL, SIGAP_SERVER_EXIT_USAGE);

  if (argc < 2)
    {
      print_usage (TRUE);
      return SIGAP_SERVER_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      char *help_argv[] = { NULL, (char *) "--help", NULL };

      if (argc < 3 || !g_str_equal (argv[1], "help"))
        {
          print_usage (FALSE);
          return SIGAP_SERVER_EXIT_OK;
        }

      /* `sigap-server help COMMAND` is `sigap-server COMMAND --help`. */
      command = find_command (argv[2]);
      if (command == NULL)
        return unknown_command (argv[2]);

      help_argv[0] = (char *) command->name;
      return run_command (command, 2, help_argv);
    }

  command = find_command (argv[1]);
  if (command == NULL)
    return unknown_command (argv[1]);

  return run_command (command, argc - 1, argv + 1);
}
