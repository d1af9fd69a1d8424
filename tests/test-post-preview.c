/* test-post-preview.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pango.h>

#include "sigap-platform-rules.h"
#include "sigap-post-preview.h"

/* The composer's previews in the core: each platform's markup of a post
 * read back with pango_parse_markup(), its highlighted links, hashtags
 * and mentions, where it folds (never inside a character of several code
 * points nor inside a link or a tag), and the part of an image each feed
 * shows. With the shipped twitter-text files (SIGAP_DATA_DIR, the source
 * tree's data/); in the C locale, so the "more" words are the msgids. */

#define ELLIPSIS "\xe2\x80\xa6"
/* 👩‍👩‍👧‍👦: seven code points joined by ZWJ, 25 bytes, one character. */
#define FAMILY "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d" \
               "\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6"
#define E_DECOMPOSED "e\xcc\x81"            /* e + U+0301: one character */
#define URL "https://dinkes.example.go.id/berita/2026/12/jadwal-vaksinasi-keliling"

static SigapTwitterText *twitter;

/* How many code points each platform shows before folding, as its rule
 * in sigap-post-preview.c says. */
static const int max_chars[SIGAP_N_PLATFORMS] = {
  [SIGAP_PLATFORM_FACEBOOK] = 300,
  [SIGAP_PLATFORM_INSTAGRAM] = 125,
  [SIGAP_PLATFORM_X] = 280,
  [SIGAP_PLATFORM_YOUTUBE] = 160,
  [SIGAP_PLATFORM_TIKTOK] = 90,
};

static char *
repeat (const char *piece,
        guint       times)
{
  GString *string = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (string, piece);

  return g_string_free (string, FALSE);
}

/* A text of words of various lengths, @n_chars code points or a few
 * more, no link nor tag. */
static char *
words (guint n_chars)
{
  static const char *pieces[] = {
    "Layanan ", "kesehatan ", "gratis ", "untuk ", "warga ", "lansia ", "di ",
    "puskesmas ", "terdekat ", "setiap ", "hari ", "kerja. ",
  };
  GString *string = g_string_new (NULL);

  for (guint i = 0; string->len < n_chars; i++)
    g_string_append (string, pieces[i % G_N_ELEMENTS (pieces)]);

  return g_string_free (string, FALSE);
}

/* The text of @markup, which must parse, and its attributes. */
static char *
parse (const char     *markup,
       PangoAttrList **attrs)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!pango_parse_markup (markup, -1, 0, attrs, &text, NULL, &error))
    g_error ("%s: %s", markup, error->message);

  return text;
}

typedef struct
{
  guint start;
  guint end;
} Range;

/* The byte ranges of @attrs' attributes of @type, in order. */
static GArray *
ranges_of (PangoAttrList  *attrs,
           PangoAttrType   type,
           const char     *color)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  GSList *list = pango_attr_list_get_attributes (attrs);

  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;
      Range range = { attr->start_index, attr->end_index };

      if (attr->klass->type != type)
        continue;
      if (color != NULL)
        {
          PangoColor expected;
          PangoColor *got = &((PangoAttrColor *) attr)->color;

          g_assert_true (pango_color_parse (&expected, color));
          g_assert_cmpuint (got->red, ==, expected.red);
          g_assert_cmpuint (got->green, ==, expected.green);
          g_assert_cmpuint (got->blue, ==, expected.blue);
        }
      g_array_append_val (ranges, range);
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);

  return ranges;
}

/* Checks that @ranges are, in order, exactly the places of @pieces in
 * @text, the first place of each after the previous. */
static void
assert_ranges (GArray      *ranges,
               const char  *text,
               const char **pieces)
{
  const char *from = text;
  guint n = g_strv_length ((char **) pieces);

  g_assert_cmpuint (ranges->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const char *found = strstr (from, pieces[i]);
      const Range *range = &g_array_index (ranges, Range, i);

      g_assert_nonnull (found);
      g_assert_cmpuint (range->start, ==, found - text);
      g_assert_cmpuint (range->end, ==, found - text + strlen (pieces[i]));
      from = found + strlen (pieces[i]);
    }
}

/* What @platform shows of @text folded: its part before "… " and the
 * "more" word, which must end it. NULL if not folded. */
