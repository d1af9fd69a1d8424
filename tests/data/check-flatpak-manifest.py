#!/usr/bin/python3
# tests/data/check-flatpak-manifest.py
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak-manifest.py MANIFEST.json meson_options.txt
#
# Keeps the Flatpak manifest honest: the right app and runtime, no sandbox
# holes beyond what Sigap needs, pinned sources for every dependency, and a
# final module that builds this very meson project with options it has.

import json
import re
import sys

APP_ID = 'io.github.sigap.Sigap'
REQUIRED_FINISH_ARGS = {
    '--share=network',
    '--share=ipc',
    '--socket=fallback-x11',
    '--socket=wayland',
    '--device=dri',
}
# Anything else in finish-args fails the test. Files go through the file
# chooser portal, secrets through the secret portal, reminders through the
# notification portal, so nothing more is needed; a new permission must be
# added here, with the reason, on purpose.
ALLOWED_EXTRA_FINISH_ARGS = set()
ARCHIVE_TYPES = {'archive', 'file'}
PINNED_GIT_KEYS = ('commit', 'tag')
CHECKSUM_KEYS = ('sha256', 'sha512')


class Checker:
    def __init__(self):
        self.errors = []

    def fail(self, message):
        self.errors.append(message)

    def expect(self, condition, message):
        if not condition:
            self.fail(message)


def meson_options(path):
    with open(path, encoding='utf-8') as f:
        return set(re.findall(r"^\s*option\s*\(\s*'([^']+)'", f.read(), re.MULTILINE))


def check_source(c, module_name, index, source):
    where = 'module "{}" source {}'.format(module_name, index)
    if isinstance(source, str):
        # A path to a JSON file with more sources; it is checked on its own.
        return
    if not isinstance(source, dict):
        c.fail('{}: not an object'.format(where))
        return
    kind = source.get('type')
    c.expect(kind is not None, '{}: no type'.format(where))
    if kind in ARCHIVE_TYPES and 'url' in source:
        c.expect(any(k in source for k in CHECKSUM_KEYS),
                 '{}: {} "{}" has no sha256/sha512 checksum'.format(where, kind, source['url']))
    elif kind == 'git':
        c.expect(any(k in source for k in PINNED_GIT_KEYS),
                 '{}: git "{}" is pinned by neither commit nor tag'.format(where, source.get('url')))
        c.expect('branch' not in source or any(k in source for k in PINNED_GIT_KEYS),
                 '{}: git source follows a branch'.format(where))


def check_module(c, module):
    if isinstance(module, str):
        return
    name = module.get('name')
    c.expect(bool(name), 'a module has no name')
    sources = module.get('sources')
    c.expect(isinstance(sources, list) and len(sources) > 0,
             'module "{}" has no sources'.format(name))
    for index, source in enumerate(sources or []):
        check_source(c, name, index, source)
    for sub in module.get('modules', []):
        check_module(c, sub)


def check(manifest_path, options_path):
    c = Checker()
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)

    app_id = manifest.get('app-id', manifest.get('id'))
    c.expect(app_id == APP_ID, 'app-id is {!r}, expected {!r}'.format(app_id, APP_ID))
    c.expect(manifest.get('command') == 'sigap',
             'command is {!r}, expected "sigap"'.format(manifest.get('command')))
    c.expect(manifest.get('runtime') == 'org.gnome.Platform',
             'runtime is {!r}, expected "org.gnome.Platform"'.format(manifest.get('runtime')))
    c.expect(manifest.get('sdk') == 'org.gnome.Sdk',
             'sdk is {!r}, expected "org.gnome.Sdk"'.format(manifest.get('sdk')))
    version = manifest.get('runtime-version')
    c.expect(isinstance(version, str) and version != '',
             'runtime-version {!r} is not a non-empty string'.format(version))

    finish_args = manifest.get('finish-args', [])
    for arg in sorted(REQUIRED_FINISH_ARGS - set(finish_args)):
        c.fail('finish-args lacks {}'.format(arg))
    for arg in finish_args:
        if arg not in REQUIRED_FINISH_ARGS | ALLOWED_EXTRA_FINISH_ARGS:
            c.fail('finish-args has {}, which is broader than Sigap needs'.format(arg))

    modules = manifest.get('modules', [])
    c.expect(isinstance(modules, list) and len(modules) > 0, 'no modules')
    for module in modules:
        check_module(c, module)

    if modules and isinstance(modules[-1], dict):
        last = modules[-1]
        c.expect(last.get('name') == 'sigap',
                 'the last module is {!r}, expected "sigap"'.format(last.get('name')))
        c.expect(last.get('buildsystem') == 'meson',
                 'module "sigap" builds with {!r}, expected meson'.format(last.get('buildsystem')))
        sources = last.get('sources', [])
        c.expect(any(isinstance(s, dict) and s.get('type') == 'dir' and s.get('path') == '..'
                     for s in sources),
                 'module "sigap" does not build the checkout (a "dir" source with path "..")')

        known = meson_options(options_path)
        for opt in last.get('config-opts', []):
            m = re.match(r'^-D([^=]+)=', opt)
            if m is None:
                continue
            name = m.group(1)
            # Built-in options (prefix, buildtype, b_lto…) are always there.
            if name in known or name.startswith('b_') or name in (
                    'prefix', 'libdir', 'buildtype', 'optimization', 'debug',
                    'werror', 'warning_level', 'default_library'):
                continue
            c.fail('module "sigap" passes {} but meson_options.txt has no option "{}"'
                   .format(opt, name))
        c.expect('-Dtests=false' in last.get('config-opts', []),
                 'module "sigap" does not pass -Dtests=false')

    return c.errors


def main(argv):
    if len(argv) != 3:
        print('usage: check-flatpak-manifest.py MANIFEST.json meson_options.txt', file=sys.stderr)
        return 2
    try:
        errors = check(argv[1], argv[2])
    except (OSError, ValueError) as e:
        print('{}: {}'.format(argv[1], e))
        return 1
    for error in errors:
        print('{}: {}'.format(argv[1], error))
    if not errors:
        print('{}: ok'.format(argv[1]))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
