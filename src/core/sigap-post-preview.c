/* sigap-post-preview.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-post-preview"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <pango/pango.h>

#include "sigap-post-preview.h"

/*
 * How each platform's feed shows a post, for the composer's previews:
 * its text as Pango markup, with the links, hashtags and mentions in the
 * platform's colours and folded where the feed folds a long text behind
 * its "more" word, and the part of an image that the feed shows. Pure
 * functions, so that the tests need no display; the widget is
 * SigapPreviewCard.
 *
 * The feeds change often and fold by lines as laid out on a given
 * screen, which a preview cannot know: the rules below approximate a
 * phone's feed in characters (Unicode code points) and lines as written.
 */

typedef enum
{
  ENTITY_URL,
  ENTITY_HASHTAG,
  ENTITY_MENTION,
  N_ENTITY_KINDS,
} EntityKind;

/* How a part of the text stands out: a colour ("#RRGGBB") or none, and
 * bold or not. Neither: shown as the rest of the text. */
typedef struct
{
  const char *color;
  gboolean    bold;
} Highlight;

typedef struct
{
  /* Folding: the code points and the lines as written that the feed
   * shows before the "more" word; max_chars 0 for X's weighted length
   * (twitter-text), max_lines 0 for no limit of lines. */
  int         max_chars;
  int         max_lines;
  const char *more_context;
  const char *more_word;
  Highlight   more;
  Highlight   entities[N_ENTITY_KINDS];

  /* Cropping: a single image keeps its own width:height ratio within
   * [min_ratio, max_ratio]; each of two images is cropped to pair_ratio,
   * each of three or more to grid_ratio. */
  double      min_ratio;
  double      max_ratio;
  double      pair_ratio;
  double      grid_ratio;
} PreviewRules;

/* What twitter-text cannot tell without its configuration. */
#define X_FALLBACK_MAX_CHARS 280

