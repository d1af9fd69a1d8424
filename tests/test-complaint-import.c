/* test-complaint-import.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sigap-test-utils.h"

/* Helpers {{{ */

static GTimeZone *
wib (void)
{
  return g_time_zone_new_identifier ("Asia/Jakarta");
}

static gint64
at (int   year,
    int   month,
    int   day,
    int   hour,
    int   minute,
    int   second,
    int   offset_hours)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (offset_hours * 3600);
  g_autoptr(GDateTime) datetime = g_date_time_new (zone, year, month, day, hour, minute, second);

  g_assert_nonnull (datetime);

  return g_date_time_to_unix (datetime);
}

static SigapCsv *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  SigapCsv *csv = sigap_csv_parse (text, strlen (text), 0, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);

  return csv;
}

static void
assert_row (SigapCsv           *csv,
            guint               row,
            const char * const *fields)
{
  guint n = g_strv_length ((char **) fields);

  g_assert_cmpuint (sigap_csv_get_n_fields (csv, row), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (sigap_csv_get_field (csv, row, i), ==, fields[i]);
}

#define ROW(...) ((const char * const[]) { __VA_ARGS__, NULL })

static SigapComplaintImport *
import_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  SigapComplaintImport *import;

  import = sigap_complaint_import_new_from_data (text, strlen (text), "aduan.csv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static SigapComplaintImport *
import_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lapor-sample.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SigapComplaintImport *import;

  import = sigap_complaint_import_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static SigapImportProblem *
problem_of_row (SigapComplaintImport *import,
                guint                 row)
{
  GPtrArray *problems = sigap_complaint_import_get_problems (import);

  for (guint i = 0; i < problems->len; i++)
    {
      SigapImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->row == row)
        return problem;
    }

  return NULL;
}

static guint
n_problems_of_row (SigapComplaintImport *import,
                   guint                 row)
{
  GPtrArray *problems = sigap_complaint_import_get_problems (import);
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    n += ((SigapImportProblem *) g_ptr_array_index (problems, i))->row == row;

  return n;
}

static SigapComplaint *
complaint_of_row (SigapComplaintImport *import,
                  guint                 row)
{
  GPtrArray *complaints = sigap_complaint_import_get_complaints (import);

  for (guint i = 0; i < complaints->len; i++)
    if (sigap_complaint_import_get_complaint_row (import, i) == row)
      return g_ptr_array_index (complaints, i);

  return NULL;
}

static gint64
count_rows (SigapStore *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (sigap_store_get_connection (store), sql, -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static void
exec (SigapStore *store,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (sigap_store_get_connection (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* }}} */

/* The store {{{ */

typedef struct
{
  char *dir;
  SigapStore *store;
  SigapOpd *opd;
  GTimeZone *zone;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sigap_test_make_tmpdir ();
  path = g_build_filename (f->dir, "sigap.db", NULL);
  f->store = sigap_store_open (path, &error);
  g_assert_no_error (error);

  f->opd = sigap_opd_new ();
  sigap_opd_set_code (f->opd, "DISKOMINFO");
  sigap_opd_set_name (f->opd, "Dinas Komunikasi dan Informatika");
  sigap_opd_set_time_zone (f->opd, "Asia/Jakarta");
  sigap_store_insert_opd (f->store, f->opd, &error);
  g_assert_no_error (error);

  f->zone = wib ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->opd);
  g_clear_object (&f->store);
  g_clear_pointer (&f->zone, g_time_zone_unref);
  sigap_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

static int
count_commits_cb (void *data)
{
  (*(guint *) data)++;

  return 0;
}

/* }}} */

/* The CSV reader {{{ */

static void
test_csv_quotes (void)
{
  g_autoptr(SigapCsv) csv = parse ("a,\"b,c\",\"d\"\"e\",\"\"\n"
                                   "\"x\"y,z\"w,\"\"\"\"\n");

  g_assert_cmpint (sigap_csv_get_separator (csv), ==, ',');
  g_assert_cmpuint (sigap_csv_get_n_rows (csv), ==, 2);
  assert_row (csv, 0, ROW ("a", "b,c", "d\"e", ""));
  /* After a closing quote the rest is kept; a quote inside an unquoted
   * field is an ordinary character. */
  assert_row (csv, 1, ROW ("xy", "z\"w", "\""));
}

static void
test_csv_newlines (void)
{
  g_autoptr(SigapCsv) crlf = parse ("isi,kanal\r\n\"baris satu\r\nbaris dua\",IG\r\n"
                                    "\"lone\rcr\",FB\r\n");
  g_autoptr(SigapCsv) cr = parse ("a,b\rc,d\r");
  g_autoptr(SigapCsv) no_end = parse ("a,b\nc,d");
  g_autoptr(SigapCsv) trailing = parse ("a,b\nc,\n");

  g_assert_cmpuint (sigap_csv_get_n_rows (crlf), ==, 3);
  assert_row (crlf, 0, ROW ("isi", "kanal"));
  assert_row (crlf, 1, ROW ("baris satu\nbaris dua", "IG"));
  assert_row (crlf, 2, ROW ("lone\ncr", "FB"));

  g_assert_cmpuint (sigap_csv_get_n_rows (cr), ==, 2);
  assert_row (cr, 1, ROW ("c", "d"));

  g_assert_cmpuint (sigap_csv_get_n_rows (no_end), ==, 2);
  assert_row (no_end, 1, ROW ("c", "d"));

  /* A final line break ends the row; a final separator is an empty field. */
  g_assert_cmpuint (sigap_csv_get_n_rows (trailing), ==, 2);
  assert_row (trailing, 1, ROW ("c", ""));
}

static void
test_csv_bom (void)
{
  g_autoptr(SigapCsv) csv = parse ("\xef\xbb\xbfNo. Tiket;Isi\n1;Jalan rusak\n");
  g_autoptr(SigapCsv) plain = parse ("a,b\n");

  g_assert_true (sigap_csv_get_had_bom (csv));
  g_assert_false (sigap_csv_get_had_bom (plain));
  assert_row (csv, 0, ROW ("No. Tiket", "Isi"));
  g_assert_cmpstr (sigap_csv_get_encoding (csv), ==, "UTF-8");
}

static void
test_csv_separators (void)
{
  g_autoptr(SigapCsv) semicolon = parse ("Tanggal;Isi;Kanal\n"
                                         "17/07/2025;Jalan rusak, parah sekali;IG\n"
                                         "18/07/2025;Lampu mati, gelap;FB\n");
  g_autoptr(SigapCsv) tab = parse ("Tanggal\tIsi, aduan\tKanal\n17/07/2025\tJalan; rusak\tIG\n");
  g_autoptr(SigapCsv) comma = parse ("Tanggal,Isi,Kanal\n17/07/2025,\"Jalan; rusak; parah\",IG\n");
  g_autoptr(SigapCsv) hint = parse ("sep=|\nA|B;C\n1|2;3\n");
  g_autoptr(SigapCsv) forced = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sigap_csv_get_separator (semicolon), ==, ';');
  assert_row (semicolon, 1, ROW ("17/07/2025", "Jalan rusak, parah sekali", "IG"));

  g_assert_cmpint (sigap_csv_get_separator (tab), ==, '\t');
  assert_row (tab, 1, ROW ("17/07/2025", "Jalan; rusak", "IG"));

  g_assert_cmpint (sigap_csv_get_separator (comma), ==, ',');
  assert_row (comma, 1, ROW ("17/07/2025", "Jalan; rusak; parah", "IG"));

  /* Excel's "sep=" line chooses, and is no row. */
  g_assert_cmpint (sigap_csv_get_separator (hint), ==, '|');
  g_assert_cmpuint (sigap_csv_get_n_rows (hint), ==, 2);
  assert_row (hint, 0, ROW ("A", "B;C"));

  forced = sigap_csv_parse ("a;b,c\n", 6, ',', 0, 0, &error);
  g_assert_no_error (error);
  assert_row (forced, 0, ROW ("a;b", "c"));
}

static void
test_csv_ragged_and_blank (void)
{
  g_autoptr(SigapCsv) csv = parse ("a,b,c\n\n1\n1,2,3,4\n   \n,,\n");

  /* Blank lines stay rows, so numbers are those of a spreadsheet. */
  g_assert_cmpuint (sigap_csv_get_n_rows (csv), ==, 6);
  g_assert_cmpuint (sigap_csv_get_n_fields (csv, 1), ==, 1);
  g_assert_true (sigap_csv_row_is_blank (csv, 1));
  assert_row (csv, 2, ROW ("1"));
  g_assert_null (sigap_csv_get_field (csv, 2, 1));
  assert_row (csv, 3, ROW ("1", "2", "3", "4"));
  g_assert_true (sigap_csv_row_is_blank (csv, 4));
  g_assert_true (sigap_csv_row_is_blank (csv, 5));
  g_assert_false (sigap_csv_row_is_blank (csv, 3));
}

static void
test_csv_windows_1252 (void)
{
  const char *text = "Nama,Isi\nJos\xe9,Caf\xe9 \x93kopi\x94 \x96 tutup\n";
  g_autoptr(SigapCsv) csv = parse (text);
  g_autoptr(SigapComplaintImport) import = import_text (text);
  const char * const *notices = sigap_complaint_import_get_notices (import);
  g_autoptr(SigapComplaintImport) utf8 = import_text ("Nama,Isi\nJosé,Kafe\n");

  g_assert_cmpstr (sigap_csv_get_encoding (csv), ==, "WINDOWS-1252");
  assert_row (csv, 1, ROW ("José", "Café “kopi” – tutup"));

  g_assert_nonnull (notices[0]);
  g_assert_nonnull (strstr (notices[0], "Windows-1252"));
  g_assert_null (notices[1]);
  g_assert_null (sigap_complaint_import_get_notices (utf8)[0]);
}

static void
test_csv_utf16 (void)
{
  /* Excel's "Unicode text": UTF-16LE with a BOM, tab-separated. */
  static const char data[] = "\xff\xfe" "I\0s\0i\0\t\0K\0a\0n\0a\0l\0\n\0"
                             "J\0a\0l\0a\0n\0\t\0I\0G\0\n\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapCsv) csv = sigap_csv_parse (data, sizeof data - 1, 0, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sigap_csv_get_encoding (csv), ==, "UTF-16LE");
  g_assert_cmpint (sigap_csv_get_separator (csv), ==, '\t');
  assert_row (csv, 0, ROW ("Isi", "Kanal"));
  assert_row (csv, 1, ROW ("Jalan", "IG"));
}

static void
assert_refused (const char    *data,
                gsize          length,
                gsize          max_bytes,
                guint          max_rows,
                SigapCsvError  code,
                const char    *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapCsv) csv = sigap_csv_parse (data, length, 0, max_bytes, max_rows, &error);

  g_assert_null (csv);
  g_assert_error (error, SIGAP_CSV_ERROR, (int) code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in “%s”", in_message, error->message);
}

static void
test_csv_refused (void)
{
  /* 0x81 is not a character of Windows-1252 either. */
  assert_refused ("Isi\nJalan \x81 rusak\n", 18, 0, 0, SIGAP_CSV_ERROR_ENCODING, "UTF-8");
  assert_refused ("Isi\nJalan\0rusak\n", 16, 0, 0, SIGAP_CSV_ERROR_NOT_CSV, NULL);
  assert_refused ("PK\x03\x04\x14\0\x06\0", 8, 0, 0, SIGAP_CSV_ERROR_NOT_CSV, "CSV");
  assert_refused ("", 0, 0, 0, SIGAP_CSV_ERROR_EMPTY, NULL);
  assert_refused ("\n\r\n\n", 4, 0, 0, SIGAP_CSV_ERROR_EMPTY, NULL);
  assert_refused ("a,b\n1,2\n\"3,4\n5,6\n", 17, 0, 0, SIGAP_CSV_ERROR_UNCLOSED_QUOTE,
                  "Row 3:");
}

static void
test_csv_limits (void)
{
  g_autoptr(GString) big = g_string_new ("isi\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapCsv) at_limit = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (big, "aduan %u\n", i);

  assert_refused (big->str, big->len, big->len - 1, 0, SIGAP_CSV_ERROR_TOO_LARGE, "MB");
  assert_refused (big->str, big->len, 0, 99, SIGAP_CSV_ERROR_TOO_MANY_ROWS, "99");

  at_limit = sigap_csv_parse (big->str, big->len, 0, big->len, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_csv_get_n_rows (at_limit), ==, 101);
}

static void
test_csv_header_names (void)
{
  static const struct { const char *header; const char *folded; } cases[] = {
    { "No. Tiket", "notiket" },
    { "NO_TIKET", "notiket" },
    { "Kelurahan/Desa", "kelurahandesa" },
    { "  Tracking ID ", "trackingid" },
    { "Tanggal (dd/mm/yyyy)", "tanggalddmmyyyy" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = sigap_csv_normalize_header (cases[i].header);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

/* }}} */

/* Values {{{ */

static void
test_parse_dates (void)
{
  static const struct
  {
    const char *text;
    int y, mo, d, h, mi, s, offset;
  } good[] = {
    { "17/07/2025 09:15", 2025, 7, 17, 9, 15, 0, 7 },
    { "17/7/2025 9:15", 2025, 7, 17, 9, 15, 0, 7 },
    { "17-07-2025", 2025, 7, 17, 0, 0, 0, 7 },
    { "17.07.2025 09.15", 2025, 7, 17, 9, 15, 0, 7 },
    { "17/07/25", 2025, 7, 17, 0, 0, 0, 7 },
    { "2025-07-17 09:15:00", 2025, 7, 17, 9, 15, 0, 7 },
    { "2025-07-17T09:15:30.250", 2025, 7, 17, 9, 15, 30, 7 },
    { "2025-07-17T09:15:00+08:00", 2025, 7, 17, 9, 15, 0, 8 },
    { "2025-07-17T02:15:00Z", 2025, 7, 17, 2, 15, 0, 0 },
    { "2025-07-17 09:15:00 +0900", 2025, 7, 17, 9, 15, 0, 9 },
    { "17 Juli 2025 09.15", 2025, 7, 17, 9, 15, 0, 7 },
    { "17 Juli 2025", 2025, 7, 17, 0, 0, 0, 7 },
    { "Kamis, 17 Juli 2025 09.15", 2025, 7, 17, 9, 15, 0, 7 },
    { "Jum'at, 18 Juli 2025", 2025, 7, 18, 0, 0, 0, 7 },
    { "17 Agt 2025", 2025, 8, 17, 0, 0, 0, 7 },
    { "17 Agustus 2025 pukul 10.00 WITA", 2025, 8, 17, 10, 0, 0, 8 },
    { "17 Des. 2025 21:00 WIT", 2025, 12, 17, 21, 0, 0, 9 },
    { "17-Jul-2025 09:15", 2025, 7, 17, 9, 15, 0, 7 },
    { "July 17, 2025 9:15 PM", 2025, 7, 17, 21, 15, 0, 7 },
    { "17/07/2025 12:05 AM", 2025, 7, 17, 0, 5, 0, 7 },
    { "17/07/2025 09:15 UTC+8", 2025, 7, 17, 9, 15, 0, 8 },
    { "  17/07/2025 09:15  ", 2025, 7, 17, 9, 15, 0, 7 },
    { "29/02/2024", 2024, 2, 29, 0, 0, 0, 7 },
    /* A spreadsheet's serial number: 45855 is 17 July 2025. */
    { "45855.385416667", 2025, 7, 17, 9, 15, 0, 7 },
    { "45855", 2025, 7, 17, 0, 0, 0, 7 },
  };
  static const char * const bad[] = {
    "", "-", "32/13/2025", "31/04/2025", "29/02/2025", "07/17/2025", "17/07/2025 25:00",
    "17/07/2025 09:60", "17/07", "2025-07", "17 Juli", "17 Juni 2025 jam", "besok",
    "17/07-2025", "17/07/2025 09:15 XYZ", "20250717", "17 Julei 2025", "12345",
    "17/07/2025 09:15 +15:00", "17/07/2025 13:00 PM",
  };
  g_autoptr(GTimeZone) zone = wib ();

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 time = 0;

      if (!sigap_complaint_import_parse_date (good[i].text, zone, &time))
        g_error ("“%s” was not read", good[i].text);
      g_assert_cmpint (time, ==, at (good[i].y, good[i].mo, good[i].d, good[i].h, good[i].mi,
                                     good[i].s, good[i].offset));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 time = 0;

      if (sigap_complaint_import_parse_date (bad[i], zone, &time))
        g_error ("“%s” was read", bad[i]);
    }
}

static void
test_parse_zone (void)
{
  g_autoptr(GTimeZone) wita = g_time_zone_new_identifier ("Asia/Makassar");
  gint64 time = 0;

  /* A time without a zone is the OPD's. */
  g_assert_true (sigap_complaint_import_parse_date ("17/07/2025 09:15", wita, &time));
  g_assert_cmpint (time, ==, at (2025, 7, 17, 9, 15, 0, 8));
  g_assert_true (sigap_complaint_import_parse_date ("17/07/2025 09:15 WIB", wita, &time));
  g_assert_cmpint (time, ==, at (2025, 7, 17, 9, 15, 0, 7));
}

static void
test_parse_channels (void)
{
  static const struct { const char *text; SigapChannel channel; } good[] = {
    { "Instagram", SIGAP_CHANNEL_INSTAGRAM },
    { "IG", SIGAP_CHANNEL_INSTAGRAM },
    { "Komentar Instagram", SIGAP_CHANNEL_INSTAGRAM },
    { "DM IG", SIGAP_CHANNEL_INSTAGRAM },
    { "Facebook", SIGAP_CHANNEL_FACEBOOK },
    { "FB", SIGAP_CHANNEL_FACEBOOK },
    { "X", SIGAP_CHANNEL_X },
    { "Twitter", SIGAP_CHANNEL_X },
    { "X/Twitter", SIGAP_CHANNEL_X },
    { "Mention di X", SIGAP_CHANNEL_X },
    { "TikTok", SIGAP_CHANNEL_TIKTOK },
    { "YouTube", SIGAP_CHANNEL_YOUTUBE },
    { "LAPOR", SIGAP_CHANNEL_LAPOR },
    { "SP4N-LAPOR!", SIGAP_CHANNEL_LAPOR },
    { "Web", SIGAP_CHANNEL_WEB_FORM },
    { "Formulir", SIGAP_CHANNEL_WEB_FORM },
    { "Formulir Web", SIGAP_CHANNEL_WEB_FORM },
    { "Langsung", SIGAP_CHANNEL_WALK_IN },
    { "Datang langsung", SIGAP_CHANNEL_WALK_IN },
    { "  datang LANGSUNG ", SIGAP_CHANNEL_WALK_IN },
  };
  static const char * const bad[] = {
    "WhatsApp", "SMS 1708", "Email", "FB atau IG", "", "Telepon", "Xyz",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      SigapChannel channel = SIGAP_CHANNEL_WALK_IN + 1;

      if (!sigap_complaint_import_parse_channel (good[i].text, &channel))
        g_error ("“%s” was not read", good[i].text);
      g_assert_cmpint (channel, ==, good[i].channel);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      SigapChannel channel;

      if (sigap_complaint_import_parse_channel (bad[i], &channel))
        g_error ("“%s” was read", bad[i]);
    }
}

static void
test_parse_kinds (void)
{
  static const struct { const char *text; SigapComplaintKind kind; } good[] = {
    { "Aspirasi", SIGAP_COMPLAINT_KIND_ASPIRATION },
    { "saran", SIGAP_COMPLAINT_KIND_ASPIRATION },
    { "Pengaduan", SIGAP_COMPLAINT_KIND_COMPLAINT },
    { "Keluhan", SIGAP_COMPLAINT_KIND_COMPLAINT },
    { "Permintaan Informasi", SIGAP_COMPLAINT_KIND_INFORMATION },
    { "PERMINTAAN INFORMASI", SIGAP_COMPLAINT_KIND_INFORMATION },
    { "Pertanyaan", SIGAP_COMPLAINT_KIND_INFORMATION },
  };
  SigapComplaintKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      kind = SIGAP_COMPLAINT_KIND_INFORMATION + 1;
      g_assert_true (sigap_complaint_import_parse_kind (good[i].text, &kind));
      g_assert_cmpint (kind, ==, good[i].kind);
    }

  g_assert_false (sigap_complaint_import_parse_kind ("Whistle Blowing System", &kind));
  g_assert_false (sigap_complaint_import_parse_kind ("Aspirasi dan pengaduan", &kind));
}

/* }}} */

/* The SP4N-LAPOR! preset {{{ */

static void
assert_problem (SigapComplaintImport   *import,
                guint                   row,
                SigapImportProblemKind  kind,
                const char             *column_name,
                const char             *in_message)
{
  SigapImportProblem *problem = problem_of_row (import, row);
  g_autofree char *prefix = g_strdup_printf ("Row %u", row);

  if (problem == NULL)
    g_error ("Row %u has no problem", row);
  g_assert_cmpint (problem->kind, ==, kind);
  g_assert_cmpstr (problem->column_name, ==, column_name);
  g_assert_true (g_str_has_prefix (problem->message, prefix));
  if (strstr (problem->message, in_message) == NULL)
    g_error ("“%s” is not in “%s”", in_message, problem->message);
  g_assert_null (complaint_of_row (import, row));
}

static void
test_lapor_preset (void)
{
  g_autoptr(SigapComplaintImport) import = import_sample ();
  g_autoptr(GTimeZone) zone = wib ();
  g_autoptr(GError) error = NULL;
  SigapImportMapping mapping;
  SigapComplaint *complaint;

  g_assert_cmpstr (sigap_complaint_import_get_file_name (import), ==, "lapor-sample.csv");
  g_assert_cmpint (sigap_complaint_import_detect_preset (import), ==, SIGAP_IMPORT_PRESET_LAPOR);
  g_assert_true (sigap_complaint_import_map_lapor (import, &mapping));

  g_assert_cmpint (mapping.preset, ==, SIGAP_IMPORT_PRESET_LAPOR);
  g_assert_cmpint (mapping.default_channel, ==, SIGAP_CHANNEL_LAPOR);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_EXTERNAL_REF], ==, 1);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_RECEIVED_AT], ==, 2);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_TITLE], ==, 3);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_BODY], ==, 4);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_CATEGORY], ==, 5);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_KIND], ==, 6);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_CHANNEL], ==, SIGAP_IMPORT_NO_COLUMN);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_LOCATION], ==, 8);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_DESA], ==, 9);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_CITIZEN_NAME], ==, 10);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_STATUS], ==, 11);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_KECAMATAN], ==, SIGAP_IMPORT_NO_COLUMN);

  g_assert_true (sigap_complaint_import_preview (import, &mapping, zone, NULL, &error));
  g_assert_no_error (error);

  /* Eleven rows (row 10 is blank): seven good, four left out. */
  g_assert_cmpuint (sigap_complaint_import_get_n_rows (import), ==, 11);
  g_assert_cmpuint (sigap_complaint_import_get_complaints (import)->len, ==, 7);
  g_assert_cmpuint (sigap_complaint_import_get_n_problem_rows (import), ==, 4);
  g_assert_cmpuint (sigap_complaint_import_get_problems (import)->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_test_message ("%s", ((SigapImportProblem *) g_ptr_array_index (
                             sigap_complaint_import_get_problems (import), i))->message);

  assert_problem (import, 5, SIGAP_IMPORT_PROBLEM_INVALID, "Tanggal Laporan",
                  "the date “32/13/2025 10:00” (column “Tanggal Laporan”) cannot be read");
  assert_problem (import, 6, SIGAP_IMPORT_PROBLEM_MISSING, "Isi Laporan", "is empty");
  assert_problem (import, 7, SIGAP_IMPORT_PROBLEM_INVALID, "Klasifikasi",
                  "“Whistle Blowing System”");
  assert_problem (import, 8, SIGAP_IMPORT_PROBLEM_DUPLICATE, "No. Tiket", "repeats row 2");
  g_assert_null (problem_of_row (import, 10));

  complaint = complaint_of_row (import, 2);
  g_assert_nonnull (complaint);
  g_assert_cmpstr (sigap_complaint_get_body (complaint), ==,
                   "Jalan berlubang di Jl. Diponegoro\n\nMohon perbaikan jalan di Jl. "
                   "Diponegoro depan SD Negeri 2, lubangnya makin dalam dan sudah ada "
                   "pengendara motor yang jatuh.");
  g_assert_cmpint (sigap_complaint_get_received_at (complaint), ==, at (2025, 7, 17, 9, 15, 0, 7));
  g_assert_cmpint (sigap_complaint_get_channel (complaint), ==, SIGAP_CHANNEL_LAPOR);
  g_assert_cmpint (sigap_complaint_get_kind (complaint), ==, SIGAP_COMPLAINT_KIND_COMPLAINT);
  g_assert_cmpint (sigap_complaint_get_status (complaint), ==, SIGAP_COMPLAINT_STATUS_RECEIVED);
  g_assert_cmpstr (sigap_complaint_get_category (complaint), ==, "Infrastruktur");
  g_assert_cmpstr (sigap_complaint_get_kecamatan (complaint), ==, "Sukamaju");
  g_assert_cmpstr (sigap_complaint_get_desa (complaint), ==, "Kauman");
  g_assert_cmpstr (sigap_complaint_get_citizen_name (complaint), ==, "Budi Santoso");
  g_assert_null (sigap_complaint_get_id (complaint));
  g_assert_null (sigap_complaint_get_tracking_number (complaint));

  /* An anonymous citizen, a location without prefix, "Desa" dropped. */
  complaint = complaint_of_row (import, 3);
  g_assert_nonnull (complaint);
  g_assert_null (sigap_complaint_get_citizen_name (complaint));
  g_assert_cmpstr (sigap_complaint_get_kecamatan (complaint), ==, "Karangrejo");
  g_assert_cmpstr (sigap_complaint_get_desa (complaint), ==, "Jatisari");
  g_assert_cmpint (sigap_complaint_get_kind (complaint), ==, SIGAP_COMPLAINT_KIND_ASPIRATION);
  g_assert_cmpint (sigap_complaint_get_received_at (complaint), ==,
                   at (2025, 7, 17, 13, 40, 0, 7));

  /* A text over two lines, with quotes. */
  complaint = complaint_of_row (import, 4);
  g_assert_nonnull (complaint);
  g_assert_nonnull (strstr (sigap_complaint_get_body (complaint),
                            "bulan ini?\nAnak saya belum dapat \"kartu kuning\""));
  g_assert_cmpint (sigap_complaint_get_kind (complaint), ==, SIGAP_COMPLAINT_KIND_INFORMATION);
  g_assert_cmpint (sigap_complaint_get_received_at (complaint), ==, at (2025, 7, 18, 8, 5, 0, 7));

  /* Kecamatan and desa from one location. */
  complaint = complaint_of_row (import, 11);
  g_assert_nonnull (complaint);
  g_assert_cmpstr (sigap_complaint_get_kecamatan (complaint), ==, "Purwosari");
  g_assert_cmpstr (sigap_complaint_get_desa (complaint), ==, "Purworejo");

  complaint = complaint_of_row (import, 13);
  g_assert_nonnull (complaint);
  g_assert_cmpint (sigap_complaint_get_received_at (complaint), ==,
                   at (2025, 7, 21, 19, 30, 0, 7));
}

