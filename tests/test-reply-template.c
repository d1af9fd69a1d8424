/* test-reply-template.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdarg.h>

#include "sigap-core.h"

static GDateTime *
date_at (const char *iso,
         int         offset_hours)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (offset_hours * 3600);

  g_assert_nonnull (utc);

  return g_date_time_to_timezone (utc, zone);
}

static void
assert_strv (char       **got,
             const char  *first,
             ...)
{
  va_list args;
  const char *expected = first;
  guint i = 0;

  va_start (args, first);
  for (; expected != NULL; expected = va_arg (args, const char *), i++)
    g_assert_cmpstr (got[i], ==, expected);
  va_end (args);

  g_assert_null (got[i]);
}

static void
test_fill (void)
{
  g_autoptr(GDateTime) date = date_at ("2025-07-17T03:00:00Z", 7);
  SigapReplyValues values = {
    .nama = "Budi Santoso",
    .nomor = "ADU-2025-000123",
    .opd = "Dinas Kesehatan",
    .tanggal = date,
  };
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv) missing = NULL;
  g_autofree char *text = NULL;

  text = sigap_reply_template_fill_text ("Yth. {nama}, aduan Anda nomor {nomor} telah "
                                         "diterima {opd} pada {tanggal}. Salam, {opd}.",
                                         &values, &unknown, &missing);
  g_assert_cmpstr (text, ==,
                   "Yth. Budi Santoso, aduan Anda nomor ADU-2025-000123 telah diterima "
                   "Dinas Kesehatan pada 17 Juli 2025. Salam, Dinas Kesehatan.");
  assert_strv (unknown, NULL);
  assert_strv (missing, NULL);

  /* UTF-8 values pass as they are; the lists are optional. */
  values.nama = "Ñoño Müller";
  g_clear_pointer (&text, g_free);
  text = sigap_reply_template_fill_text ("Halo {nama} 🙏", &values, NULL, NULL);
  g_assert_cmpstr (text, ==, "Halo Ñoño Müller 🙏");

  /* A template without placeholders, and an empty one. */
  g_clear_pointer (&text, g_free);
  text = sigap_reply_template_fill_text ("Terima kasih.", &values, NULL, NULL);
  g_assert_cmpstr (text, ==, "Terima kasih.");
  g_clear_pointer (&text, g_free);
  text = sigap_reply_template_fill_text ("", &values, NULL, NULL);
  g_assert_cmpstr (text, ==, "");
}

