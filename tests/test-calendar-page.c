/* test-calendar-page.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The content calendar's page in-process, on a temporary database: the
 * month grid and where posts land in it, the week's hours, moving posts
 * by keyboard action and by drop with Undo, the filter and what it hides,
 * the days without a scheduled post, making a post on a day or an hour,
 * and the view and day kept in GSettings. Needs a display (GDK_BACKEND=x11
 * under Xvfb). */

#include "config.h"

#include <glib/gstdio.h>

#include "sigap-calendar-cell.h"
#include "sigap-calendar-page.h"
#include "sigap-format.h"
#include "sigap-month-view.h"
#include "sigap-post-chip.h"
#include "sigap-post-row.h"
#include "sigap-week-view.h"

#include "sigap-test-widget.h"

#define HOUR 3600
#define DAY (24 * HOUR)

typedef struct
{
  char *dir;
  char *path;
  SigapStore *store;
  SigapOpd *opd;
  SigapUser *user;
  GTimeZone *zone;
  GSettings *settings;
  GtkWindow *window;
  SigapCalendarPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sigap-test-calendar-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "sigap.db", NULL);
  fixture->store = sigap_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->opd = sigap_opd_new ();
  sigap_opd_set_code (fixture->opd, "dinkes");
  sigap_opd_set_name (fixture->opd, "Dinas Kesehatan");
  sigap_opd_set_kind (fixture->opd, SIGAP_OPD_KIND_DINAS);
  sigap_opd_set_time_zone (fixture->opd, "Asia/Jakarta");
  sigap_store_insert_opd (fixture->store, fixture->opd, &error);
  g_assert_no_error (error);

  fixture->user = sigap_user_new ();
  sigap_user_set_username (fixture->user, "dinkes");
  sigap_user_set_role (fixture->user, SIGAP_ROLE_ADMIN_OPD);
  sigap_user_set_opd_id (fixture->user, sigap_opd_get_id (fixture->opd));
  sigap_store_insert_user (fixture->store, fixture->user, &error);
  g_assert_no_error (error);

  fixture->zone = sigap_opd_dup_zone (fixture->opd);

  /* The memory backend: every test starts from the defaults. */
  fixture->settings = g_settings_new ("io.github.sigap.Sigap");
  g_settings_reset (fixture->settings, "calendar-view");
  g_settings_reset (fixture->settings, "calendar-date");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->zone, g_time_zone_unref);
  g_clear_object (&fixture->opd);
  g_clear_object (&fixture->user);
  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
add_post (Fixture         *fixture,
          const char      *title,
          GDateTime       *when,
          SigapPostStatus  status,
          SigapPlatform    platform)
{
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(SigapPostVariant) variant = sigap_post_variant_new ();
  g_autoptr(GError) error = NULL;

  sigap_post_set_opd_id (post, sigap_opd_get_id (fixture->opd));
  sigap_post_set_author_id (post, sigap_user_get_id (fixture->user));
  sigap_post_set_title (post, title);
  sigap_post_set_body (post, "Isi unggahan.");
  sigap_post_set_status (post, status);
  sigap_post_set_category (post, SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE);
  sigap_post_set_scheduled_at (post, g_date_time_to_unix (when));
  sigap_post_set_created_at (post, g_date_time_to_unix (when) - DAY);
  sigap_post_variant_set_platform (variant, platform);
  sigap_post_set_variant (post, variant);

  sigap_store_insert_post (fixture->store, post, &error);
  g_assert_no_error (error);

  return g_strdup (sigap_post_get_id (post));
}

static GDateTime *
jakarta (Fixture *fixture,
         int      month,
         int      day,
         int      hour,
         int      minute)
{
  return g_date_time_new (fixture->zone, 2025, month, day, hour, minute, 0);
}