static char *
folded_part (SigapPlatform  platform,
             const char    *text)
{
  g_autofree char *markup = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *suffix = NULL;
  gboolean folded = FALSE;
  gssize fold;

  markup = sigap_post_preview_markup (twitter, platform, text, FALSE, &folded);
  shown = parse (markup, NULL);
  fold = sigap_post_preview_fold (twitter, platform, text);
  if (!folded)
    {
      g_assert_cmpstr (shown, ==, text);
      g_assert_cmpint (fold, ==, -1);
      return NULL;
    }

  suffix = g_strconcat (ELLIPSIS " ", sigap_post_preview_more_label (platform), NULL);
  g_assert_true (g_str_has_suffix (shown, suffix));
  shown[strlen (shown) - strlen (suffix)] = '\0';
  g_assert_true (g_str_has_prefix (text, shown));
  g_assert_cmpint (fold, ==, strlen (shown));

  return g_steal_pointer (&shown);
}

static void
test_escape (void)
{
  const char *text = "Antre <5 menit> & \"gratis\" di R&D 'Sehat'";

  for (SigapPlatform platform = 0; platform < SIGAP_N_PLATFORMS; platform++)
    {
      g_autofree char *markup = sigap_post_preview_markup (twitter, platform, text, FALSE,
                                                           NULL);
      g_autofree char *shown = parse (markup, NULL);

      g_assert_nonnull (strstr (markup, "&lt;5 menit&gt; &amp;"));
      g_assert_null (strstr (markup, "<5"));
      g_assert_cmpstr (shown, ==, text);
    }
}

static void
test_highlight (void)
{
  /* Multi-byte characters before the entities: the ranges are bytes,
   * the core's entities code points. */
  const char *text = "Jadwal vaksinasi \xf0\x9f\x92\x89 kecamatan S\xc3\xa9maju: " URL
                     " #VaksinasiKeliling bersama @puskesmas_sukamaju, <ayo>!";
  const char *all[] = { URL, "#VaksinasiKeliling", "@puskesmas_sukamaju", NULL };
  const char *tags[] = { "#VaksinasiKeliling", "@puskesmas_sukamaju", NULL };
  const char *none[] = { NULL };
  struct {
    SigapPlatform platform;
    const char *color;
    const char **colored;
    const char **bold;
  } cases[] = {
    { SIGAP_PLATFORM_FACEBOOK, "#0064D1", all, tags + 1 },
    { SIGAP_PLATFORM_INSTAGRAM, "#00376B", tags, none },
    { SIGAP_PLATFORM_X, "#1D9BF0", all, none },
    { SIGAP_PLATFORM_YOUTUBE, "#065FD4", all, none },
    { SIGAP_PLATFORM_TIKTOK, "#FFFFFF", tags, tags },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PangoAttrList) attrs = NULL;
      g_autofree char *markup = NULL;
      g_autofree char *shown = NULL;
      g_autoptr(GArray) colored = NULL;
      g_autoptr(GArray) bold = NULL;
      gboolean folded = TRUE;

      markup = sigap_post_preview_markup (twitter, cases[i].platform, text, TRUE, &folded);
      g_assert_false (folded);
      shown = parse (markup, &attrs);
      g_assert_cmpstr (shown, ==, text);

      colored = ranges_of (attrs, PANGO_ATTR_FOREGROUND, cases[i].color);
      assert_ranges (colored, shown, cases[i].colored);
      bold = ranges_of (attrs, PANGO_ATTR_WEIGHT, NULL);
      assert_ranges (bold, shown, cases[i].bold);
    }
}

/* Without twitter-text, no link is found; the tags still are. */
static void
test_highlight_without_twitter (void)
{
  const char *text = "Lihat " URL " #Sehat";
  const char *tags[] = { "#Sehat", NULL };
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *markup = sigap_post_preview_markup (NULL, SIGAP_PLATFORM_X, text, FALSE,
                                                       NULL);
  g_autofree char *shown = parse (markup, &attrs);
  g_autoptr(GArray) colored = ranges_of (attrs, PANGO_ATTR_FOREGROUND, "#1D9BF0");

  assert_ranges (colored, shown, tags);
}

