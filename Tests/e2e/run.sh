#!/usr/bin/env bash
# End-to-end test of the dashboard in a real terminal (tmux): start, keys, resize, colour
# depths, and that every way out (q, Ctrl-C, SIGTERM, SIGINT, SIGHUP) restores the terminal.
#
# Usage: Tests/e2e/run.sh [path/to/adopt]   (default: the binary of `swift build`)
# Prints PASS/FAIL per check and ends with "N passed, N failed"; exits 1 on any failure.
#
# The dashboard's content is still changing, so the checks look at stable things: the status
# bar's date (YYYY-MM-DD) on the last row, a province name, that '?' opens something Esc
# closes again, exit statuses, stty settings and tmux's view of the terminal modes.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_setup e2e "$@"

if ! command -v tmux >/dev/null; then fail "tmux is installed"; finish; fi
if [ ! -x "$BIN" ]; then fail "binary exists: $BIN"; finish; fi

# Colour escapes tmux reports for the pane: 8/16-colour codes and 256-colour codes.
escapes_match() { local s; s=$(screen_escapes "$1"); grep -P "$2" <<<"$s" >/dev/null; }
basic_colors() { escapes_match "$1" '\e\[(3[0-7]|4[0-7]|9[0-7]|10[0-7])m'; }
palette_colors() { escapes_match "$1" '\e\[(38|48);5;\d+m'; }
no_colors() { ! basic_colors "$1" && ! palette_colors "$1"; }
no_palette_colors() { ! palette_colors "$1"; }
attributes() { escapes_match "$1" '\e\[(1|2|4|7)m'; }

# A full session at one size: help, navigation keys, q.
session() {
    local name=$1 width=$2 height=$3
    start "$name" "$width" "$height"
    started "$name" "$height" || { tm send-keys -t "$name" q; ended "$name" 0; return; }
    check "$name: a province ($PROVINCE) is on screen" shows "$name" "$PROVINCE"
    check "$name: alternate screen, mouse reporting on, cursor hidden ($(pane_modes "$name"))" \
        modes_active "$name"
    local plain; plain=$(screen "$name")
    key "$name" '?'
    check "$name: ? opens the help" wait_until 5 screen_differs "$name" "$plain"
    key "$name" Escape
    check "$name: Esc closes it (screen as before)" wait_until 5 screen_is "$name" "$plain"
    for k in Down Down Right Up Left Enter Escape ']' m; do key "$name" "$k"; done
    check "$name: still running after arrows, Enter, Esc, ], m" alive "$name"
    check "$name: status bar still on row $height" wait_until 5 status_on_row "$name" "$height"
    if [ "$width" -eq 80 ]; then
        tm resize-window -t "$name" -x 100 -y 30
        check "$name: re-laid out at 100x30 (status bar on row 30)" wait_until 5 status_on_row "$name" 30
        # A resize storm: only the final size matters.
        for size in "90 26" "130 40" "70 20" "100 30"; do
            tm resize-window -t "$name" -x "${size% *}" -y "${size#* }"
        done
        check "$name: after a resize storm, status bar on row 30" wait_until 5 status_on_row "$name" 30
        check "$name: still running after resizes" alive "$name"
        check "$name: idle for 5 s uses under 0.05 s of CPU" idle_cpu_ok "$name"
    fi
    key "$name" q
    ended "$name" 0
}

# A way out other than q.
stopped_by() {
    local name=$1 how=$2 status=$3
    start "$name" 80 24
    started "$name" 24 || true
    case $how in
        ctrl-c) tm send-keys -t "$name" C-c ;;
        *) kill "-$how" "$(adopt_pid "$name")" ;;
    esac
    ended "$name" "$status"
}

# Colour depth: what tmux saw the dashboard draw.
colors() {
    local name=$1 expect=$2; shift 2
    start "$name" 80 24 "$@"
    if started "$name" 24; then
        case $expect in
            none) check "$name: no colour codes" no_colors "$name"
                  check "$name: attributes (bold/dim/underline/reverse) still drawn" attributes "$name" ;;
            eight) check "$name: colours drawn" basic_colors "$name"
                   check "$name: no 256-colour codes" no_palette_colors "$name" ;;
            palette) check "$name: 256-colour codes drawn" palette_colors "$name" ;;
        esac
    fi
    tm send-keys -t "$name" q
    ended "$name" 0
}

session small 80 24
session large 200 60
stopped_by sigterm TERM 143
stopped_by sigint INT 130
stopped_by sighup HUP 129
stopped_by ctrlc ctrl-c 0
colors nocolor none NO_COLOR=1
colors xterm8 eight TERM=xterm
colors xterm256 palette TERM=xterm-256color

# Not a terminal: a clear message and status 2, nothing drawn.
set +e
message=$(cd "$REPO" && "$BIN" </dev/null 2>&1 >/dev/null)
status=$?
set -e
check "no terminal: exit status 2 ($status)" [ "$status" -eq 2 ]
check "no terminal: says to use adopt dump/export ($message)" grep -q 'needs a terminal' <<<"$message"

finish
