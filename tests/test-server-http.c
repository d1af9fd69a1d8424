/* test-server-http.c
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
#include "sigap-server-auth.h"
#include "sigap-test-server.h"
#include "sigap-test-utils.h"

/* The real SigapHttpServer, on 127.0.0.1 in a thread of its own with its
 * own main context, over a copy of a small demo regency; the test thread
 * talks to it with a real SoupSession. */

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
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
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

static void
sql_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* }}} */

/* Sign-in {{{ */

static void
test_login_ok (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(Response) response = NULL;
  g_autoptr(Response) me = NULL;
  g_autoptr(GDateTime) expires = NULL;
  const char *token;
  JsonObject *user;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  response = post (f, "/api/v1/auth/login", NULL,
                   "{\"username\":\"dinkes\",\"password\":\"" SIGAP_DEMO_PASSWORD "\"}");
  g_assert_cmpuint (response->status, ==, 200);

  token = json_object_get_string_member (object_of (response), "token");
  g_assert_true (sigap_server_token_is_well_formed (token));

  expires = g_date_time_new_from_iso8601 (
    json_object_get_string_member (object_of (response), "expires_at"), NULL);
  g_assert_nonnull (expires);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object_of (response),
                                                                  "expires_at"), "Z"));
  g_assert_cmpint (g_date_time_to_unix (expires), >=, now + 12 * 3600 - 5);
  g_assert_cmpint (g_date_time_to_unix (expires), <=, now + 12 * 3600 + 5);

  user = json_object_get_object_member (object_of (response), "user");
  g_assert_cmpstr (json_object_get_string_member (user, "username"), ==, "dinkes");
  g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, "admin-opd");
  g_assert_nonnull (json_object_get_string_member (user, "id"));
  g_assert_nonnull (json_object_get_string_member (user, "display_name"));
  g_assert_nonnull (json_object_get_string_member (user, "opd_id"));
  g_assert_false (json_object_has_member (user, "password_hash"));
  g_assert_null (strstr (response->body, "argon2"));

  me = get (f, "/api/v1/me", token);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object_of (me), "username"), ==, "dinkes");
  g_assert_cmpstr (json_object_get_string_member (object_of (me), "id"), ==,
                   json_object_get_string_member (user, "id"));
  g_assert_false (json_object_has_member (object_of (me), "password_hash"));
}

static void
test_login_wrong_password (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(Response) response = NULL;

  response = post (f, "/api/v1/auth/login", NULL,
                   "{\"username\":\"dinkes\",\"password\":\"not-the-password\"}");
  assert_error (response, 401, "invalid_credentials");
  g_assert_false (json_object_has_member (object_of (response), "token"));
}

static void
test_login_unknown_user (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Response) unknown = NULL;
  g_autoptr(Response) wrong = NULL;

  unknown = post (f, "/api/v1/auth/login", NULL,
                  "{\"username\":\"nobody\",\"password\":\"" SIGAP_DEMO_PASSWORD "\"}");
  wrong = post (f, "/api/v1/auth/login", NULL,
                "{\"username\":\"dinkes\",\"password\":\"wrong-password\"}");

  /* Nothing tells an unknown user from a wrong password. */
  assert_error (unknown, 401, "invalid_credentials");
  g_assert_cmpstr (unknown->body, ==, wrong->body);
}

static void
test_login_disabled (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *token = login (f, "dinsos");
  g_autoptr(Response) before = get (f, "/api/v1/me", token);
  g_autoptr(Response) refused = NULL;
  g_autoptr(Response) after = NULL;
  g_autoptr(Response) wrong = NULL;

  g_assert_cmpuint (before->status, ==, 200);

  sql_exec (f->db, "UPDATE app_user SET disabled = 1 WHERE username = 'dinsos'");

  refused = post (f, "/api/v1/auth/login", NULL,
                  "{\"username\":\"dinsos\",\"password\":\"" SIGAP_DEMO_PASSWORD "\"}");
  assert_error (refused, 403, "user_disabled");

  /* A wrong password does not reveal that the user is disabled. */
  wrong = post (f, "/api/v1/auth/login", NULL,
                "{\"username\":\"dinsos\",\"password\":\"wrong-password\"}");
  assert_error (wrong, 401, "invalid_credentials");

  /* Its tokens stop working too. */
  after = get (f, "/api/v1/me", token);
  assert_error (after, 401, "unauthorized");
}

