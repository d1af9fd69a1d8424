/* test-server-media.c
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
#include "sigap-server-media.h"
#include "sigap-test-server.h"
#include "sigap-test-utils.h"

/* Media upload and download against the real SigapHttpServer on
 * 127.0.0.1, in a thread of its own, over a copy of a small demo regency. */

static char *template_dir;
static char *template_path;

typedef struct
{
  char *dir;
  char *path;
  char *media_dir;
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
  f->media_dir = g_strconcat (f->path, ".media", NULL);
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
  g_free (f->media_dir);
}

/* }}} */

/* Client {{{ */

static Response *
send_full (Fixture     *f,
           const char  *method,
           const char  *digest,
           const char  *token,
           const char  *content_type,
           GBytes      *payload,
           gboolean     chunked,
           const char  *if_none_match)
{
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  Response *response = g_new0 (Response, 1);
  const char *data;
  gsize size;

  url = g_strdup_printf ("http://127.0.0.1:%u/api/v1/media/%s", f->port, digest);
  msg = soup_message_new (method, url);
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

  if (payload != NULL)
    {
      if (chunked)
        {
          g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (payload);

          soup_message_set_request_body (msg, content_type, stream, -1);
        }
      else
        soup_message_set_request_body_from_bytes (msg, content_type, payload);
    }

  response->body = soup_session_send_and_read (f->session, msg, NULL, &error);
  g_assert_no_error (error);

  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  data = g_bytes_get_data (response->body, &size);
  if (size > 0 &&
      g_strcmp0 (soup_message_headers_get_content_type (response->headers, NULL),
                 "application/json") == 0 &&
      json_parser_load_from_data (parser, data, size, NULL))
    response->json = json_node_ref (json_parser_get_root (parser));

  g_test_message ("%s %.12s… → %u", method, digest, response->status);

  return response;
}

static Response *
put (Fixture    *f,
     const char *digest,
     const char *token,
     const char *content_type,
     GBytes     *payload)
{
  return send_full (f, "PUT", digest, token, content_type, payload, FALSE, NULL);
}

static Response *
get (Fixture    *f,
     const char *digest,
     const char *token)
{
  return send_full (f, "GET", digest, token, NULL, NULL, FALSE, NULL);
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
              const char *code)
{
  JsonObject *error;

  g_assert_cmpuint (response->status, ==, status);
  error = json_object_get_object_member (object_of (response), "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_cmpstr (json_object_get_string_member_with_default (error, "message", ""), !=, "");
}

static char *
login (Fixture    *f,
       const char *username)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/api/v1/auth/login", f->port);
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, SIGAP_DEMO_PASSWORD);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) payload = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", payload);
  answer = soup_session_send_and_read (f->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);

  json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                              (gssize) g_bytes_get_size (answer), &error);
  g_assert_no_error (error);

  return g_strdup (json_object_get_string_member (json_node_get_object (
                                                    json_parser_get_root (parser)), "token"));
}

/* Deterministic bytes that are not all alike. */
static GBytes *
make_payload (gsize   size,
              guint32 seed)
{
  guint8 *data = g_malloc (size);
  guint32 state = seed * 2654435761u + 1;

  for (gsize i = 0; i < size; i++)
    {
      state = state * 1103515245u + 12345u;
      data[i] = (guint8) (state >> 16);
    }

  return g_bytes_new_take (data, size);
}

static char *
digest_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static char *
object_path (Fixture    *f,
             const char *digest)
{
  char prefix[3] = { digest[0], digest[1], '\0' };

  return g_build_filename (f->media_dir, prefix, digest + 2, NULL);
}

/* How many files wait in the upload folder. */
static guint
count_tmp_files (Fixture *f)
{
  g_autofree char *tmp = g_build_filename (f->media_dir, "tmp", NULL);
  GDir *dir = g_dir_open (tmp, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);

  return n;
}

static char *
sql_text (Fixture    *f,
          const char *sql,
          const char *arg)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return text;
}

/* Sends @head over a plain socket and reads what the server answers before
 * any body is sent: proof that it did not wait for the body. */
