/* sigap-preview-card.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-preview-card"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sigap-enums.h"
#include "sigap-labels.h"
#include "sigap-post-preview.h"
#include "sigap-preview-card.h"
#include "sigap-preview-picture.h"

/* A post as one platform's feed will show it, for the composer: the
 * account's header, the text folded where the feed folds it (the core's
 * sigap_post_preview_markup_full()) with a button for the rest, and the
 * images cropped as the feed crops them. Made of real labels and buttons,
 * so that the accessibility tree and screenshots hold the text.
 *
 * The layout is built again only when the platform or the media change;
 * a keystroke (set_text()) sets the text label's markup and the button. */
struct _SigapPreviewCard
{
  GtkWidget parent_instance;

  SigapTwitterText *tt;
  SigapPlatform platform;
  char *display_name;
  char *handle;        /* without its '@' */
  char *text;
  char *title;
  GPtrArray *media;    /* SigapPreviewMedia */
  gboolean expanded;
  char *markup;        /* what text_label shows */

  /* The card's two children, one shown: not a GtkStack, whose
   * allocation asks its page for the width it needs at a height, which
   * for a text that wraps GTK finds by laying it out again and again. */
  GtkWidget *empty;
  GtkWidget *post;     /* the platform's layout */

  /* The layout's widgets, which it owns. meta_label and title_label may
   * be NULL. */
  AdwAvatar *avatar;
  GtkLabel *name_label;
  GtkLabel *meta_label;
  GtkLabel *title_label;
  GtkLabel *text_label;
  GtkWidget *text_box;  /* text_label's parent, see text_measure() */
  GtkButton *more_button;
  GtkBox *media_box;
};

G_DEFINE_FINAL_TYPE (SigapPreviewCard, sigap_preview_card, GTK_TYPE_WIDGET)

G_DEFINE_BOXED_TYPE (SigapPreviewMedia, sigap_preview_media,
                     sigap_preview_media_copy, sigap_preview_media_free)

