/* sigap-inbox-page.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-inbox-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-complaint-detail.h"
#include "sigap-complaint-row.h"
#include "sigap-complaint-window.h"
#include "sigap-format.h"
#include "sigap-import-window.h"
#include "sigap-inbox-page.h"

/* The saved filters, in the order of the drop-down. */
typedef enum
{
  SAVED_FILTER_ALL,
  SAVED_FILTER_LATE,
  SAVED_FILTER_DUE_SOON,
  SAVED_FILTER_UNVERIFIED,
  SAVED_FILTER_MINE,
} SavedFilter;

struct _SigapInboxPage
{
  AdwBin parent_instance;

  SigapStore *store;
  SigapUser *user;
  SigapOpd *opd;
  GTimeZone *zone;
  /* OPD and user IDs to the names shown for them. */
  GHashTable *names;
  /* The ID of the complaint the detail pane shows. */
  char *shown_id;

  /* The filter popover: each choice's first item is "all". */
  GtkDropDown *status_filter;
  GtkDropDown *channel_filter;
  GtkDropDown *kind_filter;
  GtkDropDown *deadline_filter;
  GtkDropDown *handler_filter;
  GtkDropDown *sort_filter;
  /* The users the handler filter offers, after "all". */
  GPtrArray *handler_ids;
  /* The working days that deadlines count: weekends, holidays and cuti
   * bersama of the calendars Sigap has. */
  SigapWorkingDays *days;
  /* The regency's service levels, read with the calendars. */
  SigapSlaSettings sla;

  /* A paging model: the list view asks only for the rows it shows. It is
   * given to the list view when the page is first shown, so a page that
   * stays hidden makes no rows at start-up. */
  SigapComplaintList *complaints;
  GtkSelectionModel *selection;
  gboolean presentation_mode;

  /* Open complaints past their deadline, and due within a working day. */
  guint n_late;
  guint n_due_soon;
  guint urgent_source;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  AdwLeaflet *leaflet;
  GtkSearchEntry *search_entry;
  GtkDropDown *filter_dropdown;
  GtkMenuButton *filter_button;
  GtkGrid *filter_grid;
  GtkLabel *count_label;
  GtkStack *results_stack;
  GtkListView *list_view;
  GtkButton *back_button;
  SigapComplaintDetail *detail;
};

G_DEFINE_FINAL_TYPE (SigapInboxPage, sigap_inbox_page, ADW_TYPE_BIN)

#define URGENT_DELAY_MS 500

enum {
  PROP_0,
  PROP_PRESENTATION_MODE,
  PROP_N_LATE,
  PROP_N_DUE_SOON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The holiday calendars are read when the first row is shown, not when
 * the window starts. */
static SigapWorkingDays *
ensure_days (SigapInboxPage *self)
{
  if (self->days == NULL)
    {
      g_autoptr(SigapCentralDocuments) central = sigap_central_documents_new (NULL, 0);
      g_autoptr(GDateTime) today = g_date_time_new_now (self->zone);
      int year = g_date_time_get_year (today);

      self->days = sigap_working_days_new_from_documents (central, year - 1, year + 1);
      sigap_sla_settings_init_from_documents (&self->sla, central);
    }

  return self->days;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SigapInboxPage           *self)
{
  SigapComplaintRow *row = sigap_complaint_row_new ();

  g_object_bind_property (self, "presentation-mode", row, "presentation-mode",
                          G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (item, GTK_WIDGET (row));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SigapInboxPage           *self)
{
  SigapComplaintRow *row = SIGAP_COMPLAINT_ROW (gtk_list_item_get_child (item));

  sigap_complaint_row_set_complaint (row, gtk_list_item_get_item (item), self->zone,
                                     ensure_days (self), &self->sla,
                                     g_get_real_time () / G_USEC_PER_SEC);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SigapInboxPage           *self)
{
  SigapComplaintRow *row = SIGAP_COMPLAINT_ROW (gtk_list_item_get_child (item));

  sigap_complaint_row_set_complaint (row, NULL, self->zone, self->days, NULL, 0);
}

/* The complaints the list holds: an agency's admin handles those routed
 * to the agency; Diskominfo's roles triage and follow them all. */
static const char *
opd_scope (SigapInboxPage *self)
{
  if (self->user != NULL && sigap_user_get_role (self->user) != SIGAP_ROLE_ADMIN_OPD)
    return NULL;

  return self->opd != NULL ? sigap_opd_get_id (self->opd) : NULL;
}

static void
update_count (SigapInboxPage *self)
{
  guint n_items = 0;
  g_autofree char *text = NULL;

  if (self->complaints != NULL)
    n_items = g_list_model_get_n_items (G_LIST_MODEL (self->complaints));

  text = g_strdup_printf (ngettext ("%u complaint", "%u complaints", n_items), n_items);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->results_stack, n_items > 0 ? "results" : "no-results");

  if (self->store == NULL || self->opd == NULL)
    gtk_stack_set_visible_child_name (self->stack, "signed-out");
  else if (n_items > 0 || sigap_store_count_complaints (self->store, opd_scope (self)) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static guint
count_deadline (SigapInboxPage      *self,
                SigapComplaintQuery *query)
{
  gint64 n;

  sigap_complaint_query_set_now (query, g_get_real_time () / G_USEC_PER_SEC, self->zone,
                                 ensure_days (self));
  sigap_complaint_query_set_due_soon_days (query, self->sla.due_soon_days);
  n = sigap_store_count_complaints_matching (self->store, opd_scope (self), query, NULL);

  return (guint) CLAMP (n, 0, G_MAXUINT);
}

/* The counts the window's view switcher shows on the page. */
static void
update_urgent (SigapInboxPage *self)
{
  guint n_late = 0;
  guint n_due_soon = 0;

  if (self->store != NULL && self->opd != NULL)
    {
      g_autoptr(SigapComplaintQuery) late = sigap_complaint_query_new_late ();
      g_autoptr(SigapComplaintQuery) due_soon = sigap_complaint_query_new_due_soon ();

      n_late = count_deadline (self, late);
      n_due_soon = count_deadline (self, due_soon);
    }

  if (self->n_late != n_late)
    {
      self->n_late = n_late;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LATE]);
    }
  if (self->n_due_soon != n_due_soon)
    {
      self->n_due_soon = n_due_soon;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE_SOON]);
    }
}

