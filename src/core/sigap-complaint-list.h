/* sigap-complaint-list.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sigap-store.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_COMPLAINT_LIST (sigap_complaint_list_get_type())

G_DECLARE_FINAL_TYPE (SigapComplaintList, sigap_complaint_list, SIGAP, COMPLAINT_LIST, GObject)

/* A GListModel of SigapComplaint that reads pages from the store as they
 * are asked for, so a list of 100,000 complaints costs what is visible. */
SigapComplaintList  *sigap_complaint_list_new       (SigapStore          *store,
                                                    const char          *opd_id);
void                 sigap_complaint_list_reload    (SigapComplaintList  *self);
SigapComplaintQuery *sigap_complaint_list_get_query (SigapComplaintList  *self);
void                 sigap_complaint_list_set_query (SigapComplaintList  *self,
                                                    SigapComplaintQuery *query);

G_END_DECLS
