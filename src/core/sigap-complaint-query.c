/* sigap-complaint-query.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-complaint-query"

#include "config.h"

#include <string.h>

#include "sigap-complaint-query.h"
#include "sigap-enums.h"

/**
 * SigapComplaintQuery:
 *
 * What the complaint inbox shows: the words the user typed, sets of
 * statuses, channels, kinds and deadline states, a category, an
 * assignee, and an order. Every part left empty (%NULL, 0) does not
 * filter; a new query matches every complaint, newest received first.
 *
 * The deadline states are those of sigap_sla_complaint_deadline_state():
 * they depend on the current time, the OPD's time zone and the
 * working-day calendar, which sigap_complaint_query_set_now() gives.
 * sigap_complaint_query_build_sql() turns them into bounds on due_at
 * computed here, so that SQLite only compares numbers.
 *
 * A query is a value: sigap_complaint_list_set_query() and the store
 * read it when they are called, and later changes do not reach them.
 */
struct _SigapComplaintQuery
{
  GObject parent_instance;

  char *text;
  guint statuses;
  guint channels;
  guint kinds;
  char *category;
  guint deadlines;
  char *assignee_id;
  SigapComplaintSort sort;
  guint due_soon_days;

  gint64 now;
  GTimeZone *zone;
  SigapWorkingDays *days;
};

G_DEFINE_FINAL_TYPE (SigapComplaintQuery, sigap_complaint_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_STATUSES,
  PROP_CHANNELS,
  PROP_KINDS,
  PROP_CATEGORY,
  PROP_DEADLINES,
  PROP_ASSIGNEE_ID,
  PROP_SORT,
  PROP_DUE_SOON_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A deadline far beyond any due_at, for the complaints without one in
 * the deadline order. */
#define NO_DEADLINE G_MAXINT64

/* Helpers {{{ */

static gboolean
set_string (char       **field,
            const char  *value)
{
  /* An empty string filters nothing, as %NULL does. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
set_uint (SigapComplaintQuery *self,
          guint               *field,
          guint                value,
          int                  prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* "'a', 'b'": the nicks of the values of @type whose bit is set in
 * @bits, in the order of their values. The nicks are ours, lower-case
 * words and dashes: no quoting is needed. */
static void
append_nicks (GString *sql,
              GType    type,
              guint    bits)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  gboolean first = TRUE;

  for (guint i = 0; i < klass->n_values; i++)
    {
      const GEnumValue *value = &klass->values[i];

      if (value->value < 0 || value->value >= 32 ||
          (bits & SIGAP_COMPLAINT_QUERY_BIT (value->value)) == 0)
        continue;

      g_assert (strspn (value->value_nick, "abcdefghijklmnopqrstuvwxyz-") ==
                strlen (value->value_nick));

      g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", value->value_nick);
      first = FALSE;
    }
}

/* The bits of every value of @type. */
static guint
all_bits (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  guint bits = 0;

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value >= 0 && klass->values[i].value < 32)
      bits |= SIGAP_COMPLAINT_QUERY_BIT (klass->values[i].value);

  return bits;
}

/* The statuses in which a deadline runs, as sigap_sla_status_is_open()
 * says. */
static guint
open_status_bits (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SIGAP_TYPE_COMPLAINT_STATUS);
  guint bits = 0;

  for (guint i = 0; i < klass->n_values; i++)
    if (sigap_sla_status_is_open (klass->values[i].value))
      bits |= SIGAP_COMPLAINT_QUERY_BIT (klass->values[i].value);

  return bits;
}

/* "status IN ('received', …)": the complaints whose deadline runs,
 * written as the partial indexes of migration 7 are, so that SQLite
 * sees that they apply. */
static void
append_open (GString    *sql,
             const char *plus,
             gboolean    open)
{
  g_string_append_printf (sql, "%sstatus %sIN (", plus, open ? "" : "NOT ");
  append_nicks (sql, SIGAP_TYPE_COMPLAINT_STATUS, open_status_bits ());
  g_string_append (sql, ")");
}

static void
append_term (GString  *sql,
             gboolean *first)
{
  g_string_append (sql, *first ? " WHERE " : " AND ");
  *first = FALSE;
}

/* @value %NULL: the set of matches */
static void
append_param (GString    *sql,
              GPtrArray  *params,
              const char *value)
{
  g_ptr_array_add (params, g_strdup (value));
  g_string_append_printf (sql, "?%u", params->len);
}

typedef struct
{
  gint64 from;  /* inclusive */
  gint64 to;    /* exclusive; NO_DEADLINE for no bound */
} Range;

/* The due_at ranges of the deadline states in @deadlines, of open
 * complaints: late before @now, due soon from @now until @soon, on time
 * from @soon. Adjacent ranges are merged. */
