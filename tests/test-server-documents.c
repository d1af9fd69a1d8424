/* test-server-documents.c
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
#include "sigap-server-documents.h"
#include "sigap-test-server.h"
#include "sigap-test-utils.h"

/* The platform rules and the holiday calendar that the real
 * SigapHttpServer hands to every desktop: the shipped files (found
 * through SIGAP_DATA_DIR, set to the source tree's data/), then the copy a
 * verifikator stores. */

static char *template_dir;
static char *template_path;

typedef struct
{
  char *dir;
  char *path;
  SigapTestServer http;
  guint16 port;
  SoupSession *session;
} Fixture;

typedef struct
{
  guint status;
  GBytes *body;
  JsonNode *json;
  SoupMessageHeaders *headers;
} Response;

static void
response_free (Response *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
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
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);

  sigap_test_server_stop (&f->http);

  sigap_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* }}} */

/* Client {{{ */

static Response *
send_full (Fixture    *f,
           const char *method,
           const char *path,
           const char *token,
           const char *content_type,
           const char *body,
           const char *if_none_match)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/api/v1/%s", f->port, path);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
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

  if (if_none_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "If-None-Match", if_none_match);

  if (body != NULL)
    {
      g_autoptr(GBytes) payload = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, content_type, payload);
    }

  response->body = soup_session_send_and_read (f->session, msg, NULL, &error);
  g_assert_no_error (error);

  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  data = g_bytes_get_data (response->body, &size);
  if (size > 0 && json_parser_load_from_data (parser, data, size, NULL))
    response->json = json_node_ref (json_parser_get_root (parser));

  /* The body is not nul-terminated. */
  g_test_message ("%s %s → %u %.*s", method, path, response->status,
                  (int) MIN (size, 200), size > 0 ? data : "");

  return response;
}

static Response *
get (Fixture    *f,
     const char *path,
     const char *token)
{
  return send_full (f, "GET", path, token, NULL, NULL, NULL);
}

static Response *
put (Fixture    *f,
     const char *path,
     const char *token,
     const char *json)
{
  return send_full (f, "PUT", path, token, "application/json", json, NULL);
}

static JsonObject *
object_of (Response *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));

  return json_node_get_object (response->json);
}

static void
assert_error (Response   *response,
              guint       status,
              const char *code,
              const char *field)
{
  JsonObject *error;

  g_assert_cmpuint (response->status, ==, status);
  error = json_object_get_object_member (object_of (response), "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_cmpstr (json_object_get_string_member_with_default (error, "message", ""), !=, "");
  g_assert_cmpstr (json_object_get_string_member_with_default (error, "field", NULL), ==, field);
}

static char *
login (Fixture    *f,
       const char *username)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, SIGAP_DEMO_PASSWORD);
  g_autoptr(Response) response = send_full (f, "POST", "auth/login", NULL, "application/json",
                                            body, NULL);

  g_assert_cmpuint (response->status, ==, 200);

  return g_strdup (json_object_get_string_member (object_of (response), "token"));
}

static char *
data_file (const char *relative)
{
  return g_build_filename (g_getenv ("SIGAP_DATA_DIR"), relative, NULL);
}

static char *
read_data_file (const char *relative)
{
  g_autofree char *path = data_file (relative);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
quoted (const char *version)
{
  return g_strdup_printf ("\"%s\"", version);
}

/* The shipped platforms.json with @edit applied to its parsed root,
 * written back as text. */
static char *
edited_platforms (void (*edit) (JsonObject *root))
{
  g_autofree char *text = read_data_file ("platforms.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  edit (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));

  return json_generator_to_data (generator, NULL);
}

static JsonObject *
platform (JsonObject *root,
          guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (root, "platforms"), index);
}

/* }}} */

/* Edits {{{ */

static void
edit_x_limit (JsonObject *root)
{
  JsonArray *platforms = json_object_get_array_member (root, "platforms");

  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      JsonObject *p = json_array_get_object_element (platforms, i);

      if (g_str_equal (json_object_get_string_member (p, "id"), "x"))
        json_object_set_int_member (
          json_array_get_object_element (json_object_get_array_member (p, "text"), 0),
          "max", 25000);
    }
}

static void
edit_unknown_member (JsonObject *root)
{
  json_object_set_string_member (platform (root, 1), "colour", "pink");
}

static void
edit_missing_media (JsonObject *root)
{
  json_object_remove_member (platform (root, 0), "media");
}

static void
edit_wrong_type (JsonObject *root)
{
  json_object_set_string_member (platform (root, 2), "hashtags_max", "thirty");
}

static void
edit_duplicate_id (JsonObject *root)
{
  json_object_set_string_member (platform (root, 3), "id", "facebook");
}

static void
edit_bad_counting (JsonObject *root)
{
  json_object_set_string_member (
    json_array_get_object_element (json_object_get_array_member (platform (root, 0), "text"), 0),
    "counting", "words");
}

static void
edit_bad_ratio (JsonObject *root)
{
  JsonObject *image = json_object_get_object_member (
    json_object_get_object_member (platform (root, 1), "media"), "image");

  json_object_set_double_member (image, "aspect_ratio_min", 3.0);
}

