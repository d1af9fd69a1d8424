/* sigap-platform-rules.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-platform-rules"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "sigap-enums.h"
#include "sigap-platform-rules.h"

/*
 * The composer's text checks, from the platform rules document
 * (data/platforms.json, a central document): each text field's maximum in
 * the platform's own counting, the required fields, the most hashtags and
 * mentions, the characters a platform refuses; and Instagram's captions,
 * whose links cannot be clicked. The document is read once, in _new(): the
 * composer checks on every keystroke. Its "media" part is for later.
 */

typedef enum
{
  COUNTING_CHARACTERS,  /* Unicode code points after NFC */
  COUNTING_X_WEIGHTED,  /* twitter-text's weighted length */
  COUNTING_UTF8_BYTES,
  COUNTING_UTF16,
} Counting;

typedef struct
{
  const char *field;    /* interned */
  int         max;
  Counting    counting;
  gboolean    required;
} FieldRule;

typedef struct
{
  gboolean   present;
  char      *name;
  GArray    *fields;      /* FieldRule */
  int        hashtags_max; /* -1: no limit */
  int        mentions_max; /* -1: no limit */
  GStrv      forbidden;
} PlatformRule;

struct _SigapPlatformRules
{
  gatomicrefcount   ref_count;
  SigapTwitterText *twitter;
  PlatformRule      platforms[SIGAP_N_PLATFORMS];
};

G_DEFINE_QUARK (sigap-platform-rules-error-quark, sigap_platform_rules_error)

static const struct
{
  const char *name;
  Counting    counting;
} countings[] = {
  { "characters", COUNTING_CHARACTERS },
  { "x-weighted", COUNTING_X_WEIGHTED },
  { "utf8-bytes", COUNTING_UTF8_BYTES },
  { "utf16", COUNTING_UTF16 },
};

static gboolean
invalid (GError     **error,
         const char  *id,
         const char  *what)
{
  g_set_error (error, SIGAP_PLATFORM_RULES_ERROR, SIGAP_PLATFORM_RULES_ERROR_INVALID,
               _("The platform rules for “%s” are not valid: %s."), id, what);
  return FALSE;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* A member that is null, missing or a count: -1 for no limit. */
static gboolean
read_limit (JsonObject  *object,
            const char  *member,
            int         *limit)
{
  JsonNode *node = json_object_get_member (object, member);

  *limit = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!is_integer (node) || json_node_get_int (node) < 0
      || json_node_get_int (node) > G_MAXINT)
    return FALSE;

  *limit = (int) json_node_get_int (node);
  return TRUE;
}

