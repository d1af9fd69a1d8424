/* sigap-reply-template.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-reply-template"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sigap-central-documents.h"
#include "sigap-reply-template.h"

/**
 * SigapReplyTemplate:
 *
 * A canned reply of an OPD: a title to pick it by and a body with
 * placeholders, which the admin edits once filled, before sending.
 *
 * The placeholders are {nama} (the citizen's name, or "Bapak/Ibu" when
 * unknown or anonymous), {nomor} (the tracking number), {opd} (the OPD's
 * name) and {tanggal} (a date written "17 Juli 2025", whatever the
 * process's locale). A placeholder is a name of 1 to 32 ASCII letters,
 * digits, '_' or '-' between braces, matched as written ({Nama} is not
 * {nama}). An unknown one is left as written and reported, and so is a
 * known one without a value (but {nama}, which falls back); "{{" and
 * "}}" write a single brace, so "{{nama}}" stays "{nama}". Any other
 * brace is kept as it is.
 *
 * An OPD's templates are kept in the store (sigap_store_list_reply_templates())
 * in the order of their position.
 */
struct _SigapReplyTemplate
{
  GObject parent_instance;

  char *id;
  char *opd_id;
  char *title;
  char *body;
  int position;
  gint64 version;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (SigapReplyTemplate, sigap_reply_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_OPD_ID,
  PROP_TITLE,
  PROP_BODY,
  PROP_POSITION,
  PROP_VERSION,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MAX_PLACEHOLDER_NAME 32

static const char * const month_names[] = {
  NULL, "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
  "Agustus", "September", "Oktober", "November", "Desember"
};

/* How citizens and channels write "no name". */
static const char * const anonymous_names[] = {
  "anonim", "anonymous", "tanpa nama", "hamba allah", "-", NULL
};

/* Helpers {{{ */

/**
 * sigap_reply_template_clean_value:
 * @value: (nullable): a placeholder's value
 *
 * @value as one line of valid UTF-8 without control characters, runs of
 * white space made one space, with its ends stripped: what a placeholder
 * of a reply or a post template becomes.
 *
 * Returns: (transfer full) (nullable): the line, %NULL when nothing is left
 */
char *
sigap_reply_template_clean_value (const char *value)
{
  g_autofree char *valid = NULL;
  GString *text;

  if (value == NULL)
    return NULL;

  valid = g_utf8_make_valid (value, -1);
  text = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          /* Runs of spaces, tabs and line breaks become one space. */
          if (text->len > 0 && text->str[text->len - 1] != ' ')
            g_string_append_c (text, ' ');
        }
      else
        g_string_append_unichar (text, c);
    }

  if (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

static gboolean
is_anonymous (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_strv_contains (anonymous_names, folded);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/* The length of the placeholder name at @p (after a '{') when a '}'
 * closes it, else 0. */
static gsize
placeholder_length (const char *p)
{
  gsize length = 0;

  while (length <= MAX_PLACEHOLDER_NAME && is_name_char (p[length]))
    length++;

  if (length == 0 || length > MAX_PLACEHOLDER_NAME || p[length] != '}')
    return 0;

  return length;
}

static void
add_once (GPtrArray  *list,
          const char *written)
{
  if (list == NULL)
    return;

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), written))
      return;

  g_ptr_array_add (list, g_strdup (written));
}

static char **
steal_strv (GPtrArray *list)
{
  g_ptr_array_add (list, NULL);

  return (char **) g_ptr_array_free (list, FALSE);
}

/* The value of the known placeholder @name, transfer full; %NULL when it
 * has none. Sets *@known to whether @name is a placeholder at all. */
static char *
value_of (const char             *name,
          const SigapReplyValues *values,
          gboolean               *known)
{
  *known = TRUE;

  if (g_str_equal (name, "nama"))
    {
      g_autofree char *nama = sigap_reply_template_clean_value (values->nama);
      g_autofree char *fallback = sigap_reply_template_clean_value (values->nama_fallback);

      if (nama != NULL && !is_anonymous (nama))
        return g_steal_pointer (&nama);

      return fallback != NULL ? g_steal_pointer (&fallback)
                              : g_strdup (SIGAP_REPLY_TEMPLATE_FALLBACK_NAME);
    }

  if (g_str_equal (name, "nomor"))
    return sigap_reply_template_clean_value (values->nomor);

  if (g_str_equal (name, "opd"))
    return sigap_reply_template_clean_value (values->opd);

  if (g_str_equal (name, "tanggal"))
    return values->tanggal != NULL ? sigap_reply_template_format_date (values->tanggal) : NULL;

  *known = FALSE;

  return NULL;
}