static void
test_lapor_commit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SigapComplaintImport) import = import_sample ();
  g_autoptr(SigapComplaintImport) again = import_sample ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  SigapImportMapping mapping;
  guint commits = 0;
  int n;

  g_assert_true (sigap_complaint_import_map_lapor (import, &mapping));
  g_assert_true (sigap_complaint_import_preview (import, &mapping, f->zone, f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_complaint_import_get_complaints (import)->len, ==, 7);

  sqlite3_commit_hook (sigap_store_get_connection (f->store), count_commits_cb, &commits);
  n = sigap_complaint_import_commit (import, f->store, sigap_opd_get_id (f->opd), "user-1",
                                     NULL, f->zone, &error);
  sqlite3_commit_hook (sigap_store_get_connection (f->store), NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 7);

  /* One transaction for seven complaints and seven events. */
  g_assert_cmpuint (commits, ==, 1);
  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, 7);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM complaint_event"), ==, 7);

  /* The preview's complaints are left as they were. */
  g_assert_null (sigap_complaint_get_id (g_ptr_array_index (
                   sigap_complaint_import_get_complaints (import), 0)));

  stored = sigap_store_list_complaints (f->store, NULL, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 7);

  for (guint i = 0; i < stored->len; i++)
    {
      SigapComplaint *complaint = g_ptr_array_index (stored, i);
      g_autoptr(GPtrArray) events = NULL;
      SigapComplaintEvent *event;
      const char *tracking = sigap_complaint_get_tracking_number (complaint);
      gint64 due;

      g_assert_true (g_str_has_prefix (tracking, "ADU-2025-"));
      g_assert_cmpuint (strlen (tracking), ==, strlen ("ADU-2025-000001"));
      g_assert_cmpint (sigap_complaint_get_status (complaint), ==,
                       SIGAP_COMPLAINT_STATUS_RECEIVED);
      g_assert_cmpstr (sigap_complaint_get_opd_id (complaint), ==, sigap_opd_get_id (f->opd));
      g_assert_cmpint (sigap_complaint_get_channel (complaint), ==, SIGAP_CHANNEL_LAPOR);

      due = sigap_sla_deadline (NULL, NULL, SIGAP_SLA_STEP_VERIFICATION,
                                sigap_complaint_get_kind (complaint), FALSE,
                                sigap_complaint_get_received_at (complaint), f->zone, NULL);
      g_assert_cmpint (due, >, 0);
      g_assert_cmpint (sigap_complaint_get_due_at (complaint), ==, due);

      events = sigap_store_list_complaint_events (f->store, sigap_complaint_get_id (complaint),
                                                  &error);
      g_assert_no_error (error);
      g_assert_cmpuint (events->len, ==, 1);
      event = g_ptr_array_index (events, 0);
      g_assert_cmpstr (sigap_complaint_event_get_action (event), ==,
                       SIGAP_COMPLAINT_IMPORT_EVENT_ACTION);
      g_assert_cmpstr (sigap_complaint_event_get_actor_id (event), ==, "user-1");
      g_assert_cmpint (sigap_complaint_event_get_to_status (event), ==,
                       SIGAP_COMPLAINT_STATUS_RECEIVED);
      g_assert_cmpint (sigap_complaint_event_get_created_at (event), ==,
                       sigap_complaint_get_received_at (complaint));
      g_assert_true (g_str_has_prefix (sigap_complaint_event_get_note (event),
                                       "Imported from row "));
      g_assert_nonnull (strstr (sigap_complaint_event_get_note (event),
                                "of the SP4N-LAPOR! export “lapor-sample.csv”."));
      g_assert_nonnull (strstr (sigap_complaint_event_get_note (event), "SP4N-LAPOR! ticket: "));
    }

  /* The first row: Thursday 17 July 2025 09:15 WIB, 3 working days
   * counting weekends only: Tuesday 22 July, end of day. */
  {
    g_autoptr(GPtrArray) events = NULL;
    SigapComplaint *first = NULL;

    for (guint i = 0; i < stored->len; i++)
      if (sigap_complaint_get_received_at (g_ptr_array_index (stored, i)) ==
          at (2025, 7, 17, 9, 15, 0, 7))
        first = g_ptr_array_index (stored, i);
    g_assert_nonnull (first);
    g_assert_cmpint (sigap_complaint_get_due_at (first), ==, at (2025, 7, 22, 23, 59, 59, 7));

    events = sigap_store_list_complaint_events (f->store, sigap_complaint_get_id (first), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sigap_complaint_event_get_note (g_ptr_array_index (events, 0)), ==,
                     "Imported from row 2 of the SP4N-LAPOR! export “lapor-sample.csv”. "
                     "SP4N-LAPOR! ticket: 4821093. Status there: Diproses. "
                     "Location: Kec. Sukamaju.");
  }

  /* The same file again: every good row is now in the store. */
  g_assert_true (sigap_complaint_import_map_lapor (again, &mapping));
  g_assert_true (sigap_complaint_import_preview (again, &mapping, f->zone, f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_complaint_import_get_complaints (again)->len, ==, 0);
  g_assert_cmpuint (sigap_complaint_import_get_n_problem_rows (again), ==, 11);
  assert_problem (again, 2, SIGAP_IMPORT_PROBLEM_DUPLICATE, NULL,
                  "is already in Sigap as ADU-2025-");
  n = sigap_complaint_import_commit (again, f->store, sigap_opd_get_id (f->opd), NULL, NULL,
                                     f->zone, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, 7);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SigapComplaintImport **import = user_data;
  g_autoptr(GError) error = NULL;

  *import = sigap_complaint_import_new_from_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*import);
}