/* Every colour is the platform's own on its light theme. */
static const PreviewRules preview_rules[SIGAP_N_PLATFORMS] = {
  /* Facebook folds a post after about five lines on a phone, a few
   * hundred characters: "… Lihat selengkapnya" in grey. Its link blue
   * (#0064D1, darker than the brand's #1877F2, which is for buttons) for
   * links, hashtags and mentions. One image keeps its ratio from 4:5 to
   * 1.91:1; several make a grid of squares. */
  [SIGAP_PLATFORM_FACEBOOK] = {
    .max_chars = 300,
    .max_lines = 5,
    .more_context = "Facebook preview",
    .more_word = NC_("Facebook preview", "See more"),
    .more = { "#65676B", TRUE },
    .entities = {
      [ENTITY_URL] = { "#0064D1", FALSE },
      [ENTITY_HASHTAG] = { "#0064D1", FALSE },
      [ENTITY_MENTION] = { "#0064D1", TRUE },
    },
    .min_ratio = 4.0 / 5.0,
    .max_ratio = 1.91,
    .pair_ratio = 1.0,
    .grid_ratio = 1.0,
  },
  /* Instagram shows about 125 characters of a caption, two lines, then
   * "… selengkapnya" in grey. Hashtags and mentions in its dark blue;
   * links in a caption cannot be clicked and look like the rest. One
   * image is cropped to between 4:5 and 1.91:1; a carousel's are square
   * unless the author changes them. */
  [SIGAP_PLATFORM_INSTAGRAM] = {
    .max_chars = 125,
    .max_lines = 2,
    .more_context = "Instagram preview",
    .more_word = NC_("Instagram preview", "more"),
    .more = { "#737373", FALSE },
    .entities = {
      [ENTITY_URL] = { NULL, FALSE },
      [ENTITY_HASHTAG] = { "#00376B", FALSE },
      [ENTITY_MENTION] = { "#00376B", FALSE },
    },
    .min_ratio = 4.0 / 5.0,
    .max_ratio = 1.91,
    .pair_ratio = 1.0,
    .grid_ratio = 1.0,
  },
  /* X shows 280 weighted characters (a link weighs 23) of a longer post,
   * then "Tampilkan lebih banyak" in its blue, as are links, hashtags and
   * mentions. A single image keeps its ratio from 3:4 to 16:9; several
   * share a 16:9 box: two halves (8:9 each), three or four quarters
   * (16:9 each; the first of three really is a half). */
  [SIGAP_PLATFORM_X] = {
    .max_chars = 0,
    .max_lines = 0,
    .more_context = "X preview",
    .more_word = NC_("X preview", "Show more"),
    .more = { "#1D9BF0", FALSE },
    .entities = {
      [ENTITY_URL] = { "#1D9BF0", FALSE },
      [ENTITY_HASHTAG] = { "#1D9BF0", FALSE },
      [ENTITY_MENTION] = { "#1D9BF0", FALSE },
    },
    .min_ratio = 3.0 / 4.0,
    .max_ratio = 16.0 / 9.0,
    .pair_ratio = 8.0 / 9.0,
    .grid_ratio = 16.0 / 9.0,
  },
  /* YouTube's description box shows about three lines, some 160
   * characters, then "…lainnya" in bold; links and hashtags in its blue.
   * Its thumbnails are 16:9. */
  [SIGAP_PLATFORM_YOUTUBE] = {
    .max_chars = 160,
    .max_lines = 3,
    .more_context = "YouTube preview",
    .more_word = NC_("YouTube preview", "more"),
    .more = { NULL, TRUE },
    .entities = {
      [ENTITY_URL] = { "#065FD4", FALSE },
      [ENTITY_HASHTAG] = { "#065FD4", FALSE },
      [ENTITY_MENTION] = { "#065FD4", FALSE },
    },
    .min_ratio = 16.0 / 9.0,
    .max_ratio = 16.0 / 9.0,
    .pair_ratio = 16.0 / 9.0,
    .grid_ratio = 16.0 / 9.0,
  },
  /* TikTok's caption, light text over the video, shows about two lines,
   * some 90 characters, then "lainnya" in bold; hashtags and mentions
   * bold white, links not clickable. The video or the photos cover the
   * whole 9:16 screen. */
  [SIGAP_PLATFORM_TIKTOK] = {
    .max_chars = 90,
    .max_lines = 2,
    .more_context = "TikTok preview",
    .more_word = NC_("TikTok preview", "more"),
    .more = { "#FFFFFF", TRUE },
    .entities = {
      [ENTITY_URL] = { NULL, FALSE },
      [ENTITY_HASHTAG] = { "#FFFFFF", TRUE },
      [ENTITY_MENTION] = { "#FFFFFF", TRUE },
    },
    .min_ratio = 9.0 / 16.0,
    .max_ratio = 9.0 / 16.0,
    .pair_ratio = 9.0 / 16.0,
    .grid_ratio = 9.0 / 16.0,
  },
};

/* A highlighted part of the text, in code points, end excluded. */
typedef struct
{
  EntityKind kind;
  glong      start;
  glong      end;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *span_a = a;
  const Span *span_b = b;

  if (span_a->start != span_b->start)
    return span_a->start < span_b->start ? -1 : 1;
  return (int) span_a->kind - (int) span_b->kind;
}

static void
add_spans (GArray     *spans,
           GPtrArray  *entities,
           EntityKind  kind)
{
  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      const SigapTextEntity *entity = g_ptr_array_index (entities, i);
      Span span = { kind, entity->start, entity->end };

      g_array_append_val (spans, span);
    }
}

/* The links, hashtags and mentions of @text, in order and none inside
 * another: where two overlap, the first (a link at the same place) stays,
 * as twitter-text's extractEntitiesWithIndices does. */