static char *
raw_exchange (Fixture    *f,
              const char *head)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) answer = g_string_new (NULL);
  GOutputStream *out;
  GInputStream *in;
  char buffer[4096];
  gssize n;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", f->port, NULL, &error);
  g_assert_no_error (error);
  /* The body never comes: a server that waited for it would time out. */
  g_socket_set_timeout (g_socket_connection_get_socket (connection), 5);

  out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, &error);
  g_assert_no_error (error);

  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &error)) > 0)
    {
      g_string_append_len (answer, buffer, n);
      /* The answer is a small JSON error: stop once it is complete. */
      if (strstr (answer->str, "\r\n\r\n") != NULL && g_str_has_suffix (answer->str, "}"))
        break;
    }
  if (error != NULL)
    g_test_message ("Read before the error: %s", answer->str);
  g_assert_no_error (error);

  return g_string_free (g_steal_pointer (&answer), FALSE);
}

/* }}} */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autoptr(GBytes) payload = make_payload (300 * 1024 + 7, 1);
  g_autofree char *digest = digest_of (payload);
  g_autofree char *etag = g_strdup_printf ("\"%s\"", digest);
  g_autofree char *path = object_path (f, digest);
  g_autofree char *location = g_strconcat ("/api/v1/media/", digest, NULL);
  g_autofree char *uploaded_by = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *on_disk = NULL;
  gsize on_disk_length = 0;

  {
    g_autoptr(Response) response = put (f, digest, token, "image/jpeg", payload);

    g_assert_cmpuint (response->status, ==, 201);
    g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Location"), ==, location);
    g_assert_cmpstr (json_object_get_string_member (object_of (response), "sha256"), ==, digest);
    g_assert_cmpint (json_object_get_int_member (object_of (response), "size"), ==,
                     g_bytes_get_size (payload));
    g_assert_cmpstr (json_object_get_string_member (object_of (response), "content_type"), ==,
                     "image/jpeg");
    g_assert_nonnull (json_object_get_string_member (object_of (response), "created_at"));
  }

  /* On disk under <db>.media/ab/cdef…, written whole, nothing left over. */
  g_assert_true (g_file_get_contents (path, &on_disk, &on_disk_length, NULL));
  g_assert_cmpmem (on_disk, on_disk_length,
                   g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  g_assert_cmpuint (count_tmp_files (f), ==, 0);

  uploaded_by = sql_text (f, "SELECT uploaded_by FROM media WHERE sha256 = ?", digest);
  user_id = sql_text (f, "SELECT id FROM app_user WHERE username = 'dinkes'", NULL);
  g_assert_nonnull (user_id);
  g_assert_cmpstr (uploaded_by, ==, user_id);

  /* Any signed-in role reads it back. */
  {
    g_autofree char *reader = login (f, "pimpinan");
    g_autoptr(Response) response = get (f, digest, reader);

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_true (g_bytes_equal (response->body, payload));
    g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==,
                     "image/jpeg");
    g_assert_cmpstr (soup_message_headers_get_one (response->headers, "ETag"), ==, etag);
  }

  {
    g_autoptr(Response) response = send_full (f, "HEAD", digest, token, NULL, NULL, FALSE, NULL);
    g_autofree char *length = g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (payload));

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (response->body), ==, 0);
    g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Content-Length"), ==,
                     length);
    g_assert_cmpstr (soup_message_headers_get_one (response->headers, "ETag"), ==, etag);
  }

  {
    g_autoptr(Response) response = send_full (f, "GET", digest, token, NULL, NULL, FALSE, etag);

    g_assert_cmpuint (response->status, ==, 304);
    g_assert_cmpuint (g_bytes_get_size (response->body), ==, 0);
  }

  /* A video, sent without a Content-Length. */
  {
    g_autoptr(GBytes) video = make_payload (2 * 1024 * 1024 + 3, 2);
    g_autofree char *video_digest = digest_of (video);
    g_autoptr(Response) response = send_full (f, "PUT", video_digest, token, "video/mp4",
                                              video, TRUE, NULL);
    g_autoptr(Response) back = NULL;

    g_assert_cmpuint (response->status, ==, 201);
    back = get (f, video_digest, token);
    g_assert_cmpuint (back->status, ==, 200);
    g_assert_true (g_bytes_equal (back->body, video));
    g_assert_cmpstr (soup_message_headers_get_content_type (back->headers, NULL), ==,
                     "video/mp4");
  }
}

