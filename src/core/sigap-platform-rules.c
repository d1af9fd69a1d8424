/* sigap-platform-rules.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-platform-rules"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "sigap-enums.h"
#include "sigap-media.h"
#include "sigap-platform-rules.h"

/*
 * The composer's text checks, from the platform rules document
 * (data/platforms.json, a central document): each text field's maximum in
 * the platform's own counting, the required fields, the most hashtags and
 * mentions, the characters a platform refuses; and Instagram's captions,
 * whose links cannot be clicked. The document is read once, in _new(): the
 * composer checks on every keystroke.
 *
 * Its "media" part checks the photos and videos of a post: how many, of
 * which kinds together, and each file's format, size, aspect ratio, width
 * and duration. The messages give the limit and the file's value in
 * Indonesian numbers (a decimal comma), the file's rounded away from the
 * limit so that a file just over it never reads as the limit itself.
 */

typedef enum
{
  COUNTING_CHARACTERS,  /* Unicode code points after NFC */
  COUNTING_X_WEIGHTED,  /* twitter-text's weighted length */
  COUNTING_UTF8_BYTES,
  COUNTING_UTF16,
} Counting;

typedef struct
{
  const char *field;    /* interned */
  int         max;
  Counting    counting;
  gboolean    required;
} FieldRule;

/* Limits of one kind of media; -1 is no limit. */
typedef struct
{
  gboolean  accepted;
  GStrv     formats;      /* MIME types */
  gint64    max_bytes;
  double    ratio_min;    /* width ÷ height */
  double    ratio_max;
  int       min_width;    /* pixels; images only */
  double    min_seconds;  /* videos only */
  double    max_seconds;
} KindRule;

typedef struct
{
  gboolean  present;      /* FALSE: the document gives no media rules */
  int       max_items;    /* -1: no limit */
  int       max_videos;   /* -1: no limit */
  gboolean  mixed;        /* images and videos in one post */
  KindRule  image;
  KindRule  video;
} MediaRule;

typedef struct
{
  gboolean   present;
  char      *name;
  GArray    *fields;      /* FieldRule */
  int        hashtags_max; /* -1: no limit */
  int        mentions_max; /* -1: no limit */
  GStrv      forbidden;
  MediaRule  media;
} PlatformRule;

struct _SigapPlatformRules
{
  gatomicrefcount   ref_count;
  SigapTwitterText *twitter;
  PlatformRule      platforms[SIGAP_N_PLATFORMS];
};

G_DEFINE_QUARK (sigap-platform-rules-error-quark, sigap_platform_rules_error)

static const struct
{
  const char *name;
  Counting    counting;
} countings[] = {
  { "characters", COUNTING_CHARACTERS },
  { "x-weighted", COUNTING_X_WEIGHTED },
  { "utf8-bytes", COUNTING_UTF8_BYTES },
  { "utf16", COUNTING_UTF16 },
};

static gboolean
invalid (GError     **error,
         const char  *id,
         const char  *what)
{
  g_set_error (error, SIGAP_PLATFORM_RULES_ERROR, SIGAP_PLATFORM_RULES_ERROR_INVALID,
               _("The platform rules for “%s” are not valid: %s."), id, what);
  return FALSE;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* A member that is null, missing or a count: -1 for no limit. */
static gboolean
read_limit (JsonObject  *object,
            const char  *member,
            int         *limit)
{
  JsonNode *node = json_object_get_member (object, member);

  *limit = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!is_integer (node) || json_node_get_int (node) < 0
      || json_node_get_int (node) > G_MAXINT)
    return FALSE;

  *limit = (int) json_node_get_int (node);
  return TRUE;
}

/* A member that is null, missing or a number above 0 (or 0 when
 * @zero_allowed): -1 for no limit. */
static gboolean
read_number (JsonObject  *object,
             const char  *member,
             gboolean     zero_allowed,
             double      *value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;

  return isfinite (*value) && (*value > 0 || (zero_allowed && *value == 0));
}

/* An image or video object, or null when the platform takes none. */
static gboolean
read_media_kind (JsonNode    *node,
                 const char  *prefix,
                 gboolean     video,
                 KindRule    *rule)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObject *object;
  JsonNode *formats;
  JsonNode *max_bytes;
  JsonArray *array;

  rule->max_bytes = -1;
  rule->ratio_min = rule->ratio_max = -1;
  rule->min_width = -1;
  rule->min_seconds = rule->max_seconds = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);

  formats = json_object_get_member (object, "formats");
  if (formats == NULL || !JSON_NODE_HOLDS_ARRAY (formats))
    return FALSE;
  array = json_node_get_array (formats);
  if (json_array_get_length (array) == 0)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *type;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return FALSE;
      type = json_node_get_string (element);
      if (!g_str_has_prefix (type, prefix) || type[strlen (prefix)] == '\0')
        return FALSE;
      g_strv_builder_add (builder, type);
    }

  max_bytes = json_object_get_member (object, "max_bytes");
  if (max_bytes != NULL && !JSON_NODE_HOLDS_NULL (max_bytes))
    {
      if (!is_integer (max_bytes) || json_node_get_int (max_bytes) <= 0)
        return FALSE;
      rule->max_bytes = json_node_get_int (max_bytes);
    }

  if (!read_number (object, "aspect_ratio_min", FALSE, &rule->ratio_min)
      || !read_number (object, "aspect_ratio_max", FALSE, &rule->ratio_max)
      || (rule->ratio_min > 0 && rule->ratio_max > 0 && rule->ratio_min > rule->ratio_max))
    return FALSE;

  if (video)
    {
      if (!read_number (object, "min_seconds", TRUE, &rule->min_seconds)
          || !read_number (object, "max_seconds", FALSE, &rule->max_seconds)
          || (rule->min_seconds >= 0 && rule->max_seconds > 0
              && rule->min_seconds > rule->max_seconds))
        return FALSE;
    }
  else if (!read_limit (object, "min_width", &rule->min_width) || rule->min_width == 0)
    return FALSE;

  rule->formats = g_strv_builder_end (builder);
  rule->accepted = TRUE;

  return TRUE;
}

