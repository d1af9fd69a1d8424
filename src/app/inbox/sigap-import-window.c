/* sigap-import-window.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-import-window.h"

/* Imports complaints from a CSV file into the inbox: an export of
 * SP4N-LAPOR! or a table of the admin's own making.
 *
 * The steps are those of sigap-complaint-import.c: the file is read in a
 * thread (a spinner meanwhile), the columns are mapped by the core's
 * guess and shown as one combo row per field, every change of a column
 * previews the whole file again, and "Import" stores every readable row
 * in one transaction. The preview and the commit use the store, whose
 * connection belongs to the main thread, so they run here; the preview
 * of 10,000 rows takes a tenth of a second. */

/* How many complaints the preview shows, and rows the problem list. */
#define PREVIEW_ROWS 10
#define MAX_PROBLEM_ROWS 100

#define EXCERPT_WORDS 16

struct _SigapImportWindow
{
  AdwWindow parent_instance;

  SigapStore *store;
  SigapOpd *opd;
  SigapUser *user;
  SigapWorkingDays *days;
  GTimeZone *zone;
  GCancellable *cancellable;

  GtkNativeDialog *chooser;
  GFile *file;
  SigapComplaintImport *import;
  SigapImportMapping mapping;
  gboolean previewed;
  gboolean updating;
  char *error;
  char *mapping_error;

  AdwComboRow *field_rows[SIGAP_IMPORT_N_FIELDS];
  AdwComboRow *channel_default_row;
  AdwComboRow *kind_default_row;

  /* Template widgets */
  GtkButton *import_button;
  GtkLabel *import_label;
  GtkStack *stack;
  GtkLabel *choose_error_label;
  GtkSpinner *spinner;
  GtkLabel *loading_label;
  GtkScrolledWindow *scroller;
  GtkLabel *error_label;
  AdwPreferencesGroup *file_group;
  AdwActionRow *recognised_row;
  AdwActionRow *count_row;
  AdwActionRow *notice_row;
  AdwPreferencesGroup *mapping_group;
  GtkLabel *mapping_error_label;
  AdwPreferencesGroup *preview_group;
  GtkListBox *preview_list;
  AdwPreferencesGroup *problems_group;
  GtkListBox *problem_list;
};

