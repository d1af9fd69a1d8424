/* test-post-templates.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sigap-core.h"

/* The regency's post templates and hashtag sets: the shipped
 * data/post-templates.json, the schema that the server and the desktop
 * share (sigap_central_schema_validate()), and what the composer reads
 * from them (SigapPostTemplates). */

#define DOC(sets, templates) \
  "{\"format\":1,\"hashtag_sets\":[" sets "],\"templates\":[" templates "]}"
#define SET(id, name, hashtags, opd) \
  "{\"id\":" id ",\"name\":" name ",\"hashtags\":" hashtags ",\"opd\":" opd "}"
#define TPL(id, name, kind, category, body, date) \
  "{\"id\":" id ",\"name\":" name ",\"kind\":" kind ",\"category\":" category \
  ",\"body\":" body ",\"date\":" date "}"

/* A good set and a good template, for the documents below to break one
 * thing of. */
#define SET_OK SET ("\"umum\"", "\"Umum\"", "[\"#Sukamaju\"]", "null")
#define TPL_OK TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", \
                    "\"Salam dari {opd}\"", "\"08-17\"")

static char *
data_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "post-templates.json", NULL);
}

static JsonNode *
parse (const char *text)
{
  JsonNode *root = sigap_central_schema_parse (text, strlen (text));

  g_assert_nonnull (root);

  return root;
}

static SigapPostTemplates *
templates_from (const char *text)
{
  g_autoptr(JsonNode) root = parse (text);
  g_autoptr(GError) error = NULL;
  SigapPostTemplates *templates;

  templates = sigap_post_templates_new_from_json (root, &error);
  g_assert_no_error (error);
  g_assert_nonnull (templates);

  return templates;
}

static SigapPostTemplates *
shipped (void)
{
  g_autofree char *path = data_path ();
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return templates_from (text);
}

static GDateTime *
local_date (int year,
            int month,
            int day)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");

  g_assert_nonnull (wib);

  return g_date_time_new (wib, year, month, day, 9, 0, 0);
}

/* The identifiers of @items, SigapPostTemplate or SigapHashtagSet (both
 * start with the id), joined by spaces. */
static char *
ids_of (GPtrArray *items,
        guint      max)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len && i < max; i++)
    {
      const char * const *id = g_ptr_array_index (items, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", *id);
    }

  return g_string_free (text, FALSE);
}

/* The shipped file: every national day's greeting on its day, the
 * service announcements, sets of the regency and of OPDs; each body
 * fills with nothing left over. */
static void
test_shipped (void)
{
  static const struct
  {
    const char *id;
    int month;
    int day;
  } days[] = {
    { "hari-kartini", 4, 21 }, { "hari-pendidikan-nasional", 5, 2 },
    { "hari-kebangkitan-nasional", 5, 20 }, { "hari-lahir-pancasila", 6, 1 },
    { "hari-kemerdekaan", 8, 17 }, { "hari-kesaktian-pancasila", 10, 1 },
    { "sumpah-pemuda", 10, 28 }, { "hari-pahlawan", 11, 10 },
    { "hari-kesehatan-nasional", 11, 12 }, { "hari-guru-nasional", 11, 25 },
    { "hari-antikorupsi-sedunia", 12, 9 }, { "hari-bela-negara", 12, 19 },
    { "hari-ibu", 12, 22 },
  };
  static const char * const announcements[] = {
    "layanan-tutup-libur", "jam-layanan-ramadan", "gangguan-layanan-daring",
    "pelayanan-keliling", "waspada-penipuan", "kanal-pengaduan",
  };
  g_autoptr(SigapPostTemplates) templates = shipped ();
  g_autoptr(GDateTime) date = local_date (2026, 8, 17);
  GPtrArray *all = sigap_post_templates_get_templates (templates);
  GPtrArray *sets = sigap_post_templates_get_hashtag_sets (templates);
  guint regency = 0;

  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (days) + G_N_ELEMENTS (announcements));

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      const SigapPostTemplate *template_ = sigap_post_templates_lookup (templates, days[i].id);
      g_autofree char *date_text = g_strdup_printf ("%02d-%02d", days[i].month, days[i].day);

      g_assert_nonnull (template_);
      g_assert_cmpint (template_->kind, ==, SIGAP_POST_TEMPLATE_KIND_GREETING);
      g_assert_cmpint (template_->month, ==, days[i].month);
      g_assert_cmpint (template_->day, ==, days[i].day);
      g_assert_cmpstr (template_->date, ==, date_text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (announcements); i++)
    {
      const SigapPostTemplate *template_ = sigap_post_templates_lookup (templates,
                                                                        announcements[i]);

      g_assert_nonnull (template_);
      g_assert_cmpint (template_->kind, ==, SIGAP_POST_TEMPLATE_KIND_ANNOUNCEMENT);
      g_assert_null (template_->date);
      g_assert_cmpint (template_->month, ==, 0);
    }

  g_assert_cmpint (sigap_post_templates_lookup (templates, "waspada-penipuan")->category, ==,
                   SIGAP_CONTENT_CATEGORY_CLARIFICATION);
  g_assert_cmpint (sigap_post_templates_lookup (templates, "kanal-pengaduan")->category, ==,
                   SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE);
  g_assert_null (sigap_post_templates_lookup (templates, "hari-raya"));

  for (guint i = 0; i < all->len; i++)
    {
      const SigapPostTemplate *template_ = g_ptr_array_index (all, i);
      g_autofree char *text = sigap_post_template_fill (template_->body, "Dinas Kesehatan",
                                                        date);

      g_test_message ("%s", template_->id);
      g_assert_null (strchr (text, '{'));
      g_assert_null (strchr (text, '}'));
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }

  g_assert_cmpuint (sets->len, >=, 10);
  for (guint i = 0; i < sets->len; i++)
    {
      const SigapHashtagSet *set = g_ptr_array_index (sets, i);

      g_assert_cmpuint (g_strv_length (set->hashtags), >=, 1);
      for (guint j = 0; set->hashtags[j] != NULL; j++)
        g_assert_true (g_str_has_prefix (set->hashtags[j], "#"));
      regency += set->opd_code == NULL;
    }
  g_assert_cmpuint (regency, >=, 4);
  g_assert_cmpuint (regency, <, sets->len);
}