static gboolean
read_field (JsonNode   *node,
            FieldRule  *rule)
{
  JsonObject *object;
  JsonNode *max;
  JsonNode *required;
  const char *counting;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);

  rule->field = json_object_get_string_member_with_default (object, "field", NULL);
  counting = json_object_get_string_member_with_default (object, "counting", NULL);
  max = json_object_get_member (object, "max");
  required = json_object_get_member (object, "required");
  if (rule->field == NULL || rule->field[0] == '\0' || counting == NULL || !is_integer (max)
      || json_node_get_int (max) <= 0 || json_node_get_int (max) > G_MAXINT)
    return FALSE;
  if (required != NULL && !(JSON_NODE_HOLDS_VALUE (required)
                            && json_node_get_value_type (required) == G_TYPE_BOOLEAN))
    return FALSE;

  rule->field = g_intern_string (rule->field);
  rule->max = (int) json_node_get_int (max);
  rule->required = required != NULL && json_node_get_boolean (required);
  for (guint i = 0; i < G_N_ELEMENTS (countings); i++)
    {
      if (g_str_equal (counting, countings[i].name))
        {
          rule->counting = countings[i].counting;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
read_platform (PlatformRule  *rule,
               JsonObject    *object,
               const char    *id,
               GError       **error)
{
  JsonNode *texts = json_object_get_member (object, "text");
  JsonNode *forbidden = json_object_get_member (object, "forbidden_characters");
  const char *name = json_object_get_string_member_with_default (object, "name", NULL);
  JsonArray *array;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (name == NULL || name[0] == '\0')
    return invalid (error, id, _("it has no name"));
  if (texts == NULL || !JSON_NODE_HOLDS_ARRAY (texts))
    return invalid (error, id, _("it has no text fields"));
  if (!read_limit (object, "hashtags_max", &rule->hashtags_max)
      || !read_limit (object, "mentions_max", &rule->mentions_max))
    return invalid (error, id, _("a hashtag or mention limit is not a count"));

  rule->name = g_strdup (name);
  rule->fields = g_array_new (FALSE, FALSE, sizeof (FieldRule));
  array = json_node_get_array (texts);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      FieldRule field = { 0 };

      if (!read_field (json_array_get_element (array, i), &field))
        return invalid (error, id, _("a text field has no name, maximum or known counting"));
      g_array_append_val (rule->fields, field);
    }

  if (forbidden != NULL && !JSON_NODE_HOLDS_NULL (forbidden))
    {
      if (!JSON_NODE_HOLDS_ARRAY (forbidden))
        return invalid (error, id, _("the forbidden characters are not a list"));
      array = json_node_get_array (forbidden);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *character;

          if (!JSON_NODE_HOLDS_VALUE (element)
              || json_node_get_value_type (element) != G_TYPE_STRING)
            return invalid (error, id, _("a forbidden character is not text"));
          character = json_node_get_string (element);
          if (character[0] == '\0' || !g_utf8_validate (character, -1, NULL))
            return invalid (error, id, _("a forbidden character is not text"));
          g_strv_builder_add (builder, character);
        }
    }
  rule->forbidden = g_strv_builder_end (builder);
  rule->present = TRUE;

  return TRUE;
}

static void
platform_rule_clear (PlatformRule *rule)
{
  g_clear_pointer (&rule->name, g_free);
  g_clear_pointer (&rule->fields, g_array_unref);
  g_clear_pointer (&rule->forbidden, g_strfreev);
  rule->present = FALSE;
}

static gboolean
is_ascii (const char *text,
          gsize      *length)
{
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80)
        return FALSE;
    }

  *length = p - text;
  return TRUE;
}

static int
count_text (SigapPlatformRules *self,
            Counting            counting,
            const char         *text)
{
  SigapTweetResult tweet;
  g_autofree char *normal = NULL;
  gsize length = 0;
  int units = 0;

  switch (counting)
    {
    case COUNTING_UTF8_BYTES:
      return (int) MIN (strlen (text), G_MAXINT);

    case COUNTING_X_WEIGHTED:
      sigap_twitter_text_parse (self->twitter, text, &tweet);
      return tweet.weighted_length;

    case COUNTING_UTF16:
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        units += g_utf8_get_char (p) >= 0x10000 ? 2 : 1;
      return units;

    case COUNTING_CHARACTERS:
    default:
      /* ASCII is its own NFC: the common case needs no copy. */
      if (is_ascii (text, &length))
        return (int) MIN (length, G_MAXINT);
      normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
      return (int) MIN (g_utf8_strlen (normal != NULL ? normal : text, -1), G_MAXINT);
    }
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

/* "Teks X", "Judul YouTube": the subject of the messages about a field. */
static char *
dup_field_label (const PlatformRule *rule,
                 const char         *field)
{
  if (g_str_equal (field, "text"))
    return g_strdup_printf (_("%s text"), rule->name);
  if (g_str_equal (field, "caption"))
    return g_strdup_printf (_("%s caption"), rule->name);
  if (g_str_equal (field, "title"))
    return g_strdup_printf (_("%s title"), rule->name);
  if (g_str_equal (field, "description"))
    return g_strdup_printf (_("%s description"), rule->name);

  return g_strdup_printf ("%s (%s)", rule->name, field);
}

static void
add_problem (GPtrArray            *problems,
             SigapTextProblemKind  kind,
             const char           *field,
             char                 *message,
             gboolean              blocks)
{
  SigapTextProblem *problem = g_new0 (SigapTextProblem, 1);

  problem->kind = kind;
  problem->field = field;
  problem->message = message;
  problem->blocks = blocks;
  g_ptr_array_add (problems, problem);
}

/* twitter-text finds a hashtag only after '#' or U+FF03, a mention only
 * after '@' or U+FF20: without one, no need to run its patterns. */
static gboolean
may_hold (const char *text,
          char        ascii,
          const char *fullwidth)
{
  return strchr (text, ascii) != NULL || strstr (text, fullwidth) != NULL;
}

static guint
count_entities (GPtrArray *entities)
{
  g_autoptr(GPtrArray) owned = entities;

  return owned->len;
}

/**
 * sigap_twitter_text_new_shipped:
 * @error: return location for a #GError
 *
 * Reads X's counting (twitter-text's v3.json and tld_lib.json) shipped
 * with Sigap in twitter-text/, found as the central documents are: in
 * $SIGAP_DATA_DIR if it is set, then in the installed share/sigap.
 *
 * Returns: (transfer full) (nullable): X's counting, or %NULL with @error
 *   set
 */
SigapTwitterText *
sigap_twitter_text_new_shipped (GError **error)
{
  const char *dirs[] = { g_getenv ("SIGAP_DATA_DIR"), PKGDATADIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *config = NULL;
      g_autofree char *tlds = NULL;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;

      config = g_build_filename (dirs[i], "twitter-text", "v3.json", NULL);
      tlds = g_build_filename (dirs[i], "twitter-text", "tld_lib.json", NULL);
      if (g_file_test (config, G_FILE_TEST_EXISTS))
        return sigap_twitter_text_new_from_files (config, tlds, error);
    }

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
               "No shipped twitter-text configuration");

  return NULL;
}

