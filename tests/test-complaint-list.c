/* test-complaint-list.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sigap-test-utils.h"

#define N_COMPLAINTS 1234

typedef struct
{
  char *dir;
  SigapStore *store;
  SigapOpd *opd;
  SigapOpd *other_opd;
} Fixture;

static SigapOpd *
add_opd (SigapStore *store,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  SigapOpd *opd = sigap_opd_new ();

  sigap_opd_set_code (opd, code);
  sigap_opd_set_name (opd, code);
  sigap_store_insert_opd (store, opd, &error);
  g_assert_no_error (error);

  return opd;
}

static void
add_complaints (Fixture *f,
                guint    n,
                gint64   first_received_at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sigap_store_begin (f->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
      SigapOpd *opd = i % 4 == 0 ? f->other_opd : f->opd;

      sigap_complaint_set_opd_id (complaint, sigap_opd_get_id (opd));
      /* Some share a time, to exercise the tie order */
      sigap_complaint_set_received_at (complaint, first_received_at + (i / 3) * 60);
      sigap_complaint_set_body (complaint, "Aduan");
      sigap_store_insert_complaint (f->store, complaint, &error);
      g_assert_no_error (error);
    }
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sigap_test_make_tmpdir ();
  path = g_build_filename (f->dir, "sigap.db", NULL);
  f->store = sigap_store_open (path, &error);
  g_assert_no_error (error);

  f->opd = add_opd (f->store, "DPU");
  f->other_opd = add_opd (f->store, "DINSOS");
  add_complaints (f, N_COMPLAINTS, 1750000000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->opd);
  g_clear_object (&f->other_opd);
  g_clear_object (&f->store);
  sigap_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

/* Every item, in order, is what the store lists, across page edges. */
static void
test_items (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SigapComplaintList) list = sigap_complaint_list_new (f->store, NULL);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (list);
  guint n_items = 0;

  g_assert_true (g_list_model_get_item_type (model) == SIGAP_TYPE_COMPLAINT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_COMPLAINTS);
  g_object_get (list, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, N_COMPLAINTS);

  expected = sigap_store_list_complaints (f->store, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, ==, N_COMPLAINTS);

  /* Page edges first, out of order */
  {
    const guint positions[] = { 0, 99, 100, 101, 199, 200, 1233, 1200, 1199, 500, 1, 0 };

    for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
      {
        g_autoptr(SigapComplaint) item = g_list_model_get_item (model, positions[i]);

        g_assert_nonnull (item);
        g_assert_cmpstr (sigap_complaint_get_id (item), ==,
                         sigap_complaint_get_id (g_ptr_array_index (expected, positions[i])));
      }
  }

  /* Then all of them */
  for (guint i = 0; i < N_COMPLAINTS; i++)
    {
      g_autoptr(SigapComplaint) item = g_list_model_get_item (model, i);

      g_assert_nonnull (item);
      sigap_test_assert_same_properties (item, g_ptr_array_index (expected, i), NULL);
    }

  g_assert_null (g_list_model_get_item (model, N_COMPLAINTS));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT));
}

/* Recent pages are cached, old ones forgotten and read again. */
static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SigapComplaintList) list = sigap_complaint_list_new (f->store, NULL);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(SigapComplaint) first = g_list_model_get_item (model, 0);
  g_autoptr(SigapComplaint) again = g_list_model_get_item (model, 0);
  g_autoptr(SigapComplaint) later = NULL;

  /* Same page, same object */
  g_assert_true (first == again);
  g_clear_object (&again);

  /* Visit every page; the first drops out of the cache. */
  for (guint i = 0; i < N_COMPLAINTS; i += 100)
    g_object_unref (g_list_model_get_item (model, i));

  later = g_list_model_get_item (model, 0);
  g_assert_true (later != first);
  g_assert_cmpstr (sigap_complaint_get_id (later), ==, sigap_complaint_get_id (first));
}

