/* sigap-http-server.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-server"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sigap-http-server.h"
#include "sigap-json.h"
#include "sigap-password.h"
#include "sigap-server-auth.h"
#include "sigap-server-documents.h"
#include "sigap-server-media.h"
#include "sigap-server-public.h"
#include "sigap-server-sync.h"

/*
 * The API is JSON under /api/v1 (docs/api.md describes it for
 * integrators). Handlers run synchronously on the server's main context.
 *
 * Nothing here logs a request body, a query string or a record: only the
 * method, the path and the status (see request_finished_cb()), so that
 * citizens' personal data never reaches a log.
 */

#define API_PREFIX        "/api/v1/"
#define MAX_BODY          (1024 * 1024)
#define MAX_JSON_DEPTH    32
#define TOKEN_LIFETIME    (12 * 60 * 60)
#define THROTTLE_FAILURES 5
#define THROTTLE_WINDOW   (15 * 60)

/* What a username, an OPD code and a few texts may hold. */
#define MAX_USERNAME      64
#define MAX_PASSWORD      1024
#define MIN_PASSWORD      8
#define MAX_CODE          32
#define MAX_NAME          200
#define MAX_HANDLE        100
#define MAX_URL           500

struct _SigapHttpServer
{
  GObject parent_instance;

  SigapServerStore *store;
  SoupServer *server;
  SigapLoginThrottle *throttle;
  char *dummy_hash;
  guint16 port;
};

G_DEFINE_FINAL_TYPE (SigapHttpServer, sigap_http_server, G_TYPE_OBJECT)

/* One request being answered. */
typedef struct
{
  SigapHttpServer *self;
  SoupServerMessage *msg;
  char **segments;          /* the path after /api/v1/, decoded */
  SigapUser *user;          /* the signed-in user, for routes that need one */
  char *token_hash;
  GHashTable *query;        /* the decoded query string, or NULL; not owned */
} Request;

static void
request_clear (Request *req)
{
  g_clear_pointer (&req->segments, g_strfreev);
  g_clear_object (&req->user);
  g_clear_pointer (&req->token_hash, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Request, request_clear)

typedef void (*HandlerFunc) (Request *req);

typedef struct
{
  const char *method;
  const char *pattern;      /* path segments; "*" matches one ID */
  gboolean needs_user;
  HandlerFunc handler;
} Route;

static void handle_login          (Request *req);
static void handle_logout         (Request *req);
static void handle_me             (Request *req);
static void handle_list_opds      (Request *req);
static void handle_create_opd     (Request *req);
static void handle_get_opd        (Request *req);
static void handle_list_accounts  (Request *req);
static void handle_create_account (Request *req);
static void handle_list_users     (Request *req);
static void handle_create_user    (Request *req);
static void handle_get_complaint  (Request *req);
static void handle_get_post       (Request *req);
static void handle_get_report     (Request *req);
static void handle_sync_pull      (Request *req);
static void handle_sync_push      (Request *req);
static void handle_media_get      (Request *req);
static void handle_media_put      (Request *req);
static void handle_platforms      (Request *req);
static void handle_holidays       (Request *req);
static void handle_sla            (Request *req);
static void handle_report_template (Request *req);
static void handle_post_templates (Request *req);

static const Route routes[] = {
  { "POST", "auth/login",      FALSE, handle_login },
  { "POST", "auth/logout",     TRUE,  handle_logout },
  { "GET",  "me",              TRUE,  handle_me },
  { "GET",  "opds",            TRUE,  handle_list_opds },
  { "POST", "opds",            TRUE,  handle_create_opd },
  { "GET",  "opds/*",          TRUE,  handle_get_opd },
  { "GET",  "opds/*/accounts", TRUE,  handle_list_accounts },
  { "POST", "opds/*/accounts", TRUE,  handle_create_account },
  { "GET",  "users",           TRUE,  handle_list_users },
  { "POST", "users",           TRUE,  handle_create_user },
  { "GET",  "complaints/*",    TRUE,  handle_get_complaint },
  { "GET",  "posts/*",         TRUE,  handle_get_post },
  { "GET",  "reports/*",       TRUE,  handle_get_report },
  { "GET",  "sync/pull",       TRUE,  handle_sync_pull },
  { "POST", "sync/push",       TRUE,  handle_sync_push },
  { "GET",  "media/*",         TRUE,  handle_media_get },
  { "HEAD", "media/*",         TRUE,  handle_media_get },
  { "PUT",  "media/*",         TRUE,  handle_media_put },
  { "GET",  "rules/platforms", TRUE,  handle_platforms },
  { "PUT",  "rules/platforms", TRUE,  handle_platforms },
  { "GET",  "calendar/holidays", TRUE, handle_holidays },
  { "PUT",  "calendar/holidays", TRUE, handle_holidays },
  { "GET",  "rules/sla",       TRUE,  handle_sla },
  { "PUT",  "rules/sla",       TRUE,  handle_sla },
  { "GET",  "rules/report-template", TRUE, handle_report_template },
  { "PUT",  "rules/report-template", TRUE, handle_report_template },
  { "GET",  "rules/post-templates", TRUE, handle_post_templates },
  { "PUT",  "rules/post-templates", TRUE, handle_post_templates },
};

/* Citizens' personal data in a complaint, left out for the roles that do
 * not handle complaints (pimpinan). */
static const char * const citizen_members[] = {
  "citizen_name", "citizen_contact", "citizen_handle", "source_url", NULL
};

static const char * const user_secret_members[] = { "password_hash", NULL };

/* Responses {{{ */

static void
set_json_response (SoupServerMessage *msg,
                   guint              status,
                   JsonNode          *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  char *data;
  gsize length;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  /* libsoup 3.2 knows no phrase for 429. */
  soup_server_message_set_status (msg, status, status == 429 ? "Too Many Requests" : NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, data, length);
}

/* A body already written as JSON, such as a pulled page. */
static void
set_json_bytes_response (SoupServerMessage *msg,
                         guint              status,
                         GBytes            *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *response = soup_server_message_get_response_body (msg);

  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Content-Type", "application/json; charset=utf-8");
  soup_server_message_set_status (msg, status, NULL);
  soup_message_body_truncate (response);
  soup_message_body_append_bytes (response, body);
}

static void
set_json_object_response (SoupServerMessage *msg,
                          guint              status,
                          JsonObject        *object)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (root, object);
  set_json_response (msg, status, root);
}