enum {
  PROP_0,
  PROP_PLATFORM,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The card's style class for each platform. */
static const char * const platform_classes[SIGAP_N_PLATFORMS] = {
  [SIGAP_PLATFORM_FACEBOOK] = "facebook",
  [SIGAP_PLATFORM_INSTAGRAM] = "instagram",
  [SIGAP_PLATFORM_X] = "x",
  [SIGAP_PLATFORM_YOUTUBE] = "youtube",
  [SIGAP_PLATFORM_TIKTOK] = "tiktok",
};

/* The most images a grid shows; a last one says how many more. */
#define GRID_MAX 4

/* The width of TikTok's 9:16 screen in the preview. */
#define TIKTOK_WIDTH 270

static void update_text (SigapPreviewCard *self);

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static GtkWidget *
new_text_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Not PANGO_WRAP_WORD_CHAR, which Pango 1.50 lays out ten times more
   * slowly: a link breaks after its '/' anyway. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  /* Wraps to the width given; asks for a column's width, not a line's. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

/* The text label's height for the width it was last measured at. */
typedef struct
{
  int width;
  int minimum;
  int natural;
  int minimum_baseline;
  int natural_baseline;
} TextSize;

static GtkSizeRequestMode
text_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The layout of the text label's parent, so that a keystroke in a long
 * text costs one Pango layout of it, not several: GTK 4.8's GtkLabel
 * lays a wrapping text out again for its width (the smallest, which GTK
 * asks before any height, and the natural), for its height without a
 * width (the text on one line, which GtkScrolledWindow asks) and, for
 * the width it needs at a height (which GtkStack asks), again and again
 * in a binary search. So the label asks for no width of its own (the
 * card's column gives it one) and, without a width, for the height it
 * had at the last one. Its height for a width takes the one layout,
 * which the label keeps to draw. */
static void
text_measure (GtkWidget      *widget,
              GtkOrientation  orientation,
              int             for_size,
              int            *minimum,
              int            *natural,
              int            *minimum_baseline,
              int            *natural_baseline)
{
  GtkWidget *label = gtk_widget_get_first_child (widget);
  TextSize *last = g_object_get_data (G_OBJECT (widget), "sigap-text-size");

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (for_size < 0 && last->width >= 0)
    {
      *minimum = last->minimum;
      *natural = last->natural;
      *minimum_baseline = last->minimum_baseline;
      *natural_baseline = last->natural_baseline;
      return;
    }

  gtk_widget_measure (label, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (for_size >= 0)
    {
      last->width = for_size;
      last->minimum = *minimum;
      last->natural = *natural;
      last->minimum_baseline = *minimum_baseline;
      last->natural_baseline = *natural_baseline;
    }
}

static void
text_allocate (GtkWidget *widget,
               int        width,
               int        height,
               int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static GtkWidget *
new_line_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

/* A decoration of the feed (a heart, a comment bubble), not read out. */
static GtkWidget *
new_icon (const char *icon_name,
          int         pixel_size)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "pixel-size", pixel_size,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

static void
set_margins (GtkWidget *widget,
             int        start,
             int        end,
             int        top,
             int        bottom)
{
  gtk_widget_set_margin_start (widget, start);
  gtk_widget_set_margin_end (widget, end);
  gtk_widget_set_margin_top (widget, top);
  gtk_widget_set_margin_bottom (widget, bottom);
}

static GtkBox *
new_media_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, "preview-media");
  gtk_widget_set_overflow (box, GTK_OVERFLOW_HIDDEN);

  return GTK_BOX (box);
}

static void
more_clicked_cb (SigapPreviewCard *self)
{
  sigap_preview_card_set_expanded (self, !self->expanded);
}

/* The widgets every layout has: the avatar, the account's name, the
 * text and its "more" button, the media's box. */
static void
build_common (SigapPreviewCard *self,
              int               avatar_size)
{
  TextSize *size;

  self->avatar = ADW_AVATAR (adw_avatar_new (avatar_size, NULL, TRUE));
  self->name_label = GTK_LABEL (new_line_label ("preview-name"));
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "heading");
  self->text_label = GTK_LABEL (new_text_label ("preview-text"));
  self->text_box = adw_bin_new ();
  size = g_new (TextSize, 1);
  size->width = -1;
  g_object_set_data_full (G_OBJECT (self->text_box), "sigap-text-size", size, g_free);
  gtk_widget_set_layout_manager (self->text_box,
                                 gtk_custom_layout_new (text_request_mode, text_measure,
                                                        text_allocate));
  adw_bin_set_child (ADW_BIN (self->text_box), GTK_WIDGET (self->text_label));

  self->more_button = GTK_BUTTON (gtk_button_new_with_label (""));
  gtk_widget_add_css_class (GTK_WIDGET (self->more_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->more_button), "preview-more");
  gtk_widget_set_halign (GTK_WIDGET (self->more_button), GTK_ALIGN_START);
  g_signal_connect_object (self->more_button, "clicked",
                           G_CALLBACK (more_clicked_cb), self, G_CONNECT_SWAPPED);

  self->media_box = new_media_box ();
}

static GtkWidget *
new_meta_label (SigapPreviewCard *self)
{
  GtkWidget *label = new_line_label ("preview-meta");

  gtk_widget_add_css_class (label, "dim-label");
  self->meta_label = GTK_LABEL (label);

  return label;
}

/* Avatar, then the name over the meta line. */
static GtkWidget *
build_header (SigapPreviewCard *self,
              gboolean          with_meta)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (names, TRUE);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->avatar));
  gtk_box_append (GTK_BOX (names), GTK_WIDGET (self->name_label));
  if (with_meta)
    gtk_box_append (GTK_BOX (names), new_meta_label (self));
  gtk_box_append (GTK_BOX (header), names);

  return header;
}

static GtkWidget *
build_facebook (SigapPreviewCard *self)
{
  GtkWidget *post = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *header;

  build_common (self, 40);
  header = build_header (self, TRUE);
  set_margins (header, 12, 12, 12, 0);
  set_margins (GTK_WIDGET (self->text_label), 12, 12, 0, 0);
  set_margins (GTK_WIDGET (self->more_button), 6, 12, 0, 0);

  gtk_box_append (GTK_BOX (post), header);
  gtk_box_append (GTK_BOX (post), self->text_box);
  gtk_box_append (GTK_BOX (post), GTK_WIDGET (self->more_button));
  gtk_box_append (GTK_BOX (post), GTK_WIDGET (self->media_box));
  /* Where the reactions would be. */
  gtk_widget_set_size_request (footer, -1, 6);
  gtk_box_append (GTK_BOX (post), footer);

  return post;
}

/* Header, media, the actions' icons, then the caption after the
 * account's name, and the time. */
