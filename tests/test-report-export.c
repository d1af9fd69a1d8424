/* test-report-export.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The monthly report's document and exports, read back with real tools:
 * pdftotext and pdfinfo (poppler-utils) for the PDFs, LibreOffice for the
 * workbooks, Sigap's own CSV reader for the CSV files. */

#include "config.h"

#include <string.h>

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "sigap-csv.h"
#include "sigap-report-document.h"
#include "sigap-test-utils.h"

#define OPD_NAME    "Dinas Kesehatan"
#define NOTES       "Konten edukasi stunting paling banyak dibagikan, \"video pendek\" terutama."
#define SIGNER      "dr. Siti Rahmawati"
#define SIGNER_NIP  "198001012005012001"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = sigap_test_make_tmpdir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* SIGAP_TEST_KEEP_FILES=1 keeps the exports, to look at them. */
  if (g_getenv ("SIGAP_TEST_KEEP_FILES") == NULL)
    sigap_test_rm_rf (fixture->dir);
  else
    g_printerr ("# kept %s\n", fixture->dir);
  g_free (fixture->dir);
}

/* Helpers */

static SigapReportTemplate *
template_from_string (const char  *json,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;

  json_parser_load_from_data (parser, json, -1, &parse_error);
  g_assert_no_error (parse_error);

  return sigap_report_template_new_from_json (json_node_get_object (json_parser_get_root (parser)),
                                              error);
}

static SigapReportTemplate *
default_template (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "report-template.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  SigapReportTemplate *template_;

  g_file_get_contents (path, &json, NULL, &error);
  g_assert_no_error (error);
  template_ = template_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (template_);

  return template_;
}

static void
add_account (SigapReportFigures *figures,
             const char         *id,
             SigapPlatform       platform,
             const char         *handle,
             gint64              followers,
             gint64              reach,
             gint64              engagement,
             gboolean            quiet)
{
  SigapReportAccount *account = g_new0 (SigapReportAccount, 1);

  account->account_id = g_strdup (id);
  account->platform = platform;
  account->handle = g_strdup (handle);
  account->followers = followers;
  account->reach = reach;
  account->engagement = engagement;
  account->quiet = quiet;
  /* 20 November 2026, noon UTC */
  account->last_published_at = quiet ? 0 : 1795176000;
  g_ptr_array_add (figures->accounts, account);
}

/* Figures with numbers found nowhere else on the page. */
static SigapReportFigures *
make_figures (guint n_extra_accounts)
{
  SigapReportFigures *f = sigap_report_figures_new ("dinkes", 2026, 12);
  static const guint planned[] = { 45, 1300, 20, 4, 9 };
  static const guint published[] = { 41, 1250, 18, 3, 8 };
  static const guint uploads[] = { 43, 1234, 17, 3, 8 };
  static const guint links[] = { 12, 31, 5, 0, 2 };

  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      f->planned[p] = planned[p];
      f->published[p] = published[p];
      f->uploads[p] = uploads[p];
      f->links[p] = links[p];
    }
  f->links_total = 44;
  for (guint c = 0; c < SIGAP_N_CONTENT_CATEGORIES; c++)
    f->categories[c] = 100 + c;
  f->complaints_received = 57;
  f->complaints_resolved = 49;
  f->complaints_due = 40;
  f->complaints_late = 6;
  f->median_first_answer_days = 1.5;
  f->median_resolution_days = -1;

  add_account (f, "acc-ig", SIGAP_PLATFORM_INSTAGRAM, "@dinkes.kab", 12345, 67890, 2345, FALSE);
  add_account (f, "acc-x", SIGAP_PLATFORM_X, "@dinkes_x", -1, -1, -1, TRUE);
  for (guint i = 0; i < n_extra_accounts; i++)
    {
      g_autofree char *id = g_strdup_printf ("acc-extra-%u", i);
      g_autofree char *handle = g_strdup_printf ("@puskesmas%03u", i);

      add_account (f, id, SIGAP_PLATFORM_FACEBOOK, handle, 1000 + i, 5000 + i, 300 + i, FALSE);
    }

  return f;
}

static SigapReportFigures *
make_previous (void)
{
  SigapReportFigures *f = sigap_report_figures_new ("dinkes", 2026, 11);

  add_account (f, "acc-ig", SIGAP_PLATFORM_INSTAGRAM, "@dinkes.kab", 12000, 1, 1, FALSE);
  return f;
}