static void
send_error_field (SoupServerMessage *msg,
                  guint              status,
                  const char        *code,
                  const char        *message,
                  const char        *field)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObject *error = json_object_new ();

  json_object_set_string_member (error, "code", code);
  json_object_set_string_member (error, "message", message);
  if (field != NULL && g_utf8_validate (field, -1, NULL))
    json_object_set_string_member (error, "field", field);
  json_object_set_object_member (object, "error", error);

  set_json_object_response (msg, status, object);
}

static void
send_error (SoupServerMessage *msg,
            guint              status,
            const char        *code,
            const char        *message)
{
  send_error_field (msg, status, code, message, NULL);
}

static void
send_not_found (Request *req)
{
  /* The same answer for a record that does not exist and for one the
   * caller may not see. */
  send_error (req->msg, SOUP_STATUS_NOT_FOUND, "not_found", "No such resource.");
}

static void
send_forbidden (Request *req)
{
  send_error (req->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
              "Your role may not do this.");
}

static void
send_unauthorized (SoupServerMessage *msg)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Bearer realm=\"sigap\"");
  send_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
              "Sign in first: send a valid token as 'Authorization: Bearer TOKEN'.");
}

static void
send_too_large (SoupServerMessage *msg)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");
  send_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large",
              "The request body is larger than 1 MiB.");
}

static void
send_store_error (Request      *req,
                  const GError *error)
{
  if (g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    {
      send_not_found (req);
      return;
    }

  if (g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_EXISTS))
    {
      send_error (req->msg, SOUP_STATUS_CONFLICT, "already_exists",
                  "A record with the same unique key already exists.");
      return;
    }

  if (g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_INVALID))
    {
      send_error (req->msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                  "The record breaks a rule of the database (an unknown reference or "
                  "an empty required field).");
      return;
    }

  /* The store's message is for people and may name files: log it, do not
   * send it. */
  g_warning ("Store failure: %s", error->message);
  send_error (req->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal_error",
              "The server could not read or write its database. Try again later.");
}

static void
send_invalid_field (Request    *req,
                    const char *field,
                    const char *message)
{
  send_error_field (req->msg, SOUP_STATUS_BAD_REQUEST, "invalid_request", message, field);
}

static JsonNode *
record_node (gpointer            record,
             const char * const *exclude)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, sigap_json_object_from_record (record, exclude));

  return node;
}

static void
send_record (Request            *req,
             guint               status,
             gpointer            record,
             const char * const *exclude)
{
  g_autoptr(JsonNode) node = record_node (record, exclude);

  set_json_response (req->msg, status, node);
}

static void
send_list (Request            *req,
           const char         *member,
           GPtrArray          *records,
           const char * const *exclude)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonArray *array = json_array_sized_new (records->len);

  for (guint i = 0; i < records->len; i++)
    json_array_add_element (array, record_node (g_ptr_array_index (records, i), exclude));

  json_object_set_array_member (object, member, array);
  set_json_object_response (req->msg, SOUP_STATUS_OK, object);
}

/* }}} */

/* Request bodies {{{ */

static gboolean
content_type_is_json (SoupServerMessage *msg)
{
  g_autoptr(GHashTable) params = NULL;
  const char *type;
  const char *charset;

  type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg),
                                                &params);
  if (type == NULL || g_ascii_strcasecmp (type, "application/json") != 0)
    return FALSE;

  charset = params != NULL ? g_hash_table_lookup (params, "charset") : NULL;

  return charset == NULL || g_ascii_strcasecmp (charset, "utf-8") == 0;
}

/* json-glib parses recursively: refuse deep nesting before it does. */
static gboolean
nesting_is_shallow (const char *data,
                    gsize       length)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if (c == ']' || c == '}')
        depth--;
    }

  return TRUE;
}

/* Reads the body as a JSON object with no members but @allowed; on any
 * problem answers the request and returns %NULL. */
static JsonObject *
read_body (Request            *req,
           const char * const *allowed)
{
  SoupMessageBody *body = soup_server_message_get_request_body (req->msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;
  const char *data;
  gsize length;
  JsonNode *root;

  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &length);

  if (length > MAX_BODY)
    {
      send_too_large (req->msg);
      return NULL;
    }

  if (!content_type_is_json (req->msg))
    {
      send_error (req->msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                  "Send the body as 'Content-Type: application/json' in UTF-8.");
      return NULL;
    }

  if (length == 0)
    {
      send_error (req->msg, SOUP_STATUS_BAD_REQUEST, "invalid_json",
                  "The request body is empty; send a JSON object.");
      return NULL;
    }

  if (!g_utf8_validate (data, length, NULL))
    {
      send_error (req->msg, SOUP_STATUS_BAD_REQUEST, "invalid_utf8",
                  "The request body is not valid UTF-8.");
      return NULL;
    }

  if (!nesting_is_shallow (data, length))
    {
      send_error (req->msg, SOUP_STATUS_BAD_REQUEST, "invalid_json",
                  "The request body nests arrays or objects too deeply.");
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      send_error (req->msg, SOUP_STATUS_BAD_REQUEST, "invalid_json",
                  "The request body is not valid JSON.");
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      send_error (req->msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                  "The request body must be a JSON object.");
      return NULL;
    }

  if (!sigap_json_check_members (json_node_get_object (root), allowed, &field, &error))
    {
      send_invalid_field (req, field, error->message);
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/* Sets *@value to the string member @name of @object, or %NULL when it is
 * absent or null; returns %FALSE, with an answer sent, when it is required
 * but absent or null, or when it is not a string. */
static gboolean
get_string_member (Request     *req,
                   JsonObject  *object,
                   const char  *name,
                   gboolean     required,
                   const char **value)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *message = NULL;

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      message = g_strdup_printf ("Field '%s' is required.", name);
      send_invalid_field (req, name, message);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      message = g_strdup_printf ("Field '%s' must be a string.", name);
      send_invalid_field (req, name, message);
      return FALSE;
    }

  *value = json_node_get_string (node);

  return TRUE;
}

