/* sigap-http-server.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "sigap-server-store.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_HTTP_SERVER (sigap_http_server_get_type())

G_DECLARE_FINAL_TYPE (SigapHttpServer, sigap_http_server, SIGAP, HTTP_SERVER, GObject)

/* The central server: JSON over HTTP(S) under /api/v1, on a store. It
 * serves on the thread-default main context of the thread that calls
 * sigap_http_server_listen(). */
SigapHttpServer *sigap_http_server_new         (SigapServerStore *store);

/* Listens on @address ("127.0.0.1", "0.0.0.0", "::1") and @port (0 picks
 * a free one); with @tls_cert and @tls_key (PEM files) it speaks HTTPS. */
gboolean         sigap_http_server_listen      (SigapHttpServer  *self,
                                                const char       *address,
                                                guint16           port,
                                                const char       *tls_cert,
                                                const char       *tls_key,
                                                GError          **error);
/* The port it listens on, after listen(). */
guint16          sigap_http_server_get_port    (SigapHttpServer  *self);
void             sigap_http_server_disconnect  (SigapHttpServer  *self);

/* Answers the requests on @stream without a socket (the fuzz target). */
gboolean         sigap_http_server_accept_iostream (SigapHttpServer  *self,
                                                    GIOStream        *stream,
                                                    GError          **error);
SoupServer      *sigap_http_server_get_soup_server (SigapHttpServer  *self);

G_END_DECLS
