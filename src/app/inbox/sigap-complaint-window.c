/* sigap-complaint-window.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-complaint-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-central-documents.h"
#include "sigap-complaint-window.h"
#include "sigap-format.h"
#include "sigap-sla.h"

/* Records a complaint the admin saw on one of the agency's accounts, or
 * heard in person: it gets a tracking number and its first deadline. */
struct _SigapComplaintWindow
{
  AdwWindow parent_instance;

  SigapStore *store;
  SigapOpd *opd;
  SigapUser *user;
  SigapWorkingDays *days;
  char *error;

  /* Template widgets */
  GtkLabel *error_label;
  AdwComboRow *channel_row;
  AdwEntryRow *url_row;
  AdwComboRow *kind_row;
  AdwEntryRow *category_row;
  GtkTextView *body_view;
  AdwEntryRow *kecamatan_row;
  AdwEntryRow *desa_row;
  AdwEntryRow *name_row;
  AdwEntryRow *handle_row;
  AdwEntryRow *contact_row;
};

G_DEFINE_FINAL_TYPE (SigapComplaintWindow, sigap_complaint_window, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_error (SigapComplaintWindow *self,
           const char           *error)
{
  g_free (self->error);
  self->error = g_strdup (error);

  gtk_label_set_label (self->error_label, error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static char *
dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
field_changed_cb (SigapComplaintWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SigapComplaintWindow *self = SIGAP_COMPLAINT_WINDOW (widget);
  g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *url = NULL;
  g_autofree char *category = NULL;
  g_autofree char *kecamatan = NULL;
  g_autofree char *desa = NULL;
  g_autofree char *name = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *contact = NULL;
  g_autoptr(SigapCentralDocuments) central = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;
  SigapSlaSettings sla;
  guint channel = adw_combo_row_get_selected (self->channel_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  url = dup_row_text (self->url_row);
  category = dup_row_text (self->category_row);
  kecamatan = dup_row_text (self->kecamatan_row);
  desa = dup_row_text (self->desa_row);
  name = dup_row_text (self->name_row);
  handle = dup_row_text (self->handle_row);
  contact = dup_row_text (self->contact_row);

  sigap_complaint_set_channel (complaint,
                               sigap_channel_choices[MIN (channel, SIGAP_N_CHANNEL_CHOICES - 1)]);
  sigap_complaint_set_kind (complaint,
                            sigap_complaint_kind_choices[MIN (kind,
                                                              SIGAP_N_COMPLAINT_KIND_CHOICES - 1)]);
  sigap_complaint_set_body (complaint, body);
  sigap_complaint_set_source_url (complaint, url[0] != '\0' ? url : NULL);
  sigap_complaint_set_category (complaint, category[0] != '\0' ? category : NULL);
  sigap_complaint_set_kecamatan (complaint, kecamatan[0] != '\0' ? kecamatan : NULL);
  sigap_complaint_set_desa (complaint, desa[0] != '\0' ? desa : NULL);
  sigap_complaint_set_citizen_name (complaint, name[0] != '\0' ? name : NULL);
  sigap_complaint_set_citizen_handle (complaint, handle[0] != '\0' ? handle : NULL);
  sigap_complaint_set_citizen_contact (complaint, contact[0] != '\0' ? contact : NULL);

  /* The regency's service levels as last downloaded (or shipped), read
   * now, as the page reads the holiday calendars it passed in. */
  central = sigap_central_documents_new (NULL, 0);
  sigap_sla_settings_init_from_documents (&sla, central);

  /* On failure the window stays open with everything the user wrote. */
  if (!sigap_complaint_workflow_record_full (self->store, self->user, self->opd, complaint,
                                             self->days, &sla, &error))
    {
      if (g_error_matches (error, SIGAP_COMPLAINT_WORKFLOW_ERROR,
                           SIGAP_COMPLAINT_WORKFLOW_ERROR_INVALID_URL))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
        }
      else if (body[0] == '\0')
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
        }
      set_error (self, error->message);
      return;
    }

  set_error (self, NULL);
  g_signal_emit (self, signals[RECORDED], 0, complaint);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sigap_complaint_window_dispose (GObject *object)
{
  SigapComplaintWindow *self = (SigapComplaintWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_COMPLAINT_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->opd);
  g_clear_object (&self->user);
  g_clear_pointer (&self->days, sigap_working_days_unref);

  G_OBJECT_CLASS (sigap_complaint_window_parent_class)->dispose (object);
}

static void
sigap_complaint_window_finalize (GObject *object)
{
  SigapComplaintWindow *self = (SigapComplaintWindow *)object;

  g_free (self->error);

  G_OBJECT_CLASS (sigap_complaint_window_parent_class)->finalize (object);
}

static void
sigap_complaint_window_class_init (SigapComplaintWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_complaint_window_dispose;
  object_class->finalize = sigap_complaint_window_finalize;

  /**
   * SigapComplaintWindow::recorded:
   * @complaint: the complaint as stored, with its tracking number
   *
   * Emitted when the complaint is recorded, before the window closes.
   */
  signals[RECORDED] =
    g_signal_new ("recorded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SIGAP_TYPE_COMPLAINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-complaint-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintWindow, channel_row);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintWindow, category_row);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintWindow, body_view);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintWindow, kecamatan_row);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintWindow, desa_row);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintWindow, handle_row);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintWindow, contact_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "complaint.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "complaint.save", NULL);
}

static void
sigap_complaint_window_init (SigapComplaintWindow *self)
{
  g_autoptr(GtkStringList) channel_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < SIGAP_N_CHANNEL_CHOICES; i++)
    gtk_string_list_append (channel_names, sigap_channel_to_label (sigap_channel_choices[i]));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channel_names));

  for (guint i = 0; i < SIGAP_N_COMPLAINT_KIND_CHOICES; i++)
    gtk_string_list_append (kind_names,
                            sigap_complaint_kind_to_label (sigap_complaint_kind_choices[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_names));
}

/**
 * sigap_complaint_window_new:
 * @parent: (nullable): the window to stay on top of
 * @store: where to record the complaint
 * @opd: the agency that records it
 * @user: who records it
 * @days: the working-day calendar its first deadline counts in
 *
 * Returns: (transfer none): a new window
 */
SigapComplaintWindow *
sigap_complaint_window_new (GtkWindow        *parent,
                            SigapStore       *store,
                            SigapOpd         *opd,
                            SigapUser        *user,
                            SigapWorkingDays *days)
{
  SigapComplaintWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);
  g_return_val_if_fail (SIGAP_IS_OPD (opd), NULL);
  g_return_val_if_fail (SIGAP_IS_USER (user), NULL);

  self = g_object_new (SIGAP_TYPE_COMPLAINT_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->opd = g_object_ref (opd);
  self->user = g_object_ref (user);
  self->days = days != NULL ? sigap_working_days_ref (days) : NULL;

  return self;
}

/**
 * sigap_complaint_window_get_error:
 * @self: a #SigapComplaintWindow
 *
 * Returns: (nullable): the message shown about what was typed, if any
 */
const char *
sigap_complaint_window_get_error (SigapComplaintWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_WINDOW (self), NULL);

  return self->error;
}
