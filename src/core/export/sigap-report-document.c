/* sigap-report-document.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-report-export"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "sigap-report-document.h"
#include "sigap-report-export-private.h"

/* The template's logo, decoded, at most. */
#define LOGO_MAX_BYTES (512 * 1024)

#define MARGIN 56.0

struct _SigapReportTemplate
{
  gatomicrefcount ref_count;
  char *title;
  GStrv lines;
  char *address;
  cairo_surface_t *logo;
  GArray *sections;
};

struct _SigapReportDocument
{
  GObject parent_instance;

  SigapReportTemplate *template_;
  char *opd_name;
  int year;
  int month;
  SigapReportStatus status;
  char *notes;
  char *signer_name;
  char *signer_nip;
  gint64 signed_at;
  SigapReportFigures *figures;
  SigapReportFigures *previous;

  SigapReportFlow *flow;
};

G_DEFINE_FINAL_TYPE (SigapReportDocument, sigap_report_document, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (SigapReportTemplate, sigap_report_template,
                     sigap_report_template_ref, sigap_report_template_unref)

G_DEFINE_QUARK (sigap-report-document-error-quark, sigap_report_document_error)

/* In the order of SigapReportSection. */
static const char * const section_nicks[SIGAP_REPORT_N_SECTIONS] = {
  "posts", "links", "categories", "complaints", "quiet-accounts", "accounts", "notes",
  "signature",
};

/* Template */

static gboolean
node_holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static void
set_template_error (GError     **error,
                    const char  *message)
{
  g_set_error_literal (error, SIGAP_REPORT_DOCUMENT_ERROR,
                       SIGAP_REPORT_DOCUMENT_ERROR_TEMPLATE, message);
}

typedef struct
{
  const guchar *data;
  gsize length;
  gsize offset;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->length - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;

  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_logo (const char  *base64,
             GError     **error)
{
  static const guchar png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree guchar *data = NULL;
  gsize length = 0;
  PngReader reader;
  cairo_surface_t *surface;

  /* Base64 takes 4 characters for 3 bytes; leave room for line breaks. */
  if (strlen (base64) > (gsize) LOGO_MAX_BYTES / 3 * 4 * 11 / 10 + 16)
    goto too_large;

  data = g_base64_decode (base64, &length);
  if (length > LOGO_MAX_BYTES)
    goto too_large;

  if (length < sizeof png_signature || memcmp (data, png_signature, sizeof png_signature) != 0)
    goto not_png;

  reader.data = data;
  reader.length = length;
  reader.offset = 0;
  surface = cairo_image_surface_create_from_png_stream (read_png, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      cairo_image_surface_get_width (surface) <= 0 ||
      cairo_image_surface_get_height (surface) <= 0)
    {
      cairo_surface_destroy (surface);
      goto not_png;
    }

  return surface;

too_large:
  set_template_error (error, _("The report template’s logo is larger than 512 KiB. "
                               "Use a smaller PNG image."));
  return NULL;

not_png:
  set_template_error (error, _("The report template’s logo is not a PNG image."));
  return NULL;
}

static gboolean
parse_letterhead (SigapReportTemplate  *self,
                  JsonNode             *node,
                  GError              **error)
{
  JsonObject *letterhead;
  JsonNode *member;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (node_is_null (node))
    {
      self->lines = g_new0 (char *, 1);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_template_error (error, _("The report template’s letterhead is not an object "
                                   "with lines, an address and a logo."));
      return FALSE;
    }
  letterhead = json_node_get_object (node);

  member = json_object_get_member (letterhead, "lines");
  if (!node_is_null (member))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        goto bad_lines;
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *line = json_array_get_element (array, i);

          if (!node_holds_string (line))
            goto bad_lines;
          g_ptr_array_add (lines, g_strdup (json_node_get_string (line)));
        }
    }
  g_ptr_array_add (lines, NULL);
  self->lines = (GStrv) g_ptr_array_steal (lines, NULL);

  member = json_object_get_member (letterhead, "address");
  if (!node_is_null (member))
    {
      if (!node_holds_string (member))
        {
          set_template_error (error, _("The report template’s address is not text."));
          return FALSE;
        }
      self->address = g_strdup (json_node_get_string (member));
    }

  member = json_object_get_member (letterhead, "logo_png");
  if (!node_is_null (member))
    {
      const char *base64;

      if (!node_holds_string (member))
        {
          set_template_error (error, _("The report template’s logo is not a PNG image."));
          return FALSE;
        }
      base64 = json_node_get_string (member);
      if (*base64 != '\0')
        {
          self->logo = decode_logo (base64, error);
          if (self->logo == NULL)
            return FALSE;
        }
    }

  return TRUE;

bad_lines:
  set_template_error (error, _("Each line of the report template’s letterhead must be text."));
  return FALSE;
}

static gboolean
parse_sections (SigapReportTemplate  *self,
                JsonNode             *node,
                GError              **error)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) == 0)
    {
      set_template_error (error, _("The report template lists no sections."));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *nick;
      guint section;

      if (!node_holds_string (element))
        {
          set_template_error (error, _("The report template’s sections must be names."));
          return FALSE;
        }
      nick = json_node_get_string (element);

      for (section = 0; section < SIGAP_REPORT_N_SECTIONS; section++)
        {
          if (g_str_equal (nick, section_nicks[section]))
            break;
        }
      if (section == SIGAP_REPORT_N_SECTIONS)
        {
          g_set_error (error, SIGAP_REPORT_DOCUMENT_ERROR, SIGAP_REPORT_DOCUMENT_ERROR_TEMPLATE,
                       _("The report template lists an unknown section “%s”."), nick);
          return FALSE;
        }
      if (sigap_report_template_has_section (self, section))
        {
          g_set_error (error, SIGAP_REPORT_DOCUMENT_ERROR, SIGAP_REPORT_DOCUMENT_ERROR_TEMPLATE,
                       _("The report template lists the section “%s” twice."), nick);
          return FALSE;
        }
      g_array_append_val (self->sections, section);
    }

  return TRUE;
}

