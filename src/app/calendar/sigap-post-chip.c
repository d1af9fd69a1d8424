/* sigap-post-chip.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-post-chip"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-post-chip.h"

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
  GPtrArray *icons;
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

static void
build (SigapPostChip *self,
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

  /* The status's colour and shape; its word is in the accessible label
   * and the tooltip. */
  self->mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (self->mark, GTK_ALIGN_CENTER);
  gtk_widget_set_css_classes (self->mark, (const char *[]) { "status-mark", status_class, NULL });
  gtk_widget_set_parent (self->mark, GTK_WIDGET (self));

  self->time_label = gtk_label_new (time);
  gtk_widget_set_css_classes (self->time_label, (const char *[]) { "numeric", "dim-label", NULL });
  gtk_widget_set_parent (self->time_label, GTK_WIDGET (self));

  self->title_label = gtk_label_new (title);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_widget_set_parent (self->title_label, GTK_WIDGET (self));

  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    {
      GtkWidget *icon;

      if (sigap_post_get_variant (post, (SigapPlatform) i) == NULL)
        continue;

      icon = gtk_image_new_from_icon_name (sigap_platform_to_icon_name ((SigapPlatform) i));
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_widget_set_parent (icon, GTK_WIDGET (self));
      g_ptr_array_add (self->icons, icon);
    }

  gtk_widget_add_css_class (GTK_WIDGET (self), status_class);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
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

  for (guint i = 0; i < self->icons->len; i++)
    icons += natural_width (g_ptr_array_index (self->icons, i)) + SPACING;

  left = MAX (width - x, 0);
  title = MIN (natural_width (self->title_label), MAX (left - icons, MIN (left, TITLE_RESERVE)));
  if (title < min_width (self->title_label))
    title = 0;
  place (self->title_label, &x, title, height);

  for (guint i = 0; i < self->icons->len; i++)
    {
      GtkWidget *icon = g_ptr_array_index (self->icons, i);
      int icon_width = natural_width (icon);

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
  g_clear_pointer (&self->icons, g_ptr_array_unref);
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
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  self->icons = g_ptr_array_new ();

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
  self->post = g_object_ref (post);
  build (self, zone);

  return GTK_WIDGET (self);
}

/**
 * sigap_post_chip_get_post:
 * @self: a #SigapPostChip
 *
 * Returns: (transfer none): the post
 */
SigapPost *
sigap_post_chip_get_post (SigapPostChip *self)
{
  g_return_val_if_fail (SIGAP_IS_POST_CHIP (self), NULL);

  return self->post;
}
