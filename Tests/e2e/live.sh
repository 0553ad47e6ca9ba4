#!/usr/bin/env bash
# End-to-end test of live reloading in a real terminal (tmux, 120x40): the dashboard runs on a
# copy of Data/; a new snapshot file appears, is truncated, then fixed; the screen must follow
# within two seconds with no key pressed, keep the last good counts while the file is broken,
# show and clear the problem, list the added deployment under `d`, and use no CPU while idle;
# the map's shading bins stay across reloads until a province outgrows them (issue 12).
#
# Usage: Tests/e2e/live.sh [path/to/adopt]   (default: the binary of `swift build`)
# Prints PASS/FAIL per check and ends with "N passed, N failed"; exits 1 on any failure.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${1:-"$(cd "$REPO" && swift build --show-bin-path)/adopt"}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/adopt-live.XXXXXX")
DATA=$WORK/data
SOCKET=adopt-live-$$
NAME=live
PASSED=0
FAILED=0
# The province that gets the new deployment: Ningxia has none in the shipped data.
PROVINCE=Ningxia
NEW_ID=hi-haikou-e2e

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
if ! command -v python3 >/dev/null; then fail "python3 is installed (writes the snapshot)"; finish; fi
if [ ! -x "$BIN" ]; then fail "binary exists: $BIN"; finish; fi