static gboolean
update_urgent_cb (gpointer user_data)
{
  SigapInboxPage *self = user_data;

  self->urgent_source = 0;
  update_urgent (self);

  return G_SOURCE_REMOVE;
}

/* Counting reads the holiday calendars: after start-up's first frames. */
static void
queue_update_urgent (SigapInboxPage *self)
{
  if (self->urgent_source == 0)
    self->urgent_source = g_timeout_add_full (G_PRIORITY_LOW, URGENT_DELAY_MS,
                                              update_urgent_cb, self, NULL);
}

static void
items_changed_cb (SigapInboxPage *self,
                  guint           position,
                  guint           removed,
                  guint           added,
                  GListModel     *model)
{
  update_count (self);
}

static SigapRole
user_role (SigapInboxPage *self)
{
  return self->user != NULL ? sigap_user_get_role (self->user) : SIGAP_ROLE_PIMPINAN;
}

static const char *
user_opd_id (SigapInboxPage *self)
{
  return self->opd != NULL ? sigap_opd_get_id (self->opd) : NULL;
}

static void
build_names (SigapInboxPage *self)
{
  g_autoptr(GPtrArray) opds = NULL;
  g_autoptr(GPtrArray) users = NULL;

  g_clear_pointer (&self->names, g_hash_table_unref);
  if (self->store == NULL)
    return;

  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  opds = sigap_store_list_opds (self->store, NULL);
  for (guint i = 0; opds != NULL && i < opds->len; i++)
    {
      SigapOpd *opd = g_ptr_array_index (opds, i);

      g_hash_table_insert (self->names, g_strdup (sigap_opd_get_id (opd)),
                           g_strdup (sigap_opd_get_name (opd)));
    }

  users = sigap_store_list_users (self->store, NULL);
  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      SigapUser *user = g_ptr_array_index (users, i);
      const char *name = sigap_user_get_display_name (user);

      if (name == NULL || name[0] == '\0')
        name = sigap_user_get_username (user);
      g_hash_table_insert (self->names, g_strdup (sigap_user_get_id (user)), g_strdup (name));
    }
}

/* Shows the complaint @id in the detail pane, read again from the store
 * with its timeline, or nothing. */
static void
show_complaint (SigapInboxPage *self,
                const char     *id)
{
  g_autoptr(SigapComplaint) complaint = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_auto(GStrv) actions = NULL;
  SigapComplaintDetailContext context = { 0 };

  if (id != self->shown_id)
    {
      g_free (self->shown_id);
      self->shown_id = g_strdup (id);
    }

  if (id != NULL && self->store != NULL)
    complaint = sigap_store_get_complaint (self->store, id, NULL);
  if (complaint == NULL)
    {
      g_clear_pointer (&self->shown_id, g_free);
      sigap_complaint_detail_show (self->detail, NULL, NULL, NULL);
      return;
    }

  events = sigap_store_list_complaint_events (self->store, id, NULL);
  actions = sigap_complaint_offered_actions (complaint, user_role (self), user_opd_id (self));

  context.zone = self->zone;
  context.days = ensure_days (self);
  context.sla = &self->sla;
  context.now = g_get_real_time () / G_USEC_PER_SEC;
  context.names = self->names;
  context.may_see_citizen = sigap_mask_may_see_complaint (complaint, user_role (self),
                                                          user_opd_id (self));
  context.actions = (const char * const *) actions;

  sigap_complaint_detail_show (self->detail, complaint, events, &context);
}

static void
selection_changed_cb (SigapInboxPage    *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  SigapComplaint *complaint;

  complaint = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  if (complaint == NULL)
    return;

  if (g_strcmp0 (self->shown_id, sigap_complaint_get_id (complaint)) != 0)
    show_complaint (self, sigap_complaint_get_id (complaint));
}

