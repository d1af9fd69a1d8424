#!/usr/bin/python3
# tests/ui/test_calendar.py — plan a post in the month and week views.
#
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# As the admin of Dinas Kesehatan with the demo regency: the month view
# (Alt+M) is titled in Indonesian with the agency's zone; a published post
# refuses to move; next month, a day chosen with the mouse and Enter opens
# the New Post window on that day at 09.00 (a double click on another day
# too), the post saved shows on its day; Alt+Shift+Right moves it a day,
# a drag with the mouse moves it again, the toast's Undo takes the drag
# back. After a restart the month view is still chosen, on the same month,
# with the post where it was left; the week view shows it at its hour;
# the month exported as iCalendar holds it at its new time.

import datetime
import os
import secrets
import sqlite3
import subprocess
import time
import zoneinfo

import icalendar
import pyatspi

import sigaptest
from sigaptest import (App, Workspace, click, click_with_mouse, drag, dump, find, key,
                       mouse_click, ok, screenshot, showing, wait_for, walk)


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "10", text], check=True)

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
          "Agustus", "September", "Oktober", "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
ZONES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}

COMPOSER_TITLE = "Postingan Baru"
EXPORT_TITLE = "Ekspor Jadwal"
CHOOSER_TITLE = "Simpan Jadwal"
# What a post made on a day of the month has: 09.00, no platform yet, a draft.
NEW_POST_HOUR = 9
NO_PLATFORM = "Belum ada platform"
DRAFT = "draf"


def day_label(day):
    """A day as the month view's cell and the New Post window name it:
    "Selasa, 8 Desember 2026"."""
    return f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def when_label(at):
    """A day and time as a post's accessible label and the week view's hour
    say it: "Selasa 8 Desember 2026 09.00"."""
    return (f"{DAYS[at.weekday()]} {at.day} {MONTHS[at.month - 1]} {at.year} "
            f"{at.hour:02d}.{at.minute:02d}")


def short_when(at):
    """When a post now goes out, as the toasts of a move say it: "Kamis 10
    Desember 09.00"."""
    return f"{DAYS[at.weekday()]} {at.day} {MONTHS[at.month - 1]} {at.hour:02d}.{at.minute:02d}"


def week_title(monday):
    """The week view's title: "7–13 Desember 2026", "28 Desember 2026 – 3
    Januari 2027" or "30 November – 6 Desember 2026"."""
    sunday = monday + datetime.timedelta(days=6)
    end = f"{sunday.day} {MONTHS[sunday.month - 1]} {sunday.year}"
    if monday.year != sunday.year:
        return f"{monday.day} {MONTHS[monday.month - 1]} {monday.year} – {end}"
    if monday.month != sunday.month:
        return f"{monday.day} {MONTHS[monday.month - 1]} – {end}"
    return f"{monday.day}–{end}"


def agency(db, username):
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT opd.id, opd.time_zone FROM app_user "
            "JOIN opd ON opd.id = app_user.opd_id WHERE app_user.username = ?",
            (username,)).fetchone()
    finally:
        con.close()


PLATFORMS = {"facebook": "Facebook", "instagram": "Instagram", "x": "X",
             "youtube": "YouTube", "tiktok": "TikTok"}


def account_platforms(db, opd_id):
    """The platforms of the agency's accounts, in Sigap's order: where the
    composer sends a new post."""
    con = sqlite3.connect(db)
    try:
        have = {p for (p,) in con.execute("SELECT platform FROM account WHERE opd_id = ?",
                                          (opd_id,))}
    finally:
        con.close()
    return [name for key, name in PLATFORMS.items() if key in have]


def posts_per_day(db, opd_id, tz, first, days):
    """How many of the agency's posts each of @days days from @first has."""
    start = datetime.datetime.combine(first, datetime.time(), tz)
    end = start + datetime.timedelta(days=days)
    counts = {}
    con = sqlite3.connect(db)
    try:
        for (at,) in con.execute("SELECT scheduled_at FROM post WHERE opd_id = ? AND "
                                 "scheduled_at >= ? AND scheduled_at < ?",
                                 (opd_id, int(start.timestamp()), int(end.timestamp()))):
            day = datetime.datetime.fromtimestamp(at, tz).date()
            counts[day] = counts.get(day, 0) + 1
    finally:
        con.close()
    return counts


