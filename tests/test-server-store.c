/* test-server-store.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sigap-json.h"
#include "sigap-server-sqlite-store.h"
#include "sigap-server-store.h"
#include "sigap-server-sync.h"
#include "sigap-test-utils.h"

/* The contract of SigapServerStore, the server's storage interface. Every
 * check goes through the interface only: a new store (PostgreSQL) passes
 * the same tests by changing open_store() and nothing else. */

/* The store under test, fresh and empty, in @dir. */
static SigapServerStore *
open_store (const char  *dir,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "server.db", NULL);

  return sigap_server_sqlite_store_new (path, error);
}

typedef struct
{
  char *dir;
  SigapServerStore *store;
  /* Two OPDs and a user of each role, made by fixture_set_up(). */
  SigapOpd *dinkes;
  SigapOpd *dishub;
  SigapUser *verifikator;
  SigapUser *admin;            /* admin-opd of dinkes */
  SigapUser *trc;
  SigapUser *pimpinan;
} Fixture;

/* Helpers {{{ */

#define assert_store_error(error, code) \
  g_assert_error ((error), SIGAP_SERVER_STORE_ERROR, (code))

static SigapOpd *
add_opd (SigapServerStore *store,
         const char       *code,
         const char       *name)
{
  g_autoptr(GError) error = NULL;
  SigapOpd *opd = sigap_opd_new ();

  sigap_opd_set_code (opd, code);
  sigap_opd_set_name (opd, name);
  sigap_opd_set_kind (opd, SIGAP_OPD_KIND_DINAS);
  sigap_opd_set_time_zone (opd, "Asia/Jakarta");
  g_assert_true (sigap_server_store_insert_record (store, opd, &error));
  g_assert_no_error (error);

  return opd;
}

static SigapUser *
add_user (SigapServerStore *store,
          const char       *username,
          SigapRole         role,
          SigapOpd         *opd)
{
  g_autoptr(GError) error = NULL;
  SigapUser *user = sigap_user_new ();

  sigap_user_set_username (user, username);
  sigap_user_set_display_name (user, username);
  sigap_user_set_role (user, role);
  sigap_user_set_opd_id (user, opd != NULL ? sigap_opd_get_id (opd) : NULL);
  sigap_user_set_password_hash (user, "$argon2id$not-a-real-hash");
  g_assert_true (sigap_server_store_insert_record (store, user, &error));
  g_assert_no_error (error);

  return user;
}

static SigapPost *
new_post (SigapOpd   *opd,
          const char *title)
{
  g_autoptr(SigapPostVariant) instagram = sigap_post_variant_new ();
  g_autoptr(SigapPostVariant) x = sigap_post_variant_new ();
  SigapPost *post = sigap_post_new ();

  sigap_post_set_opd_id (post, sigap_opd_get_id (opd));
  sigap_post_set_title (post, title);
  sigap_post_set_body (post, "Posyandu buka setiap Sabtu pagi.");
  sigap_post_set_category (post, SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE);
  sigap_post_set_status (post, SIGAP_POST_STATUS_SCHEDULED);
  sigap_post_set_scheduled_at (post, 1767225600);
  sigap_post_set_created_at (post, 1767139200);

  sigap_post_variant_set_platform (instagram, SIGAP_PLATFORM_INSTAGRAM);
  sigap_post_variant_set_body (instagram, "Posyandu buka setiap Sabtu pagi. #sehat");
  sigap_post_set_variant (post, instagram);
  sigap_post_variant_set_platform (x, SIGAP_PLATFORM_X);
  sigap_post_variant_set_body (x, "Posyandu buka Sabtu pagi.");
  sigap_post_set_variant (post, x);

  return post;
}

static SigapComplaint *
new_complaint (SigapOpd   *opd,
               const char *body)
{
  SigapComplaint *complaint = sigap_complaint_new ();

  sigap_complaint_set_channel (complaint, SIGAP_CHANNEL_WEB_FORM);
  sigap_complaint_set_kind (complaint, SIGAP_COMPLAINT_KIND_COMPLAINT);
  sigap_complaint_set_citizen_name (complaint, "Siti Aminah");
  sigap_complaint_set_citizen_contact (complaint, "0812 0000 0000");
  sigap_complaint_set_body (complaint, body);
  sigap_complaint_set_status (complaint, SIGAP_COMPLAINT_STATUS_RECEIVED);
  sigap_complaint_set_opd_id (complaint, opd != NULL ? sigap_opd_get_id (opd) : NULL);
  sigap_complaint_set_received_at (complaint, 1767225600);

  return complaint;
}

static SigapComplaintEvent *
new_event (SigapComplaint *complaint,
           const char     *note)
{
  SigapComplaintEvent *event = sigap_complaint_event_new ();

  sigap_complaint_event_set_complaint_id (event, sigap_complaint_get_id (complaint));
  sigap_complaint_event_set_action (event, "note");
  sigap_complaint_event_set_note (event, note);
  sigap_complaint_event_set_from_status (event, sigap_complaint_get_status (complaint));
  sigap_complaint_event_set_to_status (event, sigap_complaint_get_status (complaint));
  sigap_complaint_event_set_opd_id (event, sigap_complaint_get_opd_id (complaint));

  return event;
}

/* Asserts that @a and @b encode to the same JSON. */
static void
assert_same_record (gpointer a,
                    gpointer b)
{
  g_autoptr(JsonNode) node_a = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) node_b = json_node_new (JSON_NODE_OBJECT);

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));

  if (SIGAP_IS_POST (a))
    {
      json_node_take_object (node_a, sigap_json_object_from_post (a));
      json_node_take_object (node_b, sigap_json_object_from_post (b));
    }
  else
    {
      json_node_take_object (node_a, sigap_json_object_from_record (a, NULL));
      json_node_take_object (node_b, sigap_json_object_from_record (b, NULL));
    }

  if (!json_node_equal (node_a, node_b))
    {
      g_autofree char *text_a = json_to_string (node_a, FALSE);
      g_autofree char *text_b = json_to_string (node_b, FALSE);

      g_assert_cmpstr (text_a, ==, text_b);
    }
}

static gpointer
get_record (SigapServerStore  *store,
            SigapServerEntity  entity,
            const char        *id)
{
  g_autoptr(GError) error = NULL;
  GObject *record = sigap_server_store_get_record (store, entity, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);

  return record;
}

static void
assert_gone (SigapServerStore  *store,
             SigapServerEntity  entity,
             const char        *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = sigap_server_store_get_record (store, entity, id, &error);

  g_assert_null (record);
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_NOT_FOUND);
}

static void
scope_for (SigapServerScope *scope,
           SigapUser        *user)
{
  scope->role = sigap_user_get_role (user);
  scope->user_id = sigap_user_get_id (user);
  scope->opd_id = sigap_user_get_opd_id (user);
}

