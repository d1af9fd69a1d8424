#!/usr/bin/python3
# tests/ui/test_shell.py — the window shell with the demo regency, in Indonesian.
#
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Walks the three pages as the admin of Dinas Kesehatan, checks their
# Indonesian titles and demo content, narrows the window to 360 px, restarts
# and finds the window as it was left; then opens an empty database and a
# damaged one. Saves a screenshot of each page for the README.

import hashlib
import os
import re
import sqlite3
import subprocess
import time

import pyatspi

from sigaptest import (App, Workspace, click, click_with_mouse, dump, find, find_all, ok,
                       screenshot, wait_for)

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
          "Agustus", "September", "Oktober", "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
POST_STATUSES = ["draf", "menunggu persetujuan", "terjadwal", "terbit", "dibatalkan"]


def page_button(window, title):
    """The view switcher's button for a page, wide or narrow."""
    return find(window, f"the '{title}' page switcher", name=title, role="page tab")


def switch_to(window, title):
    """Shows a page and returns it: the page's own subtree, so that what is
    read next is what that page shows."""
    click(page_button(window, title))
    wait_for(lambda: page_button(window, title).getState().contains(
        pyatspi.STATE_SELECTED), f"page {title} shown")
    return find(window, f"the page '{title}'", name=title, role="panel")


def show_agenda(page):
    """The calendar's Agenda view, through its button: every post of the
    coming days is a row there, where the month view folds a busy day's
    fourth post and more into "+N lagi"."""
    click(find(page, "the Agenda view button", name="Agenda", role="push button"))
    # The month's grid (a panel named "Bulan") leaves the screen once the
    # agenda shows: what is read next is the agenda's.
    wait_for(lambda: not find_all(page, name="Bulan", role="panel"), "the agenda to show")


DRAFT_TITLE = "Sosialisasi imunisasi anak di posyandu"


def write_draft(app, win, title):
    """Ctrl+N, an empty title refused with a message, then a title typed
    and the draft saved."""
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+n"], check=True)
    dialog = wait_for(lambda: next((w for w in app.root if w.name == "Postingan Baru"), None),
                      "the New Post window")
    ok(True, "Ctrl+N opens the New Post window")
    click(find(dialog, "the save button", name="Simpan sebagai Draf", role="push button"))
    msg = find(dialog, "the empty-title message", contains="Tulis judul")
    ok(True, f"an empty title is refused with a sentence: {msg.name!r}")
    entry = find(dialog, "the title field", name="Judul", role="text")
    click_with_mouse(entry, "Postingan Baru")
    time.sleep(0.3)
    subprocess.run(["xdotool", "type", "--delay", "20", title], check=True)
    click(find(dialog, "the save button", name="Simpan sebagai Draf", role="push button"))
    wait_for(lambda: all(w.name != "Postingan Baru" for w in app.root),
             "the New Post window to close")
    ok(True, "saving the draft closes the window")


