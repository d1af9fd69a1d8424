/* test-demo.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sigap-demo.h"
#include "sigap-password.h"
#include "sigap-store.h"
#include "sigap-test-utils.h"

/* Wednesday 18 March 2026, 10:30 WIB. */
#define TEST_NOW        G_GINT64_CONSTANT (1773804600)
#define WIB_OFFSET      (7 * 3600)
#define DAY             (24 * 3600)
#define TEST_POSTS      300
#define TEST_COMPLAINTS 200

typedef struct
{
  char       *dir;
  SigapStore *store;
} Fixture;

static SigapStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SigapStore *store = sigap_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static void
seed (SigapStore *store,
      guint32     seed_value)
{
  g_autoptr(GError) error = NULL;
  SigapDemoOptions options = {
    .seed = seed_value,
    .complaints = TEST_COMPLAINTS,
    .posts = TEST_POSTS,
    .now = TEST_NOW,
  };

  g_assert_true (sigap_demo_seed (store, &options, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sigap-demo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = open_store (fixture->dir, "demo.db");
  seed (fixture->store, 42);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  sigap_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static GPtrArray *
list_all_complaints (SigapStore *store,
                     const char *opd_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *complaints = sigap_store_list_complaints (store, opd_id, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (complaints);

  return complaints;
}

static SigapOpd *
find_opd (SigapStore *store,
          const char *code)
{
  g_autoptr(GError) error = NULL;
  SigapOpd *opd = sigap_store_find_opd_by_code (store, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (opd);

  return opd;
}

static void
test_opds_and_users (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) opds = sigap_store_list_opds (fixture->store, &error);
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SigapOpd) diskominfo = find_opd (fixture->store, "diskominfo");
  guint n_admins = 0;
  guint n_approval = 0;
  guint n_kelurahan = 0;
  const char * const staff[] = { "verifikator", "trc", "pimpinan" };
  const SigapRole staff_roles[] = { SIGAP_ROLE_VERIFIKATOR, SIGAP_ROLE_TRC, SIGAP_ROLE_PIMPINAN };
  const char * const required[] = { "diskominfo", "dinkes", "dindukcapil", "bpbd", "dpupr",
                                    "disdik", "satpolpp" };

  g_assert_no_error (error);
  g_assert_cmpuint (opds->len, >=, 35);
  g_assert_cmpuint (opds->len, <=, 45);

  for (guint i = 0; i < opds->len; i++)
    {
      SigapOpd *opd = g_ptr_array_index (opds, i);
      const char *code = sigap_opd_get_code (opd);

      g_assert_true (g_regex_match_simple ("^[a-z0-9-]+$", code, 0, 0));
      g_assert_cmpstr (sigap_opd_get_time_zone (opd), ==, "Asia/Jakarta");
      g_hash_table_add (codes, (gpointer) code);
      g_hash_table_insert (by_id, (gpointer) sigap_opd_get_id (opd), opd);
      if (sigap_opd_get_requires_approval (opd))
        n_approval++;
    }
  g_assert_cmpuint (g_hash_table_size (codes), ==, opds->len);
  g_assert_cmpuint (n_approval, >, 0);
  g_assert_cmpuint (n_approval, <, opds->len);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_true (g_hash_table_contains (codes, required[i]));

  /* Kelurahan hang under a kecamatan and keep only Facebook and Instagram. */
  for (guint i = 0; i < opds->len; i++)
    {
      SigapOpd *opd = g_ptr_array_index (opds, i);
      g_autoptr(GPtrArray) own = NULL;
      SigapOpd *parent;

      if (sigap_opd_get_kind (opd) != SIGAP_OPD_KIND_KELURAHAN)
        continue;

      n_kelurahan++;
      g_assert_true (g_str_has_prefix (sigap_opd_get_code (opd), "kel-"));
      parent = g_hash_table_lookup (by_id, sigap_opd_get_parent_id (opd));
      g_assert_nonnull (parent);
      g_assert_cmpint (sigap_opd_get_kind (parent), ==, SIGAP_OPD_KIND_KECAMATAN);
      g_assert_true (g_str_has_prefix (sigap_opd_get_code (parent), "kec-"));

      own = sigap_store_list_accounts (fixture->store, sigap_opd_get_id (opd), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (own->len, ==, 2);
    }
  g_assert_cmpuint (n_kelurahan, >, 0);

  accounts = sigap_store_list_accounts (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, >=, 2 * opds->len);
  for (guint i = 0; i < accounts->len; i++)
    {
      SigapAccount *account = g_ptr_array_index (accounts, i);

      g_assert_true (g_str_has_prefix (sigap_account_get_handle (account), "@"));
      g_assert_true (g_str_has_prefix (sigap_account_get_url (account), "https://"));
      g_assert_true (g_hash_table_contains (by_id, sigap_account_get_opd_id (account)));
    }

  users = sigap_store_list_users (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, opds->len + 3);

  for (guint i = 0; i < users->len; i++)
    {
      SigapUser *user = g_ptr_array_index (users, i);
      SigapOpd *opd;

      g_assert_nonnull (sigap_user_get_password_hash (user));
      if (sigap_user_get_role (user) != SIGAP_ROLE_ADMIN_OPD)
        continue;

      n_admins++;
      opd = g_hash_table_lookup (by_id, sigap_user_get_opd_id (user));
      g_assert_nonnull (opd);
      g_assert_cmpstr (sigap_user_get_username (user), ==, sigap_opd_get_code (opd));
    }
  g_assert_cmpuint (n_admins, ==, opds->len);

  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      g_autoptr(SigapUser) user = sigap_store_find_user_by_name (fixture->store, staff[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (user);
      g_assert_cmpint (sigap_user_get_role (user), ==, staff_roles[i]);
      g_assert_cmpstr (sigap_user_get_opd_id (user), ==, sigap_opd_get_id (diskominfo));
      g_assert_true (sigap_password_verify (sigap_user_get_password_hash (user),
                                            SIGAP_DEMO_PASSWORD));
      g_assert_false (sigap_password_verify (sigap_user_get_password_hash (user),
                                             "wrong password"));
      g_assert_true (sigap_demo_has_user (staff[i]));
    }

  {
    g_autoptr(SigapUser) admin = sigap_store_find_user_by_name (fixture->store, "dinkes", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sigap_user_get_display_name (admin), ==, "Admin Dinas Kesehatan");
    g_assert_true (sigap_password_verify (sigap_user_get_password_hash (admin),
                                          SIGAP_DEMO_PASSWORD));
  }

  g_assert_true (sigap_demo_has_user ("dinkes"));
  g_assert_true (sigap_demo_has_user ("kec-sukamaju"));
  g_assert_false (sigap_demo_has_user ("nobody"));
  g_assert_false (sigap_demo_has_user (""));
}

static gint64
wib_month_start (gint64 t,
                 int    months_ahead)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (WIB_OFFSET);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, wib);
  g_autoptr(GDateTime) first = g_date_time_new (wib, g_date_time_get_year (local),
                                                g_date_time_get_month (local), 1, 0, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_add_months (first, months_ahead);

  return g_date_time_to_unix (start);
}

static void
test_posts (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) month = NULL;
  g_autoptr(GPtrArray) coming = NULL;
  g_autoptr(SigapOpd) dinkes = find_opd (fixture->store, "dinkes");
  gboolean statuses[SIGAP_POST_STATUS_CANCELLED + 1] = { FALSE, };
  gboolean categories[SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT + 1] = { FALSE, };
  guint n_hashtags = 0;
  guint n_links = 0;
  guint n_overrides = 0;
  guint n_past = 0;
  guint n_future = 0;

  g_assert_cmpint (sigap_store_count_posts (fixture->store, NULL), ==, TEST_POSTS);

  posts = sigap_store_list_posts (fixture->store, NULL, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, TEST_POSTS);

  for (guint i = 0; i < posts->len; i++)
    {
      SigapPost *post = g_ptr_array_index (posts, i);
      GPtrArray *variants = sigap_post_get_variants (post);
      SigapPostStatus status = sigap_post_get_status (post);
      gint64 scheduled_at = sigap_post_get_scheduled_at (post);
      gint64 local_seconds = (scheduled_at + WIB_OFFSET) % DAY;

      statuses[status] = TRUE;
      categories[sigap_post_get_category (post)] = TRUE;

      g_assert_nonnull (sigap_post_get_title (post));
      g_assert_true (g_utf8_validate (sigap_post_get_body (post), -1, NULL));
      if (strstr (sigap_post_get_body (post), "#SukamajuMaju") != NULL)
        n_hashtags++;
      if (strstr (sigap_post_get_body (post), "https://") != NULL)
        n_links++;

      /* Between 07:00 and 20:00 WIB, within ~4 months back and ~3 weeks ahead. */
      g_assert_cmpint (local_seconds, >=, 7 * 3600);
      g_assert_cmpint (local_seconds, <=, 20 * 3600);
      g_assert_cmpint (scheduled_at, >, TEST_NOW - 130 * DAY);
      g_assert_cmpint (scheduled_at, <, TEST_NOW + 25 * DAY);
      g_assert_cmpint (sigap_post_get_created_at (post), <=, TEST_NOW);
      g_assert_nonnull (sigap_post_get_author_id (post));

      if (scheduled_at <= TEST_NOW)
        {
          n_past++;
          g_assert_true (status == SIGAP_POST_STATUS_PUBLISHED ||
                         status == SIGAP_POST_STATUS_CANCELLED);
        }
      else
        {
          n_future++;
          g_assert_true (status == SIGAP_POST_STATUS_SCHEDULED ||
                         status == SIGAP_POST_STATUS_REVIEW ||
                         status == SIGAP_POST_STATUS_DRAFT);
        }

      if (status == SIGAP_POST_STATUS_PUBLISHED)
        g_assert_cmpint (sigap_post_get_published_at (post), >=, scheduled_at);
      else
        g_assert_cmpint (sigap_post_get_published_at (post), ==, 0);

      g_assert_cmpuint (variants->len, >=, 1);
      g_assert_cmpuint (variants->len, <=, 5);
      for (guint j = 0; j < variants->len; j++)
        {
          SigapPostVariant *variant = g_ptr_array_index (variants, j);
          const char *url = sigap_post_variant_get_published_url (variant);

          if (status == SIGAP_POST_STATUS_PUBLISHED)
            g_assert_true (url != NULL && g_str_has_prefix (url, "https://"));
          else
            g_assert_null (url);

          if (sigap_post_variant_get_platform (variant) == SIGAP_PLATFORM_YOUTUBE)
            {
              g_assert_nonnull (sigap_post_variant_get_title (variant));
              g_assert_cmpint (g_utf8_strlen (sigap_post_variant_get_title (variant), -1),
                               <=, 100);
            }
          if (sigap_post_variant_get_body (variant) != NULL)
            n_overrides++;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_assert_true (statuses[i]);
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    g_assert_true (categories[i]);
  g_assert_cmpuint (n_hashtags, ==, posts->len);
  g_assert_cmpuint (n_links, >, 0);
  g_assert_cmpuint (n_links, <, posts->len);
  g_assert_cmpuint (n_overrides, >, 0);
  g_assert_cmpuint (n_past, >, n_future);
  g_assert_cmpuint (n_future, >, 0);

  /* The demo signs in as dinkes: its calendar must not be empty. */
  month = sigap_store_list_posts (fixture->store, sigap_opd_get_id (dinkes),
                                  wib_month_start (TEST_NOW, 0),
                                  wib_month_start (TEST_NOW, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (month->len, >=, 5);

  coming = sigap_store_list_posts (fixture->store, sigap_opd_get_id (dinkes),
                                   TEST_NOW, TEST_NOW + 14 * DAY + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coming->len, >=, 5);
}

static gboolean
is_late (SigapComplaint *complaint)
{
  gint64 due_at = sigap_complaint_get_due_at (complaint);
  gint64 resolved_at = sigap_complaint_get_resolved_at (complaint);

  return resolved_at != 0 ? resolved_at > due_at : due_at < TEST_NOW;
}

static void
test_complaints (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(GPtrArray) dinkes_complaints = NULL;
  g_autoptr(SigapOpd) diskominfo = find_opd (fixture->store, "diskominfo");
  g_autoptr(SigapOpd) dinkes = find_opd (fixture->store, "dinkes");
  g_autoptr(GHashTable) tracking = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean statuses[SIGAP_COMPLAINT_STATUS_ARCHIVED + 1] = { FALSE, };
  gboolean channels[SIGAP_CHANNEL_WALK_IN + 1] = { FALSE, };
  gboolean kinds[SIGAP_COMPLAINT_KIND_INFORMATION + 1] = { FALSE, };
  gboolean dinkes_statuses[SIGAP_COMPLAINT_STATUS_ARCHIVED + 1] = { FALSE, };
  guint n_dinkes_statuses = 0;
  guint n_dinkes_late = 0;
  guint n_public = 0;
  guint n_events = 0;

  g_assert_cmpint (sigap_store_count_complaints (fixture->store, NULL), ==, TEST_COMPLAINTS);

  complaints = list_all_complaints (fixture->store, NULL);
  g_assert_cmpuint (complaints->len, ==, TEST_COMPLAINTS);

  for (guint i = 0; i < complaints->len; i++)
    {
      SigapComplaint *complaint = g_ptr_array_index (complaints, i);
      SigapComplaintStatus status = sigap_complaint_get_status (complaint);
      g_autoptr(GPtrArray) events = NULL;
      gint64 received_at = sigap_complaint_get_received_at (complaint);
      SigapComplaintEvent *first;
      SigapComplaintEvent *last;

      statuses[status] = TRUE;
      channels[sigap_complaint_get_channel (complaint)] = TRUE;
      kinds[sigap_complaint_get_kind (complaint)] = TRUE;
      if (sigap_complaint_get_public_issue (complaint))
        n_public++;

      g_assert_true (g_str_has_prefix (sigap_complaint_get_tracking_number (complaint), "ADU-"));
      g_assert_true (g_hash_table_add (tracking, g_strdup (
                                         sigap_complaint_get_tracking_number (complaint))));
      g_assert_nonnull (sigap_complaint_get_category (complaint));
      g_assert_nonnull (sigap_complaint_get_kecamatan (complaint));
      g_assert_nonnull (sigap_complaint_get_desa (complaint));
      g_assert_nonnull (sigap_complaint_get_citizen_name (complaint));
      g_assert_true (g_utf8_validate (sigap_complaint_get_body (complaint), -1, NULL));
      g_assert_null (strchr (sigap_complaint_get_body (complaint), '{'));
      g_assert_cmpint (received_at, <, TEST_NOW);
      g_assert_cmpint (received_at, >, TEST_NOW - 125 * DAY);
      g_assert_cmpint (sigap_complaint_get_due_at (complaint), >, received_at);

      if (status == SIGAP_COMPLAINT_STATUS_RESOLVED || status == SIGAP_COMPLAINT_STATUS_ARCHIVED)
        g_assert_cmpint (sigap_complaint_get_resolved_at (complaint), >, received_at);
      else
        g_assert_cmpint (sigap_complaint_get_resolved_at (complaint), ==, 0);

      /* Triage holds what is not routed yet. */
      if (status == SIGAP_COMPLAINT_STATUS_RECEIVED || status == SIGAP_COMPLAINT_STATUS_VERIFIED)
        g_assert_cmpstr (sigap_complaint_get_opd_id (complaint), ==,
                         sigap_opd_get_id (diskominfo));

      events = sigap_store_list_complaint_events (fixture->store,
                                                  sigap_complaint_get_id (complaint), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (events->len, >=, 1);
      n_events += events->len;

      first = g_ptr_array_index (events, 0);
      last = g_ptr_array_index (events, events->len - 1);
      g_assert_cmpstr (sigap_complaint_event_get_action (first), ==, "created");
      g_assert_cmpint (sigap_complaint_event_get_created_at (first), ==, received_at);
      g_assert_cmpint (sigap_complaint_event_get_to_status (last), ==, status);
      g_assert_cmpint (sigap_complaint_event_get_created_at (last), <=, TEST_NOW);
      g_assert_cmpstr (sigap_complaint_event_get_opd_id (last), ==,
                       sigap_complaint_get_opd_id (complaint));

      for (guint j = 0; j < events->len; j++)
        {
          SigapComplaintEvent *event = g_ptr_array_index (events, j);

          g_assert_nonnull (sigap_complaint_event_get_actor_id (event));
          g_assert_nonnull (sigap_complaint_event_get_note (event));
          g_assert_null (strchr (sigap_complaint_event_get_note (event), '{'));
          if (j > 0)
            {
              SigapComplaintEvent *previous = g_ptr_array_index (events, j - 1);

              g_assert_cmpint (sigap_complaint_event_get_created_at (previous), <,
                               sigap_complaint_event_get_created_at (event));
              g_assert_cmpint (sigap_complaint_event_get_from_status (event), ==,
                               sigap_complaint_event_get_to_status (previous));
            }
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_assert_true (statuses[i]);
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    g_assert_true (channels[i]);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_true (kinds[i]);
  g_assert_cmpuint (n_public, >, 0);
  g_assert_cmpuint (n_events, >, 2 * complaints->len);

  dinkes_complaints = list_all_complaints (fixture->store, sigap_opd_get_id (dinkes));
  for (guint i = 0; i < dinkes_complaints->len; i++)
    {
      SigapComplaint *complaint = g_ptr_array_index (dinkes_complaints, i);
      SigapComplaintStatus status = sigap_complaint_get_status (complaint);

      if (!dinkes_statuses[status])
        n_dinkes_statuses++;
      dinkes_statuses[status] = TRUE;
      if (is_late (complaint))
        n_dinkes_late++;
    }
  g_assert_cmpuint (n_dinkes_statuses, >=, 4);
  g_assert_true (dinkes_statuses[SIGAP_COMPLAINT_STATUS_ROUTED]);
  g_assert_true (dinkes_statuses[SIGAP_COMPLAINT_STATUS_IN_PROGRESS]);
  g_assert_cmpuint (n_dinkes_late, >=, 2);
}

static void
test_reports_and_meta (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = sigap_store_list_reports (fixture->store, NULL, &error);
  g_autofree char *seed_meta = sigap_store_get_meta (fixture->store, "demo_seed");
  g_autofree char *generated_at = sigap_store_get_meta (fixture->store, "demo_generated_at");
  gboolean statuses[SIGAP_REPORT_STATUS_ACCEPTED + 1] = { FALSE, };

  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, >=, 2 * 35);

  for (guint i = 0; i < reports->len; i++)
    {
      SigapReport *report = g_ptr_array_index (reports, i);
      g_autoptr(JsonNode) figures = NULL;
      SigapReportStatus status = sigap_report_get_status (report);
      int months_back;

      statuses[status] = TRUE;

      /* The three complete months before March 2026. */
      months_back = (2026 * 12 + 3) - (sigap_report_get_year (report) * 12 +
                                       sigap_report_get_month (report));
      g_assert_cmpint (months_back, >=, 1);
      g_assert_cmpint (months_back, <=, 3);

      figures = json_from_string (sigap_report_get_figures (report), &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (figures));
      g_assert_true (json_object_has_member (json_node_get_object (figures), "uploads"));

      if (status == SIGAP_REPORT_STATUS_DRAFT)
        g_assert_cmpint (sigap_report_get_submitted_at (report), ==, 0);
      else
        g_assert_cmpint (sigap_report_get_submitted_at (report), >, 0);
    }

  g_assert_true (statuses[SIGAP_REPORT_STATUS_DRAFT]);
  g_assert_true (statuses[SIGAP_REPORT_STATUS_SUBMITTED]);
  g_assert_true (statuses[SIGAP_REPORT_STATUS_ACCEPTED]);

  g_assert_cmpstr (seed_meta, ==, "42");
  g_assert_cmpstr (generated_at, ==, "2026-03-18T03:30:00Z");
}

/* A second seed is refused by the store and rolled back whole. */
static void
test_rollback (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  SigapDemoOptions options = { .seed = 43, .complaints = 10, .posts = 10, .now = TEST_NOW };
  gint64 n_opds_before;
  g_autoptr(GPtrArray) opds = sigap_store_list_opds (fixture->store, &error);

  g_assert_no_error (error);
  n_opds_before = opds->len;

  /* Seed 42 again: same IDs and codes, so the very first insert fails. */
  options.seed = 42;
  g_assert_false (sigap_demo_seed (fixture->store, &options, &error));
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  g_clear_pointer (&opds, g_ptr_array_unref);
  opds = sigap_store_list_opds (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (opds->len, ==, n_opds_before);
  g_assert_cmpint (sigap_store_count_posts (fixture->store, NULL), ==, TEST_POSTS);
  g_assert_cmpint (sigap_store_count_complaints (fixture->store, NULL), ==, TEST_COMPLAINTS);

  /* The store is usable afterwards: no transaction was left open. */
  g_assert_true (sigap_store_set_meta (fixture->store, "after", "rollback", &error));
  g_assert_no_error (error);
}

/* Determinism {{{ */

static void
add_string (GChecksum  *checksum,
            const char *s)
{
  if (s == NULL)
    g_checksum_update (checksum, (const guchar *) "\x01", 1);
  else
    g_checksum_update (checksum, (const guchar *) s, strlen (s) + 1);
}

/* Every property of a record, in the order the class lists them, except
 * what the store stamps itself (updated-at, version) and the salted
 * password hash. */
static void
add_record (GChecksum *checksum,
            gpointer   record)
{
  static const char * const stamped[] = { "updated-at", "version", "password-hash", NULL };
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *contents = NULL;

      if (g_strv_contains (stamped, pspecs[i]->name))
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (record, pspecs[i]->name, &value);
      contents = g_strdup_value_contents (&value);
      add_string (checksum, pspecs[i]->name);
      add_string (checksum, contents);
    }
}

static void
add_records (GChecksum *checksum,
             GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    add_record (checksum, g_ptr_array_index (records, i));
}

/* Everything the demo writes. */
static char *
digest_store (SigapStore *store)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) opds = sigap_store_list_opds (store, &error);
  g_autoptr(GPtrArray) accounts = sigap_store_list_accounts (store, NULL, &error);
  g_autoptr(GPtrArray) users = sigap_store_list_users (store, &error);
  g_autoptr(GPtrArray) posts = sigap_store_list_posts (store, NULL, G_MININT64, G_MAXINT64,
                                                       &error);
  g_autoptr(GPtrArray) complaints = list_all_complaints (store, NULL);
  g_autoptr(GPtrArray) reports = sigap_store_list_reports (store, NULL, &error);
  g_autofree char *seed_meta = sigap_store_get_meta (store, "demo_seed");
  g_autofree char *generated_at = sigap_store_get_meta (store, "demo_generated_at");

  g_assert_no_error (error);

  add_records (checksum, opds);
  add_records (checksum, accounts);
  add_records (checksum, users);

  for (guint i = 0; i < posts->len; i++)
    {
      SigapPost *post = g_ptr_array_index (posts, i);

      add_record (checksum, post);
      add_records (checksum, sigap_post_get_variants (post));
    }

  for (guint i = 0; i < complaints->len; i++)
    {
      SigapComplaint *complaint = g_ptr_array_index (complaints, i);
      g_autoptr(GPtrArray) events = NULL;

      add_record (checksum, complaint);
      events = sigap_store_list_complaint_events (store, sigap_complaint_get_id (complaint),
                                                  &error);
      g_assert_no_error (error);
      add_records (checksum, events);
    }

  add_records (checksum, reports);

  add_string (checksum, seed_meta);
  add_string (checksum, generated_at);

  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(SigapStore) same = open_store (fixture->dir, "same.db");
  g_autoptr(SigapStore) other = open_store (fixture->dir, "other.db");
  g_autofree char *digest = digest_store (fixture->store);
  g_autofree char *same_digest = NULL;
  g_autofree char *other_digest = NULL;

  seed (same, 42);
  seed (other, 7);

  same_digest = digest_store (same);
  other_digest = digest_store (other);

  g_assert_cmpstr (digest, ==, same_digest);
  g_assert_cmpstr (digest, !=, other_digest);
}

/* }}} */

/* Without a time, the demo is built around the start of today in WIB. */
static void
test_default_now (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sigap-demo-XXXXXX", &error);
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GDateTime) generated = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *generated_at = NULL;
  SigapDemoOptions options = { .seed = 1, .complaints = 20, .posts = 20 };
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 t;

  g_assert_no_error (error);
  store = open_store (dir, "now.db");
  g_assert_true (sigap_demo_seed (store, &options, &error));
  g_assert_no_error (error);

  generated_at = sigap_store_get_meta (store, "demo_generated_at");
  generated = g_date_time_new_from_iso8601 (generated_at, utc);
  g_assert_nonnull (generated);
  t = g_date_time_to_unix (generated);
  g_assert_cmpint ((t + WIB_OFFSET) % DAY, ==, 0);
  g_assert_cmpint (t, <=, before);
  g_assert_cmpint (t, >, before - DAY);
  g_assert_cmpint (sigap_store_count_posts (store, NULL), ==, 20);

  g_clear_object (&store);
  sigap_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo/opds-and-users", Fixture, NULL,
              fixture_set_up, test_opds_and_users, fixture_tear_down);
  g_test_add ("/demo/posts", Fixture, NULL,
              fixture_set_up, test_posts, fixture_tear_down);
  g_test_add ("/demo/complaints", Fixture, NULL,
              fixture_set_up, test_complaints, fixture_tear_down);
  g_test_add ("/demo/reports-and-meta", Fixture, NULL,
              fixture_set_up, test_reports_and_meta, fixture_tear_down);
  g_test_add ("/demo/rollback", Fixture, NULL,
              fixture_set_up, test_rollback, fixture_tear_down);
  g_test_add ("/demo/deterministic", Fixture, NULL,
              fixture_set_up, test_deterministic, fixture_tear_down);
  g_test_add_func ("/demo/default-now", test_default_now);

  return g_test_run ();
}
