/* test-server-sync.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "sigap-http-server.h"
#include "sigap-json.h"
#include "sigap-test-server.h"
#include "sigap-test-utils.h"

/* Sync against the real SigapHttpServer on 127.0.0.1, in a thread of its
 * own, over a copy of a small demo regency; the test thread speaks raw
 * JSON over HTTP and checks the database through its own store. */

static char *template_dir;
static char *template_path;

typedef struct
{
  char *dir;
  char *path;
  SigapTestServer http;
  guint16 port;
  SoupSession *session;
  sqlite3 *db;
  SigapStore *store;        /* the test thread's own connection */
} Fixture;

typedef struct
{
  guint status;
  char *body;
  JsonNode *json;
  char *retry_after;
  char *allow;
  char *content_type;
} Response;

static void
response_free (Response *response)
{
  g_free (response->body);
  g_clear_pointer (&response->json, json_node_unref);
  g_free (response->retry_after);
  g_free (response->allow);
  g_free (response->content_type);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

/* Server thread {{{ */

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

  f->session = soup_session_new_with_options ("timeout", 60, NULL);

  g_assert_cmpint (sqlite3_open (f->path, &f->db), ==, SQLITE_OK);
  sqlite3_busy_timeout (f->db, 10000);

  f->store = sigap_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->store);
  sqlite3_close (f->db);

  sigap_test_server_stop (&f->http);

  sigap_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* }}} */

/* Client {{{ */

static Response *
send_full (Fixture      *f,
           const char   *method,
           const char   *path,
           const char   *token,
           const char   *content_type,
           const char   *body,
           gssize        length,
           gboolean      chunked)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s", f->port, path);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  SoupMessageHeaders *headers;
  Response *response = g_new0 (Response, 1);
  const char *data;
  gsize size;

  g_assert_nonnull (msg);

  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    "Authorization", auth);
    }

  if (body != NULL)
    {
      g_autoptr(GBytes) payload = NULL;

      if (length < 0)
        length = strlen (body);
      payload = g_bytes_new (body, length);

      if (chunked)
        {
          g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (payload);

          soup_message_set_request_body (msg, content_type, stream, -1);
        }
      else
        soup_message_set_request_body_from_bytes (msg, content_type, payload);
    }

  bytes = soup_session_send_and_read (f->session, msg, NULL, &error);
  g_assert_no_error (error);

  response->status = soup_message_get_status (msg);
  data = g_bytes_get_data (bytes, &size);
  response->body = size > 0 ? g_strndup (data, size) : g_strdup ("");

  headers = soup_message_get_response_headers (msg);
  response->retry_after = g_strdup (soup_message_headers_get_one (headers, "Retry-After"));
  response->allow = g_strdup (soup_message_headers_get_one (headers, "Allow"));
  response->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));

  if (size > 0 && json_parser_load_from_data (parser, response->body, size, NULL))
    response->json = json_node_ref (json_parser_get_root (parser));

  g_test_message ("%s %s → %u %.200s", method, path, response->status, response->body);

  return response;
}

static Response *
get (Fixture    *f,
     const char *path,
     const char *token)
{
  return send_full (f, "GET", path, token, NULL, NULL, 0, FALSE);
}

static Response *
post (Fixture    *f,
      const char *path,
      const char *token,
      const char *json)
{
  return send_full (f, "POST", path, token, "application/json", json, -1, FALSE);
}

static JsonObject *
object_of (Response *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));

  return json_node_get_object (response->json);
}

/* Asserts the error shape {"error":{"code","message"}} with @code. */
static void
assert_error (Response   *response,
              guint       status,
              const char *code)
{
  JsonObject *error;

  g_assert_cmpuint (response->status, ==, status);
  g_assert_cmpstr (response->content_type, ==, "application/json");
  error = json_object_get_object_member (object_of (response), "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_cmpstr (json_object_get_string_member_with_default (error, "message", ""), !=, "");
}

static void
assert_error_field (Response   *response,
                    const char *code,
                    const char *field)
{
  JsonObject *error;

  assert_error (response, 400, code);
  error = json_object_get_object_member (object_of (response), "error");
  g_assert_cmpstr (json_object_get_string_member_with_default (error, "field", NULL), ==, field);
}

static char *
login (Fixture    *f,
       const char *username)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, SIGAP_DEMO_PASSWORD);
  g_autoptr(Response) response = post (f, "/api/v1/auth/login", NULL, body);

  g_assert_cmpuint (response->status, ==, 200);

  return g_strdup (json_object_get_string_member (object_of (response), "token"));
}

/* }}} */

/* Raw SQL {{{ */

static char *
sql_text (sqlite3    *db,
          const char *sql,
          const char *arg)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static gint64
sql_int (sqlite3    *db,
         const char *sql,
         const char *arg)
{
  g_autofree char *text = sql_text (db, sql, arg);

  g_assert_nonnull (text);

  return g_ascii_strtoll (text, NULL, 10);
}

/* }}} */

/* Sync helpers {{{ */

static char *
opd_id_of (Fixture    *f,
           const char *code)
{
  g_autoptr(SigapOpd) opd = sigap_store_find_opd_by_code (f->store, code, NULL);

  g_assert_nonnull (opd);

  return g_strdup (sigap_opd_get_id (opd));
}

static char *
user_id_of (Fixture    *f,
            const char *username)
{
  g_autoptr(SigapUser) user = sigap_store_find_user_by_name (f->store, username, NULL);

  g_assert_nonnull (user);

  return g_strdup (sigap_user_get_id (user));
}

static const char *
change_id (JsonObject *change)
{
  if (json_object_has_member (change, "record"))
    return json_object_get_string_member (json_object_get_object_member (change, "record"), "id");

  return json_object_get_string_member (change, "id");
}

static Response *
pull_page (Fixture    *f,
           const char *token,
           const char *since,
           guint       limit)
{
  g_autofree char *escaped = g_uri_escape_string (since, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/sync/pull?since=%s&limit=%u", escaped, limit);

  return get (f, path, token);
}

/* Pulls pages from @since until has_more is false; returns the changes,
 * in order, and sets *@cursor to the last cursor. */
static GPtrArray *
pull_all (Fixture     *f,
          const char  *token,
          const char  *since,
          guint        limit,
          char       **cursor)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *next = g_strdup (since);

  for (guint page = 0; ; page++)
    {
      g_autoptr(Response) response = pull_page (f, token, next, limit);
      JsonObject *answer;
      JsonArray *array;

      g_assert_cmpuint (response->status, ==, 200);
      answer = object_of (response);
      array = json_object_get_array_member (answer, "changes");
      g_assert_nonnull (array);
      g_assert_cmpuint (json_array_get_length (array), <=, limit);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (changes, json_object_ref (json_array_get_object_element (array, i)));

      g_free (next);
      next = g_strdup (json_object_get_string_member (answer, "cursor"));
      g_assert_nonnull (next);

      if (!json_object_get_boolean_member (answer, "has_more"))
        break;

      g_assert_cmpuint (page, <, 10000);
    }

  if (cursor != NULL)
    *cursor = g_steal_pointer (&next);

  return changes;
}