static void
too_big_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  g_assert_null (sigap_complaint_import_new_from_file_finish (result, error));
}

static void
test_lapor_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lapor-sample.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SigapComplaintImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *big = g_build_filename (dir, "besar.csv", NULL);
  g_autoptr(GFile) big_file = g_file_new_for_path (big);
  int fd;

  sigap_complaint_import_new_from_file_async (file, NULL, loaded_cb, &import);
  while (import == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (sigap_complaint_import_detect_preset (import), ==, SIGAP_IMPORT_PRESET_LAPOR);

  /* A file over the limit is refused before it is read: a sparse one. */
  fd = g_open (big, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, SIGAP_CSV_MAX_BYTES + 1), ==, 0);
  close (fd);
  sigap_complaint_import_new_from_file_async (big_file, NULL, too_big_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "50 MB"));

  sigap_test_rm_rf (dir);
}

/* }}} */

/* A custom file {{{ */

static const char custom_csv[] =
  "Waktu Masuk;Nama Lengkap;No. HP;Kanal;Isi Keluhan;Kecamatan;Desa;Jenis;Tautan;"
  "Jenis Kelamin;Tanggal Lahir\r\n"
  "17/07/2025 09:15;Budi;0812-1111-2222;Instagram;Jalan rusak di depan pasar;Kec. Sukamaju;"
  "Kel. Kauman;Pengaduan;https://instagram.com/p/abc;L;01/01/1980\r\n"
  "17/07/2025 10:00;Ani;;WhatsApp;Lampu jalan mati;Karangrejo;Jatisari;;;P;\r\n"
  "17/07/2025 11:00;Candra;;;Sampah belum diangkut;Ngadirejo;Gedangan;Aspirasi;;L;\r\n"
  "17/07/2025 12:00;Dedi;;FB;Air PDAM keruh; bau;Sidomulyo;Wonorejo;;;L;\r\n"
  "17/07/2025 09:15;Budi;;IG;Jalan rusak di depan pasar;Sukamaju;Kauman;;;L;\r\n"
  "15 Agustus 2025 10:00;Eka;;Langsung;Antrean KTP panjang;Tegalsari;Tegalrejo;"
  "Permintaan Informasi;;P;\r\n"
  "18/07/2025 08:00;Fajar;;TikTok;;Kedungjati;Banjarsari;;;L;\r\n"
  "01/01/2099;Gita;;X;Komentar dari masa depan;;;;;P;\r\n";

