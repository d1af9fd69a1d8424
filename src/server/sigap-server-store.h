/* sigap-server-store.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sigap-types.h"
#include "sigap-account.h"
#include "sigap-complaint.h"
#include "sigap-complaint-event.h"
#include "sigap-opd.h"
#include "sigap-post.h"
#include "sigap-report.h"
#include "sigap-user.h"

G_BEGIN_DECLS

#define SIGAP_SERVER_STORE_ERROR (sigap_server_store_error_quark ())

/**
 * SigapServerStoreError:
 * @SIGAP_SERVER_STORE_ERROR_NOT_FOUND: no record has that ID or key
 * @SIGAP_SERVER_STORE_ERROR_EXISTS: a record with that ID or unique key exists
 * @SIGAP_SERVER_STORE_ERROR_INVALID: the record breaks a rule (an empty
 *   required field, an unknown reference, a record still referenced)
 * @SIGAP_SERVER_STORE_ERROR_CORRUPT: what the store holds cannot be read
 * @SIGAP_SERVER_STORE_ERROR_FAILED: the database failed
 *
 * The messages are for the operator's log, never for a client.
 */
typedef enum
{
  SIGAP_SERVER_STORE_ERROR_NOT_FOUND,
  SIGAP_SERVER_STORE_ERROR_EXISTS,
  SIGAP_SERVER_STORE_ERROR_INVALID,
  SIGAP_SERVER_STORE_ERROR_CORRUPT,
  SIGAP_SERVER_STORE_ERROR_FAILED,
} SigapServerStoreError;

/**
 * SigapServerEntity:
 * @SIGAP_SERVER_ENTITY_OPD: a #SigapOpd
 * @SIGAP_SERVER_ENTITY_ACCOUNT: a #SigapAccount
 * @SIGAP_SERVER_ENTITY_USER: a #SigapUser
 * @SIGAP_SERVER_ENTITY_POST: a #SigapPost, with its variants
 * @SIGAP_SERVER_ENTITY_COMPLAINT: a #SigapComplaint
 * @SIGAP_SERVER_ENTITY_REPORT: a #SigapReport
 * @SIGAP_SERVER_ENTITY_COMPLAINT_EVENT: a #SigapComplaintEvent, on a
 *   complaint's append-only timeline
 * @SIGAP_SERVER_N_ENTITIES: the number of entities
 *
 * The kinds of record the server keeps. The first six are the entities
 * of the change log, in the order the sync cursors number them.
 */
typedef enum
{
  SIGAP_SERVER_ENTITY_OPD,
  SIGAP_SERVER_ENTITY_ACCOUNT,
  SIGAP_SERVER_ENTITY_USER,
  SIGAP_SERVER_ENTITY_POST,
  SIGAP_SERVER_ENTITY_COMPLAINT,
  SIGAP_SERVER_ENTITY_REPORT,
  SIGAP_SERVER_ENTITY_COMPLAINT_EVENT,
  SIGAP_SERVER_N_ENTITIES
} SigapServerEntity;

/**
 * SigapServerScope:
 * @role: the caller's role
 * @user_id: the caller's user ID
 * @opd_id: (nullable): the caller's OPD
 *
 * Who reads the change log: the records a scope sees are
 *
 * - every record, for %SIGAP_ROLE_VERIFIKATOR and %SIGAP_ROLE_PIMPINAN;
 * - OPDs, accounts, and the users, posts, reports and complaints of its
 *   own OPD, for %SIGAP_ROLE_ADMIN_OPD;
 * - OPDs, accounts, the users of its own OPD (itself only, without an
 *   OPD) and the complaints flagged as public issues, for %SIGAP_ROLE_TRC.
 */
typedef struct
{
  SigapRole role;
  const char *user_id;
  const char *opd_id;
} SigapServerScope;

/**
 * SigapServerChange:
 * @seq: its place in the change log, growing
 * @entity: "opd", "account", "user", "post", "complaint" or "report"
 * @record_id: the changed record
 * @op: "upsert", "delete", or "remove" (the record left a scope: an OPD's,
 *   or the public-issue queue)
 *
 * One row of the change log. Every write to a record of the first six
 * #SigapServerEntity, by any path, adds one once the store is prepared; a
 * new event on a complaint's timeline adds an "upsert" of the complaint.
 */
typedef struct
{
  gint64 seq;
  char *entity;
  char *record_id;
  char *op;
} SigapServerChange;

