/* sigap-post-filter.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-post-filter"

#include "config.h"

#include "sigap-post-filter.h"

/* Every bit a mask may have: one per value of its enum. */
#define ALL_PLATFORMS  ((1u << SIGAP_N_PLATFORMS) - 1)
#define ALL_STATUSES   ((1u << (SIGAP_POST_STATUS_CANCELLED + 1)) - 1)
#define ALL_CATEGORIES ((1u << (SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT + 1)) - 1)

/**
 * SigapPostFilter:
 *
 * What the content calendar hides. The views keep one and ask it about
 * each post; the filter popover edits it.
 */
struct _SigapPostFilter
{
  GObject parent_instance;

  guint hidden_platforms;
  guint hidden_statuses;
  guint hidden_categories;
};

G_DEFINE_FINAL_TYPE (SigapPostFilter, sigap_post_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HIDDEN_PLATFORMS,
  PROP_HIDDEN_STATUSES,
  PROP_HIDDEN_CATEGORIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Stores @mask in @field and notifies @prop; returns whether it changed.
 * The caller emits "changed", once for however many masks it set. */
static gboolean
set_mask (SigapPostFilter *self,
          guint           *field,
          guint            mask,
          guint            prop)
{
  if (*field == mask)
    return FALSE;

  *field = mask;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);

  return TRUE;
}