static void
test_custom_guess (void)
{
  g_autoptr(SigapComplaintImport) import = import_text (custom_csv);
  SigapImportMapping mapping;

  g_assert_cmpint (sigap_complaint_import_detect_preset (import), ==,
                   SIGAP_IMPORT_PRESET_CUSTOM);
  g_assert_cmpuint (sigap_complaint_import_get_n_columns (import), ==, 11);
  g_assert_cmpstr (sigap_complaint_import_get_column_name (import, 4), ==, "Isi Keluhan");

  g_assert_true (sigap_complaint_import_guess_mapping (import, &mapping));
  g_assert_cmpint (mapping.preset, ==, SIGAP_IMPORT_PRESET_CUSTOM);
  g_assert_cmpint (mapping.default_channel, ==, SIGAP_IMPORT_NO_CHANNEL);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_RECEIVED_AT], ==, 0);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_CITIZEN_NAME], ==, 1);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_CITIZEN_CONTACT], ==, 2);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_CHANNEL], ==, 3);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_BODY], ==, 4);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_KECAMATAN], ==, 5);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_DESA], ==, 6);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_KIND], ==, 7);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_SOURCE_URL], ==, 8);
  /* Jenis Kelamin and Tanggal Lahir look like type and date, and are not. */
  for (guint i = 0; i < SIGAP_IMPORT_N_FIELDS; i++)
    {
      g_assert_cmpint (mapping.columns[i], !=, 9);
      g_assert_cmpint (mapping.columns[i], !=, 10);
    }
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_TITLE], ==, SIGAP_IMPORT_NO_COLUMN);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_EXTERNAL_REF], ==, SIGAP_IMPORT_NO_COLUMN);
}

