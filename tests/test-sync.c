/* test-sync.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "sigap-central-documents.h"
#include "sigap-http-server.h"
#include "sigap-post-templates.h"
#include "sigap-sla.h"
#include "sigap-sync-client.h"
#include "sigap-test-server.h"
#include "sigap-test-utils.h"

/* The real SigapHttpServer in a thread of its own over a seeded demo
 * regency, and desktop clients, each with its own store, syncing with it
 * through SigapSyncClient on the test thread's main context. */

static char *template_dir;
static char *template_path;

typedef struct
{
  char *dir;
  char *path;
  SigapTestServer http;
  guint16 port;
  char *url;
  SigapStore *server;   /* the server's database, read from the test thread */
} Fixture;

typedef struct
{
  SigapStore *store;
  SigapSyncClient *client;
  SigapUser *user;
  char *token;
} Client;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (template_path);
  g_autoptr(GFile) dest = NULL;

  f->dir = sigap_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "server.db", NULL);
  dest = g_file_new_for_path (f->path);
  g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  f->port = sigap_test_server_start (&f->http, f->path);

  f->url = g_strdup_printf ("http://127.0.0.1:%u", f->port);
  f->server = sigap_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->server);
  sigap_test_server_stop (&f->http);

  sigap_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->url);
}

/* Clients {{{ */

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static Client *
client_new (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/client-%s.db", f->dir, name);
  Client *c = g_new0 (Client, 1);

  c->store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  sigap_store_set_outbox_enabled (c->store, TRUE, &error);
  g_assert_no_error (error);
  c->client = sigap_sync_client_new (c->store, f->url);

  return c;
}

static void
client_free (Client *c)
{
  g_clear_object (&c->client);
  g_clear_object (&c->store);
  g_clear_object (&c->user);
  g_free (c->token);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, client_free)

static void
client_login (Client     *c,
              const char *username,
              const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *token = NULL;
  g_autofree char *meta = NULL;

  sigap_sync_client_login_async (c->client, username, password, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  sigap_sync_client_login_finish (c->client, result, &token, &c->user, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_cmpstr (sigap_user_get_username (c->user), ==, username);

  meta = sigap_store_get_meta (c->store, "local_user");
  g_assert_cmpstr (meta, ==, username);

  g_free (c->token);
  c->token = g_steal_pointer (&token);
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
}

static char *
record_text (SigapStore *store,
             const char *entity,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = sigap_store_get_record_json (store, entity, id, &error);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_assert_no_error (error);
  json_object_remove_member (object, "password_hash");
  json_node_set_object (node, object);

  return json_to_string (node, FALSE);
}

static void
assert_same_posts (SigapStore *local,
                   SigapStore *server,
                   const char *opd_id)
{
  g_autoptr(GPtrArray) mine = sigap_store_list_posts (local, NULL, G_MININT64, G_MAXINT64,
                                                      NULL);
  g_autoptr(GPtrArray) theirs = sigap_store_list_posts (server, opd_id, G_MININT64,
                                                        G_MAXINT64, NULL);

  g_assert_cmpuint (mine->len, ==, theirs->len);
  for (guint i = 0; i < mine->len; i++)
    {
      const char *id = sigap_post_get_id (theirs->pdata[i]);
      g_autofree char *a = record_text (local, "post", id);
      g_autofree char *b = record_text (server, "post", id);

      g_assert_cmpstr (a, ==, b);
    }
}

static void
assert_same_complaints (SigapStore *local,
                        SigapStore *server,
                        const char *opd_id)
{
  g_autoptr(GPtrArray) mine = sigap_store_list_complaints (local, NULL, 0, 0, NULL);
  g_autoptr(GPtrArray) theirs = sigap_store_list_complaints (server, opd_id, 0, 0, NULL);

  g_assert_cmpuint (mine->len, ==, theirs->len);
  for (guint i = 0; i < mine->len; i++)
    {
      const char *id = sigap_complaint_get_id (theirs->pdata[i]);
      g_autofree char *a = record_text (local, "complaint", id);
      g_autofree char *b = record_text (server, "complaint", id);
      g_autoptr(GPtrArray) ea = sigap_store_list_complaint_events (local, id, NULL);
      g_autoptr(GPtrArray) eb = sigap_store_list_complaint_events (server, id, NULL);

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpuint (ea->len, ==, eb->len);
    }
}

/* Everything in an admin's scope is as on the server. */
static void
assert_admin_replica (Fixture *f,
                      Client  *c)
{
  const char *opd_id = sigap_user_get_opd_id (c->user);
  g_autoptr(GPtrArray) opds = sigap_store_list_opds (c->store, NULL);
  g_autoptr(GPtrArray) server_opds = sigap_store_list_opds (f->server, NULL);
  g_autoptr(GPtrArray) reports = sigap_store_list_reports (c->store, NULL, NULL);
  g_autoptr(GPtrArray) server_reports = sigap_store_list_reports (f->server, opd_id, NULL);
  g_autoptr(GPtrArray) users = sigap_store_list_users (c->store, NULL);

  g_assert_cmpuint (opds->len, ==, server_opds->len);
  g_assert_cmpint (sigap_store_count_posts (c->store, NULL), ==,
                   sigap_store_count_posts (c->store, opd_id));
  assert_same_posts (c->store, f->server, opd_id);
  assert_same_complaints (c->store, f->server, opd_id);
  g_assert_cmpuint (reports->len, ==, server_reports->len);

  for (guint i = 0; i < users->len; i++)
    g_assert_cmpstr (sigap_user_get_opd_id (users->pdata[i]), ==, opd_id);
}

static void
add_user (Fixture    *f,
          const char *username,
          const char *opd_code,
          SigapRole   role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapUser) user = sigap_user_new ();
  g_autoptr(SigapOpd) opd = sigap_store_find_opd_by_code (f->server, opd_code, &error);
  g_autofree char *hash = sigap_password_hash (SIGAP_DEMO_PASSWORD);

  g_assert_no_error (error);
  sigap_user_set_username (user, username);
  sigap_user_set_role (user, role);
  sigap_user_set_opd_id (user, sigap_opd_get_id (opd));
  sigap_user_set_password_hash (user, hash);
  sigap_store_insert_user (f->server, user, &error);
  g_assert_no_error (error);
}

static SigapPost *
first_post (SigapStore *store)
{
  g_autoptr(GPtrArray) posts = sigap_store_list_posts (store, NULL, G_MININT64, G_MAXINT64,
                                                       NULL);

  g_assert_cmpuint (posts->len, >, 0);

  return g_object_ref (posts->pdata[0]);
}

/* }}} */

static void
test_first_sync (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Client) a = client_new (f, "a");
  g_autofree char *stale = NULL;

  client_login (a, "dinkes", SIGAP_DEMO_PASSWORD);
  client_sync_ok (a);
  g_assert_cmpint (sigap_store_count_posts (a->store, NULL), >, 0);
  assert_admin_replica (f, a);

  /* The snapshot's complaints were indexed for search once, at its end. */
  stale = sigap_store_get_meta (a->store, "complaint_fts_stale");
  g_assert_null (stale);
  g_assert_cmpint (sigap_store_count_complaints (a->store, NULL), >, 0);
  g_assert_cmpint (sqlite3_exec (sigap_store_get_connection (a->store),
                                 "INSERT INTO complaint_fts (complaint_fts, rank) "
                                 "VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_offline_then_sync (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(Client) a = client_new (f, "a");
  g_autoptr(Client) b = client_new (f, "b");
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(SigapPost) on_server = NULL;
  g_autoptr(GError) error = NULL;

  add_user (f, "dinkes2", "dinkes", SIGAP_ROLE_ADMIN_OPD);
  client_login (a, "dinkes", SIGAP_DEMO_PASSWORD);
  client_login (b, "dinkes2", SIGAP_DEMO_PASSWORD);
  client_sync_ok (a);
  client_sync_ok (b);

  sigap_post_set_opd_id (post, sigap_user_get_opd_id (a->user));
  sigap_post_set_title (post, "Jadwal imunisasi");
  sigap_post_set_body (post, "Posyandu buka Sabtu.");
  sigap_post_set_scheduled_at (post, 1752800000);
  sigap_store_insert_post (a->store, post, &error);
  g_assert_no_error (error);

  /* No server there. */
  sigap_sync_client_set_server_url (a->client, "http://127.0.0.1:1");
  g_assert_false (client_sync (a, &error));
  g_assert_error (error, SIGAP_SYNC_ERROR, SIGAP_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpint (sigap_sync_client_get_state (a->client), ==, SIGAP_SYNC_STATE_OFFLINE);
  g_assert_nonnull (sigap_sync_client_get_error_message (a->client));
  g_assert_cmpint (sigap_sync_client_get_pending (a->client), ==, 1);

  sigap_sync_client_set_server_url (a->client, f->url);
  client_sync_ok (a);
  on_server = sigap_store_get_post (f->server, sigap_post_get_id (post), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_post_get_title (on_server), ==, "Jadwal imunisasi");

  client_sync_ok (b);
  g_assert_nonnull (sigap_store_get_post (b->store, sigap_post_get_id (post), NULL));
  assert_admin_replica (f, a);
  assert_admin_replica (f, b);
}

static void
test_merge_and_conflict (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Client) a = client_new (f, "a");
  g_autoptr(Client) b = client_new (f, "b");
  g_autoptr(SigapPost) pa = NULL;
  g_autoptr(SigapPost) pb = NULL;
  g_autoptr(SigapPost) final = NULL;
  g_autoptr(GPtrArray) losing_a = NULL;
  g_autoptr(GPtrArray) losing_b = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(JsonObject) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  add_user (f, "dinkes2", "dinkes", SIGAP_ROLE_ADMIN_OPD);
  client_login (a, "dinkes", SIGAP_DEMO_PASSWORD);
  client_login (b, "dinkes2", SIGAP_DEMO_PASSWORD);
  client_sync_ok (a);
  client_sync_ok (b);

  pa = first_post (a->store);
  id = g_strdup (sigap_post_get_id (pa));
  pb = sigap_store_get_post (b->store, id, &error);
  g_assert_no_error (error);

  /* Different fields: both edits survive. */
  sigap_post_set_title (pa, "Judul dari A");
  sigap_store_update_post (a->store, pa, &error);
  g_assert_no_error (error);
  sigap_post_set_body (pb, "Isi dari B");
  sigap_store_update_post (b->store, pb, &error);
  g_assert_no_error (error);
  client_sync_ok (a);
  client_sync_ok (b);
  client_sync_ok (a);

  final = sigap_store_get_post (f->server, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_post_get_title (final), ==, "Judul dari A");
  g_assert_cmpstr (sigap_post_get_body (final), ==, "Isi dari B");
  assert_admin_replica (f, a);
  assert_admin_replica (f, b);
  g_clear_object (&final);

  /* The same field: one wins, the other's text is kept. */
  g_clear_object (&pa);
  g_clear_object (&pb);
  pa = sigap_store_get_post (a->store, id, &error);
  pb = sigap_store_get_post (b->store, id, &error);
  sigap_post_set_title (pa, "Versi A");
  sigap_store_update_post (a->store, pa, &error);
  g_assert_no_error (error);
  sigap_post_set_title (pb, "Versi B");
  sigap_store_update_post (b->store, pb, &error);
  g_assert_no_error (error);
  client_sync_ok (a);
  client_sync_ok (b);
  client_sync_ok (a);

  final = sigap_store_get_post (f->server, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_post_get_title (final), ==, "Versi A");
  losing_a = sigap_store_list_post_revisions (a->store, id, "losing-edit", &error);
  losing_b = sigap_store_list_post_revisions (b->store, id, "losing-edit", &error);
  g_assert_cmpuint (losing_a->len + losing_b->len, ==, 1);
  g_assert_cmpuint (losing_b->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (losing_b->pdata[0], "fields"), "title"),
                   ==, "Versi B");
  assert_admin_replica (f, a);
  assert_admin_replica (f, b);

  /* B sees the conflict open, keeps its own title, and A receives it;
   * A's title stays in B's history. */
  g_assert_cmpuint (sigap_store_count_post_conflicts (a->store, NULL), ==, 0);
  g_assert_cmpuint (sigap_store_count_post_conflicts (b->store, NULL), ==, 1);
  conflicts = sigap_store_list_post_conflicts (b->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (conflicts->pdata[0], "post_id"), ==, id);
  kept = json_object_new ();
  json_object_set_string_member (kept, "title", "Versi B");
  sigap_store_resolve_post_conflict (b->store, id, kept, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_store_count_post_conflicts (b->store, NULL), ==, 0);
  client_sync_ok (b);
  client_sync_ok (a);
  g_assert_cmpuint (sigap_store_count_post_conflicts (b->store, NULL), ==, 0);

  g_clear_object (&final);
  final = sigap_store_get_post (f->server, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_post_get_title (final), ==, "Versi B");
  history = sigap_store_list_post_revisions (b->store, id, "accepted", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (history->pdata[0], "fields"), "title"),
                   ==, "Versi A");
  assert_admin_replica (f, a);
  assert_admin_replica (f, b);
}

