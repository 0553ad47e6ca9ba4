#!/usr/bin/env bash
# The command line for ops (issue 10): exit statuses tell the truth when a pipeline leaves a
# broken newest file, and `validate` knows the whole directory. Exit codes are asserted, not
# only output. Works on a copy of Data/ in a temporary directory; no terminal needed.
#
#   export/dump/validate on a directory whose newest file is truncated: exit 3, both files named;
#   --allow-fallback: exit 0 with the warning; no asOf left in the broken file: its name decides;
#   a broken older file: export/dump 0, validate 1; no valid file at all: 1;
#   validate: duplicate asOf warns and names the winner, prints the current file, a tour file
#   with a bad region or date gives FILE:LINE:COL and exit 1, the same path twice counts once,
#   plural forms, "did you mean".
#
# Usage: Tests/e2e/ops-cli.sh [path/to/adopt]   Prints PASS/FAIL lines and "N passed, N failed".
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${1:-"$(cd "$REPO" && swift build --show-bin-path)/adopt"}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/adopt-ops-cli.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT   # KEEP=1 keeps the files and outputs
export LC_ALL=C.UTF-8
PASSED=0
FAILED=0

pass() { PASSED=$((PASSED + 1)); echo "PASS: $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
finish() { echo "$PASSED passed, $FAILED failed"; [ "$FAILED" -eq 0 ] || exit 1; exit 0; }

# run LABEL ARGS...: adopt ARGS with stdout and stderr to $WORK/LABEL.{out,err}; sets STATUS.
run() {
    local label=$1; shift
    timeout 120 "$BIN" "$@" >"$WORK/$label.out" 2>"$WORK/$label.err"
    STATUS=$?
}
status_is() { [ "$STATUS" -eq "$1" ]; }
out_has() { grep -qF -- "$2" "$WORK/$1.out"; }
err_has() { grep -qF -- "$2" "$WORK/$1.err"; }
err_matches() { grep -qE -- "$2" "$WORK/$1.err"; }
show() { sed 's/^/     | /' "$WORK/$1.err" | head -8; }

[ -x "$BIN" ] || { fail "binary exists: $BIN"; finish; }
echo "adopt: $BIN"

# A copy of the shipped data; the newest file and its asOf.
DATA=$WORK/data
mkdir -p "$DATA"
cp "$REPO"/Data/*.json "$DATA/"
NEWEST=$(ls "$DATA"/*.json | sort | tail -1)
NEWEST_ASOF=$(basename "$NEWEST" .json)
grep -q "\"asOf\": \"$NEWEST_ASOF\"" "$NEWEST" || { fail "the newest shipped file is named after its asOf"; finish; }

run valid validate "$DATA"
check "validate on the copy of Data/: exit 0 ($STATUS)" status_is 0
check "validate prints the current file: current: $NEWEST (asOf $NEWEST_ASOF)" err_has valid "current: $NEWEST (asOf $NEWEST_ASOF)"
check "validate summary: plural forms ('0 errors, 0 warnings')" err_matches valid '^7 files, 7 valid, [0-9]+ deployments; 0 errors, 0 warnings$'
run valid-export export "$DATA"
check "export on the copy: exit 0 ($STATUS)" status_is 0

# --- A truncated newest file: a pipeline's half-written write of the next snapshot --------
# The next snapshot: the newest with a later asOf, cut in the middle of its deployments.
NEXT=$DATA/2026-02-28.json
sed "s/\"asOf\": \"$NEWEST_ASOF\"/\"asOf\": \"2026-02-28\"/" "$NEWEST" | head -c 40000 >"$NEXT"

run trunc-export export "$DATA"
check "export, newest file truncated: exit 3 ($STATUS)" status_is 3
check "export: stderr names the broken file and the one used, with its asOf" \
    err_matches trunc-export "^adopt export: $NEXT is broken \(line [0-9]+: .*(end of file|file ends).*\); using $NEWEST \(asOf $NEWEST_ASOF\) instead$"
check "export: the figures are still printed (from $NEWEST_ASOF)" out_has trunc-export ",$NEWEST_ASOF,subtree,"
check "export: stderr explains exit status 3" err_has trunc-export "exit status 3"
run trunc-export-ok export --allow-fallback "$DATA"
check "export --allow-fallback: exit 0 ($STATUS)" status_is 0
check "export --allow-fallback: the warning is still printed" err_has trunc-export-ok "adopt export: $NEXT is broken"
check "export --allow-fallback: the same figures" cmp -s "$WORK/trunc-export.out" "$WORK/trunc-export-ok.out"

run trunc-dump dump table --width 120 --height 40 "$DATA"
check "dump, newest file truncated: exit 3 ($STATUS)" status_is 3
check "dump: stderr names both files" err_matches trunc-dump "^adopt dump: $NEXT is broken .*; using $NEWEST \(asOf $NEWEST_ASOF\) instead$"
check "dump: the pane is still printed" test -s "$WORK/trunc-dump.out"
run trunc-dump-ok dump table --width 120 --height 40 --allow-fallback "$DATA"
check "dump --allow-fallback: exit 0 ($STATUS), warning printed" \
    eval 'status_is 0 && err_has trunc-dump-ok "adopt dump: $NEXT is broken"'

run trunc-validate validate "$DATA"
check "validate, newest file truncated: exit 3 ($STATUS)" status_is 3
check "validate: the error at FILE:LINE:COL" grep -qE "^$NEXT:[0-9]+:[0-9]+: error: .*(end of file|file ends)" "$WORK/trunc-validate.out"
check "validate: says the newest file is broken and which is used" \
    err_matches trunc-validate "^adopt validate: $NEXT is broken .*; using $NEWEST \(asOf $NEWEST_ASOF\) instead$"
check "validate: current: $NEWEST" err_has trunc-validate "current: $NEWEST (asOf $NEWEST_ASOF)"
check "validate summary: '8 files, 7 valid, ...; 1 error, 0 warnings'" \
    err_matches trunc-validate '^8 files, 7 valid, [0-9]+ deployments; 1 error, 0 warnings$'
run trunc-validate-ok validate --allow-fallback "$DATA"
check "validate --allow-fallback: exit 0 ($STATUS), warning printed" \
    eval 'status_is 0 && err_has trunc-validate-ok "adopt validate: $NEXT is broken"'

# The same file, cut before its asOf: the name (sorting after the current's) decides.
head -c 20 "$NEXT" >"$NEXT.tmp" && mv "$NEXT.tmp" "$NEXT"
run noasof-export export "$DATA"
check "export, newest file cut before its asOf (name sorts last): exit 3 ($STATUS)" status_is 3
check "export: names both files" err_matches noasof-export "^adopt export: $NEXT is broken \(line 2: .*\); using $NEWEST \(asOf $NEWEST_ASOF\) instead$"
# Named to sort first, but written after the current file: the modification time decides.
mv "$NEXT" "$DATA/0-partial.json"
touch -d '1 hour' "$DATA/0-partial.json" 2>/dev/null || touch "$DATA/0-partial.json"
touch -d '2000-01-01' "$NEWEST"
run mtime-export export "$DATA"
check "export, a broken file with no asOf, modified after the current: exit 3 ($STATUS)" status_is 3
rm "$DATA/0-partial.json"

# --- A broken OLDER file: history only -------------------------------------------------------
OLDEST=$(ls "$DATA"/*.json | sort | head -1)
cp "$OLDEST" "$WORK/oldest.json"
printf '{"broken": ' >>"$OLDEST"   # trailing garbage: the asOf is still readable and old
run old-export export "$DATA"
check "export, a broken older file: exit 0 ($STATUS), its problem still on stderr" \
    eval 'status_is 0 && grep -q "^$OLDEST:[0-9]*:[0-9]*: error: " "$WORK/old-export.err"'
check "export, a broken older file: no fallback line" eval '! err_has old-export "is broken"'
run old-dump dump map "$DATA"
check "dump, a broken older file: exit 0 ($STATUS)" status_is 0
run old-validate validate "$DATA"
check "validate, a broken older file: exit 1 ($STATUS)" status_is 1
run old-validate-ok validate --allow-fallback "$DATA"
check "validate --allow-fallback, a broken older file: still exit 1 ($STATUS)" status_is 1
cp "$WORK/oldest.json" "$OLDEST"

# --- No valid file at all ---------------------------------------------------------------------
mkdir -p "$WORK/none"
head -c 100 "$NEWEST" >"$WORK/none/a.json"
run none-export export "$WORK/none"
check "export, no valid snapshot: exit 1 ($STATUS)" status_is 1
run none-validate validate "$WORK/none"
check "validate, no valid snapshot: exit 1 ($STATUS), 'current: none'" \
    eval 'status_is 1 && err_has none-validate "current: none (no valid snapshot)"'
check "validate summary: '1 file, 0 valid, 0 deployments; 1 error, 0 warnings'" \
    err_matches none-validate '^1 file, 0 valid, 0 deployments; 1 error, 0 warnings$'

# --- Two valid files with the same asOf ---------------------------------------------------------
DUP=$WORK/dup
mkdir -p "$DUP"
cp "$REPO/Data/2025-03-10.json" "$REPO/Data/2025-03-31.json" "$DUP/"
cp "$DUP/2025-03-31.json" "$DUP/copy-of-march.json"
run dup validate "$DUP"
check "validate, duplicate asOf: exit 0 ($STATUS) (a warning)" status_is 0
check "validate, duplicate asOf: a warning at the loser's asOf naming the winner" \
    grep -qE "^$DUP/2025-03-31\.json:[0-9]+:[0-9]+: warning: asOf: 2025-03-31 is also the asOf of $DUP/copy-of-march\.json, which is used" "$WORK/dup.out"
check "validate, duplicate asOf: the winner is current" err_has dup "current: $DUP/copy-of-march.json (asOf 2025-03-31)"
check "validate summary: '1 warning' (singular)" err_matches dup '^3 files, 3 valid, [0-9]+ deployments; 0 errors, 1 warning$'
run dup-q validate -q "$DUP"
check "validate -q: the warning left out" eval '! out_has dup-q "warning:"'

# --- Tours -----------------------------------------------------------------------------------
TOUR=$WORK/bad.tour.json
python3 - "$REPO/Data/tours/early-2025.tour.json" "$TOUR" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
# The second step's region and date, kept on their lines.
lines = text.split("\n")
region = [i for i, l in enumerate(lines) if '"region"' in l][1]
lines[region] = lines[region].split('"region"')[0] + '"region": "449999",'
date = [i for i, l in enumerate(lines) if '"date"' in l][2]
lines[date] = lines[date].split('"date"')[0] + '"date": "2025-02-30",'
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
EOF
region_line=$(grep -n '"region": "449999"' "$TOUR" | cut -d: -f1)
date_line=$(grep -n '"date": "2025-02-30"' "$TOUR" | cut -d: -f1)
run tour validate "$TOUR"
check "validate TOUR with a bad region: exit 1 ($STATUS)" status_is 1
check "validate TOUR: FILE:LINE:COL for the region code (line $region_line)" \
    grep -qE "^$TOUR:$region_line:[0-9]+: error: steps\[[0-9]+\]\.region: unknown region code 449999" "$WORK/tour.out"
check "validate TOUR: FILE:LINE:COL for the date (line $date_line)" \
    grep -qE "^$TOUR:$date_line:[0-9]+: error: steps\[[0-9]+\]\.date: \"2025-02-30\" is not a valid date" "$WORK/tour.out"
check "validate TOUR: read as a tour, not as a snapshot" eval '! out_has tour "not an adopt snapshot"'
check "validate TOUR summary: '1 file (1 tour), 0 valid'" err_matches tour '^1 file \(1 tour\), 0 valid, 0 deployments; 2 errors, 0 warnings$'
run tours validate "$REPO/Data/tours/2025.tour.json" "$REPO/Data/tours/early-2025.tour.json"
check "validate on the shipped tours: exit 0 ($STATUS)" status_is 0
check "validate on the shipped tours: '2 files (2 tours), 2 valid'" err_matches tours '^2 files \(2 tours\), 2 valid'

# --- The same path twice -------------------------------------------------------------------------
ONE=$DATA/2025-03-10.json
run twice validate "$ONE" "$ONE"
check "validate FILE FILE: exit 0 ($STATUS), counted once ('1 file, 1 valid')" \
    eval 'status_is 0 && err_matches twice "^1 file, 1 valid, [0-9]+ deployments; 0 errors, 0 warnings$"'
check "validate FILE FILE: no duplicate-asOf warning" eval '! out_has twice "also the asOf"'
run twice-dir validate "$DATA" "$ONE" "$DATA/./2025-03-10.json" "$DATA/"
check "validate DIR FILE (the file in the directory): exit 0 ($STATUS), 7 files" \
    eval 'status_is 0 && err_matches twice-dir "^7 files, 7 valid, "'
run twice-missing validate "$WORK/missing.json" "$WORK/missing.json"
check "validate MISSING MISSING: one error ($STATUS)" \
    eval 'status_is 1 && [ "$(grep -c "no such file" "$WORK/twice-missing.out")" -eq 1 ]'

# --- Did you mean --------------------------------------------------------------------------------
sed 's/"uncertain"/"uncertian"/' "$REPO/Data/2025-03-10.json" >"$WORK/typo.json"
run typo validate "$WORK/typo.json"
check "validate: a misspelt field gets 'did you mean \`uncertain\`?' (exit $STATUS, warnings only)" \
    eval 'status_is 0 && grep -qE "^$WORK/typo.json:[0-9]+:[0-9]+: warning: deployments\[[0-9]+\]\.uncertian: unknown field \(ignored\); did you mean \`uncertain\`\?$" "$WORK/typo.out"'

# --- Help lists the exit statuses ------------------------------------------------------------------
for cmd in export dump validate; do
    run "help-$cmd" "$cmd" --help
    check "$cmd --help lists exit statuses 0, 1, 2, 3 and --allow-fallback" \
        eval 'tr "\n" " " <"$WORK/help-$cmd.out" | grep -qE "Exit status: 0 .*; 1 .*; 2 .*; 3 .*--allow-fallback"'
done

finish
