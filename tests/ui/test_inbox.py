#!/usr/bin/python3
# tests/ui/test_inbox.py — a complaint from its recording to its answer, in Indonesian.
#
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Two desktops and a real sigap-server. Diskominfo's verifikator records a
# complaint seen on Facebook (an empty text first, refused with a
# sentence), finds it again by a word of its text, verifies it and routes it
# to Dinas Kesehatan with a reason. The admin of Dinas Kesehatan, on
# another desktop, receives it with the next sync, starts handling it,
# answers it with a canned reply, resolves it and reads its timeline; the
# server has the same status and timeline, and a restart shows it as it was
# left. Saves screenshots of the list, the detail and the answer.

import os
import re
import subprocess
import time

from sigaptest import (App, Workspace, click, click_with_mouse, dump, find, find_all, key,
                       move_pointer, ok, screen_point, screenshot, wait_for)
from test_shell import switch_to
from test_sync import (DEMO_PASSWORD, Keyring, Server, field_text, indicator, open_indicator,
                       type_into, window_named, window_shot)

BODY = ("Tambalan jalan di depan Puskesmas Sukamaju ambles lagi setelah hujan, sudah tiga "
        "minggu dan membahayakan pengendara motor malam hari")
WORD = "tambalan"
URL = "https://www.facebook.com/diskominfo.sukamaju/posts/1001?comment_id=2002"
ROUTE_REASON = "Lokasi di halaman puskesmas, wewenang Dinas Kesehatan"
TRACKING = re.compile(r"ADU-\d{4}-\d{6}")
# A CSV of the admin's own: two complaints, and a row without its text.
IMPORT_CSV = ("Tanggal,Kanal,Isi Aduan,Kecamatan,Desa,Jenis\n"
              "01/12/2026 09:15,Instagram,Saluran drainase di Jalan Melati tersumbat sampah,"
              "Sukamaju,Kauman,Pengaduan\n"
              "02/12/2026 10:00,Facebook,,Karangrejo,Jatisari,Pengaduan\n"
              "03/12/2026 11:30,TikTok,Kapan jadwal posyandu drainase Desa Gondang,"
              "Tegalsari,Gondang,Permintaan Informasi\n")


def install_browser(ws):
    """A browser for http and https links that writes down what it was
    asked to open, as the desktop's default."""
    opened = os.path.join(ws.root, "opened-links.txt")
    script = os.path.join(ws.root, "browser")
    with open(script, "w") as f:
        f.write(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{opened}"\n')
    os.chmod(script, 0o755)
    apps = os.path.join(ws.env["XDG_DATA_HOME"], "applications")
    os.makedirs(apps, exist_ok=True)
    with open(os.path.join(apps, "sigap-test-browser.desktop"), "w") as f:
        f.write("[Desktop Entry]\nType=Application\nName=Peramban Uji\n"
                f"Exec={script} %u\nMimeType=x-scheme-handler/http;x-scheme-handler/https;\n")
    with open(os.path.join(ws.env["XDG_CONFIG_HOME"], "mimeapps.list"), "w") as f:
        f.write("[Default Applications]\nx-scheme-handler/http=sigap-test-browser.desktop\n"
                "x-scheme-handler/https=sigap-test-browser.desktop\n")
    return opened


def read_opened(path):
    try:
        with open(path) as f:
            return f.read().split()
    except FileNotFoundError:
        return []


def sign_in(app, win, server, username):
    """Signs in as @username and waits for the first sync; returns the
    main window, which is new if Sigap had to be started again."""
    for attempt in range(2):
        open_indicator(win, "Luring")
        click(find(win, "the popover's sign-in button", name="Masuk…", role="push button",
                   visible=False))
        dialog = wait_for(lambda: window_named(app, "Masuk"), "the sign-in window")
        # Keys typed while the machine is busy can go astray: each field is
        # read back, and typed again if it does not hold what was typed.
        for field, text in (("Alamat Server", server.url), ("Nama Pengguna", username),
                            ("Kata Sandi", DEMO_PASSWORD)):
            for _ in range(3):
                type_into(dialog, field, text, "Masuk")
                typed = field_text(find(dialog, f"the field '{field}'", name=field,
                                        role="text"))
                if typed == text or (field == "Kata Sandi" and len(typed) == len(text)):
                    break
        key("Return")
        wait_for(lambda: app.proc.poll() is not None or window_named(app, "Masuk") is None,
                 "the sign-in window to close", timeout=90)
        if app.proc.poll() is None:
            break
        if attempt == 1:
            ok(False, "Sigap keeps ending as it signs in")
        win = app.restart_after_crash()
        # The sign-in may have been kept before the end: then it syncs.
        state = wait_for(lambda: next((t for t in ("Luring", "Tersinkron", "Menyinkronkan…")
                                       if find_all(win, name=t, role="label")), None),
                         "the sync indicator after the restart")
        if state != "Luring":
            break
    indicator(win, "Tersinkron")
    ok(True, f"{username} is signed in and synced")
    return win


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "8", text], check=True)