G_DEFINE_FINAL_TYPE (SigapImportWindow, sigap_import_window, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* {{{ Helpers */

static char *
strip_mnemonic (const char *text)
{
  g_autoptr(GString) stripped = g_string_new (text);

  g_string_replace (stripped, "_", "", 0);

  return g_string_free (g_steal_pointer (&stripped), FALSE);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* What the file says is text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

/* "Row 2 · 17 Jul 2025 09.15 · Instagram · Complaint · Roads ·
 * Kauman, Sukamaju": what the preview says under each complaint. The
 * citizen's name and contact are left out: the columns say where they
 * go, and the preview need not repeat them. */
static char *
describe_complaint (SigapComplaint *complaint,
                    guint           row,
                    GTimeZone      *zone)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  const char *kecamatan = sigap_complaint_get_kecamatan (complaint);
  const char *desa = sigap_complaint_get_desa (complaint);
  const char *category = sigap_complaint_get_category (complaint);
  SigapChannel channel = sigap_complaint_get_channel (complaint);
  SigapComplaintKind kind = sigap_complaint_get_kind (complaint);

  utc = g_date_time_new_from_unix_utc (sigap_complaint_get_received_at (complaint));
  local = g_date_time_to_timezone (utc, zone);
  date = sigap_format_date (local);
  time = sigap_format_time (local);

  /* Translators: a row of the file, as a spreadsheet numbers it */
  g_ptr_array_add (parts, g_strdup_printf (_("Row %u"), row));
  /* Translators: a date and a time, "17 Jul 2025 09.15" */
  g_ptr_array_add (parts, g_strdup_printf (C_("date and time", "%s %s"), date, time));
  g_ptr_array_add (parts, g_strdup (sigap_channel_to_label (channel)));
  g_ptr_array_add (parts, g_strdup (sigap_complaint_kind_to_label (kind)));
  if (category != NULL)
    g_ptr_array_add (parts, g_strdup (category));
  if (desa != NULL && kecamatan != NULL)
    /* Translators: a desa, then its kecamatan: "Kauman, Sukamaju" */
    g_ptr_array_add (parts, g_strdup_printf (C_("place", "%s, %s"), desa, kecamatan));
  else if (desa != NULL || kecamatan != NULL)
    g_ptr_array_add (parts, g_strdup (desa != NULL ? desa : kecamatan));
  g_ptr_array_add (parts, NULL);

  /* Translators: what separates the facts of a complaint in the preview */
  return g_strjoinv (C_("separator", " · "), (char **) parts->pdata);
}

/* What the window says when a file cannot be read: the core's own
 * sentence, or GIO's wrapped in one that says what to do. */
static char *
describe_load_error (GFile        *file,
                     const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (error->domain == SIGAP_CSV_ERROR || error->domain == SIGAP_COMPLAINT_IMPORT_ERROR)
    return g_strdup (error->message);

  /* Translators: %s is the file's name, the second %s what went wrong */
  return g_strdup_printf (_("“%s” cannot be read. Check that the file is still there and that "
                            "you may open it, then choose it again. (%s)"),
                          name, error->message);
}

/* }}} */

/* {{{ State */

static void
set_error (SigapImportWindow *self,
           const char        *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);

  /* One on the first page, one on the preview: whichever is shown. */
  gtk_label_set_label (self->choose_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->choose_error_label), message != NULL);
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_mapping_error (SigapImportWindow *self,
                   const char        *message)
{
  if (g_strcmp0 (self->mapping_error, message) == 0)
    return;

  g_free (self->mapping_error);
  self->mapping_error = g_strdup (message);
  gtk_label_set_label (self->mapping_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), message != NULL);
}

static void
update_actions (SigapImportWindow *self)
{
  gboolean idle = self->chooser == NULL;
  gboolean ready = g_strcmp0 (sigap_import_window_get_state (self), "preview") == 0 &&
                   self->previewed;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 idle && ready && sigap_import_window_get_n_importable (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", idle);
}

static void
update_import_button (SigapImportWindow *self)
{
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  if (self->previewed)
    {
      guint n = sigap_import_window_get_n_importable (self);

      label = g_strdup_printf (ngettext ("_Import %u Complaint", "_Import %u Complaints", n), n);
    }
  else
    {
      label = g_strdup (_("_Import"));
    }

  gtk_label_set_label (self->import_label, label);
  name = strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->import_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
show_page (SigapImportWindow *self,
           const char        *name)
{
  gboolean loading = g_strcmp0 (name, "loading") == 0;

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->spinner, loading);
  update_actions (self);
}

/* }}} */

/* {{{ The preview */

static void
fill_summary (SigapImportWindow *self)
{
  const char * const *notices = sigap_complaint_import_get_notices (self->import);
  const char *file_name = sigap_complaint_import_get_file_name (self->import);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gboolean lapor = self->mapping.preset == SIGAP_IMPORT_PRESET_LAPOR;

  if (file_name == NULL)
    name = g_file_get_basename (self->file);
  title = g_markup_escape_text (file_name != NULL ? file_name : name, -1);
  adw_preferences_group_set_title (self->file_group, title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->recognised_row),
                                 lapor ? _("An export of SP4N-LAPOR!")
                                       : _("A CSV file of your own"));
  adw_action_row_set_subtitle (self->recognised_row,
                               lapor ? _("The columns are matched by their names in "
                                         "SP4N-LAPOR!, and every complaint gets the channel "
                                         "SP4N-LAPOR!.")
                                     : _("The columns were guessed from their names: check "
                                         "them below."));

  if (notices != NULL && notices[0] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", (char **) notices);

      adw_action_row_set_subtitle (self->notice_row, text);
      gtk_widget_set_visible (GTK_WIDGET (self->notice_row), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->notice_row), FALSE);
    }
}

static void
fill_counts (SigapImportWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint n_rows;
  guint n_left_out;

  if (!self->previewed)
    {
      guint n_columns = sigap_complaint_import_get_n_columns (self->import);

      title = g_strdup_printf (ngettext ("%u column", "%u columns", n_columns), n_columns);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->count_row), title);
      adw_action_row_set_subtitle (self->count_row,
                                   _("Choose the columns below to see which rows can be "
                                     "imported."));
      return;
    }

  n_rows = sigap_complaint_import_get_n_rows (self->import);
  n_left_out = sigap_complaint_import_get_n_problem_rows (self->import);

  title = g_strdup_printf (ngettext ("%u row read", "%u rows read", n_rows), n_rows);
  /* Translators: how many rows of the file can be imported, and how many
   * cannot */
  subtitle = g_strdup_printf (_("%u can be imported, %u left out"),
                              sigap_import_window_get_n_importable (self), n_left_out);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->count_row), title);
  adw_action_row_set_subtitle (self->count_row, subtitle);
}

