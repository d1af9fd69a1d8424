/* sigap-store.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "sigap-types.h"
#include "sigap-account.h"
#include "sigap-complaint.h"
#include "sigap-complaint-event.h"
#include "sigap-complaint-query.h"
#include "sigap-opd.h"
#include "sigap-post.h"
#include "sigap-report.h"
#include "sigap-reply-template.h"
#include "sigap-user.h"
#include "sigap-json.h"

G_BEGIN_DECLS

#define SIGAP_STORE_ERROR (sigap_store_error_quark ())

/**
 * SigapStoreError:
 * @SIGAP_STORE_ERROR_CANNOT_OPEN: the file or its folder cannot be read or written
 * @SIGAP_STORE_ERROR_CORRUPT: the file is not a Sigap database, or is damaged
 * @SIGAP_STORE_ERROR_TOO_NEW: the database was written by a newer Sigap
 * @SIGAP_STORE_ERROR_READ_ONLY: the database or its folder is read-only
 * @SIGAP_STORE_ERROR_NOT_FOUND: no record has that ID
 * @SIGAP_STORE_ERROR_EXISTS: a record with that ID or unique key exists
 * @SIGAP_STORE_ERROR_INVALID: the record breaks a rule (missing field, unknown reference)
 * @SIGAP_STORE_ERROR_FAILED: any other SQLite failure
 *
 * Every message is a translated sentence that says what happened and what
 * to do, ready to show to the user.
 */
typedef enum
{
  SIGAP_STORE_ERROR_CANNOT_OPEN,
  SIGAP_STORE_ERROR_CORRUPT,
  SIGAP_STORE_ERROR_TOO_NEW,
  SIGAP_STORE_ERROR_READ_ONLY,
  SIGAP_STORE_ERROR_NOT_FOUND,
  SIGAP_STORE_ERROR_EXISTS,
  SIGAP_STORE_ERROR_INVALID,
  SIGAP_STORE_ERROR_FAILED,
} SigapStoreError;

#define SIGAP_TYPE_STORE (sigap_store_get_type())

G_DECLARE_FINAL_TYPE (SigapStore, sigap_store, SIGAP, STORE, GObject)

GQuark      sigap_store_error_quark        (void);

/* The schema version this build writes: the number of the last migration. */
int         sigap_store_latest_version     (void);

SigapStore *sigap_store_open               (const char  *path,
                                            GError     **error);
SigapStore *sigap_store_open_at_version    (const char  *path,
                                            int          version,
                                            GError     **error);
const char *sigap_store_get_path           (SigapStore  *self);
sqlite3    *sigap_store_get_connection     (SigapStore  *self);
int         sigap_store_get_schema_version (SigapStore  *self);