static JsonObject *
parse_object (const char *text,
              gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, length, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* }}} */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sigap_test_make_tmpdir ();
  f->store = open_store (f->dir, &error);
  g_assert_no_error (error);
  g_assert_true (SIGAP_IS_SERVER_STORE (f->store));

  g_assert_true (sigap_server_store_prepare (f->store, &error));
  g_assert_no_error (error);

  f->dinkes = add_opd (f->store, "dinkes", "Dinas Kesehatan");
  f->dishub = add_opd (f->store, "dishub", "Dinas Perhubungan");
  f->verifikator = add_user (f->store, "verifikator", SIGAP_ROLE_VERIFIKATOR, NULL);
  f->admin = add_user (f->store, "dinkes", SIGAP_ROLE_ADMIN_OPD, f->dinkes);
  f->trc = add_user (f->store, "trc", SIGAP_ROLE_TRC, NULL);
  f->pimpinan = add_user (f->store, "pimpinan", SIGAP_ROLE_PIMPINAN, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->dinkes);
  g_clear_object (&f->dishub);
  g_clear_object (&f->verifikator);
  g_clear_object (&f->admin);
  g_clear_object (&f->trc);
  g_clear_object (&f->pimpinan);
  g_clear_object (&f->store);
  sigap_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* Records {{{ */

static void
test_opd_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapOpd) copy = NULL;
  g_autoptr(SigapOpd) found = NULL;
  g_autoptr(SigapOpd) twin = sigap_opd_new ();
  g_autoptr(GPtrArray) opds = NULL;
  gint64 version;

  /* insert gave it an ID and a version. */
  g_assert_nonnull (sigap_opd_get_id (f->dinkes));
  g_assert_cmpint (sigap_opd_get_version (f->dinkes), >, 0);

  copy = get_record (f->store, SIGAP_SERVER_ENTITY_OPD, sigap_opd_get_id (f->dinkes));
  assert_same_record (copy, f->dinkes);

  found = SIGAP_OPD (sigap_server_store_find_record (f->store, SIGAP_SERVER_ENTITY_OPD, "dishub",
                                                     &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_opd_get_id (found), ==, sigap_opd_get_id (f->dishub));

  g_assert_null (sigap_server_store_find_record (f->store, SIGAP_SERVER_ENTITY_OPD, "nope",
                                                 &error));
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The code is unique. */
  sigap_opd_set_code (twin, "dinkes");
  sigap_opd_set_name (twin, "Dinas Kesehatan Lagi");
  sigap_opd_set_kind (twin, SIGAP_OPD_KIND_DINAS);
  g_assert_false (sigap_server_store_insert_record (f->store, twin, &error));
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* By name: Dinas Kesehatan, then Dinas Perhubungan. */
  opds = sigap_server_store_list_records (f->store, SIGAP_SERVER_ENTITY_OPD, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (opds->len, ==, 2);
  g_assert_cmpstr (sigap_opd_get_code (g_ptr_array_index (opds, 0)), ==, "dinkes");
  g_assert_cmpstr (sigap_opd_get_code (g_ptr_array_index (opds, 1)), ==, "dishub");

  version = sigap_opd_get_version (f->dishub);
  sigap_opd_set_name (f->dishub, "Dinas Perhubungan dan Perparkiran");
  g_assert_true (sigap_server_store_update_record (f->store, f->dishub, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sigap_opd_get_version (f->dishub), >, version);
  g_clear_object (&copy);
  copy = get_record (f->store, SIGAP_SERVER_ENTITY_OPD, sigap_opd_get_id (f->dishub));
  assert_same_record (copy, f->dishub);

  /* Users belong to dinkes: it cannot go; dishub can. */
  g_assert_false (sigap_server_store_delete_record (f->store, SIGAP_SERVER_ENTITY_OPD,
                                                    sigap_opd_get_id (f->dinkes), &error));
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sigap_server_store_delete_record (f->store, SIGAP_SERVER_ENTITY_OPD,
                                                   sigap_opd_get_id (f->dishub), &error));
  g_assert_no_error (error);
  assert_gone (f->store, SIGAP_SERVER_ENTITY_OPD, sigap_opd_get_id (f->dishub));

  g_assert_false (sigap_server_store_delete_record (f->store, SIGAP_SERVER_ENTITY_OPD,
                                                    sigap_opd_get_id (f->dishub), &error));
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_NOT_FOUND);
}

static void
test_account_user_round_trip (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapAccount) account = sigap_account_new ();
  g_autoptr(SigapAccount) account_copy = NULL;
  g_autoptr(SigapUser) user_copy = NULL;
  g_autoptr(SigapUser) found = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) users = NULL;

  sigap_account_set_opd_id (account, sigap_opd_get_id (f->dinkes));
  sigap_account_set_platform (account, SIGAP_PLATFORM_INSTAGRAM);
  sigap_account_set_handle (account, "dinkes.sukamaju");
  sigap_account_set_url (account, "https://instagram.com/dinkes.sukamaju");
  g_assert_true (sigap_server_store_insert_record (f->store, account, &error));
  g_assert_no_error (error);

  account_copy = get_record (f->store, SIGAP_SERVER_ENTITY_ACCOUNT,
                             sigap_account_get_id (account));
  assert_same_record (account_copy, account);

  accounts = sigap_server_store_list_records (f->store, SIGAP_SERVER_ENTITY_ACCOUNT,
                                              sigap_opd_get_id (f->dinkes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_clear_pointer (&accounts, g_ptr_array_unref);
  accounts = sigap_server_store_list_records (f->store, SIGAP_SERVER_ENTITY_ACCOUNT,
                                              sigap_opd_get_id (f->dishub), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 0);

  /* A user is read with its password hash, for signing in. */
  user_copy = get_record (f->store, SIGAP_SERVER_ENTITY_USER, sigap_user_get_id (f->admin));
  assert_same_record (user_copy, f->admin);
  g_assert_cmpstr (sigap_user_get_password_hash (user_copy), ==, "$argon2id$not-a-real-hash");

  found = SIGAP_USER (sigap_server_store_find_record (f->store, SIGAP_SERVER_ENTITY_USER, "trc",
                                                      &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sigap_user_get_id (found), ==, sigap_user_get_id (f->trc));

  g_assert_null (sigap_server_store_find_record (f->store, SIGAP_SERVER_ENTITY_USER, "nobody",
                                                 &error));
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  users = sigap_server_store_list_records (f->store, SIGAP_SERVER_ENTITY_USER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 4);
  g_clear_pointer (&users, g_ptr_array_unref);
  users = sigap_server_store_list_records (f->store, SIGAP_SERVER_ENTITY_USER,
                                           sigap_opd_get_id (f->dinkes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 1);
  g_assert_cmpstr (sigap_user_get_username (g_ptr_array_index (users, 0)), ==, "dinkes");

  sigap_user_set_disabled (f->trc, TRUE);
  g_assert_true (sigap_server_store_update_record (f->store, f->trc, &error));
  g_assert_no_error (error);
  g_clear_object (&user_copy);
  user_copy = get_record (f->store, SIGAP_SERVER_ENTITY_USER, sigap_user_get_id (f->trc));
  g_assert_true (sigap_user_get_disabled (user_copy));
}

static void
test_post_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) post = new_post (f->dinkes, "Jadwal posyandu");
  g_autoptr(SigapPost) copy = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  gint64 version;

  g_assert_true (sigap_server_store_insert_record (f->store, post, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sigap_post_get_id (post));

  /* With its variants. */
  copy = get_record (f->store, SIGAP_SERVER_ENTITY_POST, sigap_post_get_id (post));
  assert_same_record (copy, post);
  g_assert_nonnull (sigap_post_get_variant (copy, SIGAP_PLATFORM_X));
  g_assert_cmpstr (sigap_post_variant_get_body (sigap_post_get_variant (copy,
                                                                        SIGAP_PLATFORM_X)),
                   ==, "Posyandu buka Sabtu pagi.");

  version = sigap_post_get_version (post);
  sigap_post_set_title (post, "Jadwal posyandu Januari");
  sigap_post_remove_variant (post, SIGAP_PLATFORM_X);
  g_assert_true (sigap_server_store_update_record (f->store, post, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sigap_post_get_version (post), >, version);

  g_clear_object (&copy);
  copy = get_record (f->store, SIGAP_SERVER_ENTITY_POST, sigap_post_get_id (post));
  assert_same_record (copy, post);
  g_assert_null (sigap_post_get_variant (copy, SIGAP_PLATFORM_X));
  g_assert_nonnull (sigap_post_get_variant (copy, SIGAP_PLATFORM_INSTAGRAM));

  posts = sigap_server_store_list_records (f->store, SIGAP_SERVER_ENTITY_POST,
                                           sigap_opd_get_id (f->dinkes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 1);
  assert_same_record (g_ptr_array_index (posts, 0), post);
  g_clear_pointer (&posts, g_ptr_array_unref);
  posts = sigap_server_store_list_records (f->store, SIGAP_SERVER_ENTITY_POST,
                                           sigap_opd_get_id (f->dishub), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 0);

  g_assert_true (sigap_server_store_delete_record (f->store, SIGAP_SERVER_ENTITY_POST,
                                                   sigap_post_get_id (post), &error));
  g_assert_no_error (error);
  assert_gone (f->store, SIGAP_SERVER_ENTITY_POST, sigap_post_get_id (post));

  /* An update of a record that is gone. */
  g_assert_false (sigap_server_store_update_record (f->store, post, &error));
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_NOT_FOUND);
}

static void
test_complaint_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapComplaint) first = new_complaint (f->dinkes, "Lampu jalan mati.");
  g_autoptr(SigapComplaint) second = new_complaint (f->dinkes, "Jalan berlubang.");
  g_autoptr(SigapComplaint) copy = NULL;
  g_autoptr(SigapComplaint) found = NULL;
  g_autoptr(SigapComplaintEvent) noted = NULL;
  g_autoptr(SigapComplaintEvent) again = NULL;
  g_autoptr(SigapComplaintEvent) event_copy = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  const char *number;

  g_assert_true (sigap_server_store_insert_record (f->store, first, &error));
  g_assert_no_error (error);
  sigap_complaint_set_received_at (second, 1767225600 + 60);
  g_assert_true (sigap_server_store_insert_record (f->store, second, &error));
  g_assert_no_error (error);

  /* Tracking numbers are given in order, by the year received (2026). */
  number = sigap_complaint_get_tracking_number (first);
  g_assert_nonnull (number);
  g_assert_true (g_str_has_prefix (number, "ADU-2026-"));
  g_assert_cmpuint (strlen (number), ==, 15);
  g_assert_cmpstr (number, <, sigap_complaint_get_tracking_number (second));

  found = SIGAP_COMPLAINT (sigap_server_store_find_record (f->store,
                                                           SIGAP_SERVER_ENTITY_COMPLAINT,
                                                           number, &error));
  g_assert_no_error (error);
  assert_same_record (found, first);

  g_assert_null (sigap_server_store_find_record (f->store, SIGAP_SERVER_ENTITY_COMPLAINT,
                                                 "ADU-2026-999999", &error));
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The timeline, in the order it was written. */
  noted = new_event (first, "Diteruskan ke petugas.");
  sigap_complaint_event_set_created_at (noted, 1767225700);
  g_assert_true (sigap_server_store_insert_record (f->store, noted, &error));
  g_assert_no_error (error);
  again = new_event (first, "Petugas sudah ke lokasi.");
  sigap_complaint_event_set_created_at (again, 1767225700);
  g_assert_true (sigap_server_store_insert_record (f->store, again, &error));
  g_assert_no_error (error);

  events = sigap_server_store_list_records (f->store, SIGAP_SERVER_ENTITY_COMPLAINT_EVENT,
                                            sigap_complaint_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  assert_same_record (g_ptr_array_index (events, 0), noted);
  assert_same_record (g_ptr_array_index (events, 1), again);

  event_copy = get_record (f->store, SIGAP_SERVER_ENTITY_COMPLAINT_EVENT,
                           sigap_complaint_event_get_id (again));
  assert_same_record (event_copy, again);
  assert_gone (f->store, SIGAP_SERVER_ENTITY_COMPLAINT_EVENT, "no-such-event");

  /* An event's id is unique. */
  g_clear_object (&event_copy);
  event_copy = new_event (first, "Sekali lagi.");
  sigap_complaint_event_set_id (event_copy, sigap_complaint_event_get_id (again));
  g_assert_false (sigap_server_store_insert_record (f->store, event_copy, &error));
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  sigap_complaint_set_status (first, SIGAP_COMPLAINT_STATUS_VERIFIED);
  sigap_complaint_set_opd_id (first, sigap_opd_get_id (f->dishub));
  g_assert_true (sigap_server_store_update_record (f->store, first, &error));
  g_assert_no_error (error);
  copy = get_record (f->store, SIGAP_SERVER_ENTITY_COMPLAINT, sigap_complaint_get_id (first));
  assert_same_record (copy, first);
  g_assert_cmpstr (sigap_complaint_get_tracking_number (copy), ==, number);

  /* Newest received first. */
  complaints = sigap_server_store_list_records (f->store, SIGAP_SERVER_ENTITY_COMPLAINT, NULL,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (complaints->len, ==, 2);
  g_assert_cmpstr (sigap_complaint_get_id (g_ptr_array_index (complaints, 0)), ==,
                   sigap_complaint_get_id (second));
  g_clear_pointer (&complaints, g_ptr_array_unref);
  complaints = sigap_server_store_list_records (f->store, SIGAP_SERVER_ENTITY_COMPLAINT,
                                                sigap_opd_get_id (f->dinkes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (complaints->len, ==, 1);
  g_assert_cmpstr (sigap_complaint_get_id (g_ptr_array_index (complaints, 0)), ==,
                   sigap_complaint_get_id (second));
}

static void
test_report_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapReport) report = sigap_report_new ();
  g_autoptr(SigapReport) twin = sigap_report_new ();
  g_autoptr(SigapReport) copy = NULL;
  g_autoptr(GPtrArray) reports = NULL;

  sigap_report_set_opd_id (report, sigap_opd_get_id (f->dinkes));
  sigap_report_set_year (report, 2026);
  sigap_report_set_month (report, 1);
  sigap_report_set_status (report, SIGAP_REPORT_STATUS_DRAFT);
  sigap_report_set_notes (report, "Unggahan naik dua kali lipat.");
  g_assert_true (sigap_server_store_insert_record (f->store, report, &error));
  g_assert_no_error (error);

  copy = get_record (f->store, SIGAP_SERVER_ENTITY_REPORT, sigap_report_get_id (report));
  assert_same_record (copy, report);

  /* One report per OPD and month. */
  sigap_report_set_opd_id (twin, sigap_opd_get_id (f->dinkes));
  sigap_report_set_year (twin, 2026);
  sigap_report_set_month (twin, 1);
  g_assert_false (sigap_server_store_insert_record (f->store, twin, &error));
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  sigap_report_set_status (report, SIGAP_REPORT_STATUS_SUBMITTED);
  sigap_report_set_submitted_at (report, 1769904000);
  g_assert_true (sigap_server_store_update_record (f->store, report, &error));
  g_assert_no_error (error);
  g_clear_object (&copy);
  copy = get_record (f->store, SIGAP_SERVER_ENTITY_REPORT, sigap_report_get_id (report));
  assert_same_record (copy, report);

  reports = sigap_server_store_list_records (f->store, SIGAP_SERVER_ENTITY_REPORT,
                                             sigap_opd_get_id (f->dinkes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);

  g_assert_true (sigap_server_store_delete_record (f->store, SIGAP_SERVER_ENTITY_REPORT,
                                                   sigap_report_get_id (report), &error));
  g_assert_no_error (error);
  assert_gone (f->store, SIGAP_SERVER_ENTITY_REPORT, sigap_report_get_id (report));
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *value = sigap_server_store_get_setting (f->store, "no_such_setting");

  g_assert_null (value);
}

/* }}} */

/* Transactions {{{ */

typedef struct
{
  const char *code;
  gboolean fail;
  SigapServerStoreFunc inner;
  gboolean inner_ok;
} Work;

#define TEST_ERROR (test_error_quark ())
static G_DEFINE_QUARK (test-server-store-error-quark, test_error)

static gboolean
add_opd_cb (SigapServerStore  *store,
            gpointer           user_data,
            GError           **error)
{
  Work *work = user_data;
  g_autoptr(SigapOpd) opd = add_opd (store, work->code, work->code);

  if (work->inner != NULL)
    {
      Work inner = { "inner", TRUE, NULL, FALSE };
      g_autoptr(GError) inner_error = NULL;

      /* The nested transaction fails alone. */
      work->inner_ok = sigap_server_store_run_in_transaction (store, work->inner, &inner,
                                                              &inner_error);
      g_assert_error (inner_error, TEST_ERROR, 2);
    }

  if (work->fail)
    {
      g_set_error_literal (error, TEST_ERROR, 2, "The work failed.");
      return FALSE;
    }

  return TRUE;
}

static gboolean
opd_exists (SigapServerStore *store,
            const char       *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) opd = sigap_server_store_find_record (store, SIGAP_SERVER_ENTITY_OPD,
                                                           code, &error);

  if (opd == NULL)
    assert_store_error (error, SIGAP_SERVER_STORE_ERROR_NOT_FOUND);

  return opd != NULL;
}

static void
test_transaction_rollback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Work failing = { "failing", TRUE, NULL, FALSE };
  Work working = { "working", FALSE, NULL, FALSE };
  Work outer = { "outer", FALSE, add_opd_cb, TRUE };
  Work after = { "after", FALSE, NULL, FALSE };
  gint64 head_before;
  gint64 head_after;

  g_assert_true (sigap_server_store_get_change_head (f->store, &head_before, &error));
  g_assert_no_error (error);

  /* A transaction that fails leaves nothing, and its error comes back. */
  g_assert_false (sigap_server_store_run_in_transaction (f->store, add_opd_cb, &failing,
                                                         &error));
  g_assert_error (error, TEST_ERROR, 2);
  g_clear_error (&error);
  g_assert_false (opd_exists (f->store, "failing"));

  /* Nor in the change log. */
  g_assert_true (sigap_server_store_get_change_head (f->store, &head_after, &error));
  g_assert_no_error (error);
  {
    SigapServerScope scope;
    g_autoptr(GPtrArray) changes = NULL;

    scope_for (&scope, f->verifikator);
    changes = sigap_server_store_list_changes (f->store, &scope, head_before, 100, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (changes->len, ==, 0);
  }

  g_assert_true (sigap_server_store_run_in_transaction (f->store, add_opd_cb, &working, &error));
  g_assert_no_error (error);
  g_assert_true (opd_exists (f->store, "working"));

  /* A nested transaction that fails is undone alone. */
  g_assert_true (sigap_server_store_run_in_transaction (f->store, add_opd_cb, &outer, &error));
  g_assert_no_error (error);
  g_assert_false (outer.inner_ok);
  g_assert_true (opd_exists (f->store, "outer"));
  g_assert_false (opd_exists (f->store, "inner"));

  /* The store is usable after all of it. */
  g_assert_true (sigap_server_store_run_in_transaction (f->store, add_opd_cb, &after, &error));
  g_assert_no_error (error);
  g_assert_true (opd_exists (f->store, "after"));
}

/* }}} */

/* Sign-in tokens {{{ */

static void
test_tokens (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "token-1", -1);
  g_autofree char *other = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "token-2", -1);
  g_autofree char *unknown = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "token-3", -1);
  const char *user_id = sigap_user_get_id (f->admin);
  char *found;

  g_assert_true (sigap_server_store_insert_token (f->store, hash, user_id, 1000, 2000, &error));
  g_assert_no_error (error);
  g_assert_true (sigap_server_store_insert_token (f->store, other, user_id, 1000, 2000, &error));
  g_assert_no_error (error);

  found = sigap_server_store_lookup_token (f->store, hash, 1500, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, user_id);
  g_free (found);

  /* Expired, unknown: no user, and no error. */
  g_assert_null (sigap_server_store_lookup_token (f->store, hash, 2000, &error));
  g_assert_no_error (error);
  g_assert_null (sigap_server_store_lookup_token (f->store, unknown, 1500, &error));
  g_assert_no_error (error);

  g_assert_true (sigap_server_store_revoke_token (f->store, hash, &error));
  g_assert_no_error (error);
  g_assert_null (sigap_server_store_lookup_token (f->store, hash, 1500, &error));
  g_assert_no_error (error);
  found = sigap_server_store_lookup_token (f->store, other, 1500, &error);
  g_assert_cmpstr (found, ==, user_id);
  g_free (found);

  /* Revoking an unknown token is not an error. */
  g_assert_true (sigap_server_store_revoke_token (f->store, unknown, &error));
  g_assert_no_error (error);

  g_assert_true (sigap_server_store_revoke_user_tokens (f->store, user_id, &error));
  g_assert_no_error (error);
  g_assert_null (sigap_server_store_lookup_token (f->store, other, 1500, &error));
  g_assert_no_error (error);
}

/* }}} */

/* The sync journal {{{ */

static gboolean
save_then_fail_cb (SigapServerStore  *store,
                   gpointer           user_data,
                   GError           **error)
{
  g_autoptr(JsonObject) result = json_object_new ();

  json_object_set_string_member (result, "status", "applied");
  g_assert_true (sigap_server_store_save_mutation (store, user_data, "someone", result, 10,
                                                   NULL));
  g_set_error_literal (error, TEST_ERROR, 3, "Undo it.");

  return FALSE;
}

static void
test_mutation_journal (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) result = json_object_new ();
  g_autoptr(JsonObject) other = json_object_new ();
  g_autoptr(JsonNode) expected = json_node_new (JSON_NODE_OBJECT);
  const char *id = "9d3f5c1e-1111-4c2b-9a57-0000000000aa";
  char *user_id = NULL;
  JsonObject *stored = NULL;

  /* Unknown: not an error. */
  g_assert_true (sigap_server_store_lookup_mutation (f->store, id, &user_id, &stored, &error));
  g_assert_no_error (error);
  g_assert_null (user_id);
  g_assert_null (stored);

  json_object_set_string_member (result, "id", id);
  json_object_set_string_member (result, "status", "applied");
  json_object_set_int_member (result, "version", 3);
  json_node_set_object (expected, result);

  g_assert_true (sigap_server_store_save_mutation (f->store, id, sigap_user_get_id (f->admin),
                                                   result, 1767225600, &error));
  g_assert_no_error (error);

  /* Each look-up gives the same answer. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      g_assert_true (sigap_server_store_lookup_mutation (f->store, id, &user_id, &stored,
                                                         &error));
      g_assert_no_error (error);
      g_assert_cmpstr (user_id, ==, sigap_user_get_id (f->admin));
      g_assert_nonnull (stored);
      json_node_take_object (node, stored);
      g_assert_true (json_node_equal (node, expected));
      g_clear_pointer (&user_id, g_free);
    }

  /* An answer is never replaced. */
  json_object_set_string_member (other, "status", "rejected");
  g_assert_false (sigap_server_store_save_mutation (f->store, id, sigap_user_get_id (f->trc),
                                                    other, 1767225700, &error));
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (sigap_server_store_lookup_mutation (f->store, id, &user_id, &stored, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (user_id, ==, sigap_user_get_id (f->admin));
  g_assert_cmpstr (json_object_get_string_member (stored, "status"), ==, "applied");
  g_clear_pointer (&user_id, g_free);
  g_clear_pointer (&stored, json_object_unref);

  /* An answer kept in a transaction that fails is gone with it. */
  g_assert_false (sigap_server_store_run_in_transaction (f->store, save_then_fail_cb,
                                                         (gpointer) "undone-mutation", &error));
  g_assert_error (error, TEST_ERROR, 3);
  g_clear_error (&error);
  g_assert_true (sigap_server_store_lookup_mutation (f->store, "undone-mutation", &user_id,
                                                     &stored, &error));
  g_assert_no_error (error);
  g_assert_null (stored);
  g_assert_null (user_id);
}

static void
add_revision (SigapServerStore *store,
              const char       *post_id,
              gint64            version,
              const char       *kind,
              const char       *field,
              const char       *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();

  json_object_set_string_member (fields, field, value);
  g_assert_true (sigap_server_store_add_post_revision (store, post_id, version, kind, "someone",
                                                       fields, 1767225600 + version, &error));
  g_assert_no_error (error);
}

static void
test_post_revisions (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) post = new_post (f->dinkes, "Jadwal posyandu");
  g_autoptr(GPtrArray) revisions = NULL;
  const char *post_id;
  JsonObject *revision;

  g_assert_true (sigap_server_store_insert_record (f->store, post, &error));
  g_assert_no_error (error);
  post_id = sigap_post_get_id (post);

  add_revision (f->store, post_id, 1, "accepted", "title", "Jadwal posyandu");
  add_revision (f->store, post_id, 3, "accepted", "body", "Buka Sabtu.");
  add_revision (f->store, post_id, 2, "accepted", "title", "Jadwal");
  add_revision (f->store, post_id, 3, "losing-edit", "body", "Buka Minggu.");
  add_revision (f->store, "another-post", 2, "accepted", "title", "Lain");

  /* By version, whatever the order they were added in. */
  revisions = sigap_server_store_list_post_revisions (f->store, post_id, "accepted", 0, 3,
                                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (revisions, i), "version"),
                     ==, i + 1);
  revision = g_ptr_array_index (revisions, 2);
  g_assert_cmpstr (json_object_get_string_member (revision, "kind"), ==, "accepted");
  g_assert_cmpstr (json_object_get_string_member (revision, "author_id"), ==, "someone");
  g_assert_cmpint (json_object_get_int_member (revision, "created_at"), ==, 1767225603);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (revision,
                                                                                 "fields"),
                                                  "body"), ==, "Buka Sabtu.");

  /* After 1, up to 2. */
  g_clear_pointer (&revisions, g_ptr_array_unref);
  revisions = sigap_server_store_list_post_revisions (f->store, post_id, "accepted", 1, 2,
                                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (revisions, 0), "version"),
                   ==, 2);

  g_clear_pointer (&revisions, g_ptr_array_unref);
  revisions = sigap_server_store_list_post_revisions (f->store, post_id, "losing-edit", 0, 10,
                                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);
  revision = g_ptr_array_index (revisions, 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (revision,
                                                                                 "fields"),
                                                  "body"), ==, "Buka Minggu.");

  g_clear_pointer (&revisions, g_ptr_array_unref);
  revisions = sigap_server_store_list_post_revisions (f->store, post_id, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 4);
}

