/* sigap-twitter-text.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-twitter-text"

#include "config.h"

#include <string.h>

#include "sigap-twitter-text.h"

/*
 * How X counts and reads a post, after twitter-text v3: the text is
 * NFC-normalised, every code point weighs the weight of its range (the
 * default weight outside them), a URL weighs transformedURLLength whatever
 * its length and, when emojiParsingEnabled, an emoji sequence weighs the
 * default weight. The URL, hashtag and mention patterns are twitter-text's
 * (Java), written for PCRE; the TLDs come from the caller, never from here.
 */

#define MAX_URL_LENGTH     4096
#define MAX_TCO_SLUG       40
#define MAX_LABEL_LENGTH   63

typedef struct
{
  gunichar start;
  gunichar end;
  int      weight;
} WeightRange;

struct _SigapTwitterText
{
  gatomicrefcount  ref_count;

  int              max_weighted_length;
  int              scale;
  int              default_weight;
  int              transformed_url_length;
  gboolean         emoji_parsing;
  GArray          *ranges;            /* WeightRange */

  GRegex          *url_regex;
  GRegex          *tco_regex;
};

/* Entities found, in bytes of the text they were found in. */
typedef struct
{
  gsize     start;
  gsize     end;
  char     *text;
  gboolean  is_url;
} RawEntity;

/* The character classes of twitter-text's Regex.java. */
#define LATIN_ACCENTS \
  "\\x{00c0}-\\x{00d6}\\x{00d8}-\\x{00f6}\\x{00f8}-\\x{00ff}\\x{0100}-\\x{024f}" \
  "\\x{0253}\\x{0254}\\x{0256}\\x{0257}\\x{0259}\\x{025b}\\x{0263}\\x{0268}" \
  "\\x{026f}\\x{0272}\\x{0289}\\x{028b}\\x{02bb}\\x{0300}-\\x{036f}\\x{1e00}-\\x{1eff}"
#define CYRILLIC "\\x{0400}-\\x{04ff}"
#define INVALID_CONTROL "\\x{fffe}\\x{feff}\\x{ffff}"
#define DIRECTIONAL "\\x{061c}\\x{200e}\\x{200f}\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}"

#define URL_PRECEDING \
  "(?:[^a-z0-9@\\x{ff20}$#\\x{ff03}" INVALID_CONTROL "]|[" DIRECTIONAL "]|^)"
#define URL_CHAR "[a-z0-9" LATIN_ACCENTS "]"
#define URL_SUBDOMAIN \
  "(?>(?:" URL_CHAR "[a-z0-9" LATIN_ACCENTS "\\-_]{0,255})?" URL_CHAR "\\.)"
#define URL_DOMAIN_NAME \
  "(?:(?:" URL_CHAR "[a-z0-9" LATIN_ACCENTS "\\-]{0,255})?" URL_CHAR "\\.)"
#define PUNCTUATION "\\-_!\"#$%&'\\(\\)*+,./:;<=>?@\\[\\]^`\\{|}~"
#define URL_UNICODE_CHAR "[^" PUNCTUATION "\\s\\p{Z}\\x{2000}-\\x{206f}]"
#define URL_UNICODE_DOMAIN_NAME \
  "(?:(?:" URL_UNICODE_CHAR "(?:" URL_UNICODE_CHAR "|\\-){0,255})?" URL_UNICODE_CHAR "\\.)"
#define URL_PUNYCODE "(?:xn--[\\-0-9a-z]+)"
#define URL_PORT "[0-9]++"
#define URL_PATH_CHAR \
  "[a-z0-9!\\*';:=\\+,.\\$/%#\\[\\]\\-\\x{2013}_~\\|&@" LATIN_ACCENTS CYRILLIC "]"
#define URL_BALANCED_PARENS \
  "\\((?:" URL_PATH_CHAR "+|(?:" URL_PATH_CHAR "*\\(" URL_PATH_CHAR "+\\)" \
  URL_PATH_CHAR "*))\\)"
#define URL_PATH_ENDING \
  "[a-z0-9=_#/\\-\\+" LATIN_ACCENTS CYRILLIC "]|(?:" URL_BALANCED_PARENS ")"
#define URL_PATH \
  "(?:(?:" URL_PATH_CHAR "*(?:" URL_BALANCED_PARENS URL_PATH_CHAR "*)*" URL_PATH_ENDING \
  ")|(?:@" URL_PATH_CHAR "+/))"
