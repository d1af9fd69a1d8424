/* sigap-sign-in-window.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-sign-in-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-sign-in-window.h"

/*
 * Signing in to the regency's server: address, username and password, an
 * error in a sentence next to what was typed, then the first sync with its
 * progress. "Work Offline" closes the window and keeps everything local.
 */

struct _SigapSignInWindow
{
  AdwWindow parent_instance;

  SigapSyncManager *manager;
  GCancellable *cancellable;
  char *error;
  gboolean busy;
  gboolean signed_in;

  /* Template widgets */
  GtkButton *offline_button;
  GtkButton *sign_in_button;
  GtkListBox *fields;
  AdwEntryRow *server_row;
  AdwEntryRow *username_row;
  AdwEntryRow *password_row;
  GtkLabel *error_label;
  GtkBox *busy_box;
  GtkSpinner *spinner;
  GtkLabel *busy_label;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (SigapSignInWindow, sigap_sign_in_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_MANAGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_error (SigapSignInWindow *self,
           const char        *message)
{
  g_free (self->error);
  self->error = g_strdup (message);

  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (SigapSignInWindow *self,
          gboolean           busy,
          const char        *what)
{
  self->busy = busy;

  gtk_widget_set_sensitive (GTK_WIDGET (self->fields), !busy && !self->signed_in);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy && !self->signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_box), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_label_set_label (self->busy_label, what);
}

static void
pulled_changed_cb (SigapSignInWindow *self)
{
  SigapSyncClient *client = sigap_sync_manager_get_client (self->manager);
  guint pulled = sigap_sync_client_get_pulled (client);
  g_autofree char *text = NULL;

  if (!self->signed_in)
    return;

  gtk_progress_bar_pulse (self->progress_bar);
  if (pulled == 0)
    return;

  /* Translators: during the first sync, what the server has sent so far */
  text = g_strdup_printf (ngettext ("Received %u change from the server…",
                                    "Received %u changes from the server…", pulled),
                          pulled);
  gtk_label_set_label (self->busy_label, text);
}

static void
sync_finished_cb (SigapSignInWindow *self,
                  gboolean           succeeded,
                  guint              pulled,
                  SigapSyncManager  *manager)
{
  if (!self->signed_in)
    return;

  /* A failed first sync shows in the header bar's indicator, with a
   * button to try again; the sign-in itself is done. */
  gtk_window_close (GTK_WINDOW (self));
}

static void
sign_in_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SigapSignInWindow *self;

  if (!sigap_sync_manager_sign_in_finish (SIGAP_SYNC_MANAGER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Not cancelled: the window is alive. */
      self = SIGAP_SIGN_IN_WINDOW (user_data);
      g_message ("Sign-in failed");
      set_busy (self, FALSE, NULL);
      set_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  self = SIGAP_SIGN_IN_WINDOW (user_data);
  self->signed_in = TRUE;
  set_busy (self, TRUE, _("Signed in. Receiving your agency’s data…"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->offline_button), FALSE);
  gtk_progress_bar_pulse (self->progress_bar);
}

static void
sign_in_clicked_cb (SigapSignInWindow *self)
{
  const char *server_url = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *trimmed_url = g_strstrip (g_strdup (server_url));
  g_autofree char *trimmed_user = g_strstrip (g_strdup (username));

  if (self->busy || self->signed_in)
    return;

  if (trimmed_url[0] == '\0')
    {
      set_error (self, _("Type the address of your regency’s Sigap server, such as "
                         "https://sigap.example.go.id. Diskominfo can tell you what it is."));
      gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
      return;
    }

  if (trimmed_user[0] == '\0' || password[0] == '\0')
    {
      set_error (self, _("Type your username and your password. Diskominfo gives them to "
                         "each agency’s appointed admin."));
      gtk_widget_grab_focus (GTK_WIDGET (trimmed_user[0] == '\0' ? self->username_row
                                                                 : self->password_row));
      return;
    }

  set_error (self, NULL);
  set_busy (self, TRUE, _("Signing in…"));
  sigap_sync_manager_sign_in_async (self->manager, trimmed_url, trimmed_user, password,
                                    self->cancellable, sign_in_done_cb, self);
}

static void
offline_clicked_cb (SigapSignInWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
sigap_sign_in_window_constructed (GObject *object)
{
  SigapSignInWindow *self = (SigapSignInWindow *)object;
  g_autofree char *server_url = NULL;
  g_autofree char *username = NULL;

  G_OBJECT_CLASS (sigap_sign_in_window_parent_class)->constructed (object);

  g_assert (self->manager != NULL);

  server_url = sigap_sync_manager_dup_server_url (self->manager);
  username = sigap_sync_manager_dup_username (self->manager);

  gtk_editable_set_text (GTK_EDITABLE (self->server_row),
                         server_url != NULL && server_url[0] != '\0'
                           ? server_url : SIGAP_DEFAULT_SERVER_URL);
  if (username != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);

  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (username != NULL && username[0] != '\0'
                                      ? self->password_row : self->username_row));

  g_signal_connect_object (self->manager, "sync-finished",
                           G_CALLBACK (sync_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sigap_sync_manager_get_client (self->manager), "notify::pulled",
                           G_CALLBACK (pulled_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
sigap_sign_in_window_dispose (GObject *object)
{
  SigapSignInWindow *self = (SigapSignInWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_SIGN_IN_WINDOW);

  g_clear_object (&self->manager);

  G_OBJECT_CLASS (sigap_sign_in_window_parent_class)->dispose (object);
}

static void
sigap_sign_in_window_finalize (GObject *object)
{
  SigapSignInWindow *self = (SigapSignInWindow *)object;

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sigap_sign_in_window_parent_class)->finalize (object);
}

static void
sigap_sign_in_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SigapSignInWindow *self = SIGAP_SIGN_IN_WINDOW (object);

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
sigap_sign_in_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SigapSignInWindow *self = SIGAP_SIGN_IN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      self->manager = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_sign_in_window_class_init (SigapSignInWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sigap_sign_in_window_constructed;
  object_class->dispose = sigap_sign_in_window_dispose;
  object_class->finalize = sigap_sign_in_window_finalize;
  object_class->get_property = sigap_sign_in_window_get_property;
  object_class->set_property = sigap_sign_in_window_set_property;

  /**
   * SigapSignInWindow:manager:
   *
   * The sync session to sign in.
   */
  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL,
                         SIGAP_TYPE_SYNC_MANAGER,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-sign-in-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapSignInWindow, offline_button);
  gtk_widget_class_bind_template_child (widget_class, SigapSignInWindow, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, SigapSignInWindow, fields);
  gtk_widget_class_bind_template_child (widget_class, SigapSignInWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, SigapSignInWindow, username_row);
  gtk_widget_class_bind_template_child (widget_class, SigapSignInWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, SigapSignInWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SigapSignInWindow, busy_box);
  gtk_widget_class_bind_template_child (widget_class, SigapSignInWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SigapSignInWindow, busy_label);
  gtk_widget_class_bind_template_child (widget_class, SigapSignInWindow, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, offline_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sigap_sign_in_window_init (SigapSignInWindow *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->sign_in_button));
}

/**
 * sigap_sign_in_window_new:
 * @parent: (nullable): the window to stay above
 * @manager: the sync session to sign in
 *
 * Returns: (transfer none): a new, modal sign-in window
 */
SigapSignInWindow *
sigap_sign_in_window_new (GtkWindow        *parent,
                          SigapSyncManager *manager)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIGAP_IS_SYNC_MANAGER (manager), NULL);

  return g_object_new (SIGAP_TYPE_SIGN_IN_WINDOW,
                       "transient-for", parent,
                       "manager", manager,
                       NULL);
}

/**
 * sigap_sign_in_window_get_error:
 * @self: a #SigapSignInWindow
 *
 * Returns: (nullable): the error the window shows
 */
const char *
sigap_sign_in_window_get_error (SigapSignInWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_SIGN_IN_WINDOW (self), NULL);

  return self->error;
}
