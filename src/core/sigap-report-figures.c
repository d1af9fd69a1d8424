/* sigap-report-figures.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-report-figures"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sigap-complaint-rules.h"
#include "sigap-enums.h"
#include "sigap-json.h"
#include "sigap-report-figures.h"

/*
 * The monthly report's figures, computed from the store with a handful of
 * grouped queries per month: the same queries serve one OPD (with an
 * `opd_id = :opd` condition, which the indexes on opd_id serve) and every
 * OPD at once (without it, each row going to its OPD's figures).
 *
 * What the header leaves open:
 *
 * - planned: a post counts on each platform it has a variant for, when
 *   its scheduled_at is in the month and its status is not `cancelled`
 *   (drafts and posts in review scheduled in the month are planned);
 *   published: of those, the ones whose status is `published`.
 * - uploads, links and categories count posts whose status is
 *   `published` and whose published_at is in the month.
 * - links: the variant's stored links (one URL per line, extracted when
 *   the post was marked published in the composer) when it has them;
 *   otherwise URLs are read from the variant's body, or the post's body
 *   when the variant has none (NULL or empty): `http://` or `https://` (any
 *   case) up to the next ASCII white space, less trailing . , ; : ! ? ) "
 *   and '; and bare `www.` URLs that start the text or follow white space
 *   or one of ( [ < " ', whose host is letters, digits and hyphens in two
 *   labels or more after "www." (www.example.go.id/page). The variant's
 *   published_url counts too. Two URLs are the same link when they are
 *   equal once their scheme (http:// or https://, any case) is dropped.
 * - complaints: those whose opd_id is the OPD now. Received, resolved and
 *   due by received_at, resolved_at (not 0) and due_at (not 0) in the
 *   month; late: due in the month and resolved_at 0 (still open, or
 *   closed without a resolution) or after due_at.
 * - medians: working days by sigap_working_days_between (receipt to the
 *   event: the working days after the day of receipt up to the event's
 *   day, 0 on the same day); an event before the receipt counts 0. With
 *   no #SigapWorkingDays, calendar days (seconds / 86400, fractional).
 * - accounts: last_published_at is the latest published_at before the
 *   month's end of the OPD's published posts with a variant on the
 *   account's platform; quiet when that is 0 or earlier than
 *   %SIGAP_REPORT_QUIET_DAYS days before the month's end.
 */

#define FORMAT_VERSION 1

typedef struct
{
  SigapReportFigures *figures;
  GHashTable *links[SIGAP_N_PLATFORMS];
  GHashTable *links_all;
  GArray *first_answer_days;
  GArray *resolution_days;
  gint64 last_published[SIGAP_N_PLATFORMS];
} Builder;

typedef struct
{
  sqlite3 *db;
  const char *opd_id;        /* the one OPD, or NULL for all */
  Builder *single;
  GHashTable *builders;      /* opd_id → Builder, for all */
  gint64 start;
  gint64 end;
  SigapWorkingDays *working_days;
  GTimeZone *zone;
} Context;

G_DEFINE_BOXED_TYPE (SigapReportFigures, sigap_report_figures,
                     sigap_report_figures_copy, sigap_report_figures_free)

/* Helpers {{{ */

static const char * const platform_nicks[SIGAP_N_PLATFORMS] = {
  "facebook", "instagram", "x", "youtube", "tiktok",
};

static int
platform_from_nick (const char *nick)
{
  if (nick == NULL)
    return -1;

  for (int i = 0; i < SIGAP_N_PLATFORMS; i++)
    if (strcmp (nick, platform_nicks[i]) == 0)
      return i;

  return -1;
}

static const char *
category_nick (guint category)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SIGAP_TYPE_CONTENT_CATEGORY);
  GEnumValue *value = g_enum_get_value (klass, (int) category);

  return value != NULL ? value->value_nick : NULL;
}

static int
category_from_nick (const char *nick)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  if (nick == NULL)
    return -1;

  klass = g_type_class_ref (SIGAP_TYPE_CONTENT_CATEGORY);
  value = g_enum_get_value_by_nick (klass, nick);
  if (value == NULL || value->value < 0 || value->value >= SIGAP_N_CONTENT_CATEGORIES)
    return -1;

  return value->value;
}

static void
account_free (gpointer data)
{
  SigapReportAccount *account = data;

  g_free (account->account_id);
  g_free (account->handle);
  g_free (account);
}

static SigapReportFigures *
figures_alloc (const char *opd_id,
               int         year,
               int         month)
{
  SigapReportFigures *self = g_new0 (SigapReportFigures, 1);

  self->opd_id = g_strdup (opd_id);
  self->year = year;
  self->month = month;
  self->median_first_answer_days = -1;
  self->median_resolution_days = -1;
  self->accounts = g_ptr_array_new_with_free_func (account_free);

  return self;
}

static SigapReportAccount *
account_new (const char    *account_id,
             SigapPlatform  platform,
             const char    *handle)
{
  SigapReportAccount *account = g_new0 (SigapReportAccount, 1);

  account->account_id = g_strdup (account_id);
  account->platform = platform;
  account->handle = g_strdup (handle);
  account->followers = -1;
  account->reach = -1;
  account->engagement = -1;

  return account;
}

static int
compare_accounts (gconstpointer a,
                  gconstpointer b)
{
  const SigapReportAccount *x = *(SigapReportAccount * const *) a;
  const SigapReportAccount *y = *(SigapReportAccount * const *) b;
  int cmp;

  if (x->platform != y->platform)
    return x->platform < y->platform ? -1 : 1;
  cmp = g_strcmp0 (x->handle, y->handle);
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (x->account_id, y->account_id);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return -1;

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);

  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static Builder *
