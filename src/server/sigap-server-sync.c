/* sigap-server-sync.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-server"

#include "config.h"

#include <string.h>

#include "sigap-central-documents.h"
#include "sigap-central-schema.h"
#include "sigap-complaint-rules.h"
#include "sigap-complaint-workflow.h"
#include "sigap-json.h"
#include "sigap-server-documents.h"
#include "sigap-server-sync.h"
#include "sigap-working-days.h"

/*
 * The server side of sync (docs/api.md, "Sync").
 *
 * Pull reads the store's change log, filtered by the caller's scope, or,
 * for a client that starts, a snapshot of every record in scope, entity
 * by entity and ordered by id. Push applies a batch of mutations in one
 * transaction, each in a nested one, and keeps each answer in the store's
 * sync journal so that a retried push changes nothing.
 *
 * Cursors are opaque to clients:
 *   "L<seq>"                  after change log row <seq>;
 *   "S<seq>.<entity>.<id>"    in the snapshot begun when the log was at
 *                             <seq>, after record <id> of entity number
 *                             <entity> (an empty <id>: at its start).
 *
 * Messages here are English, for programs; nothing here logs a record.
 */

#define MAX_ID_LENGTH 64

G_DEFINE_QUARK (sigap-server-sync-error-quark, sigap_server_sync_error)

typedef enum
{
  ENTITY_OPD,
  ENTITY_ACCOUNT,
  ENTITY_USER,
  ENTITY_POST,
  ENTITY_COMPLAINT,
  ENTITY_REPORT,
  N_ENTITIES
} Entity;

/* The cursors number the entities as the store does. */
G_STATIC_ASSERT ((int) ENTITY_REPORT == (int) SIGAP_SERVER_ENTITY_REPORT);
G_STATIC_ASSERT ((int) ENTITY_POST == (int) SIGAP_SERVER_ENTITY_POST);

static const char * const entity_names[N_ENTITIES] = {
  "opd", "account", "user", "post", "complaint", "report"
};

/* Who asks: the scope comes from the token, never from the request. */
typedef SigapServerScope Scope;

static void
scope_init (Scope     *scope,
            SigapUser *user)
{
  scope->role = sigap_user_get_role (user);
  scope->user_id = sigap_user_get_id (user);
  scope->opd_id = sigap_user_get_opd_id (user);
}

/* Writing a page {{{
 *
 * A pulled page is JSON text: the store writes each record's text (see
 * sigap_server_store_read_record()), and the page around it is written
 * here, without a JsonNode tree per record, which would cost several
 * times what reading the rows does.
 */

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);

  return node;
}

/* A page being written. */
typedef struct
{
  SigapServerStore *store;
  const Scope *scope;
  GString *out;
  guint n_changes;
  GString *record;     /* one record's text, as the store reads it */
} Page;

static void
page_clear (Page *page)
{
  if (page->out != NULL)
    g_string_free (g_steal_pointer (&page->out), TRUE);
  if (page->record != NULL)
    g_string_free (g_steal_pointer (&page->record), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Page, page_clear)

/* Starts a change: {"entity": …, "op": …, */
static void
open_change (Page       *page,
             Entity      entity,
             const char *op)
{
  if (page->n_changes++ > 0)
    g_string_append_c (page->out, ',');

  g_string_append (page->out, "{\"entity\":");
  sigap_json_append_string (page->out, entity_names[entity]);
  g_string_append (page->out, ",\"op\":");
  sigap_json_append_string (page->out, op);
  g_string_append_c (page->out, ',');
}

/* Adds a "delete" or a "remove" of @id. */
static void
add_id_change (Page       *page,
               Entity      entity,
               const char *op,
               const char *id)
{
  open_change (page, entity, op);
  g_string_append (page->out, "\"id\":");
  sigap_json_append_string (page->out, id);
  g_string_append_c (page->out, '}');
}

/* Adds an "upsert" of a record, from its JSON text. */
static void
add_upsert (Page        *page,
            Entity       entity,
            const char  *json,
            gsize        length)
{
  open_change (page, entity, "upsert");
  g_string_append (page->out, "\"record\":");
  g_string_append_len (page->out, json, (gssize) length);
  g_string_append_c (page->out, '}');
}

/* }}} */

/* Cursors {{{ */

typedef struct
{
  gboolean snapshot;
  gint64 seq;
  Entity entity;
  char *after_id;
} Cursor;

static void
cursor_clear (Cursor *cursor)
{
  g_clear_pointer (&cursor->after_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cursor, cursor_clear)

static gboolean
parse_number (const char *text,
              gint64     *value)
{
  gsize length = strlen (text);

  if (length == 0 || length > 18)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  *value = g_ascii_strtoll (text, NULL, 10);

  return TRUE;
}

static gboolean
parse_cursor (const char *text,
              Cursor     *cursor)
{
  g_auto(GStrv) parts = NULL;
  gint64 entity;

  if (text[0] == 'L')
    {
      cursor->snapshot = FALSE;
      return parse_number (text + 1, &cursor->seq);
    }

  if (text[0] != 'S')
    return FALSE;

  parts = g_strsplit (text + 1, ".", 3);
  if (g_strv_length (parts) != 3 ||
      !parse_number (parts[0], &cursor->seq) ||
      !parse_number (parts[1], &entity) ||
      entity >= N_ENTITIES ||
      strlen (parts[2]) > 256)
    return FALSE;

  cursor->snapshot = TRUE;
  cursor->entity = (Entity) entity;
  cursor->after_id = g_strdup (parts[2]);

  return TRUE;
}

static char *
format_cursor (const Cursor *cursor)
{
  if (!cursor->snapshot)
    return g_strdup_printf ("L%" G_GINT64_FORMAT, cursor->seq);

  return g_strdup_printf ("S%" G_GINT64_FORMAT ".%d.%s", cursor->seq, (int) cursor->entity,
                          cursor->after_id != NULL ? cursor->after_id : "");
}

/* }}} */

/* Pull {{{ */

/* Whether the log has rows for the caller after @seq. */
static gboolean
log_has_rows_after (SigapServerStore  *store,
                    const Scope       *scope,
                    gint64             seq,
                    gboolean          *has_rows,
                    GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = sigap_server_store_list_changes (store, scope, seq, 1, error);
  if (rows == NULL)
    return FALSE;

  *has_rows = rows->len > 0;

  return TRUE;
}

typedef struct
{
  Page *page;
  Entity entity;
} SnapshotRead;

static gboolean
snapshot_record_cb (const char  *id,
                    const char  *json,
                    gsize        length,
                    gpointer     user_data,
                    GError     **error)
{
  SnapshotRead *read = user_data;

  add_upsert (read->page, read->entity, json, length);

  return TRUE;
}

static gboolean
snapshot_page (Page         *page,
               Cursor       *cursor,
               guint         limit,
               gboolean     *has_more,
               GError      **error)
{
  const Scope *scope = page->scope;

  while (page->n_changes < limit && cursor->entity < N_ENTITIES)
    {
      g_autofree char *last_id = NULL;
      guint wanted = limit - page->n_changes;
      guint n_rows = 0;
      SnapshotRead read = { page, cursor->entity };

      /* A scope that sees none of an entity reads no row of it. */
      if (!sigap_server_store_read_snapshot (page->store, scope,
                                             (SigapServerEntity) cursor->entity,
                                             cursor->after_id != NULL ? cursor->after_id : "",
                                             wanted, snapshot_record_cb, &read, &n_rows,
                                             &last_id, error))
        return FALSE;

      if (n_rows < wanted)
        {
          cursor->entity++;
          g_clear_pointer (&cursor->after_id, g_free);
        }
      else
        {
          g_free (cursor->after_id);
          cursor->after_id = g_steal_pointer (&last_id);
        }
    }

  if (cursor->entity < N_ENTITIES)
    {
      *has_more = TRUE;
      return TRUE;
    }

  /* The snapshot is done: go on from the log where it stood when the
   * snapshot began, so that nothing written meanwhile is missed. */
  cursor->snapshot = FALSE;
  g_clear_pointer (&cursor->after_id, g_free);

  return log_has_rows_after (page->store, scope, cursor->seq, has_more, error);
}

typedef struct
{
  Entity entity;
  char *id;
  guint last;          /* index of its last row in the page */
  gboolean removed;    /* the page has a 'remove' for it */
} Touched;

static void
touched_free (Touched *touched)
{
  g_free (touched->id);
  g_free (touched);
}

static int
compare_touched (gconstpointer a,
                 gconstpointer b)
{
  const Touched *ta = *(const Touched **) a;
  const Touched *tb = *(const Touched **) b;

  return (ta->last > tb->last) - (ta->last < tb->last);
}

static Entity
entity_from_name (const char *name)
{
  for (guint i = 0; i < N_ENTITIES; i++)
    if (g_strcmp0 (name, entity_names[i]) == 0)
      return i;

  return N_ENTITIES;
}

/* Adds the change for a record the log touched: its state now, a delete
 * when it is gone, or a remove when it left the caller's scope and the
 * page holds the 'remove'. */
static gboolean
add_touched (Page     *page,
             Touched  *entry,
             GError  **error)
{
  SigapServerRecordState state;

  g_string_truncate (page->record, 0);
  if (!sigap_server_store_read_record (page->store, page->scope,
                                       (SigapServerEntity) entry->entity, entry->id,
                                       page->record, &state, error))
    return FALSE;

  if (state == SIGAP_SERVER_RECORD_GONE)
    add_id_change (page, entry->entity, "delete", entry->id);
  else if (state == SIGAP_SERVER_RECORD_VISIBLE)
    add_upsert (page, entry->entity, page->record->str, page->record->len);
  else if (entry->removed)
    {
      /* Left the caller's scope: say so if the page holds the 'remove';
       * otherwise the page that does will. */
      add_id_change (page, entry->entity, "remove", entry->id);
    }

  return TRUE;
}

static gboolean
log_page (Page         *page,
          Cursor       *cursor,
          guint         limit,
          gboolean     *has_more,
          GError      **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) touched = g_ptr_array_new_with_free_func ((GDestroyNotify) touched_free);
  g_autoptr(GPtrArray) rows = NULL;
  gint64 head;
  gint64 last_seq = cursor->seq;
  guint n_rows = 0;

  /* Read before the rows, so that the cursor may move past rows the
   * caller does not see without skipping one written meanwhile. */
  if (!sigap_server_store_get_change_head (page->store, &head, error))
    return FALSE;

  rows = sigap_server_store_list_changes (page->store, page->scope, cursor->seq, limit + 1,
                                          error);
  if (rows == NULL)
    return FALSE;

  *has_more = FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      SigapServerChange *row = g_ptr_array_index (rows, i);
      const char *record_id = row->record_id;
      const char *op = row->op;
      Entity entity = entity_from_name (row->entity);
      g_autofree char *key = NULL;
      Touched *entry;

      if (n_rows == limit)
        {
          *has_more = TRUE;
          break;
        }

      n_rows++;
      last_seq = row->seq;

      if (entity == N_ENTITIES || record_id == NULL)
        continue;

      key = g_strconcat (entity_names[entity], "/", record_id, NULL);
      entry = g_hash_table_lookup (by_key, key);
      if (entry == NULL)
        {
          entry = g_new0 (Touched, 1);
          entry->entity = entity;
          entry->id = g_strdup (record_id);
          g_ptr_array_add (touched, entry);
          g_hash_table_insert (by_key, g_steal_pointer (&key), entry);
        }
      entry->last = n_rows;
      if (g_strcmp0 (op, "remove") == 0)
        entry->removed = TRUE;
    }

  /* One change per record, with its state now, where its last row was. */
  g_ptr_array_sort (touched, compare_touched);
  for (guint i = 0; i < touched->len; i++)
    if (!add_touched (page, g_ptr_array_index (touched, i), error))
      return FALSE;

  cursor->seq = *has_more ? last_seq : MAX (last_seq, head);

  return TRUE;
}

