/* sigap-window.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-calendar-page.h"
#include "sigap-conflict-window.h"
#include "sigap-export-window.h"
#include "sigap-inbox-page.h"
#include "sigap-new-post-window.h"
#include "sigap-reminders.h"
#include "sigap-report-page.h"
#include "sigap-review-page.h"
#include "sigap-sign-in-window.h"
#include "sigap-sync-indicator.h"
#include "sigap-window.h"

struct _SigapWindow
{
  AdwApplicationWindow parent_instance;

  SigapStore *store;
  GError *store_error;
  GSettings *settings;
  GCancellable *cancellable;

  /* Set when the integrity check found the open database damaged: the
   * window then shows why, and nothing more is written to it. */
  gboolean damaged;
  guint integrity_source;

  /* Who is signed in, from the store's "local_user" meta; both %NULL when
   * nobody is. */
  SigapUser *user;
  SigapOpd *opd;

  /* The sync session, %NULL when there is no database to sync. */
  SigapSyncManager *sync;

  /* The application's reminders, told who is signed in. */
  SigapReminders *reminders;

  /* Template widgets */
  GtkStack *main_stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkLabel *opd_label;
  GtkRevealer *conflict_revealer;
  GtkLabel *conflict_label;
  AdwToastOverlay *toast_overlay;
  AdwViewStack *view_stack;
  AdwStatusPage *error_page;
  SigapCalendarPage *calendar_page;
  SigapInboxPage *inbox_page;
  SigapReportPage *report_page;
  SigapReviewPage *review_page;
  SigapSyncIndicator *sync_indicator;
};

G_DEFINE_FINAL_TYPE (SigapWindow, sigap_window, ADW_TYPE_APPLICATION_WINDOW)

#define INTEGRITY_CHECK_DELAY_S 3

enum {
  PROP_0,
  PROP_STORE,
  PROP_STORE_ERROR,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_page_name (const char *name)
{
  return g_strcmp0 (name, "calendar") == 0 ||
         g_strcmp0 (name, "inbox") == 0 ||
         g_strcmp0 (name, "report") == 0 ||
         g_strcmp0 (name, "review") == 0;
}

static void
sigap_window_update_actions (SigapWindow *self)
{
  gboolean open = self->store != NULL && !self->damaged;
  gboolean can_sync = open && self->sync != NULL;
  gboolean signed_in = can_sync && sigap_sync_manager_get_signed_in (self->sync);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compose",
                                 open && self->user != NULL && self->opd != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in", can_sync && !signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-now", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-calendar",
                                 open && self->opd != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-conflicts",
                                 open && self->opd != NULL &&
                                 gtk_revealer_get_reveal_child (self->conflict_revealer));
}

/* The switcher counts the complaints due soon or late, and asks for
 * attention while any is late. */
static void
update_inbox_badge (SigapWindow *self)
{
  AdwViewStackPage *page = adw_view_stack_get_page (self->view_stack,
                                                    GTK_WIDGET (self->inbox_page));
  guint n_late = sigap_inbox_page_get_n_late (self->inbox_page);
  guint n_due_soon = sigap_inbox_page_get_n_due_soon (self->inbox_page);

  adw_view_stack_page_set_badge_number (page, n_late + n_due_soon);
  adw_view_stack_page_set_needs_attention (page, n_late > 0);
}

/* The verifikator's page counts the posts waiting for approval; nobody
 * else sees it. */
static void
update_review_badge (SigapWindow *self)
{
  AdwViewStackPage *page = adw_view_stack_get_page (self->view_stack,
                                                    GTK_WIDGET (self->review_page));

  adw_view_stack_page_set_badge_number (page, sigap_review_page_get_n_posts (self->review_page));
}

static void
review_message_cb (SigapWindow     *self,
                   const char      *text,
                   SigapReviewPage *page)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* The bar that asks about posts whose changes met the server's. */