#define URL_QUERY_CHAR "[a-z0-9!?\\*'\\(\\);:&=\\+\\$/%#\\[\\]\\-_\\.,~\\|@]"
#define URL_QUERY_ENDING "[a-z0-9\\-_&=#/]"

enum {
  URL_GROUP_BEFORE = 2,
  URL_GROUP_URL = 3,
  URL_GROUP_PROTOCOL = 4,
  URL_GROUP_DOMAIN = 5,
};

#define HASHTAG_LETTERS "\\p{L}\\p{M}"
#define HASHTAG_NUMERALS_SPECIAL \
  "\\p{Nd}_\\x{200c}\\x{200d}\\x{a67e}\\x{05be}\\x{05f3}\\x{05f4}\\x{ff5e}\\x{301c}" \
  "\\x{309b}\\x{309c}\\x{30a0}\\x{30fb}\\x{3003}\\x{0f0b}\\x{0f0c}\\x{00b7}"
#define HASHTAG_ALNUM HASHTAG_LETTERS HASHTAG_NUMERALS_SPECIAL
#define HASHTAG_PATTERN \
  "(^|\\x{fe0e}|\\x{fe0f}|[^&" HASHTAG_ALNUM "])(#|\\x{ff03})(?!\\x{fe0f}|\\x{20e3})" \
  "([" HASHTAG_ALNUM "]*[" HASHTAG_LETTERS "][" HASHTAG_ALNUM "]*)"
#define HASHTAG_INVALID_END "^(?:[#\\x{ff03}]|://)"

#define MENTION_PATTERN \
  "([^a-z0-9_!#$%&*@\\x{ff20}]|^|(?:^|[^a-z0-9_+~.\\-])RT:?)([@\\x{ff20}]+)" \
  "([a-z0-9_]{1,20})(/[a-z][a-z0-9_\\-]{0,24})?"
#define MENTION_INVALID_END "^(?:[@\\x{ff20}" LATIN_ACCENTS "]|://)"

static void
raw_entity_clear (gpointer data)
{
  RawEntity *entity = data;

  g_clear_pointer (&entity->text, g_free);
}

static GArray *
raw_entity_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (RawEntity));

  g_array_set_clear_func (array, raw_entity_clear);
  return array;
}

static GRegex *
compile (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex;

  regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
  if (regex == NULL)
    g_error ("Bad twitter-text pattern: %s", error->message);
  return regex;
}

/* The shared patterns that need no TLD, compiled once. */
static GRegex *
hashtag_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, compile (HASHTAG_PATTERN));
  return regex;
}

static GRegex *
hashtag_invalid_end_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, compile (HASHTAG_INVALID_END));
  return regex;
}

static GRegex *
mention_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, compile (MENTION_PATTERN));
  return regex;
}

static GRegex *
mention_invalid_end_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, compile (MENTION_INVALID_END));
  return regex;
}

static int
compare_tld_length (gconstpointer a,
                    gconstpointer b)
{
  const char *tld_a = *(const char * const *) a;
  const char *tld_b = *(const char * const *) b;
  gsize len_a = strlen (tld_a);
  gsize len_b = strlen (tld_b);

  if (len_a != len_b)
    return len_a > len_b ? -1 : 1;
  return strcmp (tld_a, tld_b);
}

static char *
build_url_pattern (const char * const *tlds)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GString) alternation = g_string_new (NULL);
  g_autofree char *tld = NULL;

  for (guint i = 0; tlds[i] != NULL; i++)
    if (tlds[i][0] != '\0')
      g_ptr_array_add (sorted, (gpointer) tlds[i]);
  g_ptr_array_sort (sorted, compare_tld_length);

  for (guint i = 0; i < sorted->len; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (g_ptr_array_index (sorted, i), -1);

      if (i > 0)
        g_string_append_c (alternation, '|');
      g_string_append (alternation, escaped);
    }

  /* The TLDs are too many to be written twice: they are a subroutine,
   * defined at the end, so that the groups keep their numbers. */
  tld = g_strdup_printf ("(?(DEFINE)(?<tld>(?:%s)(?=[^a-z0-9@+\\-]|$)))", alternation->str);

  /* Regex.java's VALID_URL: its ccTLD-only alternatives are left out, as
   * the first alternative, given every TLD, already matches what they
   * would. */
  return g_strconcat ("((", URL_PRECEDING, ")(",
                      "(https?://)?",
                      "((?:", URL_SUBDOMAIN, "*", URL_DOMAIN_NAME,
                      "(?:(?&tld)|", URL_PUNYCODE, "))",
                      "|(?:(?<=http://|https://)", URL_UNICODE_DOMAIN_NAME, "(?&tld)))",
                      "(?::(", URL_PORT, "))?",
                      "(/", URL_PATH, "*+)?",
                      "(\\?", URL_QUERY_CHAR, "*", URL_QUERY_ENDING, ")?",
                      "))",
                      tld,
                      NULL);
}

