/* test-server-public.c
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
#include "sigap-server-public.h"
#include "sigap-test-server.h"
#include "sigap-test-utils.h"

/* The citizens' complaint form under /aduan, on the real SigapHttpServer
 * on 127.0.0.1 in a thread of its own, over a copy of a small demo
 * regency; the test thread talks to it with a real SoupSession, as a
 * browser would. */

#define NAME     "Siti Rahayu Wulandari"
#define CONTACT  "0812 3456 7890"
#define TEXT     "Lampu penerangan jalan di depan SD Negeri 2 padam sejak seminggu yang lalu."

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
  char *content_type;
  char *location;
  char *retry_after;
  char *csp;
  char *nosniff;
  char *referrer;
} Response;

static void
response_free (Response *response)
{
  g_free (response->body);
  g_free (response->content_type);
  g_free (response->location);
  g_free (response->retry_after);
  g_free (response->csp);
  g_free (response->nosniff);
  g_free (response->referrer);
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
           gboolean      chunked,
           gboolean      follow)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s", f->port, path);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  Response *response = g_new0 (Response, 1);
  const char *data;
  gsize size;

  g_assert_nonnull (msg);

  if (!follow)
    soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);

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
  response->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  response->location = g_strdup (soup_message_headers_get_one (headers, "Location"));
  response->retry_after = g_strdup (soup_message_headers_get_one (headers, "Retry-After"));
  response->csp = g_strdup (soup_message_headers_get_one (headers, "Content-Security-Policy"));
  response->nosniff = g_strdup (soup_message_headers_get_one (headers,
                                                              "X-Content-Type-Options"));
  response->referrer = g_strdup (soup_message_headers_get_one (headers, "Referrer-Policy"));

  g_test_message ("%s %s → %u", method, path, response->status);

  return response;
}

static Response *
get (Fixture    *f,
     const char *path)
{
  return send_full (f, "GET", path, NULL, NULL, NULL, 0, FALSE, TRUE);
}

static Response *
get_token (Fixture    *f,
           const char *path,
           const char *token)
{
  return send_full (f, "GET", path, token, NULL, NULL, 0, FALSE, TRUE);
}

/* Posts @form (application/x-www-form-urlencoded), following the
 * redirect if @follow. */
static Response *
post_form (Fixture    *f,
           const char *form,
           gboolean    follow)
{
  return send_full (f, "POST", "/aduan", NULL, "application/x-www-form-urlencoded", form, -1,
                    FALSE, follow);
}

/* A complete, valid form, with the honeypot empty as a browser sends it. */
static char *
valid_form (void)
{
  return soup_form_encode ("nama", NAME,
                           "kontak", CONTACT,
                           "kecamatan", "Sukamaju",
                           "desa", "Kauman",
                           "jenis", "pengaduan",
                           "kategori", "Penerangan Jalan Umum",
                           "isi", TEXT,
                           "setuju", "ya",
                           "situs_web", "",
                           NULL);
}

