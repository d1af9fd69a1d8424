/* sigap-server-media.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-server"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sigap-server-media.h"

/*
 * Media objects (photos and videos of posts) are content-addressed: an
 * object's name is the SHA-256 of its bytes, so an upload is idempotent
 * and a download can be cached for ever.
 *
 * They live in the store's media folder (next to the database for the
 * SQLite store), "<dir>/ab/cdef…" (the first two hex digits, then the
 * other 62), and the store's media metadata records who uploaded what.
 * An upload is not held in memory: once the headers are read,
 * sigap_server_media_begin_upload() refuses what is too large or of the
 * wrong type, and then every chunk goes to a temporary file in
 * "<dir>/tmp" and into a running digest. When the body has arrived,
 * sigap_server_media_put() compares the digest with the name and renames
 * the file into place, which is atomic.
 */

#define UPLOAD_KEY  "sigap-media-upload"
#define DIGEST_LEN  64

static const char * const image_types[] = { "image/jpeg", "image/png", "image/webp", NULL };
static const char * const video_types[] = { "video/mp4", "video/quicktime", NULL };

/* One upload being read. */
typedef struct
{
  GChecksum *checksum;
  char *content_type;
  char *tmp_path;           /* NULL when the object exists already */
  int fd;
  goffset size;
  goffset limit;
} Upload;

static void
upload_close (Upload *upload)
{
  if (upload->fd >= 0)
    {
      g_close (upload->fd, NULL);
      upload->fd = -1;
    }
}

static void
upload_discard (Upload *upload)
{
  upload_close (upload);
  if (upload->tmp_path != NULL)
    g_unlink (upload->tmp_path);
  g_clear_pointer (&upload->tmp_path, g_free);
}

static void
upload_free (gpointer data)
{
  Upload *upload = data;

  /* A message that ends before its body (the client went away, or an
   * answer was sent early) leaves no file behind. */
  upload_discard (upload);
  g_checksum_free (upload->checksum);
  g_free (upload->content_type);
  g_free (upload);
}

/* Helpers {{{ */

static void
send_error (SoupServerMessage *msg,
            guint              status,
            const char        *code,
            const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  char *data;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, data, length);
}

static void
send_too_large (SoupServerMessage *msg,
                goffset            limit)
{
  g_autofree char *message =
    g_strdup_printf ("The file is larger than %" G_GOFFSET_FORMAT " MiB, the limit for its kind.",
                     limit / (1024 * 1024));

  /* The rest of the body is not read: the connection cannot carry
   * another request. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");
  send_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large", message);
}

static void
send_internal_error (SoupServerMessage *msg)
{
  send_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal_error",
              "The server could not store or read the file. Try again later.");
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The limit for @content_type, or 0 if it is not a type the server keeps. */
static goffset
limit_for_type (const char *content_type)
{
  if (content_type == NULL)
    return 0;
  if (g_strv_contains (image_types, content_type))
    return SIGAP_SERVER_MEDIA_MAX_IMAGE;
  if (g_strv_contains (video_types, content_type))
    return SIGAP_SERVER_MEDIA_MAX_VIDEO;
  return 0;
}

static char *
object_path (const char *dir,
             const char *digest)
{
  char prefix[3] = { digest[0], digest[1], '\0' };

  return g_build_filename (dir, prefix, digest + 2, NULL);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      length -= (gsize) written;
    }

  return TRUE;
}

/* Whether @etag_list (an If-None-Match value) names @digest. */
static gboolean
etag_matches (const char *etag_list,
              const char *digest)
{
  g_auto(GStrv) tags = NULL;

  if (etag_list == NULL)
    return FALSE;

  tags = g_strsplit (etag_list, ",", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *tag = g_strstrip (tags[i]);
      gsize length;

      if (strcmp (tag, "*") == 0)
        return TRUE;
      if (g_str_has_prefix (tag, "W/"))
        tag += 2;
      length = strlen (tag);
      if (length == DIGEST_LEN + 2 && tag[0] == '"' && tag[length - 1] == '"' &&
          strncmp (tag + 1, digest, DIGEST_LEN) == 0)
        return TRUE;
    }

  return FALSE;
}

/* }}} */

/* Callbacks {{{ */

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  Upload *upload = g_object_get_data (G_OBJECT (msg), UPLOAD_KEY);
  const guint8 *data;
  gsize length;

  /* Once an answer is set, the rest of the body is only drained. */
  if (upload == NULL || soup_server_message_get_status (msg) != 0)
    return;

  data = g_bytes_get_data (chunk, &length);
  upload->size += length;

  if (upload->size > upload->limit)
    {
      upload_discard (upload);
      send_too_large (msg, upload->limit);
      return;
    }

  g_checksum_update (upload->checksum, data, length);

  if (upload->fd >= 0 && !write_all (upload->fd, data, length))
    {
      int saved_errno = errno;

      g_warning ("Cannot write an uploaded file: %s", g_strerror (saved_errno));
      upload_discard (upload);
      send_internal_error (msg);
    }
}

