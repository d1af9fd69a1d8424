/* sigap-complaint-import.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-complaint-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sigap-complaint-event.h"
#include "sigap-complaint-import.h"
#include "sigap-enums.h"

/**
 * SigapComplaintImport:
 *
 * Complaints imported from a CSV file: an export of SP4N-LAPOR! or a file
 * of the admin's own making.
 *
 * The steps, each of which the import page shows:
 *
 * 1. Read the file (sigap_complaint_import_new_from_file()): sigap-csv.c
 *    says what it accepts. The first non-blank row is the header; the
 *    notices say when the file had to be read as Windows-1252.
 * 2. Map the columns: sigap_complaint_import_map_lapor() for an export of
 *    SP4N-LAPOR!, sigap_complaint_import_guess_mapping() for any other
 *    file; the admin may change the result before the preview.
 * 3. Preview (sigap_complaint_import_preview()): every row is read into a
 *    #SigapComplaint that is not stored yet, or into problems that keep it
 *    out. Nothing is written.
 * 4. Commit (sigap_complaint_import_commit()): every good row in one
 *    transaction, or none.
 *
 * The SP4N-LAPOR! preset
 *
 * There is no official description of the export of SP4N-LAPOR!'s
 * instansi dashboard, and its columns have changed between versions. So
 * the preset matches columns by their header, never by their position:
 * headers are compared folded (case, spaces and punctuation ignored, so
 * "No. Tiket", "NO TIKET" and "no_tiket" are one name), and each field
 * takes the first column whose header is one of its names, in this order:
 *
 *   ticket (finds duplicates)         No. Tiket, Nomor Tiket, Tracking ID,
 *                                     ID Tracking, No. Tracking, ID Laporan,
 *                                     No. Laporan, Nomor Laporan
 *   received (required)               Tanggal Laporan, Tanggal Masuk,
 *                                     Waktu Laporan, Tgl Laporan, Tanggal,
 *                                     Waktu
 *   title                             Judul Laporan, Judul
 *   text (required)                   Isi Laporan, Isi Pengaduan, Isi Aduan,
 *                                     Isi, Deskripsi
 *   category                          Kategori, Kategori Laporan, Topik
 *   type                              Klasifikasi, Klasifikasi Laporan,
 *                                     Jenis Laporan, Jenis
 *   kecamatan                         Kecamatan
 *   location                          Lokasi, Lokasi Kejadian, Alamat
 *   desa                              Kelurahan/Desa, Desa/Kelurahan,
 *                                     Kelurahan, Desa
 *   name                              Nama Pelapor, Pelapor, Nama
 *   contact                           Kontak Pelapor, Kontak, Telepon,
 *                                     No. HP, Email
 *   status                            Status, Status Laporan
 *   link                              Tautan, Link, URL
 *
 * Every row gets the channel SP4N-LAPOR!: the export's own "Sumber"
 * column (website, SMS 1708, the mobile apps) is how the citizen reached
 * LAPOR!, not a channel of Sigap, so the preset leaves it out. A file is
 * taken for an SP4N-LAPOR! export (sigap_complaint_import_detect_preset())
 * when it has a ticket column (No. Tiket, Nomor Tiket, Tracking ID or ID
 * Tracking) and "Isi Laporan". Names of anonymous or confidential
 * citizens ("Anonim", "Rahasia") are left empty.
 *
 * Guessing a custom file's mapping does the same with more names,
 * Indonesian and English (isi, teks, aduan, keluhan, text; tanggal,
 * waktu, date; nama; kontak, telepon, hp, email; kanal, saluran, channel;
 * kecamatan; desa, kelurahan; kategori; jenis, tipe, type; tautan, link,
 * url; …), then, for the columns left, headers that start with one of the
 * names ("Nama Lengkap Pelapor") or contain a long one. Headers that look
 * alike but mean something else (Tanggal Lahir, Jenis Kelamin, Tanggal
 * Selesai, Tanggapan, No.) are never guessed.
 *
 * The values
 *
 * Cells are trimmed; a cell of only "-" is empty.
 *
 * - Dates: day/month/year with "/", "-" or "." ("17/07/2025",
 *   "17-07-2025", "17.7.25"), year-month-day ("2025-07-17",
 *   "2025-07-17T09:15:00+07:00", ISO 8601), day and month name in
 *   Indonesian or English ("17 Juli 2025", "Kamis, 17 Juli 2025",
 *   "17 Agt 2025", "July 17, 2025"), each with an optional time ("09:15",
 *   "09.15", "09:15:00", "pukul 09.15", "9:15 PM") and zone ("WIB",
 *   "WITA", "WIT", "Z", "+07:00", "UTC+8"), and spreadsheet serial
 *   numbers ("45855.3854"). Without a zone a time is the OPD's; without
 *   a time a date is its midnight. Day and month are never swapped:
 *   "07/17/2025" is a problem, not 17 July. A date more than a day in
 *   the future is a problem.
 * - Channels: Facebook (FB, Messenger), Instagram (IG), X (Twitter),
 *   YouTube (YT), TikTok, SP4N-LAPOR! (LAPOR, SP4N), web form (Web,
 *   Website, Formulir), walk-in (Langsung, Datang langsung, Loket, MPP);
 *   also as a word of a longer value ("Komentar Instagram", "DM IG"). An
 *   empty channel takes the mapping's default channel; an unknown one
 *   (WhatsApp, SMS, e-mail: Sigap has no such channel yet) is a problem,
 *   because a wrong channel would give a wrong reply window.
 * - Types: aspirasi (saran, usulan, masukan), pengaduan (aduan, keluhan,
 *   komplain), permintaan informasi (informasi, pertanyaan), and the
 *   English words. An empty type takes the mapping's default kind; an
 *   unknown one is a problem, because it decides the deadline.
 * - Kecamatan and desa lose a leading "Kecamatan", "Kec.", "Kapanewon",
 *   "Desa", "Ds.", "Kelurahan", "Kel.", "Kalurahan". A location fills
 *   them from its parts with those prefixes ("Desa Kauman, Kec.
 *   Sukamaju"); a location of one part with no prefix and no digits is
 *   taken for the kecamatan.
 * - Category, contact, handle and link are kept as written.
 * - A row with more cells than the header, and any of them not empty, is
 *   a problem: its text most likely holds the separator without
 *   quotation marks, so every column after it is shifted.
 * - A text longer than MAX_BODY_CHARS is a problem: most likely a
 *   quotation mark was opened in it and closed rows later.
 *
 * Duplicates: a row is skipped, as a problem, when its reference (the
 * ticket) is that of an earlier row, or when its text, received time and
 * channel are those of an earlier row or of a complaint already stored.
 * The model has no field for the reference yet, so a ticket imported
 * before is found only through its text, time and channel.
 *
 * Personal data never reaches the log or a message: problems quote dates,
 * channels and types only.
 */

#define MAX_BODY_CHARS 50000

/* A date this far ahead of now is a mistake, not a clock difference. */
#define FUTURE_SLACK (24 * 60 * 60)

/* The longest value quoted in a message. */
#define QUOTE_CHARS 40

typedef struct
{
  guint  row;
  char  *external_ref;
  char  *status;
  char  *location;
} RowInfo;

struct _SigapComplaintImport
{
  GObject parent_instance;

  SigapCsv *csv;
  char *file_name;
  GPtrArray *notices;
  guint header_row;
  guint n_columns;
  GPtrArray *column_names;

  SigapImportMapping mapping;
  gboolean previewed;
  gboolean committed;
  guint n_rows;
  guint n_problem_rows;
  GPtrArray *complaints;
  GArray *rows;
  GPtrArray *problems;

  SigapSlaSettings sla;
};

G_DEFINE_FINAL_TYPE (SigapComplaintImport, sigap_complaint_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (sigap-complaint-import-error-quark, sigap_complaint_import_error)

/* Header names {{{ */

typedef struct
{
  SigapImportField  field;
  const char       *name;   /* folded: sigap_csv_normalize_header() */
} HeaderName;

static const HeaderName lapor_names[] = {
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "notiket" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "nomortiket" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "trackingid" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "idtracking" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "notracking" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "idlaporan" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "nolaporan" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "nomorlaporan" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "tanggallaporan" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "tanggalmasuk" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "waktulaporan" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "tgllaporan" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "tanggal" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "waktu" },
  { SIGAP_IMPORT_FIELD_TITLE, "judullaporan" },
  { SIGAP_IMPORT_FIELD_TITLE, "judul" },
  { SIGAP_IMPORT_FIELD_BODY, "isilaporan" },
  { SIGAP_IMPORT_FIELD_BODY, "isipengaduan" },
  { SIGAP_IMPORT_FIELD_BODY, "isiaduan" },
  { SIGAP_IMPORT_FIELD_BODY, "isi" },
  { SIGAP_IMPORT_FIELD_BODY, "deskripsi" },
  { SIGAP_IMPORT_FIELD_CATEGORY, "kategori" },
  { SIGAP_IMPORT_FIELD_CATEGORY, "kategorilaporan" },
  { SIGAP_IMPORT_FIELD_CATEGORY, "topik" },
  { SIGAP_IMPORT_FIELD_KIND, "klasifikasi" },
  { SIGAP_IMPORT_FIELD_KIND, "klasifikasilaporan" },
  { SIGAP_IMPORT_FIELD_KIND, "jenislaporan" },
  { SIGAP_IMPORT_FIELD_KIND, "jenis" },
  { SIGAP_IMPORT_FIELD_KECAMATAN, "kecamatan" },
  { SIGAP_IMPORT_FIELD_LOCATION, "lokasi" },
  { SIGAP_IMPORT_FIELD_LOCATION, "lokasikejadian" },
  { SIGAP_IMPORT_FIELD_LOCATION, "alamat" },
  { SIGAP_IMPORT_FIELD_DESA, "kelurahandesa" },
  { SIGAP_IMPORT_FIELD_DESA, "desakelurahan" },
  { SIGAP_IMPORT_FIELD_DESA, "kelurahan" },
  { SIGAP_IMPORT_FIELD_DESA, "desa" },
  { SIGAP_IMPORT_FIELD_CITIZEN_NAME, "namapelapor" },
  { SIGAP_IMPORT_FIELD_CITIZEN_NAME, "pelapor" },
  { SIGAP_IMPORT_FIELD_CITIZEN_NAME, "nama" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "kontakpelapor" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "kontak" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "telepon" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "nohp" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "email" },
  { SIGAP_IMPORT_FIELD_STATUS, "status" },
  { SIGAP_IMPORT_FIELD_STATUS, "statuslaporan" },
  { SIGAP_IMPORT_FIELD_SOURCE_URL, "tautan" },
  { SIGAP_IMPORT_FIELD_SOURCE_URL, "link" },
  { SIGAP_IMPORT_FIELD_SOURCE_URL, "url" },
};