/* The "media" object; a platform without one has no media rules. */
static gboolean
read_media (MediaRule   *rule,
            JsonObject  *platform,
            const char  *id,
            GError     **error)
{
  JsonNode *node = json_object_get_member (platform, "media");
  JsonObject *object;
  JsonNode *mixed;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, id, _("its media rules are not an object"));
  object = json_node_get_object (node);

  if (!read_limit (object, "max_items", &rule->max_items)
      || !read_limit (object, "max_videos", &rule->max_videos))
    return invalid (error, id, _("a media count is not a count"));

  mixed = json_object_get_member (object, "mixed");
  if (mixed != NULL && !JSON_NODE_HOLDS_NULL (mixed)
      && !(JSON_NODE_HOLDS_VALUE (mixed) && json_node_get_value_type (mixed) == G_TYPE_BOOLEAN))
    return invalid (error, id, _("whether images and videos mix is not true or false"));
  rule->mixed = mixed == NULL || JSON_NODE_HOLDS_NULL (mixed) || json_node_get_boolean (mixed);

  if (!read_media_kind (json_object_get_member (object, "image"), "image/", FALSE,
                        &rule->image))
    return invalid (error, id, _("its image rules are not valid"));
  if (!read_media_kind (json_object_get_member (object, "video"), "video/", TRUE,
                        &rule->video))
    return invalid (error, id, _("its video rules are not valid"));

  /* No video at all: the videos are refused one by one. */
  if (rule->max_videos == 0)
    rule->video.accepted = FALSE;
  rule->present = TRUE;

  return TRUE;
}

static gboolean
read_field (JsonNode   *node,
            FieldRule  *rule)
{
  JsonObject *object;
  JsonNode *max;
  JsonNode *required;
  const char *counting;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);

  rule->field = json_object_get_string_member_with_default (object, "field", NULL);
  counting = json_object_get_string_member_with_default (object, "counting", NULL);
  max = json_object_get_member (object, "max");
  required = json_object_get_member (object, "required");
  if (rule->field == NULL || rule->field[0] == '\0' || counting == NULL || !is_integer (max)
      || json_node_get_int (max) <= 0 || json_node_get_int (max) > G_MAXINT)
    return FALSE;
  if (required != NULL && !(JSON_NODE_HOLDS_VALUE (required)
                            && json_node_get_value_type (required) == G_TYPE_BOOLEAN))
    return FALSE;

  rule->field = g_intern_string (rule->field);
  rule->max = (int) json_node_get_int (max);
  rule->required = required != NULL && json_node_get_boolean (required);
  for (guint i = 0; i < G_N_ELEMENTS (countings); i++)
    {
      if (g_str_equal (counting, countings[i].name))
        {
          rule->counting = countings[i].counting;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
read_platform (PlatformRule  *rule,
               JsonObject    *object,
               const char    *id,
               GError       **error)
{
  JsonNode *texts = json_object_get_member (object, "text");
  JsonNode *forbidden = json_object_get_member (object, "forbidden_characters");
  const char *name = json_object_get_string_member_with_default (object, "name", NULL);
  JsonArray *array;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (name == NULL || name[0] == '\0')
    return invalid (error, id, _("it has no name"));
  if (texts == NULL || !JSON_NODE_HOLDS_ARRAY (texts))
    return invalid (error, id, _("it has no text fields"));
  if (!read_limit (object, "hashtags_max", &rule->hashtags_max)
      || !read_limit (object, "mentions_max", &rule->mentions_max))
    return invalid (error, id, _("a hashtag or mention limit is not a count"));

  rule->name = g_strdup (name);
  rule->fields = g_array_new (FALSE, FALSE, sizeof (FieldRule));
  array = json_node_get_array (texts);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      FieldRule field = { 0 };

      if (!read_field (json_array_get_element (array, i), &field))
        return invalid (error, id, _("a text field has no name, maximum or known counting"));
      g_array_append_val (rule->fields, field);
    }

  if (forbidden != NULL && !JSON_NODE_HOLDS_NULL (forbidden))
    {
      if (!JSON_NODE_HOLDS_ARRAY (forbidden))
        return invalid (error, id, _("the forbidden characters are not a list"));
      array = json_node_get_array (forbidden);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *character;

          if (!JSON_NODE_HOLDS_VALUE (element)
              || json_node_get_value_type (element) != G_TYPE_STRING)
            return invalid (error, id, _("a forbidden character is not text"));
          character = json_node_get_string (element);
          if (character[0] == '\0' || !g_utf8_validate (character, -1, NULL))
            return invalid (error, id, _("a forbidden character is not text"));
          g_strv_builder_add (builder, character);
        }
    }
  rule->forbidden = g_strv_builder_end (builder);

  if (!read_media (&rule->media, object, id, error))
    return FALSE;
  rule->present = TRUE;

  return TRUE;
}

