/* sigap-csv.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sigap-csv.h"

/*
 * A CSV reader for the files people bring: exports of SP4N-LAPOR! and of
 * spreadsheets (Excel with an Indonesian locale separates with ";"), and
 * files typed by hand.
 *
 * It reads RFC 4180 and what spreadsheets write around it:
 *
 * - a field that starts with a double quote is quoted: it may hold the
 *   separator, line breaks and doubled quotes (""); whatever follows the
 *   closing quote up to the next separator is kept as it is ("a"b → ab);
 *   a quote inside an unquoted field is an ordinary character;
 * - records end with CRLF, LF or a lone CR; inside a quoted field CRLF and
 *   CR become LF; a line break at the end of the file ends the last
 *   record, it does not start an empty one;
 * - blank lines are kept as rows of one empty field, so that row numbers
 *   are those a spreadsheet shows (the first line is row 1);
 * - the separator is ",", ";", tab or "|": the one that splits the first
 *   rows into the most consistent number of fields (ties go to that
 *   order), or the one an Excel "sep=;" first line names (that line is
 *   not a row);
 * - a UTF-8 BOM is dropped; UTF-16 with a BOM (Excel's "Unicode text") is
 *   converted; text that is not valid UTF-8 is read as Windows-1252 (what
 *   Excel on Windows writes as "CSV") when it converts, and refused
 *   otherwise; NUL bytes, and Excel or OpenDocument workbooks, are
 *   refused;
 * - a quoted field that is never closed is an error naming the row where
 *   it opened: it would swallow every row after it.
 *
 * Fields live in one buffer, NUL-terminated, addressed by offsets, so a
 * file of 200,000 rows costs its own size and two small arrays.
 */

struct _SigapCsv
{
  gatomicrefcount ref_count;

  GString *text;     /* every field, each NUL-terminated */
  GArray *offsets;   /* guint32: where each field starts in text */
  GArray *rows;      /* guint32: each row's first field, then a sentinel */

  const char *encoding;
  char separator;
  gboolean had_bom;
};

G_DEFINE_BOXED_TYPE (SigapCsv, sigap_csv, sigap_csv_ref, sigap_csv_unref)

G_DEFINE_QUARK (sigap-csv-error-quark, sigap_csv_error)

/* How many rows separator detection looks at. */
#define SAMPLE_ROWS 50

typedef struct
{
  const char *p;
  const char *end;
  char separator;
} Reader;

static SigapCsv *
sigap_csv_new (void)
{
  SigapCsv *self = g_new0 (SigapCsv, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->encoding = "UTF-8";
  self->separator = ',';

  return self;
}

/* Appends a quoted field's bytes with CRLF and CR turned into LF. */
static void
append_quoted (GString    *text,
               const char *start,
               gsize       length)
{
  const char *end = start + length;
  const char *cr;

  while ((cr = memchr (start, '\r', end - start)) != NULL)
    {
      g_string_append_len (text, start, cr - start);
      g_string_append_c (text, '\n');
      start = cr + 1;
      if (start < end && *start == '\n')
        start++;
    }
  g_string_append_len (text, start, end - start);
}

/* Reads the record at reader->p, appending its fields to @text and their
 * offsets to @offsets when they are not %NULL (separator detection only
 * counts). Returns %FALSE when a quoted field is never closed. */
static gboolean
read_record (Reader  *reader,
             GString *text,
             GArray  *offsets,
             guint   *n_fields)
{
  guint n = 0;

  for (;;)
    {
      const char *start;

      if (offsets != NULL)
        {
          guint32 offset = text->len;

          g_array_append_val (offsets, offset);
        }
      n++;

      if (reader->p < reader->end && *reader->p == '"')
        {
          reader->p++;
          for (;;)
            {
              const char *quote = memchr (reader->p, '"', reader->end - reader->p);

              if (quote == NULL)
                return FALSE;

              if (text != NULL)
                append_quoted (text, reader->p, quote - reader->p);
              reader->p = quote + 1;

              if (reader->p < reader->end && *reader->p == '"')
                {
                  if (text != NULL)
                    g_string_append_c (text, '"');
                  reader->p++;
                  continue;
                }
              break;
            }
        }

      /* An unquoted field, or what follows a closing quote. */
      start = reader->p;
      while (reader->p < reader->end && *reader->p != reader->separator &&
             *reader->p != '\n' && *reader->p != '\r')
        reader->p++;
      if (text != NULL)
        {
          g_string_append_len (text, start, reader->p - start);
          g_string_append_c (text, '\0');
        }

      if (reader->p < reader->end && *reader->p == reader->separator)
        {
          reader->p++;
          continue;
        }

      if (reader->p < reader->end && *reader->p == '\r')
        {
          reader->p++;
          if (reader->p < reader->end && *reader->p == '\n')
            reader->p++;
        }
      else if (reader->p < reader->end && *reader->p == '\n')
        {
          reader->p++;
        }
      break;
    }

  *n_fields = n;

  return TRUE;
}

static gboolean
at_line_end (const char *p,
             const char *end)
{
  return p >= end || *p == '\n' || *p == '\r';
}

/* How well @separator splits the first rows: the rows that have as many
 * fields as the first non-blank one, which must have at least two. */
static guint
separator_score (const char *data,
                 gsize       length,
                 char        separator)
{
  Reader reader = { data, data + length, separator };
  guint header = 0;
  guint consistent = 0;

  for (guint i = 0; i < SAMPLE_ROWS && reader.p < reader.end; i++)
    {
      gboolean blank = at_line_end (reader.p, reader.end);
      guint n;

      if (!read_record (&reader, NULL, NULL, &n))
        break;
      if (blank)
        continue;

      if (header == 0)
        header = n;
      else if (n == header)
        consistent++;
    }

  if (header < 2)
    return 0;

  return (consistent + 1) * 1000 + MIN (header, 999);
}

static char
detect_separator (const char *data,
                  gsize       length)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  char best = ',';
  guint best_score = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint score = separator_score (data, length, candidates[i]);

      if (score > best_score)
        {
          best = candidates[i];
          best_score = score;
        }
    }

  return best;
}