static GtkWidget *
build_instagram (SigapPreviewCard *self)
{
  GtkWidget *post = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *bookmark = new_icon ("bookmark-new-symbolic", 22);
  GtkWidget *header;

  build_common (self, 32);
  header = build_header (self, FALSE);
  set_margins (header, 12, 12, 10, 4);

  gtk_box_append (GTK_BOX (actions), new_icon ("emblem-favorite-symbolic", 22));
  gtk_box_append (GTK_BOX (actions), new_icon ("chat-message-new-symbolic", 22));
  gtk_box_append (GTK_BOX (actions), new_icon ("send-to-symbolic", 22));
  gtk_widget_set_hexpand (bookmark, TRUE);
  gtk_widget_set_halign (bookmark, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (actions), bookmark);
  set_margins (actions, 12, 12, 6, 0);

  set_margins (GTK_WIDGET (self->text_label), 12, 12, 0, 0);
  set_margins (GTK_WIDGET (self->more_button), 6, 12, 0, 0);

  gtk_box_append (GTK_BOX (post), header);
  gtk_box_append (GTK_BOX (post), GTK_WIDGET (self->media_box));
  gtk_box_append (GTK_BOX (post), actions);
  gtk_box_append (GTK_BOX (post), self->text_box);
  gtk_box_append (GTK_BOX (post), GTK_WIDGET (self->more_button));
  gtk_box_append (GTK_BOX (post), new_meta_label (self));
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "caption");
  set_margins (GTK_WIDGET (self->meta_label), 12, 12, 0, 12);

  return post;
}

/* The avatar beside a column: name and handle, text, "more", media. */
static GtkWidget *
build_x (SigapPreviewCard *self)
{
  GtkWidget *post = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  build_common (self, 40);
  gtk_widget_set_valign (GTK_WIDGET (self->avatar), GTK_ALIGN_START);
  gtk_widget_set_hexpand (column, TRUE);

  gtk_box_append (GTK_BOX (names), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (names), new_meta_label (self));
  gtk_widget_set_hexpand (GTK_WIDGET (self->meta_label), TRUE);

  gtk_box_append (GTK_BOX (column), names);
  gtk_box_append (GTK_BOX (column), self->text_box);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->more_button));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->media_box));

  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->avatar));
  gtk_box_append (GTK_BOX (row), column);
  set_margins (row, 12, 12, 12, 12);
  gtk_box_append (GTK_BOX (post), row);

  return post;
}

/* The 16:9 thumbnail, the title in bold, the channel, then the
 * description as its box on the watch page shows it. */
static GtkWidget *
build_youtube (SigapPreviewCard *self)
{
  GtkWidget *post = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  build_common (self, 36);
  gtk_widget_set_valign (GTK_WIDGET (self->avatar), GTK_ALIGN_START);

  self->title_label = GTK_LABEL (new_text_label ("preview-title"));
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_label_set_lines (self->title_label, 2);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_label), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "dim-label");

  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (column), new_meta_label (self));
  gtk_box_append (GTK_BOX (details), GTK_WIDGET (self->avatar));
  gtk_box_append (GTK_BOX (details), column);
  set_margins (details, 12, 12, 6, 0);

  set_margins (GTK_WIDGET (self->text_label), 12, 12, 6, 0);
  set_margins (GTK_WIDGET (self->more_button), 6, 12, 0, 12);

  gtk_box_append (GTK_BOX (post), GTK_WIDGET (self->media_box));
  gtk_box_append (GTK_BOX (post), details);
  gtk_box_append (GTK_BOX (post), self->text_box);
  gtk_box_append (GTK_BOX (post), GTK_WIDGET (self->more_button));

  return post;
}

static GtkWidget *
new_tiktok_action (const char *icon_name)
{
  GtkWidget *icon = new_icon (icon_name, 28);

  gtk_widget_add_css_class (icon, "preview-tiktok-action");

  return icon;
}

/* A dark 9:16 screen that the first image or video covers; the account
 * and the caption in light text over its bottom, the actions' icons
 * down its right side. */
static GtkWidget *
build_tiktok (SigapPreviewCard *self)
{
  GtkWidget *post = gtk_overlay_new ();
  GtkWidget *shade = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *caption = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  build_common (self, 44);
  gtk_widget_add_css_class (post, "preview-tiktok");
  gtk_widget_set_overflow (post, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_halign (post, GTK_ALIGN_CENTER);
  gtk_overlay_set_child (GTK_OVERLAY (post), GTK_WIDGET (self->media_box));

  gtk_box_append (GTK_BOX (caption), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (caption), self->text_box);
  gtk_box_append (GTK_BOX (caption), GTK_WIDGET (self->more_button));
  set_margins (caption, 12, 64, 24, 16);
  gtk_box_append (GTK_BOX (shade), caption);
  gtk_widget_add_css_class (shade, "preview-tiktok-caption");
  gtk_widget_set_valign (shade, GTK_ALIGN_END);
  gtk_overlay_add_overlay (GTK_OVERLAY (post), shade);

  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->avatar));
  gtk_box_append (GTK_BOX (actions), new_tiktok_action ("emblem-favorite-symbolic"));
  gtk_box_append (GTK_BOX (actions), new_tiktok_action ("chat-message-new-symbolic"));
  gtk_box_append (GTK_BOX (actions), new_tiktok_action ("bookmark-new-symbolic"));
  gtk_box_append (GTK_BOX (actions), new_tiktok_action ("send-to-symbolic"));
  gtk_widget_set_halign (actions, GTK_ALIGN_END);
  gtk_widget_set_valign (actions, GTK_ALIGN_END);
  set_margins (actions, 0, 10, 0, 80);
  gtk_overlay_add_overlay (GTK_OVERLAY (post), actions);

  return post;
}

