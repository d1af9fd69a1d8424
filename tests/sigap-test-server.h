/* sigap-test-server.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real SigapHttpServer for the server tests: on 127.0.0.1 with a free
 * port, over a database file, in its own thread and main context, so the
 * test thread can talk to it as a client would.
 */

#pragma once

#include <glib.h>

#include "sigap-http-server.h"
#include "sigap-server-sqlite-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *path;
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  GMutex lock;
  GCond cond;
  gboolean ready;
  guint16 port;
} SigapTestServer;

static inline gpointer
sigap_test_server_thread (gpointer data)
{
  SigapTestServer *s = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapServerStore) store = NULL;
  g_autoptr(SigapHttpServer) server = NULL;

  g_main_context_push_thread_default (s->context);

  store = sigap_server_sqlite_store_new (s->path, &error);
  g_assert_no_error (error);
  server = sigap_http_server_new (store);
  sigap_http_server_listen (server, "127.0.0.1", 0, NULL, NULL, &error);
  g_assert_no_error (error);

  g_mutex_lock (&s->lock);
  s->port = sigap_http_server_get_port (server);
  s->ready = TRUE;
  g_cond_signal (&s->cond);
  g_mutex_unlock (&s->lock);

  g_main_loop_run (s->loop);

  sigap_http_server_disconnect (server);
  g_clear_object (&server);
  g_clear_object (&store);

  g_main_context_pop_thread_default (s->context);

  return NULL;
}

/* Starts serving @path and returns the port once the server listens. */
static inline guint16
sigap_test_server_start (SigapTestServer *s,
                         const char      *path)
{
  s->path = g_strdup (path);
  s->ready = FALSE;
  s->context = g_main_context_new ();
  s->loop = g_main_loop_new (s->context, FALSE);
  g_mutex_init (&s->lock);
  g_cond_init (&s->cond);

  s->thread = g_thread_new ("sigap-http-server", sigap_test_server_thread, s);

  g_mutex_lock (&s->lock);
  while (!s->ready)
    g_cond_wait (&s->cond, &s->lock);
  g_mutex_unlock (&s->lock);

  g_assert_cmpuint (s->port, >, 0);

  return s->port;
}

static inline gboolean
sigap_test_server_quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

static inline void
sigap_test_server_stop (SigapTestServer *s)
{
  GSource *source = g_idle_source_new ();

  /* From the server's own loop: quitting it from here before the thread
   * entered g_main_loop_run() would leave it running for ever. */
  g_source_set_callback (source, sigap_test_server_quit_cb, s->loop, NULL);
  g_source_attach (source, s->context);
  g_source_unref (source);
  g_thread_join (s->thread);

  g_main_loop_unref (s->loop);
  g_main_context_unref (s->context);
  g_mutex_clear (&s->lock);
  g_cond_clear (&s->cond);
  g_clear_pointer (&s->path, g_free);
}

G_END_DECLS
