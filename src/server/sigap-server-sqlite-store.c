/* sigap-server-sqlite-store.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-server"

#include "config.h"

#include <string.h>

#include "sigap-json.h"
#include "sigap-server-sqlite-store.h"

/*
 * The server's default store: one SQLite file, the core's SigapStore
 * (records, migrations, the change log's triggers, sign-in tokens), and
 * the SQL of the server's own tables: the sync journal, the change log's
 * reads, the records as pulls send them, media metadata and central
 * documents.
 *
 * The core's errors become SIGAP_SERVER_STORE_ERROR with the same message.
 */

typedef struct _Codec Codec;

struct _SigapServerSqliteStore
{
  GObject parent_instance;

  SigapStore *store;
  /* Transactions open through run_in_transaction(), savepoints included. */
  guint depth;
  gboolean tables_ready;

  /* How pulls read records, made when first needed: per entity, with and
   * without a complaint's citizen data. */
  Codec *codecs[SIGAP_SERVER_ENTITY_COMPLAINT_EVENT][2];
  Codec *events;
  Codec *variants;
};

static void sigap_server_sqlite_store_iface_init (SigapServerStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SigapServerSqliteStore, sigap_server_sqlite_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SIGAP_TYPE_SERVER_STORE,
                                                      sigap_server_sqlite_store_iface_init))

/* The tables the core's migrations do not make: the server makes them
 * when it starts, in any database the core opens. */
/* The tables of the change log's entities. */
static const char * const entity_tables[SIGAP_SERVER_ENTITY_COMPLAINT_EVENT] = {
  "opd", "account", "app_user", "post", "complaint", "report"
};

static const char * const citizen_members[] = {
  "citizen_name", "citizen_contact", "citizen_handle", "source_url", NULL
};

static const char * const user_secret_members[] = { "password_hash", NULL };

static const char * const server_schema =
  "CREATE TABLE IF NOT EXISTS media ("
  "  sha256 TEXT PRIMARY KEY NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  content_type TEXT NOT NULL,"
  "  uploaded_by TEXT,"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE TABLE IF NOT EXISTS central_document ("
  "  name TEXT PRIMARY KEY NOT NULL,"
  "  version TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ")";

/* Helpers {{{ */

static sqlite3 *
connection (SigapServerSqliteStore *self)
{
  return sigap_store_get_connection (self->store);
}

/* Takes @src, a #SigapStoreError or any other, and gives it to @dest as
 * a #SigapServerStoreError with the same message. */
static gboolean
propagate (GError **dest,
           GError  *src)
{
  if (src != NULL && src->domain == SIGAP_STORE_ERROR)
    {
      switch (src->code)
        {
        case SIGAP_STORE_ERROR_NOT_FOUND:
          src->code = SIGAP_SERVER_STORE_ERROR_NOT_FOUND;
          break;
        case SIGAP_STORE_ERROR_EXISTS:
          src->code = SIGAP_SERVER_STORE_ERROR_EXISTS;
          break;
        case SIGAP_STORE_ERROR_INVALID:
          src->code = SIGAP_SERVER_STORE_ERROR_INVALID;
          break;
        case SIGAP_STORE_ERROR_CORRUPT:
          src->code = SIGAP_SERVER_STORE_ERROR_CORRUPT;
          break;
        default:
          src->code = SIGAP_SERVER_STORE_ERROR_FAILED;
          break;
        }
      src->domain = SIGAP_SERVER_STORE_ERROR;
    }

  g_propagate_error (dest, src);

  return FALSE;
}

static void
set_sql_error (sqlite3  *db,
               GError  **error)
{
  g_set_error (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_FAILED,
               "SQLite: %s", sqlite3_errmsg (db));
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (db, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sql_error (db, error);
      return FALSE;
    }

  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
ensure_tables (SigapServerSqliteStore  *self,
               GError                 **error)
{
  char *message = NULL;

  if (self->tables_ready)
    return TRUE;

  if (sqlite3_exec (connection (self), server_schema, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_FAILED,
                   "Cannot create the server's tables: %s", message);
      sqlite3_free (message);
      return FALSE;
    }

  self->tables_ready = TRUE;

  return TRUE;
}

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

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_object_ref (json_node_get_object (node));
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

/* }}} */

/* Set-up {{{ */

static gboolean
sigap_server_sqlite_store_prepare (SigapServerStore  *store,
                                   GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  g_autofree char *change_log = NULL;
  g_autoptr(GError) local_error = NULL;

  /* The core's triggers fill the change log while meta 'change_log' is
   * 'on'. */
  change_log = sigap_store_get_meta (self->store, "change_log");
  if (g_strcmp0 (change_log, "on") != 0 &&
      !sigap_store_set_meta (self->store, "change_log", "on", &local_error))
    return propagate (error, g_steal_pointer (&local_error));

  self->tables_ready = FALSE;

  return ensure_tables (self, error);
}

static char *
sigap_server_sqlite_store_get_setting (SigapServerStore *store,
                                       const char       *key)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);

  return sigap_store_get_meta (self->store, key);
}

/* }}} */

/* Transactions {{{ */

static gboolean
sigap_server_sqlite_store_run_in_transaction (SigapServerStore      *store,
                                              SigapServerStoreFunc   func,
                                              gpointer               user_data,
                                              GError               **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *savepoint = NULL;
  g_autofree char *sql = NULL;
  gboolean ok;

  if (self->depth == 0 && sqlite3_get_autocommit (db))
    {
      if (!sigap_store_begin (self->store, &local_error))
        return propagate (error, g_steal_pointer (&local_error));
    }
  else
    {
      /* Inside another transaction: a savepoint, undone alone. */
      savepoint = g_strdup_printf ("sigap_server_%u", self->depth);
      sql = g_strconcat ("SAVEPOINT ", savepoint, NULL);
      if (!exec (db, sql, error))
        return FALSE;
    }

  self->depth++;
  ok = func (store, user_data, &local_error);
  self->depth--;

  if (ok)
    {
      if (savepoint == NULL)
        {
          /* A failed commit rolls back. */
          if (!sigap_store_commit (self->store, &local_error))
            return propagate (error, g_steal_pointer (&local_error));
          return TRUE;
        }

      g_free (sql);
      sql = g_strconcat ("RELEASE ", savepoint, NULL);
      if (exec (db, sql, error))
        return TRUE;
    }
  else
    g_propagate_error (error, g_steal_pointer (&local_error));

  if (savepoint == NULL)
    {
      sigap_store_rollback (self->store);
    }
  else
    {
      g_free (sql);
      sql = g_strdup_printf ("ROLLBACK TO %s; RELEASE %s", savepoint, savepoint);
      sqlite3_exec (db, sql, NULL, NULL, NULL);
    }

  return FALSE;
}