static gboolean
starts_with (const char *data,
             gsize       length,
             const char *magic,
             gsize       magic_length)
{
  return length >= magic_length && memcmp (data, magic, magic_length) == 0;
}

/* Returns the text as UTF-8 without a BOM, in @converted when it had to
 * be converted. */
static gboolean
decode (SigapCsv     *self,
        const char  **data,
        gsize        *length,
        char        **converted,
        GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *from = NULL;
  gsize skip = 0;
  gsize written = 0;

  if (starts_with (*data, *length, "PK\x03\x04", 4) ||
      starts_with (*data, *length, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    {
      g_set_error_literal (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_NOT_CSV,
                           _("This is a spreadsheet workbook, not a CSV file. Open it in "
                             "the spreadsheet, save it as “CSV”, and import that file."));
      return FALSE;
    }

  if (starts_with (*data, *length, "\xef\xbb\xbf", 3))
    {
      self->had_bom = TRUE;
      *data += 3;
      *length -= 3;
    }
  else if (starts_with (*data, *length, "\xff\xfe", 2))
    {
      from = "UTF-16LE";
      skip = 2;
    }
  else if (starts_with (*data, *length, "\xfe\xff", 2))
    {
      from = "UTF-16BE";
      skip = 2;
    }
  else if (!g_utf8_validate_len (*data, *length, NULL))
    {
      from = "WINDOWS-1252";
    }

  if (from != NULL)
    {
      *converted = g_convert (*data + skip, *length - skip, "UTF-8", from, NULL, &written,
                              &local_error);
      if (*converted == NULL)
        {
          g_debug ("Cannot convert from %s: %s", from, local_error->message);
          g_set_error_literal (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_ENCODING,
                               _("The characters of this file cannot be read: it is neither "
                                 "UTF-8 nor Windows-1252. Save it again as “CSV UTF-8” and "
                                 "import that file."));
          return FALSE;
        }
      self->had_bom = skip > 0;
      self->encoding = from;
      *data = *converted;
      *length = written;
    }

  if (memchr (*data, '\0', *length) != NULL)
    {
      g_set_error_literal (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_NOT_CSV,
                           _("This file holds binary data, not text: it is not a CSV file. "
                             "Choose a CSV file saved from a spreadsheet or exported from "
                             "SP4N-LAPOR!."));
      return FALSE;
    }

  return TRUE;
}

/**
 * sigap_csv_parse:
 * @data: (array length=length): the file's bytes
 * @length: their number
 * @separator: the field separator, or 0 to detect it
 * @max_bytes: the largest file accepted, or 0 for %SIGAP_CSV_MAX_BYTES
 * @max_rows: the most rows accepted below the first, or 0 for
 *   %SIGAP_CSV_MAX_ROWS
 * @error: return location for a #SigapCsvError
 *
 * Reads a whole CSV file; see the top of sigap-csv.c for what it accepts.
 *
 * Returns: (transfer full) (nullable): the table
 */
SigapCsv *
sigap_csv_parse (const char  *data,
                 gsize        length,
                 char         separator,
                 gsize        max_bytes,
                 guint        max_rows,
                 GError     **error)
{
  g_autoptr(SigapCsv) self = NULL;
  g_autofree char *converted = NULL;
  Reader reader;
  gboolean any = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (max_bytes == 0)
    max_bytes = SIGAP_CSV_MAX_BYTES;
  if (max_rows == 0)
    max_rows = SIGAP_CSV_MAX_ROWS;

  if (length > max_bytes)
    {
      g_set_error (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB. Split it into smaller files and import "
                     "them one by one."),
                   (guint) MAX (max_bytes / (1024 * 1024), 1));
      return NULL;
    }

  self = sigap_csv_new ();

  if (length > 0 && !decode (self, &data, &length, &converted, error))
    return NULL;

  /* Excel's hint line, which it does not show as a row. */
  if (length >= 5 && g_ascii_strncasecmp (data, "sep=", 4) == 0 &&
      data[4] != '"' && !at_line_end (data + 4, data + length) &&
      at_line_end (data + 5, data + length))
    {
      separator = data[4];
      data += 5;
      length -= 5;
      if (length > 0 && *data == '\r')
        {
          data++;
          length--;
        }
      if (length > 0 && *data == '\n')
        {
          data++;
          length--;
        }
    }

  if (separator == 0)
    separator = detect_separator (data, length);
  self->separator = separator;

  self->text = g_string_sized_new (length + length / 8 + 16);

  reader.p = data;
  reader.end = data + length;
  reader.separator = separator;

  while (reader.p < reader.end)
    {
      guint32 first = self->offsets->len;
      guint n_fields;

      if (self->rows->len > max_rows)
        {
          g_set_error (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_TOO_MANY_ROWS,
                       _("The file has more than %u rows. Split it into smaller files and "
                         "import them one by one."),
                       max_rows);
          return NULL;
        }

      if (!at_line_end (reader.p, reader.end))
        any = TRUE;

      g_array_append_val (self->rows, first);

      if (!read_record (&reader, self->text, self->offsets, &n_fields))
        {
          g_set_error (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_UNCLOSED_QUOTE,
                       _("Row %u: a quotation mark (\") opens a text that is never closed, "
                         "so the rows after it cannot be read. Close the quotation or "
                         "remove it, then import the file again."),
                       self->rows->len);
          return NULL;
        }
    }

  if (!any)
    {
      g_set_error_literal (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_EMPTY,
                           _("The file is empty: there is nothing to import. Check that you "
                             "chose the right file."));
      return NULL;
    }

  {
    guint32 sentinel = self->offsets->len;

    g_array_append_val (self->rows, sentinel);
  }

  return g_steal_pointer (&self);
}

/**
 * sigap_csv_ref:
 *
 * Returns: (transfer full): @self
 */
SigapCsv *
sigap_csv_ref (SigapCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
sigap_csv_unref (SigapCsv *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  g_array_unref (self->offsets);
  g_array_unref (self->rows);
  g_free (self);
}

/**
 * sigap_csv_get_n_rows:
 *
 * Returns: the number of rows, the first (the header) and blank ones
 *   included; row @i is what a spreadsheet shows as row @i + 1
 */
guint
sigap_csv_get_n_rows (SigapCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len > 0 ? self->rows->len - 1 : 0;
}

/**
 * sigap_csv_get_n_fields:
 *
 * Returns: how many fields row @row has (a blank row has one)
 */
guint
sigap_csv_get_n_fields (SigapCsv *self,
                        guint     row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < sigap_csv_get_n_rows (self), 0);

  return g_array_index (self->rows, guint32, row + 1) - g_array_index (self->rows, guint32, row);
}

/**
 * sigap_csv_get_field:
 *
 * Returns: (nullable): the field as it is in the file (not trimmed), or
 *   %NULL when row @row has fewer fields
 */
const char *
sigap_csv_get_field (SigapCsv *self,
                     guint     row,
                     guint     field)
{
  guint32 first;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < sigap_csv_get_n_rows (self), NULL);

  if (field >= sigap_csv_get_n_fields (self, row))
    return NULL;

  first = g_array_index (self->rows, guint32, row);

  return self->text->str + g_array_index (self->offsets, guint32, first + field);
}

