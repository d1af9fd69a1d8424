/* test-spell-buffer.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Spell checking of a real GtkTextView, in-process: what is typed gets
 * the underline after the delay, the context menu's suggestion replaces
 * the word as one undoable action, the words added or ignored lose it in
 * every view, and a long post stays fast. The personal dictionary is
 * written under a temporary XDG_CONFIG_HOME. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sigap-spell-buffer.h"

#include "sigap-test-widget.h"

static char *config_dir;

typedef struct
{
  GtkWindow *window;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  SigapSpell *spell;
  SigapSpellBuffer *spell_buffer;
  guint n_changed;
} Fixture;

static void
changed_cb (SigapSpellBuffer *spell_buffer,
            Fixture          *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->spell = sigap_spell_new ("id_ID", &error);
  g_assert_no_error (error);

  fixture->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  fixture->buffer = gtk_text_view_get_buffer (fixture->view);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 600, 400);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));

  fixture->spell_buffer = sigap_spell_buffer_new (fixture->view, fixture->spell);
  g_signal_connect (fixture->spell_buffer, "changed", G_CALLBACK (changed_cb), fixture);

  gtk_window_present (fixture->window);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->spell_buffer);
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->spell);
}

/* Types @text at the cursor a character at a time, as a person would. */
static void
type_text (GtkTextBuffer *buffer,
           const char    *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    gtk_text_buffer_insert_interactive_at_cursor (buffer, p, g_utf8_next_char (p) - p, TRUE);
}

static char *
dup_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The tagged ranges of the buffer as "start-end" character offsets,
 * joined by spaces. */
static char *
dup_tagged (Fixture *fixture)
{
  GtkTextTag *tag = sigap_spell_buffer_get_tag (fixture->spell_buffer);
  g_autoptr(GString) tagged = g_string_new (NULL);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (fixture->buffer, &iter);
  do
    {
      GtkTextIter end = iter;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      if (tagged->len > 0)
        g_string_append_c (tagged, ' ');
      g_string_append_printf (tagged, "%d-%d",
                              gtk_text_iter_get_offset (&iter), gtk_text_iter_get_offset (&end));
      iter = end;
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag));

  return g_string_free (g_steal_pointer (&tagged), FALSE);
}

static char *
dup_misspelled (Fixture *fixture)
{
  g_auto(GStrv) words = sigap_spell_buffer_dup_misspelled (fixture->spell_buffer);

  return g_strjoinv ("|", words);
}

static void
assert_state (Fixture    *fixture,
              const char *tagged,
              const char *misspelled)
{
  g_autofree char *found_tagged = dup_tagged (fixture);
  g_autofree char *found_misspelled = dup_misspelled (fixture);

  g_assert_cmpstr (found_tagged, ==, tagged);
  g_assert_cmpstr (found_misspelled, ==, misspelled);
}

static void
place_cursor_at (GtkTextBuffer *buffer,
                 int            offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
test_underline (Fixture       *fixture,
                gconstpointer  data)
{
  GtkTextTag *tag = sigap_spell_buffer_get_tag (fixture->spell_buffer);
  PangoUnderline underline;
  GdkRGBA *color = NULL;

  g_object_get (tag, "underline", &underline, "underline-rgba", &color, NULL);
  g_assert_cmpint (underline, ==, PANGO_UNDERLINE_ERROR);
  g_assert_nonnull (color);
  g_assert_cmpfloat (color->red, >, 0.8);
  g_assert_cmpfloat (color->green, <, 0.2);
  gdk_rgba_free (color);

  type_text (fixture->buffer, "Dinas Kesehatn membuka layanan");
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);

  assert_state (fixture, "6-14", "Kesehatn");
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->view));

  /* the same list again is no change */
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

static gboolean
timed_out_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Nothing is checked while typing; the delay after the last key is. */
static void
test_delay (Fixture       *fixture,
            gconstpointer  data)
{
  gboolean timed_out = FALSE;
  gint64 typed;
  gint64 checked;
  guint timeout;

  type_text (fixture->buffer, "Warga dapat mendaftarr di puskesmas");
  typed = g_get_monotonic_time ();
  assert_state (fixture, "", "");

  timeout = g_timeout_add_seconds (5, timed_out_cb, &timed_out);
  while (fixture->n_changed == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  checked = g_get_monotonic_time ();
  g_assert_false (timed_out);
  g_source_remove (timeout);

  g_assert_cmpint (checked - typed, >=, (SIGAP_SPELL_BUFFER_DELAY_MS - 10) * 1000);
  assert_state (fixture, "12-22", "mendaftarr");
}

static GMenuModel *
get_spelling_section (Fixture *fixture)
{
  GMenuModel *menu = sigap_spell_buffer_get_menu (fixture->spell_buffer);

  g_assert_true (gtk_text_view_get_extra_menu (fixture->view) == menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), >=, 1);

  return g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
}