/* A mention inside a link is the link's: one highlight. */
static void
test_highlight_overlap (void)
{
  const char *text = "Ikuti https://www.tiktok.com/@dinkes_sukamaju ya";
  const char *link[] = { "https://www.tiktok.com/@dinkes_sukamaju", NULL };
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *markup = sigap_post_preview_markup (twitter, SIGAP_PLATFORM_X, text, FALSE,
                                                       NULL);
  g_autofree char *shown = parse (markup, &attrs);
  g_autoptr(GArray) colored = ranges_of (attrs, PANGO_ATTR_FOREGROUND, "#1D9BF0");
  g_autoptr(GPtrArray) mentions = sigap_twitter_text_extract_mentions (text);

  /* What makes the case: twitter-text finds the mention too. */
  g_assert_cmpuint (mentions->len, ==, 1);
  g_assert_cmpstr (shown, ==, text);
  assert_ranges (colored, shown, link);
}

static void
test_short (void)
{
  const char *texts[] = {
    "",
    "Selamat pagi, warga!",
    "Dua baris\nsaja",
    "Akhir dengan spasi   \n\n\n\n\n\n\n",
  };

  for (SigapPlatform platform = 0; platform < SIGAP_N_PLATFORMS; platform++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        g_assert_null (folded_part (platform, texts[i]));
    }
}

/* A long text folds at the end of a word, close before the limit. */
static void
test_fold_word (void)
{
  g_autofree char *text = words (1000);

  for (SigapPlatform platform = 0; platform < SIGAP_N_PLATFORMS; platform++)
    {
      g_autofree char *part = folded_part (platform, text);
      glong n_chars;

      g_assert_nonnull (part);
      n_chars = g_utf8_strlen (part, -1);
      g_assert_cmpint (n_chars, <=, max_chars[platform]);
      /* The longest word is 10 characters. */
      g_assert_cmpint (n_chars, >, max_chars[platform] - 12);
      /* A word's end, not white space. */
      g_assert_cmpint (text[strlen (part)], ==, ' ');
      g_assert_cmpint (part[strlen (part) - 1], !=, ' ');
    }
}

/* Exactly at the limit: shown whole; one more character: folded. */
static void
test_fold_limit (void)
{
  for (SigapPlatform platform = 0; platform < SIGAP_N_PLATFORMS; platform++)
    {
      g_autofree char *exact = repeat ("a", (guint) max_chars[platform]);
      g_autofree char *over = g_strconcat (exact, " b", NULL);
      g_autofree char *part = NULL;

      g_assert_null (folded_part (platform, exact));
      part = folded_part (platform, over);
      g_assert_cmpstr (part, ==, exact);
    }
}

/* The platforms that fold after some lines. */
static void
test_fold_lines (void)
{
  g_autofree char *ig = folded_part (SIGAP_PLATFORM_INSTAGRAM, "Satu\nDua\nTiga\nEmpat");
  g_autofree char *fb = folded_part (SIGAP_PLATFORM_FACEBOOK, "1\n2\n3\n4\n5\n\n6");
  g_autofree char *fb_five = folded_part (SIGAP_PLATFORM_FACEBOOK, "1\n2\n3\n4\n5");
  g_autofree char *x = folded_part (SIGAP_PLATFORM_X, "1\n2\n3\n4\n5\n6\n7\n8");

  g_assert_cmpstr (ig, ==, "Satu\nDua");
  g_assert_cmpstr (fb, ==, "1\n2\n3\n4\n5");
  g_assert_null (fb_five);
  /* X folds by length alone. */
  g_assert_null (x);
}

/* X weighs its text: a link counts 23 whatever its length. */
static void
test_fold_x_weighted (void)
{
  g_autofree char *before = repeat ("a", 250);
  g_autofree char *fits = g_strconcat (before, " " URL " ok", NULL);
  g_autofree char *over = g_strconcat (before, " " URL " dan kalimat yang lebih panjang", NULL);
  /* CJK characters weigh 2: 141 of them are 282. */
  g_autofree char *cjk = repeat ("\xe6\xbc\xa2", 141);
  g_autofree char *part = NULL;
  g_autofree char *cjk_part = NULL;

  g_assert_cmpint (g_utf8_strlen (fits, -1), >, 280);
  g_assert_null (folded_part (SIGAP_PLATFORM_X, fits));

  part = folded_part (SIGAP_PLATFORM_X, over);
  g_assert_true (g_str_has_prefix (part, before));
  g_assert_true (g_str_has_suffix (part, URL " dan"));

  cjk_part = folded_part (SIGAP_PLATFORM_X, cjk);
  g_assert_cmpint (g_utf8_strlen (cjk_part, -1), ==, 140);
}