/* }}} */

/* The change log and pulls {{{ */

/* Reads the whole log after @after for @scope in pages of @page_size,
 * checking that each page is in order and continues the one before. */
static GPtrArray *
read_log (SigapServerStore       *store,
          const SigapServerScope *scope,
          gint64                  after,
          guint                   page_size)
{
  g_autoptr(GPtrArray) all = NULL;
  gint64 last = after;

  all = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_server_change_free);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = sigap_server_store_list_changes (store, scope, last, page_size,
                                                                  &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, page_size);

      for (guint i = 0; i < page->len; i++)
        {
          SigapServerChange *change = g_ptr_array_index (page, i);

          g_assert_cmpint (change->seq, >, last);
          last = change->seq;
          g_ptr_array_add (all, g_steal_pointer (&page->pdata[i]));
        }

      if (page->len < page_size)
        break;
    }

  return g_steal_pointer (&all);
}

static gboolean
log_has (GPtrArray  *changes,
         const char *entity,
         const char *id,
         const char *op)
{
  for (guint i = 0; i < changes->len; i++)
    {
      SigapServerChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->entity, entity) && g_str_equal (change->record_id, id) &&
          g_str_equal (change->op, op))
        return TRUE;
    }

  return FALSE;
}

static void
test_change_log (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) ours = new_post (f->dinkes, "Punya dinkes");
  g_autoptr(SigapPost) theirs = new_post (f->dishub, "Punya dishub");
  g_autoptr(SigapComplaint) complaint = new_complaint (f->dinkes, "Obat habis.");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) paged = NULL;
  g_autoptr(GPtrArray) admin = NULL;
  g_autoptr(GPtrArray) trc = NULL;
  SigapServerScope scope;
  gint64 start;
  gint64 head;

  g_assert_true (sigap_server_store_get_change_head (f->store, &start, &error));
  g_assert_no_error (error);
  /* The fixture's OPDs and users are in the log. */
  g_assert_cmpint (start, >=, 6);
  g_assert_cmpint (sigap_server_store_get_change_floor (f->store), ==, 0);

  g_assert_true (sigap_server_store_insert_record (f->store, ours, &error));
  g_assert_no_error (error);
  g_assert_true (sigap_server_store_insert_record (f->store, theirs, &error));
  g_assert_no_error (error);
  g_assert_true (sigap_server_store_insert_record (f->store, complaint, &error));
  g_assert_no_error (error);
  g_assert_true (sigap_server_store_delete_record (f->store, SIGAP_SERVER_ENTITY_POST,
                                                   sigap_post_get_id (theirs), &error));
  g_assert_no_error (error);
  /* Routed away from dinkes, flagged for the TRC. */
  sigap_complaint_set_opd_id (complaint, sigap_opd_get_id (f->dishub));
  sigap_complaint_set_public_issue (complaint, TRUE);
  g_assert_true (sigap_server_store_update_record (f->store, complaint, &error));
  g_assert_no_error (error);

  g_assert_true (sigap_server_store_get_change_head (f->store, &head, &error));
  g_assert_no_error (error);
  g_assert_cmpint (head, >=, start + 5);

  /* The verifikator sees every row; pages of 2 give what one page gives. */
  scope_for (&scope, f->verifikator);
  all = read_log (f->store, &scope, 0, 1000);
  paged = read_log (f->store, &scope, 0, 2);
  g_assert_cmpuint (all->len, ==, paged->len);
  g_assert_cmpint (((SigapServerChange *) g_ptr_array_index (all, all->len - 1))->seq, ==, head);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (((SigapServerChange *) g_ptr_array_index (all, i))->seq, ==,
                     ((SigapServerChange *) g_ptr_array_index (paged, i))->seq);
  g_assert_true (log_has (all, "opd", sigap_opd_get_id (f->dishub), "upsert"));
  g_assert_true (log_has (all, "post", sigap_post_get_id (ours), "upsert"));
  g_assert_true (log_has (all, "post", sigap_post_get_id (theirs), "delete"));
  g_assert_true (log_has (all, "complaint", sigap_complaint_get_id (complaint), "upsert"));
  /* Who sees every record gets no 'remove'. */
  g_assert_false (log_has (all, "complaint", sigap_complaint_get_id (complaint), "remove"));

  /* After a seq: only what came later. */
  g_clear_pointer (&paged, g_ptr_array_unref);
  paged = read_log (f->store, &scope, start, 3);
  g_assert_false (log_has (paged, "opd", sigap_opd_get_id (f->dishub), "upsert"));
  g_assert_true (log_has (paged, "post", sigap_post_get_id (ours), "upsert"));

  /* dinkes's admin: its own records and the directory, and the removal
   * of the complaint that left it. */
  scope_for (&scope, f->admin);
  admin = read_log (f->store, &scope, 0, 2);
  g_assert_true (log_has (admin, "opd", sigap_opd_get_id (f->dishub), "upsert"));
  g_assert_true (log_has (admin, "post", sigap_post_get_id (ours), "upsert"));
  g_assert_false (log_has (admin, "post", sigap_post_get_id (theirs), "upsert"));
  g_assert_false (log_has (admin, "post", sigap_post_get_id (theirs), "delete"));
  g_assert_true (log_has (admin, "complaint", sigap_complaint_get_id (complaint), "remove"));
  g_assert_false (log_has (admin, "user", sigap_user_get_id (f->trc), "upsert"));
  g_assert_true (log_has (admin, "user", sigap_user_get_id (f->admin), "upsert"));

  /* The TRC: the directory, itself, and the complaint once it is flagged. */
  scope_for (&scope, f->trc);
  trc = read_log (f->store, &scope, 0, 1000);
  g_assert_true (log_has (trc, "opd", sigap_opd_get_id (f->dinkes), "upsert"));
  g_assert_true (log_has (trc, "user", sigap_user_get_id (f->trc), "upsert"));
  g_assert_false (log_has (trc, "user", sigap_user_get_id (f->admin), "upsert"));
  g_assert_false (log_has (trc, "post", sigap_post_get_id (ours), "upsert"));
  g_assert_true (log_has (trc, "complaint", sigap_complaint_get_id (complaint), "upsert"));
}

