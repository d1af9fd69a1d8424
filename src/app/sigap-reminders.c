/* sigap-reminders.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-reminders.h"
#include "sigap-returned-posts.h"

/* A desktop notification when a scheduled post of the signed-in agency
 * is due. One timer at a time, armed for the next post; it never sleeps
 * longer than MAX_SLEEP_S, because its clock is the monotonic one and
 * the posts' is the wall clock: after a suspend or a clock change the
 * next look happens soon enough to tell a post that fell due meanwhile
 * within the grace period. At each look it also tells the author about
 * the agency's posts a verifikator returned (sigap-returned-posts.c). */

#define MAX_SLEEP_S (5 * 60)
#define LOOKAHEAD_S (24 * 3600)

struct _SigapReminders
{
  GObject parent_instance;

  /* Weak: the application owns us. */
  GApplication *application;
  SigapStore *store;
  SigapOpd *opd;

  SigapRemindersNowFunc now_func;
  gpointer now_data;
  GDestroyNotify now_destroy;

  /* UTC seconds up to which due posts were looked for; -1 before the
   * first look at the agency, which then reaches back the grace period
   * for what fell due while Sigap was closed. */
  gint64 checked_until;

  /* Post IDs already told about in this run: never twice. */
  GHashTable *notified;

  guint timeout_source;
  guint reload_source;
  char *next_post_id;
  gint64 next_due;
};

G_DEFINE_FINAL_TYPE (SigapReminders, sigap_reminders, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_STORE,
  PROP_OPD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  POST_DUE,
  POST_RETURNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
get_now (SigapReminders *self)
{
  if (self->now_func != NULL)
    return self->now_func (self->now_data);

  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
dup_post_title (SigapPost *post)
{
  const char *title = sigap_post_get_title (post);
  const char *body = sigap_post_get_body (post);

  if (title != NULL && title[0] != '\0')
    return g_strdup (title);

  if (body != NULL && body[0] != '\0')
    return sigap_format_excerpt (body, 8);

  return g_strdup (_("Untitled post"));
}

static GNotification *
build_notification (SigapReminders *self,
                    SigapPost      *post)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GTimeZone) zone = sigap_opd_dup_zone (self->opd);
  g_autofree char *body = sigap_reminder_format_body (post, zone);
  const char *post_id = sigap_post_get_id (post);

  notification = g_notification_new (_("A scheduled post is due now"));
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.open-post", "s", post_id);
  /* Translators: a button of a reminder that opens the post */
  g_notification_add_button_with_target (notification, _("Open"),
                                         "app.open-post", "s", post_id);

  return g_steal_pointer (&notification);
}

static void
send_reminder (SigapReminders *self,
               SigapPost      *post)
{
  g_autoptr(GNotification) notification = build_notification (self, post);
  g_autofree char *id = g_strconcat ("post-due-", sigap_post_get_id (post), NULL);

  g_hash_table_add (self->notified, g_strdup (sigap_post_get_id (post)));

  g_signal_emit (self, signals[POST_DUE], 0, post, notification);

  /* Without a session bus there is nobody to show it to, and GLib's
   * fallback backend would complain about each one. */
  if (self->application != NULL &&
      g_application_get_is_registered (self->application) &&
      g_application_get_dbus_connection (self->application) != NULL)
    g_application_send_notification (self->application, id, notification);
}

/* Tells the author about each post of the agency that a verifikator
 * returned since the last look, once per return. */
static void
tell_returned (SigapReminders *self)
{
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) error = NULL;

  posts = sigap_returned_posts_list_unnotified (self->store, sigap_opd_get_id (self->opd),
                                                &error);
  if (posts == NULL)
    {
      g_message ("Cannot read the returned posts: %s", error->message);
      return;
    }

  for (guint i = 0; i < posts->len; i++)
    {
      SigapPost *post = g_ptr_array_index (posts, i);
      g_autoptr(GNotification) notification = sigap_returned_post_notification_new (post);
      g_autofree char *id = g_strconcat ("post-returned-", sigap_post_get_id (post), NULL);

      if (!sigap_returned_posts_mark_notified (self->store, post, &error))
        {
          g_message ("Cannot remember a returned post: %s", error->message);
          return;
        }

      g_signal_emit (self, signals[POST_RETURNED], 0, post, notification);

      if (self->application != NULL &&
          g_application_get_is_registered (self->application) &&
          g_application_get_dbus_connection (self->application) != NULL)
        g_application_send_notification (self->application, id, notification);
    }
}

static gboolean timeout_cb (gpointer user_data);

/* Tells about every scheduled post that fell due since the last look,
 * then sleeps until the next one. */
