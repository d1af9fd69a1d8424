/* sigap-new-post-window.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-new-post-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-new-post-window.h"

/* The first sketch of a post: a title, a text, when and what kind; a new
 * draft, or a change to a post of the agenda. The full composer, with
 * platforms and their rules, replaces it later. */
struct _SigapNewPostWindow
{
  AdwWindow parent_instance;

  SigapStore *store;
  SigapOpd *opd;
  SigapUser *user;
  GTimeZone *zone;
  char *error;

  /* The post being changed, or %NULL for a new draft. */
  SigapPost *post;

  /* Template widgets */
  GtkLabel *save_label;
  GtkLabel *error_label;
  AdwEntryRow *title_row;
  AdwComboRow *category_row;
  GtkMenuButton *date_button;
  GtkCalendar *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkLabel *zone_label;
  GtkTextView *body_view;
};

G_DEFINE_FINAL_TYPE (SigapNewPostWindow, sigap_new_post_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_error (SigapNewPostWindow *self,
           const char         *error)
{
  g_free (self->error);
  self->error = g_strdup (error);

  gtk_label_set_label (self->error_label, error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static GDateTime *
dup_selected_date (SigapNewPostWindow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  return g_date_time_new (self->zone,
                          g_date_time_get_year (date),
                          g_date_time_get_month (date),
                          g_date_time_get_day_of_month (date),
                          gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin),
                          0);
}

static void
update_date_label (SigapNewPostWindow *self)
{
  g_autoptr(GDateTime) when = dup_selected_date (self);
  g_autofree char *day = sigap_format_day (when);

  gtk_menu_button_set_label (self->date_button, day);
  gtk_label_set_label (self->zone_label, g_date_time_get_timezone_abbreviation (when));
}

static void
day_selected_cb (SigapNewPostWindow *self,
                 GtkCalendar        *calendar)
{
  update_date_label (self);
  gtk_menu_button_popdown (self->date_button);
}

static void
title_changed_cb (SigapNewPostWindow *self,
                  GtkEditable        *editable)
{
  if (self->error != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
      set_error (self, NULL);
    }
}

static gboolean
spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = NULL;

  /* Times read "09.05", not "9.5". */
  text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SigapNewPostWindow *self = SIGAP_NEW_POST_WINDOW (widget);
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (title[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      set_error (self, _("Write a title for the post, so the agency can find it in the calendar."));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return;
    }

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  when = dup_selected_date (self);

  if (self->post != NULL)
    {
      post = sigap_post_copy (self->post);
    }
  else
    {
      post = sigap_post_new ();
      sigap_post_set_opd_id (post, sigap_opd_get_id (self->opd));
      sigap_post_set_author_id (post, sigap_user_get_id (self->user));
      sigap_post_set_status (post, SIGAP_POST_STATUS_DRAFT);
      sigap_post_set_created_at (post, g_get_real_time () / G_USEC_PER_SEC);
    }
  sigap_post_set_title (post, title);
  sigap_post_set_body (post, body);
  sigap_post_set_category (post, (SigapContentCategory) adw_combo_row_get_selected (self->category_row));
  sigap_post_set_scheduled_at (post, g_date_time_to_unix (when));

  /* On failure the window stays open with everything the user wrote. */
  if (self->post != NULL
      ? !sigap_store_update_post (self->store, post, &error)
      : !sigap_store_insert_post (self->store, post, &error))
    {
      set_error (self, error->message);
      return;
    }

  set_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, post);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sigap_new_post_window_dispose (GObject *object)
{
  SigapNewPostWindow *self = (SigapNewPostWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_NEW_POST_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->opd);
  g_clear_object (&self->user);
  g_clear_object (&self->post);

  G_OBJECT_CLASS (sigap_new_post_window_parent_class)->dispose (object);
}

static void
sigap_new_post_window_finalize (GObject *object)
{
  SigapNewPostWindow *self = (SigapNewPostWindow *)object;

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sigap_new_post_window_parent_class)->finalize (object);
}

static void
sigap_new_post_window_class_init (SigapNewPostWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_new_post_window_dispose;
  object_class->finalize = sigap_new_post_window_finalize;

  /**
   * SigapNewPostWindow::saved:
   * @self: the window
   * @post: the post, as stored
   *
   * Emitted when the post was saved, just before the window closes.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SIGAP_TYPE_POST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-new-post-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, save_label);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, category_row);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, calendar);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, zone_label);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, body_view);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);

  gtk_widget_class_install_action (widget_class, "new-post.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "new-post.save", NULL);
}

static void
sigap_new_post_window_init (SigapNewPostWindow *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE;
       i <= SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT;
       i++)
    gtk_string_list_append (categories,
                            sigap_content_category_to_label ((SigapContentCategory) i));

  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
}

/**
 * sigap_new_post_window_new:
 * @parent: (nullable): the window to stay on top of
 * @store: where to save the post
 * @opd: the agency the post belongs to
 * @user: the author
 *
 * Returns: (transfer none): a new window, with the date set to the next
 *   full hour in @opd's time zone
 */
SigapNewPostWindow *
sigap_new_post_window_new (GtkWindow  *parent,
                           SigapStore *store,
                           SigapOpd   *opd,
                           SigapUser  *user)
{
  SigapNewPostWindow *self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) when = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);
  g_return_val_if_fail (SIGAP_IS_OPD (opd), NULL);
  g_return_val_if_fail (SIGAP_IS_USER (user), NULL);

  self = g_object_new (SIGAP_TYPE_NEW_POST_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->opd = g_object_ref (opd);
  self->user = g_object_ref (user);
  self->zone = sigap_opd_dup_zone (opd);

  now = g_date_time_new_now (self->zone);
  when = sigap_next_full_hour (now);
  gtk_calendar_select_day (self->calendar, when);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (when));
  gtk_spin_button_set_value (self->minute_spin, 0);
  update_date_label (self);

  return self;
}

