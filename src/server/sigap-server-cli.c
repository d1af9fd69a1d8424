/* sigap-server-cli.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-server"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <sodium.h>

#include "sigap-demo.h"
#include "sigap-http-server.h"
#include "sigap-password.h"
#include "sigap-store.h"
#include "sigap-server-cli.h"
#include "sigap-server-sqlite-store.h"

#define PROGRAM "sigap-server"

#define MIN_PASSWORD_LENGTH 10
#define MAX_PASSWORD_BYTES  1024

#define DISKOMINFO_CODE         "diskominfo"
#define DISKOMINFO_NAME         "Dinas Komunikasi dan Informatika"
#define DISKOMINFO_VERIFIKATOR  "Verifikator Diskominfo"
#define DEFAULT_TIME_ZONE       "Asia/Jakarta"

/* Each subcommand gets the arguments after its name, with argv[0] set to
 * its name, and returns the process's exit status. */
typedef int (*CommandFunc) (int argc, char **argv);

typedef struct _Command Command;

/* A command either runs, or is a group (`user`, `opd`) whose first
 * argument names one of its own commands. */
struct _Command
{
  const char    *name;
  const char    *summary;  /* N_() */
  CommandFunc    run;
  const Command *subcommands;
  guint          n_subcommands;
};

/* A password in memory: wiped before it is freed. */
typedef char Secret;

static int init_run                (int argc, char **argv);
static int serve_run               (int argc, char **argv);
static int user_add_run            (int argc, char **argv);
static int user_disable_run        (int argc, char **argv);
static int user_reset_password_run (int argc, char **argv);
static int opd_add_run             (int argc, char **argv);
static int opd_list_run            (int argc, char **argv);
static int seed_demo_run           (int argc, char **argv);

static const Command user_commands[] = {
  { "add", N_("Add a user who can sign in"), user_add_run },
  { "disable", N_("Stop a user from signing in"), user_disable_run },
  { "reset-password", N_("Give a user a new password"), user_reset_password_run },
};

static const Command opd_commands[] = {
  { "add", N_("Add an OPD"), opd_add_run },
  { "list", N_("List the OPDs"), opd_list_run },
};

static const Command commands[] = {
  { "init", N_("Create a new database with Diskominfo and its verifikator"), init_run },
  { "serve", N_("Serve the Sigap API over HTTP or HTTPS"), serve_run },
  { "user", N_("Add, disable and reset users"), NULL,
    user_commands, G_N_ELEMENTS (user_commands) },
  { "opd", N_("Add and list OPDs"), NULL, opd_commands, G_N_ELEMENTS (opd_commands) },
  { "seed-demo", N_("Fill a new database with a demo regency"), seed_demo_run },
};

static const char * const time_zones[] = { "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura" };

static int dispatch (const char    *prefix,
                     const Command *table,
                     guint          n_commands,
                     int            argc,
                     char         **argv);

static void
secret_free (Secret *secret)
{
  sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Secret, secret_free)

static void
print_error (const char *message)
{
  g_printerr ("%s: %s\n", PROGRAM, message);
}

/* @prefix is what comes before COMMAND: "sigap-server", "sigap-server user". */
static void
print_usage (const char    *prefix,
             const Command *table,
             guint          n_commands,
             gboolean       to_stderr)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int width = 12;

  for (guint i = 0; i < n_commands; i++)
    width = MAX (width, (int) strlen (table[i].name) + 1);

  g_string_append_printf (text, "%s\n  %s %s\n\n", _("Usage:"), prefix, _("COMMAND [OPTION…]"));
  g_string_append_printf (text, "%s\n", _("Commands:"));
  for (guint i = 0; i < n_commands; i++)
    g_string_append_printf (text, "  %-*s %s\n", width, table[i].name, _(table[i].summary));
  g_string_append_printf (text, "  %-*s %s\n\n", width, "help",
                          _("Show this help, or the options of a command"));
  g_string_append_printf (text, _("Run “%s COMMAND --help” to see the options of a command."),
                          prefix);
  g_string_append_c (text, '\n');

  if (to_stderr)
    g_printerr ("%s", text->str);
  else
    g_print ("%s", text->str);
}

static const Command *
find_command (const Command *table,
              guint          n_commands,
              const char    *name)
{
  for (guint i = 0; i < n_commands; i++)
    if (g_str_equal (table[i].name, name))
      return &table[i];

  return NULL;
}

static int
unknown_command (const char *prefix,
                 const char *name)
{
  g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), name);
  g_autofree char *hint = g_strdup_printf (_("Run “%s --help” to see the commands."), prefix);

  print_error (message);
  g_printerr ("%s\n", hint);

  return SIGAP_SERVER_EXIT_USAGE;
}