def response_button(dialog, response):
    """A message dialog's response button, by the text it shows: its
    accessible name repeats the label."""
    def button():
        for label in find_all(dialog, name=response, role="label"):
            if label.parent is not None and label.parent.getRoleName() == "push button":
                return label.parent
        return None
    return wait_for(button, f"the response {response!r}")


def respond(app, dialog, title, response):
    """Answers a message dialog with @response once it is enabled, and
    waits for the dialog to close. The dialog lays its buttons out again
    as its content changes (in a row, or one above the other): a click on
    the layout just put away is lost, so it is asked again."""
    for _ in range(3):
        apply = response_button(dialog, response)
        wait_for(lambda: apply.getState().contains(__import__("pyatspi").STATE_SENSITIVE),
                 f"{response!r} to be enabled")
        click(apply)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if window_named(app, title) is None:
                return
            time.sleep(0.2)
    ok(False, f"the dialog {title!r} to close")


def step(app, page, button, title, response, text=None):
    """Clicks a step's button in the detail pane, types @text in its
    dialog when given, and answers the dialog with @response."""
    click(find(page, f"the step button {button!r}", name=button, role="push button"))
    dialog = wait_for(lambda: window_named(app, title), f"the dialog {title!r}")
    if text is not None:
        field = find(dialog, "the dialog's text field", role="text")
        click_with_mouse(field, title)
        time.sleep(0.2)
        key("ctrl+a", "BackSpace")
        type_text(text)
    respond(app, dialog, title, response)


def detail_tracking(page):
    """The tracking number the detail pane shows: the rightmost one on
    screen, since the list is left of the detail."""
    numbers = [n for n in find_all(page, role="label") if TRACKING.fullmatch(n.name or "")]
    if not numbers:
        return None
    rightmost = max(numbers, key=lambda n: n.queryComponent().getExtents(
        __import__("pyatspi").WINDOW_COORDS).x)
    return rightmost.name


def status_shown(page, status):
    return find(page, f"the status {status!r} in the detail pane", name=status, role="label")


def search(page, word):
    entry = find(page, "the search field", name="Cari aduan")
    click_with_mouse(entry, "Sigap")
    time.sleep(0.2)
    key("ctrl+a", "BackSpace")
    type_text(word)


def rows_with(page, text):
    return [r for r in find_all(page, role="list item") if text in (r.name or "")]


def server_complaint(server, username, tracking):
    """The complaint and its timeline as @username pulls them."""
    token = server.request("POST", "/api/v1/auth/login",
                           {"username": username, "password": DEMO_PASSWORD})["token"]
    found = None
    cursor = "0"
    while True:
        page = server.request("GET", f"/api/v1/sync/pull?since={cursor}&limit=1000",
                              token=token)
        for change in page["changes"]:
            record = change.get("record") or {}
            if change["entity"] == "complaint" and record.get("tracking_number") == tracking:
                found = record
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    server.request("POST", "/api/v1/auth/logout", token=token)
    # A pulled complaint carries its whole timeline, in order.
    return found, (found or {}).get("events", [])


