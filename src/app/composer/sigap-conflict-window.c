/* sigap-conflict-window.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-conflict-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-conflict-window.h"
#include "sigap-format.h"

/* One part of the post that both sides changed: the user's value, the
 * server's, and the widget that holds what will be kept. A text (title,
 * body) gets an editor where the two can be merged by hand; any other
 * value a choice between the two. */
typedef struct
{
  char *member;
  JsonNode *mine;
  JsonNode *theirs;

  GtkEditable *entry;
  GtkTextBuffer *buffer;
  GtkCheckButton *mine_check;
  GtkCheckButton *theirs_check;
} Field;

struct _SigapConflictWindow
{
  AdwWindow parent_instance;

  SigapStore *store;
  SigapPost *post;
  GTimeZone *zone;
  GPtrArray *fields;
  char *error;

  /* Template widgets */
  GtkLabel *intro_label;
  GtkLabel *error_label;
  GtkBox *fields_box;
};

G_DEFINE_FINAL_TYPE (SigapConflictWindow, sigap_conflict_window, ADW_TYPE_WINDOW)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The parts a user chooses between, in the order the window shows them. */
static const char * const shown_members[] = {
  "title", "body", "category", "status", "scheduled_at", "variants", NULL
};

static void
field_free (Field *field)
{
  g_free (field->member);
  g_clear_pointer (&field->mine, json_node_unref);
  g_clear_pointer (&field->theirs, json_node_unref);
  g_free (field);
}

static const char *
member_label (const char *member)
{
  if (g_str_equal (member, "title"))
    return _("Title");
  if (g_str_equal (member, "body"))
    return _("Text");
  if (g_str_equal (member, "category"))
    return _("Category");
  if (g_str_equal (member, "status"))
    return _("Status");
  if (g_str_equal (member, "scheduled_at"))
    return _("Schedule");
  return _("Platforms");
}

static gboolean
is_text_member (const char *member)
{
  return g_str_equal (member, "title") || g_str_equal (member, "body");
}

static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return "";

  return json_node_get_string (node);
}

static int
node_enum (JsonNode *node,
           GType     type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *value = g_enum_get_value_by_nick (klass, node_string (node));

  return value != NULL ? value->value : 0;
}

/* A value as the user reads it: "Draft", "Kamis 17 Juli 2025 09.00",
 * "Facebook, Instagram". */
static char *
describe_value (SigapConflictWindow *self,
                const char          *member,
                JsonNode            *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(empty)"));

  if (g_str_equal (member, "category"))
    return g_strdup (sigap_content_category_to_label (
                       node_enum (node, SIGAP_TYPE_CONTENT_CATEGORY)));

  if (g_str_equal (member, "status"))
    return g_strdup (sigap_post_status_to_label (node_enum (node, SIGAP_TYPE_POST_STATUS)));

  if (g_str_equal (member, "scheduled_at") && JSON_NODE_HOLDS_VALUE (node))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (json_node_get_int (node));
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->zone);
      g_autofree char *day = sigap_format_day (local);
      g_autofree char *time = sigap_format_time (local);

      return g_strdup_printf ("%s %s %s", day, time,
                              g_date_time_get_timezone_abbreviation (local));
    }

  if (g_str_equal (member, "variants") && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *variant = json_array_get_object_element (array, i);
          JsonNode *platform = variant != NULL ? json_object_get_member (variant, "platform") : NULL;

          if (platform == NULL)
            continue;
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, sigap_platform_to_label (node_enum (platform,
                                                                     SIGAP_TYPE_PLATFORM)));
        }
      if (text->len == 0)
        return g_strdup (_("(no platform)"));

      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  return g_strdup (node_string (node));
}

