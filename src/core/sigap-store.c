/* sigap-store.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sigap-store.h"
#include "sigap-json.h"

/*
 * The schema, one migration per entry; migration N is migrations[N - 1].
 * Never edit a migration that has shipped: add a new one. Each runs in one
 * transaction together with its schema_migrations row and user_version.
 *
 * Records map to tables by property: the property "opd-id" is the column
 * opd_id, enums are stored by their GEnumValue nick. Columns that a record
 * does not have as a property (post_variant, complaint_counter) are written
 * by hand below.
 *
 * author_id, assignee_id and actor_id have no foreign key: the users they
 * name live on the server and a desktop only knows some of them.
 */
static const char * const migrations[] = {
  /* 1: the first schema */
  "CREATE TABLE schema_migrations ("
  "  version INTEGER PRIMARY KEY,"
  "  applied_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ");"
  "CREATE TABLE opd ("
  "  id TEXT PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE CHECK (code <> ''),"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  kind TEXT NOT NULL,"
  "  parent_id TEXT REFERENCES opd (id) ON DELETE SET NULL,"
  "  time_zone TEXT,"
  "  requires_approval INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE account ("
  "  id TEXT PRIMARY KEY,"
  "  opd_id TEXT NOT NULL REFERENCES opd (id),"
  "  platform TEXT NOT NULL,"
  "  handle TEXT NOT NULL CHECK (handle <> ''),"
  "  display_name TEXT,"
  "  url TEXT,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (opd_id, platform, handle)"
  ");"
  "CREATE TABLE app_user ("
  "  id TEXT PRIMARY KEY,"
  "  username TEXT NOT NULL UNIQUE CHECK (username <> ''),"
  "  display_name TEXT,"
  "  role TEXT NOT NULL,"
  "  opd_id TEXT REFERENCES opd (id),"
  "  password_hash TEXT,"
  "  disabled INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE post ("
  "  id TEXT PRIMARY KEY,"
  "  opd_id TEXT NOT NULL REFERENCES opd (id),"
  "  title TEXT,"
  "  body TEXT,"
  "  category TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  scheduled_at INTEGER NOT NULL DEFAULT 0,"
  "  published_at INTEGER NOT NULL DEFAULT 0,"
  "  author_id TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE post_variant ("
  "  post_id TEXT NOT NULL REFERENCES post (id) ON DELETE CASCADE,"
  "  platform TEXT NOT NULL,"
  "  title TEXT,"
  "  body TEXT,"
  "  published_url TEXT,"
  "  PRIMARY KEY (post_id, platform)"
  ");"
  "CREATE TABLE complaint ("
  "  id TEXT PRIMARY KEY,"
  "  tracking_number TEXT NOT NULL UNIQUE CHECK (tracking_number <> ''),"
  "  channel TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  category TEXT,"
  "  kecamatan TEXT,"
  "  desa TEXT,"
  "  citizen_name TEXT,"
  "  citizen_contact TEXT,"
  "  citizen_handle TEXT,"
  "  source_url TEXT,"
  "  body TEXT NOT NULL CHECK (body <> ''),"
  "  status TEXT NOT NULL,"
  "  opd_id TEXT REFERENCES opd (id),"
  "  assignee_id TEXT,"
  "  received_at INTEGER NOT NULL,"
  "  due_at INTEGER NOT NULL DEFAULT 0,"
  "  resolved_at INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL DEFAULT 0"
  ");"
  /* The last tracking number given per year, so that a number is never
   * given twice even after its complaint is deleted. */
  "CREATE TABLE complaint_counter ("
  "  year INTEGER PRIMARY KEY,"
  "  last INTEGER NOT NULL"
  ");"
  "CREATE TABLE complaint_event ("
  "  id TEXT PRIMARY KEY,"
  "  complaint_id TEXT NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL CHECK (action <> ''),"
  "  actor_id TEXT,"
  "  note TEXT,"
  "  from_status TEXT NOT NULL,"
  "  to_status TEXT NOT NULL,"
  "  opd_id TEXT,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX complaint_event_complaint ON complaint_event (complaint_id, created_at);"
  "CREATE TABLE report ("
  "  id TEXT PRIMARY KEY,"
  "  opd_id TEXT NOT NULL REFERENCES opd (id),"
  "  year INTEGER NOT NULL CHECK (year > 0),"
  "  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),"
  "  status TEXT NOT NULL,"
  "  figures TEXT,"
  "  notes TEXT,"
  "  signer_name TEXT,"
  "  signer_nip TEXT,"
  "  submitted_at INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (opd_id, year, month)"
  ");",

  /* 2: complaints flagged for the rapid-response team, and indexes for the
   * inbox and calendar queries (and for the foreign keys they cover) */
  "ALTER TABLE complaint ADD COLUMN public_issue INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX complaint_received ON complaint (received_at DESC, id);"
  "CREATE INDEX complaint_opd_received ON complaint (opd_id, received_at DESC, id);"
  "CREATE INDEX complaint_public_issue ON complaint (received_at DESC, id)"
  "  WHERE public_issue = 1;"
  "CREATE INDEX post_scheduled ON post (scheduled_at);"
  "CREATE INDEX post_opd_scheduled ON post (opd_id, scheduled_at);"
  "CREATE INDEX app_user_opd ON app_user (opd_id);",

  /* 3: the central server's sign-in tokens. A token is kept only as the
   * hex SHA-256 of what the client holds, so a copy of the database does
   * not sign anyone in. */
  "CREATE TABLE auth_token ("
  "  token_hash TEXT PRIMARY KEY CHECK (length (token_hash) = 64),"
  "  user_id TEXT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL,"
  "  revoked INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX auth_token_user ON auth_token (user_id);",

  /* 4: sync. On the server, change_log is the one change sequence that
   * pulls read, filled by triggers once meta 'change_log' is 'on' (so every
   * write, by any path, is seen); a complaint that leaves an OPD or the
   * public-issue queue leaves a 'remove' for the scope it left.
   * sync_mutation keeps each pushed mutation's answer, so a retried push
   * gets the same answer and changes nothing; post_revision keeps the
   * versions of a post's text, losing edits included. On the desktop,
   * outbox holds the local changes waiting to be pushed, in order. */
  "CREATE TABLE change_log ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  entity TEXT NOT NULL CHECK (entity IN ('opd', 'account', 'user', 'post', 'complaint', 'report')),"
  "  record_id TEXT NOT NULL,"
  "  op TEXT NOT NULL CHECK (op IN ('upsert', 'delete', 'remove')),"
  "  opd_id TEXT,"
  "  public_issue INTEGER NOT NULL DEFAULT 0,"
  "  changed_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX change_log_scope ON change_log (opd_id, seq);"
  "CREATE TABLE sync_mutation ("
  "  id TEXT PRIMARY KEY,"
  "  user_id TEXT NOT NULL,"
  "  result TEXT NOT NULL,"
  "  applied_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE post_revision ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  post_id TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('accepted', 'losing-edit')),"
  "  author_id TEXT,"
  "  fields TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX post_revision_post ON post_revision (post_id, version);"
  "CREATE TABLE outbox ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  id TEXT NOT NULL UNIQUE,"
  "  entity TEXT NOT NULL,"
  "  record_id TEXT NOT NULL,"
  "  op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),"
  "  base_version INTEGER NOT NULL DEFAULT 0,"
  "  fields TEXT,"
  "  payload TEXT,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TRIGGER opd_log_insert AFTER INSERT ON opd WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('opd', new.id, 'upsert', NULL, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER opd_log_update AFTER UPDATE ON opd WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('opd', new.id, 'upsert', NULL, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER opd_log_delete AFTER DELETE ON opd WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('opd', old.id, 'delete', NULL, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER account_log_insert AFTER INSERT ON account WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('account', new.id, 'upsert', NULL, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER account_log_update AFTER UPDATE ON account WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('account', new.id, 'upsert', NULL, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER account_log_delete AFTER DELETE ON account WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('account', old.id, 'delete', NULL, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER user_log_insert AFTER INSERT ON app_user WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('user', new.id, 'upsert', new.opd_id, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER user_log_update AFTER UPDATE ON app_user WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('user', new.id, 'upsert', new.opd_id, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER user_log_delete AFTER DELETE ON app_user WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('user', old.id, 'delete', old.opd_id, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER post_log_insert AFTER INSERT ON post WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('post', new.id, 'upsert', new.opd_id, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER post_log_update AFTER UPDATE ON post WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('post', new.id, 'upsert', new.opd_id, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER post_log_delete AFTER DELETE ON post WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('post', old.id, 'delete', old.opd_id, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER report_log_insert AFTER INSERT ON report WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('report', new.id, 'upsert', new.opd_id, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER report_log_update AFTER UPDATE ON report WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('report', new.id, 'upsert', new.opd_id, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER report_log_delete AFTER DELETE ON report WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('report', old.id, 'delete', old.opd_id, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER complaint_log_insert AFTER INSERT ON complaint WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('complaint', new.id, 'upsert', new.opd_id, new.public_issue, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER complaint_log_update AFTER UPDATE ON complaint WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('complaint', new.id, 'upsert', new.opd_id, new.public_issue, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER complaint_log_moved AFTER UPDATE ON complaint WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' AND old.opd_id IS NOT new.opd_id BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('complaint', old.id, 'remove', old.opd_id, 0, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER complaint_log_unflagged AFTER UPDATE ON complaint WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' AND old.public_issue = 1 AND new.public_issue = 0 BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('complaint', old.id, 'remove', NULL, 1, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER complaint_log_delete AFTER DELETE ON complaint WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) VALUES ('complaint', old.id, 'delete', old.opd_id, old.public_issue, CAST (strftime ('%s', 'now') AS INTEGER)); "
  "END;"
  "CREATE TRIGGER complaint_event_log_insert AFTER INSERT ON complaint_event WHEN (SELECT value FROM meta WHERE key = 'change_log') = 'on' BEGIN "
  "INSERT INTO change_log (entity, record_id, op, opd_id, public_issue, changed_at) SELECT 'complaint', c.id, 'upsert', c.opd_id, c.public_issue, CAST (strftime ('%s', 'now') AS INTEGER) FROM complaint c WHERE c.id = new.complaint_id; "
  "END;",

  /* 5: on the desktop, a losing edit stays open until the user has seen
   * both versions and kept one or merged them; then it is resolved, and
   * stays in the post's history. */
  "ALTER TABLE post_revision ADD COLUMN resolved_at INTEGER;"
  "CREATE INDEX post_revision_open ON post_revision (post_id)"
  "  WHERE kind = 'losing-edit' AND resolved_at IS NULL;",

  /* 6: an OPD's canned replies to complaints, with placeholders ({nama},
   * {nomor}, {opd}, {tanggal}) filled in before the admin edits and sends
   * them. */
  "CREATE TABLE reply_template ("
  "  id TEXT PRIMARY KEY,"
  "  opd_id TEXT NOT NULL REFERENCES opd (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  body TEXT NOT NULL CHECK (body <> ''),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX reply_template_opd ON reply_template (opd_id, position);",

  /* 7: the inbox's search and filters. complaint_fts is a full-text
   * index over the complaint's text, with the complaint table as its
   * content: it stores only the index, keyed by the complaint's rowid.
   * Words are folded to lower case without diacritics, and the prefixes
   * of one to three characters have indexes of their own, so that a
   * search as the user types stays fast from the first letter.
   *
   * The triggers keep it in step with every write, by any path: an
   * external-content index must be told the old text of a row to forget
   * it, hence the 'delete' rows; a write that leaves the text as it was
   * (a new status) leaves the index alone. The store never writes
   * complaints with INSERT OR REPLACE (whose deletes fire no trigger
   * unless recursive_triggers is on; the store turns it on all the
   * same). When sigap_store_begin_remote() turns the triggers off for a
   * pull, the store tells the index itself (complaint_text_after()).
   * The rebuild indexes the complaints already there.
   *
   * The indexes serve the inbox's saved filters: the open complaints
   * (all of them, and per OPD) in the inbox's order with their status
   * and deadline, for those of a status (not verified) or of a deadline
   * state (late, due soon), listed or counted from the index alone (the
   * status list is the one sigap-complaint-query.c writes, so that its
   * queries can use these partial indexes); complaints assigned to
   * someone ("mine"). Few indexes, each costing every write, the first
   * sync most. */
  "CREATE VIRTUAL TABLE complaint_fts USING fts5 ("
  "  tracking_number, body, category, kecamatan, desa, citizen_name, citizen_handle,"
  "  content = 'complaint', content_rowid = 'rowid',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");"
  "CREATE TRIGGER complaint_fts_insert AFTER INSERT ON complaint BEGIN "
  "INSERT INTO complaint_fts (rowid, tracking_number, body, category, kecamatan, desa, "
  "citizen_name, citizen_handle) VALUES (new.rowid, new.tracking_number, new.body, "
  "new.category, new.kecamatan, new.desa, new.citizen_name, new.citizen_handle); "
  "END;"
  "CREATE TRIGGER complaint_fts_delete AFTER DELETE ON complaint BEGIN "
  "INSERT INTO complaint_fts (complaint_fts, rowid, tracking_number, body, category, "
  "kecamatan, desa, citizen_name, citizen_handle) VALUES ('delete', old.rowid, "
  "old.tracking_number, old.body, old.category, old.kecamatan, old.desa, old.citizen_name, "
  "old.citizen_handle); "
  "END;"
  "CREATE TRIGGER complaint_fts_update AFTER UPDATE OF tracking_number, body, category, "
  "kecamatan, desa, citizen_name, citizen_handle ON complaint "
  "WHEN old.tracking_number IS NOT new.tracking_number OR old.body IS NOT new.body "
  "OR old.category IS NOT new.category OR old.kecamatan IS NOT new.kecamatan "
  "OR old.desa IS NOT new.desa OR old.citizen_name IS NOT new.citizen_name "
  "OR old.citizen_handle IS NOT new.citizen_handle BEGIN "
  "INSERT INTO complaint_fts (complaint_fts, rowid, tracking_number, body, category, "
  "kecamatan, desa, citizen_name, citizen_handle) VALUES ('delete', old.rowid, "
  "old.tracking_number, old.body, old.category, old.kecamatan, old.desa, old.citizen_name, "
  "old.citizen_handle); "
  "INSERT INTO complaint_fts (rowid, tracking_number, body, category, kecamatan, desa, "
  "citizen_name, citizen_handle) VALUES (new.rowid, new.tracking_number, new.body, "
  "new.category, new.kecamatan, new.desa, new.citizen_name, new.citizen_handle); "
  "END;"
  "INSERT INTO complaint_fts (complaint_fts) VALUES ('rebuild');"
  "CREATE INDEX complaint_open ON complaint (received_at DESC, id, status, due_at)"
  "  WHERE status IN ('received', 'verified', 'routed', 'in-progress', 'not-our-authority');"
  "CREATE INDEX complaint_opd_open ON complaint (opd_id, received_at DESC, id, status, due_at)"
  "  WHERE status IN ('received', 'verified', 'routed', 'in-progress', 'not-our-authority');"
  "CREATE INDEX complaint_assignee ON complaint (assignee_id, received_at DESC, id)"
  "  WHERE assignee_id IS NOT NULL;",

  /* 8: what the verifikator wrote when returning a report, kept after
   * the OPD submits it again (docs/api.md, "Reports"). */
  "ALTER TABLE report ADD COLUMN review_note TEXT;",

  /* 9: the monthly report's first answers: a complaint's answers and
   * resolutions by time, without reading its other events. */
  "CREATE INDEX complaint_event_answer ON complaint_event (complaint_id, created_at)"
  "  WHERE action = 'answered' OR to_status = 'resolved';",

  /* 10: the post composer. A post's photos and videos (a JSON array,
   * sigap-media.c), what the verifikator wrote when returning it, and per
   * platform the links the published post shares (one URL per line),
   * which the monthly report counts. */
  "ALTER TABLE post ADD COLUMN review_note TEXT;"
  "ALTER TABLE post ADD COLUMN media TEXT;"
  "ALTER TABLE post_variant ADD COLUMN links TEXT;",
};

typedef enum
{
  KIND_OPD,
  KIND_ACCOUNT,
  KIND_USER,
  KIND_POST,
  KIND_COMPLAINT,
  KIND_EVENT,
  KIND_REPORT,
  KIND_REPLY_TEMPLATE,
  N_KINDS
} RecordKind;

typedef struct
{
  const char *table;
  GType (*get_type) (void);
  const char *not_found;
  const char *exists;
  const char *invalid;
  const char *in_use;
} KindInfo;

static const KindInfo kinds[N_KINDS] = {
  [KIND_OPD] = {
    "opd", sigap_opd_get_type,
    N_("This OPD is no longer in the database. It may have been deleted; "
       "refresh the list and try again."),
    N_("An OPD with the same code is already saved. Use a different code, "
       "or edit the existing OPD."),
    N_("The OPD cannot be saved: its code or name is empty, or its parent OPD "
       "is unknown. Fill them in and try again."),
    N_("The OPD cannot be deleted because accounts, users, posts, complaints or "
       "reports still belong to it. Move or delete them first."),
  },
  [KIND_ACCOUNT] = {
    "account", sigap_account_get_type,
    N_("This account is no longer in the database. It may have been deleted; "
       "refresh the list and try again."),
    N_("This account is already saved for the OPD. Edit the existing account "
       "instead."),
    N_("The account cannot be saved: its handle is empty or its OPD is "
       "unknown. Fill them in and try again."),
    NULL,
  },
  [KIND_USER] = {
    "app_user", sigap_user_get_type,
    N_("This user is no longer in the database. It may have been deleted; "
       "refresh the list and try again."),
    N_("A user with the same username already exists. Choose a different "
       "username."),
    N_("The user cannot be saved: the username is empty or the OPD is "
       "unknown. Fill them in and try again."),
    NULL,
  },
  [KIND_POST] = {
    "post", sigap_post_get_type,
    N_("This post is no longer in the database. It may have been deleted; "
       "refresh the calendar and try again."),
    N_("This post is already saved. Refresh the calendar and edit it "
       "there."),
    N_("The post cannot be saved: its OPD is missing or unknown. Choose the "
       "OPD and try again."),
    NULL,
  },
  [KIND_COMPLAINT] = {
    "complaint", sigap_complaint_get_type,
    N_("This complaint is no longer in the database. It may have been deleted; "
       "refresh the inbox and try again."),
    N_("A complaint with the same tracking number is already saved. Refresh "
       "the inbox; it may have been synced already."),
    N_("The complaint cannot be saved: its text is empty or its OPD is "
       "unknown. Fill them in and try again."),
    NULL,
  },
  [KIND_EVENT] = {
    "complaint_event", sigap_complaint_event_get_type,
    N_("This timeline event is no longer in the database. Refresh the "
       "complaint and try again."),
    N_("This timeline event is already saved. Refresh the complaint to see "
       "it."),
    N_("The timeline event cannot be saved: its action is empty or its "
       "complaint is unknown. Refresh the complaint and try again."),
    NULL,
  },
  [KIND_REPORT] = {
    "report", sigap_report_get_type,
    N_("This report is no longer in the database. It may have been deleted; "
       "refresh the list and try again."),
    N_("A report for this OPD and month already exists. Open that report "
       "instead of making a new one."),
    N_("The report cannot be saved: its OPD is unknown or its year or month "
       "is not valid. Check them and try again."),
    NULL,
  },
  [KIND_REPLY_TEMPLATE] = {
    "reply_template", sigap_reply_template_get_type,
    N_("This canned reply is no longer in the database. It may have been deleted; "
       "refresh the list and try again."),
    N_("This canned reply is already saved. Refresh the list and edit it there."),
    N_("The canned reply cannot be saved: its title or text is empty, or its OPD "
       "is unknown. Fill them in and try again."),
    NULL,
  },
};

