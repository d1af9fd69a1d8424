/* sigap-new-post-window.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-new-post-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sigap-central-documents.h"
#include "sigap-format.h"
#include "sigap-labels.h"
#include "sigap-media-probe.h"
#include "sigap-media.h"
#include "sigap-new-post-window.h"
#include "sigap-platform-rules.h"
#include "sigap-post-templates.h"
#include "sigap-preview-card.h"
#include "sigap-spell-buffer.h"
#include "sigap-spell.h"

/* The post composer: one base text and, per platform the agency posts
 * on, either that text or a variant of its own (YouTube's title and
 * description, a caption); every platform's counter and problems as the
 * user types, checked by the core's rules (data/platforms.json); the
 * post as each platform shows it; photos and videos; and the way out:
 * a draft, a post submitted for approval or scheduled, and once it is
 * approved, the publication platform by platform.
 *
 * Nothing typed is lost: a second after a change the post is saved in
 * the store (as a draft while it is new), and the text of a post that
 * has no title yet is kept in the store's meta table until it has one. */

/* The meta key of the text of a new post that has no title yet. */
#define RECOVERY_KEY "composer-recovery"

/* How long after a change the post is saved, at most. */
#define AUTOSAVE_MS 1000

typedef struct
{
  SigapNewPostWindow *self;
  SigapPlatform platform;

  GtkCheckButton *check;
  GtkLabel *counter_labels[2];
  GtkBox *problems_box;
  char *problems_text;
  gboolean blocks;
  char *first_block;

  AdwExpanderRow *variant_row;
  GtkTextView *variant_view;
  AdwEntryRow *youtube_title_row;

  GtkToggleButton *preview_toggle;

  AdwActionRow *publish_row;
  AdwEntryRow *url_row;
} PlatformUi;

struct _SigapNewPostWindow
{
  AdwWindow parent_instance;

  SigapStore *store;
  SigapOpd *opd;
  SigapUser *user;
  GTimeZone *zone;
  char *error;
  SigapPlatformRules *rules;
  SigapTwitterText *twitter;
  GPtrArray *accounts;
  SigapSpell *spell;
  GPtrArray *spell_buffers;
  SigapPostTemplates *templates;

  /* The photos and videos, in order, with their thumbnails (NULL until
   * loaded) and tiles. */
  GPtrArray *media;
  GPtrArray *thumbnails;
  GPtrArray *tiles;
  GCancellable *cancellable;
  GtkWidget *preview;
  gboolean preview_media_changed;

  /* The post as last saved, or %NULL for a new post not saved yet. */
  SigapPost *post;

  PlatformUi platforms[SIGAP_N_PLATFORMS];
  SigapPlatform preview_platform;

  guint autosave_id;
  gboolean loading;
  gboolean dirty;
  /* Whether the window saved the post since it opened. */
  gboolean stored;

  /* Template widgets */
  GtkLabel *save_label;
  GtkLabel *error_label;
  GtkLabel *note_label;
  AdwEntryRow *title_row;
  AdwComboRow *category_row;
  GtkMenuButton *date_button;
  GtkCalendar *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkLabel *zone_label;
  GtkFlowBox *platforms_box;
  GtkMenuButton *hashtag_button;
  GtkMenuButton *template_button;
  GtkTextView *body_view;
  GtkLabel *spell_label;
  GtkFlowBox *counters_box;
  GtkBox *problems_box;
  AdwPreferencesGroup *variants_group;
  AdwPreferencesGroup *media_group;
  GtkFlowBox *media_box;
  GtkLabel *media_empty_label;
  AdwPreferencesGroup *publish_group;
  GtkBox *preview_switcher;
  GtkScrolledWindow *preview_scroller;
  GtkLabel *reason_label;
  GtkButton *schedule_button;
  GtkLabel *schedule_label;
  GtkLabel *autosave_label;
};