static guint
deadline_ranges (guint   deadlines,
                 gint64  now,
                 gint64  soon,
                 Range   ranges[3])
{
  const Range states[] = {
    { 1, MAX (now, 1) },
    { MAX (now, 1), MAX (soon, MAX (now, 1)) },
    { MAX (soon, 1), NO_DEADLINE },
  };
  const SigapDeadlineState order[] = {
    SIGAP_DEADLINE_STATE_LATE,
    SIGAP_DEADLINE_STATE_DUE_SOON,
    SIGAP_DEADLINE_STATE_ON_TIME,
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if ((deadlines & SIGAP_COMPLAINT_QUERY_BIT (order[i])) == 0 ||
          states[i].from >= states[i].to)
        continue;

      if (n > 0 && ranges[n - 1].to == states[i].from)
        ranges[n - 1].to = states[i].to;
      else
        ranges[n++] = states[i];
    }

  return n;
}

static void
append_range (GString     *sql,
              const char  *plus,
              const Range *range)
{
  g_string_append_printf (sql, "%sdue_at >= %" G_GINT64_FORMAT, plus, range->from);
  if (range->to != NO_DEADLINE)
    g_string_append_printf (sql, " AND %sdue_at < %" G_GINT64_FORMAT, plus, range->to);
}

static void
append_deadlines (GString             *sql,
                  SigapComplaintQuery *self,
                  const char          *plus,
                  gint64               now,
                  gboolean            *first)
{
  guint none = SIGAP_COMPLAINT_QUERY_BIT (SIGAP_DEADLINE_STATE_NONE);
  Range ranges[3];
  guint n_ranges;

  n_ranges = deadline_ranges (self->deadlines, now,
                              sigap_complaint_query_due_soon_end (self, now), ranges);

  append_term (sql, first);

  if ((self->deadlines & none) == 0)
    {
      /* The open statuses are a term of their own: see open_only(). */
      if (n_ranges == 0)
        g_string_append (sql, "0");
      else if (n_ranges == 1)
        append_range (sql, plus, &ranges[0]);
      else
        {
          g_string_append (sql, "(");
          for (guint i = 0; i < n_ranges; i++)
            {
              g_string_append (sql, i > 0 ? " OR (" : "(");
              append_range (sql, plus, &ranges[i]);
              g_string_append (sql, ")");
            }
          g_string_append (sql, ")");
        }
      return;
    }

  /* No deadline: closed, or open without a due_at. */
  g_string_append (sql, "(");
  append_open (sql, plus, FALSE);
  g_string_append_printf (sql, " OR %sdue_at <= 0", plus);
  for (guint i = 0; i < n_ranges; i++)
    {
      g_string_append (sql, " OR (");
      append_open (sql, plus, TRUE);
      g_string_append (sql, " AND ");
      append_range (sql, plus, &ranges[i]);
      g_string_append (sql, ")");
    }
  g_string_append (sql, ")");
}

/* Whether the deadline states asked for are those of open complaints
 * with a deadline only. */
static gboolean
deadlines_open_only (guint deadlines)
{
  guint none = SIGAP_COMPLAINT_QUERY_BIT (SIGAP_DEADLINE_STATE_NONE);
  guint all = all_bits (SIGAP_TYPE_DEADLINE_STATE);

  return deadlines != 0 && (deadlines & all) != all && (deadlines & none) == 0;
}

/* Whether @self asks for open complaints only: then the SQL says
 * "status IN (the open statuses)" as a term of its own, as the partial
 * indexes of open complaints of migration 7 say it, so that they serve
 * the query: the inbox's saved filters (late, due soon, not verified)
 * are of open complaints. */
static gboolean
open_only (SigapComplaintQuery *self)
{
  return self != NULL &&
         (deadlines_open_only (self->deadlines) ||
          (self->statuses != 0 && (self->statuses & ~open_status_bits ()) == 0));
}

static void
append_set (GString    *sql,
            const char *plus,
            const char *column,
            GType       type,
            guint       bits,
            gboolean   *first)
{
  append_term (sql, first);

  if ((bits & all_bits (type)) == 0)
    {
      /* Only values this build does not know: nothing matches. */
      g_string_append (sql, "0");
      return;
    }

  g_string_append_printf (sql, "%s%s IN (", plus, column);
  append_nicks (sql, type, bits);
  g_string_append (sql, ")");
}

