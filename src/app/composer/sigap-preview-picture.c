/* sigap-preview-picture.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-preview-picture"

#include "config.h"

#include <math.h>

#include "sigap-preview-picture.h"

/* An image of a post's preview as a feed shows it: a box of the width it
 * is given and of the ratio (width / height) the platform crops to, that
 * the image covers, centred and clipped, as GtkPicture's "cover" fit
 * does in later GTK versions. The ratio comes from
 * sigap_post_preview_crop(), whose centred part of the image is the one
 * drawn here. Without an image, the box alone (its colour from CSS). */
struct _SigapPreviewPicture
{
  GtkWidget parent_instance;

  GdkPaintable *paintable;
  double ratio;
  int max_width;  /* -1 for none */
};

G_DEFINE_FINAL_TYPE (SigapPreviewPicture, sigap_preview_picture, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAINTABLE,
  PROP_RATIO,
  PROP_MAX_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MIN_WIDTH 16

static void
paintable_invalidate_contents_cb (SigapPreviewPicture *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GtkSizeRequestMode
sigap_preview_picture_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sigap_preview_picture_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  SigapPreviewPicture *self = SIGAP_PREVIEW_PICTURE (widget);

  /* As wide as the parent makes it (a feed's column), up to max_width;
   * as high as the ratio makes that width. As GtkPicture, it may be made
   * smaller: a minimum height that grew with the width would break GTK's
   * height-for-width contract (in a scrolled window it gets its natural
   * height). */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      if (self->max_width >= 0)
        *natural = MAX (MIN_WIDTH, self->max_width);
      else if (for_size >= 0)
        *natural = MAX (MIN_WIDTH, (int) ceil (for_size * self->ratio));
      else
        *natural = MIN_WIDTH;
    }
  else
    {
      int width = for_size >= 0 ? MAX (for_size, MIN_WIDTH) : MIN_WIDTH;

      if (self->max_width >= 0)
        width = MIN (width, MAX (self->max_width, MIN_WIDTH));
      *minimum = 0;
      *natural = (int) ceil (width / self->ratio);
    }
}

static void
sigap_preview_picture_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  SigapPreviewPicture *self = SIGAP_PREVIEW_PICTURE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double image_ratio;
  double draw_width;
  double draw_height;

  if (self->paintable == NULL || width <= 0 || height <= 0)
    return;

  image_ratio = gdk_paintable_get_intrinsic_aspect_ratio (self->paintable);
  if (image_ratio <= 0)
    image_ratio = width / height;

  /* Cover: the image scaled until it fills the box both ways. */
  if (image_ratio > width / height)
    {
      draw_height = height;
      draw_width = height * image_ratio;
    }
  else
    {
      draw_width = width;
      draw_height = width / image_ratio;
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - draw_width) / 2,
                                                          (height - draw_height) / 2));
  gdk_paintable_snapshot (self->paintable, snapshot, draw_width, draw_height);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
sigap_preview_picture_dispose (GObject *object)
{
  SigapPreviewPicture *self = SIGAP_PREVIEW_PICTURE (object);

  g_clear_object (&self->paintable);

  G_OBJECT_CLASS (sigap_preview_picture_parent_class)->dispose (object);
}

