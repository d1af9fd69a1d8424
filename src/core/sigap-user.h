/* sigap-user.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-enums.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_USER (sigap_user_get_type())

G_DECLARE_FINAL_TYPE (SigapUser, sigap_user, SIGAP, USER, GObject)

SigapUser *sigap_user_new (void);
SigapUser *sigap_user_copy (SigapUser *self);

const char *sigap_user_get_id            (SigapUser *self);
void        sigap_user_set_id            (SigapUser *self, const char *id);
const char *sigap_user_get_username      (SigapUser *self);
void        sigap_user_set_username      (SigapUser *self, const char *username);
const char *sigap_user_get_display_name  (SigapUser *self);
void        sigap_user_set_display_name  (SigapUser *self, const char *display_name);
SigapRole   sigap_user_get_role          (SigapUser *self);
void        sigap_user_set_role          (SigapUser *self, SigapRole role);
const char *sigap_user_get_opd_id        (SigapUser *self);
void        sigap_user_set_opd_id        (SigapUser *self, const char *opd_id);
const char *sigap_user_get_password_hash (SigapUser *self);
void        sigap_user_set_password_hash (SigapUser *self, const char *password_hash);
gboolean    sigap_user_get_disabled      (SigapUser *self);
void        sigap_user_set_disabled      (SigapUser *self, gboolean disabled);
gint64      sigap_user_get_version       (SigapUser *self);
void        sigap_user_set_version       (SigapUser *self, gint64 version);
gint64      sigap_user_get_updated_at    (SigapUser *self);
void        sigap_user_set_updated_at    (SigapUser *self, gint64 updated_at);

G_END_DECLS
