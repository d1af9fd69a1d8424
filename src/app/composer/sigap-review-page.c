/* sigap-review-page.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-media.h"
#include "sigap-platform-rules.h"
#include "sigap-preview-card.h"
#include "sigap-returned-posts.h"
#include "sigap-review-page.h"

/* The verifikator's queue: every OPD's posts waiting for approval (the
 * verifikator's desktop holds every OPD after a sync), the most pressing
 * first. The selected post shows with the previews the composer draws;
 * the verifikator approves it, so that it is published as scheduled, or
 * returns it to the agency as a draft with a note on what to correct.
 * Either goes to the server with the next sync, which lets only a
 * verifikator do it.
 */

/* The longest side of a photo drawn in a preview, in pixels. */
#define PREVIEW_IMAGE_SIZE 1080

struct _SigapReviewPage
{
  AdwBin parent_instance;

  SigapStore *store;
  SigapUser *user;

  /* The posts waiting, in the list's order, and every OPD by ID. */
  GPtrArray *posts;
  GHashTable *opds;

  /* The post shown, %NULL when none is. */
  SigapPost *post;

  /* X's text rules for the previews, read once; tt_failed when they
   * cannot be read, and the previews do without. */
  SigapTwitterText *tt;
  gboolean tt_failed;

  /* Loads the shown post's photos for its previews. */
  GCancellable *media_cancellable;

  /* The open "Return the post?" dialog, weak. */
  AdwMessageDialog *return_dialog;

  /* Template widgets */
  GtkStack *stack;
  AdwStatusPage *error_page;
  AdwLeaflet *leaflet;
  GtkListBox *list_box;
  GtkWidget *detail;
  GtkLabel *title_label;
  GtkLabel *opd_label;
  GtkLabel *schedule_label;
  GtkLabel *platforms_label;
  GtkLabel *note_label;
  GtkLabel *body_label;
  GtkFlowBox *previews_box;
};

G_DEFINE_FINAL_TYPE (SigapReviewPage, sigap_review_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_POSTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static gboolean
text_is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static char *
dup_post_title (SigapPost *post)
{
  const char *title = sigap_post_get_title (post);
  const char *body = sigap_post_get_body (post);

  if (text_is_set (title))
    return g_strdup (title);

  if (text_is_set (body))
    return sigap_format_excerpt (body, 8);

  return g_strdup (_("Untitled post"));
}

static SigapOpd *
lookup_opd (SigapReviewPage *self,
            SigapPost       *post)
{
  const char *opd_id = sigap_post_get_opd_id (post);

  if (self->opds == NULL || opd_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->opds, opd_id);
}

static const char *
opd_name (SigapReviewPage *self,
          SigapPost       *post)
{
  SigapOpd *opd = lookup_opd (self, post);

  if (opd != NULL)
    return sigap_opd_get_name (opd);

  /* An agency the desktop does not know (yet): its ID says at least
   * which one. */
  return sigap_post_get_opd_id (post) != NULL ? sigap_post_get_opd_id (post) : "";
}

/* "17 Jul 2025 09:00 WIB" in the list, "Thursday, 17 July 2025, 09:00
 * WIB" in the detail, in the agency's zone. */
static char *
dup_schedule_text (SigapReviewPage *self,
                   SigapPost       *post,
                   gboolean         long_form)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  gint64 at = sigap_post_get_scheduled_at (post);

  if (at <= 0)
    return g_strdup (_("No time set"));

  zone = sigap_opd_dup_zone (lookup_opd (self, post));
  utc = g_date_time_new_from_unix_utc (at);
  if (utc == NULL)
    return g_strdup (_("No time set"));
  local = g_date_time_to_timezone (utc, zone);

  date = long_form ? sigap_format_day (local) : sigap_format_date (local);
  time = sigap_format_time (local);

  if (long_form)
    /* Translators: when a post waiting for approval is to be published:
     * its day, its time and the agency's time zone, as in
     * "Kamis, 17 Juli 2025, 09.00 WIB" */
    return g_strdup_printf (_("Scheduled for %s, %s %s"), date, time,
                            g_date_time_get_timezone_abbreviation (local));

  return g_strdup_printf ("%s %s %s", date, time, g_date_time_get_timezone_abbreviation (local));
}

