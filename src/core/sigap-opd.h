/* sigap-opd.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-enums.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_OPD (sigap_opd_get_type())

G_DECLARE_FINAL_TYPE (SigapOpd, sigap_opd, SIGAP, OPD, GObject)

SigapOpd *sigap_opd_new (void);
SigapOpd *sigap_opd_copy (SigapOpd *self);

const char * sigap_opd_get_id                (SigapOpd *self);
void         sigap_opd_set_id                (SigapOpd *self, const char *id);
const char * sigap_opd_get_code              (SigapOpd *self);
void         sigap_opd_set_code              (SigapOpd *self, const char *code);
const char * sigap_opd_get_name              (SigapOpd *self);
void         sigap_opd_set_name              (SigapOpd *self, const char *name);
SigapOpdKind sigap_opd_get_kind              (SigapOpd *self);
void         sigap_opd_set_kind              (SigapOpd *self, SigapOpdKind kind);
const char * sigap_opd_get_parent_id         (SigapOpd *self);
void         sigap_opd_set_parent_id         (SigapOpd *self, const char *parent_id);
const char * sigap_opd_get_time_zone         (SigapOpd *self);
void         sigap_opd_set_time_zone         (SigapOpd *self, const char *time_zone);
gboolean     sigap_opd_get_requires_approval (SigapOpd *self);
void         sigap_opd_set_requires_approval (SigapOpd *self, gboolean requires_approval);
gint64       sigap_opd_get_version           (SigapOpd *self);
void         sigap_opd_set_version           (SigapOpd *self, gint64 version);
gint64       sigap_opd_get_updated_at        (SigapOpd *self);
void         sigap_opd_set_updated_at        (SigapOpd *self, gint64 updated_at);

G_END_DECLS