/* }}} */

/**
 * sigap_reply_template_format_date:
 * @date: a date and time, in the zone it should be read in
 *
 * Writes @date's day as Indonesian letters do, "17 Juli 2025", with
 * Sigap's own month names: the same under every locale.
 *
 * Returns: (transfer full): the date
 */
char *
sigap_reply_template_format_date (GDateTime *date)
{
  int year;
  int month;
  int day;

  g_return_val_if_fail (date != NULL, NULL);

  g_date_time_get_ymd (date, &year, &month, &day);

  return g_strdup_printf ("%d %s %d", day, month_names[month], year);
}

/**
 * sigap_reply_values_init_for_complaint:
 * @values: (out caller-allocates): the values to fill
 * @complaint: the complaint being answered
 * @opd_name: (nullable): the name of the OPD that answers
 * @date: (nullable): the date for {tanggal}, usually now in the OPD's zone
 *
 * Fills @values from @complaint: its citizen's name and its tracking
 * number. @values borrows the strings: keep @complaint, @opd_name and
 * @date as long as it is used.
 */
void
sigap_reply_values_init_for_complaint (SigapReplyValues *values,
                                       SigapComplaint   *complaint,
                                       const char       *opd_name,
                                       GDateTime        *date)
{
  g_return_if_fail (values != NULL);
  g_return_if_fail (SIGAP_IS_COMPLAINT (complaint));

  *values = (SigapReplyValues) {
    .nama = sigap_complaint_get_citizen_name (complaint),
    .nomor = sigap_complaint_get_tracking_number (complaint),
    .opd = opd_name,
    .tanggal = date,
  };
}

/**
 * sigap_reply_template_fill_text:
 * @text: a template, as a #SigapReplyTemplate's body
 * @values: (nullable): the placeholders' values; %NULL for none
 * @unknown: (out) (optional) (array zero-terminated=1) (transfer full):
 *   the unknown placeholders as written ("{alamat}"), once each in the
 *   order met; empty when there is none
 * @missing: (out) (optional) (array zero-terminated=1) (transfer full):
 *   the known placeholders left as written for want of a value
 *   ("{nomor}")
 *
 * Fills @text's placeholders (see #SigapReplyTemplate for the rules).
 * Values are put in as one line, control characters and runs of spaces
 * made single spaces, so that a name cannot break the reply's layout.
 * Invalid UTF-8 in @text or @values is replaced, never passed on.
 *
 * Returns: (transfer full): the filled text, for the admin to edit
 */
char *
sigap_reply_template_fill_text (const char              *text,
                                const SigapReplyValues  *values,
                                char                  ***unknown,
                                char                  ***missing)
{
  static const SigapReplyValues no_values = { NULL };
  g_autoptr(GPtrArray) unknown_list = NULL;
  g_autoptr(GPtrArray) missing_list = NULL;
  g_autofree char *valid = NULL;
  GString *result;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  if (values == NULL)
    values = &no_values;

  if (unknown != NULL)
    unknown_list = g_ptr_array_new_with_free_func (g_free);
  if (missing != NULL)
    missing_list = g_ptr_array_new_with_free_func (g_free);

  valid = g_utf8_make_valid (text, -1);
  result = g_string_sized_new (strlen (valid) + 64);

  p = valid;
  while (*p != '\0')
    {
      gsize length;

      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          g_string_append_c (result, p[0]);
          p += 2;
        }
      else if (p[0] == '{' && (length = placeholder_length (p + 1)) > 0)
        {
          g_autofree char *name = g_strndup (p + 1, length);
          g_autofree char *value = NULL;
          gboolean known;

          value = value_of (name, values, &known);
          if (value != NULL)
            g_string_append (result, value);
          else
            {
              g_autofree char *written = g_strndup (p, length + 2);

              g_string_append (result, written);
              add_once (known ? missing_list : unknown_list, written);
            }

          p += length + 2;
        }
      else
        {
          g_string_append_c (result, p[0]);
          p++;
        }
    }

  if (unknown != NULL)
    *unknown = steal_strv (g_steal_pointer (&unknown_list));
  if (missing != NULL)
    *missing = steal_strv (g_steal_pointer (&missing_list));

  return g_string_free (result, FALSE);
}

