/* test-post-filter.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sigap-test-utils.h"

#define N_STATUSES   (SIGAP_POST_STATUS_CANCELLED + 1)
#define N_CATEGORIES (SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT + 1)

typedef struct
{
  guint changed;
  guint notify_platforms;
  guint notify_statuses;
  guint notify_categories;
} Counts;

static SigapPost *
make_post (SigapPostStatus      status,
           SigapContentCategory category,
           ...)
{
  SigapPost *post = sigap_post_new ();
  va_list args;
  int platform;

  sigap_post_set_status (post, status);
  sigap_post_set_category (post, category);

  /* Platforms, ended by -1. */
  va_start (args, category);
  while ((platform = va_arg (args, int)) >= 0)
    {
      g_autoptr(SigapPostVariant) variant = sigap_post_variant_new ();

      sigap_post_variant_set_platform (variant, platform);
      sigap_post_set_variant (post, variant);
    }
  va_end (args);

  return post;
}

static void
changed_cb (SigapPostFilter *filter,
            Counts          *counts)
{
  counts->changed++;
}

static void
notify_cb (SigapPostFilter *filter,
           GParamSpec      *pspec,
           Counts          *counts)
{
  if (g_str_equal (pspec->name, "hidden-platforms"))
    counts->notify_platforms++;
  else if (g_str_equal (pspec->name, "hidden-statuses"))
    counts->notify_statuses++;
  else if (g_str_equal (pspec->name, "hidden-categories"))
    counts->notify_categories++;
  else
    g_assert_not_reached ();
}

static SigapPostFilter *
make_counted_filter (Counts *counts)
{
  SigapPostFilter *filter = sigap_post_filter_new ();

  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), counts);
  g_signal_connect (filter, "notify", G_CALLBACK (notify_cb), counts);

  return filter;
}

static void
test_defaults (void)
{
  g_autoptr(SigapPostFilter) filter = sigap_post_filter_new ();

  g_assert_cmpuint (sigap_post_filter_get_hidden_platforms (filter), ==, 0);
  g_assert_cmpuint (sigap_post_filter_get_hidden_statuses (filter), ==, 0);
  g_assert_cmpuint (sigap_post_filter_get_hidden_categories (filter), ==, 0);
  g_assert_false (sigap_post_filter_is_active (filter));

  /* Nothing hidden: every status, category and platform is shown. */
  for (int status = 0; status < N_STATUSES; status++)
    for (int category = 0; category < N_CATEGORIES; category++)
      {
        g_autoptr(SigapPost) bare = make_post (status, category, -1);
        g_autoptr(SigapPost) one = make_post (status, category, status % SIGAP_N_PLATFORMS, -1);

        g_assert_true (sigap_post_filter_matches (filter, bare));
        g_assert_true (sigap_post_filter_matches (filter, one));
      }
}

static void
test_platforms (void)
{
  g_autoptr(SigapPostFilter) filter = sigap_post_filter_new ();
  g_autoptr(SigapPost) fb_ig = make_post (SIGAP_POST_STATUS_SCHEDULED,
                                          SIGAP_CONTENT_CATEGORY_PROGRAMME,
                                          SIGAP_PLATFORM_FACEBOOK, SIGAP_PLATFORM_INSTAGRAM, -1);
  g_autoptr(SigapPost) tiktok = make_post (SIGAP_POST_STATUS_DRAFT,
                                           SIGAP_CONTENT_CATEGORY_EDUCATION,
                                           SIGAP_PLATFORM_TIKTOK, -1);
  g_autoptr(SigapPost) none = make_post (SIGAP_POST_STATUS_DRAFT,
                                         SIGAP_CONTENT_CATEGORY_EDUCATION, -1);

  /* One of two platforms hidden: still shown by the other. */
  sigap_post_filter_set_hidden_platforms (filter, 1u << SIGAP_PLATFORM_FACEBOOK);
  g_assert_true (sigap_post_filter_is_active (filter));
  g_assert_true (sigap_post_filter_matches (filter, fb_ig));
  g_assert_true (sigap_post_filter_matches (filter, tiktok));
  g_assert_true (sigap_post_filter_matches (filter, none));

  /* Both hidden. */
  sigap_post_filter_set_hidden_platforms (filter, (1u << SIGAP_PLATFORM_FACEBOOK) |
                                                  (1u << SIGAP_PLATFORM_INSTAGRAM));
  g_assert_false (sigap_post_filter_matches (filter, fb_ig));
  g_assert_true (sigap_post_filter_matches (filter, tiktok));
  g_assert_true (sigap_post_filter_matches (filter, none));

  sigap_post_filter_set_hidden_platforms (filter, 1u << SIGAP_PLATFORM_TIKTOK);
  g_assert_true (sigap_post_filter_matches (filter, fb_ig));
  g_assert_false (sigap_post_filter_matches (filter, tiktok));

  /* Every platform hidden: a post without platforms is still shown. */
  sigap_post_filter_set_hidden_platforms (filter, (1u << SIGAP_N_PLATFORMS) - 1);
  g_assert_false (sigap_post_filter_matches (filter, fb_ig));
  g_assert_false (sigap_post_filter_matches (filter, tiktok));
  g_assert_true (sigap_post_filter_matches (filter, none));

  /* Each platform on its own. */
  for (int hidden = 0; hidden < SIGAP_N_PLATFORMS; hidden++)
    {
      sigap_post_filter_set_hidden_platforms (filter, 1u << hidden);

      for (int platform = 0; platform < SIGAP_N_PLATFORMS; platform++)
        {
          g_autoptr(SigapPost) post = make_post (SIGAP_POST_STATUS_SCHEDULED,
                                                 SIGAP_CONTENT_CATEGORY_ACHIEVEMENT,
                                                 platform, -1);

          g_assert_cmpint (sigap_post_filter_matches (filter, post), ==, platform != hidden);
        }
    }
}

