#!/usr/bin/env bash
# End-to-end checks of issue 9 ("true numbers") against the built binary and the shipped data,
# in a real terminal (tmux) and on the command line: the claim beside a tracked figure counted
# the claim's way, at every width; the claims pane (c) down to a record; the drill-down's
# "(city-wide)" row; known-by versus dated-by (K, --known-by); certainty filters; export rows
# that add up, a county's own row; exit codes.
# Issue 12: under NO_COLOR the map shades its tiles and legend with characters (· ░ ▒ ▓ █), never
# on a colour terminal; `dump --no-color` (or NO_COLOR) prints that map.
#
# Usage: Tests/e2e/trust.sh [path/to/adopt]   Prints PASS/FAIL lines and "N passed, N failed".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_setup trust "$@"
finish() { echo "$PASSED passed, $FAILED failed"; [ "$FAILED" -eq 0 ]; exit $?; }
if ! command -v tmux >/dev/null; then fail "tmux is installed"; finish; fi

run() { (cd "$REPO" && "$BIN" "$@"); }
# same_as_dump NAME W H: every row but the status bar (which adds the data's age) is what
# `adopt dump screen` prints with NO_COLOR set, shading and all.
same_as_dump() {
    local s expected; s=$(screen "$1")
    expected=$(cd "$REPO" && NO_COLOR=1 "$BIN" dump screen --width "$2" --height "$3")
    [ "$(head -n $(($3 - 1)) <<<"$s")" = "$(head -n $(($3 - 1)) <<<"$expected")" ]
}

