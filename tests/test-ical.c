/* test-ical.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sigap-test-utils.h"

#define PYTHON "/usr/bin/python3"

/* Exits 77 without the module, so the test can tell "missing" from
 * "failed". Prints the calendar's name and each event as JSON. */
static const char parse_script[] =
  "import json, sys\n"
  "try:\n"
  "    import icalendar\n"
  "except ImportError:\n"
  "    sys.exit(77)\n"
  "with open(sys.argv[1], 'rb') as f:\n"
  "    cal = icalendar.Calendar.from_ical(f.read())\n"
  "events = []\n"
  "for ev in cal.walk('VEVENT'):\n"
  "    events.append({\n"
  "        'uid': str(ev.get('UID')),\n"
  "        'summary': str(ev.get('SUMMARY')),\n"
  "        'description': str(ev.get('DESCRIPTION')),\n"
  "        'categories': [str(c) for c in ev.get('CATEGORIES').cats],\n"
  "        'status': str(ev.get('STATUS')),\n"
  "        'start': ev.decoded('DTSTART').isoformat(),\n"
  "        'minutes': int(ev.decoded('DURATION').total_seconds() // 60),\n"
  "        'modified': ev.decoded('LAST-MODIFIED').isoformat()\n"
  "                    if 'LAST-MODIFIED' in ev else None,\n"
  "    })\n"
  "print(json.dumps({\n"
  "    'name': str(cal.get('X-WR-CALNAME')),\n"
  "    'zone': str(cal.get('X-WR-TIMEZONE')),\n"
  "    'version': str(cal.get('VERSION')),\n"
  "    'prodid': str(cal.get('PRODID')),\n"
  "    'events': events,\n"
  "}))\n";

static const char *
category_label (SigapContentCategory category)
{
  switch (category)
    {
    case SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE: return "Informasi layanan publik";
    case SIGAP_CONTENT_CATEGORY_PROGRAMME: return "Program dan kegiatan";
    case SIGAP_CONTENT_CATEGORY_ACHIEVEMENT: return "Prestasi";
    case SIGAP_CONTENT_CATEGORY_EDUCATION: return "Edukasi";
    case SIGAP_CONTENT_CATEGORY_CLARIFICATION: return "Klarifikasi isu; hoaks";
    case SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT: return "Pengumuman, resmi";
    default: g_assert_not_reached ();
    }
}

static const char *
platform_label (SigapPlatform platform)
{
  switch (platform)
    {
    case SIGAP_PLATFORM_FACEBOOK: return "Facebook";
    case SIGAP_PLATFORM_INSTAGRAM: return "Instagram";
    case SIGAP_PLATFORM_X: return "X";
    case SIGAP_PLATFORM_YOUTUBE: return "YouTube";
    case SIGAP_PLATFORM_TIKTOK: return "TikTok";
    default: g_assert_not_reached ();
    }
}

static const char *
status_label (SigapPostStatus status)
{
  switch (status)
    {
    case SIGAP_POST_STATUS_DRAFT: return "draf";
    case SIGAP_POST_STATUS_REVIEW: return "menunggu persetujuan";
    case SIGAP_POST_STATUS_SCHEDULED: return "terjadwal";
    case SIGAP_POST_STATUS_PUBLISHED: return "terbit";
    case SIGAP_POST_STATUS_CANCELLED: return "dibatalkan";
    default: g_assert_not_reached ();
    }
}

static const SigapIcalLabels labels = {
  category_label,
  platform_label,
  status_label,
};

static GTimeZone *wib;

