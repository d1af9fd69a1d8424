/* sigap-server-store.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-server"

#include "config.h"

#include "sigap-server-store.h"

/*
 * Everything the central server keeps goes through this interface: the
 * handlers know records, JSON and bytes, never a database. The server
 * runs on SigapServerSqliteStore (one file, zero set-up); a store for a
 * province or the nation implements the same methods on PostgreSQL, and
 * tests/test-server-store.c is the contract both must pass.
 *
 * Times are UTC seconds unless a parameter says otherwise.
 */

G_DEFINE_QUARK (sigap-server-store-error-quark, sigap_server_store_error)

G_DEFINE_INTERFACE (SigapServerStore, sigap_server_store, G_TYPE_OBJECT)

static void
sigap_server_store_default_init (SigapServerStoreInterface *iface)
{
}

/**
 * sigap_server_change_free:
 * @change: (transfer full) (nullable): a row of the change log
 */
void
sigap_server_change_free (SigapServerChange *change)
{
  if (change == NULL)
    return;

  g_free (change->entity);
  g_free (change->record_id);
  g_free (change->op);
  g_free (change);
}

static SigapServerEntity
entity_of (gpointer record)
{
  if (SIGAP_IS_OPD (record))
    return SIGAP_SERVER_ENTITY_OPD;
  if (SIGAP_IS_ACCOUNT (record))
    return SIGAP_SERVER_ENTITY_ACCOUNT;
  if (SIGAP_IS_USER (record))
    return SIGAP_SERVER_ENTITY_USER;
  if (SIGAP_IS_POST (record))
    return SIGAP_SERVER_ENTITY_POST;
  if (SIGAP_IS_COMPLAINT (record))
    return SIGAP_SERVER_ENTITY_COMPLAINT;
  if (SIGAP_IS_REPORT (record))
    return SIGAP_SERVER_ENTITY_REPORT;
  if (SIGAP_IS_COMPLAINT_EVENT (record))
    return SIGAP_SERVER_ENTITY_COMPLAINT_EVENT;

  return SIGAP_SERVER_N_ENTITIES;
}

/* Set-up {{{ */

/**
 * sigap_server_store_prepare:
 * @self: a #SigapServerStore
 * @error: return location for a #GError
 *
 * Readies the store to serve: creates what the server keeps beside the
 * records (media metadata, central documents) if it is missing, and
 * starts the change log, so that from now on every write to a record, by
 * any path, enters it. The server calls it once before it answers; it may
 * be called again.
 *
 * Returns: %TRUE if the store is ready
 */
gboolean
sigap_server_store_prepare (SigapServerStore  *self,
                            GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->prepare (self, error);
}

/**
 * sigap_server_store_get_setting:
 * @self: a #SigapServerStore
 * @key: a setting of the deployment, such as "regency_name"
 *
 * Returns: (transfer full) (nullable): the value of @key, or %NULL when
 *   it is not set or cannot be read
 */
char *
sigap_server_store_get_setting (SigapServerStore *self,
                                const char       *key)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->get_setting (self, key);
}

/* }}} */

/* Transactions {{{ */

/**
 * sigap_server_store_run_in_transaction:
 * @self: a #SigapServerStore
 * @func: (scope call): the work
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Runs @func in a transaction: what it writes is kept, all of it, if it
 * returns %TRUE, and undone if it returns %FALSE. Called from inside
 * another transaction's @func, it runs a nested transaction (a savepoint)
 * that is undone alone when @func fails, and kept only if the outer one
 * is.
 *
 * Returns: %TRUE if @func succeeded and its writes are kept; %FALSE with
 *   @func's error, or the store's when it could not begin or commit
 */
gboolean
sigap_server_store_run_in_transaction (SigapServerStore      *self,
                                       SigapServerStoreFunc   func,
                                       gpointer               user_data,
                                       GError               **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->run_in_transaction (self, func, user_data, error);
}

