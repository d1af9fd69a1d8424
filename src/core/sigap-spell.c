/* sigap-spell.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-spell"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <enchant.h>

#include "sigap-spell.h"

/**
 * SigapSpell:
 *
 * Spell checking of a post's text with Enchant, in Indonesian with the
 * hunspell-id dictionary.
 *
 * What is a word (sigap_spell_check_text())
 *
 * The text is cut at white space into chunks; a chunk that is a URL
 * (with "://"), an e-mail address or a mention (with "@") or a domain
 * name or abbreviation (a dot between two letters or digits, as in
 * www.dinkes.go.id or S.Kom) is left alone as a whole. In
 * the other chunks a word is a run of letters (g_unichar_isalnum(), with
 * their combining marks) in which a hyphen or an apostrophe between two
 * letters is kept, so that Indonesian reduplication ("anak-anak",
 * "sehari-hari") and clitics ("PKK-nya") are one word. Left alone too:
 * a hashtag (the word right after "#"), a word with a digit or an
 * underscore (COVID-19, 10km, nama_akun), a single letter, an ALL-CAPS
 * abbreviation of 2 to 6 letters (OPD, BPJS, DPRD) and a word with a
 * letter outside the Latin script (an Arabic greeting is not misspelled
 * Indonesian).
 *
 * When is a word right
 *
 * When the dictionary (with the user's personal words and the words
 * ignored in this session) accepts it; failing that, a word with hyphens
 * is right when every part is: each part accepted by the dictionary, an
 * abbreviation, or after the first part a clitic (-nya, -ku, -mu, -lah,
 * -kah, -pun, -tah). So "anak-anak" is right however the dictionary
 * treats reduplication, and "anak-anakk" is one misspelled word.
 *
 * hunspell-id lacks some words that government posts use every day
 * (Selasa, posyandu, balita, warganet...): they are added to the
 * session, never to the user's dictionary.
 */

#define MAX_ABBREVIATION 6

struct _SigapSpell
{
  GObject        parent_instance;

  char          *language;
  EnchantBroker *broker;
  EnchantDict   *dict;
};

static void sigap_spell_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SigapSpell, sigap_spell, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      sigap_spell_initable_iface_init))

G_DEFINE_QUARK (sigap-spell-error-quark, sigap_spell_error)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Words of everyday government posts that hunspell-id (2.0) does not
 * know, checked against it: a weekday, public services, the web. */
static const char * const extra_words[] = {
  "Selasa",
  "balita",
  "bansos",
  "daring",
  "diskominfo",
  "hoaks",
  "infografis",
  "kominfo",
  "luring",
  "pemkab",
  "pemkot",
  "posyandu",
  "sekda",
  "sembako",
  "stunting",
  "unggahan",
  "warganet",
};

static const char * const clitics[] = {
  "nya", "ku", "mu", "lah", "kah", "pun", "tah",
};

typedef struct
{
  gunichar c;
  gsize    offset;
} Char;

/* The text's characters with their byte offsets, and one more past the
 * end (a NUL) so that a look-ahead needs no bounds check. */
static GArray *
decode (const char *text)
{
  GArray *chars = g_array_new (FALSE, FALSE, sizeof (Char));
  const char *p;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      Char ch = { g_utf8_get_char (p), p - text };

      g_array_append_val (chars, ch);
    }

  {
    Char end = { 0, p - text };

    g_array_append_val (chars, end);
  }

  return chars;
}

static inline gunichar
char_at (GArray *chars,
         guint   i)
{
  return g_array_index (chars, Char, i).c;
}

