/* test-complaint-query.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "sigap-test-utils.h"

#define BIT SIGAP_COMPLAINT_QUERY_BIT

/* Enough complaints matching one word that a search for it walks the
 * inbox's indexes rather than reading the matches first. */
#define N_GENERATED 1500

typedef struct
{
  char *dir;
  char *path;
  SigapStore *store;
  SigapOpd *opd;
  SigapOpd *other_opd;
  GTimeZone *zone;
  SigapWorkingDays *days;
  gint64 now;
  /* tracking numbers of the hand-written complaints, by their number */
  GPtrArray *named;
} Fixture;

/* Thursday 4 September 2025, 16:00 WIB: Friday is a holiday. */
#define THURSDAY_BEFORE_HOLIDAY 1756976400

static const char * const categories[] = {
  "Jalan dan Jembatan", "Kesehatan", "Kebersihan",
};

static const char * const assignees[] = {
  "user-siti", "user-budi",
};

/* Helpers {{{ */

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static SigapOpd *
add_opd (SigapStore *store,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  SigapOpd *opd = sigap_opd_new ();

  sigap_opd_set_code (opd, code);
  sigap_opd_set_name (opd, code);
  sigap_store_insert_opd (store, opd, &error);
  g_assert_no_error (error);

  return opd;
}

static SigapWorkingDays *
load_days (void)
{
  g_autoptr(SigapWorkingDays) days = sigap_working_days_new ();
  g_autoptr(GError) error = NULL;

  for (int year = 2025; year <= 2026; year++)
    {
      g_autofree char *name = g_strdup_printf ("%d.json", year);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "holidays",
                                                     name, NULL);

      g_assert_true (sigap_working_days_load_file (days, path, &error));
      g_assert_no_error (error);
    }

  return g_steal_pointer (&days);
}

typedef struct
{
  const char *body;
  const char *category;
  const char *kecamatan;
  const char *desa;
  const char *citizen_name;
  const char *citizen_handle;
  SigapChannel channel;
  SigapComplaintKind kind;
  SigapComplaintStatus status;
  gboolean other_opd;
} Named;

/* Complaints 1 to 6, whose text the search tests know. */
static const Named named[] = {
  { "Jalan rusak parah di depan SD Negeri 2, mohon perbaikan segera.",
    "Jalan dan Jembatan", "Banyuurip", "Sukamaju", "Slamet Riyadi", "slamet_r",
    SIGAP_CHANNEL_INSTAGRAM, SIGAP_COMPLAINT_KIND_COMPLAINT, SIGAP_COMPLAINT_STATUS_RECEIVED,
    FALSE },
  { "Pelayanan di kantor kelurahan Cikampék lambat sekali; lampu jalan juga mati.",
    "Pelayanan Publik", "Karangrejo", "Wétan", "José Ramírez", "jose.ramirez",
    SIGAP_CHANNEL_WEB_FORM, SIGAP_COMPLAINT_KIND_COMPLAINT, SIGAP_COMPLAINT_STATUS_VERIFIED,
    FALSE },
  { "Mohon informasi jadwal vaksinasi \"booster\" untuk lansia (60+) & anak-anak.",
    "Kesehatan", "Banyuurip", "Kalisari", "Sri Kusuma", "sri.kusuma",
    SIGAP_CHANNEL_FACEBOOK, SIGAP_COMPLAINT_KIND_INFORMATION,
    SIGAP_COMPLAINT_STATUS_IN_PROGRESS, FALSE },
  { "Saran: tambahkan tempat sampah di taman kota AND alun-alun OR pasar.",
    "Kebersihan", "Karangrejo", "Sumberejo", "Lukman Pratama", NULL,
    SIGAP_CHANNEL_X, SIGAP_COMPLAINT_KIND_ASPIRATION, SIGAP_COMPLAINT_STATUS_RESOLVED,
    FALSE },
  { "Banjir di Perumahan Griya Asri, NEAR sungai; air masuk rumah* warga.",
    "Bencana", "Wonokerto", "Wonokerto", "Dewi Lestari", "dewi_l",
    SIGAP_CHANNEL_LAPOR, SIGAP_COMPLAINT_KIND_COMPLAINT, SIGAP_COMPLAINT_STATUS_ROUTED,
    TRUE },
  { "ÉCOLE, Über, naïve café: tulisan asing dalam aduan.",
    NULL, NULL, NULL, NULL, NULL,
    SIGAP_CHANNEL_WALK_IN, SIGAP_COMPLAINT_KIND_ASPIRATION, SIGAP_COMPLAINT_STATUS_ARCHIVED,
    TRUE },
};

static void
insert_named (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->named = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (f->named, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
      const Named *n = &named[i];

      sigap_complaint_set_body (complaint, n->body);
      sigap_complaint_set_category (complaint, n->category);
      sigap_complaint_set_kecamatan (complaint, n->kecamatan);
      sigap_complaint_set_desa (complaint, n->desa);
      sigap_complaint_set_citizen_name (complaint, n->citizen_name);
      sigap_complaint_set_citizen_handle (complaint, n->citizen_handle);
      sigap_complaint_set_channel (complaint, n->channel);
      sigap_complaint_set_kind (complaint, n->kind);
      sigap_complaint_set_status (complaint, n->status);
      sigap_complaint_set_opd_id (complaint,
                                  sigap_opd_get_id (n->other_opd ? f->other_opd : f->opd));
      sigap_complaint_set_received_at (complaint, 1735700000 + i * 3600);
      sigap_store_insert_complaint (f->store, complaint, &error);
      g_assert_no_error (error);

      g_ptr_array_add (f->named, g_strdup (sigap_complaint_get_tracking_number (complaint)));
    }
}

/* Complaints with every value of every filter, deadlines around
 * f->now (its boundaries included) and a text with "drainase" and a code
 * kxN. */
static void
insert_generated (Fixture *f,
                  guint    n)
{
  g_autoptr(SigapComplaintQuery) probe = sigap_complaint_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 soon;

  sigap_complaint_query_set_now (probe, f->now, f->zone, f->days);
  soon = sigap_complaint_query_due_soon_end (probe, f->now);
  g_assert_cmpint (soon, >, f->now);

  g_assert_true (sigap_store_begin (f->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
      g_autofree char *body = g_strdup_printf ("Aduan warga tentang drainase tersumbat, kode kx%u",
                                               i);
      const gint64 boundaries[] = { 0, f->now - 1, f->now, f->now + 1, soon - 1, soon, soon + 1 };
      gint64 due_at;

      if (i < G_N_ELEMENTS (boundaries) * 8)
        due_at = boundaries[i % G_N_ELEMENTS (boundaries)];
      else if (g_rand_int_range (rand, 0, 10) == 0)
        due_at = 0;
      else
        due_at = f->now + g_rand_int_range (rand, -20 * 86400, 20 * 86400);

      sigap_complaint_set_body (complaint, body);
      sigap_complaint_set_status (complaint, i % 8);
      sigap_complaint_set_channel (complaint, (i / 8) % 8);
      sigap_complaint_set_kind (complaint, (i / 3) % 3);
      sigap_complaint_set_category (complaint, i % 7 == 3 ? NULL : categories[i % 3]);
      sigap_complaint_set_assignee_id (complaint, i % 5 < 2 ? assignees[i % 5] : NULL);
      sigap_complaint_set_opd_id (complaint, i % 11 == 0 ? NULL :
                                  sigap_opd_get_id (i % 3 == 0 ? f->other_opd : f->opd));
      /* Some share a time, for the tie order */
      sigap_complaint_set_received_at (complaint, f->now - 40 * 86400 +
                                                  g_rand_int_range (rand, 0, 400) * 7200);
      sigap_complaint_set_due_at (complaint, due_at);
      sigap_store_insert_complaint (f->store, complaint, &error);
      g_assert_no_error (error);
    }
  g_assert_true (sigap_store_commit (f->store, &error));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sigap_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "sigap.db", NULL);
  f->store = sigap_store_open (f->path, &error);
  g_assert_no_error (error);

  f->zone = g_time_zone_new_identifier ("Asia/Jakarta");
  g_assert_nonnull (f->zone);
  f->days = load_days ();
  f->now = THURSDAY_BEFORE_HOLIDAY;

  f->opd = add_opd (f->store, "DPU");
  f->other_opd = add_opd (f->store, "DINSOS");
  insert_named (f);
}