static void
test_retry (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(Client) a = client_new (f, "a");
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(SigapPost) on_server = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) login = NULL;
  g_autoptr(SoupMessage) push = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) record = NULL;
  g_autofree char *url = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *body = NULL;
  g_autofree char *record_json = NULL;
  SigapOutboxEntry *entry;
  gint64 before;

  client_login (a, "dinkes", SIGAP_DEMO_PASSWORD);
  client_sync_ok (a);
  before = sigap_store_count_posts (f->server, NULL);

  sigap_post_set_opd_id (post, sigap_user_get_opd_id (a->user));
  sigap_post_set_title (post, "Sekali saja");
  sigap_store_insert_post (a->store, post, &error);
  g_assert_no_error (error);
  entries = sigap_store_list_outbox (a->store, 0, &error);
  entry = entries->pdata[0];

  /* The client's first push reached the server but its answer was lost:
   * send the same mutation as the client would. */
  url = g_strdup_printf ("%s/api/v1/auth/login", f->url);
  login = soup_message_new ("POST", url);
  soup_message_set_request_body_from_bytes (login, "application/json",
    g_bytes_new_static ("{\"username\":\"dinkes\",\"password\":\"" SIGAP_DEMO_PASSWORD "\"}",
                        strlen ("{\"username\":\"dinkes\",\"password\":\""
                                SIGAP_DEMO_PASSWORD "\"}")));
  answer = soup_session_send_and_read (session, login, NULL, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer),
                              &error);
  g_assert_no_error (error);
  auth = g_strconcat ("Bearer ", json_object_get_string_member (
                        json_node_get_object (json_parser_get_root (parser)), "token"), NULL);

  record_json = record_text (a->store, "post", sigap_post_get_id (post));
  body = g_strdup_printf ("{\"mutations\":[{\"id\":\"%s\",\"entity\":\"post\",\"op\":\"upsert\","
                          "\"base_version\":0,\"record\":%s}]}", entry->id, record_json);
  g_clear_pointer (&url, g_free);
  url = g_strdup_printf ("%s/api/v1/sync/push", f->url);
  push = soup_message_new ("POST", url);
  soup_message_headers_replace (soup_message_get_request_headers (push), "Authorization", auth);
  soup_message_set_request_body_from_bytes (push, "application/json",
                                            g_bytes_new (body, strlen (body)));
  g_clear_pointer (&answer, g_bytes_unref);
  answer = soup_session_send_and_read (session, push, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (push), ==, 200);

  client_sync_ok (a);
  client_sync_ok (a);

  g_assert_cmpint (sigap_store_count_posts (f->server, NULL), ==, before + 1);
  on_server = sigap_store_get_post (f->server, sigap_post_get_id (post), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_post_get_version (on_server), ==, 1);
  assert_admin_replica (f, a);
}