static GArray *
find_spans (SigapTwitterText *tt,
            const char       *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GPtrArray) urls = NULL;
  g_autoptr(GPtrArray) hashtags = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  glong last_end = -1;

  if (tt != NULL)
    urls = sigap_twitter_text_extract_urls (tt, text);
  hashtags = sigap_twitter_text_extract_hashtags (NULL, text);
  mentions = sigap_twitter_text_extract_mentions (text);

  add_spans (spans, urls, ENTITY_URL);
  add_spans (spans, hashtags, ENTITY_HASHTAG);
  add_spans (spans, mentions, ENTITY_MENTION);
  g_array_sort (spans, compare_spans);

  for (guint i = 0; i < spans->len;)
    {
      const Span *span = &g_array_index (spans, Span, i);

      if (span->start < last_end || span->end <= span->start)
        {
          g_array_remove_index (spans, i);
          continue;
        }
      last_end = span->end;
      i++;
    }

  return spans;
}

/* The span that @position is strictly inside, if any. */
static const Span *
span_holding (GArray *spans,
              glong   position)
{
  guint low = 0;
  guint high = spans->len;

  /* The spans are in order and apart: a binary search. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const Span *span = &g_array_index (spans, Span, middle);

      if (span->end <= position)
        low = middle + 1;
      else if (span->start >= position)
        high = middle;
      else
        return span;
    }

  return NULL;
}

/* The code point of @text that holds its UTF-16 code unit @units. */
static glong
utf16_to_offset (const char *text,
                 int         units)
{
  glong offset = 0;
  int seen = 0;

  for (const char *p = text; *p != '\0' && seen < units; p = g_utf8_next_char (p))
    {
      seen += g_utf8_get_char (p) >= 0x10000 ? 2 : 1;
      offset++;
    }

  return offset;
}

static gboolean
only_space_from (const char *p)
{
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* The code point before which the feed stops showing @text, or -1 if it
 * shows all of it. */
static glong
fold_limit (SigapTwitterText   *tt,
            const PreviewRules *rules,
            const char         *text,
            glong               n_chars)
{
  glong limit = n_chars;
  const char *p;
  glong i = 0;
  int lines = 1;

  if (rules->max_chars == 0 && tt != NULL)
    {
      SigapTweetResult result;

      sigap_twitter_text_parse (tt, text, &result);
      /* Over 280 weighted characters: the part that fits, by
       * twitter-text's valid range (UTF-16, end included). */
      if (result.permillage > 1000)
        limit = utf16_to_offset (text, result.valid_end + 1);
    }
  else
    {
      int max = rules->max_chars > 0 ? rules->max_chars : X_FALLBACK_MAX_CHARS;

      limit = MIN (n_chars, max);
    }

  for (p = text; rules->max_lines > 0 && *p != '\0' && i < limit; p = g_utf8_next_char (p), i++)
    {
      if (*p == '\n' && ++lines > rules->max_lines)
        {
          limit = i;
          break;
        }
    }

  if (limit >= n_chars || only_space_from (g_utf8_offset_to_pointer (text, limit)))
    return -1;

  return limit;
}

/* @end without the white space before it. */
static glong
trim_white (const PangoLogAttr *attrs,
            glong               end)
{
  while (end > 0 && attrs[end - 1].is_white)
    end--;

  return end;
}

/* Where to cut @text that the feed stops showing at @limit: the nearest
 * place at or before it where a line may break (a word's end), never
 * inside a link, a hashtag or a mention nor inside a character made of
 * several code points (an emoji sequence joined by ZWJ, a letter and its
 * accents); failing that, any such character's end. Returns the end of
 * the text shown, without white space, or -1 if there is no place to
 * fold at. */
static glong
fold_cut (const char *text,
          glong       n_chars,
          glong       limit,
          GArray     *spans)
{
  /* The breaks up to the limit, with what follows it for context: the
   * rules of UAX #14 and #29 look a few characters ahead at most. The
   * rest of a long text is not broken on every keystroke. */
  glong n_broken = MIN (n_chars, limit + 64);
  const char *broken_end = g_utf8_offset_to_pointer (text, n_broken);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_broken + 1);
  glong c;

  g_assert (limit > 0 && limit < n_chars);

  pango_get_log_attrs (text, (int) (broken_end - text), -1, pango_language_from_string ("id"),
                       attrs, (int) n_broken + 1);

  /* A word's end: before white space or where a line may break. */
  for (c = limit; c > 0;)
    {
      const Span *span = span_holding (spans, c);

      if (span != NULL)
        {
          c = span->start;
          continue;
        }
      if (attrs[c].is_cursor_position && (attrs[c].is_white || attrs[c].is_line_break))
        {
          glong end = trim_white (attrs, c);

          if (end > 0)
            return end;
          break;
        }
      c--;
    }

  /* One long word: the end of its last whole character that fits. */
  for (c = limit; c > 0;)
    {
      const Span *span = span_holding (spans, c);

      if (span != NULL)
        {
          c = span->start;
          continue;
        }
      if (attrs[c].is_cursor_position)
        {
          glong end = trim_white (attrs, c);

          if (end > 0)
            return end;
          break;
        }
      c--;
    }

  /* A link or a tag from the start that the limit falls inside: shown
   * whole. */
  {
    const Span *span = span_holding (spans, limit);

    if (span != NULL && span->end < n_chars
        && !only_space_from (g_utf8_offset_to_pointer (text, span->end)))
      return span->end;
  }

  return -1;
}

static void
append_escaped (GString    *markup,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = NULL;

  if (length == 0)
    return;
  escaped = g_markup_escape_text (text, length);
  g_string_append (markup, escaped);
}

static gboolean
highlight_is_plain (const Highlight *highlight)
{
  return highlight->color == NULL && !highlight->bold;
}

static void
open_highlight (GString         *markup,
                const Highlight *highlight)
{
  g_string_append (markup, "<span");
  if (highlight->color != NULL)
    g_string_append_printf (markup, " foreground=\"%s\"", highlight->color);
  if (highlight->bold)
    g_string_append (markup, " weight=\"bold\"");
  g_string_append_c (markup, '>');
}

/* The markup of @text's first @shown code points with @spans
 * highlighted. */
static void
append_highlighted (GString            *markup,
                    const PreviewRules *rules,
                    const char         *text,
                    glong               shown,
                    GArray             *spans)
{
  const char *p = text;
  glong offset = 0;
  const char *end;

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      const Highlight *highlight = &rules->entities[span->kind];
      const char *start;
      const char *span_end;

      if (span->end > shown)
        break;
      if (highlight_is_plain (highlight))
        continue;

      start = g_utf8_offset_to_pointer (p, span->start - offset);
      span_end = g_utf8_offset_to_pointer (start, span->end - span->start);
      append_escaped (markup, p, start - p);
      open_highlight (markup, highlight);
      append_escaped (markup, start, span_end - start);
      g_string_append (markup, "</span>");
      p = span_end;
      offset = span->end;
    }

  end = g_utf8_offset_to_pointer (p, shown - offset);
  append_escaped (markup, p, end - p);
}