static void
test_custom_guess_english (void)
{
  g_autoptr(SigapComplaintImport) import =
    import_text ("ID,Date,Text,Channel,Type,Category,Village,District,Name,Email,URL\n"
                 "1,2025-07-17 09:15,Broken road,IG,complaint,Roads,Kauman,Sukamaju,Budi,"
                 "b@example.org,https://x.com/1\n");
  SigapImportMapping mapping;

  g_assert_true (sigap_complaint_import_guess_mapping (import, &mapping));
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_RECEIVED_AT], ==, 1);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_BODY], ==, 2);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_CHANNEL], ==, 3);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_KIND], ==, 4);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_CATEGORY], ==, 5);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_DESA], ==, 6);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_KECAMATAN], ==, 7);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_CITIZEN_NAME], ==, 8);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_CITIZEN_CONTACT], ==, 9);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_SOURCE_URL], ==, 10);
  g_assert_cmpint (mapping.columns[SIGAP_IMPORT_FIELD_EXTERNAL_REF], ==, SIGAP_IMPORT_NO_COLUMN);
}

static void
test_custom_preview (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SigapComplaintImport) import = import_text (custom_csv);
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapWorkingDays) days = sigap_working_days_new ();
  g_autofree char *holidays = g_test_build_filename (G_TEST_DIST, "..", "data", "holidays",
                                                     "2025.json", NULL);
  g_autoptr(GPtrArray) stored = NULL;
  SigapImportMapping mapping;
  SigapComplaint *complaint;
  int n;

  g_assert_true (sigap_complaint_import_guess_mapping (import, &mapping));
  g_assert_true (sigap_complaint_import_preview (import, &mapping, f->zone, f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (sigap_complaint_import_get_n_rows (import), ==, 8);

  complaint = complaint_of_row (import, 2);
  g_assert_nonnull (complaint);
  g_assert_cmpint (sigap_complaint_get_channel (complaint), ==, SIGAP_CHANNEL_INSTAGRAM);
  g_assert_cmpstr (sigap_complaint_get_kecamatan (complaint), ==, "Sukamaju");
  g_assert_cmpstr (sigap_complaint_get_desa (complaint), ==, "Kauman");
  g_assert_cmpstr (sigap_complaint_get_citizen_contact (complaint), ==, "0812-1111-2222");
  g_assert_cmpstr (sigap_complaint_get_source_url (complaint), ==, "https://instagram.com/p/abc");

  assert_problem (import, 3, SIGAP_IMPORT_PROBLEM_INVALID, "Kanal",
                  "the channel “WhatsApp” (column “Kanal”) is not one Sigap knows");
  assert_problem (import, 4, SIGAP_IMPORT_PROBLEM_MISSING, "Kanal", "choose one channel");
  /* "Air PDAM keruh; bau" without quotes: one cell too many. */
  assert_problem (import, 5, SIGAP_IMPORT_PROBLEM_EXTRA_CELLS, NULL, "has 12 cells but the "
                  "header has 11");
  assert_problem (import, 6, SIGAP_IMPORT_PROBLEM_DUPLICATE, NULL,
                  "repeats row 2 (the same text, date and channel)");
  assert_problem (import, 8, SIGAP_IMPORT_PROBLEM_MISSING, "Isi Keluhan", "is empty");
  assert_problem (import, 9, SIGAP_IMPORT_PROBLEM_INVALID, "Waktu Masuk", "in the future");

  complaint = complaint_of_row (import, 7);
  g_assert_nonnull (complaint);
  g_assert_cmpint (sigap_complaint_get_channel (complaint), ==, SIGAP_CHANNEL_WALK_IN);
  g_assert_cmpint (sigap_complaint_get_kind (complaint), ==, SIGAP_COMPLAINT_KIND_INFORMATION);
  g_assert_cmpuint (sigap_complaint_import_get_complaints (import)->len, ==, 2);

  /* One channel for the rows that have none: row 4 comes in. */
  mapping.default_channel = SIGAP_CHANNEL_WALK_IN;
  g_assert_true (sigap_complaint_import_preview (import, &mapping, f->zone, f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_complaint_import_get_complaints (import)->len, ==, 3);
  complaint = complaint_of_row (import, 4);
  g_assert_nonnull (complaint);
  g_assert_cmpint (sigap_complaint_get_channel (complaint), ==, SIGAP_CHANNEL_WALK_IN);
  g_assert_cmpint (sigap_complaint_get_kind (complaint), ==, SIGAP_COMPLAINT_KIND_ASPIRATION);
  g_assert_null (problem_of_row (import, 4));
  g_assert_cmpuint (n_problems_of_row (import, 3), ==, 1);

  /* With the holiday calendar: Friday 15 August 2025, Monday 18 is a
   * holiday, so three working days end on Thursday 21. */
  sigap_working_days_load_file (days, holidays, &error);
  g_assert_no_error (error);
  n = sigap_complaint_import_commit (import, f->store, sigap_opd_get_id (f->opd), NULL, days,
                                     f->zone, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 3);

  stored = sigap_store_list_complaints (f->store, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 3);
  /* Newest first. */
  complaint = g_ptr_array_index (stored, 0);
  g_assert_cmpint (sigap_complaint_get_received_at (complaint), ==,
                   at (2025, 8, 15, 10, 0, 0, 7));
  g_assert_cmpint (sigap_complaint_get_due_at (complaint), ==, at (2025, 8, 21, 23, 59, 59, 7));
  {
    g_autoptr(GPtrArray) events = sigap_store_list_complaint_events (
      f->store, sigap_complaint_get_id (complaint), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sigap_complaint_event_get_note (g_ptr_array_index (events, 0)), ==,
                     "Imported from row 7 of the file “aduan.csv”.");
    g_assert_null (sigap_complaint_event_get_actor_id (g_ptr_array_index (events, 0)));
  }
}

static void
test_mapping_errors (void)
{
  g_autoptr(SigapComplaintImport) import = import_text (custom_csv);
  g_autoptr(GTimeZone) zone = wib ();
  SigapImportMapping mapping;
  SigapImportMapping bad;
  g_assert_true (sigap_complaint_import_guess_mapping (import, &mapping));

  {
    g_autoptr(GError) error = NULL;

    bad = mapping;
    bad.columns[SIGAP_IMPORT_FIELD_BODY] = SIGAP_IMPORT_NO_COLUMN;
    g_assert_false (sigap_complaint_import_preview (import, &bad, zone, NULL, &error));
    g_assert_error (error, SIGAP_COMPLAINT_IMPORT_ERROR, SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING);
    g_assert_nonnull (strstr (error->message, "text"));
  }
  {
    g_autoptr(GError) error = NULL;

    bad = mapping;
    bad.columns[SIGAP_IMPORT_FIELD_RECEIVED_AT] = SIGAP_IMPORT_NO_COLUMN;
    g_assert_false (sigap_complaint_import_preview (import, &bad, zone, NULL, &error));
    g_assert_error (error, SIGAP_COMPLAINT_IMPORT_ERROR, SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING);
    g_assert_nonnull (strstr (error->message, "date"));
  }
  {
    g_autoptr(GError) error = NULL;

    bad = mapping;
    bad.columns[SIGAP_IMPORT_FIELD_CHANNEL] = SIGAP_IMPORT_NO_COLUMN;
    g_assert_false (sigap_complaint_import_preview (import, &bad, zone, NULL, &error));
    g_assert_error (error, SIGAP_COMPLAINT_IMPORT_ERROR, SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING);
    g_assert_nonnull (strstr (error->message, "channel"));

    /* With a channel for the whole file it is fine. */
    g_clear_error (&error);
    bad.default_channel = SIGAP_CHANNEL_WEB_FORM;
    g_assert_true (sigap_complaint_import_preview (import, &bad, zone, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GError) error = NULL;

    bad = mapping;
    bad.columns[SIGAP_IMPORT_FIELD_STATUS] = 11;
    g_assert_false (sigap_complaint_import_preview (import, &bad, zone, NULL, &error));
    g_assert_error (error, SIGAP_COMPLAINT_IMPORT_ERROR, SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING);
    g_assert_cmpuint (sigap_complaint_import_get_complaints (import)->len, ==, 0);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SigapComplaintImport) header_only =
      sigap_complaint_import_new_from_data ("Tanggal,Isi\n\n\n", 14, NULL, &error);

    g_assert_null (header_only);
    g_assert_error (error, SIGAP_COMPLAINT_IMPORT_ERROR, SIGAP_COMPLAINT_IMPORT_ERROR_NO_ROWS);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SigapComplaintImport) blank =
      sigap_complaint_import_new_from_data (" \n \n", 4, NULL, &error);

    g_assert_null (blank);
    g_assert_error (error, SIGAP_COMPLAINT_IMPORT_ERROR, SIGAP_COMPLAINT_IMPORT_ERROR_NO_ROWS);
  }
}

static void
test_header_after_blank_lines (void)
{
  g_autoptr(SigapComplaintImport) import =
    import_text ("\n\nTanggal,Isi,,Kanal\n17/07/2025,Jalan rusak,x,IG\n18/07/2025,,,IG\n");
  g_autoptr(GTimeZone) zone = wib ();
  g_autoptr(GError) error = NULL;
  SigapImportMapping mapping;

  g_assert_cmpuint (sigap_complaint_import_get_header_row (import), ==, 2);
  g_assert_cmpstr (sigap_complaint_import_get_column_name (import, 2), ==, "Column C");
  g_assert_true (sigap_complaint_import_guess_mapping (import, &mapping));
  g_assert_true (sigap_complaint_import_preview (import, &mapping, zone, NULL, &error));
  g_assert_no_error (error);
  /* Rows numbered as in the spreadsheet: the header is on row 3. */
  g_assert_nonnull (complaint_of_row (import, 4));
  assert_problem (import, 5, SIGAP_IMPORT_PROBLEM_MISSING, "Isi", "Row 5: the text");
}

/* }}} */

/* A commit that fails {{{ */

static void
prepare_sample (SigapComplaintImport *import,
                Fixture              *f)
{
  g_autoptr(GError) error = NULL;
  SigapImportMapping mapping;

  g_assert_true (sigap_complaint_import_map_lapor (import, &mapping));
  g_assert_true (sigap_complaint_import_preview (import, &mapping, f->zone, f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_complaint_import_get_complaints (import)->len, ==, 7);
}

static void
assert_store_empty (Fixture *f)
{
  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM complaint_event"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM complaint_counter"), ==, 0);
}