/* How a record type maps onto its table in this database. */
typedef struct
{
  GObjectClass *klass;
  GParamSpec **pspecs;
  guint n_columns;
  char *column_list;
  char *insert_sql;
  char *update_sql;
  char *delete_sql;
  /* Applying the server's JSON: each column's member (%NULL for one
   * never taken from the server, password_hash), the value a new record
   * has when the member is absent, and an INSERT … ON CONFLICT DO UPDATE
   * whose ?N+1 is the time to fill an unset created_at or received_at. */
  char **members;
  GValue *defaults;
  char *upsert_sql;
  sqlite3_stmt *upsert_stmt;  /* the cached upsert_sql, once prepared */
  int id_col;
  int version_col;
  int updated_at_col;
  int created_at_col;
  int received_at_col;
  int tracking_col;
} TableInfo;

/* Checkpoints the WAL from a thread of its own and its own connection
 * while pulled pages are written; see remote_wal_hook(). */
typedef struct
{
  GThread *thread;
  GMutex lock;
  GCond cond;
  char *path;
  gboolean wanted;
  gboolean busy;
  gboolean quit;
} Checkpointer;

/* The complaints the last searched text matched, while the database
 * has not changed: a search counts them, then reads pages of them. */
typedef struct
{
  char *match;
  gint64 total_changes;
  gint64 data_version;
  GArray *rowids;
} MatchCache;

struct _SigapStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  int schema_version;
  GHashTable *statements;
  TableInfo *tables[N_KINDS];
  GTimeZone *jakarta;
  GEnumClass *platforms;
  gboolean outbox_enabled;
  /* Set by sigap_store_begin_remote() until its transaction ends: the
   * values it changed, to put back. */
  gboolean remote;
  gboolean triggers_off;
  /* The full-text index of complaints is marked stale (a snapshot is
   * being pulled) and the triggers are off: writes leave it alone. */
  gboolean text_index_deferred;
  gint64 saved_temp_store;
  /* What it changes until sigap_store_end_remote_pages(): the page cache
   * and who checkpoints the WAL. */
  gboolean remote_pages;
  gint64 saved_cache_size;
  gint64 saved_autocheckpoint;
  Checkpointer *checkpointer;
  MatchCache matches;
};

G_DEFINE_FINAL_TYPE (SigapStore, sigap_store, G_TYPE_OBJECT)

enum {
  OUTBOX_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (sigap-store-error-quark, sigap_store_error)

/* A statement from the cache; going out of scope resets it for the next
 * user, so that no read stays open across calls. */
typedef sqlite3_stmt CachedStmt;

static void
cached_stmt_release (CachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStmt, cached_stmt_release)

typedef struct
{
  char *id;
  gint64 now;
  gint64 version;
  const char *tracking_number;
  gboolean fill_created_at;
  gboolean fill_received_at;
  /* A record from the server: its version and updated_at are kept. */
  gboolean remote;
} WriteResult;

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
table_info_free (TableInfo *table)
{
  g_free (table->pspecs);
  g_free (table->column_list);
  g_free (table->insert_sql);
  g_free (table->update_sql);
  g_free (table->delete_sql);
  /* members has holes: not a GStrv. */
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_free (table->members[i]);
      g_value_unset (&table->defaults[i]);
    }
  g_free (table->members);
  g_free (table->defaults);
  g_free (table->upsert_sql);
  g_type_class_unref (table->klass);
  g_free (table);
}

static char *
column_name (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

static char *
display_path (const char *path)
{
  return g_filename_display_name (path);
}

static void
set_sqlite_error (SigapStore     *self,
                  const KindInfo *kind,
                  int             rc,
                  gboolean        deleting,
                  GError        **error)
{
  g_autofree char *path = display_path (self->path);

  g_debug ("SQLite error %d: %s", rc, sqlite3_errmsg (self->db));

  switch (rc)
    {
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_UNIQUE:
      if (kind != NULL)
        {
          g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_EXISTS,
                               _(kind->exists));
          return;
        }
      break;

    case SQLITE_CONSTRAINT_FOREIGNKEY:
      if (kind != NULL && deleting && kind->in_use != NULL)
        {
          g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID,
                               _(kind->in_use));
          return;
        }
      G_GNUC_FALLTHROUGH;
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_CHECK:
      if (kind != NULL)
        {
          g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID,
                               _(kind->invalid));
          return;
        }
      break;

    default:
      break;
    }

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID,
                           _("The change breaks a rule of the database and was not "
                             "saved. Check the fields and try again."));
      break;

    case SQLITE_READONLY:
      g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_READ_ONLY,
                   _("The database at %s is read-only, so Sigap cannot save "
                     "changes. Make the file and its folder writable, then open "
                     "Sigap again."),
                   path);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_CORRUPT,
                   _("The database at %s is damaged. Close Sigap and restore the "
                     "file from a backup."),
                   path);
      break;

    case SQLITE_FULL:
      g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED,
                           _("The disk is full, so Sigap could not save. Free some "
                             "space and try again."));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED,
                           _("The database is busy with another program. Close "
                             "other Sigap windows and try again."));
      break;

    default:
      g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED,
                   _("Sigap could not read or write its database (%s). Try again; "
                     "if it keeps happening, restart Sigap."),
                   sqlite3_errmsg (self->db));
      break;
    }
}

static CachedStmt *
get_stmt (SigapStore  *self,
          const char  *sql,
          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

static gboolean
exec_sql (SigapStore  *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      return FALSE;
    }

  return TRUE;
}

/* Enum codec: the GEnumValue nick is what the database holds. */

static const char *
enum_to_nick (GEnumClass *klass,
              int         value)
{
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

static void
bind_property (sqlite3_stmt *stmt,
               int           index,
               GObject      *object,
               GParamSpec   *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      if (g_value_get_string (&value) != NULL)
        sqlite3_bind_text (stmt, index, g_value_get_string (&value), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, index);
      break;

    case G_TYPE_INT64:
      sqlite3_bind_int64 (stmt, index, g_value_get_int64 (&value));
      break;

    case G_TYPE_INT:
      sqlite3_bind_int (stmt, index, g_value_get_int (&value));
      break;

    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (&value) ? 1 : 0);
      break;

    case G_TYPE_ENUM:
      {
        const char *nick = enum_to_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                         g_value_get_enum (&value));

        if (nick != NULL)
          sqlite3_bind_text (stmt, index, nick, -1, SQLITE_STATIC);
        else
          sqlite3_bind_null (stmt, index);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
read_property (sqlite3_stmt *stmt,
               int           column,
               GObject      *object,
               GParamSpec   *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

  g_value_init (&value, pspec->value_type);

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      g_value_set_string (&value, (const char *) sqlite3_column_text (stmt, column));
      break;

    case G_TYPE_INT64:
      g_value_set_int64 (&value, sqlite3_column_int64 (stmt, column));
      break;

    case G_TYPE_INT:
      g_value_set_int (&value, sqlite3_column_int (stmt, column));
      break;

    case G_TYPE_BOOLEAN:
      g_value_set_boolean (&value, sqlite3_column_int (stmt, column) != 0);
      break;

    case G_TYPE_ENUM:
      {
        GParamSpecEnum *espec = G_PARAM_SPEC_ENUM (pspec);
        const char *nick = (const char *) sqlite3_column_text (stmt, column);
        GEnumValue *ev = NULL;

        if (!is_null)
          ev = g_enum_get_value_by_nick (espec->enum_class, nick);

        /* A nick from a newer Sigap: keep the default rather than fail. */
        if (ev == NULL)
          g_debug ("Unknown %s '%s' in the database", pspec->name, nick ? nick : "(null)");

        g_value_set_enum (&value, ev != NULL ? ev->value : espec->default_value);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  g_object_set_property (object, pspec->name, &value);
}

static TableInfo *
table_info_new (SigapStore  *self,
                RecordKind   kind,
                GError     **error)
{
  const KindInfo *info = &kinds[kind];
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA table_info(%s)", info->table);
  g_autofree GParamSpec **all = NULL;
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(GString) sets = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) updates = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GObject) blank = NULL;
  sqlite3_stmt *stmt = NULL;
  TableInfo *table;
  guint n_all;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, pragma, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_add (present, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  table = g_new0 (TableInfo, 1);
  table->klass = g_type_class_ref (info->get_type ());
  table->id_col = table->version_col = table->updated_at_col = -1;
  table->created_at_col = table->received_at_col = table->tracking_col = -1;

  all = g_object_class_list_properties (table->klass, &n_all);
  table->pspecs = g_new0 (GParamSpec *, n_all);
  table->members = g_new0 (char *, n_all);
  table->defaults = g_new0 (GValue, n_all);
  blank = g_object_new (info->get_type (), NULL);

  for (guint i = 0; i < n_all; i++)
    {
      g_autofree char *name = column_name (all[i]);
      int col;

      /* A property whose column a later migration adds; absent only in a
       * database opened below the latest version, as tests do. */
      if (!g_hash_table_contains (present, name))
        continue;

      col = table->n_columns++;
      table->pspecs[col] = all[i];
      g_value_init (&table->defaults[col], all[i]->value_type);
      g_object_get_property (blank, all[i]->name, &table->defaults[col]);
      if ((all[i]->flags & G_PARAM_WRITABLE) != 0 && strcmp (name, "password_hash") != 0)
        table->members[col] = g_strdup (name);
      g_ptr_array_add (names, g_strdup (name));

      if (strcmp (name, "id") == 0)
        table->id_col = col;
      else if (strcmp (name, "version") == 0)
        table->version_col = col;
      else if (strcmp (name, "updated_at") == 0)
        table->updated_at_col = col;
      else if (strcmp (name, "created_at") == 0)
        table->created_at_col = col;
      else if (strcmp (name, "received_at") == 0)
        table->received_at_col = col;
      else if (strcmp (name, "tracking_number") == 0)
        table->tracking_col = col;

      g_string_append_printf (columns, "%s%s", col > 0 ? ", " : "", name);
      g_string_append_printf (params, "%s?%d", col > 0 ? ", " : "", col + 1);
      g_string_append_printf (sets, "%s%s = ?%d", col > 0 ? ", " : "", name, col + 1);
    }

  g_assert (table->id_col >= 0);

  /* The upsert keeps a remote record's version and updated_at as sent;
   * a new row gets ?N+1 for an unset created_at or received_at, as
   * write_record() fills them. */
  for (guint col = 0; col < table->n_columns; col++)
    {
      int p = (int) col + 1;

      if ((int) col == table->created_at_col || (int) col == table->received_at_col)
        g_string_append_printf (values, "%sCASE ?%d WHEN 0 THEN ?%u ELSE ?%d END",
                                col > 0 ? ", " : "", p, table->n_columns + 1, p);
      else
        g_string_append_printf (values, "%s?%d", col > 0 ? ", " : "", p);

      if ((int) col != table->id_col)
        g_string_append_printf (updates, "%s%s = ?%d", updates->len > 0 ? ", " : "",
                                (char *) names->pdata[col], p);
    }

  table->column_list = g_strdup (columns->str);
  table->insert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                       info->table, columns->str, params->str);
  /* id is bound to the same value it is matched against. */
  table->update_sql = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?%d",
                                       info->table, sets->str, table->id_col + 1);
  table->delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", info->table);
  table->upsert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) "
                                       "ON CONFLICT (id) DO UPDATE SET %s",
                                       info->table, columns->str, values->str, updates->str);

  return table;
}

static TableInfo *
get_table (SigapStore  *self,
           RecordKind   kind,
           GError     **error)
{
  if (self->tables[kind] == NULL)
    self->tables[kind] = table_info_new (self, kind, error);

  return self->tables[kind];
}

static GObject *
read_record (SigapStore   *self,
             RecordKind    kind,
             sqlite3_stmt *stmt)
{
  TableInfo *table = self->tables[kind];
  GObject *object = g_object_new (kinds[kind].get_type (), NULL);

  g_object_freeze_notify (object);
  for (guint i = 0; i < table->n_columns; i++)
    read_property (stmt, i, object, table->pspecs[i]);
  g_object_thaw_notify (object);

  return object;
}

/* A cached "SELECT <columns> FROM <table> <clause>" for @kind. */
static CachedStmt *
get_select_stmt (SigapStore  *self,
                 RecordKind   kind,
                 const char  *clause,
                 GError     **error)
{
  TableInfo *table = get_table (self, kind, error);
  g_autofree char *sql = NULL;

  if (table == NULL)
    return NULL;

  sql = g_strdup_printf ("SELECT %s FROM %s %s", table->column_list, kinds[kind].table, clause);

  return get_stmt (self, sql, error);
}

static GPtrArray *
collect_records (SigapStore    *self,
                 RecordKind     kind,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, read_record (self, kind, stmt));

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &kinds[kind], rc, FALSE, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

static GObject *
get_record (SigapStore  *self,
            RecordKind   kind,
            const char  *clause,
            const char  *key,
            GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_select_stmt (self, kind, clause, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_record (self, kind, stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND,
                         _(kinds[kind].not_found));
  else
    set_sqlite_error (self, &kinds[kind], rc, FALSE, error);

  return NULL;
}

static void
write_result_clear (WriteResult *result)
{
  g_clear_pointer (&result->id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WriteResult, write_result_clear)

/* Writes @record's row without touching @record; write_result_apply()
 * copies the generated values back once everything succeeded. */
static gboolean
write_record (SigapStore   *self,
              RecordKind    kind,
              GObject      *record,
              gboolean      insert,
              WriteResult  *result,
              GError      **error)
{
  TableInfo *table = get_table (self, kind, error);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *id = NULL;
  int rc;

  if (table == NULL)
    return FALSE;

  g_object_get (record, "id", &id, NULL);

  if (id == NULL || id[0] == '\0')
    {
      if (!insert)
        {
          g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND,
                               _(kinds[kind].not_found));
          return FALSE;
        }

      g_free (id);
      id = g_uuid_string_random ();
    }

  stmt = get_stmt (self, insert ? table->insert_sql : table->update_sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    bind_property (stmt, i + 1, record, table->pspecs[i]);

  sqlite3_bind_text (stmt, table->id_col + 1, id, -1, SQLITE_TRANSIENT);

  if (table->version_col >= 0)
    {
      gint64 version;

      g_object_get (record, "version", &version, NULL);
      result->version = result->remote ? version : version + 1;
      sqlite3_bind_int64 (stmt, table->version_col + 1, result->version);
    }

  if (table->updated_at_col >= 0 && !result->remote)
    sqlite3_bind_int64 (stmt, table->updated_at_col + 1, result->now);

  if (insert && table->created_at_col >= 0)
    {
      gint64 created_at;

      g_object_get (record, "created-at", &created_at, NULL);
      if (created_at == 0)
        {
          result->fill_created_at = TRUE;
          sqlite3_bind_int64 (stmt, table->created_at_col + 1, result->now);
        }
    }

  if (insert && table->received_at_col >= 0)
    {
      gint64 received_at;

      g_object_get (record, "received-at", &received_at, NULL);
      if (received_at == 0)
        {
          result->fill_received_at = TRUE;
          sqlite3_bind_int64 (stmt, table->received_at_col + 1, result->now);
        }
    }

  if (table->tracking_col >= 0 && result->tracking_number != NULL)
    sqlite3_bind_text (stmt, table->tracking_col + 1, result->tracking_number, -1,
                       SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &kinds[kind], rc, FALSE, error);
      return FALSE;
    }

  if (!insert && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND,
                           _(kinds[kind].not_found));
      return FALSE;
    }

  result->id = g_steal_pointer (&id);

  return TRUE;
}

static void
write_result_apply (SigapStore  *self,
                    RecordKind   kind,
                    GObject     *record,
                    WriteResult *result)
{
  TableInfo *table = self->tables[kind];

  g_object_freeze_notify (record);

  g_object_set (record, "id", result->id, NULL);
  if (table->version_col >= 0)
    g_object_set (record, "version", result->version, NULL);
  if (table->updated_at_col >= 0)
    g_object_set (record, "updated-at", result->now, NULL);
  if (result->fill_created_at)
    g_object_set (record, "created-at", result->now, NULL);
  if (result->fill_received_at)
    g_object_set (record, "received-at", result->now, NULL);
  if (result->tracking_number != NULL)
    g_object_set (record, "tracking-number", result->tracking_number, NULL);

  g_object_thaw_notify (record);
}

static gboolean
insert_record (SigapStore  *self,
               RecordKind   kind,
               GObject     *record,
               GError     **error)
{
  g_auto(WriteResult) result = { .now = now_seconds () };

  if (!write_record (self, kind, record, TRUE, &result, error))
    return FALSE;

  write_result_apply (self, kind, record, &result);

  return TRUE;
}

static gboolean
update_record (SigapStore  *self,
               RecordKind   kind,
               GObject     *record,
               GError     **error)
{
  g_auto(WriteResult) result = { .now = now_seconds () };

  if (!write_record (self, kind, record, FALSE, &result, error))
    return FALSE;

  write_result_apply (self, kind, record, &result);

  return TRUE;
}

static gboolean
delete_record (SigapStore  *self,
               RecordKind   kind,
               const char  *id,
               GError     **error)
{
  TableInfo *table = get_table (self, kind, error);
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  if (table == NULL)
    return FALSE;

  stmt = get_stmt (self, table->delete_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &kinds[kind], rc, TRUE, error);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND,
                           _(kinds[kind].not_found));
      return FALSE;
    }

  return TRUE;
}

static gint64
count_rows (SigapStore *self,
            const char *sql,
            const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CachedStmt) stmt = get_stmt (self, sql, &error);

  if (stmt == NULL)
    {
      g_debug ("Cannot count: %s", error->message);
      return 0;
    }

  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_debug ("Cannot count: %s", sqlite3_errmsg (self->db));
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/* Savepoints make a post and its variants one write, inside or outside
 * a transaction begun with sigap_store_begin(). */

static gboolean
run_cached (SigapStore  *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      return FALSE;
    }

  return TRUE;
}

/* Prepared once: a pull takes a savepoint for each record it applies. */
static gboolean
savepoint (SigapStore  *self,
           GError     **error)
{
  return run_cached (self, "SAVEPOINT sigap_write", error);
}

