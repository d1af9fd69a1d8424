/* sigap-working-days.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-working-days"

#include "config.h"

#include <stdlib.h>

#include "sigap-central-schema.h"
#include "sigap-enums.h"
#include "sigap-working-days.h"

/**
 * SigapWorkingDays:
 *
 * The Indonesian working-day calendar: Monday to Friday, less the
 * national holidays (libur nasional) and the collective leave days (cuti
 * bersama) of the years whose holiday documents (data/holidays/YYYY.json,
 * docs/api.md) it was given.
 *
 * A year without a document counts weekends only; every answer that
 * crosses such a year says so through its @holidays_known argument, so
 * that the caller can warn that the deadline may be early.
 *
 * The rules, for every zone (WIB, WITA, WIT: no daylight saving):
 *
 * - A day is the civil date in the OPD's zone: midnight WIB is already
 *   the next day in WIT.
 * - sigap_working_days_add(): the day something arrives is day 0,
 *   whatever it is; day 1 is the first working day after it, and the
 *   deadline is the end (23:59:59, in the zone) of day n. A complaint that
 *   arrives on a Saturday, on a holiday or on Monday at 00:01 alike has
 *   the whole of n working days after that day. With n = 0 the deadline
 *   is the end of the day itself, or of the next working day when it is
 *   not one.
 * - sigap_working_days_between(): the working days left after today up
 *   to the deadline's day (0 on that day), or, once the deadline has
 *   passed, minus the working days after its day up to today (at least
 *   1).
 *
 * Fill it, then share it: once documents stop being added it is
 * read-only and may be used from several threads. To take a new holiday
 * document into use, build a new one and swap it in.
 */
struct _SigapWorkingDays
{
  gatomicrefcount ref_count;

  /* julian day → Holiday, every day off of the known years */
  GHashTable *holidays;

  /* year → year, the years with a document */
  GHashTable *years;

  /* The julian days of the holidays that fall on Monday to Friday,
   * sorted: the only ones that change a count. */
  GArray *weekday_holidays;
};

typedef struct
{
  SigapHolidayKind kind;
  char *name;
} Holiday;

G_DEFINE_BOXED_TYPE (SigapWorkingDays, sigap_working_days,
                     sigap_working_days_ref, sigap_working_days_unref)

/* Helpers {{{ */

static void
holiday_free (gpointer data)
{
  Holiday *holiday = data;

  g_free (holiday->name);
  g_free (holiday);
}

/* GDate's day 1 is Monday, 1 January of year 1. */
static inline guint
weekday_of (guint32 julian)
{
  return ((julian - 1) % 7) + 1;
}

/* How many days from day 1 to @julian are Monday to Friday. */
static inline gint64
weekdays_upto (guint32 julian)
{
  return (gint64) (julian / 7) * 5 + MIN (julian % 7, 5);
}

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* How many weekday holidays fall on or before @julian. */
static gint64
weekday_holidays_upto (SigapWorkingDays *self,
                       guint32           julian)
{
  const guint32 *days;
  guint lo = 0;
  guint hi;

  if (self == NULL)
    return 0;

  days = (const guint32 *) (gpointer) self->weekday_holidays->data;
  hi = self->weekday_holidays->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (days[mid] <= julian)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* How many working days there are from day 1 to @julian: the difference
 * of two is the count between them. */
static gint64
working_days_upto (SigapWorkingDays *self,
                   guint32           julian)
{
  return weekdays_upto (julian) - weekday_holidays_upto (self, julian);
}

static gboolean
is_working_julian (SigapWorkingDays *self,
                   guint32           julian)
{
  if (weekday_of (julian) > G_DATE_FRIDAY)
    return FALSE;

  return self == NULL ||
         !g_hash_table_contains (self->holidays, GUINT_TO_POINTER (julian));
}

static int
year_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_date_get_year (&date);
}

/* Whether every year from @first's to @last's has a document; TRUE when
 * @first is after @last (no day was looked at). */
static gboolean
years_known (SigapWorkingDays *self,
             guint32           first,
             guint32           last)
{
  if (first > last)
    return TRUE;

  if (self == NULL)
    return FALSE;

  for (int year = year_of (first); year <= year_of (last); year++)
    if (!g_hash_table_contains (self->years, GINT_TO_POINTER (year)))
      return FALSE;

  return TRUE;
}

/* The julian day @time falls on in @zone; 0 when GDateTime cannot
 * represent @time. */