static char *
dup_item_string (GMenuModel *section,
                 int         i,
                 const char *attribute)
{
  char *value = NULL;

  g_menu_model_get_item_attribute (section, i, attribute, "s", &value);

  return value;
}

static void
test_replace_and_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GMenuModel) section = NULL;
  g_autofree char *text = NULL;
  gboolean offered = FALSE;
  GtkTextIter iter;
  int n;

  type_text (fixture->buffer, "Dinas Kesehatn membuka layanan");
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  assert_state (fixture, "6-14", "Kesehatn");

  /* the menu of a correct word has no spelling */
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, 2);
  sigap_spell_buffer_update_corrections (fixture->spell_buffer, &iter);
  section = get_spelling_section (fixture);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 0);
  g_clear_object (&section);

  /* the misspelled word's: suggestions, then Add and Ignore */
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, 9);
  sigap_spell_buffer_update_corrections (fixture->spell_buffer, &iter);
  section = get_spelling_section (fixture);
  n = g_menu_model_get_n_items (section);
  g_assert_cmpint (n, >=, 3);
  g_assert_cmpint (n, <=, SIGAP_SPELL_BUFFER_MAX_SUGGESTIONS + 2);
  for (int i = 0; i < n - 2; i++)
    {
      g_autofree char *action = dup_item_string (section, i, G_MENU_ATTRIBUTE_ACTION);
      g_autofree char *target = dup_item_string (section, i, G_MENU_ATTRIBUTE_TARGET);

      g_assert_cmpstr (action, ==, "spell.replace");
      if (g_strcmp0 (target, "Kesehatan") == 0)
        offered = TRUE;
    }
  g_assert_true (offered);
  {
    g_autofree char *add = dup_item_string (section, n - 2, G_MENU_ATTRIBUTE_ACTION);
    g_autofree char *add_target = dup_item_string (section, n - 2, G_MENU_ATTRIBUTE_TARGET);
    g_autofree char *ignore = dup_item_string (section, n - 1, G_MENU_ATTRIBUTE_ACTION);

    g_assert_cmpstr (add, ==, "spell.add");
    g_assert_cmpstr (add_target, ==, "Kesehatn");
    g_assert_cmpstr (ignore, ==, "spell.ignore");
  }

  /* the cursor is elsewhere: the menu's word is replaced all the same */
  place_cursor_at (fixture->buffer, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "spell.replace", "s", "Kesehatan"));
  text = dup_text (fixture->buffer);
  g_assert_cmpstr (text, ==, "Dinas Kesehatan membuka layanan");
  g_clear_pointer (&text, g_free);
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  assert_state (fixture, "", "");

  /* one undo takes the whole replacement back */
  g_assert_true (gtk_text_buffer_get_can_undo (fixture->buffer));
  gtk_text_buffer_undo (fixture->buffer);
  text = dup_text (fixture->buffer);
  g_assert_cmpstr (text, ==, "Dinas Kesehatn membuka layanan");
  g_clear_pointer (&text, g_free);
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  assert_state (fixture, "6-14", "Kesehatn");

  /* without a menu, the misspelled word at the cursor */
  place_cursor_at (fixture->buffer, 14);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "spell.replace", "s", "Kesehatan"));
  text = dup_text (fixture->buffer);
  g_assert_cmpstr (text, ==, "Dinas Kesehatan membuka layanan");
}

/* The controllers that the view's context menu triggers go through: a
 * right click on a word and the menu keys at the cursor. */