static void
row_activated_cb (SigapInboxPage *self,
                  guint           position,
                  GtkListView    *list_view)
{
  g_autoptr(SigapComplaint) complaint = NULL;

  complaint = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (complaint == NULL)
    return;

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (self->selection), position);
  show_complaint (self, sigap_complaint_get_id (complaint));
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
folded_changed_cb (SigapInboxPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SigapInboxPage *self = SIGAP_INBOX_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SigapInboxPage *self = SIGAP_INBOX_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The filter popover's choices, each over the saved filter's. */
static void
apply_filters (SigapInboxPage      *self,
               SigapComplaintQuery *query)
{
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint channel = gtk_drop_down_get_selected (self->channel_filter);
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint deadline = gtk_drop_down_get_selected (self->deadline_filter);
  guint handler = gtk_drop_down_get_selected (self->handler_filter);
  guint sort;
  gboolean active = FALSE;

  if (status > 0 && status != GTK_INVALID_LIST_POSITION)
    {
      sigap_complaint_query_set_statuses (query, SIGAP_COMPLAINT_QUERY_BIT (status - 1));
      active = TRUE;
    }
  if (channel > 0 && channel != GTK_INVALID_LIST_POSITION)
    {
      sigap_complaint_query_set_channels (query, SIGAP_COMPLAINT_QUERY_BIT (channel - 1));
      active = TRUE;
    }
  if (kind > 0 && kind != GTK_INVALID_LIST_POSITION)
    {
      sigap_complaint_query_set_kinds (query, SIGAP_COMPLAINT_QUERY_BIT (kind - 1));
      active = TRUE;
    }
  /* The deadline states after "all": on time, due soon, late. */
  if (deadline > 0 && deadline != GTK_INVALID_LIST_POSITION)
    {
      sigap_complaint_query_set_deadlines (query, SIGAP_COMPLAINT_QUERY_BIT (deadline));
      active = TRUE;
    }
  if (handler > 0 && self->handler_ids != NULL && handler <= self->handler_ids->len)
    {
      sigap_complaint_query_set_assignee_id (query,
                                             g_ptr_array_index (self->handler_ids, handler - 1));
      active = TRUE;
    }
  sort = MIN (gtk_drop_down_get_selected (self->sort_filter), SIGAP_COMPLAINT_SORT_DEADLINE);
  sigap_complaint_query_set_sort (query, (SigapComplaintSort) sort);

  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filter-active");
}

/* What the search field and the saved filter ask for. */
static void
update_query (SigapInboxPage *self)
{
  g_autoptr(SigapComplaintQuery) query = NULL;
  const char *text;

  if (self->complaints == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  switch ((SavedFilter) gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case SAVED_FILTER_LATE:
      query = sigap_complaint_query_new_late ();
      break;

    case SAVED_FILTER_DUE_SOON:
      query = sigap_complaint_query_new_due_soon ();
      break;

    case SAVED_FILTER_UNVERIFIED:
      query = sigap_complaint_query_new_unverified ();
      break;

    case SAVED_FILTER_MINE:
      query = sigap_complaint_query_new_mine (self->user != NULL
                                              ? sigap_user_get_id (self->user) : "");
      break;

    case SAVED_FILTER_ALL:
    default:
      query = sigap_complaint_query_new ();
      break;
    }

  sigap_complaint_query_set_text (query, text);
  apply_filters (self, query);
  /* The holiday calendars are read only when a deadline is asked about. */
  if (sigap_complaint_query_get_deadlines (query) != 0)
    {
      sigap_complaint_query_set_now (query, g_get_real_time () / G_USEC_PER_SEC, self->zone,
                                     ensure_days (self));
      sigap_complaint_query_set_due_soon_days (query, self->sla.due_soon_days);
    }
  else
    {
      sigap_complaint_query_set_now (query, g_get_real_time () / G_USEC_PER_SEC, self->zone,
                                     NULL);
    }
  sigap_complaint_list_set_query (self->complaints, query);
  update_count (self);
}

static void
search_changed_cb (SigapInboxPage *self)
{
  update_query (self);
}

static void
filter_changed_cb (SigapInboxPage *self)
{
  update_query (self);
}

static GtkDropDown *
add_filter (SigapInboxPage *self,
            int             row,
            const char     *title,
            GtkStringList  *choices)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (choices), NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_grid_attach (self->filter_grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->filter_grid, dropdown, 1, row, 1, 1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_DROP_DOWN (dropdown);
}

static void
build_filters (SigapInboxPage *self)
{
  static const SigapChannel channels[] = {
    SIGAP_CHANNEL_FACEBOOK, SIGAP_CHANNEL_INSTAGRAM, SIGAP_CHANNEL_X, SIGAP_CHANNEL_YOUTUBE,
    SIGAP_CHANNEL_TIKTOK, SIGAP_CHANNEL_WEB_FORM, SIGAP_CHANNEL_LAPOR, SIGAP_CHANNEL_WALK_IN,
  };
  GtkStringList *statuses = gtk_string_list_new (NULL);
  GtkStringList *channel_names = gtk_string_list_new (NULL);
  GtkStringList *kinds = gtk_string_list_new (NULL);
  GtkStringList *deadlines = gtk_string_list_new (NULL);
  GtkStringList *handlers = gtk_string_list_new (NULL);
  GtkStringList *sorts = gtk_string_list_new (NULL);

  gtk_string_list_append (statuses, _("All statuses"));
  for (guint i = 0; i < SIGAP_N_COMPLAINT_STATUSES; i++)
    gtk_string_list_append (statuses, sigap_complaint_status_to_label ((SigapComplaintStatus) i));

  /* The query's channel bits follow the enum's order. */
  gtk_string_list_append (channel_names, _("All channels"));
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      g_assert ((guint) channels[i] == i);
      gtk_string_list_append (channel_names, sigap_channel_to_label (channels[i]));
    }

  gtk_string_list_append (kinds, _("All types"));
  for (guint i = SIGAP_COMPLAINT_KIND_ASPIRATION; i <= SIGAP_COMPLAINT_KIND_INFORMATION; i++)
    gtk_string_list_append (kinds, sigap_complaint_kind_to_label ((SigapComplaintKind) i));

  gtk_string_list_append (deadlines, _("All deadlines"));
  gtk_string_list_append (deadlines, _("On time"));
  gtk_string_list_append (deadlines, _("Due soon"));
  gtk_string_list_append (deadlines, _("Late"));

  gtk_string_list_append (handlers, _("Everyone"));

  /* In SigapComplaintSort's order. */
  gtk_string_list_append (sorts, _("Newest first"));
  gtk_string_list_append (sorts, _("Oldest first"));
  gtk_string_list_append (sorts, _("Nearest deadline first"));

  self->status_filter = add_filter (self, 0, _("Status"), statuses);
  self->channel_filter = add_filter (self, 1, _("Channel"), channel_names);
  self->kind_filter = add_filter (self, 2, _("Type"), kinds);
  self->deadline_filter = add_filter (self, 3, _("Deadline"), deadlines);
  self->handler_filter = add_filter (self, 4, _("Assigned to"), handlers);
  self->sort_filter = add_filter (self, 5, _("Sort"), sorts);
}

/* The people the handler filter offers: those who may handle the
 * agency's complaints. */
static void
build_handler_filter (SigapInboxPage *self)
{
  g_autoptr(GPtrArray) users = NULL;
  GtkStringList *names = GTK_STRING_LIST (gtk_drop_down_get_model (self->handler_filter));
  guint n_names = g_list_model_get_n_items (G_LIST_MODEL (names));

  gtk_drop_down_set_selected (self->handler_filter, 0);
  gtk_string_list_splice (names, 1, n_names - 1, NULL);
  g_clear_pointer (&self->handler_ids, g_ptr_array_unref);
  self->handler_ids = g_ptr_array_new_with_free_func (g_free);

  if (self->store != NULL)
    users = sigap_store_list_users (self->store, NULL);

  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      SigapUser *user = g_ptr_array_index (users, i);
      const char *name = sigap_user_get_display_name (user);
      const char *scope = opd_scope (self);

      if (sigap_user_get_disabled (user) || sigap_user_get_role (user) == SIGAP_ROLE_PIMPINAN ||
          (scope != NULL && g_strcmp0 (sigap_user_get_opd_id (user), scope) != 0))
        continue;
      if (name == NULL || name[0] == '\0')
        name = sigap_user_get_username (user);
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->handler_ids, g_strdup (sigap_user_get_id (user)));
    }
}

