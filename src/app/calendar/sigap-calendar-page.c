/* sigap-calendar-page.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-calendar-cell.h"
#include "sigap-calendar-page.h"
#include "sigap-format.h"
#include "sigap-month-view.h"
#include "sigap-post-chip.h"
#include "sigap-post-row.h"
#include "sigap-week-view.h"

/* GTK 4.8's list view makes a row for every item it holds (up to 200), not
 * only for those on screen; the agenda gives it a screenful first and the
 * rest once the first frame is out. */
#define FIRST_SCREENFUL 24

#define N_STATUSES (SIGAP_POST_STATUS_CANCELLED + 1)
#define N_CATEGORIES (SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT + 1)

struct _SigapCalendarPage
{
  AdwBin parent_instance;

  SigapStore *store;
  SigapOpd *opd;
  GTimeZone *zone;
  GSettings *settings;
  AdwToastOverlay *toast_overlay;
  SigapPostFilter *filter;

  /* What is shown: the view, and the day it shows (%NULL for today,
   * whichever day that is when the page reloads). */
  SigapCalendarView view;
  char *date_key;

  /* As of the last reload: the day shown and today at 00:00, the period
   * [from, to), every post in it as read, the days without a scheduled
   * post among the coming ones. */
  GDateTime *date;
  GDateTime *today;
  GDateTime *from;
  GDateTime *to;
  GPtrArray *period_posts;
  GPtrArray *gap_days;
  guint n_hidden;

  /* The month and week are filled once the page shows, after its first
   * frame: a window opening on the calendar shows its grid at once. */
  gboolean render_pending;
  guint render_source;

  /* The agenda's posts, and those after its first screenful while they
   * wait for their idle. */
  GListStore *posts;
  GPtrArray *pending;
  guint pending_source;

  /* The last move, which Undo takes back. */
  char *undo_id;
  gint64 undo_time;
  AdwToast *undo_toast;
  char *message;

  /* The agenda's rows come after a reload: the post to focus then. */
  char *focus_id;
  guint focus_source;

  /* A drop is carried out once the drag is over. */
  char *drop_id;
  int drop_days;
  int drop_hours;
  guint drop_source;

  gboolean syncing;
  GtkCheckButton *platform_checks[SIGAP_N_PLATFORMS];
  GtkCheckButton *status_checks[N_STATUSES];
  GtkCheckButton *category_checks[N_CATEGORIES];

  /* Template widgets */
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkMenuButton *date_button;
  GtkLabel *title_label;
  GtkCalendar *date_calendar;
  GtkLabel *zone_label;
  GtkMenuButton *filter_button;
  GtkWidget *filter_bar;
  GtkLabel *hidden_label;
  GtkStack *view_stack;
  SigapMonthView *month_view;
  SigapWeekView *week_view;
  GtkWidget *agenda_box;
  GtkLabel *agenda_gaps_label;
  GtkStack *agenda_stack;
  GtkScrolledWindow *scrolled_window;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (SigapCalendarPage, sigap_calendar_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  POST_ACTIVATED,
  CREATE_POST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const view_names[] = { "month", "week", "agenda" };

static const char *
view_to_string (SigapCalendarView view)
{
  g_assert ((guint) view < G_N_ELEMENTS (view_names));

  return view_names[view];
}

static gboolean
view_from_string (const char        *name,
                  SigapCalendarView *view)
{
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      if (g_strcmp0 (name, view_names[i]) == 0)
        {
          *view = (SigapCalendarView) i;
          return TRUE;
        }
    }

  return FALSE;
}

static GDateTime *
post_local_time (SigapPost *post,
                 GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));

  return g_date_time_to_timezone (utc, zone);
}

static int
days_between (GDateTime *a,
              GDateTime *b)
{
  GDate da, db;
  int y, m, d;

  g_date_time_get_ymd (a, &y, &m, &d);
  g_date_clear (&da, 1);
  g_date_set_dmy (&da, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  g_date_time_get_ymd (b, &y, &m, &d);
  g_date_clear (&db, 1);
  g_date_set_dmy (&db, (GDateDay) d, (GDateMonth) m, (GDateYear) y);

  return g_date_days_between (&da, &db);
}

static SigapPost *
find_period_post (SigapCalendarPage *self,
                  const char        *id)
{
  for (guint i = 0; self->period_posts != NULL && i < self->period_posts->len; i++)
    {
      SigapPost *post = g_ptr_array_index (self->period_posts, i);

      if (g_strcmp0 (sigap_post_get_id (post), id) == 0)
        return post;
    }

  return NULL;
}

static gboolean
is_shown (SigapCalendarPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "calendar") == 0;
}

static void
update_actions (SigapCalendarPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = is_shown (self);

  gtk_widget_action_set_enabled (widget, "calendar.previous", shown);
  gtk_widget_action_set_enabled (widget, "calendar.next", shown);
  gtk_widget_action_set_enabled (widget, "calendar.today", shown);
  gtk_widget_action_set_enabled (widget, "calendar.view", shown);
  gtk_widget_action_set_enabled (widget, "calendar.move-earlier", shown);
  gtk_widget_action_set_enabled (widget, "calendar.move-later", shown);
  gtk_widget_action_set_enabled (widget, "calendar.move-hour-earlier",
                                 shown && self->view == SIGAP_CALENDAR_VIEW_WEEK);
  gtk_widget_action_set_enabled (widget, "calendar.move-hour-later",
                                 shown && self->view == SIGAP_CALENDAR_VIEW_WEEK);
  gtk_widget_action_set_enabled (widget, "calendar.undo-move", shown && self->undo_id != NULL);
  gtk_widget_action_set_enabled (widget, "calendar.show-all",
                                 sigap_post_filter_is_active (self->filter));
}

