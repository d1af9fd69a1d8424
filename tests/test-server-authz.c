/* test-server-authz.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "sigap-http-server.h"
#include "sigap-server-auth.h"
#include "sigap-test-server.h"
#include "sigap-test-utils.h"

/* Who may do what: every route of the real SigapHttpServer (on 127.0.0.1,
 * in a thread of its own, over a small demo regency) asked by every kind of
 * caller, from no token at all to the verifikator. The heart is a table of
 * (method, path, body) rows, each with the answer every role must get; a
 * refused answer must hold none of the record's data, and a refused write
 * must leave no trace in the database. Then sync, where scope is a matter
 * of which records come back: OPD B's pulls never carry OPD A's records,
 * and B's pushes on A's records are rejected and change nothing. */

typedef enum
{
  ROLE_NONE,            /* no Authorization header */
  ROLE_MALFORMED,       /* a header that holds no token */
  ROLE_FORGED,          /* a well-formed token the server never issued */
  ROLE_EXPIRED,         /* issued to OPD A's admin, expired since */
  ROLE_REVOKED,         /* issued to OPD A's admin, signed out since */
  ROLE_DISABLED,        /* an admin of OPD A, disabled in the database */
  ROLE_DISABLED_CLI,    /* an admin of OPD A, disabled by `sigap-server user disable` */
  ROLE_ADMIN_A,
  ROLE_ADMIN_B,
  ROLE_VERIFIKATOR,
  ROLE_TRC,
  ROLE_PIMPINAN,
  N_ROLES
} Role;

/* The roles before this one are not signed in, whatever they send. */
#define FIRST_SIGNED_IN ROLE_ADMIN_A

static const char * const role_names[N_ROLES] = {
  [ROLE_NONE] = "no token",
  [ROLE_MALFORMED] = "a malformed token",
  [ROLE_FORGED] = "a forged token",
  [ROLE_EXPIRED] = "an expired token",
  [ROLE_REVOKED] = "a signed-out token",
  [ROLE_DISABLED] = "a disabled user",
  [ROLE_DISABLED_CLI] = "a user disabled by the CLI",
  [ROLE_ADMIN_A] = "admin of OPD A",
  [ROLE_ADMIN_B] = "admin of OPD B",
  [ROLE_VERIFIKATOR] = "verifikator",
  [ROLE_TRC] = "trc",
  [ROLE_PIMPINAN] = "pimpinan",
};

/* One server for the whole run: the tests follow each other and build on
 * what the earlier ones wrote. */
static struct
{
  char *dir;
  char *path;
  SigapTestServer http;
  guint16 port;
  SoupSession *session;
  sqlite3 *db;
  char *tokens[N_ROLES];
  GHashTable *values;       /* name → the text a ${name} in the table stands for */
  guint n_checks;
  guint n_rows;
} world;

typedef struct
{
  guint status;
  char *body;
  JsonNode *json;
  char *www_authenticate;
} Response;

static void
response_free (Response *response)
{
  g_free (response->body);
  g_clear_pointer (&response->json, json_node_unref);
  g_free (response->www_authenticate);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

/* Checks {{{ */

static gboolean check (gboolean    ok,
                       const char *format,
                       ...) G_GNUC_PRINTF (2, 3);

/* Counts one check and, if it fails, marks the test failed and goes on,
 * so that one run lists every refusal that is wrong. */
static gboolean
check (gboolean    ok,
       const char *format,
       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  world.n_checks++;
  if (ok)
    return TRUE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* g_test_fail_printf() keeps only the last message: say each one. */
  g_test_message ("FAILED: %s", message);
  g_test_fail_printf ("%s", message);

  return FALSE;
}

/* }}} */

/* Values {{{ */

static void
set_value (const char *name,
           const char *value)
{
  g_assert_nonnull (value);
  g_assert_cmpstr (value, !=, "");

  g_hash_table_replace (world.values, g_strdup (name), g_strdup (value));
}

static const char *
value_of (const char *name)
{
  const char *value = g_hash_table_lookup (world.values, name);

  if (value == NULL)
    g_error ("The table names ${%s}, which has no value.", name);

  return value;
}

/* @text with every ${name} replaced by its value, itself expanded. */
static char *
expand (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *end;

      if (p[0] == '$' && p[1] == '{' && (end = strchr (p + 2, '}')) != NULL)
        {
          g_autofree char *name = g_strndup (p + 2, end - p - 2);
          g_autofree char *value = expand (value_of (name));

          g_string_append (out, value);
          p = end + 1;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* }}} */

/* Raw SQL {{{ */

static char *
sql_text (const char *sql,
          const char *arg)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (world.db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (world.db));
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static gint64
sql_int (const char *sql,
         const char *arg)
{
  g_autofree char *text = sql_text (sql, arg);

  g_assert_nonnull (text);

  return g_ascii_strtoll (text, NULL, 10);
}

/* "entity/id" for every row @sql (with ?1 bound to @arg) returns. */
static GHashTable *
sql_keys (const char *entity,
          const char *sql,
          const char *arg)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (world.db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (world.db));
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (keys, g_strconcat (entity, "/",
                                        (const char *) sqlite3_column_text (stmt, 0), NULL));
  sqlite3_finalize (stmt);

  return keys;
}

static void
sql_exec (const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (world.db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Everything about a record that a write would change. */
static char *
fingerprint (const char *entity,
             const char *id)
{
  const char *sql = NULL;
  char *text;

  if (g_str_equal (entity, "post"))
    sql = "SELECT opd_id || '|' || version || '|' || updated_at || '|' || "
          "coalesce (title, '') || '|' || coalesce (body, '') || '|' || status || '|' || "
          "(SELECT count(*) FROM post_variant WHERE post_id = ?1) FROM post WHERE id = ?1";
  else if (g_str_equal (entity, "report"))
    sql = "SELECT opd_id || '|' || version || '|' || updated_at || '|' || status || '|' || "
          "coalesce (notes, '') FROM report WHERE id = ?1";
  else if (g_str_equal (entity, "complaint"))
    sql = "SELECT coalesce (opd_id, '') || '|' || version || '|' || updated_at || '|' || "
          "status || '|' || public_issue || '|' || body || '|' || "
          "(SELECT count(*) FROM complaint_event WHERE complaint_id = ?1) "
          "FROM complaint WHERE id = ?1";
  else
    g_assert_not_reached ();

  text = sql_text (sql, id);
  g_assert_nonnull (text);

  return text;
}

/* }}} */

/* Client {{{ */

static Response *
send_request (const char *method,
              const char *path,
              const char *token,
              const char *content_type,
              const char *body)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s", world.port, path);
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
      g_autoptr(GBytes) payload = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, content_type, payload);
    }

  bytes = soup_session_send_and_read (world.session, msg, NULL, &error);
  g_assert_no_error (error);

  response->status = soup_message_get_status (msg);
  data = g_bytes_get_data (bytes, &size);
  response->body = g_strndup (data != NULL ? data : "", size);

  headers = soup_message_get_response_headers (msg);
  response->www_authenticate = g_strdup (soup_message_headers_get_one (headers,
                                                                       "WWW-Authenticate"));

  if (size > 0 &&
      g_strcmp0 (soup_message_headers_get_content_type (headers, NULL), "application/json") == 0 &&
      json_parser_load_from_data (parser, response->body, size, NULL))
    response->json = json_node_ref (json_parser_get_root (parser));

  return response;
}

static Response *
send_as (Role        role,
         const char *method,
         const char *path,
         const char *content_type,
         const char *body)
{
  return send_request (method, path, world.tokens[role], content_type, body);
}

static JsonObject *
root_of (Response *response)
{
  if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT (response->json))
    return NULL;

  return json_node_get_object (response->json);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, name);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static const char *
error_code (Response *response)
{
  return string_member (object_member (root_of (response), "error"), "code");
}

static char *
login (const char *username,
       const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, password);
  g_autoptr(Response) response = send_request ("POST", "/api/v1/auth/login", NULL,
                                               "application/json", body);
  const char *token = string_member (root_of (response), "token");

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (token);

  return g_strdup (token);
}

/* }}} */

/* The table {{{ */

/* What a role must be answered, as words separated by spaces:
 *
 *   STATUS     the HTTP status; an error carries the code that goes with it
 *   +name      the answer holds ${name}
 *   -name      the answer does not hold ${name}
 *   =N         the row's probe counts N rows afterwards
 *   ~CODE      the one result of a push is "applied", or rejected with CODE
 *
 * A refused answer (4xx) must also hold none of the values that any role's
 * "+name" names for the same endpoint: no data leaks through an error. */
typedef struct
{
  const char *method;
  const char *path;
  const char *content_type;
  const char *body;
  const char *probe;          /* SQL counting what the write left behind */
  const char *anon;           /* the answer to a caller who is not signed in; NULL: "401" */
  const char *expect[N_ROLES];
} Endpoint;

#define JSON "application/json"

/* A push of one mutation: ${row} makes its IDs new for every row. */
#define PUSH_ONE(entity, record) \
  "{\"mutations\":[{\"id\":\"authz-m-${row}\",\"entity\":\"" entity "\",\"op\":\"upsert\"," \
  "\"record\":" record "}]}"

#define NOTE_ON(complaint) \
  PUSH_ONE ("complaint_event", \
            "{\"id\":\"authz-e-${row}\",\"complaint_id\":\"${" complaint "}\"," \
            "\"action\":\"note\",\"from_status\":\"${" complaint "_status}\"," \
            "\"to_status\":\"${" complaint "_status}\",\"note\":\"Catatan ${row}\"}")