/**
 * sigap_csv_row_is_blank:
 *
 * Returns: %TRUE if every field of row @row is empty or white space
 */
gboolean
sigap_csv_row_is_blank (SigapCsv *self,
                        guint     row)
{
  guint n;

  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (row < sigap_csv_get_n_rows (self), TRUE);

  n = sigap_csv_get_n_fields (self, row);
  for (guint i = 0; i < n; i++)
    for (const char *p = sigap_csv_get_field (self, row, i); *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;

  return TRUE;
}

char
sigap_csv_get_separator (SigapCsv *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

/**
 * sigap_csv_get_encoding:
 *
 * Returns: what the file was read as: "UTF-8", "UTF-16LE", "UTF-16BE" or
 *   "WINDOWS-1252"
 */
const char *
sigap_csv_get_encoding (SigapCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->encoding;
}

/**
 * sigap_csv_get_had_bom:
 *
 * Returns: whether the file began with a byte-order mark
 */
gboolean
sigap_csv_get_had_bom (SigapCsv *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->had_bom;
}

/**
 * sigap_csv_normalize_header:
 * @header: a column's name
 *
 * Folds @header for matching: case folded, everything but letters and
 * digits dropped ("No. Tiket" → "notiket", "Kelurahan/Desa" →
 * "kelurahandesa").
 *
 * Returns: (transfer full): the folded name
 */
char *
sigap_csv_normalize_header (const char *header)
{
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (header != NULL, NULL);

  folded = g_utf8_casefold (header, -1);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