static void
test_dates (void)
{
  static const struct {
    const char *iso;
    int offset;
    const char *expected;
  } cases[] = {
    { "2025-07-17T03:00:00Z", 7, "17 Juli 2025" },
    { "2026-01-01T00:00:00Z", 7, "1 Januari 2026" },
    { "2025-02-09T00:00:00Z", 7, "9 Februari 2025" },
    { "2025-03-09T00:00:00Z", 7, "9 Maret 2025" },
    { "2025-04-09T00:00:00Z", 7, "9 April 2025" },
    { "2025-05-05T00:00:00Z", 7, "5 Mei 2025" },
    { "2025-06-09T00:00:00Z", 7, "9 Juni 2025" },
    { "2025-08-09T00:00:00Z", 7, "9 Agustus 2025" },
    { "2025-09-09T00:00:00Z", 7, "9 September 2025" },
    { "2025-10-09T00:00:00Z", 7, "9 Oktober 2025" },
    { "2025-11-09T00:00:00Z", 7, "9 November 2025" },
    { "2025-12-31T00:00:00Z", 7, "31 Desember 2025" },
    /* The date is the one in the zone given: 18:00 UTC is already the
     * next day in WIB and WIT. */
    { "2025-12-31T18:00:00Z", 0, "31 Desember 2025" },
    { "2025-12-31T18:00:00Z", 7, "1 Januari 2026" },
    { "2025-12-31T16:30:00Z", 7, "31 Desember 2025" },
    { "2025-12-31T16:30:00Z", 9, "1 Januari 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) date = date_at (cases[i].iso, cases[i].offset);
      g_autofree char *text = sigap_reply_template_format_date (date);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* Whatever the process's locale (the test runs under C.UTF-8; an
   * English or Indonesian one changes nothing). */
  if (setlocale (LC_ALL, "en_US.UTF-8") != NULL)
    {
      g_autoptr(GDateTime) date = date_at ("2025-05-05T00:00:00Z", 7);
      g_autofree char *text = sigap_reply_template_format_date (date);

      g_assert_cmpstr (text, ==, "5 Mei 2025");
      setlocale (LC_ALL, "");
    }
}

static void
test_fallback (void)
{
  static const char * const no_names[] = {
    "", "   ", "\t\n", "Anonim", "anonim", "ANONYMOUS", "Hamba Allah", " hamba  allah ",
    "Tanpa Nama", "-",
  };
  SigapReplyValues values = { .nomor = "ADU-2025-000001" };
  g_auto(GStrv) missing = NULL;
  g_autofree char *text = NULL;

  /* No name at all. */
  text = sigap_reply_template_fill_text ("Yth. {nama},", &values, NULL, &missing);
  g_assert_cmpstr (text, ==, "Yth. Bapak/Ibu,");
  assert_strv (missing, NULL);

  /* Blank and anonymous names. */
  for (guint i = 0; i < G_N_ELEMENTS (no_names); i++)
    {
      g_autofree char *filled = NULL;

      values.nama = no_names[i];
      filled = sigap_reply_template_fill_text ("Yth. {nama},", &values, NULL, NULL);
      if (g_strcmp0 (filled, "Yth. Bapak/Ibu,") != 0)
        g_error ("name '%s' gave '%s'", no_names[i], filled);
    }

  /* A name that only contains an anonymous word is a name. */
  values.nama = "Anonim Saputra";
  g_clear_pointer (&text, g_free);
  text = sigap_reply_template_fill_text ("Yth. {nama},", &values, NULL, NULL);
  g_assert_cmpstr (text, ==, "Yth. Anonim Saputra,");

  /* The OPD's own fallback. */
  values.nama = NULL;
  values.nama_fallback = "Sahabat Sehat";
  g_clear_pointer (&text, g_free);
  text = sigap_reply_template_fill_text ("Halo {nama}!", &values, NULL, NULL);
  g_assert_cmpstr (text, ==, "Halo Sahabat Sehat!");
  values.nama_fallback = "  ";
  g_clear_pointer (&text, g_free);
  text = sigap_reply_template_fill_text ("Halo {nama}!", &values, NULL, NULL);
  g_assert_cmpstr (text, ==, "Halo Bapak/Ibu!");

  /* A name on several lines is put in as one. */
  values.nama = "  Budi\n\tSantoso \r\n";
  g_clear_pointer (&text, g_free);
  text = sigap_reply_template_fill_text ("Yth. {nama},", &values, NULL, NULL);
  g_assert_cmpstr (text, ==, "Yth. Budi Santoso,");
}

static void
test_unknown_and_missing (void)
{
  SigapReplyValues values = { .nama = "Siti" };
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv) missing = NULL;
  g_autofree char *text = NULL;

  /* Unknown ones stay as written and are listed once each, in order;
   * placeholders are matched as written. */
  text = sigap_reply_template_fill_text ("{salam} {nama}, {alamat} {Nama} {salam} {NOMOR}",
                                         &values, &unknown, &missing);
  g_assert_cmpstr (text, ==, "{salam} Siti, {alamat} {Nama} {salam} {NOMOR}");
  assert_strv (unknown, "{salam}", "{alamat}", "{Nama}", "{NOMOR}", NULL);
  assert_strv (missing, NULL);
  g_clear_pointer (&unknown, g_strfreev);
  g_clear_pointer (&missing, g_strfreev);

  /* Known ones without a value stay too, listed apart. */
  g_clear_pointer (&text, g_free);
  text = sigap_reply_template_fill_text ("Nomor {nomor} di {opd} per {tanggal}; {nomor}.",
                                         &values, &unknown, &missing);
  g_assert_cmpstr (text, ==, "Nomor {nomor} di {opd} per {tanggal}; {nomor}.");
  assert_strv (unknown, NULL);
  assert_strv (missing, "{nomor}", "{opd}", "{tanggal}", NULL);
  g_clear_pointer (&unknown, g_strfreev);
  g_clear_pointer (&missing, g_strfreev);

  /* An empty value is missing. */
  values.nomor = "  ";
  g_clear_pointer (&text, g_free);
  text = sigap_reply_template_fill_text ("[{nomor}]", &values, NULL, &missing);
  g_assert_cmpstr (text, ==, "[{nomor}]");
  assert_strv (missing, "{nomor}", NULL);
  g_clear_pointer (&missing, g_strfreev);

  /* No values at all. */
  g_clear_pointer (&text, g_free);
  text = sigap_reply_template_fill_text ("{nama} {nomor}", NULL, &unknown, &missing);
  g_assert_cmpstr (text, ==, "Bapak/Ibu {nomor}");
  assert_strv (unknown, NULL);
  assert_strv (missing, "{nomor}", NULL);
}

