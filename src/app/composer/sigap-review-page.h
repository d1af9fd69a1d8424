/* sigap-review-page.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_REVIEW_PAGE (sigap_review_page_get_type())

G_DECLARE_FINAL_TYPE (SigapReviewPage, sigap_review_page, SIGAP, REVIEW_PAGE, AdwBin)

void        sigap_review_page_set_source        (SigapReviewPage *self,
                                                 SigapStore      *store,
                                                 SigapUser       *user);
void        sigap_review_page_reload            (SigapReviewPage *self);
gboolean    sigap_review_page_get_available     (SigapReviewPage *self);
const char *sigap_review_page_get_state         (SigapReviewPage *self);
guint       sigap_review_page_get_n_posts       (SigapReviewPage *self);
SigapPost  *sigap_review_page_get_post          (SigapReviewPage *self,
                                                 guint            position);
SigapPost  *sigap_review_page_get_selected_post (SigapReviewPage *self);
gboolean    sigap_review_page_select_post       (SigapReviewPage *self,
                                                 const char      *post_id);

gboolean    sigap_review_user_may_review        (SigapUser       *user);
gboolean    sigap_review_note_is_blank          (const char      *note);
const char *sigap_review_get_platform_text      (SigapPost       *post,
                                                 SigapPlatform    platform);
const char *sigap_review_get_platform_title     (SigapPost       *post,
                                                 SigapPlatform    platform);

G_END_DECLS
