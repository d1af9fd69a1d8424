/* test-platform-rules.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sigap-central-documents.h"
#include "sigap-platform-rules.h"

/* The composer's text checks against the shipped platforms.json and the
 * shipped twitter-text files (found through SIGAP_DATA_DIR, set to the
 * source tree's data/): for every rule, a text just at the limit passes
 * and one just over it fails. The messages are the English msgids: the
 * tests run in the C locale. */

#define X_URL "https://dinkes.example.go.id/berita/2026/12/jadwal-vaksinasi-keliling"
#define EMOJI "\xf0\x9f\x98\x80"            /* U+1F600, weighs 2 on X */
#define E_ACUTE "\xc3\xa9"                  /* U+00E9, 2 bytes */
#define E_DECOMPOSED "e\xcc\x81"            /* e + U+0301: one character after NFC */

static SigapPlatformRules *rules;

static char *
repeat (const char *piece,
        guint       times)
{
  GString *string = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (string, piece);

  return g_string_free (string, FALSE);
}

/* Words "#tag0 #tag1 …" or "@warga0 @warga1 …", from @first. */
static char *
entities (const char *prefix,
          guint       first,
          guint       count)
{
  GString *string = g_string_new ("Kabar hari ini");

  for (guint i = first; i < first + count; i++)
    g_string_append_printf (string, " %s%u", prefix, i);

  return g_string_free (string, FALSE);
}

/* Checks @platform with the fields and texts given in pairs, ended by
 * NULL; fills @counters. */
G_GNUC_NULL_TERMINATED static GPtrArray *
check (SigapPlatform  platform,
       GArray        *counters,
       ...)
{
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  const char *field;
  va_list args;

  va_start (args, counters);
  while ((field = va_arg (args, const char *)) != NULL)
    g_hash_table_insert (fields, (char *) field, va_arg (args, char *));
  va_end (args);

  return sigap_platform_rules_check (rules, platform, fields, counters);
}

static GArray *
new_counters (void)
{
  return g_array_new (FALSE, TRUE, sizeof (SigapTextCounter));
}

static const SigapTextCounter *
counter_for (GArray     *counters,
             const char *field)
{
  for (guint i = 0; i < counters->len; i++)
    {
      const SigapTextCounter *counter = &g_array_index (counters, SigapTextCounter, i);

      if (g_str_equal (counter->field, field))
        return counter;
    }

  g_assert_not_reached ();
}

static void
assert_counter (GArray     *counters,
                const char *field,
                int         used,
                int         max)
{
  const SigapTextCounter *counter = counter_for (counters, field);

  g_assert_cmpint (counter->used, ==, used);
  g_assert_cmpint (counter->max, ==, max);
}

/* @problems holds exactly one problem, of @kind on @field, with @message. */
static void
assert_one_problem (GPtrArray            *problems,
                    SigapTextProblemKind  kind,
                    const char           *field,
                    gboolean              blocks,
                    const char           *message)
{
  SigapTextProblem *problem;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, kind);
  g_assert_cmpstr (problem->field, ==, field);
  g_assert_cmpint (problem->blocks, ==, blocks);
  g_assert_cmpstr (problem->message, ==, message);
}

/* A caption-like text of @length characters, ASCII. */
static char *
text_of_length (guint length)
{
  return repeat ("a", length);
}

/* Checks a one-field platform at @max (no problem) and @max + 1 (too
 * long), with ASCII texts. */
