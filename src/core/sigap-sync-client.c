/* sigap-sync-client.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sigap-json.h"
#include "sigap-sync-client.h"

/*
 * The desktop's side of sync (docs/api.md, "Sync"): a sync pushes the
 * outbox in batches, then pulls pages of changes after the stored cursor
 * until the server has no more. Each pushed batch's answers and each
 * pulled page with its new cursor are written in one transaction, so a
 * sync stopped anywhere resumes where it stopped; an unanswered batch is
 * sent again under the same mutation IDs, which the server answers from
 * what it stored.
 *
 * All HTTP runs with SoupSession's async API on the thread-default main
 * context of the caller; SQLite runs there too.
 */

#define MAX_BATCH 200
/* The most the server gives: each page is a transaction, and fewer of
 * them write less (a transaction rewrites the index pages it touches). */
#define DEFAULT_PAGE_SIZE 1000

struct _SigapSyncClient
{
  GObject parent_instance;

  SigapStore *store;
  char *server_url;
  char *token;
  SoupSession *session;
  guint page_size;

  SigapSyncState state;
  char *error_message;
  char *last_rejection;
  gint64 pending;
  double progress;
  guint pulled;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (SigapSyncClient, sigap_sync_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (sigap-sync-error-quark, sigap_sync_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SERVER_URL,
  PROP_PAGE_SIZE,
  PROP_STATE,
  PROP_ERROR_MESSAGE,
  PROP_LAST_REJECTION,
  PROP_PENDING,
  PROP_PROGRESS,
  PROP_PULLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GHashTable *batch;     /* mutation id → SigapOutboxEntry, the batch in flight */
  GPtrArray *entries;
  GPtrArray *refetch;    /* "entity\nid" of records to fetch again */
  gboolean reset_done;
  guint refetch_index;
  GError *pull_error;    /* a page failed while the next one was asked for */
} SyncData;

static void
sync_data_free (SyncData *data)
{
  g_clear_pointer (&data->batch, g_hash_table_unref);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_clear_pointer (&data->refetch, g_ptr_array_unref);
  g_clear_error (&data->pull_error);
  g_free (data);
}

static void pull_next (GTask *task);
static void push_next (GTask *task);
static void refetch_next (GTask *task);

/* Helpers {{{ */

static void
set_state (SigapSyncClient *self,
           SigapSyncState   state,
           const char      *error_message)
{
  g_object_freeze_notify (G_OBJECT (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  if (g_strcmp0 (self->error_message, error_message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (error_message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_progress (SigapSyncClient *self,
              double           progress)
{
  if (self->progress == progress)
    return;

  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
set_last_rejection (SigapSyncClient *self,
                    const char      *message)
{
  if (g_strcmp0 (self->last_rejection, message) == 0)
    return;

  g_free (self->last_rejection);
  self->last_rejection = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REJECTION]);
}

static void
update_pending (SigapSyncClient *self)
{
  gint64 pending = sigap_store_count_outbox (self->store);

  if (self->pending == pending)
    return;

  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
outbox_changed_cb (SigapSyncClient *self,
                   SigapStore      *store)
{
  update_pending (self);
}

static char *
make_url (SigapSyncClient *self,
          const char      *path)
{
  g_autofree char *base = g_strdup (self->server_url != NULL ? self->server_url : "");
  gsize len = strlen (base);

  while (len > 0 && base[len - 1] == '/')
    base[--len] = '\0';

  return g_strconcat (base, path, NULL);
}

static void
set_network_error (SigapSyncClient  *self,
                   GError          **error)
{
  g_set_error (error, SIGAP_SYNC_ERROR, SIGAP_SYNC_ERROR_NETWORK,
               _("Cannot reach the server at %s. Your changes are kept and will be sent "
                 "when the connection returns."),
               self->server_url != NULL ? self->server_url : "");
}

static void
set_server_error (SigapSyncClient  *self,
                  const char       *detail,
                  GError          **error)
{
  g_set_error (error, SIGAP_SYNC_ERROR, SIGAP_SYNC_ERROR_SERVER,
               _("The server at %s could not complete the sync (%s). Your changes are "
                 "kept; try again later, or report the problem to Diskominfo."),
               self->server_url != NULL ? self->server_url : "", detail);
}

static void
set_unauthorized_error (GError **error)
{
  g_set_error_literal (error, SIGAP_SYNC_ERROR, SIGAP_SYNC_ERROR_UNAUTHORIZED,
                       _("Your sign-in to the server has expired. Sign in again to "
                         "continue syncing; your changes are kept."));
}

/* The "code" of an error body {"error":{"code",…}}, or %NULL. */
static const char *
error_code (JsonNode *root)
{
  JsonObject *object;
  JsonObject *error;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  if (!json_object_has_member (object, "error") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "error")))
    return NULL;

  error = json_object_get_object_member (object, "error");

  return json_object_get_string_member_with_default (error, "code", NULL);
}

static SoupMessage *
new_message (SigapSyncClient *self,
             const char      *method,
             const char      *path,
             JsonNode        *body)
{
  g_autofree char *url = make_url (self, path);
  SoupMessage *msg = soup_message_new (method, url);

  if (msg == NULL)
    return NULL;

  if (self->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    "Authorization", auth);
    }

  if (body != NULL)
    {
      g_autofree char *text = json_to_string (body, FALSE);
      gsize length = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), length);

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  return msg;
}

/* The JSON of @bytes, or %NULL when it is empty or not JSON. */
static JsonNode *
parse_answer (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  if (size > 0 && json_parser_load_from_data (parser, data, size, NULL))
    return json_node_ref (json_parser_get_root (parser));

  return NULL;
}

/* How a request that got no answer at all failed. */
static void
set_no_answer_error (SigapSyncClient  *self,
                     GError           *local_error,
                     GError          **error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (local_error));
  else
    {
      g_debug ("No answer from the server: %s", local_error->message);
      set_network_error (self, error);
    }
}

/* Reads the answer to @msg: its status and its JSON body (%NULL when the
 * body is empty or not JSON). %FALSE with @error when there is no answer
 * at all. */
static gboolean
read_response (SigapSyncClient  *self,
               SoupMessage      *msg,
               GAsyncResult     *result,
               guint            *status,
               JsonNode        **root,
               GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = soup_session_send_and_read_finish (self->session, result, &local_error);
  if (bytes == NULL)
    {
      set_no_answer_error (self, local_error, error);
      return FALSE;
    }

  *status = soup_message_get_status (msg);
  *root = parse_answer (bytes);

  return TRUE;
}

/* The error for an answer that is not the expected 200. */
static void
set_status_error (SigapSyncClient  *self,
                  guint             status,
                  JsonNode         *root,
                  GError          **error)
{
  const char *code = error_code (root);
  g_autofree char *detail = NULL;

  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      set_unauthorized_error (error);
      return;
    }

  /* A proxy or a captive portal answers, not Sigap's server. */
  if (code == NULL && (status == SOUP_STATUS_BAD_GATEWAY ||
                       status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
                       status == SOUP_STATUS_GATEWAY_TIMEOUT))
    {
      set_network_error (self, error);
      return;
    }

  detail = code != NULL ? g_strdup_printf ("%u %s", status, code)
                        : g_strdup_printf ("%u", status);
  set_server_error (self, detail, error);
}

/* Ends a sync: state, message and progress follow @error. */
static void
sync_return (GTask  *task,
             GError *error)
{
  SigapSyncClient *self = g_task_get_source_object (task);

  self->busy = FALSE;
  sigap_store_end_remote_pages (self->store);
  update_pending (self);

  if (error == NULL)
    {
      set_progress (self, 1.0);
      set_state (self, SIGAP_SYNC_STATE_IDLE, NULL);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_state (self, SIGAP_SYNC_STATE_IDLE, NULL);
  else if (g_error_matches (error, SIGAP_SYNC_ERROR, SIGAP_SYNC_ERROR_NETWORK))
    set_state (self, SIGAP_SYNC_STATE_OFFLINE, error->message);
  else
    set_state (self, SIGAP_SYNC_STATE_FAILED, error->message);

  g_task_return_error (task, error);
}

static char *
rejection_message (JsonObject *result)
{
  JsonObject *error = NULL;
  const char *code = NULL;

  if (json_object_has_member (result, "error") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (result, "error")))
    error = json_object_get_object_member (result, "error");
  if (error != NULL)
    code = json_object_get_string_member_with_default (error, "code", NULL);

  if (g_strcmp0 (code, "forbidden") == 0)
    return g_strdup (_("The server refused a change that your account may not make. It "
                       "was not saved on the server; the record shows the server's copy "
                       "again after the next sync."));

  if (g_strcmp0 (code, "invalid_transition") == 0)
    return g_strdup (_("The server refused a complaint status change that is no longer "
                       "allowed; someone else may have handled the complaint. Check its "
                       "timeline after the sync."));

  return g_strdup_printf (_("The server refused a change (%s). It was not saved on the "
                            "server; check the record and make the change again."),
                          code != NULL ? code : "?");
}

static void
add_refetch (GPtrArray  *refetch,
             const char *entity,
             const char *id)
{
  char *key = g_strconcat (entity, "\n", id, NULL);

  if (!g_ptr_array_find_with_equal_func (refetch, key, g_str_equal, NULL))
    g_ptr_array_add (refetch, key);
  else
    g_free (key);
}

/* The records to fetch again, kept in meta so that a sync that stops
 * before its pull still fetches them next time. */
static GPtrArray *
load_refetch (SigapStore *store)
{
  g_autofree char *text = sigap_store_get_meta (store, "sync_refetch");
  g_auto(GStrv) keys = NULL;
  GPtrArray *refetch = g_ptr_array_new_with_free_func (g_free);

  if (text == NULL || text[0] == '\0')
    return refetch;

  keys = g_strsplit (text, "\t", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    if (strchr (keys[i], '\n') != NULL)
      g_ptr_array_add (refetch, g_strdup (keys[i]));

  return refetch;
}

static gboolean
save_refetch (SigapStore  *store,
              GPtrArray   *refetch,
              GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < refetch->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\t" : "",
                            (const char *) g_ptr_array_index (refetch, i));

  return sigap_store_set_meta (store, "sync_refetch", text->len > 0 ? text->str : NULL, error);
}

/* }}} */

/* Push {{{ */

/* The mutation for @entry, from the record as it is stored now. %NULL
 * when there is nothing left to send (the record is gone). */
static JsonNode *
build_mutation (SigapSyncClient   *self,
                SigapOutboxEntry  *entry,
                GError           **error)
{
  g_autoptr(JsonObject) mutation = json_object_new ();
  g_autoptr(JsonObject) record = NULL;
  JsonNode *node;

  if (g_str_equal (entry->op, "delete"))
    {
      record = json_object_new ();
      json_object_set_string_member (record, "id", entry->record_id);
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      record = sigap_store_get_record_json (self->store, entry->entity, entry->record_id,
                                            &local_error);
      if (record == NULL)
        {
          if (g_error_matches (local_error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND))
            return NULL;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  json_object_set_string_member (mutation, "id", entry->id);
  json_object_set_string_member (mutation, "entity", entry->entity);
  json_object_set_string_member (mutation, "op", entry->op);
  json_object_set_int_member (mutation, "base_version", entry->base_version);
  if (entry->fields != NULL)
    {
      JsonArray *fields = json_array_new ();

      for (guint i = 0; entry->fields[i] != NULL; i++)
        json_array_add_string_element (fields, entry->fields[i]);
      json_object_set_array_member (mutation, "fields", fields);
    }
  json_object_set_object_member (mutation, "record", g_steal_pointer (&record));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, mutation);

  return node;
}

/* Keeps the local values that lost a conflict over a post, so the user
 * can take them up again: those of the fields the change touched (all if
 * it named none) that differ from the server's copy. */
static gboolean
keep_losing_edit (SigapSyncClient   *self,
                  SigapOutboxEntry  *entry,
                  JsonObject        *server,
                  GError           **error)
{
  g_autoptr(JsonObject) local = NULL;
  g_autoptr(JsonObject) losing = json_object_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *author = NULL;
  g_autoptr(GList) members = NULL;

  local = sigap_store_get_record_json (self->store, "post", entry->record_id, &local_error);
  if (local == NULL)
    {
      if (g_error_matches (local_error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  members = json_object_get_members (local);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *mine = json_object_get_member (local, name);
      JsonNode *theirs = json_object_get_member (server, name);

      if (g_str_equal (name, "id") || g_str_equal (name, "version") ||
          g_str_equal (name, "updated_at"))
        continue;
      if (entry->fields != NULL && !g_strv_contains ((const char * const *) entry->fields, name))
        continue;
      if (theirs != NULL && json_node_equal (mine, theirs))
        continue;

      json_object_set_member (losing, name, json_node_copy (mine));
    }

  if (json_object_get_size (losing) == 0)
    return TRUE;

  author = sigap_store_get_meta (self->store, "local_user_id");

  return sigap_store_add_post_revision (self->store, entry->record_id,
                                        json_object_get_int_member_with_default (server,
                                                                                 "version", 0),
                                        "losing-edit", author, losing, error);
}

static gboolean
apply_result (SigapSyncClient   *self,
              SyncData          *data,
              SigapOutboxEntry  *entry,
              JsonObject        *result,
              GError           **error)
{
  const char *status = json_object_get_string_member_with_default (result, "status", "");
  gint64 version = json_object_get_int_member_with_default (result, "version", 0);

  if (g_str_equal (status, "applied"))
    {
      if (g_str_equal (entry->op, "upsert") &&
          (!sigap_store_set_synced_version (self->store, entry->entity, entry->record_id,
                                            version, error) ||
           !sigap_store_rebase_outbox (self->store, entry->entity, entry->record_id, version,
                                       error)))
        return FALSE;
    }
  else if (g_str_equal (status, "conflict"))
    {
      JsonObject *record = NULL;

      if (json_object_has_member (result, "record") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (result, "record")))
        record = json_object_get_object_member (result, "record");

      if (record != NULL)
        {
          if (g_str_equal (entry->entity, "post") &&
              !keep_losing_edit (self, entry, record, error))
            return FALSE;

          if (!sigap_store_apply_remote (self->store, entry->entity, record, error) ||
              !sigap_store_rebase_outbox (self->store, entry->entity, entry->record_id,
                                          version, error))
            return FALSE;
        }
      else
        add_refetch (data->refetch, entry->entity, entry->record_id);
    }
  else if (g_str_equal (status, "rejected"))
    {
      g_autofree char *message = rejection_message (result);

      JsonObject *reason = json_object_has_member (result, "error") &&
                           JSON_NODE_HOLDS_OBJECT (json_object_get_member (result, "error"))
                           ? json_object_get_object_member (result, "error") : NULL;

      g_debug ("Mutation %s of %s %s rejected: %s (%s: %s)", entry->id, entry->entity,
               entry->record_id, message != NULL ? message : "",
               reason != NULL ? json_object_get_string_member_with_default (reason, "field", "")
                              : "",
               reason != NULL ? json_object_get_string_member_with_default (reason, "message",
                                                                            "")
                              : "");
      set_last_rejection (self, message);

      if (g_str_equal (entry->entity, "complaint_event"))
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          const char *complaint_id = NULL;

          /* The event never happened: take it off the timeline, and fetch
           * the complaint as the server has it. */
          if (entry->payload != NULL &&
              json_parser_load_from_data (parser, entry->payload, -1, NULL) &&
              JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
            {
              JsonObject *mutation = json_node_get_object (json_parser_get_root (parser));
              JsonObject *record = json_object_get_object_member (mutation, "record");

              if (record != NULL)
                complaint_id = json_object_get_string_member_with_default (record,
                                                                           "complaint_id",
                                                                           NULL);
            }

          if (!sigap_store_remove_local (self->store, "complaint_event", entry->record_id,
                                         error))
            return FALSE;
          if (complaint_id != NULL)
            add_refetch (data->refetch, "complaint", complaint_id);
        }
      else
        add_refetch (data->refetch, entry->entity, entry->record_id);
    }
  else
    {
      set_server_error (self, "push", error);
      return FALSE;
    }

  return sigap_store_delete_outbox (self->store, entry->id, error);
}

static gboolean
apply_push_results (SigapSyncClient  *self,
                    SyncData         *data,
                    JsonNode         *root,
                    guint            *n_answered,
                    GError          **error)
{
  JsonArray *results = NULL;

  *n_answered = 0;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);

      if (json_object_has_member (object, "results") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "results")))
        results = json_object_get_array_member (object, "results");
    }