static const Endpoint endpoints[] = {
  /* Who am I. */
  { "GET", "/api/v1/me", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +user_a -user_b",
      [ROLE_ADMIN_B] = "200 +user_b -user_a",
      [ROLE_VERIFIKATOR] = "200 +user_verifikator",
      [ROLE_TRC] = "200 +user_trc",
      [ROLE_PIMPINAN] = "200 +user_pimpinan" } },

  /* The directory: everyone reads it, only the verifikator writes it. */
  { "GET", "/api/v1/opds", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +opd_a +opd_b",
      [ROLE_ADMIN_B] = "200 +opd_a +opd_b",
      [ROLE_VERIFIKATOR] = "200 +opd_a +opd_b",
      [ROLE_TRC] = "200 +opd_a +opd_b",
      [ROLE_PIMPINAN] = "200 +opd_a +opd_b" } },
  { "GET", "/api/v1/opds/${opd_a}", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +opd_a",
      [ROLE_ADMIN_B] = "200 +opd_a",
      [ROLE_VERIFIKATOR] = "200 +opd_a",
      [ROLE_TRC] = "200 +opd_a",
      [ROLE_PIMPINAN] = "200 +opd_a" } },
  { "GET", "/api/v1/opds/${opd_a}/accounts", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +account_a",
      [ROLE_ADMIN_B] = "200 +account_a",
      [ROLE_VERIFIKATOR] = "200 +account_a",
      [ROLE_TRC] = "200 +account_a",
      [ROLE_PIMPINAN] = "200 +account_a" } },
  { "POST", "/api/v1/opds", JSON,
    "{\"code\":\"authz-${row}\",\"name\":\"Kantor ${row}\",\"kind\":\"dinas\"}",
    "SELECT count(*) FROM opd WHERE code = 'authz-${row}'", NULL,
    { [ROLE_ADMIN_A] = "403 =0",
      [ROLE_ADMIN_B] = "403 =0",
      [ROLE_VERIFIKATOR] = "201 =1",
      [ROLE_TRC] = "403 =0",
      [ROLE_PIMPINAN] = "403 =0" } },
  { "POST", "/api/v1/opds/${opd_a}/accounts", JSON,
    "{\"platform\":\"tiktok\",\"handle\":\"@authz.${row}\"}",
    "SELECT count(*) FROM account WHERE handle = '@authz.${row}'", NULL,
    { [ROLE_ADMIN_A] = "403 =0",
      [ROLE_ADMIN_B] = "403 =0",
      [ROLE_VERIFIKATOR] = "201 =1",
      [ROLE_TRC] = "403 =0",
      [ROLE_PIMPINAN] = "403 =0" } },
  { "GET", "/api/v1/users", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +user_a -user_b",
      [ROLE_ADMIN_B] = "200 +user_b -user_a",
      [ROLE_VERIFIKATOR] = "200 +user_a +user_b",
      [ROLE_TRC] = "200 +user_trc -user_a -user_b",
      [ROLE_PIMPINAN] = "200 +user_pimpinan -user_a -user_b" } },
  /* Nobody but the verifikator makes a verifikator… */
  { "POST", "/api/v1/users", JSON,
    "{\"username\":\"authz.${row}\",\"role\":\"verifikator\",\"password\":\"authz-password\"}",
    "SELECT count(*) FROM app_user WHERE username = 'authz.${row}'", NULL,
    { [ROLE_ADMIN_A] = "403 =0",
      [ROLE_ADMIN_B] = "403 =0",
      [ROLE_VERIFIKATOR] = "201 =1",
      [ROLE_TRC] = "403 =0",
      [ROLE_PIMPINAN] = "403 =0" } },
  /* …nor an admin of an OPD, even of the caller's own. */
  { "POST", "/api/v1/users", JSON,
    "{\"username\":\"authz.${row}\",\"role\":\"admin-opd\",\"opd_id\":\"${opd_a}\","
    "\"password\":\"authz-password\"}",
    "SELECT count(*) FROM app_user WHERE username = 'authz.${row}'", NULL,
    { [ROLE_ADMIN_A] = "403 =0",
      [ROLE_ADMIN_B] = "403 =0",
      [ROLE_VERIFIKATOR] = "201 =1",
      [ROLE_TRC] = "403 =0",
      [ROLE_PIMPINAN] = "403 =0" } },

  /* Complaints: A's private one, A's public issue, and one of B's. */
  { "GET", "/api/v1/complaints/${complaint_a}", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +complaint_a_tracking +complaint_a_name +complaint_a_contact",
      [ROLE_ADMIN_B] = "404 -complaint_a -complaint_a_body",
      [ROLE_VERIFIKATOR] = "200 +complaint_a_tracking +complaint_a_name +citizen_member "
                           "+contact_member +handle_member +source_member",
      [ROLE_TRC] = "404 -complaint_a -complaint_a_body",
      [ROLE_PIMPINAN] = "200 +complaint_a_tracking +complaint_a_body -complaint_a_name "
                        "-complaint_a_contact -citizen_member -contact_member -handle_member "
                        "-source_member" } },
  { "GET", "/api/v1/complaints/${complaint_a_pub}", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +complaint_a_pub_tracking +complaint_a_pub_name",
      [ROLE_ADMIN_B] = "404 -complaint_a_pub",
      [ROLE_VERIFIKATOR] = "200 +complaint_a_pub_tracking +complaint_a_pub_name",
      [ROLE_TRC] = "200 +complaint_a_pub_tracking +complaint_a_pub_name",
      [ROLE_PIMPINAN] = "200 +complaint_a_pub_tracking -complaint_a_pub_name "
                        "-complaint_a_pub_contact -citizen_member -contact_member "
                        "-handle_member -source_member" } },
  { "GET", "/api/v1/complaints/${complaint_b}", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "404 -complaint_b",
      [ROLE_ADMIN_B] = "200 +complaint_b_tracking +complaint_b_name",
      [ROLE_VERIFIKATOR] = "200 +complaint_b_tracking",
      [ROLE_TRC] = "404 -complaint_b",
      [ROLE_PIMPINAN] = "200 +complaint_b_tracking -complaint_b_name -citizen_member "
                        "-contact_member -handle_member -source_member" } },

  /* Posts. */
  { "GET", "/api/v1/posts/${post_a}", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +post_a +post_a_title",
      [ROLE_ADMIN_B] = "404 -post_a",
      [ROLE_VERIFIKATOR] = "200 +post_a +post_a_title",
      [ROLE_TRC] = "404 -post_a",
      [ROLE_PIMPINAN] = "200 +post_a +post_a_title" } },
  { "GET", "/api/v1/posts/${post_b}", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "404 -post_b",
      [ROLE_ADMIN_B] = "200 +post_b +post_b_title",
      [ROLE_VERIFIKATOR] = "200 +post_b",
      [ROLE_TRC] = "404 -post_b",
      [ROLE_PIMPINAN] = "200 +post_b" } },

  /* Sync: the first page of a snapshot (the whole scope is walked in
   * /server-authz/sync-pull). */
  { "GET", "/api/v1/sync/pull?since=0&limit=1000", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +opd_b +post_a +complaint_a +complaint_a_name +report_a "
                       "-post_b -complaint_b -report_b",
      [ROLE_ADMIN_B] = "200 +opd_a +post_b +complaint_b +report_b "
                       "-post_a -complaint_a -complaint_a_tracking -complaint_a_pub "
                       "-complaint_a_pub_tracking -report_a",
      [ROLE_VERIFIKATOR] = "200 +post_a +post_b +citizen_member +contact_member "
                           "+handle_member +source_member",
      [ROLE_TRC] = "200 +opd_a +complaint_a_pub +complaint_a_pub_name "
                   "-post_a -post_b -complaint_a -report_a -report_b",
      [ROLE_PIMPINAN] = "200 +post_a +post_b -citizen_member -contact_member "
                        "-handle_member -source_member" } },
  { "POST", "/api/v1/sync/push", JSON,
    PUSH_ONE ("post", "{\"id\":\"authz-p-${row}\",\"opd_id\":\"${opd_a}\","
                      "\"title\":\"Unggahan ${row}\",\"category\":\"education\","
                      "\"status\":\"draft\"}"),
    "SELECT count(*) FROM post WHERE id = 'authz-p-${row}'", NULL,
    { [ROLE_ADMIN_A] = "200 =1 ~applied",
      [ROLE_ADMIN_B] = "200 =0 ~forbidden",
      [ROLE_VERIFIKATOR] = "200 =1 ~applied",
      [ROLE_TRC] = "200 =0 ~forbidden",
      [ROLE_PIMPINAN] = "200 =0 ~forbidden" } },
  { "POST", "/api/v1/sync/push", JSON,
    PUSH_ONE ("report", "{\"id\":\"authz-r-${row}\",\"opd_id\":\"${opd_a}\","
                        "\"year\":${year},\"month\":1,\"status\":\"draft\"}"),
    "SELECT count(*) FROM report WHERE id = 'authz-r-${row}'", NULL,
    { [ROLE_ADMIN_A] = "200 =1 ~applied",
      [ROLE_ADMIN_B] = "200 =0 ~forbidden",
      [ROLE_VERIFIKATOR] = "200 =1 ~applied",
      [ROLE_TRC] = "200 =0 ~forbidden",
      [ROLE_PIMPINAN] = "200 =0 ~forbidden" } },
  /* Accepting a report is Diskominfo's, even for the OPD's own. */
  { "POST", "/api/v1/sync/push", JSON,
    PUSH_ONE ("report", "{\"id\":\"authz-r-${row}\",\"opd_id\":\"${opd_a}\","
                        "\"year\":${year},\"month\":2,\"status\":\"accepted\"}"),
    "SELECT count(*) FROM report WHERE id = 'authz-r-${row}'", NULL,
    { [ROLE_ADMIN_A] = "200 =0 ~forbidden",
      [ROLE_ADMIN_B] = "200 =0 ~forbidden",
      [ROLE_VERIFIKATOR] = "200 =1 ~applied",
      [ROLE_TRC] = "200 =0 ~forbidden",
      [ROLE_PIMPINAN] = "200 =0 ~forbidden" } },
  { "POST", "/api/v1/sync/push", JSON,
    PUSH_ONE ("complaint", "{\"id\":\"authz-c-${row}\",\"opd_id\":\"${opd_a}\","
                           "\"channel\":\"walk-in\",\"kind\":\"complaint\","
                           "\"citizen_name\":\"Warga ${row}\",\"body\":\"Aduan ${row}\"}"),
    "SELECT count(*) FROM complaint WHERE id = 'authz-c-${row}'", NULL,
    { [ROLE_ADMIN_A] = "200 =1 ~applied",
      [ROLE_ADMIN_B] = "200 =0 ~forbidden",
      [ROLE_VERIFIKATOR] = "200 =1 ~applied",
      [ROLE_TRC] = "200 =0 ~forbidden",
      [ROLE_PIMPINAN] = "200 =0 ~forbidden" } },
  { "POST", "/api/v1/sync/push", JSON, NOTE_ON ("complaint_a"),
    "SELECT count(*) FROM complaint_event WHERE id = 'authz-e-${row}'", NULL,
    { [ROLE_ADMIN_A] = "200 =1 ~applied",
      [ROLE_ADMIN_B] = "200 =0 ~forbidden -complaint_a_tracking",
      [ROLE_VERIFIKATOR] = "200 =1 ~applied",
      [ROLE_TRC] = "200 =0 ~forbidden -complaint_a_tracking",
      [ROLE_PIMPINAN] = "200 =0 ~forbidden" } },
  { "POST", "/api/v1/sync/push", JSON, NOTE_ON ("complaint_a_pub"),
    "SELECT count(*) FROM complaint_event WHERE id = 'authz-e-${row}'", NULL,
    { [ROLE_ADMIN_A] = "200 =1 ~applied",
      [ROLE_ADMIN_B] = "200 =0 ~forbidden -complaint_a_pub_tracking",
      [ROLE_VERIFIKATOR] = "200 =1 ~applied",
      [ROLE_TRC] = "200 =1 ~applied",
      [ROLE_PIMPINAN] = "200 =0 ~forbidden" } },

  /* Media: any signed-in role but pimpinan uploads; every one reads. */
  { "PUT", "/api/v1/media/${body_sha256}", "image/png", "authz media ${row}",
    "SELECT count(*) FROM media WHERE sha256 = '${body_sha256}'", NULL,
    { [ROLE_ADMIN_A] = "201 =1",
      [ROLE_ADMIN_B] = "201 =1",
      [ROLE_VERIFIKATOR] = "201 =1",
      [ROLE_TRC] = "201 =1",
      [ROLE_PIMPINAN] = "403 =0" } },
  { "GET", "/api/v1/media/${media_a}", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +media_a_bytes",
      [ROLE_ADMIN_B] = "200 +media_a_bytes",
      [ROLE_VERIFIKATOR] = "200 +media_a_bytes",
      [ROLE_TRC] = "200 +media_a_bytes",
      [ROLE_PIMPINAN] = "200 +media_a_bytes" } },
  { "HEAD", "/api/v1/media/${media_a}", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200",
      [ROLE_ADMIN_B] = "200",
      [ROLE_VERIFIKATOR] = "200",
      [ROLE_TRC] = "200",
      [ROLE_PIMPINAN] = "200" } },

  /* The central documents: everyone reads, the verifikator writes. */
  { "GET", "/api/v1/rules/platforms", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +platforms_marker",
      [ROLE_ADMIN_B] = "200 +platforms_marker",
      [ROLE_VERIFIKATOR] = "200 +platforms_marker",
      [ROLE_TRC] = "200 +platforms_marker",
      [ROLE_PIMPINAN] = "200 +platforms_marker" } },
  { "PUT", "/api/v1/rules/platforms", JSON, "${platforms_doc}",
    "SELECT count(*) FROM central_document WHERE version = '${body_sha256}'", NULL,
    { [ROLE_ADMIN_A] = "403 =0",
      [ROLE_ADMIN_B] = "403 =0",
      [ROLE_VERIFIKATOR] = "200 =1",
      [ROLE_TRC] = "403 =0",
      [ROLE_PIMPINAN] = "403 =0" } },
  { "GET", "/api/v1/calendar/holidays?year=2025", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +holidays_marker",
      [ROLE_ADMIN_B] = "200 +holidays_marker",
      [ROLE_VERIFIKATOR] = "200 +holidays_marker",
      [ROLE_TRC] = "200 +holidays_marker",
      [ROLE_PIMPINAN] = "200 +holidays_marker" } },
  { "PUT", "/api/v1/calendar/holidays?year=2029", JSON,
    "{\"format\":1,\"year\":2029,\"status\":\"authz ${row}\",\"holidays\":["
    "{\"date\":\"2029-08-17\",\"name\":\"Hari Kemerdekaan\",\"kind\":\"libur-nasional\","
    "\"source\":\"SKB 3 Menteri\"}]}",
    "SELECT count(*) FROM central_document WHERE version = '${body_sha256}'", NULL,
    { [ROLE_ADMIN_A] = "403 =0",
      [ROLE_ADMIN_B] = "403 =0",
      [ROLE_VERIFIKATOR] = "200 =1",
      [ROLE_TRC] = "403 =0",
      [ROLE_PIMPINAN] = "403 =0" } },

  /* Methods and paths the router does not have: the same answer for
   * everyone, before any token is looked at, and never a record. */
  { "DELETE", "/api/v1/posts/${post_a}", NULL, NULL, NULL, "405 -post_a_title",
    { [ROLE_ADMIN_A] = "405 -post_a_title",
      [ROLE_ADMIN_B] = "405 -post_a_title",
      [ROLE_VERIFIKATOR] = "405 -post_a_title",
      [ROLE_TRC] = "405 -post_a_title",
      [ROLE_PIMPINAN] = "405 -post_a_title" } },
  { "HEAD", "/api/v1/posts/${post_a}", NULL, NULL, NULL, "405",
    { [ROLE_ADMIN_A] = "405",
      [ROLE_ADMIN_B] = "405",
      [ROLE_VERIFIKATOR] = "405",
      [ROLE_TRC] = "405",
      [ROLE_PIMPINAN] = "405" } },
  { "PUT", "/api/v1/complaints/${complaint_a}", JSON, "{\"status\":\"resolved\"}",
    "SELECT count(*) FROM complaint WHERE id = '${complaint_a}' AND status = 'resolved'",
    "405 =0 -complaint_a_tracking",
    { [ROLE_ADMIN_A] = "405 =0",
      [ROLE_ADMIN_B] = "405 =0 -complaint_a_tracking",
      [ROLE_VERIFIKATOR] = "405 =0",
      [ROLE_TRC] = "405 =0",
      [ROLE_PIMPINAN] = "405 =0" } },
  { "GET", "/api/v1/complaints", NULL, NULL, NULL, "404 -complaint_a_tracking",
    { [ROLE_ADMIN_A] = "404",
      [ROLE_ADMIN_B] = "404 -complaint_a_tracking",
      [ROLE_VERIFIKATOR] = "404",
      [ROLE_TRC] = "404",
      [ROLE_PIMPINAN] = "404" } },
  { "GET", "/api/v1/reports/${report_a}", NULL, NULL, NULL, NULL,
    { [ROLE_ADMIN_A] = "200 +report_a",
      [ROLE_ADMIN_B] = "404 -report_a",
      [ROLE_VERIFIKATOR] = "200 +report_a",
      [ROLE_TRC] = "404 -report_a",
      [ROLE_PIMPINAN] = "200 +report_a" } },
};

