/* sigap-user.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-user"

#include "config.h"

#include "sigap-user.h"

/**
 * SigapUser:
 *
 * A person who signs in to Sigap.
 */
struct _SigapUser
{
  GObject parent_instance;

  char *id;
  char *username;
  char *display_name;
  SigapRole role;
  char *opd_id;
  char *password_hash;
  gboolean disabled;
  gint64 version;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (SigapUser, sigap_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_DISPLAY_NAME,
  PROP_ROLE,
  PROP_OPD_ID,
  PROP_PASSWORD_HASH,
  PROP_DISABLED,
  PROP_VERSION,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sigap_user_finalize (GObject *object)
{
  SigapUser *self = ((SigapUser *)object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->opd_id, g_free);
  g_clear_pointer (&self->password_hash, g_free);

  G_OBJECT_CLASS (sigap_user_parent_class)->finalize (object);
}

static void
sigap_user_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SigapUser *self = SIGAP_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_OPD_ID:
      g_value_set_string (value, self->opd_id);
      break;

    case PROP_PASSWORD_HASH:
      g_value_set_string (value, self->password_hash);
      break;

    case PROP_DISABLED:
      g_value_set_boolean (value, self->disabled);
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
sigap_user_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SigapUser *self = SIGAP_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      sigap_user_set_id (self, g_value_get_string (value));
      break;

    case PROP_USERNAME:
      sigap_user_set_username (self, g_value_get_string (value));
      break;

    case PROP_DISPLAY_NAME:
      sigap_user_set_display_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      sigap_user_set_role (self, g_value_get_enum (value));
      break;

    case PROP_OPD_ID:
      sigap_user_set_opd_id (self, g_value_get_string (value));
      break;

    case PROP_PASSWORD_HASH:
      sigap_user_set_password_hash (self, g_value_get_string (value));
      break;

    case PROP_DISABLED:
      sigap_user_set_disabled (self, g_value_get_boolean (value));
      break;

    case PROP_VERSION:
      sigap_user_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      sigap_user_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_user_class_init (SigapUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_user_finalize;
  object_class->get_property = sigap_user_get_property;
  object_class->set_property = sigap_user_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       SIGAP_TYPE_ROLE, SIGAP_ROLE_ADMIN_OPD,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OPD_ID] =
    g_param_spec_string ("opd-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PASSWORD_HASH] =
    g_param_spec_string ("password-hash", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DISABLED] =
    g_param_spec_boolean ("disabled", NULL, NULL,
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
sigap_user_init (SigapUser *self)
{
  self->role = SIGAP_ROLE_ADMIN_OPD;
}

/**
 * sigap_user_new:
 *
 * Returns: (transfer full): a new empty #SigapUser
 */
SigapUser *
sigap_user_new (void)
{
  return g_object_new (SIGAP_TYPE_USER, NULL);
}

/**
 * sigap_user_copy:
 * @self: a #SigapUser
 *
 * Returns: (transfer full): a deep copy of @self
 */
SigapUser *
sigap_user_copy (SigapUser *self)
{
  SigapUser *copy;

  g_return_val_if_fail (SIGAP_IS_USER (self), NULL);

  copy = sigap_user_new ();
  copy->id = g_strdup (self->id);
  copy->username = g_strdup (self->username);
  copy->display_name = g_strdup (self->display_name);
  copy->role = self->role;
  copy->opd_id = g_strdup (self->opd_id);
  copy->password_hash = g_strdup (self->password_hash);
  copy->disabled = self->disabled;
  copy->version = self->version;
  copy->updated_at = self->updated_at;

  return copy;
}

const char *
sigap_user_get_id (SigapUser *self)
{
  g_return_val_if_fail (SIGAP_IS_USER (self), NULL);

  return self->id;
}

void
sigap_user_set_id (SigapUser *self,
                     const char *id)
{
  g_return_if_fail (SIGAP_IS_USER (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sigap_user_get_username (SigapUser *self)
{
  g_return_val_if_fail (SIGAP_IS_USER (self), NULL);

  return self->username;
}

void
sigap_user_set_username (SigapUser *self,
                           const char *username)
{
  g_return_if_fail (SIGAP_IS_USER (self));

  if (g_strcmp0 (self->username, username) == 0)
    return;

  g_free (self->username);
  self->username = g_strdup (username);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
}

const char *
sigap_user_get_display_name (SigapUser *self)
{
  g_return_val_if_fail (SIGAP_IS_USER (self), NULL);

  return self->display_name;
}

void
sigap_user_set_display_name (SigapUser *self,
                               const char *display_name)
{
  g_return_if_fail (SIGAP_IS_USER (self));

  if (g_strcmp0 (self->display_name, display_name) == 0)
    return;

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

SigapRole
sigap_user_get_role (SigapUser *self)
{
  g_return_val_if_fail (SIGAP_IS_USER (self), 0);

  return self->role;
}

void
sigap_user_set_role (SigapUser *self,
                       SigapRole role)
{
  g_return_if_fail (SIGAP_IS_USER (self));

  if (self->role == role)
    return;

  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
sigap_user_get_opd_id (SigapUser *self)
{
  g_return_val_if_fail (SIGAP_IS_USER (self), NULL);

  return self->opd_id;
}

void
sigap_user_set_opd_id (SigapUser *self,
                         const char *opd_id)
{
  g_return_if_fail (SIGAP_IS_USER (self));

  if (g_strcmp0 (self->opd_id, opd_id) == 0)
    return;

  g_free (self->opd_id);
  self->opd_id = g_strdup (opd_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPD_ID]);
}

const char *
sigap_user_get_password_hash (SigapUser *self)
{
  g_return_val_if_fail (SIGAP_IS_USER (self), NULL);

  return self->password_hash;
}

void
sigap_user_set_password_hash (SigapUser *self,
                                const char *password_hash)
{
  g_return_if_fail (SIGAP_IS_USER (self));

  if (g_strcmp0 (self->password_hash, password_hash) == 0)
    return;

  g_free (self->password_hash);
  self->password_hash = g_strdup (password_hash);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASSWORD_HASH]);
}

gboolean
sigap_user_get_disabled (SigapUser *self)
{
  g_return_val_if_fail (SIGAP_IS_USER (self), 0);

  return self->disabled;
}

void
sigap_user_set_disabled (SigapUser *self,
                           gboolean disabled)
{
  g_return_if_fail (SIGAP_IS_USER (self));

  disabled = !!disabled;

  if (self->disabled == disabled)
    return;

  self->disabled = disabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISABLED]);
}

gint64
sigap_user_get_version (SigapUser *self)
{
  g_return_val_if_fail (SIGAP_IS_USER (self), 0);

  return self->version;
}

void
sigap_user_set_version (SigapUser *self,
                          gint64 version)
{
  g_return_if_fail (SIGAP_IS_USER (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gint64
sigap_user_get_updated_at (SigapUser *self)
{
  g_return_val_if_fail (SIGAP_IS_USER (self), 0);

  return self->updated_at;
}

void
sigap_user_set_updated_at (SigapUser *self,
                             gint64 updated_at)
{
  g_return_if_fail (SIGAP_IS_USER (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}