static char *
dup_note (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static gboolean
is_listed (SigapReviewPage *self,
           const char      *post_id)
{
  for (guint i = 0; self->posts != NULL && i < self->posts->len; i++)
    if (g_strcmp0 (sigap_post_get_id (g_ptr_array_index (self->posts, i)), post_id) == 0)
      return TRUE;

  return FALSE;
}

static void
emit_message (SigapReviewPage *self,
              const char      *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text);
}

static void
update_actions (SigapReviewPage *self)
{
  gboolean can_review = self->post != NULL && sigap_review_page_get_available (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.approve", can_review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.return", can_review);
}

/* }}} */

/* The list {{{ */

static GtkWidget *
new_row_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
create_row (SigapReviewPage *self,
            SigapPost       *post)
{
  g_autofree char *title = dup_post_title (post);
  g_autofree char *when = dup_schedule_text (self, post, FALSE);
  g_autofree char *platforms = sigap_post_dup_platforms_text (post);
  g_autofree char *details = NULL;
  g_autofree char *label = NULL;
  const char *opd = opd_name (self, post);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *details_label;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_box_append (GTK_BOX (box), new_row_label (title, "heading"));
  gtk_box_append (GTK_BOX (box), new_row_label (opd, NULL));

  for (SigapPlatform platform = 0; platform < SIGAP_N_PLATFORMS; platform++)
    if (sigap_post_get_variant (post, platform) != NULL)
      gtk_box_append (GTK_BOX (icons),
                      gtk_image_new_from_icon_name (sigap_platform_to_icon_name (platform)));
  gtk_widget_set_visible (icons, gtk_widget_get_first_child (icons) != NULL);
  gtk_box_append (GTK_BOX (line), icons);

  details = g_strdup_printf ("%s · %s", when, platforms);
  details_label = new_row_label (details, "caption");
  gtk_widget_add_css_class (details_label, "dim-label");
  gtk_widget_set_hexpand (details_label, TRUE);
  gtk_box_append (GTK_BOX (line), details_label);
  gtk_box_append (GTK_BOX (box), line);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "sigap-post", g_object_ref (post), g_object_unref);

  /* One sentence for a screen reader: what, whose, when, where. */
  label = g_strdup_printf ("%s, %s, %s, %s", title, opd, when, platforms);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return row;
}

/* }}} */

/* Previews {{{ */

typedef struct
{
  char *path;
  int   width;
  int   height;
} MediaLoad;

static void
media_load_free (MediaLoad *load)
{
  g_free (load->path);
  g_free (load);
}

/* The post's images and videos as the previews draw them, without their
 * pictures yet: the photos are read in a thread, then drawn. */
static GPtrArray *
dup_preview_media (SigapPost  *post,
                   GPtrArray **loads)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *media = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_preview_media_free);

  *loads = g_ptr_array_new_with_free_func ((GDestroyNotify) media_load_free);

  if (!text_is_set (sigap_post_get_media (post)))
    return media;

  items = sigap_media_list_from_json (sigap_post_get_media (post), &error);
  if (items == NULL)
    {
      g_message ("Cannot read the media of a post waiting for approval: %s", error->message);
      return media;
    }

  for (guint i = 0; i < items->len; i++)
    {
      SigapMediaItem *item = g_ptr_array_index (items, i);
      gboolean is_video = sigap_media_item_get_kind (item) == SIGAP_MEDIA_KIND_VIDEO;
      MediaLoad *load = g_new0 (MediaLoad, 1);

      g_ptr_array_add (media, sigap_preview_media_new (NULL,
                                                       sigap_media_item_get_width (item),
                                                       sigap_media_item_get_height (item),
                                                       is_video,
                                                       sigap_media_item_get_duration (item)));

      /* A video's frame needs decoding: its preview shows the screen
       * without it. */
      if (!is_video && sigap_media_item_get_path (item) != NULL)
        load->path = g_strdup (sigap_media_item_get_path (item));
      load->width = sigap_media_item_get_width (item);
      load->height = sigap_media_item_get_height (item);
      g_ptr_array_add (*loads, load);
    }

  return media;
}