/* The headers that make a file an SP4N-LAPOR! export, with "isilaporan". */
static const char * const lapor_ticket_names[] = {
  "notiket", "nomortiket", "trackingid", "idtracking",
};

static const HeaderName custom_names[] = {
  { SIGAP_IMPORT_FIELD_BODY, "isi" },
  { SIGAP_IMPORT_FIELD_BODY, "isilaporan" },
  { SIGAP_IMPORT_FIELD_BODY, "isiaduan" },
  { SIGAP_IMPORT_FIELD_BODY, "isipengaduan" },
  { SIGAP_IMPORT_FIELD_BODY, "isikeluhan" },
  { SIGAP_IMPORT_FIELD_BODY, "isipesan" },
  { SIGAP_IMPORT_FIELD_BODY, "teks" },
  { SIGAP_IMPORT_FIELD_BODY, "text" },
  { SIGAP_IMPORT_FIELD_BODY, "aduan" },
  { SIGAP_IMPORT_FIELD_BODY, "pengaduan" },
  { SIGAP_IMPORT_FIELD_BODY, "keluhan" },
  { SIGAP_IMPORT_FIELD_BODY, "pesan" },
  { SIGAP_IMPORT_FIELD_BODY, "uraian" },
  { SIGAP_IMPORT_FIELD_BODY, "deskripsi" },
  { SIGAP_IMPORT_FIELD_BODY, "komentar" },
  { SIGAP_IMPORT_FIELD_BODY, "laporan" },
  { SIGAP_IMPORT_FIELD_BODY, "message" },
  { SIGAP_IMPORT_FIELD_BODY, "description" },
  { SIGAP_IMPORT_FIELD_BODY, "complaint" },
  { SIGAP_IMPORT_FIELD_BODY, "body" },
  { SIGAP_IMPORT_FIELD_BODY, "content" },
  { SIGAP_IMPORT_FIELD_TITLE, "judul" },
  { SIGAP_IMPORT_FIELD_TITLE, "judullaporan" },
  { SIGAP_IMPORT_FIELD_TITLE, "perihal" },
  { SIGAP_IMPORT_FIELD_TITLE, "subjek" },
  { SIGAP_IMPORT_FIELD_TITLE, "title" },
  { SIGAP_IMPORT_FIELD_TITLE, "subject" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "tanggal" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "tanggalmasuk" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "tanggallaporan" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "tanggaladuan" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "tanggalditerima" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "tanggalwaktu" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "waktu" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "waktumasuk" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "tgl" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "tglmasuk" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "diterima" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "date" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "datetime" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "timestamp" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "received" },
  { SIGAP_IMPORT_FIELD_RECEIVED_AT, "receivedat" },
  { SIGAP_IMPORT_FIELD_CHANNEL, "kanal" },
  { SIGAP_IMPORT_FIELD_CHANNEL, "saluran" },
  { SIGAP_IMPORT_FIELD_CHANNEL, "channel" },
  { SIGAP_IMPORT_FIELD_CHANNEL, "media" },
  { SIGAP_IMPORT_FIELD_CHANNEL, "mediasosial" },
  { SIGAP_IMPORT_FIELD_CHANNEL, "platform" },
  { SIGAP_IMPORT_FIELD_CHANNEL, "sumber" },
  { SIGAP_IMPORT_FIELD_CHANNEL, "source" },
  { SIGAP_IMPORT_FIELD_KIND, "jenis" },
  { SIGAP_IMPORT_FIELD_KIND, "jenisaduan" },
  { SIGAP_IMPORT_FIELD_KIND, "jenislaporan" },
  { SIGAP_IMPORT_FIELD_KIND, "tipe" },
  { SIGAP_IMPORT_FIELD_KIND, "klasifikasi" },
  { SIGAP_IMPORT_FIELD_KIND, "type" },
  { SIGAP_IMPORT_FIELD_KIND, "kind" },
  { SIGAP_IMPORT_FIELD_CATEGORY, "kategori" },
  { SIGAP_IMPORT_FIELD_CATEGORY, "topik" },
  { SIGAP_IMPORT_FIELD_CATEGORY, "bidang" },
  { SIGAP_IMPORT_FIELD_CATEGORY, "category" },
  { SIGAP_IMPORT_FIELD_CATEGORY, "topic" },
  { SIGAP_IMPORT_FIELD_KECAMATAN, "kecamatan" },
  { SIGAP_IMPORT_FIELD_KECAMATAN, "kec" },
  { SIGAP_IMPORT_FIELD_KECAMATAN, "kapanewon" },
  { SIGAP_IMPORT_FIELD_KECAMATAN, "distrik" },
  { SIGAP_IMPORT_FIELD_KECAMATAN, "district" },
  { SIGAP_IMPORT_FIELD_DESA, "desa" },
  { SIGAP_IMPORT_FIELD_DESA, "kelurahan" },
  { SIGAP_IMPORT_FIELD_DESA, "desakelurahan" },
  { SIGAP_IMPORT_FIELD_DESA, "kelurahandesa" },
  { SIGAP_IMPORT_FIELD_DESA, "kalurahan" },
  { SIGAP_IMPORT_FIELD_DESA, "keldesa" },
  { SIGAP_IMPORT_FIELD_DESA, "village" },
  { SIGAP_IMPORT_FIELD_LOCATION, "lokasi" },
  { SIGAP_IMPORT_FIELD_LOCATION, "alamat" },
  { SIGAP_IMPORT_FIELD_LOCATION, "location" },
  { SIGAP_IMPORT_FIELD_LOCATION, "address" },
  { SIGAP_IMPORT_FIELD_CITIZEN_HANDLE, "akun" },
  { SIGAP_IMPORT_FIELD_CITIZEN_HANDLE, "namaakun" },
  { SIGAP_IMPORT_FIELD_CITIZEN_HANDLE, "akunmedsos" },
  { SIGAP_IMPORT_FIELD_CITIZEN_HANDLE, "username" },
  { SIGAP_IMPORT_FIELD_CITIZEN_HANDLE, "handle" },
  { SIGAP_IMPORT_FIELD_CITIZEN_HANDLE, "account" },
  { SIGAP_IMPORT_FIELD_CITIZEN_NAME, "nama" },
  { SIGAP_IMPORT_FIELD_CITIZEN_NAME, "namapelapor" },
  { SIGAP_IMPORT_FIELD_CITIZEN_NAME, "pelapor" },
  { SIGAP_IMPORT_FIELD_CITIZEN_NAME, "namawarga" },
  { SIGAP_IMPORT_FIELD_CITIZEN_NAME, "name" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "kontak" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "telepon" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "telp" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "hp" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "nohp" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "nomorhp" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "notelp" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "nomortelepon" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "wa" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "nowa" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "whatsapp" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "email" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "surel" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "phone" },
  { SIGAP_IMPORT_FIELD_CITIZEN_CONTACT, "contact" },
  { SIGAP_IMPORT_FIELD_SOURCE_URL, "tautan" },
  { SIGAP_IMPORT_FIELD_SOURCE_URL, "link" },
  { SIGAP_IMPORT_FIELD_SOURCE_URL, "url" },
  { SIGAP_IMPORT_FIELD_SOURCE_URL, "permalink" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "notiket" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "nomortiket" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "tiket" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "trackingid" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "nolaporan" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "nomorlaporan" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "noaduan" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "nomoraduan" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "referensi" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "reference" },
  { SIGAP_IMPORT_FIELD_EXTERNAL_REF, "ticket" },
  { SIGAP_IMPORT_FIELD_STATUS, "status" },
  { SIGAP_IMPORT_FIELD_STATUS, "statuslaporan" },
  { SIGAP_IMPORT_FIELD_STATUS, "state" },
};

/* Headers that a loose match would take for a field they are not. */
static const char * const never_guessed[] = {
  "no", "nomor", "nourut", "id", "nik", "usia", "umur", "pekerjaan", "ttl", "gender",
};
static const char * const never_guessed_parts[] = {
  "lahir", "kelamin", "tanggapan", "jawaban", "balasan", "tindaklanjut", "selesai",
  "ditutup", "disposisi",
};

/* }}} */

/* Value words {{{ */

typedef struct
{
  const char *word;   /* folded */
  int         value;
} Word;

static const Word channel_words[] = {
  { "facebook", SIGAP_CHANNEL_FACEBOOK },
  { "fb", SIGAP_CHANNEL_FACEBOOK },
  { "messenger", SIGAP_CHANNEL_FACEBOOK },
  { "fbmessenger", SIGAP_CHANNEL_FACEBOOK },
  { "instagram", SIGAP_CHANNEL_INSTAGRAM },
  { "ig", SIGAP_CHANNEL_INSTAGRAM },
  { "insta", SIGAP_CHANNEL_INSTAGRAM },
  { "x", SIGAP_CHANNEL_X },
  { "twitter", SIGAP_CHANNEL_X },
  { "xtwitter", SIGAP_CHANNEL_X },
  { "twitterx", SIGAP_CHANNEL_X },
  { "youtube", SIGAP_CHANNEL_YOUTUBE },
  { "yt", SIGAP_CHANNEL_YOUTUBE },
  { "tiktok", SIGAP_CHANNEL_TIKTOK },
  { "lapor", SIGAP_CHANNEL_LAPOR },
  { "sp4n", SIGAP_CHANNEL_LAPOR },
  { "sp4nlapor", SIGAP_CHANNEL_LAPOR },
  { "laporgoid", SIGAP_CHANNEL_LAPOR },
  { "web", SIGAP_CHANNEL_WEB_FORM },
  { "website", SIGAP_CHANNEL_WEB_FORM },
  { "situs", SIGAP_CHANNEL_WEB_FORM },
  { "formulir", SIGAP_CHANNEL_WEB_FORM },
  { "formulirweb", SIGAP_CHANNEL_WEB_FORM },
  { "formulironline", SIGAP_CHANNEL_WEB_FORM },
  { "webform", SIGAP_CHANNEL_WEB_FORM },
  { "form", SIGAP_CHANNEL_WEB_FORM },
  { "langsung", SIGAP_CHANNEL_WALK_IN },
  { "datanglangsung", SIGAP_CHANNEL_WALK_IN },
  { "tatapmuka", SIGAP_CHANNEL_WALK_IN },
  { "walkin", SIGAP_CHANNEL_WALK_IN },
  { "loket", SIGAP_CHANNEL_WALK_IN },
  { "mpp", SIGAP_CHANNEL_WALK_IN },
  { "malpelayananpublik", SIGAP_CHANNEL_WALK_IN },
};