G_DEFINE_FINAL_TYPE (SigapNewPostWindow, sigap_new_post_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_checks (SigapNewPostWindow *self);

/* Helpers {{{ */

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  /* Loading a post is not a change the user can undo. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
set_error (SigapNewPostWindow *self,
           const char         *error)
{
  g_free (self->error);
  self->error = g_strdup (error);

  gtk_label_set_label (self->error_label, error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static gboolean
needs_approval (SigapNewPostWindow *self)
{
  return sigap_opd_get_requires_approval (self->opd) &&
         sigap_user_get_role (self->user) != SIGAP_ROLE_VERIFIKATOR;
}

static SigapPostStatus
current_status (SigapNewPostWindow *self)
{
  return self->post != NULL ? sigap_post_get_status (self->post) : SIGAP_POST_STATUS_DRAFT;
}

static gboolean
is_approved (SigapNewPostWindow *self)
{
  SigapPostStatus status = current_status (self);

  return status == SIGAP_POST_STATUS_SCHEDULED || status == SIGAP_POST_STATUS_PUBLISHED;
}

/* The fields a platform's text goes into, as data/platforms.json names
 * them: the first is the one the base text fills. */
static const char *
platform_text_field (SigapPlatform platform)
{
  switch (platform)
    {
    case SIGAP_PLATFORM_INSTAGRAM:
    case SIGAP_PLATFORM_TIKTOK:
      return "caption";
    case SIGAP_PLATFORM_YOUTUBE:
      return "description";
    case SIGAP_PLATFORM_FACEBOOK:
    case SIGAP_PLATFORM_X:
    default:
      return "text";
    }
}

/* Where "Salin & buka" takes the admin when the agency has no account
 * address on the platform: the page that starts a new post. */
static const char *
platform_home (SigapPlatform platform)
{
  switch (platform)
    {
    case SIGAP_PLATFORM_FACEBOOK:
      return "https://www.facebook.com/";
    case SIGAP_PLATFORM_INSTAGRAM:
      return "https://www.instagram.com/";
    case SIGAP_PLATFORM_X:
      return "https://x.com/compose/post";
    case SIGAP_PLATFORM_YOUTUBE:
      return "https://studio.youtube.com/";
    case SIGAP_PLATFORM_TIKTOK:
      return "https://www.tiktok.com/upload";
    default:
      return NULL;
    }
}

/* Whether @host is one of the platform's own, where its posts live. */
static gboolean
host_is_platform (const char    *host,
                  SigapPlatform  platform)
{
  static const char * const facebook[] = { "facebook.com", "fb.com", "fb.watch", NULL };
  static const char * const instagram[] = { "instagram.com", NULL };
  static const char * const x[] = { "x.com", "twitter.com", NULL };
  static const char * const youtube[] = { "youtube.com", "youtu.be", NULL };
  static const char * const tiktok[] = { "tiktok.com", NULL };
  const char * const *domains;
  g_autofree char *lower = NULL;

  switch (platform)
    {
    case SIGAP_PLATFORM_FACEBOOK: domains = facebook; break;
    case SIGAP_PLATFORM_INSTAGRAM: domains = instagram; break;
    case SIGAP_PLATFORM_X: domains = x; break;
    case SIGAP_PLATFORM_YOUTUBE: domains = youtube; break;
    case SIGAP_PLATFORM_TIKTOK: domains = tiktok; break;
    default: return FALSE;
    }

  if (host == NULL)
    return FALSE;

  lower = g_ascii_strdown (host, -1);
  for (guint i = 0; domains[i] != NULL; i++)
    {
      g_autofree char *dotted = g_strconcat (".", domains[i], NULL);

      if (g_str_equal (lower, domains[i]) || g_str_has_suffix (lower, dotted))
        return TRUE;
    }

  return FALSE;
}

static SigapAccount *
find_account (SigapNewPostWindow *self,
              SigapPlatform       platform)
{
  for (guint i = 0; self->accounts != NULL && i < self->accounts->len; i++)
    {
      SigapAccount *account = g_ptr_array_index (self->accounts, i);

      if (sigap_account_get_platform (account) == platform)
        return account;
    }

  return NULL;
}

static gboolean
is_chosen (SigapNewPostWindow *self,
           SigapPlatform       platform)
{
  return gtk_check_button_get_active (self->platforms[platform].check);
}

static gboolean
is_overridden (SigapNewPostWindow *self,
               SigapPlatform       platform)
{
  AdwExpanderRow *row = self->platforms[platform].variant_row;

  return row != NULL && adw_expander_row_get_enable_expansion (row);
}

/* The text @platform gets: its own, or the base text. */
static char *
dup_platform_text (SigapNewPostWindow *self,
                   SigapPlatform       platform)
{
  if (is_overridden (self, platform))
    return dup_buffer_text (self->platforms[platform].variant_view);

  return dup_buffer_text (self->body_view);
}

/* YouTube's title: its own, or the post's. */
static char *
dup_youtube_title (SigapNewPostWindow *self)
{
  AdwEntryRow *row = self->platforms[SIGAP_PLATFORM_YOUTUBE].youtube_title_row;
  const char *own = row != NULL ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;

  if (!is_blank (own))
    return g_strdup (own);

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static char *
join_links (SigapNewPostWindow *self,
            const char         *text)
{
  g_autoptr(GPtrArray) urls = sigap_twitter_text_extract_urls (self->twitter, text);
  g_autoptr(GString) links = g_string_new (NULL);

  for (guint i = 0; urls != NULL && i < urls->len; i++)
    {
      SigapTextEntity *url = g_ptr_array_index (urls, i);

      if (links->len > 0)
        g_string_append_c (links, '\n');
      g_string_append (links, url->text);
    }

  return links->len > 0 ? g_string_free (g_steal_pointer (&links), FALSE) : NULL;
}

/* }}} */

/* Date and time {{{ */

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
select_time (SigapNewPostWindow *self,
             GDateTime          *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (when, self->zone);

  self->loading = TRUE;
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  self->loading = FALSE;
  update_date_label (self);
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

/* }}} */

/* Saving {{{ */

/* The post as the window shows it, with @status. */
static SigapPost *
build_post (SigapNewPostWindow *self,
            SigapPostStatus     status)
{
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(GDateTime) when = dup_selected_date (self);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  body = dup_buffer_text (self->body_view);

  if (self->post != NULL)
    {
      post = sigap_post_copy (self->post);
    }
  else
    {
      post = sigap_post_new ();
      sigap_post_set_opd_id (post, sigap_opd_get_id (self->opd));
      sigap_post_set_author_id (post, sigap_user_get_id (self->user));
      sigap_post_set_created_at (post, g_get_real_time () / G_USEC_PER_SEC);
    }

  sigap_post_set_title (post, title);
  sigap_post_set_body (post, body);
  sigap_post_set_category (post,
                           (SigapContentCategory) adw_combo_row_get_selected (self->category_row));
  sigap_post_set_scheduled_at (post, g_date_time_to_unix (when));
  sigap_post_set_status (post, status);

  if (self->media->len > 0)
    {
      g_autofree char *media = sigap_media_list_to_json (self->media);

      sigap_post_set_media (post, media);
    }
  else
    {
      sigap_post_set_media (post, NULL);
    }

  for (int p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      SigapPostVariant *stored = sigap_post_get_variant (post, p);
      g_autoptr(SigapPostVariant) variant = NULL;

      if (!is_chosen (self, p))
        {
          sigap_post_remove_variant (post, p);
          continue;
        }

      variant = stored != NULL ? sigap_post_variant_copy (stored) : sigap_post_variant_new ();
      sigap_post_variant_set_platform (variant, p);

      if (is_overridden (self, p))
        {
          g_autofree char *text = dup_buffer_text (self->platforms[p].variant_view);

          sigap_post_variant_set_body (variant, text);
        }
      else
        {
          sigap_post_variant_set_body (variant, NULL);
        }

      if (p == SIGAP_PLATFORM_YOUTUBE)
        {
          const char *own = gtk_editable_get_text (
            GTK_EDITABLE (self->platforms[p].youtube_title_row));

          sigap_post_variant_set_title (variant, is_blank (own) ? NULL : own);
        }

      sigap_post_set_variant (post, variant);
    }

  return g_steal_pointer (&post);
}

static void
clear_recovery (SigapNewPostWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!sigap_store_set_meta (self->store, RECOVERY_KEY, NULL, &error))
    g_warning ("Cannot clear the composer's recovered text: %s", error->message);
}

/* Saves @post, inserting it the first time; the window then holds it. */
static gboolean
store_post (SigapNewPostWindow  *self,
            SigapPost           *post,
            GError             **error)
{
  gboolean inserted = self->post == NULL;

  /* What a sync wrote since the window read the post and the window never
   * changes: the server's version and time of creation, the note. */
  if (!inserted)
    {
      g_autoptr(SigapPost) stored = sigap_store_get_post (self->store,
                                                          sigap_post_get_id (post), NULL);

      if (stored != NULL)
        {
          sigap_post_set_version (post, sigap_post_get_version (stored));
          sigap_post_set_created_at (post, sigap_post_get_created_at (stored));
          sigap_post_set_review_note (post, sigap_post_get_review_note (stored));
        }
    }

  if (inserted
      ? !sigap_store_insert_post (self->store, post, error)
      : !sigap_store_update_post (self->store, post, error))
    return FALSE;

  g_set_object (&self->post, post);
  self->dirty = FALSE;
  self->stored = TRUE;

  if (inserted)
    clear_recovery (self);

  return TRUE;
}

static void
show_autosaved (SigapNewPostWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->zone);
  g_autofree char *time = g_date_time_format (now, "%H.%M");
  g_autofree char *label = g_strdup_printf (_("Saved at %s"), time);

  gtk_label_set_label (self->autosave_label, label);
}

/* Saves what the window shows, as it is: a post with a title in the
 * store, the text of one without a title in the recovery key. */
static gboolean
autosave_now (SigapNewPostWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapPost) post = NULL;
  g_autofree char *body = NULL;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  if (!self->dirty)
    return TRUE;

  if (self->post == NULL && is_blank (title))
    {
      body = dup_buffer_text (self->body_view);
      if (!sigap_store_set_meta (self->store, RECOVERY_KEY, is_blank (body) ? NULL : body,
                                 &error))
        {
          set_error (self, error->message);
          return FALSE;
        }
      self->dirty = FALSE;
      return TRUE;
    }

  /* A post keeps its status: a scheduled post stays scheduled. */
  post = build_post (self, current_status (self));
  if (is_blank (title))
    sigap_post_set_title (post, sigap_post_get_title (self->post));

  if (!store_post (self, post, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }

  show_autosaved (self);

  return TRUE;
}

static gboolean
autosave_cb (gpointer user_data)
{
  SigapNewPostWindow *self = user_data;

  self->autosave_id = 0;
  autosave_now (self);

  return G_SOURCE_REMOVE;
}

/* A change the user made: saved within AUTOSAVE_MS, however fast the
 * typing goes on (the timer is not pushed back by later changes). */
static void
changed (SigapNewPostWindow *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add (AUTOSAVE_MS, autosave_cb, self);

  update_checks (self);
}

static gboolean
check_title (SigapNewPostWindow *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  if (!is_blank (title))
    return TRUE;

  gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  set_error (self, _("Write a title for the post, so the agency can find it in the calendar."));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return FALSE;
}

/* Saves the post with @status and closes the window. */
static void
finish (SigapNewPostWindow *self,
        SigapPostStatus     status)
{
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  post = build_post (self, status);

  /* On failure the window stays open with everything the user wrote. */
  if (!store_post (self, post, &error))
    {
      set_error (self, error->message);
      return;
    }

  set_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, self->post);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SigapNewPostWindow *self = SIGAP_NEW_POST_WINDOW (widget);

  if (!check_title (self))
    return;

  finish (self, current_status (self));
}

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SigapNewPostWindow *self = SIGAP_NEW_POST_WINDOW (widget);

  if (!check_title (self))
    return;

  update_checks (self);
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->schedule_button)))
    return;

  finish (self, needs_approval (self) && !is_approved (self)
                ? SIGAP_POST_STATUS_REVIEW
                : SIGAP_POST_STATUS_SCHEDULED);
}