/* The last change of @entity for @id, or NULL. */
static JsonObject *
find_change (GPtrArray  *changes,
             const char *entity,
             const char *id)
{
  for (guint i = changes->len; i > 0; i--)
    {
      JsonObject *change = g_ptr_array_index (changes, i - 1);

      if (g_str_equal (json_object_get_string_member (change, "entity"), entity) &&
          g_strcmp0 (change_id (change), id) == 0)
        return change;
    }

  return NULL;
}

/* "entity/id" of every upsert in @changes, each once. */
static GHashTable *
upsert_keys (GPtrArray  *changes,
             const char *entity)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *change = g_ptr_array_index (changes, i);

      if (!g_str_equal (json_object_get_string_member (change, "entity"), entity))
        continue;
      g_assert_cmpstr (json_object_get_string_member (change, "op"), ==, "upsert");
      g_assert_true (g_hash_table_add (keys, g_strdup (change_id (change))));
    }

  return keys;
}

static void
assert_same_ids (GHashTable *keys,
                 GPtrArray  *records)
{
  g_assert_cmpuint (g_hash_table_size (keys), ==, records->len);
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *id = NULL;

      g_object_get (g_ptr_array_index (records, i), "id", &id, NULL);
      g_assert_true (g_hash_table_contains (keys, id));
    }
}

static Response *
push (Fixture    *f,
      const char *token,
      const char *mutations)
{
  g_autofree char *body = g_strdup_printf ("{\"mutations\":[%s]}", mutations);

  return post (f, "/api/v1/sync/push", token, body);
}

/* The one result of a push of one mutation. */
static JsonObject *
only_result (Response *response)
{
  JsonArray *results;

  g_assert_cmpuint (response->status, ==, 200);
  results = json_object_get_array_member (object_of (response), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 1);

  return json_array_get_object_element (results, 0);
}

static void
assert_rejected (JsonObject *result,
                 const char *code)
{
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (result, "error"), "code"), ==, code);
  /* Never the data. */
  g_assert_false (json_object_has_member (result, "record"));
}

static char *
event_mutation (const char *complaint_id,
                const char *action,
                const char *from,
                const char *to,
                const char *opd_id,
                const char *note)
{
  g_autofree char *mutation_id = g_uuid_string_random ();
  g_autofree char *event_id = g_uuid_string_random ();
  g_autofree char *opd = opd_id != NULL ? g_strdup_printf ("\"%s\"", opd_id) : g_strdup ("null");
  g_autofree char *text = note != NULL ? g_strdup_printf ("\"%s\"", note) : g_strdup ("null");

  return g_strdup_printf ("{\"id\":\"%s\",\"entity\":\"complaint_event\",\"op\":\"upsert\","
                          "\"record\":{\"id\":\"%s\",\"complaint_id\":\"%s\",\"action\":\"%s\","
                          "\"from_status\":\"%s\",\"to_status\":\"%s\",\"opd_id\":%s,"
                          "\"note\":%s,\"created_at\":1}}",
                          mutation_id, event_id, complaint_id, action, from, to, opd, text);
}

static char *
post_mutation (const char *mutation_id,
               const char *post_id,
               gint64      base_version,
               const char *fields,
               const char *members)
{
  return g_strdup_printf ("{\"id\":\"%s\",\"entity\":\"post\",\"op\":\"upsert\","
                          "\"base_version\":%" G_GINT64_FORMAT "%s%s%s,"
                          "\"record\":{\"id\":\"%s\"%s%s}}",
                          mutation_id, base_version,
                          fields != NULL ? ",\"fields\":" : "", fields != NULL ? fields : "", "",
                          post_id, members != NULL ? "," : "", members != NULL ? members : "");
}

/* }}} */

/* Pull {{{ */

static void
test_snapshot_admin (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *dinkes = opd_id_of (f, "dinkes");
  g_autoptr(GPtrArray) changes = pull_all (f, token, "0", 1000, NULL);
  g_autoptr(GPtrArray) posts = sigap_store_list_posts (f->store, dinkes, G_MININT64, G_MAXINT64,
                                                       NULL);
  g_autoptr(GPtrArray) complaints = sigap_store_list_complaints (f->store, dinkes, 0, 0, NULL);
  g_autoptr(GPtrArray) reports = sigap_store_list_reports (f->store, dinkes, NULL);
  g_autoptr(GPtrArray) opds = sigap_store_list_opds (f->store, NULL);
  g_autoptr(GHashTable) post_keys = upsert_keys (changes, "post");
  g_autoptr(GHashTable) complaint_keys = upsert_keys (changes, "complaint");
  g_autoptr(GHashTable) report_keys = upsert_keys (changes, "report");
  g_autoptr(GHashTable) opd_keys = upsert_keys (changes, "opd");
  g_autoptr(GHashTable) account_keys = upsert_keys (changes, "account");
  g_autoptr(GHashTable) user_keys = upsert_keys (changes, "user");

  g_assert_cmpuint (posts->len, >, 0);
  g_assert_cmpuint (complaints->len, >, 0);
  g_assert_cmpuint (reports->len, >, 0);

  assert_same_ids (post_keys, posts);
  assert_same_ids (complaint_keys, complaints);
  assert_same_ids (report_keys, reports);
  assert_same_ids (opd_keys, opds);
  g_assert_cmpint (g_hash_table_size (account_keys), ==,
                   sql_int (f->db, "SELECT count(*) FROM account", NULL));
  g_assert_cmpint (g_hash_table_size (user_keys), ==,
                   sql_int (f->db, "SELECT count(*) FROM app_user WHERE opd_id = ?1", dinkes));

  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *change = g_ptr_array_index (changes, i);
      const char *entity = json_object_get_string_member (change, "entity");
      JsonObject *record = json_object_get_object_member (change, "record");

      g_assert_nonnull (record);
      g_assert_false (json_object_has_member (record, "password_hash"));

      if (g_str_equal (entity, "post") || g_str_equal (entity, "complaint") ||
          g_str_equal (entity, "report") || g_str_equal (entity, "user"))
        g_assert_cmpstr (json_object_get_string_member (record, "opd_id"), ==, dinkes);

      if (g_str_equal (entity, "post"))
        g_assert_true (json_object_has_member (record, "variants"));
      if (g_str_equal (entity, "complaint"))
        {
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record,
                                                                                 "events")), >,
                            0);
          /* The OPD that handles it sees the citizen. */
          g_assert_true (json_object_has_member (record, "citizen_name"));
        }
    }

  /* Entity by entity, in the protocol's order. */
  {
    static const char * const order[] = {
      "opd", "account", "user", "post", "complaint", "report"
    };
    guint at = 0;

    for (guint i = 0; i < changes->len; i++)
      {
        const char *entity = json_object_get_string_member (g_ptr_array_index (changes, i),
                                                            "entity");

        while (at < G_N_ELEMENTS (order) && !g_str_equal (order[at], entity))
          at++;
        g_assert_cmpuint (at, <, G_N_ELEMENTS (order));
      }
  }
}

