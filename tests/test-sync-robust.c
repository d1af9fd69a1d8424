/* test-sync-robust.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#include <libsoup/soup.h>

#include "sigap-demo.h"
#include "sigap-sync-client.h"
#include "sigap-test-utils.h"

/*
 * Sync under a crashing server and a wrong client clock. The server is the
 * real sigap-server in a child process; the client reaches it through a
 * small TCP relay in a thread of this test, which sees the push go by and
 * kills the server with SIGKILL at a chosen moment. The server restarts on
 * the same database (and port when it is still free); the relay keeps the
 * client's URL the same either way.
 */

#define N_POSTS 150

typedef enum
{
  KILL_NEVER,
  KILL_AT_FIRST_BYTE,   /* the push's first bytes reached the server */
  KILL_AFTER_REQUEST,   /* the whole push reached the server */
  KILL_AT_RESPONSE,     /* the server answered: it committed */
} KillAt;

typedef struct
{
  char *dir;
  char *db;
  GSubprocess *server;
  guint16 server_port;

  /* The relay. */
  int listen_fd;
  guint16 port;
  GThread *thread;
  gint stop;
  gint kill_at;         /* KillAt, armed for one push */
  gint killed;          /* the moment it killed at */
  GPtrArray *connections;  /* threads, one per connection */
} Fixture;

typedef struct
{
  Fixture *f;
  int fd;
} Connection;

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
server_start (Fixture *f)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *line = NULL;
  const char *prefix = "Listening on http://127.0.0.1:";
  guint64 port = 0;

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);

  /* The same port as before if it is free again, any other if not. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      listen = g_strdup_printf ("127.0.0.1:%u", attempt == 0 ? f->server_port : 0);
      f->server = g_subprocess_launcher_spawn (launcher, &error, SIGAP_SERVER_PATH, "serve",
                                               "--db", f->db, "--listen", listen, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (f->server));
      line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
      if (line != NULL)
        break;
      g_subprocess_wait (f->server, NULL, NULL);
      g_clear_object (&f->server);
      g_clear_object (&out);
      g_clear_pointer (&listen, g_free);
    }

  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));
  g_assert_true (g_ascii_string_to_unsigned (line + strlen (prefix), 10, 1, G_MAXUINT16,
                                             &port, NULL));
  if (f->server_port != 0)
    g_test_message ("restarted on port %u (was %u)", (guint) port, f->server_port);
  f->server_port = (guint16) port;
}

static void
server_kill (Fixture *f)
{
  g_subprocess_send_signal (f->server, SIGKILL);
}

static void
server_stop (Fixture *f)
{
  if (f->server == NULL)
    return;
  g_subprocess_send_signal (f->server, SIGKILL);
  g_subprocess_wait (f->server, NULL, NULL);
  g_clear_object (&f->server);
}

/* The relay {{{ */

static int
connect_server (Fixture *f)
{
  struct sockaddr_in addr = { .sin_family = AF_INET };
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

  addr.sin_port = htons (f->server_port);
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (connect (fd, (struct sockaddr *) &addr, sizeof addr) != 0)
    {
      close (fd);
      return -1;
    }

  return fd;
}

