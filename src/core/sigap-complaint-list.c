/* sigap-complaint-list.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-complaint-list"

#include "config.h"

#include "sigap-complaint-list.h"

/* Rows per page, and pages kept: enough for a few screens of a list view
 * scrolled back and forth. */
#define PAGE_SIZE 100
#define MAX_PAGES 8

/**
 * SigapComplaintList:
 *
 * The complaints of an OPD (or all complaints), newest received first, as
 * a #GListModel; or those a #SigapComplaintQuery matches, in its order.
 * It counts the rows once and reads pages of rows from the store when
 * they are asked for, keeping the few most recently used. Call
 * sigap_complaint_list_reload() after writing complaints.
 */
struct _SigapComplaintList
{
  GObject parent_instance;

  SigapStore *store;
  char *opd_id;
  guint n_items;

  /* The query as set, and the one the rows are read with: its time
   * fixed when it was set or reloaded, so that every page agrees with
   * the count. */
  SigapComplaintQuery *query;
  SigapComplaintQuery *snapshot;

  /* page number → GPtrArray of SigapComplaint */
  GHashTable *pages;
  /* page numbers, most recently used first */
  GQueue lru;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SigapComplaintList, sigap_complaint_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_OPD_ID,
  PROP_N_ITEMS,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_pages (SigapComplaintList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
}

static guint
count_items (SigapComplaintList *self)
{
  g_autoptr(GError) error = NULL;
  gint64 n;

  if (self->snapshot == NULL)
    n = sigap_store_count_complaints (self->store, self->opd_id);
  else
    n = sigap_store_count_complaints_matching (self->store, self->opd_id, self->snapshot,
                                               &error);
  if (n < 0)
    g_debug ("Cannot count complaints: %s", error->message);

  return (guint) CLAMP (n, 0, G_MAXUINT);
}

static void
take_snapshot (SigapComplaintList *self)
{
  g_clear_object (&self->snapshot);

  if (self->query == NULL)
    return;

  self->snapshot = sigap_complaint_query_copy (self->query);
  if (sigap_complaint_query_get_now (self->snapshot) == 0)
    sigap_complaint_query_set_now (self->snapshot,
                                   g_get_real_time () / G_USEC_PER_SEC,
                                   sigap_complaint_query_get_zone (self->query),
                                   sigap_complaint_query_get_working_days (self->query));
}

/* Reads the list afresh and tells views that every item may have
 * changed. */
static void
refresh (SigapComplaintList *self)
{
  guint old_n_items = self->n_items;
  guint new_n_items;
  guint common;

  take_snapshot (self);
  clear_pages (self);
  new_n_items = count_items (self);
  common = MIN (old_n_items, new_n_items);

  if (new_n_items < old_n_items)
    {
      self->n_items = new_n_items;
      g_list_model_items_changed (G_LIST_MODEL (self), common, old_n_items - common, 0);
    }
  for (guint start = 0; start < common; start += PAGE_SIZE)
    {
      guint n = MIN (PAGE_SIZE, common - start);

      g_list_model_items_changed (G_LIST_MODEL (self), start, n, n);
    }
  if (new_n_items > old_n_items)
    {
      self->n_items = new_n_items;
      g_list_model_items_changed (G_LIST_MODEL (self), common, 0, new_n_items - common);
    }

  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Whether @a and @b list the same complaints in the same order (%NULL
 * lists them all, newest first): equal but for their time, which only
 * deadline states depend on. */
static gboolean
same_rows (SigapComplaintQuery *a,
           SigapComplaintQuery *b)
{
  g_autoptr(SigapComplaintQuery) timeless_a = NULL;
  g_autoptr(SigapComplaintQuery) timeless_b = NULL;

  if (sigap_complaint_query_equal (a, b))
    return TRUE;

  if ((a != NULL && sigap_complaint_query_get_deadlines (a) != 0) ||
      (b != NULL && sigap_complaint_query_get_deadlines (b) != 0))
    return FALSE;

  timeless_a = a != NULL ? sigap_complaint_query_copy (a) : sigap_complaint_query_new ();
  timeless_b = b != NULL ? sigap_complaint_query_copy (b) : sigap_complaint_query_new ();
  sigap_complaint_query_set_now (timeless_a, 0, NULL, NULL);
  sigap_complaint_query_set_now (timeless_b, 0, NULL, NULL);
  sigap_complaint_query_set_due_soon_days (timeless_b,
                                           sigap_complaint_query_get_due_soon_days (timeless_a));

  return sigap_complaint_query_equal (timeless_a, timeless_b);
}

static GPtrArray *
get_page (SigapComplaintList *self,
          guint               page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows != NULL)
    {
      if (g_queue_peek_head (&self->lru) != GUINT_TO_POINTER (page))
        {
          g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
          g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
        }
      return rows;
    }

  if (self->snapshot == NULL)
    rows = sigap_store_list_complaints (self->store, self->opd_id,
                                        page * PAGE_SIZE, PAGE_SIZE, &error);
  else
    rows = sigap_store_list_complaints_matching (self->store, self->opd_id, self->snapshot,
                                                 page * PAGE_SIZE, PAGE_SIZE, &error);
  if (rows == NULL)
    {
      g_debug ("Cannot read complaints %u to %u: %s",
               page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE - 1, error->message);
      return NULL;
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));

  while (self->lru.length > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));

  return rows;
}

