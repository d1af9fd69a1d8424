/* sigap-post-variant.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-enums.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_POST_VARIANT (sigap_post_variant_get_type())

G_DECLARE_FINAL_TYPE (SigapPostVariant, sigap_post_variant, SIGAP, POST_VARIANT, GObject)

SigapPostVariant *sigap_post_variant_new (void);
SigapPostVariant *sigap_post_variant_copy (SigapPostVariant *self);

SigapPlatform sigap_post_variant_get_platform      (SigapPostVariant *self);
void          sigap_post_variant_set_platform      (SigapPostVariant *self, SigapPlatform platform);
const char *  sigap_post_variant_get_title         (SigapPostVariant *self);
void          sigap_post_variant_set_title         (SigapPostVariant *self, const char *title);
const char *  sigap_post_variant_get_body          (SigapPostVariant *self);
void          sigap_post_variant_set_body          (SigapPostVariant *self, const char *body);
const char *  sigap_post_variant_get_published_url (SigapPostVariant *self);
void          sigap_post_variant_set_published_url (SigapPostVariant *self, const char *published_url);
const char *  sigap_post_variant_get_links         (SigapPostVariant *self);
void          sigap_post_variant_set_links         (SigapPostVariant *self, const char *links);

G_END_DECLS