/* Forwards one connection both ways; watches for a push on the way in. */
static void
relay_connection (Fixture *f,
                  int      client_fd)
{
  int server_fd = connect_server (f);
  g_autoptr(GString) seen = g_string_new (NULL);
  gboolean push_sent = FALSE;
  char buffer[65536];

  if (server_fd < 0)
    return;

  while (!g_atomic_int_get (&f->stop))
    {
      struct pollfd fds[2] = { { client_fd, POLLIN, 0 }, { server_fd, POLLIN, 0 } };
      KillAt kill_at = g_atomic_int_get (&f->kill_at);
      ssize_t n;

      if (poll (fds, 2, 100) <= 0)
        continue;

      if (fds[0].revents != 0)
        {
          n = read (client_fd, buffer, sizeof buffer);
          if (n <= 0)
            break;
          g_string_append_len (seen, buffer, n);
          if (kill_at == KILL_AT_FIRST_BYTE && strstr (seen->str, "/api/v1/sync/push") != NULL)
            {
              /* A part of the request line only, then the server is gone. */
              if (write (server_fd, buffer, (size_t) MIN (n, 8)) < 0)
                break;
              server_kill (f);
              g_atomic_int_set (&f->killed, kill_at);
              g_atomic_int_set (&f->kill_at, KILL_NEVER);
              break;
            }
          if (write (server_fd, buffer, (size_t) n) != n)
            break;
          if (strstr (seen->str, "/api/v1/sync/push") != NULL)
            {
              const char *head_end = strstr (strstr (seen->str, "/api/v1/sync/push"), "\r\n\r\n");
              const char *length = strcasestr (seen->str, "\ncontent-length:");

              if (head_end != NULL && length != NULL &&
                  (gsize) (seen->str + seen->len - (head_end + 4)) >=
                  g_ascii_strtoull (length + 16, NULL, 10))
                {
                  push_sent = TRUE;
                  if (kill_at == KILL_AFTER_REQUEST)
                    {
                      server_kill (f);
                      g_atomic_int_set (&f->killed, kill_at);
                      g_atomic_int_set (&f->kill_at, KILL_NEVER);
                      break;
                    }
                }
            }
          if (seen->len > 4 * 1024 * 1024)
            g_string_truncate (seen, 0);
        }

      if (fds[1].revents != 0)
        {
          n = read (server_fd, buffer, sizeof buffer);
          if (n <= 0)
            break;
          if (push_sent && kill_at == KILL_AT_RESPONSE)
            {
              /* The server committed and answered; the client never hears. */
              server_kill (f);
              g_atomic_int_set (&f->killed, kill_at);
              g_atomic_int_set (&f->kill_at, KILL_NEVER);
              break;
            }
          if (push_sent)
            {
              push_sent = FALSE;
              g_string_truncate (seen, 0);
            }
          if (write (client_fd, buffer, (size_t) n) != n)
            break;
        }
    }

  close (server_fd);
}

static gpointer
connection_thread (gpointer data)
{
  Connection *connection = data;

  relay_connection (connection->f, connection->fd);
  close (connection->fd);
  g_free (connection);

  return NULL;
}

static gpointer
relay_thread (gpointer data)
{
  Fixture *f = data;
  Connection *connection;

  while (!g_atomic_int_get (&f->stop))
    {
      struct pollfd pfd = { f->listen_fd, POLLIN, 0 };
      int fd;

      if (poll (&pfd, 1, 100) <= 0)
        continue;
      fd = accept4 (f->listen_fd, NULL, NULL, SOCK_CLOEXEC);
      if (fd < 0)
        continue;
      connection = g_new0 (Connection, 1);
      connection->f = f;
      connection->fd = fd;
      g_ptr_array_add (f->connections, g_thread_new ("relay-connection", connection_thread,
                                                     connection));
    }

  for (guint i = 0; i < f->connections->len; i++)
    g_thread_join (f->connections->pdata[i]);
  g_ptr_array_set_size (f->connections, 0);

  return NULL;
}

