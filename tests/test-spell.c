/* test-spell.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Spell checking with Enchant and the installed hunspell-id dictionary:
 * what is a misspelled word, what is left alone, and the personal
 * dictionary, written under a temporary XDG_CONFIG_HOME. (Not
 * G_TEST_OPTION_ISOLATE_DIRS: it empties XDG_DATA_DIRS too, where newer
 * Enchant looks for the hunspell dictionaries.) */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sigap-spell.h"

static char *config_dir;

static void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rm_rf (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static SigapSpell *
open_indonesian (void)
{
  g_autoptr(GError) error = NULL;
  SigapSpell *spell = sigap_spell_new ("id_ID", &error);

  g_assert_no_error (error);
  g_assert_true (SIGAP_IS_SPELL (spell));

  return spell;
}

/* The words of @text in @ranges, joined by "|". */
static char *
join_words (const char *text,
            GArray     *ranges)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      const SigapSpellRange *range = &g_array_index (ranges, SigapSpellRange, i);

      if (i > 0)
        g_string_append_c (words, '|');
      g_string_append_len (words, text + range->start, range->end - range->start);
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
assert_misspelled (SigapSpell *spell,
                   const char *text,
                   const char *expected)
{
  g_autoptr(GArray) ranges = sigap_spell_check_text (spell, text);
  g_autofree char *words = join_words (text, ranges);

  g_assert_cmpstr (words, ==, expected);
}

static gboolean
strv_has (char       **strv,
          const char  *word)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, word);
}

static void
test_misspelled_word (void)
{
  g_autoptr(SigapSpell) spell = open_indonesian ();
  const char *text = "Dinas Kesehatn membuka layanan";
  g_autoptr(GArray) ranges = sigap_spell_check_text (spell, text);
  g_auto(GStrv) suggestions = NULL;
  const SigapSpellRange *range;

  g_assert_cmpstr (sigap_spell_get_language (spell), ==, "id_ID");
  g_assert_cmpuint (ranges->len, ==, 1);
  range = &g_array_index (ranges, SigapSpellRange, 0);
  g_assert_cmpuint (range->start, ==, 6);
  g_assert_cmpuint (range->end, ==, 14);
  g_assert_cmpuint (range->char_start, ==, 6);
  g_assert_cmpuint (range->char_end, ==, 14);

  suggestions = sigap_spell_suggest (spell, "Kesehatn");
  g_assert_true (strv_has (suggestions, "Kesehatan"));

  g_assert_false (sigap_spell_check_word (spell, "Kesehatn"));
  g_assert_true (sigap_spell_check_word (spell, "Kesehatan"));
}