static void
test_snapshot_paging (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *big_cursor = NULL;
  g_autofree char *small_cursor = NULL;
  g_autoptr(GPtrArray) big = pull_all (f, token, "0", 1000, &big_cursor);
  g_autoptr(GPtrArray) small = pull_all (f, token, "", 7, &small_cursor);
  g_autoptr(Response) last = NULL;

  g_assert_cmpuint (big->len, ==, small->len);
  for (guint i = 0; i < big->len; i++)
    {
      JsonObject *a = g_ptr_array_index (big, i);
      JsonObject *b = g_ptr_array_index (small, i);

      g_assert_cmpstr (json_object_get_string_member (a, "entity"), ==,
                       json_object_get_string_member (b, "entity"));
      g_assert_cmpstr (change_id (a), ==, change_id (b));
    }

  /* Nothing happened since: the next pull is empty and final. */
  last = pull_page (f, token, small_cursor, 7);
  g_assert_cmpuint (last->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (last),
                                                                         "changes")), ==, 0);
  g_assert_false (json_object_get_boolean_member (object_of (last), "has_more"));
}

static void
test_log_store_change (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *dinkes = opd_id_of (f, "dinkes");
  g_autofree char *bpbd = opd_id_of (f, "bpbd");
  g_autofree char *cursor = NULL;
  g_autofree char *cursor2 = NULL;
  g_autoptr(GPtrArray) snapshot = pull_all (f, token, "0", 500, &cursor);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) own = sigap_store_list_posts (f->store, dinkes, G_MININT64, G_MAXINT64,
                                                     NULL);
  g_autoptr(GPtrArray) other = sigap_store_list_posts (f->store, bpbd, G_MININT64, G_MAXINT64,
                                                       NULL);
  g_autoptr(GError) error = NULL;
  SigapPost *mine = g_ptr_array_index (own, 0);
  SigapPost *theirs = g_ptr_array_index (other, 0);
  JsonObject *change;

  sigap_post_set_title (mine, "Jadwal imunisasi diperbarui");
  sigap_store_update_post (f->store, mine, &error);
  g_assert_no_error (error);
  sigap_post_set_title (theirs, "Siaga banjir");
  sigap_store_update_post (f->store, theirs, &error);
  g_assert_no_error (error);
  /* Twice: one change with the state now. */
  sigap_post_set_title (mine, "Jadwal imunisasi diperbarui lagi");
  sigap_store_update_post (f->store, mine, &error);
  g_assert_no_error (error);

  changes = pull_all (f, token, cursor, 500, &cursor2);
  g_assert_cmpuint (changes->len, ==, 1);
  change = find_change (changes, "post", sigap_post_get_id (mine));
  g_assert_nonnull (change);
  g_assert_cmpstr (json_object_get_string_member (change, "op"), ==, "upsert");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (change, "record"),
                                                  "title"), ==,
                   "Jadwal imunisasi diperbarui lagi");
  g_assert_null (find_change (changes, "post", sigap_post_get_id (theirs)));

  /* A deleted post arrives as a delete. */
  sigap_store_delete_post (f->store, sigap_post_get_id (mine), &error);
  g_assert_no_error (error);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = pull_all (f, token, cursor2, 500, NULL);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (change, "op"), ==, "delete");
  g_assert_cmpstr (change_id (change), ==, sigap_post_get_id (mine));
}

static void
test_pull_trc (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *token = login (f, "trc");
  g_autoptr(GPtrArray) changes = pull_all (f, token, "0", 1000, NULL);
  g_autoptr(GHashTable) complaint_keys = upsert_keys (changes, "complaint");
  guint n_opds = 0;

  g_assert_cmpint (g_hash_table_size (complaint_keys), >, 0);
  g_assert_cmpint (g_hash_table_size (complaint_keys), ==,
                   sql_int (f->db, "SELECT count(*) FROM complaint WHERE public_issue = 1", NULL));

  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *change = g_ptr_array_index (changes, i);
      const char *entity = json_object_get_string_member (change, "entity");
      JsonObject *record = json_object_get_object_member (change, "record");

      g_assert_cmpstr (entity, !=, "post");
      g_assert_cmpstr (entity, !=, "report");
      if (g_str_equal (entity, "complaint"))
        g_assert_true (json_object_get_boolean_member (record, "public_issue"));
      if (g_str_equal (entity, "opd"))
        n_opds++;
    }
  g_assert_cmpint (n_opds, ==, sql_int (f->db, "SELECT count(*) FROM opd", NULL));
}

static void
test_pull_pimpinan (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *token = login (f, "pimpinan");
  g_autoptr(GPtrArray) changes = pull_all (f, token, "0", 1000, NULL);
  g_autoptr(GHashTable) complaint_keys = upsert_keys (changes, "complaint");

  g_assert_cmpint (g_hash_table_size (complaint_keys), ==,
                   sql_int (f->db, "SELECT count(*) FROM complaint", NULL));

  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *change = g_ptr_array_index (changes, i);
      JsonObject *record = json_object_get_object_member (change, "record");

      if (g_str_equal (json_object_get_string_member (change, "entity"), "complaint"))
        {
          g_assert_false (json_object_has_member (record, "citizen_name"));
          g_assert_false (json_object_has_member (record, "citizen_contact"));
          g_assert_false (json_object_has_member (record, "citizen_handle"));
          g_assert_false (json_object_has_member (record, "source_url"));
        }
    }
}

static void
test_pull_bad_cursor (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *cursor = NULL;
  g_autoptr(GPtrArray) changes = pull_all (f, token, "0", 1000, &cursor);
  g_autoptr(GError) error = NULL;
  static const char * const bad[] = {
    "garbage", "L", "L-1", "L12x", "S1.9.", "S1.2", "L99999999999", "S99999999.0.", "%ff"
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(Response) response = pull_page (f, token, bad[i], 10);

      assert_error (response, 409, "reset_required");
    }

  /* A compacted log cannot serve an old cursor. */
  {
    g_autoptr(Response) before = pull_page (f, token, "L0", 10);
    g_autoptr(Response) after = NULL;

    g_assert_cmpuint (before->status, ==, 200);
    sigap_store_set_meta (f->store, "change_log_floor", "1", &error);
    g_assert_no_error (error);
    after = pull_page (f, token, "L0", 10);
    assert_error (after, 409, "reset_required");
  }

  {
    g_autoptr(Response) zero = get (f, "/api/v1/sync/pull?since=0&limit=0", token);
    g_autoptr(Response) big = get (f, "/api/v1/sync/pull?limit=1001", token);
    g_autoptr(Response) word = get (f, "/api/v1/sync/pull?limit=ten", token);
    g_autoptr(Response) none = get (f, "/api/v1/sync/pull", NULL);

    assert_error_field (zero, "invalid_request", "limit");
    assert_error_field (big, "invalid_request", "limit");
    assert_error_field (word, "invalid_request", "limit");
    assert_error (none, 401, "unauthorized");
  }
}

/* }}} */

/* Push: complaints {{{ */