static void
cancel_post_response_cb (AdwMessageDialog   *dialog,
                         const char         *response,
                         SigapNewPostWindow *self)
{
  if (g_strcmp0 (response, "cancel-post") != 0)
    return;

  if (self->post == NULL)
    {
      /* Never saved: nothing to cancel but the text kept for recovery. */
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      clear_recovery (self);
      self->dirty = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  finish (self, SIGAP_POST_STATUS_CANCELLED);
}

static void
cancel_post_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SigapNewPostWindow *self = SIGAP_NEW_POST_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Cancel This Post?"),
                                                       _("It stays in the calendar as "
                                                         "cancelled and is not published.")));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Cancel This Post?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep"),
                                    "cancel-post", _("Cancel _Post"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-post",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_post_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
close_request_cb (SigapNewPostWindow *self)
{
  /* What is typed is kept whatever way the window closes. */
  if (self->dirty)
    autosave_now (self);

  if (self->stored && !self->dirty)
    g_signal_emit (self, signals[SAVED], 0, self->post);

  return GDK_EVENT_PROPAGATE;
}

/* }}} */

/* Checks {{{ */

static void
set_problems (PlatformUi *ui,
              GPtrArray  *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *child;

  g_clear_pointer (&ui->first_block, g_free);
  ui->blocks = FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      SigapTextProblem *problem = g_ptr_array_index (problems, i);

      g_string_append (text, problem->message);
      g_string_append_c (text, problem->blocks ? '!' : '?');
      g_string_append_c (text, '\n');
      if (problem->blocks && !ui->blocks)
        {
          ui->blocks = TRUE;
          ui->first_block = g_strdup (problem->message);
        }
    }

  /* The labels change only when the problems do, not at every key. */
  if (g_strcmp0 (text->str, ui->problems_text) == 0)
    return;

  g_free (ui->problems_text);
  ui->problems_text = g_strdup (text->str);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (ui->problems_box))) != NULL)
    gtk_box_remove (ui->problems_box, child);

  for (guint i = 0; i < problems->len; i++)
    {
      SigapTextProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *label = gtk_label_new (problem->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, problem->blocks ? "error" : "warning");
      gtk_box_append (ui->problems_box, label);
    }
}

static void
check_platform (SigapNewPostWindow *self,
                PlatformUi         *ui)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GArray) counters = g_array_new (FALSE, TRUE, sizeof (SigapTextCounter));
  g_autoptr(GPtrArray) problems = NULL;
  gboolean chosen = is_chosen (self, ui->platform);

  for (guint i = 0; i < G_N_ELEMENTS (ui->counter_labels); i++)
    gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (ui->counter_labels[i])), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (ui->problems_box), chosen);

  if (!chosen || self->rules == NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      set_problems (ui, none);
      return;
    }

  g_hash_table_insert (fields, (gpointer) platform_text_field (ui->platform),
                       dup_platform_text (self, ui->platform));
  if (ui->platform == SIGAP_PLATFORM_YOUTUBE)
    g_hash_table_insert (fields, (gpointer) "title", dup_youtube_title (self));

  problems = sigap_platform_rules_check (self->rules, ui->platform, fields, counters);
  if (self->media->len > 0)
    {
      g_autoptr(GPtrArray) media = sigap_platform_rules_check_media (self->rules, ui->platform,
                                                                     self->media);

      g_ptr_array_extend_and_steal (problems, g_steal_pointer (&media));
    }

  for (guint i = 0; i < counters->len && i < G_N_ELEMENTS (ui->counter_labels); i++)
    {
      SigapTextCounter *counter = &g_array_index (counters, SigapTextCounter, i);
      g_autofree char *label = sigap_platform_rules_dup_counter_label (self->rules, counter);
      GtkLabel *counter_label = ui->counter_labels[i];

      if (g_strcmp0 (gtk_label_get_label (counter_label), label) != 0)
        gtk_label_set_label (counter_label, label);
      if (counter->used > counter->max)
        gtk_widget_add_css_class (GTK_WIDGET (counter_label), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (counter_label), "error");
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (counter_label)), TRUE);
    }

  set_problems (ui, problems);
}

