#!/usr/bin/python3
# tests/ui/test_sync.py — signing in to the regency's server and syncing, in Indonesian.
#
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts a real sigap-server with the demo regency and Sigap on an empty
# database; signs in through the sign-in window (a wrong password first),
# sees the agency's data arrive, writes a post while the server is down,
# and sends it when the server is back. Checks on the server that the post
# arrived. Saves screenshots of the sign-in window and the synced window.

import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
import uuid

from sigaptest import (SERVER, SHOTS, App, Workspace, click, click_with_mouse, dump, find,
                       find_all, ok, screenshot, wait_for)
from test_shell import show_agenda, switch_to, write_draft

DEMO_PASSWORD = "sigap-demo"
POST_TITLE = "Jadwal vaksinasi keliling pekan depan"
DESKTOP_TITLE = "Jadwal vaksinasi keliling: Senin di Puskesmas Kota"
SERVER_TITLE = "Jadwal vaksinasi keliling: Selasa di Balai Desa"


class Server:
    """sigap-server serving a demo regency on loopback."""

    def __init__(self, workspace):
        self.db = os.path.join(workspace.root, "server", "sigap-server.db")
        self.env = dict(workspace.env, LANG="C.UTF-8", LC_ALL="C.UTF-8", LANGUAGE="")
        os.makedirs(os.path.dirname(self.db))
        subprocess.run([SERVER, "seed-demo", "--db", self.db, "--seed", "2025",
                        "--complaints", "200", "--posts", "300"],
                       check=True, env=self.env, stdout=subprocess.DEVNULL)
        self.proc = None
        self.url = None

    def start(self, listen="127.0.0.1:0"):
        self.proc = subprocess.Popen([SERVER, "serve", "--db", self.db, "--listen", listen],
                                     env=self.env, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"(https?://[0-9.]+:\d+)", line)
        ok(m is not None, f"sigap-server listens: {line.strip()!r}")
        self.url = m.group(1)

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=10)
        self.proc = None

    def request(self, method, path, body=None, token=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if token is not None:
            req.add_header("Authorization", "Bearer " + token)
        with urllib.request.urlopen(req, timeout=10) as answer:
            text = answer.read()
        return json.loads(text) if text else None

    def signed_in(self, token):
        try:
            self.request("GET", "/api/v1/me", token=token)
            return True
        except urllib.error.HTTPError as error:
            if error.code == 401:
                return False
            raise

    def posts(self, username):
        """The posts @username sees on the server, by title."""
        token = self.request("POST", "/api/v1/auth/login",
                             {"username": username, "password": DEMO_PASSWORD})["token"]
        posts = {}
        cursor = "0"
        while True:
            page = self.request("GET", f"/api/v1/sync/pull?since={cursor}&limit=1000",
                                token=token)
            for change in page["changes"]:
                if change["entity"] == "post" and change["op"] == "upsert":
                    posts[change["record"].get("title")] = change["record"]
            cursor = page["cursor"]
            if not page["has_more"]:
                break
        self.request("POST", "/api/v1/auth/logout", token=token)
        return posts

    def post_titles(self, username):
        return set(self.posts(username))

    def retitle(self, username, title, new_title):
        """Another admin of the agency renames a post, as their desktop would."""
        record = self.posts(username)[title]
        token = self.request("POST", "/api/v1/auth/login",
                             {"username": username, "password": DEMO_PASSWORD})["token"]
        answer = self.request("POST", "/api/v1/sync/push", {"mutations": [{
            "id": str(uuid.uuid4()), "entity": "post", "op": "upsert",
            "base_version": record["version"], "fields": ["title"],
            "record": {"id": record["id"], "title": new_title}}]}, token=token)
        self.request("POST", "/api/v1/auth/logout", token=token)
        return answer["results"][0]["status"]


class Keyring:
    """A session keyring, so that the token goes where it goes on a desktop.

    A keyring with a default collection (a desktop's) is used as it is. A bare one,
    started on the test's own session bus by D-Bus activation, is replaced
    with one whose login collection is unlocked with a throw-away password,
    so that nothing prompts. Without gnome-keyring, or without GObject
    introspection for libsecret to look inside, Sigap keeps the token in
    memory and the scenario checks that instead."""

    SCHEMA = "io.github.sigap.Sigap.Token"

    def __init__(self, workspace):
        self.proc = None
        self.secret = None
        try:
            import gi
            gi.require_version("Secret", "1")
            from gi.repository import Secret
            self.secret = Secret
        except (ImportError, ValueError):
            pass
        if self._running() and self._has_default():
            return
        env = dict(workspace.env, HOME=workspace.root)
        args = ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"]
        if self._running():
            args.append("--replace")
        try:
            self.proc = subprocess.Popen(args, env=env, stdin=subprocess.PIPE,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except FileNotFoundError:
            return
        self.proc.stdin.write(b"sigap-test")
        self.proc.stdin.close()
        # Asking libsecret before the daemon owns the name would start
        # another daemon by D-Bus activation, one that prompts. Until the
        # daemon has made its default collection, libsecret fails as Sigap
        # stores a token there: on a busy machine that takes a while.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not self._running():
            time.sleep(0.1)
        while time.monotonic() < deadline and not self._has_default():
            time.sleep(0.2)

    @staticmethod
    def _running():
        out = subprocess.run(["dbus-send", "--session", "--print-reply",
                              "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                              "org.freedesktop.DBus.NameHasOwner",
                              "string:org.freedesktop.secrets"],
                             capture_output=True, text=True).stdout
        return "boolean true" in out

    def _has_default(self):
        """Whether the keyring has a default collection to store in."""
        if self.secret is None:
            return False
        try:
            self.secret.Service.disconnect()
            service = self.secret.Service.get_sync(self.secret.ServiceFlags.NONE, None)
            return self.secret.Collection.for_alias_sync(
                service, "default", self.secret.CollectionFlags.NONE, None) is not None
        except Exception:
            return False

    def lookup(self, server, username):
        """The token Sigap stored, or None."""
        if self.secret is None:
            return None
        schema = self.secret.Schema.new(self.SCHEMA, self.secret.SchemaFlags.NONE, {
            "server": self.secret.SchemaAttributeType.STRING,
            "username": self.secret.SchemaAttributeType.STRING,
        })
        try:
            return self.secret.password_lookup_sync(schema, {"server": server,
                                                             "username": username}, None)
        except Exception:
            return None

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def window_named(app, title):
    # A window that is closing can still be counted while its entry is
    # already gone: the bus then answers None for it.
    return next((w for w in app.root if w is not None and w.name == title), None)


def window_shot(title, name):
    """A screenshot of a window other than the main one."""
    os.makedirs(SHOTS, exist_ok=True)
    path = os.path.join(SHOTS, name + ".png")
    time.sleep(0.5)
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                          f"^{re.escape(title)}$"],
                         capture_output=True, text=True).stdout.split()
    subprocess.run(["import", "-window", ids[-1] if ids else "root", path], check=True)
    return path