/**
 * sigap_report_template_new_from_json:
 * @object: the template, as data/report-template.json holds it
 * @error: return location for a %SIGAP_REPORT_DOCUMENT_ERROR_TEMPLATE error
 *
 * Reads and checks a report template (format 1): its title, its
 * letterhead's lines (where "{opd}" stands for the agency's name), address
 * and logo (a PNG of at most 512 KiB, in base64, or null), and the
 * sections in the order they are printed.
 *
 * Returns: (transfer full) (nullable): the template
 */
SigapReportTemplate *
sigap_report_template_new_from_json (JsonObject  *object,
                                     GError     **error)
{
  g_autoptr(SigapReportTemplate) self = NULL;
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SigapReportTemplate, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->sections = g_array_new (FALSE, FALSE, sizeof (SigapReportSection));

  node = json_object_get_member (object, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) != 1)
    {
      set_template_error (error, _("The report template is in a format this version of "
                                   "Sigap does not read."));
      return NULL;
    }

  node = json_object_get_member (object, "title");
  if (!node_is_null (node) && !node_holds_string (node))
    {
      set_template_error (error, _("The report template’s title is not text."));
      return NULL;
    }
  if (!node_is_null (node) && *json_node_get_string (node) != '\0')
    self->title = g_strdup (json_node_get_string (node));
  else
    self->title = g_strdup (_("Monthly Social Media Report"));

  if (!parse_letterhead (self, json_object_get_member (object, "letterhead"), error))
    return NULL;

  if (!parse_sections (self, json_object_get_member (object, "sections"), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sigap_report_template_ref:
 *
 * Returns: (transfer full): @self
 */
SigapReportTemplate *
sigap_report_template_ref (SigapReportTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * sigap_report_template_unref:
 *
 * Drops a reference to @self.
 */
void
sigap_report_template_unref (SigapReportTemplate *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->title);
  g_strfreev (self->lines);
  g_free (self->address);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_array_unref (self->sections);
  g_free (self);
}

/**
 * sigap_report_template_get_title:
 *
 * Returns: the reports' title
 */
const char *
sigap_report_template_get_title (SigapReportTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/**
 * sigap_report_template_has_section:
 * @section: a section
 *
 * Returns: whether the template lists @section
 */
gboolean
sigap_report_template_has_section (SigapReportTemplate *self,
                                   SigapReportSection   section)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->sections->len; i++)
    {
      if (g_array_index (self->sections, SigapReportSection, i) == section)
        return TRUE;
    }

  return FALSE;
}

const char * const *
_sigap_report_template_get_lines (SigapReportTemplate *self)
{
  return (const char * const *) self->lines;
}

const char *
_sigap_report_template_get_address (SigapReportTemplate *self)
{
  return self->address;
}

cairo_surface_t *
_sigap_report_template_get_logo (SigapReportTemplate *self)
{
  return self->logo;
}

guint
_sigap_report_template_get_n_sections (SigapReportTemplate *self)
{
  return self->sections->len;
}

SigapReportSection
_sigap_report_template_get_section (SigapReportTemplate *self,
                                    guint                index)
{
  g_assert (index < self->sections->len);

  return g_array_index (self->sections, SigapReportSection, index);
}

/* Document */

static void
sigap_report_document_finalize (GObject *object)
{
  SigapReportDocument *self = (SigapReportDocument *) object;

  g_clear_pointer (&self->template_, sigap_report_template_unref);
  g_free (self->opd_name);
  g_free (self->notes);
  g_free (self->signer_name);
  g_free (self->signer_nip);
  g_clear_pointer (&self->figures, sigap_report_figures_free);
  g_clear_pointer (&self->previous, sigap_report_figures_free);
  g_clear_pointer (&self->flow, _sigap_report_flow_free);

  G_OBJECT_CLASS (sigap_report_document_parent_class)->finalize (object);
}

static void
sigap_report_document_class_init (SigapReportDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_report_document_finalize;
}

static void
sigap_report_document_init (SigapReportDocument *self)
{
}

/* The account's followers a month before, or -1. */
static gint64
previous_followers (SigapReportDocument      *self,
                    const SigapReportAccount *account)
{
  if (self->previous == NULL || self->previous->accounts == NULL)
    return -1;

  for (guint i = 0; i < self->previous->accounts->len; i++)
    {
      const SigapReportAccount *before = g_ptr_array_index (self->previous->accounts, i);

      if (g_strcmp0 (before->account_id, account->account_id) == 0)
        return before->followers;
    }

  return -1;
}

static guint
n_accounts (const SigapReportFigures *figures)
{
  return figures->accounts != NULL ? figures->accounts->len : 0;
}

static const SigapReportAccount *
get_account (const SigapReportFigures *figures,
             guint                     index)
{
  return g_ptr_array_index (figures->accounts, index);
}

static const char *
section_title (SigapReportSection section)
{
  switch (section)
    {
    case SIGAP_REPORT_SECTION_POSTS:
      return _("Posts per platform");
    case SIGAP_REPORT_SECTION_LINKS:
      return _("Links shared");
    case SIGAP_REPORT_SECTION_CATEGORIES:
      return _("Posts per content category");
    case SIGAP_REPORT_SECTION_COMPLAINTS:
      return _("Complaints");
    case SIGAP_REPORT_SECTION_QUIET_ACCOUNTS:
      return _("Quiet accounts");
    case SIGAP_REPORT_SECTION_ACCOUNTS:
      return _("Accounts");
    case SIGAP_REPORT_SECTION_NOTES:
      return _("Notes");
    case SIGAP_REPORT_SECTION_SIGNATURE:
    default:
      return "";
    }
}

/* The worksheet's name of a section, short enough for Excel. */
static const char *
section_sheet (SigapReportSection section)
{
  switch (section)
    {
    case SIGAP_REPORT_SECTION_POSTS:
      /* Translators: a worksheet's name, at most 31 characters */
      return _("Posts");
    case SIGAP_REPORT_SECTION_LINKS:
      /* Translators: a worksheet's name, at most 31 characters */
      return _("Links");
    case SIGAP_REPORT_SECTION_CATEGORIES:
      return _("Categories");
    case SIGAP_REPORT_SECTION_COMPLAINTS:
      return _("Complaints");
    case SIGAP_REPORT_SECTION_QUIET_ACCOUNTS:
      return _("Quiet accounts");
    case SIGAP_REPORT_SECTION_ACCOUNTS:
      return _("Accounts");
    case SIGAP_REPORT_SECTION_NOTES:
      return _("Notes");
    case SIGAP_REPORT_SECTION_SIGNATURE:
    default:
      return NULL;
    }
}

/* The rows of the complaints' table: label, shown value, number (or -1). */
typedef struct
{
  const char *label;
  char *shown;
  double number;
} ComplaintFigure;

#define N_COMPLAINT_FIGURES 7

static void
complaint_figures (const SigapReportFigures *figures,
                   ComplaintFigure          *out)
{
  double on_time = _sigap_export_on_time_percent (figures->complaints_due,
                                                  figures->complaints_late);

  out[0].label = _("Received in the month");
  out[0].number = figures->complaints_received;
  out[1].label = _("Resolved in the month");
  out[1].number = figures->complaints_resolved;
  out[2].label = _("Due in the month");
  out[2].number = figures->complaints_due;
  out[3].label = _("Of those, resolved late");
  out[3].number = figures->complaints_late;
  for (guint i = 0; i < 4; i++)
    out[i].shown = _sigap_export_format_count ((gint64) out[i].number);
  out[4].label = _("Resolved on time");
  out[4].number = on_time;
  out[4].shown = _sigap_export_format_percent (on_time);
  out[5].label = _("Median time to the first answer");
  out[5].number = figures->median_first_answer_days;
  out[5].shown = _sigap_export_format_days (figures->median_first_answer_days);
  out[6].label = _("Median time to resolution");
  out[6].number = figures->median_resolution_days;
  out[6].shown = _sigap_export_format_days (figures->median_resolution_days);
}

static void
complaint_figures_clear (ComplaintFigure *figures)
{
  for (guint i = 0; i < N_COMPLAINT_FIGURES; i++)
    g_clear_pointer (&figures[i].shown, g_free);
}

static void
add_posts (SigapReportDocument *self,
           SigapReportFlow     *flow)
{
  static const double widths[] = { 0.34, 0.22, 0.22, 0.22 };
  const SigapReportFigures *f = self->figures;
  const char *header[] = { _("Platform"), _("Planned"), _("Published"), _("Uploads") };
  const char *labels[SIGAP_N_PLATFORMS];
  double values[SIGAP_N_PLATFORMS];
  g_autofree char *planned = _sigap_export_format_count (sigap_report_figures_total (f->planned));
  g_autofree char *published = _sigap_export_format_count (
    sigap_report_figures_total (f->published));
  g_autofree char *uploads = _sigap_export_format_count (sigap_report_figures_total (f->uploads));
  const char *total[] = { _("Total"), planned, published, uploads };

  _sigap_report_flow_begin_table (flow, 4, widths, 0xe);
  _sigap_report_flow_add_row (flow, header, SIGAP_REPORT_ROW_HEADER);
  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      g_autofree char *a = _sigap_export_format_count (f->planned[p]);
      g_autofree char *b = _sigap_export_format_count (f->published[p]);
      g_autofree char *c = _sigap_export_format_count (f->uploads[p]);
      const char *row[] = { sigap_platform_to_label (p), a, b, c };

      _sigap_report_flow_add_row (flow, row, 0);
      labels[p] = sigap_platform_to_label (p);
      values[p] = f->uploads[p];
    }
  _sigap_report_flow_add_row (flow, total, SIGAP_REPORT_ROW_TOTAL);

  _sigap_report_flow_add_chart (flow, _("Uploads per platform"), labels, values,
                                SIGAP_N_PLATFORMS);
}

