/* sigap-report-page.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-report-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-report-page.h"

struct _SigapReportPage
{
  AdwBin parent_instance;

  SigapStore *store;
  SigapOpd *opd;
  guint n_reports;

  /* Template widgets */
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (SigapReportPage, sigap_report_page, ADW_TYPE_BIN)

static int
compare_reports_newest_first (gconstpointer a,
                              gconstpointer b)
{
  SigapReport *report_a = *(SigapReport **)a;
  SigapReport *report_b = *(SigapReport **)b;
  int key_a = sigap_report_get_year (report_a) * 12 + sigap_report_get_month (report_a);
  int key_b = sigap_report_get_year (report_b) * 12 + sigap_report_get_month (report_b);

  return key_b - key_a;
}

static GtkWidget *
create_row (SigapReport *report)
{
  g_autofree char *month = NULL;
  g_autofree char *label = NULL;
  const char *status;
  GtkWidget *row;
  GtkWidget *status_label;

  month = sigap_format_month (sigap_report_get_year (report), sigap_report_get_month (report));
  status = sigap_report_status_to_label (sigap_report_get_status (report));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), month);

  status_label = gtk_label_new (status);
  gtk_widget_set_valign (status_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status_label, "caption");
  gtk_widget_add_css_class (status_label, "status");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);

  /* One name for the row, month and status; the row's own relation to its
   * title would have GTK 4.8 say the month twice. */
  label = g_strdup_printf ("%s, %s", month, status);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return row;
}

static void
sigap_report_page_dispose (GObject *object)
{
  SigapReportPage *self = (SigapReportPage *)object;

  /* The stack is both AdwBin's child and a template child: unparent it
   * once, here, before either would. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_REPORT_PAGE);

  g_clear_object (&self->store);
  g_clear_object (&self->opd);

  G_OBJECT_CLASS (sigap_report_page_parent_class)->dispose (object);
}

static void
sigap_report_page_class_init (SigapReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_report_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapReportPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SigapReportPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SigapReportPage, list_box);
}

static void
sigap_report_page_init (SigapReportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sigap_report_page_set_source:
 * @self: a #SigapReportPage
 * @store: (nullable): the store to read reports from
 * @opd: (nullable): the agency whose reports to show, %NULL if nobody is
 *   signed in
 *
 * Shows @opd's monthly reports.
 */
void
sigap_report_page_set_source (SigapReportPage *self,
                              SigapStore      *store,
                              SigapOpd        *opd)
{
  g_return_if_fail (SIGAP_IS_REPORT_PAGE (self));
  g_return_if_fail (store == NULL || SIGAP_IS_STORE (store));
  g_return_if_fail (opd == NULL || SIGAP_IS_OPD (opd));

  g_set_object (&self->store, store);
  g_set_object (&self->opd, opd);

  sigap_report_page_reload (self);
}

/**
 * sigap_report_page_reload:
 * @self: a #SigapReportPage
 *
 * Reads the reports again from the store.
 */
void
sigap_report_page_reload (SigapReportPage *self)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (SIGAP_IS_REPORT_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);
  self->n_reports = 0;

  if (self->store == NULL || self->opd == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }

  reports = sigap_store_list_reports (self->store, sigap_opd_get_id (self->opd), &error);
  if (reports == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_ptr_array_sort (reports, compare_reports_newest_first);

  for (guint i = 0; i < reports->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (reports, i)));

  self->n_reports = reports->len;
  gtk_stack_set_visible_child_name (self->stack, reports->len > 0 ? "list" : "empty");
}

/**
 * sigap_report_page_get_state:
 * @self: a #SigapReportPage
 *
 * Returns: what the page shows: "signed-out", "empty", "list" or "error"
 */
const char *
sigap_report_page_get_state (SigapReportPage *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
sigap_report_page_get_n_reports (SigapReportPage *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_PAGE (self), 0);

  return self->n_reports;
}