/* Steps {{{ */

typedef struct
{
  SigapInboxPage *self;
  char *complaint_id;
  char *action;
  /* The IDs of the agencies or people to choose from, in the list's
   * order. */
  GPtrArray *choice_ids;
  GPtrArray *templates;
  GtkListBox *choice_list;
  GtkDropDown *template_dropdown;
  GtkTextView *note_view;
  gboolean needs_note;
  gboolean closed;
} Step;

static void
step_free (Step *step)
{
  g_clear_object (&step->self);
  g_free (step->complaint_id);
  g_free (step->action);
  g_clear_pointer (&step->choice_ids, g_ptr_array_unref);
  g_clear_pointer (&step->templates, g_ptr_array_unref);
  g_free (step);
}

typedef struct
{
  const char *action;
  const char *heading;
  const char *body;
  const char *note_label;
  gboolean needs_note;
  gboolean destructive;
} StepText;

static const StepText step_texts[] = {
  { "verified", N_("Verify the complaint?"),
    N_("It is a real complaint, complete enough to be handled. The deadline for answering it "
       "counts from now."),
    N_("Note (optional)"), FALSE, FALSE },
  { "routed", N_("Route to an OPD"),
    N_("Choose the agency that owns the problem and say why. It sees the complaint after the "
       "next sync."),
    N_("Reason"), TRUE, FALSE },
  { "in-progress", N_("Start handling the complaint?"),
    N_("Say what will be done, so that the timeline shows it."),
    N_("Note (optional)"), FALSE, FALSE },
  { "resolved", N_("Resolve the complaint"),
    N_("Write the public answer the citizen receives. It is kept on the timeline."),
    N_("Public answer"), TRUE, FALSE },
  { "not-our-authority", N_("Not our authority?"),
    N_("The complaint goes back to Diskominfo’s verifikator to be routed again. Say why."),
    N_("Reason"), TRUE, TRUE },
  { "rejected", N_("Reject the complaint?"),
    N_("A rejected complaint is not handled. The reason is kept on its timeline."),
    N_("Reason"), TRUE, TRUE },
  { "archived", N_("Archive the complaint?"),
    N_("An archived complaint leaves the open list and stays searchable."),
    N_("Note (optional)"), FALSE, FALSE },
  { "note", N_("Add a note"),
    N_("A note is kept on the timeline and changes nothing else."),
    N_("Note"), TRUE, FALSE },
  { "escalated", N_("Escalate to TRC?"),
    N_("The rapid-response team handles it as a public issue, across agencies."),
    N_("Note (optional)"), FALSE, FALSE },
  { "assigned", N_("Assign the complaint"),
    N_("Choose who in the agency handles it. They see it among their own complaints."),
    NULL, FALSE, FALSE },
  { "answered", N_("Answer the citizen"),
    N_("Choose a canned reply and edit it. “Copy & Open” copies the answer and opens the "
       "original message, where you paste it; the answer is kept on the timeline."),
    N_("Answer to send"), TRUE, FALSE },
};

static const StepText *
find_step_text (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_texts); i++)
    if (g_str_equal (step_texts[i].action, action))
      return &step_texts[i];

  return NULL;
}

static char *
dup_note (Step *step)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (step->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return g_strstrip (g_steal_pointer (&text));
}

static void
update_apply (AdwMessageDialog *dialog)
{
  Step *step = g_object_get_data (G_OBJECT (dialog), "sigap-step");
  g_autofree char *note = NULL;
  gboolean ready;

  /* The list's selection goes as the dialog is destroyed, after it
   * answered. */
  if (step == NULL || step->closed)
    return;

  note = dup_note (step);
  ready = !step->needs_note || note[0] != '\0';

  if (step->choice_list != NULL)
    ready = ready && gtk_list_box_get_selected_row (step->choice_list) != NULL;

  adw_message_dialog_set_response_enabled (dialog, "apply", ready);
}

static void
update_apply_cb (GtkTextBuffer    *buffer,
                 AdwMessageDialog *dialog)
{
  update_apply (dialog);
}