typedef struct
{
  GPtrArray *ids;
  GPtrArray *records;
} Collected;

static gboolean
collect_cb (const char  *id,
            const char  *json,
            gsize        length,
            gpointer     user_data,
            GError     **error)
{
  Collected *collected = user_data;

  g_ptr_array_add (collected->ids, g_strdup (id));
  g_ptr_array_add (collected->records, parse_object (json, (gssize) length));

  return TRUE;
}

static void
test_snapshot_reads (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) dinkes_ids = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *after = g_strdup ("");
  Collected collected = { ids, NULL };
  SigapServerScope scope;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  collected.records = records;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("Post %u", i);
      SigapPost *post = new_post (i % 2 == 0 ? f->dinkes : f->dishub, title);

      g_assert_true (sigap_server_store_insert_record (f->store, post, &error));
      g_assert_no_error (error);
      g_ptr_array_add (posts, post);
      if (i % 2 == 0)
        g_strv_builder_add (builder, sigap_post_get_id (post));
    }
  dinkes_ids = g_strv_builder_end (builder);

  /* dinkes's admin reads its 3 posts, one at a time, in id order. */
  scope_for (&scope, f->admin);
  for (guint page = 0; page < 10; page++)
    {
      g_autofree char *last_id = NULL;
      guint n_read = 0;

      g_assert_true (sigap_server_store_read_snapshot (f->store, &scope,
                                                       SIGAP_SERVER_ENTITY_POST, after, 1,
                                                       collect_cb, &collected, &n_read,
                                                       &last_id, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_read, <=, 1);
      if (n_read == 0)
        break;
      g_assert_cmpstr (last_id, >, after);
      g_free (after);
      after = g_steal_pointer (&last_id);
    }

  g_assert_cmpuint (ids->len, ==, 3);
  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *record = g_ptr_array_index (records, i);

      g_assert_true (g_strv_contains ((const char * const *) dinkes_ids,
                                      g_ptr_array_index (ids, i)));
      if (i > 0)
        g_assert_cmpstr (g_ptr_array_index (ids, i - 1), <, g_ptr_array_index (ids, i));
      g_assert_cmpstr (json_object_get_string_member (record, "id"), ==,
                       g_ptr_array_index (ids, i));
      g_assert_cmpstr (json_object_get_string_member (record, "opd_id"), ==,
                       sigap_opd_get_id (f->dinkes));
      /* A post comes with its variants. */
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record,
                                                                             "variants")),
                        ==, 2);
    }

  /* The TRC sees no post at all. */
  g_ptr_array_set_size (ids, 0);
  g_ptr_array_set_size (records, 0);
  scope_for (&scope, f->trc);
  {
    g_autofree char *last_id = NULL;
    guint n_read = 99;

    g_assert_true (sigap_server_store_read_snapshot (f->store, &scope, SIGAP_SERVER_ENTITY_POST,
                                                     "", 100, collect_cb, &collected, &n_read,
                                                     &last_id, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_read, ==, 0);
    g_assert_cmpuint (ids->len, ==, 0);
  }

  /* The verifikator sees all five, in one read. */
  scope_for (&scope, f->verifikator);
  {
    g_autofree char *last_id = NULL;
    guint n_read = 0;

    g_assert_true (sigap_server_store_read_snapshot (f->store, &scope, SIGAP_SERVER_ENTITY_POST,
                                                     "", 100, collect_cb, &collected, &n_read,
                                                     &last_id, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_read, ==, 5);
    g_assert_cmpuint (ids->len, ==, 5);
    g_assert_cmpstr (last_id, ==, g_ptr_array_index (ids, 4));
  }
}

static void
test_record_reads (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapComplaint) complaint = new_complaint (f->dinkes, "Obat habis.");
  g_autoptr(SigapComplaintEvent) event = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(JsonObject) record = NULL;
  SigapServerRecordState state;
  SigapServerScope scope;

  g_assert_true (sigap_server_store_insert_record (f->store, complaint, &error));
  g_assert_no_error (error);
  event = new_event (complaint, "Sudah dicek.");
  g_assert_true (sigap_server_store_insert_record (f->store, event, &error));
  g_assert_no_error (error);

  /* dinkes's admin handles it: citizen data and the timeline. */
  scope_for (&scope, f->admin);
  g_assert_true (sigap_server_store_read_record (f->store, &scope, SIGAP_SERVER_ENTITY_COMPLAINT,
                                                 sigap_complaint_get_id (complaint), json,
                                                 &state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, SIGAP_SERVER_RECORD_VISIBLE);
  record = parse_object (json->str, (gssize) json->len);
  g_assert_cmpstr (json_object_get_string_member (record, "id"), ==,
                   sigap_complaint_get_id (complaint));
  g_assert_cmpstr (json_object_get_string_member (record, "citizen_name"), ==, "Siti Aminah");
  g_assert_cmpstr (json_object_get_string_member (record, "status"), ==, "received");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "events")),
                    ==, 1);

  /* Leadership reads it without the citizen's personal data. */
  g_string_truncate (json, 0);
  g_clear_pointer (&record, json_object_unref);
  scope_for (&scope, f->pimpinan);
  g_assert_true (sigap_server_store_read_record (f->store, &scope, SIGAP_SERVER_ENTITY_COMPLAINT,
                                                 sigap_complaint_get_id (complaint), json,
                                                 &state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, SIGAP_SERVER_RECORD_VISIBLE);
  record = parse_object (json->str, (gssize) json->len);
  g_assert_false (json_object_has_member (record, "citizen_name"));
  g_assert_false (json_object_has_member (record, "citizen_contact"));
  g_assert_true (json_object_has_member (record, "body"));

  /* The TRC does not see an unflagged complaint; it writes nothing. */
  g_string_truncate (json, 0);
  scope_for (&scope, f->trc);
  g_assert_true (sigap_server_store_read_record (f->store, &scope, SIGAP_SERVER_ENTITY_COMPLAINT,
                                                 sigap_complaint_get_id (complaint), json,
                                                 &state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, SIGAP_SERVER_RECORD_HIDDEN);
  g_assert_cmpuint (json->len, ==, 0);

  /* A user never shows its password hash. */
  g_clear_pointer (&record, json_object_unref);
  scope_for (&scope, f->verifikator);
  g_assert_true (sigap_server_store_read_record (f->store, &scope, SIGAP_SERVER_ENTITY_USER,
                                                 sigap_user_get_id (f->admin), json, &state,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, SIGAP_SERVER_RECORD_VISIBLE);
  record = parse_object (json->str, (gssize) json->len);
  g_assert_cmpstr (json_object_get_string_member (record, "username"), ==, "dinkes");
  g_assert_false (json_object_has_member (record, "password_hash"));

  g_string_truncate (json, 0);
  g_assert_true (sigap_server_store_read_record (f->store, &scope, SIGAP_SERVER_ENTITY_POST,
                                                 "no-such-post", json, &state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, SIGAP_SERVER_RECORD_GONE);
  g_assert_cmpuint (json->len, ==, 0);
}

/* Pulls every page for @user from @cursor; returns the last cursor and
 * adds each change's "entity/id" to @seen. */
static char *
pull_all (SigapServerStore *store,
          SigapUser        *user,
          const char       *cursor,
          guint             limit,
          GHashTable       *seen,
          guint            *n_pages)
{
  g_autofree char *next = g_strdup (cursor);

  *n_pages = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) page = sigap_server_sync_pull (store, user, next, limit, &error);
      JsonArray *changes;
      gboolean has_more;

      g_assert_no_error (error);
      g_assert_nonnull (page);
      (*n_pages)++;
      g_assert_cmpuint (*n_pages, <, 100);

      changes = json_object_get_array_member (page, "changes");
      g_assert_cmpuint (json_array_get_length (changes), <=, limit);
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          JsonObject *record = json_object_get_object_member (change, "record");
          const char *id = record != NULL ? json_object_get_string_member (record, "id")
                                          : json_object_get_string_member (change, "id");
          g_autofree char *key = g_strconcat (json_object_get_string_member (change, "entity"),
                                              "/", id, NULL);

          g_hash_table_add (seen, g_steal_pointer (&key));
        }

      g_free (next);
      next = g_strdup (json_object_get_string_member (page, "cursor"));
      has_more = json_object_get_boolean_member (page, "has_more");
      if (!has_more)
        break;
    }

  return g_steal_pointer (&next);
}