static void
edit_bad_format (JsonObject *root)
{
  json_object_set_int_member (root, "format", 2);
}

static void
edit_long_forbidden (JsonObject *root)
{
  JsonArray *chars = json_array_new ();

  json_array_add_string_element (chars, "<>");
  json_object_set_array_member (platform (root, 3), "forbidden_characters", chars);
}

/* }}} */

static void
test_platforms_get (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *shipped = read_data_file ("platforms.json");
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, shipped, -1);
  g_autofree char *etag = quoted (expected);
  g_autoptr(Response) response = get (f, "rules/platforms", token);
  JsonObject *document;
  JsonArray *platforms;

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object_of (response), "name"), ==,
                   "platforms");
  g_assert_cmpstr (json_object_get_string_member (object_of (response), "version"), ==,
                   expected);
  g_assert_true (json_object_get_null_member (object_of (response), "updated_at"));
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "ETag"), ==, etag);

  document = json_object_get_object_member (object_of (response), "document");
  platforms = json_object_get_array_member (document, "platforms");
  g_assert_cmpuint (json_array_get_length (platforms), ==, 5);

  /* Nothing changed: 304, without a body. */
  {
    g_autoptr(Response) again = send_full (f, "GET", "rules/platforms", token, NULL, NULL, etag);

    g_assert_cmpuint (again->status, ==, 304);
    g_assert_cmpuint (g_bytes_get_size (again->body), ==, 0);
    g_assert_cmpstr (soup_message_headers_get_one (again->headers, "ETag"), ==, etag);
  }

  {
    g_autofree char *list = g_strdup_printf ("\"0000\", W/%s", etag);
    g_autoptr(Response) again = send_full (f, "GET", "rules/platforms", token, NULL, NULL, list);

    g_assert_cmpuint (again->status, ==, 304);
  }

  {
    g_autoptr(Response) again = send_full (f, "GET", "rules/platforms", token, NULL, NULL,
                                           "\"not-the-version\"");

    g_assert_cmpuint (again->status, ==, 200);
  }

  /* Every role reads it; nobody without a token. */
  {
    g_autofree char *pimpinan = login (f, "pimpinan");
    g_autoptr(Response) other = get (f, "rules/platforms", pimpinan);
    g_autoptr(Response) nobody = get (f, "rules/platforms", NULL);

    g_assert_cmpuint (other->status, ==, 200);
    assert_error (nobody, 401, "unauthorized", NULL);
  }
}

static void
test_platforms_put (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *verifikator = login (f, "verifikator");
  g_autofree char *admin = login (f, "dinkes");
  g_autofree char *edited = edited_platforms (edit_x_limit);
  g_autofree char *old_version = NULL;
  g_autofree char *new_version = NULL;
  g_autofree char *old_etag = NULL;
  g_autofree char *new_etag = NULL;

  {
    g_autoptr(Response) before = get (f, "rules/platforms", admin);

    old_version = g_strdup (json_object_get_string_member (object_of (before), "version"));
    old_etag = quoted (old_version);
  }

  {
    g_autoptr(Response) response = put (f, "rules/platforms", verifikator, edited);

    g_assert_cmpuint (response->status, ==, 200);
    new_version = g_strdup (json_object_get_string_member (object_of (response), "version"));
    g_assert_cmpstr (new_version, !=, old_version);
    {
      g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, edited, -1);

      g_assert_cmpstr (new_version, ==, digest);
    }
    g_assert_nonnull (json_object_get_string_member (object_of (response), "updated_at"));
    new_etag = quoted (new_version);
  }

  /* The admin's desktop asks with the version it had, and gets the new one. */
  {
    g_autoptr(Response) response = send_full (f, "GET", "rules/platforms", admin, NULL, NULL,
                                              old_etag);
    JsonObject *document;
    JsonObject *x;

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (object_of (response), "version"), ==,
                     new_version);
    g_assert_cmpstr (soup_message_headers_get_one (response->headers, "ETag"), ==, new_etag);
    document = json_object_get_object_member (object_of (response), "document");
    x = platform (document, 2);
    g_assert_cmpstr (json_object_get_string_member (x, "id"), ==, "x");
    g_assert_cmpint (json_object_get_int_member (
                       json_array_get_object_element (json_object_get_array_member (x, "text"),
                                                      0), "max"), ==, 25000);
  }

  {
    g_autoptr(Response) response = send_full (f, "GET", "rules/platforms", admin, NULL, NULL,
                                              new_etag);

    g_assert_cmpuint (response->status, ==, 304);
  }

  /* Stored in the database, which outlives the shipped file. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    sqlite3_busy_timeout (db, 10000);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT version, body FROM central_document "
                                         "WHERE name = 'platforms'", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, new_version);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, edited);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

static void
test_platforms_forbidden (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *edited = edited_platforms (edit_x_limit);
  const char *usernames[] = { "dinkes", "trc", "pimpinan" };

  for (guint i = 0; i < G_N_ELEMENTS (usernames); i++)
    {
      g_autofree char *token = login (f, usernames[i]);
      g_autoptr(Response) response = put (f, "rules/platforms", token, edited);

      assert_error (response, 403, "forbidden", NULL);
    }

  {
    g_autoptr(Response) response = put (f, "rules/platforms", NULL, edited);

    assert_error (response, 401, "unauthorized", NULL);
  }

  /* Nothing was stored: the shipped file still answers. */
  {
    g_autofree char *token = login (f, "dinkes");
    g_autoptr(Response) response = get (f, "rules/platforms", token);

    g_assert_true (json_object_get_null_member (object_of (response), "updated_at"));
  }
}

