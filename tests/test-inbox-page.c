/* test-inbox-page.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The complaint inbox's page in-process, on the demo regency: the saved
 * filters, the filter popover and the search give what the store counts
 * for the same query; the view switcher's counts; the detail pane offers
 * exactly the steps the rules allow, and hides or masks the citizen. */

#include "config.h"

#include <glib/gstdio.h>

#include "sigap-complaint-detail.h"
#include "sigap-inbox-page.h"

#include "sigap-test-widget.h"

typedef struct
{
  char *dir;
  SigapStore *store;
  SigapUser *user;
  SigapOpd *opd;
  GtkWindow *window;
  SigapInboxPage *page;
} Fixture;

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* The first widget under @widget, depth first, that @match accepts. */
static GtkWidget *
find_widget (GtkWidget     *widget,
             WidgetMatch    match,
             gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gpointer
find_child (GtkWidget *widget,
            GType      type)
{
  return find_widget (widget, has_type, GSIZE_TO_POINTER (type));
}

/* The list of complaints: the drop-downs hold list views of their own. */
static GtkListView *
complaint_list_view (Fixture *fixture)
{
  GtkWidget *list_view = find_widget (GTK_WIDGET (fixture->page), has_css_class,
                                      "complaint-list");

  g_assert_true (GTK_IS_LIST_VIEW (list_view));

  return GTK_LIST_VIEW (list_view);
}

/* The labels under @widget, in order, that are drawn. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (child)));
      collect_labels (child, texts);
    }
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_labels (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;

  return FALSE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *username = data;
  SigapDemoOptions options = { .seed = 7, .complaints = 400, .posts = 10 };
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sigap-test-inbox-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "sigap.db", NULL);
  fixture->store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  sigap_demo_seed (fixture->store, &options, &error);
  g_assert_no_error (error);

  fixture->user = sigap_store_find_user_by_name (fixture->store, username, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sigap_user_get_opd_id (fixture->user));
  fixture->opd = sigap_store_get_opd (fixture->store, sigap_user_get_opd_id (fixture->user),
                                      &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 720);
  fixture->page = g_object_new (SIGAP_TYPE_INBOX_PAGE, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  sigap_inbox_page_set_source (fixture->page, fixture->store, fixture->user, fixture->opd);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->opd);
  g_clear_object (&fixture->user);
  g_clear_object (&fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static const char *
scope (Fixture *fixture)
{
  return sigap_user_get_role (fixture->user) == SIGAP_ROLE_ADMIN_OPD
         ? sigap_opd_get_id (fixture->opd) : NULL;
}

/* What the store counts for @query, as the page would ask it now. */
static gint64
store_count (Fixture             *fixture,
             SigapComplaintQuery *query)
{
  g_autoptr(SigapCentralDocuments) central = sigap_central_documents_new (NULL, 0);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) today = g_date_time_new_now (zone);
  g_autoptr(SigapWorkingDays) days = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;

  days = sigap_working_days_new_from_documents (central, g_date_time_get_year (today) - 1,
                                                g_date_time_get_year (today) + 1);
  sigap_complaint_query_set_now (query, g_get_real_time () / G_USEC_PER_SEC, zone, days);
  n = sigap_store_count_complaints_matching (fixture->store, scope (fixture), query, &error);
  g_assert_no_error (error);

  return n;
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (sigap_inbox_page_get_model (fixture->page));
}

static GtkDropDown *
filter_named (Fixture    *fixture,
              const char *name)
{
  GtkGrid *grid = find_child (GTK_WIDGET (fixture->page), GTK_TYPE_GRID);

  g_assert_nonnull (grid);
  for (int row = 0; ; row++)
    {
      GtkWidget *label = gtk_grid_get_child_at (grid, 0, row);

      g_assert_nonnull (label);
      if (g_str_equal (gtk_label_get_label (GTK_LABEL (label)), name))
        return GTK_DROP_DOWN (gtk_grid_get_child_at (grid, 1, row));
    }
}

