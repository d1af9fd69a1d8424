/* sigap-central-schema.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-central-schema"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "sigap-central-schema.h"
#include "sigap-enums.h"
#include "sigap-post-templates.h"
#include "sigap-sla.h"

/*
 * The shape of the central documents, the platform rules, a year's
 * holiday calendar, the service levels, the report template and the post
 * templates with their hashtag sets (docs/api.md, "Platform rules and holidays"). The
 * server checks every copy a verifikator sends with it, and the desktop
 * every copy it downloads, so that both refuse the same documents.
 */

#define MAX_JSON_DEPTH 32
#define MIN_YEAR       1970
#define MAX_YEAR       2100

static const char * const countings[] = {
  "characters", "x-weighted", "utf8-bytes", "utf16", NULL
};

static const char * const holiday_kinds[] = { "libur-nasional", "cuti-bersama", NULL };

/* The sections a report template may list (docs/api.md). */
static const char * const report_sections[] = {
  "posts", "links", "categories", "complaints", "quiet-accounts", "accounts", "notes",
  "signature", NULL
};

#define MAX_TEMPLATE_TITLE     200
#define MAX_LETTERHEAD_LINES   5
#define MAX_LETTERHEAD_LINE    120
#define MAX_LETTERHEAD_ADDRESS 300
#define MAX_LOGO_BASE64        699052  /* 512 KiB of PNG, as the report document takes */

/* The post templates and hashtag sets (docs/api.md). */
static const char * const post_template_kinds[] = { "greeting", "announcement", NULL };

#define MAX_HASHTAG_SETS        200
#define MAX_HASHTAGS_PER_SET    30
#define MAX_HASHTAG             100
#define MAX_POST_TEMPLATES      500
#define MAX_POST_TEMPLATE_NAME  100
#define MAX_POST_TEMPLATE_BODY  5000
#define MAX_OPD_CODE            32

G_DEFINE_QUARK (sigap-central-schema-error-quark, sigap_central_schema_error)

/* Validation {{{ */

static gboolean G_GNUC_PRINTF (4, 5)
fail (char       **field,
      GError     **error,
      const char  *path,
      const char  *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (field != NULL)
    *field = path[0] != '\0' ? g_strdup (path) : NULL;
  if (path[0] != '\0')
    g_set_error (error, SIGAP_CENTRAL_SCHEMA_ERROR, SIGAP_CENTRAL_SCHEMA_ERROR_INVALID,
                 "'%s' %s", path, message);
  else
    g_set_error (error, SIGAP_CENTRAL_SCHEMA_ERROR, SIGAP_CENTRAL_SCHEMA_ERROR_INVALID,
                 "The document %s", message);

  return FALSE;
}

static char *
member_path (const char *parent,
             const char *name)
{
  return parent[0] == '\0' ? g_strdup (name) : g_strconcat (parent, ".", name, NULL);
}

static char *
element_path (const char *parent,
              guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

/* Refuses a member that is not in @allowed and a missing one of @required. */
static gboolean
check_members (JsonObject          *object,
               const char          *path,
               const char * const  *allowed,
               const char * const  *required,
               char               **field,
               GError             **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *where = member_path (path, l->data);

        return fail (field, error, where, "is not a member this document may have.");
      }

  for (guint i = 0; required[i] != NULL; i++)
    if (!json_object_has_member (object, required[i]))
      {
        g_autofree char *where = member_path (path, required[i]);

        return fail (field, error, where, "is required.");
      }

  return TRUE;
}

static gboolean
node_is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_number (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

/* An integer member from @min to @max; null passes when @nullable, and
 * an absent one when not @required. */
static gboolean
check_integer (JsonObject  *object,
               const char  *path,
               const char  *name,
               gboolean     nullable,
               gint64       min,
               gint64       max,
               char       **field,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = member_path (path, name);

  if (node == NULL || (nullable && JSON_NODE_HOLDS_NULL (node)))
    return TRUE;

  if (!node_is_integer (node) || json_node_get_int (node) < min || json_node_get_int (node) > max)
    return fail (field, error, where, "must be an integer from %" G_GINT64_FORMAT
                 " to %" G_GINT64_FORMAT "%s.", min, max, nullable ? ", or null" : "");

  return TRUE;
}

/* A number from above 0 (or from 0 when @zero) to @max, or null. */
static gboolean
check_number (JsonObject  *object,
              const char  *path,
              const char  *name,
              gboolean     zero,
              double       max,
              double      *value,
              char       **field,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = member_path (path, name);
  double number;

  *value = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!node_is_number (node))
    return fail (field, error, where, "must be a number or null.");

  number = json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                            : json_node_get_double (node);
  if (number < 0 || (!zero && number == 0) || number > max)
    return fail (field, error, where, "must be a number above %s0 and at most %g.",
                 zero ? "or equal to " : "", max);

  *value = number;

  return TRUE;
}