static void
append_order (GString             *sql,
              SigapComplaintQuery *self)
{
  guint deadlines = self != NULL ? self->deadlines : 0;

  switch (self != NULL ? self->sort : SIGAP_COMPLAINT_SORT_NEWEST)
    {
    case SIGAP_COMPLAINT_SORT_OLDEST:
      /* The newest order backwards, so that the same indexes serve. */
      g_string_append (sql, " ORDER BY received_at, id DESC");
      break;

    case SIGAP_COMPLAINT_SORT_DEADLINE:
      if (deadlines_open_only (deadlines))
        {
          /* Every complaint left is open and has a deadline. */
          g_string_append (sql, " ORDER BY due_at, received_at DESC, id");
        }
      else
        {
          g_string_append (sql, " ORDER BY CASE WHEN ");
          append_open (sql, "", TRUE);
          g_string_append_printf (sql, " AND due_at > 0 THEN due_at ELSE %" G_GINT64_FORMAT
                                  " END, received_at DESC, id",
                                  (gint64) NO_DEADLINE);
        }
      break;

    case SIGAP_COMPLAINT_SORT_NEWEST:
    default:
      g_string_append (sql, " ORDER BY received_at DESC, id");
      break;
    }
}

/* sigap_rowid_in (ROWID, MATCHES): whether the sorted array of rowids
 * bound as MATCHES holds ROWID. */
static void
rowid_in_func (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  GArray *matches = sqlite3_value_pointer (argv[1], SIGAP_COMPLAINT_QUERY_MATCHES_TYPE);
  gint64 rowid = sqlite3_value_int64 (argv[0]);
  guint lo = 0;
  guint hi;

  if (matches == NULL)
    {
      sqlite3_result_error (context, "sigap_rowid_in: no set of matches is bound", -1);
      return;
    }

  hi = matches->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 value = g_array_index (matches, gint64, mid);

      if (value == rowid)
        {
          sqlite3_result_int (context, 1);
          return;
        }
      else if (value < rowid)
        lo = mid + 1;
      else
        hi = mid;
    }

  sqlite3_result_int (context, 0);
}

/* }}} */

static void
sigap_complaint_query_finalize (GObject *object)
{
  SigapComplaintQuery *self = (SigapComplaintQuery *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->assignee_id, g_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->days, sigap_working_days_unref);

  G_OBJECT_CLASS (sigap_complaint_query_parent_class)->finalize (object);
}