builder_new (const char *opd_id,
             int         year,
             int         month)
{
  Builder *builder = g_new0 (Builder, 1);

  builder->figures = figures_alloc (opd_id, year, month);
  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    builder->links[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder->links_all = g_hash_table_new (g_str_hash, g_str_equal);
  builder->first_answer_days = g_array_new (FALSE, FALSE, sizeof (double));
  builder->resolution_days = g_array_new (FALSE, FALSE, sizeof (double));

  return builder;
}

static void
builder_free (gpointer data)
{
  Builder *builder = data;

  g_clear_pointer (&builder->figures, sigap_report_figures_free);
  /* links_all borrows the keys of the per-platform sets. */
  g_hash_table_unref (builder->links_all);
  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    g_hash_table_unref (builder->links[i]);
  g_array_unref (builder->first_answer_days);
  g_array_unref (builder->resolution_days);
  g_free (builder);
}

/* Moves what the queries gathered into the figures and gives them away. */
static SigapReportFigures *
builder_finish (Builder *builder,
                gint64   end)
{
  SigapReportFigures *figures = builder->figures;
  gint64 quiet_before = end - (gint64) SIGAP_REPORT_QUIET_DAYS * 86400;

  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    figures->links[i] = g_hash_table_size (builder->links[i]);
  figures->links_total = g_hash_table_size (builder->links_all);
  figures->median_first_answer_days = median (builder->first_answer_days);
  figures->median_resolution_days = median (builder->resolution_days);

  for (guint i = 0; i < figures->accounts->len; i++)
    {
      SigapReportAccount *account = g_ptr_array_index (figures->accounts, i);
      gint64 last = builder->last_published[account->platform];

      account->last_published_at = last;
      account->quiet = last == 0 || last < quiet_before;
    }
  g_ptr_array_sort (figures->accounts, compare_accounts);

  builder->figures = NULL;
  return figures;
}

/* The link's identity: the URL without its scheme. */
static const char *
link_key_start (const char *url,
                gsize       length,
                gsize      *key_length)
{
  gsize skip = 0;

  if (length >= 8 && g_ascii_strncasecmp (url, "https://", 8) == 0)
    skip = 8;
  else if (length >= 7 && g_ascii_strncasecmp (url, "http://", 7) == 0)
    skip = 7;

  *key_length = length - skip;
  return url + skip;
}

static void
builder_add_link (Builder       *builder,
                  SigapPlatform  platform,
                  const char    *url,
                  gsize          length)
{
  gsize key_length;
  const char *key = link_key_start (url, length, &key_length);
  char *copy;

  if (key_length == 0)
    return;

  copy = g_strndup (key, key_length);
  if (g_hash_table_contains (builder->links[platform], copy))
    {
      g_free (copy);
      return;
    }

  g_hash_table_add (builder->links[platform], copy);
  g_hash_table_add (builder->links_all, copy);
}

static gboolean
is_trailing_punctuation (char c)
{
  return c != '\0' && strchr (".,;:!?)\"'", c) != NULL;
}

/* Whether @url (without trailing punctuation) is a simple bare "www."
 * URL: two labels or more of letters, digits and hyphens after "www.",
 * then the end or a path, query, fragment or port. */
static gboolean
is_simple_www (const char *url,
               gsize       length)
{
  gsize i = 4;
  guint labels = 0;
  gsize label_length = 0;

  for (; i < length; i++)
    {
      char c = url[i];

      if (g_ascii_isalnum (c) || c == '-')
        {
          label_length++;
        }
      else if (c == '.')
        {
          if (label_length == 0)
            return FALSE;
          labels++;
          label_length = 0;
        }
      else if (c == '/' || c == '?' || c == '#' || c == ':')
        {
          break;
        }
      else
        {
          return FALSE;
        }
    }

  if (label_length == 0)
    return FALSE;

  return labels + 1 >= 2;
}

static void
builder_add_text_links (Builder       *builder,
                        SigapPlatform  platform,
                        const char    *text)
{
  const char *p = text;

  if (text == NULL)
    return;

  while (*p != '\0')
    {
      gboolean http = FALSE;
      gboolean www = FALSE;
      const char *end;
      gsize length;

      if ((*p == 'h' || *p == 'H') &&
          (g_ascii_strncasecmp (p, "http://", 7) == 0 ||
           g_ascii_strncasecmp (p, "https://", 8) == 0))
        http = TRUE;
      else if ((*p == 'w' || *p == 'W') && g_ascii_strncasecmp (p, "www.", 4) == 0 &&
               (p == text || g_ascii_isspace (p[-1]) || strchr ("([<\"'", p[-1]) != NULL))
        www = TRUE;

      if (!http && !www)
        {
          p++;
          continue;
        }

      end = p;
      while (*end != '\0' && !g_ascii_isspace (*end))
        end++;
      length = end - p;
      while (length > 0 && is_trailing_punctuation (p[length - 1]))
        length--;

      if (http || is_simple_www (p, length))
        builder_add_link (builder, platform, p, length);

      p = end;
    }
}

static void
set_db_error (sqlite3  *db,
              GError  **error)
{
  g_set_error (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED,
               _("Sigap could not read or write its database (%s). Try again; "
                 "if it keeps happening, restart Sigap."),
               sqlite3_errmsg (db));
}

/* Prepares @head, the condition on @opd_column (if any) when the context
 * is for one OPD, then @tail; binds :start, :end and :opd where they
 * appear. */
static sqlite3_stmt *
prepare (Context     *ctx,
         const char  *head,
         const char  *opd_column,
         const char  *tail,
         GError     **error)
{
  g_autofree char *condition = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int index;

  if (ctx->opd_id != NULL && opd_column != NULL)
    condition = g_strconcat (" AND ", opd_column, " = :opd", NULL);
  sql = g_strconcat (head, condition != NULL ? condition : "", " ", tail, NULL);

  if (sqlite3_prepare_v2 (ctx->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (ctx->db, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  if ((index = sqlite3_bind_parameter_index (stmt, ":start")) > 0)
    sqlite3_bind_int64 (stmt, index, ctx->start);
  if ((index = sqlite3_bind_parameter_index (stmt, ":end")) > 0)
    sqlite3_bind_int64 (stmt, index, ctx->end);
  if ((index = sqlite3_bind_parameter_index (stmt, ":opd")) > 0)
    sqlite3_bind_text (stmt, index, ctx->opd_id, -1, SQLITE_STATIC);

  return stmt;
}

/* The next row: TRUE with one, FALSE at the end or on an error (then
 * set, and the statement finalized either way). */
static gboolean
step (Context       *ctx,
      sqlite3_stmt **stmt,
      gboolean      *failed,
      GError       **error)
{
  int rc = sqlite3_step (*stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc != SQLITE_DONE)
    {
      set_db_error (ctx->db, error);
      *failed = TRUE;
    }
  g_clear_pointer (stmt, sqlite3_finalize);
  return FALSE;
}

static Builder *
builder_for_row (Context      *ctx,
                 sqlite3_stmt *stmt,
                 int           column)
{
  const char *opd_id;

  if (ctx->single != NULL)
    return ctx->single;

  opd_id = (const char *) sqlite3_column_text (stmt, column);
  if (opd_id == NULL)
    return NULL;

  return g_hash_table_lookup (ctx->builders, opd_id);
}

static double
days_between (Context *ctx,
              gint64   from,
              gint64   to)
{
  if (to <= from)
    return 0;

  if (ctx->working_days == NULL)
    return (double) (to - from) / 86400.0;

  return MAX (0, sigap_working_days_between (ctx->working_days, from, to, ctx->zone, NULL));
}

static gboolean
in_month (Context *ctx,
          gint64   time)
{
  return time != 0 && time >= ctx->start && time < ctx->end;
}

/* }}} */
/* Queries {{{ */

static gboolean
query_planned (Context  *ctx,
               GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;

  stmt = prepare (ctx,
                  "SELECT p.opd_id, v.platform, COUNT (*), SUM (p.status = 'published')"
                  " FROM post p JOIN post_variant v ON v.post_id = p.id"
                  " WHERE p.scheduled_at >= :start AND p.scheduled_at < :end"
                  " AND p.status <> 'cancelled'",
                  "p.opd_id",
                  "GROUP BY p.opd_id, v.platform",
                  error);
  if (stmt == NULL)
    return FALSE;

  while (step (ctx, &stmt, &failed, error))
    {
      Builder *builder = builder_for_row (ctx, stmt, 0);
      int platform = platform_from_nick ((const char *) sqlite3_column_text (stmt, 1));

      if (builder == NULL || platform < 0)
        continue;

      builder->figures->planned[platform] += (guint) sqlite3_column_int64 (stmt, 2);
      builder->figures->published[platform] += (guint) sqlite3_column_int64 (stmt, 3);
    }

  return !failed;
}

/* The published posts up to the month's end, each with its variants
 * (LEFT JOIN: a post without variants still has a category), in one pass:
 * the month's uploads, links and categories, and every platform's last
 * publication. A post's rows come together, the post being the outer
 * loop of the join. */
static gboolean
query_published (Context  *ctx,
                 GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;
  gint64 last_post = 0;

  stmt = prepare (ctx,
                  "SELECT p.opd_id, p.rowid, p.category, p.published_at, v.platform,"
                  " CASE WHEN p.published_at < :start THEN NULL"
                  "  WHEN v.links IS NOT NULL AND v.links <> '' THEN v.links"
                  "  WHEN v.body IS NULL OR v.body = '' THEN p.body ELSE v.body END,"
                  " CASE WHEN p.published_at < :start THEN NULL ELSE v.published_url END"
                  " FROM post p LEFT JOIN post_variant v ON v.post_id = p.id"
                  " WHERE p.status = 'published'"
                  " AND p.published_at > 0 AND p.published_at < :end",
                  "p.opd_id",
                  "",
                  error);
  if (stmt == NULL)
    return FALSE;

  while (step (ctx, &stmt, &failed, error))
    {
      Builder *builder = builder_for_row (ctx, stmt, 0);
      gint64 post = sqlite3_column_int64 (stmt, 1);
      gint64 published_at = sqlite3_column_int64 (stmt, 3);
      gboolean in_month = published_at >= ctx->start;
      int platform;
      const char *url;

      if (builder == NULL)
        continue;

      if (in_month && post != last_post)
        {
          int category = category_from_nick ((const char *) sqlite3_column_text (stmt, 2));

          if (category >= 0)
            builder->figures->categories[category]++;
        }
      last_post = post;

      platform = platform_from_nick ((const char *) sqlite3_column_text (stmt, 4));
      if (platform < 0)
        continue;

      builder->last_published[platform] = MAX (builder->last_published[platform],
                                               published_at);
      if (!in_month)
        continue;

      builder->figures->uploads[platform]++;
      builder_add_text_links (builder, platform, (const char *) sqlite3_column_text (stmt, 5));
      url = (const char *) sqlite3_column_text (stmt, 6);
      if (url != NULL)
        builder_add_link (builder, platform, url, strlen (url));
    }

  return !failed;
}

static gboolean
query_accounts (Context  *ctx,
                GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;

  stmt = prepare (ctx,
                  "SELECT a.opd_id, a.id, a.platform, a.handle FROM account a WHERE 1",
                  "a.opd_id",
                  "",
                  error);
  if (stmt == NULL)
    return FALSE;

  while (step (ctx, &stmt, &failed, error))
    {
      Builder *builder = builder_for_row (ctx, stmt, 0);
      int platform = platform_from_nick ((const char *) sqlite3_column_text (stmt, 2));

      if (builder == NULL || platform < 0)
        continue;

      g_ptr_array_add (builder->figures->accounts,
                       account_new ((const char *) sqlite3_column_text (stmt, 1),
                                    platform,
                                    (const char *) sqlite3_column_text (stmt, 3)));
    }

  return !failed;
}

#define IS_ANSWER \
  "(e.action = '" SIGAP_COMPLAINT_ACTION_ANSWERED "' OR e.to_status = 'resolved')"

static void
add_complaint (Context *ctx,
               Builder *builder,
               gint64   received_at,
               gint64   due_at,
               gint64   resolved_at,
               gint64   first_answer_at)
{
  SigapReportFigures *figures = builder->figures;

  if (in_month (ctx, received_at))
    figures->complaints_received++;

  if (in_month (ctx, resolved_at))
    {
      double days = days_between (ctx, received_at, resolved_at);

      figures->complaints_resolved++;
      g_array_append_val (builder->resolution_days, days);
    }

  if (in_month (ctx, due_at))
    {
      figures->complaints_due++;
      if (resolved_at == 0 || resolved_at > due_at)
        figures->complaints_late++;
    }

  if (in_month (ctx, first_answer_at))
    {
      double days = days_between (ctx, received_at, first_answer_at);

      g_array_append_val (builder->first_answer_days, days);
    }
}

/* One OPD's complaints: for each, a look in the event index
 * (complaint_id, created_at) for an answer in the month, which reads no
 * event of the complaints (most of them) that have none; and for those
 * that have one, whether they had an answer before. */
static gboolean
query_complaints_one (Context  *ctx,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  sqlite3_stmt *earlier = NULL;
  gboolean failed = FALSE;

  stmt = prepare (ctx,
                  "SELECT c.id, c.received_at, c.due_at, c.resolved_at,"
                  " (SELECT MIN (e.created_at) FROM complaint_event e"
                  "  WHERE e.complaint_id = c.id"
                  "  AND e.created_at >= :start AND e.created_at < :end AND " IS_ANSWER ")"
                  " FROM complaint c WHERE c.opd_id IS NOT NULL",
                  "c.opd_id",
                  "",
                  error);
  if (stmt == NULL)
    return FALSE;

  earlier = prepare (ctx,
                     "SELECT 1 FROM complaint_event e"
                     " WHERE e.complaint_id = :id AND e.created_at < :start AND " IS_ANSWER
                     " LIMIT 1",
                     NULL,
                     "",
                     error);
  if (earlier == NULL)
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }

  while (step (ctx, &stmt, &failed, error))
    {
      gint64 first_answer_at = 0;

      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          int rc;

          sqlite3_reset (earlier);
          sqlite3_bind_text (earlier, sqlite3_bind_parameter_index (earlier, ":id"),
                             (const char *) sqlite3_column_text (stmt, 0), -1,
                             SQLITE_TRANSIENT);
          rc = sqlite3_step (earlier);
          if (rc == SQLITE_DONE)
            first_answer_at = sqlite3_column_int64 (stmt, 4);
          else if (rc != SQLITE_ROW)
            {
              set_db_error (ctx->db, error);
              failed = TRUE;
              g_clear_pointer (&stmt, sqlite3_finalize);
              break;
            }
        }

      add_complaint (ctx, ctx->single,
                     sqlite3_column_int64 (stmt, 1),
                     sqlite3_column_int64 (stmt, 2),
                     sqlite3_column_int64 (stmt, 3),
                     first_answer_at);
    }

  sqlite3_finalize (earlier);
  return !failed;
}

/* Every OPD's complaints: every complaint's first answer from one pass
 * over the events, cheaper than a look in the index per complaint. */
static gboolean
query_complaints_all (Context  *ctx,
                      GError  **error)
{
  g_autoptr(GHashTable) first_answers = NULL;
  g_autoptr(GStringChunk) ids = NULL;
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;

  stmt = prepare (ctx,
                  "SELECT e.complaint_id, e.created_at FROM complaint_event e"
                  " WHERE " IS_ANSWER,
                  NULL,
                  "",
                  error);
  if (stmt == NULL)
    return FALSE;

  first_answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  ids = g_string_chunk_new (64 * 1024);
  while (step (ctx, &stmt, &failed, error))
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      gint64 at = sqlite3_column_int64 (stmt, 1);
      gint64 *known;

      if (id == NULL)
        continue;

      known = g_hash_table_lookup (first_answers, id);
      if (known == NULL)
        g_hash_table_insert (first_answers, g_string_chunk_insert (ids, id),
                             g_memdup2 (&at, sizeof at));
      else if (at < *known)
        *known = at;
    }
  if (failed)
    return FALSE;

  stmt = prepare (ctx,
                  "SELECT c.opd_id, c.id, c.received_at, c.due_at, c.resolved_at"
                  " FROM complaint c WHERE c.opd_id IS NOT NULL",
                  "c.opd_id",
                  "",
                  error);
  if (stmt == NULL)
    return FALSE;

  while (step (ctx, &stmt, &failed, error))
    {
      Builder *builder = builder_for_row (ctx, stmt, 0);
      const char *id = (const char *) sqlite3_column_text (stmt, 1);
      gint64 *first_answer_at;

      if (builder == NULL || id == NULL)
        continue;

      first_answer_at = g_hash_table_lookup (first_answers, id);
      add_complaint (ctx, builder,
                     sqlite3_column_int64 (stmt, 2),
                     sqlite3_column_int64 (stmt, 3),
                     sqlite3_column_int64 (stmt, 4),
                     first_answer_at != NULL ? *first_answer_at : 0);
    }

  return !failed;
}

/* The queries read one snapshot of the store, so that the figures add
 * up even if a sync writes meanwhile: a savepoint is a transaction of its
 * own outside the store's, and nests inside one. */
static gboolean
run_queries (Context  *ctx,
             GError  **error)
{
  gboolean ok;

  if (sqlite3_exec (ctx->db, "SAVEPOINT report_figures", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (ctx->db, error);
      return FALSE;
    }

  ok = query_planned (ctx, error) &&
       query_published (ctx, error) &&
       query_accounts (ctx, error) &&
       (ctx->single != NULL ? query_complaints_one (ctx, error)
                            : query_complaints_all (ctx, error));

  /* Nothing was written: releasing cannot fail but on a broken
   * connection, whose error the queries have given already. */
  sqlite3_exec (ctx->db, "RELEASE report_figures", NULL, NULL, NULL);

  return ok;
}

/* }}} */
/* JSON {{{ */

static void
add_per_platform (JsonBuilder *builder,
                  const char  *name,
                  const guint *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    {
      json_builder_set_member_name (builder, platform_nicks[i]);
      json_builder_add_int_value (builder, values[i]);
    }
  json_builder_end_object (builder);
}

static void
add_optional_int (JsonBuilder *builder,
                  const char  *name,
                  gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
add_optional_double (JsonBuilder *builder,
                     const char  *name,
                     double       value)
{
  json_builder_set_member_name (builder, name);
  if (value < 0 || !isfinite (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static gboolean
json_error (GError     **error,
            int          code,
            const char  *member,
            const char  *what)
{
  g_set_error (error, SIGAP_JSON_ERROR, code, "Report figures: “%s” %s", member, what);
  return FALSE;
}

static gboolean
read_count (JsonNode    *node,
            const char  *member,
            guint       *out,
            GError     **error)
{
  gint64 value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return json_error (error, SIGAP_JSON_ERROR_WRONG_TYPE, member, "is not an integer");

  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXUINT)
    return json_error (error, SIGAP_JSON_ERROR_INVALID_VALUE, member, "is out of range");

  *out = (guint) value;
  return TRUE;
}

/* An integer of at least 0, or null for -1. */
static gboolean
read_optional_int (JsonNode    *node,
                   const char  *member,
                   gint64      *out,
                   GError     **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out = -1;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return json_error (error, SIGAP_JSON_ERROR_WRONG_TYPE, member, "is not an integer");

  *out = json_node_get_int (node);
  if (*out < 0)
    return json_error (error, SIGAP_JSON_ERROR_INVALID_VALUE, member, "is negative");

  return TRUE;
}

static gboolean
read_optional_double (JsonNode    *node,
                      const char  *member,
                      double      *out,
                      GError     **error)
{
  GType type;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out = -1;
      return TRUE;
    }

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return json_error (error, SIGAP_JSON_ERROR_WRONG_TYPE, member, "is not a number");

  if (*out < 0 || !isfinite (*out))
    return json_error (error, SIGAP_JSON_ERROR_INVALID_VALUE, member, "is negative");

  return TRUE;
}

static gboolean
read_optional_string (JsonNode    *node,
                      const char  *member,
                      char       **out,
                      GError     **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return json_error (error, SIGAP_JSON_ERROR_WRONG_TYPE, member, "is not a string");

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_per_platform (JsonNode    *node,
                   const char  *member,
                   guint       *values,
                   GError     **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return json_error (error, SIGAP_JSON_ERROR_WRONG_TYPE, member, "is not an object");

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    {
      int platform = platform_from_nick (name);
      guint count;

      if (!read_count (value, name, &count, error))
        return FALSE;
      if (platform >= 0)
        values[platform] = count;
    }

  return TRUE;
}

static gboolean
read_categories (JsonNode            *node,
                 SigapReportFigures  *self,
                 GError             **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return json_error (error, SIGAP_JSON_ERROR_WRONG_TYPE, "categories", "is not an object");

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    {
      int category = category_from_nick (name);
      guint count;

      if (!read_count (value, name, &count, error))
        return FALSE;
      if (category >= 0)
        self->categories[category] = count;
    }

  return TRUE;
}

static gboolean
read_complaints (JsonNode            *node,
                 SigapReportFigures  *self,
                 GError             **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return json_error (error, SIGAP_JSON_ERROR_WRONG_TYPE, "complaints", "is not an object");

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    {
      gboolean ok = TRUE;

      if (g_str_equal (name, "received"))
        ok = read_count (value, name, &self->complaints_received, error);
      else if (g_str_equal (name, "resolved"))
        ok = read_count (value, name, &self->complaints_resolved, error);
      else if (g_str_equal (name, "due"))
        ok = read_count (value, name, &self->complaints_due, error);
      else if (g_str_equal (name, "late"))
        ok = read_count (value, name, &self->complaints_late, error);
      else if (g_str_equal (name, "median_first_answer_days"))
        ok = read_optional_double (value, name, &self->median_first_answer_days, error);
      else if (g_str_equal (name, "median_resolution_days"))
        ok = read_optional_double (value, name, &self->median_resolution_days, error);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* An account, or NULL without an error for one on a platform this Sigap
 * does not know. */
static SigapReportAccount *
read_account (JsonNode  *node,
              gboolean  *skip,
              GError   **error)
{
  SigapReportAccount *account;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  int platform = -1;
  gboolean has_platform = FALSE;

  *skip = FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      json_error (error, SIGAP_JSON_ERROR_WRONG_TYPE, "accounts", "holds a non-object");
      return NULL;
    }

  account = account_new (NULL, 0, NULL);
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    {
      gboolean ok = TRUE;

      if (g_str_equal (name, "account_id"))
        ok = read_optional_string (value, name, &account->account_id, error);
      else if (g_str_equal (name, "handle"))
        ok = read_optional_string (value, name, &account->handle, error);
      else if (g_str_equal (name, "platform"))
        {
          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            ok = json_error (error, SIGAP_JSON_ERROR_WRONG_TYPE, name, "is not a string");
          else
            {
              has_platform = TRUE;
              platform = platform_from_nick (json_node_get_string (value));
            }
        }
      else if (g_str_equal (name, "last_published_at"))
        {
          ok = read_optional_int (value, name, &account->last_published_at, error);
          account->last_published_at = MAX (0, account->last_published_at);
        }
      else if (g_str_equal (name, "quiet"))
        {
          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
            ok = json_error (error, SIGAP_JSON_ERROR_WRONG_TYPE, name, "is not a boolean");
          else
            account->quiet = json_node_get_boolean (value);
        }
      else if (g_str_equal (name, "followers"))
        ok = read_optional_int (value, name, &account->followers, error);
      else if (g_str_equal (name, "reach"))
        ok = read_optional_int (value, name, &account->reach, error);
      else if (g_str_equal (name, "engagement"))
        ok = read_optional_int (value, name, &account->engagement, error);

      if (!ok)
        {
          account_free (account);
          return NULL;
        }
    }

  if (account->account_id == NULL || !has_platform)
    {
      account_free (account);
      json_error (error, SIGAP_JSON_ERROR_INVALID_VALUE, "accounts",
                  "holds an account without account_id or platform");
      return NULL;
    }

  if (platform < 0)
    {
      account_free (account);
      *skip = TRUE;
      return NULL;
    }

  account->platform = platform;
  return account;
}

static gboolean
read_accounts (JsonNode            *node,
               SigapReportFigures  *self,
               GError             **error)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return json_error (error, SIGAP_JSON_ERROR_WRONG_TYPE, "accounts", "is not an array");

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      gboolean skip;
      SigapReportAccount *account = read_account (json_array_get_element (array, i), &skip,
                                                  error);

      if (account != NULL)
        g_ptr_array_add (self->accounts, account);
      else if (!skip)
        return FALSE;
    }

  return TRUE;
}

/* }}} */
/* Public API {{{ */

/**
 * sigap_report_figures_new:
 * @opd_id: (nullable): the OPD
 * @year: the year
 * @month: the month, 1 to 12
 *
 * Empty figures: every count 0, the medians -1, no accounts.
 *
 * Returns: (transfer full): the figures
 */
SigapReportFigures *
sigap_report_figures_new (const char *opd_id,
                          int         year,
                          int         month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  return figures_alloc (opd_id, year, month);
}

/**
 * sigap_report_figures_copy:
 * @self: figures
 *
 * Returns: (transfer full): a deep copy of @self
 */
SigapReportFigures *
sigap_report_figures_copy (const SigapReportFigures *self)
{
  SigapReportFigures *copy;
  GPtrArray *accounts;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->opd_id = g_strdup (self->opd_id);
  accounts = g_ptr_array_new_full (self->accounts->len, account_free);
  for (guint i = 0; i < self->accounts->len; i++)
    {
      const SigapReportAccount *account = g_ptr_array_index (self->accounts, i);
      SigapReportAccount *account_copy = g_memdup2 (account, sizeof *account);

      account_copy->account_id = g_strdup (account->account_id);
      account_copy->handle = g_strdup (account->handle);
      g_ptr_array_add (accounts, account_copy);
    }
  copy->accounts = accounts;

  return copy;
}

/**
 * sigap_report_figures_free:
 * @self: (nullable): figures
 *
 * Frees @self and its accounts.
 */
void
sigap_report_figures_free (SigapReportFigures *self)
{
  if (self == NULL)
    return;

  g_free (self->opd_id);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_free (self);
}

/**
 * sigap_report_month_bounds:
 * @year: the year
 * @month: the month, 1 to 12
 * @zone: (nullable): the zone whose midnights bound the month; %NULL for
 *   WIB (UTC+7)
 * @start: (out) (optional): the first second of the month, UNIX time
 * @end: (out) (optional): the first second of the next month
 *
 * The month [@start, @end) in @zone.
 */
void
sigap_report_month_bounds (int         year,
                           int         month,
                           GTimeZone  *zone,
                           gint64     *start,
                           gint64     *end)
{
  g_autoptr(GTimeZone) wib = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) next = NULL;

  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (year >= 1 && year < 9999);

  if (zone == NULL)
    zone = wib = g_time_zone_new_offset (7 * 3600);

  first = g_date_time_new (zone, year, month, 1, 0, 0, 0);
  next = month == 12 ? g_date_time_new (zone, year + 1, 1, 1, 0, 0, 0)
                     : g_date_time_new (zone, year, month + 1, 1, 0, 0, 0);

  if (start != NULL)
    *start = g_date_time_to_unix (first);
  if (end != NULL)
    *end = g_date_time_to_unix (next);
}

/**
 * sigap_report_last_complete_month:
 * @now: the current time, UNIX seconds
 * @zone: (nullable): the zone; %NULL for WIB (UTC+7)
 * @year: (out): the year of the month before the one of @now
 * @month: (out): that month, 1 to 12
 *
 * The month a report is due for: the last one that has ended at @now.
 */
void
sigap_report_last_complete_month (gint64      now,
                                  GTimeZone  *zone,
                                  int        *year,
                                  int        *month)
{
  g_autoptr(GTimeZone) wib = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  int y, m;

  g_return_if_fail (year != NULL && month != NULL);

  if (zone == NULL)
    zone = wib = g_time_zone_new_offset (7 * 3600);

  utc = g_date_time_new_from_unix_utc (now);
  g_return_if_fail (utc != NULL);
  local = g_date_time_to_timezone (utc, zone);

  y = g_date_time_get_year (local);
  m = g_date_time_get_month (local) - 1;
  if (m == 0)
    {
      m = 12;
      y--;
    }

  *year = y;
  *month = m;
}

static gboolean
compute (Context  *ctx,
         int       year,
         int       month,
         GError  **error)
{
  sigap_report_month_bounds (year, month, ctx->zone, &ctx->start, &ctx->end);

  return run_queries (ctx, error);
}

/**
 * sigap_report_figures_compute:
 * @store: a #SigapStore
 * @opd_id: the OPD
 * @year: the year
 * @month: the month, 1 to 12
 * @working_days: (nullable): the working-day calendar for the medians;
 *   %NULL counts calendar days
 * @zone: (nullable): the zone of the month's bounds and of the working
 *   days; %NULL for WIB
 * @error: return location for a #GError
 *
 * Computes the month's figures of one OPD from @store (see the comment at
 * the top of this file for the exact definitions). The typed figures of
 * its accounts are -1.
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with
 *   %SIGAP_STORE_ERROR_NOT_FOUND when there is no such OPD, or another
 *   %SIGAP_STORE_ERROR
 */
SigapReportFigures *
sigap_report_figures_compute (SigapStore        *store,
                              const char        *opd_id,
                              int                year,
                              int                month,
                              SigapWorkingDays  *working_days,
                              GTimeZone         *zone,
                              GError           **error)
{
  g_autoptr(GTimeZone) wib = NULL;
  g_autoptr(SigapOpd) opd = NULL;
  Context ctx = { 0, };
  Builder *builder;
  SigapReportFigures *figures = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);
  g_return_val_if_fail (opd_id != NULL, NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  g_return_val_if_fail (year >= 1 && year < 9999, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  opd = sigap_store_get_opd (store, opd_id, error);
  if (opd == NULL)
    return NULL;

  if (zone == NULL)
    zone = wib = g_time_zone_new_offset (7 * 3600);

  builder = builder_new (opd_id, year, month);
  ctx.db = sigap_store_get_connection (store);
  ctx.opd_id = opd_id;
  ctx.single = builder;
  ctx.working_days = working_days;
  ctx.zone = zone;

  if (compute (&ctx, year, month, error))
    figures = builder_finish (builder, ctx.end);
  builder_free (builder);

  return figures;
}

/**
 * sigap_report_figures_compute_all:
 * @store: a #SigapStore
 * @year: the year
 * @month: the month, 1 to 12
 * @working_days: (nullable): as for sigap_report_figures_compute()
 * @zone: (nullable): as for sigap_report_figures_compute()
 * @error: return location for a #GError
 *
 * The month's figures of every OPD, by OPD name, as
 * sigap_report_figures_compute() gives them one by one, but with one
 * pass of each query over the whole store.
 *
 * Returns: (transfer full) (element-type SigapReportFigures) (nullable):
 *   the figures of each OPD, or %NULL with a %SIGAP_STORE_ERROR
 */
GPtrArray *
sigap_report_figures_compute_all (SigapStore        *store,
                                  int                year,
                                  int                month,
                                  SigapWorkingDays  *working_days,
                                  GTimeZone         *zone,
                                  GError           **error)
{
  g_autoptr(GTimeZone) wib = NULL;
  g_autoptr(GPtrArray) opds = NULL;
  g_autoptr(GHashTable) builders = NULL;
  g_autoptr(GPtrArray) result = NULL;
  Context ctx = { 0, };

  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  g_return_val_if_fail (year >= 1 && year < 9999, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  opds = sigap_store_list_opds (store, error);
  if (opds == NULL)
    return NULL;

  if (zone == NULL)
    zone = wib = g_time_zone_new_offset (7 * 3600);

  builders = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, builder_free);
  for (guint i = 0; i < opds->len; i++)
    {
      const char *id = sigap_opd_get_id (g_ptr_array_index (opds, i));
      Builder *builder = builder_new (id, year, month);

      g_hash_table_replace (builders, builder->figures->opd_id, builder);
    }

  ctx.db = sigap_store_get_connection (store);
  ctx.builders = builders;
  ctx.working_days = working_days;
  ctx.zone = zone;

  if (!compute (&ctx, year, month, error))
    return NULL;

  result = g_ptr_array_new_full (opds->len, (GDestroyNotify) sigap_report_figures_free);
  for (guint i = 0; i < opds->len; i++)
    {
      const char *id = sigap_opd_get_id (g_ptr_array_index (opds, i));
      Builder *builder = g_hash_table_lookup (builders, id);

      /* The figures' opd_id keys the table: steal the entry first. */
      if (builder != NULL && g_hash_table_steal (builders, id))
        {
          g_ptr_array_add (result, builder_finish (builder, ctx.end));
          builder_free (builder);
        }
    }

  return g_steal_pointer (&result);
}

/**
 * sigap_report_figures_total:
 * @per_platform: (array fixed-size=5): a figure per platform
 *
 * Returns: the sum over the platforms
 */
guint
sigap_report_figures_total (const guint *per_platform)
{
  guint total = 0;

  g_return_val_if_fail (per_platform != NULL, 0);

  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    total += per_platform[i];

  return total;
}

/**
 * sigap_report_figures_n_quiet:
 * @self: figures
 *
 * Returns: how many of the accounts are quiet
 */
guint
sigap_report_figures_n_quiet (const SigapReportFigures *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      const SigapReportAccount *account = g_ptr_array_index (self->accounts, i);

      if (account->quiet)
        n++;
    }

  return n;
}

/**
 * sigap_report_figures_find_account:
 * @self: figures
 * @account_id: an account's ID
 *
 * Returns: (transfer none) (nullable): the account with that ID
 */
SigapReportAccount *
sigap_report_figures_find_account (const SigapReportFigures *self,
                                   const char               *account_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      SigapReportAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_strcmp0 (account->account_id, account_id) == 0)
        return account;
    }

  return NULL;
}

/**
 * sigap_report_figures_take_typed:
 * @self: computed figures
 * @typed: figures whose accounts hold what the admin typed
 *
 * Copies the followers, reach and engagement of each account of @typed
 * into the account of @self with the same ID; accounts of either that
 * the other lacks are left alone.
 */
void
sigap_report_figures_take_typed (SigapReportFigures       *self,
                                 const SigapReportFigures *typed)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (typed != NULL);

  for (guint i = 0; i < typed->accounts->len; i++)
    {
      const SigapReportAccount *from = g_ptr_array_index (typed->accounts, i);
      SigapReportAccount *to;

      if (from->account_id == NULL)
        continue;

      to = sigap_report_figures_find_account (self, from->account_id);
      if (to == NULL)
        continue;

      to->followers = from->followers;
      to->reach = from->reach;
      to->engagement = from->engagement;
    }
}