static gint64
post_time (Fixture    *fixture,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) post = sigap_store_get_post (fixture->store, id, &error);

  g_assert_no_error (error);

  return sigap_post_get_scheduled_at (post);
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The page in a window, as the main window holds it, on @view and @day. */
static void
show_page (Fixture    *fixture,
           const char *view,
           const char *day)
{
  g_settings_set_string (fixture->settings, "calendar-view", view);
  g_settings_set_string (fixture->settings, "calendar-date", day);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 720);
  fixture->page = g_object_new (SIGAP_TYPE_CALENDAR_PAGE, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));

  sigap_calendar_page_set_settings (fixture->page, fixture->settings);
  sigap_calendar_page_set_source (fixture->page, fixture->store, fixture->opd);

  gtk_window_present (fixture->window);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->window));

  /* The month and week fill in after the first frame. */
  settle ();
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The chips a day or an hour shows, in order. */
static GPtrArray *
chips_in (GtkWidget *cell)
{
  GPtrArray *chips = g_ptr_array_new ();

  g_assert_nonnull (cell);
  collect (cell, SIGAP_TYPE_POST_CHIP, chips);

  return chips;
}

static GtkWidget *
find_chip (GtkWidget  *root,
           const char *id)
{
  g_autoptr(GPtrArray) chips = g_ptr_array_new ();

  collect (root, SIGAP_TYPE_POST_CHIP, chips);
  for (guint i = 0; i < chips->len; i++)
    {
      SigapPost *post = sigap_post_chip_get_post (g_ptr_array_index (chips, i));

      if (g_strcmp0 (sigap_post_get_id (post), id) == 0)
        return g_ptr_array_index (chips, i);
    }

  return NULL;
}

static SigapMonthView *
month_view (Fixture *fixture)
{
  return SIGAP_MONTH_VIEW (find_descendant (GTK_WIDGET (fixture->page), SIGAP_TYPE_MONTH_VIEW));
}

static SigapWeekView *
week_view (Fixture *fixture)
{
  return SIGAP_WEEK_VIEW (find_descendant (GTK_WIDGET (fixture->page), SIGAP_TYPE_WEEK_VIEW));
}

static GtkWidget *
day_cell (Fixture *fixture,
          int      month,
          int      day)
{
  g_autoptr(GDateTime) date = jakarta (fixture, month, day, 12, 0);

  return sigap_month_view_get_day_cell (month_view (fixture), date);
}

static void
test_format_range (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) a = g_date_time_new (zone, 2026, 11, 16, 0, 0, 0);
  g_autoptr(GDateTime) b = g_date_time_new (zone, 2026, 11, 22, 0, 0, 0);
  g_autoptr(GDateTime) c = g_date_time_new (zone, 2026, 10, 27, 0, 0, 0);
  g_autoptr(GDateTime) d = g_date_time_new (zone, 2025, 12, 29, 0, 0, 0);
  g_autoptr(GDateTime) e = g_date_time_new (zone, 2026, 1, 4, 0, 0, 0);
  g_autofree char *week = sigap_format_day_range (a, b);
  g_autofree char *months = sigap_format_day_range (c, b);
  g_autofree char *years = sigap_format_day_range (d, e);

  g_assert_cmpstr (week, ==, "16–22 November 2026");
  g_assert_cmpstr (months, ==, "27 October – 22 November 2026");
  g_assert_cmpstr (years, ==, "29 December 2025 – 4 January 2026");
}

/* July 2025 starts on a Tuesday: five weeks, from Monday 30 June to
 * Sunday 3 August. */