/* The width / height ratio the feed shows @media in, one of @n_media. */
static double
media_ratio (SigapPreviewCard        *self,
             const SigapPreviewMedia *media,
             guint                    n_media)
{
  SigapPreviewCrop crop;
  int width = media != NULL ? media->width : 0;
  int height = media != NULL ? media->height : 0;

  if ((width <= 0 || height <= 0) && media != NULL && media->paintable != NULL)
    {
      width = gdk_paintable_get_intrinsic_width (media->paintable);
      height = gdk_paintable_get_intrinsic_height (media->paintable);
    }
  if (width <= 0 || height <= 0)
    width = height = 1;

  sigap_post_preview_crop (self->platform, width, height, (int) n_media, &crop);

  return (double) crop.width / crop.height;
}

/* An image or a video, or an empty frame if @media is %NULL; @extra
 * more after it are counted over it. */
static GtkWidget *
new_media_cell (SigapPreviewCard        *self,
                const SigapPreviewMedia *media,
                double                   ratio,
                guint                    extra)
{
  GtkWidget *cell = gtk_overlay_new ();
  GtkWidget *picture = sigap_preview_picture_new ();
  g_autofree char *duration = NULL;

  sigap_preview_picture_set_ratio (SIGAP_PREVIEW_PICTURE (picture), ratio);
  /* TikTok's screen keeps a phone's size in a wide column. */
  if (self->platform == SIGAP_PLATFORM_TIKTOK)
    sigap_preview_picture_set_max_width (SIGAP_PREVIEW_PICTURE (picture), TIKTOK_WIDTH);
  gtk_overlay_set_child (GTK_OVERLAY (cell), picture);

  if (media == NULL)
    {
      gtk_widget_add_css_class (picture, "placeholder");
      gtk_accessible_update_state (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      return cell;
    }

  sigap_preview_picture_set_paintable (SIGAP_PREVIEW_PICTURE (picture), media->paintable);
  if (!media->is_video)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Image"),
                                      -1);
    }
  else
    {
      g_autofree char *label = NULL;

      duration = sigap_post_preview_format_duration (media->seconds);
      /* Translators: a video in a post's preview; %s is its length, "0:42" */
      label = g_strdup_printf (_("Video, %s"), duration);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }

  /* YouTube's thumbnails and TikTok's screen show no play button. */
  if (media->is_video
      && self->platform != SIGAP_PLATFORM_YOUTUBE
      && self->platform != SIGAP_PLATFORM_TIKTOK)
    {
      GtkWidget *play = new_icon ("media-playback-start-symbolic", 24);

      gtk_widget_add_css_class (play, "preview-play");
      gtk_widget_set_halign (play, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (play, GTK_ALIGN_CENTER);
      gtk_overlay_add_overlay (GTK_OVERLAY (cell), play);
    }

  if (media->is_video && self->platform != SIGAP_PLATFORM_TIKTOK)
    {
      GtkWidget *badge = gtk_label_new (duration);

      gtk_widget_add_css_class (badge, "preview-duration");
      gtk_widget_set_halign (badge, GTK_ALIGN_END);
      gtk_widget_set_valign (badge, GTK_ALIGN_END);
      set_margins (badge, 6, 6, 6, 6);
      gtk_overlay_add_overlay (GTK_OVERLAY (cell), badge);
    }

  if (extra > 0)
    {
      g_autofree char *more = g_strdup_printf ("+%u", extra);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "preview-extra");
      gtk_widget_add_css_class (label, "title-1");
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_vexpand (label, TRUE);
      gtk_overlay_add_overlay (GTK_OVERLAY (cell), label);
    }

  return cell;
}

