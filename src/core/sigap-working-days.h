/* sigap-working-days.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sigap-types.h"
#include "sigap-central-documents.h"

G_BEGIN_DECLS

/**
 * SigapHolidayKind:
 * @SIGAP_HOLIDAY_KIND_LIBUR_NASIONAL: a national holiday
 * @SIGAP_HOLIDAY_KIND_CUTI_BERSAMA: a collective leave day of the civil
 *   service
 *
 * The kinds of day off in data/holidays/YYYY.json; the nicks are the
 * documents' "kind" values. Neither is a working day.
 */
typedef enum
{
  SIGAP_HOLIDAY_KIND_LIBUR_NASIONAL,
  SIGAP_HOLIDAY_KIND_CUTI_BERSAMA,
} SigapHolidayKind;

/* The most working days sigap_working_days_add() accepts: ten years of
 * them, far above any service level. */
#define SIGAP_WORKING_DAYS_MAX 2600

#define SIGAP_TYPE_WORKING_DAYS (sigap_working_days_get_type ())

typedef struct _SigapWorkingDays SigapWorkingDays;

GType              sigap_working_days_get_type           (void) G_GNUC_CONST;
SigapWorkingDays  *sigap_working_days_new                (void);
SigapWorkingDays  *sigap_working_days_new_from_documents (SigapCentralDocuments  *documents,
                                                          int                     first_year,
                                                          int                     last_year);
SigapWorkingDays  *sigap_working_days_ref                (SigapWorkingDays       *self);
void               sigap_working_days_unref              (SigapWorkingDays       *self);

gboolean           sigap_working_days_add_holidays       (SigapWorkingDays       *self,
                                                          JsonNode               *document,
                                                          GError                **error);
gboolean           sigap_working_days_load_file          (SigapWorkingDays       *self,
                                                          const char             *path,
                                                          GError                **error);

gboolean           sigap_working_days_has_year           (SigapWorkingDays       *self,
                                                          int                     year);
gboolean           sigap_working_days_is_working_day     (SigapWorkingDays       *self,
                                                          const GDate            *date);
gboolean           sigap_working_days_get_holiday        (SigapWorkingDays       *self,
                                                          const GDate            *date,
                                                          SigapHolidayKind       *kind,
                                                          const char            **name);
gint64             sigap_working_days_add                (SigapWorkingDays       *self,
                                                          gint64                  time,
                                                          guint                   n,
                                                          GTimeZone              *zone,
                                                          gboolean               *holidays_known);
int                sigap_working_days_between            (SigapWorkingDays       *self,
                                                          gint64                  now,
                                                          gint64                  due,
                                                          GTimeZone              *zone,
                                                          gboolean               *holidays_known);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapWorkingDays, sigap_working_days_unref)

G_END_DECLS