static void
test_login_throttle_user (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(Response) refused = NULL;
  gint64 retry_after;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(Response) response = NULL;

      response = post (f, "/api/v1/auth/login", NULL,
                       "{\"username\":\"dinkes\",\"password\":\"guess-number-x\"}");
      assert_error (response, 401, "invalid_credentials");
    }

  /* Even the right password is refused now, without being checked. */
  refused = post (f, "/api/v1/auth/login", NULL,
                  "{\"username\":\"dinkes\",\"password\":\"" SIGAP_DEMO_PASSWORD "\"}");
  assert_error (refused, 429, "too_many_attempts");
  g_assert_nonnull (refused->retry_after);
  retry_after = g_ascii_strtoll (refused->retry_after, NULL, 10);
  g_assert_cmpint (retry_after, >, 0);
  g_assert_cmpint (retry_after, <=, 15 * 60);
  g_assert_false (json_object_has_member (object_of (refused), "token"));
}

static void
test_login_throttle_address (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(Response) refused = NULL;

  /* Five different usernames from one address… */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *body =
        g_strdup_printf ("{\"username\":\"guess%u\",\"password\":\"guess-password\"}", i);
      g_autoptr(Response) response = post (f, "/api/v1/auth/login", NULL, body);

      assert_error (response, 401, "invalid_credentials");
    }

  /* …and the address is refused, whoever it claims to be. */
  refused = post (f, "/api/v1/auth/login", NULL,
                  "{\"username\":\"verifikator\",\"password\":\"" SIGAP_DEMO_PASSWORD "\"}");
  assert_error (refused, 429, "too_many_attempts");
  g_assert_nonnull (refused->retry_after);
}

static void
test_logout (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *token = login (f, "verifikator");
  g_autofree char *other = login (f, "verifikator");
  g_autofree char *hash = sigap_server_token_hash (token);
  g_autoptr(Response) logout = NULL;
  g_autoptr(Response) me = NULL;
  g_autoptr(Response) still = NULL;
  g_autoptr(Response) again = NULL;

  logout = post (f, "/api/v1/auth/logout", token, NULL);
  g_assert_cmpuint (logout->status, ==, 204);
  g_assert_cmpstr (logout->body, ==, "");

  me = get (f, "/api/v1/me", token);
  assert_error (me, 401, "unauthorized");
  g_assert_cmpint (sql_int (f->db, "SELECT revoked FROM auth_token WHERE token_hash = ?1",
                            hash), ==, 1);

  /* Only that token: the user's other sign-in still works. */
  still = get (f, "/api/v1/me", other);
  g_assert_cmpuint (still->status, ==, 200);

  again = post (f, "/api/v1/auth/logout", token, NULL);
  assert_error (again, 401, "unauthorized");
}

/* }}} */

/* Tokens {{{ */

static void
test_token_required (Fixture       *f,
                     gconstpointer  data)
{
  const char *paths[] = {
    "/api/v1/me", "/api/v1/opds", "/api/v1/users", "/api/v1/opds/x",
    "/api/v1/opds/x/accounts", "/api/v1/complaints/x", "/api/v1/posts/x",
  };
  g_autofree char *forged = sigap_server_token_new ();
  const char *tokens[] = { NULL, "", "abc", "not a token at all", forged };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    for (guint j = 0; j < G_N_ELEMENTS (tokens); j++)
      {
        g_autoptr(Response) response = get (f, paths[i], tokens[j]);

        assert_error (response, 401, "unauthorized");
      }

  {
    g_autoptr(Response) response = post (f, "/api/v1/opds", NULL, "{}");
    g_autoptr(Response) logout = post (f, "/api/v1/auth/logout", NULL, NULL);

    assert_error (response, 401, "unauthorized");
    assert_error (logout, 401, "unauthorized");
  }

  /* Basic authentication is not a token. */
  {
    g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/api/v1/me", f->port);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    g_autoptr(GBytes) bytes = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                  "Basic dmVyaWZpa2F0b3I6c2lnYXAtZGVtbw==");
    bytes = soup_session_send_and_read (f->session, msg, NULL, NULL);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
  }
}

static void
test_token_expired (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *token = login (f, "pimpinan");
  g_autofree char *hash = sigap_server_token_hash (token);
  g_autofree char *sql = NULL;
  g_autoptr(Response) before = get (f, "/api/v1/me", token);
  g_autoptr(Response) after = NULL;

  g_assert_cmpuint (before->status, ==, 200);

  sql = g_strdup_printf ("UPDATE auth_token SET expires_at = %" G_GINT64_FORMAT
                         " WHERE token_hash = '%s'",
                         g_get_real_time () / G_USEC_PER_SEC - 1, hash);
  sql_exec (f->db, sql);

  after = get (f, "/api/v1/me", token);
  assert_error (after, 401, "unauthorized");
}

