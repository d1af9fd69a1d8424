/* sigap-report-recap.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The month's recap across agencies: one row per agency with its report's
 * status, uploads per platform, links, quiet accounts and complaints. */

#define G_LOG_DOMAIN "sigap-report-export"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sigap-report-document.h"
#include "sigap-report-export-private.h"

/* A4 landscape. */
#define RECAP_PAGE_WIDTH  842.0
#define RECAP_PAGE_HEIGHT 595.0
#define RECAP_MARGIN      36.0

/* Agency, status, five platforms, links, quiet, due, late, on time. */
#define RECAP_N_COLUMNS   (7 + 5)

/**
 * sigap_report_recap_row_free:
 * @row: (transfer full): a row
 *
 * Frees @row and what it holds.
 */
void
sigap_report_recap_row_free (SigapReportRecapRow *row)
{
  if (row == NULL)
    return;

  g_free (row->opd_id);
  g_free (row->opd_name);
  g_clear_pointer (&row->figures, sigap_report_figures_free);
  g_free (row);
}

static const char *
row_status_label (const SigapReportRecapRow *row)
{
  if (!row->has_report)
    return _("No report");

  return sigap_report_status_to_label (row->status);
}

static guint
row_n_quiet (const SigapReportRecapRow *row)
{
  guint n = 0;

  if (row->figures == NULL || row->figures->accounts == NULL)
    return 0;

  for (guint i = 0; i < row->figures->accounts->len; i++)
    {
      const SigapReportAccount *account = g_ptr_array_index (row->figures->accounts, i);

      if (account->quiet)
        n++;
    }

  return n;
}

/* The numbers of a row, in the order of the columns after the status. */
typedef struct
{
  double values[RECAP_N_COLUMNS - 2];
} RecapNumbers;

enum
{
  COL_UPLOADS = 0,
  COL_LINKS = SIGAP_N_PLATFORMS,
  COL_QUIET,
  COL_DUE,
  COL_LATE,
  COL_ON_TIME,
  N_NUMBER_COLUMNS,
};

G_STATIC_ASSERT (N_NUMBER_COLUMNS == RECAP_N_COLUMNS - 2);

static RecapNumbers
row_numbers (const SigapReportRecapRow *row)
{
  RecapNumbers numbers = { { 0 } };
  const SigapReportFigures *f = row->figures;

  if (f == NULL)
    {
      numbers.values[COL_ON_TIME] = -1;
      return numbers;
    }

  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    numbers.values[COL_UPLOADS + p] = f->uploads[p];
  numbers.values[COL_LINKS] = f->links_total;
  numbers.values[COL_QUIET] = row_n_quiet (row);
  numbers.values[COL_DUE] = f->complaints_due;
  numbers.values[COL_LATE] = f->complaints_late;
  numbers.values[COL_ON_TIME] = _sigap_export_on_time_percent (f->complaints_due,
                                                              f->complaints_late);

  return numbers;
}

static void
recap_heads (const char **heads)
{
  heads[0] = _("Agency");
  heads[1] = _("Status");
  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    heads[2 + COL_UPLOADS + p] = sigap_platform_to_label (p);
  heads[2 + COL_LINKS] = _("Links");
  heads[2 + COL_QUIET] = _("Quiet accounts");
  heads[2 + COL_DUE] = _("Complaints due");
  heads[2 + COL_LATE] = _("Late");
  heads[2 + COL_ON_TIME] = _("On time");
}

static char *
format_number (guint  column,
               double value)
{
  if (column == COL_ON_TIME)
    return _sigap_export_format_percent (value);

  return _sigap_export_format_count ((gint64) value);
}

/**
 * sigap_report_recap_write_pdf:
 * @template_: the template, for the title
 * @year: the month's year
 * @month: the month, 1 to 12
 * @rows: (element-type SigapReportRecapRow): the agencies
 * @path: where to write the PDF
 * @error: return location for a %SIGAP_REPORT_DOCUMENT_ERROR_WRITE error
 *
 * Prints the recap as a table over A4 landscape pages, with a total row.
 *
 * Returns: whether it was written
 */
