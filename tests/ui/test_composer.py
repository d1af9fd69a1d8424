#!/usr/bin/python3
# tests/ui/test_composer.py — write a post for several platforms, in Indonesian.
#
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# 1. As the admin of Dinas Sosial (Facebook, Instagram, X, TikTok; no
#    approval needed), offline with the demo regency: Ctrl+N, a title and a
#    text over X's 280 characters: X's counter reads "X: 300/280", the
#    problem is told and the Schedule button refuses with the reason beside
#    it; the text shortened, the counter follows and the button is free. A
#    misspelt word is pointed out. An image made by the test is attached
#    (its thumbnail named by its file), the previews of every platform are
#    switched to and saved as screenshots, the post is scheduled, found in
#    the calendar's agenda as scheduled, and still there after a restart.
# 2. With a real sigap-server and two desktops: the admin of Dinas
#    Kesehatan (its posts need approval) submits a post; the verifikator's
#    review queue shows it with its previews and returns it with a comment;
#    the admin is notified, sees the comment on the post, fixes it and
#    submits again; the verifikator approves it; the admin publishes it on
#    X with "Salin & Buka" (the text on the clipboard, the platform opened
#    in the browser) and the published address, and the server has the post
#    published with that address and the links its text shares.

import datetime
import os
import sqlite3
import subprocess
import time

import pyatspi

from sigaptest import (SHOTS, App, Workspace, click, click_with_mouse, dump, find, find_all,
                       key, ok, screenshot, wait_for)
from test_inbox import install_browser, read_opened, respond, sign_in, type_text
from test_reminders import Notifications
from test_report import pull, save_through_chooser
from test_shell import switch_to
from test_sync import Keyring, Server, field_text, window_named, window_shot

COMPOSER = "Postingan Baru"
EDITOR = "Ubah Postingan"
TITLE = "Layanan pengaduan sosial akhir pekan"
# 300 characters: over X's 280, well under the others' limits.
LONG_TEXT = ("Dinas Sosial membuka layanan pengaduan bantuan sosial pada akhir pekan ini "
             "di kantor kecamatan. Bawa kartu keluarga dan KTP asli. Petugas akan membantu "
             "memeriksa data penerima bantuan dan menjelaskan cara mengajukan sanggahan. "
             "Layanan buka pukul delapan pagi sampai dua belas siang, gratis bagi warga")
assert len(LONG_TEXT) == 300, len(LONG_TEXT)
SHORT_TEXT = ("Layanan pengaduan bantuan sosial buka Sabtu pukul 08.00 di kantor kecamatan. "
              "Bawa KK dan KTP asli. #DinsosMelayani")
MISSPELT = "pengadauan"
PLATFORMS = ["Facebook", "Instagram", "X", "TikTok"]


def make_image(path, width, height):
    """A PNG of the given size, drawn by ImageMagick."""
    subprocess.run(["convert", "-size", f"{width}x{height}", "gradient:#1c71d8-#26a269",
                    path], check=True)


def text_view(window, name):
    return find(window, f"the text field '{name}'", name=name, role="text")


def focus(field, title):
    """Gives @field the keyboard focus: through the accessibility tree, or
    with a click when it is not focused after that. A click alone can miss
    a field taller than the part of it scrolled into view."""
    try:
        field.queryComponent().grabFocus()
    except Exception:
        pass
    time.sleep(0.3)
    if not field.getState().contains(pyatspi.STATE_FOCUSED):
        click_with_mouse(field, title)
    # An entry row's text does not always say it is focused; it is, once
    # clicked in view.
    time.sleep(0.5)


def replace_text(window, title, field, text):
    focus(field, title)
    time.sleep(0.2)
    key("ctrl+a")
    key("BackSpace")
    type_text(text)


def post_row(db, title):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT id, status, body FROM post WHERE title = ?",
                           (title,)).fetchone()
    finally:
        con.close()