static gboolean
release (SigapStore  *self,
         gboolean     ok,
         GError     **error)
{
  if (!ok)
    {
      sqlite3_exec (self->db, "ROLLBACK TO sigap_write; RELEASE sigap_write", NULL, NULL, NULL);
      return FALSE;
    }

  if (!run_cached (self, "RELEASE sigap_write", error))
    {
      sqlite3_exec (self->db, "ROLLBACK TO sigap_write; RELEASE sigap_write", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Checkpoints while pulled pages are written {{{
 *
 * Each pulled page's transaction rewrites the index pages its rows touch
 * all over, and a checkpoint copies them back into the database and
 * syncs it: with SQLite's own checkpoints, a third of a first sync goes
 * into them, on the thread that writes the pages. So from
 * sigap_store_begin_remote() to sigap_store_end_remote_pages() the WAL is
 * checkpointed from a thread with a connection of its own whenever it
 * holds CHECKPOINT_SOFT pages. Such a passive checkpoint never blocks the
 * writer, but neither can the WAL start over while the writer keeps
 * adding to it; at CHECKPOINT_HARD pages the writer checkpoints what is
 * left itself, right after its commit, and its next transaction starts
 * the WAL over.
 */

#define CHECKPOINT_SOFT 8192     /* pages: 32 MiB of WAL */
#define CHECKPOINT_HARD 32768    /* 128 MiB */

static gpointer
checkpoint_thread (gpointer data)
{
  Checkpointer *checkpointer = data;
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (checkpointer->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_debug ("No connection for checkpoints: %s", sqlite3_errmsg (db));
      g_clear_pointer (&db, sqlite3_close);
    }

  g_mutex_lock (&checkpointer->lock);
  for (;;)
    {
      while (!checkpointer->wanted && !checkpointer->quit)
        g_cond_wait (&checkpointer->cond, &checkpointer->lock);
      if (checkpointer->quit)
        break;

      checkpointer->wanted = FALSE;
      checkpointer->busy = TRUE;
      g_mutex_unlock (&checkpointer->lock);

      if (db != NULL)
        sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

      g_mutex_lock (&checkpointer->lock);
      checkpointer->busy = FALSE;
    }
  g_mutex_unlock (&checkpointer->lock);

  sqlite3_close (db);

  return NULL;
}

static Checkpointer *
checkpointer_new (const char *path)
{
  Checkpointer *checkpointer = g_new0 (Checkpointer, 1);

  g_mutex_init (&checkpointer->lock);
  g_cond_init (&checkpointer->cond);
  checkpointer->path = g_strdup (path);
  checkpointer->thread = g_thread_new ("sigap-checkpoint", checkpoint_thread, checkpointer);

  return checkpointer;
}

/* Waits for a checkpoint under way. */
static void
checkpointer_free (Checkpointer *checkpointer)
{
  g_mutex_lock (&checkpointer->lock);
  checkpointer->quit = TRUE;
  g_cond_signal (&checkpointer->cond);
  g_mutex_unlock (&checkpointer->lock);

  g_thread_join (checkpointer->thread);
  g_mutex_clear (&checkpointer->lock);
  g_cond_clear (&checkpointer->cond);
  g_free (checkpointer->path);
  g_free (checkpointer);
}

/* Called after each commit with the pages the WAL holds. */
static int
remote_wal_hook (gpointer     user_data,
                 sqlite3     *db,
                 const char  *name,
                 int          n_pages)
{
  SigapStore *self = user_data;

  if (n_pages >= CHECKPOINT_HARD)
    {
      /* SQLITE_BUSY while the thread is at it: then after the next commit. */
      sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      return SQLITE_OK;
    }

  if (n_pages >= CHECKPOINT_SOFT)
    {
      if (self->checkpointer == NULL)
        self->checkpointer = checkpointer_new (self->path);

      g_mutex_lock (&self->checkpointer->lock);
      if (!self->checkpointer->busy)
        {
          self->checkpointer->wanted = TRUE;
          g_cond_signal (&self->checkpointer->cond);
        }
      g_mutex_unlock (&self->checkpointer->lock);
    }

  return SQLITE_OK;
}

/* }}} */

/* Opening */

static int
read_int (sqlite3    *db,
          const char *sql,
          gint64     *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *out = 0;
          rc = SQLITE_OK;
        }
    }

  sqlite3_finalize (stmt);

  return rc;
}

static int
quick_check (sqlite3  *db,
             gboolean *ok)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *ok = FALSE;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
          rc = SQLITE_OK;
        }
    }

  sqlite3_finalize (stmt);

  return rc;
}

static void
set_corrupt_error (const char  *path,
                   GError     **error)
{
  g_autofree char *display = display_path (path);

  g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_CORRUPT,
               _("The file at %s is not a Sigap database or is damaged. Restore it "
                 "from a backup, or move it aside to start afresh; the file was not "
                 "changed."),
               display);
}

static void
set_read_only_error (const char  *path,
                     GError     **error)
{
  g_autofree char *display = display_path (path);

  g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_READ_ONLY,
               _("The database at %s or its folder is read-only, so Sigap cannot "
                 "save changes. Make them writable, then open Sigap again; the file "
                 "was not changed."),
               display);
}

static void
set_open_error (const char  *path,
                const char  *detail,
                GError     **error)
{
  g_autofree char *display = display_path (path);

  g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_CANNOT_OPEN,
               _("The database at %s cannot be opened (%s). Check that the disk is "
                 "connected and that you may read and write the file."),
               display, detail);
}

/* Checks the file without writing to it: nothing may change a file we
 * refuse. Returns the schema version it holds. */
static gboolean
check_existing (sqlite3     *db,
                const char  *path,
                gint64      *version,
                GError     **error)
{
  gint64 n_objects = 0;
  int rc;

  /* Only the header and the schema are read here, so that opening costs
   * the same for 100 complaints as for 100,000; the whole file is checked
   * by sigap_store_check_integrity_async() once the window is up. */
  rc = read_int (db, "PRAGMA user_version", version);
  if (rc == SQLITE_OK)
    rc = read_int (db, "SELECT count(*) FROM sqlite_master", &n_objects);

  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    {
      set_corrupt_error (path, error);
      return FALSE;
    }
  else if (rc != SQLITE_OK)
    {
      set_open_error (path, sqlite3_errstr (rc), error);
      return FALSE;
    }

  if (*version > sigap_store_latest_version ())
    {
      g_autofree char *display = display_path (path);

      g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_TOO_NEW,
                   _("The database at %s was made by a newer version of Sigap. Update "
                     "Sigap to open it; the file was not changed."),
                   display);
      return FALSE;
    }

  if (*version == 0)
    {
      /* A new, empty file, or some other program's database. */
      if (n_objects > 0)
        {
          set_corrupt_error (path, error);
          return FALSE;
        }
    }
  else
    {
      gint64 recorded = 0;

      rc = read_int (db, "SELECT max(version) FROM schema_migrations", &recorded);
      if (rc != SQLITE_OK || recorded != *version)
        {
          set_corrupt_error (path, error);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
migrate (SigapStore  *self,
         int          target,
         GError     **error)
{
  for (int v = self->schema_version + 1; v <= target; v++)
    {
      g_autofree char *record = NULL;
      int rc;

      record = g_strdup_printf ("INSERT INTO schema_migrations (version, applied_at) "
                                "VALUES (%d, %" G_GINT64_FORMAT ");"
                                "PRAGMA user_version = %d;",
                                v, now_seconds (), v);

      rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, migrations[v - 1], NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, record, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        {
          g_autofree char *display = display_path (self->path);
          g_autofree char *detail = g_strdup (sqlite3_errmsg (self->db));

          if (!sqlite3_get_autocommit (self->db))
            sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

          if ((rc & 0xff) == SQLITE_READONLY)
            set_read_only_error (self->path, error);
          else
            g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED,
                         _("Sigap could not upgrade the database at %s to version %d "
                           "(%s). The database was left as it was; free some disk "
                           "space and try again, or report the problem to "
                           "Diskominfo."),
                         display, v, detail);
          return FALSE;
        }

      self->schema_version = v;
    }

  return TRUE;
}

static SigapStore *
store_open (const char  *path,
            int          target,
            GError     **error)
{
  g_autoptr(SigapStore) self = NULL;
  g_autofree char *dir = NULL;
  gint64 version = 0;
  gboolean existed;
  sqlite3 *db = NULL;
  int rc;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = display_path (dir);

      g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_CANNOT_OPEN,
                   _("The folder %s for Sigap's data cannot be created (%s). Check that "
                     "the disk is connected and that you may write there."),
                   display, g_strerror (saved_errno));
      return NULL;
    }

  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  /* SQLite would open such a file read-only and fail at the first write;
   * say so now. The journal and WAL files need the folder too. */
  if (g_access (dir, W_OK) != 0 || (existed && g_access (path, W_OK) != 0))
    {
      if (existed && g_access (path, R_OK) != 0)
        set_open_error (path, g_strerror (EACCES), error);
      else
        set_read_only_error (path, error);
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (path, sqlite3_errstr (rc), error);
      sqlite3_close (db);
      return NULL;
    }

  self = g_object_new (SIGAP_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);

  if (!check_existing (db, path, &version, error))
    return NULL;

  self->schema_version = (int) version;

  if (sqlite3_db_readonly (db, "main") == 1)
    {
      set_read_only_error (path, error);
      return NULL;
    }

  /* Only now may the file change. recursive_triggers makes the rows
   * that a REPLACE deletes fire their delete triggers, which the
   * full-text index of complaints needs (migration 7). */
  if (!exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
      !exec_sql (self, "PRAGMA synchronous = NORMAL", error) ||
      !exec_sql (self, "PRAGMA foreign_keys = ON", error) ||
      !exec_sql (self, "PRAGMA recursive_triggers = ON", error))
    return NULL;

  rc = sigap_complaint_query_add_sql_functions (db);
  if (rc != SQLITE_OK)
    {
      set_open_error (path, sqlite3_errstr (rc), error);
      return NULL;
    }

  if (!migrate (self, MAX (target, self->schema_version), error))
    return NULL;

  if (self->schema_version >= 4)
    {
      g_autofree char *outbox = sigap_store_get_meta (self, "outbox");

      self->outbox_enabled = g_strcmp0 (outbox, "on") == 0;
    }

  return g_steal_pointer (&self);
}

static void
sigap_store_finalize (GObject *object)
{
  SigapStore *self = (SigapStore *)object;

  g_clear_pointer (&self->checkpointer, checkpointer_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->matches.match, g_free);
  g_clear_pointer (&self->matches.rowids, g_array_unref);

  for (guint i = 0; i < N_KINDS; i++)
    g_clear_pointer (&self->tables[i], table_info_free);

  if (self->db != NULL)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
    }

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->jakarta, g_time_zone_unref);
  g_clear_pointer (&self->platforms, g_type_class_unref);

  G_OBJECT_CLASS (sigap_store_parent_class)->finalize (object);
}

static void
sigap_store_class_init (SigapStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_store_finalize;

  /**
   * SigapStore::outbox-changed:
   *
   * Emitted after a write added or changed a row of the outbox, or after
   * rows were taken out of it.
   */
  signals[OUTBOX_CHANGED] =
    g_signal_new ("outbox-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
sigap_store_init (SigapStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_stmt);
  self->jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
  if (self->jakarta == NULL)
    self->jakarta = g_time_zone_new_offset (7 * 60 * 60);
  self->platforms = g_type_class_ref (SIGAP_TYPE_PLATFORM);
}

/**
 * sigap_store_latest_version:
 *
 * Returns: the schema version this build writes
 */
int
sigap_store_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/**
 * sigap_store_open:
 * @path: the database file; its folder is created if needed
 * @error: return location for a #SigapStoreError
 *
 * Opens the database at @path and brings its schema up to date. A file
 * that is damaged, not a Sigap database, or written by a newer Sigap is
 * refused and left byte for byte as it was.
 *
 * Returns: (transfer full) (nullable): the store
 */
SigapStore *
sigap_store_open (const char  *path,
                  GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_open (path, sigap_store_latest_version (), error);
}

/**
 * sigap_store_open_at_version:
 * @path: the database file
 * @version: the schema version to migrate to, from 1 to the latest
 * @error: return location for a #SigapStoreError
 *
 * Like sigap_store_open() but runs migrations only up to @version, for
 * tests of upgrades. A database already past @version is left at its
 * version.
 *
 * Returns: (transfer full) (nullable): the store
 */
SigapStore *
sigap_store_open_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= sigap_store_latest_version (), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_open (path, version, error);
}

/**
 * sigap_store_get_connection:
 * @self: a #SigapStore
 *
 * The SQLite connection, for the server's own tables (the change log, the
 * pushed mutations, the post revisions), which only the server's SQLite
 * store reads; everything else goes through the functions of this file.
 * Use it on the store's thread, inside the store's transactions.
 *
 * Returns: (transfer none): the connection
 */
sqlite3 *
sigap_store_get_connection (SigapStore *self)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);

  return self->db;
}

const char *
sigap_store_get_path (SigapStore *self)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);

  return self->path;
}

int
sigap_store_get_schema_version (SigapStore *self)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), 0);

  return self->schema_version;
}

/* Puts back what sigap_store_begin_remote() changed, once its
 * transaction is over. */
static void
end_remote (SigapStore *self)
{
  g_autofree char *sql = NULL;

  if (!self->remote || !sqlite3_get_autocommit (self->db))
    return;

  sql = g_strdup_printf ("PRAGMA foreign_keys = ON; "
                         "PRAGMA temp_store = %" G_GINT64_FORMAT,
                         self->saved_temp_store);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (self->triggers_off)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);
  self->triggers_off = FALSE;
  self->text_index_deferred = FALSE;
  self->remote = FALSE;
}

/**
 * sigap_store_begin:
 * @self: a #SigapStore
 * @error: return location for a #SigapStoreError
 *
 * Starts a transaction; every write until sigap_store_commit() or
 * sigap_store_rollback() becomes one. Transactions do not nest.
 *
 * Returns: %TRUE if the transaction started
 */
gboolean
sigap_store_begin (SigapStore  *self,
                   GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);

  if (!sqlite3_get_autocommit (self->db))
    {
      g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED,
                           _("A change to the database is already in progress. Wait "
                             "for it to finish and try again."));
      return FALSE;
    }

  return exec_sql (self, "BEGIN IMMEDIATE", error);
}

gboolean
sigap_store_commit (SigapStore  *self,
                    GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);

  if (sqlite3_get_autocommit (self->db))
    {
      g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED,
                           _("There is no change in progress to save. Make the change "
                             "again."));
      return FALSE;
    }

  if (!exec_sql (self, "COMMIT", error))
    {
      sigap_store_rollback (self);
      return FALSE;
    }

  end_remote (self);

  return TRUE;
}

void
sigap_store_rollback (SigapStore *self)
{
  g_return_if_fail (SIGAP_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  end_remote (self);
}

/**
 * sigap_store_get_meta:
 * @self: a #SigapStore
 * @key: the key
 *
 * Returns: (transfer full) (nullable): the value stored under @key
 */
char *
sigap_store_get_meta (SigapStore *self,
                      const char *key)
{
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = get_stmt (self, "SELECT value FROM meta WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/**
 * sigap_store_set_meta:
 * @self: a #SigapStore
 * @key: the key
 * @value: (nullable): the value, or %NULL to remove @key
 * @error: return location for a #SigapStoreError
 *
 * Returns: %TRUE if the value was stored
 */
gboolean
sigap_store_set_meta (SigapStore  *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value != NULL)
    stmt = get_stmt (self,
                     "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     error);
  else
    stmt = get_stmt (self, "DELETE FROM meta WHERE key = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      return FALSE;
    }

  return TRUE;
}

/* OPD */

gboolean
sigap_store_insert_opd (SigapStore  *self,
                        SigapOpd    *opd,
                        GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_OPD (opd), FALSE);

  return insert_record (self, KIND_OPD, G_OBJECT (opd), error);
}

gboolean
sigap_store_update_opd (SigapStore  *self,
                        SigapOpd    *opd,
                        GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_OPD (opd), FALSE);

  return update_record (self, KIND_OPD, G_OBJECT (opd), error);
}

gboolean
sigap_store_delete_opd (SigapStore  *self,
                        const char  *id,
                        GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return delete_record (self, KIND_OPD, id, error);
}

/**
 * sigap_store_get_opd:
 *
 * Returns: (transfer full) (nullable): the OPD, or %NULL with
 *   %SIGAP_STORE_ERROR_NOT_FOUND
 */
SigapOpd *
sigap_store_get_opd (SigapStore  *self,
                     const char  *id,
                     GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return SIGAP_OPD (get_record (self, KIND_OPD, "WHERE id = ?1", id, error));
}

/**
 * sigap_store_find_opd_by_code:
 *
 * Returns: (transfer full) (nullable): the OPD, or %NULL with
 *   %SIGAP_STORE_ERROR_NOT_FOUND
 */
SigapOpd *
sigap_store_find_opd_by_code (SigapStore  *self,
                              const char  *code,
                              GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return SIGAP_OPD (get_record (self, KIND_OPD, "WHERE code = ?1", code, error));
}

/**
 * sigap_store_list_opds:
 *
 * Returns: (transfer full) (element-type SigapOpd) (nullable): every OPD by name
 */
GPtrArray *
sigap_store_list_opds (SigapStore  *self,
                       GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);

  stmt = get_select_stmt (self, KIND_OPD, "ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;

  return collect_records (self, KIND_OPD, stmt, error);
}

/* Accounts */

gboolean
sigap_store_insert_account (SigapStore    *self,
                            SigapAccount  *account,
                            GError       **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_ACCOUNT (account), FALSE);

  return insert_record (self, KIND_ACCOUNT, G_OBJECT (account), error);
}

gboolean
sigap_store_update_account (SigapStore    *self,
                            SigapAccount  *account,
                            GError       **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_ACCOUNT (account), FALSE);

  return update_record (self, KIND_ACCOUNT, G_OBJECT (account), error);
}

gboolean
sigap_store_delete_account (SigapStore  *self,
                            const char  *id,
                            GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return delete_record (self, KIND_ACCOUNT, id, error);
}

/**
 * sigap_store_get_account:
 *
 * Returns: (transfer full) (nullable): the account
 */
SigapAccount *
sigap_store_get_account (SigapStore  *self,
                         const char  *id,
                         GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return SIGAP_ACCOUNT (get_record (self, KIND_ACCOUNT, "WHERE id = ?1", id, error));
}

/**
 * sigap_store_list_accounts:
 * @opd_id: (nullable): an OPD, or %NULL for every OPD
 *
 * Returns: (transfer full) (element-type SigapAccount) (nullable): the accounts
 */
GPtrArray *
sigap_store_list_accounts (SigapStore  *self,
                           const char  *opd_id,
                           GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);

  if (opd_id != NULL)
    stmt = get_select_stmt (self, KIND_ACCOUNT,
                            "WHERE opd_id = ?1 ORDER BY platform, handle, id", error);
  else
    stmt = get_select_stmt (self, KIND_ACCOUNT,
                            "ORDER BY opd_id, platform, handle, id", error);
  if (stmt == NULL)
    return NULL;

  if (opd_id != NULL)
    sqlite3_bind_text (stmt, 1, opd_id, -1, SQLITE_TRANSIENT);

  return collect_records (self, KIND_ACCOUNT, stmt, error);
}

/* Users */

gboolean
sigap_store_insert_user (SigapStore  *self,
                         SigapUser   *user,
                         GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_USER (user), FALSE);

  return insert_record (self, KIND_USER, G_OBJECT (user), error);
}

gboolean
sigap_store_update_user (SigapStore  *self,
                         SigapUser   *user,
                         GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_USER (user), FALSE);

  return update_record (self, KIND_USER, G_OBJECT (user), error);
}

gboolean
sigap_store_delete_user (SigapStore  *self,
                         const char  *id,
                         GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return delete_record (self, KIND_USER, id, error);
}

/**
 * sigap_store_get_user:
 *
 * Returns: (transfer full) (nullable): the user
 */
SigapUser *
sigap_store_get_user (SigapStore  *self,
                      const char  *id,
                      GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return SIGAP_USER (get_record (self, KIND_USER, "WHERE id = ?1", id, error));
}

/**
 * sigap_store_find_user_by_name:
 *
 * Returns: (transfer full) (nullable): the user with @username
 */
SigapUser *
sigap_store_find_user_by_name (SigapStore  *self,
                               const char  *username,
                               GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (username != NULL, NULL);

  return SIGAP_USER (get_record (self, KIND_USER, "WHERE username = ?1", username, error));
}

/**
 * sigap_store_list_users:
 *
 * Returns: (transfer full) (element-type SigapUser) (nullable): every user
 */
GPtrArray *
sigap_store_list_users (SigapStore  *self,
                        GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);

  stmt = get_select_stmt (self, KIND_USER, "ORDER BY username, id", error);
  if (stmt == NULL)
    return NULL;

  return collect_records (self, KIND_USER, stmt, error);
}

/* Posts */

static int
compare_variants (gconstpointer a,
                  gconstpointer b)
{
  SigapPostVariant *va = *(SigapPostVariant **) a;
  SigapPostVariant *vb = *(SigapPostVariant **) b;

  return (int) sigap_post_variant_get_platform (va) - (int) sigap_post_variant_get_platform (vb);
}