static void
fixture_set_up_generated (Fixture       *f,
                          gconstpointer  data)
{
  fixture_set_up (f, data);
  insert_generated (f, N_GENERATED);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->named, g_ptr_array_unref);
  g_clear_object (&f->opd);
  g_clear_object (&f->other_opd);
  g_clear_object (&f->store);
  g_clear_pointer (&f->zone, g_time_zone_unref);
  g_clear_pointer (&f->days, sigap_working_days_unref);
  sigap_test_rm_rf (f->dir);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

static SigapComplaintQuery *
text_query (const char *text)
{
  SigapComplaintQuery *query = sigap_complaint_query_new ();

  sigap_complaint_query_set_text (query, text);

  return query;
}

/* The list and the count agree; returns the list. */
static GPtrArray *
run_query (SigapStore          *store,
           const char          *opd_id,
           SigapComplaintQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 count;

  list = sigap_store_list_complaints_matching (store, opd_id, query, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);

  count = sigap_store_count_complaints_matching (store, opd_id, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, list->len);

  return g_steal_pointer (&list);
}

/* The tracking numbers of the complaints @text finds, sorted, joined by
 * spaces, as the numbers of the named complaints ("1 3"). */
static char *
search (Fixture    *f,
        const char *text)
{
  g_autoptr(SigapComplaintQuery) query = text_query (text);
  g_autoptr(GPtrArray) list = run_query (f->store, NULL, query);
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < list->len; i++)
    {
      const char *tracking = sigap_complaint_get_tracking_number (list->pdata[i]);
      guint number = 0;

      for (guint j = 1; j < f->named->len; j++)
        if (g_strcmp0 (f->named->pdata[j], tracking) == 0)
          number = j;
      g_array_append_val (numbers, number);
    }

  g_array_sort (numbers, compare_uint);
  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (found, "%s%u", i > 0 ? " " : "", g_array_index (numbers, guint, i));

  return g_string_free (g_steal_pointer (&found), FALSE);
}

static void
assert_search (Fixture    *f,
               const char *text,
               const char *expected)
{
  g_autofree char *found = search (f, text);

  g_test_message ("“%s” → %s", text, found);
  g_assert_cmpstr (found, ==, expected);
}

/* The full-text index holds exactly what the complaint table does. */
static void
assert_index_sound (SigapStore *store)
{
  sqlite3 *db = sigap_store_get_connection (store);
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (db,
                     "INSERT INTO complaint_fts (complaint_fts, rank) "
                     "VALUES ('integrity-check', 1)",
                     NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("The full-text index is out of step: %s", message);
}

static char *
query_plan (SigapStore *store,
            const char *sql,
            GPtrArray  *params)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sigap_store_get_connection (store), explain, -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  for (guint i = 0; i < params->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, params->pdata[i], -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  return g_string_free (plan, FALSE);
}

/* }}} */

/* Brute force: what the query means, in C {{{ */

/* Whether a token of @text starts with @word (ASCII words only) or is
 * it. */
static gboolean
text_has_token (const char *text,
                const char *word,
                gboolean    prefix)
{
  g_autofree char *lower = NULL;
  gsize len = strlen (word);
  const char *p;

  if (text == NULL)
    return FALSE;

  lower = g_ascii_strdown (text, -1);
  p = lower;
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      start = p;
      while (g_ascii_isalnum (*p))
        p++;

      if (p > start && (gsize) (p - start) >= len && strncmp (start, word, len) == 0 &&
          (prefix || (gsize) (p - start) == len))
        return TRUE;
    }

  return FALSE;
}

static gboolean
complaint_has_token (SigapComplaint *complaint,
                     const char     *word,
                     gboolean        prefix)
{
  const char *fields[] = {
    sigap_complaint_get_tracking_number (complaint),
    sigap_complaint_get_body (complaint),
    sigap_complaint_get_category (complaint),
    sigap_complaint_get_kecamatan (complaint),
    sigap_complaint_get_desa (complaint),
    sigap_complaint_get_citizen_name (complaint),
    sigap_complaint_get_citizen_handle (complaint),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (text_has_token (fields[i], word, prefix))
      return TRUE;

  return FALSE;
}

static gboolean
brute_matches (SigapComplaint      *complaint,
               const char          *opd_id,
               SigapComplaintQuery *query,
               gint64               now)
{
  const char *text = sigap_complaint_query_get_text (query);
  guint deadlines = sigap_complaint_query_get_deadlines (query);
  SigapSlaSettings settings;

  if (opd_id != NULL && g_strcmp0 (sigap_complaint_get_opd_id (complaint), opd_id) != 0)
    return FALSE;

  if (text != NULL)
    {
      g_auto(GStrv) words = g_strsplit (text, " ", -1);
      guint n = g_strv_length (words);

      for (guint i = 0; i < n; i++)
        if (!complaint_has_token (complaint, words[i], i == n - 1))
          return FALSE;
    }

  if (sigap_complaint_query_get_statuses (query) != 0 &&
      (sigap_complaint_query_get_statuses (query) &
       BIT (sigap_complaint_get_status (complaint))) == 0)
    return FALSE;

  if (sigap_complaint_query_get_channels (query) != 0 &&
      (sigap_complaint_query_get_channels (query) &
       BIT (sigap_complaint_get_channel (complaint))) == 0)
    return FALSE;

  if (sigap_complaint_query_get_kinds (query) != 0 &&
      (sigap_complaint_query_get_kinds (query) & BIT (sigap_complaint_get_kind (complaint))) == 0)
    return FALSE;

  if (sigap_complaint_query_get_category (query) != NULL &&
      g_strcmp0 (sigap_complaint_query_get_category (query),
                 sigap_complaint_get_category (complaint)) != 0)
    return FALSE;

  if (sigap_complaint_query_get_assignee_id (query) != NULL &&
      g_strcmp0 (sigap_complaint_query_get_assignee_id (query),
                 sigap_complaint_get_assignee_id (complaint)) != 0)
    return FALSE;

  sigap_sla_settings_init (&settings);
  settings.due_soon_days = sigap_complaint_query_get_due_soon_days (query);

  if (deadlines != 0)
    {
      SigapDeadlineState state;

      state = sigap_sla_complaint_deadline_state (complaint,
                                                  sigap_complaint_query_get_working_days (query),
                                                  &settings, now,
                                                  sigap_complaint_query_get_zone (query));
      if ((deadlines & BIT (state)) == 0)
        return FALSE;
    }

  return TRUE;
}

static gint64
deadline_key (SigapComplaint *complaint)
{
  if (sigap_sla_status_is_open (sigap_complaint_get_status (complaint)) &&
      sigap_complaint_get_due_at (complaint) > 0)
    return sigap_complaint_get_due_at (complaint);

  return G_MAXINT64;
}

static int
compare_by_sort (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  SigapComplaint *x = *(SigapComplaint **) a;
  SigapComplaint *y = *(SigapComplaint **) b;
  SigapComplaintSort sort = GPOINTER_TO_INT (user_data);
  gint64 rx = sigap_complaint_get_received_at (x);
  gint64 ry = sigap_complaint_get_received_at (y);
  int ids = strcmp (sigap_complaint_get_id (x), sigap_complaint_get_id (y));

  switch (sort)
    {
    case SIGAP_COMPLAINT_SORT_OLDEST:
      return rx != ry ? (rx < ry ? -1 : 1) : -ids;

    case SIGAP_COMPLAINT_SORT_DEADLINE:
      if (deadline_key (x) != deadline_key (y))
        return deadline_key (x) < deadline_key (y) ? -1 : 1;
      G_GNUC_FALLTHROUGH;

    case SIGAP_COMPLAINT_SORT_NEWEST:
    default:
      return rx != ry ? (rx > ry ? -1 : 1) : ids;
    }
}

/* The query's complaints, found and ordered in C. */
static GPtrArray *
brute_list (SigapStore          *store,
            const char          *opd_id,
            SigapComplaintQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sigap_store_list_complaints (store, NULL, 0, 0, &error);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);

  for (guint i = 0; i < all->len; i++)
    if (brute_matches (all->pdata[i], opd_id, query, sigap_complaint_query_get_now (query)))
      g_ptr_array_add (found, g_object_ref (all->pdata[i]));

  g_ptr_array_sort_with_data (found, compare_by_sort,
                              GINT_TO_POINTER (sigap_complaint_query_get_sort (query)));

  return found;
}

