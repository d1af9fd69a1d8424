# tests/ui/sigaptest.py — drive the real Sigap through its accessibility tree.
#
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi) under a display, a
# session bus and the accessibility bus (build-aux/with-display).

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

BUILD = os.environ["SIGAP_BUILDDIR"]
SIGAP = os.path.join(BUILD, "src/app/sigap")
SERVER = os.path.join(BUILD, "src/server/sigap-server")
SHOTS = os.path.join(BUILD, "tests/ui/screenshots")

_passed = 0


def ok(cond, what):
    """A TAP line; a failed check stops the scenario."""
    global _passed
    _passed += 1
    if cond:
        print(f"ok {_passed} - {what}", flush=True)
    else:
        print(f"not ok {_passed} - {what}", flush=True)
        raise SystemExit(1)


def wait_for(predicate, what, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:  # the tree changes under us while it is read
            value = None
        if value:
            return value
        time.sleep(0.2)
    ok(False, f"timed out waiting for {what}")


class Workspace:
    """A throw-away HOME for one scenario: XDG folders, settings kept in a
    keyfile so that they survive a restart, and a demo database."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="sigap-ui-")
        self.db = os.path.join(self.root, "data", "sigap", "sigap.db")
        self.env = dict(os.environ)
        self.env.update({
            "XDG_DATA_HOME": os.path.join(self.root, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.root, "config"),
            "XDG_CACHE_HOME": os.path.join(self.root, "cache"),
            "GSETTINGS_SCHEMA_DIR": os.path.join(BUILD, "data"),
            "GSETTINGS_BACKEND": "keyfile",
            "LANG": "id_ID.UTF-8",
            "LANGUAGE": "id",
            "LC_ALL": "id_ID.UTF-8",
            "SIGAP_LOCALEDIR": os.path.join(BUILD, "po"),
            "GDK_BACKEND": "x11",
            "GTK_A11Y": "atspi",
        })
        self.env.pop("NO_AT_BRIDGE", None)
        # The window buttons of a GNOME session (and of a phone): close only.
        gtk_dir = os.path.join(self.root, "config", "gtk-4.0")
        os.makedirs(gtk_dir)
        with open(os.path.join(gtk_dir, "settings.ini"), "w") as f:
            f.write("[Settings]\ngtk-decoration-layout=appmenu:close\n")

    def seed_demo(self, user="dinkes", seed=2025, complaints=800, posts=1500):
        os.makedirs(os.path.dirname(self.db), exist_ok=True)
        subprocess.run([SERVER, "seed-demo", "--db", self.db, "--seed", str(seed),
                        "--complaints", str(complaints), "--posts", str(posts),
                        "--user", user], check=True, env=self.env,
                       stdout=subprocess.DEVNULL)

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)


class App:
    def __init__(self, workspace, *args):
        self.workspace = workspace
        self.args = args
        self._start()

    def _start(self):
        self.proc = subprocess.Popen([SIGAP, *self.args], env=self.workspace.env)
        try:
            self.root = wait_for(self._find, "Sigap on the accessibility bus")
        except SystemExit:
            self._explain()
            raise

    def restart_after_crash(self):
        """Starts Sigap again after it ended on its own. GTK 4.8's
        accessibility bridge can end the application when a window it
        queued before registering with the accessibility bus is gone by
        the time the bus answers (a GLib critical, g_variant_new_object_path
        with no path, then a crash); a busy machine makes that likelier.
        The scenario goes on with what Sigap had saved."""
        print(f"# Sigap ended (status {self.proc.returncode}) inside GTK; starting it again",
              flush=True)
        self._start()
        return self.window()

    def _explain(self):
        """What the accessibility bus has instead, for a failed start."""
        try:
            apps = [(a.name, a.get_process_id(), a.childCount)
                    for a in pyatspi.Registry.getDesktop(0) if a is not None]
        except Exception as e:
            apps = repr(e)
        print(f"# sigap pid {self.proc.pid}, running: {self.proc.poll() is None}; "
              f"applications on the bus: {apps}", flush=True)

    def _find(self):
        # A Sigap that ended will never show up: say so, and how it ended.
        if self.proc.poll() is not None:
            ok(False, f"Sigap ended before it showed, with exit status {self.proc.returncode}")
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is None:
                continue
            try:
                pid = app.get_process_id()
            except Exception:
                continue
            if pid == self.proc.pid and app.childCount > 0:
                return app
        return None

    def window(self):
        return wait_for(lambda: self.root[0], "the main window")

    def quit(self):
        if self.proc.poll() is None:
            subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+q"])
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.terminate()
                self.proc.wait(timeout=10)
        return self.proc.returncode


def walk(node, depth=0, max_depth=60):
    if node is None or depth > max_depth:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, max_depth)


def showing(node):
    """On screen: GTK 4.8 sets no SHOWING state below the window, so a
    node shows when it has a size and lies inside its window; widgets of
    hidden pages have no size, rows scrolled away lie outside."""
    try:
        ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return False
    if ext.width <= 0 or ext.height <= 0:
        return False
    width, height = _window_size(node)
    return ext.x + ext.width > 0 and ext.y + ext.height > 0 and ext.x < width and ext.y < height


def _window_size(node):
    try:
        while node.getRoleName() != "frame":
            node = node.parent
        ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return ext.width, ext.height
    except Exception:
        return 1 << 16, 1 << 16


def find_all(root, name=None, role=None, contains=None, visible=True):
    found = []
    for node in walk(root):
        try:
            n = node.name or ""
            r = node.getRoleName()
        except Exception:
            continue
        if name is not None and n != name:
            continue
        if contains is not None and contains not in n:
            continue
        if role is not None and r != role:
            continue
        if visible and not showing(node):
            continue
        found.append(node)
    return found


def find(root, what, timeout=20.0, **kw):
    return wait_for(lambda: (find_all(root, **kw) or [None])[0], what, timeout=timeout)


def texts(root, role="label"):
    return [n.name for n in find_all(root, role=role) if n.name]


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate", "toggle"):
            action.doAction(i)
            return
    action.doAction(0)


def click_with_mouse(node, window_title):
    """A real pointer click in the middle of a node, for what AT-SPI cannot
    do in GTK 4.8 (focusing a text field)."""
    x, y = screen_point(node, title=window_title)
    move_pointer(x, y)
    subprocess.run(["xdotool", "click", "1"], check=True)


def move_pointer(x, y):
    """Moves the pointer and waits until it has moved. xdotool's --sync
    waits for a motion, forever when the pointer is already there: it
    steps aside first, and the window sees the pointer come in, as a
    hand's pointer would."""
    out = subprocess.run(["xdotool", "getmouselocation", "--shell"],
                         capture_output=True, text=True).stdout
    where = dict(line.split("=", 1) for line in out.split())
    if (where.get("X"), where.get("Y")) == (str(x), str(y)):
        subprocess.run(["xdotool", "mousemove", "--sync", str(x + 1), str(y + 1)], check=True)
    subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y)], check=True)


