/* sigap-application.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-application"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "sigap-application.h"
#include "sigap-preferences-window.h"
#include "sigap-reminders.h"
#include "sigap-sync-manager.h"
#include "sigap-window.h"

struct _SigapApplication
{
  AdwApplication parent_instance;

  char *database_path;
  GSettings *settings;

  /* The store is opened once, on the first activation; either it or the
   * error that kept it closed is set afterwards. */
  SigapStore *store;
  GError *store_error;
  gboolean store_tried;

  /* The store's sync session, made with the store. */
  SigapSyncManager *sync;

  /* Notifications when scheduled posts are due; the window tells them
   * who is signed in. */
  SigapReminders *reminders;

  /* Set when the settings schema is not installed: the window then shows
   * this instead of the pages. */
  GError *settings_error;
};

G_DEFINE_FINAL_TYPE (SigapApplication, sigap_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sigap", "sigap.db", NULL);
}

static void
open_store (SigapApplication *self)
{
  g_autofree char *default_path = NULL;
  const char *path = self->database_path;

  if (self->store_tried)
    return;

  self->store_tried = TRUE;

  if (path == NULL)
    {
      g_autofree char *dir = NULL;

      /* Our own folder may be missing on a first run; a folder the user
       * named is theirs, and a missing one is an error to show. */
      default_path = default_database_path ();
      dir = g_path_get_dirname (default_path);
      g_mkdir_with_parents (dir, 0700);
      path = default_path;
    }

  self->store = sigap_store_open (path, &self->store_error);
  if (self->store == NULL)
    {
      g_message ("Cannot open the database: %s", self->store_error->message);
      return;
    }

  /* The last sign-in's token comes from the keyring; without it Sigap
   * works offline until the user signs in. A measured first frame does
   * not wait for the network. */
  self->sync = sigap_sync_manager_new (self->store);
  if (g_getenv ("SIGAP_EXIT_AFTER_FIRST_FRAME") == NULL)
    sigap_sync_manager_start (self->sync);
}

/* g_settings_new() aborts on a missing schema; a broken installation
 * deserves a sentence instead. */
static GSettings *
settings_new (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Sigap’s settings schema (%s) is not installed, so Sigap cannot start. "
                     "Reinstall Sigap; your data was not touched."),
                   APP_ID);
      g_message ("The settings schema %s is not installed", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
first_frame_cb (GdkFrameClock    *frame_clock,
                SigapApplication *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, self);

  printf ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);

  g_application_quit (G_APPLICATION (self));
}

static GtkWindow *
get_main_window (SigapApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (SIGAP_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static SigapReminders *
ensure_reminders (SigapApplication *self)
{
  if (self->reminders == NULL && self->store != NULL)
    self->reminders = sigap_reminders_new (G_APPLICATION (self), self->store, NULL);

  return self->reminders;
}

static void
sigap_application_activate (GApplication *application)
{
  SigapApplication *self = SIGAP_APPLICATION (application);
  GtkWindow *window;

  window = get_main_window (self);
  if (window == NULL)
    {
      if (self->settings_error == NULL)
        open_store (self);
      window = GTK_WINDOW (sigap_window_new (self, self->store,
                                             self->settings_error != NULL
                                               ? self->settings_error
                                               : self->store_error,
                                             self->settings));
      sigap_window_set_sync_manager (SIGAP_WINDOW (window), self->sync);
      sigap_window_set_reminders (SIGAP_WINDOW (window), ensure_reminders (self));
    }

  gtk_window_present (window);

  if (g_getenv ("SIGAP_EXIT_AFTER_FIRST_FRAME") != NULL)
    {
      GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

      g_return_if_fail (frame_clock != NULL);
      g_signal_connect_object (frame_clock, "after-paint",
                               G_CALLBACK (first_frame_cb), self, 0);
    }
}

static int
sigap_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  SigapApplication *self = SIGAP_APPLICATION (application);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autofree char *absolute = g_file_get_path (file);

      sigap_application_set_database_path (self, absolute != NULL ? absolute : path);
    }

  return G_APPLICATION_CLASS (sigap_application_parent_class)->handle_local_options (application,
                                                                                     options);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SigapApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing each window lets it remember its size and page. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SigapApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SigapPreferencesWindow *preferences;
  SigapCentralDocuments *central = NULL;

  if (self->settings == NULL)
    return;

  if (self->sync != NULL)
    central = sigap_sync_manager_get_central_documents (self->sync);

  preferences = sigap_preferences_window_new (parent, self->settings, central);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SigapApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Sigap authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", "Sigap",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Sigap authors",
                        "developers", developers,
                        "comments", _("Plan posts, answer citizens' complaints "
                                      "and report to Diskominfo"),
                        "website", "https://github.com/sigap/sigap",
                        "issue-url", "https://github.com/sigap/sigap/issues",
                        "copyright", "© 2026 The Sigap authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
compose_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SigapApplication *self = user_data;
  GtkWindow *window = get_main_window (self);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = get_main_window (self);
    }

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.compose", NULL);
}

