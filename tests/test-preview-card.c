/* test-preview-card.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The composer's post preview, in-process: a long text folded with the
 * platform's "more" button, which expands it and folds it again; each
 * platform's layout (YouTube's title and duration, TikTok's caption over
 * its 9:16 screen, Instagram's caption after the account's name); the
 * images cropped as the feed crops them; the empty state; the card's
 * accessible name; and a keystroke that rebuilds no widget. In the C
 * locale: the words are the msgids. */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "sigap-platform-rules.h"
#include "sigap-preview-card.h"
#include "sigap-preview-picture.h"

#include "sigap-test-widget.h"

#define ELLIPSIS "\xe2\x80\xa6"

static SigapTwitterText *twitter;

typedef struct
{
  GtkWindow *window;
  SigapPreviewCard *card;
} Fixture;

/* In a scrolled window, as the composer shows it. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  fixture->card = SIGAP_PREVIEW_CARD (sigap_preview_card_new (twitter));
  sigap_preview_card_set_account (fixture->card, "Dinas Kesehatan", "@dinkes");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->card));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 420, 800);
  gtk_window_set_child (fixture->window, scrolled);
  gtk_window_present (fixture->window);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

/* The first widget of @root's tree with @css_class (or @type). */
static GtkWidget *
find (GtkWidget  *root,
      const char *css_class,
      GType       type)
{
  if ((css_class == NULL || gtk_widget_has_css_class (root, css_class))
      && (type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (root, type)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, css_class, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
find_all (GtkWidget *root,
          GType      type,
          GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, found);
}

static GtkLabel *
find_label (Fixture    *fixture,
            const char *css_class)
{
  GtkWidget *label = find (GTK_WIDGET (fixture->card), css_class, GTK_TYPE_LABEL);

  g_assert_nonnull (label);

  return GTK_LABEL (label);
}

static GtkButton *
find_more (Fixture *fixture)
{
  GtkWidget *button = find (GTK_WIDGET (fixture->card), "preview-more", GTK_TYPE_BUTTON);

  g_assert_nonnull (button);

  return GTK_BUTTON (button);
}

static char *
long_text (void)
{
  GString *text = g_string_new (NULL);

  while (text->len < 1200)
    g_string_append (text, "Vaksinasi keliling di 12 kecamatan mulai Senin, "
                           "bawa KTP dan Kartu Keluarga. #SehatBersama ");

  return g_string_free (text, FALSE);
}

/* Activates @button as the keyboard does and waits for its click. */
static void
activate_and_wait (Fixture   *fixture,
                   GtkButton *button,
                   gboolean   expanded)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, sigap_test_timeout_cb, &timed_out);

  g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
  while (sigap_preview_card_get_expanded (fixture->card) != expanded && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));
}

static void
test_fold_and_expand (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = long_text ();
  GtkLabel *label;
  GtkButton *more;
  g_autofree char *shown = NULL;
  g_autofree char *part = NULL;
  int folded_height;

  sigap_preview_card_set_text (fixture->card, text);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));

  label = find_label (fixture, "preview-text");
  more = find_more (fixture);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (more)));
  g_assert_false (gtk_label_get_selectable (label));

  /* Folded at a word's end, before Facebook's 300 characters. */
  shown = g_strdup (gtk_label_get_text (label));
  g_assert_true (g_str_has_suffix (shown, ELLIPSIS));
  part = g_strndup (shown, strlen (shown) - strlen (ELLIPSIS));
  g_assert_true (g_str_has_prefix (text, part));
  g_assert_cmpint (g_utf8_strlen (part, -1), <=, 300);
  g_assert_cmpint (text[strlen (part)], ==, ' ');
  g_assert_cmpstr (gtk_button_get_label (more), ==, "See more");
  folded_height = gtk_widget_get_height (GTK_WIDGET (label));

  /* Expanded, the label is as high as the whole text: four times the
   * folded part at least. */
  activate_and_wait (fixture, more, TRUE);
  g_assert_cmpstr (gtk_label_get_text (label), ==, text);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (more)));
  g_assert_cmpstr (gtk_button_get_label (more), ==, "Show less");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (label)), >, 3 * folded_height);

  activate_and_wait (fixture, more, FALSE);
  g_assert_cmpstr (gtk_label_get_text (label), ==, shown);
  g_assert_cmpstr (gtk_button_get_label (more), ==, "See more");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (label)), ==, folded_height);

  /* A short text has no button. */
  sigap_preview_card_set_text (fixture->card, "Selamat pagi!");
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Selamat pagi!");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (more)));
}