static void
sigap_complaint_query_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SigapComplaintQuery *self = SIGAP_COMPLAINT_QUERY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_STATUSES:
      g_value_set_uint (value, self->statuses);
      break;

    case PROP_CHANNELS:
      g_value_set_uint (value, self->channels);
      break;

    case PROP_KINDS:
      g_value_set_uint (value, self->kinds);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_DEADLINES:
      g_value_set_uint (value, self->deadlines);
      break;

    case PROP_ASSIGNEE_ID:
      g_value_set_string (value, self->assignee_id);
      break;

    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;

    case PROP_DUE_SOON_DAYS:
      g_value_set_uint (value, self->due_soon_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_complaint_query_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SigapComplaintQuery *self = SIGAP_COMPLAINT_QUERY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      sigap_complaint_query_set_text (self, g_value_get_string (value));
      break;

    case PROP_STATUSES:
      sigap_complaint_query_set_statuses (self, g_value_get_uint (value));
      break;

    case PROP_CHANNELS:
      sigap_complaint_query_set_channels (self, g_value_get_uint (value));
      break;

    case PROP_KINDS:
      sigap_complaint_query_set_kinds (self, g_value_get_uint (value));
      break;

    case PROP_CATEGORY:
      sigap_complaint_query_set_category (self, g_value_get_string (value));
      break;

    case PROP_DEADLINES:
      sigap_complaint_query_set_deadlines (self, g_value_get_uint (value));
      break;

    case PROP_ASSIGNEE_ID:
      sigap_complaint_query_set_assignee_id (self, g_value_get_string (value));
      break;

    case PROP_SORT:
      sigap_complaint_query_set_sort (self, g_value_get_enum (value));
      break;

    case PROP_DUE_SOON_DAYS:
      sigap_complaint_query_set_due_soon_days (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_complaint_query_class_init (SigapComplaintQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_complaint_query_finalize;
  object_class->get_property = sigap_complaint_query_get_property;
  object_class->set_property = sigap_complaint_query_set_property;

  /**
   * SigapComplaintQuery:text:
   *
   * What the user typed in the search field; every word must appear in
   * the complaint's tracking number, text, category, kecamatan, desa,
   * citizen's name or handle, the last one as the start of a word.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SigapComplaintQuery:statuses:
   *
   * The #SigapComplaintStatus values to show, as
   * SIGAP_COMPLAINT_QUERY_BIT() bits; 0 for all.
   */
  properties[PROP_STATUSES] =
    g_param_spec_uint ("statuses", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * SigapComplaintQuery:channels:
   *
   * The #SigapChannel values to show, as bits; 0 for all.
   */
  properties[PROP_CHANNELS] =
    g_param_spec_uint ("channels", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * SigapComplaintQuery:kinds:
   *
   * The #SigapComplaintKind values to show, as bits; 0 for all.
   */
  properties[PROP_KINDS] =
    g_param_spec_uint ("kinds", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * SigapComplaintQuery:category:
   *
   * The category to show, as stored; %NULL for all.
   */
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SigapComplaintQuery:deadlines:
   *
   * The #SigapDeadlineState values to show, as bits; 0 for all.
   */
  properties[PROP_DEADLINES] =
    g_param_spec_uint ("deadlines", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * SigapComplaintQuery:assignee-id:
   *
   * The user whose complaints to show; %NULL for everyone's.
   */
  properties[PROP_ASSIGNEE_ID] =
    g_param_spec_string ("assignee-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SigapComplaintQuery:sort:
   *
   * The order.
   */
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       SIGAP_TYPE_COMPLAINT_SORT,
                       SIGAP_COMPLAINT_SORT_NEWEST,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * SigapComplaintQuery:due-soon-days:
   *
   * The due_soon_days of the #SigapSlaSettings in use.
   */
  properties[PROP_DUE_SOON_DAYS] =
    g_param_spec_uint ("due-soon-days", NULL, NULL,
                       0, G_MAXUINT, SIGAP_SLA_DEFAULT_DUE_SOON_DAYS,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sigap_complaint_query_init (SigapComplaintQuery *self)
{
  self->sort = SIGAP_COMPLAINT_SORT_NEWEST;
  self->due_soon_days = SIGAP_SLA_DEFAULT_DUE_SOON_DAYS;
}

/**
 * sigap_complaint_query_new:
 *
 * Returns: (transfer full): a query that matches every complaint,
 *   newest received first
 */
SigapComplaintQuery *
sigap_complaint_query_new (void)
{
  return g_object_new (SIGAP_TYPE_COMPLAINT_QUERY, NULL);
}

/**
 * sigap_complaint_query_new_late:
 *
 * The saved filter "Late" ("Terlambat"): open complaints whose deadline
 * has passed. Give it the time with sigap_complaint_query_set_now().
 *
 * Returns: (transfer full): a new query
 */
SigapComplaintQuery *
sigap_complaint_query_new_late (void)
{
  SigapComplaintQuery *self = sigap_complaint_query_new ();

  self->deadlines = SIGAP_COMPLAINT_QUERY_BIT (SIGAP_DEADLINE_STATE_LATE);

  return self;
}

/**
 * sigap_complaint_query_new_due_soon:
 *
 * Open complaints whose deadline is near, as the amber badge says.
 *
 * Returns: (transfer full): a new query
 */
SigapComplaintQuery *
sigap_complaint_query_new_due_soon (void)
{
  SigapComplaintQuery *self = sigap_complaint_query_new ();

  self->deadlines = SIGAP_COMPLAINT_QUERY_BIT (SIGAP_DEADLINE_STATE_DUE_SOON);

  return self;
}

/**
 * sigap_complaint_query_new_unverified:
 *
 * The saved filter "Not verified" ("Belum diverifikasi"): complaints
 * received and not yet verified.
 *
 * Returns: (transfer full): a new query
 */
SigapComplaintQuery *
sigap_complaint_query_new_unverified (void)
{
  SigapComplaintQuery *self = sigap_complaint_query_new ();

  self->statuses = SIGAP_COMPLAINT_QUERY_BIT (SIGAP_COMPLAINT_STATUS_RECEIVED);

  return self;
}

/**
 * sigap_complaint_query_new_mine:
 * @user_id: the signed-in user's ID
 *
 * The saved filter "Mine" ("Milik saya"): complaints assigned to
 * @user_id. An empty @user_id matches no complaint.
 *
 * Returns: (transfer full): a new query
 */
SigapComplaintQuery *
sigap_complaint_query_new_mine (const char *user_id)
{
  SigapComplaintQuery *self = sigap_complaint_query_new ();

  g_return_val_if_fail (user_id != NULL, self);

  /* Not through set_assignee_id(): "" must not mean everyone's. */
  self->assignee_id = g_strdup (user_id);

  return self;
}

/**
 * sigap_complaint_query_copy:
 * @self: a #SigapComplaintQuery
 *
 * Returns: (transfer full): a new query equal to @self
 */
SigapComplaintQuery *
sigap_complaint_query_copy (SigapComplaintQuery *self)
{
  SigapComplaintQuery *copy;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), NULL);

  copy = sigap_complaint_query_new ();
  copy->text = g_strdup (self->text);
  copy->statuses = self->statuses;
  copy->channels = self->channels;
  copy->kinds = self->kinds;
  copy->category = g_strdup (self->category);
  copy->deadlines = self->deadlines;
  copy->assignee_id = g_strdup (self->assignee_id);
  copy->sort = self->sort;
  copy->due_soon_days = self->due_soon_days;
  copy->now = self->now;
  copy->zone = self->zone != NULL ? g_time_zone_ref (self->zone) : NULL;
  copy->days = self->days != NULL ? sigap_working_days_ref (self->days) : NULL;

  return copy;
}

/**
 * sigap_complaint_query_equal:
 * @a: (nullable): a #SigapComplaintQuery, or %NULL for a new query's
 * @b: (nullable): another
 *
 * Returns: whether @a and @b select the same complaints in the same
 *   order
 */
gboolean
sigap_complaint_query_equal (SigapComplaintQuery *a,
                             SigapComplaintQuery *b)
{
  g_autoptr(SigapComplaintQuery) blank = NULL;

  g_return_val_if_fail (a == NULL || SIGAP_IS_COMPLAINT_QUERY (a), FALSE);
  g_return_val_if_fail (b == NULL || SIGAP_IS_COMPLAINT_QUERY (b), FALSE);

  if (a == b)
    return TRUE;

  if (a == NULL || b == NULL)
    {
      blank = sigap_complaint_query_new ();
      if (a == NULL)
        a = blank;
      else
        b = blank;
    }

  return g_strcmp0 (a->text, b->text) == 0 &&
         a->statuses == b->statuses &&
         a->channels == b->channels &&
         a->kinds == b->kinds &&
         g_strcmp0 (a->category, b->category) == 0 &&
         a->deadlines == b->deadlines &&
         g_strcmp0 (a->assignee_id, b->assignee_id) == 0 &&
         a->sort == b->sort &&
         a->due_soon_days == b->due_soon_days &&
         a->now == b->now &&
         a->days == b->days &&
         (a->zone == b->zone ||
          (a->zone != NULL && b->zone != NULL &&
           g_strcmp0 (g_time_zone_get_identifier (a->zone),
                      g_time_zone_get_identifier (b->zone)) == 0));
}

const char *
sigap_complaint_query_get_text (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), NULL);

  return self->text;
}

/**
 * sigap_complaint_query_set_text:
 * @self: a #SigapComplaintQuery
 * @text: (nullable): what the user typed; %NULL or "" for no search
 *
 * Any text is fine: quotes, operators and symbols are searched as
 * words or ignored, never an error.
 */
void
sigap_complaint_query_set_text (SigapComplaintQuery *self,
                                const char          *text)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_QUERY (self));

  if (set_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

guint
sigap_complaint_query_get_statuses (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), 0);

  return self->statuses;
}

void
sigap_complaint_query_set_statuses (SigapComplaintQuery *self,
                                    guint                statuses)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_QUERY (self));

  set_uint (self, &self->statuses, statuses, PROP_STATUSES);
}

guint
sigap_complaint_query_get_channels (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), 0);

  return self->channels;
}