static void
update_schedule_button (SigapNewPostWindow *self)
{
  g_autoptr(GString) reason = g_string_new (NULL);
  gboolean any = FALSE;
  gboolean approval = needs_approval (self) && !is_approved (self);

  gtk_label_set_label (self->schedule_label,
                       approval ? _("Submit for _Approval") : _("Sc_hedule"));

  for (int p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      PlatformUi *ui = &self->platforms[p];

      if (!is_chosen (self, p))
        continue;

      any = TRUE;
      if (ui->blocks)
        {
          if (reason->len > 0)
            g_string_append_c (reason, '\n');
          g_string_append (reason, ui->first_block);
        }
    }

  if (!any)
    g_string_append (reason, _("Choose at least one platform to schedule the post."));

  if (reason->len > 0)
    {
      g_autofree char *text = g_strdup_printf (approval ? _("Cannot be submitted yet: %s")
                                                        : _("Cannot be scheduled yet: %s"),
                                               reason->str);

      gtk_label_set_label (self->reason_label, text);
    }
  else
    {
      gtk_label_set_label (self->reason_label, "");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->schedule_button),
                            reason->len == 0 && current_status (self) != SIGAP_POST_STATUS_PUBLISHED);
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_button),
                          current_status (self) != SIGAP_POST_STATUS_PUBLISHED);
}

static void
update_preview (SigapNewPostWindow *self)
{
  SigapPreviewCard *card = SIGAP_PREVIEW_CARD (self->preview);
  SigapPlatform platform = self->preview_platform;
  SigapAccount *account = find_account (self, platform);
  g_autofree char *text = dup_platform_text (self, platform);
  g_autofree char *title = dup_youtube_title (self);

  if (card == NULL)
    return;

  sigap_preview_card_set_platform (card, platform);
  sigap_preview_card_set_account (card, sigap_opd_get_name (self->opd),
                                  account != NULL ? sigap_account_get_handle (account) : NULL);
  sigap_preview_card_set_title (card, title);
  sigap_preview_card_set_text (card, text);

  /* The media's widgets are made again only when the media change. */
  if (self->preview_media_changed)
    {
      g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (
        (GDestroyNotify) sigap_preview_media_free);

      for (guint i = 0; i < self->media->len; i++)
        {
          SigapMediaItem *item = g_ptr_array_index (self->media, i);
          GdkTexture *thumbnail = g_ptr_array_index (self->thumbnails, i);

          if (thumbnail == NULL)
            continue;

          g_ptr_array_add (media, sigap_preview_media_new (
            GDK_PAINTABLE (thumbnail),
            sigap_media_item_get_width (item),
            sigap_media_item_get_height (item),
            sigap_media_item_get_kind (item) == SIGAP_MEDIA_KIND_VIDEO,
            sigap_media_item_get_duration (item)));
        }

      sigap_preview_card_set_media (card, media);
      self->preview_media_changed = FALSE;
    }
}

static void
update_checks (SigapNewPostWindow *self)
{
  for (int p = 0; p < SIGAP_N_PLATFORMS; p++)
    check_platform (self, &self->platforms[p]);

  update_schedule_button (self);
  update_preview (self);
}

/* }}} */

/* Publishing {{{ */

static void
update_publish_rows (SigapNewPostWindow *self)
{
  gboolean approved = is_approved (self);

  gtk_widget_set_visible (GTK_WIDGET (self->publish_group), approved);

  for (int p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      PlatformUi *ui = &self->platforms[p];
      SigapPostVariant *variant = self->post != NULL ? sigap_post_get_variant (self->post, p)
                                                     : NULL;
      const char *url = variant != NULL ? sigap_post_variant_get_published_url (variant) : NULL;
      gboolean shown = approved && variant != NULL;

      gtk_widget_set_visible (GTK_WIDGET (ui->publish_row), shown);
      gtk_widget_set_visible (GTK_WIDGET (ui->url_row), shown);
      if (!shown)
        continue;

      adw_action_row_set_subtitle (ui->publish_row,
                                   url != NULL ? url : _("Not published yet"));
      if (url != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (ui->url_row)), url) != 0)
        gtk_editable_set_text (GTK_EDITABLE (ui->url_row), url);
    }
}

static void
copy_and_open_cb (GtkButton  *button,
                  PlatformUi *ui)
{
  SigapNewPostWindow *self = ui->self;
  g_autofree char *text = dup_platform_text (self, ui->platform);
  SigapAccount *account = find_account (self, ui->platform);
  const char *uri = account != NULL && sigap_account_get_url (account) != NULL
                    ? sigap_account_get_url (account)
                    : platform_home (ui->platform);
  g_autofree char *subtitle = NULL;

  if (ui->platform == SIGAP_PLATFORM_YOUTUBE)
    {
      g_autofree char *title = dup_youtube_title (self);
      g_autofree char *both = g_strdup_printf ("%s\n\n%s", title, text);

      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), both);
    }
  else
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
    }

  subtitle = g_strdup_printf (_("Text copied. Paste it into %s, publish, then paste the "
                                "address of the post below."),
                              sigap_platform_to_label (ui->platform));
  adw_action_row_set_subtitle (ui->publish_row, subtitle);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
url_applied_cb (AdwEntryRow *row,
                PlatformUi  *ui)
{
  SigapNewPostWindow *self = ui->self;
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *text = NULL;
  g_autofree char *links = NULL;
  SigapPostVariant *variant;
  gboolean all = TRUE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0) ||
      !host_is_platform (g_uri_get_host (uri), ui->platform))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not the address of a post on %s. "
                                                    "Copy it from the browser's address bar "
                                                    "after publishing."),
                                                  url, sigap_platform_to_label (ui->platform));

      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      set_error (self, message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  set_error (self, NULL);

  post = build_post (self, current_status (self));
  variant = sigap_post_get_variant (post, ui->platform);
  g_return_if_fail (variant != NULL);

  /* The links the published text shares, which the monthly report counts. */
  text = dup_platform_text (self, ui->platform);
  links = join_links (self, text);
  sigap_post_variant_set_published_url (variant, url);
  sigap_post_variant_set_links (variant, links);

  for (guint i = 0; i < sigap_post_get_variants (post)->len; i++)
    {
      SigapPostVariant *v = g_ptr_array_index (sigap_post_get_variants (post), i);

      if (sigap_post_variant_get_published_url (v) == NULL)
        all = FALSE;
    }

  if (all)
    {
      sigap_post_set_status (post, SIGAP_POST_STATUS_PUBLISHED);
      if (sigap_post_get_published_at (post) == 0)
        sigap_post_set_published_at (post, g_get_real_time () / G_USEC_PER_SEC);
    }

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!store_post (self, post, &error))
    {
      set_error (self, error->message);
      return;
    }

  show_autosaved (self);
  update_publish_rows (self);
  update_schedule_button (self);
}