static void
test_correct_sentences (void)
{
  g_autoptr(SigapSpell) spell = open_indonesian ();
  const char * const sentences[] = {
    "Pemerintah kabupaten membuka layanan kesehatan gratis bagi masyarakat.",
    "Warga dapat mendaftar melalui puskesmas terdekat pada hari kerja.",
    "Dinas Kesehatan mengimbau warga untuk menjaga kebersihan lingkungan!",
    "Selamat pagi, warga semua. Silakan datang ke kantor kami besok (Selasa).",
    "Imunisasi balita di posyandu dibuka mulai pukul 08.00 WIB.",
    "",
    "   \n\t ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    assert_misspelled (spell, sentences[i], "");

  /* the same words, misspelled, are found */
  assert_misspelled (spell, "Warga dapat mendaftarr melalui puskesmas terdekatt.",
                     "mendaftarr|terdekatt");
}

static void
test_skipped_tokens (void)
{
  g_autoptr(SigapSpell) spell = open_indonesian ();

  /* hashtags and mentions, with their underscores and digits */
  assert_misspelled (spell, "Ayo #Kesehatn #SehatBersama2025 (#vaksinn) @dinkes_kab @kesehatn.",
                     "");
  /* URLs, e-mail addresses and domain names */
  assert_misspelled (spell,
                     "Info: https://dinkes.go.id/kesehatn, www.kesehatn.id dan "
                     "(WWW.Layanann.go.id) atau kesehatn@dinkes.go.id, dinkes.go.id "
                     "dan http://intranet/layanann.",
                     "");
  /* numbers and words with digits */
  assert_misspelled (spell, "Pada 2025 ada 10km, COVID-19, Rp5.000, ke-2 dan 3x.", "");
  /* names with underscores, and single letters */
  assert_misspelled (spell, "Akun akun_resmii dan nama_kantorr, poin \u00F8 dan \u014B.", "");
  /* abbreviations of 2 to 6 capitals, also as a part */
  assert_misspelled (spell, "OPD, BPJS, DPRD, XYZQ dan PKK-nya serta OPD-OPD.", "");
  /* but a longer word in capitals is checked, and so is one letter more */
  assert_misspelled (spell, "KESEHATAN KESEHATN", "KESEHATN");
  /* a word in another script is not Indonesian misspelled */
  assert_misspelled (spell, "Ucapan السلام عليكم untuk warga", "");
  /* what is left alone does not hide what is next to it */
  assert_misspelled (spell, "#Sehat kesehatn @dinkes layanann https://x.id/ puskesmass",
                     "kesehatn|layanann|puskesmass");
}

static void
test_reduplication (void)
{
  g_autoptr(SigapSpell) spell = open_indonesian ();
  const char *text = "anak-anakk bermain";
  g_autoptr(GArray) ranges = NULL;
  const SigapSpellRange *range;

  assert_misspelled (spell,
                     "Anak-anak dan ibu-ibu bermain-main, sehari-hari, rumah-rumah.", "");
  assert_misspelled (spell, "Kupu\u2010kupu dan jum\u2019at", "jum\u2019at");

  /* a misspelled reduplication is one word, hyphen included */
  ranges = sigap_spell_check_text (spell, text);
  g_assert_cmpuint (ranges->len, ==, 1);
  range = &g_array_index (ranges, SigapSpellRange, 0);
  g_assert_cmpuint (range->char_start, ==, 0);
  g_assert_cmpuint (range->char_end, ==, 10);

  /* hyphens at the ends are not part of a word */
  assert_misspelled (spell, "-anak- --kesehatn--", "kesehatn");
}

static void
test_offsets (void)
{
  g_autoptr(SigapSpell) spell = open_indonesian ();
  /* emoji with a skin tone, a ZWJ family, a variation selector, curly
   * quotes and an em dash: several bytes and sometimes several
   * characters each */
  const char *text = "\U0001F44B\U0001F3FD Halo \u201Cwarga\u201D \U0001F468\u200D\U0001F469"
                     "\u200D\U0001F467 \u2014 ada kesehatn gratis \u2764\uFE0F untuk "
                     "semuaa\U0001F389!";
  g_autoptr(GArray) ranges = sigap_spell_check_text (spell, text);
  const char *words[] = { "kesehatn", "semuaa" };

  g_assert_cmpuint (ranges->len, ==, G_N_ELEMENTS (words));
  for (guint i = 0; i < ranges->len; i++)
    {
      const SigapSpellRange *range = &g_array_index (ranges, SigapSpellRange, i);
      const char *found = strstr (text, words[i]);
      g_autofree char *substring = NULL;

      g_assert_nonnull (found);
      g_assert_cmpuint (range->start, ==, found - text);
      g_assert_cmpuint (range->end, ==, found - text + strlen (words[i]));
      g_assert_cmpuint (range->char_start, ==, g_utf8_pointer_to_offset (text, found));
      g_assert_cmpuint (range->char_end - range->char_start, ==, g_utf8_strlen (words[i], -1));
      substring = g_utf8_substring (text, range->char_start, range->char_end);
      g_assert_cmpstr (substring, ==, words[i]);
    }
}

static void
changed_cb (SigapSpell *spell,
            guint      *n_changed)
{
  (*n_changed)++;
}

static void
test_personal_dictionary (void)
{
  g_autoptr(SigapSpell) spell = open_indonesian ();
  g_autoptr(SigapSpell) reopened = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  /* the test never touches the real configuration folder */
  g_assert_cmpstr (g_get_user_config_dir (), ==, config_dir);

  g_signal_connect (spell, "changed", G_CALLBACK (changed_cb), &n_changed);

  assert_misspelled (spell, "Kantor dinkes buka", "dinkes");
  sigap_spell_add_word (spell, "dinkes");
  g_assert_cmpuint (n_changed, ==, 1);
  assert_misspelled (spell, "Kantor dinkes buka", "");

  /* written to the personal dictionary, so it lasts */
  path = g_build_filename (g_get_user_config_dir (), "enchant", "id_ID.dic", NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "dinkes"));

  /* typographic and plain apostrophes are one */
  assert_misspelled (spell, "Salat Jum\u2019at", "Jum\u2019at");
  sigap_spell_add_word (spell, "Jum'at");
  assert_misspelled (spell, "Salat Jum\u2019at dan Jum'at", "");

  /* ignoring lasts for the session only */
  sigap_spell_ignore_word (spell, "kesehatn");
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_true (sigap_spell_check_word (spell, "kesehatn"));

  reopened = open_indonesian ();
  g_assert_true (sigap_spell_check_word (reopened, "dinkes"));
  g_assert_false (sigap_spell_check_word (reopened, "kesehatn"));
}

