/* sigap-mask.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-mask"

#include "config.h"

#include <string.h>

#include "sigap-complaint-rules.h"
#include "sigap-mask.h"

/*
 * Citizens' personal data (name, contact, handle) is for the roles that
 * handle the complaint (docs/api.md: the server leaves it out for the
 * others), and is masked on the screen in presentation mode, so that a
 * screenshot of the list or a projected meeting shows none:
 *
 *   name     "Budi Santoso"      → "B*** S******"   (a star a character)
 *   phone    "0812-3456-7890"    → "****-****-*890" (the last 3 digits)
 *   e-mail   "budi@example.com"  → "b*****@example.com"
 *   handle   "@budi_santoso"     → "@b*****"
 *
 * E-mail addresses and handles keep a fixed number of stars, so their
 * length does not show; a name keeps its shape, as the admins asked. Every
 * function takes any text (invalid UTF-8 is repaired, never passed on) and
 * returns a new string, %NULL only for %NULL.
 */

/* A phone number keeps its last 3 digits only when it has this many, so
 * that most of it stays hidden; a shorter one is all stars. */
#define PHONE_MIN_DIGITS 7
#define PHONE_KEPT       3

/* Helpers {{{ */

/* @text as valid UTF-8 in NFC, so that "é" is one character whether it
 * came composed or not. */
static char *
normalize (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);

  return normal != NULL ? normal : g_steal_pointer (&valid);
}

/* @text without the white space at its ends. */
static char *
strip (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/* Appends the first character of @text (with the marks that belong to
 * it); returns where the rest starts. */
static const char *
append_first (GString    *out,
              const char *text)
{
  const char *p = g_utf8_next_char (text);

  while (*p != '\0' && g_unichar_ismark (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  g_string_append_len (out, text, p - text);

  return p;
}

/* }}} */

/**
 * sigap_mask_name:
 * @name: (nullable): a person's name
 *
 * Keeps the first character of every word and puts a star for each other
 * one: "Budi Santoso" → "B*** S******", "Ñoño Müller" → "Ñ*** M*****".
 * Words are separated by one space in the result.
 *
 * Returns: (transfer full) (nullable): the masked name, %NULL for %NULL
 */
char *
sigap_mask_name (const char *name)
{
  g_autofree char *normal = NULL;
  GString *out;

  if (name == NULL)
    return NULL;

  normal = normalize (name);
  out = g_string_sized_new (strlen (normal));

  for (const char *p = normal; *p != '\0';)
    {
      const char *word;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      if (out->len > 0)
        g_string_append_c (out, ' ');

      word = p;
      p = append_first (out, word);

      for (; *p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)); p = g_utf8_next_char (p))
        if (!g_unichar_ismark (g_utf8_get_char (p)))
          g_string_append_c (out, '*');
    }

  return g_string_free (out, FALSE);
}

/**
 * sigap_mask_phone:
 * @phone: (nullable): a phone number, in any format
 *
 * Keeps the separators (spaces, '+', '-', '.', parentheses) and the last
 * 3 digits of a number of at least 7 digits; every other digit or letter
 * becomes a star: "+62 812-3456-7890" → "+** ***-****-*890". A shorter
 * number is all stars.
 *
 * Returns: (transfer full) (nullable): the masked number, %NULL for %NULL
 */
char *
sigap_mask_phone (const char *phone)
{
  g_autofree char *normal = NULL;
  g_autofree char *stripped = NULL;
  guint n_digits = 0;
  guint seen = 0;
  guint kept;
  GString *out;

  if (phone == NULL)
    return NULL;

  normal = normalize (phone);
  stripped = strip (normal);

  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isdigit (g_utf8_get_char (p)))
      n_digits++;

  kept = n_digits >= PHONE_MIN_DIGITS ? PHONE_KEPT : 0;
  out = g_string_sized_new (strlen (stripped));

  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (++seen > n_digits - kept)
            g_string_append_unichar (out, c);
          else
            g_string_append_c (out, '*');
        }
      else if (g_unichar_ismark (c))
        continue;
      else if (g_unichar_isalpha (c))
        g_string_append_c (out, '*');
      else if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * sigap_mask_email:
 * @email: (nullable): an e-mail address
 *
 * Keeps the first character and the domain: "budi.santoso@example.com"
 * → "b*****@example.com". Text without '@' is masked as the part before
 * it would be.
 *
 * Returns: (transfer full) (nullable): the masked address, %NULL for %NULL
 */
