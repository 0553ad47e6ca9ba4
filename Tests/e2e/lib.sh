# Helpers shared by the tmux end-to-end tests (sourced, not run). Taken from run.sh and
# live.sh, which keep their own copies; new scripts source this one.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   e2e_setup NAME "$@"      # REPO, BIN (first argument or `swift build`'s), WORK, SOCKET
#
# Sessions run the dashboard through a wrapper (`start`) that records `stty -a` before and
# after, the exit status and adopt's pid, all under $WORK/NAME.*.

DATE='20[0-9][0-9]-[01][0-9]-[0-3][0-9]'
PROVINCE='广东|Guangdong'
PASSED=0
FAILED=0

# e2e_setup NAME [path/to/adopt]: sets REPO, BIN, WORK and SOCKET, and cleans up on exit.
e2e_setup() {
    local name=$1; shift
    REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    BIN=${1:-"$(cd "$REPO" && swift build --show-bin-path)/adopt"}
    BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/adopt-$name.XXXXXX")
    SOCKET=adopt-$name-$$
    trap e2e_cleanup EXIT
}

tm() { tmux -L "$SOCKET" "$@"; }
e2e_cleanup() { tm kill-server 2>/dev/null || true; rm -rf "$WORK"; }

pass() { PASSED=$((PASSED + 1)); echo "PASS: $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }
# check DESCRIPTION COMMAND...: one PASS/FAIL line.
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
# note TEXT: a figure or an explanation, indented under the checks.
note() { echo "     $*"; }

finish() {
    echo "$PASSED passed, $FAILED failed"
    if [ "$FAILED" -eq 0 ]; then exit 0; fi
    exit 1
}

# wait_until SECONDS COMMAND...: polls every 0.05 s until COMMAND succeeds (SECONDS may be
# fractional).
wait_until() {
    local deadline; deadline=$(($(date +%s%N) + $(awk -v s="$1" 'BEGIN { printf "%.0f", s * 1e9 }'))); shift
    while :; do
        if "$@" 2>/dev/null; then return 0; fi
        [ "$(date +%s%N)" -lt "$deadline" ] || return 1
        sleep 0.05
    done
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# start NAME WIDTH HEIGHT [VAR=VALUE...] [-- ADOPT_ARGS...]: runs `adopt ADOPT_ARGS` in a new
# tmux session (cwd REPO) through a wrapper that records stty before and after, the exit status
# and adopt's pid. With GATE=1 in the caller's environment, adopt waits for `open_gate NAME`,
# so `tm pipe-pane` can be attached before the first byte is drawn.
start() {
    local name=$1 width=$2 height=$3; shift 3
    local env=(TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8) args=()
    while [ $# -gt 0 ]; do
        if [ "$1" = -- ]; then shift; args=("$@"); break; fi
        env+=("$1"); shift
    done
    local gate=""
    if [ "${GATE:-0}" = 1 ]; then
        gate="while [ ! -e $(printf %q "$WORK/$name.go") ]; do sleep 0.02; done"
    fi
    cat >"$WORK/$name.sh" <<WRAPPER
cd $(printf %q "$REPO")
echo "adopt-e2e: starting $name"
stty -a >$(printf %q "$WORK/$name.before")
$gate
env ${env[*]@Q} bash -c 'echo \$\$ >$(printf %q "$WORK/$name.pid"); exec $(printf %q "$BIN") ${args[*]@Q}'
echo "EXIT=\$?" >$(printf %q "$WORK/$name.exit")
stty -a >$(printf %q "$WORK/$name.after")
echo "adopt-e2e: back in the shell"
exec sleep 3600
WRAPPER
    tm new-session -d -s "$name" -x "$width" -y "$height" "bash $(printf %q "$WORK/$name.sh")"
}
open_gate() { touch "$WORK/$1.go"; }

screen() { tm capture-pane -p -t "$1"; }
screen_escapes() { tm capture-pane -p -e -t "$1"; }
pane_modes() {
    tm display-message -p -t "$1" \
        'alternate=#{alternate_on} mouse=#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_sgr_flag} cursor=#{cursor_flag} keypad=#{keypad_cursor_flag}'
}
pane_title() { tm display-message -p -t "$1" '#{pane_title}'; }

# (Captured into a variable first: with pipefail, `grep -q` closing the pipe early would
# fail the pipeline.)
# The status bar's date is on row ROW.
status_on_row() { local s; s=$(screen "$1"); sed -n "${2}p" <<<"$s" | grep -E "$DATE" >/dev/null; }
# The status bar (the last row), and whether it matches an extended regex.
status_line() { screen "$1" | tail -n 1; }
status_has() { local s; s=$(status_line "$1"); grep -E "$2" <<<"$s" >/dev/null; }
shows() { local s; s=$(screen "$1"); grep -E "$2" <<<"$s" >/dev/null; }
screen_differs() { [ "$(screen "$1")" != "$2" ]; }
screen_is() { [ "$(screen "$1")" = "$2" ]; }
exited() { [ -s "$WORK/$1.exit" ] && [ -s "$WORK/$1.after" ]; }
exit_status_is() { grep -qx "EXIT=$2" "$WORK/$1.exit"; }
# The window size is part of `stty -a` and legitimately changes with a resize.
stty_settings() { sed -E 's/rows [0-9]+; columns [0-9]+;//' "$1"; }
stty_unchanged() { [ "$(stty_settings "$WORK/$1.before")" = "$(stty_settings "$WORK/$1.after")" ]; }
modes_restored() { [ "$(pane_modes "$1")" = "alternate=0 mouse=0000 cursor=1 keypad=0" ]; }
modes_active() { [[ "$(pane_modes "$1")" == "alternate=1 mouse="*1*" cursor=0 "* ]]; }
adopt_pid() { cat "$WORK/$1.pid"; }
alive() { kill -0 "$(adopt_pid "$1")" 2>/dev/null; }
key() { tm send-keys -t "$1" "$2"; sleep 0.1; } # one key at a time: Esc then ] must not merge

# started NAME HEIGHT: the dashboard is up (status bar on the last row).
started() {
    if wait_until 30 status_on_row "$1" "$2"; then pass "$1: dashboard up, status bar date on row $2"
    else fail "$1: dashboard up, status bar date on row $2"; screen "$1" | head -5; return 1; fi
}

# ended NAME STATUS [SHELL_LINE]: exit status, stty unchanged, terminal modes restored, the
# shell's text back on screen (default: the line printed before adopt started).
ended() {
    local name=$1 status=$2 line=${3:-'adopt-e2e: starting'}
    if ! wait_until 10 exited "$name"; then fail "$name: adopt exited"; return; fi
    check "$name: exit status $status ($(cat "$WORK/$name.exit"))" exit_status_is "$name" "$status"
    check "$name: stty -a identical before and after" stty_unchanged "$name"
    wait_until 3 modes_restored "$name" || true
    check "$name: alternate screen, mouse, cursor and keypad restored ($(pane_modes "$name"))" modes_restored "$name"
    check "$name: the shell's screen is back" wait_until 3 shows "$name" "$line"
}

# cpu_ticks PID: user + system CPU time so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# idle_cpu_ok NAME: the process uses under 0.05 s of CPU in 5 s of nothing happening.
idle_cpu_ok() {
    local pid t0 t1; pid=$(adopt_pid "$1")
    t0=$(cpu_ticks "$pid"); sleep 5; t1=$(cpu_ticks "$pid")
    note "idle CPU over 5 s: $((t1 - t0)) clock ticks ($(getconf CLK_TCK)/s)"
    [ $(((t1 - t0) * 100 / $(getconf CLK_TCK))) -lt 5 ]
}