void sigap_server_change_free (SigapServerChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapServerChange, sigap_server_change_free)

/**
 * SigapServerRecordState:
 * @SIGAP_SERVER_RECORD_GONE: there is no such record
 * @SIGAP_SERVER_RECORD_HIDDEN: the record exists, outside the scope
 * @SIGAP_SERVER_RECORD_VISIBLE: the scope sees the record
 *
 * What sigap_server_store_read_record() found.
 */
typedef enum
{
  SIGAP_SERVER_RECORD_GONE,
  SIGAP_SERVER_RECORD_HIDDEN,
  SIGAP_SERVER_RECORD_VISIBLE,
} SigapServerRecordState;

/**
 * SigapServerRecordFunc:
 * @id: the record's ID
 * @json: the record as JSON text, not nul-terminated
 * @length: the length of @json in bytes
 * @user_data: what was given with the function
 * @error: return location for a #GError
 *
 * Takes one record of a read; @json is valid during the call only.
 *
 * Returns: %TRUE to go on, %FALSE (with @error set) to stop the read
 */
typedef gboolean (*SigapServerRecordFunc) (const char  *id,
                                           const char  *json,
                                           gsize        length,
                                           gpointer     user_data,
                                           GError     **error);

#define SIGAP_TYPE_SERVER_STORE (sigap_server_store_get_type ())

G_DECLARE_INTERFACE (SigapServerStore, sigap_server_store, SIGAP, SERVER_STORE, GObject)

/**
 * SigapServerStoreFunc:
 * @store: the store
 * @user_data: what was given with the function
 * @error: return location for a #GError
 *
 * The work of a transaction.
 *
 * Returns: %TRUE to keep what it wrote, %FALSE (with @error set) to undo it
 */
typedef gboolean (*SigapServerStoreFunc) (SigapServerStore  *store,
                                          gpointer           user_data,
                                          GError           **error);

/**
 * SigapServerStoreInterface:
 *
 * What a store of the central server implements; see the public wrappers
 * (sigap_server_store_get_record() and the others) for what each method
 * does. The wrappers check the arguments, so a method gets only what they
 * let through (@get_document always gets a location for updated_at).
 * Every method but @get_setting, @get_change_floor and @dup_media_dir
 * reports failure with a #GError, of %SIGAP_SERVER_STORE_ERROR unless it
 * comes from a #SigapServerStoreFunc or a #SigapServerRecordFunc.
 */
struct _SigapServerStoreInterface
{
  GTypeInterface parent_iface;

  /* Set-up */
  gboolean     (*prepare)             (SigapServerStore        *self,
                                       GError                 **error);
  char        *(*get_setting)         (SigapServerStore        *self,
                                       const char              *key);

  /* Transactions */
  gboolean     (*run_in_transaction)  (SigapServerStore        *self,
                                       SigapServerStoreFunc     func,
                                       gpointer                 user_data,
                                       GError                 **error);
  gboolean     (*run_read_only)       (SigapServerStore        *self,
                                       SigapServerStoreFunc     func,
                                       gpointer                 user_data,
                                       GError                 **error);

  /* Records */
  GObject     *(*get_record)          (SigapServerStore        *self,
                                       SigapServerEntity        entity,
                                       const char              *id,
                                       GError                 **error);
  GObject     *(*find_record)         (SigapServerStore        *self,
                                       SigapServerEntity        entity,
                                       const char              *key,
                                       GError                 **error);
  GPtrArray   *(*list_records)        (SigapServerStore        *self,
                                       SigapServerEntity        entity,
                                       const char              *parent_id,
                                       GError                 **error);
  gboolean     (*insert_record)       (SigapServerStore        *self,
                                       SigapServerEntity        entity,
                                       GObject                 *record,
                                       GError                 **error);
  gboolean     (*update_record)       (SigapServerStore        *self,
                                       SigapServerEntity        entity,
                                       GObject                 *record,
                                       GError                 **error);
  gboolean     (*delete_record)       (SigapServerStore        *self,
                                       SigapServerEntity        entity,
                                       const char              *id,
                                       GError                 **error);

