/* sigap-returned-posts.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sigap-core.h"

G_BEGIN_DECLS

GPtrArray     *sigap_returned_posts_list_unnotified (SigapStore  *store,
                                                     const char  *opd_id,
                                                     GError     **error);
gboolean       sigap_returned_posts_mark_notified   (SigapStore  *store,
                                                     SigapPost   *post,
                                                     GError     **error);
char          *sigap_returned_post_dup_heading      (SigapPost   *post);
GNotification *sigap_returned_post_notification_new (SigapPost   *post);

G_END_DECLS