/* Adds the variant of a row (platform, title, body, published_url from
 * @column on) to @post. */
static void
read_variant (SigapStore   *self,
              sqlite3_stmt *stmt,
              int           column,
              SigapPost    *post)
{
  g_autoptr(SigapPostVariant) variant = NULL;
  const char *nick = (const char *) sqlite3_column_text (stmt, column);
  GEnumValue *platform = g_enum_get_value_by_nick (self->platforms, nick ? nick : "");

  /* A platform this Sigap does not know cannot be shown or edited. */
  if (platform == NULL)
    return;

  variant = sigap_post_variant_new ();
  sigap_post_variant_set_platform (variant, platform->value);
  sigap_post_variant_set_title (variant, (const char *) sqlite3_column_text (stmt, column + 1));
  sigap_post_variant_set_body (variant, (const char *) sqlite3_column_text (stmt, column + 2));
  sigap_post_variant_set_published_url (variant,
                                        (const char *) sqlite3_column_text (stmt, column + 3));
  sigap_post_variant_set_links (variant, (const char *) sqlite3_column_text (stmt, column + 4));
  sigap_post_set_variant (post, variant);
}

static gboolean
load_variants (SigapStore  *self,
               SigapPost   *post,
               GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = get_stmt (self,
                   "SELECT platform, title, body, published_url, links FROM post_variant "
                   "WHERE post_id = ?1",
                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, sigap_post_get_id (post), -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    read_variant (self, stmt, 0, post);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &kinds[KIND_POST], rc, FALSE, error);
      return FALSE;
    }

  g_ptr_array_sort (sigap_post_get_variants (post), compare_variants);

  return TRUE;
}

static gboolean
write_variants (SigapStore  *self,
                SigapPost   *post,
                const char  *post_id,
                GError     **error)
{
  GPtrArray *variants = sigap_post_get_variants (post);
  GEnumClass *platforms = self->platforms;

  {
    g_autoptr(CachedStmt) stmt = get_stmt (self, "DELETE FROM post_variant WHERE post_id = ?1",
                                           error);
    int rc;

    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_text (stmt, 1, post_id, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_DONE)
      {
        set_sqlite_error (self, &kinds[KIND_POST], rc, FALSE, error);
        return FALSE;
      }
  }

  for (guint i = 0; i < variants->len; i++)
    {
      SigapPostVariant *variant = g_ptr_array_index (variants, i);
      g_autoptr(CachedStmt) stmt = NULL;
      int rc;

      stmt = get_stmt (self,
                       "INSERT INTO post_variant (post_id, platform, title, body, published_url, "
                       "links) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                       error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, post_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2,
                         enum_to_nick (platforms, sigap_post_variant_get_platform (variant)),
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, sigap_post_variant_get_title (variant), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, sigap_post_variant_get_body (variant), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, sigap_post_variant_get_published_url (variant), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, sigap_post_variant_get_links (variant), -1, SQLITE_TRANSIENT);

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (self, &kinds[KIND_POST], rc, FALSE, error);
          return FALSE;
        }
    }

  return TRUE;
}

/* The outbox {{{
 *
 * When the outbox is on, each local write of a post, a report, a new
 * complaint or a timeline event leaves a row in the same savepoint as the
 * write. A row not yet sent (payload NULL) absorbs later changes to its
 * record, so a record edited ten times offline is pushed once; a row
 * already sent keeps what was sent, for a retry with the same mutation id.
 */

static gboolean
outbox_active (SigapStore *self)
{
  return self->outbox_enabled && self->schema_version >= 4;
}

static char *
fields_to_json (GPtrArray *fields)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (fields == NULL)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < fields->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (fields, i));
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* The JSON array @text as a list of names; %NULL for NULL (all fields)
 * or for text that is not an array of strings. */
static GPtrArray *
fields_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  JsonNode *root;
  JsonArray *array;

  if (text == NULL)
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  array = json_node_get_array (root);
  fields = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = json_array_get_string_element (array, i);

      if (name == NULL)
        return NULL;
      g_ptr_array_add (fields, g_strdup (name));
    }

  return g_steal_pointer (&fields);
}

static gboolean
step_done (SigapStore    *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      return FALSE;
    }

  return TRUE;
}

/* Records a change of @record_id in the outbox, merging it into the row
 * not yet sent for the same record if there is one. @fields (member
 * names) is %NULL for "every field". */
static gboolean
outbox_record (SigapStore  *self,
               const char  *entity,
               const char  *record_id,
               const char  *op,
               gint64       base_version,
               GPtrArray   *fields,
               GError     **error)
{
  g_autofree char *old_op = NULL;
  g_autofree char *old_fields = NULL;
  g_autofree char *merged = NULL;
  gint64 seq = 0;
  gint64 old_base = 0;
  gboolean found = FALSE;

  {
    g_autoptr(CachedStmt) stmt = get_stmt (self,
                                           "SELECT seq, op, base_version, fields FROM outbox "
                                           "WHERE entity = ?1 AND record_id = ?2 "
                                           "AND payload IS NULL ORDER BY seq DESC LIMIT 1",
                                           error);
    int rc;

    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      {
        found = TRUE;
        seq = sqlite3_column_int64 (stmt, 0);
        old_op = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        old_base = sqlite3_column_int64 (stmt, 2);
        old_fields = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      }
    else if (rc != SQLITE_DONE)
      {
        set_sqlite_error (self, NULL, rc, FALSE, error);
        return FALSE;
      }
  }

  if (!found)
    {
      g_autoptr(CachedStmt) stmt = get_stmt (self,
                                             "INSERT INTO outbox (id, entity, record_id, op, "
                                             "base_version, fields, created_at) "
                                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                             error);
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *json = fields_to_json (fields);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, record_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, op, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, base_version);
      if (json != NULL)
        sqlite3_bind_text (stmt, 6, json, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 7, now_seconds ());

      return step_done (self, stmt, error);
    }

  /* A record made since the last push: an insert it stays, and deleting
   * it leaves nothing to tell the server. */
  if (g_str_equal (old_op, "upsert") && old_base == 0)
    {
      if (g_str_equal (op, "delete"))
        {
          g_autoptr(CachedStmt) stmt = get_stmt (self, "DELETE FROM outbox WHERE seq = ?1",
                                                 error);

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, seq);

          return step_done (self, stmt, error);
        }

      return TRUE;
    }

  if (g_str_equal (op, "upsert") && g_str_equal (old_op, "upsert") &&
      old_fields != NULL && fields != NULL)
    {
      g_autoptr(GPtrArray) union_fields = fields_from_json (old_fields);

      if (union_fields != NULL)
        {
          for (guint i = 0; i < fields->len; i++)
            if (!g_ptr_array_find_with_equal_func (union_fields, g_ptr_array_index (fields, i),
                                                   g_str_equal, NULL))
              g_ptr_array_add (union_fields, g_strdup (g_ptr_array_index (fields, i)));

          merged = fields_to_json (union_fields);
        }
    }

  {
    g_autoptr(CachedStmt) stmt = get_stmt (self,
                                           "UPDATE outbox SET op = ?2, fields = ?3 "
                                           "WHERE seq = ?1",
                                           error);

    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_int64 (stmt, 1, seq);
    sqlite3_bind_text (stmt, 2, op, -1, SQLITE_TRANSIENT);
    if (merged != NULL)
      sqlite3_bind_text (stmt, 3, merged, -1, SQLITE_TRANSIENT);

    return step_done (self, stmt, error);
  }
}

/* The stored version of @id, -1 if there is no such row. */
static gboolean
stored_version (SigapStore  *self,
                RecordKind   kind,
                const char  *id,
                gint64      *version,
                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM %s WHERE id = ?1",
                                          kinds[kind].table);
  g_autoptr(CachedStmt) stmt = get_stmt (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *version = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *version = -1;
  else
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
variants_equal (SigapPost *a,
                SigapPost *b)
{
  GPtrArray *va = sigap_post_get_variants (a);
  GPtrArray *vb = sigap_post_get_variants (b);

  if (va->len != vb->len)
    return FALSE;

  for (guint i = 0; i < va->len; i++)
    {
      SigapPostVariant *x = g_ptr_array_index (va, i);
      SigapPostVariant *y = sigap_post_get_variant (b, sigap_post_variant_get_platform (x));

      if (y == NULL ||
          g_strcmp0 (sigap_post_variant_get_title (x), sigap_post_variant_get_title (y)) != 0 ||
          g_strcmp0 (sigap_post_variant_get_body (x), sigap_post_variant_get_body (y)) != 0 ||
          g_strcmp0 (sigap_post_variant_get_published_url (x),
                     sigap_post_variant_get_published_url (y)) != 0 ||
          g_strcmp0 (sigap_post_variant_get_links (x), sigap_post_variant_get_links (y)) != 0)
        return FALSE;
    }

  return TRUE;
}

/* The member names of the fields in which @post differs from @stored,
 * its version and updated_at aside; "variants" stands for all variants. */
static GPtrArray *
post_changed_fields (SigapStore *self,
                     SigapPost  *stored,
                     SigapPost  *post)
{
  TableInfo *table = self->tables[KIND_POST];
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < table->n_columns; i++)
    {
      GParamSpec *pspec = table->pspecs[i];
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      if ((int) i == table->id_col || (int) i == table->version_col ||
          (int) i == table->updated_at_col)
        continue;

      /* The server sets when a post was made, and takes no change to it. */
      if (g_str_equal (pspec->name, "created-at"))
        continue;

      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (G_OBJECT (stored), pspec->name, &a);
      g_object_get_property (G_OBJECT (post), pspec->name, &b);

      if (g_param_values_cmp (pspec, &a, &b) != 0)
        g_ptr_array_add (fields, column_name (pspec));
    }

  if (!variants_equal (stored, post))
    g_ptr_array_add (fields, g_strdup ("variants"));

  return fields;
}

static void
outbox_changed (SigapStore *self)
{
  g_signal_emit (self, signals[OUTBOX_CHANGED], 0);
}

/* }}} */

/* For the outbox: the change @post makes to its stored row, as the
 * version it was made on and the fields it changes (%NULL for all). Sets
 * @skip when nothing changes. */
static gboolean
post_outbox_change (SigapStore  *self,
                    SigapPost   *post,
                    gint64      *base_version,
                    GPtrArray  **fields,
                    gboolean    *skip,
                    GError     **error)
{
  g_autoptr(SigapPost) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *id = sigap_post_get_id (post);

  *base_version = 0;
  *fields = NULL;
  *skip = FALSE;

  if (id == NULL || id[0] == '\0')
    return TRUE;

  stored = sigap_store_get_post (self, id, &local_error);
  if (stored == NULL)
    {
      /* write_record() reports the missing row. */
      if (g_error_matches (local_error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *base_version = sigap_post_get_version (stored);
  *fields = post_changed_fields (self, stored, post);
  *skip = (*fields)->len == 0;

  return TRUE;
}

static gboolean
write_post (SigapStore  *self,
            SigapPost   *post,
            gboolean     insert,
            GError     **error)
{
  g_auto(WriteResult) result = { .now = now_seconds () };
  g_autoptr(GPtrArray) fields = NULL;
  gboolean outbox = outbox_active (self);
  gboolean skip = FALSE;
  gint64 base_version = 0;
  gboolean ok;

  if (!savepoint (self, error))
    return FALSE;

  ok = (!outbox || insert ||
        post_outbox_change (self, post, &base_version, &fields, &skip, error)) &&
       write_record (self, KIND_POST, G_OBJECT (post), insert, &result, error) &&
       write_variants (self, post, result.id, error) &&
       (!outbox || skip ||
        outbox_record (self, "post", result.id, "upsert", base_version,
                       insert ? NULL : fields, error));

  if (!release (self, ok, error))
    return FALSE;

  write_result_apply (self, KIND_POST, G_OBJECT (post), &result);

  if (outbox && !skip)
    outbox_changed (self);

  return TRUE;
}

/* Deletes @id of @kind, leaving an outbox row when the outbox is on. */
static gboolean
delete_synced_record (SigapStore  *self,
                      RecordKind   kind,
                      const char  *entity,
                      const char  *id,
                      GError     **error)
{
  gint64 version = 0;
  gboolean ok;

  if (!outbox_active (self))
    return delete_record (self, kind, id, error);

  if (!savepoint (self, error))
    return FALSE;

  ok = stored_version (self, kind, id, &version, error) &&
       delete_record (self, kind, id, error) &&
       outbox_record (self, entity, id, "delete", version, NULL, error);

  if (!release (self, ok, error))
    return FALSE;

  outbox_changed (self);

  return TRUE;
}

/* Inserts or updates a report or a timeline event, leaving an outbox row
 * when the outbox is on. */
static gboolean
write_synced_record (SigapStore  *self,
                     RecordKind   kind,
                     const char  *entity,
                     GObject     *record,
                     gboolean     insert,
                     GError     **error)
{
  g_auto(WriteResult) result = { .now = now_seconds () };
  g_autofree char *id = NULL;
  gint64 version = 0;
  gboolean ok;

  if (!outbox_active (self))
    return insert ? insert_record (self, kind, record, error)
                  : update_record (self, kind, record, error);

  if (!savepoint (self, error))
    return FALSE;

  g_object_get (record, "id", &id, NULL);
  ok = (insert || id == NULL || stored_version (self, kind, id, &version, error)) &&
       write_record (self, kind, record, insert, &result, error) &&
       outbox_record (self, entity, result.id, "upsert", insert ? 0 : MAX (version, 0),
                      NULL, error);

  if (!release (self, ok, error))
    return FALSE;

  write_result_apply (self, kind, record, &result);
  outbox_changed (self);

  return TRUE;
}

gboolean
sigap_store_insert_post (SigapStore  *self,
                         SigapPost   *post,
                         GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_POST (post), FALSE);

  return write_post (self, post, TRUE, error);
}

/**
 * sigap_store_update_post:
 *
 * Writes @post and replaces its stored variants with those @post has now.
 */
gboolean
sigap_store_update_post (SigapStore  *self,
                         SigapPost   *post,
                         GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_POST (post), FALSE);

  return write_post (self, post, FALSE, error);
}

gboolean
sigap_store_delete_post (SigapStore  *self,
                         const char  *id,
                         GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return delete_synced_record (self, KIND_POST, "post", id, error);
}

/**
 * sigap_store_get_post:
 *
 * Returns: (transfer full) (nullable): the post with its variants
 */
SigapPost *
sigap_store_get_post (SigapStore  *self,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(SigapPost) post = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  post = SIGAP_POST (get_record (self, KIND_POST, "WHERE id = ?1", id, error));
  if (post == NULL || !load_variants (self, post, error))
    return NULL;

  return g_steal_pointer (&post);
}

/* Reads the variants @stmt selects (post_id, then read_variant()'s
 * columns) into those of @posts they belong to, in one query rather than
 * one per post, and puts each post's variants in the platforms' order. */
static gboolean
read_variants_of (SigapStore    *self,
                  GPtrArray     *posts,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  for (guint i = 0; i < posts->len; i++)
    {
      SigapPost *post = g_ptr_array_index (posts, i);

      g_hash_table_insert (by_id, (gpointer) sigap_post_get_id (post), post);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SigapPost *post = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));

      if (post != NULL)
        read_variant (self, stmt, 1, post);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &kinds[KIND_POST], rc, FALSE, error);
      return FALSE;
    }

  for (guint i = 0; i < posts->len; i++)
    g_ptr_array_sort (sigap_post_get_variants (g_ptr_array_index (posts, i)), compare_variants);

  return TRUE;
}

/* The variants of @posts, the posts of [@from, @to) (of @opd_id), in one
 * query rather than one per post: a month of a busy OPD is thousands. */
static gboolean
load_period_variants (SigapStore  *self,
                      GPtrArray   *posts,
                      const char  *opd_id,
                      gint64       from,
                      gint64       to,
                      GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  if (opd_id != NULL)
    stmt = get_stmt (self,
                     "SELECT post_id, platform, title, body, published_url, links "
                     "FROM post_variant "
                     "WHERE post_id IN (SELECT id FROM post WHERE opd_id = ?3 AND "
                     "scheduled_at >= ?1 AND scheduled_at < ?2)",
                     error);
  else
    stmt = get_stmt (self,
                     "SELECT post_id, platform, title, body, published_url, links "
                     "FROM post_variant "
                     "WHERE post_id IN (SELECT id FROM post WHERE "
                     "scheduled_at >= ?1 AND scheduled_at < ?2)",
                     error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  if (opd_id != NULL)
    sqlite3_bind_text (stmt, 3, opd_id, -1, SQLITE_TRANSIENT);

  return read_variants_of (self, posts, stmt, error);
}

/**
 * sigap_store_list_posts:
 *
 * Returns: (transfer full) (element-type SigapPost) (nullable): the posts
 *   with their variants
 */
GPtrArray *
sigap_store_list_posts (SigapStore  *self,
                        const char  *opd_id,
                        gint64       from,
                        gint64       to,
                        GError     **error)
{
  g_autoptr(GPtrArray) posts = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);

  {
    g_autoptr(CachedStmt) stmt = NULL;

    if (opd_id != NULL)
      stmt = get_select_stmt (self, KIND_POST,
                              "WHERE opd_id = ?3 AND scheduled_at >= ?1 AND scheduled_at < ?2 "
                              "ORDER BY scheduled_at, id",
                              error);
    else
      stmt = get_select_stmt (self, KIND_POST,
                              "WHERE scheduled_at >= ?1 AND scheduled_at < ?2 "
                              "ORDER BY scheduled_at, id",
                              error);
    if (stmt == NULL)
      return NULL;

    sqlite3_bind_int64 (stmt, 1, from);
    sqlite3_bind_int64 (stmt, 2, to);
    if (opd_id != NULL)
      sqlite3_bind_text (stmt, 3, opd_id, -1, SQLITE_TRANSIENT);

    posts = collect_records (self, KIND_POST, stmt, error);
    if (posts == NULL)
      return NULL;
  }

  if (posts->len > 0 && !load_period_variants (self, posts, opd_id, from, to, error))
    return NULL;

  return g_steal_pointer (&posts);
}

gint64
sigap_store_count_posts (SigapStore *self,
                         const char *opd_id)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), 0);

  if (opd_id != NULL)
    return count_rows (self, "SELECT count(*) FROM post WHERE opd_id = ?1", opd_id);

  return count_rows (self, "SELECT count(*) FROM post", NULL);
}

/* The variants of @posts, the posts in @status (of @opd_id), in one
 * query, as load_period_variants() does for a period. */
static gboolean
load_status_variants (SigapStore  *self,
                      GPtrArray   *posts,
                      const char  *opd_id,
                      const char  *status,
                      GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  if (opd_id != NULL)
    stmt = get_stmt (self,
                     "SELECT post_id, platform, title, body, published_url, links "
                     "FROM post_variant "
                     "WHERE post_id IN (SELECT id FROM post WHERE status = ?1 AND opd_id = ?2)",
                     error);
  else
    stmt = get_stmt (self,
                     "SELECT post_id, platform, title, body, published_url, links "
                     "FROM post_variant "
                     "WHERE post_id IN (SELECT id FROM post WHERE status = ?1)",
                     error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_TRANSIENT);
  if (opd_id != NULL)
    sqlite3_bind_text (stmt, 2, opd_id, -1, SQLITE_TRANSIENT);

  return read_variants_of (self, posts, stmt, error);
}

/**
 * sigap_store_list_posts_by_status:
 * @self: a #SigapStore
 * @opd_id: (nullable): the OPD whose posts to list, %NULL for every OPD
 * @status: the status of the posts to list
 * @error: return location for a #SigapStoreError
 *
 * Lists the posts in @status whenever they are scheduled, such as those
 * waiting for a verifikator's approval, ordered by their scheduled time
 * (the most pressing first).
 *
 * Returns: (transfer full) (element-type SigapPost) (nullable): the posts
 *   with their variants
 */