/* What views heard since the last reset_changes(): a refresh may come as
 * several changes (a page at a time), so the counts are sums and the
 * position the lowest. */
typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
  guint notifies;
  /* The items a view following the changes would hold. */
  guint mirror;
} Changes;

static void
reset_changes (Changes *changes)
{
  changes->calls = 0;
  changes->position = G_MAXUINT;
  changes->removed = 0;
  changes->added = 0;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->calls++;
  changes->position = MIN (changes->position, position);
  changes->removed += removed;
  changes->added += added;

  /* The model is consistent when views hear of each change. */
  g_assert_cmpuint (position + removed, <=, changes->mirror);
  changes->mirror = changes->mirror - removed + added;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, changes->mirror);
}

static void
watch_changes (GListModel *model,
               Changes    *changes)
{
  changes->mirror = g_list_model_get_n_items (model);
  reset_changes (changes);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), changes);
}

static void
notify_n_items_cb (GObject    *object,
                   GParamSpec *pspec,
                   Changes    *changes)
{
  changes->notifies++;
}

static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SigapComplaintList) list = sigap_complaint_list_new (f->store, NULL);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(SigapComplaint) old_first = g_list_model_get_item (model, 0);
  g_autoptr(SigapComplaint) new_first = NULL;
  g_autoptr(SigapComplaint) shifted = NULL;
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };

  watch_changes (G_LIST_MODEL (list), &changes);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (notify_n_items_cb), &changes);

  /* Newer than everything: they go first. */
  add_complaints (f, 8, 1760000000);

  /* Nothing changes until reload. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_COMPLAINTS);
  g_assert_cmpuint (changes.calls, ==, 0);

  sigap_complaint_list_reload (list);
  g_assert_cmpuint (changes.calls, >=, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, N_COMPLAINTS);
  g_assert_cmpuint (changes.added, ==, N_COMPLAINTS + 8);
  g_assert_cmpuint (changes.notifies, ==, 1);

  new_first = g_list_model_get_item (model, 0);
  g_assert_cmpint (sigap_complaint_get_received_at (new_first), >=, 1760000000);
  shifted = g_list_model_get_item (model, 8);
  g_assert_cmpstr (sigap_complaint_get_id (shifted), ==, sigap_complaint_get_id (old_first));

  /* A reload with nothing new still tells views, but n-items did not
   * change. */
  reset_changes (&changes);
  sigap_complaint_list_reload (list);
  g_assert_cmpuint (changes.calls, >=, 1);
  g_assert_cmpuint (changes.notifies, ==, 1);

  /* Deleting: the count goes down after reload. */
  sigap_store_delete_complaint (f->store, sigap_complaint_get_id (new_first), &error);
  g_assert_no_error (error);
  reset_changes (&changes);
  sigap_complaint_list_reload (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_COMPLAINTS + 7);
  g_assert_cmpuint (changes.removed, ==, N_COMPLAINTS + 8);
}

static void
test_opd_filter (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SigapComplaintList) list = NULL;
  g_autoptr(SigapComplaintList) empty = NULL;
  g_autofree char *opd_id = NULL;
  guint n;

  list = sigap_complaint_list_new (f->store, sigap_opd_get_id (f->other_opd));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, (N_COMPLAINTS + 3) / 4);
  g_object_get (list, "opd-id", &opd_id, NULL);
  g_assert_cmpstr (opd_id, ==, sigap_opd_get_id (f->other_opd));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SigapComplaint) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (sigap_complaint_get_opd_id (item), ==, sigap_opd_get_id (f->other_opd));
    }

  empty = sigap_complaint_list_new (f->store, "no-such-opd");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (empty)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (empty), 0));
}

static SigapComplaint *
add_text (Fixture    *f,
          const char *body,
          gint64      received_at)
{
  g_autoptr(GError) error = NULL;
  SigapComplaint *complaint = sigap_complaint_new ();

  sigap_complaint_set_opd_id (complaint, sigap_opd_get_id (f->opd));
  sigap_complaint_set_received_at (complaint, received_at);
  sigap_complaint_set_body (complaint, body);
  sigap_store_insert_complaint (f->store, complaint, &error);
  g_assert_no_error (error);

  return complaint;
}