typedef struct
{
  guint status;
  GPtrArray *show;
  GPtrArray *hide;
  gint64 count;
  char *result;
} Expect;

static void
expect_clear (Expect *expect)
{
  g_clear_pointer (&expect->show, g_ptr_array_unref);
  g_clear_pointer (&expect->hide, g_ptr_array_unref);
  g_clear_pointer (&expect->result, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Expect, expect_clear)

static void
parse_expect (const char *spec,
              Expect     *expect)
{
  g_auto(GStrv) words = g_strsplit (spec, " ", -1);

  expect->status = (guint) g_ascii_strtoull (words[0], NULL, 10);
  g_assert_cmpuint (expect->status, >=, 200);
  expect->show = g_ptr_array_new_with_free_func (g_free);
  expect->hide = g_ptr_array_new_with_free_func (g_free);
  expect->count = -1;

  for (guint i = 1; words[i] != NULL; i++)
    {
      const char *word = words[i];

      if (word[0] == '+')
        g_ptr_array_add (expect->show, g_strdup (word + 1));
      else if (word[0] == '-')
        g_ptr_array_add (expect->hide, g_strdup (word + 1));
      else if (word[0] == '=')
        expect->count = g_ascii_strtoll (word + 1, NULL, 10);
      else if (word[0] == '~')
        expect->result = g_strdup (word + 1);
      else if (word[0] != '\0')
        g_error ("Bad word “%s” in the table.", word);
    }
}

static const char *
spec_for (const Endpoint *endpoint,
          Role            role)
{
  if (role < FIRST_SIGNED_IN)
    return endpoint->anon != NULL ? endpoint->anon : "401";

  if (endpoint->expect[role] == NULL)
    g_error ("%s %s has no answer for %s.", endpoint->method, endpoint->path,
             role_names[role]);

  return endpoint->expect[role];
}

static const char *
code_for_status (guint status)
{
  switch (status)
    {
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    default:
      return NULL;
    }
}

/* Whether @result is @expected: "applied", or rejected with one of the
 * codes in @expected (separated by '|') and without the server's copy. */
static gboolean
result_is (JsonObject *result,
           const char *expected)
{
  g_auto(GStrv) codes = NULL;
  const char *code;

  if (result == NULL)
    return FALSE;

  if (g_str_equal (expected, "applied"))
    return g_strcmp0 (string_member (result, "status"), "applied") == 0;

  if (g_strcmp0 (string_member (result, "status"), "rejected") != 0 ||
      json_object_has_member (result, "record"))
    return FALSE;

  code = string_member (object_member (result, "error"), "code");
  codes = g_strsplit (expected, "|", -1);

  return code != NULL && g_strv_contains ((const char * const *) codes, code);
}

static JsonObject *
result_at (Response *response,
           guint     index)
{
  JsonArray *results = array_member (root_of (response), "results");

  if (results == NULL || index >= json_array_get_length (results))
    return NULL;

  return json_array_get_object_element (results, index);
}

/* Answers that no caller may ever get, whatever the route. */
static void
check_no_secrets (Response   *response,
                  const char *context)
{
  const char *leaked = NULL;

  check (strstr (response->body, "password_hash") == NULL &&
         strstr (response->body, "$argon2") == NULL,
         "%s: the answer holds a password hash", context);

  for (guint i = 0; i < N_ROLES; i++)
    if (world.tokens[i] != NULL && strlen (world.tokens[i]) == 43 &&
        strstr (response->body, world.tokens[i]) != NULL)
      leaked = role_names[i];
  check (leaked == NULL, "%s: the answer holds the token of %s", context, leaked);
}

static void
run_row (const Endpoint *endpoint,
         Role            role,
         GPtrArray      *shown)
{
  g_auto(Expect) expect = { 0 };
  g_autofree char *tag = g_strdup_printf ("r%03u", world.n_rows);
  g_autofree char *year = g_strdup_printf ("%u", 2100 + world.n_rows);
  g_autofree char *checked = g_strdup_printf ("%04u-%02u", 2030 + world.n_rows / 12,
                                              world.n_rows % 12 + 1);
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *probe = NULL;
  g_autofree char *context = NULL;
  g_autoptr(Response) response = NULL;

  world.n_rows++;
  parse_expect (spec_for (endpoint, role), &expect);

  set_value ("row", tag);
  set_value ("year", year);
  set_value ("checked", checked);

  if (endpoint->body != NULL)
    {
      g_autofree char *digest = NULL;

      body = expand (endpoint->body);
      digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
      set_value ("body_sha256", digest);
    }
  path = expand (endpoint->path);
  if (endpoint->probe != NULL)
    probe = expand (endpoint->probe);

  context = g_strdup_printf ("%s %s as %s", endpoint->method, path, role_names[role]);

  response = send_as (role, endpoint->method, path, endpoint->content_type, body);
  g_test_message ("%s → %u %.160s", context, response->status, response->body);

  if (!check (response->status == expect.status, "%s: answered %u, expected %u: %.300s",
              context, response->status, expect.status, response->body))
    return;

  if (expect.status >= 400 && !g_str_equal (endpoint->method, "HEAD"))
    check (g_strcmp0 (error_code (response), code_for_status (expect.status)) == 0,
           "%s: error code %s, expected %s", context, error_code (response),
           code_for_status (expect.status));

  if (expect.status == 401)
    check (response->www_authenticate != NULL &&
           g_str_has_prefix (response->www_authenticate, "Bearer"),
           "%s: a 401 without WWW-Authenticate: Bearer", context);

  for (guint i = 0; i < expect.show->len; i++)
    {
      const char *name = g_ptr_array_index (expect.show, i);

      check (strstr (response->body, value_of (name)) != NULL,
             "%s: the answer lacks ${%s} (%s)", context, name, value_of (name));
    }

  for (guint i = 0; i < expect.hide->len; i++)
    {
      const char *name = g_ptr_array_index (expect.hide, i);

      check (strstr (response->body, value_of (name)) == NULL,
             "%s: the answer holds ${%s} (%s)", context, name, value_of (name));
    }

  /* A refusal tells nothing that an allowed answer would. */
  if (expect.status >= 400)
    for (guint i = 0; i < shown->len; i++)
      {
        const char *name = g_ptr_array_index (shown, i);

        check (strstr (response->body, value_of (name)) == NULL,
               "%s: the refusal holds ${%s} (%s)", context, name, value_of (name));
      }

  check_no_secrets (response, context);

  if (probe != NULL)
    {
      gint64 count = sql_int (probe, NULL);
      gint64 wanted = expect.count >= 0 ? expect.count : 0;

      if (role >= FIRST_SIGNED_IN)
        g_assert_cmpint (expect.count, >=, 0);
      check (count == wanted, "%s: the write left %" G_GINT64_FORMAT " rows, expected %"
             G_GINT64_FORMAT, context, count, wanted);
    }

  if (expect.result != NULL)
    check (result_is (result_at (response, 0), expect.result),
           "%s: the push result is not %s: %.300s", context, expect.result, response->body);
}

static void
test_table (void)
{
  guint rows_before = world.n_rows;
  guint checks_before = world.n_checks;

  for (guint e = 0; e < G_N_ELEMENTS (endpoints); e++)
    {
      g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);

      /* Everything any role may see here. */
      for (Role role = FIRST_SIGNED_IN; role < N_ROLES; role++)
        {
          g_auto(Expect) expect = { 0 };

          parse_expect (spec_for (&endpoints[e], role), &expect);
          for (guint i = 0; i < expect.show->len; i++)
            g_ptr_array_add (shown, g_strdup (g_ptr_array_index (expect.show, i)));
        }

      for (Role role = 0; role < N_ROLES; role++)
        run_row (&endpoints[e], role, shown);
    }

  g_test_message ("%u endpoints × %u roles: %u requests, %u checks",
                  (guint) G_N_ELEMENTS (endpoints), (guint) N_ROLES,
                  world.n_rows - rows_before, world.n_checks - checks_before);
}

