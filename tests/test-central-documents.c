/* test-central-documents.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sigap-central-documents.h"
#include "sigap-post-templates.h"
#include "sigap-sla.h"
#include "sigap-http-server.h"
#include "sigap-test-server.h"
#include "sigap-test-utils.h"

/* The desktop's copies of the platform rules, the holiday calendars and
 * the service levels (SigapCentralDocuments), refreshed from a real SigapHttpServer on
 * loopback: the shipped files until a download (found through
 * SIGAP_DATA_DIR, set to the source tree's data/, as the server finds
 * them), then the server's copy, which only a good answer replaces.
 *
 * The answers a real server never sends (a captive portal's page, a cut-off
 * or misshapen document) come from a SoupServer in this thread standing
 * for whatever sits between the desktop and the server. */

#define YEAR 2025

/* A service-levels document a verifikator stores: verification within 2
 * working days, the rest the defaults. */
#define SLA_TWO_DAYS \
  "{\"format\":1,\"source\":\"Perbup 12/2026\",\"verification_days\":2," \
  "\"information_days\":5,\"complaint_days\":5,\"resolution_days\":14," \
  "\"resolution_field_check_days\":60,\"due_soon_days\":2,\"reply_warning_hours\":4}"

/* One that a desktop must refuse: format 2, and no steps. */
#define SLA_TWO_DAYS_NO_STEPS "{\"format\":2,\"verification_days\":2}"

/* A report template a verifikator stores: the regency's title and
 * letterhead, fewer sections. */
#define TEMPLATE_REGENCY \
  "{\"format\":1,\"title\":\"Laporan Bulanan Kabupaten Contoh\"," \
  "\"letterhead\":{\"lines\":[\"PEMERINTAH KABUPATEN CONTOH\",\"{opd}\"]," \
  "\"address\":\"Jl. Merdeka No. 1\",\"logo_png\":null}," \
  "\"sections\":[\"posts\",\"complaints\",\"signature\"]}"

/* One that a desktop must refuse: no section. */
#define TEMPLATE_NO_SECTIONS \
  "{\"format\":1,\"title\":\"Laporan\",\"letterhead\":{\"lines\":[\"A\"]," \
  "\"address\":\"\",\"logo_png\":null},\"sections\":[]}"

/* The post templates a verifikator stores: the regency's campaign tags,
 * one greeting. */
#define POST_TEMPLATES_REGENCY \
  "{\"format\":1,\"hashtag_sets\":[{\"id\":\"kampanye\",\"name\":\"Kampanye\"," \
  "\"hashtags\":[\"#KabupatenContoh\",\"#ContohMaju\"],\"opd\":null}]," \
  "\"templates\":[{\"id\":\"hari-kemerdekaan\",\"name\":\"Hari Kemerdekaan\"," \
  "\"kind\":\"greeting\",\"category\":\"announcement\"," \
  "\"body\":\"Dirgahayu Republik Indonesia, {tanggal}! Salam dari {opd}.\"," \
  "\"date\":\"08-17\"}]}"

/* One that a desktop must refuse: a placeholder it cannot fill. */
#define POST_TEMPLATES_UNKNOWN_PLACEHOLDER \
  "{\"format\":1,\"hashtag_sets\":[],\"templates\":[{\"id\":\"t\",\"name\":\"T\"," \
  "\"kind\":\"announcement\",\"category\":\"announcement\"," \
  "\"body\":\"Yth. {nama}\",\"date\":null}]}"

static char *template_dir;
static char *template_path;
static char *data_home;

typedef struct
{
  char *dir;
  char *path;
  char *central;
  SigapTestServer http;
  gboolean serving;
  guint16 port;
  char *url;

  /* Requests and sign-ins, sent from this thread while the server runs
   * in its own. */
  SoupSession *session;

  /* What SigapCentralDocuments sends, watched through request-queued. */
  SoupSession *refresh_session;
  GPtrArray *messages;

  /* Stands between the desktop and the server. */
  SoupServer *middle;
  char *middle_url;

  SigapCentralDocuments *documents;
  guint n_changed;
} Fixture;

/* Set-up {{{ */

static void
request_queued_cb (SoupSession *session,
                   SoupMessage *msg,
                   Fixture     *f)
{
  g_ptr_array_add (f->messages, g_object_ref (msg));
}

static void
changed_cb (SigapCentralDocuments *documents,
            Fixture               *f)
{
  f->n_changed++;
}

static void middle_cb (SoupServer        *server,
                       SoupServerMessage *msg,
                       const char        *path,
                       GHashTable        *query,
                       gpointer           user_data);

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (template_path);
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GSList) uris = NULL;

  f->dir = sigap_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "server.db", NULL);
  f->central = g_build_filename (f->dir, "central", NULL);
  dest = g_file_new_for_path (f->path);
  g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  f->port = sigap_test_server_start (&f->http, f->path);
  f->serving = TRUE;
  f->url = g_strdup_printf ("http://127.0.0.1:%u", f->port);

  f->session = soup_session_new_with_options ("timeout", 60, NULL);
  f->refresh_session = soup_session_new_with_options ("timeout", 60, NULL);
  f->messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (f->refresh_session, "request-queued", G_CALLBACK (request_queued_cb), f);

  f->middle = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->middle, NULL, middle_cb, f, NULL);
  soup_server_listen_local (f->middle, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->middle);
  f->middle_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  f->documents = sigap_central_documents_new (f->central, YEAR);
  g_signal_connect (f->documents, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->documents);
  soup_server_disconnect (f->middle);
  g_clear_object (&f->middle);
  g_clear_pointer (&f->messages, g_ptr_array_unref);
  g_clear_object (&f->refresh_session);
  g_clear_object (&f->session);

  if (f->serving)
    sigap_test_server_stop (&f->http);

  sigap_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->central);
  g_free (f->url);
  g_free (f->middle_url);
}

/* }}} */

/* Helpers {{{ */