static void
test_complaint_route (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *dinkes_token = login (f, "dinkes");
  g_autofree char *bpbd_token = login (f, "bpbd");
  g_autofree char *verifikator_token = login (f, "verifikator");
  g_autofree char *dinkes = opd_id_of (f, "dinkes");
  g_autofree char *bpbd = opd_id_of (f, "bpbd");
  g_autofree char *diskominfo = opd_id_of (f, "diskominfo");
  g_autofree char *verifikator = user_id_of (f, "verifikator");
  g_autofree char *complaint_id = NULL;
  g_autofree char *dinkes_cursor = NULL;
  g_autofree char *bpbd_cursor = NULL;
  g_autofree char *back = NULL;
  g_autofree char *route = NULL;
  g_autoptr(GPtrArray) dinkes_snapshot = NULL;
  g_autoptr(GPtrArray) bpbd_snapshot = NULL;
  g_autoptr(GPtrArray) dinkes_changes = NULL;
  g_autoptr(GPtrArray) bpbd_changes = NULL;
  g_autoptr(Response) first = NULL;
  g_autoptr(Response) second = NULL;
  g_autoptr(SigapComplaint) complaint = NULL;
  g_autoptr(GPtrArray) events = NULL;
  JsonObject *change;
  JsonObject *record;
  JsonArray *timeline;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  complaint_id = sql_text (f->db, "SELECT id FROM complaint WHERE opd_id = ?1 "
                                  "AND status = 'routed' ORDER BY id LIMIT 1", dinkes);
  g_assert_nonnull (complaint_id);

  dinkes_snapshot = pull_all (f, dinkes_token, "0", 1000, &dinkes_cursor);
  bpbd_snapshot = pull_all (f, bpbd_token, "0", 1000, &bpbd_cursor);
  g_assert_nonnull (find_change (dinkes_snapshot, "complaint", complaint_id));
  g_assert_null (find_change (bpbd_snapshot, "complaint", complaint_id));

  /* Dinkes says it is not theirs: back to Diskominfo's triage … */
  back = event_mutation (complaint_id, "not-our-authority", "routed", "not-our-authority", NULL,
                         "Bukan kewenangan Dinkes.");
  first = push (f, dinkes_token, back);
  g_assert_cmpstr (json_object_get_string_member (only_result (first), "status"), ==, "applied");

  /* … and the verifikator routes it to BPBD. */
  route = event_mutation (complaint_id, "routed", "not-our-authority", "routed", bpbd,
                          "Diteruskan ke BPBD.");
  second = push (f, verifikator_token, route);
  g_assert_cmpstr (json_object_get_string_member (only_result (second), "status"), ==,
                   "applied");

  complaint = sigap_store_get_complaint (f->store, complaint_id, NULL);
  g_assert_cmpstr (sigap_complaint_get_opd_id (complaint), ==, bpbd);
  g_assert_cmpint (sigap_complaint_get_status (complaint), ==, SIGAP_COMPLAINT_STATUS_ROUTED);
  g_assert_cmpint (sigap_complaint_get_version (complaint), ==,
                   json_object_get_int_member (only_result (second), "version"));

  /* Server time and the pusher, not the client's clock. */
  events = sigap_store_list_complaint_events (f->store, complaint_id, NULL);
  {
    SigapComplaintEvent *last = g_ptr_array_index (events, events->len - 1);
    SigapComplaintEvent *before = g_ptr_array_index (events, events->len - 2);

    g_assert_cmpstr (sigap_complaint_event_get_action (last), ==, "routed");
    g_assert_cmpstr (sigap_complaint_event_get_actor_id (last), ==, verifikator);
    g_assert_cmpstr (sigap_complaint_event_get_opd_id (last), ==, bpbd);
    g_assert_cmpint (sigap_complaint_event_get_created_at (last), >=, now - 5);
    g_assert_cmpstr (sigap_complaint_event_get_action (before), ==, "not-our-authority");
    g_assert_cmpstr (sigap_complaint_event_get_opd_id (before), ==, diskominfo);
  }

  dinkes_changes = pull_all (f, dinkes_token, dinkes_cursor, 100, NULL);
  change = find_change (dinkes_changes, "complaint", complaint_id);
  g_assert_nonnull (change);
  g_assert_cmpstr (json_object_get_string_member (change, "op"), ==, "remove");
  g_assert_false (json_object_has_member (change, "record"));

  bpbd_changes = pull_all (f, bpbd_token, bpbd_cursor, 100, NULL);
  change = find_change (bpbd_changes, "complaint", complaint_id);
  g_assert_nonnull (change);
  g_assert_cmpstr (json_object_get_string_member (change, "op"), ==, "upsert");
  record = json_object_get_object_member (change, "record");
  g_assert_cmpstr (json_object_get_string_member (record, "opd_id"), ==, bpbd);
  g_assert_cmpstr (json_object_get_string_member (record, "status"), ==, "routed");
  timeline = json_object_get_array_member (record, "events");
  g_assert_cmpuint (json_array_get_length (timeline), ==, events->len);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (timeline, events->len - 1), "action"), ==,
                   "routed");
}

static void
test_complaint_invalid (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *dinkes_token = login (f, "dinkes");
  g_autofree char *verifikator_token = login (f, "verifikator");
  g_autofree char *pimpinan_token = login (f, "pimpinan");
  g_autofree char *bpbd_token = login (f, "bpbd");
  g_autofree char *dinkes = opd_id_of (f, "dinkes");
  g_autofree char *complaint_id = NULL;
  gint64 version;
  gint64 n_events;
  struct {
    const char **token;
    const char *action;
    const char *from;
    const char *to;
    const char *note;
    const char *code;
  } cases[] = {
    /* No such step. */
    { (const char **) &dinkes_token, "resolved", "routed", "resolved", "Selesai.",
      "invalid_transition" },
    { (const char **) &verifikator_token, "archived", "routed", "archived", NULL,
      "invalid_transition" },
    /* A stale from_status. */
    { (const char **) &dinkes_token, "resolved", "in-progress", "resolved", "Selesai.",
      "invalid_transition" },
    /* The action must name the step. */
    { (const char **) &dinkes_token, "done", "routed", "in-progress", NULL,
      "invalid_transition" },
    /* A note keeps the status. */
    { (const char **) &dinkes_token, "note", "routed", "in-progress", "x",
      "invalid_transition" },
    /* The step is the OPD's, not the verifikator's. */
    { (const char **) &verifikator_token, "in-progress", "routed", "in-progress", NULL,
      "forbidden" },
    /* Another OPD, and the leadership, may not touch it. */
    { (const char **) &bpbd_token, "in-progress", "routed", "in-progress", NULL, "forbidden" },
    { (const char **) &pimpinan_token, "note", "routed", "routed", "x", "forbidden" },
  };

  complaint_id = sql_text (f->db, "SELECT id FROM complaint WHERE opd_id = ?1 "
                                  "AND status = 'routed' ORDER BY id LIMIT 1", dinkes);
  version = sql_int (f->db, "SELECT version FROM complaint WHERE id = ?1", complaint_id);
  n_events = sql_int (f->db, "SELECT count(*) FROM complaint_event WHERE complaint_id = ?1",
                      complaint_id);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *mutation = event_mutation (complaint_id, cases[i].action, cases[i].from,
                                                  cases[i].to, NULL, cases[i].note);
      g_autoptr(Response) response = push (f, *cases[i].token, mutation);

      g_test_message ("case %u", i);
      assert_rejected (only_result (response), cases[i].code);
    }

  /* Nothing changed. */
  g_assert_cmpint (sql_int (f->db, "SELECT version FROM complaint WHERE id = ?1", complaint_id),
                   ==, version);
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM complaint_event WHERE complaint_id = ?1",
                            complaint_id), ==, n_events);

  /* The right step by the right user goes through. */
  {
    g_autofree char *mutation = event_mutation (complaint_id, "in-progress", "routed",
                                                "in-progress", NULL, NULL);
    g_autofree char *resolve = event_mutation (complaint_id, "resolved", "in-progress",
                                               "resolved", NULL, NULL);
    g_autoptr(Response) ok = push (f, dinkes_token, mutation);
    g_autoptr(Response) no_note = push (f, dinkes_token, resolve);
    JsonObject *error;

    g_assert_cmpstr (json_object_get_string_member (only_result (ok), "status"), ==, "applied");
    /* The answer to the citizen is required. */
    assert_rejected (only_result (no_note), "invalid_request");
    error = json_object_get_object_member (only_result (no_note), "error");
    g_assert_cmpstr (json_object_get_string_member (error, "field"), ==, "note");
  }
}

