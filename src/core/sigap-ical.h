/* sigap-ical.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sigap-opd.h"
#include "sigap-post.h"

G_BEGIN_DECLS

/* The schedule as an iCalendar file (RFC 5545) that GNOME Calendar and
 * Thunderbird open: one VEVENT per post (UID "<post id>@sigap", DTSTART in
 * UTC, a DURATION of 30 minutes, SUMMARY the title, DESCRIPTION the text
 * and the platforms, CATEGORIES the content category, STATUS TENTATIVE for
 * drafts and posts waiting for approval, CONFIRMED for scheduled and
 * published, CANCELLED for cancelled), with CRLF line ends, lines folded
 * at 75 octets without splitting a UTF-8 character, and TEXT values
 * escaped. @labels gives the human words (translated by the caller) for
 * the category and platforms, so the core needs no UI strings. */

typedef struct
{
  const char *(*category) (SigapContentCategory category);
  const char *(*platform) (SigapPlatform        platform);
  const char *(*status)   (SigapPostStatus      status);
} SigapIcalLabels;

char     *sigap_ical_from_posts  (GPtrArray              *posts,
                                  SigapOpd               *opd,
                                  const SigapIcalLabels  *labels,
                                  GDateTime              *now);
gboolean  sigap_ical_write_posts (GFile                  *file,
                                  GPtrArray              *posts,
                                  SigapOpd               *opd,
                                  const SigapIcalLabels  *labels,
                                  GCancellable           *cancellable,
                                  GError                **error);

G_END_DECLS