static const PreviewRules *
rules_for (SigapPlatform platform)
{
  g_assert ((guint) platform < SIGAP_N_PLATFORMS);

  return &preview_rules[platform];
}

static char *
build_markup (SigapTwitterText      *tt,
              SigapPlatform          platform,
              const char            *text,
              SigapPostPreviewFlags  flags,
              glong                 *out_cut)
{
  const PreviewRules *rules = rules_for (platform);
  g_autofree char *valid = NULL;
  g_autoptr(GArray) spans = NULL;
  GString *markup;
  glong n_chars;
  glong limit;
  glong cut = -1;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  n_chars = g_utf8_strlen (text, -1);
  spans = find_spans (tt, text);

  /* A limit of 0 (the text starts with more empty lines than the feed
   * shows) has no word to show before the "more" word: not folded. */
  limit = fold_limit (tt, rules, text, n_chars);
  if (limit > 0)
    cut = fold_cut (text, n_chars, limit, spans);
  *out_cut = cut;

  markup = g_string_sized_new (strlen (text) + 64);
  if (cut < 0 || (flags & SIGAP_POST_PREVIEW_EXPANDED) != 0)
    {
      append_highlighted (markup, rules, text, n_chars, spans);
      return g_string_free (markup, FALSE);
    }

  append_highlighted (markup, rules, text, cut, spans);
  g_string_append (markup, "\u2026");
  if ((flags & SIGAP_POST_PREVIEW_NO_MORE_WORD) == 0)
    {
      g_string_append_c (markup, ' ');
      if (!highlight_is_plain (&rules->more))
        open_highlight (markup, &rules->more);
      append_escaped (markup, sigap_post_preview_more_label (platform), -1);
      if (!highlight_is_plain (&rules->more))
        g_string_append (markup, "</span>");
    }

  return g_string_free (markup, FALSE);
}

