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

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${1:-"$(cd "$REPO" && swift build --show-bin-path)/adopt"}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/adopt-e2e.XXXXXX")
SOCKET=adopt-e2e-$$
DATE='20[0-9][0-9]-[01][0-9]-[0-3][0-9]'
PROVINCE='广东|Guangdong'
PASSED=0
FAILED=0

tm() { tmux -L "$SOCKET" "$@"; }
cleanup() { tm kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

pass() { PASSED=$((PASSED + 1)); echo "PASS: $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }
# check DESCRIPTION COMMAND...: one PASS/FAIL line.
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

finish() {
    echo "$PASSED passed, $FAILED failed"
    if [ "$FAILED" -eq 0 ]; then exit 0; fi
    exit 1
}

if ! command -v tmux >/dev/null; then fail "tmux is installed"; finish; fi
if [ ! -x "$BIN" ]; then fail "binary exists: $BIN"; finish; fi

# start NAME WIDTH HEIGHT [VAR=VALUE...]: runs the dashboard in a new tmux session through a
# wrapper that records stty before and after, the exit status, and adopt's pid.
start() {
    local name=$1 width=$2 height=$3; shift 3
    local env=(TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 "$@")
    cat >"$WORK/$name.sh" <<WRAPPER
cd $(printf %q "$REPO")
echo "adopt-e2e: starting $name"
stty -a >$(printf %q "$WORK/$name.before")
env ${env[*]@Q} bash -c 'echo \$\$ >$(printf %q "$WORK/$name.pid"); exec $(printf %q "$BIN")'
echo "EXIT=\$?" >$(printf %q "$WORK/$name.exit")
stty -a >$(printf %q "$WORK/$name.after")
echo "adopt-e2e: back in the shell"
exec sleep 3600
WRAPPER
    tm new-session -d -s "$name" -x "$width" -y "$height" "bash $(printf %q "$WORK/$name.sh")"
}

screen() { tm capture-pane -p -t "$1"; }
screen_escapes() { tm capture-pane -p -e -t "$1"; }
pane_modes() {
    tm display-message -p -t "$1" \
        'alternate=#{alternate_on} mouse=#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_sgr_flag} cursor=#{cursor_flag} keypad=#{keypad_cursor_flag}'
}

# wait_until SECONDS COMMAND...: polls every 0.1 s until COMMAND succeeds.
wait_until() {
    local tries=$(($1 * 10)); shift
    while [ "$tries" -gt 0 ]; do
        if "$@" 2>/dev/null; then return 0; fi
        sleep 0.1
        tries=$((tries - 1))
    done
    return 1
}

# (Captured into a variable first: with pipefail, `grep -q` closing the pipe early would
# fail the pipeline.)
# The status bar's date is on row ROW.
status_on_row() { local s; s=$(screen "$1"); sed -n "${2}p" <<<"$s" | grep -E "$DATE" >/dev/null; }
shows() { local s; s=$(screen "$1"); grep -E "$2" <<<"$s" >/dev/null; }
screen_differs() { [ "$(screen "$1")" != "$2" ]; }
screen_is() { [ "$(screen "$1")" = "$2" ]; }
exited() { [ -s "$WORK/$1.exit" ] && [ -s "$WORK/$1.after" ]; }
exit_status_is() { grep -qx "EXIT=$2" "$WORK/$1.exit"; }
# The window size is part of `stty -a` and legitimately changes with a resize.
stty_settings() { sed -E 's/rows [0-9]+; columns [0-9]+;//' "$1"; }
stty_unchanged() { [ "$(stty_settings "$WORK/$1.before")" = "$(stty_settings "$WORK/$1.after")" ]; }
modes_restored() { [ "$(pane_modes "$1")" = "alternate=0 mouse=0000 cursor=1 keypad=0" ]; }
adopt_pid() { cat "$WORK/$1.pid"; }
alive() { kill -0 "$(adopt_pid "$1")" 2>/dev/null; }
key() { tm send-keys -t "$1" "$2"; sleep 0.1; } # one key at a time: Esc then ] must not merge
# Colour escapes tmux reports for the pane: 8/16-colour codes and 256-colour codes.
escapes_match() { local s; s=$(screen_escapes "$1"); grep -P "$2" <<<"$s" >/dev/null; }
basic_colors() { escapes_match "$1" '\e\[(3[0-7]|4[0-7]|9[0-7]|10[0-7])m'; }
palette_colors() { escapes_match "$1" '\e\[(38|48);5;\d+m'; }
no_colors() { ! basic_colors "$1" && ! palette_colors "$1"; }
no_palette_colors() { ! palette_colors "$1"; }
attributes() { escapes_match "$1" '\e\[(1|2|4|7)m'; }
modes_active() { [[ "$(pane_modes "$1")" == "alternate=1 mouse="*1*" cursor=0 "* ]]; }

# started NAME HEIGHT: the dashboard is up (status bar on the last row).
started() {
    if wait_until 30 status_on_row "$1" "$2"; then pass "$1: dashboard up, status bar date on row $2"
    else fail "$1: dashboard up, status bar date on row $2"; screen "$1" | head -5; return 1; fi
}

# ended NAME STATUS: exit status, stty unchanged, terminal modes restored, shell screen back.
ended() {
    local name=$1 status=$2
    if ! wait_until 10 exited "$name"; then fail "$name: adopt exited"; return; fi
    check "$name: exit status $status ($(cat "$WORK/$name.exit"))" exit_status_is "$name" "$status"
    check "$name: stty -a identical before and after" stty_unchanged "$name"
    wait_until 3 modes_restored "$name" || true
    check "$name: alternate screen, mouse, cursor and keypad restored ($(pane_modes "$name"))" modes_restored "$name"
    check "$name: the shell's screen is back" shows "$name" 'adopt-e2e: starting'
}

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
        local pid before after; pid=$(adopt_pid "$name")
        before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
        sleep 5
        after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
        echo "     idle CPU over 5 s: $((after - before)) clock ticks ($(getconf CLK_TCK)/s)"
        check "$name: idle for 5 s uses under 0.05 s of CPU" [ $(((after - before) * 100 / $(getconf CLK_TCK))) -lt 5 ]
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