static void
test_token_hashed (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *token = login (f, "trc");
  g_autofree char *hash = sigap_server_token_hash (token);
  g_autofree char *dump = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_cmpint (strlen (token), ==, 43);
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM auth_token WHERE token_hash = ?1",
                            hash), ==, 1);
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM auth_token WHERE "
                            "instr (token_hash, ?1) > 0 OR instr (user_id, ?1) > 0",
                            token), ==, 0);
  g_assert_cmpint (sql_int (f->db, "SELECT expires_at - created_at FROM auth_token "
                            "WHERE token_hash = ?1", hash), ==, 12 * 3600);

  dump = sql_text (f->db, "SELECT group_concat (token_hash || user_id || created_at || "
                   "expires_at || revoked, ' ') FROM auth_token", NULL);
  g_assert_null (strstr (dump, token));

  /* Nor anywhere in the files. */
  sql_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_file_get_contents (f->path, &contents, &length, NULL);
  g_assert_nonnull (contents);
  g_assert_null (memmem (contents, length, token, strlen (token)));
}

/* }}} */

/* Scope {{{ */

typedef enum
{
  ADMIN_DINKES,
  ADMIN_OTHER,
  VERIFIKATOR,
  TRC,
  PIMPINAN,
  N_ROLES
} Who;

static const char *who_names[N_ROLES] = {
  "admin dinkes", "admin other", "verifikator", "trc", "pimpinan"
};

typedef enum
{
  COMPLAINT_DINKES,
  COMPLAINT_DINKES_PUBLIC,
  COMPLAINT_OTHER,
  COMPLAINT_OTHER_PUBLIC,
  POST_DINKES,
  POST_OTHER,
  N_RECORDS
} Which;

/* What each role sees: 'P' with the citizen's personal data, 'R' without
 * it, '-' a 404. */
static const char scope_table[N_ROLES][N_RECORDS + 1] = {
  /*                 C-dk C-dk-pub C-oth C-oth-pub P-dk P-oth */
  [ADMIN_DINKES] = { 'P', 'P',     '-',  '-',      'R', '-', 0 },
  [ADMIN_OTHER]  = { '-', '-',     'P',  'P',      '-', 'R', 0 },
  [VERIFIKATOR]  = { 'P', 'P',     'P',  'P',      'R', 'R', 0 },
  [TRC]          = { '-', 'P',     '-',  'P',      '-', '-', 0 },
  [PIMPINAN]     = { 'R', 'R',     'R',  'R',      'R', 'R', 0 },
};

