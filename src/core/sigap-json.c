/* sigap-json.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-json"

#include "config.h"

#include <string.h>

#include "sigap-json.h"

/*
 * The JSON form of a record, shared by the server and the sync client:
 *
 * - one member per property, named by the property with "-" turned into
 *   "_" ("opd-id" is "opd_id");
 * - strings as strings, a %NULL string as null;
 * - enums as their GEnumValue nick ("in-progress"), as in the database;
 * - gint64 properties (times and versions) as integers: times are UTC
 *   seconds since the Unix epoch, 0 meaning "not set";
 * - gint as integers, gboolean as true/false.
 */

G_DEFINE_QUARK (sigap-json-error-quark, sigap_json_error)

static gboolean
is_excluded (const char         *member,
             const char * const *exclude)
{
  return exclude != NULL && g_strv_contains (exclude, member);
}

/**
 * sigap_json_member_name:
 * @property_name: a property name, such as "opd-id"
 *
 * Returns: (transfer full): the JSON member name for @property_name,
 *   such as "opd_id"
 */
char *
sigap_json_member_name (const char *property_name)
{
  g_return_val_if_fail (property_name != NULL, NULL);

  return g_strdelimit (g_strdup (property_name), "-", '_');
}

/**
 * sigap_json_object_from_record:
 * @record: a record: a #GObject whose properties are strings, gint64,
 *   gint, gboolean or enums
 * @exclude: (nullable) (array zero-terminated=1): member names to leave
 *   out, such as "password_hash"
 *
 * Encodes every readable property of @record, as described at the top of
 * this file.
 *
 * Returns: (transfer full): a new object
 */
JsonObject *
sigap_json_object_from_record (GObject            *record,
                               const char * const *exclude)
{
  g_autofree GParamSpec **pspecs = NULL;
  JsonObject *object;
  guint n_pspecs;

  g_return_val_if_fail (G_IS_OBJECT (record), NULL);

  object = json_object_new ();
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_autofree char *member = NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READABLE) == 0)
        continue;

      member = sigap_json_member_name (pspec->name);
      if (is_excluded (member, exclude))
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (record, pspec->name, &value);

      switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
        {
        case G_TYPE_STRING:
          if (g_value_get_string (&value) != NULL)
            json_object_set_string_member (object, member, g_value_get_string (&value));
          else
            json_object_set_null_member (object, member);
          break;

        case G_TYPE_INT64:
          json_object_set_int_member (object, member, g_value_get_int64 (&value));
          break;

        case G_TYPE_INT:
          json_object_set_int_member (object, member, g_value_get_int (&value));
          break;

        case G_TYPE_BOOLEAN:
          json_object_set_boolean_member (object, member, g_value_get_boolean (&value));
          break;

        case G_TYPE_ENUM:
          {
            GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                               g_value_get_enum (&value));

            if (ev != NULL)
              json_object_set_string_member (object, member, ev->value_nick);
            else
              json_object_set_null_member (object, member);
          }
          break;

        default:
          /* Not a record property (a list, an object): the caller adds
           * it by hand, as the server does for a post's variants. */
          break;
        }
    }

  return object;
}

/**
 * sigap_json_check_members:
 * @object: a JSON object
 * @allowed: (array zero-terminated=1): the member names @object may have
 * @field: (out) (optional) (transfer full): the first member that is not
 *   allowed
 * @error: return location for a %SIGAP_JSON_ERROR_UNKNOWN_FIELD
 *
 * Returns: %TRUE if every member of @object is in @allowed
 */