static gboolean
require_members (Request            *req,
                 JsonObject         *object,
                 const char * const *required)
{
  for (guint i = 0; required[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, required[i]);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          g_autofree char *message = g_strdup_printf ("Field '%s' is required.", required[i]);

          send_invalid_field (req, required[i], message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
apply_members (Request            *req,
               JsonObject         *object,
               gpointer            record,
               const char * const *members)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;

  if (!sigap_json_apply_to_record (object, record, members, &field, &error))
    {
      send_invalid_field (req, field, error->message);
      return FALSE;
    }

  return TRUE;
}

/* Text a person reads: 1 to @max characters, no control characters, not
 * only spaces. %NULL passes when not @required. */
static gboolean
check_text (Request    *req,
            const char *field,
            const char *text,
            gboolean    required,
            guint       max)
{
  g_autofree char *message = NULL;
  gboolean blank = TRUE;
  glong n_chars;

  if (text == NULL)
    {
      if (!required)
        return TRUE;
      message = g_strdup_printf ("Field '%s' is required.", field);
      send_invalid_field (req, field, message);
      return FALSE;
    }

  n_chars = g_utf8_strlen (text, -1);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        {
          message = g_strdup_printf ("Field '%s' must not hold control characters.", field);
          send_invalid_field (req, field, message);
          return FALSE;
        }
      if (!g_unichar_isspace (c))
        blank = FALSE;
    }

  if (blank || n_chars > (glong) max)
    {
      message = g_strdup_printf ("Field '%s' must hold 1 to %u characters.", field, max);
      send_invalid_field (req, field, message);
      return FALSE;
    }

  return TRUE;
}

/* An identifier: a lowercase ASCII letter or digit, then up to @max - 1 of
 * those or @extra. */
static gboolean
check_identifier (Request    *req,
                  const char *field,
                  const char *text,
                  const char *extra,
                  guint       max)
{
  gsize length = text != NULL ? strlen (text) : 0;
  gboolean ok = length > 0 && length <= max;

  for (gsize i = 0; ok && i < length; i++)
    {
      char c = text[i];

      ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           (i > 0 && strchr (extra, c) != NULL);
    }

  if (!ok)
    {
      g_autofree char *message =
        g_strdup_printf ("Field '%s' must be 1 to %u characters: lowercase letters, digits "
                         "or '%s', starting with a letter or digit.", field, max, extra);

      send_invalid_field (req, field, message);
    }

  return ok;
}

static gboolean
check_opd_reference (Request    *req,
                     const char *field,
                     const char *opd_id)
{
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (opd_id == NULL)
    return TRUE;

  opd = SIGAP_OPD (sigap_server_store_get_record (req->self->store, SIGAP_SERVER_ENTITY_OPD,
                                                  opd_id, &error));
  if (opd != NULL)
    return TRUE;

  if (!g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    {
      send_store_error (req, error);
      return FALSE;
    }

  message = g_strdup_printf ("Field '%s' names no OPD.", field);
  send_invalid_field (req, field, message);

  return FALSE;
}

/* }}} */

/* Authentication {{{ */

static char *
format_iso8601 (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Finds the signed-in user of @req from its bearer token. */
static gboolean
authenticate (Request *req)
{
  SigapHttpServer *self = req->self;
  const char *header;
  g_autofree char *token_hash = NULL;
  g_autofree char *user_id = NULL;
  g_autoptr(SigapUser) user = NULL;
  g_autoptr(GError) error = NULL;

  header = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg),
                                         "Authorization");
  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    return FALSE;

  header += 7;
  while (*header == ' ')
    header++;

  if (!sigap_server_token_is_well_formed (header))
    return FALSE;

  token_hash = sigap_server_token_hash (header);
  user_id = sigap_server_store_lookup_token (self->store, token_hash, now_seconds (), &error);
  if (user_id == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot look up a token: %s", error->message);
      return FALSE;
    }

  user = SIGAP_USER (sigap_server_store_get_record (self->store, SIGAP_SERVER_ENTITY_USER,
                                                    user_id, NULL));
  if (user == NULL || sigap_user_get_disabled (user))
    return FALSE;

  req->user = g_steal_pointer (&user);
  req->token_hash = g_steal_pointer (&token_hash);

  return TRUE;
}

static SigapRole
request_role (Request *req)
{
  return sigap_user_get_role (req->user);
}

static gboolean
require_verifikator (Request *req)
{
  if (request_role (req) == SIGAP_ROLE_VERIFIKATOR)
    return TRUE;

  send_forbidden (req);

  return FALSE;
}

static void
send_too_many_attempts (Request *req,
                        gint64   wait)
{
  g_autofree char *retry_after = g_strdup_printf ("%" G_GINT64_FORMAT, wait);

  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Retry-After", retry_after);
  send_error (req->msg, 429 /* Too Many Requests */, "too_many_attempts",
              "Too many failed sign-ins. Wait for the time in Retry-After, then try "
              "again.");
}

static void
handle_login (Request *req)
{
  static const char * const allowed[] = { "username", "password", NULL };
  SigapHttpServer *self = req->self;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(SigapUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *user_key = NULL;
  g_autofree char *address_key = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  g_autofree char *expires = NULL;
  const char *username;
  const char *password;
  const char *address;
  gboolean ok;
  gint64 now = now_seconds ();
  gint64 wait;

  body = read_body (req, allowed);
  if (body == NULL)
    return;

  if (!get_string_member (req, body, "username", TRUE, &username) ||
      !get_string_member (req, body, "password", TRUE, &password))
    return;

  address = soup_server_message_get_remote_host (req->msg);
  address_key = g_strconcat ("address:", address != NULL ? address : "unknown", NULL);
  /* A username longer than any real one counts against the address only,
   * so that it cannot fill the throttle with long keys. */
  if (strlen (username) <= MAX_USERNAME)
    {
      folded = g_utf8_casefold (username, -1);
      user_key = g_strconcat ("user:", folded, NULL);
    }

  wait = sigap_login_throttle_check (self->throttle, address_key, now);
  if (user_key != NULL)
    wait = MAX (wait, sigap_login_throttle_check (self->throttle, user_key, now));
  if (wait > 0)
    {
      send_too_many_attempts (req, wait);
      return;
    }

  if (strlen (username) <= MAX_USERNAME && strlen (password) <= MAX_PASSWORD)
    user = SIGAP_USER (sigap_server_store_find_record (self->store, SIGAP_SERVER_ENTITY_USER,
                                                       username, &error));

  if (error != NULL &&
      !g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    {
      send_store_error (req, error);
      return;
    }

  if (user != NULL)
    {
      ok = sigap_password_verify (sigap_user_get_password_hash (user), password);
    }
  else
    {
      /* Take as long for an unknown user as for a wrong password. */
      if (self->dummy_hash == NULL)
        self->dummy_hash = sigap_password_hash ("sigap-no-such-user");
      sigap_password_verify (self->dummy_hash, password);
      ok = FALSE;
    }

  if (!ok)
    {
      if (user_key != NULL)
        sigap_login_throttle_fail (self->throttle, user_key, now);
      sigap_login_throttle_fail (self->throttle, address_key, now);
      send_error (req->msg, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials",
                  "The username or the password is wrong.");
      return;
    }

  if (sigap_user_get_disabled (user))
    {
      send_error (req->msg, SOUP_STATUS_FORBIDDEN, "user_disabled",
                  "This user is disabled. Ask Diskominfo to enable it.");
      return;
    }

  if (user_key != NULL)
    sigap_login_throttle_forget (self->throttle, user_key);

  token = sigap_server_token_new ();
  token_hash = sigap_server_token_hash (token);
  if (!sigap_server_store_insert_token (self->store, token_hash, sigap_user_get_id (user),
                                        now, now + TOKEN_LIFETIME, &error))
    {
      send_store_error (req, error);
      return;
    }

  expires = format_iso8601 (now + TOKEN_LIFETIME);
  answer = json_object_new ();
  json_object_set_string_member (answer, "token", token);
  json_object_set_string_member (answer, "expires_at", expires);
  json_object_set_member (answer, "user", record_node (user, user_secret_members));

  set_json_object_response (req->msg, SOUP_STATUS_OK, answer);
}

static void
handle_logout (Request *req)
{
  g_autoptr(GError) error = NULL;

  if (!sigap_server_store_revoke_token (req->self->store, req->token_hash, &error))
    {
      send_store_error (req, error);
      return;
    }

  soup_server_message_set_status (req->msg, SOUP_STATUS_NO_CONTENT, NULL);
}

static void
handle_me (Request *req)
{
  send_record (req, SOUP_STATUS_OK, req->user, user_secret_members);
}

/* }}} */

/* Directory {{{ */

static void
handle_list_opds (Request *req)
{
  g_autoptr(GPtrArray) opds = NULL;
  g_autoptr(GError) error = NULL;

  opds = sigap_server_store_list_records (req->self->store, SIGAP_SERVER_ENTITY_OPD, NULL,
                                          &error);
  if (opds == NULL)
    send_store_error (req, error);
  else
    send_list (req, "opds", opds, NULL);
}

static void
handle_get_opd (Request *req)
{
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(GError) error = NULL;

  opd = SIGAP_OPD (sigap_server_store_get_record (req->self->store, SIGAP_SERVER_ENTITY_OPD,
                                                  req->segments[1], &error));
  if (opd == NULL)
    send_store_error (req, error);
  else
    send_record (req, SOUP_STATUS_OK, opd, NULL);
}

static void
handle_list_accounts (Request *req)
{
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  opd = SIGAP_OPD (sigap_server_store_get_record (req->self->store, SIGAP_SERVER_ENTITY_OPD,
                                                  req->segments[1], &error));
  if (opd == NULL)
    {
      send_store_error (req, error);
      return;
    }

  accounts = sigap_server_store_list_records (req->self->store, SIGAP_SERVER_ENTITY_ACCOUNT,
                                              sigap_opd_get_id (opd), &error);
  if (accounts == NULL)
    send_store_error (req, error);
  else
    send_list (req, "accounts", accounts, NULL);
}

static void
send_created (Request    *req,
              const char *location,
              gpointer    record,
              const char * const *exclude)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Location", location);
  send_record (req, SOUP_STATUS_CREATED, record, exclude);
}

static void
handle_create_opd (Request *req)
{
  static const char * const members[] = {
    "code", "name", "kind", "parent_id", "time_zone", "requires_approval", NULL
  };
  static const char * const required[] = { "code", "name", "kind", NULL };
  static const char * const zones[] = {
    "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", NULL
  };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(SigapOpd) opd = sigap_opd_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;

  if (!require_verifikator (req))
    return;

  body = read_body (req, members);
  if (body == NULL ||
      !require_members (req, body, required) ||
      !apply_members (req, body, opd, members) ||
      !check_identifier (req, "code", sigap_opd_get_code (opd), "-", MAX_CODE) ||
      !check_text (req, "name", sigap_opd_get_name (opd), TRUE, MAX_NAME) ||
      !check_opd_reference (req, "parent_id", sigap_opd_get_parent_id (opd)))
    return;

  if (sigap_opd_get_time_zone (opd) == NULL)
    sigap_opd_set_time_zone (opd, "Asia/Jakarta");
  else if (!g_strv_contains (zones, sigap_opd_get_time_zone (opd)))
    {
      send_invalid_field (req, "time_zone",
                          "Field 'time_zone' must be Asia/Jakarta, Asia/Makassar or "
                          "Asia/Jayapura.");
      return;
    }

  if (!sigap_server_store_insert_record (req->self->store, opd, &error))
    {
      send_store_error (req, error);
      return;
    }

  location = g_strconcat (API_PREFIX, "opds/", sigap_opd_get_id (opd), NULL);
  send_created (req, location, opd, NULL);
}

static gboolean
check_url (Request    *req,
           const char *field,
           const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL)
    return TRUE;

  if (strlen (url) <= MAX_URL)
    uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_autofree char *message =
        g_strdup_printf ("Field '%s' must be an http or https URL of at most %u bytes.",
                         field, MAX_URL);

      send_invalid_field (req, field, message);
      return FALSE;
    }

  return TRUE;
}