static void
test_scope_records (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dinkes = sql_text (f->db, "SELECT id FROM opd WHERE code = 'dinkes'", NULL);
  g_autofree char *other = NULL;
  g_autofree char *other_code = NULL;
  char *ids[N_RECORDS] = { NULL };
  char *tokens[N_ROLES] = { NULL };
  g_autofree char *missing_body = NULL;
#define COMPLAINT_SQL(public_issue) \
    "SELECT id FROM complaint WHERE opd_id = ?1 AND public_issue = " public_issue " " \
    "AND citizen_name IS NOT NULL AND citizen_contact IS NOT NULL ORDER BY id LIMIT 1"

  g_assert_nonnull (dinkes);

  /* Another OPD with a private complaint, a public issue and a post. */
  other = sql_text (f->db,
                    "SELECT c.opd_id FROM complaint c JOIN complaint d ON d.opd_id = c.opd_id "
                    "JOIN post p ON p.opd_id = c.opd_id "
                    "WHERE c.opd_id <> ?1 AND c.public_issue = 0 AND d.public_issue = 1 "
                    "AND c.citizen_name IS NOT NULL AND d.citizen_name IS NOT NULL "
                    "AND c.citizen_contact IS NOT NULL AND d.citizen_contact IS NOT NULL "
                    "ORDER BY c.opd_id LIMIT 1", dinkes);
  g_assert_nonnull (other);
  other_code = sql_text (f->db, "SELECT code FROM opd WHERE id = ?1", other);

  for (guint i = 0; i < 2; i++)
    {
      const char *sql0 = COMPLAINT_SQL ("0");
      const char *sql1 = COMPLAINT_SQL ("1");
      const char *opd = i == 0 ? dinkes : other;

      ids[i == 0 ? COMPLAINT_DINKES : COMPLAINT_OTHER] = sql_text (f->db, sql0, opd);
      ids[i == 0 ? COMPLAINT_DINKES_PUBLIC : COMPLAINT_OTHER_PUBLIC] = sql_text (f->db, sql1, opd);
      ids[i == 0 ? POST_DINKES : POST_OTHER] =
        sql_text (f->db, "SELECT id FROM post WHERE opd_id = ?1 AND title IS NOT NULL "
                  "ORDER BY id LIMIT 1", opd);
    }
  for (guint i = 0; i < N_RECORDS; i++)
    g_assert_nonnull (ids[i]);

  tokens[ADMIN_DINKES] = login (f, "dinkes");
  tokens[ADMIN_OTHER] = login (f, other_code);
  tokens[VERIFIKATOR] = login (f, "verifikator");
  tokens[TRC] = login (f, "trc");
  tokens[PIMPINAN] = login (f, "pimpinan");

  {
    g_autoptr(Response) missing = get (f, "/api/v1/complaints/no-such-id", tokens[VERIFIKATOR]);

    assert_error (missing, 404, "not_found");
    missing_body = g_strdup (missing->body);
  }

  for (guint who = 0; who < N_ROLES; who++)
    for (guint which = 0; which < N_RECORDS; which++)
      {
        gboolean is_post = which >= POST_DINKES;
        g_autofree char *path = g_strdup_printf ("/api/v1/%s/%s",
                                                 is_post ? "posts" : "complaints", ids[which]);
        g_autofree char *text = NULL;
        g_autofree char *name = NULL;
        g_autofree char *contact = NULL;
        g_autofree char *tracking = NULL;
        g_autoptr(Response) response = NULL;
        char expected = scope_table[who][which];

        g_test_message ("%s reads %s", who_names[who], path);

        if (is_post)
          text = sql_text (f->db, "SELECT title FROM post WHERE id = ?1", ids[which]);
        else
          {
            text = sql_text (f->db, "SELECT body FROM complaint WHERE id = ?1", ids[which]);
            name = sql_text (f->db, "SELECT citizen_name FROM complaint WHERE id = ?1",
                             ids[which]);
            contact = sql_text (f->db, "SELECT citizen_contact FROM complaint WHERE id = ?1",
                                ids[which]);
            tracking = sql_text (f->db, "SELECT tracking_number FROM complaint WHERE id = ?1",
                                 ids[which]);
          }

        response = get (f, path, tokens[who]);

        if (expected == '-')
          {
            assert_error (response, 404, "not_found");
            /* The same answer as for a record that does not exist. */
            g_assert_cmpstr (response->body, ==, missing_body);
            g_assert_null (strstr (response->body, ids[which]));
            g_assert_null (strstr (response->body, text));
            if (tracking != NULL)
              g_assert_null (strstr (response->body, tracking));
            continue;
          }

        g_assert_cmpuint (response->status, ==, 200);
        g_assert_cmpstr (json_object_get_string_member (object_of (response), "id"), ==,
                         ids[which]);

        if (is_post)
          {
            JsonArray *variants = json_object_get_array_member (object_of (response),
                                                                "variants");

            g_assert_cmpstr (json_object_get_string_member (object_of (response), "title"), ==,
                             text);
            g_assert_nonnull (variants);
            g_assert_cmpint (json_array_get_length (variants), ==,
                             sql_int (f->db, "SELECT count(*) FROM post_variant "
                                      "WHERE post_id = ?1", ids[which]));
            continue;
          }

        g_assert_cmpstr (json_object_get_string_member (object_of (response), "body"), ==, text);
        g_assert_cmpstr (json_object_get_string_member (object_of (response), "tracking_number"),
                         ==, tracking);

        if (expected == 'P')
          {
            g_assert_cmpstr (json_object_get_string_member (object_of (response),
                                                            "citizen_name"), ==, name);
            g_assert_cmpstr (json_object_get_string_member (object_of (response),
                                                            "citizen_contact"), ==, contact);
          }
        else
          {
            g_assert_false (json_object_has_member (object_of (response), "citizen_name"));
            g_assert_false (json_object_has_member (object_of (response), "citizen_contact"));
            g_assert_false (json_object_has_member (object_of (response), "citizen_handle"));
            g_assert_null (strstr (response->body, name));
            g_assert_null (strstr (response->body, contact));
          }
      }

  for (guint i = 0; i < N_RECORDS; i++)
    g_free (ids[i]);
  for (guint i = 0; i < N_ROLES; i++)
    g_free (tokens[i]);
}