/* Never inside a character of several code points: an emoji sequence
 * joined by ZWJ, a letter and its accent. */
static void
test_fold_grapheme (void)
{
  g_autofree char *letters = repeat ("a", 100);
  g_autofree char *families = repeat (FAMILY, 10);
  g_autofree char *emoji = g_strconcat (letters, families, NULL);
  g_autofree char *accents = repeat (E_DECOMPOSED, 80);
  g_autofree char *x_124 = repeat ("x", 124);
  g_autofree char *accented = g_strconcat (x_124, accents, NULL);
  g_autofree char *emoji_part = NULL;
  g_autofree char *accented_part = NULL;
  g_autofree char *expected = NULL;

  /* Instagram's limit, 125 code points, falls in the fourth family
   * (code points 121 to 127). */
  emoji_part = folded_part (SIGAP_PLATFORM_INSTAGRAM, emoji);
  expected = g_strconcat (letters, FAMILY FAMILY FAMILY, NULL);
  g_assert_cmpstr (emoji_part, ==, expected);

  /* Its 125th code point is an "e" whose accent comes after. */
  accented_part = folded_part (SIGAP_PLATFORM_INSTAGRAM, accented);
  g_assert_cmpstr (accented_part, ==, x_124);
}

/* Never inside a link, a hashtag or a mention, though a link has places
 * where a line may break ('/', '-'). */
static void
test_fold_entity (void)
{
  g_autofree char *words_275 = repeat ("kata ", 55);
  g_autofree char *words_295 = repeat ("kata ", 59);
  g_autofree char *link = g_strconcat (words_275, URL " selesai di sini.", NULL);
  g_autofree char *tag = g_strconcat (words_295, "#VaksinasiKeliling selesai.", NULL);
  g_autofree char *mention = g_strconcat (words_295, "@puskesmas_sukamaju selesai.", NULL);
  g_autofree char *link_part = folded_part (SIGAP_PLATFORM_FACEBOOK, link);
  g_autofree char *tag_part = folded_part (SIGAP_PLATFORM_FACEBOOK, tag);
  g_autofree char *mention_part = folded_part (SIGAP_PLATFORM_FACEBOOK, mention);
  g_autofree char *expected_275 = g_strndup (words_275, strlen (words_275) - 1);
  g_autofree char *expected_295 = g_strndup (words_295, strlen (words_295) - 1);

  g_assert_cmpstr (link_part, ==, expected_275);
  g_assert_cmpstr (tag_part, ==, expected_295);
  g_assert_cmpstr (mention_part, ==, expected_295);
}

/* A link from the start past the limit is shown whole. */
static void
test_fold_long_link (void)
{
  g_autofree char *path = repeat ("abcdefghij", 20);
  g_autofree char *link = g_strconcat ("https://dinkes.example.go.id/", path, NULL);
  g_autofree char *text = g_strconcat (link, " dan sisanya", NULL);
  g_autofree char *part = folded_part (SIGAP_PLATFORM_INSTAGRAM, text);
  g_autofree char *alone = g_strconcat (link, "  \n", NULL);

  g_assert_cmpstr (part, ==, link);
  /* With nothing after it, there is nothing to fold. */
  g_assert_null (folded_part (SIGAP_PLATFORM_INSTAGRAM, alone));
}