static int
run_command (const char     *prefix,
             const Command  *command,
             int             argc,
             char          **argv)
{
  g_autofree char *prgname = g_strdup_printf ("%s %s", prefix, command->name);

  /* GOptionContext's usage line then reads "sigap-server user add …". */
  g_set_prgname (prgname);

  if (command->subcommands != NULL)
    return dispatch (prgname, command->subcommands, command->n_subcommands, argc, argv);

  return command->run (argc, argv);
}

/* Runs the command of @table that argv[1] names; argv[0] is the name of
 * the program or of the group. */
static int
dispatch (const char     *prefix,
          const Command  *table,
          guint           n_commands,
          int             argc,
          char          **argv)
{
  const Command *command;

  if (argc < 2)
    {
      print_usage (prefix, table, n_commands, TRUE);
      return SIGAP_SERVER_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      g_autoptr(GPtrArray) help_argv = NULL;

      if (argc < 3 || !g_str_equal (argv[1], "help"))
        {
          print_usage (prefix, table, n_commands, FALSE);
          return SIGAP_SERVER_EXIT_OK;
        }

      command = find_command (table, n_commands, argv[2]);
      if (command == NULL)
        return unknown_command (prefix, argv[2]);

      /* `help COMMAND [SUBCOMMAND]` is `COMMAND [SUBCOMMAND] --help`. */
      help_argv = g_ptr_array_new ();
      for (int i = 2; i < argc; i++)
        g_ptr_array_add (help_argv, argv[i]);
      g_ptr_array_add (help_argv, (char *) "--help");
      g_ptr_array_add (help_argv, NULL);

      return run_command (prefix, command, (int) help_argv->len - 1, (char **) help_argv->pdata);
    }

  command = find_command (table, n_commands, argv[1]);
  if (command == NULL)
    return unknown_command (prefix, argv[1]);

  return run_command (prefix, command, argc - 1, argv + 1);
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

static int
failed (const char *message)
{
  print_error (message);

  return SIGAP_SERVER_EXIT_FAILED;
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

/* Common parts of the commands {{{ */

static GOptionContext *
new_option_context (const char         *summary,
                    const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* Parses the options; on a mistake, reports it and returns FALSE with
 * the exit status in @status. */
static gboolean
parse_options (GOptionContext   *context,
               int              *argc,
               char           ***argv,
               char           ***rest,
               int              *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error (error->message);
      return FALSE;
    }

  /* G_OPTION_REMAINING fills @rest during the parse. */
  if (*rest != NULL && (*rest)[0] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”."), (*rest)[0]);

      *status = usage_error (message);
      return FALSE;
    }

  return TRUE;
}

/* Opens a database that `init` or `seed-demo` made: a missing file is a
 * typo, not a wish for an empty database. */
static SigapServerStore *
open_existing_store (const char *db)
{
  g_autoptr(GError) error = NULL;
  SigapServerStore *store;

  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display_name = g_filename_display_name (db);
      g_autofree char *message = NULL;

      /* Translators: the first %s is a file, the second the program. */
      message = g_strdup_printf (_("There is no database at %s. Create it first with "
                                   "“%s init --db FILE”."), display_name, PROGRAM);
      print_error (message);
      return NULL;
    }

  store = sigap_server_sqlite_store_new (db, &error);
  if (store == NULL)
    print_error (error->message);

  return store;
}

/* Looks up an OPD that must exist; reports a missing one. */
static SigapOpd *
find_opd (SigapServerStore *store,
          const char       *code)
{
  g_autoptr(GError) error = NULL;
  SigapOpd *opd = SIGAP_OPD (sigap_server_store_find_record (store, SIGAP_SERVER_ENTITY_OPD,
                                                             code, &error));

  if (opd == NULL)
    {
      if (g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("There is no OPD with the code “%s”. Run “%s opd list "
                                       "--db FILE” to see the codes."), code, PROGRAM);
          print_error (message);
        }
      else
        print_error (error->message);
    }

  return opd;
}

/* Looks up a user that must exist; reports a missing one. */
static SigapUser *
find_user (SigapServerStore *store,
           const char       *username)
{
  g_autoptr(GError) error = NULL;
  SigapUser *user = SIGAP_USER (sigap_server_store_find_record (store, SIGAP_SERVER_ENTITY_USER,
                                                                username, &error));

  if (user == NULL)
    {
      if (g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *message = g_strdup_printf (_("There is no user “%s”."), username);

          print_error (message);
        }
      else
        print_error (error->message);
    }

  return user;
}

/* Whether the store has a user called @username; FALSE with @error set
 * when the store cannot tell. */