/* }}} */

/* Platforms {{{ */

static void
platform_toggled_cb (GtkCheckButton *check,
                     PlatformUi     *ui)
{
  SigapNewPostWindow *self = ui->self;
  gboolean chosen = gtk_check_button_get_active (check);

  gtk_widget_set_visible (GTK_WIDGET (ui->variant_row), chosen);
  gtk_widget_set_visible (GTK_WIDGET (ui->preview_toggle), chosen);

  if (!chosen && self->preview_platform == ui->platform)
    {
      for (int p = 0; p < SIGAP_N_PLATFORMS; p++)
        if (is_chosen (self, p))
          {
            gtk_toggle_button_set_active (self->platforms[p].preview_toggle, TRUE);
            break;
          }
    }
  else if (chosen && !is_chosen (self, self->preview_platform))
    {
      gtk_toggle_button_set_active (ui->preview_toggle, TRUE);
    }

  changed (self);
}

static void
variant_enabled_cb (AdwExpanderRow *row,
                    GParamSpec     *pspec,
                    PlatformUi     *ui)
{
  SigapNewPostWindow *self = ui->self;

  /* A variant starts from the base text. */
  if (adw_expander_row_get_enable_expansion (row) && !self->loading)
    {
      g_autofree char *own = dup_buffer_text (ui->variant_view);

      if (is_blank (own))
        {
          g_autofree char *base = dup_buffer_text (self->body_view);

          set_buffer_text (ui->variant_view, base);
        }
      adw_expander_row_set_expanded (row, TRUE);
    }

  changed (self);
}

static void
text_changed_cb (SigapNewPostWindow *self)
{
  changed (self);
}

static void
preview_toggled_cb (GtkToggleButton *toggle,
                    PlatformUi      *ui)
{
  if (!gtk_toggle_button_get_active (toggle))
    return;

  ui->self->preview_platform = ui->platform;
  update_preview (ui->self);
}

/* Spelling {{{ */

/* The words of every text of the post that the dictionary does not know,
 * said in a label a screen reader reads too. */
static void
spell_changed_cb (SigapNewPostWindow *self)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;

  for (guint i = 0; i < self->spell_buffers->len; i++)
    {
      SigapSpellBuffer *buffer = g_ptr_array_index (self->spell_buffers, i);
      g_auto(GStrv) misspelled = sigap_spell_buffer_dup_misspelled (buffer);

      for (guint j = 0; misspelled != NULL && misspelled[j] != NULL; j++)
        if (!g_ptr_array_find_with_equal_func (words, misspelled[j], g_str_equal, NULL))
          g_ptr_array_add (words, g_strdup (misspelled[j]));
    }
  g_ptr_array_add (words, NULL);

  if (words->len > 1)
    label = sigap_spell_format_misspelled ((const char * const *) words->pdata);

  gtk_label_set_label (self->spell_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->spell_label), label != NULL);
}

static void
attach_spell (SigapNewPostWindow *self,
              GtkTextView        *view)
{
  SigapSpellBuffer *buffer = sigap_spell_buffer_new (view, self->spell);

  g_signal_connect_object (buffer, "changed", G_CALLBACK (spell_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->spell_buffers, buffer);
}

static void
load_spell (SigapNewPostWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->spell_buffers = g_ptr_array_new_with_free_func (g_object_unref);
  self->spell = sigap_spell_new ("id_ID", &error);
  if (self->spell == NULL)
    {
      /* Writing goes on without spelling; the label says why. */
      gtk_label_set_label (self->spell_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->spell_label), TRUE);
    }

  attach_spell (self, self->body_view);
}

/* }}} */

static GtkTextView *
new_text_view (const char *accessible_name)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);

  return GTK_TEXT_VIEW (view);
}