static void
test_statuses (void)
{
  g_autoptr(SigapPostFilter) filter = sigap_post_filter_new ();

  for (int hidden = 0; hidden < N_STATUSES; hidden++)
    {
      sigap_post_filter_set_hidden_statuses (filter, 1u << hidden);
      g_assert_true (sigap_post_filter_is_active (filter));

      for (int status = 0; status < N_STATUSES; status++)
        {
          g_autoptr(SigapPost) with = make_post (status, SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE,
                                                 SIGAP_PLATFORM_X, -1);
          g_autoptr(SigapPost) without = make_post (status,
                                                    SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE, -1);

          g_assert_cmpint (sigap_post_filter_matches (filter, with), ==, status != hidden);
          g_assert_cmpint (sigap_post_filter_matches (filter, without), ==, status != hidden);
        }
    }

  /* Published and cancelled hidden: what is still to do. */
  sigap_post_filter_set_hidden_statuses (filter, (1u << SIGAP_POST_STATUS_PUBLISHED) |
                                                 (1u << SIGAP_POST_STATUS_CANCELLED));
  for (int status = 0; status < N_STATUSES; status++)
    {
      g_autoptr(SigapPost) post = make_post (status, SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE, -1);

      g_assert_cmpint (sigap_post_filter_matches (filter, post), ==,
                       status != SIGAP_POST_STATUS_PUBLISHED &&
                       status != SIGAP_POST_STATUS_CANCELLED);
    }
}

static void
test_categories (void)
{
  g_autoptr(SigapPostFilter) filter = sigap_post_filter_new ();

  for (int hidden = 0; hidden < N_CATEGORIES; hidden++)
    {
      sigap_post_filter_set_hidden_categories (filter, 1u << hidden);
      g_assert_true (sigap_post_filter_is_active (filter));

      for (int category = 0; category < N_CATEGORIES; category++)
        {
          g_autoptr(SigapPost) with = make_post (SIGAP_POST_STATUS_REVIEW, category,
                                                 SIGAP_PLATFORM_YOUTUBE,
                                                 SIGAP_PLATFORM_FACEBOOK, -1);
          g_autoptr(SigapPost) without = make_post (SIGAP_POST_STATUS_REVIEW, category, -1);

          g_assert_cmpint (sigap_post_filter_matches (filter, with), ==, category != hidden);
          g_assert_cmpint (sigap_post_filter_matches (filter, without), ==, category != hidden);
        }
    }
}

static void
test_combined (void)
{
  g_autoptr(SigapPostFilter) filter = sigap_post_filter_new ();
  g_autoptr(SigapPost) post = make_post (SIGAP_POST_STATUS_SCHEDULED,
                                         SIGAP_CONTENT_CATEGORY_CLARIFICATION,
                                         SIGAP_PLATFORM_INSTAGRAM, -1);

  /* Each mask alone can hide the post; the others not hiding it does not
   * save it. */
  sigap_post_filter_set_hidden_platforms (filter, 1u << SIGAP_PLATFORM_FACEBOOK);
  sigap_post_filter_set_hidden_statuses (filter, 1u << SIGAP_POST_STATUS_DRAFT);
  sigap_post_filter_set_hidden_categories (filter, 1u << SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT);
  g_assert_true (sigap_post_filter_matches (filter, post));

  sigap_post_filter_set_hidden_categories (filter,
                                           1u << SIGAP_CONTENT_CATEGORY_CLARIFICATION);
  g_assert_false (sigap_post_filter_matches (filter, post));
  sigap_post_filter_set_hidden_categories (filter, 0);
  g_assert_true (sigap_post_filter_matches (filter, post));

  sigap_post_filter_set_hidden_statuses (filter, 1u << SIGAP_POST_STATUS_SCHEDULED);
  g_assert_false (sigap_post_filter_matches (filter, post));
  sigap_post_filter_set_hidden_statuses (filter, 0);

  sigap_post_filter_set_hidden_platforms (filter, 1u << SIGAP_PLATFORM_INSTAGRAM);
  g_assert_false (sigap_post_filter_matches (filter, post));
  sigap_post_filter_set_hidden_platforms (filter, 0);
  g_assert_true (sigap_post_filter_matches (filter, post));
  g_assert_false (sigap_post_filter_is_active (filter));
}