static int
get_int (JsonObject *object,
         const char *name,
         int         fallback)
{
  return (int) json_object_get_int_member_with_default (object, name, fallback);
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

/**
 * sigap_twitter_text_new:
 * @config: a twitter-text configuration, as v3.json
 * @tlds: (array zero-terminated=1): the top-level domains a URL may end in
 * @error: return location for a #GError
 *
 * Makes a counter and extractor for the configuration and the TLDs given.
 *
 * Returns: (transfer full) (nullable): the new #SigapTwitterText, or %NULL
 *   if @config is not usable
 */
SigapTwitterText *
sigap_twitter_text_new (JsonObject          *config,
                        const char * const  *tlds,
                        GError             **error)
{
  g_autoptr(SigapTwitterText) self = NULL;
  g_autofree char *pattern = NULL;
  JsonArray *ranges;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (tlds != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SigapTwitterText, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->ranges = g_array_new (FALSE, FALSE, sizeof (WeightRange));
  self->max_weighted_length = get_int (config, "maxWeightedTweetLength", 280);
  self->scale = get_int (config, "scale", 100);
  self->default_weight = get_int (config, "defaultWeight", 200);
  self->transformed_url_length = get_int (config, "transformedURLLength", 23);
  self->emoji_parsing = json_object_get_boolean_member_with_default (config,
                                                                     "emojiParsingEnabled",
                                                                     FALSE);

  if (self->scale <= 0 || self->max_weighted_length <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "twitter-text configuration with no scale or maximum length");
      return NULL;
    }

  ranges = get_array (config, "ranges");
  for (guint i = 0; ranges != NULL && i < json_array_get_length (ranges); i++)
    {
      JsonObject *object = json_array_get_object_element (ranges, i);
      WeightRange range;

      if (object == NULL)
        continue;
      range.start = (gunichar) get_int (object, "start", 0);
      range.end = (gunichar) get_int (object, "end", -1);
      range.weight = get_int (object, "weight", self->default_weight);
      g_array_append_val (self->ranges, range);
    }

  pattern = build_url_pattern (tlds);
  self->url_regex = compile (pattern);
  self->tco_regex = compile ("^https?://t\\.co/([a-z0-9]+)(?:\\?" URL_QUERY_CHAR "*"
                             URL_QUERY_ENDING ")?");

  return g_steal_pointer (&self);
}

static JsonNode *
load_json (const char  *path,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: not a JSON object", path);
      return NULL;
    }
  return json_node_copy (root);
}

static void
add_tld_list (GPtrArray  *tlds,
              JsonObject *object,
              const char *name)
{
  JsonArray *array = get_array (object, name);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *tld = json_array_get_string_element (array, i);

      if (tld != NULL)
        g_ptr_array_add (tlds, (gpointer) tld);
    }
}

/**
 * sigap_twitter_text_new_from_files:
 * @config_path: the path of a twitter-text configuration (v3.json)
 * @tld_path: the path of a TLD list as twitter-text's tld_lib.json, whose
 *   "country" and "generic" lists are read
 * @error: return location for a #GError
 *
 * Loads the configuration and the TLDs, then does as
 * sigap_twitter_text_new().
 *
 * Returns: (transfer full) (nullable): the new #SigapTwitterText, or %NULL
 */
SigapTwitterText *
sigap_twitter_text_new_from_files (const char  *config_path,
                                   const char  *tld_path,
                                   GError     **error)
{
  g_autoptr(JsonNode) config = NULL;
  g_autoptr(JsonNode) tld_root = NULL;
  g_autoptr(GPtrArray) tlds = g_ptr_array_new ();

  g_return_val_if_fail (config_path != NULL, NULL);
  g_return_val_if_fail (tld_path != NULL, NULL);

  config = load_json (config_path, error);
  if (config == NULL)
    return NULL;
  tld_root = load_json (tld_path, error);
  if (tld_root == NULL)
    return NULL;

  add_tld_list (tlds, json_node_get_object (tld_root), "country");
  add_tld_list (tlds, json_node_get_object (tld_root), "generic");
  g_ptr_array_add (tlds, NULL);

  return sigap_twitter_text_new (json_node_get_object (config),
                                 (const char * const *) tlds->pdata, error);
}