static void
assert_same_list (GPtrArray *found,
                  GPtrArray *expected)
{
  g_assert_cmpuint (found->len, ==, expected->len);
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpstr (sigap_complaint_get_id (found->pdata[i]), ==,
                     sigap_complaint_get_id (expected->pdata[i]));
}

/* }}} */

static void
test_match_expression (void)
{
  const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { NULL, NULL },
    { "", NULL },
    { "   \t\n ", NULL },
    { "*** ( ) \" - ", NULL },
    { "jalan", "\"jalan\"*" },
    { "  jalan   rusak ", "\"jalan\" \"rusak\"*" },
    { "j", "\"j\"*" },
    { "ADU-2025-000123", "\"ADU-2025-000123\"*" },
    { "\"booster\"", "\"\"\"booster\"\"\"*" },
    { "jalan AND OR NOT", "\"jalan\" \"AND\" \"OR\" \"NOT\"*" },
    { "NEAR(jalan rusak)", "\"NEAR(jalan\" \"rusak)\"*" },
    { "body:jalan", "\"body:jalan\"*" },
    { "jalan * rusak", "\"jalan\" \"rusak\"*" },
    { "Désa", "\"Désa\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expr = sigap_complaint_query_match_expression (cases[i].text);

      g_assert_cmpstr (expr, ==, cases[i].expected);
    }

  /* Invalid UTF-8 and too many words */
  {
    g_autofree char *expr = sigap_complaint_query_match_expression ("jal\xff\xfe" "an");
    g_autoptr(GString) many = g_string_new (NULL);
    g_autofree char *capped = NULL;

    g_assert_nonnull (expr);
    g_assert_true (g_utf8_validate (expr, -1, NULL));

    for (guint i = 0; i < 100; i++)
      g_string_append_printf (many, "w%u ", i);
    capped = sigap_complaint_query_match_expression (many->str);
    g_assert_nonnull (strstr (capped, "\"w31\"*"));
    g_assert_null (strstr (capped, "w32"));
  }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  /* A word of the text, as the start of a word, in any case */
  assert_search (f, "rusak", "1");
  assert_search (f, "RUSAK", "1");
  assert_search (f, "perbai", "1");
  assert_search (f, "jalan", "1 2");
  assert_search (f, "jalan rusak", "1");
  assert_search (f, "rusak jalan", "1");
  assert_search (f, "rusak lampu", "");
  /* Only the last word is a prefix */
  assert_search (f, "jal rusak", "");

  /* The other columns */
  assert_search (f, "Banyuurip", "1 3");
  assert_search (f, "sukamaju", "1");
  assert_search (f, "kesehatan", "3");
  assert_search (f, "Sri Kusuma", "3");
  assert_search (f, "@sri.kusuma", "3");
  assert_search (f, "jose.ramirez", "2");
  assert_search (f, "dewi_l", "5");

  /* Diacritics and case, either way round */
  assert_search (f, "cikampek", "2");
  assert_search (f, "CIKAMPÉK", "2");
  assert_search (f, "cikampé", "2");
  assert_search (f, "Jose Ramirez", "2");
  assert_search (f, "josé", "2");
  assert_search (f, "wetan", "2");
  assert_search (f, "ecole uber naive cafe", "6");
  assert_search (f, "ÜBER", "6");

  /* Tracking numbers, whole or begun */
  {
    g_autofree char *lower = g_ascii_strdown (f->named->pdata[3], -1);
    g_autofree char *begun = g_strndup (f->named->pdata[3], strlen (f->named->pdata[3]) - 1);

    assert_search (f, f->named->pdata[3], "3");
    assert_search (f, lower, "3");
    assert_search (f, begun, "1 2 3 4 5 6");
  }

  /* What looks like syntax is only words */
  assert_search (f, "\"booster\"", "3");
  assert_search (f, "(60+)", "3");
  assert_search (f, "AND", "4");
  assert_search (f, "OR pasar", "4");
  assert_search (f, "NEAR", "5");
  assert_search (f, "rumah*", "5");
  assert_search (f, "NOT", "");

  /* No word: no filter */
  assert_search (f, "", "1 2 3 4 5 6");
  assert_search (f, " * \" ( ", "1 2 3 4 5 6");
}

/* Nothing the user types makes an error. */
static void
test_hostile_input (Fixture       *f,
                    gconstpointer  data)
{
  const char * const inputs[] = {
    "\"", "\"\"", "\"\"\"", "jalan\"", "\"jalan", "*", "**", "*jalan", "jalan**", "(", ")",
    "(jalan", "jalan)", "()", "AND", "OR", "NOT", "NEAR", "AND OR NOT NEAR",
    "jalan AND", "OR lampu", "NOT jalan", "NEAR(jalan rusak)", "NEAR(jalan rusak, 2)",
    "NEAR/3", "jalan NEAR/2 rusak", "body:jalan", "{body category}: jalan", "-jalan",
    "+jalan", "^jalan", "jalan^", "'", "\\", "\\\"", ";DROP TABLE complaint;--",
    "'); DELETE FROM complaint; --", "%", "_", "%jalan%", ":", "::", "a:b:c", "\"jalan rusak\"",
    "jalan\trusak\nlampu", "😀", "jalan 😀", "ﷺ", "\xe2\x80\x8b", "ß", "ǅ", "\x01\x02",
    "jal\xff\xfe" "an", "\xc3", "jalan \"OR\" \"AND\"", "rank:1", "rowid", "complaint_fts",
    "'jalan'", "\"*\"", "* OR *", "a*b*c", "x\" OR \"1\"=\"1",
  };
  g_autoptr(GString) long_text = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    g_string_append (long_text, i % 2 ? "\"(* " : "jalan ");

  for (guint i = 0; i <= G_N_ELEMENTS (inputs); i++)
    {
      const char *text = i < G_N_ELEMENTS (inputs) ? inputs[i] : long_text->str;

      for (int sort = SIGAP_COMPLAINT_SORT_NEWEST; sort <= SIGAP_COMPLAINT_SORT_DEADLINE; sort++)
        {
          g_autoptr(SigapComplaintQuery) query = text_query (text);
          g_autoptr(GPtrArray) list = NULL;

          sigap_complaint_query_set_sort (query, sort);
          sigap_complaint_query_set_statuses (query, sort == SIGAP_COMPLAINT_SORT_DEADLINE
                                                       ? BIT (SIGAP_COMPLAINT_STATUS_ROUTED) : 0);
          list = run_query (f->store, sort == SIGAP_COMPLAINT_SORT_OLDEST
                                        ? sigap_opd_get_id (f->opd) : NULL, query);
        }
    }

  /* And the table is all there. */
  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, G_N_ELEMENTS (named));
  assert_index_sound (f->store);
}