void
sigap_complaint_query_set_channels (SigapComplaintQuery *self,
                                    guint                channels)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_QUERY (self));

  set_uint (self, &self->channels, channels, PROP_CHANNELS);
}

guint
sigap_complaint_query_get_kinds (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), 0);

  return self->kinds;
}

void
sigap_complaint_query_set_kinds (SigapComplaintQuery *self,
                                 guint                kinds)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_QUERY (self));

  set_uint (self, &self->kinds, kinds, PROP_KINDS);
}

const char *
sigap_complaint_query_get_category (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), NULL);

  return self->category;
}

/**
 * sigap_complaint_query_set_category:
 * @self: a #SigapComplaintQuery
 * @category: (nullable): a category as stored, or %NULL or "" for all
 */
void
sigap_complaint_query_set_category (SigapComplaintQuery *self,
                                    const char          *category)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_QUERY (self));

  if (set_string (&self->category, category))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

guint
sigap_complaint_query_get_deadlines (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), 0);

  return self->deadlines;
}

void
sigap_complaint_query_set_deadlines (SigapComplaintQuery *self,
                                     guint                deadlines)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_QUERY (self));

  set_uint (self, &self->deadlines, deadlines, PROP_DEADLINES);
}

const char *
sigap_complaint_query_get_assignee_id (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), NULL);

  return self->assignee_id;
}

/**
 * sigap_complaint_query_set_assignee_id:
 * @self: a #SigapComplaintQuery
 * @assignee_id: (nullable): a user ID, or %NULL or "" for everyone's
 */
void
sigap_complaint_query_set_assignee_id (SigapComplaintQuery *self,
                                       const char          *assignee_id)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_QUERY (self));

  if (set_string (&self->assignee_id, assignee_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNEE_ID]);
}

SigapComplaintSort
sigap_complaint_query_get_sort (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), SIGAP_COMPLAINT_SORT_NEWEST);

  return self->sort;
}

void
sigap_complaint_query_set_sort (SigapComplaintQuery *self,
                                SigapComplaintSort   sort)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_QUERY (self));

  if (self->sort == sort)
    return;

  self->sort = sort;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

