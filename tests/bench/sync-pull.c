/* sync-pull.c — the first sync of a desktop from a loaded server
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: sync-pull URL USERNAME PASSWORD DIR
 *
 * Signs in to the server at URL, syncs into a new database DIR/client.db
 * and then writes the same rows into DIR/bulk.db with plain SQLite
 * (INSERT … SELECT, one transaction; the triggers index the complaints'
 * text as they do in a sync). Prints, one per line:
 *   sync_s SECONDS
 *   bulk_s SECONDS
 *   complaints N
 *   cursor CURSOR
 *   token TOKEN
 * build-aux/bench.py reads them.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "sigap-sync-client.h"

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
check (gboolean      ok,
       const GError *error)
{
  if (!ok)
    {
      g_printerr ("sync-pull: %s\n", error != NULL ? error->message : "failed");
      exit (1);
    }
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("sync-pull: %s: %s\n", sql, message);
      exit (1);
    }
}

/* Copies every row of the synced database's tables into @bulk, which has
 * the same schema, in one transaction. */
static double
bulk_copy (const char *client_path,
           const char *bulk_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStore) bulk = sigap_store_open (bulk_path, &error);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  char *attach;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  gint64 start;

  check (bulk != NULL, error);
  db = sigap_store_get_connection (bulk);
  attach = sqlite3_mprintf ("ATTACH DATABASE %Q AS synced", client_path);
  exec_sql (db, attach);
  sqlite3_free (attach);

  /* Not the full-text index's own tables (type 'shadow'): the
   * triggers fill it from the rows, as they do in a sync. */
  sqlite3_prepare_v2 (db, "SELECT s.name FROM synced.sqlite_schema s "
                      "JOIN pragma_table_list l ON l.schema = 'synced' AND l.name = s.name "
                      "WHERE s.type = 'table' AND l.type = 'table' "
                      "AND s.name NOT LIKE 'sqlite_%' AND s.name NOT IN ('meta', 'outbox') "
                      "ORDER BY s.rowid", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  /* A fresh database may hold rows of its own (none, usually): start
   * empty, outside the timing. */
  exec_sql (db, "BEGIN");
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM main.\"%s\"",
                                              (char *) tables->pdata[i]);
      exec_sql (db, sql);
    }
  exec_sql (db, "COMMIT");

  start = g_get_monotonic_time ();
  exec_sql (db, "BEGIN");
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO main.\"%s\" SELECT * FROM synced.\"%s\"",
                                              (char *) tables->pdata[i],
                                              (char *) tables->pdata[i]);
      exec_sql (db, sql);
    }
  exec_sql (db, "COMMIT");

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) login = NULL;
  g_autoptr(GAsyncResult) sync = NULL;
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(SigapSyncClient) client = NULL;
  g_autoptr(SigapUser) user = NULL;
  g_autofree char *client_path = NULL;
  g_autofree char *bulk_path = NULL;
  g_autofree char *token = NULL;
  g_autofree char *cursor = NULL;
  gint64 start;
  double sync_s;
  double bulk_s;
  gint64 complaints;

  if (argc != 5)
    {
      g_printerr ("usage: sync-pull URL USERNAME PASSWORD DIR\n");
      return 2;
    }

  client_path = g_build_filename (argv[4], "client.db", NULL);
  bulk_path = g_build_filename (argv[4], "bulk.db", NULL);

  store = sigap_store_open (client_path, &error);
  check (store != NULL, error);
  check (sigap_store_set_outbox_enabled (store, TRUE, &error), error);
  client = sigap_sync_client_new (store, argv[1]);

  sigap_sync_client_login_async (client, argv[2], argv[3], NULL, done_cb, &login);
  while (login == NULL)
    g_main_context_iteration (NULL, TRUE);
  check (sigap_sync_client_login_finish (client, login, &token, &user, &error), error);

  start = g_get_monotonic_time ();
  sigap_sync_client_sync_async (client, NULL, done_cb, &sync);
  while (sync == NULL)
    g_main_context_iteration (NULL, TRUE);
  check (sigap_sync_client_sync_finish (client, sync, &error), error);
  sync_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  complaints = sigap_store_count_complaints (store, NULL);
  cursor = sigap_store_get_meta (store, "sync_cursor");
  g_clear_object (&client);
  g_clear_object (&store);

  bulk_s = bulk_copy (client_path, bulk_path);

  printf ("sync_s %.3f\nbulk_s %.3f\ncomplaints %" G_GINT64_FORMAT "\ncursor %s\ntoken %s\n",
          sync_s, bulk_s, complaints, cursor != NULL ? cursor : "", token);

  return 0;
}
