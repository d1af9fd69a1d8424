/* sigap-post-chip.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-post-chip"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-post-chip.h"

/* The title of a chip: one line cut short with "…", as a GtkLabel with
 * ellipsize set shows it, but measured from one layout of the whole text.
 * GtkLabel lays its text out again for each of its minimum, natural and
 * height measurements; a month of new titles is hundreds of layouts. */
#define SIGAP_TYPE_CHIP_TITLE (sigap_chip_title_get_type ())

G_DECLARE_FINAL_TYPE (SigapChipTitle, sigap_chip_title, SIGAP, CHIP_TITLE, GtkWidget)

struct _SigapChipTitle
{
  GtkWidget parent_instance;

  char *text;
  /* Struck through, for a cancelled post: the CSS text decoration reaches
   * a GtkLabel's layout only. */
  gboolean struck;
  /* %NULL until measured, and again when the font or the CSS text
   * attributes change. */
  PangoLayout *layout;
  PangoFontDescription *font;
  PangoAttrList *attrs;
  /* Of the whole text, in Pango units; -1 when not known. */
  int width;
  int height;
  int baseline;
  int ellipsis_width;
};

G_DEFINE_FINAL_TYPE (SigapChipTitle, sigap_chip_title, GTK_TYPE_WIDGET)

static void
chip_title_forget_layout (SigapChipTitle *self)
{
  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  self->ellipsis_width = -1;
  self->width = -1;
}

static void
chip_title_ensure_size (SigapChipTitle *self)
{
  PangoAttrList *attrs;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      self->font = pango_font_description_copy (pango_context_get_font_description (
        pango_layout_get_context (self->layout)));
      attrs = pango_layout_get_attributes (self->layout);
      self->attrs = attrs != NULL ? pango_attr_list_ref (attrs) : NULL;
      if (self->struck)
        {
          g_autoptr(PangoAttrList) struck = attrs != NULL ? pango_attr_list_copy (attrs)
                                                          : pango_attr_list_new ();

          pango_attr_list_insert (struck, pango_attr_strikethrough_new (TRUE));
          pango_layout_set_attributes (self->layout, struck);
        }
      self->width = -1;
    }

  if (self->width < 0)
    {
      pango_layout_set_width (self->layout, -1);
      pango_layout_get_size (self->layout, &self->width, &self->height);
      self->baseline = pango_layout_get_baseline (self->layout);
    }

  /* What a GtkLabel cut short at no width at all shows: "…". */
  if (self->ellipsis_width < 0)
    {
      g_autoptr(PangoLayout) ellipsis = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                       "…");

      pango_layout_get_size (ellipsis, &self->ellipsis_width, NULL);
    }
}

static void
sigap_chip_title_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SigapChipTitle *self = SIGAP_CHIP_TITLE (widget);

  chip_title_ensure_size (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *natural = PANGO_PIXELS_CEIL (self->width);
      *minimum = PANGO_PIXELS_CEIL (MIN (self->ellipsis_width, self->width));
    }
  else
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (self->height);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (self->baseline);
    }
}

static void
sigap_chip_title_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SigapChipTitle *self = SIGAP_CHIP_TITLE (widget);

  chip_title_ensure_size (self);

  /* Laid out again, cut short, only when the whole text does not fit. */
  pango_layout_set_width (self->layout,
                          width * PANGO_SCALE >= self->width ? -1 : width * PANGO_SCALE);
}

static void
sigap_chip_title_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SigapChipTitle *self = SIGAP_CHIP_TITLE (widget);
  PangoRectangle logical;
  float x, y;

  if (self->text == NULL || self->text[0] == '\0' || self->layout == NULL)
    return;

  /* Where a GtkLabel with xalign 0 puts its text, and with its colour. */
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    x = floorf (gtk_widget_get_width (widget) - logical.width - logical.x);
  else
    x = -logical.x;
  y = floorf ((gtk_widget_get_height (widget) - logical.height) * 0.5f);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), x, y,
                              self->layout);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* A change of style that changes how the text is laid out makes a new
 * layout; the others (hover, a colour) keep it. */
