/* sigap-complaint-import.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sigap-types.h"
#include "sigap-complaint.h"
#include "sigap-csv.h"
#include "sigap-sla.h"
#include "sigap-store.h"
#include "sigap-working-days.h"

G_BEGIN_DECLS

#define SIGAP_COMPLAINT_IMPORT_ERROR (sigap_complaint_import_error_quark ())

/**
 * SigapComplaintImportError:
 * @SIGAP_COMPLAINT_IMPORT_ERROR_NO_ROWS: the file has a header but no
 *   row below it, or not even a header
 * @SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING: a required field has no column
 *   (the text, the date, and the channel unless one is chosen for the
 *   whole file), or a column does not exist in the file
 *
 * File errors are #SigapCsvError; store errors during the commit are
 * #SigapStoreError. Every message is a translated sentence.
 */
typedef enum
{
  SIGAP_COMPLAINT_IMPORT_ERROR_NO_ROWS,
  SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING,
} SigapComplaintImportError;

/**
 * SigapImportField:
 * @SIGAP_IMPORT_FIELD_BODY: the complaint's text (required)
 * @SIGAP_IMPORT_FIELD_TITLE: a title, put before the text as its first
 *   paragraph (SP4N-LAPOR!'s "Judul Laporan")
 * @SIGAP_IMPORT_FIELD_RECEIVED_AT: when it was received (required)
 * @SIGAP_IMPORT_FIELD_CHANNEL: the channel (required unless the mapping
 *   has a default channel)
 * @SIGAP_IMPORT_FIELD_KIND: aspiration, complaint or request for
 *   information
 * @SIGAP_IMPORT_FIELD_CATEGORY: a category, kept as written
 * @SIGAP_IMPORT_FIELD_KECAMATAN: the kecamatan
 * @SIGAP_IMPORT_FIELD_DESA: the desa or kelurahan
 * @SIGAP_IMPORT_FIELD_LOCATION: a free location ("Desa Kauman, Kec.
 *   Sukamaju"): fills kecamatan and desa when they have no column of
 *   their own, and goes into the timeline note
 * @SIGAP_IMPORT_FIELD_CITIZEN_NAME: the citizen's name
 * @SIGAP_IMPORT_FIELD_CITIZEN_CONTACT: a phone number or e-mail address
 * @SIGAP_IMPORT_FIELD_CITIZEN_HANDLE: a social-media account
 * @SIGAP_IMPORT_FIELD_SOURCE_URL: a link to the complaint
 * @SIGAP_IMPORT_FIELD_EXTERNAL_REF: the complaint's number where it came
 *   from (SP4N-LAPOR!'s ticket): finds duplicates, goes into the note
 * @SIGAP_IMPORT_FIELD_STATUS: the status where it came from: goes into
 *   the note only; imported complaints always start as received
 *
 * What a column of the file may fill.
 */
typedef enum
{
  SIGAP_IMPORT_FIELD_BODY,
  SIGAP_IMPORT_FIELD_TITLE,
  SIGAP_IMPORT_FIELD_RECEIVED_AT,
  SIGAP_IMPORT_FIELD_CHANNEL,
  SIGAP_IMPORT_FIELD_KIND,
  SIGAP_IMPORT_FIELD_CATEGORY,
  SIGAP_IMPORT_FIELD_KECAMATAN,
  SIGAP_IMPORT_FIELD_DESA,
  SIGAP_IMPORT_FIELD_LOCATION,
  SIGAP_IMPORT_FIELD_CITIZEN_NAME,
  SIGAP_IMPORT_FIELD_CITIZEN_CONTACT,
  SIGAP_IMPORT_FIELD_CITIZEN_HANDLE,
  SIGAP_IMPORT_FIELD_SOURCE_URL,
  SIGAP_IMPORT_FIELD_EXTERNAL_REF,
  SIGAP_IMPORT_FIELD_STATUS,
} SigapImportField;

#define SIGAP_IMPORT_N_FIELDS (SIGAP_IMPORT_FIELD_STATUS + 1)

/* No column; no channel for the whole file. */
#define SIGAP_IMPORT_NO_COLUMN  (-1)
#define SIGAP_IMPORT_NO_CHANNEL (-1)

/**
 * SigapImportPreset:
 * @SIGAP_IMPORT_PRESET_CUSTOM: a file of the admin's own making
 * @SIGAP_IMPORT_PRESET_LAPOR: an export of SP4N-LAPOR!
 */
typedef enum
{
  SIGAP_IMPORT_PRESET_CUSTOM,
  SIGAP_IMPORT_PRESET_LAPOR,
} SigapImportPreset;

/**
 * SigapImportMapping:
 * @preset: where the file comes from: the note of the timeline says so
 * @columns: for each #SigapImportField, the column (from 0) that fills
 *   it, or %SIGAP_IMPORT_NO_COLUMN
 * @default_channel: the #SigapChannel of rows whose channel is empty or
 *   has no column, or %SIGAP_IMPORT_NO_CHANNEL
 * @default_kind: the kind of rows whose kind is empty or has no column
 *
 * Which column fills which field; a plain struct for the mapping page to
 * edit.
 */
typedef struct
{
  SigapImportPreset  preset;
  int                columns[SIGAP_IMPORT_N_FIELDS];
  int                default_channel;
  SigapComplaintKind default_kind;
} SigapImportMapping;

