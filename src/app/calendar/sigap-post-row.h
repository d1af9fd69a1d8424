/* sigap-post-row.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_POST_ROW (sigap_post_row_get_type())

G_DECLARE_FINAL_TYPE (SigapPostRow, sigap_post_row, SIGAP, POST_ROW, AdwBin)

SigapPostRow *sigap_post_row_new      (void);
void          sigap_post_row_set_post (SigapPostRow *self,
                                       SigapPost    *post,
                                       GTimeZone    *zone,
                                       gboolean      first_of_day);
SigapPost    *sigap_post_row_get_post (SigapPostRow *self);

G_END_DECLS