def window_geometry():
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Sigap$", "getwindowgeometry"],
                         capture_output=True, text=True).stdout
    m = re.search(r"Geometry: (\d+)x(\d+)", out)
    return (int(m.group(1)), int(m.group(2))) if m else None


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def demo_scenario():
    ws = Workspace()
    ws.seed_demo()
    app = App(ws)
    try:
        win = app.window()
        ok(win.name == "Sigap", "the window is titled Sigap")
        for title in ("Kalender", "Aduan", "Laporan"):
            ok(bool(find_all(win, name=title, role="page tab")),
               f"the view switcher has the page '{title}'")
        ok(bool(find(win, "the Write button", name="Tulis")), "there is a 'Tulis' button")
        ok(bool(find(win, "the signed-in agency", name="Dinas Kesehatan")),
           "the header shows the signed-in agency, Dinas Kesehatan")

        # Kalender: the agency's posts with Indonesian dates and statuses.
        page = switch_to(win, "Kalender")
        month_now = MONTHS[time.localtime().tm_mon - 1]
        post = find(page, "a post of this month",
                    contains=month_now, role="list item")
        label = post.name
        ok(any(label.startswith(d) for d in DAYS), f"a post's label starts with its day: {label!r}")
        ok(any(label.endswith(s) for s in POST_STATUSES), "a post's label ends with its status")
        ok(bool(find_all(page, contains="WIB")), "times are shown in WIB")
        screenshot("kalender")

        # Tulis: a draft written now is in the agenda, and stays there.
        write_draft(app, win, DRAFT_TITLE)
        page = switch_to(win, "Kalender")
        show_agenda(page)
        draft = find(page, "the new draft in the agenda", contains=DRAFT_TITLE,
                     role="list item", visible=False)
        ok(draft.name.endswith("draf"), f"the draft is listed as a draft: {draft.name!r}")

        # Aduan: complaints routed to Dinas Kesehatan, with tracking numbers.
        page = switch_to(win, "Aduan")
        row = find(page, "a complaint row", contains="ADU-", role="list item")
        ok(re.search(r"ADU-\d{4}-\d{6}", row.name) is not None,
           f"a complaint row carries its tracking number: {row.name!r}")
        ok(bool(find(page, "the complaint count", contains=" aduan")), "the page counts complaints")
        # Open complaints show their deadline in working days, in the row
        # and in what a screen reader reads.
        open_row = find(page, "a complaint row with its deadline", contains="hari kerja",
                        role="list item")
        ok(re.search(r"ADU-\d{4}-\d{6}, [^,]+, (Sisa|Terlambat) \d+ hari kerja, ",
                     open_row.name) is not None,
           f"the deadline follows the status: {open_row.name!r}")
        ok(bool(find(open_row, "the deadline badge", contains="hari kerja", role="label")),
           "the row shows the deadline badge")
        screenshot("aduan")

        # Presentation mode hides the citizens' names from the list.
        ok(bool(find_all(page, contains="Dari ")), "complaint rows name the citizen")
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+comma"], check=True)
        prefs = wait_for(lambda: next((w for w in app.root if w.name == "Preferensi"), None),
                         "the Preferences window")
        click(find(prefs, "the presentation-mode switch", name="Mode Presentasi",
                   role="check box"))
        wait_for(lambda: not find_all(page, contains="Dari "), "the names to be hidden")
        ok(True, "presentation mode hides the citizens' names")
        click(find(prefs, "the presentation-mode switch", name="Mode Presentasi",
                   role="check box"))
        find(page, "the names again", contains="Dari ")
        ok(True, "turning it off shows them again")

        # Data pusat: which platform rules Sigap checks posts against. Nothing
        # was downloaded from a server here, so they are the shipped copy.
        find(prefs, "the platform rules row", name="Aturan platform", role="label")
        rules = find(prefs, "where the platform rules come from",
                     contains="disertakan dengan Sigap", role="label")
        ok(rules.name.startswith("Versi "), f"the shipped platform rules: {rules.name!r}")
        subprocess.run(["xdotool", "key", "--clearmodifiers", "Escape"], check=True)
        wait_for(lambda: all(w.name != "Preferensi" for w in app.root),
                 "the Preferences window to close")

        # Laporan: the monthly reports.
        page = switch_to(win, "Laporan")
        report = find(page, "a monthly report",
                      role="list item", contains=str(time.localtime().tm_year - 1)
                      if time.localtime().tm_mon <= 3 else str(time.localtime().tm_year))
        ok(re.fullmatch(r"(%s) \d{4}, (Draf|Terkirim|Dikembalikan|Diterima)" % "|".join(MONTHS),
                        report.name) is not None,
           f"a report is named by its month and status: {report.name!r}")
        screenshot("laporan")

        # A phone-sized window: the switcher moves to the bottom bar.
        subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Sigap$", "windowsize", "360", "720"],
                       check=True)
        wait_for(lambda: (window_geometry() or (0, 0))[0] == 360, "the window at 360 px")
        for title in ("Kalender", "Aduan", "Laporan"):
            ok(bool(find(win, f"'{title}' at 360 px", name=title, role="page tab")),
               f"'{title}' is still reachable at 360 px")
        page = switch_to(win, "Aduan")
        row = find(page, "a complaint row at 360 px", contains="ADU-", role="list item")
        screenshot("sempit")
        # One pane at a time: the complaint, then back to the list.
        number = row.name.split(",")[0]
        click_with_mouse(row, "Sigap")
        subprocess.run(["xdotool", "key", "Return"], check=True)
        back = find(page, "the back button", name="Kembali ke daftar", role="push button")
        find(page, "the complaint's tracking number", name=number, role="label")
        ok(True, "at 360 px the complaint slides over the list, with a back button")
        screenshot("sempit-rincian")
        click(back)
        wait_for(lambda: not find_all(page, name="Kembali ke daftar"), "the detail to slide away")
        ok(True, "the back button returns to the list")
        size = window_geometry()
        ok(app.quit() == 0, "Sigap quits cleanly with Ctrl+Q")
    finally:
        app.quit()

    # Restart: the same page and size as it was left.
    app = App(ws)
    try:
        win = app.window()
        wait_for(lambda: page_button(win, "Aduan").getState().contains(
            pyatspi.STATE_SELECTED), "the Aduan page after a restart")
        ok(True, "the last page is remembered across a restart")
        again = wait_for(window_geometry, "the window's size")
        ok(abs(again[0] - size[0]) <= 8, f"the width is remembered ({size[0]} → {again[0]})")
        page = switch_to(win, "Kalender")
        find(page, "the draft after a restart", contains=DRAFT_TITLE, role="list item",
             visible=False)
        ok(True, "the draft is still in the agenda after a restart")
    finally:
        app.quit()
        ws.cleanup()


