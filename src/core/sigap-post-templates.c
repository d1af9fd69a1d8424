/* sigap-post-templates.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-post-templates"

#include "config.h"

#include <string.h>

#include "sigap-central-schema.h"
#include "sigap-enums.h"
#include "sigap-post-templates.h"
#include "sigap-reply-template.h"

/*
 * The regency's post templates and hashtag sets (data/post-templates.json,
 * docs/api.md): a central document Diskominfo keeps on the server, checked
 * by sigap-central-schema.c like the others, read here into structures the
 * composer offers.
 *
 * A template's body has the placeholders {opd} (the OPD's name),
 * {tanggal} (a date written "17 Agustus 2026") and {tahun} (its year). A
 * placeholder is a name of 1 to 32 ASCII letters, digits, '_' or '-'
 * between braces, as in reply templates; "{{" and "}}" write one brace.
 * The schema refuses any other placeholder and any other brace, so that
 * a typo such as "{Opd}" or "{opd" never reaches a post.
 */

#define MAX_PLACEHOLDER_NAME 32

/* How far to look for the next 29 February. */
#define MAX_YEARS_AHEAD 8

struct _SigapPostTemplates
{
  grefcount ref_count;

  GPtrArray *hashtag_sets;   /* SigapHashtagSet */
  GPtrArray *templates;      /* SigapPostTemplate */
};

G_DEFINE_BOXED_TYPE (SigapHashtagSet, sigap_hashtag_set,
                     sigap_hashtag_set_copy, sigap_hashtag_set_free)
G_DEFINE_BOXED_TYPE (SigapPostTemplate, sigap_post_template,
                     sigap_post_template_copy, sigap_post_template_free)
G_DEFINE_BOXED_TYPE (SigapPostTemplates, sigap_post_templates,
                     sigap_post_templates_ref, sigap_post_templates_unref)

static const char * const placeholders[] = { "opd", "tanggal", "tahun", NULL };

static const char * const kind_names[] = { "greeting", "announcement" };

/* Helpers {{{ */

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/* The length of the placeholder name at @p (after a '{') when a '}'
 * closes it, else 0; the grammar of sigap_reply_template_fill_text(). */
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

static char *
value_of (const char *name,
          const char *opd_name,
          GDateTime  *date)
{
  if (g_str_equal (name, "opd"))
    return sigap_reply_template_clean_value (opd_name);

  if (g_str_equal (name, "tanggal"))
    return date != NULL ? sigap_reply_template_format_date (date) : NULL;

  if (g_str_equal (name, "tahun"))
    return date != NULL ? g_strdup_printf ("%d", g_date_time_get_year (date)) : NULL;

  return NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return json_node_get_string (node);
}

static SigapHashtagSet *
hashtag_set_from_json (JsonObject *object)
{
  SigapHashtagSet *set = g_new0 (SigapHashtagSet, 1);
  JsonArray *hashtags = json_object_get_array_member (object, "hashtags");
  guint n = json_array_get_length (hashtags);

  set->id = g_strdup (member_string (object, "id"));
  set->name = g_strdup (member_string (object, "name"));
  set->opd_code = g_strdup (member_string (object, "opd"));
  set->hashtags = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    set->hashtags[i] = g_strdup (json_array_get_string_element (hashtags, i));

  return set;
}

static SigapPostTemplate *
post_template_from_json (JsonObject *object,
                         GEnumClass *categories)
{
  SigapPostTemplate *template_ = g_new0 (SigapPostTemplate, 1);
  const char *kind = member_string (object, "kind");
  GEnumValue *category = g_enum_get_value_by_nick (categories,
                                                   member_string (object, "category"));

  g_assert (category != NULL);

  template_->id = g_strdup (member_string (object, "id"));
  template_->name = g_strdup (member_string (object, "name"));
  template_->kind = g_str_equal (kind, "greeting") ? SIGAP_POST_TEMPLATE_KIND_GREETING
                                                   : SIGAP_POST_TEMPLATE_KIND_ANNOUNCEMENT;
  template_->category = category->value;
  template_->body = g_strdup (member_string (object, "body"));
  template_->date = g_strdup (member_string (object, "date"));
  if (template_->date != NULL)
    {
      /* "MM-DD", checked by the schema. */
      template_->month = (template_->date[0] - '0') * 10 + (template_->date[1] - '0');
      template_->day = (template_->date[3] - '0') * 10 + (template_->date[4] - '0');
    }

  return template_;
}

/* }}} */

/**
 * sigap_hashtag_set_copy:
 * @self: a #SigapHashtagSet
 *
 * Returns: (transfer full): a deep copy of @self
 */
