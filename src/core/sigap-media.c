/* sigap-media.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-media"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sigap-enums.h"
#include "sigap-json.h"
#include "sigap-media.h"

/*
 * A photo or video of a post, as the composer probed it: what the platform
 * rules check (type, size, dimensions, duration) and what finds it again
 * (its path on this computer, its SHA-256 on the server). A post's list is
 * stored as JSON in its "media" column and synced to every desktop of the
 * OPD, so sigap_media_list_from_json() takes nothing on trust.
 *
 * This file needs neither GStreamer nor gdk-pixbuf: the server links the
 * core. Probing and thumbnails are in media/sigap-media-probe.c.
 */

/* Bounds of what a list may hold; far above any platform's. */
#define MAX_ITEMS 1000
#define MAX_PATH_BYTES 4096
#define MAX_NAME_BYTES 1024
#define MAX_MIME_BYTES 255
#define MAX_DIMENSION 1000000
#define MAX_DURATION 1e7

struct _SigapMediaItem
{
  gatomicrefcount ref_count;
  char           *path;
  char           *display_name;
  char           *mime_type;
  SigapMediaKind  kind;
  guint64         bytes;
  int             width;
  int             height;
  double          duration;
  char           *sha256;
};

G_DEFINE_QUARK (sigap-media-error-quark, sigap_media_error)

G_DEFINE_BOXED_TYPE (SigapMediaItem, sigap_media_item, sigap_media_item_ref,
                     sigap_media_item_unref)

static gboolean
is_sha256 (const char *text)
{
  gsize i;

  for (i = 0; text[i] != '\0'; i++)
    {
      if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
        return FALSE;
    }

  return i == 64;
}

/* "type/subtype", printable ASCII without spaces, starting with @prefix. */
static gboolean
is_mime_type (const char *text,
              const char *prefix)
{
  gsize length = strlen (text);

  if (length > MAX_MIME_BYTES || !g_str_has_prefix (text, prefix) || length == strlen (prefix))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isgraph (text[i]))
        return FALSE;
    }

  return strchr (text + strlen (prefix), '/') == NULL;
}

static const char *
kind_prefix (SigapMediaKind kind)
{
  return kind == SIGAP_MEDIA_KIND_VIDEO ? "video/" : "image/";
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* A non-empty string member of at most @max_bytes, or NULL. */
static const char *
get_text (JsonObject *object,
          const char *member,
          gsize       max_bytes)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  if (!node_is (node, G_TYPE_STRING))
    return NULL;

  text = json_node_get_string (node);
  if (text[0] == '\0' || strlen (text) > max_bytes)
    return NULL;

  return text;
}

/* A missing member is 0; anything but a whole number from 0 to @max is
 * not valid. */
static gboolean
get_count (JsonObject *object,
           const char *member,
           gint64      max,
           gint64     *count)
{
  JsonNode *node = json_object_get_member (object, member);

  *count = 0;
  if (node == NULL)
    return TRUE;
  if (!node_is (node, G_TYPE_INT64))
    return FALSE;

  *count = json_node_get_int (node);
  return *count >= 0 && *count <= max;
}

static gboolean
get_seconds (JsonObject *object,
             const char *member,
             double     *seconds)
{
  JsonNode *node = json_object_get_member (object, member);

  *seconds = 0;
  if (node == NULL)
    return TRUE;
  if (node_is (node, G_TYPE_INT64))
    *seconds = (double) json_node_get_int (node);
  else if (node_is (node, G_TYPE_DOUBLE))
    *seconds = json_node_get_double (node);
  else
    return FALSE;

  return isfinite (*seconds) && *seconds >= 0 && *seconds <= MAX_DURATION;
}

static gboolean
invalid_item (GError     **error,
              guint        index,
              const char  *member)
{
  g_set_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_INVALID,
               /* Translators: the second %s is the name of a JSON member, "bytes" */
               _("The post’s photos and videos cannot be read: item %u is not valid (%s)."),
               index + 1, member);
  return FALSE;
}

