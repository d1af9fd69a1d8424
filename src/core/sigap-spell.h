/* sigap-spell.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SIGAP_SPELL_ERROR (sigap_spell_error_quark ())

/**
 * SigapSpellError:
 * @SIGAP_SPELL_ERROR_NO_DICTIONARY: no dictionary is installed for the
 *   language; the message is a translated sentence that says what to
 *   install
 */
typedef enum
{
  SIGAP_SPELL_ERROR_NO_DICTIONARY,
} SigapSpellError;

/**
 * SigapSpellRange:
 * @start: the byte offset of the word's first byte in the text
 * @end: the byte offset just past the word's last byte
 * @char_start: the character offset of the word's first character, as
 *   gtk_text_buffer_get_iter_at_offset() counts them
 * @char_end: the character offset just past the word's last character
 *
 * A misspelled word in a text given to sigap_spell_check_text().
 */
typedef struct
{
  gsize start;
  gsize end;
  guint char_start;
  guint char_end;
} SigapSpellRange;

#define SIGAP_TYPE_SPELL (sigap_spell_get_type ())

G_DECLARE_FINAL_TYPE (SigapSpell, sigap_spell, SIGAP, SPELL, GObject)

GQuark      sigap_spell_error_quark   (void);

SigapSpell *sigap_spell_new           (const char  *language,
                                       GError     **error);
const char *sigap_spell_get_language  (SigapSpell  *self);

GArray     *sigap_spell_check_text    (SigapSpell  *self,
                                       const char  *text);
gboolean    sigap_spell_check_word    (SigapSpell  *self,
                                       const char  *word);
char      **sigap_spell_suggest       (SigapSpell  *self,
                                       const char  *word);
void        sigap_spell_add_word      (SigapSpell  *self,
                                       const char  *word);
void        sigap_spell_ignore_word   (SigapSpell  *self,
                                       const char  *word);

G_END_DECLS
