/* sigap-media-probe.c
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
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <gst/video/video.h>

#include "sigap-media-probe.h"

/*
 * What the composer learns of a photo or video the user adds: its size,
 * type, SHA-256 (its name on the server) and the dimensions and duration
 * the platform rules check. Images are read with gdk-pixbuf, videos with
 * GStreamer's discoverer; a video's thumbnail is one decoded frame. The
 * dimensions are those the picture is shown at: after a JPEG's EXIF
 * orientation, a video's rotation and its pixel aspect ratio, since a
 * phone's portrait video is stored landscape with a rotation.
 *
 * Everything here blocks: the composer calls the _async variants.
 */

#define READ_CHUNK (64 * 1024)
#define SNIFF_BYTES 4096
#define VIDEO_TIMEOUT (10 * GST_SECOND)

/* playbin's GstPlayFlags: only the video, no audio, no subtitles. */
#define PLAY_FLAG_VIDEO (1 << 0)

typedef struct
{
  SigapMediaItem *item;
  int             size;
} ThumbnailData;

static void
thumbnail_data_free (ThumbnailData *data)
{
  g_clear_pointer (&data->item, sigap_media_item_unref);
  g_free (data);
}

static gboolean
ensure_gstreamer (GError **error)
{
  static gsize initialized = 0;
  static char *failure = NULL;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) local_error = NULL;

      if (!gst_init_check (NULL, NULL, &local_error))
        failure = g_strdup (local_error->message);
      g_once_init_leave (&initialized, 1);
    }

  if (failure != NULL)
    {
      g_set_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_UNREADABLE,
                   _("Sigap cannot read videos on this computer: %s"), failure);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_unsupported (GError     **error,
                 const char  *name)
{
  g_set_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_UNSUPPORTED,
               _("“%s” is not an image or a video Sigap can read."), name);
  return FALSE;
}

static gboolean
set_unreadable_video (GError     **error,
                      const char  *name)
{
  g_set_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_UNREADABLE,
               _("“%s” is a video Sigap cannot read: it may be damaged, or in a format "
                 "this computer cannot play."), name);
  return FALSE;
}

/* Cancellation stays a G_IO_ERROR_CANCELLED, which callers do not show. */
static gboolean
set_file_error (GError     **error,
                GError      *io_error,
                const char  *name)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (io_error));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_NOT_FOUND,
                 _("“%s” does not exist: it may have been moved or deleted."), name);
  else
    g_set_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_UNREADABLE,
                 _("“%s” cannot be read: %s"), name, io_error->message);

  return FALSE;
}

static char *
path_to_uri (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);

  return g_filename_to_uri (absolute, NULL, NULL);
}

/* Reads the whole file once: its size, SHA-256 and first bytes. */
static gboolean
read_file (SigapMediaItem  *item,
           GByteArray      *head,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (sigap_media_item_get_path (item));
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = NULL;
  const char *name = sigap_media_item_get_display_name (item);
  guint64 total = 0;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    return set_file_error (error, local_error, name);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return set_unsupported (error, name);

  sigap_media_item_set_display_name (item, g_file_info_get_display_name (info));
  name = sigap_media_item_get_display_name (item);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    return set_file_error (error, local_error, name);

  buffer = g_malloc (READ_CHUNK);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, READ_CHUNK,
                                      cancellable, &local_error);

      if (n < 0)
        return set_file_error (error, local_error, name);
      if (n == 0)
        break;

      g_checksum_update (checksum, buffer, n);
      if (head->len < SNIFF_BYTES)
        g_byte_array_append (head, buffer, MIN ((gsize) n, SNIFF_BYTES - head->len));
      total += (guint64) n;
    }

  if (total == 0)
    return set_unsupported (error, name);

  sigap_media_item_set_bytes (item, total);
  sigap_media_item_set_sha256 (item, g_checksum_get_string (checksum));

  return TRUE;
}