static JsonNode *
send_json (Fixture    *f,
           const char *method,
           const char *path,
           const char *token,
           const char *body,
           guint       expected_status)
{
  g_autofree char *url = g_strdup_printf ("%s/api/v1/%s", f->url, path);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    "Authorization", auth);
    }

  if (body != NULL)
    {
      g_autoptr(GBytes) payload = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", payload);
    }

  answer = soup_session_send_and_read (f->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, expected_status);

  data = g_bytes_get_data (answer, &size);
  if (size == 0)
    return NULL;

  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

static char *
login (Fixture    *f,
       const char *username)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, SIGAP_DEMO_PASSWORD);
  g_autoptr(JsonNode) answer = send_json (f, "POST", "auth/login", NULL, body, 200);

  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "token"));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
shipped_path (const char *relative)
{
  return g_build_filename (g_getenv ("SIGAP_DATA_DIR"), relative, NULL);
}

static char *
shipped_version (const char *relative)
{
  g_autofree char *path = shipped_path (relative);

  return sigap_test_file_checksum (path);
}

static char *
copy_path (Fixture    *f,
           const char *relative)
{
  return g_build_filename (f->central, relative, NULL);
}

static void
refresh_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Refreshes @documents from @url and waits; the requests it sent are in
 * f->messages afterwards. */
static gboolean
refresh (Fixture                *f,
         SigapCentralDocuments  *documents,
         const char             *url,
         const char             *token,
         GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_ptr_array_set_size (f->messages, 0);
  sigap_central_documents_refresh_async (documents, f->refresh_session, url, token, NULL,
                                         refresh_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return sigap_central_documents_refresh_finish (documents, result, error);
}

/* The request @index of the last refresh asked for @path_and_query and
 * was answered @status, with If-None-Match naming @version (or none). */
static void
assert_request (Fixture    *f,
                guint       index,
                const char *path_and_query,
                guint       status,
                const char *version)
{
  SoupMessage *msg;
  GUri *uri;
  SoupMessageHeaders *headers;
  g_autofree char *target = NULL;

  g_assert_cmpuint (index, <, f->messages->len);
  msg = g_ptr_array_index (f->messages, index);
  uri = soup_message_get_uri (msg);
  headers = soup_message_get_request_headers (msg);

  target = g_uri_get_query (uri) != NULL
    ? g_strconcat (g_uri_get_path (uri), "?", g_uri_get_query (uri), NULL)
    : g_strdup (g_uri_get_path (uri));
  g_assert_cmpstr (target, ==, path_and_query);
  g_assert_cmpuint (soup_message_get_status (msg), ==, status);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_one (headers, "Authorization"),
                                   "Bearer "));

  if (version != NULL)
    {
      g_autofree char *etag = g_strdup_printf ("\"%s\"", version);

      g_assert_cmpstr (soup_message_headers_get_one (headers, "If-None-Match"), ==, etag);
    }
  else
    {
      g_assert_null (soup_message_headers_get_one (headers, "If-None-Match"));
    }
}

/* The six requests of a refresh for YEAR, each answered @status; the
 * service levels', the report template's and the post templates' like
 * the platform rules'. */
static void
assert_requests (Fixture    *f,
                 guint       platforms_status,
                 guint       holidays_status,
                 const char *platforms_version,
                 const char *holidays_version,
                 const char *next_version)
{
  g_assert_cmpuint (f->messages->len, ==, 6);
  assert_request (f, 0, "/api/v1/rules/platforms", platforms_status, platforms_version);
  assert_request (f, 1, "/api/v1/calendar/holidays?year=2025", holidays_status,
                  holidays_version);
  assert_request (f, 2, "/api/v1/calendar/holidays?year=2026", holidays_status, next_version);
  assert_request (f, 3, "/api/v1/rules/sla", platforms_status,
                  platforms_version != NULL ? sigap_central_document_get_version (
                    sigap_central_documents_get_sla (f->documents)) : NULL);
  assert_request (f, 4, "/api/v1/rules/report-template", platforms_status,
                  platforms_version != NULL ? sigap_central_document_get_version (
                    sigap_central_documents_get_report_template (f->documents)) : NULL);
  assert_request (f, 5, "/api/v1/rules/post-templates", platforms_status,
                  platforms_version != NULL ? sigap_central_document_get_version (
                    sigap_central_documents_get_post_templates (f->documents)) : NULL);
}

/* What a file is: its inode (a replacement is a new file, renamed over
 * the old one) and its bytes. */
static char *
file_identity (const char *path)
{
  GStatBuf st;
  g_autofree char *checksum = NULL;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  checksum = sigap_test_file_checksum (path);

  return g_strdup_printf ("%" G_GUINT64_FORMAT " %s", (guint64) st.st_ino, checksum);
}

/* Every downloaded copy's identity and the version in use. */
static char *
snapshot (Fixture *f)
{
  const char * const files[] = {
    "platforms.json", "holidays/2025.json", "holidays/2026.json", "sla.json",
    "report-template.json", "post-templates.json"
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = copy_path (f, files[i]);
      g_autofree char *identity = file_identity (path);

      g_string_append_printf (text, "%s %s\n", files[i], identity);
    }

  g_string_append_printf (text, "%s %s %s %s %s %s\n",
    sigap_central_document_get_version (sigap_central_documents_get_platforms (f->documents)),
    sigap_central_document_get_version (sigap_central_documents_get_holidays (f->documents,
                                                                              2025)),
    sigap_central_document_get_version (sigap_central_documents_get_holidays (f->documents,
                                                                              2026)),
    sigap_central_document_get_version (sigap_central_documents_get_sla (f->documents)),
    sigap_central_document_get_version (
      sigap_central_documents_get_report_template (f->documents)),
    sigap_central_document_get_version (
      sigap_central_documents_get_post_templates (f->documents)));

  return g_string_free (text, FALSE);
}

/* The X text limit of the platform rules @document holds. */
static gint64
x_text_max (SigapCentralDocument *document)
{
  JsonArray *platforms = json_object_get_array_member (
    sigap_central_document_get_object (document), "platforms");

  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      JsonObject *platform = json_array_get_object_element (platforms, i);

      if (g_str_equal (json_object_get_string_member (platform, "id"), "x"))
        return json_object_get_int_member (
          json_array_get_object_element (json_object_get_array_member (platform, "text"), 0),
          "max");
    }

  g_assert_not_reached ();
}

