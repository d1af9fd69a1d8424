#!/usr/bin/python3
# tests/data/check-svg.py
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-svg.py SIZE FILE.svg [SIZE FILE.svg ...]
#
# Checks that each icon is well-formed XML, has an <svg> root whose viewBox
# is "0 0 SIZE SIZE" (and width/height, when given, equal SIZE), and that a
# symbolic icon paints only in #2e3436 so GTK can recolour it.

import re
import sys
import xml.etree.ElementTree as ET

SVG_NS = '{http://www.w3.org/2000/svg}'
SYMBOLIC_COLOUR = '#2e3436'
PAINT_ATTRS = ('fill', 'stroke', 'stop-color', 'color')


def paints(elem):
    for attr in PAINT_ATTRS:
        if attr in elem.attrib:
            yield elem.attrib[attr]
    for decl in elem.attrib.get('style', '').split(';'):
        name, _, value = decl.partition(':')
        if name.strip() in PAINT_ATTRS:
            yield value.strip()


def check(size, path):
    errors = []
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        return ['not well-formed XML: {}'.format(e)]

    if root.tag != SVG_NS + 'svg':
        errors.append('root element is {}, expected an SVG <svg>'.format(root.tag))

    view_box = root.get('viewBox')
    if view_box is None:
        errors.append('no viewBox')
    else:
        numbers = [float(n) for n in re.split(r'[\s,]+', view_box.strip())]
        if numbers != [0, 0, size, size]:
            errors.append('viewBox is "{}", expected "0 0 {} {}"'.format(view_box, size, size))

    for attr in ('width', 'height'):
        value = root.get(attr)
        if value is not None and value.replace('px', '') != str(size):
            errors.append('{} is "{}", expected {}'.format(attr, value, size))

    if path.endswith('-symbolic.svg'):
        for elem in root.iter():
            for paint in paints(elem):
                if paint.lower() not in (SYMBOLIC_COLOUR, 'none', 'currentcolor'):
                    errors.append('symbolic icon paints {} on <{}>, only {} is allowed'
                                  .format(paint, elem.tag.replace(SVG_NS, ''), SYMBOLIC_COLOUR))
        if not any(elem.tag in (SVG_NS + 'path', SVG_NS + 'rect', SVG_NS + 'circle')
                   for elem in root.iter()):
            errors.append('symbolic icon draws nothing')

    return errors


def main(argv):
    if len(argv) < 3 or len(argv) % 2 == 0:
        print('usage: check-svg.py SIZE FILE.svg [SIZE FILE.svg ...]', file=sys.stderr)
        return 2

    failed = False
    for size, path in zip(argv[1::2], argv[2::2]):
        errors = check(int(size), path)
        for error in errors:
            print('{}: {}'.format(path, error))
        if errors:
            failed = True
        else:
            print('{}: ok ({}×{})'.format(path, size, size))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