def empty_scenario():
    ws = Workspace()
    app = App(ws)
    try:
        win = app.window()
        status = find(win, "the empty state", contains="Belum ada")
        ok(True, f"a new user sees an empty state: {status.name!r}")
        screenshot("kosong")
    finally:
        app.quit()
        ws.cleanup()


def corrupt_scenario():
    ws = Workspace()
    os.makedirs(os.path.dirname(ws.db), exist_ok=True)
    with open(ws.db, "wb") as f:
        f.write(b"bukan basis data SQLite\n" * 200)
    before = sha256(ws.db)
    app = App(ws)
    try:
        win = app.window()
        msg = find(win, "the damaged-database message", contains="rusak")
        ok(True, f"a damaged database is explained in Indonesian: {msg.name!r}")
        screenshot("rusak")
    finally:
        app.quit()
    ok(sha256(ws.db) == before, "the damaged database is left untouched")
    ws.cleanup()


def newer_scenario():
    ws = Workspace()
    os.makedirs(os.path.dirname(ws.db), exist_ok=True)
    con = sqlite3.connect(ws.db)
    con.execute("CREATE TABLE later_things (id INTEGER PRIMARY KEY)")
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    before = sha256(ws.db)
    app = App(ws)
    try:
        win = app.window()
        msg = find(win, "the newer-database message", contains="versi yang lebih baru")
        ok(True, f"a database from a newer Sigap is refused in Indonesian: {msg.name!r}")
    finally:
        app.quit()
    ok(sha256(ws.db) == before, "the newer database is left untouched")
    ws.cleanup()


def missing_schema_scenario():
    """The system's schemas without Sigap's, as after a broken install."""
    ws = Workspace()
    empty = os.path.join(ws.root, "no-schemas")
    os.makedirs(empty)
    ws.env["GSETTINGS_SCHEMA_DIR"] = empty
    ws.env["XDG_DATA_DIRS"] = "/usr/share"
    app = App(ws)
    try:
        win = app.window()
        msg = find(win, "the missing-schema message", contains="tidak terpasang")
        ok(True, f"a missing settings schema is explained in Indonesian: {msg.name!r}")
        ok(not os.path.exists(ws.db), "no database is created when Sigap cannot start")
    finally:
        app.quit()
    ws.cleanup()


def main():
    print("TAP version 13", flush=True)
    demo_scenario()
    empty_scenario()
    corrupt_scenario()
    newer_scenario()
    missing_schema_scenario()
    print(f"1..{__import__('sigaptest')._passed}", flush=True)


if __name__ == "__main__":
    main()
