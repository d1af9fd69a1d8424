/* sigap-spell-buffer.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-spell-buffer"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-spell-buffer.h"

/**
 * SigapSpellBuffer:
 *
 * Spell checking of a #GtkTextView with a #SigapSpell: misspelled words
 * get a red wavy underline, and the view's context menu offers up to
 * %SIGAP_SPELL_BUFFER_MAX_SUGGESTIONS suggestions, "Add to Dictionary"
 * and "Ignore" for the word under the pointer (right click) or the cursor
 * (Shift+F10, Menu).
 *
 * After a change, only the paragraphs it touched are checked again, once
 * the typing pauses for %SIGAP_SPELL_BUFFER_DELAY_MS; the whole text when
 * the dictionary changes. #SigapSpellBuffer::changed tells when the list
 * of misspelled words (sigap_spell_buffer_dup_misspelled()) changes, for a
 * label that screen readers can read, since an underline says nothing to
 * them.
 *
 * Without a #SigapSpell (no dictionary installed) it does nothing. The
 * view keeps its own extra menu, after the spelling section; set it before
 * creating the #SigapSpellBuffer. The view is not kept alive by it.
 *
 * The actions, in the "spell" group inserted into the view:
 * "spell.replace" (s, the suggestion) replaces the word of the menu, or
 * else the misspelled word at the cursor, as one user action that one
 * undo takes back; "spell.add" (s) and "spell.ignore" (s) take a word.
 */

struct _SigapSpellBuffer
{
  GObject             parent_instance;

  GtkTextView        *view;            /* weak */
  GtkTextBuffer      *buffer;
  SigapSpell         *spell;
  GtkTextTag         *tag;

  GSignalGroup       *buffer_signals;
  GSignalGroup       *spell_signals;

  /* What changed since the last check, when anything did. */
  GtkTextMark        *dirty_start;
  GtkTextMark        *dirty_end;
  guint               recheck_source;

  /* The word of the context menu. */
  GtkTextMark        *word_start;
  GtkTextMark        *word_end;

  char              **misspelled;

  GMenu              *menu;
  GMenu              *section;
  GMenuModel         *previous_menu;
  GSimpleActionGroup *actions;
  GtkEventController *click;
  GtkEventController *shortcuts;
};

G_DEFINE_FINAL_TYPE (SigapSpellBuffer, sigap_spell_buffer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_SPELL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void queue_recheck (SigapSpellBuffer *self);

static void
update_actions (SigapSpellBuffer *self)
{
  const char * const names[] = { "replace", "add", "ignore" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                                   self->spell != NULL && self->buffer != NULL);
    }
}

static void
clear_mark (SigapSpellBuffer  *self,
            GtkTextMark      **mark)
{
  if (*mark == NULL)
    return;
  if (self->buffer != NULL && !gtk_text_mark_get_deleted (*mark))
    gtk_text_buffer_delete_mark (self->buffer, *mark);
  g_clear_object (mark);
}

static GtkTextMark *
create_mark (SigapSpellBuffer  *self,
             const GtkTextIter *iter,
             gboolean           left_gravity)
{
  return g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, iter, left_gravity));
}

static void
clear_dirty (SigapSpellBuffer *self)
{
  clear_mark (self, &self->dirty_start);
  clear_mark (self, &self->dirty_end);
}

static void
clear_word (SigapSpellBuffer *self)
{
  clear_mark (self, &self->word_start);
  clear_mark (self, &self->word_end);
}

/* The misspelled words of the buffer, each once, in the order of the
 * text. */
static char **
collect_misspelled (SigapSpellBuffer *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkTextIter iter;

  if (self->buffer == NULL || self->spell == NULL)
    return g_strv_builder_end (builder);

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, self->tag) &&
      !gtk_text_iter_forward_to_tag_toggle (&iter, self->tag))
    return g_strv_builder_end (builder);

  do
    {
      GtkTextIter end = iter;
      char *word;

      if (!gtk_text_iter_starts_tag (&iter, self->tag))
        continue;

      gtk_text_iter_forward_to_tag_toggle (&end, self->tag);
      word = gtk_text_iter_get_slice (&iter, &end);
      if (g_hash_table_add (seen, word))
        g_strv_builder_add (builder, word);
      iter = end;
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, self->tag));

  return g_strv_builder_end (builder);
}