static void
build_platform (SigapNewPostWindow *self,
                SigapPlatform       platform,
                GtkToggleButton    *group)
{
  PlatformUi *ui = &self->platforms[platform];
  const char *name = sigap_platform_to_label (platform);
  SigapAccount *account = find_account (self, platform);
  g_autofree char *variant_title = g_strdup_printf (_("Own Text for %s"), name);
  g_autofree char *variant_name = g_strdup_printf (_("%s text"), name);
  g_autofree char *url_title = g_strdup_printf (_("Address of the %s Post"), name);
  GtkWidget *scroller;
  GtkWidget *button;
  GtkWidget *box;

  ui->self = self;
  ui->platform = platform;

  /* The agency's accounts say where it posts; another platform is one
   * click away, named without a handle. */
  if (account != NULL && sigap_account_get_handle (account) != NULL)
    {
      g_autofree char *label = g_strdup_printf ("%s (%s)", name, sigap_account_get_handle (account));

      ui->check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (label));
    }
  else
    {
      ui->check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (name));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (ui->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_flow_box_append (self->platforms_box, GTK_WIDGET (ui->check));

  for (guint i = 0; i < G_N_ELEMENTS (ui->counter_labels); i++)
    {
      ui->counter_labels[i] = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (ui->counter_labels[i], 0);
      gtk_widget_add_css_class (GTK_WIDGET (ui->counter_labels[i]), "numeric");
      gtk_flow_box_append (self->counters_box, GTK_WIDGET (ui->counter_labels[i]));
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (ui->counter_labels[i])), FALSE);
    }

  ui->problems_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 3));
  gtk_box_append (self->problems_box, GTK_WIDGET (ui->problems_box));

  /* Its own text, or the base text. */
  ui->variant_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ui->variant_row), variant_title);
  adw_expander_row_set_show_enable_switch (ui->variant_row, TRUE);
  adw_expander_row_set_enable_expansion (ui->variant_row, FALSE);
  adw_expander_row_set_subtitle (ui->variant_row,
                                 platform == SIGAP_PLATFORM_YOUTUBE
                                 ? _("Title and description; the description is the text above "
                                     "unless you write one")
                                 : _("Uses the text above unless you write one"));
  gtk_widget_set_visible (GTK_WIDGET (ui->variant_row), FALSE);

  if (platform == SIGAP_PLATFORM_YOUTUBE)
    {
      ui->youtube_title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ui->youtube_title_row),
                                     _("YouTube Title (the post's title if empty)"));
      g_signal_connect_object (ui->youtube_title_row, "changed",
                               G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
    }

  ui->variant_view = new_text_view (variant_name);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 100);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (ui->variant_view));
  gtk_widget_add_css_class (scroller, "post-body");
  gtk_widget_set_margin_start (scroller, 6);
  gtk_widget_set_margin_end (scroller, 6);
  gtk_widget_set_margin_top (scroller, 6);
  gtk_widget_set_margin_bottom (scroller, 6);
  adw_expander_row_add_row (ui->variant_row, scroller);
  adw_preferences_group_add (self->variants_group, GTK_WIDGET (ui->variant_row));
  if (ui->youtube_title_row != NULL)
    {
      adw_preferences_group_add (self->variants_group, GTK_WIDGET (ui->youtube_title_row));
      g_object_bind_property (ui->check, "active", ui->youtube_title_row, "visible",
                              G_BINDING_SYNC_CREATE);
    }

  attach_spell (self, ui->variant_view);
  g_signal_connect_object (gtk_text_view_get_buffer (ui->variant_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (ui->variant_row, "notify::enable-expansion",
                    G_CALLBACK (variant_enabled_cb), ui);

  /* The preview's switcher. */
  ui->preview_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (name));
  if (group != NULL)
    gtk_toggle_button_set_group (ui->preview_toggle, group);
  gtk_widget_set_visible (GTK_WIDGET (ui->preview_toggle), FALSE);
  gtk_box_append (self->preview_switcher, GTK_WIDGET (ui->preview_toggle));
  g_signal_connect (ui->preview_toggle, "toggled", G_CALLBACK (preview_toggled_cb), ui);

  /* Publishing by hand. */
  ui->publish_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ui->publish_row), name);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_with_label (_("Copy & Open"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  {
    g_autofree char *tooltip = g_strdup_printf (_("Copy the %s text and open %s in the browser"),
                                                name, name);

    g_autofree char *label = g_strdup_printf (_("Copy & Open %s"), name);

    gtk_widget_set_tooltip_text (button, tooltip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  g_signal_connect (button, "clicked", G_CALLBACK (copy_and_open_cb), ui);
  gtk_box_append (GTK_BOX (box), button);
  adw_action_row_add_suffix (ui->publish_row, box);
  adw_preferences_group_add (self->publish_group, GTK_WIDGET (ui->publish_row));

  ui->url_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ui->url_row), url_title);
  adw_entry_row_set_show_apply_button (ui->url_row, TRUE);
  adw_entry_row_set_input_purpose (ui->url_row, GTK_INPUT_PURPOSE_URL);
  g_signal_connect (ui->url_row, "apply", G_CALLBACK (url_applied_cb), ui);
  adw_preferences_group_add (self->publish_group, GTK_WIDGET (ui->url_row));

  g_signal_connect (ui->check, "toggled", G_CALLBACK (platform_toggled_cb), ui);
}

static void
build_platforms (SigapNewPostWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkToggleButton *group = NULL;
  gboolean any_account = FALSE;

  self->accounts = sigap_store_list_accounts (self->store, sigap_opd_get_id (self->opd), &error);
  if (self->accounts == NULL)
    g_warning ("Cannot list the agency's accounts: %s", error->message);

  for (int p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      build_platform (self, p, group);
      if (group == NULL)
        group = self->platforms[p].preview_toggle;
      if (find_account (self, p) != NULL)
        any_account = TRUE;
    }

  /* A new post goes where the agency has accounts. */
  self->loading = TRUE;
  for (int p = 0; p < SIGAP_N_PLATFORMS; p++)
    if (!any_account || find_account (self, p) != NULL)
      gtk_check_button_set_active (self->platforms[p].check, TRUE);
  self->loading = FALSE;
}

static void
load_rules (SigapNewPostWindow *self)
{
  g_autoptr(SigapCentralDocuments) central = sigap_central_documents_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  SigapCentralDocument *document;

  self->twitter = sigap_twitter_text_new_shipped (&error);
  if (self->twitter == NULL)
    {
      g_warning ("Cannot read X's counting rules: %s", error->message);
      return;
    }

  self->templates = sigap_post_templates_new_for_documents (central);

  document = sigap_central_documents_get_platforms (central);
  if (document == NULL)
    return;

  self->rules = sigap_platform_rules_new (sigap_central_document_get_object (document),
                                          self->twitter, &error);
  if (self->rules == NULL)
    g_warning ("Cannot read the platforms' rules: %s", error->message);
}

/* }}} */

/* Media {{{ */

#define THUMBNAIL_SIZE 96

static void
texture_free (gpointer texture)
{
  if (texture != NULL)
    g_object_unref (texture);
}

static void
media_changed (SigapNewPostWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->media_empty_label), self->media->len == 0);
  self->preview_media_changed = TRUE;
  changed (self);
}

static void
remove_media_cb (GtkButton          *button,
                 SigapNewPostWindow *self)
{
  GtkWidget *tile = g_object_get_data (G_OBJECT (button), "sigap-tile");
  guint index;

  if (!g_ptr_array_find (self->tiles, tile, &index))
    return;

  gtk_flow_box_remove (self->media_box, tile);
  g_ptr_array_remove_index (self->tiles, index);
  g_ptr_array_remove_index (self->media, index);
  g_ptr_array_remove_index (self->thumbnails, index);
  media_changed (self);
}

typedef struct
{
  SigapNewPostWindow *self;
  SigapMediaItem *item;
} ThumbnailLoad;

static void
thumbnail_load_free (ThumbnailLoad *load)
{
  g_object_unref (load->self);
  sigap_media_item_unref (load->item);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThumbnailLoad, thumbnail_load_free)

static void
thumbnail_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ThumbnailLoad) load = user_data;
  SigapNewPostWindow *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = sigap_media_load_thumbnail_finish (result, &error);
  GtkWidget *picture;
  guint index;

  if (pixbuf == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail: %s", error->message);
      return;
    }

  /* Removed meanwhile, or the window is closing. */
  if (self->media == NULL || !g_ptr_array_find (self->media, load->item, &index))
    return;

  g_ptr_array_index (self->thumbnails, index) = gdk_texture_new_for_pixbuf (pixbuf);
  picture = g_object_get_data (G_OBJECT (g_ptr_array_index (self->tiles, index)),
                               "sigap-picture");
  gtk_picture_set_paintable (GTK_PICTURE (picture),
                             GDK_PAINTABLE (g_ptr_array_index (self->thumbnails, index)));
  self->preview_media_changed = TRUE;
  update_preview (self);
}

