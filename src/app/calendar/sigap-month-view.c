/* sigap-month-view.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-month-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-calendar-cell.h"
#include "sigap-format.h"
#include "sigap-month-view.h"
#include "sigap-post-chip.h"

/* The most rows a month needs, and the cells made once for them. */
#define MAX_WEEKS 6
#define MAX_DAYS (7 * MAX_WEEKS)

/* A post made on a day of the month starts at 09.00, office hours. */
#define NEW_POST_HOUR 9

typedef struct
{
  SigapMonthView *view;
  SigapCalendarCell *cell;
  GtkLabel *number;
  GtkWidget *top;
  GtkLabel *gap;
  GtkWidget *posts;
  /* The chips of the day's first posts, made as a day first needs them
   * and then reused from month to month; those not needed are hidden. */
  GtkWidget *chips[SIGAP_MONTH_VIEW_MAX_POSTS];
  GtkMenuButton *more;
  GDateTime *day;
  GPtrArray *day_posts;
  /* What the cell's accessible label says, and the tooltip of "+N more",
   * to change them only when they differ. */
  char *label;
  char *more_tooltip;
} Day;

struct _SigapMonthView
{
  AdwBin parent_instance;

  GTimeZone *zone;
  guint n_weeks;

  GtkWidget *header[7];
  GtkWidget *grid;
  Day days[MAX_DAYS];
};

G_DEFINE_FINAL_TYPE (SigapMonthView, sigap_month_view, ADW_TYPE_BIN)

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

/* Whole days from @start's day to @datetime's, both read in @zone. */
static int
days_between (GDateTime *start,
              GDateTime *datetime,
              GTimeZone *zone)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (datetime, zone);
  GDate a, b;

  date_from_datetime (&a, start);
  date_from_datetime (&b, local);

  return g_date_days_between (&a, &b);
}

static GDateTime *
add_days (GDateTime *day,
          int        n)
{
  GDate date;

  date_from_datetime (&date, day);
  if (n >= 0)
    g_date_add_days (&date, (guint) n);
  else
    g_date_subtract_days (&date, (guint) -n);

  return g_date_time_new (g_date_time_get_timezone (day),
                          g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 0, 0, 0);
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
chip_activate_cb (SigapMonthView *self,
                  SigapPostChip  *chip)
{
  g_signal_emit (self, signals[POST_ACTIVATED], 0, sigap_post_chip_get_post (chip));
}

static GtkWidget *
make_chip (SigapMonthView *self,
           SigapPost      *post)
{
  GtkWidget *chip = sigap_post_chip_new (post, self->zone);

  g_signal_connect_object (chip, "activate", G_CALLBACK (chip_activate_cb), self,
                           G_CONNECT_SWAPPED);

  return chip;
}

static GtkWidget *
make_posts_box (void)
{
  /* The posts of a day read as a list, each post a list item, as in the
   * agenda. */
  return g_object_new (GTK_TYPE_BOX,
                       "orientation", GTK_ORIENTATION_VERTICAL,
                       "spacing", 2,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                       NULL);
}

/* The popover of "+N more": every post of the day, made when it opens. */
static void
create_more_popover_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  Day *day = user_data;
  SigapMonthView *self = day->view;
  g_autofree char *heading = sigap_format_day (day->day);
  GtkWidget *popover;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *scrolled;
  GtkWidget *posts;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  posts = make_posts_box ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (posts),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  for (guint i = 0; i < day->day_posts->len; i++)
    gtk_box_append (GTK_BOX (posts), make_chip (self, g_ptr_array_index (day->day_posts, i)));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_widget_set_size_request (scrolled, 260, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), posts);
  gtk_box_append (GTK_BOX (box), scrolled);

  popover = gtk_popover_new ();
  gtk_widget_add_css_class (popover, "day-posts");
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

static void
cell_activate_cb (SigapMonthView    *self,
                  SigapCalendarCell *cell)
{
  GDateTime *time = sigap_calendar_cell_get_time (cell);

  if (time != NULL)
    g_signal_emit (self, signals[CREATE_POST], 0, time);
}