gboolean
sigap_json_check_members (JsonObject         *object,
                          const char * const *allowed,
                          char              **field,
                          GError            **error)
{
  JsonObjectIter iter;
  const char *member;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (allowed != NULL, FALSE);

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, NULL))
    {
      if (!g_strv_contains (allowed, member))
        {
          if (field != NULL)
            *field = g_strdup (member);
          g_set_error (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_UNKNOWN_FIELD,
                       "Unknown field '%s'.", member);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
node_to_value (JsonNode    *node,
               GParamSpec  *pspec,
               const char  *member,
               GValue      *value,
               GError     **error)
{
  gboolean is_null = JSON_NODE_HOLDS_NULL (node);
  GType value_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                  : G_TYPE_INVALID;

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      if (is_null)
        return TRUE;
      if (value_type == G_TYPE_STRING)
        {
          g_value_set_string (value, json_node_get_string (node));
          return TRUE;
        }
      g_set_error (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_WRONG_TYPE,
                   "Field '%s' must be a string or null.", member);
      return FALSE;

    case G_TYPE_INT64:
      if (value_type == G_TYPE_INT64)
        {
          g_value_set_int64 (value, json_node_get_int (node));
          return TRUE;
        }
      g_set_error (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_WRONG_TYPE,
                   "Field '%s' must be an integer.", member);
      return FALSE;

    case G_TYPE_INT:
      if (value_type == G_TYPE_INT64)
        {
          gint64 n = json_node_get_int (node);

          if (n < G_MININT || n > G_MAXINT)
            {
              g_set_error (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_INVALID_VALUE,
                           "Field '%s' is out of range.", member);
              return FALSE;
            }
          g_value_set_int (value, (int) n);
          return TRUE;
        }
      g_set_error (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_WRONG_TYPE,
                   "Field '%s' must be an integer.", member);
      return FALSE;

    case G_TYPE_BOOLEAN:
      if (value_type == G_TYPE_BOOLEAN)
        {
          g_value_set_boolean (value, json_node_get_boolean (node));
          return TRUE;
        }
      g_set_error (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_WRONG_TYPE,
                   "Field '%s' must be true or false.", member);
      return FALSE;

    case G_TYPE_ENUM:
      if (value_type == G_TYPE_STRING)
        {
          GEnumValue *ev = g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                                     json_node_get_string (node));

          if (ev == NULL)
            {
              g_set_error (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_INVALID_VALUE,
                           "Field '%s' has an unknown value.", member);
              return FALSE;
            }
          g_value_set_enum (value, ev->value);
          return TRUE;
        }
      g_set_error (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_WRONG_TYPE,
                   "Field '%s' must be a string.", member);
      return FALSE;

    default:
      g_set_error (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_UNKNOWN_FIELD,
                   "Unknown field '%s'.", member);
      return FALSE;
    }
}

/**
 * sigap_json_apply_to_record:
 * @object: a JSON object
 * @record: the record to set
 * @members: (array zero-terminated=1): the member names to read; each
 *   must name a writable property of @record
 * @field: (out) (optional) (transfer full): the member that failed
 * @error: return location for a #SigapJsonError
 *
 * Sets the properties of @record named by those of @members that @object
 * has, decoding them as sigap_json_object_from_record() encodes them;
 * other members of @object are ignored (check them first with
 * sigap_json_check_members()). Either every member is applied or, on
 * error, none is.
 *
 * Returns: %TRUE if every member present had a valid value
 */
gboolean
sigap_json_apply_to_record (JsonObject         *object,
                            GObject            *record,
                            const char * const *members,
                            char              **field,
                            GError            **error)
{
  GObjectClass *klass;
  g_autoptr(GArray) values = NULL;
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);
  g_return_val_if_fail (members != NULL, FALSE);

  klass = G_OBJECT_GET_CLASS (record);
  values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  names = g_ptr_array_new ();

  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree char *property = NULL;
      JsonNode *node;
      GParamSpec *pspec;
      GValue value = G_VALUE_INIT;

      node = json_object_get_member (object, members[i]);
      if (node == NULL)
        continue;

      property = g_strdelimit (g_strdup (members[i]), "_", '-');
      pspec = g_object_class_find_property (klass, property);
      g_return_val_if_fail (pspec != NULL && (pspec->flags & G_PARAM_WRITABLE), FALSE);

      g_value_init (&value, pspec->value_type);
      if (!node_to_value (node, pspec, members[i], &value, error))
        {
          g_value_unset (&value);
          if (field != NULL)
            *field = g_strdup (members[i]);
          return FALSE;
        }

      g_array_append_val (values, value);
      g_ptr_array_add (names, (gpointer) pspec->name);
    }

  g_object_freeze_notify (record);
  for (guint i = 0; i < names->len; i++)
    g_object_set_property (record, g_ptr_array_index (names, i),
                           &g_array_index (values, GValue, i));
  g_object_thaw_notify (record);

  return TRUE;
}

/**
 * sigap_json_object_from_post:
 * @post: a #SigapPost
 *
 * Encodes @post as sigap_json_object_from_record() does, with its variants
 * as an array member "variants", in the post's order (the store's order is
 * the platforms' order, so equal posts encode equally).
 *
 * Returns: (transfer full): a new object
 */
