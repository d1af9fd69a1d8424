/* test-import-window.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window that imports complaints from a CSV file, in-process, on a
 * temporary database: a file of good and broken rows read in a thread,
 * what was recognised, the preview and the rows left out, a column
 * changed, a failed import that loses nothing, the import itself, and
 * the same file again found as duplicates. Needs a display
 * (GDK_BACKEND=x11 under Xvfb). */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sigap-import-window.h"

#include "sigap-test-utils.h"
#include "sigap-test-widget.h"

/* Rows 2, 6 and 7 are good; 3 has a channel Sigap does not know, 4 no
 * text, 5 a date that does not exist. Row 6 has characters that markup
 * would take for its own. */
static const char csv_text[] =
  "Tanggal,Kanal,Isi Aduan,Kecamatan,Desa,Jenis,Catatan\n"
  "17/07/2025 09:15,Instagram,Jalan rusak di depan pasar,Sukamaju,Kauman,Pengaduan,"
  "Infrastruktur\n"
  "17/07/2025 10:00,WhatsApp,Lampu jalan mati,Karangrejo,Jatisari,,Penerangan\n"
  "18/07/2025 08:00,Facebook,,Ngadirejo,Gedangan,,Kesehatan\n"
  "32/13/2025 10:00,X,Sampah menumpuk,Sidomulyo,Wonorejo,,Kebersihan\n"
  "19/07/2025 11:30,TikTok,Air PDAM keruh & bau <b>sekali</b>,Tegalsari,Tegalrejo,Aspirasi,"
  "Air Bersih\n"
  "21/07/2025 14:22,Langsung,Antrean KTP panjang,Banyuurip,Banyusari,Permintaan Informasi,"
  "Kependudukan\n";

typedef struct
{
  char *dir;
  char *path;
  char *csv_path;
  SigapStore *store;
  SigapOpd *opd;
  SigapUser *user;
  GtkWindow *parent;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = sigap_test_make_tmpdir ();
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

  fixture->csv_path = g_build_filename (fixture->dir, "aduan-juli.csv", NULL);
  g_file_set_contents (fixture->csv_path, csv_text, -1, &error);
  g_assert_no_error (error);

  fixture->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (fixture->parent);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->parent);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&fixture->opd);
  g_clear_object (&fixture->user);
  g_clear_object (&fixture->store);
  sigap_test_rm_rf (fixture->dir);
  g_free (fixture->csv_path);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
exec (SigapStore *store,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (sigap_store_get_connection (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* {{{ Finding widgets */

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static AdwComboRow *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_combo_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The action rows of a list, in order. */
static GPtrArray *
list_rows (SigapImportWindow *window,
           const char        *list_name)
{
  GtkWidget *list = find_named (GTK_WIDGET (window), list_name);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (list);
  g_assert_true (GTK_IS_LIST_BOX (list));

  for (int i = 0; gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i) != NULL; i++)
    g_ptr_array_add (rows, gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i));

  return rows;
}

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
row_subtitle (gpointer row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* What a key does: the window's own shortcut for @accelerator,
 * activated as the key would. */
static void
press (SigapImportWindow *window,
       const char        *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accelerator) != 0)
            continue;

          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       GTK_WIDGET (window),
                                                       gtk_shortcut_get_arguments (shortcut)));
          return;
        }
    }

  g_error ("No shortcut %s", accelerator);
}

/* }}} */

static void
imported_cb (SigapImportWindow *window,
             guint              n_imported,
             int               *result)
{
  *result = (int) n_imported;
}

static SigapImportWindow *
open_window (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SigapImportWindow *window;

  window = sigap_import_window_new (fixture->parent, fixture->store, fixture->opd,
                                    fixture->user, NULL);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == fixture->parent);
  g_assert_cmpstr (sigap_import_window_get_state (window), ==, "choose");

  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_for_frame (GTK_WIDGET (window));

  sigap_import_window_open_file (window, file);
  g_assert_cmpstr (sigap_import_window_get_state (window), ==, "loading");
  while (g_strcmp0 (sigap_import_window_get_state (window), "loading") == 0)
    g_main_context_iteration (NULL, TRUE);
  settle ();

  return window;
}

