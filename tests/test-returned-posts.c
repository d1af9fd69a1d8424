/* test-returned-posts.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The author told when a verifikator returns a post, without a display:
 * which posts are returned and not told yet, once per return; and the
 * reminders that send the notification after a sync, counted by their
 * "post-returned" signal (the GApplication is never registered, so
 * nothing reaches a real desktop). */

#include "config.h"

#include "sigap-reminders.h"
#include "sigap-returned-posts.h"
#include "sigap-test-utils.h"

/* Thursday 17 July 2025, 09:00 WIB. */
#define T ((gint64) 1752717600)
#define DAY (24 * 3600)

typedef struct
{
  char *dir;
  SigapStore *store;
  SigapOpd *opd;
  SigapOpd *other_opd;
  GPtrArray *returned;
} Fixture;

static SigapOpd *
add_opd (Fixture    *fixture,
         const char *code)
{
  g_autoptr(SigapOpd) opd = sigap_opd_new ();
  g_autoptr(GError) error = NULL;

  sigap_opd_set_code (opd, code);
  sigap_opd_set_name (opd, code);
  sigap_opd_set_time_zone (opd, "Asia/Jakarta");
  sigap_opd_set_requires_approval (opd, TRUE);
  sigap_store_insert_opd (fixture->store, opd, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&opd);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = sigap_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "sigap.db", NULL);
  fixture->store = sigap_store_open (path, &error);
  g_assert_no_error (error);

  fixture->opd = add_opd (fixture, "dinkes");
  fixture->other_opd = add_opd (fixture, "dishub");
  fixture->returned = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&fixture->opd);
  g_clear_object (&fixture->other_opd);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->returned, g_ptr_array_unref);
  sigap_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static SigapPost *
add_post (Fixture         *fixture,
          SigapOpd        *opd,
          const char      *title,
          SigapPostStatus  status,
          const char      *note)
{
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(GError) error = NULL;

  sigap_post_set_opd_id (post, sigap_opd_get_id (opd));
  sigap_post_set_title (post, title);
  sigap_post_set_body (post, "Isi unggahan.");
  sigap_post_set_status (post, status);
  sigap_post_set_review_note (post, note);
  sigap_post_set_scheduled_at (post, T + DAY);
  sigap_store_insert_post (fixture->store, post, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&post);
}

/* What a sync brings: the server's copy, written without the outbox. */
static void
sync_post (Fixture         *fixture,
           SigapPost       *post,
           SigapPostStatus  status,
           const char      *note)
{
  g_autoptr(GError) error = NULL;
  gboolean outbox = sigap_store_get_outbox_enabled (fixture->store);

  sigap_post_set_status (post, status);
  sigap_post_set_review_note (post, note);
  sigap_store_set_outbox_enabled (fixture->store, FALSE, &error);
  g_assert_no_error (error);
  sigap_store_update_post (fixture->store, post, &error);
  g_assert_no_error (error);
  sigap_store_set_outbox_enabled (fixture->store, outbox, &error);
  g_assert_no_error (error);
}

static GPtrArray *
list_unnotified (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *posts;

  posts = sigap_returned_posts_list_unnotified (fixture->store, sigap_opd_get_id (fixture->opd),
                                                &error);
  g_assert_no_error (error);
  g_assert_nonnull (posts);

  return posts;
}

static void
mark_all (Fixture   *fixture,
          GPtrArray *posts)
{
  for (guint i = 0; i < posts->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (sigap_returned_posts_mark_notified (fixture->store,
                                                         g_ptr_array_index (posts, i), &error));
      g_assert_no_error (error);
    }
}