static void
template_selected_cb (GtkDropDown      *dropdown,
                      GParamSpec       *pspec,
                      AdwMessageDialog *dialog)
{
  Step *step = g_object_get_data (G_OBJECT (dialog), "sigap-step");
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(SigapComplaint) complaint = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *text = NULL;
  SigapReplyValues values;
  const char *opd_name = NULL;

  /* The first item is "no template". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > step->templates->len)
    return;

  complaint = sigap_store_get_complaint (step->self->store, step->complaint_id, NULL);
  if (complaint == NULL)
    return;

  if (step->self->opd != NULL)
    opd_name = sigap_opd_get_name (step->self->opd);
  today = g_date_time_new_now (step->self->zone);
  sigap_reply_values_init_for_complaint (&values, complaint, opd_name, today);
  text = sigap_reply_template_fill (g_ptr_array_index (step->templates, selected - 1), &values,
                                    NULL, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (step->note_view), text, -1);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
message_shown_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SigapInboxPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_message ("Cannot open the complaint's link: %s", error->message);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The answer is copied, but no browser could "
                                                "open the message. Open it from the link in "
                                                "the details and paste the answer there.")));
}

/* "Salin & buka": the answer goes to the clipboard, and the citizen's
 * comment or message opens in the browser to paste it in. */
static void
copy_and_open (SigapInboxPage *self,
               SigapComplaint *complaint,
               const char     *answer)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  const char *url = sigap_complaint_get_source_url (complaint);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gdk_clipboard_set_text (clipboard, answer);

  if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) &&
      GTK_IS_WINDOW (root))
    gtk_show_uri_full (GTK_WINDOW (root), url, GDK_CURRENT_TIME, NULL, message_shown_cb,
                       g_object_ref (self));
}

G_GNUC_END_IGNORE_DEPRECATIONS

static void
step_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  Step *step = g_object_get_data (G_OBJECT (dialog), "sigap-step");
  SigapInboxPage *self = step->self;
  g_autoptr(SigapComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *message = NULL;
  const char *opd_id = NULL;
  const char *chosen = NULL;

  /* Nothing in the dialog counts once it answered. */
  step->closed = TRUE;

  if (!g_str_equal (response, "apply") || self->store == NULL)
    return;

  note = dup_note (step);
  if (step->choice_list != NULL)
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (step->choice_list);

      if (row != NULL)
        chosen = g_ptr_array_index (step->choice_ids, gtk_list_box_row_get_index (row));
    }
  /* The person assigned is the event's note. */
  if (g_str_equal (step->action, "assigned"))
    {
      g_free (note);
      note = g_strdup (chosen != NULL ? chosen : "");
    }
  else if (g_str_equal (step->action, "routed"))
    {
      opd_id = chosen;
    }

  complaint = sigap_store_get_complaint (self->store, step->complaint_id, &error);
  if (complaint == NULL ||
      !sigap_complaint_workflow_apply_full (self->store, self->user, complaint, step->action,
                                            note[0] != '\0' ? note : NULL, opd_id,
                                            ensure_days (self), &self->sla, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  if (g_str_equal (step->action, "answered"))
    {
      copy_and_open (self, complaint, note);
      message = g_strdup (_("The answer is copied: paste it in the original message"));
    }
  else
    {
      /* Translators: a complaint's tracking number, then its step, as the
       * timeline names it ("Diverifikasi") */
      message = g_strdup_printf (_("%s: %s"), sigap_complaint_get_tracking_number (complaint),
                                 sigap_complaint_event_to_label (step->action));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));

  sigap_inbox_page_reload (self);
}

/* How well a name matches what was typed: 3 the whole name, 2
 * its start, 1 anywhere in it, 0 not at all. */
static int
choice_match (const char *name,
           const char *typed)
{
  g_autofree char *folded_name = g_utf8_casefold (name, -1);
  g_autofree char *folded_typed = g_utf8_casefold (typed, -1);

  g_strstrip (folded_typed);
  if (folded_typed[0] == '\0')
    return 1;
  if (g_str_equal (folded_name, folded_typed))
    return 3;
  if (g_str_has_prefix (folded_name, folded_typed))
    return 2;

  return strstr (folded_name, folded_typed) != NULL ? 1 : 0;
}

static gboolean
choice_row_visible_cb (GtkListBoxRow *row,
                    gpointer       user_data)
{
  GtkEditable *search = user_data;
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  return choice_match (name, gtk_editable_get_text (search)) > 0;
}

/* Filters the agencies or people by what is typed and chooses the one
 * that matches best, so that typing a name and pressing Enter takes it. */
static void
choice_search_changed_cb (GtkSearchEntry   *search,
                       AdwMessageDialog *dialog)
{
  Step *step = g_object_get_data (G_OBJECT (dialog), "sigap-step");
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (search));
  GtkListBoxRow *best = NULL;
  int best_match = 0;

  gtk_list_box_invalidate_filter (step->choice_list);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (step->choice_list, i);
      int match;

      if (row == NULL)
        break;
      match = choice_match (gtk_widget_get_name (GTK_WIDGET (row)), typed);
      if (match > best_match)
        {
          best = row;
          best_match = match;
        }
    }

  if (typed[0] != '\0' || best == NULL)
    gtk_list_box_select_row (step->choice_list, best);
}

static void
choice_selected_cb (GtkListBox       *list,
                 GtkListBoxRow    *row,
                 AdwMessageDialog *dialog)
{
  update_apply (dialog);
}

static void
add_choice (Step       *step,
            GtkListBox *list,
            const char *id,
            const char *name)
{
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  /* The name the filter reads. */
  gtk_widget_set_name (row, name);
  gtk_list_box_append (list, row);
  g_ptr_array_add (step->choice_ids, g_strdup (id));
}

