/* sigap-twitter-text.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* An entity found in a text: its text (without the '#' or '@' of a hashtag
 * or a mention) and its place, in code points, end excluded. */
typedef struct
{
  char  *text;
  guint  start;
  guint  end;
} SigapTextEntity;

/* What X makes of a post: its weighted length, whether it may be posted,
 * and the ranges (UTF-16 code units, both ends included) of the whole text
 * and of the part that fits. */
typedef struct
{
  int      weighted_length;
  gboolean valid;
  int      permillage;
  int      display_start;
  int      display_end;
  int      valid_start;
  int      valid_end;
} SigapTweetResult;

typedef struct _SigapTwitterText SigapTwitterText;

SigapTwitterText *sigap_twitter_text_new                (JsonObject          *config,
                                                         const char * const  *tlds,
                                                         GError             **error);
SigapTwitterText *sigap_twitter_text_new_from_files     (const char          *config_path,
                                                         const char          *tld_path,
                                                         GError             **error);
SigapTwitterText *sigap_twitter_text_ref                (SigapTwitterText    *self);
void              sigap_twitter_text_unref              (SigapTwitterText    *self);

void              sigap_twitter_text_parse              (SigapTwitterText    *self,
                                                         const char          *text,
                                                         SigapTweetResult    *result);
GPtrArray        *sigap_twitter_text_extract_urls       (SigapTwitterText    *self,
                                                         const char          *text);
GPtrArray        *sigap_twitter_text_extract_hashtags   (SigapTwitterText    *self,
                                                         const char          *text);
GPtrArray        *sigap_twitter_text_extract_mentions   (const char          *text);

void              sigap_text_entity_free                (SigapTextEntity     *entity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapTwitterText, sigap_twitter_text_unref)

G_END_DECLS