/**
 * sigap_twitter_text_ref:
 * @self: a #SigapTwitterText
 *
 * Returns: (transfer full): @self, with one more reference
 */
SigapTwitterText *
sigap_twitter_text_ref (SigapTwitterText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * sigap_twitter_text_unref:
 * @self: (transfer full): a #SigapTwitterText
 *
 * Drops a reference, freeing @self with the last one.
 */
void
sigap_twitter_text_unref (SigapTwitterText *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->ranges, g_array_unref);
  g_clear_pointer (&self->url_regex, g_regex_unref);
  g_clear_pointer (&self->tco_regex, g_regex_unref);
  g_free (self);
}

/**
 * sigap_text_entity_free:
 * @entity: (transfer full): a #SigapTextEntity
 *
 * Frees @entity and its text.
 */
void
sigap_text_entity_free (SigapTextEntity *entity)
{
  if (entity == NULL)
    return;
  g_free (entity->text);
  g_free (entity);
}

static gsize
utf16_length (const char *text,
              gssize      len)
{
  const char *end = len < 0 ? text + strlen (text) : text + len;
  gsize n = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) >= 0x10000 ? 2 : 1;
  return n;
}

/* IDN.toASCII's checks, as Extractor.isValidHostAndLength: the host must
 * have an ASCII form whose labels have 63 characters at most. */
static gboolean
host_ascii_length (const char *host,
                   gsize      *ascii_length)
{
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) ascii_labels = NULL;
  g_autofree char *ascii = NULL;

  labels = g_strsplit (host, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      if (g_ascii_strncasecmp (labels[i], "xn--", 4) == 0 && !g_str_is_ascii (labels[i]))
        return FALSE;
    }

  ascii = g_hostname_to_ascii (host);
  if (ascii == NULL)
    return FALSE;

  ascii_labels = g_strsplit (ascii, ".", -1);
  for (guint i = 0; ascii_labels[i] != NULL; i++)
    {
      if (strlen (ascii_labels[i]) > MAX_LABEL_LENGTH)
        return FALSE;
    }

  *ascii_length = strlen (ascii);
  return TRUE;
}

/* Extractor.extractURLsWithIndices, in bytes of @text. */
static GArray *
extract_urls_raw (SigapTwitterText *self,
                  const char       *text)
{
  GArray *urls = raw_entity_array_new ();
  g_autoptr(GMatchInfo) match = NULL;

  if (strchr (text, '.') == NULL)
    return urls;

  g_regex_match (self->url_regex, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *before = g_match_info_fetch (match, URL_GROUP_BEFORE);
      g_autofree char *protocol = g_match_info_fetch (match, URL_GROUP_PROTOCOL);
      g_autofree char *host = g_match_info_fetch (match, URL_GROUP_DOMAIN);
      g_autofree char *url = g_match_info_fetch (match, URL_GROUP_URL);
      g_autoptr(GMatchInfo) tco = NULL;
      RawEntity entity = { 0, };
      int start = 0;
      int end = 0;
      gsize ascii_host_length = 0;
      gsize url_length;
      gsize protocol_length;

      if (protocol == NULL || protocol[0] == '\0')
        {
          gsize before_length = before != NULL ? strlen (before) : 0;

          if (before_length > 0 && strchr ("-_./", before[before_length - 1]) != NULL)
            continue;
        }

      g_match_info_fetch_pos (match, URL_GROUP_URL, &start, &end);

      if (g_regex_match (self->tco_regex, url, 0, &tco))
        {
          g_autofree char *slug = g_match_info_fetch (tco, 1);
          int tco_end = 0;

          if (g_utf8_strlen (slug, -1) > MAX_TCO_SLUG)
            continue;
          g_match_info_fetch_pos (tco, 0, NULL, &tco_end);
          url[tco_end] = '\0';
          end = start + tco_end;
        }

      if (host == NULL || host[0] == '\0' || !host_ascii_length (host, &ascii_host_length))
        continue;
      url_length = utf16_length (url, -1) + ascii_host_length - utf16_length (host, -1);
      protocol_length = protocol != NULL ? strlen (protocol) : 0;
      if (url_length - protocol_length > MAX_URL_LENGTH)
        continue;

      entity.start = (gsize) start;
      entity.end = (gsize) end;
      entity.text = g_steal_pointer (&url);
      entity.is_url = TRUE;
      g_array_append_val (urls, entity);
    }

  return urls;
}