static void
platform_rule_clear (PlatformRule *rule)
{
  g_clear_pointer (&rule->name, g_free);
  g_clear_pointer (&rule->fields, g_array_unref);
  g_clear_pointer (&rule->forbidden, g_strfreev);
  g_clear_pointer (&rule->media.image.formats, g_strfreev);
  g_clear_pointer (&rule->media.video.formats, g_strfreev);
  rule->media.present = FALSE;
  rule->present = FALSE;
}

static gboolean
is_ascii (const char *text,
          gsize      *length)
{
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80)
        return FALSE;
    }

  *length = p - text;
  return TRUE;
}

static int
count_text (SigapPlatformRules *self,
            Counting            counting,
            const char         *text)
{
  SigapTweetResult tweet;
  g_autofree char *normal = NULL;
  gsize length = 0;
  int units = 0;

  switch (counting)
    {
    case COUNTING_UTF8_BYTES:
      return (int) MIN (strlen (text), G_MAXINT);

    case COUNTING_X_WEIGHTED:
      sigap_twitter_text_parse (self->twitter, text, &tweet);
      return tweet.weighted_length;

    case COUNTING_UTF16:
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        units += g_utf8_get_char (p) >= 0x10000 ? 2 : 1;
      return units;

    case COUNTING_CHARACTERS:
    default:
      /* ASCII is its own NFC: the common case needs no copy. */
      if (is_ascii (text, &length))
        return (int) MIN (length, G_MAXINT);
      normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
      return (int) MIN (g_utf8_strlen (normal != NULL ? normal : text, -1), G_MAXINT);
    }
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* "Teks X", "Judul YouTube": the subject of the messages about a field. */
static char *
dup_field_label (const PlatformRule *rule,
                 const char         *field)
{
  if (g_str_equal (field, "text"))
    return g_strdup_printf (_("%s text"), rule->name);
  if (g_str_equal (field, "caption"))
    return g_strdup_printf (_("%s caption"), rule->name);
  if (g_str_equal (field, "title"))
    return g_strdup_printf (_("%s title"), rule->name);
  if (g_str_equal (field, "description"))
    return g_strdup_printf (_("%s description"), rule->name);

  return g_strdup_printf ("%s (%s)", rule->name, field);
}

static void
add_problem (GPtrArray            *problems,
             SigapTextProblemKind  kind,
             const char           *field,
             char                 *message,
             gboolean              blocks)
{
  SigapTextProblem *problem = g_new0 (SigapTextProblem, 1);

  problem->kind = kind;
  problem->field = field;
  problem->message = message;
  problem->blocks = blocks;
  g_ptr_array_add (problems, problem);
}

/* twitter-text finds a hashtag only after '#' or U+FF03, a mention only
 * after '@' or U+FF20: without one, no need to run its patterns. */
static gboolean
may_hold (const char *text,
          char        ascii,
          const char *fullwidth)
{
  return strchr (text, ascii) != NULL || strstr (text, fullwidth) != NULL;
}

/* Media messages. Each number rounds to @decimals places; a file's value
 * away from the limit it breaks (ROUND_UP over a maximum, ROUND_DOWN
 * under a minimum), a limit to the nearest. */
typedef enum
{
  ROUND_NEAREST,
  ROUND_UP,
  ROUND_DOWN,
} Rounding;

static double
round_to (double   value,
          int      decimals,
          Rounding rounding)
{
  double scaled = value * pow (10, decimals);
  /* Slack for the floating point's last bits: 0.8 × 100 is
   * 80.00000000000001, which must not round up to 81. */
  double slack = (fabs (scaled) + 1) * 1e-12;

  if (rounding == ROUND_UP)
    return ceil (scaled - slack) / pow (10, decimals);
  if (rounding == ROUND_DOWN)
    return floor (scaled + slack) / pow (10, decimals);

  return round (scaled) / pow (10, decimals);
}

/* "1,5", "2", "0,42": a decimal comma, no trailing zeros; at most 3
 * decimals. */
static char *
format_decimal (double   value,
                int      decimals,
                Rounding rounding)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *point;
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.3f", round_to (value, decimals, rounding));
  point = strchr (buffer, '.');
  if (point == NULL)
    return g_strdup (buffer);

  end = point + strlen (point);
  while (end > point + 1 && end[-1] == '0')
    *--end = '\0';
  if (end == point + 1)
    *point = '\0';
  else
    *point = ',';

  return g_strdup (buffer);
}