static void
test_no_dictionary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapSpell) spell = sigap_spell_new ("zz_ZZ", &error);

  g_assert_null (spell);
  g_assert_error (error, SIGAP_SPELL_ERROR, SIGAP_SPELL_ERROR_NO_DICTIONARY);
  g_assert_nonnull (strstr (error->message, "zz_ZZ"));
}

/* A long post is checked fast enough to recheck while typing. */
static void
test_long_text (void)
{
  g_autoptr(SigapSpell) spell = open_indonesian ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) ranges = NULL;
  guint n_wrong = 0;
  gint64 start;
  gint64 elapsed;

  while (g_utf8_strlen (text->str, text->len) < 5000)
    {
      g_string_append (text, "Warga dapat mendaftar melalui puskesmas terdekat pada hari kerja. ");
      g_string_append (text, "Dinas Kesehatn membuka layanan #SehatBersama @dinkes 2025.\n");
      n_wrong++;
    }

  start = g_get_monotonic_time ();
  ranges = sigap_spell_check_text (spell, text->str);
  elapsed = g_get_monotonic_time () - start;

  g_assert_cmpuint (ranges->len, ==, n_wrong);
  g_test_message ("%u characters checked in %" G_GINT64_FORMAT " microseconds",
                  (guint) g_utf8_strlen (text->str, text->len), elapsed);
  /* a few milliseconds in practice; the bound leaves room for a slow
   * or sanitized build */
  g_assert_cmpint (elapsed, <, 1 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything asks GLib for the folder, which it remembers; and
   * without Enchant's own override, which would escape it. */
  config_dir = g_dir_make_tmp ("sigap-test-spell-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_unsetenv ("ENCHANT_CONFIG_DIR");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spell/misspelled-word", test_misspelled_word);
  g_test_add_func ("/spell/correct-sentences", test_correct_sentences);
  g_test_add_func ("/spell/skipped-tokens", test_skipped_tokens);
  g_test_add_func ("/spell/reduplication", test_reduplication);
  g_test_add_func ("/spell/offsets", test_offsets);
  g_test_add_func ("/spell/personal-dictionary", test_personal_dictionary);
  g_test_add_func ("/spell/no-dictionary", test_no_dictionary);
  g_test_add_func ("/spell/long-text", test_long_text);

  status = g_test_run ();
  rm_rf (config_dir);
  g_free (config_dir);

  return status;
}
