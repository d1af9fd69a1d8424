/* test-review-page.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The verifikator's queue of posts waiting for approval, in-process, on a
 * temporary database: the posts of two agencies listed with their
 * previews; approving one schedules it; returning one needs a note and
 * makes it a draft with that note; the empty page when none waits. */

#include "config.h"

#include <string.h>

#include "sigap-media.h"
#include "sigap-preview-card.h"
#include "sigap-preview-picture.h"
#include "sigap-review-page.h"
#include "sigap-window.h"

#include "sigap-test-utils.h"
#include "sigap-test-widget.h"

/* Thursday 17 July 2025, 09:00 WIB, and later in the same style. */
#define T ((gint64) 1752717600)
#define DAY (24 * 3600)

typedef struct
{
  char *dir;
  SigapStore *store;
  SigapOpd *dinkes;
  SigapOpd *dishub;
  SigapOpd *diskominfo;
  SigapUser *verifikator;
  SigapPost *posyandu;   /* Dinkes, review, the 17th, X with its own text */
  SigapPost *vaksin;     /* Dinkes, review, the 19th, returned once before */
  GtkWindow *window;
  SigapReviewPage *page;
  GPtrArray *messages;
} Fixture;

static SigapOpd *
add_opd (Fixture    *fixture,
         const char *code,
         const char *name,
         gboolean    requires_approval)
{
  g_autoptr(SigapOpd) opd = sigap_opd_new ();
  g_autoptr(GError) error = NULL;

  sigap_opd_set_code (opd, code);
  sigap_opd_set_name (opd, name);
  sigap_opd_set_kind (opd, SIGAP_OPD_KIND_DINAS);
  sigap_opd_set_time_zone (opd, "Asia/Jakarta");
  sigap_opd_set_requires_approval (opd, requires_approval);
  sigap_store_insert_opd (fixture->store, opd, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&opd);
}

static SigapPost *
add_post (Fixture         *fixture,
          SigapOpd        *opd,
          const char      *title,
          const char      *body,
          SigapPostStatus  status,
          gint64           scheduled_at)
{
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(SigapPostVariant) instagram = sigap_post_variant_new ();
  g_autoptr(GError) error = NULL;

  sigap_post_set_opd_id (post, sigap_opd_get_id (opd));
  sigap_post_set_title (post, title);
  sigap_post_set_body (post, body);
  sigap_post_set_status (post, status);
  sigap_post_set_scheduled_at (post, scheduled_at);
  sigap_post_variant_set_platform (instagram, SIGAP_PLATFORM_INSTAGRAM);
  sigap_post_set_variant (post, instagram);
  sigap_store_insert_post (fixture->store, post, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&post);
}

static void
update_post (Fixture   *fixture,
             SigapPost *post)
{
  g_autoptr(GError) error = NULL;

  sigap_store_update_post (fixture->store, post, &error);
  g_assert_no_error (error);
}

/* A 40×30 photo on this computer, in @post's media. */
static void
add_photo (Fixture   *fixture,
           SigapPost *post)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 40, 30);
  g_autofree char *path = g_build_filename (fixture->dir, "foto.png", NULL);
  g_autoptr(SigapMediaItem) item = sigap_media_item_new (path, SIGAP_MEDIA_KIND_IMAGE);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3465a4ff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);

  sigap_media_item_set_mime_type (item, "image/png");
  sigap_media_item_set_width (item, 40);
  sigap_media_item_set_height (item, 30);
  g_ptr_array_add (items, item);
  json = sigap_media_list_to_json (items);
  sigap_post_set_media (post, json);
}

static void
message_cb (SigapReviewPage *page,
            const char      *text,
            Fixture         *fixture)
{
  g_ptr_array_add (fixture->messages, g_strdup (text));
}