static gboolean
sigap_server_sqlite_store_run_read_only (SigapServerStore      *store,
                                         SigapServerStoreFunc   func,
                                         gpointer               user_data,
                                         GError               **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  gboolean own_transaction;
  gboolean ok;

  /* A deferred transaction: it reads one snapshot of the file without
   * holding the write lock. */
  own_transaction = sqlite3_get_autocommit (db);
  if (own_transaction && !exec (db, "BEGIN", error))
    return FALSE;

  self->depth++;
  ok = func (store, user_data, error);
  self->depth--;

  if (own_transaction)
    sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);

  return ok;
}

/* }}} */

/* Records {{{ */

/* The core has no look-up of one event: its complaint's timeline holds it. */
static SigapComplaintEvent *
get_event (SigapServerSqliteStore  *self,
           const char              *id,
           GError                 **error)
{
  sqlite3 *db = connection (self);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *complaint_id = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db, "SELECT complaint_id FROM complaint_event WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    complaint_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sql_error (db, error);
      return NULL;
    }

  if (complaint_id != NULL)
    {
      events = sigap_store_list_complaint_events (self->store, complaint_id, &local_error);
      if (events == NULL)
        {
          propagate (error, g_steal_pointer (&local_error));
          return NULL;
        }

      for (guint i = 0; i < events->len; i++)
        {
          SigapComplaintEvent *event = g_ptr_array_index (events, i);

          if (g_strcmp0 (sigap_complaint_event_get_id (event), id) == 0)
            return g_object_ref (event);
        }
    }

  g_set_error_literal (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND,
                       "No complaint event has this ID.");

  return NULL;
}

static GObject *
sigap_server_sqlite_store_get_record (SigapServerStore   *store,
                                      SigapServerEntity   entity,
                                      const char         *id,
                                      GError            **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  g_autoptr(GError) local_error = NULL;
  GObject *record = NULL;

  switch (entity)
    {
    case SIGAP_SERVER_ENTITY_OPD:
      record = G_OBJECT (sigap_store_get_opd (self->store, id, &local_error));
      break;
    case SIGAP_SERVER_ENTITY_ACCOUNT:
      record = G_OBJECT (sigap_store_get_account (self->store, id, &local_error));
      break;
    case SIGAP_SERVER_ENTITY_USER:
      record = G_OBJECT (sigap_store_get_user (self->store, id, &local_error));
      break;
    case SIGAP_SERVER_ENTITY_POST:
      record = G_OBJECT (sigap_store_get_post (self->store, id, &local_error));
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT:
      record = G_OBJECT (sigap_store_get_complaint (self->store, id, &local_error));
      break;
    case SIGAP_SERVER_ENTITY_REPORT:
      record = G_OBJECT (sigap_store_get_report (self->store, id, &local_error));
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT_EVENT:
      return G_OBJECT (get_event (self, id, error));
    case SIGAP_SERVER_N_ENTITIES:
    default:
      g_assert_not_reached ();
    }

  if (record == NULL)
    propagate (error, g_steal_pointer (&local_error));

  return record;
}

static SigapComplaint *
find_complaint (SigapServerSqliteStore  *self,
                const char              *tracking_number,
                GError                 **error)
{
  sqlite3 *db = connection (self);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  SigapComplaint *complaint;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db, "SELECT id FROM complaint WHERE tracking_number = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, tracking_number, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sql_error (db, error);
      return NULL;
    }

  if (id == NULL)
    {
      g_set_error_literal (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND,
                           "No complaint has this tracking number.");
      return NULL;
    }

  complaint = sigap_store_get_complaint (self->store, id, &local_error);
  if (complaint == NULL)
    propagate (error, g_steal_pointer (&local_error));

  return complaint;
}

static GObject *
sigap_server_sqlite_store_find_record (SigapServerStore   *store,
                                       SigapServerEntity   entity,
                                       const char         *key,
                                       GError            **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  g_autoptr(GError) local_error = NULL;
  GObject *record = NULL;

  switch (entity)
    {
    case SIGAP_SERVER_ENTITY_OPD:
      record = G_OBJECT (sigap_store_find_opd_by_code (self->store, key, &local_error));
      break;
    case SIGAP_SERVER_ENTITY_USER:
      record = G_OBJECT (sigap_store_find_user_by_name (self->store, key, &local_error));
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT:
      return G_OBJECT (find_complaint (self, key, error));
    case SIGAP_SERVER_ENTITY_ACCOUNT:
    case SIGAP_SERVER_ENTITY_POST:
    case SIGAP_SERVER_ENTITY_REPORT:
    case SIGAP_SERVER_ENTITY_COMPLAINT_EVENT:
    case SIGAP_SERVER_N_ENTITIES:
    default:
      g_assert_not_reached ();
    }

  if (record == NULL)
    propagate (error, g_steal_pointer (&local_error));

  return record;
}

static GPtrArray *
sigap_server_sqlite_store_list_records (SigapServerStore   *store,
                                        SigapServerEntity   entity,
                                        const char         *parent_id,
                                        GError            **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  g_autoptr(GError) local_error = NULL;
  GPtrArray *records = NULL;

  switch (entity)
    {
    case SIGAP_SERVER_ENTITY_OPD:
      records = sigap_store_list_opds (self->store, &local_error);
      break;
    case SIGAP_SERVER_ENTITY_ACCOUNT:
      records = sigap_store_list_accounts (self->store, parent_id, &local_error);
      break;
    case SIGAP_SERVER_ENTITY_USER:
      records = sigap_store_list_users (self->store, &local_error);
      if (records != NULL && parent_id != NULL)
        for (guint i = records->len; i > 0; i--)
          if (g_strcmp0 (sigap_user_get_opd_id (g_ptr_array_index (records, i - 1)),
                         parent_id) != 0)
            g_ptr_array_remove_index (records, i - 1);
      break;
    case SIGAP_SERVER_ENTITY_POST:
      records = sigap_store_list_posts (self->store, parent_id, G_MININT64, G_MAXINT64,
                                        &local_error);
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT:
      records = sigap_store_list_complaints (self->store, parent_id, 0, 0, &local_error);
      break;
    case SIGAP_SERVER_ENTITY_REPORT:
      records = sigap_store_list_reports (self->store, parent_id, &local_error);
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT_EVENT:
      records = sigap_store_list_complaint_events (self->store, parent_id, &local_error);
      break;
    case SIGAP_SERVER_N_ENTITIES:
    default:
      g_assert_not_reached ();
    }

  if (records == NULL)
    propagate (error, g_steal_pointer (&local_error));

  return records;
}