/* Only the agency's drafts with a verifikator's note, from the server,
 * and each until it is told. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SigapPost) returned = NULL;
  g_autoptr(SigapPost) plain = NULL;
  g_autoptr(SigapPost) blank = NULL;
  g_autoptr(SigapPost) waiting = NULL;
  g_autoptr(SigapPost) other = NULL;
  g_autoptr(SigapPost) local = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) error = NULL;

  returned = add_post (fixture, fixture->opd, "Jadwal posyandu", SIGAP_POST_STATUS_DRAFT,
                       "Foto kurang jelas.");
  plain = add_post (fixture, fixture->opd, "Draf biasa", SIGAP_POST_STATUS_DRAFT, NULL);
  blank = add_post (fixture, fixture->opd, "Catatan kosong", SIGAP_POST_STATUS_DRAFT, " \n ");
  waiting = add_post (fixture, fixture->opd, "Menunggu", SIGAP_POST_STATUS_REVIEW,
                      "Catatan lama.");
  other = add_post (fixture, fixture->other_opd, "Perbaikan jalan", SIGAP_POST_STATUS_DRAFT,
                    "Sebutkan ruas jalannya.");

  /* A draft this desktop changed and has not pushed is not news from
   * the server. */
  sigap_store_set_outbox_enabled (fixture->store, TRUE, &error);
  g_assert_no_error (error);
  local = add_post (fixture, fixture->opd, "Belum terkirim", SIGAP_POST_STATUS_DRAFT,
                    "Catatan.");
  g_assert_true (sigap_store_has_outbox (fixture->store, "post", sigap_post_get_id (local)));

  posts = list_unnotified (fixture);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpstr (sigap_post_get_id (g_ptr_array_index (posts, 0)), ==,
                   sigap_post_get_id (returned));
  g_assert_cmpstr (sigap_post_get_review_note (g_ptr_array_index (posts, 0)), ==,
                   "Foto kurang jelas.");

  mark_all (fixture, posts);
  g_clear_pointer (&posts, g_ptr_array_unref);
  posts = list_unnotified (fixture);
  g_assert_cmpuint (posts->len, ==, 0);
  g_clear_pointer (&posts, g_ptr_array_unref);

  /* Once pushed, the server has it: told like the others. */
  {
    g_autoptr(GPtrArray) outbox = sigap_store_list_outbox (fixture->store, 100, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < outbox->len; i++)
      {
        SigapOutboxEntry *entry = g_ptr_array_index (outbox, i);

        sigap_store_delete_outbox (fixture->store, entry->id, &error);
        g_assert_no_error (error);
      }
  }
  posts = list_unnotified (fixture);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpstr (sigap_post_get_id (g_ptr_array_index (posts, 0)), ==,
                   sigap_post_get_id (local));
}

/* A second return, with its new note, is told again; the agency's own
 * changes to a returned draft are not a return. */
static void
test_once_per_return (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(GPtrArray) posts = NULL;

  post = add_post (fixture, fixture->opd, "Vaksinasi", SIGAP_POST_STATUS_REVIEW, NULL);
  posts = list_unnotified (fixture);
  g_assert_cmpuint (posts->len, ==, 0);
  g_clear_pointer (&posts, g_ptr_array_unref);

  sync_post (fixture, post, SIGAP_POST_STATUS_DRAFT, "Sebutkan jadwal per kecamatan.");
  posts = list_unnotified (fixture);
  g_assert_cmpuint (posts->len, ==, 1);
  mark_all (fixture, posts);
  g_clear_pointer (&posts, g_ptr_array_unref);

  /* Corrected and edited again, still a draft with the note. */
  sigap_post_set_body (post, "Jadwal per kecamatan terlampir.");
  sync_post (fixture, post, SIGAP_POST_STATUS_DRAFT, "Sebutkan jadwal per kecamatan.");
  posts = list_unnotified (fixture);
  g_assert_cmpuint (posts->len, ==, 0);
  g_clear_pointer (&posts, g_ptr_array_unref);

  /* Submitted again, approved (the note stays), then taken back to a
   * draft by its agency: no return. */
  sync_post (fixture, post, SIGAP_POST_STATUS_REVIEW, "Sebutkan jadwal per kecamatan.");
  sync_post (fixture, post, SIGAP_POST_STATUS_SCHEDULED, "Sebutkan jadwal per kecamatan.");
  sync_post (fixture, post, SIGAP_POST_STATUS_DRAFT, "Sebutkan jadwal per kecamatan.");
  posts = list_unnotified (fixture);
  g_assert_cmpuint (posts->len, ==, 0);
  g_clear_pointer (&posts, g_ptr_array_unref);

  /* Submitted again and returned with a new note: told. */
  sync_post (fixture, post, SIGAP_POST_STATUS_REVIEW, "Sebutkan jadwal per kecamatan.");
  sync_post (fixture, post, SIGAP_POST_STATUS_DRAFT, "Tambahkan nomor layanan.");
  posts = list_unnotified (fixture);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpstr (sigap_post_get_review_note (g_ptr_array_index (posts, 0)), ==,
                   "Tambahkan nomor layanan.");
}

