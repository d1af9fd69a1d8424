/* sigap-server-cli.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of sigap-server. */
#define SIGAP_SERVER_EXIT_OK     0
#define SIGAP_SERVER_EXIT_FAILED 1  /* the command could not do its work */
#define SIGAP_SERVER_EXIT_USAGE  2  /* the command line is wrong */

int sigap_server_cli_run (int    argc,
                          char **argv);

G_END_DECLS