  if (results == NULL)
    {
      set_server_error (self, "push", error);
      return FALSE;
    }

  if (!sigap_store_begin_remote (self->store, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      SigapOutboxEntry *entry;
      const char *id;

      if (result == NULL)
        continue;

      id = json_object_get_string_member_with_default (result, "id", NULL);
      entry = id != NULL ? g_hash_table_lookup (data->batch, id) : NULL;
      if (entry == NULL)
        continue;

      if (!apply_result (self, data, entry, result, error))
        {
          sigap_store_rollback (self->store);
          return FALSE;
        }

      (*n_answered)++;
    }

  if (!save_refetch (self->store, data->refetch, error) ||
      !sigap_store_commit (self->store, error))
    {
      sigap_store_rollback (self->store);
      return FALSE;
    }

  return TRUE;
}

static void
push_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SigapSyncClient *self = g_task_get_source_object (task);
  SyncData *data = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;
  guint status = 0;
  guint n_answered = 0;

  if (!read_response (self, msg, result, &status, &root, &error))
    {
      sync_return (task, error);
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      set_status_error (self, status, root, &error);
      sync_return (task, error);
      return;
    }

  if (!apply_push_results (self, data, root, &n_answered, &error))
    {
      sync_return (task, error);
      return;
    }

  g_clear_pointer (&data->batch, g_hash_table_unref);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  update_pending (self);