JsonObject *
sigap_json_object_from_post (SigapPost *post)
{
  JsonObject *object;
  GPtrArray *variants;
  JsonArray *array;

  g_return_val_if_fail (SIGAP_IS_POST (post), NULL);

  object = sigap_json_object_from_record (G_OBJECT (post), NULL);
  variants = sigap_post_get_variants (post);
  array = json_array_sized_new (variants->len);
  for (guint i = 0; i < variants->len; i++)
    json_array_add_object_element (array,
                                   sigap_json_object_from_record (g_ptr_array_index (variants, i),
                                                                  NULL));
  json_object_set_array_member (object, "variants", array);

  return object;
}

/**
 * sigap_json_append_string:
 * @out: where to write
 * @text: (nullable): UTF-8 text
 *
 * Appends @text as a JSON string, quoted and escaped, or `null` for
 * %NULL: for writing large answers without building a #JsonNode tree.
 */
void
sigap_json_append_string (GString    *out,
                          const char *text)
{
  const char *run;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    {
      g_string_append_len (out, "null", 4);
      return;
    }

  g_string_append_c (out, '"');

  run = text;
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':  g_string_append_len (out, "\\\"", 2); break;
        case '\\': g_string_append_len (out, "\\\\", 2); break;
        case '\b': g_string_append_len (out, "\\b", 2); break;
        case '\f': g_string_append_len (out, "\\f", 2); break;
        case '\n': g_string_append_len (out, "\\n", 2); break;
        case '\r': g_string_append_len (out, "\\r", 2); break;
        case '\t': g_string_append_len (out, "\\t", 2); break;
        default:   g_string_append_printf (out, "\\u%04x", c); break;
        }
    }

  g_string_append (out, run);
  g_string_append_c (out, '"');
}

/*
 * SigapJsonDoc: a JSON reader for large documents.
 *
 * A first sync reads a few hundred megabytes of pulled pages, which
 * json-glib parses at tens of megabytes a second, allocating a node, a
 * key and a list link per member. This reader parses a document into one
 * array of values in document order, each container followed by what it
 * holds (an object's members as a key string, then the value), and
 * decodes strings in place in its own copy of the text: a page costs two
 * allocations. It accepts exactly RFC 8259 JSON in UTF-8 and refuses NUL
 * characters (as text or as \u0000) and containers nested deeper than
 * MAX_DEPTH.
 */

#define MAX_DEPTH 64

struct _SigapJsonValue
{
  guint8 kind;
  guint32 length;   /* elements or members of a container */
  guint32 span;     /* values in this one, itself and everything inside */
  union
  {
    gint64 integer;
    double number;
    gboolean boolean;
    const char *string;
  } u;
};

struct _SigapJsonDoc
{
  char *text;
  SigapJsonValue *values;
  guint n_values;
};

typedef struct
{
  char *p;
  char *end;
  GArray *values;
  const char *problem;
} Reader;

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static guint
add_value (Reader        *r,
           SigapJsonKind  kind)
{
  SigapJsonValue value = { .kind = kind, .span = 1 };

  g_array_append_val (r->values, value);

  return r->values->len - 1;
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Reader   *r,
           gunichar *unit)
{
  *unit = 0;

  if (r->end - r->p < 4)
    return FALSE;

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_digit (r->p[i]);

      if (digit < 0)
        return FALSE;
      *unit = (*unit << 4) | (gunichar) digit;
    }
  r->p += 4;

  return TRUE;
}

/* Reads the string at r->p (a '"'), decoding it over its own text: what
 * an escape stands for is never longer than the escape. */
