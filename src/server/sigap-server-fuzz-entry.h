/* sigap-server-fuzz-entry.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The server's real request handling without sockets, for the fuzz target
 * in tests/fuzz/: one SigapHttpServer on a small demo store, fed one raw
 * HTTP request at a time through an in-memory stream. */
typedef struct _SigapServerFuzz SigapServerFuzz;

SigapServerFuzz *sigap_server_fuzz_new     (const char       *db_path,
                                            GError          **error);
guint            sigap_server_fuzz_request (SigapServerFuzz  *self,
                                            const char       *method,
                                            const char       *path,
                                            const char       *content_type,
                                            const char       *username,
                                            const guint8     *body,
                                            gsize             length,
                                            char            **response_body);
const char      *sigap_server_fuzz_lookup  (SigapServerFuzz  *self,
                                            const char       *placeholder);
void             sigap_server_fuzz_free    (SigapServerFuzz  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapServerFuzz, sigap_server_fuzz_free)

G_END_DECLS