  /* Sign-in tokens */
  gboolean     (*insert_token)        (SigapServerStore        *self,
                                       const char              *token_hash,
                                       const char              *user_id,
                                       gint64                   created_at,
                                       gint64                   expires_at,
                                       GError                 **error);
  char        *(*lookup_token)        (SigapServerStore        *self,
                                       const char              *token_hash,
                                       gint64                   now,
                                       GError                 **error);
  gboolean     (*revoke_token)        (SigapServerStore        *self,
                                       const char              *token_hash,
                                       GError                 **error);
  gboolean     (*revoke_user_tokens)  (SigapServerStore        *self,
                                       const char              *user_id,
                                       GError                 **error);

  /* The sync journal: pushed mutations and post revisions */
  gboolean     (*lookup_mutation)     (SigapServerStore        *self,
                                       const char              *id,
                                       char                   **user_id,
                                       JsonObject             **result,
                                       GError                 **error);
  gboolean     (*save_mutation)       (SigapServerStore        *self,
                                       const char              *id,
                                       const char              *user_id,
                                       JsonObject              *result,
                                       gint64                   applied_at,
                                       GError                 **error);
  gboolean     (*add_post_revision)   (SigapServerStore        *self,
                                       const char              *post_id,
                                       gint64                   version,
                                       const char              *kind,
                                       const char              *author_id,
                                       JsonObject              *fields,
                                       gint64                   created_at,
                                       GError                 **error);
  GPtrArray   *(*list_post_revisions) (SigapServerStore        *self,
                                       const char              *post_id,
                                       const char              *kind,
                                       gint64                   after_version,
                                       gint64                   up_to_version,
                                       GError                 **error);

  /* The change log and the records as pulls send them */
  gboolean     (*get_change_head)     (SigapServerStore        *self,
                                       gint64                  *head,
                                       GError                 **error);
  gint64       (*get_change_floor)    (SigapServerStore        *self);
  GPtrArray   *(*list_changes)        (SigapServerStore        *self,
                                       const SigapServerScope  *scope,
                                       gint64                   after_seq,
                                       guint                    limit,
                                       GError                 **error);
  gboolean     (*read_snapshot)       (SigapServerStore        *self,
                                       const SigapServerScope  *scope,
                                       SigapServerEntity        entity,
                                       const char              *after_id,
                                       guint                    limit,
                                       SigapServerRecordFunc    func,
                                       gpointer                 user_data,
                                       guint                   *n_read,
                                       char                   **last_id,
                                       GError                 **error);
  gboolean     (*read_record)         (SigapServerStore        *self,
                                       const SigapServerScope  *scope,
                                       SigapServerEntity        entity,
                                       const char              *id,
                                       GString                 *json,
                                       SigapServerRecordState  *state,
                                       GError                 **error);

  /* Media objects */
  char        *(*dup_media_dir)       (SigapServerStore        *self);
  JsonObject  *(*get_media)           (SigapServerStore        *self,
                                       const char              *sha256,
                                       GError                 **error);
  gboolean     (*add_media)           (SigapServerStore        *self,
                                       const char              *sha256,
                                       gint64                   size,
                                       const char              *content_type,
                                       const char              *uploaded_by,
                                       const char              *created_at,
                                       GError                 **error);

  /* Central documents */
  GBytes      *(*get_document)        (SigapServerStore        *self,
                                       const char              *name,
                                       char                   **updated_at,
                                       GError                 **error);
  gboolean     (*put_document)        (SigapServerStore        *self,
                                       const char              *name,
                                       const char              *version,
                                       GBytes                  *body,
                                       const char              *updated_at,
                                       GError                 **error);
};

GQuark       sigap_server_store_error_quark       (void);

gboolean     sigap_server_store_prepare           (SigapServerStore        *self,
                                                   GError                 **error);
char        *sigap_server_store_get_setting       (SigapServerStore        *self,
                                                   const char              *key);

gboolean     sigap_server_store_run_in_transaction (SigapServerStore       *self,
                                                    SigapServerStoreFunc    func,
                                                    gpointer                user_data,
                                                    GError                **error);
gboolean     sigap_server_store_run_read_only     (SigapServerStore        *self,
                                                   SigapServerStoreFunc     func,
                                                   gpointer                 user_data,
                                                   GError                 **error);

GObject     *sigap_server_store_get_record        (SigapServerStore        *self,
                                                   SigapServerEntity        entity,
                                                   const char              *id,
                                                   GError                 **error);
GObject     *sigap_server_store_find_record       (SigapServerStore        *self,
                                                   SigapServerEntity        entity,
                                                   const char              *key,
                                                   GError                 **error);