static gboolean
has_user (SigapServerStore  *store,
          const char        *username,
          gboolean          *exists,
          GError           **error)
{
  g_autoptr(GObject) user = NULL;
  g_autoptr(GError) local_error = NULL;

  user = sigap_server_store_find_record (store, SIGAP_SERVER_ENTITY_USER, username,
                                         &local_error);
  *exists = user != NULL;
  if (user == NULL &&
      !g_error_matches (local_error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Usernames and OPD codes end up in URLs and in log lines: keep them to
 * ASCII letters, digits, dots, dashes and underscores. */
static gboolean
is_valid_name (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > 64 || !g_ascii_isalnum (text[0]))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

/* Reads an enum by its nick; "admin_opd" is accepted for "admin-opd". */
static gboolean
parse_enum (GType       type,
            const char *text,
            int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autofree char *nick = g_strdelimit (g_ascii_strdown (text, -1), "_", '-');
  GEnumValue *enum_value = g_enum_get_value_by_nick (klass, nick);

  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;

  return TRUE;
}

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* The nicks are static strings of the registered type. */
  return enum_value != NULL ? enum_value->value_nick : "";
}

/* }}} */

/* Passwords {{{ */

/* The first line of @path, without its line end. */
static Secret *
read_password_file (const char  *path,
                    GError     **error)
{
  char *contents = NULL;
  gsize length = 0;
  gsize line_length;
  const char *end;
  Secret *password;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  end = memchr (contents, '\n', length);
  line_length = end != NULL ? (gsize) (end - contents) : length;
  if (line_length > 0 && contents[line_length - 1] == '\r')
    line_length--;

  password = g_strndup (contents, line_length);
  sodium_memzero (contents, length);
  g_free (contents);

  return password;
}

static void
set_terminal_error (GError **error,
                    int      errsv)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Cannot read the password from the terminal: %s"), g_strerror (errsv));
}

/* Reads one line from the terminal on standard input, without echo. */
static Secret *
read_hidden_line (const char  *prompt,
                  GError     **error)
{
  struct termios saved;
  struct termios quiet;
  char buffer[MAX_PASSWORD_BYTES + 2];
  gboolean got_line;
  gsize length;
  Secret *line = NULL;

  if (tcgetattr (STDIN_FILENO, &saved) != 0)
    {
      set_terminal_error (error, errno);
      return NULL;
    }

  quiet = saved;
  quiet.c_lflag &= ~ECHO;
  /* The Enter key still moves to the next line. */
  quiet.c_lflag |= ECHONL;

  g_printerr ("%s", prompt);
  if (tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) != 0)
    {
      set_terminal_error (error, errno);
      return NULL;
    }
  got_line = fgets (buffer, sizeof buffer, stdin) != NULL;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);

  if (!got_line)
    {
      g_printerr ("\n");
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No password was typed."));
    }
  else
    {
      length = strcspn (buffer, "\r\n");
      if (buffer[length] == '\0' && length > MAX_PASSWORD_BYTES)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("The password is too long: keep it under %d bytes."),
                     MAX_PASSWORD_BYTES);
      else
        line = g_strndup (buffer, length);
    }

  sodium_memzero (buffer, sizeof buffer);

  return line;
}