static void
fill_preview (SigapImportWindow *self)
{
  GPtrArray *complaints = NULL;
  g_autofree char *description = NULL;
  guint n_shown = 0;

  clear_list_box (self->preview_list);

  if (self->previewed)
    {
      complaints = sigap_complaint_import_get_complaints (self->import);
      n_shown = MIN (complaints->len, PREVIEW_ROWS);
    }

  for (guint i = 0; i < n_shown; i++)
    {
      SigapComplaint *complaint = g_ptr_array_index (complaints, i);
      guint row = sigap_complaint_import_get_complaint_row (self->import, i);
      g_autofree char *excerpt = sigap_format_excerpt (sigap_complaint_get_body (complaint),
                                                       EXCERPT_WORDS);
      g_autofree char *facts = describe_complaint (complaint, row, self->zone);
      GtkWidget *widget = new_row (excerpt, facts);

      adw_action_row_set_title_lines (ADW_ACTION_ROW (widget), 2);
      gtk_list_box_append (self->preview_list, widget);
    }

  if (complaints != NULL && complaints->len > n_shown)
    description = g_strdup_printf (_("The first %u of %u complaints, as they will be "
                                     "imported."),
                                   n_shown, complaints->len);
  else if (complaints != NULL && complaints->len > 0)
    description = g_strdup_printf (ngettext ("The complaint, as it will be imported.",
                                             "All %u complaints, as they will be imported.",
                                             complaints->len),
                                   complaints->len);
  adw_preferences_group_set_description (self->preview_group, description);
}

static GtkWidget *
new_problem_row (guint       row,
                 const char *messages)
{
  g_autofree char *title = g_strdup_printf (_("Row %u"), row);
  GtkWidget *widget = new_row (title, messages);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (widget), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, messages,
                                  -1);

  return widget;
}

/* One list row per row of the file, with every reason it is left out. */
static void
fill_problems (SigapImportWindow *self)
{
  GPtrArray *problems = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autofree char *description = NULL;
  guint n_shown = 0;
  guint n_hidden = 0;
  guint n_rows;

  clear_list_box (self->problem_list);

  if (self->previewed)
    problems = sigap_complaint_import_get_problems (self->import);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      SigapImportProblem *problem = g_ptr_array_index (problems, i);
      SigapImportProblem *next = i + 1 < problems->len ? g_ptr_array_index (problems, i + 1)
                                                       : NULL;

      if (messages->len > 0)
        g_string_append_c (messages, '\n');
      g_string_append (messages, problem->message);

      if (next != NULL && next->row == problem->row)
        continue;

      if (n_shown < MAX_PROBLEM_ROWS)
        {
          gtk_list_box_append (self->problem_list,
                               new_problem_row (problem->row, messages->str));
          n_shown++;
        }
      else
        {
          n_hidden++;
        }
      g_string_truncate (messages, 0);
    }

  if (n_hidden > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u more row is not shown",
                                                          "%u more rows are not shown",
                                                          n_hidden),
                                                n_hidden);

      gtk_list_box_append (self->problem_list,
                           new_row (title, _("Fix the rows above in the file and choose it "
                                             "again to see the rest.")));
    }

  n_rows = self->previewed ? sigap_complaint_import_get_n_problem_rows (self->import) : 0;
  if (n_rows > 0)
    description = g_strdup_printf (ngettext ("%u row cannot be imported. Fix it in the file and "
                                             "import the file again, or import the other rows "
                                             "now.",
                                             "%u rows cannot be imported. Fix them in the file "
                                             "and import the file again, or import the other "
                                             "rows now.",
                                             n_rows),
                                   n_rows);
  adw_preferences_group_set_description (self->problems_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n_shown > 0);
}

