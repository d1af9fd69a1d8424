/* sigap-opd.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-opd"

#include "config.h"

#include "sigap-opd.h"

/**
 * SigapOpd:
 *
 * An agency (OPD) of the regency.
 */
struct _SigapOpd
{
  GObject parent_instance;

  char *id;
  char *code;
  char *name;
  SigapOpdKind kind;
  char *parent_id;
  char *time_zone;
  gboolean requires_approval;
  gint64 version;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (SigapOpd, sigap_opd, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_KIND,
  PROP_PARENT_ID,
  PROP_TIME_ZONE,
  PROP_REQUIRES_APPROVAL,
  PROP_VERSION,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sigap_opd_finalize (GObject *object)
{
  SigapOpd *self = ((SigapOpd *)object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->parent_id, g_free);
  g_clear_pointer (&self->time_zone, g_free);

  G_OBJECT_CLASS (sigap_opd_parent_class)->finalize (object);
}

static void
sigap_opd_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SigapOpd *self = SIGAP_OPD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;

    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;

    case PROP_REQUIRES_APPROVAL:
      g_value_set_boolean (value, self->requires_approval);
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
sigap_opd_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SigapOpd *self = SIGAP_OPD (object);

  switch (prop_id)
    {
    case PROP_ID:
      sigap_opd_set_id (self, g_value_get_string (value));
      break;

    case PROP_CODE:
      sigap_opd_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      sigap_opd_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      sigap_opd_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_PARENT_ID:
      sigap_opd_set_parent_id (self, g_value_get_string (value));
      break;

    case PROP_TIME_ZONE:
      sigap_opd_set_time_zone (self, g_value_get_string (value));
      break;

    case PROP_REQUIRES_APPROVAL:
      sigap_opd_set_requires_approval (self, g_value_get_boolean (value));
      break;

    case PROP_VERSION:
      sigap_opd_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      sigap_opd_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_opd_class_init (SigapOpdClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_opd_finalize;
  object_class->get_property = sigap_opd_get_property;
  object_class->set_property = sigap_opd_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SIGAP_TYPE_OPD_KIND, SIGAP_OPD_KIND_DINAS,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PARENT_ID] =
    g_param_spec_string ("parent-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REQUIRES_APPROVAL] =
    g_param_spec_boolean ("requires-approval", NULL, NULL,
                          FALSE,
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
sigap_opd_init (SigapOpd *self)
{
  self->kind = SIGAP_OPD_KIND_DINAS;
}

/**
 * sigap_opd_new:
 *
 * Returns: (transfer full): a new empty #SigapOpd
 */
SigapOpd *
sigap_opd_new (void)
{
  return g_object_new (SIGAP_TYPE_OPD, NULL);
}

/**
 * sigap_opd_copy:
 * @self: a #SigapOpd
 *
 * Returns: (transfer full): a deep copy of @self
 */
SigapOpd *
sigap_opd_copy (SigapOpd *self)
{
  SigapOpd *copy;

  g_return_val_if_fail (SIGAP_IS_OPD (self), NULL);

  copy = sigap_opd_new ();
  copy->id = g_strdup (self->id);
  copy->code = g_strdup (self->code);
  copy->name = g_strdup (self->name);
  copy->kind = self->kind;
  copy->parent_id = g_strdup (self->parent_id);
  copy->time_zone = g_strdup (self->time_zone);
  copy->requires_approval = self->requires_approval;
  copy->version = self->version;
  copy->updated_at = self->updated_at;

  return copy;
}

const char *
sigap_opd_get_id (SigapOpd *self)
{
  g_return_val_if_fail (SIGAP_IS_OPD (self), NULL);

  return self->id;
}

void
sigap_opd_set_id (SigapOpd *self,
                    const char *id)
{
  g_return_if_fail (SIGAP_IS_OPD (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sigap_opd_get_code (SigapOpd *self)
{
  g_return_val_if_fail (SIGAP_IS_OPD (self), NULL);

  return self->code;
}

void
sigap_opd_set_code (SigapOpd *self,
                      const char *code)
{
  g_return_if_fail (SIGAP_IS_OPD (self));

  if (g_strcmp0 (self->code, code) == 0)
    return;

  g_free (self->code);
  self->code = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
sigap_opd_get_name (SigapOpd *self)
{
  g_return_val_if_fail (SIGAP_IS_OPD (self), NULL);

  return self->name;
}

void
sigap_opd_set_name (SigapOpd *self,
                      const char *name)
{
  g_return_if_fail (SIGAP_IS_OPD (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

SigapOpdKind
sigap_opd_get_kind (SigapOpd *self)
{
  g_return_val_if_fail (SIGAP_IS_OPD (self), 0);

  return self->kind;
}

void
sigap_opd_set_kind (SigapOpd *self,
                      SigapOpdKind kind)
{
  g_return_if_fail (SIGAP_IS_OPD (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
sigap_opd_get_parent_id (SigapOpd *self)
{
  g_return_val_if_fail (SIGAP_IS_OPD (self), NULL);

  return self->parent_id;
}

void
sigap_opd_set_parent_id (SigapOpd *self,
                           const char *parent_id)
{
  g_return_if_fail (SIGAP_IS_OPD (self));

  if (g_strcmp0 (self->parent_id, parent_id) == 0)
    return;

  g_free (self->parent_id);
  self->parent_id = g_strdup (parent_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

const char *
sigap_opd_get_time_zone (SigapOpd *self)
{
  g_return_val_if_fail (SIGAP_IS_OPD (self), NULL);

  return self->time_zone;
}

void
sigap_opd_set_time_zone (SigapOpd *self,
                           const char *time_zone)
{
  g_return_if_fail (SIGAP_IS_OPD (self));

  if (g_strcmp0 (self->time_zone, time_zone) == 0)
    return;

  g_free (self->time_zone);
  self->time_zone = g_strdup (time_zone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

gboolean
sigap_opd_get_requires_approval (SigapOpd *self)
{
  g_return_val_if_fail (SIGAP_IS_OPD (self), 0);

  return self->requires_approval;
}

void
sigap_opd_set_requires_approval (SigapOpd *self,
                                   gboolean requires_approval)
{
  g_return_if_fail (SIGAP_IS_OPD (self));

  requires_approval = !!requires_approval;

  if (self->requires_approval == requires_approval)
    return;

  self->requires_approval = requires_approval;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRES_APPROVAL]);
}

gint64
sigap_opd_get_version (SigapOpd *self)
{
  g_return_val_if_fail (SIGAP_IS_OPD (self), 0);

  return self->version;
}

void
sigap_opd_set_version (SigapOpd *self,
                         gint64 version)
{
  g_return_if_fail (SIGAP_IS_OPD (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gint64
sigap_opd_get_updated_at (SigapOpd *self)
{
  g_return_val_if_fail (SIGAP_IS_OPD (self), 0);

  return self->updated_at;
}

void
sigap_opd_set_updated_at (SigapOpd *self,
                            gint64 updated_at)
{
  g_return_if_fail (SIGAP_IS_OPD (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}
