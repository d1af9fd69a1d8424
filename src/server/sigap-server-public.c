/* sigap-server-public.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-server"

#include "config.h"

#include <string.h>

#include "sigap-server-auth.h"
#include "sigap-server-documents.h"
#include "sigap-server-public.h"

/*
 * The citizens' complaint form, under /aduan:
 *
 *   GET  /aduan                  the form
 *   POST /aduan                  files a complaint into Diskominfo's triage
 *                                queue, then 303 to /aduan/terkirim
 *   GET  /aduan/terkirim?nomor=  shows the tracking number
 *   GET  /aduan/lacak[?nomor=]   the status of a complaint, without any
 *                                personal data
 *
 * Plain HTML5 that works without JavaScript, in Indonesian: the pages are
 * for citizens, whatever the server's locale, so their strings are
 * literals and not gettext messages.
 *
 * Nothing here logs what a citizen typed: the server's request log has
 * the method, the path and the status only.
 */

#define DISKOMINFO_CODE   "diskominfo"
#define HONEYPOT_FIELD    "situs_web"
#define CONSENT_VALUE     "ya"

#define SUBMIT_WINDOW     (60 * 60)
#define LOOKUP_WINDOW     60

/* In characters. */
#define MAX_NAME          100
#define MAX_CONTACT       100
#define MAX_PLACE         100
#define MIN_TEXT          10

#define CONTENT_SECURITY_POLICY \
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"

typedef struct
{
  SigapServerStore *store;
  SigapLoginThrottle *submissions;
  SigapLoginThrottle *lookups;
} Public;

/* What the form holds, each value already cleaned: UTF-8, no control
 * characters, no surrounding space. */
typedef struct
{
  char *nama;
  char *kontak;
  char *kecamatan;
  char *desa;
  char *jenis;
  char *kategori;
  char *isi;
  gboolean setuju;
} Form;

/* One problem with the form: the id of the field to link to and the
 * message. */
typedef struct
{
  const char *field;
  char *message;
} FieldError;

typedef struct
{
  const char *value;
  const char *label;
  const char *hint;
  SigapComplaintKind kind;
} KindChoice;

static const KindChoice kind_choices[] = {
  { "pengaduan", "Pengaduan", "masalah pada layanan publik yang perlu ditindaklanjuti",
    SIGAP_COMPLAINT_KIND_COMPLAINT },
  { "aspirasi", "Aspirasi", "usulan atau saran untuk pemerintah daerah",
    SIGAP_COMPLAINT_KIND_ASPIRATION },
  { "informasi", "Permintaan informasi", "pertanyaan tentang layanan atau program",
    SIGAP_COMPLAINT_KIND_INFORMATION },
};

/* A short list, named as the inbox names its categories. */
static const char * const categories[] = {
  "Jalan dan Jembatan",
  "Penerangan Jalan Umum",
  "Persampahan",
  "Air Bersih",
  "Administrasi Kependudukan",
  "Layanan Kesehatan",
  "Pendidikan",
  "Bantuan Sosial",
  "Ketertiban Umum",
  "Perizinan",
  "Bencana",
  "Pungutan Liar",
  "Layanan Digital",
  NULL
};

#define OTHER_CATEGORY "Lainnya"

static const char * const day_names[] = {
  NULL, "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"
};

static const char * const month_names[] = {
  NULL, "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
  "Agustus", "September", "Oktober", "November", "Desember"
};

static const char style[] =
  "body{font-family:system-ui,sans-serif;font-size:1.05rem;line-height:1.5;margin:0;"
  "color:#1a1a1a;background:#f5f5f2}"
  "header{background:#174a7c;color:#fff;padding:.75rem 1rem}"
  "header p{margin:0;max-width:40rem;margin:0 auto}"
  "main{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}"
  "a{color:#0b4f8a}"
  "label,legend{display:block;font-weight:600}"
  "fieldset{border:0;padding:0;margin:0}"
  "input[type=text],select,textarea{display:block;width:100%;box-sizing:border-box;"
  "font:inherit;padding:.5rem;margin-top:.25rem;border:2px solid #4a4a4a;border-radius:4px;"
  "background:#fff;color:inherit}"
  ".isian{margin:1.5rem 0}"
  ".pilihan{margin:.4rem 0}"
  ".pilihan label,.setuju label{display:inline;font-weight:400}"
  "input[type=radio],input[type=checkbox]{width:1.2rem;height:1.2rem;vertical-align:middle;"
  "margin-right:.4rem}"
  ".petunjuk{color:#3d3d3d;margin:.25rem 0}"
  ".pesan-galat{color:#a4001d;font-weight:600;margin:.25rem 0}"
  ".galat input[type=text],.galat textarea,.galat select{border-color:#a4001d}"
  ".ringkasan-galat{border:4px solid #a4001d;background:#fff;padding:0 1rem;margin:1rem 0}"
  ".ringkasan-galat a{color:#a4001d;font-weight:600}"
  "button{font:inherit;font-weight:600;padding:.6rem 1.5rem;background:#174a7c;color:#fff;"
  "border:0;border-radius:4px;cursor:pointer}"
  ":focus{outline:3px solid #e08a00;outline-offset:2px}"
  ".kotak{background:#fff;border-left:6px solid #174a7c;padding:.5rem 1rem;margin:1rem 0}"
  ".nomor{font-size:1.6rem;font-weight:700;letter-spacing:.05em}"
  "dt{font-weight:600}dd{margin:0 0 .75rem}"
  ".hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}";

/* Helpers {{{ */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;

  escaped = g_markup_escape_text (text, -1);
  g_string_append (html, escaped);
}

/* Keeps valid UTF-8 only, turns control characters into spaces (keeping
 * newlines if @multiline, as "\n") and strips the ends; %NULL if @raw is
 * not UTF-8. */
static char *
clean_text (const char *raw,
            gboolean    multiline)
{
  GString *text;

  if (raw == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (raw, -1, NULL))
    return NULL;

  text = g_string_sized_new (strlen (raw));
  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        continue;
      if (multiline && c == '\n')
        g_string_append_c (text, '\n');
      else if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (text, ' ');
      else
        g_string_append_unichar (text, c);
    }

  return g_strstrip (g_string_free (text, FALSE));
}

static void
form_clear (Form *form)
{
  g_clear_pointer (&form->nama, g_free);
  g_clear_pointer (&form->kontak, g_free);
  g_clear_pointer (&form->kecamatan, g_free);
  g_clear_pointer (&form->desa, g_free);
  g_clear_pointer (&form->jenis, g_free);
  g_clear_pointer (&form->kategori, g_free);
  g_clear_pointer (&form->isi, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Form, form_clear)

static void
field_error_clear (gpointer data)
{
  FieldError *error = data;

  g_free (error->message);
}

static void
add_error (GArray     *errors,
           const char *field,
           const char *message)
{
  FieldError error = { field, g_strdup (message) };

  g_array_append_val (errors, error);
}

static const char *
error_for (GArray     *errors,
           const char *field)
{
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      FieldError *error = &g_array_index (errors, FieldError, i);

      if (g_str_equal (error->field, field))
        return error->message;
    }

  return NULL;
}

