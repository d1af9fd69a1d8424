/* sigap-platform-rules.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "sigap-types.h"
#include "sigap-twitter-text.h"

G_BEGIN_DECLS

#define SIGAP_PLATFORM_RULES_ERROR (sigap_platform_rules_error_quark ())

/**
 * SigapPlatformRulesError:
 * @SIGAP_PLATFORM_RULES_ERROR_INVALID: the platform rules document does not
 *   have the shape its format requires
 */
typedef enum
{
  SIGAP_PLATFORM_RULES_ERROR_INVALID,
} SigapPlatformRulesError;

/**
 * SigapTextProblemKind:
 * @SIGAP_TEXT_PROBLEM_TOO_LONG: a field is longer than the platform allows
 * @SIGAP_TEXT_PROBLEM_REQUIRED_EMPTY: a field the platform requires is empty
 * @SIGAP_TEXT_PROBLEM_TOO_MANY_HASHTAGS: more hashtags than the platform
 *   allows
 * @SIGAP_TEXT_PROBLEM_TOO_MANY_MENTIONS: more mentions than the platform
 *   allows
 * @SIGAP_TEXT_PROBLEM_FORBIDDEN_CHARACTER: a field holds a character the
 *   platform refuses
 * @SIGAP_TEXT_PROBLEM_LINK_NOT_CLICKABLE: a field holds a link the platform
 *   shows as plain text (a warning)
 * @SIGAP_TEXT_PROBLEM_TOO_MANY_MEDIA: more photos and videos than the
 *   platform takes in one post
 * @SIGAP_TEXT_PROBLEM_TOO_MANY_VIDEOS: more videos than the platform takes
 *   in one post
 * @SIGAP_TEXT_PROBLEM_MIXED_MEDIA: images and videos in one post, which
 *   the platform does not take
 * @SIGAP_TEXT_PROBLEM_MEDIA_FORMAT: a file in a format the platform does
 *   not take
 * @SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE: a file larger than the platform
 *   takes
 * @SIGAP_TEXT_PROBLEM_IMAGE_RATIO: an image wider or narrower than the
 *   platform's aspect ratios
 * @SIGAP_TEXT_PROBLEM_IMAGE_TOO_NARROW: an image fewer pixels wide than the
 *   platform takes
 * @SIGAP_TEXT_PROBLEM_VIDEO_TOO_SHORT: a video shorter than the platform
 *   takes
 * @SIGAP_TEXT_PROBLEM_VIDEO_TOO_LONG: a video longer than the platform
 *   takes
 * @SIGAP_TEXT_PROBLEM_VIDEO_RATIO: a video wider or narrower than the
 *   platform's aspect ratios
 * @SIGAP_TEXT_PROBLEM_MEDIA_NOT_ACCEPTED: an image or a video on a platform
 *   that takes none of its kind
 *
 * The media problems all have the field "media" and block.
 */
typedef enum
{
  SIGAP_TEXT_PROBLEM_TOO_LONG,
  SIGAP_TEXT_PROBLEM_REQUIRED_EMPTY,
  SIGAP_TEXT_PROBLEM_TOO_MANY_HASHTAGS,
  SIGAP_TEXT_PROBLEM_TOO_MANY_MENTIONS,
  SIGAP_TEXT_PROBLEM_FORBIDDEN_CHARACTER,
  SIGAP_TEXT_PROBLEM_LINK_NOT_CLICKABLE,
  SIGAP_TEXT_PROBLEM_TOO_MANY_MEDIA,
  SIGAP_TEXT_PROBLEM_TOO_MANY_VIDEOS,
  SIGAP_TEXT_PROBLEM_MIXED_MEDIA,
  SIGAP_TEXT_PROBLEM_MEDIA_FORMAT,
  SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE,
  SIGAP_TEXT_PROBLEM_IMAGE_RATIO,
  SIGAP_TEXT_PROBLEM_IMAGE_TOO_NARROW,
  SIGAP_TEXT_PROBLEM_VIDEO_TOO_SHORT,
  SIGAP_TEXT_PROBLEM_VIDEO_TOO_LONG,
  SIGAP_TEXT_PROBLEM_VIDEO_RATIO,
  SIGAP_TEXT_PROBLEM_MEDIA_NOT_ACCEPTED,
} SigapTextProblemKind;

/**
 * SigapTextProblem:
 * @kind: what is wrong
 * @field: the field concerned ("text", "caption", "title", "description",
 *   or "media" for the photos and videos), an interned string
 * @message: a translated sentence for the user
 * @blocks: whether the post cannot be published as it is; %FALSE for a
 *   warning
 */
typedef struct
{
  SigapTextProblemKind  kind;
  const char           *field;
  char                 *message;
  gboolean              blocks;
} SigapTextProblem;

/**
 * SigapTextCounter:
 * @platform: the platform counting
 * @field: the field counted, an interned string
 * @used: the field's length, as the platform counts it
 * @max: the longest the platform allows
 */
typedef struct
{
  SigapPlatform  platform;
  const char    *field;
  int            used;
  int            max;
} SigapTextCounter;

typedef struct _SigapPlatformRules SigapPlatformRules;

GQuark              sigap_platform_rules_error_quark        (void);

SigapTwitterText   *sigap_twitter_text_new_shipped          (GError             **error);

SigapPlatformRules *sigap_platform_rules_new                (JsonObject          *document,
                                                             SigapTwitterText    *twitter,
                                                             GError             **error);
SigapPlatformRules *sigap_platform_rules_ref                (SigapPlatformRules  *self);
void                sigap_platform_rules_unref              (SigapPlatformRules  *self);

const char         *sigap_platform_rules_get_name           (SigapPlatformRules  *self,
                                                             SigapPlatform        platform);
GPtrArray          *sigap_platform_rules_check              (SigapPlatformRules  *self,
                                                             SigapPlatform        platform,
                                                             GHashTable          *fields,
                                                             GArray              *counters_out);
char               *sigap_platform_rules_dup_counter_label  (SigapPlatformRules  *self,
                                                             const SigapTextCounter *counter);
GPtrArray          *sigap_platform_rules_check_media        (SigapPlatformRules  *self,
                                                             SigapPlatform        platform,
                                                             GPtrArray           *items);

void                sigap_text_problem_free                 (SigapTextProblem    *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapPlatformRules, sigap_platform_rules_unref)

G_END_DECLS