/**
 * sigap_platform_rules_new:
 * @document: the platform rules document's object (platforms.json)
 * @twitter: X's counting, for the weighted lengths and to find hashtags,
 *   mentions and links
 * @error: return location for a #GError
 *
 * Reads the text rules of each platform @document names; the platforms it
 * does not name have no rules, and ids Sigap does not know are left out.
 *
 * Returns: (transfer full) (nullable): the rules, or %NULL with
 *   %SIGAP_PLATFORM_RULES_ERROR_INVALID
 */
SigapPlatformRules *
sigap_platform_rules_new (JsonObject        *document,
                          SigapTwitterText  *twitter,
                          GError           **error)
{
  g_autoptr(SigapPlatformRules) self = NULL;
  g_autoptr(GEnumClass) platform_class = NULL;
  JsonNode *platforms;
  JsonArray *array;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (twitter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SigapPlatformRules, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->twitter = sigap_twitter_text_ref (twitter);

  platforms = json_object_get_member (document, "platforms");
  if (platforms == NULL || !JSON_NODE_HOLDS_ARRAY (platforms))
    {
      g_set_error_literal (error, SIGAP_PLATFORM_RULES_ERROR,
                           SIGAP_PLATFORM_RULES_ERROR_INVALID,
                           _("The platform rules list no platforms."));
      return NULL;
    }

  platform_class = g_type_class_ref (SIGAP_TYPE_PLATFORM);
  array = json_node_get_array (platforms);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      GEnumValue *value;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          invalid (error, "?", _("it is not an object"));
          return NULL;
        }
      id = json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL);
      if (id == NULL)
        {
          invalid (error, "?", _("it has no id"));
          return NULL;
        }

      value = g_enum_get_value_by_nick (platform_class, id);
      if (value == NULL)
        continue;
      if (self->platforms[value->value].present)
        {
          invalid (error, id, _("the platform is listed twice"));
          return NULL;
        }
      if (!read_platform (&self->platforms[value->value], json_node_get_object (node),
                          id, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * sigap_platform_rules_ref:
 * @self: a #SigapPlatformRules
 *
 * Returns: (transfer full): @self, with one more reference
 */
SigapPlatformRules *
sigap_platform_rules_ref (SigapPlatformRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * sigap_platform_rules_unref:
 * @self: (transfer full): a #SigapPlatformRules
 *
 * Drops a reference, freeing @self with the last one.
 */
void
sigap_platform_rules_unref (SigapPlatformRules *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    platform_rule_clear (&self->platforms[i]);
  g_clear_pointer (&self->twitter, sigap_twitter_text_unref);
  g_free (self);
}

/**
 * sigap_platform_rules_get_name:
 * @self: a #SigapPlatformRules
 * @platform: a platform
 *
 * Returns: (nullable): the platform's name as the rules give it ("X",
 *   "YouTube"), or %NULL when the rules do not name @platform
 */
const char *
sigap_platform_rules_get_name (SigapPlatformRules *self,
                               SigapPlatform       platform)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) platform < SIGAP_N_PLATFORMS, NULL);

  return self->platforms[platform].name;
}