/* }}} */

/* Push: posts {{{ */

static void
test_push_new_post (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *other_token = login (f, "bpbd");
  g_autofree char *dinkes = opd_id_of (f, "dinkes");
  g_autofree char *mutation_id = g_uuid_string_random ();
  g_autofree char *post_id = g_uuid_string_random ();
  g_autofree char *members = NULL;
  g_autofree char *mutation = NULL;
  g_autoptr(Response) first = NULL;
  g_autoptr(Response) again = NULL;
  g_autoptr(Response) stolen = NULL;
  g_autoptr(SigapPost) stored = NULL;
  JsonObject *result;

  members = g_strdup_printf ("\"opd_id\":\"%s\",\"title\":\"Cek kesehatan gratis\","
                             "\"body\":\"Datang ke puskesmas terdekat.\",\"category\":"
                             "\"public-service\",\"status\":\"draft\",\"version\":41,"
                             "\"updated_at\":5,\"variants\":[{\"platform\":\"instagram\","
                             "\"body\":\"#sehat\"}]", dinkes);
  mutation = post_mutation (mutation_id, post_id, 0, NULL, members);

  first = push (f, token, mutation);
  result = only_result (first);
  g_assert_cmpstr (json_object_get_string_member (result, "id"), ==, mutation_id);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  g_assert_cmpint (json_object_get_int_member (result, "version"), ==, 1);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object_of (first), "cursor"),
                                   "L"));

  stored = sigap_store_get_post (f->store, post_id, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (sigap_post_get_title (stored), ==, "Cek kesehatan gratis");
  /* The server's version and times, not the client's. */
  g_assert_cmpint (sigap_post_get_version (stored), ==, 1);
  g_assert_cmpint (sigap_post_get_updated_at (stored), >, 5);
  g_assert_nonnull (sigap_post_get_variant (stored, SIGAP_PLATFORM_INSTAGRAM));

  /* A retry answers the same and changes nothing. */
  again = push (f, token, mutation);
  g_assert_cmpstr (again->body, ==, first->body);
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM post WHERE id = ?1", post_id), ==, 1);
  g_assert_cmpint (sql_int (f->db, "SELECT version FROM post WHERE id = ?1", post_id), ==, 1);
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM post_revision WHERE post_id = ?1",
                            post_id), ==, 1);
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM sync_mutation WHERE id = ?1",
                            mutation_id), ==, 1);

  /* Another user may not reuse the id. */
  stolen = push (f, other_token, mutation);
  assert_rejected (only_result (stolen), "invalid_request");
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM post WHERE id = ?1", post_id), ==, 1);
}

static gint64
push_post_version (Fixture    *f,
                   const char *token,
                   const char *post_id,
                   gint64      base_version,
                   const char *fields,
                   const char *members,
                   const char *status)
{
  g_autofree char *mutation_id = g_uuid_string_random ();
  g_autofree char *mutation = post_mutation (mutation_id, post_id, base_version, fields, members);
  g_autoptr(Response) response = push (f, token, mutation);
  JsonObject *result = only_result (response);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, status);

  return json_object_get_int_member (result, "version");
}

static void
test_push_merge (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *post_id = g_uuid_string_random ();
  g_autofree char *mutation_id = g_uuid_string_random ();
  g_autofree char *mutation = NULL;
  g_autoptr(Response) merged = NULL;
  g_autoptr(Response) conflict = NULL;
  g_autoptr(SigapPost) stored = NULL;
  g_autofree char *losing = NULL;
  JsonObject *result;
  JsonObject *record;

  g_assert_cmpint (push_post_version (f, token, post_id, 0, NULL,
                                      "\"title\":\"Judul\",\"body\":\"Isi\"", "applied"), ==, 1);

  /* Two edits from version 1: different fields both land. */
  g_assert_cmpint (push_post_version (f, token, post_id, 1, "[\"title\"]",
                                      "\"title\":\"Judul baru\",\"body\":\"Isi\"", "applied"),
                   ==, 2);
  mutation = post_mutation (mutation_id, post_id, 1, "[\"body\"]",
                            "\"title\":\"Judul\",\"body\":\"Isi baru\"");
  merged = push (f, token, mutation);
  result = only_result (merged);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  g_assert_true (json_object_get_boolean_member_with_default (result, "merged", FALSE));
  g_assert_cmpint (json_object_get_int_member (result, "version"), ==, 3);

  stored = sigap_store_get_post (f->store, post_id, NULL);
  g_assert_cmpstr (sigap_post_get_title (stored), ==, "Judul baru");
  g_assert_cmpstr (sigap_post_get_body (stored), ==, "Isi baru");

  /* A third from version 1 on the same field loses, and is kept. */
  g_free (mutation_id);
  g_free (mutation);
  mutation_id = g_uuid_string_random ();
  mutation = post_mutation (mutation_id, post_id, 1, "[\"title\"]",
                            "\"title\":\"Judul lain\"");
  conflict = push (f, token, mutation);
  result = only_result (conflict);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "conflict");
  g_assert_cmpint (json_object_get_int_member (result, "version"), ==, 3);
  record = json_object_get_object_member (result, "record");
  g_assert_cmpstr (json_object_get_string_member (record, "title"), ==, "Judul baru");
  g_assert_cmpstr (json_object_get_string_member (record, "body"), ==, "Isi baru");
  g_assert_true (json_object_has_member (record, "variants"));

  g_assert_cmpint (sql_int (f->db, "SELECT version FROM post WHERE id = ?1", post_id), ==, 3);
  losing = sql_text (f->db, "SELECT fields FROM post_revision WHERE post_id = ?1 "
                            "AND kind = 'losing-edit'", post_id);
  g_assert_nonnull (losing);
  g_assert_nonnull (strstr (losing, "Judul lain"));
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM post_revision WHERE post_id = ?1 "
                                   "AND kind = 'accepted'", post_id), ==, 3);
}