static void
handle_create_account (Request *req)
{
  static const char * const members[] = {
    "platform", "handle", "display_name", "url", NULL
  };
  static const char * const required[] = { "platform", "handle", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(SigapAccount) account = sigap_account_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  const char *handle;

  if (!require_verifikator (req))
    return;

  opd = SIGAP_OPD (sigap_server_store_get_record (req->self->store, SIGAP_SERVER_ENTITY_OPD,
                                                  req->segments[1], &error));
  if (opd == NULL)
    {
      send_store_error (req, error);
      return;
    }

  body = read_body (req, members);
  if (body == NULL ||
      !require_members (req, body, required) ||
      !apply_members (req, body, account, members))
    return;

  handle = sigap_account_get_handle (account);
  if (!check_text (req, "handle", handle, TRUE, MAX_HANDLE) ||
      !check_text (req, "display_name", sigap_account_get_display_name (account), FALSE,
                   MAX_NAME) ||
      !check_url (req, "url", sigap_account_get_url (account)))
    return;

  for (const char *p = handle; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      {
        send_invalid_field (req, "handle", "Field 'handle' must not hold spaces.");
        return;
      }

  sigap_account_set_opd_id (account, sigap_opd_get_id (opd));

  if (!sigap_server_store_insert_record (req->self->store, account, &error))
    {
      send_store_error (req, error);
      return;
    }

  location = g_strconcat (API_PREFIX, "opds/", sigap_opd_get_id (opd), "/accounts", NULL);
  send_created (req, location, account, NULL);
}

static void
handle_list_users (Request *req)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  users = sigap_server_store_list_records (req->self->store, SIGAP_SERVER_ENTITY_USER, NULL,
                                           &error);
  if (users == NULL)
    {
      send_store_error (req, error);
      return;
    }

  /* Only the verifikator sees the whole directory; the others see the
   * users of their own OPD. */
  if (request_role (req) != SIGAP_ROLE_VERIFIKATOR)
    {
      const char *own = sigap_user_get_opd_id (req->user);

      for (guint i = users->len; i > 0; i--)
        {
          SigapUser *user = g_ptr_array_index (users, i - 1);
          gboolean same = own != NULL
            ? g_strcmp0 (sigap_user_get_opd_id (user), own) == 0
            : g_strcmp0 (sigap_user_get_id (user), sigap_user_get_id (req->user)) == 0;

          if (!same)
            g_ptr_array_remove_index (users, i - 1);
        }
    }

  send_list (req, "users", users, user_secret_members);
}

static void
handle_create_user (Request *req)
{
  static const char * const allowed[] = {
    "username", "display_name", "role", "opd_id", "password", NULL
  };
  static const char * const members[] = {
    "username", "display_name", "role", "opd_id", NULL
  };
  static const char * const required[] = { "username", "role", "password", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(SigapUser) user = sigap_user_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *location = NULL;
  const char *password;
  gsize length;

  if (!require_verifikator (req))
    return;

  body = read_body (req, allowed);
  if (body == NULL ||
      !require_members (req, body, required) ||
      !apply_members (req, body, user, members) ||
      !get_string_member (req, body, "password", TRUE, &password) ||
      !check_identifier (req, "username", sigap_user_get_username (user), "._-",
                         MAX_USERNAME) ||
      !check_text (req, "display_name", sigap_user_get_display_name (user), FALSE,
                   MAX_NAME) ||
      !check_opd_reference (req, "opd_id", sigap_user_get_opd_id (user)))
    return;

  if (sigap_user_get_role (user) == SIGAP_ROLE_ADMIN_OPD && sigap_user_get_opd_id (user) == NULL)
    {
      send_invalid_field (req, "opd_id", "Field 'opd_id' is required for role 'admin-opd'.");
      return;
    }

  length = strlen (password);
  if (g_utf8_strlen (password, -1) < MIN_PASSWORD || length > MAX_PASSWORD)
    {
      send_invalid_field (req, "password",
                          "Field 'password' must hold 8 characters to 1024 bytes.");
      return;
    }

  hash = sigap_password_hash (password);
  if (hash == NULL)
    {
      send_error (req->msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable",
                  "The server is out of memory to hash the password. Try again later.");
      return;
    }
  sigap_user_set_password_hash (user, hash);

  if (!sigap_server_store_insert_record (req->self->store, user, &error))
    {
      send_store_error (req, error);
      return;
    }

  location = g_strconcat (API_PREFIX, "users/", sigap_user_get_id (user), NULL);
  send_created (req, location, user, user_secret_members);
}

/* }}} */

/* Complaints and posts {{{ */

static void
handle_get_complaint (Request *req)
{
  g_autoptr(SigapComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  gboolean visible = FALSE;
  gboolean personal = FALSE;

  complaint = SIGAP_COMPLAINT (sigap_server_store_get_record (req->self->store,
                                                              SIGAP_SERVER_ENTITY_COMPLAINT,
                                                              req->segments[1], &error));
  if (complaint == NULL)
    {
      send_store_error (req, error);
      return;
    }

  switch (request_role (req))
    {
    case SIGAP_ROLE_ADMIN_OPD:
      visible = sigap_complaint_get_opd_id (complaint) != NULL &&
                g_strcmp0 (sigap_complaint_get_opd_id (complaint),
                           sigap_user_get_opd_id (req->user)) == 0;
      personal = TRUE;
      break;

    case SIGAP_ROLE_VERIFIKATOR:
      visible = personal = TRUE;
      break;

    case SIGAP_ROLE_TRC:
      visible = sigap_complaint_get_public_issue (complaint);
      personal = TRUE;
      break;

    case SIGAP_ROLE_PIMPINAN:
      visible = TRUE;
      personal = FALSE;
      break;

    default:
      break;
    }

  if (!visible)
    {
      send_not_found (req);
      return;
    }

  send_record (req, SOUP_STATUS_OK, complaint, personal ? NULL : citizen_members);
}

/* Whether the caller may read a post or report of @opd_id: an OPD admin
 * its own OPD's, the verifikator and the leadership every OPD's, the
 * rapid-response team none. */
static gboolean
may_read_opd_record (Request    *req,
                     const char *opd_id)
{
  switch (request_role (req))
    {
    case SIGAP_ROLE_ADMIN_OPD:
      return g_strcmp0 (opd_id, sigap_user_get_opd_id (req->user)) == 0;

    case SIGAP_ROLE_VERIFIKATOR:
    case SIGAP_ROLE_PIMPINAN:
      return TRUE;

    case SIGAP_ROLE_TRC:
    default:
      return FALSE;
    }
}

static void
handle_get_post (Request *req)
{
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;

  post = SIGAP_POST (sigap_server_store_get_record (req->self->store, SIGAP_SERVER_ENTITY_POST,
                                                    req->segments[1], &error));
  if (post == NULL)
    {
      send_store_error (req, error);
      return;
    }

  if (!may_read_opd_record (req, sigap_post_get_opd_id (post)))
    {
      send_not_found (req);
      return;
    }

  object = sigap_json_object_from_post (post);

  set_json_object_response (req->msg, SOUP_STATUS_OK, object);
}

/* A report as a pull sends it, to whoever may pull it: the desktop reads
 * it again after the server refused a change to it. */
static void
handle_get_report (Request *req)
{
  g_autoptr(SigapReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;

  report = SIGAP_REPORT (sigap_server_store_get_record (req->self->store,
                                                        SIGAP_SERVER_ENTITY_REPORT,
                                                        req->segments[1], &error));
  if (report == NULL)
    {
      send_store_error (req, error);
      return;
    }

  if (!may_read_opd_record (req, sigap_report_get_opd_id (report)))
    {
      send_not_found (req);
      return;
    }

  object = sigap_json_object_from_record (G_OBJECT (report), NULL);

  set_json_object_response (req->msg, SOUP_STATUS_OK, object);
}

/* }}} */

/* Sync {{{ */

static void
send_sync_error (Request      *req,
                 const GError *error,
                 const char   *field)
{
  if (g_error_matches (error, SIGAP_SERVER_SYNC_ERROR, SIGAP_SERVER_SYNC_ERROR_RESET_REQUIRED))
    send_error (req->msg, SOUP_STATUS_CONFLICT, "reset_required", error->message);
  else if (error->domain == SIGAP_SERVER_SYNC_ERROR)
    send_error_field (req->msg, SOUP_STATUS_BAD_REQUEST, "invalid_request", error->message,
                      field);
  else
    send_store_error (req, error);
}

static void
handle_sync_pull (Request *req)
{
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  const char *since = NULL;
  const char *limit_text = NULL;
  guint64 limit = SIGAP_SERVER_SYNC_DEFAULT_LIMIT;

  if (req->query != NULL)
    {
      since = g_hash_table_lookup (req->query, "since");
      limit_text = g_hash_table_lookup (req->query, "limit");
    }

  if (limit_text != NULL &&
      (!g_ascii_string_to_unsigned (limit_text, 10, 1, SIGAP_SERVER_SYNC_MAX_LIMIT, &limit,
                                    NULL) ||
       !g_ascii_isdigit (limit_text[0])))
    {
      send_invalid_field (req, "limit", "Parameter 'limit' must be an integer from 1 to 1000.");
      return;
    }

  if (since != NULL && !g_utf8_validate (since, -1, NULL))
    since = "!";

  /* A page of a first sync is megabytes: it comes written. */
  answer = sigap_server_sync_pull_bytes (req->self->store, req->user, since, (guint) limit,
                                         &error);
  if (answer == NULL)
    {
      send_sync_error (req, error, NULL);
      return;
    }

  set_json_bytes_response (req->msg, SOUP_STATUS_OK, answer);
}

static void
handle_sync_push (Request *req)
{
  static const char * const allowed[] = { "mutations", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;

  body = read_body (req, allowed);
  if (body == NULL)
    return;

  answer = sigap_server_sync_push (req->self->store, req->user, body, &field, &error);
  if (answer == NULL)
    {
      send_sync_error (req, error, field);
      return;
    }

  set_json_object_response (req->msg, SOUP_STATUS_OK, answer);
}

/* }}} */

/* Media, platform rules and holidays {{{ */

/* The body of a PUT arrived through sigap_server_media_begin_upload(),
 * called from early_callback(). */
static void
handle_media_put (Request *req)
{
  sigap_server_media_put (req->self->store, req->msg, req->user, req->segments[1]);
}

static void
handle_media_get (Request *req)
{
  sigap_server_media_get (req->self->store, req->msg, req->segments[1]);
}

static void
handle_platforms (Request *req)
{
  sigap_server_documents_handle (req->self->store, req->msg, req->user,
                                 SIGAP_SERVER_DOCUMENT_PLATFORMS, req->query);
}

static void
handle_holidays (Request *req)
{
  sigap_server_documents_handle (req->self->store, req->msg, req->user,
                                 SIGAP_SERVER_DOCUMENT_HOLIDAYS, req->query);
}

static void
handle_sla (Request *req)
{
  sigap_server_documents_handle (req->self->store, req->msg, req->user,
                                 SIGAP_SERVER_DOCUMENT_SLA, req->query);
}

static void
handle_report_template (Request *req)
{
  sigap_server_documents_handle (req->self->store, req->msg, req->user,
                                 SIGAP_SERVER_DOCUMENT_REPORT_TEMPLATE, req->query);
}

static void
handle_post_templates (Request *req)
{
  sigap_server_documents_handle (req->self->store, req->msg, req->user,
                                 SIGAP_SERVER_DOCUMENT_POST_TEMPLATES, req->query);
}

static char **split_path (const char *path);

/* A media upload is larger than MAX_BODY and streams to disk: its sender
 * is signed in and checked before any of the body is read. Returns
 * whether @msg is one. */
static gboolean
early_media_upload (SigapHttpServer   *self,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query)
{
  g_auto(Request) req = { self, msg, NULL, NULL, NULL, query };

  if (strcmp (soup_server_message_get_method (msg), "PUT") != 0)
    return FALSE;

  req.segments = split_path (path);
  if (req.segments == NULL || g_strv_length (req.segments) != 2 ||
      strcmp (req.segments[0], "media") != 0)
    return FALSE;

  if (!authenticate (&req))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      send_unauthorized (msg);
      return TRUE;
    }

  sigap_server_media_begin_upload (self->store, msg, req.user, req.segments[1]);

  return TRUE;
}

/* }}} */

/* Routing {{{ */

/* Splits the path after /api/v1/ into decoded segments; %NULL if the path
 * is outside the API or a segment is empty or not UTF-8. */
static char **
split_path (const char *path)
{
  g_auto(GStrv) raw = NULL;
  g_autoptr(GPtrArray) segments = NULL;

  if (path == NULL || !g_str_has_prefix (path, API_PREFIX))
    return NULL;

  raw = g_strsplit (path + strlen (API_PREFIX), "/", -1);
  segments = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *segment = g_uri_unescape_string (raw[i], "/");

      if (segment == NULL || segment[0] == '\0' || !g_utf8_validate (segment, -1, NULL))
        {
          g_free (segment);
          return NULL;
        }
      g_ptr_array_add (segments, segment);
    }

  g_ptr_array_add (segments, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&segments), FALSE);
}

static gboolean
route_matches (const Route        *route,
               const char * const *segments)
{
  g_auto(GStrv) pattern = g_strsplit (route->pattern, "/", -1);
  guint i;

  for (i = 0; pattern[i] != NULL && segments[i] != NULL; i++)
    if (strcmp (pattern[i], "*") != 0 && strcmp (pattern[i], segments[i]) != 0)
      return FALSE;

  return pattern[i] == NULL && segments[i] == NULL;
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  g_auto(Request) req = { user_data, msg, NULL, NULL, NULL, query };
  const char *method = soup_server_message_get_method (msg);
  const Route *route = NULL;
  g_autoptr(GString) allow = g_string_new (NULL);

  /* With raw-paths, @path is still percent-encoded. */
  req.segments = split_path (path);
  if (req.segments == NULL)
    {
      send_not_found (&req);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!route_matches (&routes[i], (const char * const *) req.segments))
        continue;

      if (strcmp (routes[i].method, method) == 0)
        route = &routes[i];
      else if (strstr (allow->str, routes[i].method) == NULL)
        g_string_append_printf (allow, "%s%s", allow->len > 0 ? ", " : "", routes[i].method);
    }

  if (route == NULL && allow->len == 0)
    {
      send_not_found (&req);
      return;
    }

  if (route == NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", allow->str);
      send_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                  "This resource does not answer that method; see the Allow header.");
      return;
    }

  if (route->needs_user && !authenticate (&req))
    {
      send_unauthorized (msg);
      return;
    }

  route->handler (&req);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (soup_server_message_get_status (msg) != 0 || body->length <= MAX_BODY)
    return;

  /* Drain the rest without keeping it. */
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
  send_too_large (msg);
}