static void
load_media_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GPtrArray *loads = task_data;
  g_autoptr(GPtrArray) media = NULL;

  media = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_preview_media_free);

  for (guint i = 0; i < loads->len; i++)
    {
      MediaLoad *load = g_ptr_array_index (loads, i);
      g_autoptr(GdkPixbuf) read = NULL;
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      int file_width = 0;
      int file_height = 0;
      int width = load->width;
      int height = load->height;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      /* A photo that is not on this computer (yet) stays a blank frame;
       * a large one is read small, as a phone took it. */
      if (load->path != NULL && gdk_pixbuf_get_file_info (load->path, &file_width,
                                                          &file_height) != NULL)
        {
          if (MAX (file_width, file_height) > PREVIEW_IMAGE_SIZE)
            read = gdk_pixbuf_new_from_file_at_scale (load->path, PREVIEW_IMAGE_SIZE,
                                                      PREVIEW_IMAGE_SIZE, TRUE, NULL);
          else
            read = gdk_pixbuf_new_from_file (load->path, NULL);
        }
      if (read != NULL)
        pixbuf = gdk_pixbuf_apply_embedded_orientation (read);
      if (pixbuf != NULL)
        {
          int read_width = gdk_pixbuf_get_width (pixbuf);
          int read_height = gdk_pixbuf_get_height (pixbuf);

          texture = gdk_texture_new_for_pixbuf (pixbuf);
          /* Sizes unknown, or known before the photo was turned upright. */
          if (width <= 0 || height <= 0 ||
              (width != height && (width > height) != (read_width > read_height)))
            {
              width = read_width;
              height = read_height;
            }
        }

      g_ptr_array_add (media, sigap_preview_media_new (GDK_PAINTABLE (texture), width, height,
                                                       FALSE, 0));
    }

  g_task_return_pointer (task, g_steal_pointer (&media), (GDestroyNotify) g_ptr_array_unref);
}

static void
media_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SigapReviewPage *self = SIGAP_REVIEW_PAGE (object);
  g_autoptr(GPtrArray) media = user_data;
  g_autoptr(GPtrArray) loaded = NULL;
  GtkWidget *child;

  /* Cancelled when another post is shown, or the page goes. */
  loaded = g_task_propagate_pointer (G_TASK (result), NULL);
  if (loaded == NULL || self->previews_box == NULL)
    return;

  /* The pictures join what was known of each item: a video keeps its
   * place and its length. */
  for (guint i = 0; i < loaded->len && i < media->len; i++)
    {
      SigapPreviewMedia *known = g_ptr_array_index (media, i);
      SigapPreviewMedia *picture = g_ptr_array_index (loaded, i);

      if (picture->paintable == NULL)
        continue;
      g_set_object (&known->paintable, picture->paintable);
      known->width = picture->width;
      known->height = picture->height;
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->previews_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (SIGAP_IS_PREVIEW_CARD (card))
        sigap_preview_card_set_media (SIGAP_PREVIEW_CARD (card), media);
    }
}

/* Reads the photos of @loads in a thread, then puts them in @media and
 * draws them in the previews. */
static void
load_media_async (SigapReviewPage *self,
                  GPtrArray       *loads,
                  GPtrArray       *media)
{
  g_autoptr(GTask) task = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < loads->len; i++)
    any |= ((MediaLoad *) g_ptr_array_index (loads, i))->path != NULL;
  if (!any)
    return;

  task = g_task_new (self, self->media_cancellable, media_loaded_cb, g_ptr_array_ref (media));
  g_task_set_source_tag (task, load_media_async);
  g_task_set_task_data (task, g_ptr_array_ref (loads), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, load_media_thread);
}

/* The account that publishes on @platform: the agency's own there, or
 * the agency's name when Sigap knows no account. */
static void
find_account (SigapReviewPage  *self,
              SigapPost        *post,
              GPtrArray        *accounts,
              SigapPlatform     platform,
              const char      **display_name,
              const char      **handle)
{
  *display_name = opd_name (self, post);
  *handle = NULL;

  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      SigapAccount *account = g_ptr_array_index (accounts, i);

      if (sigap_account_get_platform (account) != platform)
        continue;

      if (text_is_set (sigap_account_get_display_name (account)))
        *display_name = sigap_account_get_display_name (account);
      *handle = sigap_account_get_handle (account);
      return;
    }
}

static void
clear_previews (SigapReviewPage *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->media_cancellable);
  g_clear_object (&self->media_cancellable);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->previews_box))))
    gtk_flow_box_remove (self->previews_box, child);
}

/* One preview per platform the post goes to, as the composer shows
 * them. */
