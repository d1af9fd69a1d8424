/* sigap-mask.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-complaint.h"

G_BEGIN_DECLS

/* What stands for the hidden part of an e-mail address or a handle,
 * whatever its length. */
#define SIGAP_MASK_FILL "*****"

char     *sigap_mask_name                  (const char     *name);
char     *sigap_mask_phone                 (const char     *phone);
char     *sigap_mask_email                 (const char     *email);
char     *sigap_mask_handle                (const char     *handle);
char     *sigap_mask_contact               (const char     *contact);

gboolean  sigap_mask_role_may_see          (SigapRole       role,
                                            gboolean        owns,
                                            gboolean        public_issue);
gboolean  sigap_mask_may_see_complaint     (SigapComplaint *complaint,
                                            SigapRole       role,
                                            const char     *user_opd_id);
gboolean  sigap_mask_should_mask           (SigapComplaint *complaint,
                                            SigapRole       role,
                                            const char     *user_opd_id,
                                            gboolean        presentation);

G_END_DECLS