/* Each platform says "more" its own way, and folds at its own length. */
static void
test_more_words (Fixture       *fixture,
                 gconstpointer  data)
{
  const struct {
    SigapPlatform platform;
    const char *more;
    int max_chars;
  } cases[] = {
    { SIGAP_PLATFORM_INSTAGRAM, "more", 125 + 7 },  /* after "dinkes " */
    { SIGAP_PLATFORM_X, "Show more", 280 },
    { SIGAP_PLATFORM_YOUTUBE, "more", 160 },
    { SIGAP_PLATFORM_TIKTOK, "more", 90 },
  };
  g_autofree char *text = long_text ();

  sigap_preview_card_set_text (fixture->card, text);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkLabel *label;
      GtkButton *more;

      sigap_preview_card_set_platform (fixture->card, cases[i].platform);
      sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));

      label = find_label (fixture, "preview-text");
      more = find_more (fixture);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (more)));
      g_assert_cmpstr (gtk_button_get_label (more), ==, cases[i].more);
      g_assert_cmpint (g_utf8_strlen (gtk_label_get_text (label), -1), <=,
                       cases[i].max_chars + 1);
    }
}

static GPtrArray *
new_media (int      width,
           int      height,
           gboolean is_video,
           double   seconds,
           guint    n)
{
  GPtrArray *media = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_preview_media_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkPaintable) paintable = gdk_paintable_new_empty (width, height);

      g_ptr_array_add (media, sigap_preview_media_new (paintable, width, height, is_video,
                                                       seconds));
    }

  return media;
}

/* @picture's allocated width / height. */
static double
allocated_ratio (GtkWidget *picture)
{
  g_assert_true (gtk_widget_get_mapped (picture));
  g_assert_cmpint (gtk_widget_get_height (picture), >, 0);

  return (double) gtk_widget_get_width (picture) / gtk_widget_get_height (picture);
}

static void
test_youtube (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) media = new_media (1000, 1000, TRUE, 42.4, 1);
  GtkLabel *title;
  GtkLabel *duration;
  GtkWidget *picture;

  sigap_preview_card_set_platform (fixture->card, SIGAP_PLATFORM_YOUTUBE);
  sigap_preview_card_set_title (fixture->card, "Vaksinasi keliling di 12 kecamatan");
  sigap_preview_card_set_text (fixture->card, "Jadwal lengkap di deskripsi.");
  sigap_preview_card_set_media (fixture->card, media);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));

  title = find_label (fixture, "preview-title");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (title)));
  g_assert_cmpstr (gtk_label_get_text (title), ==, "Vaksinasi keliling di 12 kecamatan");
  g_assert_cmpstr (gtk_label_get_text (find_label (fixture, "preview-name")), ==,
                   "Dinas Kesehatan");

  /* A square video as a 16:9 thumbnail with its length. */
  duration = find_label (fixture, "preview-duration");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (duration)));
  g_assert_cmpstr (gtk_label_get_text (duration), ==, "0:42");
  picture = find (GTK_WIDGET (fixture->card), NULL, SIGAP_TYPE_PREVIEW_PICTURE);
  g_assert_nonnull (picture);
  g_assert_cmpfloat_with_epsilon (allocated_ratio (picture), 16.0 / 9.0, 0.02);

  /* The title alone is not empty. */
  sigap_preview_card_set_text (fixture->card, NULL);
  sigap_preview_card_set_media (fixture->card, NULL);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (title)));
}

