#!/usr/bin/python3
# tests/ui/test_report.py — a month's report from the wizard to Diskominfo, in Indonesian.
#
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Two desktops and a real sigap-server with the demo regency. The admin of
# Dinas Kesehatan starts last month's report (the draft the demo left),
# reads the figures Sigap counted (the uploads match the server's posts),
# types an account's followers (a typo first, refused with a sentence and
# kept on screen), the obstacles, the signer and the NIP, sees the preview,
# exports the PDF (its first page saved as PNG with pdftoppm, its text read
# with pdftotext), and submits it. Diskominfo's verifikator, on another
# desktop, finds it submitted in the month's recap and returns it with a
# note. The admin's desktop, restarted, shows the report returned with the
# note, and the figures typed are still there.

import csv
import datetime
import os
import shutil
import subprocess
import time
import zoneinfo

import pyatspi

from sigaptest import (SHOTS, App, Workspace, click, click_with_mouse, dump, find, find_all,
                       key, ok, screenshot, wait_for)
from test_inbox import respond, sign_in, type_text
from test_shell import switch_to
from test_sync import DEMO_PASSWORD, Keyring, Server, field_text, window_named, window_shot

WIZARD = "Laporan Bulanan"
OBSTACLES = "Jaringan internet puskesmas sering terputus sehingga unggahan tertunda"
SIGNER = "dr. Ratna Wulandari, M.Kes."
NIP = "197805122005012003"
FOLLOWERS = "12500"
RETURN_NOTE = "Mohon lampirkan tautan unggahan TikTok tanggal 17"
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def last_month():
    today = datetime.datetime.now(WIB)
    first = today.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    start = (first - datetime.timedelta(days=1)).replace(day=1)
    return start, first


def pull(server, username, entity):
    token = server.request("POST", "/api/v1/auth/login",
                           {"username": username, "password": DEMO_PASSWORD})["token"]
    records = {}
    cursor = "0"
    while True:
        page = server.request("GET", f"/api/v1/sync/pull?since={cursor}&limit=1000",
                              token=token)
        for change in page["changes"]:
            if change["entity"] == entity and change["op"] == "upsert":
                records[change["record"]["id"]] = change["record"]
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    server.request("POST", "/api/v1/auth/logout", token=token)
    return records


def server_uploads(server):
    """Dinas Kesehatan's uploads last month, counted from the server's
    posts: published variants by their post's publication time."""
    start, end = last_month()
    lo, hi = int(start.timestamp()), int(end.timestamp())
    n = 0
    for post in pull(server, "dinkes", "post").values():
        if post.get("status") == "published" and lo <= post.get("published_at", 0) < hi:
            n += len(post.get("variants") or [])
    return n


def server_report(server, username):
    """Dinas Kesehatan's report for last month, as @username pulls it."""
    start, _ = last_month()
    dinkes = next(o["id"] for o in pull(server, username, "opd").values()
                  if o.get("code") == "dinkes")
    for report in pull(server, username, "report").values():
        if (report.get("opd_id") == dinkes and report.get("year") == start.year
                and report.get("month") == start.month):
            return report
    return None


def explain_report(ws, server):
    """What the desktop still has to send, and what the server has, for a
    failed run."""
    import sqlite3
    try:
        db = sqlite3.connect(ws.db)
        for row in db.execute("SELECT entity, op, base_version, fields FROM outbox"):
            print(f"# outbox: {row}", flush=True)
        for row in db.execute("SELECT r.year, r.month, r.status, r.version, r.review_note FROM report r"
                              " JOIN opd o ON o.id = r.opd_id WHERE o.code = 'dinkes'"):
            print(f"# desktop report: {row}", flush=True)
        db.row_factory = sqlite3.Row
        for row in db.execute("SELECT r.* FROM report r JOIN opd o ON o.id = r.opd_id"
                              " WHERE o.code = 'dinkes' AND r.status = 'submitted'"):
            print(f"# desktop record: {dict(row)}", flush=True)
        db.row_factory = None
        for row in db.execute("SELECT key, value FROM meta WHERE key LIKE '%sync%'"):
            print(f"# meta: {row}", flush=True)
        print(f"# server: {server_report(server, 'verifikator')}", flush=True)
    except Exception as e:
        print(f"# cannot explain: {e!r}", flush=True)


