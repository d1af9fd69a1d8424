/* sigap-sync-manager.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-sync-manager"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "sigap-sync-manager.h"

/*
 * The desktop's sync session: who is signed in to which server, where the
 * token is kept (the keyring, or memory when there is no keyring), and
 * when to sync: a little after each local change, every five minutes, and
 * when asked. The sync itself is the core's SigapSyncClient. After each
 * successful sync it refreshes the platform rules and the holiday
 * calendar from the same server (SigapCentralDocuments).
 */

#define DEBOUNCE_MS 2000
#define PERIODIC_S (5 * 60)

struct _SigapSyncManager
{
  GObject parent_instance;

  SigapStore *store;
  SigapSyncClient *client;
  SigapCentralDocuments *central;
  GCancellable *cancellable;

  /* The session's token, for the central documents; the client keeps
   * its own copy. */
  char *token;

  gboolean signed_in;
  gboolean busy;
  gboolean sync_again;
  gboolean expired;
  SigapSyncStatus status;
  char *message;
  GDateTime *last_synced;

  guint debounce_source;
  guint periodic_source;
};

G_DEFINE_FINAL_TYPE (SigapSyncManager, sigap_sync_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SIGNED_IN,
  PROP_STATUS,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SYNC_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const SecretSchema token_schema = {
  "io.github.sigap.Sigap.Token", SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "username", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

static void sync_start (SigapSyncManager *self);

static void
clear_session_token (SigapSyncManager *self)
{
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);
}

/* Helpers {{{ */

/* "127.0.0.1:8080/" → "http://127.0.0.1:8080": what people type into
 * an address field, as the client wants it. */
static char *
normalize_server_url (const char *text)
{
  g_autofree char *url = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize len = strlen (url);

  while (len > 0 && url[len - 1] == '/')
    url[--len] = '\0';

  if (len > 0 && strstr (url, "://") == NULL)
    return g_strconcat ("http://", url, NULL);

  return g_steal_pointer (&url);
}

static void
update_status (SigapSyncManager *self)
{
  SigapSyncState state = sigap_sync_client_get_state (self->client);
  SigapSyncStatus status = sigap_sync_status_from_state (self->signed_in, state);
  const char *message = NULL;

  switch (status)
    {
    case SIGAP_SYNC_STATUS_OFFLINE:
      if (self->signed_in)
        message = sigap_sync_client_get_error_message (self->client);
      else if (self->expired)
        message = _("Your sign-in to the server has expired. Sign in again to continue "
                    "syncing; your changes are kept.");
      else
        message = _("Sigap is not signed in to a server. Your work is kept on this "
                    "computer; sign in to sync it with Diskominfo.");
      break;

    case SIGAP_SYNC_STATUS_FAILED:
      message = sigap_sync_client_get_error_message (self->client);
      break;

    case SIGAP_SYNC_STATUS_SYNCING:
    case SIGAP_SYNC_STATUS_SYNCED:
    default:
      break;
    }

  g_object_freeze_notify (G_OBJECT (self));

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_signed_in (SigapSyncManager *self,
               gboolean          signed_in)
{
  if (self->signed_in == signed_in)
    return;

  self->signed_in = signed_in;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
  update_status (self);
}

typedef struct
{
  char *label;
  char *token;
  char *server_url;
  char *username;
} StoredToken;

static void
stored_token_free (gpointer data)
{
  StoredToken *stored = data;

  g_free (stored->label);
  if (stored->token != NULL)
    memset (stored->token, 0, strlen (stored->token));
  g_free (stored->token);
  g_free (stored->server_url);
  g_free (stored->username);
  g_free (stored);
}

/* Stores the token in the keyring's default collection. A keyring that
 * has not made its default collection yet (the first moments of a fresh
 * session) makes libsecret fail inside as it stores there, and the call
 * never answers: the token then goes to the session's collection, kept
 * until the session ends. */
static void
store_token_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  StoredToken *stored = task_data;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, cancellable, &error);
  if (service != NULL)
    collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                   SECRET_COLLECTION_NONE, cancellable,
                                                   &error);

  if (service == NULL ||
      !secret_password_store_sync (&token_schema,
                                   collection != NULL ? SECRET_COLLECTION_DEFAULT
                                                      : SECRET_COLLECTION_SESSION,
                                   stored->label, stored->token, cancellable, &error,
                                   "server", stored->server_url,
                                   "username", stored->username,
                                   NULL))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
