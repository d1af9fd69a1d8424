/* sigap-week-view.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-week-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-calendar-cell.h"
#include "sigap-format.h"
#include "sigap-post-chip.h"
#include "sigap-week-view.h"

#define N_HOURS 24
#define N_CELLS (7 * N_HOURS)

/* Tall enough for a post and a click beside it; a day is a scroll. */
#define HOUR_HEIGHT 40

struct _SigapWeekView
{
  AdwBin parent_instance;

  GTimeZone *zone;
  GDateTime *start;

  GtkSizeGroup *hour_column;
  GtkWidget *zone_label;
  GtkWidget *day_labels[7];
  GtkWidget *gap_labels[7];
  GtkWidget *headers[7];
  char *header_names[7];
  GtkWidget *scrolled;
  GtkWidget *grid;

  /* Made when the week is first shown: hour * 7 + day. */
  SigapCalendarCell *cells[N_CELLS];
  GtkWidget *cell_posts[N_CELLS];

  guint scroll_hour;
  guint scroll_tick;
};

G_DEFINE_FINAL_TYPE (SigapWeekView, sigap_week_view, ADW_TYPE_BIN)

enum {
  POST_ACTIVATED,
  CREATE_POST,
  POST_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
date_from_datetime (GDate     *date,
                    GDateTime *datetime)
{
  int year, month, day;

  g_date_time_get_ymd (datetime, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Whole days from @start's day to @datetime's, read in @start's zone. */
static int
days_between (GDateTime *start,
              GDateTime *datetime)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (datetime,
                                                        g_date_time_get_timezone (start));
  GDate a, b;

  date_from_datetime (&a, start);
  date_from_datetime (&b, local);

  return g_date_days_between (&a, &b);
}

/* @hour o'clock of the day @n days after @day's, in its zone. */
static GDateTime *
day_hour (GDateTime *day,
          int        n,
          int        hour)
{
  GDate date;

  date_from_datetime (&date, day);
  g_date_add_days (&date, (guint) n);

  return g_date_time_new (g_date_time_get_timezone (day),
                          g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), hour, 0, 0);
}

/* Changing a widget's CSS classes restyles it and all inside it: only
 * what differs is changed. */
static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    enabled)
{
  if (enabled == gtk_widget_has_css_class (widget, css_class))
    return;

  if (enabled)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
chip_activate_cb (SigapWeekView *self,
                  SigapPostChip *chip)
{
  g_signal_emit (self, signals[POST_ACTIVATED], 0, sigap_post_chip_get_post (chip));
}

static void
cell_activate_cb (SigapWeekView     *self,
                  SigapCalendarCell *cell)
{
  GDateTime *time = sigap_calendar_cell_get_time (cell);

  if (time != NULL)
    g_signal_emit (self, signals[CREATE_POST], 0, time);
}

static void
cell_post_dropped_cb (SigapWeekView     *self,
                      const char        *id,
                      SigapCalendarCell *cell)
{
  GDateTime *time = sigap_calendar_cell_get_time (cell);

  if (time != NULL)
    g_signal_emit (self, signals[POST_DROPPED], 0, id, time, FALSE);
}

/* The grid of hours, made the first time the week view is shown so that
 * a start in the month view does not pay for it. */
static void
ensure_grid (SigapWeekView *self)
{
  g_autoptr(GTimeZone) utc = NULL;

  if (self->cells[0] != NULL)
    return;

  utc = g_time_zone_new_utc ();

  for (int hour = 0; hour < N_HOURS; hour++)
    {
      g_autoptr(GDateTime) time = g_date_time_new (utc, 2000, 1, 1, hour, 0, 0);
      g_autofree char *text = sigap_format_time (time);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_css_classes (label, (const char *[]) { "hour-label", "caption",
                                                            "numeric", "faint", NULL });
      gtk_size_group_add_widget (self->hour_column, label);
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, hour, 1, 1);

      for (int day = 0; day < 7; day++)
        {
          guint index = (guint) (hour * 7 + day);
          GtkWidget *cell = sigap_calendar_cell_new (FALSE);
          GtkWidget *posts = g_object_new (GTK_TYPE_BOX,
                                           "orientation", GTK_ORIENTATION_VERTICAL,
                                           "spacing", 2,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                                           NULL);

          gtk_widget_set_hexpand (cell, TRUE);
          gtk_widget_set_size_request (cell, -1, HOUR_HEIGHT);
          gtk_widget_add_css_class (cell, "hour");
          sigap_calendar_cell_set_child (SIGAP_CALENDAR_CELL (cell), posts);
          g_signal_connect_object (cell, "activate", G_CALLBACK (cell_activate_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (cell, "post-dropped", G_CALLBACK (cell_post_dropped_cb),
                                   self, G_CONNECT_SWAPPED);
          gtk_grid_attach (GTK_GRID (self->grid), cell, day + 1, hour, 1, 1);

          self->cells[index] = SIGAP_CALENDAR_CELL (cell);
          self->cell_posts[index] = posts;
        }
    }
}

static gboolean
header_query_tooltip_cb (GtkWidget     *header,
                         int            x,
                         int            y,
                         gboolean       keyboard_mode,
                         GtkTooltip    *tooltip,
                         SigapWeekView *self)
{
  for (guint i = 0; i < 7; i++)
    {
      if (self->headers[i] == header && self->header_names[i] != NULL)
        {
          gtk_tooltip_set_text (tooltip, self->header_names[i]);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  SigapWeekView *self = SIGAP_WEEK_VIEW (widget);
  GtkAdjustment *adjustment;
  graphene_point_t point;
  GtkWidget *cell;

  if (self->cells[0] == NULL)
    return G_SOURCE_CONTINUE;

  cell = GTK_WIDGET (self->cells[self->scroll_hour * 7]);
  if (gtk_widget_get_height (cell) <= 0 ||
      !gtk_widget_compute_point (cell, self->grid, &GRAPHENE_POINT_INIT (0, 0), &point))
    return G_SOURCE_CONTINUE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  gtk_adjustment_set_value (adjustment, point.y);
  self->scroll_tick = 0;

  return G_SOURCE_REMOVE;
}

static void
sigap_week_view_map (GtkWidget *widget)
{
  SigapWeekView *self = SIGAP_WEEK_VIEW (widget);

  GTK_WIDGET_CLASS (sigap_week_view_parent_class)->map (widget);

  /* Every time the week opens, it opens at the start of office hours. */
  sigap_week_view_scroll_to_hour (self, SIGAP_WEEK_VIEW_FIRST_HOUR);
}

static void
sigap_week_view_dispose (GObject *object)
{
  SigapWeekView *self = (SigapWeekView *)object;

  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  g_clear_object (&self->hour_column);
  for (guint i = 0; i < 7; i++)
    g_clear_pointer (&self->header_names[i], g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (sigap_week_view_parent_class)->dispose (object);
}

static void
sigap_week_view_class_init (SigapWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_week_view_dispose;

  widget_class->map = sigap_week_view_map;

  /**
   * SigapWeekView::post-activated:
   * @self: the view
   * @post: the post the user opened
   */
  signals[POST_ACTIVATED] =
    g_signal_new ("post-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SIGAP_TYPE_POST);

  /**
   * SigapWeekView::create-post:
   * @self: the view
   * @time: the hour the user asked for a post at
   */
  signals[CREATE_POST] =
    g_signal_new ("create-post",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  /**
   * SigapWeekView::post-dropped:
   * @self: the view
   * @id: the id of the post dropped
   * @time: the hour it was dropped on
   * @whole_day: always %FALSE: the post takes the hour
   */
  signals[POST_DROPPED] =
    g_signal_new ("post-dropped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_DATE_TIME, G_TYPE_BOOLEAN);

  gtk_widget_class_set_css_name (widget_class, "weekview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sigap_week_view_init (SigapWeekView *self)
{
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *corner;

  self->zone = g_time_zone_new_utc ();
  self->scroll_hour = SIGAP_WEEK_VIEW_FIRST_HOUR;
  self->hour_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* The days stay in sight above the scrolling hours; their columns line
   * up with the cells' because both ask for the hour column's width and
   * share the rest equally. */
  header = gtk_grid_new ();
  gtk_widget_add_css_class (header, "weekdays");
  /* The hours' zone, WIB, WITA or WIT, above them. */
  corner = self->zone_label = gtk_label_new (NULL);
  gtk_widget_set_css_classes (corner, (const char *[]) { "caption-heading", "dim-label", NULL });
  gtk_widget_set_tooltip_text (corner, _("Times are in the agency’s time zone"));
  gtk_size_group_add_widget (self->hour_column, corner);
  gtk_grid_attach (GTK_GRID (header), corner, 0, 0, 1, 1);
  for (int i = 0; i < 7; i++)
    {
      GtkWidget *day_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      /* As wide as an hour cell asks to be, whatever the day's name. */
      gtk_widget_set_size_request (day_box, 24, -1);
      gtk_widget_set_hexpand (day_box, TRUE);
      gtk_widget_add_css_class (day_box, "weekday");
      self->day_labels[i] = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (self->day_labels[i]), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (self->day_labels[i]), 1);
      gtk_widget_add_css_class (self->day_labels[i], "caption-heading");
      gtk_box_append (GTK_BOX (day_box), self->day_labels[i]);

      self->gap_labels[i] = gtk_label_new (_("No post"));
      gtk_label_set_ellipsize (GTK_LABEL (self->gap_labels[i]), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (self->gap_labels[i]), 1);
      gtk_widget_set_css_classes (self->gap_labels[i],
                                  (const char *[]) { "gap-label", "caption", NULL });
      gtk_widget_set_visible (self->gap_labels[i], FALSE);
      gtk_box_append (GTK_BOX (day_box), self->gap_labels[i]);

      self->headers[i] = day_box;
      gtk_widget_set_has_tooltip (day_box, TRUE);
      g_signal_connect_object (day_box, "query-tooltip", G_CALLBACK (header_query_tooltip_cb),
                               self, 0);
      gtk_grid_attach (GTK_GRID (header), day_box, i + 1, 0, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), header);

  self->grid = gtk_grid_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Week"),
                                  -1);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->grid);
  gtk_box_append (GTK_BOX (box), self->scrolled);

  adw_bin_set_child (ADW_BIN (self), box);
}

/**
 * sigap_week_view_new:
 *
 * Returns: (transfer floating): a new week view
 */
GtkWidget *
sigap_week_view_new (void)
{
  return g_object_new (SIGAP_TYPE_WEEK_VIEW, NULL);
}

/**
 * sigap_week_view_show:
 * @self: a #SigapWeekView
 * @week: any time in the week to show, in the OPD's zone
 * @today: now, in the OPD's zone
 * @posts: (element-type SigapPost): the posts to show, in order of time
 * @gap_days: (element-type GDateTime) (nullable): 00:00 of the days to
 *   mark as without a scheduled post
 *
 * Shows @week, Monday to Sunday, with @posts in their hours.
 */
void
sigap_week_view_show (SigapWeekView *self,
                      GDateTime     *week,
                      GDateTime     *today,
                      GPtrArray     *posts,
                      GPtrArray     *gap_days)
{
  gboolean gaps[7] = { FALSE, };
  g_autofree int *first = NULL;
  g_autofree int *last = NULL;
  g_autofree int *next = NULL;
  int today_index;

  g_return_if_fail (SIGAP_IS_WEEK_VIEW (self));
  g_return_if_fail (week != NULL);
  g_return_if_fail (today != NULL);
  g_return_if_fail (posts != NULL);

  ensure_grid (self);

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (g_date_time_get_timezone (week));
  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = sigap_calendar_week_start (week);
  today_index = days_between (self->start, today);
  gtk_label_set_label (GTK_LABEL (self->zone_label),
                       g_date_time_get_timezone_abbreviation (self->start));

  for (guint i = 0; gap_days != NULL && i < gap_days->len; i++)
    {
      int index = days_between (self->start, g_ptr_array_index (gap_days, i));

      if (index >= 0 && index < 7)
        gaps[index] = TRUE;
    }

  for (int day = 0; day < 7; day++)
    {
      g_autoptr(GDateTime) date = day_hour (self->start, day, 0);
      g_autofree char *name = sigap_format_day (date);
      g_autofree char *short_name = NULL;

      /* Translators: a day above the week view's column, see
       * g_date_time_format(); "Kam 17" */
      short_name = g_date_time_format (date, _("%a %-d"));
      gtk_label_set_label (GTK_LABEL (self->day_labels[day]), short_name);
      /* The day's name as its tooltip, as a screen reader reads it; given
       * when the tooltip shows, as setting a visible widget's tooltip text
       * asks the display where the pointer is. */
      if (g_strcmp0 (name, self->header_names[day]) != 0)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->headers[day]),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name,
                                          -1);
          g_free (self->header_names[day]);
          self->header_names[day] = g_steal_pointer (&name);
        }
      gtk_widget_set_visible (self->gap_labels[day], gaps[day]);
      if (day == today_index)
        gtk_widget_add_css_class (self->headers[day], "today");
      else
        gtk_widget_remove_css_class (self->headers[day], "today");

      for (int hour = 0; hour < N_HOURS; hour++)
        {
          guint index = (guint) (hour * 7 + day);
          GtkWidget *cell = GTK_WIDGET (self->cells[index]);
          g_autoptr(GDateTime) time = day_hour (self->start, day, hour);
          g_autofree char *label = NULL;

          /* "hour" is the cell's for good. */
          sigap_calendar_cell_set_time (self->cells[index], time);
          set_css_class (cell, "today", day == today_index);
          set_css_class (cell, "gap", gaps[day]);
          set_css_class (cell, "weekend", day >= 5);

          /* Translators: an hour of the week view as a screen reader says
           * it, see g_date_time_format(); "Kamis 17 Juli 2025 09.00" */
          label = g_date_time_format (time, _("%A %-d %B %Y %H:%M"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->cells[index]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          -1);
        }
    }

  /* Each hour's posts, in order: the first of each hour, and after each
   * post the next of its hour. */
  first = g_new (int, N_CELLS);
  last = g_new (int, N_CELLS);
  next = g_new (int, MAX (posts->len, 1));
  for (guint i = 0; i < N_CELLS; i++)
    first[i] = last[i] = -1;

  for (guint i = 0; i < posts->len; i++)
    {
      SigapPost *post = g_ptr_array_index (posts, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->zone);
      int day = days_between (self->start, local);
      guint index;

      next[i] = -1;
      if (day < 0 || day >= 7)
        continue;

      index = (guint) (g_date_time_get_hour (local) * 7 + day);
      if (last[index] < 0)
        first[index] = (int) i;
      else
        next[last[index]] = (int) i;
      last[index] = (int) i;
    }

  /* The hours' chips are reused from week to week: the first ones show
   * the hour's posts, more are made if it has more, the rest are hidden. */
  for (guint index = 0; index < N_CELLS; index++)
    {
      GtkWidget *box = self->cell_posts[index];
      GtkWidget *chip = gtk_widget_get_first_child (box);

      for (int i = first[index]; i >= 0; i = next[i])
        {
          SigapPost *post = g_ptr_array_index (posts, i);

          if (chip == NULL)
            {
              GtkWidget *made = sigap_post_chip_new (post, self->zone);

              g_signal_connect_object (made, "activate", G_CALLBACK (chip_activate_cb), self,
                                       G_CONNECT_SWAPPED);
              gtk_box_append (GTK_BOX (box), made);
            }
          else
            {
              sigap_post_chip_set_post (SIGAP_POST_CHIP (chip), post, self->zone);
              gtk_widget_set_visible (chip, TRUE);
              chip = gtk_widget_get_next_sibling (chip);
            }
        }

      for (; chip != NULL; chip = gtk_widget_get_next_sibling (chip))
        {
          sigap_post_chip_set_post (SIGAP_POST_CHIP (chip), NULL, self->zone);
          gtk_widget_set_visible (chip, FALSE);
        }

      gtk_widget_set_visible (box, first[index] >= 0);
    }
}

/**
 * sigap_week_view_get_hour_cell:
 * @self: a #SigapWeekView
 * @time: a time in the week shown
 *
 * Returns: (transfer none) (nullable): the #SigapCalendarCell of @time's
 *   hour, or %NULL when the view does not show it
 */
GtkWidget *
sigap_week_view_get_hour_cell (SigapWeekView *self,
                               GDateTime     *time)
{
  g_autoptr(GDateTime) local = NULL;
  int day;

  g_return_val_if_fail (SIGAP_IS_WEEK_VIEW (self), NULL);
  g_return_val_if_fail (time != NULL, NULL);

  if (self->start == NULL)
    return NULL;

  local = g_date_time_to_timezone (time, self->zone);
  day = days_between (self->start, local);
  if (day < 0 || day >= 7)
    return NULL;

  return GTK_WIDGET (self->cells[g_date_time_get_hour (local) * 7 + day]);
}

/**
 * sigap_week_view_focus_post:
 * @self: a #SigapWeekView
 * @post: a post
 *
 * Gives the keyboard focus to @post, or else to its hour.
 *
 * Returns: whether the view shows @post's hour
 */
gboolean
sigap_week_view_focus_post (SigapWeekView *self,
                            SigapPost     *post)
{
  g_autoptr(GDateTime) at = NULL;
  GtkWidget *cell;
  GtkWidget *posts;

  g_return_val_if_fail (SIGAP_IS_WEEK_VIEW (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_POST (post), FALSE);

  at = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));
  cell = sigap_week_view_get_hour_cell (self, at);
  if (cell == NULL)
    return FALSE;

  posts = sigap_calendar_cell_get_child (SIGAP_CALENDAR_CELL (cell));
  for (GtkWidget *chip = gtk_widget_get_first_child (posts);
       chip != NULL;
       chip = gtk_widget_get_next_sibling (chip))
    {
      SigapPost *shown = sigap_post_chip_get_post (SIGAP_POST_CHIP (chip));

      /* Hidden chips are put aside and show no post. */
      if (shown != NULL &&
          g_strcmp0 (sigap_post_get_id (shown), sigap_post_get_id (post)) == 0)
        {
          gtk_widget_grab_focus (chip);
          return TRUE;
        }
    }

  gtk_widget_grab_focus (cell);

  return TRUE;
}

/**
 * sigap_week_view_scroll_to_hour:
 * @self: a #SigapWeekView
 * @hour: 0 to 23
 *
 * Scrolls the hours so that @hour is at the top, once the view has its
 * size.
 */
void
sigap_week_view_scroll_to_hour (SigapWeekView *self,
                                guint          hour)
{
  g_return_if_fail (SIGAP_IS_WEEK_VIEW (self));
  g_return_if_fail (hour < N_HOURS);

  self->scroll_hour = hour;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb,
                                                      NULL, NULL);
}