static void
update_misspelled (SigapSpellBuffer *self)
{
  g_auto(GStrv) misspelled = collect_misspelled (self);

  if (g_strv_equal ((const char * const *) self->misspelled, (const char * const *) misspelled))
    return;

  g_strfreev (self->misspelled);
  self->misspelled = g_steal_pointer (&misspelled);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Checks the paragraphs from @start's to @end's again. */
static void
check_paragraphs (SigapSpellBuffer *self,
                  GtkTextIter      *start,
                  GtkTextIter      *end)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) ranges = NULL;
  int base;

  g_assert (self->buffer != NULL);

  gtk_text_iter_order (start, end);
  gtk_text_iter_set_line_offset (start, 0);
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);

  gtk_text_buffer_remove_tag (self->buffer, self->tag, start, end);
  if (self->spell == NULL)
    return;

  /* A slice keeps one character for each image or widget, so its
   * character offsets are the buffer's. */
  text = gtk_text_iter_get_slice (start, end);
  ranges = sigap_spell_check_text (self->spell, text);
  base = gtk_text_iter_get_offset (start);

  for (guint i = 0; i < ranges->len; i++)
    {
      const SigapSpellRange *range = &g_array_index (ranges, SigapSpellRange, i);
      GtkTextIter word_start;
      GtkTextIter word_end;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &word_start, base + range->char_start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &word_end, base + range->char_end);
      gtk_text_buffer_apply_tag (self->buffer, self->tag, &word_start, &word_end);
    }
}

static void
recheck_all (SigapSpellBuffer *self)
{
  GtkTextIter start;
  GtkTextIter end;

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  clear_dirty (self);

  if (self->buffer != NULL)
    {
      gtk_text_buffer_get_bounds (self->buffer, &start, &end);
      check_paragraphs (self, &start, &end);
    }

  update_misspelled (self);
}

static void
recheck_dirty (SigapSpellBuffer *self)
{
  g_clear_handle_id (&self->recheck_source, g_source_remove);

  if (self->buffer != NULL && self->dirty_start != NULL)
    {
      GtkTextIter start;
      GtkTextIter end;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->dirty_start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->dirty_end);
      clear_dirty (self);
      check_paragraphs (self, &start, &end);
    }

  update_misspelled (self);
}

static gboolean
recheck_cb (gpointer data)
{
  SigapSpellBuffer *self = data;

  self->recheck_source = 0;
  recheck_dirty (self);

  return G_SOURCE_REMOVE;
}

static void
queue_recheck (SigapSpellBuffer *self)
{
  g_clear_handle_id (&self->recheck_source, g_source_remove);
  if (self->spell == NULL)
    return;

  self->recheck_source = g_timeout_add (SIGAP_SPELL_BUFFER_DELAY_MS, recheck_cb, self);
  g_source_set_name_by_id (self->recheck_source, "[sigap] spell recheck");
}

/* Adds [start, end) to what changed. */
static void
mark_dirty (SigapSpellBuffer  *self,
            const GtkTextIter *start,
            const GtkTextIter *end)
{
  if (self->dirty_start == NULL)
    {
      self->dirty_start = create_mark (self, start, TRUE);
      self->dirty_end = create_mark (self, end, FALSE);
    }
  else
    {
      GtkTextIter dirty_start;
      GtkTextIter dirty_end;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &dirty_start, self->dirty_start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &dirty_end, self->dirty_end);
      if (gtk_text_iter_compare (start, &dirty_start) < 0)
        gtk_text_buffer_move_mark (self->buffer, self->dirty_start, start);
      if (gtk_text_iter_compare (end, &dirty_end) > 0)
        gtk_text_buffer_move_mark (self->buffer, self->dirty_end, end);
    }

  queue_recheck (self);
}

