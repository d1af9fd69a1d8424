/* sigap-server-fuzz-entry.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-server"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sigap-complaint.h"
#include "sigap-demo.h"
#include "sigap-http-server.h"
#include "sigap-opd.h"
#include "sigap-post.h"
#include "sigap-server-fuzz-entry.h"
#include "sigap-server-sqlite-store.h"

/*
 * A request goes in as bytes on a GSimpleIOStream (a memory input and a
 * memory output stream, both pollable), which SoupServer reads as it would
 * a socket: libsoup parses the request line and headers, the early handler
 * checks the size, the router and the handlers answer. The main context is
 * iterated until the request is finished or nothing is left to do.
 */

/* The users the fuzz target may sign in as: their tokens are made once. */
static const char * const fuzz_users[] = { "verifikator", "dinkes", "trc", "pimpinan", NULL };

struct _SigapServerFuzz
{
  SigapServerStore *store;
  SigapHttpServer *server;
  GHashTable *tokens;        /* username → bearer token */
  GHashTable *placeholders;  /* "@OPD@" → an ID */
  guint finished;
  guint status;
};

static void
request_done_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  SigapServerFuzz *self = user_data;

  self->finished++;
  self->status = soup_server_message_get_status (msg);
}

/* Keeps a request line and a header value on one line. */
static char *
one_line (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\r' || *p == '\n')
      *p = ' ';

  return copy;
}

/**
 * sigap_server_fuzz_request:
 * @self: a #SigapServerFuzz
 * @method: the request method
 * @path: the request target, such as "/api/v1/sync/pull?since=0"
 * @content_type: (nullable): the Content-Type header, or %NULL for none
 * @username: (nullable): one of the demo users to send a bearer token
 *   for ("verifikator", "dinkes", "trc", "pimpinan"), or %NULL
 * @body: (array length=length): the request body
 * @length: its length in bytes
 * @response_body: (out) (optional) (transfer full): the response body
 *
 * Sends one request through the server's real request handling. Line
 * breaks in @method, @path and @content_type become spaces.
 *
 * Returns: the response status, or 0 if the server answered nothing
 */
guint
sigap_server_fuzz_request (SigapServerFuzz  *self,
                           const char       *method,
                           const char       *path,
                           const char       *content_type,
                           const char       *username,
                           const guint8     *body,
                           gsize             length,
                           char            **response_body)
{
  g_autoptr(GString) request = g_string_new (NULL);
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *method_line = one_line (method);
  g_autofree char *path_line = one_line (path);
  GMainContext *context = g_main_context_default ();
  const char *token = username != NULL ? g_hash_table_lookup (self->tokens, username) : NULL;
  gsize request_length;
  guint finished = self->finished;

  g_string_append_printf (request, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Connection: close\r\n", method_line, path_line);
  if (content_type != NULL)
    {
      g_autofree char *type_line = one_line (content_type);

      g_string_append_printf (request, "Content-Type: %s\r\n", type_line);
    }
  if (token != NULL)
    g_string_append_printf (request, "Authorization: Bearer %s\r\n", token);
  g_string_append_printf (request, "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", length);
  g_string_append_len (request, (const char *) body, (gssize) length);

  request_length = request->len;
  input = g_memory_input_stream_new_from_data (g_string_free (g_steal_pointer (&request), FALSE),
                                               (gssize) request_length, g_free);
  output = g_memory_output_stream_new_resizable ();
  stream = g_simple_io_stream_new (input, output);

  self->status = 0;
  if (!sigap_http_server_accept_iostream (self->server, stream, &error))
    g_error ("Cannot hand a stream to the server: %s", error->message);

  /* Everything is in memory: nothing pending means nothing will come. */
  while (self->finished == finished && g_main_context_iteration (context, FALSE))
    ;
  /* Let the connection close. */
  while (g_main_context_iteration (context, FALSE))
    ;

  if (response_body != NULL)
    {
      const char *data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output));
      gsize size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output));
      const char *end = data != NULL ? g_strstr_len (data, (gssize) size, "\r\n\r\n") : NULL;

      *response_body = end != NULL ? g_strndup (end + 4, size - (gsize) (end + 4 - data))
                                   : NULL;
    }

  return self->finished != finished ? self->status : 0;
}

