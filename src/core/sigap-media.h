/* sigap-media.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SIGAP_MEDIA_ERROR (sigap_media_error_quark ())

/**
 * SigapMediaError:
 * @SIGAP_MEDIA_ERROR_INVALID: a list of media is not the JSON Sigap writes
 * @SIGAP_MEDIA_ERROR_NOT_FOUND: the file does not exist
 * @SIGAP_MEDIA_ERROR_UNSUPPORTED: the file is neither an image nor a video
 *   Sigap can read
 * @SIGAP_MEDIA_ERROR_UNREADABLE: the file cannot be read, or is a video
 *   that cannot be decoded
 */
typedef enum
{
  SIGAP_MEDIA_ERROR_INVALID,
  SIGAP_MEDIA_ERROR_NOT_FOUND,
  SIGAP_MEDIA_ERROR_UNSUPPORTED,
  SIGAP_MEDIA_ERROR_UNREADABLE,
} SigapMediaError;

/**
 * SigapMediaKind:
 * @SIGAP_MEDIA_KIND_IMAGE: a photo or other still image
 * @SIGAP_MEDIA_KIND_VIDEO: a video
 */
typedef enum
{
  SIGAP_MEDIA_KIND_IMAGE,
  SIGAP_MEDIA_KIND_VIDEO,
} SigapMediaKind;

#define SIGAP_TYPE_MEDIA_ITEM (sigap_media_item_get_type ())

typedef struct _SigapMediaItem SigapMediaItem;

GQuark          sigap_media_error_quark             (void);
GType           sigap_media_item_get_type           (void) G_GNUC_CONST;

SigapMediaItem *sigap_media_item_new                (const char      *path,
                                                     SigapMediaKind   kind);
SigapMediaItem *sigap_media_item_copy               (SigapMediaItem  *self);
SigapMediaItem *sigap_media_item_ref                (SigapMediaItem  *self);
void            sigap_media_item_unref              (SigapMediaItem  *self);

const char     *sigap_media_item_get_path           (SigapMediaItem  *self);
void            sigap_media_item_set_path           (SigapMediaItem  *self,
                                                     const char      *path);
const char     *sigap_media_item_get_display_name   (SigapMediaItem  *self);
void            sigap_media_item_set_display_name   (SigapMediaItem  *self,
                                                     const char      *display_name);
const char     *sigap_media_item_get_mime_type      (SigapMediaItem  *self);
void            sigap_media_item_set_mime_type      (SigapMediaItem  *self,
                                                     const char      *mime_type);
SigapMediaKind  sigap_media_item_get_kind           (SigapMediaItem  *self);
void            sigap_media_item_set_kind           (SigapMediaItem  *self,
                                                     SigapMediaKind   kind);
guint64         sigap_media_item_get_bytes          (SigapMediaItem  *self);
void            sigap_media_item_set_bytes          (SigapMediaItem  *self,
                                                     guint64          bytes);
int             sigap_media_item_get_width          (SigapMediaItem  *self);
void            sigap_media_item_set_width          (SigapMediaItem  *self,
                                                     int              width);
int             sigap_media_item_get_height         (SigapMediaItem  *self);
void            sigap_media_item_set_height         (SigapMediaItem  *self,
                                                     int              height);
double          sigap_media_item_get_duration       (SigapMediaItem  *self);
void            sigap_media_item_set_duration       (SigapMediaItem  *self,
                                                     double           duration);
const char     *sigap_media_item_get_sha256         (SigapMediaItem  *self);
void            sigap_media_item_set_sha256         (SigapMediaItem  *self,
                                                     const char      *sha256);
double          sigap_media_item_get_aspect_ratio   (SigapMediaItem  *self);

char           *sigap_media_list_to_json            (GPtrArray       *items);
GPtrArray      *sigap_media_list_from_json          (const char      *json,
                                                     GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapMediaItem, sigap_media_item_unref)

G_END_DECLS
