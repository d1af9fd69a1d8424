/* test-outbox.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sigap-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
  SigapStore *store;
  SigapOpd *opd;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sigap_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "sigap.db", NULL);
  f->store = sigap_store_open (f->path, &error);
  g_assert_no_error (error);

  f->opd = sigap_opd_new ();
  sigap_opd_set_code (f->opd, "dinkes");
  sigap_opd_set_name (f->opd, "Dinas Kesehatan");
  sigap_store_insert_opd (f->store, f->opd, &error);
  g_assert_no_error (error);

  sigap_store_set_outbox_enabled (f->store, TRUE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->opd);
  g_clear_object (&f->store);
  sigap_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GPtrArray *
outbox (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = sigap_store_list_outbox (f->store, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);

  return entries;
}

static SigapOutboxEntry *
only_entry (GPtrArray *entries)
{
  g_assert_cmpuint (entries->len, ==, 1);

  return g_ptr_array_index (entries, 0);
}

static SigapPost *
insert_post (Fixture    *f,
             const char *title)
{
  g_autoptr(GError) error = NULL;
  SigapPost *post = sigap_post_new ();

  sigap_post_set_opd_id (post, sigap_opd_get_id (f->opd));
  sigap_post_set_title (post, title);
  sigap_post_set_body (post, "Isi");
  sigap_post_set_scheduled_at (post, 1752710400);
  sigap_store_insert_post (f->store, post, &error);
  g_assert_no_error (error);

  return post;
}

/* The server took the row: what follows goes to a new row. */
static void
mark_all_sent (Fixture *f)
{
  g_autoptr(GPtrArray) entries = outbox (f);

  for (guint i = 0; i < entries->len; i++)
    {
      SigapOutboxEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GError) error = NULL;

      sigap_store_delete_outbox (f->store, entry->id, &error);
      g_assert_no_error (error);
    }
}

static void
test_enabled_persists (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sigap_store_get_outbox_enabled (f->store));
  g_clear_object (&f->store);

  f->store = sigap_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_store_get_outbox_enabled (f->store));

  sigap_store_set_outbox_enabled (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  f->store = sigap_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (sigap_store_get_outbox_enabled (f->store));

  /* Off: writes leave nothing. */
  g_clear_object (&f->opd);
  f->opd = sigap_store_find_opd_by_code (f->store, "dinkes", &error);
  g_assert_no_error (error);
  g_object_unref (insert_post (f, "Diam"));
  g_assert_cmpint (sigap_store_count_outbox (f->store), ==, 0);
}