static void
test_route_complaint (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Client) dinkes = client_new (f, "dinkes");
  g_autoptr(Client) bpbd = client_new (f, "bpbd");
  g_autoptr(Client) verifikator = client_new (f, "verifikator");
  g_autoptr(SigapOpd) dinkes_opd = NULL;
  g_autoptr(SigapOpd) bpbd_opd = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(SigapComplaint) complaint = NULL;
  g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
  g_autoptr(SigapComplaint) on_server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  dinkes_opd = sigap_store_find_opd_by_code (f->server, "dinkes", &error);
  bpbd_opd = sigap_store_find_opd_by_code (f->server, "bpbd", &error);
  g_assert_no_error (error);

  /* A dinkes complaint that Diskominfo has verified but not routed yet. */
  complaints = sigap_store_list_complaints (f->server, sigap_opd_get_id (dinkes_opd), 0, 0,
                                            &error);
  g_assert_cmpuint (complaints->len, >, 0);
  complaint = g_object_ref (complaints->pdata[0]);
  id = g_strdup (sigap_complaint_get_id (complaint));
  sigap_complaint_set_status (complaint, SIGAP_COMPLAINT_STATUS_VERIFIED);
  sigap_store_update_complaint (f->server, complaint, &error);
  g_assert_no_error (error);

  client_login (dinkes, "dinkes", SIGAP_DEMO_PASSWORD);
  client_login (bpbd, "bpbd", SIGAP_DEMO_PASSWORD);
  client_login (verifikator, "verifikator", SIGAP_DEMO_PASSWORD);
  client_sync_ok (dinkes);
  client_sync_ok (bpbd);
  client_sync_ok (verifikator);
  g_assert_nonnull (sigap_store_get_complaint (dinkes->store, id, NULL));
  g_assert_null (sigap_store_get_complaint (bpbd->store, id, NULL));

  sigap_complaint_event_set_complaint_id (event, id);
  sigap_complaint_event_set_action (event, "routed");
  sigap_complaint_event_set_from_status (event, SIGAP_COMPLAINT_STATUS_VERIFIED);
  sigap_complaint_event_set_to_status (event, SIGAP_COMPLAINT_STATUS_ROUTED);
  sigap_complaint_event_set_opd_id (event, sigap_opd_get_id (bpbd_opd));
  sigap_complaint_event_set_actor_id (event, sigap_user_get_id (verifikator->user));
  sigap_store_add_complaint_event (verifikator->store, event, &error);
  g_assert_no_error (error);
  client_sync_ok (verifikator);
  g_assert_null (sigap_sync_client_get_last_rejection (verifikator->client));

  on_server = sigap_store_get_complaint (f->server, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_complaint_get_opd_id (on_server), ==, sigap_opd_get_id (bpbd_opd));
  g_assert_cmpint (sigap_complaint_get_status (on_server), ==, SIGAP_COMPLAINT_STATUS_ROUTED);

  client_sync_ok (dinkes);
  client_sync_ok (bpbd);
  g_assert_null (sigap_store_get_complaint (dinkes->store, id, NULL));
  g_assert_nonnull (sigap_store_get_complaint (bpbd->store, id, NULL));
  assert_admin_replica (f, dinkes);
  assert_admin_replica (f, bpbd);
}

static void
cancel_after_page_cb (SigapSyncClient *client,
                      GParamSpec      *pspec,
                      GCancellable    *cancellable)
{
  if (sigap_sync_client_get_pulled (client) > 0)
    g_cancellable_cancel (cancellable);
}