static void
fill_previews (SigapReviewPage *self,
               SigapPost       *post)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) media = NULL;
  g_autoptr(GPtrArray) loads = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *variants = sigap_post_get_variants (post);

  clear_previews (self);

  if (self->tt == NULL && !self->tt_failed)
    {
      self->tt = sigap_twitter_text_new_shipped (&error);
      if (self->tt == NULL)
        {
          g_message ("The previews find no links without X's text rules: %s", error->message);
          self->tt_failed = TRUE;
          g_clear_error (&error);
        }
    }

  if (sigap_post_get_opd_id (post) != NULL)
    accounts = sigap_store_list_accounts (self->store, sigap_post_get_opd_id (post), NULL);
  media = dup_preview_media (post, &loads);

  for (guint i = 0; variants != NULL && i < variants->len; i++)
    {
      SigapPostVariant *variant = g_ptr_array_index (variants, i);
      SigapPlatform platform = sigap_post_variant_get_platform (variant);
      GtkWidget *card = sigap_preview_card_new (self->tt);
      const char *display_name;
      const char *handle;

      find_account (self, post, accounts, platform, &display_name, &handle);
      sigap_preview_card_set_platform (SIGAP_PREVIEW_CARD (card), platform);
      sigap_preview_card_set_account (SIGAP_PREVIEW_CARD (card), display_name, handle);
      sigap_preview_card_set_text (SIGAP_PREVIEW_CARD (card),
                                   sigap_review_get_platform_text (post, platform));
      if (platform == SIGAP_PLATFORM_YOUTUBE)
        sigap_preview_card_set_title (SIGAP_PREVIEW_CARD (card),
                                      sigap_review_get_platform_title (post, platform));
      sigap_preview_card_set_media (SIGAP_PREVIEW_CARD (card), media);
      gtk_widget_set_valign (card, GTK_ALIGN_START);
      gtk_flow_box_append (self->previews_box, card);
    }

  self->media_cancellable = g_cancellable_new ();
  load_media_async (self, loads, media);
}

/* }}} */

/* The detail {{{ */

static void
show_post (SigapReviewPage *self,
           SigapPost       *post)
{
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *platforms = NULL;
  const char *body;
  const char *note;

  g_set_object (&self->post, post);
  update_actions (self);

  if (post == NULL)
    {
      clear_previews (self);
      gtk_widget_set_visible (self->detail, FALSE);
      return;
    }

  title = dup_post_title (post);
  when = dup_schedule_text (self, post, TRUE);
  platforms = sigap_post_dup_platforms_text (post);
  body = sigap_post_get_body (post);
  note = sigap_post_get_review_note (post);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->opd_label, opd_name (self, post));
  gtk_label_set_label (self->schedule_label, when);
  gtk_label_set_label (self->platforms_label, platforms);
  gtk_label_set_label (self->body_label, text_is_set (body) ? body : _("No text"));

  if (!sigap_review_note_is_blank (note))
    {
      /* Translators: above a post submitted again after it was returned,
       * with the note it was returned with */
      g_autofree char *text = g_strdup_printf (_("Returned before with the note: %s"), note);

      gtk_label_set_label (self->note_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), !sigap_review_note_is_blank (note));

  fill_previews (self, post);
  gtk_widget_set_visible (self->detail, TRUE);
}

static void
row_selected_cb (GtkListBox      *list_box,
                 GtkListBoxRow   *row,
                 SigapReviewPage *self)
{
  show_post (self, row != NULL ? g_object_get_data (G_OBJECT (row), "sigap-post") : NULL);
}

/* On a narrow window the list and the post take turns. */
static void
row_activated_cb (GtkListBox      *list_box,
                  GtkListBoxRow   *row,
                  SigapReviewPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

static void
back_clicked_cb (GtkButton       *button,
                 SigapReviewPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* }}} */

/* Approving and returning {{{ */

/* Writes the post @post_id in @status, with @note if not %NULL, as the
 * store holds it now: a sync may have brought a newer version while the
 * verifikator read it. Says what happened and reads the list again. */