static void
test_saved_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkDropDown *saved = GTK_DROP_DOWN (find_widget (GTK_WIDGET (fixture->page), has_tooltip,
                                                  "Saved filters"));
  g_autoptr(SigapComplaintQuery) all = sigap_complaint_query_new ();
  g_autoptr(SigapComplaintQuery) late = sigap_complaint_query_new_late ();
  g_autoptr(SigapComplaintQuery) due_soon = sigap_complaint_query_new_due_soon ();
  g_autoptr(SigapComplaintQuery) unverified = sigap_complaint_query_new_unverified ();
  g_autoptr(SigapComplaintQuery) mine = NULL;

  mine = sigap_complaint_query_new_mine (sigap_user_get_id (fixture->user));

  g_assert_cmpint (n_shown (fixture), ==, store_count (fixture, all));
  g_assert_cmpint (n_shown (fixture), >, 0);

  gtk_drop_down_set_selected (saved, 1);
  g_assert_cmpint (n_shown (fixture), ==, store_count (fixture, late));
  gtk_drop_down_set_selected (saved, 2);
  g_assert_cmpint (n_shown (fixture), ==, store_count (fixture, due_soon));
  gtk_drop_down_set_selected (saved, 3);
  g_assert_cmpint (n_shown (fixture), ==, store_count (fixture, unverified));
  gtk_drop_down_set_selected (saved, 4);
  g_assert_cmpint (n_shown (fixture), ==, store_count (fixture, mine));
  gtk_drop_down_set_selected (saved, 0);
  g_assert_cmpint (n_shown (fixture), ==, store_count (fixture, all));

  /* The switcher's counts, once the page counted them after start-up. */
  {
    gboolean waited = FALSE;

    g_timeout_add (1500, sigap_test_timeout_cb, &waited);
    while (!waited)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpint (store_count (fixture, late), >, 0);
  g_assert_cmpint (sigap_inbox_page_get_n_late (fixture->page), ==, store_count (fixture, late));
  g_assert_cmpint (sigap_inbox_page_get_n_due_soon (fixture->page), ==,
                   store_count (fixture, due_soon));
}

static void
test_filter_popover (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkDropDown *status = filter_named (fixture, "Status");
  GtkDropDown *channel = filter_named (fixture, "Channel");
  GtkDropDown *sort = filter_named (fixture, "Sort");
  GListModel *model = sigap_inbox_page_get_model (fixture->page);
  g_autoptr(SigapComplaintQuery) query = sigap_complaint_query_new ();
  gint64 previous = G_MAXINT64;

  /* "All statuses", then the statuses in order: In progress. */
  gtk_drop_down_set_selected (status, 1 + SIGAP_COMPLAINT_STATUS_IN_PROGRESS);
  sigap_complaint_query_set_statuses (
    query, SIGAP_COMPLAINT_QUERY_BIT (SIGAP_COMPLAINT_STATUS_IN_PROGRESS));
  g_assert_cmpint (n_shown (fixture), ==, store_count (fixture, query));
  g_assert_cmpint (n_shown (fixture), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SigapComplaint) complaint = g_list_model_get_item (model, i);

      g_assert_cmpint (sigap_complaint_get_status (complaint), ==,
                       SIGAP_COMPLAINT_STATUS_IN_PROGRESS);
    }

  gtk_drop_down_set_selected (channel, 1 + SIGAP_CHANNEL_INSTAGRAM);
  sigap_complaint_query_set_channels (query, SIGAP_COMPLAINT_QUERY_BIT (SIGAP_CHANNEL_INSTAGRAM));
  g_assert_cmpint (n_shown (fixture), ==, store_count (fixture, query));

  /* Oldest first. */
  gtk_drop_down_set_selected (status, 0);
  gtk_drop_down_set_selected (channel, 0);
  gtk_drop_down_set_selected (sort, SIGAP_COMPLAINT_SORT_OLDEST);
  previous = 0;
  for (guint i = 0; i < MIN (50, g_list_model_get_n_items (model)); i++)
    {
      g_autoptr(SigapComplaint) complaint = g_list_model_get_item (model, i);

      g_assert_cmpint (sigap_complaint_get_received_at (complaint), >=, previous);
      previous = sigap_complaint_get_received_at (complaint);
    }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkEditable *search = find_child (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY);
  GListModel *model = sigap_inbox_page_get_model (fixture->page);
  g_autoptr(SigapComplaint) first = g_list_model_get_item (model, 0);
  g_autoptr(SigapComplaintQuery) query = sigap_complaint_query_new ();
  g_autoptr(SigapComplaintQuery) all = sigap_complaint_query_new ();
  const char *tracking = sigap_complaint_get_tracking_number (first);

  sigap_complaint_query_set_text (query, "jalan");
  gtk_editable_set_text (search, "jalan");
  /* The entry tells of a change after a pause, as a person types. */
  while (n_shown (fixture) != store_count (fixture, query))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (n_shown (fixture), <, store_count (fixture, all));

  gtk_editable_set_text (search, tracking);
  while (n_shown (fixture) != 1)
    g_main_context_iteration (NULL, TRUE);

  gtk_editable_set_text (search, "zzqxj");
  while (n_shown (fixture) != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (sigap_inbox_page_get_state (fixture->page), ==, "list");
}