static void
add_links (SigapReportDocument *self,
           SigapReportFlow     *flow)
{
  static const double widths[] = { 0.6, 0.4 };
  const char *header[] = { _("Platform"), _("Links") };
  g_autofree char *total = _sigap_export_format_count (self->figures->links_total);
  const char *total_row[] = { _("Distinct links, all platforms"), total };

  _sigap_report_flow_begin_table (flow, 2, widths, 0x2);
  _sigap_report_flow_add_row (flow, header, SIGAP_REPORT_ROW_HEADER);
  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      g_autofree char *count = _sigap_export_format_count (self->figures->links[p]);
      const char *row[] = { sigap_platform_to_label (p), count };

      _sigap_report_flow_add_row (flow, row, 0);
    }
  _sigap_report_flow_add_row (flow, total_row, SIGAP_REPORT_ROW_TOTAL);
}

static void
add_categories (SigapReportDocument *self,
                SigapReportFlow     *flow)
{
  static const double widths[] = { 0.7, 0.3 };
  const char *header[] = { _("Category"), _("Posts published") };
  guint sum = 0;
  g_autofree char *total = NULL;
  const char *total_row[2];

  _sigap_report_flow_begin_table (flow, 2, widths, 0x2);
  _sigap_report_flow_add_row (flow, header, SIGAP_REPORT_ROW_HEADER);
  for (guint c = 0; c < SIGAP_N_CONTENT_CATEGORIES; c++)
    {
      g_autofree char *count = _sigap_export_format_count (self->figures->categories[c]);
      const char *row[] = { sigap_content_category_to_label (c), count };

      _sigap_report_flow_add_row (flow, row, 0);
      sum += self->figures->categories[c];
    }
  total = _sigap_export_format_count (sum);
  total_row[0] = _("Total");
  total_row[1] = total;
  _sigap_report_flow_add_row (flow, total_row, SIGAP_REPORT_ROW_TOTAL);
}