static void
check_and_arm (SigapReminders *self)
{
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now;
  gint64 from;
  guint delay = MAX_SLEEP_S;

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_pointer (&self->next_post_id, g_free);
  self->next_due = 0;

  if (self->store == NULL || self->opd == NULL)
    return;

  now = get_now (self);
  from = now - SIGAP_REMINDERS_GRACE_S;
  if (self->checked_until >= 0)
    from = MAX (from, self->checked_until + 1);

  posts = sigap_store_list_posts (self->store, sigap_opd_get_id (self->opd),
                                  from, now + LOOKAHEAD_S, &error);
  if (posts == NULL)
    {
      g_message ("Cannot read the coming posts for reminders: %s", error->message);
    }
  else
    {
      for (guint i = 0; i < posts->len; i++)
        {
          SigapPost *post = g_ptr_array_index (posts, i);
          gint64 at = sigap_post_get_scheduled_at (post);

          if (sigap_post_get_status (post) != SIGAP_POST_STATUS_SCHEDULED ||
              g_hash_table_contains (self->notified, sigap_post_get_id (post)))
            continue;

          if (at <= now)
            {
              send_reminder (self, post);
            }
          else if (self->next_post_id == NULL)
            {
              self->next_post_id = g_strdup (sigap_post_get_id (post));
              self->next_due = at;
            }
        }

      self->checked_until = now;
    }

  tell_returned (self);

  if (self->next_post_id != NULL)
    delay = (guint) CLAMP (self->next_due - now, 1, MAX_SLEEP_S);

  self->timeout_source = g_timeout_add_seconds (delay, timeout_cb, self);
  g_source_set_name_by_id (self->timeout_source, "[sigap] reminders");
}

static gboolean
timeout_cb (gpointer user_data)
{
  SigapReminders *self = user_data;

  self->timeout_source = 0;
  check_and_arm (self);

  return G_SOURCE_REMOVE;
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SigapReminders *self = user_data;

  self->reload_source = 0;
  check_and_arm (self);

  return G_SOURCE_REMOVE;
}

/* On a desktop that syncs, every local write of a post (a reschedule in
 * the calendar, a status change in the composer) goes through the outbox;
 * one look after a burst of them is enough. Offline, the window reloads
 * after its own writes, and anything else is seen at the next look, at
 * most MAX_SLEEP_S later. */
static void
outbox_changed_cb (SigapReminders *self,
                   SigapStore     *store)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
sigap_reminders_constructed (GObject *object)
{
  SigapReminders *self = (SigapReminders *)object;

  G_OBJECT_CLASS (sigap_reminders_parent_class)->constructed (object);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "outbox-changed",
                             G_CALLBACK (outbox_changed_cb), self, G_CONNECT_SWAPPED);

  check_and_arm (self);
}

static void
sigap_reminders_dispose (GObject *object)
{
  SigapReminders *self = (SigapReminders *)object;

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->store);
  g_clear_object (&self->opd);

  G_OBJECT_CLASS (sigap_reminders_parent_class)->dispose (object);
}

static void
sigap_reminders_finalize (GObject *object)
{
  SigapReminders *self = (SigapReminders *)object;

  if (self->now_destroy != NULL)
    self->now_destroy (self->now_data);
  g_clear_pointer (&self->notified, g_hash_table_unref);
  g_clear_pointer (&self->next_post_id, g_free);

  G_OBJECT_CLASS (sigap_reminders_parent_class)->finalize (object);
}