static guint32
local_julian (gint64     time,
              GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = NULL;
  GDate date;
  int year;
  int month;
  int day;

  if (utc == NULL)
    return 0;

  local = g_date_time_to_timezone (utc, zone);
  if (local == NULL)
    return 0;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return g_date_get_julian (&date);
}

static guint32
next_working_julian (SigapWorkingDays *self,
                     guint32           julian)
{
  while (!is_working_julian (self, julian))
    julian++;

  return julian;
}

static void
index_weekday_holidays (SigapWorkingDays *self)
{
  GHashTableIter iter;
  gpointer key;

  g_array_set_size (self->weekday_holidays, 0);

  g_hash_table_iter_init (&iter, self->holidays);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint32 julian = GPOINTER_TO_UINT (key);

      if (weekday_of (julian) <= G_DATE_FRIDAY)
        g_array_append_val (self->weekday_holidays, julian);
    }

  g_array_sort (self->weekday_holidays, compare_julian);
}

static gboolean
forget_year_cb (gpointer key,
                gpointer value,
                gpointer user_data)
{
  return year_of (GPOINTER_TO_UINT (key)) == GPOINTER_TO_INT (user_data);
}

/* }}} */

/**
 * sigap_working_days_new:
 *
 * Returns: (transfer full): a calendar that knows no year yet: weekends
 *   only until holiday documents are added
 */
SigapWorkingDays *
sigap_working_days_new (void)
{
  SigapWorkingDays *self = g_new0 (SigapWorkingDays, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->holidays = g_hash_table_new_full (NULL, NULL, NULL, holiday_free);
  self->years = g_hash_table_new (NULL, NULL);
  self->weekday_holidays = g_array_new (FALSE, FALSE, sizeof (guint32));

  return self;
}

/**
 * sigap_working_days_new_from_documents:
 * @documents: the central documents
 * @first_year: the first year to take
 * @last_year: the last year to take
 *
 * Builds the calendar from the holiday documents in use for @first_year
 * to @last_year, the downloaded copy or the shipped one; a year without
 * one stays unknown (see sigap_working_days_has_year()).
 *
 * Returns: (transfer full): the calendar
 */
SigapWorkingDays *
sigap_working_days_new_from_documents (SigapCentralDocuments *documents,
                                       int                    first_year,
                                       int                    last_year)
{
  g_autoptr(SigapWorkingDays) self = sigap_working_days_new ();

  g_return_val_if_fail (SIGAP_IS_CENTRAL_DOCUMENTS (documents), NULL);
  g_return_val_if_fail (first_year <= last_year, NULL);

  for (int year = MAX (first_year, 1); year <= last_year; year++)
    {
      SigapCentralDocument *document = sigap_central_documents_get_holidays (documents, year);
      g_autoptr(GError) error = NULL;

      if (document == NULL)
        continue;

      /* The documents were checked when read: a refusal here is a bug. */
      if (!sigap_working_days_add_holidays (self, sigap_central_document_get_root (document),
                                            &error))
        g_critical ("The holiday calendar for %d is not usable: %s", year, error->message);
    }

  return g_steal_pointer (&self);
}

/**
 * sigap_working_days_ref:
 * @self: a #SigapWorkingDays
 *
 * Returns: (transfer full): @self
 */
SigapWorkingDays *
sigap_working_days_ref (SigapWorkingDays *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * sigap_working_days_unref:
 * @self: (transfer full): a #SigapWorkingDays
 */
void
sigap_working_days_unref (SigapWorkingDays *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->holidays);
  g_hash_table_unref (self->years);
  g_array_unref (self->weekday_holidays);
  g_free (self);
}

/**
 * sigap_working_days_add_holidays:
 * @self: a #SigapWorkingDays
 * @document: a parsed holidays document, as data/holidays/YYYY.json
 * @error: return location for a #SigapCentralSchemaError
 *
 * Takes the days off of one year: both national holidays and cuti
 * bersama. The document is checked as the server and the desktop check
 * it (sigap_central_schema_validate()); one for a year @self knows
 * already replaces it.
 *
 * Returns: %TRUE if the document was taken
 */
gboolean
sigap_working_days_add_holidays (SigapWorkingDays  *self,
                                 JsonNode          *document,
                                 GError           **error)
{
  g_autoptr(GEnumClass) kinds = NULL;
  JsonArray *entries;
  JsonObject *object;
  int year = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (JSON_NODE_HOLDS_OBJECT (document))
    {
      JsonNode *node = json_object_get_member (json_node_get_object (document), "year");

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_INT64 &&
          json_node_get_int (node) >= 1 && json_node_get_int (node) <= G_MAXINT)
        year = (int) json_node_get_int (node);
    }

  if (!sigap_central_schema_year_is_valid (year))
    {
      g_set_error (error, SIGAP_CENTRAL_SCHEMA_ERROR, SIGAP_CENTRAL_SCHEMA_ERROR_INVALID,
                   "'year' must be an integer from 1970 to 2100.");
      return FALSE;
    }

  if (!sigap_central_schema_validate (SIGAP_CENTRAL_DOCUMENT_HOLIDAYS, document, year, NULL,
                                      error))
    return FALSE;

  g_hash_table_foreach_remove (self->holidays, forget_year_cb, GINT_TO_POINTER (year));
  g_hash_table_add (self->years, GINT_TO_POINTER (year));

  kinds = g_type_class_ref (SIGAP_TYPE_HOLIDAY_KIND);
  object = json_node_get_object (document);
  entries = json_object_get_array_member (object, "holidays");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *text = json_object_get_string_member (entry, "date");
      GEnumValue *kind = g_enum_get_value_by_nick (kinds,
                                                   json_object_get_string_member (entry, "kind"));
      Holiday *holiday;
      GDate date;

      /* Both were checked: "YYYY-MM-DD" of a real day, a known kind. */
      g_assert (kind != NULL);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date,
                      (GDateDay) atoi (text + 8),
                      (GDateMonth) atoi (text + 5),
                      (GDateYear) year);
      g_assert (g_date_valid (&date));

      holiday = g_new0 (Holiday, 1);
      holiday->kind = kind->value;
      holiday->name = g_strdup (json_object_get_string_member (entry, "name"));
      g_hash_table_replace (self->holidays, GUINT_TO_POINTER (g_date_get_julian (&date)),
                            holiday);
    }

  index_weekday_holidays (self);

  return TRUE;
}