static void
update_conflicts (SigapWindow *self)
{
  guint n = 0;

  if (self->store != NULL && self->opd != NULL && !self->damaged)
    n = sigap_store_count_post_conflicts (self->store, sigap_opd_get_id (self->opd));

  if (n > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u post was changed on the server while you "
                                           "changed it. Choose which version to keep.",
                                           "%u posts were changed on the server while you "
                                           "changed them. Choose which versions to keep.",
                                           n),
                              n);
      gtk_label_set_label (self->conflict_label, text);
    }
  if (n > 0)
    gtk_widget_set_visible (GTK_WIDGET (self->conflict_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->conflict_revealer, n > 0);
  sigap_window_update_actions (self);
}

/* Once folded away the bar is hidden, so that it leaves the
 * accessibility tree and the focus chain too. */
static void
conflict_revealed_cb (SigapWindow *self,
                      GParamSpec  *pspec,
                      GtkRevealer *revealer)
{
  if (!gtk_revealer_get_child_revealed (revealer) && !gtk_revealer_get_reveal_child (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

/* The agency's name is the switcher title's subtitle when the window is
 * narrow; when the switcher shows, it moves to the end of the header bar. */
static void
update_opd_label (SigapWindow *self)
{
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  gtk_label_set_label (self->opd_label, self->opd != NULL ? sigap_opd_get_name (self->opd) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->opd_label), self->opd != NULL && !narrow);
}

static void
sigap_window_load_session (SigapWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *username = NULL;
  g_autoptr(SigapUser) user = NULL;
  g_autoptr(SigapOpd) opd = NULL;

  g_assert (self->store != NULL);

  username = sigap_store_get_meta (self->store, "local_user");
  if (username != NULL && username[0] != '\0')
    user = sigap_store_find_user_by_name (self->store, username, &error);

  if (user != NULL && sigap_user_get_opd_id (user) != NULL)
    opd = sigap_store_get_opd (self->store, sigap_user_get_opd_id (user), &error);

  if (error != NULL && !g_error_matches (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND))
    g_warning ("Cannot read who is signed in: %s", error->message);

  /* A user without an agency can't plan posts or answer complaints. */
  if (opd == NULL)
    g_clear_object (&user);

  g_set_object (&self->user, user);
  g_set_object (&self->opd, opd);

  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        opd != NULL ? sigap_opd_get_name (opd) : NULL);
  update_opd_label (self);
}

static void
sigap_window_save_state (SigapWindow *self)
{
  int width = 0;
  int height = 0;

  if (self->settings == NULL)
    return;

  g_settings_delay (self->settings);

  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  if (self->store != NULL)
    g_settings_set_string (self->settings, "last-page",
                           sigap_window_get_visible_page (self));

  g_settings_apply (self->settings);
}

static void
sigap_window_restore_state (SigapWindow *self)
{
  g_autofree char *page = NULL;

  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (360, g_settings_get_int (self->settings, "window-width")),
                               MAX (480, g_settings_get_int (self->settings, "window-height")));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (self->settings, "last-page");
  if (is_page_name (page))
    adw_view_stack_set_visible_child_name (self->view_stack, page);
}

/* The reminders watch the signed-in agency's posts. */
static void
update_reminders (SigapWindow *self)
{
  if (self->reminders == NULL)
    return;

  sigap_reminders_set_opd (self->reminders, self->damaged ? NULL : self->opd);
  sigap_reminders_reload (self->reminders);
}

static void
post_saved_cb (SigapWindow        *self,
               SigapPost          *post,
               SigapNewPostWindow *composer)
{
  g_assert (SIGAP_IS_WINDOW (self));

  sigap_calendar_page_reload (self->calendar_page);
  update_reminders (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "calendar");
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Draft saved")));
}

static void
compose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  SigapNewPostWindow *composer;

  g_return_if_fail (self->store != NULL && self->opd != NULL && self->user != NULL);

  /* Ctrl+N on a day or an hour of the calendar writes the post there. */
  if (sigap_calendar_page_create_post_at_focus (self->calendar_page))
    return;

  composer = sigap_new_post_window_new (GTK_WINDOW (self), self->store, self->opd, self->user);
  sigap_new_post_window_recover (composer);
  g_signal_connect_object (composer, "saved", G_CALLBACK (post_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (composer));
}

