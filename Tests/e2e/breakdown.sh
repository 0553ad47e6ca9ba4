#!/usr/bin/env bash
# End-to-end test of the analyst's keys in a real terminal (tmux): `f` shows counts beside the
# choices, `b` shows the breakdown, Enter on a bar filters by it, `e` writes what the focused
# pane shows to a new CSV file (read back with Python's csv module: the rows shown), twice
# gives two files; `--view breakdown` opens on it, also at 80x24 and with NO_COLOR.
#
# Usage: Tests/e2e/breakdown.sh [path/to/adopt]   (default: the binary of `swift build`)
# Prints PASS/FAIL per check and ends with "N passed, N failed"; exits 1 on any failure.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_setup breakdown "$@"

if ! command -v tmux >/dev/null; then fail "tmux is installed"; finish; fi
if ! command -v python3 >/dev/null; then fail "python3 is installed"; finish; fi
if [ ! -x "$BIN" ]; then fail "binary exists: $BIN"; finish; fi
OUT=$WORK/out
mkdir -p "$OUT"

# csv_rows FILE: the data rows Python's csv module reads (header left out).
csv_rows() { python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))) - 1)' "$1"; }
# csv_row FILE N: data row N (from 1), fields joined by "|".
csv_row() { python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))); print("|".join(r[int(sys.argv[2])]))' "$1" "$2"; }
# written NAME: the file the status bar says `e` wrote, and the row count it gives.
written() { status_line "$1" | grep -oE 'wrote [^ ]+\.csv \([0-9]+ rows?\)' | tail -1 || true; }
files() { find "$OUT" -name '*.csv' | wc -l; }

# 1. The filter menu's counts, the breakdown, Enter, e.
start bd 100 30 "ADOPT_EXPORT_DIR=$OUT"
if started bd 30; then
    key bd f
    check "bd: f shows how facets combine" wait_until 5 shows bd 'OR within a group, AND across groups'
    check "bd: f shows a count beside each sector" shows bd '\[ \] government +[0-9]+ '
    key bd G
    check "bd: G goes to the last group (Use case), counts beside it" wait_until 5 shows bd '\[ \] .* +[0-9]+ +│'
    key bd Escape
    key bd b
    check "bd: b shows the breakdown" wait_until 5 shows bd 'Breakdown · by count'
    check "bd: the header says what is counted" shows bd '[0-9]+ deployments dated by'
    first=$(screen bd | grep -oE '› [^│]*[0-9]+ +[0-9<]+%' | head -1)
    value=$(sed -E 's/^› (.*[^ ]) +[▏▎▍▌▋▊▉█]+ +[0-9]+ +[0-9<]+%$/\1/' <<<"$first")
    count=$(grep -oE '[0-9]+ +[0-9<]+%$' <<<"$first" | awk '{print $1}')
    note "selected bar: $value, $count"
    check "bd: a bar is selected (› $value)" test -n "$value"
    key bd Enter
    check "bd: Enter filters by the bar and the status bar says so" \
        wait_until 5 status_has bd "filter \\+ model-family=$value: $count here"
    check "bd: the header now counts $count" wait_until 5 shows bd "$count deployments? dated by"
    key bd e
    check "bd: e names the file it wrote" wait_until 5 status_has bd 'wrote .*adopt-breakdown-[0-9]{6}-'"$DATE"'\.csv \([0-9]+ rows\)'
    said=$(written bd)
    file=$OUT/$(grep -oE 'adopt-[^ ]+\.csv' <<<"$said" || true)
    rows=$(grep -oE '\(([0-9]+)' <<<"$said" | tr -d '(' || true)
    check "bd: the file exists ($file)" test -f "$file"
    check "bd: Python's csv reads back $rows rows" test "$(csv_rows "$file" 2>/dev/null)" = "$rows"
    check "bd: the first row is the filtered bar (model-family|$value|$count|1.000)" \
        test "$(csv_row "$file" 1 2>/dev/null)" = "model-family|$value|$count|1.000"
    check "bd: the header is facet,value,deployments,share" test "$(csv_row "$file" 0)" = "facet|value|deployments|share"
    key bd e
    check "bd: e again writes a second file (-2)" wait_until 5 status_has bd 'adopt-breakdown-[0-9]{6}-'"$DATE"'-2\.csv'
    check "bd: two distinct files, the first untouched" test "$(files)" -eq 2
    # The deployments list: one row per deployment, with sources.
    key bd D
    key bd e
    check "bd: e in the deployments list writes one row per deployment" \
        wait_until 5 status_has bd 'wrote .*adopt-deployments-'
    said=$(written bd); file=$OUT/$(grep -oE 'adopt-[^ ]+\.csv' <<<"$said" || true); rows=$(grep -oE '\(([0-9]+)' <<<"$said" | tr -d '(' || true)
    check "bd: Python's csv reads $rows deployments back, each with a source" \
        python3 - "$file" "$rows" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows) == int(sys.argv[2]) and rows, (len(rows), sys.argv[2])
assert all(r["sources"] for r in rows)
PY
    key bd q
    ended bd 0
fi

# 2. --view breakdown at 80x24 and without colour.
start small 80 24 NO_COLOR=1 -- --view breakdown
if started small 24; then
    check "small: --view breakdown opens on it at 80x24" wait_until 5 shows small 'Breakdown · by count'
    check "small: bars are block characters (readable without colour)" shows small '[▏▎▍▌▋▊▉█]+ +[0-9]+ +[0-9<]+%'
    check "small: no colour escapes with NO_COLOR" bash -c '! tmux -L "$0" capture-pane -p -e -t small | grep -qP "\e\[(3[0-7]|9[0-7]|38;5)"' "$SOCKET"
    key small o
    check "small: o sorts by name" wait_until 5 shows small 'Breakdown · by name'
    key small b
    check "small: b goes back to the map" wait_until 5 bash -c '! tmux -L "$0" capture-pane -p -t small | grep -q "Breakdown ·"' "$SOCKET"
    key small q
    ended small 0
fi

# 3. The same as text.
check "dump breakdown prints the breakdown" bash -c '"$0" dump breakdown --width 100 --height 30 | grep -q "Breakdown · by count"' "$BIN"
check "dump breakdown --region 440000 counts Guangdong" bash -c '"$0" dump breakdown --region 440000 | grep -q "广东 Guangdong · [0-9]* deployments"' "$BIN"

finish
