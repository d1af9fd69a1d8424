/* sigap-complaint-row.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-complaint-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-complaint-row.h"
#include "sigap-format.h"

#define EXCERPT_WORDS 16
#define LABEL_WORDS 8

struct _SigapComplaintRow
{
  AdwBin parent_instance;

  gboolean presentation_mode;
  gboolean has_citizen;

  /* Template widgets */
  GtkLabel *tracking_label;
  GtkLabel *date_label;
  GtkLabel *excerpt_label;
  GtkLabel *status_label;
  GtkLabel *deadline_label;
  GtkLabel *citizen_label;
};

G_DEFINE_FINAL_TYPE (SigapComplaintRow, sigap_complaint_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PRESENTATION_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_citizen_visible (SigapComplaintRow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->citizen_label),
                          self->has_citizen && !self->presentation_mode);
}

static void
sigap_complaint_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SIGAP_TYPE_COMPLAINT_ROW);

  G_OBJECT_CLASS (sigap_complaint_row_parent_class)->dispose (object);
}

static void
sigap_complaint_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SigapComplaintRow *self = SIGAP_COMPLAINT_ROW (object);

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
sigap_complaint_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SigapComplaintRow *self = SIGAP_COMPLAINT_ROW (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION_MODE:
      sigap_complaint_row_set_presentation_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_complaint_row_class_init (SigapComplaintRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_complaint_row_dispose;
  object_class->get_property = sigap_complaint_row_get_property;
  object_class->set_property = sigap_complaint_row_set_property;

  /**
   * SigapComplaintRow:presentation-mode:
   *
   * Whether to hide the citizen's name.
   */
  properties[PROP_PRESENTATION_MODE] =
    g_param_spec_boolean ("presentation-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-complaint-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintRow, tracking_label);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintRow, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintRow, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, SigapComplaintRow, citizen_label);

  /* GTK 4.8 can't label a list view's own rows, so the row inside is the
   * list item a screen reader reads. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
sigap_complaint_row_init (SigapComplaintRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SigapComplaintRow *
sigap_complaint_row_new (void)
{
  return g_object_new (SIGAP_TYPE_COMPLAINT_ROW, NULL);
}

/**
 * sigap_complaint_row_set_complaint:
 * @self: a #SigapComplaintRow
 * @complaint: (nullable): the complaint to show
 * @zone: the OPD's time zone
 * @days: the working-day calendar the deadline counts in
 * @sla: (nullable): the regency's service levels, %NULL for the defaults
 * @now: the current time, UTC seconds
 *
 * Shows @complaint, or nothing.
 */
void
sigap_complaint_row_set_complaint (SigapComplaintRow      *self,
                                   SigapComplaint         *complaint,
                                   GTimeZone              *zone,
                                   SigapWorkingDays       *days,
                                   const SigapSlaSettings *sla,
                                   gint64                  now)
{
  static const char * const deadline_classes[] = { NULL, "on-time", "due-soon", "late" };
  SigapDeadlineState state = SIGAP_DEADLINE_STATE_NONE;
  g_autofree char *deadline = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *short_excerpt = NULL;
  g_autofree char *citizen = NULL;
  g_autofree char *label = NULL;
  const char *tracking_number;
  const char *status;
  const char *name;

  g_return_if_fail (SIGAP_IS_COMPLAINT_ROW (self));
  g_return_if_fail (complaint == NULL || SIGAP_IS_COMPLAINT (complaint));
  g_return_if_fail (zone != NULL);

  if (complaint == NULL)
    {
      gtk_label_set_label (self->tracking_label, NULL);
      gtk_label_set_label (self->date_label, NULL);
      gtk_label_set_label (self->excerpt_label, NULL);
      gtk_label_set_label (self->status_label, NULL);
      gtk_label_set_label (self->deadline_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->deadline_label), FALSE);
      gtk_label_set_label (self->citizen_label, NULL);
      self->has_citizen = FALSE;
      update_citizen_visible (self);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  utc = g_date_time_new_from_unix_utc (sigap_complaint_get_received_at (complaint));
  local = g_date_time_to_timezone (utc, zone);
  date = sigap_format_date (local);
  excerpt = sigap_format_excerpt (sigap_complaint_get_body (complaint), EXCERPT_WORDS);
  short_excerpt = sigap_format_excerpt (sigap_complaint_get_body (complaint), LABEL_WORDS);
  tracking_number = sigap_complaint_get_tracking_number (complaint);
  status = sigap_complaint_status_to_label (sigap_complaint_get_status (complaint));

  name = sigap_complaint_get_citizen_name (complaint);
  if (name == NULL || name[0] == '\0')
    name = sigap_complaint_get_citizen_handle (complaint);
  self->has_citizen = name != NULL && name[0] != '\0';
  if (self->has_citizen)
    /* Translators: who sent a complaint */
    citizen = g_strdup_printf (_("From %s"), name);

  gtk_label_set_label (self->tracking_label, tracking_number);
  gtk_label_set_label (self->date_label, date);
  gtk_label_set_label (self->excerpt_label, excerpt);
  gtk_label_set_label (self->status_label, status);
  gtk_label_set_label (self->citizen_label, citizen);
  update_citizen_visible (self);

  deadline = sigap_complaint_dup_deadline_text (complaint, zone, days, sla, now, &state);
  gtk_label_set_label (self->deadline_label, deadline);
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_label), deadline != NULL);
  for (guint i = 1; i < G_N_ELEMENTS (deadline_classes); i++)
    {
      if ((guint) state == i)
        gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), deadline_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), deadline_classes[i]);
    }

  if (deadline != NULL)
    label = g_strdup_printf ("%s, %s, %s, %s", tracking_number != NULL ? tracking_number : "",
                             status, deadline, short_excerpt);
  else
    label = g_strdup_printf ("%s, %s, %s", tracking_number != NULL ? tracking_number : "",
                             status, short_excerpt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

gboolean
sigap_complaint_row_get_presentation_mode (SigapComplaintRow *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_ROW (self), FALSE);

  return self->presentation_mode;
}

void
sigap_complaint_row_set_presentation_mode (SigapComplaintRow *self,
                                           gboolean           presentation_mode)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_ROW (self));

  presentation_mode = !!presentation_mode;
  if (self->presentation_mode == presentation_mode)
    return;

  self->presentation_mode = presentation_mode;
  update_citizen_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION_MODE]);
}