def compose_scenario():
    ws = Workspace()
    ws.seed_demo(user="dinsos", complaints=30, posts=300)
    image = os.path.join(ws.root, "poster-layanan.png")
    make_image(image, 1080, 1350)
    app = App(ws)
    try:
        win = app.window()
        key("ctrl+n")
        composer = wait_for(lambda: window_named(app, COMPOSER), "the composer")
        ok(True, "Ctrl+N opens the composer")
        for name in PLATFORMS:
            box = find(composer, f"the {name} check box", name=name, role="check box")
            ok(box.getState().contains(pyatspi.STATE_CHECKED),
               f"{name}, where the agency has an account, is chosen")

        title = find(composer, "the title field", name="Judul", role="text")
        click_with_mouse(title, COMPOSER)
        type_text(TITLE)
        body = text_view(composer, "Teks postingan")
        focus(body, COMPOSER)
        type_text(LONG_TEXT)

        counter = find(composer, "X's counter", name="X: 300/280", role="label")
        ok(True, "X's counter reads 'X: 300/280'")
        find(composer, "X's problem", name="Teks X terlalu panjang: 300 dari 280 karakter.",
             role="label", visible=False)
        ok(True, "the problem is told in Indonesian")
        schedule = find(composer, "the Schedule button", name="Jadwalkan", role="push button")
        ok(not schedule.getState().contains(pyatspi.STATE_SENSITIVE),
           "the Schedule button refuses a post over X's limit")
        reason = find(composer, "the reason beside the button",
                      contains="Belum bisa dijadwalkan: Teks X terlalu panjang", role="label")
        ok(True, f"the reason is beside the button: {reason.name!r}")
        window_shot(COMPOSER, "composer-x-terlalu-panjang")

        replace_text(composer, COMPOSER, body, SHORT_TEXT + " " + MISSPELT)
        expected = f"X: {len(SHORT_TEXT) + 1 + len(MISSPELT)}/280"
        find(composer, "X's counter after the fix", name=expected, role="label")
        ok(True, f"the counter follows the typing: {expected!r}")
        wait_for(lambda: find(composer, "the Schedule button", name="Jadwalkan",
                              role="push button").getState().contains(pyatspi.STATE_SENSITIVE),
                 "the Schedule button free again")
        ok(not find_all(composer, contains="Belum bisa dijadwalkan"),
           "no reason is left beside the button")

        # The text is saved within a second or two, before anything else.
        row = wait_for(lambda: (lambda r: r if r and MISSPELT in (r[2] or "") else None)(
            post_row(ws.db, TITLE)), "the text saved by itself", timeout=5)
        ok(row[1] == "draft", "the post is kept as a draft while it is written")

        # Spelling: the misspelt word is pointed out.
        find(composer, "the spelling note", contains=MISSPELT, role="label")
        ok(True, "the misspelt word is pointed out")
        replace_text(composer, COMPOSER, body, SHORT_TEXT)

        # A photo, with its thumbnail.
        click(find(composer, "the attach button", name="Lampirkan…", role="push button",
                   visible=False))
        save_through_chooser(app, "Lampirkan Foto atau Video", image)
        find(composer, "the photo's thumbnail", name="poster-layanan.png", role="image",
             timeout=30, visible=False)
        ok(True, "the photo is attached, with its thumbnail")
        # TikTok takes JPEG or WebP photos, not PNG: it cannot be scheduled there.
        reason = find(composer, "TikTok's refusal of the PNG",
                      contains="Belum bisa dijadwalkan", role="label")
        ok("TikTok" in reason.name and "poster-layanan.png" in reason.name,
           f"the photo's format is checked per platform: {reason.name!r}")
        # GTK 4.8 gives check boxes no accessible action: a click it is.
        click_with_mouse(find(composer, "the TikTok check box", name="TikTok",
                              role="check box"), COMPOSER)
        wait_for(lambda: not find_all(composer, contains="Belum bisa dijadwalkan"),
                 "the post free to be scheduled without TikTok")
        ok(True, "without TikTok the post may be scheduled")
        platforms = [p for p in PLATFORMS if p != "TikTok"]

        # Every platform's preview, saved for the README.
        for name in platforms:
            click(find(composer, f"the {name} preview button", name=name,
                       role="push button"))
            find(composer, f"the {name} preview", name=f"Pratinjau {name}")
            window_shot(COMPOSER, f"pratinjau-{name.lower()}")
        ok(True, "each platform's preview shows, and is saved as a screenshot")

        click(find(composer, "the Schedule button", name="Jadwalkan", role="push button"))
        wait_for(lambda: window_named(app, COMPOSER) is None, "the composer to close")
        ok(post_row(ws.db, TITLE)[1] == "scheduled", "the post is scheduled in the store")

        page = switch_to(win, "Kalender")
        click(find(page, "the Agenda view button", name="Agenda", role="push button"))
        item = find(page, "the post in the agenda", contains=TITLE, role="list item",
                    timeout=30)
        ok(item.name.endswith("terjadwal"), f"the agenda lists it as scheduled: {item.name!r}")
        ok(app.quit() == 0, "Sigap quits cleanly")

        app = App(ws)
        win = app.window()
        page = switch_to(win, "Kalender")
        item = find(page, "the post after a restart", contains=TITLE, role="list item",
                    timeout=30)
        ok("Facebook, Instagram, X, terjadwal" in item.name,
           f"after a restart it is still scheduled on its platforms: {item.name!r}")
        ok(app.quit() == 0, "Sigap quits cleanly")
    except SystemExit:
        dump(app.root)
        raise
    finally:
        app.quit()
        ws.cleanup()