static void
test_commit_fails_on_complaint (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SigapComplaintImport) import = import_sample ();
  g_autoptr(GError) error = NULL;
  int n;

  prepare_sample (import, f);

  /* The fourth complaint cannot be written. */
  exec (f->store, "CREATE TEMP TRIGGER fail_fourth BEFORE INSERT ON main.complaint "
                  "WHEN (SELECT count(*) FROM main.complaint) >= 3 "
                  "BEGIN SELECT RAISE (ABORT, 'injected failure'); END");

  n = sigap_complaint_import_commit (import, f->store, sigap_opd_get_id (f->opd), NULL, NULL,
                                     f->zone, &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SIGAP_STORE_ERROR);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Nothing was imported: row 9 cannot be saved."));
  g_test_message ("%s", error->message);
  assert_store_empty (f);

  /* Nothing half-done stays behind: the same import goes through once
   * the cause is gone. */
  exec (f->store, "DROP TRIGGER fail_fourth");
  g_clear_error (&error);
  n = sigap_complaint_import_commit (import, f->store, sigap_opd_get_id (f->opd), NULL, NULL,
                                     f->zone, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 7);
  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, 7);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM complaint_event"), ==, 7);
}

static void
test_commit_fails_on_event (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SigapComplaintImport) import = import_sample ();
  g_autoptr(GError) error = NULL;
  int n;

  prepare_sample (import, f);

  /* The last event cannot be written, after its complaint was. */
  exec (f->store, "CREATE TEMP TRIGGER fail_last BEFORE INSERT ON main.complaint_event "
                  "WHEN (SELECT count(*) FROM main.complaint_event) >= 6 "
                  "BEGIN SELECT RAISE (ABORT, 'injected failure'); END");

  n = sigap_complaint_import_commit (import, f->store, sigap_opd_get_id (f->opd), NULL, NULL,
                                     f->zone, &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Nothing was imported: row 13 cannot be saved."));
  assert_store_empty (f);
}