static void
test_tiktok (Fixture       *fixture,
             gconstpointer  data)
{
  const char *caption = "Ayo vaksin bersama keluarga! #SehatBersama @puskesmas_sukamaju";
  g_autoptr(GPtrArray) media = new_media (1920, 1080, TRUE, 15, 1);
  GtkLabel *label;
  GtkWidget *screen;
  GtkWidget *picture;

  sigap_preview_card_set_platform (fixture->card, SIGAP_PLATFORM_TIKTOK);
  sigap_preview_card_set_text (fixture->card, caption);
  sigap_preview_card_set_media (fixture->card, media);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));

  label = find_label (fixture, "preview-text");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_text (label), ==, caption);
  g_assert_cmpstr (gtk_label_get_text (find_label (fixture, "preview-name")), ==, "@dinkes");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (find_more (fixture))));

  /* The caption over the bottom of the 9:16 screen, which the landscape
   * video covers. */
  screen = find (GTK_WIDGET (fixture->card), "preview-tiktok", G_TYPE_INVALID);
  g_assert_nonnull (screen);
  picture = find (screen, NULL, SIGAP_TYPE_PREVIEW_PICTURE);
  g_assert_nonnull (picture);
  g_assert_cmpfloat_with_epsilon (allocated_ratio (picture), 9.0 / 16.0, 0.02);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (label), screen));
  {
    graphene_point_t in_screen;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (label), screen,
                                             &GRAPHENE_POINT_INIT (0, 0), &in_screen));
    g_assert_cmpfloat (in_screen.y, >, gtk_widget_get_height (screen) / 2.0);
  }
  /* No play button over TikTok's screen. */
  g_assert_null (find (GTK_WIDGET (fixture->card), "preview-play", G_TYPE_INVALID));
}

static void
test_instagram (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) media = new_media (1000, 2000, FALSE, 0, 3);
  GtkLabel *label;
  GtkWidget *picture;
  GtkWidget *header;
  GtkWidget *caption;
  graphene_point_t picture_top;
  graphene_point_t caption_top;

  sigap_preview_card_set_platform (fixture->card, SIGAP_PLATFORM_INSTAGRAM);
  sigap_preview_card_set_text (fixture->card, "Sehat <selalu> & bahagia");
  sigap_preview_card_set_media (fixture->card, media);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));

  label = find_label (fixture, "preview-text");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "dinkes Sehat <selalu> & bahagia");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "<b>dinkes</b> "));

  /* Media first, the caption under it; a carousel is square. */
  picture = find (GTK_WIDGET (fixture->card), NULL, SIGAP_TYPE_PREVIEW_PICTURE);
  g_assert_nonnull (picture);
  g_assert_cmpfloat_with_epsilon (allocated_ratio (picture), 1.0, 0.02);
  header = GTK_WIDGET (find_label (fixture, "preview-name"));
  caption = GTK_WIDGET (label);
  g_assert_true (gtk_widget_compute_point (picture, GTK_WIDGET (fixture->card),
                                           &GRAPHENE_POINT_INIT (0, 0), &picture_top));
  g_assert_true (gtk_widget_compute_point (caption, GTK_WIDGET (fixture->card),
                                           &GRAPHENE_POINT_INIT (0, 0), &caption_top));
  g_assert_cmpfloat (caption_top.y, >, picture_top.y + gtk_widget_get_height (picture) - 1);
  g_assert_true (gtk_widget_get_mapped (header));
}

/* One tall image on Facebook: shown at 4:5; two on X: 8:9 halves. */
static void
test_crop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) tall = new_media (1000, 2000, FALSE, 0, 1);
  g_autoptr(GPtrArray) pair = new_media (1600, 900, FALSE, 0, 2);
  g_autoptr(GPtrArray) pictures = g_ptr_array_new ();
  GtkWidget *picture;

  sigap_preview_card_set_text (fixture->card, "Foto kegiatan");
  sigap_preview_card_set_media (fixture->card, tall);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));
  picture = find (GTK_WIDGET (fixture->card), NULL, SIGAP_TYPE_PREVIEW_PICTURE);
  g_assert_nonnull (picture);
  g_assert_cmpfloat_with_epsilon (allocated_ratio (picture), 0.8, 0.02);

  sigap_preview_card_set_platform (fixture->card, SIGAP_PLATFORM_X);
  sigap_preview_card_set_media (fixture->card, pair);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));
  find_all (GTK_WIDGET (fixture->card), SIGAP_TYPE_PREVIEW_PICTURE, pictures);
  g_assert_cmpuint (pictures->len, ==, 2);
  for (guint i = 0; i < pictures->len; i++)
    g_assert_cmpfloat_with_epsilon (allocated_ratio (g_ptr_array_index (pictures, i)),
                                    8.0 / 9.0, 0.02);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkLabel *empty = find_label (fixture, "preview-empty");
  GtkLabel *text = find_label (fixture, "preview-text");
  g_autoptr(GPtrArray) media = new_media (800, 600, FALSE, 0, 1);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  g_assert_cmpstr (gtk_label_get_text (empty), ==, "Write the post's text to see a preview");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (text)));

  sigap_preview_card_set_text (fixture->card, "Halo");
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (text)));

  /* White space is no text; an image alone is a post. */
  sigap_preview_card_set_text (fixture->card, "  \n ");
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));

  sigap_preview_card_set_media (fixture->card, media);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (empty)));
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *names[SIGAP_N_PLATFORMS] = {
    [SIGAP_PLATFORM_FACEBOOK] = "Facebook preview",
    [SIGAP_PLATFORM_INSTAGRAM] = "Instagram preview",
    [SIGAP_PLATFORM_X] = "X preview",
    [SIGAP_PLATFORM_YOUTUBE] = "YouTube preview",
    [SIGAP_PLATFORM_TIKTOK] = "TikTok preview",
  };

  for (SigapPlatform platform = SIGAP_N_PLATFORMS; platform-- > 0;)
    {
      g_autofree char *wrong = NULL;

      sigap_preview_card_set_platform (fixture->card, platform);
      wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->card),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                  names[platform]);
      g_assert_null (wrong);
    }
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->card)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
}

