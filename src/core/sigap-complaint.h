/* sigap-complaint.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-enums.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_COMPLAINT (sigap_complaint_get_type())

G_DECLARE_FINAL_TYPE (SigapComplaint, sigap_complaint, SIGAP, COMPLAINT, GObject)

SigapComplaint *sigap_complaint_new (void);
SigapComplaint *sigap_complaint_copy (SigapComplaint *self);

const char *         sigap_complaint_get_id              (SigapComplaint *self);
void                 sigap_complaint_set_id              (SigapComplaint *self, const char *id);
const char *         sigap_complaint_get_tracking_number (SigapComplaint *self);
void                 sigap_complaint_set_tracking_number (SigapComplaint *self, const char *tracking_number);
SigapChannel         sigap_complaint_get_channel         (SigapComplaint *self);
void                 sigap_complaint_set_channel         (SigapComplaint *self, SigapChannel channel);
SigapComplaintKind   sigap_complaint_get_kind            (SigapComplaint *self);
void                 sigap_complaint_set_kind            (SigapComplaint *self, SigapComplaintKind kind);
const char *         sigap_complaint_get_category        (SigapComplaint *self);
void                 sigap_complaint_set_category        (SigapComplaint *self, const char *category);
const char *         sigap_complaint_get_kecamatan       (SigapComplaint *self);
void                 sigap_complaint_set_kecamatan       (SigapComplaint *self, const char *kecamatan);
const char *         sigap_complaint_get_desa            (SigapComplaint *self);
void                 sigap_complaint_set_desa            (SigapComplaint *self, const char *desa);
const char *         sigap_complaint_get_citizen_name    (SigapComplaint *self);
void                 sigap_complaint_set_citizen_name    (SigapComplaint *self, const char *citizen_name);
const char *         sigap_complaint_get_citizen_contact (SigapComplaint *self);
void                 sigap_complaint_set_citizen_contact (SigapComplaint *self, const char *citizen_contact);
const char *         sigap_complaint_get_citizen_handle  (SigapComplaint *self);
void                 sigap_complaint_set_citizen_handle  (SigapComplaint *self, const char *citizen_handle);
const char *         sigap_complaint_get_source_url      (SigapComplaint *self);
void                 sigap_complaint_set_source_url      (SigapComplaint *self, const char *source_url);
const char *         sigap_complaint_get_body            (SigapComplaint *self);
void                 sigap_complaint_set_body            (SigapComplaint *self, const char *body);
SigapComplaintStatus sigap_complaint_get_status          (SigapComplaint *self);
void                 sigap_complaint_set_status          (SigapComplaint *self, SigapComplaintStatus status);
const char *         sigap_complaint_get_opd_id          (SigapComplaint *self);
void                 sigap_complaint_set_opd_id          (SigapComplaint *self, const char *opd_id);
const char *         sigap_complaint_get_assignee_id     (SigapComplaint *self);
void                 sigap_complaint_set_assignee_id     (SigapComplaint *self, const char *assignee_id);
gboolean             sigap_complaint_get_public_issue    (SigapComplaint *self);
void                 sigap_complaint_set_public_issue    (SigapComplaint *self, gboolean public_issue);
gint64               sigap_complaint_get_received_at     (SigapComplaint *self);
void                 sigap_complaint_set_received_at     (SigapComplaint *self, gint64 received_at);
gint64               sigap_complaint_get_due_at          (SigapComplaint *self);
void                 sigap_complaint_set_due_at          (SigapComplaint *self, gint64 due_at);
gint64               sigap_complaint_get_resolved_at     (SigapComplaint *self);
void                 sigap_complaint_set_resolved_at     (SigapComplaint *self, gint64 resolved_at);
gint64               sigap_complaint_get_version         (SigapComplaint *self);
void                 sigap_complaint_set_version         (SigapComplaint *self, gint64 version);
gint64               sigap_complaint_get_updated_at      (SigapComplaint *self);
void                 sigap_complaint_set_updated_at      (SigapComplaint *self, gint64 updated_at);

G_END_DECLS