guint
sigap_complaint_query_get_due_soon_days (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), SIGAP_SLA_DEFAULT_DUE_SOON_DAYS);

  return self->due_soon_days;
}

/**
 * sigap_complaint_query_set_due_soon_days:
 * @self: a #SigapComplaintQuery
 * @days: the due_soon_days of the #SigapSlaSettings the inbox shows
 *   badges with
 */
void
sigap_complaint_query_set_due_soon_days (SigapComplaintQuery *self,
                                         guint                days)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_QUERY (self));

  set_uint (self, &self->due_soon_days, days, PROP_DUE_SOON_DAYS);
}

/**
 * sigap_complaint_query_get_now:
 * @self: a #SigapComplaintQuery
 *
 * Returns: the time deadline states are computed at, UTC seconds; 0 for
 *   the time the query runs
 */
gint64
sigap_complaint_query_get_now (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), 0);

  return self->now;
}

/**
 * sigap_complaint_query_get_zone:
 * @self: a #SigapComplaintQuery
 *
 * Returns: (transfer none) (nullable): the zone whose dates count, %NULL
 *   for Asia/Jakarta (WIB)
 */
GTimeZone *
sigap_complaint_query_get_zone (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), NULL);

  return self->zone;
}

/**
 * sigap_complaint_query_get_working_days:
 * @self: a #SigapComplaintQuery
 *
 * Returns: (transfer none) (nullable): the working-day calendar, %NULL for
 *   weekends only
 */
SigapWorkingDays *
sigap_complaint_query_get_working_days (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), NULL);

  return self->days;
}

/**
 * sigap_complaint_query_set_now:
 * @self: a #SigapComplaintQuery
 * @now: the current time, UTC seconds; 0 for the time the query runs
 * @zone: (nullable): the OPD's zone, %NULL for Asia/Jakarta (WIB)
 * @days: (nullable): the working-day calendar, %NULL for weekends only
 *
 * What the deadline states are computed with, as the inbox's badges
 * are: sigap_sla_complaint_deadline_state() with the same arguments and
 * the query's due-soon days gives the state the query filters on.
 */
void
sigap_complaint_query_set_now (SigapComplaintQuery *self,
                               gint64               now,
                               GTimeZone           *zone,
                               SigapWorkingDays    *days)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_QUERY (self));

  self->now = now;

  if (zone != self->zone)
    {
      g_clear_pointer (&self->zone, g_time_zone_unref);
      self->zone = zone != NULL ? g_time_zone_ref (zone) : NULL;
    }

  if (days != self->days)
    {
      g_clear_pointer (&self->days, sigap_working_days_unref);
      self->days = days != NULL ? sigap_working_days_ref (days) : NULL;
    }
}

/**
 * sigap_complaint_query_has_text:
 * @self: a #SigapComplaintQuery
 *
 * Returns: whether the text has a word to search for
 */
gboolean
sigap_complaint_query_has_text (SigapComplaintQuery *self)
{
  g_autofree char *match = NULL;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), FALSE);

  match = sigap_complaint_query_match_expression (self->text);

  return match != NULL;
}

/**
 * sigap_complaint_query_has_filters:
 * @self: a #SigapComplaintQuery
 *
 * Returns: whether anything but the text narrows the complaints
 */
gboolean
sigap_complaint_query_has_filters (SigapComplaintQuery *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), FALSE);

  return self->statuses != 0 || self->channels != 0 || self->kinds != 0 ||
         self->category != NULL || self->deadlines != 0 || self->assignee_id != NULL;
}

/**
 * sigap_complaint_query_match_expression:
 * @text: (nullable): what the user typed
 *
 * The FTS5 query for @text: each word (a run of characters between
 * spaces that has a letter or a digit) as a quoted string, with its
 * quotes doubled, the last one as a prefix: `"jalan" "rusa"*`. FTS5
 * splits a string into tokens as it did the complaint's text, so
 * "ADU-2025-000123" finds that tracking number and "sri.kusuma" that
 * handle. Operators (AND, OR, NOT, NEAR), parentheses, asterisks and
 * column names are only words inside quotes: no text makes a syntax
 * error. At most %SIGAP_COMPLAINT_QUERY_MAX_WORDS words count.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when
 *   @text has no word to search for
 */
char *
sigap_complaint_query_match_expression (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) expr = NULL;
  const char *p;
  guint n_words = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  expr = g_string_new (NULL);

  p = valid;
  while (*p != '\0' && n_words < SIGAP_COMPLAINT_QUERY_MAX_WORDS)
    {
      const char *start;
      gboolean has_alnum = FALSE;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          has_alnum = has_alnum || g_unichar_isalnum (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }

      /* Only symbols: FTS5 would find no token in it. */
      if (!has_alnum)
        continue;

      g_string_append (expr, n_words > 0 ? " \"" : "\"");
      for (const char *c = start; c < p; c++)
        {
          if (*c == '"')
            g_string_append_c (expr, '"');
          g_string_append_c (expr, *c);
        }
      g_string_append_c (expr, '"');
      n_words++;
    }

  if (n_words == 0)
    return NULL;

  g_string_append_c (expr, '*');

  return g_string_free (g_steal_pointer (&expr), FALSE);
}