/* A keystroke changes the label's text, not the widgets. */
static void
test_keystroke (Fixture       *fixture,
                gconstpointer  data)
{
  GtkLabel *label;
  GtkButton *more;
  GtkWidget *picture;
  g_autoptr(GPtrArray) media = new_media (800, 600, FALSE, 0, 1);
  g_autofree char *text = long_text ();

  sigap_preview_card_set_platform (fixture->card, SIGAP_PLATFORM_X);
  sigap_preview_card_set_media (fixture->card, media);
  sigap_preview_card_set_text (fixture->card, "H");
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));
  label = find_label (fixture, "preview-text");
  more = find_more (fixture);
  picture = find (GTK_WIDGET (fixture->card), NULL, SIGAP_TYPE_PREVIEW_PICTURE);
  g_object_add_weak_pointer (G_OBJECT (label), (gpointer *) &label);
  g_object_add_weak_pointer (G_OBJECT (picture), (gpointer *) &picture);

  for (gsize i = 2; i <= strlen (text); i += 97)
    {
      g_autofree char *typed = g_strndup (text, i);

      sigap_preview_card_set_text (fixture->card, typed);
    }
  sigap_preview_card_set_text (fixture->card, text);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->card));

  g_assert_nonnull (label);
  g_assert_nonnull (picture);
  g_assert_true (find_label (fixture, "preview-text") == label);
  g_assert_true (find_more (fixture) == more);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (label), ELLIPSIS));
  g_object_remove_weak_pointer (G_OBJECT (label), (gpointer *) &label);
  g_object_remove_weak_pointer (G_OBJECT (picture), (gpointer *) &picture);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* GTK's test accessibility context, which records the accessible
   * properties without a bus, in place of the ui suite's "none". */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);
  twitter = sigap_twitter_text_new_shipped (&error);
  g_assert_no_error (error);

  g_test_add ("/preview-card/fold-and-expand", Fixture, NULL,
              fixture_set_up, test_fold_and_expand, fixture_tear_down);
  g_test_add ("/preview-card/more-words", Fixture, NULL,
              fixture_set_up, test_more_words, fixture_tear_down);
  g_test_add ("/preview-card/youtube", Fixture, NULL,
              fixture_set_up, test_youtube, fixture_tear_down);
  g_test_add ("/preview-card/tiktok", Fixture, NULL,
              fixture_set_up, test_tiktok, fixture_tear_down);
  g_test_add ("/preview-card/instagram", Fixture, NULL,
              fixture_set_up, test_instagram, fixture_tear_down);
  g_test_add ("/preview-card/crop", Fixture, NULL,
              fixture_set_up, test_crop, fixture_tear_down);
  g_test_add ("/preview-card/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/preview-card/accessible", Fixture, NULL,
              fixture_set_up, test_accessible, fixture_tear_down);
  g_test_add ("/preview-card/keystroke", Fixture, NULL,
              fixture_set_up, test_keystroke, fixture_tear_down);

  status = g_test_run ();
  sigap_twitter_text_unref (twitter);

  return status;
}