static void
test_post_coalesce (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) post = insert_post (f, "Judul");
  g_autoptr(SigapPostVariant) variant = sigap_post_variant_new ();
  g_autoptr(GPtrArray) entries = NULL;
  SigapOutboxEntry *entry;
  guint n_signals = 0;

  entries = outbox (f);
  entry = only_entry (entries);
  g_assert_cmpstr (entry->entity, ==, "post");
  g_assert_cmpstr (entry->record_id, ==, sigap_post_get_id (post));
  g_assert_cmpstr (entry->op, ==, "upsert");
  g_assert_cmpint (entry->base_version, ==, 0);
  g_assert_null (entry->fields);
  g_assert_true (g_uuid_string_is_valid (entry->id));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* insert + update stays an insert */
  sigap_post_set_title (post, "Judul baru");
  sigap_store_update_post (f->store, post, &error);
  g_assert_no_error (error);
  entries = outbox (f);
  entry = only_entry (entries);
  g_assert_cmpint (entry->base_version, ==, 0);
  g_assert_null (entry->fields);
  g_clear_pointer (&entries, g_ptr_array_unref);

  mark_all_sent (f);
  g_assert_cmpint (sigap_store_count_outbox (f->store), ==, 0);

  /* An update names the fields it changes, on the stored version; when
   * the post was made is the server's, never a change (the copy of an
   * editor opened before the server's time came keeps its own). */
  sigap_post_set_title (post, "Judul ketiga");
  sigap_post_set_created_at (post, sigap_post_get_created_at (post) + 3600);
  sigap_store_update_post (f->store, post, &error);
  g_assert_no_error (error);
  entries = outbox (f);
  entry = only_entry (entries);
  g_assert_cmpint (entry->base_version, ==, 2);
  g_assert_nonnull (entry->fields);
  g_assert_cmpstrv (entry->fields, ((const char * const []) { "title", NULL }));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A second update merges: union of fields, first base version. */
  sigap_post_set_body (post, "Isi baru");
  sigap_post_variant_set_platform (variant, SIGAP_PLATFORM_INSTAGRAM);
  sigap_post_variant_set_body (variant, "Caption");
  sigap_post_set_variant (post, variant);
  sigap_store_update_post (f->store, post, &error);
  g_assert_no_error (error);
  entries = outbox (f);
  entry = only_entry (entries);
  g_assert_cmpint (entry->base_version, ==, 2);
  g_assert_cmpstrv (entry->fields, ((const char * const []) { "title", "body", "variants",
                                                               NULL }));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Saving without a change leaves no trace. */
  g_signal_connect_swapped (f->store, "outbox-changed", G_CALLBACK (g_atomic_int_inc),
                            &n_signals);
  sigap_store_update_post (f->store, post, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals, ==, 0);
  g_assert_cmpint (sigap_store_count_outbox (f->store), ==, 1);

  /* update + delete is a delete on the first base version. */
  sigap_store_delete_post (f->store, sigap_post_get_id (post), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals, ==, 1);
  entries = outbox (f);
  entry = only_entry (entries);
  g_assert_cmpstr (entry->op, ==, "delete");
  g_assert_cmpint (entry->base_version, ==, 2);
  g_assert_null (entry->fields);
}

static void
test_insert_delete (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) post = insert_post (f, "Sebentar");

  g_assert_cmpint (sigap_store_count_outbox (f->store), ==, 1);
  sigap_store_delete_post (f->store, sigap_post_get_id (post), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_store_count_outbox (f->store), ==, 0);

  /* A failed write leaves no row. */
  g_assert_false (sigap_store_delete_post (f->store, sigap_post_get_id (post), &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND);
  g_assert_false (sigap_store_update_post (f->store, post, NULL));
  g_assert_cmpint (sigap_store_count_outbox (f->store), ==, 0);
}

static void
test_sent_row_kept (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) post = insert_post (f, "Satu");
  g_autoptr(GPtrArray) entries = outbox (f);
  SigapOutboxEntry *sent = only_entry (entries);

  sigap_store_set_outbox_payload (f->store, sent->id, "{\"id\":\"x\"}", &error);
  g_assert_no_error (error);

  /* A row already sent is not merged into: the retry must send what was
   * sent. */
  sigap_post_set_title (post, "Dua");
  sigap_store_update_post (f->store, post, &error);
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = outbox (f);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((SigapOutboxEntry *) entries->pdata[0])->payload, ==, "{\"id\":\"x\"}");
  g_assert_null (((SigapOutboxEntry *) entries->pdata[1])->payload);
  g_assert_cmpint (((SigapOutboxEntry *) entries->pdata[1])->base_version, ==, 1);

  sigap_store_rebase_outbox (f->store, "post", sigap_post_get_id (post), 7, &error);
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = outbox (f);
  g_assert_cmpint (((SigapOutboxEntry *) entries->pdata[1])->base_version, ==, 7);
  g_assert_cmpint (((SigapOutboxEntry *) entries->pdata[0])->base_version, ==, 0);
}

