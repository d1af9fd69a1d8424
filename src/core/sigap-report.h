/* sigap-report.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-enums.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_REPORT (sigap_report_get_type())

G_DECLARE_FINAL_TYPE (SigapReport, sigap_report, SIGAP, REPORT, GObject)

SigapReport *sigap_report_new (void);
SigapReport *sigap_report_copy (SigapReport *self);

const char *      sigap_report_get_id           (SigapReport *self);
void              sigap_report_set_id           (SigapReport *self, const char *id);
const char *      sigap_report_get_opd_id       (SigapReport *self);
void              sigap_report_set_opd_id       (SigapReport *self, const char *opd_id);
int               sigap_report_get_year         (SigapReport *self);
void              sigap_report_set_year         (SigapReport *self, int year);
int               sigap_report_get_month        (SigapReport *self);
void              sigap_report_set_month        (SigapReport *self, int month);
SigapReportStatus sigap_report_get_status       (SigapReport *self);
void              sigap_report_set_status       (SigapReport *self, SigapReportStatus status);
const char *      sigap_report_get_figures      (SigapReport *self);
void              sigap_report_set_figures      (SigapReport *self, const char *figures);
const char *      sigap_report_get_notes        (SigapReport *self);
void              sigap_report_set_notes        (SigapReport *self, const char *notes);
const char *      sigap_report_get_signer_name  (SigapReport *self);
void              sigap_report_set_signer_name  (SigapReport *self, const char *signer_name);
const char *      sigap_report_get_signer_nip   (SigapReport *self);
void              sigap_report_set_signer_nip   (SigapReport *self, const char *signer_nip);
const char *      sigap_report_get_review_note  (SigapReport *self);
void              sigap_report_set_review_note  (SigapReport *self, const char *review_note);
gint64            sigap_report_get_submitted_at (SigapReport *self);
void              sigap_report_set_submitted_at (SigapReport *self, gint64 submitted_at);
gint64            sigap_report_get_version      (SigapReport *self);
void              sigap_report_set_version      (SigapReport *self, gint64 version);
gint64            sigap_report_get_updated_at   (SigapReport *self);
void              sigap_report_set_updated_at   (SigapReport *self, gint64 updated_at);

G_END_DECLS