static gboolean
sigap_server_sqlite_store_insert_record (SigapServerStore   *store,
                                         SigapServerEntity   entity,
                                         GObject            *record,
                                         GError            **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  switch (entity)
    {
    case SIGAP_SERVER_ENTITY_OPD:
      ok = sigap_store_insert_opd (self->store, SIGAP_OPD (record), &local_error);
      break;
    case SIGAP_SERVER_ENTITY_ACCOUNT:
      ok = sigap_store_insert_account (self->store, SIGAP_ACCOUNT (record), &local_error);
      break;
    case SIGAP_SERVER_ENTITY_USER:
      ok = sigap_store_insert_user (self->store, SIGAP_USER (record), &local_error);
      break;
    case SIGAP_SERVER_ENTITY_POST:
      ok = sigap_store_insert_post (self->store, SIGAP_POST (record), &local_error);
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT:
      ok = sigap_store_insert_complaint (self->store, SIGAP_COMPLAINT (record), &local_error);
      break;
    case SIGAP_SERVER_ENTITY_REPORT:
      ok = sigap_store_insert_report (self->store, SIGAP_REPORT (record), &local_error);
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT_EVENT:
      ok = sigap_store_add_complaint_event (self->store, SIGAP_COMPLAINT_EVENT (record),
                                            &local_error);
      break;
    case SIGAP_SERVER_N_ENTITIES:
    default:
      g_assert_not_reached ();
    }

  return ok || propagate (error, g_steal_pointer (&local_error));
}

static gboolean
sigap_server_sqlite_store_update_record (SigapServerStore   *store,
                                         SigapServerEntity   entity,
                                         GObject            *record,
                                         GError            **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  switch (entity)
    {
    case SIGAP_SERVER_ENTITY_OPD:
      ok = sigap_store_update_opd (self->store, SIGAP_OPD (record), &local_error);
      break;
    case SIGAP_SERVER_ENTITY_ACCOUNT:
      ok = sigap_store_update_account (self->store, SIGAP_ACCOUNT (record), &local_error);
      break;
    case SIGAP_SERVER_ENTITY_USER:
      ok = sigap_store_update_user (self->store, SIGAP_USER (record), &local_error);
      break;
    case SIGAP_SERVER_ENTITY_POST:
      ok = sigap_store_update_post (self->store, SIGAP_POST (record), &local_error);
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT:
      ok = sigap_store_update_complaint (self->store, SIGAP_COMPLAINT (record), &local_error);
      break;
    case SIGAP_SERVER_ENTITY_REPORT:
      ok = sigap_store_update_report (self->store, SIGAP_REPORT (record), &local_error);
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT_EVENT:
    case SIGAP_SERVER_N_ENTITIES:
    default:
      g_assert_not_reached ();
    }

  return ok || propagate (error, g_steal_pointer (&local_error));
}

static gboolean
sigap_server_sqlite_store_delete_record (SigapServerStore   *store,
                                         SigapServerEntity   entity,
                                         const char         *id,
                                         GError            **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  switch (entity)
    {
    case SIGAP_SERVER_ENTITY_OPD:
      ok = sigap_store_delete_opd (self->store, id, &local_error);
      break;
    case SIGAP_SERVER_ENTITY_ACCOUNT:
      ok = sigap_store_delete_account (self->store, id, &local_error);
      break;
    case SIGAP_SERVER_ENTITY_USER:
      ok = sigap_store_delete_user (self->store, id, &local_error);
      break;
    case SIGAP_SERVER_ENTITY_POST:
      ok = sigap_store_delete_post (self->store, id, &local_error);
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT:
      ok = sigap_store_delete_complaint (self->store, id, &local_error);
      break;
    case SIGAP_SERVER_ENTITY_REPORT:
      ok = sigap_store_delete_report (self->store, id, &local_error);
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT_EVENT:
    case SIGAP_SERVER_N_ENTITIES:
    default:
      g_assert_not_reached ();
    }

  return ok || propagate (error, g_steal_pointer (&local_error));
}

/* }}} */

/* Sign-in tokens {{{ */

static gboolean
sigap_server_sqlite_store_insert_token (SigapServerStore  *store,
                                        const char        *token_hash,
                                        const char        *user_id,
                                        gint64             created_at,
                                        gint64             expires_at,
                                        GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  g_autoptr(GError) local_error = NULL;

  return sigap_store_insert_token (self->store, token_hash, user_id, created_at, expires_at,
                                   &local_error) ||
         propagate (error, g_steal_pointer (&local_error));
}

static char *
sigap_server_sqlite_store_lookup_token (SigapServerStore  *store,
                                        const char        *token_hash,
                                        gint64             now,
                                        GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  g_autoptr(GError) local_error = NULL;
  char *user_id;

  user_id = sigap_store_lookup_token (self->store, token_hash, now, &local_error);
  if (local_error != NULL)
    propagate (error, g_steal_pointer (&local_error));

  return user_id;
}

static gboolean
sigap_server_sqlite_store_revoke_token (SigapServerStore  *store,
                                        const char        *token_hash,
                                        GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  g_autoptr(GError) local_error = NULL;

  return sigap_store_revoke_token (self->store, token_hash, &local_error) ||
         propagate (error, g_steal_pointer (&local_error));
}

static gboolean
sigap_server_sqlite_store_revoke_user_tokens (SigapServerStore  *store,
                                              const char        *user_id,
                                              GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  g_autoptr(GError) local_error = NULL;

  return sigap_store_revoke_user_tokens (self->store, user_id, &local_error) ||
         propagate (error, g_steal_pointer (&local_error));
}

/* }}} */

/* The sync journal {{{ */

static gboolean
sigap_server_sqlite_store_lookup_mutation (SigapServerStore  *store,
                                           const char        *id,
                                           char             **user_id,
                                           JsonObject       **result,
                                           GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  g_autofree char *stored_user = NULL;
  g_autofree char *stored = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db, "SELECT user_id, result FROM sync_mutation WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stored_user = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      stored = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sql_error (db, error);
      return FALSE;
    }

  if (rc == SQLITE_DONE)
    return TRUE;

  *result = parse_object (stored);
  if (*result == NULL)
    {
      g_set_error_literal (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_CORRUPT,
                           "The stored answer to a mutation is not JSON.");
      return FALSE;
    }
  *user_id = g_steal_pointer (&stored_user);

  return TRUE;
}