static void
test_interrupted_pull (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Client) a = client_new (f, "a");
  g_autoptr(Client) b = client_new (f, "b");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  gulong handler;

  client_login (a, "dinkes", SIGAP_DEMO_PASSWORD);
  client_login (b, "dinkes", SIGAP_DEMO_PASSWORD);
  sigap_sync_client_set_page_size (a->client, 7);

  handler = g_signal_connect (a->client, "notify::pulled", G_CALLBACK (cancel_after_page_cb),
                              cancellable);
  sigap_sync_client_sync_async (a->client, cancellable, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sigap_sync_client_sync_finish (a->client, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_signal_handler_disconnect (a->client, handler);

  cursor = sigap_store_get_meta (a->store, "sync_cursor");
  g_assert_nonnull (cursor);
  g_assert_cmpuint (sigap_sync_client_get_pulled (a->client), ==, 7);

  client_sync_ok (a);
  client_sync_ok (b);
  assert_admin_replica (f, a);
  assert_admin_replica (f, b);
}

/* Complaint workflow {{{ */

/* The holidays the server counts with (the shipped calendars, as it has
 * no stored copy), for the desktop to count the same. */
static SigapWorkingDays *
shipped_working_days (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  SigapWorkingDays *days = sigap_working_days_new ();
  int year = g_date_time_get_year (now);

  for (int y = year - 1; y <= year + 1; y++)
    {
      g_autofree char *name = sigap_central_schema_document_name (SIGAP_CENTRAL_DOCUMENT_HOLIDAYS,
                                                                  y);
      g_autoptr(GBytes) bytes = sigap_central_documents_read_shipped (name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (bytes == NULL)
        continue;
      json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      sigap_working_days_add_holidays (days, json_parser_get_root (parser), &error);
      g_assert_no_error (error);
    }

  return days;
}

/* A complaint of the server's, put in @status at @opd_code by hand. */
static char *
server_complaint_in (Fixture              *f,
                     SigapComplaintStatus  status,
                     const char           *opd_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapOpd) opd = sigap_store_find_opd_by_code (f->server, opd_code, &error);
  g_autoptr(GPtrArray) complaints = sigap_store_list_complaints (f->server, NULL, 0, 0, &error);
  SigapComplaint *complaint;

  g_assert_no_error (error);
  g_assert_cmpuint (complaints->len, >, 0);
  complaint = complaints->pdata[0];
  sigap_complaint_set_status (complaint, status);
  sigap_complaint_set_opd_id (complaint, sigap_opd_get_id (opd));
  sigap_complaint_set_public_issue (complaint, FALSE);
  sigap_complaint_set_assignee_id (complaint, NULL);
  sigap_complaint_set_resolved_at (complaint, 0);
  sigap_store_update_complaint (f->server, complaint, &error);
  g_assert_no_error (error);

  return g_strdup (sigap_complaint_get_id (complaint));
}

static SigapComplaint *
get_complaint (SigapStore *store,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  SigapComplaint *complaint = sigap_store_get_complaint (store, id, &error);

  g_assert_no_error (error);

  return complaint;
}

static void
apply_step (Client           *c,
            const char       *id,
            const char       *action,
            const char       *note,
            const char       *opd_id,
            SigapWorkingDays *days)
{
  g_autoptr(SigapComplaint) complaint = get_complaint (c->store, id);
  g_autoptr(GError) error = NULL;

  sigap_complaint_workflow_apply (c->store, c->user, complaint, action, note, opd_id, days,
                                  &error);
  g_assert_no_error (error);
}

/* The last @n actions of the timeline, oldest first, comma-separated. */
static char *
last_actions (SigapStore *store,
              const char *id,
              guint       n)
{
  g_autoptr(GPtrArray) events = sigap_store_list_complaint_events (store, id, NULL);
  g_autoptr(GString) actions = g_string_new (NULL);

  g_assert_cmpuint (events->len, >=, n);
  for (guint i = events->len - n; i < events->len; i++)
    g_string_append_printf (actions, "%s%s", actions->len > 0 ? "," : "",
                            sigap_complaint_event_get_action (events->pdata[i]));

  return g_string_free (g_steal_pointer (&actions), FALSE);
}

static gint64
wib_day (gint64 t)
{
  return (t + 7 * 3600) / 86400;
}

/* The verifikator verifies and routes on a desktop, Dinkes takes the
 * complaint up, answers, assigns and resolves it on another: after each
 * sync the server has the same status, OPD, deadline and timeline. */
static void
test_complaint_workflow (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Client) verifikator = client_new (f, "verifikator");
  g_autoptr(Client) dinkes = client_new (f, "dinkes");
  g_autoptr(SigapWorkingDays) days = shipped_working_days ();
  g_autoptr(SigapOpd) dinkes_opd = sigap_store_find_opd_by_code (f->server, "dinkes", NULL);
  g_autoptr(SigapUser) staff = NULL;
  g_autoptr(SigapComplaint) local = NULL;
  g_autoptr(SigapComplaint) on_server = NULL;
  g_autoptr(GPtrArray) server_events = NULL;
  g_autoptr(GPtrArray) local_events = NULL;
  g_autofree char *id = server_complaint_in (f, SIGAP_COMPLAINT_STATUS_RECEIVED, "diskominfo");
  g_autofree char *actions = NULL;
  SigapComplaintEvent *routed;
  gint64 local_due_at;
  gint64 local_at;

  add_user (f, "dinkes2", "dinkes", SIGAP_ROLE_ADMIN_OPD);
  client_login (verifikator, "verifikator", SIGAP_DEMO_PASSWORD);
  client_login (dinkes, "dinkes", SIGAP_DEMO_PASSWORD);
  client_sync_ok (verifikator);
  client_sync_ok (dinkes);
  g_assert_null (sigap_store_get_complaint (dinkes->store, id, NULL));

  apply_step (verifikator, id, "verified", NULL, NULL, days);
  apply_step (verifikator, id, "routed", "Diteruskan ke Dinas Kesehatan.",
              sigap_opd_get_id (dinkes_opd), days);
  local = get_complaint (verifikator->store, id);
  local_due_at = sigap_complaint_get_due_at (local);
  local_events = sigap_store_list_complaint_events (verifikator->store, id, NULL);
  local_at = sigap_complaint_event_get_created_at (local_events->pdata[local_events->len - 1]);
  g_assert_cmpint (sigap_store_count_outbox (verifikator->store), ==, 2);

  client_sync_ok (verifikator);
  g_assert_null (sigap_sync_client_get_last_rejection (verifikator->client));

  on_server = get_complaint (f->server, id);
  g_assert_cmpint (sigap_complaint_get_status (on_server), ==, SIGAP_COMPLAINT_STATUS_ROUTED);
  g_assert_cmpstr (sigap_complaint_get_opd_id (on_server), ==, sigap_opd_get_id (dinkes_opd));
  actions = last_actions (f->server, id, 2);
  g_assert_cmpstr (actions, ==, "verified,routed");
  server_events = sigap_store_list_complaint_events (f->server, id, NULL);
  routed = server_events->pdata[server_events->len - 1];
  g_assert_cmpstr (sigap_complaint_event_get_actor_id (routed), ==,
                   sigap_user_get_id (verifikator->user));
  /* The same deadline, counted the same way, unless the server took the
   * step on another day. */
  if (wib_day (sigap_complaint_event_get_created_at (routed)) == wib_day (local_at))
    g_assert_cmpint (sigap_complaint_get_due_at (on_server), ==, local_due_at);
  g_assert_cmpint (sigap_complaint_get_due_at (on_server), >, local_at);

  /* The verifikator's desktop has the server's copy now. */
  g_clear_object (&local);
  local = get_complaint (verifikator->store, id);
  g_assert_cmpint (sigap_complaint_get_version (local), ==,
                   sigap_complaint_get_version (on_server));
  g_assert_cmpint (sigap_complaint_get_due_at (local), ==,
                   sigap_complaint_get_due_at (on_server));

  /* Dinkes receives it and handles it. */
  client_sync_ok (dinkes);
  g_clear_object (&local);
  local = get_complaint (dinkes->store, id);
  g_assert_cmpint (sigap_complaint_get_status (local), ==, SIGAP_COMPLAINT_STATUS_ROUTED);
  staff = sigap_store_find_user_by_name (dinkes->store, "dinkes2", NULL);
  g_assert_nonnull (staff);

  apply_step (dinkes, id, "in-progress", NULL, NULL, days);
  apply_step (dinkes, id, "answered", "Terima kasih, aduan Anda sedang kami tangani.", NULL,
              days);
  apply_step (dinkes, id, "assigned", sigap_user_get_id (staff), NULL, days);
  apply_step (dinkes, id, "resolved", "Jalan sudah diperbaiki pada Senin.", NULL, days);
  g_assert_cmpint (sigap_store_count_outbox (dinkes->store), ==, 4);
  client_sync_ok (dinkes);
  g_assert_null (sigap_sync_client_get_last_rejection (dinkes->client));

  g_clear_object (&on_server);
  on_server = get_complaint (f->server, id);
  g_assert_cmpint (sigap_complaint_get_status (on_server), ==, SIGAP_COMPLAINT_STATUS_RESOLVED);
  g_assert_cmpint (sigap_complaint_get_resolved_at (on_server), >, 0);
  g_assert_cmpstr (sigap_complaint_get_assignee_id (on_server), ==, sigap_user_get_id (staff));
  g_clear_pointer (&actions, g_free);
  actions = last_actions (f->server, id, 6);
  g_assert_cmpstr (actions, ==, "verified,routed,in-progress,answered,assigned,resolved");
  g_clear_pointer (&actions, g_free);
  actions = last_actions (dinkes->store, id, 6);
  g_assert_cmpstr (actions, ==, "verified,routed,in-progress,answered,assigned,resolved");

  assert_admin_replica (f, dinkes);
  client_sync_ok (verifikator);
  g_clear_object (&local);
  local = get_complaint (verifikator->store, id);
  g_assert_cmpint (sigap_complaint_get_status (local), ==, SIGAP_COMPLAINT_STATUS_RESOLVED);
}

/* A complaint recorded offline reaches the server, which gives it its own
 * tracking number; the desktop's provisional one, taken meanwhile by
 * another complaint, gives way. */