static void
run_preview (SigapImportWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (self->import != NULL);

  self->previewed = sigap_complaint_import_preview (self->import, &self->mapping, self->zone,
                                                    self->store, &error);
  set_mapping_error (self, error != NULL ? error->message : NULL);

  fill_counts (self);
  fill_preview (self);
  fill_problems (self);
  update_import_button (self);
  update_actions (self);
}

/* The combo rows from the mapping. */
static void
show_mapping (SigapImportWindow *self)
{
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);
  guint n_columns = sigap_complaint_import_get_n_columns (self->import);
  guint channel = 0;
  guint kind = 0;

  /* Translators: in the list of a file's columns, for a field that none
   * of them fills */
  gtk_string_list_append (columns, _("Not in the file"));
  for (guint i = 0; i < n_columns; i++)
    gtk_string_list_append (columns, sigap_complaint_import_get_column_name (self->import, i));

  for (guint i = 0; i < SIGAP_N_CHANNEL_CHOICES; i++)
    if ((int) sigap_channel_choices[i] == self->mapping.default_channel)
      channel = i + 1;
  for (guint i = 0; i < SIGAP_N_COMPLAINT_KIND_CHOICES; i++)
    if (sigap_complaint_kind_choices[i] == self->mapping.default_kind)
      kind = i;

  self->updating = TRUE;
  for (guint field = 0; field < SIGAP_IMPORT_N_FIELDS; field++)
    {
      adw_combo_row_set_model (self->field_rows[field], G_LIST_MODEL (columns));
      adw_combo_row_set_selected (self->field_rows[field], self->mapping.columns[field] + 1);
    }
  adw_combo_row_set_selected (self->channel_default_row, channel);
  adw_combo_row_set_selected (self->kind_default_row, kind);
  self->updating = FALSE;
}

/* The mapping from the combo rows. */
static void
read_mapping (SigapImportWindow *self)
{
  guint channel = adw_combo_row_get_selected (self->channel_default_row);
  guint kind = adw_combo_row_get_selected (self->kind_default_row);

  for (guint field = 0; field < SIGAP_IMPORT_N_FIELDS; field++)
    {
      guint selected = adw_combo_row_get_selected (self->field_rows[field]);

      self->mapping.columns[field] = selected == GTK_INVALID_LIST_POSITION || selected == 0
                                     ? SIGAP_IMPORT_NO_COLUMN
                                     : (int) selected - 1;
    }

  if (channel == GTK_INVALID_LIST_POSITION || channel == 0 || channel > SIGAP_N_CHANNEL_CHOICES)
    self->mapping.default_channel = SIGAP_IMPORT_NO_CHANNEL;
  else
    self->mapping.default_channel = sigap_channel_choices[channel - 1];

  self->mapping.default_kind =
    sigap_complaint_kind_choices[MIN (kind, SIGAP_N_COMPLAINT_KIND_CHOICES - 1)];
}

static void
mapping_changed_cb (SigapImportWindow *self)
{
  if (self->updating || self->import == NULL)
    return;

  read_mapping (self);
  run_preview (self);
}

/* }}} */

/* {{{ Reading the file */

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SigapImportWindow) self = user_data;
  g_autoptr(SigapComplaintImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = sigap_complaint_import_new_from_file_finish (result, &error);

  /* A newer file, or the window closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (import == NULL)
    {
      g_autofree char *message = describe_load_error (self->file, error);

      g_message ("Cannot read the file to import: %s", error->message);
      set_error (self, message);
      show_page (self, "choose");
      return;
    }

  self->import = g_steal_pointer (&import);

  if (sigap_complaint_import_detect_preset (self->import) == SIGAP_IMPORT_PRESET_LAPOR)
    sigap_complaint_import_map_lapor (self->import, &self->mapping);
  else
    sigap_complaint_import_guess_mapping (self->import, &self->mapping);

  set_error (self, NULL);
  fill_summary (self);
  show_mapping (self);
  show_page (self, "preview");
  run_preview (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* }}} */

/* {{{ Actions */

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
chooser_response_cb (SigapImportWindow *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_signal_handlers_disconnect_by_data (chooser, self);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  update_actions (self);

  if (file != NULL)
    sigap_import_window_open_file (self, file);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SigapImportWindow *self = SIGAP_IMPORT_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv = NULL;
  g_autoptr(GtkFileFilter) all = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *chooser;
  const char *downloads;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  csv = gtk_file_filter_new ();
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);

  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), csv);

  /* Where a browser puts SP4N-LAPOR!'s export, or home. */
  downloads = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);
  if (downloads == NULL || !g_file_test (downloads, G_FILE_TEST_IS_DIR))
    downloads = g_get_home_dir ();
  folder = g_file_new_for_path (downloads);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  update_actions (self);
  gtk_native_dialog_show (self->chooser);
}