static void
sigap_preview_picture_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SigapPreviewPicture *self = SIGAP_PREVIEW_PICTURE (object);

  switch (prop_id)
    {
    case PROP_PAINTABLE:
      g_value_set_object (value, self->paintable);
      break;
    case PROP_RATIO:
      g_value_set_double (value, self->ratio);
      break;
    case PROP_MAX_WIDTH:
      g_value_set_int (value, self->max_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_preview_picture_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SigapPreviewPicture *self = SIGAP_PREVIEW_PICTURE (object);

  switch (prop_id)
    {
    case PROP_PAINTABLE:
      sigap_preview_picture_set_paintable (self, g_value_get_object (value));
      break;
    case PROP_RATIO:
      sigap_preview_picture_set_ratio (self, g_value_get_double (value));
      break;
    case PROP_MAX_WIDTH:
      sigap_preview_picture_set_max_width (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_preview_picture_class_init (SigapPreviewPictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_preview_picture_dispose;
  object_class->get_property = sigap_preview_picture_get_property;
  object_class->set_property = sigap_preview_picture_set_property;

  widget_class->get_request_mode = sigap_preview_picture_get_request_mode;
  widget_class->measure = sigap_preview_picture_measure;
  widget_class->snapshot = sigap_preview_picture_snapshot;

  /**
   * SigapPreviewPicture:paintable:
   *
   * The image, or %NULL for the box alone.
   */
  properties[PROP_PAINTABLE] =
    g_param_spec_object ("paintable", NULL, NULL,
                         GDK_TYPE_PAINTABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SigapPreviewPicture:ratio:
   *
   * The box's width divided by its height.
   */
  properties[PROP_RATIO] =
    g_param_spec_double ("ratio", NULL, NULL,
                         0.01, 100.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SigapPreviewPicture:max-width:
   *
   * The widest the box gets, its height following, or -1 for as wide as
   * it is given: a phone's screen in a wider column.
   */
  properties[PROP_MAX_WIDTH] =
    g_param_spec_int ("max-width", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "previewpicture");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sigap_preview_picture_init (SigapPreviewPicture *self)
{
  self->ratio = 1.0;
  self->max_width = -1;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/**
 * sigap_preview_picture_new:
 *
 * Creates a square box without an image.
 *
 * Returns: (transfer floating): a new #SigapPreviewPicture
 */
GtkWidget *
sigap_preview_picture_new (void)
{
  return g_object_new (SIGAP_TYPE_PREVIEW_PICTURE, NULL);
}

/**
 * sigap_preview_picture_get_paintable:
 * @self: a #SigapPreviewPicture
 *
 * Returns: (transfer none) (nullable): the image
 */
GdkPaintable *
sigap_preview_picture_get_paintable (SigapPreviewPicture *self)
{
  g_return_val_if_fail (SIGAP_IS_PREVIEW_PICTURE (self), NULL);

  return self->paintable;
}

/**
 * sigap_preview_picture_set_paintable:
 * @self: a #SigapPreviewPicture
 * @paintable: (nullable): the image
 *
 * Sets the image that covers the box.
 */
void
sigap_preview_picture_set_paintable (SigapPreviewPicture *self,
                                     GdkPaintable        *paintable)
{
  g_return_if_fail (SIGAP_IS_PREVIEW_PICTURE (self));
  g_return_if_fail (paintable == NULL || GDK_IS_PAINTABLE (paintable));

  if (self->paintable == paintable)
    return;

  if (self->paintable != NULL)
    g_signal_handlers_disconnect_by_data (self->paintable, self);
  g_set_object (&self->paintable, paintable);
  if (paintable != NULL)
    {
      /* An animation or a thumbnail loaded later. */
      g_signal_connect_object (paintable, "invalidate-contents",
                               G_CALLBACK (paintable_invalidate_contents_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAINTABLE]);
}

/**
 * sigap_preview_picture_get_ratio:
 * @self: a #SigapPreviewPicture
 *
 * Returns: the box's width divided by its height
 */
double
sigap_preview_picture_get_ratio (SigapPreviewPicture *self)
{
  g_return_val_if_fail (SIGAP_IS_PREVIEW_PICTURE (self), 1.0);

  return self->ratio;
}

/**
 * sigap_preview_picture_set_ratio:
 * @self: a #SigapPreviewPicture
 * @ratio: the box's width divided by its height
 *
 * Sets the ratio of the box, that of the part of the image the feed
 * shows.
 */
void
sigap_preview_picture_set_ratio (SigapPreviewPicture *self,
                                 double               ratio)
{
  g_return_if_fail (SIGAP_IS_PREVIEW_PICTURE (self));
  g_return_if_fail (ratio > 0);

  ratio = CLAMP (ratio, 0.01, 100.0);
  if (self->ratio == ratio)
    return;

  self->ratio = ratio;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATIO]);
}

/**
 * sigap_preview_picture_get_max_width:
 * @self: a #SigapPreviewPicture
 *
 * Returns: the widest the box gets, or -1 for as wide as it is given
 */
int
sigap_preview_picture_get_max_width (SigapPreviewPicture *self)
{
  g_return_val_if_fail (SIGAP_IS_PREVIEW_PICTURE (self), -1);

  return self->max_width;
}

/**
 * sigap_preview_picture_set_max_width:
 * @self: a #SigapPreviewPicture
 * @max_width: the widest the box gets, or -1 for as wide as it is given
 *
 * Limits the box's width, and so its height, whatever width the parent
 * offers: its natural width is then @max_width.
 */
void
sigap_preview_picture_set_max_width (SigapPreviewPicture *self,
                                     int                  max_width)
{
  g_return_if_fail (SIGAP_IS_PREVIEW_PICTURE (self));

  max_width = MAX (max_width, -1);
  if (self->max_width == max_width)
    return;

  self->max_width = max_width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_WIDTH]);
}
