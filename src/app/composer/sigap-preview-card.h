/* sigap-preview-card.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sigap-types.h"
#include "sigap-twitter-text.h"

G_BEGIN_DECLS

/**
 * SigapPreviewMedia:
 * @paintable: (nullable): the image, or the video's thumbnail
 * @width: the image's or the video's width, in pixels
 * @height: the image's or the video's height, in pixels
 * @is_video: whether it is a video
 * @seconds: a video's length
 *
 * An image or a video of a post, as a preview shows it.
 */
typedef struct
{
  GdkPaintable *paintable;
  int           width;
  int           height;
  gboolean      is_video;
  double        seconds;
} SigapPreviewMedia;

#define SIGAP_TYPE_PREVIEW_MEDIA (sigap_preview_media_get_type ())

GType              sigap_preview_media_get_type (void) G_GNUC_CONST;
SigapPreviewMedia *sigap_preview_media_new      (GdkPaintable            *paintable,
                                                 int                      width,
                                                 int                      height,
                                                 gboolean                 is_video,
                                                 double                   seconds);
SigapPreviewMedia *sigap_preview_media_copy     (const SigapPreviewMedia *media);
void               sigap_preview_media_free     (SigapPreviewMedia       *media);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapPreviewMedia, sigap_preview_media_free)

#define SIGAP_TYPE_PREVIEW_CARD (sigap_preview_card_get_type ())

G_DECLARE_FINAL_TYPE (SigapPreviewCard, sigap_preview_card, SIGAP, PREVIEW_CARD, GtkWidget)

GtkWidget     *sigap_preview_card_new          (SigapTwitterText *tt);

SigapPlatform  sigap_preview_card_get_platform (SigapPreviewCard *self);
void           sigap_preview_card_set_platform (SigapPreviewCard *self,
                                                SigapPlatform     platform);
void           sigap_preview_card_set_account  (SigapPreviewCard *self,
                                                const char       *display_name,
                                                const char       *handle);
void           sigap_preview_card_set_text     (SigapPreviewCard *self,
                                                const char       *text);
void           sigap_preview_card_set_title    (SigapPreviewCard *self,
                                                const char       *title);
void           sigap_preview_card_set_media    (SigapPreviewCard *self,
                                                GPtrArray        *media);
gboolean       sigap_preview_card_get_expanded (SigapPreviewCard *self);
void           sigap_preview_card_set_expanded (SigapPreviewCard *self,
                                                gboolean          expanded);

G_END_DECLS
