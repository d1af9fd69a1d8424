/* preview-bench.c — the composer's post preview as the author types
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: preview-bench [KEYSTROKES]
 *
 * Needs a display (build-aux/dev bench runs it under Xvfb). Puts a
 * SigapPreviewCard in a scrolled window of a 480×800 window, as the
 * composer's preview column holds it, with the shipped twitter-text
 * files, a Facebook account and a 5,000-character Indonesian post with
 * links, hashtags and mentions; then times with the monotonic clock
 * KEYSTROKES (default 50) one-character changes at the end of the text,
 * each from sigap_preview_card_set_text() until the window's frame clock
 * has painted the frame that shows the new text ("after-paint"): the
 * core's markup (finding the entities, folding), the label's markup,
 * layout and that frame's snapshot and rendering:
 *
 *  - "keystroke": the text expanded, all 5,000 characters laid out, as
 *    after "See more": the worst case;
 *  - "keystroke_folded": the text folded, as the feed first shows it;
 *  - "frame_idle": frames that change nothing: the display's share.
 *
 * Before each it lets the main loop go idle and waits a little, so that
 * the frame clock, which spaces frames by the refresh interval, starts
 * the next frame at once. Prints one line per series, the samples in
 * milliseconds, which build-aux/bench.py reads ("_action": the call
 * alone, before the frame), and what was measured ("preview_chars",
 * "renderer").
 */

#include "config.h"

#define BENCH_NAME "preview-bench"

#include <string.h>
#include <adwaita.h>

#include "sigap-platform-rules.h"
#include "sigap-preview-card.h"

#include "sigap-bench-frame.h"

#define TEXT_LENGTH 5000

/* Long enough after a frame for the frame clock to start the next one
 * as soon as it is asked for. */
#define PAUSE_MS 40

/* Sentences of a regency's public service post (as composer-bench's). */
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

/* What the author types, a character at a time. */
static const char typed[] = "Sampai jumpa di pos vaksinasi, ";

typedef struct
{
  BenchFrame frame;
  SigapPreviewCard *card;
  GtkLabel *text_label;
} Bench;

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

static GtkLabel *
find_text_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "preview-text"))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_text_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* @n keystrokes typed at the end of @text (which grows), each until
 * painted; the series @name and @name_action. */
static void
bench_typing (Bench      *bench,
              GString    *text,
              gboolean    expanded,
              const char *name,
              guint       n)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *actions_name = g_strconcat (name, "_action", NULL);

  sigap_preview_card_set_expanded (bench->card, expanded);
  sigap_preview_card_set_text (bench->card, text->str);
  wait_for_frame (&bench->frame);

  for (guint i = 0; i < n; i++)
    {
      gint64 start;

      g_string_append_c (text, typed[i % (sizeof typed - 1)]);
      pause_ms (PAUSE_MS);

      start = g_get_monotonic_time ();
      sigap_preview_card_set_text (bench->card, text->str);
      append (actions, ms_between (start, g_get_monotonic_time ()));
      wait_for_frame (&bench->frame);
      append (totals, ms_between (start, bench->frame.after_paint));

      /* The frame showed the new text. */
      if (expanded && strcmp (gtk_label_get_text (bench->text_label), text->str) != 0)
        die ("the expanded text is not the text typed", NULL);
      if (!expanded && !g_str_has_suffix (gtk_label_get_text (bench->text_label), "\u2026"))
        die ("the folded text is not folded", NULL);
    }

  print_series (name, totals);
  print_series (actions_name, actions);
}

static void
bench_idle (Bench      *bench,
            const char *name,
            guint       n)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    {
      gint64 start;

      pause_ms (PAUSE_MS);
      start = g_get_monotonic_time ();
      wait_for_frame (&bench->frame);
      append (frames, ms_between (start, bench->frame.after_paint));
    }
  print_series (name, frames);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapTwitterText) twitter = NULL;
  g_autoptr(GString) text = NULL;
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 50;
  GtkWidget *scrolled;
  Bench bench = { 0, };

  if (argc > 2 || n == 0)
    {
      g_printerr ("usage: preview-bench [KEYSTROKES]\n");
      return 2;
    }

  g_setenv ("SIGAP_DATA_DIR", SIGAP_BENCH_DATADIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  /* What AdwApplication loads by itself in Sigap. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/sigap/Sigap/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  twitter = sigap_twitter_text_new_shipped (&error);
  if (twitter == NULL)
    die ("twitter-text", error);

  {
    g_autofree char *post = make_post (TEXT_LENGTH);

    text = g_string_new (post);
  }

  bench.card = SIGAP_PREVIEW_CARD (sigap_preview_card_new (twitter));
  sigap_preview_card_set_account (bench.card, "Dinas Kesehatan Kabupaten Sigap", "dinkes");
  sigap_preview_card_set_text (bench.card, text->str);
  bench.text_label = find_text_label (GTK_WIDGET (bench.card));
  if (bench.text_label == NULL)
    die ("no text label", NULL);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (bench.card));
  bench.frame.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (bench.frame.window, 480, 800);
  gtk_window_set_child (bench.frame.window, scrolled);
  gtk_window_present (bench.frame.window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (bench.frame.window)))
    g_main_context_iteration (NULL, TRUE);

  bench.frame.frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.frame.window));
  g_signal_connect (bench.frame.frame_clock, "after-paint", G_CALLBACK (after_paint_cb),
                    &bench.frame);
  wait_for_frame (&bench.frame);
  pause_ms (200);

  printf ("renderer %s\n",
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (bench.frame.window))));
  printf ("preview_chars %d\n", TEXT_LENGTH);

  bench_idle (&bench, "frame_idle", n);
  bench_typing (&bench, text, TRUE, "keystroke", n);
  bench_typing (&bench, text, FALSE, "keystroke_folded", n);

  g_signal_handlers_disconnect_by_data (bench.frame.frame_clock, &bench.frame);
  gtk_window_destroy (bench.frame.window);
  settle ();

  return 0;
}