token_stored_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Without a keyring the token lives for this session only: the next
   * start asks to sign in again, which is all the user notices. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_message ("The sign-in is kept for this session only, not in the keyring: %s",
               error->message);
}

static void
store_token (const char *label,
             const char *token,
             const char *server_url,
             const char *username)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, token_stored_cb, NULL);
  StoredToken *stored = g_new0 (StoredToken, 1);

  stored->label = g_strdup (label);
  stored->token = g_strdup (token);
  stored->server_url = g_strdup (server_url);
  stored->username = g_strdup (username);
  g_task_set_task_data (task, stored, stored_token_free);
  g_task_set_source_tag (task, store_token);
  g_task_run_in_thread (task, store_token_thread);
}

static void
token_cleared_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_message ("Cannot remove the sign-in from the keyring: %s", error->message);
}

static void
clear_token (SigapSyncManager *self)
{
  g_autofree char *server_url = sigap_sync_manager_dup_server_url (self);
  g_autofree char *username = sigap_sync_manager_dup_username (self);

  if (server_url == NULL || username == NULL)
    return;

  secret_password_clear (&token_schema, NULL, token_cleared_cb, NULL,
                         "server", server_url,
                         "username", username,
                         NULL);
}

static gboolean
periodic_cb (gpointer user_data)
{
  SigapSyncManager *self = user_data;

  if (self->signed_in && !self->busy)
    sync_start (self);

  return G_SOURCE_CONTINUE;
}

static void
schedule_periodic (SigapSyncManager *self)
{
  if (self->periodic_source == 0)
    self->periodic_source = g_timeout_add_seconds (PERIODIC_S, periodic_cb, self);
}

static void
stop_timers (SigapSyncManager *self)
{
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  g_clear_handle_id (&self->periodic_source, g_source_remove);
}

static gboolean
debounce_cb (gpointer user_data)
{
  SigapSyncManager *self = user_data;

  self->debounce_source = 0;

  if (!self->signed_in)
    return G_SOURCE_REMOVE;

  /* A change made while a sync runs waits for the next one. */
  if (self->busy)
    self->debounce_source = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
  else if (sigap_store_count_outbox (self->store) > 0)
    sync_start (self);

  return G_SOURCE_REMOVE;
}

static void
outbox_changed_cb (SigapSyncManager *self,
                   SigapStore       *store)
{
  if (!self->signed_in)
    return;

  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->debounce_source = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
}

static void
client_state_changed_cb (SigapSyncManager *self,
                         GParamSpec       *pspec,
                         SigapSyncClient  *client)
{
  update_status (self);
}