static void
assert_html_page (Response *response,
                  guint     status)
{
  g_assert_cmpuint (response->status, ==, status);
  g_assert_cmpstr (response->content_type, ==, "text/html; charset=utf-8");
  g_assert_true (g_str_has_prefix (response->body, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (response->body, "<html lang=\"id\">"));
  g_assert_null (strstr (response->body, "<script"));
  g_assert_cmpstr (response->csp, ==,
                   "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
  g_assert_cmpstr (response->nosniff, ==, "nosniff");
  g_assert_cmpstr (response->referrer, ==, "no-referrer");
}

static char *
login (Fixture    *f,
       const char *username)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, SIGAP_DEMO_PASSWORD);
  g_autoptr(Response) response = send_full (f, "POST", "/api/v1/auth/login", NULL,
                                            "application/json", body, -1, FALSE, TRUE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (response->status, ==, 200);
  json_parser_load_from_data (parser, response->body, -1, &error);
  g_assert_no_error (error);

  return g_strdup (json_object_get_string_member (json_node_get_object (
                                                    json_parser_get_root (parser)), "token"));
}

/* The tracking number on a page, or NULL. */
static char *
tracking_number_in (const char *html)
{
  g_autoptr(GRegex) regex = g_regex_new ("ADU-[0-9]{4}-[0-9]{6}", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, html, 0, &match))
    return NULL;

  return g_match_info_fetch (match, 0);
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

static gint64
count_complaints (Fixture *f)
{
  return sql_int (f->db, "SELECT count(*) FROM complaint", NULL);
}

/* }}} */

/* The form {{{ */

static void
test_form (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(Response) response = get (f, "/aduan");
  g_autoptr(GRegex) controls = NULL;
  g_autoptr(GRegex) ids = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  guint n_controls = 0;

  assert_html_page (response, 200);

  /* Every control has an id and a <label for> that names it. */
  controls = g_regex_new ("<(input|select|textarea)\\b[^>]*>", 0, 0, NULL);
  ids = g_regex_new ("\\bid=\"([^\"]+)\"", 0, 0, NULL);
  g_regex_match (controls, response->body, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *control = g_match_info_fetch (match, 0);
      g_autoptr(GMatchInfo) id_match = NULL;
      g_autofree char *id = NULL;
      g_autofree char *label = NULL;

      g_assert_true (g_regex_match (ids, control, 0, &id_match));
      id = g_match_info_fetch (id_match, 1);
      label = g_strdup_printf ("<label for=\"%s\">", id);
      if (strstr (response->body, label) == NULL)
        g_error ("No <label for> for %s", control);

      n_controls++;
      g_match_info_next (match, NULL);
    }
  /* nama, kontak, kecamatan, desa, 3 × jenis, kategori, isi, setuju,
   * situs_web */
  g_assert_cmpuint (n_controls, ==, 11);

  g_assert_nonnull (strstr (response->body, "<fieldset"));
  g_assert_nonnull (strstr (response->body, "<legend>Jenis aduan (wajib)</legend>"));
  g_assert_nonnull (strstr (response->body, "Nama lengkap (wajib)"));
  g_assert_nonnull (strstr (response->body, "aria-describedby=\"isi-petunjuk\""));
  g_assert_nonnull (strstr (response->body, "<form method=\"post\" action=\"/aduan\""));
  g_assert_nonnull (strstr (response->body, "<button type=\"submit\">"));

  /* The kecamatan are the regency's, from its OPDs. */
  g_assert_nonnull (strstr (response->body, "<select id=\"kecamatan\""));
  g_assert_nonnull (strstr (response->body, "<option value=\"Sukamaju\">Sukamaju</option>"));

  /* The honeypot is out of sight, of the tab order and of the
   * accessibility tree. */
  g_assert_nonnull (strstr (response->body, "<div class=\"hp\" aria-hidden=\"true\">"));
  g_assert_nonnull (strstr (response->body, "name=\"situs_web\" tabindex=\"-1\""));
}

static void
test_routes (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(Response) unknown = get (f, "/aduan/tidak-ada");
  g_autoptr(Response) put = send_full (f, "PUT", "/aduan", NULL, "text/plain", "x", -1,
                                       FALSE, TRUE);
  g_autoptr(Response) json = send_full (f, "POST", "/aduan", NULL, "application/json",
                                        "{}", -1, FALSE, TRUE);
  g_autoptr(Response) api = get (f, "/api/v1/me");

  assert_html_page (unknown, 404);
  assert_html_page (put, 405);
  assert_html_page (json, 415);
  /* The API keeps its JSON answers. */
  g_assert_cmpuint (api->status, ==, 401);
  g_assert_true (g_str_has_prefix (api->content_type, "application/json"));
}

/* }}} */

/* Submitting {{{ */

static void
test_submit (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *form = valid_form ();
  g_autofree char *number = NULL;
  g_autofree char *location = NULL;
  g_autofree char *diskominfo = sql_text (f->db, "SELECT id FROM opd WHERE code = 'diskominfo'",
                                          NULL);
  g_autofree char *id = NULL;
  g_autofree char *lookup_path = NULL;
  g_autoptr(Response) redirect = NULL;
  g_autoptr(Response) sent = NULL;
  g_autoptr(Response) lookup = NULL;
  g_autoptr(GDateTime) due = NULL;
  gint64 before = count_complaints (f);
  gint64 received_at;
  gint64 due_at;

  redirect = post_form (f, form, FALSE);
  g_assert_cmpuint (redirect->status, ==, 303);
  g_assert_nonnull (redirect->location);
  g_assert_true (g_str_has_prefix (redirect->location, "/aduan/terkirim?nomor=ADU-"));

  /* Exactly one complaint, in Diskominfo's triage queue. */
  g_assert_cmpint (count_complaints (f), ==, before + 1);
  number = tracking_number_in (redirect->location);
  g_assert_nonnull (number);
  id = sql_text (f->db, "SELECT id FROM complaint WHERE tracking_number = ?1", number);
  g_assert_nonnull (id);

#define FIELD(name) \
  g_autofree char *name = sql_text (f->db, "SELECT " #name " FROM complaint WHERE id = ?1", id)
  {
    FIELD (channel);
    FIELD (status);
    FIELD (opd_id);
    FIELD (kind);
    FIELD (category);
    FIELD (kecamatan);
    FIELD (desa);
    FIELD (citizen_name);
    FIELD (citizen_contact);
    FIELD (body);

    g_assert_cmpstr (channel, ==, "web-form");
    g_assert_cmpstr (status, ==, "received");
    g_assert_cmpstr (opd_id, ==, diskominfo);
    g_assert_cmpstr (kind, ==, "complaint");
    g_assert_cmpstr (category, ==, "Penerangan Jalan Umum");
    g_assert_cmpstr (kecamatan, ==, "Sukamaju");
    g_assert_cmpstr (desa, ==, "Kauman");
    g_assert_cmpstr (citizen_name, ==, NAME);
    g_assert_cmpstr (citizen_contact, ==, CONTACT);
    g_assert_cmpstr (body, ==, TEXT);
  }
#undef FIELD

  received_at = sql_int (f->db, "SELECT received_at FROM complaint WHERE id = ?1", id);
  due_at = sql_int (f->db, "SELECT due_at FROM complaint WHERE id = ?1", id);
  g_assert_cmpint (ABS (received_at - g_get_real_time () / G_USEC_PER_SEC), <, 60);
  /* Verified within the regency's working days (data/sla.json: three),
   * weekends and the shipped holiday calendars not counted, in WIB. */
  {
    g_autoptr(SigapCentralDocuments) central = sigap_central_documents_new (template_dir, 0);
    g_autoptr(GDateTime) received = g_date_time_new_from_unix_utc (received_at);
    g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
    g_autoptr(SigapWorkingDays) days = NULL;
    int year = g_date_time_get_year (received);

    days = sigap_working_days_new_from_documents (central, year - 1, year + 1);
    g_assert_cmpint (due_at, ==, sigap_sla_deadline (days, NULL, SIGAP_SLA_STEP_VERIFICATION,
                                                     SIGAP_COMPLAINT_KIND_COMPLAINT, FALSE,
                                                     received_at, wib, NULL));
  }
  g_assert_cmpint (due_at - received_at, >=, 3 * 86400 - 3600);
  due = g_date_time_new_from_unix_utc (due_at + 7 * 3600);
  g_assert_cmpint (g_date_time_get_day_of_week (due), <=, 5);

  /* Its timeline starts with "created". */
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM complaint_event "
                                   "WHERE complaint_id = ?1 AND action = 'created' "
                                   "AND to_status = 'received'", id), ==, 1);

  /* The answer page shows the number. */
  sent = get (f, redirect->location);
  assert_html_page (sent, 200);
  g_assert_nonnull (strstr (sent->body, number));
  g_assert_nonnull (strstr (sent->body, "/aduan/lacak"));

  /* Following the redirect as a browser does lands there too. */
  {
    g_autoptr(Response) second = post_form (f, form, TRUE);
    g_autofree char *second_number = tracking_number_in (second->body);

    assert_html_page (second, 200);
    g_assert_nonnull (second_number);
    g_assert_cmpstr (second_number, !=, number);
    g_assert_cmpint (count_complaints (f), ==, before + 2);
  }

  /* The status page shows the status, and no personal data. */
  lookup_path = g_strdup_printf ("/aduan/lacak?nomor=%s", number);
  lookup = get (f, lookup_path);
  assert_html_page (lookup, 200);
  g_assert_nonnull (strstr (lookup->body, number));
  g_assert_nonnull (strstr (lookup->body, "Diterima"));
  g_assert_nonnull (strstr (lookup->body, "Batas waktu"));
  g_assert_null (strstr (lookup->body, "Siti"));
  g_assert_null (strstr (lookup->body, "3456"));
  g_assert_null (strstr (lookup->body, "Lampu penerangan"));
  g_assert_null (strstr (lookup->body, "Kauman"));

  /* The number is read whatever its case and spaces. */
  {
    g_autofree char *lower = g_ascii_strdown (number, -1);
    g_autofree char *path = g_strdup_printf ("/aduan/lacak?nomor=+%s+", lower);
    g_autoptr(Response) again = get (f, path);

    assert_html_page (again, 200);
    g_assert_nonnull (strstr (again->body, number));
  }
}