static gboolean
read_string (Reader  *r,
             guint   *index)
{
  char *out;
  char *start;

  g_assert (*r->p == '"');
  start = out = ++r->p;

  for (;;)
    {
      char *run = r->p;
      guchar c;

      /* The common case: a run of plain characters. */
      while (r->p < r->end && (guchar) *r->p >= 0x20 && *r->p != '"' && *r->p != '\\')
        r->p++;
      if (out != run)
        memmove (out, run, r->p - run);
      out += r->p - run;

      if (r->p >= r->end)
        {
          r->problem = "unterminated string";
          return FALSE;
        }

      c = (guchar) *r->p++;
      if (c == '"')
        break;
      if (c < 0x20)
        {
          r->problem = "control character in a string";
          return FALSE;
        }

      /* c == '\\' */
      if (r->p >= r->end)
        {
          r->problem = "unterminated string";
          return FALSE;
        }

      switch (*r->p++)
        {
        case '"':  *out++ = '"'; break;
        case '\\': *out++ = '\\'; break;
        case '/':  *out++ = '/'; break;
        case 'b':  *out++ = '\b'; break;
        case 'f':  *out++ = '\f'; break;
        case 'n':  *out++ = '\n'; break;
        case 'r':  *out++ = '\r'; break;
        case 't':  *out++ = '\t'; break;
        case 'u':
          {
            gunichar ch;

            if (!read_hex4 (r, &ch))
              {
                r->problem = "bad \\u escape";
                return FALSE;
              }

            if (ch >= 0xd800 && ch <= 0xdbff)
              {
                gunichar low;

                if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u')
                  {
                    r->problem = "unpaired surrogate";
                    return FALSE;
                  }
                r->p += 2;
                if (!read_hex4 (r, &low) || low < 0xdc00 || low > 0xdfff)
                  {
                    r->problem = "unpaired surrogate";
                    return FALSE;
                  }
                ch = 0x10000 + ((ch - 0xd800) << 10) + (low - 0xdc00);
              }
            else if ((ch >= 0xdc00 && ch <= 0xdfff) || ch == 0)
              {
                r->problem = ch == 0 ? "NUL in a string" : "unpaired surrogate";
                return FALSE;
              }

            out += g_unichar_to_utf8 (ch, out);
          }
          break;

        default:
          r->problem = "bad escape";
          return FALSE;
        }
    }

  *out = '\0';
  *index = add_value (r, SIGAP_JSON_STRING);
  g_array_index (r->values, SigapJsonValue, *index).u.string = start;
  g_array_index (r->values, SigapJsonValue, *index).length = (guint32) (out - start);

  return TRUE;
}