static void
test_commit_fails_on_begin (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SigapComplaintImport) import = import_sample ();
  g_autoptr(GError) error = NULL;
  int n;

  prepare_sample (import, f);

  /* Another change holds the transaction. */
  g_assert_true (sigap_store_begin (f->store, &error));
  g_assert_no_error (error);
  n = sigap_complaint_import_commit (import, f->store, sigap_opd_get_id (f->opd), NULL, NULL,
                                     f->zone, &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED);
  sigap_store_rollback (f->store);
  assert_store_empty (f);
}

static void
test_commit_fails_on_unknown_opd (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(SigapComplaintImport) import = import_sample ();
  g_autoptr(GError) error = NULL;
  int n;

  prepare_sample (import, f);

  n = sigap_complaint_import_commit (import, f->store, "no-such-opd", NULL, NULL, f->zone,
                                     &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Nothing was imported: row 2 cannot be saved."));
  assert_store_empty (f);
}

/* }}} */

/* Speed {{{ */

static void
test_ten_thousand_rows (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const channels[] = { "IG", "Facebook", "X", "TikTok", "Web", "Langsung" };
  g_autoptr(GString) text = g_string_new ("Tanggal;Nama;Kanal;Isi;Kecamatan;Desa;Jenis\r\n");
  g_autoptr(SigapComplaintImport) import = NULL;
  g_autoptr(GError) error = NULL;
  SigapImportMapping mapping;
  double parse_s, preview_s, commit_s;
  int n;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text,
                            "%02u/%02u/2025 %02u:%02u;Warga %u;%s;\"Aduan nomor %u: jalan rusak, "
                            "lampu mati; mohon \"\"segera\"\" ditangani.\";Sukamaju;Kauman;"
                            "Pengaduan\r\n",
                            1 + i % 28, 1 + i / 28 % 12, i % 24, i % 60, i,
                            channels[i % G_N_ELEMENTS (channels)], i);

  g_test_timer_start ();
  import = sigap_complaint_import_new_from_data (text->str, text->len, "besar.csv", &error);
  g_assert_no_error (error);
  parse_s = g_test_timer_elapsed ();

  g_test_timer_start ();
  g_assert_true (sigap_complaint_import_guess_mapping (import, &mapping));
  g_assert_true (sigap_complaint_import_preview (import, &mapping, f->zone, f->store, &error));
  g_assert_no_error (error);
  preview_s = g_test_timer_elapsed ();
  g_assert_cmpuint (sigap_complaint_import_get_complaints (import)->len, ==, 10000);
  g_assert_cmpuint (sigap_complaint_import_get_problems (import)->len, ==, 0);

  g_test_timer_start ();
  n = sigap_complaint_import_commit (import, f->store, sigap_opd_get_id (f->opd), NULL, NULL,
                                     f->zone, &error);
  g_assert_no_error (error);
  commit_s = g_test_timer_elapsed ();
  g_assert_cmpint (n, ==, 10000);
  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, 10000);

  g_test_message ("10,000 rows (%.1f MB): read %.3f s, preview %.3f s, commit %.3f s",
                  text->len / 1e6, parse_s, preview_s, commit_s);
  /* Generous, for the sanitizer build and a busy machine. */
  g_assert_cmpfloat (parse_s + preview_s + commit_s, <, 30.0);
}