static void
add_complaints (SigapReportDocument *self,
                SigapReportFlow     *flow)
{
  static const double widths[] = { 0.6, 0.4 };
  const char *header[] = { _("Measure"), _("Value") };
  ComplaintFigure figures[N_COMPLAINT_FIGURES] = { { 0 } };
  const char *labels[] = { _("Received"), _("Resolved"), _("Late") };
  double values[] = {
    self->figures->complaints_received,
    self->figures->complaints_resolved,
    self->figures->complaints_late,
  };

  complaint_figures (self->figures, figures);
  _sigap_report_flow_begin_table (flow, 2, widths, 0x2);
  _sigap_report_flow_add_row (flow, header, SIGAP_REPORT_ROW_HEADER);
  for (guint i = 0; i < N_COMPLAINT_FIGURES; i++)
    {
      const char *row[] = { figures[i].label, figures[i].shown };

      _sigap_report_flow_add_row (flow, row, 0);
    }
  complaint_figures_clear (figures);

  _sigap_report_flow_add_chart (flow, _("Complaints in the month"), labels, values,
                                G_N_ELEMENTS (values));
}

static void
add_quiet_accounts (SigapReportDocument *self,
                    SigapReportFlow     *flow)
{
  static const double widths[] = { 0.45, 0.2, 0.35 };
  const char *header[] = { _("Account"), _("Platform"), _("Last published") };
  g_autofree char *intro = NULL;
  g_autofree char *intro_markup = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < n_accounts (self->figures); i++)
    any = any || get_account (self->figures, i)->quiet;

  if (!any)
    intro = g_strdup_printf (_("None: every account published something in the %d days up "
                               "to the end of the month."), SIGAP_REPORT_QUIET_DAYS);
  else
    intro = g_strdup_printf (_("Accounts with nothing published in the %d days up to the "
                               "end of the month."), SIGAP_REPORT_QUIET_DAYS);
  intro_markup = g_markup_escape_text (intro, -1);
  _sigap_report_flow_add_text (flow, intro_markup, 10, PANGO_ALIGN_LEFT, 0, 4, any);
  if (!any)
    return;

  _sigap_report_flow_begin_table (flow, 3, widths, 0);
  _sigap_report_flow_add_row (flow, header, SIGAP_REPORT_ROW_HEADER);
  for (guint i = 0; i < n_accounts (self->figures); i++)
    {
      const SigapReportAccount *account = get_account (self->figures, i);
      g_autofree char *last = NULL;
      const char *row[3];

      if (!account->quiet)
        continue;

      if (account->last_published_at > 0)
        last = _sigap_export_format_date (account->last_published_at);
      else
        last = g_strdup (_("no uploads"));
      row[0] = account->handle;
      row[1] = sigap_platform_to_label (account->platform);
      row[2] = last;
      _sigap_report_flow_add_row (flow, row, 0);
    }
}

static void
add_accounts (SigapReportDocument *self,
              SigapReportFlow     *flow)
{
  static const double widths[] = { 0.21, 0.12, 0.13, 0.13, 0.11, 0.13, 0.17 };
  const char *header[] = {
    _("Account"), _("Platform"), _("Followers"), _("Last month"), _("Change"), _("Reach"),
    _("Engagement"),
  };

  if (n_accounts (self->figures) == 0)
    {
      g_autofree char *none = g_markup_escape_text (_("The agency has no accounts."), -1);

      _sigap_report_flow_add_text (flow, none, 10, PANGO_ALIGN_LEFT, 0, 4, FALSE);
      return;
    }

  _sigap_report_flow_begin_table (flow, 7, widths, 0x7c);
  _sigap_report_flow_add_row (flow, header, SIGAP_REPORT_ROW_HEADER);
  for (guint i = 0; i < n_accounts (self->figures); i++)
    {
      const SigapReportAccount *account = get_account (self->figures, i);
      gint64 before = previous_followers (self, account);
      g_autofree char *followers = _sigap_export_format_count (account->followers);
      g_autofree char *last = _sigap_export_format_count (before);
      g_autofree char *change = NULL;
      g_autofree char *reach = _sigap_export_format_count (account->reach);
      g_autofree char *engagement = _sigap_export_format_count (account->engagement);
      const char *row[7];

      if (account->followers >= 0 && before >= 0)
        change = _sigap_export_format_change (account->followers - before);
      else
        change = _sigap_export_format_count (-1);

      row[0] = account->handle;
      row[1] = sigap_platform_to_label (account->platform);
      row[2] = followers;
      row[3] = last;
      row[4] = change;
      row[5] = reach;
      row[6] = engagement;
      _sigap_report_flow_add_row (flow, row, 0);
    }
}

static void
add_notes (SigapReportDocument *self,
           SigapReportFlow     *flow)
{
  if (self->notes == NULL || *g_strstrip (self->notes) == '\0')
    {
      g_autofree char *none = g_markup_escape_text (_("No notes."), -1);

      _sigap_report_flow_add_text (flow, none, 10, PANGO_ALIGN_LEFT, 0, 4, FALSE);
    }
  else
    _sigap_report_flow_add_paragraphs (flow, self->notes, 10, 4);
}

static void
add_signature (SigapReportDocument *self,
               SigapReportFlow     *flow)
{
  g_autofree char *date = _sigap_export_format_date (self->signed_at);
  g_autofree char *head = g_strdup_printf (_("Head of %s"), self->opd_name);
  g_autofree char *nip = g_strdup_printf (_("NIP. %s"),
                                          self->signer_nip != NULL && *self->signer_nip != '\0'
                                          ? self->signer_nip : "………………………");
  const char *name = self->signer_name != NULL && *self->signer_name != '\0'
                     ? self->signer_name : "(………………………………)";
  g_autofree char *markup = NULL;

  /* The place is left for the signer to write by hand. */
  markup = g_markup_printf_escaped ("…………………, %s\n%s\n\n\n\n\n<b><u>%s</u></b>\n%s",
                                    date, head, name, nip);
  _sigap_report_flow_add_text (flow, markup, 10, PANGO_ALIGN_LEFT,
                               _sigap_report_flow_get_width (flow) * 0.55, 28, FALSE);
}

static char *
replace_opd (const char *line,
             const char *opd_name)
{
  GString *out = g_string_new (line);

  g_string_replace (out, "{opd}", opd_name, 0);
  return g_string_free (out, FALSE);
}