static void
show_toast (SigapCalendarPage *self,
            AdwToast          *toast)
{
  g_free (self->message);
  self->message = g_strdup (adw_toast_get_title (toast));

  if (self->toast_overlay != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  else
    g_object_unref (toast);
}

static void
show_message (SigapCalendarPage *self,
              const char        *message)
{
  show_toast (self, adw_toast_new (message));
}

static void
save_state (SigapCalendarPage *self)
{
  if (self->settings == NULL)
    return;

  g_settings_set_string (self->settings, "calendar-view", view_to_string (self->view));
  g_settings_set_string (self->settings, "calendar-date",
                         self->date_key != NULL ? self->date_key : "");
}

/* The day shown becomes @date's; today is kept as "today", so that the
 * calendar opens on the day it is when it opens. */
static void
set_date (SigapCalendarPage *self,
          GDateTime         *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (g_date_time_get_timezone (date));
  g_autofree char *key = sigap_calendar_day_key (date);
  g_autofree char *today = sigap_calendar_day_key (now);

  g_free (self->date_key);
  self->date_key = g_strcmp0 (key, today) == 0 ? NULL : g_steal_pointer (&key);
  save_state (self);
}

/* The agenda */

static gboolean
starts_day (SigapCalendarPage *self,
            guint              position,
            SigapPost         *post)
{
  g_autoptr(SigapPost) previous = NULL;
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;

  if (position == 0)
    return TRUE;

  previous = g_list_model_get_item (G_LIST_MODEL (self->posts), position - 1);
  a = post_local_time (previous, self->zone);
  b = post_local_time (post, self->zone);

  return days_between (a, b) != 0;
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
clear_agenda (SigapCalendarPage *self)
{
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_list_store_remove_all (self->posts);
}

static void
show_agenda (SigapCalendarPage *self,
             GPtrArray         *posts)
{
  g_autoptr(GPtrArray) rest = NULL;

  clear_agenda (self);
  g_list_store_splice (self->posts, 0, 0, posts->pdata, MIN (posts->len, FIRST_SCREENFUL));
  if (posts->len > FIRST_SCREENFUL)
    {
      rest = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = FIRST_SCREENFUL; i < posts->len; i++)
        g_ptr_array_add (rest, g_object_ref (g_ptr_array_index (posts, i)));
      self->pending = g_steal_pointer (&rest);
      self->pending_source = g_idle_add_full (G_PRIORITY_LOW, append_pending_cb, self, NULL);
    }
  gtk_stack_set_visible_child_name (self->agenda_stack, posts->len > 0 ? "list" : "empty");

  /* The agenda has no row for a day without posts: it names the coming
   * days without a scheduled post above the list instead. */
  if (self->gap_days != NULL && self->gap_days->len > 0)
    {
      g_autoptr(GString) days = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint i = 0; i < self->gap_days->len; i++)
        {
          /* Translators: a day in the list of days without a scheduled
           * post, see g_date_time_format(); "Sab 22 Nov" */
          g_autofree char *day = g_date_time_format (g_ptr_array_index (self->gap_days, i),
                                                     _("%a %-d %b"));

          if (days->len > 0)
            g_string_append (days, ", ");
          g_string_append (days, day);
        }

      /* Translators: %s lists days, as in "Sab 22 Nov, Min 23 Nov" */
      text = g_strdup_printf (_("No scheduled post on %s"), days->str);
      gtk_label_set_label (self->agenda_gaps_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_gaps_label),
                          self->gap_days != NULL && self->gap_days->len > 0);
}

static gboolean
focus_agenda_row_cb (gpointer user_data)
{
  SigapCalendarPage *self = user_data;
  g_autofree char *id = g_steal_pointer (&self->focus_id);

  self->focus_source = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (row != NULL && SIGAP_IS_POST_ROW (row) &&
          sigap_post_row_get_post (SIGAP_POST_ROW (row)) != NULL &&
          g_strcmp0 (sigap_post_get_id (sigap_post_row_get_post (SIGAP_POST_ROW (row))),
                     id) == 0)
        {
          gtk_widget_grab_focus (item);
          break;
        }
    }

  return G_SOURCE_REMOVE;
}

/* The list makes its rows as it lays itself out: the focus goes to the
 * post's row once it has. */
static void
focus_agenda_post (SigapCalendarPage *self,
                   SigapPost         *post)
{
  g_free (self->focus_id);
  self->focus_id = g_strdup (sigap_post_get_id (post));
  if (self->focus_source == 0)
    self->focus_source = g_idle_add_full (G_PRIORITY_LOW, focus_agenda_row_cb, self, NULL);
}

/* Showing what was read */

