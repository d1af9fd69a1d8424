/* sigap-returned-posts.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-returned-posts"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-returned-posts.h"

/* Posts a verifikator returned to the agency: a draft again, with the
 * note on what to correct, as a sync brings it. The author is told once
 * per return: the store's meta table keeps, per post, a digest of the
 * note that was told. A post returned again comes with a new note and is
 * told again; the same post kept as a draft with the same note (edited,
 * withdrawn from review, or unscheduled by its agency) is not.
 */

#define META_PREFIX "returned-post:"

static gboolean
note_is_blank (const char *note)
{
  for (const char *p = note; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static char *
dup_meta_key (SigapPost *post)
{
  return g_strconcat (META_PREFIX, sigap_post_get_id (post), NULL);
}

static char *
dup_note_digest (SigapPost *post)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, sigap_post_get_review_note (post), -1);
}

/**
 * sigap_returned_posts_list_unnotified:
 * @store: the store
 * @opd_id: the signed-in agency
 * @error: return location for a #SigapStoreError
 *
 * Finds @opd_id's posts that a verifikator returned and that nobody was
 * told about yet: drafts with a note from the verifikator, as the server
 * sent them (a draft still waiting in the outbox is this desktop's own
 * change, not the server's).
 *
 * Returns: (transfer full) (element-type SigapPost) (nullable): the posts
 *   to tell about, or %NULL with @error set
 */
GPtrArray *
sigap_returned_posts_list_unnotified (SigapStore  *store,
                                      const char  *opd_id,
                                      GError     **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) returned = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);
  g_return_val_if_fail (opd_id != NULL, NULL);

  drafts = sigap_store_list_posts_by_status (store, opd_id, SIGAP_POST_STATUS_DRAFT, error);
  if (drafts == NULL)
    return NULL;

  returned = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < drafts->len; i++)
    {
      SigapPost *post = g_ptr_array_index (drafts, i);
      g_autofree char *key = NULL;
      g_autofree char *told = NULL;
      g_autofree char *digest = NULL;

      if (note_is_blank (sigap_post_get_review_note (post)) ||
          sigap_store_has_outbox (store, "post", sigap_post_get_id (post)))
        continue;

      key = dup_meta_key (post);
      told = sigap_store_get_meta (store, key);
      digest = dup_note_digest (post);
      if (g_strcmp0 (told, digest) != 0)
        g_ptr_array_add (returned, g_object_ref (post));
    }

  return g_steal_pointer (&returned);
}

/**
 * sigap_returned_posts_mark_notified:
 * @store: the store
 * @post: a returned post
 * @error: return location for a #SigapStoreError
 *
 * Remembers that the author was told about @post's return with its
 * current note.
 *
 * Returns: whether it was remembered
 */
gboolean
sigap_returned_posts_mark_notified (SigapStore  *store,
                                    SigapPost   *post,
                                    GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (SIGAP_IS_STORE (store), FALSE);
  g_return_val_if_fail (SIGAP_IS_POST (post), FALSE);

  if (note_is_blank (sigap_post_get_review_note (post)))
    return TRUE;

  key = dup_meta_key (post);
  digest = dup_note_digest (post);

  return sigap_store_set_meta (store, key, digest, error);
}

/**
 * sigap_returned_post_dup_heading:
 * @post: a returned post
 *
 * Returns: (transfer full): what the notification says first: "Post
 *   returned:" and the post's title, or its first words
 */
char *
sigap_returned_post_dup_heading (SigapPost *post)
{
  const char *title;
  const char *body;
  g_autofree char *excerpt = NULL;

  g_return_val_if_fail (SIGAP_IS_POST (post), NULL);

  title = sigap_post_get_title (post);
  body = sigap_post_get_body (post);
  if (title == NULL || title[0] == '\0')
    {
      if (body != NULL && body[0] != '\0')
        excerpt = sigap_format_excerpt (body, 8);
      title = excerpt != NULL ? excerpt : _("Untitled post");
    }

  /* Translators: a notification's title when Diskominfo's verifikator
   * returned a post; %s is the post's title */
  return g_strdup_printf (_("Post returned: %s"), title);
}

/**
 * sigap_returned_post_notification_new:
 * @post: a returned post
 *
 * Builds the notification that tells the author: "Post returned:" and
 * the post's title, the verifikator's note as its body; it opens the
 * post with the `app.open-post` action.
 *
 * Returns: (transfer full): the notification
 */
GNotification *
sigap_returned_post_notification_new (SigapPost *post)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *heading = NULL;
  const char *post_id;

  g_return_val_if_fail (SIGAP_IS_POST (post), NULL);

  post_id = sigap_post_get_id (post);
  heading = sigap_returned_post_dup_heading (post);
  notification = g_notification_new (heading);
  g_notification_set_body (notification, sigap_post_get_review_note (post));
  g_notification_set_default_action_and_target (notification, "app.open-post", "s", post_id);
  /* Translators: a button of a notification that opens the post */
  g_notification_add_button_with_target (notification, _("Open"), "app.open-post", "s", post_id);

  return g_steal_pointer (&notification);
}