SigapHashtagSet *
sigap_hashtag_set_copy (const SigapHashtagSet *self)
{
  SigapHashtagSet *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SigapHashtagSet, 1);
  copy->id = g_strdup (self->id);
  copy->name = g_strdup (self->name);
  copy->hashtags = g_strdupv (self->hashtags);
  copy->opd_code = g_strdup (self->opd_code);

  return copy;
}

/**
 * sigap_hashtag_set_free:
 * @self: (nullable): a #SigapHashtagSet
 *
 * Frees @self and its strings.
 */
void
sigap_hashtag_set_free (SigapHashtagSet *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->name);
  g_strfreev (self->hashtags);
  g_free (self->opd_code);
  g_free (self);
}

/**
 * sigap_post_template_copy:
 * @self: a #SigapPostTemplate
 *
 * Returns: (transfer full): a deep copy of @self
 */
SigapPostTemplate *
sigap_post_template_copy (const SigapPostTemplate *self)
{
  SigapPostTemplate *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SigapPostTemplate, 1);
  *copy = *self;
  copy->id = g_strdup (self->id);
  copy->name = g_strdup (self->name);
  copy->body = g_strdup (self->body);
  copy->date = g_strdup (self->date);

  return copy;
}

/**
 * sigap_post_template_free:
 * @self: (nullable): a #SigapPostTemplate
 *
 * Frees @self and its strings.
 */
void
sigap_post_template_free (SigapPostTemplate *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->name);
  g_free (self->body);
  g_free (self->date);
  g_free (self);
}

/**
 * sigap_post_template_kind_to_string:
 * @kind: a #SigapPostTemplateKind
 *
 * Returns: the kind as the document writes it, "greeting" or
 *   "announcement"; "" for an unknown value
 */
const char *
sigap_post_template_kind_to_string (SigapPostTemplateKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    return "";

  return kind_names[kind];
}

/**
 * sigap_post_template_days_until:
 * @self: a #SigapPostTemplate
 * @today: today, in the zone the date is read in
 *
 * How many days until @self's day comes again: 0 when it is today's
 * date, 1 tomorrow, up to 365 (a 29 February template counts to the
 * next leap year's).
 *
 * Returns: the number of days, or -1 for a template without a date
 */
int
sigap_post_template_days_until (const SigapPostTemplate *self,
                                GDateTime               *today)
{
  g_autoptr(GDate) start = NULL;
  int year;
  int month;
  int day;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (today != NULL, -1);

  if (self->month == 0)
    return -1;

  g_date_time_get_ymd (today, &year, &month, &day);
  start = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);

  for (int y = year; y <= year + MAX_YEARS_AHEAD; y++)
    {
      g_autoptr(GDate) next = NULL;

      if (!g_date_valid_dmy ((GDateDay) self->day, (GDateMonth) self->month, (GDateYear) y))
        continue;

      next = g_date_new_dmy ((GDateDay) self->day, (GDateMonth) self->month, (GDateYear) y);
      if (g_date_compare (next, start) >= 0)
        return g_date_days_between (start, next);
    }

  return -1;
}

/**
 * sigap_post_template_check_body:
 * @body: a template's body
 * @problem: (out) (optional) (transfer full): what is wrong, as written
 *   in @body: an unknown placeholder such as "{nama}", or a lone "{" or
 *   "}"
 *
 * Checks that @body uses only the placeholders {opd}, {tanggal} and
 * {tahun}, and writes any other brace doubled ("{{", "}}"). The schema
 * of the post-templates document checks each body with it.
 *
 * Returns: %TRUE if @body is a good template
 */
gboolean
sigap_post_template_check_body (const char  *body,
                                char       **problem)
{
  const char *p;

  g_return_val_if_fail (body != NULL, FALSE);

  if (problem != NULL)
    *problem = NULL;

  p = body;
  while (*p != '\0')
    {
      gsize length;

      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        p += 2;
      else if (p[0] == '{' && (length = placeholder_length (p + 1)) > 0)
        {
          g_autofree char *name = g_strndup (p + 1, length);

          if (!g_strv_contains (placeholders, name))
            {
              if (problem != NULL)
                *problem = g_strndup (p, length + 2);
              return FALSE;
            }

          p += length + 2;
        }
      else if (p[0] == '{' || p[0] == '}')
        {
          if (problem != NULL)
            *problem = g_strndup (p, 1);
          return FALSE;
        }
      else
        p++;
    }

  return TRUE;
}

