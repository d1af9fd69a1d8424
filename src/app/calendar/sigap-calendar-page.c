/* sigap-calendar-page.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-calendar-page.h"
#include "sigap-format.h"
#include "sigap-post-row.h"

/* The agenda runs from the first of this month to two weeks ahead. */
#define DAYS_AHEAD 14

struct _SigapCalendarPage
{
  AdwBin parent_instance;

  SigapStore *store;
  SigapOpd *opd;
  guint n_posts;

  /* The first day from today on, to scroll to once it has a place. */
  GtkWidget *today_group;
  guint scroll_tick;

  /* Template widgets */
  GtkStack *stack;
  GtkScrolledWindow *scrolled_window;
  AdwStatusPage *error_page;
  GtkBox *days_box;
};

G_DEFINE_FINAL_TYPE (SigapCalendarPage, sigap_calendar_page, ADW_TYPE_BIN)

static void
clear_days (SigapCalendarPage *self)
{
  GtkWidget *child;

  self->today_group = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box))))
    gtk_box_remove (self->days_box, child);
}

static gboolean
scroll_to_today_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  SigapCalendarPage *self = SIGAP_CALENDAR_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  graphene_point_t point;

  /* Wait until the days have been laid out: ticks come before layout. */
  if (self->today_group == NULL ||
      gtk_widget_get_height (self->today_group) == 0 ||
      !gtk_widget_compute_point (self->today_group, GTK_WIDGET (self->days_box),
                                 &GRAPHENE_POINT_INIT (0, 0), &point) ||
      gtk_adjustment_get_upper (adjustment) < point.y)
    return G_SOURCE_CONTINUE;

  gtk_adjustment_set_value (adjustment, point.y);
  self->scroll_tick = 0;

  return G_SOURCE_REMOVE;
}

static GtkListBox *
add_day (SigapCalendarPage *self,
         GDateTime         *day)
{
  g_autofree char *title = sigap_format_day (day);
  GtkWidget *box;
  GtkWidget *heading;
  GtkWidget *list;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), list);

  gtk_box_append (self->days_box, box);

  return GTK_LIST_BOX (list);
}

static void
sigap_calendar_page_dispose (GObject *object)
{
  SigapCalendarPage *self = (SigapCalendarPage *)object;

  /* The stack is both AdwBin's child and a template child: unparent it
   * once, here, before either would. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  self->today_group = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_CALENDAR_PAGE);

  g_clear_object (&self->store);
  g_clear_object (&self->opd);

  G_OBJECT_CLASS (sigap_calendar_page_parent_class)->dispose (object);
}

static void
sigap_calendar_page_class_init (SigapCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_calendar_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, days_box);
}

static void
sigap_calendar_page_init (SigapCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sigap_calendar_page_set_source:
 * @self: a #SigapCalendarPage
 * @store: (nullable): the store to read posts from
 * @opd: (nullable): the agency whose posts to show, %NULL if nobody is
 *   signed in
 *
 * Shows @opd's posts from @store.
 */
void
sigap_calendar_page_set_source (SigapCalendarPage *self,
                                SigapStore        *store,
                                SigapOpd          *opd)
{
  g_return_if_fail (SIGAP_IS_CALENDAR_PAGE (self));
  g_return_if_fail (store == NULL || SIGAP_IS_STORE (store));
  g_return_if_fail (opd == NULL || SIGAP_IS_OPD (opd));

  g_set_object (&self->store, store);
  g_set_object (&self->opd, opd);

  sigap_calendar_page_reload (self);
}

/**
 * sigap_calendar_page_reload:
 * @self: a #SigapCalendarPage
 *
 * Reads the agenda again from the store.
 */
void
sigap_calendar_page_reload (SigapCalendarPage *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *list = NULL;
  int last_year = 0, last_month = 0, last_day = 0;

  g_return_if_fail (SIGAP_IS_CALENDAR_PAGE (self));

  clear_days (self);
  self->n_posts = 0;

  if (self->store == NULL || self->opd == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }

  zone = sigap_opd_dup_zone (self->opd);
  now = g_date_time_new_now (zone);
  from = g_date_time_new (zone, g_date_time_get_year (now), g_date_time_get_month (now), 1,
                          0, 0, 0);
  today = g_date_time_new (zone, g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now), 0, 0, 0);
  to = g_date_time_add_days (today, DAYS_AHEAD + 1);

  posts = sigap_store_list_posts (self->store, sigap_opd_get_id (self->opd),
                                  g_date_time_to_unix (from), g_date_time_to_unix (to),
                                  &error);
  if (posts == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  for (guint i = 0; i < posts->len; i++)
    {
      SigapPost *post = g_ptr_array_index (posts, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
      int year, month, day;

      g_date_time_get_ymd (local, &year, &month, &day);
      if (list == NULL || year != last_year || month != last_month || day != last_day)
        {
          list = add_day (self, local);
          if (self->today_group == NULL && g_date_time_compare (local, today) >= 0)
            self->today_group = gtk_widget_get_parent (GTK_WIDGET (list));
          last_year = year;
          last_month = month;
          last_day = day;
        }

      gtk_list_box_append (list, GTK_WIDGET (sigap_post_row_new (post, zone)));
    }

  self->n_posts = posts->len;
  gtk_stack_set_visible_child_name (self->stack, posts->len > 0 ? "list" : "empty");

  /* The agenda starts with the month's past days; open it at today. */
  if (self->today_group != NULL && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_today_cb,
                                                      NULL, NULL);
}

/**
 * sigap_calendar_page_get_state:
 * @self: a #SigapCalendarPage
 *
 * Returns: what the page shows: "signed-out", "empty", "list" or "error"
 */
const char *
sigap_calendar_page_get_state (SigapCalendarPage *self)
{
  g_return_val_if_fail (SIGAP_IS_CALENDAR_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * sigap_calendar_page_get_n_posts:
 * @self: a #SigapCalendarPage
 *
 * Returns: the number of posts in the agenda
 */
guint
sigap_calendar_page_get_n_posts (SigapCalendarPage *self)
{
  g_return_val_if_fail (SIGAP_IS_CALENDAR_PAGE (self), 0);

  return self->n_posts;
}
