#!/usr/bin/env bash
# Hostile snapshot files against the real binary: every one is rejected with a FILE:LINE:COL
# error (exit status 1, never a crash or a hang), and nothing from a file reaches the terminal
# raw (no ESC, no C1 control, no bidirectional override in any output).
#
# Usage: Tests/hostile/run.sh path/to/adopt
# Builds nothing. Writes the files into a temporary directory, runs `adopt validate FILE` and
# `adopt export FILE` on each (and `adopt dump` on the hostile-text files), prints PASS/FAIL per
# check and ends with "N passed, N failed"; exits 1 on any failure. Takes about a minute with a
# debug binary (the largest files: a 100 MB string, a million deployments, 100 MB of newlines).
# KEEP=1 keeps the work directory to look at.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${1:?usage: Tests/hostile/run.sh path/to/adopt}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/adopt-hostile.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT   # KEEP=1 keeps the files and outputs
export LC_ALL=C
PASSED=0
FAILED=0
FILES=0
LIMIT=120   # seconds any one command may take before it counts as a hang

pass() { PASSED=$((PASSED + 1)); echo "PASS: $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }

# The valid document every case edits, one field per line: line and column numbers in the
# expectations below are counted on it (they match Tests/AdoptCoreTests/HostileFiles.swift).
template() {
cat <<'EOF'
{
  "format": "adopt.snapshot",
  "version": 1,
  "asOf": "2025-03-10",
  "title": "Hostile input",
  "synthetic": false,
  "sources": [
    {
      "id": "s1",
      "publisher": "China Daily",
      "title": "Shenzhen districts",
      "date": "2025-02-18",
      "url": "https://example.org/a"
    }
  ],
  "deployments": [
    {
      "id": "a",
      "region": "440304",
      "organization": "Futian 福田区",
      "date": "2025-02-15",
      "approximate": false,
      "status": "deployed",
      "sector": "government",
      "models": ["DeepSeek-R1"],
      "useCases": ["documents"],
      "sources": ["s1"],
      "note": "a note",
      "uncertain": false
    }
  ],
  "events": [
    {
      "date": "2025-01-20",
      "title": "R1 released",
      "region": "000000",
      "source": "s1"
    }
  ],
  "claims": [
    {
      "date": "2025-03-10",
      "region": "000000",
      "metric": "governments",
      "value": 72,
      "source": "s1"
    }
  ]
}
EOF
}

# edit NAME LINE NEWTEXT...: the template with line LINE replaced (several pairs allowed), as
# file NAME.json in the work directory; prints the path.
edit() {
  local name=$1; shift
  local out="$WORK/$name.json"
  template > "$out"
  while [ $# -ge 2 ]; do
    { head -n $(($1 - 1)) "$out"; printf '%s\n' "$2"; tail -n +$(($1 + 1)) "$out"; } > "$out.tmp"
    mv "$out.tmp" "$out"
    shift 2
  done
  echo "$out"
}

# raw_controls FILE: whether FILE holds ESC, a C1 control (UTF-8 C2 80..C2 9F) or a bidi
# embedding, override or isolate (U+202A..U+202E, U+2066..U+2069).
raw_controls() {
  grep -q $'\x1b' "$1" && return 0
  grep -q $'\xc2[\x80-\x9f]' "$1" && return 0
  grep -q $'\xe2\x80[\xaa-\xae]' "$1" && return 0
  grep -q $'\xe2\x81[\xa6-\xa9]' "$1" && return 0
  return 1
}

# run NAME COMMAND...: runs with the time limit, output (stdout and stderr) to $WORK/NAME.out;
# sets STATUS.
run() {
  local name=$1; shift
  timeout "$LIMIT" "$@" > "$WORK/$name.out" 2>&1
  STATUS=$?
}

# status_ok WHAT WANTED: the last command's status is WANTED, and not a crash or a hang.
status_ok() {
  if [ "$STATUS" -ge 124 ]; then
    fail "$1: exit status $STATUS (124: hung past ${LIMIT}s; 128+N: killed by signal N)"; return 1
  fi
  if [ "$STATUS" -ne "$2" ]; then fail "$1: exit status $STATUS, expected $2"; return 1; fi
  return 0
}

# expect NAME FILE PATTERN: `validate` and `export` on FILE both exit 1 and print a line
# `FILE:PATTERN` (an extended regex, e.g. '3:14: error: version: unsupported version 2'), and
# neither prints raw control characters.
expect() {
  local name=$1 file=$2 pattern=$3 cmd ok
  FILES=$((FILES + 1))
  for cmd in validate export; do
    run "$name.$cmd" "$BIN" "$cmd" "$file"
    ok=1
    status_ok "$name: $cmd" 1 || ok=0
    if [ $ok = 1 ] && ! grep -qE "^$(printf '%s' "$file" | sed 's/[][\.*^$]/\\&/g'):$pattern" "$WORK/$name.$cmd.out"; then
      fail "$name: $cmd did not say '$pattern'; it said: $(head -c 300 "$WORK/$name.$cmd.out")"; ok=0
    fi
    if raw_controls "$WORK/$name.$cmd.out"; then fail "$name: $cmd printed raw control characters"; ok=0; fi
    [ $ok = 1 ] && pass "$name: $cmd exits 1: ${pattern:0:100}"
  done
}

# loads NAME FILE: a hostile but valid file: validate, export and dump exit 0 and print nothing raw.
loads() {
  local name=$1 file=$2 cmd ok
  FILES=$((FILES + 1))
  for cmd in "validate" "export" "dump table --width 200" "dump region --width 200 --region 440304" \
             "dump screen --width 200 --region 440304" "dump timeline --width 200 --region 440304"; do
    out="$name.$(printf '%s' "${cmd%% --*}" | tr ' ' '-')"
    # shellcheck disable=SC2086
    run "$out" "$BIN" ${cmd%% --*} "$file" ${cmd#"${cmd%% --*}"}
    ok=1
    status_ok "$name: $cmd" 0 || ok=0
    if raw_controls "$WORK/$out.out"; then fail "$name: $cmd printed raw control characters"; ok=0; fi
    [ $ok = 1 ] && pass "$name: $cmd exits 0, output inert"
  done
}

echo "adopt: $BIN"
echo "work:  $WORK"

# --- The file as a whole ---------------------------------------------------------------------
: > "$WORK/empty.json";                 expect empty "$WORK/empty.json" '1:1: error: the file is empty'
printf ' \n\t\r\n' > "$WORK/blank.json"; expect blank "$WORK/blank.json" '1:1: error: the file is empty'
{ printf '\xef\xbb\xbf'; template; } > "$WORK/bom.json"
expect bom "$WORK/bom.json" '1:1: error: the file starts with a byte-order mark'
printf '\xff\xfe{\x00}\x00' > "$WORK/utf16.json"; expect utf16 "$WORK/utf16.json" '1:1: error: expected a value, found byte 0xFF'
head -c 4096 /dev/zero > "$WORK/nuls.json";   expect nuls "$WORK/nuls.json" '1:1: error: expected a value, found NUL byte'
printf '[1, 2]' > "$WORK/array.json";         expect array "$WORK/array.json" '1:1: error: expected an object, found array'

# --- Encoding inside the document ------------------------------------------------------------
for bad in 'ff:\xff' 'overlong:\xc0\xaf' 'surrogate:\xed\xa0\x80' 'above-10FFFF:\xf4\x90\x80\x80' 'latin1:\xe9'; do
  f=$(edit "utf8-${bad%%:*}" 20 "      \"organization\": \"Fu$(printf "${bad#*:}")tian\",")
  expect "invalid-utf8-${bad%%:*}" "$f" '20:26: error: invalid UTF-8 byte sequence'
done
f=$(edit nul-in-string 20 "      \"organization\": \"Fu$(printf 'X')tian\",")
sed -i 's/FuXtian/Fu\x00tian/' "$f"
expect nul-in-string "$f" '20:26: error: NUL byte inside a string'
f=$(edit raw-tab 20 "      \"organization\": \"Fu$(printf '\t')tian\",")
expect raw-control-in-string "$f" '20:26: error: raw control character 0x9 inside a string'

# --- Truncated at every byte of a shipped file (one validate over a directory of prefixes) ---
SHIPPED="$REPO/Data/2025-02-18.json"
size=$(wc -c < "$SHIPPED")
mkdir -p "$WORK/cut"
for ((n = 0; n < size - 1; n++)); do head -c "$n" "$SHIPPED" > "$WORK/cut/$(printf '%05d' "$n").json"; done
cuts=$((size - 1))
FILES=$((FILES + cuts))
run cut.validate "$BIN" validate "$WORK/cut"
if status_ok "truncated: validate of $cuts prefixes" 1; then
  errors=$(grep -c ': error: ' "$WORK/cut.validate.out")
  positioned=$(grep -cE '^[^ ]+/[0-9]{5}\.json:[0-9]+:[0-9]+: error: ' "$WORK/cut.validate.out")
  if [ "$errors" -eq "$cuts" ] && [ "$positioned" -eq "$cuts" ] && grep -q "$cuts files, 0 valid" "$WORK/cut.validate.out"; then
    pass "truncated: each of the $cuts prefixes of $(basename "$SHIPPED") ($size bytes) has one FILE:LINE:COL error"
  else
    fail "truncated: $errors errors ($positioned with a position) for $cuts prefixes"
  fi
fi
# Both cores: every prefix read in 3 pieces gives the same report as read sequentially.
ADOPT_PARSE=sequential "$BIN" validate "$WORK/cut" > "$WORK/cut.seq.out" 2>&1
ADOPT_PARSE=3 "$BIN" validate "$WORK/cut" > "$WORK/cut.par.out" 2>&1
if cmp -s "$WORK/cut.seq.out" "$WORK/cut.par.out"; then pass "truncated: the same $cuts errors read in 3 pieces as sequentially"
else fail "truncated: in 3 pieces: $(diff "$WORK/cut.seq.out" "$WORK/cut.par.out" | head -3)"; fi
run cut.export "$BIN" export "$WORK/cut"
status_ok "truncated: export of $cuts prefixes" 1 && pass "truncated: export exits 1 (no valid snapshot)"
rm -rf "$WORK/cut"

# --- Wrong types -----------------------------------------------------------------------------
expect type-version   "$(edit type-version 3 '  "version": "1",')"         '3:14: error: version: expected a number, found string'
expect type-asof      "$(edit type-asof 4 '  "asOf": 20250310,')"          '4:11: error: asOf: expected a string, found number'
expect type-sources   "$(edit type-sources 7 '  "sources": {},' 8 '' 9 '' 10 '' 11 '' 12 '' 13 '' 14 '' 15 '')" \
                      '7:14: error: sources: expected an array, found object'
expect type-region    "$(edit type-region 19 '      "region": 440304,')"   '19:17: error: deployments\[0\]\.region: expected a string, found number'
expect type-flag      "$(edit type-flag 22 '      "approximate": "yes",')" '22:22: error: deployments\[0\]\.approximate: expected true or false, found string'
expect type-models    "$(edit type-models 25 '      "models": "DeepSeek-R1",')" '25:17: error: deployments\[0\]\.models: expected an array of strings, found string'
expect type-model     "$(edit type-model 25 '      "models": [null],')"  '25:18: error: deployments\[0\]\.models\[0\]: expected a string, found null'
expect type-note      "$(edit type-note 28 '      "note": ["a"],')"      '28:15: error: deployments\[0\]\.note: expected a string, found array'
expect type-value     "$(edit type-value 45 '      "value": "72",')"      '45:16: error: claims\[0\]\.value: expected a number, found string'
expect type-deployment "$(edit type-deployment 17 '    42, {')"               '17:5: error: deployments\[0\]: expected an object, found number'

# --- Numbers ---------------------------------------------------------------------------------
expect number-huge    "$(edit number-huge 3 '  "version": 1e999,')"        '3:14: error: number 1e999 is out of range'
expect number-long    "$(edit number-long 3 "  \"version\": $(printf '9%.0s' {1..65}),")" '3:14: error: number is longer than 64 characters'
expect number-nan     "$(edit number-nan 45 '      "value": NaN,')"        '45:16: error: expected a value, found '"'"'N'"'"
expect version-3      "$(edit version-3 3 '  "version": 3,')"             '3:14: error: version: unsupported version 3 \(this adopt reads versions 1 and 2\)'
expect version-1.5    "$(edit version-15 3 '  "version": 1.5,')"          '3:14: error: version: unsupported version 1\.5'
expect format         "$(edit format 2 '  "format": "geojson",')"       '2:13: error: format: "geojson" is not an adopt snapshot'

# --- Resource limits -------------------------------------------------------------------------
head -c 100000 /dev/zero | tr '\0' '[' > "$WORK/deep.json"
expect nesting-100000 "$WORK/deep.json" '1:65: error: nesting is deeper than the limit of 64 levels'
f=$(edit deep-note 28 "      \"note\": $(head -c 100000 /dev/zero | tr '\0' '{' | sed 's/{/{"a":/g')")
expect nesting-in-note "$f" '28:320: error: nesting is deeper than the limit of 64 levels'
{ template | head -4; printf '  "title": "'; head -c 100000000 /dev/zero | tr '\0' x; printf '",\n'; template | tail -n +6; } > "$WORK/string-100mb.json"
expect string-100MB "$WORK/string-100mb.json" '5:12: error: string of 100000000 bytes is longer than the limit of 65536 bytes'
expect string-65537 "$(edit string-65537 20 "      \"organization\": \"$(head -c 65537 /dev/zero | tr '\0' x)\",")" \
       '20:23: error: string of 65537 bytes is longer than the limit of 65536 bytes'
: > "$WORK/over-1gib.json"; truncate -s $((1024 * 1024 * 1024 + 1)) "$WORK/over-1gib.json"
expect file-over-1GiB "$WORK/over-1gib.json" '1:1: error: the file is 1073741825 bytes; the limit is 1073741824 bytes'
rm -f "$WORK/over-1gib.json"
{ printf '{"format":"adopt.snapshot","version":1,"asOf":"2025-03-10","sources":[],"deployments":[],"events":['
  head -c 1000000 /dev/zero | tr '\0' '0' | sed 's/0/0,/g'; printf '0]}'; } > "$WORK/tree-values.json"
expect tree-values "$WORK/tree-values.json" '1:2000090: error: more than 1000000 values outside the deployments array'
{ head -c 100000000 /dev/zero | tr '\0' '\n'; printf '{"format": x}'; } > "$WORK/newlines.json"
expect newlines-100MB "$WORK/newlines.json" '100000001:12: error: expected a value, found '"'x'"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%M' -o "$WORK/rss" "$BIN" validate "$WORK/newlines.json" > /dev/null 2>&1
  rss_mb=$(( $(tail -1 "$WORK/rss") / 1024 ))
  if [ "$rss_mb" -lt 400 ]; then pass "newlines-100MB: positions found in ${rss_mb} MB (the file is 100 MB)"
  else fail "newlines-100MB: ${rss_mb} MB of memory for a 100 MB file"; fi
fi
rm -f "$WORK/newlines.json" "$WORK/string-100mb.json"

# A million deployments: empty ones (9 million problems, 200 shown), then a million valid ones.
awk 'BEGIN { printf "{\"format\":\"adopt.snapshot\",\"version\":1,\"asOf\":\"2025-03-10\",\"sources\":[],\"deployments\":[{}";
             for (i = 1; i < 1000000; i++) printf ",{}"; printf "]}" }' > "$WORK/million-empty.json"
expect million-empty "$WORK/million-empty.json" '1:1: error: 8999800 more problems not shown'
if [ "$(grep -c ': error: ' "$WORK/million-empty.validate.out")" -eq 201 ]; then pass "million-empty: 200 problems listed, then the count"
else fail "million-empty: $(grep -c ': error: ' "$WORK/million-empty.validate.out") error lines, expected 201"; fi
ADOPT_PARSE=sequential "$BIN" validate "$WORK/million-empty.json" > "$WORK/million-empty.seq.out" 2>&1
ADOPT_PARSE=2 "$BIN" validate "$WORK/million-empty.json" > "$WORK/million-empty.par.out" 2>&1
if cmp -s "$WORK/million-empty.seq.out" "$WORK/million-empty.par.out"; then pass "million-empty: the same 201 lines read in 2 pieces as sequentially"
else fail "million-empty: in 2 pieces: $(diff "$WORK/million-empty.seq.out" "$WORK/million-empty.par.out" | head -3)"; fi
rm -f "$WORK/million-empty.json"
awk 'BEGIN { printf "{\"format\":\"adopt.snapshot\",\"version\":1,\"asOf\":\"2025-03-10\",\"synthetic\":true,\"sources\":[],\"deployments\":[";
             for (i = 0; i < 1000000; i++) printf "%s{\"id\":\"d%d\",\"region\":\"440304\",\"organization\":\"o\",\"date\":\"2025-02-15\",\"status\":\"deployed\",\"sector\":\"government\",\"models\":[],\"useCases\":[],\"sources\":[],\"x\":[1]}", (i ? "," : ""), i;
             printf "]}" }' > "$WORK/million.json"
FILES=$((FILES + 1))
start=$(date +%s%N)
run million.validate "$BIN" validate "$WORK/million.json"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
# Each carries an unknown field: a million warnings, 200 listed; warnings do not stop a file.
if status_ok "million: validate" 0 && grep -q "1 valid, 1000000 deployments; 0 errors, 201 warnings" "$WORK/million.validate.out"; then
  pass "million: a million tiny deployments ($(( $(wc -c < "$WORK/million.json") / 1000000 )) MB, each with an unknown field) validate in ${ms} ms"
else
  fail "million: $(tail -1 "$WORK/million.validate.out")"
fi
# Both cores (this file is over 8 MB, so the run above read it in pieces): the same report sequentially.
ADOPT_PARSE=sequential "$BIN" validate "$WORK/million.json" > "$WORK/million.seq.out" 2>&1
if cmp -s "$WORK/million.validate.out" "$WORK/million.seq.out"; then pass "million: the same report sequentially as on every core"
else fail "million: sequentially: $(diff "$WORK/million.validate.out" "$WORK/million.seq.out" | head -3)"; fi
run million.export "$BIN" export "$WORK/million.json"
status_ok "million: export" 0 && grep -q '^440000,.*,1000000,' "$WORK/million.export.out" \
  && pass "million: export counts 1000000 in Guangdong" || fail "million: export: $(head -c 300 "$WORK/million.export.out")"
rm -f "$WORK/million.json"

# --- Duplicates ------------------------------------------------------------------------------
expect duplicate-key-top "$(edit dup-top 3 '  "version": 1, "format": "adopt.snapshot",')" \
       '3:17: error: duplicate field name "format" in the same object'
expect duplicate-key-deployment "$(edit dup-dep 18 '      "id": "a", "id": "b",')" \
       '18:18: error: duplicate field name "id" in the same object'
expect duplicate-key-escaped "$(edit dup-esc 18 '      "id": "a", "i\u0064": "b",')" \
       '18:18: error: duplicate field name "id" in the same object'
expect duplicate-key-source "$(edit dup-src 9 '      "id": "s1", "id": "s2",')" \
       '9:19: error: duplicate field name "id" in the same object'
expect duplicate-id "$(edit dup-id 30 '    }, {"id": "a", "region": "440300", "organization": "Shenzhen", "date": "2025-02-10", "status": "deployed", "sector": "government", "models": [], "useCases": [], "sources": ["s1"]}')" \
       '30:15: error: deployments\[1\]\.id: duplicate id "a" \(first used by deployments\[0\]\)'
expect duplicate-source-id "$(edit dup-source 14 '    }, {"id": "s1", "publisher": "P"}')" \
       '14:15: error: sources\[1\]\.id: duplicate source id "s1"'

# --- Values ----------------------------------------------------------------------------------
expect region-unknown "$(edit region-unknown 19 '      "region": "999999",')" \
       '19:17: error: deployments\[0\]\.region: unknown region code 999999 \(not in the GB/T 2260 gazetteer\)'
expect region-country "$(edit region-country 19 '      "region": "000000",')" \
       '19:17: error: deployments\[0\]\.region: 000000 \(the whole country\) is not allowed here'
expect region-event "$(edit region-event 36 '      "region": "123456",')" \
       '36:17: error: events\[0\]\.region: unknown region code 123456'
expect status-unknown "$(edit status-unknown 23 '      "status": "live",')" \
       '23:17: error: deployments\[0\]\.status: unknown status "live" \(expected one of: announced, training, piloting, deployed, suspended\)'
expect sector-unknown "$(edit sector-unknown 24 '      "sector": "military",')" \
       '24:17: error: deployments\[0\]\.sector: unknown sector "military"'
expect date-impossible "$(edit date-impossible 21 '      "date": "2025-02-30",')" \
       '21:15: error: deployments\[0\]\.date: "2025-02-30" is not a valid date \(expected YYYY-MM-DD, a real calendar day\)'
expect date-not-leap "$(edit date-not-leap 21 '      "date": "2100-02-29",')" \
       '21:15: error: deployments\[0\]\.date: "2100-02-29" is not a valid date'
expect date-far-future "$(edit date-far-future 4 '  "asOf": "9999-12-31",')" \
       '4:11: error: asOf: date 9999-12-31 is outside 1949-10-01 \.\.\. 2100-12-31'
expect date-after-asof "$(edit date-after-asof 21 '      "date": "2031-01-01",')" \
       '21:15: error: deployments\[0\]\.date: date 2031-01-01 is after the snapshot'"'"'s asOf 2025-03-10'
expect date-source "$(edit date-source 12 '      "date": "2025-13-01",')" \
       '12:15: error: sources\[0\]\.date: "2025-13-01" is not a valid date'
expect dangling-source "$(edit dangling 27 '      "sources": ["s9"],')" \
       '27:19: error: deployments\[0\]\.sources\[0\]: dangling source id "s9" \(not in this file'"'"'s sources\)'
expect dangling-claim "$(edit dangling-claim 46 '      "source": "s9"')" \
       '46:17: error: claims\[0\]\.source: source id "s9" is not in this file'"'"'s sources'
expect missing-field "$(edit missing 20 '')" \
       '17:5: error: deployments\[0\]\.organization: missing required field "organization"'

# --- Not files -------------------------------------------------------------------------------
mkfifo "$WORK/fifo.json"
expect fifo "$WORK/fifo.json" '0:0: error: cannot read the file \(missing, not a regular file, or not readable\)'

# --- Terminal escapes, C0/C1 controls, bidi overrides ----------------------------------------
# Valid files: the text is shown visibly and inertly everywhere.
hostile=$(edit hostile-text \
  5  '  "title": "\u001b]0;pwned\u0007 OSC 0 title",' \
  10 '      "publisher": "\u009b2J raw-C1-as-escape '"$(printf '\xc2\x9b')"'6n",' \
  11 '      "title": "\u001b]52;c;cm0gLXJmIH4=\u001b\\ OSC 52",' \
  13 '      "url": "\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\"' \
  20 '      "organization": "Futian \u001b[2J\u001b[H CSI 2J '"$(printf '\xe2\x80\xae')"'desrever",' \
  25 '      "models": ["R1\u001b[6n", "'"$(printf '\xe2\x81\xa6')"'isolate'"$(printf '\xe2\x81\xa9')"'"],' \
  26 '      "useCases": ["tab\there\nnew\rline\u0000nul\u007fdel"],' \
  28 '      "note": "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069 bidi \u0085\u009c",' \
  35 '      "title": "event \u001bc reset '"$(printf '\xc2\x85')"'",' \
  44 '      "metric": "governments \u001b[31mred\u001b[0m",')
loads hostile-text "$hostile"
if grep -q 'Futian ␛\[2J␛\[H CSI 2J ⟨U+202E⟩desrever' "$WORK/hostile-text.dump-region.out"; then
  pass "hostile-text: the drill-down shows the organization's escapes as ␛ and ⟨U+202E⟩"
else
  fail "hostile-text: the drill-down does not show the cleaned organization: $(grep -m1 Futian "$WORK/hostile-text.dump-region.out")"
fi
# Invalid files whose messages quote hostile text: the quotes are inert too.
expect hostile-status "$(edit hostile-status 23 '      "status": "\u001b[2J\u001b]0;x\u0007",')" \
       '23:17: error: deployments\[0\]\.status: unknown status "␛\[2J␛\]0;x␇"'
expect hostile-id "$(edit hostile-id 18 '      "id": "a\u001b[6n'"$(printf '\xe2\x80\xae')"'",')" \
       '18:13: error: deployments\[0\]\.id: "a␛\[6n⟨U\+202E⟩" is not a valid id'
expect hostile-region "$(edit hostile-region 19 '      "region": "'"$(printf '\xc2\x9b')"'6n",')" \
       '19:17: error: deployments\[0\]\.region: "⟨U\+009B⟩6n" is not a six-digit region code'
expect hostile-key "$(edit hostile-key 18 '      "id": "a", "\u001b]52;c;eA==\u0007": 1, "\u001b]52;c;eA==\u0007": 2,')" \
       '18:47: error: duplicate field name "␛\]52;c;eA==␇" in the same object'
expect hostile-dangling "$(edit hostile-dangling 27 '      "sources": ["\u001b[2J"],')" \
       '27:19: error: deployments\[0\]\.sources\[0\]: dangling source id "␛\[2J"'
# A file name from a directory listing.
mkdir -p "$WORK/names"
evil="$WORK/names/$(printf '\033]0;pwned\007\342\200\256').json"
printf '{' > "$evil"
FILES=$((FILES + 1))
run names.validate "$BIN" validate "$WORK/names"
if status_ok "hostile-file-name: validate" 1; then
  if raw_controls "$WORK/names.validate.out"; then fail "hostile-file-name: raw control characters printed"
  elif grep -q '/names/␛\]0;pwned␇⟨U+202E⟩\.json:1:2: error: unexpected end of file' "$WORK/names.validate.out"; then
    pass "hostile-file-name: shown as ␛]0;pwned␇⟨U+202E⟩.json"
  else fail "hostile-file-name: $(head -c 300 "$WORK/names.validate.out")"; fi
fi

echo "files tried: $FILES (including $cuts truncations); largest: 1 GiB + 1 byte (sparse), 100 MB string, 100 MB of newlines, 1,000,000 deployments"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
