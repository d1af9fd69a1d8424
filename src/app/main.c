/* main.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "sigap-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SigapApplication) app = NULL;
  const char *localedir;

  /* Tests and `dev run` point at the catalogues in the build tree. */
  localedir = g_getenv ("SIGAP_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name ("Sigap");

  app = sigap_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
