/* sigap-post-variant.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-post-variant"

#include "config.h"

#include "sigap-post-variant.h"

/**
 * SigapPostVariant:
 *
 * How one post reads on one platform.
 */
struct _SigapPostVariant
{
  GObject parent_instance;

  SigapPlatform platform;
  char *title;
  char *body;
  char *published_url;
  char *links;
};

G_DEFINE_FINAL_TYPE (SigapPostVariant, sigap_post_variant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLATFORM,
  PROP_TITLE,
  PROP_BODY,
  PROP_PUBLISHED_URL,
  PROP_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sigap_post_variant_finalize (GObject *object)
{
  SigapPostVariant *self = ((SigapPostVariant *)object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->published_url, g_free);
  g_clear_pointer (&self->links, g_free);

  G_OBJECT_CLASS (sigap_post_variant_parent_class)->finalize (object);
}

static void
sigap_post_variant_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SigapPostVariant *self = SIGAP_POST_VARIANT (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      g_value_set_enum (value, self->platform);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_PUBLISHED_URL:
      g_value_set_string (value, self->published_url);
      break;

    case PROP_LINKS:
      g_value_set_string (value, self->links);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_post_variant_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SigapPostVariant *self = SIGAP_POST_VARIANT (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      sigap_post_variant_set_platform (self, g_value_get_enum (value));
      break;

    case PROP_TITLE:
      sigap_post_variant_set_title (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      sigap_post_variant_set_body (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED_URL:
      sigap_post_variant_set_published_url (self, g_value_get_string (value));
      break;

    case PROP_LINKS:
      sigap_post_variant_set_links (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_post_variant_class_init (SigapPostVariantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_post_variant_finalize;
  object_class->get_property = sigap_post_variant_get_property;
  object_class->set_property = sigap_post_variant_set_property;

  properties[PROP_PLATFORM] =
    g_param_spec_enum ("platform", NULL, NULL,
                       SIGAP_TYPE_PLATFORM, SIGAP_PLATFORM_FACEBOOK,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
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

  properties[PROP_PUBLISHED_URL] =
    g_param_spec_string ("published-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_LINKS] =
    g_param_spec_string ("links", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sigap_post_variant_init (SigapPostVariant *self)
{
  self->platform = SIGAP_PLATFORM_FACEBOOK;
}

/**
 * sigap_post_variant_new:
 *
 * Returns: (transfer full): a new empty #SigapPostVariant
 */
SigapPostVariant *
sigap_post_variant_new (void)
{
  return g_object_new (SIGAP_TYPE_POST_VARIANT, NULL);
}

/**
 * sigap_post_variant_copy:
 * @self: a #SigapPostVariant
 *
 * Returns: (transfer full): a deep copy of @self
 */
SigapPostVariant *
sigap_post_variant_copy (SigapPostVariant *self)
{
  SigapPostVariant *copy;

  g_return_val_if_fail (SIGAP_IS_POST_VARIANT (self), NULL);

  copy = sigap_post_variant_new ();
  copy->platform = self->platform;
  copy->title = g_strdup (self->title);
  copy->body = g_strdup (self->body);
  copy->published_url = g_strdup (self->published_url);
  copy->links = g_strdup (self->links);

  return copy;
}

SigapPlatform
sigap_post_variant_get_platform (SigapPostVariant *self)
{
  g_return_val_if_fail (SIGAP_IS_POST_VARIANT (self), 0);

  return self->platform;
}

void
sigap_post_variant_set_platform (SigapPostVariant *self,
                                   SigapPlatform platform)
{
  g_return_if_fail (SIGAP_IS_POST_VARIANT (self));

  if (self->platform == platform)
    return;

  self->platform = platform;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLATFORM]);
}

const char *
sigap_post_variant_get_title (SigapPostVariant *self)
{
  g_return_val_if_fail (SIGAP_IS_POST_VARIANT (self), NULL);

  return self->title;
}

void
sigap_post_variant_set_title (SigapPostVariant *self,
                                const char *title)
{
  g_return_if_fail (SIGAP_IS_POST_VARIANT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
sigap_post_variant_get_body (SigapPostVariant *self)
{
  g_return_val_if_fail (SIGAP_IS_POST_VARIANT (self), NULL);

  return self->body;
}

void
sigap_post_variant_set_body (SigapPostVariant *self,
                               const char *body)
{
  g_return_if_fail (SIGAP_IS_POST_VARIANT (self));

  if (g_strcmp0 (self->body, body) == 0)
    return;

  g_free (self->body);
  self->body = g_strdup (body);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

const char *
sigap_post_variant_get_published_url (SigapPostVariant *self)
{
  g_return_val_if_fail (SIGAP_IS_POST_VARIANT (self), NULL);

  return self->published_url;
}

void
sigap_post_variant_set_published_url (SigapPostVariant *self,
                                        const char *published_url)
{
  g_return_if_fail (SIGAP_IS_POST_VARIANT (self));

  if (g_strcmp0 (self->published_url, published_url) == 0)
    return;

  g_free (self->published_url);
  self->published_url = g_strdup (published_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED_URL]);
}

const char *
sigap_post_variant_get_links (SigapPostVariant *self)
{
  g_return_val_if_fail (SIGAP_IS_POST_VARIANT (self), NULL);

  return self->links;
}

void
sigap_post_variant_set_links (SigapPostVariant *self,
                              const char *links)
{
  g_return_if_fail (SIGAP_IS_POST_VARIANT (self));

  if (g_strcmp0 (self->links, links) == 0)
    return;

  g_free (self->links);
  self->links = g_strdup (links);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINKS]);
}