/**
 * sigap_report_figures_to_json:
 * @self: figures
 *
 * The figures as a report's `figures` document (format 1): the counts
 * per platform and per category by nick, the medians and the typed
 * figures null when unknown.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
sigap_report_figures_to_json (const SigapReportFigures *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "opd_id");
  if (self->opd_id != NULL)
    json_builder_add_string_value (builder, self->opd_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, self->year);
  json_builder_set_member_name (builder, "month");
  json_builder_add_int_value (builder, self->month);

  add_per_platform (builder, "planned", self->planned);
  add_per_platform (builder, "published", self->published);
  add_per_platform (builder, "uploads", self->uploads);
  add_per_platform (builder, "links", self->links);
  json_builder_set_member_name (builder, "links_total");
  json_builder_add_int_value (builder, self->links_total);

  json_builder_set_member_name (builder, "categories");
  json_builder_begin_object (builder);
  for (guint i = 0; i < SIGAP_N_CONTENT_CATEGORIES; i++)
    {
      json_builder_set_member_name (builder, category_nick (i));
      json_builder_add_int_value (builder, self->categories[i]);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "complaints");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "received");
  json_builder_add_int_value (builder, self->complaints_received);
  json_builder_set_member_name (builder, "resolved");
  json_builder_add_int_value (builder, self->complaints_resolved);
  json_builder_set_member_name (builder, "due");
  json_builder_add_int_value (builder, self->complaints_due);
  json_builder_set_member_name (builder, "late");
  json_builder_add_int_value (builder, self->complaints_late);
  add_optional_double (builder, "median_first_answer_days", self->median_first_answer_days);
  add_optional_double (builder, "median_resolution_days", self->median_resolution_days);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->accounts->len; i++)
    {
      const SigapReportAccount *account = g_ptr_array_index (self->accounts, i);

      /* Not an account from_json() would read back. */
      if (account->account_id == NULL || (guint) account->platform >= SIGAP_N_PLATFORMS)
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "account_id");
      json_builder_add_string_value (builder, account->account_id);
      json_builder_set_member_name (builder, "platform");
      json_builder_add_string_value (builder, platform_nicks[account->platform]);
      json_builder_set_member_name (builder, "handle");
      if (account->handle != NULL)
        json_builder_add_string_value (builder, account->handle);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "last_published_at");
      json_builder_add_int_value (builder, account->last_published_at);
      json_builder_set_member_name (builder, "quiet");
      json_builder_add_boolean_value (builder, account->quiet);
      add_optional_int (builder, "followers", account->followers);
      add_optional_int (builder, "reach", account->reach);
      add_optional_int (builder, "engagement", account->engagement);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * sigap_report_figures_to_string:
 * @self: figures
 *
 * Returns: (transfer full): sigap_report_figures_to_json() as compact text
 */