static gboolean
probe_image (SigapMediaItem  *item,
             GError         **error)
{
  const char *path = sigap_media_item_get_path (item);
  GdkPixbufFormat *format;
  g_auto(GStrv) mime_types = NULL;
  g_autofree char *format_name = NULL;
  int width = 0;
  int height = 0;

  format = gdk_pixbuf_get_file_info (path, &width, &height);
  if (format == NULL || width <= 0 || height <= 0)
    return set_unsupported (error, sigap_media_item_get_display_name (item));

  /* The file's bytes over its name: a PNG called foto.jpg is a PNG. */
  mime_types = gdk_pixbuf_format_get_mime_types (format);
  if (mime_types != NULL && mime_types[0] != NULL
      && !g_strv_contains ((const char * const *) mime_types,
                           sigap_media_item_get_mime_type (item)))
    sigap_media_item_set_mime_type (item, mime_types[0]);

  /* A camera stores a portrait photo landscape, with an EXIF orientation
   * that turns it: 5 to 8 swap width and height. A small load reads the
   * tag (libjpeg decodes at an eighth of the size). */
  format_name = gdk_pixbuf_format_get_name (format);
  if (g_strcmp0 (format_name, "jpeg") == 0 || g_strcmp0 (format_name, "tiff") == 0)
    {
      g_autoptr(GdkPixbuf) small = gdk_pixbuf_new_from_file_at_scale (path, 32, 32, TRUE, NULL);
      const char *orientation = small != NULL ? gdk_pixbuf_get_option (small, "orientation")
                                              : NULL;

      if (orientation != NULL && orientation[0] >= '5' && orientation[0] <= '8'
          && orientation[1] == '\0')
        {
          int swap = width;

          width = height;
          height = swap;
        }
    }

  sigap_media_item_set_kind (item, SIGAP_MEDIA_KIND_IMAGE);
  sigap_media_item_set_width (item, width);
  sigap_media_item_set_height (item, height);
  sigap_media_item_set_duration (item, 0);

  return TRUE;
}

/* Whether a video's tags turn it a quarter ("rotate-90", "flip-rotate-270"). */
static gboolean
tags_turn_quarter (const GstTagList *tags)
{
  g_autofree char *orientation = NULL;

  if (tags == NULL || !gst_tag_list_get_string (tags, GST_TAG_IMAGE_ORIENTATION, &orientation))
    return FALSE;

  return g_str_has_suffix (orientation, "rotate-90")
         || g_str_has_suffix (orientation, "rotate-270");
}

static gboolean
is_quicktime_type (const char *mime_type)
{
  static const char * const types[] = {
    "video/mp4", "video/quicktime", "video/3gpp", "video/3gpp2", "video/x-m4v", NULL
  };

  return mime_type != NULL && g_strv_contains (types, mime_type);
}

/* GIO names a file by its extension when its bytes are ambiguous; the
 * demuxer GStreamer chose tells whether it really is an MP4/QuickTime,
 * the only videos the platforms take. */
static void
correct_video_type (SigapMediaItem    *item,
                    GstDiscovererInfo *info)
{
  g_autoptr(GstDiscovererStreamInfo) top = gst_discoverer_info_get_stream_info (info);
  g_autoptr(GstCaps) caps = NULL;
  const GstStructure *structure;
  const char *container;
  const char *mime_type = sigap_media_item_get_mime_type (item);

  if (top == NULL || !GST_IS_DISCOVERER_CONTAINER_INFO (top))
    return;
  caps = gst_discoverer_stream_info_get_caps (top);
  if (caps == NULL || gst_caps_get_size (caps) == 0)
    return;

  structure = gst_caps_get_structure (caps, 0);
  container = gst_structure_get_name (structure);
  if (g_str_equal (container, "video/quicktime"))
    {
      if (!is_quicktime_type (mime_type))
        sigap_media_item_set_mime_type (item, g_strcmp0 (gst_structure_get_string (structure,
                                                                                   "variant"),
                                                         "apple") == 0
                                              ? "video/quicktime" : "video/mp4");
    }
  else if (is_quicktime_type (mime_type))
    {
      const char *slash = strchr (container, '/');
      g_autofree char *type = g_strconcat ("video/", slash != NULL ? slash + 1 : container, NULL);

      sigap_media_item_set_mime_type (item, type);
    }
}