static gboolean
review_post (SigapReviewPage *self,
             const char      *post_id,
             SigapPostStatus  status,
             const char      *note)
{
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(GError) error = NULL;
  gboolean approve = status == SIGAP_POST_STATUS_SCHEDULED;

  g_assert (self->store != NULL);

  post = sigap_store_get_post (self->store, post_id, &error);
  if (post != NULL && sigap_post_get_status (post) != SIGAP_POST_STATUS_REVIEW)
    {
      emit_message (self, _("This post is no longer waiting for approval; the list shows what "
                            "still is."));
      sigap_review_page_reload (self);
      return FALSE;
    }

  if (post != NULL)
    {
      sigap_post_set_status (post, status);
      if (note != NULL)
        sigap_post_set_review_note (post, note);
    }

  if (post == NULL || !sigap_store_update_post (self->store, post, &error))
    {
      g_autofree char *text = NULL;

      if (approve)
        /* Translators: %s says what went wrong */
        text = g_strdup_printf (_("The post could not be approved: %s"), error->message);
      else
        /* Translators: %s says what went wrong */
        text = g_strdup_printf (_("The post could not be returned: %s"), error->message);
      emit_message (self, text);
      sigap_review_page_reload (self);
      return FALSE;
    }

  /* Whoever returned it knows: should the post be of this desktop's own
   * agency, its reminders do not tell about the return. */
  if (!approve && !sigap_returned_posts_mark_notified (self->store, post, &error))
    g_message ("Cannot remember a returned post: %s", error->message);

  sigap_review_page_reload (self);
  emit_message (self, approve ? _("Post approved")
                              : _("Post returned to the agency"));

  /* The agency learns it at its next sync: send it now if signed in. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.sync-now", NULL);

  return TRUE;
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SigapReviewPage *self = SIGAP_REVIEW_PAGE (widget);
  g_autofree char *post_id = NULL;

  if (self->post == NULL || !sigap_review_page_get_available (self))
    return;

  post_id = g_strdup (sigap_post_get_id (self->post));
  review_post (self, post_id, SIGAP_POST_STATUS_SCHEDULED, NULL);
}

static void
set_hint (AdwMessageDialog *dialog,
          gboolean          refused)
{
  GtkWidget *hint = g_object_get_data (G_OBJECT (dialog), "sigap-hint");
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "sigap-note");
  g_autofree char *note = dup_note (view);
  gboolean blank = sigap_review_note_is_blank (note);

  if (refused)
    {
      gtk_label_set_label (GTK_LABEL (hint),
                           _("A post is returned only with a note. Write what the agency "
                             "should correct."));
      gtk_widget_add_css_class (hint, "error");
      gtk_widget_remove_css_class (hint, "dim-label");
    }
  else if (blank)
    {
      gtk_label_set_label (GTK_LABEL (hint), _("Write what the agency should correct."));
      gtk_widget_remove_css_class (hint, "error");
      gtk_widget_add_css_class (hint, "dim-label");
    }
  gtk_widget_set_visible (hint, blank || refused);
  adw_message_dialog_set_response_enabled (dialog, "return", !blank);
}

static void
note_changed_cb (GtkTextBuffer    *buffer,
                 AdwMessageDialog *dialog)
{
  set_hint (dialog, FALSE);
}

static void
destroy_later_cb (gpointer data)
{
  g_autoptr(GtkWindow) window = data;

  gtk_window_destroy (window);
}

/* Done with the dialog. Escape answers it from within its close request:
 * it is destroyed once that is over. */
static void
forget_return_dialog (SigapReviewPage  *self,
                      AdwMessageDialog *dialog,
                      gboolean          later)
{
  if (self->return_dialog == dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->return_dialog);
      self->return_dialog = NULL;
    }
  g_signal_handlers_disconnect_by_data (dialog, self);

  if (later)
    g_idle_add_once (destroy_later_cb, g_object_ref (dialog));
  else
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
return_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SigapReviewPage  *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "sigap-note");
  g_autofree char *post_id = g_strdup (g_object_get_data (G_OBJECT (dialog), "sigap-post-id"));
  g_autofree char *note = NULL;

  if (!g_str_equal (response, "return"))
    {
      forget_return_dialog (self, dialog, TRUE);
      return;
    }

  note = dup_note (view);
  if (sigap_review_note_is_blank (note) || self->store == NULL)
    {
      /* The note stays to be written: the dialog, hidden by a button,
       * comes back saying why. */
      set_hint (dialog, TRUE);
      gtk_window_present (GTK_WINDOW (dialog));
      gtk_widget_grab_focus (GTK_WIDGET (view));
      return;
    }

  if (review_post (self, post_id, SIGAP_POST_STATUS_DRAFT, note))
    {
      forget_return_dialog (self, dialog, FALSE);
      return;
    }

  /* Not written: what the verifikator typed is not lost, unless the
   * post no longer waits (a sync brought it approved or returned). */
  if (is_listed (self, post_id))
    gtk_window_present (GTK_WINDOW (dialog));
  else
    forget_return_dialog (self, dialog, FALSE);
}