typedef struct
{
  SigapUser *user;
  const char *cursor_text;
  guint limit;
  GString *out;
} Pull;

/* Reads the page in the read-only transaction of
 * sigap_server_sync_pull_bytes(), so that it is consistent. */
static gboolean
pull_page_cb (SigapServerStore  *store,
              gpointer           user_data,
              GError           **error)
{
  Pull *pull = user_data;
  const char *cursor_text = pull->cursor_text;
  guint limit = pull->limit;
  GString *out = pull->out;
  g_auto(Page) page = { 0 };
  g_auto(Cursor) cursor = { 0 };
  g_autofree char *next = NULL;
  Scope scope;
  gboolean has_more = FALSE;
  gint64 head;
  gint64 floor;
  gboolean ok;

  scope_init (&scope, pull->user);

  if (!sigap_server_store_get_change_head (store, &head, error))
    return FALSE;

  floor = sigap_server_store_get_change_floor (store);

  if (cursor_text == NULL || cursor_text[0] == '\0' || g_str_equal (cursor_text, "0"))
    {
      cursor.snapshot = TRUE;
      cursor.seq = head;
      cursor.entity = ENTITY_OPD;
    }
  else if (!parse_cursor (cursor_text, &cursor) || cursor.seq > head || cursor.seq < floor)
    {
      g_set_error_literal (error, SIGAP_SERVER_SYNC_ERROR,
                           SIGAP_SERVER_SYNC_ERROR_RESET_REQUIRED,
                           "The server cannot continue from this cursor. Clear the local "
                           "copy and pull again from cursor \"0\".");
      return FALSE;
    }

  page.store = store;
  page.scope = &scope;
  page.out = out;
  page.record = g_string_new (NULL);

  g_string_append (out, "{\"changes\":[");
  if (cursor.snapshot)
    ok = snapshot_page (&page, &cursor, limit, &has_more, error);
  else
    ok = log_page (&page, &cursor, limit, &has_more, error);
  page.out = NULL;
  if (!ok)
    return FALSE;

  next = format_cursor (&cursor);
  g_string_append (out, "],\"cursor\":");
  sigap_json_append_string (out, next);
  g_string_append (out, has_more ? ",\"has_more\":true}" : ",\"has_more\":false}");

  return TRUE;
}

/**
 * sigap_server_sync_pull_bytes:
 * @store: the server's store
 * @user: the signed-in user
 * @cursor_text: (nullable): the cursor of the last page, or %NULL, "" or "0"
 *   to start with a snapshot
 * @limit: the most changes to return, 1 to %SIGAP_SERVER_SYNC_MAX_LIMIT
 * @error: return location for a %SIGAP_SERVER_SYNC_ERROR_RESET_REQUIRED
 *   or a #SigapServerStoreError
 *
 * Reads a page of changes, in one read-only transaction so that it is
 * consistent, and writes it as JSON text, the body of the answer to
 * `GET /api/v1/sync/pull`. A page of a first sync is megabytes, which a
 * record object and a #JsonNode tree per record and #JsonGenerator take
 * many times longer to write than the rows take to read: the store
 * writes the records' text straight from its rows.
 *
 * Returns: (transfer full) (nullable): the page as UTF-8 JSON,
 *   {"changes": […], "cursor": "…", "has_more": bool}
 */
GBytes *
sigap_server_sync_pull_bytes (SigapServerStore  *store,
                              SigapUser         *user,
                              const char        *cursor_text,
                              guint              limit,
                              GError           **error)
{
  g_autoptr(GString) out = NULL;
  Pull pull;

  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (store), NULL);
  g_return_val_if_fail (SIGAP_IS_USER (user), NULL);
  g_return_val_if_fail (limit >= 1 && limit <= SIGAP_SERVER_SYNC_MAX_LIMIT, NULL);

  /* About 2.5 KiB a complaint with its timeline. */
  out = g_string_sized_new (MIN (limit, 1000) * 2560 + 64);

  pull.user = user;
  pull.cursor_text = cursor_text;
  pull.limit = limit;
  pull.out = out;

  if (!sigap_server_store_run_read_only (store, pull_page_cb, &pull, error))
    return NULL;

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * sigap_server_sync_pull:
 * @store: the server's store
 * @user: the signed-in user
 * @cursor_text: (nullable): the cursor of the last page, or %NULL, "" or "0"
 *   to start with a snapshot
 * @limit: the most changes to return, 1 to %SIGAP_SERVER_SYNC_MAX_LIMIT
 * @error: return location for a %SIGAP_SERVER_SYNC_ERROR_RESET_REQUIRED
 *   or a #SigapServerStoreError
 *
 * sigap_server_sync_pull_bytes() as a #JsonObject, for a caller that
 * wants to look into the page. An HTTP answer should send the bytes.
 *
 * Returns: (transfer full) (nullable): the page,
 *   {"changes": […], "cursor": "…", "has_more": bool}
 */