char *
sigap_mask_email (const char *email)
{
  g_autofree char *normal = NULL;
  g_autofree char *stripped = NULL;
  const char *at;
  GString *out;

  if (email == NULL)
    return NULL;

  normal = normalize (email);
  stripped = strip (normal);
  if (stripped[0] == '\0')
    return g_strdup ("");

  at = strrchr (stripped, '@');
  out = g_string_new (NULL);

  if (at != stripped)
    append_first (out, stripped);
  g_string_append (out, SIGAP_MASK_FILL);
  if (at != NULL)
    g_string_append (out, at);

  return g_string_free (out, FALSE);
}

/**
 * sigap_mask_handle:
 * @handle: (nullable): a social-media handle, with or without its '@'
 *
 * Keeps an '@' and the first character: "@budi_santoso" and
 * "budi_santoso" both → "@b*****".
 *
 * Returns: (transfer full) (nullable): the masked handle, %NULL for %NULL
 */
char *
sigap_mask_handle (const char *handle)
{
  g_autofree char *normal = NULL;
  g_autofree char *stripped = NULL;
  const char *name;
  GString *out;

  if (handle == NULL)
    return NULL;

  normal = normalize (handle);
  stripped = strip (normal);
  if (stripped[0] == '\0')
    return g_strdup ("");

  name = stripped;
  while (*name == '@')
    name++;

  out = g_string_new ("@");
  if (*name != '\0' && !g_unichar_isspace (g_utf8_get_char (name)))
    append_first (out, name);
  g_string_append (out, SIGAP_MASK_FILL);

  return g_string_free (out, FALSE);
}

/**
 * sigap_mask_contact:
 * @contact: (nullable): a complaint's citizen_contact: a phone number, an
 *   e-mail address, a handle or anything a citizen typed
 *
 * Masks @contact by what it looks like: a handle when it starts with
 * '@', an e-mail address when it has an '@' further on, a phone number
 * when it has digits and no letters, else a name.
 *
 * Returns: (transfer full) (nullable): the masked contact, %NULL for %NULL
 */
char *
sigap_mask_contact (const char *contact)
{
  g_autofree char *normal = NULL;
  g_autofree char *stripped = NULL;
  gboolean digits = FALSE;
  gboolean letters = FALSE;

  if (contact == NULL)
    return NULL;

  normal = normalize (contact);
  stripped = strip (normal);

  if (stripped[0] == '@')
    return sigap_mask_handle (stripped);

  if (strchr (stripped, '@') != NULL)
    return sigap_mask_email (stripped);

  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      digits |= g_unichar_isdigit (c);
      letters |= g_unichar_isalpha (c);
    }

  if (digits && !letters)
    return sigap_mask_phone (stripped);

  return sigap_mask_name (stripped);
}

/**
 * sigap_mask_role_may_see:
 * @role: the user's role
 * @owns: whether the user is the admin of the OPD the complaint is
 *   routed to
 * @public_issue: whether the complaint is flagged as a public issue
 *
 * Whether the user handles the complaint (sigap_complaint_actor_for()),
 * and so may see its citizen's name, contact and handle: the verifikator
 * always, the admin of its OPD, the TRC on a public issue; never the
 * pimpinan or another OPD's admin.
 *
 * Returns: whether the user may see the complaint's personal data
 */
gboolean
sigap_mask_role_may_see (SigapRole role,
                         gboolean  owns,
                         gboolean  public_issue)
{
  return sigap_complaint_actor_for (role, owns, public_issue) != SIGAP_COMPLAINT_ACTOR_NONE;
}

/**
 * sigap_mask_may_see_complaint:
 * @complaint: a complaint
 * @role: the user's role
 * @user_opd_id: (nullable): the OPD the user belongs to
 *
 * Returns: whether the user may see @complaint's personal data (see
 *   sigap_mask_role_may_see())
 */
gboolean
sigap_mask_may_see_complaint (SigapComplaint *complaint,
                              SigapRole       role,
                              const char     *user_opd_id)
{
  const char *opd_id;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), FALSE);

  opd_id = sigap_complaint_get_opd_id (complaint);

  return sigap_mask_role_may_see (role,
                                  opd_id != NULL && g_strcmp0 (opd_id, user_opd_id) == 0,
                                  sigap_complaint_get_public_issue (complaint));
}

/**
 * sigap_mask_should_mask:
 * @complaint: a complaint
 * @role: the user's role
 * @user_opd_id: (nullable): the OPD the user belongs to
 * @presentation: whether the window is in presentation mode
 *
 * Returns: %TRUE when @complaint's personal data must be shown masked:
 *   in presentation mode, and whenever the user does not handle it
 */
gboolean
sigap_mask_should_mask (SigapComplaint *complaint,
                        SigapRole       role,
                        const char     *user_opd_id,
                        gboolean        presentation)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT (complaint), TRUE);

  return presentation || !sigap_mask_may_see_complaint (complaint, role, user_opd_id);
}