static const Word kind_words[] = {
  { "aspirasi", SIGAP_COMPLAINT_KIND_ASPIRATION },
  { "saran", SIGAP_COMPLAINT_KIND_ASPIRATION },
  { "usulan", SIGAP_COMPLAINT_KIND_ASPIRATION },
  { "usul", SIGAP_COMPLAINT_KIND_ASPIRATION },
  { "masukan", SIGAP_COMPLAINT_KIND_ASPIRATION },
  { "aspiration", SIGAP_COMPLAINT_KIND_ASPIRATION },
  { "suggestion", SIGAP_COMPLAINT_KIND_ASPIRATION },
  { "pengaduan", SIGAP_COMPLAINT_KIND_COMPLAINT },
  { "aduan", SIGAP_COMPLAINT_KIND_COMPLAINT },
  { "keluhan", SIGAP_COMPLAINT_KIND_COMPLAINT },
  { "komplain", SIGAP_COMPLAINT_KIND_COMPLAINT },
  { "complaint", SIGAP_COMPLAINT_KIND_COMPLAINT },
  { "permintaaninformasi", SIGAP_COMPLAINT_KIND_INFORMATION },
  { "permohonaninformasi", SIGAP_COMPLAINT_KIND_INFORMATION },
  { "informasi", SIGAP_COMPLAINT_KIND_INFORMATION },
  { "pertanyaan", SIGAP_COMPLAINT_KIND_INFORMATION },
  { "information", SIGAP_COMPLAINT_KIND_INFORMATION },
  { "informationrequest", SIGAP_COMPLAINT_KIND_INFORMATION },
  { "question", SIGAP_COMPLAINT_KIND_INFORMATION },
};

static const Word month_words[] = {
  { "januari", 1 }, { "january", 1 }, { "jan", 1 },
  { "februari", 2 }, { "pebruari", 2 }, { "february", 2 }, { "feb", 2 }, { "peb", 2 },
  { "maret", 3 }, { "march", 3 }, { "mar", 3 },
  { "april", 4 }, { "apr", 4 },
  { "mei", 5 }, { "may", 5 },
  { "juni", 6 }, { "june", 6 }, { "jun", 6 },
  { "juli", 7 }, { "july", 7 }, { "jul", 7 },
  { "agustus", 8 }, { "august", 8 }, { "agu", 8 }, { "agt", 8 }, { "ags", 8 }, { "aug", 8 },
  { "september", 9 }, { "sept", 9 }, { "sep", 9 },
  { "oktober", 10 }, { "october", 10 }, { "okt", 10 }, { "oct", 10 },
  { "november", 11 }, { "nopember", 11 }, { "nov", 11 }, { "nop", 11 },
  { "desember", 12 }, { "december", 12 }, { "des", 12 }, { "dec", 12 },
};

static const char * const weekday_words[] = {
  "senin", "selasa", "rabu", "kamis", "jumat", "jum", "sabtu", "minggu", "ahad",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

static const char * const anonymous_names[] = {
  "anonim", "anonymous", "rahasia", "dirahasiakan", "tanpanama", "hambaallah",
};

static const char * const kecamatan_prefixes[] = {
  "kecamatan", "kec.", "kec", "kapanewon", "kemantren", "distrik",
};

static const char * const desa_prefixes[] = {
  "kelurahan", "kalurahan", "kel.", "kel", "desa", "ds.",
};

static gboolean
lookup_word (const Word *words,
             gsize       n_words,
             const char *word,
             int        *value)
{
  for (gsize i = 0; i < n_words; i++)
    if (strcmp (words[i].word, word) == 0)
      {
        *value = words[i].value;
        return TRUE;
      }

  return FALSE;
}

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *word)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (list[i], word) == 0)
      return TRUE;

  return FALSE;
}

/* The whole value folded, then each of its words: exactly one value must
 * come out ("Komentar Instagram" is Instagram, "FB atau IG" is unknown). */
static gboolean
lookup_value (const Word *words,
              gsize       n_words,
              const char *text,
              int        *value)
{
  g_autofree char *folded = NULL;
  g_autofree char *lower = NULL;
  g_auto(GStrv) parts = NULL;
  int found = -1;

  if (text == NULL)
    return FALSE;

  folded = sigap_csv_normalize_header (text);
  if (lookup_word (words, n_words, folded, value))
    return TRUE;

  lower = g_utf8_casefold (text, -1);
  for (char *p = lower; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && (guchar) *p < 0x80)
      *p = ' ';
  parts = g_strsplit (lower, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      int v;

      if (parts[i][0] == '\0' || !lookup_word (words, n_words, parts[i], &v))
        continue;
      if (found >= 0 && found != v)
        return FALSE;
      found = v;
    }

  if (found < 0)
    return FALSE;

  *value = found;

  return TRUE;
}

/* }}} */

/* Helpers {{{ */

static void
row_info_clear (gpointer data)
{
  RowInfo *info = data;

  g_free (info->external_ref);
  g_free (info->status);
  g_free (info->location);
}

static void
problem_free (gpointer data)
{
  SigapImportProblem *problem = data;

  g_free (problem->column_name);
  g_free (problem->message);
  g_free (problem);
}

static gboolean
is_trim_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0xFEFF || c == 0x200B;
}

/* A copy of @text without white space around it (no-break spaces and
 * zero-width ones included), or %NULL when nothing or only a dash is
 * left. */
static char *
trim_value (const char *text)
{
  const char *start;
  const char *end;

  if (text == NULL)
    return NULL;

  start = text;
  while (*start != '\0' && is_trim_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_trim_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  if (end == start ||
      (end - start == 1 && *start == '-') ||
      (end - start == 3 && (strncmp (start, "\xe2\x80\x93", 3) == 0 ||
                            strncmp (start, "\xe2\x80\x94", 3) == 0)))
    return NULL;

  return g_strndup (start, end - start);
}

/* A value short enough to quote in a message. */
static char *
quote_value (const char *value)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (value, -1) <= QUOTE_CHARS)
    return g_strdup (value);

  start = g_utf8_substring (value, 0, QUOTE_CHARS);

  return g_strconcat (start, "…", NULL);
}

/* "A", "B", … "Z", "AA", as a spreadsheet names its columns. */
static char *
column_letters (guint column)
{
  char buf[16];
  int i = sizeof buf - 1;

  buf[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      column--;
      buf[--i] = 'A' + column % 26;
      column /= 26;
    }

  return g_strdup (buf + i);
}

static const char *
strip_prefix (const char         *value,
              const char * const *prefixes,
              gsize               n_prefixes)
{
  for (gsize i = 0; i < n_prefixes; i++)
    {
      gsize len = strlen (prefixes[i]);
      const char *rest;

      if (g_ascii_strncasecmp (value, prefixes[i], len) != 0)
        continue;

      rest = value + len;
      if (prefixes[i][len - 1] != '.' && *rest != ' ' && *rest != '\t')
        continue;

      while (*rest == ' ' || *rest == '\t')
        rest++;
      if (*rest != '\0')
        return rest;
    }

  return NULL;
}

static char *
strip_kecamatan (char *value)
{
  const char *rest;
  char *stripped;

  if (value == NULL)
    return NULL;

  rest = strip_prefix (value, kecamatan_prefixes, G_N_ELEMENTS (kecamatan_prefixes));
  if (rest == NULL)
    return value;

  stripped = g_strdup (rest);
  g_free (value);

  return stripped;
}

static char *
strip_desa (char *value)
{
  const char *rest;
  char *stripped;

  if (value == NULL)
    return NULL;

  rest = strip_prefix (value, desa_prefixes, G_N_ELEMENTS (desa_prefixes));
  if (rest == NULL)
    return value;

  stripped = g_strdup (rest);
  g_free (value);

  return stripped;
}

/* Kecamatan and desa from a free location ("Desa Kauman, Kec.
 * Sukamaju"). */
static void
split_location (const char  *location,
                char       **kecamatan,
                char       **desa)
{
  g_auto(GStrv) parts = g_strsplit_set (location, ",;", -1);
  guint n_parts = 0;
  gboolean any = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = trim_value (parts[i]);
      const char *rest;

      if (part == NULL)
        continue;
      n_parts++;

      if ((rest = strip_prefix (part, kecamatan_prefixes,
                                G_N_ELEMENTS (kecamatan_prefixes))) != NULL)
        {
          any = TRUE;
          if (*kecamatan == NULL)
            *kecamatan = g_strdup (rest);
        }
      else if ((rest = strip_prefix (part, desa_prefixes, G_N_ELEMENTS (desa_prefixes))) != NULL)
        {
          any = TRUE;
          if (*desa == NULL)
            *desa = g_strdup (rest);
        }
    }

  if (!any && n_parts == 1 && *kecamatan == NULL &&
      strpbrk (location, "0123456789") == NULL)
    *kecamatan = trim_value (location);
}

/* }}} */

/* Dates {{{ */

static void
skip_blank (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == ',')
    (*p)++;
}

static int
read_digits (const char **p,
             int         max_digits,
             int        *n_digits)
{
  int value = 0;
  int n = 0;

  while (g_ascii_isdigit (**p))
    {
      if (n == max_digits)
        {
          *n_digits = 0;   /* too many digits: not a field of a date */
          return 0;
        }
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  *n_digits = n;

  return value;
}

static gboolean
read_word (const char **p,
           char        *word,
           gsize        size)
{
  gsize n = 0;

  while (g_ascii_isalpha (**p))
    {
      if (n + 1 >= size)
        return FALSE;
      word[n++] = g_ascii_tolower (**p);
      (*p)++;
    }
  word[n] = '\0';

  return n > 0;
}

static gboolean
read_month_name (const char **p,
                 int         *month)
{
  char word[16];

  if (!read_word (p, word, sizeof word) ||
      !lookup_word (month_words, G_N_ELEMENTS (month_words), word, month))
    return FALSE;

  if (**p == '.')
    (*p)++;

  return TRUE;
}

static gboolean
read_year (const char **p,
           int         *year)
{
  int n;

  *year = read_digits (p, 4, &n);
  if (n == 2)
    *year += 2000;
  else if (n != 4)
    return FALSE;

  return TRUE;
}

/* A spreadsheet's serial date: days since 30 December 1899, with the
 * time of day as the fraction. */
static gboolean
parse_serial (const char *text,
              GTimeZone  *zone,
              gint64     *time)
{
  g_autofree char *copy = g_strdup (text);
  g_autoptr(GDateTime) datetime = NULL;
  char *end = NULL;
  double serial;
  GDate date;
  int seconds;
  gsize i;

  for (i = 0; g_ascii_isdigit (copy[i]); i++)
    ;
  if (i != 5)
    return FALSE;
  if (copy[i] == ',')
    copy[i] = '.';

  serial = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || serial < 20000 || serial >= 80000)
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, (guint) serial);
  seconds = (int) ((serial - (guint) serial) * 86400 + 0.5);
  seconds = MIN (seconds, 86399);

  datetime = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), seconds / 3600, seconds / 60 % 60,
                              seconds % 60);
  if (datetime == NULL)
    return FALSE;

  *time = g_date_time_to_unix (datetime);

  return TRUE;
}