static void
test_month (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GDateTime) first = jakarta (fixture, 7, 17, 9, 0);
  g_autoptr(GDateTime) second = jakarta (fixture, 7, 17, 10, 0);
  g_autoptr(GDateTime) third = jakarta (fixture, 7, 17, 11, 0);
  g_autoptr(GDateTime) fourth = jakarta (fixture, 7, 17, 13, 30);
  g_autoptr(GDateTime) friday = jakarta (fixture, 7, 18, 9, 0);
  g_autoptr(GDateTime) august = jakarta (fixture, 8, 2, 8, 0);
  g_autoptr(GDateTime) outside = jakarta (fixture, 8, 4, 8, 0);
  g_autoptr(GPtrArray) chips = NULL;
  g_autofree char *a = add_post (fixture, "Rapat koordinasi konten", first,
                                 SIGAP_POST_STATUS_SCHEDULED, SIGAP_PLATFORM_FACEBOOK);
  g_autofree char *b = add_post (fixture, "Jadwal posyandu", second,
                                 SIGAP_POST_STATUS_DRAFT, SIGAP_PLATFORM_INSTAGRAM);
  g_autofree char *c = add_post (fixture, "Vaksinasi anak", third,
                                 SIGAP_POST_STATUS_SCHEDULED, SIGAP_PLATFORM_X);
  g_autofree char *d = add_post (fixture, "Cuci tangan", fourth,
                                 SIGAP_POST_STATUS_REVIEW, SIGAP_PLATFORM_TIKTOK);
  g_autofree char *e = add_post (fixture, "Hari Anak Nasional", friday,
                                 SIGAP_POST_STATUS_PUBLISHED, SIGAP_PLATFORM_YOUTUBE);
  g_autofree char *f = add_post (fixture, "Pekan ASI", august,
                                 SIGAP_POST_STATUS_SCHEDULED, SIGAP_PLATFORM_FACEBOOK);
  g_autofree char *g = add_post (fixture, "Di luar bulan", outside,
                                 SIGAP_POST_STATUS_SCHEDULED, SIGAP_PLATFORM_FACEBOOK);
  GtkWidget *more;
  GtkWidget *cell;

  show_page (fixture, "month", "2025-07-17");

  g_assert_cmpint (sigap_calendar_page_get_view (fixture->page), ==, SIGAP_CALENDAR_VIEW_MONTH);
  g_assert_cmpstr (sigap_calendar_page_get_state (fixture->page), ==, "list");
  g_assert_cmpuint (sigap_month_view_get_n_weeks (month_view (fixture)), ==, 5);
  g_assert_cmpuint (sigap_calendar_month_grid_weeks (2025, 7, fixture->zone), ==, 5);

  /* Read: the grid's five weeks, 4 August not. */
  g_assert_cmpuint (sigap_calendar_page_get_n_posts (fixture->page), ==, 6);
  g_assert_nonnull (day_cell (fixture, 6, 30));
  g_assert_nonnull (day_cell (fixture, 8, 3));
  g_assert_null (day_cell (fixture, 8, 4));
  g_assert_true (sigap_calendar_cell_get_whole_day (SIGAP_CALENDAR_CELL (day_cell (fixture, 7, 1))));

  /* Thursday 17 July: three posts and "+1 more". */
  cell = day_cell (fixture, 7, 17);
  chips = chips_in (cell);
  g_assert_cmpuint (chips->len, ==, SIGAP_MONTH_VIEW_MAX_POSTS);
  g_assert_cmpstr (sigap_post_get_id (sigap_post_chip_get_post (g_ptr_array_index (chips, 0))), ==, a);
  g_assert_cmpstr (sigap_post_get_id (sigap_post_chip_get_post (g_ptr_array_index (chips, 2))), ==, c);
  g_assert_null (find_chip (cell, d));
  more = find_descendant (cell, GTK_TYPE_MENU_BUTTON);
  g_assert_true (gtk_widget_get_visible (more));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (more)), ==, "+1 more");
  g_clear_pointer (&chips, g_ptr_array_unref);

  /* The popover of "+1 more" lists all four. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (more));
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_nonnull (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more)));
  chips = chips_in (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more))));
  g_assert_cmpuint (chips->len, ==, 4);
  g_assert_cmpstr (sigap_post_get_id (sigap_post_chip_get_post (g_ptr_array_index (chips, 3))), ==, d);
  g_clear_pointer (&chips, g_ptr_array_unref);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (more));

  chips = chips_in (day_cell (fixture, 7, 18));
  g_assert_cmpuint (chips->len, ==, 1);
  g_assert_cmpstr (sigap_post_get_id (sigap_post_chip_get_post (g_ptr_array_index (chips, 0))), ==, e);
  g_clear_pointer (&chips, g_ptr_array_unref);

  /* A day of the next month in the last row shows its post, dimmed. */
  cell = day_cell (fixture, 8, 2);
  g_assert_true (gtk_widget_has_css_class (cell, "other-month"));
  g_assert_nonnull (find_chip (cell, f));
  g_assert_null (find_chip (GTK_WIDGET (fixture->page), g));

  /* Next and previous months, and back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.next", NULL);
  g_assert_cmpint (g_date_time_get_month (sigap_calendar_page_get_date (fixture->page)), ==, 8);
  g_assert_nonnull (find_chip (GTK_WIDGET (fixture->page), g));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.previous", NULL);
  g_assert_cmpint (g_date_time_get_month (sigap_calendar_page_get_date (fixture->page)), ==, 6);
  g_assert_cmpuint (sigap_calendar_page_get_n_posts (fixture->page), ==, 0);
  g_assert_cmpstr (sigap_calendar_page_get_state (fixture->page), ==, "empty");
}

static void
test_week (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GDateTime) nine = jakarta (fixture, 7, 17, 9, 30);
  g_autoptr(GDateTime) sunday = jakarta (fixture, 7, 20, 21, 0);
  g_autoptr(GDateTime) next_monday = jakarta (fixture, 7, 21, 0, 0);
  g_autofree char *a = add_post (fixture, "Rapat koordinasi konten", nine,
                                 SIGAP_POST_STATUS_SCHEDULED, SIGAP_PLATFORM_FACEBOOK);
  g_autofree char *b = add_post (fixture, "Minggu malam", sunday,
                                 SIGAP_POST_STATUS_DRAFT, SIGAP_PLATFORM_INSTAGRAM);
  g_autofree char *c = add_post (fixture, "Senin berikutnya", next_monday,
                                 SIGAP_POST_STATUS_DRAFT, SIGAP_PLATFORM_INSTAGRAM);
  GtkWidget *cell;
  GtkAdjustment *adjustment;
  GtkScrolledWindow *scrolled;

  show_page (fixture, "week", "2025-07-17");

  /* Monday 14 to Sunday 20 July. */
  g_assert_cmpuint (sigap_calendar_page_get_n_posts (fixture->page), ==, 2);
  cell = sigap_week_view_get_hour_cell (week_view (fixture), nine);
  g_assert_nonnull (find_chip (cell, a));
  g_assert_false (sigap_calendar_cell_get_whole_day (SIGAP_CALENDAR_CELL (cell)));
  g_assert_cmpint (g_date_time_get_hour (sigap_calendar_cell_get_time (SIGAP_CALENDAR_CELL (cell))),
                   ==, 9);
  g_assert_nonnull (find_chip (sigap_week_view_get_hour_cell (week_view (fixture), sunday), b));
  g_assert_null (sigap_week_view_get_hour_cell (week_view (fixture), next_monday));
  g_assert_null (find_chip (GTK_WIDGET (fixture->page), c));

  /* It opens at 07.00, not at midnight. */
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->window));
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->window));
  scrolled = GTK_SCROLLED_WINDOW (find_descendant (GTK_WIDGET (week_view (fixture)),
                                                   GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  /* An hour later with the keyboard, in the week. */
  gtk_widget_grab_focus (find_chip (cell, a));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.move-hour-later", NULL);
  g_assert_cmpint (post_time (fixture, a), ==, g_date_time_to_unix (nine) + HOUR);
  cell = sigap_week_view_get_hour_cell (week_view (fixture), nine);
  g_assert_null (find_chip (cell, a));
  {
    g_autoptr(GDateTime) ten = g_date_time_add_hours (nine, 1);

    cell = sigap_week_view_get_hour_cell (week_view (fixture), ten);
    g_assert_nonnull (find_chip (cell, a));
  }
  g_assert_true (gtk_widget_has_focus (find_chip (cell, a)));

  /* Dropped on Wednesday 14.00: the hour changes, the minutes stay. */
  {
    g_autoptr(GDateTime) wednesday = jakarta (fixture, 7, 16, 14, 0);

    cell = sigap_week_view_get_hour_cell (week_view (fixture), wednesday);
    g_signal_emit_by_name (cell, "post-dropped", a);
    settle ();
    g_assert_cmpint (post_time (fixture, a), ==, g_date_time_to_unix (wednesday) + 30 * 60);
  }
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GDateTime) thursday = jakarta (fixture, 7, 17, 9, 0);
  g_autoptr(GDateTime) friday = jakarta (fixture, 7, 18, 9, 0);
  g_autoptr(GDateTime) sunday = jakarta (fixture, 7, 31, 16, 45);
  g_autofree char *a = add_post (fixture, "Rapat koordinasi konten", thursday,
                                 SIGAP_POST_STATUS_SCHEDULED, SIGAP_PLATFORM_FACEBOOK);
  g_autofree char *b = add_post (fixture, "Hari Anak Nasional", friday,
                                 SIGAP_POST_STATUS_PUBLISHED, SIGAP_PLATFORM_YOUTUBE);
  g_autofree char *c = add_post (fixture, "Akhir bulan", sunday,
                                 SIGAP_POST_STATUS_DRAFT, SIGAP_PLATFORM_X);
  g_autoptr(GError) error = NULL;
  GtkWidget *chip;

  /* As on a desktop that syncs: every change waits in the outbox. */
  sigap_store_set_outbox_enabled (fixture->store, TRUE, &error);
  g_assert_no_error (error);

  show_page (fixture, "month", "2025-07-17");

  /* Nothing has the focus: the action says what to do. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.move-later", NULL);
  g_assert_cmpstr (sigap_calendar_page_get_message (fixture->page), ==,
                   "Choose a post first, with the arrow keys or Tab");

  /* A day later, with the keyboard; the post keeps the focus. */
  gtk_widget_grab_focus (find_chip (day_cell (fixture, 7, 17), a));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "calendar.move-later", NULL));
  g_assert_cmpint (post_time (fixture, a), ==, g_date_time_to_unix (thursday) + DAY);
  g_assert_cmpstr (sigap_calendar_page_get_message (fixture->page), ==,
                   "Moved to Friday 18 July 09:00");
  chip = find_chip (day_cell (fixture, 7, 18), a);
  g_assert_nonnull (chip);
  g_assert_null (find_chip (day_cell (fixture, 7, 17), a));
  g_assert_true (gtk_widget_has_focus (chip));

  /* Undo takes it back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.undo-move", NULL);
  g_assert_cmpint (post_time (fixture, a), ==, g_date_time_to_unix (thursday));
  g_assert_cmpstr (sigap_calendar_page_get_message (fixture->page), ==,
                   "Moved back to Thursday 17 July 09:00");
  g_assert_nonnull (find_chip (day_cell (fixture, 7, 17), a));

  /* Two days earlier, and back by Undo. */
  gtk_widget_grab_focus (find_chip (day_cell (fixture, 7, 17), a));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.move-earlier", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.move-earlier", NULL);
  g_assert_cmpint (post_time (fixture, a), ==, g_date_time_to_unix (thursday) - 2 * DAY);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.undo-move", NULL);
  g_assert_cmpint (post_time (fixture, a), ==, g_date_time_to_unix (thursday) - DAY);

  /* A published post stays where it is, and the page says why. */
  gtk_widget_grab_focus (find_chip (day_cell (fixture, 7, 18), b));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.move-later", NULL);
  g_assert_cmpint (post_time (fixture, b), ==, g_date_time_to_unix (friday));
  g_assert_cmpstr (sigap_calendar_page_get_message (fixture->page), ==,
                   "A published post cannot be moved");

  /* Dropped on another day, a post keeps its time of day: dropping the
   * published one is refused too. */
  g_signal_emit_by_name (day_cell (fixture, 7, 22), "post-dropped", b);
  settle ();
  g_assert_cmpint (post_time (fixture, b), ==, g_date_time_to_unix (friday));
  g_signal_emit_by_name (day_cell (fixture, 7, 22), "post-dropped", a);
  settle ();
  g_assert_cmpint (post_time (fixture, a), ==, g_date_time_to_unix (thursday) + 5 * DAY);
  g_assert_nonnull (find_chip (day_cell (fixture, 7, 22), a));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.undo-move", NULL);
  g_assert_cmpint (post_time (fixture, a), ==, g_date_time_to_unix (thursday) - DAY);

  /* Moved past the month's last row, the calendar follows the post. */
  gtk_widget_grab_focus (find_chip (day_cell (fixture, 7, 31), c));
  for (guint i = 0; i < 4; i++)
    gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.move-later", NULL);
  g_assert_cmpint (post_time (fixture, c), ==, g_date_time_to_unix (sunday) + 4 * DAY);
  g_assert_cmpint (g_date_time_get_month (sigap_calendar_page_get_date (fixture->page)), ==, 8);
  g_assert_true (gtk_widget_has_focus (find_chip (day_cell (fixture, 8, 4), c)));

  /* In the agenda, the focused row moves, and keeps the focus. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.view", "s", "agenda");
  {
    g_autoptr(GDateTime) wednesday = g_date_time_add_days (thursday, -1);
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    GtkWidget *row = NULL;

    sigap_calendar_page_go_to_date (fixture->page, wednesday);
    sigap_test_wait_for_frame (GTK_WIDGET (fixture->window));
    collect (GTK_WIDGET (fixture->page), SIGAP_TYPE_POST_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      {
        SigapPost *post = sigap_post_row_get_post (g_ptr_array_index (rows, i));

        if (post != NULL && g_strcmp0 (sigap_post_get_id (post), a) == 0)
          row = g_ptr_array_index (rows, i);
      }
    g_assert_nonnull (row);
    gtk_widget_grab_focus (gtk_widget_get_parent (row));
    gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.move-later", NULL);
    g_assert_cmpint (post_time (fixture, a), ==, g_date_time_to_unix (thursday));
    sigap_test_wait_for_frame (GTK_WIDGET (fixture->window));
    settle ();
    g_assert_true (SIGAP_IS_POST_ROW (gtk_widget_get_first_child (
      gtk_root_get_focus (GTK_ROOT (fixture->window)))));
  }

  /* The moves wait in the outbox for the next sync. */
  g_assert_true (sigap_store_has_outbox (fixture->store, "post", a));
  g_assert_true (sigap_store_has_outbox (fixture->store, "post", c));
  g_assert_false (sigap_store_has_outbox (fixture->store, "post", b));
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GDateTime) first = jakarta (fixture, 7, 17, 9, 0);
  g_autoptr(GDateTime) second = jakarta (fixture, 7, 18, 9, 0);
  g_autoptr(GDateTime) third = jakarta (fixture, 7, 19, 9, 0);
  g_autofree char *a = add_post (fixture, "Rapat koordinasi konten", first,
                                 SIGAP_POST_STATUS_SCHEDULED, SIGAP_PLATFORM_FACEBOOK);
  g_autofree char *b = add_post (fixture, "Hari Anak Nasional", second,
                                 SIGAP_POST_STATUS_PUBLISHED, SIGAP_PLATFORM_YOUTUBE);
  g_autofree char *c = add_post (fixture, "Cuci tangan", third,
                                 SIGAP_POST_STATUS_DRAFT, SIGAP_PLATFORM_INSTAGRAM);
  SigapPostFilter *filter;
  GtkWidget *bar_label;

  show_page (fixture, "month", "2025-07-17");
  filter = sigap_calendar_page_get_filter (fixture->page);

  g_assert_cmpuint (sigap_calendar_page_get_n_hidden (fixture->page), ==, 0);

  /* Published posts hidden: one fewer chip, and the page says so. */
  sigap_post_filter_set_hidden_statuses (filter, 1u << SIGAP_POST_STATUS_PUBLISHED);
  g_assert_cmpuint (sigap_calendar_page_get_n_hidden (fixture->page), ==, 1);
  g_assert_null (find_chip (GTK_WIDGET (fixture->page), b));
  g_assert_nonnull (find_chip (GTK_WIDGET (fixture->page), a));
  bar_label = NULL;
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    collect (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      {
        const char *text = gtk_label_get_label (g_ptr_array_index (labels, i));

        if (g_strcmp0 (text, "1 post hidden by the filter") == 0)
          bar_label = g_ptr_array_index (labels, i);
      }
  }
  g_assert_nonnull (bar_label);
  g_assert_true (gtk_widget_get_mapped (bar_label));

  /* And Instagram too: two hidden. */
  sigap_post_filter_set_hidden_platforms (filter, 1u << SIGAP_PLATFORM_INSTAGRAM);
  g_assert_cmpuint (sigap_calendar_page_get_n_hidden (fixture->page), ==, 2);
  g_assert_null (find_chip (GTK_WIDGET (fixture->page), c));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (bar_label)), ==, "2 posts hidden by the filter");

  /* The filter follows the views: the agenda hides them too. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.view", "s", "agenda");
  g_assert_cmpint (sigap_calendar_page_get_view (fixture->page), ==, SIGAP_CALENDAR_VIEW_AGENDA);
  g_assert_cmpuint (sigap_calendar_page_get_n_posts (fixture->page), ==, 3);
  g_assert_cmpuint (sigap_calendar_page_get_n_hidden (fixture->page), ==, 2);

  /* Show All. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.show-all", NULL);
  g_assert_false (sigap_post_filter_is_active (filter));
  g_assert_cmpuint (sigap_calendar_page_get_n_hidden (fixture->page), ==, 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (bar_label)));
}

static void
create_post_cb (SigapCalendarPage  *page,
                GDateTime          *when,
                GDateTime         **out)
{
  g_clear_pointer (out, g_date_time_unref);
  *out = g_date_time_ref (when);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GDateTime) asked = NULL;
  g_autoptr(GDateTime) eleven = jakarta (fixture, 7, 17, 11, 0);
  GtkWidget *cell;

  show_page (fixture, "month", "2025-07-17");
  g_signal_connect (fixture->page, "create-post", G_CALLBACK (create_post_cb), &asked);

  /* Enter or a double click on a day asks for a post at 09.00. */
  cell = day_cell (fixture, 7, 22);
  g_signal_emit_by_name (cell, "activate");
  g_assert_nonnull (asked);
  g_assert_cmpint (g_date_time_get_day_of_month (asked), ==, 22);
  g_assert_cmpint (g_date_time_get_hour (asked), ==, 9);
  g_assert_cmpstr (g_date_time_get_timezone_abbreviation (asked), ==, "WIB");

  /* Ctrl+N on a focused day does the same; elsewhere it does not. */
  g_clear_pointer (&asked, g_date_time_unref);
  gtk_widget_grab_focus (day_cell (fixture, 7, 23));
  g_assert_true (sigap_calendar_page_create_post_at_focus (fixture->page));
  g_assert_cmpint (g_date_time_get_day_of_month (asked), ==, 23);
  g_clear_pointer (&asked, g_date_time_unref);
  gtk_window_set_focus (fixture->window, NULL);
  g_assert_false (sigap_calendar_page_create_post_at_focus (fixture->page));
  g_assert_null (asked);

  /* In the week, at the hour. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.view", "s", "week");
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->window));
  cell = sigap_week_view_get_hour_cell (week_view (fixture), eleven);
  gtk_widget_grab_focus (cell);
  g_assert_true (sigap_calendar_page_create_post_at_focus (fixture->page));
  g_assert_true (g_date_time_equal (asked, eleven));
}

static void
test_gaps (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (fixture->zone);
  g_autoptr(GDateTime) today = sigap_calendar_day_start (now);
  g_autoptr(GDateTime) noon = g_date_time_add_hours (today, 12);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (noon, 1);
  g_autoptr(GDateTime) later = g_date_time_add_days (noon, SIGAP_CALENDAR_GAP_DAYS + 1);
  g_autofree char *a = add_post (fixture, "Hari ini", noon,
                                 SIGAP_POST_STATUS_SCHEDULED, SIGAP_PLATFORM_FACEBOOK);
  g_autofree char *b = add_post (fixture, "Besok, masih draf", tomorrow,
                                 SIGAP_POST_STATUS_DRAFT, SIGAP_PLATFORM_FACEBOOK);
  GtkWidget *cell;

  /* Today, whichever day it is. */
  show_page (fixture, "month", "");

  cell = sigap_month_view_get_day_cell (month_view (fixture), noon);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "today"));
  g_assert_false (gtk_widget_has_css_class (cell, "gap"));

  /* A draft does not fill a day. */
  cell = sigap_month_view_get_day_cell (month_view (fixture), tomorrow);
  if (cell != NULL)
    g_assert_true (gtk_widget_has_css_class (cell, "gap"));

  /* Beyond the coming two weeks nothing is marked. */
  cell = sigap_month_view_get_day_cell (month_view (fixture), later);
  if (cell != NULL)
    g_assert_false (gtk_widget_has_css_class (cell, "gap"));

  /* The week after next in the week view: marked where it is within the
   * two weeks, read apart from the week's own posts. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.view", "s", "week");
  sigap_calendar_page_go_to_date (fixture->page, tomorrow);
  cell = sigap_week_view_get_hour_cell (week_view (fixture), tomorrow);
  g_assert_true (gtk_widget_has_css_class (cell, "gap"));
  cell = sigap_week_view_get_hour_cell (week_view (fixture), noon);
  if (cell != NULL)
    g_assert_false (gtk_widget_has_css_class (cell, "gap"));
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *key = NULL;
  g_autoptr(GDateTime) now = NULL;

  show_page (fixture, "week", "2025-07-17");
  g_assert_cmpint (sigap_calendar_page_get_view (fixture->page), ==, SIGAP_CALENDAR_VIEW_WEEK);
  key = sigap_calendar_day_key (sigap_calendar_page_get_date (fixture->page));
  g_assert_cmpstr (key, ==, "2025-07-17");
  g_clear_pointer (&key, g_free);

  /* Every change is kept. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.next", NULL);
  key = g_settings_get_string (fixture->settings, "calendar-date");
  g_assert_cmpstr (key, ==, "2025-07-24");
  g_clear_pointer (&key, g_free);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.view", "s", "agenda");
  key = g_settings_get_string (fixture->settings, "calendar-view");
  g_assert_cmpstr (key, ==, "agenda");
  g_clear_pointer (&key, g_free);

  /* A new page, as after a restart, opens where this one was. */
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  settle ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = g_object_new (SIGAP_TYPE_CALENDAR_PAGE, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  sigap_calendar_page_set_settings (fixture->page, fixture->settings);
  sigap_calendar_page_set_source (fixture->page, fixture->store, fixture->opd);
  gtk_window_present (fixture->window);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->window));
  settle ();
  g_assert_cmpint (sigap_calendar_page_get_view (fixture->page), ==, SIGAP_CALENDAR_VIEW_AGENDA);
  key = sigap_calendar_day_key (sigap_calendar_page_get_date (fixture->page));
  g_assert_cmpstr (key, ==, "2025-07-24");
  g_clear_pointer (&key, g_free);

  /* Today is kept as today, not as a date. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.today", NULL);
  key = g_settings_get_string (fixture->settings, "calendar-date");
  g_assert_cmpstr (key, ==, "");
  g_clear_pointer (&key, g_free);
  now = g_date_time_new_now (fixture->zone);
  g_assert_cmpint (g_date_time_get_day_of_year (sigap_calendar_page_get_date (fixture->page)), ==,
                   g_date_time_get_day_of_year (now));

  /* A broken key falls back to today. */
  g_settings_set_string (fixture->settings, "calendar-date", "2025-02-30");
  sigap_calendar_page_set_settings (fixture->page, NULL);
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  settle ();
  show_page (fixture, "month", "2025-02-30");
  g_assert_cmpint (g_date_time_get_day_of_year (sigap_calendar_page_get_date (fixture->page)), ==,
                   g_date_time_get_day_of_year (now));
}