/* The misspelled word at @iter, or that @iter ends, in [start, end). */
static gboolean
find_misspelled (SigapSpellBuffer  *self,
                 const GtkTextIter *iter,
                 GtkTextIter       *start,
                 GtkTextIter       *end)
{
  *start = *iter;
  *end = *iter;

  if (gtk_text_iter_has_tag (iter, self->tag))
    {
      if (!gtk_text_iter_starts_tag (start, self->tag))
        gtk_text_iter_backward_to_tag_toggle (start, self->tag);
      gtk_text_iter_forward_to_tag_toggle (end, self->tag);
      return TRUE;
    }

  if (gtk_text_iter_ends_tag (iter, self->tag))
    {
      gtk_text_iter_backward_to_tag_toggle (start, self->tag);
      return TRUE;
    }

  return FALSE;
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  if (target != NULL)
    g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (target));
  else
    g_menu_item_set_action_and_target_value (item, action, NULL);
  g_menu_append_item (menu, item);
}

static void
insert_text_cb (GtkTextBuffer    *buffer,
                GtkTextIter      *location,
                const char       *text,
                int               length,
                SigapSpellBuffer *self)
{
  GtkTextIter start = *location;

  /* After the default handler, @location is past the new text. */
  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  mark_dirty (self, &start, location);
}

static void
delete_range_cb (GtkTextBuffer    *buffer,
                 GtkTextIter      *start,
                 GtkTextIter      *end,
                 SigapSpellBuffer *self)
{
  mark_dirty (self, start, end);
}

static void
spell_changed_cb (SigapSpell       *spell,
                  SigapSpellBuffer *self)
{
  recheck_all (self);
}

static void
attach_buffer (SigapSpellBuffer *self)
{
  GdkRGBA red;

  g_assert (self->buffer == NULL);

  if (self->view == NULL)
    return;

  self->buffer = g_object_ref (gtk_text_view_get_buffer (self->view));
  gdk_rgba_parse (&red, "#e01b24");
  self->tag = g_object_ref (gtk_text_buffer_create_tag (self->buffer, NULL,
                                                        "underline", PANGO_UNDERLINE_ERROR,
                                                        "underline-rgba", &red,
                                                        NULL));
  g_signal_group_set_target (self->buffer_signals, self->buffer);
  update_actions (self);
  recheck_all (self);
}

static void
detach_buffer (SigapSpellBuffer *self)
{
  GtkTextIter start;
  GtkTextIter end;

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  if (self->buffer == NULL)
    return;

  g_signal_group_set_target (self->buffer_signals, NULL);
  clear_dirty (self);
  clear_word (self);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag, &start, &end);
  gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (self->buffer), self->tag);
  g_clear_object (&self->tag);
  g_clear_object (&self->buffer);
  g_menu_remove_all (self->section);
  update_actions (self);
}

static void
view_buffer_changed_cb (GtkTextView      *view,
                        GParamSpec       *pspec,
                        SigapSpellBuffer *self)
{
  detach_buffer (self);
  attach_buffer (self);
  update_misspelled (self);
}

static void
click_pressed_cb (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  SigapSpellBuffer *self)
{
  GtkTextIter iter;
  GtkTextIter selection_start;
  GtkTextIter selection_end;
  int buffer_x;
  int buffer_y;

  if (self->view == NULL || self->buffer == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_location (self->view, &iter, buffer_x, buffer_y);

  /* The menu is about the word clicked: the cursor goes there, unless the
   * click is in the selection that Cut and Copy would act on. */
  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &selection_start, &selection_end) ||
      !gtk_text_iter_in_range (&iter, &selection_start, &selection_end))
    gtk_text_buffer_place_cursor (self->buffer, &iter);

  sigap_spell_buffer_update_corrections (self, &iter);
}