/**
 * sigap_complaint_import_parse_date:
 * @text: a date as written in a file
 * @zone: the zone of a date that names none: the OPD's
 * @time: (out): UTC seconds
 *
 * Reads the date forms listed at the top of sigap-complaint-import.c.
 *
 * Returns: %TRUE if @text is one of them and a real date and time
 */
gboolean
sigap_complaint_import_parse_date (const char *text,
                                   GTimeZone  *zone,
                                   gint64     *time)
{
  g_autofree char *value = NULL;
  g_autoptr(GTimeZone) offset_zone = NULL;
  g_autoptr(GDateTime) datetime = NULL;
  const char *p;
  char word[16];
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int offset = 0;
  gboolean has_offset = FALSE;
  int n;

  g_return_val_if_fail (zone != NULL, FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  value = trim_value (text);
  if (value == NULL)
    return FALSE;

  if (parse_serial (value, zone, time))
    return TRUE;

  p = value;

  /* The date. */
  if (g_ascii_isalpha (*p))
    {
      const char *start = p;

      if (read_month_name (&p, &month))
        {
          /* "July 17, 2025" */
          skip_blank (&p);
          day = read_digits (&p, 2, &n);
          if (n == 0)
            return FALSE;
          skip_blank (&p);
          if (!read_year (&p, &year))
            return FALSE;
          goto read_time;
        }

      p = start;
      if (!read_word (&p, word, sizeof word) ||
          !in_list (weekday_words, G_N_ELEMENTS (weekday_words), word))
        return FALSE;
      /* "Jum'at" */
      if (*p == '\'')
        {
          p++;
          while (g_ascii_isalpha (*p))
            p++;
        }
      skip_blank (&p);
    }

  if (!g_ascii_isdigit (*p))
    return FALSE;

  {
    int first = read_digits (&p, 4, &n);

    if (n == 4 && (*p == '-' || *p == '/' || *p == '.'))
      {
        /* "2025-07-17" */
        char separator = *p++;

        year = first;
        month = read_digits (&p, 2, &n);
        if (n == 0 || *p != separator)
          return FALSE;
        p++;
        day = read_digits (&p, 2, &n);
        if (n == 0)
          return FALSE;
      }
    else if ((n == 1 || n == 2) && (*p == '-' || *p == '/' || *p == '.'))
      {
        /* "17/07/2025", "17-Jul-2025" */
        char separator = *p++;

        day = first;
        if (g_ascii_isdigit (*p))
          {
            month = read_digits (&p, 2, &n);
            if (n == 0)
              return FALSE;
          }
        else if (!read_month_name (&p, &month))
          {
            return FALSE;
          }
        if (*p != separator)
          return FALSE;
        p++;
        if (!read_year (&p, &year))
          return FALSE;
      }
    else if ((n == 1 || n == 2) && *p == ' ')
      {
        /* "17 Juli 2025" */
        day = first;
        skip_blank (&p);
        if (!read_month_name (&p, &month))
          return FALSE;
        skip_blank (&p);
        if (!read_year (&p, &year))
          return FALSE;
      }
    else
      {
        return FALSE;
      }
  }

read_time:
  /* The time. */
  if (*p == 'T' || *p == 't')
    p++;
  else
    skip_blank (&p);

  if (g_ascii_isalpha (*p))
    {
      const char *start = p;

      if (read_word (&p, word, sizeof word) &&
          (strcmp (word, "pukul") == 0 || strcmp (word, "pkl") == 0 ||
           strcmp (word, "jam") == 0 || strcmp (word, "at") == 0))
        {
          if (*p == '.')
            p++;
          skip_blank (&p);
          if (!g_ascii_isdigit (*p))
            return FALSE;
        }
      else
        {
          p = start;
        }
    }

  if (g_ascii_isdigit (*p))
    {
      hour = read_digits (&p, 2, &n);
      if (n == 0 || (*p != ':' && *p != '.'))
        return FALSE;
      p++;
      minute = read_digits (&p, 2, &n);
      if (n != 2)
        return FALSE;
      if ((*p == ':' || *p == '.') && g_ascii_isdigit (p[1]))
        {
          p++;
          second = read_digits (&p, 2, &n);
          if (n != 2)
            return FALSE;
          if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
            {
              p++;
              while (g_ascii_isdigit (*p))
                p++;
            }
        }

      while (*p == ' ')
        p++;
      if (g_ascii_strncasecmp (p, "am", 2) == 0 || g_ascii_strncasecmp (p, "pm", 2) == 0)
        {
          gboolean pm = g_ascii_tolower (*p) == 'p';

          if (g_ascii_isalpha (p[2]) || hour < 1 || hour > 12)
            return FALSE;
          p += 2;
          hour = hour % 12 + (pm ? 12 : 0);
        }
    }

  /* The zone. */
  while (*p == ' ')
    p++;
  if ((*p == 'Z' || *p == 'z') && !g_ascii_isalpha (p[1]))
    {
      has_offset = TRUE;
      p++;
    }
  else if (g_ascii_isalpha (*p))
    {
      if (!read_word (&p, word, sizeof word))
        return FALSE;
      has_offset = TRUE;
      if (strcmp (word, "wib") == 0)
        offset = 7 * 3600;
      else if (strcmp (word, "wita") == 0)
        offset = 8 * 3600;
      else if (strcmp (word, "wit") == 0)
        offset = 9 * 3600;
      else if (strcmp (word, "utc") != 0 && strcmp (word, "gmt") != 0)
        return FALSE;
    }
  if (*p == '+' || *p == '-')
    {
      int sign = *p == '-' ? -1 : 1;
      int offset_hours;
      int offset_minutes = 0;

      p++;
      offset_hours = read_digits (&p, 4, &n);
      if (n == 4)
        {
          offset_minutes = offset_hours % 100;
          offset_hours /= 100;
        }
      else if (n == 1 || n == 2)
        {
          if (*p == ':')
            {
              p++;
              offset_minutes = read_digits (&p, 2, &n);
              if (n != 2)
                return FALSE;
            }
        }
      else
        {
          return FALSE;
        }
      if (offset_hours > 14 || offset_minutes > 59)
        return FALSE;
      has_offset = TRUE;
      offset += sign * (offset_hours * 3600 + offset_minutes * 60);
    }

  while (*p == ' ')
    p++;
  if (*p != '\0')
    return FALSE;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year) ||
      hour > 23 || minute > 59 || second > 59)
    return FALSE;

  if (has_offset)
    offset_zone = g_time_zone_new_offset (offset);

  datetime = g_date_time_new (has_offset ? offset_zone : zone, year, month, day,
                              hour, minute, second);
  if (datetime == NULL)
    return FALSE;

  *time = g_date_time_to_unix (datetime);

  return TRUE;
}

/* }}} */

/**
 * sigap_complaint_import_parse_channel:
 * @text: a channel as written in a file ("IG", "Komentar Facebook")
 * @channel: (out): the channel
 *
 * Returns: %TRUE if @text names exactly one channel
 */
gboolean
sigap_complaint_import_parse_channel (const char   *text,
                                      SigapChannel *channel)
{
  int value;

  g_return_val_if_fail (channel != NULL, FALSE);

  if (!lookup_value (channel_words, G_N_ELEMENTS (channel_words), text, &value))
    return FALSE;

  *channel = value;

  return TRUE;
}

/**
 * sigap_complaint_import_parse_kind:
 * @text: a type as written in a file ("Aspirasi", "Permintaan Informasi")
 * @kind: (out): the kind
 *
 * Returns: %TRUE if @text names exactly one kind
 */
gboolean
sigap_complaint_import_parse_kind (const char         *text,
                                   SigapComplaintKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!lookup_value (kind_words, G_N_ELEMENTS (kind_words), text, &value))
    return FALSE;

  *kind = value;

  return TRUE;
}

/**
 * sigap_import_field_get_label:
 * @field: a field
 *
 * Returns: the field's name for the mapping page, translated
 */
