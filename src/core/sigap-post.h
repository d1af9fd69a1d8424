/* sigap-post.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-enums.h"
#include "sigap-post-variant.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_POST (sigap_post_get_type())

G_DECLARE_FINAL_TYPE (SigapPost, sigap_post, SIGAP, POST, GObject)

SigapPost *sigap_post_new (void);
SigapPost *sigap_post_copy (SigapPost *self);

const char *         sigap_post_get_id           (SigapPost *self);
void                 sigap_post_set_id           (SigapPost *self, const char *id);
const char *         sigap_post_get_opd_id       (SigapPost *self);
void                 sigap_post_set_opd_id       (SigapPost *self, const char *opd_id);
const char *         sigap_post_get_title        (SigapPost *self);
void                 sigap_post_set_title        (SigapPost *self, const char *title);
const char *         sigap_post_get_body         (SigapPost *self);
void                 sigap_post_set_body         (SigapPost *self, const char *body);
SigapContentCategory sigap_post_get_category     (SigapPost *self);
void                 sigap_post_set_category     (SigapPost *self, SigapContentCategory category);
SigapPostStatus      sigap_post_get_status       (SigapPost *self);
void                 sigap_post_set_status       (SigapPost *self, SigapPostStatus status);
gint64               sigap_post_get_scheduled_at (SigapPost *self);
void                 sigap_post_set_scheduled_at (SigapPost *self, gint64 scheduled_at);
gint64               sigap_post_get_published_at (SigapPost *self);
void                 sigap_post_set_published_at (SigapPost *self, gint64 published_at);
const char *         sigap_post_get_author_id    (SigapPost *self);
void                 sigap_post_set_author_id    (SigapPost *self, const char *author_id);
const char *         sigap_post_get_review_note  (SigapPost *self);
void                 sigap_post_set_review_note  (SigapPost *self, const char *review_note);
const char *         sigap_post_get_media        (SigapPost *self);
void                 sigap_post_set_media        (SigapPost *self, const char *media);
gint64               sigap_post_get_created_at   (SigapPost *self);
void                 sigap_post_set_created_at   (SigapPost *self, gint64 created_at);
gint64               sigap_post_get_version      (SigapPost *self);
void                 sigap_post_set_version      (SigapPost *self, gint64 version);
gint64               sigap_post_get_updated_at   (SigapPost *self);
void                 sigap_post_set_updated_at   (SigapPost *self, gint64 updated_at);
GPtrArray *          sigap_post_get_variants     (SigapPost *self);
SigapPostVariant *   sigap_post_get_variant      (SigapPost *self, SigapPlatform platform);
void                 sigap_post_set_variant      (SigapPost *self, SigapPostVariant *variant);
void                 sigap_post_remove_variant   (SigapPost *self, SigapPlatform platform);

G_END_DECLS