  /* A batch nobody answered would be sent forever: pull, and leave it
   * for the next sync. */
  if (n_answered == 0)
    pull_next (g_steal_pointer (&task));
  else
    push_next (g_steal_pointer (&task));
}

/* Prepares the next batch: the oldest outbox rows, each sent as it was
 * sent before if it was, or as its record is stored now. */
static JsonNode *
prepare_batch (SigapSyncClient  *self,
               SyncData         *data,
               GError          **error)
{
  g_autoptr(JsonArray) mutations = json_array_new ();
  g_autoptr(JsonObject) body = json_object_new ();
  JsonNode *node;

  data->entries = sigap_store_list_outbox (self->store, MAX_BATCH, error);
  if (data->entries == NULL)
    return NULL;

  data->batch = g_hash_table_new (g_str_hash, g_str_equal);

  if (data->entries->len == 0)
    return NULL;

  if (!sigap_store_begin (self->store, error))
    return NULL;

  for (guint i = 0; i < data->entries->len; i++)
    {
      SigapOutboxEntry *entry = g_ptr_array_index (data->entries, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonNode) mutation = NULL;

      if (entry->payload != NULL &&
          json_parser_load_from_data (parser, entry->payload, -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        mutation = json_node_ref (json_parser_get_root (parser));
      else
        {
          g_autoptr(GError) local_error = NULL;

          mutation = build_mutation (self, entry, &local_error);
          if (mutation == NULL && local_error != NULL)
            {
              sigap_store_rollback (self->store);
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }

          if (mutation == NULL)
            {
              /* Its record is gone, and with it the change. */
              if (!sigap_store_delete_outbox (self->store, entry->id, error))
                {
                  sigap_store_rollback (self->store);
                  return NULL;
                }
              continue;
            }

          g_free (entry->payload);
          entry->payload = json_to_string (mutation, FALSE);
          if (!sigap_store_set_outbox_payload (self->store, entry->id, entry->payload, error))
            {
              sigap_store_rollback (self->store);
              return NULL;
            }
        }

      g_hash_table_insert (data->batch, entry->id, entry);
      json_array_add_element (mutations, g_steal_pointer (&mutation));
    }

  if (!sigap_store_commit (self->store, error))
    return NULL;

  if (json_array_get_length (mutations) == 0)
    return NULL;

  json_object_set_array_member (body, "mutations", g_steal_pointer (&mutations));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, body);

  return node;
}

static void
push_next (GTask *task)
{
  SigapSyncClient *self = g_task_get_source_object (task);
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      self->busy = FALSE;
      set_state (self, SIGAP_SYNC_STATE_IDLE, NULL);
      g_object_unref (task);
      return;
    }

  g_clear_pointer (&data->batch, g_hash_table_unref);
  g_clear_pointer (&data->entries, g_ptr_array_unref);

  body = prepare_batch (self, data, &error);
  if (error != NULL)
    {
      sync_return (task, error);
      g_object_unref (task);
      return;
    }

  if (body == NULL)
    {
      /* Rows whose records are gone may have been dropped: try again
       * until the outbox is empty or holds something to send. */
      if (data->entries != NULL && data->entries->len > 0)
        push_next (task);
      else
        pull_next (task);
      return;
    }

  msg = new_message (self, "POST", "/api/v1/sync/push", body);
  if (msg == NULL)
    {
      set_network_error (self, &error);
      sync_return (task, error);
      g_object_unref (task);
      return;
    }

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), push_done_cb, task);
}

