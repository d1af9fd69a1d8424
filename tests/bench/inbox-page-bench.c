/* inbox-page-bench.c — opening and scrolling the complaint inbox
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: inbox-page-bench DATABASE [N_OPEN [N_SCROLL]]
 *
 * Needs a display (build-aux/dev bench runs it under Xvfb). Puts the
 * app's SigapInboxPage in a 1100×720 window, as the main window holds
 * it, and times with the monotonic clock, on DATABASE (the benchmark
 * regency: 100,000 complaints):
 *
 *  - "open": N_OPEN (default 20) times, the inbox opened for Diskominfo's
 *    verifikator, who sees every complaint: from
 *    sigap_inbox_page_set_source() on the page shown signed out until the
 *    window's frame clock has painted the frame that shows the first rows
 *    ("after-paint"): counting the complaints, reading the first pages of
 *    them, making and filling the rows the list view keeps (about 200 in
 *    GTK 4.8), and that frame's layout, snapshot and rendering;
 *    "open_opd", the same for the admin of an OPD (dinkes), who sees the
 *    complaints routed to it. Once each unmeasured first ("_first");
 *
 *  - "frame_idle": N_OPEN frames that change nothing, the list shown:
 *    what a frame of the window costs on this display;
 *
 *  - "scroll": N_SCROLL (default 300) moves of the list's scrolled
 *    window, each from the change of its vertical adjustment until the
 *    frame that shows the rows there has been painted: rounds of a jump
 *    far into the list (to a place chosen at random, the same each run,
 *    or the end), 19 screenfuls down, then 10 wheel steps up. Jumps and
 *    screenfuls reach rows the list model has not read yet, which it
 *    reads from SQLite a page (100 rows) at a time.
 *
 * Before each measurement it lets the main loop go idle and waits a
 * little, so that the frame clock, which spaces frames by the refresh
 * interval, starts the next frame at once; before an opening, long
 * enough for what the page defers after a change of source. Prints one
 * line per series, the samples in milliseconds, which build-aux/bench.py
 * reads:
 *   open MS MS …         open_action MS MS …
 *   open_opd MS MS …     open_opd_action MS MS …
 *   frame_idle MS MS …
 *   scroll MS MS …       scroll_action MS MS …
 *   scroll_jump MS MS …  scroll_page MS MS …   scroll_wheel MS MS …
 * ("_action": the call alone, before the frame; "scroll_jump",
 * "scroll_page" and "scroll_wheel": the moves of "scroll" of each kind),
 * and what was measured ("renderer", "open_complaints", "open_rows",
 * "scroll_rows_kept" and so on).
 */

#include "config.h"

#define BENCH_NAME "inbox-page-bench"

#include <math.h>
#include <stdio.h>

#include "sigap-complaint-row.h"
#include "sigap-inbox-page.h"

#include "sigap-bench-frame.h"

/* Long enough after a frame for the frame clock to start the next one
 * as soon as it is asked for. */
#define PAUSE_MS 40

/* Longer than the page waits to count, after its source changed, the
 * late complaints its badge shows: that work is not the opening's. */
#define SETTLE_MS 700

/* The moves of a round of scrolling: a jump, screenfuls down, then wheel
 * steps up. */
#define ROUND_MOVES 30
#define ROUND_PAGES 19

/* Frames to wait at most for the first rows after opening. */
#define MAX_OPEN_FRAMES 10

typedef enum
{
  MOVE_JUMP,
  MOVE_PAGE,
  MOVE_WHEEL,
} Move;

typedef struct
{
  BenchFrame frame;
  SigapInboxPage *page;
} Bench;

/* The inbox's list view, found in the page's widget tree by its style
 * class: the saved filters' drop-down holds a list view of its own. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "complaint-list"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first label of @widget's tree: a row's tracking number. */
static GtkLabel *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = first_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The rows of @widget's tree that have a complaint: those on screen if
 * @mapped, else all that the list view keeps. */
static guint
count_rows (GtkWidget *widget,
            gboolean   mapped)
{
  guint n = 0;

  if (mapped && !gtk_widget_get_mapped (widget))
    return 0;

  if (SIGAP_IS_COMPLAINT_ROW (widget))
    {
      GtkLabel *label = first_label (widget);

      return label != NULL && gtk_label_get_text (label)[0] != '\0' ? 1 : 0;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, mapped);

  return n;
}