/* Facebook's and X's grid: two columns, the last of an odd number as
 * wide as both, at most GRID_MAX. */
static GtkWidget *
new_media_grid (SigapPreviewCard *self)
{
  GtkWidget *grid = gtk_grid_new ();
  guint n = self->media->len;
  guint shown = MIN (n, GRID_MAX);

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);

  for (guint i = 0; i < shown; i++)
    {
      const SigapPreviewMedia *media = g_ptr_array_index (self->media, i);
      gboolean wide = i == shown - 1 && shown % 2 == 1;
      double ratio = media_ratio (self, media, n) * (wide ? 2 : 1);
      guint extra = i == GRID_MAX - 1 && n > GRID_MAX ? n - GRID_MAX : 0;

      gtk_grid_attach (GTK_GRID (grid), new_media_cell (self, media, ratio, extra),
                       (int) (i % 2), (int) (i / 2), wide ? 2 : 1, 1);
    }

  return grid;
}

/* A new media box in the place of the old one. GTK 4.8 would keep the
 * request mode (constant size) it found for an empty box measured while
 * not shown, as the post's page is behind the empty state, and so not
 * give the images the height their width calls for. */
static void
replace_media_box (SigapPreviewCard *self)
{
  GtkWidget *old = GTK_WIDGET (self->media_box);
  GtkWidget *parent = gtk_widget_get_parent (old);

  self->media_box = new_media_box ();
  if (GTK_IS_OVERLAY (parent))
    {
      gtk_overlay_set_child (GTK_OVERLAY (parent), GTK_WIDGET (self->media_box));
    }
  else
    {
      gtk_box_insert_child_after (GTK_BOX (parent), GTK_WIDGET (self->media_box),
                                  gtk_widget_get_prev_sibling (old));
      gtk_box_remove (GTK_BOX (parent), old);
    }
}

static void
rebuild_media (SigapPreviewCard *self)
{
  const SigapPreviewMedia *first = NULL;
  guint n = self->media->len;
  GtkWidget *child;

  replace_media_box (self);

  if (n > 0)
    first = g_ptr_array_index (self->media, 0);

  switch (self->platform)
    {
    case SIGAP_PLATFORM_FACEBOOK:
    case SIGAP_PLATFORM_X:
      if (n == 1)
        gtk_box_append (self->media_box, new_media_cell (self, first,
                                                         media_ratio (self, first, 1), 0));
      else if (n > 1)
        gtk_box_append (self->media_box, new_media_grid (self));
      break;

    case SIGAP_PLATFORM_INSTAGRAM:
      if (n > 0)
        {
          GtkWidget *cell = new_media_cell (self, first, media_ratio (self, first, n), 0);

          /* A carousel: where the reader is in it. */
          if (n > 1)
            {
              g_autofree char *position = g_strdup_printf ("1/%u", n);
              GtkWidget *badge = gtk_label_new (position);

              gtk_widget_add_css_class (badge, "preview-duration");
              gtk_widget_set_halign (badge, GTK_ALIGN_END);
              gtk_widget_set_valign (badge, GTK_ALIGN_START);
              set_margins (badge, 10, 10, 10, 10);
              gtk_overlay_add_overlay (GTK_OVERLAY (cell), badge);
            }
          gtk_box_append (self->media_box, cell);
        }
      break;

    case SIGAP_PLATFORM_YOUTUBE:
    case SIGAP_PLATFORM_TIKTOK:
      /* Always a thumbnail or a screen, if only an empty one. */
      gtk_box_append (self->media_box, new_media_cell (self, first,
                                                       media_ratio (self, first, MAX (n, 1)), 0));
      break;

    default:
      g_assert_not_reached ();
    }

  /* Apart from the text above it, in the feeds that put it there. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->media_box));
  if (child != NULL && self->platform == SIGAP_PLATFORM_FACEBOOK)
    gtk_widget_set_margin_top (child, 6);
  else if (child != NULL && self->platform == SIGAP_PLATFORM_X)
    gtk_widget_set_margin_top (child, 8);
  gtk_widget_set_visible (GTK_WIDGET (self->media_box), child != NULL);
}

static void
update_account (SigapPreviewCard *self)
{
  const char *name = self->display_name != NULL ? self->display_name : "";
  const char *handle = self->handle != NULL ? self->handle : "";
  g_autofree char *meta = NULL;

  adw_avatar_set_text (self->avatar, name);

  switch (self->platform)
    {
    case SIGAP_PLATFORM_INSTAGRAM:
      gtk_label_set_label (self->name_label, handle[0] != '\0' ? handle : name);
      break;
    case SIGAP_PLATFORM_TIKTOK:
      {
        g_autofree char *at = g_strconcat ("@", handle[0] != '\0' ? handle : name, NULL);

        gtk_label_set_label (self->name_label, at);
      }
      break;
    case SIGAP_PLATFORM_X:
      gtk_label_set_label (self->name_label, name);
      if (handle[0] != '\0')
        meta = g_strdup_printf ("@%s \u00b7 %s", handle, _("Just now"));
      break;
    case SIGAP_PLATFORM_FACEBOOK:
    case SIGAP_PLATFORM_YOUTUBE:
    default:
      gtk_label_set_label (self->name_label, name);
      break;
    }

  if (self->meta_label != NULL)
    gtk_label_set_label (self->meta_label, meta != NULL ? meta : _("Just now"));

  /* Instagram's caption starts with the account's name. */
  if (self->platform == SIGAP_PLATFORM_INSTAGRAM)
    update_text (self);
}