GPtrArray *
sigap_store_list_posts_by_status (SigapStore       *self,
                                  const char       *opd_id,
                                  SigapPostStatus   status,
                                  GError          **error)
{
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GEnumClass) statuses = NULL;
  const char *nick;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);

  statuses = g_type_class_ref (SIGAP_TYPE_POST_STATUS);
  nick = enum_to_nick (statuses, status);
  g_return_val_if_fail (nick != NULL, NULL);

  {
    g_autoptr(CachedStmt) stmt = NULL;

    if (opd_id != NULL)
      stmt = get_select_stmt (self, KIND_POST,
                              "WHERE status = ?1 AND opd_id = ?2 ORDER BY scheduled_at, id",
                              error);
    else
      stmt = get_select_stmt (self, KIND_POST,
                              "WHERE status = ?1 ORDER BY scheduled_at, id",
                              error);
    if (stmt == NULL)
      return NULL;

    sqlite3_bind_text (stmt, 1, nick, -1, SQLITE_STATIC);
    if (opd_id != NULL)
      sqlite3_bind_text (stmt, 2, opd_id, -1, SQLITE_TRANSIENT);

    posts = collect_records (self, KIND_POST, stmt, error);
    if (posts == NULL)
      return NULL;
  }

  if (posts->len > 0 && !load_status_variants (self, posts, opd_id, nick, error))
    return NULL;

  return g_steal_pointer (&posts);
}

/* Complaints */

static int
jakarta_year (SigapStore *self,
              gint64      time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return 1970;

  local = g_date_time_to_timezone (utc, self->jakarta);

  return g_date_time_get_year (local != NULL ? local : utc);
}

/* The next number of @year: past both the counter and any number already
 * stored (a synced complaint carries the number the server gave it). */
static char *
next_tracking_number (SigapStore  *self,
                      gint64       received_at,
                      GError     **error)
{
  int year = jakarta_year (self, received_at);
  g_autofree char *low = g_strdup_printf ("ADU-%04d-", year);
  g_autofree char *high = g_strdup_printf ("ADU-%04d.", year);
  gint64 last = 0;
  int rc;

  {
    g_autoptr(CachedStmt) stmt = get_stmt (self,
                                           "SELECT tracking_number FROM complaint "
                                           "WHERE tracking_number >= ?1 AND tracking_number < ?2 "
                                           "ORDER BY tracking_number DESC LIMIT 1",
                                           error);
    if (stmt == NULL)
      return NULL;

    sqlite3_bind_text (stmt, 1, low, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, high, -1, SQLITE_STATIC);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      last = g_ascii_strtoll ((const char *) sqlite3_column_text (stmt, 0) + strlen (low),
                              NULL, 10);
    else if (rc != SQLITE_DONE)
      {
        set_sqlite_error (self, NULL, rc, FALSE, error);
        return NULL;
      }
  }

  {
    g_autoptr(CachedStmt) stmt = get_stmt (self,
                                           "SELECT last FROM complaint_counter WHERE year = ?1",
                                           error);
    if (stmt == NULL)
      return NULL;

    sqlite3_bind_int (stmt, 1, year);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      last = MAX (last, sqlite3_column_int64 (stmt, 0));
    else if (rc != SQLITE_DONE)
      {
        set_sqlite_error (self, NULL, rc, FALSE, error);
        return NULL;
      }
  }

  last++;

  {
    g_autoptr(CachedStmt) stmt = get_stmt (self,
                                           "INSERT INTO complaint_counter (year, last) "
                                           "VALUES (?1, ?2) ON CONFLICT (year) "
                                           "DO UPDATE SET last = excluded.last",
                                           error);
    if (stmt == NULL)
      return NULL;

    sqlite3_bind_int (stmt, 1, year);
    sqlite3_bind_int64 (stmt, 2, last);
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_DONE)
      {
        set_sqlite_error (self, NULL, rc, FALSE, error);
        return NULL;
      }
  }

  return g_strdup_printf ("ADU-%04d-%06" G_GINT64_FORMAT, year, last);
}

/**
 * sigap_store_insert_complaint:
 *
 * Inserts @complaint, giving it a tracking number if it has none and
 * setting received_at to now if it is 0.
 */
gboolean
sigap_store_insert_complaint (SigapStore      *self,
                              SigapComplaint  *complaint,
                              GError         **error)
{
  g_auto(WriteResult) result = { .now = now_seconds () };
  g_autofree char *tracking_number = NULL;
  const char *current;
  gboolean ok;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), FALSE);

  current = sigap_complaint_get_tracking_number (complaint);
  if (current == NULL || current[0] == '\0')
    {
      gint64 received_at = sigap_complaint_get_received_at (complaint);

      /* A lost number leaves a gap if the insert below fails; that is
       * harmless, and numbers are never given twice. */
      tracking_number = next_tracking_number (self, received_at != 0 ? received_at : result.now,
                                              error);
      if (tracking_number == NULL)
        return FALSE;

      result.tracking_number = tracking_number;
    }

  if (!outbox_active (self))
    {
      if (!write_record (self, KIND_COMPLAINT, G_OBJECT (complaint), TRUE, &result, error))
        return FALSE;
    }
  else
    {
      if (!savepoint (self, error))
        return FALSE;

      ok = write_record (self, KIND_COMPLAINT, G_OBJECT (complaint), TRUE, &result, error) &&
           outbox_record (self, "complaint", result.id, "upsert", 0, NULL, error);

      if (!release (self, ok, error))
        return FALSE;
    }

  write_result_apply (self, KIND_COMPLAINT, G_OBJECT (complaint), &result);

  if (outbox_active (self))
    outbox_changed (self);

  return TRUE;
}

gboolean
sigap_store_update_complaint (SigapStore      *self,
                              SigapComplaint  *complaint,
                              GError         **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), FALSE);

  return update_record (self, KIND_COMPLAINT, G_OBJECT (complaint), error);
}

gboolean
sigap_store_delete_complaint (SigapStore  *self,
                              const char  *id,
                              GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return delete_record (self, KIND_COMPLAINT, id, error);
}

/**
 * sigap_store_get_complaint:
 *
 * Returns: (transfer full) (nullable): the complaint
 */
SigapComplaint *
sigap_store_get_complaint (SigapStore  *self,
                           const char  *id,
                           GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return SIGAP_COMPLAINT (get_record (self, KIND_COMPLAINT, "WHERE id = ?1", id, error));
}

/**
 * sigap_store_list_complaints:
 * @opd_id: (nullable): an OPD, or %NULL for all complaints
 * @offset: rows to skip
 * @limit: rows to return at most, or 0 for all
 *
 * Returns: (transfer full) (element-type SigapComplaint) (nullable): the
 *   complaints, newest received first
 */
GPtrArray *
sigap_store_list_complaints (SigapStore  *self,
                             const char  *opd_id,
                             guint        offset,
                             guint        limit,
                             GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);

  if (opd_id != NULL)
    stmt = get_select_stmt (self, KIND_COMPLAINT,
                            "WHERE opd_id = ?3 ORDER BY received_at DESC, id "
                            "LIMIT ?1 OFFSET ?2",
                            error);
  else
    stmt = get_select_stmt (self, KIND_COMPLAINT,
                            "ORDER BY received_at DESC, id LIMIT ?1 OFFSET ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 2, offset);
  if (opd_id != NULL)
    sqlite3_bind_text (stmt, 3, opd_id, -1, SQLITE_TRANSIENT);

  return collect_records (self, KIND_COMPLAINT, stmt, error);
}

gint64
sigap_store_count_complaints (SigapStore *self,
                              const char *opd_id)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), 0);

  if (opd_id != NULL)
    return count_rows (self, "SELECT count(*) FROM complaint WHERE opd_id = ?1", opd_id);

  return count_rows (self, "SELECT count(*) FROM complaint", NULL);
}

/* The full-text index after a snapshot {{{
 *
 * A snapshot (the first pull, or the one after the server asked for a
 * reset) brings every complaint the server has, and telling the index of
 * each, row by row, costs more than the rest of the pull. So
 * sigap_store_begin_snapshot() marks the index stale in meta, in the
 * transaction of the snapshot's first page; while the mark is set, the
 * writes of a pull leave the index alone (complaint_text_after()), and
 * sigap_store_end_snapshot() rebuilds it once, in the transaction of the
 * last page, and clears the mark. A snapshot cut short, by a crash or a
 * cancel, leaves the mark: the next pull goes on leaving the index alone
 * and rebuilds it at its end, and a text search before that rebuilds it
 * first. Writes outside a pull keep telling the stale index (their
 * triggers are on); the rebuild makes up for what that gets wrong.
 */

#define TEXT_INDEX_VERSION 7
#define TEXT_INDEX_STALE "complaint_fts_stale"

/* Rebuilds the index if it is marked stale and clears the mark, inside
 * the transaction in progress or in one of its own. */
static gboolean
update_text_index (SigapStore  *self,
                   GError     **error)
{
  g_autofree char *stale = NULL;
  gboolean ok;

  if (self->schema_version < TEXT_INDEX_VERSION)
    return TRUE;

  stale = sigap_store_get_meta (self, TEXT_INDEX_STALE);
  if (stale == NULL)
    return TRUE;

  if (!savepoint (self, error))
    return FALSE;

  ok = exec_sql (self, "INSERT INTO complaint_fts (complaint_fts) VALUES ('rebuild')", error) &&
       sigap_store_set_meta (self, TEXT_INDEX_STALE, NULL, error);
  if (!release (self, ok, error))
    return FALSE;

  self->text_index_deferred = FALSE;

  return TRUE;
}

/* }}} */

/* A text search reads the text's matches first and looks their
 * complaints up when at most this many match, and otherwise walks the
 * inbox's indexes in order and keeps the rows that match: with 100,000
 * complaints, a thousand look-ups and the walk to the first page of a
 * common word cost about the same. */
#define TEXT_FIRST_MAX_MATCHES 1000

/* The rowids of the complaints @match matches, ascending; the store
 * keeps them until the next search or the next change (this
 * connection's, counted by total_changes, or another's, by
 * data_version). Inside a transaction, which may yet roll back, they are
 * read every time. */
static GArray *
read_matches (SigapStore  *self,
              const char  *match,
              GError     **error)
{
  g_autoptr(GArray) rowids = NULL;
  gint64 data_version = 0;
  gint64 total_changes = sqlite3_total_changes64 (self->db);
  int rc;

  rc = read_int (self->db, "PRAGMA data_version", &data_version);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      return NULL;
    }

  if (self->matches.rowids != NULL &&
      sqlite3_get_autocommit (self->db) &&
      g_strcmp0 (self->matches.match, match) == 0 &&
      self->matches.total_changes == total_changes &&
      self->matches.data_version == data_version)
    return self->matches.rowids;

  {
    g_autoptr(CachedStmt) stmt = get_stmt (self,
                                           "SELECT rowid FROM complaint_fts "
                                           "WHERE complaint_fts MATCH ?1",
                                           error);
    if (stmt == NULL)
      return NULL;

    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);

    rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 rowid = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (rowids, rowid);
      }

    if (rc != SQLITE_DONE)
      {
        set_sqlite_error (self, NULL, rc, FALSE, error);
        return NULL;
      }
  }

  g_clear_pointer (&self->matches.rowids, g_array_unref);
  g_free (self->matches.match);
  self->matches.match = g_strdup (match);
  self->matches.total_changes = total_changes;
  self->matches.data_version = data_version;
  self->matches.rowids = g_steal_pointer (&rowids);

  return self->matches.rowids;
}

/* The statement for @query, its parameters bound; LIMIT and OFFSET, for
 * rows, are parameters *n_params + 1 and + 2. Not cached: the SQL
 * changes with the filters and the time. %NULL without an error when
 * only the count was asked and it is *count. */
static sqlite3_stmt *
prepare_complaint_query (SigapStore           *self,
                         const char           *opd_id,
                         SigapComplaintQuery  *query,
                         gint64               *count,
                         guint                *n_params,
                         GError              **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  SigapComplaintQuerySqlFlags flags = SIGAP_COMPLAINT_QUERY_SQL_NONE;
  sqlite3_stmt *stmt = NULL;
  GArray *matches = NULL;
  TableInfo *table;
  gint64 now;
  int rc;

  table = get_table (self, KIND_COMPLAINT, error);
  if (table == NULL)
    return NULL;

  if (query != NULL)
    match = sigap_complaint_query_match_expression (sigap_complaint_query_get_text (query));

  if (match != NULL)
    {
      if (!update_text_index (self, error))
        return NULL;

      matches = read_matches (self, match, error);
      if (matches == NULL)
        return NULL;

      if (count != NULL && opd_id == NULL && !sigap_complaint_query_has_filters (query))
        {
          *count = matches->len;
          return NULL;
        }

      if (matches->len <= TEXT_FIRST_MAX_MATCHES)
        flags |= SIGAP_COMPLAINT_QUERY_SQL_TEXT_FIRST;
    }

  if (count != NULL)
    flags |= SIGAP_COMPLAINT_QUERY_SQL_COUNT;

  now = query != NULL ? sigap_complaint_query_get_now (query) : 0;
  if (now == 0)
    now = now_seconds ();

  sql = sigap_complaint_query_build_sql (query, table->column_list, opd_id, now, flags, params);
  if (count == NULL)
    {
      g_autofree char *limited = g_strdup_printf ("%s LIMIT ?%u OFFSET ?%u", sql,
                                                  params->len + 1, params->len + 2);

      g_free (sql);
      sql = g_steal_pointer (&limited);
    }

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  sigap_complaint_query_bind_params (stmt, params, matches);
  *n_params = params->len;

  return stmt;
}

/**
 * sigap_store_list_complaints_matching:
 * @opd_id: (nullable): an OPD, or %NULL for all complaints
 * @query: (nullable): what to find, or %NULL for every complaint
 * @offset: rows to skip
 * @limit: rows to return at most, or 0 for all
 *
 * The complaints @query matches, in its order. Its deadline states are
 * computed at its time, or now if it has none.
 *
 * Returns: (transfer full) (element-type SigapComplaint) (nullable): the
 *   complaints
 */
GPtrArray *
sigap_store_list_complaints_matching (SigapStore           *self,
                                      const char           *opd_id,
                                      SigapComplaintQuery  *query,
                                      guint                 offset,
                                      guint                 limit,
                                      GError              **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *complaints;
  guint n_params = 0;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (query == NULL || SIGAP_IS_COMPLAINT_QUERY (query), NULL);

  stmt = prepare_complaint_query (self, opd_id, query, NULL, &n_params, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, (int) n_params + 1, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, (int) n_params + 2, offset);

  complaints = collect_records (self, KIND_COMPLAINT, stmt, error);
  sqlite3_finalize (stmt);

  return complaints;
}

/**
 * sigap_store_count_complaints_matching:
 * @opd_id: (nullable): an OPD, or %NULL for all complaints
 * @query: (nullable): what to find, or %NULL for every complaint
 *
 * Returns: how many complaints sigap_store_list_complaints_matching()
 *   lists, or -1 on error
 */
gint64
sigap_store_count_complaints_matching (SigapStore           *self,
                                       const char           *opd_id,
                                       SigapComplaintQuery  *query,
                                       GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;
  guint n_params = 0;
  int rc;

  g_return_val_if_fail (SIGAP_IS_STORE (self), -1);
  g_return_val_if_fail (query == NULL || SIGAP_IS_COMPLAINT_QUERY (query), -1);

  stmt = prepare_complaint_query (self, opd_id, query, &n, &n_params, &local_error);
  if (stmt == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -1;
        }
      return n;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    set_sqlite_error (self, NULL, rc, FALSE, error);

  sqlite3_finalize (stmt);

  return n;
}

/**
 * sigap_store_find_similar_complaint:
 * @complaint: a complaint, stored or not
 * @tracking_number: (out) (transfer full) (nullable): the tracking number
 *   of a stored complaint received at the same time, through the same
 *   channel, with the same text; %NULL if there is none
 *
 * Finds a complaint that @complaint repeats, as an import of a file read
 * twice would. The statement is kept, so a look-up per row stays cheap.
 *
 * Returns: %FALSE on a database error
 */
gboolean
sigap_store_find_similar_complaint (SigapStore      *self,
                                    SigapComplaint  *complaint,
                                    char           **tracking_number,
                                    GError         **error)
{
  g_autoptr(GEnumClass) channels = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), FALSE);
  g_return_val_if_fail (tracking_number != NULL, FALSE);

  *tracking_number = NULL;

  stmt = get_stmt (self,
                   "SELECT tracking_number FROM complaint "
                   "WHERE received_at = ?1 AND channel = ?2 AND body = ?3 LIMIT 1",
                   error);
  if (stmt == NULL)
    return FALSE;

  channels = g_type_class_ref (SIGAP_TYPE_CHANNEL);
  sqlite3_bind_int64 (stmt, 1, sigap_complaint_get_received_at (complaint));
  sqlite3_bind_text (stmt, 2, enum_to_nick (channels, sigap_complaint_get_channel (complaint)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sigap_complaint_get_body (complaint), -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *tracking_number = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &kinds[KIND_COMPLAINT], rc, FALSE, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * sigap_store_add_complaint_event:
 *
 * Appends @event to its complaint's timeline, setting its id if empty and
 * created_at to now if 0.
 */
gboolean
sigap_store_add_complaint_event (SigapStore           *self,
                                 SigapComplaintEvent  *event,
                                 GError              **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (event), FALSE);

  return write_synced_record (self, KIND_EVENT, "complaint_event", G_OBJECT (event), TRUE,
                              error);
}

/**
 * sigap_store_list_complaint_events:
 *
 * Returns: (transfer full) (element-type SigapComplaintEvent) (nullable):
 *   the timeline, oldest first, in the order it was written
 */
GPtrArray *
sigap_store_list_complaint_events (SigapStore  *self,
                                   const char  *complaint_id,
                                   GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (complaint_id != NULL, NULL);

  stmt = get_select_stmt (self, KIND_EVENT,
                          "WHERE complaint_id = ?1 ORDER BY created_at, rowid", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, complaint_id, -1, SQLITE_TRANSIENT);

  return collect_records (self, KIND_EVENT, stmt, error);
}

/* Reports */

gboolean
sigap_store_insert_report (SigapStore   *self,
                           SigapReport  *report,
                           GError      **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_REPORT (report), FALSE);

  return write_synced_record (self, KIND_REPORT, "report", G_OBJECT (report), TRUE, error);
}

gboolean
sigap_store_update_report (SigapStore   *self,
                           SigapReport  *report,
                           GError      **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_REPORT (report), FALSE);

  return write_synced_record (self, KIND_REPORT, "report", G_OBJECT (report), FALSE, error);
}

gboolean
sigap_store_delete_report (SigapStore  *self,
                           const char  *id,
                           GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return delete_synced_record (self, KIND_REPORT, "report", id, error);
}

/**
 * sigap_store_get_report:
 *
 * Returns: (transfer full) (nullable): the report
 */
SigapReport *
sigap_store_get_report (SigapStore  *self,
                        const char  *id,
                        GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return SIGAP_REPORT (get_record (self, KIND_REPORT, "WHERE id = ?1", id, error));
}

/**
 * sigap_store_list_reports:
 * @opd_id: (nullable): an OPD, or %NULL for every OPD
 *
 * Returns: (transfer full) (element-type SigapReport) (nullable): the
 *   reports, newest month first
 */
GPtrArray *
sigap_store_list_reports (SigapStore  *self,
                          const char  *opd_id,
                          GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);

  if (opd_id != NULL)
    stmt = get_select_stmt (self, KIND_REPORT,
                            "WHERE opd_id = ?1 ORDER BY year DESC, month DESC, id", error);
  else
    stmt = get_select_stmt (self, KIND_REPORT,
                            "ORDER BY year DESC, month DESC, opd_id, id", error);
  if (stmt == NULL)
    return NULL;

  if (opd_id != NULL)
    sqlite3_bind_text (stmt, 1, opd_id, -1, SQLITE_TRANSIENT);

  return collect_records (self, KIND_REPORT, stmt, error);
}

