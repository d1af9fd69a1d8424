/* calendar-bench.c — the content calendar's switches and frames
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: calendar-bench DATABASE [OPD_CODE [N]]
 *
 * Needs a display (build-aux/dev bench runs it under Xvfb). Puts the
 * app's SigapCalendarPage in a 1100×720 window, as the main window holds
 * it, and times with the monotonic clock:
 *
 *  - on DATABASE (the benchmark regency: 20,000 posts), OPD_CODE's
 *    calendar (default dinkes), around the middle of its posts: N
 *    switches to the previous or next month, then N to the previous or
 *    next week, each from the action (calendar.previous, calendar.next)
 *    until the window's frame clock has painted the frame that shows the
 *    new period ("after-paint"): reading the period, filling the view,
 *    and that frame's layout, snapshot and rendering;
 *
 *  - on a scratch database of its own, a month with 2,000 posts (and the
 *    month after it, as many), from the request until "after-paint":
 *    "frame", N frames while the page is made 10 pixels narrower and
 *    wider again, as a window resize does (the whole month allocated
 *    again, what moved snapshot again, the window rendered);
 *    "frame_full", N frames that allocate and snapshot every widget of
 *    the page again; "frame_empty", the resize frames of a month without
 *    posts (what the window costs to draw on this display); then N
 *    switches between the two months, as above ("switch_heavy").
 *
 * Before each measurement it lets the main loop go idle and waits a
 * little, so that the frame clock, which spaces frames by the refresh
 * interval, starts the next frame at once. Prints one line per series,
 * the samples in milliseconds, which build-aux/bench.py reads:
 *   switch_month MS MS …       switch_month_action MS MS …
 *   switch_week MS MS …        switch_week_action MS MS …
 *   frame MS MS …              frame_full MS MS …       frame_empty MS MS …
 *   switch_heavy MS MS …       switch_heavy_action MS MS …
 * ("_action": the action alone, before the frame), and what was measured
 * ("renderer", "database_posts", "switch_month_posts" and so on).
 */

#include "config.h"

#define BENCH_NAME "calendar-bench"

#include <stdio.h>

#include <glib/gstdio.h>

#include "sigap-calendar-page.h"
#include "sigap-format.h"

#include "sigap-bench-frame.h"

#define HOUR 3600
#define DAY (24 * HOUR)

/* The posts of each of the two heavy months. */
#define MONTH_POSTS 2000

/* Long enough after a frame for the frame clock to start the next one
 * as soon as it is asked for. */
#define PAUSE_MS 40

typedef struct
{
  BenchFrame frame;
  SigapCalendarPage *page;
} Bench;

/* One switch: the milliseconds from the action until the frame that
 * shows the new period has been painted, and in @action_ms those of the
 * action alone. */
static double
switch_once (Bench      *bench,
             const char *action,
             double     *action_ms)
{
  gint64 start;

  pause_ms (PAUSE_MS);
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (bench->page), action, NULL);
  *action_ms = ms_between (start, g_get_monotonic_time ());
  wait_for_frame (&bench->frame);

  return ms_between (start, bench->frame.after_paint);
}

/* Back and forth around the period shown, -1 -2 -1 0 +1 +2 +1 0 …, so
 * that every period has posts. */
static const char *
step_action (guint i)
{
  static const int steps[] = { -1, -1, 1, 1, 1, 1, -1, -1 };

  return steps[i % G_N_ELEMENTS (steps)] < 0 ? "calendar.previous" : "calendar.next";
}

static void
print_switches (const char *name,
                GArray     *totals,
                GArray     *actions,
                GArray     *posts)
{
  g_autofree char *actions_name = g_strconcat (name, "_action", NULL);
  g_autofree char *posts_name = g_strconcat (name, "_posts", NULL);

  print_series (name, totals);
  print_series (actions_name, actions);
  print_series (posts_name, posts);
}

static void
bench_switches (Bench             *bench,
                SigapCalendarView  view,
                const char        *name,
                guint              n)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) posts = g_array_new (FALSE, FALSE, sizeof (double));
  double action_ms;

  sigap_calendar_page_set_view (bench->page, view);
  wait_for_frame (&bench->frame);

  /* There and back unmeasured: the first week view makes its hours. */
  switch_once (bench, "calendar.next", &action_ms);
  switch_once (bench, "calendar.previous", &action_ms);

  for (guint i = 0; i < n; i++)
    {
      append (totals, switch_once (bench, step_action (i), &action_ms));
      append (actions, action_ms);
      append (posts, sigap_calendar_page_get_n_posts (bench->page));
    }

  print_switches (name, totals, actions, posts);
}

/* The scratch regency: one OPD with MONTH_POSTS posts in each of July
 * and August 2025, in office hours, in every status, with one to three
 * platforms. */
