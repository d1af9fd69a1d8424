/* sigap-complaint-detail.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-complaint-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-complaint-detail.h"
#include "sigap-format.h"

struct _SigapComplaintDetail
{
  AdwBin parent_instance;

  /* What is shown, kept so that presentation mode can show it again. */
  SigapComplaint *complaint;
  GPtrArray *events;
  GTimeZone *zone;
  SigapWorkingDays *days;
  SigapSlaSettings sla;
  GHashTable *names;
  char **actions;
  gint64 now;
  gboolean may_see_citizen;
  gboolean presentation_mode;

  /* Template widgets */
  GtkStack *stack;
  GtkLabel *tracking_label;
  GtkLabel *status_label;
  GtkLabel *deadline_label;
  GtkLabel *window_label;
  GtkLabel *body_label;
  GtkFlowBox *actions_box;
  GtkListBox *fields_list;
  GtkListBox *timeline_list;
};

G_DEFINE_FINAL_TYPE (SigapComplaintDetail, sigap_complaint_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PRESENTATION_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The steps that move a complaint on, shown as the suggested button. */
static gboolean
is_forward_action (const char *action)
{
  static const char * const forward[] = {
    "verified", "routed", "in-progress", "resolved", "answered", NULL
  };

  return g_strv_contains (forward, action);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_field (SigapComplaintDetail *self,
           const char           *title,
           const char           *value)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->fields_list, row);
}

static const char *
lookup_name (SigapComplaintDetail *self,
             const char           *id)
{
  const char *name = NULL;

  if (id == NULL || id[0] == '\0')
    return NULL;
  if (self->names != NULL)
    name = g_hash_table_lookup (self->names, id);

  return name != NULL ? name : id;
}

/* Someone of another agency (Diskominfo's verifikator, for an OPD's
 * admin) is not among the users this desktop knows: their ID means
 * nothing to the reader. */
static const char *
lookup_person (SigapComplaintDetail *self,
               const char           *id)
{
  if (id == NULL || id[0] == '\0')
    return NULL;
  if (self->names != NULL && g_hash_table_contains (self->names, id))
    return g_hash_table_lookup (self->names, id);

  /* Translators: who took a step, when they are of another agency */
  return _("An officer of another agency");
}

static char *
format_time (SigapComplaintDetail *self,
             gint64                time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;

  if (time <= 0)
    return NULL;

  utc = g_date_time_new_from_unix_utc (time);
  local = g_date_time_to_timezone (utc, self->zone);
  date = sigap_format_date (local);
  clock = sigap_format_time (local);

  /* Translators: a date and a time, "Kamis, 17 Juli 2025, 09.30 WIB" */
  return g_strdup_printf (_("%s, %s"), date, clock);
}

/* The citizen's name, handle and contact: hidden from the roles that do
 * not handle the complaint, and masked in presentation mode. */
static char *
dup_citizen_value (SigapComplaintDetail *self,
                   const char           *value,
                   char               *(*mask) (const char *))
{
  if (value == NULL || value[0] == '\0' || !self->may_see_citizen)
    return NULL;

  return self->presentation_mode ? mask (value) : g_strdup (value);
}