static gboolean
probe_video (SigapMediaItem  *item,
             GError         **error)
{
  const char *name = sigap_media_item_get_display_name (item);
  g_autofree char *uri = path_to_uri (sigap_media_item_get_path (item));
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GstDiscovererStreamInfo) top = NULL;
  g_autoptr(GstDiscovererVideoInfo) video = NULL;
  g_autoptr(GError) local_error = NULL;
  GstDiscovererResult result;
  GList *streams;
  GstClockTime duration;
  guint par_n;
  guint par_d;
  int width;
  int height;

  if (!ensure_gstreamer (error))
    return FALSE;
  if (uri == NULL)
    return set_unreadable_video (error, name);

  discoverer = gst_discoverer_new (VIDEO_TIMEOUT, &local_error);
  if (discoverer == NULL)
    {
      g_set_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_UNREADABLE,
                   _("Sigap cannot read videos on this computer: %s"), local_error->message);
      return FALSE;
    }

  /* A damaged file that a demuxer first recognises may take the whole
   * timeout: GStreamer 1.22's decodebin can drop the error the demuxer
   * posts while it is being plugged. */
  info = gst_discoverer_discover_uri (discoverer, uri, &local_error);
  if (info == NULL)
    {
      g_debug ("Discovering %s: %s", uri, local_error != NULL ? local_error->message : "?");
      return set_unreadable_video (error, name);
    }

  /* With a plugin missing (no H.264 decoder, say), what the discoverer
   * could still describe is used; without a video stream, it is refused. */
  result = gst_discoverer_info_get_result (info);
  if (result != GST_DISCOVERER_OK && result != GST_DISCOVERER_MISSING_PLUGINS)
    {
      g_debug ("Discovering %s: result %d, %s", uri, result,
               local_error != NULL ? local_error->message : "");
      return set_unreadable_video (error, name);
    }

  streams = gst_discoverer_info_get_video_streams (info);
  for (GList *l = streams; l != NULL && video == NULL; l = l->next)
    {
      /* A cover picture is a "video stream" too. */
      if (!gst_discoverer_video_info_is_image (l->data))
        video = g_object_ref (l->data);
    }
  gst_discoverer_stream_info_list_free (streams);

  /* No picture: a sound file, or a video GStreamer could not open. */
  if (video == NULL)
    return result == GST_DISCOVERER_OK ? set_unsupported (error, name)
                                       : set_unreadable_video (error, name);

  width = (int) gst_discoverer_video_info_get_width (video);
  height = (int) gst_discoverer_video_info_get_height (video);
  par_n = gst_discoverer_video_info_get_par_num (video);
  par_d = gst_discoverer_video_info_get_par_denom (video);
  duration = gst_discoverer_info_get_duration (info);
  top = gst_discoverer_info_get_stream_info (info);

  if (width <= 0 || height <= 0)
    return set_unreadable_video (error, name);

  if (par_n > 0 && par_d > 0 && par_n != par_d)
    width = (int) MIN (lround ((double) width * par_n / par_d), G_MAXINT);
  if (tags_turn_quarter (gst_discoverer_stream_info_get_tags (GST_DISCOVERER_STREAM_INFO (video)))
      || (top != NULL && tags_turn_quarter (gst_discoverer_stream_info_get_tags (top))))
    {
      int swap = width;

      width = height;
      height = swap;
    }

  sigap_media_item_set_kind (item, SIGAP_MEDIA_KIND_VIDEO);
  sigap_media_item_set_width (item, width);
  sigap_media_item_set_height (item, height);
  sigap_media_item_set_duration (item, GST_CLOCK_TIME_IS_VALID (duration)
                                       ? (double) duration / GST_SECOND : 0);
  correct_video_type (item, info);

  return TRUE;
}

/* @pixbuf scaled to fit a @size square, rounded as
 * gdk_pixbuf_new_from_file_at_scale() rounds. */