static gboolean
sigap_server_sqlite_store_save_mutation (SigapServerStore  *store,
                                         const char        *id,
                                         const char        *user_id,
                                         JsonObject        *result,
                                         gint64             applied_at,
                                         GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  g_autofree char *text = object_to_string (result);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db,
                  "INSERT INTO sync_mutation (id, user_id, result, applied_at) "
                  "VALUES (?1, ?2, ?3, ?4)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, user_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, applied_at);

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  /* The connection gives extended codes: SQLITE_CONSTRAINT_PRIMARYKEY. */
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error_literal (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_EXISTS,
                           "The mutation has an answer already.");
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      set_sql_error (db, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
sigap_server_sqlite_store_add_post_revision (SigapServerStore  *store,
                                             const char        *post_id,
                                             gint64             version,
                                             const char        *kind,
                                             const char        *author_id,
                                             JsonObject        *fields,
                                             gint64             created_at,
                                             GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  g_autofree char *text = object_to_string (fields);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db,
                  "INSERT INTO post_revision (post_id, version, kind, author_id, fields, "
                  "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, post_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 4, author_id);
  sqlite3_bind_text (stmt, 5, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, created_at);

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sql_error (db, error);
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
sigap_server_sqlite_store_list_post_revisions (SigapServerStore  *store,
                                               const char        *post_id,
                                               const char        *kind,
                                               gint64             after_version,
                                               gint64             up_to_version,
                                               GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  g_autoptr(GPtrArray) revisions = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db,
                  "SELECT version, kind, author_id, fields, created_at FROM post_revision "
                  "WHERE post_id = ?1 AND (?2 IS NULL OR kind = ?2) "
                  "AND version > ?3 AND version <= ?4 "
                  "ORDER BY version, id",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, post_id, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, after_version);
  sqlite3_bind_int64 (stmt, 4, up_to_version);

  revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *revision = json_object_new ();
      JsonObject *fields = parse_object ((const char *) sqlite3_column_text (stmt, 3));

      json_object_set_int_member (revision, "version", sqlite3_column_int64 (stmt, 0));
      json_object_set_string_member (revision, "kind",
                                     (const char *) sqlite3_column_text (stmt, 1));
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        json_object_set_null_member (revision, "author_id");
      else
        json_object_set_string_member (revision, "author_id",
                                       (const char *) sqlite3_column_text (stmt, 2));
      if (fields != NULL)
        json_object_set_object_member (revision, "fields", fields);
      else
        json_object_set_null_member (revision, "fields");
      json_object_set_int_member (revision, "created_at", sqlite3_column_int64 (stmt, 4));

      g_ptr_array_add (revisions, revision);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sql_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&revisions);
}

/* }}} */

/* The change log {{{ */

/* The rows of the log the caller may see; ?3 is the caller's OPD, ?4 the
 * caller's user ID. */
static const char *
log_filter (const SigapServerScope *scope)
{
  switch (scope->role)
    {
    case SIGAP_ROLE_ADMIN_OPD:
      return "(entity IN ('opd', 'account') OR opd_id = ?3)";

    case SIGAP_ROLE_VERIFIKATOR:
    case SIGAP_ROLE_PIMPINAN:
      /* They see every record: a 'remove' would only drop a copy. */
      return "op <> 'remove'";

    case SIGAP_ROLE_TRC:
      return "(entity IN ('opd', 'account') "
             "OR (entity = 'user' AND (opd_id = ?3 OR (?3 IS NULL AND record_id = ?4))) "
             "OR (entity = 'complaint' AND public_issue = 1))";

    default:
      return "0";
    }
}

static void
bind_scope (sqlite3_stmt           *stmt,
            const SigapServerScope *scope)
{
  int n = sqlite3_bind_parameter_count (stmt);

  if (n >= 3)
    {
      if (scope->opd_id != NULL)
        sqlite3_bind_text (stmt, 3, scope->opd_id, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 3);
    }
  if (n >= 4)
    sqlite3_bind_text (stmt, 4, scope->user_id, -1, SQLITE_TRANSIENT);
}

static gboolean
sigap_server_sqlite_store_get_change_head (SigapServerStore  *store,
                                           gint64            *head,
                                           GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  sqlite3_stmt *stmt;

  /* The log's rows may be compacted: sqlite_sequence keeps the highest
   * seq given. */
  stmt = prepare (db,
                  "SELECT max (coalesce ((SELECT max (seq) FROM change_log), 0), "
                  "coalesce ((SELECT seq FROM sqlite_sequence WHERE name = 'change_log'), 0))",
                  error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_sql_error (db, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *head = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return TRUE;
}

static gint64
sigap_server_sqlite_store_get_change_floor (SigapServerStore *store)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  g_autofree char *floor_text = NULL;
  gint64 floor = 0;

  /* Written by whoever compacts the log. */
  floor_text = sigap_store_get_meta (self->store, "change_log_floor");
  if (floor_text != NULL && !parse_number (floor_text, &floor))
    floor = 0;

  return floor;
}

static GPtrArray *
sigap_server_sqlite_store_list_changes (SigapServerStore        *store,
                                        const SigapServerScope  *scope,
                                        gint64                   after_seq,
                                        guint                    limit,
                                        GError                 **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT seq, entity, record_id, op FROM change_log "
                         "WHERE seq > ?1 AND %s ORDER BY seq LIMIT ?2",
                         log_filter (scope));
  stmt = prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, after_seq);
  sqlite3_bind_int64 (stmt, 2, limit);
  bind_scope (stmt, scope);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_server_change_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SigapServerChange *change = g_new0 (SigapServerChange, 1);

      change->seq = sqlite3_column_int64 (stmt, 0);
      change->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      change->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      change->op = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (changes, change);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sql_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&changes);
}

/* }}} */

/* Records as pulls send them {{{
 *
 * A pulled record is written as JSON text straight from its row, in the
 * form sigap-json gives a record (sigap_json_object_from_record(): the
 * class's properties in its order, an enum by its nick, a post with its
 * "variants", a complaint with its "events"), the values as a record read
 * from the store would hold them (an unknown nick as the property's
 * default, a NULL number as 0). A first sync sends every record the
 * server has; a record object and a JsonNode tree per record cost several
 * times what the rows do.
 */

typedef struct
{
  char *member;          /* the member's name, quoted, with its colon */
  GParamSpec *pspec;
  int column;            /* in the codec's columns, or -1 for none */
  char *constant;        /* then the value every record has */
} Field;

/* How the rows of a table become JSON objects. */
struct _Codec
{
  GObjectClass *klass;
  Field *fields;
  guint n_fields;
  char *columns;         /* for SELECT, in column order */
  int id_col;
  int opd_col;
  int public_issue_col;
  sqlite3_stmt *stmt;    /* the codec's one query, made when first needed */
};

