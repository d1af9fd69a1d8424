/* sigap-recap-view.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-recap-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-recap-view.h"
#include "sigap-report-private.h"
#include "sigap-report-document.h"

/* The month across every OPD, for the verifikator and the leadership:
 * who submitted, what each uploaded and shared per platform, the quiet
 * accounts and the complaint deadlines met. The figures are counted from
 * the store (the verifikator's desktop holds every OPD), so the agencies
 * that have not reported yet show too. Every column sorts.
 */

/* SigapRecapItem {{{ */

#define SIGAP_TYPE_RECAP_ITEM (sigap_recap_item_get_type ())

G_DECLARE_FINAL_TYPE (SigapRecapItem, sigap_recap_item, SIGAP, RECAP_ITEM, GObject)

struct _SigapRecapItem
{
  GObject parent_instance;
  SigapReportRecapRow *row;
};

G_DEFINE_FINAL_TYPE (SigapRecapItem, sigap_recap_item, G_TYPE_OBJECT)

static void
sigap_recap_item_finalize (GObject *object)
{
  SigapRecapItem *self = SIGAP_RECAP_ITEM (object);

  g_clear_pointer (&self->row, sigap_report_recap_row_free);

  G_OBJECT_CLASS (sigap_recap_item_parent_class)->finalize (object);
}

static void
sigap_recap_item_class_init (SigapRecapItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sigap_recap_item_finalize;
}

static void
sigap_recap_item_init (SigapRecapItem *self)
{
}

/* }}} */

typedef enum
{
  COLUMN_OPD,
  COLUMN_STATUS,
  COLUMN_UPLOADS,
  COLUMN_FACEBOOK,
  COLUMN_INSTAGRAM,
  COLUMN_X,
  COLUMN_YOUTUBE,
  COLUMN_TIKTOK,
  COLUMN_LINKS,
  COLUMN_QUIET,
  COLUMN_DUE,
  COLUMN_LATE,
  COLUMN_ON_TIME,
  N_COLUMNS
} Column;

struct _SigapRecapView
{
  GtkWidget parent_instance;

  SigapStore *store;
  GTimeZone *zone;
  SigapWorkingDays *days;
  SigapReportTemplate *template_;
  int year;
  int month;

  GListStore *items;
  GtkSortListModel *sorted;

  GtkWidget *box;
  GtkLabel *month_label;
  GtkWidget *next_button;
  GtkLabel *summary_label;
  GtkColumnView *column_view;
  GtkNativeDialog *chooser;
};

G_DEFINE_FINAL_TYPE (SigapRecapView, sigap_recap_view, GTK_TYPE_WIDGET)