static void
test_record_complaint (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Client) dinkes = client_new (f, "dinkes");
  g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
  g_autoptr(SigapComplaint) taken = sigap_complaint_new ();
  g_autoptr(SigapComplaint) on_server = NULL;
  g_autoptr(SigapComplaint) local = NULL;
  g_autoptr(SigapComplaint) local_taken = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *provisional = NULL;

  client_login (dinkes, "dinkes", SIGAP_DEMO_PASSWORD);
  client_sync_ok (dinkes);

  sigap_complaint_set_channel (complaint, SIGAP_CHANNEL_WALK_IN);
  sigap_complaint_set_kind (complaint, SIGAP_COMPLAINT_KIND_COMPLAINT);
  sigap_complaint_set_citizen_name (complaint, "Budi Santoso");
  sigap_complaint_set_kecamatan (complaint, "Sukamaju");
  sigap_complaint_set_body (complaint, "Obat di puskesmas sering kosong.");

  /* Offline. */
  sigap_sync_client_set_server_url (dinkes->client, "http://127.0.0.1:1");
  sigap_complaint_workflow_record (dinkes->store, dinkes->user, NULL, complaint, NULL, &error);
  g_assert_no_error (error);
  provisional = g_strdup (sigap_complaint_get_tracking_number (complaint));
  g_assert_true (g_str_has_prefix (provisional, "ADU-"));
  g_assert_false (client_sync (dinkes, &error));
  g_assert_error (error, SIGAP_SYNC_ERROR, SIGAP_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpint (sigap_sync_client_get_pending (dinkes->client), ==, 2);

  /* Meanwhile the server gives that number to another Dinkes complaint. */
  sigap_complaint_set_tracking_number (taken, provisional);
  sigap_complaint_set_channel (taken, SIGAP_CHANNEL_WEB_FORM);
  sigap_complaint_set_body (taken, "Antrean BPJS terlalu panjang.");
  sigap_complaint_set_opd_id (taken, sigap_user_get_opd_id (dinkes->user));
  sigap_store_insert_complaint (f->server, taken, &error);
  g_assert_no_error (error);

  sigap_sync_client_set_server_url (dinkes->client, f->url);
  client_sync_ok (dinkes);
  g_assert_null (sigap_sync_client_get_last_rejection (dinkes->client));

  on_server = get_complaint (f->server, sigap_complaint_get_id (complaint));
  g_assert_cmpint (sigap_complaint_get_status (on_server), ==, SIGAP_COMPLAINT_STATUS_RECEIVED);
  g_assert_cmpstr (sigap_complaint_get_opd_id (on_server), ==,
                   sigap_user_get_opd_id (dinkes->user));
  g_assert_cmpstr (sigap_complaint_get_body (on_server), ==, "Obat di puskesmas sering kosong.");
  g_assert_true (g_str_has_prefix (sigap_complaint_get_tracking_number (on_server), "ADU-"));
  g_assert_cmpstr (sigap_complaint_get_tracking_number (on_server), !=, provisional);
  g_assert_cmpint (sigap_complaint_get_due_at (on_server), >,
                   sigap_complaint_get_received_at (on_server) - 60);

  /* Its timeline opens with the admin's "created". */
  events = sigap_store_list_complaint_events (f->server, sigap_complaint_get_id (complaint),
                                              NULL);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (sigap_complaint_event_get_action (events->pdata[0]), ==, "created");
  g_assert_cmpstr (sigap_complaint_event_get_actor_id (events->pdata[0]), ==,
                   sigap_user_get_id (dinkes->user));

  /* The desktop has the server's numbers for both. */
  local = get_complaint (dinkes->store, sigap_complaint_get_id (complaint));
  g_assert_cmpstr (sigap_complaint_get_tracking_number (local), ==,
                   sigap_complaint_get_tracking_number (on_server));
  local_taken = get_complaint (dinkes->store, sigap_complaint_get_id (taken));
  g_assert_cmpstr (sigap_complaint_get_tracking_number (local_taken), ==, provisional);
  assert_admin_replica (f, dinkes);
}

/* Downloads the central documents as the desktop does after a sync, into
 * @directory, and returns the service levels in force. */
static void
client_sla (Fixture          *f,
            Client           *c,
            const char       *directory,
            SigapSlaSettings *settings)
{
  g_autoptr(SigapCentralDocuments) documents = sigap_central_documents_new (directory, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sigap_central_documents_refresh_async (documents, NULL, f->url, c->token, NULL, done_cb,
                                         &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  sigap_central_documents_refresh_finish (documents, result, &error);
  g_assert_no_error (error);

  sigap_sla_settings_init_from_documents (settings, documents);
}

/* The regency's service levels, stored on the server by a verifikator,
 * count the deadlines: of a complaint recorded on a desktop (verification
 * within 2 working days) and of one verified there (an answer within 7),
 * on the server as on the desktop. */
static void
test_regency_sla (Fixture       *f,
                  gconstpointer  data)
{
  const char *body = "{\"format\":1,\"verification_days\":2,\"information_days\":7,"
                     "\"complaint_days\":7,\"resolution_days\":14,"
                     "\"resolution_field_check_days\":60,\"due_soon_days\":1,"
                     "\"reply_warning_hours\":4}";
  g_autoptr(Client) verifikator = client_new (f, "verifikator");
  g_autoptr(Client) dinkes = client_new (f, "dinkes");
  g_autoptr(SigapWorkingDays) days = shipped_working_days ();
  g_autoptr(SigapOpd) triage = sigap_store_find_opd_by_code (f->server, "diskominfo", NULL);
  g_autoptr(SigapOpd) dinkes_opd = sigap_store_find_opd_by_code (f->server, "dinkes", NULL);
  g_autoptr(GTimeZone) triage_zone = sigap_complaint_zone_for_opd (triage);
  g_autoptr(GTimeZone) dinkes_zone = sigap_complaint_zone_for_opd (dinkes_opd);
  g_autoptr(SigapComplaint) recorded = sigap_complaint_new ();
  g_autoptr(SigapComplaint) on_server = NULL;
  g_autoptr(SigapComplaint) local = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *central = g_build_filename (f->dir, "central", NULL);
  g_autofree char *id = server_complaint_in (f, SIGAP_COMPLAINT_STATUS_RECEIVED, "diskominfo");
  SigapSlaSettings defaults;
  SigapSlaSettings settings;
  SigapComplaintKind kind;
  gint64 verified_at;

  sigap_sla_settings_init (&defaults);
  client_login (verifikator, "verifikator", SIGAP_DEMO_PASSWORD);
  client_login (dinkes, "dinkes", SIGAP_DEMO_PASSWORD);

  /* The verifikator stores the regency's service levels. */
  {
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autofree char *url = g_strdup_printf ("%s/api/v1/rules/sla", f->url);
    g_autofree char *auth = g_strconcat ("Bearer ", verifikator->token, NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("PUT", url);
    g_autoptr(GBytes) payload = g_bytes_new_static (body, strlen (body));
    g_autoptr(GBytes) answer = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                  auth);
    soup_message_set_request_body_from_bytes (msg, "application/json", payload);
    answer = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  }

  /* Dinkes's desktop downloads them after its sync, and records a
   * complaint with them. */
  client_sync_ok (dinkes);
  client_sla (f, dinkes, central, &settings);
  g_assert_cmpuint (settings.verification_days, ==, 2);
  g_assert_cmpuint (settings.complaint_days, ==, 7);

  sigap_complaint_set_channel (recorded, SIGAP_CHANNEL_WALK_IN);
  sigap_complaint_set_kind (recorded, SIGAP_COMPLAINT_KIND_COMPLAINT);
  sigap_complaint_set_body (recorded, "Lampu jalan di depan puskesmas mati.");
  g_assert_true (sigap_complaint_workflow_record_full (dinkes->store, dinkes->user, NULL,
                                                       recorded, days, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sigap_complaint_get_due_at (recorded), ==,
                   sigap_sla_deadline (days, &settings, SIGAP_SLA_STEP_VERIFICATION,
                                       SIGAP_COMPLAINT_KIND_COMPLAINT, FALSE,
                                       sigap_complaint_get_received_at (recorded), dinkes_zone,
                                       NULL));
  g_assert_cmpint (sigap_complaint_get_due_at (recorded), <,
                   sigap_sla_deadline (days, &defaults, SIGAP_SLA_STEP_VERIFICATION,
                                       SIGAP_COMPLAINT_KIND_COMPLAINT, FALSE,
                                       sigap_complaint_get_received_at (recorded), dinkes_zone,
                                       NULL));
  client_sync_ok (dinkes);
  on_server = get_complaint (f->server, sigap_complaint_get_id (recorded));
  g_assert_cmpint (sigap_complaint_get_due_at (on_server), ==,
                   sigap_complaint_get_due_at (recorded));
  g_clear_object (&on_server);

  /* The verifikator verifies a complaint: the answer is due in 7 working
   * days, counted by the desktop and again by the server. */
  client_sync_ok (verifikator);
  client_sla (f, verifikator, central, &settings);
  g_assert_cmpuint (settings.information_days, ==, 7);
  local = get_complaint (verifikator->store, id);
  kind = sigap_complaint_get_kind (local);
  g_assert_true (sigap_complaint_workflow_apply_full (verifikator->store, verifikator->user,
                                                      local, "verified", NULL, NULL, days,
                                                      &settings, &error));
  g_assert_no_error (error);
  events = sigap_store_list_complaint_events (verifikator->store, id, NULL);
  verified_at = sigap_complaint_event_get_created_at (events->pdata[events->len - 1]);
  g_assert_cmpint (sigap_complaint_get_due_at (local), ==,
                   sigap_sla_deadline (days, &settings, SIGAP_SLA_STEP_ANSWER, kind, FALSE,
                                       verified_at, triage_zone, NULL));
  g_clear_pointer (&events, g_ptr_array_unref);

  client_sync_ok (verifikator);
  g_assert_null (sigap_sync_client_get_last_rejection (verifikator->client));
  on_server = get_complaint (f->server, id);
  g_assert_cmpint (sigap_complaint_get_status (on_server), ==, SIGAP_COMPLAINT_STATUS_VERIFIED);
  events = sigap_store_list_complaint_events (f->server, id, NULL);
  verified_at = sigap_complaint_event_get_created_at (events->pdata[events->len - 1]);
  g_assert_cmpint (sigap_complaint_get_due_at (on_server), ==,
                   sigap_sla_deadline (days, &settings, SIGAP_SLA_STEP_ANSWER, kind, FALSE,
                                       verified_at, triage_zone, NULL));
  g_assert_cmpint (sigap_complaint_get_due_at (on_server), >,
                   sigap_sla_deadline (days, &defaults, SIGAP_SLA_STEP_ANSWER, kind, FALSE,
                                       verified_at, triage_zone, NULL));
}

/* Diskominfo changes the report template on the server; every desktop
 * has it after its next sync. */
static void
test_regency_report_template (Fixture       *f,
                              gconstpointer  data)
{
  const char *body = "{\"format\":1,\"title\":\"Laporan Bulanan Kabupaten Contoh\","
                     "\"letterhead\":{\"lines\":[\"PEMERINTAH KABUPATEN CONTOH\",\"{opd}\"],"
                     "\"address\":\"Jl. Merdeka No. 1\",\"logo_png\":null},"
                     "\"sections\":[\"posts\",\"complaints\",\"notes\",\"signature\"]}";
  g_autoptr(Client) verifikator = client_new (f, "verifikator");
  g_autoptr(Client) dinkes = client_new (f, "dinkes");
  g_autofree char *central = g_build_filename (f->dir, "central", NULL);
  g_autoptr(SigapCentralDocuments) documents = sigap_central_documents_new (central, 0);
  g_autoptr(GError) error = NULL;
  SigapCentralDocument *template_;
  JsonObject *object;

  client_login (verifikator, "verifikator", SIGAP_DEMO_PASSWORD);
  client_login (dinkes, "dinkes", SIGAP_DEMO_PASSWORD);

  /* Before: the template shipped with Sigap. */
  template_ = sigap_central_documents_get_report_template (documents);
  g_assert_nonnull (template_);
  g_assert_cmpint (sigap_central_document_get_source (template_), ==,
                   SIGAP_CENTRAL_SOURCE_SHIPPED);

  {
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autofree char *url = g_strdup_printf ("%s/api/v1/rules/report-template", f->url);
    g_autofree char *auth = g_strconcat ("Bearer ", verifikator->token, NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("PUT", url);
    g_autoptr(GBytes) payload = g_bytes_new_static (body, strlen (body));
    g_autoptr(GBytes) answer = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                  auth);
    soup_message_set_request_body_from_bytes (msg, "application/json", payload);
    answer = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  }

  /* Dinkes's desktop syncs, then refreshes its central documents, as
   * the sync manager does. */
  client_sync_ok (dinkes);
  {
    g_autoptr(GAsyncResult) result = NULL;

    sigap_central_documents_refresh_async (documents, NULL, f->url, dinkes->token, NULL,
                                           done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    sigap_central_documents_refresh_finish (documents, result, &error);
    g_assert_no_error (error);
  }

  template_ = sigap_central_documents_get_report_template (documents);
  g_assert_cmpint (sigap_central_document_get_source (template_), ==,
                   SIGAP_CENTRAL_SOURCE_SERVER);
  g_assert_nonnull (sigap_central_document_get_updated_at (template_));
  object = sigap_central_document_get_object (template_);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==,
                   "Laporan Bulanan Kabupaten Contoh");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "sections")),
                    ==, 4);
}