static void
set_error (SigapConflictWindow *self,
           const char          *error)
{
  g_free (self->error);
  self->error = g_strdup (error);

  gtk_label_set_label (self->error_label, error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

/* One side of a text: its heading and the text, selectable. */
static GtkWidget *
text_side (const char *heading,
           const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *label = gtk_label_new (text[0] != '\0' ? text : _("(empty)"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "card");
  gtk_widget_add_css_class (label, "conflict-text");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
add_text_field (SigapConflictWindow *self,
                Field               *field,
                GtkBox              *section)
{
  const char *mine = node_string (field->mine);
  const char *theirs = node_string (field->theirs);
  g_autofree char *result_label = NULL;
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *result = gtk_label_new (_("Result"));

  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_box_append (GTK_BOX (sides), text_side (_("Your version"), mine));
  gtk_box_append (GTK_BOX (sides), text_side (_("Server’s version"), theirs));
  gtk_box_append (section, sides);

  gtk_label_set_xalign (GTK_LABEL (result), 0);
  gtk_widget_add_css_class (result, "caption-heading");
  gtk_widget_add_css_class (result, "dim-label");
  gtk_box_append (section, result);

  /* The result starts as the server's text, which is what the post holds
   * now; the user takes theirs or edits it into a merge. */
  result_label = g_strdup_printf (_("Result: %s"), member_label (field->member));
  if (g_str_equal (field->member, "title"))
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_editable_set_text (GTK_EDITABLE (entry), theirs);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, result_label, -1);
      field->entry = GTK_EDITABLE (entry);
      gtk_box_append (section, entry);
    }
  else
    {
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
      gtk_widget_set_size_request (view, -1, 120);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, result_label, -1);
      field->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      gtk_text_buffer_set_text (field->buffer, theirs, -1);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (section, frame);
    }
}

static void
add_choice_field (SigapConflictWindow *self,
                  Field               *field,
                  GtkBox              *section)
{
  g_autofree char *mine = describe_value (self, field->member, field->mine);
  g_autofree char *theirs = describe_value (self, field->member, field->theirs);
  g_autofree char *mine_text = g_strdup_printf (_("Your version: %s"), mine);
  g_autofree char *theirs_text = g_strdup_printf (_("Server’s version: %s"), theirs);

  field->mine_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (mine_text));
  field->theirs_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (theirs_text));
  gtk_check_button_set_group (field->mine_check, field->theirs_check);
  gtk_check_button_set_active (field->theirs_check, TRUE);

  gtk_box_append (section, GTK_WIDGET (field->mine_check));
  gtk_box_append (section, GTK_WIDGET (field->theirs_check));
}

static void
add_field (SigapConflictWindow *self,
           Field               *field)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (member_label (field->member));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (section), heading);

  if (is_text_member (field->member))
    add_text_field (self, field, GTK_BOX (section));
  else
    add_choice_field (self, field, GTK_BOX (section));

  gtk_box_append (self->fields_box, section);
}

/* Sets every part to one side: the user's if @mine, else the server's. */
static void
take_all (SigapConflictWindow *self,
          gboolean             mine)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      const char *text = node_string (mine ? field->mine : field->theirs);

      if (field->entry != NULL)
        gtk_editable_set_text (field->entry, text);
      else if (field->buffer != NULL)
        gtk_text_buffer_set_text (field->buffer, text, -1);
      else
        gtk_check_button_set_active (mine ? field->mine_check : field->theirs_check, TRUE);
    }
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  take_all (SIGAP_CONFLICT_WINDOW (widget), TRUE);
}

static void
keep_server_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  take_all (SIGAP_CONFLICT_WINDOW (widget), FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SigapConflictWindow *self = SIGAP_CONFLICT_WINDOW (widget);
  g_autoptr(JsonObject) kept = json_object_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->entry != NULL)
        {
          g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (field->entry)));

          if (title[0] == '\0')
            {
              set_error (self, _("The post needs a title. Take one of the two or write one."));
              gtk_widget_grab_focus (GTK_WIDGET (field->entry));
              return;
            }
          json_object_set_string_member (kept, field->member, title);
        }
      else if (field->buffer != NULL)
        {
          GtkTextIter start, end;
          g_autofree char *text = NULL;

          gtk_text_buffer_get_bounds (field->buffer, &start, &end);
          text = gtk_text_buffer_get_text (field->buffer, &start, &end, FALSE);
          json_object_set_string_member (kept, field->member, text);
        }
      else if (gtk_check_button_get_active (field->mine_check) && field->mine != NULL)
        {
          json_object_set_member (kept, field->member, json_node_copy (field->mine));
        }
    }

  /* On failure the window stays open with the user's choices. */
  if (!sigap_store_resolve_post_conflict (self->store, sigap_post_get_id (self->post), kept,
                                          &error))
    {
      set_error (self, error->message);
      return;
    }

  set_error (self, NULL);
  g_signal_emit (self, signals[RESOLVED], 0, self->post);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sigap_conflict_window_dispose (GObject *object)
{
  SigapConflictWindow *self = (SigapConflictWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_CONFLICT_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->post);

  G_OBJECT_CLASS (sigap_conflict_window_parent_class)->dispose (object);
}