static void
test_scope_directory (Fixture       *f,
                      gconstpointer  data)
{
  const char *usernames[] = { "dinkes", "dpupr", "verifikator", "trc", "pimpinan" };
  g_autofree char *dinkes = sql_text (f->db, "SELECT id FROM opd WHERE code = 'dinkes'", NULL);
  gint64 n_opds = sql_int (f->db, "SELECT count(*) FROM opd", NULL);
  gint64 n_users = sql_int (f->db, "SELECT count(*) FROM app_user", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (usernames); i++)
    {
      g_autofree char *token = login (f, usernames[i]);
      g_autofree char *own_opd = sql_text (f->db, "SELECT opd_id FROM app_user "
                                           "WHERE username = ?1", usernames[i]);
      g_autofree char *opd_path = g_strconcat ("/api/v1/opds/", dinkes, NULL);
      g_autofree char *accounts_path = g_strconcat ("/api/v1/opds/", dinkes, "/accounts", NULL);
      g_autoptr(Response) opds = get (f, "/api/v1/opds", token);
      g_autoptr(Response) opd = get (f, opd_path, token);
      g_autoptr(Response) accounts = get (f, accounts_path, token);
      g_autoptr(Response) users = get (f, "/api/v1/users", token);
      g_autoptr(Response) missing = get (f, "/api/v1/opds/no-such-opd", token);
      g_autoptr(Response) missing_accounts = get (f, "/api/v1/opds/no-such-opd/accounts", token);
      JsonArray *array;

      g_test_message ("directory as %s", usernames[i]);

      g_assert_cmpuint (opds->status, ==, 200);
      array = json_object_get_array_member (object_of (opds), "opds");
      g_assert_cmpint (json_array_get_length (array), ==, n_opds);

      g_assert_cmpuint (opd->status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (object_of (opd), "code"), ==, "dinkes");
      g_assert_cmpstr (json_object_get_string_member (object_of (opd), "kind"), ==, "dinas");
      g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (object_of (opd),
                                                                    "updated_at")));
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (object_of (opd),
                                                                         "updated_at")),
                       ==, G_TYPE_INT64);

      g_assert_cmpuint (accounts->status, ==, 200);
      array = json_object_get_array_member (object_of (accounts), "accounts");
      g_assert_cmpint (json_array_get_length (array), ==,
                       sql_int (f->db, "SELECT count(*) FROM account WHERE opd_id = ?1", dinkes));
      g_assert_cmpint (json_array_get_length (array), >, 0);

      assert_error (missing, 404, "not_found");
      assert_error (missing_accounts, 404, "not_found");

      g_assert_cmpuint (users->status, ==, 200);
      g_assert_null (strstr (users->body, "password"));
      g_assert_null (strstr (users->body, "argon2"));
      array = json_object_get_array_member (object_of (users), "users");

      if (g_str_equal (usernames[i], "verifikator"))
        g_assert_cmpint (json_array_get_length (array), ==, n_users);
      else
        {
          g_assert_cmpint (json_array_get_length (array), >=, 1);
          g_assert_cmpint (json_array_get_length (array), ==,
                           sql_int (f->db, "SELECT count(*) FROM app_user WHERE opd_id = ?1",
                                    own_opd));
          for (guint j = 0; j < json_array_get_length (array); j++)
            g_assert_cmpstr (json_object_get_string_member (
                               json_array_get_object_element (array, j), "opd_id"),
                             ==, own_opd);
        }
    }
}