static void
test_digest_mismatch (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autoptr(GBytes) payload = make_payload (64 * 1024, 3);
  g_autoptr(GBytes) other = make_payload (64 * 1024, 4);
  g_autofree char *claimed = digest_of (other);
  g_autofree char *path = object_path (f, claimed);

  {
    g_autoptr(Response) response = put (f, claimed, token, "image/png", payload);

    assert_error (response, 400, "digest_mismatch");
  }

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_tmp_files (f), ==, 0);

  {
    g_autoptr(Response) response = get (f, claimed, token);

    assert_error (response, 404, "not_found");
  }

  /* A name that is not a SHA-256 in lowercase hex. */
  {
    g_autofree char *upper = g_ascii_strup (claimed, -1);
    g_autoptr(Response) response = put (f, upper, token, "image/png", other);

    assert_error (response, 400, "invalid_digest");
  }

  /* The wrong type, and nothing at all. */
  {
    g_autoptr(Response) response = put (f, claimed, token, "application/pdf", other);

    assert_error (response, 415, "unsupported_media_type");
  }

  {
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autofree char *empty_digest = digest_of (empty);
    g_autoptr(Response) response = put (f, empty_digest, token, "image/png", empty);

    assert_error (response, 400, "empty_body");
  }
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *token = login (f, "verifikator");
  g_autoptr(GBytes) any = make_payload (16, 5);
  g_autofree char *digest = digest_of (any);

  /* Announced too large by a client that waits for "100 Continue" before
   * the body, as the desktop does: answered from the headers alone. (A
   * client that does not wait has its body drained, not stored.) */
  {
    g_autofree char *head = g_strdup_printf ("PUT /api/v1/media/%s HTTP/1.1\r\n"
                                             "Host: 127.0.0.1\r\n"
                                             "Expect: 100-continue\r\n"
                                             "Authorization: Bearer %s\r\n"
                                             "Content-Type: image/png\r\n"
                                             "Content-Length: %d\r\n"
                                             "\r\n",
                                             digest, token, 15 * 1024 * 1024 + 1);
    g_autofree char *answer = raw_exchange (f, head);

    g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 413"));
    g_assert_nonnull (strstr (answer, "\"too_large\""));
  }

  {
    g_autofree char *head = g_strdup_printf ("PUT /api/v1/media/%s HTTP/1.1\r\n"
                                             "Host: 127.0.0.1\r\n"
                                             "Expect: 100-continue\r\n"
                                             "Authorization: Bearer %s\r\n"
                                             "Content-Type: video/mp4\r\n"
                                             "Content-Length: %" G_GUINT64_FORMAT "\r\n"
                                             "\r\n",
                                             digest, token,
                                             (guint64) 512 * 1024 * 1024 + 1);
    g_autofree char *answer = raw_exchange (f, head);

    g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 413"));
  }

  /* The same for a sender that is not signed in: 401 before the body. */
  {
    g_autofree char *head = g_strdup_printf ("PUT /api/v1/media/%s HTTP/1.1\r\n"
                                             "Host: 127.0.0.1\r\n"
                                             "Expect: 100-continue\r\n"
                                             "Content-Type: video/mp4\r\n"
                                             "Content-Length: 1000000\r\n"
                                             "\r\n",
                                             digest);
    g_autofree char *answer = raw_exchange (f, head);

    g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 401"));
  }

  /* Without a Content-Length: counted as it arrives, and not kept. */
  {
    g_autoptr(GBytes) big = make_payload (15 * 1024 * 1024 + 1, 6);
    g_autofree char *big_digest = digest_of (big);
    g_autofree char *path = object_path (f, big_digest);
    g_autoptr(Response) response = send_full (f, "PUT", big_digest, token, "image/webp", big,
                                              TRUE, NULL);

    assert_error (response, 413, "too_large");
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_tmp_files (f), ==, 0);
  }

  /* 15 MiB exactly is an image the server keeps. */
  {
    g_autoptr(GBytes) fits = make_payload (15 * 1024 * 1024, 7);
    g_autofree char *fits_digest = digest_of (fits);
    g_autoptr(Response) response = put (f, fits_digest, token, "image/webp", fits);

    g_assert_cmpuint (response->status, ==, 201);
  }
}