static GType
sigap_complaint_list_get_item_type (GListModel *model)
{
  return SIGAP_TYPE_COMPLAINT;
}

static guint
sigap_complaint_list_get_n_items (GListModel *model)
{
  return SIGAP_COMPLAINT_LIST (model)->n_items;
}

static gpointer
sigap_complaint_list_get_item (GListModel *model,
                               guint       position)
{
  SigapComplaintList *self = SIGAP_COMPLAINT_LIST (model);
  GPtrArray *rows;
  guint index;

  if (position >= self->n_items)
    return NULL;

  rows = get_page (self, position / PAGE_SIZE);
  index = position % PAGE_SIZE;

  /* Rows deleted since the count: the list is stale until reloaded. */
  if (rows == NULL || index >= rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (rows, index));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sigap_complaint_list_get_item_type;
  iface->get_n_items = sigap_complaint_list_get_n_items;
  iface->get_item = sigap_complaint_list_get_item;
}

static void
sigap_complaint_list_constructed (GObject *object)
{
  SigapComplaintList *self = SIGAP_COMPLAINT_LIST (object);

  G_OBJECT_CLASS (sigap_complaint_list_parent_class)->constructed (object);

  g_assert (SIGAP_IS_STORE (self->store));

  take_snapshot (self);
  self->n_items = count_items (self);
}

static void
sigap_complaint_list_finalize (GObject *object)
{
  SigapComplaintList *self = SIGAP_COMPLAINT_LIST (object);

  clear_pages (self);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->opd_id, g_free);
  g_clear_object (&self->query);
  g_clear_object (&self->snapshot);

  G_OBJECT_CLASS (sigap_complaint_list_parent_class)->finalize (object);
}

static void
sigap_complaint_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SigapComplaintList *self = SIGAP_COMPLAINT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_OPD_ID:
      g_value_set_string (value, self->opd_id);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_complaint_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SigapComplaintList *self = SIGAP_COMPLAINT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_OPD_ID:
      self->opd_id = g_value_dup_string (value);
      break;

    case PROP_QUERY:
      sigap_complaint_list_set_query (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_complaint_list_class_init (SigapComplaintListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sigap_complaint_list_constructed;
  object_class->finalize = sigap_complaint_list_finalize;
  object_class->get_property = sigap_complaint_list_get_property;
  object_class->set_property = sigap_complaint_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SIGAP_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OPD_ID] =
    g_param_spec_string ("opd-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * SigapComplaintList:query:
   *
   * What the list holds: the complaints the query matches, in its order;
   * %NULL for every complaint, newest received first. The list keeps a
   * copy: set it again after changing it.
   */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL,
                         SIGAP_TYPE_COMPLAINT_QUERY,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sigap_complaint_list_init (SigapComplaintList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
}

/**
 * sigap_complaint_list_new:
 * @store: a #SigapStore
 * @opd_id: (nullable): the OPD whose complaints to list, or %NULL for all
 *
 * Returns: (transfer full): a new #SigapComplaintList
 */
SigapComplaintList *
sigap_complaint_list_new (SigapStore *store,
                          const char *opd_id)
{
  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);

  return g_object_new (SIGAP_TYPE_COMPLAINT_LIST,
                       "store", store,
                       "opd-id", opd_id,
                       NULL);
}

/**
 * sigap_complaint_list_reload:
 * @self: a #SigapComplaintList
 *
 * Forgets the rows read so far, counts again and tells views that every
 * item may have changed.
 */
void
sigap_complaint_list_reload (SigapComplaintList *self)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_LIST (self));

  refresh (self);
}

/**
 * sigap_complaint_list_get_query:
 * @self: a #SigapComplaintList
 *
 * Returns: (transfer none) (nullable): the query the list holds the
 *   complaints of, %NULL for all
 */
SigapComplaintQuery *
sigap_complaint_list_get_query (SigapComplaintList *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_LIST (self), NULL);

  return self->query;
}

/**
 * sigap_complaint_list_set_query:
 * @self: a #SigapComplaintList
 * @query: (nullable): what to hold, or %NULL for every complaint
 *
 * Makes the list hold the complaints @query matches, in its order, read
 * page by page as before. The list keeps a copy of @query, taken now: set
 * it again after changing it. A query without a time (see
 * sigap_complaint_query_set_now()) is read at the time it is set, and at
 * each sigap_complaint_list_reload().
 *
 * Unless @query lists the same complaints as the current one (it equals
 * it, or differs only in its time and has no deadline states), tells
 * views that every item may have changed, as sigap_complaint_list_reload()
 * does.
 */
void
sigap_complaint_list_set_query (SigapComplaintList  *self,
                                SigapComplaintQuery *query)
{
  g_autoptr(SigapComplaintQuery) old_query = NULL;

  g_return_if_fail (SIGAP_IS_COMPLAINT_LIST (self));
  g_return_if_fail (query == NULL || SIGAP_IS_COMPLAINT_QUERY (query));

  if (self->query == query ||
      (self->query != NULL && query != NULL && sigap_complaint_query_equal (self->query, query)))
    return;

  old_query = g_steal_pointer (&self->query);
  if (query != NULL)
    self->query = sigap_complaint_query_copy (query);

  /* The rows read so far stay, and views keep theirs: telling a list
   * view that every item changed makes it ask for each of them, to find
   * where its rows went, and so read every page. */
  if (same_rows (old_query, self->query))
    take_snapshot (self);
  else
    refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}
