/* test-twitter-text.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sigap-twitter-text.h"

/*
 * The twitter-text conformance suite (validate.json, extract.json), read
 * from SIGAP_TWITTER_TEXT_DIR; every case of a group is checked and every
 * failing case reported, with its description and text.
 */

static const char *
conformance_dir (void)
{
  const char *dir = g_getenv ("SIGAP_TWITTER_TEXT_DIR");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

static JsonNode *
load_json (const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (conformance_dir (), name, NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonArray *
group_cases (JsonNode   *root,
             const char *group)
{
  JsonObject *tests = json_object_get_object_member (json_node_get_object (root), "tests");
  JsonArray *cases = json_object_get_array_member (tests, group);

  g_assert_nonnull (cases);
  g_assert_cmpuint (json_array_get_length (cases), >, 0);
  return cases;
}

static SigapTwitterText *
new_twitter_text (gboolean emoji_parsing)
{
  g_autoptr(JsonNode) config = load_json ("v3.json");
  g_autoptr(JsonNode) tld_root = load_json ("tld_lib.json");
  g_autoptr(GPtrArray) tlds = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *lists[] = { "country", "generic" };
  SigapTwitterText *twitter_text;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *array = json_object_get_array_member (json_node_get_object (tld_root), lists[l]);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (tlds, (gpointer) json_array_get_string_element (array, i));
    }
  g_ptr_array_add (tlds, NULL);

  /* The plain counter test is v2's configuration: v3's without emoji
   * parsing. */
  json_object_set_boolean_member (json_node_get_object (config), "emojiParsingEnabled",
                                  emoji_parsing);

  twitter_text = sigap_twitter_text_new (json_node_get_object (config),
                                         (const char * const *) tlds->pdata, &error);
  g_assert_no_error (error);
  g_assert_nonnull (twitter_text);
  return twitter_text;
}

static gboolean
skip_if_missing (void)
{
  if (conformance_dir () != NULL)
    return FALSE;
  g_test_skip ("no twitter-text conformance directory (SIGAP_TWITTER_TEXT_DIR)");
  return TRUE;
}

static void
test_validate (gconstpointer data)
{
  const char *group = data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SigapTwitterText) twitter_text = NULL;
  JsonArray *cases;

  if (skip_if_missing ())
    return;

  root = load_json ("validate.json");
  cases = group_cases (root, group);
  twitter_text = new_twitter_text (g_strcmp0 (group, "WeightedTweetsCounterTest") != 0);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *test = json_array_get_object_element (cases, i);
      JsonObject *expected = json_object_get_object_member (test, "expected");
      const char *text = json_object_get_string_member (test, "text");
      SigapTweetResult result;

      sigap_twitter_text_parse (twitter_text, text, &result);

      if (result.weighted_length != json_object_get_int_member (expected, "weightedLength")
          || result.valid != json_object_get_boolean_member (expected, "valid")
          || result.permillage != json_object_get_int_member (expected, "permillage")
          || result.display_start != json_object_get_int_member (expected, "displayRangeStart")
          || result.display_end != json_object_get_int_member (expected, "displayRangeEnd")
          || result.valid_start != json_object_get_int_member (expected, "validRangeStart")
          || result.valid_end != json_object_get_int_member (expected, "validRangeEnd"))
        {
          g_test_fail_printf ("%s: \"%s\" (%s): got length %d valid %d permillage %d "
                              "display %d-%d valid range %d-%d; expected %d %d %d %d-%d %d-%d",
                              group,
                              json_object_get_string_member (test, "description"), text,
                              result.weighted_length, result.valid, result.permillage,
                              result.display_start, result.display_end,
                              result.valid_start, result.valid_end,
                              (int) json_object_get_int_member (expected, "weightedLength"),
                              json_object_get_boolean_member (expected, "valid"),
                              (int) json_object_get_int_member (expected, "permillage"),
                              (int) json_object_get_int_member (expected, "displayRangeStart"),
                              (int) json_object_get_int_member (expected, "displayRangeEnd"),
                              (int) json_object_get_int_member (expected, "validRangeStart"),
                              (int) json_object_get_int_member (expected, "validRangeEnd"));
        }
    }
}