static SigapOpd *
find_diskominfo (SigapServerStore *store)
{
  g_autoptr(GError) error = NULL;
  SigapOpd *opd = SIGAP_OPD (sigap_server_store_find_record (store, SIGAP_SERVER_ENTITY_OPD,
                                                             DISKOMINFO_CODE, &error));

  if (opd == NULL &&
      !g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    g_warning ("Cannot read the Diskominfo OPD: %s", error->message);

  return opd;
}

/* The name to show at the top of every page. */
static char *
regency_name (SigapServerStore *store)
{
  g_autofree char *meta = sigap_server_store_get_setting (store, "regency_name");
  g_autoptr(SigapOpd) diskominfo = NULL;

  if (meta != NULL && meta[0] != '\0' && g_utf8_validate (meta, -1, NULL))
    return g_steal_pointer (&meta);

  diskominfo = find_diskominfo (store);
  if (diskominfo != NULL && sigap_opd_get_name (diskominfo) != NULL)
    return g_strdup (sigap_opd_get_name (diskominfo));

  return g_strdup ("Dinas Komunikasi dan Informatika");
}

static GTimeZone *
regency_zone (SigapServerStore *store)
{
  g_autoptr(SigapOpd) diskominfo = find_diskominfo (store);
  const char *name = diskominfo != NULL ? sigap_opd_get_time_zone (diskominfo) : NULL;
  GTimeZone *zone = NULL;

  if (name != NULL)
    zone = g_time_zone_new_identifier (name);

  return zone != NULL ? zone : g_time_zone_new_offset (7 * 3600);
}

static const char *
zone_abbreviation (GDateTime *time)
{
  switch (g_date_time_get_utc_offset (time) / G_TIME_SPAN_HOUR)
    {
    case 7: return "WIB";
    case 8: return "WITA";
    case 9: return "WIT";
    default: return g_date_time_get_timezone_abbreviation (time);
    }
}

/* "Kamis, 17 Juli 2025 pukul 14.30 WIB" */
static char *
format_time (gint64     time,
             GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("-");

  local = g_date_time_to_timezone (utc, zone);

  return g_strdup_printf ("%s, %d %s %d pukul %02d.%02d %s",
                          day_names[g_date_time_get_day_of_week (local)],
                          g_date_time_get_day_of_month (local),
                          month_names[g_date_time_get_month (local)],
                          g_date_time_get_year (local),
                          g_date_time_get_hour (local),
                          g_date_time_get_minute (local),
                          zone_abbreviation (local));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Names of the regency's kecamatan, from its OPDs of kind kecamatan,
 * without the "Kecamatan " prefix, sorted; empty if there are none. */
static GPtrArray *
list_kecamatan (SigapServerStore *store)
{
  static const char * const prefixes[] = { "Kecamatan ", "Kapanewon ", "Distrik ", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) opds = sigap_server_store_list_records (store, SIGAP_SERVER_ENTITY_OPD,
                                                               NULL, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  if (opds == NULL)
    {
      g_warning ("Cannot list the OPDs: %s", error->message);
      return names;
    }

  for (guint i = 0; i < opds->len; i++)
    {
      SigapOpd *opd = g_ptr_array_index (opds, i);
      const char *name = sigap_opd_get_name (opd);

      if (sigap_opd_get_kind (opd) != SIGAP_OPD_KIND_KECAMATAN || name == NULL)
        continue;

      for (guint j = 0; prefixes[j] != NULL; j++)
        if (g_str_has_prefix (name, prefixes[j]) && name[strlen (prefixes[j])] != '\0')
          {
            name += strlen (prefixes[j]);
            break;
          }

      g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_names);

  return names;
}

static gboolean
names_contain (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;

  return FALSE;
}

/* "ADU-2025-000123", whatever the case and the spaces around it; %NULL if
 * @text is not a tracking number. */
static char *
normalize_tracking_number (const char *text)
{
  g_autofree char *number = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || strlen (text) > 64)
    return NULL;

  number = g_ascii_strup (text, -1);
  g_strstrip (number);

  if (strlen (number) != 15 || !g_str_has_prefix (number, "ADU-") || number[8] != '-')
    return NULL;

  for (guint i = 4; i < 15; i++)
    if (i != 8 && !g_ascii_isdigit (number[i]))
      return NULL;

  return g_steal_pointer (&number);
}

static const char *
client_address (SoupServerMessage *msg)
{
  const char *host = soup_server_message_get_remote_host (msg);

  return host != NULL ? host : "-";
}

/* }}} */

/* Pages {{{ */

static void
page_begin (GString    *html,
            SigapServerStore *store,
            const char *title)
{
  g_autofree char *regency = regency_name (store);

  g_string_append (html,
                   "<!DOCTYPE html>\n"
                   "<html lang=\"id\">\n"
                   "<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"robots\" content=\"noindex\">\n"
                   "<title>");
  append_escaped (html, title);
  g_string_append (html, " – Layanan Aduan ");
  append_escaped (html, regency);
  g_string_append (html, "</title>\n<style>");
  g_string_append (html, style);
  g_string_append (html, "</style>\n</head>\n<body>\n<header><p>Layanan Aduan Masyarakat · ");
  append_escaped (html, regency);
  g_string_append (html, "</p></header>\n<main>\n");
}

static void
page_end (GString *html)
{
  g_string_append (html,
                   "</main>\n"
                   "</body>\n"
                   "</html>\n");
}

static void
set_page_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
}

static void
send_page (SoupServerMessage *msg,
           guint              status,
           GString           *html)
{
  gsize length = html->len;

  set_page_headers (msg);
  /* libsoup 3.2 knows no phrase for 429. */
  soup_server_message_set_status (msg, status, status == 429 ? "Too Many Requests" : NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_string_free (html, FALSE), length);
}

/* A page with a heading, one paragraph and a link onwards. */
static void
send_message_page (SoupServerMessage *msg,
                   SigapServerStore  *store,
                   guint              status,
                   const char        *title,
                   const char        *text,
                   const char        *link,
                   const char        *link_text)
{
  GString *html = g_string_new (NULL);

  page_begin (html, store, title);
  g_string_append (html, "<h1>");
  append_escaped (html, title);
  g_string_append (html, "</h1>\n<p>");
  append_escaped (html, text);
  g_string_append (html, "</p>\n");
  if (link != NULL)
    {
      g_string_append (html, "<p><a href=\"");
      append_escaped (html, link);
      g_string_append (html, "\">");
      append_escaped (html, link_text);
      g_string_append (html, "</a></p>\n");
    }
  page_end (html);

  send_page (msg, status, html);
}

static void
send_too_large (SoupServerMessage *msg,
                SigapServerStore  *store)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");
  send_message_page (msg, store, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                     "Isian terlalu panjang",
                     "Aduan yang Anda kirim lebih besar dari 16 KiB sehingga tidak dapat "
                     "diterima. Persingkat isi aduan (paling banyak 4.000 karakter), lalu "
                     "kirim kembali.",
                     SIGAP_SERVER_PUBLIC_PATH, "Kembali ke formulir aduan");
}