static SigapMediaItem *
item_from_json (JsonNode  *node,
                guint      index,
                GError   **error)
{
  g_autoptr(SigapMediaItem) item = NULL;
  g_autofree char *uri_path = NULL;
  JsonObject *object;
  JsonNode *sha256;
  GEnumClass *kinds;
  GEnumValue *kind;
  const char *path;
  const char *uri;
  const char *name;
  const char *mime_type;
  const char *kind_nick;
  gint64 bytes;
  gint64 width;
  gint64 height;
  double duration;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid_item (error, index, "{}");
      return NULL;
    }
  object = json_node_get_object (node);

  /* The path, or for a file name that is not UTF-8, its file:// URI. */
  path = get_text (object, "path", MAX_PATH_BYTES);
  uri = get_text (object, "uri", MAX_PATH_BYTES);
  if (uri != NULL && json_object_has_member (object, "path"))
    {
      invalid_item (error, index, "uri");
      return NULL;
    }
  if (uri != NULL)
    {
      uri_path = g_filename_from_uri (uri, NULL, NULL);
      if (uri_path == NULL)
        {
          invalid_item (error, index, "uri");
          return NULL;
        }
      path = uri_path;
    }
  if (path == NULL)
    {
      invalid_item (error, index, "path");
      return NULL;
    }

  kind_nick = get_text (object, "kind", 16);
  kinds = g_type_class_ref (SIGAP_TYPE_MEDIA_KIND);
  kind = kind_nick != NULL ? g_enum_get_value_by_nick (kinds, kind_nick) : NULL;
  g_type_class_unref (kinds);
  if (kind == NULL)
    {
      invalid_item (error, index, "kind");
      return NULL;
    }

  mime_type = get_text (object, "mime_type", MAX_MIME_BYTES);
  if (mime_type == NULL || !is_mime_type (mime_type, kind_prefix (kind->value)))
    {
      invalid_item (error, index, "mime_type");
      return NULL;
    }

  name = get_text (object, "display_name", MAX_NAME_BYTES);
  if (name == NULL && json_object_has_member (object, "display_name"))
    {
      invalid_item (error, index, "display_name");
      return NULL;
    }

  if (!get_count (object, "bytes", G_MAXINT64, &bytes))
    {
      invalid_item (error, index, "bytes");
      return NULL;
    }
  if (!get_count (object, "width", MAX_DIMENSION, &width))
    {
      invalid_item (error, index, "width");
      return NULL;
    }
  if (!get_count (object, "height", MAX_DIMENSION, &height))
    {
      invalid_item (error, index, "height");
      return NULL;
    }
  if (!get_seconds (object, "duration", &duration)
      || (kind->value == SIGAP_MEDIA_KIND_IMAGE && duration != 0))
    {
      invalid_item (error, index, "duration");
      return NULL;
    }

  sha256 = json_object_get_member (object, "sha256");
  if (sha256 != NULL && !JSON_NODE_HOLDS_NULL (sha256)
      && !(node_is (sha256, G_TYPE_STRING) && is_sha256 (json_node_get_string (sha256))))
    {
      invalid_item (error, index, "sha256");
      return NULL;
    }

  item = sigap_media_item_new (path, kind->value);
  if (name != NULL)
    sigap_media_item_set_display_name (item, name);
  sigap_media_item_set_mime_type (item, mime_type);
  sigap_media_item_set_bytes (item, (guint64) bytes);
  sigap_media_item_set_width (item, (int) width);
  sigap_media_item_set_height (item, (int) height);
  sigap_media_item_set_duration (item, duration);
  if (sha256 != NULL && !JSON_NODE_HOLDS_NULL (sha256))
    sigap_media_item_set_sha256 (item, json_node_get_string (sha256));

  return g_steal_pointer (&item);
}

/**
 * sigap_media_item_new:
 * @path: the file's path on this computer
 * @kind: whether the file is an image or a video
 *
 * Creates an item with no type, size or dimensions yet; its display name
 * is @path's base name.
 *
 * Returns: (transfer full): a new #SigapMediaItem
 */
