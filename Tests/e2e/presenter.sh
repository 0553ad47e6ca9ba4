#!/usr/bin/env bash
# End-to-end test of the presenters' features in a real terminal (tmux): timeline playback
# (Space, +, the date moving and stopping), a tour (--tour: captions, → to the next step, p to
# the dashboard, Esc) and a bad tour file (an error with its position, exit status 1, no
# terminal started); playback captions and marks and a country-level step (issue 12).
#
# Usage: Tests/e2e/presenter.sh [path/to/adopt]   (default: the binary of `swift build`)
# Prints PASS/FAIL per check and ends with "N passed, N failed"; exits 1 on any failure.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${1:-"$(cd "$REPO" && swift build --show-bin-path)/adopt"}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/adopt-presenter.XXXXXX")
SOCKET=adopt-presenter-$$
DATE='20[0-9][0-9]-[01][0-9]-[0-3][0-9]'
TOUR=Data/tours/early-2025.tour.json
PASSED=0
FAILED=0

tm() { tmux -L "$SOCKET" "$@"; }
cleanup() { tm kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

pass() { PASSED=$((PASSED + 1)); echo "PASS: $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

finish() {
    echo "$PASSED passed, $FAILED failed"
    if [ "$FAILED" -eq 0 ]; then exit 0; fi
    exit 1
}

if ! command -v tmux >/dev/null; then fail "tmux is installed"; finish; fi
if [ ! -x "$BIN" ]; then fail "binary exists: $BIN"; finish; fi

# start NAME WIDTH HEIGHT [ARG...]: adopt ARG... in a new tmux session, from the repository
# (so Data/ is found); the exit status goes to $WORK/NAME.exit.
start() {
    local name=$1 width=$2 height=$3; shift 3
    cat >"$WORK/$name.sh" <<WRAPPER
cd $(printf %q "$REPO")
env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $(printf %q "$BIN") ${*@Q}
echo "EXIT=\$?" >$(printf %q "$WORK/$name.exit")
exec sleep 3600
WRAPPER
    tm new-session -d -s "$name" -x "$width" -y "$height" "bash $(printf %q "$WORK/$name.sh")"
}

screen() { tm capture-pane -p -t "$1"; }
key() { tm send-keys -t "$1" "$2"; sleep 0.2; }
wait_until() {
    local tries=$(($1 * 10)); shift
    while [ "$tries" -gt 0 ]; do
        if "$@" 2>/dev/null; then return 0; fi
        sleep 0.1
        tries=$((tries - 1))
    done
    return 1
}
shows() { local s; s=$(screen "$1"); grep -E "$2" <<<"$s" >/dev/null; }
# The status bar's date: the first date on row ROW.
date_on_row() { local s; s=$(screen "$1"); sed -n "${2}p" <<<"$s" | grep -oE "$DATE" | head -1; }
status_on_row() { [ -n "$(date_on_row "$1" "$2")" ]; }
later() { [[ "$1" > "$2" ]]; }
exited_with() { [ -s "$WORK/$1.exit" ] && grep -qx "EXIT=$2" "$WORK/$1.exit"; }

# --- Playback: Space plays, the date moves forward; Space again pauses, the date stays.
start play 100 30
if wait_until 30 status_on_row play 30; then
    pass "play: dashboard up at 100x30, status bar date on row 30"
    # The dashboard opens at the snapshot's date, the end of the range: go back four weeks first.
    for _ in 1 2 3 4; do key play '{'; done
    before=$(date_on_row play 30)
    key play Space
    sleep 1.5
    during=$(date_on_row play 30)
    check "play: after Space and 1.5 s the date moved forward ($before → $during)" later "$during" "$before"
    check "play: the timeline shows ▶ and the speed" shows play '▶ 4 days/s'
    key play +
    check "play: + plays faster (8 days/s)" wait_until 3 shows play '▶ 8 days/s'
    key play Space
    paused=$(date_on_row play 30)
    sleep 1.5
    after=$(date_on_row play 30)
    check "play: after Space again the date stays ($paused, 1.5 s later $after)" [ "$paused" = "$after" ]
    check "play: the timeline shows ❚❚" shows play '❚❚ 8 days/s'
    key play p
    check "play: p opens presentation mode (large digits, no status bar)" \
        wait_until 3 shows play '█'
    key play Escape
    check "play: Esc goes back to the dashboard" wait_until 3 status_on_row play 30
    key play q
    check "play: q quits with status 0" wait_until 10 exited_with play 0
else
    fail "play: dashboard up at 100x30, status bar date on row 30"; screen play | head -5
fi

# --- A tour: the first caption, → to the second step, p to the dashboard, Esc ends it.
start tour 100 30 --tour "$TOUR"
if wait_until 30 shows tour 'DeepSeek releases its R1 reasoning model'; then
    pass "tour: opens in presentation mode on the first caption"
    check "tour: step 1/12 shown" shows tour '1/12'
    key tour Right
    check "tour: → shows the second caption (Longgang)" wait_until 3 shows tour "Shenzhen's Longgang District puts the full-size R1"
    check "tour: step 2/12 shown" shows tour '2/12'
    check "tour: the focus is Longgang, Shenzhen, Guangdong" shows tour '龙岗 Longgang · 深圳 Shenzhen · 广东 Guangdong: 1 deployment'
    key tour p
    check "tour: p shows the dashboard, status bar on row 30" wait_until 3 status_on_row tour 30
    step_date=$(date_on_row tour 30)
    check "tour: the second step's date is 2025-02-08 ($step_date)" [ "$step_date" = "2025-02-08" ]
    check "tour: the timeline captions the step (2/12)" shows tour '2/12 +Shenzhen'
    key tour n
    step_date=$(date_on_row tour 30)
    check "tour: n goes on to Futian, 2025-02-15 ($step_date)" [ "$step_date" = "2025-02-15" ]
    key tour Escape
    check "tour: Esc ends the tour (no step caption)" wait_until 3 bash -c "! tmux -L $SOCKET capture-pane -p -t tour | grep -q '3/12'"
    key tour q
    check "tour: q quits with status 0" wait_until 10 exited_with tour 0
else
    fail "tour: opens in presentation mode on the first caption"; screen tour | head -8
fi

# --- Issue 12: playback captions what each day added and marks it; a country-level step boxes
# no province and keeps its caption's source line (100x30 and 80x24).
start lit 100 30 --date 2025-02-12
if wait_until 30 status_on_row lit 30; then
    pass "lit: dashboard up at 100x30 on 2025-02-12"
    key lit p
    key lit Space
    check "lit: playing, presentation mode captions a played day (+N on MM-DD in N cities: ...)" \
        wait_until 5 shows lit '^  \+[0-9]+ on 02-[0-9][0-9]  in [0-9]+ (city|cities|province|provinces)'
    check "lit: playing, the info line says ▶" shows lit '▶ 4 days/s'
    key lit Space
    check "lit: paused, the info line says ❚❚" wait_until 3 shows lit '❚❚ 4 days/s'
    check "lit: paused, the caption stays" shows lit '^  \+[0-9]+ on 02-[0-9][0-9]  in '
    check "lit: a province that gained is marked + on the map" \
        bash -c "tmux -L $SOCKET capture-pane -p -t lit | sed -n '8,29p' | grep -qE '(^| )\+ '"
    key lit q
    check "lit: q quits with status 0" wait_until 10 exited_with lit 0
else
    fail "lit: dashboard up at 100x30 on 2025-02-12"; screen lit | head -5
fi

for size in 100x30 80x24; do
    name=country${size%x*}
    start "$name" "${size%x*}" "${size#*x}" --tour "$TOUR"
    if wait_until 30 shows "$name" '1/12'; then
        for _ in 1 2 3 4 5 6 7 8 9 10 11; do key "$name" n; done
        check "country $size: n eleven times shows the last step, the whole country (12/12)" \
            wait_until 3 shows "$name" '12/12 .*By 31 March'
        check "country $size: no province is boxed" bash -c "! tmux -L $SOCKET capture-pane -p -t $name | grep -qF '['"
        check "country $size: the caption keeps its source line" shows "$name" "^ +— Counts from this data set"
        key "$name" q
        check "country $size: q quits with status 0" wait_until 10 exited_with "$name" 0
    else
        fail "country $size: the tour opens"; screen "$name" | head -5
    fi
done

# --- dump presentation: a tour step as the audience sees it, without a terminal.
out=$(cd "$REPO" && "$BIN" dump presentation --tour "$TOUR" --step 9 --width 80 --height 24)
check "dump presentation: 24 rows at 80x24" [ "$(wc -l <<<"$out")" -eq 24 ]
check "dump presentation: step 9/12 with its source line" grep -qE '^ +— Zhiding think tank' <<<"$out"
check "dump presentation: the country step boxes no province" bash -c '! grep -qF "[" <<<"$0"' "$out"
set +e
message=$(cd "$REPO" && "$BIN" dump presentation --tour "$TOUR" --step 13 2>&1 >/dev/null)
status=$?
set -e
check "dump presentation: --step 13 of 12 is bad usage ($status: $message)" \
    bash -c '[ "$0" -eq 2 ] && grep -qF "has steps 1 to 12" <<<"$1"' "$status" "$message"

# --- A bad tour file: FILE:LINE:COL: error, status 1, before any terminal is needed.
printf '{"format": "adopt.tour", "version": 1,\n "title": "bad",\n "steps": [{"date": "2025-02-30", "caption": "x"}]}\n' >"$WORK/bad.json"
set +e
message=$(cd "$REPO" && "$BIN" --tour "$WORK/bad.json" </dev/null 2>&1 >/dev/null)
status=$?
set -e
check "bad tour: exit status 1 ($status)" [ "$status" -eq 1 ]
check "bad tour: FILE:LINE:COL: error ($message)" grep -qF "$WORK/bad.json:3:21: error: steps[0].date" <<<"$message"
check "bad tour: stopped before the terminal (no 'needs a terminal')" bash -c "! grep -q 'needs a terminal' <<<\"\$0\"" "$message"

finish
