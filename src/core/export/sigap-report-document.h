/* sigap-report-document.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <json-glib/json-glib.h>

#include "sigap-report.h"
#include "sigap-report-figures.h"

G_BEGIN_DECLS

/* A4 portrait, in PostScript points: one cairo unit of
 * sigap_report_document_draw_page() is one point. */
#define SIGAP_REPORT_PAGE_WIDTH  595.0
#define SIGAP_REPORT_PAGE_HEIGHT 842.0

#define SIGAP_REPORT_DOCUMENT_ERROR (sigap_report_document_error_quark ())

typedef enum
{
  SIGAP_REPORT_DOCUMENT_ERROR_TEMPLATE,
  SIGAP_REPORT_DOCUMENT_ERROR_WRITE,
} SigapReportDocumentError;

/**
 * SigapReportSection:
 *
 * The sections a report template may list, in the order it lists them
 * ("posts", "links", "categories", "complaints", "quiet-accounts",
 * "accounts", "notes", "signature").
 */
typedef enum
{
  SIGAP_REPORT_SECTION_POSTS,
  SIGAP_REPORT_SECTION_LINKS,
  SIGAP_REPORT_SECTION_CATEGORIES,
  SIGAP_REPORT_SECTION_COMPLAINTS,
  SIGAP_REPORT_SECTION_QUIET_ACCOUNTS,
  SIGAP_REPORT_SECTION_ACCOUNTS,
  SIGAP_REPORT_SECTION_NOTES,
  SIGAP_REPORT_SECTION_SIGNATURE,
} SigapReportSection;

#define SIGAP_REPORT_N_SECTIONS (SIGAP_REPORT_SECTION_SIGNATURE + 1)

/* The report template Diskominfo sets (data/report-template.json). */
typedef struct _SigapReportTemplate SigapReportTemplate;

#define SIGAP_TYPE_REPORT_TEMPLATE (sigap_report_template_get_type ())

GType                sigap_report_template_get_type      (void) G_GNUC_CONST;
SigapReportTemplate *sigap_report_template_new_from_json (JsonObject          *object,
                                                          GError             **error);
SigapReportTemplate *sigap_report_template_ref           (SigapReportTemplate *self);
void                 sigap_report_template_unref         (SigapReportTemplate *self);
const char          *sigap_report_template_get_title     (SigapReportTemplate *self);
gboolean             sigap_report_template_has_section   (SigapReportTemplate *self,
                                                          SigapReportSection   section);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapReportTemplate, sigap_report_template_unref)

GQuark sigap_report_document_error_quark (void);

/* One OPD's monthly report, laid out for print and export. */
#define SIGAP_TYPE_REPORT_DOCUMENT (sigap_report_document_get_type())

G_DECLARE_FINAL_TYPE (SigapReportDocument, sigap_report_document,
                      SIGAP, REPORT_DOCUMENT, GObject)

SigapReportDocument *sigap_report_document_new        (SigapReportTemplate      *template_,
                                                       const char               *opd_name,
                                                       SigapReport              *report,
                                                       const SigapReportFigures *figures,
                                                       const SigapReportFigures *previous);
guint                sigap_report_document_get_n_pages (SigapReportDocument     *self);
void                 sigap_report_document_draw_page  (SigapReportDocument      *self,
                                                       cairo_t                  *cr,
                                                       guint                     page);
gboolean             sigap_report_document_write_pdf  (SigapReportDocument      *self,
                                                       const char               *path,
                                                       GError                  **error);
gboolean             sigap_report_document_write_xlsx (SigapReportDocument      *self,
                                                       const char               *path,
                                                       GError                  **error);
gboolean             sigap_report_document_write_csv  (SigapReportDocument      *self,
                                                       const char               *path,
                                                       GError                  **error);

/**
 * SigapReportRecapRow:
 * @opd_id: the OPD
 * @opd_name: its name
 * @status: its report's status, if it has one for the month
 * @has_report: whether it has a report for the month
 * @figures: the month's figures computed for it
 *
 * One OPD in the month's recap across OPDs.
 */
typedef struct
{
  char *opd_id;
  char *opd_name;
  SigapReportStatus status;
  gboolean has_report;
  SigapReportFigures *figures;
} SigapReportRecapRow;

void     sigap_report_recap_row_free   (SigapReportRecapRow *row);

/* The recap across OPDs (rows in the order given), for export. */
gboolean sigap_report_recap_write_pdf  (SigapReportTemplate *template_,
                                        int                  year,
                                        int                  month,
                                        GPtrArray           *rows,
                                        const char          *path,
                                        GError             **error);
gboolean sigap_report_recap_write_xlsx (SigapReportTemplate *template_,
                                        int                  year,
                                        int                  month,
                                        GPtrArray           *rows,
                                        const char          *path,
                                        GError             **error);
gboolean sigap_report_recap_write_csv  (int                  year,
                                        int                  month,
                                        GPtrArray           *rows,
                                        const char          *path,
                                        GError             **error);

G_END_DECLS
