/* sigap-preferences-window.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-preferences-window.h"

struct _SigapPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  SigapCentralDocuments *central;

  /* Template widgets */
  GtkSwitch *presentation_switch;
  AdwPreferencesGroup *central_group;
  AdwActionRow *platforms_row;
  AdwActionRow *holidays_row;
  AdwActionRow *sla_row;
  AdwActionRow *report_template_row;
  AdwActionRow *post_templates_row;
};

G_DEFINE_FINAL_TYPE (SigapPreferencesWindow, sigap_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CENTRAL_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_central_rows (SigapPreferencesWindow *self)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  int year = sigap_central_documents_get_year (self->central);
  g_autofree char *platforms = NULL;
  g_autofree char *holidays = NULL;
  g_autofree char *sla = NULL;
  g_autofree char *report_template = NULL;
  g_autofree char *post_templates = NULL;

  platforms = sigap_format_central_document (SIGAP_CENTRAL_DOCUMENT_PLATFORMS, 0,
                                             sigap_central_documents_get_platforms (self->central),
                                             zone);
  holidays = sigap_format_central_document (SIGAP_CENTRAL_DOCUMENT_HOLIDAYS, year,
                                            sigap_central_documents_get_holidays (self->central,
                                                                                  year),
                                            zone);
  sla = sigap_format_central_document (SIGAP_CENTRAL_DOCUMENT_SLA, 0,
                                       sigap_central_documents_get_sla (self->central), zone);
  report_template = sigap_format_central_document (
    SIGAP_CENTRAL_DOCUMENT_REPORT_TEMPLATE, 0,
    sigap_central_documents_get_report_template (self->central), zone);
  post_templates = sigap_format_central_document (
    SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES, 0,
    sigap_central_documents_get_post_templates (self->central), zone);

  adw_action_row_set_subtitle (self->platforms_row, platforms);
  adw_action_row_set_subtitle (self->holidays_row, holidays);
  adw_action_row_set_subtitle (self->sla_row, sla);
  adw_action_row_set_subtitle (self->report_template_row, report_template);
  adw_action_row_set_subtitle (self->post_templates_row, post_templates);
}

static void
sigap_preferences_window_constructed (GObject *object)
{
  SigapPreferencesWindow *self = (SigapPreferencesWindow *)object;

  G_OBJECT_CLASS (sigap_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "presentation-mode",
                   self->presentation_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  /* Without a database there is no sync, and nothing to say here. */
  if (self->central != NULL)
    {
      g_signal_connect_object (self->central, "changed",
                               G_CALLBACK (update_central_rows), self, G_CONNECT_SWAPPED);
      update_central_rows (self);
      gtk_widget_set_visible (GTK_WIDGET (self->central_group), TRUE);
    }
}

static void
sigap_preferences_window_dispose (GObject *object)
{
  SigapPreferencesWindow *self = (SigapPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->central);

  G_OBJECT_CLASS (sigap_preferences_window_parent_class)->dispose (object);
}

static void
sigap_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SigapPreferencesWindow *self = SIGAP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CENTRAL_DOCUMENTS:
      g_value_set_object (value, self->central);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SigapPreferencesWindow *self = SIGAP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CENTRAL_DOCUMENTS:
      self->central = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_preferences_window_class_init (SigapPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sigap_preferences_window_constructed;
  object_class->dispose = sigap_preferences_window_dispose;
  object_class->get_property = sigap_preferences_window_get_property;
  object_class->set_property = sigap_preferences_window_set_property;

  /**
   * SigapPreferencesWindow:settings:
   *
   * The application's settings the window edits.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SigapPreferencesWindow:central-documents:
   *
   * The platform rules and holiday calendars whose copies the window
   * describes, or %NULL to leave them out.
   */
  properties[PROP_CENTRAL_DOCUMENTS] =
    g_param_spec_object ("central-documents", NULL, NULL,
                         SIGAP_TYPE_CENTRAL_DOCUMENTS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapPreferencesWindow, presentation_switch);
  gtk_widget_class_bind_template_child (widget_class, SigapPreferencesWindow, central_group);
  gtk_widget_class_bind_template_child (widget_class, SigapPreferencesWindow, platforms_row);
  gtk_widget_class_bind_template_child (widget_class, SigapPreferencesWindow, holidays_row);
  gtk_widget_class_bind_template_child (widget_class, SigapPreferencesWindow, sla_row);
  gtk_widget_class_bind_template_child (widget_class, SigapPreferencesWindow,
                                        report_template_row);
  gtk_widget_class_bind_template_child (widget_class, SigapPreferencesWindow,
                                        post_templates_row);
}

static void
sigap_preferences_window_init (SigapPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sigap_preferences_window_new:
 * @parent: (nullable): the window to stay on top of
 * @settings: the application's settings
 * @central: (nullable): the platform rules and holiday calendars in use
 *
 * Returns: (transfer none): a new preferences window
 */
SigapPreferencesWindow *
sigap_preferences_window_new (GtkWindow             *parent,
                              GSettings             *settings,
                              SigapCentralDocuments *central)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (central == NULL || SIGAP_IS_CENTRAL_DOCUMENTS (central), NULL);

  return g_object_new (SIGAP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       "central-documents", central,
                       NULL);
}