/* A search field over a list to choose one agency or person from. */
static GtkWidget *
new_chooser (Step             *step,
             AdwMessageDialog *dialog,
             const char       *search_label,
             const char       *list_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  step->choice_ids = g_ptr_array_new_with_free_func (g_free);
  step->choice_list = GTK_LIST_BOX (list);

  g_object_set (search, "placeholder-text", search_label, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search_label,
                                  -1);
  gtk_box_append (GTK_BOX (box), search);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_SINGLE);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (list), choice_row_visible_cb, search, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, list_label,
                                  -1);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_box_append (GTK_BOX (box), scroller);

  g_signal_connect (search, "search-changed", G_CALLBACK (choice_search_changed_cb), dialog);
  g_signal_connect (list, "row-selected", G_CALLBACK (choice_selected_cb), dialog);

  return box;
}

/* The agencies a complaint can be routed to: all but the one holding it. */
static GtkWidget *
new_opd_chooser (Step             *step,
                 SigapComplaint   *complaint,
                 AdwMessageDialog *dialog)
{
  g_autoptr(GPtrArray) opds = sigap_store_list_opds (step->self->store, NULL);
  GtkWidget *chooser = new_chooser (step, dialog, _("Search agencies"), _("Agency to route to"));

  for (guint i = 0; opds != NULL && i < opds->len; i++)
    {
      SigapOpd *opd = g_ptr_array_index (opds, i);

      if (g_strcmp0 (sigap_opd_get_id (opd), sigap_complaint_get_opd_id (complaint)) != 0)
        add_choice (step, step->choice_list, sigap_opd_get_id (opd), sigap_opd_get_name (opd));
    }

  return chooser;
}

/* The people a complaint can be assigned to: the active users of the
 * agency holding it who handle complaints. */
static GtkWidget *
new_user_chooser (Step             *step,
                  SigapComplaint   *complaint,
                  AdwMessageDialog *dialog)
{
  g_autoptr(GPtrArray) users = sigap_store_list_users (step->self->store, NULL);
  GtkWidget *chooser = new_chooser (step, dialog, _("Search people"), _("Person to assign"));

  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      SigapUser *user = g_ptr_array_index (users, i);
      const char *name = sigap_user_get_display_name (user);

      if (!sigap_complaint_check_assignee (complaint, user, NULL))
        continue;
      if (name == NULL || name[0] == '\0')
        name = sigap_user_get_username (user);
      add_choice (step, step->choice_list, sigap_user_get_id (user), name);
    }

  return chooser;
}

static GtkWidget *
new_template_dropdown (Step             *step,
                       AdwMessageDialog *dialog)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  step->templates = sigap_store_list_reply_templates (step->self->store,
                                                      user_opd_id (step->self), NULL);
  /* An agency that wrote none of its own starts with those shipped with
   * Sigap. */
  if ((step->templates == NULL || step->templates->len == 0) && user_opd_id (step->self) != NULL)
    {
      g_clear_pointer (&step->templates, g_ptr_array_unref);
      step->templates = sigap_reply_template_read_shipped (user_opd_id (step->self), NULL);
    }
  if (step->templates == NULL)
    step->templates = g_ptr_array_new_with_free_func (g_object_unref);

  /* Translators: the first choice of canned replies */
  gtk_string_list_append (titles, _("No canned reply"));
  for (guint i = 0; i < step->templates->len; i++)
    gtk_string_list_append (titles,
                            sigap_reply_template_get_title (g_ptr_array_index (step->templates,
                                                                               i)));

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&titles)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Canned reply"),
                                  -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (template_selected_cb), dialog);
  step->template_dropdown = GTK_DROP_DOWN (dropdown);

  return dropdown;
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SigapInboxPage *self = SIGAP_INBOX_PAGE (widget);
  g_autoptr(SigapComplaint) complaint = NULL;
  const char *action = g_variant_get_string (parameter, NULL);
  const StepText *text = find_step_text (action);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *scroller;
  Step *step;

  if (self->store == NULL || self->shown_id == NULL || text == NULL)
    return;

  complaint = sigap_store_get_complaint (self->store, self->shown_id, NULL);
  if (complaint == NULL)
    return;

  /* Translators: the complaint's tracking number, then what its step
   * does */
  body = g_strdup_printf (_("%s\n\n%s"), sigap_complaint_get_tracking_number (complaint),
                          _(text->body));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                          : NULL,
                                                       _(text->heading), body));
  gtk_window_set_title (GTK_WINDOW (dialog), _(text->heading));

  step = g_new0 (Step, 1);
  step->self = g_object_ref (self);
  step->complaint_id = g_strdup (self->shown_id);
  step->action = g_strdup (action);
  step->needs_note = text->needs_note;
  g_object_set_data_full (G_OBJECT (dialog), "sigap-step", step, (GDestroyNotify) step_free);

  /* The responses come first: choosing in the extra child enables them. */
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "apply", g_str_equal (action, "answered")
                                             ? _("_Copy & Open")
                                             : sigap_complaint_action_to_label (action),
                                    NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (g_str_equal (action, "routed"))
    gtk_box_append (GTK_BOX (box), new_opd_chooser (step, complaint, dialog));
  if (g_str_equal (action, "assigned"))
    gtk_box_append (GTK_BOX (box), new_user_chooser (step, complaint, dialog));
  if (g_str_equal (action, "answered") || g_str_equal (action, "resolved"))
    gtk_box_append (GTK_BOX (box), new_template_dropdown (step, dialog));

  /* A step without a note (assigning) keeps an empty, hidden one. */
  label = gtk_label_new (text->note_label != NULL ? _(text->note_label) : NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_visible (label, text->note_label != NULL);
  gtk_box_append (GTK_BOX (box), label);

  step->note_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (step->note_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (step->note_view, 6);
  gtk_text_view_set_bottom_margin (step->note_view, 6);
  gtk_text_view_set_left_margin (step->note_view, 6);
  gtk_text_view_set_right_margin (step->note_view, 6);
  if (text->note_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (step->note_view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _(text->note_label),
                                    -1);
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_visible (scroller, text->note_label != NULL);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (step->note_view));
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (box), scroller);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_set_response_appearance (dialog, "apply",
                                              text->destructive
                                              ? ADW_RESPONSE_DESTRUCTIVE
                                              : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "apply",
                                           !text->needs_note && step->choice_list == NULL);

  g_signal_connect (gtk_text_view_get_buffer (step->note_view), "changed",
                    G_CALLBACK (update_apply_cb), dialog);

  /* An answer starts from the agency's first canned reply. */
  if (step->template_dropdown != NULL && step->templates->len > 0)
    gtk_drop_down_set_selected (step->template_dropdown, 1);
  g_signal_connect (dialog, "response", G_CALLBACK (step_response_cb), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (step->note_view));
}