const char *
sigap_import_field_get_label (SigapImportField field)
{
  switch (field)
    {
    case SIGAP_IMPORT_FIELD_BODY:
      return _("Text");
    case SIGAP_IMPORT_FIELD_TITLE:
      return _("Title");
    case SIGAP_IMPORT_FIELD_RECEIVED_AT:
      /* Translators: when a complaint was received */
      return _("Received on");
    case SIGAP_IMPORT_FIELD_CHANNEL:
      return _("Channel");
    case SIGAP_IMPORT_FIELD_KIND:
      /* Translators: aspiration, complaint or request for information */
      return _("Type");
    case SIGAP_IMPORT_FIELD_CATEGORY:
      return _("Category");
    case SIGAP_IMPORT_FIELD_KECAMATAN:
      return _("Kecamatan");
    case SIGAP_IMPORT_FIELD_DESA:
      return _("Desa/kelurahan");
    case SIGAP_IMPORT_FIELD_LOCATION:
      return _("Location");
    case SIGAP_IMPORT_FIELD_CITIZEN_NAME:
      return _("Citizen's name");
    case SIGAP_IMPORT_FIELD_CITIZEN_CONTACT:
      return _("Citizen's phone or e-mail");
    case SIGAP_IMPORT_FIELD_CITIZEN_HANDLE:
      return _("Citizen's account");
    case SIGAP_IMPORT_FIELD_SOURCE_URL:
      return _("Link");
    case SIGAP_IMPORT_FIELD_EXTERNAL_REF:
      return _("Ticket or reference number");
    case SIGAP_IMPORT_FIELD_STATUS:
      return _("Status in the file");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * sigap_import_field_is_required:
 *
 * Returns: %TRUE for the text and the date, which every row must have
 */
gboolean
sigap_import_field_is_required (SigapImportField field)
{
  return field == SIGAP_IMPORT_FIELD_BODY || field == SIGAP_IMPORT_FIELD_RECEIVED_AT;
}

/**
 * sigap_import_mapping_init:
 * @mapping: (out caller-allocates): the mapping to fill
 *
 * A custom mapping with no column, no default channel, and complaints as
 * the default kind.
 */
void
sigap_import_mapping_init (SigapImportMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  mapping->preset = SIGAP_IMPORT_PRESET_CUSTOM;
  for (guint i = 0; i < SIGAP_IMPORT_N_FIELDS; i++)
    mapping->columns[i] = SIGAP_IMPORT_NO_COLUMN;
  mapping->default_channel = SIGAP_IMPORT_NO_CHANNEL;
  mapping->default_kind = SIGAP_COMPLAINT_KIND_COMPLAINT;
}

/* GObject {{{ */

static void
clear_preview (SigapComplaintImport *self)
{
  g_ptr_array_set_size (self->complaints, 0);
  g_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->problems, 0);
  self->n_rows = 0;
  self->n_problem_rows = 0;
  self->previewed = FALSE;
  self->committed = FALSE;
}

static void
sigap_complaint_import_finalize (GObject *object)
{
  SigapComplaintImport *self = (SigapComplaintImport *) object;

  g_clear_pointer (&self->csv, sigap_csv_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->column_names, g_ptr_array_unref);
  g_clear_pointer (&self->complaints, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (sigap_complaint_import_parent_class)->finalize (object);
}

static void
sigap_complaint_import_class_init (SigapComplaintImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_complaint_import_finalize;
}

static void
sigap_complaint_import_init (SigapComplaintImport *self)
{
  self->notices = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notices, NULL);
  self->column_names = g_ptr_array_new_with_free_func (g_free);
  self->complaints = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_array_new (FALSE, TRUE, sizeof (RowInfo));
  g_array_set_clear_func (self->rows, row_info_clear);
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  sigap_import_mapping_init (&self->mapping);
  sigap_sla_settings_init (&self->sla);
}

/* }}} */

static void
add_notice (SigapComplaintImport *self,
            char                 *notice)
{
  /* Keep the array NULL-terminated for get_notices(). */
  g_ptr_array_insert (self->notices, self->notices->len - 1, notice);
}

static gboolean
read_header (SigapComplaintImport  *self,
             GError               **error)
{
  guint n_rows = sigap_csv_get_n_rows (self->csv);
  guint row = 0;
  gboolean any_data = FALSE;

  while (row < n_rows && sigap_csv_row_is_blank (self->csv, row))
    row++;

  if (row == n_rows)
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_IMPORT_ERROR,
                           SIGAP_COMPLAINT_IMPORT_ERROR_NO_ROWS,
                           _("The file is empty: there is nothing to import. Check that you "
                             "chose the right file."));
      return FALSE;
    }

  for (guint i = row + 1; i < n_rows && !any_data; i++)
    any_data = !sigap_csv_row_is_blank (self->csv, i);

  if (!any_data)
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_IMPORT_ERROR,
                           SIGAP_COMPLAINT_IMPORT_ERROR_NO_ROWS,
                           _("The file has no rows below its header: there is nothing to "
                             "import. Check that you chose the right file."));
      return FALSE;
    }

  self->header_row = row;
  self->n_columns = sigap_csv_get_n_fields (self->csv, row);

  for (guint i = 0; i < self->n_columns; i++)
    {
      char *name = trim_value (sigap_csv_get_field (self->csv, row, i));

      if (name == NULL)
        {
          g_autofree char *letters = column_letters (i);

          /* Translators: a column without a header; %s is its letter, as in a spreadsheet */
          name = g_strdup_printf (_("Column %s"), letters);
        }
      g_ptr_array_add (self->column_names, name);
    }

  if (g_str_equal (sigap_csv_get_encoding (self->csv), "WINDOWS-1252"))
    add_notice (self, g_strdup (_("The file is not in UTF-8, so it was read as Windows-1252. "
                                  "Check in the preview that names and other text look "
                                  "right.")));

  return TRUE;
}

/**
 * sigap_complaint_import_new_from_data:
 * @data: (array length=length): the file's bytes
 * @length: their number
 * @file_name: (nullable): the file's name, for the timeline note
 * @error: return location for a #SigapCsvError or
 *   #SigapComplaintImportError
 *
 * Reads a CSV file into an import to map and preview.
 *
 * Returns: (transfer full) (nullable): the import
 */
SigapComplaintImport *
sigap_complaint_import_new_from_data (const char  *data,
                                      gsize        length,
                                      const char  *file_name,
                                      GError     **error)
{
  g_autoptr(SigapComplaintImport) self = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SIGAP_TYPE_COMPLAINT_IMPORT, NULL);
  self->file_name = g_strdup (file_name);
  self->csv = sigap_csv_parse (data, length, 0, 0, 0, error);
  if (self->csv == NULL)
    return NULL;

  if (!read_header (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sigap_complaint_import_new_from_file:
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Like sigap_complaint_import_new_from_data(), refusing a file larger
 * than %SIGAP_CSV_MAX_BYTES before reading it. Blocks: the app calls
 * sigap_complaint_import_new_from_file_async().
 *
 * Returns: (transfer full) (nullable): the import
 */
SigapComplaintImport *
sigap_complaint_import_new_from_file (GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if ((guint64) g_file_info_get_size (info) > SIGAP_CSV_MAX_BYTES)
    {
      g_set_error (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB. Split it into smaller files and import "
                     "them one by one."),
                   (guint) (SIGAP_CSV_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  name = g_strdup (g_file_info_get_display_name (info));

  return sigap_complaint_import_new_from_data (contents, length, name, error);
}

static void
new_from_file_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  SigapComplaintImport *self;

  self = sigap_complaint_import_new_from_file (G_FILE (task_data), cancellable, &error);
  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

/**
 * sigap_complaint_import_new_from_file_async:
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is read
 * @user_data: for @callback
 *
 * Reads @file in a thread.
 */
void
sigap_complaint_import_new_from_file_async (GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_complaint_import_new_from_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, new_from_file_thread);
}

/**
 * sigap_complaint_import_new_from_file_finish:
 *
 * Returns: (transfer full) (nullable): the import
 */
SigapComplaintImport *
sigap_complaint_import_new_from_file_finish (GAsyncResult  *result,
                                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sigap_complaint_import_get_csv:
 *
 * Returns: (transfer none): the file's table
 */
SigapCsv *
sigap_complaint_import_get_csv (SigapComplaintImport *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), NULL);

  return self->csv;
}

/**
 * sigap_complaint_import_get_file_name:
 *
 * Returns: (nullable): the file's name
 */
const char *
sigap_complaint_import_get_file_name (SigapComplaintImport *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), NULL);

  return self->file_name;
}

/**
 * sigap_complaint_import_get_notices:
 *
 * Returns: (array zero-terminated=1) (transfer none): translated
 *   sentences about the whole file that do not keep it out (it was read
 *   as Windows-1252)
 */
const char * const *
sigap_complaint_import_get_notices (SigapComplaintImport *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), NULL);

  return (const char * const *) self->notices->pdata;
}

/**
 * sigap_complaint_import_get_header_row:
 *
 * Returns: the header's row in sigap_complaint_import_get_csv(), from 0
 */
guint
sigap_complaint_import_get_header_row (SigapComplaintImport *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), 0);

  return self->header_row;
}

guint
sigap_complaint_import_get_n_columns (SigapComplaintImport *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), 0);

  return self->n_columns;
}

/**
 * sigap_complaint_import_get_column_name:
 *
 * Returns: the column's header, trimmed, or "Column C" when it has none
 */
const char *
sigap_complaint_import_get_column_name (SigapComplaintImport *self,
                                        guint                 column)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return g_ptr_array_index (self->column_names, column);
}

/* Mapping {{{ */

static char **
folded_headers (SigapComplaintImport *self)
{
  char **folded = g_new0 (char *, self->n_columns + 1);

  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *raw = sigap_csv_get_field (self->csv, self->header_row, i);

      folded[i] = sigap_csv_normalize_header (raw != NULL ? raw : "");
    }

  return folded;
}

static gboolean
never_guess (const char *folded)
{
  if (in_list (never_guessed, G_N_ELEMENTS (never_guessed), folded))
    return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (never_guessed_parts); i++)
    if (strstr (folded, never_guessed_parts[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
match_headers (SigapComplaintImport *self,
               SigapImportMapping   *mapping,
               const HeaderName     *names,
               gsize                 n_names,
               gboolean              loose)
{
  g_auto(GStrv) folded = folded_headers (self);
  g_autofree gboolean *taken = g_new0 (gboolean, self->n_columns + 1);

  /* Exact names, in the table's order: for each field, its first name
   * that some column has. */
  for (gsize i = 0; i < n_names; i++)
    {
      if (mapping->columns[names[i].field] != SIGAP_IMPORT_NO_COLUMN)
        continue;

      for (guint column = 0; column < self->n_columns; column++)
        if (!taken[column] && strcmp (folded[column], names[i].name) == 0)
          {
            mapping->columns[names[i].field] = column;
            taken[column] = TRUE;
            break;
          }
    }

  if (!loose)
    return;

  /* Then each column left, from the left: the longest name it starts
   * with, else the longest (of five letters or more) it contains. */
  for (guint column = 0; column < self->n_columns; column++)
    {
      int best = -1;
      gsize best_length = 0;
      gboolean best_prefix = FALSE;

      if (taken[column] || folded[column][0] == '\0' || never_guess (folded[column]))
        continue;

      for (gsize i = 0; i < n_names; i++)
        {
          gsize length = strlen (names[i].name);
          gboolean prefix;

          if (mapping->columns[names[i].field] != SIGAP_IMPORT_NO_COLUMN)
            continue;

          prefix = length >= 3 && g_str_has_prefix (folded[column], names[i].name);
          if (!prefix && !(length >= 5 && strstr (folded[column], names[i].name) != NULL))
            continue;

          if (best < 0 || (prefix && !best_prefix) ||
              (prefix == best_prefix && length > best_length))
            {
              best = i;
              best_length = length;
              best_prefix = prefix;
            }
        }

      if (best >= 0)
        {
          mapping->columns[names[best].field] = column;
          taken[column] = TRUE;
        }
    }
}

/**
 * sigap_complaint_import_detect_preset:
 *
 * Returns: %SIGAP_IMPORT_PRESET_LAPOR when the header has a ticket column
 *   of SP4N-LAPOR! and "Isi Laporan", %SIGAP_IMPORT_PRESET_CUSTOM
 *   otherwise
 */
SigapImportPreset
sigap_complaint_import_detect_preset (SigapComplaintImport *self)
{
  g_auto(GStrv) folded = NULL;
  gboolean ticket = FALSE;
  gboolean body = FALSE;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), SIGAP_IMPORT_PRESET_CUSTOM);

  folded = folded_headers (self);
  for (guint i = 0; i < self->n_columns; i++)
    {
      ticket |= in_list (lapor_ticket_names, G_N_ELEMENTS (lapor_ticket_names), folded[i]);
      body |= strcmp (folded[i], "isilaporan") == 0;
    }

  return ticket && body ? SIGAP_IMPORT_PRESET_LAPOR : SIGAP_IMPORT_PRESET_CUSTOM;
}

/**
 * sigap_complaint_import_map_lapor:
 * @self: a #SigapComplaintImport
 * @mapping: (out caller-allocates): the mapping
 *
 * The SP4N-LAPOR! preset (see the top of sigap-complaint-import.c): the
 * columns by their exact header names, the channel SP4N-LAPOR! for every
 * row.
 *
 * Returns: %TRUE if the text and the date columns were found
 */
gboolean
sigap_complaint_import_map_lapor (SigapComplaintImport *self,
                                  SigapImportMapping   *mapping)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);

  sigap_import_mapping_init (mapping);
  mapping->preset = SIGAP_IMPORT_PRESET_LAPOR;
  mapping->default_channel = SIGAP_CHANNEL_LAPOR;
  match_headers (self, mapping, lapor_names, G_N_ELEMENTS (lapor_names), FALSE);

  return mapping->columns[SIGAP_IMPORT_FIELD_BODY] != SIGAP_IMPORT_NO_COLUMN &&
         mapping->columns[SIGAP_IMPORT_FIELD_RECEIVED_AT] != SIGAP_IMPORT_NO_COLUMN;
}

