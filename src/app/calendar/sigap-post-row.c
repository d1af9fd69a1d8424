/* sigap-post-row.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-post-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-post-row.h"

struct _SigapPostRow
{
  AdwBin parent_instance;

  SigapPost *post;

  /* Template widgets */
  GtkLabel *day_label;
  GtkLabel *time_label;
  GtkLabel *title_label;
  GtkBox *icons_box;
  GtkLabel *platforms_label;
  GtkLabel *status_label;
};

G_DEFINE_FINAL_TYPE (SigapPostRow, sigap_post_row, ADW_TYPE_BIN)

static const char *
status_css_class (SigapPostStatus status)
{
  switch (status)
    {
    case SIGAP_POST_STATUS_DRAFT:
      return "draft";
    case SIGAP_POST_STATUS_REVIEW:
      return "review";
    case SIGAP_POST_STATUS_SCHEDULED:
      return "scheduled";
    case SIGAP_POST_STATUS_PUBLISHED:
      return "published";
    case SIGAP_POST_STATUS_CANCELLED:
      return "cancelled";
    default:
      return "draft";
    }
}

static void
clear_icons (SigapPostRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->icons_box))))
    gtk_box_remove (self->icons_box, child);
}

static void
sigap_post_row_show (SigapPostRow *self,
                     GTimeZone    *zone,
                     gboolean      first_of_day)
{
  SigapPost *post = self->post;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autofree char *time = sigap_format_time (local);
  g_autofree char *time_text = NULL;
  g_autofree char *platforms = sigap_post_dup_platforms_text (post);
  g_autofree char *label = sigap_post_dup_accessible_label (post, zone);
  SigapPostStatus status = sigap_post_get_status (post);

  if (first_of_day)
    {
      g_autofree char *day = sigap_format_day (local);

      gtk_label_set_label (self->day_label, day);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), first_of_day);

  time_text = g_strdup_printf ("%s %s", time, g_date_time_get_timezone_abbreviation (local));
  gtk_label_set_label (self->time_label, time_text);
  gtk_label_set_label (self->title_label, sigap_post_get_title (post));
  gtk_label_set_label (self->platforms_label, platforms);
  gtk_label_set_label (self->status_label, sigap_post_status_to_label (status));
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label),
                              (const char *[]) { "caption", "status",
                                                 status_css_class (status), NULL });

  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    {
      GtkWidget *icon;

      if (sigap_post_get_variant (post, (SigapPlatform) i) == NULL)
        continue;

      /* No tooltip: the platforms' names are written beside the icons,
       * and a tooltip per icon costs more than the rest of the row. */
      icon = gtk_image_new_from_icon_name (sigap_platform_to_icon_name ((SigapPlatform) i));
      gtk_box_append (self->icons_box, icon);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->icons_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->icons_box)) != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
sigap_post_row_dispose (GObject *object)
{
  SigapPostRow *self = (SigapPostRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_POST_ROW);

  g_clear_object (&self->post);

  G_OBJECT_CLASS (sigap_post_row_parent_class)->dispose (object);
}

static void
sigap_post_row_class_init (SigapPostRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_post_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-post-row.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_widget_class_bind_template_child (widget_class, SigapPostRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, SigapPostRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, SigapPostRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SigapPostRow, icons_box);
  gtk_widget_class_bind_template_child (widget_class, SigapPostRow, platforms_label);
  gtk_widget_class_bind_template_child (widget_class, SigapPostRow, status_label);
}

static void
sigap_post_row_init (SigapPostRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sigap_post_row_new:
 *
 * Returns: (transfer floating): a row for the agenda's list view
 */
SigapPostRow *
sigap_post_row_new (void)
{
  return g_object_new (SIGAP_TYPE_POST_ROW, NULL);
}

/**
 * sigap_post_row_set_post:
 * @self: a #SigapPostRow
 * @post: (nullable): the post to show, %NULL when the row is recycled
 * @zone: the OPD's time zone
 * @first_of_day: whether the row starts its day, and shows the day's name
 *
 * Shows @post in @self.
 */
void
sigap_post_row_set_post (SigapPostRow *self,
                         SigapPost    *post,
                         GTimeZone    *zone,
                         gboolean      first_of_day)
{
  g_return_if_fail (SIGAP_IS_POST_ROW (self));
  g_return_if_fail (post == NULL || SIGAP_IS_POST (post));
  g_return_if_fail (zone != NULL);

  g_set_object (&self->post, post);
  clear_icons (self);

  if (post != NULL)
    sigap_post_row_show (self, zone, first_of_day);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/**
 * sigap_post_row_get_post:
 * @self: a #SigapPostRow
 *
 * Returns: (transfer none): the post
 */
SigapPost *
sigap_post_row_get_post (SigapPostRow *self)
{
  g_return_val_if_fail (SIGAP_IS_POST_ROW (self), NULL);

  return self->post;
}