static void
cell_post_dropped_cb (SigapMonthView    *self,
                      const char        *id,
                      SigapCalendarCell *cell)
{
  GDateTime *time = sigap_calendar_cell_get_time (cell);

  if (time != NULL)
    g_signal_emit (self, signals[POST_DROPPED], 0, id, time, TRUE);
}

static void
make_day (SigapMonthView *self,
          Day            *day,
          guint           row,
          guint           column)
{
  GtkWidget *box;
  GtkWidget *top;

  day->view = self;
  day->day_posts = g_ptr_array_new_with_free_func (g_object_unref);
  day->cell = SIGAP_CALENDAR_CELL (sigap_calendar_cell_new (TRUE));
  gtk_widget_add_css_class (GTK_WIDGET (day->cell), "day");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  day->number = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_css_classes (GTK_WIDGET (day->number),
                              (const char *[]) { "day-number", "numeric", NULL });
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (day->number));

  gtk_box_append (GTK_BOX (box), top);
  day->top = top;

  day->posts = make_posts_box ();
  gtk_box_append (GTK_BOX (box), day->posts);

  /* The gap's word and "+N more" are made for the days that need them:
   * a month opens with 42 days, most of which don't. */
  sigap_calendar_cell_set_child (day->cell, box);
  g_signal_connect_object (day->cell, "activate", G_CALLBACK (cell_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (day->cell, "post-dropped", G_CALLBACK (cell_post_dropped_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (day->cell), (int) column, (int) row, 1, 1);
}

static void
ensure_gap_label (Day *day)
{
  if (day->gap != NULL)
    return;

  /* Translators: marks a day in the coming two weeks without a scheduled
   * post, in the month view's cell; keep it short */
  day->gap = GTK_LABEL (gtk_label_new (_("No post")));
  gtk_widget_set_hexpand (GTK_WIDGET (day->gap), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (day->gap), GTK_ALIGN_END);
  gtk_label_set_ellipsize (day->gap, PANGO_ELLIPSIZE_END);
  gtk_widget_set_css_classes (GTK_WIDGET (day->gap),
                              (const char *[]) { "gap-label", "caption", NULL });
  gtk_box_append (GTK_BOX (day->top), GTK_WIDGET (day->gap));
}

/* The tooltip of "+N more" is given when it shows: setting a visible
 * widget's tooltip text asks the display where the pointer is, a round
 * trip per day of a month. */
static gboolean
more_query_tooltip_cb (GtkWidget  *button,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  Day *day = user_data;

  if (day->more_tooltip == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, day->more_tooltip);

  return TRUE;
}

/* gtk_menu_button_set_label() makes the button's label, box and arrow
 * anew each time: a busy month changes most days' "+N more". The text of
 * the label it made is changed instead, when that is the label the button
 * reads its own from. */
static void
set_more_label (GtkMenuButton *button,
                const char    *text)
{
  const char *shown = gtk_menu_button_get_label (button);
  GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (button));
  GtkWidget *box = NULL;
  GtkWidget *label = NULL;

  if (g_strcmp0 (shown, text) == 0)
    return;

  if (shown != NULL && toggle != NULL && GTK_IS_BUTTON (toggle))
    box = gtk_button_get_child (GTK_BUTTON (toggle));
  if (box != NULL && GTK_IS_BOX (box))
    label = gtk_widget_get_first_child (box);
  if (label != NULL && GTK_IS_LABEL (label) &&
      gtk_label_get_label (GTK_LABEL (label)) == shown)
    {
      gtk_label_set_label (GTK_LABEL (label), text);
      if (g_strcmp0 (gtk_menu_button_get_label (button), text) == 0)
        return;
    }

  gtk_menu_button_set_label (button, text);
}

static void
ensure_more_button (Day *day)
{
  if (day->more != NULL)
    return;

  day->more = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_halign (GTK_WIDGET (day->more), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (day->more), "more-button");
  gtk_menu_button_set_has_frame (day->more, FALSE);
  gtk_menu_button_set_create_popup_func (day->more, create_more_popover_cb, day, NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (day->more), TRUE);
  g_signal_connect (day->more, "query-tooltip", G_CALLBACK (more_query_tooltip_cb), day);
  gtk_widget_insert_after (GTK_WIDGET (day->more), gtk_widget_get_parent (day->posts),
                           day->posts);
}

static void
show_day (SigapMonthView *self,
          Day            *day,
          int             month,
          GDateTime      *today,
          gboolean        is_gap)
{
  g_autofree char *number = g_strdup_printf ("%d", g_date_time_get_day_of_month (day->day));
  g_autofree char *name = sigap_format_day (day->day);
  g_autofree char *label = NULL;
  g_autoptr(GDateTime) nine = NULL;
  GtkWidget *cell = GTK_WIDGET (day->cell);
  guint n = day->day_posts->len;
  int weekday = g_date_time_get_day_of_week (day->day);
  gboolean is_today = days_between (day->day, today, self->zone) == 0;

  gtk_label_set_label (day->number, number);
  set_css_class (GTK_WIDGET (day->number), "today", is_today);

  /* "day" is the cell's for good. */
  set_css_class (cell, "other-month", g_date_time_get_month (day->day) != month);
  set_css_class (cell, "today", is_today);
  set_css_class (cell, "gap", is_gap);
  set_css_class (cell, "weekend", weekday >= 6);
  if (is_gap)
    ensure_gap_label (day);
  if (day->gap != NULL)
    gtk_widget_set_visible (GTK_WIDGET (day->gap), is_gap);

  nine = g_date_time_add_hours (day->day, NEW_POST_HOUR);
  sigap_calendar_cell_set_time (day->cell, nine);

  for (guint i = 0; i < SIGAP_MONTH_VIEW_MAX_POSTS; i++)
    {
      SigapPost *post = i < n ? g_ptr_array_index (day->day_posts, i) : NULL;

      if (post != NULL && day->chips[i] == NULL)
        {
          day->chips[i] = make_chip (self, post);
          gtk_box_append (GTK_BOX (day->posts), day->chips[i]);
        }
      else if (day->chips[i] != NULL)
        {
          sigap_post_chip_set_post (SIGAP_POST_CHIP (day->chips[i]), post, self->zone);
          gtk_widget_set_visible (day->chips[i], post != NULL);
        }
    }
  gtk_widget_set_visible (day->posts, n > 0);

  /* The popover of the day's posts is made again when it next opens. */
  if (day->more != NULL && gtk_menu_button_get_popover (day->more) != NULL)
    gtk_menu_button_set_popover (day->more, NULL);
  if (n > SIGAP_MONTH_VIEW_MAX_POSTS)
    {
      g_autofree char *more = NULL;
      g_autofree char *tooltip = NULL;

      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more",
                                           n - SIGAP_MONTH_VIEW_MAX_POSTS),
                              n - SIGAP_MONTH_VIEW_MAX_POSTS);
      /* Translators: the tooltip of "+N more" in a day of the month view;
       * %s is the day, as in "Kamis, 17 Juli 2025" */
      tooltip = g_strdup_printf (_("All posts of %s"), name);
      ensure_more_button (day);
      set_more_label (day->more, more);
      /* The tooltip's text, as a screen reader reads it. */
      if (g_strcmp0 (tooltip, day->more_tooltip) != 0)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (day->more),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                          -1);
          g_free (day->more_tooltip);
          day->more_tooltip = g_steal_pointer (&tooltip);
        }
    }
  if (day->more != NULL)
    gtk_widget_set_visible (GTK_WIDGET (day->more), n > SIGAP_MONTH_VIEW_MAX_POSTS);

  if (is_gap)
    /* Translators: what a screen reader says for a day without a
     * scheduled post; %s is the day, as in "Kamis, 17 Juli 2025" */
    label = g_strdup_printf (_("%s, no scheduled post"), name);
  if (label == NULL)
    label = g_steal_pointer (&name);
  if (g_strcmp0 (label, day->label) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_free (day->label);
      day->label = g_steal_pointer (&label);
    }
}

