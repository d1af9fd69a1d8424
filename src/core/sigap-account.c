/* sigap-account.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-account"

#include "config.h"

#include "sigap-account.h"

/**
 * SigapAccount:
 *
 * An official social-media account of an OPD.
 */
struct _SigapAccount
{
  GObject parent_instance;

  char *id;
  char *opd_id;
  SigapPlatform platform;
  char *handle;
  char *display_name;
  char *url;
  gint64 version;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (SigapAccount, sigap_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_OPD_ID,
  PROP_PLATFORM,
  PROP_HANDLE,
  PROP_DISPLAY_NAME,
  PROP_URL,
  PROP_VERSION,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sigap_account_finalize (GObject *object)
{
  SigapAccount *self = ((SigapAccount *)object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->opd_id, g_free);
  g_clear_pointer (&self->handle, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (sigap_account_parent_class)->finalize (object);
}

static void
sigap_account_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SigapAccount *self = SIGAP_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_OPD_ID:
      g_value_set_string (value, self->opd_id);
      break;

    case PROP_PLATFORM:
      g_value_set_enum (value, self->platform);
      break;

    case PROP_HANDLE:
      g_value_set_string (value, self->handle);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
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
sigap_account_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SigapAccount *self = SIGAP_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      sigap_account_set_id (self, g_value_get_string (value));
      break;

    case PROP_OPD_ID:
      sigap_account_set_opd_id (self, g_value_get_string (value));
      break;

    case PROP_PLATFORM:
      sigap_account_set_platform (self, g_value_get_enum (value));
      break;

    case PROP_HANDLE:
      sigap_account_set_handle (self, g_value_get_string (value));
      break;

    case PROP_DISPLAY_NAME:
      sigap_account_set_display_name (self, g_value_get_string (value));
      break;

    case PROP_URL:
      sigap_account_set_url (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      sigap_account_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      sigap_account_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_account_class_init (SigapAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_account_finalize;
  object_class->get_property = sigap_account_get_property;
  object_class->set_property = sigap_account_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OPD_ID] =
    g_param_spec_string ("opd-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PLATFORM] =
    g_param_spec_enum ("platform", NULL, NULL,
                       SIGAP_TYPE_PLATFORM, SIGAP_PLATFORM_FACEBOOK,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_HANDLE] =
    g_param_spec_string ("handle", NULL, NULL,
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

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
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
sigap_account_init (SigapAccount *self)
{
  self->platform = SIGAP_PLATFORM_FACEBOOK;
}

/**
 * sigap_account_new:
 *
 * Returns: (transfer full): a new empty #SigapAccount
 */
SigapAccount *
sigap_account_new (void)
{
  return g_object_new (SIGAP_TYPE_ACCOUNT, NULL);
}

/**
 * sigap_account_copy:
 * @self: a #SigapAccount
 *
 * Returns: (transfer full): a deep copy of @self
 */
SigapAccount *
sigap_account_copy (SigapAccount *self)
{
  SigapAccount *copy;

  g_return_val_if_fail (SIGAP_IS_ACCOUNT (self), NULL);

  copy = sigap_account_new ();
  copy->id = g_strdup (self->id);
  copy->opd_id = g_strdup (self->opd_id);
  copy->platform = self->platform;
  copy->handle = g_strdup (self->handle);
  copy->display_name = g_strdup (self->display_name);
  copy->url = g_strdup (self->url);
  copy->version = self->version;
  copy->updated_at = self->updated_at;

  return copy;
}

const char *
sigap_account_get_id (SigapAccount *self)
{
  g_return_val_if_fail (SIGAP_IS_ACCOUNT (self), NULL);

  return self->id;
}

void
sigap_account_set_id (SigapAccount *self,
                        const char *id)
{
  g_return_if_fail (SIGAP_IS_ACCOUNT (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sigap_account_get_opd_id (SigapAccount *self)
{
  g_return_val_if_fail (SIGAP_IS_ACCOUNT (self), NULL);

  return self->opd_id;
}

void
sigap_account_set_opd_id (SigapAccount *self,
                            const char *opd_id)
{
  g_return_if_fail (SIGAP_IS_ACCOUNT (self));

  if (g_strcmp0 (self->opd_id, opd_id) == 0)
    return;

  g_free (self->opd_id);
  self->opd_id = g_strdup (opd_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPD_ID]);
}

SigapPlatform
sigap_account_get_platform (SigapAccount *self)
{
  g_return_val_if_fail (SIGAP_IS_ACCOUNT (self), 0);

  return self->platform;
}

void
sigap_account_set_platform (SigapAccount *self,
                              SigapPlatform platform)
{
  g_return_if_fail (SIGAP_IS_ACCOUNT (self));

  if (self->platform == platform)
    return;

  self->platform = platform;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLATFORM]);
}

const char *
sigap_account_get_handle (SigapAccount *self)
{
  g_return_val_if_fail (SIGAP_IS_ACCOUNT (self), NULL);

  return self->handle;
}

void
sigap_account_set_handle (SigapAccount *self,
                            const char *handle)
{
  g_return_if_fail (SIGAP_IS_ACCOUNT (self));

  if (g_strcmp0 (self->handle, handle) == 0)
    return;

  g_free (self->handle);
  self->handle = g_strdup (handle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDLE]);
}

const char *
sigap_account_get_display_name (SigapAccount *self)
{
  g_return_val_if_fail (SIGAP_IS_ACCOUNT (self), NULL);

  return self->display_name;
}

void
sigap_account_set_display_name (SigapAccount *self,
                                  const char *display_name)
{
  g_return_if_fail (SIGAP_IS_ACCOUNT (self));

  if (g_strcmp0 (self->display_name, display_name) == 0)
    return;

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
sigap_account_get_url (SigapAccount *self)
{
  g_return_val_if_fail (SIGAP_IS_ACCOUNT (self), NULL);

  return self->url;
}

void
sigap_account_set_url (SigapAccount *self,
                         const char *url)
{
  g_return_if_fail (SIGAP_IS_ACCOUNT (self));

  if (g_strcmp0 (self->url, url) == 0)
    return;

  g_free (self->url);
  self->url = g_strdup (url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

gint64
sigap_account_get_version (SigapAccount *self)
{
  g_return_val_if_fail (SIGAP_IS_ACCOUNT (self), 0);

  return self->version;
}

void
sigap_account_set_version (SigapAccount *self,
                             gint64 version)
{
  g_return_if_fail (SIGAP_IS_ACCOUNT (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gint64
sigap_account_get_updated_at (SigapAccount *self)
{
  g_return_val_if_fail (SIGAP_IS_ACCOUNT (self), 0);

  return self->updated_at;
}

void
sigap_account_set_updated_at (SigapAccount *self,
                                gint64 updated_at)
{
  g_return_if_fail (SIGAP_IS_ACCOUNT (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}
