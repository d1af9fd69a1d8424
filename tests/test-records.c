/* test-records.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sigap-test-utils.h"

static GType
record_type (guint i)
{
  switch (i)
    {
    case 0: return SIGAP_TYPE_OPD;
    case 1: return SIGAP_TYPE_ACCOUNT;
    case 2: return SIGAP_TYPE_USER;
    case 3: return SIGAP_TYPE_POST;
    case 4: return SIGAP_TYPE_POST_VARIANT;
    case 5: return SIGAP_TYPE_COMPLAINT;
    case 6: return SIGAP_TYPE_COMPLAINT_EVENT;
    case 7: return SIGAP_TYPE_REPORT;
    default: return G_TYPE_INVALID;
    }
}

static GObject *
copy_record (GObject *object)
{
  if (SIGAP_IS_OPD (object))
    return G_OBJECT (sigap_opd_copy (SIGAP_OPD (object)));
  if (SIGAP_IS_ACCOUNT (object))
    return G_OBJECT (sigap_account_copy (SIGAP_ACCOUNT (object)));
  if (SIGAP_IS_USER (object))
    return G_OBJECT (sigap_user_copy (SIGAP_USER (object)));
  if (SIGAP_IS_POST (object))
    return G_OBJECT (sigap_post_copy (SIGAP_POST (object)));
  if (SIGAP_IS_POST_VARIANT (object))
    return G_OBJECT (sigap_post_variant_copy (SIGAP_POST_VARIANT (object)));
  if (SIGAP_IS_COMPLAINT (object))
    return G_OBJECT (sigap_complaint_copy (SIGAP_COMPLAINT (object)));
  if (SIGAP_IS_COMPLAINT_EVENT (object))
    return G_OBJECT (sigap_complaint_event_copy (SIGAP_COMPLAINT_EVENT (object)));
  if (SIGAP_IS_REPORT (object))
    return G_OBJECT (sigap_report_copy (SIGAP_REPORT (object)));

  g_assert_not_reached ();
}

/* Every property survives a copy, and the copy is deep: changing the
 * original afterwards leaves the copy alone. */
static void
test_records_copy (void)
{
  for (guint i = 0; record_type (i) != G_TYPE_INVALID; i++)
    {
      g_autoptr(GObject) record = g_object_new (record_type (i), NULL);
      g_autoptr(GObject) copy = NULL;
      g_autoptr(GObject) before = NULL;

      sigap_test_fill_properties (record, 3);
      copy = copy_record (record);
      g_assert_true (copy != record);
      sigap_test_assert_same_properties (record, copy, NULL);

      before = copy_record (copy);
      sigap_test_fill_properties (record, 4);
      sigap_test_assert_same_properties (before, copy, NULL);
    }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Setters notify once on a change and never when the value is the same. */
static void
test_records_notify (void)
{
  for (guint i = 0; record_type (i) != G_TYPE_INVALID; i++)
    {
      g_autoptr(GObject) record = g_object_new (record_type (i), NULL);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;
      guint count = 0;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_pspecs);
      g_assert_cmpuint (n_pspecs, >, 0);

      g_signal_connect (record, "notify", G_CALLBACK (count_notify_cb), &count);

      sigap_test_fill_properties (record, 5);
      g_assert_cmpuint (count, ==, n_pspecs);

      sigap_test_fill_properties (record, 5);
      g_assert_cmpuint (count, ==, n_pspecs);

      for (guint p = 0; p < n_pspecs; p++)
        g_assert_true (pspecs[p]->flags & G_PARAM_EXPLICIT_NOTIFY);
    }
}

/* The nicks are what the database and the JSON codecs hold: they must not
 * change without a migration. */