# --- The status bar: tracked / claimed names the metric at every width ---
for size in 80x24 100x30 200x60; do
    w=${size%x*}; h=${size#*x}
    name=bar$w
    start "$name" "$w" "$h" NO_COLOR=1 -- --stale-after 10000d
    started "$name" "$h" || continue
    check "$name: 'tracked N / claimed M <what>' in the status bar" \
        status_has "$name" 'tracked [0-9]+ / claimed [0-9]+ (gov |procuratorate )?[a-z+% ]+'
    check "$name: CJK names on screen (广东)" shows "$name" '广东'
    # Issue 12: without colour the tiles carry their shade as characters, the legend the same
    # characters as swatches, and the busiest province the darkest.
    check "$name: NO_COLOR: the legend's swatches (0  · 1  ░ ...  █ N+)" shows "$name" '0  · 1  ░ [0-9-]+  ▒ [0-9-]+  ▓ [0-9-]+  █ [0-9]+\+'
    check "$name: NO_COLOR: tiles shaded with ░▒▓█" shows "$name" '[░▒▓█]{2,} +\*?[0-9]+'
    check "$name: NO_COLOR: the legend says what it counts" shows "$name" '(█ [0-9]+\+ +(deployments )?|│)per province'
    check "$name: NO_COLOR: the screen above the status bar is NO_COLOR's \`adopt dump screen\`" \
        same_as_dump "$name" "$w" "$h"
    key "$name" q
    ended "$name" 0
done

# --- Issue 12: the shading characters only without colour; dump --no-color is NO_COLOR's map ---
start colour 100 30 -- --stale-after 10000d
if started colour 30; then
    check "colour: no shading characters on a colour terminal" bash -c '! tmux -L "$0" capture-pane -p -t colour | grep -q "[░▒▓]"' "$SOCKET"
    key colour q
    ended colour 0
fi
plain=$(run dump map --width 100 --height 30)
mono=$(run dump map --width 100 --height 30 --no-color)
check "dump map: no shading characters without --no-color" bash -c '! grep -q "[░▒▓█]" <<<"$0"' "$plain"
check "dump map --no-color: tiles and legend shaded" bash -c 'grep -q "█ [0-9]*+" <<<"$0" && grep -qE "[░▒▓█]{3}" <<<"$0"' "$mono"
check "dump map: NO_COLOR=1 draws what --no-color draws" test "$(cd "$REPO" && NO_COLOR=1 "$BIN" dump map --width 100 --height 30)" = "$mono"
check "dump map: the shading changes no character of a name or a count" \
    test "$(sed '/per province/d' <<<"$mono" | python3 -c 'import re,sys; print(re.sub("[·░▒▓█]", " ", sys.stdin.read().split("\n", 1)[1]).rstrip())' | sed 's/ *$//')" \
       = "$(sed '1d;/per province/d' <<<"$plain" | sed 's/ *$//')"

# --- Claims pane: c, Enter on Zhiding's claim lists adopters, Enter opens a record ---
start claims 120 40
if started claims 40; then
    key claims c
    check "claims: c opens the pane" wait_until 5 shows claims 'Claims · Enter: who is tracked'
    check "claims: Zhiding's 72 with its definition" shows claims 'claimed 72 gov provs\+cities'
    check "claims: Tsinghua's 320" shows claims 'claimed 320 gov bodies'
    # Zhiding's claim is the third by date (Cailian 02-21, Shanghai 02-24, Zhiding 03-10).
    key claims Down; key claims Down; key claims Enter
    check "claims: Enter lists the tracked adopters" wait_until 5 shows claims 'Tracked adopters'
    check "claims: Shenzhen's city government among them" shows claims '深圳 Shenzhen +Shenzhen Municipal Government'
    key claims Enter
    check "claims: Enter opens the deployment's record" wait_until 5 shows claims 'Deployment record'
    check "claims: the record shows its sources" shows claims 'source'
    key claims q
    ended claims 0
fi

# --- The drill-down's own row at 80 columns: Shenzhen's city-wide deployments ---
start drill 80 24
if started drill 24; then
    key drill /; tm send-keys -t drill 'Shenzhen'; sleep 0.3; key drill Enter
    check "drill: Shenzhen's districts with '(city-wide)' first" wait_until 5 shows drill '› \(city-wide\) +[0-9]+'
    key drill Enter
    check "drill: Enter on it lists the city-wide deployments" wait_until 5 shows drill '(city-wide)'
    check "drill: Shenzhen's own list shows the city government" shows drill 'Shenzhen Municipal|深圳市政府'
    key drill q
    ended drill 0
fi

# --- Known by versus dated by: K in the dashboard ---
start known 120 40 -- --stale-after 10000d
if started known 40; then
    dated=$(status_line known | grep -oE '[0-9]+ deployments' | head -1)
    key known K
    check "known: K says 'known by' in the status bar" wait_until 5 status_has known 'known by'
    # At the current snapshot's date both modes agree; 300 days back they do not.
    for _ in 1 2 3; do key known '{'; done
    known_count=$(status_line known | grep -oE '[0-9]+ (deployments|dep)' | head -1)
    key known K
    wait_until 5 status_has known 'dated by' || true
    dated_count=$(status_line known | grep -oE '[0-9]+ (deployments|dep)' | head -1)
    note "at the snapshot date: $dated; three weeks back: known by $known_count, dated by $dated_count"
    check "known: known-by counts no more than dated-by" [ "${known_count%% *}" -le "${dated_count%% *}" ]
    key known q
    ended known 0
fi

# --- Command line: known-by, dated-by, certainty, export rows that add up ---
sum_col() { python3 -c 'import csv,sys; print(sum(int(r["deployments"]) for r in csv.DictReader(sys.stdin)))'; }
dated=$(run export --dated-by 2025-03-10 | sum_col)
asof=$(run export --as-of 2025-03-10 | sum_col)
known=$(run export --known-by 2025-03-10 2>/dev/null | sum_col)
snap=$(jq '.deployments | length' "$REPO/Data/2025-03-10.json")
note "2025-03-10: dated by $dated, known by $known (the snapshot of that day holds $snap)"
check "export --known-by 2025-03-10 counts the snapshot of that day ($snap)" [ "$known" = "$snap" ]
check "export --dated-by counts more (facts reported later): $dated > $known" [ "$dated" -gt "$known" ]
check "--as-of still works, as --dated-by" [ "$asof" = "$dated" ]
firm=$(run export --exclude-uncertain | sum_col); all=$(run export | sum_col)
check "export --exclude-uncertain leaves uncertain records out ($firm < $all)" [ "$firm" -lt "$all" ]
gov=$(run export --sector government | sum_col)
check "export --sector government ($gov < $all)" [ "$gov" -lt "$all" ]
proc=$(run export --body procuratorate | sum_col)
check "export --body procuratorate counts procuratorates ($proc)" [ "$proc" -gt 5 ]
set +e; run export --body prosecutor >/dev/null 2>&1; code=$?; set -e
check "export --body prosecutor: bad usage, exit 2 ($code)" [ "$code" -eq 2 ]
set +e; run export --dated-by 2025-03-10 --known-by 2025-03-10 >/dev/null 2>&1; code=$?; set -e
check "export with both --dated-by and --known-by: bad usage, exit 2 ($code)" [ "$code" -eq 2 ]

# Every province's rows (children + own) add up to the province's row in the national export.
bad=0
while IFS=, read -r code count; do
    sum=$(run export --region "$code" | sum_col)
    [ "$sum" = "$count" ] || { bad=$((bad + 1)); note "$code: rows add to $sum, province row says $count"; }
done < <(run export | python3 -c 'import csv,sys; [print(r["code"]+","+r["deployments"]) for r in csv.DictReader(sys.stdin)]')
check "export: every province's rows (prefectures + province-wide) add up to its total" [ "$bad" -eq 0 ]
bj=$(run export --region 110000)
check "export --region 110000 has the province-wide row (scope own)" grep -q '^110000,北京市,Beijing,province,[0-9]*,,,.*,own,' <<<"$bj"
futian=$(run export --region 440304)
check "export --region 440304 (a county) prints its own row" grep -q '^440304,福田区,Futian,county,1,' <<<"$futian"
json=$(run export --region 440300 --format json)
check "export --format json: the own row has scope \"own\" and null coverage" \
    python3 -c 'import json,sys; r=json.loads(sys.argv[1]); o=[x for x in r if x["scope"]=="own"]; assert len(o)==1 and o[0]["covered"] is None' "$json"

# dump: the mode is named; known-by before the first snapshot says nothing was known.
check "dump --known-by: status bar says 'known by'" grep -q 'known by' <<<"$(run dump screen --known-by 2025-06-30 --width 120 --height 30)"
err=$(run export --known-by 2025-02-01 2>&1 >/dev/null)
check "export --known-by before the first snapshot says so on stderr" grep -q 'no snapshot had been published by 2025-02-01' <<<"$err"
finish