/**
 * sigap_complaint_import_guess_mapping:
 * @self: a #SigapComplaintImport
 * @mapping: (out caller-allocates): the mapping
 *
 * Guesses a custom file's mapping from its header names (see the top of
 * sigap-complaint-import.c). It chooses no default channel: without a
 * channel column, the admin chooses one.
 *
 * Returns: %TRUE if the text and the date columns were found
 */
gboolean
sigap_complaint_import_guess_mapping (SigapComplaintImport *self,
                                      SigapImportMapping   *mapping)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);

  sigap_import_mapping_init (mapping);
  match_headers (self, mapping, custom_names, G_N_ELEMENTS (custom_names), TRUE);

  return mapping->columns[SIGAP_IMPORT_FIELD_BODY] != SIGAP_IMPORT_NO_COLUMN &&
         mapping->columns[SIGAP_IMPORT_FIELD_RECEIVED_AT] != SIGAP_IMPORT_NO_COLUMN;
}

/* }}} */

/* Preview {{{ */

static gboolean
check_mapping (SigapComplaintImport      *self,
               const SigapImportMapping  *mapping,
               GError                   **error)
{
  for (guint i = 0; i < SIGAP_IMPORT_N_FIELDS; i++)
    if (mapping->columns[i] < SIGAP_IMPORT_NO_COLUMN ||
        mapping->columns[i] >= (int) self->n_columns)
      {
        g_set_error_literal (error, SIGAP_COMPLAINT_IMPORT_ERROR,
                             SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING,
                             _("The columns chosen do not fit this file. Choose the columns "
                               "again."));
        return FALSE;
      }

  if (mapping->columns[SIGAP_IMPORT_FIELD_BODY] == SIGAP_IMPORT_NO_COLUMN)
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_IMPORT_ERROR,
                           SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING,
                           _("Choose the column that holds the text of the complaints."));
      return FALSE;
    }

  if (mapping->columns[SIGAP_IMPORT_FIELD_RECEIVED_AT] == SIGAP_IMPORT_NO_COLUMN)
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_IMPORT_ERROR,
                           SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING,
                           _("Choose the column that holds the date each complaint was "
                             "received."));
      return FALSE;
    }

  if (mapping->default_channel != SIGAP_IMPORT_NO_CHANNEL &&
      (mapping->default_channel < SIGAP_CHANNEL_FACEBOOK ||
       mapping->default_channel > SIGAP_CHANNEL_WALK_IN))
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_IMPORT_ERROR,
                           SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING,
                           _("The columns chosen do not fit this file. Choose the columns "
                             "again."));
      return FALSE;
    }

  if (mapping->columns[SIGAP_IMPORT_FIELD_CHANNEL] == SIGAP_IMPORT_NO_COLUMN &&
      mapping->default_channel == SIGAP_IMPORT_NO_CHANNEL)
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_IMPORT_ERROR,
                           SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING,
                           _("Choose the column that holds the channel of each complaint, "
                             "or the one channel all complaints in the file came through."));
      return FALSE;
    }

  if ((int) mapping->default_kind < (int) SIGAP_COMPLAINT_KIND_ASPIRATION ||
      (int) mapping->default_kind > (int) SIGAP_COMPLAINT_KIND_INFORMATION)
    {
      g_set_error_literal (error, SIGAP_COMPLAINT_IMPORT_ERROR,
                           SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING,
                           _("The columns chosen do not fit this file. Choose the columns "
                             "again."));
      return FALSE;
    }

  return TRUE;
}

static void
add_problem (SigapComplaintImport   *self,
             guint                   row,
             int                     column,
             SigapImportField        field,
             SigapImportProblemKind  kind,
             char                   *message)
{
  SigapImportProblem *problem = g_new0 (SigapImportProblem, 1);

  problem->row = row;
  problem->column = column;
  problem->column_name = column >= 0 ? g_strdup (g_ptr_array_index (self->column_names, column))
                                     : NULL;
  problem->field = field;
  problem->kind = kind;
  problem->message = message;
  g_ptr_array_add (self->problems, problem);
}

/* Returns the tracking number of a stored complaint like @complaint, or
 * %NULL; FALSE on a database error. */
static gboolean
find_existing (SigapStore      *store,
               SigapComplaint  *complaint,
               char           **tracking_number,
               GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!sigap_store_find_similar_complaint (store, complaint, tracking_number, &local_error))
    {
      g_debug ("Cannot look for complaints like an imported one: %s", local_error->message);
      g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED,
                           _("Sigap cannot compare the file with the complaints it already "
                             "has. Try again; if it keeps failing, restart Sigap."));
      return FALSE;
    }

  return TRUE;
}

static char *
duplicate_key (SigapComplaint *complaint)
{
  return g_strdup_printf ("%d\x1f%" G_GINT64_FORMAT "\x1f%s",
                          (int) sigap_complaint_get_channel (complaint),
                          sigap_complaint_get_received_at (complaint),
                          sigap_complaint_get_body (complaint));
}

typedef struct
{
  const SigapImportMapping *mapping;
  GTimeZone *zone;
  gint64 now;
  GHashTable *refs;   /* reference → row */
  GHashTable *keys;   /* duplicate_key() → row */
  SigapStore *store;  /* nullable: to find complaints it already has */
  guint common_fields;  /* the most frequent number of cells of a row */
} Preview;

static char *
cell (SigapComplaintImport *self,
      const Preview        *preview,
      guint                 row,
      SigapImportField      field)
{
  int column = preview->mapping->columns[field];

  if (column == SIGAP_IMPORT_NO_COLUMN)
    return NULL;

  return trim_value (sigap_csv_get_field (self->csv, row, column));
}

static const char *
column_name (SigapComplaintImport *self,
             const Preview        *preview,
             SigapImportField      field)
{
  return g_ptr_array_index (self->column_names, preview->mapping->columns[field]);
}

/* Reads CSV row @row (spreadsheet row @row + 1) into a complaint, or into
 * problems. */
