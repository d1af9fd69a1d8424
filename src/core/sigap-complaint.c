/* sigap-complaint.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-complaint"

#include "config.h"

#include "sigap-complaint.h"

/**
 * SigapComplaint:
 *
 * A citizen's complaint, aspiration or information request.
 */
struct _SigapComplaint
{
  GObject parent_instance;

  char *id;
  char *tracking_number;
  SigapChannel channel;
  SigapComplaintKind kind;
  char *category;
  char *kecamatan;
  char *desa;
  char *citizen_name;
  char *citizen_contact;
  char *citizen_handle;
  char *source_url;
  char *body;
  SigapComplaintStatus status;
  char *opd_id;
  char *assignee_id;
  gboolean public_issue;
  gint64 received_at;
  gint64 due_at;
  gint64 resolved_at;
  gint64 version;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (SigapComplaint, sigap_complaint, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TRACKING_NUMBER,
  PROP_CHANNEL,
  PROP_KIND,
  PROP_CATEGORY,
  PROP_KECAMATAN,
  PROP_DESA,
  PROP_CITIZEN_NAME,
  PROP_CITIZEN_CONTACT,
  PROP_CITIZEN_HANDLE,
  PROP_SOURCE_URL,
  PROP_BODY,
  PROP_STATUS,
  PROP_OPD_ID,
  PROP_ASSIGNEE_ID,
  PROP_PUBLIC_ISSUE,
  PROP_RECEIVED_AT,
  PROP_DUE_AT,
  PROP_RESOLVED_AT,
  PROP_VERSION,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sigap_complaint_finalize (GObject *object)
{
  SigapComplaint *self = ((SigapComplaint *)object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->tracking_number, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->kecamatan, g_free);
  g_clear_pointer (&self->desa, g_free);
  g_clear_pointer (&self->citizen_name, g_free);
  g_clear_pointer (&self->citizen_contact, g_free);
  g_clear_pointer (&self->citizen_handle, g_free);
  g_clear_pointer (&self->source_url, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->opd_id, g_free);
  g_clear_pointer (&self->assignee_id, g_free);

  G_OBJECT_CLASS (sigap_complaint_parent_class)->finalize (object);
}

static void
sigap_complaint_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SigapComplaint *self = SIGAP_COMPLAINT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TRACKING_NUMBER:
      g_value_set_string (value, self->tracking_number);
      break;

    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_KECAMATAN:
      g_value_set_string (value, self->kecamatan);
      break;

    case PROP_DESA:
      g_value_set_string (value, self->desa);
      break;

    case PROP_CITIZEN_NAME:
      g_value_set_string (value, self->citizen_name);
      break;

    case PROP_CITIZEN_CONTACT:
      g_value_set_string (value, self->citizen_contact);
      break;

    case PROP_CITIZEN_HANDLE:
      g_value_set_string (value, self->citizen_handle);
      break;

    case PROP_SOURCE_URL:
      g_value_set_string (value, self->source_url);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_OPD_ID:
      g_value_set_string (value, self->opd_id);
      break;

    case PROP_ASSIGNEE_ID:
      g_value_set_string (value, self->assignee_id);
      break;

    case PROP_PUBLIC_ISSUE:
      g_value_set_boolean (value, self->public_issue);
      break;

    case PROP_RECEIVED_AT:
      g_value_set_int64 (value, self->received_at);
      break;

    case PROP_DUE_AT:
      g_value_set_int64 (value, self->due_at);
      break;

    case PROP_RESOLVED_AT:
      g_value_set_int64 (value, self->resolved_at);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_complaint_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SigapComplaint *self = SIGAP_COMPLAINT (object);

  switch (prop_id)
    {
    case PROP_ID:
      sigap_complaint_set_id (self, g_value_get_string (value));
      break;

    case PROP_TRACKING_NUMBER:
      sigap_complaint_set_tracking_number (self, g_value_get_string (value));
      break;

    case PROP_CHANNEL:
      sigap_complaint_set_channel (self, g_value_get_enum (value));
      break;

    case PROP_KIND:
      sigap_complaint_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_CATEGORY:
      sigap_complaint_set_category (self, g_value_get_string (value));
      break;

    case PROP_KECAMATAN:
      sigap_complaint_set_kecamatan (self, g_value_get_string (value));
      break;

    case PROP_DESA:
      sigap_complaint_set_desa (self, g_value_get_string (value));
      break;

    case PROP_CITIZEN_NAME:
      sigap_complaint_set_citizen_name (self, g_value_get_string (value));
      break;

    case PROP_CITIZEN_CONTACT:
      sigap_complaint_set_citizen_contact (self, g_value_get_string (value));
      break;

    case PROP_CITIZEN_HANDLE:
      sigap_complaint_set_citizen_handle (self, g_value_get_string (value));
      break;

    case PROP_SOURCE_URL:
      sigap_complaint_set_source_url (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      sigap_complaint_set_body (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      sigap_complaint_set_status (self, g_value_get_enum (value));
      break;

    case PROP_OPD_ID:
      sigap_complaint_set_opd_id (self, g_value_get_string (value));
      break;

    case PROP_ASSIGNEE_ID:
      sigap_complaint_set_assignee_id (self, g_value_get_string (value));
      break;

    case PROP_PUBLIC_ISSUE:
      sigap_complaint_set_public_issue (self, g_value_get_boolean (value));
      break;

    case PROP_RECEIVED_AT:
      sigap_complaint_set_received_at (self, g_value_get_int64 (value));
      break;

    case PROP_DUE_AT:
      sigap_complaint_set_due_at (self, g_value_get_int64 (value));
      break;

    case PROP_RESOLVED_AT:
      sigap_complaint_set_resolved_at (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      sigap_complaint_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      sigap_complaint_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_complaint_class_init (SigapComplaintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_complaint_finalize;
  object_class->get_property = sigap_complaint_get_property;
  object_class->set_property = sigap_complaint_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TRACKING_NUMBER] =
    g_param_spec_string ("tracking-number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       SIGAP_TYPE_CHANNEL, SIGAP_CHANNEL_FACEBOOK,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SIGAP_TYPE_COMPLAINT_KIND, SIGAP_COMPLAINT_KIND_COMPLAINT,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KECAMATAN] =
    g_param_spec_string ("kecamatan", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DESA] =
    g_param_spec_string ("desa", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CITIZEN_NAME] =
    g_param_spec_string ("citizen-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CITIZEN_CONTACT] =
    g_param_spec_string ("citizen-contact", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CITIZEN_HANDLE] =
    g_param_spec_string ("citizen-handle", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE_URL] =
    g_param_spec_string ("source-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
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

  properties[PROP_ASSIGNEE_ID] =
    g_param_spec_string ("assignee-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLIC_ISSUE] =
    g_param_spec_boolean ("public-issue", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_RECEIVED_AT] =
    g_param_spec_int64 ("received-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DUE_AT] =
    g_param_spec_int64 ("due-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_RESOLVED_AT] =
    g_param_spec_int64 ("resolved-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sigap_complaint_init (SigapComplaint *self)
{
  self->channel = SIGAP_CHANNEL_FACEBOOK;
  self->kind = SIGAP_COMPLAINT_KIND_COMPLAINT;
  self->status = SIGAP_COMPLAINT_STATUS_RECEIVED;
}

/**
 * sigap_complaint_new:
 *
 * Returns: (transfer full): a new empty #SigapComplaint
 */
SigapComplaint *
sigap_complaint_new (void)
{
  return g_object_new (SIGAP_TYPE_COMPLAINT, NULL);
}

/**
 * sigap_complaint_copy:
 * @self: a #SigapComplaint
 *
 * Returns: (transfer full): a deep copy of @self
 */
SigapComplaint *
sigap_complaint_copy (SigapComplaint *self)
{
  SigapComplaint *copy;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  copy = sigap_complaint_new ();
  copy->id = g_strdup (self->id);
  copy->tracking_number = g_strdup (self->tracking_number);
  copy->channel = self->channel;
  copy->kind = self->kind;
  copy->category = g_strdup (self->category);
  copy->kecamatan = g_strdup (self->kecamatan);
  copy->desa = g_strdup (self->desa);
  copy->citizen_name = g_strdup (self->citizen_name);
  copy->citizen_contact = g_strdup (self->citizen_contact);
  copy->citizen_handle = g_strdup (self->citizen_handle);
  copy->source_url = g_strdup (self->source_url);
  copy->body = g_strdup (self->body);
  copy->status = self->status;
  copy->opd_id = g_strdup (self->opd_id);
  copy->assignee_id = g_strdup (self->assignee_id);
  copy->public_issue = self->public_issue;
  copy->received_at = self->received_at;
  copy->due_at = self->due_at;
  copy->resolved_at = self->resolved_at;
  copy->version = self->version;
  copy->updated_at = self->updated_at;

  return copy;
}

const char *
sigap_complaint_get_id (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  return self->id;
}

void
sigap_complaint_set_id (SigapComplaint *self,
                          const char *id)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sigap_complaint_get_tracking_number (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  return self->tracking_number;
}

void
sigap_complaint_set_tracking_number (SigapComplaint *self,
                                       const char *tracking_number)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (g_strcmp0 (self->tracking_number, tracking_number) == 0)
    return;

  g_free (self->tracking_number);
  self->tracking_number = g_strdup (tracking_number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKING_NUMBER]);
}

SigapChannel
sigap_complaint_get_channel (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), 0);

  return self->channel;
}

void
sigap_complaint_set_channel (SigapComplaint *self,
                               SigapChannel channel)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (self->channel == channel)
    return;

  self->channel = channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

SigapComplaintKind
sigap_complaint_get_kind (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), 0);

  return self->kind;
}

void
sigap_complaint_set_kind (SigapComplaint *self,
                            SigapComplaintKind kind)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
sigap_complaint_get_category (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  return self->category;
}

void
sigap_complaint_set_category (SigapComplaint *self,
                                const char *category)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (g_strcmp0 (self->category, category) == 0)
    return;

  g_free (self->category);
  self->category = g_strdup (category);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

const char *
sigap_complaint_get_kecamatan (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  return self->kecamatan;
}

void
sigap_complaint_set_kecamatan (SigapComplaint *self,
                                 const char *kecamatan)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (g_strcmp0 (self->kecamatan, kecamatan) == 0)
    return;

  g_free (self->kecamatan);
  self->kecamatan = g_strdup (kecamatan);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KECAMATAN]);
}

const char *
sigap_complaint_get_desa (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  return self->desa;
}

void
sigap_complaint_set_desa (SigapComplaint *self,
                            const char *desa)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (g_strcmp0 (self->desa, desa) == 0)
    return;

  g_free (self->desa);
  self->desa = g_strdup (desa);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESA]);
}

const char *
sigap_complaint_get_citizen_name (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  return self->citizen_name;
}

void
sigap_complaint_set_citizen_name (SigapComplaint *self,
                                    const char *citizen_name)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (g_strcmp0 (self->citizen_name, citizen_name) == 0)
    return;