static void
assert_length_limit (SigapPlatform   platform,
                     const char     *field,
                     int             max,
                     const char     *over_message)
{
  g_autofree char *at_max = text_of_length (max);
  g_autofree char *over = text_of_length (max + 1);
  g_autoptr(GArray) counters = new_counters ();
  g_autoptr(GPtrArray) problems = NULL;

  problems = check (platform, counters, field, at_max, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_counter (counters, field, max, max);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_array_set_size (counters, 0);

  problems = check (platform, counters, field, over, NULL);
  assert_one_problem (problems, SIGAP_TEXT_PROBLEM_TOO_LONG, field, TRUE, over_message);
  assert_counter (counters, field, max + 1, max);
}

static void
test_x_weighted (void)
{
  /* The URL weighs 23 whatever its length, the emoji 2: 23 + 1 + 2 + 1 +
   * 253 = 280. */
  g_autofree char *filler = text_of_length (253);
  g_autofree char *at_max = g_strconcat (X_URL " " EMOJI " ", filler, NULL);
  g_autofree char *over = g_strconcat (at_max, "b", NULL);
  g_autoptr(GArray) counters = new_counters ();
  g_autoptr(GPtrArray) problems = NULL;

  problems = check (SIGAP_PLATFORM_X, counters, "text", at_max, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (counters->len, ==, 1);
  assert_counter (counters, "text", 280, 280);
  g_assert_cmpint (g_array_index (counters, SigapTextCounter, 0).platform, ==,
                   SIGAP_PLATFORM_X);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_array_set_size (counters, 0);

  problems = check (SIGAP_PLATFORM_X, counters, "text", over, NULL);
  assert_one_problem (problems, SIGAP_TEXT_PROBLEM_TOO_LONG, "text", TRUE,
                      "X text is too long: 281 of 280 characters.");
  assert_counter (counters, "text", 281, 280);
}

static void
test_x_counter_label (void)
{
  /* 18 + 23 + 1 + 2 + 3 = 47 */
  const char *text = "Jadwal vaksinasi: " X_URL " " EMOJI " ok";
  g_autoptr(GArray) counters = new_counters ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *label = NULL;

  problems = check (SIGAP_PLATFORM_X, counters, "text", text, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_counter (counters, "text", 47, 280);

  label = sigap_platform_rules_dup_counter_label (
    rules, &g_array_index (counters, SigapTextCounter, 0));
  g_assert_cmpstr (label, ==, "X: 47/280");
}

static void
test_youtube_counter_labels (void)
{
  g_autoptr(GArray) counters = new_counters ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  problems = check (SIGAP_PLATFORM_YOUTUBE, counters,
                    "title", "Vaksin " E_ACUTE "12345", "description", E_ACUTE "!", NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (counters->len, ==, 2);

  title = sigap_platform_rules_dup_counter_label (
    rules, &g_array_index (counters, SigapTextCounter, 0));
  description = sigap_platform_rules_dup_counter_label (
    rules, &g_array_index (counters, SigapTextCounter, 1));
  g_assert_cmpstr (title, ==, "YouTube title: 13/100");
  g_assert_cmpstr (description, ==, "YouTube description: 3/5000");
}

static void
test_instagram_length (void)
{
  /* A decomposed é is two code points but one character after NFC. */
  g_autofree char *filler = text_of_length (2199);
  g_autofree char *at_max = g_strconcat (filler, E_DECOMPOSED, NULL);
  g_autofree char *over = g_strconcat (at_max, E_DECOMPOSED, NULL);
  g_autoptr(GArray) counters = new_counters ();
  g_autoptr(GPtrArray) problems = NULL;

  problems = check (SIGAP_PLATFORM_INSTAGRAM, counters, "caption", at_max, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_counter (counters, "caption", 2200, 2200);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_array_set_size (counters, 0);

  problems = check (SIGAP_PLATFORM_INSTAGRAM, counters, "caption", over, NULL);
  assert_one_problem (problems, SIGAP_TEXT_PROBLEM_TOO_LONG, "caption", TRUE,
                      "Instagram caption is too long: 2201 of 2200 characters.");
  assert_counter (counters, "caption", 2201, 2200);
}

static void
test_instagram_hashtags (void)
{
  g_autofree char *thirty = entities ("#tag", 0, 30);
  g_autofree char *thirty_one = entities ("#tag", 0, 31);
  g_autoptr(GPtrArray) problems = NULL;

  problems = check (SIGAP_PLATFORM_INSTAGRAM, NULL, "caption", thirty, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = check (SIGAP_PLATFORM_INSTAGRAM, NULL, "caption", thirty_one, NULL);
  assert_one_problem (problems, SIGAP_TEXT_PROBLEM_TOO_MANY_HASHTAGS, "caption", TRUE,
                      "Instagram allows at most 30 hashtags; this post has 31.");
}

static void
test_instagram_mentions (void)
{
  g_autofree char *twenty = entities ("@warga", 0, 20);
  g_autofree char *twenty_one = entities ("@warga", 0, 21);
  g_autoptr(GPtrArray) problems = NULL;

  problems = check (SIGAP_PLATFORM_INSTAGRAM, NULL, "caption", twenty, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = check (SIGAP_PLATFORM_INSTAGRAM, NULL, "caption", twenty_one, NULL);
  assert_one_problem (problems, SIGAP_TEXT_PROBLEM_TOO_MANY_MENTIONS, "caption", TRUE,
                      "Instagram allows at most 20 mentions; this post has 21.");
}

static void
test_instagram_link (void)
{
  g_autoptr(GPtrArray) problems = NULL;

  problems = check (SIGAP_PLATFORM_INSTAGRAM, NULL,
                    "caption", "Daftar di " X_URL " sebelum Jumat.", NULL);
  assert_one_problem (problems, SIGAP_TEXT_PROBLEM_LINK_NOT_CLICKABLE, "caption", FALSE,
                      "Links in an Instagram caption cannot be clicked: "
                      "Instagram shows them as plain text.");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Without a protocol, still a link. */
  problems = check (SIGAP_PLATFORM_INSTAGRAM, NULL,
                    "caption", "Daftar di dinkes.example.go.id sebelum Jumat.", NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A sentence's full stop is no link; and only Instagram warns. */
  problems = check (SIGAP_PLATFORM_INSTAGRAM, NULL, "caption", "Daftar sebelum Jumat.", NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = check (SIGAP_PLATFORM_TIKTOK, NULL, "caption", "Daftar di " X_URL, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_youtube_title (void)
{
  /* 100 characters of 2 bytes each: characters, not bytes, count. */
  g_autofree char *at_max = repeat (E_ACUTE, 100);
  g_autofree char *over = repeat (E_ACUTE, 101);
  g_autoptr(GArray) counters = new_counters ();
  g_autoptr(GPtrArray) problems = NULL;

  problems = check (SIGAP_PLATFORM_YOUTUBE, counters, "title", at_max, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_counter (counters, "title", 100, 100);
  assert_counter (counters, "description", 0, 5000);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_array_set_size (counters, 0);

  problems = check (SIGAP_PLATFORM_YOUTUBE, counters, "title", over, NULL);
  assert_one_problem (problems, SIGAP_TEXT_PROBLEM_TOO_LONG, "title", TRUE,
                      "YouTube title is too long: 101 of 100 characters.");
  assert_counter (counters, "title", 101, 100);
}

static void
test_youtube_title_required (void)
{
  const char *empty_titles[] = { "", " \t\n", NULL };
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (empty_titles); i++)
    {
      if (empty_titles[i] != NULL)
        problems = check (SIGAP_PLATFORM_YOUTUBE, NULL,
                          "title", empty_titles[i], "description", "Isi", NULL);
      else
        problems = check (SIGAP_PLATFORM_YOUTUBE, NULL, "description", "Isi", NULL);
      assert_one_problem (problems, SIGAP_TEXT_PROBLEM_REQUIRED_EMPTY, "title", TRUE,
                          "YouTube title is required.");
      g_clear_pointer (&problems, g_ptr_array_unref);
    }

  /* The description is not required. */
  problems = check (SIGAP_PLATFORM_YOUTUBE, NULL, "title", "Judul", NULL);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_youtube_description_bytes (void)
{
  /* 2,500 characters of 2 bytes: 5,000 bytes. */
  g_autofree char *at_max = repeat (E_ACUTE, 2500);
  g_autofree char *over = g_strconcat (at_max, "a", NULL);
  g_autoptr(GArray) counters = new_counters ();
  g_autoptr(GPtrArray) problems = NULL;

  problems = check (SIGAP_PLATFORM_YOUTUBE, counters,
                    "title", "Judul", "description", at_max, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_counter (counters, "description", 5000, 5000);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_array_set_size (counters, 0);

  problems = check (SIGAP_PLATFORM_YOUTUBE, counters,
                    "title", "Judul", "description", over, NULL);
  assert_one_problem (problems, SIGAP_TEXT_PROBLEM_TOO_LONG, "description", TRUE,
                      "YouTube description is too long: 5001 of 5000 bytes.");
  assert_counter (counters, "description", 5001, 5000);
}

static void
test_youtube_forbidden (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  SigapTextProblem *problem;

  problems = check (SIGAP_PLATFORM_YOUTUBE, NULL,
                    "title", "Judul", "description", "Nilai 3 lebih dari 2 dan 1 kurang", NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = check (SIGAP_PLATFORM_YOUTUBE, NULL,
                    "title", "Nilai <b>", "description", "Isi", NULL);
  g_assert_cmpuint (problems->len, ==, 2);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, SIGAP_TEXT_PROBLEM_FORBIDDEN_CHARACTER);
  g_assert_cmpstr (problem->field, ==, "title");
  g_assert_true (problem->blocks);
  g_assert_cmpstr (problem->message, ==, "YouTube title cannot contain the character “<”.");
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (problem->message, ==, "YouTube title cannot contain the character “>”.");
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = check (SIGAP_PLATFORM_YOUTUBE, NULL,
                    "title", "Judul", "description", "3 < 4", NULL);
  assert_one_problem (problems, SIGAP_TEXT_PROBLEM_FORBIDDEN_CHARACTER, "description", TRUE,
                      "YouTube description cannot contain the character “<”.");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Other platforms take them. */
  problems = check (SIGAP_PLATFORM_FACEBOOK, NULL, "text", "3 < 4 > 2", NULL);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_youtube_hashtags (void)
{
  /* Title and description together: 10 + 50 = 60, then 61. */
  g_autofree char *title = entities ("#judul", 0, 10);
  g_autofree char *fifty = entities ("#tag", 0, 50);
  g_autofree char *fifty_one = entities ("#tag", 0, 51);
  g_autoptr(GPtrArray) problems = NULL;

  problems = check (SIGAP_PLATFORM_YOUTUBE, NULL, "title", title, "description", fifty, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = check (SIGAP_PLATFORM_YOUTUBE, NULL,
                    "title", title, "description", fifty_one, NULL);
  assert_one_problem (problems, SIGAP_TEXT_PROBLEM_TOO_MANY_HASHTAGS, "description", TRUE,
                      "YouTube allows at most 60 hashtags; this post has 61.");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Mentions have no limit on YouTube, nor hashtags on X. */
  g_clear_pointer (&fifty_one, g_free);
  fifty_one = entities ("@warga", 0, 61);
  problems = check (SIGAP_PLATFORM_YOUTUBE, NULL,
                    "title", "Judul", "description", fifty_one, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&fifty_one, g_free);
  fifty_one = entities ("#t", 0, 50);
  problems = check (SIGAP_PLATFORM_X, NULL, "text", fifty_one, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_tiktok_length (void)
{
  assert_length_limit (SIGAP_PLATFORM_TIKTOK, "caption", 2200,
                       "TikTok caption is too long: 2201 of 2200 characters.");
}

static void
test_facebook_length (void)
{
  assert_length_limit (SIGAP_PLATFORM_FACEBOOK, "text", 63206,
                       "Facebook text is too long: 63207 of 63206 characters.");
}

static void
test_invalid_document (void)
{
  const char *documents[] = {
    "{\"format\":1}",
    "{\"platforms\":[{\"id\":\"x\",\"name\":\"X\",\"text\":"
    "[{\"field\":\"text\",\"max\":280,\"counting\":\"words\"}]}]}",
    "{\"platforms\":[{\"id\":\"x\",\"name\":\"X\",\"text\":"
    "[{\"field\":\"text\",\"max\":\"280\",\"counting\":\"characters\"}]}]}",
    "{\"platforms\":[{\"id\":\"x\",\"name\":\"X\",\"hashtags_max\":-1,\"text\":[]}]}",
    "{\"platforms\":[{\"id\":\"x\",\"name\":\"X\",\"forbidden_characters\":[1],\"text\":[]}]}",
  };
  g_autoptr(SigapTwitterText) twitter = sigap_twitter_text_new_shipped (NULL);

  g_assert_nonnull (twitter);
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (documents[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(SigapPlatformRules) invalid = NULL;

      invalid = sigap_platform_rules_new (json_node_get_object (node), twitter, &error);
      g_assert_null (invalid);
      g_assert_error (error, SIGAP_PLATFORM_RULES_ERROR, SIGAP_PLATFORM_RULES_ERROR_INVALID);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(SigapTwitterText) twitter = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);

  bytes = sigap_central_documents_read_shipped ("platforms", &error);
  g_assert_no_error (error);
  document = json_from_string (g_bytes_get_data (bytes, NULL), &error);
  g_assert_no_error (error);
  twitter = sigap_twitter_text_new_shipped (&error);
  g_assert_no_error (error);
  rules = sigap_platform_rules_new (json_node_get_object (document), twitter, &error);
  g_assert_no_error (error);

  g_test_add_func ("/platform-rules/x/weighted", test_x_weighted);
  g_test_add_func ("/platform-rules/x/counter-label", test_x_counter_label);
  g_test_add_func ("/platform-rules/instagram/length", test_instagram_length);
  g_test_add_func ("/platform-rules/instagram/hashtags", test_instagram_hashtags);
  g_test_add_func ("/platform-rules/instagram/mentions", test_instagram_mentions);
  g_test_add_func ("/platform-rules/instagram/link", test_instagram_link);
  g_test_add_func ("/platform-rules/youtube/title", test_youtube_title);
  g_test_add_func ("/platform-rules/youtube/title-required", test_youtube_title_required);
  g_test_add_func ("/platform-rules/youtube/description-bytes", test_youtube_description_bytes);
  g_test_add_func ("/platform-rules/youtube/forbidden", test_youtube_forbidden);
  g_test_add_func ("/platform-rules/youtube/hashtags", test_youtube_hashtags);
  g_test_add_func ("/platform-rules/youtube/counter-labels", test_youtube_counter_labels);
  g_test_add_func ("/platform-rules/tiktok/length", test_tiktok_length);
  g_test_add_func ("/platform-rules/facebook/length", test_facebook_length);
  g_test_add_func ("/platform-rules/invalid-document", test_invalid_document);

  status = g_test_run ();
  g_clear_pointer (&rules, sigap_platform_rules_unref);

  return status;
}