static void
test_platforms_bad_shape (Fixture       *f,
                          gconstpointer  data)
{
  static const struct
  {
    void (*edit) (JsonObject *root);
    const char *field;
  } cases[] = {
    { edit_unknown_member, "platforms[1].colour" },
    { edit_missing_media, "platforms[0].media" },
    { edit_wrong_type, "platforms[2].hashtags_max" },
    { edit_duplicate_id, "platforms[3].id" },
    { edit_bad_counting, "platforms[0].text[0].counting" },
    { edit_bad_ratio, "platforms[1].media.image.aspect_ratio_min" },
    { edit_bad_format, "format" },
    { edit_long_forbidden, "platforms[3].forbidden_characters[0]" },
  };
  g_autofree char *token = login (f, "verifikator");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = edited_platforms (cases[i].edit);
      g_autoptr(Response) response = put (f, "rules/platforms", token, body);

      assert_error (response, 400, "invalid_request", cases[i].field);
    }

  {
    g_autoptr(Response) response = put (f, "rules/platforms", token, "[1, 2]");

    assert_error (response, 400, "invalid_request", NULL);
  }

  {
    g_autoptr(Response) response = put (f, "rules/platforms", token, "{\"format\": 1,");

    assert_error (response, 400, "invalid_json", NULL);
  }

  {
    g_autoptr(Response) response = send_full (f, "PUT", "rules/platforms", token, "text/plain",
                                              "{}", NULL);

    assert_error (response, 415, "unsupported_media_type", NULL);
  }

  {
    g_autoptr(Response) response = get (f, "rules/platforms", token);

    g_assert_true (json_object_get_null_member (object_of (response), "updated_at"));
  }
}

static void
test_holidays (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *token = login (f, "trc");
  g_autoptr(Response) response = get (f, "calendar/holidays?year=2025", token);
  g_autofree char *etag = NULL;
  JsonObject *document;
  JsonArray *holidays;
  gboolean independence = FALSE;
  gboolean christmas = FALSE;

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object_of (response), "name"), ==,
                   "holidays/2025");
  document = json_object_get_object_member (object_of (response), "document");
  g_assert_cmpint (json_object_get_int_member (document, "year"), ==, 2025);
  holidays = json_object_get_array_member (document, "holidays");

  for (guint i = 0; i < json_array_get_length (holidays); i++)
    {
      JsonObject *day = json_array_get_object_element (holidays, i);
      const char *date = json_object_get_string_member (day, "date");

      if (g_str_equal (date, "2025-08-17"))
        {
          independence = TRUE;
          g_assert_nonnull (strstr (json_object_get_string_member (day, "name"), "Kemerdekaan"));
          g_assert_cmpstr (json_object_get_string_member (day, "kind"), ==, "libur-nasional");
        }
      if (g_str_equal (date, "2025-12-25"))
        christmas = TRUE;
    }
  g_assert_true (independence);
  g_assert_true (christmas);

  etag = g_strdup (soup_message_headers_get_one (response->headers, "ETag"));
  {
    g_autoptr(Response) again = send_full (f, "GET", "calendar/holidays?year=2025", token, NULL,
                                           NULL, etag);

    g_assert_cmpuint (again->status, ==, 304);
  }

  {
    g_autoptr(Response) next = get (f, "calendar/holidays?year=2026", token);

    g_assert_cmpuint (next->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (next->headers, "ETag"), !=, etag);
  }

  {
    g_autoptr(Response) none = get (f, "calendar/holidays?year=2031", token);

    assert_error (none, 404, "not_found", NULL);
  }

  {
    g_autoptr(Response) bad = get (f, "calendar/holidays", token);

    assert_error (bad, 400, "invalid_request", "year");
  }

  {
    g_autoptr(Response) bad = get (f, "calendar/holidays?year=20x5", token);

    assert_error (bad, 400, "invalid_request", "year");
  }
}