/* Diskominfo changes the post templates and hashtag sets on the server;
 * every desktop has them after its next sync, and each OPD gets the
 * regency's sets and its own. */
static void
test_regency_post_templates (Fixture       *f,
                             gconstpointer  data)
{
  const char *body = "{\"format\":1,\"hashtag_sets\":["
                     "{\"id\":\"kampanye\",\"name\":\"Kampanye Kabupaten Contoh\","
                     "\"hashtags\":[\"#KabupatenContoh\",\"#ContohMaju\"],\"opd\":null},"
                     "{\"id\":\"dinkes\",\"name\":\"Dinas Kesehatan\","
                     "\"hashtags\":[\"#DinkesContoh\",\"#Germas\"],\"opd\":\"dinkes\"},"
                     "{\"id\":\"disdik\",\"name\":\"Dinas Pendidikan\","
                     "\"hashtags\":[\"#DisdikContoh\"],\"opd\":\"disdik\"}],"
                     "\"templates\":["
                     "{\"id\":\"kanal-pengaduan\",\"name\":\"Kanal pengaduan\","
                     "\"kind\":\"announcement\",\"category\":\"public-service\","
                     "\"body\":\"Sampaikan pengaduan tentang layanan {opd} di lapor.go.id.\","
                     "\"date\":null},"
                     "{\"id\":\"hari-kesehatan-nasional\",\"name\":\"Hari Kesehatan Nasional\","
                     "\"kind\":\"greeting\",\"category\":\"education\","
                     "\"body\":\"Selamat Hari Kesehatan Nasional {tahun} dari {opd}.\","
                     "\"date\":\"11-12\"}]}";
  g_autoptr(Client) verifikator = client_new (f, "verifikator");
  g_autoptr(Client) dinkes = client_new (f, "dinkes");
  g_autofree char *central = g_build_filename (f->dir, "central", NULL);
  g_autoptr(SigapCentralDocuments) documents = sigap_central_documents_new (central, 0);
  g_autoptr(SigapPostTemplates) templates = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 11, 1, 2, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SigapCentralDocument *document;

  client_login (verifikator, "verifikator", SIGAP_DEMO_PASSWORD);
  client_login (dinkes, "dinkes", SIGAP_DEMO_PASSWORD);

  /* Before: the templates shipped with Sigap. */
  document = sigap_central_documents_get_post_templates (documents);
  g_assert_nonnull (document);
  g_assert_cmpint (sigap_central_document_get_source (document), ==,
                   SIGAP_CENTRAL_SOURCE_SHIPPED);

  {
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autofree char *url = g_strdup_printf ("%s/api/v1/rules/post-templates", f->url);
    g_autofree char *auth = g_strconcat ("Bearer ", verifikator->token, NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("PUT", url);
    g_autoptr(GBytes) payload = g_bytes_new_static (body, strlen (body));
    g_autoptr(GBytes) answer = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                  auth);
    soup_message_set_request_body_from_bytes (msg, "application/json", payload);
    answer = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  }

  /* Dinkes's desktop syncs, then refreshes its central documents, as
   * the sync manager does. */
  client_sync_ok (dinkes);
  {
    g_autoptr(GAsyncResult) result = NULL;

    sigap_central_documents_refresh_async (documents, NULL, f->url, dinkes->token, NULL,
                                           done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    sigap_central_documents_refresh_finish (documents, result, &error);
    g_assert_no_error (error);
  }

  document = sigap_central_documents_get_post_templates (documents);
  g_assert_cmpint (sigap_central_document_get_source (document), ==,
                   SIGAP_CENTRAL_SOURCE_SERVER);
  g_assert_nonnull (sigap_central_document_get_updated_at (document));

  templates = sigap_post_templates_new_for_documents (documents);
  g_assert_nonnull (templates);
  sets = sigap_post_templates_for_opd (templates, "dinkes");
  g_assert_cmpuint (sets->len, ==, 2);
  g_assert_cmpstr (((SigapHashtagSet *) sets->pdata[0])->id, ==, "kampanye");
  g_assert_cmpstr (((SigapHashtagSet *) sets->pdata[1])->hashtags[0], ==, "#DinkesContoh");

  sorted = sigap_post_templates_sort_for_date (templates, today);
  g_assert_cmpuint (sorted->len, ==, 2);
  g_assert_cmpstr (((SigapPostTemplate *) sorted->pdata[0])->id, ==, "hari-kesehatan-nasional");
  text = sigap_post_template_fill (((SigapPostTemplate *) sorted->pdata[0])->body,
                                   "Dinas Kesehatan", today);
  g_assert_cmpstr (text, ==, "Selamat Hari Kesehatan Nasional 2026 dari Dinas Kesehatan.");
}

/* A step the server refuses is undone on the desktop that took it. */
static void
test_refused_step (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Client) a = client_new (f, "a");
  g_autoptr(Client) b = client_new (f, "b");
  g_autoptr(SigapComplaint) local = NULL;
  g_autoptr(SigapComplaint) on_server = NULL;
  g_autoptr(GPtrArray) local_events = NULL;
  g_autoptr(GPtrArray) server_events = NULL;
  g_autofree char *id = server_complaint_in (f, SIGAP_COMPLAINT_STATUS_ROUTED, "dinkes");
  g_autofree char *actions = NULL;

  add_user (f, "dinkes2", "dinkes", SIGAP_ROLE_ADMIN_OPD);
  client_login (a, "dinkes", SIGAP_DEMO_PASSWORD);
  client_login (b, "dinkes2", SIGAP_DEMO_PASSWORD);
  client_sync_ok (a);
  client_sync_ok (b);

  /* B takes it up first … */
  apply_step (b, id, "in-progress", NULL, NULL, NULL);
  client_sync_ok (b);

  /* … while A, not synced yet, hands it back. */
  apply_step (a, id, "not-our-authority", "Bukan kewenangan Dinkes.", NULL, NULL);
  local = get_complaint (a->store, id);
  g_assert_cmpint (sigap_complaint_get_status (local), ==,
                   SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY);
  g_clear_object (&local);

  client_sync_ok (a);
  g_assert_nonnull (sigap_sync_client_get_last_rejection (a->client));

  on_server = get_complaint (f->server, id);
  g_assert_cmpint (sigap_complaint_get_status (on_server), ==,
                   SIGAP_COMPLAINT_STATUS_IN_PROGRESS);
  local = get_complaint (a->store, id);
  g_assert_cmpint (sigap_complaint_get_status (local), ==, SIGAP_COMPLAINT_STATUS_IN_PROGRESS);
  g_assert_cmpstr (sigap_complaint_get_opd_id (local), ==, sigap_complaint_get_opd_id (on_server));
  actions = last_actions (a->store, id, 1);
  g_assert_cmpstr (actions, ==, "in-progress");
  local_events = sigap_store_list_complaint_events (a->store, id, NULL);
  server_events = sigap_store_list_complaint_events (f->server, id, NULL);
  g_assert_cmpuint (local_events->len, ==, server_events->len);
  assert_admin_replica (f, a);
}