static void
update_title (SigapCalendarPage *self)
{
  g_autofree char *title = NULL;

  if (self->view == SIGAP_CALENDAR_VIEW_MONTH)
    {
      title = sigap_format_month (g_date_time_get_year (self->date),
                                  g_date_time_get_month (self->date));
    }
  else
    {
      g_autoptr(GDateTime) last = g_date_time_add_days (self->to, -1);

      title = sigap_format_day_range (self->from, last);
    }

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->zone_label, g_date_time_get_timezone_abbreviation (self->date));
}

/* Only the view shown is visible: a stack's other pages keep their last
 * size and would still be read out, stale, by screen readers. */
static void
show_view_page (SigapCalendarPage *self)
{
  GtkWidget *pages[] = {
    [SIGAP_CALENDAR_VIEW_MONTH] = GTK_WIDGET (self->month_view),
    [SIGAP_CALENDAR_VIEW_WEEK] = GTK_WIDGET (self->week_view),
    [SIGAP_CALENDAR_VIEW_AGENDA] = self->agenda_box,
  };

  gtk_widget_set_visible (pages[self->view], TRUE);
  gtk_stack_set_visible_child (self->view_stack, pages[self->view]);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (i != (guint) self->view)
        gtk_widget_set_visible (pages[i], FALSE);
    }
}

static void render (SigapCalendarPage *self);

static gboolean
render_idle_cb (gpointer user_data)
{
  SigapCalendarPage *self = user_data;

  self->render_source = 0;
  render (self);

  return G_SOURCE_REMOVE;
}

static void
render (SigapCalendarPage *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = NULL;

  g_clear_handle_id (&self->render_source, g_source_remove);
  self->render_pending = FALSE;

  if (self->period_posts == NULL)
    return;

  show_view_page (self);
  if (self->view != SIGAP_CALENDAR_VIEW_AGENDA && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->render_pending = TRUE;
      update_actions (self);
      return;
    }

  for (guint i = 0; i < self->period_posts->len; i++)
    {
      SigapPost *post = g_ptr_array_index (self->period_posts, i);

      if (sigap_post_filter_matches (self->filter, post))
        g_ptr_array_add (shown, g_object_ref (post));
    }

  self->n_hidden = sigap_post_filter_count_hidden (self->filter, self->period_posts);
  if (sigap_post_filter_is_active (self->filter))
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u post hidden by the filter",
                                           "%u posts hidden by the filter",
                                           self->n_hidden),
                              self->n_hidden);
      gtk_label_set_label (self->hidden_label, text);
    }
  gtk_widget_set_visible (self->filter_bar, sigap_post_filter_is_active (self->filter));

  now = g_date_time_new_now (self->zone);
  switch (self->view)
    {
    case SIGAP_CALENDAR_VIEW_MONTH:
      sigap_month_view_show (self->month_view, self->date, now, shown, self->gap_days);
      clear_agenda (self);
      break;

    case SIGAP_CALENDAR_VIEW_WEEK:
      sigap_week_view_show (self->week_view, self->date, now, shown, self->gap_days);
      clear_agenda (self);
      break;

    case SIGAP_CALENDAR_VIEW_AGENDA:
    default:
      show_agenda (self, shown);
      break;
    }
  update_actions (self);
}

static void
sigap_calendar_page_map (GtkWidget *widget)
{
  SigapCalendarPage *self = SIGAP_CALENDAR_PAGE (widget);

  GTK_WIDGET_CLASS (sigap_calendar_page_parent_class)->map (widget);

  if (self->render_pending && self->render_source == 0)
    self->render_source = g_idle_add_full (G_PRIORITY_LOW, render_idle_cb, self, NULL);
}

/* The days without a scheduled post among the coming ones that the
 * period shows; read apart when the period does not hold them all. */
static GPtrArray *
find_gap_days (SigapCalendarPage *self)
{
  g_autoptr(GDateTime) end = g_date_time_add_days (self->today, SIGAP_CALENDAR_GAP_DAYS);
  g_autoptr(GPtrArray) coming = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *posts = self->period_posts;

  if (g_date_time_compare (end, self->from) <= 0 || g_date_time_compare (self->today, self->to) >= 0)
    return NULL;

  if (g_date_time_compare (self->from, self->today) > 0 || g_date_time_compare (end, self->to) > 0)
    {
      coming = sigap_store_list_posts (self->store, sigap_opd_get_id (self->opd),
                                       g_date_time_to_unix (self->today),
                                       g_date_time_to_unix (end),
                                       &error);
      if (coming == NULL)
        {
          g_warning ("Cannot read the coming posts: %s", error->message);
          return NULL;
        }
      posts = coming;
    }

  return sigap_calendar_gap_days (posts, self->today, SIGAP_CALENDAR_GAP_DAYS);
}

static void
focus_post (SigapCalendarPage *self,
            SigapPost         *post)
{
  switch (self->view)
    {
    case SIGAP_CALENDAR_VIEW_MONTH:
      sigap_month_view_focus_post (self->month_view, post);
      break;

    case SIGAP_CALENDAR_VIEW_WEEK:
      sigap_week_view_focus_post (self->week_view, post);
      break;

    case SIGAP_CALENDAR_VIEW_AGENDA:
    default:
      focus_agenda_post (self, post);
      break;
    }
}

/* Moving posts */