static void
test_holidays_put (Fixture       *f,
                   gconstpointer  data)
{
  const char *next_year =
    "{\"format\":1,\"year\":2027,\"status\":\"draft\",\"holidays\":["
    "{\"date\":\"2027-01-01\",\"name\":\"Tahun Baru 2027 Masehi\",\"kind\":\"libur-nasional\","
    "\"source\":\"SKB 3 Menteri Tahun 2026\"},"
    "{\"date\":\"2027-08-17\",\"name\":\"Proklamasi Kemerdekaan\",\"kind\":\"libur-nasional\","
    "\"source\":\"SKB 3 Menteri Tahun 2026\"}]}";
  g_autofree char *verifikator = login (f, "verifikator");
  g_autofree char *admin = login (f, "dinkes");

  {
    g_autoptr(Response) response = put (f, "calendar/holidays?year=2027", admin, next_year);

    assert_error (response, 403, "forbidden", NULL);
  }

  {
    g_autoptr(Response) response = put (f, "calendar/holidays?year=2027", verifikator,
                                        next_year);

    g_assert_cmpuint (response->status, ==, 200);
  }

  {
    g_autoptr(Response) response = get (f, "calendar/holidays?year=2027", admin);
    JsonObject *document;

    g_assert_cmpuint (response->status, ==, 200);
    document = json_object_get_object_member (object_of (response), "document");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document,
                                                                           "holidays")), ==, 2);
  }

  /* The year in the path and in the document must agree. */
  {
    g_autoptr(Response) response = put (f, "calendar/holidays?year=2028", verifikator,
                                        next_year);

    assert_error (response, 400, "invalid_request", "year");
  }

  {
    const char *bad_date =
      "{\"format\":1,\"year\":2027,\"holidays\":[{\"date\":\"2027-02-30\",\"name\":\"x\","
      "\"kind\":\"libur-nasional\",\"source\":\"s\"}]}";
    g_autoptr(Response) response = put (f, "calendar/holidays?year=2027", verifikator,
                                        bad_date);

    assert_error (response, 400, "invalid_request", "holidays[0].date");
  }

  {
    const char *bad_kind =
      "{\"format\":1,\"year\":2027,\"holidays\":[{\"date\":\"2027-02-03\",\"name\":\"x\","
      "\"kind\":\"libur\",\"source\":\"s\"}]}";
    g_autoptr(Response) response = put (f, "calendar/holidays?year=2027", verifikator,
                                        bad_kind);

    assert_error (response, 400, "invalid_request", "holidays[0].kind");
  }

  {
    const char *twice =
      "{\"format\":1,\"year\":2027,\"holidays\":["
      "{\"date\":\"2027-02-03\",\"name\":\"x\",\"kind\":\"cuti-bersama\",\"source\":\"s\"},"
      "{\"date\":\"2027-02-03\",\"name\":\"y\",\"kind\":\"cuti-bersama\",\"source\":\"s\"}]}";
    g_autoptr(Response) response = put (f, "calendar/holidays?year=2027", verifikator, twice);

    assert_error (response, 400, "invalid_request", "holidays[1].date");
  }

  {
    const char *missing =
      "{\"format\":1,\"year\":2027,\"holidays\":[{\"date\":\"2027-02-03\",\"name\":\"x\","
      "\"kind\":\"cuti-bersama\"}]}";
    g_autoptr(Response) response = put (f, "calendar/holidays?year=2027", verifikator,
                                        missing);

    assert_error (response, 400, "invalid_request", "holidays[0].source");
  }
}

/* A regency's service levels: what the stored document must hold. */
#define SLA_BODY(verification, due_soon, extra) \
  "{\"format\":1,\"verification_days\":" verification ",\"information_days\":5," \
  "\"complaint_days\":5,\"resolution_days\":14,\"resolution_field_check_days\":60," \
  "\"due_soon_days\":" due_soon ",\"reply_warning_hours\":4" extra "}"

/* Everyone signed in reads the service levels, the shipped ones until a
 * verifikator stores the regency's; no one else may store them, nor a
 * document of the wrong shape. */
static void
test_sla (Fixture       *f,
          gconstpointer  data)
{
  static const struct
  {
    const char *body;
    const char *field;
  } bad[] = {
    { SLA_BODY ("0", "1", ""), "verification_days" },
    { SLA_BODY ("367", "1", ""), "verification_days" },
    { SLA_BODY ("\"3\"", "1", ""), "verification_days" },
    { SLA_BODY ("3", "31", ""), "due_soon_days" },
    { SLA_BODY ("3", "1", ",\"escalation_days\":2"), "escalation_days" },
    { SLA_BODY ("3", "1", ",\"source\":\"\""), "source" },
    { "{\"format\":1,\"verification_days\":3}", "information_days" },
    { "{\"format\":2,\"verification_days\":3,\"information_days\":5,\"complaint_days\":5,"
      "\"resolution_days\":14,\"resolution_field_check_days\":60,\"due_soon_days\":1,"
      "\"reply_warning_hours\":4}", "format" },
  };
  const char *readers[] = { "dinkes", "trc", "pimpinan", "verifikator" };
  g_autofree char *verifikator = login (f, "verifikator");
  g_autofree char *admin = login (f, "dinkes");
  g_autofree char *shipped = read_data_file ("sla.json");
  g_autofree char *shipped_version = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                                    shipped, -1);
  const char *stored_body = SLA_BODY ("2", "2", ",\"source\":\"Perbup 12/2026\"");
  g_autofree char *stored_version = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autofree char *token = login (f, readers[i]);
      g_autoptr(Response) response = get (f, "rules/sla", token);
      JsonObject *document;

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (object_of (response), "name"), ==, "sla");
      g_assert_cmpstr (json_object_get_string_member (object_of (response), "version"), ==,
                       shipped_version);
      g_assert_true (json_object_get_null_member (object_of (response), "updated_at"));
      document = json_object_get_object_member (object_of (response), "document");
      g_assert_cmpint (json_object_get_int_member (document, "verification_days"), ==, 3);
      g_assert_cmpint (json_object_get_int_member (document, "resolution_field_check_days"),
                       ==, 60);
    }

  {
    g_autoptr(Response) response = get (f, "rules/sla", NULL);

    assert_error (response, 401, "unauthorized", NULL);
  }

  for (guint i = 0; i < G_N_ELEMENTS (readers) - 1; i++)
    {
      g_autofree char *token = login (f, readers[i]);
      g_autoptr(Response) response = put (f, "rules/sla", token, stored_body);

      assert_error (response, 403, "forbidden", NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(Response) response = put (f, "rules/sla", verifikator, bad[i].body);

      assert_error (response, 400, "invalid_request", bad[i].field);
    }

  {
    g_autoptr(Response) response = get (f, "rules/sla", admin);

    g_assert_true (json_object_get_null_member (object_of (response), "updated_at"));
  }

  {
    g_autoptr(Response) response = put (f, "rules/sla", verifikator, stored_body);
    g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, stored_body,
                                                             -1);

    g_assert_cmpuint (response->status, ==, 200);
    stored_version = g_strdup (json_object_get_string_member (object_of (response),
                                                              "version"));
    g_assert_cmpstr (stored_version, ==, digest);
    g_assert_nonnull (json_object_get_string_member (object_of (response), "updated_at"));
  }

  /* Served to every desktop from now on, 304 while unchanged. */
  {
    g_autofree char *old_etag = quoted (shipped_version);
    g_autofree char *new_etag = quoted (stored_version);
    g_autoptr(Response) response = send_full (f, "GET", "rules/sla", admin, NULL, NULL,
                                              old_etag);
    g_autoptr(Response) unchanged = send_full (f, "GET", "rules/sla", admin, NULL, NULL,
                                               new_etag);
    JsonObject *document;

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (response->headers, "ETag"), ==, new_etag);
    document = json_object_get_object_member (object_of (response), "document");
    g_assert_cmpint (json_object_get_int_member (document, "verification_days"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (document, "due_soon_days"), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (document, "source"), ==, "Perbup 12/2026");

    g_assert_cmpuint (unchanged->status, ==, 304);
  }
}