/**
 * sigap_platform_rules_check:
 * @self: a #SigapPlatformRules
 * @platform: the platform to post to
 * @fields: (element-type utf8 utf8): the post's texts for @platform, by
 *   field name ("text", "caption", "title", "description"); a field the
 *   table lacks is empty
 * @counters_out: (nullable) (element-type SigapTextCounter): where to
 *   append one counter for each of the platform's text fields, in the
 *   rules' order
 *
 * Checks the texts of a post to @platform against its rules: each field's
 * length in the platform's own counting, the required fields, the
 * characters it refuses, the number of hashtags and mentions in all its
 * fields together and, on Instagram, the links of a caption, which cannot
 * be clicked (a warning, that does not block).
 *
 * Returns: (transfer full) (element-type SigapTextProblem): the problems,
 *   field by field in the rules' order, then the hashtags' and mentions';
 *   empty when the texts may be posted
 */
GPtrArray *
sigap_platform_rules_check (SigapPlatformRules *self,
                            SigapPlatform       platform,
                            GHashTable         *fields,
                            GArray             *counters_out)
{
  g_autoptr(GPtrArray) problems = NULL;
  const PlatformRule *rule;
  const char *hashtags_field = NULL;
  const char *mentions_field = NULL;
  guint hashtags = 0;
  guint mentions = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) platform < SIGAP_N_PLATFORMS, NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (counters_out == NULL
                        || g_array_get_element_size (counters_out) == sizeof (SigapTextCounter),
                        NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_text_problem_free);
  rule = &self->platforms[platform];
  if (!rule->present)
    return g_steal_pointer (&problems);

  for (guint i = 0; i < rule->fields->len; i++)
    {
      const FieldRule *field = &g_array_index (rule->fields, FieldRule, i);
      const char *text = g_hash_table_lookup (fields, field->field);
      g_autofree char *label = NULL;
      int used;

      if (text == NULL)
        text = "";

      used = count_text (self, field->counting, text);
      if (counters_out != NULL)
        {
          SigapTextCounter counter = { platform, field->field, used, field->max };

          g_array_append_val (counters_out, counter);
        }

      label = dup_field_label (rule, field->field);
      if (field->required && is_blank (text))
        add_problem (problems, SIGAP_TEXT_PROBLEM_REQUIRED_EMPTY, field->field,
                     g_strdup_printf (_("%s is required."), label), TRUE);

      if (used > field->max)
        {
          char *message;

          if (field->counting == COUNTING_UTF8_BYTES)
            message = g_strdup_printf (_("%s is too long: %d of %d bytes."),
                                       label, used, field->max);
          else
            message = g_strdup_printf (_("%s is too long: %d of %d characters."),
                                       label, used, field->max);
          add_problem (problems, SIGAP_TEXT_PROBLEM_TOO_LONG, field->field, message, TRUE);
        }

      for (guint j = 0; rule->forbidden[j] != NULL; j++)
        {
          if (strstr (text, rule->forbidden[j]) != NULL)
            add_problem (problems, SIGAP_TEXT_PROBLEM_FORBIDDEN_CHARACTER, field->field,
                         g_strdup_printf (_("%s cannot contain the character “%s”."),
                                          label, rule->forbidden[j]),
                         TRUE);
        }

      /* The limits are on the whole post: the problem goes to the field
       * where the count goes over. */
      if (rule->hashtags_max >= 0 && may_hold (text, '#', "\xef\xbc\x83"))
        {
          hashtags += count_entities (sigap_twitter_text_extract_hashtags (self->twitter,
                                                                           text));
          if (hashtags_field == NULL && hashtags > (guint) rule->hashtags_max)
            hashtags_field = field->field;
        }

      if (rule->mentions_max >= 0 && may_hold (text, '@', "\xef\xbc\xa0"))
        {
          mentions += count_entities (sigap_twitter_text_extract_mentions (text));
          if (mentions_field == NULL && mentions > (guint) rule->mentions_max)
            mentions_field = field->field;
        }

      /* Instagram shows the links of a caption as plain text. */
      if (platform == SIGAP_PLATFORM_INSTAGRAM && g_str_equal (field->field, "caption")
          && strchr (text, '.') != NULL
          && count_entities (sigap_twitter_text_extract_urls (self->twitter, text)) > 0)
        add_problem (problems, SIGAP_TEXT_PROBLEM_LINK_NOT_CLICKABLE, field->field,
                     g_strdup (_("Links in an Instagram caption cannot be clicked: "
                                 "Instagram shows them as plain text.")),
                     FALSE);
    }

  if (hashtags_field != NULL)
    add_problem (problems, SIGAP_TEXT_PROBLEM_TOO_MANY_HASHTAGS, hashtags_field,
                 g_strdup_printf (_("%s allows at most %d hashtags; this post has %u."),
                                  rule->name, rule->hashtags_max, hashtags),
                 TRUE);
  if (mentions_field != NULL)
    add_problem (problems, SIGAP_TEXT_PROBLEM_TOO_MANY_MENTIONS, mentions_field,
                 g_strdup_printf (_("%s allows at most %d mentions; this post has %u."),
                                  rule->name, rule->mentions_max, mentions),
                 TRUE);

  return g_steal_pointer (&problems);
}