static void
send_not_found (SoupServerMessage *msg,
                SigapServerStore  *store)
{
  send_message_page (msg, store, SOUP_STATUS_NOT_FOUND,
                     "Halaman tidak ditemukan",
                     "Alamat yang Anda buka tidak ada di layanan aduan ini.",
                     SIGAP_SERVER_PUBLIC_PATH, "Buka formulir aduan");
}

static void
send_rate_limited (SoupServerMessage *msg,
                   SigapServerStore  *store,
                   gint64             wait,
                   const char        *text)
{
  g_autofree char *retry_after = g_strdup_printf ("%" G_GINT64_FORMAT, wait);
  g_autofree char *full = NULL;
  gint64 minutes = (wait + 59) / 60;

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Retry-After", retry_after);
  full = g_strdup_printf ("%s Coba lagi dalam %" G_GINT64_FORMAT " menit.", text,
                          MAX (minutes, 1));
  send_message_page (msg, store, 429, "Terlalu banyak permintaan", full,
                     SIGAP_SERVER_PUBLIC_PATH, "Kembali ke formulir aduan");
}

static void
send_unavailable (SoupServerMessage *msg,
                  SigapServerStore  *store)
{
  send_message_page (msg, store, SOUP_STATUS_SERVICE_UNAVAILABLE,
                     "Layanan aduan sedang terganggu",
                     "Aduan Anda belum tersimpan karena ada gangguan pada server. Coba "
                     "kirim kembali beberapa saat lagi. Bila gangguan berlanjut, sampaikan "
                     "aduan melalui akun media sosial resmi pemerintah daerah.",
                     SIGAP_SERVER_PUBLIC_PATH, "Kembali ke formulir aduan");
}

static void
append_field_error (GString    *html,
                    const char *id,
                    const char *message)
{
  if (message == NULL)
    return;

  g_string_append_printf (html, "<p id=\"%s-galat\" class=\"pesan-galat\">"
                                "<span class=\"hp\">Galat: </span>", id);
  append_escaped (html, message);
  g_string_append (html, "</p>\n");
}

/* aria-describedby and aria-invalid for the field @id. */
static void
append_described_by (GString    *html,
                     const char *id,
                     gboolean    hint,
                     gboolean    invalid)
{
  if (!hint && !invalid)
    return;

  g_string_append (html, " aria-describedby=\"");
  if (hint)
    g_string_append_printf (html, "%s-petunjuk", id);
  if (invalid)
    g_string_append_printf (html, "%s%s-galat", hint ? " " : "", id);
  g_string_append (html, "\"");
  if (invalid)
    g_string_append (html, " aria-invalid=\"true\"");
}

static void
append_text_input (GString    *html,
                   GArray     *errors,
                   const char *id,
                   const char *label,
                   const char *hint,
                   const char *value,
                   guint       max_length,
                   gboolean    required,
                   const char *autocomplete)
{
  const char *message = error_for (errors, id);

  g_string_append_printf (html, "<div class=\"isian%s\">\n<label for=\"%s\">",
                          message != NULL ? " galat" : "", id);
  append_escaped (html, label);
  g_string_append (html, required ? " (wajib)" : " (tidak wajib)");
  g_string_append (html, "</label>\n");
  if (hint != NULL)
    {
      g_string_append_printf (html, "<p id=\"%s-petunjuk\" class=\"petunjuk\">", id);
      append_escaped (html, hint);
      g_string_append (html, "</p>\n");
    }
  append_field_error (html, id, message);
  g_string_append_printf (html, "<input type=\"text\" id=\"%s\" name=\"%s\" maxlength=\"%u\"",
                          id, id, max_length);
  if (autocomplete != NULL)
    g_string_append_printf (html, " autocomplete=\"%s\"", autocomplete);
  if (required)
    g_string_append (html, " required");
  append_described_by (html, id, hint != NULL, message != NULL);
  g_string_append (html, " value=\"");
  append_escaped (html, value);
  g_string_append (html, "\">\n</div>\n");
}

static void
append_select (GString            *html,
               GArray             *errors,
               const char         *id,
               const char         *label,
               const char         *hint,
               const char         *empty_label,
               const char * const *options,
               guint               n_options,
               const char         *value)
{
  const char *message = error_for (errors, id);

  g_string_append_printf (html, "<div class=\"isian%s\">\n<label for=\"%s\">",
                          message != NULL ? " galat" : "", id);
  append_escaped (html, label);
  g_string_append (html, " (tidak wajib)</label>\n");
  if (hint != NULL)
    {
      g_string_append_printf (html, "<p id=\"%s-petunjuk\" class=\"petunjuk\">", id);
      append_escaped (html, hint);
      g_string_append (html, "</p>\n");
    }
  append_field_error (html, id, message);
  g_string_append_printf (html, "<select id=\"%s\" name=\"%s\"", id, id);
  append_described_by (html, id, hint != NULL, message != NULL);
  g_string_append (html, ">\n<option value=\"\">");
  append_escaped (html, empty_label);
  g_string_append (html, "</option>\n");

  for (guint i = 0; i < n_options; i++)
    {
      g_string_append (html, "<option value=\"");
      append_escaped (html, options[i]);
      g_string_append_c (html, '"');
      if (g_strcmp0 (value, options[i]) == 0)
        g_string_append (html, " selected");
      g_string_append_c (html, '>');
      append_escaped (html, options[i]);
      g_string_append (html, "</option>\n");
    }

  g_string_append (html, "</select>\n</div>\n");
}

