/* sigap-spell-buffer.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sigap-spell.h"

G_BEGIN_DECLS

/* How long after the last change the changed paragraphs are checked. */
#define SIGAP_SPELL_BUFFER_DELAY_MS 150

/* How many suggestions the context menu offers at most. */
#define SIGAP_SPELL_BUFFER_MAX_SUGGESTIONS 5

#define SIGAP_TYPE_SPELL_BUFFER (sigap_spell_buffer_get_type ())

G_DECLARE_FINAL_TYPE (SigapSpellBuffer, sigap_spell_buffer, SIGAP, SPELL_BUFFER, GObject)

SigapSpellBuffer *sigap_spell_buffer_new                (GtkTextView       *view,
                                                         SigapSpell        *spell);
GtkTextView      *sigap_spell_buffer_get_view           (SigapSpellBuffer  *self);
SigapSpell       *sigap_spell_buffer_get_spell          (SigapSpellBuffer  *self);
void              sigap_spell_buffer_set_spell          (SigapSpellBuffer  *self,
                                                         SigapSpell        *spell);
GtkTextTag       *sigap_spell_buffer_get_tag            (SigapSpellBuffer  *self);
GMenuModel       *sigap_spell_buffer_get_menu           (SigapSpellBuffer  *self);

char            **sigap_spell_buffer_dup_misspelled     (SigapSpellBuffer  *self);
void              sigap_spell_buffer_recheck_now        (SigapSpellBuffer  *self);
void              sigap_spell_buffer_update_corrections (SigapSpellBuffer  *self,
                                                         const GtkTextIter *iter);

char             *sigap_spell_format_misspelled         (const char * const *words);

G_END_DECLS
