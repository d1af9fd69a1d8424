/* test-window.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window shell in-process, on a temporary database: build the window,
 * check its pages, activate its actions and wait for it to draw. Needs a
 * display (GDK_BACKEND=x11 under Xvfb). */

#include "config.h"

#include <glib/gstdio.h>

#include "sigap-application.h"
#include "sigap-calendar-page.h"
#include "sigap-format.h"
#include "sigap-inbox-page.h"
#include "sigap-new-post-window.h"
#include "sigap-report-page.h"
#include "sigap-window.h"

#include "sigap-test-widget.h"

#define DAY (24 * 3600)

static SigapApplication *app;

typedef struct
{
  char *dir;
  char *path;
  SigapStore *store;
  SigapOpd *opd;
  SigapUser *user;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sigap-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "sigap.db", NULL);
  fixture->store = sigap_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

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

static void
add_post (Fixture    *fixture,
          const char *title,
          gint64      scheduled_at)
{
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(SigapPostVariant) variant = sigap_post_variant_new ();
  g_autoptr(GError) error = NULL;

  sigap_post_set_opd_id (post, sigap_opd_get_id (fixture->opd));
  sigap_post_set_author_id (post, sigap_user_get_id (fixture->user));
  sigap_post_set_title (post, title);
  sigap_post_set_body (post, "Isi unggahan.");
  sigap_post_set_status (post, SIGAP_POST_STATUS_SCHEDULED);
  sigap_post_set_scheduled_at (post, scheduled_at);
  sigap_post_set_created_at (post, scheduled_at - DAY);
  sigap_post_variant_set_platform (variant, SIGAP_PLATFORM_INSTAGRAM);
  sigap_post_set_variant (post, variant);

  sigap_store_insert_post (fixture->store, post, &error);
  g_assert_no_error (error);
}

/* Dinas Kesehatan with its admin signed in, two posts in the agenda and
 * one far ahead, three complaints and two reports. */
static void
seed (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  fixture->opd = sigap_opd_new ();
  sigap_opd_set_code (fixture->opd, "dinkes");
  sigap_opd_set_name (fixture->opd, "Dinas Kesehatan");
  sigap_opd_set_kind (fixture->opd, SIGAP_OPD_KIND_DINAS);
  sigap_opd_set_time_zone (fixture->opd, "Asia/Jakarta");
  sigap_store_insert_opd (fixture->store, fixture->opd, &error);
  g_assert_no_error (error);

  fixture->user = sigap_user_new ();
  sigap_user_set_username (fixture->user, "dinkes");
  sigap_user_set_display_name (fixture->user, "Admin Dinkes");
  sigap_user_set_role (fixture->user, SIGAP_ROLE_ADMIN_OPD);
  sigap_user_set_opd_id (fixture->user, sigap_opd_get_id (fixture->opd));
  sigap_store_insert_user (fixture->store, fixture->user, &error);
  g_assert_no_error (error);

  sigap_store_set_meta (fixture->store, "local_user", "dinkes", &error);
  g_assert_no_error (error);

  add_post (fixture, "Jadwal posyandu", now + DAY);
  add_post (fixture, "Vaksinasi anak sekolah", now + 2 * DAY);
  add_post (fixture, "Hari Kesehatan Nasional", now + 60 * DAY);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();

      sigap_complaint_set_channel (complaint, SIGAP_CHANNEL_WEB_FORM);
      sigap_complaint_set_kind (complaint, SIGAP_COMPLAINT_KIND_COMPLAINT);
      sigap_complaint_set_body (complaint, "Antrean di puskesmas terlalu panjang sejak pagi.");
      sigap_complaint_set_citizen_name (complaint, "Budi Santoso");
      sigap_complaint_set_status (complaint, SIGAP_COMPLAINT_STATUS_ROUTED);
      sigap_complaint_set_opd_id (complaint, sigap_opd_get_id (fixture->opd));
      sigap_complaint_set_received_at (complaint, now - i * DAY);
      sigap_store_insert_complaint (fixture->store, complaint, &error);
      g_assert_no_error (error);
    }

  for (int month = 1; month <= 2; month++)
    {
      g_autoptr(SigapReport) report = sigap_report_new ();

      sigap_report_set_opd_id (report, sigap_opd_get_id (fixture->opd));
      sigap_report_set_year (report, 2025);
      sigap_report_set_month (report, month);
      sigap_report_set_status (report, SIGAP_REPORT_STATUS_ACCEPTED);
      sigap_store_insert_report (fixture->store, report, &error);
      g_assert_no_error (error);
    }
}

