#!/usr/bin/env bash
# End-to-end test of `adopt --log FILE` (issue 10, "a log for ops") in a real terminal (tmux):
# the dashboard runs on a copy of Data/ with --log; a new snapshot arrives, is truncated, `r`
# and `a` are pressed, then `q`. The log must have one timestamped line (ISO 8601 with the
# offset of TZ) for the start, the load, each reload (with its problem as FILE:LINE:COL and the
# fallback to the last good version), `r`, the acknowledgement and the quit; nothing of it on
# the screen; a second run appends. A log file that cannot be opened stops adopt with exit 2,
# the path and the reason, before the terminal starts.
#
# Usage: Tests/e2e/oplog.sh [path/to/adopt]   Prints PASS/FAIL lines and "N passed, N failed".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_setup oplog "$@"
if ! command -v tmux >/dev/null; then fail "tmux is installed"; finish; fi
if ! command -v python3 >/dev/null; then fail "python3 is installed (writes the snapshot)"; finish; fi
if [ ! -x "$BIN" ]; then fail "binary exists: $BIN"; finish; fi

DATA=$WORK/data
LOG=$WORK/ops.log
mkdir -p "$DATA"
cp "$REPO"/Data/*.json "$DATA/"
NEWEST=$(ls "$DATA"/*.json | sort | tail -1)
GOOD=$WORK/new-snapshot.json
# The newest snapshot a day later, with one deployment in Yinchuan (640100); prints the new asOf.
NEW_AS_OF=$(python3 - "$NEWEST" "$GOOD" <<'PY'
import datetime, json, sys
src, dst = sys.argv[1:3]
d = json.load(open(src, encoding="utf-8"))
d["asOf"] = (datetime.date.fromisoformat(d["asOf"]) + datetime.timedelta(days=1)).isoformat()
d["deployments"].append({
    "id": "nx-yinchuan-oplog", "region": "640100", "organization": "银川市政务服务数据管理局 (e2e)",
    "date": d["asOf"], "status": "deployed", "sector": "government", "models": ["DeepSeek-R1"],
    "useCases": ["government services"], "sources": [d["sources"][0]["id"]]})
open(dst, "w", encoding="utf-8").write(json.dumps(d, ensure_ascii=False, indent=2))
print(d["asOf"])
PY
)
NEW_FILE=$DATA/$NEW_AS_OF.json
"$BIN" validate "$GOOD" >/dev/null 2>&1 || { fail "the new snapshot is valid"; finish; }

# One line per entry: time with milliseconds and +08:00 (TZ=Asia/Shanghai), level, event.
STAMP='[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]\.[0-9]{3}\+08:00'
logged() { grep -E "^$STAMP $1" "$LOG" >/dev/null 2>&1; }
logged_count() { grep -cE "^$STAMP $1" "$LOG" 2>/dev/null || true; }
not_on_screen() { local s; s=$(screen "$1"); ! grep -E "$2" <<<"$s" >/dev/null; }

# --- A log file that cannot be opened: exit 2, path and reason, the terminal never set up ---
start badlog 100 30 TZ=Asia/Shanghai -- --log "$WORK/missing/ops.log" "$DATA"
if wait_until 10 exited badlog; then
    check "badlog: exit status 2 ($(cat "$WORK/badlog.exit"))" exit_status_is badlog 2
    check "badlog: says the path and the reason" \
        shows badlog "adopt: cannot open log file $WORK/missing/ops.log: No such file or directory"
    check "badlog: stty -a identical before and after" stty_unchanged badlog
    check "badlog: the terminal was never switched (no alternate screen)" modes_restored badlog
else
    fail "badlog: adopt exited"
fi
check "badlog: no file made" [ ! -e "$WORK/missing" ]

# --- The dashboard with --log ---
start ops 120 40 TZ=Asia/Shanghai -- --log "$LOG" "$DATA"
if ! started ops 40; then finish; fi
check "start is logged (version, paths, pid)" wait_until 2 logged "info start: adopt [0-9.]+ on $DATA pid=[0-9]+$"
check "the startup load is logged with its figures" \
    logged "info load: 7 files, 7 snapshots, 0 problems; current $NEWEST \(asOf [0-9-]+\) generation=1$"
sleep 0.5 # let the watcher settle: the next reload must be the new file's

# 1. A new snapshot (written beside, renamed into place): a reload with the change.
cp "$GOOD" "$WORK/tmp.json" && mv "$WORK/tmp.json" "$NEW_FILE"
check "reload logged within 2 s: 8 files, a region changed, the new file current" \
    wait_until 2 logged "info reload: 8 files, 8 snapshots, 0 problems, [1-9][0-9]* regions? changed; current $NEW_FILE \(asOf $NEW_AS_OF\) generation=[0-9]+$"
check "status bar: regions changed (a)" wait_until 2 status_has ops 'changed \(a\)'

# 2. The new file truncated in place: the problem (FILE:LINE:COL) and the fallback.
head -c 2000 "$GOOD" >"$NEW_FILE"
check "truncated: the error logged as FILE:LINE:COL: error: message" \
    wait_until 2 logged "error problem: $NEW_FILE:[1-9][0-9]*:[0-9]+: error: .+"
check "truncated: the reload counts 1 error" logged "info reload: 8 files, 8 snapshots, 2 problems \(1 error\), 0 regions changed"
check "truncated: the fallback to the last good version, with its asOf" \
    logged "warning fallback: showing the last good version of $NEW_FILE \(asOf $NEW_AS_OF, loaded $STAMP\)$"

# 3. r: the request and its reload.
reloads=$(logged_count "info reload:")
key ops r
check "r: 'reload requested' logged" wait_until 2 logged "info reload requested: "
more_reloads() { [ "$(logged_count "info reload:")" -gt "$reloads" ]; }
check "r: a reload follows" wait_until 2 more_reloads

# 4. a: the acknowledgement, with the count the status bar showed and the region codes.
key ops a
check "a: the status bar note goes" wait_until 2 bash -c "! tmux -L $SOCKET capture-pane -p -t ops | tail -n 1 | grep -q 'changed (a)'"
check "a: acknowledge logged with the regions (Yinchuan 640100, Ningxia 640000)" \
    wait_until 2 logged "info acknowledge: [1-9][0-9]* changed regions? seen regions=([0-9]+,)*640000,640100(,[0-9]+)*$"
key ops a
sleep 0.3
check "a again, nothing changed: no second acknowledgement" [ "$(logged_count "info acknowledge:")" = 1 ]

# 5. Nothing of the log on the screen.
check "the log is not on the screen" not_on_screen ops "reload requested|acknowledge:|$STAMP"

key ops q
ended ops 0
check "quit logged with the exit status" wait_until 2 logged "info quit: quit, exit status 0$"
check "every line is 'TIME LEVEL event: ...'" \
    bash -c "! grep -vE '^$STAMP (info|notice|warning|error) [a-z ]+: ' '$LOG'"
lines_before=$(wc -l <"$LOG")

# --- A second run appends ---
start again 100 30 TZ=Asia/Shanghai -- --log "$LOG" "$DATA"
if started again 30; then
    key again q
    ended again 0
fi
check "second run: the first run's $lines_before lines kept, its own appended" \
    bash -c "[ \$(grep -c ' info start: ' '$LOG') = 2 ] && head -n $lines_before '$LOG' | tail -n 1 | grep -q 'info quit: '"
check "second run: its startup load logs the broken file's problem" \
    bash -c "tail -n +$((lines_before + 1)) '$LOG' | grep -qE ' error problem: $NEW_FILE:[0-9]+:[0-9]+: error: '"

note "the log ($(wc -l <"$LOG") lines):"
sed 's/^/       /' "$LOG" | cut -c1-180
finish