static GdkPixbuf *
scale_to_fit (GdkPixbuf *pixbuf,
              int        size)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int scaled_width = size;
  int scaled_height = size;

  if (height > width)
    scaled_width = (int) (0.5 + (double) width * size / height);
  else
    scaled_height = (int) (0.5 + (double) height * size / width);

  return gdk_pixbuf_scale_simple (pixbuf, MAX (scaled_width, 1), MAX (scaled_height, 1),
                                  GDK_INTERP_BILINEAR);
}

/* Waits, up to the timeout, for playbin to preroll after a state change
 * or a flushing seek: on the bus, since an error leaves the state change
 * pending (gst_element_get_state() would wait it out). */
static gboolean
wait_for_preroll (GstElement *playbin,
                  const char *uri)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (playbin);
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *debug = NULL;

  message = gst_bus_timed_pop_filtered (bus, VIDEO_TIMEOUT,
                                        GST_MESSAGE_ASYNC_DONE | GST_MESSAGE_ERROR);
  if (message == NULL)
    {
      g_debug ("Thumbnail of %s: timed out", uri);
      return FALSE;
    }
  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ASYNC_DONE)
    return TRUE;

  gst_message_parse_error (message, &error, &debug);
  g_debug ("Thumbnail of %s: %s (%s)", uri, error->message, debug != NULL ? debug : "");

  return FALSE;
}

static GdkPixbuf *
pixbuf_from_sample (GstSample *sample)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  GstCaps *caps = gst_sample_get_caps (sample);
  g_autoptr(GBytes) bytes = NULL;
  GstVideoInfo info;
  GstMapInfo map;
  int width;
  int height;
  int stride;

  if (buffer == NULL || caps == NULL || !gst_video_info_from_caps (&info, caps)
      || GST_VIDEO_INFO_FORMAT (&info) != GST_VIDEO_FORMAT_RGB)
    return NULL;

  width = GST_VIDEO_INFO_WIDTH (&info);
  height = GST_VIDEO_INFO_HEIGHT (&info);
  stride = GST_VIDEO_INFO_PLANE_STRIDE (&info, 0);
  if (width <= 0 || height <= 0 || stride < width * 3 || !gst_buffer_map (buffer, &map,
                                                                          GST_MAP_READ))
    return NULL;

  if (map.size >= (gsize) stride * (height - 1) + (gsize) width * 3)
    bytes = g_bytes_new (map.data, map.size);
  gst_buffer_unmap (buffer, &map);
  if (bytes == NULL)
    return NULL;

  return gdk_pixbuf_new_from_bytes (bytes, GDK_COLORSPACE_RGB, FALSE, 8, width, height, stride);
}

/* Turns a frame as the video's orientation tag says. */
static GdkPixbuf *
orient_frame (GdkPixbuf        *frame,
              const GstTagList *tags)
{
  g_autofree char *orientation = NULL;
  g_autoptr(GdkPixbuf) flipped = NULL;
  const char *rotation;
  GdkPixbuf *source = frame;

  if (tags == NULL || !gst_tag_list_get_string (tags, GST_TAG_IMAGE_ORIENTATION, &orientation))
    return g_object_ref (frame);

  rotation = orientation;
  if (g_str_has_prefix (orientation, "flip-"))
    {
      flipped = gdk_pixbuf_flip (frame, TRUE);
      source = flipped;
      rotation = orientation + strlen ("flip-");
    }

  /* GStreamer names the clockwise turn that shows the picture upright;
   * gdk-pixbuf names its turns counterclockwise. */
  if (g_str_equal (rotation, "rotate-90"))
    return gdk_pixbuf_rotate_simple (source, GDK_PIXBUF_ROTATE_CLOCKWISE);
  if (g_str_equal (rotation, "rotate-180"))
    return gdk_pixbuf_rotate_simple (source, GDK_PIXBUF_ROTATE_UPSIDEDOWN);
  if (g_str_equal (rotation, "rotate-270"))
    return gdk_pixbuf_rotate_simple (source, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);

  return g_object_ref (source);
}