static gint64
wib_time (int year,
          int month,
          int day,
          int hour,
          int minute)
{
  g_autoptr(GDateTime) datetime = g_date_time_new (wib, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (datetime);
}

static SigapPost *
make_post (const char           *id,
           const char           *title,
           const char           *body,
           SigapPostStatus       status,
           SigapContentCategory  category,
           gint64                scheduled_at,
           ...)
{
  SigapPost *post = sigap_post_new ();
  va_list args;
  int platform;

  sigap_post_set_id (post, id);
  sigap_post_set_title (post, title);
  sigap_post_set_body (post, body);
  sigap_post_set_status (post, status);
  sigap_post_set_category (post, category);
  sigap_post_set_scheduled_at (post, scheduled_at);

  va_start (args, scheduled_at);
  while ((platform = va_arg (args, int)) >= 0)
    {
      g_autoptr(SigapPostVariant) variant = sigap_post_variant_new ();

      sigap_post_variant_set_platform (variant, platform);
      sigap_post_set_variant (post, variant);
    }
  va_end (args);

  return post;
}

static SigapOpd *
make_opd (const char *name,
          const char *zone)
{
  SigapOpd *opd = sigap_opd_new ();

  sigap_opd_set_id (opd, "opd-dinkes");
  sigap_opd_set_name (opd, name);
  sigap_opd_set_time_zone (opd, zone);

  return opd;
}

static GDateTime *
export_time (void)
{
  /* 17 July 2025 08:15:30 UTC */
  return g_date_time_new_utc (2025, 7, 17, 8, 15, 30);
}

/* Checks the physical form (CRLF only, lines of at most 75 octets, each
 * valid UTF-8 on its own) and returns the logical lines, unfolded. */
static GPtrArray *
check_and_unfold (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  GString *current = NULL;

  g_assert_true (g_str_has_suffix (text, "\r\n"));

  while (*p != '\0')
    {
      const char *end = strstr (p, "\r\n");
      gsize len;

      g_assert_nonnull (end);
      len = end - p;

      /* No bare CR or LF inside a line. */
      g_assert_null (memchr (p, '\n', len));
      g_assert_null (memchr (p, '\r', len));
      g_assert_cmpuint (len, <=, 75);
      g_assert_true (g_utf8_validate (p, len, NULL));
      g_assert_cmpuint (len, >, 0);

      if (*p == ' ')
        {
          g_assert_nonnull (current);
          g_string_append_len (current, p + 1, len - 1);
        }
      else
        {
          if (current != NULL)
            g_ptr_array_add (lines, g_string_free (current, FALSE));
          current = g_string_new_len (p, len);
        }

      p = end + 2;
    }

  if (current != NULL)
    g_ptr_array_add (lines, g_string_free (current, FALSE));
  g_ptr_array_add (lines, NULL);

  return lines;
}

static guint
count_lines (GPtrArray  *lines,
             const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < lines->len && g_ptr_array_index (lines, i) != NULL; i++)
    {
      if (g_str_has_prefix (g_ptr_array_index (lines, i), prefix))
        n++;
    }

  return n;
}

/* The value of the @nth (from 0) line starting with "@name:". */
static const char *
line_value (GPtrArray  *lines,
            const char *name,
            guint       nth)
{
  g_autofree char *prefix = g_strconcat (name, ":", NULL);

  for (guint i = 0; i < lines->len && g_ptr_array_index (lines, i) != NULL; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (g_str_has_prefix (line, prefix) && nth-- == 0)
        return line + strlen (prefix);
    }

  return NULL;
}

static char *
export (GPtrArray *posts,
        SigapOpd  *opd)
{
  g_autoptr(GDateTime) now = export_time ();

  return sigap_ical_from_posts (posts, opd, &labels, now);
}