static void
test_triage_queue (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *token = login (f, "verifikator");
  g_autofree char *admin_token = login (f, "dinkes");
  g_autofree char *form = valid_form ();
  g_autofree char *number = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *admin_cursor = NULL;
  g_autoptr(Response) redirect = NULL;
  gboolean found = FALSE;
  gboolean admin_found = FALSE;

  /* Where each is before the complaint arrives. */
  for (guint round = 0; round < 2; round++)
    {
      char **where = round == 0 ? &cursor : &admin_cursor;
      const char *who = round == 0 ? token : admin_token;

      *where = g_strdup ("0");
      for (guint page = 0; page < 100; page++)
        {
          g_autofree char *path = g_strdup_printf ("/api/v1/sync/pull?since=%s&limit=1000",
                                                   *where);
          g_autoptr(Response) response = get_token (f, path, who);
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonObject *answer;

          g_assert_cmpuint (response->status, ==, 200);
          g_assert_true (json_parser_load_from_data (parser, response->body, -1, NULL));
          answer = json_node_get_object (json_parser_get_root (parser));
          g_free (*where);
          *where = g_uri_escape_string (json_object_get_string_member (answer, "cursor"),
                                        NULL, FALSE);
          if (!json_object_get_boolean_member (answer, "has_more"))
            break;
        }
    }

  redirect = post_form (f, form, FALSE);
  g_assert_cmpuint (redirect->status, ==, 303);
  number = tracking_number_in (redirect->location);
  g_assert_nonnull (number);

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *path =
        g_strdup_printf ("/api/v1/sync/pull?since=%s&limit=1000",
                         round == 0 ? cursor : admin_cursor);
      g_autoptr(Response) response = get_token (f, path, round == 0 ? token : admin_token);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonArray *changes;

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_true (json_parser_load_from_data (parser, response->body, -1, NULL));
      changes = json_object_get_array_member (json_node_get_object (
                                                json_parser_get_root (parser)), "changes");

      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          JsonObject *record;

          if (g_strcmp0 (json_object_get_string_member (change, "entity"), "complaint") != 0 ||
              !json_object_has_member (change, "record"))
            continue;

          record = json_object_get_object_member (change, "record");
          if (g_strcmp0 (json_object_get_string_member (record, "tracking_number"),
                         number) != 0)
            continue;

          if (round == 0)
            {
              found = TRUE;
              g_assert_cmpstr (json_object_get_string_member (record, "channel"), ==,
                               "web-form");
              g_assert_cmpstr (json_object_get_string_member (record, "status"), ==,
                               "received");
              g_assert_cmpstr (json_object_get_string_member (record, "citizen_name"), ==,
                               NAME);
            }
          else
            admin_found = TRUE;
        }
    }

  /* In the verifikator's triage queue, not in an OPD's. */
  g_assert_true (found);
  g_assert_false (admin_found);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *form = soup_form_encode ("nama", "<script>alert(1)</script>",
                                            "kontak", "bukan kontak",
                                            "kecamatan", "Antah Berantah",
                                            "jenis", "",
                                            "isi", "   ",
                                            "situs_web", "",
                                            NULL);
  g_autoptr(Response) response = NULL;
  gint64 before = count_complaints (f);

  response = post_form (f, form, TRUE);
  assert_html_page (response, 422);
  g_assert_cmpint (count_complaints (f), ==, before);

  /* The value is kept, escaped. */
  g_assert_nonnull (strstr (response->body, "value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
  g_assert_nonnull (strstr (response->body, "value=\"bukan kontak\""));

  /* The summary at the top links to each field. */
  g_assert_nonnull (strstr (response->body, "class=\"ringkasan-galat\""));
  g_assert_nonnull (strstr (response->body, "<a href=\"#isi\">Tulis isi aduan Anda.</a>"));
  g_assert_nonnull (strstr (response->body, "<a href=\"#kontak\">"));
  g_assert_nonnull (strstr (response->body, "<a href=\"#kecamatan\">Pilih kecamatan dari "
                                            "daftar.</a>"));
  g_assert_nonnull (strstr (response->body, "<a href=\"#jenis-pengaduan\">Pilih jenis aduan"));
  g_assert_nonnull (strstr (response->body, "<a href=\"#setuju\">Centang persetujuan"));
  g_assert_null (strstr (response->body, "<a href=\"#nama\">"));

  /* Each field points at its message. */
  g_assert_nonnull (strstr (response->body, "aria-describedby=\"isi-petunjuk isi-galat\" "
                                            "aria-invalid=\"true\""));

  /* A text over 4,000 characters. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autofree char *long_form = NULL;
    g_autoptr(Response) too_long = NULL;

    for (guint i = 0; i < 4001; i++)
      g_string_append (text, i % 10 == 9 ? " " : "a");
    long_form = soup_form_encode ("nama", NAME, "jenis", "aspirasi", "isi", text->str,
                                  "setuju", "ya", NULL);
    too_long = post_form (f, long_form, TRUE);
    assert_html_page (too_long, 422);
    g_assert_nonnull (strstr (too_long->body, "Isi aduan paling banyak 4.000 karakter"));
    g_assert_cmpint (count_complaints (f), ==, before);
  }
}

static void
test_honeypot (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *form = soup_form_encode ("nama", NAME,
                                            "jenis", "aspirasi",
                                            "isi", TEXT,
                                            "setuju", "ya",
                                            "situs_web", "http://obat-murah.example",
                                            NULL);
  g_autoptr(Response) response = NULL;
  g_autoptr(Response) lookup = NULL;
  g_autofree char *number = NULL;
  g_autofree char *path = NULL;
  gint64 before = count_complaints (f);

  response = post_form (f, form, TRUE);
  assert_html_page (response, 200);
  g_assert_nonnull (strstr (response->body, "Terima kasih"));
  g_assert_cmpint (count_complaints (f), ==, before);

  /* Its number leads nowhere. */
  number = tracking_number_in (response->body);
  g_assert_nonnull (number);
  path = g_strdup_printf ("/aduan/lacak?nomor=%s", number);
  lookup = get (f, path);
  assert_html_page (lookup, 404);
}

static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *form = valid_form ();
  g_autoptr(Response) refused = NULL;
  gint64 before = count_complaints (f);

  for (guint i = 0; i < SIGAP_SERVER_PUBLIC_SUBMIT_LIMIT; i++)
    {
      g_autoptr(Response) response = post_form (f, form, FALSE);

      g_assert_cmpuint (response->status, ==, 303);
    }

  refused = post_form (f, form, TRUE);
  assert_html_page (refused, 429);
  g_assert_nonnull (refused->retry_after);
  g_assert_cmpint (g_ascii_strtoll (refused->retry_after, NULL, 10), >, 0);
  g_assert_nonnull (strstr (refused->body, "Coba lagi dalam"));
  g_assert_cmpint (count_complaints (f), ==, before + SIGAP_SERVER_PUBLIC_SUBMIT_LIMIT);

  /* Look-ups have their own limit. */
  for (guint i = 0; i < SIGAP_SERVER_PUBLIC_LOOKUP_LIMIT; i++)
    {
      g_autoptr(Response) response = get (f, "/aduan/lacak?nomor=ADU-2020-000001");

      g_assert_cmpuint (response->status, ==, 404);
    }

  {
    g_autoptr(Response) response = get (f, "/aduan/lacak?nomor=ADU-2020-000001");

    assert_html_page (response, 429);
    g_assert_nonnull (response->retry_after);
  }
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) form = g_string_new ("nama=Budi&jenis=aspirasi&setuju=ya&isi=");
  gint64 before = count_complaints (f);

  while (form->len <= SIGAP_SERVER_PUBLIC_MAX_BODY)
    g_string_append (form, "abcdefghij");

  for (guint chunked = 0; chunked < 2; chunked++)
    {
      g_autoptr(Response) response =
        send_full (f, "POST", "/aduan", NULL, "application/x-www-form-urlencoded", form->str,
                   form->len, chunked, TRUE);

      assert_html_page (response, 413);
      g_assert_nonnull (strstr (response->body, "16 KiB"));
    }

  g_assert_cmpint (count_complaints (f), ==, before);
}