static void
test_complaint_report (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
  g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
  g_autoptr(SigapReport) report = sigap_report_new ();
  g_autoptr(GPtrArray) entries = NULL;
  SigapOutboxEntry *entry;

  sigap_complaint_set_opd_id (complaint, sigap_opd_get_id (f->opd));
  sigap_complaint_set_body (complaint, "Jalan rusak");
  sigap_store_insert_complaint (f->store, complaint, &error);
  g_assert_no_error (error);

  sigap_complaint_event_set_complaint_id (event, sigap_complaint_get_id (complaint));
  sigap_complaint_event_set_action (event, "note");
  sigap_complaint_event_set_note (event, "Dicek");
  sigap_store_add_complaint_event (f->store, event, &error);
  g_assert_no_error (error);

  /* Status changes go through events, not complaint updates. */
  sigap_complaint_set_category (complaint, "Jalan");
  sigap_store_update_complaint (f->store, complaint, &error);
  g_assert_no_error (error);

  sigap_report_set_opd_id (report, sigap_opd_get_id (f->opd));
  sigap_report_set_year (report, 2025);
  sigap_report_set_month (report, 7);
  sigap_store_insert_report (f->store, report, &error);
  g_assert_no_error (error);
  mark_all_sent (f);

  sigap_report_set_notes (report, "Catatan");
  sigap_store_update_report (f->store, report, &error);
  g_assert_no_error (error);
  entries = outbox (f);
  entry = only_entry (entries);
  g_assert_cmpstr (entry->entity, ==, "report");
  g_assert_cmpint (entry->base_version, ==, 1);
  g_assert_null (entry->fields);
  g_clear_pointer (&entries, g_ptr_array_unref);

  sigap_store_delete_report (f->store, sigap_report_get_id (report), &error);
  g_assert_no_error (error);
  entries = outbox (f);
  entry = only_entry (entries);
  g_assert_cmpstr (entry->op, ==, "delete");
  g_assert_cmpint (entry->base_version, ==, 1);
}

