/* sigap-format.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-core.h"

G_BEGIN_DECLS

/* Pure functions that turn records into the words the interface shows.
 * They need no display, so tests call them directly. */

const char *sigap_post_status_to_label      (SigapPostStatus       status);
const char *sigap_complaint_status_to_label (SigapComplaintStatus  status);
#define SIGAP_N_CHANNEL_CHOICES        (SIGAP_CHANNEL_WALK_IN + 1)
#define SIGAP_N_COMPLAINT_KIND_CHOICES (SIGAP_COMPLAINT_KIND_INFORMATION + 1)

extern const SigapChannel       sigap_channel_choices[SIGAP_N_CHANNEL_CHOICES];
extern const SigapComplaintKind sigap_complaint_kind_choices[SIGAP_N_COMPLAINT_KIND_CHOICES];

const char *sigap_channel_to_label          (SigapChannel          channel);
const char *sigap_complaint_kind_to_label   (SigapComplaintKind    kind);
const char *sigap_complaint_action_to_label (const char           *action);
const char *sigap_complaint_event_to_label  (const char           *action);
char       *sigap_complaint_dup_deadline_text (SigapComplaint         *complaint,
                                               GTimeZone              *zone,
                                               SigapWorkingDays       *days,
                                               const SigapSlaSettings *sla,
                                               gint64                  now,
                                               SigapDeadlineState     *state);
const char *sigap_platform_to_icon_name     (SigapPlatform         platform);

GTimeZone  *sigap_opd_dup_zone              (SigapOpd             *opd);

char       *sigap_format_day                (GDateTime            *datetime);
char       *sigap_format_time               (GDateTime            *datetime);
char       *sigap_format_date               (GDateTime            *datetime);
char       *sigap_format_month              (int                   year,
                                             int                   month);
char       *sigap_format_day_range          (GDateTime            *first,
                                             GDateTime            *last);
char       *sigap_format_excerpt            (const char           *text,
                                             guint                 max_words);

char       *sigap_post_dup_platforms_text   (SigapPost            *post);
char       *sigap_post_dup_accessible_label (SigapPost            *post,
                                             GTimeZone            *zone);

GDateTime  *sigap_next_full_hour            (GDateTime            *now);

char       *sigap_format_central_document   (SigapCentralDocumentKind  kind,
                                             int                       year,
                                             SigapCentralDocument     *document,
                                             GTimeZone                *zone);

G_END_DECLS
