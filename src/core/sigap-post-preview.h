/* sigap-post-preview.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sigap-types.h"
#include "sigap-twitter-text.h"

G_BEGIN_DECLS

/**
 * SigapPostPreviewFlags:
 * @SIGAP_POST_PREVIEW_NONE: the text as the feed first shows it, folded
 *   with the platform's "more" word if it is long
 * @SIGAP_POST_PREVIEW_EXPANDED: the whole text, as after "more"
 * @SIGAP_POST_PREVIEW_NO_MORE_WORD: a folded text ends with "…" alone, for
 *   a view that shows the "more" word as a button of its own
 */
typedef enum
{
  SIGAP_POST_PREVIEW_NONE         = 0,
  SIGAP_POST_PREVIEW_EXPANDED     = 1 << 0,
  SIGAP_POST_PREVIEW_NO_MORE_WORD = 1 << 1,
} SigapPostPreviewFlags;

/**
 * SigapPreviewCrop:
 * @x: the left edge, in pixels of the image
 * @y: the top edge, in pixels of the image
 * @width: the width shown
 * @height: the height shown
 *
 * The part of an image that a platform's feed shows.
 */
typedef struct
{
  int x;
  int y;
  int width;
  int height;
} SigapPreviewCrop;

char       *sigap_post_preview_markup          (SigapTwitterText      *tt,
                                                SigapPlatform          platform,
                                                const char            *text,
                                                gboolean               expanded,
                                                gboolean              *out_folded);
char       *sigap_post_preview_markup_full     (SigapTwitterText      *tt,
                                                SigapPlatform          platform,
                                                const char            *text,
                                                SigapPostPreviewFlags  flags,
                                                gboolean              *out_foldable);
gssize      sigap_post_preview_fold            (SigapTwitterText      *tt,
                                                SigapPlatform          platform,
                                                const char            *text);
const char *sigap_post_preview_more_label      (SigapPlatform          platform);
void        sigap_post_preview_crop            (SigapPlatform          platform,
                                                int                    width,
                                                int                    height,
                                                int                    n_media,
                                                SigapPreviewCrop      *crop);
char       *sigap_post_preview_format_duration (double                 seconds);

G_END_DECLS