static void
test_pull_pages (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) later = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SigapPost) post = new_post (f->dinkes, "Jadwal posyandu");
  g_autoptr(SigapPost) added = new_post (f->dinkes, "Posyandu libur");
  g_autoptr(JsonObject) again = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *cursor_after = NULL;
  g_autofree char *key = NULL;
  g_autofree char *beyond = NULL;
  guint n_pages;
  gint64 head;

  g_assert_true (sigap_server_store_insert_record (f->store, post, &error));
  g_assert_no_error (error);

  /* 2 OPDs, 4 users, 1 post, 2 at a time: has_more until the 4th page. */
  cursor = pull_all (f->store, f->verifikator, "0", 2, seen, &n_pages);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 7);
  g_assert_cmpuint (n_pages, ==, 4);
  key = g_strconcat ("post/", sigap_post_get_id (post), NULL);
  g_assert_true (g_hash_table_contains (seen, key));

  /* Nothing new: one empty page. */
  cursor_after = pull_all (f->store, f->verifikator, cursor, 2, later, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_cmpuint (g_hash_table_size (later), ==, 0);
  g_assert_cmpstr (cursor_after, ==, cursor);

  /* A write after the cursor comes in the next pull. */
  g_assert_true (sigap_server_store_insert_record (f->store, added, &error));
  g_assert_no_error (error);
  g_clear_pointer (&cursor_after, g_free);
  cursor_after = pull_all (f->store, f->verifikator, cursor, 2, later, &n_pages);
  g_assert_cmpuint (g_hash_table_size (later), ==, 1);
  g_clear_pointer (&key, g_free);
  key = g_strconcat ("post/", sigap_post_get_id (added), NULL);
  g_assert_true (g_hash_table_contains (later, key));

  /* A cursor the log has not reached must start again. */
  g_assert_true (sigap_server_store_get_change_head (f->store, &head, &error));
  g_assert_no_error (error);
  beyond = g_strdup_printf ("L%" G_GINT64_FORMAT, head + 10);
  again = sigap_server_sync_pull (f->store, f->verifikator, beyond, 2, &error);
  g_assert_null (again);
  g_assert_error (error, SIGAP_SERVER_SYNC_ERROR, SIGAP_SERVER_SYNC_ERROR_RESET_REQUIRED);
}