static GPtrArray *
to_entities (const char *text,
             GArray     *raw,
             gboolean    only_non_urls)
{
  GPtrArray *entities = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_text_entity_free);
  gsize last_byte = 0;
  glong last_offset = 0;

  /* The entities come in order: count the code points from the last one,
   * not from the start each time. */
  for (guint i = 0; i < raw->len; i++)
    {
      RawEntity *r = &g_array_index (raw, RawEntity, i);
      SigapTextEntity *entity;

      if (only_non_urls && r->is_url)
        continue;
      if (r->start < last_byte)
        {
          last_byte = 0;
          last_offset = 0;
        }
      last_offset += g_utf8_pointer_to_offset (text + last_byte, text + r->start);
      last_byte = r->start;

      entity = g_new0 (SigapTextEntity, 1);
      entity->text = g_steal_pointer (&r->text);
      entity->start = (guint) last_offset;
      entity->end = (guint) (last_offset + g_utf8_pointer_to_offset (text + r->start,
                                                                    text + r->end));
      g_ptr_array_add (entities, entity);
    }

  return entities;
}

/**
 * sigap_twitter_text_extract_urls:
 * @self: a #SigapTwitterText
 * @text: a post's text, in UTF-8
 *
 * Finds the URLs of @text, with or without a protocol, as twitter-text's
 * extractURLsWithIndices does.
 *
 * Returns: (transfer full) (element-type SigapTextEntity): the URLs, with
 *   their places in code points of @text
 */
GPtrArray *
sigap_twitter_text_extract_urls (SigapTwitterText *self,
                                 const char       *text)
{
  g_autoptr(GArray) raw = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  raw = extract_urls_raw (self, text);
  return to_entities (text, raw, FALSE);
}

static gboolean
matches_at (GRegex     *regex,
            const char *text)
{
  return g_regex_match (regex, text, 0, NULL);
}

static int
compare_raw_start (gconstpointer a,
                   gconstpointer b)
{
  const RawEntity *entity_a = a;
  const RawEntity *entity_b = b;

  if (entity_a->start != entity_b->start)
    return entity_a->start < entity_b->start ? -1 : 1;
  /* Hashtags were found first, and stay first. */
  return (int) entity_a->is_url - (int) entity_b->is_url;
}

/**
 * sigap_twitter_text_extract_hashtags:
 * @self: (nullable): a #SigapTwitterText, to leave out the hashtags inside
 *   URLs, or %NULL
 * @text: a post's text, in UTF-8
 *
 * Finds the hashtags of @text, as twitter-text's extractHashtagsWithIndices
 * does.
 *
 * Returns: (transfer full) (element-type SigapTextEntity): the hashtags,
 *   without their '#', with their places (the '#' included) in code points
 */
GPtrArray *
sigap_twitter_text_extract_hashtags (SigapTwitterText *self,
                                     const char       *text)
{
  g_autoptr(GArray) raw = raw_entity_array_new ();
  g_autoptr(GMatchInfo) match = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (strchr (text, '#') == NULL && strstr (text, "\xef\xbc\x83") == NULL)
    return to_entities (text, raw, FALSE);

  g_regex_match (hashtag_regex (), text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      RawEntity entity = { 0, };
      int start = 0;
      int end = 0;
      int tag_start = 0;

      g_match_info_fetch_pos (match, 0, NULL, &end);
      if (matches_at (hashtag_invalid_end_regex (), text + end))
        continue;
      g_match_info_fetch_pos (match, 2, &start, NULL);
      g_match_info_fetch_pos (match, 3, &tag_start, NULL);
      entity.start = (gsize) start;
      entity.end = (gsize) end;
      entity.text = g_strndup (text + tag_start, (gsize) (end - tag_start));
      g_array_append_val (raw, entity);
    }

  if (self != NULL && raw->len > 0)
    {
      g_autoptr(GArray) urls = extract_urls_raw (self, text);

      if (urls->len > 0)
        {
          gsize prev_end = 0;
          gboolean have_prev = FALSE;

          for (guint i = 0; i < urls->len; i++)
            {
              RawEntity *url = &g_array_index (urls, RawEntity, i);
              RawEntity copy = *url;

              url->text = NULL;
              g_array_append_val (raw, copy);
            }
          g_array_sort (raw, compare_raw_start);

          for (guint i = 0; i < raw->len;)
            {
              RawEntity *entity = &g_array_index (raw, RawEntity, i);

              if (have_prev && prev_end > entity->start)
                {
                  g_array_remove_index (raw, i);
                  continue;
                }
              prev_end = entity->end;
              have_prev = TRUE;
              i++;
            }
        }
    }

  return to_entities (text, raw, TRUE);
}