/* One opening: the milliseconds from sigap_inbox_page_set_source() on
 * the page shown signed out until the first frame with rows has been
 * painted, and in @action_ms those of the call alone; @n_rows, the rows
 * that frame shows, and @n_frames, the frames it took. */
static double
open_once (Bench      *bench,
           SigapStore *store,
           SigapUser  *user,
           SigapOpd   *opd,
           double     *action_ms,
           guint      *n_rows,
           guint      *n_frames)
{
  gint64 start;

  sigap_inbox_page_set_source (bench->page, NULL, NULL, NULL);
  wait_for_frame (&bench->frame);
  pause_ms (SETTLE_MS);

  start = g_get_monotonic_time ();
  sigap_inbox_page_set_source (bench->page, store, user, opd);
  *action_ms = ms_between (start, g_get_monotonic_time ());

  *n_frames = 0;
  do
    {
      wait_for_frame (&bench->frame);
      *n_rows = count_rows (GTK_WIDGET (bench->page), TRUE);
      if (++*n_frames > MAX_OPEN_FRAMES)
        die ("waiting for the first rows", NULL);
    }
  while (*n_rows == 0);

  return ms_between (start, bench->frame.after_paint);
}

static void
bench_open (Bench      *bench,
            SigapStore *store,
            SigapUser  *user,
            SigapOpd   *opd,
            const char *name,
            guint       n)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *actions_name = g_strconcat (name, "_action", NULL);
  double action_ms;
  guint n_rows = 0;
  guint n_frames = 0;
  guint most_frames = 0;

  /* Once unmeasured: the first rows made, the holidays read. */
  printf ("%s_first %g\n", name,
          open_once (bench, store, user, opd, &action_ms, &n_rows, &n_frames));

  for (guint i = 0; i < n; i++)
    {
      append (totals, open_once (bench, store, user, opd, &action_ms, &n_rows, &n_frames));
      append (actions, action_ms);
      most_frames = MAX (most_frames, n_frames);
    }

  print_series (name, totals);
  print_series (actions_name, actions);
  printf ("%s_complaints %u\n", name,
          g_list_model_get_n_items (sigap_inbox_page_get_model (bench->page)));
  printf ("%s_rows %u\n", name, n_rows);
  printf ("%s_frames %u\n", name, most_frames);
  fflush (stdout);
}

/* Where the @i-th move of the scrolling goes, and in @move what move
 * it is. */
static double
next_value (GtkAdjustment *adjustment,
            GRand         *rand,
            guint          i,
            Move          *move)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double end = gtk_adjustment_get_upper (adjustment) - page;
  guint step = i % ROUND_MOVES;

  if (step == 0)
    {
      *move = MOVE_JUMP;
      /* The last round goes to the oldest complaints. */
      if (i / ROUND_MOVES % 5 == 4)
        return end;
      return g_rand_double_range (rand, 0, end);
    }

  if (step <= ROUND_PAGES)
    {
      *move = MOVE_PAGE;
      return MIN (value + page, end);
    }

  /* What GtkScrolledWindow scrolls for a notch of the wheel. */
  *move = MOVE_WHEEL;
  return MAX (value - pow (page, 2.0 / 3.0), 0);
}

/* N frames that change nothing, the list shown: what the window costs
 * to draw on this display. */
static void
bench_idle (Bench      *bench,
            const char *name,
            guint       n)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    {
      gint64 start;

      pause_ms (PAUSE_MS);
      start = g_get_monotonic_time ();
      wait_for_frame (&bench->frame);
      append (frames, ms_between (start, bench->frame.after_paint));
    }
  print_series (name, frames);
}