static gboolean
read_row (SigapComplaintImport  *self,
          Preview               *preview,
          guint                  row,
          GError               **error)
{
  const SigapImportMapping *mapping = preview->mapping;
  g_autoptr(SigapComplaint) complaint = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *channel_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *kecamatan = NULL;
  g_autofree char *desa = NULL;
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *existing = NULL;
  RowInfo info = { row + 1, NULL, NULL, NULL };
  guint n_problems = self->problems->len;
  guint n_fields = sigap_csv_get_n_fields (self->csv, row);
  SigapChannel channel = SIGAP_CHANNEL_WEB_FORM;
  SigapComplaintKind kind = mapping->default_kind;
  gint64 received_at = 0;
  gpointer earlier;

  if (n_fields > self->n_columns)
    {
      /* Trailing empty cells are what spreadsheets write for a column
       * without a header, on every row; on this row alone they are a
       * shift. */
      gboolean extra = n_fields != preview->common_fields;

      for (guint i = self->n_columns; i < n_fields && !extra; i++)
        {
          g_autofree char *value = trim_value (sigap_csv_get_field (self->csv, row, i));

          extra = value != NULL;
        }

      if (extra)
        {
          char separator[2] = { sigap_csv_get_separator (self->csv), '\0' };

          add_problem (self, info.row, SIGAP_IMPORT_NO_COLUMN, SIGAP_IMPORT_FIELD_BODY,
                       SIGAP_IMPORT_PROBLEM_EXTRA_CELLS,
                       g_strdup_printf (_("Row %u has %u cells but the header has %u: a text "
                                          "in it likely holds “%s” without quotation marks, "
                                          "which shifts the columns. Put that text in "
                                          "quotation marks or remove the extra cells."),
                                        info.row, n_fields, self->n_columns,
                                        separator[0] == '\t' ? _("Tab") : separator));
        }
    }

  /* The text, with the title as its first paragraph. */
  body = cell (self, preview, row, SIGAP_IMPORT_FIELD_BODY);
  title = cell (self, preview, row, SIGAP_IMPORT_FIELD_TITLE);
  if (body == NULL)
    {
      add_problem (self, info.row, mapping->columns[SIGAP_IMPORT_FIELD_BODY],
                   SIGAP_IMPORT_FIELD_BODY, SIGAP_IMPORT_PROBLEM_MISSING,
                   g_strdup_printf (_("Row %u: the text of the complaint (column “%s”) is "
                                      "empty. Fill it in or remove the row."),
                                    info.row, column_name (self, preview,
                                                           SIGAP_IMPORT_FIELD_BODY)));
    }
  else
    {
      if (title != NULL && !g_str_has_prefix (body, title))
        {
          char *joined = g_strconcat (title, "\n\n", body, NULL);

          g_free (body);
          body = joined;
        }

      if (g_utf8_strlen (body, -1) > MAX_BODY_CHARS)
        add_problem (self, info.row, mapping->columns[SIGAP_IMPORT_FIELD_BODY],
                     SIGAP_IMPORT_FIELD_BODY, SIGAP_IMPORT_PROBLEM_INVALID,
                     g_strdup_printf (_("Row %u: the text is longer than %u characters. A "
                                        "quotation mark opened in it may close only rows "
                                        "later; check the rows around it."),
                                      info.row, (guint) MAX_BODY_CHARS));
    }

  /* When it was received. */
  date = cell (self, preview, row, SIGAP_IMPORT_FIELD_RECEIVED_AT);
  if (date == NULL)
    {
      add_problem (self, info.row, mapping->columns[SIGAP_IMPORT_FIELD_RECEIVED_AT],
                   SIGAP_IMPORT_FIELD_RECEIVED_AT, SIGAP_IMPORT_PROBLEM_MISSING,
                   g_strdup_printf (_("Row %u: the date (column “%s”) is empty. Fill in when "
                                      "the complaint was received, for example 17/07/2025 "
                                      "09:15."),
                                    info.row, column_name (self, preview,
                                                           SIGAP_IMPORT_FIELD_RECEIVED_AT)));
    }
  else if (!sigap_complaint_import_parse_date (date, preview->zone, &received_at))
    {
      g_autofree char *quoted = quote_value (date);

      add_problem (self, info.row, mapping->columns[SIGAP_IMPORT_FIELD_RECEIVED_AT],
                   SIGAP_IMPORT_FIELD_RECEIVED_AT, SIGAP_IMPORT_PROBLEM_INVALID,
                   g_strdup_printf (_("Row %u: the date “%s” (column “%s”) cannot be read. "
                                      "Write it as day/month/year and time, for example "
                                      "17/07/2025 09:15."),
                                    info.row, quoted,
                                    column_name (self, preview,
                                                 SIGAP_IMPORT_FIELD_RECEIVED_AT)));
    }
  else if (received_at > preview->now + FUTURE_SLACK)
    {
      g_autofree char *quoted = quote_value (date);

      add_problem (self, info.row, mapping->columns[SIGAP_IMPORT_FIELD_RECEIVED_AT],
                   SIGAP_IMPORT_FIELD_RECEIVED_AT, SIGAP_IMPORT_PROBLEM_INVALID,
                   g_strdup_printf (_("Row %u: the date “%s” is in the future. Check the "
                                      "year, and that the day comes before the month."),
                                    info.row, quoted));
    }

  /* The channel. */
  channel_text = cell (self, preview, row, SIGAP_IMPORT_FIELD_CHANNEL);
  if (channel_text == NULL)
    {
      if (mapping->default_channel != SIGAP_IMPORT_NO_CHANNEL)
        channel = mapping->default_channel;
      else
        add_problem (self, info.row, mapping->columns[SIGAP_IMPORT_FIELD_CHANNEL],
                     SIGAP_IMPORT_FIELD_CHANNEL, SIGAP_IMPORT_PROBLEM_MISSING,
                     g_strdup_printf (_("Row %u: the channel (column “%s”) is empty. Fill "
                                        "it in, or choose one channel for the whole file."),
                                      info.row, column_name (self, preview,
                                                             SIGAP_IMPORT_FIELD_CHANNEL)));
    }
  else if (!sigap_complaint_import_parse_channel (channel_text, &channel))
    {
      g_autofree char *quoted = quote_value (channel_text);

      add_problem (self, info.row, mapping->columns[SIGAP_IMPORT_FIELD_CHANNEL],
                   SIGAP_IMPORT_FIELD_CHANNEL, SIGAP_IMPORT_PROBLEM_INVALID,
                   g_strdup_printf (_("Row %u: the channel “%s” (column “%s”) is not one "
                                      "Sigap knows. Write Facebook, Instagram, X, YouTube, "
                                      "TikTok, Web, LAPOR or Langsung."),
                                    info.row, quoted,
                                    column_name (self, preview, SIGAP_IMPORT_FIELD_CHANNEL)));
    }

  /* The kind. */
  kind_text = cell (self, preview, row, SIGAP_IMPORT_FIELD_KIND);
  if (kind_text != NULL && !sigap_complaint_import_parse_kind (kind_text, &kind))
    {
      g_autofree char *quoted = quote_value (kind_text);

      add_problem (self, info.row, mapping->columns[SIGAP_IMPORT_FIELD_KIND],
                   SIGAP_IMPORT_FIELD_KIND, SIGAP_IMPORT_PROBLEM_INVALID,
                   g_strdup_printf (_("Row %u: the type “%s” (column “%s”) is not one Sigap "
                                      "knows. Write aspiration, complaint or request for "
                                      "information."),
                                    info.row, quoted,
                                    column_name (self, preview, SIGAP_IMPORT_FIELD_KIND)));
    }

  if (self->problems->len > n_problems)
    {
      self->n_problem_rows++;
      return TRUE;
    }

  /* The rest is kept as written. */
  info.external_ref = cell (self, preview, row, SIGAP_IMPORT_FIELD_EXTERNAL_REF);
  if (info.external_ref != NULL && info.external_ref[0] == '#' && info.external_ref[1] != '\0')
    memmove (info.external_ref, info.external_ref + 1, strlen (info.external_ref));
  info.status = cell (self, preview, row, SIGAP_IMPORT_FIELD_STATUS);
  info.location = cell (self, preview, row, SIGAP_IMPORT_FIELD_LOCATION);
  kecamatan = strip_kecamatan (cell (self, preview, row, SIGAP_IMPORT_FIELD_KECAMATAN));
  desa = strip_desa (cell (self, preview, row, SIGAP_IMPORT_FIELD_DESA));
  if (info.location != NULL)
    split_location (info.location, &kecamatan, &desa);

  name = cell (self, preview, row, SIGAP_IMPORT_FIELD_CITIZEN_NAME);
  if (name != NULL)
    {
      g_autofree char *folded = sigap_csv_normalize_header (name);

      if (in_list (anonymous_names, G_N_ELEMENTS (anonymous_names), folded))
        g_clear_pointer (&name, g_free);
    }

  complaint = sigap_complaint_new ();
  sigap_complaint_set_body (complaint, body);
  sigap_complaint_set_received_at (complaint, received_at);
  sigap_complaint_set_channel (complaint, channel);
  sigap_complaint_set_kind (complaint, kind);
  sigap_complaint_set_status (complaint, SIGAP_COMPLAINT_STATUS_RECEIVED);
  sigap_complaint_set_kecamatan (complaint, kecamatan);
  sigap_complaint_set_desa (complaint, desa);
  sigap_complaint_set_citizen_name (complaint, name);

  {
    g_autofree char *category = cell (self, preview, row, SIGAP_IMPORT_FIELD_CATEGORY);
    g_autofree char *contact = cell (self, preview, row, SIGAP_IMPORT_FIELD_CITIZEN_CONTACT);
    g_autofree char *handle = cell (self, preview, row, SIGAP_IMPORT_FIELD_CITIZEN_HANDLE);
    g_autofree char *url = cell (self, preview, row, SIGAP_IMPORT_FIELD_SOURCE_URL);

    sigap_complaint_set_category (complaint, category);
    sigap_complaint_set_citizen_contact (complaint, contact);
    sigap_complaint_set_citizen_handle (complaint, handle);
    sigap_complaint_set_source_url (complaint, url);
  }

  /* Duplicates. */
  if (info.external_ref != NULL &&
      g_hash_table_lookup_extended (preview->refs, info.external_ref, NULL, &earlier))
    {
      g_autofree char *quoted = quote_value (info.external_ref);

      add_problem (self, info.row, mapping->columns[SIGAP_IMPORT_FIELD_EXTERNAL_REF],
                   SIGAP_IMPORT_FIELD_EXTERNAL_REF, SIGAP_IMPORT_PROBLEM_DUPLICATE,
                   g_strdup_printf (_("Row %u repeats row %u (the same number “%s”), so it "
                                      "is left out."),
                                    info.row, GPOINTER_TO_UINT (earlier), quoted));
      goto duplicate;
    }

  key = duplicate_key (complaint);
  if (g_hash_table_lookup_extended (preview->keys, key, NULL, &earlier))
    {
      add_problem (self, info.row, SIGAP_IMPORT_NO_COLUMN, SIGAP_IMPORT_FIELD_BODY,
                   SIGAP_IMPORT_PROBLEM_DUPLICATE,
                   g_strdup_printf (_("Row %u repeats row %u (the same text, date and "
                                      "channel), so it is left out."),
                                    info.row, GPOINTER_TO_UINT (earlier)));
      goto duplicate;
    }

  if (preview->store != NULL)
    {
      if (!find_existing (preview->store, complaint, &existing, error))
        {
          row_info_clear (&info);
          return FALSE;
        }
      if (existing != NULL)
        {
          add_problem (self, info.row, SIGAP_IMPORT_NO_COLUMN, SIGAP_IMPORT_FIELD_BODY,
                       SIGAP_IMPORT_PROBLEM_DUPLICATE,
                       g_strdup_printf (_("Row %u is already in Sigap as %s (the same text, "
                                          "date and channel), so it is left out."),
                                        info.row, existing));
          goto duplicate;
        }
    }

  if (info.external_ref != NULL)
    g_hash_table_insert (preview->refs, g_strdup (info.external_ref),
                         GUINT_TO_POINTER (info.row));
  g_hash_table_insert (preview->keys, g_steal_pointer (&key), GUINT_TO_POINTER (info.row));

  g_ptr_array_add (self->complaints, g_steal_pointer (&complaint));
  g_array_append_val (self->rows, info);

  return TRUE;

duplicate:
  self->n_problem_rows++;
  row_info_clear (&info);

  return TRUE;
}

/**
 * sigap_complaint_import_preview:
 * @self: a #SigapComplaintImport
 * @mapping: the columns
 * @zone: the OPD's zone, for dates that name none
 * @store: (nullable): the store, to find complaints already imported
 * @error: return location for a #GError
 *
 * Reads every row below the header, skipping blank ones, into
 * complaints that are not stored yet and problems; see the top of
 * sigap-complaint-import.c for the rules. Writes nothing. Fails only when
 * the mapping lacks a required field (%SIGAP_COMPLAINT_IMPORT_ERROR_MAPPING)
 * or the store cannot be read; a row's problems are no error.
 *
 * Returns: %TRUE if the preview was made
 */