static void
codec_free (Codec *codec)
{
  for (guint i = 0; i < codec->n_fields; i++)
    {
      g_free (codec->fields[i].member);
      g_free (codec->fields[i].constant);
    }
  g_free (codec->fields);
  g_free (codec->columns);
  g_clear_pointer (&codec->stmt, sqlite3_finalize);
  g_type_class_unref (codec->klass);
  g_free (codec);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Codec, codec_free)

static void
append_int (GString *out,
            gint64   n)
{
  char buffer[24];
  char *p = buffer + sizeof buffer;
  guint64 magnitude = n < 0 ? 0 - (guint64) n : (guint64) n;

  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);

  if (n < 0)
    *--p = '-';

  g_string_append_len (out, p, buffer + sizeof buffer - p);
}

static void
append_enum (GString    *out,
             GParamSpec *pspec,
             const char *nick)
{
  GParamSpecEnum *espec = G_PARAM_SPEC_ENUM (pspec);
  GEnumValue *ev = NULL;

  if (nick != NULL)
    ev = g_enum_get_value_by_nick (espec->enum_class, nick);
  if (ev == NULL)
    ev = g_enum_get_value (espec->enum_class, espec->default_value);

  if (ev != NULL)
    sigap_json_append_string (out, ev->value_nick);
  else
    g_string_append_len (out, "null", 4);
}

/* A property's value as sigap_json_object_from_record() writes it. */
static void
append_gvalue (GString      *out,
               GParamSpec   *pspec,
               const GValue *value)
{
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      sigap_json_append_string (out, g_value_get_string (value));
      break;
    case G_TYPE_INT64:
      append_int (out, g_value_get_int64 (value));
      break;
    case G_TYPE_INT:
      append_int (out, g_value_get_int (value));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, g_value_get_boolean (value) ? "true" : "false");
      break;
    case G_TYPE_ENUM:
      {
        GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                           g_value_get_enum (value));

        sigap_json_append_string (out, ev != NULL ? ev->value_nick : NULL);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A column's value as a record read from the store holds it. */
static void
append_column (GString      *out,
               GParamSpec   *pspec,
               sqlite3_stmt *stmt,
               int           column)
{
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      sigap_json_append_string (out, (const char *) sqlite3_column_text (stmt, column));
      break;
    case G_TYPE_INT64:
      append_int (out, sqlite3_column_int64 (stmt, column));
      break;
    case G_TYPE_INT:
      append_int (out, sqlite3_column_int (stmt, column));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, sqlite3_column_int (stmt, column) != 0 ? "true" : "false");
      break;
    case G_TYPE_ENUM:
      append_enum (out, pspec, (const char *) sqlite3_column_text (stmt, column));
      break;
    default:
      g_assert_not_reached ();
    }
}

static Codec *
codec_new (sqlite3             *db,
           const char          *table,
           GType                type,
           const char * const  *exclude,
           GError             **error)
{
  g_autoptr(Codec) codec = g_new0 (Codec, 1);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA table_info(%s)", table);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GObject) blank = g_object_new (type, NULL);
  g_autofree GParamSpec **pspecs = NULL;
  sqlite3_stmt *stmt;
  guint n_pspecs;
  int n_columns = 0;
  int rc;

  stmt = prepare (db, pragma, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (present, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sql_error (db, error);
      return NULL;
    }

  codec->klass = g_type_class_ref (type);
  codec->id_col = codec->opd_col = codec->public_issue_col = -1;

  pspecs = g_object_class_list_properties (codec->klass, &n_pspecs);
  codec->fields = g_new0 (Field, n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GType fundamental = G_TYPE_FUNDAMENTAL (pspecs[i]->value_type);
      g_autofree char *name = sigap_json_member_name (pspecs[i]->name);
      Field *field;

      if ((pspecs[i]->flags & G_PARAM_READABLE) == 0 ||
          (exclude != NULL && g_strv_contains (exclude, name)))
        continue;
      if (fundamental != G_TYPE_STRING && fundamental != G_TYPE_INT64 &&
          fundamental != G_TYPE_INT && fundamental != G_TYPE_BOOLEAN &&
          fundamental != G_TYPE_ENUM)
        continue;

      field = &codec->fields[codec->n_fields++];
      field->pspec = pspecs[i];
      field->member = g_strdup_printf ("\"%s\":", name);

      if (g_hash_table_contains (present, name))
        {
          field->column = n_columns++;
          g_string_append_printf (columns, "%s%s", columns->len > 0 ? ", " : "", name);

          if (g_str_equal (name, "id"))
            codec->id_col = field->column;
          else if (g_str_equal (name, "opd_id"))
            codec->opd_col = field->column;
          else if (g_str_equal (name, "public_issue"))
            codec->public_issue_col = field->column;
        }
      else
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_autoptr(GString) constant = g_string_new (NULL);

          g_value_init (&value, pspecs[i]->value_type);
          g_object_get_property (blank, pspecs[i]->name, &value);
          append_gvalue (constant, pspecs[i], &value);
          field->column = -1;
          field->constant = g_string_free (g_steal_pointer (&constant), FALSE);
        }
    }

  codec->columns = g_strdup (columns->str);

  return g_steal_pointer (&codec);
}

/* Writes the row at @stmt, whose columns are @codec's, as an object
 * without its closing brace. */
static void
codec_append_open (Codec        *codec,
                   sqlite3_stmt *stmt,
                   GString      *out)
{
  g_string_append_c (out, '{');

  for (guint i = 0; i < codec->n_fields; i++)
    {
      Field *field = &codec->fields[i];

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, field->member);

      if (field->column >= 0)
        append_column (out, field->pspec, stmt, field->column);
      else
        g_string_append (out, field->constant);
    }
}

static gboolean
scope_sees_all (const SigapServerScope *scope)
{
  return scope->role == SIGAP_ROLE_VERIFIKATOR || scope->role == SIGAP_ROLE_PIMPINAN;
}

static gboolean
complaint_in_scope (const SigapServerScope *scope,
                    const char             *opd_id,
                    gboolean                public_issue)
{
  switch (scope->role)
    {
    case SIGAP_ROLE_ADMIN_OPD:
      return scope->opd_id != NULL && g_strcmp0 (opd_id, scope->opd_id) == 0;

    case SIGAP_ROLE_VERIFIKATOR:
    case SIGAP_ROLE_PIMPINAN:
      return TRUE;

    case SIGAP_ROLE_TRC:
      return public_issue;

    default:
      return FALSE;
    }
}