/* The shipped platforms.json with X's text limit at @max. */
static char *
platforms_with_x_max (gint64 max)
{
  g_autofree char *path = shipped_path ("platforms.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *platforms;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  platforms = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "platforms");
  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      JsonObject *platform = json_array_get_object_element (platforms, i);

      if (g_str_equal (json_object_get_string_member (platform, "id"), "x"))
        json_object_set_int_member (
          json_array_get_object_element (json_object_get_array_member (platform, "text"), 0),
          "max", max);
    }

  json_generator_set_root (generator, json_parser_get_root (parser));

  return json_generator_to_data (generator, NULL);
}

/* }}} */

/* The server in the middle {{{ */

/* The document a request asks for, "platforms" or "holidays/YYYY". */
static char *
requested_name (const char *path,
                GHashTable *query)
{
  if (g_str_has_suffix (path, "/api/v1/rules/platforms"))
    return g_strdup ("platforms");

  if (g_str_has_suffix (path, "/api/v1/rules/sla"))
    return g_strdup ("sla");

  if (g_str_has_suffix (path, "/api/v1/rules/report-template"))
    return g_strdup ("report-template");

  if (g_str_has_suffix (path, "/api/v1/rules/post-templates"))
    return g_strdup ("post-templates");

  if (g_str_has_suffix (path, "/api/v1/calendar/holidays") && query != NULL &&
      g_hash_table_lookup (query, "year") != NULL)
    return g_strdup_printf ("holidays/%s", (const char *) g_hash_table_lookup (query, "year"));

  return NULL;
}

static void
answer_json (SoupServerMessage *msg,
             guint              status,
             const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY,
                                    body, strlen (body));
}

/* An answer with the right name and a version, around @document. */
static char *
envelope (const char *name,
          const char *document)
{
  g_autofree char *version = g_compute_checksum_for_string (G_CHECKSUM_SHA256, document, -1);

  return g_strdup_printf ("{\"name\":\"%s\",\"version\":\"%s\",\"updated_at\":null,"
                          "\"document\":%s}", name, version, document);
}

/* The first segment of the path says how to answer wrong:
 *   /portal     a captive portal's login page, 200 text/html
 *   /bad-shape  a well-formed answer whose document has "format": 2
 *   /truncated  the real answer (the copy downloaded before) cut in half
 *   /wrong-year holidays/2025 holding 2026's calendar
 *   /wrong-etag the real answer with an ETag that names another version
 *   /error      500 internal_error, as a server whose database failed
 *   /bad-post-templates  post-templates with a placeholder it cannot fill,
 *               304 for the others
 * or right, without 304:
 *   /replay     the real answer, whatever If-None-Match says */
static void
middle_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *f = user_data;
  g_autofree char *name = requested_name (path, query);

  if (name == NULL)
    {
      answer_json (msg, SOUP_STATUS_NOT_FOUND, "{\"error\":{\"code\":\"not_found\"}}");
      return;
    }

  if (g_str_has_prefix (path, "/portal/"))
    {
      const char *page = "<html><body>Masuk ke Wi-Fi Kantor</body></html>";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        page, strlen (page));
    }
  else if (g_str_has_prefix (path, "/bad-shape/"))
    {
      g_autofree char *body = NULL;

      if (g_str_equal (name, "platforms"))
        body = envelope (name, "{\"format\":2,\"platforms\":[]}");
      else if (g_str_equal (name, "sla"))
        body = envelope (name, SLA_TWO_DAYS_NO_STEPS);
      else if (g_str_equal (name, "report-template"))
        body = envelope (name, TEMPLATE_NO_SECTIONS);
      else if (g_str_equal (name, "post-templates"))
        body = envelope (name, POST_TEMPLATES_UNKNOWN_PLACEHOLDER);
      else
        body = envelope (name, "{\"format\":2,\"year\":2025,\"holidays\":[]}");
      answer_json (msg, SOUP_STATUS_OK, body);
    }
  else if (g_str_has_prefix (path, "/truncated/") || g_str_has_prefix (path, "/wrong-etag/") ||
           g_str_has_prefix (path, "/replay/"))
    {
      g_autofree char *relative = g_strconcat (name, ".json", NULL);
      g_autofree char *copy = copy_path (f, relative);
      g_autofree char *whole = read_file (copy);

      if (g_str_has_prefix (path, "/truncated/"))
        whole[strlen (whole) / 2] = '\0';
      if (g_str_has_prefix (path, "/wrong-etag/"))
        soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag",
                                      "\"5e0c0000000000000000000000000000000000000000000000"
                                      "00000000000000\"");
      answer_json (msg, SOUP_STATUS_OK, whole);
    }
  else if (g_str_has_prefix (path, "/wrong-year/") && g_str_equal (name, "holidays/2025"))
    {
      g_autofree char *next_path = shipped_path ("holidays/2026.json");
      g_autofree char *next = read_file (next_path);
      g_autofree char *body = envelope (name, next);

      answer_json (msg, SOUP_STATUS_OK, body);
    }
  else if (g_str_has_prefix (path, "/bad-post-templates/") &&
           g_str_equal (name, "post-templates"))
    {
      g_autofree char *body = envelope (name, POST_TEMPLATES_UNKNOWN_PLACEHOLDER);

      answer_json (msg, SOUP_STATUS_OK, body);
    }
  else if (g_str_has_prefix (path, "/error/"))
    {
      answer_json (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                   "{\"error\":{\"code\":\"internal_error\",\"message\":\"The server could "
                   "not read or write its database. Try again later.\"}}");
    }
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
    }
}

/* }}} */