static SigapReport *
make_report (void)
{
  SigapReport *report = sigap_report_new ();

  sigap_report_set_opd_id (report, "dinkes");
  sigap_report_set_year (report, 2026);
  sigap_report_set_month (report, 12);
  sigap_report_set_status (report, SIGAP_REPORT_STATUS_SUBMITTED);
  sigap_report_set_notes (report, NOTES);
  sigap_report_set_signer_name (report, SIGNER);
  sigap_report_set_signer_nip (report, SIGNER_NIP);

  return report;
}

static SigapReportDocument *
make_document (SigapReportTemplate *template_,
               guint                n_extra_accounts)
{
  g_autoptr(SigapReportFigures) figures = make_figures (n_extra_accounts);
  g_autoptr(SigapReportFigures) previous = make_previous ();
  g_autoptr(SigapReport) report = make_report ();

  return sigap_report_document_new (template_, OPD_NAME, report, figures, previous);
}

/* Runs a tool; FALSE (and the test skipped) when it is not installed. */
static gboolean
find_tool (const char  *name,
           char       **path)
{
  *path = g_find_program_in_path (name);
  if (*path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
      return FALSE;
    }

  return TRUE;
}

static char *
run (const char * const *argv,
     char              **envp)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return g_steal_pointer (&out);
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *tool = NULL;

  if (!find_tool ("pdftotext", &tool))
    return NULL;

  {
    const char *argv[] = { tool, "-layout", "-enc", "UTF-8", pdf, "-", NULL };

    return run (argv, NULL);
  }
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *tool = NULL;
  g_autofree char *info = NULL;
  const char *pages;

  if (!find_tool ("pdfinfo", &tool))
    return 0;

  {
    const char *argv[] = { tool, pdf, NULL };

    info = run (argv, NULL);
  }
  pages = strstr (info, "\nPages:");
  g_assert_nonnull (pages);

  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + 7, " "), NULL,
                                   10);
}

/* Collapses runs of spaces, so that a check does not depend on columns. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("[ \t]+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* Converts every sheet of @xlsx to CSV with LibreOffice, in @dir; the
 * files are named after the workbook and the sheet: book-Sheet.csv. */
static gboolean
libreoffice_sheets (const char *xlsx,
                    const char *dir)
{
  g_autofree char *tool = g_find_program_in_path ("libreoffice");
  g_autofree char *home = g_build_filename (dir, "home", NULL);
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *user_installation = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) envp = g_get_environ ();

  if (tool == NULL)
    tool = g_find_program_in_path ("soffice");
  if (tool == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return FALSE;
    }

  g_mkdir_with_parents (home, 0700);
  profile = g_build_filename (home, "profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, NULL);
  user_installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  envp = g_environ_setenv (envp, "HOME", home, TRUE);
  /* A sanitizer build's options are not LibreOffice's business. */
  envp = g_environ_unsetenv (envp, "LD_PRELOAD");

  {
    /* 44: comma, 34: double quote, 76: UTF-8, 1: from the first line; the
     * last token, -1, exports every sheet to its own file. */
    const char *argv[] = {
      tool, user_installation, "--headless", "--norestore", "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir", dir, xlsx, NULL,
    };

    out = run (argv, envp);
  }
  g_test_message ("libreoffice: %s", out);

  return TRUE;
}

static SigapCsv *
read_csv (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  SigapCsv *csv;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  csv = sigap_csv_parse (data, length, ',', 0, 0, &error);
  g_assert_no_error (error);

  return csv;
}

/* The first row whose first fields are @a, @b (and @c when not NULL). */
static int
find_row (SigapCsv   *csv,
          const char *a,
          const char *b,
          const char *c)
{
  for (guint row = 0; row < sigap_csv_get_n_rows (csv); row++)
    {
      if (g_strcmp0 (sigap_csv_get_field (csv, row, 0), a) == 0 &&
          g_strcmp0 (sigap_csv_get_field (csv, row, 1), b) == 0 &&
          (c == NULL || g_strcmp0 (sigap_csv_get_field (csv, row, 2), c) == 0))
        return (int) row;
    }

  return -1;
}

static char *
find_file (const char *dir,
           const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_suffix (name, suffix))
        return g_build_filename (dir, name, NULL);
    }

  return NULL;
}

/* A 40 × 40 PNG, pure red, in base64. */
static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
red_png_base64 (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 40);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, bytes), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_base64_encode (bytes->data, bytes->len);
}

