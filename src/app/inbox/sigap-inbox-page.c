/* sigap-inbox-page.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-inbox-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-complaint-row.h"
#include "sigap-format.h"
#include "sigap-inbox-page.h"

struct _SigapInboxPage
{
  AdwBin parent_instance;

  SigapStore *store;
  SigapOpd *opd;
  GTimeZone *zone;
  /* The working days that deadlines count: weekends, holidays and cuti
   * bersama of the calendars Sigap has. */
  SigapWorkingDays *days;

  /* A paging model: the list view asks only for the rows it shows. It is
   * given to the list view when the page is first shown, so a page that
   * stays hidden makes no rows at start-up. */
  SigapComplaintList *complaints;
  GtkSelectionModel *selection;
  gboolean presentation_mode;

  /* Template widgets */
  GtkStack *stack;
  GtkLabel *count_label;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (SigapInboxPage, sigap_inbox_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PRESENTATION_MODE,
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
                                     ensure_days (self), g_get_real_time () / G_USEC_PER_SEC);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SigapInboxPage           *self)
{
  SigapComplaintRow *row = SIGAP_COMPLAINT_ROW (gtk_list_item_get_child (item));

  sigap_complaint_row_set_complaint (row, NULL, self->zone, self->days, 0);
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

  if (self->store == NULL || self->opd == NULL)
    gtk_stack_set_visible_child_name (self->stack, "signed-out");
  else
    gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "list" : "empty");
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

static void
sigap_inbox_page_dispose (GObject *object)
{
  SigapInboxPage *self = (SigapInboxPage *)object;

  /* The stack is both AdwBin's child and a template child: unparent it
   * once, here, before either would. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_INBOX_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->complaints);
  g_clear_object (&self->store);
  g_clear_object (&self->opd);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->days, sigap_working_days_unref);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-inbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SigapInboxPage, list_view);
}

static void
sigap_inbox_page_init (SigapInboxPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->zone = sigap_opd_dup_zone (NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
}

/**
 * sigap_inbox_page_set_source:
 * @self: a #SigapInboxPage
 * @store: (nullable): the store to read complaints from
 * @opd: (nullable): the agency whose complaints to show, %NULL if nobody
 *   is signed in
 *
 * Shows the complaints routed to @opd.
 */
void
sigap_inbox_page_set_source (SigapInboxPage *self,
                             SigapStore     *store,
                             SigapOpd       *opd)
{
  g_return_if_fail (SIGAP_IS_INBOX_PAGE (self));
  g_return_if_fail (store == NULL || SIGAP_IS_STORE (store));
  g_return_if_fail (opd == NULL || SIGAP_IS_OPD (opd));

  g_set_object (&self->store, store);
  g_set_object (&self->opd, opd);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = sigap_opd_dup_zone (opd);
  g_clear_pointer (&self->days, sigap_working_days_unref);

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->complaints);

  if (store != NULL && opd != NULL)
    {
      self->complaints = sigap_complaint_list_new (store, sigap_opd_get_id (opd));
      g_signal_connect_object (self->complaints, "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);

      self->selection =
        GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->complaints))));
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_list_view_set_model (self->list_view, self->selection);
    }

  update_count (self);
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