static void
relay_start (Fixture *f)
{
  struct sockaddr_in addr = { .sin_family = AF_INET };
  socklen_t length = sizeof addr;

  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  f->listen_fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  g_assert_cmpint (bind (f->listen_fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (f->listen_fd, 8), ==, 0);
  g_assert_cmpint (getsockname (f->listen_fd, (struct sockaddr *) &addr, &length), ==, 0);
  f->port = ntohs (addr.sin_port);
  f->connections = g_ptr_array_new ();
  f->thread = g_thread_new ("relay", relay_thread, f);
}

/* }}} */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = NULL;
  SigapDemoOptions options = { 2025, 30, 30, 1752710400 };

  f->dir = sigap_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "server.db", NULL);
  store = sigap_store_open (f->db, &error);
  g_assert_no_error (error);
  sigap_demo_seed (store, &options, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  server_start (f);
  relay_start (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_atomic_int_set (&f->stop, TRUE);
  g_thread_join (f->thread);
  close (f->listen_fd);
  g_ptr_array_unref (f->connections);
  server_stop (f);
  sigap_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* The client {{{ */

typedef struct
{
  SigapStore *store;
  SigapSyncClient *client;
  SigapUser *user;
} Client;

static void
client_free (Client *c)
{
  g_clear_object (&c->client);
  g_clear_object (&c->store);
  g_clear_object (&c->user);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, client_free)

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static Client *
client_new (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *path = g_build_filename (f->dir, "client.db", NULL);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", f->port);
  g_autofree char *token = NULL;
  Client *c = g_new0 (Client, 1);

  c->store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  sigap_store_set_outbox_enabled (c->store, TRUE, &error);
  g_assert_no_error (error);
  c->client = sigap_sync_client_new (c->store, url);

  sigap_sync_client_login_async (c->client, "dinkes", SIGAP_DEMO_PASSWORD, NULL, done_cb,
                                 &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  sigap_sync_client_login_finish (c->client, result, &token, &c->user, &error);
  g_assert_no_error (error);

  return c;
}

static gboolean
client_sync (Client  *c,
             GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sigap_sync_client_sync_async (c->client, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return sigap_sync_client_sync_finish (c->client, result, error);
}

static void
client_sync_ok (Client *c)
{
  g_autoptr(GError) error = NULL;

  client_sync (c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_sync_client_get_state (c->client), ==, SIGAP_SYNC_STATE_IDLE);
  g_assert_cmpint (sigap_sync_client_get_pending (c->client), ==, 0);
  g_assert_cmpint (sigap_store_count_outbox (c->store), ==, 0);
}

/* Writes @n posts offline; returns their IDs. */
static GPtrArray *
client_write_posts (Client     *c,
                    guint       n,
                    const char *title)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SigapPost) post = sigap_post_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("%s %u", title, i);

      sigap_post_set_opd_id (post, sigap_user_get_opd_id (c->user));
      sigap_post_set_title (post, text);
      sigap_post_set_body (post, "Posyandu buka Sabtu.");
      sigap_post_set_scheduled_at (post, 1752800000 + i * 60);
      sigap_store_insert_post (c->store, post, &error);
      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (sigap_post_get_id (post)));
    }

  return ids;
}

/* }}} */

static char *
record_text (SigapStore *store,
             const char *entity,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = sigap_store_get_record_json (store, entity, id, &error);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_assert_no_error (error);
  json_node_set_object (node, object);

  return json_to_string (node, FALSE);
}

static gint64
count_rows (SigapStore *store,
            const char *sql,
            const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (sigap_store_get_connection (store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

/* Every post of the client's OPD is on both sides, the same. */
static void
assert_same_posts (Client     *c,
                   SigapStore *server)
{
  const char *opd_id = sigap_user_get_opd_id (c->user);
  g_autoptr(GPtrArray) mine = sigap_store_list_posts (c->store, NULL, G_MININT64, G_MAXINT64,
                                                      NULL);
  g_autoptr(GPtrArray) theirs = sigap_store_list_posts (server, opd_id, G_MININT64, G_MAXINT64,
                                                        NULL);

  g_assert_cmpuint (mine->len, ==, theirs->len);
  for (guint i = 0; i < theirs->len; i++)
    {
      const char *id = sigap_post_get_id (theirs->pdata[i]);
      g_autofree char *a = record_text (c->store, "post", id);
      g_autofree char *b = record_text (server, "post", id);

      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_kill_during_push (Fixture       *f,
                       gconstpointer  data)
{
  KillAt kill_at = GPOINTER_TO_INT (data);
  g_autoptr(Client) c = client_new (f);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(SigapStore) server = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before;
  gint64 after_crash;

  client_sync_ok (c);
  server = sigap_store_open (f->db, &error);
  g_assert_no_error (error);
  before = sigap_store_count_posts (server, sigap_user_get_opd_id (c->user));
  g_clear_object (&server);

  ids = client_write_posts (c, N_POSTS, "Jadwal imunisasi");
  g_assert_cmpint (sigap_sync_client_get_pending (c->client), ==, N_POSTS);

  g_atomic_int_set (&f->kill_at, kill_at);
  g_assert_false (client_sync (c, &error));
  g_test_message ("sync with the server killed: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (g_atomic_int_get (&f->killed), ==, kill_at);
  g_subprocess_wait (f->server, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (f->server));
  g_clear_object (&f->server);

  /* All of the batch or none of it. */
  server = sigap_store_open (f->db, &error);
  g_assert_no_error (error);
  after_crash = sigap_store_count_posts (server, sigap_user_get_opd_id (c->user));
  g_test_message ("after the crash the server has %" G_GINT64_FORMAT " new posts",
                  after_crash - before);
  g_assert_true (after_crash == before || after_crash == before + N_POSTS);
  if (kill_at == KILL_AT_FIRST_BYTE)
    g_assert_cmpint (after_crash, ==, before);
  if (kill_at == KILL_AT_RESPONSE)
    g_assert_cmpint (after_crash, ==, before + N_POSTS);
  g_clear_object (&server);

  server_start (f);
  client_sync_ok (c);

  server = sigap_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_store_count_posts (server, sigap_user_get_opd_id (c->user)), ==,
                   before + N_POSTS);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SigapPost) post = sigap_store_get_post (server, ids->pdata[i], &error);

      g_assert_no_error (error);
      /* Applied once: a second application would have made it version 2. */
      g_assert_cmpint (sigap_post_get_version (post), ==, 1);
    }
  g_assert_cmpint (count_rows (server, "SELECT count(*) FROM post WHERE title LIKE ?",
                               "Jadwal imunisasi %"), ==, N_POSTS);
  /* Each mutation was recorded once, and changed its post once. */
  g_assert_cmpint (count_rows (server, "SELECT count(*) FROM sync_mutation", NULL), ==, N_POSTS);
  g_assert_cmpint (count_rows (server, "SELECT count(*) FROM change_log WHERE entity = 'post' "
                               "AND record_id IN (SELECT id FROM post WHERE title LIKE ?)",
                               "Jadwal imunisasi %"), ==, N_POSTS);
  assert_same_posts (c, server);
}

static void
set_client_times (Client    *c,
                  GPtrArray *ids,
                  gint64     when)
{
  sqlite3 *db = sigap_store_get_connection (c->store);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE post SET created_at = ?1, updated_at = ?1 "
                                       "WHERE id = ?2", -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, when);
      sqlite3_bind_text (stmt, 2, ids->pdata[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
}

static void
test_clock_skew (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Client) c = client_new (f);
  g_autoptr(GPtrArray) future = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autoptr(SigapStore) server = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gint64 end;

  client_sync_ok (c);

  /* A client whose clock runs ten days ahead, then ten days behind. */
  future = client_write_posts (c, 20, "Dari masa depan");
  past = client_write_posts (c, 20, "Dari masa lalu");
  start = g_get_real_time () / G_USEC_PER_SEC;
  set_client_times (c, future, start + 10 * 24 * 3600);
  set_client_times (c, past, start - 10 * 24 * 3600);

  client_sync_ok (c);
  end = g_get_real_time () / G_USEC_PER_SEC;

  server = sigap_store_open (f->db, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < 2; k++)
    {
      GPtrArray *ids = k == 0 ? future : past;

      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(SigapPost) post = sigap_store_get_post (server, ids->pdata[i], &error);

          g_assert_no_error (error);
          /* The server's clock stamps the change, not the client's. */
          g_assert_cmpint (sigap_post_get_updated_at (post), >=, start - 1);
          g_assert_cmpint (sigap_post_get_updated_at (post), <=, end + 1);
        }
    }

  /* An edit after the skewed ones wins on the server's order, and both
   * sides converge. */
  client_sync_ok (c);
  assert_same_posts (c, server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync-robust/kill-at-first-byte", Fixture, GINT_TO_POINTER (KILL_AT_FIRST_BYTE),
              fixture_set_up, test_kill_during_push, fixture_tear_down);
  g_test_add ("/sync-robust/kill-after-request", Fixture, GINT_TO_POINTER (KILL_AFTER_REQUEST),
              fixture_set_up, test_kill_during_push, fixture_tear_down);
  g_test_add ("/sync-robust/kill-at-response", Fixture, GINT_TO_POINTER (KILL_AT_RESPONSE),
              fixture_set_up, test_kill_during_push, fixture_tear_down);
  g_test_add ("/sync-robust/clock-skew", Fixture, NULL,
              fixture_set_up, test_clock_skew, fixture_tear_down);

  return g_test_run ();
}