def stored_time(db, title, tz):
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT scheduled_at FROM post WHERE title = ?", (title,)).fetchall()
    finally:
        con.close()
    return [datetime.datetime.fromtimestamp(at, tz) for (at,) in rows]


def top_level(app, name):
    return wait_for(lambda: next((w for w in app.root if w.name == name), None),
                    f"the window '{name}'")


def gone(app, name):
    wait_for(lambda: all(w.name != name for w in app.root), f"the window '{name}' to close")


def pressed(button):
    return button.getState().contains(pyatspi.STATE_PRESSED)


def view_button(win, name):
    return find(win, f"the view button '{name}'", name=name, role="push button")


def grid(win, name):
    """The month's or the week's grid of days or hours, as shown now."""
    return find(win, f"the grid '{name}'", name=name, role="panel")


def cells(grid_node):
    return [c for c in grid_node if c is not None and c.getRoleName() == "table cell"]


def cell_named(grid_node, prefix):
    """The cell whose name starts with @prefix (a gap day's name goes on:
    ", belum ada postingan terjadwal")."""
    return next((c for c in cells(grid_node) if (c.name or "").startswith(prefix)), None)


def extents(node):
    return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)


def inside(node, box):
    a, b = extents(node), extents(box)
    return (a.width > 0 and a.height > 0 and a.x >= b.x and a.y >= b.y and
            a.x + a.width <= b.x + b.width and a.y + a.height <= b.y + b.height)


def cell_of(node):
    while node is not None and node.getRoleName() != "table cell":
        node = node.parent
    return node


def chips(root, title="", status=None):
    """The posts shown in @root whose label has @title (and ends with
    @status): a view may keep hidden chips around, which show nothing."""
    return [n for n in walk(root)
            if n.getRoleName() == "list item" and title in (n.name or "")
            and (status is None or n.name.endswith(", " + status)) and showing(n)]


def chip_on(win, grid_name, title, prefix):
    """The post titled @title, when the grid shows it once and in the cell
    named @prefix; %None otherwise."""
    found = chips(grid(win, grid_name), title)
    if len(found) != 1:
        return None
    cell = cell_of(found[0])
    if cell is None or not cell.name.startswith(prefix):
        return None
    # Laid out, inside its cell: where a pointer finds it.
    return found[0] if inside(found[0], cell) else None


def wait_chip_on(win, grid_name, title, prefix, what):
    return wait_for(lambda: chip_on(win, grid_name, title, prefix), what)


def field_text(node):
    """A field's text; GTK 4.8 answers getText (0, -1) with nothing."""
    text = node.queryText()
    return text.getText(0, text.characterCount)


def spin_value(node):
    return int(node.queryValue().currentValue)


def published_refuses_to_move(win):
    """A published post of the month shown (or the month before, early in
    a month) keeps its day on Alt+Shift+Right, and a toast says why."""
    month = grid(win, "Bulan")
    published = chips(month, status="terbit")
    back = 0
    if not published:
        back = 1
        key("alt+Left")
        published = wait_for(lambda: chips(grid(win, "Bulan"), status="terbit"),
                             "a published post last month")
    chip = published[0]
    label, day = chip.name, cell_of(chip).name
    mouse_click(chip)
    wait_for(lambda: chip.getState().contains(pyatspi.STATE_FOCUSED), "the published post focused")
    key("alt+shift+Right")
    toast = find(win, "the refusal", contains="tidak dapat dipindahkan", role="label")
    ok(toast.name == "Postingan yang sudah terbit tidak dapat dipindahkan",
       f"moving a published post is refused: {toast.name!r}")
    still = [c for c in chips(grid(win, "Bulan"), status="terbit") if c.name == label]
    ok(len(still) == 1 and cell_of(still[0]).name == day,
       f"and it stays on {day}: {label!r}")
    return back