/* Without a download, the shipped files are in use. */
static void
test_shipped (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *platforms_version = shipped_version ("platforms.json");
  g_autofree char *holidays_version = shipped_version ("holidays/2025.json");
  SigapCentralDocument *platforms = sigap_central_documents_get_platforms (f->documents);
  SigapCentralDocument *holidays = sigap_central_documents_get_holidays (f->documents, 2025);

  g_assert_nonnull (platforms);
  g_assert_cmpint (sigap_central_document_get_source (platforms), ==,
                   SIGAP_CENTRAL_SOURCE_SHIPPED);
  g_assert_cmpstr (sigap_central_document_get_name (platforms), ==, "platforms");
  g_assert_cmpstr (sigap_central_document_get_version (platforms), ==, platforms_version);
  g_assert_null (sigap_central_document_get_updated_at (platforms));
  g_assert_cmpint (json_object_get_int_member (sigap_central_document_get_object (platforms),
                                               "format"), ==, 1);
  g_assert_cmpint (x_text_max (platforms), ==, 280);

  g_assert_nonnull (holidays);
  g_assert_cmpint (sigap_central_document_get_source (holidays), ==,
                   SIGAP_CENTRAL_SOURCE_SHIPPED);
  g_assert_cmpstr (sigap_central_document_get_version (holidays), ==, holidays_version);
  g_assert_cmpint (json_object_get_int_member (sigap_central_document_get_object (holidays),
                                               "year"), ==, 2025);

  /* No calendar ships for 2031. */
  g_assert_null (sigap_central_documents_get_holidays (f->documents, 2031));

  /* Reading writes nothing. */
  g_assert_false (g_file_test (f->central, G_FILE_TEST_EXISTS));

  g_assert_cmpuint (f->n_changed, ==, 0);
}

/* A downloaded copy that is damaged on disk, or has the wrong shape, is
 * not used: the shipped file is. */
static void
test_damaged_copy (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *platforms_path = copy_path (f, "platforms.json");
  g_autofree char *holidays_path = copy_path (f, "holidays/2025.json");
  g_autofree char *platforms_version = shipped_version ("platforms.json");
  g_autoptr(GError) error = NULL;

  refresh (f, f->documents, f->url, token, &error);
  g_assert_no_error (error);

  {
    g_autofree char *whole = read_file (platforms_path);

    /* Cut off. */
    whole[strlen (whole) - 10] = '\0';
    g_file_set_contents (platforms_path, whole, -1, &error);
    g_assert_no_error (error);
  }

  {
    g_autofree char *body = envelope ("holidays/2025", "{\"format\":1,\"year\":2024,"
                                                      "\"holidays\":[]}");

    g_file_set_contents (holidays_path, body, -1, &error);
    g_assert_no_error (error);
  }

  {
    g_autoptr(SigapCentralDocuments) again = sigap_central_documents_new (f->central, YEAR);
    SigapCentralDocument *platforms = sigap_central_documents_get_platforms (again);
    SigapCentralDocument *holidays = sigap_central_documents_get_holidays (again, 2025);
    SigapCentralDocument *next = sigap_central_documents_get_holidays (again, 2026);

    g_assert_cmpint (sigap_central_document_get_source (platforms), ==,
                     SIGAP_CENTRAL_SOURCE_SHIPPED);
    g_assert_cmpstr (sigap_central_document_get_version (platforms), ==, platforms_version);
    g_assert_cmpint (sigap_central_document_get_source (holidays), ==,
                     SIGAP_CENTRAL_SOURCE_SHIPPED);
    g_assert_cmpint (json_object_get_int_member (sigap_central_document_get_object (holidays),
                                                 "year"), ==, 2025);

    /* The undamaged copy is still the server's. */
    g_assert_cmpint (sigap_central_document_get_source (next), ==, SIGAP_CENTRAL_SOURCE_SERVER);

    /* The next refresh mends both, as a shipped copy is not named in
     * If-None-Match. */
    refresh (f, again, f->url, token, &error);
    g_assert_no_error (error);
    assert_request (f, 0, "/api/v1/rules/platforms", 200, NULL);
    assert_request (f, 1, "/api/v1/calendar/holidays?year=2025", 200, NULL);
    assert_request (f, 2, "/api/v1/calendar/holidays?year=2026", 304,
                    sigap_central_document_get_version (next));
    g_assert_cmpint (sigap_central_document_get_source (
                       sigap_central_documents_get_platforms (again)), ==,
                     SIGAP_CENTRAL_SOURCE_SERVER);
    g_assert_cmpint (sigap_central_document_get_source (
                       sigap_central_documents_get_holidays (again, 2025)), ==,
                     SIGAP_CENTRAL_SOURCE_SERVER);
  }
}

/* The first refresh downloads every document; the second gets 304 for
 * each and changes nothing. */