static void
test_complaint_rows (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
  g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
  g_autoptr(GPtrArray) entries = NULL;

  sigap_complaint_set_opd_id (complaint, sigap_opd_get_id (f->opd));
  sigap_complaint_set_body (complaint, "Lampu mati");
  sigap_store_insert_complaint (f->store, complaint, &error);
  g_assert_no_error (error);
  sigap_complaint_event_set_complaint_id (event, sigap_complaint_get_id (complaint));
  sigap_complaint_event_set_action (event, "note");
  sigap_store_add_complaint_event (f->store, event, &error);
  g_assert_no_error (error);

  entries = outbox (f);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((SigapOutboxEntry *) entries->pdata[0])->entity, ==, "complaint");
  g_assert_cmpstr (((SigapOutboxEntry *) entries->pdata[1])->entity, ==, "complaint_event");
  g_assert_cmpstr (((SigapOutboxEntry *) entries->pdata[1])->record_id, ==,
                   sigap_complaint_event_get_id (event));
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_apply_remote (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) parent = NULL;
  g_autoptr(JsonObject) child = NULL;
  g_autoptr(JsonObject) post_json = NULL;
  g_autoptr(JsonObject) complaint_json = NULL;
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(SigapOpd) opd = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *text = NULL;
  const char *opd_id = sigap_opd_get_id (f->opd);

  /* A child OPD before its parent, as a page may bring them. */
  child = parse_object ("{\"id\":\"opd-child\",\"code\":\"kel-a\",\"name\":\"Kelurahan A\","
                        "\"kind\":\"kelurahan\",\"parent_id\":\"opd-parent\","
                        "\"time_zone\":\"Asia/Jakarta\",\"requires_approval\":false,"
                        "\"version\":3,\"updated_at\":1700000000}");
  parent = parse_object ("{\"id\":\"opd-parent\",\"code\":\"kec-a\",\"name\":\"Kecamatan A\","
                         "\"kind\":\"kecamatan\",\"parent_id\":null,\"version\":1,"
                         "\"updated_at\":1700000001}");
  sigap_store_begin_remote (f->store, &error);
  g_assert_no_error (error);
  sigap_store_apply_remote (f->store, "opd", child, &error);
  g_assert_no_error (error);
  sigap_store_apply_remote (f->store, "opd", parent, &error);
  g_assert_no_error (error);
  sigap_store_commit (f->store, &error);
  g_assert_no_error (error);

  opd = sigap_store_get_opd (f->store, "opd-child", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_opd_get_version (opd), ==, 3);
  g_assert_cmpint (sigap_opd_get_updated_at (opd), ==, 1700000000);
  g_assert_cmpstr (sigap_opd_get_parent_id (opd), ==, "opd-parent");

  text = g_strdup_printf ("{\"id\":\"post-1\",\"opd_id\":\"%s\",\"title\":\"Server\","
                          "\"body\":\"Isi\",\"category\":\"education\",\"status\":\"draft\","
                          "\"scheduled_at\":5,\"published_at\":0,\"author_id\":null,"
                          "\"created_at\":4,\"version\":9,\"updated_at\":1700000002,"
                          "\"variants\":[{\"platform\":\"x\",\"title\":null,\"body\":\"Cuit\","
                          "\"published_url\":null}]}",
                          opd_id);
  post_json = parse_object (text);
  sigap_store_apply_remote (f->store, "post", post_json, &error);
  g_assert_no_error (error);
  /* Again, with other variants: they are replaced. */
  json_object_set_array_member (post_json, "variants", json_array_new ());
  json_object_set_int_member (post_json, "version", 10);
  sigap_store_apply_remote (f->store, "post", post_json, &error);
  g_assert_no_error (error);

  post = sigap_store_get_post (f->store, "post-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_post_get_version (post), ==, 10);
  g_assert_cmpint (sigap_post_get_updated_at (post), ==, 1700000002);
  g_assert_cmpuint (sigap_post_get_variants (post)->len, ==, 0);

  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("{\"id\":\"c-1\",\"tracking_number\":\"ADU-2025-000001\","
                          "\"channel\":\"web-form\",\"kind\":\"complaint\",\"body\":\"Banjir\","
                          "\"status\":\"routed\",\"opd_id\":\"%s\",\"public_issue\":false,"
                          "\"received_at\":100,\"due_at\":0,\"resolved_at\":0,\"version\":2,"
                          "\"updated_at\":200,\"events\":["
                          "{\"id\":\"e-1\",\"complaint_id\":\"c-1\",\"action\":\"verified\","
                          "\"actor_id\":null,\"note\":null,\"from_status\":\"received\","
                          "\"to_status\":\"verified\",\"opd_id\":null,\"created_at\":150},"
                          "{\"id\":\"e-2\",\"complaint_id\":\"c-1\",\"action\":\"routed\","
                          "\"actor_id\":null,\"note\":null,\"from_status\":\"verified\","
                          "\"to_status\":\"routed\",\"opd_id\":\"%s\",\"created_at\":160}]}",
                          opd_id, opd_id);
  complaint_json = parse_object (text);
  sigap_store_apply_remote (f->store, "complaint", complaint_json, &error);
  g_assert_no_error (error);
  events = sigap_store_list_complaint_events (f->store, "c-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (sigap_complaint_event_get_created_at (events->pdata[0]), ==, 150);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Nothing the server sent goes back to it. */
  g_assert_cmpint (sigap_store_count_outbox (f->store), ==, 0);

  sigap_store_remove_local (f->store, "complaint", "c-1", &error);
  g_assert_no_error (error);
  sigap_store_remove_local (f->store, "post", "post-1", &error);
  g_assert_no_error (error);
  sigap_store_remove_local (f->store, "post", "post-1", &error);
  g_assert_no_error (error);
  g_assert_null (sigap_store_get_post (f->store, "post-1", NULL));
  events = sigap_store_list_complaint_events (f->store, "c-1", &error);
  g_assert_cmpuint (events->len, ==, 0);
  g_assert_cmpint (sigap_store_count_outbox (f->store), ==, 0);

  /* A record the client cannot read is refused whole. */
  json_object_set_string_member (post_json, "status", "teleported");
  g_assert_false (sigap_store_apply_remote (f->store, "post", post_json, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
}

static void
test_clear_replica (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) mine = insert_post (f, "Belum terkirim");
  g_autoptr(SigapPost) synced = insert_post (f, "Terkirim");
  g_autoptr(GPtrArray) entries = outbox (f);
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();

  /* synced's row was answered */
  sigap_store_delete_outbox (f->store,
                             ((SigapOutboxEntry *) entries->pdata[1])->id, &error);
  g_assert_no_error (error);

  json_object_set_string_member (fields, "title", "Kalah");
  sigap_store_add_post_revision (f->store, sigap_post_get_id (synced), 3, "losing-edit",
                                 NULL, fields, &error);
  g_assert_no_error (error);
  revisions = sigap_store_list_post_revisions (f->store, sigap_post_get_id (synced),
                                               "losing-edit", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (revisions->pdata[0], "fields"), "title"),
                   ==, "Kalah");

  sigap_store_begin_remote (f->store, &error);
  g_assert_no_error (error);
  sigap_store_clear_replica (f->store, &error);
  g_assert_no_error (error);
  sigap_store_commit (f->store, &error);
  g_assert_no_error (error);

  g_assert_nonnull (sigap_store_get_post (f->store, sigap_post_get_id (mine), NULL));
  g_assert_null (sigap_store_get_post (f->store, sigap_post_get_id (synced), NULL));
  g_assert_cmpint (sigap_store_count_outbox (f->store), ==, 1);
  g_assert_cmpint (sigap_store_count_posts (f->store, NULL), ==, 1);
}

/* A losing edit as the sync client keeps it after a conflict. */
static void
add_losing_edit (Fixture    *f,
                 SigapPost  *post,
                 const char *title,
                 const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();

  if (title != NULL)
    json_object_set_string_member (fields, "title", title);
  if (body != NULL)
    json_object_set_string_member (fields, "body", body);
  sigap_store_add_post_revision (f->store, sigap_post_get_id (post), 3, "losing-edit", NULL,
                                 fields, &error);
  g_assert_no_error (error);
}

static void
test_conflict_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) first = insert_post (f, "Server");
  g_autoptr(SigapPost) second = insert_post (f, "Lain");
  g_autoptr(GPtrArray) conflicts = NULL;
  JsonObject *fields;

  g_assert_cmpuint (sigap_store_count_post_conflicts (f->store, NULL), ==, 0);

  add_losing_edit (f, first, "Saya", "Isi saya");
  add_losing_edit (f, second, "Lain saya", NULL);
  /* A second losing edit of the first post: its title is the newer. */
  add_losing_edit (f, first, "Saya lagi", NULL);

  g_assert_cmpuint (sigap_store_count_post_conflicts (f->store, NULL), ==, 2);
  g_assert_cmpuint (sigap_store_count_post_conflicts (f->store, sigap_opd_get_id (f->opd)),
                    ==, 2);
  g_assert_cmpuint (sigap_store_count_post_conflicts (f->store, "another-opd"), ==, 0);

  conflicts = sigap_store_list_post_conflicts (f->store, sigap_opd_get_id (f->opd), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 2);

  /* Newest first: the first post had the last losing edit. */
  g_assert_cmpstr (json_object_get_string_member (conflicts->pdata[0], "post_id"), ==,
                   sigap_post_get_id (first));
  fields = json_object_get_object_member (conflicts->pdata[0], "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "title"), ==, "Saya lagi");
  g_assert_cmpstr (json_object_get_string_member (fields, "body"), ==, "Isi saya");
  g_assert_cmpstr (json_object_get_string_member (conflicts->pdata[1], "post_id"), ==,
                   sigap_post_get_id (second));
}