/* Indonesian groups thousands with a full stop: "1.080". */
static char *
format_count (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  GString *out = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && digits[i - 1] != '-' && (n - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/* "30 MB", "8,1 MB", "10 GB": the units of 1024 a layperson calls MB. */
static char *
format_bytes (guint64  bytes,
              Rounding rounding)
{
  static const char * const units[] = { "KB", "MB", "GB", "TB" };
  guint64 size = 1024;
  guint64 whole;
  guint64 rest;
  guint64 tenths;
  guint unit = 0;

  if (bytes < 1024)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u byte", "%u bytes", (gulong) bytes),
                            (guint) bytes);

  while (bytes / size >= 1024 && unit + 1 < G_N_ELEMENTS (units))
    {
      size *= 1024;
      unit++;
    }

  /* In whole numbers: a byte over 10 GB is 10,1 GB rounded up. */
  whole = bytes / size;
  rest = bytes % size;
  if (rounding == ROUND_UP)
    tenths = (rest * 10 + size - 1) / size;
  else if (rounding == ROUND_DOWN)
    tenths = rest * 10 / size;
  else
    tenths = (rest * 10 + size / 2) / size;
  whole += tenths / 10;
  tenths %= 10;

  if (tenths == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " %s", whole, units[unit]);

  return g_strdup_printf ("%" G_GUINT64_FORMAT ",%u %s", whole, (guint) tenths, units[unit]);
}

/* "2 minutes 20 seconds", "0,5 seconds", "4 hours". */
static char *
format_duration (double   seconds,
                 Rounding rounding)
{
  g_autoptr(GString) text = g_string_new (NULL);
  double value = round_to (seconds, 1, rounding);
  gint64 whole = (gint64) floor (value);
  double fraction = value - (double) whole;
  gint64 hours = whole / 3600;
  gint64 minutes = whole % 3600 / 60;
  gint64 rest = whole % 60;

  if (hours > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours",
                                               (gulong) hours),
                            (int) hours);
  if (minutes > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                                 (gulong) minutes),
                              (int) minutes);
    }
  if (fraction > 0.01)
    {
      g_autofree char *number = format_decimal ((double) rest + fraction, 1, ROUND_NEAREST);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: a number of seconds with a decimal comma, "0,5 detik" */
      g_string_append_printf (text, _("%s seconds"), number);
    }
  else if (rest > 0 || text->len == 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds",
                                                 (gulong) rest),
                              (int) rest);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "4:5" when the ratio is one of small numbers, else "1,91:1" or
 * "1:2,39" (the side that is 1 first when the picture is taller). */
static char *
format_ratio_value (double   ratio,
                    Rounding rounding)
{
  g_autofree char *number = NULL;

  if (ratio >= 1)
    {
      number = format_decimal (ratio, 2, rounding);
      return g_strdup_printf ("%s:1", number);
    }

  /* Taller: a ratio over a maximum is a smaller second number. */
  number = format_decimal (1 / ratio, 2,
                           rounding == ROUND_UP ? ROUND_DOWN
                           : rounding == ROUND_DOWN ? ROUND_UP : ROUND_NEAREST);
  return g_strdup_printf ("1:%s", number);
}

static char *
format_ratio_limit (double ratio)
{
  for (int d = 1; d <= 20; d++)
    {
      double n = round (ratio * d);

      if (n >= 1 && n <= 50 && fabs (n / d - ratio) < 1e-9)
        return g_strdup_printf ("%d:%d", (int) n, d);
    }

  return format_ratio_value (ratio, ROUND_NEAREST);
}

static char *
format_ratio_item (SigapMediaItem *item,
                   Rounding        rounding)
{
  int width = sigap_media_item_get_width (item);
  int height = sigap_media_item_get_height (item);
  int a = width;
  int b = height;

  while (b != 0)
    {
      int r = a % b;

      a = b;
      b = r;
    }

  if (a > 0 && width / a <= 50 && height / a <= 50)
    return g_strdup_printf ("%d:%d", width / a, height / a);

  return format_ratio_value (sigap_media_item_get_aspect_ratio (item), rounding);
}

/* "JPEG", "MOV": what people call a MIME type's format. */
static char *
dup_format_name (const char *mime_type)
{
  static const struct
  {
    const char *mime_type;
    const char *name;
  } names[] = {
    { "image/jpeg", "JPEG" },
    { "image/png", "PNG" },
    { "image/webp", "WebP" },
    { "image/gif", "GIF" },
    { "image/heic", "HEIC" },
    { "image/heif", "HEIF" },
    { "image/avif", "AVIF" },
    { "image/tiff", "TIFF" },
    { "image/bmp", "BMP" },
    { "image/svg+xml", "SVG" },
    { "video/mp4", "MP4" },
    { "video/quicktime", "MOV" },
    { "video/webm", "WebM" },
    { "video/x-matroska", "MKV" },
    { "video/x-msvideo", "AVI" },
    { "video/ogg", "Ogg" },
    { "video/3gpp", "3GP" },
    { "video/mpeg", "MPEG" },
    { "video/mp2t", "MPEG-TS" },
    { "video/x-ms-wmv", "WMV" },
    { "video/x-flv", "FLV" },
  };
  const char *subtype;

  if (mime_type == NULL)
    return g_strdup (C_("file format", "unknown"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (mime_type, names[i].mime_type) == 0)
        return g_strdup (names[i].name);
    }

  subtype = strchr (mime_type, '/');
  subtype = subtype != NULL ? subtype + 1 : mime_type;
  if (g_str_has_prefix (subtype, "x-"))
    subtype += 2;

  return g_ascii_strup (subtype, -1);
}

/* "JPEG, PNG or WebP" */
static char *
dup_format_list (const char * const *formats)
{
  g_autoptr(GString) head = g_string_new (NULL);
  g_autofree char *last = NULL;
  guint n = g_strv_length ((char **) formats);

  if (n <= 1)
    return dup_format_name (formats[0]);

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autofree char *name = dup_format_name (formats[i]);

      if (i > 0)
        g_string_append (head, ", ");
      g_string_append (head, name);
    }

  last = dup_format_name (formats[n - 1]);
  /* Translators: the last two of a list of file formats, "JPEG, PNG atau WebP" */
  return g_strdup_printf (_("%s or %s"), head->str, last);
}