static gboolean
is_connector (gunichar c)
{
  /* hyphen-minus, apostrophe, right single quotation mark (the typographic
   * apostrophe), hyphen, non-breaking hyphen */
  return c == '-' || c == '\'' || c == 0x2019 || c == 0x2010 || c == 0x2011;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

/* A URL, an e-mail address, a mention or a domain name: the whole chunk
 * [start, end) is left alone. ("www." is a dot between letters too.) */
static gboolean
chunk_is_address (GArray *chars,
                  guint   start,
                  guint   end)
{
  for (guint i = start; i < end; i++)
    {
      gunichar c = char_at (chars, i);

      if (c == '@' || c == 0xFF20)
        return TRUE;
      if (c == ':' && i + 2 < end &&
          char_at (chars, i + 1) == '/' && char_at (chars, i + 2) == '/')
        return TRUE;
      if (c == '.' && i > start && i + 1 < end &&
          g_unichar_isalnum (char_at (chars, i - 1)) &&
          g_unichar_isalnum (char_at (chars, i + 1)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_abbreviation (const char *word,
                 gssize      length)
{
  const char *end = word + (length < 0 ? (gssize) strlen (word) : length);
  guint letters = 0;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) || !g_unichar_isupper (c))
        return FALSE;
      letters++;
    }

  return letters >= 2 && letters <= MAX_ABBREVIATION;
}

static gboolean
is_clitic (const char *part)
{
  for (guint i = 0; i < G_N_ELEMENTS (clitics); i++)
    if (g_ascii_strcasecmp (part, clitics[i]) == 0)
      return TRUE;

  return FALSE;
}

/* The form the dictionary knows: NFC, a plain apostrophe and a plain
 * hyphen. */
static char *
normalize_word (const char *word,
                gssize      length)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  const char *end = word + (length < 0 ? (gssize) strlen (word) : length);

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019)
        g_string_append_c (plain, '\'');
      else if (c == 0x2010 || c == 0x2011)
        g_string_append_c (plain, '-');
      else
        g_string_append_unichar (plain, c);
    }

  return g_utf8_normalize (plain->str, plain->len, G_NORMALIZE_NFC);
}

static gboolean
dict_accepts (SigapSpell *self,
              const char *word)
{
  return enchant_dict_check (self->dict, word, strlen (word)) == 0;
}

static gboolean
word_is_correct (SigapSpell *self,
                 const char *word,
                 gssize      length)
{
  g_autofree char *normal = normalize_word (word, length);
  g_auto(GStrv) parts = NULL;

  if (normal == NULL)
    return FALSE;
  if (dict_accepts (self, normal))
    return TRUE;
  if (strchr (normal, '-') == NULL)
    return FALSE;

  parts = g_strsplit (normal, "-", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        return FALSE;
      if (is_abbreviation (parts[i], -1))
        continue;
      if (i > 0 && is_clitic (parts[i]))
        continue;
      if (!dict_accepts (self, parts[i]))
        return FALSE;
    }

  return TRUE;
}

/* Whether the token [start, end) is a word to check at all. */
static gboolean
token_is_checked (GArray     *chars,
                  guint       chunk_start,
                  guint       start,
                  guint       end,
                  const char *text)
{
  guint letters = 0;
  gboolean lower = FALSE;

  /* a hashtag */
  if (start > chunk_start &&
      (char_at (chars, start - 1) == '#' || char_at (chars, start - 1) == 0xFF03))
    return FALSE;

  for (guint i = start; i < end; i++)
    {
      gunichar c = char_at (chars, i);

      if (c == '_')
        return FALSE;
      if (g_unichar_isalpha (c))
        {
          GUnicodeScript script = g_unichar_get_script (c);

          if (script != G_UNICODE_SCRIPT_LATIN &&
              script != G_UNICODE_SCRIPT_COMMON &&
              script != G_UNICODE_SCRIPT_INHERITED)
            return FALSE;
          letters++;
          if (!g_unichar_isupper (c))
            lower = TRUE;
        }
      else if (g_unichar_isalnum (c))
        {
          /* a digit, in whatever script */
          return FALSE;
        }
    }

  if (letters < 2)
    return FALSE;

  if (!lower)
    {
      const Char *first = &g_array_index (chars, Char, start);
      const Char *last = &g_array_index (chars, Char, end);

      if (is_abbreviation (text + first->offset, last->offset - first->offset))
        return FALSE;
    }

  return TRUE;
}