static void
bench_scroll (Bench *bench,
              guint  n)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jumps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wheels = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  GtkWidget *list_view = find_list_view (GTK_WIDGET (bench->page));
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  guint most_rows = 0;
  guint least_rows = G_MAXUINT;

  if (list_view == NULL)
    die ("finding the list view", NULL);
  scroller = gtk_widget_get_ancestor (list_view, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL)
    die ("finding the list's scrolled window", NULL);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  printf ("scroll_page_size %g\n", gtk_adjustment_get_page_size (adjustment));
  printf ("scroll_upper %g\n", gtk_adjustment_get_upper (adjustment));
  fflush (stdout);

  for (guint i = 0; i < n; i++)
    {
      Move move = MOVE_PAGE;
      double value;
      gint64 start;
      double total;
      guint n_rows;

      pause_ms (PAUSE_MS);
      value = next_value (adjustment, rand, i, &move);
      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, value);
      append (actions, ms_between (start, g_get_monotonic_time ()));
      wait_for_frame (&bench->frame);
      total = ms_between (start, bench->frame.after_paint);
      append (totals, total);
      append (move == MOVE_JUMP ? jumps : move == MOVE_PAGE ? pages : wheels, total);

      n_rows = count_rows (list_view, TRUE);
      most_rows = MAX (most_rows, n_rows);
      least_rows = MIN (least_rows, n_rows);
    }

  print_series ("scroll", totals);
  print_series ("scroll_action", actions);
  print_series ("scroll_jump", jumps);
  print_series ("scroll_page", pages);
  print_series ("scroll_wheel", wheels);
  printf ("scroll_rows %u %u\n", least_rows, most_rows);
  printf ("scroll_rows_kept %u\n", count_rows (list_view, FALSE));
  fflush (stdout);
}

static SigapUser *
find_user (SigapStore *store,
           const char *username)
{
  g_autoptr(GError) error = NULL;
  SigapUser *user = sigap_store_find_user_by_name (store, username, &error);

  if (user == NULL)
    die (username, error);

  return user;
}

static SigapOpd *
find_user_opd (SigapStore *store,
               SigapUser  *user)
{
  g_autoptr(GError) error = NULL;
  SigapOpd *opd = sigap_store_get_opd (store, sigap_user_get_opd_id (user), &error);

  if (opd == NULL)
    die (sigap_user_get_username (user), error);

  return opd;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(SigapUser) verifikator = NULL;
  g_autoptr(SigapOpd) diskominfo = NULL;
  g_autoptr(SigapUser) admin = NULL;
  g_autoptr(SigapOpd) admin_opd = NULL;
  guint n_open = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 20;
  guint n_scroll = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 300;
  Bench bench = { 0, };

  if (argc < 2 || argc > 4 || n_open == 0 || n_scroll == 0)
    {
      g_printerr ("usage: inbox-page-bench DATABASE [N_OPEN [N_SCROLL]]\n");
      return 2;
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
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

  store = sigap_store_open (argv[1], &error);
  if (store == NULL)
    die (argv[1], error);
  verifikator = find_user (store, "verifikator");
  diskominfo = find_user_opd (store, verifikator);
  admin = find_user (store, "dinkes");
  admin_opd = find_user_opd (store, admin);
  printf ("database_complaints %" G_GINT64_FORMAT "\n",
          sigap_store_count_complaints (store, NULL));

  bench.frame.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (bench.frame.window, 1100, 720);
  bench.page = g_object_new (SIGAP_TYPE_INBOX_PAGE, NULL);
  gtk_window_set_child (bench.frame.window, GTK_WIDGET (bench.page));
  gtk_window_present (bench.frame.window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (bench.frame.window)))
    g_main_context_iteration (NULL, TRUE);

  bench.frame.frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.frame.window));
  g_signal_connect (bench.frame.frame_clock, "after-paint", G_CALLBACK (after_paint_cb),
                    &bench.frame);
  wait_for_frame (&bench.frame);
  pause_ms (200);

  printf ("renderer %s\n",
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (bench.frame.window))));

  bench_open (&bench, store, admin, admin_opd, "open_opd", n_open);
  bench_open (&bench, store, verifikator, diskominfo, "open", n_open);

  /* From the top of the verifikator's list, just opened. */
  bench_idle (&bench, "frame_idle", n_open);
  bench_scroll (&bench, n_scroll);

  g_signal_handlers_disconnect_by_data (bench.frame.frame_clock, &bench.frame);
  sigap_inbox_page_set_source (bench.page, NULL, NULL, NULL);
  gtk_window_destroy (bench.frame.window);
  settle ();

  return 0;
}