static gboolean
format_accepted (const KindRule *rule,
                 const char     *mime_type)
{
  if (mime_type == NULL)
    return FALSE;

  for (guint i = 0; rule->formats[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (rule->formats[i], mime_type) == 0)
        return TRUE;
    }

  return FALSE;
}

static guint
count_entities (GPtrArray *entities)
{
  g_autoptr(GPtrArray) owned = entities;

  return owned->len;
}

/**
 * sigap_twitter_text_new_shipped:
 * @error: return location for a #GError
 *
 * Reads X's counting (twitter-text's v3.json and tld_lib.json) shipped
 * with Sigap in twitter-text/, found as the central documents are: in
 * $SIGAP_DATA_DIR if it is set, then in the installed share/sigap.
 *
 * Returns: (transfer full) (nullable): X's counting, or %NULL with @error
 *   set
 */
SigapTwitterText *
sigap_twitter_text_new_shipped (GError **error)
{
  const char *dirs[] = { g_getenv ("SIGAP_DATA_DIR"), PKGDATADIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *config = NULL;
      g_autofree char *tlds = NULL;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;

      config = g_build_filename (dirs[i], "twitter-text", "v3.json", NULL);
      tlds = g_build_filename (dirs[i], "twitter-text", "tld_lib.json", NULL);
      if (g_file_test (config, G_FILE_TEST_EXISTS))
        return sigap_twitter_text_new_from_files (config, tlds, error);
    }

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
               "No shipped twitter-text configuration");

  return NULL;
}

/**
 * sigap_platform_rules_new:
 * @document: the platform rules document's object (platforms.json)
 * @twitter: X's counting, for the weighted lengths and to find hashtags,
 *   mentions and links
 * @error: return location for a #GError
 *
 * Reads the text rules of each platform @document names; the platforms it
 * does not name have no rules, and ids Sigap does not know are left out.
 *
 * Returns: (transfer full) (nullable): the rules, or %NULL with
 *   %SIGAP_PLATFORM_RULES_ERROR_INVALID
 */
SigapPlatformRules *
sigap_platform_rules_new (JsonObject        *document,
                          SigapTwitterText  *twitter,
                          GError           **error)
{
  g_autoptr(SigapPlatformRules) self = NULL;
  g_autoptr(GEnumClass) platform_class = NULL;
  JsonNode *platforms;
  JsonArray *array;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (twitter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SigapPlatformRules, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->twitter = sigap_twitter_text_ref (twitter);

  platforms = json_object_get_member (document, "platforms");
  if (platforms == NULL || !JSON_NODE_HOLDS_ARRAY (platforms))
    {
      g_set_error_literal (error, SIGAP_PLATFORM_RULES_ERROR,
                           SIGAP_PLATFORM_RULES_ERROR_INVALID,
                           _("The platform rules list no platforms."));
      return NULL;
    }

  platform_class = g_type_class_ref (SIGAP_TYPE_PLATFORM);
  array = json_node_get_array (platforms);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      GEnumValue *value;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          invalid (error, "?", _("it is not an object"));
          return NULL;
        }
      id = json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL);
      if (id == NULL)
        {
          invalid (error, "?", _("it has no id"));
          return NULL;
        }

      value = g_enum_get_value_by_nick (platform_class, id);
      if (value == NULL)
        continue;
      if (self->platforms[value->value].present)
        {
          invalid (error, id, _("the platform is listed twice"));
          return NULL;
        }
      if (!read_platform (&self->platforms[value->value], json_node_get_object (node),
                          id, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * sigap_platform_rules_ref:
 * @self: a #SigapPlatformRules
 *
 * Returns: (transfer full): @self, with one more reference
 */
SigapPlatformRules *
sigap_platform_rules_ref (SigapPlatformRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * sigap_platform_rules_unref:
 * @self: (transfer full): a #SigapPlatformRules
 *
 * Drops a reference, freeing @self with the last one.
 */
void
sigap_platform_rules_unref (SigapPlatformRules *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < SIGAP_N_PLATFORMS; i++)
    platform_rule_clear (&self->platforms[i]);
  g_clear_pointer (&self->twitter, sigap_twitter_text_unref);
  g_free (self);
}

/**
 * sigap_platform_rules_get_name:
 * @self: a #SigapPlatformRules
 * @platform: a platform
 *
 * Returns: (nullable): the platform's name as the rules give it ("X",
 *   "YouTube"), or %NULL when the rules do not name @platform
 */
const char *
sigap_platform_rules_get_name (SigapPlatformRules *self,
                               SigapPlatform       platform)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) platform < SIGAP_N_PLATFORMS, NULL);

  return self->platforms[platform].name;
}

/**
 * sigap_platform_rules_check:
 * @self: a #SigapPlatformRules
 * @platform: the platform to post to
 * @fields: (element-type utf8 utf8): the post's texts for @platform, by
 *   field name ("text", "caption", "title", "description"); a field the
 *   table lacks is empty
 * @counters_out: (nullable) (element-type SigapTextCounter): where to
 *   append one counter for each of the platform's text fields, in the
 *   rules' order
 *
 * Checks the texts of a post to @platform against its rules: each field's
 * length in the platform's own counting, the required fields, the
 * characters it refuses, the number of hashtags and mentions in all its
 * fields together and, on Instagram, the links of a caption, which cannot
 * be clicked (a warning, that does not block).
 *
 * Returns: (transfer full) (element-type SigapTextProblem): the problems,
 *   field by field in the rules' order, then the hashtags' and mentions';
 *   empty when the texts may be posted
 */