/* Counts the pixels of @surface that are not white. */
static guint
count_ink (cairo_surface_t *surface,
           guint32          only_colour)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 pixel = row[x] & 0xffffff;

          if (only_colour != 0 ? pixel == only_colour : pixel != 0xffffff)
            n++;
        }
    }

  return n;
}

/* Template */

static void
test_template_default (void)
{
  g_autoptr(SigapReportTemplate) template_ = default_template ();

  g_assert_cmpstr (sigap_report_template_get_title (template_), ==,
                   "Laporan Bulanan Pengelolaan Media Sosial");
  for (guint s = 0; s < SIGAP_REPORT_N_SECTIONS; s++)
    g_assert_true (sigap_report_template_has_section (template_, s));
}

static void
test_template_invalid (void)
{
  static const struct
  {
    const char *json;
    const char *message_part;
  } cases[] = {
    { "{\"format\": 1, \"sections\": [\"posts\", \"weather\"]}", "weather" },
    { "{\"format\": 1, \"sections\": [\"posts\", \"posts\"]}", "posts" },
    { "{\"format\": 1, \"sections\": []}", NULL },
    { "{\"format\": 1}", NULL },
    { "{\"format\": 2, \"sections\": [\"posts\"]}", NULL },
    { "{\"format\": 1, \"sections\": [\"posts\"], \"letterhead\": {\"lines\": [\"A\", 3]}}",
      NULL },
    { "{\"format\": 1, \"sections\": [\"posts\"], \"letterhead\": {\"lines\": \"A\"}}", NULL },
    { "{\"format\": 1, \"sections\": [\"posts\"], \"title\": 5}", NULL },
    /* "not a png" */
    { "{\"format\": 1, \"sections\": [\"posts\"], "
      "\"letterhead\": {\"logo_png\": \"bm90IGEgcG5n\"}}", "PNG" },
    /* A PNG signature and nothing after it */
    { "{\"format\": 1, \"sections\": [\"posts\"], "
      "\"letterhead\": {\"logo_png\": \"iVBORw0KGgo=\"}}", "PNG" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SigapReportTemplate) template_ = template_from_string (cases[i].json, &error);

      g_test_message ("%s", cases[i].json);
      g_assert_null (template_);
      g_assert_error (error, SIGAP_REPORT_DOCUMENT_ERROR, SIGAP_REPORT_DOCUMENT_ERROR_TEMPLATE);
      if (cases[i].message_part != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

static void
test_template_logo_too_large (void)
{
  /* A PNG signature, then more than 512 KiB. */
  gsize length = 600 * 1024;
  g_autofree guchar *big = g_malloc0 (length);
  g_autofree char *base64 = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapReportTemplate) template_ = NULL;

  memcpy (big, "\x89PNG\r\n\x1a\n", 8);
  base64 = g_base64_encode (big, length);
  json = g_strdup_printf ("{\"format\": 1, \"sections\": [\"posts\"], "
                          "\"letterhead\": {\"logo_png\": \"%s\"}}", base64);
  template_ = template_from_string (json, &error);
  g_assert_null (template_);
  g_assert_error (error, SIGAP_REPORT_DOCUMENT_ERROR, SIGAP_REPORT_DOCUMENT_ERROR_TEMPLATE);
  g_assert_nonnull (strstr (error->message, "512"));
}

static void
test_template_logo (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *png = red_png_base64 ();
  g_autofree char *json = g_strdup_printf (
    "{\"format\": 1, \"title\": \"Laporan Uji\", \"letterhead\": {\"lines\": "
    "[\"PEMERINTAH KABUPATEN CONTOH\", \"{opd}\"], \"address\": \"Jl. Merdeka No. 1\", "
    "\"logo_png\": \"%s\"}, \"sections\": [\"posts\", \"signature\"]}", png);
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapReportTemplate) template_ = template_from_string (json, &error);
  g_autoptr(SigapReportDocument) document = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "logo.pdf", NULL);
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_no_error (error);
  g_assert_nonnull (template_);
  g_assert_true (sigap_report_template_has_section (template_, SIGAP_REPORT_SECTION_POSTS));
  g_assert_false (sigap_report_template_has_section (template_, SIGAP_REPORT_SECTION_NOTES));

  document = make_document (template_, 0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SIGAP_REPORT_PAGE_WIDTH,
                                        SIGAP_REPORT_PAGE_HEIGHT);
  cr = cairo_create (surface);
  sigap_report_document_draw_page (document, cr, 0);
  cairo_destroy (cr);
  /* The logo is drawn, 64 points tall: thousands of red pixels. */
  g_assert_cmpuint (count_ink (surface, 0xff0000), >, 2000);
  cairo_surface_destroy (surface);

  g_assert_true (sigap_report_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "PEMERINTAH KABUPATEN CONTOH"));
  g_assert_nonnull (strstr (text, "Jl. Merdeka No. 1"));
  g_assert_nonnull (strstr (text, "Laporan Uji"));
  g_assert_nonnull (strstr (text, "1.234"));
}