/* }}} */

/* Sync pull {{{ */

typedef struct
{
  GHashTable *keys;         /* "entity/id" of every change, whatever its op */
  gboolean citizen_data;    /* a complaint came with citizen_name */
  char *cursor;
  char *text;               /* every page, one after the other */
} Pulled;

static void
pulled_clear (Pulled *pulled)
{
  g_clear_pointer (&pulled->keys, g_hash_table_unref);
  g_clear_pointer (&pulled->cursor, g_free);
  g_clear_pointer (&pulled->text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pulled, pulled_clear)

/* Pulls as @role from @since until has_more is false. */
static void
pull_all (Role        role,
          const char *since,
          Pulled     *pulled)
{
  g_autofree char *next = g_strdup (since);
  g_autoptr(GString) text = g_string_new (NULL);

  pulled->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint page = 0; ; page++)
    {
      g_autofree char *escaped = g_uri_escape_string (next, NULL, FALSE);
      g_autofree char *path = g_strdup_printf ("/api/v1/sync/pull?since=%s&limit=500", escaped);
      g_autoptr(Response) response = send_as (role, "GET", path, NULL, NULL);
      JsonObject *answer = root_of (response);
      JsonArray *changes = array_member (answer, "changes");
      JsonNode *has_more;

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_nonnull (changes);
      g_string_append (text, response->body);

      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          JsonObject *record = object_member (change, "record");
          const char *id = record != NULL ? string_member (record, "id")
                                          : string_member (change, "id");

          g_assert_nonnull (id);
          g_hash_table_add (pulled->keys, g_strconcat (string_member (change, "entity"), "/",
                                                       id, NULL));
          if (record != NULL && json_object_has_member (record, "citizen_name"))
            pulled->citizen_data = TRUE;
        }

      g_free (next);
      next = g_strdup (string_member (answer, "cursor"));
      g_assert_nonnull (next);

      has_more = json_object_get_member (answer, "has_more");
      g_assert_nonnull (has_more);
      if (!json_node_get_boolean (has_more))
        break;

      g_assert_cmpuint (page, <, 1000);
    }

  pulled->cursor = g_steal_pointer (&next);
  pulled->text = g_string_free (g_steal_pointer (&text), FALSE);
}

/* How many of @keys @pulled holds; *@example is one of them. */
static guint
count_common (GHashTable  *keys,
              Pulled      *pulled,
              const char **example)
{
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  *example = NULL;
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (pulled->keys, key))
      {
        n++;
        *example = key;
      }

  return n;
}

static void
check_none_of (GHashTable *keys,
               Pulled     *pulled,
               const char *context)
{
  const char *example;
  guint n = count_common (keys, pulled, &example);

  check (n == 0, "%s: pulled %u of them, such as %s", context, n, example);
}

static void
check_all_of (GHashTable *keys,
              Pulled     *pulled,
              const char *context)
{
  const char *example;
  guint n = count_common (keys, pulled, &example);

  check (g_hash_table_size (keys) > 0 && n == g_hash_table_size (keys),
         "%s: pulled %u of %u", context, n, g_hash_table_size (keys));
}

static void
check_no_entity (Pulled     *pulled,
                 const char *prefix,
                 const char *context)
{
  GHashTableIter iter;
  gpointer key;
  const char *found = NULL;

  g_hash_table_iter_init (&iter, pulled->keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, prefix))
      found = key;

  check (found == NULL, "%s: pulled %s", context, found);
}