static void
build_flow (SigapReportDocument *self)
{
  SigapReportFlow *flow = _sigap_report_flow_new (SIGAP_REPORT_PAGE_WIDTH,
                                                  SIGAP_REPORT_PAGE_HEIGHT, MARGIN);
  const char * const *template_lines = _sigap_report_template_get_lines (self->template_);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period = _sigap_export_format_period (self->year, self->month);
  g_autofree char *title = NULL;
  g_autofree char *month_line = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *opd_line = NULL;

  for (guint i = 0; template_lines[i] != NULL; i++)
    g_ptr_array_add (lines, replace_opd (template_lines[i], self->opd_name));
  g_ptr_array_add (lines, NULL);
  if (lines->len > 1 || _sigap_report_template_get_logo (self->template_) != NULL)
    _sigap_report_flow_add_letterhead (flow, _sigap_report_template_get_logo (self->template_),
                                       (const char * const *) lines->pdata,
                                       _sigap_report_template_get_address (self->template_));

  title = g_markup_printf_escaped ("<b>%s</b>", sigap_report_template_get_title (self->template_));
  _sigap_report_flow_add_text (flow, title, 13, PANGO_ALIGN_CENTER, 0, 14, TRUE);
  /* Translators: under the report's title, "Bulan: Desember 2026" */
  month_text = g_strdup_printf (_("Month: %s"), period);
  month_line = g_markup_escape_text (month_text, -1);
  _sigap_report_flow_add_text (flow, month_line, 10, PANGO_ALIGN_CENTER, 0, 4, TRUE);
  opd_line = g_markup_escape_text (self->opd_name, -1);
  _sigap_report_flow_add_text (flow, opd_line, 10, PANGO_ALIGN_CENTER, 0, 2, FALSE);

  for (guint i = 0; i < _sigap_report_template_get_n_sections (self->template_); i++)
    {
      SigapReportSection section = _sigap_report_template_get_section (self->template_, i);

      if (section != SIGAP_REPORT_SECTION_SIGNATURE)
        _sigap_report_flow_add_heading (flow, section_title (section));

      switch (section)
        {
        case SIGAP_REPORT_SECTION_POSTS:
          add_posts (self, flow);
          break;
        case SIGAP_REPORT_SECTION_LINKS:
          add_links (self, flow);
          break;
        case SIGAP_REPORT_SECTION_CATEGORIES:
          add_categories (self, flow);
          break;
        case SIGAP_REPORT_SECTION_COMPLAINTS:
          add_complaints (self, flow);
          break;
        case SIGAP_REPORT_SECTION_QUIET_ACCOUNTS:
          add_quiet_accounts (self, flow);
          break;
        case SIGAP_REPORT_SECTION_ACCOUNTS:
          add_accounts (self, flow);
          break;
        case SIGAP_REPORT_SECTION_NOTES:
          add_notes (self, flow);
          break;
        case SIGAP_REPORT_SECTION_SIGNATURE:
          add_signature (self, flow);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  _sigap_report_flow_paginate (flow);
  self->flow = flow;
}

/**
 * sigap_report_document_new:
 * @template_: the template Diskominfo sets
 * @opd_name: the agency's name
 * @report: the report: its month, status, notes and signer
 * @figures: the month's figures
 * @previous: (nullable): the month before's, for the change in followers
 *
 * Lays out one agency's monthly report. The document keeps copies of the
 * figures and of what it needs of @report.
 *
 * Returns: (transfer full): the document
 */
SigapReportDocument *
sigap_report_document_new (SigapReportTemplate      *template_,
                           const char               *opd_name,
                           SigapReport              *report,
                           const SigapReportFigures *figures,
                           const SigapReportFigures *previous)
{
  SigapReportDocument *self;
  gint64 submitted_at;

  g_return_val_if_fail (template_ != NULL, NULL);
  g_return_val_if_fail (opd_name != NULL, NULL);
  g_return_val_if_fail (SIGAP_IS_REPORT (report), NULL);
  g_return_val_if_fail (figures != NULL, NULL);

  self = g_object_new (SIGAP_TYPE_REPORT_DOCUMENT, NULL);
  self->template_ = sigap_report_template_ref (template_);
  self->opd_name = g_strdup (opd_name);
  self->year = sigap_report_get_year (report) > 0 ? sigap_report_get_year (report)
                                                  : figures->year;
  self->month = sigap_report_get_month (report) > 0 ? sigap_report_get_month (report)
                                                    : figures->month;
  self->status = sigap_report_get_status (report);
  self->notes = g_strdup (sigap_report_get_notes (report));
  self->signer_name = g_strdup (sigap_report_get_signer_name (report));
  self->signer_nip = g_strdup (sigap_report_get_signer_nip (report));
  submitted_at = sigap_report_get_submitted_at (report);
  self->signed_at = submitted_at > 0 ? submitted_at : g_get_real_time () / G_USEC_PER_SEC;
  self->figures = sigap_report_figures_copy (figures);
  self->previous = previous != NULL ? sigap_report_figures_copy (previous) : NULL;

  build_flow (self);

  return self;
}

/**
 * sigap_report_document_get_n_pages:
 *
 * Returns: the number of pages, at least one
 */
guint
sigap_report_document_get_n_pages (SigapReportDocument *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_DOCUMENT (self), 0);

  return _sigap_report_flow_get_n_pages (self->flow);
}

/**
 * sigap_report_document_draw_page:
 * @cr: where to draw, one unit a point; the page is
 *   %SIGAP_REPORT_PAGE_WIDTH by %SIGAP_REPORT_PAGE_HEIGHT
 * @page: the page, from 0
 *
 * Draws a page as sigap_report_document_write_pdf() prints it.
 */
void
sigap_report_document_draw_page (SigapReportDocument *self,
                                 cairo_t             *cr,
                                 guint                page)
{
  g_return_if_fail (SIGAP_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < _sigap_report_flow_get_n_pages (self->flow));

  _sigap_report_flow_draw_page (self->flow, cr, page);
}

/**
 * sigap_report_document_write_pdf:
 * @path: where to write the PDF
 * @error: return location for a %SIGAP_REPORT_DOCUMENT_ERROR_WRITE error
 *
 * Prints the report to an A4 PDF.
 *
 * Returns: whether it was written
 */
gboolean
sigap_report_document_write_pdf (SigapReportDocument  *self,
                                 const char           *path,
                                 GError              **error)
{
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SIGAP_IS_REPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  period = _sigap_export_format_period (self->year, self->month);
  title = g_strdup_printf ("%s — %s — %s", sigap_report_template_get_title (self->template_),
                           self->opd_name, period);

  return _sigap_report_flow_write_pdf (self->flow, title, path, error);
}

/* XLSX */

typedef struct
{
  lxw_workbook *workbook;
  lxw_format *bold;
  lxw_format *decimal;
} Workbook;

static lxw_worksheet *
add_sheet (Workbook   *book,
           const char *name)
{
  g_autofree char *clean = _sigap_export_sheet_name (name);

  return workbook_add_worksheet (book->workbook, clean);
}

static void
write_header (Workbook           *book,
              lxw_worksheet      *sheet,
              const char * const *heads,
              guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      worksheet_write_string (sheet, 0, (lxw_col_t) i, heads[i], book->bold);
      worksheet_set_column (sheet, (lxw_col_t) i, (lxw_col_t) i, i == 0 ? 34 : 14, NULL);
    }
}

