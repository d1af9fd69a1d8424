/* sigap-test-utils.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <glib-object.h>

#include "sigap-core.h"

G_BEGIN_DECLS

/* A fresh temporary folder; remove it with sigap_test_rm_rf(). */
static inline char *
sigap_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sigap-core-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);

  return dir;
}

static inline void
sigap_test_rm_rf (const char *path)
{
  GDir *dir;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          sigap_test_rm_rf (child);
        }
      g_clear_pointer (&dir, g_dir_close);
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static inline char *
sigap_test_file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Sets every property of @object to a value that depends on @seed and,
 * for an odd @seed, is never the property's default; two records filled
 * with different seeds differ in every field but booleans of the same
 * parity. */
static inline void
sigap_test_fill_properties (GObject *object,
                            guint    seed)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_WRITABLE) == 0 || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;

      g_value_init (&value, pspec->value_type);

      switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
        {
        case G_TYPE_STRING:
          g_value_take_string (&value, g_strdup_printf ("%s «%u» ✓", pspec->name, seed));
          break;

        case G_TYPE_INT64:
          g_value_set_int64 (&value, (gint64) 1700000000 + seed * 1000 + i);
          break;

        case G_TYPE_INT:
          g_value_set_int (&value, (int) (seed % 11) + 1);
          break;

        case G_TYPE_BOOLEAN:
          g_value_set_boolean (&value, seed % 2 == 1);
          break;

        case G_TYPE_ENUM:
          {
            GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

            /* Never the first value, which is every default. */
            g_value_set_enum (&value, klass->values[1 + seed % (klass->n_values - 1)].value);
          }
          break;

        default:
          g_assert_not_reached ();
        }

      g_object_set_property (object, pspec->name, &value);
    }
}

/* Asserts that @a and @b have equal values for every property, except the
 * properties named in the %NULL-terminated @except. */
static inline void
sigap_test_assert_same_properties (gpointer    a,
                                   gpointer    b,
                                   const char *const *except)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (except != NULL && g_strv_contains (except, pspecs[i]->name))
        continue;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);

      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        {
          g_autofree char *sa = g_strdup_value_contents (&va);
          g_autofree char *sb = g_strdup_value_contents (&vb);

          g_error ("%s:%s differs: %s != %s",
                   G_OBJECT_TYPE_NAME (a), pspecs[i]->name, sa, sb);
        }
    }
}

G_END_DECLS