def close_wizard(app, wizard):
    """Closes the wizard with its own close button: without a window
    manager, Escape goes to whichever window had the keyboard last."""
    click(find(wizard, "the wizard's close button", name="Tutup", role="push button"))
    wait_for(lambda: window_named(app, WIZARD) is None or None, "the wizard to close")


def next_step(wizard, title):
    click(find(wizard, "the Next button", name="Lanjut", role="push button"))
    return wait_for(lambda: find_all(wizard, contains=title, role="label") or None,
                    f"the step {title!r}")


def save_through_chooser(app, title, path):
    chooser = wait_for(lambda: window_named(app, title), "the file chooser")
    # Without a window manager a new window has no focus until clicked.
    click_with_mouse(find(chooser, "the file chooser's places", name="GtkPlacesSidebar"),
                     title)
    time.sleep(0.3)
    key("ctrl+l")
    time.sleep(0.3)
    key("ctrl+a", "BackSpace")
    type_text(path)
    key("Return")


def admin_desktop(ws, server, month_name):
    app = App(ws)
    try:
        win = app.window()
        win = sign_in(app, win, server, "dinkes")
        page = switch_to(win, "Laporan")
        click(find(page, "the New Report button", name="Laporan Baru…", role="push button"))
        wizard = wait_for(lambda: window_named(app, WIZARD), "the report wizard")
        ok(True, "'Laporan Baru…' opens the report wizard")

        # 1. The period: last month, the agency, the demo's draft continued.
        find(wizard, "last month in the wizard", name=month_name, role="label")
        ok(True, f"the wizard starts with last month, {month_name}")
        find(wizard, "the agency", contains="Dinas Kesehatan", role="label")
        find(wizard, "the draft being continued", contains="dilanjutkan", role="label")
        ok(True, "the demo's draft for the month is continued")

        # 2. The figures Sigap counted, as the server has the posts.
        next_step(wizard, "Angka Terhitung")
        expected = server_uploads(server)
        row = find(wizard, "the total uploads", contains="Semua unggahan:", visible=False)
        shown = int(row.name.split(":")[1].strip().replace(".", ""))
        ok(shown == expected, f"the uploads shown ({shown}) are the server's ({expected})")
        find(wizard, "the complaints' median", contains="Median waktu jawaban pertama",
             visible=False)
        find(wizard, "the quiet accounts", name="Akun Mati Suri", role="label", visible=False)
        window_shot(WIZARD, "laporan-angka")

        # 3. An account's followers: a typo is refused, kept, corrected.
        next_step(wizard, "Angka Akun")
        fields = [f for f in find_all(wizard, role="text", visible=False)
                  if (f.name or "").startswith("Pengikut ")]
        ok(len(fields) > 0, f"one followers field per account ({len(fields)})")
        field = fields[0]
        account = field.name[len("Pengikut "):]
        click_with_mouse(field, WIZARD)
        key("ctrl+a", "BackSpace")
        type_text("12x")
        click(find(wizard, "the Next button", name="Lanjut", role="push button"))
        find(wizard, "why the figure is refused", contains="bukan angka", role="label")
        ok(field_text(field) == "12x", "the refused figure stays on screen as typed")
        click_with_mouse(field, WIZARD)
        key("ctrl+a", "BackSpace")
        type_text(FOLLOWERS)
        window_shot(WIZARD, "laporan-akun")

        # 4. Notes and the signing official.
        next_step(wizard, "Catatan dan Tanda Tangan")
        for name, text in (("Kendala", OBSTACLES), ("Nama pejabat penanda tangan", SIGNER),
                           ("NIP", NIP)):
            entry = find(wizard, f"the field {name!r}", name=name, role="text")
            click_with_mouse(entry, WIZARD)
            key("ctrl+a", "BackSpace")
            type_text(text)
            wait_for(lambda: field_text(entry) == text or None, f"{name!r} to hold the text")

        # 5. The preview, drawn as the PDF prints.
        next_step(wizard, "Pratinjau")
        find(wizard, "the preview's first page", contains="Halaman 1 dari", visible=False)
        ok(True, "the preview shows the report's pages")
        window_shot(WIZARD, "laporan-pratinjau")

        # 6. Export the PDF and read it back; then submit.
        next_step(wizard, "Ekspor dan Kirim")
        pdf = os.path.join(ws.root, "laporan.pdf")
        click(find(wizard, "the PDF export button", name="Ekspor PDF…", role="push button"))
        save_through_chooser(app, "Ekspor Laporan", pdf)
        wait_for(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 0 or None,
                 "the exported PDF", timeout=30)
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                              text=True, check=True).stdout
        for what in (NIP, SIGNER, OBSTACLES[:40], "Dinas Kesehatan", month_name, "12.500"):
            ok(what in text, f"the PDF has {what!r}")
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        pdf, os.path.join(ws.root, "laporan-pdf")], check=True)
        os.makedirs(SHOTS, exist_ok=True)
        shutil.copy(os.path.join(ws.root, "laporan-pdf.png"),
                    os.path.join(SHOTS, "laporan-pdf-halaman-1.png"))
        ok(True, "the PDF's first page is saved as PNG")

        click(find(wizard, "the submit button", name="Kirim ke Diskominfo", role="push button"))
        dialog = wait_for(lambda: window_named(app, f"Kirim Laporan {month_name}?"),
                          "the submit dialog")
        respond(app, dialog, f"Kirim Laporan {month_name}?", "Kirim")
        find(wizard, "the submitted banner", contains="Terkirim ke Diskominfo", role="label")
        ok(not find_all(wizard, name="Kirim ke Diskominfo", role="push button"),
           "a submitted report cannot be submitted again")
        report = wait_for(lambda: (lambda r: r if r and r.get("status") == "submitted"
                                   else None)(server_report(server, "verifikator")),
                          "the submitted report on the server", timeout=40)
        ok(NIP == report.get("signer_nip"), "the server has the report, submitted, with the NIP")
        close_wizard(app, wizard)
        ok(app.quit() == 0, "Sigap quits cleanly")
        return account
    except SystemExit:
        if os.environ.get("SIGAP_TEST_BACKTRACE"):
            subprocess.run(["gdb", "-p", str(app.proc.pid), "-batch", "-ex",
                            "thread apply all bt"], timeout=120)
        dump(app.root)
        explain_report(ws, server)
        raise
    finally:
        app.quit()