/**
 * sigap_twitter_text_extract_mentions:
 * @text: a post's text, in UTF-8
 *
 * Finds the mentioned user names of @text (not the lists), as
 * twitter-text's extractMentionedScreennamesWithIndices does.
 *
 * Returns: (transfer full) (element-type SigapTextEntity): the user names,
 *   without their '@', with their places (the '@' included) in code points
 */
GPtrArray *
sigap_twitter_text_extract_mentions (const char *text)
{
  g_autoptr(GArray) raw = raw_entity_array_new ();
  g_autoptr(GMatchInfo) match = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (strchr (text, '@') == NULL && strstr (text, "\xef\xbc\xa0") == NULL)
    return to_entities (text, raw, FALSE);

  g_regex_match (mention_regex (), text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      RawEntity entity = { 0, };
      int name_start = 0;
      int name_end = 0;
      int list_start = -1;
      int end = 0;

      g_match_info_fetch_pos (match, 0, NULL, &end);
      if (matches_at (mention_invalid_end_regex (), text + end))
        continue;
      if (g_match_info_get_match_count (match) > 4)
        g_match_info_fetch_pos (match, 4, &list_start, NULL);
      if (list_start >= 0)
        continue;

      g_match_info_fetch_pos (match, 3, &name_start, &name_end);
      /* The '@' just before the name, one code point. */
      entity.start = (gsize) (g_utf8_prev_char (text + name_start) - text);
      entity.end = (gsize) name_end;
      entity.text = g_strndup (text + name_start, (gsize) (name_end - name_start));
      g_array_append_val (raw, entity);
    }

  return to_entities (text, raw, FALSE);
}

static gboolean
is_emoji_base (gunichar c)
{
  return (c >= 0x1F000 && c <= 0x1FAFF)
         || (c >= 0x2600 && c <= 0x27BF)
         || (c >= 0x2300 && c <= 0x23FF)
         || (c >= 0x2B00 && c <= 0x2BFF)
         || (c >= 0x2190 && c <= 0x21FF)
         || (c >= 0x25A0 && c <= 0x25FF)
         || c == 0x203C || c == 0x2049 || c == 0x2122 || c == 0x2139
         || c == 0x24C2 || c == 0x2934 || c == 0x2935
         || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299;
}

