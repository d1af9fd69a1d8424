/* test-json-doc.c
 *
 * Copyright 2026 The Sigap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flat JSON reader that applies pulled pages: it must read what
 * json-glib reads, the same way, and refuse what is not JSON.
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "sigap-json.h"

/* Whether @value says the same as @node, which json-glib parsed. */
static gboolean
same_value (const SigapJsonValue *value,
            JsonNode             *node)
{
  SigapJsonKind kind = sigap_json_value_get_kind (value);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      return kind == SIGAP_JSON_NULL;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          return kind == SIGAP_JSON_BOOLEAN &&
                 sigap_json_value_get_boolean (value) == json_node_get_boolean (node);
        case G_TYPE_INT64:
          return kind == SIGAP_JSON_INT &&
                 sigap_json_value_get_int (value) == json_node_get_int (node);
        case G_TYPE_DOUBLE:
          return kind == SIGAP_JSON_DOUBLE;
        case G_TYPE_STRING:
          return kind == SIGAP_JSON_STRING &&
                 g_strcmp0 (sigap_json_value_get_string (value),
                            json_node_get_string (node)) == 0;
        default:
          return FALSE;
        }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        SigapJsonIter iter;
        const SigapJsonValue *element;
        guint i = 0;

        if (kind != SIGAP_JSON_ARRAY ||
            sigap_json_value_get_length (value) != json_array_get_length (array))
          return FALSE;

        sigap_json_iter_init (&iter, value);
        while (sigap_json_iter_next (&iter, NULL, &element))
          if (!same_value (element, json_array_get_element (array, i++)))
            return FALSE;

        return i == json_array_get_length (array);
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        SigapJsonIter iter;
        const SigapJsonValue *member;
        const char *name;
        guint n = 0;

        if (kind != SIGAP_JSON_OBJECT)
          return FALSE;

        sigap_json_iter_init (&iter, value);
        while (sigap_json_iter_next (&iter, &name, &member))
          {
            if (!json_object_has_member (object, name) ||
                !same_value (member, json_object_get_member (object, name)) ||
                sigap_json_value_get_member (value, name) == NULL)
              return FALSE;
            n++;
          }

        return n == json_object_get_size (object);
      }

    default:
      return FALSE;
    }
}

static void
assert_reads_as_json_glib (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SigapJsonDoc) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  doc = sigap_json_doc_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (!same_value (sigap_json_doc_get_root (doc), json_parser_get_root (parser)))
    g_error ("read differently from json-glib: %s", text);
}

static void
assert_refused (const char *text,
                gsize       length)
{
  g_autoptr(SigapJsonDoc) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = sigap_json_doc_parse (text, length, &error);
  if (doc != NULL)
    g_error ("read what is not JSON: %.*s", (int) length, text);
  g_assert_error (error, SIGAP_JSON_ERROR, SIGAP_JSON_ERROR_SYNTAX);
}

static void
test_values (void)
{
  static const char * const texts[] = {
    "null", "true", "false", "0", "-0", "42", "-17", "9223372036854775807",
    "-9223372036854775808", "\"\"", "\"teks\"", "[]", "{}", "[[], {}, [[]]]",
    " { \"a\" : 1 , \"b\" : [ true , null ] } ",
    "{\"changes\":[{\"entity\":\"complaint\",\"op\":\"upsert\",\"record\":"
    "{\"id\":\"c-1\",\"title\":\"Jalan rusak di Desa Sukamaju\",\"version\":3}}],"
    "\"cursor\":\"L42\",\"has_more\":false}",
    "\"Aduan \\\"jalan\\\" \\\\ rusak\\n\\t\\r\\b\\f\\/\"",
    "\"\\u00e9t\\u00E9 \\u20ac \\ud83d\\ude00\"",
    "\"Jl. Sudirman – Kab. Bogor ☺ 😀\"",
    "{\"dup\":1,\"other\":2}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_reads_as_json_glib (texts[i]);
}

static void
test_numbers (void)
{
  g_autoptr(SigapJsonDoc) doc = NULL;
  const SigapJsonValue *root;
  const SigapJsonValue *element;
  SigapJsonIter iter;
  static const SigapJsonKind kinds[] = {
    SIGAP_JSON_INT, SIGAP_JSON_INT, SIGAP_JSON_DOUBLE, SIGAP_JSON_DOUBLE, SIGAP_JSON_DOUBLE,
    SIGAP_JSON_DOUBLE, SIGAP_JSON_DOUBLE,
  };
  static const char text[] =
    "[9223372036854775807, -9223372036854775808, 9223372036854775808, "
    "-9223372036854775809, 1.5, 2e3, 18446744073709551616123]";
  guint i = 0;

  doc = sigap_json_doc_parse (text, strlen (text), NULL);
  g_assert_nonnull (doc);
  root = sigap_json_doc_get_root (doc);
  sigap_json_iter_init (&iter, root);
  while (sigap_json_iter_next (&iter, NULL, &element))
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (kinds));
      g_assert_cmpint (sigap_json_value_get_kind (element), ==, kinds[i]);
      i++;
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (kinds));
}