GPtrArray   *sigap_server_store_list_records      (SigapServerStore        *self,
                                                   SigapServerEntity        entity,
                                                   const char              *parent_id,
                                                   GError                 **error);
gboolean     sigap_server_store_insert_record     (SigapServerStore        *self,
                                                   gpointer                 record,
                                                   GError                 **error);
gboolean     sigap_server_store_update_record     (SigapServerStore        *self,
                                                   gpointer                 record,
                                                   GError                 **error);
gboolean     sigap_server_store_delete_record     (SigapServerStore        *self,
                                                   SigapServerEntity        entity,
                                                   const char              *id,
                                                   GError                 **error);

gboolean     sigap_server_store_insert_token      (SigapServerStore        *self,
                                                   const char              *token_hash,
                                                   const char              *user_id,
                                                   gint64                   created_at,
                                                   gint64                   expires_at,
                                                   GError                 **error);
char        *sigap_server_store_lookup_token      (SigapServerStore        *self,
                                                   const char              *token_hash,
                                                   gint64                   now,
                                                   GError                 **error);
gboolean     sigap_server_store_revoke_token      (SigapServerStore        *self,
                                                   const char              *token_hash,
                                                   GError                 **error);
gboolean     sigap_server_store_revoke_user_tokens (SigapServerStore       *self,
                                                    const char             *user_id,
                                                    GError                **error);

gboolean     sigap_server_store_lookup_mutation   (SigapServerStore        *self,
                                                   const char              *id,
                                                   char                   **user_id,
                                                   JsonObject             **result,
                                                   GError                 **error);
gboolean     sigap_server_store_save_mutation     (SigapServerStore        *self,
                                                   const char              *id,
                                                   const char              *user_id,
                                                   JsonObject              *result,
                                                   gint64                   applied_at,
                                                   GError                 **error);
gboolean     sigap_server_store_add_post_revision (SigapServerStore        *self,
                                                   const char              *post_id,
                                                   gint64                   version,
                                                   const char              *kind,
                                                   const char              *author_id,
                                                   JsonObject              *fields,
                                                   gint64                   created_at,
                                                   GError                 **error);
GPtrArray   *sigap_server_store_list_post_revisions (SigapServerStore      *self,
                                                     const char            *post_id,
                                                     const char            *kind,
                                                     gint64                 after_version,
                                                     gint64                 up_to_version,
                                                     GError               **error);

gboolean     sigap_server_store_get_change_head   (SigapServerStore        *self,
                                                   gint64                  *head,
                                                   GError                 **error);
gint64       sigap_server_store_get_change_floor  (SigapServerStore        *self);
GPtrArray   *sigap_server_store_list_changes      (SigapServerStore        *self,
                                                   const SigapServerScope  *scope,
                                                   gint64                   after_seq,
                                                   guint                    limit,
                                                   GError                 **error);
gboolean     sigap_server_store_read_snapshot     (SigapServerStore        *self,
                                                   const SigapServerScope  *scope,
                                                   SigapServerEntity        entity,
                                                   const char              *after_id,
                                                   guint                    limit,
                                                   SigapServerRecordFunc    func,
                                                   gpointer                 user_data,
                                                   guint                   *n_read,
                                                   char                   **last_id,
                                                   GError                 **error);
gboolean     sigap_server_store_read_record       (SigapServerStore        *self,
                                                   const SigapServerScope  *scope,
                                                   SigapServerEntity        entity,
                                                   const char              *id,
                                                   GString                 *json,
                                                   SigapServerRecordState  *state,
                                                   GError                 **error);

char        *sigap_server_store_dup_media_dir     (SigapServerStore        *self);
JsonObject  *sigap_server_store_get_media         (SigapServerStore        *self,
                                                   const char              *sha256,
                                                   GError                 **error);
gboolean     sigap_server_store_add_media         (SigapServerStore        *self,
                                                   const char              *sha256,
                                                   gint64                   size,
                                                   const char              *content_type,
                                                   const char              *uploaded_by,
                                                   const char              *created_at,
                                                   GError                 **error);

GBytes      *sigap_server_store_get_document      (SigapServerStore        *self,
                                                   const char              *name,
                                                   char                   **updated_at,
                                                   GError                 **error);
gboolean     sigap_server_store_put_document      (SigapServerStore        *self,
                                                   const char              *name,
                                                   const char              *version,
                                                   GBytes                  *body,
                                                   const char              *updated_at,
                                                   GError                 **error);

G_END_DECLS