/* }}} */

#define ADD_STORE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/complaint-import/csv/quotes", test_csv_quotes);
  g_test_add_func ("/complaint-import/csv/newlines", test_csv_newlines);
  g_test_add_func ("/complaint-import/csv/bom", test_csv_bom);
  g_test_add_func ("/complaint-import/csv/separators", test_csv_separators);
  g_test_add_func ("/complaint-import/csv/ragged-and-blank", test_csv_ragged_and_blank);
  g_test_add_func ("/complaint-import/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/complaint-import/csv/utf-16", test_csv_utf16);
  g_test_add_func ("/complaint-import/csv/refused", test_csv_refused);
  g_test_add_func ("/complaint-import/csv/limits", test_csv_limits);
  g_test_add_func ("/complaint-import/csv/header-names", test_csv_header_names);
  g_test_add_func ("/complaint-import/parse/dates", test_parse_dates);
  g_test_add_func ("/complaint-import/parse/zone", test_parse_zone);
  g_test_add_func ("/complaint-import/parse/channels", test_parse_channels);
  g_test_add_func ("/complaint-import/parse/kinds", test_parse_kinds);
  g_test_add_func ("/complaint-import/lapor/preset", test_lapor_preset);
  g_test_add_func ("/complaint-import/lapor/async", test_lapor_async);
  ADD_STORE_TEST ("/complaint-import/lapor/commit", test_lapor_commit);
  g_test_add_func ("/complaint-import/custom/guess", test_custom_guess);
  g_test_add_func ("/complaint-import/custom/guess-english", test_custom_guess_english);
  ADD_STORE_TEST ("/complaint-import/custom/preview", test_custom_preview);
  g_test_add_func ("/complaint-import/custom/mapping-errors", test_mapping_errors);
  g_test_add_func ("/complaint-import/custom/header-after-blank-lines",
                   test_header_after_blank_lines);
  ADD_STORE_TEST ("/complaint-import/commit/fails-on-complaint", test_commit_fails_on_complaint);
  ADD_STORE_TEST ("/complaint-import/commit/fails-on-event", test_commit_fails_on_event);
  ADD_STORE_TEST ("/complaint-import/commit/fails-on-begin", test_commit_fails_on_begin);
  ADD_STORE_TEST ("/complaint-import/commit/fails-on-unknown-opd",
                  test_commit_fails_on_unknown_opd);
  ADD_STORE_TEST ("/complaint-import/speed/ten-thousand-rows", test_ten_thousand_rows);

  return g_test_run ();
}