def indicator(win, text):
    """The sync indicator's label when it reads @text."""
    return find(win, f"the sync indicator reading {text!r}", name=text, role="label")


def open_indicator(win, text):
    """Opens the indicator's popover by clicking the indicator. The popover
    may reach past the window's edge, so what is in it is looked for with
    visible=False."""
    label = indicator(win, text)
    click_with_mouse(label, "Sigap")


def open_menu_item(app, win, name):
    """The primary menu's item @name, after opening the menu. A click right
    after the window settles can go missing under Xvfb; try again."""
    for _ in range(3):
        menu = find(win, "the main menu", name="Menu Utama", role="push button")
        click_with_mouse(menu, "Sigap")
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            items = find_all(app.root, name=name, role="menu item", visible=False)
            if items:
                return items[0]
            time.sleep(0.2)
    ok(False, f"the menu item {name!r}")


def field_text(node):
    """A field's text; GTK 4.8 answers getText (0, -1) with nothing."""
    text = node.queryText()
    return text.getText(0, text.characterCount)


def type_into(dialog, field, text, window_title):
    entry = find(dialog, f"the field '{field}'", name=field, role="text")
    click_with_mouse(entry, window_title)
    time.sleep(0.2)
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+a", "BackSpace"], check=True)
    subprocess.run(["xdotool", "type", "--delay", "15", text], check=True)