static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  SigapSpellBuffer *self = data;
  GtkTextIter iter;

  if (self->buffer != NULL)
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter,
                                        gtk_text_buffer_get_insert (self->buffer));
      sigap_spell_buffer_update_corrections (self, &iter);
    }

  /* Not handled: the view pops up its menu as it always does. */
  return FALSE;
}

static void
replace_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  SigapSpellBuffer *self = data;
  const char *replacement = g_variant_get_string (parameter, NULL);
  gboolean editable;
  GtkTextIter start;
  GtkTextIter end;

  if (self->buffer == NULL || self->view == NULL)
    return;

  if (self->word_start != NULL)
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->word_start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->word_end);
    }
  else
    {
      GtkTextIter cursor;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor,
                                        gtk_text_buffer_get_insert (self->buffer));
      if (!find_misspelled (self, &cursor, &start, &end))
        return;
    }
  clear_word (self);
  if (gtk_text_iter_equal (&start, &end))
    return;

  editable = gtk_text_view_get_editable (self->view);
  gtk_text_buffer_begin_user_action (self->buffer);
  if (gtk_text_buffer_delete_interactive (self->buffer, &start, &end, editable))
    gtk_text_buffer_insert_interactive (self->buffer, &start, replacement, -1, editable);
  gtk_text_buffer_end_user_action (self->buffer);
  gtk_text_buffer_place_cursor (self->buffer, &start);
}

static void
add_action_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  SigapSpellBuffer *self = data;

  clear_word (self);
  if (self->spell != NULL)
    sigap_spell_add_word (self->spell, g_variant_get_string (parameter, NULL));
}

static void
ignore_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  SigapSpellBuffer *self = data;

  clear_word (self);
  if (self->spell != NULL)
    sigap_spell_ignore_word (self->spell, g_variant_get_string (parameter, NULL));
}

static void
view_weak_notify (gpointer  data,
                  GObject  *where_the_view_was)
{
  SigapSpellBuffer *self = data;

  self->view = NULL;
  self->click = NULL;
  self->shortcuts = NULL;
  detach_buffer (self);
  update_misspelled (self);
}

static void
attach_view (SigapSpellBuffer *self)
{
  const GActionEntry entries[] = {
    { .name = "replace", .activate = replace_action_cb, .parameter_type = "s" },
    { .name = "add", .activate = add_action_cb, .parameter_type = "s" },
    { .name = "ignore", .activate = ignore_action_cb, .parameter_type = "s" },
    { .name = "no-suggestions" },
  };
  GtkShortcutAction *action;
  GtkGesture *click;

  g_assert (GTK_IS_TEXT_VIEW (self->view));

  g_object_weak_ref (G_OBJECT (self->view), view_weak_notify, self);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (
                                 G_ACTION_MAP (self->actions), "no-suggestions")),
                               FALSE);
  gtk_widget_insert_action_group (GTK_WIDGET (self->view), "spell",
                                  G_ACTION_GROUP (self->actions));

  /* The spelling section first, then whatever the view had. */
  self->previous_menu = gtk_text_view_get_extra_menu (self->view);
  if (self->previous_menu != NULL)
    g_object_ref (self->previous_menu);
  self->menu = g_menu_new ();
  self->section = g_menu_new ();
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (self->section));
  if (self->previous_menu != NULL)
    g_menu_append_section (self->menu, NULL, self->previous_menu);
  gtk_text_view_set_extra_menu (self->view, G_MENU_MODEL (self->menu));

  /* Before the view's own gesture pops up the menu. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self, 0);
  self->click = GTK_EVENT_CONTROLLER (click);
  gtk_widget_add_controller (GTK_WIDGET (self->view), self->click);

  /* The keys of GtkTextView's own "menu.popup". */
  self->shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (self->shortcuts, GTK_PHASE_CAPTURE);
  action = gtk_callback_action_new (menu_key_cb, self, NULL);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (self->shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (
                        gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                        gtk_keyval_trigger_new (GDK_KEY_Menu, 0)),
                      action));
  gtk_widget_add_controller (GTK_WIDGET (self->view), self->shortcuts);

  g_signal_connect_object (self->view, "notify::buffer",
                           G_CALLBACK (view_buffer_changed_cb), self, 0);

  attach_buffer (self);
}