static void
test_structure (void)
{
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SigapOpd) opd = make_opd ("Dinas Kesehatan", "Asia/Jakarta");
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *text = NULL;
  static const char * const head[] = {
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Sigap//Sigap//ID",
    "CALSCALE:GREGORIAN",
    "X-WR-CALNAME:Dinas Kesehatan",
    "X-WR-TIMEZONE:Asia/Jakarta",
    "BEGIN:VEVENT",
    "UID:post-1@sigap",
    "DTSTAMP:20250717T081530Z",
    "DTSTART:20250717T020000Z",
    "DURATION:PT30M",
    "SUMMARY:Rapat koordinasi konten",
    "DESCRIPTION:Rapat bulanan.\\n\\nFacebook\\, Instagram · terjadwal",
    "CATEGORIES:Program dan kegiatan",
    "STATUS:CONFIRMED",
    "LAST-MODIFIED:20250710T030000Z",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:post-2@sigap",
  };
  SigapPost *first;

  first = make_post ("post-1", "Rapat koordinasi konten", "Rapat bulanan.",
                     SIGAP_POST_STATUS_SCHEDULED, SIGAP_CONTENT_CATEGORY_PROGRAMME,
                     wib_time (2025, 7, 17, 9, 0),
                     SIGAP_PLATFORM_FACEBOOK, SIGAP_PLATFORM_INSTAGRAM, -1);
  sigap_post_set_updated_at (first, wib_time (2025, 7, 10, 10, 0));
  g_ptr_array_add (posts, first);
  g_ptr_array_add (posts, make_post ("post-2", "Vaksinasi", "", SIGAP_POST_STATUS_DRAFT,
                                     SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE,
                                     wib_time (2025, 7, 18, 0, 0), -1));
  g_ptr_array_add (posts, make_post ("post-3", "Juara lomba", "Selamat!",
                                     SIGAP_POST_STATUS_PUBLISHED,
                                     SIGAP_CONTENT_CATEGORY_ACHIEVEMENT,
                                     wib_time (2025, 7, 1, 6, 59), SIGAP_PLATFORM_X, -1));

  text = export (posts, opd);
  lines = check_and_unfold (text);

  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    g_assert_cmpstr (g_ptr_array_index (lines, i), ==, head[i]);

  /* The last line, and one event per post in the given order. */
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 2), ==, "END:VCALENDAR");
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_assert_cmpuint (count_lines (lines, "BEGIN:VEVENT"), ==, 3);
  g_assert_cmpuint (count_lines (lines, "END:VEVENT"), ==, 3);
  g_assert_cmpuint (count_lines (lines, "BEGIN:VCALENDAR"), ==, 1);
  g_assert_cmpstr (line_value (lines, "UID", 2), ==, "post-3@sigap");

  /* Midnight WIB is 17:00 UTC the day before; 06.59 WIB is 23:59 UTC. */
  g_assert_cmpstr (line_value (lines, "DTSTART", 1), ==, "20250717T170000Z");
  g_assert_cmpstr (line_value (lines, "DTSTART", 2), ==, "20250630T235900Z");

  /* Every event is stamped with the export time. */
  g_assert_cmpuint (count_lines (lines, "DTSTAMP:20250717T081530Z"), ==, 3);
  g_assert_cmpuint (count_lines (lines, "DURATION:PT30M"), ==, 3);

  /* LAST-MODIFIED only where the post has an update time. */
  g_assert_cmpuint (count_lines (lines, "LAST-MODIFIED:"), ==, 1);

  /* No text, no platforms: the status alone. */
  g_assert_cmpstr (line_value (lines, "DESCRIPTION", 1), ==, "draf");
  g_assert_cmpstr (line_value (lines, "DESCRIPTION", 2), ==, "Selamat!\\n\\nX · terbit");
  g_assert_cmpstr (line_value (lines, "CATEGORIES", 1), ==, "Informasi layanan publik");
  g_assert_cmpstr (line_value (lines, "CATEGORIES", 2), ==, "Prestasi");

  /* No bare LF anywhere, and the text is only CRLF-terminated lines. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_assert_true (p > text && p[-1] == '\r');
      if (*p == '\r')
        g_assert_true (p[1] == '\n');
    }
}

static void
test_statuses (void)
{
  static const struct
  {
    SigapPostStatus status;
    const char *ical;
  } statuses[] = {
    { SIGAP_POST_STATUS_DRAFT, "TENTATIVE" },
    { SIGAP_POST_STATUS_REVIEW, "TENTATIVE" },
    { SIGAP_POST_STATUS_SCHEDULED, "CONFIRMED" },
    { SIGAP_POST_STATUS_PUBLISHED, "CONFIRMED" },
    { SIGAP_POST_STATUS_CANCELLED, "CANCELLED" },
  };
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);

      g_ptr_array_add (posts, make_post (id, "Judul", NULL, statuses[i].status,
                                         SIGAP_CONTENT_CATEGORY_EDUCATION,
                                         wib_time (2025, 7, 1 + i, 9, 0), -1));
    }

  text = export (posts, NULL);
  lines = check_and_unfold (text);

  g_assert_cmpuint (count_lines (lines, "BEGIN:VEVENT"), ==, G_N_ELEMENTS (statuses));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_assert_cmpstr (line_value (lines, "STATUS", i), ==, statuses[i].ical);
      g_assert_cmpstr (line_value (lines, "DESCRIPTION", i), ==,
                       status_label (statuses[i].status));
    }

  /* Without an OPD: a name and WIB still. */
  g_assert_cmpstr (line_value (lines, "X-WR-CALNAME", 0), ==, "Sigap");
  g_assert_cmpstr (line_value (lines, "X-WR-TIMEZONE", 0), ==, "Asia/Jakarta");
}