GPtrArray *
sigap_platform_rules_check (SigapPlatformRules *self,
                            SigapPlatform       platform,
                            GHashTable         *fields,
                            GArray             *counters_out)
{
  g_autoptr(GPtrArray) problems = NULL;
  const PlatformRule *rule;
  const char *hashtags_field = NULL;
  const char *mentions_field = NULL;
  guint hashtags = 0;
  guint mentions = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) platform < SIGAP_N_PLATFORMS, NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (counters_out == NULL
                        || g_array_get_element_size (counters_out) == sizeof (SigapTextCounter),
                        NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_text_problem_free);
  rule = &self->platforms[platform];
  if (!rule->present)
    return g_steal_pointer (&problems);

  for (guint i = 0; i < rule->fields->len; i++)
    {
      const FieldRule *field = &g_array_index (rule->fields, FieldRule, i);
      const char *text = g_hash_table_lookup (fields, field->field);
      g_autofree char *label = NULL;
      int used;

      if (text == NULL)
        text = "";

      used = count_text (self, field->counting, text);
      if (counters_out != NULL)
        {
          SigapTextCounter counter = { platform, field->field, used, field->max };

          g_array_append_val (counters_out, counter);
        }

      label = dup_field_label (rule, field->field);
      if (field->required && is_blank (text))
        add_problem (problems, SIGAP_TEXT_PROBLEM_REQUIRED_EMPTY, field->field,
                     g_strdup_printf (_("%s is required."), label), TRUE);

      if (used > field->max)
        {
          char *message;

          if (field->counting == COUNTING_UTF8_BYTES)
            message = g_strdup_printf (_("%s is too long: %d of %d bytes."),
                                       label, used, field->max);
          else
            message = g_strdup_printf (_("%s is too long: %d of %d characters."),
                                       label, used, field->max);
          add_problem (problems, SIGAP_TEXT_PROBLEM_TOO_LONG, field->field, message, TRUE);
        }

      for (guint j = 0; rule->forbidden[j] != NULL; j++)
        {
          if (strstr (text, rule->forbidden[j]) != NULL)
            add_problem (problems, SIGAP_TEXT_PROBLEM_FORBIDDEN_CHARACTER, field->field,
                         g_strdup_printf (_("%s cannot contain the character “%s”."),
                                          label, rule->forbidden[j]),
                         TRUE);
        }

      /* The limits are on the whole post: the problem goes to the field
       * where the count goes over. */
      if (rule->hashtags_max >= 0 && may_hold (text, '#', "\xef\xbc\x83"))
        {
          hashtags += count_entities (sigap_twitter_text_extract_hashtags (self->twitter,
                                                                           text));
          if (hashtags_field == NULL && hashtags > (guint) rule->hashtags_max)
            hashtags_field = field->field;
        }

      if (rule->mentions_max >= 0 && may_hold (text, '@', "\xef\xbc\xa0"))
        {
          mentions += count_entities (sigap_twitter_text_extract_mentions (text));
          if (mentions_field == NULL && mentions > (guint) rule->mentions_max)
            mentions_field = field->field;
        }

      /* Instagram shows the links of a caption as plain text. */
      if (platform == SIGAP_PLATFORM_INSTAGRAM && g_str_equal (field->field, "caption")
          && strchr (text, '.') != NULL
          && count_entities (sigap_twitter_text_extract_urls (self->twitter, text)) > 0)
        add_problem (problems, SIGAP_TEXT_PROBLEM_LINK_NOT_CLICKABLE, field->field,
                     g_strdup (_("Links in an Instagram caption cannot be clicked: "
                                 "Instagram shows them as plain text.")),
                     FALSE);
    }

  if (hashtags_field != NULL)
    add_problem (problems, SIGAP_TEXT_PROBLEM_TOO_MANY_HASHTAGS, hashtags_field,
                 g_strdup_printf (_("%s allows at most %d hashtags; this post has %u."),
                                  rule->name, rule->hashtags_max, hashtags),
                 TRUE);
  if (mentions_field != NULL)
    add_problem (problems, SIGAP_TEXT_PROBLEM_TOO_MANY_MENTIONS, mentions_field,
                 g_strdup_printf (_("%s allows at most %d mentions; this post has %u."),
                                  rule->name, rule->mentions_max, mentions),
                 TRUE);

  return g_steal_pointer (&problems);
}

/**
 * sigap_platform_rules_dup_counter_label:
 * @self: a #SigapPlatformRules
 * @counter: a counter sigap_platform_rules_check() filled
 *
 * The counter's text, also its accessible label: the platform's name,
 * then the field's when the platform has several ("X: 47/280",
 * "YouTube judul: 12/100").
 *
 * Returns: (transfer full): the label
 */
char *
sigap_platform_rules_dup_counter_label (SigapPlatformRules     *self,
                                        const SigapTextCounter *counter)
{
  const PlatformRule *rule;
  const char *field;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (counter != NULL, NULL);
  g_return_val_if_fail ((guint) counter->platform < SIGAP_N_PLATFORMS, NULL);

  rule = &self->platforms[counter->platform];
  g_return_val_if_fail (rule->present, NULL);

  field = counter->field != NULL ? counter->field : "";
  if (rule->fields->len <= 1)
    return g_strdup_printf ("%s: %d/%d", rule->name, counter->used, counter->max);
  if (g_str_equal (field, "text"))
    return g_strdup_printf (_("%s text: %d/%d"), rule->name, counter->used, counter->max);
  if (g_str_equal (field, "caption"))
    return g_strdup_printf (_("%s caption: %d/%d"), rule->name, counter->used, counter->max);
  if (g_str_equal (field, "title"))
    return g_strdup_printf (_("%s title: %d/%d"), rule->name, counter->used, counter->max);
  if (g_str_equal (field, "description"))
    return g_strdup_printf (_("%s description: %d/%d"), rule->name, counter->used,
                            counter->max);

  return g_strdup_printf ("%s %s: %d/%d", rule->name, field, counter->used, counter->max);
}