static gboolean
opd_record_in_scope (const SigapServerScope *scope,
                     const char             *opd_id)
{
  if (scope_sees_all (scope))
    return TRUE;

  return scope->role == SIGAP_ROLE_ADMIN_OPD && scope->opd_id != NULL &&
         g_strcmp0 (opd_id, scope->opd_id) == 0;
}

static gboolean
user_in_scope (const SigapServerScope *scope,
               const char             *id,
               const char             *opd_id)
{
  if (scope_sees_all (scope))
    return TRUE;

  if (scope->opd_id != NULL)
    return g_strcmp0 (opd_id, scope->opd_id) == 0;

  return g_strcmp0 (id, scope->user_id) == 0;
}

/* The codec @scope reads @entity with: never a user's password hash, and
 * a complaint's citizen data only for the roles that handle complaints. */
static Codec *
record_codec (SigapServerSqliteStore  *self,
              const SigapServerScope  *scope,
              SigapServerEntity        entity,
              GError                 **error)
{
  const char * const *exclude = NULL;
  gboolean personal = TRUE;
  GType type;

  switch (entity)
    {
    case SIGAP_SERVER_ENTITY_OPD:
      type = SIGAP_TYPE_OPD;
      break;
    case SIGAP_SERVER_ENTITY_ACCOUNT:
      type = SIGAP_TYPE_ACCOUNT;
      break;
    case SIGAP_SERVER_ENTITY_USER:
      type = SIGAP_TYPE_USER;
      exclude = user_secret_members;
      break;
    case SIGAP_SERVER_ENTITY_POST:
      type = SIGAP_TYPE_POST;
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT:
      type = SIGAP_TYPE_COMPLAINT;
      if (scope->role == SIGAP_ROLE_PIMPINAN)
        {
          exclude = citizen_members;
          personal = FALSE;
        }
      break;
    case SIGAP_SERVER_ENTITY_REPORT:
      type = SIGAP_TYPE_REPORT;
      break;
    case SIGAP_SERVER_ENTITY_COMPLAINT_EVENT:
    case SIGAP_SERVER_N_ENTITIES:
    default:
      g_assert_not_reached ();
    }

  if (self->codecs[entity][personal] == NULL)
    self->codecs[entity][personal] = codec_new (connection (self), entity_tables[entity], type,
                                                exclude, error);

  return self->codecs[entity][personal];
}

/* The "events" of a complaint, oldest first in the order they were
 * written, as sigap_store_list_complaint_events() gives them. */
static gboolean
append_events (SigapServerSqliteStore  *self,
               const char              *complaint_id,
               GString                 *out,
               GError                 **error)
{
  sqlite3 *db = connection (self);
  gboolean first = TRUE;
  sqlite3_stmt *stmt;
  int rc;

  if (self->events == NULL)
    {
      self->events = codec_new (db, "complaint_event", SIGAP_TYPE_COMPLAINT_EVENT, NULL, error);
      if (self->events == NULL)
        return FALSE;
    }

  if (self->events->stmt == NULL)
    {
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("SELECT %s FROM complaint_event WHERE complaint_id = ?1 "
                             "ORDER BY created_at, rowid",
                             self->events->columns);
      self->events->stmt = prepare (db, sql, error);
      if (self->events->stmt == NULL)
        return FALSE;
    }

  stmt = self->events->stmt;
  sqlite3_bind_text (stmt, 1, complaint_id, -1, SQLITE_TRANSIENT);

  g_string_append (out, ",\"events\":[");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      codec_append_open (self->events, stmt, out);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sql_error (db, error);
      return FALSE;
    }

  return TRUE;
}

/* The "variants" of a post in the platforms' order, as
 * sigap_json_object_from_post() writes a post read from the store; a
 * platform this server does not know is left out, as the store does. */
static gboolean
append_variants (SigapServerSqliteStore  *self,
                 const char              *post_id,
                 GString                 *out,
                 GError                 **error)
{
  sqlite3 *db = connection (self);
  gboolean first = TRUE;
  sqlite3_stmt *stmt;
  int rc;

  if (self->variants == NULL)
    {
      self->variants = codec_new (db, "post_variant", SIGAP_TYPE_POST_VARIANT, NULL, error);
      if (self->variants == NULL)
        return FALSE;
    }

  if (self->variants->stmt == NULL)
    {
      g_autoptr(GEnumClass) platforms = g_type_class_ref (SIGAP_TYPE_PLATFORM);
      g_autoptr(GString) known = g_string_new (NULL);
      g_autoptr(GString) order = g_string_new (NULL);
      g_autofree char *sql = NULL;

      for (guint i = 0; i < platforms->n_values; i++)
        {
          GEnumValue *ev = &platforms->values[i];

          g_string_append_printf (known, "%s'%s'", i > 0 ? ", " : "", ev->value_nick);
          g_string_append_printf (order, " WHEN '%s' THEN %d", ev->value_nick, ev->value);
        }

      sql = g_strdup_printf ("SELECT %s FROM post_variant WHERE post_id = ?1 AND platform IN (%s) "
                             "ORDER BY CASE platform%s END",
                             self->variants->columns, known->str, order->str);
      self->variants->stmt = prepare (db, sql, error);
      if (self->variants->stmt == NULL)
        return FALSE;
    }

  stmt = self->variants->stmt;
  sqlite3_bind_text (stmt, 1, post_id, -1, SQLITE_TRANSIENT);

  g_string_append (out, ",\"variants\":[");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      codec_append_open (self->variants, stmt, out);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sql_error (db, error);
      return FALSE;
    }

  return TRUE;
}

/* Whether @scope may see the row at @stmt, read with @codec. */
static gboolean
row_in_scope (const SigapServerScope *scope,
              SigapServerEntity       entity,
              Codec                  *codec,
              sqlite3_stmt           *stmt)
{
  const char *opd_id = NULL;

  if (codec->opd_col >= 0)
    opd_id = (const char *) sqlite3_column_text (stmt, codec->opd_col);

  switch (entity)
    {
    case SIGAP_SERVER_ENTITY_OPD:
    case SIGAP_SERVER_ENTITY_ACCOUNT:
      return TRUE;

    case SIGAP_SERVER_ENTITY_USER:
      return user_in_scope (scope, (const char *) sqlite3_column_text (stmt, codec->id_col),
                            opd_id);

    case SIGAP_SERVER_ENTITY_POST:
    case SIGAP_SERVER_ENTITY_REPORT:
      return opd_record_in_scope (scope, opd_id);

    case SIGAP_SERVER_ENTITY_COMPLAINT:
      return complaint_in_scope (scope, opd_id,
                                 codec->public_issue_col >= 0 &&
                                 sqlite3_column_int (stmt, codec->public_issue_col) != 0);

    case SIGAP_SERVER_ENTITY_COMPLAINT_EVENT:
    case SIGAP_SERVER_N_ENTITIES:
    default:
      g_assert_not_reached ();
    }
}