enum {
  OPEN_REPORT,
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const column_titles[N_COLUMNS] = {
  N_("Agency"),
  N_("Report"),
  N_("Uploads"),
  "Facebook",
  "Instagram",
  "X",
  "YouTube",
  "TikTok",
  N_("Links"),
  N_("Quiet accounts"),
  N_("Complaints due"),
  N_("Late"),
  N_("Deadlines met"),
};

/* Values {{{ */

static double
on_time_share (const SigapReportFigures *figures)
{
  if (figures->complaints_due == 0)
    return -1;

  return 100.0 * (figures->complaints_due - figures->complaints_late) / figures->complaints_due;
}

static gint64
column_number (SigapReportRecapRow *row,
               Column               column)
{
  const SigapReportFigures *f = row->figures;

  switch (column)
    {
    case COLUMN_STATUS:
      return row->has_report ? (gint64) row->status + 1 : 0;
    case COLUMN_UPLOADS:
      return sigap_report_figures_total (f->uploads);
    case COLUMN_FACEBOOK:
    case COLUMN_INSTAGRAM:
    case COLUMN_X:
    case COLUMN_YOUTUBE:
    case COLUMN_TIKTOK:
      return f->uploads[column - COLUMN_FACEBOOK];
    case COLUMN_LINKS:
      return f->links_total;
    case COLUMN_QUIET:
      return sigap_report_figures_n_quiet (f);
    case COLUMN_DUE:
      return f->complaints_due;
    case COLUMN_LATE:
      return f->complaints_late;
    case COLUMN_ON_TIME:
      return (gint64) (on_time_share (f) * 10);
    case COLUMN_OPD:
    case N_COLUMNS:
    default:
      return 0;
    }
}

static char *
column_text (SigapReportRecapRow *row,
             Column               column)
{
  switch (column)
    {
    case COLUMN_OPD:
      return g_strdup (row->opd_name);
    case COLUMN_STATUS:
      return g_strdup (row->has_report ? sigap_report_status_to_label (row->status)
                                       : _("Not yet"));
    case COLUMN_ON_TIME:
      {
        double share = on_time_share (row->figures);

        return share < 0 ? g_strdup ("–") : g_strdup_printf ("%.0f%%", share);
      }
    case COLUMN_UPLOADS:
    case COLUMN_FACEBOOK:
    case COLUMN_INSTAGRAM:
    case COLUMN_X:
    case COLUMN_YOUTUBE:
    case COLUMN_TIKTOK:
    case COLUMN_LINKS:
    case COLUMN_QUIET:
    case COLUMN_DUE:
    case COLUMN_LATE:
      return g_strdup_printf ("%" G_GINT64_FORMAT, column_number (row, column));
    case N_COLUMNS:
    default:
      return NULL;
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  Column column = GPOINTER_TO_UINT (data);
  SigapReportRecapRow *row_a = SIGAP_RECAP_ITEM ((gpointer) a)->row;
  SigapReportRecapRow *row_b = SIGAP_RECAP_ITEM ((gpointer) b)->row;
  gint64 value_a, value_b;

  if (column == COLUMN_OPD)
    {
      int order = g_utf8_collate (row_a->opd_name, row_b->opd_name);

      return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER
                                                          : GTK_ORDERING_EQUAL;
    }

  value_a = column_number (row_a, column);
  value_b = column_number (row_b, column);
  return value_a < value_b ? GTK_ORDERING_SMALLER
         : value_a > value_b ? GTK_ORDERING_LARGER
         : GTK_ORDERING_EQUAL;
}

/* }}} */

/* Columns {{{ */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  Column column = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column <= COLUMN_STATUS ? 0 : 1);
  if (column == COLUMN_OPD)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
    }
  else if (column > COLUMN_STATUS)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  Column column = GPOINTER_TO_UINT (data);
  SigapRecapItem *recap = gtk_list_item_get_item (item);
  g_autofree char *text = column_text (recap->row, column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_columns (SigapRecapView *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));

      column = gtk_column_view_column_new (i >= COLUMN_FACEBOOK && i <= COLUMN_TIKTOK
                                           ? column_titles[i] : _(column_titles[i]),
                                           g_object_ref (factory));
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, GUINT_TO_POINTER (i), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, i == COLUMN_OPD);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* }}} */