static void
refuse_move (SigapCalendarPage *self,
             SigapPost         *post)
{
  if (sigap_post_get_status (post) == SIGAP_POST_STATUS_CANCELLED)
    show_message (self, _("A cancelled post cannot be moved"));
  else
    show_message (self, _("A published post cannot be moved"));
}

static void
undo_clicked_cb (SigapCalendarPage *self,
                 AdwToast          *toast)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.undo-move", NULL);
}

/* Stores @id's new time, shows it where it went and says so; a move the
 * user made can be undone, the undoing itself not. */
static gboolean
reschedule (SigapCalendarPage *self,
            const char        *id,
            gint64             time,
            gboolean           undoable)
{
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 before;

  post = sigap_store_get_post (self->store, id, &error);
  if (post == NULL)
    {
      show_message (self, error->message);
      return FALSE;
    }

  if (!sigap_calendar_can_move (post))
    {
      refuse_move (self, post);
      return FALSE;
    }

  before = sigap_post_get_scheduled_at (post);
  if (before == time)
    return FALSE;

  sigap_post_set_scheduled_at (post, time);
  if (!sigap_store_update_post (self->store, post, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_pointer (&self->undo_id, g_free);
  if (undoable)
    {
      self->undo_id = g_strdup (id);
      self->undo_time = before;
    }

  /* The post moves out of the period shown: the calendar follows it. */
  local = post_local_time (post, self->zone);
  if (g_date_time_compare (local, self->from) < 0 || g_date_time_compare (local, self->to) >= 0)
    {
      set_date (self, local);
      sigap_calendar_page_reload (self);
    }
  else
    {
      sigap_calendar_page_reload (self);
    }
  focus_post (self, post);

  /* Translators: when a post now goes out, in a toast, see
   * g_date_time_format(); "Kamis 17 Juli 09.00" */
  when = g_date_time_format (local, _("%A %-d %B %H:%M"));
  if (undoable)
    /* Translators: %s is when the post now goes out, as in "Kamis 17 Juli 09.00" */
    title = g_strdup_printf (_("Moved to %s"), when);
  else
    /* Translators: said after Undo; %s is when the post goes out again */
    title = g_strdup_printf (_("Moved back to %s"), when);

  /* Both say what was just done: they go before the toasts waiting in
   * the queue (an older "Draft saved"), and the one after Undo takes the
   * place of the Undo toast at once, not when the older ones are out. */
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      g_set_weak_pointer (&self->undo_toast, toast);
    }
  show_toast (self, toast);
  update_actions (self);

  return TRUE;
}

static void
move_post (SigapCalendarPage *self,
           SigapPost         *post,
           int                days,
           int                hours)
{
  gint64 time;

  if (!sigap_calendar_can_move (post))
    {
      refuse_move (self, post);
      return;
    }

  time = sigap_calendar_move (sigap_post_get_scheduled_at (post), self->zone, days, hours);
  if (time != sigap_post_get_scheduled_at (post))
    reschedule (self, sigap_post_get_id (post), time, TRUE);
}

/* The post that has the keyboard focus in the page, if any. */
static SigapPost *
get_focused_post (SigapCalendarPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;

  for (GtkWidget *widget = focus;
       widget != NULL && widget != GTK_WIDGET (self);
       widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);

      if (SIGAP_IS_POST_CHIP (widget))
        return sigap_post_chip_get_post (SIGAP_POST_CHIP (widget));
      if (SIGAP_IS_POST_ROW (widget))
        return sigap_post_row_get_post (SIGAP_POST_ROW (widget));
      /* The agenda's focus is on the list's row around the post's. */
      if (child != NULL && SIGAP_IS_POST_ROW (child))
        return sigap_post_row_get_post (SIGAP_POST_ROW (child));
      if (SIGAP_IS_CALENDAR_CELL (widget))
        break;
    }

  return NULL;
}

static void
move_focused (SigapCalendarPage *self,
              int                days,
              int                hours)
{
  SigapPost *post = get_focused_post (self);

  if (post == NULL)
    {
      show_message (self, _("Choose a post first, with the arrow keys or Tab"));
      return;
    }

  move_post (self, post, days, hours);
}

static gboolean
drop_idle_cb (gpointer user_data)
{
  SigapCalendarPage *self = user_data;
  g_autofree char *id = g_steal_pointer (&self->drop_id);
  SigapPost *post;

  self->drop_source = 0;
  post = find_period_post (self, id);
  if (post != NULL)
    move_post (self, post, self->drop_days, self->drop_hours);

  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
view_post_activated_cb (SigapCalendarPage *self,
                        SigapPost         *post,
                        GtkWidget         *view)
{
  g_signal_emit (self, signals[POST_ACTIVATED], 0, post);
}

static void
view_create_post_cb (SigapCalendarPage *self,
                     GDateTime         *time,
                     GtkWidget         *view)
{
  g_signal_emit (self, signals[CREATE_POST], 0, time);
}

/* A post dropped on a day keeps its time of day; on an hour it takes the
 * hour and keeps its minutes. */
static void
view_post_dropped_cb (SigapCalendarPage *self,
                      const char        *id,
                      GDateTime         *time,
                      gboolean           whole_day,
                      GtkWidget         *view)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) target = NULL;
  SigapPost *post = find_period_post (self, id);

  if (post == NULL)
    return;

  local = post_local_time (post, self->zone);
  target = g_date_time_to_timezone (time, self->zone);

  g_free (self->drop_id);
  self->drop_id = g_strdup (id);
  self->drop_days = days_between (local, target);
  self->drop_hours = whole_day ? 0 : g_date_time_get_hour (target) - g_date_time_get_hour (local);

  /* The dragged chip goes when the page reloads, which waits until the
   * drag that holds it has ended. */
  if (self->drop_source == 0)
    self->drop_source = g_idle_add (drop_idle_cb, self);
}