static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Response) response = NULL;
  gint64 before = count_complaints (f);

  response = post_form (f, "nama=Budi%FF%FE&jenis=aspirasi&setuju=ya&isi=Jalan+rusak+parah+sekali",
                        TRUE);
  assert_html_page (response, 400);
  g_assert_nonnull (strstr (response->body, "UTF-8"));
  g_assert_cmpint (count_complaints (f), ==, before);
}

/* }}} */

/* Tracking {{{ */

static void
test_lookup_form (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(Response) response = get (f, "/aduan/lacak");

  assert_html_page (response, 200);
  g_assert_nonnull (strstr (response->body, "<label for=\"nomor\">"));
  g_assert_nonnull (strstr (response->body, "<form method=\"get\" action=\"/aduan/lacak\">"));
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(Response) unknown = get (f, "/aduan/lacak?nomor=ADU-2020-999999");
  g_autoptr(Response) malformed = get (f, "/aduan/lacak?nomor=%3Cb%3Ehalo%3C/b%3E");
  g_autoptr(Response) binary = get (f, "/aduan/lacak?nomor=%FF%FE");
  g_autoptr(Response) sent = get (f, "/aduan/terkirim?nomor=%3Cb%3E");

  assert_html_page (unknown, 404);
  g_assert_nonnull (strstr (unknown->body, "tidak ditemukan"));
  g_assert_nonnull (strstr (unknown->body, "ADU-2020-999999"));

  assert_html_page (malformed, 404);
  g_assert_nonnull (strstr (malformed->body, "&lt;b&gt;halo&lt;/b&gt;"));
  g_assert_null (strstr (malformed->body, "<b>halo"));

  assert_html_page (binary, 404);
  assert_html_page (sent, 404);
}