/* Adds @item's tile, its thumbnail to come. */
static void
add_media (SigapNewPostWindow *self,
           SigapMediaItem     *item)
{
  const char *name = sigap_media_item_get_display_name (item);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  ThumbnailLoad *load;

  gtk_widget_set_size_request (picture, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (picture, name);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), picture);

  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_add_css_class (remove, "osd");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), remove);
  g_object_set_data (G_OBJECT (remove), "sigap-tile", overlay);
  g_object_set_data (G_OBJECT (overlay), "sigap-picture", picture);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_media_cb), self);

  gtk_flow_box_append (self->media_box, overlay);
  g_ptr_array_add (self->tiles, overlay);
  g_ptr_array_add (self->media, sigap_media_item_ref (item));
  g_ptr_array_add (self->thumbnails, NULL);

  load = g_new0 (ThumbnailLoad, 1);
  load->self = g_object_ref (self);
  load->item = sigap_media_item_ref (item);
  sigap_media_load_thumbnail_async (item, THUMBNAIL_SIZE * 2, self->cancellable,
                                    thumbnail_loaded_cb, load);
}

static void
probed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SigapNewPostWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapMediaItem) item = sigap_media_probe_finish (result, &error);

  if (item == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
      return;
    }

  set_error (self, NULL);
  add_media (self, item);
  media_changed (self);
}

static void
attach_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    SigapNewPostWindow *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            sigap_media_probe_async (path, self->cancellable, probed_cb, g_object_ref (self));
        }
    }

  g_object_unref (chooser);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SigapNewPostWindow *self = SIGAP_NEW_POST_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Attach Photos or Videos"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"),
                                         _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Photos and videos"));
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_filter_add_mime_type (filter, "video/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (attach_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The post's media as stored: their tiles, their thumbnails to come. */
static void
load_media (SigapNewPostWindow *self,
            const char         *json)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (json == NULL || json[0] == '\0')
    return;

  items = sigap_media_list_from_json (json, &error);
  if (items == NULL)
    {
      g_warning ("The post's media cannot be read: %s", error->message);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    add_media (self, g_ptr_array_index (items, i));

  gtk_widget_set_visible (GTK_WIDGET (self->media_empty_label), self->media->len == 0);
  self->preview_media_changed = TRUE;
}

/* }}} */

/* Hashtag sets and templates {{{ */

static void
insert_hashtags_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SigapNewPostWindow *self = SIGAP_NEW_POST_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *body = dup_buffer_text (self->body_view);
  GPtrArray *sets;
  GtkTextIter end;

  if (self->templates == NULL)
    return;

  sets = sigap_post_templates_get_hashtag_sets (self->templates);
  for (guint i = 0; i < sets->len; i++)
    {
      SigapHashtagSet *set = g_ptr_array_index (sets, i);

      if (!g_str_equal (set->id, id))
        continue;

      /* After the text, on a line of their own; those already there are
       * not repeated. */
      for (guint j = 0; set->hashtags[j] != NULL; j++)
        {
          if (strstr (body, set->hashtags[j]) != NULL)
            continue;
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, set->hashtags[j]);
        }
    }

  if (text->len == 0)
    return;

  if (!is_blank (body))
    g_string_prepend (text, g_str_has_suffix (body, "\n") ? "\n" : "\n\n");

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text->str, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
use_template_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SigapNewPostWindow *self = SIGAP_NEW_POST_WINDOW (widget);
  const SigapPostTemplate *template;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;

  if (self->templates == NULL)
    return;

  template = sigap_post_templates_lookup (self->templates,
                                          g_variant_get_string (parameter, NULL));
  if (template == NULL)
    return;

  when = dup_selected_date (self);
  text = sigap_post_template_fill (template->body, sigap_opd_get_name (self->opd), when);

  /* One step back with Ctrl+Z gives the text as it was. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_user_action (buffer);

  adw_combo_row_set_selected (self->category_row, template->category);
  if (is_blank (gtk_editable_get_text (GTK_EDITABLE (self->title_row))))
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), template->name);

  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
build_template_menus (SigapNewPostWindow *self)
{
  g_autoptr(GMenu) hashtags = g_menu_new ();
  g_autoptr(GMenu) templates = g_menu_new ();
  g_autoptr(GMenu) greetings = g_menu_new ();
  g_autoptr(GMenu) announcements = g_menu_new ();
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now (self->zone);

  gtk_widget_set_sensitive (GTK_WIDGET (self->hashtag_button), self->templates != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_button), self->templates != NULL);
  if (self->templates == NULL)
    return;

  sets = sigap_post_templates_for_opd (self->templates, sigap_opd_get_code (self->opd));
  for (guint i = 0; i < sets->len; i++)
    {
      SigapHashtagSet *set = g_ptr_array_index (sets, i);
      g_autofree char *tags = g_strjoinv (" ", set->hashtags);
      g_autofree char *label = g_strdup_printf ("%s: %s", set->name, tags);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "new-post.insert-hashtags", "s", set->id);
      g_menu_append_item (hashtags, item);
    }

  /* The national days nearest ahead first. */
  sorted = sigap_post_templates_sort_for_date (self->templates, today);
  for (guint i = 0; i < sorted->len; i++)
    {
      SigapPostTemplate *template = g_ptr_array_index (sorted, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (template->name, NULL);

      g_menu_item_set_action_and_target (item, "new-post.use-template", "s", template->id);
      g_menu_append_item (template->kind == SIGAP_POST_TEMPLATE_KIND_GREETING
                          ? greetings : announcements, item);
    }

  g_menu_append_section (templates, _("National Days"), G_MENU_MODEL (greetings));
  g_menu_append_section (templates, _("Service Announcements"), G_MENU_MODEL (announcements));

  gtk_menu_button_set_menu_model (self->hashtag_button, G_MENU_MODEL (hashtags));
  gtk_menu_button_set_menu_model (self->template_button, G_MENU_MODEL (templates));
}

/* }}} */

static void
day_selected_cb (SigapNewPostWindow *self,
                 GtkCalendar        *calendar)
{
  update_date_label (self);
  gtk_menu_button_popdown (self->date_button);
  changed (self);
}

static void
time_changed_cb (SigapNewPostWindow *self)
{
  update_date_label (self);
  changed (self);
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

  changed (self);
}

static void
emoji_picked_cb (SigapNewPostWindow *self,
                 const char         *emoji)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_at_cursor (buffer, emoji, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
sigap_new_post_window_dispose (GObject *object)
{
  SigapNewPostWindow *self = (SigapNewPostWindow *)object;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_NEW_POST_WINDOW);
  self->preview = NULL;
  g_clear_pointer (&self->tiles, g_ptr_array_unref);
  g_clear_pointer (&self->thumbnails, g_ptr_array_unref);
  g_clear_pointer (&self->media, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  g_clear_object (&self->store);
  g_clear_object (&self->opd);
  g_clear_object (&self->user);
  g_clear_object (&self->post);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->spell_buffers, g_ptr_array_unref);
  g_clear_object (&self->spell);

  G_OBJECT_CLASS (sigap_new_post_window_parent_class)->dispose (object);
}