static SigapNewPostWindow *
find_composer (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SIGAP_IS_NEW_POST_WINDOW (window))
        return SIGAP_NEW_POST_WINDOW (window);
    }

  return NULL;
}

/* The composer's title field: its entry row titled "Title". */
static GtkWidget *
find_title_row (GtkWidget *widget)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Title") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_title_row (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
close_window (GtkWindow *window)
{
  gtk_window_close (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_format (void)
{
  g_autoptr(GTimeZone) zone = sigap_opd_dup_zone (NULL);
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2025, 7, 17, 9, 20, 0);
  g_autoptr(GDateTime) late = g_date_time_new (zone, 2025, 7, 17, 23, 59, 0);
  g_autoptr(GDateTime) next = sigap_next_full_hour (now);
  g_autoptr(GDateTime) midnight = sigap_next_full_hour (late);
  g_autoptr(GDateTime) nine = g_date_time_add_minutes (now, -20);
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(SigapPostVariant) facebook = sigap_post_variant_new ();
  g_autoptr(SigapPostVariant) instagram = sigap_post_variant_new ();
  g_autofree char *excerpt = sigap_format_excerpt ("  Jalan   rusak\ndi depan pasar desa ", 3);
  g_autofree char *all = sigap_format_excerpt ("Jalan rusak", 3);
  g_autofree char *day = sigap_format_day (now);
  g_autofree char *month = sigap_format_month (2025, 7);
  g_autofree char *label = NULL;

  g_assert_cmpstr (excerpt, ==, "Jalan rusak di…");
  g_assert_cmpstr (all, ==, "Jalan rusak");
  g_assert_cmpstr (day, ==, "Thursday, 17 July 2025");
  g_assert_cmpstr (month, ==, "July 2025");

  g_assert_cmpint (g_date_time_get_hour (next), ==, 10);
  g_assert_cmpint (g_date_time_get_minute (next), ==, 0);
  g_assert_cmpint (g_date_time_get_day_of_month (midnight), ==, 18);
  g_assert_cmpint (g_date_time_get_hour (midnight), ==, 0);

  sigap_post_set_title (post, "Rapat koordinasi konten");
  sigap_post_set_status (post, SIGAP_POST_STATUS_SCHEDULED);
  sigap_post_set_scheduled_at (post, g_date_time_to_unix (nine));
  sigap_post_variant_set_platform (facebook, SIGAP_PLATFORM_FACEBOOK);
  sigap_post_variant_set_platform (instagram, SIGAP_PLATFORM_INSTAGRAM);
  sigap_post_set_variant (post, instagram);
  sigap_post_set_variant (post, facebook);
  label = sigap_post_dup_accessible_label (post, zone);
  g_assert_cmpstr (label, ==,
                   "Thursday 17 July 2025 09:00, Rapat koordinasi konten, "
                   "Facebook, Instagram, scheduled");
}

/* @document from the shipped file, as the server answers it. */
static void
write_answer (const char *dir,
              const char *name,
              const char *updated_at)
{
  g_autofree char *relative = g_strconcat (name, ".json", NULL);
  g_autofree char *shipped = g_build_filename (g_getenv ("SIGAP_DATA_DIR"), relative, NULL);
  g_autofree char *copy = g_build_filename (dir, relative, NULL);
  g_autofree char *folder = g_path_get_dirname (copy);
  g_autofree char *document = NULL;
  g_autofree char *version = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (shipped, &document, NULL, &error);
  g_assert_no_error (error);
  version = g_compute_checksum_for_string (G_CHECKSUM_SHA256, document, -1);
  answer = g_strdup_printf ("{\"name\":\"%s\",\"version\":\"%s\",\"updated_at\":%s,"
                            "\"document\":%s}", name, version, updated_at, document);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (copy, answer, -1, &error);
  g_assert_no_error (error);
}

static void
test_format_central (void)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sigap-test-central-XXXXXX", &error);
  g_autoptr(SigapCentralDocuments) shipped = NULL;
  g_autoptr(SigapCentralDocuments) downloaded = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);

  shipped = sigap_central_documents_new (dir, 2025);
  checked = g_strdup (json_object_get_string_member (
    sigap_central_document_get_object (sigap_central_documents_get_platforms (shipped)),
    "checked"));

  text = sigap_format_central_document (SIGAP_CENTRAL_DOCUMENT_PLATFORMS, 0,
                                        sigap_central_documents_get_platforms (shipped), wib);
  expected = g_strdup_printf ("Version %s, shipped with Sigap", checked);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = sigap_format_central_document (SIGAP_CENTRAL_DOCUMENT_HOLIDAYS, 2025,
                                        sigap_central_documents_get_holidays (shipped, 2025),
                                        wib);
  g_assert_cmpstr (text, ==, "Calendar for 2025, shipped with Sigap");
  g_clear_pointer (&text, g_free);

  text = sigap_format_central_document (SIGAP_CENTRAL_DOCUMENT_HOLIDAYS, 2031, NULL, wib);
  g_assert_cmpstr (text, ==, "No calendar for 2031 yet. Sigap downloads it at the next sync.");
  g_clear_pointer (&text, g_free);

  text = sigap_format_central_document (SIGAP_CENTRAL_DOCUMENT_PLATFORMS, 0, NULL, wib);
  g_assert_cmpstr (text, ==, "Not available yet. Sigap downloads the rules at the next sync.");
  g_clear_pointer (&text, g_free);

  /* Downloaded: the rules a verifikator stored at 10.15 WIB, the calendar
   * the server shipped with. */
  write_answer (dir, "platforms", "\"2026-11-23T03:15:00Z\"");
  write_answer (dir, "holidays/2025", "null");
  downloaded = sigap_central_documents_new (dir, 2025);

  text = sigap_format_central_document (SIGAP_CENTRAL_DOCUMENT_PLATFORMS, 0,
                                        sigap_central_documents_get_platforms (downloaded), wib);
  expected = g_strdup_printf ("Version %s from the server, updated 23 November 2026 10:15",
                              checked);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);

  text = sigap_format_central_document (SIGAP_CENTRAL_DOCUMENT_HOLIDAYS, 2025,
                                        sigap_central_documents_get_holidays (downloaded, 2025),
                                        wib);
  g_assert_cmpstr (text, ==, "Calendar for 2025 from the server");
  g_clear_pointer (&text, g_free);

  {
    g_autofree char *platforms = g_build_filename (dir, "platforms.json", NULL);
    g_autofree char *holidays = g_build_filename (dir, "holidays", "2025.json", NULL);
    g_autofree char *folder = g_build_filename (dir, "holidays", NULL);

    g_unlink (platforms);
    g_unlink (holidays);
    g_rmdir (folder);
    g_rmdir (dir);
  }
}