/* Canned replies {{{
 *
 * An OPD's reply templates are kept on this computer only: writing them
 * leaves no outbox row, and sync neither sends nor receives them. (The
 * server has the same table, which only its demo fills.)
 */

/* The position after the last template of @opd_id. */
static gboolean
next_reply_position (SigapStore  *self,
                     const char  *opd_id,
                     int         *position,
                     GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self,
                                         "SELECT coalesce (max (position) + 1, 0) "
                                         "FROM reply_template WHERE opd_id = ?1",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, opd_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, &kinds[KIND_REPLY_TEMPLATE], rc, FALSE, error);
      return FALSE;
    }

  *position = (int) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXINT);

  return TRUE;
}

/**
 * sigap_store_insert_reply_template:
 * @self: a #SigapStore
 * @reply: the template, with its OPD, title and body
 * @error: return location for a #SigapStoreError
 *
 * Stores a new canned reply, giving it an id if it has none; a position
 * of -1 puts it after the OPD's last template. It stays on this computer.
 *
 * Returns: %TRUE if stored
 */
gboolean
sigap_store_insert_reply_template (SigapStore          *self,
                                   SigapReplyTemplate  *reply,
                                   GError             **error)
{
  int position;
  gboolean ok;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_REPLY_TEMPLATE (reply), FALSE);

  position = sigap_reply_template_get_position (reply);
  if (position >= 0)
    return insert_record (self, KIND_REPLY_TEMPLATE, G_OBJECT (reply), error);

  if (!savepoint (self, error))
    return FALSE;

  ok = next_reply_position (self, sigap_reply_template_get_opd_id (reply), &position, error);
  if (ok)
    {
      sigap_reply_template_set_position (reply, position);
      ok = insert_record (self, KIND_REPLY_TEMPLATE, G_OBJECT (reply), error);
      if (!ok)
        sigap_reply_template_set_position (reply, -1);
    }

  return release (self, ok, error);
}

/**
 * sigap_store_update_reply_template:
 * @self: a #SigapStore
 * @reply: a stored template
 * @error: return location for a #SigapStoreError
 *
 * Writes @reply's title, body, OPD and position.
 *
 * Returns: %TRUE if stored
 */
gboolean
sigap_store_update_reply_template (SigapStore          *self,
                                   SigapReplyTemplate  *reply,
                                   GError             **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_REPLY_TEMPLATE (reply), FALSE);

  return update_record (self, KIND_REPLY_TEMPLATE, G_OBJECT (reply), error);
}

gboolean
sigap_store_delete_reply_template (SigapStore  *self,
                                   const char  *id,
                                   GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return delete_record (self, KIND_REPLY_TEMPLATE, id, error);
}

/**
 * sigap_store_get_reply_template:
 *
 * Returns: (transfer full) (nullable): the template
 */
SigapReplyTemplate *
sigap_store_get_reply_template (SigapStore  *self,
                                const char  *id,
                                GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return SIGAP_REPLY_TEMPLATE (get_record (self, KIND_REPLY_TEMPLATE, "WHERE id = ?1", id,
                                           error));
}

/**
 * sigap_store_list_reply_templates:
 * @opd_id: (nullable): an OPD, or %NULL for every OPD's
 *
 * Returns: (transfer full) (element-type SigapReplyTemplate) (nullable):
 *   the templates by position (by OPD first, for all of them)
 */
GPtrArray *
sigap_store_list_reply_templates (SigapStore  *self,
                                  const char  *opd_id,
                                  GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);

  if (opd_id != NULL)
    stmt = get_select_stmt (self, KIND_REPLY_TEMPLATE,
                            "WHERE opd_id = ?1 ORDER BY position, title, id", error);
  else
    stmt = get_select_stmt (self, KIND_REPLY_TEMPLATE,
                            "ORDER BY opd_id, position, title, id", error);
  if (stmt == NULL)
    return NULL;

  if (opd_id != NULL)
    sqlite3_bind_text (stmt, 1, opd_id, -1, SQLITE_TRANSIENT);

  return collect_records (self, KIND_REPLY_TEMPLATE, stmt, error);
}

/**
 * sigap_store_move_reply_template:
 * @self: a #SigapStore
 * @id: a stored template
 * @position: where it goes in its OPD's list, from 0 (past the end: last)
 * @error: return location for a #SigapStoreError
 *
 * Moves a template within its OPD's list and numbers the list again from
 * 0, in one write.
 *
 * Returns: %TRUE if moved
 */
gboolean
sigap_store_move_reply_template (SigapStore  *self,
                                 const char  *id,
                                 guint        position,
                                 GError     **error)
{
  g_autoptr(SigapReplyTemplate) moved = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean ok = TRUE;
  guint index;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!savepoint (self, error))
    return FALSE;

  moved = sigap_store_get_reply_template (self, id, error);
  if (moved != NULL)
    list = sigap_store_list_reply_templates (self, sigap_reply_template_get_opd_id (moved),
                                             error);
  if (list == NULL)
    return release (self, FALSE, error);

  for (index = 0; index < list->len; index++)
    if (g_str_equal (sigap_reply_template_get_id (g_ptr_array_index (list, index)), id))
      break;
  g_assert (index < list->len);

  {
    gpointer reply = g_ptr_array_steal_index (list, index);

    g_ptr_array_insert (list, MIN (position, list->len), reply);
  }

  for (guint i = 0; ok && i < list->len; i++)
    {
      SigapReplyTemplate *reply = g_ptr_array_index (list, i);

      if (sigap_reply_template_get_position (reply) == (int) i)
        continue;
      sigap_reply_template_set_position (reply, (int) i);
      ok = update_record (self, KIND_REPLY_TEMPLATE, G_OBJECT (reply), error);
    }

  return release (self, ok, error);
}

/* }}} */

/* Sign-in tokens */

static gboolean
run_token_stmt (SigapStore  *self,
                const char  *sql,
                const char  *text,
                gint64       number,
                GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, number);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * sigap_store_insert_token:
 * @self: a #SigapStore
 * @token_hash: the hex SHA-256 of the token, 64 characters
 * @user_id: the user the token signs in
 * @created_at: UTC seconds
 * @expires_at: UTC seconds after which the token no longer signs in
 * @error: return location for a #SigapStoreError
 *
 * Returns: %TRUE if the token was stored
 */
gboolean
sigap_store_insert_token (SigapStore  *self,
                          const char  *token_hash,
                          const char  *user_id,
                          gint64       created_at,
                          gint64       expires_at,
                          GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);
  g_return_val_if_fail (user_id != NULL, FALSE);

  stmt = get_stmt (self,
                   "INSERT INTO auth_token (token_hash, user_id, created_at, expires_at) "
                   "VALUES (?1, ?2, ?3, ?4)",
                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, user_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, created_at);
  sqlite3_bind_int64 (stmt, 4, expires_at);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * sigap_store_lookup_token:
 * @self: a #SigapStore
 * @token_hash: the hex SHA-256 of the token
 * @now: the current time, UTC seconds
 * @error: return location for a #SigapStoreError, set only when the
 *   database fails
 *
 * Returns: (transfer full) (nullable): the ID of the user @token_hash
 *   signs in, or %NULL if the token is unknown, revoked or expired
 */
char *
sigap_store_lookup_token (SigapStore  *self,
                          const char  *token_hash,
                          gint64       now,
                          GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (token_hash != NULL, NULL);

  stmt = get_stmt (self,
                   "SELECT user_id FROM auth_token "
                   "WHERE token_hash = ?1 AND revoked = 0 AND expires_at > ?2",
                   error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    set_sqlite_error (self, NULL, rc, FALSE, error);

  return NULL;
}

/**
 * sigap_store_revoke_token:
 * @self: a #SigapStore
 * @token_hash: the hex SHA-256 of the token
 * @error: return location for a #SigapStoreError
 *
 * Revokes the token; an unknown token is not an error.
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
sigap_store_revoke_token (SigapStore  *self,
                          const char  *token_hash,
                          GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);

  return run_token_stmt (self, "UPDATE auth_token SET revoked = 1 WHERE token_hash = ?1",
                         token_hash, 0, error);
}

/**
 * sigap_store_revoke_user_tokens:
 * @self: a #SigapStore
 * @user_id: a user ID
 * @error: return location for a #SigapStoreError
 *
 * Revokes every token of @user_id, as when the user is disabled or their
 * password changes.
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
sigap_store_revoke_user_tokens (SigapStore  *self,
                                const char  *user_id,
                                GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (user_id != NULL, FALSE);

  return run_token_stmt (self, "UPDATE auth_token SET revoked = 1 WHERE user_id = ?1",
                         user_id, 0, error);
}

/**
 * sigap_store_delete_expired_tokens:
 * @self: a #SigapStore
 * @now: the current time, UTC seconds
 * @error: return location for a #SigapStoreError
 *
 * Forgets the tokens that expired at or before @now.
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
sigap_store_delete_expired_tokens (SigapStore  *self,
                                   gint64       now,
                                   GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);

  return run_token_stmt (self, "DELETE FROM auth_token WHERE expires_at <= ?1",
                         NULL, now, error);
}

/* Sync {{{ */

static const struct
{
  const char *entity;
  RecordKind kind;
} entities[] = {
  { "opd", KIND_OPD },
  { "account", KIND_ACCOUNT },
  { "user", KIND_USER },
  { "post", KIND_POST },
  { "complaint", KIND_COMPLAINT },
  { "complaint_event", KIND_EVENT },
  { "report", KIND_REPORT },
};

static gboolean
kind_from_entity (const char *entity,
                  RecordKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entities[i].entity, entity) == 0)
      {
        *kind = entities[i].kind;
        return TRUE;
      }

  return FALSE;
}

static void
set_unreadable_error (GError **error)
{
  g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID,
                       _("The server sent a record that Sigap cannot read. Update Sigap; "
                         "if it keeps happening, report the problem to Diskominfo."));
}

static gboolean
run_stmt_text (SigapStore  *self,
               const char  *sql,
               const char  *arg1,
               const char  *arg2,
               GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  if (arg1 != NULL)
    sqlite3_bind_text (stmt, 1, arg1, -1, SQLITE_TRANSIENT);
  if (arg2 != NULL)
    sqlite3_bind_text (stmt, 2, arg2, -1, SQLITE_TRANSIENT);

  return step_done (self, stmt, error);
}

/**
 * sigap_store_set_outbox_enabled:
 * @self: a #SigapStore
 * @enabled: whether local changes go to the outbox
 * @error: return location for a #SigapStoreError
 *
 * Turns the outbox on or off, and remembers it in the database (meta
 * 'outbox') so that it stays so when the store is opened again. While it
 * is on, inserting, updating or deleting a post or a report, inserting a
 * complaint and adding a timeline event each leave a row in the outbox in
 * the same transaction as the change.
 *
 * Returns: %TRUE if the setting was stored
 */
gboolean
sigap_store_set_outbox_enabled (SigapStore  *self,
                                gboolean     enabled,
                                GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);

  if (self->schema_version < 4)
    {
      g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED,
                           _("This database is too old to sync. Open it with the latest "
                             "Sigap to upgrade it, then try again."));
      return FALSE;
    }

  if (!sigap_store_set_meta (self, "outbox", enabled ? "on" : NULL, error))
    return FALSE;

  self->outbox_enabled = !!enabled;

  return TRUE;
}

/**
 * sigap_store_get_outbox_enabled:
 * @self: a #SigapStore
 *
 * Returns: whether local changes go to the outbox
 */
gboolean
sigap_store_get_outbox_enabled (SigapStore *self)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);

  return outbox_active (self);
}

/**
 * sigap_outbox_entry_free:
 * @entry: (transfer full) (nullable): an outbox entry
 */
void
sigap_outbox_entry_free (SigapOutboxEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->entity);
  g_free (entry->record_id);
  g_free (entry->op);
  g_strfreev (entry->fields);
  g_free (entry->payload);
  g_free (entry);
}

/**
 * sigap_store_list_outbox:
 * @self: a #SigapStore
 * @limit: rows to return at most, or 0 for all
 * @error: return location for a #SigapStoreError
 *
 * Returns: (transfer full) (element-type SigapOutboxEntry) (nullable): the
 *   outbox rows, oldest first
 */
GPtrArray *
sigap_store_list_outbox (SigapStore  *self,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);

  stmt = get_stmt (self,
                   "SELECT seq, id, entity, record_id, op, base_version, fields, payload, "
                   "created_at FROM outbox ORDER BY seq LIMIT ?1",
                   error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_outbox_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SigapOutboxEntry *entry = g_new0 (SigapOutboxEntry, 1);
      g_autoptr(GPtrArray) fields = NULL;

      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->op = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->base_version = sqlite3_column_int64 (stmt, 5);
      fields = fields_from_json ((const char *) sqlite3_column_text (stmt, 6));
      if (fields != NULL)
        {
          g_ptr_array_add (fields, NULL);
          entry->fields = (char **) g_ptr_array_steal (fields, NULL);
        }
      entry->payload = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      entry->created_at = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * sigap_store_count_outbox:
 * @self: a #SigapStore
 *
 * Returns: the number of changes waiting to be sent
 */
gint64
sigap_store_count_outbox (SigapStore *self)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), 0);

  if (self->schema_version < 4)
    return 0;

  return count_rows (self, "SELECT count(*) FROM outbox", NULL);
}

/**
 * sigap_store_has_outbox:
 * @self: a #SigapStore
 * @entity: "post", "report", "complaint" or "complaint_event"
 * @record_id: the record's ID
 *
 * Returns: whether a change of the record waits in the outbox
 */
gboolean
sigap_store_has_outbox (SigapStore *self,
                        const char *entity,
                        const char *record_id)
{
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL && record_id != NULL, FALSE);

  if (self->schema_version < 4)
    return FALSE;

  stmt = get_stmt (self, "SELECT 1 FROM outbox WHERE entity = ?1 AND record_id = ?2", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * sigap_store_set_outbox_payload:
 * @self: a #SigapStore
 * @id: the mutation ID of an outbox row
 * @payload: the mutation as sent, JSON
 * @error: return location for a #SigapStoreError
 *
 * Marks the row as sent with @payload: later changes of its record go to
 * a new row, and a retry sends @payload again under the same ID.
 *
 * Returns: %TRUE if stored
 */
gboolean
sigap_store_set_outbox_payload (SigapStore  *self,
                                const char  *id,
                                const char  *payload,
                                GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && payload != NULL, FALSE);

  return run_stmt_text (self, "UPDATE outbox SET payload = ?2 WHERE id = ?1", id, payload,
                        error);
}

/**
 * sigap_store_delete_outbox:
 * @self: a #SigapStore
 * @id: the mutation ID of an outbox row
 * @error: return location for a #SigapStoreError
 *
 * Takes a row out of the outbox once the server has answered it. An
 * unknown ID is not an error.
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
sigap_store_delete_outbox (SigapStore  *self,
                           const char  *id,
                           GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!run_stmt_text (self, "DELETE FROM outbox WHERE id = ?1", id, NULL, error))
    return FALSE;

  outbox_changed (self);

  return TRUE;
}

/**
 * sigap_store_rebase_outbox:
 * @self: a #SigapStore
 * @entity: the entity
 * @record_id: the record's ID
 * @version: the server's version of the record
 * @error: return location for a #SigapStoreError
 *
 * Makes the rows of the record that are not sent yet changes of @version,
 * once the server has answered an earlier change of the same record.
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
sigap_store_rebase_outbox (SigapStore  *self,
                           const char  *entity,
                           const char  *record_id,
                           gint64       version,
                           GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL && record_id != NULL, FALSE);

  stmt = get_stmt (self,
                   "UPDATE outbox SET base_version = ?3 WHERE entity = ?1 AND record_id = ?2 "
                   "AND payload IS NULL AND base_version > 0",
                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, version);

  return step_done (self, stmt, error);
}

/**
 * sigap_store_begin_remote:
 * @self: a #SigapStore
 * @error: return location for a #SigapStoreError
 *
 * Starts a transaction for applying the server's changes, as
 * sigap_store_begin() does, but with references between records not
 * checked until it ends: a page of a pull may bring an OPD before its
 * parent, and the server has checked them.
 *
 * A page of a first sync writes thousands of rows. Until the transaction
 * ends, the connection also
 *
 * - skips the triggers that fill the server's change log, as long as
 *   they are the only triggers besides those of the full-text index of
 *   complaints and the log is off (a desktop never turns it on): they
 *   write nothing, but an insert into a table with a trigger copies every
 *   page it touches into a statement journal. The store then keeps the
 *   full-text index in step itself (see complaint_text_after());
 * - keeps statement journals in memory: once one outgrows its memory,
 *   the rest of the transaction writes them to a temporary file.
 *
 * Until sigap_store_end_remote_pages(), it keeps more pages in memory,
 * 64 MiB rather than 2, so that the index pages that rows touch all over
 * stay there from one page of a pull to the next, and checkpoints the WAL
 * mostly from a thread of its own (see "Checkpoints while pulled pages
 * are written" above).
 *
 * Returns: %TRUE if the transaction started
 */
gboolean
sigap_store_begin_remote (SigapStore  *self,
                          GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);

  if (sqlite3_get_autocommit (self->db) && !self->remote_pages &&
      read_int (self->db, "PRAGMA cache_size", &self->saved_cache_size) == SQLITE_OK &&
      read_int (self->db, "PRAGMA wal_autocheckpoint", &self->saved_autocheckpoint) == SQLITE_OK &&
      sqlite3_exec (self->db, "PRAGMA cache_size = -65536", NULL, NULL, NULL) == SQLITE_OK)
    {
      self->remote_pages = TRUE;
      sqlite3_wal_hook (self->db, remote_wal_hook, self);
    }

  if (sqlite3_get_autocommit (self->db) && !self->remote &&
      read_int (self->db, "PRAGMA temp_store", &self->saved_temp_store) == SQLITE_OK)
    {
      gint64 only_change_log = 0;

      self->remote = TRUE;
      sqlite3_exec (self->db,
                    "PRAGMA foreign_keys = OFF; "
                    "PRAGMA temp_store = MEMORY",
                    NULL, NULL, NULL);

      if (read_int (self->db,
                    "SELECT NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'trigger' "
                    "                   AND sql NOT LIKE '%INSERT INTO change_log (%' "
                    "                   AND name NOT IN ('complaint_fts_insert', "
                    "                                    'complaint_fts_update', "
                    "                                    'complaint_fts_delete')) "
                    "AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'change_log' "
                    "                AND value = 'on')",
                    &only_change_log) == SQLITE_OK && only_change_log &&
          sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL) == SQLITE_OK)
        self->triggers_off = TRUE;
    }

  if (!sigap_store_begin (self, error))
    {
      end_remote (self);
      return FALSE;
    }

  if (self->triggers_off && self->schema_version >= TEXT_INDEX_VERSION)
    {
      g_autofree char *stale = sigap_store_get_meta (self, TEXT_INDEX_STALE);

      self->text_index_deferred = stale != NULL;
    }

  return TRUE;
}

/**
 * sigap_store_end_remote_pages:
 * @self: a #SigapStore
 *
 * Gives back the memory that transactions begun with
 * sigap_store_begin_remote() keep from one to the next; call it when a
 * sync is over.
 */
void
sigap_store_end_remote_pages (SigapStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (SIGAP_IS_STORE (self));

  if (!self->remote_pages || !sqlite3_get_autocommit (self->db))
    return;

  g_clear_pointer (&self->checkpointer, checkpointer_free);
  sqlite3_wal_autocheckpoint (self->db, (int) self->saved_autocheckpoint);

  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, self->saved_cache_size);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  sqlite3_db_release_memory (self->db);
  self->remote_pages = FALSE;
}