/* }}} */

/* Pull {{{
 *
 * A first sync pulls every record the server has, a few hundred
 * megabytes of JSON, so a pulled page is read with sigap-json's
 * SigapJsonDoc rather than json-glib, and while a page is being written
 * the request for the next one is already out: the server answers it
 * meanwhile. Pages are still written one after the other, each with its
 * cursor in one transaction; the next page's answer is only read once
 * its predecessor is committed.
 */

static gboolean
apply_change (SigapSyncClient       *self,
              const SigapJsonValue  *change,
              gboolean               outbox_empty,
              GError               **error)
{
  /* Neither is there if @change is not an object. */
  const char *entity = sigap_json_value_get_string_member (change, "entity");
  const char *op = sigap_json_value_get_string_member (change, "op");

  if (entity == NULL || op == NULL)
    {
      set_server_error (self, "pull", error);
      return FALSE;
    }

  if (g_str_equal (op, "upsert"))
    {
      const SigapJsonValue *record = sigap_json_value_get_member (change, "record");
      const char *id;

      if (record == NULL || sigap_json_value_get_kind (record) != SIGAP_JSON_OBJECT)
        {
          set_server_error (self, "pull", error);
          return FALSE;
        }

      /* A local change waits to be pushed: the server merges it and the
       * merged record comes back in a later pull. */
      id = sigap_json_value_get_string_member (record, "id");
      if (!outbox_empty && sigap_store_has_outbox (self->store, entity, id != NULL ? id : ""))
        return TRUE;

      return sigap_store_apply_remote_value (self->store, entity, record, error);
    }

  if (g_str_equal (op, "delete") || g_str_equal (op, "remove"))
    {
      const char *id = sigap_json_value_get_string_member (change, "id");

      if (id == NULL)
        {
          set_server_error (self, "pull", error);
          return FALSE;
        }

      return sigap_store_remove_local (self->store, entity, id, error);
    }

  g_debug ("Unknown change op '%s' ignored", op);

  return TRUE;
}

/* Applies a page and stores its cursor in one transaction. A pull from
 * no cursor is a snapshot, whose complaints are indexed for search once
 * it is complete: in the transaction of its @last page, or of the last
 * page of a later pull if this one is cut short. */
static gboolean
apply_page (SigapSyncClient       *self,
            const SigapJsonValue  *changes,
            const char            *cursor,
            gboolean               last,
            GError               **error)
{
  g_autofree char *previous = NULL;
  const SigapJsonValue *change;
  SigapJsonIter iter;
  gboolean outbox_empty;

  if (!sigap_store_begin_remote (self->store, error))
    return FALSE;

  previous = sigap_store_get_meta (self->store, "sync_cursor");
  if (previous == NULL && !sigap_store_begin_snapshot (self->store, error))
    {
      sigap_store_rollback (self->store);
      return FALSE;
    }

  /* Applying the server's changes never writes the outbox, so what it
   * holds now it holds for the whole page; mostly nothing. */
  outbox_empty = sigap_store_count_outbox (self->store) == 0;

  sigap_json_iter_init (&iter, changes);
  while (sigap_json_iter_next (&iter, NULL, &change))
    {
      if (!apply_change (self, change, outbox_empty, error))
        {
          sigap_store_rollback (self->store);
          return FALSE;
        }
    }

  if ((last && !sigap_store_end_snapshot (self->store, error)) ||
      !sigap_store_set_meta (self->store, "sync_cursor", cursor, error) ||
      !sigap_store_commit (self->store, error))
    {
      sigap_store_rollback (self->store);
      return FALSE;
    }

  return TRUE;
}