static void
show_fields (SigapComplaintDetail *self)
{
  SigapComplaint *complaint = self->complaint;
  g_autofree char *location = NULL;
  g_autofree char *received = NULL;
  g_autofree char *due = NULL;
  g_autofree char *name = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *contact = NULL;
  const char *kecamatan = sigap_complaint_get_kecamatan (complaint);
  const char *desa = sigap_complaint_get_desa (complaint);

  clear_list (self->fields_list);

  if (kecamatan != NULL && kecamatan[0] != '\0' && desa != NULL && desa[0] != '\0')
    /* Translators: a village (desa/kelurahan), then its district (kecamatan) */
    location = g_strdup_printf (_("%s, Kecamatan %s"), desa, kecamatan);
  else if (kecamatan != NULL && kecamatan[0] != '\0')
    location = g_strdup_printf (_("Kecamatan %s"), kecamatan);
  else
    location = g_strdup (desa);

  received = format_time (self, sigap_complaint_get_received_at (complaint));
  if (sigap_sla_status_is_open (sigap_complaint_get_status (complaint)))
    due = format_time (self, sigap_complaint_get_due_at (complaint));

  name = dup_citizen_value (self, sigap_complaint_get_citizen_name (complaint), sigap_mask_name);
  handle = dup_citizen_value (self, sigap_complaint_get_citizen_handle (complaint),
                              sigap_mask_handle);
  contact = dup_citizen_value (self, sigap_complaint_get_citizen_contact (complaint),
                               sigap_mask_contact);

  add_field (self, _("Channel"), sigap_channel_to_label (sigap_complaint_get_channel (complaint)));
  add_field (self, _("Type"), sigap_complaint_kind_to_label (sigap_complaint_get_kind (complaint)));
  add_field (self, _("Category"), sigap_complaint_get_category (complaint));
  add_field (self, _("Location"), location);
  add_field (self, _("Received"), received);
  add_field (self, _("Deadline"), due);
  add_field (self, _("Handled by"), lookup_name (self, sigap_complaint_get_opd_id (complaint)));
  add_field (self, _("Assigned to"),
             lookup_person (self, sigap_complaint_get_assignee_id (complaint)));
  add_field (self, _("Citizen"), name);
  add_field (self, _("Account"), handle);
  add_field (self, _("Contact"), contact);
  add_field (self, _("Link to the message"), sigap_complaint_get_source_url (complaint));
}

static void
show_timeline (SigapComplaintDetail *self)
{
  clear_list (self->timeline_list);

  if (self->events == NULL)
    return;

  /* Newest first: the last step is what the admin reads for. */
  for (guint i = self->events->len; i > 0; i--)
    {
      SigapComplaintEvent *event = g_ptr_array_index (self->events, i - 1);
      const char *action = sigap_complaint_event_get_action (event);
      const char *note = sigap_complaint_event_get_note (event);
      const char *who = lookup_person (self, sigap_complaint_event_get_actor_id (event));
      g_autofree char *when = format_time (self, sigap_complaint_event_get_created_at (event));
      g_autoptr(GString) subtitle = g_string_new (when);
      GtkWidget *row;

      if (who != NULL)
        g_string_append_printf (subtitle, " · %s", who);
      if (g_strcmp0 (action, "routed") == 0)
        {
          const char *opd = lookup_name (self, sigap_complaint_event_get_opd_id (event));

          if (opd != NULL)
            g_string_append_printf (subtitle, "\n%s", opd);
        }
      /* An assignment's note is the person's ID. */
      if (g_strcmp0 (action, "assigned") == 0)
        note = lookup_person (self, note);
      if (note != NULL && note[0] != '\0')
        g_string_append_printf (subtitle, "\n%s", note);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sigap_complaint_event_to_label (action));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->timeline_list, row);
    }
}

/* Buttons are made again only when the steps offered change: a sync that
 * brings the same complaint back leaves them, and the focus, alone. */
static void
show_actions (SigapComplaintDetail *self,
              gboolean              changed)
{
  gboolean suggested = FALSE;
  GtkWidget *child;

  if (!changed)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box))) != NULL)
    gtk_flow_box_remove (self->actions_box, child);

  for (guint i = 0; self->actions != NULL && self->actions[i] != NULL; i++)
    {
      const char *action = self->actions[i];
      GtkWidget *button = gtk_button_new_with_label (sigap_complaint_action_to_label (action));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "inbox.step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", action);
      /* One suggested step: the first that moves the complaint on. */
      if (!suggested && is_forward_action (action))
        {
          gtk_widget_add_css_class (button, "suggested-action");
          suggested = TRUE;
        }
      else if (g_str_equal (action, "rejected"))
        gtk_widget_add_css_class (button, "destructive-action");
      gtk_flow_box_append (self->actions_box, button);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->actions_box),
                          self->actions != NULL && self->actions[0] != NULL);
}

