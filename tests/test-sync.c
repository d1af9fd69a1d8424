/* test-sync.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "sigap-http-server.h"
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

  client_login (a, "dinkes", SIGAP_DEMO_PASSWORD);
  client_sync_ok (a);
  g_assert_cmpint (sigap_store_count_posts (a->store, NULL), >, 0);
  assert_admin_replica (f, a);
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

  seed_template ();

  ADD ("/sync/first", test_first_sync);
  ADD ("/sync/offline", test_offline_then_sync);
  ADD ("/sync/merge-conflict", test_merge_and_conflict);
  ADD ("/sync/retry", test_retry);
  ADD ("/sync/route-complaint", test_route_complaint);
  ADD ("/sync/interrupted-pull", test_interrupted_pull);

  status = g_test_run ();

  sigap_test_rm_rf (template_dir);
  g_free (template_dir);
  g_free (template_path);

  return status;
}
