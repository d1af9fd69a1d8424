#!/usr/bin/python3
# check-central-data.py
#
# Copyright 2026 The Sigap authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Checks the shape of data/platforms.json, data/holidays/YYYY.json,
data/sla.json, data/report-template.json and data/post-templates.json.

The same rules as sigap_central_schema_validate() in
src/core/sigap-central-schema.c, with which the server refuses a document
it is sent and the desktop one it downloads that breaks them: no unknown
member, every required one, each of the right type and range.
"""

import argparse
import base64
import binascii
import datetime
import json
import os
import re
import sys

COUNTINGS = {"characters", "x-weighted", "utf8-bytes", "utf16"}
KINDS = {"libur-nasional", "cuti-bersama"}
IDENTIFIER = re.compile(r"^[a-z0-9_-]{1,32}$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")

errors = []


def fail(path, message):
    errors.append(f"{path}: {message}")


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value):
    return (is_int(value) or isinstance(value, float))


def members(obj, path, allowed, required):
    if not isinstance(obj, dict):
        fail(path, "must be an object")
        return False
    ok = True
    for name in obj:
        if name not in allowed:
            fail(f"{path}.{name}", "is not a member this document may have")
            ok = False
    for name in required:
        if name not in obj:
            fail(f"{path}.{name}", "is required")
            ok = False
    return ok


def text(obj, name, path, maximum, required=True):
    value = obj.get(name)
    if value is None and not required and name not in obj:
        return None
    if not isinstance(value, str) or not 1 <= len(value) <= maximum or \
            any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in value):
        fail(f"{path}.{name}", f"must be a string of 1 to {maximum} characters")
        return None
    return value


def integer(obj, name, path, low, high, nullable=False):
    if name not in obj:
        return
    value = obj[name]
    if value is None and nullable:
        return
    if not is_int(value) or not low <= value <= high:
        fail(f"{path}.{name}", f"must be an integer from {low} to {high}")


def number(obj, name, path, zero, high):
    value = obj.get(name)
    if value is None:
        return None
    if not is_number(value) or value < 0 or (not zero and value == 0) or value > high:
        fail(f"{path}.{name}", f"must be a number up to {high}, or null")
        return None
    return value


def month(obj, name, path):
    value = obj.get(name)
    if value is None:
        return
    match = MONTH.match(value) if isinstance(value, str) else None
    if not match or not 1970 <= int(match[1]) <= 2100 or not 1 <= int(match[2]) <= 12:
        fail(f"{path}.{name}", "must be a month written YYYY-MM")


def check_media_kind(kind, path, video):
    allowed = {"formats", "max_bytes", "aspect_ratio_min", "aspect_ratio_max"}
    allowed |= {"min_seconds", "max_seconds"} if video else {"min_width"}
    if not members(kind, path, allowed, {"formats"}):
        return
    formats = kind["formats"]
    if not isinstance(formats, list) or not 1 <= len(formats) <= 16:
        fail(f"{path}.formats", "must be an array of 1 to 16 MIME types")
    else:
        prefix = "video/" if video else "image/"
        for i, media_type in enumerate(formats):
            if not isinstance(media_type, str) or not media_type.startswith(prefix) or \
                    len(media_type) <= len(prefix):
                fail(f"{path}.formats[{i}]", f"must be a MIME type starting {prefix}")
    integer(kind, "max_bytes", path, 1, 1 << 50, nullable=True)
    low = number(kind, "aspect_ratio_min", path, False, 100)
    high = number(kind, "aspect_ratio_max", path, False, 100)
    if low is not None and high is not None and low > high:
        fail(f"{path}.aspect_ratio_min", "must not be above aspect_ratio_max")
    if video:
        low = number(kind, "min_seconds", path, True, 86400)
        high = number(kind, "max_seconds", path, False, 86400)
        if low is not None and high is not None and low > high:
            fail(f"{path}.min_seconds", "must not be above max_seconds")
    else:
        integer(kind, "min_width", path, 1, 100000, nullable=True)


def check_platform(platform, path, ids):
    allowed = {"id", "name", "source", "checked", "text", "hashtags_max", "mentions_max",
               "media", "forbidden_characters", "notes"}
    required = {"id", "name", "source", "checked", "text", "media"}
    if not members(platform, path, allowed, required):
        return
    platform_id = text(platform, "id", path, 32)
    if platform_id is not None:
        if not IDENTIFIER.match(platform_id):
            fail(f"{path}.id", "must hold only lowercase letters, digits, - or _")
        if platform_id in ids:
            fail(f"{path}.id", "names a platform that is listed already")
        ids.add(platform_id)
    text(platform, "name", path, 100)
    source = text(platform, "source", path, 500)
    if source is not None and not source.startswith("https://"):
        fail(f"{path}.source", "must be an https:// address")
    month(platform, "checked", path)
    if platform.get("checked") != "2026-11":
        fail(f"{path}.checked", "the shipped rules were checked in 2026-11")
    integer(platform, "hashtags_max", path, 0, 10000, nullable=True)
    integer(platform, "mentions_max", path, 0, 10000, nullable=True)

    texts = platform["text"]
    if not isinstance(texts, list) or not 1 <= len(texts) <= 10:
        fail(f"{path}.text", "must be an array of 1 to 10 text fields")
        texts = []
    fields = set()
    for i, field in enumerate(texts):
        where = f"{path}.text[{i}]"
        if not members(field, where, {"field", "max", "counting", "url_length", "required"},
                       {"field", "max", "counting"}):
            continue
        name = text(field, "field", where, 32)
        if name is not None and (not IDENTIFIER.match(name) or name in fields):
            fail(f"{where}.field", "must be a new identifier")
        fields.add(name)
        integer(field, "max", where, 1, 1000000)
        if field["counting"] not in COUNTINGS:
            fail(f"{where}.counting", f"must be one of {sorted(COUNTINGS)}")
        integer(field, "url_length", where, 1, 1000)
        if "required" in field and not isinstance(field["required"], bool):
            fail(f"{where}.required", "must be true or false")

    media = platform["media"]
    where = f"{path}.media"
    if members(media, where, {"max_items", "max_videos", "mixed", "image", "video"},
               {"max_items", "image", "video"}):
        integer(media, "max_items", where, 0, 1000)
        integer(media, "max_videos", where, 0, 1000)
        if "mixed" in media and not isinstance(media["mixed"], bool):
            fail(f"{where}.mixed", "must be true or false")
        for name, video in (("image", False), ("video", True)):
            if media[name] is not None:
                check_media_kind(media[name], f"{where}.{name}", video)

    for i, char in enumerate(platform.get("forbidden_characters", [])):
        if not isinstance(char, str) or len(char) != 1:
            fail(f"{path}.forbidden_characters[{i}]", "must be one character")
    for i, note in enumerate(platform.get("notes", [])):
        if not isinstance(note, str) or not 1 <= len(note) <= 1000:
            fail(f"{path}.notes[{i}]", "must be a string of 1 to 1000 characters")


def check_platforms(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if not members(doc, "platforms.json", {"format", "checked", "platforms"},
                   {"format", "platforms"}):
        return
    if doc["format"] != 1 or not is_int(doc["format"]):
        fail("format", "must be 1")
    month(doc, "checked", "platforms.json")
    platforms = doc["platforms"]
    if not isinstance(platforms, list) or not 1 <= len(platforms) <= 50:
        fail("platforms", "must be an array of 1 to 50 platforms")
        return
    ids = set()
    for i, platform in enumerate(platforms):
        check_platform(platform, f"platforms[{i}]", ids)

    # What the composer relies on.
    expected = {"facebook", "instagram", "x", "youtube", "tiktok"}
    if ids != expected:
        fail("platforms", f"must list {sorted(expected)}, lists {sorted(ids)}")
    by_id = {p.get("id"): p for p in platforms if isinstance(p, dict)}
    x_text = by_id.get("x", {}).get("text", [{}])[0]
    if x_text.get("max") != 280 or x_text.get("counting") != "x-weighted" or \
            x_text.get("url_length") != 23:
        fail("platforms[x].text", "X allows 280 weighted characters with 23 per URL")
    if "<" not in by_id.get("youtube", {}).get("forbidden_characters", []):
        fail("platforms[youtube]", "YouTube forbids < and >")


def check_holidays(path):
    name = os.path.basename(path)
    year = int(os.path.splitext(name)[0])
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if not members(doc, name, {"format", "year", "status", "holidays"},
                   {"format", "year", "holidays"}):
        return
    if doc["format"] != 1 or not is_int(doc["format"]):
        fail(f"{name}.format", "must be 1")
    if doc["year"] != year or not is_int(doc["year"]):
        fail(f"{name}.year", f"must be {year}, as the file's name says")
    text(doc, "status", name, 500, required=False)
    holidays = doc["holidays"]
    if not isinstance(holidays, list) or len(holidays) > 100:
        fail(f"{name}.holidays", "must be an array of at most 100 days")
        return
    dates = []
    for i, entry in enumerate(holidays):
        where = f"{name}.holidays[{i}]"
        fields = {"date", "name", "kind", "source"}
        if not members(entry, where, fields, fields):
            continue
        text(entry, "name", where, 200)
        text(entry, "source", where, 500)
        if entry["kind"] not in KINDS:
            fail(f"{where}.kind", f"must be one of {sorted(KINDS)}")
        try:
            date = datetime.date.fromisoformat(entry["date"])
            if len(entry["date"]) != 10 or date.year != year:
                raise ValueError
        except (TypeError, ValueError):
            fail(f"{where}.date", f"must be a date in {year} written YYYY-MM-DD")
            continue
        dates.append(entry["date"])
    if len(set(dates)) != len(dates):
        fail(f"{name}.holidays", "lists a date twice")
    if dates != sorted(dates):
        fail(f"{name}.holidays", "must be in date order")
    for fixed in ("01-01", "05-01", "06-01", "08-17", "12-25"):
        if f"{year}-{fixed}" not in dates:
            fail(f"{name}.holidays", f"misses the national holiday {year}-{fixed}")
    national = sum(1 for e in holidays if isinstance(e, dict) and
                   e.get("kind") == "libur-nasional")
    if national != 17:
        fail(f"{name}.holidays", f"the SKB lists 17 national holidays, the file {national}")


# The limits of sigap_sla_settings_clamp() (src/core/sigap-sla.h).
SLA_MAX_DAYS = 366
SLA_MAX_DUE_SOON_DAYS = 30
SLA_MAX_REPLY_WARNING_HOURS = 24
SLA_STEPS = ("verification_days", "information_days", "complaint_days",
             "resolution_days", "resolution_field_check_days")
# The defaults, which the shipped file must keep: a regency sets
# its own on its server.
SLA_DEFAULTS = {"verification_days": 3, "information_days": 5, "complaint_days": 5,
                "resolution_days": 14, "resolution_field_check_days": 60,
                "due_soon_days": 1, "reply_warning_hours": 4}


def check_sla(path):
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    required = {"format", "due_soon_days", "reply_warning_hours", *SLA_STEPS}
    if not members(doc, name, required | {"source"}, required):
        return
    integer(doc, "format", name, 1, 1)
    text(doc, "source", name, 500, required=False)
    for step in SLA_STEPS:
        integer(doc, step, name, 1, SLA_MAX_DAYS)
    integer(doc, "due_soon_days", name, 0, SLA_MAX_DUE_SOON_DAYS)
    integer(doc, "reply_warning_hours", name, 0, SLA_MAX_REPLY_WARNING_HOURS)
    for member, value in SLA_DEFAULTS.items():
        if doc.get(member) != value:
            fail(f"{name}.{member}", f"must be the default, {value}")


# validate_report_template() in src/core/sigap-central-schema.c.
REPORT_SECTIONS = ("posts", "links", "categories", "complaints", "quiet-accounts",
                   "accounts", "notes", "signature")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def control(value, allowed=""):
    return any((ord(c) < 32 or 0x7f <= ord(c) < 0xa0) and c not in allowed for c in value)


def check_report_template(path):
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    required = {"format", "title", "letterhead", "sections"}
    if not members(doc, name, required, required):
        return
    integer(doc, "format", name, 1, 1)
    text(doc, "title", name, 200)

    head = doc["letterhead"]
    where = f"{name}.letterhead"
    if members(head, where, {"lines", "address", "logo_png"}, {"lines", "address", "logo_png"}):
        lines = head["lines"]
        if not isinstance(lines, list) or not 1 <= len(lines) <= 5:
            fail(f"{where}.lines", "must be an array of 1 to 5 lines")
        else:
            for i, line in enumerate(lines):
                if not isinstance(line, str) or len(line) > 120 or control(line):
                    fail(f"{where}.lines[{i}]", "must be a line of at most 120 characters")
        address = head["address"]
        if not isinstance(address, str) or len(address) > 300 or control(address, "\n"):
            fail(f"{where}.address", "must be a string of at most 300 characters")
        logo = head["logo_png"]
        if logo is not None:
            try:
                data = base64.b64decode(logo, validate=True) if isinstance(logo, str) else b""
            except (binascii.Error, ValueError):
                data = b""
            if len(logo) > 699052 or len(data) <= 8 or not data.startswith(PNG_SIGNATURE):
                fail(f"{where}.logo_png", "must be a PNG image in base64, or null")

    sections = doc["sections"]
    if not isinstance(sections, list) or not sections:
        fail(f"{name}.sections", "must be a non-empty array")
        return
    for i, section in enumerate(sections):
        if section not in REPORT_SECTIONS:
            fail(f"{name}.sections[{i}]", f"must be one of {', '.join(REPORT_SECTIONS)}")
        elif sections.index(section) != i:
            fail(f"{name}.sections[{i}]", "is listed already")
    # The shipped template lists every section, in the report's order: a
    # regency leaves some out on its server.
    if sections != list(REPORT_SECTIONS):
        fail(f"{name}.sections", "must list every section in order")


# validate_post_templates() in src/core/sigap-central-schema.c.
POST_TEMPLATE_KINDS = ("greeting", "announcement")
# SigapContentCategory's nicks, as posts are written in sync.
POST_CATEGORIES = ("public-service", "programme", "achievement", "education", "clarification",
                   "announcement")
PLACEHOLDERS = ("opd", "tanggal", "tahun")
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z0-9_-]{1,32})\}|[{}]")
HASHTAG = re.compile(r"^#\w+$")
OPD_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")
# The national days the shipped file greets, with their dates.
NATIONAL_DAYS = {
    "04-21": "Hari Kartini", "05-02": "Hari Pendidikan Nasional",
    "05-20": "Hari Kebangkitan Nasional", "06-01": "Hari Lahir Pancasila",
    "08-17": "Hari Kemerdekaan", "10-01": "Hari Kesaktian Pancasila",
    "10-28": "Sumpah Pemuda", "11-10": "Hari Pahlawan", "11-12": "Hari Kesehatan Nasional",
    "11-25": "Hari Guru Nasional", "12-09": "Hari Antikorupsi Sedunia",
    "12-19": "Hari Bela Negara", "12-22": "Hari Ibu",
}


def valid_month_day(text):
    try:
        datetime.date.fromisoformat(f"2000-{text}")
    except ValueError:
        return False
    return True


def unique_id(obj, path, seen):
    value = obj.get("id")
    if not isinstance(value, str) or not IDENTIFIER.match(value):
        fail(f"{path}.id", "must be an identifier")
    elif value in seen:
        fail(f"{path}.id", "is used by another element already")
    else:
        seen.add(value)


def check_post_templates(path):
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    required = {"format", "hashtag_sets", "templates"}
    if not members(doc, name, required, required):
        return
    integer(doc, "format", name, 1, 1)

    sets = doc["hashtag_sets"]
    if not isinstance(sets, list) or len(sets) > 200:
        fail(f"{name}.hashtag_sets", "must be an array of at most 200 sets")
        sets = []
    ids = set()
    for i, entry in enumerate(sets):
        where = f"{name}.hashtag_sets[{i}]"
        keys = {"id", "name", "hashtags", "opd"}
        if not members(entry, where, keys, keys):
            continue
        unique_id(entry, where, ids)
        text(entry, "name", where, 100)
        tags = entry["hashtags"]
        if not isinstance(tags, list) or not 1 <= len(tags) <= 30:
            fail(f"{where}.hashtags", "must be an array of 1 to 30 hashtags")
            continue
        folded = set()
        for j, tag in enumerate(tags):
            if not isinstance(tag, str) or len(tag) > 100 or not HASHTAG.match(tag):
                fail(f"{where}.hashtags[{j}]", "must be a hashtag: '#' then letters, digits or _")
            elif tag.casefold() in folded:
                fail(f"{where}.hashtags[{j}]", "is listed already")
            else:
                folded.add(tag.casefold())
        opd = entry["opd"]
        if opd is not None and (not isinstance(opd, str) or not OPD_CODE.match(opd)):
            fail(f"{where}.opd", "must be null or an OPD's code")

    templates = doc["templates"]
    if not isinstance(templates, list) or len(templates) > 500:
        fail(f"{name}.templates", "must be an array of at most 500 templates")
        templates = []
    ids = set()
    dates = {}
    for i, entry in enumerate(templates):
        where = f"{name}.templates[{i}]"
        keys = {"id", "name", "kind", "category", "body", "date"}
        if not members(entry, where, keys, keys):
            continue
        unique_id(entry, where, ids)
        text(entry, "name", where, 100)
        if entry["kind"] not in POST_TEMPLATE_KINDS:
            fail(f"{where}.kind", f"must be one of {', '.join(POST_TEMPLATE_KINDS)}")
        if entry["category"] not in POST_CATEGORIES:
            fail(f"{where}.category", f"must be one of {', '.join(POST_CATEGORIES)}")
        body = entry["body"]
        if not isinstance(body, str) or not body.strip() or len(body) > 5000 or \
                control(body, "\n"):
            fail(f"{where}.body", "must be a text of 1 to 5000 characters")
        else:
            for match in PLACEHOLDER.finditer(body):
                token = match.group(0)
                if token in ("{{", "}}"):
                    continue
                if match.group(1) not in PLACEHOLDERS:
                    fail(f"{where}.body", f"has {token}, not a placeholder")
        date = entry["date"]
        if date is not None:
            if not isinstance(date, str) or not re.match(r"^\d{2}-\d{2}$", date) or \
                    not valid_month_day(date):
                fail(f"{where}.date", "must be a day of the year written MM-DD, or null")
            else:
                dates[date] = entry
    # What the shipped file is for: every national day's greeting, on its
    # day, and service announcements.
    for date, day in NATIONAL_DAYS.items():
        entry = dates.get(date)
        if entry is None or entry["kind"] != "greeting":
            fail(f"{name}.templates", f"must greet {day} on {date}")
    if sum(1 for e in templates if isinstance(e, dict) and e.get("kind") == "announcement") < 6:
        fail(f"{name}.templates", "must hold at least 6 service announcements")
    if not any(isinstance(e, dict) and e.get("opd") is None for e in sets) or \
            not any(isinstance(e, dict) and e.get("opd") is not None for e in sets):
        fail(f"{name}.hashtag_sets", "must hold sets of the regency and of OPDs")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--platforms", required=True)
    parser.add_argument("--holidays", nargs="+", required=True)
    parser.add_argument("--sla", required=True)
    parser.add_argument("--report-template", required=True)
    parser.add_argument("--post-templates", required=True)
    args = parser.parse_args()

    check_platforms(args.platforms)
    check_sla(args.sla)
    check_report_template(args.report_template)
    check_post_templates(args.post_templates)
    for path in args.holidays:
        check_holidays(path)

    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        return 1
    print(f"{args.platforms}, {args.sla}, {args.report_template}, {args.post_templates} and "
          f"{len(args.holidays)} holiday files have the right shape")
    return 0


if __name__ == "__main__":
    sys.exit(main())