static void
sigap_conflict_window_finalize (GObject *object)
{
  SigapConflictWindow *self = (SigapConflictWindow *)object;

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sigap_conflict_window_parent_class)->finalize (object);
}

static void
sigap_conflict_window_class_init (SigapConflictWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_conflict_window_dispose;
  object_class->finalize = sigap_conflict_window_finalize;

  /**
   * SigapConflictWindow::resolved:
   * @self: the window
   * @post: the post whose conflict was resolved
   *
   * Emitted when the user's choice was stored, just before the window
   * closes.
   */
  signals[RESOLVED] =
    g_signal_new ("resolved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SIGAP_TYPE_POST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-conflict-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapConflictWindow, intro_label);
  gtk_widget_class_bind_template_child (widget_class, SigapConflictWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SigapConflictWindow, fields_box);

  gtk_widget_class_install_action (widget_class, "conflict.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "conflict.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "conflict.keep-server", NULL,
                                   keep_server_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "conflict.save", NULL);
}

static void
sigap_conflict_window_init (SigapConflictWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
}

/**
 * sigap_conflict_window_new:
 * @parent: (nullable): the window to stay on top of
 * @store: where the post and its conflict are kept
 * @opd: the agency the post belongs to, for its time zone
 * @conflict: the conflict, as sigap_store_list_post_conflicts() gives it
 * @error: return location for a #SigapStoreError
 *
 * Returns: (transfer none) (nullable): a new window showing, for each part
 *   of the post both sides changed, the user's version next to the
 *   server's; %NULL if the post cannot be read
 */
SigapConflictWindow *
sigap_conflict_window_new (GtkWindow   *parent,
                           SigapStore  *store,
                           SigapOpd    *opd,
                           JsonObject  *conflict,
                           GError     **error)
{
  SigapConflictWindow *self;
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(JsonObject) current = NULL;
  g_autofree char *intro = NULL;
  JsonObject *fields;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);
  g_return_val_if_fail (SIGAP_IS_OPD (opd), NULL);
  g_return_val_if_fail (conflict != NULL, NULL);

  post = sigap_store_get_post (store,
                               json_object_get_string_member_with_default (conflict, "post_id",
                                                                           ""),
                               error);
  if (post == NULL)
    return NULL;

  self = g_object_new (SIGAP_TYPE_CONFLICT_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->post = g_steal_pointer (&post);
  self->zone = sigap_opd_dup_zone (opd);

  intro = g_strdup_printf (_("“%s” was changed on the server while you changed it on this "
                             "computer. For each part, keep your version, the server’s, or "
                             "merge them in the result. The version you do not keep stays in "
                             "the post’s history."),
                           sigap_post_get_title (self->post));
  gtk_label_set_label (self->intro_label, intro);

  current = sigap_json_object_from_post (self->post);
  fields = json_object_get_object_member (conflict, "fields");
  for (guint i = 0; shown_members[i] != NULL; i++)
    {
      const char *member = shown_members[i];
      Field *field;

      if (fields == NULL || !json_object_has_member (fields, member))
        continue;

      field = g_new0 (Field, 1);
      field->member = g_strdup (member);
      field->mine = json_object_dup_member (fields, member);
      field->theirs = json_object_dup_member (current, member);
      g_ptr_array_add (self->fields, field);
      add_field (self, field);
    }

  return self;
}

/**
 * sigap_conflict_window_get_error:
 * @self: a #SigapConflictWindow
 *
 * Returns: (nullable): what keeps the choice from being stored
 */
const char *
sigap_conflict_window_get_error (SigapConflictWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_CONFLICT_WINDOW (self), NULL);

  return self->error;
}