static void
sigap_month_view_dispose (GObject *object)
{
  SigapMonthView *self = (SigapMonthView *)object;

  for (guint i = 0; i < MAX_DAYS; i++)
    {
      g_clear_pointer (&self->days[i].day, g_date_time_unref);
      g_clear_pointer (&self->days[i].day_posts, g_ptr_array_unref);
      g_clear_pointer (&self->days[i].label, g_free);
      g_clear_pointer (&self->days[i].more_tooltip, g_free);
    }
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (sigap_month_view_parent_class)->dispose (object);
}

static void
sigap_month_view_class_init (SigapMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_month_view_dispose;

  /**
   * SigapMonthView::post-activated:
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
   * SigapMonthView::create-post:
   * @self: the view
   * @time: 09.00 of the day the user asked for a post on
   */
  signals[CREATE_POST] =
    g_signal_new ("create-post",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  /**
   * SigapMonthView::post-dropped:
   * @self: the view
   * @id: the id of the post dropped
   * @time: a time of the day it was dropped on
   * @whole_day: always %TRUE: the post keeps its time of day
   */
  signals[POST_DROPPED] =
    g_signal_new ("post-dropped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_DATE_TIME, G_TYPE_BOOLEAN);

  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sigap_month_view_init (SigapMonthView *self)
{
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *scrolled;

  self->zone = g_time_zone_new_utc ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  header = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (header), TRUE);
  gtk_widget_add_css_class (header, "weekdays");
  for (guint i = 0; i < 7; i++)
    {
      self->header[i] = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (self->header[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->header[i], "caption-heading");
      gtk_grid_attach (GTK_GRID (header), self->header[i], (int) i, 0, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), header);

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_row_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_widget_set_vexpand (self->grid, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Month"),
                                  -1);
  for (guint i = 0; i < MAX_DAYS; i++)
    make_day (self, &self->days[i], i / 7, i % 7);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->grid);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_bin_set_child (ADW_BIN (self), box);
}

/**
 * sigap_month_view_new:
 *
 * Returns: (transfer floating): a new month view
 */
GtkWidget *
sigap_month_view_new (void)
{
  return g_object_new (SIGAP_TYPE_MONTH_VIEW, NULL);
}

/**
 * sigap_month_view_show:
 * @self: a #SigapMonthView
 * @month: any time in the month to show, in the OPD's zone
 * @today: now, in the OPD's zone
 * @posts: (element-type SigapPost): the posts to show, in order of time
 * @gap_days: (element-type GDateTime) (nullable): 00:00 of the days to
 *   mark as without a scheduled post
 *
 * Shows the weeks of @month's grid with @posts on their days.
 */
void
sigap_month_view_show (SigapMonthView *self,
                       GDateTime      *month,
                       GDateTime      *today,
                       GPtrArray      *posts,
                       GPtrArray      *gap_days)
{
  g_autoptr(GDateTime) start = NULL;
  g_autofree gboolean *gaps = g_new0 (gboolean, MAX_DAYS);
  int year, month_number;
  guint n_days;

  g_return_if_fail (SIGAP_IS_MONTH_VIEW (self));
  g_return_if_fail (month != NULL);
  g_return_if_fail (today != NULL);
  g_return_if_fail (posts != NULL);

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (g_date_time_get_timezone (month));

  g_date_time_get_ymd (month, &year, &month_number, NULL);
  start = sigap_calendar_month_grid_start (year, month_number, self->zone);
  self->n_weeks = MIN (sigap_calendar_month_grid_weeks (year, month_number, self->zone),
                       MAX_WEEKS);
  n_days = 7 * self->n_weeks;

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = add_days (start, (int) i);
      g_autofree char *name = g_date_time_format (day, "%A");

      gtk_label_set_label (GTK_LABEL (self->header[i]), name);
    }

  for (guint i = 0; i < MAX_DAYS; i++)
    {
      Day *day = &self->days[i];

      g_ptr_array_set_size (day->day_posts, 0);
      g_clear_pointer (&day->day, g_date_time_unref);
      day->day = add_days (start, (int) i);
      gtk_widget_set_visible (GTK_WIDGET (day->cell), i < n_days);
    }

  for (guint i = 0; i < posts->len; i++)
    {
      SigapPost *post = g_ptr_array_index (posts, i);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));
      int index = days_between (start, at, self->zone);

      if (index >= 0 && (guint) index < n_days)
        g_ptr_array_add (self->days[index].day_posts, g_object_ref (post));
    }

  for (guint i = 0; gap_days != NULL && i < gap_days->len; i++)
    {
      int index = days_between (start, g_ptr_array_index (gap_days, i), self->zone);

      if (index >= 0 && (guint) index < n_days)
        gaps[index] = TRUE;
    }

  for (guint i = 0; i < n_days; i++)
    show_day (self, &self->days[i], month_number, today, gaps[i]);
}

