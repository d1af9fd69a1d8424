/* sigap-post.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-post"

#include "config.h"

#include "sigap-post.h"

/**
 * SigapPost:
 *
 * A planned or published post of an OPD, with its per-platform variants.
 */
struct _SigapPost
{
  GObject parent_instance;

  char *id;
  char *opd_id;
  char *title;
  char *body;
  SigapContentCategory category;
  SigapPostStatus status;
  gint64 scheduled_at;
  gint64 published_at;
  char *author_id;
  char *review_note;
  char *media;
  gint64 created_at;
  gint64 version;
  gint64 updated_at;
  GPtrArray *variants;
};

G_DEFINE_FINAL_TYPE (SigapPost, sigap_post, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_OPD_ID,
  PROP_TITLE,
  PROP_BODY,
  PROP_CATEGORY,
  PROP_STATUS,
  PROP_SCHEDULED_AT,
  PROP_PUBLISHED_AT,
  PROP_AUTHOR_ID,
  PROP_REVIEW_NOTE,
  PROP_MEDIA,
  PROP_CREATED_AT,
  PROP_VERSION,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sigap_post_finalize (GObject *object)
{
  SigapPost *self = ((SigapPost *)object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->opd_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->author_id, g_free);
  g_clear_pointer (&self->review_note, g_free);
  g_clear_pointer (&self->media, g_free);
  g_clear_pointer (&self->variants, g_ptr_array_unref);

  G_OBJECT_CLASS (sigap_post_parent_class)->finalize (object);
}

static void
sigap_post_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SigapPost *self = SIGAP_POST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_OPD_ID:
      g_value_set_string (value, self->opd_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_SCHEDULED_AT:
      g_value_set_int64 (value, self->scheduled_at);
      break;

    case PROP_PUBLISHED_AT:
      g_value_set_int64 (value, self->published_at);
      break;

    case PROP_AUTHOR_ID:
      g_value_set_string (value, self->author_id);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    case PROP_MEDIA:
      g_value_set_string (value, self->media);
      break;

    case PROP_REVIEW_NOTE:
      g_value_set_string (value, self->review_note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_post_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SigapPost *self = SIGAP_POST (object);

  switch (prop_id)
    {
    case PROP_ID:
      sigap_post_set_id (self, g_value_get_string (value));
      break;

    case PROP_OPD_ID:
      sigap_post_set_opd_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      sigap_post_set_title (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      sigap_post_set_body (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      sigap_post_set_category (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      sigap_post_set_status (self, g_value_get_enum (value));
      break;

    case PROP_SCHEDULED_AT:
      sigap_post_set_scheduled_at (self, g_value_get_int64 (value));
      break;

    case PROP_PUBLISHED_AT:
      sigap_post_set_published_at (self, g_value_get_int64 (value));
      break;

    case PROP_AUTHOR_ID:
      sigap_post_set_author_id (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      sigap_post_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      sigap_post_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      sigap_post_set_updated_at (self, g_value_get_int64 (value));
      break;

    case PROP_MEDIA:
      sigap_post_set_media (self, g_value_get_string (value));
      break;

    case PROP_REVIEW_NOTE:
      sigap_post_set_review_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_post_class_init (SigapPostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_post_finalize;
  object_class->get_property = sigap_post_get_property;
  object_class->set_property = sigap_post_set_property;

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

  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       SIGAP_TYPE_CONTENT_CATEGORY, SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       SIGAP_TYPE_POST_STATUS, SIGAP_POST_STATUS_DRAFT,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SCHEDULED_AT] =
    g_param_spec_int64 ("scheduled-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHED_AT] =
    g_param_spec_int64 ("published-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTHOR_ID] =
    g_param_spec_string ("author-id", NULL, NULL,
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

  properties[PROP_MEDIA] =
    g_param_spec_string ("media", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REVIEW_NOTE] =
    g_param_spec_string ("review-note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sigap_post_init (SigapPost *self)
{
  self->category = SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE;
  self->status = SIGAP_POST_STATUS_DRAFT;
  self->variants = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * sigap_post_new:
 *
 * Returns: (transfer full): a new empty #SigapPost
 */
SigapPost *
sigap_post_new (void)
{
  return g_object_new (SIGAP_TYPE_POST, NULL);
}

/**
 * sigap_post_copy:
 * @self: a #SigapPost
 *
 * Returns: (transfer full): a deep copy of @self
 */
SigapPost *
sigap_post_copy (SigapPost *self)
{
  SigapPost *copy;

  g_return_val_if_fail (SIGAP_IS_POST (self), NULL);

  copy = sigap_post_new ();
  copy->id = g_strdup (self->id);
  copy->opd_id = g_strdup (self->opd_id);
  copy->title = g_strdup (self->title);
  copy->body = g_strdup (self->body);
  copy->category = self->category;
  copy->status = self->status;
  copy->scheduled_at = self->scheduled_at;
  copy->published_at = self->published_at;
  copy->author_id = g_strdup (self->author_id);
  copy->review_note = g_strdup (self->review_note);
  copy->media = g_strdup (self->media);
  copy->created_at = self->created_at;
  copy->version = self->version;
  copy->updated_at = self->updated_at;
  for (guint i = 0; i < self->variants->len; i++)
    g_ptr_array_add (copy->variants,
                     sigap_post_variant_copy (g_ptr_array_index (self->variants, i)));

  return copy;
}

const char *
sigap_post_get_id (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), NULL);

  return self->id;
}

void
sigap_post_set_id (SigapPost *self,
                     const char *id)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sigap_post_get_opd_id (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), NULL);

  return self->opd_id;
}

void
sigap_post_set_opd_id (SigapPost *self,
                         const char *opd_id)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (g_strcmp0 (self->opd_id, opd_id) == 0)
    return;

  g_free (self->opd_id);
  self->opd_id = g_strdup (opd_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPD_ID]);
}

const char *
sigap_post_get_title (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), NULL);

  return self->title;
}

void
sigap_post_set_title (SigapPost *self,
                        const char *title)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
sigap_post_get_body (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), NULL);

  return self->body;
}

void
sigap_post_set_body (SigapPost *self,
                       const char *body)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (g_strcmp0 (self->body, body) == 0)
    return;

  g_free (self->body);
  self->body = g_strdup (body);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

SigapContentCategory
sigap_post_get_category (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), 0);

  return self->category;
}

void
sigap_post_set_category (SigapPost *self,
                           SigapContentCategory category)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (self->category == category)
    return;

  self->category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

SigapPostStatus
sigap_post_get_status (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), 0);

  return self->status;
}

