/* sigap-report-figures.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sigap-types.h"
#include "sigap-store.h"
#include "sigap-working-days.h"

G_BEGIN_DECLS

#define SIGAP_N_CONTENT_CATEGORIES (SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT + 1)

/* How many days without a published post make an account "mati suri". */
#define SIGAP_REPORT_QUIET_DAYS 30

/**
 * SigapReportAccount:
 * @account_id: the account's ID
 * @platform: its platform
 * @handle: its handle, as the OPD's account list has it
 * @last_published_at: when a post of the OPD was last published on the
 *   account's platform, up to the end of the month (UNIX time), 0 if never
 * @quiet: whether nothing was published on it in the
 *   %SIGAP_REPORT_QUIET_DAYS days up to the end of the month
 * @followers: followers at the end of the month, typed by the admin; -1
 *   if not typed
 * @reach: accounts reached in the month, typed; -1 if not typed
 * @engagement: interactions in the month, typed; -1 if not typed
 *
 * One of the OPD's accounts in a monthly report: what Sigap knows of it,
 * and what only the platform knows, typed in by the admin.
 */
typedef struct
{
  char *account_id;
  SigapPlatform platform;
  char *handle;
  gint64 last_published_at;
  gboolean quiet;
  gint64 followers;
  gint64 reach;
  gint64 engagement;
} SigapReportAccount;

/**
 * SigapReportFigures:
 * @opd_id: the OPD
 * @year: the report's year
 * @month: the report's month, 1 to 12
 * @planned: posts planned per platform: posts of the OPD scheduled in the
 *   month with a variant for the platform, cancelled ones left out
 * @published: of those, the ones published
 * @uploads: uploads per platform: variants of the OPD's posts published
 *   in the month (by `published_at`), whenever they were planned
 * @links: links shared per platform: the distinct URLs in the text of
 *   the month's uploads on the platform, and their published URLs
 * @links_total: the distinct URLs over all platforms (a URL shared on two
 *   platforms counts once)
 * @categories: posts published in the month per content category
 * @complaints_received: complaints the OPD holds that were received in
 *   the month
 * @complaints_resolved: complaints the OPD holds resolved in the month
 * @complaints_due: complaints the OPD holds whose deadline fell in the
 *   month
 * @complaints_late: of those, the ones not resolved by their deadline
 * @median_first_answer_days: for complaints first answered in the month,
 *   the median number of working days from receipt to the first answer
 *   (an `answered` event, or the step to `resolved`); -1 if none
 * @median_resolution_days: for complaints resolved in the month, the
 *   median working days from receipt to resolution; -1 if none
 * @accounts: (element-type SigapReportAccount): the OPD's accounts, in
 *   platform then handle order
 *
 * A month's figures for one OPD. The computed ones come from the store;
 * the accounts' typed figures from the admin. Stored in a report's
 * `figures` as the JSON of sigap_report_figures_to_json().
 */
typedef struct
{
  char *opd_id;
  int year;
  int month;

  guint planned[SIGAP_N_PLATFORMS];
  guint published[SIGAP_N_PLATFORMS];
  guint uploads[SIGAP_N_PLATFORMS];
  guint links[SIGAP_N_PLATFORMS];
  guint links_total;
  guint categories[SIGAP_N_CONTENT_CATEGORIES];

  guint complaints_received;
  guint complaints_resolved;
  guint complaints_due;
  guint complaints_late;
  double median_first_answer_days;
  double median_resolution_days;

  GPtrArray *accounts;
} SigapReportFigures;

#define SIGAP_TYPE_REPORT_FIGURES (sigap_report_figures_get_type ())

GType               sigap_report_figures_get_type      (void) G_GNUC_CONST;
SigapReportFigures *sigap_report_figures_new           (const char          *opd_id,
                                                        int                  year,
                                                        int                  month);
SigapReportFigures *sigap_report_figures_copy          (const SigapReportFigures *self);
void                sigap_report_figures_free          (SigapReportFigures  *self);

SigapReportFigures *sigap_report_figures_compute       (SigapStore          *store,
                                                        const char          *opd_id,
                                                        int                  year,
                                                        int                  month,
                                                        SigapWorkingDays    *working_days,
                                                        GTimeZone           *zone,
                                                        GError             **error);
GPtrArray          *sigap_report_figures_compute_all   (SigapStore          *store,
                                                        int                  year,
                                                        int                  month,
                                                        SigapWorkingDays    *working_days,
                                                        GTimeZone           *zone,
                                                        GError             **error);

guint               sigap_report_figures_total         (const guint         *per_platform);
guint               sigap_report_figures_n_quiet       (const SigapReportFigures *self);
SigapReportAccount *sigap_report_figures_find_account  (const SigapReportFigures *self,
                                                        const char          *account_id);
void                sigap_report_figures_take_typed    (SigapReportFigures  *self,
                                                        const SigapReportFigures *typed);

JsonNode           *sigap_report_figures_to_json       (const SigapReportFigures *self);
char               *sigap_report_figures_to_string     (const SigapReportFigures *self);
SigapReportFigures *sigap_report_figures_from_json     (JsonNode            *node,
                                                        GError             **error);
SigapReportFigures *sigap_report_figures_from_string   (const char          *json,
                                                        GError             **error);

void                sigap_report_month_bounds          (int                  year,
                                                        int                  month,
                                                        GTimeZone           *zone,
                                                        gint64              *start,
                                                        gint64              *end);
void                sigap_report_last_complete_month   (gint64               now,
                                                        GTimeZone           *zone,
                                                        int                 *year,
                                                        int                 *month);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapReportFigures, sigap_report_figures_free)

G_END_DECLS