/* The pull that follows is a snapshot: the complaints cleared here are
 * indexed anew at its end. */
static gboolean
reset_replica (SigapSyncClient  *self,
               GError          **error)
{
  if (!sigap_store_begin_remote (self->store, error))
    return FALSE;

  if (!sigap_store_begin_snapshot (self->store, error) ||
      !sigap_store_clear_replica (self->store, error) ||
      !sigap_store_set_meta (self->store, "sync_cursor", NULL, error) ||
      !sigap_store_commit (self->store, error))
    {
      sigap_store_rollback (self->store);
      return FALSE;
    }

  return TRUE;
}

/* A page asked for and read in a worker thread (libsoup sends from any
 * thread since 3.2), so that reading and parsing it overlap writing the
 * page before it. */
typedef struct
{
  SoupSession *session;
  SoupMessage *msg;
  guint status;
  GBytes *bytes;          /* the body of an answer that is not 200 */
  SigapJsonDoc *doc;      /* the page; %NULL if it is not JSON */
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->session);
  g_clear_object (&fetch->msg);
  g_clear_pointer (&fetch->bytes, g_bytes_unref);
  g_clear_pointer (&fetch->doc, sigap_json_doc_free);
  g_free (fetch);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Fetch *fetch = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = soup_session_send_and_read (fetch->session, fetch->msg, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  fetch->status = soup_message_get_status (fetch->msg);
  if (fetch->status == SOUP_STATUS_OK)
    fetch->doc = sigap_json_doc_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       NULL);
  else
    fetch->bytes = g_steal_pointer (&bytes);

  g_task_return_boolean (task, TRUE);
}

static void pull_request (GTask      *task,
                          const char *cursor);

static void
pull_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SigapSyncClient *self = g_task_get_source_object (task);
  SyncData *data = g_task_get_task_data (task);
  Fetch *fetch = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) local_error = NULL;
  const SigapJsonValue *page = NULL;
  const SigapJsonValue *changes = NULL;
  const SigapJsonValue *more = NULL;
  const char *cursor = NULL;
  GError *error = NULL;
  gboolean has_more;
  gboolean next_sent = FALSE;

  /* The page before this one failed while this one was on its way. */
  if (data->pull_error != NULL)
    {
      sync_return (task, g_steal_pointer (&data->pull_error));
      return;
    }

  if (!g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      set_no_answer_error (self, local_error, &error);
      sync_return (task, error);
      return;
    }

  if (fetch->status != SOUP_STATUS_OK)
    {
      g_autoptr(JsonNode) root = parse_answer (fetch->bytes);
      guint status = fetch->status;

      if (status == SOUP_STATUS_CONFLICT &&
          g_strcmp0 (error_code (root), "reset_required") == 0)
        {
          if (data->reset_done)
            {
              g_set_error_literal (&error, SIGAP_SYNC_ERROR, SIGAP_SYNC_ERROR_RESET,
                                   _("The server asked Sigap to download everything again, "
                                     "and the new download failed too. Try again later, or "
                                     "report the problem to Diskominfo."));
              sync_return (task, error);
              return;
            }

          g_debug ("The server cannot continue from the stored cursor; starting afresh");
          data->reset_done = TRUE;
          if (!reset_replica (self, &error))
            {
              sync_return (task, error);
              return;
            }

          pull_next (g_steal_pointer (&task));
          return;
        }

      set_status_error (self, status, root, &error);
      sync_return (task, error);
      return;
    }

  if (fetch->doc != NULL)
    page = sigap_json_doc_get_root (fetch->doc);
  if (page != NULL)
    {
      changes = sigap_json_value_get_member (page, "changes");
      cursor = sigap_json_value_get_string_member (page, "cursor");
      more = sigap_json_value_get_member (page, "has_more");
    }

  if (changes == NULL || sigap_json_value_get_kind (changes) != SIGAP_JSON_ARRAY ||
      cursor == NULL)
    {
      set_server_error (self, "pull", &error);
      sync_return (task, error);
      return;
    }

  has_more = more != NULL && sigap_json_value_get_boolean (more);

  if (has_more && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      pull_request (g_object_ref (task), cursor);
      next_sent = TRUE;
    }

  if (!apply_page (self, changes, cursor, !has_more, &error))
    {
      /* The answer to the request in flight ends the sync. */
      if (next_sent)
        data->pull_error = error;
      else
        sync_return (task, error);
      return;
    }

  self->pulled += sigap_json_value_get_length (changes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PULLED]);

  if (next_sent)
    return;

  if (has_more)
    pull_next (g_steal_pointer (&task));
  else
    refetch_next (g_steal_pointer (&task));
}

/* Asks for the page after @cursor; pull_done_cb() takes @task. */
static void
pull_request (GTask      *task,
              const char *cursor)
{
  SigapSyncClient *self = g_task_get_source_object (task);
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GTask) fetch_task = NULL;
  Fetch *fetch;
  GError *error = NULL;

  escaped = g_uri_escape_string (cursor != NULL ? cursor : "0", NULL, FALSE);
  path = g_strdup_printf ("/api/v1/sync/pull?since=%s&limit=%u", escaped, self->page_size);

  msg = new_message (self, "GET", path, NULL);
  if (msg == NULL)
    {
      set_network_error (self, &error);
      sync_return (task, error);
      g_object_unref (task);
      return;
    }

  fetch = g_new0 (Fetch, 1);
  fetch->session = g_object_ref (self->session);
  fetch->msg = g_steal_pointer (&msg);

  fetch_task = g_task_new (self, g_task_get_cancellable (task), pull_done_cb, task);
  g_task_set_source_tag (fetch_task, pull_request);
  g_task_set_task_data (fetch_task, fetch, (GDestroyNotify) fetch_free);
  g_task_run_in_thread (fetch_task, fetch_thread);
}

