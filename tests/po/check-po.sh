#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Translations are complete: every source file with user-visible strings is in
# POTFILES.in, and the Kazakh and Russian catalogues translate every string of
# the current sources, with nothing fuzzy or missing.
set -euo pipefail
src=${1:?source dir}
cd "$src"
status=0

# 1. POTFILES.in is complete and names only files that exist.
for f in $(grep -rlE '\b_\(|N_\(|g_dngettext|translatable="yes"' src ui | sort); do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "FAIL: $f has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done
while read -r f; do
  [ -z "$f" ] || [[ "$f" == \#* ]] && continue
  [ -f "$f" ] || { echo "FAIL: po/POTFILES.in names $f, which does not exist"; status=1; }
done < po/POTFILES.in

# 2. A template from the sources as they are now (the keywords of meson's glib preset).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --files-from=po/POTFILES.in --directory=. --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  -o "$tmp/shtat.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }

# 3. Each catalogue, merged with that template, has every string translated.
for lang in $(cat po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "po/$lang.po" "$tmp/shtat.pot"
  if ! stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1); then
    echo "FAIL: po/$lang.po does not compile: $stats"
    status=1
    continue
  fi
  if echo "$stats" | grep -qE 'fuzzy|untranslated'; then
    echo "FAIL: po/$lang.po against the current sources: $stats"
    msgattrib --untranslated --only-fuzzy "$tmp/$lang.po" 2>/dev/null | grep '^msgid' | head -n 20 || true
    msgattrib --untranslated "$tmp/$lang.po" 2>/dev/null | grep '^msgid' | head -n 20 || true
    status=1
  else
    echo "ok: po/$lang.po: $stats"
  fi
done
exit $status