/* Every member reaches the structures. */
static void
test_parse (void)
{
  g_autoptr(SigapPostTemplates) templates = templates_from (DOC (
    SET ("\"umum\"", "\"Kampanye\"", "[\"#SukamajuMaju\",\"#Pelayanan_Publik\",\"#Ñandú2026\"]",
         "null") ","
    SET ("\"dinkes\"", "\"Dinas Kesehatan\"", "[\"#DinkesSukamaju\"]", "\"dinkes\""),
    TPL ("\"merdeka\"", "\"Hari Kemerdekaan\"", "\"greeting\"", "\"announcement\"",
         "\"Dirgahayu RI, {tanggal}!\\n{opd}\"", "\"08-17\"") ","
    TPL ("\"kanal\"", "\"Kanal pengaduan\"", "\"announcement\"", "\"public-service\"",
         "\"Lapor ke {opd} ({{24 jam}})\"", "null") ","
    TPL ("\"kabisat\"", "\"Kabisat\"", "\"greeting\"", "\"programme\"", "\"{tahun}\"",
         "\"02-29\"")));
  GPtrArray *sets = sigap_post_templates_get_hashtag_sets (templates);
  GPtrArray *all = sigap_post_templates_get_templates (templates);
  const SigapHashtagSet *set;
  const SigapPostTemplate *template_;

  g_assert_cmpuint (sets->len, ==, 2);
  set = g_ptr_array_index (sets, 0);
  g_assert_cmpstr (set->id, ==, "umum");
  g_assert_cmpstr (set->name, ==, "Kampanye");
  g_assert_null (set->opd_code);
  g_assert_cmpuint (g_strv_length (set->hashtags), ==, 3);
  g_assert_cmpstr (set->hashtags[0], ==, "#SukamajuMaju");
  g_assert_cmpstr (set->hashtags[1], ==, "#Pelayanan_Publik");
  g_assert_cmpstr (set->hashtags[2], ==, "#Ñandú2026");
  set = g_ptr_array_index (sets, 1);
  g_assert_cmpstr (set->opd_code, ==, "dinkes");

  g_assert_cmpuint (all->len, ==, 3);
  template_ = g_ptr_array_index (all, 0);
  g_assert_cmpstr (template_->id, ==, "merdeka");
  g_assert_cmpstr (template_->name, ==, "Hari Kemerdekaan");
  g_assert_cmpint (template_->kind, ==, SIGAP_POST_TEMPLATE_KIND_GREETING);
  g_assert_cmpint (template_->category, ==, SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT);
  g_assert_cmpstr (template_->body, ==, "Dirgahayu RI, {tanggal}!\n{opd}");
  g_assert_cmpstr (template_->date, ==, "08-17");
  g_assert_cmpint (template_->month, ==, 8);
  g_assert_cmpint (template_->day, ==, 17);

  template_ = g_ptr_array_index (all, 1);
  g_assert_cmpint (template_->kind, ==, SIGAP_POST_TEMPLATE_KIND_ANNOUNCEMENT);
  g_assert_cmpint (template_->category, ==, SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE);
  g_assert_null (template_->date);
  g_assert_cmpint (template_->month, ==, 0);
  g_assert_cmpint (template_->day, ==, 0);

  template_ = g_ptr_array_index (all, 2);
  g_assert_cmpint (template_->category, ==, SIGAP_CONTENT_CATEGORY_PROGRAMME);
  g_assert_cmpint (template_->month, ==, 2);
  g_assert_cmpint (template_->day, ==, 29);

  g_assert_true (sigap_post_templates_lookup (templates, "kanal") == all->pdata[1]);
  g_assert_cmpstr (sigap_post_template_kind_to_string (SIGAP_POST_TEMPLATE_KIND_GREETING), ==,
                   "greeting");
  g_assert_cmpstr (sigap_post_template_kind_to_string (SIGAP_POST_TEMPLATE_KIND_ANNOUNCEMENT),
                   ==, "announcement");

  /* Copies are deep and free cleanly. */
  {
    g_autoptr(SigapPostTemplate) copy = sigap_post_template_copy (all->pdata[0]);
    g_autoptr(SigapHashtagSet) set_copy = sigap_hashtag_set_copy (sets->pdata[0]);

    g_assert_true (copy->body != ((SigapPostTemplate *) all->pdata[0])->body);
    g_assert_cmpstr (copy->body, ==, "Dirgahayu RI, {tanggal}!\n{opd}");
    g_assert_cmpint (copy->month, ==, 8);
    g_assert_cmpstr (set_copy->hashtags[2], ==, "#Ñandú2026");
    g_assert_true (set_copy->hashtags != ((SigapHashtagSet *) sets->pdata[0])->hashtags);
  }

  /* Every category the posts have has its name in the document. */
  {
    g_autoptr(GEnumClass) categories = g_type_class_ref (SIGAP_TYPE_CONTENT_CATEGORY);

    for (guint i = 0; i < categories->n_values; i++)
      {
        g_autofree char *text = g_strdup_printf (
          DOC ("", TPL ("\"t\"", "\"T\"", "\"announcement\"", "\"%s\"", "\"x\"", "null")),
          categories->values[i].value_nick);
        g_autoptr(SigapPostTemplates) one = templates_from (text);

        g_assert_cmpint (((SigapPostTemplate *)
                          sigap_post_templates_get_templates (one)->pdata[0])->category, ==,
                         categories->values[i].value);
      }
  }
}