static void
test_conflict_keep_mine (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) post = insert_post (f, "Server");
  g_autoptr(SigapPost) reread = NULL;
  g_autoptr(JsonObject) kept = json_object_new ();
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  SigapOutboxEntry *entry;
  JsonObject *replaced = NULL;

  mark_all_sent (f);
  add_losing_edit (f, post, "Saya", NULL);

  /* The user keeps their title and merges the body by hand. */
  json_object_set_string_member (kept, "title", "Saya");
  json_object_set_string_member (kept, "body", "Isi gabungan");
  sigap_store_resolve_post_conflict (f->store, sigap_post_get_id (post), kept, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (sigap_store_count_post_conflicts (f->store, NULL), ==, 0);

  reread = sigap_store_get_post (f->store, sigap_post_get_id (post), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_post_get_title (reread), ==, "Saya");
  g_assert_cmpstr (sigap_post_get_body (reread), ==, "Isi gabungan");

  /* The kept version goes to the server. */
  entries = outbox (f);
  entry = only_entry (entries);
  g_assert_cmpstr (entry->record_id, ==, sigap_post_get_id (post));

  /* Both versions stay in the history: the losing edit, and the server's
   * values it replaced. */
  revisions = sigap_store_list_post_revisions (f->store, sigap_post_get_id (post), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (revisions->pdata[0], "kind"), ==,
                   "losing-edit");
  g_assert_cmpstr (json_object_get_string_member (revisions->pdata[1], "kind"), ==, "accepted");
  replaced = json_object_get_object_member (revisions->pdata[1], "fields");
  g_assert_cmpstr (json_object_get_string_member (replaced, "title"), ==, "Server");
  g_assert_cmpstr (json_object_get_string_member (replaced, "body"), ==, "Isi");
}