static void
check_chunk (SigapSpell *self,
             const char *text,
             GArray     *chars,
             guint       chunk_start,
             guint       chunk_end,
             GArray     *ranges)
{
  guint i = chunk_start;

  while (i < chunk_end)
    {
      guint start;
      const Char *first;
      const Char *last;

      if (!g_unichar_isalnum (char_at (chars, i)) && char_at (chars, i) != '_')
        {
          i++;
          continue;
        }

      start = i++;
      for (;;)
        {
          while (i < chunk_end && is_word_char (char_at (chars, i)))
            i++;
          if (i + 1 < chunk_end && is_connector (char_at (chars, i)) &&
              g_unichar_isalnum (char_at (chars, i + 1)))
            i++;
          else
            break;
        }

      if (!token_is_checked (chars, chunk_start, start, i, text))
        continue;

      first = &g_array_index (chars, Char, start);
      last = &g_array_index (chars, Char, i);
      if (!word_is_correct (self, text + first->offset, last->offset - first->offset))
        {
          SigapSpellRange range = {
            .start = first->offset,
            .end = last->offset,
            .char_start = start,
            .char_end = i,
          };

          g_array_append_val (ranges, range);
        }
    }
}

/* "id", "id_ID", "id-ID"... */
static gboolean
is_indonesian (const char *language)
{
  return g_str_has_prefix (language, "id") &&
         (language[2] == '\0' || language[2] == '_' || language[2] == '-' || language[2] == '.');
}

static gboolean
sigap_spell_initable_init (GInitable     *initable,
                           GCancellable  *cancellable,
                           GError       **error)
{
  SigapSpell *self = SIGAP_SPELL (initable);

  g_assert (self->language != NULL);

  self->broker = enchant_broker_init ();
  self->dict = enchant_broker_request_dict (self->broker, self->language);
  if (self->dict == NULL)
    {
      if (is_indonesian (self->language))
        g_set_error_literal (error, SIGAP_SPELL_ERROR, SIGAP_SPELL_ERROR_NO_DICTIONARY,
                             _("No Indonesian dictionary is installed, so spelling cannot be "
                               "checked. Install the hunspell-id package."));
      else
        g_set_error (error, SIGAP_SPELL_ERROR, SIGAP_SPELL_ERROR_NO_DICTIONARY,
                     /* Translators: %s is a language code such as en_US */
                     _("No spelling dictionary is installed for the language “%s”."),
                     self->language);
      return FALSE;
    }

  if (is_indonesian (self->language))
    for (guint i = 0; i < G_N_ELEMENTS (extra_words); i++)
      enchant_dict_add_to_session (self->dict, extra_words[i], strlen (extra_words[i]));

  return TRUE;
}

static void
sigap_spell_initable_iface_init (GInitableIface *iface)
{
  iface->init = sigap_spell_initable_init;
}

static void
sigap_spell_finalize (GObject *object)
{
  SigapSpell *self = SIGAP_SPELL (object);

  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, self->dict);
  g_clear_pointer (&self->broker, enchant_broker_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (sigap_spell_parent_class)->finalize (object);
}