/* A report template with these members, each a JSON fragment; @extra
 * adds members. */
static char *
template_body (const char *title,
               const char *lines,
               const char *address,
               const char *logo,
               const char *sections,
               const char *extra)
{
  return g_strdup_printf ("{\"format\":1,\"title\":%s,\"letterhead\":{\"lines\":%s,"
                          "\"address\":%s,\"logo_png\":%s},\"sections\":%s%s}",
                          title, lines, address, logo, sections, extra);
}

/* Everyone signed in reads the report template, the shipped one until a
 * verifikator stores the regency's; no one else may store it, nor a
 * template of the wrong shape. */
static void
test_report_template (Fixture       *f,
                      gconstpointer  data)
{
  /* The PNG signature and the start of a header, in base64. */
  const char *png = "\"iVBORw0KGgoAAAANSUhEUg==\"";
  g_autofree char *long_title = g_strnfill (201, 'J');
  g_autofree char *long_line = g_strnfill (121, 'L');
  g_autofree char *long_address = g_strnfill (301, 'A');
  g_autofree char *long_title_json = g_strdup_printf ("\"%s\"", long_title);
  g_autofree char *long_line_json = g_strdup_printf ("[\"%s\"]", long_line);
  g_autofree char *long_address_json = g_strdup_printf ("\"%s\"", long_address);
  const char *title = "\"Laporan Bulanan\"";
  const char *lines = "[\"PEMERINTAH KABUPATEN CONTOH\",\"{opd}\"]";
  const char *sections = "[\"posts\",\"complaints\",\"signature\"]";
  const struct
  {
    char *body;
    const char *field;
  } bad[] = {
    { template_body ("\"\"", lines, "\"\"", "null", sections, ""), "title" },
    { template_body (long_title_json, lines, "\"\"", "null", sections, ""), "title" },
    { template_body (title, "[]", "\"\"", "null", sections, ""), "letterhead.lines" },
    { template_body (title, "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]", "\"\"", "null", sections,
                     ""), "letterhead.lines" },
    { template_body (title, long_line_json, "\"\"", "null", sections, ""),
      "letterhead.lines[0]" },
    { template_body (title, "[\"A\",3]", "\"\"", "null", sections, ""), "letterhead.lines[1]" },
    { template_body (title, lines, long_address_json, "null", sections, ""),
      "letterhead.address" },
    { template_body (title, lines, "null", "null", sections, ""), "letterhead.address" },
    { template_body (title, lines, "\"\"", "\"aGVsbG8gd29ybGQh\"", sections, ""),
      "letterhead.logo_png" },
    { template_body (title, lines, "\"\"", "\"iVBORw0K!!!GgoAAAANSUhEUg==\"", sections, ""),
      "letterhead.logo_png" },
    { template_body (title, lines, "\"\"", "true", sections, ""), "letterhead.logo_png" },
    { template_body (title, lines, "\"\"", "null", "[]", ""), "sections" },
    { template_body (title, lines, "\"\"", "null", "[\"posts\",\"posts\"]", ""), "sections[1]" },
    { template_body (title, lines, "\"\"", "null", "[\"cover\"]", ""), "sections[0]" },
    { template_body (title, lines, "\"\"", "null", sections, ",\"footer\":\"x\""), "footer" },
    { g_strdup ("{\"format\":2,\"title\":\"Laporan\",\"letterhead\":{\"lines\":[\"A\"],"
                "\"address\":\"\",\"logo_png\":null},\"sections\":[\"posts\"]}"), "format" },
    { g_strdup ("{\"format\":1,\"title\":\"Laporan\",\"sections\":[\"posts\"]}"),
      "letterhead" },
  };
  const char *readers[] = { "dinkes", "trc", "pimpinan", "verifikator" };
  g_autofree char *verifikator = login (f, "verifikator");
  g_autofree char *admin = login (f, "dinkes");
  g_autofree char *shipped = read_data_file ("report-template.json");
  g_autofree char *shipped_version = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                                    shipped, -1);
  g_autofree char *stored_body = template_body (title, lines, "\"Jl. Merdeka No. 1\\nKota\"",
                                                png, sections, "");
  g_autofree char *stored_version = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autofree char *token = login (f, readers[i]);
      g_autoptr(Response) response = get (f, "rules/report-template", token);
      JsonObject *document;

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (object_of (response), "name"), ==,
                       "report-template");
      g_assert_cmpstr (json_object_get_string_member (object_of (response), "version"), ==,
                       shipped_version);
      g_assert_true (json_object_get_null_member (object_of (response), "updated_at"));
      document = json_object_get_object_member (object_of (response), "document");
      g_assert_cmpstr (json_object_get_string_member (document, "title"), ==,
                       "Laporan Bulanan Pengelolaan Media Sosial");
    }

  {
    g_autoptr(Response) response = get (f, "rules/report-template", NULL);

    assert_error (response, 401, "unauthorized", NULL);
  }

  /* admin-opd, trc and pimpinan may not store it. */
  for (guint i = 0; i < G_N_ELEMENTS (readers) - 1; i++)
    {
      g_autofree char *token = login (f, readers[i]);
      g_autoptr(Response) response = put (f, "rules/report-template", token, stored_body);

      assert_error (response, 403, "forbidden", NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(Response) response = put (f, "rules/report-template", verifikator, bad[i].body);

      g_test_message ("bad template %u: %s", i, bad[i].field);
      assert_error (response, 400, "invalid_request", bad[i].field);
      g_free (bad[i].body);
    }

  {
    g_autoptr(Response) response = get (f, "rules/report-template", admin);

    g_assert_true (json_object_get_null_member (object_of (response), "updated_at"));
  }

  {
    g_autoptr(Response) response = put (f, "rules/report-template", verifikator, stored_body);
    g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, stored_body,
                                                             -1);

    g_assert_cmpuint (response->status, ==, 200);
    stored_version = g_strdup (json_object_get_string_member (object_of (response),
                                                              "version"));
    g_assert_cmpstr (stored_version, ==, digest);
  }

  /* Served to every desktop from now on, 304 while unchanged. */
  {
    g_autofree char *old_etag = quoted (shipped_version);
    g_autofree char *new_etag = quoted (stored_version);
    g_autoptr(Response) response = send_full (f, "GET", "rules/report-template", admin, NULL,
                                              NULL, old_etag);
    g_autoptr(Response) unchanged = send_full (f, "GET", "rules/report-template", admin, NULL,
                                               NULL, new_etag);
    JsonObject *document;
    JsonObject *letterhead;

    g_assert_cmpuint (response->status, ==, 200);
    document = json_object_get_object_member (object_of (response), "document");
    letterhead = json_object_get_object_member (document, "letterhead");
    g_assert_cmpstr (json_object_get_string_member (letterhead, "address"), ==,
                     "Jl. Merdeka No. 1\nKota");
    g_assert_cmpstr (json_object_get_string_member (letterhead, "logo_png"), ==,
                     "iVBORw0KGgoAAAANSUhEUg==");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document,
                                                                           "sections")), ==, 3);

    g_assert_cmpuint (unchanged->status, ==, 304);
  }
}

