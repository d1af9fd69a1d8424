/* test-media.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#include "sigap-central-documents.h"
#include "sigap-media.h"
#include "sigap-media-probe.h"
#include "sigap-platform-rules.h"

/* The composer's photos and videos. The fixtures are made at run time in
 * a temporary folder: images saved by gdk-pixbuf, videos encoded by
 * GStreamer (videotestsrc, jpegenc and qtmux for QuickTime, vp8enc and
 * webmmux for a WebM the platforms refuse). The media rules are checked
 * against the shipped platforms.json, a file just at each limit and one
 * just over; the large sizes are items made by hand. The messages are the
 * English msgids with Indonesian numbers: the tests run in the C locale. */

#define FILL_RGBA 0xc03020ffu   /* the fixtures' colour: a brick red */
#define SHA256_TEST "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

static SigapPlatformRules *rules;
static JsonObject *platforms_document;
static char *fixtures;
static gboolean have_webp;  /* webp-pixbuf-loader is installed */

static char *
fixture (const char *name)
{
  return g_build_filename (fixtures, name, NULL);
}

static void
make_image (const char *name,
            const char *type,
            int         width,
            int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, FILL_RGBA);
  if (g_str_equal (type, "jpeg"))
    gdk_pixbuf_save (pixbuf, path, type, &error, "quality", "90", NULL);
  else
    gdk_pixbuf_save (pixbuf, path, type, &error, NULL);
  g_assert_no_error (error);
}

static gboolean
can_save (const char *name)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_autofree char *format_name = gdk_pixbuf_format_get_name (l->data);

      if (g_str_equal (format_name, name) && gdk_pixbuf_format_is_writable (l->data))
        return TRUE;
    }

  return FALSE;
}

/* A JPEG stored @width × @height with the EXIF orientation 6 (turn 90°
 * clockwise to show): an APP1 segment right after the SOI marker. */
static void
make_rotated_jpeg (const char *name,
                   int         width,
                   int         height)
{
  static const guint8 app1[] = {
    0xff, 0xe1, 0x00, 0x22,                         /* APP1, 34 bytes */
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,   /* TIFF, IFD0 at 8 */
    0x00, 0x01,                                     /* one entry */
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, /* Orientation, SHORT */
    0x00, 0x06, 0x00, 0x00,                         /* 6 */
    0x00, 0x00, 0x00, 0x00,                         /* no next IFD */
  };
  g_autofree char *path = fixture (name);
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) rotated = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gsize length;

  make_image (name, "jpeg", width, height);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((guint8) contents[0], ==, 0xff);
  g_assert_cmpuint ((guint8) contents[1], ==, 0xd8);

  g_byte_array_append (rotated, (const guint8 *) contents, 2);
  g_byte_array_append (rotated, app1, sizeof app1);
  g_byte_array_append (rotated, (const guint8 *) contents + 2, length - 2);
  g_file_set_contents (path, (const char *) rotated->data, rotated->len, &error);
  g_assert_no_error (error);
}

/* Encodes @frames frames of @width × @height at 10 per second through
 * @encode ("jpegenc ! qtmux"); FALSE if the pipeline failed. */
static gboolean
make_video (const char *name,
            int         width,
            int         height,
            int         frames,
            const char *encode)
{
  g_autofree char *path = fixture (name);
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  description = g_strdup_printf ("videotestsrc num-buffers=%d pattern=solid-color "
                                 "foreground-color=0xff%06x "
                                 "! video/x-raw,width=%d,height=%d,framerate=10/1 "
                                 "! %s ! filesink location=\"%s\"",
                                 frames, FILL_RGBA >> 8, width, height, encode, path);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  gst_object_ref_sink (pipeline);

  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=,
                   GST_STATE_CHANGE_FAILURE);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND,
                                        GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return message != NULL && GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS;
}

/* A phone's portrait video: stored landscape, with a track matrix that
 * turns it 90° clockwise. qtmux writes the identity; the matrix is nine
 * 32-bit numbers 44 bytes after the "tkhd" type of a version 0 box. */