/* OPD A's posts, reports, complaints and users, as "entity/id". */
static GHashTable *
records_of_opd (const char *opd_id)
{
  static const struct { const char *entity; const char *sql; } queries[] = {
    { "post", "SELECT id FROM post WHERE opd_id = ?1" },
    { "report", "SELECT id FROM report WHERE opd_id = ?1" },
    { "complaint", "SELECT id FROM complaint WHERE opd_id = ?1" },
    { "user", "SELECT id FROM app_user WHERE opd_id = ?1" },
  };
  GHashTable *all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GHashTable) keys = sql_keys (queries[i].entity, queries[i].sql, opd_id);
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, keys);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (all, g_strdup (key));
    }

  return all;
}

static void
test_pull (void)
{
  const char *opd_a = value_of ("opd_a");
  const char *opd_b = value_of ("opd_b");
  g_autoptr(GHashTable) of_a = records_of_opd (opd_a);
  g_autoptr(GHashTable) of_b = records_of_opd (opd_b);
  g_autoptr(GHashTable) private_a =
    sql_keys ("complaint", "SELECT id FROM complaint WHERE opd_id = ?1 AND public_issue = 0",
              opd_a);
  g_autoptr(GHashTable) public_all =
    sql_keys ("complaint", "SELECT id FROM complaint WHERE public_issue = 1", NULL);
  g_autoptr(GHashTable) complaints_all = sql_keys ("complaint", "SELECT id FROM complaint",
                                                   NULL);
  g_autoptr(GHashTable) written_a =
    sql_keys ("post", "SELECT id FROM post WHERE opd_id = ?1 AND id LIKE 'authz-p-%'", opd_a);
  g_autoptr(GHashTable) post_a = sql_keys ("post", "SELECT ?1", value_of ("post_a"));
  g_auto(Pulled) a = { 0 };
  g_auto(Pulled) b = { 0 };
  g_auto(Pulled) verifikator = { 0 };
  g_auto(Pulled) trc = { 0 };
  g_auto(Pulled) pimpinan = { 0 };
  g_auto(Pulled) a_log = { 0 };
  g_auto(Pulled) b_log = { 0 };
  g_auto(Pulled) b_crafted = { 0 };
  g_auto(Pulled) a_after = { 0 };
  g_auto(Pulled) b_after = { 0 };

  /* The table wrote to A through the API: the log has rows for A. */
  g_assert_cmpuint (g_hash_table_size (written_a), >, 0);

  pull_all (ROLE_ADMIN_A, "0", &a);
  pull_all (ROLE_ADMIN_B, "0", &b);
  pull_all (ROLE_VERIFIKATOR, "0", &verifikator);
  pull_all (ROLE_TRC, "0", &trc);
  pull_all (ROLE_PIMPINAN, "0", &pimpinan);

  /* The snapshot. */
  check_all_of (of_a, &a, "A's snapshot holds A's records");
  check_all_of (of_b, &b, "B's snapshot holds B's records");
  check_none_of (of_a, &b, "B's snapshot and A's records");
  check_none_of (of_b, &a, "A's snapshot and B's records");
  check (strstr (b.text, value_of ("complaint_a_tracking")) == NULL &&
         strstr (b.text, value_of ("complaint_a_pub_tracking")) == NULL,
         "B's snapshot holds the tracking number of A's complaint");

  check_all_of (of_a, &verifikator, "the verifikator's snapshot holds A's records");
  check (verifikator.citizen_data, "the verifikator's snapshot lacks citizens' data");

  check_all_of (complaints_all, &pimpinan, "pimpinan's snapshot holds every complaint");
  check (!pimpinan.citizen_data && strstr (pimpinan.text, "\"citizen_contact\"") == NULL &&
         strstr (pimpinan.text, "\"citizen_handle\"") == NULL &&
         strstr (pimpinan.text, "\"source_url\"") == NULL,
         "pimpinan's snapshot holds citizens' data");

  check_all_of (public_all, &trc, "trc's snapshot holds every public issue");
  check_none_of (private_a, &trc, "trc's snapshot and A's private complaints");
  check_no_entity (&trc, "post/", "trc's snapshot");
  check_no_entity (&trc, "report/", "trc's snapshot");
  check (trc.citizen_data, "trc's snapshot lacks the citizens' data of public issues");

  /* The log from its beginning holds what the table wrote. */
  pull_all (ROLE_ADMIN_A, "L0", &a_log);
  pull_all (ROLE_ADMIN_B, "L0", &b_log);
  check_all_of (written_a, &a_log, "A's log holds the posts A and the verifikator wrote");
  check_none_of (of_a, &b_log, "B's log and A's records");

  /* A cursor is the client's to send: a made-up one is no way around scope. */
  pull_all (ROLE_ADMIN_B, "S0.3.", &b_crafted);
  check_none_of (of_a, &b_crafted, "B's pull from a made-up cursor and A's records");
  check_all_of (post_a, &a, "A's snapshot holds post A");

  /* A change to A's post, after both snapshots. */
  {
    g_autofree char *version = sql_text ("SELECT version FROM post WHERE id = ?1",
                                         value_of ("post_a"));
    g_autofree char *edit =
      g_strdup_printf ("{\"mutations\":[{\"id\":\"authz-pull-edit\",\"entity\":\"post\","
                       "\"op\":\"upsert\",\"base_version\":%s,\"fields\":[\"body\"],"
                       "\"record\":{\"id\":\"%s\",\"body\":\"Diubah setelah snapshot.\"}}]}",
                       version, value_of ("post_a"));
    g_autoptr(Response) response = send_as (ROLE_ADMIN_A, "POST", "/api/v1/sync/push", JSON,
                                            edit);

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_true (result_is (result_at (response, 0), "applied"));
  }

  pull_all (ROLE_ADMIN_A, a.cursor, &a_after);
  pull_all (ROLE_ADMIN_B, b.cursor, &b_after);
  check_all_of (post_a, &a_after, "A's next pull brings A's changed post");
  check_none_of (post_a, &b_after, "B's next pull and A's changed post");
  check (strstr (b_after.text, "Diubah setelah snapshot.") == NULL,
         "B's next pull holds the text of A's post");
}

/* }}} */

/* Sync push {{{ */

/* A mutation with a new id; takes @record. */
static char *
mutation (const char *entity,
          const char *op,
          gint64      base_version,
          const char *fields,
          char       *record)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *owned = record;

  return g_strdup_printf ("{\"id\":\"%s\",\"entity\":\"%s\",\"op\":\"%s\","
                          "\"base_version\":%" G_GINT64_FORMAT "%s%s,\"record\":%s}",
                          id, entity, op, base_version,
                          fields != NULL ? ",\"fields\":" : "", fields != NULL ? fields : "",
                          owned);
}

static char *
note_event (const char *event_id,
            const char *complaint_id,
            const char *status)
{
  return g_strdup_printf ("{\"id\":\"%s\",\"complaint_id\":\"%s\",\"action\":\"note\","
                          "\"from_status\":\"%s\",\"to_status\":\"%s\","
                          "\"note\":\"Dari OPD lain\"}", event_id, complaint_id, status, status);
}

static Response *
push_batch (Role       role,
            GPtrArray *mutations)
{
  g_autoptr(GString) body = g_string_new ("{\"mutations\":[");

  for (guint i = 0; i < mutations->len; i++)
    g_string_append_printf (body, "%s%s", i > 0 ? "," : "",
                            (const char *) g_ptr_array_index (mutations, i));
  g_string_append (body, "]}");

  return send_as (role, "POST", "/api/v1/sync/push", JSON, body->str);
}

/* What B (or trc, or pimpinan) tries on A's records, with what each must
 * be answered. */
typedef struct
{
  const char *what;
  char *mutation;
  const char *expected;
} Attempt;

static void
attempt_clear (gpointer data)
{
  Attempt *attempt = data;

  g_free (attempt->mutation);
}

static void
add_attempt (GArray     *attempts,
             const char *what,
             char       *mutation_json,
             const char *expected)
{
  Attempt attempt = { what, mutation_json, expected };

  g_array_append_val (attempts, attempt);
}

static void
run_attempts (Role        role,
              GArray     *attempts,
              const char *const *never)
{
  g_autoptr(GPtrArray) mutations = g_ptr_array_new ();
  g_autoptr(Response) response = NULL;
  JsonArray *results;

  for (guint i = 0; i < attempts->len; i++)
    g_ptr_array_add (mutations, g_array_index (attempts, Attempt, i).mutation);

  response = push_batch (role, mutations);
  g_test_message ("push as %s → %u %.400s", role_names[role], response->status, response->body);
  g_assert_cmpuint (response->status, ==, 200);

  results = array_member (root_of (response), "results");
  g_assert_nonnull (results);
  g_assert_cmpuint (json_array_get_length (results), ==, attempts->len);

  for (guint i = 0; i < attempts->len; i++)
    {
      Attempt *attempt = &g_array_index (attempts, Attempt, i);
      JsonObject *result = json_array_get_object_element (results, i);

      g_test_message ("%s, %s: %s %s", role_names[role], attempt->what,
                      string_member (result, "status"),
                      string_member (object_member (result, "error"), "code"));
      check (result_is (result, attempt->expected), "%s: %s is not rejected %s: %s code %s",
             role_names[role], attempt->what, attempt->expected,
             string_member (result, "status"),
             string_member (object_member (result, "error"), "code"));
    }

  for (guint i = 0; never[i] != NULL; i++)
    check (strstr (response->body, value_of (never[i])) == NULL,
           "%s: the push answer holds ${%s}", role_names[role], never[i]);

  check_no_secrets (response, "push");
}