static gboolean
read_number (Reader *r)
{
  char *start = r->p;
  gboolean negative = FALSE;
  gboolean integer = TRUE;
  guint64 magnitude = 0;
  SigapJsonValue *value;

  if (*r->p == '-')
    {
      negative = TRUE;
      r->p++;
    }

  if (r->p < r->end && *r->p == '0')
    r->p++;
  else if (r->p < r->end && *r->p >= '1' && *r->p <= '9')
    {
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        {
          guint digit = *r->p++ - '0';

          if (magnitude > (G_MAXUINT64 - digit) / 10)
            integer = FALSE;
          else
            magnitude = magnitude * 10 + digit;
        }
    }
  else
    {
      r->problem = "bad number";
      return FALSE;
    }

  if (r->p < r->end && *r->p == '.')
    {
      integer = FALSE;
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        {
          r->problem = "bad number";
          return FALSE;
        }
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      integer = FALSE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        {
          r->problem = "bad number";
          return FALSE;
        }
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  if (integer && (negative ? magnitude > (guint64) G_MAXINT64 + 1 : magnitude > G_MAXINT64))
    integer = FALSE;

  value = &g_array_index (r->values, SigapJsonValue,
                          add_value (r, integer ? SIGAP_JSON_INT : SIGAP_JSON_DOUBLE));
  if (integer)
    value->u.integer = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
  else
    {
      /* The text ends in a NUL or a character that ends the number. */
      value->u.number = g_ascii_strtod (start, NULL);
    }

  return TRUE;
}

static gboolean
read_literal (Reader        *r,
              const char    *word,
              SigapJsonKind  kind,
              gboolean       boolean)
{
  gsize length = strlen (word);
  guint index;

  if ((gsize) (r->end - r->p) < length || memcmp (r->p, word, length) != 0)
    {
      r->problem = "unexpected character";
      return FALSE;
    }
  r->p += length;

  index = add_value (r, kind);
  g_array_index (r->values, SigapJsonValue, index).u.boolean = boolean;

  return TRUE;
}

static gboolean
read_value (Reader *r,
            int     depth)
{
  guint index;
  guint count = 0;
  char close;

  skip_space (r);
  if (r->p >= r->end)
    {
      r->problem = "unexpected end";
      return FALSE;
    }

  switch (*r->p)
    {
    case '"':
      return read_string (r, &index);
    case 't':
      return read_literal (r, "true", SIGAP_JSON_BOOLEAN, TRUE);
    case 'f':
      return read_literal (r, "false", SIGAP_JSON_BOOLEAN, FALSE);
    case 'n':
      return read_literal (r, "null", SIGAP_JSON_NULL, FALSE);
    case '{':
    case '[':
      break;
    default:
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        return read_number (r);
      r->problem = "unexpected character";
      return FALSE;
    }

  if (depth >= MAX_DEPTH)
    {
      r->problem = "nested too deeply";
      return FALSE;
    }

  close = *r->p == '{' ? '}' : ']';
  index = add_value (r, close == '}' ? SIGAP_JSON_OBJECT : SIGAP_JSON_ARRAY);
  r->p++;

  skip_space (r);
  if (r->p < r->end && *r->p == close)
    r->p++;
  else
    {
      for (;;)
        {
          if (close == '}')
            {
              guint key;

              skip_space (r);
              if (r->p >= r->end || *r->p != '"')
                {
                  r->problem = "expected a member name";
                  return FALSE;
                }
              if (!read_string (r, &key))
                return FALSE;
              skip_space (r);
              if (r->p >= r->end || *r->p != ':')
                {
                  r->problem = "expected ':'";
                  return FALSE;
                }
              r->p++;
            }

          if (!read_value (r, depth + 1))
            return FALSE;
          count++;

          skip_space (r);
          if (r->p < r->end && *r->p == ',')
            {
              r->p++;
              continue;
            }
          if (r->p < r->end && *r->p == close)
            {
              r->p++;
              break;
            }
          r->problem = close == '}' ? "expected ',' or '}'" : "expected ',' or ']'";
          return FALSE;
        }
    }

  g_array_index (r->values, SigapJsonValue, index).length = count;
  g_array_index (r->values, SigapJsonValue, index).span = r->values->len - index;

  return TRUE;
}

/**
 * sigap_json_doc_parse:
 * @data: JSON text
 * @length: its length in bytes
 * @error: return location for a %SIGAP_JSON_ERROR_SYNTAX
 *
 * Parses @data, which must be one JSON value in UTF-8, into a document
 * that is read with sigap_json_doc_get_root() and the
 * `sigap_json_value_*` functions. Use it for large documents, such as
 * pulled pages; it keeps its own copy of the text.
 *
 * Returns: (transfer full) (nullable): the document
 */
SigapJsonDoc *
sigap_json_doc_parse (const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(SigapJsonDoc) doc = NULL;
  g_autoptr(GArray) values = NULL;
  Reader r;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= G_MAXUINT32 || !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_SYNTAX,
                           "The JSON text is not valid UTF-8, or holds a NUL.");
      return NULL;
    }

  doc = g_new0 (SigapJsonDoc, 1);
  doc->text = g_malloc (length + 1);
  memcpy (doc->text, data, length);
  doc->text[length] = '\0';

  /* About one value per 12 bytes of a pulled page. */
  values = g_array_sized_new (FALSE, FALSE, sizeof (SigapJsonValue), length / 12 + 16);

  r.p = doc->text;
  r.end = doc->text + length;
  r.values = values;
  r.problem = NULL;

  if (read_value (&r, 0))
    {
      skip_space (&r);
      if (r.p != r.end)
        r.problem = "text after the value";
    }

  if (r.problem != NULL)
    {
      g_set_error (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_SYNTAX,
                   "Invalid JSON at byte %" G_GSIZE_FORMAT ": %s.",
                   (gsize) (r.p - doc->text), r.problem);
      return NULL;
    }

  doc->n_values = values->len;
  doc->values = (SigapJsonValue *) (void *) g_array_free (g_steal_pointer (&values), FALSE);

  return g_steal_pointer (&doc);
}

/**
 * sigap_json_doc_free:
 * @doc: (transfer full): a document
 *
 * Frees @doc and every value and string read from it.
 */
void
sigap_json_doc_free (SigapJsonDoc *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->text);
  g_free (doc->values);
  g_free (doc);
}

/**
 * sigap_json_doc_get_root:
 * @doc: a document
 *
 * Returns: (transfer none): the top-level value, valid as long as @doc
 */
const SigapJsonValue *
sigap_json_doc_get_root (SigapJsonDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return &doc->values[0];
}

/**
 * sigap_json_value_get_kind:
 * @value: a value
 *
 * Returns: what @value is
 */
