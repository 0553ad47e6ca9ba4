#!/usr/bin/env bash
# Loading: a long load shows its progress within half a second, answers q and Ctrl-C at once
# with the terminal restored, honours a resize; `validate` writes progress to stderr only
# when stderr is a terminal.
#
#   bash Tests/e2e/loading.sh [path/to/adopt]
#
# The data: `adopt generate` with LOADING_DEPLOYMENTS deployments (default 100000: the debug
# build generates it in ~5 s and loads it in several; 500000 is the issue's size and takes
# ~25 s to generate in a debug build).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_setup loading "$@"

N=${LOADING_DEPLOYMENTS:-100000}
DATA="$WORK/data"
t0=$(now_ms)
"$BIN" generate --deployments "$N" --snapshots 1 --out "$DATA" >/dev/null 2>&1
FILE=$(ls "$DATA"/*.json | head -1)
note "generated $N deployments ($(($(stat -c %s "$FILE") / 1000000)) MB) in $(($(now_ms) - t0)) ms"
# How long a plain load takes here (validate reads the same way): the checks below need
# one that lasts well over a second.
t0=$(now_ms)
"$BIN" validate "$DATA" >/dev/null 2>&1
LOAD_MS=$(($(now_ms) - t0))
note "adopt validate: $LOAD_MS ms"
if [ "$LOAD_MS" -lt 1500 ]; then
    note "the load is too quick to watch (a release build?): set LOADING_DEPLOYMENTS higher"
fi
PROGRESS='Loading .*json  [0-9.]+ / [0-9.]+ MB'

# progress_shown NAME: the loading line is on screen (a narrow one keeps the file and the
# figures: "2025-06-30.json  13/26 MB").
progress_shown() { shows "$1" "$PROGRESS|json +[0-9.]+ ?/ ?[0-9.]+ MB"; }
# widest NAME: the widest row on screen, in characters.
widest() { screen "$1" | wc -L; }

# --- q while loading -------------------------------------------------------------------
start q 100 30 ADOPT_PROGRESS_LOG="$WORK/q.progress" -- "$DATA"
t0=$(now_ms)
if wait_until 0.5 shows q "Loading "; then pass "q: progress line within 0.5 s ($(($(now_ms) - t0)) ms after the session started)"
else fail "q: progress line within 0.5 s"; screen q | head -20; fi
wait_until 2 shows q "$PROGRESS"
check "q: the line names the file and the MB read of the total" shows q "$PROGRESS"
check "q: still loading (a progress bar, no status bar)" shows q "░"
key q q
t0=$(now_ms)
wait_until 5 exited q
note "q: exited $(($(now_ms) - t0)) ms after q was sent (plus 100 ms in key())"
check "q: the process ended within 1 s of q" [ $(($(now_ms) - t0)) -lt 1000 ]
ended q 0
note "q: first progress frame $(awk '{print $2}' "$WORK/q.progress" 2>/dev/null) ms after the process started (ADOPT_PROGRESS_LOG; ±10 ms)"

# --- a resize while loading ------------------------------------------------------------
start resize 100 30 -- "$DATA"
wait_until 2 progress_shown resize || true
tm resize-window -t resize -x 60 -y 12
sleep 0.6
check "resize: progress still shows after the resize" progress_shown resize
row=$(screen resize | grep -nE "Loading|json" | head -1 | cut -d: -f1)
check "resize: redrawn at the new size (line on row ${row:-?} of 12)" [ "${row:-99}" -le 12 ]
check "resize: no row wider than 60 ($(widest resize))" [ "$(widest resize)" -le 60 ]
tm resize-window -t resize -x 30 -y 5
sleep 0.6
check "resize: narrow (30x5): the line fits" progress_shown resize
key resize q
ended resize 0

# --- Ctrl-C while loading ----------------------------------------------------------------
start ctrlc 100 30 -- "$DATA"
wait_until 2 progress_shown ctrlc || fail "ctrlc: progress shown"
tm send-keys -t ctrlc C-c
t0=$(now_ms)
wait_until 5 exited ctrlc
note "ctrl-c: exited $(($(now_ms) - t0)) ms after Ctrl-C"
check "ctrl-c: the process ended within 1 s" [ $(($(now_ms) - t0)) -lt 1000 ]
ended ctrlc 0

# --- the load completes into the dashboard ---------------------------------------------
# Wide enough for the status bar to keep the reload's figures beside the synthetic claim.
start done 140 30 -- "$DATA"
wait_until 2 progress_shown done || fail "done: progress shown"
t0=$(now_ms)
if wait_until $((LOAD_MS / 1000 * 4 + 30)) status_on_row done 30; then pass "done: the dashboard follows the loading screen ($(($(now_ms) - t0)) ms later)"
else fail "done: the dashboard follows the loading screen (waited $(($(now_ms) - t0)) ms)"; screen done | grep -v '^ *$' | head -3; fi
check "done: the map shows the data" shows done "$PROVINCE"
# A rewrite of the file: the reload says how far it has got in the status bar, and the data
# on screen stays (the map keeps answering keys meanwhile).
cp "$FILE" "$DATA/.rewrite" && mv "$DATA/.rewrite" "$FILE"
if wait_until 10 status_has done "reloading .*json [0-9.]+/[0-9.]+ MB|↻ [0-9.]+/[0-9.]+ MB"; then
    pass "done: a reload shows its progress in the status bar ($(status_line done | grep -oE "reloading [^ ]+ [0-9./]+ MB" | head -1))"
else fail "done: a reload shows its progress in the status bar"; status_line done; fi
key done j
check "done: the map still shows the data while reloading" shows done "$PROVINCE"
key done q
ended done 0

# --- stderr progress: only to a terminal -------------------------------------------------
"$BIN" validate "$DATA" >/dev/null 2>"$WORK/validate.err"
check "validate in a pipe: no progress (no \\r) on stderr" bash -c "! grep -q \$'\\r' '$WORK/validate.err'"
check "validate in a pipe: stderr holds only the report, no 'Loading' ($(wc -l <"$WORK/validate.err") lines)" bash -c "! grep -q Loading '$WORK/validate.err'"
# stderr a terminal (tmux), stdout to a file.
start tty 100 30 -- validate "$DATA"
if wait_until 3 shows tty "Loading .*MB"; then pass "validate with stderr a tty: progress line on stderr"
else fail "validate with stderr a tty: progress line on stderr"; screen tty | head -5; fi
wait_until $((LOAD_MS / 1000 * 4 + 30)) exited tty
check "validate with stderr a tty: the line is cleared at the end" bash -c "! tmux -L '$SOCKET' capture-pane -p -t tty | grep -q 'Loading '"
check "validate with stderr a tty: its report still printed" shows tty "deployments; 0 errors"
finish