static void
test_menu_triggers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));
  g_autoptr(GMenuModel) section = NULL;
  GtkGestureClick *click = NULL;
  GtkShortcut *menu_key = NULL;
  GtkTextIter iter;
  GdkRectangle location;
  GtkTextIter cursor;
  int x;
  int y;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        click = GTK_GESTURE_CLICK (controller);
      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        {
          GListModel *shortcuts = G_LIST_MODEL (controller);

          for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
              g_autofree char *trigger =
                gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

              if (strstr (trigger, "<Shift>F10") != NULL && strstr (trigger, "Menu") != NULL)
                menu_key = shortcut;
            }
        }
    }
  g_assert_nonnull (click);
  g_assert_nonnull (menu_key);

  type_text (fixture->buffer, "Dinas Kesehatn membuka layanan");
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);

  /* a right click in the middle of "Kesehatn" */
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, 10);
  gtk_text_view_get_iter_location (fixture->view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (fixture->view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + location.height / 2,
                                         &x, &y);
  g_signal_emit_by_name (click, "pressed", 1, (double) x, (double) y);
  gtk_text_buffer_get_iter_at_mark (fixture->buffer, &cursor,
                                    gtk_text_buffer_get_insert (fixture->buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, 10);
  section = get_spelling_section (fixture);
  g_assert_cmpint (g_menu_model_get_n_items (section), >=, 3);
  g_clear_object (&section);

  /* the menu key with the cursor on a right word empties the section,
   * and leaves the key to the view */
  place_cursor_at (fixture->buffer, 2);
  g_assert_false (gtk_shortcut_action_activate (gtk_shortcut_get_action (menu_key), 0,
                                                GTK_WIDGET (fixture->view), NULL));
  section = get_spelling_section (fixture);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 0);
  g_clear_object (&section);

  /* and at the end of the misspelled word fills it */
  place_cursor_at (fixture->buffer, 14);
  gtk_shortcut_action_activate (gtk_shortcut_get_action (menu_key), 0,
                                GTK_WIDGET (fixture->view), NULL);
  section = get_spelling_section (fixture);
  g_assert_cmpint (g_menu_model_get_n_items (section), >=, 3);
  g_clear_object (&section);

  /* a word just typed, before the delay; the dictionary has eight
   * suggestions for it, the menu five */
  gtk_text_buffer_get_end_iter (fixture->buffer, &iter);
  gtk_text_buffer_place_cursor (fixture->buffer, &iter);
  type_text (fixture->buffer, " makn");
  gtk_shortcut_action_activate (gtk_shortcut_get_action (menu_key), 0,
                                GTK_WIDGET (fixture->view), NULL);
  section = get_spelling_section (fixture);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==,
                   SIGAP_SPELL_BUFFER_MAX_SUGGESTIONS + 2);
}

static void
test_paragraphs (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkTextTag *tag = sigap_spell_buffer_get_tag (fixture->spell_buffer);
  GtkTextIter start;
  GtkTextIter end;

  /* offsets:          0         1         2         3
   *                   0123456789012345678901234567890123456 */
  type_text (fixture->buffer, "Kantor dinass buka.\n"      /* 0-19, dinass 7-13 */
                              "Warga mendaftarr.\n"        /* 20-37, mendaftarr 26-36 */
                              "Layanann gratis.");         /* 38-54, Layanann 38-46 */
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  assert_state (fixture, "7-13 26-36 38-46", "dinass|mendaftarr|Layanann");

  /* Only the paragraph changed is checked again: the third paragraph's
   * underline, taken away behind the checker's back, stays away. */
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &start, 38);
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &end, 46);
  gtk_text_buffer_remove_tag (fixture->buffer, tag, &start, &end);

  /* "mendaftarr" loses its second r */
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &start, 35);
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &end, 36);
  gtk_text_buffer_delete_interactive (fixture->buffer, &start, &end, TRUE);
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  assert_state (fixture, "7-13", "dinass");

  /* a new line inside a word makes two paragraphs and two words, one of
   * them right ("dina") */
  place_cursor_at (fixture->buffer, 11);
  type_text (fixture->buffer, "\n");
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  assert_state (fixture, "12-14", "ss");

  /* a change at the start of a word checks the whole word, all its
   * paragraph: "ss" loses an s, and one letter is not checked */
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &start, 12);
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &end, 13);
  gtk_text_buffer_delete_interactive (fixture->buffer, &start, &end, TRUE);
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  assert_state (fixture, "", "");
}

static void
test_add_and_ignore (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkTextView *other_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  g_autoptr(SigapSpellBuffer) other = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) other_words = NULL;

  g_object_ref_sink (other_view);
  other = sigap_spell_buffer_new (other_view, fixture->spell);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (other_view), "Halo dinkes dan kesehatn", -1);
  sigap_spell_buffer_recheck_now (other);
  other_words = sigap_spell_buffer_dup_misspelled (other);
  g_assert_cmpuint (g_strv_length (other_words), ==, 2);
  g_clear_pointer (&other_words, g_strfreev);

  type_text (fixture->buffer, "Kantor dinkes buka, kesehatn gratis");
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  assert_state (fixture, "7-13 20-28", "dinkes|kesehatn");

  /* added: right at once, in every view, and written down */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "spell.add", "s", "dinkes"));
  assert_state (fixture, "20-28", "kesehatn");
  other_words = sigap_spell_buffer_dup_misspelled (other);
  g_assert_cmpstrv (other_words, ((const char *[]) { "kesehatn", NULL }));
  g_clear_pointer (&other_words, g_strfreev);
  path = g_build_filename (config_dir, "enchant", "id_ID.dic", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* ignored: for the session */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "spell.ignore", "s", "kesehatn"));
  assert_state (fixture, "", "");
  other_words = sigap_spell_buffer_dup_misspelled (other);
  g_assert_cmpuint (g_strv_length (other_words), ==, 0);

  g_clear_object (&other);
  g_object_unref (other_view);
}