static void
post_edited_cb (SigapWindow        *self,
                SigapPost          *post,
                SigapNewPostWindow *editor)
{
  g_assert (SIGAP_IS_WINDOW (self));

  sigap_calendar_page_reload (self->calendar_page);
  update_reminders (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Post saved")));
}

static void
post_activated_cb (SigapWindow       *self,
                   SigapPost         *post,
                   SigapCalendarPage *page)
{
  SigapNewPostWindow *editor;

  if (self->store == NULL || self->opd == NULL || self->user == NULL || self->damaged)
    return;

  editor = sigap_new_post_window_new_for_post (GTK_WINDOW (self), self->store, self->opd,
                                               self->user, post);
  g_signal_connect_object (editor, "saved", G_CALLBACK (post_edited_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* A double click, Enter or Ctrl+N on a day or an hour of the calendar. */
static void
calendar_create_post_cb (SigapWindow       *self,
                         GDateTime         *when,
                         SigapCalendarPage *page)
{
  SigapNewPostWindow *composer;

  if (self->store == NULL || self->opd == NULL || self->user == NULL || self->damaged)
    return;

  composer = sigap_new_post_window_new_for_time (GTK_WINDOW (self), self->store, self->opd,
                                                 self->user, when);
  sigap_new_post_window_recover (composer);
  g_signal_connect_object (composer, "saved", G_CALLBACK (post_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (composer));
}

static void
conflict_resolved_cb (SigapWindow         *self,
                      SigapPost           *post,
                      SigapConflictWindow *conflict_window)
{
  g_assert (SIGAP_IS_WINDOW (self));

  sigap_calendar_page_reload (self->calendar_page);
  update_conflicts (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Your choice is kept and goes to the server "
                                                "with the next sync")));
}

/* Opens the newest open conflict; the bar stays while others remain. */
static void
review_conflicts_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  SigapConflictWindow *conflict_window;

  g_return_if_fail (self->store != NULL && self->opd != NULL);

  conflicts = sigap_store_list_post_conflicts (self->store, sigap_opd_get_id (self->opd),
                                               &error);
  if (conflicts == NULL || conflicts->len == 0)
    {
      if (error != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      update_conflicts (self);
      return;
    }

  conflict_window = sigap_conflict_window_new (GTK_WINDOW (self), self->store, self->opd,
                                               g_ptr_array_index (conflicts, 0), &error);
  if (conflict_window == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  g_signal_connect_object (conflict_window, "resolved", G_CALLBACK (conflict_resolved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (conflict_window));
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
exported_file_shown_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(SigapWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_message ("Cannot open the exported schedule: %s", error->message);
  /* Translators: %s says what went wrong */
  message = g_strdup_printf (_("No application could open the file. Open it from your calendar "
                               "application instead. (%s)"),
                             error->message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
open_exported_cb (AdwToast    *toast,
                  SigapWindow *self)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "sigap-uri");

  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, self->cancellable,
                     exported_file_shown_cb, g_object_ref (self));
}

G_GNUC_END_IGNORE_DEPRECATIONS

static void
calendar_exported_cb (SigapWindow       *self,
                      GFile             *file,
                      guint              n_posts,
                      SigapExportWindow *export_window)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n_posts == 0)
    title = g_strdup_printf (_("No posts in this range; an empty schedule was exported to %s"),
                             name);
  else
    title = g_strdup_printf (_("Schedule exported to %s"), name);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("Open"));
  g_object_set_data_full (G_OBJECT (toast), "sigap-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_exported_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  SigapExportWindow *export_window;

  g_return_if_fail (self->store != NULL && self->opd != NULL);

  export_window = sigap_export_window_new (GTK_WINDOW (self), self->store, self->opd);
  g_signal_connect_object (export_window, "exported", G_CALLBACK (calendar_exported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (export_window));
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  SigapSignInWindow *sign_in;

  g_return_if_fail (self->sync != NULL);

  sign_in = sigap_sign_in_window_new (GTK_WINDOW (self), self->sync);
  gtk_window_present (GTK_WINDOW (sign_in));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);

  g_return_if_fail (self->sync != NULL);

  sigap_sync_manager_sign_out (self->sync);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Signed out. Your data stays on this computer.")));
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);

  g_return_if_fail (self->sync != NULL);

  sigap_sync_manager_sync_now (self->sync);
}

/* What the server sent shows at once; a sync that brought nothing leaves
 * the pages, their scroll and selection alone. */
static void
sync_finished_cb (SigapWindow      *self,
                  gboolean          succeeded,
                  guint             pulled,
                  SigapSyncManager *manager)
{
  g_autofree char *username = NULL;

  if (!succeeded || self->store == NULL || self->damaged)
    return;

  /* A push can end in a conflict without bringing anything new. */
  update_conflicts (self);
  update_reminders (self);

  username = sigap_store_get_meta (self->store, "local_user");
  if (pulled == 0 && self->user != NULL &&
      g_strcmp0 (username, sigap_user_get_username (self->user)) == 0)
    return;

  sigap_window_load_session (self);
  sigap_window_reload (self);
  sigap_window_update_actions (self);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sigap_window_set_visible_page (SIGAP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static gboolean
sigap_window_close_request (GtkWindow *window)
{
  sigap_window_save_state (SIGAP_WINDOW (window));

  return GTK_WINDOW_CLASS (sigap_window_parent_class)->close_request (window);
}

static void
sigap_window_show_error (SigapWindow  *self,
                         const GError *error)
{
  if (error != NULL && error->domain != SIGAP_STORE_ERROR)
    adw_status_page_set_title (self->error_page, _("Sigap cannot start"));
  adw_status_page_set_description (self->error_page,
                                   error != NULL
                                   ? error->message
                                   : _("Sigap has no database to work with."));
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
integrity_checked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SigapWindow *self;

  if (sigap_store_check_integrity_finish (SIGAP_STORE (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The window is alive: dispose cancels the check before it goes. */
  self = SIGAP_WINDOW (user_data);
  g_message ("The database failed its integrity check");
  self->damaged = TRUE;
  sigap_window_show_error (self, error);
  sigap_window_update_actions (self);
}

static gboolean
start_integrity_check_cb (gpointer user_data)
{
  SigapWindow *self = user_data;

  self->integrity_source = 0;
  sigap_store_check_integrity_async (self->store, self->cancellable,
                                     integrity_checked_cb, self);

  return G_SOURCE_REMOVE;
}

static void
sigap_window_constructed (GObject *object)
{
  SigapWindow *self = (SigapWindow *)object;

  G_OBJECT_CLASS (sigap_window_parent_class)->constructed (object);

  sigap_window_restore_state (self);

  if (self->store == NULL)
    {
      /* Nothing is written to a database that failed to open. */
      sigap_window_show_error (self, self->store_error);
    }
  else
    {
      sigap_calendar_page_set_settings (self->calendar_page, self->settings);
      sigap_window_load_session (self);
      sigap_window_reload (self);
      gtk_stack_set_visible_child_name (self->main_stack, "main");

      /* Reading every page of a large database competes with the first
       * frames; the check waits until the window has settled. */
      self->integrity_source = g_timeout_add_seconds (INTEGRITY_CHECK_DELAY_S,
                                                      start_integrity_check_cb, self);
    }

  if (self->settings != NULL)
    g_settings_bind (self->settings, "presentation-mode",
                     self->inbox_page, "presentation-mode",
                     G_SETTINGS_BIND_GET);

  sigap_window_update_actions (self);
}

static void
sigap_window_dispose (GObject *object)
{
  SigapWindow *self = (SigapWindow *)object;

  g_clear_handle_id (&self->integrity_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_WINDOW);

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->sync);
  g_clear_object (&self->reminders);
  g_clear_object (&self->user);
  g_clear_object (&self->opd);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sigap_window_parent_class)->dispose (object);
}

static void
sigap_window_finalize (GObject *object)
{
  SigapWindow *self = (SigapWindow *)object;

  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (sigap_window_parent_class)->finalize (object);
}

static void
sigap_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SigapWindow *self = SIGAP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STORE_ERROR:
      g_value_set_boxed (value, self->store_error);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SigapWindow *self = SIGAP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_STORE_ERROR:
      self->store_error = g_value_dup_boxed (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_window_class_init (SigapWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sigap_window_constructed;
  object_class->dispose = sigap_window_dispose;
  object_class->finalize = sigap_window_finalize;
  object_class->get_property = sigap_window_get_property;
  object_class->set_property = sigap_window_set_property;

  window_class->close_request = sigap_window_close_request;

  /**
   * SigapWindow:store:
   *
   * The open store, or %NULL when it failed to open.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SIGAP_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SigapWindow:store-error:
   *
   * Why the store failed to open, shown instead of the pages.
   */
  properties[PROP_STORE_ERROR] =
    g_param_spec_boxed ("store-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * SigapWindow:settings:
   *
   * The application's settings, where the window keeps its size and page.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SIGAP_TYPE_CALENDAR_PAGE);
  g_type_ensure (SIGAP_TYPE_INBOX_PAGE);
  g_type_ensure (SIGAP_TYPE_REPORT_PAGE);
  g_type_ensure (SIGAP_TYPE_REVIEW_PAGE);
  g_type_ensure (SIGAP_TYPE_SYNC_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, opd_label);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, calendar_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, inbox_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, report_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, review_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, sync_indicator);

  gtk_widget_class_install_action (widget_class, "win.compose", NULL, compose_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_action);
  gtk_widget_class_install_action (widget_class, "win.review-conflicts", NULL,
                                   review_conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL,
                                   export_calendar_action);
}

static void
sigap_window_init (SigapWindow *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_opd_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->conflict_revealer, "notify::child-revealed",
                           G_CALLBACK (conflict_revealed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar_page, "post-activated",
                           G_CALLBACK (post_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar_page, "create-post",
                           G_CALLBACK (calendar_create_post_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inbox_page, "notify::n-late",
                           G_CALLBACK (update_inbox_badge), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inbox_page, "notify::n-due-soon",
                           G_CALLBACK (update_inbox_badge), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_page, "notify::n-posts",
                           G_CALLBACK (update_review_badge), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_page, "message",
                           G_CALLBACK (review_message_cb), self, G_CONNECT_SWAPPED);
  sigap_calendar_page_set_toast_overlay (self->calendar_page, self->toast_overlay);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * sigap_window_new:
 * @application: the application
 * @store: (nullable): the open store, or %NULL if it failed to open
 * @store_error: (nullable): why the store failed to open
 * @settings: (nullable): where the window keeps its size and page
 *
 * Returns: (transfer none): a new window
 */
SigapWindow *
sigap_window_new (SigapApplication *application,
                  SigapStore       *store,
                  const GError     *store_error,
                  GSettings        *settings)
{
  g_return_val_if_fail (SIGAP_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || SIGAP_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SIGAP_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "store-error", store_error,
                       "settings", settings,
                       NULL);
}

/**
 * sigap_window_get_store:
 * @self: a #SigapWindow
 *
 * Returns: (transfer none) (nullable): the store
 */
SigapStore *
sigap_window_get_store (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * sigap_window_get_opd:
 * @self: a #SigapWindow
 *
 * Returns: (transfer none) (nullable): the agency of the signed-in user
 */
SigapOpd *
sigap_window_get_opd (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return self->opd;
}

/**
 * sigap_window_get_user:
 * @self: a #SigapWindow
 *
 * Returns: (transfer none) (nullable): the signed-in user
 */
SigapUser *
sigap_window_get_user (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return self->user;
}

/**
 * sigap_window_get_visible_page:
 * @self: a #SigapWindow
 *
 * Returns: "calendar", "inbox", "report" or "review", or "error" when the database
 *   failed to open
 */
const char *
sigap_window_get_visible_page (SigapWindow *self)
{
  const char *name;

  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return "error";

  name = adw_view_stack_get_visible_child_name (self->view_stack);

  return name != NULL ? name : "calendar";
}

void
sigap_window_set_visible_page (SigapWindow *self,
                               const char  *name)
{
  GtkWidget *child;

  g_return_if_fail (SIGAP_IS_WINDOW (self));

  if (self->store == NULL || !is_page_name (name))
    return;

  /* A page the user does not have (the verifikator's review) stays
   * hidden: AdwViewStack would show it all the same. */
  child = adw_view_stack_get_child_by_name (self->view_stack, name);
  if (!adw_view_stack_page_get_visible (adw_view_stack_get_page (self->view_stack, child)))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * sigap_window_get_page:
 * @self: a #SigapWindow
 * @name: "calendar", "inbox", "report" or "review"
 *
 * Returns: (transfer none) (nullable): the page widget
 */
GtkWidget *
sigap_window_get_page (SigapWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  if (!is_page_name (name))
    return NULL;

  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

/**
 * sigap_window_reload:
 * @self: a #SigapWindow
 *
 * Reads every page again from the store.
 */
void
sigap_window_reload (SigapWindow *self)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  sigap_calendar_page_set_source (self->calendar_page, self->store, self->opd);
  sigap_inbox_page_set_source (self->inbox_page, self->store, self->user, self->opd);
  sigap_report_page_set_source (self->report_page, self->store, self->user, self->opd);
  sigap_review_page_set_source (self->review_page, self->store, self->user);
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack,
                                                            GTK_WIDGET (self->review_page)),
                                   sigap_review_page_get_available (self->review_page));
  update_conflicts (self);
  update_reminders (self);
}

/**
 * sigap_window_get_sync_manager:
 * @self: a #SigapWindow
 *
 * Returns: (transfer none) (nullable): the sync session
 */
SigapSyncManager *
sigap_window_get_sync_manager (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return self->sync;
}

/**
 * sigap_window_set_sync_manager:
 * @self: a #SigapWindow
 * @manager: (nullable): the sync session of the window's store
 *
 * Shows @manager's state in the header bar, offers signing in and out,
 * and reloads the pages when a sync brings the server's changes.
 */
void
sigap_window_set_sync_manager (SigapWindow      *self,
                               SigapSyncManager *manager)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (manager == NULL || SIGAP_IS_SYNC_MANAGER (manager));

  if (self->sync == manager)
    return;

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_set_object (&self->sync, manager);

  if (manager != NULL)
    {
      g_signal_connect_object (manager, "notify::signed-in",
                               G_CALLBACK (sigap_window_update_actions), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (manager, "sync-finished",
                               G_CALLBACK (sync_finished_cb), self, G_CONNECT_SWAPPED);
    }

  sigap_sync_indicator_set_manager (self->sync_indicator, manager);
  sigap_window_update_actions (self);
}

/**
 * sigap_window_set_reminders:
 * @self: a #SigapWindow
 * @reminders: (nullable): the application's reminders
 *
 * Keeps @reminders watching the signed-in agency's posts, and reading
 * them again after a sync and after a post is saved.
 */
void
sigap_window_set_reminders (SigapWindow    *self,
                            SigapReminders *reminders)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (reminders == NULL || SIGAP_IS_REMINDERS (reminders));

  if (!g_set_object (&self->reminders, reminders))
    return;

  update_reminders (self);
}

/**
 * sigap_window_open_post:
 * @self: a #SigapWindow
 * @post_id: the ID of a post of the signed-in agency
 *
 * Opens the post for editing, as activating it in the calendar does, or
 * says in a toast why it cannot be opened.
 */
void
sigap_window_open_post (SigapWindow *self,
                        const char  *post_id)
{
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (post_id != NULL);

  if (self->store == NULL || self->damaged)
    return;

  post = sigap_store_get_post (self->store, post_id, &error);
  if (post == NULL)
    {
      if (g_error_matches (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_NOT_FOUND))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("This post is no longer in Sigap; it "
                                                      "may have been deleted.")));
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  if (self->opd == NULL ||
      g_strcmp0 (sigap_post_get_opd_id (post), sigap_opd_get_id (self->opd)) != 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This post belongs to another agency. Sign "
                                                    "in as its admin to open it.")));
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "calendar");
  post_activated_cb (self, post, self->calendar_page);
}

/**
 * sigap_window_add_toast:
 * @self: a #SigapWindow
 * @text: a sentence for the user
 *
 * Shows @text for a moment at the bottom of the window.
 */
void
sigap_window_add_toast (SigapWindow *self,
                        const char  *text)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}
