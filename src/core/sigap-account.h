/* sigap-account.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-enums.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_ACCOUNT (sigap_account_get_type())

G_DECLARE_FINAL_TYPE (SigapAccount, sigap_account, SIGAP, ACCOUNT, GObject)

SigapAccount *sigap_account_new (void);
SigapAccount *sigap_account_copy (SigapAccount *self);

const char *  sigap_account_get_id           (SigapAccount *self);
void          sigap_account_set_id           (SigapAccount *self, const char *id);
const char *  sigap_account_get_opd_id       (SigapAccount *self);
void          sigap_account_set_opd_id       (SigapAccount *self, const char *opd_id);
SigapPlatform sigap_account_get_platform     (SigapAccount *self);
void          sigap_account_set_platform     (SigapAccount *self, SigapPlatform platform);
const char *  sigap_account_get_handle       (SigapAccount *self);
void          sigap_account_set_handle       (SigapAccount *self, const char *handle);
const char *  sigap_account_get_display_name (SigapAccount *self);
void          sigap_account_set_display_name (SigapAccount *self, const char *display_name);
const char *  sigap_account_get_url          (SigapAccount *self);
void          sigap_account_set_url          (SigapAccount *self, const char *url);
gint64        sigap_account_get_version      (SigapAccount *self);
void          sigap_account_set_version      (SigapAccount *self, gint64 version);
gint64        sigap_account_get_updated_at   (SigapAccount *self);
void          sigap_account_set_updated_at   (SigapAccount *self, gint64 updated_at);

G_END_DECLS