/**
 * SigapImportProblemKind:
 * @SIGAP_IMPORT_PROBLEM_MISSING: a required value is empty
 * @SIGAP_IMPORT_PROBLEM_INVALID: a value cannot be read
 * @SIGAP_IMPORT_PROBLEM_EXTRA_CELLS: the row has more cells than the
 *   header, so its columns are likely shifted
 * @SIGAP_IMPORT_PROBLEM_DUPLICATE: the row repeats an earlier row or a
 *   complaint already stored
 */
typedef enum
{
  SIGAP_IMPORT_PROBLEM_MISSING,
  SIGAP_IMPORT_PROBLEM_INVALID,
  SIGAP_IMPORT_PROBLEM_EXTRA_CELLS,
  SIGAP_IMPORT_PROBLEM_DUPLICATE,
} SigapImportProblemKind;

/**
 * SigapImportProblem:
 * @row: the row as a spreadsheet numbers it (the first line is 1)
 * @column: the column (from 0), or %SIGAP_IMPORT_NO_COLUMN
 * @column_name: (nullable): the column's header
 * @field: the field concerned (meaningless without a column)
 * @kind: what is wrong
 * @message: a translated sentence that names the row and says what to do
 *
 * Why a row is not imported. A row may have several problems; each one
 * keeps the row out.
 */
typedef struct
{
  guint                   row;
  int                     column;
  char                   *column_name;
  SigapImportField        field;
  SigapImportProblemKind  kind;
  char                   *message;
} SigapImportProblem;

/* The action of the timeline event each imported complaint starts with:
 * the same first event the web form and the demo write. */
#define SIGAP_COMPLAINT_IMPORT_EVENT_ACTION "created"

#define SIGAP_TYPE_COMPLAINT_IMPORT (sigap_complaint_import_get_type ())

G_DECLARE_FINAL_TYPE (SigapComplaintImport, sigap_complaint_import,
                      SIGAP, COMPLAINT_IMPORT, GObject)

GQuark                sigap_complaint_import_error_quark   (void);

const char           *sigap_import_field_get_label         (SigapImportField          field);
gboolean              sigap_import_field_is_required       (SigapImportField          field);
void                  sigap_import_mapping_init            (SigapImportMapping       *mapping);

/* Reading the file. */
SigapComplaintImport *sigap_complaint_import_new_from_data (const char               *data,
                                                            gsize                     length,
                                                            const char               *file_name,
                                                            GError                  **error);
SigapComplaintImport *sigap_complaint_import_new_from_file (GFile                    *file,
                                                            GCancellable             *cancellable,
                                                            GError                  **error);
void                  sigap_complaint_import_new_from_file_async
                                                           (GFile                    *file,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
SigapComplaintImport *sigap_complaint_import_new_from_file_finish
                                                           (GAsyncResult             *result,
                                                            GError                  **error);

SigapCsv             *sigap_complaint_import_get_csv       (SigapComplaintImport     *self);
const char           *sigap_complaint_import_get_file_name (SigapComplaintImport     *self);
const char * const   *sigap_complaint_import_get_notices   (SigapComplaintImport     *self);
guint                 sigap_complaint_import_get_header_row
                                                           (SigapComplaintImport     *self);
guint                 sigap_complaint_import_get_n_columns (SigapComplaintImport     *self);
const char           *sigap_complaint_import_get_column_name
                                                           (SigapComplaintImport     *self,
                                                            guint                     column);

/* Mapping the columns. */
SigapImportPreset     sigap_complaint_import_detect_preset (SigapComplaintImport     *self);
gboolean              sigap_complaint_import_map_lapor     (SigapComplaintImport     *self,
                                                            SigapImportMapping       *mapping);
gboolean              sigap_complaint_import_guess_mapping (SigapComplaintImport     *self,
                                                            SigapImportMapping       *mapping);

/* The preview. */
gboolean              sigap_complaint_import_preview       (SigapComplaintImport     *self,
                                                            const SigapImportMapping *mapping,
                                                            GTimeZone                *zone,
                                                            SigapStore               *store,
                                                            GError                  **error);
guint                 sigap_complaint_import_get_n_rows    (SigapComplaintImport     *self);
GPtrArray            *sigap_complaint_import_get_complaints
                                                           (SigapComplaintImport     *self);
guint                 sigap_complaint_import_get_complaint_row
                                                           (SigapComplaintImport     *self,
                                                            guint                     index);
GPtrArray            *sigap_complaint_import_get_problems  (SigapComplaintImport     *self);
guint                 sigap_complaint_import_get_n_problem_rows
                                                           (SigapComplaintImport     *self);

/* Writing. */
void                  sigap_complaint_import_set_sla_settings
                                                           (SigapComplaintImport     *self,
                                                            const SigapSlaSettings   *settings);
int                   sigap_complaint_import_commit        (SigapComplaintImport     *self,
                                                            SigapStore               *store,
                                                            const char               *opd_id,
                                                            const char               *user_id,
                                                            SigapWorkingDays         *working_days,
                                                            GTimeZone                *zone,
                                                            GError                  **error);

/* The value rules, for the preview's own use and for tests. */
gboolean              sigap_complaint_import_parse_date    (const char               *text,
                                                            GTimeZone                *zone,
                                                            gint64                   *time);
gboolean              sigap_complaint_import_parse_channel (const char               *text,
                                                            SigapChannel             *channel);
gboolean              sigap_complaint_import_parse_kind    (const char               *text,
                                                            SigapComplaintKind       *kind);

G_END_DECLS