/* Ctrl+Enter in the note returns the post, as the button does. */
static gboolean
note_activate_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_root (widget));

  adw_message_dialog_response (dialog, "return");
  return TRUE;
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SigapReviewPage *self = SIGAP_REVIEW_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GtkShortcut) shortcut = NULL;
  GtkEventController *shortcuts;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkWidget *view;
  GtkWidget *scroller;
  GtkWidget *hint;

  if (self->post == NULL || !sigap_review_page_get_available (self))
    return;

  if (self->return_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->return_dialog));
      return;
    }

  title = dup_post_title (self->post);
  /* Translators: the body of the dialog that returns a post: its title,
   * then its agency */
  body = g_strdup_printf (_("“%s” goes back to %s as a draft, with your note. The agency can "
                            "correct it and submit it again."),
                          title, opd_name (self, self->post));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       _("Return the Post?"), body));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Return the Post?"));
  /* Hidden, not destroyed, by its buttons: a refused note keeps it. */
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "return", _("_Return"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "return", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note for the agency"),
                                  -1);
  shortcuts = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (
                                 gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                 gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                               gtk_callback_action_new (note_activate_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        g_steal_pointer (&shortcut));
  gtk_widget_add_controller (view, shortcuts);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 100);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (box), scroller);

  hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), hint);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, hint, NULL,
                                  -1);

  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "sigap-note", view);
  g_object_set_data (G_OBJECT (dialog), "sigap-hint", hint);
  g_object_set_data_full (G_OBJECT (dialog), "sigap-post-id",
                          g_strdup (sigap_post_get_id (self->post)), g_free);
  set_hint (dialog, FALSE);

  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (note_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (return_response_cb), self, 0);

  self->return_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->return_dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* }}} */