/**
 * sigap_post_preview_markup:
 * @tt: (nullable): X's text rules, which find the links and weigh X's
 *   text; without them, no link is highlighted and X folds at 280
 *   characters
 * @platform: the platform whose feed is shown
 * @text: the post's text, in UTF-8
 * @expanded: whether to show all of a long text, as after "more"
 * @out_folded: (out) (optional): whether the markup hides part of @text
 *
 * Shows @text as @platform's feed does: escaped, its links, hashtags and
 * mentions in the platform's colours and, unless @expanded, folded where
 * the feed folds a long text, at a word's end, followed by "… " and the
 * platform's "more" word.
 *
 * Returns: (transfer full): Pango markup
 */
char *
sigap_post_preview_markup (SigapTwitterText *tt,
                           SigapPlatform     platform,
                           const char       *text,
                           gboolean          expanded,
                           gboolean         *out_folded)
{
  gboolean foldable = FALSE;
  char *markup;

  g_return_val_if_fail ((guint) platform < SIGAP_N_PLATFORMS, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  markup = sigap_post_preview_markup_full (tt, platform, text,
                                           expanded ? SIGAP_POST_PREVIEW_EXPANDED
                                                    : SIGAP_POST_PREVIEW_NONE,
                                           &foldable);
  if (out_folded != NULL)
    *out_folded = foldable && !expanded;

  return markup;
}

/**
 * sigap_post_preview_markup_full:
 * @tt: (nullable): X's text rules, as for sigap_post_preview_markup()
 * @platform: the platform whose feed is shown
 * @text: the post's text, in UTF-8
 * @flags: whether to show all of the text, and the "more" word
 * @out_foldable: (out) (optional): whether the feed folds @text, expanded
 *   or not
 *
 * As sigap_post_preview_markup(), for a view that lets the reader expand
 * and fold the text again and so needs to know whether it folds while
 * it is expanded.
 *
 * Returns: (transfer full): Pango markup
 */
char *
sigap_post_preview_markup_full (SigapTwitterText      *tt,
                                SigapPlatform          platform,
                                const char            *text,
                                SigapPostPreviewFlags  flags,
                                gboolean              *out_foldable)
{
  glong cut;
  char *markup;

  g_return_val_if_fail ((guint) platform < SIGAP_N_PLATFORMS, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  markup = build_markup (tt, platform, text, flags, &cut);
  if (out_foldable != NULL)
    *out_foldable = cut >= 0;

  return markup;
}

/**
 * sigap_post_preview_fold:
 * @tt: (nullable): X's text rules, as for sigap_post_preview_markup()
 * @platform: the platform whose feed is shown
 * @text: the post's text, valid UTF-8
 *
 * Finds where @platform's feed folds @text.
 *
 * Returns: the length in bytes of the part of @text shown before the
 *   "more" word (without the white space before the fold), or -1 if the
 *   feed shows all of @text
 */
gssize
sigap_post_preview_fold (SigapTwitterText *tt,
                         SigapPlatform     platform,
                         const char       *text)
{
  g_autoptr(GArray) spans = NULL;
  glong n_chars;
  glong limit;
  glong cut;

  g_return_val_if_fail ((guint) platform < SIGAP_N_PLATFORMS, -1);
  g_return_val_if_fail (text != NULL, -1);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), -1);

  n_chars = g_utf8_strlen (text, -1);
  limit = fold_limit (tt, rules_for (platform), text, n_chars);
  if (limit <= 0)
    return -1;

  spans = find_spans (tt, text);
  cut = fold_cut (text, n_chars, limit, spans);
  if (cut < 0)
    return -1;

  return g_utf8_offset_to_pointer (text, cut) - text;
}