static void
assert_list_is (SigapComplaintList  *list,
                const char          *opd_id,
                SigapComplaintQuery *query)
{
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (list);

  g_object_get (list, "store", &store, NULL);
  expected = sigap_store_list_complaints_matching (store, opd_id, query, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(SigapComplaint) item = g_list_model_get_item (model, i);

      g_assert_nonnull (item);
      g_assert_cmpstr (sigap_complaint_get_id (item), ==,
                       sigap_complaint_get_id (g_ptr_array_index (expected, i)));
    }
  g_assert_null (g_list_model_get_item (model, expected->len));
}

/* A query changes what the list holds; paging stays. */
static void
test_query (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SigapComplaintList) list = NULL;
  g_autoptr(SigapComplaintQuery) query = sigap_complaint_query_new ();
  g_autoptr(SigapComplaintQuery) oldest = NULL;
  g_autoptr(SigapComplaint) first = NULL;
  GListModel *model;
  Changes changes = { 0 };

  /* 250 complaints about drainage, over three pages */
  for (guint i = 0; i < 250; i++)
    g_object_unref (add_text (f, i % 2 ? "Drainase tersumbat" : "Drainase meluap",
                              1740000000 + i * 60));

  list = sigap_complaint_list_new (f->store, NULL);
  model = G_LIST_MODEL (list);

  watch_changes (G_LIST_MODEL (list), &changes);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (notify_n_items_cb), &changes);
  g_assert_null (sigap_complaint_list_get_query (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_COMPLAINTS + 250);

  sigap_complaint_query_set_text (query, "drain");
  sigap_complaint_list_set_query (list, query);
  g_assert_cmpuint (changes.calls, >=, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, N_COMPLAINTS + 250);
  g_assert_cmpuint (changes.added, ==, 250);
  g_assert_cmpuint (changes.notifies, ==, 1);
  assert_list_is (list, NULL, query);
  g_assert_true (sigap_complaint_query_equal (sigap_complaint_list_get_query (list), query));

  /* The list keeps a copy: changing the query changes nothing until it
   * is set again. */
  sigap_complaint_query_set_text (query, "drainase meluap");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 250);
  reset_changes (&changes);
  sigap_complaint_list_set_query (list, query);
  g_assert_cmpuint (changes.calls, >=, 1);
  g_assert_cmpuint (changes.removed, ==, 250);
  g_assert_cmpuint (changes.added, ==, 125);
  assert_list_is (list, NULL, query);

  /* The same query again: nothing to tell */
  reset_changes (&changes);
  sigap_complaint_list_set_query (list, query);
  g_assert_cmpuint (changes.calls, ==, 0);

  /* Another order, the same number of items */
  oldest = sigap_complaint_query_copy (query);
  sigap_complaint_query_set_sort (oldest, SIGAP_COMPLAINT_SORT_OLDEST);
  reset_changes (&changes);
  g_object_set (list, "query", oldest, NULL);
  g_assert_cmpuint (changes.calls, >=, 1);
  g_assert_cmpuint (changes.removed, ==, 125);
  g_assert_cmpuint (changes.added, ==, 125);
  g_assert_cmpuint (changes.notifies, ==, 2);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpint (sigap_complaint_get_received_at (first), ==, 1740000000);
  assert_list_is (list, NULL, oldest);

  /* Reload keeps the query and sees new rows */
  g_object_unref (add_text (f, "Drainase meluap lagi", 1750000000));
  reset_changes (&changes);
  sigap_complaint_list_reload (list);
  g_assert_cmpuint (changes.added, ==, 126);
  assert_list_is (list, NULL, oldest);

  /* NULL: everything, as before */
  reset_changes (&changes);
  sigap_complaint_list_set_query (list, NULL);
  g_assert_null (sigap_complaint_list_get_query (list));
  g_assert_cmpuint (changes.added, ==, N_COMPLAINTS + 251);
  assert_list_is (list, NULL, NULL);
}

