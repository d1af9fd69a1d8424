/* sigap-complaint-event.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-enums.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_COMPLAINT_EVENT (sigap_complaint_event_get_type())

G_DECLARE_FINAL_TYPE (SigapComplaintEvent, sigap_complaint_event, SIGAP, COMPLAINT_EVENT, GObject)

SigapComplaintEvent *sigap_complaint_event_new (void);
SigapComplaintEvent *sigap_complaint_event_copy (SigapComplaintEvent *self);

const char *         sigap_complaint_event_get_id           (SigapComplaintEvent *self);
void                 sigap_complaint_event_set_id           (SigapComplaintEvent *self, const char *id);
const char *         sigap_complaint_event_get_complaint_id (SigapComplaintEvent *self);
void                 sigap_complaint_event_set_complaint_id (SigapComplaintEvent *self, const char *complaint_id);
const char *         sigap_complaint_event_get_action       (SigapComplaintEvent *self);
void                 sigap_complaint_event_set_action       (SigapComplaintEvent *self, const char *action);
const char *         sigap_complaint_event_get_actor_id     (SigapComplaintEvent *self);
void                 sigap_complaint_event_set_actor_id     (SigapComplaintEvent *self, const char *actor_id);
const char *         sigap_complaint_event_get_note         (SigapComplaintEvent *self);
void                 sigap_complaint_event_set_note         (SigapComplaintEvent *self, const char *note);
SigapComplaintStatus sigap_complaint_event_get_from_status  (SigapComplaintEvent *self);
void                 sigap_complaint_event_set_from_status  (SigapComplaintEvent *self, SigapComplaintStatus from_status);
SigapComplaintStatus sigap_complaint_event_get_to_status    (SigapComplaintEvent *self);
void                 sigap_complaint_event_set_to_status    (SigapComplaintEvent *self, SigapComplaintStatus to_status);
const char *         sigap_complaint_event_get_opd_id       (SigapComplaintEvent *self);
void                 sigap_complaint_event_set_opd_id       (SigapComplaintEvent *self, const char *opd_id);
gint64               sigap_complaint_event_get_created_at   (SigapComplaintEvent *self);
void                 sigap_complaint_event_set_created_at   (SigapComplaintEvent *self, gint64 created_at);

G_END_DECLS