static void
detach_view (SigapSpellBuffer *self)
{
  if (self->view == NULL)
    return;

  detach_buffer (self);
  g_object_weak_unref (G_OBJECT (self->view), view_weak_notify, self);
  g_signal_handlers_disconnect_by_data (self->view, self);
  gtk_widget_remove_controller (GTK_WIDGET (self->view), self->click);
  gtk_widget_remove_controller (GTK_WIDGET (self->view), self->shortcuts);
  gtk_widget_insert_action_group (GTK_WIDGET (self->view), "spell", NULL);
  if (gtk_text_view_get_extra_menu (self->view) == G_MENU_MODEL (self->menu))
    gtk_text_view_set_extra_menu (self->view, self->previous_menu);
  self->click = NULL;
  self->shortcuts = NULL;
  self->view = NULL;
}

static void
sigap_spell_buffer_constructed (GObject *object)
{
  SigapSpellBuffer *self = SIGAP_SPELL_BUFFER (object);

  G_OBJECT_CLASS (sigap_spell_buffer_parent_class)->constructed (object);

  attach_view (self);
}

static void
sigap_spell_buffer_dispose (GObject *object)
{
  SigapSpellBuffer *self = SIGAP_SPELL_BUFFER (object);

  detach_view (self);
  detach_buffer (self);
  g_signal_group_set_target (self->spell_signals, NULL);
  g_clear_object (&self->spell);
  g_clear_object (&self->menu);
  g_clear_object (&self->section);
  g_clear_object (&self->previous_menu);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (sigap_spell_buffer_parent_class)->dispose (object);
}

static void
sigap_spell_buffer_finalize (GObject *object)
{
  SigapSpellBuffer *self = SIGAP_SPELL_BUFFER (object);

  g_clear_object (&self->buffer_signals);
  g_clear_object (&self->spell_signals);
  g_clear_pointer (&self->misspelled, g_strfreev);

  G_OBJECT_CLASS (sigap_spell_buffer_parent_class)->finalize (object);
}

