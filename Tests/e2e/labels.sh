#!/usr/bin/env bash
# End-to-end test of the map's label modes (issue 12) on the shipped data: `--labels` on the
# command line (a bad value is a usage error), `--labels en` at 80x24 in a real terminal
# (tmux): no Chinese on the map, the status bar says the mode, English names in presentation
# mode; `L` cycles auto → en → both → zh → abbr → auto on the dashboard and in presentation
# mode, each step said on screen.
#
# Usage: Tests/e2e/labels.sh [path/to/adopt]   (default: the binary of `swift build`)
# Prints PASS/FAIL per check and ends with "N passed, N failed"; exits 1 on any failure.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_setup labels "$@"

if ! command -v tmux >/dev/null; then fail "tmux is installed"; finish; fi
if [ ! -x "$BIN" ]; then fail "binary exists: $BIN"; finish; fi

run() { (cd "$REPO" && "$BIN" "$@"); }
HAN='[\x{4e00}-\x{9fff}]'
has_han() { grep -qP "$HAN" <<<"$1"; }
# The map's columns of a screen (the left pane at 80x24: 40 columns, no wide characters in it
# when no Chinese is shown, so characters are columns).
map_part() { screen "$1" | head -n 23 | cut -c1-40; }
map_has_han() { local m; m=$(map_part "$1"); has_han "$m"; }
no_han_on_map() { ! map_has_han "$1"; }

# --- The command line.
set +e
err=$(run dump map --labels klingon 2>&1 >/dev/null); status=$?
set -e
check "--labels klingon: usage error, exit status 2 ($status)" [ "$status" -eq 2 ]
check "--labels klingon: the error names the option and the choices" \
    grep -qE "labels.*(zh|en|both|abbr)|(zh|en|both|abbr).*labels" <<<"$err"
note "${err%%$'\n'*}"
check "--help lists --labels with its modes" grep -q "zh (广东), en (Guangdong)" <<<"$(run dump --help)"

map_en=$(run dump map --width 80 --height 24 --labels en)
check "dump map 80x24 --labels en: English names (Guangdong, Inner Mongolia), no Chinese" \
    bash -c 'grep -q Guangdong <<<"$1" && grep -q Inner <<<"$1" && grep -q Mongolia <<<"$1" && ! grep -qP "$2" <<<"$1"' _ "$map_en" "$HAN"
map_zh=$(run dump map --width 80 --height 24 --labels zh)
check "dump map 80x24 --labels zh: Chinese names (广东 河北 河南), no English" \
    bash -c 'grep -q 广东 <<<"$1" && grep -q 河北 <<<"$1" && grep -q 河南 <<<"$1" && ! grep -q Guangdong <<<"$1"' _ "$map_zh"
map_abbr=$(run dump screen --width 60 --height 16 --labels abbr)
check "dump screen 60x16 --labels abbr: letters with counts (GD, HE, HA)" \
    bash -c 'grep -qE "GD ?[0-9]" <<<"$1" && grep -qE "HE ?[0-9]" <<<"$1" && grep -qE "HA ?[0-9]" <<<"$1"' _ "$map_abbr"
pres=$(run dump presentation --width 100 --height 30 --labels en)
check "dump presentation 100x30 --labels en: English tile names (Beijing, Shandong)" \
    bash -c 'grep -q Beijing <<<"$1" && grep -q Shandong <<<"$1"' _ "$pres"

# --- The dashboard at 80x24 with --labels en.
name=en
start "$name" 80 24 NO_COLOR=1 -- --labels en --stale-after 10000d
if started "$name" 24; then
    check "$name: no Chinese on the map (tiles too small for English fall back to letters)" no_han_on_map "$name"
    check "$name: the map shows the ISO letters (GD, SD)" wait_until 3 bash -c 'm=$(tmux -L "$1" capture-pane -p -t "$2" | cut -c1-40); grep -q GD <<<"$m" && grep -q SD <<<"$m"' _ "$SOCKET" "$name"
    # At 80 columns the live status bar has no room left for it beside the claim and the
    # snapshot's age; wider, it says the mode.
    tm resize-window -t "$name" -x 120 -y 24
    check "$name: at 120x24 the status bar says labels: en" wait_until 3 status_has "$name" 'labels: (en|English)'
    tm resize-window -t "$name" -x 80 -y 24
    check "$name: back at 80x24, status bar on row 24" wait_until 5 status_on_row "$name" 24
    key "$name" p
    check "$name: p: presentation mode shows English names (Beijing, Shandong)" \
        wait_until 3 bash -c 's=$(tmux -L "$1" capture-pane -p -t "$2"); grep -q Beijing <<<"$s" && grep -q Shandong <<<"$s"' _ "$SOCKET" "$name"
    key "$name" L
    check "$name: L in presentation mode: labels: Chinese + English" wait_until 3 shows "$name" 'labels: Chinese \+ English'
    check "$name: ... and the tiles carry Chinese" wait_until 3 shows "$name" '北京|山东|河北'
    key "$name" p
    key "$name" L
    check "$name: L on the dashboard: labels: Chinese" wait_until 3 status_has "$name" 'labels: Chinese'
    check "$name: ... the map shows 北京 and 河南" wait_until 3 bash -c 'm=$(tmux -L "$1" capture-pane -p -t "$2" | head -n 23); grep -q 北京 <<<"$m" && grep -q 河南 <<<"$m"' _ "$SOCKET" "$name"
    key "$name" L
    check "$name: L: labels: ISO letters" wait_until 3 status_has "$name" 'labels: ISO letters'
    check "$name: ... no Chinese on the map" no_han_on_map "$name"
    key "$name" L
    check "$name: L: labels: auto" wait_until 3 status_has "$name" 'labels: auto'
    key "$name" L
    check "$name: L: back to English" wait_until 3 status_has "$name" 'labels: English'
    key "$name" '?'
    check "$name: help lists L" wait_until 3 shows "$name" 'L +map labels'
    key "$name" Escape
    key "$name" q
    ended "$name" 0
fi

finish