static void
forget_session (SigapSyncManager *self)
{
  stop_timers (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  sigap_sync_client_set_token (self->client, NULL);
  clear_session_token (self);
  set_signed_in (self, FALSE);
}

static void
central_refreshed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The copies in use stay, and the next sync tries again. */
  if (sigap_central_documents_refresh_finish (SIGAP_CENTRAL_DOCUMENTS (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
    return;

  /* A document with the wrong shape, or a disk that cannot take it, is
   * worth a line in the journal. */
  if (error->domain == SIGAP_CENTRAL_DOCUMENTS_ERROR &&
      (error->code == SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID ||
       error->code == SIGAP_CENTRAL_DOCUMENTS_ERROR_FAILED))
    g_message ("%s", error->message);
  else
    g_debug ("%s", error->message);
}

static void
refresh_central (SigapSyncManager *self)
{
  const char *server_url = sigap_sync_client_get_server_url (self->client);

  if (self->token == NULL || server_url == NULL)
    return;

  sigap_central_documents_refresh_async (self->central, NULL, server_url, self->token,
                                         self->cancellable, central_refreshed_cb, NULL);
}

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SigapSyncManager) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->busy = FALSE;
  ok = sigap_sync_client_sync_finish (SIGAP_SYNC_CLIENT (object), result, &error);

  /* A sign-in that came while the previous session's sync was stopping. */
  if (self->sync_again && self->signed_in)
    {
      self->sync_again = FALSE;
      sync_start (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (ok)
    {
      g_clear_pointer (&self->last_synced, g_date_time_unref);
      self->last_synced = g_date_time_new_now_local ();
      refresh_central (self);
    }
  else if (g_error_matches (error, SIGAP_SYNC_ERROR, SIGAP_SYNC_ERROR_UNAUTHORIZED))
    {
      /* The token expired or was revoked: signing in again is the way on. */
      g_message ("The server refused the sign-in; signing out");
      clear_token (self);
      forget_session (self);
      self->expired = TRUE;
    }
  else
    {
      g_debug ("Sync failed: %s", error->message);
    }

  update_status (self);
  g_signal_emit (self, signals[SYNC_FINISHED], 0, ok,
                 sigap_sync_client_get_pulled (self->client));
}

static void
sync_start (SigapSyncManager *self)
{
  g_assert (self->signed_in);
  g_assert (!self->busy);

  self->busy = TRUE;
  sigap_sync_client_sync_async (self->client, self->cancellable,
                                sync_done_cb, g_object_ref (self));
}

static void
begin_session (SigapSyncManager *self,
               const char       *token)
{
  sigap_sync_client_set_token (self->client, token);
  clear_session_token (self);
  self->token = g_strdup (token);
  self->expired = FALSE;
  set_signed_in (self, TRUE);
  schedule_periodic (self);
  if (self->busy)
    self->sync_again = TRUE;
  else
    sync_start (self);
}

static void
token_found_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SigapSyncManager) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = secret_password_lookup_finish (result, &error);
  if (token == NULL)
    {
      if (error != NULL)
        g_message ("Cannot read the sign-in from the keyring, working offline: %s",
                   error->message);
      return;
    }

  if (!self->signed_in)
    begin_session (self, token);

  secret_password_free (token);
}

/* }}} */

static void
login_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SigapSyncManager *self = g_task_get_source_object (task);
  g_autoptr(SigapUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  char *token = NULL;

  if (!sigap_sync_client_login_finish (self->client, result, &token, &user, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!sigap_store_set_outbox_enabled (self->store, TRUE, &error))
    {
      sigap_sync_client_set_token (self->client, NULL);
      memset (token, 0, strlen (token));
      g_free (token);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Translators: the label of the sign-in in the keyring; %s is the
   * server's address. */
  label = g_strdup_printf (_("Sigap sign-in at %s"),
                           sigap_sync_client_get_server_url (self->client));
  store_token (label, token, sigap_sync_client_get_server_url (self->client),
               sigap_user_get_username (user));

  begin_session (self, token);
  memset (token, 0, strlen (token));
  g_free (token);

  g_task_return_boolean (task, TRUE);
}

static void
sigap_sync_manager_dispose (GObject *object)
{
  SigapSyncManager *self = (SigapSyncManager *)object;

  stop_timers (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_clear_object (&self->central);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sigap_sync_manager_parent_class)->dispose (object);
}

static void
sigap_sync_manager_finalize (GObject *object)
{
  SigapSyncManager *self = (SigapSyncManager *)object;

  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->last_synced, g_date_time_unref);
  clear_session_token (self);

  G_OBJECT_CLASS (sigap_sync_manager_parent_class)->finalize (object);
}

static void
sigap_sync_manager_constructed (GObject *object)
{
  SigapSyncManager *self = (SigapSyncManager *)object;
  g_autofree char *server_url = NULL;

  G_OBJECT_CLASS (sigap_sync_manager_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  server_url = sigap_store_get_meta (self->store, "server_url");
  self->client = sigap_sync_client_new (self->store, server_url);
  self->central = sigap_central_documents_new (NULL, 0);

  g_signal_connect_object (self->client, "notify::state",
                           G_CALLBACK (client_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "notify::error-message",
                           G_CALLBACK (client_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "outbox-changed",
                           G_CALLBACK (outbox_changed_cb), self, G_CONNECT_SWAPPED);

  update_status (self);
}

static void
sigap_sync_manager_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SigapSyncManager *self = SIGAP_SYNC_MANAGER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SIGNED_IN:
      g_value_set_boolean (value, self->signed_in);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_sync_manager_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SigapSyncManager *self = SIGAP_SYNC_MANAGER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_sync_manager_class_init (SigapSyncManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sigap_sync_manager_constructed;
  object_class->dispose = sigap_sync_manager_dispose;
  object_class->finalize = sigap_sync_manager_finalize;
  object_class->get_property = sigap_sync_manager_get_property;
  object_class->set_property = sigap_sync_manager_set_property;

  /**
   * SigapSyncManager:store:
   *
   * The local database that is synced.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SIGAP_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SigapSyncManager:signed-in:
   *
   * Whether Sigap holds a token for the server.
   */
  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * SigapSyncManager:status:
   *
   * What the indicator shows, a #SigapSyncStatus.
   */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      SIGAP_SYNC_STATUS_OFFLINE, SIGAP_SYNC_STATUS_FAILED,
                      SIGAP_SYNC_STATUS_OFFLINE,
                      (G_PARAM_READABLE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /**
   * SigapSyncManager:message:
   *
   * Why Sigap is offline or the last sync failed, as a sentence for the
   * user; %NULL otherwise.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SigapSyncManager::sync-finished:
   * @self: the manager
   * @succeeded: whether everything was pushed and pulled
   * @pulled: how many changes the server sent
   *
   * Emitted after each sync that was not cancelled.
   */
  signals[SYNC_FINISHED] =
    g_signal_new ("sync-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_UINT);
}

static void
sigap_sync_manager_init (SigapSyncManager *self)
{
  self->cancellable = g_cancellable_new ();
  self->status = SIGAP_SYNC_STATUS_OFFLINE;
}

/**
 * sigap_sync_status_from_state:
 * @signed_in: whether Sigap holds a token
 * @state: the sync client's state
 *
 * Returns: what the sync indicator shows
 */
SigapSyncStatus
sigap_sync_status_from_state (gboolean       signed_in,
                              SigapSyncState state)
{
  if (!signed_in)
    return SIGAP_SYNC_STATUS_OFFLINE;

  switch (state)
    {
    case SIGAP_SYNC_STATE_SYNCING:
      return SIGAP_SYNC_STATUS_SYNCING;

    case SIGAP_SYNC_STATE_OFFLINE:
      return SIGAP_SYNC_STATUS_OFFLINE;

    case SIGAP_SYNC_STATE_FAILED:
      return SIGAP_SYNC_STATUS_FAILED;

    case SIGAP_SYNC_STATE_IDLE:
    default:
      return SIGAP_SYNC_STATUS_SYNCED;
    }
}

/**
 * sigap_sync_manager_new:
 * @store: the local database
 *
 * Returns: (transfer full): a new manager, signed out until
 *   sigap_sync_manager_start() finds a sign-in or the user signs in
 */
SigapSyncManager *
sigap_sync_manager_new (SigapStore *store)
{
  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);

  return g_object_new (SIGAP_TYPE_SYNC_MANAGER, "store", store, NULL);
}

/**
 * sigap_sync_manager_get_store:
 * @self: a #SigapSyncManager
 *
 * Returns: (transfer none): the local database
 */
SigapStore *
sigap_sync_manager_get_store (SigapSyncManager *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_MANAGER (self), NULL);

  return self->store;
}

/**
 * sigap_sync_manager_get_client:
 * @self: a #SigapSyncManager
 *
 * Returns: (transfer none): the sync client, for its progress
 */
SigapSyncClient *
sigap_sync_manager_get_client (SigapSyncManager *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_MANAGER (self), NULL);

  return self->client;
}

/**
 * sigap_sync_manager_get_central_documents:
 * @self: a #SigapSyncManager
 *
 * Returns: (transfer none): the platform rules and holiday calendars,
 *   refreshed from the server after each successful sync
 */
SigapCentralDocuments *
sigap_sync_manager_get_central_documents (SigapSyncManager *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_MANAGER (self), NULL);

  return self->central;
}

gboolean
sigap_sync_manager_get_signed_in (SigapSyncManager *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_MANAGER (self), FALSE);

  return self->signed_in;
}

SigapSyncStatus
sigap_sync_manager_get_status (SigapSyncManager *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_MANAGER (self), SIGAP_SYNC_STATUS_OFFLINE);

  return self->status;
}

/**
 * sigap_sync_manager_get_message:
 * @self: a #SigapSyncManager
 *
 * Returns: (nullable): why Sigap is offline or the last sync failed
 */
const char *
sigap_sync_manager_get_message (SigapSyncManager *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_MANAGER (self), NULL);

  return self->message;
}