/* A number, or an empty cell for a figure nobody typed (-1). */
static void
write_number (Workbook      *book,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              lxw_col_t      col,
              double         value,
              gboolean       decimal)
{
  if (value < 0)
    return;

  worksheet_write_number (sheet, row, col, value, decimal ? book->decimal : NULL);
}

static void
xlsx_summary (SigapReportDocument *self,
              Workbook            *book)
{
  lxw_worksheet *sheet = add_sheet (book, _("Summary"));
  g_autofree char *period = _sigap_export_format_period (self->year, self->month);
  const char *labels[] = {
    _("Report"), _("Agency"), _("Period"), _("Year"), _("Month"), _("Status"), _("Signed by"),
    _("Employee ID (NIP)"),
  };
  const char *heads[] = { _("Field"), _("Value") };

  write_header (book, sheet, heads, 2);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    worksheet_write_string (sheet, (lxw_row_t) i + 1, 0, labels[i], NULL);

  worksheet_write_string (sheet, 1, 1, sigap_report_template_get_title (self->template_), NULL);
  worksheet_write_string (sheet, 2, 1, self->opd_name, NULL);
  worksheet_write_string (sheet, 3, 1, period, NULL);
  worksheet_write_number (sheet, 4, 1, self->year, NULL);
  worksheet_write_number (sheet, 5, 1, self->month, NULL);
  worksheet_write_string (sheet, 6, 1, sigap_report_status_to_label (self->status), NULL);
  worksheet_write_string (sheet, 7, 1, self->signer_name != NULL ? self->signer_name : "", NULL);
  worksheet_write_string (sheet, 8, 1, self->signer_nip != NULL ? self->signer_nip : "", NULL);
  worksheet_set_column (sheet, 1, 1, 48, NULL);
}