static void
sigap_new_post_window_finalize (GObject *object)
{
  SigapNewPostWindow *self = (SigapNewPostWindow *)object;

  for (int p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      g_free (self->platforms[p].problems_text);
      g_free (self->platforms[p].first_block);
    }

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->rules, sigap_platform_rules_unref);
  g_clear_pointer (&self->twitter, sigap_twitter_text_unref);
  g_clear_pointer (&self->templates, sigap_post_templates_unref);

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
   * Emitted when the post was saved and the window closes.
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
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, note_label);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, category_row);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, calendar);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, zone_label);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, platforms_box);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, hashtag_button);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, template_button);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, body_view);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, spell_label);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, counters_box);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, problems_box);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, variants_group);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, media_group);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, media_box);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, media_empty_label);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, publish_group);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, preview_switcher);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, SigapNewPostWindow, autosave_label);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, emoji_picked_cb);

  gtk_widget_class_install_action (widget_class, "new-post.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "new-post.schedule", NULL, schedule_action);
  gtk_widget_class_install_action (widget_class, "new-post.cancel-post", NULL,
                                   cancel_post_action);
  gtk_widget_class_install_action (widget_class, "new-post.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "new-post.insert-hashtags", "s",
                                   insert_hashtags_action);
  gtk_widget_class_install_action (widget_class, "new-post.use-template", "s",
                                   use_template_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "new-post.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "new-post.schedule", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "new-post.attach", NULL);
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

  self->media = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_media_item_unref);
  self->thumbnails = g_ptr_array_new_with_free_func (texture_free);
  self->tiles = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_row, "notify::selected",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hour_spin, "value-changed",
                           G_CALLBACK (time_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->minute_spin, "value-changed",
                           G_CALLBACK (time_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

/* Shows @post's fields; the window saves into it from then on. */
static void
load_post (SigapNewPostWindow *self,
           SigapPost          *post)
{
  g_autoptr(GDateTime) utc = NULL;
  const char *note = sigap_post_get_review_note (post);

  self->loading = TRUE;

  g_set_object (&self->post, post);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), sigap_post_get_title (post));
  set_buffer_text (self->body_view, sigap_post_get_body (post));
  adw_combo_row_set_selected (self->category_row, sigap_post_get_category (post));

  for (int p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      PlatformUi *ui = &self->platforms[p];
      SigapPostVariant *variant = sigap_post_get_variant (post, p);
      const char *body = variant != NULL ? sigap_post_variant_get_body (variant) : NULL;
      gboolean own = body != NULL && body[0] != '\0' &&
                     g_strcmp0 (body, sigap_post_get_body (post)) != 0;

      gtk_check_button_set_active (ui->check, variant != NULL);
      set_buffer_text (ui->variant_view, own ? body : NULL);
      adw_expander_row_set_enable_expansion (ui->variant_row, own);
      if (ui->youtube_title_row != NULL)
        gtk_editable_set_text (GTK_EDITABLE (ui->youtube_title_row),
                               variant != NULL && sigap_post_variant_get_title (variant) != NULL
                               ? sigap_post_variant_get_title (variant) : "");
      gtk_widget_set_visible (GTK_WIDGET (ui->variant_row), variant != NULL);
      gtk_widget_set_visible (GTK_WIDGET (ui->preview_toggle), variant != NULL);
    }

  load_media (self, sigap_post_get_media (post));

  utc = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));
  select_time (self, utc);

  /* What the verifikator asked, while the post waits to be fixed. */
  if (note != NULL && sigap_post_get_status (post) == SIGAP_POST_STATUS_DRAFT)
    {
      g_autofree char *text = g_strdup_printf (_("Returned by the verifikator: %s"), note);

      gtk_label_set_label (self->note_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
    }

  self->loading = FALSE;
  self->dirty = FALSE;

  for (int p = 0; p < SIGAP_N_PLATFORMS; p++)
    if (is_chosen (self, p))
      {
        gtk_toggle_button_set_active (self->platforms[p].preview_toggle, TRUE);
        break;
      }

  update_publish_rows (self);
  update_checks (self);
}

/* The text of a new post closed before it had a title. */
static void
recover_text (SigapNewPostWindow *self)
{
  g_autofree char *text = sigap_store_get_meta (self->store, RECOVERY_KEY);

  if (text == NULL || text[0] == '\0')
    return;

  self->loading = TRUE;
  set_buffer_text (self->body_view, text);
  self->loading = FALSE;
  self->dirty = TRUE;

  gtk_label_set_label (self->note_label,
                       _("The text of a post you did not finish was recovered. Give it a title "
                         "to keep it as a draft."));
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
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

  load_rules (self);
  if (self->twitter != NULL)
    {
      self->preview = sigap_preview_card_new (self->twitter);
      gtk_scrolled_window_set_child (self->preview_scroller, self->preview);
    }
  load_spell (self);
  build_platforms (self);
  build_template_menus (self);

  now = g_date_time_new_now (self->zone);
  when = sigap_next_full_hour (now);
  self->loading = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (when));
  gtk_spin_button_set_value (self->minute_spin, 0);
  self->loading = FALSE;
  update_date_label (self);

  for (int p = 0; p < SIGAP_N_PLATFORMS; p++)
    if (is_chosen (self, p))
      {
        gtk_toggle_button_set_active (self->platforms[p].preview_toggle, TRUE);
        break;
      }

  update_publish_rows (self);
  update_checks (self);

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
  g_autoptr(SigapPost) copy = NULL;

  g_return_val_if_fail (SIGAP_IS_POST (post), NULL);

  self = sigap_new_post_window_new (parent, store, opd, user);
  if (self == NULL)
    return NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Post"));
  gtk_label_set_label (self->save_label, _("_Save"));

  copy = sigap_post_copy (post);
  load_post (self, copy);

  /* A post is opened to change its text. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->body_view));

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

  g_return_val_if_fail (when != NULL, NULL);

  self = sigap_new_post_window_new (parent, store, opd, user);
  if (self == NULL)
    return NULL;

  select_time (self, when);

  return self;
}

/**
 * sigap_new_post_window_recover:
 * @self: a #SigapNewPostWindow for a new post
 *
 * Fills the text with what was typed in a new post that was closed, or
 * ended, before it had a title, if anything.
 */
void
sigap_new_post_window_recover (SigapNewPostWindow *self)
{
  g_return_if_fail (SIGAP_IS_NEW_POST_WINDOW (self));
  g_return_if_fail (self->post == NULL);

  recover_text (self);
  update_checks (self);
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