static void
sigap_review_page_dispose (GObject *object)
{
  SigapReviewPage *self = (SigapReviewPage *)object;

  if (self->return_dialog != NULL)
    forget_return_dialog (self, self->return_dialog, FALSE);

  if (self->media_cancellable != NULL)
    g_cancellable_cancel (self->media_cancellable);
  g_clear_object (&self->media_cancellable);

  /* The list's rows go with it: nothing is shown any more. */
  if (self->list_box != NULL)
    g_signal_handlers_disconnect_by_data (self->list_box, self);

  /* The stack is both AdwBin's child and a template child: unparent it
   * once, here, before either would. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_REVIEW_PAGE);

  g_clear_object (&self->post);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_pointer (&self->posts, g_ptr_array_unref);
  g_clear_pointer (&self->opds, g_hash_table_unref);
  g_clear_pointer (&self->tt, sigap_twitter_text_unref);

  G_OBJECT_CLASS (sigap_review_page_parent_class)->dispose (object);
}

static void
sigap_review_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SigapReviewPage *self = SIGAP_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_POSTS:
      g_value_set_uint (value, sigap_review_page_get_n_posts (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_review_page_class_init (SigapReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_review_page_dispose;
  object_class->get_property = sigap_review_page_get_property;

  /**
   * SigapReviewPage:n-posts:
   *
   * How many posts wait for approval, for the view switcher's badge.
   */
  properties[PROP_N_POSTS] =
    g_param_spec_uint ("n-posts", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SigapReviewPage::message:
   * @self: the page
   * @text: a sentence for the user, for a toast
   *
   * Emitted when a post was approved or returned, or could not be.
   */
  signals[MESSAGE] =
    g_signal_new ("message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SigapReviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SigapReviewPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SigapReviewPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, SigapReviewPage, detail);
  gtk_widget_class_bind_template_child (widget_class, SigapReviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SigapReviewPage, opd_label);
  gtk_widget_class_bind_template_child (widget_class, SigapReviewPage, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, SigapReviewPage, platforms_label);
  gtk_widget_class_bind_template_child (widget_class, SigapReviewPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, SigapReviewPage, body_label);
  gtk_widget_class_bind_template_child (widget_class, SigapReviewPage, previews_box);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "review.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "review.return", NULL, return_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "review.approve", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "review.approve", NULL);
}

static void
sigap_review_page_init (SigapReviewPage *self)
{
  g_type_ensure (SIGAP_TYPE_PREVIEW_CARD);

  gtk_widget_init_template (GTK_WIDGET (self));

  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * sigap_review_page_set_source:
 * @self: a #SigapReviewPage
 * @store: (nullable): the store holding every agency's posts
 * @user: (nullable): who is signed in
 *
 * Shows the posts waiting for approval in @store if @user is a
 * verifikator, and nothing otherwise.
 */
void
sigap_review_page_set_source (SigapReviewPage *self,
                              SigapStore      *store,
                              SigapUser       *user)
{
  g_return_if_fail (SIGAP_IS_REVIEW_PAGE (self));
  g_return_if_fail (store == NULL || SIGAP_IS_STORE (store));
  g_return_if_fail (user == NULL || SIGAP_IS_USER (user));

  g_set_object (&self->store, store);
  g_set_object (&self->user, user);

  sigap_review_page_reload (self);
}

/**
 * sigap_review_page_reload:
 * @self: a #SigapReviewPage
 *
 * Reads the posts waiting for approval again, keeping the one shown if
 * it still waits, else showing the one that took its place.
 */
void
sigap_review_page_reload (SigapReviewPage *self)
{
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) opds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected_id = NULL;
  GtkListBoxRow *selected;
  GtkListBoxRow *row = NULL;
  GtkWidget *child;
  guint n_before;
  int position = 0;

  g_return_if_fail (SIGAP_IS_REVIEW_PAGE (self));

  n_before = sigap_review_page_get_n_posts (self);

  selected = gtk_list_box_get_selected_row (self->list_box);
  if (selected != NULL)
    {
      SigapPost *post = g_object_get_data (G_OBJECT (selected), "sigap-post");

      selected_id = g_strdup (sigap_post_get_id (post));
      position = gtk_list_box_row_get_index (selected);
    }

  /* Emptied first: the rows' selection goes with them, quietly. */
  g_signal_handlers_block_by_func (self->list_box, row_selected_cb, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);
  g_signal_handlers_unblock_by_func (self->list_box, row_selected_cb, self);
  g_clear_pointer (&self->posts, g_ptr_array_unref);
  g_clear_pointer (&self->opds, g_hash_table_unref);

  if (sigap_review_page_get_available (self))
    {
      posts = sigap_store_list_posts_by_status (self->store, NULL, SIGAP_POST_STATUS_REVIEW,
                                                &error);
      if (posts != NULL)
        opds = sigap_store_list_opds (self->store, &error);
    }

  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      show_post (self, NULL);
    }
  else
    {
      self->opds = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      for (guint i = 0; opds != NULL && i < opds->len; i++)
        {
          SigapOpd *opd = g_ptr_array_index (opds, i);

          g_hash_table_insert (self->opds, (gpointer) sigap_opd_get_id (opd),
                               g_object_ref (opd));
        }

      self->posts = posts != NULL ? g_ptr_array_ref (posts)
                                  : g_ptr_array_new_with_free_func (g_object_unref);

      g_signal_handlers_block_by_func (self->list_box, row_selected_cb, self);
      for (guint i = 0; i < self->posts->len; i++)
        {
          SigapPost *post = g_ptr_array_index (self->posts, i);
          GtkWidget *new_row = create_row (self, post);

          gtk_list_box_append (self->list_box, new_row);
          if (selected_id != NULL && g_strcmp0 (sigap_post_get_id (post), selected_id) == 0)
            row = GTK_LIST_BOX_ROW (new_row);
        }

      /* The post shown is gone (approved, returned, or by a sync): the
       * next one takes its place. */
      if (row == NULL && self->posts->len > 0)
        row = gtk_list_box_get_row_at_index (self->list_box,
                                             MIN ((guint) position, self->posts->len - 1));

      if (row != NULL)
        gtk_list_box_select_row (self->list_box, row);
      g_signal_handlers_unblock_by_func (self->list_box, row_selected_cb, self);
      show_post (self, row != NULL ? g_object_get_data (G_OBJECT (row), "sigap-post") : NULL);
      gtk_stack_set_visible_child_name (self->stack, self->posts->len > 0 ? "list" : "empty");
    }

  if (sigap_review_page_get_n_posts (self) != n_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_POSTS]);
}

/**
 * sigap_review_page_get_available:
 * @self: a #SigapReviewPage
 *
 * Returns: whether the page has posts to show: a store, and a verifikator
 *   signed in
 */
gboolean
sigap_review_page_get_available (SigapReviewPage *self)
{
  g_return_val_if_fail (SIGAP_IS_REVIEW_PAGE (self), FALSE);

  return self->store != NULL && sigap_review_user_may_review (self->user);
}