/**
 * sigap_store_begin_snapshot:
 * @self: a #SigapStore
 * @error: return location for a #SigapStoreError
 *
 * Tells the store that the pull being written is a snapshot: every
 * record the server has, from the start. Until sigap_store_end_snapshot(),
 * even in a later run, the pull's writes leave the full-text index of
 * complaints alone, and a text search rebuilds it first. Call it inside
 * sigap_store_begin_remote(), in the transaction of the snapshot's first
 * page (or of sigap_store_clear_replica()).
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
sigap_store_begin_snapshot (SigapStore  *self,
                            GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (!sqlite3_get_autocommit (self->db), FALSE);

  if (self->schema_version < TEXT_INDEX_VERSION)
    return TRUE;

  if (!sigap_store_set_meta (self, TEXT_INDEX_STALE, "on", error))
    return FALSE;

  self->text_index_deferred = self->triggers_off;

  return TRUE;
}

/**
 * sigap_store_end_snapshot:
 * @self: a #SigapStore
 * @error: return location for a #SigapStoreError
 *
 * Rebuilds the full-text index of complaints if a snapshot, this one or
 * one cut short before, left it stale; does nothing otherwise. Call it
 * in the transaction of a pull's last page.
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
sigap_store_end_snapshot (SigapStore  *self,
                          GError     **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);

  return update_text_index (self, error);
}

/* Binds @value, as a record holds it, as write_record() binds a property. */
static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            GParamSpec   *pspec,
            const GValue *value)
{
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      if (g_value_get_string (value) != NULL)
        sqlite3_bind_text (stmt, index, g_value_get_string (value), -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, index);
      break;

    case G_TYPE_INT64:
      sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;

    case G_TYPE_INT:
      sqlite3_bind_int (stmt, index, g_value_get_int (value));
      break;

    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
      break;

    case G_TYPE_ENUM:
      {
        const char *nick = enum_to_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                         g_value_get_enum (value));

        if (nick != NULL)
          sqlite3_bind_text (stmt, index, nick, -1, SQLITE_STATIC);
        else
          sqlite3_bind_null (stmt, index);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Binds a member of the server's JSON straight to its column, decoding
 * it as sigap_json_apply_to_record() would onto the record, without a
 * record in between. The text stays @node's: keep it until the step.
 * %FALSE when the member has the wrong type or a value the property
 * does not allow. */
static gboolean
bind_member (sqlite3_stmt         *stmt,
             int                   index,
             GParamSpec           *pspec,
             const SigapJsonValue *node)
{
  SigapJsonKind kind = sigap_json_value_get_kind (node);

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      if (kind == SIGAP_JSON_NULL)
        sqlite3_bind_null (stmt, index);
      else if (kind == SIGAP_JSON_STRING)
        sqlite3_bind_text (stmt, index, sigap_json_value_get_string (node), -1, SQLITE_STATIC);
      else
        return FALSE;
      return TRUE;

    case G_TYPE_INT64:
      {
        GParamSpecInt64 *ispec = G_PARAM_SPEC_INT64 (pspec);
        gint64 n = sigap_json_value_get_int (node);

        if (kind != SIGAP_JSON_INT || n < ispec->minimum || n > ispec->maximum)
          return FALSE;
        sqlite3_bind_int64 (stmt, index, n);
      }
      return TRUE;

    case G_TYPE_INT:
      {
        GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
        gint64 n = sigap_json_value_get_int (node);

        if (kind != SIGAP_JSON_INT || n < ispec->minimum || n > ispec->maximum)
          return FALSE;
        sqlite3_bind_int (stmt, index, (int) n);
      }
      return TRUE;

    case G_TYPE_BOOLEAN:
      if (kind != SIGAP_JSON_BOOLEAN)
        return FALSE;
      sqlite3_bind_int (stmt, index, sigap_json_value_get_boolean (node) ? 1 : 0);
      return TRUE;

    case G_TYPE_ENUM:
      {
        GEnumValue *ev;

        if (kind != SIGAP_JSON_STRING)
          return FALSE;
        ev = g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                       sigap_json_value_get_string (node));
        if (ev == NULL)
          return FALSE;
        sqlite3_bind_text (stmt, index, ev->value_nick, -1, SQLITE_STATIC);
      }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* The column of @table whose member is @name, trying @guess first: the
 * server sends the members in column order. -1 if none. */
static int
member_column (TableInfo  *table,
               const char *name,
               guint       guess)
{
  if (guess < table->n_columns && g_strcmp0 (table->members[guess], name) == 0)
    return (int) guess;

  for (guint i = 0; i < table->n_columns; i++)
    if (g_strcmp0 (table->members[i], name) == 0)
      return (int) i;

  return -1;
}

/*
 * The full-text index of complaints while the triggers are off.
 *
 * sigap_store_begin_remote() turns the triggers off when the only ones
 * besides the change log's are those that keep complaint_fts in step
 * (migration 7). Until the transaction ends, every write to a
 * complaint's text in this file then tells the index itself: it reads
 * the row's text before the write and after it, and has the index
 * forget the old text and take the new. The writes of a pull are these:
 * upsert_remote(), renumber_local_complaint(), sigap_store_remove_local()
 * and sigap_store_clear_replica(); while a snapshot is being pulled they
 * leave the index alone, to be rebuilt at its end (see "The full-text
 * index after a snapshot").
 */

#define FTS_COLUMNS "tracking_number, body, category, kecamatan, desa, citizen_name, " \
                    "citizen_handle"
#define N_FTS_COLUMNS 7

typedef struct
{
  gboolean found;
  gint64 rowid;
  char *values[N_FTS_COLUMNS];
} ComplaintText;

static void
complaint_text_clear (ComplaintText *text)
{
  for (guint i = 0; i < N_FTS_COLUMNS; i++)
    g_clear_pointer (&text->values[i], g_free);
  text->found = FALSE;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComplaintText, complaint_text_clear)

static gboolean
read_complaint_text (SigapStore     *self,
                     const char     *id,
                     ComplaintText  *text,
                     GError        **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self,
                                         "SELECT rowid, " FTS_COLUMNS " FROM complaint "
                                         "WHERE id = ?1",
                                         error);
  int rc;

  complaint_text_clear (text);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      text->found = TRUE;
      text->rowid = sqlite3_column_int64 (stmt, 0);
      for (guint i = 0; i < N_FTS_COLUMNS; i++)
        text->values[i] = g_strdup ((const char *) sqlite3_column_text (stmt, i + 1));
    }
  else if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_complaint_text (SigapStore           *self,
                      gboolean              forget,
                      const ComplaintText  *text,
                      GError              **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  if (forget)
    stmt = get_stmt (self,
                     "INSERT INTO complaint_fts (complaint_fts, rowid, " FTS_COLUMNS ") "
                     "VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                     error);
  else
    stmt = get_stmt (self,
                     "INSERT INTO complaint_fts (rowid, " FTS_COLUMNS ") "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                     error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, text->rowid);
  for (guint i = 0; i < N_FTS_COLUMNS; i++)
    sqlite3_bind_text (stmt, i + 2, text->values[i], -1, SQLITE_STATIC);

  return step_done (self, stmt, error);
}

/* Before a write to complaint @id: its text, if the store must tell the
 * index. */
static gboolean
complaint_text_before (SigapStore     *self,
                       const char     *id,
                       ComplaintText  *old,
                       GError        **error)
{
  complaint_text_clear (old);

  if (!self->triggers_off || self->text_index_deferred)
    return TRUE;

  return read_complaint_text (self, id, old, error);
}

/* After it: tells the index what changed. */
static gboolean
complaint_text_after (SigapStore           *self,
                      const char           *id,
                      const ComplaintText  *old,
                      GError              **error)
{
  g_auto(ComplaintText) new = { 0 };
  gboolean same;

  if (!self->triggers_off || self->text_index_deferred)
    return TRUE;

  if (!read_complaint_text (self, id, &new, error))
    return FALSE;

  same = old->found && new.found && old->rowid == new.rowid;
  for (guint i = 0; same && i < N_FTS_COLUMNS; i++)
    same = g_strcmp0 (old->values[i], new.values[i]) == 0;

  if (same)
    return TRUE;

  return (!old->found || write_complaint_text (self, TRUE, old, error)) &&
         (!new.found || write_complaint_text (self, FALSE, &new, error));
}

/* Gives the complaint other than @id that holds @tracking_number a new
 * number of its own, and sets @moved when there is one. The server never
 * gives a number twice, so such a complaint was recorded here and its
 * number is provisional: the server gives it its own when it receives it
 * (sent already or not), and a later pull brings that. */
static gboolean
renumber_local_complaint (SigapStore  *self,
                          const char  *id,
                          const char  *tracking_number,
                          gboolean    *moved,
                          GError     **error)
{
  g_auto(ComplaintText) old_text = { 0 };
  g_autofree char *holder = NULL;
  g_autofree char *number = NULL;
  gint64 received_at = 0;
  int rc;

  *moved = FALSE;

  if (tracking_number == NULL)
    return TRUE;

  {
    g_autoptr(CachedStmt) stmt = get_stmt (self,
                                           "SELECT id, received_at FROM complaint "
                                           "WHERE tracking_number = ?1 AND id <> ?2",
                                           error);

    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_text (stmt, 1, tracking_number, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      {
        holder = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        received_at = sqlite3_column_int64 (stmt, 1);
      }
    else if (rc != SQLITE_DONE)
      {
        set_sqlite_error (self, NULL, rc, FALSE, error);
        return FALSE;
      }
  }

  if (holder == NULL)
    return TRUE;

  /* Past every number stored, the server's included. */
  number = next_tracking_number (self, received_at, error);
  if (number == NULL ||
      !complaint_text_before (self, holder, &old_text, error) ||
      !run_stmt_text (self,
                      "UPDATE complaint SET tracking_number = ?2 "
                      "WHERE id = ?1",
                      holder, number, error) ||
      !complaint_text_after (self, holder, &old_text, error))
    return FALSE;

  *moved = TRUE;

  return TRUE;
}

/* Inserts or replaces the row of @object, a record as sigap-json encodes
 * it, keeping the server's version and updated_at; a member that is
 * absent takes the value a new record has, one the record does not have
 * is ignored. @complaint_id, if not %NULL, is the timeline event's
 * complaint whatever @object says. A first sync runs this for every
 * record the server has: one pass over the members, one statement. */
static gboolean
upsert_remote (SigapStore            *self,
               RecordKind             kind,
               const SigapJsonValue  *object,
               const char            *complaint_id,
               GError               **error)
{
  TableInfo *table = get_table (self, kind, error);
  g_autoptr(CachedStmt) stmt = NULL;
  g_auto(ComplaintText) old_text = { 0 };
  const SigapJsonValue *node;
  SigapJsonIter iter;
  const char *name;
  const char *id;
  guint64 bound = 0;
  guint guess = 0;
  int rc;

  if (table == NULL)
    return FALSE;

  g_assert (table->n_columns < 64);

  id = sigap_json_value_get_string_member (object, "id");
  if (id == NULL || id[0] == '\0')
    {
      set_unreadable_error (error);
      return FALSE;
    }

  if (kind == KIND_COMPLAINT && !complaint_text_before (self, id, &old_text, error))
    return FALSE;

  /* Prepared once and kept by the statement cache; looking it up there
   * each time would hash its long SQL for every row. */
  if (table->upsert_stmt == NULL)
    table->upsert_stmt = get_stmt (self, table->upsert_sql, error);
  if (table->upsert_stmt == NULL)
    return FALSE;
  stmt = table->upsert_stmt;

  sigap_json_iter_init (&iter, object);
  while (sigap_json_iter_next (&iter, &name, &node))
    {
      int col = member_column (table, name, guess);

      if (col < 0)
        continue;

      if (!bind_member (stmt, col + 1, table->pspecs[col], node))
        {
          g_debug ("Unreadable %s from the server: member '%s'", kinds[kind].table, name);
          set_unreadable_error (error);
          return FALSE;
        }
      bound |= G_GUINT64_CONSTANT (1) << col;
      guess = col + 1;
    }

  for (guint i = 0; i < table->n_columns; i++)
    if ((bound & (G_GUINT64_CONSTANT (1) << i)) == 0)
      bind_value (stmt, i + 1, table->pspecs[i], &table->defaults[i]);

  sqlite3_bind_int64 (stmt, table->n_columns + 1, now_seconds ());

  if (complaint_id != NULL)
    {
      int col = member_column (table, "complaint_id", 0);

      g_assert (col >= 0);
      sqlite3_bind_text (stmt, col + 1, complaint_id, -1, SQLITE_STATIC);
    }

  rc = sqlite3_step (stmt);

  /* A complaint recorded here and not synced yet holds the number the
   * server gave this one: it was only provisional, so it makes way. */
  if ((rc & 0xff) == SQLITE_CONSTRAINT && kind == KIND_COMPLAINT)
    {
      gboolean moved = FALSE;

      sqlite3_reset (stmt);
      if (!renumber_local_complaint (self, id,
                                     sigap_json_value_get_string_member (object,
                                                                         "tracking_number"),
                                     &moved, error))
        return FALSE;
      if (moved)
        rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, &kinds[kind], rc, FALSE, error);
      return FALSE;
    }

  /* The statement is done with: reading the row may use the cache. */
  sqlite3_reset (stmt);

  return kind != KIND_COMPLAINT || complaint_text_after (self, id, &old_text, error);
}

/* Sets @post's variants from @array as sigap-json encodes them; %FALSE
 * if an element cannot be read. */
static gboolean
set_variants_from_json (SigapPost *post,
                        JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      static const char * const members[] = { "platform", "title", "body", "published_url",
                                              NULL };
      JsonObject *element = json_array_get_object_element (array, i);
      g_autoptr(SigapPostVariant) variant = sigap_post_variant_new ();

      if (element == NULL ||
          !sigap_json_apply_to_record (element, G_OBJECT (variant), members, NULL, NULL))
        return FALSE;

      sigap_post_set_variant (post, variant);
    }

  return TRUE;
}