static void
test_push (void)
{
  static const char * const never[] = {
    "post_a_title", "complaint_a_tracking", "complaint_a_name", "complaint_a_body",
    "complaint_a_pub_tracking", "complaint_a_pub_name", NULL
  };
  static const struct { const char *entity; const char *name; } watched[] = {
    { "post", "post_a" }, { "post", "post_b" }, { "report", "report_a" },
    { "report", "report_b" }, { "complaint", "complaint_a" }, { "complaint", "complaint_a_pub" },
  };
  const char *opd_a = value_of ("opd_a");
  const char *post_a = value_of ("post_a");
  const char *post_b = value_of ("post_b");
  const char *report_a = value_of ("report_a");
  const char *report_b = value_of ("report_b");
  const char *complaint_a = value_of ("complaint_a");
  const char *complaint_a_pub = value_of ("complaint_a_pub");
  g_autofree char *status_a = sql_text ("SELECT status FROM complaint WHERE id = ?1",
                                        complaint_a);
  g_autofree char *status_pub = sql_text ("SELECT status FROM complaint WHERE id = ?1",
                                          complaint_a_pub);
  gint64 post_a_version = sql_int ("SELECT version FROM post WHERE id = ?1", post_a);
  gint64 post_b_version = sql_int ("SELECT version FROM post WHERE id = ?1", post_b);
  gint64 report_a_version = sql_int ("SELECT version FROM report WHERE id = ?1", report_a);
  gint64 report_b_version = sql_int ("SELECT version FROM report WHERE id = ?1", report_b);
  g_autofree char *new_post = g_uuid_string_random ();
  g_autofree char *new_report = g_uuid_string_random ();
  g_autofree char *new_complaint = g_uuid_string_random ();
  g_autofree char *edit_post = NULL;
  g_autofree char *edit_report = NULL;
  char *before[G_N_ELEMENTS (watched)];
  Role intruders[] = { ROLE_ADMIN_B, ROLE_TRC, ROLE_PIMPINAN };

  /* The same changes that A makes at the end, where they are applied. */
  edit_post = g_strdup_printf ("{\"id\":\"%s\",\"title\":\"Diubah oleh OPD lain\"}", post_a);
  edit_report = g_strdup_printf ("{\"id\":\"%s\",\"notes\":\"Diubah oleh OPD lain\"}",
                                 report_a);

  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    before[i] = fingerprint (watched[i].entity, value_of (watched[i].name));

  for (guint r = 0; r < G_N_ELEMENTS (intruders); r++)
    {
      g_autoptr(GArray) attempts = g_array_new (FALSE, TRUE, sizeof (Attempt));
      g_autofree char *event_id = g_uuid_string_random ();

      g_array_set_clear_func (attempts, attempt_clear);

      add_attempt (attempts, "editing A's post",
                   mutation ("post", "upsert", post_a_version, "[\"title\"]",
                             g_strdup (edit_post)),
                   "forbidden");
      add_attempt (attempts, "deleting A's post",
                   mutation ("post", "delete", post_a_version, NULL,
                             g_strdup_printf ("{\"id\":\"%s\"}", post_a)),
                   "forbidden");
      add_attempt (attempts, "a new post for A",
                   mutation ("post", "upsert", 0, NULL,
                             g_strdup_printf ("{\"id\":\"%s\",\"opd_id\":\"%s\","
                                              "\"title\":\"Titipan\",\"category\":\"education\","
                                              "\"status\":\"draft\"}", new_post, opd_a)),
                   "forbidden");
      add_attempt (attempts, "moving B's post to A",
                   mutation ("post", "upsert", post_b_version, "[\"opd_id\"]",
                             g_strdup_printf ("{\"id\":\"%s\",\"opd_id\":\"%s\"}",
                                              post_b, opd_a)),
                   "forbidden");
      add_attempt (attempts, "editing A's report",
                   mutation ("report", "upsert", report_a_version, "[\"notes\"]",
                             g_strdup (edit_report)),
                   "forbidden");
      add_attempt (attempts, "deleting A's report",
                   mutation ("report", "delete", report_a_version, NULL,
                             g_strdup_printf ("{\"id\":\"%s\"}", report_a)),
                   "forbidden");
      add_attempt (attempts, "a new report for A",
                   mutation ("report", "upsert", 0, NULL,
                             g_strdup_printf ("{\"id\":\"%s\",\"opd_id\":\"%s\",\"year\":2098,"
                                              "\"month\":2,\"status\":\"submitted\"}",
                                              new_report, opd_a)),
                   "forbidden");
      add_attempt (attempts, "moving B's report to A",
                   mutation ("report", "upsert", report_b_version, "[\"opd_id\"]",
                             g_strdup_printf ("{\"id\":\"%s\",\"opd_id\":\"%s\"}",
                                              report_b, opd_a)),
                   "forbidden");
      add_attempt (attempts, "a new complaint for A",
                   mutation ("complaint", "upsert", 0, NULL,
                             g_strdup_printf ("{\"id\":\"%s\",\"opd_id\":\"%s\","
                                              "\"channel\":\"walk-in\",\"kind\":\"complaint\","
                                              "\"body\":\"Aduan titipan\"}",
                                              new_complaint, opd_a)),
                   "forbidden");
      /* docs/api.md: an existing complaint is rejected invalid_request;
       * out of scope is rejected forbidden. Either way, no change. */
      add_attempt (attempts, "rewriting A's complaint",
                   mutation ("complaint", "upsert", 0, NULL,
                             g_strdup_printf ("{\"id\":\"%s\",\"body\":\"Ditulis ulang\","
                                              "\"opd_id\":\"%s\"}",
                                              complaint_a, value_of ("opd_b"))),
                   intruders[r] == ROLE_PIMPINAN ? "forbidden" : "forbidden|invalid_request");
      add_attempt (attempts, "deleting A's complaint",
                   mutation ("complaint", "delete", 0, NULL,
                             g_strdup_printf ("{\"id\":\"%s\"}", complaint_a)),
                   "forbidden");
      add_attempt (attempts, "a note on A's complaint",
                   mutation ("complaint_event", "upsert", 0, NULL,
                             note_event (event_id, complaint_a, status_a)),
                   "forbidden");
      add_attempt (attempts, "escalating A's complaint",
                   mutation ("complaint_event", "upsert", 0, NULL,
                             g_strdup_printf ("{\"id\":\"%s-x\",\"complaint_id\":\"%s\","
                                              "\"action\":\"escalated\",\"from_status\":\"%s\","
                                              "\"to_status\":\"%s\"}",
                                              event_id, complaint_a, status_a, status_a)),
                   "forbidden");
      add_attempt (attempts, "handing A's complaint back",
                   mutation ("complaint_event", "upsert", 0, NULL,
                             g_strdup_printf ("{\"id\":\"%s-n\",\"complaint_id\":\"%s\","
                                              "\"action\":\"not-our-authority\","
                                              "\"from_status\":\"%s\","
                                              "\"to_status\":\"not-our-authority\"}",
                                              event_id, complaint_a, status_a)),
                   "forbidden");
      add_attempt (attempts, "escalating A's public issue",
                   mutation ("complaint_event", "upsert", 0, NULL,
                             g_strdup_printf ("{\"id\":\"%s-p\",\"complaint_id\":\"%s\","
                                              "\"action\":\"escalated\",\"from_status\":\"%s\","
                                              "\"to_status\":\"%s\"}",
                                              event_id, complaint_a_pub, status_pub,
                                              status_pub)),
                   "forbidden");
      if (intruders[r] != ROLE_TRC)
        add_attempt (attempts, "a note on A's public issue",
                     mutation ("complaint_event", "upsert", 0, NULL,
                               g_strdup_printf ("{\"id\":\"%s-q\",\"complaint_id\":\"%s\","
                                                "\"action\":\"note\",\"from_status\":\"%s\","
                                                "\"to_status\":\"%s\",\"note\":\"x\"}",
                                                event_id, complaint_a_pub, status_pub,
                                                status_pub)),
                     "forbidden");

      run_attempts (intruders[r], attempts, (const char * const *) never);
    }

  /* Nothing of A's changed, nor moved. */
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    {
      g_autofree char *after = fingerprint (watched[i].entity, value_of (watched[i].name));

      check (g_str_equal (before[i], after), "%s ${%s} changed: %s → %s", watched[i].entity,
             watched[i].name, before[i], after);
    }
  check (sql_int ("SELECT count(*) FROM post WHERE id = ?1", new_post) == 0,
         "a post was made for A by another OPD");
  check (sql_int ("SELECT count(*) FROM report WHERE id = ?1", new_report) == 0,
         "a report was made for A by another OPD");
  check (sql_int ("SELECT count(*) FROM complaint WHERE id = ?1", new_complaint) == 0,
         "a complaint was made for A by another OPD");

  /* The same changes by A itself are applied: they were refused for who
   * sent them, not for what they were. */
  {
    g_autoptr(GPtrArray) mutations = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *event_id = g_uuid_string_random ();
    g_autoptr(Response) response = NULL;

    g_ptr_array_add (mutations, mutation ("post", "upsert", post_a_version, "[\"title\"]",
                                          g_strdup (edit_post)));
    g_ptr_array_add (mutations, mutation ("report", "upsert", report_a_version, "[\"notes\"]",
                                          g_strdup (edit_report)));
    g_ptr_array_add (mutations, mutation ("complaint_event", "upsert", 0, NULL,
                                          note_event (event_id, complaint_a, status_a)));

    response = push_batch (ROLE_ADMIN_A, mutations);
    g_test_message ("push as %s → %u %.400s", role_names[ROLE_ADMIN_A], response->status,
                    response->body);
    g_assert_cmpuint (response->status, ==, 200);
    for (guint i = 0; i < mutations->len; i++)
      check (result_is (result_at (response, i), "applied"),
             "A's own mutation %u is not applied: %.300s", i, response->body);

    check (sql_int ("SELECT count(*) FROM post WHERE id = ?1 AND title = 'Diubah oleh OPD lain'",
                    post_a) == 1, "A's edit of its post did not land");
    check (sql_int ("SELECT count(*) FROM report WHERE id = ?1 "
                    "AND notes = 'Diubah oleh OPD lain'", report_a) == 1,
           "A's edit of its report did not land");
  }

  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    g_free (before[i]);
}