/* A post-templates document with these sets and templates, each a JSON
 * fragment. */
static char *
post_templates_body (const char *sets,
                     const char *templates)
{
  return g_strdup_printf ("{\"format\":1,\"hashtag_sets\":[%s],\"templates\":[%s]}",
                          sets, templates);
}

/* A template with this body and date, each a JSON fragment. */
static char *
post_template (const char *body,
               const char *date)
{
  return g_strdup_printf ("{\"id\":\"t\",\"name\":\"T\",\"kind\":\"greeting\","
                          "\"category\":\"announcement\",\"body\":%s,\"date\":%s}",
                          body, date);
}

/* Everyone signed in reads the post templates, the shipped ones until a
 * verifikator stores the regency's; no one else may store them, nor a
 * document of the wrong shape. */
static void
test_post_templates (Fixture       *f,
                     gconstpointer  data)
{
  const char *set = "{\"id\":\"kampanye\",\"name\":\"Kampanye\","
                    "\"hashtags\":[\"#KabupatenContoh\"],\"opd\":null}";
  const char *dinkes_set = "{\"id\":\"dinkes\",\"name\":\"Dinkes\","
                           "\"hashtags\":[\"#DinkesContoh\",\"#Germas\"],\"opd\":\"dinkes\"}";
  g_autofree char *good_template = post_template ("\"Salam dari {opd}, {tanggal}\"",
                                                  "\"08-17\"");
  g_autofree char *long_body = g_strnfill (5001, 'b');
  g_autofree char *long_body_json = g_strdup_printf ("\"%s\"", long_body);
  g_autofree char *unknown = post_template ("\"Yth. {nama}\"", "null");
  g_autofree char *brace = post_template ("\"Salam {opd\"", "null");
  g_autofree char *empty = post_template ("\"\"", "null");
  g_autofree char *too_long = post_template (long_body_json, "null");
  g_autofree char *bad_date = post_template ("\"x\"", "\"02-30\"");
  g_autofree char *bad_kind = g_strdup ("{\"id\":\"t\",\"name\":\"T\",\"kind\":\"ucapan\","
                                        "\"category\":\"announcement\",\"body\":\"x\","
                                        "\"date\":null}");
  g_autofree char *bad_category = g_strdup ("{\"id\":\"t\",\"name\":\"T\","
                                            "\"kind\":\"greeting\",\"category\":\"hoaks\","
                                            "\"body\":\"x\",\"date\":null}");
  g_autofree char *two_templates = g_strdup_printf ("%s,%s", good_template, good_template);
  g_autofree char *two_sets = g_strdup_printf ("%s,%s", set, set);
  const struct
  {
    char *body;
    const char *field;
  } bad[] = {
    { post_templates_body ("", unknown), "templates[0].body" },
    { post_templates_body ("", brace), "templates[0].body" },
    { post_templates_body ("", empty), "templates[0].body" },
    { post_templates_body ("", too_long), "templates[0].body" },
    { post_templates_body ("", bad_date), "templates[0].date" },
    { post_templates_body ("", bad_kind), "templates[0].kind" },
    { post_templates_body ("", bad_category), "templates[0].category" },
    { post_templates_body ("", two_templates), "templates[1].id" },
    { post_templates_body (two_sets, ""), "hashtag_sets[1].id" },
    { post_templates_body ("{\"id\":\"a\",\"name\":\"A\",\"hashtags\":[\"Germas\"],"
                           "\"opd\":null}", ""), "hashtag_sets[0].hashtags[0]" },
    { post_templates_body ("{\"id\":\"a\",\"name\":\"A\",\"hashtags\":[\"#Hidup Sehat\"],"
                           "\"opd\":null}", ""), "hashtag_sets[0].hashtags[0]" },
    { post_templates_body ("{\"id\":\"a\",\"name\":\"A\",\"hashtags\":[],\"opd\":null}",
                           ""), "hashtag_sets[0].hashtags" },
    { post_templates_body ("{\"id\":\"a\",\"name\":\"A\",\"hashtags\":[\"#A\"],"
                           "\"opd\":\"Dinas Kesehatan\"}", ""), "hashtag_sets[0].opd" },
    { g_strdup ("{\"format\":2,\"hashtag_sets\":[],\"templates\":[]}"), "format" },
    { g_strdup ("{\"format\":1,\"templates\":[]}"), "hashtag_sets" },
    { g_strdup ("{\"format\":1,\"hashtag_sets\":[],\"templates\":[],\"tags\":[]}"),
      "tags" },
  };
  const char *readers[] = { "dinkes", "trc", "pimpinan", "verifikator" };
  g_autofree char *verifikator = login (f, "verifikator");
  g_autofree char *admin = login (f, "dinkes");
  g_autofree char *shipped = read_data_file ("post-templates.json");
  g_autofree char *shipped_version = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                                    shipped, -1);
  g_autofree char *stored_sets = g_strdup_printf ("%s,%s", set, dinkes_set);
  g_autofree char *stored_body = post_templates_body (stored_sets, good_template);
  g_autofree char *stored_version = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autofree char *token = login (f, readers[i]);
      g_autoptr(Response) response = get (f, "rules/post-templates", token);
      JsonObject *document;

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (object_of (response), "name"), ==,
                       "post-templates");
      g_assert_cmpstr (json_object_get_string_member (object_of (response), "version"), ==,
                       shipped_version);
      g_assert_true (json_object_get_null_member (object_of (response), "updated_at"));
      document = json_object_get_object_member (object_of (response), "document");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document,
                                                                             "templates")),
                        ==, 19);
    }

  {
    g_autoptr(Response) response = get (f, "rules/post-templates", NULL);

    assert_error (response, 401, "unauthorized", NULL);
  }

  /* admin-opd, trc and pimpinan may not store them. */
  for (guint i = 0; i < G_N_ELEMENTS (readers) - 1; i++)
    {
      g_autofree char *token = login (f, readers[i]);
      g_autoptr(Response) response = put (f, "rules/post-templates", token, stored_body);

      assert_error (response, 403, "forbidden", NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(Response) response = put (f, "rules/post-templates", verifikator, bad[i].body);

      g_test_message ("bad post templates %u: %s", i, bad[i].field);
      assert_error (response, 400, "invalid_request", bad[i].field);
      g_free (bad[i].body);
    }

  /* The message says what is wrong. */
  {
    g_autofree char *body = post_templates_body ("", unknown);
    g_autoptr(Response) response = put (f, "rules/post-templates", verifikator, body);
    JsonObject *error = json_object_get_object_member (object_of (response), "error");

    g_assert_cmpstr (json_object_get_string_member (error, "message"), ==,
                     "'templates[0].body' has the unknown placeholder {nama}: the placeholders "
                     "are {opd}, {tanggal} and {tahun}.");
  }

  {
    g_autoptr(Response) response = put (f, "rules/post-templates", verifikator,
                                         "{\"format\":1,");

    assert_error (response, 400, "invalid_json", NULL);
  }

  {
    g_autoptr(Response) response = get (f, "rules/post-templates", admin);

    g_assert_true (json_object_get_null_member (object_of (response), "updated_at"));
  }

  {
    g_autoptr(Response) response = put (f, "rules/post-templates", verifikator, stored_body);
    g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, stored_body,
                                                             -1);

    g_assert_cmpuint (response->status, ==, 200);
    stored_version = g_strdup (json_object_get_string_member (object_of (response),
                                                              "version"));
    g_assert_cmpstr (stored_version, ==, digest);
    g_assert_nonnull (json_object_get_string_member (object_of (response), "updated_at"));
  }

  /* Served to every desktop from now on, 304 while unchanged. */
  {
    g_autofree char *old_etag = quoted (shipped_version);
    g_autofree char *new_etag = quoted (stored_version);
    g_autoptr(Response) response = send_full (f, "GET", "rules/post-templates", admin, NULL,
                                              NULL, old_etag);
    g_autoptr(Response) unchanged = send_full (f, "GET", "rules/post-templates", admin, NULL,
                                               NULL, new_etag);
    JsonObject *document;
    JsonArray *sets;

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (response->headers, "ETag"), ==, new_etag);
    document = json_object_get_object_member (object_of (response), "document");
    sets = json_object_get_array_member (document, "hashtag_sets");
    g_assert_cmpuint (json_array_get_length (sets), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sets, 1),
                                                    "opd"), ==, "dinkes");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document,
                                                                           "templates")),
                      ==, 1);

    g_assert_cmpuint (unchanged->status, ==, 304);
  }

  /* The other documents did not change. */
  {
    g_autoptr(Response) response = get (f, "rules/report-template", admin);

    g_assert_true (json_object_get_null_member (object_of (response), "updated_at"));
  }
}