static void
xlsx_section (SigapReportDocument *self,
              Workbook            *book,
              SigapReportSection   section)
{
  const SigapReportFigures *f = self->figures;
  const char *name = section_sheet (section);
  lxw_worksheet *sheet;
  lxw_row_t row = 1;

  if (name == NULL)
    return;
  sheet = add_sheet (book, name);

  switch (section)
    {
    case SIGAP_REPORT_SECTION_POSTS:
      {
        const char *heads[] = { _("Platform"), _("Planned"), _("Published"), _("Uploads") };

        write_header (book, sheet, heads, 4);
        for (guint p = 0; p < SIGAP_N_PLATFORMS; p++, row++)
          {
            worksheet_write_string (sheet, row, 0, sigap_platform_to_label (p), NULL);
            worksheet_write_number (sheet, row, 1, f->planned[p], NULL);
            worksheet_write_number (sheet, row, 2, f->published[p], NULL);
            worksheet_write_number (sheet, row, 3, f->uploads[p], NULL);
          }
        worksheet_write_string (sheet, row, 0, _("Total"), book->bold);
        worksheet_write_number (sheet, row, 1, sigap_report_figures_total (f->planned),
                                book->bold);
        worksheet_write_number (sheet, row, 2, sigap_report_figures_total (f->published),
                                book->bold);
        worksheet_write_number (sheet, row, 3, sigap_report_figures_total (f->uploads),
                                book->bold);
      }
      break;

    case SIGAP_REPORT_SECTION_LINKS:
      {
        const char *heads[] = { _("Platform"), _("Links") };

        write_header (book, sheet, heads, 2);
        for (guint p = 0; p < SIGAP_N_PLATFORMS; p++, row++)
          {
            worksheet_write_string (sheet, row, 0, sigap_platform_to_label (p), NULL);
            worksheet_write_number (sheet, row, 1, f->links[p], NULL);
          }
        worksheet_write_string (sheet, row, 0, _("Distinct links, all platforms"), book->bold);
        worksheet_write_number (sheet, row, 1, f->links_total, book->bold);
      }
      break;

    case SIGAP_REPORT_SECTION_CATEGORIES:
      {
        const char *heads[] = { _("Category"), _("Posts published") };

        write_header (book, sheet, heads, 2);
        for (guint c = 0; c < SIGAP_N_CONTENT_CATEGORIES; c++, row++)
          {
            worksheet_write_string (sheet, row, 0, sigap_content_category_to_label (c), NULL);
            worksheet_write_number (sheet, row, 1, f->categories[c], NULL);
          }
      }
      break;

    case SIGAP_REPORT_SECTION_COMPLAINTS:
      {
        const char *heads[] = { _("Measure"), _("Value") };
        ComplaintFigure figures[N_COMPLAINT_FIGURES] = { { 0 } };

        complaint_figures (f, figures);
        write_header (book, sheet, heads, 2);
        for (guint i = 0; i < N_COMPLAINT_FIGURES; i++, row++)
          {
            g_autofree char *label = NULL;

            /* The percentage and the medians are plain numbers here; say
             * what they count in. */
            if (i == 4)
              label = g_strdup_printf ("%s (%%)", figures[i].label);
            else if (i > 4)
              label = g_strdup_printf (_("%s (working days)"), figures[i].label);
            else
              label = g_strdup (figures[i].label);
            worksheet_write_string (sheet, row, 0, label, NULL);
            write_number (book, sheet, row, 1, figures[i].number, i >= 4);
          }
        complaint_figures_clear (figures);
      }
      break;

    case SIGAP_REPORT_SECTION_QUIET_ACCOUNTS:
      {
        const char *heads[] = { _("Account"), _("Platform"), _("Last published") };

        write_header (book, sheet, heads, 3);
        for (guint i = 0; i < n_accounts (f); i++)
          {
            const SigapReportAccount *account = get_account (f, i);
            g_autofree char *last = NULL;

            if (!account->quiet)
              continue;
            if (account->last_published_at > 0)
              last = _sigap_export_format_date (account->last_published_at);
            else
              last = g_strdup (_("no uploads"));
            worksheet_write_string (sheet, row, 0, account->handle, NULL);
            worksheet_write_string (sheet, row, 1,
                                    sigap_platform_to_label (account->platform), NULL);
            worksheet_write_string (sheet, row, 2, last, NULL);
            row++;
          }
      }
      break;

    case SIGAP_REPORT_SECTION_ACCOUNTS:
      {
        const char *heads[] = {
          _("Account"), _("Platform"), _("Followers"), _("Last month"), _("Change"),
          _("Reach"), _("Engagement"),
        };

        write_header (book, sheet, heads, 7);
        for (guint i = 0; i < n_accounts (f); i++, row++)
          {
            const SigapReportAccount *account = get_account (f, i);
            gint64 before = previous_followers (self, account);

            worksheet_write_string (sheet, row, 0, account->handle, NULL);
            worksheet_write_string (sheet, row, 1,
                                    sigap_platform_to_label (account->platform), NULL);
            write_number (book, sheet, row, 2, (double) account->followers, FALSE);
            write_number (book, sheet, row, 3, (double) before, FALSE);
            if (account->followers >= 0 && before >= 0)
              worksheet_write_number (sheet, row, 4, (double) (account->followers - before),
                                      NULL);
            write_number (book, sheet, row, 5, (double) account->reach, FALSE);
            write_number (book, sheet, row, 6, (double) account->engagement, FALSE);
          }
      }
      break;

    case SIGAP_REPORT_SECTION_NOTES:
      {
        const char *heads[] = { _("Notes") };

        write_header (book, sheet, heads, 1);
        worksheet_set_column (sheet, 0, 0, 100, NULL);
        worksheet_write_string (sheet, 1, 0, self->notes != NULL ? self->notes : "", NULL);
      }
      break;

    case SIGAP_REPORT_SECTION_SIGNATURE:
    default:
      g_assert_not_reached ();
    }
}

/* Opens a workbook on a temporary file next to @path. */
static gboolean
workbook_open (Workbook    *book,
               const char  *temp_path)
{
  lxw_workbook_options options = { 0 };

  book->workbook = workbook_new_opt (temp_path, &options);
  if (book->workbook == NULL)
    return FALSE;

  book->bold = workbook_add_format (book->workbook);
  format_set_bold (book->bold);
  book->decimal = workbook_add_format (book->workbook);
  format_set_num_format (book->decimal, "0.0");

  return TRUE;
}