static const char *
last_message (Fixture *fixture)
{
  if (fixture->messages->len == 0)
    return NULL;

  return g_ptr_array_index (fixture->messages, fixture->messages->len - 1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SigapAccount) account = sigap_account_new ();
  g_autoptr(SigapPostVariant) x = sigap_post_variant_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = sigap_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "sigap.db", NULL);
  fixture->store = sigap_store_open (path, &error);
  g_assert_no_error (error);

  fixture->dinkes = add_opd (fixture, "dinkes", "Dinas Kesehatan", TRUE);
  fixture->dishub = add_opd (fixture, "dishub", "Dinas Perhubungan", TRUE);
  fixture->diskominfo = add_opd (fixture, "diskominfo", "Dinas Komunikasi dan Informatika",
                                 FALSE);

  fixture->verifikator = sigap_user_new ();
  sigap_user_set_username (fixture->verifikator, "verifikator");
  sigap_user_set_display_name (fixture->verifikator, "Verifikator Diskominfo");
  sigap_user_set_role (fixture->verifikator, SIGAP_ROLE_VERIFIKATOR);
  sigap_user_set_opd_id (fixture->verifikator, sigap_opd_get_id (fixture->diskominfo));
  sigap_store_insert_user (fixture->store, fixture->verifikator, &error);
  g_assert_no_error (error);

  sigap_account_set_opd_id (account, sigap_opd_get_id (fixture->dinkes));
  sigap_account_set_platform (account, SIGAP_PLATFORM_INSTAGRAM);
  sigap_account_set_display_name (account, "Dinkes Kabupaten");
  sigap_account_set_handle (account, "@dinkes.kab");
  sigap_store_insert_account (fixture->store, account, &error);
  g_assert_no_error (error);

  /* Inserted out of order: the list goes by time. */
  fixture->vaksin = add_post (fixture, fixture->dinkes, "Vaksinasi anak sekolah",
                              "Vaksinasi di sekolah dasar mulai pekan depan.",
                              SIGAP_POST_STATUS_REVIEW, T + 2 * DAY);
  sigap_post_set_review_note (fixture->vaksin, "Sebutkan jadwal per kecamatan.");
  add_photo (fixture, fixture->vaksin);
  update_post (fixture, fixture->vaksin);
  fixture->posyandu = add_post (fixture, fixture->dinkes, "Jadwal posyandu",
                                "Posyandu balita buka Kamis pagi di setiap desa.",
                                SIGAP_POST_STATUS_REVIEW, T);
  sigap_post_variant_set_platform (x, SIGAP_PLATFORM_X);
  sigap_post_variant_set_body (x, "Posyandu Kamis pagi. #SehatBersama");
  sigap_post_set_variant (fixture->posyandu, x);
  update_post (fixture, fixture->posyandu);
  g_object_unref (add_post (fixture, fixture->dishub, "Perbaikan jalan provinsi",
                            "Jalur alternatif selama perbaikan jalan.",
                            SIGAP_POST_STATUS_REVIEW, T + DAY));

  /* Not waiting: a draft and a scheduled post. */
  g_object_unref (add_post (fixture, fixture->dinkes, "Draf", "Belum selesai.",
                            SIGAP_POST_STATUS_DRAFT, T));
  g_object_unref (add_post (fixture, fixture->dishub, "Terjadwal", "Sudah disetujui.",
                            SIGAP_POST_STATUS_SCHEDULED, T));

  /* What is seeded came from the server; what the page writes waits in
   * the outbox. */
  sigap_store_set_outbox_enabled (fixture->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_store_count_outbox (fixture->store), ==, 0);

  fixture->messages = g_ptr_array_new_with_free_func (g_free);
  fixture->page = g_object_new (SIGAP_TYPE_REVIEW_PAGE, NULL);
  g_signal_connect (fixture->page, "message", G_CALLBACK (message_cb), fixture);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 760);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  sigap_review_page_set_source (fixture->page, fixture->store, fixture->verifikator);
  gtk_window_present (fixture->window);
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&fixture->posyandu);
  g_clear_object (&fixture->vaksin);
  g_clear_object (&fixture->dinkes);
  g_clear_object (&fixture->dishub);
  g_clear_object (&fixture->diskominfo);
  g_clear_object (&fixture->verifikator);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->messages, g_ptr_array_unref);
  sigap_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static SigapPost *
get_stored (Fixture    *fixture,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  SigapPost *post = sigap_store_get_post (fixture->store, id, &error);

  g_assert_no_error (error);

  return post;
}

static void
collect_descendants (GtkWidget *widget,
                     GType      type,
                     GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_descendants (child, type, found);
}