/**
 * sigap_complaint_query_due_soon_end:
 * @self: a #SigapComplaintQuery
 * @now: the current time, UTC seconds
 *
 * sigap_sla_deadline_state() calls a deadline due soon while the working
 * days after today up to its day are at most the due-soon days. Those
 * days grow with the deadline, so the due-soon deadlines are those
 * before the start of the first day that is too far: the working day
 * after the last due-soon working day, in the query's zone and
 * calendar.
 *
 * Returns: the first due_at, UTC seconds, that is on time rather than
 *   due soon at @now
 */
gint64
sigap_complaint_query_due_soon_end (SigapComplaintQuery *self,
                                    gint64               now)
{
  g_autoptr(GTimeZone) jakarta = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) start = NULL;
  GTimeZone *zone;
  guint n;
  gint64 end;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT_QUERY (self), NO_DEADLINE);

  zone = self->zone;
  if (zone == NULL)
    {
      jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
      if (jakarta == NULL)
        jakarta = g_time_zone_new_offset (7 * 60 * 60);
      zone = jakarta;
    }

  n = MIN (self->due_soon_days, SIGAP_WORKING_DAYS_MAX - 1) + 1;

  /* The end (23:59:59) of the n-th working day after today */
  end = sigap_working_days_add (self->days, now, n, zone, NULL);
  if (end == 0)
    return NO_DEADLINE;

  last = g_date_time_new_from_unix_utc (end);
  if (last != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (last, zone);

      if (local != NULL)
        start = g_date_time_new (zone,
                                 g_date_time_get_year (local),
                                 g_date_time_get_month (local),
                                 g_date_time_get_day_of_month (local),
                                 0, 0, 0);
    }

  return start != NULL ? g_date_time_to_unix (start) : NO_DEADLINE;
}

/**
 * sigap_complaint_query_build_sql:
 * @self: (nullable): a #SigapComplaintQuery, or %NULL for every complaint
 * @columns: the columns to select, unqualified, from the complaint table
 *   (ignored for %SIGAP_COMPLAINT_QUERY_SQL_COUNT)
 * @opd_id: (nullable): the OPD whose complaints to select, or %NULL for
 *   all
 * @now: the current time, UTC seconds, for the deadline states
 * @flags: count rather than select, and the plan
 * @params: (element-type utf8): an empty array that receives the text to
 *   bind to ?1, ?2…, in order, and %NULL for the set of matches
 *
 * Writes the SELECT that finds the complaints @self matches, in its
 * order, without LIMIT: `SELECT columns FROM complaint WHERE … ORDER BY
 * …`. The user's text, the OPD, the category and the assignee are
 * parameters; the enum values (as their nicks) and the deadline bounds
 * (numbers) are written in.
 *
 * With a text to search, the complaints are those whose rowid the
 * full-text index gives. When few complaints match the text, ask for
 * %SIGAP_COMPLAINT_QUERY_SQL_TEXT_FIRST: the other terms then cannot
 * use an index (their columns are written +column), so SQLite reads the
 * matches from the full-text index and looks them up. Otherwise SQLite
 * walks the index that gives the order or serves the other filters and
 * keeps the rows in the set of matches: sigap_rowid_in (rowid, ?N),
 * where @params holds %NULL at N - 1. Read the rowids that
 * `SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH ?` gives for
 * sigap_complaint_query_match_expression() and bind them with
 * sigap_complaint_query_bind_params(), on a connection given
 * sigap_complaint_query_add_sql_functions().
 *
 * Counting the matches of a text alone reads the full-text index only.
 *
 * Returns: (transfer full): the SQL
 */