static GdkPixbuf *
load_video_frame (SigapMediaItem  *item,
                  GError         **error)
{
  const char *name = sigap_media_item_get_display_name (item);
  g_autofree char *uri = path_to_uri (sigap_media_item_get_path (item));
  g_autoptr(GstElement) playbin = NULL;
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstSample) sample = NULL;
  g_autoptr(GstTagList) tags = NULL;
  g_autoptr(GdkPixbuf) frame = NULL;
  GstElement *video_sink;
  GstElement *audio_sink;
  gint64 duration = (gint64) (sigap_media_item_get_duration (item) * GST_SECOND);
  gint64 position;
  GstStateChangeReturn ret;
  gboolean prerolled;

  if (!ensure_gstreamer (error))
    return NULL;

  playbin = gst_element_factory_make ("playbin", NULL);
  if (playbin != NULL)
    gst_object_ref_sink (playbin);
  video_sink = gst_element_factory_make ("fakesink", NULL);
  audio_sink = gst_element_factory_make ("fakesink", NULL);
  if (uri == NULL || playbin == NULL || video_sink == NULL || audio_sink == NULL)
    {
      if (video_sink != NULL)
        gst_object_unref (gst_object_ref_sink (video_sink));
      if (audio_sink != NULL)
        gst_object_unref (gst_object_ref_sink (audio_sink));
      set_unreadable_video (error, name);
      return NULL;
    }

  g_object_set (playbin,
                "uri", uri,
                "video-sink", video_sink,
                "audio-sink", audio_sink,
                "flags", PLAY_FLAG_VIDEO,
                NULL);

  ret = gst_element_set_state (playbin, GST_STATE_PAUSED);
  prerolled = ret == GST_STATE_CHANGE_SUCCESS
              || (ret == GST_STATE_CHANGE_ASYNC && wait_for_preroll (playbin, uri));

  /* A second in, past a fade from black; the middle of a shorter one. */
  if (prerolled && duration <= 0)
    gst_element_query_duration (playbin, GST_FORMAT_TIME, &duration);
  position = duration >= 2 * GST_SECOND ? GST_SECOND : MAX (duration, 0) / 2;
  if (prerolled && position > 0
      && gst_element_seek_simple (playbin, GST_FORMAT_TIME,
                                  GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_KEY_UNIT, position))
    prerolled = wait_for_preroll (playbin, uri);

  if (prerolled)
    {
      caps = gst_caps_new_simple ("video/x-raw",
                                  "format", G_TYPE_STRING, "RGB",
                                  "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                                  NULL);
      g_signal_emit_by_name (playbin, "convert-sample", caps, &sample);
      g_signal_emit_by_name (playbin, "get-video-tags", 0, &tags);
    }

  gst_element_set_state (playbin, GST_STATE_NULL);

  if (sample != NULL)
    frame = pixbuf_from_sample (sample);
  if (frame == NULL)
    {
      set_unreadable_video (error, name);
      return NULL;
    }

  return orient_frame (frame, tags);
}

static void
probe_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  SigapMediaItem *item = sigap_media_probe (task_data, cancellable, &error);

  if (item == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, item, (GDestroyNotify) sigap_media_item_unref);
}

static void
thumbnail_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ThumbnailData *data = task_data;
  GError *error = NULL;
  GdkPixbuf *pixbuf = sigap_media_load_thumbnail (data->item, data->size, &error);

  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

/**
 * sigap_media_probe:
 * @path: a file's path
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads what the platform rules need of a photo or video: its size, its
 * type (from its bytes, not only its name), its SHA-256, the dimensions it
 * is shown at and, for a video, its duration. The whole file is read once
 * and a video is examined by GStreamer for up to 10 seconds: call it in a
 * thread, or use sigap_media_probe_async().
 *
 * Returns: (transfer full) (nullable): the item, or %NULL with
 *   %SIGAP_MEDIA_ERROR_NOT_FOUND, %SIGAP_MEDIA_ERROR_UNSUPPORTED (neither
 *   an image nor a video Sigap can read), %SIGAP_MEDIA_ERROR_UNREADABLE
 *   (the file cannot be read, or the video cannot be decoded), or
 *   %G_IO_ERROR_CANCELLED
 */