static void
sigap_chip_title_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  SigapChipTitle *self = SIGAP_CHIP_TITLE (widget);

  GTK_WIDGET_CLASS (sigap_chip_title_parent_class)->css_changed (widget, change);

  if (self->layout != NULL)
    {
      g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (widget, NULL);
      PangoAttrList *attrs = pango_layout_get_attributes (probe);
      const PangoFontDescription *font =
        pango_context_get_font_description (pango_layout_get_context (probe));
      gboolean same_attrs = attrs == NULL || self->attrs == NULL
        ? attrs == self->attrs
        : pango_attr_list_equal (attrs, self->attrs);

      if (!same_attrs || !pango_font_description_equal (font, self->font))
        {
          chip_title_forget_layout (self);
          gtk_widget_queue_resize (widget);
        }
    }
}

static void
sigap_chip_title_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous)
{
  chip_title_forget_layout (SIGAP_CHIP_TITLE (widget));
  gtk_widget_queue_resize (widget);
}

static void
sigap_chip_title_finalize (GObject *object)
{
  SigapChipTitle *self = (SigapChipTitle *)object;

  chip_title_forget_layout (self);
  g_free (self->text);

  G_OBJECT_CLASS (sigap_chip_title_parent_class)->finalize (object);
}

static void
sigap_chip_title_class_init (SigapChipTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sigap_chip_title_finalize;

  widget_class->measure = sigap_chip_title_measure;
  widget_class->size_allocate = sigap_chip_title_size_allocate;
  widget_class->snapshot = sigap_chip_title_snapshot;
  widget_class->css_changed = sigap_chip_title_css_changed;
  widget_class->direction_changed = sigap_chip_title_direction_changed;

  /* Styled and read as the label it stands for. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
sigap_chip_title_init (SigapChipTitle *self)
{
  self->width = -1;
  self->ellipsis_width = -1;
}

static void
sigap_chip_title_set_struck (SigapChipTitle *self,
                             gboolean        struck)
{
  if (self->struck == struck)
    return;

  self->struck = struck;
  chip_title_forget_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
sigap_chip_title_set_text (SigapChipTitle *self,
                           const char     *text)
{
  if (g_strcmp0 (text, self->text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    {
      pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
      self->width = -1;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* A post in the month and week views: a status mark, the time, the title
 * and the platforms' icons on one line. It reads the same to a screen
 * reader as the agenda's row does, opens with Enter or a double click and
 * can be dragged to another day or hour. */
struct _SigapPostChip
{
  GtkWidget parent_instance;

  SigapPost *post;
  GtkWidget *mark;
  GtkWidget *time_label;
  GtkWidget *title_label;
  /* Made for the platforms the chip has shown, in their order; hidden
   * when the post shown has no variant for them. */
  GtkWidget *icons[SIGAP_N_PLATFORMS];

  /* What the chip shows, so that showing another post changes only what
   * differs: a month of chips is reused from month to month, and every
   * change of a CSS class or of the accessible label costs. */
  const char *status_class;
  char *accessible_label;
};

G_DEFINE_FINAL_TYPE (SigapPostChip, sigap_post_chip, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* However narrow a day column gets, the chip keeps its status mark. */
#define MIN_WIDTH 14

#define SPACING 4

/* The title's share of a narrow chip before the icons get any. */
#define TITLE_RESERVE 64

static const char *
status_css_class (SigapPostStatus status)
{
  switch (status)
    {
    case SIGAP_POST_STATUS_REVIEW:
      return "review";
    case SIGAP_POST_STATUS_SCHEDULED:
      return "scheduled";
    case SIGAP_POST_STATUS_PUBLISHED:
      return "published";
    case SIGAP_POST_STATUS_CANCELLED:
      return "cancelled";
    case SIGAP_POST_STATUS_DRAFT:
    default:
      return "draft";
    }
}

/* The icon of @platform, made the first time a post on it is shown, and
 * kept in the order of the platforms after the title. */
static GtkWidget *
ensure_icon (SigapPostChip *self,
             SigapPlatform  platform)
{
  GtkWidget *previous = self->title_label;

  if (self->icons[platform] != NULL)
    return self->icons[platform];

  for (guint i = 0; i < (guint) platform; i++)
    {
      if (self->icons[i] != NULL)
        previous = self->icons[i];
    }

  self->icons[platform] = gtk_image_new_from_icon_name (sigap_platform_to_icon_name (platform));
  gtk_widget_add_css_class (self->icons[platform], "faint");
  gtk_widget_insert_after (self->icons[platform], GTK_WIDGET (self), previous);

  return self->icons[platform];
}

static void
show_post (SigapPostChip *self,
           GTimeZone     *zone)
{
  SigapPost *post = self->post;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autofree char *time = sigap_format_time (local);
  g_autofree char *label = sigap_post_dup_accessible_label (post, zone);
  g_autofree char *excerpt = NULL;
  const char *title = sigap_post_get_title (post);
  const char *status_class = status_css_class (sigap_post_get_status (post));

  if (title == NULL || title[0] == '\0')
    title = excerpt = sigap_format_excerpt (sigap_post_get_body (post), 6);

  gtk_label_set_label (GTK_LABEL (self->time_label), time);
  sigap_chip_title_set_text (SIGAP_CHIP_TITLE (self->title_label), title);
  sigap_chip_title_set_struck (SIGAP_CHIP_TITLE (self->title_label),
                               sigap_post_get_status (post) == SIGAP_POST_STATUS_CANCELLED);

  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    {
      gboolean shown = sigap_post_get_variant (post, (SigapPlatform) i) != NULL;

      if (shown)
        gtk_widget_set_visible (ensure_icon (self, (SigapPlatform) i), TRUE);
      else if (self->icons[i] != NULL)
        gtk_widget_set_visible (self->icons[i], FALSE);
    }

  /* The status's colour and shape; its word is in the accessible label
   * and the tooltip. */
  if (status_class != self->status_class)
    {
      if (self->status_class != NULL)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self), self->status_class);
          gtk_widget_remove_css_class (self->mark, self->status_class);
        }
      gtk_widget_add_css_class (GTK_WIDGET (self), status_class);
      gtk_widget_add_css_class (self->mark, status_class);
      self->status_class = status_class;
    }

  if (g_strcmp0 (label, self->accessible_label) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_free (self->accessible_label);
      self->accessible_label = g_steal_pointer (&label);
    }
}