G_GNUC_END_IGNORE_DEPRECATIONS

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SigapImportWindow *self = SIGAP_IMPORT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  int n;

  if (self->import == NULL || !self->previewed ||
      sigap_import_window_get_n_importable (self) == 0)
    return;

  /* One transaction: all the rows or none, and on failure the import
   * stays as it was, ready to be tried again. */
  n = sigap_complaint_import_commit (self->import, self->store, sigap_opd_get_id (self->opd),
                                     sigap_user_get_id (self->user), self->days, self->zone,
                                     &error);
  if (n < 0)
    {
      g_message ("Cannot import the complaints: %s", error->message);
      set_error (self, error->message);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      return;
    }

  set_error (self, NULL);
  g_signal_emit (self, signals[IMPORTED], 0, (guint) n);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* }}} */

static void
sigap_import_window_dispose (GObject *object)
{
  SigapImportWindow *self = (SigapImportWindow *)object;

  g_cancellable_cancel (self->cancellable);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_IMPORT_WINDOW);

  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->store);
  g_clear_object (&self->opd);
  g_clear_object (&self->user);
  g_clear_pointer (&self->days, sigap_working_days_unref);

  G_OBJECT_CLASS (sigap_import_window_parent_class)->dispose (object);
}

static void
sigap_import_window_finalize (GObject *object)
{
  SigapImportWindow *self = (SigapImportWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->mapping_error, g_free);

  G_OBJECT_CLASS (sigap_import_window_parent_class)->finalize (object);
}

static void
sigap_import_window_class_init (SigapImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_import_window_dispose;
  object_class->finalize = sigap_import_window_finalize;

  /**
   * SigapImportWindow::imported:
   * @self: the window
   * @n_imported: how many complaints were stored
   *
   * Emitted when the complaints were stored, in one transaction, just
   * before the window closes.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, choose_error_label);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, file_group);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, recognised_row);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, count_row);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, notice_row);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, mapping_error_label);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, preview_group);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, preview_list);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, SigapImportWindow, problem_list);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "import.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "import.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.choose-file", NULL);
}

static AdwComboRow *
add_combo_row (SigapImportWindow *self,
               const char        *title,
               const char        *subtitle)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  if (subtitle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                    -1);
  g_signal_connect_object (row, "notify::selected",
                           G_CALLBACK (mapping_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->mapping_group, GTK_WIDGET (row));

  return row;
}

static void
sigap_import_window_init (SigapImportWindow *self)
{
  g_autoptr(GtkStringList) channel_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  sigap_import_mapping_init (&self->mapping);

  /* Translators: no channel for the rows of a file that name none */
  gtk_string_list_append (channel_names, C_("channel", "None"));
  for (guint i = 0; i < SIGAP_N_CHANNEL_CHOICES; i++)
    gtk_string_list_append (channel_names, sigap_channel_to_label (sigap_channel_choices[i]));
  for (guint i = 0; i < SIGAP_N_COMPLAINT_KIND_CHOICES; i++)
    gtk_string_list_append (kind_names,
                            sigap_complaint_kind_to_label (sigap_complaint_kind_choices[i]));

  /* One row per field, in the core's order; the channel and the type
   * are followed by what a row that leaves them empty gets. */
  for (guint field = 0; field < SIGAP_IMPORT_N_FIELDS; field++)
    {
      self->field_rows[field] =
        add_combo_row (self, sigap_import_field_get_label (field),
                       sigap_import_field_is_required (field) ? _("Required") : NULL);

      if (field == SIGAP_IMPORT_FIELD_CHANNEL)
        {
          self->channel_default_row =
            add_combo_row (self, _("Channel of rows without one"),
                           _("Required when no column holds the channel"));
          adw_combo_row_set_model (self->channel_default_row, G_LIST_MODEL (channel_names));
        }
      else if (field == SIGAP_IMPORT_FIELD_KIND)
        {
          self->kind_default_row = add_combo_row (self, _("Type of rows without one"), NULL);
          adw_combo_row_set_model (self->kind_default_row, G_LIST_MODEL (kind_names));
        }
    }

  update_import_button (self);
  show_page (self, "choose");
}

