#!/usr/bin/env bash
# End-to-end checks of issue 10's live behaviour in a real terminal (tmux), no key pressed
# unless said: a symlink swapped the way deploy tools release (ln -sfn + mv -T) is followed
# within 2 s; a directory renamed away and back, and `rm *.json && cp`, leave nothing marked
# changed; an empty directory shows "waiting" and then the data when a valid file arrives; a
# removed current file is named in the status bar.
#
# Usage: Tests/e2e/ops.sh [path/to/adopt]   Prints PASS/FAIL lines and "N passed, N failed".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_setup ops "$@"
finish() { echo "$PASSED passed, $FAILED failed"; [ "$FAILED" -eq 0 ]; exit $?; }
if ! command -v tmux >/dev/null; then fail "tmux is installed"; finish; fi

total_is() { status_has "$1" "│ $2 (deployments|dep) "; }
ms_since() { echo $(($(now_ms) - $1)); }
count() { jq '.deployments | length' "$1"; }

# Two releases: v1 holds the 2025-03-10 snapshot, v2 the 2025-03-31 one.
mkdir -p "$WORK/rel/v1" "$WORK/rel/v2"
cp "$REPO/Data/2025-03-10.json" "$WORK/rel/v1/"
cp "$REPO/Data/2025-03-31.json" "$WORK/rel/v2/"
n1=$(count "$WORK/rel/v1/2025-03-10.json"); n2=$(count "$WORK/rel/v2/2025-03-31.json")
ln -s v1 "$WORK/rel/current"

# --- 1. A symlink swap is followed, with no key pressed ---
start swap 120 40 -- "$WORK/rel/current"
if started swap 40; then
    check "swap: v1 on screen ($n1 deployments)" wait_until 5 total_is swap "$n1"
    t0=$(now_ms)
    ln -sfn v2 "$WORK/rel/current.tmp" && mv -T "$WORK/rel/current.tmp" "$WORK/rel/current"
    if wait_until 2 total_is swap "$n2"; then pass "swap: v2 ($n2 deployments) on screen within 2 s ($(ms_since "$t0") ms)"
    else fail "swap: v2 on screen within 2 s ($(status_line swap))"; fi
    key swap q
    ended swap 0
fi

# --- 2. Renamed away and back; deleted and copied back: no false changes ---
mkdir -p "$WORK/feed"
cp "$REPO"/Data/2025-0[23]-*.json "$WORK/feed/"
start same 120 40 -- "$WORK/feed"
if started same 40; then
    before=$(status_line same)
    mv "$WORK/feed" "$WORK/feed.away"
    check "rename away: the data stays on screen" wait_until 3 status_has same '⚠'
    mv "$WORK/feed.away" "$WORK/feed"
    check "rename back: the problem clears" wait_until 3 bash -c "! tmux -L $SOCKET capture-pane -p -t same | tail -n 1 | grep -q '⚠'"
    sleep 0.5
    check "rename away and back: nothing marked changed" bash -c "! tmux -L $SOCKET capture-pane -p -t same | grep -qE 'changed \\(a\\)|\\*[0-9]'"
    rm "$WORK"/feed/*.json
    sleep 0.6
    cp "$REPO"/Data/2025-0[23]-*.json "$WORK/feed/"
    sleep 1.0
    check "rm *.json && cp: nothing marked changed" bash -c "! tmux -L $SOCKET capture-pane -p -t same | grep -qE 'changed \\(a\\)|\\*[0-9]'"
    # The current file removed: named until acknowledged.
    rm "$WORK/feed/2025-03-31.json"
    check "current file removed: named in the status bar" wait_until 3 status_has same '2025-03-31.json removed'
    key same a
    check "a: acknowledged, the name goes" wait_until 3 bash -c "! tmux -L $SOCKET capture-pane -p -t same | tail -n 1 | grep -q removed"
    key same '!'
    check "!: the data path, current file and freshness are listed" wait_until 3 shows same 'current file: .*2025-03-10.json \(asOf 2025-03-10'
    key same Escape
    key same q
    ended same 0
fi

# --- 3. Waiting for the first valid snapshot instead of exiting ---
mkdir -p "$WORK/empty"
start wait 100 30 -- "$WORK/empty"
check "wait: an empty directory shows 'waiting for a valid snapshot'" wait_until 10 shows wait 'waiting for a valid snapshot in'
check "wait: still running" alive wait
printf '{\n  "format": "adopt.snapshot",\n' >"$WORK/empty/half.json"
check "wait: a half-written file is a problem, still waiting" wait_until 3 status_has wait 'waiting.*⚠ 1'
t0=$(now_ms)
cp "$REPO/Data/2025-03-10.json" "$WORK/empty/"
if wait_until 2 total_is wait "$n1"; then pass "wait: the first valid file on screen within 2 s ($(ms_since "$t0") ms)"
else fail "wait: the first valid file on screen ($(status_line wait))"; fi
check "wait: the first data is not marked as a change" bash -c "! tmux -L $SOCKET capture-pane -p -t wait | grep -qE 'changed \\(a\\)'"
key wait q
ended wait 0

# The command-line tools still fail fast on no data.
set +e; (cd "$REPO" && "$BIN" export "$WORK/nothing-here" >/dev/null 2>&1); code=$?; set -e
check "export on a missing directory exits non-zero ($code)" [ "$code" -ne 0 ]
finish