/**
 * sigap_review_page_get_state:
 * @self: a #SigapReviewPage
 *
 * Returns: what the page shows: "empty", "list" or "error"
 */
const char *
sigap_review_page_get_state (SigapReviewPage *self)
{
  g_return_val_if_fail (SIGAP_IS_REVIEW_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * sigap_review_page_get_n_posts:
 * @self: a #SigapReviewPage
 *
 * Returns: how many posts wait for approval
 */
guint
sigap_review_page_get_n_posts (SigapReviewPage *self)
{
  g_return_val_if_fail (SIGAP_IS_REVIEW_PAGE (self), 0);

  return self->posts != NULL ? self->posts->len : 0;
}

/**
 * sigap_review_page_get_post:
 * @self: a #SigapReviewPage
 * @position: a row of the list
 *
 * Returns: (transfer none) (nullable): the post at @position
 */
SigapPost *
sigap_review_page_get_post (SigapReviewPage *self,
                            guint            position)
{
  g_return_val_if_fail (SIGAP_IS_REVIEW_PAGE (self), NULL);

  if (self->posts == NULL || position >= self->posts->len)
    return NULL;

  return g_ptr_array_index (self->posts, position);
}

/**
 * sigap_review_page_get_selected_post:
 * @self: a #SigapReviewPage
 *
 * Returns: (transfer none) (nullable): the post shown beside the list
 */
SigapPost *
sigap_review_page_get_selected_post (SigapReviewPage *self)
{
  g_return_val_if_fail (SIGAP_IS_REVIEW_PAGE (self), NULL);

  return self->post;
}

/**
 * sigap_review_page_select_post:
 * @self: a #SigapReviewPage
 * @post_id: the ID of a post waiting for approval
 *
 * Shows the post @post_id beside the list.
 *
 * Returns: whether the post is in the list
 */
gboolean
sigap_review_page_select_post (SigapReviewPage *self,
                               const char      *post_id)
{
  g_return_val_if_fail (SIGAP_IS_REVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (post_id != NULL, FALSE);

  for (guint i = 0; self->posts != NULL && i < self->posts->len; i++)
    {
      if (g_strcmp0 (sigap_post_get_id (g_ptr_array_index (self->posts, i)), post_id) != 0)
        continue;

      gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, i));
      return TRUE;
    }

  return FALSE;
}

/**
 * sigap_review_user_may_review:
 * @user: (nullable): who is signed in
 *
 * Returns: whether @user approves and returns posts: a verifikator
 */
gboolean
sigap_review_user_may_review (SigapUser *user)
{
  g_return_val_if_fail (user == NULL || SIGAP_IS_USER (user), FALSE);

  return user != NULL && sigap_user_get_role (user) == SIGAP_ROLE_VERIFIKATOR;
}

/**
 * sigap_review_note_is_blank:
 * @note: (nullable): a verifikator's note
 *
 * Returns: whether @note says nothing: a post is returned only with a
 *   note that does, as the server requires
 */
gboolean
sigap_review_note_is_blank (const char *note)
{
  if (note == NULL)
    return TRUE;

  for (const char *p = note; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * sigap_review_get_platform_text:
 * @post: a post
 * @platform: one of its platforms
 *
 * Returns: (nullable): the text @post shows on @platform: its variant's
 *   own text if it has one, else the post's
 */
const char *
sigap_review_get_platform_text (SigapPost     *post,
                                SigapPlatform  platform)
{
  SigapPostVariant *variant;

  g_return_val_if_fail (SIGAP_IS_POST (post), NULL);

  variant = sigap_post_get_variant (post, platform);
  if (variant != NULL && text_is_set (sigap_post_variant_get_body (variant)))
    return sigap_post_variant_get_body (variant);

  return sigap_post_get_body (post);
}

/**
 * sigap_review_get_platform_title:
 * @post: a post
 * @platform: one of its platforms
 *
 * Returns: (nullable): the title @post has on @platform (YouTube's video
 *   title): its variant's own if it has one, else the post's
 */
const char *
sigap_review_get_platform_title (SigapPost     *post,
                                 SigapPlatform  platform)
{
  SigapPostVariant *variant;

  g_return_val_if_fail (SIGAP_IS_POST (post), NULL);

  variant = sigap_post_get_variant (post, platform);
  if (variant != NULL && text_is_set (sigap_post_variant_get_title (variant)))
    return sigap_post_variant_get_title (variant);

  return sigap_post_get_title (post);
}
