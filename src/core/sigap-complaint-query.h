/* sigap-complaint-query.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "sigap-types.h"
#include "sigap-sla.h"
#include "sigap-working-days.h"

G_BEGIN_DECLS

/**
 * SigapComplaintSort:
 * @SIGAP_COMPLAINT_SORT_NEWEST: newest received first (the default)
 * @SIGAP_COMPLAINT_SORT_OLDEST: oldest received first
 * @SIGAP_COMPLAINT_SORT_DEADLINE: open complaints with a deadline first,
 *   soonest (or most overdue) first; then the others, newest received
 *   first
 *
 * The orders of the complaint inbox.
 */
typedef enum
{
  SIGAP_COMPLAINT_SORT_NEWEST,
  SIGAP_COMPLAINT_SORT_OLDEST,
  SIGAP_COMPLAINT_SORT_DEADLINE,
} SigapComplaintSort;

/**
 * SigapComplaintQuerySqlFlags:
 * @SIGAP_COMPLAINT_QUERY_SQL_NONE: the rows, in the query's order
 * @SIGAP_COMPLAINT_QUERY_SQL_COUNT: their number instead
 * @SIGAP_COMPLAINT_QUERY_SQL_TEXT_FIRST: read the text matches first and
 *   look their complaints up, rather than walking an index of the
 *   complaints and keeping those that match; the better plan when few
 *   complaints match the text
 *
 * What sigap_complaint_query_build_sql() writes.
 */
typedef enum /*< flags >*/
{
  SIGAP_COMPLAINT_QUERY_SQL_NONE       = 0,
  SIGAP_COMPLAINT_QUERY_SQL_COUNT      = 1 << 0,
  SIGAP_COMPLAINT_QUERY_SQL_TEXT_FIRST = 1 << 1,
} SigapComplaintQuerySqlFlags;

/* The bit of an enum value in a query's sets: statuses, channels, kinds
 * and deadline states. An empty set (0) does not filter. */
#define SIGAP_COMPLAINT_QUERY_BIT(value) (1u << (value))

/* The pointer type of the set of complaints a text matches, bound to
 * the SQL's sigap_rowid_in() (see sigap_complaint_query_build_sql()). */
#define SIGAP_COMPLAINT_QUERY_MATCHES_TYPE "sigap-complaint-matches"

/* The most words of the search text that count. */
#define SIGAP_COMPLAINT_QUERY_MAX_WORDS 32

#define SIGAP_TYPE_COMPLAINT_QUERY (sigap_complaint_query_get_type())

G_DECLARE_FINAL_TYPE (SigapComplaintQuery, sigap_complaint_query, SIGAP, COMPLAINT_QUERY, GObject)

SigapComplaintQuery *sigap_complaint_query_new               (void);
SigapComplaintQuery *sigap_complaint_query_new_late          (void);
SigapComplaintQuery *sigap_complaint_query_new_due_soon      (void);
SigapComplaintQuery *sigap_complaint_query_new_unverified    (void);
SigapComplaintQuery *sigap_complaint_query_new_mine          (const char *user_id);
SigapComplaintQuery *sigap_complaint_query_copy              (SigapComplaintQuery *self);
gboolean             sigap_complaint_query_equal             (SigapComplaintQuery *a,
                                                              SigapComplaintQuery *b);

const char          *sigap_complaint_query_get_text          (SigapComplaintQuery *self);
void                 sigap_complaint_query_set_text          (SigapComplaintQuery *self,
                                                              const char          *text);
guint                sigap_complaint_query_get_statuses      (SigapComplaintQuery *self);
void                 sigap_complaint_query_set_statuses      (SigapComplaintQuery *self,
                                                              guint                statuses);
guint                sigap_complaint_query_get_channels      (SigapComplaintQuery *self);
void                 sigap_complaint_query_set_channels      (SigapComplaintQuery *self,
                                                              guint                channels);
guint                sigap_complaint_query_get_kinds         (SigapComplaintQuery *self);
void                 sigap_complaint_query_set_kinds         (SigapComplaintQuery *self,
                                                              guint                kinds);
const char          *sigap_complaint_query_get_category      (SigapComplaintQuery *self);
void                 sigap_complaint_query_set_category      (SigapComplaintQuery *self,
                                                              const char          *category);
guint                sigap_complaint_query_get_deadlines     (SigapComplaintQuery *self);
void                 sigap_complaint_query_set_deadlines     (SigapComplaintQuery *self,
                                                              guint                deadlines);
const char          *sigap_complaint_query_get_assignee_id   (SigapComplaintQuery *self);
void                 sigap_complaint_query_set_assignee_id   (SigapComplaintQuery *self,
                                                              const char          *assignee_id);
SigapComplaintSort   sigap_complaint_query_get_sort          (SigapComplaintQuery *self);
void                 sigap_complaint_query_set_sort          (SigapComplaintQuery *self,
                                                              SigapComplaintSort   sort);
guint                sigap_complaint_query_get_due_soon_days (SigapComplaintQuery *self);
void                 sigap_complaint_query_set_due_soon_days (SigapComplaintQuery *self,
                                                              guint                days);

gint64               sigap_complaint_query_get_now           (SigapComplaintQuery *self);
GTimeZone           *sigap_complaint_query_get_zone          (SigapComplaintQuery *self);
SigapWorkingDays    *sigap_complaint_query_get_working_days  (SigapComplaintQuery *self);
void                 sigap_complaint_query_set_now           (SigapComplaintQuery *self,
                                                              gint64               now,
                                                              GTimeZone           *zone,
                                                              SigapWorkingDays    *days);

gboolean             sigap_complaint_query_has_text          (SigapComplaintQuery *self);
gboolean             sigap_complaint_query_has_filters       (SigapComplaintQuery *self);

/* The SQL, pure functions for the store and the tests. */
char                *sigap_complaint_query_match_expression  (const char *text);
gint64               sigap_complaint_query_due_soon_end      (SigapComplaintQuery *self,
                                                              gint64               now);
char                *sigap_complaint_query_build_sql         (SigapComplaintQuery         *self,
                                                              const char                  *columns,
                                                              const char                  *opd_id,
                                                              gint64                       now,
                                                              SigapComplaintQuerySqlFlags  flags,
                                                              GPtrArray                   *params);
int                  sigap_complaint_query_add_sql_functions (sqlite3 *db);
void                 sigap_complaint_query_bind_params       (sqlite3_stmt *stmt,
                                                              GPtrArray    *params,
                                                              GArray       *matches);

G_END_DECLS
