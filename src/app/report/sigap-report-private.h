/* sigap-report-private.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A button whose accessible name reads as its label: GTK 4.8 names a
 * gtk_button_new_with_mnemonic() by its text with the underscore too. */
static inline GtkWidget *
sigap_mnemonic_button_new (const char *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_button_set_child (GTK_BUTTON (button), label);

  return button;
}

G_END_DECLS