static char *
login (SigapServerFuzz *self,
       const char      *username)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, SIGAP_DEMO_PASSWORD);
  g_autofree char *answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  guint status;

  status = sigap_server_fuzz_request (self, "POST", "/api/v1/auth/login", "application/json",
                                      NULL, (const guint8 *) body, strlen (body), &answer);
  if (status != SOUP_STATUS_OK || answer == NULL ||
      !json_parser_load_from_data (parser, answer, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (root),
                                                               "token", NULL));
}

/**
 * sigap_server_fuzz_new:
 * @db_path: a file for the store, which must not exist yet
 * @error: return location for a #GError
 *
 * Seeds a small demo regency (seed 2025) into @db_path and signs in as
 * each demo user once.
 *
 * Returns: (transfer full) (nullable): the fuzzing server
 */
SigapServerFuzz *
sigap_server_fuzz_new (const char  *db_path,
                       GError     **error)
{
  g_autoptr(SigapServerFuzz) self = g_new0 (SigapServerFuzz, 1);
  g_autoptr(SigapOpd) dinkes = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  SigapDemoOptions options = { .seed = 2025, .complaints = 40, .posts = 40, .now = 1767225600 };
  SigapStore *core;

  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->placeholders = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  self->store = sigap_server_sqlite_store_new (db_path, error);
  if (self->store == NULL)
    return NULL;

  /* The core's demo generator writes through the core's store. */
  core = sigap_server_sqlite_store_get_store (SIGAP_SERVER_SQLITE_STORE (self->store));
  if (!sigap_demo_seed (core, &options, error))
    return NULL;

  self->server = sigap_http_server_new (self->store);
  /* The first request sets the SoupServer up. */
  sigap_server_fuzz_request (self, "GET", "/", NULL, NULL, NULL, 0, NULL);
  g_signal_connect (sigap_http_server_get_soup_server (self->server), "request-finished",
                    G_CALLBACK (request_done_cb), self);
  g_signal_connect (sigap_http_server_get_soup_server (self->server), "request-aborted",
                    G_CALLBACK (request_done_cb), self);

  for (guint i = 0; fuzz_users[i] != NULL; i++)
    {
      char *token = login (self, fuzz_users[i]);

      if (token == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot sign in as %s",
                       fuzz_users[i]);
          return NULL;
        }
      g_hash_table_insert (self->tokens, (gpointer) fuzz_users[i], token);
    }

  dinkes = SIGAP_OPD (sigap_server_store_find_record (self->store, SIGAP_SERVER_ENTITY_OPD,
                                                      "dinkes", error));
  if (dinkes == NULL)
    return NULL;
  g_hash_table_insert (self->placeholders, (gpointer) "@OPD@",
                       g_strdup (sigap_opd_get_id (dinkes)));

  complaints = sigap_server_store_list_records (self->store, SIGAP_SERVER_ENTITY_COMPLAINT,
                                                sigap_opd_get_id (dinkes), error);
  if (complaints == NULL)
    return NULL;
  if (complaints->len > 0)
    g_hash_table_insert (self->placeholders, (gpointer) "@COMPLAINT@",
                         g_strdup (sigap_complaint_get_id (g_ptr_array_index (complaints, 0))));

  posts = sigap_server_store_list_records (self->store, SIGAP_SERVER_ENTITY_POST,
                                           sigap_opd_get_id (dinkes), error);
  if (posts == NULL)
    return NULL;
  if (posts->len > 0)
    g_hash_table_insert (self->placeholders, (gpointer) "@POST@",
                         g_strdup (sigap_post_get_id (g_ptr_array_index (posts, 0))));

  return g_steal_pointer (&self);
}

/**
 * sigap_server_fuzz_lookup:
 * @self: a #SigapServerFuzz
 * @placeholder: "@OPD@" (Dinas Kesehatan), "@COMPLAINT@" or "@POST@" (one
 *   of its complaints and posts)
 *
 * Returns: (nullable): the ID of a seeded record, for the fuzz target to
 *   put into requests
 */
const char *
sigap_server_fuzz_lookup (SigapServerFuzz *self,
                          const char      *placeholder)
{
  return g_hash_table_lookup (self->placeholders, placeholder);
}

/**
 * sigap_server_fuzz_free:
 * @self: (transfer full): a #SigapServerFuzz
 */
void
sigap_server_fuzz_free (SigapServerFuzz *self)
{
  if (self == NULL)
    return;

  if (self->server != NULL)
    sigap_http_server_disconnect (self->server);
  g_clear_object (&self->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&self->store);
  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_clear_pointer (&self->placeholders, g_hash_table_unref);
  g_free (self);
}