/* Whether a label under @widget shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (g_ptr_array_index (labels, i)) &&
        strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;

  return FALSE;
}

static SigapPreviewCard *
find_card (Fixture       *fixture,
           SigapPlatform  platform,
           guint         *n_cards)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  SigapPreviewCard *found = NULL;

  collect_descendants (GTK_WIDGET (fixture->page), SIGAP_TYPE_PREVIEW_CARD, cards);
  for (guint i = 0; i < cards->len; i++)
    if (sigap_preview_card_get_platform (g_ptr_array_index (cards, i)) == platform)
      found = g_ptr_array_index (cards, i);

  if (n_cards != NULL)
    *n_cards = cards->len;

  return found;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)),
                   action_name) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

static void
settle (Fixture *fixture)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  sigap_test_wait_for_frame (GTK_WIDGET (fixture->page));
}

/* Every OPD's posts waiting, the most pressing first; the first shown
 * with a preview per platform, each with the text it has there. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  SigapPost *shown;
  SigapPreviewCard *card;
  guint n_cards = 0;

  g_assert_true (sigap_review_page_get_available (fixture->page));
  g_assert_cmpstr (sigap_review_page_get_state (fixture->page), ==, "list");
  g_assert_cmpuint (sigap_review_page_get_n_posts (fixture->page), ==, 3);
  g_assert_cmpstr (sigap_post_get_title (sigap_review_page_get_post (fixture->page, 0)), ==,
                   "Jadwal posyandu");
  g_assert_cmpstr (sigap_post_get_title (sigap_review_page_get_post (fixture->page, 1)), ==,
                   "Perbaikan jalan provinsi");
  g_assert_cmpstr (sigap_post_get_opd_id (sigap_review_page_get_post (fixture->page, 1)), ==,
                   sigap_opd_get_id (fixture->dishub));
  g_assert_cmpstr (sigap_post_get_title (sigap_review_page_get_post (fixture->page, 2)), ==,
                   "Vaksinasi anak sekolah");
  g_assert_null (sigap_review_page_get_post (fixture->page, 3));

  /* The rows: title, agency, time in the agency's zone, platforms. */
  g_assert_true (shows_text (GTK_WIDGET (fixture->page), "Dinas Perhubungan"));
  g_assert_true (shows_text (GTK_WIDGET (fixture->page), "18 Jul 2025 09:00 WIB"));
  g_assert_true (shows_text (GTK_WIDGET (fixture->page), "Instagram, X"));

  shown = sigap_review_page_get_selected_post (fixture->page);
  g_assert_nonnull (shown);
  g_assert_cmpstr (sigap_post_get_id (shown), ==, sigap_post_get_id (fixture->posyandu));
  g_assert_true (shows_text (GTK_WIDGET (fixture->page),
                             "Scheduled for Thursday, 17 July 2025, 09:00 WIB"));

  /* X has its own text; Instagram has the post's, from the agency's
   * account there. */
  card = find_card (fixture, SIGAP_PLATFORM_X, &n_cards);
  g_assert_cmpuint (n_cards, ==, 2);
  g_assert_nonnull (card);
  g_assert_true (shows_text (GTK_WIDGET (card), "Posyandu Kamis pagi."));
  card = find_card (fixture, SIGAP_PLATFORM_INSTAGRAM, NULL);
  g_assert_nonnull (card);
  g_assert_true (shows_text (GTK_WIDGET (card), "Posyandu balita buka Kamis pagi"));
  g_assert_true (shows_text (GTK_WIDGET (card), "dinkes.kab"));
  g_assert_cmpstr (sigap_review_get_platform_text (fixture->posyandu, SIGAP_PLATFORM_X), ==,
                   "Posyandu Kamis pagi. #SehatBersama");
  g_assert_cmpstr (sigap_review_get_platform_text (fixture->posyandu, SIGAP_PLATFORM_INSTAGRAM),
                   ==, "Posyandu balita buka Kamis pagi di setiap desa.");
  g_assert_cmpstr (sigap_review_get_platform_title (fixture->posyandu, SIGAP_PLATFORM_YOUTUBE),
                   ==, "Jadwal posyandu");

  /* Another post: its own previews with its photo, read in a thread,
   * and the note it was returned with. */
  g_assert_true (sigap_review_page_select_post (fixture->page,
                                                sigap_post_get_id (fixture->vaksin)));
  settle (fixture);
  find_card (fixture, SIGAP_PLATFORM_X, &n_cards);
  g_assert_cmpuint (n_cards, ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (fixture->page), "Sebutkan jadwal per kecamatan."));
  {
    g_autoptr(GPtrArray) pictures = g_ptr_array_new ();
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    GdkPaintable *paintable = NULL;

    while (paintable == NULL && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_ptr_array_set_size (pictures, 0);
        collect_descendants (GTK_WIDGET (find_card (fixture, SIGAP_PLATFORM_INSTAGRAM, NULL)),
                             SIGAP_TYPE_PREVIEW_PICTURE, pictures);
        for (guint i = 0; i < pictures->len && paintable == NULL; i++)
          paintable = sigap_preview_picture_get_paintable (g_ptr_array_index (pictures, i));
      }
    g_assert_nonnull (paintable);
    g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 40);
  }

  /* Nobody but a verifikator reviews. */
  {
    g_autoptr(SigapUser) admin = sigap_user_new ();

    sigap_user_set_role (admin, SIGAP_ROLE_ADMIN_OPD);
    sigap_user_set_opd_id (admin, sigap_opd_get_id (fixture->dinkes));
    g_assert_false (sigap_review_user_may_review (admin));
    g_assert_false (sigap_review_user_may_review (NULL));
    g_assert_true (sigap_review_user_may_review (fixture->verifikator));

    g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (fixture->page),
                                                                "review.approve")));
    sigap_review_page_set_source (fixture->page, fixture->store, admin);
    g_assert_false (sigap_review_page_get_available (fixture->page));
    g_assert_cmpuint (sigap_review_page_get_n_posts (fixture->page), ==, 0);
    g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (fixture->page),
                                                                 "review.approve")));
    g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (fixture->page),
                                                                 "review.return")));
  }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Approving schedules the post, keeps its note, queues it for the server
 * and takes it off the list, showing the next. */