mkdir -p "$DATA"
cp "$REPO"/Data/*.json "$DATA/"
NEWEST=$(ls "$DATA"/*.json | sort | tail -1)
GOOD=$WORK/new-snapshot.json

# The newest snapshot, a day later, with one deployment in Yinchuan (640100); prints both asOf.
read -r OLD_AS_OF NEW_AS_OF < <(python3 - "$NEWEST" "$GOOD" "$NEW_ID" <<'PY'
import datetime, json, sys
src, dst, new_id = sys.argv[1:4]
d = json.load(open(src, encoding="utf-8"))
old = d["asOf"]
d["asOf"] = (datetime.date.fromisoformat(old) + datetime.timedelta(days=1)).isoformat()
d["deployments"].append({
    "id": new_id, "region": "640100", "organization": "银川市政务服务数据管理局 (e2e)",
    "date": d["asOf"], "status": "deployed", "sector": "government", "models": ["DeepSeek-R1"],
    "useCases": ["government services"], "sources": [d["sources"][0]["id"]]})
open(dst, "w", encoding="utf-8").write(json.dumps(d, ensure_ascii=False, indent=2))
print(old, d["asOf"])
PY
)
NEW_FILE=$DATA/$NEW_AS_OF.json
"$BIN" validate "$GOOD" >/dev/null 2>&1 || { fail "the new snapshot is valid"; finish; }

cat >"$WORK/run.sh" <<WRAPPER
cd $(printf %q "$WORK")
env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC bash -c 'echo \$\$ >$(printf %q "$WORK/pid"); exec $(printf %q "$BIN") $(printf %q "$DATA")'
echo "EXIT=\$?" >$(printf %q "$WORK/exit")
exec sleep 3600
WRAPPER
tm new-session -d -s "$NAME" -x 120 -y 52 "bash $(printf %q "$WORK/run.sh")"

screen() { tm capture-pane -p -t "$NAME"; }
status_line() { screen | sed -n 52p; }
key() { tm send-keys -t "$NAME" "$1"; sleep 0.15; } # one at a time: Esc then a key must not merge
wait_until() { # wait_until SECONDS COMMAND...: polls every 0.05 s
    local deadline=$(($(date +%s%N) + $1 * 1000000000)); shift
    while [ "$(date +%s%N)" -lt "$deadline" ]; do
        if "$@" 2>/dev/null; then return 0; fi
        sleep 0.05
    done
    return 1
}
# The province's count in the table: "宁夏   Ningxia        *1    1/5 ..." gives 1 ("*" marks a change).
count_of() { screen | grep -oE "$1 +\*?[0-9]+ +[0-9]+/[0-9]+" | head -1 | awk '{print $2}' | tr -d '*'; }
count_is() { [ "$(count_of "$1")" = "$2" ]; }
marked_changed() { screen | grep -qE "$1 +\*[0-9]+ "; }
shows() { local s; s=$(screen); grep -qE "$1" <<<"$s"; }
status_shows() { local s; s=$(status_line); grep -qE "$1" <<<"$s"; }
no_problem_shown() { ! status_shows '⚠'; }
not_marked_changed() { ! marked_changed "$1"; }
no_changed_note() { ! status_shows 'changed \(a\)'; }
alive() { kill -0 "$(cat "$WORK/pid")" 2>/dev/null; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

if wait_until 30 status_shows '20[0-9]{2}-[01][0-9]-[0-3][0-9]'; then pass "dashboard up"; else fail "dashboard up"; screen | head -5; finish; fi
key m
check "table view: $PROVINCE listed with 0" wait_until 5 count_is "$PROVINCE" 0
check "no problem shown at the start" no_problem_shown
sleep 0.5 # let the startup settle: the next change must be the file's

# 1. A new snapshot with a deployment in Ningxia: the count changes with no key pressed.
began=$(date +%s%N)
cp "$GOOD" "$NEW_FILE"
if wait_until 2 count_is "$PROVINCE" 1; then
    pass "new snapshot: $PROVINCE 0 → 1 on screen within 2 s ($(ms_since "$began") ms)"
else
    fail "new snapshot: $PROVINCE 0 → 1 on screen within 2 s (shows '$(count_of "$PROVINCE")')"
fi
check "the changed row is marked *" marked_changed "$PROVINCE"
check "status bar: regions changed (a)" status_shows 'changed \(a\)'
before=$(screen | grep -E "$PROVINCE|全国" | grep -oE ' \*?[0-9]+ +[0-9]+/[0-9]+')

# 2. The file is overwritten by a truncated copy: problem shown, counts kept.
began=$(date +%s%N)
head -c 2000 "$GOOD" >"$NEW_FILE"
if wait_until 2 status_shows '⚠ [0-9]+ problem'; then
    pass "truncated file: ⚠ problem in the status bar within 2 s ($(ms_since "$began") ms)"
else
    fail "truncated file: ⚠ problem in the status bar within 2 s ($(status_line))"
fi
after=$(screen | grep -E "$PROVINCE|全国" | grep -oE ' \*?[0-9]+ +[0-9]+/[0-9]+')
check "truncated file: counts unchanged ($PROVINCE and the total)" [ "$before" = "$after" ]
check "truncated file: $PROVINCE still 1" count_is "$PROVINCE" 1
key '!'
check "! lists the problem with file:line:col" shows "$(basename "$NEW_FILE"):[0-9]+:[0-9]+"
check "! says the last good version is shown" shows 'showing the last good version'
key Escape
check "Esc closes the problems pane" wait_until 2 count_is "$PROVINCE" 1

# 3. The file is fixed: the problem clears.
began=$(date +%s%N)
cp "$GOOD" "$NEW_FILE"
if wait_until 2 no_problem_shown; then
    pass "fixed file: problem cleared within 2 s ($(ms_since "$began") ms)"
else
    fail "fixed file: problem cleared within 2 s ($(status_line))"
fi
check "fixed file: $PROVINCE still 1" count_is "$PROVINCE" 1

# 4. What changed: d lists the added deployment; a acknowledges the highlight.
key d
check "d: the diff lists the added deployment $NEW_ID" wait_until 2 shows "\+ $NEW_ID"
check "d: between the newest two snapshots ($OLD_AS_OF → $NEW_AS_OF)" shows "$OLD_AS_OF → $NEW_AS_OF · "
key Escape
check "a: not yet acknowledged, still marked" marked_changed "$PROVINCE"
key a
check "a: the mark goes" wait_until 2 not_marked_changed "$PROVINCE"
check "a: the status bar note goes" wait_until 2 no_changed_note

# 5. r reloads every file now: the time of the last load moves on ("reloading…" in between is
# too brief to catch), and nothing else changes. 200 columns leave room for "loaded HH:MM:SS".
tm resize-window -t "$NAME" -x 200 -y 52
loaded_at() { status_line | grep -oE 'loaded [0-9]{2}:[0-9]{2}:[0-9]{2}'; }
loaded_moved() { local now; now=$(loaded_at) && [ -n "$now" ] && [ "$now" != "$1" ]; }
wait_until 2 loaded_at >/dev/null || true
before_r=$(loaded_at || true)
check "status bar at 200 columns shows when the data was loaded ($before_r)" [ -n "$before_r" ]
sleep 1.1
began=$(date +%s%N)
key r
if wait_until 2 loaded_moved "$before_r"; then
    pass "r: reloaded ($before_r → $(loaded_at), $(ms_since "$began") ms)"
else
    fail "r: reloaded (still $(loaded_at))"
fi
check "r: $PROVINCE still 1, unmarked" count_is "$PROVINCE" 1
check "r: no problem, nothing changed" no_problem_shown

# 6. Idle: no CPU while nothing happens (the watcher and the run loop block in poll).
pid=$(cat "$WORK/pid")
t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
sleep 5
t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
echo "     idle CPU over 5 s: $((t1 - t0)) clock ticks ($(getconf CLK_TCK)/s)"
check "idle for 5 s uses under 0.05 s of CPU" [ $(((t1 - t0) * 100 / $(getconf CLK_TCK))) -lt 5 ]

# 6b. Issue 12: the map's bins stay while a reload fits them (the steps above) and are widened,
# with a note in the status line, when a province outgrows them: 60 more in Ningxia (61 > 50).
key m  # the map (the steps above read the table)
legend_before=$(screen | grep -oE ' 0   1 .*[0-9]+\+' | head -1 || true)
[ -n "$legend_before" ] || screen | head -60
check "the legend's bins are the data set's (${legend_before# })" grep -q ' 1   2-4   5-9   10-19   20+' <<<"$legend_before"
WIDER=$DATA/9999-12-31.json
python3 - "$GOOD" "$WIDER" <<'PY'
import json, sys
src, dst = sys.argv[1:3]
d = json.load(open(src, encoding="utf-8"))
d["asOf"] = "2030-01-01"
for i in range(60):
    d["deployments"].append({
        "id": f"nx-e2e-{i}", "region": "640100", "organization": f"银川 e2e {i}", "date": "2029-12-31",
        "status": "deployed", "sector": "enterprise", "models": ["DeepSeek-R1"], "useCases": ["e2e"],
        "sources": [d["sources"][0]["id"]]})
open(dst + ".tmp", "w", encoding="utf-8").write(json.dumps(d, ensure_ascii=False))
PY
mv "$WIDER.tmp" "$WIDER"
check "a province outgrowing the bins: the status line says the scale widened" \
    wait_until 3 status_shows 'Colour scale widened: a province now has 61'
check "the legend shows the new bins" shows ' 1   2-4   5-19   20-49   50\+ '
rm -f "$WIDER"
wait_until 3 status_shows "$NEW_AS_OF" || true

key q
check "q quits with status 0" wait_until 5 grep -qx 'EXIT=0' "$WORK/exit"

# 7. A file already broken at startup: the problem is on the first screens, the rest loads.
tm kill-session -t "$NAME"
rm -f "$WORK/pid" "$WORK/exit"
printf '{\n  "format": "adopt.snapshot",\n' >"$DATA/2025-01-01.json"
tm new-session -d -s "$NAME" -x 120 -y 52 "bash $(printf %q "$WORK/run.sh")"
check "broken at startup: ⚠ 1 problem in the status bar" wait_until 10 status_shows '⚠ 1 problem \(!\)'
check "broken at startup: the other files' data is shown" status_shows "$NEW_AS_OF"
key q
check "q quits with status 0" wait_until 5 grep -qx 'EXIT=0' "$WORK/exit"
finish