/**
 * sigap_sync_manager_get_last_synced:
 * @self: a #SigapSyncManager
 *
 * Returns: (transfer none) (nullable): when the last sync of this session
 *   succeeded
 */
GDateTime *
sigap_sync_manager_get_last_synced (SigapSyncManager *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_MANAGER (self), NULL);

  return self->last_synced;
}

/**
 * sigap_sync_manager_dup_server_url:
 * @self: a #SigapSyncManager
 *
 * Returns: (transfer full) (nullable): the server last signed in to
 */
char *
sigap_sync_manager_dup_server_url (SigapSyncManager *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_MANAGER (self), NULL);

  return sigap_store_get_meta (self->store, "server_url");
}

/**
 * sigap_sync_manager_dup_username:
 * @self: a #SigapSyncManager
 *
 * Returns: (transfer full) (nullable): the user last signed in
 */
char *
sigap_sync_manager_dup_username (SigapSyncManager *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_MANAGER (self), NULL);

  return sigap_store_get_meta (self->store, "local_user");
}

/**
 * sigap_sync_manager_start:
 * @self: a #SigapSyncManager
 *
 * Looks for the token of the last sign-in in the keyring; when it is
 * there, signs in with it and syncs in the background.
 */
void
sigap_sync_manager_start (SigapSyncManager *self)
{
  g_autofree char *server_url = NULL;
  g_autofree char *username = NULL;

  g_return_if_fail (SIGAP_IS_SYNC_MANAGER (self));

  server_url = sigap_sync_manager_dup_server_url (self);
  username = sigap_sync_manager_dup_username (self);

  if (server_url == NULL || server_url[0] == '\0' || username == NULL || username[0] == '\0')
    return;

  sigap_sync_client_set_server_url (self->client, server_url);
  secret_password_lookup (&token_schema, self->cancellable, token_found_cb, g_object_ref (self),
                          "server", server_url,
                          "username", username,
                          NULL);
}