static void
pull_next (GTask *task)
{
  SigapSyncClient *self = g_task_get_source_object (task);
  g_autofree char *cursor = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      self->busy = FALSE;
      sigap_store_end_remote_pages (self->store);
      update_pending (self);
      set_state (self, SIGAP_SYNC_STATE_IDLE, NULL);
      g_object_unref (task);
      return;
    }

  /* The protocol gives no total, so the pull's progress is unknown. */
  set_progress (self, -1.0);

  cursor = sigap_store_get_meta (self->store, "sync_cursor");
  pull_request (task, cursor);
}

/* }}} */

/* Fetching rejected records again {{{ */

static void
refetch_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SigapSyncClient *self = g_task_get_source_object (task);
  SyncData *data = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  const char *key = g_ptr_array_index (data->refetch, data->refetch_index);
  g_autofree char *entity = g_strndup (key, strchr (key, '\n') - key);
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;
  guint status = 0;

  if (!read_response (self, msg, result, &status, &root, &error))
    {
      sync_return (task, error);
      return;
    }

  /* 404: not on the server, or out of scope; the local copy stays, so
   * nothing the user wrote is lost. */
  if (status == SOUP_STATUS_OK && root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      if (!sigap_store_apply_remote (self->store, entity, json_node_get_object (root),
                                     &error))
        {
          sync_return (task, error);
          return;
        }
    }
  else if (status != SOUP_STATUS_NOT_FOUND)
    {
      set_status_error (self, status, root, &error);
      sync_return (task, error);
      return;
    }

  data->refetch_index++;
  refetch_next (g_steal_pointer (&task));
}

static void
refetch_next (GTask *task)
{
  SigapSyncClient *self = g_task_get_source_object (task);
  SyncData *data = g_task_get_task_data (task);
  GError *error = NULL;

  while (data->refetch_index < data->refetch->len)
    {
      const char *key = g_ptr_array_index (data->refetch, data->refetch_index);
      const char *id = strchr (key, '\n') + 1;
      g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);
      g_autofree char *path = NULL;
      g_autoptr(SoupMessage) msg = NULL;

      if (g_str_has_prefix (key, "post\n"))
        path = g_strconcat ("/api/v1/posts/", escaped, NULL);
      else if (g_str_has_prefix (key, "complaint\n"))
        path = g_strconcat ("/api/v1/complaints/", escaped, NULL);
      else if (g_str_has_prefix (key, "report\n"))
        path = g_strconcat ("/api/v1/reports/", escaped, NULL);

      if (path == NULL || sigap_store_has_outbox (self->store, "post", id) ||
          sigap_store_has_outbox (self->store, "report", id))
        {
          data->refetch_index++;
          continue;
        }

      msg = new_message (self, "GET", path, NULL);
      if (msg == NULL)
        {
          data->refetch_index++;
          continue;
        }

      soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT,
                                        g_task_get_cancellable (task), refetch_done_cb, task);
      return;
    }

  g_ptr_array_set_size (data->refetch, 0);
  data->refetch_index = 0;
  if (!save_refetch (self->store, data->refetch, &error))
    {
      sync_return (task, error);
      g_object_unref (task);
      return;
    }

  sync_return (task, NULL);
  g_object_unref (task);
}

/* }}} */

/* Login {{{ */

typedef struct
{
  char *username;
  char *token;
  SigapUser *user;
} LoginData;

static void
login_data_free (LoginData *data)
{
  g_free (data->username);
  g_free (data->token);
  g_clear_object (&data->user);
  g_free (data);
}

static SigapUser *
user_from_json (JsonObject *object)
{
  static const char * const members[] = { "id", "username", "display_name", "role", "opd_id",
                                          "disabled", "version", "updated_at", NULL };
  g_autoptr(SigapUser) user = sigap_user_new ();

  if (!sigap_json_apply_to_record (object, G_OBJECT (user), members, NULL, NULL) ||
      sigap_user_get_id (user) == NULL || sigap_user_get_username (user) == NULL)
    return NULL;

  return g_steal_pointer (&user);
}

/* A different user on this database: what was synced was the other
 * user's scope, so start afresh. */
static gboolean
switch_local_user (SigapSyncClient  *self,
                   SigapUser        *user,
                   GError          **error)
{
  g_autofree char *previous = sigap_store_get_meta (self->store, "local_user");
  const char *username = sigap_user_get_username (user);

  if (previous != NULL && !g_str_equal (previous, username) && !reset_replica (self, error))
    return FALSE;

  return sigap_store_set_meta (self->store, "local_user", username, error) &&
         sigap_store_set_meta (self->store, "local_user_id", sigap_user_get_id (user), error) &&
         sigap_store_set_meta (self->store, "server_url", self->server_url, error);
}

static void
login_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SigapSyncClient *self = g_task_get_source_object (task);
  LoginData *data = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SigapUser) user = NULL;
  GError *error = NULL;
  const char *code;
  const char *token = NULL;
  guint status = 0;

  if (!read_response (self, msg, result, &status, &root, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  code = error_code (root);

  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      g_task_return_new_error (task, SIGAP_SYNC_ERROR, SIGAP_SYNC_ERROR_UNAUTHORIZED, "%s",
                               _("The username or password is wrong. Check them and try "
                                 "again."));
      return;
    }

  if (status == SOUP_STATUS_FORBIDDEN && g_strcmp0 (code, "user_disabled") == 0)
    {
      g_task_return_new_error (task, SIGAP_SYNC_ERROR, SIGAP_SYNC_ERROR_UNAUTHORIZED, "%s",
                               _("This account has been disabled. Ask Diskominfo to enable "
                                 "it again."));
      return;
    }

  if (status == 429)
    {
      g_task_return_new_error (task, SIGAP_SYNC_ERROR, SIGAP_SYNC_ERROR_UNAUTHORIZED, "%s",
                               _("Too many failed sign-ins. Wait a few minutes and try "
                                 "again."));
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      set_status_error (self, status, root, &error);
      g_task_return_error (task, error);
      return;
    }

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *answer = json_node_get_object (root);

      token = json_object_get_string_member_with_default (answer, "token", NULL);
      if (json_object_has_member (answer, "user") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (answer, "user")))
        user = user_from_json (json_object_get_object_member (answer, "user"));
    }

  if (token == NULL || user == NULL)
    {
      set_server_error (self, "login", &error);
      g_task_return_error (task, error);
      return;
    }

  if (!switch_local_user (self, user, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  sigap_sync_client_set_token (self, token);
  data->token = g_strdup (token);
  data->user = g_steal_pointer (&user);

  g_task_return_boolean (task, TRUE);
}

/* }}} */

static void
sigap_sync_client_dispose (GObject *object)
{
  SigapSyncClient *self = (SigapSyncClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sigap_sync_client_parent_class)->dispose (object);
}

static void
sigap_sync_client_finalize (GObject *object)
{
  SigapSyncClient *self = (SigapSyncClient *)object;

  g_clear_pointer (&self->server_url, g_free);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->last_rejection, g_free);

  G_OBJECT_CLASS (sigap_sync_client_parent_class)->finalize (object);
}