def verifikator_desktop(server, keyring):
    """Records, finds, verifies and routes the complaint; returns its
    tracking number."""
    ws = Workspace()
    app = App(ws)
    try:
        win = app.window()
        win = sign_in(app, win, server, "verifikator")
        page = switch_to(win, "Aduan")
        find(page, "the search field", name="Cari aduan")
        ok(True, "the inbox has a search field named 'Cari aduan'")

        # Recording: an empty text is refused, nothing typed is lost.
        click(find(page, "the record button", name="Catat Aduan", role="push button"))
        dialog = wait_for(lambda: window_named(app, "Aduan Baru"), "the New Complaint window")
        ok(True, "'Catat Aduan' opens the New Complaint window")
        type_into(dialog, "Tautan komentar atau pesan", URL, "Aduan Baru")
        type_into(dialog, "Nama", "Budi Santoso", "Aduan Baru")
        click(find(dialog, "the record button", name="Catat", role="push button"))
        msg = find(dialog, "the empty-text message", contains="Tulis")
        ok(True, f"an empty complaint is refused with a sentence: {msg.name!r}")
        ok(field_text(find(dialog, "the link field", name="Tautan komentar atau pesan",
                           role="text")) == URL, "the link typed is kept")
        body = find(dialog, "the complaint's text", name="Isi aduan", role="text")
        click_with_mouse(body, "Aduan Baru")
        time.sleep(0.2)
        type_text(BODY)
        window_shot("Aduan Baru", "aduan-baru")
        click(find(dialog, "the record button", name="Catat", role="push button"))
        wait_for(lambda: window_named(app, "Aduan Baru") is None,
                 "the New Complaint window to close")
        tracking = wait_for(lambda: detail_tracking(page), "the new complaint in the detail pane")
        ok(True, f"the complaint gets a tracking number: {tracking}")
        status_shown(page, "Diterima")
        ok(True, "the detail pane shows the new complaint as Diterima")

        # Finding it by a word of its text, as it is typed.
        search(page, WORD[:6])
        wait_for(lambda: rows_with(page, tracking), "the complaint to be found by a prefix")
        search(page, WORD)
        wait_for(lambda: len(rows_with(page, "ADU-")) == 1 and rows_with(page, tracking),
                 "only the complaint to be listed")
        row = rows_with(page, tracking)[0]
        ok(row.name.startswith(f"{tracking}, Diterima, "),
           f"the row reads its number, status and first words: {row.name!r}")
        ok(bool(find_all(page, name="1 aduan")), "the count says 1 aduan")
        search(page, "zzqxj")
        find(page, "the no-results page", name="Tidak ada aduan yang cocok")
        ok(True, "a word found nowhere shows 'Tidak ada aduan yang cocok'")
        search(page, WORD)
        wait_for(lambda: rows_with(page, tracking), "the complaint to be listed again")

        # Verify, then route to Dinas Kesehatan with a reason.
        step(app, page, "Verifikasi", "Verifikasi aduan?", "Verifikasi")
        status_shown(page, "Terverifikasi")
        ok(True, "verifying shows Terverifikasi")
        ok(not find_all(page, name="Verifikasi", role="push button"),
           "a verified complaint offers no second verification")
        click(find(page, "the route button", name="Teruskan ke OPD", role="push button"))
        dialog = wait_for(lambda: window_named(app, "Teruskan ke OPD"), "the routing dialog")
        apply = response_button(dialog, "Teruskan ke OPD")
        ok(not apply.getState().contains(__import__("pyatspi").STATE_SENSITIVE),
           "routing without a reason is not offered")
        search_field = find(dialog, "the agency search", name="Cari instansi")
        click_with_mouse(search_field, "Teruskan ke OPD")
        time.sleep(0.2)
        type_text("Dinas Kesehatan")
        chosen = wait_for(lambda: next(
            (r for r in find_all(dialog, role="list item")
             if r.getState().contains(__import__("pyatspi").STATE_SELECTED)), None),
            "an agency to be chosen")
        ok(bool(find_all(chosen, name="Dinas Kesehatan", role="label")),
           "typing the agency's name chooses Dinas Kesehatan")
        field = find(dialog, "the reason field", name="Alasan", role="text")
        click_with_mouse(field, "Teruskan ke OPD")
        time.sleep(0.2)
        type_text(ROUTE_REASON)
        respond(app, dialog, "Teruskan ke OPD", "Teruskan ke OPD")
        status_shown(page, "Diteruskan")
        find(page, "the agency now handling it", name="Dinas Kesehatan", role="label")
        ok(True, "the complaint is routed to Dinas Kesehatan")
        screenshot("aduan-verifikator")

        # Importing a CSV: the readable rows, and which row was left out.
        csv_path = os.path.join(ws.root, "aduan-desember.csv")
        with open(csv_path, "w") as f:
            f.write(IMPORT_CSV)
        click(find(page, "the import button", name="Impor Aduan dari CSV", role="push button"))
        chooser = wait_for(lambda: window_named(app, "Pilih Berkas CSV"), "the file chooser")
        # Without a window manager a new window has no focus until clicked.
        click_with_mouse(find(chooser, "the file chooser's places", name="GtkPlacesSidebar"),
                         "Pilih Berkas CSV")
        time.sleep(0.3)
        key("ctrl+l")
        time.sleep(0.3)
        type_text(csv_path)
        key("Return")
        dialog = wait_for(lambda: window_named(app, "Impor Aduan"), "the import window")
        left_out = find(dialog, "the row left out", contains="Baris 3", visible=False)
        ok(True, f"the import names the row it cannot read: {left_out.name!r}")
        window_shot("Impor Aduan", "aduan-impor")
        respond(app, dialog, "Impor Aduan", "Impor 2 Aduan")
        search(page, "drainase")
        wait_for(lambda: len(rows_with(page, "ADU-")) == 2, "the two imported complaints")
        ok(True, "both readable rows are in the inbox, found by a word")

        indicator(win, "Tersinkron")
        complaint, _ = wait_for(lambda: (lambda c: c if c[0] and c[0].get("status") == "routed"
                                         else None)(server_complaint(server, "dinkes", tracking)),
                                "the routed complaint to reach Dinas Kesehatan on the server",
                                timeout=40)
        ok(True, "the server has it routed to Dinas Kesehatan")
        ok(app.quit() == 0, "Sigap quits cleanly")
        return tracking
    except SystemExit:
        dump(app.root)
        raise
    finally:
        app.quit()
        ws.cleanup()