static void
test_zones (void)
{
  static const struct
  {
    const char *opd_zone;
    const char *expected;
  } zones[] = {
    { "Asia/Jakarta", "Asia/Jakarta" },
    { "Asia/Makassar", "Asia/Makassar" },
    { "Asia/Jayapura", "Asia/Jayapura" },
    { "+07:00", "Asia/Jakarta" },
    { "+08:00", "Asia/Makassar" },
    { "+09:00", "Asia/Jayapura" },
    { NULL, "Asia/Jakarta" },
    { "", "Asia/Jakarta" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(GPtrArray) posts = g_ptr_array_new ();
      g_autoptr(SigapOpd) opd = make_opd ("Kecamatan", zones[i].opd_zone);
      g_autoptr(GPtrArray) lines = NULL;
      g_autofree char *text = export (posts, opd);

      lines = check_and_unfold (text);
      g_assert_cmpstr (line_value (lines, "X-WR-TIMEZONE", 0), ==, zones[i].expected);
      g_assert_cmpuint (count_lines (lines, "BEGIN:VEVENT"), ==, 0);
    }
}

static void
test_escaping (void)
{
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SigapOpd) opd = make_opd ("Bagian Protokol; Humas, Setda \\ Kab", "Asia/Jakarta");
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *text = NULL;

  g_ptr_array_add (posts,
                   make_post ("e1", "Klarifikasi: hoaks; bansos, \"gratis\" \\ palsu",
                              "Baris satu,\nbaris dua;\r\nbaris tiga\rempat\ttab\x01!",
                              SIGAP_POST_STATUS_REVIEW, SIGAP_CONTENT_CATEGORY_CLARIFICATION,
                              wib_time (2025, 7, 20, 14, 30),
                              SIGAP_PLATFORM_X, SIGAP_PLATFORM_TIKTOK, -1));
  g_ptr_array_add (posts,
                   make_post ("e2", "Pengumuman", NULL, SIGAP_POST_STATUS_SCHEDULED,
                              SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT,
                              wib_time (2025, 7, 21, 8, 0), -1));

  text = export (posts, opd);
  lines = check_and_unfold (text);

  g_assert_cmpstr (line_value (lines, "X-WR-CALNAME", 0), ==,
                   "Bagian Protokol\\; Humas\\, Setda \\\\ Kab");
  g_assert_cmpstr (line_value (lines, "SUMMARY", 0), ==,
                   "Klarifikasi: hoaks\\; bansos\\, \"gratis\" \\\\ palsu");
  g_assert_cmpstr (line_value (lines, "DESCRIPTION", 0), ==,
                   "Baris satu\\,\\nbaris dua\\;\\nbaris tiga\\nempat\ttab!"
                   "\\n\\nX\\, TikTok · menunggu persetujuan");
  /* A comma inside one category is escaped, so it stays one category. */
  g_assert_cmpstr (line_value (lines, "CATEGORIES", 0), ==, "Klarifikasi isu\\; hoaks");
  g_assert_cmpstr (line_value (lines, "CATEGORIES", 1), ==, "Pengumuman\\, resmi");
}