static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autofree char *other = login (f, "trc");
  g_autoptr(GBytes) payload = make_payload (100 * 1024, 8);
  g_autofree char *digest = digest_of (payload);
  g_autofree char *path = object_path (f, digest);
  g_autofree char *first_by = NULL;
  g_autofree char *after_by = NULL;
  g_autofree char *count = NULL;
  GStatBuf before;
  GStatBuf after;

  {
    g_autoptr(Response) response = put (f, digest, token, "image/png", payload);

    g_assert_cmpuint (response->status, ==, 201);
  }

  g_assert_cmpint (g_stat (path, &before), ==, 0);
  first_by = sql_text (f, "SELECT uploaded_by FROM media WHERE sha256 = ?", digest);

  /* Again, by another role: 200, the file and its record untouched. */
  {
    g_autoptr(Response) response = put (f, digest, other, "image/png", payload);

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_null (soup_message_headers_get_one (response->headers, "Location"));
    g_assert_cmpstr (json_object_get_string_member (object_of (response), "sha256"), ==, digest);
  }

  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
  g_assert_cmpuint (count_tmp_files (f), ==, 0);

  after_by = sql_text (f, "SELECT uploaded_by FROM media WHERE sha256 = ?", digest);
  g_assert_cmpstr (after_by, ==, first_by);
  count = sql_text (f, "SELECT count(*) FROM media WHERE sha256 = ?", digest);
  g_assert_cmpstr (count, ==, "1");

  /* A wrong body under an existing name is still refused. */
  {
    g_autoptr(GBytes) wrong = make_payload (100 * 1024, 9);
    g_autoptr(Response) response = put (f, digest, token, "image/png", wrong);

    assert_error (response, 400, "digest_mismatch");
  }
}

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *pimpinan = login (f, "pimpinan");
  g_autofree char *trc = login (f, "trc");
  g_autoptr(GBytes) payload = make_payload (1024, 10);
  g_autofree char *digest = digest_of (payload);
  g_autofree char *path = object_path (f, digest);

  {
    g_autoptr(Response) response = put (f, digest, pimpinan, "image/jpeg", payload);

    assert_error (response, 403, "forbidden");
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Not signed in, or with a token that is not one: 401 for every method. */
  {
    g_autoptr(Response) response = put (f, digest, NULL, "image/jpeg", payload);

    assert_error (response, 401, "unauthorized");
  }

  {
    g_autoptr(Response) response = put (f, digest, "not-a-token", "image/jpeg", payload);

    assert_error (response, 401, "unauthorized");
  }

  {
    g_autoptr(Response) response = put (f, digest, trc, "image/jpeg", payload);

    g_assert_cmpuint (response->status, ==, 201);
  }

  {
    g_autoptr(Response) response = get (f, digest, NULL);

    assert_error (response, 401, "unauthorized");
  }

  {
    g_autoptr(Response) response = send_full (f, "HEAD", digest, NULL, NULL, NULL, FALSE, NULL);

    g_assert_cmpuint (response->status, ==, 401);
  }
}

static void
test_unknown (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *token = login (f, "dinkes");
  g_autoptr(GBytes) payload = make_payload (1024, 11);
  g_autofree char *digest = digest_of (payload);

  {
    g_autoptr(Response) response = get (f, digest, token);

    assert_error (response, 404, "not_found");
  }

  {
    g_autoptr(Response) response = send_full (f, "HEAD", digest, token, NULL, NULL, FALSE, NULL);

    g_assert_cmpuint (response->status, ==, 404);
  }

  {
    g_autoptr(Response) response = get (f, "..%2F..%2Fserver.db", token);

    assert_error (response, 404, "not_found");
  }

  {
    g_autoptr(Response) response = get (f, "tmp", token);

    assert_error (response, 404, "not_found");
  }

  /* Another method on a media resource. */
  {
    g_autoptr(Response) response = send_full (f, "DELETE", digest, token, NULL, NULL, FALSE,
                                              NULL);

    g_assert_cmpuint (response->status, ==, 405);
  }
}

static void
test_digest_check (void)
{
  g_assert_true (sigap_server_media_digest_is_valid (
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  g_assert_false (sigap_server_media_digest_is_valid (
    "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
  g_assert_false (sigap_server_media_digest_is_valid (
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85"));
  g_assert_false (sigap_server_media_digest_is_valid (
    "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  g_assert_false (sigap_server_media_digest_is_valid (""));
  g_assert_false (sigap_server_media_digest_is_valid (NULL));
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
  int status;

  g_test_init (&argc, &argv, NULL);

  seed_template ();

  g_test_add_func ("/server-media/digest-check", test_digest_check);
  ADD ("/server-media/round-trip", test_round_trip);
  ADD ("/server-media/digest-mismatch", test_digest_mismatch);
  ADD ("/server-media/too-large", test_too_large);
  ADD ("/server-media/idempotent", test_idempotent);
  ADD ("/server-media/roles", test_roles);
  ADD ("/server-media/unknown", test_unknown);

  status = g_test_run ();

  sigap_test_rm_rf (template_dir);
  g_free (template_dir);
  g_free (template_path);

  return status;
}