gboolean
sigap_report_recap_write_pdf (SigapReportTemplate  *template_,
                              int                   year,
                              int                   month,
                              GPtrArray            *rows,
                              const char           *path,
                              GError              **error)
{
  static const double widths[RECAP_N_COLUMNS] = {
    0.18, 0.09, 0.078, 0.078, 0.078, 0.078, 0.078, 0.055, 0.075, 0.085, 0.06, 0.065,
  };
  g_autoptr(SigapReportFlow) flow = NULL;
  g_autofree char *period = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *pdf_title = NULL;
  const char *heads[RECAP_N_COLUMNS];
  RecapNumbers totals = { { 0 } };
  char *total_cells[RECAP_N_COLUMNS] = { NULL };

  g_return_val_if_fail (template_ != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  flow = _sigap_report_flow_new (RECAP_PAGE_WIDTH, RECAP_PAGE_HEIGHT, RECAP_MARGIN);
  period = _sigap_export_format_period (year, month);

  markup = g_markup_printf_escaped ("<b>%s</b>", sigap_report_template_get_title (template_));
  _sigap_report_flow_add_text (flow, markup, 13, PANGO_ALIGN_CENTER, 0, 0, TRUE);
  g_clear_pointer (&markup, g_free);
  month_text = g_strdup_printf (_("Recap across agencies, %s"), period);
  markup = g_markup_escape_text (month_text, -1);
  _sigap_report_flow_add_text (flow, markup, 10, PANGO_ALIGN_CENTER, 0, 4, TRUE);
  g_clear_pointer (&markup, g_free);
  markup = g_markup_escape_text (_("Facebook to TikTok: uploads on each platform in the month. "
                                   "Links: distinct links shared. Complaints due: deadlines "
                                   "in the month; late: of those, not resolved in time."), -1);
  _sigap_report_flow_add_text (flow, markup, 8, PANGO_ALIGN_LEFT, 0, 10, TRUE);

  recap_heads (heads);
  _sigap_report_flow_begin_table (flow, RECAP_N_COLUMNS, widths, 0xffc);
  _sigap_report_flow_add_row (flow, heads, SIGAP_REPORT_ROW_HEADER);

  for (guint i = 0; i < rows->len; i++)
    {
      const SigapReportRecapRow *row = g_ptr_array_index (rows, i);
      RecapNumbers numbers = row_numbers (row);
      char *cells[RECAP_N_COLUMNS] = { NULL };

      cells[0] = g_strdup (row->opd_name != NULL ? row->opd_name : row->opd_id);
      cells[1] = g_strdup (row_status_label (row));
      for (guint c = 0; c < N_NUMBER_COLUMNS; c++)
        {
          cells[2 + c] = format_number (c, numbers.values[c]);
          if (c != COL_ON_TIME)
            totals.values[c] += numbers.values[c];
        }
      _sigap_report_flow_add_row (flow, (const char * const *) cells, 0);
      for (guint c = 0; c < RECAP_N_COLUMNS; c++)
        g_free (cells[c]);
    }

  totals.values[COL_ON_TIME] = _sigap_export_on_time_percent ((guint) totals.values[COL_DUE],
                                                             (guint) totals.values[COL_LATE]);
  total_cells[0] = g_strdup (_("Total"));
  total_cells[1] = g_strdup ("");
  for (guint c = 0; c < N_NUMBER_COLUMNS; c++)
    total_cells[2 + c] = format_number (c, totals.values[c]);
  _sigap_report_flow_add_row (flow, (const char * const *) total_cells,
                              SIGAP_REPORT_ROW_TOTAL);
  for (guint c = 0; c < RECAP_N_COLUMNS; c++)
    g_free (total_cells[c]);

  _sigap_report_flow_paginate (flow);

  pdf_title = g_strdup_printf ("%s — %s", sigap_report_template_get_title (template_),
                               month_text);
  return _sigap_report_flow_write_pdf (flow, pdf_title, path, error);
}

/**
 * sigap_report_recap_write_xlsx:
 * @template_: the template
 * @year: the month's year
 * @month: the month, 1 to 12
 * @rows: (element-type SigapReportRecapRow): the agencies
 * @path: where to write the workbook
 * @error: return location for a %SIGAP_REPORT_DOCUMENT_ERROR_WRITE error
 *
 * Writes the recap as one worksheet ("Rekap"), figures as numbers.
 *
 * Returns: whether it was written
 */
gboolean
sigap_report_recap_write_xlsx (SigapReportTemplate  *template_,
                               int                   year,
                               int                   month,
                               GPtrArray            *rows,
                               const char           *path,
                               GError              **error)
{
  g_autofree char *temp = NULL;
  g_autofree char *sheet_name = NULL;
  g_autofree char *period = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *bold;
  lxw_format *decimal;
  const char *heads[RECAP_N_COLUMNS];
  lxw_row_t first = 2;

  g_return_val_if_fail (template_ != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  temp = _sigap_export_temp_path (path, error);
  if (temp == NULL)
    return FALSE;

  workbook = workbook_new_opt (temp, &options);
  if (workbook == NULL)
    {
      g_remove (temp);
      _sigap_export_set_write_error (error, path, g_strerror (ENOMEM));
      return FALSE;
    }
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  decimal = workbook_add_format (workbook);
  format_set_num_format (decimal, "0.0");

  /* Translators: a worksheet's name, at most 31 characters */
  sheet_name = _sigap_export_sheet_name (_("Recap"));
  sheet = workbook_add_worksheet (workbook, sheet_name);

  period = _sigap_export_format_period (year, month);
  worksheet_write_string (sheet, 0, 0, sigap_report_template_get_title (template_), bold);
  worksheet_write_string (sheet, 0, 1, period, bold);

  recap_heads (heads);
  for (guint c = 0; c < RECAP_N_COLUMNS; c++)
    worksheet_write_string (sheet, first, (lxw_col_t) c, heads[c], bold);
  worksheet_set_column (sheet, 0, 0, 40, NULL);
  worksheet_set_column (sheet, 1, 1, 14, NULL);
  worksheet_set_column (sheet, 2, RECAP_N_COLUMNS - 1, 12, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const SigapReportRecapRow *row = g_ptr_array_index (rows, i);
      RecapNumbers numbers = row_numbers (row);
      lxw_row_t r = first + 1 + i;

      worksheet_write_string (sheet, r, 0,
                              row->opd_name != NULL ? row->opd_name : row->opd_id, NULL);
      worksheet_write_string (sheet, r, 1, row_status_label (row), NULL);
      for (guint c = 0; c < N_NUMBER_COLUMNS; c++)
        {
          if (numbers.values[c] < 0)
            continue;
          worksheet_write_number (sheet, r, (lxw_col_t) (2 + c), numbers.values[c],
                                  c == COL_ON_TIME ? decimal : NULL);
        }
    }

  return _sigap_export_workbook_close (workbook, temp, path, error);
}

/**
 * sigap_report_recap_write_csv:
 * @year: the month's year
 * @month: the month, 1 to 12
 * @rows: (element-type SigapReportRecapRow): the agencies
 * @path: where to write the CSV file
 * @error: return location for a %SIGAP_REPORT_DOCUMENT_ERROR_WRITE error
 *
 * Writes the recap as CSV (RFC 4180, UTF-8), one row per agency under the
 * header `year,month,opd_id,opd,status,uploads_facebook,uploads_instagram,
 * uploads_x,uploads_youtube,uploads_tiktok,links,quiet_accounts,
 * complaints_due,complaints_late,on_time_percent`. The status is the
 * report's status nick, or `none` without a report; numbers are plain, an
 * unknown one is empty.
 *
 * Returns: whether it was written
 */
gboolean
sigap_report_recap_write_csv (int          year,
                              int          month,
                              GPtrArray   *rows,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *year_text = g_strdup_printf ("%d", year);
  g_autofree char *month_text = g_strdup_printf ("%d", month);

  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _sigap_export_csv_row (csv, "year", "month", "opd_id", "opd", "status",
                         "uploads_facebook", "uploads_instagram", "uploads_x",
                         "uploads_youtube", "uploads_tiktok", "links", "quiet_accounts",
                         "complaints_due", "complaints_late", "on_time_percent", NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const SigapReportRecapRow *row = g_ptr_array_index (rows, i);
      RecapNumbers numbers = row_numbers (row);
      char values[N_NUMBER_COLUMNS][G_ASCII_DTOSTR_BUF_SIZE];

      for (guint c = 0; c < N_NUMBER_COLUMNS; c++)
        {
          if (numbers.values[c] < 0)
            values[c][0] = '\0';
          else if (c == COL_ON_TIME)
            g_ascii_formatd (values[c], sizeof values[c], "%.1f", numbers.values[c]);
          else
            g_snprintf (values[c], sizeof values[c], "%.0f", numbers.values[c]);
        }

      _sigap_export_csv_row (csv, year_text, month_text,
                             row->opd_id != NULL ? row->opd_id : "",
                             row->opd_name != NULL ? row->opd_name : "",
                             row->has_report ? _sigap_export_status_nick (row->status) : "none",
                             values[0], values[1], values[2], values[3], values[4], values[5],
                             values[6], values[7], values[8], values[9], NULL);
    }

  return _sigap_export_write_file (path, csv->str, csv->len, error);
}