static void
test_detail (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *model = sigap_inbox_page_get_model (fixture->page);
  SigapComplaintDetail *detail = find_child (GTK_WIDGET (fixture->page),
                                             SIGAP_TYPE_COMPLAINT_DETAIL);
  GtkListView *list_view = complaint_list_view (fixture);
  GtkFlowBox *actions = find_child (GTK_WIDGET (detail), GTK_TYPE_FLOW_BOX);
  guint checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model) && checked < 12; i++)
    {
      g_autoptr(SigapComplaint) complaint = g_list_model_get_item (model, i);
      g_auto(GStrv) offered = NULL;
      const char *name = sigap_complaint_get_citizen_name (complaint);
      guint n_buttons = 0;

      if (name == NULL || name[0] == '\0')
        continue;

      g_signal_emit_by_name (list_view, "activate", i);
      g_assert_true (sigap_complaint_detail_get_complaint (detail) != NULL);
      g_assert_cmpstr (sigap_complaint_get_id (sigap_complaint_detail_get_complaint (detail)), ==,
                       sigap_complaint_get_id (complaint));

      /* One button per step the rules offer this role, and no other. */
      offered = sigap_complaint_offered_actions (complaint, sigap_user_get_role (fixture->user),
                                                 sigap_opd_get_id (fixture->opd));
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (actions));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
          GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

          g_assert_true (g_strv_contains ((const char * const *) offered,
                                          g_variant_get_string (target, NULL)));
          n_buttons++;
        }
      g_assert_cmpuint (n_buttons, ==, g_strv_length (offered));

      /* The agency that handles it sees the citizen; presentation mode
       * masks the name. */
      g_assert_true (shows_text (GTK_WIDGET (detail), name));
      sigap_inbox_page_set_presentation_mode (fixture->page, TRUE);
      g_assert_false (shows_text (GTK_WIDGET (detail), name));
      sigap_inbox_page_set_presentation_mode (fixture->page, FALSE);
      g_assert_true (shows_text (GTK_WIDGET (detail), name));
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

/* Leadership reads, and takes no step, nor sees who complained. */
static void
test_detail_pimpinan (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *model = sigap_inbox_page_get_model (fixture->page);
  SigapComplaintDetail *detail = find_child (GTK_WIDGET (fixture->page),
                                             SIGAP_TYPE_COMPLAINT_DETAIL);
  GtkListView *list_view = complaint_list_view (fixture);
  GtkFlowBox *actions = find_child (GTK_WIDGET (detail), GTK_TYPE_FLOW_BOX);

  for (guint i = 0; i < MIN (20, g_list_model_get_n_items (model)); i++)
    {
      g_autoptr(SigapComplaint) complaint = g_list_model_get_item (model, i);
      const char *name = sigap_complaint_get_citizen_name (complaint);

      g_signal_emit_by_name (list_view, "activate", i);
      g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (actions)));
      if (name != NULL && name[0] != '\0')
        g_assert_false (shows_text (GTK_WIDGET (detail), name));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The holiday calendars and canned replies shipped with Sigap. */
  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);

  g_test_add ("/inbox-page/saved-filters", Fixture, "dinkes",
              fixture_set_up, test_saved_filters, fixture_tear_down);
  g_test_add ("/inbox-page/filter-popover", Fixture, "verifikator",
              fixture_set_up, test_filter_popover, fixture_tear_down);
  g_test_add ("/inbox-page/search", Fixture, "verifikator",
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/inbox-page/detail", Fixture, "dinkes",
              fixture_set_up, test_detail, fixture_tear_down);
  g_test_add ("/inbox-page/detail-pimpinan", Fixture, "pimpinan",
              fixture_set_up, test_detail_pimpinan, fixture_tear_down);

  return g_test_run ();
}
