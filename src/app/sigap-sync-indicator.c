/* sigap-sync-indicator.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-sync-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-sync-indicator.h"

/*
 * The header bar's word on sync: synced, syncing, offline or failed, with
 * the reason, what waits to be sent and a button to sync now, try again
 * or sign in, in a popover.
 */

struct _SigapSyncIndicator
{
  GtkWidget parent_instance;

  SigapSyncManager *manager;
  GSignalGroup *manager_signals;
  GSignalGroup *client_signals;

  /* Template widgets */
  GtkMenuButton *button;
  GtkImage *icon;
  GtkSpinner *spinner;
  GtkLabel *label;
  GtkPopover *popover;
  GtkLabel *title_label;
  GtkLabel *message_label;
  GtkProgressBar *progress_bar;
  GtkLabel *details_label;
  GtkButton *action_button;
};

G_DEFINE_FINAL_TYPE (SigapSyncIndicator, sigap_sync_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MANAGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_details (SigapSyncIndicator *self,
             SigapSyncStatus     status)
{
  SigapSyncClient *client = sigap_sync_manager_get_client (self->manager);
  GDateTime *last_synced = sigap_sync_manager_get_last_synced (self->manager);
  gint64 pending = sigap_sync_client_get_pending (client);
  GString *details = g_string_new (NULL);

  if (status == SIGAP_SYNC_STATUS_SYNCING)
    {
      guint pulled = sigap_sync_client_get_pulled (client);

      if (pulled > 0)
        /* Translators: during a sync, what the server has sent so far */
        g_string_append_printf (details,
                                ngettext ("Received %u change.", "Received %u changes.", pulled),
                                pulled);
    }
  else if (pending > 0)
    {
      if (details->len > 0)
        g_string_append_c (details, ' ');
      g_string_append_printf (details,
                              ngettext ("%d change is waiting to be sent.",
                                        "%d changes are waiting to be sent.", (gulong) pending),
                              (int) pending);
    }

  if (status != SIGAP_SYNC_STATUS_SYNCING && last_synced != NULL)
    {
      g_autofree char *time = sigap_format_time (last_synced);

      if (details->len > 0)
        g_string_append_c (details, ' ');
      /* Translators: %s is a time of day, such as 09.30 */
      g_string_append_printf (details, _("Last synced at %s."), time);
    }

  return g_string_free (details, details->len == 0);
}

static void
update (SigapSyncIndicator *self)
{
  SigapSyncStatus status;
  gboolean signed_in;
  const char *message;
  const char *label;
  const char *action = NULL;
  const char *action_label = NULL;
  g_autofree char *details = NULL;
  g_autofree char *server_url = NULL;
  g_autofree char *synced_message = NULL;
  g_autofree char *accessible = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->button), self->manager != NULL);
  if (self->manager == NULL)
    return;

  status = sigap_sync_manager_get_status (self->manager);
  signed_in = sigap_sync_manager_get_signed_in (self->manager);
  message = sigap_sync_manager_get_message (self->manager);
  label = sigap_sync_status_to_label (status);

  gtk_label_set_label (self->label, label);
  gtk_label_set_label (self->title_label, label);
  gtk_image_set_from_icon_name (self->icon, sigap_sync_status_to_icon_name (status));
  gtk_widget_set_visible (GTK_WIDGET (self->icon), status != SIGAP_SYNC_STATUS_SYNCING);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), status == SIGAP_SYNC_STATUS_SYNCING);
  gtk_spinner_set_spinning (self->spinner, status == SIGAP_SYNC_STATUS_SYNCING);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), status == SIGAP_SYNC_STATUS_SYNCING);

  if (status == SIGAP_SYNC_STATUS_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), "error");

  if (status == SIGAP_SYNC_STATUS_SYNCED)
    {
      server_url = sigap_sync_manager_dup_server_url (self->manager);
      /* Translators: %s is the server's address */
      synced_message = g_strdup_printf (_("Everything is sent to and received from %s."),
                                        server_url != NULL ? server_url : "");
      message = synced_message;
    }
  else if (status == SIGAP_SYNC_STATUS_SYNCING)
    {
      message = _("Sending your changes and receiving the server’s.");
    }

  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);

  details = dup_details (self, status);
  gtk_label_set_label (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details != NULL);

  if (!signed_in)
    {
      action = "win.sign-in";
      action_label = _("Sign In…");
    }
  else if (status == SIGAP_SYNC_STATUS_SYNCED)
    {
      action = "win.sync-now";
      action_label = _("Sync Now");
    }
  else if (status != SIGAP_SYNC_STATUS_SYNCING)
    {
      action = "win.sync-now";
      action_label = _("Try Again");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->action_button), action != NULL);
  gtk_button_set_label (self->action_button, action_label);
  g_object_set_data_full (G_OBJECT (self->action_button), "action", g_strdup (action), g_free);

  /* Translators: the sync indicator's name for screen readers; %s is
   * its state, such as "Synced" */
  accessible = g_strdup_printf (_("Sync status: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                               message != NULL ? message : accessible);
}

static void
progress_changed_cb (SigapSyncIndicator *self)
{
  SigapSyncClient *client = sigap_sync_manager_get_client (self->manager);
  double progress = sigap_sync_client_get_progress (client);

  if (progress >= 0.0 && progress <= 1.0)
    gtk_progress_bar_set_fraction (self->progress_bar, progress);
  else
    gtk_progress_bar_pulse (self->progress_bar);

  update (self);
}

static void
action_clicked_cb (SigapSyncIndicator *self,
                   GtkButton          *button)
{
  const char *action = g_object_get_data (G_OBJECT (button), "action");

  gtk_popover_popdown (self->popover);
  if (action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
sigap_sync_indicator_dispose (GObject *object)
{
  SigapSyncIndicator *self = (SigapSyncIndicator *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_SYNC_INDICATOR);

  g_clear_object (&self->manager_signals);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (sigap_sync_indicator_parent_class)->dispose (object);
}

static void
sigap_sync_indicator_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SigapSyncIndicator *self = SIGAP_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_sync_indicator_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SigapSyncIndicator *self = SIGAP_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      sigap_sync_indicator_set_manager (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_sync_indicator_class_init (SigapSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_sync_indicator_dispose;
  object_class->get_property = sigap_sync_indicator_get_property;
  object_class->set_property = sigap_sync_indicator_set_property;

  /**
   * SigapSyncIndicator:manager:
   *
   * The sync session shown, or %NULL to show nothing.
   */
  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL,
                         SIGAP_TYPE_SYNC_MANAGER,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, SigapSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, SigapSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, SigapSyncIndicator, label);
  gtk_widget_class_bind_template_child (widget_class, SigapSyncIndicator, popover);
  gtk_widget_class_bind_template_child (widget_class, SigapSyncIndicator, title_label);
  gtk_widget_class_bind_template_child (widget_class, SigapSyncIndicator, message_label);
  gtk_widget_class_bind_template_child (widget_class, SigapSyncIndicator, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SigapSyncIndicator, details_label);
  gtk_widget_class_bind_template_child (widget_class, SigapSyncIndicator, action_button);
  gtk_widget_class_bind_template_callback (widget_class, action_clicked_cb);
}

static void
sigap_sync_indicator_init (SigapSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->manager_signals = g_signal_group_new (SIGAP_TYPE_SYNC_MANAGER);
  g_signal_group_connect_swapped (self->manager_signals, "notify::status",
                                  G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->manager_signals, "notify::message",
                                  G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->manager_signals, "notify::signed-in",
                                  G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->manager_signals, "sync-finished",
                                  G_CALLBACK (update), self);

  self->client_signals = g_signal_group_new (SIGAP_TYPE_SYNC_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "notify::pending",
                                  G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->client_signals, "notify::pulled",
                                  G_CALLBACK (progress_changed_cb), self);
  g_signal_group_connect_swapped (self->client_signals, "notify::progress",
                                  G_CALLBACK (progress_changed_cb), self);

  update (self);
}

/**
 * sigap_sync_status_to_label:
 * @status: a #SigapSyncStatus
 *
 * Returns: the indicator's short text for @status
 */
const char *
sigap_sync_status_to_label (SigapSyncStatus status)
{
  switch (status)
    {
    case SIGAP_SYNC_STATUS_SYNCING:
      return _("Syncing…");

    case SIGAP_SYNC_STATUS_SYNCED:
      return _("Synced");

    case SIGAP_SYNC_STATUS_FAILED:
      return _("Sync failed");

    case SIGAP_SYNC_STATUS_OFFLINE:
    default:
      return _("Offline");
    }
}

/**
 * sigap_sync_status_to_icon_name:
 * @status: a #SigapSyncStatus
 *
 * Returns: the indicator's icon for @status
 */
const char *
sigap_sync_status_to_icon_name (SigapSyncStatus status)
{
  switch (status)
    {
    case SIGAP_SYNC_STATUS_SYNCING:
      return "emblem-synchronizing-symbolic";

    case SIGAP_SYNC_STATUS_SYNCED:
      return "emblem-ok-symbolic";

    case SIGAP_SYNC_STATUS_FAILED:
      return "dialog-warning-symbolic";

    case SIGAP_SYNC_STATUS_OFFLINE:
    default:
      return "network-offline-symbolic";
    }
}

/**
 * sigap_sync_indicator_get_manager:
 * @self: a #SigapSyncIndicator
 *
 * Returns: (transfer none) (nullable): the sync session shown
 */
SigapSyncManager *
sigap_sync_indicator_get_manager (SigapSyncIndicator *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_INDICATOR (self), NULL);

  return self->manager;
}

void
sigap_sync_indicator_set_manager (SigapSyncIndicator *self,
                                  SigapSyncManager   *manager)
{
  g_return_if_fail (SIGAP_IS_SYNC_INDICATOR (self));
  g_return_if_fail (manager == NULL || SIGAP_IS_SYNC_MANAGER (manager));

  if (!g_set_object (&self->manager, manager))
    return;

  g_signal_group_set_target (self->manager_signals, manager);
  g_signal_group_set_target (self->client_signals,
                             manager != NULL ? sigap_sync_manager_get_client (manager) : NULL);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER]);
}