static void
sigap_spell_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SigapSpell *self = SIGAP_SPELL (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_spell_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SigapSpell *self = SIGAP_SPELL (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_spell_class_init (SigapSpellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_spell_finalize;
  object_class->get_property = sigap_spell_get_property;
  object_class->set_property = sigap_spell_set_property;

  /**
   * SigapSpell:language:
   *
   * The dictionary's language, such as "id_ID".
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "id_ID",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SigapSpell::changed:
   *
   * A word was added to the dictionary or ignored: every text checked
   * before may have fewer misspelled words now.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sigap_spell_init (SigapSpell *self)
{
}

/**
 * sigap_spell_new:
 * @language: a language such as "id_ID"
 * @error: return location for a #SigapSpellError
 *
 * Opens the dictionary of @language, with the user's personal words.
 *
 * Returns: (transfer full) (nullable): the spell checker, or %NULL when
 *   no dictionary is installed for @language
 */
SigapSpell *
sigap_spell_new (const char  *language,
                 GError     **error)
{
  g_return_val_if_fail (language != NULL && *language != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (SIGAP_TYPE_SPELL, NULL, error,
                         "language", language,
                         NULL);
}

/**
 * sigap_spell_get_language:
 * @self: a #SigapSpell
 *
 * Returns: the dictionary's language
 */
const char *
sigap_spell_get_language (SigapSpell *self)
{
  g_return_val_if_fail (SIGAP_IS_SPELL (self), NULL);

  return self->language;
}

/**
 * sigap_spell_check_text:
 * @self: a #SigapSpell
 * @text: UTF-8 text
 *
 * Finds the misspelled words of @text; see #SigapSpell for what is a word
 * and what is left alone.
 *
 * Returns: (transfer full) (element-type SigapSpellRange): the misspelled
 *   words in the order of the text, maybe none
 */
GArray *
sigap_spell_check_text (SigapSpell *self,
                        const char *text)
{
  g_autoptr(GArray) chars = NULL;
  GArray *ranges;
  guint n;
  guint i = 0;

  g_return_val_if_fail (SIGAP_IS_SPELL (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  ranges = g_array_new (FALSE, FALSE, sizeof (SigapSpellRange));
  chars = decode (text);
  n = chars->len - 1;

  while (i < n)
    {
      guint start;

      if (g_unichar_isspace (char_at (chars, i)))
        {
          i++;
          continue;
        }

      start = i;
      while (i < n && !g_unichar_isspace (char_at (chars, i)))
        i++;

      if (!chunk_is_address (chars, start, i))
        check_chunk (self, text, chars, start, i, ranges);
    }

  return ranges;
}

/**
 * sigap_spell_check_word:
 * @self: a #SigapSpell
 * @word: a word
 *
 * Checks one word by the rules of sigap_spell_check_text().
 *
 * Returns: %TRUE if @word is spelled right or is left alone (a hashtag,
 *   an abbreviation, a number...)
 */
gboolean
sigap_spell_check_word (SigapSpell *self,
                        const char *word)
{
  g_autoptr(GArray) ranges = NULL;

  g_return_val_if_fail (SIGAP_IS_SPELL (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  ranges = sigap_spell_check_text (self, word);

  return ranges != NULL && ranges->len == 0;
}

/**
 * sigap_spell_suggest:
 * @self: a #SigapSpell
 * @word: a misspelled word
 *
 * Asks the dictionary how @word could be spelled, best first. This takes
 * a few milliseconds a word: ask when the user wants to know, not for
 * every word.
 *
 * Returns: (transfer full) (array zero-terminated=1): the suggestions,
 *   maybe none
 */
char **
sigap_spell_suggest (SigapSpell *self,
                     const char *word)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *normal = NULL;
  char **suggestions;
  size_t n = 0;

  g_return_val_if_fail (SIGAP_IS_SPELL (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  normal = normalize_word (word, -1);
  if (normal == NULL || *normal == '\0')
    return g_strv_builder_end (builder);

  suggestions = enchant_dict_suggest (self->dict, normal, strlen (normal), &n);
  for (size_t i = 0; i < n; i++)
    {
      if (suggestions[i] == NULL || !g_utf8_validate (suggestions[i], -1, NULL))
        continue;
      if (!g_hash_table_add (seen, suggestions[i]))
        continue;
      g_strv_builder_add (builder, suggestions[i]);
    }
  if (suggestions != NULL)
    enchant_dict_free_string_list (self->dict, suggestions);

  return g_strv_builder_end (builder);
}

/**
 * sigap_spell_add_word:
 * @self: a #SigapSpell
 * @word: a word
 *
 * Adds @word to the user's personal dictionary of the language (Enchant's,
 * under the user's configuration folder), so that it is right from now on,
 * in every text, and after a restart. Emits #SigapSpell::changed.
 */
void
sigap_spell_add_word (SigapSpell *self,
                      const char *word)
{
  g_autofree char *normal = NULL;

  g_return_if_fail (SIGAP_IS_SPELL (self));
  g_return_if_fail (word != NULL);

  normal = normalize_word (word, -1);
  if (normal == NULL || *normal == '\0')
    return;

  enchant_dict_add (self->dict, normal, strlen (normal));
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * sigap_spell_ignore_word:
 * @self: a #SigapSpell
 * @word: a word
 *
 * Takes @word for right until @self is finalized, without writing it
 * anywhere. Emits #SigapSpell::changed.
 */
void
sigap_spell_ignore_word (SigapSpell *self,
                         const char *word)
{
  g_autofree char *normal = NULL;

  g_return_if_fail (SIGAP_IS_SPELL (self));
  g_return_if_fail (word != NULL);

  normal = normalize_word (word, -1);
  if (normal == NULL || *normal == '\0')
    return;

  enchant_dict_add_to_session (self->dict, normal, strlen (normal));
  g_signal_emit (self, signals[CHANGED], 0);
}