/* Folded, the highlights are those of the part shown. */
static void
test_fold_highlights (void)
{
  g_autofree char *before = words (60);
  g_autofree char *after = words (200);
  g_autofree char *text = g_strconcat ("#Sehat ", before, " @dinkes ", after, " #Nanti", NULL);
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *markup = sigap_post_preview_markup (twitter, SIGAP_PLATFORM_INSTAGRAM,
                                                       text, FALSE, NULL);
  g_autofree char *shown = parse (markup, &attrs);
  g_autoptr(GArray) colored = ranges_of (attrs, PANGO_ATTR_FOREGROUND, NULL);
  const char *mention = strstr (shown, "@dinkes");

  /* The tags shown, then the "more" word, which is grey. */
  g_assert_nonnull (mention);
  g_assert_cmpuint (colored->len, ==, 3);
  g_assert_cmpuint (g_array_index (colored, Range, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (colored, Range, 0).end, ==, strlen ("#Sehat"));
  g_assert_cmpuint (g_array_index (colored, Range, 1).start, ==, mention - shown);
  g_assert_cmpuint (g_array_index (colored, Range, 2).start, ==,
                    strlen (shown) - strlen ("more"));
  g_assert_cmpuint (g_array_index (colored, Range, 2).end, ==, strlen (shown));
  g_assert_null (strstr (shown, "#Nanti"));
}

static void
test_expanded (void)
{
  g_autofree char *text = words (1000);

  for (SigapPlatform platform = 0; platform < SIGAP_N_PLATFORMS; platform++)
    {
      g_autofree char *markup = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *full = NULL;
      g_autofree char *full_shown = NULL;
      gboolean folded = TRUE;
      gboolean foldable = FALSE;

      markup = sigap_post_preview_markup (twitter, platform, text, TRUE, &folded);
      shown = parse (markup, NULL);
      g_assert_false (folded);
      g_assert_cmpstr (shown, ==, text);

      /* Expanded, it still says that the text folds. */
      full = sigap_post_preview_markup_full (twitter, platform, text,
                                             SIGAP_POST_PREVIEW_EXPANDED, &foldable);
      full_shown = parse (full, NULL);
      g_assert_true (foldable);
      g_assert_cmpstr (full_shown, ==, text);
    }
}

static void
test_no_more_word (void)
{
  g_autofree char *text = words (400);
  g_autofree char *markup = NULL;
  g_autofree char *shown = NULL;
  gboolean foldable = FALSE;

  markup = sigap_post_preview_markup_full (twitter, SIGAP_PLATFORM_FACEBOOK, text,
                                           SIGAP_POST_PREVIEW_NO_MORE_WORD, &foldable);
  shown = parse (markup, NULL);
  g_assert_true (foldable);
  g_assert_true (g_str_has_suffix (shown, ELLIPSIS));
  g_assert_null (strstr (shown, "See more"));
}

static void
test_more_labels (void)
{
  g_assert_cmpstr (sigap_post_preview_more_label (SIGAP_PLATFORM_FACEBOOK), ==, "See more");
  g_assert_cmpstr (sigap_post_preview_more_label (SIGAP_PLATFORM_INSTAGRAM), ==, "more");
  g_assert_cmpstr (sigap_post_preview_more_label (SIGAP_PLATFORM_X), ==, "Show more");
  g_assert_cmpstr (sigap_post_preview_more_label (SIGAP_PLATFORM_YOUTUBE), ==, "more");
  g_assert_cmpstr (sigap_post_preview_more_label (SIGAP_PLATFORM_TIKTOK), ==, "more");
}

static void
assert_crop (SigapPlatform platform,
             int           width,
             int           height,
             int           n_media,
             int           x,
             int           y,
             int           crop_width,
             int           crop_height)
{
  SigapPreviewCrop crop = { -1, -1, -1, -1 };

  sigap_post_preview_crop (platform, width, height, n_media, &crop);
  g_assert_cmpint (crop.x, ==, x);
  g_assert_cmpint (crop.y, ==, y);
  g_assert_cmpint (crop.width, ==, crop_width);
  g_assert_cmpint (crop.height, ==, crop_height);
}

static void
test_crop (void)
{
  /* Instagram: 4:5 and 1.91:1 whole; taller and wider clamped; a
   * carousel square. */
  assert_crop (SIGAP_PLATFORM_INSTAGRAM, 1080, 1350, 1, 0, 0, 1080, 1350);
  assert_crop (SIGAP_PLATFORM_INSTAGRAM, 1000, 2000, 1, 0, 375, 1000, 1250);
  assert_crop (SIGAP_PLATFORM_INSTAGRAM, 3000, 1000, 1, 545, 0, 1910, 1000);
  assert_crop (SIGAP_PLATFORM_INSTAGRAM, 1200, 800, 3, 200, 0, 800, 800);
  /* Facebook: as Instagram for one, squares for several. */
  assert_crop (SIGAP_PLATFORM_FACEBOOK, 1920, 1080, 1, 0, 0, 1920, 1080);
  assert_crop (SIGAP_PLATFORM_FACEBOOK, 1080, 1920, 1, 0, 285, 1080, 1350);
  assert_crop (SIGAP_PLATFORM_FACEBOOK, 1920, 1080, 2, 420, 0, 1080, 1080);
  /* X: one from 3:4 to 16:9; two 8:9; more 16:9. */
  assert_crop (SIGAP_PLATFORM_X, 1000, 1000, 1, 0, 0, 1000, 1000);
  assert_crop (SIGAP_PLATFORM_X, 3000, 1000, 1, 611, 0, 1778, 1000);
  assert_crop (SIGAP_PLATFORM_X, 900, 1600, 1, 0, 200, 900, 1200);
  assert_crop (SIGAP_PLATFORM_X, 1600, 900, 2, 400, 0, 800, 900);
  assert_crop (SIGAP_PLATFORM_X, 1000, 1000, 4, 0, 218, 1000, 563);
  /* YouTube 16:9, TikTok 9:16. */
  assert_crop (SIGAP_PLATFORM_YOUTUBE, 1000, 1000, 1, 0, 218, 1000, 563);
  assert_crop (SIGAP_PLATFORM_YOUTUBE, 1920, 1080, 1, 0, 0, 1920, 1080);
  assert_crop (SIGAP_PLATFORM_TIKTOK, 1920, 1080, 1, 656, 0, 608, 1080);
  assert_crop (SIGAP_PLATFORM_TIKTOK, 1080, 1920, 1, 0, 0, 1080, 1920);
  /* No pixels, no part. */
  assert_crop (SIGAP_PLATFORM_FACEBOOK, 0, 0, 1, 0, 0, 0, 0);
}

static void
test_duration (void)
{
  const struct {
    double seconds;
    const char *expected;
  } cases[] = {
    { 0, "0:00" },
    { 42, "0:42" },
    { 42.9, "0:42" },
    { 125, "2:05" },
    { 3599, "59:59" },
    { 3723, "1:02:03" },
    { -5, "0:00" },
    { NAN, "0:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *duration = sigap_post_preview_format_duration (cases[i].seconds);

      g_assert_cmpstr (duration, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);
  twitter = sigap_twitter_text_new_shipped (&error);
  g_assert_no_error (error);

  g_test_add_func ("/post-preview/escape", test_escape);
  g_test_add_func ("/post-preview/highlight", test_highlight);
  g_test_add_func ("/post-preview/highlight-without-twitter", test_highlight_without_twitter);
  g_test_add_func ("/post-preview/highlight-overlap", test_highlight_overlap);
  g_test_add_func ("/post-preview/short", test_short);
  g_test_add_func ("/post-preview/fold/word", test_fold_word);
  g_test_add_func ("/post-preview/fold/limit", test_fold_limit);
  g_test_add_func ("/post-preview/fold/lines", test_fold_lines);
  g_test_add_func ("/post-preview/fold/x-weighted", test_fold_x_weighted);
  g_test_add_func ("/post-preview/fold/grapheme", test_fold_grapheme);
  g_test_add_func ("/post-preview/fold/entity", test_fold_entity);
  g_test_add_func ("/post-preview/fold/long-link", test_fold_long_link);
  g_test_add_func ("/post-preview/fold/highlights", test_fold_highlights);
  g_test_add_func ("/post-preview/expanded", test_expanded);
  g_test_add_func ("/post-preview/no-more-word", test_no_more_word);
  g_test_add_func ("/post-preview/more-labels", test_more_labels);
  g_test_add_func ("/post-preview/crop", test_crop);
  g_test_add_func ("/post-preview/duration", test_duration);

  status = g_test_run ();
  sigap_twitter_text_unref (twitter);

  return status;
}