void
sigap_post_set_status (SigapPost *self,
                         SigapPostStatus status)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint64
sigap_post_get_scheduled_at (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), 0);

  return self->scheduled_at;
}

void
sigap_post_set_scheduled_at (SigapPost *self,
                               gint64 scheduled_at)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (self->scheduled_at == scheduled_at)
    return;

  self->scheduled_at = scheduled_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULED_AT]);
}

gint64
sigap_post_get_published_at (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), 0);

  return self->published_at;
}

void
sigap_post_set_published_at (SigapPost *self,
                               gint64 published_at)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (self->published_at == published_at)
    return;

  self->published_at = published_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED_AT]);
}

const char *
sigap_post_get_author_id (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), NULL);

  return self->author_id;
}

void
sigap_post_set_author_id (SigapPost *self,
                            const char *author_id)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (g_strcmp0 (self->author_id, author_id) == 0)
    return;

  g_free (self->author_id);
  self->author_id = g_strdup (author_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_ID]);
}

gint64
sigap_post_get_created_at (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), 0);

  return self->created_at;
}

void
sigap_post_set_created_at (SigapPost *self,
                             gint64 created_at)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gint64
sigap_post_get_version (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), 0);

  return self->version;
}

void
sigap_post_set_version (SigapPost *self,
                          gint64 version)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gint64
sigap_post_get_updated_at (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), 0);

  return self->updated_at;
}

void
sigap_post_set_updated_at (SigapPost *self,
                             gint64 updated_at)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/**
 * sigap_post_get_variants:
 * @self: a #SigapPost
 *
 * Returns: (transfer none) (element-type SigapPostVariant): the variants,
 *   one per platform the post goes to
 */
GPtrArray *
sigap_post_get_variants (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), NULL);

  return self->variants;
}

/**
 * sigap_post_get_variant:
 * @self: a #SigapPost
 * @platform: a #SigapPlatform
 *
 * Returns: (transfer none) (nullable): the variant for @platform
 */
SigapPostVariant *
sigap_post_get_variant (SigapPost     *self,
                        SigapPlatform  platform)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), NULL);

  for (guint i = 0; i < self->variants->len; i++)
    {
      SigapPostVariant *variant = g_ptr_array_index (self->variants, i);

      if (sigap_post_variant_get_platform (variant) == platform)
        return variant;
    }

  return NULL;
}

/**
 * sigap_post_set_variant:
 * @self: a #SigapPost
 * @variant: a #SigapPostVariant
 *
 * Adds @variant, replacing the variant of the same platform if there is one.
 */
void
sigap_post_set_variant (SigapPost        *self,
                        SigapPostVariant *variant)
{
  g_return_if_fail (SIGAP_IS_POST (self));
  g_return_if_fail (SIGAP_IS_POST_VARIANT (variant));

  /* Take the reference first: @variant may be the one being replaced. */
  g_object_ref (variant);
  sigap_post_remove_variant (self, sigap_post_variant_get_platform (variant));
  g_ptr_array_add (self->variants, variant);
}

void
sigap_post_remove_variant (SigapPost     *self,
                           SigapPlatform  platform)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  for (guint i = 0; i < self->variants->len; i++)
    {
      SigapPostVariant *variant = g_ptr_array_index (self->variants, i);

      if (sigap_post_variant_get_platform (variant) == platform)
        {
          g_ptr_array_remove_index (self->variants, i);
          return;
        }
    }
}

const char *
sigap_post_get_media (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), NULL);

  return self->media;
}

void
sigap_post_set_media (SigapPost  *self,
                      const char *media)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (g_strcmp0 (self->media, media) == 0)
    return;

  g_free (self->media);
  self->media = g_strdup (media);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDIA]);
}

const char *
sigap_post_get_review_note (SigapPost *self)
{
  g_return_val_if_fail (SIGAP_IS_POST (self), NULL);

  return self->review_note;
}

void
sigap_post_set_review_note (SigapPost  *self,
                            const char *review_note)
{
  g_return_if_fail (SIGAP_IS_POST (self));

  if (g_strcmp0 (self->review_note, review_note) == 0)
    return;

  g_free (self->review_note);
  self->review_note = g_strdup (review_note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_NOTE]);
}