/* With an OPD and a query, only that OPD's matches */
static void
test_query_opd (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SigapComplaintList) list = NULL;
  g_autoptr(SigapComplaintQuery) query = sigap_complaint_query_new_unverified ();

  list = sigap_complaint_list_new (f->store, sigap_opd_get_id (f->other_opd));
  sigap_complaint_list_set_query (list, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, (N_COMPLAINTS + 3) / 4);
  assert_list_is (list, sigap_opd_get_id (f->other_opd), query);

  sigap_complaint_query_set_text (query, "xyzzy");
  sigap_complaint_list_set_query (list, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
}

/* A query that lists the same complaints, as the inbox sets when it
 * opens (no text, no filter, the time it was set), tells views nothing:
 * a list view told that every item changed asks for each of them. */
static void
test_query_same_rows (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SigapComplaintList) list = sigap_complaint_list_new (f->store, NULL);
  g_autoptr(SigapComplaintQuery) query = sigap_complaint_query_new ();
  g_autoptr(SigapComplaintQuery) late = sigap_complaint_query_new_late ();
  g_autoptr(SigapComplaint) before = NULL;
  g_autoptr(SigapComplaint) after = NULL;
  GListModel *model = G_LIST_MODEL (list);
  Changes changes = { 0 };

  watch_changes (G_LIST_MODEL (list), &changes);
  before = g_list_model_get_item (model, 0);

  sigap_complaint_query_set_now (query, 1750000000, NULL, NULL);
  sigap_complaint_list_set_query (list, query);
  g_assert_cmpuint (changes.calls, ==, 0);
  g_assert_true (sigap_complaint_query_equal (sigap_complaint_list_get_query (list), query));
  after = g_list_model_get_item (model, 0);
  g_assert_true (after == before);
  assert_list_is (list, NULL, query);

  /* Another time, and back to all: still the same complaints */
  sigap_complaint_query_set_now (query, 1760000000, NULL, NULL);
  sigap_complaint_list_set_query (list, query);
  sigap_complaint_list_set_query (list, NULL);
  g_assert_cmpuint (changes.calls, ==, 0);
  g_assert_null (sigap_complaint_list_get_query (list));

  /* Deadline states depend on the time: each time is another list */
  sigap_complaint_query_set_now (late, 1750000000, NULL, NULL);
  sigap_complaint_list_set_query (list, late);
  g_assert_cmpuint (changes.calls, >=, 1);
  reset_changes (&changes);
  sigap_complaint_query_set_now (late, 1760000000, NULL, NULL);
  sigap_complaint_list_set_query (list, late);
  /* Views hear of it, unless the list was and stays empty. */
  g_assert_true (changes.calls >= 1 || g_list_model_get_n_items (model) == 0);
  assert_list_is (list, NULL, late);
}

/* The list keeps its store alive. */
static void
test_owns_store (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SigapComplaintList) list = sigap_complaint_list_new (f->store, NULL);
  g_autoptr(SigapComplaint) item = NULL;
  g_autoptr(SigapStore) store = NULL;

  g_clear_object (&f->store);
  item = g_list_model_get_item (G_LIST_MODEL (list), 1000);
  g_assert_nonnull (item);

  g_object_get (list, "store", &store, NULL);
  g_assert_true (SIGAP_IS_STORE (store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/complaint-list/items", test_items);
  ADD ("/complaint-list/cache", test_cache);
  ADD ("/complaint-list/reload", test_reload);
  ADD ("/complaint-list/opd-filter", test_opd_filter);
  ADD ("/complaint-list/owns-store", test_owns_store);
  ADD ("/complaint-list/query", test_query);
  ADD ("/complaint-list/query-opd", test_query_opd);
  ADD ("/complaint-list/query-same-rows", test_query_same_rows);

#undef ADD

  return g_test_run ();
}