static gboolean
check_boolean (JsonObject  *object,
               const char  *path,
               const char  *name,
               char       **field,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = member_path (path, name);

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (field, error, where, "must be true or false.");

  return TRUE;
}

/* A string of 1 to @max characters without control characters; an absent
 * one passes. */
static gboolean
check_text (JsonObject  *object,
            const char  *path,
            const char  *name,
            guint        max,
            const char **value,
            char       **field,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = member_path (path, name);
  const char *text;

  if (value != NULL)
    *value = NULL;
  if (node == NULL)
    return TRUE;

  if (!node_is_string (node))
    return fail (field, error, where, "must be a string.");

  text = json_node_get_string (node);
  if (text[0] == '\0' || g_utf8_strlen (text, -1) > (glong) max)
    return fail (field, error, where, "must hold 1 to %u characters.", max);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return fail (field, error, where, "must not hold control characters.");

  if (value != NULL)
    *value = text;

  return TRUE;
}

static gboolean
check_identifier (JsonObject  *object,
                  const char  *path,
                  const char  *name,
                  const char **value,
                  char       **field,
                  GError     **error)
{
  g_autofree char *where = member_path (path, name);
  const char *text;

  if (!check_text (object, path, name, 32, &text, field, error))
    return FALSE;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
      return fail (field, error, where, "must hold only lowercase letters, digits, '-' or '_'.");

  *value = text;

  return TRUE;
}

static gboolean
check_one_of (JsonObject         *object,
              const char         *path,
              const char         *name,
              const char * const *values,
              char              **field,
              GError            **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = member_path (path, name);
  g_autofree char *list = NULL;

  if (node_is_string (node) && g_strv_contains (values, json_node_get_string (node)))
    return TRUE;

  list = g_strjoinv ("', '", (char **) values);

  return fail (field, error, where, "must be one of '%s'.", list);
}

/* An object member, or null when @nullable. Sets *@value to the object or
 * %NULL. */
static gboolean
check_object (JsonObject  *object,
              const char  *path,
              const char  *name,
              gboolean     nullable,
              JsonObject **value,
              char       **field,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = member_path (path, name);

  *value = NULL;
  if (node != NULL && nullable && JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (field, error, where, "must be an object%s.", nullable ? " or null" : "");

  *value = json_node_get_object (node);

  return TRUE;
}

/* An array member of @min to @max elements; an absent one passes when
 * @min is 0. */
static gboolean
check_array (JsonObject  *object,
             const char  *path,
             const char  *name,
             guint        min,
             guint        max,
             JsonArray  **value,
             char       **field,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = member_path (path, name);

  *value = NULL;
  if (node == NULL && min == 0)
    return TRUE;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) < min ||
      json_array_get_length (json_node_get_array (node)) > max)
    return fail (field, error, where, "must be an array of %u to %u elements.", min, max);

  *value = json_node_get_array (node);

  return TRUE;
}

