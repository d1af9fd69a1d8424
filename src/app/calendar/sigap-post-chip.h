/* sigap-post-chip.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_POST_CHIP (sigap_post_chip_get_type())

G_DECLARE_FINAL_TYPE (SigapPostChip, sigap_post_chip, SIGAP, POST_CHIP, GtkWidget)

GtkWidget *sigap_post_chip_new      (SigapPost     *post,
                                     GTimeZone     *zone);
void       sigap_post_chip_set_post (SigapPostChip *self,
                                     SigapPost     *post,
                                     GTimeZone     *zone);
SigapPost *sigap_post_chip_get_post (SigapPostChip *self);

G_END_DECLS