  g_free (self->citizen_name);
  self->citizen_name = g_strdup (citizen_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITIZEN_NAME]);
}

const char *
sigap_complaint_get_citizen_contact (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  return self->citizen_contact;
}

void
sigap_complaint_set_citizen_contact (SigapComplaint *self,
                                       const char *citizen_contact)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (g_strcmp0 (self->citizen_contact, citizen_contact) == 0)
    return;

  g_free (self->citizen_contact);
  self->citizen_contact = g_strdup (citizen_contact);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITIZEN_CONTACT]);
}

const char *
sigap_complaint_get_citizen_handle (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  return self->citizen_handle;
}

void
sigap_complaint_set_citizen_handle (SigapComplaint *self,
                                      const char *citizen_handle)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (g_strcmp0 (self->citizen_handle, citizen_handle) == 0)
    return;

  g_free (self->citizen_handle);
  self->citizen_handle = g_strdup (citizen_handle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITIZEN_HANDLE]);
}

const char *
sigap_complaint_get_source_url (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  return self->source_url;
}

void
sigap_complaint_set_source_url (SigapComplaint *self,
                                  const char *source_url)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (g_strcmp0 (self->source_url, source_url) == 0)
    return;

  g_free (self->source_url);
  self->source_url = g_strdup (source_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_URL]);
}