static gboolean
is_skin_tone (gunichar c)
{
  return c >= 0x1F3FB && c <= 0x1F3FF;
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* One emoji with its presentation selector, skin tone and tags, or NULL. */
static const char *
match_emoji_element (const char *p)
{
  gunichar c = g_utf8_get_char (p);
  const char *next = g_utf8_next_char (p);
  gunichar n = g_utf8_get_char (next);

  if (c == 0 || !(is_emoji_base (c) || ((c == 0xA9 || c == 0xAE) && n == 0xFE0F)))
    return NULL;

  if (n == 0xFE0F || n == 0xFE0E)
    {
      next = g_utf8_next_char (next);
      n = g_utf8_get_char (next);
    }
  if (is_skin_tone (n) && !is_skin_tone (c))
    {
      next = g_utf8_next_char (next);
      n = g_utf8_get_char (next);
    }
  if (c == 0x1F3F4)
    {
      const char *tag = next;

      while (g_utf8_get_char (tag) >= 0xE0020 && g_utf8_get_char (tag) <= 0xE007E)
        tag = g_utf8_next_char (tag);
      if (tag != next && g_utf8_get_char (tag) == 0xE007F)
        next = g_utf8_next_char (tag);
    }
  return next;
}

/* The end of the emoji sequence at @p (ZWJ sequences, skin tones,
 * keycaps, flags), or NULL if none starts there. */
static const char *
match_emoji (const char *p)
{
  gunichar c = g_utf8_get_char (p);
  const char *next;

  if (c == 0)
    return NULL;

  if ((c >= '0' && c <= '9') || c == '#' || c == '*')
    {
      next = g_utf8_next_char (p);
      if (g_utf8_get_char (next) == 0xFE0F)
        next = g_utf8_next_char (next);
      if (g_utf8_get_char (next) == 0x20E3)
        return g_utf8_next_char (next);
      return NULL;
    }

  if (is_regional_indicator (c))
    {
      next = g_utf8_next_char (p);
      if (is_regional_indicator (g_utf8_get_char (next)))
        return g_utf8_next_char (next);
      return next;
    }

  next = match_emoji_element (p);
  if (next == NULL)
    return NULL;

  while (g_utf8_get_char (next) == 0x200D)
    {
      const char *joined = match_emoji_element (g_utf8_next_char (next));

      if (joined == NULL)
        break;
      next = joined;
    }
  return next;
}

static int
char_weight (SigapTwitterText *self,
             gunichar          c)
{
  for (guint i = 0; i < self->ranges->len; i++)
    {
      const WeightRange *range = &g_array_index (self->ranges, WeightRange, i);

      if (c >= range->start && c <= range->end)
        return range->weight;
    }
  return self->default_weight;
}

static gboolean
is_invalid_char (gunichar c)
{
  return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

/**
 * sigap_twitter_text_parse:
 * @self: a #SigapTwitterText
 * @text: a post's text, in UTF-8
 * @result: (out caller-allocates): where to put what X makes of @text
 *
 * Weighs @text as twitter-text's parseTweet does: its weighted length,
 * whether it may be posted and, in UTF-16 code units of @text, the range
 * of the whole text and of the part within the maximum length.
 */
void
sigap_twitter_text_parse (SigapTwitterText *self,
                          const char       *text,
                          SigapTweetResult *result)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GArray) urls = NULL;
  const char *p;
  guint next_url = 0;
  int scaled_max;
  int url_weight;
  int weighted = 0;
  int offset = 0;
  int valid_offset = 0;
  int normalization_offset;
  gboolean invalid = FALSE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (result != NULL);

  memset (result, 0, sizeof *result);

  if (!g_utf8_validate (text, -1, NULL) || is_blank (text))
    return;
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (normalized == NULL || normalized[0] == '\0')
    return;

  scaled_max = self->max_weighted_length * self->scale;
  url_weight = self->transformed_url_length * self->scale;
  urls = extract_urls_raw (self, normalized);

  p = normalized;
  while (*p != '\0')
    {
      gsize position = (gsize) (p - normalized);
      const char *emoji_end;
      gunichar c;
      int units;

      while (next_url < urls->len
             && g_array_index (urls, RawEntity, next_url).start < position)
        next_url++;

      if (next_url < urls->len && g_array_index (urls, RawEntity, next_url).start == position)
        {
          RawEntity *url = &g_array_index (urls, RawEntity, next_url);

          units = (int) utf16_length (p, (gssize) (url->end - url->start));
          weighted += url_weight;
          offset += units;
          if (weighted <= scaled_max)
            valid_offset += units;
          p = normalized + url->end;
          next_url++;
          continue;
        }

      if (self->emoji_parsing && (emoji_end = match_emoji (p)) != NULL)
        {
          units = (int) utf16_length (p, emoji_end - p);
          weighted += self->default_weight;
          offset += units;
          if (weighted <= scaled_max)
            valid_offset += units;
          p = emoji_end;
          continue;
        }

      c = g_utf8_get_char (p);
      units = c >= 0x10000 ? 2 : 1;
      weighted += char_weight (self, c);
      invalid = invalid || is_invalid_char (c);
      offset += units;
      if (!invalid && weighted <= scaled_max)
        valid_offset += units;
      p = g_utf8_next_char (p);
    }

  normalization_offset = (int) utf16_length (text, -1) - (int) utf16_length (normalized, -1);

  result->weighted_length = weighted / self->scale;
  result->valid = !invalid && result->weighted_length <= self->max_weighted_length;
  result->permillage = result->weighted_length * 1000 / self->max_weighted_length;
  result->display_start = 0;
  result->display_end = offset + normalization_offset - 1;
  result->valid_start = 0;
  result->valid_end = valid_offset + normalization_offset - 1;
}