static void
test_signed_out (Fixture       *fixture,
                 gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = g_object_new (SIGAP_TYPE_CALENDAR_PAGE, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  sigap_calendar_page_set_settings (fixture->page, fixture->settings);
  sigap_calendar_page_set_source (fixture->page, fixture->store, NULL);
  gtk_window_present (fixture->window);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->window));

  g_assert_cmpstr (sigap_calendar_page_get_state (fixture->page), ==, "signed-out");

  /* The calendar's actions do nothing, and its keys are left to others. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.view", "s", "week");
  g_assert_null (sigap_calendar_page_get_date (fixture->page));
  g_assert_cmpint (sigap_calendar_page_get_view (fixture->page), ==, SIGAP_CALENDAR_VIEW_MONTH);
  g_assert_cmpstr (sigap_calendar_page_get_state (fixture->page), ==, "signed-out");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GDK_BACKEND", "x11", FALSE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* What AdwApplication loads by itself in Sigap. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/sigap/Sigap/icons");
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/sigap/Sigap/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/calendar-page/format-range", test_format_range);
  g_test_add ("/calendar-page/month", Fixture, NULL, fixture_set_up, test_month, fixture_tear_down);
  g_test_add ("/calendar-page/week", Fixture, NULL, fixture_set_up, test_week, fixture_tear_down);
  g_test_add ("/calendar-page/move", Fixture, NULL, fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/calendar-page/filter", Fixture, NULL,
              fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/calendar-page/create", Fixture, NULL,
              fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/calendar-page/gaps", Fixture, NULL, fixture_set_up, test_gaps, fixture_tear_down);
  g_test_add ("/calendar-page/restore", Fixture, NULL,
              fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/calendar-page/signed-out", Fixture, NULL,
              fixture_set_up, test_signed_out, fixture_tear_down);

  return g_test_run ();
}