def opd_desktop(server, tracking):
    """Dinas Kesehatan handles, answers and resolves the complaint."""
    ws = Workspace()
    opened = install_browser(ws)
    app = App(ws)
    try:
        win = app.window()
        win = sign_in(app, win, server, "dinkes")
        page = switch_to(win, "Aduan")
        search(page, WORD)
        row = wait_for(lambda: (rows_with(page, tracking) or [None])[0],
                       "the routed complaint in Dinas Kesehatan's inbox", timeout=40)
        ok(True, f"Dinas Kesehatan finds the complaint by a word: {row.name!r}")
        click_with_mouse(row, "Sigap")
        find(page, "the tracking number in the detail pane", name=tracking, role="label")
        # The timeline is below the details: it is read without scrolling.
        find(page, "the routing reason on the timeline", contains=ROUTE_REASON, role="label",
             visible=False)
        ok(True, "the timeline shows why it was routed")
        ok(bool(find_all(page, name="Budi Santoso", role="label")),
           "the citizen's name is shown to the agency that handles it")

        step(app, page, "Mulai Tangani", "Mulai tangani aduan?", "Mulai Tangani")
        status_shown(page, "Diproses")
        ok(True, "starting to handle it shows Diproses")

        # A canned reply, filled in for this complaint, edited, copied.
        click(find(page, "the answer button", name="Jawab", role="push button"))
        dialog = wait_for(lambda: window_named(app, "Jawab warga"), "the answer dialog")
        field = find(dialog, "the answer field", name="Jawaban", role="text")
        answer = wait_for(lambda: field_text(field) or None, "the canned reply to fill in")
        ok(tracking in answer and "Budi Santoso" in answer,
           f"the canned reply names the citizen and the number: {answer[:80]!r}…")
        window_shot("Jawab warga", "aduan-jawab")
        click_with_mouse(field, "Jawab warga")
        key("ctrl+End")
        type_text(" Petugas akan menambal jalan pekan ini.")
        respond(app, dialog, "Jawab warga", "Salin & Buka")
        find(page, "the answer on the timeline", contains="menambal jalan pekan ini",
             role="label", visible=False)
        ok(True, "the answer is recorded on the timeline")
        links = wait_for(lambda: read_opened(opened), "the browser to open the message")
        ok(links == [URL], f"'Salin & Buka' opens the citizen's comment: {links}")

        step(app, page, "Selesaikan", "Selesaikan aduan", "Selesaikan",
             "Lubang jalan sudah ditambal pada hari ini. Terima kasih atas laporannya.")
        status_shown(page, "Selesai")
        ok(True, "resolving shows Selesai")
        ok(not find_all(page, name="Selesaikan", role="push button"),
           "a resolved complaint offers no second resolution")

        timeline = [n.name for n in find_all(page, role="label", visible=False)]
        for event in ("Selesai", "Dijawab", "Mulai ditangani", "Diteruskan", "Terverifikasi",
                      "Dicatat"):
            ok(event in timeline, f"the timeline has {event!r}")
        # The timeline, under the details.
        pane = find(page, "the details", name="Rincian", role="label")
        x, y = screen_point(pane)
        move_pointer(x, y)
        subprocess.run(["xdotool", "click", "--repeat", "10", "5"], check=True)
        time.sleep(0.5)
        screenshot("aduan-rincian")
        search(page, "")
        screenshot("aduan-daftar")

        indicator(win, "Tersinkron")
        complaint, events = wait_for(
            lambda: (lambda c: c if c[0] and c[0].get("status") == "resolved" else None)(
                server_complaint(server, "verifikator", tracking)),
            "the resolved complaint on the server", timeout=40)
        actions = [e.get("action") for e in events]
        ok(True, f"the server has the complaint resolved, with the timeline {actions}")
        ok(app.quit() == 0, "Sigap quits cleanly")

        # After a restart the complaint is as it was left.
        app = App(ws)
        win = app.window()
        page = switch_to(win, "Aduan")
        search(page, WORD)
        row = wait_for(lambda: (rows_with(page, tracking) or [None])[0],
                       "the complaint after a restart")
        ok(", Selesai, " in row.name, f"after a restart the complaint is resolved: {row.name!r}")
        ok(app.quit() == 0, "Sigap quits cleanly")
    except SystemExit:
        dump(app.root)
        raise
    finally:
        app.quit()
        ws.cleanup()


def main():
    print("TAP version 13", flush=True)
    root = Workspace()
    server = Server(root)
    server.start()
    keyring = Keyring(root)
    try:
        tracking = verifikator_desktop(server, keyring)
        opd_desktop(server, tracking)
    finally:
        server.stop()
        keyring.stop()
        root.cleanup()
    print(f"1..{__import__('sigaptest')._passed}", flush=True)


if __name__ == "__main__":
    main()