/* "YYYY-MM". */
static gboolean
check_month (JsonObject  *object,
             const char  *path,
             const char  *name,
             char       **field,
             GError     **error)
{
  g_autofree char *where = member_path (path, name);
  const char *text;
  char year_text[5];
  guint64 year = 0;
  guint64 month = 0;

  if (!check_text (object, path, name, 7, &text, field, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  g_strlcpy (year_text, text, sizeof year_text);
  if (strlen (text) != 7 || text[4] != '-' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[5]) ||
      !g_ascii_string_to_unsigned (text + 5, 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (year_text, 10, MIN_YEAR, MAX_YEAR, &year, NULL))
    return fail (field, error, where, "must be a month written YYYY-MM.");

  return TRUE;
}

static gboolean
validate_media_kind (JsonObject  *kind,
                     const char  *path,
                     gboolean     video,
                     char       **field,
                     GError     **error)
{
  static const char * const image_allowed[] = {
    "formats", "max_bytes", "aspect_ratio_min", "aspect_ratio_max", "min_width", NULL
  };
  static const char * const video_allowed[] = {
    "formats", "max_bytes", "min_seconds", "max_seconds", "aspect_ratio_min",
    "aspect_ratio_max", NULL
  };
  static const char * const required[] = { "formats", NULL };
  g_autofree char *formats_path = member_path (path, "formats");
  JsonArray *formats;
  double ratio_min;
  double ratio_max;
  double seconds_min = -1;
  double seconds_max = -1;

  if (!check_members (kind, path, video ? video_allowed : image_allowed, required, field, error) ||
      !check_array (kind, path, "formats", 1, 16, &formats, field, error) ||
      !check_integer (kind, path, "max_bytes", TRUE, 1, G_GINT64_CONSTANT (1) << 50,
                      field, error) ||
      !check_number (kind, path, "aspect_ratio_min", FALSE, 100, &ratio_min, field, error) ||
      !check_number (kind, path, "aspect_ratio_max", FALSE, 100, &ratio_max, field, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (formats); i++)
    {
      JsonNode *node = json_array_get_element (formats, i);
      const char *type = node_is_string (node) ? json_node_get_string (node) : NULL;
      const char *slash = type != NULL ? strchr (type, '/') : NULL;

      if (slash == NULL || slash == type || slash[1] == '\0' || strlen (type) > 100 ||
          !g_str_has_prefix (type, video ? "video/" : "image/"))
        {
          g_autofree char *where = element_path (formats_path, i);

          return fail (field, error, where, "must be a MIME type such as '%s'.",
                       video ? "video/mp4" : "image/jpeg");
        }
    }

  if (ratio_min > 0 && ratio_max > 0 && ratio_min > ratio_max)
    {
      g_autofree char *where = member_path (path, "aspect_ratio_min");

      return fail (field, error, where, "must not be above aspect_ratio_max.");
    }

  if (video)
    {
      if (!check_number (kind, path, "min_seconds", TRUE, 86400, &seconds_min, field, error) ||
          !check_number (kind, path, "max_seconds", FALSE, 86400, &seconds_max, field, error))
        return FALSE;

      if (seconds_min >= 0 && seconds_max > 0 && seconds_min > seconds_max)
        {
          g_autofree char *where = member_path (path, "min_seconds");

          return fail (field, error, where, "must not be above max_seconds.");
        }
    }
  else if (!check_integer (kind, path, "min_width", TRUE, 1, 100000, field, error))
    return FALSE;

  return TRUE;
}

static gboolean
validate_text_field (JsonObject  *text,
                     const char  *path,
                     const char **name,
                     char       **field,
                     GError     **error)
{
  static const char * const allowed[] = {
    "field", "max", "counting", "url_length", "required", NULL
  };
  static const char * const required[] = { "field", "max", "counting", NULL };

  return check_members (text, path, allowed, required, field, error) &&
         check_identifier (text, path, "field", name, field, error) &&
         check_integer (text, path, "max", FALSE, 1, 1000000, field, error) &&
         check_one_of (text, path, "counting", countings, field, error) &&
         check_integer (text, path, "url_length", FALSE, 1, 1000, field, error) &&
         check_boolean (text, path, "required", field, error);
}

static gboolean
validate_platform (JsonObject  *platform,
                   const char  *path,
                   GHashTable  *ids,
                   char       **field,
                   GError     **error)
{
  static const char * const allowed[] = {
    "id", "name", "source", "checked", "text", "hashtags_max", "mentions_max", "media",
    "forbidden_characters", "notes", NULL
  };
  static const char * const required[] = {
    "id", "name", "source", "checked", "text", "media", NULL
  };
  static const char * const media_allowed[] = {
    "max_items", "max_videos", "mixed", "image", "video", NULL
  };
  static const char * const media_required[] = { "max_items", "image", "video", NULL };
  g_autoptr(GHashTable) text_fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text_path = member_path (path, "text");
  g_autofree char *media_path = member_path (path, "media");
  g_autofree char *image_path = NULL;
  g_autofree char *video_path = NULL;
  g_autofree char *forbidden_path = member_path (path, "forbidden_characters");
  g_autofree char *notes_path = member_path (path, "notes");
  const char *id;
  const char *source;
  JsonArray *texts;
  JsonArray *forbidden;
  JsonArray *notes;
  JsonObject *media;
  JsonObject *image;
  JsonObject *video;

  if (!check_members (platform, path, allowed, required, field, error) ||
      !check_identifier (platform, path, "id", &id, field, error) ||
      !check_text (platform, path, "name", 100, NULL, field, error) ||
      !check_text (platform, path, "source", 500, &source, field, error) ||
      !check_month (platform, path, "checked", field, error) ||
      !check_array (platform, path, "text", 1, 10, &texts, field, error) ||
      !check_integer (platform, path, "hashtags_max", TRUE, 0, 10000, field, error) ||
      !check_integer (platform, path, "mentions_max", TRUE, 0, 10000, field, error) ||
      !check_object (platform, path, "media", FALSE, &media, field, error) ||
      !check_array (platform, path, "forbidden_characters", 0, 100, &forbidden, field, error) ||
      !check_array (platform, path, "notes", 0, 50, &notes, field, error))
    return FALSE;

  if (!g_hash_table_add (ids, (gpointer) id))
    {
      g_autofree char *where = member_path (path, "id");

      return fail (field, error, where, "names a platform that is listed already.");
    }

  if (!g_str_has_prefix (source, "https://"))
    {
      g_autofree char *where = member_path (path, "source");

      return fail (field, error, where, "must be an https:// address.");
    }

  for (guint i = 0; i < json_array_get_length (texts); i++)
    {
      JsonNode *node = json_array_get_element (texts, i);
      g_autofree char *where = element_path (text_path, i);
      const char *name = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (field, error, where, "must be an object.");

      if (!validate_text_field (json_node_get_object (node), where, &name, field, error))
        return FALSE;

      if (!g_hash_table_add (text_fields, (gpointer) name))
        return fail (field, error, where, "names a text field that is listed already.");
    }

  if (!check_members (media, media_path, media_allowed, media_required, field, error) ||
      !check_integer (media, media_path, "max_items", FALSE, 0, 1000, field, error) ||
      !check_integer (media, media_path, "max_videos", FALSE, 0, 1000, field, error) ||
      !check_boolean (media, media_path, "mixed", field, error) ||
      !check_object (media, media_path, "image", TRUE, &image, field, error) ||
      !check_object (media, media_path, "video", TRUE, &video, field, error))
    return FALSE;

  image_path = member_path (media_path, "image");
  video_path = member_path (media_path, "video");
  if ((image != NULL && !validate_media_kind (image, image_path, FALSE, field, error)) ||
      (video != NULL && !validate_media_kind (video, video_path, TRUE, field, error)))
    return FALSE;

  for (guint i = 0; forbidden != NULL && i < json_array_get_length (forbidden); i++)
    {
      JsonNode *node = json_array_get_element (forbidden, i);
      const char *text = node_is_string (node) ? json_node_get_string (node) : NULL;

      if (text == NULL || g_utf8_strlen (text, -1) != 1)
        {
          g_autofree char *where = element_path (forbidden_path, i);

          return fail (field, error, where, "must be a string of one character.");
        }
    }

  for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
    {
      JsonNode *node = json_array_get_element (notes, i);

      if (!node_is_string (node) || json_node_get_string (node)[0] == '\0' ||
          g_utf8_strlen (json_node_get_string (node), -1) > 1000)
        {
          g_autofree char *where = element_path (notes_path, i);

          return fail (field, error, where, "must be a string of 1 to 1000 characters.");
        }
    }

  return TRUE;
}

static gboolean
validate_platforms (JsonObject  *root,
                    char       **field,
                    GError     **error)
{
  static const char * const allowed[] = { "format", "checked", "platforms", NULL };
  static const char * const required[] = { "format", "platforms", NULL };
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *platforms;

  if (!check_members (root, "", allowed, required, field, error) ||
      !check_integer (root, "", "format", FALSE, 1, 1, field, error) ||
      !check_month (root, "", "checked", field, error) ||
      !check_array (root, "", "platforms", 1, 50, &platforms, field, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      JsonNode *node = json_array_get_element (platforms, i);
      g_autofree char *where = element_path ("platforms", i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (field, error, where, "must be an object.");

      if (!validate_platform (json_node_get_object (node), where, ids, field, error))
        return FALSE;
    }

  return TRUE;
}

/* The number in the @length digits at @text. */
static gboolean
parse_part (const char *text,
            gsize       length,
            guint64     min,
            guint64     max,
            guint64    *value)
{
  char part[8] = { 0 };

  g_assert (length < sizeof part);
  memcpy (part, text, length);

  return g_ascii_isdigit (part[0]) &&
         g_ascii_string_to_unsigned (part, 10, min, max, value, NULL);
}

static gboolean
validate_holidays (JsonObject  *root,
                   int          year,
                   char       **field,
                   GError     **error)
{
  static const char * const allowed[] = { "format", "year", "status", "holidays", NULL };
  static const char * const required[] = { "format", "year", "holidays", NULL };
  static const char * const entry_allowed[] = { "date", "name", "kind", "source", NULL };
  g_autoptr(GHashTable) dates = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *holidays;

  if (!check_members (root, "", allowed, required, field, error) ||
      !check_integer (root, "", "format", FALSE, 1, 1, field, error) ||
      !check_integer (root, "", "year", FALSE, year, year, field, error) ||
      !check_text (root, "", "status", 500, NULL, field, error) ||
      !check_array (root, "", "holidays", 0, 100, &holidays, field, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (holidays); i++)
    {
      JsonNode *node = json_array_get_element (holidays, i);
      g_autofree char *where = element_path ("holidays", i);
      g_autofree char *date_path = member_path (where, "date");
      const char *date;
      guint64 y = 0, m = 0, d = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (field, error, where, "must be an object.");

      if (!check_members (json_node_get_object (node), where, entry_allowed, entry_allowed,
                          field, error) ||
          !check_text (json_node_get_object (node), where, "date", 10, &date, field, error) ||
          !check_text (json_node_get_object (node), where, "name", 200, NULL, field, error) ||
          !check_one_of (json_node_get_object (node), where, "kind", holiday_kinds,
                         field, error) ||
          !check_text (json_node_get_object (node), where, "source", 500, NULL, field, error))
        return FALSE;

      if (strlen (date) != 10 || date[4] != '-' || date[7] != '-' ||
          !g_ascii_isdigit (date[0]) || !g_ascii_isdigit (date[5]) ||
          !g_ascii_isdigit (date[8]) ||
          !parse_part (date, 4, 0, 9999, &y) ||
          !parse_part (date + 5, 2, 1, 12, &m) ||
          !g_ascii_string_to_unsigned (date + 8, 10, 1, 31, &d, NULL) ||
          !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
        return fail (field, error, date_path, "must be a date written YYYY-MM-DD.");

      if ((int) y != year)
        return fail (field, error, date_path, "must be in %d.", year);

      if (!g_hash_table_add (dates, (gpointer) date))
        return fail (field, error, date_path, "is listed already.");
    }

  return TRUE;
}

/* The service levels: the seven values of SigapSlaSettings, each in the
 * range sigap_sla_settings_clamp() brings it to, so that what a regency
 * stores is what its desktops count. A step of 0 days, which the clamp
 * lets through, makes no sense for a regulation: it is refused. */
static gboolean
validate_sla (JsonObject  *root,
              char       **field,
              GError     **error)
{
  static const char * const allowed[] = {
    "format", "source", "verification_days", "information_days", "complaint_days",
    "resolution_days", "resolution_field_check_days", "due_soon_days", "reply_warning_hours",
    NULL
  };
  static const char * const required[] = {
    "format", "verification_days", "information_days", "complaint_days", "resolution_days",
    "resolution_field_check_days", "due_soon_days", "reply_warning_hours", NULL
  };
  static const char * const steps[] = {
    "verification_days", "information_days", "complaint_days", "resolution_days",
    "resolution_field_check_days",
  };

  if (!check_members (root, "", allowed, required, field, error) ||
      !check_integer (root, "", "format", FALSE, 1, 1, field, error) ||
      !check_text (root, "", "source", 500, NULL, field, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (!check_integer (root, "", steps[i], FALSE, 1, SIGAP_SLA_MAX_DAYS, field, error))
      return FALSE;

  return check_integer (root, "", "due_soon_days", FALSE, 0, SIGAP_SLA_MAX_DUE_SOON_DAYS,
                        field, error) &&
         check_integer (root, "", "reply_warning_hours", FALSE, 0,
                        SIGAP_SLA_MAX_REPLY_WARNING_HOURS, field, error);
}

/* A string member of at most @max characters, empty allowed, without
 * control characters but for a line break when @lines. */
static gboolean
check_string (JsonObject  *object,
              const char  *path,
              const char  *name,
              guint        max,
              gboolean     lines,
              char       **field,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = member_path (path, name);
  const char *text;

  if (!node_is_string (node))
    return fail (field, error, where, "must be a string.");

  text = json_node_get_string (node);
  if (g_utf8_strlen (text, -1) > (glong) max)
    return fail (field, error, where, "must hold at most %u characters.", max);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && !(lines && c == '\n'))
        return fail (field, error, where, "must not hold control characters.");
    }

  return TRUE;
}

/* The logo: null, or a PNG image in base64. */
static gboolean
check_logo (JsonObject  *object,
            const char  *path,
            char       **field,
            GError     **error)
{
  static const guchar png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  JsonNode *node = json_object_get_member (object, "logo_png");
  g_autofree char *where = member_path (path, "logo_png");
  g_autofree guchar *bytes = NULL;
  const char *text;
  gsize length = 0;

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!node_is_string (node))
    return fail (field, error, where, "must be a PNG image in base64, or null.");

  text = json_node_get_string (node);
  if (strlen (text) > MAX_LOGO_BASE64)
    return fail (field, error, where, "must hold at most %u characters of base64.",
                 MAX_LOGO_BASE64);

  /* g_base64_decode() skips what is not base64: refuse it first. */
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      return fail (field, error, where, "must be a PNG image in base64, or null.");

  bytes = g_base64_decode (text, &length);
  if (length <= sizeof png_signature || memcmp (bytes, png_signature, sizeof png_signature) != 0)
    return fail (field, error, where, "must be a PNG image in base64, or null.");

  return TRUE;
}

/* The monthly report's template: its title, the letterhead and which
 * sections the report has, in their order. */
static gboolean
validate_report_template (JsonObject  *root,
                          char       **field,
                          GError     **error)
{
  static const char * const allowed[] = { "format", "title", "letterhead", "sections", NULL };
  static const char * const letterhead_allowed[] = { "lines", "address", "logo_png", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *letterhead;
  JsonArray *lines;
  JsonArray *sections;

  if (!check_members (root, "", allowed, allowed, field, error) ||
      !check_integer (root, "", "format", FALSE, 1, 1, field, error) ||
      !check_text (root, "", "title", MAX_TEMPLATE_TITLE, NULL, field, error) ||
      !check_object (root, "", "letterhead", FALSE, &letterhead, field, error) ||
      !check_members (letterhead, "letterhead", letterhead_allowed, letterhead_allowed,
                      field, error) ||
      !check_array (letterhead, "letterhead", "lines", 1, MAX_LETTERHEAD_LINES, &lines,
                    field, error) ||
      !check_string (letterhead, "letterhead", "address", MAX_LETTERHEAD_ADDRESS, TRUE,
                     field, error) ||
      !check_logo (letterhead, "letterhead", field, error) ||
      !check_array (root, "", "sections", 1, G_N_ELEMENTS (report_sections) - 1, &sections,
                    field, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonNode *node = json_array_get_element (lines, i);
      g_autofree char *where = element_path ("letterhead.lines", i);
      const char *text = node_is_string (node) ? json_node_get_string (node) : NULL;
      gboolean control = FALSE;

      for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        control |= g_unichar_iscntrl (g_utf8_get_char (p));

      if (text == NULL || g_utf8_strlen (text, -1) > MAX_LETTERHEAD_LINE || control)
        return fail (field, error, where, "must be a line of at most %u characters.",
                     MAX_LETTERHEAD_LINE);
    }

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonNode *node = json_array_get_element (sections, i);
      g_autofree char *where = element_path ("sections", i);
      const char *name = node_is_string (node) ? json_node_get_string (node) : NULL;

      if (name == NULL || !g_strv_contains (report_sections, name))
        {
          g_autofree char *list = g_strjoinv ("', '", (char **) report_sections);

          return fail (field, error, where, "must be one of '%s'.", list);
        }

      if (!g_hash_table_add (seen, (gpointer) name))
        return fail (field, error, where, "is listed already.");
    }

  return TRUE;
}

/* A hashtag as the platforms link it: '#' then letters, digits or '_'
 * (/^#[\p{L}\p{N}_]+$/). */
static gboolean
is_hashtag (const char *text)
{
  if (text[0] != '#' || text[1] == '\0')
    return FALSE;

  for (const char *p = text + 1; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_LOWERCASE_LETTER:
        case G_UNICODE_MODIFIER_LETTER:
        case G_UNICODE_OTHER_LETTER:
        case G_UNICODE_TITLECASE_LETTER:
        case G_UNICODE_UPPERCASE_LETTER:
        case G_UNICODE_DECIMAL_NUMBER:
        case G_UNICODE_LETTER_NUMBER:
        case G_UNICODE_OTHER_NUMBER:
          break;

        default:
          if (c != '_')
            return FALSE;
        }
    }

  return TRUE;
}

/* An OPD's code, as the server takes it: lowercase letters, digits or
 * '-', not first. */
static gboolean
is_opd_code (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > MAX_OPD_CODE || text[0] == '-')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/* An "id" member, not used by an earlier element of the same array. */
static gboolean
check_unique_id (JsonObject  *object,
                 const char  *path,
                 GHashTable  *seen,
                 char       **field,
                 GError     **error)
{
  g_autofree char *where = member_path (path, "id");
  const char *id;

  if (!check_identifier (object, path, "id", &id, field, error))
    return FALSE;

  if (!g_hash_table_add (seen, (gpointer) id))
    return fail (field, error, where, "is used by another element already.");

  return TRUE;
}

static gboolean
validate_hashtag_set (JsonObject  *set,
                      const char  *path,
                      GHashTable  *ids,
                      char       **field,
                      GError     **error)
{
  static const char * const allowed[] = { "id", "name", "hashtags", "opd", NULL };
  g_autofree char *hashtags_path = member_path (path, "hashtags");
  g_autofree char *opd_path = member_path (path, "opd");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *hashtags;
  JsonNode *opd;

  if (!check_members (set, path, allowed, allowed, field, error) ||
      !check_unique_id (set, path, ids, field, error) ||
      !check_text (set, path, "name", MAX_POST_TEMPLATE_NAME, NULL, field, error) ||
      !check_array (set, path, "hashtags", 1, MAX_HASHTAGS_PER_SET, &hashtags, field, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (hashtags); i++)
    {
      JsonNode *node = json_array_get_element (hashtags, i);
      g_autofree char *where = element_path (hashtags_path, i);
      const char *text = node_is_string (node) ? json_node_get_string (node) : NULL;
      g_autofree char *folded = NULL;
      g_autofree char *normal = NULL;

      if (text == NULL || g_utf8_strlen (text, -1) > MAX_HASHTAG || !is_hashtag (text))
        return fail (field, error, where, "must be a hashtag of at most %u characters: '#' "
                     "then letters, digits or '_'.", MAX_HASHTAG);

      /* The platforms do not tell #Sehat from #sehat. */
      folded = g_utf8_casefold (text, -1);
      normal = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
      if (!g_hash_table_add (seen, g_steal_pointer (&normal)))
        return fail (field, error, where, "is listed already.");
    }

  opd = json_object_get_member (set, "opd");
  if (!JSON_NODE_HOLDS_NULL (opd) &&
      !(node_is_string (opd) && is_opd_code (json_node_get_string (opd))))
    return fail (field, error, opd_path, "must be null for the whole regency, or an OPD's "
                 "code: 1 to %u lowercase letters, digits or '-'.", MAX_OPD_CODE);

  return TRUE;
}

/* A post category, as sigap_post_get_category() is written in sync:
 * SigapContentCategory's nick. */
static gboolean
check_category (JsonObject  *object,
                const char  *path,
                char       **field,
                GError     **error)
{
  g_autoptr(GEnumClass) categories = g_type_class_ref (SIGAP_TYPE_CONTENT_CATEGORY);
  g_autoptr(GPtrArray) nicks = g_ptr_array_new ();
  g_autofree char *where = member_path (path, "category");
  g_autofree char *list = NULL;
  JsonNode *node = json_object_get_member (object, "category");

  if (node_is_string (node) &&
      g_enum_get_value_by_nick (categories, json_node_get_string (node)) != NULL)
    return TRUE;

  for (guint i = 0; i < categories->n_values; i++)
    g_ptr_array_add (nicks, (gpointer) categories->values[i].value_nick);
  g_ptr_array_add (nicks, NULL);
  list = g_strjoinv ("', '", (char **) nicks->pdata);

  return fail (field, error, where, "must be one of '%s'.", list);
}

/* A template's body: its text and its placeholders. */
static gboolean
check_body (JsonObject  *object,
            const char  *path,
            char       **field,
            GError     **error)
{
  g_autofree char *where = member_path (path, "body");
  g_autofree char *problem = NULL;
  const char *body;

  if (!check_string (object, path, "body", MAX_POST_TEMPLATE_BODY, TRUE, field, error))
    return FALSE;

  body = json_object_get_string_member (object, "body");

  for (const char *p = body; ; p = g_utf8_next_char (p))
    {
      if (*p == '\0')
        return fail (field, error, where, "must not be empty.");
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        break;
    }

  if (!sigap_post_template_check_body (body, &problem))
    {
      if (problem[0] == '{' && problem[1] != '\0')
        return fail (field, error, where, "has the unknown placeholder %s: the placeholders "
                     "are {opd}, {tanggal} and {tahun}.", problem);

      return fail (field, error, where, "has a '%s' that is not part of a placeholder: write "
                   "a brace as '%s%s'.", problem, problem, problem);
    }

  return TRUE;
}

/* "MM-DD", a day that exists in some year (29 February does). */
static gboolean
check_month_day (JsonObject  *object,
                 const char  *path,
                 char       **field,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, "date");
  g_autofree char *where = member_path (path, "date");
  const char *text = node_is_string (node) ? json_node_get_string (node) : NULL;
  guint64 month = 0;
  guint64 day = 0;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (text == NULL || strlen (text) != 5 || text[2] != '-' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]) ||
      !parse_part (text, 2, 1, 12, &month) ||
      !g_ascii_string_to_unsigned (text + 3, 10, 1, 31, &day, NULL) ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, 2000))
    return fail (field, error, where, "must be a day of the year written MM-DD, or null.");

  return TRUE;
}

static gboolean
validate_post_template (JsonObject  *template_,
                        const char  *path,
                        GHashTable  *ids,
                        char       **field,
                        GError     **error)
{
  static const char * const allowed[] = {
    "id", "name", "kind", "category", "body", "date", NULL
  };

  return check_members (template_, path, allowed, allowed, field, error) &&
         check_unique_id (template_, path, ids, field, error) &&
         check_text (template_, path, "name", MAX_POST_TEMPLATE_NAME, NULL, field, error) &&
         check_one_of (template_, path, "kind", post_template_kinds, field, error) &&
         check_category (template_, path, field, error) &&
         check_body (template_, path, field, error) &&
         check_month_day (template_, path, field, error);
}

/* The regency's post templates and hashtag sets. */
static gboolean
validate_post_templates (JsonObject  *root,
                         char       **field,
                         GError     **error)
{
  static const char * const allowed[] = { "format", "hashtag_sets", "templates", NULL };
  g_autoptr(GHashTable) set_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) template_ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *sets;
  JsonArray *templates;

  if (!check_members (root, "", allowed, allowed, field, error) ||
      !check_integer (root, "", "format", FALSE, 1, 1, field, error) ||
      !check_array (root, "", "hashtag_sets", 0, MAX_HASHTAG_SETS, &sets, field, error) ||
      !check_array (root, "", "templates", 0, MAX_POST_TEMPLATES, &templates, field, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (sets); i++)
    {
      JsonNode *node = json_array_get_element (sets, i);
      g_autofree char *where = element_path ("hashtag_sets", i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (field, error, where, "must be an object.");

      if (!validate_hashtag_set (json_node_get_object (node), where, set_ids, field, error))
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      JsonNode *node = json_array_get_element (templates, i);
      g_autofree char *where = element_path ("templates", i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (field, error, where, "must be an object.");

      if (!validate_post_template (json_node_get_object (node), where, template_ids,
                                   field, error))
        return FALSE;
    }

  return TRUE;
}

/* }}} */

/* Parsing {{{ */

/* json-glib parses recursively: refuse deep nesting before it does. */
static gboolean
nesting_is_shallow (const char *data,
                    gsize       length)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if (c == ']' || c == '}')
        depth--;
    }

  return TRUE;
}

static JsonNode *
parse_document (const char *data,
                gsize       length)
{
  g_autoptr(JsonParser) parser = NULL;

  if (length == 0 || !g_utf8_validate (data, length, NULL) || !nesting_is_shallow (data, length))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, NULL) ||
      json_parser_get_root (parser) == NULL)
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}


/* }}} */

/**
 * sigap_central_schema_parse:
 * @data: (array length=length): the bytes of a JSON document
 * @length: how many bytes @data holds
 *
 * Parses a JSON document that came from outside: it must be UTF-8 and
 * nest at most 32 levels, since json-glib parses recursively.
 *
 * Returns: (transfer full) (nullable): the document's root, or %NULL when
 *   @data is not such a document
 */
JsonNode *
sigap_central_schema_parse (const char *data,
                            gsize       length)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return parse_document (data, length);
}