static void
date_popover_show_cb (SigapCalendarPage *self,
                      GtkPopover        *popover)
{
  if (self->date == NULL)
    return;

  self->syncing = TRUE;
  gtk_calendar_select_day (self->date_calendar, self->date);
  self->syncing = FALSE;
}

static void
date_selected_cb (SigapCalendarPage *self,
                  GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) picked = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (self->syncing || self->zone == NULL)
    return;

  picked = gtk_calendar_get_date (calendar);
  date = g_date_time_new (self->zone,
                          g_date_time_get_year (picked),
                          g_date_time_get_month (picked),
                          g_date_time_get_day_of_month (picked),
                          0, 0, 0);
  gtk_menu_button_popdown (self->date_button);
  sigap_calendar_page_go_to_date (self, date);
}

static guint
checks_to_mask (GtkCheckButton **checks,
                guint            n_checks)
{
  guint mask = 0;

  for (guint i = 0; i < n_checks; i++)
    {
      if (!gtk_check_button_get_active (checks[i]))
        mask |= 1u << i;
    }

  return mask;
}

static void
mask_to_checks (GtkCheckButton **checks,
                guint            n_checks,
                guint            mask)
{
  for (guint i = 0; i < n_checks; i++)
    gtk_check_button_set_active (checks[i], (mask & (1u << i)) == 0);
}

static void
filter_toggled_cb (SigapCalendarPage *self,
                   GtkCheckButton    *check)
{
  if (self->syncing)
    return;

  g_object_freeze_notify (G_OBJECT (self->filter));
  sigap_post_filter_set_hidden_platforms (self->filter,
                                          checks_to_mask (self->platform_checks,
                                                          SIGAP_N_PLATFORMS));
  sigap_post_filter_set_hidden_statuses (self->filter,
                                         checks_to_mask (self->status_checks, N_STATUSES));
  sigap_post_filter_set_hidden_categories (self->filter,
                                           checks_to_mask (self->category_checks, N_CATEGORIES));
  g_object_thaw_notify (G_OBJECT (self->filter));
}

static void
sync_filter_checks (SigapCalendarPage *self)
{
  if (self->platform_checks[0] == NULL)
    return;

  self->syncing = TRUE;
  mask_to_checks (self->platform_checks, SIGAP_N_PLATFORMS,
                  sigap_post_filter_get_hidden_platforms (self->filter));
  mask_to_checks (self->status_checks, N_STATUSES,
                  sigap_post_filter_get_hidden_statuses (self->filter));
  mask_to_checks (self->category_checks, N_CATEGORIES,
                  sigap_post_filter_get_hidden_categories (self->filter));
  self->syncing = FALSE;
}

static void
filter_changed_cb (SigapCalendarPage *self,
                   SigapPostFilter   *filter)
{
  sync_filter_checks (self);

  if (sigap_post_filter_is_active (filter))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filter-active");

  render (self);
}

static void
add_filter_section (SigapCalendarPage  *self,
                    GtkWidget          *box,
                    const char         *title,
                    GtkCheckButton    **checks,
                    guint               n_checks,
                    const char       *(*to_label) (int value))
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *group = g_object_new (GTK_TYPE_BOX,
                                   "orientation", GTK_ORIENTATION_VERTICAL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                   NULL);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (group),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);

  for (guint i = 0; i < n_checks; i++)
    {
      checks[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (to_label ((int) i)));
      gtk_check_button_set_active (checks[i], TRUE);
      g_signal_connect_object (checks[i], "toggled", G_CALLBACK (filter_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (group), GTK_WIDGET (checks[i]));
    }
  gtk_box_append (GTK_BOX (box), group);
}

static const char *
platform_label (int value)
{
  return sigap_platform_to_label ((SigapPlatform) value);
}

static const char *
status_label (int value)
{
  return sigap_post_status_to_label ((SigapPostStatus) value);
}

static const char *
category_label (int value)
{
  return sigap_content_category_to_label ((SigapContentCategory) value);
}

/* Made when the filter first opens, from the filter as it is then. */
static void
build_filter_popover (GtkMenuButton *button,
                      gpointer       user_data)
{
  SigapCalendarPage *self = user_data;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *show_all;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  add_filter_section (self, box, _("Platforms"), self->platform_checks,
                      SIGAP_N_PLATFORMS, platform_label);
  add_filter_section (self, box, _("Statuses"), self->status_checks,
                      N_STATUSES, status_label);
  add_filter_section (self, box, _("Categories"), self->category_checks,
                      N_CATEGORIES, category_label);

  show_all = gtk_button_new_with_label (_("Show All"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show_all), "calendar.show-all");
  gtk_widget_set_margin_top (show_all, 6);
  gtk_box_append (GTK_BOX (box), show_all);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 520);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (self->filter_button, popover);
  sync_filter_checks (self);
}