JsonObject *
sigap_server_sync_pull (SigapServerStore  *store,
                        SigapUser         *user,
                        const char        *cursor_text,
                        guint              limit,
                        GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  bytes = sigap_server_sync_pull_bytes (store, user, cursor_text, limit, error);
  if (bytes == NULL)
    return NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error))
    return NULL;

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* }}} */

/* Push {{{ */

/* Why a mutation is rejected; the codes are the API's. */
typedef enum
{
  REJECT_INVALID_REQUEST,
  REJECT_FORBIDDEN,
  REJECT_NOT_FOUND,
  REJECT_INVALID_TRANSITION,
  REJECT_ALREADY_EXISTS,
} Reject;

static const char * const reject_codes[] = {
  "invalid_request", "forbidden", "not_found", "invalid_transition", "already_exists"
};

#define REJECT_ERROR (reject_error_quark ())
static G_DEFINE_QUARK (sigap-server-sync-reject-quark, reject_error)

typedef struct
{
  const char *id;
  const char *entity;
  gboolean delete;
  gint64 base_version;
  JsonArray *fields;
  JsonObject *record;
  const char *record_id;
} Mutation;

typedef struct
{
  SigapServerStore *store;
  Scope scope;
  gint64 now;
  char *field;             /* the record member a rejection names */
  SigapWorkingDays *days;  /* the holidays, once a step needs them */
  gboolean sla_loaded;
  SigapSlaSettings sla;    /* the service levels, once a step needs them */
} Push;

static gboolean
reject (Push        *push,
        GError     **error,
        Reject       code,
        const char  *field,
        const char  *format,
        ...) G_GNUC_PRINTF (5, 6);

static gboolean
reject (Push        *push,
        GError     **error,
        Reject       code,
        const char  *field,
        const char  *format,
        ...)
{
  va_list args;

  g_free (push->field);
  push->field = g_strdup (field);

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (REJECT_ERROR, code, format, args));
  va_end (args);

  return FALSE;
}

static gboolean
forbidden (Push    *push,
           GError **error)
{
  return reject (push, error, REJECT_FORBIDDEN, NULL, "Your role may not change this record.");
}

static JsonObject *
result_new (const char *id,
            const char *status)
{
  JsonObject *result = json_object_new ();

  json_object_set_string_member (result, "id", id);
  json_object_set_string_member (result, "status", status);

  return result;
}

static JsonObject *
result_applied (const char *id,
                gint64      version)
{
  JsonObject *result = result_new (id, "applied");

  json_object_set_int_member (result, "version", version);

  return result;
}

static JsonObject *
result_conflict (const char *id,
                 gint64      version,
                 JsonObject *record)
{
  JsonObject *result = result_new (id, "conflict");

  json_object_set_int_member (result, "version", version);
  json_object_set_object_member (result, "record", record);

  return result;
}

static JsonObject *
result_rejected (const char *id,
                 const char *code,
                 const char *message,
                 const char *field)
{
  JsonObject *result = result_new (id, "rejected");
  JsonObject *error = json_object_new ();

  json_object_set_string_member (error, "code", code);
  json_object_set_string_member (error, "message", message);
  if (field != NULL)
    json_object_set_string_member (error, "field", field);
  json_object_set_object_member (result, "error", error);

  return result;
}

static gboolean
may_write_for_opd (const Scope *scope,
                   const char  *opd_id)
{
  if (scope->role == SIGAP_ROLE_VERIFIKATOR)
    return TRUE;

  return scope->role == SIGAP_ROLE_ADMIN_OPD && scope->opd_id != NULL &&
         g_strcmp0 (opd_id, scope->opd_id) == 0;
}

static gboolean
id_is_valid (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > MAX_ID_LENGTH)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '-' && id[i] != '_')
      return FALSE;

  return TRUE;
}

static gboolean
check_record_members (Push                *push,
                      JsonObject          *record,
                      const char * const  *allowed,
                      GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *field = NULL;

  if (sigap_json_check_members (record, allowed, &field, &local_error))
    return TRUE;

  return reject (push, error, REJECT_INVALID_REQUEST, field, "%s", local_error->message);
}

static gboolean
apply_record_members (Push                *push,
                      JsonObject          *record,
                      GObject             *object,
                      const char * const  *members,
                      GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *field = NULL;

  if (sigap_json_apply_to_record (record, object, members, &field, &local_error))
    return TRUE;

  return reject (push, error, REJECT_INVALID_REQUEST, field, "%s", local_error->message);
}

/* The fields a mutation changes: those it lists, or every one of
 * @mergeable that its record has. */
static GPtrArray *
changed_fields (Push                *push,
                Mutation            *m,
                const char * const  *mergeable,
                GError             **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();

  if (m->fields == NULL)
    {
      for (guint i = 0; mergeable[i] != NULL; i++)
        if (json_object_has_member (m->record, mergeable[i]))
          g_ptr_array_add (changed, (gpointer) mergeable[i]);

      return g_steal_pointer (&changed);
    }

  for (guint i = 0; i < json_array_get_length (m->fields); i++)
    {
      const char *name = json_array_get_string_element (m->fields, i);
      guint j;

      for (j = 0; mergeable[j] != NULL; j++)
        if (g_str_equal (name, mergeable[j]))
          break;

      if (mergeable[j] == NULL)
        {
          reject (push, error, REJECT_INVALID_REQUEST, "fields",
                  "'fields' names '%s', which cannot be changed.", name);
          return NULL;
        }

      if (!json_object_has_member (m->record, name))
        {
          reject (push, error, REJECT_INVALID_REQUEST, name,
                  "'fields' names '%s' but the record lacks it.", name);
          return NULL;
        }

      if (!g_ptr_array_find_with_equal_func (changed, mergeable[j], g_str_equal, NULL))
        g_ptr_array_add (changed, (gpointer) mergeable[j]);
    }

  return g_steal_pointer (&changed);
}

static gboolean
store_error_to_reject (Push     *push,
                       GError   *store_error,
                       GError  **error)
{
  if (g_error_matches (store_error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_INVALID))
    return reject (push, error, REJECT_INVALID_REQUEST, NULL,
                   "The record breaks a rule of the database (an unknown reference or an "
                   "empty required field).");
  if (g_error_matches (store_error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_EXISTS))
    return reject (push, error, REJECT_ALREADY_EXISTS, NULL,
                   "A record with the same unique key already exists.");
  if (g_error_matches (store_error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    return reject (push, error, REJECT_NOT_FOUND, NULL, "No such record.");

  g_propagate_error (error, g_error_copy (store_error));

  return FALSE;
}

/* Posts {{{ */

static const char * const post_members[] = {
  "id", "opd_id", "title", "body", "category", "status", "scheduled_at", "published_at",
  "author_id", "review_note", "media", "created_at", "version", "updated_at", "variants", NULL
};

/* What a client may change; "variants" is one field. */
static const char * const post_fields[] = {
  "opd_id", "title", "body", "category", "status", "scheduled_at", "published_at",
  "author_id", "review_note", "media", "variants", NULL
};

static const char * const post_scalar_fields[] = {
  "opd_id", "title", "body", "category", "status", "scheduled_at", "published_at",
  "author_id", "review_note", "media", NULL
};

static const char * const variant_members[] = {
  "platform", "title", "body", "published_url", "links", NULL
};

static gboolean
read_variants (Push        *push,
               JsonObject  *record,
               SigapPost   *post,
               GError     **error)
{
  JsonNode *node = json_object_get_member (record, "variants");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return reject (push, error, REJECT_INVALID_REQUEST, "variants",
                   "Field 'variants' must be an array of objects.");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(SigapPostVariant) variant = sigap_post_variant_new ();
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return reject (push, error, REJECT_INVALID_REQUEST, "variants",
                       "Field 'variants' must be an array of objects.");

      object = json_node_get_object (element);
      if (!json_object_has_member (object, "platform"))
        return reject (push, error, REJECT_INVALID_REQUEST, "platform",
                       "Every variant needs a 'platform'.");

      if (!check_record_members (push, object, variant_members, error) ||
          !apply_record_members (push, object, G_OBJECT (variant), variant_members, error))
        return FALSE;

      sigap_post_set_variant (post, variant);
    }

  return TRUE;
}

static void
replace_variants (SigapPost *post,
                  SigapPost *from)
{
  for (int p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      SigapPostVariant *variant = sigap_post_get_variant (from, p);

      if (variant != NULL)
        {
          g_autoptr(SigapPostVariant) copy = sigap_post_variant_copy (variant);

          sigap_post_set_variant (post, copy);
        }
      else
        sigap_post_remove_variant (post, p);
    }
}

static gboolean
write_revision (Push        *push,
                const char  *post_id,
                gint64       version,
                const char  *kind,
                JsonObject  *fields,
                GError     **error)
{
  return sigap_server_store_add_post_revision (push->store, post_id, version, kind,
                                               push->scope.user_id, fields, push->now, error);
}

/* The fields changed on the server since @base_version, from the accepted
 * revisions; every field when they do not account for every version
 * (the post was also written by another path). */
static GHashTable *
fields_changed_since (Push        *push,
                      const char  *post_id,
                      gint64       base_version,
                      gint64       version,
                      GError     **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) revisions = NULL;
  gint64 n_versions = 0;
  gint64 last = -1;

  revisions = sigap_server_store_list_post_revisions (push->store, post_id, "accepted",
                                                      base_version, version, error);
  if (revisions == NULL)
    return NULL;

  for (guint i = 0; i < revisions->len; i++)
    {
      JsonObject *revision = g_ptr_array_index (revisions, i);
      gint64 v = json_object_get_int_member (revision, "version");
      JsonNode *node = json_object_get_member (revision, "fields");

      if (v != last)
        n_versions++;
      last = v;

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          GList *names = json_object_get_members (json_node_get_object (node));

          for (GList *l = names; l != NULL; l = l->next)
            g_hash_table_add (fields, g_strdup (l->data));
          g_list_free (names);
        }
    }

  if (n_versions != version - base_version)
    for (guint i = 0; post_fields[i] != NULL; i++)
      g_hash_table_add (fields, g_strdup (post_fields[i]));

  return g_steal_pointer (&fields);
}