/* Every filter, alone and combined, with and without text, in every
 * order, against the same filters in C. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  const char * const texts[] = {
    NULL, NULL, "drainase", "drai", "kx1", "kx12", "aduan kx7", "kx1499", "tersumbat kode",
    "jalan", "xyzzy",
  };
  const char *opds[] = { NULL, sigap_opd_get_id (f->opd), sigap_opd_get_id (f->other_opd) };
  guint n_nonempty = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(SigapComplaintQuery) query = sigap_complaint_query_new ();
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GPtrArray) page = NULL;
      g_autoptr(GError) error = NULL;
      const char *opd_id = opds[g_rand_int_range (rand, 0, 3)];
      guint pick = g_rand_int_range (rand, 0, 8);

      sigap_complaint_query_set_text (query, texts[g_rand_int_range (rand, 0,
                                                                     G_N_ELEMENTS (texts))]);
      /* Mostly one filter at a time, sometimes several */
      if (pick == 0 || pick == 7)
        sigap_complaint_query_set_statuses (query, g_rand_int_range (rand, 1, 256));
      if (pick == 1 || pick == 7)
        sigap_complaint_query_set_channels (query, g_rand_int_range (rand, 1, 256));
      if (pick == 2 || pick == 7)
        sigap_complaint_query_set_kinds (query, g_rand_int_range (rand, 1, 8));
      if (pick == 3 || (pick == 7 && g_rand_boolean (rand)))
        sigap_complaint_query_set_category (query, categories[g_rand_int_range (rand, 0, 3)]);
      if (pick == 4 || (pick == 7 && g_rand_boolean (rand)))
        sigap_complaint_query_set_assignee_id (query, assignees[g_rand_int_range (rand, 0, 2)]);
      if (pick == 5 || pick == 7)
        sigap_complaint_query_set_deadlines (query, g_rand_int_range (rand, 1, 16));
      sigap_complaint_query_set_sort (query, g_rand_int_range (rand, 0, 3));
      sigap_complaint_query_set_due_soon_days (query, g_rand_int_range (rand, 0, 4));
      sigap_complaint_query_set_now (query, f->now + g_rand_int_range (rand, -3, 4) * 86400 +
                                     g_rand_int_range (rand, 0, 86400), f->zone, f->days);

      found = run_query (f->store, opd_id, query);
      expected = brute_list (f->store, opd_id, query);
      assert_same_list (found, expected);
      n_nonempty += found->len > 0;

      /* A page of it is the same page of the whole */
      page = sigap_store_list_complaints_matching (f->store, opd_id, query, 7, 20, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (20, MAX ((int) found->len - 7, 0)));
      for (guint j = 0; j < page->len; j++)
        g_assert_cmpstr (sigap_complaint_get_id (page->pdata[j]), ==,
                         sigap_complaint_get_id (found->pdata[j + 7]));
    }

  /* The test tested something. */
  g_assert_cmpuint (n_nonempty, >, 150);
}

/* The SQL's deadline states are sigap_sla_complaint_deadline_state()'s,
 * on every demo complaint, at times around holidays and weekends, in
 * two zones, with several due-soon thresholds. */
static void
test_deadlines_demo (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sigap.db", NULL);
  g_autoptr(SigapWorkingDays) days = load_days ();
  g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GTimeZone) wita = g_time_zone_new_identifier ("Asia/Makassar");
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  SigapDemoOptions options = {
    .seed = 2025,
    .complaints = 600,
    .posts = 10,
    .now = THURSDAY_BEFORE_HOLIDAY,
  };
  const gint64 nows[] = {
    THURSDAY_BEFORE_HOLIDAY,
    THURSDAY_BEFORE_HOLIDAY + 8 * 3600 - 1,    /* 23:59:59 WIB */
    THURSDAY_BEFORE_HOLIDAY + 8 * 3600,        /* the holiday begins */
    THURSDAY_BEFORE_HOLIDAY + 2 * 86400,       /* Saturday */
    THURSDAY_BEFORE_HOLIDAY + 4 * 86400 - 16 * 3600, /* Monday 00:00 */
    THURSDAY_BEFORE_HOLIDAY - 7 * 86400,
    THURSDAY_BEFORE_HOLIDAY + 9 * 86400 + 1234,
  };
  const SigapDeadlineState states[] = {
    SIGAP_DEADLINE_STATE_NONE,
    SIGAP_DEADLINE_STATE_ON_TIME,
    SIGAP_DEADLINE_STATE_DUE_SOON,
    SIGAP_DEADLINE_STATE_LATE,
  };
  const guint masks[] = {
    BIT (SIGAP_DEADLINE_STATE_LATE) | BIT (SIGAP_DEADLINE_STATE_DUE_SOON),
    BIT (SIGAP_DEADLINE_STATE_LATE) | BIT (SIGAP_DEADLINE_STATE_ON_TIME),
    BIT (SIGAP_DEADLINE_STATE_NONE) | BIT (SIGAP_DEADLINE_STATE_DUE_SOON),
    BIT (SIGAP_DEADLINE_STATE_NONE) | BIT (SIGAP_DEADLINE_STATE_LATE) |
      BIT (SIGAP_DEADLINE_STATE_ON_TIME),
  };
  guint seen[SIGAP_DEADLINE_STATE_LATE + 1] = { 0 };

  store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_demo_seed (store, &options, &error));
  g_assert_no_error (error);

  all = sigap_store_list_complaints (store, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 600);

  for (guint n = 0; n < G_N_ELEMENTS (nows); n++)
    for (guint z = 0; z < 2; z++)
      for (guint soon_days = 0; soon_days <= 3; soon_days++)
        {
          GTimeZone *zone = z == 0 ? wib : wita;
          SigapSlaSettings settings;

          sigap_sla_settings_init (&settings);
          settings.due_soon_days = soon_days;

          for (guint s = 0; s < G_N_ELEMENTS (states) + G_N_ELEMENTS (masks); s++)
            {
              g_autoptr(SigapComplaintQuery) query = sigap_complaint_query_new ();
              g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
              g_autoptr(GPtrArray) found = NULL;
              guint mask = s < G_N_ELEMENTS (states) ? BIT (states[s])
                                                      : masks[s - G_N_ELEMENTS (states)];
              guint expected = 0;

              sigap_complaint_query_set_deadlines (query, mask);
              sigap_complaint_query_set_due_soon_days (query, soon_days);
              sigap_complaint_query_set_now (query, nows[n], zone, days);
              found = run_query (store, NULL, query);
              for (guint i = 0; i < found->len; i++)
                g_hash_table_add (ids, (gpointer) sigap_complaint_get_id (found->pdata[i]));

              for (guint i = 0; i < all->len; i++)
                {
                  SigapDeadlineState state;

                  state = sigap_sla_complaint_deadline_state (all->pdata[i], days, &settings,
                                                              nows[n], zone);
                  if (s == 0)
                    seen[state]++;

                  if ((mask & BIT (state)) != 0)
                    {
                      expected++;
                      if (!g_hash_table_contains (ids, sigap_complaint_get_id (all->pdata[i])))
                        g_error ("%s (due %" G_GINT64_FORMAT ", state %d) missing at %"
                                 G_GINT64_FORMAT " mask %x",
                                 sigap_complaint_get_tracking_number (all->pdata[i]),
                                 sigap_complaint_get_due_at (all->pdata[i]), state, nows[n],
                                 mask);
                    }
                }
              g_assert_cmpuint (found->len, ==, expected);
            }
        }

  /* The demo has complaints in every state. */
  for (guint s = 0; s < G_N_ELEMENTS (seen); s++)
    g_assert_cmpuint (seen[s], >, 0);

  g_clear_object (&store);
  sigap_test_rm_rf (dir);
}