static void
test_records_enum_nicks (void)
{
  static const struct {
    GType (*get_type) (void);
    int value;
    const char *nick;
  } cases[] = {
    { sigap_platform_get_type, SIGAP_PLATFORM_FACEBOOK, "facebook" },
    { sigap_platform_get_type, SIGAP_PLATFORM_X, "x" },
    { sigap_platform_get_type, SIGAP_PLATFORM_TIKTOK, "tiktok" },
    { sigap_role_get_type, SIGAP_ROLE_ADMIN_OPD, "admin-opd" },
    { sigap_role_get_type, SIGAP_ROLE_PIMPINAN, "pimpinan" },
    { sigap_opd_kind_get_type, SIGAP_OPD_KIND_KECAMATAN, "kecamatan" },
    { sigap_post_status_get_type, SIGAP_POST_STATUS_PUBLISHED, "published" },
    { sigap_content_category_get_type, SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE,
      "public-service" },
    { sigap_channel_get_type, SIGAP_CHANNEL_WEB_FORM, "web-form" },
    { sigap_channel_get_type, SIGAP_CHANNEL_WALK_IN, "walk-in" },
    { sigap_complaint_kind_get_type, SIGAP_COMPLAINT_KIND_ASPIRATION, "aspiration" },
    { sigap_complaint_status_get_type, SIGAP_COMPLAINT_STATUS_IN_PROGRESS, "in-progress" },
    { sigap_complaint_status_get_type, SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY,
      "not-our-authority" },
    { sigap_report_status_get_type, SIGAP_REPORT_STATUS_RETURNED, "returned" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GEnumClass *klass = g_type_class_ref (cases[i].get_type ());
      GEnumValue *by_value = g_enum_get_value (klass, cases[i].value);
      GEnumValue *by_nick = g_enum_get_value_by_nick (klass, cases[i].nick);

      g_assert_nonnull (by_value);
      g_assert_cmpstr (by_value->value_nick, ==, cases[i].nick);
      g_assert_nonnull (by_nick);
      g_assert_cmpint (by_nick->value, ==, cases[i].value);

      /* Every value of the type has a nick that maps back to it. */
      for (guint v = 0; v < klass->n_values; v++)
        g_assert_true (g_enum_get_value_by_nick (klass, klass->values[v].value_nick) ==
                       &klass->values[v]);

      g_type_class_unref (klass);
    }

  g_assert_cmpint (SIGAP_N_PLATFORMS, ==, 5);
}

static SigapPostVariant *
make_variant (SigapPlatform  platform,
              const char    *body)
{
  SigapPostVariant *variant = sigap_post_variant_new ();

  sigap_post_variant_set_platform (variant, platform);
  sigap_post_variant_set_body (variant, body);

  return variant;
}

static void
test_records_post_variants (void)
{
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(SigapPost) copy = NULL;
  g_autoptr(SigapPostVariant) fb = make_variant (SIGAP_PLATFORM_FACEBOOK, "fb");
  g_autoptr(SigapPostVariant) ig = make_variant (SIGAP_PLATFORM_INSTAGRAM, "ig");
  g_autoptr(SigapPostVariant) fb2 = make_variant (SIGAP_PLATFORM_FACEBOOK, "fb 2");
  SigapPostVariant *copied;

  sigap_post_set_variant (post, fb);
  sigap_post_set_variant (post, ig);
  g_assert_cmpuint (sigap_post_get_variants (post)->len, ==, 2);
  g_assert_true (sigap_post_get_variant (post, SIGAP_PLATFORM_FACEBOOK) == fb);
  g_assert_null (sigap_post_get_variant (post, SIGAP_PLATFORM_TIKTOK));

  /* Same platform replaces. */
  sigap_post_set_variant (post, fb2);
  g_assert_cmpuint (sigap_post_get_variants (post)->len, ==, 2);
  g_assert_true (sigap_post_get_variant (post, SIGAP_PLATFORM_FACEBOOK) == fb2);
  g_assert_cmpstr (sigap_post_variant_get_body (fb2), ==, "fb 2");

  /* Setting the variant the post already holds keeps it alive: the only
   * other reference is dropped first to prove it. */
  {
    SigapPostVariant *only = make_variant (SIGAP_PLATFORM_X, "x");

    sigap_post_set_variant (post, only);
    g_object_unref (only);
    sigap_post_set_variant (post, sigap_post_get_variant (post, SIGAP_PLATFORM_X));
    g_assert_cmpstr (sigap_post_variant_get_body (sigap_post_get_variant (post, SIGAP_PLATFORM_X)),
                     ==, "x");
  }

  copy = sigap_post_copy (post);
  g_assert_cmpuint (sigap_post_get_variants (copy)->len, ==, 3);
  copied = sigap_post_get_variant (copy, SIGAP_PLATFORM_INSTAGRAM);
  g_assert_true (copied != ig);
  sigap_test_assert_same_properties (copied, ig, NULL);

  sigap_post_remove_variant (post, SIGAP_PLATFORM_INSTAGRAM);
  g_assert_null (sigap_post_get_variant (post, SIGAP_PLATFORM_INSTAGRAM));
  g_assert_cmpuint (sigap_post_get_variants (post)->len, ==, 2);
  g_assert_nonnull (sigap_post_get_variant (copy, SIGAP_PLATFORM_INSTAGRAM));

  /* Removing a platform that is not there is no error. */
  sigap_post_remove_variant (post, SIGAP_PLATFORM_YOUTUBE);
  g_assert_cmpuint (sigap_post_get_variants (post)->len, ==, 2);
}

static void
test_records_defaults (void)
{
  g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(SigapReport) report = sigap_report_new ();

  g_assert_null (sigap_complaint_get_id (complaint));
  g_assert_cmpint (sigap_complaint_get_status (complaint), ==, SIGAP_COMPLAINT_STATUS_RECEIVED);
  g_assert_cmpint (sigap_complaint_get_kind (complaint), ==, SIGAP_COMPLAINT_KIND_COMPLAINT);
  g_assert_false (sigap_complaint_get_public_issue (complaint));
  g_assert_cmpint (sigap_complaint_get_version (complaint), ==, 0);
  g_assert_cmpint (sigap_post_get_status (post), ==, SIGAP_POST_STATUS_DRAFT);
  g_assert_cmpuint (sigap_post_get_variants (post)->len, ==, 0);
  g_assert_cmpint (sigap_report_get_status (report), ==, SIGAP_REPORT_STATUS_DRAFT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/copy", test_records_copy);
  g_test_add_func ("/records/notify", test_records_notify);
  g_test_add_func ("/records/enum-nicks", test_records_enum_nicks);
  g_test_add_func ("/records/post-variants", test_records_post_variants);
  g_test_add_func ("/records/defaults", test_records_defaults);

  return g_test_run ();
}