/* The error of every mutation the server rejected, as "code:field". */
static char *
rejections (Fixture *f)
{
  g_autoptr(GString) found = g_string_new (NULL);
  sqlite3 *db = sigap_store_get_connection (f->server);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT result FROM sync_mutation ORDER BY rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                                   NULL);
      JsonObject *result = json_node_get_object (node);
      JsonObject *error;

      if (!g_str_equal (json_object_get_string_member (result, "status"), "rejected"))
        continue;
      error = json_object_get_object_member (result, "error");
      g_string_append_printf (found, "%s%s:%s", found->len > 0 ? "," : "",
                              json_object_get_string_member (error, "code"),
                              json_object_get_string_member_with_default (error, "field", ""));
    }
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&found), FALSE);
}

static void
add_raw_event (Client               *c,
               const char           *id,
               const char           *action,
               SigapComplaintStatus  status,
               const char           *note)
{
  g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
  g_autoptr(GError) error = NULL;

  sigap_complaint_event_set_complaint_id (event, id);
  sigap_complaint_event_set_action (event, action);
  sigap_complaint_event_set_note (event, note);
  sigap_complaint_event_set_from_status (event, status);
  sigap_complaint_event_set_to_status (event, status);
  sigap_store_add_complaint_event (c->store, event, &error);
  g_assert_no_error (error);
}

/* Events that bypass the desktop's checks are refused by the server's,
 * which are the same, and taken off the desktop's timeline. */
static void
test_server_refuses (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Client) dinkes = client_new (f, "dinkes");
  g_autoptr(Client) bpbd = client_new (f, "bpbd");
  g_autoptr(SigapComplaint) before = NULL;
  g_autoptr(SigapComplaint) after = NULL;
  g_autoptr(GPtrArray) server_events = NULL;
  g_autoptr(GPtrArray) local_events = NULL;
  g_autofree char *id = server_complaint_in (f, SIGAP_COMPLAINT_STATUS_IN_PROGRESS, "dinkes");
  g_autofree char *found = NULL;
  guint n_events;

  client_login (bpbd, "bpbd", SIGAP_DEMO_PASSWORD);
  client_login (dinkes, "dinkes", SIGAP_DEMO_PASSWORD);
  client_sync_ok (dinkes);
  before = get_complaint (f->server, id);
  server_events = sigap_store_list_complaint_events (f->server, id, NULL);
  n_events = server_events->len;
  g_assert_cmpuint (n_events, >, 0);
  g_clear_pointer (&server_events, g_ptr_array_unref);

  /* A user of another OPD; an answer and a note need their text. */
  add_raw_event (dinkes, id, "assigned", SIGAP_COMPLAINT_STATUS_IN_PROGRESS,
                 sigap_user_get_id (bpbd->user));
  add_raw_event (dinkes, id, "answered", SIGAP_COMPLAINT_STATUS_IN_PROGRESS, NULL);
  add_raw_event (dinkes, id, "note", SIGAP_COMPLAINT_STATUS_IN_PROGRESS, " ");
  client_sync_ok (dinkes);
  g_assert_nonnull (sigap_sync_client_get_last_rejection (dinkes->client));

  /* Only the first event of a timeline is "created". */
  {
    g_autoptr(SigapComplaint) received = get_complaint (f->server, id);
    g_autoptr(GError) error = NULL;

    sigap_complaint_set_status (received, SIGAP_COMPLAINT_STATUS_RECEIVED);
    sigap_store_update_complaint (f->server, received, &error);
    g_assert_no_error (error);
    g_clear_object (&before);
    before = g_object_ref (received);
  }
  client_sync_ok (dinkes);
  add_raw_event (dinkes, id, "created", SIGAP_COMPLAINT_STATUS_RECEIVED, "Lagi");
  client_sync_ok (dinkes);

  found = rejections (f);
  g_assert_cmpstr (found, ==,
                   "invalid_request:note,invalid_request:note,invalid_request:note,"
                   "invalid_transition:action");

  after = get_complaint (f->server, id);
  g_assert_cmpint (sigap_complaint_get_version (after), ==, sigap_complaint_get_version (before));
  server_events = sigap_store_list_complaint_events (f->server, id, NULL);
  g_assert_cmpuint (server_events->len, ==, n_events);
  local_events = sigap_store_list_complaint_events (dinkes->store, id, NULL);
  g_assert_cmpuint (local_events->len, ==, n_events);
  assert_admin_replica (f, dinkes);
}

/* Reports {{{ */

