/* sigap-export-window.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-export-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-export-window.h"
#include "sigap-format.h"
#include "sigap-ical.h"

/* Choose a range of the schedule, then a file, and write the agency's
 * posts of that range as iCalendar. The file chooser is the native one:
 * the portal in a sandbox, GTK's own dialog elsewhere. */

struct _SigapExportWindow
{
  AdwWindow parent_instance;

  SigapStore *store;
  SigapOpd *opd;
  GTimeZone *zone;
  GCancellable *cancellable;

  /* The custom range, the first and last day included, each at the start
   * of its day in the agency's zone. */
  GDateTime *first_day;
  GDateTime *last_day;

  GtkNativeDialog *chooser;
  GFile *pending_file;
  char *error;
  gboolean error_is_range;
  gboolean updating_calendars;

  /* Template widgets */
  AdwPreferencesGroup *range_group;
  AdwActionRow *this_month_row;
  AdwActionRow *next_month_row;
  AdwActionRow *dates_row;
  AdwActionRow *from_row;
  AdwActionRow *to_row;
  GtkCheckButton *this_month_check;
  GtkCheckButton *next_month_check;
  GtkCheckButton *dates_check;
  GtkMenuButton *from_button;
  GtkMenuButton *to_button;
  GtkCalendar *from_calendar;
  GtkCalendar *to_calendar;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (SigapExportWindow, sigap_export_window, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const SigapIcalLabels ical_labels = {
  .category = sigap_content_category_to_label,
  .platform = sigap_platform_to_label,
  .status = sigap_post_status_to_label,
};

/* {{{ Pure helpers */

static GDateTime *
day_start (GDateTime *datetime)
{
  return g_date_time_new (g_date_time_get_timezone (datetime),
                          g_date_time_get_year (datetime),
                          g_date_time_get_month (datetime),
                          g_date_time_get_day_of_month (datetime),
                          0, 0, 0);
}

/**
 * sigap_export_range_bounds:
 * @range: which part of the schedule
 * @now: the current time, in the agency's zone
 * @first_day: (nullable): for %SIGAP_EXPORT_RANGE_DATES, the first day
 * @last_day: (nullable): for %SIGAP_EXPORT_RANGE_DATES, the last day,
 *   included
 * @from: (out) (optional): the start of the range
 * @to: (out) (optional): the end of the range, excluded
 *
 * Every day is read in its own zone; the bounds are at midnight.
 *
 * Returns: %FALSE when the last day is before the first
 */
gboolean
sigap_export_range_bounds (SigapExportRange   range,
                           GDateTime         *now,
                           GDateTime         *first_day,
                           GDateTime         *last_day,
                           GDateTime        **from,
                           GDateTime        **to)
{
  g_autoptr(GDateTime) month = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (now != NULL, FALSE);

  month = g_date_time_new (g_date_time_get_timezone (now),
                           g_date_time_get_year (now), g_date_time_get_month (now), 1,
                           0, 0, 0);

  switch (range)
    {
    case SIGAP_EXPORT_RANGE_THIS_MONTH:
      start = g_date_time_ref (month);
      end = g_date_time_add_months (month, 1);
      break;

    case SIGAP_EXPORT_RANGE_NEXT_MONTH:
      start = g_date_time_add_months (month, 1);
      end = g_date_time_add_months (month, 2);
      break;

    case SIGAP_EXPORT_RANGE_DATES:
      {
        g_autoptr(GDateTime) last = NULL;

        g_return_val_if_fail (first_day != NULL && last_day != NULL, FALSE);

        start = day_start (first_day);
        last = day_start (last_day);
        end = g_date_time_add_days (last, 1);
      }
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  if (g_date_time_compare (end, start) <= 0)
    return FALSE;

  if (from != NULL)
    *from = g_steal_pointer (&start);
  if (to != NULL)
    *to = g_steal_pointer (&end);

  return TRUE;
}

/**
 * sigap_export_suggest_filename:
 * @opd: the agency
 * @from: the start of the range
 *
 * Returns: (transfer full): the name the file chooser suggests, as in
 *   "jadwal-dinkes-2025-07.ics", with the agency's code made safe for a
 *   file name
 */
char *
sigap_export_suggest_filename (SigapOpd  *opd,
                               GDateTime *from)
{
  g_autoptr(GString) code = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (SIGAP_IS_OPD (opd), NULL);
  g_return_val_if_fail (from != NULL, NULL);

  for (p = sigap_opd_get_code (opd); p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (code, g_ascii_tolower (*p));
      else if (code->len > 0 && code->str[code->len - 1] != '-')
        g_string_append_c (code, '-');
    }

  while (code->len > 0 && code->str[code->len - 1] == '-')
    g_string_truncate (code, code->len - 1);

  if (code->len == 0)
    g_string_append (code, "opd");

  /* Translators: the start of the file name of an exported schedule,
   * "jadwal-dinkes-2025-07.ics"; keep it one lower-case word */
  return g_strdup_printf ("%s-%s-%04d-%02d.ics", C_("file name", "schedule"), code->str,
                          g_date_time_get_year (from), g_date_time_get_month (from));
}

/* }}} */

/* {{{ Export */

typedef struct
{
  GFile *file;
  GPtrArray *posts;
  SigapOpd *opd;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->posts, g_ptr_array_unref);
  g_clear_object (&data->opd);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (sigap_ical_write_posts (data->file, data->posts, data->opd, &ical_labels,
                              cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sigap_export_schedule_async:
 * @store: where the posts are
 * @opd: the agency whose posts are exported
 * @from: the start of the range
 * @to: the end of the range, excluded
 * @file: the file to write, replaced whole or not at all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes every post of @opd scheduled in the range, whatever its status,
 * as an iCalendar file. The posts are read before this returns; the file
 * is written in a thread.
 */
void
sigap_export_schedule_async (SigapStore          *store,
                             SigapOpd            *opd,
                             GDateTime           *from,
                             GDateTime           *to,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  GError *error = NULL;
  ExportData *data;

  g_return_if_fail (SIGAP_IS_STORE (store));
  g_return_if_fail (SIGAP_IS_OPD (opd));
  g_return_if_fail (from != NULL && to != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_export_schedule_async);

  /* The store's connection belongs to this thread. */
  posts = sigap_store_list_posts (store, sigap_opd_get_id (opd),
                                  g_date_time_to_unix (from), g_date_time_to_unix (to),
                                  &error);
  if (posts == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (ExportData, 1);
  data->file = g_object_ref (file);
  data->posts = g_steal_pointer (&posts);
  data->opd = sigap_opd_copy (opd);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * sigap_export_schedule_finish:
 * @result: the result given to the callback
 * @n_posts: (out) (optional): how many posts the file holds
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
sigap_export_schedule_finish (GAsyncResult  *result,
                              guint         *n_posts,
                              GError       **error)
{
  ExportData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sigap_export_schedule_async,
                        FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (n_posts != NULL)
    *n_posts = data->posts->len;

  return TRUE;
}

/* }}} */

/* GTK 4.8 names a widget after a row it is labelled by only when the
 * row has a label of its own; the row's title, without its mnemonic,
 * names the widget instead. */
static void
label_by_row (GtkWidget    *widget,
              AdwActionRow *row)
{
  g_autoptr(GString) label = NULL;

  label = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_string_replace (label, "_", "", 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);
}

static void
set_error (SigapExportWindow *self,
           const char        *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_state (SigapExportWindow *self)
{
  gboolean valid = sigap_export_window_get_bounds (self, NULL, NULL);
  gboolean busy = self->chooser != NULL || self->pending_file != NULL;

  /* What went wrong with the last export stays until the next one. */
  if (!valid)
    {
      set_error (self, _("The last day is before the first day. Choose a last day on or after "
                         "the first."));
      self->error_is_range = TRUE;
    }
  else if (self->error_is_range)
    {
      set_error (self, NULL);
      self->error_is_range = FALSE;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", valid && !busy);
}

static void
update_dates (SigapExportWindow *self)
{
  g_autofree char *first = sigap_format_date (self->first_day);
  g_autofree char *last = sigap_format_date (self->last_day);

  gtk_menu_button_set_label (self->from_button, first);
  gtk_menu_button_set_label (self->to_button, last);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, first,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, last,
                                  -1);

  self->updating_calendars = TRUE;
  gtk_calendar_select_day (self->from_calendar, self->first_day);
  gtk_calendar_select_day (self->to_calendar, self->last_day);
  self->updating_calendars = FALSE;

  update_state (self);
}

static void
update_months (SigapExportWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->zone);
  g_autoptr(GDateTime) next = g_date_time_add_months (now, 1);
  g_autofree char *this_month = NULL;
  g_autofree char *next_month = NULL;
  g_autofree char *description = NULL;

  this_month = sigap_format_month (g_date_time_get_year (now), g_date_time_get_month (now));
  next_month = sigap_format_month (g_date_time_get_year (next), g_date_time_get_month (next));
  adw_action_row_set_subtitle (self->this_month_row, this_month);
  adw_action_row_set_subtitle (self->next_month_row, next_month);

  description = g_strdup_printf (_("Every post of %s in the range, with its time, platforms "
                                   "and status, as an iCalendar file that GNOME Calendar and "
                                   "Thunderbird open."),
                                 sigap_opd_get_name (self->opd));
  adw_preferences_group_set_description (self->range_group, description);
}

static void
range_toggled_cb (SigapExportWindow *self,
                  GtkCheckButton    *check)
{
  update_state (self);
}

static void
day_selected_cb (SigapExportWindow *self,
                 GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) picked = NULL;
  GDateTime *day;

  if (self->updating_calendars)
    return;

  picked = gtk_calendar_get_date (calendar);
  day = g_date_time_new (self->zone,
                         g_date_time_get_year (picked),
                         g_date_time_get_month (picked),
                         g_date_time_get_day_of_month (picked),
                         0, 0, 0);

  if (calendar == self->from_calendar)
    {
      g_clear_pointer (&self->first_day, g_date_time_unref);
      self->first_day = day;
      gtk_menu_button_popdown (self->from_button);
    }
  else
    {
      g_clear_pointer (&self->last_day, g_date_time_unref);
      self->last_day = day;
      gtk_menu_button_popdown (self->to_button);
    }

  update_dates (self);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SigapExportWindow) self = user_data;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);
  g_autoptr(GError) error = NULL;
  guint n_posts = 0;

  if (!sigap_export_schedule_finish (result, &n_posts, &error))
    {
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      name = g_file_get_parse_name (file);
      if (error->domain == SIGAP_STORE_ERROR)
        message = g_strdup (error->message);
      else
        /* Translators: %s is the file, the second %s what went wrong */
        message = g_strdup_printf (_("The schedule could not be saved as “%s”. Choose another "
                                     "folder or free some disk space; no file was changed. (%s)"),
                                   name, error->message);

      g_message ("Cannot export the schedule: %s", error->message);
      set_error (self, message);
      self->error_is_range = FALSE;
      update_state (self);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, file, n_posts);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_export (SigapExportWindow *self,
              GFile             *file)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  if (!sigap_export_window_get_bounds (self, &from, &to))
    return;

  g_set_object (&self->pending_file, file);
  set_error (self, NULL);
  self->error_is_range = FALSE;
  update_state (self);

  sigap_export_schedule_async (self->store, self->opd, from, to, file, self->cancellable,
                               export_done_cb, g_object_ref (self));
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
chooser_response_cb (SigapExportWindow *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_signal_handlers_disconnect_by_data (chooser, self);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  update_state (self);

  if (file != NULL)
    start_export (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SigapExportWindow *self = SIGAP_EXPORT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autofree char *name = NULL;
  const char *documents;
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL || !sigap_export_window_get_bounds (self, &from, NULL))
    return;

  chooser = gtk_file_chooser_native_new (_("Save Schedule"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* Documents, or home, rather than wherever Sigap was started from. */
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
    documents = g_get_home_dir ();
  folder = g_file_new_for_path (documents);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  name = sigap_export_suggest_filename (self->opd, from);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  update_state (self);
  gtk_native_dialog_show (self->chooser);
}

G_GNUC_END_IGNORE_DEPRECATIONS

static void
sigap_export_window_dispose (GObject *object)
{
  SigapExportWindow *self = (SigapExportWindow *)object;

  g_cancellable_cancel (self->cancellable);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_EXPORT_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->opd);
  g_clear_object (&self->pending_file);

  G_OBJECT_CLASS (sigap_export_window_parent_class)->dispose (object);
}

static void
sigap_export_window_finalize (GObject *object)
{
  SigapExportWindow *self = (SigapExportWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->first_day, g_date_time_unref);
  g_clear_pointer (&self->last_day, g_date_time_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sigap_export_window_parent_class)->finalize (object);
}

static void
sigap_export_window_class_init (SigapExportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_export_window_dispose;
  object_class->finalize = sigap_export_window_finalize;

  /**
   * SigapExportWindow::exported:
   * @self: the window
   * @file: the file written
   * @n_posts: how many posts it holds
   *
   * Emitted when the file was written, just before the window closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-export-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, range_group);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, this_month_row);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, next_month_row);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, dates_row);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, from_row);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, to_row);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, this_month_check);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, next_month_check);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, dates_check);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, from_button);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, to_button);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, SigapExportWindow, error_label);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sigap_export_window_init (SigapExportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  label_by_row (GTK_WIDGET (self->this_month_check), self->this_month_row);
  label_by_row (GTK_WIDGET (self->next_month_check), self->next_month_row);
  label_by_row (GTK_WIDGET (self->dates_check), self->dates_row);
  label_by_row (GTK_WIDGET (self->from_button), self->from_row);
  label_by_row (GTK_WIDGET (self->to_button), self->to_row);

  g_signal_connect_object (self->this_month_check, "toggled",
                           G_CALLBACK (range_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->next_month_check, "toggled",
                           G_CALLBACK (range_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dates_check, "toggled",
                           G_CALLBACK (range_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_calendar, "day-selected",
                           G_CALLBACK (day_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_calendar, "day-selected",
                           G_CALLBACK (day_selected_cb), self, G_CONNECT_SWAPPED);
}

/**
 * sigap_export_window_new:
 * @parent: (nullable): the window to stay on top of
 * @store: where the posts are
 * @opd: the agency whose schedule is exported
 *
 * Returns: (transfer none): a new window that offers this month, next
 *   month or a range of days; the custom range starts as this month
 */
SigapExportWindow *
sigap_export_window_new (GtkWindow  *parent,
                         SigapStore *store,
                         SigapOpd   *opd)
{
  SigapExportWindow *self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);
  g_return_val_if_fail (SIGAP_IS_OPD (opd), NULL);

  self = g_object_new (SIGAP_TYPE_EXPORT_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->opd = g_object_ref (opd);
  self->zone = sigap_opd_dup_zone (opd);

  now = g_date_time_new_now (self->zone);
  sigap_export_range_bounds (SIGAP_EXPORT_RANGE_THIS_MONTH, now, NULL, NULL, &from, &to);
  self->first_day = g_date_time_ref (from);
  self->last_day = g_date_time_add_days (to, -1);

  update_months (self);
  update_dates (self);

  return self;
}

/**
 * sigap_export_window_get_range:
 * @self: a #SigapExportWindow
 *
 * Returns: the range chosen
 */
SigapExportRange
sigap_export_window_get_range (SigapExportWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_EXPORT_WINDOW (self), SIGAP_EXPORT_RANGE_THIS_MONTH);

  if (gtk_check_button_get_active (self->next_month_check))
    return SIGAP_EXPORT_RANGE_NEXT_MONTH;
  if (gtk_check_button_get_active (self->dates_check))
    return SIGAP_EXPORT_RANGE_DATES;

  return SIGAP_EXPORT_RANGE_THIS_MONTH;
}

void
sigap_export_window_set_range (SigapExportWindow *self,
                               SigapExportRange   range)
{
  g_return_if_fail (SIGAP_IS_EXPORT_WINDOW (self));

  switch (range)
    {
    case SIGAP_EXPORT_RANGE_THIS_MONTH:
      gtk_check_button_set_active (self->this_month_check, TRUE);
      break;

    case SIGAP_EXPORT_RANGE_NEXT_MONTH:
      gtk_check_button_set_active (self->next_month_check, TRUE);
      break;

    case SIGAP_EXPORT_RANGE_DATES:
      gtk_check_button_set_active (self->dates_check, TRUE);
      break;

    default:
      g_return_if_reached ();
    }
}

/**
 * sigap_export_window_set_dates:
 * @self: a #SigapExportWindow
 * @first_day: the first day of the custom range
 * @last_day: its last day, included
 *
 * Sets the custom range, as picking both days in the calendars does; the
 * days are read in their own zone.
 */
void
sigap_export_window_set_dates (SigapExportWindow *self,
                               GDateTime         *first_day,
                               GDateTime         *last_day)
{
  g_return_if_fail (SIGAP_IS_EXPORT_WINDOW (self));
  g_return_if_fail (first_day != NULL && last_day != NULL);

  g_clear_pointer (&self->first_day, g_date_time_unref);
  g_clear_pointer (&self->last_day, g_date_time_unref);
  self->first_day = g_date_time_new (self->zone,
                                     g_date_time_get_year (first_day),
                                     g_date_time_get_month (first_day),
                                     g_date_time_get_day_of_month (first_day),
                                     0, 0, 0);
  self->last_day = g_date_time_new (self->zone,
                                    g_date_time_get_year (last_day),
                                    g_date_time_get_month (last_day),
                                    g_date_time_get_day_of_month (last_day),
                                    0, 0, 0);
  update_dates (self);
}

/**
 * sigap_export_window_get_bounds:
 * @self: a #SigapExportWindow
 * @from: (out) (optional): the start of the chosen range
 * @to: (out) (optional): its end, excluded
 *
 * Returns: %FALSE when the custom range ends before it starts
 */
gboolean
sigap_export_window_get_bounds (SigapExportWindow  *self,
                                GDateTime         **from,
                                GDateTime         **to)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (SIGAP_IS_EXPORT_WINDOW (self), FALSE);

  /* Still being built. */
  if (self->zone == NULL || self->first_day == NULL || self->last_day == NULL)
    return FALSE;

  now = g_date_time_new_now (self->zone);

  return sigap_export_range_bounds (sigap_export_window_get_range (self), now,
                                    self->first_day, self->last_day, from, to);
}

/**
 * sigap_export_window_dup_filename:
 * @self: a #SigapExportWindow
 *
 * Returns: (transfer full) (nullable): the file name the chooser
 *   suggests for the chosen range
 */
char *
sigap_export_window_dup_filename (SigapExportWindow *self)
{
  g_autoptr(GDateTime) from = NULL;

  g_return_val_if_fail (SIGAP_IS_EXPORT_WINDOW (self), NULL);

  if (!sigap_export_window_get_bounds (self, &from, NULL))
    return NULL;

  return sigap_export_suggest_filename (self->opd, from);
}

/**
 * sigap_export_window_get_error:
 * @self: a #SigapExportWindow
 *
 * Returns: (nullable): what the window says went wrong
 */
const char *
sigap_export_window_get_error (SigapExportWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_EXPORT_WINDOW (self), NULL);

  return self->error;
}