/* Document */

static void
test_document_draw (void)
{
  g_autoptr(SigapReportTemplate) template_ = default_template ();
  g_autoptr(SigapReportDocument) document = make_document (template_, 0);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint ink;

  g_assert_cmpuint (sigap_report_document_get_n_pages (document), >=, 1);

  for (guint page = 0; page < sigap_report_document_get_n_pages (document); page++)
    {
      /* Half size, as a preview draws it. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
      cr = cairo_create (surface);
      cairo_scale (cr, 0.5, 0.5);
      sigap_report_document_draw_page (document, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);

      ink = count_ink (surface, 0);
      g_test_message ("page %u: %u pixels of ink", page, ink);
      g_assert_cmpuint (ink, >, 1000);
      /* The background is painted white, not left black. */
      g_assert_cmpuint (ink, <, 298 * 421 / 2);
      cairo_surface_destroy (surface);
    }
}

static void
test_document_pdf (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SigapReportTemplate) template_ = default_template ();
  g_autoptr(SigapReportDocument) document = make_document (template_, 0);
  g_autofree char *pdf = g_build_filename (fixture->dir, "laporan.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  g_assert_true (sigap_report_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  raw = pdf_text (pdf);
  if (raw == NULL)
    return;
  text = squeeze (raw);

  /* The letterhead, the agency, the month. */
  g_assert_nonnull (strstr (text, "PEMERINTAH DAERAH"));
  g_assert_nonnull (strstr (text, OPD_NAME));
  g_assert_nonnull (strstr (text, "2026"));
  /* Posts: Indonesian thousands, the total row. */
  g_assert_nonnull (strstr (text, "Instagram 1.300 1.250 1.234"));
  g_assert_nonnull (strstr (text, "X 20 18 17"));
  g_assert_nonnull (strstr (text, "1.378 1.320 1.305"));
  /* Links and categories. */
  g_assert_nonnull (strstr (text, "44"));
  g_assert_nonnull (strstr (text, "105"));
  /* Complaints: counts, 34 of 40 on time, the medians. */
  g_assert_nonnull (strstr (text, "57"));
  g_assert_nonnull (strstr (text, "85%"));
  g_assert_nonnull (strstr (text, "1,5"));
  /* Accounts: followers, last month's, the change, reach, engagement. */
  g_assert_nonnull (strstr (text, "@dinkes.kab Instagram 12.345 12.000 +345 67.890 2.345"));
  /* The quiet account, never published on. */
  g_assert_nonnull (strstr (text, "@dinkes_x"));
  /* Notes and the signature. */
  g_assert_nonnull (strstr (text, "Konten edukasi stunting"));
  g_assert_nonnull (strstr (text, SIGNER));
  g_assert_nonnull (strstr (text, SIGNER_NIP));

  g_assert_cmpuint (pdf_pages (pdf), ==, sigap_report_document_get_n_pages (document));
}

static void
test_document_paginate (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SigapReportTemplate) template_ = default_template ();
  g_autoptr(SigapReportDocument) short_document = make_document (template_, 0);
  g_autoptr(SigapReportDocument) document = make_document (template_, 120);
  g_autofree char *pdf = g_build_filename (fixture->dir, "panjang.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *footer = NULL;
  guint n_pages = sigap_report_document_get_n_pages (document);

  g_assert_cmpuint (n_pages, >, sigap_report_document_get_n_pages (short_document));
  g_assert_cmpuint (n_pages, >=, 3);

  g_assert_true (sigap_report_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf);
  if (text == NULL)
    return;
  g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);

  /* Every account is there, the last one too, and the table's header is
   * repeated on the pages it continues on. */
  g_assert_nonnull (strstr (text, "@puskesmas000"));
  g_assert_nonnull (strstr (text, "@puskesmas119"));
  g_assert_nonnull (strstr (text, "1.119"));
  g_assert_nonnull (strstr (text, SIGNER_NIP));
  g_assert_cmpuint (count_occurrences (text, "Engagement"), >=, 2);

  /* The footer counts the pages (the tests run untranslated). */
  footer = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, footer));
}