def pick_days(db, opd_id, tz, month_start):
    """Three days of next month between its 3rd and its 28th: A to write
    the post on, B = A + 1 for the keyboard move, C = B + 8 (another row,
    another column) for the drag. Each shows its posts without "+N lagi"
    once ours is there: two posts at most before."""
    counts = posts_per_day(db, opd_id, tz, month_start, 31)
    best = None
    for d in range(3, 20):
        a = month_start + datetime.timedelta(days=d - 1)
        days = (a, a + datetime.timedelta(days=1), a + datetime.timedelta(days=9))
        busiest = max(counts.get(day, 0) for day in days)
        if best is None or busiest < best[0]:
            best = (busiest, days)
    ok(best[0] <= 2, f"three days of next month with room for a post: {best[1]}")
    return best[1]


def calendar_scenario(ws):
    ws.seed_demo(complaints=30, posts=400)
    opd_id, zone_name = agency(ws.db, "dinkes")
    tz = zoneinfo.ZoneInfo(zone_name or "Asia/Jakarta")
    now = datetime.datetime.now(tz)
    this_month = now.date().replace(day=1)
    next_month = (this_month + datetime.timedelta(days=32)).replace(day=1)
    day_a, day_b, day_c = pick_days(ws.db, opd_id, tz, next_month)
    title = f"Rapat koordinasi jadwal {secrets.token_hex(3)}"
    at_b = datetime.datetime.combine(day_b, datetime.time(NEW_POST_HOUR), tz)
    export_path = os.path.join(ws.root, "ekspor", "jadwal-kalender.ics")
    os.makedirs(os.path.dirname(export_path))

    # 1. The month view, titled in Indonesian, in the agency's zone.
    app = App(ws)
    win = None
    try:
        win = app.window()
        key("alt+m")
        month_button = view_button(win, "Bulan")
        wait_for(lambda: pressed(month_button), "the month view chosen")
        ok(not pressed(view_button(win, "Minggu")) and not pressed(view_button(win, "Agenda")),
           "Alt+M shows the month view, and only its button is down")
        month_title = f"{MONTHS[now.month - 1]} {now.year}"
        ok(bool(find(win, "the month's title", name=month_title, role="label")),
           f"the title names the month in Indonesian: {month_title!r}")
        zone = ZONES.get(zone_name, "WIB")
        ok(bool(find(win, "the zone", name=zone, role="label")),
           f"the calendar says its times are in {zone}")
        first = this_month - datetime.timedelta(days=this_month.weekday())
        last = next_month - datetime.timedelta(days=1)
        last += datetime.timedelta(days=6 - last.weekday())
        shown = [c.name for c in cells(grid(win, "Bulan")) if showing(c)]
        ok(len(shown) == (last - first).days + 1 and shown[0].startswith(day_label(first))
           and shown[-1].startswith(day_label(last)),
           f"the grid shows the weeks from {day_label(first)} to {day_label(last)}")
        screenshot("kalender-bulan")

        back = published_refuses_to_move(win)

        # 2. Next month: a day chosen with the mouse, Enter writes a post
        # there; a double click on another day does too.
        for _ in range(back + 1):
            key("alt+Right")
        next_title = f"{MONTHS[next_month.month - 1]} {next_month.year}"
        find(win, "next month's title", name=next_title, role="label")
        ok(True, f"Alt+Right goes on to {next_title}")
        cell_c = wait_for(lambda: cell_named(grid(win, "Bulan"), day_label(day_c)),
                          f"the cell of {day_label(day_c)}")
        # The top of a day, its number: empty space, not one of its posts.
        mouse_click(cell_c, 0.5, 0.08, repeat=2)
        composer = top_level(app, COMPOSER_TITLE)
        ok(bool(find(composer, "the day chosen", name=day_label(day_c), role="push button")),
           f"a double click on a day opens the New Post window on {day_label(day_c)}")
        key("Escape")
        gone(app, COMPOSER_TITLE)

        cell_a = cell_named(grid(win, "Bulan"), day_label(day_a))
        mouse_click(cell_a, 0.5, 0.08)
        wait_for(lambda: cell_named(grid(win, "Bulan"), day_label(day_a)).getState().contains(
            pyatspi.STATE_FOCUSED), f"{day_label(day_a)} focused")
        key("Return")
        composer = top_level(app, COMPOSER_TITLE)
        ok(True, "Enter on a day opens the New Post window")
        ok(bool(find(composer, "the day chosen", name=day_label(day_a), role="push button")),
           f"on that day: {day_label(day_a)}")
        hour = find(composer, "the hour", name="Jam", role="spin button")
        minute = find(composer, "the minute", name="Menit", role="spin button")
        ok((spin_value(hour), spin_value(minute)) == (NEW_POST_HOUR, 0),
           f"at {spin_value(hour):02d}.{spin_value(minute):02d}, office hours")
        ok(bool(find(composer, "the composer's zone", name=zone, role="label")),
           f"in {zone}")
        entry = find(composer, "the title field", name="Judul", role="text")
        click_with_mouse(entry, COMPOSER_TITLE)
        type_text(title)
        wait_for(lambda: field_text(entry) == title, "the title typed")
        click(find(composer, "the save button", name="Simpan sebagai Draf", role="push button"))
        gone(app, COMPOSER_TITLE)

        at_a = datetime.datetime.combine(day_a, datetime.time(NEW_POST_HOUR), tz)
        chip = wait_chip_on(win, "Bulan", title, day_label(day_a), "the new post on its day")
        parts = chip.name.split(", ")
        ok(parts[0] == when_label(at_a),
           f"the post's label starts with its day and time: {parts[0]!r}")
        ok(parts[1] == title, f"then its title: {parts[1]!r}")
        expected = account_platforms(ws.db, opd_id) or [NO_PLATFORM]
        ok(parts[2:-1] == expected,
           f"then its platforms, the agency's accounts': {parts[2:-1]!r}")
        ok(parts[-1] == DRAFT, f"and its status: {parts[-1]!r}")

        # 3. Alt+Shift+Right moves the post a day later.
        mouse_click(chip)
        wait_for(lambda: chip.getState().contains(pyatspi.STATE_FOCUSED), "the new post focused")
        key("alt+shift+Right")
        chip = wait_chip_on(win, "Bulan", title, day_label(day_b),
                            f"the post on {day_label(day_b)}")
        ok(chip.name.startswith(when_label(at_b) + ", "),
           f"Alt+Shift+Right moves it a day later, same time: {chip.name!r}")
        wait_for(lambda: chip_on(win, "Bulan", title, day_label(day_b)).getState().contains(
            pyatspi.STATE_FOCUSED), "the moved post focused", timeout=5)
        ok(True, "the keyboard focus stays on the moved post")
        moved = f"Dipindahkan ke {short_when(at_b)}"
        ok(bool(find(win, "the move's toast", name=moved, role="label")),
           f"a toast says {moved!r}")
        ok(stored_time(ws.db, title, tz) == [at_b], "the new time is stored")

        # 4. Dragged with the mouse to another day.
        at_c = datetime.datetime.combine(day_c, datetime.time(NEW_POST_HOUR), tz)
        target = cell_named(grid(win, "Bulan"), day_label(day_c))
        drag(chip, target, 0.5, 0.5)
        chip = wait_chip_on(win, "Bulan", title, day_label(day_c),
                            f"the post dragged to {day_label(day_c)}")
        ok(chip.name.startswith(when_label(at_c) + ", "),
           f"a drag moves it to the day it is dropped on, same time: {chip.name!r}")
        ok(stored_time(ws.db, title, tz) == [at_c], "the dragged time is stored")

        # 5. The toast's Undo takes the drag back, not the keyboard move,
        # and says so at once: not after the toasts still waiting (the
        # draft's "Draf disimpan"), which would take five seconds more.
        undo = find(win, "the toast's Undo button", contains="Urungkan", role="push button")
        click(undo)
        moved_back = f"Dikembalikan ke {short_when(at_b)}"
        ok(bool(find(win, "the undo's toast", name=moved_back, role="label", timeout=2.5)),
           f"a toast says {moved_back!r} at once")
        chip = wait_chip_on(win, "Bulan", title, day_label(day_b),
                            f"the post back on {day_label(day_b)}")
        ok(chip.name.startswith(when_label(at_b) + ", "),
           f"Urungkan takes the drag back: {chip.name!r}")
        ok(stored_time(ws.db, title, tz) == [at_b], "the time before the drag is stored again")

        ok(app.quit() == 0, "Sigap quits cleanly with Ctrl+Q")
    except SystemExit:
        if win is not None and app.proc.poll() is None:
            dump(win)
        raise
    finally:
        app.quit()

    # 6. After a restart: the month view, the same month, the post moved.
    app = App(ws)
    win = None
    try:
        win = app.window()
        month_button = view_button(win, "Bulan")
        wait_for(lambda: pressed(month_button), "the month view after a restart")
        ok(True, "the month view is still chosen after a restart")
        ok(bool(find(win, "the month after a restart", name=next_title, role="label")),
           f"on the month it was left on: {next_title!r}")
        wait_chip_on(win, "Bulan", title, day_label(day_b), "the post after a restart")
        ok(True, f"the post is on {day_label(day_b)} after a restart")

        # 7. The week view shows it at its hour.
        key("alt+w")
        week_button = view_button(win, "Minggu")
        wait_for(lambda: pressed(week_button), "the week view chosen")
        ok(not pressed(view_button(win, "Bulan")), "Alt+W shows the week view")
        key("ctrl+t")
        monday = now.date() - datetime.timedelta(days=now.weekday())
        find(win, "this week's title", name=week_title(monday), role="label")
        ok(True, f"Ctrl+T shows this week: {week_title(monday)!r}")
        target_monday = day_b - datetime.timedelta(days=day_b.weekday())
        while monday < target_monday:
            key("alt+Right")
            monday += datetime.timedelta(days=7)
            find(win, "the next week's title", name=week_title(monday), role="label")
        ok(True, f"Alt+Right goes on week by week to {week_title(monday)!r}")
        chip = wait_chip_on(win, "Minggu", title, when_label(at_b),
                            f"the post at {when_label(at_b)} in the week")
        ok(chip.name.startswith(when_label(at_b) + ", "),
           f"the week view shows the post in the hour of {when_label(at_b)}")
        screenshot("kalender-minggu")

        # 8. The month exported as iCalendar holds the post at its new time.
        key("ctrl+e")
        dialog = top_level(app, EXPORT_TITLE)
        choice = find(dialog, "the next month choice", name="Bulan depan", role="check box")
        click_with_mouse(choice, EXPORT_TITLE)
        wait_for(lambda: choice.getState().contains(pyatspi.STATE_CHECKED), "next month chosen")
        click(find(dialog, "the export button", name="Ekspor…", role="push button"))
        chooser = top_level(app, CHOOSER_TITLE)
        name = find(chooser, "the file name field", name="Nama:", role="text")
        click_with_mouse(name, CHOOSER_TITLE)
        key("ctrl+a")
        type_text(export_path)
        wait_for(lambda: field_text(name) == export_path, "the file's path typed")
        key("Return")
        wait_for(lambda: all(w.name not in (EXPORT_TITLE, CHOOSER_TITLE) for w in app.root),
                 "the export window to close")
        toast = find(win, "the export's toast", contains="Jadwal diekspor ke")
        ok("jadwal-kalender.ics" in toast.name and os.path.exists(export_path),
           f"Ekspor Jadwal writes next month's file: {toast.name!r}")
        with open(export_path, "rb") as f:
            cal = icalendar.Calendar.from_ical(f.read())
        events = [e for e in cal.walk("VEVENT") if str(e.get("SUMMARY")) == title]
        ok(len(events) == 1, f"the file has the post as one VEVENT ({len(events)})")
        start = events[0].decoded("DTSTART")
        ok(start == at_b, f"at its moved time, {when_label(at_b)}: {start.astimezone(tz)}")
        ok(app.quit() == 0, "Sigap quits cleanly")
    except SystemExit:
        if win is not None and app.proc.poll() is None:
            dump(win)
        raise
    finally:
        app.quit()


def main():
    print("TAP version 13", flush=True)
    started = time.monotonic()
    ws = Workspace()
    try:
        calendar_scenario(ws)
    finally:
        ws.cleanup()
    print(f"# {time.monotonic() - started:.1f} s", flush=True)
    print(f"1..{sigaptest._passed}", flush=True)


if __name__ == "__main__":
    main()