static void
test_due_soon_end (void)
{
  g_autoptr(SigapComplaintQuery) query = sigap_complaint_query_new ();
  g_autoptr(SigapWorkingDays) days = load_days ();
  g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  /* Thursday before the Friday holiday, 1 day: Monday is due soon
   * (the holiday and the weekend do not count), Tuesday is not. */
  sigap_complaint_query_set_now (query, THURSDAY_BEFORE_HOLIDAY, wib, days);
  end = g_date_time_new_from_unix_utc (sigap_complaint_query_due_soon_end (query,
                                                                          THURSDAY_BEFORE_HOLIDAY));
  local = g_date_time_to_timezone (end, wib);
  text = g_date_time_format (local, "%F %T");
  g_assert_cmpstr (text, ==, "2025-09-09 00:00:00");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&local, g_date_time_unref);
  g_clear_pointer (&end, g_date_time_unref);

  /* Without the holidays, Friday is the one working day: Monday is on
   * time. */
  sigap_complaint_query_set_now (query, THURSDAY_BEFORE_HOLIDAY, wib, NULL);
  end = g_date_time_new_from_unix_utc (sigap_complaint_query_due_soon_end (query,
                                                                          THURSDAY_BEFORE_HOLIDAY));
  local = g_date_time_to_timezone (end, wib);
  text = g_date_time_format (local, "%F %T");
  g_assert_cmpstr (text, ==, "2025-09-08 00:00:00");
}

/* The saved filters of the inbox */
static void
test_saved_filters (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SigapComplaintQuery) late = sigap_complaint_query_new_late ();
  g_autoptr(SigapComplaintQuery) due_soon = sigap_complaint_query_new_due_soon ();
  g_autoptr(SigapComplaintQuery) unverified = sigap_complaint_query_new_unverified ();
  g_autoptr(SigapComplaintQuery) mine = sigap_complaint_query_new_mine ("user-siti");
  g_autoptr(SigapComplaintQuery) nobody = sigap_complaint_query_new_mine ("");
  g_autoptr(GPtrArray) list = NULL;
  SigapSlaSettings settings;

  sigap_sla_settings_init (&settings);

  g_assert_cmpuint (sigap_complaint_query_get_deadlines (late), ==,
                    BIT (SIGAP_DEADLINE_STATE_LATE));
  g_assert_cmpuint (sigap_complaint_query_get_statuses (unverified), ==,
                    BIT (SIGAP_COMPLAINT_STATUS_RECEIVED));
  g_assert_cmpstr (sigap_complaint_query_get_assignee_id (mine), ==, "user-siti");

  sigap_complaint_query_set_now (late, f->now, f->zone, f->days);
  list = run_query (f->store, NULL, late);
  g_assert_cmpuint (list->len, >, 0);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (sigap_sla_complaint_deadline_state (list->pdata[i], f->days, &settings,
                                                         f->now, f->zone),
                     ==, SIGAP_DEADLINE_STATE_LATE);
  g_clear_pointer (&list, g_ptr_array_unref);

  sigap_complaint_query_set_now (due_soon, f->now, f->zone, f->days);
  list = run_query (f->store, NULL, due_soon);
  g_assert_cmpuint (list->len, >, 0);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (sigap_sla_complaint_deadline_state (list->pdata[i], f->days, &settings,
                                                         f->now, f->zone),
                     ==, SIGAP_DEADLINE_STATE_DUE_SOON);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = run_query (f->store, NULL, unverified);
  g_assert_cmpuint (list->len, >, 1);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (sigap_complaint_get_status (list->pdata[i]), ==,
                     SIGAP_COMPLAINT_STATUS_RECEIVED);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = run_query (f->store, NULL, mine);
  g_assert_cmpuint (list->len, ==, N_GENERATED / 5);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (sigap_complaint_get_assignee_id (list->pdata[i]), ==, "user-siti");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A user without an ID owns nothing; it does not mean everyone. */
  list = run_query (f->store, NULL, nobody);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  for (int sort = SIGAP_COMPLAINT_SORT_NEWEST; sort <= SIGAP_COMPLAINT_SORT_DEADLINE; sort++)
    {
      g_autoptr(SigapComplaintQuery) query = sigap_complaint_query_new ();
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GPtrArray) expected = NULL;

      sigap_complaint_query_set_sort (query, sort);
      sigap_complaint_query_set_now (query, f->now, f->zone, f->days);
      found = run_query (f->store, NULL, query);
      expected = brute_list (f->store, NULL, query);
      assert_same_list (found, expected);
      g_assert_cmpuint (found->len, ==, N_GENERATED + G_N_ELEMENTS (named));

      if (sort == SIGAP_COMPLAINT_SORT_DEADLINE)
        {
          SigapComplaint *first = found->pdata[0];
          SigapComplaint *last = found->pdata[found->len - 1];

          g_assert_true (sigap_sla_status_is_open (sigap_complaint_get_status (first)));
          g_assert_cmpint (sigap_complaint_get_due_at (first), >, 0);
          g_assert_cmpint (sigap_complaint_get_due_at (first), <, f->now);
          g_assert_true (!sigap_sla_status_is_open (sigap_complaint_get_status (last)) ||
                         sigap_complaint_get_due_at (last) == 0);
        }
    }
}

/* What the full-text index gives for @text, as the store reads it */
static GArray *
read_matches (sqlite3    *db,
              const char *text)
{
  g_autofree char *match = sigap_complaint_query_match_expression (text);
  GArray *rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM complaint_fts "
                                       "WHERE complaint_fts MATCH ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);

  return rowids;
}

/* Both plans give the same rows; the store picks the one that fits. */
static void
test_plans (Fixture       *f,
            gconstpointer  data)
{
  const char * const texts[] = { "drainase", "kx1", "kx14", "jalan", "xyzzy" };
  sqlite3 *db = sigap_store_get_connection (f->store);

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint with_opd = 0; with_opd < 2; with_opd++)
      for (guint with_status = 0; with_status < 2; with_status++)
        {
          g_autoptr(SigapComplaintQuery) query = text_query (texts[t]);
          const char *opd_id = with_opd ? sigap_opd_get_id (f->opd) : NULL;
          g_autoptr(GArray) matches = read_matches (db, texts[t]);
          gint64 results[2][2];

          if (with_status)
            sigap_complaint_query_set_statuses (query, BIT (SIGAP_COMPLAINT_STATUS_ROUTED) |
                                                BIT (SIGAP_COMPLAINT_STATUS_RECEIVED));

          for (guint plan = 0; plan < 2; plan++)
            for (guint count = 0; count < 2; count++)
              {
                g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
                g_autofree char *sql = NULL;
                SigapComplaintQuerySqlFlags flags = SIGAP_COMPLAINT_QUERY_SQL_NONE;
                sqlite3_stmt *stmt = NULL;
                gint64 n = 0;

                if (plan)
                  flags |= SIGAP_COMPLAINT_QUERY_SQL_TEXT_FIRST;
                if (count)
                  flags |= SIGAP_COMPLAINT_QUERY_SQL_COUNT;
                sql = sigap_complaint_query_build_sql (query, "id", opd_id, f->now, flags, params);
                g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
                sigap_complaint_query_bind_params (stmt, params, matches);
                while (sqlite3_step (stmt) == SQLITE_ROW)
                  n = count ? sqlite3_column_int64 (stmt, 0) : n + 1;
                g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
                results[plan][count] = n;
              }

          g_assert_cmpint (results[0][0], ==, results[1][0]);
          g_assert_cmpint (results[0][1], ==, results[1][1]);
          g_assert_cmpint (results[0][0], ==, results[0][1]);
        }
}