REVIEW_TITLE = "Vaksinasi campak di posyandu"
REVIEW_TEXT = ("Vaksinasi campak gratis untuk balita di posyandu terdekat. "
               "Info: https://dinkes.example.go.id/vaksin #SehatBersama")
FIXED_TEXT = ("Vaksinasi campak gratis untuk balita di posyandu terdekat, Sabtu pukul 08.00. "
              "Info: https://dinkes.example.go.id/vaksin #SehatBersama")
RETURN_NOTE = "Cantumkan hari dan jam pelaksanaan vaksinasi."
PUBLISHED_URL = "https://x.com/dinkes_sukamaju/status/1865000000000000001"


def server_post(server, username, title):
    return next((p for p in pull(server, username, "post").values()
                 if p.get("title") == title), None)


def wait_server_status(server, title, status, what):
    return wait_for(lambda: (lambda p: p if p and p.get("status") == status else None)(
        server_post(server, "verifikator", title)), what, timeout=60)


def open_agency_post(app, win, title, status):
    """Opens the agency's post from the calendar's agenda once it shows
    @status there."""
    page = switch_to(win, "Kalender")
    click(find(page, "the Agenda view button", name="Agenda", role="push button"))
    item = wait_for(lambda: next((i for i in find_all(page, role="list item")
                                  if title in (i.name or "") and i.name.endswith(status)),
                                 None), f"the post as '{status}' in the agenda", timeout=60)
    click_with_mouse(item, "Sigap")
    key("Return")
    return wait_for(lambda: window_named(app, EDITOR), "the post's editor")


def submit(app, win, editor_title, window):
    try:
        button = find(window, "the submit button", name="Ajukan Persetujuan", role="push button")
    except SystemExit:
        dump(window)
        raise
    click(button)
    wait_for(lambda: window_named(app, editor_title) is None, "the composer to close")


def review(server, title, approve):
    """The verifikator's desktop: the post in the review queue, with its
    previews; approved, or returned with a note."""
    ws = Workspace()
    app = App(ws)
    try:
        win = sign_in(app, app.window(), server, "verifikator")
        page = switch_to(win, "Tinjauan")
        row = find(page, "the post in the review queue", contains=title, role="list item",
                   timeout=40)
        ok(True, f"the review queue lists the post: {row.name!r}")
        click_with_mouse(row, "Sigap")
        find(page, "X's preview", name="Pratinjau X", visible=False)
        find(page, "Instagram's preview", name="Pratinjau Instagram", visible=False)
        ok(True, "the queue shows the post's previews")
        if approve:
            screenshot("tinjauan")
            click(find(page, "the approve button", name="Setujui", role="push button"))
            wait_server_status(server, title, "scheduled", "the approved post on the server")
            ok(True, "the verifikator approves it: scheduled on the server")
        else:
            click(find(page, "the return button", name="Kembalikan…", role="push button"))
            dialog = wait_for(lambda: window_named(app, "Kembalikan Postingan?"),
                              "the return dialog")
            field = find(dialog, "the note field", name="Catatan untuk perangkat daerah",
                         role="text")
            click_with_mouse(field, "Kembalikan Postingan?")
            type_text(RETURN_NOTE)
            respond(app, dialog, "Kembalikan Postingan?", "Kembalikan")
            post = wait_server_status(server, title, "draft", "the returned post on the server")
            ok(post.get("review_note") == RETURN_NOTE,
               "the verifikator returns it with a note: a draft with the note on the server")
        ok(app.quit() == 0, "Sigap quits cleanly")
    except SystemExit:
        dump(app.root)
        raise
    finally:
        app.quit()
        ws.cleanup()


def explain(ws, title):
    """What the desktop has of the post and still has to send, for a
    failed run."""
    try:
        db = sqlite3.connect(ws.db)
        for row in db.execute("SELECT id, status, version, review_note FROM post WHERE title = ?",
                              (title,)):
            print(f"# desktop post: {row}", flush=True)
        for row in db.execute("SELECT entity, op, base_version, fields, payload FROM outbox"):
            print(f"# outbox: {row}", flush=True)
        for row in db.execute("SELECT r.version, r.kind, r.fields FROM post_revision r "
                              "JOIN post p ON p.id = r.post_id WHERE p.title = ?", (title,)):
            print(f"# revision: {row}", flush=True)
        for row in db.execute("SELECT key, value FROM meta WHERE key LIKE '%sync%'"):
            print(f"# meta: {row}", flush=True)
    except Exception as e:
        print(f"# cannot explain: {e!r}", flush=True)