static void
test_download_then_not_modified (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *platforms_version = shipped_version ("platforms.json");
  g_autofree char *holidays_version = shipped_version ("holidays/2025.json");
  g_autofree char *next_version = shipped_version ("holidays/2026.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  SigapCentralDocument *platforms;
  SigapCentralDocument *holidays;

  g_assert_true (refresh (f, f->documents, f->url, token, &error));
  g_assert_no_error (error);
  assert_requests (f, 200, 200, NULL, NULL, NULL);
  g_assert_cmpuint (f->n_changed, ==, 1);

  platforms = sigap_central_documents_get_platforms (f->documents);
  g_assert_cmpint (sigap_central_document_get_source (platforms), ==,
                   SIGAP_CENTRAL_SOURCE_SERVER);
  /* The server hands out the shipped file until a verifikator stores a
   * copy: the same bytes, so the same version, and no time. */
  g_assert_cmpstr (sigap_central_document_get_version (platforms), ==, platforms_version);
  g_assert_null (sigap_central_document_get_updated_at (platforms));
  g_assert_cmpint (x_text_max (platforms), ==, 280);

  holidays = sigap_central_documents_get_holidays (f->documents, 2025);
  g_assert_cmpint (sigap_central_document_get_source (holidays), ==,
                   SIGAP_CENTRAL_SOURCE_SERVER);
  g_assert_cmpstr (sigap_central_document_get_version (holidays), ==, holidays_version);
  g_assert_cmpstr (sigap_central_document_get_version (
                     sigap_central_documents_get_holidays (f->documents, 2026)), ==,
                   next_version);

  /* The copies are the server's answers. */
  {
    g_autofree char *path = copy_path (f, "holidays/2025.json");
    g_autofree char *text = read_file (path);
    g_autoptr(JsonNode) root = json_from_string (text, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "name"), ==,
                     "holidays/2025");
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "version"),
                     ==, holidays_version);
  }

  before = snapshot (f);

  g_assert_true (refresh (f, f->documents, f->url, token, &error));
  g_assert_no_error (error);
  assert_requests (f, 304, 304, platforms_version, holidays_version, next_version);
  g_assert_cmpuint (f->n_changed, ==, 1);

  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* A server (or proxy) that answers 200 with the same version: the copy
   * is not written again. */
  {
    g_autofree char *url = g_strdup_printf ("%s/replay/", f->middle_url);
    g_autofree char *replayed = NULL;

    g_assert_true (refresh (f, f->documents, url, token, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (f->messages->len, ==, 6);
    g_assert_cmpuint (soup_message_get_status (g_ptr_array_index (f->messages, 0)), ==, 200);
    g_assert_cmpuint (f->n_changed, ==, 1);

    replayed = snapshot (f);
    g_assert_cmpstr (replayed, ==, before);
  }

  /* Another start of Sigap uses the downloaded copies and asks with
   * their versions. */
  {
    g_autoptr(SigapCentralDocuments) again = sigap_central_documents_new (f->central, YEAR);

    g_assert_cmpint (sigap_central_document_get_source (
                       sigap_central_documents_get_platforms (again)), ==,
                     SIGAP_CENTRAL_SOURCE_SERVER);
    g_assert_true (refresh (f, again, f->url, token, &error));
    g_assert_no_error (error);
    assert_requests (f, 304, 304, platforms_version, holidays_version, next_version);
  }

  /* One refresh at a time. */
  {
    g_autoptr(GAsyncResult) first = NULL;
    g_autoptr(GAsyncResult) second = NULL;

    sigap_central_documents_refresh_async (f->documents, f->refresh_session, f->url, token,
                                           NULL, refresh_done_cb, &first);
    sigap_central_documents_refresh_async (f->documents, f->refresh_session, f->url, token,
                                           NULL, refresh_done_cb, &second);
    while (first == NULL || second == NULL)
      g_main_context_iteration (NULL, TRUE);

    g_assert_true (sigap_central_documents_refresh_finish (f->documents, first, &error));
    g_assert_no_error (error);
    g_assert_false (sigap_central_documents_refresh_finish (f->documents, second, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  }
}

/* A verifikator changes the platform rules on the server; the next
 * refresh brings them to the desktop. */
static void
test_server_change (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *verifikator = login (f, "verifikator");
  g_autofree char *edited = platforms_with_x_max (25000);
  g_autofree char *holidays_version = shipped_version ("holidays/2025.json");
  g_autofree char *next_version = shipped_version ("holidays/2026.json");
  g_autofree char *old_version = shipped_version ("platforms.json");
  g_autofree char *holidays_before = NULL;
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(GDateTime) stored_at = NULL;
  g_autoptr(GError) error = NULL;
  SigapCentralDocument *platforms;
  const char *new_version;

  g_assert_true (refresh (f, f->documents, f->url, token, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 1);

  {
    g_autofree char *path = copy_path (f, "holidays/2025.json");

    holidays_before = file_identity (path);
  }

  stored = send_json (f, "PUT", "rules/platforms", verifikator, edited, 200);
  new_version = json_object_get_string_member (json_node_get_object (stored), "version");
  g_assert_cmpstr (new_version, !=, old_version);
  stored_at = g_date_time_new_from_iso8601 (
    json_object_get_string_member (json_node_get_object (stored), "updated_at"), NULL);
  g_assert_nonnull (stored_at);

  g_assert_true (refresh (f, f->documents, f->url, token, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->messages->len, ==, 6);
  assert_request (f, 0, "/api/v1/rules/platforms", 200, old_version);
  assert_request (f, 1, "/api/v1/calendar/holidays?year=2025", 304, holidays_version);
  assert_request (f, 2, "/api/v1/calendar/holidays?year=2026", 304, next_version);
  g_assert_cmpuint (f->n_changed, ==, 2);

  platforms = sigap_central_documents_get_platforms (f->documents);
  g_assert_cmpint (sigap_central_document_get_source (platforms), ==,
                   SIGAP_CENTRAL_SOURCE_SERVER);
  g_assert_cmpstr (sigap_central_document_get_version (platforms), ==, new_version);
  g_assert_nonnull (sigap_central_document_get_updated_at (platforms));
  g_assert_true (g_date_time_equal (sigap_central_document_get_updated_at (platforms),
                                    stored_at));
  g_assert_cmpint (x_text_max (platforms), ==, 25000);

  /* The calendar did not change. */
  {
    g_autofree char *path = copy_path (f, "holidays/2025.json");
    g_autofree char *holidays_after = file_identity (path);

    g_assert_cmpstr (holidays_after, ==, holidays_before);
  }

  /* The new rules are on disk for the next start. */
  {
    g_autoptr(SigapCentralDocuments) again = sigap_central_documents_new (f->central, YEAR);
    SigapCentralDocument *copy = sigap_central_documents_get_platforms (again);

    g_assert_cmpstr (sigap_central_document_get_version (copy), ==, new_version);
    g_assert_cmpint (x_text_max (copy), ==, 25000);
    g_assert_true (g_date_time_equal (sigap_central_document_get_updated_at (copy),
                                      stored_at));
  }
}

/* An answer that is not a good document, or no answer, keeps the copy
 * downloaded before. */
static void
test_bad_download (Fixture       *f,
                   gconstpointer  data)
{
  const struct
  {
    const char *mode;
    GQuark domain;
    int code;
  } cases[] = {
    { "portal", SIGAP_CENTRAL_DOCUMENTS_ERROR, SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID },
    { "bad-shape", SIGAP_CENTRAL_DOCUMENTS_ERROR, SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID },
    { "truncated", SIGAP_CENTRAL_DOCUMENTS_ERROR, SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID },
    { "wrong-year", SIGAP_CENTRAL_DOCUMENTS_ERROR, SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID },
    { "wrong-etag", SIGAP_CENTRAL_DOCUMENTS_ERROR, SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID },
    { "error", SIGAP_CENTRAL_DOCUMENTS_ERROR, SIGAP_CENTRAL_DOCUMENTS_ERROR_SERVER },
  };
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *verifikator = login (f, "verifikator");
  g_autofree char *edited = platforms_with_x_max (25000);
  g_autoptr(JsonNode) stored = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  /* The copy to keep is the server's, not the shipped one. */
  stored = send_json (f, "PUT", "rules/platforms", verifikator, edited, 200);
  g_assert_true (refresh (f, f->documents, f->url, token, &error));
  g_assert_no_error (error);
  g_assert_cmpint (x_text_max (sigap_central_documents_get_platforms (f->documents)), ==,
                   25000);
  g_assert_cmpuint (f->n_changed, ==, 1);
  before = snapshot (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/%s/", f->middle_url, cases[i].mode);
      g_autofree char *after = NULL;

      g_test_message ("Answering %s", cases[i].mode);
      g_assert_false (refresh (f, f->documents, url, token, &error));
      g_assert_error (error, cases[i].domain, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);

      /* Every document was still asked for. */
      g_assert_cmpuint (f->messages->len, ==, 6);

      after = snapshot (f);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (f->n_changed, ==, 1);
      g_assert_cmpint (x_text_max (sigap_central_documents_get_platforms (f->documents)), ==,
                       25000);
    }

  /* A revoked sign-in. */
  send_json (f, "POST", "auth/logout", token, NULL, 204);
  {
    g_autofree char *after = NULL;

    g_assert_false (refresh (f, f->documents, f->url, token, &error));
    g_assert_error (error, SIGAP_CENTRAL_DOCUMENTS_ERROR,
                    SIGAP_CENTRAL_DOCUMENTS_ERROR_UNAUTHORIZED);
    g_clear_error (&error);
    g_assert_cmpuint (f->messages->len, ==, 1);
    assert_request (f, 0, "/api/v1/rules/platforms", 401,
                    json_object_get_string_member (json_node_get_object (stored), "version"));

    after = snapshot (f);
    g_assert_cmpstr (after, ==, before);
  }

  /* The server is gone. */
  sigap_test_server_stop (&f->http);
  f->serving = FALSE;
  {
    g_autofree char *fresh = g_strdup ("unused-token");
    g_autofree char *after = NULL;

    g_assert_false (refresh (f, f->documents, f->url, fresh, &error));
    g_assert_error (error, SIGAP_CENTRAL_DOCUMENTS_ERROR, SIGAP_CENTRAL_DOCUMENTS_ERROR_NETWORK);
    g_assert_nonnull (strstr (error->message, f->url));
    g_clear_error (&error);

    after = snapshot (f);
    g_assert_cmpstr (after, ==, before);
  }

  g_assert_cmpuint (f->n_changed, ==, 1);
}

/* The service levels in force: the shipped ones (the defaults) until a
 * verifikator stores the regency's; the next refresh brings those, and
 * a document of the wrong shape from the server is not used. */
static void
test_sla (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *verifikator = login (f, "verifikator");
  g_autofree char *shipped = shipped_version ("sla.json");
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(GError) error = NULL;
  SigapSlaSettings defaults;
  SigapSlaSettings settings;
  SigapCentralDocument *sla;

  sigap_sla_settings_init (&defaults);

  sla = sigap_central_documents_get_sla (f->documents);
  g_assert_nonnull (sla);
  g_assert_cmpint (sigap_central_document_get_source (sla), ==, SIGAP_CENTRAL_SOURCE_SHIPPED);
  g_assert_cmpstr (sigap_central_document_get_name (sla), ==, "sla");
  g_assert_cmpstr (sigap_central_document_get_version (sla), ==, shipped);
  sigap_sla_settings_init_from_documents (&settings, f->documents);
  g_assert_cmpmem (&settings, sizeof settings, &defaults, sizeof defaults);

  stored = send_json (f, "PUT", "rules/sla", verifikator, SLA_TWO_DAYS, 200);

  g_assert_true (refresh (f, f->documents, f->url, token, &error));
  g_assert_no_error (error);
  assert_request (f, 3, "/api/v1/rules/sla", 200, NULL);
  g_assert_cmpuint (f->n_changed, ==, 1);

  sla = sigap_central_documents_get_sla (f->documents);
  g_assert_cmpint (sigap_central_document_get_source (sla), ==, SIGAP_CENTRAL_SOURCE_SERVER);
  g_assert_cmpstr (sigap_central_document_get_version (sla), ==,
                   json_object_get_string_member (json_node_get_object (stored), "version"));
  sigap_sla_settings_init_from_documents (&settings, f->documents);
  g_assert_cmpuint (settings.verification_days, ==, 2);
  g_assert_cmpuint (settings.due_soon_days, ==, 2);
  g_assert_cmpuint (settings.information_days, ==, defaults.information_days);
  g_assert_cmpuint (settings.resolution_field_check_days, ==, 60);

  /* On disk for the next start. */
  {
    g_autoptr(SigapCentralDocuments) again = sigap_central_documents_new (f->central, YEAR);

    sigap_sla_settings_init_from_documents (&settings, again);
    g_assert_cmpuint (settings.verification_days, ==, 2);
  }

  /* A misshapen answer keeps the regency's copy. */
  {
    g_autofree char *url = g_strdup_printf ("%s/bad-shape/", f->middle_url);

    g_assert_false (refresh (f, f->documents, url, token, &error));
    g_assert_error (error, SIGAP_CENTRAL_DOCUMENTS_ERROR, SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID);
    g_clear_error (&error);
    assert_request (f, 3, "/bad-shape/api/v1/rules/sla", 200,
                    sigap_central_document_get_version (sla));
    sigap_sla_settings_init_from_documents (&settings, f->documents);
    g_assert_cmpuint (settings.verification_days, ==, 2);
  }

  /* A copy damaged on disk gives way to the shipped file. */
  {
    g_autofree char *path = copy_path (f, "sla.json");
    g_autofree char *body = envelope ("sla", SLA_TWO_DAYS_NO_STEPS);
    g_autoptr(SigapCentralDocuments) again = NULL;

    g_file_set_contents (path, body, -1, &error);
    g_assert_no_error (error);
    again = sigap_central_documents_new (f->central, YEAR);
    g_assert_cmpint (sigap_central_document_get_source (sigap_central_documents_get_sla (again)),
                     ==, SIGAP_CENTRAL_SOURCE_SHIPPED);
    sigap_sla_settings_init_from_documents (&settings, again);
    g_assert_cmpmem (&settings, sizeof settings, &defaults, sizeof defaults);
  }
}

/* The report template in use: the shipped one until a verifikator stores
 * the regency's; the next refresh brings that, and a template of the
 * wrong shape from the server is not used. */
static void
test_report_template (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *verifikator = login (f, "verifikator");
  g_autofree char *shipped = shipped_version ("report-template.json");
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(GError) error = NULL;
  SigapCentralDocument *template_;
  JsonObject *object;

  template_ = sigap_central_documents_get_report_template (f->documents);
  g_assert_nonnull (template_);
  g_assert_cmpint (sigap_central_document_get_kind (template_), ==,
                   SIGAP_CENTRAL_DOCUMENT_REPORT_TEMPLATE);
  g_assert_cmpint (sigap_central_document_get_source (template_), ==,
                   SIGAP_CENTRAL_SOURCE_SHIPPED);
  g_assert_cmpstr (sigap_central_document_get_name (template_), ==, "report-template");
  g_assert_cmpstr (sigap_central_document_get_version (template_), ==, shipped);
  object = sigap_central_document_get_object (template_);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "sections")),
                    ==, 8);

  stored = send_json (f, "PUT", "rules/report-template", verifikator, TEMPLATE_REGENCY, 200);

  g_assert_true (refresh (f, f->documents, f->url, token, &error));
  g_assert_no_error (error);
  assert_request (f, 4, "/api/v1/rules/report-template", 200, NULL);
  g_assert_cmpuint (f->n_changed, ==, 1);

  template_ = sigap_central_documents_get_report_template (f->documents);
  g_assert_cmpint (sigap_central_document_get_source (template_), ==,
                   SIGAP_CENTRAL_SOURCE_SERVER);
  g_assert_cmpstr (sigap_central_document_get_version (template_), ==,
                   json_object_get_string_member (json_node_get_object (stored), "version"));
  object = sigap_central_document_get_object (template_);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==,
                   "Laporan Bulanan Kabupaten Contoh");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "sections")),
                    ==, 3);

  /* On disk for the next start. */
  {
    g_autoptr(SigapCentralDocuments) again = sigap_central_documents_new (f->central, YEAR);

    g_assert_cmpint (sigap_central_document_get_source (
                       sigap_central_documents_get_report_template (again)), ==,
                     SIGAP_CENTRAL_SOURCE_SERVER);
  }

  /* A misshapen answer keeps the regency's copy. */
  {
    g_autofree char *url = g_strdup_printf ("%s/bad-shape/", f->middle_url);

    g_assert_false (refresh (f, f->documents, url, token, &error));
    g_assert_error (error, SIGAP_CENTRAL_DOCUMENTS_ERROR, SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID);
    g_clear_error (&error);
    assert_request (f, 4, "/bad-shape/api/v1/rules/report-template", 200,
                    json_object_get_string_member (json_node_get_object (stored), "version"));
    g_assert_cmpstr (sigap_central_document_get_version (
                       sigap_central_documents_get_report_template (f->documents)), ==,
                     json_object_get_string_member (json_node_get_object (stored), "version"));
  }

  /* A copy damaged on disk gives way to the shipped file. */
  {
    g_autofree char *path = copy_path (f, "report-template.json");
    g_autofree char *body = envelope ("report-template", TEMPLATE_NO_SECTIONS);
    g_autoptr(SigapCentralDocuments) again = NULL;

    g_file_set_contents (path, body, -1, &error);
    g_assert_no_error (error);
    again = sigap_central_documents_new (f->central, YEAR);
    g_assert_cmpint (sigap_central_document_get_source (
                       sigap_central_documents_get_report_template (again)), ==,
                     SIGAP_CENTRAL_SOURCE_SHIPPED);
  }
}