static void
assert_plan_uses (Fixture             *f,
                  SigapComplaintQuery *query,
                  const char          *opd_id,
                  SigapComplaintQuerySqlFlags flags,
                  const char          *expected,
                  gboolean             sorted)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = sigap_complaint_query_build_sql (query, "id, body", opd_id, f->now,
                                                          flags, params);
  g_autofree char *limited = g_strconcat (sql, (flags & SIGAP_COMPLAINT_QUERY_SQL_COUNT) ? ""
                                                                              : " LIMIT 100",
                                          NULL);
  g_autofree char *plan = query_plan (f->store, limited, params);

  g_test_message ("%s\n%s", limited, plan);
  g_assert_nonnull (strstr (plan, expected));
  /* Never the whole table */
  g_assert_null (strstr (plan, "SCAN complaint\n"));
  /* Sorting the ties of an index's order is fine; sorting it all not */
  if (!sorted)
    g_assert_null (strstr (plan, "TEMP B-TREE FOR ORDER BY"));
}

/* The inbox's queries use its indexes. */
static void
test_query_plans (Fixture       *f,
                  gconstpointer  data)
{
  const char *opd_id = sigap_opd_get_id (f->opd);
  g_autoptr(SigapComplaintQuery) all = sigap_complaint_query_new ();
  g_autoptr(SigapComplaintQuery) text = text_query ("drainase");
  g_autoptr(SigapComplaintQuery) oldest = text_query ("drainase");
  g_autoptr(SigapComplaintQuery) unverified = sigap_complaint_query_new_unverified ();
  g_autoptr(SigapComplaintQuery) late = sigap_complaint_query_new_late ();
  g_autoptr(SigapComplaintQuery) late_sorted = sigap_complaint_query_new_late ();
  g_autoptr(SigapComplaintQuery) mine = sigap_complaint_query_new_mine ("user-siti");

  sigap_complaint_query_set_sort (oldest, SIGAP_COMPLAINT_SORT_OLDEST);
  sigap_complaint_query_set_sort (late_sorted, SIGAP_COMPLAINT_SORT_DEADLINE);
  sigap_complaint_query_set_now (late, f->now, f->zone, f->days);
  sigap_complaint_query_set_now (late_sorted, f->now, f->zone, f->days);

  assert_plan_uses (f, all, NULL, 0, "complaint_received", FALSE);
  assert_plan_uses (f, all, opd_id, 0, "complaint_opd_received", FALSE);
  assert_plan_uses (f, text, NULL, 0, "complaint_received", FALSE);
  assert_plan_uses (f, text, opd_id, 0, "complaint_opd_received", FALSE);
  assert_plan_uses (f, oldest, opd_id, 0, "complaint_opd_received", FALSE);
  assert_plan_uses (f, text, opd_id, SIGAP_COMPLAINT_QUERY_SQL_TEXT_FIRST,
                    "INTEGER PRIMARY KEY (rowid=?)", TRUE);
  assert_plan_uses (f, text, NULL, SIGAP_COMPLAINT_QUERY_SQL_COUNT,
                    "VIRTUAL TABLE", FALSE);
  assert_plan_uses (f, text, opd_id, SIGAP_COMPLAINT_QUERY_SQL_COUNT,
                    "complaint_opd_", FALSE);
  assert_plan_uses (f, unverified, NULL, 0, "complaint_open", FALSE);
  assert_plan_uses (f, unverified, NULL, SIGAP_COMPLAINT_QUERY_SQL_COUNT,
                    "COVERING INDEX complaint_open", FALSE);
  assert_plan_uses (f, unverified, opd_id, 0, "complaint_opd_open", FALSE);
  assert_plan_uses (f, unverified, opd_id, SIGAP_COMPLAINT_QUERY_SQL_COUNT,
                    "COVERING INDEX complaint_opd_open", FALSE);
  assert_plan_uses (f, late, NULL, SIGAP_COMPLAINT_QUERY_SQL_COUNT,
                    "COVERING INDEX complaint_open", FALSE);
  assert_plan_uses (f, late, opd_id, SIGAP_COMPLAINT_QUERY_SQL_COUNT,
                    "COVERING INDEX complaint_opd_open", FALSE);
  assert_plan_uses (f, late, NULL, 0, "complaint_open", FALSE);
  assert_plan_uses (f, late, opd_id, 0, "complaint_opd_open", FALSE);
  /* The deadline order sorts the late complaints */
  assert_plan_uses (f, late_sorted, NULL, 0, "complaint_open", TRUE);
  assert_plan_uses (f, late_sorted, opd_id, 0, "complaint_opd_open", TRUE);
  assert_plan_uses (f, mine, NULL, 0, "complaint_assignee", FALSE);
}

static SigapComplaint *
insert_text (Fixture    *f,
             const char *body)
{
  g_autoptr(GError) error = NULL;
  SigapComplaint *complaint = sigap_complaint_new ();

  sigap_complaint_set_body (complaint, body);
  sigap_complaint_set_opd_id (complaint, sigap_opd_get_id (f->opd));
  sigap_complaint_set_received_at (complaint, f->now);
  sigap_store_insert_complaint (f->store, complaint, &error);
  g_assert_no_error (error);

  return complaint;
}

static guint
count_text (Fixture    *f,
            const char *text)
{
  g_autoptr(SigapComplaintQuery) query = text_query (text);
  g_autoptr(GPtrArray) list = run_query (f->store, NULL, query);

  return list->len;
}

static JsonObject *
remote_complaint (Fixture    *f,
                  const char *id,
                  const char *tracking_number,
                  const char *body,
                  gint64      version)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = g_strdup_printf ("{\"id\":\"%s\",\"tracking_number\":\"%s\","
                          "\"channel\":\"web-form\",\"kind\":\"complaint\",\"body\":\"%s\","
                          "\"status\":\"routed\",\"opd_id\":\"%s\",\"public_issue\":false,"
                          "\"received_at\":100,\"due_at\":0,\"resolved_at\":0,"
                          "\"version\":%" G_GINT64_FORMAT ",\"updated_at\":200,\"events\":[]}",
                          id, tracking_number, body, sigap_opd_get_id (f->opd), version);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Every way the store writes complaints keeps the index in step. */