/**
 * sigap_post_template_fill:
 * @body: a template's body
 * @opd_name: (nullable): the OPD's name, for {opd}
 * @date: (nullable): the post's date, for {tanggal} ("17 Agustus 2026",
 *   the same under every locale) and {tahun} ("2026"), in the OPD's zone
 *
 * Fills @body's placeholders. The OPD's name goes in as one line. A
 * placeholder without a value (no @opd_name, no @date) or unknown is
 * left as written, for the admin to see; "{{" and "}}" become one brace.
 * Invalid UTF-8 in @body is replaced.
 *
 * Returns: (transfer full): the text of the post, for the admin to edit
 */
char *
sigap_post_template_fill (const char *body,
                          const char *opd_name,
                          GDateTime  *date)
{
  g_autofree char *valid = NULL;
  GString *result;
  const char *p;

  g_return_val_if_fail (body != NULL, NULL);

  valid = g_utf8_make_valid (body, -1);
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
          g_autofree char *value = value_of (name, opd_name, date);

          if (value != NULL)
            g_string_append (result, value);
          else
            g_string_append_len (result, p, (gssize) length + 2);

          p += length + 2;
        }
      else
        {
          g_string_append_c (result, p[0]);
          p++;
        }
    }

  return g_string_free (result, FALSE);
}

/**
 * sigap_post_templates_new_from_json:
 * @root: a post-templates document, as data/post-templates.json holds it
 * @error: return location for a #SigapCentralSchemaError
 *
 * Checks @root with the schema the server uses
 * (sigap_central_schema_validate()) and reads it.
 *
 * Returns: (transfer full) (nullable): the templates and hashtag sets,
 *   or %NULL when @root does not have the document's shape
 */
SigapPostTemplates *
sigap_post_templates_new_from_json (JsonNode  *root,
                                    GError   **error)
{
  g_autoptr(SigapPostTemplates) self = NULL;
  g_autoptr(GEnumClass) categories = NULL;
  JsonObject *object;
  JsonArray *sets;
  JsonArray *templates;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sigap_central_schema_validate (SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES, root, 0, NULL,
                                      error))
    return NULL;

  object = json_node_get_object (root);
  sets = json_object_get_array_member (object, "hashtag_sets");
  templates = json_object_get_array_member (object, "templates");
  categories = g_type_class_ref (SIGAP_TYPE_CONTENT_CATEGORY);

  self = g_new0 (SigapPostTemplates, 1);
  g_ref_count_init (&self->ref_count);
  self->hashtag_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_hashtag_set_free);
  self->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_post_template_free);

  for (guint i = 0; i < json_array_get_length (sets); i++)
    g_ptr_array_add (self->hashtag_sets,
                     hashtag_set_from_json (json_array_get_object_element (sets, i)));

  for (guint i = 0; i < json_array_get_length (templates); i++)
    g_ptr_array_add (self->templates,
                     post_template_from_json (json_array_get_object_element (templates, i),
                                              categories));

  return g_steal_pointer (&self);
}

/**
 * sigap_post_templates_new_from_document:
 * @document: (nullable): the post-templates document in use, from
 *   sigap_central_documents_get_post_templates()
 *
 * Returns: (transfer full) (nullable): the templates and hashtag sets of
 *   @document, or %NULL when @document is %NULL
 */
SigapPostTemplates *
sigap_post_templates_new_from_document (SigapCentralDocument *document)
{
  g_autoptr(GError) error = NULL;
  SigapPostTemplates *self;

  if (document == NULL)
    return NULL;

  g_return_val_if_fail (sigap_central_document_get_kind (document) ==
                        SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES, NULL);

  /* The document was checked when it was loaded: this cannot fail. */
  self = sigap_post_templates_new_from_json (sigap_central_document_get_root (document), &error);
  if (self == NULL)
    g_critical ("The post templates in use are not valid: %s", error->message);

  return self;
}

/**
 * sigap_post_templates_new_for_documents:
 * @documents: the desktop's central documents
 *
 * The post templates and hashtag sets in use now: the copy downloaded
 * after the last sync, else the one shipped with Sigap. Read them again
 * when @documents emits #SigapCentralDocuments::changed.
 *
 * Returns: (transfer full) (nullable): the templates and hashtag sets,
 *   or %NULL when there is no copy at all
 */
SigapPostTemplates *
sigap_post_templates_new_for_documents (SigapCentralDocuments *documents)
{
  g_return_val_if_fail (SIGAP_IS_CENTRAL_DOCUMENTS (documents), NULL);

  return sigap_post_templates_new_from_document (
    sigap_central_documents_get_post_templates (documents));
}