static void
test_conflict_keep_server (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) post = insert_post (f, "Server");
  g_autoptr(SigapPost) reread = NULL;
  g_autoptr(JsonObject) same = json_object_new ();
  g_autoptr(GPtrArray) revisions = NULL;

  mark_all_sent (f);
  add_losing_edit (f, post, "Saya", NULL);

  /* Keeping the server's values changes nothing and sends nothing. */
  json_object_set_string_member (same, "title", "Server");
  sigap_store_resolve_post_conflict (f->store, sigap_post_get_id (post), same, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (sigap_store_count_post_conflicts (f->store, NULL), ==, 0);
  g_assert_cmpint (sigap_store_count_outbox (f->store), ==, 0);
  reread = sigap_store_get_post (f->store, sigap_post_get_id (post), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_post_get_title (reread), ==, "Server");

  /* The losing edit is still in the history. */
  revisions = sigap_store_list_post_revisions (f->store, sigap_post_get_id (post), "losing-edit",
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);

  /* A bad kept value is refused and leaves the conflict open. */
  add_losing_edit (f, post, "Saya lagi", NULL);
  g_clear_object (&reread);
  {
    g_autoptr(JsonObject) bad = json_object_new ();

    json_object_set_int_member (bad, "title", 12);
    g_assert_false (sigap_store_resolve_post_conflict (f->store, sigap_post_get_id (post), bad,
                                                       &error));
    g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_INVALID);
  }
  g_assert_cmpuint (sigap_store_count_post_conflicts (f->store, NULL), ==, 1);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/outbox/enabled-persists", test_enabled_persists);
  ADD ("/outbox/post-coalesce", test_post_coalesce);
  ADD ("/outbox/insert-delete", test_insert_delete);
  ADD ("/outbox/sent-row-kept", test_sent_row_kept);
  ADD ("/outbox/complaint-report", test_complaint_report);
  ADD ("/outbox/complaint-rows", test_complaint_rows);
  ADD ("/outbox/apply-remote", test_apply_remote);
  ADD ("/outbox/clear-replica", test_clear_replica);
  ADD ("/outbox/conflict-list", test_conflict_list);
  ADD ("/outbox/conflict-keep-mine", test_conflict_keep_mine);
  ADD ("/outbox/conflict-keep-server", test_conflict_keep_server);

  return g_test_run ();
}
