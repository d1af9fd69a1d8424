/* sigap-server-documents.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-server"

#include "config.h"

#include <string.h>

#include "sigap-central-documents.h"
#include "sigap-central-schema.h"
#include "sigap-server-documents.h"

/*
 * The platform rules, the holiday calendar, the complaints' service
 * levels, the monthly report's template and the post templates with
 * their hashtag sets are data that change every year, or from one
 * regency to the next: the server hands its copy to every desktop, so
 * that Diskominfo changes them in one place. A document's copy lives in
 * the store once a verifikator has stored one; until then the server
 * answers the file that ships with it (data/platforms.json,
 * data/holidays/YYYY.json, data/sla.json, data/report-template.json,
 * data/post-templates.json), looked up in $SIGAP_DATA_DIR and then in
 * PKGDATADIR, as the desktop looks it up. The shape of both documents is
 * the core's (sigap-central-schema.c), which the desktop checks too.
 *
 * A document's version is the SHA-256 of its bytes, and its ETag too, so
 * that a desktop asks with If-None-Match and gets 304 while nothing
 * changed.
 */

#define MIN_YEAR       1970
#define MAX_YEAR       2100

G_DEFINE_QUARK (sigap-server-documents-error-quark, sigap_server_documents_error)

/* Answers {{{ */

static void
set_json (SoupServerMessage *msg,
          guint              status,
          JsonNode          *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  char *data;
  gsize length;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, data, length);
}

static void
send_error_field (SoupServerMessage *msg,
                  guint              status,
                  const char        *code,
                  const char        *message,
                  const char        *field)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonObject *error = json_object_new ();

  json_object_set_string_member (error, "code", code);
  json_object_set_string_member (error, "message", message);
  if (field != NULL && g_utf8_validate (field, -1, NULL))
    json_object_set_string_member (error, "field", field);
  json_object_set_object_member (object, "error", error);
  json_node_take_object (root, object);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  set_json (msg, status, root);
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
send_internal_error (SoupServerMessage *msg)
{
  send_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal_error",
              "The server could not read or write its database. Try again later.");
}

/* }}} */

/* Storage {{{ */

static SigapCentralDocumentKind
central_kind (SigapServerDocument kind)
{
  switch (kind)
    {
    case SIGAP_SERVER_DOCUMENT_PLATFORMS:
      return SIGAP_CENTRAL_DOCUMENT_PLATFORMS;

    case SIGAP_SERVER_DOCUMENT_SLA:
      return SIGAP_CENTRAL_DOCUMENT_SLA;

    case SIGAP_SERVER_DOCUMENT_REPORT_TEMPLATE:
      return SIGAP_CENTRAL_DOCUMENT_REPORT_TEMPLATE;

    case SIGAP_SERVER_DOCUMENT_POST_TEMPLATES:
      return SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES;

    case SIGAP_SERVER_DOCUMENT_HOLIDAYS:
    default:
      return SIGAP_CENTRAL_DOCUMENT_HOLIDAYS;
    }
}

