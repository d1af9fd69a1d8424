#!/bin/bash
# tests/i18n/check-translations.sh
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-translations.sh [SRCDIR [POTFILES.in]]
#
# Fails when
#   - po/POTFILES.in lists a file that does not exist;
#   - a file under src/, resources/ or data/ holds translatable strings but
#     is not listed in po/POTFILES.in (nor in po/POTFILES.skip);
#   - after merging a fresh template into po/LANG.po, for any language in
#     po/LINGUAS, a message is untranslated or fuzzy, or msgfmt --check
#     finds an error (format strings, plural forms, header).
#
# The fresh template is extracted the way meson's i18n.gettext (preset
# glib) does, so what passes here is what `ninja sigap-pot` would produce.

set -u

srcdir=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
srcdir=$(cd "$srcdir" && pwd) || exit 2
potfiles_in=${2:-$srcdir/po/POTFILES.in}
potfiles_skip=$srcdir/po/POTFILES.skip
linguas=$srcdir/po/LINGUAS

for tool in xgettext msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" >/dev/null; then
    echo "FAIL: $tool not found (install gettext)"
    exit 1
  fi
done

workdir=$(mktemp -d "${TMPDIR:-/tmp}/sigap-i18n.XXXXXX")
trap 'rm -rf "$workdir"' EXIT

failed=0
fail ()
{
  echo "FAIL: $*"
  failed=1
}

# Paths listed in a POTFILES-style file: no comments, no blank lines.
list_paths ()
{
  [ -f "$1" ] || return 0
  sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$1" | grep -v '^$'
}

list_paths "$potfiles_in" | sort -u > "$workdir/listed"
list_paths "$potfiles_skip" | sort -u > "$workdir/skipped"

# (c) Everything POTFILES.in lists exists.
echo "# Files listed in ${potfiles_in#"$srcdir"/}"
: > "$workdir/existing"
while IFS= read -r path; do
  if [ -f "$srcdir/$path" ]; then
    echo "$path" >> "$workdir/existing"
  else
    fail "POTFILES.in lists $path, which does not exist"
  fi
done < "$workdir/listed"

# (b) Every file with translatable strings is listed.
echo "# Files with translatable strings"
(
  cd "$srcdir" || exit 2
  # C: _(), N_(), C_(), NC_(), ngettext (), g_dngettext (), with or without a
  # space before the parenthesis (GNU style puts one there).
  for dir in src resources data; do
    [ -d "$dir" ] || continue
    grep -rlIE --include='*.c' --include='*.h' \
      '(^|[^[:alnum:]_])(_|N_|C_|NC_|ngettext|g_dngettext)[[:space:]]*\(' "$dir"
    grep -rlI --include='*.ui' 'translatable="yes"' "$dir"
    grep -rlIE --include='*.gschema.xml' '<(summary|description)>' "$dir"
    find "$dir" -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
      -o -name '*.appdata.xml.in' -o -name '*.policy.in' \)
  done
) | sed 's|^\./||' | sort -u > "$workdir/translatable"

while IFS= read -r path; do
  if ! grep -qxF "$path" "$workdir/listed" && ! grep -qxF "$path" "$workdir/skipped"; then
    fail "$path has translatable strings but is missing from po/POTFILES.in"
  fi
done < "$workdir/translatable"
echo "$(wc -l < "$workdir/translatable") file(s) with translatable strings," \
     "$(wc -l < "$workdir/listed") listed"