/* The author of a post is whoever pushed it first; no one names another. */
static void
test_push_author (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *post_id = g_uuid_string_random ();
  g_autofree char *pusher = sql_text (f->db, "SELECT id FROM app_user WHERE username = ?1",
                                      "dinkes");
  g_autofree char *someone = sql_text (f->db, "SELECT id FROM app_user WHERE id <> ?1 "
                                              "ORDER BY id LIMIT 1", pusher);
  g_autofree char *members = NULL;
  g_autoptr(SigapPost) stored = NULL;
  g_autoptr(SigapPost) edited = NULL;

  g_assert_nonnull (pusher);
  g_assert_nonnull (someone);

  members = g_strdup_printf ("\"title\":\"Judul\",\"author_id\":\"%s\"", someone);
  g_assert_cmpint (push_post_version (f, token, post_id, 0, NULL, members, "applied"), ==, 1);
  stored = sigap_store_get_post (f->store, post_id, NULL);
  g_assert_cmpstr (sigap_post_get_author_id (stored), ==, pusher);

  /* Naming it in 'fields' is not refused, and changes nothing. */
  g_free (members);
  members = g_strdup_printf ("\"title\":\"Judul baru\",\"author_id\":\"%s\"", someone);
  g_assert_cmpint (push_post_version (f, token, post_id, 1, "[\"title\",\"author_id\"]",
                                      members, "applied"), ==, 2);
  edited = sigap_store_get_post (f->store, post_id, NULL);
  g_assert_cmpstr (sigap_post_get_title (edited), ==, "Judul baru");
  g_assert_cmpstr (sigap_post_get_author_id (edited), ==, pusher);
}

static void
test_push_forbidden (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *bpbd_token = login (f, "bpbd");
  g_autofree char *pimpinan_token = login (f, "pimpinan");
  g_autofree char *trc_token = login (f, "trc");
  g_autofree char *dinkes = opd_id_of (f, "dinkes");
  g_autofree char *post_id = NULL;
  g_autofree char *new_id = g_uuid_string_random ();
  g_autofree char *members = NULL;
  gint64 version;
  const char *tokens[3];

  post_id = sql_text (f->db, "SELECT id FROM post WHERE opd_id = ?1 ORDER BY id LIMIT 1", dinkes);
  version = sql_int (f->db, "SELECT version FROM post WHERE id = ?1", post_id);
  members = g_strdup_printf ("\"opd_id\":\"%s\",\"title\":\"Diretas\"", dinkes);
  tokens[0] = bpbd_token;
  tokens[1] = pimpinan_token;
  tokens[2] = trc_token;

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autofree char *edit_id = g_uuid_string_random ();
      g_autofree char *insert_id = g_uuid_string_random ();
      g_autofree char *edit = post_mutation (edit_id, post_id, version, "[\"title\"]",
                                             "\"title\":\"Diretas\"");
      g_autofree char *insert = post_mutation (insert_id, new_id, 0, NULL, members);
      g_autofree char *both = g_strconcat (edit, ",", insert, NULL);
      g_autoptr(Response) response = push (f, tokens[i], both);
      JsonArray *results = json_object_get_array_member (object_of (response), "results");

      g_assert_cmpuint (json_array_get_length (results), ==, 2);
      assert_rejected (json_array_get_object_element (results, 0), "forbidden");
      assert_rejected (json_array_get_object_element (results, 1), "forbidden");
      g_assert_null (strstr (response->body, "Diretas"));
    }

  g_assert_cmpint (sql_int (f->db, "SELECT version FROM post WHERE id = ?1", post_id), ==,
                   version);
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM post WHERE id = ?1", new_id), ==, 0);
}

static void
test_push_bad_bodies (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autoptr(GString) many = g_string_new ("{\"mutations\":[");
  struct {
    const char *body;
    const char *field;
  } cases[] = {
    { "{}", "mutations" },
    { "{\"mutations\":{}}", "mutations" },
    { "{\"mutations\":[],\"extra\":1}", "extra" },
    { "{\"mutations\":[1]}", "mutations[0]" },
    { "{\"mutations\":[{\"id\":\"m1\",\"entity\":\"opd\",\"op\":\"upsert\","
      "\"record\":{\"id\":\"r1\"}}]}", "mutations[0].entity" },
    { "{\"mutations\":[{\"entity\":\"post\",\"op\":\"upsert\",\"record\":{\"id\":\"r1\"}}]}",
      "mutations[0].id" },
    { "{\"mutations\":[{\"id\":\"m1\",\"entity\":\"post\",\"op\":\"upsert\","
      "\"record\":{\"title\":\"x\"}}]}", "mutations[0].record.id" },
    { "{\"mutations\":[{\"id\":\"m1\",\"entity\":\"post\",\"op\":\"merge\","
      "\"record\":{\"id\":\"r1\"}}]}", "mutations[0].op" },
    { "{\"mutations\":[{\"id\":\"m1\",\"entity\":\"post\",\"op\":\"upsert\","
      "\"base_version\":\"1\",\"record\":{\"id\":\"r1\"}}]}", "mutations[0].base_version" },
    { "{\"mutations\":[{\"id\":\"m1\",\"entity\":\"post\",\"op\":\"upsert\","
      "\"fields\":[1],\"record\":{\"id\":\"r1\"}}]}", "mutations[0].fields" },
    { "{\"mutations\":[{\"id\":\"m1\",\"entity\":\"post\",\"op\":\"upsert\","
      "\"record\":{\"id\":\"r1\"},\"when\":1}]}", "mutations[0].when" },
    { "{\"mutations\":[{\"id\":\"m1\",\"entity\":\"post\",\"op\":\"upsert\",\"record\":"
      "{\"id\":\"r1\"}},{\"id\":\"m1\",\"entity\":\"post\",\"op\":\"upsert\",\"record\":"
      "{\"id\":\"r2\"}}]}", "mutations[1].id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Response) response = post (f, "/api/v1/sync/push", token, cases[i].body);

      g_test_message ("case %u", i);
      assert_error_field (response, "invalid_request", cases[i].field);
    }

  for (guint i = 0; i < 201; i++)
    g_string_append_printf (many, "%s{\"id\":\"m%u\",\"entity\":\"post\",\"op\":\"upsert\","
                            "\"record\":{\"id\":\"r%u\"}}", i > 0 ? "," : "", i, i);
  g_string_append (many, "]}");
  {
    g_autoptr(Response) response = post (f, "/api/v1/sync/push", token, many->str);

    assert_error_field (response, "invalid_request", "mutations");
  }

  /* Nothing of a refused batch was stored. */
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM sync_mutation", NULL), ==, 0);

  /* A record that breaks a rule is one rejected mutation, not a 400. */
  {
    g_autoptr(Response) response = push (f, token,
                                         "{\"id\":\"m9\",\"entity\":\"post\",\"op\":\"upsert\","
                                         "\"record\":{\"id\":\"r9\",\"colour\":\"red\"}}");
    JsonObject *result = only_result (response);

    assert_rejected (result, "invalid_request");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result,
                                                                                   "error"),
                                                    "field"), ==, "colour");
  }
}