/* Every write of the directory is the verifikator's. */
static void
test_directory_create (Fixture       *f,
                       gconstpointer  data)
{
  const char *others[] = { "dinkes", "trc", "pimpinan" };
  g_autofree char *token = login (f, "verifikator");
  g_autofree char *dinkes = sql_text (f->db, "SELECT id FROM opd WHERE code = 'dinkes'", NULL);
  g_autofree char *accounts_path = g_strconcat ("/api/v1/opds/", dinkes, "/accounts", NULL);
  g_autofree char *user_body = NULL;
  g_autofree char *new_id = NULL;
  const char *opd_body =
    "{\"code\":\"kel-baru\",\"name\":\"Kelurahan Baru\",\"kind\":\"kelurahan\","
    "\"requires_approval\":true}";
  const char *account_body =
    "{\"platform\":\"tiktok\",\"handle\":\"@dinkes.baru\",\"url\":\"https://tiktok.com/@x\"}";

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *other = login (f, others[i]);
      g_autoptr(Response) a = post (f, "/api/v1/opds", other, opd_body);
      g_autoptr(Response) b = post (f, accounts_path, other, account_body);
      g_autoptr(Response) c = post (f, "/api/v1/users", other,
                                    "{\"username\":\"x\",\"role\":\"trc\","
                                    "\"password\":\"long-enough\"}");

      assert_error (a, 403, "forbidden");
      assert_error (b, 403, "forbidden");
      assert_error (c, 403, "forbidden");
    }
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM opd WHERE code = 'kel-baru'", NULL),
                   ==, 0);

  {
    g_autoptr(Response) created = post (f, "/api/v1/opds", token, opd_body);
    g_autoptr(Response) again = post (f, "/api/v1/opds", token, opd_body);

    g_assert_cmpuint (created->status, ==, 201);
    g_assert_cmpstr (json_object_get_string_member (object_of (created), "code"), ==,
                     "kel-baru");
    g_assert_cmpstr (json_object_get_string_member (object_of (created), "time_zone"), ==,
                     "Asia/Jakarta");
    g_assert_true (json_object_get_boolean_member (object_of (created), "requires_approval"));
    new_id = g_strdup (json_object_get_string_member (object_of (created), "id"));
    assert_error (again, 409, "already_exists");
  }

  {
    g_autoptr(Response) created = post (f, accounts_path, token, account_body);
    g_autoptr(Response) again = post (f, accounts_path, token, account_body);
    g_autoptr(Response) nowhere = post (f, "/api/v1/opds/no-such-opd/accounts", token,
                                        account_body);

    g_assert_cmpuint (created->status, ==, 201);
    g_assert_cmpstr (json_object_get_string_member (object_of (created), "opd_id"), ==, dinkes);
    g_assert_cmpstr (json_object_get_string_member (object_of (created), "platform"), ==,
                     "tiktok");
    assert_error (again, 409, "already_exists");
    assert_error (nowhere, 404, "not_found");
  }

  user_body = g_strdup_printf ("{\"username\":\"admin.baru\",\"display_name\":\"Admin Baru\","
                               "\"role\":\"admin-opd\",\"opd_id\":\"%s\","
                               "\"password\":\"rahasia-baru\"}", new_id);
  {
    g_autoptr(Response) created = post (f, "/api/v1/users", token, user_body);
    g_autoptr(Response) again = post (f, "/api/v1/users", token, user_body);
    g_autoptr(Response) signed_in = post (f, "/api/v1/auth/login", NULL,
                                          "{\"username\":\"admin.baru\","
                                          "\"password\":\"rahasia-baru\"}");

    g_assert_cmpuint (created->status, ==, 201);
    g_assert_false (json_object_has_member (object_of (created), "password_hash"));
    g_assert_null (strstr (created->body, "rahasia"));
    assert_error (again, 409, "already_exists");
    g_assert_cmpuint (signed_in->status, ==, 200);
  }

  /* Strict validation, naming the field. */
  {
    struct { const char *path; const char *body; const char *field; } cases[] = {
      { "/api/v1/opds", "{\"name\":\"X\",\"kind\":\"dinas\"}", "code" },
      { "/api/v1/opds", "{\"code\":\"Bad Code\",\"name\":\"X\",\"kind\":\"dinas\"}", "code" },
      { "/api/v1/opds", "{\"code\":\"ok\",\"name\":\"  \",\"kind\":\"dinas\"}", "name" },
      { "/api/v1/opds", "{\"code\":\"ok\",\"name\":\"a\\u0007b\",\"kind\":\"dinas\"}", "name" },
      { "/api/v1/opds", "{\"code\":\"ok\",\"name\":\"X\",\"kind\":\"kingdom\"}", "kind" },
      { "/api/v1/opds", "{\"code\":\"ok\",\"name\":\"X\",\"kind\":3}", "kind" },
      { "/api/v1/opds", "{\"code\":\"ok\",\"name\":5,\"kind\":\"dinas\"}", "name" },
      { "/api/v1/opds", "{\"code\":\"ok\",\"name\":\"X\",\"kind\":\"dinas\","
                        "\"requires_approval\":\"yes\"}", "requires_approval" },
      { "/api/v1/opds", "{\"code\":\"ok\",\"name\":\"X\",\"kind\":\"dinas\","
                        "\"time_zone\":\"Europe/Paris\"}", "time_zone" },
      { "/api/v1/opds", "{\"code\":\"ok\",\"name\":\"X\",\"kind\":\"dinas\","
                        "\"parent_id\":\"no-such-opd\"}", "parent_id" },
      { "/api/v1/opds", "{\"code\":\"ok\",\"name\":\"X\",\"kind\":\"dinas\",\"colour\":1}",
        "colour" },
      { "/api/v1/opds", "{\"code\":\"ok\",\"name\":\"X\",\"kind\":\"dinas\",\"id\":\"x\"}",
        "id" },
      { accounts_path, "{\"platform\":\"myspace\",\"handle\":\"x\"}", "platform" },
      { accounts_path, "{\"platform\":\"x\",\"handle\":\"a b\"}", "handle" },
      { accounts_path, "{\"platform\":\"x\",\"handle\":\"ab\",\"url\":\"javascript:x\"}",
        "url" },
      { "/api/v1/users", "{\"username\":\"u\",\"role\":\"trc\",\"password\":\"short\"}",
        "password" },
      { "/api/v1/users", "{\"username\":\"u\",\"role\":\"trc\",\"password\":12345678}",
        "password" },
      { "/api/v1/users", "{\"username\":\"u\",\"role\":\"trc\"}", "password" },
      { "/api/v1/users", "{\"username\":\"U!\",\"role\":\"trc\",\"password\":\"long-enough\"}",
        "username" },
      { "/api/v1/users", "{\"username\":\"u\",\"role\":\"admin-opd\","
                         "\"password\":\"long-enough\"}", "opd_id" },
      { "/api/v1/users", "{\"username\":\"u\",\"role\":\"king\",\"password\":\"long-enough\"}",
        "role" },
      { "/api/v1/users", "{\"username\":\"u\",\"role\":\"trc\",\"password\":\"long-enough\","
                         "\"password_hash\":\"x\"}", "password_hash" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(Response) response = post (f, cases[i].path, token, cases[i].body);

        assert_error_field (response, "invalid_request", cases[i].field);
      }
  }
}