/* }}} */

/**
 * sigap_server_media_digest_is_valid:
 * @digest: (nullable): a name from a request
 *
 * Returns: whether @digest is a SHA-256 in 64 lowercase hex digits
 */
gboolean
sigap_server_media_digest_is_valid (const char *digest)
{
  if (digest == NULL || strlen (digest) != DIGEST_LEN)
    return FALSE;

  for (guint i = 0; i < DIGEST_LEN; i++)
    if (!g_ascii_isdigit (digest[i]) && !(digest[i] >= 'a' && digest[i] <= 'f'))
      return FALSE;

  return TRUE;
}

/**
 * sigap_server_media_begin_upload:
 * @store: the server's store
 * @msg: a PUT to /api/v1/media/{sha256} whose headers are read
 * @user: the signed-in sender
 * @digest: the name in the path, decoded
 *
 * Runs before the body is read: answers at once (403, 400, 415, 413) what
 * cannot be stored, without reading the body; otherwise sets @msg up to
 * stream its body to a temporary file as it arrives.
 */
void
sigap_server_media_begin_upload (SigapServerStore  *store,
                                 SoupServerMessage *msg,
                                 SigapUser         *user,
                                 const char        *digest)
{
  SoupMessageHeaders *headers;
  g_autofree char *dir = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *tmp_dir = NULL;
  const char *content_type;
  Upload *upload;
  goffset limit;

  g_return_if_fail (SIGAP_IS_SERVER_STORE (store));
  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (SIGAP_IS_USER (user));

  headers = soup_server_message_get_request_headers (msg);

  /* None of these answers reads the body: close the connection after. */
  if (sigap_user_get_role (user) == SIGAP_ROLE_PIMPINAN)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      send_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", "Your role may not do this.");
      return;
    }

  if (!sigap_server_media_digest_is_valid (digest))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_digest",
                  "Name the file by the SHA-256 of its bytes in 64 lowercase hex digits.");
      return;
    }

  content_type = soup_message_headers_get_content_type (headers, NULL);
  limit = limit_for_type (content_type);
  if (limit == 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      send_error (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                  "Send a JPEG, PNG or WebP image or an MP4 or QuickTime video, with its "
                  "Content-Type.");
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > limit)
    {
      send_too_large (msg, limit);
      return;
    }

  upload = g_new0 (Upload, 1);
  upload->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  upload->content_type = g_strdup (content_type);
  upload->limit = limit;
  upload->fd = -1;
  g_object_set_data_full (G_OBJECT (msg), UPLOAD_KEY, upload, upload_free);

  dir = sigap_server_store_dup_media_dir (store);
  final_path = object_path (dir, digest);

  /* An object that exists is not written again: the body is only
   * digested, so that a wrong one is still refused. */
  if (!g_file_test (final_path, G_FILE_TEST_EXISTS))
    {
      tmp_dir = g_build_filename (dir, "tmp", NULL);
      upload->tmp_path = g_build_filename (tmp_dir, "upload-XXXXXX", NULL);

      if (g_mkdir_with_parents (tmp_dir, 0700) != 0 ||
          (upload->fd = g_mkstemp_full (upload->tmp_path, O_RDWR | O_CLOEXEC, 0600)) < 0)
        {
          int saved_errno = errno;

          g_warning ("Cannot create a file in the media folder: %s", g_strerror (saved_errno));
          g_clear_pointer (&upload->tmp_path, g_free);
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Connection", "close");
          send_internal_error (msg);
          return;
        }
    }

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
}

/**
 * sigap_server_media_put:
 * @store: the server's store
 * @msg: the PUT, its body read through sigap_server_media_begin_upload()
 * @user: the signed-in sender
 * @digest: the name in the path, decoded
 *
 * Answers 201 with the object's record when it is new, 200 when the
 * server had it already, 400 `digest_mismatch` when the body is not what
 * the name says.
 */