/* Actions */

static void
step (SigapCalendarPage *self,
      int                direction)
{
  g_autoptr(GDateTime) date = NULL;

  if (self->date == NULL)
    return;

  date = sigap_calendar_step (self->view, self->date, direction);
  if (date != NULL)
    sigap_calendar_page_go_to_date (self, date);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step (SIGAP_CALENDAR_PAGE (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (SIGAP_CALENDAR_PAGE (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SigapCalendarPage *self = SIGAP_CALENDAR_PAGE (widget);
  g_autoptr(GDateTime) now = NULL;

  if (self->zone == NULL)
    return;

  now = g_date_time_new_now (self->zone);
  sigap_calendar_page_go_to_date (self, now);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SigapCalendarPage *self = SIGAP_CALENDAR_PAGE (widget);

  if (g_str_equal (action_name, "calendar.move-earlier"))
    move_focused (self, -1, 0);
  else if (g_str_equal (action_name, "calendar.move-later"))
    move_focused (self, 1, 0);
  else if (g_str_equal (action_name, "calendar.move-hour-earlier"))
    move_focused (self, 0, -1);
  else if (g_str_equal (action_name, "calendar.move-hour-later"))
    move_focused (self, 0, 1);
}

static void
undo_move_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SigapCalendarPage *self = SIGAP_CALENDAR_PAGE (widget);
  g_autofree char *id = g_steal_pointer (&self->undo_id);

  if (id == NULL || self->store == NULL)
    return;

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  reschedule (self, id, self->undo_time, FALSE);
  update_actions (self);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  sigap_post_filter_reset (SIGAP_CALENDAR_PAGE (widget)->filter);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action_name,
              GVariant              *arguments)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new (action_name));

  if (arguments != NULL)
    gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The calendar's keys work wherever the focus is in the window, as long
 * as the calendar shows. */
static void
add_shortcuts (SigapCalendarPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);

  add_shortcut (shortcuts, GDK_KEY_Left, GDK_ALT_MASK, "calendar.previous", NULL);
  add_shortcut (shortcuts, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "calendar.previous", NULL);
  add_shortcut (shortcuts, GDK_KEY_Right, GDK_ALT_MASK, "calendar.next", NULL);
  add_shortcut (shortcuts, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "calendar.next", NULL);
  add_shortcut (shortcuts, GDK_KEY_t, GDK_CONTROL_MASK, "calendar.today", NULL);
  add_shortcut (shortcuts, GDK_KEY_m, GDK_ALT_MASK, "calendar.view",
                g_variant_new_string ("month"));
  add_shortcut (shortcuts, GDK_KEY_w, GDK_ALT_MASK, "calendar.view",
                g_variant_new_string ("week"));
  add_shortcut (shortcuts, GDK_KEY_a, GDK_ALT_MASK, "calendar.view",
                g_variant_new_string ("agenda"));
  add_shortcut (shortcuts, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK,
                "calendar.move-earlier", NULL);
  add_shortcut (shortcuts, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK,
                "calendar.move-later", NULL);
  add_shortcut (shortcuts, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK,
                "calendar.move-hour-earlier", NULL);
  add_shortcut (shortcuts, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK,
                "calendar.move-hour-later", NULL);
  add_shortcut (shortcuts, GDK_KEY_z, GDK_CONTROL_MASK, "calendar.undo-move", NULL);

  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* GObject */

static void
sigap_calendar_page_dispose (GObject *object)
{
  SigapCalendarPage *self = (SigapCalendarPage *)object;

  /* The stack is both AdwBin's child and a template child: unparent it
   * once, here, before either would. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_handle_id (&self->drop_source, g_source_remove);
  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_clear_handle_id (&self->render_source, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_weak_pointer (&self->undo_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_CALENDAR_PAGE);

  g_clear_object (&self->store);
  g_clear_object (&self->opd);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->toast_overlay);
  g_clear_object (&self->filter);
  g_clear_object (&self->posts);
  g_clear_pointer (&self->period_posts, g_ptr_array_unref);
  g_clear_pointer (&self->gap_days, g_ptr_array_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->today, g_date_time_unref);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (sigap_calendar_page_parent_class)->dispose (object);
}

static void
sigap_calendar_page_finalize (GObject *object)
{
  SigapCalendarPage *self = (SigapCalendarPage *)object;

  g_free (self->date_key);
  g_free (self->undo_id);
  g_free (self->drop_id);
  g_free (self->focus_id);
  g_free (self->message);

  G_OBJECT_CLASS (sigap_calendar_page_parent_class)->finalize (object);
}

static void
sigap_calendar_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SigapCalendarPage *self = SIGAP_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, view_to_string (self->view));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_calendar_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SigapCalendarPage *self = SIGAP_CALENDAR_PAGE (object);
  SigapCalendarView view;

  switch (prop_id)
    {
    case PROP_VIEW:
      if (view_from_string (g_value_get_string (value), &view))
        sigap_calendar_page_set_view (self, view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_calendar_page_class_init (SigapCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_calendar_page_dispose;
  object_class->finalize = sigap_calendar_page_finalize;
  object_class->get_property = sigap_calendar_page_get_property;
  object_class->set_property = sigap_calendar_page_set_property;

  widget_class->map = sigap_calendar_page_map;

  /**
   * SigapCalendarPage:view:
   *
   * The view shown: "month", "week" or "agenda".
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "month",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

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

  /**
   * SigapCalendarPage::create-post:
   * @self: the page
   * @time: when the user asked for a new post to go out, in the OPD's
   *   zone
   */
  signals[CREATE_POST] =
    g_signal_new ("create-post",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  g_type_ensure (SIGAP_TYPE_MONTH_VIEW);
  g_type_ensure (SIGAP_TYPE_WEEK_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, zone_label);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, week_view);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, agenda_box);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, agenda_gaps_label);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, agenda_stack);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SigapCalendarPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_post_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_create_post_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_post_dropped_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);
  gtk_widget_class_install_property_action (widget_class, "calendar.view", "view");
  gtk_widget_class_install_action (widget_class, "calendar.move-earlier", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "calendar.move-later", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "calendar.move-hour-earlier", NULL,
                                   move_action);
  gtk_widget_class_install_action (widget_class, "calendar.move-hour-later", NULL,
                                   move_action);
  gtk_widget_class_install_action (widget_class, "calendar.undo-move", NULL, undo_move_action);
  gtk_widget_class_install_action (widget_class, "calendar.show-all", NULL, show_all_action);
}