static void
test_heading (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SigapPost) post = add_post (fixture, fixture->opd, "Jadwal posyandu",
                                        SIGAP_POST_STATUS_DRAFT, "Foto kurang jelas.");
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *heading = sigap_returned_post_dup_heading (post);

  g_assert_cmpstr (heading, ==, "Post returned: Jadwal posyandu");
  g_clear_pointer (&heading, g_free);

  sigap_post_set_title (post, "");
  sigap_post_set_body (post, "Posyandu balita buka setiap Kamis pagi di balai desa "
                             "masing-masing.");
  heading = sigap_returned_post_dup_heading (post);
  g_assert_cmpstr (heading, ==,
                   "Post returned: Posyandu balita buka setiap Kamis pagi di balai…");

  notification = sigap_returned_post_notification_new (post);
  g_assert_true (G_IS_NOTIFICATION (notification));
}

static void
post_returned_cb (SigapReminders *reminders,
                  SigapPost      *post,
                  GNotification  *notification,
                  Fixture        *fixture)
{
  g_assert_true (G_IS_NOTIFICATION (notification));
  g_assert_cmpint (sigap_post_get_status (post), ==, SIGAP_POST_STATUS_DRAFT);
  g_ptr_array_add (fixture->returned, g_strdup (sigap_post_get_id (post)));
}

/* The reminders tell the signed-in agency, after the sync that brought
 * the return, once. */
static void
test_reminders (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GApplication) application = NULL;
  g_autoptr(SigapReminders) reminders = NULL;
  g_autoptr(SigapPost) post = NULL;
  g_autoptr(SigapPost) other = NULL;

  application = g_application_new ("io.github.sigap.Sigap.TestReturned",
                                   G_APPLICATION_NON_UNIQUE);
  post = add_post (fixture, fixture->opd, "Jadwal posyandu", SIGAP_POST_STATUS_REVIEW, NULL);
  other = add_post (fixture, fixture->other_opd, "Perbaikan jalan", SIGAP_POST_STATUS_REVIEW,
                    NULL);

  reminders = sigap_reminders_new (application, fixture->store, NULL);
  g_signal_connect (reminders, "post-returned", G_CALLBACK (post_returned_cb), fixture);
  sigap_reminders_set_opd (reminders, fixture->opd);
  g_assert_cmpuint (fixture->returned->len, ==, 0);

  sync_post (fixture, post, SIGAP_POST_STATUS_DRAFT, "Foto kurang jelas.");
  sync_post (fixture, other, SIGAP_POST_STATUS_DRAFT, "Sebutkan ruas jalannya.");
  sigap_reminders_reload (reminders);
  g_assert_cmpuint (fixture->returned->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->returned, 0), ==, sigap_post_get_id (post));

  /* The next syncs, and the next start of Sigap, do not tell again. */
  sigap_reminders_reload (reminders);
  g_clear_object (&reminders);
  reminders = sigap_reminders_new (application, fixture->store, fixture->opd);
  g_signal_connect (reminders, "post-returned", G_CALLBACK (post_returned_cb), fixture);
  sigap_reminders_reload (reminders);
  g_assert_cmpuint (fixture->returned->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/returned-posts/list", test_list);
  ADD ("/returned-posts/once-per-return", test_once_per_return);
  ADD ("/returned-posts/heading", test_heading);
  ADD ("/returned-posts/reminders", test_reminders);

#undef ADD

  return g_test_run ();
}