SigapMediaItem *
sigap_media_probe (const char    *path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(SigapMediaItem) item = NULL;
  g_autoptr(GByteArray) head = g_byte_array_new ();
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  gboolean probed;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  item = sigap_media_item_new (path, SIGAP_MEDIA_KIND_IMAGE);
  if (!read_file (item, head, cancellable, error))
    return NULL;

  content_type = g_content_type_guess (path, head->data, head->len, NULL);
  mime_type = g_content_type_get_mime_type (content_type);
  sigap_media_item_set_mime_type (item, mime_type);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (mime_type != NULL && g_str_has_prefix (mime_type, "image/"))
    probed = probe_image (item, error);
  else if (mime_type != NULL && g_str_has_prefix (mime_type, "video/"))
    probed = probe_video (item, error);
  else
    probed = set_unsupported (error, sigap_media_item_get_display_name (item));

  return probed ? g_steal_pointer (&item) : NULL;
}

/**
 * sigap_media_probe_async:
 * @path: a file's path
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Runs sigap_media_probe() in a thread.
 */
void
sigap_media_probe_async (const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_media_probe_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, probe_thread);
}

/**
 * sigap_media_probe_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the item, or %NULL with @error set
 *   as sigap_media_probe() sets it
 */
SigapMediaItem *
sigap_media_probe_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sigap_media_probe_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sigap_media_load_thumbnail:
 * @item: a probed #SigapMediaItem
 * @size: the side of the square the thumbnail fits in, in pixels
 * @error: return location for a #GError
 *
 * Draws @item small: an image scaled to fit a @size square, turned as
 * its EXIF orientation says; a video's frame about a second in (the
 * middle of a shorter one), turned as the video is, scaled the same way.
 * It blocks: see sigap_media_load_thumbnail_async().
 *
 * Returns: (transfer full) (nullable): the thumbnail, or %NULL with
 *   %SIGAP_MEDIA_ERROR_NOT_FOUND or %SIGAP_MEDIA_ERROR_UNREADABLE
 */
GdkPixbuf *
sigap_media_load_thumbnail (SigapMediaItem  *item,
                            int              size,
                            GError         **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *path;
  const char *name;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (size > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = sigap_media_item_get_path (item);
  name = sigap_media_item_get_display_name (item);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_NOT_FOUND,
                   _("“%s” does not exist: it may have been moved or deleted."), name);
      return NULL;
    }

  if (sigap_media_item_get_kind (item) == SIGAP_MEDIA_KIND_VIDEO)
    {
      g_autoptr(GdkPixbuf) frame = load_video_frame (item, error);

      return frame != NULL ? scale_to_fit (frame, size) : NULL;
    }

  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, size, size, TRUE, &local_error);
  if (pixbuf == NULL)
    {
      g_set_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_UNREADABLE,
                   _("“%s” cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

/**
 * sigap_media_load_thumbnail_async:
 * @item: a probed #SigapMediaItem
 * @size: the side of the square the thumbnail fits in, in pixels
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Runs sigap_media_load_thumbnail() in a thread, on a copy of @item.
 */
void
sigap_media_load_thumbnail_async (SigapMediaItem      *item,
                                  int                  size,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ThumbnailData *data;

  g_return_if_fail (item != NULL);
  g_return_if_fail (size > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ThumbnailData, 1);
  data->item = sigap_media_item_copy (item);
  data->size = size;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_media_load_thumbnail_async);
  g_task_set_task_data (task, data, (GDestroyNotify) thumbnail_data_free);
  g_task_run_in_thread (task, thumbnail_thread);
}

/**
 * sigap_media_load_thumbnail_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the thumbnail, or %NULL with @error
 *   set as sigap_media_load_thumbnail() sets it
 */
GdkPixbuf *
sigap_media_load_thumbnail_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == sigap_media_load_thumbnail_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