char *
sigap_complaint_query_build_sql (SigapComplaintQuery         *self,
                                 const char                  *columns,
                                 const char                  *opd_id,
                                 gint64                       now,
                                 SigapComplaintQuerySqlFlags  flags,
                                 GPtrArray                   *params)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autofree char *match = NULL;
  gboolean count = (flags & SIGAP_COMPLAINT_QUERY_SQL_COUNT) != 0;
  gboolean text_first = (flags & SIGAP_COMPLAINT_QUERY_SQL_TEXT_FIRST) != 0;
  const char *plus;
  gboolean first = TRUE;

  g_return_val_if_fail (self == NULL || SIGAP_IS_COMPLAINT_QUERY (self), NULL);
  g_return_val_if_fail (count || columns != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);

  if (self != NULL)
    match = sigap_complaint_query_match_expression (self->text);

  if (match == NULL)
    text_first = FALSE;
  plus = text_first ? "+" : "";

  if (count && match != NULL && opd_id == NULL && !sigap_complaint_query_has_filters (self))
    {
      g_string_append (sql, "count(*) FROM complaint_fts WHERE complaint_fts MATCH ");
      append_param (sql, params, match);
      return g_string_free (g_steal_pointer (&sql), FALSE);
    }

  g_string_append_printf (sql, "%s FROM complaint", count ? "count(*)" : columns);

  /* Without statistics, SQLite would rather look every open complaint
   * up by its status than walk the partial index that has both the
   * status and the deadline in the inbox's order: name it. */
  if (!text_first && open_only (self))
    g_string_append_printf (sql, " INDEXED BY complaint_%sopen",
                            opd_id != NULL ? "opd_" : "");

  if (opd_id != NULL)
    {
      append_term (sql, &first);
      g_string_append_printf (sql, "%sopd_id = ", plus);
      append_param (sql, params, opd_id);
    }

  if (match != NULL && text_first)
    {
      append_term (sql, &first);
      g_string_append (sql, "rowid IN (SELECT rowid FROM complaint_fts "
                       "WHERE complaint_fts MATCH ");
      append_param (sql, params, match);
      g_string_append (sql, ")");
    }
  else if (match != NULL)
    {
      /* The matches, read once by the caller, as a set bound to the
       * parameter: no index is built of them, and the walk asks the set
       * of each row. */
      append_term (sql, &first);
      g_string_append (sql, "sigap_rowid_in (rowid, ");
      append_param (sql, params, NULL);
      g_string_append (sql, ")");
    }

  if (open_only (self))
    {
      append_term (sql, &first);
      append_open (sql, plus, TRUE);
    }

  if (self != NULL)
    {
      if (self->statuses != 0)
        append_set (sql, plus, "status", SIGAP_TYPE_COMPLAINT_STATUS, self->statuses, &first);

      if (self->channels != 0)
        append_set (sql, plus, "channel", SIGAP_TYPE_CHANNEL, self->channels, &first);

      if (self->kinds != 0)
        append_set (sql, plus, "kind", SIGAP_TYPE_COMPLAINT_KIND, self->kinds, &first);

      if (self->category != NULL)
        {
          append_term (sql, &first);
          g_string_append_printf (sql, "%scategory = ", plus);
          append_param (sql, params, self->category);
        }

      if (self->assignee_id != NULL)
        {
          append_term (sql, &first);
          g_string_append_printf (sql, "%sassignee_id = ", plus);
          append_param (sql, params, self->assignee_id);
        }

      if (self->deadlines != 0 &&
          (self->deadlines & all_bits (SIGAP_TYPE_DEADLINE_STATE)) !=
          all_bits (SIGAP_TYPE_DEADLINE_STATE))
        append_deadlines (sql, self, plus, now, &first);
      else
        g_assert (!deadlines_open_only (self->deadlines));
    }

  if (!count)
    append_order (sql, self);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/**
 * sigap_complaint_query_add_sql_functions:
 * @db: a connection
 *
 * Adds the SQL function that sigap_complaint_query_build_sql() writes,
 * sigap_rowid_in(), to @db.
 *
 * Returns: SQLITE_OK, or SQLite's error code
 */
int
sigap_complaint_query_add_sql_functions (sqlite3 *db)
{
  g_return_val_if_fail (db != NULL, SQLITE_MISUSE);

  return sqlite3_create_function_v2 (db, "sigap_rowid_in", 2,
                                     SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                     NULL, rowid_in_func, NULL, NULL, NULL);
}

/**
 * sigap_complaint_query_bind_params:
 * @stmt: the statement of sigap_complaint_query_build_sql()'s SQL
 * @params: (element-type utf8): the parameters it gave
 * @matches: (nullable) (element-type gint64): the rowids of the complaints
 *   the text matches, in ascending order, as the full-text index gives
 *   them; kept by the caller until @stmt is reset
 *
 * Binds @params, and @matches where @params holds %NULL.
 */
void
sigap_complaint_query_bind_params (sqlite3_stmt *stmt,
                                   GPtrArray    *params,
                                   GArray       *matches)
{
  g_return_if_fail (stmt != NULL);
  g_return_if_fail (params != NULL);

  for (guint i = 0; i < params->len; i++)
    {
      if (params->pdata[i] != NULL)
        sqlite3_bind_text (stmt, (int) i + 1, params->pdata[i], -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_pointer (stmt, (int) i + 1, matches, SIGAP_COMPLAINT_QUERY_MATCHES_TYPE,
                              NULL);
    }
}
