/* sigap-reminders.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sigap-core.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_REMINDERS (sigap_reminders_get_type())

G_DECLARE_FINAL_TYPE (SigapReminders, sigap_reminders, SIGAP, REMINDERS, GObject)

/* The current time as UTC seconds; tests give their own clock. */
typedef gint64 (*SigapRemindersNowFunc) (gpointer user_data);

/* How long after its time a post still counts as due now: what Sigap
 * missed while it was closed or the computer slept, up to this, is told
 * once; anything older is history. */
#define SIGAP_REMINDERS_GRACE_S (10 * 60)

SigapReminders *sigap_reminders_new              (GApplication          *application,
                                                  SigapStore            *store,
                                                  SigapOpd              *opd);
SigapOpd       *sigap_reminders_get_opd          (SigapReminders        *self);
void            sigap_reminders_set_opd          (SigapReminders        *self,
                                                  SigapOpd              *opd);
void            sigap_reminders_set_now_func     (SigapReminders        *self,
                                                  SigapRemindersNowFunc  func,
                                                  gpointer               user_data,
                                                  GDestroyNotify         destroy);
void            sigap_reminders_reload           (SigapReminders        *self);
const char     *sigap_reminders_get_next_post_id (SigapReminders        *self);
gint64          sigap_reminders_get_next_due     (SigapReminders        *self);
gboolean        sigap_reminders_get_armed        (SigapReminders        *self);

char           *sigap_reminder_format_body       (SigapPost             *post,
                                                  GTimeZone             *zone);

G_END_DECLS