static void
sigap_sync_client_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SigapSyncClient *self = SIGAP_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    case PROP_LAST_REJECTION:
      g_value_set_string (value, self->last_rejection);
      break;

    case PROP_PENDING:
      g_value_set_int64 (value, self->pending);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;

    case PROP_PULLED:
      g_value_set_uint (value, self->pulled);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_sync_client_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SigapSyncClient *self = SIGAP_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        {
          g_signal_connect_object (self->store, "outbox-changed",
                                   G_CALLBACK (outbox_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          self->pending = sigap_store_count_outbox (self->store);
        }
      break;

    case PROP_SERVER_URL:
      sigap_sync_client_set_server_url (self, g_value_get_string (value));
      break;

    case PROP_PAGE_SIZE:
      sigap_sync_client_set_page_size (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_sync_client_class_init (SigapSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sigap_sync_client_dispose;
  object_class->finalize = sigap_sync_client_finalize;
  object_class->get_property = sigap_sync_client_get_property;
  object_class->set_property = sigap_sync_client_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SIGAP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL,
                       1, 1000, DEFAULT_PAGE_SIZE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       SIGAP_TYPE_SYNC_STATE, SIGAP_SYNC_STATE_IDLE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_REJECTION] =
    g_param_spec_string ("last-rejection", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PENDING] =
    g_param_spec_int64 ("pending", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL,
                         -1.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PULLED] =
    g_param_spec_uint ("pulled", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sigap_sync_client_init (SigapSyncClient *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
  self->session = soup_session_new_with_options ("timeout", 60,
                                                 "user-agent", "Sigap/" PACKAGE_VERSION,
                                                 NULL);
}

/**
 * sigap_sync_client_new:
 * @store: the desktop's store
 * @server_url: (nullable): the server's base URL, such as
 *   "https://sigap.example.go.id"
 *
 * Returns: (transfer full): a new sync client
 */
SigapSyncClient *
sigap_sync_client_new (SigapStore *store,
                       const char *server_url)
{
  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);

  return g_object_new (SIGAP_TYPE_SYNC_CLIENT,
                       "store", store,
                       "server-url", server_url,
                       NULL);
}

/**
 * sigap_sync_client_get_store:
 * @self: a #SigapSyncClient
 *
 * Returns: (transfer none): the store
 */
SigapStore *
sigap_sync_client_get_store (SigapSyncClient *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_CLIENT (self), NULL);

  return self->store;
}

/**
 * sigap_sync_client_get_server_url:
 * @self: a #SigapSyncClient
 *
 * Returns: (nullable): the server's base URL
 */
const char *
sigap_sync_client_get_server_url (SigapSyncClient *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_CLIENT (self), NULL);

  return self->server_url;
}

/**
 * sigap_sync_client_set_server_url:
 * @self: a #SigapSyncClient
 * @server_url: (nullable): the server's base URL
 */
void
sigap_sync_client_set_server_url (SigapSyncClient *self,
                                  const char      *server_url)
{
  g_return_if_fail (SIGAP_IS_SYNC_CLIENT (self));

  if (g_strcmp0 (self->server_url, server_url) == 0)
    return;

  g_free (self->server_url);
  self->server_url = g_strdup (server_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
}

/**
 * sigap_sync_client_set_token:
 * @self: a #SigapSyncClient
 * @token: (nullable): the sign-in token, as the app keeps it in the
 *   keyring
 *
 * The token is kept in memory only, never in the database.
 */
void
sigap_sync_client_set_token (SigapSyncClient *self,
                             const char      *token)
{
  g_return_if_fail (SIGAP_IS_SYNC_CLIENT (self));

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  self->token = g_strdup (token);
}

/**
 * sigap_sync_client_get_page_size:
 * @self: a #SigapSyncClient
 *
 * Returns: the number of changes asked for per pull request
 */
guint
sigap_sync_client_get_page_size (SigapSyncClient *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_CLIENT (self), DEFAULT_PAGE_SIZE);

  return self->page_size;
}

/**
 * sigap_sync_client_set_page_size:
 * @self: a #SigapSyncClient
 * @page_size: changes per pull request, 1 to 1000
 */
void
sigap_sync_client_set_page_size (SigapSyncClient *self,
                                 guint            page_size)
{
  g_return_if_fail (SIGAP_IS_SYNC_CLIENT (self));

  page_size = CLAMP (page_size, 1, 1000);
  if (self->page_size == page_size)
    return;

  self->page_size = page_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}

/**
 * sigap_sync_client_get_state:
 * @self: a #SigapSyncClient
 *
 * Returns: what the client is doing, or how its last sync ended
 */
SigapSyncState
sigap_sync_client_get_state (SigapSyncClient *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_CLIENT (self), SIGAP_SYNC_STATE_IDLE);

  return self->state;
}

/**
 * sigap_sync_client_get_error_message:
 * @self: a #SigapSyncClient
 *
 * Returns: (nullable): why the last sync failed, a translated sentence
 */
const char *
sigap_sync_client_get_error_message (SigapSyncClient *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_CLIENT (self), NULL);

  return self->error_message;
}

/**
 * sigap_sync_client_get_last_rejection:
 * @self: a #SigapSyncClient
 *
 * Returns: (nullable): why the server last refused a pushed change, a
 *   translated sentence
 */
const char *
sigap_sync_client_get_last_rejection (SigapSyncClient *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_CLIENT (self), NULL);

  return self->last_rejection;
}