static void
test_count_hidden (void)
{
  g_autoptr(SigapPostFilter) filter = sigap_post_filter_new ();
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();

  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_DRAFT, SIGAP_CONTENT_CATEGORY_PROGRAMME,
                                     SIGAP_PLATFORM_FACEBOOK, -1));
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_SCHEDULED,
                                     SIGAP_CONTENT_CATEGORY_PROGRAMME,
                                     SIGAP_PLATFORM_FACEBOOK, SIGAP_PLATFORM_X, -1));
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_PUBLISHED,
                                     SIGAP_CONTENT_CATEGORY_EDUCATION,
                                     SIGAP_PLATFORM_X, -1));
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_DRAFT, SIGAP_CONTENT_CATEGORY_EDUCATION,
                                     -1));
  g_ptr_array_add (posts, make_post (SIGAP_POST_STATUS_CANCELLED,
                                     SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT,
                                     SIGAP_PLATFORM_FACEBOOK, -1));

  g_assert_cmpuint (sigap_post_filter_count_hidden (filter, posts), ==, 0);
  g_assert_cmpuint (sigap_post_filter_count_hidden (filter, NULL), ==, 0);

  sigap_post_filter_set_hidden_platforms (filter, 1u << SIGAP_PLATFORM_FACEBOOK);
  g_assert_cmpuint (sigap_post_filter_count_hidden (filter, posts), ==, 2);
  g_assert_cmpuint (sigap_post_filter_count_hidden (filter, empty), ==, 0);
  g_assert_cmpuint (sigap_post_filter_count_hidden (filter, NULL), ==, 0);

  sigap_post_filter_set_hidden_statuses (filter, 1u << SIGAP_POST_STATUS_DRAFT);
  g_assert_cmpuint (sigap_post_filter_count_hidden (filter, posts), ==, 3);

  sigap_post_filter_set_hidden_categories (filter, 1u << SIGAP_CONTENT_CATEGORY_EDUCATION);
  g_assert_cmpuint (sigap_post_filter_count_hidden (filter, posts), ==, 4);

  sigap_post_filter_set_hidden_platforms (filter, 0);
  g_assert_cmpuint (sigap_post_filter_count_hidden (filter, posts), ==, 3);

  sigap_post_filter_reset (filter);
  g_assert_cmpuint (sigap_post_filter_count_hidden (filter, posts), ==, 0);
}