/**
 * sigap_post_preview_more_label:
 * @platform: a platform
 *
 * The word with which @platform's feed offers the rest of a folded text:
 * "See more" on Facebook, "Show more" on X.
 *
 * Returns: (transfer none): a translated word
 */
const char *
sigap_post_preview_more_label (SigapPlatform platform)
{
  const PreviewRules *rules;

  g_return_val_if_fail ((guint) platform < SIGAP_N_PLATFORMS, "");

  rules = rules_for (platform);

  return g_dpgettext2 (NULL, rules->more_context, rules->more_word);
}

/* The largest part of a @width × @height image with the ratio @ratio,
 * centred. */
static void
centre_crop (int               width,
             int               height,
             double            ratio,
             SigapPreviewCrop *crop)
{
  if ((double) width / height > ratio)
    {
      crop->height = height;
      crop->width = CLAMP ((int) lround (height * ratio), 1, width);
      crop->x = (width - crop->width) / 2;
      crop->y = 0;
    }
  else
    {
      crop->width = width;
      crop->height = CLAMP ((int) lround (width / ratio), 1, height);
      crop->x = 0;
      crop->y = (height - crop->height) / 2;
    }
}

/**
 * sigap_post_preview_crop:
 * @platform: the platform whose feed is shown
 * @width: the image's width, in pixels
 * @height: the image's height, in pixels
 * @n_media: how many images or videos the post has (1 for one)
 * @crop: (out caller-allocates): where to put the part shown
 *
 * Finds the part of an image that @platform's feed shows, centred: the
 * whole image if its ratio is one the feed keeps, else the largest part
 * with the nearest such ratio. Instagram and Facebook keep a single
 * image from 4:5 to 1.91:1 and show several as squares; X keeps a single
 * image from 3:4 to 16:9 and shows two as 8:9 halves, three or more as
 * 16:9 quarters; YouTube's thumbnails are 16:9; TikTok covers its 9:16
 * screen. An image without pixels gives an empty part.
 */
void
sigap_post_preview_crop (SigapPlatform     platform,
                         int               width,
                         int               height,
                         int               n_media,
                         SigapPreviewCrop *crop)
{
  const PreviewRules *rules;
  double ratio;

  g_return_if_fail ((guint) platform < SIGAP_N_PLATFORMS);
  g_return_if_fail (crop != NULL);

  memset (crop, 0, sizeof *crop);
  if (width <= 0 || height <= 0)
    return;

  rules = rules_for (platform);
  if (n_media >= 3)
    ratio = rules->grid_ratio;
  else if (n_media == 2)
    ratio = rules->pair_ratio;
  else
    ratio = CLAMP ((double) width / height, rules->min_ratio, rules->max_ratio);

  centre_crop (width, height, ratio, crop);
}

/**
 * sigap_post_preview_format_duration:
 * @seconds: a video's length
 *
 * Writes a video's length as the platforms' badges do: "0:42", "12:05",
 * "1:02:03", whole seconds.
 *
 * Returns: (transfer full): the length
 */
char *
sigap_post_preview_format_duration (double seconds)
{
  gint64 total = 0;

  if (isfinite (seconds) && seconds > 0)
    total = (gint64) floor (seconds);

  if (total >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", total / 3600,
                            (int) (total / 60 % 60), (int) (total % 60));

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", total / 60, (int) (total % 60));
}
