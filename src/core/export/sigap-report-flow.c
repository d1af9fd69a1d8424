/* sigap-report-flow.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The page layout of the report and the recap: blocks are measured when
 * added, placed on pages by _sigap_report_flow_paginate(), and drawn where
 * they were placed. The preview and the PDF both go through
 * _sigap_report_flow_draw_page(), so they show the same pages.
 *
 * Text is measured with hinting off, so a block is as tall on a scaled
 * preview as in the PDF.
 */

#define G_LOG_DOMAIN "sigap-report-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "sigap-report-export-private.h"

#define FONT_FAMILY   "Cantarell, Sans"
#define BODY_SIZE     10.0
#define HEADING_SIZE  11.5
#define TABLE_SIZE    9.0
#define FOOTER_SIZE   8.0
#define CELL_PAD_X    4.0
#define CELL_PAD_Y    3.0
#define CHART_HEIGHT  170.0
#define LOGO_SIZE     64.0
#define FOOTER_SPACE  24.0
/* Blocks kept together at most: a heading, a table's header, its first row. */
#define MAX_KEEP      4

typedef enum
{
  ITEM_TEXT,
  ITEM_ROW,
  ITEM_CHART,
  ITEM_LETTERHEAD,
} ItemKind;

typedef struct
{
  double widths[SIGAP_REPORT_FLOW_MAX_COLUMNS];
  guint n_columns;
  guint numeric_mask;
  int header;
} Table;

typedef struct
{
  ItemKind kind;
  double height;
  double space_before;
  gboolean keep_with_next;

  /* ITEM_TEXT */
  char *markup;
  double size;
  PangoAlignment align;
  double indent;

  /* ITEM_ROW */
  int table;
  char **cells;
  guint flags;

  /* ITEM_CHART */
  char *title;
  char **labels;
  double *values;
  guint n_values;

  /* ITEM_LETTERHEAD */
  cairo_surface_t *logo;
  char **lines;
  char *address;
} Item;

typedef struct
{
  guint item;
  guint page;
  double y;
} Placement;

struct _SigapReportFlow
{
  double page_width;
  double page_height;
  double margin;

  PangoContext *context;
  GPtrArray *items;
  GArray *tables;
  GArray *placements;
  guint n_pages;
};

static void
item_free (Item *item)
{
  g_free (item->markup);
  g_strfreev (item->cells);
  g_free (item->title);
  g_strfreev (item->labels);
  g_free (item->values);
  g_clear_pointer (&item->logo, cairo_surface_destroy);
  g_strfreev (item->lines);
  g_free (item->address);
  g_free (item);
}

static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("id"));
  if (cr != NULL)
    pango_cairo_update_context (cr, context);

  return context;
}

static PangoLayout *
create_layout (PangoContext *context,
               const char   *text,
               gboolean      is_markup,
               double        size,
               gboolean      bold,
               double        width,
               PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  if (is_markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

SigapReportFlow *
_sigap_report_flow_new (double page_width,
                        double page_height,
                        double margin)
{
  SigapReportFlow *self = g_new0 (SigapReportFlow, 1);

  self->page_width = page_width;
  self->page_height = page_height;
  self->margin = margin;
  self->context = create_context (NULL);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->tables = g_array_new (FALSE, TRUE, sizeof (Table));
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
  self->n_pages = 1;

  return self;
}

void
_sigap_report_flow_free (SigapReportFlow *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->context);
  g_ptr_array_unref (self->items);
  g_array_unref (self->tables);
  g_array_unref (self->placements);
  g_free (self);
}

double
_sigap_report_flow_get_width (SigapReportFlow *self)
{
  return self->page_width - 2 * self->margin;
}

static Item *
add_item (SigapReportFlow *self,
          ItemKind         kind)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->table = -1;
  g_ptr_array_add (self->items, item);

  return item;
}

/**
 * _sigap_report_flow_add_text:
 * @markup: Pango markup, wrapped at the width of the page
 * @indent: how far from the left margin the block starts
 *
 * Adds a block of text.
 */