/* Facebook and Instagram take a page's reply to a direct message only
 * within 24 hours of the citizen's message: say until when, and warn as
 * the end nears. */
static void
show_reply_window (SigapComplaintDetail *self)
{
  SigapComplaint *complaint = self->complaint;
  g_autofree char *closes = NULL;
  g_autofree char *text = NULL;
  SigapReplyWindow window = SIGAP_REPLY_WINDOW_NONE;
  gint64 closes_at = 0;

  if (sigap_sla_status_is_open (sigap_complaint_get_status (complaint)))
    window = sigap_sla_reply_window (&self->sla, sigap_complaint_get_channel (complaint),
                                     sigap_sla_url_is_direct_message (
                                       sigap_complaint_get_source_url (complaint)),
                                     sigap_complaint_get_received_at (complaint), self->now,
                                     &closes_at);
  closes = format_time (self, closes_at);

  switch (window)
    {
    case SIGAP_REPLY_WINDOW_OPEN:
      /* Translators: %s is a date and time */
      text = g_strdup_printf (_("A direct message: the platform takes a reply until %s."),
                              closes);
      break;

    case SIGAP_REPLY_WINDOW_CLOSING:
      text = g_strdup_printf (_("The 24-hour reply window closes at %s: reply now, or the "
                                "platform will refuse the answer."), closes);
      break;

    case SIGAP_REPLY_WINDOW_CLOSED:
      text = g_strdup_printf (_("The 24-hour reply window closed at %s: the platform no longer "
                                "takes a reply to this message. Answer through another "
                                "channel, such as the citizen’s contact."), closes);
      break;

    case SIGAP_REPLY_WINDOW_NONE:
    default:
      break;
    }

  gtk_label_set_label (self->window_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->window_label), text != NULL);
  if (window == SIGAP_REPLY_WINDOW_OPEN)
    gtk_widget_remove_css_class (GTK_WIDGET (self->window_label), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->window_label), "warning");
}

static void
show_complaint (SigapComplaintDetail *self,
                gboolean              actions_changed)
{
  static const char * const deadline_classes[] = { NULL, "on-time", "due-soon", "late" };
  SigapComplaint *complaint = self->complaint;
  SigapDeadlineState state = SIGAP_DEADLINE_STATE_NONE;
  g_autofree char *deadline = NULL;

  if (complaint == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  gtk_label_set_label (self->tracking_label, sigap_complaint_get_tracking_number (complaint));
  gtk_label_set_label (self->status_label,
                       sigap_complaint_status_to_label (sigap_complaint_get_status (complaint)));
  gtk_label_set_label (self->body_label, sigap_complaint_get_body (complaint));

  deadline = sigap_complaint_dup_deadline_text (complaint, self->zone, self->days, &self->sla,
                                                self->now,
                                                &state);
  gtk_label_set_label (self->deadline_label, deadline);
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_label), deadline != NULL);
  for (guint i = 1; i < G_N_ELEMENTS (deadline_classes); i++)
    {
      if ((guint) state == i)
        gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), deadline_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), deadline_classes[i]);
    }

  show_reply_window (self);
  show_actions (self, actions_changed);
  show_fields (self);
  show_timeline (self);

  gtk_stack_set_visible_child_name (self->stack, "complaint");
}

static void
sigap_complaint_detail_dispose (GObject *object)
{
  SigapComplaintDetail *self = (SigapComplaintDetail *)object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_COMPLAINT_DETAIL);

  g_clear_object (&self->complaint);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->days, sigap_working_days_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->actions, g_strfreev);

  G_OBJECT_CLASS (sigap_complaint_detail_parent_class)->dispose (object);
}

