/* composer-bench.c — the composer's text checks
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: composer-bench [RUNS]
 *
 * Times with the monotonic clock what the composer does on every
 * keystroke: sigap_platform_rules_check() of a 5,000-character Indonesian
 * post, with links, hashtags and mentions, for all five platforms (the
 * post as Facebook's text, Instagram's and TikTok's caption, X's text and
 * YouTube's description under a short title), with the shipped
 * platforms.json and twitter-text files.
 *
 * One untimed run warms the caches; then RUNS (default 500). Prints the
 * median in milliseconds, "composer_validate_ms", which build-aux/bench.py
 * reads, and what was measured ("composer_chars").
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sigap-central-documents.h"
#include "sigap-platform-rules.h"
#include "sigap-bench-stats.h"

#define TEXT_LENGTH 5000

/* Sentences of a regency's public service post. */
static const char *sentences[] = {
  "Dinas Kesehatan mengadakan vaksinasi keliling di 12 kecamatan mulai Senin depan. ",
  "Jadwal lengkap dan lokasi pos dapat dilihat di https://dinkes.example.go.id/jadwal. ",
  "Warga lansia dan balita diutamakan; bawa KTP atau Kartu Keluarga. ",
  "Terima kasih kepada @puskesmas_sukamaju dan @kecamatan.sukamaju atas dukungannya. ",
  "#VaksinasiKeliling #SehatBersama #KabupatenSigap ",
  "Pertanyaan seputar layanan dapat dikirim lewat lapor.example.go.id atau pesan langsung. ",
  "Pelayanan buka pukul 08.00–14.00 WIB, kecuali hari libur nasional. ",
  "Mari jaga kesehatan keluarga kita bersama-sama! \xf0\x9f\x92\xaa ",
};

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("composer-bench: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* A post of exactly @length characters. */
static char *
make_post (guint length)
{
  GString *post = g_string_new (NULL);
  glong chars = 0;

  for (guint i = 0; chars < length; i++)
    {
      g_string_append (post, sentences[i % G_N_ELEMENTS (sentences)]);
      chars = g_utf8_strlen (post->str, -1);
    }

  g_string_truncate (post, g_utf8_offset_to_pointer (post->str, length) - post->str);

  return g_string_free (post, FALSE);
}

static void
check_all (SigapPlatformRules *rules,
           GHashTable         *fields)
{
  for (guint platform = 0; platform < SIGAP_N_PLATFORMS; platform++)
    {
      g_autoptr(GArray) counters = g_array_new (FALSE, FALSE, sizeof (SigapTextCounter));
      g_autoptr(GPtrArray) problems = NULL;

      problems = sigap_platform_rules_check (rules, platform, fields, counters);
      if (counters->len == 0)
        die ("no counter", NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(SigapTwitterText) twitter = NULL;
  g_autoptr(SigapPlatformRules) rules = NULL;
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *post = NULL;
  int runs = 500;

  if (argc > 1)
    runs = atoi (argv[1]);
  if (runs <= 0)
    {
      g_printerr ("usage: composer-bench [RUNS]\n");
      return 2;
    }

  g_setenv ("SIGAP_DATA_DIR", SIGAP_BENCH_DATADIR, FALSE);

  bytes = sigap_central_documents_read_shipped ("platforms", &error);
  if (bytes == NULL)
    die ("platforms.json", error);
  document = json_from_string (g_bytes_get_data (bytes, NULL), &error);
  if (document == NULL)
    die ("platforms.json", error);
  twitter = sigap_twitter_text_new_shipped (&error);
  if (twitter == NULL)
    die ("twitter-text", error);
  rules = sigap_platform_rules_new (json_node_get_object (document), twitter, &error);
  if (rules == NULL)
    die ("platform rules", error);

  post = make_post (TEXT_LENGTH);
  g_hash_table_insert (fields, (char *) "text", post);
  g_hash_table_insert (fields, (char *) "caption", post);
  g_hash_table_insert (fields, (char *) "description", post);
  g_hash_table_insert (fields, (char *) "title", (char *) "Vaksinasi keliling di 12 kecamatan");

  check_all (rules, fields);

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      check_all (rules, fields);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }

  printf ("composer_chars %d\n", TEXT_LENGTH);
  printf ("composer_validate_ms %.3f\n", sigap_bench_median (samples));

  return 0;
}