def approval_scenario():
    root = Workspace()
    server = Server(root)
    server.start()
    keyring = Keyring(root)
    admin = Workspace()
    opened = install_browser(admin)
    notifications = Notifications(admin.env)
    app = App(admin)
    try:
        # The admin of Dinas Kesehatan, whose posts need approval.
        win = sign_in(app, app.window(), server, "dinkes")
        key("ctrl+n")
        composer = wait_for(lambda: window_named(app, COMPOSER), "the composer")
        click_with_mouse(find(composer, "the title field", name="Judul", role="text"), COMPOSER)
        type_text(REVIEW_TITLE)
        focus(text_view(composer, "Teks postingan"), COMPOSER)
        type_text(REVIEW_TEXT)
        ok(not find_all(composer, name="Jadwalkan", role="push button"),
           "an agency whose posts need approval cannot schedule them itself")
        submit(app, win, COMPOSER, composer)
        wait_server_status(server, REVIEW_TITLE, "review", "the submitted post on the server")
        ok(True, "the post is submitted for approval and synced")
        ok(app.quit() == 0, "Sigap quits cleanly")

        review(server, REVIEW_TITLE, approve=False)

        app = App(admin)
        win = app.window()
        told = wait_for(lambda: [n for n in notifications.received
                                 if REVIEW_TITLE in n["summary"]],
                        "the notification of the returned post", timeout=90)
        ok(told[0]["body"] == RETURN_NOTE,
           f"the author is notified with the note: {told[0]['summary']!r}")
        editor = open_agency_post(app, win, REVIEW_TITLE, "draf")
        find(editor, "the note on the post", contains=RETURN_NOTE, role="label")
        ok(True, "the post shows the verifikator's note")
        window_shot(EDITOR, "postingan-dikembalikan")
        replace_text(editor, EDITOR, text_view(editor, "Teks postingan"), FIXED_TEXT)
        submit(app, win, EDITOR, editor)
        wait_server_status(server, REVIEW_TITLE, "review", "the fixed post on the server")
        ok(True, "the fixed post is submitted again")
        ok(app.quit() == 0, "Sigap quits cleanly")

        review(server, REVIEW_TITLE, approve=True)

        # Published by hand on X: its text copied, X opened, the address pasted.
        app = App(admin)
        win = app.window()
        editor = open_agency_post(app, win, REVIEW_TITLE, "terjadwal")
        click(find(editor, "X's Copy & Open button", name="Salin & Buka X", role="push button",
                   visible=False))
        wait_for(lambda: [u for u in read_opened(opened) if "x.com" in u or "twitter" in u],
                 "X opened in the browser")
        ok(True, f"'Salin & Buka' opens X in the browser: {read_opened(opened)}")
        field = find(editor, "X's address field", name="Alamat Postingan X", role="text",
                     visible=False)
        focus(field, EDITOR)
        type_text(PUBLISHED_URL)
        key("Return")
        post = wait_for(lambda: (lambda p: p if p and any(
            v.get("published_url") == PUBLISHED_URL for v in p.get("variants", [])) else None)(
                server_post(server, "verifikator", REVIEW_TITLE)),
            "the published address on the server", timeout=60)
        x = next(v for v in post["variants"] if v["platform"] == "x")
        ok(x.get("links") == "https://dinkes.example.go.id/vaksin",
           f"the server has X published with the links its text shares: {x.get('links')!r}")
        window_shot(EDITOR, "terbitkan")
        click(find(editor, "the close button", name="Tutup", role="push button"))
        wait_for(lambda: window_named(app, EDITOR) is None, "the editor to close")
        ok(app.quit() == 0, "Sigap quits cleanly")
    except SystemExit:
        explain(admin, REVIEW_TITLE)
        dump(app.root)
        raise
    finally:
        app.quit()
        notifications.stop()
        server.stop()
        keyring.stop()
        admin.cleanup()
        root.cleanup()


def main():
    print("TAP version 13", flush=True)
    compose_scenario()
    approval_scenario()
    print(f"1..{__import__('sigaptest')._passed}", flush=True)


if __name__ == "__main__":
    main()