/* Runs once the headers are read, before the body is: refuses a body
 * announced too large without reading it into memory, and watches the
 * size of the others as they arrive. */
static void
early_callback (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (early_media_upload (user_data, msg, path, query))
    return;

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > MAX_BODY)
    {
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
      send_too_large (msg);
      return;
    }

  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
}

static void
request_finished_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *path = NULL;

  /* The path only: a query string could carry anything. Escaped, so that
   * the log stays ASCII whatever the client sent. */
  if (uri != NULL)
    path = g_uri_escape_string (g_uri_get_path (uri), "/%", FALSE);

  g_info ("%s %s %u",
          soup_server_message_get_method (msg),
          path != NULL ? path : "-",
          soup_server_message_get_status (msg));
}

/* }}} */

static void
sigap_http_server_dispose (GObject *object)
{
  SigapHttpServer *self = (SigapHttpServer *)object;

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (sigap_http_server_parent_class)->dispose (object);
}

static void
sigap_http_server_finalize (GObject *object)
{
  SigapHttpServer *self = (SigapHttpServer *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->throttle, sigap_login_throttle_free);
  g_clear_pointer (&self->dummy_hash, g_free);

  G_OBJECT_CLASS (sigap_http_server_parent_class)->finalize (object);
}

static void
sigap_http_server_class_init (SigapHttpServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sigap_http_server_dispose;
  object_class->finalize = sigap_http_server_finalize;
}