/* Exports {{{ */

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static GPtrArray *
dup_sorted_rows (SigapRecapView *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  GPtrArray *rows = g_ptr_array_new ();

  /* The rows belong to the items; the array only borrows them. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SigapRecapItem) item = g_list_model_get_item (model, i);

      g_ptr_array_add (rows, item->row);
    }

  return rows;
}

static void
chooser_response_cb (SigapRecapView       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  const char *suffix = g_object_get_data (G_OBJECT (chooser), "sigap-suffix");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gboolean ok = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file == NULL)
    goto out;

  path = g_file_get_path (file);
  rows = dup_sorted_rows (self);
  if (g_str_equal (suffix, "csv"))
    ok = sigap_report_recap_write_csv (self->year, self->month, rows, path, &error);
  else if (self->template_ == NULL)
    g_set_error_literal (&error, SIGAP_REPORT_DOCUMENT_ERROR,
                         SIGAP_REPORT_DOCUMENT_ERROR_TEMPLATE,
                         _("The report template from Diskominfo cannot be read."));
  else if (g_str_equal (suffix, "pdf"))
    ok = sigap_report_recap_write_pdf (self->template_, self->year, self->month, rows, path,
                                       &error);
  else
    ok = sigap_report_recap_write_xlsx (self->template_, self->year, self->month, rows, path,
                                        &error);

  if (ok)
    {
      g_autofree char *basename = g_file_get_basename (file);

      text = g_strdup_printf (_("Exported to “%s”"), basename);
    }
  else
    text = g_strdup_printf (_("The recap could not be exported: %s"), error->message);
  g_signal_emit (self, signals[MESSAGE], 0, text);

out:
  gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
}

static void
export_cb (GtkButton      *button,
           SigapRecapView *self)
{
  const char *suffix = g_object_get_data (G_OBJECT (button), "sigap-suffix");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *documents;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Recap"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_filter_set_name (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
    documents = g_get_home_dir ();
  folder = g_file_new_for_path (documents);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  /* Translators: the suggested file name of an exported recap */
  name = g_strdup_printf (_("recap-%04d-%02d.%s"), self->year, self->month, suffix);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_object_set_data (G_OBJECT (chooser), "sigap-suffix", (gpointer) suffix);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

G_GNUC_END_IGNORE_DEPRECATIONS

/* }}} */

static void
activate_cb (GtkColumnView  *column_view,
             guint           position,
             SigapRecapView *self)
{
  g_autoptr(SigapRecapItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (item == NULL)
    return;

  if (!item->row->has_report)
    {
      g_autofree char *text = NULL;

      /* Translators: the OPD that has no report for the month */
      text = g_strdup_printf (_("%s has not started this month’s report."), item->row->opd_name);
      g_signal_emit (self, signals[MESSAGE], 0, text);
      return;
    }

  g_signal_emit (self, signals[OPEN_REPORT], 0, item->row->opd_id);
}

static void
month_cb (GtkButton      *button,
          SigapRecapView *self)
{
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sigap-delta"));
  int index = self->year * 12 + (self->month - 1) + delta;

  sigap_recap_view_set_month (self, index / 12, index % 12 + 1);
}

static GtkWidget *
new_month_button (SigapRecapView *self,
                  const char     *icon_name,
                  const char     *label,
                  int             delta)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "sigap-delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (month_cb), self);

  return button;
}

static GtkWidget *
new_export_button (SigapRecapView *self,
                   const char     *label,
                   const char     *suffix)
{
  GtkWidget *button = sigap_mnemonic_button_new (label);

  g_object_set_data (G_OBJECT (button), "sigap-suffix", (gpointer) suffix);
  g_signal_connect (button, "clicked", G_CALLBACK (export_cb), self);

  return button;
}

static void
sigap_recap_view_dispose (GObject *object)
{
  SigapRecapView *self = (SigapRecapView *)object;

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->sorted);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (sigap_recap_view_parent_class)->dispose (object);
}

static void
sigap_recap_view_finalize (GObject *object)
{
  SigapRecapView *self = (SigapRecapView *)object;

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->days, sigap_working_days_unref);
  g_clear_pointer (&self->template_, sigap_report_template_unref);

  G_OBJECT_CLASS (sigap_recap_view_parent_class)->finalize (object);
}