static void
test_no_labels (void)
{
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GDateTime) now = export_time ();
  g_autofree char *text = NULL;
  SigapIcalLabels partial = { NULL, platform_label, NULL };

  g_ptr_array_add (posts, make_post ("n1", "Judul", "Isi", SIGAP_POST_STATUS_CANCELLED,
                                     SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE, 0,
                                     SIGAP_PLATFORM_YOUTUBE, -1));

  /* The enum nicks stand in for missing words. */
  text = sigap_ical_from_posts (posts, NULL, NULL, now);
  lines = check_and_unfold (text);
  g_assert_cmpstr (line_value (lines, "DESCRIPTION", 0), ==, "Isi\\n\\nyoutube · cancelled");
  g_assert_cmpstr (line_value (lines, "CATEGORIES", 0), ==, "public-service");
  g_assert_cmpstr (line_value (lines, "DTSTART", 0), ==, "19700101T000000Z");
  g_clear_pointer (&lines, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);

  text = sigap_ical_from_posts (posts, NULL, &partial, now);
  lines = check_and_unfold (text);
  g_assert_cmpstr (line_value (lines, "DESCRIPTION", 0), ==, "Isi\\n\\nYouTube · cancelled");
}

static void
test_summary_fallback (void)
{
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *text = NULL;
  g_autofree char *long_body = NULL;
  g_autofree char *expected = NULL;
  GString *words = g_string_new (NULL);

  /* 70 characters on the first line, 2 octets each: cut at 59 and "…". */
  for (guint i = 0; i < 70; i++)
    g_string_append (words, "é");
  long_body = g_strconcat (words->str, "\nbaris kedua", NULL);
  g_string_truncate (words, 59 * 2);
  expected = g_strconcat (words->str, "…", NULL);
  g_string_free (words, TRUE);

  g_ptr_array_add (posts, make_post ("s1", NULL, "  Posyandu buka Sabtu ini.\nDetail.",
                                     SIGAP_POST_STATUS_DRAFT,
                                     SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE, 0, -1));
  g_ptr_array_add (posts, make_post ("s2", "", long_body, SIGAP_POST_STATUS_DRAFT,
                                     SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE, 0, -1));
  g_ptr_array_add (posts, make_post (NULL, NULL, NULL, SIGAP_POST_STATUS_DRAFT,
                                     SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE, 0, -1));

  text = export (posts, NULL);
  lines = check_and_unfold (text);
  g_assert_cmpstr (line_value (lines, "SUMMARY", 0), ==, "Posyandu buka Sabtu ini.");
  g_assert_cmpstr (line_value (lines, "SUMMARY", 1), ==, expected);
  g_assert_cmpstr (line_value (lines, "SUMMARY", 2), ==, "");

  /* A post not saved yet still gets a UID, the same on every export. */
  {
    const char *uid = line_value (lines, "UID", 2);
    g_autoptr(GPtrArray) again_lines = NULL;
    g_autofree char *again = export (posts, NULL);

    g_assert_nonnull (uid);
    g_assert_true (g_str_has_suffix (uid, "@sigap"));
    g_assert_cmpuint (strlen (uid), >, strlen ("@sigap"));
    again_lines = check_and_unfold (again);
    g_assert_cmpstr (line_value (again_lines, "UID", 2), ==, uid);
  }
}