# (a) Fresh template, merged into each language, fully translated.
echo "# Extracting messages"
if [ -s "$workdir/existing" ]; then
  if ! (cd "$srcdir" && xgettext \
          --package-name=sigap \
          --files-from="$workdir/existing" \
          --directory="$srcdir" \
          --output="$workdir/sigap.pot" \
          --from-code=UTF-8 \
          --add-comments \
          --keyword=_ \
          --keyword=N_ \
          --keyword=C_:1c,2 \
          --keyword=NC_:1c,2 \
          --keyword=g_dcgettext:2 \
          --keyword=g_dngettext:2,3 \
          --keyword=g_dpgettext2:2c,3 \
          --flag=N_:1:pass-c-format \
          --flag=C_:2:pass-c-format \
          --flag=NC_:2:pass-c-format \
          --flag=g_dngettext:2:pass-c-format \
          --flag=g_strdup_printf:1:c-format \
          --flag=g_string_printf:2:c-format \
          --flag=g_string_append_printf:2:c-format \
          --flag=g_error_new:3:c-format \
          --flag=g_set_error:4:c-format \
          --flag=g_markup_printf_escaped:1:c-format \
          --flag=g_log:3:c-format \
          --flag=g_print:1:c-format \
          --flag=g_printerr:1:c-format \
          --flag=g_printf:1:c-format \
          --flag=g_fprintf:2:c-format \
          --flag=g_sprintf:2:c-format \
          --flag=g_snprintf:3:c-format); then
    fail "xgettext could not extract the messages"
  fi
fi
if [ ! -f "$workdir/sigap.pot" ]; then
  # xgettext writes nothing when there is nothing to translate.
  printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' \
    > "$workdir/sigap.pot"
fi
echo "$(grep -c '^msgid ' "$workdir/sigap.pot") message(s) in the template (header included)"

# Prints the msgids of a PO file, one per line, without the header.
print_msgids ()
{
  msgattrib --no-wrap --no-obsolete "$@" 2>/dev/null |
    awk '
      function flush () { if (inid && id != "") print "  " ctx "\"" id "\""; inid = 0; ctx = "" }
      /^msgctxt /          { flush(); ctx = substr($0, 9) " | "; next }
      /^msgid /            { inid = 1; id = substr($0, 8, length($0) - 8); next }
      inid && /^"/         { id = id substr($0, 2, length($0) - 2); next }
      /^msgid_plural|^msgstr/ { flush(); next }
      END                  { flush() }
    '
}

languages=$(list_paths "$linguas")
if [ -z "$languages" ]; then
  fail "po/LINGUAS lists no language"
fi

for lang in $languages; do
  po=$srcdir/po/$lang.po
  echo "# Language $lang"
  if [ ! -f "$po" ]; then
    fail "po/LINGUAS lists $lang but po/$lang.po does not exist"
    continue
  fi
  if ! msgfmt --check --output-file=/dev/null "$po"; then
    fail "po/$lang.po does not compile (msgfmt --check)"
    continue
  fi
  merged=$workdir/$lang.po
  if ! msgmerge --quiet --previous --force-po --output-file="$merged" "$po" "$workdir/sigap.pot"; then
    fail "msgmerge could not merge the template into po/$lang.po"
    continue
  fi
  msgfmt --check --statistics --output-file=/dev/null "$merged" 2>&1 | sed "s|^|  $lang: |"
  if [ "${PIPESTATUS[0]}" -ne 0 ]; then
    fail "po/$lang.po has errors once merged with the sources (msgfmt --check)"
  fi

  untranslated=$(print_msgids --untranslated "$merged")
  if [ -n "$untranslated" ]; then
    fail "po/$lang.po leaves these messages untranslated:"
    echo "$untranslated"
  fi
  fuzzy=$(print_msgids --only-fuzzy "$merged")
  if [ -n "$fuzzy" ]; then
    fail "po/$lang.po has fuzzy (unchecked) translations of these messages:"
    echo "$fuzzy"
  fi

  obsolete=$(msgattrib --only-obsolete --no-wrap "$merged" 2>/dev/null | grep -c '^#~ msgid ')
  if [ "$obsolete" -gt 0 ]; then
    echo "  note: $obsolete message(s) in po/$lang.po are no longer used by the sources"
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "# Translations: FAILED"
  exit 1
fi
echo "# Translations: ok"
exit 0
