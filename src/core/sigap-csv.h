/* sigap-csv.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SIGAP_CSV_ERROR (sigap_csv_error_quark ())

/**
 * SigapCsvError:
 * @SIGAP_CSV_ERROR_EMPTY: the file holds nothing but blank lines
 * @SIGAP_CSV_ERROR_TOO_LARGE: more bytes than the limit
 * @SIGAP_CSV_ERROR_TOO_MANY_ROWS: more rows than the limit
 * @SIGAP_CSV_ERROR_NOT_CSV: a spreadsheet workbook or other binary file
 * @SIGAP_CSV_ERROR_ENCODING: neither UTF-8, UTF-16 with a BOM nor
 *   Windows-1252
 * @SIGAP_CSV_ERROR_UNCLOSED_QUOTE: a quoted field runs to the end of the
 *   file
 *
 * Every message is a translated sentence that says what happened and what
 * to do.
 */
typedef enum
{
  SIGAP_CSV_ERROR_EMPTY,
  SIGAP_CSV_ERROR_TOO_LARGE,
  SIGAP_CSV_ERROR_TOO_MANY_ROWS,
  SIGAP_CSV_ERROR_NOT_CSV,
  SIGAP_CSV_ERROR_ENCODING,
  SIGAP_CSV_ERROR_UNCLOSED_QUOTE,
} SigapCsvError;

/* The limits of sigap_csv_parse() when given 0. */
#define SIGAP_CSV_MAX_BYTES ((gsize) 50 * 1024 * 1024)
#define SIGAP_CSV_MAX_ROWS  200000

typedef struct _SigapCsv SigapCsv;

#define SIGAP_TYPE_CSV (sigap_csv_get_type ())

GType       sigap_csv_get_type          (void) G_GNUC_CONST;
GQuark      sigap_csv_error_quark       (void);

SigapCsv   *sigap_csv_parse             (const char  *data,
                                         gsize        length,
                                         char         separator,
                                         gsize        max_bytes,
                                         guint        max_rows,
                                         GError     **error);
SigapCsv   *sigap_csv_ref               (SigapCsv    *self);
void        sigap_csv_unref             (SigapCsv    *self);

guint       sigap_csv_get_n_rows        (SigapCsv    *self);
guint       sigap_csv_get_n_fields      (SigapCsv    *self,
                                         guint        row);
const char *sigap_csv_get_field         (SigapCsv    *self,
                                         guint        row,
                                         guint        field);
gboolean    sigap_csv_row_is_blank      (SigapCsv    *self,
                                         guint        row);
char        sigap_csv_get_separator     (SigapCsv    *self);
const char *sigap_csv_get_encoding      (SigapCsv    *self);
gboolean    sigap_csv_get_had_bom       (SigapCsv    *self);

char       *sigap_csv_normalize_header  (const char  *header);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapCsv, sigap_csv_unref)

G_END_DECLS