const char *
sigap_complaint_get_body (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  return self->body;
}

void
sigap_complaint_set_body (SigapComplaint *self,
                            const char *body)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (g_strcmp0 (self->body, body) == 0)
    return;

  g_free (self->body);
  self->body = g_strdup (body);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

SigapComplaintStatus
sigap_complaint_get_status (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), 0);

  return self->status;
}

void
sigap_complaint_set_status (SigapComplaint *self,
                              SigapComplaintStatus status)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
sigap_complaint_get_opd_id (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  return self->opd_id;
}

void
sigap_complaint_set_opd_id (SigapComplaint *self,
                              const char *opd_id)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (g_strcmp0 (self->opd_id, opd_id) == 0)
    return;

  g_free (self->opd_id);
  self->opd_id = g_strdup (opd_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPD_ID]);
}

const char *
sigap_complaint_get_assignee_id (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), NULL);

  return self->assignee_id;
}

void
sigap_complaint_set_assignee_id (SigapComplaint *self,
                                   const char *assignee_id)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (g_strcmp0 (self->assignee_id, assignee_id) == 0)
    return;

  g_free (self->assignee_id);
  self->assignee_id = g_strdup (assignee_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNEE_ID]);
}

gboolean
sigap_complaint_get_public_issue (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), 0);

  return self->public_issue;
}

void
sigap_complaint_set_public_issue (SigapComplaint *self,
                                    gboolean public_issue)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  public_issue = !!public_issue;

  if (self->public_issue == public_issue)
    return;

  self->public_issue = public_issue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLIC_ISSUE]);
}

gint64
sigap_complaint_get_received_at (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), 0);

  return self->received_at;
}

void
sigap_complaint_set_received_at (SigapComplaint *self,
                                   gint64 received_at)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (self->received_at == received_at)
    return;

  self->received_at = received_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_AT]);
}

gint64
sigap_complaint_get_due_at (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), 0);

  return self->due_at;
}

void
sigap_complaint_set_due_at (SigapComplaint *self,
                              gint64 due_at)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (self->due_at == due_at)
    return;

  self->due_at = due_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_AT]);
}

gint64
sigap_complaint_get_resolved_at (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), 0);

  return self->resolved_at;
}

void
sigap_complaint_set_resolved_at (SigapComplaint *self,
                                   gint64 resolved_at)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (self->resolved_at == resolved_at)
    return;

  self->resolved_at = resolved_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED_AT]);
}

gint64
sigap_complaint_get_version (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), 0);

  return self->version;
}

void
sigap_complaint_set_version (SigapComplaint *self,
                               gint64 version)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gint64
sigap_complaint_get_updated_at (SigapComplaint *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (self), 0);

  return self->updated_at;
}

void
sigap_complaint_set_updated_at (SigapComplaint *self,
                                  gint64 updated_at)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}