static void
render_form (SoupServerMessage *msg,
             SigapServerStore  *store,
             guint              status,
             Form              *form,
             GArray            *errors)
{
  g_autoptr(GPtrArray) kecamatan = list_kecamatan (store);
  GString *html = g_string_new (NULL);
  gboolean has_errors = errors != NULL && errors->len > 0;
  const char *message;
  guint n_categories = g_strv_length ((char **) categories);
  g_autofree const char **category_options = g_new0 (const char *, n_categories + 2);

  page_begin (html, store, has_errors ? "Galat: Formulir aduan" : "Formulir aduan");

  g_string_append (html,
                   "<h1>Formulir aduan</h1>\n"
                   "<p>Sampaikan pengaduan, aspirasi, atau permintaan informasi kepada "
                   "pemerintah daerah. Aduan Anda diterima Dinas Komunikasi dan Informatika, "
                   "lalu diteruskan ke perangkat daerah yang berwenang. Setelah mengirim, "
                   "Anda mendapat nomor aduan untuk "
                   "<a href=\"/aduan/lacak\">melacak statusnya</a>.</p>\n"
                   "<p>Isian yang bertanda <strong>(wajib)</strong> harus diisi.</p>\n");

  if (has_errors)
    {
      g_string_append (html,
                       "<div class=\"ringkasan-galat\" role=\"alert\" "
                       "aria-labelledby=\"judul-galat\" tabindex=\"-1\">\n"
                       "<h2 id=\"judul-galat\">Aduan belum terkirim: periksa kembali "
                       "isian berikut</h2>\n<ul>\n");
      for (guint i = 0; i < errors->len; i++)
        {
          FieldError *error = &g_array_index (errors, FieldError, i);

          /* A choice links to its first button. */
          g_string_append_printf (html, "<li><a href=\"#%s\">",
                                  g_str_equal (error->field, "jenis") ? "jenis-pengaduan"
                                                                      : error->field);
          append_escaped (html, error->message);
          g_string_append (html, "</a></li>\n");
        }
      g_string_append (html, "</ul>\n</div>\n");
    }

  g_string_append (html, "<form method=\"post\" action=\"/aduan\" accept-charset=\"utf-8\">\n");

  g_string_append (html, "<h2>Data pelapor</h2>\n");
  append_text_input (html, errors, "nama", "Nama lengkap", NULL, form->nama, MAX_NAME, TRUE,
                     "name");
  append_text_input (html, errors, "kontak", "Nomor telepon atau alamat e-mail",
                     "Dianjurkan, agar petugas dapat menghubungi Anda bila perlu keterangan "
                     "tambahan. Nama dan kontak Anda tidak pernah ditampilkan kepada publik.",
                     form->kontak, MAX_CONTACT, FALSE, NULL);

  g_string_append (html, "<h2>Lokasi</h2>\n");
  if (kecamatan->len > 0)
    append_select (html, errors, "kecamatan", "Kecamatan",
                   "Kecamatan tempat masalah terjadi, bila berkaitan dengan lokasi tertentu.",
                   "— Pilih kecamatan —", (const char * const *) kecamatan->pdata,
                   kecamatan->len, form->kecamatan);
  else
    append_text_input (html, errors, "kecamatan", "Kecamatan",
                       "Kecamatan tempat masalah terjadi, bila berkaitan dengan lokasi "
                       "tertentu.",
                       form->kecamatan, MAX_PLACE, FALSE, NULL);
  append_text_input (html, errors, "desa", "Desa atau kelurahan", NULL, form->desa, MAX_PLACE,
                     FALSE, NULL);

  g_string_append (html, "<h2>Aduan</h2>\n");
  message = error_for (errors, "jenis");
  g_string_append_printf (html, "<div class=\"isian%s\">\n<fieldset%s>\n"
                                "<legend>Jenis aduan (wajib)</legend>\n",
                          message != NULL ? " galat" : "",
                          message != NULL ? " aria-describedby=\"jenis-galat\"" : "");
  append_field_error (html, "jenis", message);
  for (guint i = 0; i < G_N_ELEMENTS (kind_choices); i++)
    {
      const KindChoice *choice = &kind_choices[i];

      g_string_append_printf (html,
                              "<div class=\"pilihan\"><input type=\"radio\" id=\"jenis-%s\" "
                              "name=\"jenis\" value=\"%s\"%s%s> "
                              "<label for=\"jenis-%s\">%s: %s</label></div>\n",
                              choice->value, choice->value,
                              i == 0 ? " required" : "",
                              g_strcmp0 (form->jenis, choice->value) == 0 ? " checked" : "",
                              choice->value, choice->label, choice->hint);
    }
  g_string_append (html, "</fieldset>\n</div>\n");

  for (guint i = 0; i < n_categories; i++)
    category_options[i] = categories[i];
  category_options[n_categories] = OTHER_CATEGORY;
  append_select (html, errors, "kategori", "Kategori", NULL, "— Pilih kategori —",
                 category_options, n_categories + 1, form->kategori);

  message = error_for (errors, "isi");
  g_string_append_printf (html, "<div class=\"isian%s\">\n"
                                "<label for=\"isi\">Isi aduan (wajib)</label>\n"
                                "<p id=\"isi-petunjuk\" class=\"petunjuk\">Jelaskan apa yang "
                                "terjadi, di mana, dan sejak kapan. Paling banyak 4.000 "
                                "karakter. Jangan menulis data pribadi orang lain.</p>\n",
                          message != NULL ? " galat" : "");
  append_field_error (html, "isi", message);
  g_string_append_printf (html, "<textarea id=\"isi\" name=\"isi\" rows=\"8\" maxlength=\"%u\" "
                                "required",
                          SIGAP_SERVER_PUBLIC_MAX_TEXT);
  append_described_by (html, "isi", TRUE, message != NULL);
  g_string_append (html, ">");
  append_escaped (html, form->isi);
  g_string_append (html, "</textarea>\n</div>\n");

  message = error_for (errors, "setuju");
  g_string_append_printf (html, "<div class=\"isian setuju%s\">\n", message != NULL ? " galat" : "");
  append_field_error (html, "setuju", message);
  g_string_append_printf (html, "<input type=\"checkbox\" id=\"setuju\" name=\"setuju\" "
                                "value=\"" CONSENT_VALUE "\" required%s",
                          form->setuju ? " checked" : "");
  append_described_by (html, "setuju", FALSE, message != NULL);
  g_string_append (html, "> <label for=\"setuju\">Saya setuju nama, kontak, dan isi aduan "
                         "saya diproses oleh pemerintah daerah untuk menindaklanjuti aduan "
                         "ini, sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan "
                         "Data Pribadi. (wajib)</label>\n</div>\n");

  /* A field that people do not see and that bots fill in. */
  g_string_append (html, "<div class=\"hp\" aria-hidden=\"true\">\n"
                         "<label for=\"" HONEYPOT_FIELD "\">Situs web (jangan diisi)</label>\n"
                         "<input type=\"text\" id=\"" HONEYPOT_FIELD "\" name=\"" HONEYPOT_FIELD
                         "\" tabindex=\"-1\" autocomplete=\"off\" value=\"\">\n"
                         "</div>\n");

  g_string_append (html, "<p><button type=\"submit\">Kirim aduan</button></p>\n</form>\n"
                         "<p><a href=\"/aduan/lacak\">Lacak aduan yang sudah dikirim</a></p>\n");
  page_end (html);

  send_page (msg, status, html);
}

/* }}} */

/* Submitting {{{ */

static gboolean
looks_like_contact (const char *contact)
{
  const char *at = strchr (contact, '@');
  guint digits = 0;

  if (at != NULL)
    return at != contact && strchr (at + 1, '.') != NULL && strchr (at + 1, '@') == NULL &&
           strchr (contact, ' ') == NULL && at[1] != '.' &&
           !g_str_has_suffix (contact, ".");

  for (const char *p = contact; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != ' ' && *p != '-' && *p != '.' && *p != '(' && *p != ')' &&
               !(*p == '+' && p == contact))
        return FALSE;
    }

  return digits >= 8 && digits <= 15;
}

static void
check_length (GArray     *errors,
              const char *field,
              const char *value,
              guint       max,
              const char *what)
{
  if (g_utf8_strlen (value, -1) > max)
    {
      g_autofree char *message = g_strdup_printf ("%s paling banyak %u karakter.", what, max);

      add_error (errors, field, message);
    }
}