/**
 * sigap_new_post_window_new_for_post:
 * @parent: (nullable): the window to stay on top of
 * @store: where the post is kept
 * @opd: the agency the post belongs to
 * @user: who changes it
 * @post: the post to change
 *
 * Returns: (transfer none): a new window showing @post, which saves the
 *   changes into it
 */
SigapNewPostWindow *
sigap_new_post_window_new_for_post (GtkWindow  *parent,
                                    SigapStore *store,
                                    SigapOpd   *opd,
                                    SigapUser  *user,
                                    SigapPost  *post)
{
  SigapNewPostWindow *self;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) when = NULL;

  g_return_val_if_fail (SIGAP_IS_POST (post), NULL);

  self = sigap_new_post_window_new (parent, store, opd, user);
  if (self == NULL)
    return NULL;

  self->post = sigap_post_copy (post);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Post"));
  gtk_label_set_label (self->save_label, _("_Save"));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), sigap_post_get_title (post));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            sigap_post_get_body (post) != NULL ? sigap_post_get_body (post) : "",
                            -1);
  adw_combo_row_set_selected (self->category_row, sigap_post_get_category (post));

  utc = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));
  when = g_date_time_to_timezone (utc, self->zone);
  gtk_calendar_select_day (self->calendar, when);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (when));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (when));
  update_date_label (self);

  return self;
}

/**
 * sigap_new_post_window_new_for_time:
 * @parent: (nullable): the window to stay on top of
 * @store: where to save the post
 * @opd: the agency the post belongs to
 * @user: the author
 * @when: when the post should go out, as the calendar's day or hour
 *   where the user asked for it
 *
 * Returns: (transfer none): a new window for a new draft, with the date
 *   and time set to @when in @opd's time zone
 */
SigapNewPostWindow *
sigap_new_post_window_new_for_time (GtkWindow  *parent,
                                    SigapStore *store,
                                    SigapOpd   *opd,
                                    SigapUser  *user,
                                    GDateTime  *when)
{
  SigapNewPostWindow *self;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  self = sigap_new_post_window_new (parent, store, opd, user);
  if (self == NULL)
    return NULL;

  local = g_date_time_to_timezone (when, self->zone);
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  update_date_label (self);

  return self;
}

/**
 * sigap_new_post_window_get_error:
 * @self: a #SigapNewPostWindow
 *
 * Returns: (nullable): the message the window shows about what keeps the
 *   post from being saved
 */
const char *
sigap_new_post_window_get_error (SigapNewPostWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_NEW_POST_WINDOW (self), NULL);

  return self->error;
}