/* Without a dictionary nothing is underlined; with one set later, it is. */
static void
test_no_spell (Fixture       *fixture,
               gconstpointer  data)
{
  sigap_spell_buffer_set_spell (fixture->spell_buffer, NULL);
  g_assert_null (sigap_spell_buffer_get_spell (fixture->spell_buffer));

  type_text (fixture->buffer, "Dinas Kesehatn membuka layanan");
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  assert_state (fixture, "", "");

  sigap_spell_buffer_set_spell (fixture->spell_buffer, fixture->spell);
  assert_state (fixture, "6-14", "Kesehatn");
}

/* A 5,000-character post is checked at once in much less than the time
 * between two keys, and so is a change to one of its paragraphs. */
static void
test_long_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  gint64 start;
  gint64 full;
  gint64 one;

  while (g_utf8_strlen (text->str, text->len) < 5000)
    g_string_append (text, "Warga dapat mendaftar melalui puskesmas terdekat pada hari kerja. "
                           "Dinas Kesehatn membuka layanan #SehatBersama @dinkes 2025.\n");

  gtk_text_buffer_set_text (fixture->buffer, text->str, -1);
  start = g_get_monotonic_time ();
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  full = g_get_monotonic_time () - start;
  words = sigap_spell_buffer_dup_misspelled (fixture->spell_buffer);
  g_assert_cmpstrv (words, ((const char *[]) { "Kesehatn", NULL }));

  place_cursor_at (fixture->buffer, 100);
  type_text (fixture->buffer, "x");
  start = g_get_monotonic_time ();
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  one = g_get_monotonic_time () - start;

  g_test_message ("whole text: %" G_GINT64_FORMAT " microseconds, "
                  "one paragraph: %" G_GINT64_FORMAT " microseconds", full, one);
  g_assert_cmpint (full, <, G_USEC_PER_SEC / 2);
  g_assert_cmpint (one, <, G_USEC_PER_SEC / 20);
}

static void
test_view_destroyed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(GStrv) words = NULL;
  gboolean timed_out = FALSE;
  guint timeout;

  type_text (fixture->buffer, "Dinas Kesehatn");
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  assert_state (fixture, "6-14", "Kesehatn");

  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  gtk_window_destroy (g_steal_pointer (&fixture->window));
  timeout = g_timeout_add_seconds (5, timed_out_cb, &timed_out);
  while (fixture->view != NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  g_assert_null (sigap_spell_buffer_get_view (fixture->spell_buffer));

  /* no text, no misspelled word, and nothing breaks */
  words = sigap_spell_buffer_dup_misspelled (fixture->spell_buffer);
  g_assert_cmpuint (g_strv_length (words), ==, 0);
  sigap_spell_buffer_recheck_now (fixture->spell_buffer);
  sigap_spell_buffer_set_spell (fixture->spell_buffer, NULL);
  g_assert_null (sigap_spell_buffer_get_tag (fixture->spell_buffer));
}

static void
test_format (void)
{
  const char * const one[] = { "kesehatn", NULL };
  const char * const seven[] = { "a1", "a2", "a3", "a4", "a5", "a6", "a7", NULL };
  const char * const none[] = { NULL };
  g_autofree char *one_label = sigap_spell_format_misspelled (one);
  g_autofree char *seven_label = sigap_spell_format_misspelled (seven);

  g_assert_null (sigap_spell_format_misspelled (NULL));
  g_assert_null (sigap_spell_format_misspelled (none));
  g_assert_cmpstr (one_label, ==, "Possibly misspelled: kesehatn");
  g_assert_cmpstr (seven_label, ==, "Possibly misspelled: a1, a2, a3, a4, a5 and 2 more words");
}

static void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rm_rf (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything asks GLib for the folder, which it remembers; and
   * without Enchant's own override, which would escape it. */
  config_dir = g_dir_make_tmp ("sigap-test-spell-buffer-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_unsetenv ("ENCHANT_CONFIG_DIR");

  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/spell-buffer/underline", test_underline);
  ADD ("/spell-buffer/delay", test_delay);
  ADD ("/spell-buffer/replace-and-undo", test_replace_and_undo);
  ADD ("/spell-buffer/menu-triggers", test_menu_triggers);
  ADD ("/spell-buffer/paragraphs", test_paragraphs);
  ADD ("/spell-buffer/add-and-ignore", test_add_and_ignore);
  ADD ("/spell-buffer/no-spell", test_no_spell);
  ADD ("/spell-buffer/long-text", test_long_text);
  ADD ("/spell-buffer/view-destroyed", test_view_destroyed);
#undef ADD
  g_test_add_func ("/spell-buffer/format", test_format);

  status = g_test_run ();
  rm_rf (config_dir);
  g_free (config_dir);

  return status;
}