/**
 * sigap_server_store_run_read_only:
 * @self: a #SigapServerStore
 * @func: (scope call): the work, which only reads
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Runs @func on one consistent view of the store, as a pull reads a page:
 * nothing written meanwhile by another connection shows half-way. Inside
 * a transaction it runs in that one.
 *
 * Returns: what @func returned, or %FALSE when the store failed
 */
gboolean
sigap_server_store_run_read_only (SigapServerStore      *self,
                                  SigapServerStoreFunc   func,
                                  gpointer               user_data,
                                  GError               **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->run_read_only (self, func, user_data, error);
}

/* }}} */

/* Records {{{ */

/**
 * sigap_server_store_get_record:
 * @self: a #SigapServerStore
 * @entity: what kind of record
 * @id: its ID
 * @error: return location for a #GError
 *
 * Reads a record: a post with its variants, a user with its password
 * hash. A complaint's timeline is read with sigap_server_store_list_records().
 *
 * Returns: (transfer full) (nullable): the record, of @entity's type, or
 *   %NULL with %SIGAP_SERVER_STORE_ERROR_NOT_FOUND when there is none
 */
GObject *
sigap_server_store_get_record (SigapServerStore   *self,
                               SigapServerEntity   entity,
                               const char         *id,
                               GError            **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (entity < SIGAP_SERVER_N_ENTITIES, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->get_record (self, entity, id, error);
}

/**
 * sigap_server_store_find_record:
 * @self: a #SigapServerStore
 * @entity: %SIGAP_SERVER_ENTITY_OPD, %SIGAP_SERVER_ENTITY_USER or
 *   %SIGAP_SERVER_ENTITY_COMPLAINT
 * @key: the record's unique key: an OPD's code, a user's username (as
 *   stored), a complaint's tracking number
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with
 *   %SIGAP_SERVER_STORE_ERROR_NOT_FOUND when none has @key
 */
GObject *
sigap_server_store_find_record (SigapServerStore   *self,
                                SigapServerEntity   entity,
                                const char         *key,
                                GError            **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (entity == SIGAP_SERVER_ENTITY_OPD ||
                        entity == SIGAP_SERVER_ENTITY_USER ||
                        entity == SIGAP_SERVER_ENTITY_COMPLAINT, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->find_record (self, entity, key, error);
}

/**
 * sigap_server_store_list_records:
 * @self: a #SigapServerStore
 * @entity: what kind of record
 * @parent_id: (nullable): for a complaint event, its complaint (required);
 *   for the other records but OPDs, their OPD, or %NULL for every OPD;
 *   %NULL for OPDs
 * @error: return location for a #GError
 *
 * Lists records: OPDs by name; accounts by platform and handle; users;
 * posts by schedule, with their variants; complaints newest received
 * first; reports newest month first; a complaint's events oldest first, in
 * the order they were written.
 *
 * Returns: (transfer full) (element-type GObject) (nullable): the records,
 *   in an array that owns them
 */
GPtrArray *
sigap_server_store_list_records (SigapServerStore   *self,
                                 SigapServerEntity   entity,
                                 const char         *parent_id,
                                 GError            **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (entity < SIGAP_SERVER_N_ENTITIES, NULL);
  g_return_val_if_fail (entity != SIGAP_SERVER_ENTITY_OPD || parent_id == NULL, NULL);
  g_return_val_if_fail (entity != SIGAP_SERVER_ENTITY_COMPLAINT_EVENT || parent_id != NULL,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->list_records (self, entity, parent_id, error);
}

/**
 * sigap_server_store_insert_record:
 * @self: a #SigapServerStore
 * @record: a #SigapOpd, #SigapAccount, #SigapUser, #SigapPost (with its
 *   variants), #SigapComplaint, #SigapReport or #SigapComplaintEvent
 * @error: return location for a #GError
 *
 * Adds a record, and updates @record to what was stored: an empty id gets
 * a new UUID; the version goes up and updated_at is now; a complaint with
 * no tracking number gets the next one (ADU-YYYY-NNNNNN, by the year it
 * was received); an event with no created_at gets now.
 *
 * Returns: %TRUE if stored; %FALSE with %SIGAP_SERVER_STORE_ERROR_EXISTS
 *   when the id or a unique key is taken, %SIGAP_SERVER_STORE_ERROR_INVALID
 *   when the record breaks a rule
 */
gboolean
sigap_server_store_insert_record (SigapServerStore  *self,
                                  gpointer           record,
                                  GError           **error)
{
  SigapServerEntity entity;

  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entity = entity_of (record);
  g_return_val_if_fail (entity < SIGAP_SERVER_N_ENTITIES, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->insert_record (self, entity, record, error);
}

/**
 * sigap_server_store_update_record:
 * @self: a #SigapServerStore
 * @record: a record of any kind but #SigapComplaintEvent (the timeline is
 *   append-only)
 * @error: return location for a #GError
 *
 * Replaces the stored record of @record's id (a post's variants with it);
 * its version goes up and updated_at is now, in @record too.
 *
 * Returns: %TRUE if stored; %FALSE with %SIGAP_SERVER_STORE_ERROR_NOT_FOUND
 *   when there is no such record
 */
gboolean
sigap_server_store_update_record (SigapServerStore  *self,
                                  gpointer           record,
                                  GError           **error)
{
  SigapServerEntity entity;

  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entity = entity_of (record);
  g_return_val_if_fail (entity < SIGAP_SERVER_ENTITY_COMPLAINT_EVENT, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->update_record (self, entity, record, error);
}

/**
 * sigap_server_store_delete_record:
 * @self: a #SigapServerStore
 * @entity: what kind of record, not %SIGAP_SERVER_ENTITY_COMPLAINT_EVENT
 * @id: its ID
 * @error: return location for a #GError
 *
 * Returns: %TRUE if deleted; %FALSE with %SIGAP_SERVER_STORE_ERROR_NOT_FOUND
 *   when there is no such record, %SIGAP_SERVER_STORE_ERROR_INVALID when
 *   other records still refer to it
 */
gboolean
sigap_server_store_delete_record (SigapServerStore   *self,
                                  SigapServerEntity   entity,
                                  const char         *id,
                                  GError            **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (entity < SIGAP_SERVER_ENTITY_COMPLAINT_EVENT, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->delete_record (self, entity, id, error);
}

/* }}} */

/* Sign-in tokens {{{ */

/**
 * sigap_server_store_insert_token:
 * @self: a #SigapServerStore
 * @token_hash: the hex SHA-256 of the token, which is all the store keeps
 * @user_id: the signed-in user
 * @created_at: now
 * @expires_at: when it stops working
 * @error: return location for a #GError
 *
 * Returns: %TRUE if stored
 */
gboolean
sigap_server_store_insert_token (SigapServerStore  *self,
                                 const char        *token_hash,
                                 const char        *user_id,
                                 gint64             created_at,
                                 gint64             expires_at,
                                 GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL && user_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->insert_token (self, token_hash, user_id,
                                                            created_at, expires_at, error);
}

/**
 * sigap_server_store_lookup_token:
 * @self: a #SigapServerStore
 * @token_hash: the hex SHA-256 of a token a client sent
 * @now: the time to check expiry against
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the user ID of a token that is
 *   known, not revoked and not expired at @now; %NULL otherwise, with
 *   @error set only when the store failed
 */
char *
sigap_server_store_lookup_token (SigapServerStore  *self,
                                 const char        *token_hash,
                                 gint64             now,
                                 GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (token_hash != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->lookup_token (self, token_hash, now, error);
}

/**
 * sigap_server_store_revoke_token:
 * @self: a #SigapServerStore
 * @token_hash: the hex SHA-256 of a token
 * @error: return location for a #GError
 *
 * Revokes one token, as at sign-out; an unknown token is not an error.
 *
 * Returns: %TRUE unless the store failed
 */
gboolean
sigap_server_store_revoke_token (SigapServerStore  *self,
                                 const char        *token_hash,
                                 GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->revoke_token (self, token_hash, error);
}

/**
 * sigap_server_store_revoke_user_tokens:
 * @self: a #SigapServerStore
 * @user_id: a user
 * @error: return location for a #GError
 *
 * Revokes every token of @user_id, as when the user is disabled or their
 * password changes.
 *
 * Returns: %TRUE unless the store failed
 */
gboolean
sigap_server_store_revoke_user_tokens (SigapServerStore  *self,
                                       const char        *user_id,
                                       GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (user_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->revoke_user_tokens (self, user_id, error);
}

/* }}} */

/* The sync journal {{{ */

/**
 * sigap_server_store_lookup_mutation:
 * @self: a #SigapServerStore
 * @id: the ID a client pushed a mutation under
 * @user_id: (out) (transfer full): who pushed it, or %NULL when it is new
 * @result: (out) (transfer full): the answer it got, or %NULL when it is new
 * @error: return location for a #GError
 *
 * Finds the answer kept for a mutation, so that a retried push gets the
 * same answer and changes nothing.
 *
 * Returns: %TRUE unless the store failed (an answer that is not a JSON
 *   object is %SIGAP_SERVER_STORE_ERROR_CORRUPT)
 */
gboolean
sigap_server_store_lookup_mutation (SigapServerStore  *self,
                                    const char        *id,
                                    char             **user_id,
                                    JsonObject       **result,
                                    GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (user_id != NULL && result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *user_id = NULL;
  *result = NULL;

  return SIGAP_SERVER_STORE_GET_IFACE (self)->lookup_mutation (self, id, user_id, result, error);
}

/**
 * sigap_server_store_save_mutation:
 * @self: a #SigapServerStore
 * @id: the ID the mutation was pushed under
 * @user_id: who pushed it
 * @result: the answer it got
 * @applied_at: now
 * @error: return location for a #GError
 *
 * Keeps the answer to a mutation. An answer is never replaced.
 *
 * Returns: %TRUE if kept; %FALSE with %SIGAP_SERVER_STORE_ERROR_EXISTS
 *   when @id has an answer already
 */
gboolean
sigap_server_store_save_mutation (SigapServerStore  *self,
                                  const char        *id,
                                  const char        *user_id,
                                  JsonObject        *result,
                                  gint64             applied_at,
                                  GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && user_id != NULL && result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->save_mutation (self, id, user_id, result,
                                                             applied_at, error);
}

/**
 * sigap_server_store_add_post_revision:
 * @self: a #SigapServerStore
 * @post_id: the post
 * @version: the post's version the revision belongs to
 * @kind: "accepted" (fields a push changed) or "losing-edit" (values a push
 *   lost in a conflict, kept rather than dropped)
 * @author_id: (nullable): who pushed them
 * @fields: the fields and their values, as sigap-json encodes a post
 * @created_at: now
 * @error: return location for a #GError
 *
 * Returns: %TRUE if kept
 */
gboolean
sigap_server_store_add_post_revision (SigapServerStore  *self,
                                      const char        *post_id,
                                      gint64             version,
                                      const char        *kind,
                                      const char        *author_id,
                                      JsonObject        *fields,
                                      gint64             created_at,
                                      GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (post_id != NULL && kind != NULL && fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->add_post_revision (self, post_id, version, kind,
                                                                 author_id, fields, created_at,
                                                                 error);
}

/**
 * sigap_server_store_list_post_revisions:
 * @self: a #SigapServerStore
 * @post_id: the post
 * @kind: (nullable): "accepted", "losing-edit", or %NULL for both
 * @after_version: only revisions of a version above this
 * @up_to_version: and at most this
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type JsonObject) (nullable): the
 *   revisions by version, then in the order they were added, each
 *   {"version", "kind", "author_id", "fields", "created_at"} ("fields" is
 *   %NULL if what was kept is not a JSON object)
 */
GPtrArray *
sigap_server_store_list_post_revisions (SigapServerStore  *self,
                                        const char        *post_id,
                                        const char        *kind,
                                        gint64             after_version,
                                        gint64             up_to_version,
                                        GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (post_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->list_post_revisions (self, post_id, kind,
                                                                   after_version,
                                                                   up_to_version, error);
}

/* }}} */

/* The change log {{{ */

/**
 * sigap_server_store_get_change_head:
 * @self: a #SigapServerStore
 * @head: (out): the highest seq the change log has given, even if its row
 *   is gone since (0 for an empty log)
 * @error: return location for a #GError
 *
 * Returns: %TRUE unless the store failed
 */
gboolean
sigap_server_store_get_change_head (SigapServerStore  *self,
                                    gint64            *head,
                                    GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (head != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->get_change_head (self, head, error);
}

/**
 * sigap_server_store_get_change_floor:
 * @self: a #SigapServerStore
 *
 * After the change log was compacted, its rows up to the floor are gone,
 * and a client whose cursor is below it must pull again from the start.
 *
 * Returns: the lowest seq a pull may continue from; 0 when the log was
 *   never compacted
 */
gint64
sigap_server_store_get_change_floor (SigapServerStore *self)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), 0);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->get_change_floor (self);
}

/**
 * sigap_server_store_list_changes:
 * @self: a #SigapServerStore
 * @scope: who reads
 * @after_seq: the seq of the last row already read
 * @limit: the most rows to return
 * @error: return location for a #GError
 *
 * Reads the change log after @after_seq, as far as @scope may see it:
 * rows about records of the scope (see #SigapServerScope), judged by the
 * record's OPD and public-issue flag when the row was written; for a
 * scope that sees every record, no "remove".
 *
 * Returns: (transfer full) (element-type SigapServerChange) (nullable):
 *   the rows, by seq
 */
GPtrArray *
sigap_server_store_list_changes (SigapServerStore        *self,
                                 const SigapServerScope  *scope,
                                 gint64                   after_seq,
                                 guint                    limit,
                                 GError                 **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->list_changes (self, scope, after_seq, limit, error);
}

/**
 * sigap_server_store_read_snapshot:
 * @self: a #SigapServerStore
 * @scope: who reads
 * @entity: one of the first six #SigapServerEntity
 * @after_id: the ID of the last record already read, or "" to start
 * @limit: the most records to read
 * @func: (scope call): takes each record @scope sees
 * @user_data: data for @func
 * @n_read: (out): how many records were read, up to @limit; fewer when
 *   there are no more
 * @last_id: (out) (transfer full) (nullable): the ID of the last record
 *   read, to continue after; %NULL when none was
 * @error: return location for a #GError
 *
 * Reads the records of @entity that @scope sees (see #SigapServerScope),
 * in order of ID (byte order), after @after_id, for the snapshot a client
 * pulls first. Each one goes to @func as JSON text, as
 * sigap_server_store_read_record() writes it.
 *
 * Returns: %TRUE unless the store or @func failed
 */
gboolean
sigap_server_store_read_snapshot (SigapServerStore        *self,
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
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (entity < SIGAP_SERVER_ENTITY_COMPLAINT_EVENT, FALSE);
  g_return_val_if_fail (after_id != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (n_read != NULL && last_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *n_read = 0;
  *last_id = NULL;

  return SIGAP_SERVER_STORE_GET_IFACE (self)->read_snapshot (self, scope, entity, after_id, limit,
                                                             func, user_data, n_read, last_id,
                                                             error);
}

/**
 * sigap_server_store_read_record:
 * @self: a #SigapServerStore
 * @scope: who reads
 * @entity: one of the first six #SigapServerEntity
 * @id: the record's ID
 * @json: where to append the record
 * @state: (out): whether the record exists and @scope sees it
 * @error: return location for a #GError
 *
 * Reads a record as a pull sends it: its current state, as JSON text in
 * the form sigap_json_object_from_record() gives it (a post with its
 * "variants" as sigap_json_object_from_post() writes them, a complaint
 * with its "events", oldest first), without a user's password hash, and
 * without a complaint's citizen data for %SIGAP_ROLE_PIMPINAN. Only a
 * record @scope sees is appended to @json.
 *
 * Returns: %TRUE unless the store failed
 */
gboolean
sigap_server_store_read_record (SigapServerStore        *self,
                                const SigapServerScope  *scope,
                                SigapServerEntity        entity,
                                const char              *id,
                                GString                 *json,
                                SigapServerRecordState  *state,
                                GError                 **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (entity < SIGAP_SERVER_ENTITY_COMPLAINT_EVENT, FALSE);
  g_return_val_if_fail (id != NULL && json != NULL && state != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->read_record (self, scope, entity, id, json, state,
                                                           error);
}

/* }}} */

/* Media {{{ */

/**
 * sigap_server_store_dup_media_dir:
 * @self: a #SigapServerStore
 *
 * Media objects are files named by their SHA-256; the store keeps their
 * metadata, and says where their bytes go.
 *
 * Returns: (transfer full): the folder of the media objects' bytes
 */
char *
sigap_server_store_dup_media_dir (SigapServerStore *self)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), NULL);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->dup_media_dir (self);
}

/**
 * sigap_server_store_get_media:
 * @self: a #SigapServerStore
 * @sha256: an object's name, 64 lowercase hex digits
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the object's metadata, {"sha256",
 *   "size", "content_type", "uploaded_by", "created_at" (ISO 8601 UTC)},
 *   or %NULL with %SIGAP_SERVER_STORE_ERROR_NOT_FOUND when it is unknown
 */
JsonObject *
sigap_server_store_get_media (SigapServerStore  *self,
                              const char        *sha256,
                              GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->get_media (self, sha256, error);
}

/**
 * sigap_server_store_add_media:
 * @self: a #SigapServerStore
 * @sha256: the object's name
 * @size: its size in bytes
 * @content_type: its type, such as "image/jpeg"
 * @uploaded_by: (nullable): the user who sent it
 * @created_at: now, in ISO 8601 UTC ("2026-01-31T08:00:00Z")
 * @error: return location for a #GError
 *
 * Records an uploaded object. The first record of an object stays: adding
 * one that is known changes nothing and is not an error.
 *
 * Returns: %TRUE unless the store failed
 */
gboolean
sigap_server_store_add_media (SigapServerStore  *self,
                              const char        *sha256,
                              gint64             size,
                              const char        *content_type,
                              const char        *uploaded_by,
                              const char        *created_at,
                              GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL && content_type != NULL && created_at != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->add_media (self, sha256, size, content_type,
                                                         uploaded_by, created_at, error);
}

/* }}} */

/* Central documents {{{ */

/**
 * sigap_server_store_get_document:
 * @self: a #SigapServerStore
 * @name: "platforms", or "holidays/YYYY"
 * @updated_at: (out) (transfer full) (optional): when it was stored, ISO
 *   8601 UTC
 * @error: return location for a #GError
 *
 * Reads the copy of a central document that a verifikator stored.
 *
 * Returns: (transfer full) (nullable): its bytes, as they were stored, or
 *   %NULL with %SIGAP_SERVER_STORE_ERROR_NOT_FOUND when none was
 */
GBytes *
sigap_server_store_get_document (SigapServerStore  *self,
                                 const char        *name,
                                 char             **updated_at,
                                 GError           **error)
{
  g_autofree char *when = NULL;
  GBytes *bytes;

  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = SIGAP_SERVER_STORE_GET_IFACE (self)->get_document (self, name, &when, error);
  if (updated_at != NULL)
    *updated_at = g_steal_pointer (&when);

  return bytes;
}

/**
 * sigap_server_store_put_document:
 * @self: a #SigapServerStore
 * @name: "platforms", or "holidays/YYYY"
 * @version: the SHA-256 of @body
 * @body: the document, checked already
 * @updated_at: now, in ISO 8601 UTC
 * @error: return location for a #GError
 *
 * Stores a new copy of a central document in place of the one before.
 *
 * Returns: %TRUE if stored
 */
gboolean
sigap_server_store_put_document (SigapServerStore  *self,
                                 const char        *name,
                                 const char        *version,
                                 GBytes            *body,
                                 const char        *updated_at,
                                 GError           **error)
{
  g_return_val_if_fail (SIGAP_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && version != NULL && updated_at != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SIGAP_SERVER_STORE_GET_IFACE (self)->put_document (self, name, version, body,
                                                            updated_at, error);
}

/* }}} */