typedef struct
{
  const char *group;
  const char *key;          /* the key of an entity's text; NULL: texts only */
} ExtractGroup;

static GPtrArray *
extract (SigapTwitterText *twitter_text,
         const char       *group,
         const char       *text)
{
  if (g_str_has_prefix (group, "urls") || g_str_has_prefix (group, "tco_urls"))
    return sigap_twitter_text_extract_urls (twitter_text, text);
  if (g_str_has_prefix (group, "hashtags"))
    return sigap_twitter_text_extract_hashtags (twitter_text, text);
  if (g_str_has_prefix (group, "mentions"))
    return sigap_twitter_text_extract_mentions (text);
  g_assert_not_reached ();
}

static char *
describe (GPtrArray *entities)
{
  g_autoptr(GString) out = g_string_new ("[");

  for (guint i = 0; i < entities->len; i++)
    {
      SigapTextEntity *entity = g_ptr_array_index (entities, i);

      g_string_append_printf (out, "%s\"%s\" %u-%u", i > 0 ? ", " : "", entity->text,
                              entity->start, entity->end);
    }
  g_string_append_c (out, ']');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
entities_match (GPtrArray  *entities,
                JsonArray  *expected,
                const char *key)
{
  if (entities->len != json_array_get_length (expected))
    return FALSE;

  for (guint i = 0; i < entities->len; i++)
    {
      SigapTextEntity *entity = g_ptr_array_index (entities, i);

      if (key == NULL)
        {
          if (g_strcmp0 (entity->text, json_array_get_string_element (expected, i)) != 0)
            return FALSE;
        }
      else
        {
          JsonObject *object = json_array_get_object_element (expected, i);
          JsonArray *indices = json_object_get_array_member (object, "indices");

          if (g_strcmp0 (entity->text, json_object_get_string_member (object, key)) != 0
              || entity->start != json_array_get_int_element (indices, 0)
              || entity->end != json_array_get_int_element (indices, 1))
            return FALSE;
        }
    }
  return TRUE;
}

static void
test_extract (gconstpointer data)
{
  const ExtractGroup *group = data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SigapTwitterText) twitter_text = NULL;
  JsonArray *cases;

  if (skip_if_missing ())
    return;

  root = load_json ("extract.json");
  cases = group_cases (root, group->group);
  twitter_text = new_twitter_text (TRUE);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *test = json_array_get_object_element (cases, i);
      JsonArray *expected = json_object_get_array_member (test, "expected");
      const char *text = json_object_get_string_member (test, "text");
      g_autoptr(GPtrArray) entities = extract (twitter_text, group->group, text);

      if (!entities_match (entities, expected, group->key))
        {
          g_autofree char *got = describe (entities);
          g_autofree char *wanted = json_to_string (json_object_get_member (test, "expected"),
                                                    FALSE);

          g_test_fail_printf ("%s: \"%s\" (%s): got %s, expected %s", group->group,
                              json_object_get_string_member (test, "description"), text,
                              got, wanted);
        }
    }
}

static const ExtractGroup extract_groups[] = {
  { "urls", NULL },
  { "urls_with_indices", "url" },
  { "urls_with_directional_markers", "url" },
  { "tco_urls_with_params", NULL },
  { "hashtags", NULL },
  { "hashtags_with_indices", "hashtag" },
  { "hashtags_from_astral", NULL },
  { "mentions", NULL },
  { "mentions_with_indices", "screen_name" },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/twitter-text/validate/WeightedTweetsCounterTest",
                        "WeightedTweetsCounterTest", test_validate);
  g_test_add_data_func ("/twitter-text/validate/WeightedTweetsWithDiscountedEmojiCounterTest",
                        "WeightedTweetsWithDiscountedEmojiCounterTest", test_validate);
  g_test_add_data_func ("/twitter-text/validate/UnicodeDirectionalMarkerCounterTest",
                        "UnicodeDirectionalMarkerCounterTest", test_validate);

  for (guint i = 0; i < G_N_ELEMENTS (extract_groups); i++)
    {
      g_autofree char *path = g_strdup_printf ("/twitter-text/extract/%s",
                                               extract_groups[i].group);

      g_test_add_data_func (path, &extract_groups[i], test_extract);
    }

  return g_test_run ();
}