/* Closes the workbook, writing it, and puts it in place of @path. */
gboolean
_sigap_export_workbook_close (lxw_workbook  *workbook,
                              const char    *temp_path,
                              const char    *path,
                              GError       **error)
{
  lxw_error status = workbook_close (workbook);

  if (status != LXW_NO_ERROR)
    {
      g_remove (temp_path);
      _sigap_export_set_write_error (error, path, lxw_strerror (status));
      return FALSE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_remove (temp_path);
      _sigap_export_set_write_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * sigap_report_document_write_xlsx:
 * @path: where to write the workbook
 * @error: return location for a %SIGAP_REPORT_DOCUMENT_ERROR_WRITE error
 *
 * Writes the report as an XLSX workbook: a summary sheet, then a sheet for
 * each section of the template but the signature, figures as numbers.
 *
 * Returns: whether it was written
 */
gboolean
sigap_report_document_write_xlsx (SigapReportDocument  *self,
                                  const char           *path,
                                  GError              **error)
{
  g_autofree char *temp = NULL;
  Workbook book = { NULL };

  g_return_val_if_fail (SIGAP_IS_REPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  temp = _sigap_export_temp_path (path, error);
  if (temp == NULL)
    return FALSE;

  if (!workbook_open (&book, temp))
    {
      g_remove (temp);
      _sigap_export_set_write_error (error, path, g_strerror (ENOMEM));
      return FALSE;
    }

  xlsx_summary (self, &book);
  for (guint i = 0; i < _sigap_report_template_get_n_sections (self->template_); i++)
    {
      SigapReportSection section = _sigap_report_template_get_section (self->template_, i);

      if (section != SIGAP_REPORT_SECTION_SIGNATURE)
        xlsx_section (self, &book, section);
    }

  return _sigap_export_workbook_close (book.workbook, temp, path, error);
}

/* CSV */

static void
csv_count (GString    *csv,
           const char *section,
           const char *item,
           const char *platform,
           const char *account,
           gint64      value)
{
  g_autofree char *number = value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value)
                                       : g_strdup ("");

  _sigap_export_csv_row (csv, section, item, platform, account, number, NULL);
}

static void
csv_decimal (GString    *csv,
             const char *section,
             const char *item,
             double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE] = "";

  if (value >= 0)
    g_ascii_formatd (buffer, sizeof buffer, "%.1f", value);
  _sigap_export_csv_row (csv, section, item, "", "", buffer, NULL);
}

static void
csv_section (SigapReportDocument *self,
             GString             *csv,
             SigapReportSection   section)
{
  const SigapReportFigures *f = self->figures;
  const char *nick = section_nicks[section];

  switch (section)
    {
    case SIGAP_REPORT_SECTION_POSTS:
      for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
        {
          const char *platform = _sigap_export_platform_nick (p);

          csv_count (csv, nick, "planned", platform, "", f->planned[p]);
          csv_count (csv, nick, "published", platform, "", f->published[p]);
          csv_count (csv, nick, "uploads", platform, "", f->uploads[p]);
        }
      csv_count (csv, nick, "planned", "total", "", sigap_report_figures_total (f->planned));
      csv_count (csv, nick, "published", "total", "",
                 sigap_report_figures_total (f->published));
      csv_count (csv, nick, "uploads", "total", "", sigap_report_figures_total (f->uploads));
      break;

    case SIGAP_REPORT_SECTION_LINKS:
      for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
        csv_count (csv, nick, "links", _sigap_export_platform_nick (p), "", f->links[p]);
      csv_count (csv, nick, "links", "total", "", f->links_total);
      break;

    case SIGAP_REPORT_SECTION_CATEGORIES:
      for (guint c = 0; c < SIGAP_N_CONTENT_CATEGORIES; c++)
        csv_count (csv, nick, _sigap_export_category_nick (c), "", "", f->categories[c]);
      break;

    case SIGAP_REPORT_SECTION_COMPLAINTS:
      csv_count (csv, nick, "received", "", "", f->complaints_received);
      csv_count (csv, nick, "resolved", "", "", f->complaints_resolved);
      csv_count (csv, nick, "due", "", "", f->complaints_due);
      csv_count (csv, nick, "late", "", "", f->complaints_late);
      csv_decimal (csv, nick, "on_time_percent",
                   _sigap_export_on_time_percent (f->complaints_due, f->complaints_late));
      csv_decimal (csv, nick, "median_first_answer_days", f->median_first_answer_days);
      csv_decimal (csv, nick, "median_resolution_days", f->median_resolution_days);
      break;

    case SIGAP_REPORT_SECTION_QUIET_ACCOUNTS:
      for (guint i = 0; i < n_accounts (f); i++)
        {
          const SigapReportAccount *account = get_account (f, i);
          g_autofree char *last = NULL;

          if (!account->quiet)
            continue;
          if (account->last_published_at > 0)
            {
              g_autoptr(GDateTime) date =
                g_date_time_new_from_unix_local (account->last_published_at);

              if (date != NULL)
                last = g_date_time_format (date, "%Y-%m-%d");
            }
          _sigap_export_csv_row (csv, nick, "last_published",
                                 _sigap_export_platform_nick (account->platform),
                                 account->handle, last != NULL ? last : "", NULL);
        }
      break;

    case SIGAP_REPORT_SECTION_ACCOUNTS:
      for (guint i = 0; i < n_accounts (f); i++)
        {
          const SigapReportAccount *account = get_account (f, i);
          const char *platform = _sigap_export_platform_nick (account->platform);

          csv_count (csv, nick, "followers", platform, account->handle, account->followers);
          csv_count (csv, nick, "followers_last_month", platform, account->handle,
                     previous_followers (self, account));
          csv_count (csv, nick, "reach", platform, account->handle, account->reach);
          csv_count (csv, nick, "engagement", platform, account->handle, account->engagement);
        }
      break;

    case SIGAP_REPORT_SECTION_NOTES:
      _sigap_export_csv_row (csv, nick, "text", "", "",
                             self->notes != NULL ? self->notes : "", NULL);
      break;

    case SIGAP_REPORT_SECTION_SIGNATURE:
      _sigap_export_csv_row (csv, nick, "signer_name", "", "",
                             self->signer_name != NULL ? self->signer_name : "", NULL);
      _sigap_export_csv_row (csv, nick, "signer_nip", "", "",
                             self->signer_nip != NULL ? self->signer_nip : "", NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * sigap_report_document_write_csv:
 * @path: where to write the CSV file
 * @error: return location for a %SIGAP_REPORT_DOCUMENT_ERROR_WRITE error
 *
 * Writes the report's figures as one CSV table (RFC 4180, UTF-8, CRLF)
 * for other programs, with the header `section,item,platform,account,value`:
 *
 * - `report`: `opd`, `year`, `month`, `status` (its nick);
 * - `posts`: `planned`, `published`, `uploads` per platform nick and
 *   `total`;
 * - `links`: `links` per platform and `total` (distinct URLs);
 * - `categories`: one item per category nick;
 * - `complaints`: `received`, `resolved`, `due`, `late`,
 *   `on_time_percent`, `median_first_answer_days`,
 *   `median_resolution_days`;
 * - `quiet-accounts`: `last_published` per account (YYYY-MM-DD, empty if
 *   never);
 * - `accounts`: `followers`, `followers_last_month`, `reach`,
 *   `engagement` per account;
 * - `notes`: `text`; `signature`: `signer_name`, `signer_nip`.
 *
 * Sections come in the template's order. Numbers are plain (12345, 1.5);
 * an unknown figure is an empty value.
 *
 * Returns: whether it was written
 */
gboolean
sigap_report_document_write_csv (SigapReportDocument  *self,
                                 const char           *path,
                                 GError              **error)
{
  g_autoptr(GString) csv = g_string_new (NULL);

  g_return_val_if_fail (SIGAP_IS_REPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _sigap_export_csv_row (csv, "section", "item", "platform", "account", "value", NULL);
  _sigap_export_csv_row (csv, "report", "opd", "", "", self->opd_name, NULL);
  csv_count (csv, "report", "year", "", "", self->year);
  csv_count (csv, "report", "month", "", "", self->month);
  _sigap_export_csv_row (csv, "report", "status", "", "",
                         _sigap_export_status_nick (self->status), NULL);

  for (guint i = 0; i < _sigap_report_template_get_n_sections (self->template_); i++)
    csv_section (self, csv, _sigap_report_template_get_section (self->template_, i));

  return _sigap_export_write_file (path, csv->str, csv->len, error);
}
