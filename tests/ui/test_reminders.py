#!/usr/bin/python3
# tests/ui/test_reminders.py — a desktop notification when a post is due.
#
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# With the demo regency as Dinas Kesehatan and a notification server on the
# session bus (fake_notifications.py, standing in for GNOME Shell's): a
# scheduled post that fell due five minutes before Sigap started is told
# once at start-up, one due a few seconds after start-up is told when it
# is due, a cancelled post and a draft never are; clicking "Buka" on the
# reminder opens the post for editing.

import datetime
import json
import os
import sqlite3
import subprocess
import threading
import time
import uuid
import zoneinfo

import sigaptest
from sigaptest import App, Workspace, find, ok, screenshot, wait_for

HERE = os.path.dirname(os.path.abspath(__file__))

MISSED = "Pengingat imunisasi yang terlewat"
DUE_SOON = "Pengingat jadwal posyandu"
CANCELLED = "Pengingat yang dibatalkan"
DRAFT = "Pengingat yang masih draf"
EDIT_TITLE = "Ubah Postingan"
SUMMARY = "Postingan terjadwal sekarang"


class Notifications:
    """The fake notification server, and what it received."""

    def __init__(self, env):
        self.received = []
        self.proc = subprocess.Popen(["/usr/bin/python3", os.path.join(HERE, "fake_notifications.py")],
                                     env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True)
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        ok(self.ready.wait(10), "a notification server owns org.freedesktop.Notifications")

    def _read(self):
        for line in self.proc.stdout:
            record = json.loads(line)
            if record.get("ready"):
                self.ready.set()
            elif "id" in record:
                self.received.append(record)

    def about(self, title):
        return [n for n in self.received if n["body"].startswith(title + "\n")]

    def invoke(self, nid, action):
        self.proc.stdin.write(f"invoke {nid} {action}\n")
        self.proc.stdin.flush()

    def stop(self):
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def schedule(db, username, now):
    """Clears the hour around now of the agency's scheduled posts, then adds
    the four posts of the scenario. Returns their IDs by title."""
    con = sqlite3.connect(db)
    try:
        opd_id, author_id = con.execute(
            "SELECT opd_id, id FROM app_user WHERE username = ?", (username,)).fetchone()
        con.execute("UPDATE post SET status = 'published' WHERE opd_id = ? AND "
                    "status = 'scheduled' AND scheduled_at BETWEEN ? AND ?",
                    (opd_id, now - 3600, now + 3600))
        ids = {}
        for title, status, at in ((MISSED, "scheduled", now - 5 * 60),
                                  (DUE_SOON, "scheduled", now + 15),
                                  (CANCELLED, "cancelled", now - 2 * 60),
                                  (DRAFT, "draft", now + 16)):
            post_id = str(uuid.uuid4())
            con.execute("INSERT INTO post (id, opd_id, title, body, category, status, "
                        "scheduled_at, author_id, created_at, version, updated_at) "
                        "VALUES (?, ?, ?, ?, 'public-service', ?, ?, ?, ?, 1, ?)",
                        (post_id, opd_id, title, "Isi " + title.lower() + ".", status, at,
                         author_id, now - 86400, now - 86400))
            for platform in ("facebook", "instagram"):
                con.execute("INSERT INTO post_variant (post_id, platform) VALUES (?, ?)",
                            (post_id, platform))
            ids[title] = post_id
        con.commit()
        return ids
    finally:
        con.close()


def reminders_scenario():
    ws = Workspace()
    ws.seed_demo(complaints=20, posts=200)
    now = int(time.time())
    ids = schedule(ws.db, "dinkes", now)

    notifications = Notifications(ws.env)
    app = None
    try:
        app = App(ws)
        app.window()

        missed = wait_for(lambda: notifications.about(MISSED),
                          "the reminder of the post missed while Sigap was closed")
        ok(len(missed) == 1, "a post due five minutes before start-up is told once")
        first = missed[0]
        ok(first["summary"] == SUMMARY, f"the reminder says {first['summary']!r}")
        ok("Facebook, Instagram" in first["body"] and first["body"].endswith(" WIB"),
           f"with the platforms and the time in WIB: {first['body']!r}")
        buttons = {key: label for key, label in first["actions"].items() if key != "default"}
        ok("default" in first["actions"] and list(buttons.values()) == ["Buka"] and
           ids[MISSED] in next(iter(buttons)),
           f"and a button 'Buka' that opens the post: {buttons!r}")

        wib = zoneinfo.ZoneInfo("Asia/Jakarta")
        deadline = datetime.datetime.fromtimestamp(now + 15, wib).strftime("%H.%M")
        due = wait_for(lambda: notifications.about(DUE_SOON),
                       "the reminder of the post due after start-up", timeout=40)
        ok(len(due) == 1 and deadline in due[0]["body"],
           f"a post due while Sigap runs is told when due: {due[0]['body']!r}")

        time.sleep(3)
        ok(not notifications.about(CANCELLED), "a cancelled post is never told")
        ok(not notifications.about(DRAFT), "a draft is never told")
        ok(len(notifications.about(MISSED)) == 1 and len(notifications.about(DUE_SOON)) == 1,
           "no reminder comes twice")

        button = next(key for key in due[0]["actions"] if key != "default")
        notifications.invoke(due[0]["id"], button)
        editor = wait_for(lambda: next((w for w in app.root if w.name == EDIT_TITLE), None),
                          "the post's editor")
        ok(True, "'Buka' on the reminder opens the post for editing")
        field = find(editor, "the title field", name="Judul", role="text")
        text = field.queryText()
        title = wait_for(lambda: text.getText(0, text.characterCount), "the title")
        ok(title == DUE_SOON, f"the editor shows the post: {title!r}")
        screenshot("pengingat")
    finally:
        if app is not None:
            app.quit()
        notifications.stop()
        ws.cleanup()


def main():
    print("TAP version 13", flush=True)
    reminders_scenario()
    print(f"1..{sigaptest._passed}", flush=True)


if __name__ == "__main__":
    main()