static gboolean check_post_review (Push       *push,
                                   SigapPost  *before,
                                   SigapPost  *after,
                                   GError    **error);

static JsonObject *
push_post_insert (Push       *push,
                  Mutation   *m,
                  SigapPost  *client,
                  GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) encoded = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();

  if (m->delete)
    return result_applied (m->id, 0);

  if (m->base_version != 0)
    {
      reject (push, error, REJECT_NOT_FOUND, NULL,
              "The post no longer exists on the server.");
      return NULL;
    }

  if (sigap_post_get_opd_id (client) == NULL && push->scope.role == SIGAP_ROLE_ADMIN_OPD)
    sigap_post_set_opd_id (client, push->scope.opd_id);

  if (!may_write_for_opd (&push->scope, sigap_post_get_opd_id (client)))
    {
      forbidden (push, error);
      return NULL;
    }

  /* The author is whoever pushed the new post, whatever the record says. */
  sigap_post_set_author_id (client, push->scope.user_id);
  sigap_post_set_id (client, m->record_id);
  sigap_post_set_version (client, 0);
  sigap_post_set_created_at (client, 0);

  if (!check_post_review (push, NULL, client, error))
    return NULL;

  if (!sigap_server_store_insert_record (push->store, client, &local_error))
    {
      store_error_to_reject (push, local_error, error);
      return NULL;
    }

  encoded = sigap_json_object_from_post (client);
  for (guint i = 0; post_fields[i] != NULL; i++)
    json_object_set_member (fields, post_fields[i],
                            json_object_dup_member (encoded, post_fields[i]));

  if (!write_revision (push, m->record_id, sigap_post_get_version (client), "accepted", fields,
                       error))
    return NULL;

  return result_applied (m->id, sigap_post_get_version (client));
}