static void
validate (Form       *form,
          GPtrArray  *kecamatan,
          GArray     *errors)
{
  glong text_length;

  if (form->nama[0] == '\0')
    add_error (errors, "nama", "Tulis nama lengkap Anda.");
  else
    check_length (errors, "nama", form->nama, MAX_NAME, "Nama");

  if (form->kontak[0] != '\0')
    {
      if (g_utf8_strlen (form->kontak, -1) > MAX_CONTACT || !looks_like_contact (form->kontak))
        add_error (errors, "kontak",
                   "Tulis nomor telepon (misalnya 0812 3456 7890) atau alamat e-mail "
                   "(misalnya nama@contoh.id), atau kosongkan isian ini.");
    }

  if (form->kecamatan[0] != '\0')
    {
      if (kecamatan->len > 0 && !names_contain (kecamatan, form->kecamatan))
        add_error (errors, "kecamatan", "Pilih kecamatan dari daftar.");
      else
        check_length (errors, "kecamatan", form->kecamatan, MAX_PLACE, "Nama kecamatan");
    }

  check_length (errors, "desa", form->desa, MAX_PLACE, "Nama desa atau kelurahan");

  if (form->jenis[0] == '\0')
    add_error (errors, "jenis",
               "Pilih jenis aduan: pengaduan, aspirasi, atau permintaan informasi.");
  else
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (kind_choices); i++)
        known |= g_str_equal (form->jenis, kind_choices[i].value);
      if (!known)
        add_error (errors, "jenis",
                   "Pilih jenis aduan: pengaduan, aspirasi, atau permintaan informasi.");
    }

  if (form->kategori[0] != '\0' && !g_str_equal (form->kategori, OTHER_CATEGORY) &&
      !g_strv_contains (categories, form->kategori))
    add_error (errors, "kategori", "Pilih kategori dari daftar.");

  text_length = g_utf8_strlen (form->isi, -1);
  if (text_length == 0)
    add_error (errors, "isi", "Tulis isi aduan Anda.");
  else if (text_length < MIN_TEXT)
    add_error (errors, "isi", "Isi aduan terlalu pendek: jelaskan dalam paling sedikit "
                              "10 karakter.");
  else if (text_length > SIGAP_SERVER_PUBLIC_MAX_TEXT)
    {
      g_autofree char *message =
        g_strdup_printf ("Isi aduan paling banyak 4.000 karakter; sekarang %ld karakter. "
                         "Persingkat isinya.", text_length);

      add_error (errors, "isi", message);
    }

  if (!form->setuju)
    add_error (errors, "setuju",
               "Centang persetujuan pemrosesan data pribadi agar aduan dapat "
               "ditindaklanjuti.");
}

static SigapComplaintKind
kind_of (const char *jenis)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_choices); i++)
    if (g_str_equal (jenis, kind_choices[i].value))
      return kind_choices[i].kind;

  g_assert_not_reached ();
}

static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

typedef struct
{
  SigapComplaint *complaint;
  SigapComplaintEvent *event;
} NewComplaint;

static gboolean
insert_complaint_cb (SigapServerStore  *store,
                     gpointer           user_data,
                     GError           **error)
{
  NewComplaint *data = user_data;

  return sigap_server_store_insert_record (store, data->complaint, error) &&
         sigap_server_store_insert_record (store, data->event, error);
}

/* Stores the complaint and its first event in one transaction; returns
 * its tracking number. */
static char *
store_complaint (Public     *self,
                 Form       *form,
                 const char *diskominfo_id,
                 GTimeZone  *zone,
                 GError    **error)
{
  g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
  g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
  g_autofree char *complaint_id = g_uuid_string_random ();
  g_autofree char *event_id = g_uuid_string_random ();
  NewComplaint data = { complaint, event };
  g_autoptr(SigapWorkingDays) days = NULL;
  SigapSlaSettings sla;
  gint64 now = now_seconds ();

  sigap_complaint_set_id (complaint, complaint_id);
  sigap_complaint_set_channel (complaint, SIGAP_CHANNEL_WEB_FORM);
  sigap_complaint_set_kind (complaint, kind_of (form->jenis));
  if (!g_str_equal (form->kategori, OTHER_CATEGORY))
    sigap_complaint_set_category (complaint, nonempty (form->kategori));
  sigap_complaint_set_kecamatan (complaint, nonempty (form->kecamatan));
  sigap_complaint_set_desa (complaint, nonempty (form->desa));
  sigap_complaint_set_citizen_name (complaint, form->nama);
  sigap_complaint_set_citizen_contact (complaint, nonempty (form->kontak));
  sigap_complaint_set_body (complaint, form->isi);
  sigap_complaint_set_status (complaint, SIGAP_COMPLAINT_STATUS_RECEIVED);
  sigap_complaint_set_opd_id (complaint, diskominfo_id);
  sigap_complaint_set_received_at (complaint, now);
  /* Verified within the regency's working days, holidays not counted. */
  sigap_server_documents_load_sla (self->store, &sla);
  days = sigap_server_documents_load_working_days (self->store, now);
  sigap_complaint_set_due_at (complaint,
                              sigap_sla_deadline (days, &sla, SIGAP_SLA_STEP_VERIFICATION,
                                                  sigap_complaint_get_kind (complaint), FALSE,
                                                  now, zone, NULL));

  sigap_complaint_event_set_id (event, event_id);
  sigap_complaint_event_set_complaint_id (event, complaint_id);
  sigap_complaint_event_set_action (event, "created");
  sigap_complaint_event_set_actor_id (event, NULL);
  sigap_complaint_event_set_note (event, "Aduan masuk melalui formulir web.");
  sigap_complaint_event_set_from_status (event, SIGAP_COMPLAINT_STATUS_RECEIVED);
  sigap_complaint_event_set_to_status (event, SIGAP_COMPLAINT_STATUS_RECEIVED);
  sigap_complaint_event_set_opd_id (event, diskominfo_id);
  sigap_complaint_event_set_created_at (event, now);

  if (!sigap_server_store_run_in_transaction (self->store, insert_complaint_cb, &data, error))
    return NULL;

  return g_strdup (sigap_complaint_get_tracking_number (complaint));
}

static void
redirect_to_sent (SoupServerMessage *msg,
                  const char        *tracking_number)
{
  g_autofree char *location = g_strconcat (SIGAP_SERVER_PUBLIC_PATH "/terkirim?nomor=",
                                           tracking_number, NULL);

  /* Relative, so that it holds behind a reverse proxy too. */
  set_page_headers (msg);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location",
                                location);
  soup_server_message_set_status (msg, SOUP_STATUS_SEE_OTHER, NULL);
}

static gboolean
content_type_is_form (SoupServerMessage *msg)
{
  const char *type =
    soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);

  return type != NULL && g_ascii_strcasecmp (type, "application/x-www-form-urlencoded") == 0;
}