/**
 * sigap_central_schema_validate:
 * @kind: what @root should be
 * @root: a parsed JSON document
 * @year: for %SIGAP_CENTRAL_DOCUMENT_HOLIDAYS, the year it must describe
 * @field: (out) (optional) (transfer full): where the first problem is,
 *   as in "platforms[2].text[0].max"
 * @error: return location for a #SigapCentralSchemaError
 *
 * Checks the shape of a platform-rules, holidays, service-levels,
 * report-template or post-templates document strictly: no unknown
 * member, every required one, each of the right type and range
 * (docs/api.md describes them).
 *
 * Returns: %TRUE if @root has the shape
 */
gboolean
sigap_central_schema_validate (SigapCentralDocumentKind   kind,
                               JsonNode                  *root,
                               int                        year,
                               char                     **field,
                               GError                   **error)
{
  g_return_val_if_fail (root != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail (field, error, "", "must be a JSON object.");

  if (kind == SIGAP_CENTRAL_DOCUMENT_PLATFORMS)
    return validate_platforms (json_node_get_object (root), field, error);

  if (kind == SIGAP_CENTRAL_DOCUMENT_SLA)
    return validate_sla (json_node_get_object (root), field, error);

  if (kind == SIGAP_CENTRAL_DOCUMENT_REPORT_TEMPLATE)
    return validate_report_template (json_node_get_object (root), field, error);

  if (kind == SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES)
    return validate_post_templates (json_node_get_object (root), field, error);

  return validate_holidays (json_node_get_object (root), year, field, error);
}

/**
 * sigap_central_schema_document_name:
 * @kind: which document
 * @year: for %SIGAP_CENTRAL_DOCUMENT_HOLIDAYS, its year
 *
 * Returns: (transfer full): the document's name, "platforms", "sla",
 *   "report-template", "post-templates" or "holidays/YYYY"; its file is
 *   the name with ".json"
 */
char *
sigap_central_schema_document_name (SigapCentralDocumentKind kind,
                                    int                      year)
{
  if (kind == SIGAP_CENTRAL_DOCUMENT_PLATFORMS)
    return g_strdup ("platforms");

  if (kind == SIGAP_CENTRAL_DOCUMENT_SLA)
    return g_strdup ("sla");

  if (kind == SIGAP_CENTRAL_DOCUMENT_REPORT_TEMPLATE)
    return g_strdup ("report-template");

  if (kind == SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES)
    return g_strdup ("post-templates");

  return g_strdup_printf ("holidays/%d", year);
}

/**
 * sigap_central_schema_year_is_valid:
 * @year: a year
 *
 * Returns: whether a holiday calendar may exist for @year (1970 to 2100)
 */
gboolean
sigap_central_schema_year_is_valid (int year)
{
  return year >= MIN_YEAR && year <= MAX_YEAR;
}