/* }}} */

/* Media and documents {{{ */

static void
test_media (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) media = NULL;
  g_autofree char *dir = NULL;
  const char *digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  dir = sigap_server_store_dup_media_dir (f->store);
  g_assert_nonnull (dir);
  g_assert_cmpstr (dir, !=, "");

  g_assert_null (sigap_server_store_get_media (f->store, digest, &error));
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sigap_server_store_add_media (f->store, digest, 4, "image/png",
                                               sigap_user_get_id (f->admin),
                                               "2026-01-01T00:00:00Z", &error));
  g_assert_no_error (error);

  media = sigap_server_store_get_media (f->store, digest, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (media, "sha256"), ==, digest);
  g_assert_cmpint (json_object_get_int_member (media, "size"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (media, "content_type"), ==, "image/png");
  g_assert_cmpstr (json_object_get_string_member (media, "uploaded_by"), ==,
                   sigap_user_get_id (f->admin));
  g_assert_cmpstr (json_object_get_string_member (media, "created_at"), ==,
                   "2026-01-01T00:00:00Z");

  /* The first record of an object stays. */
  g_assert_true (sigap_server_store_add_media (f->store, digest, 4, "image/jpeg",
                                               sigap_user_get_id (f->trc),
                                               "2026-02-01T00:00:00Z", &error));
  g_assert_no_error (error);
  g_clear_pointer (&media, json_object_unref);
  media = sigap_server_store_get_media (f->store, digest, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (media, "content_type"), ==, "image/png");
  g_assert_cmpstr (json_object_get_string_member (media, "uploaded_by"), ==,
                   sigap_user_get_id (f->admin));
  g_assert_cmpstr (json_object_get_string_member (media, "created_at"), ==,
                   "2026-01-01T00:00:00Z");
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = g_bytes_new_static ("{\"version\":1}", 13);
  g_autoptr(GBytes) second = g_bytes_new_static ("{\"version\":2}", 13);
  g_autoptr(GBytes) holidays = g_bytes_new_static ("{\"year\":2026}", 13);
  g_autoptr(GBytes) read = NULL;
  g_autofree char *updated_at = NULL;

  g_assert_null (sigap_server_store_get_document (f->store, "platforms", &updated_at, &error));
  assert_store_error (error, SIGAP_SERVER_STORE_ERROR_NOT_FOUND);
  g_assert_null (updated_at);
  g_clear_error (&error);

  g_assert_true (sigap_server_store_put_document (f->store, "platforms", "v1", first,
                                                  "2026-01-01T00:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (sigap_server_store_put_document (f->store, "holidays/2026", "h1", holidays,
                                                  "2026-01-02T00:00:00Z", &error));
  g_assert_no_error (error);

  read = sigap_server_store_get_document (f->store, "platforms", &updated_at, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, first));
  g_assert_cmpstr (updated_at, ==, "2026-01-01T00:00:00Z");

  /* A new copy replaces the one before. */
  g_assert_true (sigap_server_store_put_document (f->store, "platforms", "v2", second,
                                                  "2026-03-01T00:00:00Z", &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, g_bytes_unref);
  g_clear_pointer (&updated_at, g_free);
  read = sigap_server_store_get_document (f->store, "platforms", &updated_at, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, second));
  g_assert_cmpstr (updated_at, ==, "2026-03-01T00:00:00Z");

  /* The other document is untouched; updated_at is optional. */
  g_clear_pointer (&read, g_bytes_unref);
  read = sigap_server_store_get_document (f->store, "holidays/2026", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, holidays));
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/server-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("records/opd", test_opd_round_trip);
  ADD ("records/account-user", test_account_user_round_trip);
  ADD ("records/post", test_post_round_trip);
  ADD ("records/complaint", test_complaint_round_trip);
  ADD ("records/report", test_report_round_trip);
  ADD ("settings", test_settings);
  ADD ("transaction/rollback", test_transaction_rollback);
  ADD ("tokens", test_tokens);
  ADD ("journal/mutations", test_mutation_journal);
  ADD ("journal/revisions", test_post_revisions);
  ADD ("change-log/pages", test_change_log);
  ADD ("change-log/snapshot", test_snapshot_reads);
  ADD ("change-log/records", test_record_reads);
  ADD ("change-log/pull", test_pull_pages);
  ADD ("media", test_media);
  ADD ("documents", test_documents);

#undef ADD

  return g_test_run ();
}