static void
update_title (SigapPreviewCard *self)
{
  if (self->title_label == NULL)
    return;

  gtk_label_set_label (self->title_label, self->title != NULL ? self->title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), !is_blank (self->title));
}

static void
update_text (SigapPreviewCard *self)
{
  SigapPostPreviewFlags flags = SIGAP_POST_PREVIEW_NO_MORE_WORD;
  const char *text = self->text != NULL ? self->text : "";
  g_autofree char *markup = NULL;
  gboolean foldable = FALSE;

  if (self->expanded)
    flags |= SIGAP_POST_PREVIEW_EXPANDED;
  markup = sigap_post_preview_markup_full (self->tt, self->platform, text, flags, &foldable);

  if (self->platform == SIGAP_PLATFORM_INSTAGRAM && text[0] != '\0')
    {
      const char *name = gtk_label_get_label (self->name_label);
      g_autofree char *caption = g_markup_printf_escaped ("<b>%s</b> ", name);
      g_autofree char *body = g_steal_pointer (&markup);

      markup = g_strconcat (caption, body, NULL);
    }

  /* The same markup (a keystroke past the fold) lays nothing out again. */
  if (g_strcmp0 (markup, self->markup) != 0)
    {
      gtk_label_set_markup (self->text_label, markup);
      g_free (self->markup);
      self->markup = g_steal_pointer (&markup);
    }
  gtk_widget_set_visible (self->text_box, text[0] != '\0');

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), foldable);
  if (foldable)
    {
      gtk_button_set_label (self->more_button,
                            self->expanded ? _("Show less")
                                           : sigap_post_preview_more_label (self->platform));
    }
}

static void
update_page (SigapPreviewCard *self)
{
  gboolean empty = is_blank (self->text) && self->media->len == 0 && is_blank (self->title);

  gtk_widget_set_visible (self->empty, empty);
  gtk_widget_set_visible (self->post, !empty);
}