def verifikator_desktop(server, month_name):
    ws = Workspace()
    app = App(ws)
    try:
        win = app.window()
        win = sign_in(app, win, server, "verifikator")
        page = switch_to(win, "Laporan")
        find(page, "the recap", name="Rekap Laporan Bulanan", role="label")
        find(page, "the recap's month", name=month_name, role="label")
        cell = wait_for(lambda: next(iter(find_all(page, name="Dinas Kesehatan",
                                                   role="label")), None),
                        "Dinas Kesehatan in the recap", timeout=40)
        find(page, "the submitted status in the recap", name="Terkirim", role="label")
        ok(True, "the recap lists Dinas Kesehatan's report as submitted")
        screenshot("laporan-rekap")
        csv_path = os.path.join(ws.root, "rekap.csv")
        click(find(page, "the recap's CSV export", name="Ekspor CSV…", role="push button"))
        save_through_chooser(app, "Ekspor Rekap", csv_path)
        wait_for(lambda: os.path.exists(csv_path) and os.path.getsize(csv_path) > 0 or None,
                 "the exported recap", timeout=30)
        with open(csv_path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        ok(any("Dinas Kesehatan" in cell for row in rows for cell in row),
           f"the recap's CSV parses and names Dinas Kesehatan ({len(rows)} rows)")

        click_with_mouse(cell, "Sigap")
        wizard = wait_for(lambda: window_named(app, WIZARD), "the submitted report")
        ok(not find_all(wizard, name="Kirim ke Diskominfo", role="push button", visible=False),
           "the verifikator reads the report; it offers no submission")
        for title in ("Angka Terhitung", "Angka Akun", "Catatan dan Tanda Tangan", "Pratinjau",
                      "Ekspor dan Kirim"):
            next_step(wizard, title)
        click(find(wizard, "the return button", name="Kembalikan…", role="push button"))
        dialog = wait_for(lambda: window_named(app, "Kembalikan Laporan?"), "the return dialog")
        field = find(dialog, "the note field", name="Yang perlu diperbaiki", role="text")
        click_with_mouse(field, "Kembalikan Laporan?")
        type_text(RETURN_NOTE)
        respond(app, dialog, "Kembalikan Laporan?", "Kembalikan")
        find(wizard, "the returned banner", contains=RETURN_NOTE, role="label")
        report = wait_for(lambda: (lambda r: r if r and r.get("status") == "returned"
                                   else None)(server_report(server, "verifikator")),
                          "the returned report on the server", timeout=40)
        ok(report.get("review_note") == RETURN_NOTE, "the server has the report returned "
           "with the note")
        close_wizard(app, wizard)
        ok(app.quit() == 0, "Sigap quits cleanly")
    except SystemExit:
        dump(app.root)
        raise
    finally:
        app.quit()
        ws.cleanup()


def admin_again(ws, account, month_name):
    """After a restart and a sync, the admin sees the note and the
    figures typed before."""
    app = App(ws)
    try:
        win = app.window()
        page = switch_to(win, "Laporan")
        row = wait_for(lambda: next((r for r in find_all(page, role="list item")
                                     if (r.name or "").startswith(month_name)
                                     and "Dikembalikan" in r.name), None),
                       "the returned report after the next sync", timeout=60)
        ok(True, f"the admin's list shows the report returned: {row.name!r}")
        find(page, "the verifikator's note in the list", name=RETURN_NOTE, role="label")
        screenshot("laporan-daftar")
        click_with_mouse(row, "Sigap")
        wizard = wait_for(lambda: window_named(app, WIZARD), "the returned report")
        find(wizard, "the note above the steps", contains=RETURN_NOTE, role="label")
        next_step(wizard, "Angka Terhitung")
        next_step(wizard, "Angka Akun")
        field = find(wizard, "the followers typed before", name=f"Pengikut {account}",
                     role="text", visible=False)
        ok(field_text(field) == FOLLOWERS, "the followers typed before the restart are kept")
        close_wizard(app, wizard)
        ok(app.quit() == 0, "Sigap quits cleanly")
    except SystemExit:
        dump(app.root)
        raise
    finally:
        app.quit()


def main():
    print("TAP version 13", flush=True)
    root = Workspace()
    server = Server(root)
    server.start()
    keyring = Keyring(root)
    start, _ = last_month()
    month_name = f"{MONTHS[start.month - 1]} {start.year}"
    admin = Workspace()
    try:
        account = admin_desktop(admin, server, month_name)
        verifikator_desktop(server, month_name)
        admin_again(admin, account, month_name)
    finally:
        server.stop()
        keyring.stop()
        admin.cleanup()
        root.cleanup()
    print(f"1..{__import__('sigaptest')._passed}", flush=True)


if __name__ == "__main__":
    main()