static void
sigap_post_filter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SigapPostFilter *self = SIGAP_POST_FILTER (object);

  switch (prop_id)
    {
    case PROP_HIDDEN_PLATFORMS:
      g_value_set_uint (value, self->hidden_platforms);
      break;

    case PROP_HIDDEN_STATUSES:
      g_value_set_uint (value, self->hidden_statuses);
      break;

    case PROP_HIDDEN_CATEGORIES:
      g_value_set_uint (value, self->hidden_categories);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_post_filter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SigapPostFilter *self = SIGAP_POST_FILTER (object);

  switch (prop_id)
    {
    case PROP_HIDDEN_PLATFORMS:
      sigap_post_filter_set_hidden_platforms (self, g_value_get_uint (value));
      break;

    case PROP_HIDDEN_STATUSES:
      sigap_post_filter_set_hidden_statuses (self, g_value_get_uint (value));
      break;

    case PROP_HIDDEN_CATEGORIES:
      sigap_post_filter_set_hidden_categories (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_post_filter_class_init (SigapPostFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sigap_post_filter_get_property;
  object_class->set_property = sigap_post_filter_set_property;

  /**
   * SigapPostFilter:hidden-platforms:
   *
   * The platforms hidden, as 1 << SigapPlatform bits.
   */
  properties[PROP_HIDDEN_PLATFORMS] =
    g_param_spec_uint ("hidden-platforms", NULL, NULL,
                       0, ALL_PLATFORMS, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * SigapPostFilter:hidden-statuses:
   *
   * The statuses hidden, as 1 << SigapPostStatus bits.
   */
  properties[PROP_HIDDEN_STATUSES] =
    g_param_spec_uint ("hidden-statuses", NULL, NULL,
                       0, ALL_STATUSES, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * SigapPostFilter:hidden-categories:
   *
   * The content categories hidden, as 1 << SigapContentCategory bits.
   */
  properties[PROP_HIDDEN_CATEGORIES] =
    g_param_spec_uint ("hidden-categories", NULL, NULL,
                       0, ALL_CATEGORIES, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SigapPostFilter::changed:
   * @self: the filter
   *
   * Emitted once after any mask changed, so that a view filters again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
sigap_post_filter_init (SigapPostFilter *self)
{
}

/**
 * sigap_post_filter_new:
 *
 * Returns: (transfer full): a filter that hides nothing
 */
SigapPostFilter *
sigap_post_filter_new (void)
{
  return g_object_new (SIGAP_TYPE_POST_FILTER, NULL);
}

guint
sigap_post_filter_get_hidden_platforms (SigapPostFilter *self)
{
  g_return_val_if_fail (SIGAP_IS_POST_FILTER (self), 0);

  return self->hidden_platforms;
}

/**
 * sigap_post_filter_set_hidden_platforms:
 * @self: a #SigapPostFilter
 * @mask: 1 << SigapPlatform bits of the platforms to hide
 */
void
sigap_post_filter_set_hidden_platforms (SigapPostFilter *self,
                                        guint            mask)
{
  g_return_if_fail (SIGAP_IS_POST_FILTER (self));
  g_return_if_fail ((mask & ~ALL_PLATFORMS) == 0);

  if (set_mask (self, &self->hidden_platforms, mask, PROP_HIDDEN_PLATFORMS))
    g_signal_emit (self, signals[CHANGED], 0);
}

guint
sigap_post_filter_get_hidden_statuses (SigapPostFilter *self)
{
  g_return_val_if_fail (SIGAP_IS_POST_FILTER (self), 0);

  return self->hidden_statuses;
}

/**
 * sigap_post_filter_set_hidden_statuses:
 * @self: a #SigapPostFilter
 * @mask: 1 << SigapPostStatus bits of the statuses to hide
 */
void
sigap_post_filter_set_hidden_statuses (SigapPostFilter *self,
                                       guint            mask)
{
  g_return_if_fail (SIGAP_IS_POST_FILTER (self));
  g_return_if_fail ((mask & ~ALL_STATUSES) == 0);

  if (set_mask (self, &self->hidden_statuses, mask, PROP_HIDDEN_STATUSES))
    g_signal_emit (self, signals[CHANGED], 0);
}

guint
sigap_post_filter_get_hidden_categories (SigapPostFilter *self)
{
  g_return_val_if_fail (SIGAP_IS_POST_FILTER (self), 0);

  return self->hidden_categories;
}

/**
 * sigap_post_filter_set_hidden_categories:
 * @self: a #SigapPostFilter
 * @mask: 1 << SigapContentCategory bits of the categories to hide
 */
void
sigap_post_filter_set_hidden_categories (SigapPostFilter *self,
                                         guint            mask)
{
  g_return_if_fail (SIGAP_IS_POST_FILTER (self));
  g_return_if_fail ((mask & ~ALL_CATEGORIES) == 0);

  if (set_mask (self, &self->hidden_categories, mask, PROP_HIDDEN_CATEGORIES))
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * sigap_post_filter_is_active:
 * @self: a #SigapPostFilter
 *
 * Returns: whether the filter hides anything, so the view can say so
 */
gboolean
sigap_post_filter_is_active (SigapPostFilter *self)
{
  g_return_val_if_fail (SIGAP_IS_POST_FILTER (self), FALSE);

  return (self->hidden_platforms | self->hidden_statuses | self->hidden_categories) != 0;
}

/**
 * sigap_post_filter_matches:
 * @self: a #SigapPostFilter
 * @post: a post
 *
 * Returns: whether @post is shown: its status and category are not hidden
 *   and, if it goes to any platform, at least one of them is not hidden (a
 *   post without platforms yet is hidden by status and category only)
 */
gboolean
sigap_post_filter_matches (SigapPostFilter *self,
                           SigapPost       *post)
{
  GPtrArray *variants;

  g_return_val_if_fail (SIGAP_IS_POST_FILTER (self), FALSE);
  g_return_val_if_fail (SIGAP_IS_POST (post), FALSE);

  if (self->hidden_statuses & (1u << sigap_post_get_status (post)))
    return FALSE;

  if (self->hidden_categories & (1u << sigap_post_get_category (post)))
    return FALSE;

  variants = sigap_post_get_variants (post);
  if (variants == NULL || variants->len == 0 || self->hidden_platforms == 0)
    return TRUE;

  for (guint i = 0; i < variants->len; i++)
    {
      SigapPlatform platform = sigap_post_variant_get_platform (g_ptr_array_index (variants, i));

      if ((self->hidden_platforms & (1u << platform)) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * sigap_post_filter_count_hidden:
 * @self: a #SigapPostFilter
 * @posts: (nullable) (element-type SigapPost): posts
 *
 * Returns: how many of @posts the filter hides, for "N hidden"
 */
guint
sigap_post_filter_count_hidden (SigapPostFilter *self,
                                GPtrArray       *posts)
{
  guint n_hidden = 0;

  g_return_val_if_fail (SIGAP_IS_POST_FILTER (self), 0);

  if (posts == NULL || !sigap_post_filter_is_active (self))
    return 0;

  for (guint i = 0; i < posts->len; i++)
    {
      if (!sigap_post_filter_matches (self, g_ptr_array_index (posts, i)))
        n_hidden++;
    }

  return n_hidden;
}

/**
 * sigap_post_filter_reset:
 * @self: a #SigapPostFilter
 *
 * Hides nothing again; emits "changed" once if anything was hidden.
 */
void
sigap_post_filter_reset (SigapPostFilter *self)
{
  gboolean changed = FALSE;

  g_return_if_fail (SIGAP_IS_POST_FILTER (self));

  g_object_freeze_notify (G_OBJECT (self));
  changed |= set_mask (self, &self->hidden_platforms, 0, PROP_HIDDEN_PLATFORMS);
  changed |= set_mask (self, &self->hidden_statuses, 0, PROP_HIDDEN_STATUSES);
  changed |= set_mask (self, &self->hidden_categories, 0, PROP_HIDDEN_CATEGORIES);
  g_object_thaw_notify (G_OBJECT (self));

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}
