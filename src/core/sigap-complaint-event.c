/* sigap-complaint-event.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-complaint-event"

#include "config.h"

#include "sigap-complaint-event.h"

/**
 * SigapComplaintEvent:
 *
 * One append-only entry of a complaint's timeline.
 */
struct _SigapComplaintEvent
{
  GObject parent_instance;

  char *id;
  char *complaint_id;
  char *action;
  char *actor_id;
  char *note;
  SigapComplaintStatus from_status;
  SigapComplaintStatus to_status;
  char *opd_id;
  gint64 created_at;
};

G_DEFINE_FINAL_TYPE (SigapComplaintEvent, sigap_complaint_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_COMPLAINT_ID,
  PROP_ACTION,
  PROP_ACTOR_ID,
  PROP_NOTE,
  PROP_FROM_STATUS,
  PROP_TO_STATUS,
  PROP_OPD_ID,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sigap_complaint_event_finalize (GObject *object)
{
  SigapComplaintEvent *self = ((SigapComplaintEvent *)object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->complaint_id, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->actor_id, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->opd_id, g_free);

  G_OBJECT_CLASS (sigap_complaint_event_parent_class)->finalize (object);
}

static void
sigap_complaint_event_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SigapComplaintEvent *self = SIGAP_COMPLAINT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_COMPLAINT_ID:
      g_value_set_string (value, self->complaint_id);
      break;

    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;

    case PROP_ACTOR_ID:
      g_value_set_string (value, self->actor_id);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_FROM_STATUS:
      g_value_set_enum (value, self->from_status);
      break;

    case PROP_TO_STATUS:
      g_value_set_enum (value, self->to_status);
      break;

    case PROP_OPD_ID:
      g_value_set_string (value, self->opd_id);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_complaint_event_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SigapComplaintEvent *self = SIGAP_COMPLAINT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      sigap_complaint_event_set_id (self, g_value_get_string (value));
      break;

    case PROP_COMPLAINT_ID:
      sigap_complaint_event_set_complaint_id (self, g_value_get_string (value));
      break;

    case PROP_ACTION:
      sigap_complaint_event_set_action (self, g_value_get_string (value));
      break;

    case PROP_ACTOR_ID:
      sigap_complaint_event_set_actor_id (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      sigap_complaint_event_set_note (self, g_value_get_string (value));
      break;

    case PROP_FROM_STATUS:
      sigap_complaint_event_set_from_status (self, g_value_get_enum (value));
      break;

    case PROP_TO_STATUS:
      sigap_complaint_event_set_to_status (self, g_value_get_enum (value));
      break;

    case PROP_OPD_ID:
      sigap_complaint_event_set_opd_id (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      sigap_complaint_event_set_created_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_complaint_event_class_init (SigapComplaintEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_complaint_event_finalize;
  object_class->get_property = sigap_complaint_event_get_property;
  object_class->set_property = sigap_complaint_event_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPLAINT_ID] =
    g_param_spec_string ("complaint-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTOR_ID] =
    g_param_spec_string ("actor-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FROM_STATUS] =
    g_param_spec_enum ("from-status", NULL, NULL,
                       SIGAP_TYPE_COMPLAINT_STATUS, SIGAP_COMPLAINT_STATUS_RECEIVED,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TO_STATUS] =
    g_param_spec_enum ("to-status", NULL, NULL,
                       SIGAP_TYPE_COMPLAINT_STATUS, SIGAP_COMPLAINT_STATUS_RECEIVED,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OPD_ID] =
    g_param_spec_string ("opd-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sigap_complaint_event_init (SigapComplaintEvent *self)
{
  self->from_status = SIGAP_COMPLAINT_STATUS_RECEIVED;
  self->to_status = SIGAP_COMPLAINT_STATUS_RECEIVED;
}

/**
 * sigap_complaint_event_new:
 *
 * Returns: (transfer full): a new empty #SigapComplaintEvent
 */
SigapComplaintEvent *
sigap_complaint_event_new (void)
{
  return g_object_new (SIGAP_TYPE_COMPLAINT_EVENT, NULL);
}

/**
 * sigap_complaint_event_copy:
 * @self: a #SigapComplaintEvent
 *
 * Returns: (transfer full): a deep copy of @self
 */
SigapComplaintEvent *
sigap_complaint_event_copy (SigapComplaintEvent *self)
{
  SigapComplaintEvent *copy;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (self), NULL);

  copy = sigap_complaint_event_new ();
  copy->id = g_strdup (self->id);
  copy->complaint_id = g_strdup (self->complaint_id);
  copy->action = g_strdup (self->action);
  copy->actor_id = g_strdup (self->actor_id);
  copy->note = g_strdup (self->note);
  copy->from_status = self->from_status;
  copy->to_status = self->to_status;
  copy->opd_id = g_strdup (self->opd_id);
  copy->created_at = self->created_at;

  return copy;
}

const char *
sigap_complaint_event_get_id (SigapComplaintEvent *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (self), NULL);

  return self->id;
}

void
sigap_complaint_event_set_id (SigapComplaintEvent *self,
                                const char *id)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_EVENT (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sigap_complaint_event_get_complaint_id (SigapComplaintEvent *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (self), NULL);

  return self->complaint_id;
}

void
sigap_complaint_event_set_complaint_id (SigapComplaintEvent *self,
                                          const char *complaint_id)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_EVENT (self));

  if (g_strcmp0 (self->complaint_id, complaint_id) == 0)
    return;

  g_free (self->complaint_id);
  self->complaint_id = g_strdup (complaint_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT_ID]);
}

const char *
sigap_complaint_event_get_action (SigapComplaintEvent *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (self), NULL);

  return self->action;
}