static void
test_approve (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SigapPost) stored = NULL;
  guint notified = 0;

  g_assert_true (sigap_review_page_select_post (fixture->page,
                                                sigap_post_get_id (fixture->vaksin)));
  {
    gulong handler = g_signal_connect (fixture->page, "notify::n-posts",
                                       G_CALLBACK (count_notify_cb), &notified);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "review.approve",
                                               NULL));
    g_signal_handler_disconnect (fixture->page, handler);
  }
  settle (fixture);

  stored = get_stored (fixture, sigap_post_get_id (fixture->vaksin));
  g_assert_cmpint (sigap_post_get_status (stored), ==, SIGAP_POST_STATUS_SCHEDULED);
  g_assert_cmpstr (sigap_post_get_review_note (stored), ==, "Sebutkan jadwal per kecamatan.");
  g_assert_true (sigap_store_has_outbox (fixture->store, "post",
                                         sigap_post_get_id (fixture->vaksin)));
  g_assert_cmpint (sigap_store_count_outbox (fixture->store), ==, 1);
  g_assert_cmpstr (last_message (fixture), ==, "Post approved");
  g_assert_cmpuint (notified, ==, 1);

  g_assert_cmpuint (sigap_review_page_get_n_posts (fixture->page), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (sigap_post_get_id (sigap_review_page_get_post (fixture->page, i)), !=,
                     sigap_post_get_id (fixture->vaksin));
  /* It was the last: the one before it shows. */
  g_assert_cmpstr (sigap_post_get_title (sigap_review_page_get_selected_post (fixture->page)), ==,
                   "Perbaikan jalan provinsi");

  /* A post a sync took out of review meanwhile is left alone. */
  sigap_post_set_status (fixture->posyandu, SIGAP_POST_STATUS_CANCELLED);
  update_post (fixture, fixture->posyandu);
  g_assert_true (sigap_review_page_select_post (fixture->page,
                                                sigap_post_get_id (fixture->posyandu)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "review.approve", NULL);
  g_clear_object (&stored);
  stored = get_stored (fixture, sigap_post_get_id (fixture->posyandu));
  g_assert_cmpint (sigap_post_get_status (stored), ==, SIGAP_POST_STATUS_CANCELLED);
  g_assert_cmpstr (last_message (fixture), ==,
                   "This post is no longer waiting for approval; the list shows what still is.");
  g_assert_cmpuint (sigap_review_page_get_n_posts (fixture->page), ==, 1);
}

/* Returning asks for a note: a blank one is refused and the dialog
 * stays; with one, the post is a draft again with the note. */
static void
test_return (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SigapPost) stored = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *view;
  GtkWidget *hint;
  GtkWidget *button;
  const char *note = "Foto kurang jelas; ganti dengan foto kegiatan yang terang.";

  g_assert_true (sigap_review_page_select_post (fixture->page,
                                                sigap_post_get_id (fixture->posyandu)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "review.return", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  sigap_test_wait_for_frame (GTK_WIDGET (dialog));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Return the Post?");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);

  view = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Note for the agency");

  /* Blank: the button is off and says why; a return anyway is refused. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "  \n\t ", -1);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "return"));
  button = find_button (GTK_WIDGET (dialog), "_Return");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));
  hint = g_object_get_data (G_OBJECT (dialog), "sigap-hint");
  g_assert_true (gtk_widget_get_visible (hint));

  adw_message_dialog_response (dialog, "return");
  settle (fixture);
  g_assert_true (find_dialog () == dialog);
  g_assert_true (gtk_widget_has_css_class (hint, "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==,
                   "A post is returned only with a note. Write what the agency should correct.");
  stored = get_stored (fixture, sigap_post_get_id (fixture->posyandu));
  g_assert_cmpint (sigap_post_get_status (stored), ==, SIGAP_POST_STATUS_REVIEW);
  g_assert_null (sigap_post_get_review_note (stored));
  g_clear_object (&stored);
  g_assert_cmpuint (fixture->messages->len, ==, 0);

  /* With a note: a draft again, with the note, off the list. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), note, -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "return"));
  g_assert_false (gtk_widget_get_visible (hint));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  settle (fixture);
  g_assert_null (find_dialog ());

  stored = get_stored (fixture, sigap_post_get_id (fixture->posyandu));
  g_assert_cmpint (sigap_post_get_status (stored), ==, SIGAP_POST_STATUS_DRAFT);
  g_assert_cmpstr (sigap_post_get_review_note (stored), ==, note);
  g_assert_true (sigap_store_has_outbox (fixture->store, "post",
                                         sigap_post_get_id (fixture->posyandu)));
  g_assert_cmpstr (last_message (fixture), ==, "Post returned to the agency");
  g_assert_cmpuint (sigap_review_page_get_n_posts (fixture->page), ==, 2);
  g_assert_cmpstr (sigap_post_get_title (sigap_review_page_get_selected_post (fixture->page)), ==,
                   "Perbaikan jalan provinsi");

  /* Cancel leaves the post as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "review.return", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  view = gtk_window_get_focus (GTK_WINDOW (dialog));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Tidak jadi", -1);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Cancel"), "clicked");
  settle (fixture);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (sigap_review_page_get_n_posts (fixture->page), ==, 2);

  /* Approved by a sync while the note was written: nothing to return. */
  g_assert_true (sigap_review_page_select_post (fixture->page,
                                                sigap_post_get_id (fixture->vaksin)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "review.return", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  view = gtk_window_get_focus (GTK_WINDOW (dialog));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), note, -1);
  sigap_post_set_status (fixture->vaksin, SIGAP_POST_STATUS_SCHEDULED);
  update_post (fixture, fixture->vaksin);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Return"), "clicked");
  settle (fixture);
  g_assert_null (find_dialog ());
  g_clear_object (&stored);
  stored = get_stored (fixture, sigap_post_get_id (fixture->vaksin));
  g_assert_cmpint (sigap_post_get_status (stored), ==, SIGAP_POST_STATUS_SCHEDULED);
  g_assert_cmpstr (sigap_post_get_review_note (stored), ==, "Sebutkan jadwal per kecamatan.");
  g_assert_cmpstr (last_message (fixture), ==,
                   "This post is no longer waiting for approval; the list shows what still is.");
  g_assert_cmpuint (sigap_review_page_get_n_posts (fixture->page), ==, 1);
}

/* When none is left, the page says so. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpstr (sigap_review_page_get_state (fixture->page), ==, "list");

  for (guint i = 0; i < 3; i++)
    {
      g_assert_nonnull (sigap_review_page_get_selected_post (fixture->page));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "review.approve",
                                                 NULL));
      settle (fixture);
    }

  g_assert_cmpuint (sigap_review_page_get_n_posts (fixture->page), ==, 0);
  g_assert_null (sigap_review_page_get_selected_post (fixture->page));
  g_assert_cmpstr (sigap_review_page_get_state (fixture->page), ==, "empty");
  g_assert_true (shows_text (GTK_WIDGET (fixture->page), "No posts are waiting for approval"));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (fixture->page),
                                                               "review.approve")));

  /* A sync brings a new one. */
  g_object_unref (add_post (fixture, fixture->dishub, "Uji emisi gratis", "Uji emisi.",
                            SIGAP_POST_STATUS_REVIEW, T + 5 * DAY));
  sigap_review_page_reload (fixture->page);
  g_assert_cmpstr (sigap_review_page_get_state (fixture->page), ==, "list");
  g_assert_cmpuint (sigap_review_page_get_n_posts (fixture->page), ==, 1);
}

static SigapApplication *app;

static SigapWindow *
open_window (Fixture    *fixture,
             const char *username,
             const char *last_page)
{
  GSettings *settings;
  g_autoptr(GError) error = NULL;
  SigapWindow *window;

  if (app == NULL)
    {
      app = sigap_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  settings = sigap_application_get_settings (app);
  g_settings_set_string (settings, "last-page", last_page);
  sigap_store_set_meta (fixture->store, "local_user", username, &error);
  g_assert_no_error (error);

  window = sigap_window_new (app, fixture->store, NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_for_frame (GTK_WIDGET (window));

  return window;
}

static AdwViewStackPage *
get_stack_page (SigapWindow *window,
                const char  *name)
{
  GtkWidget *child = sigap_window_get_page (window, name);
  GtkWidget *stack = gtk_widget_get_ancestor (child, ADW_TYPE_VIEW_STACK);

  return adw_view_stack_get_page (ADW_VIEW_STACK (stack), child);
}

/* The window shows the page to a verifikator only, with a badge of how
 * many posts wait. */
static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SigapUser) admin = sigap_user_new ();
  g_autoptr(GError) error = NULL;
  SigapWindow *window;
  SigapReviewPage *page;
  AdwViewStackPage *stack_page;

  window = open_window (fixture, "verifikator", "calendar");
  page = SIGAP_REVIEW_PAGE (sigap_window_get_page (window, "review"));
  g_assert_nonnull (page);
  stack_page = get_stack_page (window, "review");
  g_assert_true (adw_view_stack_page_get_visible (stack_page));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, 3);
  g_assert_cmpstr (adw_view_stack_page_get_title (stack_page), ==, "Review");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "review");
  g_assert_cmpstr (sigap_window_get_visible_page (window), ==, "review");
  sigap_test_wait_for_frame (GTK_WIDGET (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.approve", NULL));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, 2);

  /* The window remembers the page. */
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  {
    g_autofree char *last = g_settings_get_string (sigap_application_get_settings (app),
                                                   "last-page");

    g_assert_cmpstr (last, ==, "review");
  }

  /* An agency's admin has nothing to approve. */
  sigap_user_set_username (admin, "dinkes");
  sigap_user_set_role (admin, SIGAP_ROLE_ADMIN_OPD);
  sigap_user_set_opd_id (admin, sigap_opd_get_id (fixture->dinkes));
  sigap_store_insert_user (fixture->store, admin, &error);
  g_assert_no_error (error);

  /* Not even where a verifikator left the window on this computer. */
  window = open_window (fixture, "dinkes", "review");
  stack_page = get_stack_page (window, "review");
  g_assert_false (adw_view_stack_page_get_visible (stack_page));
  g_assert_cmpstr (sigap_window_get_visible_page (window), ==, "calendar");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "review");
  g_assert_cmpstr (sigap_window_get_visible_page (window), ==, "calendar");
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_note_is_blank (void)
{
  g_assert_true (sigap_review_note_is_blank (NULL));
  g_assert_true (sigap_review_note_is_blank (""));
  g_assert_true (sigap_review_note_is_blank (" \n\t\u00a0 "));
  g_assert_false (sigap_review_note_is_blank (" Perbaiki judul "));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  int ret;

  /* GTK's test accessibility backend, to read what a screen reader is
   * told, without the AT-SPI bridge. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* X's text rules shipped with Sigap, for the previews. */
  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("SIGAP_DATA_DIR", data_dir, TRUE);

  g_test_add_func ("/review-page/note-is-blank", test_note_is_blank);
  g_test_add ("/review-page/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/review-page/approve", Fixture, NULL,
              fixture_set_up, test_approve, fixture_tear_down);
  g_test_add ("/review-page/return", Fixture, NULL,
              fixture_set_up, test_return, fixture_tear_down);
  g_test_add ("/review-page/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/review-page/window", Fixture, NULL,
              fixture_set_up, test_window, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