static void
test_changed (void)
{
  Counts counts = { 0 };
  g_autoptr(SigapPostFilter) filter = make_counted_filter (&counts);

  /* The same value: no signal. */
  sigap_post_filter_set_hidden_platforms (filter, 0);
  sigap_post_filter_set_hidden_statuses (filter, 0);
  sigap_post_filter_set_hidden_categories (filter, 0);
  g_assert_cmpuint (counts.changed, ==, 0);
  g_assert_cmpuint (counts.notify_platforms + counts.notify_statuses +
                    counts.notify_categories, ==, 0);

  sigap_post_filter_set_hidden_platforms (filter, 1u << SIGAP_PLATFORM_X);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.notify_platforms, ==, 1);
  sigap_post_filter_set_hidden_platforms (filter, 1u << SIGAP_PLATFORM_X);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.notify_platforms, ==, 1);

  sigap_post_filter_set_hidden_statuses (filter, 1u << SIGAP_POST_STATUS_REVIEW);
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (counts.notify_statuses, ==, 1);
  sigap_post_filter_set_hidden_statuses (filter, 1u << SIGAP_POST_STATUS_REVIEW);
  g_assert_cmpuint (counts.changed, ==, 2);

  sigap_post_filter_set_hidden_categories (filter, 1u << SIGAP_CONTENT_CATEGORY_PROGRAMME);
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_cmpuint (counts.notify_categories, ==, 1);
  sigap_post_filter_set_hidden_categories (filter, 1u << SIGAP_CONTENT_CATEGORY_PROGRAMME);
  g_assert_cmpuint (counts.changed, ==, 3);

  /* Through the properties, as a binding would. */
  g_object_set (filter, "hidden-platforms", (guint) (1u << SIGAP_PLATFORM_TIKTOK), NULL);
  g_assert_cmpuint (counts.changed, ==, 4);
  g_assert_cmpuint (counts.notify_platforms, ==, 2);
  g_object_set (filter, "hidden-platforms", (guint) (1u << SIGAP_PLATFORM_TIKTOK), NULL);
  g_assert_cmpuint (counts.changed, ==, 4);
  g_assert_cmpuint (counts.notify_platforms, ==, 2);

  {
    guint platforms = 0;
    guint statuses = 0;
    guint categories = 0;

    g_object_get (filter,
                  "hidden-platforms", &platforms,
                  "hidden-statuses", &statuses,
                  "hidden-categories", &categories,
                  NULL);
    g_assert_cmpuint (platforms, ==, 1u << SIGAP_PLATFORM_TIKTOK);
    g_assert_cmpuint (statuses, ==, 1u << SIGAP_POST_STATUS_REVIEW);
    g_assert_cmpuint (categories, ==, 1u << SIGAP_CONTENT_CATEGORY_PROGRAMME);
  }

  /* Reset: three masks cleared, one "changed", one notify each. */
  sigap_post_filter_reset (filter);
  g_assert_cmpuint (counts.changed, ==, 5);
  g_assert_cmpuint (counts.notify_platforms, ==, 3);
  g_assert_cmpuint (counts.notify_statuses, ==, 2);
  g_assert_cmpuint (counts.notify_categories, ==, 2);
  g_assert_false (sigap_post_filter_is_active (filter));

  /* Reset with nothing hidden changes nothing. */
  sigap_post_filter_reset (filter);
  g_assert_cmpuint (counts.changed, ==, 5);
  g_assert_cmpuint (counts.notify_platforms, ==, 3);

  /* Reset with one mask set notifies only that one. */
  sigap_post_filter_set_hidden_statuses (filter, 1u << SIGAP_POST_STATUS_DRAFT);
  g_assert_cmpuint (counts.changed, ==, 6);
  sigap_post_filter_reset (filter);
  g_assert_cmpuint (counts.changed, ==, 7);
  g_assert_cmpuint (counts.notify_platforms, ==, 3);
  g_assert_cmpuint (counts.notify_statuses, ==, 4);
  g_assert_cmpuint (counts.notify_categories, ==, 2);
}

static void
test_properties (void)
{
  g_autoptr(SigapPostFilter) filter = sigap_post_filter_new ();
  GObjectClass *klass = G_OBJECT_GET_CLASS (filter);
  static const struct
  {
    const char *name;
    guint max;
  } specs[] = {
    { "hidden-platforms", (1u << SIGAP_N_PLATFORMS) - 1 },
    { "hidden-statuses", (1u << N_STATUSES) - 1 },
    { "hidden-categories", (1u << N_CATEGORIES) - 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, specs[i].name);

      g_assert_nonnull (pspec);
      g_assert_true (G_IS_PARAM_SPEC_UINT (pspec));
      g_assert_cmpuint (G_PARAM_SPEC_UINT (pspec)->maximum, ==, specs[i].max);
      g_assert_cmpuint (G_PARAM_SPEC_UINT (pspec)->default_value, ==, 0);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_true (pspec->flags & G_PARAM_READWRITE);
    }
}

static void
test_bad_mask (void)
{
  Counts counts = { 0 };
  g_autoptr(SigapPostFilter) filter = make_counted_filter (&counts);

  /* A bit past the enum is a programming error and changes nothing. */
  g_test_expect_message ("sigap-post-filter", G_LOG_LEVEL_CRITICAL, "*ALL_PLATFORMS*");
  sigap_post_filter_set_hidden_platforms (filter, 1u << SIGAP_N_PLATFORMS);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (sigap_post_filter_get_hidden_platforms (filter), ==, 0);
  g_assert_cmpuint (counts.changed, ==, 0);
  g_assert_false (sigap_post_filter_is_active (filter));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/post-filter/defaults", test_defaults);
  g_test_add_func ("/post-filter/platforms", test_platforms);
  g_test_add_func ("/post-filter/statuses", test_statuses);
  g_test_add_func ("/post-filter/categories", test_categories);
  g_test_add_func ("/post-filter/combined", test_combined);
  g_test_add_func ("/post-filter/count-hidden", test_count_hidden);
  g_test_add_func ("/post-filter/changed", test_changed);
  g_test_add_func ("/post-filter/properties", test_properties);
  g_test_add_func ("/post-filter/bad-mask", test_bad_mask);

  return g_test_run ();
}