/* An OPD gets the regency's sets, then its own, and never another
 * OPD's. */
static void
test_for_opd (void)
{
  g_autoptr(SigapPostTemplates) templates = templates_from (DOC (
    SET ("\"a\"", "\"A\"", "[\"#A\"]", "null") ","
    SET ("\"b\"", "\"B\"", "[\"#B\"]", "\"dinkes\"") ","
    SET ("\"c\"", "\"C\"", "[\"#C\"]", "null") ","
    SET ("\"d\"", "\"D\"", "[\"#D\"]", "\"disdik\"") ","
    SET ("\"e\"", "\"E\"", "[\"#E\"]", "\"dinkes\""), ""));
  const struct
  {
    const char *opd;
    const char *expected;
  } cases[] = {
    { "dinkes", "a c b e" },
    { "disdik", "a c d" },
    { "bpbd", "a c" },
    { "dinke", "a c" },
    { "dinkes-2", "a c" },
    { NULL, "a c" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) sets = sigap_post_templates_for_opd (templates, cases[i].opd);
      g_autofree char *ids = ids_of (sets, G_MAXUINT);

      g_assert_cmpstr (ids, ==, cases[i].expected);
    }

  /* The shipped file: Dinkes gets the regency's sets and its own. */
  {
    g_autoptr(SigapPostTemplates) file = shipped ();
    g_autoptr(GPtrArray) sets = sigap_post_templates_for_opd (file, "dinkes");
    gboolean own = FALSE;

    for (guint i = 0; i < sets->len; i++)
      {
        const SigapHashtagSet *set = g_ptr_array_index (sets, i);

        g_assert_true (set->opd_code == NULL || g_str_equal (set->opd_code, "dinkes"));
        own |= set->opd_code != NULL;
      }
    g_assert_true (own);
  }
}