static JsonObject *
push_post (Push      *push,
           Mutation  *m,
           GError   **error)
{
  g_autoptr(SigapPost) client = sigap_post_new ();
  g_autoptr(SigapPost) server = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GHashTable) server_changed = NULL;
  g_autoptr(GPtrArray) apply = g_ptr_array_new ();
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new ();
  g_autoptr(JsonObject) client_json = NULL;
  g_autoptr(JsonObject) server_json = NULL;
  gint64 version;

  if (!check_record_members (push, m->record, post_members, error) ||
      !apply_record_members (push, m->record, G_OBJECT (client), post_scalar_fields, error) ||
      !read_variants (push, m->record, client, error))
    return NULL;

  server = SIGAP_POST (sigap_server_store_get_record (push->store, SIGAP_SERVER_ENTITY_POST,
                                                      m->record_id, &local_error));
  if (server == NULL)
    {
      if (!g_error_matches (local_error, SIGAP_SERVER_STORE_ERROR,
                            SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return push_post_insert (push, m, client, error);
    }

  version = sigap_post_get_version (server);

  if (!may_write_for_opd (&push->scope, sigap_post_get_opd_id (server)))
    {
      forbidden (push, error);
      return NULL;
    }

  if (m->base_version > version)
    {
      reject (push, error, REJECT_INVALID_REQUEST, "base_version",
              "'base_version' is newer than the server's version.");
      return NULL;
    }

  if (m->delete)
    {
      if (m->base_version < version)
        return result_conflict (m->id, version, sigap_json_object_from_post (server));

      if (!sigap_server_store_delete_record (push->store, SIGAP_SERVER_ENTITY_POST, m->record_id,
                                             &local_error))
        {
          store_error_to_reject (push, local_error, error);
          return NULL;
        }
      return result_applied (m->id, version);
    }

  changed = changed_fields (push, m, post_fields, error);
  if (changed == NULL)
    return NULL;

  if (g_ptr_array_find_with_equal_func (changed, "opd_id", g_str_equal, NULL) &&
      !may_write_for_opd (&push->scope, sigap_post_get_opd_id (client)))
    {
      forbidden (push, error);
      return NULL;
    }

  if (m->base_version < version)
    {
      server_changed = fields_changed_since (push, m->record_id, m->base_version, version, error);
      if (server_changed == NULL)
        return NULL;
    }

  client_json = sigap_json_object_from_post (client);
  server_json = sigap_json_object_from_post (server);

  for (guint i = 0; i < changed->len; i++)
    {
      const char *name = g_ptr_array_index (changed, i);

      /* The author is the server's to set, when the post is created. */
      if (g_str_equal (name, "author_id"))
        continue;

      /* The same value on both sides is no change, and no conflict. */
      if (json_node_equal (json_object_get_member (client_json, name),
                           json_object_get_member (server_json, name)))
        continue;

      if (server_changed != NULL && g_hash_table_contains (server_changed, name))
        g_ptr_array_add (conflicts, (gpointer) name);
      else
        g_ptr_array_add (apply, (gpointer) name);
    }

  if (apply->len > 0)
    {
      g_autoptr(JsonObject) fields = json_object_new ();
      g_autoptr(GPtrArray) scalars = g_ptr_array_new ();
      g_autoptr(SigapPost) original = NULL;

      for (guint i = 0; i < apply->len; i++)
        {
          const char *name = g_ptr_array_index (apply, i);

          json_object_set_member (fields, name, json_object_dup_member (client_json, name));
          if (g_str_equal (name, "variants"))
            replace_variants (server, client);
          else
            g_ptr_array_add (scalars, (gpointer) name);
        }
      g_ptr_array_add (scalars, NULL);

      original = sigap_post_copy (server);
      if (!apply_record_members (push, m->record, G_OBJECT (server),
                                 (const char * const *) scalars->pdata, error) ||
          !check_post_review (push, original, server, error))
        return NULL;

      if (!sigap_server_store_update_record (push->store, server, &local_error))
        {
          store_error_to_reject (push, local_error, error);
          return NULL;
        }

      version = sigap_post_get_version (server);
      if (!write_revision (push, m->record_id, version, "accepted", fields, error))
        return NULL;
    }

  if (conflicts->len > 0)
    {
      g_autoptr(JsonObject) fields = json_object_new ();

      /* The losing values are kept, never dropped. */
      for (guint i = 0; i < conflicts->len; i++)
        {
          const char *name = g_ptr_array_index (conflicts, i);

          json_object_set_member (fields, name, json_object_dup_member (client_json, name));
        }

      if (!write_revision (push, m->record_id, version, "losing-edit", fields, error))
        return NULL;

      return result_conflict (m->id, version, sigap_json_object_from_post (server));
    }

  {
    JsonObject *result = result_applied (m->id, version);

    /* Applied over changes the client had not seen. */
    if (server_changed != NULL && apply->len > 0)
      json_object_set_boolean_member (result, "merged", TRUE);

    return result;
  }
}

/* }}} */

/* Reports {{{ */

static const char * const report_members[] = {
  "id", "opd_id", "year", "month", "status", "figures", "notes", "signer_name", "signer_nip",
  "review_note", "submitted_at", "version", "updated_at", NULL
};

static const char * const report_fields[] = {
  "opd_id", "year", "month", "status", "figures", "notes", "signer_name", "signer_nip",
  "review_note", NULL
};

/* An OPD submits its report; only Diskominfo accepts or returns it. */
static gboolean
report_status_allowed (const Scope       *scope,
                       SigapReportStatus  from,
                       SigapReportStatus  to)
{
  if (from == to || scope->role == SIGAP_ROLE_VERIFIKATOR)
    return TRUE;

  return to == SIGAP_REPORT_STATUS_DRAFT || to == SIGAP_REPORT_STATUS_SUBMITTED;
}

/* A report the OPD has sent, until Diskominfo returns it. */
static gboolean
report_is_locked (SigapReportStatus status)
{
  return status == SIGAP_REPORT_STATUS_SUBMITTED || status == SIGAP_REPORT_STATUS_ACCEPTED;
}

/* Whether any of report_fields differs between @a and @b. */
static gboolean
report_differs (SigapReport *a,
                SigapReport *b)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (a);

  for (guint i = 0; report_fields[i] != NULL; i++)
    {
      g_autofree char *property = g_strdelimit (g_strdup (report_fields[i]), "_", '-');
      GParamSpec *pspec = g_object_class_find_property (klass, property);
      g_auto(GValue) value_a = G_VALUE_INIT;
      g_auto(GValue) value_b = G_VALUE_INIT;

      g_assert (pspec != NULL);
      g_value_init (&value_a, pspec->value_type);
      g_value_init (&value_b, pspec->value_type);
      g_object_get_property (G_OBJECT (a), pspec->name, &value_a);
      g_object_get_property (G_OBJECT (b), pspec->name, &value_b);
      if (g_param_values_cmp (pspec, &value_a, &value_b) != 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* Whether the posts of @opd_id wait for a verifikator's approval. */
static gboolean
opd_requires_approval (Push        *push,
                       const char  *opd_id,
                       gboolean    *requires,
                       GError     **error)
{
  g_autoptr(GObject) opd = NULL;
  g_autoptr(GError) local_error = NULL;

  *requires = FALSE;
  if (opd_id == NULL)
    return TRUE;

  opd = sigap_server_store_get_record (push->store, SIGAP_SERVER_ENTITY_OPD, opd_id,
                                       &local_error);
  if (opd == NULL)
    {
      if (g_error_matches (local_error, SIGAP_SERVER_STORE_ERROR,
                           SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *requires = sigap_opd_get_requires_approval (SIGAP_OPD (opd));

  return TRUE;
}

static gboolean
post_status_is_approved (SigapPostStatus status)
{
  return status == SIGAP_POST_STATUS_SCHEDULED || status == SIGAP_POST_STATUS_PUBLISHED;
}

/* The approval of a post (docs/api.md, "Posts"), once @after holds the
 * pushed fields: @before is the server's copy before them, %NULL for a
 * new post. Only a verifikator writes review_note, and returns a post
 * (from review to draft) only with one. In an OPD whose posts need
 * approval, only a verifikator puts a post on the schedule: the OPD may
 * keep an approved post scheduled and mark it published, nothing more. */
static gboolean
check_post_review (Push       *push,
                   SigapPost  *before,
                   SigapPost  *after,
                   GError    **error)
{
  SigapPostStatus from = before != NULL ? sigap_post_get_status (before)
                                        : SIGAP_POST_STATUS_DRAFT;
  SigapPostStatus to = sigap_post_get_status (after);
  gboolean note_changed = g_strcmp0 (before != NULL ? sigap_post_get_review_note (before) : NULL,
                                     sigap_post_get_review_note (after)) != 0;
  gboolean requires = FALSE;

  if (push->scope.role == SIGAP_ROLE_VERIFIKATOR)
    {
      if (from == SIGAP_POST_STATUS_REVIEW && to == SIGAP_POST_STATUS_DRAFT &&
          text_is_blank (sigap_post_get_review_note (after)))
        return reject (push, error, REJECT_INVALID_REQUEST, "review_note",
                       "Returning a post needs a 'review_note' that says what the OPD must fix.");
      return TRUE;
    }

  if (note_changed)
    return reject (push, error, REJECT_FORBIDDEN, "review_note",
                   "Only a verifikator writes a post's 'review_note'.");

  if (!post_status_is_approved (to) || post_status_is_approved (from))
    return TRUE;

  if (!opd_requires_approval (push, sigap_post_get_opd_id (after), &requires, error))
    return FALSE;

  if (requires)
    return reject (push, error, REJECT_FORBIDDEN, "status",
                   "This OPD's posts need a verifikator's approval before they are scheduled "
                   "or published; submit the post for review.");

  return TRUE;
}

/* The review of a report (docs/api.md, "Reports"), once @after holds the
 * pushed fields: @before is the server's copy before them, %NULL for a
 * new report. Only a verifikator writes review_note, and returns a
 * report only with one; the OPD changes nothing of a report it has
 * submitted, or that is accepted, until a verifikator returns it. */
static gboolean
check_report_review (Push         *push,
                     SigapReport  *before,
                     SigapReport  *after,
                     GError      **error)
{
  SigapReportStatus from = before != NULL ? sigap_report_get_status (before)
                                          : SIGAP_REPORT_STATUS_DRAFT;
  SigapReportStatus to = sigap_report_get_status (after);
  gboolean note_changed = g_strcmp0 (before != NULL ? sigap_report_get_review_note (before)
                                                    : NULL,
                                     sigap_report_get_review_note (after)) != 0;

  if (push->scope.role != SIGAP_ROLE_VERIFIKATOR)
    {
      if (note_changed)
        return reject (push, error, REJECT_FORBIDDEN, "review_note",
                       "Only a verifikator writes a report's 'review_note'.");

      if (before != NULL && report_is_locked (from) && report_differs (before, after))
        return reject (push, error, REJECT_FORBIDDEN, NULL,
                       "A submitted or accepted report cannot be changed until a verifikator "
                       "returns it.");

      return TRUE;
    }

  if (to == SIGAP_REPORT_STATUS_RETURNED && (from != to || note_changed) &&
      text_is_blank (sigap_report_get_review_note (after)))
    return reject (push, error, REJECT_INVALID_REQUEST, "review_note",
                   "Returning a report needs a 'review_note' that says what the OPD must fix.");

  return TRUE;
}

static JsonObject *
push_report (Push      *push,
             Mutation  *m,
             GError   **error)
{
  g_autoptr(SigapReport) server = NULL;
  g_autoptr(SigapReport) original = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  SigapReportStatus before;
  gint64 version;

  if (!check_record_members (push, m->record, report_members, error))
    return NULL;

  server = SIGAP_REPORT (sigap_server_store_get_record (push->store, SIGAP_SERVER_ENTITY_REPORT,
                                                        m->record_id, &local_error));
  if (server == NULL)
    {
      g_autoptr(SigapReport) report = sigap_report_new ();

      if (!g_error_matches (local_error, SIGAP_SERVER_STORE_ERROR,
                            SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_clear_error (&local_error);

      if (m->delete)
        return result_applied (m->id, 0);

      if (m->base_version != 0)
        {
          reject (push, error, REJECT_NOT_FOUND, NULL,
                  "The report no longer exists on the server.");
          return NULL;
        }

      if (!apply_record_members (push, m->record, G_OBJECT (report), report_fields, error))
        return NULL;

      if (sigap_report_get_opd_id (report) == NULL && push->scope.role == SIGAP_ROLE_ADMIN_OPD)
        sigap_report_set_opd_id (report, push->scope.opd_id);

      if (!may_write_for_opd (&push->scope, sigap_report_get_opd_id (report)) ||
          !report_status_allowed (&push->scope, SIGAP_REPORT_STATUS_DRAFT,
                                  sigap_report_get_status (report)))
        {
          forbidden (push, error);
          return NULL;
        }

      if (!check_report_review (push, NULL, report, error))
        return NULL;

      sigap_report_set_id (report, m->record_id);
      sigap_report_set_version (report, 0);
      sigap_report_set_submitted_at (report, sigap_report_get_status (report) ==
                                             SIGAP_REPORT_STATUS_DRAFT ? 0 : push->now);

      if (!sigap_server_store_insert_record (push->store, report, &local_error))
        {
          store_error_to_reject (push, local_error, error);
          return NULL;
        }

      return result_applied (m->id, sigap_report_get_version (report));
    }

  version = sigap_report_get_version (server);
  before = sigap_report_get_status (server);

  if (!may_write_for_opd (&push->scope, sigap_report_get_opd_id (server)))
    {
      forbidden (push, error);
      return NULL;
    }

  if (m->base_version > version)
    {
      reject (push, error, REJECT_INVALID_REQUEST, "base_version",
              "'base_version' is newer than the server's version.");
      return NULL;
    }

  /* Reports do not merge: the last writer wins only if it saw the
   * latest version. */
  if (m->base_version < version)
    return result_conflict (m->id, version, sigap_json_object_from_record (G_OBJECT (server),
                                                                          NULL));

  if (m->delete)
    {
      if (push->scope.role != SIGAP_ROLE_VERIFIKATOR && report_is_locked (before))
        {
          reject (push, error, REJECT_FORBIDDEN, NULL,
                  "A submitted or accepted report cannot be deleted until a verifikator "
                  "returns it.");
          return NULL;
        }

      if (!sigap_server_store_delete_record (push->store, SIGAP_SERVER_ENTITY_REPORT,
                                             m->record_id, &local_error))
        {
          store_error_to_reject (push, local_error, error);
          return NULL;
        }
      return result_applied (m->id, version);
    }

  changed = changed_fields (push, m, report_fields, error);
  if (changed == NULL)
    return NULL;
  g_ptr_array_add (changed, NULL);

  original = sigap_report_copy (server);
  if (!apply_record_members (push, m->record, G_OBJECT (server),
                             (const char * const *) changed->pdata, error))
    return NULL;

  if (!may_write_for_opd (&push->scope, sigap_report_get_opd_id (server)) ||
      !report_status_allowed (&push->scope, before, sigap_report_get_status (server)))
    {
      forbidden (push, error);
      return NULL;
    }

  if (!check_report_review (push, original, server, error))
    return NULL;

  if (before != SIGAP_REPORT_STATUS_SUBMITTED &&
      sigap_report_get_status (server) == SIGAP_REPORT_STATUS_SUBMITTED)
    sigap_report_set_submitted_at (server, push->now);

  if (!sigap_server_store_update_record (push->store, server, &local_error))
    {
      store_error_to_reject (push, local_error, error);
      return NULL;
    }

  return result_applied (m->id, sigap_report_get_version (server));
}

/* }}} */

/* Complaints {{{ */

static const char * const complaint_members[] = {
  "id", "tracking_number", "channel", "kind", "category", "kecamatan", "desa",
  "citizen_name", "citizen_contact", "citizen_handle", "source_url", "body", "status",
  "opd_id", "assignee_id", "public_issue", "received_at", "due_at", "resolved_at",
  "version", "updated_at", NULL
};

/* What a new complaint takes from the client; the server sets its status,
 * tracking number and times. */
static const char * const complaint_fields[] = {
  "channel", "kind", "category", "kecamatan", "desa", "citizen_name", "citizen_contact",
  "citizen_handle", "source_url", "body", "opd_id", "assignee_id", "due_at", NULL
};

static JsonObject *
push_complaint (Push      *push,
                Mutation  *m,
                GError   **error)
{
  g_autoptr(SigapComplaint) existing = NULL;
  g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
  g_autoptr(GError) local_error = NULL;

  if (m->delete)
    {
      forbidden (push, error);
      return NULL;
    }

  if (!check_record_members (push, m->record, complaint_members, error))
    return NULL;

  existing = SIGAP_COMPLAINT (sigap_server_store_get_record (push->store,
                                                             SIGAP_SERVER_ENTITY_COMPLAINT,
                                                             m->record_id, &local_error));
  if (existing != NULL)
    {
      reject (push, error, REJECT_INVALID_REQUEST, NULL,
              "The complaint exists: it changes only through complaint_event mutations.");
      return NULL;
    }
  if (!g_error_matches (local_error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_clear_error (&local_error);

  if (!apply_record_members (push, m->record, G_OBJECT (complaint), complaint_fields, error))
    return NULL;

  if (sigap_complaint_get_opd_id (complaint) == NULL &&
      push->scope.role == SIGAP_ROLE_ADMIN_OPD)
    sigap_complaint_set_opd_id (complaint, push->scope.opd_id);

  if (push->scope.role != SIGAP_ROLE_VERIFIKATOR &&
      !(push->scope.role == SIGAP_ROLE_ADMIN_OPD &&
        may_write_for_opd (&push->scope, sigap_complaint_get_opd_id (complaint))))
    {
      forbidden (push, error);
      return NULL;
    }

  sigap_complaint_set_id (complaint, m->record_id);
  sigap_complaint_set_status (complaint, SIGAP_COMPLAINT_STATUS_RECEIVED);
  sigap_complaint_set_public_issue (complaint, FALSE);
  sigap_complaint_set_received_at (complaint, push->now);
  sigap_complaint_set_resolved_at (complaint, 0);
  sigap_complaint_set_version (complaint, 0);

  if (!sigap_server_store_insert_record (push->store, complaint, &local_error))
    {
      store_error_to_reject (push, local_error, error);
      return NULL;
    }

  return result_applied (m->id, sigap_complaint_get_version (complaint));
}

static const char * const event_members[] = {
  "id", "complaint_id", "action", "actor_id", "note", "from_status", "to_status", "opd_id",
  "created_at", NULL
};

static const char * const event_fields[] = {
  "complaint_id", "action", "note", "from_status", "to_status", "opd_id", NULL
};

static gboolean
event_exists (Push        *push,
              const char  *id,
              gboolean    *exists,
              GError     **error)
{
  g_autoptr(GObject) event = NULL;
  g_autoptr(GError) local_error = NULL;

  event = sigap_server_store_get_record (push->store, SIGAP_SERVER_ENTITY_COMPLAINT_EVENT, id,
                                         &local_error);
  if (event == NULL &&
      !g_error_matches (local_error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *exists = event != NULL;

  return TRUE;
}

static gboolean
find_triage_opd (Push     *push,
                 char    **opd_id,
                 GError  **error)
{
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(GError) local_error = NULL;

  opd = SIGAP_OPD (sigap_server_store_find_record (push->store, SIGAP_SERVER_ENTITY_OPD,
                                                   SIGAP_COMPLAINT_TRIAGE_OPD_CODE,
                                                   &local_error));
  if (opd == NULL &&
      !g_error_matches (local_error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *opd_id = opd != NULL ? g_strdup (sigap_opd_get_id (opd)) : NULL;

  return TRUE;
}

/* The record @id of @entity, %NULL when there is none; %FALSE only when
 * the store fails. */
static gboolean
find_optional (Push               *push,
               SigapServerEntity   entity,
               const char         *id,
               GObject           **record,
               GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  *record = NULL;
  if (id == NULL)
    return TRUE;

  *record = sigap_server_store_get_record (push->store, entity, id, &local_error);
  if (*record == NULL &&
      !g_error_matches (local_error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* The working days the deadlines of pushed steps count: the holiday
 * calendars the server hands to the desktops (its stored copy, or the
 * shipped one) around now, read once per push. */
static SigapWorkingDays *
push_working_days (Push *push)
{
  if (push->days == NULL)
    push->days = sigap_server_documents_load_working_days (push->store, push->now);

  return push->days;
}

/* The service levels the deadlines of pushed steps count: the document
 * the server hands to the desktops, read once per push. */
static const SigapSlaSettings *
push_sla (Push *push)
{
  if (!push->sla_loaded)
    {
      sigap_server_documents_load_sla (push->store, &push->sla);
      push->sla_loaded = TRUE;
    }

  return &push->sla;
}

/* Answers what sigap_complaint_check_event() refused, as the API says. */
static gboolean
check_error_to_reject (Push        *push,
                       GError      *check_error,
                       const char  *action,
                       GError     **error)
{
  switch ((SigapComplaintWorkflowError) check_error->code)
    {
    case SIGAP_COMPLAINT_WORKFLOW_ERROR_FORBIDDEN:
      return forbidden (push, error);

    case SIGAP_COMPLAINT_WORKFLOW_ERROR_STALE:
      return reject (push, error, REJECT_INVALID_TRANSITION, "from_status",
                     "'from_status' is not the complaint's status now.");

    case SIGAP_COMPLAINT_WORKFLOW_ERROR_KEEPS_STATUS:
      return reject (push, error, REJECT_INVALID_TRANSITION, "to_status",
                     "A '%s' event keeps the status: 'to_status' must be 'from_status'.",
                     action);

    case SIGAP_COMPLAINT_WORKFLOW_ERROR_CLOSED:
      return reject (push, error, REJECT_INVALID_TRANSITION, "action",
                     "A closed complaint is not answered or assigned any more.");

    case SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_NOTE:
      return reject (push, error, REJECT_INVALID_REQUEST, "note", "This step needs a 'note'.");

    case SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_OPD:
      return reject (push, error, REJECT_INVALID_REQUEST, "opd_id",
                     "Routing needs 'opd_id', the ID of an existing OPD.");

    case SIGAP_COMPLAINT_WORKFLOW_ERROR_NEEDS_ASSIGNEE:
      return reject (push, error, REJECT_INVALID_REQUEST, "note",
                     "An 'assigned' event needs 'note': the ID of an active user of the "
                     "complaint's OPD.");

    case SIGAP_COMPLAINT_WORKFLOW_ERROR_NO_SUCH_STEP:
    default:
      return reject (push, error, REJECT_INVALID_TRANSITION, "action",
                     "The complaint state machine has no such step.");
    }
}

/* What the event refers to: the OPD a routing names, the user an
 * assignment names, and for "created", a timeline that has no event yet. */
static gboolean
check_event_references (Push                 *push,
                        SigapComplaint       *complaint,
                        SigapComplaintEvent  *event,
                        GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *action = sigap_complaint_event_get_action (event);

  if (g_str_equal (action, "routed"))
    {
      g_autoptr(GObject) opd = NULL;

      if (!find_optional (push, SIGAP_SERVER_ENTITY_OPD, sigap_complaint_event_get_opd_id (event),
                          &opd, error))
        return FALSE;
      if (opd == NULL)
        return reject (push, error, REJECT_INVALID_REQUEST, "opd_id",
                       "Routing needs 'opd_id', the ID of an existing OPD.");
    }
  else if (g_str_equal (action, SIGAP_COMPLAINT_ACTION_ASSIGNED))
    {
      g_autoptr(GObject) assignee = NULL;
      g_autofree char *user_id = g_strstrip (g_strdup (sigap_complaint_event_get_note (event)));

      if (!find_optional (push, SIGAP_SERVER_ENTITY_USER, user_id, &assignee, error))
        return FALSE;
      if (!sigap_complaint_check_assignee (complaint, SIGAP_USER (assignee), &local_error))
        return check_error_to_reject (push, local_error, action, error);
    }
  else if (g_str_equal (action, SIGAP_COMPLAINT_ACTION_CREATED))
    {
      g_autoptr(GPtrArray) events = NULL;

      events = sigap_server_store_list_records (push->store, SIGAP_SERVER_ENTITY_COMPLAINT_EVENT,
                                                sigap_complaint_get_id (complaint), error);
      if (events == NULL)
        return FALSE;
      if (events->len > 0)
        return reject (push, error, REJECT_INVALID_TRANSITION, "action",
                       "A 'created' event opens a complaint's timeline; this one has events.");
    }

  return TRUE;
}

static JsonObject *
push_event (Push      *push,
            Mutation  *m,
            GError   **error)
{
  static const char * const required[] = { "complaint_id", "action", "from_status", "to_status",
                                           NULL };
  g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
  g_autoptr(SigapComplaint) complaint = NULL;
  g_autoptr(GObject) holder = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *triage = NULL;
  SigapComplaintStatus status;
  gboolean exists;

  if (m->delete)
    {
      reject (push, error, REJECT_INVALID_REQUEST, "op",
              "The timeline is append-only: events cannot be deleted.");
      return NULL;
    }

  if (!check_record_members (push, m->record, event_members, error))
    return NULL;

  for (guint i = 0; required[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (m->record, required[i]);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          reject (push, error, REJECT_INVALID_REQUEST, required[i],
                  "Field '%s' is required.", required[i]);
          return NULL;
        }
    }

  if (!apply_record_members (push, m->record, G_OBJECT (event), event_fields, error))
    return NULL;

  if (!event_exists (push, m->record_id, &exists, error))
    return NULL;
  if (exists)
    {
      reject (push, error, REJECT_ALREADY_EXISTS, "id",
              "An event with this id exists; the timeline is append-only.");
      return NULL;
    }

  complaint = SIGAP_COMPLAINT (sigap_server_store_get_record (
                                 push->store, SIGAP_SERVER_ENTITY_COMPLAINT,
                                 sigap_complaint_event_get_complaint_id (event), &local_error));
  if (complaint == NULL)
    {
      store_error_to_reject (push, local_error, error);
      return NULL;
    }

  /* The same rules as the desktop's (sigap-complaint-workflow.c). */
  if (!sigap_complaint_check_event (complaint, event, push->scope.role,
                                    sigap_complaint_user_owns (complaint, push->scope.role,
                                                               push->scope.opd_id),
                                    &local_error))
    {
      check_error_to_reject (push, local_error, sigap_complaint_event_get_action (event), error);
      return NULL;
    }

  if (!check_event_references (push, complaint, event, error))
    return NULL;

  status = sigap_complaint_event_get_to_status (event);
  if (status == SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY &&
      !find_triage_opd (push, &triage, error))
    return NULL;

  /* Server time orders the timeline: the client's clock is not used. */
  sigap_complaint_event_set_id (event, m->record_id);
  sigap_complaint_event_set_actor_id (event, push->scope.user_id);
  sigap_complaint_event_set_created_at (event, push->now);

  /* A new status may start a new deadline, in the zone of the OPD that
   * holds the complaint then. */
  if (status != sigap_complaint_get_status (complaint))
    {
      if (!find_optional (push, SIGAP_SERVER_ENTITY_OPD,
                          sigap_complaint_opd_after_event (complaint, event, triage), &holder,
                          error))
        return NULL;
      zone = sigap_complaint_zone_for_opd (SIGAP_OPD (holder));
    }

  sigap_complaint_apply_event (complaint, event, triage, push->now,
                               zone != NULL ? push_working_days (push) : NULL, zone,
                               zone != NULL ? push_sla (push) : NULL);

  if (!sigap_server_store_update_record (push->store, complaint, &local_error))
    {
      store_error_to_reject (push, local_error, error);
      return NULL;
    }

  sigap_complaint_event_set_opd_id (event, sigap_complaint_get_opd_id (complaint));

  if (!sigap_server_store_insert_record (push->store, event, &local_error))
    {
      store_error_to_reject (push, local_error, error);
      return NULL;
    }

  return result_applied (m->id, sigap_complaint_get_version (complaint));
}

/* }}} */

/* Reading the body {{{ */

static const char * const mutation_members[] = {
  "id", "entity", "op", "base_version", "fields", "record", NULL
};

static const char * const push_entities[] = {
  "post", "report", "complaint", "complaint_event", NULL
};

static gboolean
invalid_body (char       **field,
              GError     **error,
              guint        index,
              const char  *member,
              const char  *message)
{
  if (field != NULL)
    *field = member != NULL ? g_strdup_printf ("mutations[%u].%s", index, member)
                            : g_strdup_printf ("mutations[%u]", index);

  g_set_error_literal (error, SIGAP_SERVER_SYNC_ERROR,
                       SIGAP_SERVER_SYNC_ERROR_INVALID_REQUEST, message);

  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
read_mutation (JsonNode    *node,
               guint        index,
               GHashTable  *ids,
               Mutation    *m,
               char       **field,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *member = NULL;
  JsonObject *object;
  JsonNode *member_node;
  const char *op;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid_body (field, error, index, NULL, "Every mutation must be an object.");

  object = json_node_get_object (node);
  if (!sigap_json_check_members (object, mutation_members, &member, &local_error))
    return invalid_body (field, error, index, member, local_error->message);

  m->id = string_member (object, "id");
  if (m->id == NULL || !id_is_valid (m->id))
    return invalid_body (field, error, index, "id",
                         "Field 'id' is required: 1 to 64 letters, digits, '-' or '_'.");
  if (!g_hash_table_add (ids, (gpointer) m->id))
    return invalid_body (field, error, index, "id", "Two mutations have the same 'id'.");

  m->entity = string_member (object, "entity");
  if (m->entity == NULL || !g_strv_contains (push_entities, m->entity))
    return invalid_body (field, error, index, "entity",
                         "Field 'entity' must be 'post', 'report', 'complaint' or "
                         "'complaint_event'.");

  op = string_member (object, "op");
  if (op == NULL || (!g_str_equal (op, "upsert") && !g_str_equal (op, "delete")))
    return invalid_body (field, error, index, "op", "Field 'op' must be 'upsert' or 'delete'.");
  m->delete = g_str_equal (op, "delete");

  member_node = json_object_get_member (object, "base_version");
  m->base_version = 0;
  if (member_node != NULL && !JSON_NODE_HOLDS_NULL (member_node))
    {
      if (!JSON_NODE_HOLDS_VALUE (member_node) ||
          json_node_get_value_type (member_node) != G_TYPE_INT64 ||
          json_node_get_int (member_node) < 0)
        return invalid_body (field, error, index, "base_version",
                             "Field 'base_version' must be an integer of at least 0.");
      m->base_version = json_node_get_int (member_node);
    }

  member_node = json_object_get_member (object, "fields");
  m->fields = NULL;
  if (member_node != NULL && !JSON_NODE_HOLDS_NULL (member_node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (member_node))
        return invalid_body (field, error, index, "fields",
                             "Field 'fields' must be an array of field names.");
      m->fields = json_node_get_array (member_node);
      for (guint i = 0; i < json_array_get_length (m->fields); i++)
        {
          JsonNode *name = json_array_get_element (m->fields, i);

          if (!JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING)
            return invalid_body (field, error, index, "fields",
                                 "Field 'fields' must be an array of field names.");
        }
    }

  member_node = json_object_get_member (object, "record");
  if (member_node == NULL || !JSON_NODE_HOLDS_OBJECT (member_node))
    return invalid_body (field, error, index, "record",
                         "Field 'record' is required: an object with the record's 'id'.");
  m->record = json_node_get_object (member_node);

  m->record_id = string_member (m->record, "id");
  if (m->record_id == NULL || !id_is_valid (m->record_id))
    return invalid_body (field, error, index, "record.id",
                         "Field 'record.id' is required: 1 to 64 letters, digits, '-' or '_'.");

  return TRUE;
}

/* }}} */

typedef struct
{
  Push *push;
  Mutation *m;
  JsonObject *result;
} Apply;

static gboolean
apply_mutation_cb (SigapServerStore  *store,
                   gpointer           user_data,
                   GError           **error)
{
  Apply *apply = user_data;
  Push *push = apply->push;
  Mutation *m = apply->m;

  if (push->scope.role == SIGAP_ROLE_PIMPINAN)
    return forbidden (push, error);
  else if (g_str_equal (m->entity, "post"))
    apply->result = push_post (push, m, error);
  else if (g_str_equal (m->entity, "report"))
    apply->result = push_report (push, m, error);
  else if (g_str_equal (m->entity, "complaint"))
    apply->result = push_complaint (push, m, error);
  else
    apply->result = push_event (push, m, error);

  return apply->result != NULL;
}

/* Applies one new mutation in a nested transaction; %NULL only when the
 * store fails. */
static JsonObject *
apply_mutation (Push      *push,
                Mutation  *m,
                GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  Apply apply = { push, m, NULL };

  g_clear_pointer (&push->field, g_free);

  if (sigap_server_store_run_in_transaction (push->store, apply_mutation_cb, &apply,
                                             &local_error))
    return apply.result;

  /* Whatever the mutation wrote before it failed is undone. */
  g_clear_pointer (&apply.result, json_object_unref);

  if (local_error != NULL && local_error->domain == REJECT_ERROR)
    return result_rejected (m->id, reject_codes[local_error->code], local_error->message,
                            push->field);

  g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

typedef struct
{
  Push *push;
  Mutation *mutations;
  guint n;
  JsonArray *results;
  gint64 head;
} Batch;

static gboolean
push_batch_cb (SigapServerStore  *store,
               gpointer           user_data,
               GError           **error)
{
  Batch *batch = user_data;
  Push *push = batch->push;

  for (guint i = 0; i < batch->n; i++)
    {
      Mutation *m = &batch->mutations[i];
      g_autofree char *stored_user = NULL;
      g_autoptr(JsonObject) stored = NULL;
      JsonObject *result;

      if (!sigap_server_store_lookup_mutation (store, m->id, &stored_user, &stored, error))
        return FALSE;

      /* A retry: the same answer, and nothing changes. */
      if (stored != NULL && g_strcmp0 (stored_user, push->scope.user_id) == 0)
        {
          json_array_add_element (batch->results, object_node (g_steal_pointer (&stored)));
          continue;
        }

      if (stored != NULL)
        {
          json_array_add_element (batch->results,
                                  object_node (result_rejected (m->id, "invalid_request",
                                                                "Another user sent a mutation "
                                                                "with this id; use a new UUID.",
                                                                "id")));
          continue;
        }

      result = apply_mutation (push, m, error);
      if (result == NULL)
        return FALSE;

      json_array_add_element (batch->results, object_node (result));
      if (!sigap_server_store_save_mutation (store, m->id, push->scope.user_id, result,
                                             push->now, error))
        return FALSE;
    }

  return sigap_server_store_get_change_head (store, &batch->head, error);
}

/**
 * sigap_server_sync_push:
 * @store: the server's store
 * @user: the signed-in user
 * @body: the request body, {"mutations": […]}
 * @field: (out) (optional) (transfer full): the member at fault when the
 *   body is malformed, such as "mutations[3].entity"
 * @error: return location for a %SIGAP_SERVER_SYNC_ERROR_INVALID_REQUEST
 *   or a #SigapServerStoreError
 *
 * Applies the mutations of @body in one transaction.
 *
 * Returns: (transfer full) (nullable): {"results": […], "cursor": "…"}
 */
JsonObject *
sigap_server_sync_push (SigapServerStore  *store,
                        SigapUser         *user,
                        JsonObject        *body,
                        char             **field,
                        GError           **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree Mutation *mutations = NULL;
  g_autoptr(JsonArray) results = NULL;
  g_autofree char *cursor = NULL;
  JsonNode *node;
  JsonArray *array;
  JsonObject *answer;
  Push push = { 0 };
  Batch batch = { 0 };
  gboolean ok;
  guint n;

  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (store), NULL);
  g_return_val_if_fail (SIGAP_IS_USER (user), NULL);
  g_return_val_if_fail (body != NULL, NULL);

  node = json_object_get_member (body, "mutations");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      if (field != NULL)
        *field = g_strdup ("mutations");
      g_set_error_literal (error, SIGAP_SERVER_SYNC_ERROR,
                           SIGAP_SERVER_SYNC_ERROR_INVALID_REQUEST,
                           "Field 'mutations' is required: an array of mutations.");
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > SIGAP_SERVER_SYNC_MAX_MUTATIONS)
    {
      if (field != NULL)
        *field = g_strdup ("mutations");
      g_set_error (error, SIGAP_SERVER_SYNC_ERROR, SIGAP_SERVER_SYNC_ERROR_INVALID_REQUEST,
                   "A push holds at most %d mutations.", SIGAP_SERVER_SYNC_MAX_MUTATIONS);
      return NULL;
    }

  /* Refuse a malformed batch before touching anything. */
  mutations = g_new0 (Mutation, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    if (!read_mutation (json_array_get_element (array, i), i, ids, &mutations[i], field, error))
      return NULL;

  push.store = store;
  push.now = g_get_real_time () / G_USEC_PER_SEC;
  scope_init (&push.scope, user);

  results = json_array_sized_new (n);
  batch.push = &push;
  batch.mutations = mutations;
  batch.n = n;
  batch.results = results;

  ok = sigap_server_store_run_in_transaction (store, push_batch_cb, &batch, error);
  g_free (push.field);
  g_clear_pointer (&push.days, sigap_working_days_unref);
  if (!ok)
    return NULL;

  cursor = g_strdup_printf ("L%" G_GINT64_FORMAT, batch.head);
  answer = json_object_new ();
  json_object_set_array_member (answer, "results", g_steal_pointer (&results));
  json_object_set_string_member (answer, "cursor", cursor);

  return answer;
}

/* }}} */