/* Appends the row at @stmt, read with @codec, as a whole record. */
static gboolean
append_record (SigapServerSqliteStore  *self,
               SigapServerEntity        entity,
               Codec                   *codec,
               sqlite3_stmt            *stmt,
               GString                 *out,
               GError                 **error)
{
  g_autofree char *id = g_strdup ((const char *) sqlite3_column_text (stmt, codec->id_col));

  codec_append_open (codec, stmt, out);

  if (entity == SIGAP_SERVER_ENTITY_POST && !append_variants (self, id, out, error))
    return FALSE;
  if (entity == SIGAP_SERVER_ENTITY_COMPLAINT && !append_events (self, id, out, error))
    return FALSE;

  g_string_append_c (out, '}');

  return TRUE;
}

/* The snapshot's extra condition on @entity's table, or %NULL when the
 * caller sees none of it. */
static const char *
snapshot_filter (const SigapServerScope *scope,
                 SigapServerEntity       entity)
{
  gboolean all = scope_sees_all (scope);

  switch (entity)
    {
    case SIGAP_SERVER_ENTITY_OPD:
    case SIGAP_SERVER_ENTITY_ACCOUNT:
      return "";

    case SIGAP_SERVER_ENTITY_USER:
      return all ? "" : " AND (opd_id = ?3 OR (?3 IS NULL AND id = ?4))";

    case SIGAP_SERVER_ENTITY_POST:
    case SIGAP_SERVER_ENTITY_REPORT:
      if (all)
        return "";
      return scope->role == SIGAP_ROLE_ADMIN_OPD ? " AND opd_id = ?3" : NULL;

    case SIGAP_SERVER_ENTITY_COMPLAINT:
      if (all)
        return "";
      if (scope->role == SIGAP_ROLE_ADMIN_OPD)
        return " AND opd_id = ?3";
      return scope->role == SIGAP_ROLE_TRC ? " AND public_issue = 1" : NULL;

    case SIGAP_SERVER_ENTITY_COMPLAINT_EVENT:
    case SIGAP_SERVER_N_ENTITIES:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
sigap_server_sqlite_store_read_snapshot (SigapServerStore        *store,
                                         const SigapServerScope  *scope,
                                         SigapServerEntity        entity,
                                         const char              *after_id,
                                         guint                    limit,
                                         SigapServerRecordFunc    func,
                                         gpointer                 user_data,
                                         guint                   *n_read,
                                         char                   **last_id,
                                         GError                 **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  const char *filter = snapshot_filter (scope, entity);
  g_autoptr(GString) json = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *last = NULL;
  guint n_rows = 0;
  sqlite3_stmt *stmt;
  Codec *codec;
  int rc;

  /* The scope sees none of @entity. */
  if (filter == NULL)
    return TRUE;

  codec = record_codec (self, scope, entity, error);
  if (codec == NULL)
    return FALSE;

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id > ?1%s ORDER BY id LIMIT ?2",
                         codec->columns, entity_tables[entity], filter);
  stmt = prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, after_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  bind_scope (stmt, scope);

  json = g_string_new (NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      n_rows++;
      g_free (last);
      last = g_strdup ((const char *) sqlite3_column_text (stmt, codec->id_col));

      if (!row_in_scope (scope, entity, codec, stmt))
        continue;

      g_string_truncate (json, 0);
      if (!append_record (self, entity, codec, stmt, json, error) ||
          !func (last, json->str, json->len, user_data, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sql_error (db, error);
      return FALSE;
    }

  *n_read = n_rows;
  *last_id = g_steal_pointer (&last);

  return TRUE;
}

static gboolean
sigap_server_sqlite_store_read_record (SigapServerStore        *store,
                                       const SigapServerScope  *scope,
                                       SigapServerEntity        entity,
                                       const char              *id,
                                       GString                 *json,
                                       SigapServerRecordState  *state,
                                       GError                 **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  gboolean ok = TRUE;
  Codec *codec;
  int rc;

  codec = record_codec (self, scope, entity, error);
  if (codec == NULL)
    return FALSE;

  if (codec->stmt == NULL)
    {
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", codec->columns,
                             entity_tables[entity]);
      codec->stmt = prepare (db, sql, error);
      if (codec->stmt == NULL)
        return FALSE;
    }

  sqlite3_bind_text (codec->stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (codec->stmt);

  if (rc == SQLITE_DONE)
    *state = SIGAP_SERVER_RECORD_GONE;
  else if (rc != SQLITE_ROW)
    {
      set_sql_error (db, error);
      ok = FALSE;
    }
  else if (row_in_scope (scope, entity, codec, codec->stmt))
    {
      *state = SIGAP_SERVER_RECORD_VISIBLE;
      ok = append_record (self, entity, codec, codec->stmt, json, error);
    }
  else
    *state = SIGAP_SERVER_RECORD_HIDDEN;

  sqlite3_reset (codec->stmt);

  return ok;
}

/* }}} */

/* Media {{{ */

static char *
sigap_server_sqlite_store_dup_media_dir (SigapServerStore *store)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);

  /* Next to the database: "<db>.media". */
  return g_strconcat (sigap_store_get_path (self->store), ".media", NULL);
}

static JsonObject *
sigap_server_sqlite_store_get_media (SigapServerStore  *store,
                                     const char        *sha256,
                                     GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  JsonObject *media = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!ensure_tables (self, error))
    return NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT size, content_type, uploaded_by, created_at FROM media "
                          "WHERE sha256 = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_FAILED,
                   "Cannot read the media table: %s", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      media = json_object_new ();
      json_object_set_string_member (media, "sha256", sha256);
      json_object_set_int_member (media, "size", sqlite3_column_int64 (stmt, 0));
      json_object_set_string_member (media, "content_type",
                                     (const char *) sqlite3_column_text (stmt, 1));
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        json_object_set_null_member (media, "uploaded_by");
      else
        json_object_set_string_member (media, "uploaded_by",
                                       (const char *) sqlite3_column_text (stmt, 2));
      json_object_set_string_member (media, "created_at",
                                     (const char *) sqlite3_column_text (stmt, 3));
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND,
                         "No media object has this name.");
  else
    g_set_error (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_FAILED,
                 "Cannot read the media table: %s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return media;
}