/**
 * sigap_post_templates_ref:
 * @self: a #SigapPostTemplates
 *
 * Returns: (transfer full): @self
 */
SigapPostTemplates *
sigap_post_templates_ref (SigapPostTemplates *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * sigap_post_templates_unref:
 * @self: a #SigapPostTemplates
 *
 * Drops a reference; the last one frees the templates and sets.
 */
void
sigap_post_templates_unref (SigapPostTemplates *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->hashtag_sets);
  g_ptr_array_unref (self->templates);
  g_free (self);
}

/**
 * sigap_post_templates_get_hashtag_sets:
 * @self: a #SigapPostTemplates
 *
 * Returns: (transfer none) (element-type SigapHashtagSet): every hashtag
 *   set, in the document's order; read-only
 */
GPtrArray *
sigap_post_templates_get_hashtag_sets (SigapPostTemplates *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->hashtag_sets;
}

/**
 * sigap_post_templates_get_templates:
 * @self: a #SigapPostTemplates
 *
 * Returns: (transfer none) (element-type SigapPostTemplate): every
 *   template, in the document's order; read-only
 */
GPtrArray *
sigap_post_templates_get_templates (SigapPostTemplates *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->templates;
}

/**
 * sigap_post_templates_lookup:
 * @self: a #SigapPostTemplates
 * @id: a template's identifier
 *
 * Returns: (transfer none) (nullable): the template @id, owned by @self,
 *   or %NULL
 */
const SigapPostTemplate *
sigap_post_templates_lookup (SigapPostTemplates *self,
                             const char         *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->templates->len; i++)
    {
      const SigapPostTemplate *template_ = g_ptr_array_index (self->templates, i);

      if (g_str_equal (template_->id, id))
        return template_;
    }

  return NULL;
}

/**
 * sigap_post_templates_for_opd:
 * @self: a #SigapPostTemplates
 * @opd_code: (nullable): an OPD's code, as "dinkes", or %NULL for the
 *   regency-wide sets only
 *
 * The hashtag sets an OPD may use: the regency's, then its own, each in
 * the document's order. Another OPD's sets are left out.
 *
 * Returns: (transfer container) (element-type SigapHashtagSet): the
 *   sets, owned by @self
 */
GPtrArray *
sigap_post_templates_for_opd (SigapPostTemplates *self,
                              const char         *opd_code)
{
  GPtrArray *sets;

  g_return_val_if_fail (self != NULL, NULL);

  sets = g_ptr_array_new ();

  for (guint i = 0; i < self->hashtag_sets->len; i++)
    {
      SigapHashtagSet *set = g_ptr_array_index (self->hashtag_sets, i);

      if (set->opd_code == NULL)
        g_ptr_array_add (sets, set);
    }

  for (guint i = 0; opd_code != NULL && i < self->hashtag_sets->len; i++)
    {
      SigapHashtagSet *set = g_ptr_array_index (self->hashtag_sets, i);

      if (set->opd_code != NULL && g_str_equal (set->opd_code, opd_code))
        g_ptr_array_add (sets, set);
    }

  return sets;
}

typedef struct
{
  SigapPostTemplate *template_;
  int days;
  guint index;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->days != y->days)
    return x->days < y->days ? -1 : 1;

  return x->index < y->index ? -1 : x->index > y->index;
}

/**
 * sigap_post_templates_sort_for_date:
 * @self: a #SigapPostTemplates
 * @today: today, in the OPD's zone
 *
 * The templates in the order to offer them on @today: those with a date,
 * nearest ahead first (today's own first of all; one whose day has
 * passed this year counts to next year's), then those without, in the
 * document's order. Templates on the same day keep the document's order.
 *
 * Returns: (transfer container) (element-type SigapPostTemplate): the
 *   templates, owned by @self
 */
GPtrArray *
sigap_post_templates_sort_for_date (SigapPostTemplates *self,
                                    GDateTime          *today)
{
  g_autoptr(GArray) ranked = NULL;
  GPtrArray *sorted;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), self->templates->len);
  for (guint i = 0; i < self->templates->len; i++)
    {
      Ranked entry = { g_ptr_array_index (self->templates, i), 0, i };

      entry.days = sigap_post_template_days_until (entry.template_, today);
      if (entry.days < 0)
        entry.days = G_MAXINT;
      g_array_append_val (ranked, entry);
    }

  g_array_sort (ranked, compare_ranked);

  sorted = g_ptr_array_sized_new (ranked->len);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (sorted, g_array_index (ranked, Ranked, i).template_);

  return sorted;
}