/* The physical lines of the SUMMARY of a post titled @title. */
static char *
summary_lines (const char *title)
{
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  const char *start;
  const char *end;

  g_ptr_array_add (posts, make_post ("f", title, NULL, SIGAP_POST_STATUS_DRAFT,
                                     SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE, 0, -1));
  text = export (posts, NULL);
  lines = check_and_unfold (text);

  /* Unfolding gives the title back. */
  g_assert_cmpstr (line_value (lines, "SUMMARY", 0), ==, title);

  start = strstr (text, "\r\nSUMMARY:");
  g_assert_nonnull (start);
  start += 2;
  end = strstr (start, "\r\nDESCRIPTION:");
  g_assert_nonnull (end);

  return g_strndup (start, end + 2 - start);
}

static char *
repeat (const char *unit,
        guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, unit);

  return g_string_free (out, FALSE);
}

static void
test_folding (void)
{
  g_autofree char *a64 = repeat ("a", 64);
  g_autofree char *a65 = repeat ("a", 65);
  g_autofree char *a66 = repeat ("a", 66);
  g_autofree char *a67 = repeat ("a", 67);
  g_autofree char *e33 = repeat ("é", 33);
  g_autofree char *e37 = repeat ("é", 37);
  g_autofree char *e5 = repeat ("é", 5);
  struct
  {
    char *title;
    char *expected;
  } cases[] = {
    /* "SUMMARY:" is 8 octets: 67 more make exactly 75, not folded. */
    { g_strdup (a67),
      g_strdup_printf ("SUMMARY:%s\r\n", a67) },
    /* 76 octets: the 76th goes on a continuation line. */
    { g_strconcat (a67, "b", NULL),
      g_strdup_printf ("SUMMARY:%s\r\n b\r\n", a67) },
    /* Exactly 75 with a 2-octet character at the end. */
    { g_strconcat (a65, "é", NULL),
      g_strdup_printf ("SUMMARY:%sé\r\n", a65) },
    /* "é" on octets 75-76: the fold comes before it, at 74. */
    { g_strconcat (a66, "é", NULL),
      g_strdup_printf ("SUMMARY:%s\r\n é\r\n", a66) },
    /* A 3-octet character ending exactly at 75. */
    { g_strconcat (a64, "€b", NULL),
      g_strdup_printf ("SUMMARY:%s€\r\n b\r\n", a64) },
    /* A 3-octet character on octets 74-76, folded before it. */
    { g_strconcat (a65, "€", NULL),
      g_strdup_printf ("SUMMARY:%s\r\n €\r\n", a65) },
    /* A 4-octet character on octets 73-76. */
    { g_strconcat (a64, "😀", NULL),
      g_strdup_printf ("SUMMARY:%s\r\n 😀\r\n", a64) },
    /* Only 2-octet characters: 33 on the first line (74 octets) and 37
     * (74 octets and the space) on each continuation. */
    { repeat ("é", 33 + 37 + 5),
      g_strdup_printf ("SUMMARY:%s\r\n %s\r\n %s\r\n", e33, e37, e5) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = summary_lines (cases[i].title);

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
      g_free (cases[i].title);
      g_free (cases[i].expected);
    }
}

static void
test_folding_long (void)
{
  /* Mixed widths and escapes over many lines: every physical line is at
   * most 75 octets and valid UTF-8 (check_and_unfold), and the unfolded
   * value is the escaped text. */
  static const char * const units[] = { "a", "é", "€", "😀", ";", "\n", ",", "\\", "ꦗ" };
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *text = NULL;
  GString *body = g_string_new (NULL);
  GString *escaped = g_string_new (NULL);
  g_autofree char *body_text = NULL;
  g_autofree char *expected = NULL;
  guint folds = 0;

  for (guint i = 0; i < 2000; i++)
    {
      const char *unit = units[(i * 7 + i / 3) % G_N_ELEMENTS (units)];

      g_string_append (body, unit);
      if (g_str_equal (unit, "\n"))
        g_string_append (escaped, "\\n");
      else if (g_str_equal (unit, ";") || g_str_equal (unit, ",") || g_str_equal (unit, "\\"))
        g_string_append_printf (escaped, "\\%s", unit);
      else
        g_string_append (escaped, unit);
    }
  body_text = g_string_free (body, FALSE);
  expected = g_strconcat (escaped->str, "\\n\\nmenunggu persetujuan", NULL);
  g_string_free (escaped, TRUE);

  g_ptr_array_add (posts, make_post ("long", "Panjang", body_text, SIGAP_POST_STATUS_REVIEW,
                                     SIGAP_CONTENT_CATEGORY_EDUCATION, 0, -1));
  text = export (posts, NULL);
  lines = check_and_unfold (text);
  g_assert_cmpstr (line_value (lines, "DESCRIPTION", 0), ==, expected);

  for (const char *p = text; (p = strstr (p, "\r\n ")) != NULL; p += 3)
    folds++;
  g_assert_cmpuint (folds, >, 50);
}

static JsonObject *
parse_with_python (const char *path,
                   JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { PYTHON, "-c", parse_script, path, NULL };

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);

  if (!g_spawn_check_wait_status (status, &error))
    {
      if (g_error_matches (error, G_SPAWN_EXIT_ERROR, 77))
        return NULL;
      g_error ("python3-icalendar failed to parse the file: %s\n%s", error->message, err);
    }

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_write_and_parse (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "jadwal.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SigapOpd) opd = make_opd ("Dinas Komunikasi, Informatika; dan Persandian",
                                      "Asia/Makassar");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  g_autofree char *long_title = repeat ("Sosialisasi ŋ€😀 ", 12);
  JsonObject *root;
  JsonArray *events;
  SigapPost *post;
  gboolean ok;
  static const char * const statuses[] = {
    "CONFIRMED", "TENTATIVE", "CANCELLED", "TENTATIVE", "CONFIRMED",
  };

  post = make_post ("w1", "Rapat; koordinasi, konten \\ baru", "Isi\nbaris dua",
                    SIGAP_POST_STATUS_SCHEDULED, SIGAP_CONTENT_CATEGORY_PROGRAMME,
                    wib_time (2025, 7, 17, 9, 0),
                    SIGAP_PLATFORM_FACEBOOK, SIGAP_PLATFORM_INSTAGRAM, -1);
  sigap_post_set_updated_at (post, wib_time (2025, 7, 10, 10, 0));
  g_ptr_array_add (posts, post);
  g_ptr_array_add (posts, make_post ("w2", long_title, long_title, SIGAP_POST_STATUS_DRAFT,
                                     SIGAP_CONTENT_CATEGORY_EDUCATION,
                                     wib_time (2025, 12, 31, 23, 30), SIGAP_PLATFORM_X, -1));
  g_ptr_array_add (posts, make_post ("w3", "Batal", NULL, SIGAP_POST_STATUS_CANCELLED,
                                     SIGAP_CONTENT_CATEGORY_ACHIEVEMENT,
                                     wib_time (2026, 1, 1, 7, 0), -1));
  g_ptr_array_add (posts, make_post ("w4", "Tinjau", "", SIGAP_POST_STATUS_REVIEW,
                                     SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE,
                                     wib_time (2026, 2, 28, 12, 0), -1));
  g_ptr_array_add (posts, make_post ("w5", "Terbit", "", SIGAP_POST_STATUS_PUBLISHED,
                                     SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE,
                                     wib_time (2024, 2, 29, 12, 0), SIGAP_PLATFORM_TIKTOK, -1));

  /* Replaces what was there. */
  g_file_set_contents (path, "old contents", -1, &error);
  g_assert_no_error (error);

  ok = sigap_ical_write_posts (file, posts, opd, &labels, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (contents, "END:VCALENDAR\r\n"));
  g_assert_null (strstr (contents, "old contents"));
  g_ptr_array_unref (check_and_unfold (contents));

  root = parse_with_python (path, parser);
  if (root == NULL)
    {
      sigap_test_rm_rf (dir);
      g_test_skip ("python3-icalendar is not installed");
      return;
    }

  g_assert_cmpstr (json_object_get_string_member (root, "name"), ==,
                   "Dinas Komunikasi, Informatika; dan Persandian");
  g_assert_cmpstr (json_object_get_string_member (root, "zone"), ==, "Asia/Makassar");
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "2.0");
  g_assert_cmpstr (json_object_get_string_member (root, "prodid"), ==, "-//Sigap//Sigap//ID");

  events = json_object_get_array_member (root, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, posts->len);

  for (guint i = 0; i < posts->len; i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      SigapPost *p = g_ptr_array_index (posts, i);
      g_autofree char *uid = g_strconcat (sigap_post_get_id (p), "@sigap", NULL);
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (sigap_post_get_scheduled_at (p));
      g_autofree char *iso = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S+00:00");

      g_assert_cmpstr (json_object_get_string_member (event, "uid"), ==, uid);
      g_assert_cmpstr (json_object_get_string_member (event, "summary"), ==,
                       sigap_post_get_title (p));
      g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, statuses[i]);
      g_assert_cmpstr (json_object_get_string_member (event, "start"), ==, iso);
      g_assert_cmpint (json_object_get_int_member (event, "minutes"), ==, 30);
      g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (event,
                                                                                    "categories"),
                                                      0),
                       ==, category_label (sigap_post_get_category (p)));
    }

  {
    JsonObject *first = json_array_get_object_element (events, 0);
    JsonObject *second = json_array_get_object_element (events, 1);
    g_autofree char *second_description = g_strconcat (long_title, "\n\nX · draf", NULL);

    g_assert_cmpstr (json_object_get_string_member (first, "description"), ==,
                     "Isi\nbaris dua\n\nFacebook, Instagram · terjadwal");
    g_assert_cmpstr (json_object_get_string_member (first, "start"), ==,
                     "2025-07-17T02:00:00+00:00");
    g_assert_cmpstr (json_object_get_string_member (first, "modified"), ==,
                     "2025-07-10T03:00:00+00:00");
    g_assert_cmpstr (json_object_get_string_member (second, "description"), ==,
                     second_description);
    g_assert_true (json_object_get_null_member (second, "modified"));
  }

  sigap_test_rm_rf (dir);
}

static void
test_write_errors (void)
{
  g_autofree char *dir = sigap_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "jadwal.ics", NULL);
  g_autofree char *path = g_build_filename (dir, "jadwal.ics", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) posts = g_ptr_array_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_false (sigap_ical_write_posts (missing_file, posts, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Cancelled: the old file stays as it was. */
  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (sigap_ical_write_posts (file, posts, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "old");

  sigap_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  wib = g_time_zone_new_identifier ("+07:00");
  g_assert_nonnull (wib);

  g_test_add_func ("/ical/structure", test_structure);
  g_test_add_func ("/ical/statuses", test_statuses);
  g_test_add_func ("/ical/zones", test_zones);
  g_test_add_func ("/ical/escaping", test_escaping);
  g_test_add_func ("/ical/no-labels", test_no_labels);
  g_test_add_func ("/ical/summary-fallback", test_summary_fallback);
  g_test_add_func ("/ical/folding", test_folding);
  g_test_add_func ("/ical/folding-long", test_folding_long);
  g_test_add_func ("/ical/write-and-parse", test_write_and_parse);
  g_test_add_func ("/ical/write-errors", test_write_errors);

  ret = g_test_run ();

  g_time_zone_unref (wib);

  return ret;
}