static gboolean
apply_variants (SigapStore            *self,
                const char            *post_id,
                const SigapJsonValue  *object,
                GError               **error)
{
  static const char * const members[] = { "title", "body", "published_url" };
  const SigapJsonValue *variants = sigap_json_value_get_member (object, "variants");
  const SigapJsonValue *variant;
  SigapJsonIter iter;

  if (variants == NULL)
    return TRUE;

  if (sigap_json_value_get_kind (variants) != SIGAP_JSON_ARRAY)
    {
      set_unreadable_error (error);
      return FALSE;
    }

  if (!run_stmt_text (self, "DELETE FROM post_variant WHERE post_id = ?1", post_id, NULL,
                      error))
    return FALSE;

  sigap_json_iter_init (&iter, variants);
  while (sigap_json_iter_next (&iter, NULL, &variant))
    {
      g_autoptr(CachedStmt) stmt = NULL;
      const SigapJsonValue *platform;
      GEnumValue *ev = NULL;
      int rc;

      if (sigap_json_value_get_kind (variant) != SIGAP_JSON_OBJECT)
        {
          set_unreadable_error (error);
          return FALSE;
        }

      /* A later variant for the same platform replaces an earlier one, as
       * sigap_post_set_variant() does. */
      stmt = get_stmt (self,
                       "INSERT OR REPLACE INTO post_variant "
                       "(post_id, platform, title, body, published_url) "
                       "VALUES (?1, ?2, ?3, ?4, ?5)",
                       error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, post_id, -1, SQLITE_STATIC);

      /* Without a platform, the variant is a new one's: Facebook. */
      platform = sigap_json_value_get_member (variant, "platform");
      if (platform == NULL)
        {
          g_autoptr(SigapPostVariant) blank = sigap_post_variant_new ();

          ev = g_enum_get_value (self->platforms, sigap_post_variant_get_platform (blank));
        }
      else if (sigap_json_value_get_kind (platform) == SIGAP_JSON_STRING)
        ev = g_enum_get_value_by_nick (self->platforms, sigap_json_value_get_string (platform));

      if (ev == NULL)
        {
          set_unreadable_error (error);
          return FALSE;
        }
      sqlite3_bind_text (stmt, 2, ev->value_nick, -1, SQLITE_STATIC);

      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          const SigapJsonValue *node = sigap_json_value_get_member (variant, members[m]);
          SigapJsonKind node_kind = node != NULL ? sigap_json_value_get_kind (node)
                                                 : SIGAP_JSON_NULL;

          if (node_kind == SIGAP_JSON_NULL)
            sqlite3_bind_null (stmt, 3 + m);
          else if (node_kind == SIGAP_JSON_STRING)
            sqlite3_bind_text (stmt, 3 + m, sigap_json_value_get_string (node), -1,
                               SQLITE_STATIC);
          else
            {
              set_unreadable_error (error);
              return FALSE;
            }
        }

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (self, &kinds[KIND_POST], rc, FALSE, error);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
apply_events (SigapStore            *self,
              const char            *complaint_id,
              const SigapJsonValue  *object,
              GError               **error)
{
  const SigapJsonValue *events = sigap_json_value_get_member (object, "events");
  const SigapJsonValue *event;
  SigapJsonIter iter;

  if (events == NULL)
    return TRUE;

  if (sigap_json_value_get_kind (events) != SIGAP_JSON_ARRAY)
    {
      set_unreadable_error (error);
      return FALSE;
    }

  /* An event made here and not sent yet stays: the server's timeline
   * cannot have it yet, and dropping it would lose it. */
  if (!run_stmt_text (self,
                      "DELETE FROM complaint_event WHERE complaint_id = ?1 AND id NOT IN "
                      "(SELECT record_id FROM outbox WHERE entity = 'complaint_event')",
                      complaint_id, NULL, error))
    return FALSE;

  sigap_json_iter_init (&iter, events);
  while (sigap_json_iter_next (&iter, NULL, &event))
    {
      if (sigap_json_value_get_kind (event) != SIGAP_JSON_OBJECT)
        {
          set_unreadable_error (error);
          return FALSE;
        }

      if (!upsert_remote (self, KIND_EVENT, event, complaint_id, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sigap_store_apply_remote_value:
 * @self: a #SigapStore
 * @entity: as for sigap_store_apply_remote()
 * @record: an object of a #SigapJsonDoc: the server's copy of the record
 * @error: return location for a #SigapStoreError
 *
 * Does what sigap_store_apply_remote() does, for a pull that applies a
 * page of records in one transaction begun with
 * sigap_store_begin_remote(): without a savepoint of its own, so a
 * failure may leave part of the record written. Roll the transaction
 * back then, as a pull does with its page.
 *
 * Returns: %TRUE if the record was stored
 */
gboolean
sigap_store_apply_remote_value (SigapStore            *self,
                                const char            *entity,
                                const SigapJsonValue  *record,
                                GError               **error)
{
  RecordKind kind;
  const char *id;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!kind_from_entity (entity, &kind) ||
      sigap_json_value_get_kind (record) != SIGAP_JSON_OBJECT)
    {
      set_unreadable_error (error);
      return FALSE;
    }

  if (!upsert_remote (self, kind, record, NULL, error))
    return FALSE;

  id = sigap_json_value_get_string_member (record, "id");

  if (kind == KIND_POST)
    return apply_variants (self, id, record, error);
  if (kind == KIND_COMPLAINT)
    return apply_events (self, id, record, error);

  return TRUE;
}

/**
 * sigap_store_apply_remote:
 * @self: a #SigapStore
 * @entity: "opd", "account", "user", "post", "complaint", "complaint_event"
 *   or "report"
 * @record: the server's copy of the record, as sigap-json encodes it; a
 *   post may carry its "variants" and a complaint its "events"
 * @error: return location for a #SigapStoreError
 *
 * Inserts or replaces the local copy of a record with the server's,
 * keeping the server's version and updated_at, and never writing the
 * outbox. A post's variants and a complaint's timeline are replaced by
 * those @record carries, if it carries them. A record with a member of
 * the wrong type or an unknown value is refused whole.
 *
 * Returns: %TRUE if the record was stored
 */
gboolean
sigap_store_apply_remote (SigapStore  *self,
                          const char  *entity,
                          JsonObject  *record,
                          GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(SigapJsonDoc) doc = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  /* One record: reading it again costs nothing next to writing it, and
   * keeps one decoder for records from the server. */
  node = json_node_init_object (json_node_alloc (), record);
  text = json_to_string (node, FALSE);
  doc = sigap_json_doc_parse (text, strlen (text), NULL);
  if (doc == NULL)
    {
      set_unreadable_error (error);
      return FALSE;
    }

  if (!savepoint (self, error))
    return FALSE;

  ok = sigap_store_apply_remote_value (self, entity, sigap_json_doc_get_root (doc), error);

  return release (self, ok, error);
}

/**
 * sigap_store_remove_local:
 * @self: a #SigapStore
 * @entity: the entity, as for sigap_store_apply_remote()
 * @id: the record's ID
 * @error: return location for a #SigapStoreError
 *
 * Deletes the local copy of a record that the server deleted or that
 * left the user's scope, with its variants or timeline, without writing
 * the outbox. A record that is not there is not an error.
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
sigap_store_remove_local (SigapStore  *self,
                          const char  *entity,
                          const char  *id,
                          GError     **error)
{
  g_auto(ComplaintText) old_text = { 0 };
  g_autofree char *sql = NULL;
  RecordKind kind;
  gboolean ok = TRUE;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL && id != NULL, FALSE);

  if (!kind_from_entity (entity, &kind))
    {
      set_unreadable_error (error);
      return FALSE;
    }

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", kinds[kind].table);

  if (!savepoint (self, error))
    return FALSE;

  if (kind == KIND_POST)
    ok = run_stmt_text (self, "DELETE FROM post_variant WHERE post_id = ?1", id, NULL, error);
  else if (kind == KIND_COMPLAINT)
    ok = run_stmt_text (self, "DELETE FROM complaint_event WHERE complaint_id = ?1", id, NULL,
                        error) &&
         complaint_text_before (self, id, &old_text, error);

  ok = ok && run_stmt_text (self, sql, id, NULL, error);

  if (kind == KIND_COMPLAINT)
    ok = ok && complaint_text_after (self, id, &old_text, error);

  return release (self, ok, error);
}

/**
 * sigap_store_set_synced_version:
 * @self: a #SigapStore
 * @entity: the entity
 * @id: the record's ID
 * @version: the version the server gave the record
 * @error: return location for a #SigapStoreError
 *
 * Sets the local copy's version to the server's once the server has
 * applied a pushed change, leaving its fields as they are. A record that
 * is not there is not an error.
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
sigap_store_set_synced_version (SigapStore  *self,
                                const char  *entity,
                                const char  *id,
                                gint64       version,
                                GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  RecordKind kind;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL && id != NULL, FALSE);

  if (!kind_from_entity (entity, &kind))
    {
      set_unreadable_error (error);
      return FALSE;
    }

  /* Timeline events have no version. */
  if (kind == KIND_EVENT)
    return TRUE;

  sql = g_strdup_printf ("UPDATE %s SET version = ?2 WHERE id = ?1", kinds[kind].table);
  stmt = get_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, version);

  return step_done (self, stmt, error);
}

/**
 * sigap_store_clear_replica:
 * @self: a #SigapStore
 * @error: return location for a #SigapStoreError
 *
 * Forgets every record the server sent, before pulling everything again
 * when the server cannot continue from the stored cursor. The outbox is
 * kept, and so are the records it still has to send. Call it inside
 * sigap_store_begin_remote().
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
sigap_store_clear_replica (SigapStore  *self,
                           GError     **error)
{
  static const char * const statements[] = {
    "DELETE FROM complaint_event WHERE id NOT IN "
    "(SELECT record_id FROM outbox WHERE entity = 'complaint_event') AND complaint_id NOT IN "
    "(SELECT record_id FROM outbox WHERE entity = 'complaint')",
    "DELETE FROM complaint WHERE id NOT IN "
    "(SELECT record_id FROM outbox WHERE entity = 'complaint') AND id NOT IN "
    "(SELECT e.complaint_id FROM complaint_event e JOIN outbox o "
    " ON o.entity = 'complaint_event' AND o.record_id = e.id)",
    "DELETE FROM post_variant WHERE post_id NOT IN "
    "(SELECT record_id FROM outbox WHERE entity = 'post')",
    "DELETE FROM post WHERE id NOT IN (SELECT record_id FROM outbox WHERE entity = 'post')",
    "DELETE FROM report WHERE id NOT IN (SELECT record_id FROM outbox WHERE entity = 'report')",
    "DELETE FROM account",
    "DELETE FROM app_user",
    "DELETE FROM opd",
  };
  gboolean ok = TRUE;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);

  if (!savepoint (self, error))
    return FALSE;

  /* The complaints the DELETE below removes, with the triggers off,
   * unless the index is to be rebuilt */
  if (self->triggers_off && !self->text_index_deferred)
    ok = exec_sql (self,
                   "INSERT INTO complaint_fts (complaint_fts, rowid, " FTS_COLUMNS ") "
                   "SELECT 'delete', rowid, " FTS_COLUMNS " FROM complaint WHERE id NOT IN "
                   "(SELECT record_id FROM outbox WHERE entity = 'complaint') AND id NOT IN "
                   "(SELECT e.complaint_id FROM complaint_event e JOIN outbox o "
                   " ON o.entity = 'complaint_event' AND o.record_id = e.id)",
                   error);

  for (guint i = 0; ok && i < G_N_ELEMENTS (statements); i++)
    ok = exec_sql (self, statements[i], error);

  return release (self, ok, error);
}

/**
 * sigap_store_get_record_json:
 * @self: a #SigapStore
 * @entity: the entity, as for sigap_store_apply_remote()
 * @id: the record's ID
 * @error: return location for a #SigapStoreError
 *
 * Encodes the stored record with sigap-json, a post with its "variants",
 * as the sync client pushes it.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with
 *   %SIGAP_STORE_ERROR_NOT_FOUND
 */
JsonObject *
sigap_store_get_record_json (SigapStore  *self,
                             const char  *entity,
                             const char  *id,
                             GError     **error)
{
  static const char * const user_exclude[] = { "password_hash", NULL };
  g_autoptr(GObject) record = NULL;
  RecordKind kind;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL && id != NULL, NULL);

  if (!kind_from_entity (entity, &kind))
    {
      set_unreadable_error (error);
      return NULL;
    }

  if (kind == KIND_POST)
    record = G_OBJECT (sigap_store_get_post (self, id, error));
  else
    record = get_record (self, kind, "WHERE id = ?1", id, error);
  if (record == NULL)
    return NULL;

  if (kind == KIND_POST)
    return sigap_json_object_from_post (SIGAP_POST (record));

  return sigap_json_object_from_record (record, kind == KIND_USER ? user_exclude : NULL);
}

/**
 * sigap_store_add_post_revision:
 * @self: a #SigapStore
 * @post_id: the post
 * @version: the version of the post the revision belongs to
 * @kind: "accepted" or "losing-edit"
 * @author_id: (nullable): who wrote it
 * @fields: the fields and their values, as sigap-json encodes them
 * @error: return location for a #SigapStoreError
 *
 * Keeps a version of a post's text; on the desktop, the edits that lost
 * a conflict, so the user can take them up again.
 *
 * Returns: %TRUE if stored
 */
gboolean
sigap_store_add_post_revision (SigapStore  *self,
                               const char  *post_id,
                               gint64       version,
                               const char  *kind,
                               const char  *author_id,
                               JsonObject  *fields,
                               GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (post_id != NULL && kind != NULL && fields != NULL, FALSE);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, fields);
  text = json_to_string (node, FALSE);

  stmt = get_stmt (self,
                   "INSERT INTO post_revision (post_id, version, kind, author_id, fields, "
                   "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, post_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_TRANSIENT);
  if (author_id != NULL)
    sqlite3_bind_text (stmt, 4, author_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, now_seconds ());

  if (!step_done (self, stmt, error))
    return FALSE;

  return TRUE;
}

/**
 * sigap_store_list_post_revisions:
 * @self: a #SigapStore
 * @post_id: the post
 * @kind: (nullable): "accepted", "losing-edit", or %NULL for both
 * @error: return location for a #SigapStoreError
 *
 * Returns: (transfer full) (element-type JsonObject) (nullable): the
 *   revisions, oldest first, each {"version", "kind", "author_id",
 *   "fields", "created_at"}
 */
GPtrArray *
sigap_store_list_post_revisions (SigapStore  *self,
                                 const char  *post_id,
                                 const char  *kind,
                                 GError     **error)
{
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);
  g_return_val_if_fail (post_id != NULL, NULL);

  stmt = get_stmt (self,
                   "SELECT version, kind, author_id, fields, created_at FROM post_revision "
                   "WHERE post_id = ?1 AND (?2 IS NULL OR kind = ?2) ORDER BY id",
                   error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, post_id, -1, SQLITE_TRANSIENT);
  if (kind != NULL)
    sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);

  revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *revision = json_object_new ();
      const char *fields = (const char *) sqlite3_column_text (stmt, 3);

      json_object_set_int_member (revision, "version", sqlite3_column_int64 (stmt, 0));
      json_object_set_string_member (revision, "kind",
                                     (const char *) sqlite3_column_text (stmt, 1));
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        json_object_set_null_member (revision, "author_id");
      else
        json_object_set_string_member (revision, "author_id",
                                       (const char *) sqlite3_column_text (stmt, 2));
      if (fields != NULL && json_parser_load_from_data (parser, fields, -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        json_object_set_object_member (revision, "fields",
                                       json_object_ref (json_node_get_object (
                                         json_parser_get_root (parser))));
      else
        json_object_set_object_member (revision, "fields", json_object_new ());
      json_object_set_int_member (revision, "created_at", sqlite3_column_int64 (stmt, 4));
      g_ptr_array_add (revisions, revision);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      return NULL;
    }

  return g_steal_pointer (&revisions);
}

/* }}} */

static gboolean
check_integrity (const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  int rc;

  /* A connection of its own, read-only: the check may run in a thread
   * while the store serves the window. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = quick_check (db, &ok);
  sqlite3_close (db);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT ||
      (rc == SQLITE_OK && !ok))
    {
      g_autofree char *display = display_path (path);

      g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_CORRUPT,
                   _("The database at %s is damaged. Close Sigap and restore the file "
                     "from a backup."),
                   display);
      return FALSE;
    }
  else if (rc != SQLITE_OK)
    {
      set_open_error (path, sqlite3_errstr (rc), error);
      return FALSE;
    }

  return TRUE;
}

static void
check_integrity_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GError *error = NULL;

  if (check_integrity (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sigap_store_check_integrity_async:
 * @self: a #SigapStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the check is done
 * @user_data: data for @callback
 *
 * Reads the whole database file in a thread, through a read-only
 * connection of its own, and reports damage that opening, which reads only
 * the header and the schema, cannot see.
 */
void
sigap_store_check_integrity_async (SigapStore          *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SIGAP_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_store_check_integrity_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, check_integrity_thread);
}

/**
 * sigap_store_check_integrity_finish:
 * @self: a #SigapStore
 * @result: the #GAsyncResult
 * @error: SIGAP_STORE_ERROR_CORRUPT when the file is damaged
 *
 * Returns: %TRUE when the whole file is sound
 */
gboolean
sigap_store_check_integrity_finish (SigapStore    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/*
 * Conflicts over a post, on the desktop.
 *
 * When the server keeps its own value of a field the user also changed,
 * the sync client stores the user's value as an open "losing-edit"
 * revision and takes the server's post. The user then sees both and keeps
 * one or merges them; either way both versions stay in post_revision.
 */

static void
merge_members (JsonObject *into,
               JsonObject *from)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, from);
  while (json_object_iter_next (&iter, &member, &node))
    json_object_set_member (into, member, json_node_copy (node));
}

static int
compare_newest_conflict (gconstpointer a,
                         gconstpointer b)
{
  gint64 ra = json_object_get_int_member (*(JsonObject **) a, "revision");
  gint64 rb = json_object_get_int_member (*(JsonObject **) b, "revision");

  return (rb > ra) - (rb < ra);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/**
 * sigap_store_list_post_conflicts:
 * @self: a #SigapStore
 * @opd_id: (nullable): only the posts of this agency, or %NULL for all
 * @error: return location for a #SigapStoreError
 *
 * Lists the posts whose local edits lost to the server's and that the
 * user has not yet looked at, newest first. Several open losing edits of
 * one post come as one, the newer value of a field over the older.
 *
 * Returns: (transfer full) (element-type JsonObject) (nullable): one
 *   {"post_id", "created_at", "revision", "fields"} per post
 */
GPtrArray *
sigap_store_list_post_conflicts (SigapStore  *self,
                                 const char  *opd_id,
                                 GError     **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GHashTable) by_post = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_STORE (self), NULL);

  if (self->schema_version < 5)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  /* Oldest first, so that a newer edit's value of a field wins. */
  stmt = get_stmt (self,
                   "SELECT r.post_id, r.fields, r.created_at, r.id FROM post_revision r "
                   "JOIN post p ON p.id = r.post_id "
                   "WHERE r.kind = 'losing-edit' AND r.resolved_at IS NULL "
                   "AND (?1 IS NULL OR p.opd_id = ?1) ORDER BY r.id",
                   error);
  if (stmt == NULL)
    return NULL;

  if (opd_id != NULL)
    sqlite3_bind_text (stmt, 1, opd_id, -1, SQLITE_TRANSIENT);

  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  by_post = g_hash_table_new (g_str_hash, g_str_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *post_id = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(JsonObject) fields = parse_object ((const char *) sqlite3_column_text (stmt, 1));
      JsonObject *conflict = g_hash_table_lookup (by_post, post_id);

      if (fields == NULL)
        continue;

      if (conflict == NULL)
        {
          conflict = json_object_new ();
          json_object_set_string_member (conflict, "post_id", post_id);
          json_object_set_object_member (conflict, "fields", json_object_new ());
          g_ptr_array_add (conflicts, conflict);
          g_hash_table_insert (by_post,
                               (gpointer) json_object_get_string_member (conflict, "post_id"),
                               conflict);
        }
      json_object_set_int_member (conflict, "created_at", sqlite3_column_int64 (stmt, 2));
      json_object_set_int_member (conflict, "revision", sqlite3_column_int64 (stmt, 3));
      merge_members (json_object_get_object_member (conflict, "fields"), fields);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, NULL, rc, FALSE, error);
      return NULL;
    }

  /* Newest first, by each post's last losing edit. */
  g_ptr_array_sort (conflicts, compare_newest_conflict);

  return g_steal_pointer (&conflicts);
}

/**
 * sigap_store_count_post_conflicts:
 * @self: a #SigapStore
 * @opd_id: (nullable): only the posts of this agency, or %NULL for all
 *
 * Returns: how many posts sigap_store_list_post_conflicts() would list
 */
guint
sigap_store_count_post_conflicts (SigapStore *self,
                                  const char *opd_id)
{
  g_autoptr(CachedStmt) stmt = NULL;
  guint count = 0;

  g_return_val_if_fail (SIGAP_IS_STORE (self), 0);

  if (self->schema_version < 5)
    return 0;

  stmt = get_stmt (self,
                   "SELECT count (DISTINCT r.post_id) FROM post_revision r "
                   "JOIN post p ON p.id = r.post_id "
                   "WHERE r.kind = 'losing-edit' AND r.resolved_at IS NULL "
                   "AND (?1 IS NULL OR p.opd_id = ?1)",
                   NULL);
  if (stmt == NULL)
    return 0;

  if (opd_id != NULL)
    sqlite3_bind_text (stmt, 1, opd_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);

  return count;
}

/* Sets @post's fields named in @kept to their values there. */
static gboolean
apply_kept_fields (SigapPost   *post,
                   JsonObject  *kept,
                   GError     **error)
{
  static const char * const scalars[] = { "title", "body", "category", "status",
                                          "scheduled_at", "published_at", NULL };
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, kept);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (g_strv_contains (scalars, member))
        {
          g_autoptr(JsonObject) one = json_object_new ();
          const char * const members[] = { member, NULL };

          json_object_set_member (one, member, json_node_copy (node));
          if (!sigap_json_apply_to_record (one, G_OBJECT (post), members, NULL, NULL))
            {
              g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID,
                           _("The kept value of “%s” cannot be read."), member);
              return FALSE;
            }
        }
      else if (g_str_equal (member, "variants") && JSON_NODE_HOLDS_ARRAY (node))
        {
          GPtrArray *old = sigap_post_get_variants (post);

          while (old->len > 0)
            sigap_post_remove_variant (post, sigap_post_variant_get_platform (
                                               g_ptr_array_index (old, 0)));
          if (!set_variants_from_json (post, json_node_get_array (node)))
            {
              g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID,
                           _("The kept value of “%s” cannot be read."), member);
              return FALSE;
            }
        }
      /* Any other member is not the user's to choose; it stays the
       * server's. */
    }

  return TRUE;
}

/**
 * sigap_store_resolve_post_conflict:
 * @self: a #SigapStore
 * @post_id: the post
 * @kept: (nullable): the values the user keeps where they are not the
 *   server's, as sigap-json encodes them; %NULL or empty to keep the
 *   server's version
 * @error: return location for a #SigapStoreError
 *
 * Closes the post's open conflict in one transaction: writes @kept into
 * the post (so, with the outbox on, it goes to the server), keeps the
 * server's values it replaces as a revision, and marks the losing edits
 * resolved. Nothing is deleted: both versions stay in the post's history.
 *
 * Returns: %TRUE if resolved
 */
gboolean
sigap_store_resolve_post_conflict (SigapStore  *self,
                                   const char  *post_id,
                                   JsonObject  *kept,
                                   GError     **error)
{
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(JsonObject) current = NULL;
  g_autoptr(JsonObject) replaced = json_object_new ();
  g_autoptr(JsonObject) changed = json_object_new ();
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (post_id != NULL, FALSE);

  if (!sigap_store_begin (self, error))
    return FALSE;

  post = sigap_store_get_post (self, post_id, error);
  if (post == NULL)
    goto fail;

  current = sigap_json_object_from_post (post);
  if (kept != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *node;

      json_object_iter_init (&iter, kept);
      while (json_object_iter_next (&iter, &member, &node))
        {
          JsonNode *theirs = json_object_get_member (current, member);

          if (theirs != NULL && json_node_equal (theirs, node))
            continue;
          json_object_set_member (changed, member, json_node_copy (node));
          if (theirs != NULL)
            json_object_set_member (replaced, member, json_node_copy (theirs));
        }
    }

  if (json_object_get_size (changed) > 0)
    {
      if (json_object_get_size (replaced) > 0 &&
          !sigap_store_add_post_revision (self, post_id, sigap_post_get_version (post),
                                          "accepted", NULL, replaced, error))
        goto fail;
      if (!apply_kept_fields (post, changed, error) ||
          !sigap_store_update_post (self, post, error))
        goto fail;
    }

  stmt = get_stmt (self,
                   "UPDATE post_revision SET resolved_at = ?2 WHERE post_id = ?1 "
                   "AND kind = 'losing-edit' AND resolved_at IS NULL",
                   error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, post_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now_seconds ());
  if (!step_done (self, stmt, error))
    goto fail;

  return sigap_store_commit (self, error);

fail:
  sigap_store_rollback (self);
  return FALSE;
}
