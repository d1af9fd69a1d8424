#!/usr/bin/python3
# tests/ui/fake_notifications.py — a notification server for the scenarios.
#
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Owns org.freedesktop.Notifications on the session bus, as a desktop's
# notification server does, so that GLib's freedesktop backend delivers
# Sigap's GNotifications here. Each notification is printed on stdout as
# one line of JSON; a line "invoke ID ACTION" on stdin clicks one of its
# actions ("default" or an action's detailed name), as a person clicking
# the notification or its button would.

import json
import sys

from gi.repository import Gio, GLib

INTERFACE = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/>
      <arg type="u" direction="in"/>
      <arg type="s" direction="in"/>
      <arg type="s" direction="in"/>
      <arg type="s" direction="in"/>
      <arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/>
      <arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification">
      <arg type="u" direction="in"/>
    </method>
    <method name="GetCapabilities">
      <arg type="as" direction="out"/>
    </method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/>
      <arg type="s" direction="out"/>
      <arg type="s" direction="out"/>
      <arg type="s" direction="out"/>
    </method>
    <signal name="ActionInvoked">
      <arg type="u"/>
      <arg type="s"/>
    </signal>
    <signal name="NotificationClosed">
      <arg type="u"/>
      <arg type="u"/>
    </signal>
  </interface>
</node>
"""

PATH = "/org/freedesktop/Notifications"
NAME = "org.freedesktop.Notifications"

connection = None
next_id = 0


def emit(record):
    print(json.dumps(record), flush=True)


def method_call(conn, sender, path, interface, method, params, invocation):
    global next_id
    if method == "Notify":
        app_name, replaces, _icon, summary, body, actions, _hints, _timeout = params.unpack()
        next_id += 1
        nid = replaces or next_id
        emit({"id": nid, "app": app_name, "summary": summary, "body": body,
              "actions": dict(zip(actions[0::2], actions[1::2]))})
        invocation.return_value(GLib.Variant("(u)", (nid,)))
    elif method == "CloseNotification":
        invocation.return_value(None)
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
    else:
        invocation.return_value(GLib.Variant("(ssss)", ("fake", "sigap", "1", "1.2")))


def bus_acquired(conn, name):
    global connection
    connection = conn
    node = Gio.DBusNodeInfo.new_for_xml(INTERFACE)
    conn.register_object(PATH, node.interfaces[0], method_call, None, None)


def name_acquired(conn, name):
    emit({"ready": True})


def name_lost(conn, name):
    emit({"error": f"cannot own {name}"})
    loop.quit()


def command(channel, condition):
    line = sys.stdin.readline()
    if not line:
        loop.quit()
        return False
    words = line.split(None, 2)
    if len(words) == 3 and words[0] == "invoke":
        connection.emit_signal(None, PATH, NAME, "ActionInvoked",
                               GLib.Variant("(us)", (int(words[1]), words[2].strip())))
        connection.flush_sync(None)
    return True


loop = GLib.MainLoop()
Gio.bus_own_name(Gio.BusType.SESSION, NAME, Gio.BusNameOwnerFlags.NONE,
                 bus_acquired, name_acquired, name_lost)
GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                  GLib.IOCondition.IN | GLib.IOCondition.HUP, command)
loop.run()