/* }}} */

static void
complaint_recorded_cb (SigapInboxPage       *self,
                       SigapComplaint       *complaint,
                       SigapComplaintWindow *window)
{
  g_autofree char *message = NULL;

  /* Translators: %s is the new complaint's tracking number */
  message = g_strdup_printf (_("Complaint %s recorded"),
                             sigap_complaint_get_tracking_number (complaint));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->filter_dropdown, SAVED_FILTER_ALL);
  sigap_inbox_page_reload (self);
  show_complaint (self, sigap_complaint_get_id (complaint));
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SigapInboxPage *self = SIGAP_INBOX_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  SigapComplaintWindow *window;

  if (self->store == NULL || self->opd == NULL || self->user == NULL)
    return;

  window = sigap_complaint_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, self->opd, self->user, ensure_days (self));
  g_signal_connect_object (window, "recorded", G_CALLBACK (complaint_recorded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
imported_cb (SigapInboxPage    *self,
             guint              n_imported,
             SigapImportWindow *window)
{
  g_autofree char *message = NULL;

  /* Translators: complaints read from a CSV file */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u complaint imported",
                                          "%u complaints imported", n_imported),
                             n_imported);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->filter_dropdown, SAVED_FILTER_ALL);
  sigap_inbox_page_reload (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SigapInboxPage *self = SIGAP_INBOX_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  SigapImportWindow *window;

  if (self->store == NULL || self->opd == NULL || self->user == NULL)
    return;

  window = sigap_import_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->store, self->opd, self->user, ensure_days (self));
  g_signal_connect_object (window, "imported", G_CALLBACK (imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  sigap_import_window_choose_file (window);
}

static void
update_actions (SigapInboxPage *self)
{
  gboolean open = self->store != NULL && self->opd != NULL && self->user != NULL;
  SigapRole role = user_role (self);
  /* Recording and importing: an agency's admin, or Diskominfo's
   * verifikator. */
  gboolean records = open && (role == SIGAP_ROLE_ADMIN_OPD || role == SIGAP_ROLE_VERIFIKATOR);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.new", records);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.import", records);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.step", open);
}