/* A file's problem with its kind's limits, in the rules' order: format,
 * size, aspect ratio, width, duration. */
static void
check_media_item (GPtrArray          *problems,
                  const PlatformRule *rule,
                  SigapMediaItem     *item)
{
  const char *field = g_intern_static_string ("media");
  gboolean video = sigap_media_item_get_kind (item) == SIGAP_MEDIA_KIND_VIDEO;
  const KindRule *kind = video ? &rule->media.video : &rule->media.image;
  const char *file = sigap_media_item_get_display_name (item);
  const char *mime_type = sigap_media_item_get_mime_type (item);
  guint64 bytes = sigap_media_item_get_bytes (item);
  double ratio = sigap_media_item_get_aspect_ratio (item);
  int width = sigap_media_item_get_width (item);
  double duration = sigap_media_item_get_duration (item);

  if (!kind->accepted)
    {
      if (video)
        add_problem (problems, SIGAP_TEXT_PROBLEM_MEDIA_NOT_ACCEPTED, field,
                     g_strdup_printf (_("%s takes only images; “%s” is a video."),
                                      rule->name, file),
                     TRUE);
      else
        add_problem (problems, SIGAP_TEXT_PROBLEM_MEDIA_NOT_ACCEPTED, field,
                     g_strdup_printf (_("%s takes only videos; “%s” is an image."),
                                      rule->name, file),
                     TRUE);
      return;
    }

  if (!format_accepted (kind, mime_type))
    {
      g_autofree char *formats = dup_format_list ((const char * const *) kind->formats);
      g_autofree char *format = dup_format_name (mime_type);

      add_problem (problems, SIGAP_TEXT_PROBLEM_MEDIA_FORMAT, field,
                   video ? g_strdup_printf (_("%s takes videos in %s only; “%s” is %s."),
                                            rule->name, formats, file, format)
                         : g_strdup_printf (_("%s takes images in %s only; “%s” is %s."),
                                            rule->name, formats, file, format),
                   TRUE);
    }

  if (kind->max_bytes >= 0 && bytes > (guint64) kind->max_bytes)
    {
      g_autofree char *limit = format_bytes ((guint64) kind->max_bytes, ROUND_NEAREST);
      g_autofree char *size = format_bytes (bytes, ROUND_UP);

      add_problem (problems, SIGAP_TEXT_PROBLEM_MEDIA_TOO_LARGE, field,
                   video ? g_strdup_printf (_("%s takes videos up to %s; “%s” is %s."),
                                            rule->name, limit, file, size)
                         : g_strdup_printf (_("%s takes images up to %s; “%s” is %s."),
                                            rule->name, limit, file, size),
                   TRUE);
    }

  /* A hair of slack for the floating point of the limits. */
  if (ratio > 0 && ((kind->ratio_min > 0 && ratio < kind->ratio_min * (1 - 1e-9))
                    || (kind->ratio_max > 0 && ratio > kind->ratio_max * (1 + 1e-9))))
    {
      SigapTextProblemKind problem = video ? SIGAP_TEXT_PROBLEM_VIDEO_RATIO
                                           : SIGAP_TEXT_PROBLEM_IMAGE_RATIO;
      g_autofree char *min = kind->ratio_min > 0 ? format_ratio_limit (kind->ratio_min) : NULL;
      g_autofree char *max = kind->ratio_max > 0 ? format_ratio_limit (kind->ratio_max) : NULL;
      g_autofree char *actual = format_ratio_item (item, kind->ratio_max > 0
                                                         && ratio > kind->ratio_max
                                                         ? ROUND_UP : ROUND_DOWN);
      char *message;

      if (min != NULL && max != NULL)
        message = video ? g_strdup_printf (_("%s takes videos from %s to %s; “%s” is %s."),
                                           rule->name, min, max, file, actual)
                        : g_strdup_printf (_("%s takes images from %s to %s; “%s” is %s."),
                                           rule->name, min, max, file, actual);
      else if (min != NULL)
        message = video ? g_strdup_printf (_("%s takes videos of %s or wider; “%s” is %s."),
                                           rule->name, min, file, actual)
                        : g_strdup_printf (_("%s takes images of %s or wider; “%s” is %s."),
                                           rule->name, min, file, actual);
      else
        message = video ? g_strdup_printf (_("%s takes videos of %s or narrower; “%s” is %s."),
                                           rule->name, max, file, actual)
                        : g_strdup_printf (_("%s takes images of %s or narrower; “%s” is %s."),
                                           rule->name, max, file, actual);
      add_problem (problems, problem, field, message, TRUE);
    }

  if (!video && kind->min_width > 0 && width > 0 && width < kind->min_width)
    {
      g_autofree char *limit = format_count (kind->min_width);
      g_autofree char *actual = format_count (width);

      add_problem (problems, SIGAP_TEXT_PROBLEM_IMAGE_TOO_NARROW, field,
                   g_strdup_printf (_("%s takes images at least %s pixels wide; "
                                      "“%s” is %s pixels wide."),
                                    rule->name, limit, file, actual),
                   TRUE);
    }

  /* 0 is a duration nobody could read: the probe refuses such a video. */
  if (video && duration > 0 && kind->min_seconds > 0 && duration < kind->min_seconds)
    {
      g_autofree char *limit = format_duration (kind->min_seconds, ROUND_NEAREST);
      g_autofree char *actual = format_duration (duration, ROUND_DOWN);

      add_problem (problems, SIGAP_TEXT_PROBLEM_VIDEO_TOO_SHORT, field,
                   g_strdup_printf (_("%s takes videos at least %s long; “%s” lasts %s."),
                                    rule->name, limit, file, actual),
                   TRUE);
    }

  if (video && duration > 0 && kind->max_seconds > 0 && duration > kind->max_seconds)
    {
      g_autofree char *limit = format_duration (kind->max_seconds, ROUND_NEAREST);
      g_autofree char *actual = format_duration (duration, ROUND_UP);

      add_problem (problems, SIGAP_TEXT_PROBLEM_VIDEO_TOO_LONG, field,
                   g_strdup_printf (_("%s takes videos up to %s long; “%s” lasts %s."),
                                    rule->name, limit, file, actual),
                   TRUE);
    }
}

