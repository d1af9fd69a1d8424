/* sigap-post-filter.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sigap-post.h"
#include "sigap-types.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_POST_FILTER (sigap_post_filter_get_type())

G_DECLARE_FINAL_TYPE (SigapPostFilter, sigap_post_filter, SIGAP, POST_FILTER, GObject)

/* What the calendar hides: platforms, statuses and categories, each a
 * bit mask indexed by the enum (1 << SIGAP_PLATFORM_X, …). Nothing is
 * hidden by default. A post is shown when its status and category are not
 * hidden and, if it has platforms, at least one of them is not hidden.
 * Emits "changed" when any mask changes; the masks are properties
 * ("hidden-platforms", "hidden-statuses", "hidden-categories"). */

SigapPostFilter *sigap_post_filter_new                   (void);
guint            sigap_post_filter_get_hidden_platforms  (SigapPostFilter *self);
void             sigap_post_filter_set_hidden_platforms  (SigapPostFilter *self,
                                                          guint            mask);
guint            sigap_post_filter_get_hidden_statuses   (SigapPostFilter *self);
void             sigap_post_filter_set_hidden_statuses   (SigapPostFilter *self,
                                                          guint            mask);
guint            sigap_post_filter_get_hidden_categories (SigapPostFilter *self);
void             sigap_post_filter_set_hidden_categories (SigapPostFilter *self,
                                                          guint            mask);
gboolean         sigap_post_filter_is_active             (SigapPostFilter *self);
gboolean         sigap_post_filter_matches               (SigapPostFilter *self,
                                                          SigapPost       *post);
guint            sigap_post_filter_count_hidden          (SigapPostFilter *self,
                                                          GPtrArray       *posts);
void             sigap_post_filter_reset                 (SigapPostFilter *self);

G_END_DECLS