def conflict_scenario(app, win, server):
    """Another admin renames the post on the server while this desktop
    renames it too: the desktop shows both titles, the user keeps theirs,
    and it reaches the server."""
    ok(server.retitle("dinkes", POST_TITLE, SERVER_TITLE) == "applied",
       "another admin renames the post on the server")

    # Enter on the post in the agenda opens it for editing.
    page = switch_to(win, "Kalender")
    show_agenda(page)
    row = find(page, "the post in the agenda", contains=POST_TITLE, role="list item")
    click_with_mouse(row, "Sigap")
    subprocess.run(["xdotool", "key", "Return"], check=True)
    editor = wait_for(lambda: window_named(app, "Ubah Postingan"), "the Edit Post window")
    ok(True, "Enter on a post in the agenda opens it in the Edit Post window")
    type_into(editor, "Judul", DESKTOP_TITLE, "Ubah Postingan")
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+s"], check=True)
    wait_for(lambda: window_named(app, "Ubah Postingan") is None, "the editor to close")
    find(page, "the renamed post in the agenda", contains=DESKTOP_TITLE, role="list item",
         visible=False)
    ok(True, "the renamed post is in the agenda")

    # The push meets the server's title: the bar asks which to keep.
    bar = find(win, "the conflict bar", contains="diubah di server", role="label", timeout=30)
    ok("1 postingan" in bar.name, f"the bar counts one post: {bar.name!r}")
    screenshot("konflik")
    click(find(win, "the Review button", name="Tinjau", role="push button"))
    dialog = wait_for(lambda: window_named(app, "Perubahan yang Bentrok"),
                      "the conflict window")
    find(dialog, "the desktop's title", name=DESKTOP_TITLE, role="label")
    find(dialog, "the server's title", name=SERVER_TITLE, role="label")
    ok(True, "the conflict window shows both titles side by side")
    result = find(dialog, "the result field", name="Hasil: Judul", role="text")
    ok(field_text(result) == SERVER_TITLE, "the result starts as the server's title")
    window_shot("Perubahan yang Bentrok", "konflik-pilih")

    # Take the desktop's version, and keep it.
    click(find(dialog, "the Take All of Mine button", name="Ambil Semua Versi Saya",
               role="push button"))
    wait_for(lambda: field_text(result) == DESKTOP_TITLE, "the desktop's title in the result",
             timeout=5)
    ok(True, "taking mine puts the desktop's title in the result")
    click(find(dialog, "the Keep Result button", name="Simpan Hasil", role="push button"))
    wait_for(lambda: window_named(app, "Perubahan yang Bentrok") is None,
             "the conflict window to close")
    wait_for(lambda: not find_all(win, contains="diubah di server", role="label"),
             "the conflict bar to go")
    ok(True, "keeping a version closes the conflict and the bar")
    wait_for(lambda: DESKTOP_TITLE in server.post_titles("dinkes"),
             "the kept title to reach the server", timeout=30)
    ok(SERVER_TITLE not in server.post_titles("dinkes"),
       "the server now has the kept title, and only it")
    indicator(win, "Tersinkron")
    ok(True, "the indicator reads Tersinkron after the conflict is resolved")