/**
 * sigap_platform_rules_check_media:
 * @self: a #SigapPlatformRules
 * @platform: the platform to post to
 * @items: (element-type SigapMediaItem): the post's photos and videos, in
 *   order
 *
 * Checks the photos and videos of a post to @platform against its rules:
 * first the post's (how many files, how many videos, images and videos
 * together), then each file's (a kind the platform takes, its format,
 * size, aspect ratio, an image's width, a video's duration). A dimension
 * or duration of 0, not known, is not checked. A platform whose rules
 * give no "media" takes anything.
 *
 * Returns: (transfer full) (element-type SigapTextProblem): the problems,
 *   each with the field "media", blocking; empty when the files may be
 *   posted
 */
GPtrArray *
sigap_platform_rules_check_media (SigapPlatformRules *self,
                                  SigapPlatform       platform,
                                  GPtrArray          *items)
{
  g_autoptr(GPtrArray) problems = NULL;
  const char *field = g_intern_static_string ("media");
  const PlatformRule *rule;
  const MediaRule *media;
  gboolean too_many = FALSE;
  guint images = 0;
  guint videos = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) platform < SIGAP_N_PLATFORMS, NULL);
  g_return_val_if_fail (items != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_text_problem_free);
  rule = &self->platforms[platform];
  media = &rule->media;
  if (!rule->present || !media->present || items->len == 0)
    return g_steal_pointer (&problems);

  for (guint i = 0; i < items->len; i++)
    {
      if (sigap_media_item_get_kind (g_ptr_array_index (items, i)) == SIGAP_MEDIA_KIND_VIDEO)
        videos++;
      else
        images++;
    }

  if (media->max_items == 0 || (!media->image.accepted && !media->video.accepted))
    {
      add_problem (problems, SIGAP_TEXT_PROBLEM_MEDIA_NOT_ACCEPTED, field,
                   g_strdup_printf (_("%s takes no images or videos."), rule->name), TRUE);
      return g_steal_pointer (&problems);
    }

  if (media->max_items > 0 && items->len > (guint) media->max_items)
    {
      int max = media->max_items;
      char *message;

      too_many = TRUE;
      if (media->image.accepted && media->video.accepted)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s allows at most %d image or video in a "
                                                "post; this post has %u.",
                                                "%s allows at most %d images or videos in a "
                                                "post; this post has %u.", max),
                                   rule->name, max, items->len);
      else if (media->video.accepted)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s allows at most %d video in a post; "
                                                "this post has %u.",
                                                "%s allows at most %d videos in a post; "
                                                "this post has %u.", max),
                                   rule->name, max, items->len);
      else
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s allows at most %d image in a post; "
                                                "this post has %u.",
                                                "%s allows at most %d images in a post; "
                                                "this post has %u.", max),
                                   rule->name, max, items->len);
      add_problem (problems, SIGAP_TEXT_PROBLEM_TOO_MANY_MEDIA, field, message, TRUE);
    }

  /* Over a video limit no lower than the post's, the count said it all. */
  if (media->video.accepted && media->max_videos > 0 && videos > (guint) media->max_videos
      && !(too_many && media->max_videos >= media->max_items))
    {
      int max = media->max_videos;

      add_problem (problems, SIGAP_TEXT_PROBLEM_TOO_MANY_VIDEOS, field,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s allows at most %d video in a post; "
                                                 "this post has %u videos.",
                                                 "%s allows at most %d videos in a post; "
                                                 "this post has %u videos.", max),
                                    rule->name, max, videos),
                   TRUE);
    }

  if (!media->mixed && media->image.accepted && media->video.accepted && images > 0
      && videos > 0)
    add_problem (problems, SIGAP_TEXT_PROBLEM_MIXED_MEDIA, field,
                 g_strdup_printf (_("%s does not take images and videos in the same post."),
                                  rule->name),
                 TRUE);

  for (guint i = 0; i < items->len; i++)
    check_media_item (problems, rule, g_ptr_array_index (items, i));

  return g_steal_pointer (&problems);
}

/**
 * sigap_text_problem_free:
 * @problem: (transfer full): a #SigapTextProblem
 *
 * Frees @problem and its message.
 */
void
sigap_text_problem_free (SigapTextProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}
