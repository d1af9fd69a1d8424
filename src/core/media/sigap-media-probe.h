/* sigap-media-probe.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "sigap-media.h"

G_BEGIN_DECLS

SigapMediaItem *sigap_media_probe                     (const char           *path,
                                                       GCancellable         *cancellable,
                                                       GError              **error);
void            sigap_media_probe_async               (const char           *path,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
SigapMediaItem *sigap_media_probe_finish              (GAsyncResult         *result,
                                                       GError              **error);

GdkPixbuf      *sigap_media_load_thumbnail            (SigapMediaItem       *item,
                                                       int                   size,
                                                       GError              **error);
void            sigap_media_load_thumbnail_async      (SigapMediaItem       *item,
                                                       int                   size,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GdkPixbuf      *sigap_media_load_thumbnail_finish     (GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