static void
test_document_xlsx (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SigapReportTemplate) template_ = default_template ();
  g_autoptr(SigapReportDocument) document = make_document (template_, 0);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "laporan.xlsx", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "xlsx", NULL);
  g_autofree char *summary_path = NULL;
  g_autofree char *posts_path = NULL;
  g_autofree char *accounts_path = NULL;
  g_autofree char *complaints_path = NULL;
  g_autoptr(SigapCsv) summary = NULL;
  g_autoptr(SigapCsv) posts = NULL;
  g_autoptr(SigapCsv) accounts = NULL;
  g_autoptr(SigapCsv) complaints = NULL;
  g_autoptr(GError) error = NULL;
  const char *other_sheets[] = {
    "-Links.csv", "-Categories.csv", "-Quiet accounts.csv", "-Notes.csv",
  };
  int row;

  g_assert_true (sigap_report_document_write_xlsx (document, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  g_mkdir_with_parents (out, 0700);
  if (!libreoffice_sheets (xlsx, out))
    return;

  /* The tests run untranslated: the sheets have their English names. */
  summary_path = find_file (out, "-Summary.csv");
  posts_path = find_file (out, "-Posts.csv");
  accounts_path = find_file (out, "-Accounts.csv");
  complaints_path = find_file (out, "-Complaints.csv");
  g_assert_nonnull (summary_path);
  g_assert_nonnull (posts_path);
  g_assert_nonnull (accounts_path);
  g_assert_nonnull (complaints_path);
  for (guint i = 0; i < G_N_ELEMENTS (other_sheets); i++)
    {
      g_autofree char *other = find_file (out, other_sheets[i]);

      g_assert_nonnull (other);
    }

  summary = read_csv (summary_path);
  g_assert_cmpint (find_row (summary, "Agency", OPD_NAME, NULL), >, 0);
  g_assert_cmpint (find_row (summary, "Year", "2026", NULL), >, 0);
  g_assert_cmpint (find_row (summary, "Employee ID (NIP)", SIGNER_NIP, NULL), >, 0);

  /* Numbers are numbers: LibreOffice writes them plain, no separators. */
  posts = read_csv (posts_path);
  g_assert_cmpstr (sigap_csv_get_field (posts, 0, 3), ==, "Uploads");
  row = find_row (posts, "Instagram", "1300", "1250");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (sigap_csv_get_field (posts, row, 3), ==, "1234");
  row = find_row (posts, "X", "20", "18");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (sigap_csv_get_field (posts, row, 3), ==, "17");
  row = find_row (posts, "Total", "1378", "1320");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (sigap_csv_get_field (posts, row, 3), ==, "1305");

  accounts = read_csv (accounts_path);
  row = find_row (accounts, "@dinkes.kab", "Instagram", "12345");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (sigap_csv_get_field (accounts, row, 3), ==, "12000");
  g_assert_cmpstr (sigap_csv_get_field (accounts, row, 4), ==, "345");
  g_assert_cmpstr (sigap_csv_get_field (accounts, row, 5), ==, "67890");
  g_assert_cmpstr (sigap_csv_get_field (accounts, row, 6), ==, "2345");
  /* Untyped figures are empty cells. */
  row = find_row (accounts, "@dinkes_x", "X", "");
  g_assert_cmpint (row, >, 0);

  complaints = read_csv (complaints_path);
  g_assert_cmpint (find_row (complaints, "Received in the month", "57", NULL), >, 0);
  g_assert_cmpint (find_row (complaints, "Resolved on time (%)", "85", NULL), >, 0);
  g_assert_cmpint (find_row (complaints, "Median time to the first answer (working days)",
                             "1.5", NULL), >, 0);
  g_assert_cmpint (find_row (complaints, "Median time to resolution (working days)", "",
                             NULL), >, 0);
}

static void
test_document_csv (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SigapReportTemplate) template_ = default_template ();
  g_autoptr(SigapReportDocument) document = make_document (template_, 0);
  g_autofree char *path = g_build_filename (fixture->dir, "laporan.csv", NULL);
  g_autoptr(SigapCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  int row;

  g_assert_true (sigap_report_document_write_csv (document, path, &error));
  g_assert_no_error (error);

  csv = read_csv (path);
  g_assert_cmpstr (sigap_csv_get_encoding (csv), ==, "UTF-8");
  g_assert_cmpuint (sigap_csv_get_n_fields (csv, 0), ==, 5);
  g_assert_cmpstr (sigap_csv_get_field (csv, 0, 0), ==, "section");
  g_assert_cmpstr (sigap_csv_get_field (csv, 0, 4), ==, "value");
  for (guint r = 0; r < sigap_csv_get_n_rows (csv); r++)
    g_assert_cmpuint (sigap_csv_get_n_fields (csv, r), ==, 5);

  row = find_row (csv, "report", "opd", NULL);
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, OPD_NAME);
  row = find_row (csv, "report", "status", NULL);
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, "submitted");

  row = find_row (csv, "posts", "uploads", "instagram");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, "1234");
  row = find_row (csv, "posts", "uploads", "x");
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, "17");
  row = find_row (csv, "posts", "uploads", "total");
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, "1305");
  row = find_row (csv, "links", "links", "total");
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, "44");
  row = find_row (csv, "categories", "announcement", NULL);
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, "105");
  row = find_row (csv, "complaints", "on_time_percent", NULL);
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, "85.0");
  row = find_row (csv, "complaints", "median_first_answer_days", NULL);
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, "1.5");
  row = find_row (csv, "complaints", "median_resolution_days", NULL);
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, "");

  row = find_row (csv, "accounts", "followers", "instagram");
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 3), ==, "@dinkes.kab");
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, "12345");
  row = find_row (csv, "accounts", "followers_last_month", "instagram");
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, "12000");
  row = find_row (csv, "accounts", "followers", "x");
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, "");
  row = find_row (csv, "quiet-accounts", "last_published", "x");
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 3), ==, "@dinkes_x");

  /* The notes hold a comma and quotes: quoted, and read back whole. */
  row = find_row (csv, "notes", "text", NULL);
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, NOTES);
  row = find_row (csv, "signature", "signer_nip", NULL);
  g_assert_cmpstr (sigap_csv_get_field (csv, row, 4), ==, SIGNER_NIP);
}