static void
handle_submit (Public            *self,
               SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *address = client_address (msg);
  g_auto(Form) form = { NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GArray) errors = NULL;
  g_autoptr(GPtrArray) kecamatan = NULL;
  g_autoptr(SigapOpd) diskominfo = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *honeypot = NULL;
  g_autofree char *tracking_number = NULL;
  const char *consent;
  gint64 now = now_seconds ();
  gint64 wait;
  gsize length;

  bytes = soup_message_body_flatten (body);
  length = g_bytes_get_size (bytes);
  if (length > SIGAP_SERVER_PUBLIC_MAX_BODY)
    {
      send_too_large (msg, self->store);
      return;
    }

  if (!content_type_is_form (msg))
    {
      send_message_page (msg, self->store, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE,
                         "Formulir tidak dapat dibaca",
                         "Kirim aduan melalui formulir di halaman ini.",
                         SIGAP_SERVER_PUBLIC_PATH, "Buka formulir aduan");
      return;
    }

  data = g_strndup (g_bytes_get_data (bytes, NULL), length);
  fields = soup_form_decode (data);

  form.nama = clean_text (g_hash_table_lookup (fields, "nama"), FALSE);
  form.kontak = clean_text (g_hash_table_lookup (fields, "kontak"), FALSE);
  form.kecamatan = clean_text (g_hash_table_lookup (fields, "kecamatan"), FALSE);
  form.desa = clean_text (g_hash_table_lookup (fields, "desa"), FALSE);
  form.jenis = clean_text (g_hash_table_lookup (fields, "jenis"), FALSE);
  form.kategori = clean_text (g_hash_table_lookup (fields, "kategori"), FALSE);
  form.isi = clean_text (g_hash_table_lookup (fields, "isi"), TRUE);
  honeypot = clean_text (g_hash_table_lookup (fields, HONEYPOT_FIELD), FALSE);
  consent = g_hash_table_lookup (fields, "setuju");
  form.setuju = g_strcmp0 (consent, CONSENT_VALUE) == 0;

  if (form.nama == NULL || form.kontak == NULL || form.kecamatan == NULL ||
      form.desa == NULL || form.jenis == NULL || form.kategori == NULL || form.isi == NULL ||
      honeypot == NULL)
    {
      send_message_page (msg, self->store, SOUP_STATUS_BAD_REQUEST,
                         "Isian tidak dapat dibaca",
                         "Sebagian isian formulir memuat karakter yang tidak dapat dibaca "
                         "(bukan UTF-8), sehingga aduan belum terkirim. Isi kembali "
                         "formulirnya dan kirim ulang.",
                         SIGAP_SERVER_PUBLIC_PATH, "Kembali ke formulir aduan");
      return;
    }

  wait = sigap_login_throttle_check (self->submissions, address, now);
  if (wait > 0)
    {
      send_rate_limited (msg, self->store, wait,
                         "Sudah terlalu banyak aduan yang dikirim dari alamat internet Anda "
                         "dalam satu jam terakhir, sehingga aduan ini belum terkirim.");
      return;
    }

  if (honeypot[0] != '\0')
    {
      /* A bot: it gets what a person gets, without a number that works
       * (no complaint ever has number 000000). */
      g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
      g_autofree char *fake = g_strdup_printf ("ADU-%04d-000000", g_date_time_get_year (today));

      sigap_login_throttle_fail (self->submissions, address, now);
      redirect_to_sent (msg, fake);
      return;
    }

  kecamatan = list_kecamatan (self->store);
  errors = g_array_new (FALSE, FALSE, sizeof (FieldError));
  g_array_set_clear_func (errors, field_error_clear);
  validate (&form, kecamatan, errors);

  if (errors->len > 0)
    {
      render_form (msg, self->store, SOUP_STATUS_UNPROCESSABLE_ENTITY, &form, errors);
      return;
    }

  diskominfo = find_diskominfo (self->store);
  if (diskominfo == NULL)
    {
      g_warning ("A public complaint was refused: the store has no OPD with code '%s'.",
                 DISKOMINFO_CODE);
      send_unavailable (msg, self->store);
      return;
    }

  zone = regency_zone (self->store);
  tracking_number = store_complaint (self, &form, sigap_opd_get_id (diskominfo), zone, &error);
  if (tracking_number == NULL)
    {
      g_warning ("Could not store a public complaint: %s", error->message);
      send_unavailable (msg, self->store);
      return;
    }

  sigap_login_throttle_fail (self->submissions, address, now);
  redirect_to_sent (msg, tracking_number);
}

/* }}} */

/* Sent and track {{{ */

static void
handle_sent (Public            *self,
             SoupServerMessage *msg,
             GHashTable        *query)
{
  g_autofree char *number = NULL;
  GString *html;

  number = normalize_tracking_number (query != NULL ? g_hash_table_lookup (query, "nomor")
                                                    : NULL);
  if (number == NULL)
    {
      send_message_page (msg, self->store, SOUP_STATUS_NOT_FOUND,
                         "Nomor aduan tidak ditemukan",
                         "Alamat halaman ini tidak memuat nomor aduan yang benar.",
                         "/aduan/lacak", "Lacak aduan dengan nomornya");
      return;
    }

  html = g_string_new (NULL);
  page_begin (html, self->store, "Aduan terkirim");
  g_string_append (html,
                   "<h1>Terima kasih, aduan Anda sudah kami terima</h1>\n"
                   "<div class=\"kotak\">\n<p>Nomor aduan Anda:</p>\n<p class=\"nomor\">");
  append_escaped (html, number);
  g_string_append (html,
                   "</p>\n</div>\n"
                   "<p>Simpan nomor ini: hanya dengan nomor inilah Anda dapat melacak "
                   "status aduan. Petugas akan memeriksa aduan Anda dan meneruskannya ke "
                   "perangkat daerah yang berwenang dalam 3 hari kerja.</p>\n"
                   "<p><a href=\"/aduan/lacak?nomor=");
  append_escaped (html, number);
  g_string_append (html,
                   "\">Lihat status aduan ini</a></p>\n"
                   "<p><a href=\"/aduan\">Kirim aduan lain</a></p>\n");
  page_end (html);

  send_page (msg, SOUP_STATUS_OK, html);
}

static SigapComplaint *
find_complaint (SigapServerStore *store,
                const char       *tracking_number)
{
  g_autoptr(GError) error = NULL;
  SigapComplaint *complaint;

  complaint = SIGAP_COMPLAINT (sigap_server_store_find_record (store,
                                                               SIGAP_SERVER_ENTITY_COMPLAINT,
                                                               tracking_number, &error));
  if (complaint == NULL &&
      !g_error_matches (error, SIGAP_SERVER_STORE_ERROR, SIGAP_SERVER_STORE_ERROR_NOT_FOUND))
    g_warning ("Cannot look up a tracking number: %s", error->message);

  return complaint;
}

/* The note of the last event that moved @complaint to @status. */
static char *
last_note_to (SigapServerStore     *store,
              SigapComplaint       *complaint,
              SigapComplaintStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events =
    sigap_server_store_list_records (store, SIGAP_SERVER_ENTITY_COMPLAINT_EVENT,
                                     sigap_complaint_get_id (complaint), &error);

  if (events == NULL)
    {
      g_warning ("Cannot read a complaint's timeline: %s", error->message);
      return NULL;
    }

  for (guint i = events->len; i > 0; i--)
    {
      SigapComplaintEvent *event = g_ptr_array_index (events, i - 1);
      const char *note = sigap_complaint_event_get_note (event);

      if (sigap_complaint_event_get_to_status (event) == status &&
          sigap_complaint_event_get_from_status (event) != status &&
          note != NULL && note[0] != '\0')
        return g_strdup (note);
    }

  return NULL;
}