static void
test_braces (void)
{
  static const struct {
    const char *template;
    const char *expected;
  } cases[] = {
    /* Escapes. */
    { "{{nama}}", "{nama}" },
    { "{{{nama}}}", "{Budi}" },
    { "{{ dan }}", "{ dan }" },
    { "{{", "{" },
    { "}}}", "}}" },
    /* Not placeholders: kept as they are. */
    { "{ nama }", "{ nama }" },
    { "{}", "{}" },
    { "{nama", "{nama" },
    { "nama}", "nama}" },
    { "}{", "}{" },
    { "{", "{" },
    { "}", "}" },
    { "{na ma}", "{na ma}" },
    { "{nama}}", "Budi}" },
    { "{{nama}", "{nama}" },
    { "{nämä}", "{nämä}" },
    { "{nama}{nomor}", "BudiADU-1" },
    /* A name longer than 32 characters is not a placeholder. */
    { "{abcdefghijklmnopqrstuvwxyz0123456}", "{abcdefghijklmnopqrstuvwxyz0123456}" },
  };
  SigapReplyValues values = { .nama = "Budi", .nomor = "ADU-1" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) unknown = NULL;
      g_auto(GStrv) missing = NULL;
      g_autofree char *text = sigap_reply_template_fill_text (cases[i].template, &values,
                                                              &unknown, &missing);

      if (g_strcmp0 (text, cases[i].expected) != 0)
        g_error ("'%s' gave '%s', expected '%s'", cases[i].template, text, cases[i].expected);
      g_assert_null (unknown[0]);
      g_assert_null (missing[0]);
    }

  /* 32 characters still are. */
  {
    g_auto(GStrv) unknown = NULL;
    g_autofree char *text =
      sigap_reply_template_fill_text ("{abcdefghijklmnopqrstuvwxyz012345}", &values,
                                      &unknown, NULL);

    g_assert_cmpstr (text, ==, "{abcdefghijklmnopqrstuvwxyz012345}");
    assert_strv (unknown, "{abcdefghijklmnopqrstuvwxyz012345}", NULL);
  }
}

static void
test_values_are_literal (void)
{
  SigapReplyValues values = { .nama = "{nomor} {{x}}", .nomor = "ADU-9" };
  g_autofree char *text = NULL;
  g_autofree char *invalid = NULL;

  /* A value is never filled in turn. */
  text = sigap_reply_template_fill_text ("Yth. {nama} ({nomor})", &values, NULL, NULL);
  g_assert_cmpstr (text, ==, "Yth. {nomor} {{x}} (ADU-9)");

  /* Invalid UTF-8, in the template or a value, is replaced. */
  values.nama = "Bud\xff";
  invalid = sigap_reply_template_fill_text ("\xfe{nama}", &values, NULL, NULL);
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_cmpstr (invalid, ==, "\xef\xbf\xbd" "Bud\xef\xbf\xbd");
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_record (void)
{
  g_autoptr(SigapReplyTemplate) template = sigap_reply_template_new ();
  g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
  g_autoptr(GDateTime) date = date_at ("2025-08-18T02:00:00Z", 8);
  g_auto(GStrv) unknown = NULL;
  g_autofree char *text = NULL;
  SigapReplyValues values;
  guint notified = 0;

  /* No body yet. */
  text = sigap_reply_template_fill (template, NULL, NULL, NULL);
  g_assert_cmpstr (text, ==, "");

  g_signal_connect (template, "notify", G_CALLBACK (count_cb), &notified);

  sigap_reply_template_set_id (template, "tpl-1");
  sigap_reply_template_set_opd_id (template, "opd-dinkes");
  sigap_reply_template_set_title (template, "Aduan diterima");
  sigap_reply_template_set_body (template, "Yth. {nama}, aduan {nomor} diterima {opd} "
                                           "pada {tanggal}. {ttd}");
  g_assert_cmpuint (notified, ==, 4);
  /* Setting the same value does not notify. */
  sigap_reply_template_set_title (template, "Aduan diterima");
  g_assert_cmpuint (notified, ==, 4);

  g_assert_cmpstr (sigap_reply_template_get_id (template), ==, "tpl-1");
  g_assert_cmpstr (sigap_reply_template_get_opd_id (template), ==, "opd-dinkes");
  g_assert_cmpstr (sigap_reply_template_get_title (template), ==, "Aduan diterima");

  sigap_complaint_set_citizen_name (complaint, "Made Wirawan");
  sigap_complaint_set_tracking_number (complaint, "ADU-2025-004242");
  sigap_reply_values_init_for_complaint (&values, complaint, "Dinas Kesehatan", date);

  g_clear_pointer (&text, g_free);
  text = sigap_reply_template_fill (template, &values, &unknown, NULL);
  g_assert_cmpstr (text, ==, "Yth. Made Wirawan, aduan ADU-2025-004242 diterima Dinas "
                             "Kesehatan pada 18 Agustus 2025. {ttd}");
  assert_strv (unknown, "{ttd}", NULL);

  /* A complaint without a name, as from LAPOR! anonymously. */
  sigap_complaint_set_citizen_name (complaint, "Anonim");
  sigap_reply_values_init_for_complaint (&values, complaint, NULL, NULL);
  g_clear_pointer (&text, g_free);
  text = sigap_reply_template_fill (template, &values, NULL, NULL);
  g_assert_cmpstr (text, ==, "Yth. Bapak/Ibu, aduan ADU-2025-004242 diterima {opd} "
                             "pada {tanggal}. {ttd}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reply-template/fill", test_fill);
  g_test_add_func ("/reply-template/dates", test_dates);
  g_test_add_func ("/reply-template/fallback", test_fallback);
  g_test_add_func ("/reply-template/unknown-and-missing", test_unknown_and_missing);
  g_test_add_func ("/reply-template/braces", test_braces);
  g_test_add_func ("/reply-template/values-are-literal", test_values_are_literal);
  g_test_add_func ("/reply-template/record", test_record);

  return g_test_run ();
}
