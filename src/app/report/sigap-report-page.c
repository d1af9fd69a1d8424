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
#include "sigap-recap-view.h"
#include "sigap-report-page.h"
#include "sigap-report-wizard.h"
#include "sigap-window.h"

struct _SigapReportPage
{
  AdwBin parent_instance;

  SigapStore *store;
  SigapUser *user;
  SigapOpd *opd;
  guint n_reports;

  /* Template widgets */
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkListBox *list_box;
  SigapRecapView *recap_view;
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
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "sigap-report-id",
                          g_strdup (sigap_report_get_id (report)), g_free);

  status_label = gtk_label_new (status);
  gtk_widget_set_valign (status_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status_label, "caption");
  gtk_widget_add_css_class (status_label, "status");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  if (sigap_report_get_status (report) == SIGAP_REPORT_STATUS_RETURNED &&
      sigap_report_get_review_note (report) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sigap_report_get_review_note (report));

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
wizard_changed_cb (SigapReportPage *self)
{
  sigap_report_page_reload (self);
}

static void
open_wizard (SigapReportPage *self,
             SigapOpd        *opd,
             SigapReport     *report)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SigapReportWizard *wizard;

  wizard = sigap_report_wizard_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->store, self->user, opd, report);
  g_signal_connect_object (wizard, "changed", G_CALLBACK (wizard_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
new_report_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SigapReportPage *self = SIGAP_REPORT_PAGE (widget);

  if (self->store == NULL || self->opd == NULL)
    return;

  open_wizard (self, self->opd, NULL);
}

static void
row_activated_cb (GtkListBox      *list_box,
                  GtkListBoxRow   *row,
                  SigapReportPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "sigap-report-id");
  g_autoptr(SigapReport) report = NULL;

  if (id == NULL || self->store == NULL || self->opd == NULL)
    return;

  report = sigap_store_get_report (self->store, id, NULL);
  if (report != NULL)
    open_wizard (self, self->opd, report);
}

static void
message_cb (SigapRecapView  *view,
            const char      *text,
            SigapReportPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SIGAP_IS_WINDOW (root))
    sigap_window_add_toast (SIGAP_WINDOW (root), text);
}

/* The verifikator opens an OPD's report from the recap. */
static void
open_report_cb (SigapRecapView  *view,
                const char      *opd_id,
                SigapReportPage *self)
{
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(GPtrArray) reports = NULL;

  if (self->store == NULL)
    return;

  opd = sigap_store_get_opd (self->store, opd_id, NULL);
  reports = sigap_store_list_reports (self->store, opd_id, NULL);
  if (opd == NULL || reports == NULL)
    return;

  for (guint i = 0; i < reports->len; i++)
    {
      SigapReport *report = g_ptr_array_index (reports, i);
      int year, month;

      sigap_recap_view_get_month (view, &year, &month);
      if (sigap_report_get_year (report) == year && sigap_report_get_month (report) == month)
        {
          open_wizard (self, opd, report);
          return;
        }
    }
}

static gboolean
shows_recap (SigapReportPage *self)
{
  SigapRole role;

  if (self->user == NULL)
    return FALSE;

  role = sigap_user_get_role (self->user);
  return role == SIGAP_ROLE_VERIFIKATOR || role == SIGAP_ROLE_PIMPINAN;
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
  g_clear_object (&self->user);
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
  gtk_widget_class_bind_template_child (widget_class, SigapReportPage, recap_view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_report_cb);
  gtk_widget_class_bind_template_callback (widget_class, message_cb);

  gtk_widget_class_install_action (widget_class, "report.new", NULL, new_report_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "report.new", NULL);
}

static void
sigap_report_page_init (SigapReportPage *self)
{
  g_type_ensure (SIGAP_TYPE_RECAP_VIEW);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sigap_report_page_set_source:
 * @self: a #SigapReportPage
 * @store: (nullable): the store to read reports from
 * @user: (nullable): who is signed in
 * @opd: (nullable): the agency whose reports to show, %NULL if nobody is
 *   signed in
 *
 * Shows @opd's monthly reports; to the verifikator and the leadership,
 * the recap of every agency's.
 */
void
sigap_report_page_set_source (SigapReportPage *self,
                              SigapStore      *store,
                              SigapUser       *user,
                              SigapOpd        *opd)
{
  g_return_if_fail (SIGAP_IS_REPORT_PAGE (self));
  g_return_if_fail (store == NULL || SIGAP_IS_STORE (store));
  g_return_if_fail (user == NULL || SIGAP_IS_USER (user));
  g_return_if_fail (opd == NULL || SIGAP_IS_OPD (opd));

  g_set_object (&self->store, store);
  g_set_object (&self->user, user);
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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.new",
                                 self->store != NULL && self->opd != NULL && !shows_recap (self));

  if (self->store == NULL || self->opd == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }

  if (shows_recap (self))
    {
      sigap_recap_view_set_store (self->recap_view, self->store);
      gtk_stack_set_visible_child_name (self->stack, "recap");
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
 * Returns: what the page shows: "signed-out", "empty", "list", "recap"
 *   or "error"
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
