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

/* The agenda runs from today to two weeks ahead; the month and week views
 * show the rest. */
#define DAYS_AHEAD 14

/* GTK 4.8's list view makes a row for every item it holds (up to 200), not
 * only for those on screen; the agenda gives it a screenful first and the
 * rest once the first frame is out. */
#define FIRST_SCREENFUL 24

struct _SigapCalendarPage
{
  AdwBin parent_instance;

  SigapStore *store;
  SigapOpd *opd;
  GTimeZone *zone;
  GListStore *posts;
  guint n_posts;

  /* The posts after the first screenful, while they wait for their idle. */
  GPtrArray *pending;
  guint pending_source;

  /* Template widgets */
  GtkStack *stack;
  GtkScrolledWindow *scrolled_window;
  AdwStatusPage *error_page;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (SigapCalendarPage, sigap_calendar_page, ADW_TYPE_BIN)

enum {
  POST_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
local_ymd (SigapPost *post,
           GTimeZone *zone,
           int       *year,
           int       *month,
           int       *day)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  g_date_time_get_ymd (local, year, month, day);
}

/* The day's heading goes above the first post of each day. */
static gboolean
starts_day (SigapCalendarPage *self,
            guint              position,
            SigapPost         *post)
{
  g_autoptr(SigapPost) previous = NULL;
  int y1, m1, d1, y2, m2, d2;

  if (position == 0)
    return TRUE;

  previous = g_list_model_get_item (G_LIST_MODEL (self->posts), position - 1);
  local_ymd (previous, self->zone, &y1, &m1, &d1);
  local_ymd (post, self->zone, &y2, &m2, &d2);

  return y1 != y2 || m1 != m2 || d1 != d2;
}

static gboolean
append_pending_cb (gpointer user_data)
{
  SigapCalendarPage *self = user_data;

  self->pending_source = 0;
  g_list_store_splice (self->posts, g_list_model_get_n_items (G_LIST_MODEL (self->posts)), 0,
                       self->pending->pdata, self->pending->len);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  return G_SOURCE_REMOVE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SigapCalendarPage        *self)
{
  gtk_list_item_set_activatable (item, TRUE);
  gtk_list_item_set_child (item, GTK_WIDGET (sigap_post_row_new ()));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SigapCalendarPage        *self)
{
  SigapPostRow *row = SIGAP_POST_ROW (gtk_list_item_get_child (item));
  SigapPost *post = gtk_list_item_get_item (item);

  sigap_post_row_set_post (row, post, self->zone,
                           starts_day (self, gtk_list_item_get_position (item), post));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SigapCalendarPage        *self)
{
  SigapPostRow *row = SIGAP_POST_ROW (gtk_list_item_get_child (item));

  sigap_post_row_set_post (row, NULL, self->zone, FALSE);
}

/* Enter or a double click on a post opens it. */
static void
activate_cb (SigapCalendarPage *self,
             guint              position,
             GtkListView       *list_view)
{
  g_autoptr(SigapPost) post = g_list_model_get_item (G_LIST_MODEL (self->posts), position);

  if (post != NULL)
    g_signal_emit (self, signals[POST_ACTIVATED], 0, post);
}

static void
sigap_calendar_page_dispose (GObject *object)
{
  SigapCalendarPage *self = (SigapCalendarPage *)object;

  /* The stack is both AdwBin's child and a template child: unparent it
   * once, here, before either would. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_CALENDAR_PAGE);

  g_clear_object (&self->store);
  g_clear_object (&self->opd);
  g_clear_object (&self->posts);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (sigap_calendar_page_parent_class)->dispose (object);
}

static void
sigap_calendar_page_class_init (SigapCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_calendar_page_dispose;

  /**
   * SigapCalendarPage::post-activated:
   * @self: the page
   * @post: the post the user opened
   */
  signals[POST_ACTIVATED] =
    g_signal_new ("post-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SIGAP_TYPE_POST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
sigap_calendar_page_init (SigapCalendarPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->zone = g_time_zone_new_utc ();
  self->posts = g_list_store_new (SIGAP_TYPE_POST);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->posts))));
  gtk_list_view_set_model (self->list_view, selection);
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
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SIGAP_IS_CALENDAR_PAGE (self));

  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_list_store_remove_all (self->posts);
  self->n_posts = 0;

  if (self->store == NULL || self->opd == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = sigap_opd_dup_zone (self->opd);
  now = g_date_time_new_now (self->zone);
  today = g_date_time_new (self->zone, g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now), 0, 0, 0);
  to = g_date_time_add_days (today, DAYS_AHEAD + 1);

  posts = sigap_store_list_posts (self->store, sigap_opd_get_id (self->opd),
                                  g_date_time_to_unix (today), g_date_time_to_unix (to),
                                  &error);
  if (posts == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->n_posts = posts->len;
  g_list_store_splice (self->posts, 0, 0, posts->pdata, MIN (posts->len, FIRST_SCREENFUL));
  if (posts->len > FIRST_SCREENFUL)
    {
      g_ptr_array_remove_range (posts, 0, FIRST_SCREENFUL);
      self->pending = g_steal_pointer (&posts);
      self->pending_source = g_idle_add_full (G_PRIORITY_LOW, append_pending_cb, self, NULL);
    }
  gtk_stack_set_visible_child_name (self->stack, self->n_posts > 0 ? "list" : "empty");
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