/**
 * sigap_working_days_load_file:
 * @self: a #SigapWorkingDays
 * @path: a holidays document, as data/holidays/2025.json
 * @error: return location for a #GError
 *
 * Reads, parses and adds one holidays document (see
 * sigap_working_days_add_holidays()).
 *
 * Returns: %TRUE if the document was taken
 */
gboolean
sigap_working_days_load_file (SigapWorkingDays  *self,
                              const char        *path,
                              GError           **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize length = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  root = sigap_central_schema_parse (contents, length);
  if (root == NULL)
    {
      g_set_error (error, SIGAP_CENTRAL_SCHEMA_ERROR, SIGAP_CENTRAL_SCHEMA_ERROR_INVALID,
                   "The document is not JSON.");
      return FALSE;
    }

  return sigap_working_days_add_holidays (self, root, error);
}

/**
 * sigap_working_days_has_year:
 * @self: (nullable): a #SigapWorkingDays, or %NULL for weekends only
 * @year: a year
 *
 * Returns: whether @self has the holiday document of @year; without it,
 *   @year counts weekends only
 */
gboolean
sigap_working_days_has_year (SigapWorkingDays *self,
                             int               year)
{
  return self != NULL && g_hash_table_contains (self->years, GINT_TO_POINTER (year));
}

/**
 * sigap_working_days_is_working_day:
 * @self: (nullable): a #SigapWorkingDays, or %NULL for weekends only
 * @date: a valid date
 *
 * Returns: %TRUE if @date is Monday to Friday and neither a national
 *   holiday nor cuti bersama. In a year without a document only weekends
 *   are days off.
 */
gboolean
sigap_working_days_is_working_day (SigapWorkingDays *self,
                                   const GDate      *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return is_working_julian (self, g_date_get_julian (date));
}

/**
 * sigap_working_days_get_holiday:
 * @self: (nullable): a #SigapWorkingDays
 * @date: a valid date
 * @kind: (out) (optional): the kind of day off
 * @name: (out) (optional) (transfer none): its name, as "Idulfitri 1446
 *   Hijriah"; valid as long as @self
 *
 * Returns: %TRUE if @date is a national holiday or cuti bersama, on a
 *   weekend too
 */