/* The post templates in use: the shipped ones until a verifikator stores
 * the regency's; the next refresh brings those, and a document of the
 * wrong shape from the server is not used. */
static void
test_post_templates (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *verifikator = login (f, "verifikator");
  g_autofree char *shipped = shipped_version ("post-templates.json");
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPostTemplates) templates = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 8, 10, 0, 0, 0);
  SigapCentralDocument *document;
  const SigapPostTemplate *template_;

  document = sigap_central_documents_get_post_templates (f->documents);
  g_assert_nonnull (document);
  g_assert_cmpint (sigap_central_document_get_kind (document), ==,
                   SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES);
  g_assert_cmpint (sigap_central_document_get_source (document), ==,
                   SIGAP_CENTRAL_SOURCE_SHIPPED);
  g_assert_cmpstr (sigap_central_document_get_name (document), ==, "post-templates");
  g_assert_cmpstr (sigap_central_document_get_version (document), ==, shipped);
  templates = sigap_post_templates_new_for_documents (f->documents);
  g_assert_nonnull (templates);
  g_assert_cmpuint (sigap_post_templates_get_templates (templates)->len, ==, 19);
  g_assert_nonnull (sigap_post_templates_lookup (templates, "waspada-penipuan"));
  g_clear_pointer (&templates, sigap_post_templates_unref);

  stored = send_json (f, "PUT", "rules/post-templates", verifikator, POST_TEMPLATES_REGENCY,
                      200);

  g_assert_true (refresh (f, f->documents, f->url, token, &error));
  g_assert_no_error (error);
  assert_request (f, 5, "/api/v1/rules/post-templates", 200, NULL);
  g_assert_cmpuint (f->n_changed, ==, 1);

  document = sigap_central_documents_get_post_templates (f->documents);
  g_assert_cmpint (sigap_central_document_get_source (document), ==,
                   SIGAP_CENTRAL_SOURCE_SERVER);
  g_assert_cmpstr (sigap_central_document_get_version (document), ==,
                   json_object_get_string_member (json_node_get_object (stored), "version"));
  templates = sigap_post_templates_new_from_document (document);
  g_assert_cmpuint (sigap_post_templates_get_templates (templates)->len, ==, 1);
  template_ = sigap_post_templates_lookup (templates, "hari-kemerdekaan");
  g_assert_nonnull (template_);
  g_assert_cmpint (sigap_post_template_days_until (template_, today), ==, 7);
  {
    g_autofree char *text = sigap_post_template_fill (template_->body, "Dinas Kesehatan",
                                                      today);
    g_autoptr(GPtrArray) sets = sigap_post_templates_for_opd (templates, "dinkes");

    g_assert_cmpstr (text, ==, "Dirgahayu Republik Indonesia, 10 Agustus 2026! Salam dari "
                     "Dinas Kesehatan.");
    g_assert_cmpuint (sets->len, ==, 1);
    g_assert_cmpstr (((SigapHashtagSet *) sets->pdata[0])->hashtags[1], ==, "#ContohMaju");
  }

  /* On disk for the next start. */
  {
    g_autoptr(SigapCentralDocuments) again = sigap_central_documents_new (f->central, YEAR);

    g_assert_cmpint (sigap_central_document_get_source (
                       sigap_central_documents_get_post_templates (again)), ==,
                     SIGAP_CENTRAL_SOURCE_SERVER);
  }

  /* A misshapen answer keeps the regency's copy. */
  {
    g_autofree char *url = g_strdup_printf ("%s/bad-shape/", f->middle_url);

    g_assert_false (refresh (f, f->documents, url, token, &error));
    g_assert_error (error, SIGAP_CENTRAL_DOCUMENTS_ERROR, SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID);
    g_clear_error (&error);
    assert_request (f, 5, "/bad-shape/api/v1/rules/post-templates", 200,
                    json_object_get_string_member (json_node_get_object (stored), "version"));
    g_assert_cmpstr (sigap_central_document_get_version (
                       sigap_central_documents_get_post_templates (f->documents)), ==,
                     json_object_get_string_member (json_node_get_object (stored), "version"));
  }

  /* Only the post templates are misshapen: the refresh says which. */
  {
    g_autofree char *url = g_strdup_printf ("%s/bad-post-templates/", f->middle_url);

    g_assert_false (refresh (f, f->documents, url, token, &error));
    g_assert_error (error, SIGAP_CENTRAL_DOCUMENTS_ERROR, SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "the post templates"));
    g_assert_nonnull (strstr (error->message, "{nama}"));
    g_clear_error (&error);
    g_assert_cmpuint (f->messages->len, ==, 6);
    g_assert_cmpstr (sigap_central_document_get_version (
                       sigap_central_documents_get_post_templates (f->documents)), ==,
                     json_object_get_string_member (json_node_get_object (stored), "version"));
  }

  /* A copy damaged on disk gives way to the shipped file. */
  {
    g_autofree char *path = copy_path (f, "post-templates.json");
    g_autofree char *body = envelope ("post-templates", POST_TEMPLATES_UNKNOWN_PLACEHOLDER);
    g_autoptr(SigapCentralDocuments) again = NULL;

    g_file_set_contents (path, body, -1, &error);
    g_assert_no_error (error);
    again = sigap_central_documents_new (f->central, YEAR);
    g_assert_cmpint (sigap_central_document_get_source (
                       sigap_central_documents_get_post_templates (again)), ==,
                     SIGAP_CENTRAL_SOURCE_SHIPPED);
    g_assert_cmpstr (sigap_central_document_get_version (
                       sigap_central_documents_get_post_templates (again)), ==, shipped);
  }
}