/* A reminder's button, and the reminder itself, open the post. */
static void
open_post_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SigapApplication *self = user_data;
  GtkWindow *window = get_main_window (self);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = get_main_window (self);
    }

  if (window == NULL)
    return;

  gtk_window_present (window);
  sigap_window_open_post (SIGAP_WINDOW (window), g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "compose", compose_action },
  { "open-post", open_post_action, "s" },
};

static void
sigap_application_startup (GApplication *application)
{
  SigapApplication *self = SIGAP_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.compose", { "<Control>n", NULL } },
    { "win.export-calendar", { "<Control>e", NULL } },
    { "win.show-page::calendar", { "<Alt>1", NULL } },
    { "win.show-page::inbox", { "<Alt>2", NULL } },
    { "win.show-page::report", { "<Alt>3", NULL } },
  };

  G_APPLICATION_CLASS (sigap_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
sigap_application_finalize (GObject *object)
{
  SigapApplication *self = (SigapApplication *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->reminders);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_error (&self->settings_error);

  G_OBJECT_CLASS (sigap_application_parent_class)->finalize (object);
}

static void
sigap_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SigapApplication *self = SIGAP_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_application_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SigapApplication *self = SIGAP_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      sigap_application_set_database_path (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_application_class_init (SigapApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sigap_application_finalize;
  object_class->get_property = sigap_application_get_property;
  object_class->set_property = sigap_application_set_property;

  app_class->activate = sigap_application_activate;
  app_class->startup = sigap_application_startup;
  app_class->handle_local_options = sigap_application_handle_local_options;

  /**
   * SigapApplication:database-path:
   *
   * The database to open, or %NULL for the one in the user's data folder.
   */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sigap_application_init (SigapApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "database", 0,
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 _("The database file to open"),
                                 /* Translators: the argument of --database */
                                 _("FILE"));

  self->settings = settings_new (&self->settings_error);
}

/**
 * sigap_application_new:
 *
 * Returns: (transfer full): the application
 */
SigapApplication *
sigap_application_new (void)
{
  return g_object_new (SIGAP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * sigap_application_get_database_path:
 * @self: a #SigapApplication
 *
 * Returns: (nullable): the database the application opens, or %NULL for
 *   the default one
 */
const char *
sigap_application_get_database_path (SigapApplication *self)
{
  g_return_val_if_fail (SIGAP_IS_APPLICATION (self), NULL);

  return self->database_path;
}

void
sigap_application_set_database_path (SigapApplication *self,
                                     const char       *path)
{
  g_return_if_fail (SIGAP_IS_APPLICATION (self));

  if (g_strcmp0 (self->database_path, path) == 0)
    return;

  g_free (self->database_path);
  self->database_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
}

/**
 * sigap_application_get_settings:
 * @self: a #SigapApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
sigap_application_get_settings (SigapApplication *self)
{
  g_return_val_if_fail (SIGAP_IS_APPLICATION (self), NULL);

  return self->settings;
}