/* }}} */

/* Reports {{{ */

/* Pushes one mutation of a report or a post (@entity, also its table)
 * by @token; returns its result's status, or "rejected:CODE:FIELD". */
static char *
push_entity (Fixture    *f,
             const char *token,
             const char *entity,
             const char *record_id,
             const char *op,
             const char *fields,
             const char *members)
{
  g_autofree char *mutation_id = g_uuid_string_random ();
  g_autofree char *query = g_strdup_printf ("SELECT coalesce (max (version), 0) FROM %s "
                                            "WHERE id = ?1", entity);
  gint64 version = sql_int (f->db, query, record_id);
  g_autofree char *mutation = NULL;
  g_autoptr(Response) response = NULL;
  JsonObject *result;
  JsonObject *error;

  mutation = g_strdup_printf ("{\"id\":\"%s\",\"entity\":\"%s\",\"op\":\"%s\","
                              "\"base_version\":%" G_GINT64_FORMAT "%s%s,"
                              "\"record\":{\"id\":\"%s\"%s%s}}",
                              mutation_id, entity, op, version,
                              fields != NULL ? ",\"fields\":" : "",
                              fields != NULL ? fields : "", record_id,
                              members != NULL ? "," : "", members != NULL ? members : "");
  response = push (f, token, mutation);
  result = only_result (response);
  if (!g_str_equal (json_object_get_string_member (result, "status"), "rejected"))
    return g_strdup (json_object_get_string_member (result, "status"));

  assert_rejected (result, json_object_get_string_member (
                     json_object_get_object_member (result, "error"), "code"));
  error = json_object_get_object_member (result, "error");

  return g_strdup_printf ("rejected:%s:%s", json_object_get_string_member (error, "code"),
                          json_object_get_string_member_with_default (error, "field", ""));
}

static char *
push_report (Fixture    *f,
             const char *token,
             const char *report_id,
             const char *op,
             const char *fields,
             const char *members)
{
  return push_entity (f, token, "report", report_id, op, fields, members);
}

static void
assert_post_push (Fixture    *f,
                  const char *token,
                  const char *post_id,
                  const char *fields,
                  const char *members,
                  const char *expected)
{
  g_autofree char *status = push_entity (f, token, "post", post_id, "upsert", fields, members);

  g_test_message ("post %s %s → %s", fields != NULL ? fields : "(all)",
                  members != NULL ? members : "", status);
  g_assert_cmpstr (status, ==, expected);
}

static void
assert_report_push (Fixture    *f,
                    const char *token,
                    const char *report_id,
                    const char *op,
                    const char *fields,
                    const char *members,
                    const char *expected)
{
  g_autofree char *status = push_report (f, token, report_id, op, fields, members);

  g_test_message ("%s %s %s → %s", op, fields != NULL ? fields : "(all)",
                  members != NULL ? members : "", status);
  g_assert_cmpstr (status, ==, expected);
}

/* The review of a monthly report (docs/api.md, "Reports"): what the OPD
 * may change, when, and the verifikator's note. */
static void
test_report_review (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *admin = login (f, "dinkes");
  g_autofree char *verifikator = login (f, "verifikator");
  g_autofree char *dinkes = opd_id_of (f, "dinkes");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *other = g_uuid_string_random ();
  g_autofree char *members = NULL;
  g_autofree char *with_note = NULL;
  g_autofree char *note = NULL;
  gint64 submitted_at;

  members = g_strdup_printf ("\"opd_id\":\"%s\",\"year\":2030,\"month\":1,"
                             "\"status\":\"draft\",\"notes\":\"Draf\",\"review_note\":null",
                             dinkes);
  with_note = g_strdup_printf ("\"opd_id\":\"%s\",\"year\":2030,\"month\":2,"
                               "\"status\":\"draft\",\"review_note\":\"Sendiri\"", dinkes);

  /* The OPD writes no review note, not even in a new report. */
  assert_report_push (f, admin, other, "upsert", NULL, with_note,
                      "rejected:forbidden:review_note");
  assert_report_push (f, admin, id, "upsert", NULL, members, "applied");
  assert_report_push (f, admin, id, "upsert", "[\"notes\"]", "\"notes\":\"Draf kedua\"",
                      "applied");

  /* Submitted: the OPD changes nothing, not even back to a draft, and
   * deletes nothing; a push that changes nothing passes. */
  assert_report_push (f, admin, id, "upsert", "[\"status\"]", "\"status\":\"submitted\"",
                      "applied");
  submitted_at = sql_int (f->db, "SELECT submitted_at FROM report WHERE id = ?1", id);
  g_assert_cmpint (submitted_at, >, 0);
  assert_report_push (f, admin, id, "upsert", "[\"notes\"]", "\"notes\":\"Diubah\"",
                      "rejected:forbidden:");
  assert_report_push (f, admin, id, "upsert", "[\"status\"]", "\"status\":\"draft\"",
                      "rejected:forbidden:");
  assert_report_push (f, admin, id, "delete", NULL, NULL, "rejected:forbidden:");
  assert_report_push (f, admin, id, "upsert", "[\"notes\",\"review_note\"]",
                      "\"notes\":\"Draf kedua\",\"review_note\":null", "applied");

  /* The verifikator returns it only with a note. */
  assert_report_push (f, verifikator, id, "upsert", "[\"status\"]",
                      "\"status\":\"returned\"", "rejected:invalid_request:review_note");
  assert_report_push (f, verifikator, id, "upsert", "[\"status\",\"review_note\"]",
                      "\"status\":\"returned\",\"review_note\":\" \\n \"",
                      "rejected:invalid_request:review_note");
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM report WHERE id = ?1 "
                            "AND status = 'submitted'", id), ==, 1);
  assert_report_push (f, verifikator, id, "upsert", "[\"status\",\"review_note\"]",
                      "\"status\":\"returned\",\"review_note\":\"Lengkapi tautan.\"",
                      "applied");
  note = sql_text (f->db, "SELECT review_note FROM report WHERE id = ?1", id);
  g_assert_cmpstr (note, ==, "Lengkapi tautan.");

  /* Returned: the OPD may edit it, not the note, and submit it again;
   * the note stays, and the submission is dated anew. */
  assert_report_push (f, admin, id, "upsert", "[\"review_note\"]", "\"review_note\":null",
                      "rejected:forbidden:review_note");
  assert_report_push (f, admin, id, "upsert", "[\"status\"]", "\"status\":\"accepted\"",
                      "rejected:forbidden:");
  assert_report_push (f, admin, id, "upsert", "[\"notes\",\"status\"]",
                      "\"notes\":\"Dengan tautan\",\"status\":\"submitted\"", "applied");
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM report WHERE id = ?1 "
                            "AND status = 'submitted' AND notes = 'Dengan tautan' "
                            "AND review_note = 'Lengkapi tautan.'", id), ==, 1);
  g_assert_cmpint (sql_int (f->db, "SELECT submitted_at FROM report WHERE id = ?1", id), >=,
                   submitted_at);

  /* Accepted: the note stays, and the OPD changes nothing. */
  assert_report_push (f, verifikator, id, "upsert", "[\"status\"]", "\"status\":\"accepted\"",
                      "applied");
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM report WHERE id = ?1 "
                            "AND status = 'accepted' AND review_note = 'Lengkapi tautan.'",
                            id), ==, 1);
  assert_report_push (f, admin, id, "upsert", "[\"signer_name\"]",
                      "\"signer_name\":\"Orang lain\"", "rejected:forbidden:");
  assert_report_push (f, admin, id, "upsert", "[\"status\"]", "\"status\":\"submitted\"",
                      "rejected:forbidden:");
  assert_report_push (f, admin, id, "delete", NULL, NULL, "rejected:forbidden:");

  /* A verifikator may still return it, the old note saying why. */
  assert_report_push (f, verifikator, id, "upsert", "[\"status\"]", "\"status\":\"returned\"",
                      "applied");
}