gboolean
sigap_complaint_import_preview (SigapComplaintImport      *self,
                                const SigapImportMapping  *mapping,
                                GTimeZone                 *zone,
                                SigapStore                *store,
                                GError                   **error)
{
  g_autoptr(GHashTable) refs = NULL;
  g_autoptr(GHashTable) keys = NULL;
  Preview preview = { 0 };
  guint n_rows;
  gboolean ok = TRUE;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (zone != NULL, FALSE);
  g_return_val_if_fail (store == NULL || SIGAP_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clear_preview (self);

  if (!check_mapping (self, mapping, error))
    return FALSE;

  self->mapping = *mapping;

  refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  preview.mapping = &self->mapping;
  preview.zone = zone;
  preview.now = g_get_real_time () / G_USEC_PER_SEC;
  preview.refs = refs;
  preview.keys = keys;

  preview.store = store;

  n_rows = sigap_csv_get_n_rows (self->csv);

  {
    g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
    guint best = 0;

    for (guint row = self->header_row + 1; row < n_rows; row++)
      {
        gpointer n_fields = GUINT_TO_POINTER (sigap_csv_get_n_fields (self->csv, row));
        guint count;

        if (sigap_csv_row_is_blank (self->csv, row))
          continue;

        count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, n_fields)) + 1;
        g_hash_table_insert (counts, n_fields, GUINT_TO_POINTER (count));
        if (count > best)
          {
            best = count;
            preview.common_fields = GPOINTER_TO_UINT (n_fields);
          }
      }
  }

  for (guint row = self->header_row + 1; row < n_rows && ok; row++)
    {
      if (sigap_csv_row_is_blank (self->csv, row))
        continue;

      self->n_rows++;
      ok = read_row (self, &preview, row, error);
    }

  if (!ok)
    {
      clear_preview (self);
      return FALSE;
    }

  self->previewed = TRUE;

  return TRUE;
}

/**
 * sigap_complaint_import_get_n_rows:
 *
 * Returns: the rows the preview read: those below the header that are
 *   not blank
 */
guint
sigap_complaint_import_get_n_rows (SigapComplaintImport *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), 0);

  return self->n_rows;
}

/**
 * sigap_complaint_import_get_complaints:
 *
 * Returns: (transfer none) (element-type SigapComplaint): the complaints
 *   the preview read, in the file's order, not stored; change them only
 *   to correct them before the commit
 */
GPtrArray *
sigap_complaint_import_get_complaints (SigapComplaintImport *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), NULL);

  return self->complaints;
}

/**
 * sigap_complaint_import_get_complaint_row:
 * @index: a complaint of sigap_complaint_import_get_complaints()
 *
 * Returns: its row, as a spreadsheet numbers it
 */
guint
sigap_complaint_import_get_complaint_row (SigapComplaintImport *self,
                                          guint                 index)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), 0);
  g_return_val_if_fail (index < self->rows->len, 0);

  return g_array_index (self->rows, RowInfo, index).row;
}

/**
 * sigap_complaint_import_get_problems:
 *
 * Returns: (transfer none) (element-type SigapImportProblem): why rows
 *   are left out, by row
 */
GPtrArray *
sigap_complaint_import_get_problems (SigapComplaintImport *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), NULL);

  return self->problems;
}

/**
 * sigap_complaint_import_get_n_problem_rows:
 *
 * Returns: how many rows are left out (a row may have several problems)
 */
guint
sigap_complaint_import_get_n_problem_rows (SigapComplaintImport *self)
{
  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), 0);

  return self->n_problem_rows;
}

/* }}} */

/* Commit {{{ */

/**
 * sigap_complaint_import_set_sla_settings:
 * @settings: (nullable): the service levels, or %NULL for the defaults
 *
 * The service levels the deadlines of the commit count with.
 */
void
sigap_complaint_import_set_sla_settings (SigapComplaintImport   *self,
                                         const SigapSlaSettings *settings)
{
  g_return_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self));

  if (settings != NULL)
    self->sla = *settings;
  else
    sigap_sla_settings_init (&self->sla);
}

static char *
event_note (SigapComplaintImport *self,
            const RowInfo        *info)
{
  gboolean lapor = self->mapping.preset == SIGAP_IMPORT_PRESET_LAPOR;
  GString *note = g_string_new (NULL);

  if (self->file_name != NULL)
    g_string_append_printf (note,
                            lapor ? _("Imported from row %u of the SP4N-LAPOR! export “%s”.")
                                  : _("Imported from row %u of the file “%s”."),
                            info->row, self->file_name);
  else
    g_string_append_printf (note,
                            lapor ? _("Imported from row %u of an SP4N-LAPOR! export.")
                                  : _("Imported from row %u of a CSV file."),
                            info->row);

  if (info->external_ref != NULL)
    {
      g_string_append_c (note, ' ');
      g_string_append_printf (note,
                              lapor ? _("SP4N-LAPOR! ticket: %s.") : _("Number in the file: %s."),
                              info->external_ref);
    }

  if (info->status != NULL)
    {
      g_string_append_c (note, ' ');
      g_string_append_printf (note, _("Status there: %s."), info->status);
    }

  if (info->location != NULL)
    {
      g_string_append_c (note, ' ');
      g_string_append_printf (note, _("Location: %s."), info->location);
    }

  return g_string_free (note, FALSE);
}

static gboolean
write_complaint (SigapComplaintImport  *self,
                 SigapStore            *store,
                 SigapComplaint        *complaint,
                 const RowInfo         *info,
                 const char            *opd_id,
                 const char            *user_id,
                 SigapWorkingDays      *working_days,
                 GTimeZone             *zone,
                 GError               **error)
{
  g_autoptr(SigapComplaint) copy = sigap_complaint_copy (complaint);
  g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
  g_autofree char *note = NULL;
  SigapComplaintKind kind = sigap_complaint_get_kind (copy);
  gint64 received_at = sigap_complaint_get_received_at (copy);

  sigap_complaint_set_id (copy, NULL);
  sigap_complaint_set_tracking_number (copy, NULL);
  sigap_complaint_set_opd_id (copy, opd_id);
  sigap_complaint_set_status (copy, SIGAP_COMPLAINT_STATUS_RECEIVED);
  sigap_complaint_set_due_at (copy,
                              sigap_sla_deadline (working_days, &self->sla,
                                                  sigap_sla_step_for_status (
                                                    SIGAP_COMPLAINT_STATUS_RECEIVED, kind),
                                                  kind, FALSE, received_at, zone, NULL));

  if (!sigap_store_insert_complaint (store, copy, error))
    return FALSE;

  note = event_note (self, info);
  sigap_complaint_event_set_complaint_id (event, sigap_complaint_get_id (copy));
  sigap_complaint_event_set_action (event, SIGAP_COMPLAINT_IMPORT_EVENT_ACTION);
  sigap_complaint_event_set_actor_id (event, user_id);
  sigap_complaint_event_set_note (event, note);
  sigap_complaint_event_set_from_status (event, SIGAP_COMPLAINT_STATUS_RECEIVED);
  sigap_complaint_event_set_to_status (event, SIGAP_COMPLAINT_STATUS_RECEIVED);
  sigap_complaint_event_set_opd_id (event, opd_id);
  sigap_complaint_event_set_created_at (event, received_at);

  return sigap_store_add_complaint_event (store, event, error);
}

/**
 * sigap_complaint_import_commit:
 * @self: a previewed #SigapComplaintImport
 * @store: the store
 * @opd_id: (nullable): the OPD the complaints go to
 * @user_id: (nullable): who imports, the actor of the timeline events
 * @working_days: (nullable): the working-day calendar, or %NULL for
 *   weekends only
 * @zone: the OPD's zone, for the deadlines
 * @error: return location for a #GError
 *
 * Stores the preview's complaints in one transaction: each with a new
 * tracking number, the status received, the verification deadline
 * counted from when it was received (sigap_sla_deadline()), and a first
 * timeline event (%SIGAP_COMPLAINT_IMPORT_EVENT_ACTION) whose note says
 * where it was imported from. A row that has become a duplicate of a
 * stored complaint since the preview is left out and added to the
 * problems. On any error nothing is written and the import can be
 * committed again.
 *
 * Returns: the number of complaints stored, or -1 on error
 */
int
sigap_complaint_import_commit (SigapComplaintImport  *self,
                               SigapStore            *store,
                               const char            *opd_id,
                               const char            *user_id,
                               SigapWorkingDays      *working_days,
                               GTimeZone             *zone,
                               GError               **error)
{
  g_autoptr(GArray) skipped = NULL;
  g_autoptr(GPtrArray) skipped_numbers = NULL;
  int n_written = 0;

  g_return_val_if_fail (SIGAP_IS_COMPLAINT_IMPORT (self), -1);
  g_return_val_if_fail (self->previewed, -1);
  g_return_val_if_fail (!self->committed, -1);
  g_return_val_if_fail (SIGAP_IS_STORE (store), -1);
  g_return_val_if_fail (zone != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (self->complaints->len == 0)
    {
      self->committed = TRUE;
      return 0;
    }

  if (!sigap_store_begin (store, error))
    return -1;

  skipped = g_array_new (FALSE, FALSE, sizeof (guint));
  skipped_numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->complaints->len; i++)
    {
      SigapComplaint *complaint = g_ptr_array_index (self->complaints, i);
      const RowInfo *info = &g_array_index (self->rows, RowInfo, i);
      char *tracking_number = NULL;

      if (!find_existing (store, complaint, &tracking_number, error))
        goto failed;

      if (tracking_number != NULL)
        {
          g_array_append_val (skipped, i);
          g_ptr_array_add (skipped_numbers, tracking_number);
          continue;
        }

      if (!write_complaint (self, store, complaint, info, opd_id, user_id, working_days, zone,
                            error))
        {
          g_autofree char *prefix =
            g_strdup_printf (_("Nothing was imported: row %u cannot be saved."), info->row);

          g_prefix_error (error, "%s ", prefix);
          goto failed;
        }

      n_written++;
    }

  if (!sigap_store_commit (store, error))
    {
      g_prefix_error (error, "%s ", _("Nothing was imported."));
      return -1;
    }

  /* Only now: a failed commit leaves the preview as it was. */
  for (guint i = skipped->len; i > 0; i--)
    {
      guint index = g_array_index (skipped, guint, i - 1);
      guint row = g_array_index (self->rows, RowInfo, index).row;

      add_problem (self, row, SIGAP_IMPORT_NO_COLUMN, SIGAP_IMPORT_FIELD_BODY,
                   SIGAP_IMPORT_PROBLEM_DUPLICATE,
                   g_strdup_printf (_("Row %u is already in Sigap as %s (the same text, "
                                      "date and channel), so it is left out."),
                                    row, (const char *) g_ptr_array_index (skipped_numbers,
                                                                           i - 1)));
      self->n_problem_rows++;
    }

  self->committed = TRUE;

  return n_written;

failed:
  sigap_store_rollback (store);

  return -1;
}

/* }}} */