static void
sigap_recap_view_class_init (SigapRecapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_recap_view_dispose;
  object_class->finalize = sigap_recap_view_finalize;

  /**
   * SigapRecapView::open-report:
   * @opd_id: the OPD whose report to open
   */
  signals[OPEN_REPORT] =
    g_signal_new ("open-report",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * SigapRecapView::message:
   * @text: a sentence for the user, for a toast
   */
  signals[MESSAGE] =
    g_signal_new ("message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sigap_recap_view_init (SigapRecapView *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;
  g_autoptr(GtkColumnViewColumn) first = NULL;
  GtkWidget *bar;
  GtkWidget *label;
  GtkWidget *scroller;
  GtkWidget *heading;

  self->zone = sigap_opd_dup_zone (NULL);
  self->items = g_list_store_new (SIGAP_TYPE_RECAP_ITEM);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  heading = gtk_label_new (_("Recap of Monthly Reports"));
  gtk_widget_add_css_class (heading, "title-4");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (bar), heading);
  gtk_box_append (GTK_BOX (bar), new_month_button (self, "go-previous-symbolic",
                                                   _("Previous Month"), -1));
  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_width_chars (GTK_LABEL (label), 13);
  self->month_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (bar), label);
  self->next_button = new_month_button (self, "go-next-symbolic", _("Next Month"), 1);
  gtk_box_append (GTK_BOX (bar), self->next_button);
  gtk_box_append (GTK_BOX (self->box), bar);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  self->summary_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (self->box), label);

  /* The exports wrap on a narrow window. */
  bar = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (bar), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (bar), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (bar), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (bar), 6);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_flow_box_append (GTK_FLOW_BOX (bar), new_export_button (self, _("Export _PDF…"), "pdf"));
  gtk_flow_box_append (GTK_FLOW_BOX (bar), new_export_button (self, _("Export _XLSX…"), "xlsx"));
  gtk_flow_box_append (GTK_FLOW_BOX (bar), new_export_button (self, _("Export _CSV…"), "csv"));
  gtk_box_append (GTK_BOX (self->box), bar);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  add_columns (self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                          g_object_ref (gtk_column_view_get_sorter (
                                            self->column_view)));
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (
    G_LIST_MODEL (g_object_ref (self->sorted))));
  gtk_column_view_set_model (self->column_view, selection);
  gtk_column_view_set_single_click_activate (self->column_view, TRUE);
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recap of Monthly Reports"),
                                  -1);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  first = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), COLUMN_OPD);
  gtk_column_view_sort_by_column (self->column_view, first, GTK_SORT_ASCENDING);

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                 GTK_WIDGET (self->column_view));
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (self->box), scroller);
}

SigapRecapView *
sigap_recap_view_new (void)
{
  return g_object_new (SIGAP_TYPE_RECAP_VIEW, NULL);
}

/**
 * sigap_recap_view_set_store:
 * @self: a #SigapRecapView
 * @store: (nullable): the store holding every OPD
 *
 * Shows the last complete month's recap from @store.
 */
void
sigap_recap_view_set_store (SigapRecapView *self,
                            SigapStore     *store)
{
  g_autoptr(SigapCentralDocuments) central = NULL;
  SigapCentralDocument *document = NULL;
  int year, month;

  g_return_if_fail (SIGAP_IS_RECAP_VIEW (self));
  g_return_if_fail (store == NULL || SIGAP_IS_STORE (store));

  g_set_object (&self->store, store);

  if (self->days == NULL)
    {
      central = sigap_central_documents_new (NULL, 0);
      sigap_report_last_complete_month (g_get_real_time () / G_USEC_PER_SEC, self->zone,
                                        &year, &month);
      self->days = sigap_working_days_new_from_documents (central, year - 1, year + 1);
      document = sigap_central_documents_get_report_template (central);
      if (document != NULL)
        self->template_ = sigap_report_template_new_from_json (
          sigap_central_document_get_object (document), NULL);
    }

  if (self->year == 0)
    {
      sigap_report_last_complete_month (g_get_real_time () / G_USEC_PER_SEC, self->zone,
                                        &year, &month);
      sigap_recap_view_set_month (self, year, month);
    }
  else
    sigap_recap_view_reload (self);
}

/**
 * sigap_recap_view_set_month:
 * @self: a #SigapRecapView
 * @year: the year
 * @month: the month, 1 to 12
 *
 * Shows the recap of @month.
 */