SigapMediaItem *
sigap_media_item_new (const char     *path,
                      SigapMediaKind  kind)
{
  SigapMediaItem *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (SigapMediaItem, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_basename (path);
  self->kind = kind;

  return self;
}

/**
 * sigap_media_item_copy:
 * @self: a #SigapMediaItem
 *
 * Returns: (transfer full): a new item with the values of @self
 */
SigapMediaItem *
sigap_media_item_copy (SigapMediaItem *self)
{
  SigapMediaItem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = sigap_media_item_new (self->path, self->kind);
  sigap_media_item_set_display_name (copy, self->display_name);
  copy->mime_type = g_strdup (self->mime_type);
  copy->bytes = self->bytes;
  copy->width = self->width;
  copy->height = self->height;
  copy->duration = self->duration;
  copy->sha256 = g_strdup (self->sha256);

  return copy;
}

/**
 * sigap_media_item_ref:
 * @self: a #SigapMediaItem
 *
 * Returns: (transfer full): @self, with one more reference
 */
SigapMediaItem *
sigap_media_item_ref (SigapMediaItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * sigap_media_item_unref:
 * @self: (transfer full): a #SigapMediaItem
 *
 * Drops a reference, freeing @self with the last one.
 */
void
sigap_media_item_unref (SigapMediaItem *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->path);
  g_free (self->display_name);
  g_free (self->mime_type);
  g_free (self->sha256);
  g_free (self);
}

/**
 * sigap_media_item_get_path:
 * @self: a #SigapMediaItem
 *
 * Returns: the file's path on this computer, in the file system's encoding
 */
const char *
sigap_media_item_get_path (SigapMediaItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

/**
 * sigap_media_item_set_path:
 * @self: a #SigapMediaItem
 * @path: the file's path
 *
 * Sets the file's path; the display name stays as it was.
 */
void
sigap_media_item_set_path (SigapMediaItem *self,
                           const char     *path)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (path != NULL);

  if (g_strcmp0 (self->path, path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
}

/**
 * sigap_media_item_get_display_name:
 * @self: a #SigapMediaItem
 *
 * Returns: the name to show for the file, in UTF-8
 */
const char *
sigap_media_item_get_display_name (SigapMediaItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

/**
 * sigap_media_item_set_display_name:
 * @self: a #SigapMediaItem
 * @display_name: (nullable): the name to show, in UTF-8, or %NULL for the
 *   path's base name
 *
 * Sets the name the messages about the file give.
 */
void
sigap_media_item_set_display_name (SigapMediaItem *self,
                                   const char     *display_name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (display_name == NULL || g_utf8_validate (display_name, -1, NULL));

  g_free (self->display_name);
  if (display_name != NULL)
    self->display_name = g_strdup (display_name);
  else
    self->display_name = g_filename_display_basename (self->path);
}

/**
 * sigap_media_item_get_mime_type:
 * @self: a #SigapMediaItem
 *
 * Returns: (nullable): the file's MIME type ("image/jpeg", "video/mp4"),
 *   or %NULL when it is not known
 */
const char *
sigap_media_item_get_mime_type (SigapMediaItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->mime_type;
}

/**
 * sigap_media_item_set_mime_type:
 * @self: a #SigapMediaItem
 * @mime_type: (nullable): the file's MIME type
 *
 * Sets the file's MIME type.
 */
void
sigap_media_item_set_mime_type (SigapMediaItem *self,
                                const char     *mime_type)
{
  g_return_if_fail (self != NULL);

  if (g_strcmp0 (self->mime_type, mime_type) == 0)
    return;

  g_free (self->mime_type);
  self->mime_type = g_strdup (mime_type);
}

/**
 * sigap_media_item_get_kind:
 * @self: a #SigapMediaItem
 *
 * Returns: whether the file is an image or a video
 */
SigapMediaKind
sigap_media_item_get_kind (SigapMediaItem *self)
{
  g_return_val_if_fail (self != NULL, SIGAP_MEDIA_KIND_IMAGE);

  return self->kind;
}

/**
 * sigap_media_item_set_kind:
 * @self: a #SigapMediaItem
 * @kind: whether the file is an image or a video
 *
 * Sets the file's kind.
 */
void
sigap_media_item_set_kind (SigapMediaItem *self,
                           SigapMediaKind  kind)
{
  g_return_if_fail (self != NULL);

  self->kind = kind;
}

/**
 * sigap_media_item_get_bytes:
 * @self: a #SigapMediaItem
 *
 * Returns: the file's size in bytes
 */
guint64
sigap_media_item_get_bytes (SigapMediaItem *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->bytes;
}

/**
 * sigap_media_item_set_bytes:
 * @self: a #SigapMediaItem
 * @bytes: the file's size in bytes
 *
 * Sets the file's size.
 */
void
sigap_media_item_set_bytes (SigapMediaItem *self,
                            guint64         bytes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (bytes <= G_MAXINT64);

  self->bytes = bytes;
}

/**
 * sigap_media_item_get_width:
 * @self: a #SigapMediaItem
 *
 * Returns: the width the picture is shown at, in pixels (after an image's
 *   EXIF orientation or a video's rotation); 0 when it is not known
 */
int
sigap_media_item_get_width (SigapMediaItem *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->width;
}

/**
 * sigap_media_item_set_width:
 * @self: a #SigapMediaItem
 * @width: the width the picture is shown at, in pixels
 *
 * Sets the picture's width.
 */
void
sigap_media_item_set_width (SigapMediaItem *self,
                            int             width)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (width >= 0);

  self->width = width;
}

/**
 * sigap_media_item_get_height:
 * @self: a #SigapMediaItem
 *
 * Returns: the height the picture is shown at, in pixels; 0 when it is
 *   not known
 */
int
sigap_media_item_get_height (SigapMediaItem *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->height;
}

/**
 * sigap_media_item_set_height:
 * @self: a #SigapMediaItem
 * @height: the height the picture is shown at, in pixels
 *
 * Sets the picture's height.
 */
void
sigap_media_item_set_height (SigapMediaItem *self,
                             int             height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (height >= 0);

  self->height = height;
}

/**
 * sigap_media_item_get_duration:
 * @self: a #SigapMediaItem
 *
 * Returns: a video's duration in seconds; 0 for an image, or when it is
 *   not known
 */
double
sigap_media_item_get_duration (SigapMediaItem *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->duration;
}

/**
 * sigap_media_item_set_duration:
 * @self: a #SigapMediaItem
 * @duration: a video's duration in seconds
 *
 * Sets the video's duration.
 */
void
sigap_media_item_set_duration (SigapMediaItem *self,
                               double          duration)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (duration) && duration >= 0);

  self->duration = duration;
}

/**
 * sigap_media_item_get_sha256:
 * @self: a #SigapMediaItem
 *
 * Returns: (nullable): the SHA-256 of the file's bytes in lowercase
 *   hexadecimal, its name on the server; %NULL when it is not known
 */
const char *
sigap_media_item_get_sha256 (SigapMediaItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sha256;
}

/**
 * sigap_media_item_set_sha256:
 * @self: a #SigapMediaItem
 * @sha256: (nullable): 64 lowercase hexadecimal digits, or %NULL
 *
 * Sets the SHA-256 of the file's bytes.
 */
void
sigap_media_item_set_sha256 (SigapMediaItem *self,
                             const char     *sha256)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (sha256 == NULL || is_sha256 (sha256));

  if (g_strcmp0 (self->sha256, sha256) == 0)
    return;

  g_free (self->sha256);
  self->sha256 = g_strdup (sha256);
}