/* GObject {{{ */

static void
sigap_reply_template_finalize (GObject *object)
{
  SigapReplyTemplate *self = (SigapReplyTemplate *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->opd_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (sigap_reply_template_parent_class)->finalize (object);
}

static void
sigap_reply_template_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SigapReplyTemplate *self = SIGAP_REPLY_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_OPD_ID:
      g_value_set_string (value, self->opd_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_reply_template_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SigapReplyTemplate *self = SIGAP_REPLY_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      sigap_reply_template_set_id (self, g_value_get_string (value));
      break;

    case PROP_OPD_ID:
      sigap_reply_template_set_opd_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      sigap_reply_template_set_title (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      sigap_reply_template_set_body (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      sigap_reply_template_set_position (self, g_value_get_int (value));
      break;

    case PROP_VERSION:
      sigap_reply_template_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      sigap_reply_template_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_reply_template_class_init (SigapReplyTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_reply_template_finalize;
  object_class->get_property = sigap_reply_template_get_property;
  object_class->set_property = sigap_reply_template_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OPD_ID] =
    g_param_spec_string ("opd-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* -1: after the OPD's last template, when it is stored. */
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sigap_reply_template_init (SigapReplyTemplate *self)
{
  self->position = -1;
}

/* }}} */

SigapReplyTemplate *
sigap_reply_template_new (void)
{
  return g_object_new (SIGAP_TYPE_REPLY_TEMPLATE, NULL);
}

static void
set_string (SigapReplyTemplate  *self,
            char               **field,
            const char          *value,
            guint                prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
sigap_reply_template_get_id (SigapReplyTemplate *self)
{
  g_return_val_if_fail (SIGAP_IS_REPLY_TEMPLATE (self), NULL);

  return self->id;
}

void
sigap_reply_template_set_id (SigapReplyTemplate *self,
                             const char         *id)
{
  g_return_if_fail (SIGAP_IS_REPLY_TEMPLATE (self));

  set_string (self, &self->id, id, PROP_ID);
}

/**
 * sigap_reply_template_get_opd_id:
 * @self: a #SigapReplyTemplate
 *
 * Returns: (nullable): the OPD whose template this is
 */
const char *
sigap_reply_template_get_opd_id (SigapReplyTemplate *self)
{
  g_return_val_if_fail (SIGAP_IS_REPLY_TEMPLATE (self), NULL);

  return self->opd_id;
}

void
sigap_reply_template_set_opd_id (SigapReplyTemplate *self,
                                 const char         *opd_id)
{
  g_return_if_fail (SIGAP_IS_REPLY_TEMPLATE (self));

  set_string (self, &self->opd_id, opd_id, PROP_OPD_ID);
}

const char *
sigap_reply_template_get_title (SigapReplyTemplate *self)
{
  g_return_val_if_fail (SIGAP_IS_REPLY_TEMPLATE (self), NULL);

  return self->title;
}

void
sigap_reply_template_set_title (SigapReplyTemplate *self,
                                const char         *title)
{
  g_return_if_fail (SIGAP_IS_REPLY_TEMPLATE (self));

  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
sigap_reply_template_get_body (SigapReplyTemplate *self)
{
  g_return_val_if_fail (SIGAP_IS_REPLY_TEMPLATE (self), NULL);

  return self->body;
}

void
sigap_reply_template_set_body (SigapReplyTemplate *self,
                               const char         *body)
{
  g_return_if_fail (SIGAP_IS_REPLY_TEMPLATE (self));

  set_string (self, &self->body, body, PROP_BODY);
}

/**
 * sigap_reply_template_get_position:
 * @self: a #SigapReplyTemplate
 *
 * Returns: where the template comes in its OPD's list, from 0; -1 for a
 *   template not stored yet that goes last
 */
int
sigap_reply_template_get_position (SigapReplyTemplate *self)
{
  g_return_val_if_fail (SIGAP_IS_REPLY_TEMPLATE (self), -1);

  return self->position;
}

void
sigap_reply_template_set_position (SigapReplyTemplate *self,
                                   int                 position)
{
  g_return_if_fail (SIGAP_IS_REPLY_TEMPLATE (self));
  g_return_if_fail (position >= -1);

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

gint64
sigap_reply_template_get_version (SigapReplyTemplate *self)
{
  g_return_val_if_fail (SIGAP_IS_REPLY_TEMPLATE (self), 0);

  return self->version;
}

void
sigap_reply_template_set_version (SigapReplyTemplate *self,
                                  gint64              version)
{
  g_return_if_fail (SIGAP_IS_REPLY_TEMPLATE (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gint64
sigap_reply_template_get_updated_at (SigapReplyTemplate *self)
{
  g_return_val_if_fail (SIGAP_IS_REPLY_TEMPLATE (self), 0);

  return self->updated_at;
}

void
sigap_reply_template_set_updated_at (SigapReplyTemplate *self,
                                     gint64              updated_at)
{
  g_return_if_fail (SIGAP_IS_REPLY_TEMPLATE (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/**
 * sigap_reply_template_fill:
 * @self: a #SigapReplyTemplate
 * @values: (nullable): the placeholders' values
 * @unknown: (out) (optional) (array zero-terminated=1) (transfer full):
 *   see sigap_reply_template_fill_text()
 * @missing: (out) (optional) (array zero-terminated=1) (transfer full):
 *   see sigap_reply_template_fill_text()
 *
 * Returns: (transfer full): @self's body filled, "" when it has none
 */
char *
sigap_reply_template_fill (SigapReplyTemplate      *self,
                           const SigapReplyValues  *values,
                           char                  ***unknown,
                           char                  ***missing)
{
  g_return_val_if_fail (SIGAP_IS_REPLY_TEMPLATE (self), NULL);

  return sigap_reply_template_fill_text (self->body != NULL ? self->body : "", values,
                                         unknown, missing);
}

/**
 * sigap_reply_template_read_shipped:
 * @opd_id: the OPD the replies are for
 * @error: return location for a #GError
 *
 * Reads the canned replies every OPD starts with, until it writes its own:
 * reply-templates.json shipped with Sigap (data/ in the source tree),
 * found as sigap_central_documents_read_shipped() finds it. Each reply is
 * given to @opd_id, at its place in the file, without an id: it is not
 * stored.
 *
 * Returns: (transfer full) (element-type SigapReplyTemplate) (nullable):
 *   the replies, or %NULL with @error set when the file is missing or not
 *   a list of titles and texts
 */
GPtrArray *
sigap_reply_template_read_shipped (const char  *opd_id,
                                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *root;
  JsonArray *list = NULL;

  g_return_val_if_fail (opd_id != NULL, NULL);

  bytes = sigap_central_documents_read_shipped (SIGAP_REPLY_TEMPLATE_SHIPPED, error);
  if (bytes == NULL)
    return NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *node = json_object_get_member (json_node_get_object (root), "templates");

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        list = json_node_get_array (node);
    }

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autoptr(SigapReplyTemplate) reply = NULL;
      JsonObject *object;
      const char *title;
      const char *body;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          list = NULL;
          break;
        }
      object = json_node_get_object (node);
      title = json_object_get_string_member_with_default (object, "title", NULL);
      body = json_object_get_string_member_with_default (object, "body", NULL);
      if (title == NULL || title[0] == '\0' || body == NULL || body[0] == '\0')
        {
          list = NULL;
          break;
        }

      reply = sigap_reply_template_new ();
      sigap_reply_template_set_opd_id (reply, opd_id);
      sigap_reply_template_set_title (reply, title);
      sigap_reply_template_set_body (reply, body);
      sigap_reply_template_set_position (reply, (int) i);
      g_ptr_array_add (replies, g_steal_pointer (&reply));
    }

  if (list == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s.json is not a list of canned replies with a title and a text",
                   SIGAP_REPLY_TEMPLATE_SHIPPED);
      return NULL;
    }

  return g_steal_pointer (&replies);
}