void        sigap_store_check_integrity_async  (SigapStore           *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    sigap_store_check_integrity_finish (SigapStore           *self,
                                                GAsyncResult         *result,
                                                GError              **error);

gboolean    sigap_store_begin              (SigapStore  *self,
                                            GError     **error);
gboolean    sigap_store_commit             (SigapStore  *self,
                                            GError     **error);
void        sigap_store_rollback           (SigapStore  *self);

char       *sigap_store_get_meta           (SigapStore  *self,
                                            const char  *key);
gboolean    sigap_store_set_meta           (SigapStore  *self,
                                            const char  *key,
                                            const char  *value,
                                            GError     **error);

/* Records. insert fails with EXISTS, update and delete with NOT_FOUND.
 * insert fills an empty id with a new UUID; insert and update set
 * updated_at to now and bump version. list functions return a
 * GPtrArray that owns its records.
 */

gboolean    sigap_store_insert_opd         (SigapStore  *self,
                                            SigapOpd    *opd,
                                            GError     **error);
gboolean    sigap_store_update_opd         (SigapStore  *self,
                                            SigapOpd    *opd,
                                            GError     **error);
gboolean    sigap_store_delete_opd         (SigapStore  *self,
                                            const char  *id,
                                            GError     **error);
SigapOpd   *sigap_store_get_opd            (SigapStore  *self,
                                            const char  *id,
                                            GError     **error);
SigapOpd   *sigap_store_find_opd_by_code   (SigapStore  *self,
                                            const char  *code,
                                            GError     **error);
GPtrArray  *sigap_store_list_opds          (SigapStore  *self,
                                            GError     **error);

gboolean      sigap_store_insert_account   (SigapStore    *self,
                                            SigapAccount  *account,
                                            GError       **error);
gboolean      sigap_store_update_account   (SigapStore    *self,
                                            SigapAccount  *account,
                                            GError       **error);
gboolean      sigap_store_delete_account   (SigapStore    *self,
                                            const char    *id,
                                            GError       **error);
SigapAccount *sigap_store_get_account      (SigapStore    *self,
                                            const char    *id,
                                            GError       **error);
GPtrArray    *sigap_store_list_accounts    (SigapStore    *self,
                                            const char    *opd_id,
                                            GError       **error);

gboolean    sigap_store_insert_user        (SigapStore  *self,
                                            SigapUser   *user,
                                            GError     **error);
gboolean    sigap_store_update_user        (SigapStore  *self,
                                            SigapUser   *user,
                                            GError     **error);
gboolean    sigap_store_delete_user        (SigapStore  *self,
                                            const char  *id,
                                            GError     **error);
SigapUser  *sigap_store_get_user           (SigapStore  *self,
                                            const char  *id,
                                            GError     **error);
SigapUser  *sigap_store_find_user_by_name  (SigapStore  *self,
                                            const char  *username,
                                            GError     **error);
GPtrArray  *sigap_store_list_users         (SigapStore  *self,
                                            GError     **error);

/* A post is written and read with its variants. */
gboolean    sigap_store_insert_post        (SigapStore  *self,
                                            SigapPost   *post,
                                            GError     **error);
gboolean    sigap_store_update_post        (SigapStore  *self,
                                            SigapPost   *post,
                                            GError     **error);
gboolean    sigap_store_delete_post        (SigapStore  *self,
                                            const char  *id,
                                            GError     **error);
SigapPost  *sigap_store_get_post           (SigapStore  *self,
                                            const char  *id,
                                            GError     **error);
/* Posts of @opd_id (all OPDs if %NULL) scheduled in [@from, @to), UTC
 * seconds, ordered by scheduled_at. */
GPtrArray  *sigap_store_list_posts         (SigapStore  *self,
                                            const char  *opd_id,
                                            gint64       from,
                                            gint64       to,
                                            GError     **error);
gint64      sigap_store_count_posts        (SigapStore  *self,
                                            const char  *opd_id);
/* Posts of @opd_id (all OPDs if %NULL) in @status, whenever scheduled,
 * ordered by scheduled_at. */
GPtrArray  *sigap_store_list_posts_by_status (SigapStore       *self,
                                              const char       *opd_id,
                                              SigapPostStatus   status,
                                              GError          **error);

/* insert_complaint assigns the tracking number (ADU-YYYY-NNNNNN, by
 * received_at's year) when it is empty. */
gboolean        sigap_store_insert_complaint  (SigapStore      *self,
                                               SigapComplaint  *complaint,
                                               GError         **error);
gboolean        sigap_store_update_complaint  (SigapStore      *self,
                                               SigapComplaint  *complaint,
                                               GError         **error);
gboolean        sigap_store_delete_complaint  (SigapStore      *self,
                                               const char      *id,
                                               GError         **error);
SigapComplaint *sigap_store_get_complaint     (SigapStore      *self,
                                               const char      *id,
                                               GError         **error);
/* Complaints routed to @opd_id (all if %NULL), newest received first. */
GPtrArray      *sigap_store_list_complaints   (SigapStore      *self,
                                               const char      *opd_id,
                                               guint            offset,
                                               guint            limit,
                                               GError         **error);
gint64          sigap_store_count_complaints  (SigapStore      *self,
                                               const char      *opd_id);
/* Complaints routed to @opd_id (all if %NULL) that @query matches, in its
 * order; see sigap-complaint-query.c. */
GPtrArray      *sigap_store_list_complaints_matching  (SigapStore           *self,
                                                       const char           *opd_id,
                                                       SigapComplaintQuery  *query,
                                                       guint                 offset,
                                                       guint                 limit,
                                                       GError              **error);
gint64          sigap_store_count_complaints_matching (SigapStore           *self,
                                                       const char           *opd_id,
                                                       SigapComplaintQuery  *query,
                                                       GError              **error);
gboolean        sigap_store_find_similar_complaint (SigapStore      *self,
                                                    SigapComplaint  *complaint,
                                                    char           **tracking_number,
                                                    GError         **error);

/* The timeline is append-only: events are added, never changed. */
gboolean    sigap_store_add_complaint_event   (SigapStore           *self,
                                               SigapComplaintEvent  *event,
                                               GError              **error);
GPtrArray  *sigap_store_list_complaint_events (SigapStore           *self,
                                               const char           *complaint_id,
                                               GError              **error);

gboolean     sigap_store_insert_report     (SigapStore   *self,
                                            SigapReport  *report,
                                            GError      **error);
gboolean     sigap_store_update_report     (SigapStore   *self,
                                            SigapReport  *report,
                                            GError      **error);
gboolean     sigap_store_delete_report     (SigapStore   *self,
                                            const char   *id,
                                            GError      **error);
SigapReport *sigap_store_get_report        (SigapStore   *self,
                                            const char   *id,
                                            GError      **error);
GPtrArray   *sigap_store_list_reports      (SigapStore   *self,
                                            const char   *opd_id,
                                            GError      **error);

/* An OPD's canned replies, ordered by position. They stay on this
 * computer: no outbox row, no sync. insert puts a template whose position
 * is -1 after the OPD's last one; move renumbers the OPD's list. */
gboolean            sigap_store_insert_reply_template (SigapStore          *self,
                                                       SigapReplyTemplate  *reply,
                                                       GError             **error);
gboolean            sigap_store_update_reply_template (SigapStore          *self,
                                                       SigapReplyTemplate  *reply,
                                                       GError             **error);
gboolean            sigap_store_delete_reply_template (SigapStore          *self,
                                                       const char          *id,
                                                       GError             **error);
gboolean            sigap_store_move_reply_template   (SigapStore          *self,
                                                       const char          *id,
                                                       guint                position,
                                                       GError             **error);
SigapReplyTemplate *sigap_store_get_reply_template    (SigapStore          *self,
                                                       const char          *id,
                                                       GError             **error);
GPtrArray          *sigap_store_list_reply_templates  (SigapStore          *self,
                                                       const char          *opd_id,
                                                       GError             **error);

/* The central server's sign-in tokens, kept only as @token_hash (the hex
 * SHA-256 of the token). lookup returns the user ID of a token that is
 * known, not revoked and not expired at @now, %NULL otherwise (setting
 * @error only when the database fails). */
gboolean    sigap_store_insert_token       (SigapStore  *self,
                                            const char  *token_hash,
                                            const char  *user_id,
                                            gint64       created_at,
                                            gint64       expires_at,
                                            GError     **error);
char       *sigap_store_lookup_token       (SigapStore  *self,
                                            const char  *token_hash,
                                            gint64       now,
                                            GError     **error);
gboolean    sigap_store_revoke_token       (SigapStore  *self,
                                            const char  *token_hash,
                                            GError     **error);
gboolean    sigap_store_revoke_user_tokens (SigapStore  *self,
                                            const char  *user_id,
                                            GError     **error);
gboolean    sigap_store_delete_expired_tokens (SigapStore  *self,
                                               gint64       now,
                                               GError     **error);

/**
 * SigapOutboxEntry:
 * @seq: the row's place in the outbox
 * @id: the mutation ID (a UUID) the change is pushed under
 * @entity: "post", "report", "complaint" or "complaint_event"
 * @record_id: the changed record
 * @op: "upsert" or "delete"
 * @base_version: the record's version the change was made on, 0 for a new
 *   record
 * @fields: (nullable) (array zero-terminated=1): the member names of the
 *   changed fields, %NULL for all
 * @payload: (nullable): the mutation as sent, JSON, once it was sent
 * @created_at: UTC seconds
 *
 * A local change waiting to be pushed.
 */
typedef struct
{
  gint64  seq;
  char   *id;
  char   *entity;
  char   *record_id;
  char   *op;
  gint64  base_version;
  char  **fields;
  char   *payload;
  gint64  created_at;
} SigapOutboxEntry;

void        sigap_outbox_entry_free         (SigapOutboxEntry  *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapOutboxEntry, sigap_outbox_entry_free)

/* Sync: the outbox of local changes, and the server's changes applied
 * without passing through it. */
gboolean    sigap_store_set_outbox_enabled  (SigapStore   *self,
                                             gboolean      enabled,
                                             GError      **error);
gboolean    sigap_store_get_outbox_enabled  (SigapStore   *self);
GPtrArray  *sigap_store_list_outbox         (SigapStore   *self,
                                             guint         limit,
                                             GError      **error);
gint64      sigap_store_count_outbox        (SigapStore   *self);
gboolean    sigap_store_has_outbox          (SigapStore   *self,
                                             const char   *entity,
                                             const char   *record_id);
gboolean    sigap_store_set_outbox_payload  (SigapStore   *self,
                                             const char   *id,
                                             const char   *payload,
                                             GError      **error);
gboolean    sigap_store_delete_outbox       (SigapStore   *self,
                                             const char   *id,
                                             GError      **error);
gboolean    sigap_store_rebase_outbox       (SigapStore   *self,
                                             const char   *entity,
                                             const char   *record_id,
                                             gint64        version,
                                             GError      **error);

gboolean    sigap_store_begin_remote        (SigapStore   *self,
                                             GError      **error);
void        sigap_store_end_remote_pages    (SigapStore   *self);
gboolean    sigap_store_begin_snapshot      (SigapStore   *self,
                                             GError      **error);
gboolean    sigap_store_end_snapshot        (SigapStore   *self,
                                             GError      **error);
gboolean    sigap_store_apply_remote        (SigapStore   *self,
                                             const char   *entity,
                                             JsonObject   *record,
                                             GError      **error);
gboolean    sigap_store_apply_remote_value  (SigapStore            *self,
                                             const char            *entity,
                                             const SigapJsonValue  *record,
                                             GError               **error);
gboolean    sigap_store_remove_local        (SigapStore   *self,
                                             const char   *entity,
                                             const char   *id,
                                             GError      **error);
gboolean    sigap_store_set_synced_version  (SigapStore   *self,
                                             const char   *entity,
                                             const char   *id,
                                             gint64        version,
                                             GError      **error);
gboolean    sigap_store_clear_replica       (SigapStore   *self,
                                             GError      **error);
JsonObject *sigap_store_get_record_json     (SigapStore   *self,
                                             const char   *entity,
                                             const char   *id,
                                             GError      **error);

gboolean    sigap_store_add_post_revision   (SigapStore   *self,
                                             const char   *post_id,
                                             gint64        version,
                                             const char   *kind,
                                             const char   *author_id,
                                             JsonObject   *fields,
                                             GError      **error);
GPtrArray  *sigap_store_list_post_revisions (SigapStore   *self,
                                             const char   *post_id,
                                             const char   *kind,
                                             GError      **error);
GPtrArray  *sigap_store_list_post_conflicts (SigapStore   *self,
                                             const char   *opd_id,
                                             GError      **error);
guint       sigap_store_count_post_conflicts (SigapStore  *self,
                                              const char  *opd_id);
gboolean    sigap_store_resolve_post_conflict (SigapStore  *self,
                                               const char  *post_id,
                                               JsonObject  *kept,
                                               GError     **error);

G_END_DECLS