static void
sigap_inbox_page_dispose (GObject *object)
{
  SigapInboxPage *self = (SigapInboxPage *)object;

  g_clear_handle_id (&self->urgent_source, g_source_remove);

  /* The toast overlay is both AdwBin's child and a template child:
   * unparent it once, here, before either would. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_INBOX_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->complaints);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->opd);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->days, sigap_working_days_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->shown_id, g_free);
  g_clear_pointer (&self->handler_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (sigap_inbox_page_parent_class)->dispose (object);
}

static void
sigap_inbox_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SigapInboxPage *self = SIGAP_INBOX_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION_MODE:
      g_value_set_boolean (value, self->presentation_mode);
      break;

    case PROP_N_LATE:
      g_value_set_uint (value, self->n_late);
      break;

    case PROP_N_DUE_SOON:
      g_value_set_uint (value, self->n_due_soon);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_inbox_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SigapInboxPage *self = SIGAP_INBOX_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION_MODE:
      sigap_inbox_page_set_presentation_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_inbox_page_map (GtkWidget *widget)
{
  SigapInboxPage *self = SIGAP_INBOX_PAGE (widget);

  GTK_WIDGET_CLASS (sigap_inbox_page_parent_class)->map (widget);

  if (gtk_list_view_get_model (self->list_view) != self->selection)
    gtk_list_view_set_model (self->list_view, self->selection);
}

static void
sigap_inbox_page_class_init (SigapInboxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_inbox_page_dispose;
  object_class->get_property = sigap_inbox_page_get_property;
  object_class->set_property = sigap_inbox_page_set_property;

  widget_class->map = sigap_inbox_page_map;

  /**
   * SigapInboxPage:presentation-mode:
   *
   * Whether to hide citizens' names, for screenshots and projectors.
   */
  properties[PROP_PRESENTATION_MODE] =
    g_param_spec_boolean ("presentation-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * SigapInboxPage:n-late:
   *
   * How many open complaints are past their deadline.
   */
  properties[PROP_N_LATE] =
    g_param_spec_uint ("n-late", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * SigapInboxPage:n-due-soon:
   *
   * How many open complaints are due within the due-soon days.
   */
  properties[PROP_N_DUE_SOON] =
    g_param_spec_uint ("n-due-soon", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-inbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "inbox.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "inbox.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "inbox.step", "s", step_action);
  gtk_widget_class_install_action (widget_class, "inbox.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "inbox.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "inbox.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "inbox.new", NULL);
}

static void
sigap_inbox_page_init (SigapInboxPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_type_ensure (SIGAP_TYPE_COMPLAINT_DETAIL);
  gtk_widget_init_template (GTK_WIDGET (self));

  sigap_sla_settings_init (&self->sla);

  g_object_bind_property (self, "presentation-mode", self->detail, "presentation-mode",
                          G_BINDING_SYNC_CREATE);
  build_filters (self);

  self->zone = sigap_opd_dup_zone (NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);

  update_actions (self);
}

/**
 * sigap_inbox_page_set_source:
 * @self: a #SigapInboxPage
 * @store: (nullable): the store to read complaints from
 * @user: (nullable): who is signed in, and so which steps are offered
 * @opd: (nullable): the agency whose complaints to show, %NULL if nobody
 *   is signed in
 *
 * Shows the complaints routed to @opd.
 */
void
sigap_inbox_page_set_source (SigapInboxPage *self,
                             SigapStore     *store,
                             SigapUser      *user,
                             SigapOpd       *opd)
{
  GtkSingleSelection *selection;

  g_return_if_fail (SIGAP_IS_INBOX_PAGE (self));
  g_return_if_fail (store == NULL || SIGAP_IS_STORE (store));
  g_return_if_fail (user == NULL || SIGAP_IS_USER (user));
  g_return_if_fail (opd == NULL || SIGAP_IS_OPD (opd));

  /* The window reads the signed-in user and agency again after each
   * sync: the same ones keep the search, the filter and the complaint
   * shown. */
  if (store != NULL && store == self->store && self->complaints != NULL &&
      g_strcmp0 (user != NULL ? sigap_user_get_id (user) : NULL,
                 self->user != NULL ? sigap_user_get_id (self->user) : NULL) == 0 &&
      g_strcmp0 (opd != NULL ? sigap_opd_get_id (opd) : NULL,
                 self->opd != NULL ? sigap_opd_get_id (self->opd) : NULL) == 0)
    {
      g_set_object (&self->user, user);
      g_set_object (&self->opd, opd);
      build_names (self);
      sigap_inbox_page_reload (self);
      return;
    }

  g_set_object (&self->store, store);
  g_set_object (&self->user, user);
  g_set_object (&self->opd, opd);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = sigap_opd_dup_zone (opd);
  g_clear_pointer (&self->days, sigap_working_days_unref);

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->complaints);

  if (store != NULL && opd != NULL)
    {
      self->complaints = sigap_complaint_list_new (store, opd_scope (self));
      g_signal_connect_object (self->complaints, "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);

      selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->complaints)));
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
      gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
      self->selection = GTK_SELECTION_MODEL (selection);
      g_signal_connect_object (self->selection, "selection-changed",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_list_view_set_model (self->list_view, self->selection);
    }

  build_names (self);
  build_handler_filter (self);
  show_complaint (self, NULL);
  update_query (self);
  update_actions (self);
  update_count (self);
  queue_update_urgent (self);
}

/**
 * sigap_inbox_page_reload:
 * @self: a #SigapInboxPage
 *
 * Reads the complaints again from the store.
 */
void
sigap_inbox_page_reload (SigapInboxPage *self)
{
  g_return_if_fail (SIGAP_IS_INBOX_PAGE (self));

  if (self->complaints != NULL)
    sigap_complaint_list_reload (self->complaints);

  update_count (self);
  queue_update_urgent (self);
  /* The complaint shown may have changed, or left the agency. */
  if (self->shown_id != NULL)
    {
      g_autofree char *id = g_strdup (self->shown_id);

      show_complaint (self, id);
    }
}

/**
 * sigap_inbox_page_get_model:
 * @self: a #SigapInboxPage
 *
 * Returns: (transfer none) (nullable): the complaints shown
 */
GListModel *
sigap_inbox_page_get_model (SigapInboxPage *self)
{
  g_return_val_if_fail (SIGAP_IS_INBOX_PAGE (self), NULL);

  return self->complaints != NULL ? G_LIST_MODEL (self->complaints) : NULL;
}

/**
 * sigap_inbox_page_get_state:
 * @self: a #SigapInboxPage
 *
 * Returns: what the page shows: "signed-out", "empty" or "list"
 */
const char *
sigap_inbox_page_get_state (SigapInboxPage *self)
{
  g_return_val_if_fail (SIGAP_IS_INBOX_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
sigap_inbox_page_get_presentation_mode (SigapInboxPage *self)
{
  g_return_val_if_fail (SIGAP_IS_INBOX_PAGE (self), FALSE);

  return self->presentation_mode;
}

void
sigap_inbox_page_set_presentation_mode (SigapInboxPage *self,
                                        gboolean        presentation_mode)
{
  g_return_if_fail (SIGAP_IS_INBOX_PAGE (self));

  presentation_mode = !!presentation_mode;
  if (self->presentation_mode == presentation_mode)
    return;

  self->presentation_mode = presentation_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION_MODE]);
}

/**
 * sigap_inbox_page_get_n_late:
 * @self: a #SigapInboxPage
 *
 * Returns: how many open complaints are past their deadline
 */
guint
sigap_inbox_page_get_n_late (SigapInboxPage *self)
{
  g_return_val_if_fail (SIGAP_IS_INBOX_PAGE (self), 0);

  return self->n_late;
}

/**
 * sigap_inbox_page_get_n_due_soon:
 * @self: a #SigapInboxPage
 *
 * Returns: how many open complaints are due soon
 */
guint
sigap_inbox_page_get_n_due_soon (SigapInboxPage *self)
{
  g_return_val_if_fail (SIGAP_IS_INBOX_PAGE (self), 0);

  return self->n_due_soon;
}
