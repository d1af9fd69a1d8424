/* test-sync-ui.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The desktop's sync session without a server or a keyring: what the
 * indicator shows for each state, a new database working offline, a
 * sign-in to an address nobody answers at, and the sign-in window and the
 * indicator built on it. The sign-in that succeeds, the keyring and the
 * background sync are driven end to end by tests/ui/test_sync.py. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sigap-sign-in-window.h"
#include "sigap-sync-indicator.h"
#include "sigap-sync-manager.h"
#include "sigap-test-utils.h"

typedef struct
{
  char *dir;
  SigapStore *store;
} Fixture;

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
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  sigap_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
test_status (void)
{
  static const struct {
    gboolean signed_in;
    SigapSyncState state;
    SigapSyncStatus status;
  } cases[] = {
    { FALSE, SIGAP_SYNC_STATE_IDLE, SIGAP_SYNC_STATUS_OFFLINE },
    { FALSE, SIGAP_SYNC_STATE_SYNCING, SIGAP_SYNC_STATUS_OFFLINE },
    { FALSE, SIGAP_SYNC_STATE_FAILED, SIGAP_SYNC_STATUS_OFFLINE },
    { TRUE, SIGAP_SYNC_STATE_IDLE, SIGAP_SYNC_STATUS_SYNCED },
    { TRUE, SIGAP_SYNC_STATE_SYNCING, SIGAP_SYNC_STATUS_SYNCING },
    { TRUE, SIGAP_SYNC_STATE_OFFLINE, SIGAP_SYNC_STATUS_OFFLINE },
    { TRUE, SIGAP_SYNC_STATE_FAILED, SIGAP_SYNC_STATUS_FAILED },
  };
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (sigap_sync_status_from_state (cases[i].signed_in, cases[i].state),
                     ==, cases[i].status);

  for (SigapSyncStatus s = SIGAP_SYNC_STATUS_OFFLINE; s <= SIGAP_SYNC_STATUS_FAILED; s++)
    {
      const char *label = sigap_sync_status_to_label (s);

      g_assert_nonnull (label);
      g_assert_nonnull (sigap_sync_status_to_icon_name (s));
      g_assert_false (g_hash_table_contains (labels, label));
      g_hash_table_add (labels, (gpointer) label);
    }
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SigapSyncManager) manager = sigap_sync_manager_new (fixture->store);
  g_autofree char *server_url = NULL;

  /* Nobody signed in on this database: start looks for no token. */
  sigap_sync_manager_start (manager);
  g_assert_false (sigap_sync_manager_get_signed_in (manager));
  g_assert_cmpint (sigap_sync_manager_get_status (manager), ==, SIGAP_SYNC_STATUS_OFFLINE);
  g_assert_nonnull (sigap_sync_manager_get_message (manager));
  server_url = sigap_sync_manager_dup_server_url (manager);
  g_assert_null (server_url);

  /* Syncing needs a sign-in; asking is harmless. */
  sigap_sync_manager_sync_now (manager);
  sigap_sync_manager_sign_out (manager);
  g_assert_cmpint (sigap_sync_manager_get_status (manager), ==, SIGAP_SYNC_STATUS_OFFLINE);
  g_assert_false (sigap_store_get_outbox_enabled (fixture->store));
}

static void
sign_in_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (sigap_sync_manager_sign_in_finish (SIGAP_SYNC_MANAGER (object), result,
                                                     error));
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SigapSyncManager) manager = sigap_sync_manager_new (fixture->store);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) sign_in_error = NULL;
  guint16 port;

  /* A port that was free a moment ago: nobody answers there. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
  g_socket_close (socket, NULL);

  /* Typed without a scheme, as people do. */
  url = g_strdup_printf ("127.0.0.1:%u/", port);
  sigap_sync_manager_sign_in_async (manager, url, "dinkes", "sigap-demo", NULL,
                                    sign_in_cb, &sign_in_error);
  while (sign_in_error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (sign_in_error, SIGAP_SYNC_ERROR, SIGAP_SYNC_ERROR_NETWORK);
  g_assert_nonnull (strstr (sign_in_error->message, "http://127.0.0.1:"));
  g_assert_false (sigap_sync_manager_get_signed_in (manager));
  g_assert_false (sigap_store_get_outbox_enabled (fixture->store));
}

static void
test_widgets (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SigapSyncManager) manager = sigap_sync_manager_new (fixture->store);
  SigapSyncIndicator *indicator;
  SigapSignInWindow *window;

  indicator = g_object_ref_sink (g_object_new (SIGAP_TYPE_SYNC_INDICATOR, NULL));
  g_assert_null (sigap_sync_indicator_get_manager (indicator));
  sigap_sync_indicator_set_manager (indicator, manager);
  g_assert_true (sigap_sync_indicator_get_manager (indicator) == manager);
  sigap_sync_indicator_set_manager (indicator, NULL);
  g_object_unref (indicator);

  window = sigap_sign_in_window_new (NULL, manager);
  g_assert_null (sigap_sign_in_window_get_error (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GDK_BACKEND", "x11", FALSE);

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/sync-ui/status", test_status);
  g_test_add ("/sync-ui/offline", Fixture, NULL,
              fixture_set_up, test_offline, fixture_tear_down);
  g_test_add ("/sync-ui/unreachable", Fixture, NULL,
              fixture_set_up, test_unreachable, fixture_tear_down);
  g_test_add ("/sync-ui/widgets", Fixture, NULL,
              fixture_set_up, test_widgets, fixture_tear_down);

  return g_test_run ();
}