static gboolean
problems_mention (SigapImportWindow *window,
                  guint              row,
                  const char        *text)
{
  g_autoptr(GPtrArray) rows = list_rows (window, "problem-list");
  g_autofree char *title = g_strdup_printf ("Row %u", row);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (row_title (rows->pdata[i]), title) == 0 &&
        strstr (row_subtitle (rows->pdata[i]), text) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  SigapImportWindow *window = open_window (fixture, fixture->csv_path);
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *text_row;
  AdwComboRow *category_row;
  int imported = -1;

  g_signal_connect (window, "imported", G_CALLBACK (imported_cb), &imported);

  g_assert_cmpstr (sigap_import_window_get_state (window), ==, "preview");
  g_assert_null (sigap_import_window_get_error (window));
  g_assert_nonnull (sigap_import_window_get_import (window));

  /* Recognised as the admin's own file; the columns guessed. */
  g_assert_cmpint (sigap_complaint_import_detect_preset (sigap_import_window_get_import (window)),
                   ==, SIGAP_IMPORT_PRESET_CUSTOM);
  text_row = find_combo_row (GTK_WIDGET (window),
                             sigap_import_field_get_label (SIGAP_IMPORT_FIELD_BODY));
  category_row = find_combo_row (GTK_WIDGET (window),
                                 sigap_import_field_get_label (SIGAP_IMPORT_FIELD_CATEGORY));
  g_assert_nonnull (text_row);
  g_assert_nonnull (category_row);
  /* "Not in the file", then the columns: "Isi Aduan" is the third. */
  g_assert_cmpuint (adw_combo_row_get_selected (text_row), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (category_row), ==, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (text_row),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Text");

  /* The preview: the three good rows, in the file's order. */
  g_assert_cmpuint (sigap_import_window_get_n_importable (window), ==, 3);
  preview = list_rows (window, "preview-list");
  g_assert_cmpuint (preview->len, ==, 3);
  g_assert_cmpstr (row_title (preview->pdata[0]), ==, "Jalan rusak di depan pasar");
  g_assert_true (g_str_has_prefix (row_subtitle (preview->pdata[0]),
                                   "Row 2 · 17 Jul 2025 09:15 · Instagram · "));
  g_assert_nonnull (strstr (row_subtitle (preview->pdata[0]), "Kauman, Sukamaju"));
  g_assert_cmpstr (row_title (preview->pdata[1]), ==, "Air PDAM keruh & bau <b>sekali</b>");
  g_assert_true (g_str_has_prefix (row_subtitle (preview->pdata[1]), "Row 6 · "));
  g_assert_true (g_str_has_prefix (row_subtitle (preview->pdata[2]), "Row 7 · "));
  g_clear_pointer (&preview, g_ptr_array_unref);

  /* The rows left out, each with its number and why. */
  problems = list_rows (window, "problem-list");
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_true (problems_mention (window, 3, "the channel “WhatsApp”"));
  g_assert_true (problems_mention (window, 4, "the text of the complaint"));
  g_assert_true (problems_mention (window, 5, "cannot be read"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The button says how many. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_named (GTK_WIDGET (window),
                                                                   "import-button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Import 3 Complaints");

  /* A column changed: the category comes from "Catatan", the seventh. */
  adw_combo_row_set_selected (category_row, 7);
  preview = list_rows (window, "preview-list");
  g_assert_cmpuint (preview->len, ==, 3);
  g_assert_nonnull (strstr (row_subtitle (preview->pdata[0]), " · Infrastruktur · "));
  g_assert_nonnull (strstr (row_subtitle (preview->pdata[2]), " · Kependudukan · "));
  g_clear_pointer (&preview, g_ptr_array_unref);

  /* No text column: nothing can be imported, and the window says why. */
  adw_combo_row_set_selected (text_row, 0);
  g_assert_cmpstr (sigap_import_window_get_error (window), ==,
                   "Choose the column that holds the text of the complaints.");
  g_assert_cmpuint (sigap_import_window_get_n_importable (window), ==, 0);
  preview = list_rows (window, "preview-list");
  g_assert_cmpuint (preview->len, ==, 0);
  g_clear_pointer (&preview, g_ptr_array_unref);
  gtk_widget_activate_action (GTK_WIDGET (window), "import.import", NULL);
  g_assert_cmpint (imported, ==, -1);
  g_assert_cmpint (sigap_store_count_complaints (fixture->store, NULL), ==, 0);

  adw_combo_row_set_selected (text_row, 3);
  g_assert_null (sigap_import_window_get_error (window));
  g_assert_cmpuint (sigap_import_window_get_n_importable (window), ==, 3);

  /* The store refuses the second complaint: nothing is written, the
   * window stays with a sentence, and the same import goes through once
   * the cause is gone. */
  exec (fixture->store, "CREATE TEMP TRIGGER fail_second BEFORE INSERT ON main.complaint "
                        "WHEN (SELECT count(*) FROM main.complaint) >= 1 "
                        "BEGIN SELECT RAISE (ABORT, 'injected failure'); END");
  gtk_widget_activate_action (GTK_WIDGET (window), "import.import", NULL);
  g_assert_cmpint (imported, ==, -1);
  g_assert_nonnull (sigap_import_window_get_error (window));
  g_assert_true (g_str_has_prefix (sigap_import_window_get_error (window),
                                   "Nothing was imported: row 6 cannot be saved."));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpint (sigap_store_count_complaints (fixture->store, NULL), ==, 0);
  g_assert_cmpuint (sigap_import_window_get_n_importable (window), ==, 3);
  exec (fixture->store, "DROP TRIGGER fail_second");

  /* Ctrl+Enter, as the button: the window closes after saying how many. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  press (window, "<Control>Return");
  g_assert_cmpint (imported, ==, 3);
  settle ();
  g_assert_null (window);

  /* Exactly the good rows, as the mapping said. */
  g_assert_cmpint (sigap_store_count_complaints (fixture->store, NULL), ==, 3);
  stored = sigap_store_list_complaints (fixture->store, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 3);
  for (guint i = 0; i < stored->len; i++)
    {
      SigapComplaint *complaint = g_ptr_array_index (stored, i);
      const char *body = sigap_complaint_get_body (complaint);

      g_assert_true (g_str_equal (body, "Jalan rusak di depan pasar") ||
                     g_str_equal (body, "Air PDAM keruh & bau <b>sekali</b>") ||
                     g_str_equal (body, "Antrean KTP panjang"));
      g_assert_nonnull (sigap_complaint_get_category (complaint));
      g_assert_cmpstr (sigap_complaint_get_opd_id (complaint), ==,
                       sigap_opd_get_id (fixture->opd));
      g_assert_cmpint (sigap_complaint_get_status (complaint), ==,
                       SIGAP_COMPLAINT_STATUS_RECEIVED);
    }

  /* The same file again: every good row is a duplicate now. */
  window = open_window (fixture, fixture->csv_path);
  g_assert_cmpstr (sigap_import_window_get_state (window), ==, "preview");
  g_assert_cmpuint (sigap_import_window_get_n_importable (window), ==, 0);
  g_assert_true (problems_mention (window, 2, "is already in Sigap as ADU-2025-"));
  g_assert_true (problems_mention (window, 6, "is already in Sigap as ADU-2025-"));
  g_assert_true (problems_mention (window, 7, "is already in Sigap as ADU-2025-"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_named (GTK_WIDGET (window),
                                                                   "import-button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Import 0 Complaints");
  gtk_widget_activate_action (GTK_WIDGET (window), "import.import", NULL);
  g_assert_cmpint (sigap_store_count_complaints (fixture->store, NULL), ==, 3);

  /* Escape closes it, importing nothing. */
  imported = -1;
  g_signal_connect (window, "imported", G_CALLBACK (imported_cb), &imported);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  press (window, "Escape");
  settle ();
  g_assert_null (window);
  g_assert_cmpint (imported, ==, -1);
  g_assert_cmpint (sigap_store_count_complaints (fixture->store, NULL), ==, 3);
}

static void
test_lapor (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lapor-sample.csv", NULL);
  SigapImportWindow *window = open_window (fixture, path);
  g_autoptr(GPtrArray) preview = NULL;

  g_assert_cmpstr (sigap_import_window_get_state (window), ==, "preview");
  g_assert_cmpuint (sigap_import_window_get_n_importable (window), ==, 7);
  preview = list_rows (window, "preview-list");
  g_assert_cmpuint (preview->len, ==, 7);
  g_assert_nonnull (strstr (row_subtitle (preview->pdata[0]), " · SP4N-LAPOR! · "));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_cmpint (sigap_store_count_complaints (fixture->store, NULL), ==, 0);
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "tidak-ada.csv", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "kosong.csv", NULL);
  SigapImportWindow *window = open_window (fixture, missing);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  /* Back to the first step, with a sentence. */
  g_assert_cmpstr (sigap_import_window_get_state (window), ==, "choose");
  g_assert_true (g_str_has_prefix (sigap_import_window_get_error (window),
                                   "“tidak-ada.csv” cannot be read."));
  g_assert_null (sigap_import_window_get_import (window));

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (empty);
  sigap_import_window_open_file (window, file);
  while (g_strcmp0 (sigap_import_window_get_state (window), "loading") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (sigap_import_window_get_state (window), ==, "choose");
  g_assert_true (g_str_has_prefix (sigap_import_window_get_error (window), "The file is empty"));

  /* A good file after a bad one. */
  g_clear_object (&file);
  file = g_file_new_for_path (fixture->csv_path);
  sigap_import_window_open_file (window, file);
  while (g_strcmp0 (sigap_import_window_get_state (window), "loading") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (sigap_import_window_get_state (window), ==, "preview");
  g_assert_null (sigap_import_window_get_error (window));
  g_assert_cmpuint (sigap_import_window_get_n_importable (window), ==, 3);

  /* Closing while a file is read forgets it. */
  sigap_import_window_open_file (window, file);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
test_many_problems (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Tanggal;Kanal;Isi\n");
  g_autofree char *path = g_build_filename (fixture->dir, "banyak.csv", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  SigapImportWindow *window;
  GtkListBoxRow *last;

  /* 150 rows with a broken date, one with no text either, one good. */
  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "%u/13/2025 10:00;IG;Aduan nomor %u\n", 1 + i % 28, i);
  g_string_append (text, "99/99/2025;IG;\n");
  g_string_append (text, "17/07/2025 10:00;IG;Aduan yang baik\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  window = open_window (fixture, path);
  g_assert_cmpuint (sigap_import_window_get_n_importable (window), ==, 1);
  g_assert_cmpuint (sigap_complaint_import_get_n_problem_rows (
                      sigap_import_window_get_import (window)), ==, 151);

  /* A hundred rows of the file, then how many more. */
  problems = list_rows (window, "problem-list");
  g_assert_cmpuint (problems->len, ==, 101);
  last = problems->pdata[100];
  g_assert_cmpstr (row_title (last), ==, "51 more rows are not shown");

  /* The row with two problems is one entry with both sentences. */
  g_assert_true (problems_mention (window, 2, "cannot be read"));
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();

  g_string_assign (text, "Tanggal;Kanal;Isi\n99/99/2025;IG;\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  window = open_window (fixture, path);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = list_rows (window, "problem-list");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (row_subtitle (problems->pdata[0]), "the text of the complaint"));
  g_assert_nonnull (strstr (row_subtitle (problems->pdata[0]), "\nRow 2: the date"));
  g_assert_false (gtk_widget_is_sensitive (find_named (GTK_WIDGET (window), "import-button")));
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GDK_BACKEND", "x11", FALSE);
  /* Accessible properties kept where the test can read them, with no
   * AT-SPI bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/import-window/import", Fixture, NULL, fixture_set_up, test_import,
              fixture_tear_down);
  g_test_add ("/import-window/lapor", Fixture, NULL, fixture_set_up, test_lapor,
              fixture_tear_down);
  g_test_add ("/import-window/many-problems", Fixture, NULL, fixture_set_up,
              test_many_problems, fixture_tear_down);
  g_test_add ("/import-window/unreadable", Fixture, NULL, fixture_set_up, test_unreadable,
              fixture_tear_down);

  return g_test_run ();
}