static void
sigap_http_server_init (SigapHttpServer *self)
{
  self->throttle = sigap_login_throttle_new (THROTTLE_FAILURES, THROTTLE_WINDOW);
}

/**
 * sigap_http_server_new:
 * @store: the server's store, such as a #SigapServerSqliteStore
 *
 * Returns: (transfer full): a server that does not listen yet
 */
SigapHttpServer *
sigap_http_server_new (SigapServerStore *store)
{
  SigapHttpServer *self;

  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (store), NULL);

  self = g_object_new (SIGAP_TYPE_HTTP_SERVER, NULL);
  self->store = g_object_ref (store);

  return self;
}

/* What listening on a socket and answering an in-memory stream share:
 * the store made ready (the change log that sync pulls read: from now on
 * every write, by any path, enters it; the server's own tables), and the
 * handlers. */
static gboolean
sigap_http_server_set_up (SigapHttpServer  *self,
                          GTlsCertificate  *certificate,
                          GError          **error)
{
  if (!sigap_server_store_prepare (self->store, error))
    return FALSE;

  /* raw-paths: the router decodes each segment once, so that an encoded
   * "/" stays inside its segment. */
  self->server = soup_server_new ("server-header", "sigap-server/" PACKAGE_VERSION " ",
                                  "tls-certificate", certificate,
                                  "raw-paths", TRUE,
                                  NULL);
  soup_server_add_early_handler (self->server, NULL, early_callback, self, NULL);
  soup_server_add_handler (self->server, NULL, server_callback, self, NULL);
  /* The citizens' complaint form under /aduan, with its own body limit. */
  sigap_server_public_add_handlers (self->server, self->store);
  g_signal_connect_object (self->server, "request-finished",
                           G_CALLBACK (request_finished_cb), self, G_CONNECT_DEFAULT);

  return TRUE;
}