static void
sigap_reminders_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SigapReminders *self = SIGAP_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_OPD:
      g_value_set_object (value, self->opd);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_reminders_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SigapReminders *self = SIGAP_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_set_weak_pointer (&self->application, g_value_get_object (value));
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_OPD:
      sigap_reminders_set_opd (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_reminders_class_init (SigapRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sigap_reminders_constructed;
  object_class->dispose = sigap_reminders_dispose;
  object_class->finalize = sigap_reminders_finalize;
  object_class->get_property = sigap_reminders_get_property;
  object_class->set_property = sigap_reminders_set_property;

  /**
   * SigapReminders:application:
   *
   * The application that sends the notifications; its `app.open-post`
   * action opens the post.
   */
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL,
                         G_TYPE_APPLICATION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SigapReminders:store:
   *
   * Where the posts are read.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SIGAP_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SigapReminders:opd:
   *
   * The signed-in agency, whose posts are watched; %NULL watches none.
   */
  properties[PROP_OPD] =
    g_param_spec_object ("opd", NULL, NULL,
                         SIGAP_TYPE_OPD,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SigapReminders::post-due:
   * @self: the reminders
   * @post: the post that is due
   * @notification: the notification about it
   *
   * Emitted once for each scheduled post that falls due, as its
   * notification is sent.
   */
  signals[POST_DUE] =
    g_signal_new ("post-due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, SIGAP_TYPE_POST, G_TYPE_NOTIFICATION);

  /**
   * SigapReminders::post-returned:
   * @self: the reminders
   * @post: the post a verifikator returned, a draft with the note
   * @notification: the notification about it
   *
   * Emitted once for each return of a post of the agency, as its
   * notification is sent.
   */
  signals[POST_RETURNED] =
    g_signal_new ("post-returned",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, SIGAP_TYPE_POST, G_TYPE_NOTIFICATION);
}

static void
sigap_reminders_init (SigapReminders *self)
{
  self->checked_until = -1;
  self->notified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * sigap_reminders_new:
 * @application: the application that sends the notifications
 * @store: where the posts are read
 * @opd: (nullable): the signed-in agency
 *
 * Looks at once for posts that fell due in the last
 * %SIGAP_REMINDERS_GRACE_S seconds and arms the timer for the next one.
 *
 * Returns: (transfer full): the reminders
 */
SigapReminders *
sigap_reminders_new (GApplication *application,
                     SigapStore   *store,
                     SigapOpd     *opd)
{
  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);
  g_return_val_if_fail (opd == NULL || SIGAP_IS_OPD (opd), NULL);

  return g_object_new (SIGAP_TYPE_REMINDERS,
                       "application", application,
                       "store", store,
                       "opd", opd,
                       NULL);
}

/**
 * sigap_reminders_get_opd:
 * @self: a #SigapReminders
 *
 * Returns: (transfer none) (nullable): the agency whose posts are watched
 */
SigapOpd *
sigap_reminders_get_opd (SigapReminders *self)
{
  g_return_val_if_fail (SIGAP_IS_REMINDERS (self), NULL);

  return self->opd;
}

/**
 * sigap_reminders_set_opd:
 * @self: a #SigapReminders
 * @opd: (nullable): the signed-in agency
 *
 * Watches @opd's posts instead. Another agency is looked at as on
 * start-up; the same agency read again keeps what was told.
 */
void
sigap_reminders_set_opd (SigapReminders *self,
                         SigapOpd       *opd)
{
  gboolean same_agency;

  g_return_if_fail (SIGAP_IS_REMINDERS (self));
  g_return_if_fail (opd == NULL || SIGAP_IS_OPD (opd));

  if (self->opd == opd)
    return;

  same_agency = self->opd != NULL && opd != NULL &&
                g_strcmp0 (sigap_opd_get_id (self->opd), sigap_opd_get_id (opd)) == 0;

  g_set_object (&self->opd, opd);
  if (!same_agency)
    self->checked_until = -1;

  check_and_arm (self);

  if (!same_agency)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPD]);
}

/**
 * sigap_reminders_set_now_func:
 * @self: a #SigapReminders
 * @func: (nullable): the clock, %NULL for the real one
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Gives the reminders another clock, for tests. Takes effect at the next
 * look, sigap_reminders_reload().
 */
void
sigap_reminders_set_now_func (SigapReminders        *self,
                              SigapRemindersNowFunc  func,
                              gpointer               user_data,
                              GDestroyNotify         destroy)
{
  g_return_if_fail (SIGAP_IS_REMINDERS (self));

  if (self->now_destroy != NULL)
    self->now_destroy (self->now_data);

  self->now_func = func;
  self->now_data = user_data;
  self->now_destroy = destroy;
}

/**
 * sigap_reminders_reload:
 * @self: a #SigapReminders
 *
 * Reads the posts again: tells about those that fell due since the last
 * look and arms the timer for the next one. Call it when posts changed
 * other than by a local write, such as after a sync.
 */
void
sigap_reminders_reload (SigapReminders *self)
{
  g_return_if_fail (SIGAP_IS_REMINDERS (self));

  check_and_arm (self);
}

/**
 * sigap_reminders_get_next_post_id:
 * @self: a #SigapReminders
 *
 * Returns: (nullable): the ID of the post the timer waits for, %NULL when
 *   none is scheduled in the next day
 */
const char *
sigap_reminders_get_next_post_id (SigapReminders *self)
{
  g_return_val_if_fail (SIGAP_IS_REMINDERS (self), NULL);

  return self->next_post_id;
}

/**
 * sigap_reminders_get_next_due:
 * @self: a #SigapReminders
 *
 * Returns: when the post the timer waits for is due, UTC seconds, or 0
 */
gint64
sigap_reminders_get_next_due (SigapReminders *self)
{
  g_return_val_if_fail (SIGAP_IS_REMINDERS (self), 0);

  return self->next_due;
}

/**
 * sigap_reminders_get_armed:
 * @self: a #SigapReminders
 *
 * Returns: whether the timer is running
 */
gboolean
sigap_reminders_get_armed (SigapReminders *self)
{
  g_return_val_if_fail (SIGAP_IS_REMINDERS (self), FALSE);

  return self->timeout_source != 0;
}

/**
 * sigap_reminder_format_body:
 * @post: a post
 * @zone: the agency's time zone
 *
 * Returns: (transfer full): what a reminder says about @post: its title
 *   (or first words), then its platforms and its time in @zone with the
 *   zone's name, as in "Rapat koordinasi konten\nFacebook, Instagram ·
 *   09.00 WIB"
 */
char *
sigap_reminder_format_body (SigapPost *post,
                            GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *title = NULL;
  g_autofree char *platforms = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (SIGAP_IS_POST (post), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  title = dup_post_title (post);
  platforms = sigap_post_dup_platforms_text (post);
  utc = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (post));
  local = g_date_time_to_timezone (utc, zone);
  time = sigap_format_time (local);

  /* Translators: the body of a reminder: the post's title, then its
   * platforms, its time and the agency's time zone, as in
   * "Rapat koordinasi konten\nFacebook, Instagram · 09.00 WIB" */
  return g_strdup_printf (_("%s\n%s · %s %s"), title, platforms, time,
                          g_date_time_get_timezone_abbreviation (local));
}