/**
 * sigap_sync_client_get_pending:
 * @self: a #SigapSyncClient
 *
 * Returns: the number of local changes waiting to be sent
 */
gint64
sigap_sync_client_get_pending (SigapSyncClient *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_CLIENT (self), 0);

  return self->pending;
}

/**
 * sigap_sync_client_get_progress:
 * @self: a #SigapSyncClient
 *
 * Returns: the fraction of the sync done, from 0 to 1, or -1 while it
 *   cannot be estimated (the pull)
 */
double
sigap_sync_client_get_progress (SigapSyncClient *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_CLIENT (self), 0.0);

  return self->progress;
}

/**
 * sigap_sync_client_get_pulled:
 * @self: a #SigapSyncClient
 *
 * Returns: the number of changes the current or last sync pulled; it is
 *   notified after each page is stored
 */
guint
sigap_sync_client_get_pulled (SigapSyncClient *self)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_CLIENT (self), 0);

  return self->pulled;
}

/**
 * sigap_sync_client_login_async:
 * @self: a #SigapSyncClient
 * @username: the user name
 * @password: the password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server answered
 * @user_data: data for @callback
 *
 * Signs in at POST /api/v1/auth/login. On success the client uses the
 * token, and the store remembers the user (meta 'local_user') and the
 * server (meta 'server_url'), but not the token.
 */
void
sigap_sync_client_login_async (SigapSyncClient     *self,
                               const char          *username,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  LoginData *data;

  g_return_if_fail (SIGAP_IS_SYNC_CLIENT (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_sync_client_login_async);
  data = g_new0 (LoginData, 1);
  data->username = g_strdup (username);
  g_task_set_task_data (task, data, (GDestroyNotify) login_data_free);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  /* The token must not travel with the sign-in. */
  sigap_sync_client_set_token (self, NULL);

  msg = new_message (self, "POST", "/api/v1/auth/login", body);
  if (msg == NULL)
    {
      GError *error = NULL;

      set_network_error (self, &error);
      g_task_return_error (task, error);
      return;
    }

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    login_done_cb, g_steal_pointer (&task));
}

/**
 * sigap_sync_client_login_finish:
 * @self: a #SigapSyncClient
 * @result: the #GAsyncResult
 * @token: (out) (optional) (transfer full): the token, for the keyring
 * @user: (out) (optional) (transfer full): the signed-in user
 * @error: return location for a #SigapSyncError
 *
 * Returns: %TRUE if signed in
 */
gboolean
sigap_sync_client_login_finish (SigapSyncClient  *self,
                                GAsyncResult     *result,
                                char            **token,
                                SigapUser       **user,
                                GError          **error)
{
  LoginData *data;

  g_return_val_if_fail (SIGAP_IS_SYNC_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (token != NULL)
    *token = g_strdup (data->token);
  if (user != NULL)
    *user = g_object_ref (data->user);

  return TRUE;
}

/**
 * sigap_sync_client_sync_async:
 * @self: a #SigapSyncClient
 * @cancellable: (nullable): a #GCancellable; cancelling stops after the
 *   batch or page in flight, keeping what was stored
 * @callback: called when the sync is over
 * @user_data: data for @callback
 *
 * Pushes the outbox, then pulls the server's changes until there are no
 * more. "state" is syncing meanwhile, then idle, offline (the server
 * cannot be reached) or failed (with "error-message").
 */
void
sigap_sync_client_sync_async (SigapSyncClient     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SyncData *data;

  g_return_if_fail (SIGAP_IS_SYNC_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_sync_client_sync_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s",
                               _("Sigap is already syncing. Wait for it to finish."));
      return;
    }

  data = g_new0 (SyncData, 1);
  data->refetch = load_refetch (self->store);
  g_task_set_task_data (task, data, (GDestroyNotify) sync_data_free);

  self->busy = TRUE;
  self->pulled = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PULLED]);
  set_progress (self, 0.0);
  set_state (self, SIGAP_SYNC_STATE_SYNCING, NULL);

  if (self->token == NULL)
    {
      GError *error = NULL;

      set_unauthorized_error (&error);
      sync_return (task, error);
      return;
    }

  push_next (g_steal_pointer (&task));
}

/**
 * sigap_sync_client_sync_finish:
 * @self: a #SigapSyncClient
 * @result: the #GAsyncResult
 * @error: return location for a #SigapSyncError, a #SigapStoreError, or
 *   %G_IO_ERROR_CANCELLED
 *
 * Returns: %TRUE if everything was pushed and pulled
 */
gboolean
sigap_sync_client_sync_finish (SigapSyncClient  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
logout_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SigapSyncClient *self = g_task_get_source_object (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;
  guint status = 0;

  if (!read_response (self, msg, result, &status, &root, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* 401: the token had expired or was revoked already, which is what
   * signing out wants anyway. */
  if (status != SOUP_STATUS_NO_CONTENT && status != SOUP_STATUS_OK &&
      status != SOUP_STATUS_UNAUTHORIZED)
    {
      set_status_error (self, status, root, &error);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * sigap_sync_client_logout_async:
 * @self: a #SigapSyncClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server answered
 * @user_data: data for @callback
 *
 * Revokes the token at POST /api/v1/auth/logout. The client forgets the
 * token at once, whatever the server answers; without a token there is
 * nothing to revoke and the call succeeds.
 */
void
sigap_sync_client_logout_async (SigapSyncClient     *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (SIGAP_IS_SYNC_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_sync_client_logout_async);

  if (self->token == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  msg = new_message (self, "POST", "/api/v1/auth/logout", NULL);
  sigap_sync_client_set_token (self, NULL);
  if (msg == NULL)
    {
      GError *error = NULL;

      set_network_error (self, &error);
      g_task_return_error (task, error);
      return;
    }

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    logout_done_cb, g_steal_pointer (&task));
}

/**
 * sigap_sync_client_logout_finish:
 * @self: a #SigapSyncClient
 * @result: the #GAsyncResult
 * @error: return location for a #SigapSyncError
 *
 * Returns: %TRUE if the server revoked the token, or had no valid one
 */
gboolean
sigap_sync_client_logout_finish (SigapSyncClient  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (SIGAP_IS_SYNC_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