static void
rebuild_post (SigapPreviewCard *self)
{
  g_clear_pointer (&self->post, gtk_widget_unparent);

  self->meta_label = NULL;
  self->title_label = NULL;
  g_clear_pointer (&self->markup, g_free);

  switch (self->platform)
    {
    case SIGAP_PLATFORM_FACEBOOK:
      self->post = build_facebook (self);
      break;
    case SIGAP_PLATFORM_INSTAGRAM:
      self->post = build_instagram (self);
      break;
    case SIGAP_PLATFORM_X:
      self->post = build_x (self);
      break;
    case SIGAP_PLATFORM_YOUTUBE:
      self->post = build_youtube (self);
      break;
    case SIGAP_PLATFORM_TIKTOK:
      self->post = build_tiktok (self);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_widget_add_css_class (self->post, "preview-post");
  /* The images keep to the post's rounded corners. */
  gtk_widget_set_overflow (self->post, GTK_OVERFLOW_HIDDEN);
  gtk_widget_insert_after (self->post, GTK_WIDGET (self), self->empty);

  update_account (self);
  update_title (self);
  update_text (self);
  rebuild_media (self);
  update_page (self);
}

static void
update_accessible_label (SigapPreviewCard *self)
{
  g_autofree char *label = NULL;

  /* Translators: a post preview's accessible name; %s is a platform */
  label = g_strdup_printf (_("%s preview"), sigap_platform_to_label (self->platform));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static GtkWidget *
build_empty (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *icon = new_icon ("document-edit-symbolic", 48);
  GtkWidget *label = new_text_label ("preview-empty");

  gtk_widget_add_css_class (icon, "dim-label");
  gtk_label_set_label (GTK_LABEL (label), _("Write the post's text to see a preview"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.5f);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  set_margins (box, 24, 24, 36, 36);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
sigap_preview_card_dispose (GObject *object)
{
  SigapPreviewCard *self = SIGAP_PREVIEW_CARD (object);

  g_clear_pointer (&self->empty, gtk_widget_unparent);
  g_clear_pointer (&self->post, gtk_widget_unparent);

  G_OBJECT_CLASS (sigap_preview_card_parent_class)->dispose (object);
}

static void
sigap_preview_card_finalize (GObject *object)
{
  SigapPreviewCard *self = SIGAP_PREVIEW_CARD (object);

  g_clear_pointer (&self->tt, sigap_twitter_text_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->handle, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->markup, g_free);
  g_clear_pointer (&self->media, g_ptr_array_unref);

  G_OBJECT_CLASS (sigap_preview_card_parent_class)->finalize (object);
}

static void
sigap_preview_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SigapPreviewCard *self = SIGAP_PREVIEW_CARD (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      g_value_set_enum (value, self->platform);
      break;
    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_preview_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SigapPreviewCard *self = SIGAP_PREVIEW_CARD (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      sigap_preview_card_set_platform (self, g_value_get_enum (value));
      break;
    case PROP_EXPANDED:
      sigap_preview_card_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_preview_card_class_init (SigapPreviewCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_preview_card_dispose;
  object_class->finalize = sigap_preview_card_finalize;
  object_class->get_property = sigap_preview_card_get_property;
  object_class->set_property = sigap_preview_card_set_property;

  /**
   * SigapPreviewCard:platform:
   *
   * The platform whose feed the card imitates.
   */
  properties[PROP_PLATFORM] =
    g_param_spec_enum ("platform", NULL, NULL,
                       SIGAP_TYPE_PLATFORM, SIGAP_PLATFORM_FACEBOOK,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SigapPreviewCard:expanded:
   *
   * Whether a long text is shown whole, as after the "more" button.
   */
  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "previewcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sigap_preview_card_init (SigapPreviewCard *self)
{
  self->platform = SIGAP_PLATFORM_FACEBOOK;
  self->media = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_preview_media_free);

  self->empty = build_empty ();
  gtk_widget_set_parent (self->empty, GTK_WIDGET (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), platform_classes[self->platform]);
  rebuild_post (self);
  update_accessible_label (self);
}

/**
 * sigap_preview_media_new:
 * @paintable: (nullable): the image, or the video's thumbnail
 * @width: the image's or the video's width, in pixels
 * @height: the image's or the video's height, in pixels
 * @is_video: whether it is a video
 * @seconds: a video's length
 *
 * Returns: (transfer full): a new #SigapPreviewMedia
 */
SigapPreviewMedia *
sigap_preview_media_new (GdkPaintable *paintable,
                         int           width,
                         int           height,
                         gboolean      is_video,
                         double        seconds)
{
  SigapPreviewMedia *media;

  g_return_val_if_fail (paintable == NULL || GDK_IS_PAINTABLE (paintable), NULL);

  media = g_new0 (SigapPreviewMedia, 1);
  g_set_object (&media->paintable, paintable);
  media->width = width;
  media->height = height;
  media->is_video = is_video;
  media->seconds = seconds;

  return media;
}

/**
 * sigap_preview_media_copy:
 * @media: a #SigapPreviewMedia
 *
 * Returns: (transfer full): a copy of @media, with a reference to its
 *   paintable
 */
SigapPreviewMedia *
sigap_preview_media_copy (const SigapPreviewMedia *media)
{
  g_return_val_if_fail (media != NULL, NULL);

  return sigap_preview_media_new (media->paintable, media->width, media->height,
                                  media->is_video, media->seconds);
}

/**
 * sigap_preview_media_free:
 * @media: (nullable): a #SigapPreviewMedia
 *
 * Frees @media and drops its reference to its paintable.
 */
void
sigap_preview_media_free (SigapPreviewMedia *media)
{
  if (media == NULL)
    return;

  g_clear_object (&media->paintable);
  g_free (media);
}

/**
 * sigap_preview_card_new:
 * @tt: (nullable): X's text rules, to find links and weigh X's text
 *   (sigap_twitter_text_new_shipped()); without them no link is
 *   highlighted
 *
 * Creates an empty Facebook preview.
 *
 * Returns: (transfer floating): a new #SigapPreviewCard
 */
GtkWidget *
sigap_preview_card_new (SigapTwitterText *tt)
{
  SigapPreviewCard *self = g_object_new (SIGAP_TYPE_PREVIEW_CARD, NULL);

  if (tt != NULL)
    {
      self->tt = sigap_twitter_text_ref (tt);
      update_text (self);
    }

  return GTK_WIDGET (self);
}

/**
 * sigap_preview_card_get_platform:
 * @self: a #SigapPreviewCard
 *
 * Returns: the platform whose feed the card imitates
 */
SigapPlatform
sigap_preview_card_get_platform (SigapPreviewCard *self)
{
  g_return_val_if_fail (SIGAP_IS_PREVIEW_CARD (self), SIGAP_PLATFORM_FACEBOOK);

  return self->platform;
}

/**
 * sigap_preview_card_set_platform:
 * @self: a #SigapPreviewCard
 * @platform: a platform
 *
 * Shows the post as @platform's feed does.
 */
void
sigap_preview_card_set_platform (SigapPreviewCard *self,
                                 SigapPlatform     platform)
{
  g_return_if_fail (SIGAP_IS_PREVIEW_CARD (self));
  g_return_if_fail ((guint) platform < SIGAP_N_PLATFORMS);

  if (self->platform == platform)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self), platform_classes[self->platform]);
  self->platform = platform;
  gtk_widget_add_css_class (GTK_WIDGET (self), platform_classes[self->platform]);

  rebuild_post (self);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLATFORM]);
}

/**
 * sigap_preview_card_set_account:
 * @self: a #SigapPreviewCard
 * @display_name: (nullable): the account's name, "Dinas Kesehatan"
 * @handle: (nullable): its user name, with or without its '@'
 *
 * Sets the account that publishes the post.
 */
void
sigap_preview_card_set_account (SigapPreviewCard *self,
                                const char       *display_name,
                                const char       *handle)
{
  g_return_if_fail (SIGAP_IS_PREVIEW_CARD (self));

  if (handle != NULL && handle[0] == '@')
    handle++;

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  g_free (self->handle);
  self->handle = g_strdup (handle);

  update_account (self);
}

/**
 * sigap_preview_card_set_text:
 * @self: a #SigapPreviewCard
 * @text: (nullable): the post's text (Facebook's text, Instagram's and
 *   TikTok's caption, X's text, YouTube's description)
 *
 * Sets the text, as the author types it: only the text's label and its
 * "more" button change.
 */
void
sigap_preview_card_set_text (SigapPreviewCard *self,
                             const char       *text)
{
  g_return_if_fail (SIGAP_IS_PREVIEW_CARD (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);

  update_text (self);
  update_page (self);
}

/**
 * sigap_preview_card_set_title:
 * @self: a #SigapPreviewCard
 * @title: (nullable): the video's title
 *
 * Sets the title YouTube shows under the thumbnail; the other platforms
 * have none.
 */
void
sigap_preview_card_set_title (SigapPreviewCard *self,
                              const char       *title)
{
  g_return_if_fail (SIGAP_IS_PREVIEW_CARD (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);

  update_title (self);
  update_page (self);
}

/**
 * sigap_preview_card_set_media:
 * @self: a #SigapPreviewCard
 * @media: (nullable) (element-type SigapPreviewMedia): the post's images
 *   and videos, in order
 *
 * Sets the images and videos, which the card copies.
 */
void
sigap_preview_card_set_media (SigapPreviewCard *self,
                              GPtrArray        *media)
{
  g_return_if_fail (SIGAP_IS_PREVIEW_CARD (self));

  g_ptr_array_set_size (self->media, 0);
  for (guint i = 0; media != NULL && i < media->len; i++)
    g_ptr_array_add (self->media, sigap_preview_media_copy (g_ptr_array_index (media, i)));

  rebuild_media (self);
  update_page (self);
}

/**
 * sigap_preview_card_get_expanded:
 * @self: a #SigapPreviewCard
 *
 * Returns: whether a long text is shown whole
 */
gboolean
sigap_preview_card_get_expanded (SigapPreviewCard *self)
{
  g_return_val_if_fail (SIGAP_IS_PREVIEW_CARD (self), FALSE);

  return self->expanded;
}

/**
 * sigap_preview_card_set_expanded:
 * @self: a #SigapPreviewCard
 * @expanded: whether to show a long text whole
 *
 * Shows all of a long text, as the feed's "more" does, or folds it
 * again.
 */
void
sigap_preview_card_set_expanded (SigapPreviewCard *self,
                                 gboolean          expanded)
{
  g_return_if_fail (SIGAP_IS_PREVIEW_CARD (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;

  self->expanded = expanded;
  update_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}