def sync_scenario():
    ws = Workspace()
    server = Server(ws)
    server.start()
    keyring = Keyring(ws)
    app = App(ws)
    try:
        win = app.window()
        indicator(win, "Luring")
        ok(True, "on an empty database Sigap works offline and says so")
        ok(not find_all(win, name="Dinas Kesehatan"), "no agency is shown before signing in")

        # The indicator offers signing in.
        open_indicator(win, "Luring")
        click(find(win, "the popover's sign-in button", name="Masuk…", role="push button",
                   visible=False))
        dialog = wait_for(lambda: window_named(app, "Masuk"), "the sign-in window")
        ok(True, "the indicator opens the sign-in window")
        server_field = find(dialog, "the server field", name="Alamat Server", role="text")
        ok(field_text(server_field) == "http://127.0.0.1:8080",
           "the server address defaults to http://127.0.0.1:8080")

        # A wrong password: a sentence in Indonesian, and nothing typed is lost.
        type_into(dialog, "Alamat Server", server.url, "Masuk")
        type_into(dialog, "Nama Pengguna", "dinkes", "Masuk")
        type_into(dialog, "Kata Sandi", "salah-sekali", "Masuk")
        window_shot("Masuk", "masuk")
        click(find(dialog, "the Sign In button", name="Masuk", role="push button"))
        msg = find(dialog, "the wrong-password message", contains="kata sandi salah")
        ok(True, f"a wrong password is explained in Indonesian: {msg.name!r}")
        ok(field_text(find(dialog, "the server field", name="Alamat Server", role="text"))
           == server.url, "the server address typed is kept")
        ok(field_text(find(dialog, "the username field", name="Nama Pengguna", role="text"))
           == "dinkes", "the username typed is kept")

        # The right password: the window closes after the first sync.
        type_into(dialog, "Kata Sandi", DEMO_PASSWORD, "Masuk")
        subprocess.run(["xdotool", "key", "Return"], check=True)
        wait_for(lambda: window_named(app, "Masuk") is None, "the sign-in window to close",
                 timeout=30)
        ok(True, "signing in closes the window after the first sync")
        indicator(win, "Tersinkron")
        ok(True, "the indicator reads Tersinkron")
        find(win, "the signed-in agency", name="Dinas Kesehatan")
        ok(True, "the header shows Dinas Kesehatan, pulled from the server")
        page = switch_to(win, "Aduan")
        row = find(page, "a complaint row", contains="ADU-", role="list item")
        ok(True, f"the server's complaints are listed: {row.name!r}")
        screenshot("tersinkron")
        in_keyring = keyring.lookup(server.url, "dinkes") is not None
        print("# the token is " + ("in the keyring" if in_keyring else
                                   "kept in memory: there is no usable keyring"), flush=True)

        # The server goes away; a post written now stays on this computer.
        port = server.url.rsplit(":", 1)[1]
        server.stop()
        write_draft(app, win, POST_TITLE)
        indicator(win, "Luring")
        ok(True, "after a change with the server down, the indicator reads Luring")
        page = switch_to(win, "Kalender")
        show_agenda(page)
        find(page, "the new post in the agenda", contains=POST_TITLE, role="list item",
             visible=False)
        ok(True, "the post is in the local agenda")
        open_indicator(win, "Luring")
        reason = find(win, "the reason in the popover", contains="tidak dapat dihubungi",
                      visible=False)
        ok(True, f"the popover says why: {reason.name!r}")
        subprocess.run(["xdotool", "key", "Escape"], check=True)

        # The server is back on the same port: Coba Lagi sends the post.
        server.start(f"127.0.0.1:{port}")
        open_indicator(win, "Luring")
        click(find(win, "the Try Again button", name="Coba Lagi", role="push button",
                   visible=False))
        indicator(win, "Tersinkron")
        ok(True, "trying again syncs: the indicator reads Tersinkron")
        ok(POST_TITLE in server.post_titles("dinkes"), "the post written offline is on the server")

        conflict_scenario(app, win, server)
        ok(app.quit() == 0, "Sigap quits cleanly")

        # A restart finds the sign-in in the keyring, or works offline
        # with the local data when there is no keyring.
        app = App(ws)
        win = app.window()
        if in_keyring:
            indicator(win, "Tersinkron")
            ok(True, "after a restart Sigap signs in with the keyring's token and syncs")
        else:
            indicator(win, "Luring")
            ok(True, "after a restart without a keyring Sigap works offline")
        find(win, "the agency after a restart", name="Dinas Kesehatan")
        ok(True, "the agency's data is there after a restart")

        # Signing out keeps the data on this computer.
        if in_keyring:
            token = keyring.lookup(server.url, "dinkes")
            ok(server.signed_in(token), "the stored token works on the server")
            click(open_menu_item(app, win, "Keluar dari Akun"))
            indicator(win, "Luring")
            ok(True, "signing out switches the indicator to Luring")
            wait_for(lambda: keyring.lookup(server.url, "dinkes") is None,
                     "the token to leave the keyring")
            ok(True, "signing out removes the token from the keyring")
            wait_for(lambda: not server.signed_in(token), "the server to revoke the token")
            ok(True, "signing out revokes the token on the server")
            find(win, "the agency after signing out", name="Dinas Kesehatan")
            ok(True, "the local data stays after signing out")
        ok(app.quit() == 0, "Sigap quits cleanly")
    except SystemExit:
        dump(app.root)
        raise
    finally:
        app.quit()
        server.stop()
        keyring.stop()
        ws.cleanup()


def main():
    print("TAP version 13", flush=True)
    sync_scenario()
    print(f"1..{__import__('sigaptest')._passed}", flush=True)


if __name__ == "__main__":
    main()