static void
rotate_quicktime (const char *name)
{
  static const guint8 identity[36] = {
    0x00, 0x01, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0x00, 0x01, 0x00, 0x00, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x00, 0x00, 0x00,
  };
  static const guint8 quarter[36] = {
    0, 0, 0, 0, 0x00, 0x01, 0x00, 0x00, 0, 0, 0, 0,
    0xff, 0xff, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x00, 0x00, 0x00,
  };
  g_autofree char *path = fixture (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *tkhd;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  tkhd = memmem (contents, length, "tkhd", 4);
  g_assert_nonnull (tkhd);
  g_assert_cmpuint (tkhd + 80 - contents, <=, length);
  g_assert_cmpint (tkhd[4], ==, 0);
  g_assert_cmpmem (tkhd + 44, sizeof identity, identity, sizeof identity);
  memcpy (tkhd + 44, quarter, sizeof quarter);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
make_fixtures (void)
{
  g_autofree char *notes = fixture ("notes.txt");
  g_autofree char *broken = fixture ("broken.mov");
  g_autofree char *empty = fixture ("empty.png");
  g_autofree char *folder = fixture ("folder.jpg");
  g_autofree char *garbage = NULL;
  g_autoptr(GError) error = NULL;

  make_image ("portrait.jpg", "jpeg", 1080, 1350);
  make_image ("square.png", "png", 1080, 1080);
  make_image ("wide.jpg", "jpeg", 3000, 1000);
  make_image ("small.png", "png", 200, 200);
  /* A PNG under a JPEG's name. */
  make_image ("misnamed.jpg", "png", 640, 480);
  make_rotated_jpeg ("rotated.jpg", 1350, 1080);
  have_webp = can_save ("webp");
  if (have_webp)
    make_image ("photo.webp", "webp", 800, 600);

  g_assert_true (make_video ("portrait.mov", 720, 1280, 20, "jpegenc quality=50 ! qtmux"));
  g_assert_true (make_video ("landscape.mov", 640, 360, 10, "jpegenc quality=50 ! qtmux"));
  g_assert_true (make_video ("clip.webm", 640, 360, 10, "vp8enc deadline=1 ! webmmux"));
  g_assert_true (make_video ("rotated.mov", 640, 360, 10, "jpegenc quality=50 ! qtmux"));
  rotate_quicktime ("rotated.mov");

  g_file_set_contents (notes, "Rapat koordinasi hari Senin.\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  /* Bytes no demuxer recognises, under a video's name. (A file that
   * qtdemux recognises and then refuses can take the 10 s timeout: GStreamer
   * 1.22's decodebin may drop an error posted while it plugs the demuxer.) */
  garbage = g_strnfill (20000, 'x');
  g_file_set_contents (broken, garbage, 20000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
}

static void
remove_fixtures (void)
{
  g_autoptr(GDir) dir = g_dir_open (fixtures, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = fixture (name);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_remove (path);
    }
  g_rmdir (fixtures);
}

/* The size and SHA-256 of a fixture, read here independently. */
static void
assert_file_identity (SigapMediaItem *item,
                      const char     *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  g_assert_cmpstr (sigap_media_item_get_path (item), ==, path);
  g_assert_cmpuint (sigap_media_item_get_bytes (item), ==, length);
  g_assert_cmpstr (sigap_media_item_get_sha256 (item), ==, sha256);
}

static SigapMediaItem *
probe_fixture (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  SigapMediaItem *item = sigap_media_probe (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  assert_file_identity (item, path);
  g_assert_cmpstr (sigap_media_item_get_display_name (item), ==, name);

  return item;
}

static void
assert_image (const char *name,
              const char *mime_type,
              int         width,
              int         height)
{
  g_autoptr(SigapMediaItem) item = probe_fixture (name);

  g_assert_cmpint (sigap_media_item_get_kind (item), ==, SIGAP_MEDIA_KIND_IMAGE);
  g_assert_cmpstr (sigap_media_item_get_mime_type (item), ==, mime_type);
  g_assert_cmpint (sigap_media_item_get_width (item), ==, width);
  g_assert_cmpint (sigap_media_item_get_height (item), ==, height);
  g_assert_cmpfloat (sigap_media_item_get_duration (item), ==, 0);
}

static void
assert_video (const char *name,
              const char *mime_type,
              int         width,
              int         height,
              double      seconds)
{
  g_autoptr(SigapMediaItem) item = probe_fixture (name);

  g_assert_cmpint (sigap_media_item_get_kind (item), ==, SIGAP_MEDIA_KIND_VIDEO);
  g_assert_cmpstr (sigap_media_item_get_mime_type (item), ==, mime_type);
  g_assert_cmpint (sigap_media_item_get_width (item), ==, width);
  g_assert_cmpint (sigap_media_item_get_height (item), ==, height);
  g_assert_cmpfloat_with_epsilon (sigap_media_item_get_duration (item), seconds, 0.15);
}

static void
test_probe_images (void)
{
  assert_image ("portrait.jpg", "image/jpeg", 1080, 1350);
  assert_image ("square.png", "image/png", 1080, 1080);
  assert_image ("wide.jpg", "image/jpeg", 3000, 1000);
  assert_image ("small.png", "image/png", 200, 200);
  /* The bytes win over the name. */
  assert_image ("misnamed.jpg", "image/png", 640, 480);
}

static void
test_probe_exif_orientation (void)
{
  /* Stored 1350 × 1080, shown 1080 × 1350. */
  assert_image ("rotated.jpg", "image/jpeg", 1080, 1350);
}

static void
test_probe_videos (void)
{
  assert_video ("portrait.mov", "video/quicktime", 720, 1280, 2.0);
  assert_video ("landscape.mov", "video/quicktime", 640, 360, 1.0);
  assert_video ("clip.webm", "video/webm", 640, 360, 1.0);
}

static void
test_probe_rotated_video (void)
{
  /* Stored 640 × 360, shown 360 × 640. */
  assert_video ("rotated.mov", "video/quicktime", 360, 640, 1.0);
}

static void
assert_probe_error (const char *name,
                    int         code,
                    const char *message)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapMediaItem) item = sigap_media_probe (path, NULL, &error);

  g_assert_null (item);
  g_assert_error (error, SIGAP_MEDIA_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_probe_errors (void)
{
  assert_probe_error ("missing.jpg", SIGAP_MEDIA_ERROR_NOT_FOUND,
                      "“missing.jpg” does not exist: it may have been moved or deleted.");
  assert_probe_error ("notes.txt", SIGAP_MEDIA_ERROR_UNSUPPORTED,
                      "“notes.txt” is not an image or a video Sigap can read.");
  assert_probe_error ("empty.png", SIGAP_MEDIA_ERROR_UNSUPPORTED,
                      "“empty.png” is not an image or a video Sigap can read.");
  assert_probe_error ("folder.jpg", SIGAP_MEDIA_ERROR_UNSUPPORTED,
                      "“folder.jpg” is not an image or a video Sigap can read.");
  assert_probe_error ("broken.mov", SIGAP_MEDIA_ERROR_UNREADABLE,
                      "“broken.mov” is a video Sigap cannot read: it may be damaged, "
                      "or in a format this computer cannot play.");
}

static void
probe_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
test_probe_async (void)
{
  g_autofree char *path = fixture ("portrait.mov");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SigapMediaItem) item = NULL;
  g_autoptr(SigapMediaItem) none = NULL;
  g_autoptr(GError) error = NULL;

  sigap_media_probe_async (path, NULL, probe_done_cb, &result);
  item = sigap_media_probe_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_media_item_get_kind (item), ==, SIGAP_MEDIA_KIND_VIDEO);
  g_assert_cmpint (sigap_media_item_get_width (item), ==, 720);
  assert_file_identity (item, path);

  /* Cancelled: an error the composer does not show. */
  g_cancellable_cancel (cancellable);
  sigap_media_probe_async (path, cancellable, probe_done_cb, &cancelled_result);
  none = sigap_media_probe_finish (wait_for_result (&cancelled_result), &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The thumbnail of @name fits @size as @width × @height, and its middle
 * pixel is the fixtures' colour, give or take what compression does. */
static void
assert_thumbnail (const char *name,
                  int         size,
                  int         width,
                  int         height)
{
  g_autoptr(SigapMediaItem) item = probe_fixture (name);
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *pixel;
  int channels;

  thumbnail = sigap_media_load_thumbnail (item, size, &error);
  g_assert_no_error (error);
  g_assert_nonnull (thumbnail);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, height);

  channels = gdk_pixbuf_get_n_channels (thumbnail);
  pixel = gdk_pixbuf_read_pixels (thumbnail)
          + (height / 2) * gdk_pixbuf_get_rowstride (thumbnail) + (width / 2) * channels;
  g_assert_cmpint (ABS ((int) pixel[0] - 0xc0), <, 24);
  g_assert_cmpint (ABS ((int) pixel[1] - 0x30), <, 24);
  g_assert_cmpint (ABS ((int) pixel[2] - 0x20), <, 24);
}

/* The platforms take WebP; gdk-pixbuf reads it with webp-pixbuf-loader. */
static void
test_probe_webp (void)
{
  if (!have_webp)
    {
      g_test_skip ("webp-pixbuf-loader is not installed");
      return;
    }

  assert_image ("photo.webp", "image/webp", 800, 600);
  assert_thumbnail ("photo.webp", 80, 80, 60);
}

static void
test_thumbnail_images (void)
{
  assert_thumbnail ("wide.jpg", 256, 256, 85);
  assert_thumbnail ("portrait.jpg", 100, 80, 100);
  assert_thumbnail ("small.png", 64, 64, 64);
  /* Turned as its EXIF orientation says. */
  assert_thumbnail ("rotated.jpg", 100, 80, 100);
}

static void
test_thumbnail_videos (void)
{
  assert_thumbnail ("portrait.mov", 128, 72, 128);
  assert_thumbnail ("landscape.mov", 128, 128, 72);
  assert_thumbnail ("clip.webm", 64, 64, 36);
  /* Turned as its matrix says. */
  assert_thumbnail ("rotated.mov", 128, 72, 128);
}

static void
test_thumbnail_async (void)
{
  g_autoptr(SigapMediaItem) item = probe_fixture ("landscape.mov");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GError) error = NULL;

  sigap_media_load_thumbnail_async (item, 32, NULL, probe_done_cb, &result);
  thumbnail = sigap_media_load_thumbnail_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 32);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, 18);
}

static void
test_thumbnail_errors (void)
{
  g_autofree char *missing = fixture ("gone.mov");
  g_autofree char *broken = fixture ("broken.mov");
  g_autoptr(SigapMediaItem) gone = sigap_media_item_new (missing, SIGAP_MEDIA_KIND_VIDEO);
  g_autoptr(SigapMediaItem) damaged = sigap_media_item_new (broken, SIGAP_MEDIA_KIND_VIDEO);
  g_autoptr(GdkPixbuf) none = NULL;
  g_autoptr(GdkPixbuf) nothing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) damaged_error = NULL;

  none = sigap_media_load_thumbnail (gone, 64, &error);
  g_assert_null (none);
  g_assert_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_NOT_FOUND);

  nothing = sigap_media_load_thumbnail (damaged, 64, &damaged_error);
  g_assert_null (nothing);
  g_assert_error (damaged_error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_UNREADABLE);
}

/* Items made by hand, for the rules and the JSON. */
static SigapMediaItem *
image (const char *name,
       const char *mime_type,
       int         width,
       int         height,
       guint64     bytes)
{
  g_autofree char *path = g_build_filename ("/home/admin/Gambar", name, NULL);
  SigapMediaItem *item = sigap_media_item_new (path, SIGAP_MEDIA_KIND_IMAGE);

  sigap_media_item_set_mime_type (item, mime_type);
  sigap_media_item_set_width (item, width);
  sigap_media_item_set_height (item, height);
  sigap_media_item_set_bytes (item, bytes);

  return item;
}

static SigapMediaItem *
video (const char *name,
       const char *mime_type,
       int         width,
       int         height,
       guint64     bytes,
       double      seconds)
{
  g_autofree char *path = g_build_filename ("/home/admin/Video", name, NULL);
  SigapMediaItem *item = sigap_media_item_new (path, SIGAP_MEDIA_KIND_VIDEO);

  sigap_media_item_set_mime_type (item, mime_type);
  sigap_media_item_set_width (item, width);
  sigap_media_item_set_height (item, height);
  sigap_media_item_set_bytes (item, bytes);
  sigap_media_item_set_duration (item, seconds);

  return item;
}

/* Everyday files each platform takes. */
static SigapMediaItem *
photo (void)
{
  return image ("foto.jpg", "image/jpeg", 1080, 1080, 500000);
}