/* By default the copies go to sigap/central in $XDG_DATA_HOME. */
static void
test_default_directory (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *expected = g_build_filename (data_home, "sigap", "central", NULL);
  g_autofree char *platforms_path = g_build_filename (expected, "platforms.json", NULL);
  g_autoptr(SigapCentralDocuments) documents = sigap_central_documents_new (NULL, YEAR);
  g_autoptr(SigapCentralDocuments) this_year = sigap_central_documents_new (NULL, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (sigap_central_documents_get_directory (documents), ==, expected);
  g_assert_cmpint (sigap_central_documents_get_year (this_year), ==,
                   g_date_time_get_year (now));

  g_assert_true (refresh (f, documents, f->url, token, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (platforms_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sigap_central_document_get_source (
                     sigap_central_documents_get_platforms (documents)), ==,
                   SIGAP_CENTRAL_SOURCE_SERVER);

  sigap_test_rm_rf (expected);
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

  /* Before any thread starts: the server and the desktop find the
   * shipped files here, and the desktop keeps its copies here by
   * default. */
  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);
  data_home = sigap_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  seed_template ();

  ADD ("/central-documents/shipped", test_shipped);
  ADD ("/central-documents/damaged-copy", test_damaged_copy);
  ADD ("/central-documents/download-then-not-modified", test_download_then_not_modified);
  ADD ("/central-documents/server-change", test_server_change);
  ADD ("/central-documents/bad-download", test_bad_download);
  ADD ("/central-documents/sla", test_sla);
  ADD ("/central-documents/report-template", test_report_template);
  ADD ("/central-documents/post-templates", test_post_templates);
  ADD ("/central-documents/default-directory", test_default_directory);

  status = g_test_run ();

  sigap_test_rm_rf (template_dir);
  g_free (template_dir);
  g_free (template_path);
  sigap_test_rm_rf (data_home);
  g_free (data_home);

  return status;
}