static SigapReport *
get_report (SigapStore *store,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  SigapReport *report = sigap_store_get_report (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

/* Writes @report on @c's desktop, as the report page does, and syncs. */
static void
client_update_report (Client      *c,
                      SigapReport *report)
{
  g_autoptr(GError) error = NULL;

  sigap_store_update_report (c->store, report, &error);
  g_assert_no_error (error);
  client_sync_ok (c);
}

/* The review of a monthly report across two desktops: the OPD submits,
 * may not change what it submitted, the verifikator returns it only with
 * a note, which reaches the OPD's desktop and stays when the OPD submits
 * again. */
static void
test_report_review (Fixture       *f,
                    gconstpointer  data)
{
  const char *note = "Tautan unggahan TikTok belum dilampirkan.";
  g_autoptr(Client) dinkes = client_new (f, "dinkes");
  g_autoptr(Client) verifikator = client_new (f, "verifikator");
  g_autoptr(Client) hasty = client_new (f, "verifikator-2");
  g_autoptr(SigapReport) report = sigap_report_new ();
  g_autoptr(SigapReport) on_server = NULL;
  g_autoptr(SigapReport) local = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *found = NULL;
  gint64 first_submitted_at;
  gint64 version;

  client_login (dinkes, "dinkes", SIGAP_DEMO_PASSWORD);
  client_login (verifikator, "verifikator", SIGAP_DEMO_PASSWORD);
  client_login (hasty, "verifikator", SIGAP_DEMO_PASSWORD);
  client_sync_ok (dinkes);
  client_sync_ok (verifikator);

  /* Dinkes submits its report. */
  sigap_report_set_id (report, id);
  sigap_report_set_opd_id (report, sigap_user_get_opd_id (dinkes->user));
  sigap_report_set_year (report, 2030);
  sigap_report_set_month (report, 1);
  sigap_report_set_status (report, SIGAP_REPORT_STATUS_SUBMITTED);
  sigap_report_set_notes (report, "Laporan Januari.");
  sigap_store_insert_report (dinkes->store, report, &error);
  g_assert_no_error (error);
  client_sync_ok (dinkes);
  g_assert_null (sigap_sync_client_get_last_rejection (dinkes->client));
  on_server = get_report (f->server, id);
  g_assert_cmpint (sigap_report_get_status (on_server), ==, SIGAP_REPORT_STATUS_SUBMITTED);
  g_assert_cmpint (sigap_report_get_submitted_at (on_server), >, 0);
  g_assert_null (sigap_report_get_review_note (on_server));
  first_submitted_at = sigap_report_get_submitted_at (on_server);
  version = sigap_report_get_version (on_server);
  g_clear_object (&on_server);

  /* Submitted, it is the verifikator's: Dinkes's change is refused. */
  local = get_report (dinkes->store, id);
  sigap_report_set_notes (local, "Diubah setelah dikirim.");
  client_update_report (dinkes, local);
  g_assert_nonnull (sigap_sync_client_get_last_rejection (dinkes->client));
  g_clear_object (&local);
  on_server = get_report (f->server, id);
  g_assert_cmpstr (sigap_report_get_notes (on_server), ==, "Laporan Januari.");
  g_assert_cmpint (sigap_report_get_version (on_server), ==, version);
  g_clear_object (&on_server);
  /* The desktop reads the report again: the refused change is gone. */
  local = get_report (dinkes->store, id);
  g_assert_cmpstr (sigap_report_get_notes (local), ==, "Laporan Januari.");
  g_assert_cmpint (sigap_report_get_version (local), ==, version);
  g_assert_false (sigap_store_has_outbox (dinkes->store, "report", id));
  g_clear_object (&local);

  /* The verifikator returns it: not without a note (from a second
   * desktop, whose copy goes back to the server's) … */
  client_sync_ok (hasty);
  local = get_report (hasty->store, id);
  sigap_report_set_status (local, SIGAP_REPORT_STATUS_RETURNED);
  client_update_report (hasty, local);
  g_assert_nonnull (sigap_sync_client_get_last_rejection (hasty->client));
  g_clear_object (&local);
  on_server = get_report (f->server, id);
  g_assert_cmpint (sigap_report_get_status (on_server), ==, SIGAP_REPORT_STATUS_SUBMITTED);
  g_clear_object (&on_server);
  local = get_report (hasty->store, id);
  g_assert_cmpint (sigap_report_get_status (local), ==, SIGAP_REPORT_STATUS_SUBMITTED);
  g_clear_object (&local);

  /* … with one. */
  client_sync_ok (verifikator);
  local = get_report (verifikator->store, id);
  sigap_report_set_status (local, SIGAP_REPORT_STATUS_RETURNED);
  sigap_report_set_review_note (local, note);
  client_update_report (verifikator, local);
  g_clear_object (&local);
  on_server = get_report (f->server, id);
  g_assert_cmpint (sigap_report_get_status (on_server), ==, SIGAP_REPORT_STATUS_RETURNED);
  g_assert_cmpstr (sigap_report_get_review_note (on_server), ==, note);
  g_clear_object (&on_server);

  /* Dinkes's desktop sees why, fixes the report and submits it again:
   * the note stays. */
  client_sync_ok (dinkes);
  local = get_report (dinkes->store, id);
  g_assert_cmpint (sigap_report_get_status (local), ==, SIGAP_REPORT_STATUS_RETURNED);
  g_assert_cmpstr (sigap_report_get_review_note (local), ==, note);
  g_assert_cmpstr (sigap_report_get_notes (local), ==, "Laporan Januari.");
  sigap_report_set_notes (local, "Laporan Januari, dengan tautan TikTok.");
  sigap_report_set_status (local, SIGAP_REPORT_STATUS_SUBMITTED);
  client_update_report (dinkes, local);
  g_clear_object (&local);
  on_server = get_report (f->server, id);
  g_assert_cmpint (sigap_report_get_status (on_server), ==, SIGAP_REPORT_STATUS_SUBMITTED);
  g_assert_cmpstr (sigap_report_get_notes (on_server), ==,
                   "Laporan Januari, dengan tautan TikTok.");
  g_assert_cmpstr (sigap_report_get_review_note (on_server), ==, note);
  g_assert_cmpint (sigap_report_get_submitted_at (on_server), >=, first_submitted_at);
  g_clear_object (&on_server);

  /* Accepted, the note stays too. */
  client_sync_ok (verifikator);
  local = get_report (verifikator->store, id);
  sigap_report_set_status (local, SIGAP_REPORT_STATUS_ACCEPTED);
  client_update_report (verifikator, local);
  g_clear_object (&local);
  client_sync_ok (dinkes);
  local = get_report (dinkes->store, id);
  g_assert_cmpint (sigap_report_get_status (local), ==, SIGAP_REPORT_STATUS_ACCEPTED);
  g_assert_cmpstr (sigap_report_get_review_note (local), ==, note);
  assert_admin_replica (f, dinkes);

  /* Only the two changes were refused. */
  found = rejections (f);
  g_assert_cmpstr (found, ==, "forbidden:,invalid_request:review_note");
}

/* }}} */

static void
seed_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = NULL;
  SigapDemoOptions options = { 2025, 60, 80, 1752710400 };

  template_dir = sigap_test_make_tmpdir ();
  template_path = g_build_filename (template_dir, "template.db", NULL);

  store = sigap_store_open (template_path, &error);
  g_assert_no_error (error);
  sigap_demo_seed (store, &options, &error);
  g_assert_no_error (error);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The shipped holiday calendars, for the server's deadlines. */
  {
    g_autofree char *data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);

    g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);
  }

  seed_template ();

  ADD ("/sync/first", test_first_sync);
  ADD ("/sync/offline", test_offline_then_sync);
  ADD ("/sync/merge-conflict", test_merge_and_conflict);
  ADD ("/sync/retry", test_retry);
  ADD ("/sync/route-complaint", test_route_complaint);
  ADD ("/sync/interrupted-pull", test_interrupted_pull);
  ADD ("/sync/complaint-workflow", test_complaint_workflow);
  ADD ("/sync/record-complaint", test_record_complaint);
  ADD ("/sync/regency-sla", test_regency_sla);
  ADD ("/sync/regency-report-template", test_regency_report_template);
  ADD ("/sync/regency-post-templates", test_regency_post_templates);
  ADD ("/sync/refused-step", test_refused_step);
  ADD ("/sync/server-refuses", test_server_refuses);
  ADD ("/sync/report-review", test_report_review);

  status = g_test_run ();

  sigap_test_rm_rf (template_dir);
  g_free (template_dir);
  g_free (template_path);

  return status;
}
