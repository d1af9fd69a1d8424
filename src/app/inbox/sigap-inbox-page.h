/* sigap-inbox-page.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_INBOX_PAGE (sigap_inbox_page_get_type())

G_DECLARE_FINAL_TYPE (SigapInboxPage, sigap_inbox_page, SIGAP, INBOX_PAGE, AdwBin)

void        sigap_inbox_page_set_source            (SigapInboxPage *self,
                                                    SigapStore     *store,
                                                    SigapUser      *user,
                                                    SigapOpd       *opd);
void        sigap_inbox_page_reload                (SigapInboxPage *self);
GListModel *sigap_inbox_page_get_model             (SigapInboxPage *self);
const char *sigap_inbox_page_get_state             (SigapInboxPage *self);
gboolean    sigap_inbox_page_get_presentation_mode (SigapInboxPage *self);
void        sigap_inbox_page_set_presentation_mode (SigapInboxPage *self,
                                                    gboolean        presentation_mode);
guint       sigap_inbox_page_get_n_late            (SigapInboxPage *self);
guint       sigap_inbox_page_get_n_due_soon        (SigapInboxPage *self);

G_END_DECLS