void
sigap_recap_view_set_month (SigapRecapView *self,
                            int             year,
                            int             month)
{
  g_return_if_fail (SIGAP_IS_RECAP_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->year = year;
  self->month = month;
  sigap_recap_view_reload (self);
}

/**
 * sigap_recap_view_reload:
 * @self: a #SigapRecapView
 *
 * Counts the month's figures again.
 */
void
sigap_recap_view_reload (SigapRecapView *self)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) opds = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *month = NULL;
  g_autofree char *summary = NULL;
  guint n_submitted = 0;
  int current;

  g_return_if_fail (SIGAP_IS_RECAP_VIEW (self));

  g_list_store_remove_all (self->items);
  if (self->store == NULL || self->year == 0)
    return;

  month = sigap_format_month (self->year, self->month);
  gtk_label_set_text (self->month_label, month);
  now = g_date_time_new_now (self->zone);
  current = g_date_time_get_year (now) * 12 + g_date_time_get_month (now) - 1;
  gtk_widget_set_sensitive (self->next_button, self->year * 12 + self->month - 1 < current);

  figures = sigap_report_figures_compute_all (self->store, self->year, self->month, self->days,
                                              self->zone, &error);
  opds = sigap_store_list_opds (self->store, NULL);
  reports = sigap_store_list_reports (self->store, NULL, NULL);
  if (figures == NULL || opds == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The recap cannot be counted: %s"),
                                               error != NULL ? error->message : "");

      gtk_label_set_text (self->summary_label, text);
      return;
    }

  names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < opds->len; i++)
    {
      SigapOpd *opd = g_ptr_array_index (opds, i);

      g_hash_table_insert (names, (gpointer) sigap_opd_get_id (opd),
                           (gpointer) sigap_opd_get_name (opd));
    }

  statuses = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      SigapReport *report = g_ptr_array_index (reports, i);

      if (sigap_report_get_year (report) == self->year &&
          sigap_report_get_month (report) == self->month)
        g_hash_table_insert (statuses, (gpointer) sigap_report_get_opd_id (report),
                             GINT_TO_POINTER (sigap_report_get_status (report) + 1));
    }

  for (guint i = 0; i < figures->len; i++)
    {
      SigapReportFigures *f = g_ptr_array_index (figures, i);
      g_autoptr(SigapRecapItem) item = g_object_new (SIGAP_TYPE_RECAP_ITEM, NULL);
      int status = GPOINTER_TO_INT (g_hash_table_lookup (statuses, f->opd_id));
      const char *name = g_hash_table_lookup (names, f->opd_id);

      item->row = g_new0 (SigapReportRecapRow, 1);
      item->row->opd_id = g_strdup (f->opd_id);
      item->row->opd_name = g_strdup (name != NULL ? name : f->opd_id);
      item->row->has_report = status > 0;
      item->row->status = status > 0 ? (SigapReportStatus) (status - 1)
                                     : SIGAP_REPORT_STATUS_DRAFT;
      item->row->figures = sigap_report_figures_copy (f);
      if (status - 1 == SIGAP_REPORT_STATUS_SUBMITTED ||
          status - 1 == SIGAP_REPORT_STATUS_ACCEPTED)
        n_submitted++;
      g_list_store_append (self->items, item);
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u agency has submitted its report.",
                                          "%u of %u agencies have submitted their reports.",
                                          figures->len),
                             n_submitted, figures->len);
  gtk_label_set_text (self->summary_label, summary);
}

guint
sigap_recap_view_get_n_rows (SigapRecapView *self)
{
  g_return_val_if_fail (SIGAP_IS_RECAP_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

void
sigap_recap_view_get_month (SigapRecapView *self,
                            int            *year,
                            int            *month)
{
  g_return_if_fail (SIGAP_IS_RECAP_VIEW (self));

  *year = self->year;
  *month = self->month;
}

/**
 * sigap_recap_view_get_row:
 * @self: a #SigapRecapView
 * @position: a row, as the table shows them (sorted)
 *
 * Returns: (transfer none) (nullable): the row at @position
 */
const SigapReportRecapRow *
sigap_recap_view_get_row (SigapRecapView *self,
                          guint           position)
{
  g_autoptr(SigapRecapItem) item = NULL;

  g_return_val_if_fail (SIGAP_IS_RECAP_VIEW (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  /* The store holds the item, and the item its row. */
  return item != NULL ? item->row : NULL;
}

GtkColumnView *
sigap_recap_view_get_column_view (SigapRecapView *self)
{
  g_return_val_if_fail (SIGAP_IS_RECAP_VIEW (self), NULL);

  return self->column_view;
}