static char *
handling_opd_name (SigapServerStore *store,
                   SigapComplaint   *complaint)
{
  g_autoptr(SigapOpd) opd = NULL;
  const char *opd_id = sigap_complaint_get_opd_id (complaint);

  if (opd_id != NULL)
    opd = SIGAP_OPD (sigap_server_store_get_record (store, SIGAP_SERVER_ENTITY_OPD, opd_id,
                                                    NULL));

  if (opd == NULL || sigap_opd_get_name (opd) == NULL)
    return g_strdup ("perangkat daerah yang berwenang");

  return g_strdup (sigap_opd_get_name (opd));
}

static void
append_term (GString    *html,
             const char *term,
             const char *definition)
{
  g_string_append (html, "<dt>");
  append_escaped (html, term);
  g_string_append (html, "</dt>\n<dd>");
  append_escaped (html, definition);
  g_string_append (html, "</dd>\n");
}

static void
append_paragraphs (GString    *html,
                   const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      g_string_append (html, "<p>");
      append_escaped (html, lines[i]);
      g_string_append (html, "</p>\n");
    }
}

static void
append_lookup_form (GString    *html,
                    const char *value,
                    gboolean    invalid)
{
  g_string_append (html,
                   "<form method=\"get\" action=\"/aduan/lacak\">\n"
                   "<div class=\"isian\">\n"
                   "<label for=\"nomor\">Nomor aduan (wajib)</label>\n"
                   "<p id=\"nomor-petunjuk\" class=\"petunjuk\">Nomor yang Anda terima "
                   "setelah mengirim aduan, misalnya ADU-2026-000123.</p>\n"
                   "<input type=\"text\" id=\"nomor\" name=\"nomor\" maxlength=\"32\" "
                   "autocomplete=\"off\" spellcheck=\"false\" required "
                   "aria-describedby=\"nomor-petunjuk\"");
  if (invalid)
    g_string_append (html, " aria-invalid=\"true\"");
  g_string_append (html, " value=\"");
  append_escaped (html, value);
  g_string_append (html, "\">\n</div>\n"
                         "<p><button type=\"submit\">Lacak</button></p>\n</form>\n");
}

static void
send_lookup_page (Public            *self,
                  SoupServerMessage *msg,
                  guint              status,
                  const char        *value,
                  gboolean           not_found)
{
  GString *html = g_string_new (NULL);

  page_begin (html, self->store, not_found ? "Nomor aduan tidak ditemukan" : "Lacak aduan");
  if (not_found)
    {
      g_string_append (html,
                       "<h1>Nomor aduan tidak ditemukan</h1>\n"
                       "<div class=\"ringkasan-galat\" role=\"alert\">\n<p>Tidak ada aduan "
                       "dengan nomor <strong>");
      append_escaped (html, value);
      g_string_append (html,
                       "</strong>. Periksa kembali nomornya: bentuknya ADU, tahun, lalu "
                       "enam angka, misalnya ADU-2026-000123.</p>\n</div>\n");
    }
  else
    {
      g_string_append (html,
                       "<h1>Lacak aduan</h1>\n"
                       "<p>Tulis nomor aduan Anda untuk melihat statusnya. Halaman ini "
                       "tidak menampilkan nama, kontak, maupun isi aduan.</p>\n");
    }
  append_lookup_form (html, not_found ? value : NULL, not_found);
  g_string_append (html, "<p><a href=\"/aduan\">Kirim aduan baru</a></p>\n");
  page_end (html);

  send_page (msg, status, html);
}

static void
send_status_page (Public            *self,
                  SoupServerMessage *msg,
                  SigapComplaint    *complaint)
{
  g_autoptr(GTimeZone) zone = regency_zone (self->store);
  g_autofree char *opd_name = handling_opd_name (self->store, complaint);
  g_autofree char *label = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *received = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *title = NULL;
  SigapComplaintStatus status = sigap_complaint_get_status (complaint);
  const char *number = sigap_complaint_get_tracking_number (complaint);
  gboolean open = FALSE;
  GString *html;

  switch (status)
    {
    case SIGAP_COMPLAINT_STATUS_RECEIVED:
      label = g_strdup ("Diterima");
      explanation = g_strdup ("Aduan Anda sudah diterima dan menunggu diperiksa oleh petugas "
                              "Dinas Komunikasi dan Informatika.");
      open = TRUE;
      break;

    case SIGAP_COMPLAINT_STATUS_VERIFIED:
      label = g_strdup ("Terverifikasi");
      explanation = g_strdup ("Aduan Anda sudah diperiksa dan akan diteruskan ke perangkat "
                              "daerah yang berwenang.");
      open = TRUE;
      break;

    case SIGAP_COMPLAINT_STATUS_ROUTED:
      label = g_strdup_printf ("Diteruskan ke %s", opd_name);
      explanation = g_strdup_printf ("Aduan Anda sudah diteruskan ke %s dan menunggu "
                                     "ditindaklanjuti.", opd_name);
      open = TRUE;
      break;

    case SIGAP_COMPLAINT_STATUS_IN_PROGRESS:
      label = g_strdup ("Diproses");
      explanation = g_strdup_printf ("%s sedang menindaklanjuti aduan Anda.", opd_name);
      open = TRUE;
      break;

    case SIGAP_COMPLAINT_STATUS_RESOLVED:
      label = g_strdup ("Selesai");
      explanation = g_strdup_printf ("Aduan Anda sudah selesai ditindaklanjuti oleh %s.",
                                     opd_name);
      answer = last_note_to (self->store, complaint, SIGAP_COMPLAINT_STATUS_RESOLVED);
      break;

    case SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY:
      label = g_strdup ("Bukan kewenangan");
      explanation = g_strdup ("Masalah yang Anda adukan bukan kewenangan pemerintah daerah, "
                              "sehingga tidak dapat ditindaklanjuti di sini.");
      break;

    case SIGAP_COMPLAINT_STATUS_REJECTED:
      label = g_strdup ("Ditolak");
      explanation = g_strdup ("Aduan Anda tidak dapat ditindaklanjuti.");
      reason = last_note_to (self->store, complaint, SIGAP_COMPLAINT_STATUS_REJECTED);
      break;

    case SIGAP_COMPLAINT_STATUS_ARCHIVED:
      label = g_strdup ("Diarsipkan");
      explanation = g_strdup ("Aduan Anda sudah selesai dan disimpan dalam arsip.");
      answer = last_note_to (self->store, complaint, SIGAP_COMPLAINT_STATUS_RESOLVED);
      break;

    default:
      label = g_strdup ("Diterima");
      explanation = g_strdup ("Aduan Anda sudah diterima.");
      break;
    }

  received = format_time (sigap_complaint_get_received_at (complaint), zone);
  title = g_strdup_printf ("Status aduan %s", number);

  html = g_string_new (NULL);
  page_begin (html, self->store, title);
  g_string_append (html, "<h1>Status aduan <span class=\"nomor\">");
  append_escaped (html, number);
  g_string_append (html, "</span></h1>\n<div class=\"kotak\">\n<dl>\n");
  append_term (html, "Status", label);
  append_term (html, "Keterangan", explanation);
  append_term (html, "Diterima", received);
  if (open && sigap_complaint_get_due_at (complaint) > 0)
    {
      g_autofree char *due = format_time (sigap_complaint_get_due_at (complaint), zone);

      append_term (html, "Batas waktu tindak lanjut", due);
    }
  if (!open && sigap_complaint_get_resolved_at (complaint) > 0)
    {
      g_autofree char *resolved = format_time (sigap_complaint_get_resolved_at (complaint), zone);

      append_term (html, "Diselesaikan", resolved);
    }
  g_string_append (html, "</dl>\n</div>\n");

  if (answer != NULL)
    {
      g_string_append (html, "<h2>Jawaban</h2>\n");
      append_paragraphs (html, answer);
    }

  if (reason != NULL)
    {
      g_string_append (html, "<h2>Alasan</h2>\n");
      append_paragraphs (html, reason);
    }

  g_string_append (html,
                   "<p><a href=\"/aduan/lacak\">Lacak aduan lain</a></p>\n"
                   "<p><a href=\"/aduan\">Kirim aduan baru</a></p>\n");
  page_end (html);

  send_page (msg, SOUP_STATUS_OK, html);
}