/* The document's bytes from the store, or from the shipped file. */
static GBytes *
load_document (SigapServerStore  *store,
               const char        *name,
               char             **updated_at,
               GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) shipped = NULL;
  GBytes *bytes;

  *updated_at = NULL;

  bytes = sigap_server_store_get_document (store, name, updated_at, &local_error);
  if (bytes != NULL)
    return bytes;

  if (!g_error_matches (local_error, SIGAP_SERVER_STORE_ERROR,
                        SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  shipped = sigap_central_documents_read_shipped (name, NULL);
  if (shipped != NULL)
    return g_steal_pointer (&shipped);

  g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

/* }}} */

/* Requests {{{ */

static gboolean
etag_matches (const char *etag_list,
              const char *etag)
{
  g_auto(GStrv) tags = NULL;

  if (etag_list == NULL)
    return FALSE;

  tags = g_strsplit (etag_list, ",", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *tag = g_strstrip (tags[i]);

      if (g_str_has_prefix (tag, "W/"))
        tag += 2;
      if (strcmp (tag, "*") == 0 || strcmp (tag, etag) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Answers the document @bytes, read as @root, with its version. */
static void
send_document (SoupServerMessage *msg,
               const char        *name,
               GBytes            *bytes,
               JsonNode          *root,
               const char        *updated_at)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(JsonNode) answer = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *version = NULL;
  g_autofree char *etag = NULL;
  JsonObject *object = json_object_new ();
  const char *if_none_match;

  version = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  etag = g_strdup_printf ("\"%s\"", version);

  /* Every desktop asks again each time, and gets 304 while nothing
   * changed. */
  soup_message_headers_replace (headers, "ETag", etag);
  soup_message_headers_replace (headers, "Cache-Control", "no-cache");

  if_none_match = soup_message_headers_get_list (soup_server_message_get_request_headers (msg),
                                                 "If-None-Match");
  if (g_strcmp0 (soup_server_message_get_method (msg), "PUT") != 0 &&
      etag_matches (if_none_match, etag))
    {
      json_object_unref (object);
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  json_object_set_string_member (object, "name", name);
  json_object_set_string_member (object, "version", version);
  if (updated_at != NULL)
    json_object_set_string_member (object, "updated_at", updated_at);
  else
    json_object_set_null_member (object, "updated_at");
  json_object_set_member (object, "document", json_node_copy (root));
  json_node_take_object (answer, object);

  set_json (msg, SOUP_STATUS_OK, answer);
}

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

static void
handle_get (SigapServerStore    *store,
            SoupServerMessage   *msg,
            SigapServerDocument  kind,
            int                  year,
            const char          *name)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated_at = NULL;
  g_autofree char *field = NULL;
  const char *data;
  gsize length;

  bytes = load_document (store, name, &updated_at, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
        send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "No such resource.");
      else
        {
          g_warning ("%s", error->message);
          send_internal_error (msg);
        }
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  root = sigap_central_schema_parse (data, length);
  if (root == NULL || !sigap_server_documents_validate (kind, root, year, &field, &error))
    {
      /* Only a broken installation gets here: stored copies are checked
       * before they are written. */
      g_warning ("The document %s is not valid: %s", name,
                 error != NULL ? error->message : "not JSON");
      send_internal_error (msg);
      return;
    }

  send_document (msg, name, bytes, root, updated_at);
}

static void
handle_put (SigapServerStore    *store,
            SoupServerMessage   *msg,
            SigapUser           *user,
            SigapServerDocument  kind,
            int                  year,
            const char          *name)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *field = NULL;
  g_autofree char *version = NULL;
  g_autofree char *updated_at = NULL;
  const char *data;
  gsize length;

  if (sigap_user_get_role (user) != SIGAP_ROLE_VERIFIKATOR)
    {
      send_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", "Your role may not do this.");
      return;
    }

  if (!content_type_is_json (msg))
    {
      send_error (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                  "Send the body as 'Content-Type: application/json' in UTF-8.");
      return;
    }

  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &length);
  root = sigap_central_schema_parse (data, length);
  if (root == NULL)
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_json",
                  "The request body is not a JSON document in UTF-8.");
      return;
    }

  if (!sigap_server_documents_validate (kind, root, year, &field, &error))
    {
      send_error_field (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request", error->message, field);
      return;
    }

  version = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  now = g_date_time_new_now_utc ();
  updated_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  if (!sigap_server_store_put_document (store, name, version, bytes, updated_at, &error))
    {
      g_warning ("%s", error->message);
      send_internal_error (msg);
      return;
    }

  send_document (msg, name, bytes, root, updated_at);
}

/* }}} */

/**
 * sigap_server_documents_validate:
 * @kind: what @root should be
 * @root: a parsed JSON document
 * @year: for %SIGAP_SERVER_DOCUMENT_HOLIDAYS, the year it must describe
 * @field: (out) (optional) (transfer full): where the first problem is,
 *   as in "platforms[2].text[0].max"
 * @error: return location for a #GError
 *
 * Checks the shape of a platform-rules, holidays, service-levels,
 * report-template or post-templates document strictly: no unknown
 * member, every required one, each of the
 * right type and range (docs/api.md describes them), with
 * sigap_central_schema_validate().
 *
 * Returns: %TRUE if @root has the shape
 */
gboolean
sigap_server_documents_validate (SigapServerDocument   kind,
                                 JsonNode             *root,
                                 int                   year,
                                 char                **field,
                                 GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (root != NULL, FALSE);

  if (sigap_central_schema_validate (central_kind (kind), root, year, field, &local_error))
    return TRUE;

  g_set_error_literal (error, SIGAP_SERVER_DOCUMENTS_ERROR, SIGAP_SERVER_DOCUMENTS_ERROR_INVALID,
                       local_error->message);

  return FALSE;
}

/**
 * sigap_server_documents_handle:
 * @store: the server's store
 * @msg: a GET, HEAD or PUT of the document's resource
 * @user: the signed-in user
 * @kind: which document
 * @query: (nullable): the decoded query string; holidays need "year"
 *
 * Answers the document with its version (304 when If-None-Match names
 * it), or stores a new version sent by a verifikator.
 */
void
sigap_server_documents_handle (SigapServerStore    *store,
                               SoupServerMessage   *msg,
                               SigapUser           *user,
                               SigapServerDocument  kind,
                               GHashTable          *query)
{
  g_autofree char *name = NULL;
  guint64 year = 0;

  g_return_if_fail (SIGAP_IS_SERVER_STORE (store));
  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (SIGAP_IS_USER (user));

  if (kind == SIGAP_SERVER_DOCUMENT_HOLIDAYS)
    {
      const char *text = query != NULL ? g_hash_table_lookup (query, "year") : NULL;

      if (text == NULL || strlen (text) != 4 || !g_ascii_isdigit (text[0]) ||
          !g_ascii_string_to_unsigned (text, 10, MIN_YEAR, MAX_YEAR, &year, NULL))
        {
          send_error_field (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                            "Parameter 'year' must be a year such as 2026.", "year");
          return;
        }
    }

  name = sigap_central_schema_document_name (central_kind (kind), (int) year);

  if (strcmp (soup_server_message_get_method (msg), "PUT") == 0)
    handle_put (store, msg, user, kind, (int) year, name);
  else
    handle_get (store, msg, kind, (int) year, name);
}

/**
 * sigap_server_documents_load_sla:
 * @store: the server's store
 * @settings: (out caller-allocates): the settings to fill
 *
 * Fills @settings with the service levels the server counts complaint
 * deadlines with, the ones it hands to the desktops: the copy a
 * verifikator stored, else the file shipped with the server
 * (data/sla.json), else the defaults (sigap_sla_settings_init()).
 */
void
sigap_server_documents_load_sla (SigapServerStore *store,
                                 SigapSlaSettings *settings)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated_at = NULL;
  const char *data;
  gsize length;

  g_return_if_fail (SIGAP_IS_SERVER_STORE (store));
  g_return_if_fail (settings != NULL);

  sigap_sla_settings_init (settings);

  bytes = load_document (store, "sla", &updated_at, &error);
  if (bytes == NULL)
    {
      if (!g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
        g_warning ("%s", error->message);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  root = sigap_central_schema_parse (data, length);
  if (root == NULL ||
      !sigap_central_schema_validate (SIGAP_CENTRAL_DOCUMENT_SLA, root, 0, NULL, &error))
    {
      /* Only a broken installation gets here, as in handle_get(). */
      g_warning ("The service levels are not valid, using the defaults: %s",
                 error != NULL ? error->message : "not JSON");
      return;
    }

  sigap_sla_settings_load_document (settings, root);
}

/**
 * sigap_server_documents_load_working_days:
 * @store: the server's store
 * @now: UTC seconds
 *
 * The working days the server counts complaint deadlines in: the holiday
 * calendars it hands to the desktops (the copy a verifikator stored, else
 * the shipped one) of the year of @now and the years either side. A
 * calendar that cannot be read leaves its year with weekends only.
 *
 * Returns: (transfer full): the working-day calendar
 */
SigapWorkingDays *
sigap_server_documents_load_working_days (SigapServerStore *store,
                                          gint64            now)
{
  g_autoptr(SigapWorkingDays) days = sigap_working_days_new ();
  g_autoptr(GDateTime) time = NULL;
  int year;

  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (store), NULL);

  time = g_date_time_new_from_unix_utc (now);
  year = time != NULL ? g_date_time_get_year (time) : 1970;

  for (int y = year - 1; y <= year + 1; y++)
    {
      g_autofree char *name = sigap_central_schema_document_name (SIGAP_CENTRAL_DOCUMENT_HOLIDAYS,
                                                                  y);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      bytes = sigap_server_store_get_document (store, name, NULL, &error);
      if (bytes == NULL)
        bytes = sigap_central_documents_read_shipped (name, NULL);
      if (bytes == NULL)
        continue;

      g_clear_error (&error);
      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), &error) ||
          !sigap_working_days_add_holidays (days, json_parser_get_root (parser), &error))
        g_debug ("The holidays of %d are not usable: %s", y, error->message);
    }

  return g_steal_pointer (&days);
}