/**
 * sigap_month_view_get_n_weeks:
 * @self: a #SigapMonthView
 *
 * Returns: how many weeks the view shows
 */
guint
sigap_month_view_get_n_weeks (SigapMonthView *self)
{
  g_return_val_if_fail (SIGAP_IS_MONTH_VIEW (self), 0);

  return self->n_weeks;
}

/**
 * sigap_month_view_get_day_cell:
 * @self: a #SigapMonthView
 * @day: any time of a day
 *
 * Returns: (transfer none) (nullable): the #SigapCalendarCell of @day,
 *   or %NULL when the view does not show it
 */
GtkWidget *
sigap_month_view_get_day_cell (SigapMonthView *self,
                               GDateTime      *day)
{
  g_return_val_if_fail (SIGAP_IS_MONTH_VIEW (self), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  for (guint i = 0; i < 7 * self->n_weeks; i++)
    {
      if (self->days[i].day != NULL && days_between (self->days[i].day, day, self->zone) == 0)
        return GTK_WIDGET (self->days[i].cell);
    }

  return NULL;
}

/**
 * sigap_month_view_focus_post:
 * @self: a #SigapMonthView
 * @post: a post
 *
 * Gives the keyboard focus to @post, or to the "+N more" of its day when
 * it is one of those, or else to its day.
 *
 * Returns: whether the view shows @post's day
 */
gboolean
sigap_month_view_focus_post (SigapMonthView *self,
                             SigapPost      *post)
{
  g_autoptr(GDateTime) at = NULL;
  GtkWidget *cell;

  g_return_val_if_fail (SIGAP_IS_MONTH_VIEW (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_POST (post), FALSE);

  at = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));
  cell = sigap_month_view_get_day_cell (self, at);
  if (cell == NULL)
    return FALSE;

  for (guint i = 0; i < 7 * self->n_weeks; i++)
    {
      Day *day = &self->days[i];

      if (GTK_WIDGET (day->cell) != cell)
        continue;

      for (guint j = 0; j < SIGAP_MONTH_VIEW_MAX_POSTS; j++)
        {
          SigapPost *shown;

          if (day->chips[j] == NULL || !gtk_widget_get_visible (day->chips[j]))
            continue;

          shown = sigap_post_chip_get_post (SIGAP_POST_CHIP (day->chips[j]));
          if (g_strcmp0 (sigap_post_get_id (shown), sigap_post_get_id (post)) == 0)
            {
              gtk_widget_grab_focus (day->chips[j]);
              return TRUE;
            }
        }

      if (day->more != NULL && gtk_widget_get_visible (GTK_WIDGET (day->more)))
        {
          gtk_widget_grab_focus (GTK_WIDGET (day->more));
          return TRUE;
        }
    }

  gtk_widget_grab_focus (cell);

  return TRUE;
}