def key(*keys):
    """Keys pressed as a person would, to the window that has the focus."""
    subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], check=True)


def _geometry(window_id):
    out = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window_id],
                         capture_output=True, text=True).stdout
    return {k: int(v) for k, v in (line.split("=", 1) for line in out.split())
            if k in ("X", "Y", "WIDTH", "HEIGHT")}


def window_geometry(title):
    """The X window titled @title: position and size. A tooltip or a
    popover of the window can have its title too; the window is the
    largest."""
    # xdotool reads the name as a regular expression: "?" in a title is
    # meant as itself.
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                          f"^{re.escape(title)}$"],
                         capture_output=True, text=True).stdout.split()
    found = [(_geometry(i), i) for i in ids]
    found = [(g, i) for g, i in found if "WIDTH" in g]
    if not found:
        return None, None
    geometry, window_id = max(found, key=lambda f: f[0]["WIDTH"] * f[0]["HEIGHT"])
    return geometry, window_id


def screen_point(node, fx=0.5, fy=0.5, title=None):
    """Where on the screen a point of @node is, @fx and @fy of its width
    and height in. GTK 4.8 gives AT-SPI extents relative to the window
    (screen coordinates are not supported on X11), and without a window
    manager the X window holds the window's solid frame around it: the
    origin comes from xdotool, the frame is the difference in size."""
    frame = node
    while frame.parent is not None and frame.parent.getRoleName() != "application":
        frame = frame.parent
    outer = frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pos, _ = window_geometry(title or frame.name)
    ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    x = pos["X"] + (pos["WIDTH"] - outer.width) // 2 + ext.x + int(ext.width * fx)
    y = pos["Y"] + (pos["HEIGHT"] - outer.height) // 2 + ext.y + int(ext.height * fy)
    return x, y


def mouse_click(node, fx=0.5, fy=0.5, repeat=1):
    """A real pointer click (or double click) at a point of @node."""
    x, y = screen_point(node, fx, fy)
    move_pointer(x, y)
    subprocess.run(["xdotool", "click", "--repeat", str(repeat), "--delay", "80", "1"],
                   check=True)


def drag(source, target, tx=0.5, ty=0.5):
    """Drags @source with the mouse and drops it on a point of @target, in
    steps, so that GTK sees a drag start and the pointer enter the target."""
    x0, y0 = screen_point(source)
    x1, y1 = screen_point(target, tx, ty)
    move_pointer(x0, y0)
    subprocess.run(["xdotool", "mousedown", "1"], check=True)
    steps = 8
    for i in range(1, steps + 1):
        move_pointer(x0 + (x1 - x0) * i // steps, y0 + (y1 - y0) * i // steps)
        time.sleep(0.05)
    # A last small motion over the target: the drop target has seen the
    # pointer come in before the button is let go.
    move_pointer(x1 + 1, y1 + 1)
    time.sleep(0.1)
    subprocess.run(["xdotool", "mouseup", "1"], check=True)


def screenshot(name):
    os.makedirs(SHOTS, exist_ok=True)
    path = os.path.join(SHOTS, name + ".png")
    time.sleep(0.5)
    _, window_id = window_geometry("Sigap")
    subprocess.run(["import", "-window", window_id or "root", path], check=True)
    return path


def dump(root, out=sys.stderr):
    """The tree as a person reading it would, for failing runs."""
    for node in walk(root):
        try:
            if showing(node):
                print(f"  {node.getRoleName()}: {node.name!r}", file=out)
        except Exception:
            pass