/* A mutation's id is a capability of the user who sent it first: another
 * user who replays it gets neither the stored answer nor the change. */
static void
test_push_replay (void)
{
  const char *post_a = value_of ("post_a");
  gint64 version = sql_int ("SELECT version FROM post WHERE id = ?1", post_a);
  g_autofree char *body =
    g_strdup_printf ("{\"mutations\":[{\"id\":\"authz-replayed\",\"entity\":\"post\","
                     "\"op\":\"upsert\",\"base_version\":%" G_GINT64_FORMAT ","
                     "\"fields\":[\"body\"],\"record\":{\"id\":\"%s\","
                     "\"body\":\"Isi dari A\"}}]}", version, post_a);
  g_autofree char *other =
    g_strdup_printf ("{\"mutations\":[{\"id\":\"authz-replayed\",\"entity\":\"post\","
                     "\"op\":\"upsert\",\"base_version\":%" G_GINT64_FORMAT ","
                     "\"fields\":[\"body\"],\"record\":{\"id\":\"%s\","
                     "\"body\":\"Isi dari B\"}}]}", version + 1, value_of ("post_b"));
  g_autoptr(Response) first = send_as (ROLE_ADMIN_A, "POST", "/api/v1/sync/push", JSON, body);
  g_autoptr(Response) replay = NULL;
  g_autoptr(Response) reuse = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpuint (first->status, ==, 200);
  g_assert_true (result_is (result_at (first, 0), "applied"));
  after = fingerprint ("post", post_a);

  replay = send_as (ROLE_ADMIN_B, "POST", "/api/v1/sync/push", JSON, body);
  reuse = send_as (ROLE_ADMIN_B, "POST", "/api/v1/sync/push", JSON, other);
  g_test_message ("replay → %u %s", replay->status, replay->body);

  check (replay->status == 200 && result_is (result_at (replay, 0), "invalid_request"),
         "B's replay of A's mutation is not rejected: %s", replay->body);
  check (strstr (replay->body, "applied") == NULL && strcmp (replay->body, first->body) != 0,
         "B's replay got A's stored answer: %s", replay->body);
  check (reuse->status == 200 && result_is (result_at (reuse, 0), "invalid_request"),
         "B's reuse of A's mutation id is not rejected: %s", reuse->body);
  check (sql_int ("SELECT count(*) FROM post WHERE id = ?1 AND body = 'Isi dari B'",
                  value_of ("post_b")) == 0, "B's post changed under A's mutation id");
  {
    g_autofree char *now = fingerprint ("post", post_a);

    check (g_str_equal (now, after), "A's post changed by B's replay: %s → %s", after, now);
  }
}

/* }}} */

/* Sign-in and sign-out {{{ */

static void
test_login (void)
{
  const char *disabled[] = { "authz.disabled", "authz.cli" };

  for (guint i = 0; i < G_N_ELEMENTS (disabled); i++)
    {
      g_autofree char *body =
        g_strdup_printf ("{\"username\":\"%s\",\"password\":\"authz-password\"}", disabled[i]);
      g_autoptr(Response) response = send_request ("POST", "/api/v1/auth/login", NULL, JSON,
                                                   body);

      check (response->status == 403 && g_strcmp0 (error_code (response), "user_disabled") == 0,
             "%s signs in: %u %s", disabled[i], response->status, response->body);
      check (strstr (response->body, "\"token\"") == NULL, "%s got a token", disabled[i]);
      check_no_secrets (response, disabled[i]);
    }

  /* The same request for a user who is not disabled gets a token. */
  {
    g_autoptr(Response) response =
      send_request ("POST", "/api/v1/auth/login", NULL, JSON,
                    "{\"username\":\"authz.enabled\",\"password\":\"authz-password\"}");
    JsonObject *user = object_member (root_of (response), "user");

    check (response->status == 200 && string_member (root_of (response), "token") != NULL,
           "authz.enabled does not sign in: %u %s", response->status, response->body);
    check (g_strcmp0 (string_member (user, "opd_id"), value_of ("opd_a")) == 0 &&
           g_strcmp0 (string_member (user, "role"), "admin-opd") == 0,
           "authz.enabled is not an admin of A: %s", response->body);
    check_no_secrets (response, "authz.enabled");
  }
}

static void
test_logout (void)
{
  const Role order[] = {
    ROLE_ADMIN_B, ROLE_ADMIN_A, ROLE_VERIFIKATOR, ROLE_TRC, ROLE_PIMPINAN
  };

  for (Role role = 0; role < FIRST_SIGNED_IN; role++)
    {
      g_autoptr(Response) response = send_as (role, "POST", "/api/v1/auth/logout", NULL, NULL);

      check (response->status == 401 &&
             g_strcmp0 (error_code (response), "unauthorized") == 0,
             "logout with %s: %u", role_names[role], response->status);
    }

  /* One sign-out ends that token only. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(Response) logout = send_as (order[i], "POST", "/api/v1/auth/logout", NULL,
                                            NULL);
      g_autoptr(Response) me = send_as (order[i], "GET", "/api/v1/me", NULL, NULL);

      check (logout->status == 204 && logout->body[0] == '\0',
             "logout as %s: %u %s", role_names[order[i]], logout->status, logout->body);
      check (me->status == 401, "%s still works after logout: %u", role_names[order[i]],
             me->status);

      for (guint j = i + 1; j < G_N_ELEMENTS (order); j++)
        {
          g_autoptr(Response) other = send_as (order[j], "GET", "/api/v1/me", NULL, NULL);

          check (other->status == 200, "logout as %s ended the token of %s: %u",
                 role_names[order[i]], role_names[order[j]], other->status);
        }
    }
}

/* }}} */

/* Setting up {{{ */

static char *
first_opd (const char *except)
{
  /* An OPD with a post, a report, a private complaint it is working on
   * and a public issue, all with the citizen's data. */
  return sql_text ("SELECT o.code FROM opd o WHERE o.code <> 'diskominfo' AND o.code <> ?1 "
                   "AND EXISTS (SELECT 1 FROM post p WHERE p.opd_id = o.id "
                   "            AND p.title IS NOT NULL) "
                   "AND EXISTS (SELECT 1 FROM report r WHERE r.opd_id = o.id) "
                   "AND EXISTS (SELECT 1 FROM complaint c WHERE c.opd_id = o.id "
                   "            AND c.public_issue = 0 AND c.citizen_name IS NOT NULL "
                   "            AND c.citizen_contact IS NOT NULL "
                   "            AND c.status IN ('routed', 'in-progress')) "
                   "AND EXISTS (SELECT 1 FROM complaint c WHERE c.opd_id = o.id "
                   "            AND c.public_issue = 1 AND c.citizen_name IS NOT NULL) "
                   "ORDER BY o.code = 'dinkes' DESC, o.code LIMIT 1", except);
}

/* Sets ${prefix}, ${prefix_tracking}, ${prefix_name}, ${prefix_contact},
 * ${prefix_body} and ${prefix_status} from the complaint @sql finds. */
static void
set_complaint_values (const char *prefix,
                      const char *sql,
                      const char *opd_id)
{
  static const char * const columns[] = {
    "tracking_number", "citizen_name", "citizen_contact", "body", "status"
  };
  static const char * const suffixes[] = { "tracking", "name", "contact", "body", "status" };
  g_autofree char *id = sql_text (sql, opd_id);

  g_assert_nonnull (id);
  set_value (prefix, id);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *query = g_strdup_printf ("SELECT %s FROM complaint WHERE id = ?1",
                                                columns[i]);
      g_autofree char *text = sql_text (query, id);
      g_autofree char *name = g_strdup_printf ("%s_%s", prefix, suffixes[i]);

      set_value (name, text);
    }
}

static void
set_sql_value (const char *name,
               const char *sql,
               const char *arg)
{
  g_autofree char *text = sql_text (sql, arg);

  if (text == NULL)
    g_error ("No value for ${%s}: %s", name, sql);

  set_value (name, text);
}

/* Signs in a new admin of OPD A, made by the verifikator through the API,
 * and checks that the token reads A's complaint before it is taken away. */
static char *
new_admin_of_a (const char *username)
{
  g_autofree char *body =
    g_strdup_printf ("{\"username\":\"%s\",\"role\":\"admin-opd\",\"opd_id\":\"%s\","
                     "\"password\":\"authz-password\"}", username, value_of ("opd_a"));
  g_autoptr(Response) created = send_as (ROLE_VERIFIKATOR, "POST", "/api/v1/users", JSON, body);
  g_autofree char *token = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/complaints/%s", value_of ("complaint_a"));

  g_assert_cmpuint (created->status, ==, 201);
  token = login (username, "authz-password");

  {
    g_autoptr(Response) reads = send_request ("GET", path, token, NULL, NULL);

    g_assert_cmpuint (reads->status, ==, 200);
    g_assert_nonnull (strstr (reads->body, value_of ("complaint_a_tracking")));
  }

  return g_steal_pointer (&token);
}

/* A token of A's admin that reads A's complaint now, for a test of what
 * it reads once it is expired or revoked. */