static gboolean
sigap_server_sqlite_store_add_media (SigapServerStore  *store,
                                     const char        *sha256,
                                     gint64             size,
                                     const char        *content_type,
                                     const char        *uploaded_by,
                                     const char        *created_at,
                                     GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!ensure_tables (self, error))
    return FALSE;

  if (sqlite3_prepare_v2 (db,
                          "INSERT OR IGNORE INTO media "
                          "(sha256, size, content_type, uploaded_by, created_at) "
                          "VALUES (?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_FAILED,
                   "Cannot write the media table: %s", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, size);
  sqlite3_bind_text (stmt, 3, content_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, uploaded_by, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, created_at, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_FAILED,
                   "Cannot write the media table: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* }}} */

/* Central documents {{{ */

static GBytes *
sigap_server_sqlite_store_get_document (SigapServerStore  *store,
                                        const char        *name,
                                        char             **updated_at,
                                        GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;
  int rc;

  if (!ensure_tables (self, error))
    return NULL;

  if (sqlite3_prepare_v2 (db, "SELECT body, updated_at FROM central_document WHERE name = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_FAILED,
                   "Cannot read the central documents: %s", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
      *updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND,
                 "No document %s", name);
  else
    g_set_error (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_FAILED,
                 "Cannot read the central documents: %s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return bytes;
}

static gboolean
sigap_server_sqlite_store_put_document (SigapServerStore  *store,
                                        const char        *name,
                                        const char        *version,
                                        GBytes            *body,
                                        const char        *updated_at,
                                        GError           **error)
{
  SigapServerSqliteStore *self = SIGAP_SERVER_SQLITE_STORE (store);
  sqlite3 *db = connection (self);
  sqlite3_stmt *stmt = NULL;
  const char *data;
  gsize length;
  int rc;

  if (!ensure_tables (self, error))
    return FALSE;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO central_document (name, version, body, updated_at) "
                          "VALUES (?1, ?2, ?3, ?4) "
                          "ON CONFLICT (name) DO UPDATE SET version = ?2, body = ?3, "
                          "updated_at = ?4",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_FAILED,
                   "Cannot write the central documents: %s", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  data = g_bytes_get_data (body, &length);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, version, -1, SQLITE_STATIC);
  /* An empty body still binds text, not NULL. */
  sqlite3_bind_text (stmt, 3, data != NULL ? data : "", (int) length, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, updated_at, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_FAILED,
                   "Cannot write the central documents: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* }}} */

static void
sigap_server_sqlite_store_finalize (GObject *object)
{
  SigapServerSqliteStore *self = (SigapServerSqliteStore *)object;

  /* The statements go before the connection closes. */
  for (guint i = 0; i < G_N_ELEMENTS (self->codecs); i++)
    {
      g_clear_pointer (&self->codecs[i][0], codec_free);
      g_clear_pointer (&self->codecs[i][1], codec_free);
    }
  g_clear_pointer (&self->events, codec_free);
  g_clear_pointer (&self->variants, codec_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sigap_server_sqlite_store_parent_class)->finalize (object);
}

static void
sigap_server_sqlite_store_class_init (SigapServerSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_server_sqlite_store_finalize;
}

static void
sigap_server_sqlite_store_iface_init (SigapServerStoreInterface *iface)
{
  iface->prepare = sigap_server_sqlite_store_prepare;
  iface->get_setting = sigap_server_sqlite_store_get_setting;
  iface->run_in_transaction = sigap_server_sqlite_store_run_in_transaction;
  iface->run_read_only = sigap_server_sqlite_store_run_read_only;
  iface->get_record = sigap_server_sqlite_store_get_record;
  iface->find_record = sigap_server_sqlite_store_find_record;
  iface->list_records = sigap_server_sqlite_store_list_records;
  iface->insert_record = sigap_server_sqlite_store_insert_record;
  iface->update_record = sigap_server_sqlite_store_update_record;
  iface->delete_record = sigap_server_sqlite_store_delete_record;
  iface->insert_token = sigap_server_sqlite_store_insert_token;
  iface->lookup_token = sigap_server_sqlite_store_lookup_token;
  iface->revoke_token = sigap_server_sqlite_store_revoke_token;
  iface->revoke_user_tokens = sigap_server_sqlite_store_revoke_user_tokens;
  iface->lookup_mutation = sigap_server_sqlite_store_lookup_mutation;
  iface->save_mutation = sigap_server_sqlite_store_save_mutation;
  iface->add_post_revision = sigap_server_sqlite_store_add_post_revision;
  iface->list_post_revisions = sigap_server_sqlite_store_list_post_revisions;
  iface->get_change_head = sigap_server_sqlite_store_get_change_head;
  iface->get_change_floor = sigap_server_sqlite_store_get_change_floor;
  iface->list_changes = sigap_server_sqlite_store_list_changes;
  iface->read_snapshot = sigap_server_sqlite_store_read_snapshot;
  iface->read_record = sigap_server_sqlite_store_read_record;
  iface->dup_media_dir = sigap_server_sqlite_store_dup_media_dir;
  iface->get_media = sigap_server_sqlite_store_get_media;
  iface->add_media = sigap_server_sqlite_store_add_media;
  iface->get_document = sigap_server_sqlite_store_get_document;
  iface->put_document = sigap_server_sqlite_store_put_document;
}

static void
sigap_server_sqlite_store_init (SigapServerSqliteStore *self)
{
}

/**
 * sigap_server_sqlite_store_new:
 * @path: the database file; it is created, with the current schema, if it
 *   does not exist
 * @error: return location for a #SigapStoreError, whose message is a
 *   sentence for the operator
 *
 * Opens the server's default store: the SQLite database at @path, with
 * the media objects' bytes in the folder "@path.media".
 *
 * Returns: (transfer full) (nullable): the store
 */
SigapServerStore *
sigap_server_sqlite_store_new (const char  *path,
                               GError     **error)
{
  g_autoptr(SigapStore) store = NULL;
  SigapServerSqliteStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  store = sigap_store_open (path, error);
  if (store == NULL)
    return NULL;

  self = g_object_new (SIGAP_TYPE_SERVER_SQLITE_STORE, NULL);
  self->store = g_steal_pointer (&store);

  return SIGAP_SERVER_STORE (self);
}

/**
 * sigap_server_sqlite_store_get_store:
 * @self: a #SigapServerSqliteStore
 *
 * The core's store under this one, for the tools that fill a database
 * with the core's demo regency.
 *
 * Returns: (transfer none): the core's store
 */
SigapStore *
sigap_server_sqlite_store_get_store (SigapServerSqliteStore *self)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_SQLITE_STORE (self), NULL);

  return self->store;
}
