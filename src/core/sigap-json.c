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