/**
 * sigap_import_window_new:
 * @parent: (nullable): the window to stay on top of
 * @store: where the complaints go
 * @opd: the agency they go to; its zone reads dates that name none
 * @user: who imports them, the actor of their first timeline event
 * @days: (nullable): the working-day calendar their first deadline
 *   counts in, or %NULL for weekends only
 *
 * The window starts by offering to choose a file; see
 * sigap_import_window_open_file() to give it one.
 *
 * Returns: (transfer none): a new window
 */
SigapImportWindow *
sigap_import_window_new (GtkWindow        *parent,
                         SigapStore       *store,
                         SigapOpd         *opd,
                         SigapUser        *user,
                         SigapWorkingDays *days)
{
  SigapImportWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);
  g_return_val_if_fail (SIGAP_IS_OPD (opd), NULL);
  g_return_val_if_fail (SIGAP_IS_USER (user), NULL);

  self = g_object_new (SIGAP_TYPE_IMPORT_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->opd = g_object_ref (opd);
  self->user = g_object_ref (user);
  self->days = days != NULL ? sigap_working_days_ref (days) : NULL;
  self->zone = sigap_opd_dup_zone (opd);

  return self;
}

/**
 * sigap_import_window_open_file:
 * @self: a #SigapImportWindow
 * @file: a CSV file
 *
 * Reads @file in a thread, with a spinner meanwhile, then shows its
 * columns and preview; a file that cannot be read brings back the first
 * step with a sentence that says why. A file still being read is
 * forgotten.
 */
void
sigap_import_window_open_file (SigapImportWindow *self,
                               GFile             *file)
{
  g_autofree char *name = NULL;
  g_autofree char *loading = NULL;

  g_return_if_fail (SIGAP_IS_IMPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->file, file);
  g_clear_object (&self->import);
  self->previewed = FALSE;
  sigap_import_mapping_init (&self->mapping);
  set_error (self, NULL);
  set_mapping_error (self, NULL);
  update_import_button (self);

  name = g_file_get_basename (file);
  /* Translators: %s is the name of a file */
  loading = g_strdup_printf (_("Reading “%s”…"), name);
  gtk_label_set_label (self->loading_label, loading);
  show_page (self, "loading");

  sigap_complaint_import_new_from_file_async (file, self->cancellable, file_loaded_cb,
                                              g_object_ref (self));
}

/**
 * sigap_import_window_choose_file:
 * @self: a #SigapImportWindow
 *
 * Opens the file chooser, as the "Choose File…" button does.
 */
void
sigap_import_window_choose_file (SigapImportWindow *self)
{
  g_return_if_fail (SIGAP_IS_IMPORT_WINDOW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "import.choose-file", NULL);
}

/**
 * sigap_import_window_get_state:
 * @self: a #SigapImportWindow
 *
 * Returns: "choose" (no file yet, or one that could not be read),
 *   "loading" (a file being read) or "preview"
 */
const char *
sigap_import_window_get_state (SigapImportWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_IMPORT_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * sigap_import_window_get_import:
 * @self: a #SigapImportWindow
 *
 * Returns: (transfer none) (nullable): the file read, with the preview
 *   of the columns chosen
 */
SigapComplaintImport *
sigap_import_window_get_import (SigapImportWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_IMPORT_WINDOW (self), NULL);

  return self->import;
}

/**
 * sigap_import_window_get_n_importable:
 * @self: a #SigapImportWindow
 *
 * Returns: how many complaints "Import" would store now
 */
guint
sigap_import_window_get_n_importable (SigapImportWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_IMPORT_WINDOW (self), 0);

  if (self->import == NULL || !self->previewed)
    return 0;

  return sigap_complaint_import_get_complaints (self->import)->len;
}

/**
 * sigap_import_window_get_error:
 * @self: a #SigapImportWindow
 *
 * Returns: (nullable): what the window says went wrong: with the file or
 *   the import first, else with the columns chosen
 */
const char *
sigap_import_window_get_error (SigapImportWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_IMPORT_WINDOW (self), NULL);

  return self->error != NULL ? self->error : self->mapping_error;
}