static gboolean
check_password (const char  *password,
                char       **message)
{
  if (!g_utf8_validate (password, -1, NULL))
    {
      *message = g_strdup (_("The password is not valid UTF-8 text."));
      return FALSE;
    }

  if (g_utf8_strlen (password, -1) < MIN_PASSWORD_LENGTH)
    {
      *message = g_strdup_printf (ngettext ("The password must be at least %d character long.",
                                            "The password must be at least %d characters long.",
                                            MIN_PASSWORD_LENGTH),
                                  MIN_PASSWORD_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/* The new password of a user: the first line of @password_file, or typed
 * twice on the terminal. On failure it reports why and returns NULL with
 * the exit status in @status. */
static Secret *
read_new_password (const char *password_file,
                   int        *status)
{
  g_autoptr(Secret) password = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  *status = SIGAP_SERVER_EXIT_FAILED;

  if (password_file != NULL)
    {
      password = read_password_file (password_file, &error);
      if (password == NULL)
        {
          print_error (error->message);
          return NULL;
        }
    }
  else
    {
      g_autoptr(Secret) again = NULL;

      if (!isatty (STDIN_FILENO))
        {
          *status = usage_error (_("There is no terminal to type the password in. Write it "
                                   "on the first line of a file that only you can read, and "
                                   "use --password-file FILE."));
          return NULL;
        }

      password = read_hidden_line (_("New password: "), &error);
      if (password == NULL)
        {
          print_error (error->message);
          return NULL;
        }

      /* Say what is wrong before asking for the same password again. */
      if (!check_password (password, &message))
        {
          print_error (message);
          return NULL;
        }

      again = read_hidden_line (_("Type the new password again: "), &error);
      if (again == NULL)
        {
          print_error (error->message);
          return NULL;
        }

      if (!g_str_equal (password, again))
        {
          print_error (_("The two passwords differ. Nothing was changed."));
          return NULL;
        }
    }

  if (!check_password (password, &message))
    {
      print_error (message);
      return NULL;
    }

  *status = SIGAP_SERVER_EXIT_OK;

  return g_steal_pointer (&password);
}

/* }}} */

/* init {{{ */

typedef struct
{
  const char *username;
  const char *hash;
} InitData;

/* Adds Diskominfo, unless the database has it, and its verifikator. */
static gboolean
init_cb (SigapServerStore  *store,
         gpointer           user_data,
         GError           **error)
{
  InitData *data = user_data;
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(SigapUser) user = NULL;
  g_autoptr(GError) local_error = NULL;

  /* A database that only holds OPDs keeps its Diskominfo. */
  opd = SIGAP_OPD (sigap_server_store_find_record (store, SIGAP_SERVER_ENTITY_OPD,
                                                   DISKOMINFO_CODE, &local_error));
  if (opd == NULL &&
      !g_error_matches (local_error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (opd == NULL)
    {
      opd = sigap_opd_new ();
      sigap_opd_set_code (opd, DISKOMINFO_CODE);
      sigap_opd_set_name (opd, DISKOMINFO_NAME);
      sigap_opd_set_kind (opd, SIGAP_OPD_KIND_DINAS);
      sigap_opd_set_time_zone (opd, DEFAULT_TIME_ZONE);
      if (!sigap_server_store_insert_record (store, opd, error))
        return FALSE;
    }

  user = sigap_user_new ();
  sigap_user_set_username (user, data->username);
  sigap_user_set_display_name (user, DISKOMINFO_VERIFIKATOR);
  sigap_user_set_role (user, SIGAP_ROLE_VERIFIKATOR);
  sigap_user_set_opd_id (user, sigap_opd_get_id (opd));
  sigap_user_set_password_hash (user, data->hash);

  return sigap_server_store_insert_record (store, user, error);
}

static int
init_run (int    argc,
          char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *username = NULL;
  g_autofree char *password_file = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The database file to create"), N_("FILE") },
    { "username", 0, 0, G_OPTION_ARG_STRING, &username,
      N_("The username of the verifikator (default: verifikator)"), N_("USERNAME") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from the first line of FILE instead of the terminal"),
      N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapServerStore) store = NULL;
  g_autoptr(Secret) password = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *message = NULL;
  InitData data;
  int status;

  context = new_option_context (_("Creates a new database for the regency’s Diskominfo: the "
                                  "Diskominfo OPD and its first user, a verifikator who can "
                                  "then add the other OPDs and users. The password is typed "
                                  "twice on the terminal, or read from --password-file."),
                                entries);
  if (!parse_options (context, &argc, &argv, &rest, &status))
    return status;

  if (db == NULL)
    return usage_error (_("Choose the database file with --db FILE."));
  if (username == NULL)
    username = g_strdup ("verifikator");
  if (!is_valid_name (username))
    {
      message = g_strdup_printf (_("A username holds only letters, digits, dots, dashes and "
                                   "underscores, and starts with a letter or digit, not "
                                   "“%s”."), username);
      return usage_error (message);
    }

  display_name = g_filename_display_name (db);

  /* An existing database is refused before the password is asked. */
  if (g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GPtrArray) users = NULL;

      store = sigap_server_sqlite_store_new (db, &error);
      if (store == NULL)
        return failed (error->message);

      users = sigap_server_store_list_records (store, SIGAP_SERVER_ENTITY_USER, NULL, &error);
      if (users == NULL)
        return failed (error->message);
      if (users->len > 0)
        {
          message = g_strdup_printf (_("%s already has users. init only creates a new "
                                       "database: choose another file, or add users with "
                                       "“%s user add”."), display_name, PROGRAM);
          return failed (message);
        }
    }

  password = read_new_password (password_file, &status);
  if (password == NULL)
    return status;
  hash = sigap_password_hash (password);

  if (store == NULL)
    {
      store = sigap_server_sqlite_store_new (db, &error);
      if (store == NULL)
        return failed (error->message);
    }

  data.username = username;
  data.hash = hash;
  if (!sigap_server_store_run_in_transaction (store, init_cb, &data, &error))
    return failed (error->message);

  g_clear_pointer (&message, g_free);
  /* Translators: the first %s is the database file, the second a username. */
  message = g_strdup_printf (_("Created %s with Diskominfo and the verifikator “%s”."),
                             display_name, username);
  g_print ("%s\n", message);

  return SIGAP_SERVER_EXIT_OK;
}

/* }}} */

/* serve {{{ */

/* Splits "127.0.0.1:8080" or "[::1]:8080" into an IP address and a port. */
static gboolean
parse_listen (const char  *text,
              char       **address,
              guint16     *port)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autofree char *host = NULL;
  const char *port_text;
  gboolean bracketed = text[0] == '[';
  guint64 number;

  if (bracketed)
    {
      const char *close = strchr (text, ']');

      if (close == NULL || close[1] != ':')
        return FALSE;
      host = g_strndup (text + 1, close - text - 1);
      port_text = close + 2;
    }
  else
    {
      const char *colon = strrchr (text, ':');

      if (colon == NULL)
        return FALSE;
      host = g_strndup (text, colon - text);
      port_text = colon + 1;
    }

  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    return FALSE;
  /* An IPv6 address goes in brackets, so that its port is not ambiguous. */
  if (bracketed != (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6))
    return FALSE;

  if (!g_ascii_string_to_unsigned (port_text, 10, 0, G_MAXUINT16, &number, NULL))
    return FALSE;

  *address = g_steal_pointer (&host);
  *port = (guint16) number;

  return TRUE;
}

static gboolean
stop_cb (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_main_loop_quit (loop);

  return G_SOURCE_CONTINUE;
}

static int
serve_run (int    argc,
           char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *listen_text = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The database to serve"), N_("FILE") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen_text,
      N_("The IP address and port to listen on, such as 0.0.0.0:8080 or [::1]:8080; "
         "port 0 picks a free port"), N_("ADDRESS:PORT") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert,
      N_("The TLS certificate, a PEM file; speaks HTTPS with --tls-key"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key,
      N_("The private key of the TLS certificate, a PEM file"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapServerStore) store = NULL;
  g_autoptr(SigapHttpServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *url = NULL;
  g_autofree char *message = NULL;
  guint sigint_id = 0;
  guint sigterm_id = 0;
  guint16 port = 0;
  int status;

  context = new_option_context (_("Serves the Sigap API under /api/v1 until it is stopped "
                                  "with Ctrl+C or SIGTERM. With --tls-cert and --tls-key it "
                                  "speaks HTTPS; without them, put it behind a proxy that "
                                  "does."), entries);
  if (!parse_options (context, &argc, &argv, &rest, &status))
    return status;

  if (db == NULL)
    return usage_error (_("Choose the database file with --db FILE."));
  if (listen_text == NULL)
    return usage_error (_("Choose where to listen with --listen ADDRESS:PORT, such as "
                          "127.0.0.1:8080."));
  if (!parse_listen (listen_text, &address, &port))
    {
      /* Translators: %s is what the user typed. */
      message = g_strdup_printf (_("--listen expects an IP address and a port, such as "
                                   "127.0.0.1:8080 or [::1]:8080, not “%s”."), listen_text);
      return usage_error (message);
    }
  if ((tls_cert == NULL) != (tls_key == NULL))
    return usage_error (_("HTTPS needs both --tls-cert FILE and --tls-key FILE."));

  store = open_existing_store (db);
  if (store == NULL)
    return SIGAP_SERVER_EXIT_FAILED;

  loop = g_main_loop_new (NULL, FALSE);
  /* Before listening: a client may ask it to stop as soon as it knows the port. */
  sigint_id = g_unix_signal_add (SIGINT, stop_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, stop_cb, loop);

  server = sigap_http_server_new (store);
  if (!sigap_http_server_listen (server, address, port, tls_cert, tls_key, &error))
    {
      g_clear_handle_id (&sigint_id, g_source_remove);
      g_clear_handle_id (&sigterm_id, g_source_remove);
      return failed (error->message);
    }

  url = g_strdup_printf (strchr (address, ':') != NULL ? "%s://[%s]:%u" : "%s://%s:%u",
                         tls_cert != NULL ? "https" : "http", address,
                         (guint) sigap_http_server_get_port (server));
  /* Translators: %s is a URL, such as http://127.0.0.1:8080. */
  message = g_strdup_printf (_("Listening on %s"), url);
  g_print ("%s\n", message);
  fflush (stdout);

  g_main_loop_run (loop);

  g_clear_handle_id (&sigint_id, g_source_remove);
  g_clear_handle_id (&sigterm_id, g_source_remove);
  sigap_http_server_disconnect (server);

  return SIGAP_SERVER_EXIT_OK;
}

/* }}} */

/* user {{{ */

static int
user_add_run (int    argc,
              char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *username = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *opd_code = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *password_file = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The database to add the user to"), N_("FILE") },
    { "username", 0, 0, G_OPTION_ARG_STRING, &username,
      N_("The name the user signs in with"), N_("USERNAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text,
      N_("admin_opd, verifikator, trc or pimpinan"), N_("ROLE") },
    { "opd", 0, 0, G_OPTION_ARG_STRING, &opd_code,
      N_("The code of the user’s OPD; needed for admin_opd (default: diskominfo)"),
      N_("CODE") },
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display_name,
      N_("The name shown for the user (default: the username)"), N_("NAME") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from the first line of FILE instead of the terminal"),
      N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapServerStore) store = NULL;
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(SigapUser) user = NULL;
  g_autoptr(Secret) password = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *message = NULL;
  gboolean exists;
  int role;
  int status;

  context = new_option_context (_("Adds a user to the database. An admin_opd manages the OPD "
                                  "given with --opd; a verifikator, trc or pimpinan belongs to "
                                  "Diskominfo unless --opd says otherwise. The password is "
                                  "typed twice on the terminal, or read from --password-file."),
                                entries);
  if (!parse_options (context, &argc, &argv, &rest, &status))
    return status;

  if (db == NULL)
    return usage_error (_("Choose the database file with --db FILE."));
  if (username == NULL)
    return usage_error (_("Choose the user with --username USERNAME."));
  if (!is_valid_name (username))
    {
      message = g_strdup_printf (_("A username holds only letters, digits, dots, dashes and "
                                   "underscores, and starts with a letter or digit, not "
                                   "“%s”."), username);
      return usage_error (message);
    }
  if (role_text == NULL)
    return usage_error (_("Choose the role with --role: admin_opd, verifikator, trc or "
                          "pimpinan."));
  if (!parse_enum (SIGAP_TYPE_ROLE, role_text, &role))
    {
      message = g_strdup_printf (_("--role expects admin_opd, verifikator, trc or pimpinan, "
                                   "not “%s”."), role_text);
      return usage_error (message);
    }
  if (role == SIGAP_ROLE_ADMIN_OPD && opd_code == NULL)
    return usage_error (_("An admin_opd manages one OPD: choose it with --opd CODE."));

  store = open_existing_store (db);
  if (store == NULL)
    return SIGAP_SERVER_EXIT_FAILED;

  /* Everything is checked before the password is asked. */
  if (!has_user (store, username, &exists, &error))
    return failed (error->message);
  if (exists)
    {
      message = g_strdup_printf (_("There is already a user “%s”. Choose another username."),
                                 username);
      return failed (message);
    }

  if (opd_code != NULL)
    {
      opd = find_opd (store, opd_code);
      if (opd == NULL)
        return SIGAP_SERVER_EXIT_FAILED;
    }
  else
    {
      opd = SIGAP_OPD (sigap_server_store_find_record (store, SIGAP_SERVER_ENTITY_OPD,
                                                       DISKOMINFO_CODE, &error));
      if (opd == NULL &&
          !g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
        return failed (error->message);
    }

  password = read_new_password (password_file, &status);
  if (password == NULL)
    return status;
  hash = sigap_password_hash (password);

  user = sigap_user_new ();
  sigap_user_set_username (user, username);
  sigap_user_set_display_name (user, display_name != NULL ? display_name : username);
  sigap_user_set_role (user, role);
  sigap_user_set_opd_id (user, opd != NULL ? sigap_opd_get_id (opd) : NULL);
  sigap_user_set_password_hash (user, hash);

  g_clear_error (&error);
  if (!sigap_server_store_insert_record (store, user, &error))
    return failed (error->message);

  g_clear_pointer (&message, g_free);
  if (opd != NULL)
    /* Translators: a username, a role (admin-opd, trc…) and an OPD code. */
    message = g_strdup_printf (_("Added the user “%s”, %s of %s."), username,
                               enum_nick (SIGAP_TYPE_ROLE, role), sigap_opd_get_code (opd));
  else
    /* Translators: a username and a role (verifikator, trc…). */
    message = g_strdup_printf (_("Added the user “%s”, %s."), username,
                               enum_nick (SIGAP_TYPE_ROLE, role));
  g_print ("%s\n", message);

  return SIGAP_SERVER_EXIT_OK;
}

static gboolean
save_user_cb (SigapServerStore  *store,
              gpointer           user_data,
              GError           **error)
{
  SigapUser *user = user_data;

  return sigap_server_store_update_record (store, user, error) &&
         sigap_server_store_revoke_user_tokens (store, sigap_user_get_id (user), error);
}

/* Saves @user and signs them out everywhere, as a disabled user or an old
 * password must not keep working through a token. */
static gboolean
save_user_and_revoke_tokens (SigapServerStore  *store,
                             SigapUser         *user,
                             GError           **error)
{
  return sigap_server_store_run_in_transaction (store, save_user_cb, user, error);
}

static int
user_disable_run (int    argc,
                  char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *username = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The database that holds the user"), N_("FILE") },
    { "username", 0, 0, G_OPTION_ARG_STRING, &username,
      N_("The user to disable"), N_("USERNAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapServerStore) store = NULL;
  g_autoptr(SigapUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int status;

  context = new_option_context (_("Stops a user from signing in and signs them out "
                                  "everywhere. The user and everything they wrote stay in the "
                                  "database."), entries);
  if (!parse_options (context, &argc, &argv, &rest, &status))
    return status;

  if (db == NULL)
    return usage_error (_("Choose the database file with --db FILE."));
  if (username == NULL)
    return usage_error (_("Choose the user with --username USERNAME."));

  store = open_existing_store (db);
  if (store == NULL)
    return SIGAP_SERVER_EXIT_FAILED;
  user = find_user (store, username);
  if (user == NULL)
    return SIGAP_SERVER_EXIT_FAILED;

  if (sigap_user_get_disabled (user))
    {
      message = g_strdup_printf (_("The user “%s” was already disabled."), username);
      g_print ("%s\n", message);
      return SIGAP_SERVER_EXIT_OK;
    }

  sigap_user_set_disabled (user, TRUE);
  if (!save_user_and_revoke_tokens (store, user, &error))
    return failed (error->message);

  message = g_strdup_printf (_("Disabled the user “%s”: they can no longer sign in."),
                             username);
  g_print ("%s\n", message);

  return SIGAP_SERVER_EXIT_OK;
}

static int
user_reset_password_run (int    argc,
                         char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *username = NULL;
  g_autofree char *password_file = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The database that holds the user"), N_("FILE") },
    { "username", 0, 0, G_OPTION_ARG_STRING, &username,
      N_("The user who gets a new password"), N_("USERNAME") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from the first line of FILE instead of the terminal"),
      N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapServerStore) store = NULL;
  g_autoptr(SigapUser) user = NULL;
  g_autoptr(Secret) password = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *message = NULL;
  int status;

  context = new_option_context (_("Gives a user a new password and signs them out everywhere. "
                                  "The password is typed twice on the terminal, or read from "
                                  "--password-file."), entries);
  if (!parse_options (context, &argc, &argv, &rest, &status))
    return status;

  if (db == NULL)
    return usage_error (_("Choose the database file with --db FILE."));
  if (username == NULL)
    return usage_error (_("Choose the user with --username USERNAME."));

  store = open_existing_store (db);
  if (store == NULL)
    return SIGAP_SERVER_EXIT_FAILED;
  user = find_user (store, username);
  if (user == NULL)
    return SIGAP_SERVER_EXIT_FAILED;

  password = read_new_password (password_file, &status);
  if (password == NULL)
    return status;
  hash = sigap_password_hash (password);

  sigap_user_set_password_hash (user, hash);
  if (!save_user_and_revoke_tokens (store, user, &error))
    return failed (error->message);

  message = g_strdup_printf (_("Changed the password of “%s” and signed them out "
                               "everywhere."), username);
  g_print ("%s\n", message);

  return SIGAP_SERVER_EXIT_OK;
}

/* }}} */

/* opd {{{ */

static int
opd_add_run (int    argc,
             char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *parent_code = NULL;
  g_autofree char *zone = NULL;
  gboolean requires_approval = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The database to add the OPD to"), N_("FILE") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code,
      N_("A short code, such as dinkes; it names the OPD in other commands"), N_("CODE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("The full name, such as “Dinas Kesehatan”"), N_("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("dinas, badan, bagian, kecamatan, kelurahan or lainnya (default: dinas)"),
      N_("KIND") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent_code,
      N_("The code of the OPD above it, such as the kecamatan of a kelurahan"), N_("CODE") },
    { "zone", 0, 0, G_OPTION_ARG_STRING, &zone,
      N_("Asia/Jakarta, Asia/Makassar or Asia/Jayapura (default: Asia/Jakarta)"),
      N_("ZONE") },
    { "requires-approval", 0, 0, G_OPTION_ARG_NONE, &requires_approval,
      N_("Its posts need the head’s approval before they are scheduled"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapServerStore) store = NULL;
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(SigapOpd) existing = NULL;
  g_autoptr(SigapOpd) parent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int kind = SIGAP_OPD_KIND_DINAS;
  int status;

  context = new_option_context (_("Adds an OPD, one of the regency’s agencies, to the "
                                  "database."), entries);
  if (!parse_options (context, &argc, &argv, &rest, &status))
    return status;

  if (db == NULL)
    return usage_error (_("Choose the database file with --db FILE."));
  if (code == NULL)
    return usage_error (_("Choose the OPD’s code with --code CODE."));
  if (!is_valid_name (code))
    {
      message = g_strdup_printf (_("An OPD code holds only letters, digits, dots, dashes and "
                                   "underscores, and starts with a letter or digit, not "
                                   "“%s”."), code);
      return usage_error (message);
    }
  if (name == NULL || *g_strstrip (name) == '\0')
    return usage_error (_("Choose the OPD’s full name with --name NAME."));
  if (kind_text != NULL && !parse_enum (SIGAP_TYPE_OPD_KIND, kind_text, &kind))
    {
      message = g_strdup_printf (_("--kind expects dinas, badan, bagian, kecamatan, kelurahan "
                                   "or lainnya, not “%s”."), kind_text);
      return usage_error (message);
    }
  if (zone == NULL)
    zone = g_strdup (DEFAULT_TIME_ZONE);
  if (!g_strv_contains (time_zones, zone))
    {
      message = g_strdup_printf (_("--zone expects Asia/Jakarta, Asia/Makassar or "
                                   "Asia/Jayapura, not “%s”."), zone);
      return usage_error (message);
    }

  store = open_existing_store (db);
  if (store == NULL)
    return SIGAP_SERVER_EXIT_FAILED;

  existing = SIGAP_OPD (sigap_server_store_find_record (store, SIGAP_SERVER_ENTITY_OPD, code,
                                                        &error));
  if (existing != NULL)
    {
      message = g_strdup_printf (_("There is already an OPD with the code “%s”: %s."),
                                 code, sigap_opd_get_name (existing));
      return failed (message);
    }
  if (!g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    return failed (error->message);
  g_clear_error (&error);

  if (parent_code != NULL)
    {
      parent = find_opd (store, parent_code);
      if (parent == NULL)
        return SIGAP_SERVER_EXIT_FAILED;
    }

  opd = sigap_opd_new ();
  sigap_opd_set_code (opd, code);
  sigap_opd_set_name (opd, name);
  sigap_opd_set_kind (opd, kind);
  sigap_opd_set_parent_id (opd, parent != NULL ? sigap_opd_get_id (parent) : NULL);
  sigap_opd_set_time_zone (opd, zone);
  sigap_opd_set_requires_approval (opd, requires_approval);

  if (!sigap_server_store_insert_record (store, opd, &error))
    return failed (error->message);

  /* Translators: an OPD's code, then its name. */
  message = g_strdup_printf (_("Added the OPD “%s”: %s."), code, name);
  g_print ("%s\n", message);

  return SIGAP_SERVER_EXIT_OK;
}

/* Appends @text and pads it with spaces to @width characters. */
static void
append_cell (GString    *line,
             const char *text,
             gsize       width)
{
  gsize length = (gsize) g_utf8_strlen (text, -1);

  g_string_append (line, text);
  for (gsize i = length; i < width; i++)
    g_string_append_c (line, ' ');
}

static int
opd_list_run (int    argc,
              char **argv)
{
  g_autofree char *db = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The database to read"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapServerStore) store = NULL;
  g_autoptr(GPtrArray) opds = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  gsize widths[4] = { 0, };
  int status;

  context = new_option_context (_("Lists the OPDs by name: their code, name, kind and time "
                                  "zone."), entries);
  if (!parse_options (context, &argc, &argv, &rest, &status))
    return status;

  if (db == NULL)
    return usage_error (_("Choose the database file with --db FILE."));

  store = open_existing_store (db);
  if (store == NULL)
    return SIGAP_SERVER_EXIT_FAILED;

  opds = sigap_server_store_list_records (store, SIGAP_SERVER_ENTITY_OPD, NULL, &error);
  if (opds == NULL)
    return failed (error->message);

  if (opds->len == 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("There are no OPDs yet. Add one with “%s opd add”."),
                                 PROGRAM);
      g_print ("%s\n", message);
      return SIGAP_SERVER_EXIT_OK;
    }

  /* Four cells a row, the header first; the cells are not owned. */
  rows = g_ptr_array_new ();
  g_ptr_array_add (rows, (gpointer) _("CODE"));
  g_ptr_array_add (rows, (gpointer) _("NAME"));
  g_ptr_array_add (rows, (gpointer) _("KIND"));
  g_ptr_array_add (rows, (gpointer) _("TIME ZONE"));
  for (guint i = 0; i < opds->len; i++)
    {
      SigapOpd *opd = g_ptr_array_index (opds, i);
      const char *zone = sigap_opd_get_time_zone (opd);

      g_ptr_array_add (rows, (gpointer) sigap_opd_get_code (opd));
      g_ptr_array_add (rows, (gpointer) sigap_opd_get_name (opd));
      g_ptr_array_add (rows, (gpointer) enum_nick (SIGAP_TYPE_OPD_KIND,
                                                   sigap_opd_get_kind (opd)));
      g_ptr_array_add (rows, (gpointer) (zone != NULL && *zone != '\0' ? zone : "-"));
    }

  for (guint i = 0; i < rows->len; i++)
    widths[i % 4] = MAX (widths[i % 4], (gsize) g_utf8_strlen (g_ptr_array_index (rows, i), -1));

  text = g_string_new (NULL);
  for (guint i = 0; i < rows->len; i += 4)
    {
      for (guint column = 0; column < 3; column++)
        {
          append_cell (text, g_ptr_array_index (rows, i + column), widths[column]);
          g_string_append (text, "  ");
        }
      g_string_append (text, g_ptr_array_index (rows, i + 3));
      g_string_append_c (text, '\n');
    }
  g_print ("%s", text->str);

  return SIGAP_SERVER_EXIT_OK;
}

/* }}} */

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
  g_return_val_if_fail (argc >= 1, SIGAP_SERVER_EXIT_USAGE);
  g_return_val_if_fail (argv != NULL, SIGAP_SERVER_EXIT_USAGE);

  return dispatch (PROGRAM, commands, G_N_ELEMENTS (commands), argc, argv);
}