/* The shipped files pass the server's own check. */
static void
test_shipped_files_validate (void)
{
  const struct
  {
    const char *file;
    SigapServerDocument kind;
    int year;
  } files[] = {
    { "platforms.json", SIGAP_SERVER_DOCUMENT_PLATFORMS, 0 },
    { "holidays/2025.json", SIGAP_SERVER_DOCUMENT_HOLIDAYS, 2025 },
    { "holidays/2026.json", SIGAP_SERVER_DOCUMENT_HOLIDAYS, 2026 },
    { "sla.json", SIGAP_SERVER_DOCUMENT_SLA, 0 },
    { "report-template.json", SIGAP_SERVER_DOCUMENT_REPORT_TEMPLATE, 0 },
    { "post-templates.json", SIGAP_SERVER_DOCUMENT_POST_TEMPLATES, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = data_file (files[i].file);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *field = NULL;

      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
      g_assert_true (sigap_server_documents_validate (files[i].kind,
                                                      json_parser_get_root (parser),
                                                      files[i].year, &field, &error));
      g_assert_no_error (error);
      g_assert_null (field);
    }

  /* 2025's file is not 2026's. */
  {
    g_autofree char *path = data_file ("holidays/2025.json");
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *field = NULL;

    json_parser_load_from_file (parser, path, &error);
    g_assert_no_error (error);
    g_assert_false (sigap_server_documents_validate (SIGAP_SERVER_DOCUMENT_HOLIDAYS,
                                                     json_parser_get_root (parser), 2026,
                                                     &field, &error));
    g_assert_error (error, SIGAP_SERVER_DOCUMENTS_ERROR, SIGAP_SERVER_DOCUMENTS_ERROR_INVALID);
    g_assert_cmpstr (field, ==, "year");
  }
}

static void
seed_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = NULL;
  SigapDemoOptions options = { 2025, 20, 20, 1752710400 };

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
  g_autofree char *data_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before any thread starts: the server finds the shipped files here. */
  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);

  seed_template ();

  g_test_add_func ("/server-documents/shipped-files", test_shipped_files_validate);
  ADD ("/server-documents/platforms/get", test_platforms_get);
  ADD ("/server-documents/platforms/put", test_platforms_put);
  ADD ("/server-documents/platforms/forbidden", test_platforms_forbidden);
  ADD ("/server-documents/platforms/bad-shape", test_platforms_bad_shape);
  ADD ("/server-documents/holidays/get", test_holidays);
  ADD ("/server-documents/holidays/put", test_holidays_put);
  ADD ("/server-documents/sla", test_sla);
  ADD ("/server-documents/report-template", test_report_template);
  ADD ("/server-documents/post-templates", test_post_templates);

  status = g_test_run ();

  sigap_test_rm_rf (template_dir);
  g_free (template_dir);
  g_free (template_path);

  return status;
}