static void
test_index_in_step (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SigapComplaint) x = insert_text (f, "alpha bravo");
  g_autoptr(SigapComplaint) kept = insert_text (f, "juliet kilo");
  g_autoptr(JsonObject) remote = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = sigap_store_get_connection (f->store);

  g_assert_cmpuint (count_text (f, "alpha"), ==, 1);
  assert_index_sound (f->store);

  /* The text changes */
  sigap_complaint_set_body (x, "charlie delta");
  sigap_store_update_complaint (f->store, x, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_text (f, "alpha"), ==, 0);
  g_assert_cmpuint (count_text (f, "charlie"), ==, 1);

  /* Only the status: the text stays found */
  sigap_complaint_set_status (x, SIGAP_COMPLAINT_STATUS_VERIFIED);
  sigap_store_update_complaint (f->store, x, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_text (f, "charlie"), ==, 1);
  assert_index_sound (f->store);

  /* The server's copy, new, then changed, inside a pull's transaction */
  remote = remote_complaint (f, "remote-1", "ADU-2025-900001", "echo", 1);
  g_assert_true (sigap_store_begin_remote (f->store, &error));
  sigap_store_apply_remote (f->store, "complaint", remote, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_cmpuint (count_text (f, "echo"), ==, 1);
  g_assert_cmpuint (count_text (f, "ADU-2025-900001"), ==, 1);
  g_clear_pointer (&remote, json_object_unref);

  remote = remote_complaint (f, "remote-1", "ADU-2025-900001", "foxtrot golf", 2);
  g_assert_true (sigap_store_begin_remote (f->store, &error));
  sigap_store_apply_remote (f->store, "complaint", remote, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_store_commit (f->store, &error));
  sigap_store_end_remote_pages (f->store);
  g_assert_cmpuint (count_text (f, "echo"), ==, 0);
  g_assert_cmpuint (count_text (f, "foxtrot"), ==, 1);
  assert_index_sound (f->store);

  /* Outside a pull too */
  g_clear_pointer (&remote, json_object_unref);
  remote = remote_complaint (f, "remote-1", "ADU-2025-900001", "hotel india", 3);
  sigap_store_apply_remote (f->store, "complaint", remote, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_text (f, "foxtrot"), ==, 0);
  g_assert_cmpuint (count_text (f, "hotel"), ==, 1);
  assert_index_sound (f->store);

  /* Removed by the server, outside a pull and inside one */
  sigap_store_remove_local (f->store, "complaint", "remote-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_text (f, "hotel"), ==, 0);
  assert_index_sound (f->store);

  g_clear_pointer (&remote, json_object_unref);
  remote = remote_complaint (f, "remote-2", "ADU-2025-900002", "november oscar", 1);
  g_assert_true (sigap_store_begin_remote (f->store, &error));
  sigap_store_apply_remote (f->store, "complaint", remote, &error);
  g_assert_no_error (error);
  sigap_store_remove_local (f->store, "complaint", "remote-2", &error);
  g_assert_no_error (error);
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_cmpuint (count_text (f, "november"), ==, 0);
  assert_index_sound (f->store);

  /* A complaint recorded here gives up its provisional number to the
   * server's complaint that has it: both numbers are found where they
   * are now. */
  {
    g_autoptr(SigapComplaint) local = insert_text (f, "papa quebec");
    g_autoptr(SigapComplaint) renumbered = NULL;
    g_autofree char *number = g_strdup (sigap_complaint_get_tracking_number (local));
    g_autofree char *with_server_text = g_strconcat (number, " romeo", NULL);
    g_autofree char *with_local_text = g_strconcat (number, " papa", NULL);

    g_clear_pointer (&remote, json_object_unref);
    remote = remote_complaint (f, "remote-3", number, "romeo sierra", 1);
    g_assert_true (sigap_store_begin_remote (f->store, &error));
    sigap_store_apply_remote (f->store, "complaint", remote, &error);
    g_assert_no_error (error);
    g_assert_true (sigap_store_commit (f->store, &error));

    renumbered = sigap_store_get_complaint (f->store, sigap_complaint_get_id (local), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sigap_complaint_get_tracking_number (renumbered), !=, number);
    g_assert_cmpuint (count_text (f, sigap_complaint_get_tracking_number (renumbered)), ==, 1);
    g_assert_cmpuint (count_text (f, with_server_text), ==, 1);
    g_assert_cmpuint (count_text (f, with_local_text), ==, 0);
    assert_index_sound (f->store);
  }

  /* Deleted here */
  sigap_store_delete_complaint (f->store, sigap_complaint_get_id (x), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_text (f, "charlie"), ==, 0);
  assert_index_sound (f->store);

  /* A REPLACE deletes the old row: with recursive triggers, the index
   * forgets it. */
  sql = g_strdup_printf ("INSERT OR REPLACE INTO complaint (id, tracking_number, channel, kind, "
                         "body, status, received_at) VALUES ('%s', '%s', 'walk-in', "
                         "'complaint', 'lima mike', 'received', 1)",
                         sigap_complaint_get_id (kept),
                         sigap_complaint_get_tracking_number (kept));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpuint (count_text (f, "juliet"), ==, 0);
  g_assert_cmpuint (count_text (f, "lima"), ==, 1);
  assert_index_sound (f->store);

  /* Forgetting what the server sent */
  g_assert_true (sigap_store_begin_remote (f->store, &error));
  g_assert_true (sigap_store_clear_replica (f->store, &error));
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_cmpint (sigap_store_count_complaints (f->store, NULL), ==, 0);
  g_assert_cmpuint (count_text (f, "lima"), ==, 0);
  g_assert_cmpuint (count_text (f, "jalan"), ==, 0);
  assert_index_sound (f->store);
}

/* Applies the server's complaint inside the pull's transaction. */
static void
apply_text (Fixture    *f,
            const char *id,
            const char *tracking_number,
            const char *body,
            gint64      version)
{
  g_autoptr(JsonObject) remote = remote_complaint (f, id, tracking_number, body, version);
  g_autoptr(GError) error = NULL;

  sigap_store_apply_remote (f->store, "complaint", remote, &error);
  g_assert_no_error (error);
}

/* How many rows the full-text index itself finds, stale or not. */
static gint64
indexed (SigapStore *store,
         const char *word)
{
  sqlite3 *db = sigap_store_get_connection (store);
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*) FROM complaint_fts "
                                       "WHERE complaint_fts MATCH ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

static gboolean
is_stale (SigapStore *store)
{
  g_autofree char *stale = sigap_store_get_meta (store, "complaint_fts_stale");

  return stale != NULL;
}

/* A snapshot leaves the index alone and rebuilds it once at its end; a
 * search before then, in this run or after a crash, finds everything. */
static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint jalan = count_text (f, "jalan");

  /* Pulled whole: pages that write, change and remove complaints, with
   * a change here in between (its triggers tell the stale index). */
  g_assert_true (sigap_store_begin_remote (f->store, &error));
  g_assert_true (sigap_store_begin_snapshot (f->store, &error));
  apply_text (f, "snap-1", "ADU-2025-910001", "whiskey xray", 1);
  apply_text (f, "snap-2", "ADU-2025-910002", "yankee zulu", 1);
  apply_text (f, "snap-3", "ADU-2025-910003", "whiskey tango", 1);
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_true (is_stale (f->store));
  g_assert_cmpint (indexed (f->store, "whiskey"), ==, 0);

  {
    g_autoptr(SigapComplaint) local = sigap_store_get_complaint (f->store, "snap-3", &error);

    g_assert_no_error (error);
    sigap_complaint_set_body (local, "whiskey uniform");
    sigap_store_update_complaint (f->store, local, &error);
    g_assert_no_error (error);
  }

  g_assert_true (sigap_store_begin_remote (f->store, &error));
  apply_text (f, "snap-1", "ADU-2025-910001", "victor xray", 2);
  sigap_store_remove_local (f->store, "complaint", "snap-2", &error);
  g_assert_no_error (error);
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_cmpint (indexed (f->store, "victor"), ==, 0);

  g_assert_true (sigap_store_begin_remote (f->store, &error));
  apply_text (f, "snap-4", "ADU-2025-910004", "whiskey papa", 1);
  g_assert_true (sigap_store_end_snapshot (f->store, &error));
  g_assert_true (sigap_store_commit (f->store, &error));
  sigap_store_end_remote_pages (f->store);
  g_assert_false (is_stale (f->store));
  assert_index_sound (f->store);
  g_assert_cmpint (indexed (f->store, "whiskey"), ==, 2);
  g_assert_cmpuint (count_text (f, "whiskey"), ==, 2);
  g_assert_cmpuint (count_text (f, "victor"), ==, 1);
  g_assert_cmpuint (count_text (f, "uniform"), ==, 1);
  g_assert_cmpuint (count_text (f, "yankee"), ==, 0);
  g_assert_cmpuint (count_text (f, "xray"), ==, 1);
  g_assert_cmpuint (jalan, >, 0);
  g_assert_cmpuint (count_text (f, "jalan"), ==, jalan);

  /* After the snapshot, pulls keep the index in step row by row. */
  g_assert_true (sigap_store_begin_remote (f->store, &error));
  apply_text (f, "snap-5", "ADU-2025-910005", "whiskey mike", 1);
  g_assert_true (sigap_store_end_snapshot (f->store, &error));
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_cmpint (indexed (f->store, "whiskey"), ==, 3);
  assert_index_sound (f->store);

  /* Reset, and a search halfway through the snapshot that follows */
  g_assert_true (sigap_store_begin_remote (f->store, &error));
  g_assert_true (sigap_store_begin_snapshot (f->store, &error));
  g_assert_true (sigap_store_clear_replica (f->store, &error));
  apply_text (f, "snap-6", "ADU-2025-910006", "whiskey hotel", 1);
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_true (is_stale (f->store));
  g_assert_cmpuint (count_text (f, "whiskey"), ==, 1);
  g_assert_cmpuint (count_text (f, "hotel"), ==, 1);
  g_assert_cmpuint (count_text (f, "mike"), ==, 0);
  g_assert_false (is_stale (f->store));
  assert_index_sound (f->store);

  g_assert_true (sigap_store_begin_remote (f->store, &error));
  apply_text (f, "snap-7", "ADU-2025-910007", "whiskey india", 1);
  g_assert_true (sigap_store_end_snapshot (f->store, &error));
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_cmpuint (count_text (f, "whiskey"), ==, 2);
  assert_index_sound (f->store);

  /* Cut short by a crash: the store opened again searches all the same */
  g_assert_true (sigap_store_begin_remote (f->store, &error));
  g_assert_true (sigap_store_begin_snapshot (f->store, &error));
  apply_text (f, "snap-8", "ADU-2025-910008", "whiskey juliet", 1);
  g_assert_true (sigap_store_commit (f->store, &error));
  g_clear_object (&f->store);

  f->store = sigap_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (is_stale (f->store));
  g_assert_cmpuint (count_text (f, "juliet"), ==, 1);
  g_assert_cmpuint (count_text (f, "whiskey"), ==, 3);
  g_assert_false (is_stale (f->store));
  assert_index_sound (f->store);

  /* Or the next pull goes on with the snapshot and ends it */
  g_assert_true (sigap_store_begin_remote (f->store, &error));
  g_assert_true (sigap_store_begin_snapshot (f->store, &error));
  apply_text (f, "snap-9", "ADU-2025-910009", "whiskey kilo", 1);
  g_assert_true (sigap_store_commit (f->store, &error));
  g_clear_object (&f->store);

  f->store = sigap_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_store_begin_remote (f->store, &error));
  apply_text (f, "snap-10", "ADU-2025-910010", "whiskey lima", 1);
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_cmpint (indexed (f->store, "lima"), ==, 0);
  g_assert_true (sigap_store_begin_remote (f->store, &error));
  g_assert_true (sigap_store_end_snapshot (f->store, &error));
  g_assert_true (sigap_store_commit (f->store, &error));
  g_assert_false (is_stale (f->store));
  assert_index_sound (f->store);
  g_assert_cmpint (indexed (f->store, "whiskey"), ==, 5);
  g_assert_cmpuint (count_text (f, "whiskey"), ==, 5);
}

