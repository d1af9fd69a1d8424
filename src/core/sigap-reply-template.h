/* sigap-reply-template.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-complaint.h"

G_BEGIN_DECLS

/* How a reply addresses a citizen whose name is unknown. The reply is
 * Indonesian whatever the interface language, so this is not translated. */
#define SIGAP_REPLY_TEMPLATE_FALLBACK_NAME "Bapak/Ibu"

/**
 * SigapReplyValues:
 * @nama: (nullable): the citizen's name, for {nama}
 * @nomor: (nullable): the tracking number, for {nomor}
 * @opd: (nullable): the OPD's name, for {opd}
 * @tanggal: (nullable): the date for {tanggal}, in the OPD's zone
 *   (usually today)
 * @nama_fallback: (nullable): what {nama} becomes when @nama is unknown,
 *   or %NULL for %SIGAP_REPLY_TEMPLATE_FALLBACK_NAME
 *
 * The values of a template's placeholders; all borrowed.
 */
typedef struct
{
  const char *nama;
  const char *nomor;
  const char *opd;
  GDateTime  *tanggal;
  const char *nama_fallback;
} SigapReplyValues;

void   sigap_reply_values_init_for_complaint (SigapReplyValues        *values,
                                              SigapComplaint          *complaint,
                                              const char              *opd_name,
                                              GDateTime               *date);
char  *sigap_reply_template_fill_text        (const char              *text,
                                              const SigapReplyValues  *values,
                                              char                  ***unknown,
                                              char                  ***missing);
char  *sigap_reply_template_format_date      (GDateTime               *date);
char  *sigap_reply_template_clean_value      (const char              *value);

#define SIGAP_TYPE_REPLY_TEMPLATE (sigap_reply_template_get_type())

G_DECLARE_FINAL_TYPE (SigapReplyTemplate, sigap_reply_template, SIGAP, REPLY_TEMPLATE, GObject)

SigapReplyTemplate *sigap_reply_template_new        (void);

const char *sigap_reply_template_get_id         (SigapReplyTemplate *self);
void        sigap_reply_template_set_id         (SigapReplyTemplate *self, const char *id);
const char *sigap_reply_template_get_opd_id     (SigapReplyTemplate *self);
void        sigap_reply_template_set_opd_id     (SigapReplyTemplate *self, const char *opd_id);
const char *sigap_reply_template_get_title      (SigapReplyTemplate *self);
void        sigap_reply_template_set_title      (SigapReplyTemplate *self, const char *title);
const char *sigap_reply_template_get_body       (SigapReplyTemplate *self);
void        sigap_reply_template_set_body       (SigapReplyTemplate *self, const char *body);
int         sigap_reply_template_get_position   (SigapReplyTemplate *self);
void        sigap_reply_template_set_position   (SigapReplyTemplate *self, int position);
gint64      sigap_reply_template_get_version    (SigapReplyTemplate *self);
void        sigap_reply_template_set_version    (SigapReplyTemplate *self, gint64 version);
gint64      sigap_reply_template_get_updated_at (SigapReplyTemplate *self);
void        sigap_reply_template_set_updated_at (SigapReplyTemplate *self, gint64 updated_at);

/* The file of canned replies shipped with Sigap, without ".json". */
#define SIGAP_REPLY_TEMPLATE_SHIPPED "reply-templates"

GPtrArray  *sigap_reply_template_read_shipped (const char  *opd_id,
                                               GError     **error);
char       *sigap_reply_template_fill       (SigapReplyTemplate      *self,
                                             const SigapReplyValues  *values,
                                             char                  ***unknown,
                                             char                  ***missing);

G_END_DECLS