static void
set_requires_approval (Fixture    *f,
                       const char *opd_id,
                       gboolean    requires)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE opd SET requires_approval = %d "
                                          "WHERE id = '%s'", requires, opd_id);

  g_assert_cmpint (sqlite3_exec (f->db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Posts waiting for approval (docs/api.md, "Posts"): in an OPD whose
 * posts need it, only a verifikator schedules a post, and returns one only
 * with a note; the OPD marks an approved post published with its links. */
static void
test_post_approval (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *admin = login (f, "dinkes");
  g_autofree char *verifikator = login (f, "verifikator");
  g_autofree char *dinkes = opd_id_of (f, "dinkes");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *direct = g_uuid_string_random ();
  g_autofree char *noted = g_uuid_string_random ();
  g_autofree char *free_post = g_uuid_string_random ();
  g_autofree char *draft = NULL;
  g_autofree char *scheduled = NULL;
  g_autofree char *with_note = NULL;
  g_autofree char *note = NULL;
  g_autofree char *links = NULL;

  draft = g_strdup_printf ("\"opd_id\":\"%s\",\"title\":\"Vaksinasi\",\"body\":\"Datang.\","
                           "\"category\":\"public-service\",\"status\":\"draft\","
                           "\"scheduled_at\":1900000000,\"variants\":[{\"platform\":\"x\","
                           "\"body\":\"Datang https://dinkes.example.go.id\"}]", dinkes);
  scheduled = g_strdup_printf ("\"opd_id\":\"%s\",\"title\":\"Langsung\","
                               "\"category\":\"public-service\",\"status\":\"scheduled\","
                               "\"scheduled_at\":1900000000", dinkes);
  with_note = g_strdup_printf ("\"opd_id\":\"%s\",\"title\":\"Catatan\","
                               "\"category\":\"public-service\",\"status\":\"draft\","
                               "\"review_note\":\"Sendiri\"", dinkes);

  /* Without approval, the OPD schedules its own posts. */
  set_requires_approval (f, dinkes, FALSE);
  assert_post_push (f, admin, free_post, NULL, scheduled, "applied");
  set_requires_approval (f, dinkes, TRUE);

  /* With it, the OPD neither schedules a new post nor writes a note. */
  assert_post_push (f, admin, direct, NULL, scheduled, "rejected:forbidden:status");
  assert_post_push (f, admin, noted, NULL, with_note, "rejected:forbidden:review_note");
  assert_post_push (f, admin, id, NULL, draft, "applied");
  assert_post_push (f, admin, id, "[\"status\"]", "\"status\":\"review\"", "applied");
  assert_post_push (f, admin, id, "[\"status\"]", "\"status\":\"scheduled\"",
                    "rejected:forbidden:status");
  assert_post_push (f, admin, id, "[\"status\"]", "\"status\":\"published\"",
                    "rejected:forbidden:status");

  /* The verifikator returns it only with a note, which the OPD keeps. */
  assert_post_push (f, verifikator, id, "[\"status\"]", "\"status\":\"draft\"",
                    "rejected:invalid_request:review_note");
  assert_post_push (f, verifikator, id, "[\"status\",\"review_note\"]",
                    "\"status\":\"draft\",\"review_note\":\"  \"",
                    "rejected:invalid_request:review_note");
  assert_post_push (f, verifikator, id, "[\"status\",\"review_note\"]",
                    "\"status\":\"draft\",\"review_note\":\"Tambahkan jam layanan.\"",
                    "applied");
  note = sql_text (f->db, "SELECT review_note FROM post WHERE id = ?1", id);
  g_assert_cmpstr (note, ==, "Tambahkan jam layanan.");
  assert_post_push (f, admin, id, "[\"review_note\"]", "\"review_note\":null",
                    "rejected:forbidden:review_note");
  assert_post_push (f, admin, id, "[\"body\",\"status\"]",
                    "\"body\":\"Datang pukul 08.00.\",\"status\":\"review\"", "applied");

  /* Approved: the OPD marks it published, with the links it shares. */
  assert_post_push (f, verifikator, id, "[\"status\"]", "\"status\":\"scheduled\"", "applied");
  assert_post_push (f, admin, id, "[\"status\",\"published_at\",\"variants\"]",
                    "\"status\":\"published\",\"published_at\":1900000100,"
                    "\"variants\":[{\"platform\":\"x\",\"body\":\"Datang\","
                    "\"published_url\":\"https://x.com/dinkes/status/1\","
                    "\"links\":\"https://dinkes.example.go.id\"}]", "applied");
  links = sql_text (f->db, "SELECT links FROM post_variant WHERE post_id = ?1", id);
  g_assert_cmpstr (links, ==, "https://dinkes.example.go.id");
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM post WHERE id = ?1 "
                            "AND status = 'published' AND review_note = 'Tambahkan jam layanan.'",
                            id), ==, 1);
}

/* }}} */

static void
seed_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = NULL;
  SigapDemoOptions options = { 2025, 200, 300, 1752710400 };

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

  ADD ("/server-sync/pull/snapshot-admin", test_snapshot_admin);
  ADD ("/server-sync/pull/snapshot-paging", test_snapshot_paging);
  ADD ("/server-sync/pull/store-change", test_log_store_change);
  ADD ("/server-sync/pull/trc", test_pull_trc);
  ADD ("/server-sync/pull/pimpinan", test_pull_pimpinan);
  ADD ("/server-sync/pull/bad-cursor", test_pull_bad_cursor);
  ADD ("/server-sync/complaint/route", test_complaint_route);
  ADD ("/server-sync/complaint/invalid", test_complaint_invalid);
  ADD ("/server-sync/post/new", test_push_new_post);
  ADD ("/server-sync/post/merge", test_push_merge);
  ADD ("/server-sync/post/author", test_push_author);
  ADD ("/server-sync/post/forbidden", test_push_forbidden);
  ADD ("/server-sync/push/bad-bodies", test_push_bad_bodies);
  ADD ("/server-sync/report/review", test_report_review);
  ADD ("/server-sync/post/approval", test_post_approval);

  status = g_test_run ();

  sigap_test_rm_rf (template_dir);
  g_free (template_dir);
  g_free (template_path);

  return status;
}