/* A database of version 6 gets its complaints indexed. */
static void
test_migration (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sigap.db", NULL);
  g_autoptr(SigapStore) store = NULL;
  g_autoptr(SigapComplaintQuery) query = text_query ("Désa warga");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sigap_store_latest_version (), >=, 7);

  store = sigap_store_open_at_version (path, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_store_get_schema_version (store), ==, 6);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();

      sigap_complaint_set_body (complaint, i % 2 ? "Aduan warga desa" : "Lampu mati");
      sigap_complaint_set_received_at (complaint, 1750000000 + i);
      sigap_store_insert_complaint (store, complaint, &error);
      g_assert_no_error (error);
    }
  g_clear_object (&store);

  store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_store_get_schema_version (store), ==, sigap_store_latest_version ());

  list = run_query (store, NULL, query);
  g_assert_cmpuint (list->len, ==, 25);
  assert_index_sound (store);

  g_clear_object (&store);

  /* And it opens again as a Sigap database, not a foreign one. */
  store = sigap_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  sigap_test_rm_rf (dir);
}

static void
test_query_object (void)
{
  g_autoptr(SigapComplaintQuery) a = sigap_complaint_query_new ();
  g_autoptr(SigapComplaintQuery) b = NULL;
  g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autofree char *text = NULL;
  guint notified = 0;

  g_assert_true (sigap_complaint_query_equal (a, NULL));
  g_assert_false (sigap_complaint_query_has_text (a));
  g_assert_false (sigap_complaint_query_has_filters (a));
  g_assert_cmpint (sigap_complaint_query_get_sort (a), ==, SIGAP_COMPLAINT_SORT_NEWEST);

  g_signal_connect_swapped (a, "notify::text", G_CALLBACK (count_cb), &notified);

  sigap_complaint_query_set_text (a, "jalan");
  sigap_complaint_query_set_text (a, "jalan");
  g_assert_cmpuint (notified, ==, 1);
  sigap_complaint_query_set_text (a, "");
  g_assert_null (sigap_complaint_query_get_text (a));
  g_assert_cmpuint (notified, ==, 2);

  g_object_set (a, "text", "lampu", "statuses", 3, "sort", SIGAP_COMPLAINT_SORT_DEADLINE,
                "category", "Kesehatan", NULL);
  g_object_get (a, "text", &text, NULL);
  g_assert_cmpstr (text, ==, "lampu");
  g_assert_true (sigap_complaint_query_has_text (a));
  g_assert_true (sigap_complaint_query_has_filters (a));

  sigap_complaint_query_set_now (a, 1756976400, wib, NULL);
  b = sigap_complaint_query_copy (a);
  g_assert_true (sigap_complaint_query_equal (a, b));
  g_assert_true (sigap_complaint_query_get_zone (b) == wib);
  sigap_complaint_query_set_channels (b, 1);
  g_assert_false (sigap_complaint_query_equal (a, b));
  g_assert_false (sigap_complaint_query_equal (a, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, setup, func) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down)

  g_test_add_func ("/complaint-query/object", test_query_object);
  g_test_add_func ("/complaint-query/match-expression", test_match_expression);
  g_test_add_func ("/complaint-query/due-soon-end", test_due_soon_end);
  ADD ("/complaint-query/search", fixture_set_up, test_search);
  ADD ("/complaint-query/hostile-input", fixture_set_up, test_hostile_input);
  ADD ("/complaint-query/filters", fixture_set_up_generated, test_filters);
  ADD ("/complaint-query/saved-filters", fixture_set_up_generated, test_saved_filters);
  ADD ("/complaint-query/sort", fixture_set_up_generated, test_sort);
  ADD ("/complaint-query/plans", fixture_set_up_generated, test_plans);
  ADD ("/complaint-query/query-plans", fixture_set_up_generated, test_query_plans);
  ADD ("/complaint-query/index-in-step", fixture_set_up, test_index_in_step);
  ADD ("/complaint-query/snapshot", fixture_set_up, test_snapshot);
  g_test_add_func ("/complaint-query/deadlines-demo", test_deadlines_demo);
  g_test_add_func ("/complaint-query/migration", test_migration);

#undef ADD

  return g_test_run ();
}