void
_sigap_report_flow_add_text (SigapReportFlow *self,
                             const char      *markup,
                             double           size,
                             PangoAlignment   align,
                             double           indent,
                             double           space_before,
                             gboolean         keep_with_next)
{
  Item *item = add_item (self, ITEM_TEXT);
  g_autoptr(PangoLayout) layout = NULL;

  item->markup = g_strdup (markup);
  item->size = size;
  item->align = align;
  item->indent = indent;
  item->space_before = space_before;
  item->keep_with_next = keep_with_next;

  layout = create_layout (self->context, markup, TRUE, size, FALSE,
                          _sigap_report_flow_get_width (self) - indent, align);
  item->height = layout_height (layout);
}

/**
 * _sigap_report_flow_add_paragraphs:
 * @text: plain text, paragraphs separated by new lines
 *
 * Adds @text line by line, so that a long text flows over pages.
 */
void
_sigap_report_flow_add_paragraphs (SigapReportFlow *self,
                                   const char      *text,
                                   double           size,
                                   double           space_before)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  double gap = space_before;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      const char *paragraph = g_strchomp (paragraphs[i]);

      if (*paragraph == '\0')
        {
          gap += size;
          continue;
        }

      layout = create_layout (self->context, paragraph, FALSE, size, FALSE,
                              _sigap_report_flow_get_width (self), PANGO_ALIGN_LEFT);
      for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
        {
          PangoLayoutLine *line = l->data;
          g_autofree char *part = g_strndup (paragraph + line->start_index, line->length);
          g_autofree char *markup = g_markup_escape_text (part, -1);

          _sigap_report_flow_add_text (self, markup, size, PANGO_ALIGN_LEFT, 0, gap, FALSE);
          gap = 0;
        }
      gap = size * 0.5;
    }
}

void
_sigap_report_flow_add_heading (SigapReportFlow *self,
                                const char      *text)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);

  _sigap_report_flow_add_text (self, markup, HEADING_SIZE, PANGO_ALIGN_LEFT, 0, 16, TRUE);
}

/**
 * _sigap_report_flow_begin_table:
 * @widths: the share of the page's width of each column; they add up to 1
 * @numeric_mask: bit N set when column N holds numbers (right-aligned)
 *
 * Starts a table; its rows follow with _sigap_report_flow_add_row(). A
 * header row is repeated on each page the table continues on.
 */
void
_sigap_report_flow_begin_table (SigapReportFlow *self,
                                guint            n_columns,
                                const double    *widths,
                                guint            numeric_mask)
{
  Table table = { { 0 }, n_columns, numeric_mask, -1 };
  double width = _sigap_report_flow_get_width (self);

  g_return_if_fail (n_columns > 0 && n_columns <= SIGAP_REPORT_FLOW_MAX_COLUMNS);

  for (guint i = 0; i < n_columns; i++)
    table.widths[i] = widths[i] * width;
  g_array_append_val (self->tables, table);
}