/* A demo complaint in @status: its tracking number, the note of the
 * event that moved it there, and the citizen's name or handle. */
static void
find_demo_complaint (Fixture     *f,
                     const char  *status,
                     char       **number,
                     char       **note,
                     char       **citizen,
                     char       **body)
{
  g_autofree char *id = sql_text (f->db, "SELECT id FROM complaint WHERE status = ?1 "
                                         "ORDER BY tracking_number LIMIT 1", status);

  g_assert_nonnull (id);
  *number = sql_text (f->db, "SELECT tracking_number FROM complaint WHERE id = ?1", id);
  *note = sql_text (f->db, "SELECT note FROM complaint_event WHERE complaint_id = ?1 AND "
                           "to_status = (SELECT status FROM complaint WHERE id = ?1) AND "
                           "from_status <> to_status "
                           "ORDER BY created_at DESC, rowid DESC LIMIT 1", id);
  *citizen = sql_text (f->db, "SELECT coalesce(citizen_name, citizen_handle) FROM complaint "
                              "WHERE id = ?1", id);
  *body = sql_text (f->db, "SELECT body FROM complaint WHERE id = ?1", id);
}

static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  static const struct {
    const char *status;
    const char *label;
    gboolean shows_note;
  } cases[] = {
    { "received", "Diterima", FALSE },
    { "routed", "Diteruskan ke ", FALSE },
    { "in-progress", "Diproses", FALSE },
    { "resolved", "Selesai", TRUE },
    { "rejected", "Ditolak", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = NULL;
      g_autofree char *note = NULL;
      g_autofree char *citizen = NULL;
      g_autofree char *body = NULL;
      g_autofree char *path = NULL;
      g_autoptr(Response) response = NULL;

      find_demo_complaint (f, cases[i].status, &number, &note, &citizen, &body);
      path = g_strdup_printf ("/aduan/lacak?nomor=%s", number);
      response = get (f, path);

      assert_html_page (response, 200);
      g_assert_nonnull (strstr (response->body, cases[i].label));
      if (cases[i].shows_note)
        {
          g_autofree char *escaped = NULL;

          g_assert_nonnull (note);
          escaped = g_markup_escape_text (note, -1);
          g_assert_nonnull (strstr (response->body, escaped));
        }

      if (citizen != NULL && strlen (citizen) > 3)
        g_assert_null (strstr (response->body, citizen));
      if (body != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (body, -1);

          g_assert_null (strstr (response->body, escaped));
        }
    }

  /* A routed complaint names its OPD. */
  {
    g_autofree char *number = sql_text (f->db, "SELECT tracking_number FROM complaint "
                                               "WHERE status = 'routed' "
                                               "ORDER BY tracking_number LIMIT 1", NULL);
    g_autofree char *opd = sql_text (f->db, "SELECT opd.name FROM complaint JOIN opd "
                                            "ON opd.id = complaint.opd_id "
                                            "WHERE tracking_number = ?1", number);
    g_autofree char *path = g_strdup_printf ("/aduan/lacak?nomor=%s", number);
    g_autofree char *expected = NULL;
    g_autofree char *escaped = g_markup_escape_text (opd, -1);
    g_autoptr(Response) response = get (f, path);

    expected = g_strdup_printf ("Diteruskan ke %s", escaped);
    g_assert_nonnull (strstr (response->body, expected));
  }
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

  /* The holiday calendars and service levels shipped with Sigap. */
  {
    g_autofree char *data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);

    g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);
  }

  seed_template ();

  ADD ("/server-public/form", test_form);
  ADD ("/server-public/routes", test_routes);
  ADD ("/server-public/submit", test_submit);
  ADD ("/server-public/triage-queue", test_triage_queue);
  ADD ("/server-public/invalid", test_invalid);
  ADD ("/server-public/honeypot", test_honeypot);
  ADD ("/server-public/rate-limit", test_rate_limit);
  ADD ("/server-public/too-large", test_too_large);
  ADD ("/server-public/invalid-utf8", test_invalid_utf8);
  ADD ("/server-public/lookup-form", test_lookup_form);
  ADD ("/server-public/not-found", test_not_found);
  ADD ("/server-public/status", test_status);

  status = g_test_run ();

  sigap_test_rm_rf (template_dir);
  g_free (template_dir);
  g_free (template_path);

  return status;
}