static void
sigap_calendar_page_init (SigapCalendarPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->zone = g_time_zone_new_utc ();
  self->view = SIGAP_CALENDAR_VIEW_MONTH;
  self->posts = g_list_store_new (SIGAP_TYPE_POST);
  self->filter = sigap_post_filter_new ();
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->posts))));
  gtk_list_view_set_model (self->list_view, selection);

  gtk_menu_button_set_create_popup_func (self->filter_button, build_filter_popover, self, NULL);
  add_shortcuts (self);
  update_actions (self);
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
 * sigap_calendar_page_set_settings:
 * @self: a #SigapCalendarPage
 * @settings: (nullable): where the page keeps its view and day
 *
 * Shows the view and the day kept in @settings ("calendar-view",
 * "calendar-date") and keeps them there from now on. Call it before
 * sigap_calendar_page_set_source(), so that the page reads its posts once.
 */
void
sigap_calendar_page_set_settings (SigapCalendarPage *self,
                                  GSettings         *settings)
{
  g_autofree char *view_name = NULL;
  g_autofree char *date_key = NULL;
  SigapCalendarView view;

  g_return_if_fail (SIGAP_IS_CALENDAR_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings) || settings == NULL)
    return;

  view_name = g_settings_get_string (settings, "calendar-view");
  if (view_from_string (view_name, &view) && view != self->view)
    {
      self->view = view;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
    }

  date_key = g_settings_get_string (settings, "calendar-date");
  g_free (self->date_key);
  self->date_key = date_key != NULL && date_key[0] != '\0' ? g_steal_pointer (&date_key) : NULL;

  if (self->store != NULL)
    sigap_calendar_page_reload (self);
}

/**
 * sigap_calendar_page_set_toast_overlay:
 * @self: a #SigapCalendarPage
 * @overlay: (nullable): where the page says what it did, with Undo
 */
void
sigap_calendar_page_set_toast_overlay (SigapCalendarPage *self,
                                       AdwToastOverlay   *overlay)
{
  g_return_if_fail (SIGAP_IS_CALENDAR_PAGE (self));
  g_return_if_fail (overlay == NULL || ADW_IS_TOAST_OVERLAY (overlay));

  /* The overlay is around the page, in the window: no reference. */
  g_set_weak_pointer (&self->toast_overlay, overlay);
}

/**
 * sigap_calendar_page_reload:
 * @self: a #SigapCalendarPage
 *
 * Reads the posts of the period shown again from the store: only those,
 * so that a database of years costs what is on screen.
 */
void
sigap_calendar_page_reload (SigapCalendarPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SIGAP_IS_CALENDAR_PAGE (self));

  clear_agenda (self);
  g_clear_pointer (&self->period_posts, g_ptr_array_unref);
  g_clear_pointer (&self->gap_days, g_ptr_array_unref);
  self->n_hidden = 0;

  if (self->store == NULL || self->opd == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      update_actions (self);
      return;
    }

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = sigap_opd_dup_zone (self->opd);
  now = g_date_time_new_now (self->zone);

  if (self->date_key != NULL)
    date = sigap_calendar_parse_day_key (self->date_key, self->zone);
  if (date == NULL)
    {
      g_clear_pointer (&self->date_key, g_free);
      date = sigap_calendar_day_start (now);
    }

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->today, g_date_time_unref);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);
  self->date = g_steal_pointer (&date);
  self->today = sigap_calendar_day_start (now);
  sigap_calendar_range (self->view, self->date, &self->from, &self->to);

  posts = sigap_store_list_posts (self->store, sigap_opd_get_id (self->opd),
                                  g_date_time_to_unix (self->from),
                                  g_date_time_to_unix (self->to),
                                  &error);
  if (posts == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_actions (self);
      return;
    }

  self->period_posts = g_steal_pointer (&posts);
  self->gap_days = find_gap_days (self);

  update_title (self);
  gtk_stack_set_visible_child_name (self->stack, "calendar");
  render (self);
}