static PangoLayout *
create_cell_layout (PangoContext *context,
                    const Table  *table,
                    guint         column,
                    const char   *text,
                    guint         flags)
{
  gboolean numeric = (table->numeric_mask & (1u << column)) != 0;

  return create_layout (context, text != NULL ? text : "", FALSE, TABLE_SIZE,
                        (flags & (SIGAP_REPORT_ROW_HEADER | SIGAP_REPORT_ROW_TOTAL)) != 0,
                        table->widths[column] - 2 * CELL_PAD_X,
                        numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

/**
 * _sigap_report_flow_add_row:
 * @cells: one text per column of the current table
 * @flags: #SigapReportRowFlags
 */
void
_sigap_report_flow_add_row (SigapReportFlow    *self,
                            const char * const *cells,
                            guint               flags)
{
  Table *table;
  Item *item;
  double height = 0;

  g_return_if_fail (self->tables->len > 0);

  table = &g_array_index (self->tables, Table, self->tables->len - 1);
  item = add_item (self, ITEM_ROW);
  item->table = (int) self->tables->len - 1;
  item->cells = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      item->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
      layout = create_cell_layout (self->context, table, i, item->cells[i], flags);
      height = MAX (height, layout_height (layout));
    }
  item->flags = flags;
  item->height = height + 2 * CELL_PAD_Y;

  if ((flags & SIGAP_REPORT_ROW_HEADER) != 0)
    {
      table->header = (int) self->items->len - 1;
      item->keep_with_next = TRUE;
      item->space_before = 6;
    }
}

/**
 * _sigap_report_flow_add_chart:
 * @title: what the bars count
 * @labels: (array length=n_values): one label per bar
 * @values: (array length=n_values): the bars' values, zero or more
 *
 * Adds a bar chart as wide as the page.
 */
void
_sigap_report_flow_add_chart (SigapReportFlow    *self,
                              const char         *title,
                              const char * const *labels,
                              const double       *values,
                              guint               n_values)
{
  Item *item = add_item (self, ITEM_CHART);

  item->title = g_strdup (title);
  item->labels = g_new0 (char *, n_values + 1);
  for (guint i = 0; i < n_values; i++)
    item->labels[i] = g_strdup (labels[i]);
  item->values = g_memdup2 (values, sizeof (double) * n_values);
  item->n_values = n_values;
  item->height = CHART_HEIGHT;
  item->space_before = 10;
}

static double
logo_scale (cairo_surface_t *logo)
{
  int width = cairo_image_surface_get_width (logo);
  int height = cairo_image_surface_get_height (logo);

  if (width <= 0 || height <= 0)
    return 0;

  return MIN (LOGO_SIZE / width, LOGO_SIZE / height);
}

static double
letterhead_text_width (SigapReportFlow *self,
                       Item            *item)
{
  double width = _sigap_report_flow_get_width (self);

  /* The lines stay centred on the page, clear of the logo on the left. */
  if (item->logo != NULL)
    width -= 2 * (LOGO_SIZE + 8);

  return width;
}

/* Measures the letterhead's lines, and draws them when @cr is given. */
static double
letterhead_lines (SigapReportFlow *self,
                  PangoContext    *context,
                  Item            *item,
                  cairo_t         *cr,
                  double           x,
                  double           y)
{
  double width = letterhead_text_width (self, item);
  double height = 0;

  for (guint i = 0; item->lines[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = create_layout (context, item->lines[i], FALSE,
                                                     i == 0 ? 14 : 12, i == 0, width,
                                                     PANGO_ALIGN_CENTER);

      if (cr != NULL)
        {
          cairo_move_to (cr, x, y + height);
          pango_cairo_show_layout (cr, layout);
        }
      height += layout_height (layout);
    }

  if (item->address != NULL && *item->address != '\0')
    {
      g_autoptr(PangoLayout) layout = create_layout (context, item->address, FALSE, 9,
                                                     FALSE, width, PANGO_ALIGN_CENTER);

      if (cr != NULL)
        {
          cairo_move_to (cr, x, y + height + 2);
          pango_cairo_show_layout (cr, layout);
        }
      height += 2 + layout_height (layout);
    }

  return height;
}

/**
 * _sigap_report_flow_add_letterhead:
 * @logo: (nullable): the logo, drawn on the left
 * @lines: the lines, centred, the first in bold
 * @address: (nullable): the address under them
 *
 * Adds the letterhead and the double rule under it.
 */
void
_sigap_report_flow_add_letterhead (SigapReportFlow    *self,
                                   cairo_surface_t    *logo,
                                   const char * const *lines,
                                   const char         *address)
{
  Item *item = add_item (self, ITEM_LETTERHEAD);
  double text_height;
  double logo_height = 0;

  item->logo = logo != NULL ? cairo_surface_reference (logo) : NULL;
  item->lines = g_strdupv ((char **) lines);
  item->address = g_strdup (address);

  text_height = letterhead_lines (self, self->context, item, NULL, 0, 0);
  if (item->logo != NULL)
    logo_height = cairo_image_surface_get_height (item->logo) * logo_scale (item->logo);
  item->height = MAX (text_height, logo_height) + 10;
}

/**
 * _sigap_report_flow_paginate:
 *
 * Places the blocks on pages: a block that does not fit goes to the next
 * page, a heading stays with what follows it, and a table's header is
 * repeated on the pages it continues on.
 */
void
_sigap_report_flow_paginate (SigapReportFlow *self)
{
  double top = self->margin;
  double bottom = self->page_height - self->margin - FOOTER_SPACE;
  double y = top;
  guint page = 0;

  g_array_set_size (self->placements, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      double gap = y > top ? item->space_before : 0;
      double need = gap + item->height;
      Placement placement;

      for (guint j = i, n = 0; j + 1 < self->items->len && n < MAX_KEEP; j++, n++)
        {
          Item *prev = g_ptr_array_index (self->items, j);
          Item *next = g_ptr_array_index (self->items, j + 1);

          if (!prev->keep_with_next)
            break;
          need += next->space_before + next->height;
        }

      if (y + need > bottom && y > top)
        {
          page++;
          y = top;
          gap = 0;

          if (item->kind == ITEM_ROW && (item->flags & SIGAP_REPORT_ROW_HEADER) == 0)
            {
              Table *table = &g_array_index (self->tables, Table, item->table);

              if (table->header >= 0)
                {
                  Item *header = g_ptr_array_index (self->items, table->header);
                  Placement repeated = { (guint) table->header, page, y };

                  g_array_append_val (self->placements, repeated);
                  y += header->height;
                }
            }
        }

      placement.item = i;
      placement.page = page;
      placement.y = y + gap;
      g_array_append_val (self->placements, placement);
      y += gap + item->height;
    }

  self->n_pages = page + 1;
}

guint
_sigap_report_flow_get_n_pages (SigapReportFlow *self)
{
  return self->n_pages;
}

static void
draw_row (SigapReportFlow *self,
          PangoContext    *context,
          cairo_t         *cr,
          Item            *item,
          double           y)
{
  const Table *table = &g_array_index (self->tables, Table, item->table);
  double left = self->margin;
  double width = _sigap_report_flow_get_width (self);
  double x = left;

  if ((item->flags & SIGAP_REPORT_ROW_HEADER) != 0)
    {
      cairo_set_source_rgb (cr, 0.88, 0.90, 0.93);
      cairo_rectangle (cr, left, y, width, item->height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autoptr(PangoLayout) layout = create_cell_layout (context, table, i, item->cells[i],
                                                          item->flags);

      cairo_move_to (cr, x + CELL_PAD_X, y + CELL_PAD_Y);
      pango_cairo_show_layout (cr, layout);
      x += table->widths[i];
    }

  if ((item->flags & (SIGAP_REPORT_ROW_HEADER | SIGAP_REPORT_ROW_TOTAL)) != 0)
    {
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + width, y);
      cairo_stroke (cr);
    }
  if ((item->flags & SIGAP_REPORT_ROW_HEADER) != 0)
    {
      cairo_set_line_width (cr, 0.8);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  else
    {
      cairo_set_line_width (cr, 0.3);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
    }
  cairo_move_to (cr, left, y + item->height);
  cairo_line_to (cr, left + width, y + item->height);
  cairo_stroke (cr);
}

static void
draw_chart (SigapReportFlow *self,
            PangoContext    *context,
            cairo_t         *cr,
            Item            *item,
            double           y)
{
  static const double colours[][3] = {
    { 0.21, 0.52, 0.89 }, { 0.15, 0.64, 0.41 }, { 0.90, 0.38, 0.00 },
    { 0.57, 0.25, 0.67 }, { 0.75, 0.11, 0.16 }, { 0.39, 0.27, 0.17 },
  };
  double left = self->margin;
  double width = _sigap_report_flow_get_width (self);
  g_autoptr(PangoLayout) title = create_layout (context, item->title, FALSE, BODY_SIZE, TRUE,
                                                width, PANGO_ALIGN_CENTER);
  double plot_top = y + layout_height (title) + 18;
  double plot_bottom = y + item->height - 20;
  double plot_left = left + 20;
  double plot_width = width - 40;
  double max = 0;
  double slot;
  double bar_width;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, left, y);
  pango_cairo_show_layout (cr, title);

  for (guint i = 0; i < item->n_values; i++)
    max = MAX (max, item->values[i]);
  if (max <= 0)
    max = 1;

  slot = plot_width / MAX (item->n_values, 1);
  bar_width = MIN (slot * 0.6, 60);

  for (guint i = 0; i < item->n_values; i++)
    {
      const double *colour = colours[i % G_N_ELEMENTS (colours)];
      double height = (plot_bottom - plot_top) * item->values[i] / max;
      double x = plot_left + slot * i + (slot - bar_width) / 2;
      g_autofree char *value = _sigap_export_format_count ((gint64) item->values[i]);
      g_autoptr(PangoLayout) value_layout = create_layout (context, value, FALSE, 8, FALSE,
                                                           slot, PANGO_ALIGN_CENTER);
      g_autoptr(PangoLayout) label_layout = create_layout (context, item->labels[i], FALSE,
                                                           8, FALSE, slot,
                                                           PANGO_ALIGN_CENTER);

      cairo_set_source_rgb (cr, colour[0], colour[1], colour[2]);
      cairo_rectangle (cr, x, plot_bottom - height, bar_width, height);
      cairo_fill (cr);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, plot_left + slot * i, plot_bottom - height - 12);
      pango_cairo_show_layout (cr, value_layout);
      cairo_move_to (cr, plot_left + slot * i, plot_bottom + 3);
      pango_cairo_show_layout (cr, label_layout);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, plot_left, plot_bottom);
  cairo_line_to (cr, plot_left + plot_width, plot_bottom);
  cairo_stroke (cr);
}

static void
draw_letterhead (SigapReportFlow *self,
                 PangoContext    *context,
                 cairo_t         *cr,
                 Item            *item,
                 double           y)
{
  double left = self->margin;
  double width = _sigap_report_flow_get_width (self);
  double block = item->height - 10;
  double rule;

  if (item->logo != NULL)
    {
      double scale = logo_scale (item->logo);
      double logo_height = cairo_image_surface_get_height (item->logo) * scale;

      cairo_save (cr);
      cairo_translate (cr, left, y + (block - logo_height) / 2);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, item->logo, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  letterhead_lines (self, context, item, cr,
                    left + (width - letterhead_text_width (self, item)) / 2, y);

  rule = y + block + 4;
  cairo_set_line_width (cr, 1.6);
  cairo_move_to (cr, left, rule);
  cairo_line_to (cr, left + width, rule);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, left, rule + 2.5);
  cairo_line_to (cr, left + width, rule + 2.5);
  cairo_stroke (cr);
}

/**
 * _sigap_report_flow_draw_page:
 * @cr: where to draw, one unit a point
 * @page: the page, from 0
 *
 * Draws a page, its background and its footer ("Halaman 1 dari 3").
 */
void
_sigap_report_flow_draw_page (SigapReportFlow *self,
                              cairo_t         *cr,
                              guint            page)
{
  PangoContext *context;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *footer_text = NULL;
  double width = _sigap_report_flow_get_width (self);

  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_fill (cr);

  context = create_context (cr);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, i);
      Item *item = g_ptr_array_index (self->items, placement->item);

      if (placement->page != page)
        continue;

      cairo_save (cr);
      switch (item->kind)
        {
        case ITEM_TEXT:
          {
            g_autoptr(PangoLayout) layout = create_layout (context, item->markup, TRUE,
                                                           item->size, FALSE,
                                                           width - item->indent,
                                                           item->align);

            cairo_set_source_rgb (cr, 0, 0, 0);
            cairo_move_to (cr, self->margin + item->indent, placement->y);
            pango_cairo_show_layout (cr, layout);
          }
          break;

        case ITEM_ROW:
          draw_row (self, context, cr, item, placement->y);
          break;

        case ITEM_CHART:
          draw_chart (self, context, cr, item, placement->y);
          break;

        case ITEM_LETTERHEAD:
          draw_letterhead (self, context, cr, item, placement->y);
          break;

        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);
    }

  /* Translators: the footer of each page of a printed report */
  footer_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  footer = create_layout (context, footer_text, FALSE, FOOTER_SIZE, FALSE, width,
                          PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, self->margin, self->page_height - self->margin + 4);
  pango_cairo_show_layout (cr, footer);

  cairo_restore (cr);
  g_object_unref (context);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * _sigap_report_flow_write_pdf:
 * @title: the PDF's title
 * @path: where to write
 *
 * Writes every page to a PDF, replacing @path once it is complete.
 *
 * Returns: whether it was written
 */
gboolean
_sigap_report_flow_write_pdf (SigapReportFlow  *self,
                              const char       *title,
                              const char       *path,
                              GError          **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes,
                                                 self->page_width, self->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Sigap");
  cr = cairo_create (surface);
  for (guint page = 0; page < self->n_pages; page++)
    {
      _sigap_report_flow_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      _sigap_export_set_write_error (error, path, cairo_status_to_string (status));
      return FALSE;
    }

  return _sigap_export_write_file (path, bytes->data, bytes->len, error);
}