static char *
working_token_of_a (void)
{
  g_autofree char *token = login (value_of ("code_a"), SIGAP_DEMO_PASSWORD);
  g_autofree char *path = g_strdup_printf ("/api/v1/complaints/%s", value_of ("complaint_a"));
  g_autoptr(Response) reads = send_request ("GET", path, token, NULL, NULL);

  g_assert_cmpuint (reads->status, ==, 200);

  return g_steal_pointer (&token);
}

static void
disable_with_cli (const char *username)
{
  const char *argv[] = {
    SIGAP_SERVER_PATH, "user", "disable", "--db", world.path, "--username", username, NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, &error))
    g_error ("sigap-server user disable: %s\n%s%s", error->message, out, err);
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code_a = NULL;
  g_autofree char *code_b = NULL;
  g_autofree char *media_path = NULL;
  g_autofree char *digest = NULL;
  const char *media_bytes = "authz media of OPD A";
  SigapDemoOptions options = { 2025, 200, 300, 1752710400 };

  world.values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  world.dir = sigap_test_make_tmpdir ();
  world.path = g_build_filename (world.dir, "server.db", NULL);

  {
    g_autoptr(SigapStore) store = sigap_store_open (world.path, &error);

    g_assert_no_error (error);
    sigap_demo_seed (store, &options, &error);
    g_assert_no_error (error);
  }

  world.port = sigap_test_server_start (&world.http, world.path);
  world.session = soup_session_new_with_options ("timeout", 60, NULL);
  g_assert_cmpint (sqlite3_open (world.path, &world.db), ==, SQLITE_OK);
  sqlite3_busy_timeout (world.db, 10000);

  /* OPD A and OPD B, and what each holds. */
  code_a = first_opd ("");
  g_assert_nonnull (code_a);
  code_b = first_opd (code_a);
  g_assert_nonnull (code_b);
  set_value ("code_a", code_a);
  set_value ("code_b", code_b);
  set_sql_value ("opd_a", "SELECT id FROM opd WHERE code = ?1", code_a);
  set_sql_value ("opd_b", "SELECT id FROM opd WHERE code = ?1", code_b);
  set_sql_value ("user_a", "SELECT id FROM app_user WHERE username = ?1", code_a);
  set_sql_value ("user_b", "SELECT id FROM app_user WHERE username = ?1", code_b);
  set_sql_value ("user_verifikator", "SELECT id FROM app_user WHERE username = ?1",
                 "verifikator");
  set_sql_value ("user_trc", "SELECT id FROM app_user WHERE username = ?1", "trc");
  set_sql_value ("user_pimpinan", "SELECT id FROM app_user WHERE username = ?1", "pimpinan");
  set_sql_value ("account_a", "SELECT id FROM account WHERE opd_id = ?1 ORDER BY id LIMIT 1",
                 value_of ("opd_a"));
  set_sql_value ("post_a", "SELECT id FROM post WHERE opd_id = ?1 AND title IS NOT NULL "
                 "ORDER BY id LIMIT 1", value_of ("opd_a"));
  set_sql_value ("post_a_title", "SELECT title FROM post WHERE id = ?1", value_of ("post_a"));
  set_sql_value ("post_b", "SELECT id FROM post WHERE opd_id = ?1 AND title IS NOT NULL "
                 "ORDER BY id LIMIT 1", value_of ("opd_b"));
  set_sql_value ("post_b_title", "SELECT title FROM post WHERE id = ?1", value_of ("post_b"));
  set_sql_value ("report_a", "SELECT id FROM report WHERE opd_id = ?1 ORDER BY id LIMIT 1",
                 value_of ("opd_a"));
  set_sql_value ("report_b", "SELECT id FROM report WHERE opd_id = ?1 ORDER BY id LIMIT 1",
                 value_of ("opd_b"));
  set_complaint_values ("complaint_a",
                        "SELECT id FROM complaint WHERE opd_id = ?1 AND public_issue = 0 "
                        "AND citizen_name IS NOT NULL AND citizen_contact IS NOT NULL "
                        "AND status IN ('routed', 'in-progress') ORDER BY id LIMIT 1",
                        value_of ("opd_a"));
  set_complaint_values ("complaint_a_pub",
                        "SELECT id FROM complaint WHERE opd_id = ?1 AND public_issue = 1 "
                        "AND citizen_name IS NOT NULL AND citizen_contact IS NOT NULL "
                        "ORDER BY id LIMIT 1", value_of ("opd_a"));
  set_complaint_values ("complaint_b",
                        "SELECT id FROM complaint WHERE opd_id = ?1 AND public_issue = 0 "
                        "AND citizen_name IS NOT NULL AND citizen_contact IS NOT NULL "
                        "ORDER BY id LIMIT 1", value_of ("opd_b"));
  set_value ("citizen_member", "\"citizen_name\"");
  set_value ("contact_member", "\"citizen_contact\"");
  set_value ("handle_member", "\"citizen_handle\"");
  set_value ("source_member", "\"source_url\"");
  set_value ("platforms_marker", "\"name\":\"platforms\"");
  set_value ("holidays_marker", "\"name\":\"holidays/2025\"");
  g_test_message ("OPD A is %s, OPD B is %s", code_a, code_b);

  /* The signed-in roles. */
  world.tokens[ROLE_ADMIN_A] = login (code_a, SIGAP_DEMO_PASSWORD);
  world.tokens[ROLE_ADMIN_B] = login (code_b, SIGAP_DEMO_PASSWORD);
  world.tokens[ROLE_VERIFIKATOR] = login ("verifikator", SIGAP_DEMO_PASSWORD);
  world.tokens[ROLE_TRC] = login ("trc", SIGAP_DEMO_PASSWORD);
  world.tokens[ROLE_PIMPINAN] = login ("pimpinan", SIGAP_DEMO_PASSWORD);

  /* The tokens that are no longer good, each of which read A's complaint
   * while it was. */
  world.tokens[ROLE_NONE] = NULL;
  world.tokens[ROLE_MALFORMED] = g_strdup ("not a token at all");
  world.tokens[ROLE_FORGED] = sigap_server_token_new ();

  world.tokens[ROLE_EXPIRED] = working_token_of_a ();
  {
    g_autofree char *hash = sigap_server_token_hash (world.tokens[ROLE_EXPIRED]);
    g_autofree char *sql =
      g_strdup_printf ("UPDATE auth_token SET expires_at = %" G_GINT64_FORMAT
                       " WHERE token_hash = '%s'", g_get_real_time () / G_USEC_PER_SEC - 1, hash);

    sql_exec (sql);
  }

  world.tokens[ROLE_REVOKED] = working_token_of_a ();
  {
    g_autoptr(Response) logout = send_as (ROLE_REVOKED, "POST", "/api/v1/auth/logout", NULL,
                                          NULL);

    g_assert_cmpuint (logout->status, ==, 204);
  }

  /* Disabled in the database: the token stays unrevoked, so only the
   * user's flag stands between it and A's data. */
  world.tokens[ROLE_DISABLED] = new_admin_of_a ("authz.disabled");
  sql_exec ("UPDATE app_user SET disabled = 1 WHERE username = 'authz.disabled'");
  world.tokens[ROLE_DISABLED_CLI] = new_admin_of_a ("authz.cli");
  disable_with_cli ("authz.cli");
  /* And one that stays enabled, for what the other two would get. */
  g_free (new_admin_of_a ("authz.enabled"));

  /* A file that A uploaded. */
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, media_bytes, -1);
  media_path = g_strdup_printf ("/api/v1/media/%s", digest);
  {
    g_autoptr(Response) put = send_as (ROLE_ADMIN_A, "PUT", media_path, "image/png",
                                       media_bytes);

    g_assert_cmpuint (put->status, ==, 201);
  }
  set_value ("media_a", digest);
  set_value ("media_a_bytes", media_bytes);

  /* The platform rules as they are, with a ${checked} that makes every
   * row's copy new. */
  {
    g_autoptr(Response) rules = send_as (ROLE_VERIFIKATOR, "GET", "/api/v1/rules/platforms",
                                         NULL, NULL);
    JsonObject *document = object_member (root_of (rules), "document");
    g_autoptr(JsonNode) node = NULL;
    g_autofree char *text = NULL;

    g_assert_cmpuint (rules->status, ==, 200);
    g_assert_nonnull (document);
    json_object_set_string_member (document, "checked", "${checked}");
    node = json_node_init_object (json_node_alloc (), document);
    text = json_to_string (node, FALSE);
    set_value ("platforms_doc", text);
  }
}

static void
tear_down (void)
{
  g_clear_object (&world.session);
  sqlite3_close (world.db);
  sigap_test_server_stop (&world.http);

  for (guint i = 0; i < N_ROLES; i++)
    g_clear_pointer (&world.tokens[i], g_free);
  g_clear_pointer (&world.values, g_hash_table_unref);

  sigap_test_rm_rf (world.dir);
  g_clear_pointer (&world.dir, g_free);
  g_clear_pointer (&world.path, g_free);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before the server's thread starts: the shipped rules and holidays. */
  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);

  set_up ();

  /* In this order: each builds on what the one before wrote, and the last
   * signs everyone out. */
  g_test_add_func ("/server-authz/table", test_table);
  g_test_add_func ("/server-authz/sync-pull", test_pull);
  g_test_add_func ("/server-authz/sync-push", test_push);
  g_test_add_func ("/server-authz/sync-push-replay", test_push_replay);
  g_test_add_func ("/server-authz/login", test_login);
  g_test_add_func ("/server-authz/logout", test_logout);

  status = g_test_run ();

  g_test_message ("%u checks in all", world.n_checks);
  tear_down ();

  return status;
}
