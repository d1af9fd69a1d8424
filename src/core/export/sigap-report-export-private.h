/* sigap-report-export-private.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>
#include <xlsxwriter.h>

#include "sigap-labels.h"
#include "sigap-report-document.h"

G_BEGIN_DECLS

/* Formatting, the Indonesian way: "12.345", "1,5", "–" for unknown. */
char       *_sigap_export_format_count       (gint64              value);
char       *_sigap_export_format_change      (gint64              value);
char       *_sigap_export_format_decimal     (double              value);
char       *_sigap_export_format_days        (double              days);
double      _sigap_export_on_time_percent    (guint               due,
                                              guint               late);
char       *_sigap_export_format_percent     (double              percent);
const char *_sigap_export_month_name         (int                 month);
char       *_sigap_export_format_period      (int                 year,
                                              int                 month);
char       *_sigap_export_format_date        (gint64              unix_time);
const char *_sigap_export_platform_nick      (SigapPlatform       platform);
const char *_sigap_export_category_nick      (SigapContentCategory category);
const char *_sigap_export_status_nick        (SigapReportStatus   status);
char       *_sigap_export_sheet_name         (const char         *name);

/* CSV (RFC 4180): fields quoted when needed, rows ended by CRLF. */
void        _sigap_export_csv_row            (GString            *csv,
                                              const char         *first,
                                              ...) G_GNUC_NULL_TERMINATED;

/* Writes @data to @path through a temporary file in the same folder. */
gboolean    _sigap_export_write_file         (const char         *path,
                                              const void         *data,
                                              gsize               length,
                                              GError            **error);
void        _sigap_export_set_write_error    (GError            **error,
                                              const char         *path,
                                              const char         *reason);
char       *_sigap_export_temp_path          (const char         *path,
                                              GError            **error);

/* Closes (writes) @workbook, made on @temp_path, and renames it to @path. */
gboolean    _sigap_export_workbook_close     (lxw_workbook       *workbook,
                                              const char         *temp_path,
                                              const char         *path,
                                              GError            **error);

/* The template's parts, for the document. */
const char * const *_sigap_report_template_get_lines    (SigapReportTemplate *self);
const char         *_sigap_report_template_get_address  (SigapReportTemplate *self);
cairo_surface_t    *_sigap_report_template_get_logo     (SigapReportTemplate *self);
guint               _sigap_report_template_get_n_sections (SigapReportTemplate *self);
SigapReportSection  _sigap_report_template_get_section  (SigapReportTemplate *self,
                                                         guint                index);

/* A flow of blocks (text, table rows, bar charts, a letterhead) laid out
 * over pages of a fixed size, drawn with cairo and Pango. */
typedef struct _SigapReportFlow SigapReportFlow;

typedef enum
{
  SIGAP_REPORT_ROW_HEADER = 1 << 0,
  SIGAP_REPORT_ROW_TOTAL  = 1 << 1,
} SigapReportRowFlags;

#define SIGAP_REPORT_FLOW_MAX_COLUMNS 12

SigapReportFlow *_sigap_report_flow_new          (double              page_width,
                                                  double              page_height,
                                                  double              margin);
void             _sigap_report_flow_free         (SigapReportFlow    *self);
double           _sigap_report_flow_get_width    (SigapReportFlow    *self);
void             _sigap_report_flow_add_text     (SigapReportFlow    *self,
                                                  const char         *markup,
                                                  double              size,
                                                  PangoAlignment      align,
                                                  double              indent,
                                                  double              space_before,
                                                  gboolean            keep_with_next);
void             _sigap_report_flow_add_paragraphs (SigapReportFlow  *self,
                                                  const char         *text,
                                                  double              size,
                                                  double              space_before);
void             _sigap_report_flow_add_heading  (SigapReportFlow    *self,
                                                  const char         *text);
void             _sigap_report_flow_begin_table  (SigapReportFlow    *self,
                                                  guint               n_columns,
                                                  const double       *widths,
                                                  guint               numeric_mask);
void             _sigap_report_flow_add_row      (SigapReportFlow    *self,
                                                  const char * const *cells,
                                                  guint               flags);
void             _sigap_report_flow_add_chart    (SigapReportFlow    *self,
                                                  const char         *title,
                                                  const char * const *labels,
                                                  const double       *values,
                                                  guint               n_values);
void             _sigap_report_flow_add_letterhead (SigapReportFlow  *self,
                                                  cairo_surface_t    *logo,
                                                  const char * const *lines,
                                                  const char         *address);
void             _sigap_report_flow_paginate     (SigapReportFlow    *self);
guint            _sigap_report_flow_get_n_pages  (SigapReportFlow    *self);
void             _sigap_report_flow_draw_page    (SigapReportFlow    *self,
                                                  cairo_t            *cr,
                                                  guint               page);
gboolean         _sigap_report_flow_write_pdf    (SigapReportFlow    *self,
                                                  const char         *title,
                                                  const char         *path,
                                                  GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapReportFlow, _sigap_report_flow_free)

G_END_DECLS