static void
seed_heavy_months (SigapStore *store,
                   SigapOpd   *opd)
{
  static const char * const titles[] = {
    "Jadwal posyandu balita di seluruh puskesmas",
    "Vaksinasi anak sekolah",
    "Cuci tangan pakai sabun",
    "Hari Anak Nasional",
    "Pekan ASI sedunia: dukung ibu menyusui",
    "Layanan kesehatan gratis akhir pekan",
    "Cegah demam berdarah dengan 3M Plus",
    "Rapat koordinasi konten",
  };
  static const SigapPostStatus statuses[] = {
    SIGAP_POST_STATUS_SCHEDULED, SIGAP_POST_STATUS_PUBLISHED, SIGAP_POST_STATUS_DRAFT,
    SIGAP_POST_STATUS_REVIEW, SIGAP_POST_STATUS_SCHEDULED, SIGAP_POST_STATUS_CANCELLED,
  };
  g_autoptr(SigapUser) user = sigap_user_new ();
  g_autoptr(GTimeZone) zone = sigap_opd_dup_zone (opd);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  g_autoptr(GError) error = NULL;

  sigap_user_set_username (user, "bench");
  sigap_user_set_role (user, SIGAP_ROLE_ADMIN_OPD);
  sigap_user_set_opd_id (user, sigap_opd_get_id (opd));
  if (!sigap_store_insert_user (store, user, &error))
    die ("adding the user", error);

  if (!sigap_store_begin (store, &error))
    die ("seeding", error);

  for (int month = 7; month <= 8; month++)
    {
      for (guint i = 0; i < MONTH_POSTS; i++)
        {
          g_autoptr(SigapPost) post = sigap_post_new ();
          g_autoptr(GDateTime) when = NULL;
          g_autofree char *title = NULL;
          guint n_platforms = 1 + (guint) g_rand_int_range (rand, 0, 3);
          guint first = (guint) g_rand_int_range (rand, 0, SIGAP_N_PLATFORMS);

          /* Both months have 31 days. */
          when = g_date_time_new (zone, 2025, month, 1 + (int) (i % 31),
                                  7 + g_rand_int_range (rand, 0, 13),
                                  15 * g_rand_int_range (rand, 0, 4), 0);
          title = g_strdup_printf ("%s #%u", titles[i % G_N_ELEMENTS (titles)], i);

          sigap_post_set_opd_id (post, sigap_opd_get_id (opd));
          sigap_post_set_author_id (post, sigap_user_get_id (user));
          sigap_post_set_title (post, title);
          sigap_post_set_body (post, "Isi unggahan untuk masyarakat Kabupaten Sukamaju.");
          sigap_post_set_status (post, statuses[i % G_N_ELEMENTS (statuses)]);
          sigap_post_set_category (post, (SigapContentCategory) (i % 6));
          sigap_post_set_scheduled_at (post, g_date_time_to_unix (when));
          sigap_post_set_created_at (post, g_date_time_to_unix (when) - DAY);
          for (guint p = 0; p < n_platforms; p++)
            {
              g_autoptr(SigapPostVariant) variant = sigap_post_variant_new ();

              sigap_post_variant_set_platform (variant,
                                               (SigapPlatform) ((first + p) % SIGAP_N_PLATFORMS));
              sigap_post_set_variant (post, variant);
            }

          if (!sigap_store_insert_post (store, post, &error))
            die ("adding a post", error);
        }
    }

  if (!sigap_store_commit (store, &error))
    die ("seeding", error);
}

/* Every widget of @widget's tree to be allocated and snapshot again in
 * the next frame, as if all of it had changed but its size. */
static void
invalidate_all (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    invalidate_all (child);

  gtk_widget_queue_allocate (widget);
  gtk_widget_queue_draw (widget);
}

/* N frames that draw the page again whole; the first two unmeasured. */
static void
bench_redraws (Bench      *bench,
               const char *name,
               guint       n)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n + 2; i++)
    {
      gint64 start;

      pause_ms (PAUSE_MS);
      invalidate_all (GTK_WIDGET (bench->page));
      start = g_get_monotonic_time ();
      wait_for_frame (&bench->frame);
      if (i >= 2)
        append (frames, ms_between (start, bench->frame.after_paint));
    }
  print_series (name, frames);
}

/* N frames while the page is made a few pixels narrower and wider
 * again, as when the window is resized (without a new window surface
 * each time): each lays out the whole month again, every cell and chip
 * allocated anew and the titles cut short again, snapshots what moved
 * and renders the window; the first two unmeasured. */
static void
bench_resizes (Bench      *bench,
               const char *name,
               guint       n)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n + 2; i++)
    {
      gint64 start;

      pause_ms (PAUSE_MS);
      start = g_get_monotonic_time ();
      gtk_widget_set_margin_end (GTK_WIDGET (bench->page), i % 2 == 0 ? 10 : 0);
      wait_for_frame (&bench->frame);
      if (i >= 2)
        append (frames, ms_between (start, bench->frame.after_paint));
    }
  gtk_widget_set_margin_end (GTK_WIDGET (bench->page), 0);
  wait_for_frame (&bench->frame);
  print_series (name, frames);
}