/**
 * sigap_media_item_get_aspect_ratio:
 * @self: a #SigapMediaItem
 *
 * Returns: the picture's width divided by its height, as the platforms
 *   give their limits (1.91 for 1.91:1, 0.8 for 4:5); 0 when the
 *   dimensions are not known
 */
double
sigap_media_item_get_aspect_ratio (SigapMediaItem *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->width <= 0 || self->height <= 0)
    return 0;

  return (double) self->width / (double) self->height;
}

/**
 * sigap_media_list_to_json:
 * @items: (element-type SigapMediaItem): a post's photos and videos
 *
 * Writes @items as a JSON array of objects, the form a post's "media"
 * column holds: `path` (or, for a file name that is not UTF-8, `uri`),
 * `display_name`, `mime_type`, `kind` ("image" or "video"), `bytes`,
 * `width`, `height`, `duration` (seconds) and `sha256` (or null).
 *
 * Returns: (transfer full): the JSON text
 */
char *
sigap_media_list_to_json (GPtrArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GEnumClass) kinds = NULL;

  g_return_val_if_fail (items != NULL, NULL);

  kinds = g_type_class_ref (SIGAP_TYPE_MEDIA_KIND);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      SigapMediaItem *item = g_ptr_array_index (items, i);
      GEnumValue *kind = g_enum_get_value (kinds, item->kind);

      json_builder_begin_object (builder);
      if (g_utf8_validate (item->path, -1, NULL))
        {
          json_builder_set_member_name (builder, "path");
          json_builder_add_string_value (builder, item->path);
        }
      else
        {
          g_autofree char *absolute = g_canonicalize_filename (item->path, NULL);
          g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

          json_builder_set_member_name (builder, "uri");
          json_builder_add_string_value (builder, uri);
        }
      json_builder_set_member_name (builder, "display_name");
      json_builder_add_string_value (builder, item->display_name);
      json_builder_set_member_name (builder, "mime_type");
      if (item->mime_type != NULL)
        json_builder_add_string_value (builder, item->mime_type);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind != NULL ? kind->value_nick : NULL);
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder, (gint64) item->bytes);
      json_builder_set_member_name (builder, "width");
      json_builder_add_int_value (builder, item->width);
      json_builder_set_member_name (builder, "height");
      json_builder_add_int_value (builder, item->height);
      json_builder_set_member_name (builder, "duration");
      json_builder_add_double_value (builder, item->duration);
      json_builder_set_member_name (builder, "sha256");
      if (item->sha256 != NULL)
        json_builder_add_string_value (builder, item->sha256);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/**
 * sigap_media_list_from_json:
 * @json: a post's "media" column, as sigap_media_list_to_json() wrote it
 * @error: return location for a #GError
 *
 * Reads a post's photos and videos back. The text may come from another
 * desktop through the server, so anything but the shape Sigap writes is
 * refused: a member of the wrong type, a negative size or dimension, an
 * item without a path, a kind other than "image" or "video", a MIME type
 * that does not match its kind, a SHA-256 that is not 64 lowercase hex
 * digits. Members Sigap does not know are ignored.
 *
 * Returns: (transfer full) (element-type SigapMediaItem) (nullable): the
 *   items, or %NULL with %SIGAP_MEDIA_ERROR_INVALID
 */
GPtrArray *
sigap_media_list_from_json (const char  *json,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(SigapJsonDoc) doc = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonArray *array;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* json-glib parses recursively and takes a NUL as the end: its strict
   * reader, that refuses deep nesting, reads it first. */
  doc = sigap_json_doc_parse (json, strlen (json), &local_error);
  if (doc == NULL || !json_parser_load_from_data (parser, json, -1, &local_error))
    {
      g_set_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_INVALID,
                   _("The post’s photos and videos cannot be read: %s"),
                   local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root)
      || json_array_get_length (json_node_get_array (root)) > MAX_ITEMS)
    {
      g_set_error_literal (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_INVALID,
                           _("The post’s photos and videos cannot be read: "
                             "they are not a list."));
      return NULL;
    }

  array = json_node_get_array (root);
  items = g_ptr_array_new_full (json_array_get_length (array),
                                (GDestroyNotify) sigap_media_item_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      SigapMediaItem *item = item_from_json (json_array_get_element (array, i), i, error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}