static void
handle_lookup (Public            *self,
               SoupServerMessage *msg,
               GHashTable        *query)
{
  const char *value = query != NULL ? g_hash_table_lookup (query, "nomor") : NULL;
  const char *address = client_address (msg);
  g_autoptr(SigapComplaint) complaint = NULL;
  g_autofree char *number = NULL;
  g_autofree char *shown = NULL;
  gint64 now = now_seconds ();
  gint64 wait;

  if (value == NULL || value[0] == '\0')
    {
      send_lookup_page (self, msg, SOUP_STATUS_OK, NULL, FALSE);
      return;
    }

  wait = sigap_login_throttle_check (self->lookups, address, now);
  if (wait > 0)
    {
      send_rate_limited (msg, self->store, wait,
                         "Sudah terlalu banyak nomor aduan yang dilacak dari alamat internet "
                         "Anda dalam satu menit terakhir.");
      return;
    }
  sigap_login_throttle_fail (self->lookups, address, now);

  number = normalize_tracking_number (value);
  if (number != NULL)
    complaint = find_complaint (self->store, number);

  if (complaint == NULL)
    {
      shown = clean_text (value, FALSE);
      if (shown == NULL)
        shown = g_strdup ("");
      else if (g_utf8_strlen (shown, -1) > 32)
        {
          char *end = g_utf8_offset_to_pointer (shown, 32);

          *end = '\0';
        }
      send_lookup_page (self, msg, SOUP_STATUS_NOT_FOUND, shown, TRUE);
      return;
    }

  send_status_page (self, msg, complaint);
}

/* }}} */

/* Dispatch {{{ */

static void
send_method_not_allowed (Public            *self,
                         SoupServerMessage *msg,
                         const char        *allow)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
  send_message_page (msg, self->store, SOUP_STATUS_METHOD_NOT_ALLOWED,
                     "Permintaan tidak didukung",
                     "Halaman ini tidak dapat dibuka dengan cara itu.",
                     SIGAP_SERVER_PUBLIC_PATH, "Buka formulir aduan");
}

static void
public_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  Public *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  gboolean is_get = g_str_equal (method, "GET") || g_str_equal (method, "HEAD");

  if (g_str_equal (path, SIGAP_SERVER_PUBLIC_PATH) ||
      g_str_equal (path, SIGAP_SERVER_PUBLIC_PATH "/"))
    {
      if (is_get)
        {
          g_auto(Form) form = { NULL };

          render_form (msg, self->store, SOUP_STATUS_OK, &form, NULL);
        }
      else if (g_str_equal (method, "POST"))
        handle_submit (self, msg);
      else
        send_method_not_allowed (self, msg, "GET, HEAD, POST");
    }
  else if (g_str_equal (path, SIGAP_SERVER_PUBLIC_PATH "/terkirim"))
    {
      if (is_get)
        handle_sent (self, msg, query);
      else
        send_method_not_allowed (self, msg, "GET, HEAD");
    }
  else if (g_str_equal (path, SIGAP_SERVER_PUBLIC_PATH "/lacak"))
    {
      if (is_get)
        handle_lookup (self, msg, query);
      else
        send_method_not_allowed (self, msg, "GET, HEAD");
    }
  else
    send_not_found (msg, self->store);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  Public *self = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (soup_server_message_get_status (msg) != 0 ||
      body->length <= SIGAP_SERVER_PUBLIC_MAX_BODY)
    return;

  /* Drain the rest without keeping it. */
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
  send_too_large (msg, self->store);
}

/* Before the body is read: refuses a body announced too large, and
 * watches the size of the others as they arrive. */
static void
public_early_callback (SoupServer        *server,
                       SoupServerMessage *msg,
                       const char        *path,
                       GHashTable        *query,
                       gpointer           user_data)
{
  Public *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > SIGAP_SERVER_PUBLIC_MAX_BODY)
    {
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
      send_too_large (msg, self->store);
      return;
    }

  /* The handler data lives as long as the server, which outlives its
   * messages. */
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self);
}

static void
public_free (gpointer data)
{
  Public *self = data;

  g_clear_object (&self->store);
  g_clear_pointer (&self->submissions, sigap_login_throttle_free);
  g_clear_pointer (&self->lookups, sigap_login_throttle_free);
  g_free (self);
}

/* }}} */

/**
 * sigap_server_public_add_handlers:
 * @server: the server's #SoupServer
 * @store: the store that complaints go into
 *
 * Serves the citizens' complaint form under `/aduan` on @server, with
 * its own body limit (16 KiB) and per-address rate limits, which live as
 * long as @server.
 */
void
sigap_server_public_add_handlers (SoupServer       *server,
                                  SigapServerStore *store)
{
  Public *self;

  g_return_if_fail (SOUP_IS_SERVER (server));
  g_return_if_fail (SIGAP_IS_SERVER_STORE (store));

  self = g_new0 (Public, 1);
  self->store = g_object_ref (store);
  self->submissions = sigap_login_throttle_new (SIGAP_SERVER_PUBLIC_SUBMIT_LIMIT, SUBMIT_WINDOW);
  self->lookups = sigap_login_throttle_new (SIGAP_SERVER_PUBLIC_LOOKUP_LIMIT, LOOKUP_WINDOW);

  /* One handler path holds both callbacks: @self goes with it. */
  soup_server_add_early_handler (server, SIGAP_SERVER_PUBLIC_PATH, public_early_callback,
                                 self, NULL);
  soup_server_add_handler (server, SIGAP_SERVER_PUBLIC_PATH, public_callback, self, public_free);
}