/**
 * sigap_sync_manager_sign_in_async:
 * @self: a #SigapSyncManager
 * @server_url: the server's address; "http://" is added when it has no
 *   scheme
 * @username: the user name
 * @password: the password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server answered
 * @user_data: data for @callback
 *
 * Signs in, keeps the token in the keyring (or in memory when there is
 * no keyring), records local changes for the server from now on, and
 * starts the first sync.
 */
void
sigap_sync_manager_sign_in_async (SigapSyncManager    *self,
                                  const char          *server_url,
                                  const char          *username,
                                  const char          *password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;

  g_return_if_fail (SIGAP_IS_SYNC_MANAGER (self));
  g_return_if_fail (server_url != NULL);
  g_return_if_fail (username != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_sync_manager_sign_in_async);

  /* Another user's session ends here, whatever the answer. */
  if (self->signed_in)
    forget_session (self);

  url = normalize_server_url (server_url);
  sigap_sync_client_set_server_url (self->client, url);
  sigap_sync_client_login_async (self->client, username, password, cancellable,
                                 login_done_cb, g_steal_pointer (&task));
}

/**
 * sigap_sync_manager_sign_in_finish:
 * @self: a #SigapSyncManager
 * @result: the #GAsyncResult
 * @error: return location for a #SigapSyncError or #SigapStoreError,
 *   whose message is a sentence for the user
 *
 * Returns: %TRUE if signed in
 */
gboolean
sigap_sync_manager_sign_in_finish (SigapSyncManager  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
logout_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The server lets the token expire by itself at worst. */
  if (!sigap_sync_client_logout_finish (SIGAP_SYNC_CLIENT (object), result, &error))
    g_message ("The server did not revoke the sign-in: %s", error->message);
}

/**
 * sigap_sync_manager_sign_out:
 * @self: a #SigapSyncManager
 *
 * Revokes the token on the server, removes it from the keyring and works
 * offline. The local data stays, and so do local changes not yet sent.
 */
void
sigap_sync_manager_sign_out (SigapSyncManager *self)
{
  g_return_if_fail (SIGAP_IS_SYNC_MANAGER (self));

  if (!self->signed_in)
    return;

  stop_timers (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* The client forgets the token as soon as the request is made. */
  sigap_sync_client_logout_async (self->client, NULL, logout_done_cb, NULL);
  clear_token (self);
  clear_session_token (self);

  self->expired = FALSE;
  set_signed_in (self, FALSE);
}

/**
 * sigap_sync_manager_sync_now:
 * @self: a #SigapSyncManager
 *
 * Syncs at once, unless a sync is running or nobody is signed in.
 */
void
sigap_sync_manager_sync_now (SigapSyncManager *self)
{
  g_return_if_fail (SIGAP_IS_SYNC_MANAGER (self));

  if (!self->signed_in || self->busy)
    return;

  g_clear_handle_id (&self->debounce_source, g_source_remove);
  sync_start (self);
}