/* }}} */

/* Bad requests {{{ */

static void
test_bad_bodies (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *token = login (f, "verifikator");
  g_autoptr(GString) deep = g_string_new (NULL);
  struct { const char *body; gssize length; const char *code; } cases[] = {
    { "{", -1, "invalid_json" },
    { "{\"code\":}", -1, "invalid_json" },
    { "", 0, "invalid_json" },
    { "{\"code\":\"ok\",\"name\":\"\xff\xfe\",\"kind\":\"dinas\"}", -1, "invalid_utf8" },
    { "{\"code\":\"ok\"\0}", 14, "invalid_utf8" },
    { "[1,2,3]", -1, "invalid_request" },
    { "\"just a string\"", -1, "invalid_request" },
    { "null", -1, "invalid_request" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Response) response = send_full (f, "POST", "/api/v1/opds", token,
                                                "application/json", cases[i].body,
                                                cases[i].length, FALSE);

      assert_error (response, 400, cases[i].code);
    }

  /* Nesting deep enough to overflow a recursive parser's stack. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  {
    g_autoptr(Response) response = send_full (f, "POST", "/api/v1/opds", token,
                                              "application/json", deep->str, deep->len, FALSE);

    assert_error (response, 400, "invalid_json");
  }

  /* Not JSON at all. */
  {
    g_autoptr(Response) response = send_full (f, "POST", "/api/v1/opds", token, "text/plain",
                                              "code=x", -1, FALSE);
    g_autoptr(Response) latin = send_full (f, "POST", "/api/v1/opds", token,
                                           "application/json; charset=iso-8859-1",
                                           "{}", -1, FALSE);

    assert_error (response, 415, "unsupported_media_type");
    assert_error (latin, 415, "unsupported_media_type");
  }

  /* The login's body is checked as strictly. */
  {
    g_autoptr(Response) a = post (f, "/api/v1/auth/login", NULL, "{\"username\":\"dinkes\"}");
    g_autoptr(Response) b = post (f, "/api/v1/auth/login", NULL,
                                  "{\"username\":\"dinkes\",\"password\":[1]}");
    g_autoptr(Response) c = post (f, "/api/v1/auth/login", NULL,
                                  "{\"username\":\"dinkes\",\"password\":\"x\",\"otp\":1}");
    g_autoptr(Response) d = post (f, "/api/v1/auth/login", NULL, "not json");

    assert_error_field (a, "invalid_request", "password");
    assert_error_field (b, "invalid_request", "password");
    assert_error_field (c, "invalid_request", "otp");
    assert_error (d, 400, "invalid_json");
  }

  /* The server is still up. */
  {
    g_autoptr(Response) me = get (f, "/api/v1/me", token);

    g_assert_cmpuint (me->status, ==, 200);
  }
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *token = login (f, "verifikator");
  gsize size = 1024 * 1024 + 1;
  g_autofree char *big = g_malloc (size + 1);
  g_autofree char *fits = NULL;

  /* A valid JSON object just over 1 MiB. */
  memset (big, ' ', size);
  big[0] = '{';
  big[size - 1] = '}';
  big[size] = '\0';

  {
    g_autoptr(Response) response = send_full (f, "POST", "/api/v1/opds", token,
                                              "application/json", big, size, FALSE);

    assert_error (response, 413, "too_large");
  }

  /* Without a Content-Length, counted as it arrives. */
  {
    g_autoptr(Response) response = send_full (f, "POST", "/api/v1/opds", token,
                                              "application/json", big, size, TRUE);

    assert_error (response, 413, "too_large");
  }

  /* Even before signing in. */
  {
    g_autoptr(Response) response = send_full (f, "POST", "/api/v1/auth/login", NULL,
                                              "application/json", big, size, FALSE);

    assert_error (response, 413, "too_large");
  }

  /* 1 MiB exactly is read (and then found wanting). */
  fits = g_strndup (big, size - 1);
  fits[size - 2] = '}';
  {
    g_autoptr(Response) response = send_full (f, "POST", "/api/v1/opds", token,
                                              "application/json", fits, size - 1, TRUE);

    assert_error_field (response, "invalid_request", "code");
  }

  {
    g_autoptr(Response) me = get (f, "/api/v1/me", token);

    g_assert_cmpuint (me->status, ==, 200);
  }
}