static void
bench_heavy_month (Bench *bench,
                   guint  n)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sigap-calendar-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(SigapOpd) opd = sigap_opd_new ();
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) july = NULL;
  g_autoptr(GDateTime) empty = NULL;
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) posts = g_array_new (FALSE, FALSE, sizeof (double));
  double action_ms;

  if (dir == NULL)
    die ("making a scratch directory", error);
  path = g_build_filename (dir, "sigap.db", NULL);
  store = sigap_store_open (path, &error);
  if (store == NULL)
    die (path, error);

  sigap_opd_set_code (opd, "bench");
  sigap_opd_set_name (opd, "Dinas Kesehatan");
  sigap_opd_set_kind (opd, SIGAP_OPD_KIND_DINAS);
  sigap_opd_set_time_zone (opd, "Asia/Jakarta");
  if (!sigap_store_insert_opd (store, opd, &error))
    die ("adding the OPD", error);
  seed_heavy_months (store, opd);

  zone = sigap_opd_dup_zone (opd);
  july = g_date_time_new (zone, 2025, 7, 15, 0, 0, 0);
  empty = g_date_time_new (zone, 2025, 1, 15, 0, 0, 0);
  sigap_calendar_page_set_source (bench->page, store, opd);
  sigap_calendar_page_set_view (bench->page, SIGAP_CALENDAR_VIEW_MONTH);
  sigap_calendar_page_go_to_date (bench->page, july);
  wait_for_frame (&bench->frame);
  printf ("frame_posts %u\n", sigap_calendar_page_get_n_posts (bench->page));

  bench_resizes (bench, "frame", n);
  bench_redraws (bench, "frame_full", n);

  /* The same frames for a month without posts: what the window costs
   * to draw in this display, whatever it shows. */
  sigap_calendar_page_go_to_date (bench->page, empty);
  wait_for_frame (&bench->frame);
  bench_resizes (bench, "frame_empty", n);
  sigap_calendar_page_go_to_date (bench->page, july);
  wait_for_frame (&bench->frame);

  /* August, July, August, …; the first two unmeasured. */
  for (guint i = 0; i < n + 2; i++)
    {
      double ms = switch_once (bench, i % 2 == 0 ? "calendar.next" : "calendar.previous",
                               &action_ms);

      if (i < 2)
        continue;
      append (totals, ms);
      append (actions, action_ms);
      append (posts, sigap_calendar_page_get_n_posts (bench->page));
    }
  print_switches ("switch_heavy", totals, actions, posts);

  sigap_calendar_page_set_source (bench->page, NULL, NULL);
  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GDateTime) middle = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  const char *code = argc > 2 ? argv[2] : "dinkes";
  guint n = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 20;
  Bench bench = { 0, };
  gint64 first = G_MAXINT64;
  gint64 last = G_MININT64;

  if (argc < 2 || argc > 4 || n == 0)
    {
      g_printerr ("usage: calendar-bench DATABASE [OPD_CODE [N]]\n");
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
  opd = sigap_store_find_opd_by_code (store, code, &error);
  if (opd == NULL)
    die (code, error);

  /* The middle of the OPD's posts, whenever the regency was seeded. */
  all = sigap_store_list_posts (store, sigap_opd_get_id (opd), G_MININT32, G_MAXINT32, &error);
  if (all == NULL)
    die ("reading the posts", error);
  if (all->len == 0)
    die ("the OPD has no posts", NULL);
  for (guint i = 0; i < all->len; i++)
    {
      gint64 at = sigap_post_get_scheduled_at (g_ptr_array_index (all, i));

      first = MIN (first, at);
      last = MAX (last, at);
    }
  printf ("database_posts %" G_GINT64_FORMAT "\n", sigap_store_count_posts (store, NULL));
  printf ("opd_posts %u\n", all->len);
  g_clear_pointer (&all, g_ptr_array_unref);

  zone = sigap_opd_dup_zone (opd);
  middle = g_date_time_new_from_unix_utc (first + (last - first) / 2);
  local = g_date_time_to_timezone (middle, zone);

  bench.frame.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (bench.frame.window, 1100, 720);
  bench.page = g_object_new (SIGAP_TYPE_CALENDAR_PAGE, NULL);
  gtk_window_set_child (bench.frame.window, GTK_WIDGET (bench.page));
  sigap_calendar_page_set_source (bench.page, store, opd);
  sigap_calendar_page_go_to_date (bench.page, local);
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

  bench_switches (&bench, SIGAP_CALENDAR_VIEW_MONTH, "switch_month", n);
  sigap_calendar_page_go_to_date (bench.page, local);
  bench_switches (&bench, SIGAP_CALENDAR_VIEW_WEEK, "switch_week", n);

  bench_heavy_month (&bench, n);

  g_signal_handlers_disconnect_by_data (bench.frame.frame_clock, &bench.frame);
  gtk_window_destroy (bench.frame.window);
  settle ();

  return 0;
}