char *
sigap_report_figures_to_string (const SigapReportFigures *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  node = sigap_report_figures_to_json (self);
  return json_to_string (node, FALSE);
}

/**
 * sigap_report_figures_from_json:
 * @node: a JSON object
 * @error: return location for a #GError
 *
 * Reads figures written by sigap_report_figures_to_json(), or the older
 * shape of the demo's reports ({"uploads": {…}, "links": N, "followers":
 * {…}, "complaints": {…}}: what it has that maps, the rest left 0 or -1;
 * its followers per platform belong to no account and are dropped).
 * Unknown members, platforms and categories are ignored, and so are
 * accounts on unknown platforms; a member of the wrong type or out of
 * range is an error. Without "month", the month is 0.
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with a
 *   %SIGAP_JSON_ERROR
 */
SigapReportFigures *
sigap_report_figures_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(SigapReportFigures) self = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_WRONG_TYPE,
                           "Report figures are not a JSON object");
      return NULL;
    }

  self = figures_alloc (NULL, 0, 0);

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    {
      gboolean ok = TRUE;

      if (g_str_equal (name, "format"))
        {
          gint64 format;

          ok = read_optional_int (value, name, &format, error);
          if (ok && format != FORMAT_VERSION)
            ok = json_error (error, SIGAP_JSON_ERROR_INVALID_VALUE, name,
                             "is not a format this Sigap reads");
        }
      else if (g_str_equal (name, "opd_id"))
        ok = read_optional_string (value, name, &self->opd_id, error);
      else if (g_str_equal (name, "year") || g_str_equal (name, "month"))
        {
          gint64 number;

          ok = read_optional_int (value, name, &number, error);
          if (ok && g_str_equal (name, "year"))
            {
              if (number > 9999)
                ok = json_error (error, SIGAP_JSON_ERROR_INVALID_VALUE, name, "is out of range");
              else
                self->year = (int) MAX (0, number);
            }
          else if (ok)
            {
              if (number > 12)
                ok = json_error (error, SIGAP_JSON_ERROR_INVALID_VALUE, name, "is out of range");
              else
                self->month = (int) MAX (0, number);
            }
        }
      else if (g_str_equal (name, "planned"))
        ok = read_per_platform (value, name, self->planned, error);
      else if (g_str_equal (name, "published"))
        ok = read_per_platform (value, name, self->published, error);
      else if (g_str_equal (name, "uploads"))
        ok = read_per_platform (value, name, self->uploads, error);
      else if (g_str_equal (name, "links"))
        {
          /* The demo's older shape has the total alone. */
          if (JSON_NODE_HOLDS_VALUE (value))
            ok = read_count (value, name, &self->links_total, error);
          else
            ok = read_per_platform (value, name, self->links, error);
        }
      else if (g_str_equal (name, "links_total"))
        ok = read_count (value, name, &self->links_total, error);
      else if (g_str_equal (name, "categories"))
        ok = read_categories (value, self, error);
      else if (g_str_equal (name, "complaints"))
        ok = read_complaints (value, self, error);
      else if (g_str_equal (name, "accounts"))
        ok = read_accounts (value, self, error);

      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * sigap_report_figures_from_string:
 * @json: the text of a report's figures
 * @error: return location for a #GError
 *
 * Parses @json (refusing containers nested too deeply and text that is
 * not JSON) and reads it with sigap_report_figures_from_json().
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with a
 *   %SIGAP_JSON_ERROR or #JsonParserError
 */
SigapReportFigures *
sigap_report_figures_from_string (const char  *json,
                                  GError     **error)
{
  g_autoptr(SigapJsonDoc) doc = NULL;
  g_autoptr(JsonParser) parser = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (json == NULL)
    {
      g_set_error_literal (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_SYNTAX,
                           "Report figures are empty");
      return NULL;
    }

  /* The strict reader first: it bounds the nesting that json-glib's
   * recursive parser would follow. */
  doc = sigap_json_doc_parse (json, strlen (json), error);
  if (doc == NULL)
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;

  return sigap_report_figures_from_json (json_parser_get_root (parser), error);
}

/* }}} */