/**
 * sigap_calendar_page_get_state:
 * @self: a #SigapCalendarPage
 *
 * Returns: what the page shows: "signed-out", "error", or the calendar
 *   with posts in its period ("list") or without ("empty")
 */
const char *
sigap_calendar_page_get_state (SigapCalendarPage *self)
{
  g_return_val_if_fail (SIGAP_IS_CALENDAR_PAGE (self), NULL);

  if (!is_shown (self))
    return gtk_stack_get_visible_child_name (self->stack);

  return self->period_posts != NULL && self->period_posts->len > 0 ? "list" : "empty";
}

/**
 * sigap_calendar_page_get_n_posts:
 * @self: a #SigapCalendarPage
 *
 * Returns: the number of posts in the period shown, the filter's hidden
 *   ones included
 */
guint
sigap_calendar_page_get_n_posts (SigapCalendarPage *self)
{
  g_return_val_if_fail (SIGAP_IS_CALENDAR_PAGE (self), 0);

  return self->period_posts != NULL ? self->period_posts->len : 0;
}

SigapCalendarView
sigap_calendar_page_get_view (SigapCalendarPage *self)
{
  g_return_val_if_fail (SIGAP_IS_CALENDAR_PAGE (self), SIGAP_CALENDAR_VIEW_MONTH);

  return self->view;
}

/**
 * sigap_calendar_page_set_view:
 * @self: a #SigapCalendarPage
 * @view: the view to show
 *
 * Shows @view around the same day, and keeps it in the settings.
 */
void
sigap_calendar_page_set_view (SigapCalendarPage *self,
                              SigapCalendarView  view)
{
  g_return_if_fail (SIGAP_IS_CALENDAR_PAGE (self));
  g_return_if_fail ((guint) view < G_N_ELEMENTS (view_names));

  if (self->view == view)
    return;

  self->view = view;
  save_state (self);
  sigap_calendar_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/**
 * sigap_calendar_page_get_date:
 * @self: a #SigapCalendarPage
 *
 * Returns: (transfer none) (nullable): 00:00 of the day the page shows,
 *   in the OPD's zone, or %NULL before it has read anything
 */
GDateTime *
sigap_calendar_page_get_date (SigapCalendarPage *self)
{
  g_return_val_if_fail (SIGAP_IS_CALENDAR_PAGE (self), NULL);

  return self->date;
}

/**
 * sigap_calendar_page_go_to_date:
 * @self: a #SigapCalendarPage
 * @date: a day, read in the OPD's zone
 *
 * Shows the period of the current view around @date, and keeps the day
 * in the settings.
 */
void
sigap_calendar_page_go_to_date (SigapCalendarPage *self,
                                GDateTime         *date)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (SIGAP_IS_CALENDAR_PAGE (self));
  g_return_if_fail (date != NULL);

  local = g_date_time_to_timezone (date, self->zone);
  set_date (self, local);
  sigap_calendar_page_reload (self);
}

/**
 * sigap_calendar_page_get_filter:
 * @self: a #SigapCalendarPage
 *
 * Returns: (transfer none): what the page hides
 */
SigapPostFilter *
sigap_calendar_page_get_filter (SigapCalendarPage *self)
{
  g_return_val_if_fail (SIGAP_IS_CALENDAR_PAGE (self), NULL);

  return self->filter;
}

/**
 * sigap_calendar_page_get_n_hidden:
 * @self: a #SigapCalendarPage
 *
 * Returns: how many posts of the period the filter hides
 */
guint
sigap_calendar_page_get_n_hidden (SigapCalendarPage *self)
{
  g_return_val_if_fail (SIGAP_IS_CALENDAR_PAGE (self), 0);

  return self->n_hidden;
}

/**
 * sigap_calendar_page_get_message:
 * @self: a #SigapCalendarPage
 *
 * Returns: (nullable): what the page last said in a toast
 */
const char *
sigap_calendar_page_get_message (SigapCalendarPage *self)
{
  g_return_val_if_fail (SIGAP_IS_CALENDAR_PAGE (self), NULL);

  return self->message;
}

/**
 * sigap_calendar_page_create_post_at_focus:
 * @self: a #SigapCalendarPage
 *
 * Asks for a new post at the day or hour that has the keyboard focus, or
 * holds the post that has it, by emitting #SigapCalendarPage::create-post.
 * The window calls it for Ctrl+N, whose accelerator comes first.
 *
 * Returns: whether a day or hour of the page had the focus
 */
gboolean
sigap_calendar_page_create_post_at_focus (SigapCalendarPage *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (SIGAP_IS_CALENDAR_PAGE (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return FALSE;

  for (GtkWidget *widget = focus;
       widget != NULL && widget != GTK_WIDGET (self);
       widget = gtk_widget_get_parent (widget))
    {
      if (SIGAP_IS_CALENDAR_CELL (widget) &&
          sigap_calendar_cell_get_time (SIGAP_CALENDAR_CELL (widget)) != NULL)
        {
          g_signal_emit (self, signals[CREATE_POST], 0,
                         sigap_calendar_cell_get_time (SIGAP_CALENDAR_CELL (widget)));
          return TRUE;
        }
    }

  return FALSE;
}