static void
test_document_write_error (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SigapReportTemplate) template_ = default_template ();
  g_autoptr(SigapReportDocument) document = make_document (template_, 0);
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "laporan.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (sigap_report_document_write_pdf (document, path, &error));
  g_assert_error (error, SIGAP_REPORT_DOCUMENT_ERROR, SIGAP_REPORT_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_assert_false (sigap_report_document_write_xlsx (document, path, &error));
  g_assert_error (error, SIGAP_REPORT_DOCUMENT_ERROR, SIGAP_REPORT_DOCUMENT_ERROR_WRITE);
  g_clear_error (&error);

  g_assert_false (sigap_report_document_write_csv (document, path, &error));
  g_assert_error (error, SIGAP_REPORT_DOCUMENT_ERROR, SIGAP_REPORT_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
}

/* Recap */

static GPtrArray *
make_recap_rows (guint n)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_report_recap_row_free);

  for (guint i = 0; i < n; i++)
    {
      SigapReportRecapRow *row = g_new0 (SigapReportRecapRow, 1);

      row->opd_id = g_strdup_printf ("opd-%u", i);
      row->opd_name = i == 0 ? g_strdup ("Dinas Kesehatan") : g_strdup_printf ("Kecamatan %u", i);
      row->has_report = i != 1;
      row->status = i == 0 ? SIGAP_REPORT_STATUS_ACCEPTED : SIGAP_REPORT_STATUS_DRAFT;
      row->figures = i == 0 ? make_figures (0) : sigap_report_figures_new (row->opd_id, 2026, 12);
      if (i > 0)
        row->figures->uploads[SIGAP_PLATFORM_FACEBOOK] = i;
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static void
test_recap (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SigapReportTemplate) template_ = default_template ();
  g_autoptr(GPtrArray) rows = make_recap_rows (60);
  g_autofree char *pdf = g_build_filename (fixture->dir, "rekap.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "rekap.xlsx", NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "rekap.csv", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "xlsx", NULL);
  g_autofree char *sheet_path = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SigapCsv) csv = NULL;
  g_autoptr(SigapCsv) sheet = NULL;
  g_autoptr(GError) error = NULL;
  int row;

  g_assert_true (sigap_report_recap_write_csv (2026, 12, rows, csv_path, &error));
  g_assert_no_error (error);
  csv = read_csv (csv_path);
  g_assert_cmpuint (sigap_csv_get_n_rows (csv), ==, 61);
  g_assert_cmpstr (sigap_csv_get_field (csv, 0, 2), ==, "opd_id");
  g_assert_cmpstr (sigap_csv_get_field (csv, 1, 3), ==, "Dinas Kesehatan");
  g_assert_cmpstr (sigap_csv_get_field (csv, 1, 4), ==, "accepted");
  g_assert_cmpstr (sigap_csv_get_field (csv, 1, 6), ==, "1234");
  g_assert_cmpstr (sigap_csv_get_field (csv, 1, 7), ==, "17");
  g_assert_cmpstr (sigap_csv_get_field (csv, 1, 10), ==, "44");
  g_assert_cmpstr (sigap_csv_get_field (csv, 1, 11), ==, "1");
  g_assert_cmpstr (sigap_csv_get_field (csv, 1, 14), ==, "85.0");
  g_assert_cmpstr (sigap_csv_get_field (csv, 2, 4), ==, "none");
  g_assert_cmpstr (sigap_csv_get_field (csv, 2, 14), ==, "");

  g_assert_true (sigap_report_recap_write_pdf (template_, 2026, 12, rows, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (sigap_report_recap_write_xlsx (template_, 2026, 12, rows, xlsx, &error));
  g_assert_no_error (error);

  raw = pdf_text (pdf);
  if (raw == NULL)
    return;
  text = squeeze (raw);
  g_assert_nonnull (strstr (text, "Dinas Kesehatan Accepted 43 1.234 17 3 8 44 1 40 6 85%"));
  g_assert_nonnull (strstr (text, "Kecamatan 1 No report"));
  g_assert_nonnull (strstr (text, "Kecamatan 59"));
  /* 60 agencies do not fit on one landscape page. */
  g_assert_cmpuint (pdf_pages (pdf), >=, 2);

  g_mkdir_with_parents (out, 0700);
  if (!libreoffice_sheets (xlsx, out))
    return;
  sheet_path = find_file (out, "-Recap.csv");
  g_assert_nonnull (sheet_path);
  sheet = read_csv (sheet_path);
  row = find_row (sheet, "Dinas Kesehatan", "Accepted", "43");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (sigap_csv_get_field (sheet, row, 3), ==, "1234");
  g_assert_cmpstr (sigap_csv_get_field (sheet, row, 4), ==, "17");
  g_assert_cmpstr (sigap_csv_get_field (sheet, row, 8), ==, "1");
  g_assert_cmpstr (sigap_csv_get_field (sheet, row, 9), ==, "40");
  g_assert_cmpint (find_row (sheet, "Kecamatan 59", "Draft", "59"), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-export/template/default", test_template_default);
  g_test_add_func ("/report-export/template/invalid", test_template_invalid);
  g_test_add_func ("/report-export/template/logo-too-large", test_template_logo_too_large);
  g_test_add ("/report-export/template/logo", Fixture, NULL,
              fixture_set_up, test_template_logo, fixture_tear_down);
  g_test_add_func ("/report-export/document/draw", test_document_draw);
  g_test_add ("/report-export/document/pdf", Fixture, NULL,
              fixture_set_up, test_document_pdf, fixture_tear_down);
  g_test_add ("/report-export/document/paginate", Fixture, NULL,
              fixture_set_up, test_document_paginate, fixture_tear_down);
  g_test_add ("/report-export/document/xlsx", Fixture, NULL,
              fixture_set_up, test_document_xlsx, fixture_tear_down);
  g_test_add ("/report-export/document/csv", Fixture, NULL,
              fixture_set_up, test_document_csv, fixture_tear_down);
  g_test_add ("/report-export/document/write-error", Fixture, NULL,
              fixture_set_up, test_document_write_error, fixture_tear_down);
  g_test_add ("/report-export/recap", Fixture, NULL,
              fixture_set_up, test_recap, fixture_tear_down);

  status = g_test_run ();

  /* Drop Pango's, cairo's and fontconfig's caches, so that the sanitizer's
   * leak check reports only what the exports leave behind. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();

  return status;
}