static SigapMediaItem *
clip (void)
{
  return video ("video.mp4", "video/mp4", 1080, 1920, 20000000, 30);
}

/* A list of the items given, ended by NULL; it owns them. */
G_GNUC_NULL_TERMINATED static GPtrArray *
list (SigapMediaItem *first,
      ...)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_media_item_unref);
  SigapMediaItem *item;
  va_list args;

  va_start (args, first);
  for (item = first; item != NULL; item = va_arg (args, SigapMediaItem *))
    g_ptr_array_add (items, item);
  va_end (args);

  return items;
}

/* @count copies of what @make makes. */
static GPtrArray *
many (SigapMediaItem *(*make) (void),
      guint            count)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_media_item_unref);

  for (guint i = 0; i < count; i++)
    g_ptr_array_add (items, make ());

  return items;
}

/* Checks @items (taken) on @platform: no problem. */
static void
assert_takes (SigapPlatform  platform,
              GPtrArray     *items)
{
  g_autoptr(GPtrArray) owned = items;
  g_autoptr(GPtrArray) problems = sigap_platform_rules_check_media (rules, platform, owned);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("unexpected: %s",
                    ((SigapTextProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Checks @items (taken) on @platform: exactly one problem, of @kind, with
 * @message unless it is NULL. */
static void
assert_refuses (SigapPlatform         platform,
                GPtrArray            *items,
                SigapTextProblemKind  kind,
                const char           *message)
{
  g_autoptr(GPtrArray) owned = items;
  g_autoptr(GPtrArray) problems = sigap_platform_rules_check_media (rules, platform, owned);
  SigapTextProblem *problem;

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s",
                    ((SigapTextProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, kind);
  g_assert_cmpstr (problem->field, ==, "media");
  g_assert_true (problem->blocks);
  if (message != NULL)
    g_assert_cmpstr (problem->message, ==, message);
}

static void
test_rules_facebook (void)
{
  const SigapPlatform fb = SIGAP_PLATFORM_FACEBOOK;

  assert_takes (fb, many (photo, 80));
  assert_refuses (fb, many (photo, 81), SIGAP_TEXT_PROBLEM_TOO_MANY_MEDIA,
                  "Facebook allows at most 80 images or videos in a post; this post has 81.");
  assert_takes (fb, list (clip (), NULL));
  assert_refuses (fb, many (clip, 2), SIGAP_TEXT_PROBLEM_TOO_MANY_VIDEOS,
                  "Facebook allows at most 1 video in a post; this post has 2 videos.");
  assert_refuses (fb, list (photo (), clip (), NULL), SIGAP_TEXT_PROBLEM_MIXED_MEDIA,
                  "Facebook does not take images and videos in the same post.");

  assert_takes (fb, list (image ("a.jpg", "image/jpeg", 800, 600, 1000),
                          image ("b.png", "image/png", 800, 600, 1000),
                          image ("c.webp", "image/webp", 800, 600, 1000), NULL));
  assert_refuses (fb, list (image ("anim.gif", "image/gif", 800, 600, 1000), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_FORMAT,
                  "Facebook takes images in JPEG, PNG or WebP only; “anim.gif” is GIF.");
  assert_takes (fb, list (image ("foto.jpg", "image/jpeg", 800, 600, 31457280), NULL));
  assert_refuses (fb, list (image ("foto.jpg", "image/jpeg", 800, 600, 31457281), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE,
                  "Facebook takes images up to 30 MB; “foto.jpg” is 30,1 MB.");
  /* No ratio and no width limits. */
  assert_takes (fb, list (image ("panorama.jpg", "image/jpeg", 10000, 100, 1000),
                          image ("pita.jpg", "image/jpeg", 1, 500, 1000), NULL));

  assert_takes (fb, list (video ("a.mov", "video/quicktime", 640, 360, 1000, 10), NULL));
  assert_refuses (fb, list (video ("klip.webm", "video/webm", 640, 360, 1000, 10), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_FORMAT,
                  "Facebook takes videos in MP4 or MOV only; “klip.webm” is WebM.");
  assert_takes (fb, list (video ("v.mp4", "video/mp4", 640, 360, G_GUINT64_CONSTANT (10737418240),
                                 10), NULL));
  assert_refuses (fb, list (video ("v.mp4", "video/mp4", 640, 360,
                                   G_GUINT64_CONSTANT (10737418241), 10), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE,
                  "Facebook takes videos up to 10 GB; “v.mp4” is 10,1 GB.");
  assert_takes (fb, list (video ("v.mp4", "video/mp4", 640, 360, 1000, 1), NULL));
  assert_refuses (fb, list (video ("v.mp4", "video/mp4", 640, 360, 1000, 0.9), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_TOO_SHORT,
                  "Facebook takes videos at least 1 second long; “v.mp4” lasts 0,9 seconds.");
  assert_takes (fb, list (video ("v.mp4", "video/mp4", 640, 360, 1000, 14400), NULL));
  assert_refuses (fb, list (video ("v.mp4", "video/mp4", 640, 360, 1000, 14400.5), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_TOO_LONG,
                  "Facebook takes videos up to 4 hours long; “v.mp4” lasts 4 hours "
                  "0,5 seconds.");
  assert_takes (fb, list (video ("v.mp4", "video/mp4", 100, 10000, 1000, 10), NULL));
}

static void
test_rules_instagram (void)
{
  const SigapPlatform ig = SIGAP_PLATFORM_INSTAGRAM;
  g_autoptr(GPtrArray) carousel = many (photo, 10);
  g_autoptr(GPtrArray) videos = many (clip, 10);

  /* Images and videos together, 20 at most. */
  g_ptr_array_extend_and_steal (carousel, g_steal_pointer (&videos));
  assert_takes (ig, g_steal_pointer (&carousel));
  assert_takes (ig, many (clip, 20));
  assert_refuses (ig, many (photo, 21), SIGAP_TEXT_PROBLEM_TOO_MANY_MEDIA,
                  "Instagram allows at most 20 images or videos in a post; this post has 21.");
  /* 21 videos: over both counts, which the first says. */
  assert_refuses (ig, many (clip, 21), SIGAP_TEXT_PROBLEM_TOO_MANY_MEDIA, NULL);

  assert_takes (ig, list (image ("a.jpg", "image/jpeg", 800, 800, 1000),
                          image ("b.png", "image/png", 800, 800, 1000), NULL));
  assert_refuses (ig, list (image ("foto.webp", "image/webp", 800, 800, 1000), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_FORMAT,
                  "Instagram takes images in JPEG or PNG only; “foto.webp” is WebP.");
  assert_takes (ig, list (image ("foto.jpg", "image/jpeg", 800, 800, 8388608), NULL));
  assert_refuses (ig, list (image ("foto.jpg", "image/jpeg", 800, 800, 8388609), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE,
                  "Instagram takes images up to 8 MB; “foto.jpg” is 8,1 MB.");

  /* 4:5 to 1.91:1. */
  assert_takes (ig, list (image ("a.jpg", "image/jpeg", 1080, 1350, 1000),
                          image ("b.jpg", "image/jpeg", 1910, 1000, 1000), NULL));
  assert_refuses (ig, list (image ("tinggi.jpg", "image/jpeg", 1080, 1351, 1000), NULL),
                  SIGAP_TEXT_PROBLEM_IMAGE_RATIO,
                  "Instagram takes images from 4:5 to 1,91:1; “tinggi.jpg” is 1:1,26.");
  assert_refuses (ig, list (image ("lebar.jpg", "image/jpeg", 1911, 1000, 1000), NULL),
                  SIGAP_TEXT_PROBLEM_IMAGE_RATIO,
                  "Instagram takes images from 4:5 to 1,91:1; “lebar.jpg” is 1,92:1.");
  assert_refuses (ig, list (image ("spanduk.jpg", "image/jpeg", 3000, 1000, 1000), NULL),
                  SIGAP_TEXT_PROBLEM_IMAGE_RATIO,
                  "Instagram takes images from 4:5 to 1,91:1; “spanduk.jpg” is 3:1.");

  assert_takes (ig, list (image ("foto.jpg", "image/jpeg", 320, 320, 1000), NULL));
  assert_refuses (ig, list (image ("kecil.jpg", "image/jpeg", 319, 319, 1000), NULL),
                  SIGAP_TEXT_PROBLEM_IMAGE_TOO_NARROW,
                  "Instagram takes images at least 320 pixels wide; “kecil.jpg” is 319 pixels "
                  "wide.");

  assert_takes (ig, list (video ("a.mov", "video/quicktime", 1080, 1920, 1000, 10), NULL));
  assert_refuses (ig, list (video ("klip.webm", "video/webm", 1080, 1920, 1000, 10), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_FORMAT,
                  "Instagram takes videos in MP4 or MOV only; “klip.webm” is WebM.");
  assert_takes (ig, list (video ("v.mp4", "video/mp4", 1080, 1920, 314572800, 10), NULL));
  assert_refuses (ig, list (video ("v.mp4", "video/mp4", 1080, 1920, 314572801, 10), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE,
                  "Instagram takes videos up to 300 MB; “v.mp4” is 300,1 MB.");
  assert_takes (ig, list (video ("v.mp4", "video/mp4", 1080, 1920, 1000, 3), NULL));
  assert_refuses (ig, list (video ("v.mp4", "video/mp4", 1080, 1920, 1000, 2.9), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_TOO_SHORT,
                  "Instagram takes videos at least 3 seconds long; “v.mp4” lasts "
                  "2,9 seconds.");
  assert_takes (ig, list (video ("v.mp4", "video/mp4", 1080, 1920, 1000, 900), NULL));
  assert_refuses (ig, list (video ("v.mp4", "video/mp4", 1080, 1920, 1000, 900.1), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_TOO_LONG,
                  "Instagram takes videos up to 15 minutes long; “v.mp4” lasts 15 minutes "
                  "0,1 seconds.");

  /* 0.01 to 10. */
  assert_takes (ig, list (video ("a.mp4", "video/mp4", 100, 10000, 1000, 10),
                          video ("b.mp4", "video/mp4", 10000, 1000, 1000, 10), NULL));
  assert_refuses (ig, list (video ("v.mp4", "video/mp4", 99, 10000, 1000, 10), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_RATIO,
                  "Instagram takes videos from 1:100 to 10:1; “v.mp4” is 1:101,02.");
  assert_refuses (ig, list (video ("v.mp4", "video/mp4", 10001, 1000, 1000, 10), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_RATIO,
                  "Instagram takes videos from 1:100 to 10:1; “v.mp4” is 10,01:1.");
}

static void
test_rules_x (void)
{
  const SigapPlatform x = SIGAP_PLATFORM_X;

  assert_takes (x, many (photo, 4));
  assert_refuses (x, many (photo, 5), SIGAP_TEXT_PROBLEM_TOO_MANY_MEDIA,
                  "X allows at most 4 images or videos in a post; this post has 5.");
  assert_takes (x, list (clip (), NULL));
  assert_refuses (x, many (clip, 2), SIGAP_TEXT_PROBLEM_TOO_MANY_VIDEOS,
                  "X allows at most 1 video in a post; this post has 2 videos.");
  assert_refuses (x, list (photo (), clip (), NULL), SIGAP_TEXT_PROBLEM_MIXED_MEDIA,
                  "X does not take images and videos in the same post.");

  assert_takes (x, list (image ("a.jpg", "image/jpeg", 800, 600, 1000),
                         image ("b.png", "image/png", 800, 600, 1000),
                         image ("c.webp", "image/webp", 800, 600, 1000), NULL));
  assert_refuses (x, list (image ("anim.gif", "image/gif", 800, 600, 1000), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_FORMAT,
                  "X takes images in JPEG, PNG or WebP only; “anim.gif” is GIF.");
  assert_takes (x, list (image ("foto.jpg", "image/jpeg", 800, 600, 5242880), NULL));
  assert_refuses (x, list (image ("foto.jpg", "image/jpeg", 800, 600, 5242881), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE,
                  "X takes images up to 5 MB; “foto.jpg” is 5,1 MB.");
  assert_takes (x, list (image ("panorama.jpg", "image/jpeg", 10000, 100, 1000),
                         image ("pita.jpg", "image/jpeg", 1, 500, 1000), NULL));

  assert_refuses (x, list (video ("klip.webm", "video/webm", 1280, 720, 1000, 10), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_FORMAT,
                  "X takes videos in MP4 or MOV only; “klip.webm” is WebM.");
  assert_takes (x, list (video ("v.mov", "video/quicktime", 1280, 720, 536870912, 10), NULL));
  assert_refuses (x, list (video ("v.mov", "video/quicktime", 1280, 720, 536870913, 10), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE,
                  "X takes videos up to 512 MB; “v.mov” is 512,1 MB.");
  assert_takes (x, list (video ("v.mp4", "video/mp4", 1280, 720, 1000, 0.5), NULL));
  assert_refuses (x, list (video ("v.mp4", "video/mp4", 1280, 720, 1000, 0.4), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_TOO_SHORT,
                  "X takes videos at least 0,5 seconds long; “v.mp4” lasts 0,4 seconds.");
  assert_takes (x, list (video ("v.mp4", "video/mp4", 1280, 720, 1000, 140), NULL));
  assert_refuses (x, list (video ("v.mp4", "video/mp4", 1280, 720, 1000, 140.04), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_TOO_LONG,
                  "X takes videos up to 2 minutes 20 seconds long; “v.mp4” lasts 2 minutes "
                  "20,1 seconds.");

  /* 1:2.39 to 2.39:1. */
  assert_takes (x, list (video ("a.mp4", "video/mp4", 1000, 2390, 1000, 10), NULL));
  assert_takes (x, list (video ("b.mp4", "video/mp4", 2390, 1000, 1000, 10), NULL));
  assert_refuses (x, list (video ("v.mp4", "video/mp4", 1000, 2391, 1000, 10), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_RATIO,
                  "X takes videos from 1:2,39 to 2,39:1; “v.mp4” is 1:2,4.");
  assert_refuses (x, list (video ("v.mp4", "video/mp4", 2391, 1000, 1000, 10), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_RATIO,
                  "X takes videos from 1:2,39 to 2,39:1; “v.mp4” is 2,4:1.");
}

static void
test_rules_youtube (void)
{
  const SigapPlatform yt = SIGAP_PLATFORM_YOUTUBE;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  assert_takes (yt, list (clip (), NULL));
  assert_refuses (yt, many (clip, 2), SIGAP_TEXT_PROBLEM_TOO_MANY_MEDIA,
                  "YouTube allows at most 1 video in a post; this post has 2.");
  assert_refuses (yt, list (photo (), NULL), SIGAP_TEXT_PROBLEM_MEDIA_NOT_ACCEPTED,
                  "YouTube takes only videos; “foto.jpg” is an image.");

  /* A video and an image: one too many, and an image. */
  items = list (clip (), photo (), NULL);
  problems = sigap_platform_rules_check_media (rules, yt, items);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpint (((SigapTextProblem *) g_ptr_array_index (problems, 0))->kind, ==,
                   SIGAP_TEXT_PROBLEM_TOO_MANY_MEDIA);
  g_assert_cmpint (((SigapTextProblem *) g_ptr_array_index (problems, 1))->kind, ==,
                   SIGAP_TEXT_PROBLEM_MEDIA_NOT_ACCEPTED);

  assert_takes (yt, list (video ("a.mov", "video/quicktime", 640, 360, 1000, 10), NULL));
  assert_refuses (yt, list (video ("klip.webm", "video/webm", 640, 360, 1000, 10), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_FORMAT,
                  "YouTube takes videos in MP4 or MOV only; “klip.webm” is WebM.");
  assert_takes (yt, list (video ("v.mp4", "video/mp4", 640, 360,
                                 G_GUINT64_CONSTANT (274877906944), 10), NULL));
  assert_refuses (yt, list (video ("v.mp4", "video/mp4", 640, 360,
                                   G_GUINT64_CONSTANT (274877906945), 10), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE,
                  "YouTube takes videos up to 256 GB; “v.mp4” is 256,1 GB.");
  assert_takes (yt, list (video ("v.mp4", "video/mp4", 640, 360, 1000, 1), NULL));
  assert_refuses (yt, list (video ("v.mp4", "video/mp4", 640, 360, 1000, 0.9), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_TOO_SHORT,
                  "YouTube takes videos at least 1 second long; “v.mp4” lasts 0,9 seconds.");
  assert_takes (yt, list (video ("v.mp4", "video/mp4", 640, 360, 1000, 43200), NULL));
  assert_refuses (yt, list (video ("v.mp4", "video/mp4", 640, 360, 1000, 43200.1), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_TOO_LONG,
                  "YouTube takes videos up to 12 hours long; “v.mp4” lasts 12 hours "
                  "0,1 seconds.");
  assert_takes (yt, list (video ("v.mp4", "video/mp4", 100, 10000, 1000, 10), NULL));
}

static void
test_rules_tiktok (void)
{
  const SigapPlatform tt = SIGAP_PLATFORM_TIKTOK;

  assert_takes (tt, many (photo, 35));
  assert_refuses (tt, many (photo, 36), SIGAP_TEXT_PROBLEM_TOO_MANY_MEDIA,
                  "TikTok allows at most 35 images or videos in a post; this post has 36.");
  assert_takes (tt, list (clip (), NULL));
  assert_refuses (tt, many (clip, 2), SIGAP_TEXT_PROBLEM_TOO_MANY_VIDEOS,
                  "TikTok allows at most 1 video in a post; this post has 2 videos.");
  assert_refuses (tt, list (photo (), clip (), NULL), SIGAP_TEXT_PROBLEM_MIXED_MEDIA,
                  "TikTok does not take images and videos in the same post.");

  assert_takes (tt, list (image ("a.jpg", "image/jpeg", 800, 600, 1000),
                          image ("b.webp", "image/webp", 800, 600, 1000), NULL));
  assert_refuses (tt, list (image ("foto.png", "image/png", 800, 600, 1000), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_FORMAT,
                  "TikTok takes images in JPEG or WebP only; “foto.png” is PNG.");
  assert_takes (tt, list (image ("foto.jpg", "image/jpeg", 800, 600, 20971520), NULL));
  assert_refuses (tt, list (image ("foto.jpg", "image/jpeg", 800, 600, 20971521), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE,
                  "TikTok takes images up to 20 MB; “foto.jpg” is 20,1 MB.");
  assert_takes (tt, list (image ("panorama.jpg", "image/jpeg", 10000, 100, 1000),
                          image ("pita.jpg", "image/jpeg", 1, 500, 1000), NULL));

  assert_refuses (tt, list (video ("klip.webm", "video/webm", 1080, 1920, 1000, 10), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_FORMAT,
                  "TikTok takes videos in MP4 or MOV only; “klip.webm” is WebM.");
  assert_takes (tt, list (video ("v.mp4", "video/mp4", 1080, 1920,
                                 G_GUINT64_CONSTANT (4294967296), 10), NULL));
  assert_refuses (tt, list (video ("v.mp4", "video/mp4", 1080, 1920,
                                   G_GUINT64_CONSTANT (4294967297), 10), NULL),
                  SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE,
                  "TikTok takes videos up to 4 GB; “v.mp4” is 4,1 GB.");
  assert_takes (tt, list (video ("v.mp4", "video/mp4", 1080, 1920, 1000, 3), NULL));
  assert_refuses (tt, list (video ("v.mp4", "video/mp4", 1080, 1920, 1000, 2.95), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_TOO_SHORT,
                  "TikTok takes videos at least 3 seconds long; “v.mp4” lasts 2,9 seconds.");
  assert_takes (tt, list (video ("v.mp4", "video/mp4", 1080, 1920, 1000, 600), NULL));
  assert_refuses (tt, list (video ("v.mp4", "video/mp4", 1080, 1920, 1000, 754), NULL),
                  SIGAP_TEXT_PROBLEM_VIDEO_TOO_LONG,
                  "TikTok takes videos up to 10 minutes long; “v.mp4” lasts 12 minutes "
                  "34 seconds.");
  assert_takes (tt, list (video ("v.mp4", "video/mp4", 100, 10000, 1000, 10), NULL));
}

/* Reads a limit of the shipped document: -1 for null or missing. */
static double
limit_of (JsonObject *object,
          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return -1;

  return json_node_get_double (node);
}

static JsonObject *
object_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* An item of @kind that every limit of @rule lets through, then changed
 * by the caller. */
static SigapMediaItem *
acceptable (JsonObject *rule,
            gboolean    is_video)
{
  JsonArray *formats = json_object_get_array_member (rule, "formats");
  const char *mime_type = json_array_get_string_element (formats, 0);
  double min_seconds = limit_of (rule, "min_seconds");
  double ratio_min = limit_of (rule, "aspect_ratio_min");
  double ratio_max = limit_of (rule, "aspect_ratio_max");
  double ratio = 1;

  if (ratio_min > 1)
    ratio = ratio_min;
  else if (ratio_max > 0 && ratio_max < 1)
    ratio = ratio_max;

  if (is_video)
    return video ("v", mime_type, (int) (2000 * ratio), 2000, 1000,
                  MAX (min_seconds, 5));

  return image ("i", mime_type, (int) (2000 * ratio), 2000, 1000);
}

static guint
count_kind (GPtrArray            *problems,
            SigapTextProblemKind  kind)
{
  guint count = 0;

  for (guint i = 0; i < problems->len; i++)
    count += ((SigapTextProblem *) g_ptr_array_index (problems, i))->kind == kind;

  return count;
}

/* @item alone checked on @platform: a problem of @kind, and only that,
 * when @expected; none at all otherwise. */
static void
assert_item_limit (SigapPlatform         platform,
                   SigapMediaItem       *item,
                   SigapTextProblemKind  kind,
                   gboolean              expected)
{
  g_autoptr(GPtrArray) items = list (sigap_media_item_ref (item), NULL);
  g_autoptr(GPtrArray) problems = sigap_platform_rules_check_media (rules, platform, items);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: %s", sigap_platform_rules_get_name (rules, platform),
                    ((SigapTextProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, expected ? 1 : 0);
  g_assert_cmpuint (count_kind (problems, kind), ==, expected ? 1 : 0);
}

/* Each limit of an image or video object of the document: a file at it
 * passes, one just past it does not. */
static void
check_kind_limits (SigapPlatform  platform,
                   JsonObject    *rule,
                   gboolean       is_video)
{
  SigapTextProblemKind ratio_kind = is_video ? SIGAP_TEXT_PROBLEM_VIDEO_RATIO
                                             : SIGAP_TEXT_PROBLEM_IMAGE_RATIO;
  double max_bytes = limit_of (rule, "max_bytes");
  double ratio_min = limit_of (rule, "aspect_ratio_min");
  double ratio_max = limit_of (rule, "aspect_ratio_max");
  double min_width = limit_of (rule, "min_width");
  double min_seconds = limit_of (rule, "min_seconds");
  double max_seconds = limit_of (rule, "max_seconds");
  JsonArray *formats = json_object_get_array_member (rule, "formats");
  g_autoptr(SigapMediaItem) item = NULL;

  for (guint i = 0; i < json_array_get_length (formats); i++)
    {
      g_clear_pointer (&item, sigap_media_item_unref);
      item = acceptable (rule, is_video);
      sigap_media_item_set_mime_type (item, json_array_get_string_element (formats, i));
      assert_item_limit (platform, item, SIGAP_TEXT_PROBLEM_MEDIA_FORMAT, FALSE);
    }
  sigap_media_item_set_mime_type (item, is_video ? "video/x-flv" : "image/x-portable-pixmap");
  assert_item_limit (platform, item, SIGAP_TEXT_PROBLEM_MEDIA_FORMAT, TRUE);

  if (max_bytes > 0)
    {
      g_clear_pointer (&item, sigap_media_item_unref);
      item = acceptable (rule, is_video);
      sigap_media_item_set_bytes (item, (guint64) max_bytes);
      assert_item_limit (platform, item, SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE, FALSE);
      sigap_media_item_set_bytes (item, (guint64) max_bytes + 1);
      assert_item_limit (platform, item, SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE, TRUE);
    }

  /* On a height of 100000 pixels, a pixel of width is a step of 0.00001:
   * finer than the limits' decimals. */
  if (ratio_min > 0)
    {
      g_clear_pointer (&item, sigap_media_item_unref);
      item = acceptable (rule, is_video);
      sigap_media_item_set_height (item, 100000);
      sigap_media_item_set_width (item, (int) round (ratio_min * 100000));
      assert_item_limit (platform, item, ratio_kind, FALSE);
      sigap_media_item_set_width (item, (int) round (ratio_min * 100000) - 1);
      assert_item_limit (platform, item, ratio_kind, TRUE);
    }
  if (ratio_max > 0)
    {
      g_clear_pointer (&item, sigap_media_item_unref);
      item = acceptable (rule, is_video);
      sigap_media_item_set_height (item, 100000);
      sigap_media_item_set_width (item, (int) round (ratio_max * 100000));
      assert_item_limit (platform, item, ratio_kind, FALSE);
      sigap_media_item_set_width (item, (int) round (ratio_max * 100000) + 1);
      assert_item_limit (platform, item, ratio_kind, TRUE);
    }

  if (min_width > 0)
    {
      g_clear_pointer (&item, sigap_media_item_unref);
      item = acceptable (rule, is_video);
      sigap_media_item_set_width (item, (int) min_width);
      sigap_media_item_set_height (item, (int) min_width);
      assert_item_limit (platform, item, SIGAP_TEXT_PROBLEM_IMAGE_TOO_NARROW, FALSE);
      sigap_media_item_set_width (item, (int) min_width - 1);
      sigap_media_item_set_height (item, (int) min_width - 1);
      assert_item_limit (platform, item, SIGAP_TEXT_PROBLEM_IMAGE_TOO_NARROW, TRUE);
    }

  if (min_seconds > 0)
    {
      g_clear_pointer (&item, sigap_media_item_unref);
      item = acceptable (rule, is_video);
      sigap_media_item_set_duration (item, min_seconds);
      assert_item_limit (platform, item, SIGAP_TEXT_PROBLEM_VIDEO_TOO_SHORT, FALSE);
      sigap_media_item_set_duration (item, min_seconds - 0.01);
      assert_item_limit (platform, item, SIGAP_TEXT_PROBLEM_VIDEO_TOO_SHORT, TRUE);
    }
  if (max_seconds > 0)
    {
      g_clear_pointer (&item, sigap_media_item_unref);
      item = acceptable (rule, is_video);
      sigap_media_item_set_duration (item, max_seconds);
      assert_item_limit (platform, item, SIGAP_TEXT_PROBLEM_VIDEO_TOO_LONG, FALSE);
      sigap_media_item_set_duration (item, max_seconds + 0.01);
      assert_item_limit (platform, item, SIGAP_TEXT_PROBLEM_VIDEO_TOO_LONG, TRUE);
    }
}

static GPtrArray *
copies (SigapMediaItem *item,
        guint           count)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_media_item_unref);

  for (guint i = 0; i < count; i++)
    g_ptr_array_add (items, sigap_media_item_copy (item));

  return items;
}

static void
assert_count_limit (SigapPlatform         platform,
                    SigapMediaItem       *item,
                    guint                 max,
                    SigapTextProblemKind  kind)
{
  g_autoptr(GPtrArray) at = copies (item, max);
  g_autoptr(GPtrArray) over = copies (item, max + 1);
  g_autoptr(GPtrArray) at_problems = sigap_platform_rules_check_media (rules, platform, at);
  g_autoptr(GPtrArray) over_problems = sigap_platform_rules_check_media (rules, platform, over);

  g_assert_cmpuint (at_problems->len, ==, 0);
  g_assert_cmpuint (count_kind (over_problems, kind), ==, 1);
}

/* Every limit of every platform of the shipped document, whatever it
 * holds: a file at the limit passes, one just past it does not. */
static void
test_rules_every_limit (void)
{
  g_autoptr(GEnumClass) platform_class = g_type_class_ref (SIGAP_TYPE_PLATFORM);
  JsonArray *platforms = json_object_get_array_member (platforms_document, "platforms");
  guint checked = 0;

  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      JsonObject *platform = json_array_get_object_element (platforms, i);
      JsonObject *media = object_member (platform, "media");
      JsonObject *image_rule = object_member (media, "image");
      JsonObject *video_rule = object_member (media, "video");
      GEnumValue *value = g_enum_get_value_by_nick (platform_class,
                                                    json_object_get_string_member (platform,
                                                                                   "id"));
      double max_items = limit_of (media, "max_items");
      double max_videos = limit_of (media, "max_videos");
      JsonNode *mixed = json_object_get_member (media, "mixed");
      g_autoptr(SigapMediaItem) some_image = NULL;
      g_autoptr(SigapMediaItem) some_video = NULL;

      g_assert_nonnull (value);
      g_test_message ("%s", json_object_get_string_member (platform, "id"));

      if (image_rule != NULL)
        {
          some_image = acceptable (image_rule, FALSE);
          check_kind_limits (value->value, image_rule, FALSE);
        }
      else
        {
          g_autoptr(SigapMediaItem) refused = image ("i", "image/jpeg", 100, 100, 100);

          assert_item_limit (value->value, refused, SIGAP_TEXT_PROBLEM_MEDIA_NOT_ACCEPTED, TRUE);
        }

      if (video_rule != NULL)
        {
          some_video = acceptable (video_rule, TRUE);
          check_kind_limits (value->value, video_rule, TRUE);
        }
      else
        {
          g_autoptr(SigapMediaItem) refused = video ("v", "video/mp4", 100, 100, 100, 10);

          assert_item_limit (value->value, refused, SIGAP_TEXT_PROBLEM_MEDIA_NOT_ACCEPTED, TRUE);
        }

      /* The post's count with images, or with videos when they are all it
       * takes and their own limit is no lower. */
      if (max_items > 0)
        {
          g_assert_true (some_image != NULL || max_videos < 0 || max_videos >= max_items);
          assert_count_limit (value->value, some_image != NULL ? some_image : some_video,
                              (guint) max_items, SIGAP_TEXT_PROBLEM_TOO_MANY_MEDIA);
        }
      if (some_video != NULL && max_videos > 0 && (max_items < 0 || max_videos < max_items))
        assert_count_limit (value->value, some_video, (guint) max_videos,
                            SIGAP_TEXT_PROBLEM_TOO_MANY_VIDEOS);

      if (some_image != NULL && some_video != NULL)
        {
          g_autoptr(GPtrArray) both = list (sigap_media_item_ref (some_image),
                                            sigap_media_item_ref (some_video), NULL);
          g_autoptr(GPtrArray) problems = sigap_platform_rules_check_media (rules, value->value,
                                                                            both);
          gboolean mixes = mixed == NULL || JSON_NODE_HOLDS_NULL (mixed)
                           || json_node_get_boolean (mixed);

          g_assert_cmpuint (count_kind (problems, SIGAP_TEXT_PROBLEM_MIXED_MEDIA), ==,
                            mixes ? 0 : 1);
        }
      checked++;
    }

  g_assert_cmpuint (checked, ==, SIGAP_N_PLATFORMS);
}

/* Dimensions and durations nobody could read (0) are not checked. */
static void
test_rules_unknown_values (void)
{
  assert_takes (SIGAP_PLATFORM_INSTAGRAM,
                list (image ("a.jpg", "image/jpeg", 0, 0, 1000),
                      video ("b.mp4", "video/mp4", 0, 0, 1000, 0), NULL));
}

static void
test_rules_invalid_document (void)
{
  const char *media[] = {
    "\"yes\"",
    "{\"max_items\":-1,\"image\":null,\"video\":null}",
    "{\"max_items\":\"4\",\"image\":null,\"video\":null}",
    "{\"max_items\":4,\"max_videos\":1.5,\"image\":null,\"video\":null}",
    "{\"max_items\":4,\"mixed\":\"no\",\"image\":null,\"video\":null}",
    "{\"max_items\":4,\"image\":5,\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":[]},\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":[1]},\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":\"image/png\"},\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":[\"video/mp4\"]},\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":[\"image/\"]},\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":[\"image/png\"],\"max_bytes\":0},\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":[\"image/png\"],\"max_bytes\":1.5},\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":[\"image/png\"],\"max_bytes\":\"5MB\"},"
    "\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":[\"image/png\"],\"aspect_ratio_min\":\"0.8\"},"
    "\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":[\"image/png\"],\"aspect_ratio_min\":-1},"
    "\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":[\"image/png\"],\"aspect_ratio_min\":2,"
    "\"aspect_ratio_max\":1},\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":[\"image/png\"],\"min_width\":0},\"video\":null}",
    "{\"max_items\":4,\"image\":{\"formats\":[\"image/png\"],\"min_width\":32.5},"
    "\"video\":null}",
    "{\"max_items\":4,\"image\":null,\"video\":{\"formats\":[\"image/png\"]}}",
    "{\"max_items\":4,\"image\":null,\"video\":{\"formats\":[\"video/mp4\"],"
    "\"min_seconds\":10,\"max_seconds\":5}}",
    "{\"max_items\":4,\"image\":null,\"video\":{\"formats\":[\"video/mp4\"],"
    "\"max_seconds\":0}}",
    "{\"max_items\":4,\"image\":null,\"video\":{\"formats\":[\"video/mp4\"],"
    "\"min_seconds\":-1}}",
  };
  g_autoptr(SigapTwitterText) twitter = sigap_twitter_text_new_shipped (NULL);

  g_assert_nonnull (twitter);
  for (guint i = 0; i < G_N_ELEMENTS (media); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"platforms\":[{\"id\":\"x\",\"name\":\"X\","
                                               "\"text\":[],\"media\":%s}]}", media[i]);
      g_autoptr(JsonNode) node = json_from_string (text, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(SigapPlatformRules) invalid = NULL;

      g_test_message ("%s", media[i]);
      g_assert_nonnull (node);
      invalid = sigap_platform_rules_new (json_node_get_object (node), twitter, &error);
      g_assert_null (invalid);
      g_assert_error (error, SIGAP_PLATFORM_RULES_ERROR, SIGAP_PLATFORM_RULES_ERROR_INVALID);
    }
}

/* Rules no shipped platform has: no "media" at all takes anything; no
 * kind, or no item, takes nothing; no video refuses each video. */
static void
test_rules_custom (void)
{
  const struct
  {
    const char *media;
    const char *messages;
  } cases[] = {
    { NULL, "" },
    { "{\"max_items\":0,\"image\":{\"formats\":[\"image/jpeg\"]},\"video\":null}",
      "X takes no images or videos." },
    { "{\"max_items\":4,\"image\":null,\"video\":null}",
      "X takes no images or videos." },
    { "{\"max_items\":4,\"max_videos\":0,\"image\":{\"formats\":[\"image/jpeg\"]},"
      "\"video\":{\"formats\":[\"video/mp4\"]}}",
      "X takes only images; “video.mp4” is a video." },
    { "{\"max_items\":null,\"image\":{\"formats\":[\"image/jpeg\"],"
      "\"aspect_ratio_min\":1.5},\"video\":{\"formats\":[\"video/mp4\"],"
      "\"aspect_ratio_max\":0.5}}",
      "X takes images of 3:2 or wider; “foto.jpg” is 1:1.\n"
      "X takes videos of 1:2 or narrower; “video.mp4” is 9:16." },
  };
  g_autoptr(SigapTwitterText) twitter = sigap_twitter_text_new_shipped (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SigapPlatformRules) custom = NULL;
      g_autoptr(GPtrArray) items = list (photo (), clip (), NULL);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GString) messages = g_string_new (NULL);

      if (cases[i].media != NULL)
        text = g_strdup_printf ("{\"platforms\":[{\"id\":\"x\",\"name\":\"X\",\"text\":[],"
                                "\"media\":%s}]}", cases[i].media);
      else
        text = g_strdup ("{\"platforms\":[{\"id\":\"x\",\"name\":\"X\",\"text\":[]}]}");
      node = json_from_string (text, &error);
      g_assert_no_error (error);
      custom = sigap_platform_rules_new (json_node_get_object (node), twitter, &error);
      g_assert_no_error (error);

      problems = sigap_platform_rules_check_media (custom, SIGAP_PLATFORM_X, items);
      for (guint j = 0; j < problems->len; j++)
        g_string_append_printf (messages, "%s%s", j > 0 ? "\n" : "",
                                ((SigapTextProblem *) g_ptr_array_index (problems, j))->message);
      g_assert_cmpstr (messages->str, ==, cases[i].messages);
    }
}

static void
test_item_basics (void)
{
  g_autoptr(SigapMediaItem) item = image ("foto.jpg", "image/jpeg", 1080, 1350, 1234);
  g_autoptr(SigapMediaItem) copy = NULL;
  g_autoptr(SigapMediaItem) unknown = sigap_media_item_new ("/tmp/x", SIGAP_MEDIA_KIND_VIDEO);

  g_assert_cmpfloat_with_epsilon (sigap_media_item_get_aspect_ratio (item), 0.8, 1e-12);
  g_assert_cmpfloat (sigap_media_item_get_aspect_ratio (unknown), ==, 0);
  g_assert_cmpstr (sigap_media_item_get_display_name (item), ==, "foto.jpg");
  g_assert_null (sigap_media_item_get_sha256 (item));

  sigap_media_item_set_display_name (item, "Foto rapat.jpg");
  sigap_media_item_set_sha256 (item, SHA256_TEST);
  copy = sigap_media_item_copy (item);
  sigap_media_item_set_width (item, 1);
  g_assert_cmpint (sigap_media_item_get_width (copy), ==, 1080);
  g_assert_cmpstr (sigap_media_item_get_display_name (copy), ==, "Foto rapat.jpg");
  g_assert_cmpstr (sigap_media_item_get_sha256 (copy), ==, SHA256_TEST);
  sigap_media_item_set_display_name (copy, NULL);
  g_assert_cmpstr (sigap_media_item_get_display_name (copy), ==, "foto.jpg");
  g_assert_true (G_TYPE_IS_BOXED (SIGAP_TYPE_MEDIA_ITEM));
}

static void
assert_same_item (SigapMediaItem *a,
                  SigapMediaItem *b)
{
  g_assert_cmpstr (sigap_media_item_get_path (a), ==, sigap_media_item_get_path (b));
  g_assert_cmpstr (sigap_media_item_get_display_name (a), ==,
                   sigap_media_item_get_display_name (b));
  g_assert_cmpstr (sigap_media_item_get_mime_type (a), ==, sigap_media_item_get_mime_type (b));
  g_assert_cmpint (sigap_media_item_get_kind (a), ==, sigap_media_item_get_kind (b));
  g_assert_cmpuint (sigap_media_item_get_bytes (a), ==, sigap_media_item_get_bytes (b));
  g_assert_cmpint (sigap_media_item_get_width (a), ==, sigap_media_item_get_width (b));
  g_assert_cmpint (sigap_media_item_get_height (a), ==, sigap_media_item_get_height (b));
  g_assert_cmpfloat (sigap_media_item_get_duration (a), ==, sigap_media_item_get_duration (b));
  g_assert_cmpstr (sigap_media_item_get_sha256 (a), ==, sigap_media_item_get_sha256 (b));
}

static void
test_json_round_trip (void)
{
  g_autoptr(GPtrArray) items = list (image ("Rapat koordinasi.jpg", "image/jpeg", 1080, 1350,
                                            483122),
                                     video ("Senam pagi \"HUT\" ✨.mov", "video/quicktime", 720,
                                            1280, G_GUINT64_CONSTANT (10737418240), 140.04),
                                     sigap_media_item_new ("/media/usb/\xff\xfe.png",
                                                           SIGAP_MEDIA_KIND_IMAGE),
                                     NULL);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *json = NULL;
  g_autofree char *empty_json = NULL;
  g_autoptr(GError) error = NULL;

  sigap_media_item_set_sha256 (g_ptr_array_index (items, 0), SHA256_TEST);
  sigap_media_item_set_display_name (g_ptr_array_index (items, 1), "Senam pagi ✨");
  /* A file name that is not UTF-8 travels as a file:// URI. */
  sigap_media_item_set_mime_type (g_ptr_array_index (items, 2), "image/png");

  json = sigap_media_list_to_json (items);
  g_test_message ("%s", json);
  g_assert_true (g_utf8_validate (json, -1, NULL));
  g_assert_nonnull (strstr (json, "\"uri\":\"file:///media/usb/%FF%FE.png\""));

  back = sigap_media_list_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, items->len);
  for (guint i = 0; i < items->len; i++)
    assert_same_item (g_ptr_array_index (items, i), g_ptr_array_index (back, i));

  empty_json = sigap_media_list_to_json (empty);
  g_assert_cmpstr (empty_json, ==, "[]");
  none = sigap_media_list_from_json (empty_json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_json_hostile (void)
{
#define ITEM(members) "[{\"path\":\"/a/b.jpg\",\"kind\":\"image\",\"mime_type\":\"image/jpeg\"" \
                      members "}]"
#define VIDEO(members) "[{\"path\":\"/a/b.mp4\",\"kind\":\"video\",\"mime_type\":\"video/mp4\"" \
                       members "}]"
  const char *documents[] = {
    "",
    "not json",
    "null",
    "{}",
    "{\"path\":\"/a/b.jpg\"}",
    "[1]",
    "[null]",
    "[[]]",
    "[{}]",
    "[{\"kind\":\"image\",\"mime_type\":\"image/jpeg\"}]",
    "[{\"path\":\"\",\"kind\":\"image\",\"mime_type\":\"image/jpeg\"}]",
    "[{\"path\":42,\"kind\":\"image\",\"mime_type\":\"image/jpeg\"}]",
    "[{\"path\":null,\"kind\":\"image\",\"mime_type\":\"image/jpeg\"}]",
    "[{\"path\":[\"/a\"],\"kind\":\"image\",\"mime_type\":\"image/jpeg\"}]",
    "[{\"path\":\"/a/b.jpg\",\"mime_type\":\"image/jpeg\"}]",
    "[{\"path\":\"/a/b.jpg\",\"kind\":\"audio\",\"mime_type\":\"audio/mpeg\"}]",
    "[{\"path\":\"/a/b.jpg\",\"kind\":0,\"mime_type\":\"image/jpeg\"}]",
    "[{\"path\":\"/a/b.jpg\",\"kind\":\"image\"}]",
    "[{\"path\":\"/a/b.jpg\",\"kind\":\"image\",\"mime_type\":\"video/mp4\"}]",
    "[{\"path\":\"/a/b.jpg\",\"kind\":\"image\",\"mime_type\":\"image/\"}]",
    "[{\"path\":\"/a/b.jpg\",\"kind\":\"image\",\"mime_type\":\"image/jp eg\"}]",
    "[{\"path\":\"/a/b.jpg\",\"kind\":\"image\",\"mime_type\":\"image/a/b\"}]",
    "[{\"path\":\"/a/b.jpg\",\"uri\":\"file:///a/b.jpg\",\"kind\":\"image\","
    "\"mime_type\":\"image/jpeg\"}]",
    "[{\"uri\":\"http://example.com/b.jpg\",\"kind\":\"image\",\"mime_type\":\"image/jpeg\"}]",
    ITEM (",\"bytes\":-1"),
    ITEM (",\"bytes\":\"483122\""),
    ITEM (",\"bytes\":1.5"),
    ITEM (",\"bytes\":true"),
    ITEM (",\"bytes\":null"),
    ITEM (",\"bytes\":99999999999999999999999"),
    ITEM (",\"width\":-1080"),
    ITEM (",\"width\":10000000"),
    ITEM (",\"height\":\"1350\""),
    ITEM (",\"height\":{}"),
    ITEM (",\"duration\":1"),
    ITEM (",\"display_name\":\"\""),
    ITEM (",\"display_name\":7"),
    ITEM (",\"sha256\":\"abc\""),
    ITEM (",\"sha256\":\"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08\""),
    ITEM (",\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g\""),
    ITEM (",\"sha256\":5"),
    VIDEO (",\"duration\":-1"),
    VIDEO (",\"duration\":\"60\""),
    VIDEO (",\"duration\":1e999"),
    VIDEO (",\"duration\":1e300"),
    "[{\"path\":\"/a/b.jpg\",\"kind\":\"image\",\"mime_type\":\"image/jpeg\"}] trailing",
  };
  const char *valid[] = { ITEM (""), VIDEO (",\"duration\":60.5") };
  g_autofree char *deep = NULL;
  g_autofree char *long_path = NULL;
  g_autofree char *nul = NULL;
  g_autoptr(GString) crowd = g_string_new ("[");
  const char *more[4];

  /* What each hostile document changes is all that is wrong with it. */
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = sigap_media_list_from_json (valid[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (items->len, ==, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = sigap_media_list_from_json (documents[i], &error);

      g_test_message ("%s", documents[i]);
      g_assert_null (items);
      g_assert_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_INVALID);
    }

  /* Nested far too deep for a recursive parser, a path far too long, a
   * NUL in a string, too many items. */
  deep = g_strnfill (100000, '[');
  long_path = g_strdup_printf ("[{\"path\":\"/%0*d\",\"kind\":\"image\","
                               "\"mime_type\":\"image/jpeg\"}]", 5000, 0);
  nul = g_strdup ("[{\"path\":\"/a\\u0000b\",\"kind\":\"image\",\"mime_type\":\"image/jpeg\"}]");
  for (guint i = 0; i < 1001; i++)
    g_string_append (crowd, i > 0 ? ",{\"path\":\"/a\",\"kind\":\"image\","
                                    "\"mime_type\":\"image/png\"}"
                                  : "{\"path\":\"/a\",\"kind\":\"image\","
                                    "\"mime_type\":\"image/png\"}");
  g_string_append (crowd, "]");
  more[0] = deep;
  more[1] = long_path;
  more[2] = nul;
  more[3] = crowd->str;
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = sigap_media_list_from_json (more[i], &error);

      g_assert_null (items);
      g_assert_error (error, SIGAP_MEDIA_ERROR, SIGAP_MEDIA_ERROR_INVALID);
    }
#undef ITEM
#undef VIDEO
}

/* What the JSON may leave out, and what it may add. */
static void
test_json_lenient (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  SigapMediaItem *item;

  items = sigap_media_list_from_json ("[{\"path\":\"/a/b.mp4\",\"kind\":\"video\","
                                      "\"mime_type\":\"video/mp4\",\"duration\":12,"
                                      "\"sha256\":null,\"caption\":\"later\"}]",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (sigap_media_item_get_display_name (item), ==, "b.mp4");
  g_assert_cmpuint (sigap_media_item_get_bytes (item), ==, 0);
  g_assert_cmpfloat (sigap_media_item_get_duration (item), ==, 12);
  g_assert_null (sigap_media_item_get_sha256 (item));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(SigapTwitterText) twitter = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);

  bytes = sigap_central_documents_read_shipped ("platforms", &error);
  g_assert_no_error (error);
  document = json_from_string (g_bytes_get_data (bytes, NULL), &error);
  g_assert_no_error (error);
  platforms_document = json_node_get_object (document);
  twitter = sigap_twitter_text_new_shipped (&error);
  g_assert_no_error (error);
  rules = sigap_platform_rules_new (platforms_document, twitter, &error);
  g_assert_no_error (error);

  fixtures = g_dir_make_tmp ("sigap-media-XXXXXX", &error);
  g_assert_no_error (error);
  make_fixtures ();

  g_test_add_func ("/media/item/basics", test_item_basics);
  g_test_add_func ("/media/json/round-trip", test_json_round_trip);
  g_test_add_func ("/media/json/hostile", test_json_hostile);
  g_test_add_func ("/media/json/lenient", test_json_lenient);
  g_test_add_func ("/media/probe/images", test_probe_images);
  g_test_add_func ("/media/probe/exif-orientation", test_probe_exif_orientation);
  g_test_add_func ("/media/probe/webp", test_probe_webp);
  g_test_add_func ("/media/probe/videos", test_probe_videos);
  g_test_add_func ("/media/probe/rotated-video", test_probe_rotated_video);
  g_test_add_func ("/media/probe/errors", test_probe_errors);
  g_test_add_func ("/media/probe/async", test_probe_async);
  g_test_add_func ("/media/thumbnail/images", test_thumbnail_images);
  g_test_add_func ("/media/thumbnail/videos", test_thumbnail_videos);
  g_test_add_func ("/media/thumbnail/async", test_thumbnail_async);
  g_test_add_func ("/media/thumbnail/errors", test_thumbnail_errors);
  g_test_add_func ("/media/rules/facebook", test_rules_facebook);
  g_test_add_func ("/media/rules/instagram", test_rules_instagram);
  g_test_add_func ("/media/rules/x", test_rules_x);
  g_test_add_func ("/media/rules/youtube", test_rules_youtube);
  g_test_add_func ("/media/rules/tiktok", test_rules_tiktok);
  g_test_add_func ("/media/rules/every-limit", test_rules_every_limit);
  g_test_add_func ("/media/rules/unknown-values", test_rules_unknown_values);
  g_test_add_func ("/media/rules/custom", test_rules_custom);
  g_test_add_func ("/media/rules/invalid-document", test_rules_invalid_document);

  status = g_test_run ();

  remove_fixtures ();
  g_clear_pointer (&fixtures, g_free);
  g_clear_pointer (&rules, sigap_platform_rules_unref);
  gst_deinit ();

  return status;
}