/* The title is cut short in a narrow column; the pointer can read it
 * whole, with the status in words. Asked for only when it shows, so it
 * costs nothing per chip and does not repeat the accessible label. */
static gboolean
query_tooltip_cb (SigapPostChip *self,
                  int            x,
                  int            y,
                  gboolean       keyboard_mode,
                  GtkTooltip    *tooltip)
{
  g_autofree char *text = NULL;
  const char *title;

  if (self->post == NULL)
    return FALSE;

  title = sigap_post_get_title (self->post);
  text = g_strdup_printf ("%s\n%s", title != NULL ? title : "",
                          sigap_post_status_to_label (sigap_post_get_status (self->post)));
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
pressed_cb (SigapPostChip   *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (n_press == 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[ACTIVATE], 0);
    }
}

static GdkContentProvider *
drag_prepare_cb (SigapPostChip *self,
                 double         x,
                 double         y,
                 GtkDragSource *source)
{
  if (self->post == NULL || sigap_post_get_id (self->post) == NULL)
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_STRING, sigap_post_get_id (self->post));
}

static void
drag_begin_cb (SigapPostChip *self,
               GdkDrag       *drag,
               GtkDragSource *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static int
natural_width (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);

  return natural;
}

static void
sigap_post_chip_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SigapPostChip *self = SIGAP_POST_CHIP (widget);

  *minimum = *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_get_visible (child))
        continue;

      gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *natural += child_nat + (child != self->mark ? SPACING : 0);
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }

  /* Narrower than its content, the chip shows what fits: the mark and
   * the time always, the title cut short, then as many whole icons as
   * there is room for. Seven day columns fit a phone. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = MIN (*natural, MIN_WIDTH);
}

static void
place (GtkWidget *child,
       int       *x,
       int        width,
       int        height)
{
  gtk_widget_set_child_visible (child, width > 0);
  if (width > 0)
    {
      gtk_widget_allocate (child, width, height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (*x, 0)));
      *x += width + SPACING;
    }
}

static int
min_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);

  return minimum;
}

static void
sigap_post_chip_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SigapPostChip *self = SIGAP_POST_CHIP (widget);
  int x = 0;
  int icons = 0;
  int left;
  int title;

  if (self->mark == NULL)
    return;

  /* The mark and the time keep their size; clipped if they must be. */
  place (self->mark, &x, natural_width (self->mark), height);
  place (self->time_label, &x, natural_width (self->time_label), height);

  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    {
      if (self->icons[i] != NULL && gtk_widget_get_visible (self->icons[i]))
        icons += natural_width (self->icons[i]) + SPACING;
    }

  left = MAX (width - x, 0);
  title = MIN (natural_width (self->title_label), MAX (left - icons, MIN (left, TITLE_RESERVE)));
  if (title < min_width (self->title_label))
    title = 0;
  place (self->title_label, &x, title, height);

  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    {
      GtkWidget *icon = self->icons[i];
      int icon_width;

      if (icon == NULL || !gtk_widget_get_visible (icon))
        continue;

      icon_width = natural_width (icon);
      place (icon, &x, x + icon_width <= width ? icon_width : 0, height);
    }
}