void
sigap_complaint_event_set_action (SigapComplaintEvent *self,
                                    const char *action)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_EVENT (self));

  if (g_strcmp0 (self->action, action) == 0)
    return;

  g_free (self->action);
  self->action = g_strdup (action);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

const char *
sigap_complaint_event_get_actor_id (SigapComplaintEvent *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (self), NULL);

  return self->actor_id;
}

void
sigap_complaint_event_set_actor_id (SigapComplaintEvent *self,
                                      const char *actor_id)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_EVENT (self));

  if (g_strcmp0 (self->actor_id, actor_id) == 0)
    return;

  g_free (self->actor_id);
  self->actor_id = g_strdup (actor_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_ID]);
}

const char *
sigap_complaint_event_get_note (SigapComplaintEvent *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (self), NULL);

  return self->note;
}

void
sigap_complaint_event_set_note (SigapComplaintEvent *self,
                                  const char *note)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_EVENT (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

SigapComplaintStatus
sigap_complaint_event_get_from_status (SigapComplaintEvent *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (self), 0);

  return self->from_status;
}

void
sigap_complaint_event_set_from_status (SigapComplaintEvent *self,
                                         SigapComplaintStatus from_status)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_EVENT (self));

  if (self->from_status == from_status)
    return;

  self->from_status = from_status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_STATUS]);
}

SigapComplaintStatus
sigap_complaint_event_get_to_status (SigapComplaintEvent *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (self), 0);

  return self->to_status;
}

void
sigap_complaint_event_set_to_status (SigapComplaintEvent *self,
                                       SigapComplaintStatus to_status)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_EVENT (self));

  if (self->to_status == to_status)
    return;

  self->to_status = to_status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_STATUS]);
}

const char *
sigap_complaint_event_get_opd_id (SigapComplaintEvent *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (self), NULL);

  return self->opd_id;
}

void
sigap_complaint_event_set_opd_id (SigapComplaintEvent *self,
                                    const char *opd_id)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_EVENT (self));

  if (g_strcmp0 (self->opd_id, opd_id) == 0)
    return;

  g_free (self->opd_id);
  self->opd_id = g_strdup (opd_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPD_ID]);
}

gint64
sigap_complaint_event_get_created_at (SigapComplaintEvent *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_EVENT (self), 0);

  return self->created_at;
}

void
sigap_complaint_event_set_created_at (SigapComplaintEvent *self,
                                        gint64 created_at)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_EVENT (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}