static void
test_fill (void)
{
  g_autoptr(GDateTime) date = local_date (2026, 8, 17);
  g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
  const struct
  {
    const char *body;
    const char *opd;
    gboolean dated;
    const char *expected;
  } cases[] = {
    { "{opd} {tanggal} {tahun}", "Dinas Kesehatan", TRUE,
      "Dinas Kesehatan 17 Agustus 2026 2026" },
    { "Salam,\n{opd}", "  Dinas\tKesehatan\n Kabupaten  Sukamaju ", TRUE,
      "Salam,\nDinas Kesehatan Kabupaten Sukamaju" },
    { "{opd}, {tanggal}", NULL, TRUE, "{opd}, 17 Agustus 2026" },
    { "{opd}, {tanggal}", "  \n ", TRUE, "{opd}, 17 Agustus 2026" },
    { "{opd}, {tanggal} {tahun}", "Disdik", FALSE, "Disdik, {tanggal} {tahun}" },
    { "{{opd}} {{ {opd} }}", "Disdik", TRUE, "{opd} { Disdik }" },
    { "Yth. {nama}, {OPD} {opd", "Disdik", TRUE, "Yth. {nama}, {OPD} {opd" },
    { "Tanpa tempat isian.", "Disdik", TRUE, "Tanpa tempat isian." },
    { "", "Disdik", TRUE, "" },
    { "{tahun}{tahun}", "Disdik", TRUE, "20262026" },
    { "Caf\xff {opd}", "Dinas", TRUE, "Caf\xef\xbf\xbd Dinas" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sigap_post_template_fill (cases[i].body, cases[i].opd,
                                                        cases[i].dated ? date : NULL);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* The date is read in its own zone: 20.00 UTC is the next day in
   * Jakarta. */
  {
    g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 12, 31, 20, 0, 0);
    g_autoptr(GDateTime) jakarta = g_date_time_to_timezone (utc, wib);
    g_autofree char *in_utc = sigap_post_template_fill ("{tanggal} {tahun}", NULL, utc);
    g_autofree char *in_jakarta = sigap_post_template_fill ("{tanggal} {tahun}", NULL, jakarta);

    g_assert_cmpstr (in_utc, ==, "31 Desember 2026 2026");
    g_assert_cmpstr (in_jakarta, ==, "1 Januari 2027 2027");
  }
}

static void
test_check_body (void)
{
  const struct
  {
    const char *body;
    const char *problem;
  } cases[] = {
    { "Salam {opd}, {tanggal} {tahun}", NULL },
    { "Tanpa tempat isian", NULL },
    { "{{kurung kurawal}}", NULL },
    { "[hari, tanggal]", NULL },
    { "{nama}", "{nama}" },
    { "Salam {opd} dan {nomor}", "{nomor}" },
    { "{Opd}", "{Opd}" },
    { "{TAHUN}", "{TAHUN}" },
    { "{opd", "{" },
    { "opd}", "}" },
    { "{ opd }", "{" },
    { "{}", "{" },
    { "{{opd}", "}" },
    { "{opd}}", "}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *problem = NULL;
      gboolean ok = sigap_post_template_check_body (cases[i].body, &problem);

      g_test_message ("%s", cases[i].body);
      g_assert_cmpint (ok, ==, cases[i].problem == NULL);
      g_assert_cmpstr (problem, ==, cases[i].problem);
    }

  g_assert_true (sigap_post_template_check_body ("{opd}", NULL));
  g_assert_false (sigap_post_template_check_body ("{x}", NULL));
}

static void
test_days_until (void)
{
  const struct
  {
    const char *today;
    int month;
    int day;
    int expected;
  } cases[] = {
    { "2026-08-17", 8, 17, 0 },
    { "2026-08-17", 8, 18, 1 },
    { "2026-08-17", 8, 16, 364 },
    { "2026-12-31", 1, 1, 1 },
    { "2026-01-01", 12, 31, 364 },
    { "2027-03-01", 2, 28, 364 },
    { "2028-01-01", 12, 31, 365 },
    { "2026-03-01", 2, 29, 730 },
    { "2028-02-29", 2, 29, 0 },
    { "2028-03-01", 2, 29, 1460 },
    { "2026-08-17", 0, 0, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = g_strconcat (cases[i].today, "T09:00:00+07:00", NULL);
      g_autoptr(GDateTime) today = g_date_time_new_from_iso8601 (iso, NULL);
      SigapPostTemplate template_ = { .month = cases[i].month, .day = cases[i].day };

      g_test_message ("%s → %02d-%02d", cases[i].today, cases[i].month, cases[i].day);
      g_assert_cmpint (sigap_post_template_days_until (&template_, today), ==,
                       cases[i].expected);
    }
}

/* The templates of the coming days first, nearest first; those without a
 * date last; ties in the document's order. */
static void
test_sort (void)
{
  g_autoptr(SigapPostTemplates) small = templates_from (DOC ("",
    TPL ("\"tanpa-1\"", "\"A\"", "\"announcement\"", "\"announcement\"", "\"x\"", "null") ","
    TPL ("\"ibu\"", "\"B\"", "\"greeting\"", "\"announcement\"", "\"x\"", "\"12-22\"") ","
    TPL ("\"kartini\"", "\"C\"", "\"greeting\"", "\"announcement\"", "\"x\"", "\"04-21\"") ","
    TPL ("\"tanpa-2\"", "\"D\"", "\"announcement\"", "\"announcement\"", "\"x\"", "null") ","
    TPL ("\"merdeka\"", "\"E\"", "\"greeting\"", "\"announcement\"", "\"x\"", "\"08-17\"") ","
    TPL ("\"merdeka-2\"", "\"F\"", "\"announcement\"", "\"announcement\"", "\"x\"",
         "\"08-17\"") ","
    TPL ("\"pahlawan\"", "\"G\"", "\"greeting\"", "\"announcement\"", "\"x\"", "\"11-10\"")));
  const struct
  {
    int year;
    int month;
    int day;
    const char *expected;
  } cases[] = {
    { 2026, 8, 17, "merdeka merdeka-2 pahlawan ibu kartini tanpa-1 tanpa-2" },
    { 2026, 8, 18, "pahlawan ibu kartini merdeka merdeka-2 tanpa-1 tanpa-2" },
    { 2026, 12, 23, "kartini merdeka merdeka-2 pahlawan ibu tanpa-1 tanpa-2" },
    { 2027, 1, 1, "kartini merdeka merdeka-2 pahlawan ibu tanpa-1 tanpa-2" },
    { 2026, 4, 21, "kartini merdeka merdeka-2 pahlawan ibu tanpa-1 tanpa-2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) today = local_date (cases[i].year, cases[i].month, cases[i].day);
      g_autoptr(GPtrArray) sorted = sigap_post_templates_sort_for_date (small, today);
      g_autofree char *ids = ids_of (sorted, G_MAXUINT);

      g_assert_cmpstr (ids, ==, cases[i].expected);
      /* The document's own order is untouched. */
      g_assert_cmpstr (((SigapPostTemplate *)
                        sigap_post_templates_get_templates (small)->pdata[0])->id, ==,
                       "tanpa-1");
    }

  /* The shipped file, the day before Hari Kesehatan Nasional. */
  {
    g_autoptr(SigapPostTemplates) file = shipped ();
    g_autoptr(GDateTime) today = local_date (2026, 11, 11);
    g_autoptr(GPtrArray) sorted = sigap_post_templates_sort_for_date (file, today);
    g_autofree char *first = ids_of (sorted, 6);
    const SigapPostTemplate *last = g_ptr_array_index (sorted, sorted->len - 1);

    g_assert_cmpstr (first, ==, "hari-kesehatan-nasional hari-guru-nasional "
                     "hari-antikorupsi-sedunia hari-bela-negara hari-ibu hari-kartini");
    g_assert_cmpuint (sorted->len, ==, sigap_post_templates_get_templates (file)->len);
    g_assert_null (last->date);
  }
}

/* Documents the schema refuses, each with where and why. The server
 * answers these 400 and the desktop does not use them. */
static void
test_hostile (void)
{
  g_autoptr(GString) many_sets = g_string_new ("{\"format\":1,\"hashtag_sets\":[");
  g_autoptr(GString) many_templates = g_string_new ("{\"format\":1,\"hashtag_sets\":[],"
                                                    "\"templates\":[");
  g_autoptr(GString) many_hashtags = g_string_new ("[");
  g_autofree char *long_tag = g_strnfill (100, 'a');
  g_autofree char *long_name = g_strnfill (101, 'N');
  g_autofree char *long_body = g_strnfill (5001, 'b');
  g_autofree char *longest_body = g_strnfill (5000, 'b');
  g_autofree char *many_hashtags_doc = NULL;
  g_autofree char *long_tag_doc = NULL;
  g_autofree char *long_name_doc = NULL;
  g_autofree char *long_body_doc = NULL;
  g_autofree char *longest_body_doc = NULL;
  struct
  {
    const char *document;
    const char *field;
    const char *message;
  } cases[] = {
    { "[]", NULL, "The document must be a JSON object." },
    { "{\"format\":2,\"hashtag_sets\":[],\"templates\":[]}", "format",
      "'format' must be an integer from 1 to 1." },
    { "{\"format\":1,\"hashtag_sets\":[]}", "templates", "'templates' is required." },
    { "{\"format\":1,\"hashtag_sets\":[],\"templates\":[],\"footer\":1}", "footer",
      "'footer' is not a member this document may have." },
    { "{\"format\":1,\"hashtag_sets\":{},\"templates\":[]}", "hashtag_sets",
      "'hashtag_sets' must be an array of 0 to 200 elements." },
    { NULL, "hashtag_sets", "'hashtag_sets' must be an array of 0 to 200 elements." },
    { NULL, "templates", "'templates' must be an array of 0 to 500 elements." },
    { DOC ("1", ""), "hashtag_sets[0]", "'hashtag_sets[0]' must be an object." },
    { DOC ("{\"id\":\"a\",\"name\":\"A\",\"hashtags\":[\"#A\"]}", ""), "hashtag_sets[0].opd",
      "'hashtag_sets[0].opd' is required." },
    { DOC (SET ("\"Umum\"", "\"A\"", "[\"#A\"]", "null"), ""), "hashtag_sets[0].id",
      "'hashtag_sets[0].id' must hold only lowercase letters, digits, '-' or '_'." },
    { DOC (SET_OK "," SET_OK, ""), "hashtag_sets[1].id",
      "'hashtag_sets[1].id' is used by another element already." },
    { DOC (SET ("\"a\"", "\"\"", "[\"#A\"]", "null"), ""), "hashtag_sets[0].name",
      "'hashtag_sets[0].name' must hold 1 to 100 characters." },
    { DOC (SET ("\"a\"", "\"A\\u0007\"", "[\"#A\"]", "null"), ""), "hashtag_sets[0].name",
      "'hashtag_sets[0].name' must not hold control characters." },
    { DOC (SET ("\"a\"", "\"A\"", "[]", "null"), ""), "hashtag_sets[0].hashtags",
      "'hashtag_sets[0].hashtags' must be an array of 1 to 30 elements." },
    { NULL, "hashtag_sets[0].hashtags",
      "'hashtag_sets[0].hashtags' must be an array of 1 to 30 elements." },
    { DOC (SET ("\"a\"", "\"A\"", "[\"Sukamaju\"]", "null"), ""),
      "hashtag_sets[0].hashtags[0]", "'hashtag_sets[0].hashtags[0]' must be a hashtag of "
      "at most 100 characters: '#' then letters, digits or '_'." },
    { DOC (SET ("\"a\"", "\"A\"", "[\"#A\",\"#\"]", "null"), ""),
      "hashtag_sets[0].hashtags[1]", "must be a hashtag" },
    { DOC (SET ("\"a\"", "\"A\"", "[\"#Sukamaju Maju\"]", "null"), ""),
      "hashtag_sets[0].hashtags[0]", "must be a hashtag" },
    { DOC (SET ("\"a\"", "\"A\"", "[\"#Suka-maju\"]", "null"), ""),
      "hashtag_sets[0].hashtags[0]", "must be a hashtag" },
    { DOC (SET ("\"a\"", "\"A\"", "[\"##Sukamaju\"]", "null"), ""),
      "hashtag_sets[0].hashtags[0]", "must be a hashtag" },
    { DOC (SET ("\"a\"", "\"A\"", "[\"#Sukamaju!\"]", "null"), ""),
      "hashtag_sets[0].hashtags[0]", "must be a hashtag" },
    { DOC (SET ("\"a\"", "\"A\"", "[\"#Suka\\u200bmaju\"]", "null"), ""),
      "hashtag_sets[0].hashtags[0]", "must be a hashtag" },
    { DOC (SET ("\"a\"", "\"A\"", "[42]", "null"), ""),
      "hashtag_sets[0].hashtags[0]", "must be a hashtag" },
    { NULL, "hashtag_sets[0].hashtags[0]", "must be a hashtag" },
    { DOC (SET ("\"a\"", "\"A\"", "[\"#Sehat\",\"#sehat\"]", "null"), ""),
      "hashtag_sets[0].hashtags[1]", "'hashtag_sets[0].hashtags[1]' is listed already." },
    { DOC (SET ("\"a\"", "\"A\"", "[\"#A\"]", "\"Dinkes\""), ""), "hashtag_sets[0].opd",
      "'hashtag_sets[0].opd' must be null for the whole regency, or an OPD's code: 1 to 32 "
      "lowercase letters, digits or '-'." },
    { DOC (SET ("\"a\"", "\"A\"", "[\"#A\"]", "\"\""), ""), "hashtag_sets[0].opd",
      "must be null for the whole regency" },
    { DOC (SET ("\"a\"", "\"A\"", "[\"#A\"]", "\"-dinkes\""), ""), "hashtag_sets[0].opd",
      "must be null for the whole regency" },
    { DOC (SET ("\"a\"", "\"A\"", "[\"#A\"]", "7"), ""), "hashtag_sets[0].opd",
      "must be null for the whole regency" },
    { DOC ("", "{\"id\":\"t\",\"name\":\"T\",\"kind\":\"greeting\","
           "\"category\":\"announcement\",\"date\":null}"), "templates[0].body",
      "'templates[0].body' is required." },
    { DOC ("", "{\"id\":\"t\",\"name\":\"T\",\"kind\":\"greeting\","
           "\"category\":\"announcement\",\"body\":\"x\",\"date\":null,"
           "\"hashtags\":[\"#A\"]}"), "templates[0].hashtags",
      "'templates[0].hashtags' is not a member this document may have." },
    { DOC ("", TPL_OK "," TPL_OK), "templates[1].id",
      "'templates[1].id' is used by another element already." },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"ucapan\"", "\"announcement\"", "\"x\"", "null")),
      "templates[0].kind", "'templates[0].kind' must be one of 'greeting', 'announcement'." },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"greeting\"", "\"x\"", "null")),
      "templates[0].category", "'templates[0].category' must be one of 'public-service', "
      "'programme', 'achievement', 'education', 'clarification', 'announcement'." },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "0", "\"x\"", "null")),
      "templates[0].category", "must be one of 'public-service'" },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"\"", "null")),
      "templates[0].body", "'templates[0].body' must not be empty." },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"  \\n \"",
                    "null")), "templates[0].body", "'templates[0].body' must not be empty." },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"a\\tb\"",
                    "null")), "templates[0].body",
      "'templates[0].body' must not hold control characters." },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "[\"x\"]",
                    "null")), "templates[0].body", "'templates[0].body' must be a string." },
    { NULL, "templates[0].body", "'templates[0].body' must hold at most 5000 characters." },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"",
                    "\"Yth. {nama}, salam dari {opd}\"", "null")), "templates[0].body",
      "'templates[0].body' has the unknown placeholder {nama}: the placeholders are {opd}, "
      "{tanggal} and {tahun}." },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"{Opd}\"",
                    "null")), "templates[0].body", "has the unknown placeholder {Opd}" },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"",
                    "\"Salam dari {opd\"", "null")), "templates[0].body",
      "'templates[0].body' has a '{' that is not part of a placeholder: write a brace as "
      "'{{'." },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"opd}\"",
                    "null")), "templates[0].body",
      "has a '}' that is not part of a placeholder: write a brace as '}}'." },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"x\"",
                    "\"8-17\"")), "templates[0].date",
      "'templates[0].date' must be a day of the year written MM-DD, or null." },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"x\"",
                    "\"02-30\"")), "templates[0].date", "written MM-DD" },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"x\"",
                    "\"13-01\"")), "templates[0].date", "written MM-DD" },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"x\"",
                    "\"00-10\"")), "templates[0].date", "written MM-DD" },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"x\"",
                    "\"2026-08-17\"")), "templates[0].date", "written MM-DD" },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"x\"",
                    "\"08/17\"")), "templates[0].date", "written MM-DD" },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"x\"",
                    "\"+8-17\"")), "templates[0].date", "written MM-DD" },
    { DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"x\"", "817")),
      "templates[0].date", "written MM-DD" },
    { NULL, "templates[0].name", "'templates[0].name' must hold 1 to 100 characters." },
  };
  guint generated = 0;

  for (guint i = 0; i < 201; i++)
    g_string_append_printf (many_sets, "%s{\"id\":\"s%u\",\"name\":\"S\",\"hashtags\":[\"#A\"],"
                            "\"opd\":null}", i > 0 ? "," : "", i);
  g_string_append (many_sets, "],\"templates\":[]}");
  for (guint i = 0; i < 501; i++)
    g_string_append_printf (many_templates, "%s{\"id\":\"t%u\",\"name\":\"T\",\"kind\":"
                            "\"greeting\",\"category\":\"announcement\",\"body\":\"x\","
                            "\"date\":null}", i > 0 ? "," : "", i);
  g_string_append (many_templates, "]}");
  for (guint i = 0; i < 31; i++)
    g_string_append_printf (many_hashtags, "%s\"#T%u\"", i > 0 ? "," : "", i);
  g_string_append (many_hashtags, "]");
  many_hashtags_doc = g_strdup_printf (DOC (SET ("\"a\"", "\"A\"", "%s", "null"), ""),
                                       many_hashtags->str);
  long_tag_doc = g_strdup_printf (DOC (SET ("\"a\"", "\"A\"", "[\"#%s\"]", "null"), ""),
                                  long_tag);
  long_body_doc = g_strdup_printf (DOC ("", TPL ("\"t\"", "\"T\"", "\"greeting\"",
                                                 "\"announcement\"", "\"%s\"", "null")),
                                   long_body);
  long_name_doc = g_strdup_printf (DOC ("", TPL ("\"t\"", "\"%s\"", "\"greeting\"",
                                                 "\"announcement\"", "\"x\"", "null")),
                                   long_name);

  /* The generated ones, in the order of the NULLs above. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (cases[i].document == NULL)
      {
        const char *documents[] = {
          many_sets->str, many_templates->str, many_hashtags_doc, long_tag_doc,
          long_body_doc, long_name_doc
        };

        g_assert_cmpuint (generated, <, G_N_ELEMENTS (documents));
        cases[i].document = documents[generated++];
      }
  g_assert_cmpuint (generated, ==, 6);

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 20);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = parse (cases[i].document);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) parse_error = NULL;
      g_autofree char *field = NULL;
      g_autoptr(SigapPostTemplates) templates = NULL;

      g_test_message ("hostile %u: %s", i, cases[i].field);
      g_assert_false (sigap_central_schema_validate (SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES, root,
                                                     0, &field, &error));
      g_assert_error (error, SIGAP_CENTRAL_SCHEMA_ERROR, SIGAP_CENTRAL_SCHEMA_ERROR_INVALID);
      g_assert_cmpstr (field, ==, cases[i].field);
      g_assert_nonnull (strstr (error->message, cases[i].message));

      templates = sigap_post_templates_new_from_json (root, &parse_error);
      g_assert_null (templates);
      g_assert_error (parse_error, SIGAP_CENTRAL_SCHEMA_ERROR,
                      SIGAP_CENTRAL_SCHEMA_ERROR_INVALID);
    }

  /* Just inside the limits. */
  {
    g_autoptr(GString) hashtags = g_string_new ("[");
    const char *good[] = {
      DOC ("", ""),
      DOC (SET ("\"a\"", "\"A\"", "[\"#_\",\"#2026\",\"#Ñandú\",\"#日本\"]", "\"kec-sukamaju\""),
           TPL ("\"t\"", "\"T\"", "\"greeting\"", "\"announcement\"", "\"{{x}} {tahun}\"",
                "\"02-29\"")),
      NULL, NULL,
    };

    for (guint i = 0; i < 30; i++)
      g_string_append_printf (hashtags, "%s\"#T%u\"", i > 0 ? "," : "", i);
    g_string_append (hashtags, "]");
    longest_body_doc = g_strdup_printf (DOC (SET ("\"a\"", "\"A\"", "%s", "null"),
                                             TPL ("\"t\"", "\"T\"", "\"greeting\"",
                                                  "\"announcement\"", "\"%s\"", "null")),
                                        hashtags->str, longest_body);
    good[2] = longest_body_doc;
    good[3] = g_strdup_printf (DOC (SET ("\"a\"", "\"A\"", "[\"#%.99s\"]", "null"), ""),
                               long_tag);

    for (guint i = 0; i < G_N_ELEMENTS (good); i++)
      {
        g_autoptr(JsonNode) root = parse (good[i]);
        g_autoptr(GError) error = NULL;

        g_assert_true (sigap_central_schema_validate (SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES,
                                                      root, 0, NULL, &error));
        g_assert_no_error (error);
      }

    g_free ((char *) good[3]);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/post-templates/shipped", test_shipped);
  g_test_add_func ("/post-templates/parse", test_parse);
  g_test_add_func ("/post-templates/for-opd", test_for_opd);
  g_test_add_func ("/post-templates/fill", test_fill);
  g_test_add_func ("/post-templates/check-body", test_check_body);
  g_test_add_func ("/post-templates/days-until", test_days_until);
  g_test_add_func ("/post-templates/sort", test_sort);
  g_test_add_func ("/post-templates/hostile", test_hostile);

  return g_test_run ();
}