/**
 * sigap_http_server_listen:
 * @self: a #SigapHttpServer
 * @address: an IP address to listen on, such as "127.0.0.1" or "::"
 * @port: the port, or 0 for any free one
 * @tls_cert: (nullable): a PEM certificate file, to speak HTTPS
 * @tls_key: (nullable): its PEM private key file (%NULL if @tls_cert
 *   holds the key too)
 * @error: return location for a #GError (#G_IO_ERROR or #G_TLS_ERROR)
 *
 * Starts answering requests on the thread-default main context of the
 * calling thread. Call it once. Error messages from here are English, for
 * the operator's log. Prepares the store (sigap_server_store_prepare()),
 * which turns on the change log that sync pulls read; a failure to do so
 * is a #SigapServerStoreError.
 *
 * Returns: %TRUE if the server listens
 */
gboolean
sigap_http_server_listen (SigapHttpServer  *self,
                          const char       *address,
                          guint16           port,
                          const char       *tls_cert,
                          const char       *tls_key,
                          GError          **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  SoupServerListenOptions options = 0;
  GSList *uris;

  g_return_val_if_fail (SIGAP_IS_HTTP_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address.", address);
      return FALSE;
    }

  if (tls_cert != NULL)
    {
      certificate = g_tls_certificate_new_from_files (tls_cert,
                                                      tls_key != NULL ? tls_key : tls_cert,
                                                      error);
      if (certificate == NULL)
        return FALSE;
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }

  if (!sigap_http_server_set_up (self, certificate, error))
    return FALSE;

  socket_address = g_inet_socket_address_new (inet, port);
  if (!soup_server_listen (self->server, socket_address, options, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }

  uris = soup_server_get_uris (self->server);
  if (uris != NULL)
    self->port = (guint16) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return TRUE;
}

/**
 * sigap_http_server_get_port:
 * @self: a #SigapHttpServer
 *
 * Returns: the port the server listens on, or 0 before
 *   sigap_http_server_listen()
 */
guint16
sigap_http_server_get_port (SigapHttpServer *self)
{
  g_return_val_if_fail (SIGAP_IS_HTTP_SERVER (self), 0);

  return self->port;
}

/**
 * sigap_http_server_disconnect:
 * @self: a #SigapHttpServer
 *
 * Stops listening and closes every connection.
 */
void
sigap_http_server_disconnect (SigapHttpServer *self)
{
  g_return_if_fail (SIGAP_IS_HTTP_SERVER (self));

  if (self->server != NULL)
    soup_server_disconnect (self->server);
}

/**
 * sigap_http_server_accept_iostream:
 * @self: a #SigapHttpServer
 * @stream: a connection to a client, such as an in-memory stream
 * @error: return location for a #GError
 *
 * Answers the requests that arrive on @stream as if they came from
 * 127.0.0.1, without listening on a socket: for the fuzz target
 * (tests/fuzz/). Before sigap_http_server_listen(), it sets the server up
 * the same way, change log included; do not call listen() after it.
 *
 * Returns: %TRUE if the server took @stream
 */
gboolean
sigap_http_server_accept_iostream (SigapHttpServer  *self,
                                   GIOStream        *stream,
                                   GError          **error)
{
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocketAddress) remote = NULL;

  g_return_val_if_fail (SIGAP_IS_HTTP_SERVER (self), FALSE);
  g_return_val_if_fail (G_IS_IO_STREAM (stream), FALSE);

  if (self->server == NULL && !sigap_http_server_set_up (self, NULL, error))
    return FALSE;

  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  local = g_inet_socket_address_new (loopback, 80);
  remote = g_inet_socket_address_new (loopback, 40000);

  return soup_server_accept_iostream (self->server, stream, local, remote, error);
}

/**
 * sigap_http_server_get_soup_server:
 * @self: a #SigapHttpServer
 *
 * Returns: (transfer none) (nullable): the #SoupServer that answers, once
 *   sigap_http_server_listen() or sigap_http_server_accept_iostream() set
 *   it up
 */
SoupServer *
sigap_http_server_get_soup_server (SigapHttpServer *self)
{
  g_return_val_if_fail (SIGAP_IS_HTTP_SERVER (self), NULL);

  return self->server;
}