static void
sigap_post_chip_dispose (GObject *object)
{
  SigapPostChip *self = (SigapPostChip *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->mark = self->time_label = self->title_label = NULL;
  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    self->icons[i] = NULL;
  g_clear_pointer (&self->accessible_label, g_free);
  g_clear_object (&self->post);

  G_OBJECT_CLASS (sigap_post_chip_parent_class)->dispose (object);
}

static void
sigap_post_chip_class_init (SigapPostChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_post_chip_dispose;

  widget_class->measure = sigap_post_chip_measure;
  widget_class->size_allocate = sigap_post_chip_size_allocate;

  /**
   * SigapPostChip::activate:
   * @self: the chip
   *
   * Emitted when the user opens the post, with Enter or a double click.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "postchip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
sigap_post_chip_init (SigapPostChip *self)
{
  GtkGesture *click;
  GtkDragSource *source;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  self->mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (self->mark, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->mark, "status-mark");
  gtk_widget_set_parent (self->mark, GTK_WIDGET (self));

  self->time_label = gtk_label_new (NULL);
  gtk_widget_set_css_classes (self->time_label, (const char *[]) { "numeric", "faint", NULL });
  gtk_widget_set_parent (self->time_label, GTK_WIDGET (self));

  self->title_label = g_object_new (SIGAP_TYPE_CHIP_TITLE, NULL);
  gtk_widget_set_parent (self->title_label, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}

/**
 * sigap_post_chip_new:
 * @post: the post to show
 * @zone: the OPD's time zone
 *
 * Returns: (transfer floating): a chip showing @post
 */
GtkWidget *
sigap_post_chip_new (SigapPost *post,
                     GTimeZone *zone)
{
  SigapPostChip *self;

  g_return_val_if_fail (SIGAP_IS_POST (post), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  self = g_object_new (SIGAP_TYPE_POST_CHIP, NULL);
  sigap_post_chip_set_post (self, post, zone);

  return GTK_WIDGET (self);
}

/**
 * sigap_post_chip_set_post:
 * @self: a #SigapPostChip
 * @post: (nullable): the post to show, or %NULL for a chip put aside
 *   (hidden) until it shows another
 * @zone: the OPD's time zone
 *
 * Shows @post in the chip, changing only what differs from the post it
 * showed: the views reuse their chips from period to period.
 */
void
sigap_post_chip_set_post (SigapPostChip *self,
                          SigapPost     *post,
                          GTimeZone     *zone)
{
  g_return_if_fail (SIGAP_IS_POST_CHIP (self));
  g_return_if_fail (post == NULL || SIGAP_IS_POST (post));
  g_return_if_fail (zone != NULL);

  g_set_object (&self->post, post);
  if (post != NULL)
    show_post (self, zone);
}

/**
 * sigap_post_chip_get_post:
 * @self: a #SigapPostChip
 *
 * Returns: (transfer none) (nullable): the post, %NULL for a chip put
 *   aside
 */
SigapPost *
sigap_post_chip_get_post (SigapPostChip *self)
{
  g_return_val_if_fail (SIGAP_IS_POST_CHIP (self), NULL);

  return self->post;
}
