#!/usr/bin/python3
# tests/ui/test_export.py — export the month's schedule as iCalendar.
#
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# As the admin of Dinas Kesehatan with the demo regency: Ctrl+E opens the
# export window with this month chosen, "Ekspor…" opens the file chooser
# (GTK's own dialog: there is no portal here) with the suggested name, a
# path typed there gets the file, a toast says where it went; the file is
# read back with a real iCalendar parser (python3-icalendar) and holds the
# agency's posts of this month, no more, no fewer.

import datetime
import os
import sqlite3
import subprocess
import time
import zoneinfo

import icalendar
import pyatspi

import sigaptest
from sigaptest import App, Workspace, click, click_with_mouse, find, ok, screenshot, wait_for

EXPORT_TITLE = "Ekspor Jadwal"
CHOOSER_TITLE = "Simpan Jadwal"
# Not even root may create a file here.
UNWRITABLE = "/proc/jadwal-sigap.ics"


def top_level(app, name):
    return wait_for(lambda: next((w for w in app.root if w.name == name), None),
                    f"the window '{name}'")


def screenshot_of(name, title):
    """A screenshot of the window titled @title, not of the main one."""
    os.makedirs(sigaptest.SHOTS, exist_ok=True)
    path = os.path.join(sigaptest.SHOTS, name + ".png")
    time.sleep(0.5)
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                         capture_output=True, text=True).stdout.split()
    subprocess.run(["import", "-window", ids[-1] if ids else "root", path], check=True)
    return path


def month_posts(db, username):
    """The IDs of the agency's posts scheduled this month, in its zone."""
    con = sqlite3.connect(db)
    try:
        opd_id, code, zone = con.execute(
            "SELECT opd.id, opd.code, opd.time_zone FROM app_user "
            "JOIN opd ON opd.id = app_user.opd_id WHERE app_user.username = ?",
            (username,)).fetchone()
        tz = zoneinfo.ZoneInfo(zone or "Asia/Jakarta")
        now = datetime.datetime.now(tz)
        start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        end = (start + datetime.timedelta(days=32)).replace(day=1)
        ids = {row[0] for row in con.execute(
            "SELECT id FROM post WHERE opd_id = ? AND scheduled_at >= ? AND scheduled_at < ?",
            (opd_id, int(start.timestamp()), int(end.timestamp())))}
        return code, start, end, ids
    finally:
        con.close()


def export_scenario():
    ws = Workspace()
    ws.seed_demo(complaints=50, posts=400)
    code, start, end, expected = month_posts(ws.db, "dinkes")
    target = os.path.join(ws.root, "ekspor", "jadwal-bulan-ini.ics")
    os.makedirs(os.path.dirname(target))

    app = App(ws)
    try:
        app.window()
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+e"], check=True)
        dialog = top_level(app, EXPORT_TITLE)
        ok(True, "Ctrl+E opens the export window")

        this_month = find(dialog, "the 'this month' choice", name="Bulan ini", role="check box")
        ok(this_month.getState().contains(pyatspi.STATE_CHECKED),
           "this month is chosen at first")
        ok(bool(find(dialog, "the next month choice", name="Bulan depan", role="check box")),
           "next month is offered")
        ok(bool(find(dialog, "the first day", name="Tanggal awal", role="push button")),
           "a first day can be chosen")
        ok(bool(find(dialog, "the last day", name="Tanggal akhir", role="push button")),
           "a last day can be chosen")
        screenshot_of("ekspor-jadwal", EXPORT_TITLE)

        click(find(dialog, "the export button", name="Ekspor…", role="push button"))
        chooser = top_level(app, CHOOSER_TITLE)
        name = find(chooser, "the file name field", name="Nama:", role="text")
        text = name.queryText()
        suggested = wait_for(lambda: text.getText(0, text.characterCount), "the suggested name")
        month = start.strftime("%Y-%m")
        ok(suggested == f"jadwal-{code}-{month}.ics",
           f"the file chooser suggests {suggested!r}")

        click_with_mouse(name, CHOOSER_TITLE)
        time.sleep(0.3)
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+a"], check=True)
        subprocess.run(["xdotool", "type", "--delay", "10", target], check=True)
        subprocess.run(["xdotool", "key", "--clearmodifiers", "Return"], check=True)

        wait_for(lambda: all(w.name not in (EXPORT_TITLE, CHOOSER_TITLE) for w in app.root),
                 "the export window to close")
        ok(True, "the export window closes once the file is written")
        win = app.window()
        toast = find(win, "the toast", contains="Jadwal diekspor ke")
        ok("jadwal-bulan-ini.ics" in toast.name, f"a toast says where: {toast.name!r}")
        # GTK 4.8 names the toast's button after its label twice.
        ok(bool(find(win, "the toast's open button", contains="Buka", role="push button")),
           "the toast offers to open the file")
        screenshot("ekspor-selesai")

        with open(target, "rb") as f:
            data = f.read()
        ok(b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""),
           "every line ends with CRLF")
        cal = icalendar.Calendar.from_ical(data)
        events = [c for c in cal.walk() if c.name == "VEVENT"]
        uids = {str(e["UID"]).rsplit("@", 1)[0] for e in events}
        ok(uids == expected,
           f"the file holds the agency's {len(expected)} posts of this month, "
           f"and only them ({len(uids)} events)")
        ok(all(start <= e.decoded("DTSTART") < end for e in events),
           "every event starts in this month")
        ok(all(str(e["STATUS"]) in ("TENTATIVE", "CONFIRMED", "CANCELLED") for e in events),
           "every event has a status")

        # Next month, to a place nobody can write: the window stays, says
        # why in Indonesian, and nothing is written.
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+e"], check=True)
        dialog = top_level(app, EXPORT_TITLE)
        next_month = find(dialog, "the next month choice", name="Bulan depan", role="check box")
        click_with_mouse(next_month, EXPORT_TITLE)
        wait_for(lambda: next_month.getState().contains(pyatspi.STATE_CHECKED),
                 "next month chosen")
        click(find(dialog, "the export button", name="Ekspor…", role="push button"))
        chooser = top_level(app, CHOOSER_TITLE)
        name = find(chooser, "the file name field", name="Nama:", role="text")
        click_with_mouse(name, CHOOSER_TITLE)
        time.sleep(0.3)
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+a"], check=True)
        subprocess.run(["xdotool", "type", "--delay", "10", UNWRITABLE], check=True)
        subprocess.run(["xdotool", "key", "--clearmodifiers", "Return"], check=True)
        error = find(dialog, "the error", contains="tidak dapat disimpan")
        ok(True, f"a failed export says so in Indonesian: {error.name!r}")
        ok(not os.path.exists(UNWRITABLE), "nothing was written")
        screenshot_of("ekspor-gagal", EXPORT_TITLE)
        click(find(dialog, "the cancel button", name="Batal", role="push button"))
        wait_for(lambda: all(w.name != EXPORT_TITLE for w in app.root),
                 "the export window to close")
    finally:
        app.quit()
        ws.cleanup()


def main():
    print("TAP version 13", flush=True)
    export_scenario()
    print(f"1..{sigaptest._passed}", flush=True)


if __name__ == "__main__":
    main()