static void
sigap_complaint_detail_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SigapComplaintDetail *self = SIGAP_COMPLAINT_DETAIL (object);

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
sigap_complaint_detail_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SigapComplaintDetail *self = SIGAP_COMPLAINT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION_MODE:
      sigap_complaint_detail_set_presentation_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_complaint_detail_class_init (SigapComplaintDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_complaint_detail_dispose;
  object_class->get_property = sigap_complaint_detail_get_property;
  object_class->set_property = sigap_complaint_detail_set_property;

  /**
   * SigapComplaintDetail:presentation-mode:
   *
   * Whether to mask the citizen's name, handle and contact.
   */
  properties[PROP_PRESENTATION_MODE] =
    g_param_spec_boolean ("presentation-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-complaint-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintDetail, tracking_label);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintDetail, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintDetail, window_label);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintDetail, body_label);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintDetail, actions_box);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintDetail, fields_list);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintDetail, timeline_list);
}

static void
sigap_complaint_detail_init (SigapComplaintDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sigap_complaint_detail_new (void)
{
  return g_object_new (SIGAP_TYPE_COMPLAINT_DETAIL, NULL);
}

/**
 * sigap_complaint_detail_show:
 * @self: a #SigapComplaintDetail
 * @complaint: (nullable): the complaint to show, %NULL for none
 * @events: (nullable) (element-type SigapComplaintEvent): its timeline,
 *   oldest first
 * @context: (nullable): the zone, calendar, names and steps to show it
 *   with; needed with @complaint
 *
 * Shows @complaint with its details, the steps offered and its timeline,
 * or a page that asks to choose one.
 */
void
sigap_complaint_detail_show (SigapComplaintDetail              *self,
                             SigapComplaint                    *complaint,
                             GPtrArray                         *events,
                             const SigapComplaintDetailContext *context)
{
  gboolean actions_changed;

  g_return_if_fail (SIGAP_IS_COMPLAINT_DETAIL (self));
  g_return_if_fail (complaint == NULL || SIGAP_IS_COMPLAINT (complaint));
  g_return_if_fail (complaint == NULL || (context != NULL && context->zone != NULL));

  actions_changed = complaint == NULL || self->actions == NULL || context->actions == NULL ||
                    !g_strv_equal ((const char * const *) self->actions, context->actions);

  g_set_object (&self->complaint, complaint);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->days, sigap_working_days_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->actions, g_strfreev);

  if (complaint != NULL)
    {
      self->events = events != NULL ? g_ptr_array_ref (events) : NULL;
      self->zone = g_time_zone_ref (context->zone);
      self->days = context->days != NULL ? sigap_working_days_ref (context->days) : NULL;
      self->names = context->names != NULL ? g_hash_table_ref (context->names) : NULL;
      self->actions = g_strdupv ((char **) context->actions);
      self->now = context->now;
      if (context->sla != NULL)
        self->sla = *context->sla;
      else
        sigap_sla_settings_init (&self->sla);
      self->may_see_citizen = context->may_see_citizen;
    }

  show_complaint (self, actions_changed);
}

/**
 * sigap_complaint_detail_get_complaint:
 * @self: a #SigapComplaintDetail
 *
 * Returns: (transfer none) (nullable): the complaint shown
 */
SigapComplaint *
sigap_complaint_detail_get_complaint (SigapComplaintDetail *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_DETAIL (self), NULL);

  return self->complaint;
}

gboolean
sigap_complaint_detail_get_presentation_mode (SigapComplaintDetail *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_DETAIL (self), FALSE);

  return self->presentation_mode;
}

void
sigap_complaint_detail_set_presentation_mode (SigapComplaintDetail *self,
                                              gboolean              presentation_mode)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_DETAIL (self));

  presentation_mode = !!presentation_mode;
  if (self->presentation_mode == presentation_mode)
    return;

  self->presentation_mode = presentation_mode;
  if (self->complaint != NULL)
    show_fields (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION_MODE]);
}