static void
sigap_spell_buffer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SigapSpellBuffer *self = SIGAP_SPELL_BUFFER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;

    case PROP_SPELL:
      g_value_set_object (value, self->spell);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_spell_buffer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SigapSpellBuffer *self = SIGAP_SPELL_BUFFER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      self->view = g_value_get_object (value);
      break;

    case PROP_SPELL:
      sigap_spell_buffer_set_spell (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_spell_buffer_class_init (SigapSpellBufferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sigap_spell_buffer_constructed;
  object_class->dispose = sigap_spell_buffer_dispose;
  object_class->finalize = sigap_spell_buffer_finalize;
  object_class->get_property = sigap_spell_buffer_get_property;
  object_class->set_property = sigap_spell_buffer_set_property;

  /**
   * SigapSpellBuffer:view:
   *
   * The text view checked; not kept alive.
   */
  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL,
                         GTK_TYPE_TEXT_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * SigapSpellBuffer:spell:
   *
   * The spell checker, or %NULL to check nothing.
   */
  properties[PROP_SPELL] =
    g_param_spec_object ("spell", NULL, NULL,
                         SIGAP_TYPE_SPELL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SigapSpellBuffer::changed:
   *
   * The misspelled words of the text (sigap_spell_buffer_dup_misspelled())
   * changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sigap_spell_buffer_init (SigapSpellBuffer *self)
{
  self->misspelled = g_new0 (char *, 1);

  self->buffer_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_object (self->buffer_signals, "insert-text",
                                 G_CALLBACK (insert_text_cb), self, G_CONNECT_AFTER);
  g_signal_group_connect_object (self->buffer_signals, "delete-range",
                                 G_CALLBACK (delete_range_cb), self, G_CONNECT_AFTER);

  self->spell_signals = g_signal_group_new (SIGAP_TYPE_SPELL);
  g_signal_group_connect_object (self->spell_signals, "changed",
                                 G_CALLBACK (spell_changed_cb), self, 0);
}

/**
 * sigap_spell_buffer_new:
 * @view: the text view to check
 * @spell: (nullable): the spell checker, or %NULL when there is no
 *   dictionary
 *
 * Checks the spelling of @view's text as it changes, until the returned
 * object is disposed or @view is.
 *
 * Returns: (transfer full): the spell checking of @view
 */
SigapSpellBuffer *
sigap_spell_buffer_new (GtkTextView *view,
                        SigapSpell  *spell)
{
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (spell == NULL || SIGAP_IS_SPELL (spell), NULL);

  return g_object_new (SIGAP_TYPE_SPELL_BUFFER,
                       "view", view,
                       "spell", spell,
                       NULL);
}

/**
 * sigap_spell_buffer_get_view:
 * @self: a #SigapSpellBuffer
 *
 * Returns: (transfer none) (nullable): the view, or %NULL once it is
 *   disposed
 */
GtkTextView *
sigap_spell_buffer_get_view (SigapSpellBuffer *self)
{
  g_return_val_if_fail (SIGAP_IS_SPELL_BUFFER (self), NULL);

  return self->view;
}

/**
 * sigap_spell_buffer_get_spell:
 * @self: a #SigapSpellBuffer
 *
 * Returns: (transfer none) (nullable): the spell checker
 */
SigapSpell *
sigap_spell_buffer_get_spell (SigapSpellBuffer *self)
{
  g_return_val_if_fail (SIGAP_IS_SPELL_BUFFER (self), NULL);

  return self->spell;
}

/**
 * sigap_spell_buffer_set_spell:
 * @self: a #SigapSpellBuffer
 * @spell: (nullable): a spell checker, or %NULL to check nothing
 *
 * Checks the whole text again with @spell.
 */
void
sigap_spell_buffer_set_spell (SigapSpellBuffer *self,
                              SigapSpell       *spell)
{
  g_return_if_fail (SIGAP_IS_SPELL_BUFFER (self));
  g_return_if_fail (spell == NULL || SIGAP_IS_SPELL (spell));

  if (!g_set_object (&self->spell, spell))
    return;

  g_signal_group_set_target (self->spell_signals, spell);
  clear_word (self);
  if (self->section != NULL)
    g_menu_remove_all (self->section);
  if (self->actions != NULL)
    update_actions (self);
  recheck_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPELL]);
}

/**
 * sigap_spell_buffer_get_tag:
 * @self: a #SigapSpellBuffer
 *
 * Returns: (transfer none) (nullable): the tag of misspelled words in the
 *   view's buffer
 */
GtkTextTag *
sigap_spell_buffer_get_tag (SigapSpellBuffer *self)
{
  g_return_val_if_fail (SIGAP_IS_SPELL_BUFFER (self), NULL);

  return self->tag;
}

/**
 * sigap_spell_buffer_get_menu:
 * @self: a #SigapSpellBuffer
 *
 * Returns: (transfer none): the view's extra menu: the spelling section
 *   that sigap_spell_buffer_update_corrections() fills, then the view's
 *   own extra menu
 */
GMenuModel *
sigap_spell_buffer_get_menu (SigapSpellBuffer *self)
{
  g_return_val_if_fail (SIGAP_IS_SPELL_BUFFER (self), NULL);

  return G_MENU_MODEL (self->menu);
}

/**
 * sigap_spell_buffer_dup_misspelled:
 * @self: a #SigapSpellBuffer
 *
 * The misspelled words as of the last check, each once, in the order of
 * the text.
 *
 * Returns: (transfer full) (array zero-terminated=1): the words, maybe
 *   none
 */
char **
sigap_spell_buffer_dup_misspelled (SigapSpellBuffer *self)
{
  g_return_val_if_fail (SIGAP_IS_SPELL_BUFFER (self), NULL);

  return g_strdupv (self->misspelled);
}

/**
 * sigap_spell_buffer_recheck_now:
 * @self: a #SigapSpellBuffer
 *
 * Checks the paragraphs changed since the last check now rather than
 * after %SIGAP_SPELL_BUFFER_DELAY_MS.
 */
void
sigap_spell_buffer_recheck_now (SigapSpellBuffer *self)
{
  g_return_if_fail (SIGAP_IS_SPELL_BUFFER (self));

  recheck_dirty (self);
}

/**
 * sigap_spell_buffer_update_corrections:
 * @self: a #SigapSpellBuffer
 * @iter: a position in the view's buffer
 *
 * Fills the spelling section of the context menu for the misspelled word
 * at @iter, or empties it when there is none. A right click and
 * Shift+F10 call it; call it before popping the menu up by other means.
 */
void
sigap_spell_buffer_update_corrections (SigapSpellBuffer  *self,
                                       const GtkTextIter *iter)
{
  g_autofree char *word = NULL;
  g_auto(GStrv) suggestions = NULL;
  GtkTextIter start;
  GtkTextIter end;
  guint n;

  g_return_if_fail (SIGAP_IS_SPELL_BUFFER (self));
  g_return_if_fail (iter != NULL);

  g_menu_remove_all (self->section);
  clear_word (self);

  if (self->spell == NULL || self->buffer == NULL)
    return;
  g_return_if_fail (gtk_text_iter_get_buffer (iter) == self->buffer);

  /* What is typed since the last check is checked first. */
  recheck_dirty (self);
  if (!find_misspelled (self, iter, &start, &end))
    return;

  self->word_start = create_mark (self, &start, TRUE);
  self->word_end = create_mark (self, &end, FALSE);
  word = gtk_text_iter_get_slice (&start, &end);
  suggestions = sigap_spell_suggest (self->spell, word);
  n = g_strv_length (suggestions);

  for (guint i = 0; i < MIN (n, SIGAP_SPELL_BUFFER_MAX_SUGGESTIONS); i++)
    {
      g_auto(GStrv) parts = g_strsplit (suggestions[i], "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);

      append_item (self->section, label, "spell.replace", suggestions[i]);
    }
  if (n == 0)
    append_item (self->section, _("No Suggestions"), "spell.no-suggestions", NULL);

  append_item (self->section, _("Add to Dictio_nary"), "spell.add", word);
  append_item (self->section, _("_Ignore"), "spell.ignore", word);
}

/**
 * sigap_spell_format_misspelled:
 * @words: (array zero-terminated=1) (nullable): misspelled words
 *
 * Says which words may be misspelled, for a label that a screen reader
 * reads: "Possibly misspelled: kesehatn, layanann", with the first five
 * words and how many more.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when there
 *   is no word
 */
char *
sigap_spell_format_misspelled (const char * const *words)
{
  const guint shown = 5;
  g_autofree const char **first = NULL;
  g_autofree char *list = NULL;
  guint n;

  n = words != NULL ? g_strv_length ((char **) words) : 0;
  if (n == 0)
    return NULL;

  first = g_new0 (const char *, MIN (n, shown) + 1);
  for (guint i = 0; i < MIN (n, shown); i++)
    first[i] = words[i];
  /* Translators: what separates the words of a list */
  list = g_strjoinv (C_("list", ", "), (char **) first);

  if (n <= shown)
    /* Translators: %s is a list of words, such as "kesehatn, layanann" */
    return g_strdup_printf (_("Possibly misspelled: %s"), list);

  /* Translators: %s is a list of five words, %u how many more there are */
  return g_strdup_printf (ngettext ("Possibly misspelled: %s and %u more word",
                                    "Possibly misspelled: %s and %u more words",
                                    n - shown),
                          list, n - shown);
}