/**
 * sigap_platform_rules_dup_counter_label:
 * @self: a #SigapPlatformRules
 * @counter: a counter sigap_platform_rules_check() filled
 *
 * The counter's text, also its accessible label: the platform's name,
 * then the field's when the platform has several ("X: 47/280",
 * "YouTube judul: 12/100").
 *
 * Returns: (transfer full): the label
 */
char *
sigap_platform_rules_dup_counter_label (SigapPlatformRules     *self,
                                        const SigapTextCounter *counter)
{
  const PlatformRule *rule;
  const char *field;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (counter != NULL, NULL);
  g_return_val_if_fail ((guint) counter->platform < SIGAP_N_PLATFORMS, NULL);

  rule = &self->platforms[counter->platform];
  g_return_val_if_fail (rule->present, NULL);

  field = counter->field != NULL ? counter->field : "";
  if (rule->fields->len <= 1)
    return g_strdup_printf ("%s: %d/%d", rule->name, counter->used, counter->max);
  if (g_str_equal (field, "text"))
    return g_strdup_printf (_("%s text: %d/%d"), rule->name, counter->used, counter->max);
  if (g_str_equal (field, "caption"))
    return g_strdup_printf (_("%s caption: %d/%d"), rule->name, counter->used, counter->max);
  if (g_str_equal (field, "title"))
    return g_strdup_printf (_("%s title: %d/%d"), rule->name, counter->used, counter->max);
  if (g_str_equal (field, "description"))
    return g_strdup_printf (_("%s description: %d/%d"), rule->name, counter->used,
                            counter->max);

  return g_strdup_printf ("%s %s: %d/%d", rule->name, field, counter->used, counter->max);
}

/**
 * sigap_text_problem_free:
 * @problem: (transfer full): a #SigapTextProblem
 *
 * Frees @problem and its message.
 */
void
sigap_text_problem_free (SigapTextProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}