static void
test_refused (void)
{
  static const char * const texts[] = {
    "", " ", "nul", "tru", "True", "[", "]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}",
    "[1,]", "[1 2]", "{\"a\" 1}", "{1:2}", "01", "-", "1.", ".5", "1e", "1e+", "+1",
    "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\ud83d\"", "\"\\ud83d\\u0041\"",
    "\"\\ude00\"", "\"\\u0000\"", "\"tab\there\"", "\"line\nbreak\"", "1 2", "[] []",
    "{\"a\":1}x", "'a'", "NaN", "Infinity", "[-]",
  };
  /* Bytes that are not UTF-8, and a NUL inside the text. */
  static const char latin1[] = "\"caf\xe9\"";
  static const char nul[] = "\"a\0b\"";
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_refused (texts[i], strlen (texts[i]));

  assert_refused (latin1, sizeof latin1 - 1);
  assert_refused (nul, sizeof nul - 1);

  /* Nesting deep enough to exhaust a recursive reader's stack. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused (deep->str, deep->len);
}

/* Every prefix of a valid document is refused, without reading past it. */
static void
test_truncated (void)
{
  static const char text[] =
    "{\"changes\":[{\"entity\":\"post\",\"record\":{\"title\":\"Rapat \\u00e9\","
    "\"n\":-12.5e3,\"ok\":true,\"x\":null}}],\"has_more\":false}";

  for (gsize length = 0; length < strlen (text); length++)
    {
      /* A copy of exactly @length bytes, so that ASan sees any overread. */
      g_autofree char *copy = g_memdup2 (text, length);
      g_autoptr(SigapJsonDoc) doc = NULL;

      doc = sigap_json_doc_parse (length > 0 ? copy : "", length, NULL);
      g_assert_null (doc);
    }
}

/* Random documents written by json-glib read back the same. */
static JsonNode *
random_node (GRand *rand,
             int    depth)
{
  static const char * const words[] = {
    "", "aduan", "Jalan \"rusak\"", "baris\nbaru", "tab\t", "€ 😀", "\\", "/", "\x01",
  };
  int kind = g_rand_int_range (rand, 0, depth > 4 ? 5 : 7);
  JsonNode *node;

  switch (kind)
    {
    case 0:
      return json_node_new (JSON_NODE_NULL);
    case 1:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, g_rand_boolean (rand));
      return node;
    case 2:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (node, (gint64) g_rand_int (rand) * (g_rand_boolean (rand) ? 1 : -1) *
                               g_rand_int_range (rand, 1, 1 << 20));
      return node;
    case 3:
    case 4:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      return node;
    case 5:
      {
        JsonArray *array = json_array_new ();
        int n = g_rand_int_range (rand, 0, 6);

        for (int i = 0; i < n; i++)
          json_array_add_element (array, random_node (rand, depth + 1));
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
        return node;
      }
    default:
      {
        JsonObject *object = json_object_new ();
        int n = g_rand_int_range (rand, 0, 6);

        for (int i = 0; i < n; i++)
          {
            g_autofree char *name = g_strdup_printf ("m%d", g_rand_int_range (rand, 0, 8));

            json_object_set_member (object, name, random_node (rand, depth + 1));
          }
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);
        return node;
      }
    }
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(JsonNode) node = random_node (rand, 0);
      g_autofree char *text = json_to_string (node, g_rand_boolean (rand));

      assert_reads_as_json_glib (text);
    }
}

/* What sigap_json_append_string() writes, json-glib reads back. */
static void
test_append_string (void)
{
  static const char * const texts[] = {
    "", "plain", "\"quoted\"", "back\\slash", "line\nbreak\ttab\r", "\x01\x1f\x7f",
    "Kab. Bogor – ☺ 😀", "</script>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();

      sigap_json_append_string (out, texts[i]);
      g_assert_true (json_parser_load_from_data (parser, out->str, out->len, NULL));
      g_assert_cmpstr (json_node_get_string (json_parser_get_root (parser)), ==, texts[i]);
      assert_reads_as_json_glib (out->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-doc/values", test_values);
  g_test_add_func ("/json-doc/numbers", test_numbers);
  g_test_add_func ("/json-doc/refused", test_refused);
  g_test_add_func ("/json-doc/truncated", test_truncated);
  g_test_add_func ("/json-doc/random", test_random);
  g_test_add_func ("/json-doc/append-string", test_append_string);

  return g_test_run ();
}