void
sigap_server_media_put (SigapServerStore  *store,
                        SoupServerMessage *msg,
                        SigapUser         *user,
                        const char        *digest)
{
  Upload *upload;
  g_autofree char *dir = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *prefix_dir = NULL;
  g_autofree char *now = NULL;
  g_autoptr(JsonObject) media = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *actual;
  gboolean created = FALSE;
  char *data;
  gsize length;

  g_return_if_fail (SIGAP_IS_SERVER_STORE (store));
  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (SIGAP_IS_USER (user));

  upload = g_object_get_data (G_OBJECT (msg), UPLOAD_KEY);
  if (upload == NULL)
    {
      /* begin_upload() answers every PUT it does not set up. */
      g_warning ("A media upload was not set up before its body");
      send_internal_error (msg);
      return;
    }

  if (upload->size == 0)
    {
      upload_discard (upload);
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "empty_body",
                  "The request body is empty; send the file's bytes.");
      return;
    }

  actual = g_checksum_get_string (upload->checksum);
  if (strcmp (actual, digest) != 0)
    {
      upload_discard (upload);
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "digest_mismatch",
                  "The SHA-256 of the body is not the one in the path: the file was changed "
                  "or cut short. Send it again.");
      return;
    }

  dir = sigap_server_store_dup_media_dir (store);
  final_path = object_path (dir, digest);
  prefix_dir = g_path_get_dirname (final_path);

  if (upload->tmp_path != NULL)
    {
      gboolean synced = fsync (upload->fd) == 0;
      int saved_errno = errno;

      if (!g_close (upload->fd, NULL) || !synced)
        {
          upload->fd = -1;
          g_warning ("Cannot write an uploaded file: %s", g_strerror (saved_errno));
          upload_discard (upload);
          send_internal_error (msg);
          return;
        }
      upload->fd = -1;

      if (g_mkdir_with_parents (prefix_dir, 0700) != 0)
        {
          g_warning ("Cannot create a folder for media: %s", g_strerror (errno));
          upload_discard (upload);
          send_internal_error (msg);
          return;
        }

      /* Another upload of the same object may have finished meanwhile:
       * the bytes are the same, keep the file that is there. */
      if (g_file_test (final_path, G_FILE_TEST_EXISTS))
        upload_discard (upload);
      else if (g_rename (upload->tmp_path, final_path) != 0)
        {
          g_warning ("Cannot move an uploaded file into place: %s", g_strerror (errno));
          upload_discard (upload);
          send_internal_error (msg);
          return;
        }
      else
        {
          g_clear_pointer (&upload->tmp_path, g_free);
          created = TRUE;
        }
    }

  /* The first upload of an object keeps its record. */
  now = now_iso8601 ();
  if (sigap_server_store_add_media (store, digest, upload->size, upload->content_type,
                                    sigap_user_get_id (user), now, &error))
    media = sigap_server_store_get_media (store, digest, &error);
  if (media == NULL)
    {
      g_warning ("Cannot record a media object: %s", error->message);
      send_internal_error (msg);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, digest);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, json_object_get_int_member (media, "size"));
  json_builder_set_member_name (builder, "content_type");
  json_builder_add_string_value (builder,
                                 json_object_get_string_member (media, "content_type"));
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, json_object_get_string_member (media, "created_at"));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  if (created)
    {
      g_autofree char *location = g_strconcat ("/api/v1/media/", digest, NULL);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Location", location);
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_status (msg, created ? SOUP_STATUS_CREATED : SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, data, length);
}

/**
 * sigap_server_media_get:
 * @store: the server's store
 * @msg: a GET or HEAD of /api/v1/media/{sha256}
 * @digest: the name in the path, decoded
 *
 * Answers the object's bytes with its Content-Type and its digest as
 * ETag (304 when If-None-Match names it), or 404.
 */
void
sigap_server_media_get (SigapServerStore  *store,
                        SoupServerMessage *msg,
                        const char        *digest)
{
  SoupMessageHeaders *response_headers;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(JsonObject) media = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *if_none_match;

  g_return_if_fail (SIGAP_IS_SERVER_STORE (store));
  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));

  if (sigap_server_media_digest_is_valid (digest))
    media = sigap_server_store_get_media (store, digest, &error);
  if (media == NULL)
    {
      if (error != NULL &&
          !g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
        g_warning ("%s", error->message);
      send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "No such resource.");
      return;
    }

  response_headers = soup_server_message_get_response_headers (msg);
  etag = g_strdup_printf ("\"%s\"", digest);
  soup_message_headers_replace (response_headers, "ETag", etag);
  /* The bytes behind a name never change. */
  soup_message_headers_replace (response_headers, "Cache-Control",
                                "private, max-age=31536000, immutable");
  soup_message_headers_replace (response_headers, "X-Content-Type-Options", "nosniff");

  if_none_match = soup_message_headers_get_list (soup_server_message_get_request_headers (msg),
                                                 "If-None-Match");
  if (etag_matches (if_none_match, digest))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  dir = sigap_server_store_dup_media_dir (store);
  path = object_path (dir, digest);
  /* Mapped, so that a large video is not copied into memory. */
  mapped = g_mapped_file_new (path, FALSE, &error);
  if (mapped == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Cannot read a media file: %s", error->message);
      soup_message_headers_remove (response_headers, "ETag");
      send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "No such resource.");
      return;
    }

  bytes = g_mapped_file_get_bytes (mapped);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (response_headers,
                                         json_object_get_string_member (media, "content_type"),
                                         NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}