static void
test_routes (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *token = login (f, "verifikator");
  const char *unknown[] = {
    "/", "/api", "/api/v1", "/api/v1/", "/api/v2/opds", "/api/v1/nothing",
    "/api/v1/opds/", "/api/v1/opds//accounts", "/api/v1/opds/x/accounts/y",
    "/api/v1/complaints", "/api/v1/me/again", "/api/v1/opds/%ff",
    "/api/v1/opds/a%2Fb", "/api/v1/opds/%00", "/api/v1/%6De/x",
  };
  struct { const char *method; const char *path; const char *allow; } wrong[] = {
    { "DELETE", "/api/v1/opds", "GET, POST" },
    { "PUT", "/api/v1/opds/x", "GET" },
    { "GET", "/api/v1/auth/login", "POST" },
    { "POST", "/api/v1/me", "GET" },
    { "PATCH", "/api/v1/complaints/x", "GET" },
    { "POST", "/api/v1/posts/x", "GET" },
    { "DELETE", "/api/v1/opds/x/accounts", "GET, POST" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr(Response) response = get (f, unknown[i], token);

      assert_error (response, 404, "not_found");
    }

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(Response) response = send_full (f, wrong[i].method, wrong[i].path, token,
                                                NULL, NULL, 0, FALSE);

      assert_error (response, 405, "method_not_allowed");
      g_assert_cmpstr (response->allow, ==, wrong[i].allow);
    }

  /* The query string is ignored, not an error; a segment is decoded once. */
  {
    g_autoptr(Response) response = get (f, "/api/v1/me?x=1", token);
    g_autoptr(Response) encoded = get (f, "/api/v1/%6De", token);

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_cmpuint (encoded->status, ==, 200);
  }
}

/* }}} */

/* The record codec the server answers with: every property out and back
 * in, for every record type. */
static void
test_json_round_trip (void)
{
  GType types[] = {
    SIGAP_TYPE_OPD, SIGAP_TYPE_ACCOUNT, SIGAP_TYPE_USER, SIGAP_TYPE_POST,
    SIGAP_TYPE_POST_VARIANT, SIGAP_TYPE_COMPLAINT, SIGAP_TYPE_COMPLAINT_EVENT,
    SIGAP_TYPE_REPORT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GObject) record = g_object_new (types[i], NULL);
      g_autoptr(GObject) copy = g_object_new (types[i], NULL);
      g_autoptr(JsonObject) object = NULL;
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *field = NULL;
      g_autoptr(JsonObject) wrong = json_object_new ();
      GList *names;

      sigap_test_fill_properties (record, 7);
      object = sigap_json_object_from_record (record, NULL);

      names = json_object_get_members (object);
      for (GList *l = names; l != NULL; l = l->next)
        {
          g_assert_null (strchr (l->data, '-'));
          g_ptr_array_add (members, l->data);
        }
      g_list_free (names);
      g_ptr_array_add (members, NULL);

      g_assert_true (sigap_json_check_members (object, (const char * const *) members->pdata,
                                               NULL, &error));
      g_assert_no_error (error);
      g_assert_true (sigap_json_apply_to_record (object, copy,
                                                 (const char * const *) members->pdata,
                                                 NULL, &error));
      g_assert_no_error (error);
      sigap_test_assert_same_properties (record, copy, NULL);

      /* A wrong type is refused, naming the member, and changes nothing. */
      json_object_set_array_member (wrong, members->pdata[0], json_array_new ());
      g_assert_false (sigap_json_apply_to_record (wrong, copy,
                                                  (const char * const *) members->pdata,
                                                  &field, &error));
      g_assert_error (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_WRONG_TYPE);
      g_assert_cmpstr (field, ==, members->pdata[0]);
      sigap_test_assert_same_properties (record, copy, NULL);
    }
}

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
  /* Closing folds the WAL into the file that the fixtures copy. */
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

  g_test_add_func ("/server-http/json/round-trip", test_json_round_trip);
  ADD ("/server-http/login/ok", test_login_ok);
  ADD ("/server-http/login/wrong-password", test_login_wrong_password);
  ADD ("/server-http/login/unknown-user", test_login_unknown_user);
  ADD ("/server-http/login/disabled", test_login_disabled);
  ADD ("/server-http/login/throttle-user", test_login_throttle_user);
  ADD ("/server-http/login/throttle-address", test_login_throttle_address);
  ADD ("/server-http/login/logout", test_logout);
  ADD ("/server-http/token/required", test_token_required);
  ADD ("/server-http/token/expired", test_token_expired);
  ADD ("/server-http/token/hashed", test_token_hashed);
  ADD ("/server-http/scope/records", test_scope_records);
  ADD ("/server-http/scope/directory", test_scope_directory);
  ADD ("/server-http/directory/create", test_directory_create);
  ADD ("/server-http/bad/bodies", test_bad_bodies);
  ADD ("/server-http/bad/too-large", test_too_large);
  ADD ("/server-http/bad/routes", test_routes);

  status = g_test_run ();

  sigap_test_rm_rf (template_dir);
  g_free (template_dir);
  g_free (template_path);

  return status;
}