SigapJsonKind
sigap_json_value_get_kind (const SigapJsonValue *value)
{
  g_return_val_if_fail (value != NULL, SIGAP_JSON_NULL);

  return value->kind;
}

/**
 * sigap_json_value_get_string:
 * @value: a value
 *
 * Returns: (nullable): the text of a string value, or %NULL for any
 *   other kind
 */
const char *
sigap_json_value_get_string (const SigapJsonValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  return value->kind == SIGAP_JSON_STRING ? value->u.string : NULL;
}

/**
 * sigap_json_value_get_int:
 * @value: a value
 *
 * Returns: the number of a %SIGAP_JSON_INT value, or 0
 */
gint64
sigap_json_value_get_int (const SigapJsonValue *value)
{
  g_return_val_if_fail (value != NULL, 0);

  return value->kind == SIGAP_JSON_INT ? value->u.integer : 0;
}

/**
 * sigap_json_value_get_boolean:
 * @value: a value
 *
 * Returns: the truth of a %SIGAP_JSON_BOOLEAN value, or %FALSE
 */
gboolean
sigap_json_value_get_boolean (const SigapJsonValue *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  return value->kind == SIGAP_JSON_BOOLEAN && value->u.boolean;
}

/**
 * sigap_json_value_get_length:
 * @value: a value
 *
 * Returns: the elements of an array or the members of an object; 0 for
 *   other kinds
 */
guint
sigap_json_value_get_length (const SigapJsonValue *value)
{
  g_return_val_if_fail (value != NULL, 0);

  return value->kind == SIGAP_JSON_ARRAY || value->kind == SIGAP_JSON_OBJECT ? value->length
                                                                             : 0;
}

/**
 * sigap_json_value_get_member:
 * @object: a value
 * @name: a member name
 *
 * Looks @name up among the members of @object, one by one; when a name
 * comes twice, the last counts, as in json-glib. To read every member,
 * walk them with a #SigapJsonIter instead.
 *
 * Returns: (nullable) (transfer none): the member, or %NULL if @object
 *   is not an object or has no such member
 */
const SigapJsonValue *
sigap_json_value_get_member (const SigapJsonValue *object,
                             const char           *name)
{
  const SigapJsonValue *found = NULL;
  const SigapJsonValue *key;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (object->kind != SIGAP_JSON_OBJECT)
    return NULL;

  key = object + 1;
  for (guint i = 0; i < object->length; i++)
    {
      if (strcmp (key->u.string, name) == 0)
        found = key + 1;
      key = key + 1 + key[1].span;
    }

  return found;
}

/**
 * sigap_json_value_get_string_member:
 * @object: a value
 * @name: a member name
 *
 * Returns: (nullable): the text of the member @name if it is a string,
 *   otherwise %NULL
 */
const char *
sigap_json_value_get_string_member (const SigapJsonValue *object,
                                    const char           *name)
{
  const SigapJsonValue *member = sigap_json_value_get_member (object, name);

  return member != NULL ? sigap_json_value_get_string (member) : NULL;
}

/**
 * sigap_json_iter_init:
 * @iter: an uninitialized iterator
 * @container: an object or an array; for any other value, @iter yields
 *   nothing
 *
 * Prepares @iter to walk @container's members or elements in order with
 * sigap_json_iter_next().
 */
void
sigap_json_iter_init (SigapJsonIter        *iter,
                      const SigapJsonValue *container)
{
  g_return_if_fail (iter != NULL);
  g_return_if_fail (container != NULL);

  iter->object = container->kind == SIGAP_JSON_OBJECT;
  iter->remaining = sigap_json_value_get_length (container);
  iter->next = container + 1;
}

/**
 * sigap_json_iter_next:
 * @iter: an iterator
 * @name: (out) (optional): the member's name, or %NULL in an array
 * @value: (out) (optional): the member or element
 *
 * Returns: %FALSE when there are no more
 */
gboolean
sigap_json_iter_next (SigapJsonIter         *iter,
                      const char           **name,
                      const SigapJsonValue **value)
{
  const SigapJsonValue *item;

  g_return_val_if_fail (iter != NULL, FALSE);

  if (iter->remaining == 0)
    return FALSE;
  iter->remaining--;

  item = iter->next;
  if (name != NULL)
    *name = iter->object ? item->u.string : NULL;
  if (iter->object)
    item++;
  if (value != NULL)
    *value = item;
  iter->next = item + item->span;

  return TRUE;
}