gboolean
sigap_working_days_get_holiday (SigapWorkingDays  *self,
                                const GDate       *date,
                                SigapHolidayKind  *kind,
                                const char       **name)
{
  Holiday *holiday;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  holiday = self != NULL ? g_hash_table_lookup (self->holidays,
                                                GUINT_TO_POINTER (g_date_get_julian (date)))
                         : NULL;
  if (holiday == NULL)
    return FALSE;

  if (kind != NULL)
    *kind = holiday->kind;
  if (name != NULL)
    *name = holiday->name;

  return TRUE;
}

/**
 * sigap_working_days_add:
 * @self: (nullable): a #SigapWorkingDays, or %NULL for weekends only
 * @time: when the period starts (a complaint's arrival), UTC seconds
 * @n: working days, at most %SIGAP_WORKING_DAYS_MAX
 * @zone: the OPD's zone, whose dates count
 * @holidays_known: (out) (optional): %FALSE when a day counted falls in a
 *   year without a holiday document, so the deadline may be too early
 *
 * The deadline @n working days after @time: the end, 23:59:59 in @zone,
 * of the @n-th working day after the day of @time (that day itself never
 * counts, so arriving on a weekend or a holiday starts the count on the
 * next working day). With @n = 0, the end of the day of @time, or of the
 * next working day when it is not one.
 *
 * Returns: the deadline in UTC seconds, or 0 when @time or the deadline
 *   is out of the range GDateTime covers (years 1 to 9999)
 */
gint64
sigap_working_days_add (SigapWorkingDays *self,
                        gint64            time,
                        guint             n,
                        GTimeZone        *zone,
                        gboolean         *holidays_known)
{
  g_autoptr(GDateTime) end = NULL;
  guint32 start;
  guint32 julian;
  guint n_days;
  GDate date;

  if (holidays_known != NULL)
    *holidays_known = TRUE;

  g_return_val_if_fail (zone != NULL, 0);
  g_return_val_if_fail (n <= SIGAP_WORKING_DAYS_MAX, 0);

  start = local_julian (time, zone);
  if (start == 0)
    return 0;

  julian = start;
  n_days = n;
  if (n == 0)
    julian = next_working_julian (self, julian);
  else
    while (n > 0)
      {
        julian++;
        if (is_working_julian (self, julian))
          n--;
      }

  if (holidays_known != NULL)
    *holidays_known = years_known (self, n_days == 0 ? start : start + 1, julian);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  end = g_date_time_new (zone,
                         g_date_get_year (&date),
                         g_date_get_month (&date),
                         g_date_get_day (&date),
                         23, 59, 59);

  return end != NULL ? g_date_time_to_unix (end) : 0;
}

/**
 * sigap_working_days_between:
 * @self: (nullable): a #SigapWorkingDays, or %NULL for weekends only
 * @now: the current time, UTC seconds
 * @due: the deadline, UTC seconds
 * @zone: the OPD's zone, whose dates count
 * @holidays_known: (out) (optional): %FALSE when a day counted falls in a
 *   year without a holiday document
 *
 * The countdown of a deadline, by the dates of @now and @due in @zone.
 * Until @due: the working days after today up to and including the day
 * of @due; 0 on that day itself ("the deadline is today"), 1 on the
 * working day before it or on the weekend before a Monday deadline.
 *
 * After @due: minus the working days after the day of @due up to and
 * including today, and at least 1. A deadline on Thursday is -1 on
 * Friday and over the weekend, -2 on Monday; one on Friday is -1 until
 * Monday ends.
 *
 * Returns: the working days left, negative when @due has passed (0 when
 *   @now or @due is out of the range GDateTime covers)
 */
int
sigap_working_days_between (SigapWorkingDays *self,
                            gint64            now,
                            gint64            due,
                            GTimeZone        *zone,
                            gboolean         *holidays_known)
{
  guint32 today;
  guint32 due_day;
  gint64 count;

  if (holidays_known != NULL)
    *holidays_known = TRUE;

  g_return_val_if_fail (zone != NULL, 0);

  today = local_julian (now, zone);
  due_day = local_julian (due, zone);
  if (today == 0 || due_day == 0)
    return 0;

  if (now <= due)
    {
      count = working_days_upto (self, due_day) - working_days_upto (self, today);
      if (holidays_known != NULL)
        *holidays_known = years_known (self, today + 1, due_day);
    }
  else
    {
      count = -MAX (1, working_days_upto (self, today) - working_days_upto (self, due_day));
      if (holidays_known != NULL)
        *holidays_known = years_known (self, due_day + 1, today);
    }

  return (int) CLAMP (count, -G_MAXINT, G_MAXINT);
}