static void
test_window_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  GSettings *settings = sigap_application_get_settings (app);
  SigapWindow *window;
  SigapCalendarPage *calendar;
  SigapInboxPage *inbox;
  SigapReportPage *report;
  SigapNewPostWindow *composer;
  GtkWidget *title_row;

  seed (fixture);
  g_settings_reset (settings, "last-page");
  /* The agenda from today: the posts of the next days, whatever the
   * month's grid holds. */
  g_settings_set_string (settings, "calendar-view", "agenda");
  g_settings_set_string (settings, "calendar-date", "");

  window = sigap_window_new (app, fixture->store, NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_for_frame (GTK_WIDGET (window));

  g_assert_cmpstr (sigap_opd_get_name (sigap_window_get_opd (window)), ==, "Dinas Kesehatan");
  g_assert_cmpstr (sigap_window_get_visible_page (window), ==, "calendar");

  calendar = SIGAP_CALENDAR_PAGE (sigap_window_get_page (window, "calendar"));
  inbox = SIGAP_INBOX_PAGE (sigap_window_get_page (window, "inbox"));
  report = SIGAP_REPORT_PAGE (sigap_window_get_page (window, "report"));

  g_assert_cmpstr (sigap_calendar_page_get_state (calendar), ==, "list");
  g_assert_cmpuint (sigap_calendar_page_get_n_posts (calendar), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "inbox");
  sigap_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpstr (sigap_window_get_visible_page (window), ==, "inbox");
  g_assert_cmpstr (sigap_inbox_page_get_state (inbox), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (sigap_inbox_page_get_model (inbox)), ==, 3);

  g_settings_set_boolean (settings, "presentation-mode", TRUE);
  g_assert_true (sigap_inbox_page_get_presentation_mode (inbox));
  g_settings_reset (settings, "presentation-mode");
  g_assert_false (sigap_inbox_page_get_presentation_mode (inbox));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "report");
  sigap_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpstr (sigap_window_get_visible_page (window), ==, "report");
  g_assert_cmpstr (sigap_report_page_get_state (report), ==, "list");
  g_assert_cmpuint (sigap_report_page_get_n_reports (report), ==, 2);

  /* An unknown page changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "settings");
  g_assert_cmpstr (sigap_window_get_visible_page (window), ==, "report");

  /* Write: an empty title is refused and the window stays open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compose", NULL));
  composer = find_composer ();
  g_assert_nonnull (composer);
  sigap_test_wait_for_frame (GTK_WIDGET (composer));

  gtk_widget_activate_action (GTK_WIDGET (composer), "new-post.save", NULL);
  g_assert_nonnull (sigap_new_post_window_get_error (composer));
  g_assert_true (find_composer () == composer);
  g_assert_cmpint (sigap_store_count_posts (fixture->store, NULL), ==, 3);

  title_row = find_title_row (GTK_WIDGET (composer));
  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Cegah demam berdarah");
  g_assert_null (sigap_new_post_window_get_error (composer));

  gtk_widget_activate_action (GTK_WIDGET (composer), "new-post.save", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_composer ());
  g_assert_cmpint (sigap_store_count_posts (fixture->store, NULL), ==, 4);
  g_assert_cmpstr (sigap_window_get_visible_page (window), ==, "calendar");
  g_assert_cmpuint (sigap_calendar_page_get_n_posts (calendar), ==, 3);
  sigap_test_wait_for_frame (GTK_WIDGET (window));

  /* A day or an hour of the calendar asks for a post there: the composer
   * opens at that time. */
  {
    g_autoptr(GTimeZone) zone = sigap_opd_dup_zone (fixture->opd);
    g_autoptr(GDateTime) when = g_date_time_new (zone, 2031, 3, 4, 14, 0, 0);

    g_signal_emit_by_name (calendar, "create-post", when);
    composer = find_composer ();
    g_assert_nonnull (composer);
    title_row = find_title_row (GTK_WIDGET (composer));
    gtk_editable_set_text (GTK_EDITABLE (title_row), "Hari Bakti Rimbawan");
    gtk_widget_activate_action (GTK_WIDGET (composer), "new-post.save", NULL);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_null (find_composer ());
    g_assert_cmpint (sigap_store_count_posts (fixture->store, NULL), ==, 5);
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) posts = sigap_store_list_posts (fixture->store, NULL,
                                                           g_date_time_to_unix (when),
                                                           g_date_time_to_unix (when) + 1,
                                                           &error);

      g_assert_no_error (error);
      g_assert_cmpuint (posts->len, ==, 1);
    }
  }

  /* The window remembers its page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "inbox");
  close_window (GTK_WINDOW (window));
  {
    g_autofree char *page = g_settings_get_string (settings, "last-page");

    g_assert_cmpstr (page, ==, "inbox");
  }
}

static void
test_window_signed_out (Fixture       *fixture,
                        gconstpointer  data)
{
  GSettings *settings = sigap_application_get_settings (app);
  SigapWindow *window;

  window = sigap_window_new (app, fixture->store, NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_for_frame (GTK_WIDGET (window));

  g_assert_null (sigap_window_get_opd (window));
  g_assert_cmpstr (sigap_calendar_page_get_state (SIGAP_CALENDAR_PAGE (sigap_window_get_page (window, "calendar"))),
                   ==, "signed-out");
  g_assert_cmpstr (sigap_inbox_page_get_state (SIGAP_INBOX_PAGE (sigap_window_get_page (window, "inbox"))),
                   ==, "signed-out");
  g_assert_cmpstr (sigap_report_page_get_state (SIGAP_REPORT_PAGE (sigap_window_get_page (window, "report"))),
                   ==, "signed-out");

  /* Nobody to write as. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compose", NULL);
  g_assert_null (find_composer ());

  close_window (GTK_WINDOW (window));
}

static void
test_window_error (void)
{
  GSettings *settings = sigap_application_get_settings (app);
  g_autoptr(GError) error = NULL;
  SigapWindow *window;

  g_set_error_literal (&error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_CORRUPT,
                       "The database is damaged.");
  g_settings_set_string (settings, "last-page", "report");

  window = sigap_window_new (app, NULL, error, settings);
  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_for_frame (GTK_WIDGET (window));

  g_assert_cmpstr (sigap_window_get_visible_page (window), ==, "error");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compose", NULL);
  g_assert_null (find_composer ());

  /* A window that can't show pages keeps the last page it didn't show. */
  close_window (GTK_WINDOW (window));
  {
    g_autofree char *page = g_settings_get_string (settings, "last-page");

    g_assert_cmpstr (page, ==, "report");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GDK_BACKEND", "x11", FALSE);

  g_test_init (&argc, &argv, NULL);

  /* The files shipped with Sigap, from the source tree. */
  {
    g_autofree char *data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);

    g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);
  }

  app = sigap_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/format/labels", test_format);
  g_test_add_func ("/format/central-documents", test_format_central);
  g_test_add ("/window/pages", Fixture, NULL,
              fixture_set_up, test_window_pages, fixture_tear_down);
  g_test_add ("/window/signed-out", Fixture, NULL,
              fixture_set_up, test_window_signed_out, fixture_tear_down);
  g_test_add_func ("/window/error", test_window_error);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
