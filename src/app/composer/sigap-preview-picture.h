/* sigap-preview-picture.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SIGAP_TYPE_PREVIEW_PICTURE (sigap_preview_picture_get_type ())

G_DECLARE_FINAL_TYPE (SigapPreviewPicture, sigap_preview_picture,
                      SIGAP, PREVIEW_PICTURE, GtkWidget)

GtkWidget    *sigap_preview_picture_new           (void);

GdkPaintable *sigap_preview_picture_get_paintable (SigapPreviewPicture *self);
void          sigap_preview_picture_set_paintable (SigapPreviewPicture *self,
                                                   GdkPaintable        *paintable);
double        sigap_preview_picture_get_ratio     (SigapPreviewPicture *self);
void          sigap_preview_picture_set_ratio     (SigapPreviewPicture *self,
                                                   double               ratio);
int           sigap_preview_picture_get_max_width (SigapPreviewPicture *self);
void          sigap_preview_picture_set_max_width (SigapPreviewPicture *self,
                                                   int                  max_width);

G_END_DECLS
