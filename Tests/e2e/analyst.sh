#!/usr/bin/env bash
# The analyst's command line (issue 11): the view options (--region by code or name, --date,
# --filter) mean the same in dump and export, and every export mode (counts, --deployments,
# --by, --series) gives CSV that a standard reader (Python's csv module) reads back exactly,
# with spreadsheet formulas neutralised. No terminal needed, but for the last part (tmux).
#
#   export modes on the shipped Data/: exit 0, CSV and JSON agree, rows add up;
#   a fixture with hostile organisation names: every field round-trips through csv.reader
#   (a ' before a leading = + - @, the exact text otherwise);
#   --region guangdong and --region 440000 give the same bytes; --date is --dated-by;
#   dump region and export give the same total for the same view options;
#   a bad --filter, --region or --by: a clear message and exit 2; an unknown model: a warning;
#   in tmux at 200x60: the table's added columns, z zooming the table and the deployment list
#   to the whole width (with the status line saying so), Esc and z restoring.
#
# Usage: Tests/e2e/analyst.sh [path/to/adopt]   Prints PASS/FAIL lines and "N passed, N failed".
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_setup analyst "$@"
export LC_ALL=C.UTF-8

# run LABEL ARGS...: adopt ARGS (in REPO, so the shipped Data/ is found) with stdout and
# stderr to $WORK/LABEL.{out,err}; sets STATUS.
run() {
    local label=$1; shift
    (cd "$REPO" && timeout 120 "$BIN" "$@" >"$WORK/$label.out" 2>"$WORK/$label.err")
    STATUS=$?
}
status_is() { [ "$STATUS" -eq "$1" ]; }
err_has() { grep -qF -- "$2" "$WORK/$1.err"; }
same() { cmp -s "$WORK/$1.out" "$WORK/$2.out"; }
# py LABEL SCRIPT: runs SCRIPT with the output of LABEL as sys.argv[1]; its stdout is the answer.
py() { python3 -c "$2" "$WORK/$1.out" "${@:3}"; }

[ -x "$BIN" ] || { fail "binary exists: $BIN"; finish; }
echo "adopt: $BIN"

# CSV helpers (Python's csv module is the reference reader).
ROWS='import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))) - 1)'
SUM_COL='import csv,sys; r=list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))); print(sum(int(x[sys.argv[2]]) for x in r))'
RECTANGULAR='import csv,sys; r=list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))); print("yes" if r and all(len(x) == len(r[0]) for x in r) else "no")'

# --- Export modes on the shipped data ----------------------------------------------------
run counts export
check "export (counts per province): exit 0 ($STATUS)" status_is 0
total=$(py counts "$SUM_COL" deployments)
run deps export --deployments
check "export --deployments: exit 0 ($STATUS)" status_is 0
check "export --deployments: every row has every column" [ "$(py deps "$RECTANGULAR")" = yes ]
check "export --deployments: one row per deployment ($(py deps "$ROWS") = the provinces' sum $total)" \
    [ "$(py deps "$ROWS")" = "$total" ]
run deps-json export --deployments --format json
check "export --deployments --format json: the same deployments in the same order" \
    [ "$(py deps-json 'import json,sys; print(",".join(d["id"] for d in json.load(open(sys.argv[1]))))')" \
      = "$(py deps 'import csv,sys; print(",".join(r["id"] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))))')" ]
check "export --deployments: CSV sources are the JSON sources joined with ' | '" \
    [ "$(python3 -c '
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
objs = json.load(open(sys.argv[2]))
def cell(v):
    return "'"'"'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v
ok = all(r["source_publishers"] == cell(" | ".join(s["publisher"] for s in o["sources"]))
         and r["source_urls"] == cell(" | ".join(s["url"] or "" for s in o["sources"])) for r, o in zip(rows, objs))
print("yes" if ok and len(rows) == len(objs) else "no")' "$WORK/deps.out" "$WORK/deps-json.out")" = yes ]

run by-sector export --by sector --region guangdong
check "export --by sector: exit 0 ($STATUS)" status_is 0
run gd export --region guangdong
gd_total=$(py gd "$SUM_COL" deployments)
check "export --by sector: the rows add up to Guangdong's total ($gd_total)" [ "$(py by-sector "$SUM_COL" deployments)" = "$gd_total" ]
check "export --by sector: header value,deployments,share" [ "$(head -1 "$WORK/by-sector.out")" = "value,deployments,share" ]
run by-model export --by model --region guangdong --format json
check "export --by model --format json: total is Guangdong's ($gd_total), multi-valued" \
    [ "$(py by-model 'import json,sys; o=json.load(open(sys.argv[1])); print(o["total"], o["multi_valued"])')" = "$gd_total True" ]
run by-body export --by body --region guangdong
check "export --by body: shares are deployments/total (3 decimals)" \
    [ "$(py by-body 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))); t=int(sys.argv[2]); print(all(x["share"] == "%.3f" % (int(x["deployments"]) / t) for x in r))' "$gd_total")" = True ]

run series export --series --region guangdong,山东,440300 --every month
check "export --series: exit 0 ($STATUS)" status_is 0
check "export --series: header date,440000,370000,440300 (codes, in the order given)" \
    [ "$(head -1 "$WORK/series.out")" = "date,440000,370000,440300" ]
check "export --series: the last row is Guangdong's total ($gd_total)" [ "$(tail -1 "$WORK/series.out" | cut -d, -f2)" = "$gd_total" ]
check "export --series: cumulative (never falls)" \
    [ "$(py series 'import csv,sys; r=list(csv.reader(open(sys.argv[1])))[1:]; print(all(int(a[k]) <= int(b[k]) for a, b in zip(r, r[1:]) for k in (1, 2, 3)))')" = True ]
run series-json export --series --region guangdong,shandong --every week --format json
check "export --series --format json: rows keyed by date and code" \
    [ "$(py series-json 'import json,sys; r=json.load(open(sys.argv[1])); print(sorted(r[-1].keys()), r[-1]["440000"])')" = "['370000', '440000', 'date'] $gd_total" ]

# --- Names and codes, --date and --dated-by ------------------------------------------------
for mode in "" "--deployments" "--by model" "--by use-case"; do
    # shellcheck disable=SC2086
    run name export $mode --region guangdong --filter sector=government
    # shellcheck disable=SC2086
    run code export $mode --region 440000 --sector government
    check "export ${mode:-(counts)}: --region guangdong --filter sector=government = --region 440000 --sector government" same name code
done
run sz-name export --deployments --region 深圳
run sz-code export --deployments --region 440300
check "export --deployments: --region 深圳 = --region 440300" same sz-name sz-code
run date export --date 2025-06-30 --region guangdong
run dated export --dated-by 2025-06-30 --region 440000
check "--date is --dated-by" same date dated

# --- The same figures in dump and export ---------------------------------------------------
for spec in "sector=government" "model-family=DeepSeek" "status=deployed,certainty=no-uncertain"; do
    run dump dump region --region 深圳 --filter "$spec" --width 120
    dumped=$(grep -oE 'Shenzhen: [0-9]+ deployment' "$WORK/dump.out" | grep -oE '[0-9]+')
    run export export --region 深圳 --filter "$spec"
    exported=$(py export "$SUM_COL" deployments)
    check "dump region and export agree for --region 深圳 --filter $spec (${dumped:-?} = $exported)" [ "${dumped:-x}" = "$exported" ]
    run deps-sz export --deployments --region 深圳 --filter "$spec"
    check "export --deployments lists as many ($(py deps-sz "$ROWS"))" [ "$(py deps-sz "$ROWS")" = "$exported" ]
done

# --- Hostile names round-trip through Python's csv ---------------------------------------
python3 "$REPO/Tests/e2e/fixtures/hostile_export.py" "$WORK/hostile"
run hostile export --deployments "$WORK/hostile/hostile.json"
check "hostile fixture: export --deployments exit 0 ($STATUS)" status_is 0
check "hostile fixture: every row has every column" [ "$(py hostile "$RECTANGULAR")" = yes ]
verdict=$(python3 - "$WORK/hostile.out" "$WORK/hostile/expected.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
want = json.load(open(sys.argv[2], encoding="utf-8"))
bad = [f"{r['id']}: {r['organization']!r} != {want.get(r['id'])!r}" for r in rows if r["organization"] != want.get(r["id"])]
if len(rows) != len(want):
    bad.append(f"{len(rows)} rows, {len(want)} expected")
# No cell of any row may start with a character a spreadsheet runs.
for r in rows:
    for k, v in r.items():
        if v[:1] in ("=", "+", "-", "@", "\t", "\r"):
            bad.append(f"{r['id']}.{k} starts with {v[:1]!r}")
# The other hostile cells, exactly.
r = next(r for r in rows if r["id"] == "h01")
for k, v in [("note", "'@note, \"quoted\""), ("use_cases", "'=use, case"),
             ("source_publishers", "'=Publisher, Inc. | Zhiding"),
             ("source_titles", "A \"title\", with commas | "),
             ("source_urls", "https://example.org/a?x=1,2 | ")]:
    if r[k] != v:
        bad.append(f"h01.{k}: {r[k]!r} != {v!r}")
h0 = next(r for r in rows if r["id"] == "h00")
if (h0["models"], h0["model_families"]) != ("'-model", "'-model"):
    bad.append(f"h00 models {h0['models']!r} {h0['model_families']!r}")
print("ok" if not bad else "; ".join(bad))
PY
)
check "hostile fixture: every organisation reads back exactly, a ' before = + - @ (${verdict:0:300})" [ "$verdict" = ok ]
run hostile-json export --deployments --format json "$WORK/hostile/hostile.json"
check "hostile fixture: the JSON holds the names unneutralised" \
    [ "$(py hostile-json 'import json,sys; r={d["id"]: d["organization"] for d in json.load(open(sys.argv[1]))}; print(r["h03"])')" \
      = '=HYPERLINK("http://evil.example","click")' ]
run hostile-by export --by model "$WORK/hostile/hostile.json"
check "hostile fixture: --by model neutralises a model named -model" grep -qx "'-model,1,0.071" "$WORK/hostile-by.out"

# --- Streaming: memory does not grow with the output -------------------------------------
# Peak RSS (Python's getrusage of the child, no GNU time needed) of the counts export and of
# the deployments export on the same generated data: the rows are written as they are made,
# so the second needs no more than the first plus the output buffer (1 MB) and slack, while
# the CSV itself is tens of MB. (The 1M figures are in the report of issue 11.)
"$BIN" generate --deployments 60000 --out "$WORK/gen" >/dev/null 2>&1
RSS='import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)'
rss_counts=$(python3 -c "$RSS" "$BIN" export "$WORK/gen")
rss_rows=$(python3 -c "$RSS" "$BIN" export --deployments "$WORK/gen")
csv_kb=$(( $("$BIN" export --deployments "$WORK/gen" 2>/dev/null | wc -c) / 1024 ))
check "export --deployments streams: peak RSS ${rss_rows} KB vs ${rss_counts} KB for the counts (the CSV is ${csv_kb} KB)" \
    [ "$rss_rows" -le $((rss_counts + 8192)) -a "$csv_kb" -gt 16384 ]

# --- Bad input: a clear message and exit 2 ------------------------------------------------
run bad-facet export --filter colour=red
check "--filter colour=red: exit 2 ($STATUS)" status_is 2
check "--filter colour=red: names the known facets" err_has bad-facet 'unknown facet "colour" (known: sector, status'
run bad-value export --filter sector=govt
check "--filter sector=govt: exit 2 ($STATUS), lists the sectors" \
    bash -c "[ $STATUS -eq 2 ] && grep -qF 'is not one of: government, public-service, enterprise' '$WORK/bad-value.err'"
run bad-region export --deployments --region atlantis
check "--region atlantis: exit 2 ($STATUS)" status_is 2
check "--region atlantis: says what a region can be" err_has bad-region "no region of that name (give a six-digit code, or a name in Chinese, pinyin or English)"
run bad-code dump map --region 999999
check "dump --region 999999: exit 2 ($STATUS)" status_is 2
run ambiguous export --region 朝阳区
check "--region 朝阳区 (Beijing's and Changchun's): exit 2, lists both codes" \
    bash -c "[ $STATUS -eq 2 ] && grep -qF 110105 '$WORK/ambiguous.err' && grep -qF 220104 '$WORK/ambiguous.err'"
run two export --by sector --region guangdong,shandong
check "--region A,B without --series: exit 2 ($STATUS)" status_is 2
run no-region export --series
check "--series without --region: exit 2 ($STATUS)" status_is 2
run bad-by export --by colour
check "--by colour: exit 2 ($STATUS)" status_is 2
run modes export --by model --deployments
check "--by with --deployments: exit 2 ($STATUS)" status_is 2
run unknown-model export --filter model=GPT-9
check "--filter model=GPT-9 (in no deployment): exit 0 ($STATUS), a warning naming the known models" \
    bash -c "[ $STATUS -eq 0 ] && grep -qF 'warning: --filter model=GPT-9 occurs in no deployment of the data; known: ' '$WORK/unknown-model.err' && grep -qF DeepSeek-R1 '$WORK/unknown-model.err'"
check "--filter model=GPT-9: counts zero everywhere" [ "$(py unknown-model "$SUM_COL" deployments)" = 0 ]


# --- Wide screens in tmux (issue 12): the wide table, zoom (z), the wide deployment list ---
# top_frame NAME PREFIX: the first row is one frame from column 1 to 200 (a zoomed pane).
top_frame() { local s; s=$(screen "$1" | head -n 1); [[ "$s" == "$2"*"┐" ]] && [ "${#s}" -eq 200 ] && [[ "$s" != *"┐┌"* ]]; }
# split_top NAME: the first row holds two frames side by side (not zoomed).
split_top() { local s; s=$(screen "$1" | head -n 1); [[ "$s" == *"┐┌"* ]]; }
start wide 200 60
if started wide 60; then
    key wide m
    check "wide: the table at 200x60 adds 'change since the previous snapshot', uncertain and top sector columns" \
        wait_until 5 shows wide '±since [0-9]{2}-[0-9]{2} +Uncertain +Top sector'
    key wide z
    check "wide: z zooms the table to the whole width" wait_until 5 top_frame wide '┌ Provinces'
    check "wide: the status line says how to restore" wait_until 5 status_has wide 'zoomed \(z restores\)'
    check "wide: zoomed, the table adds the top model family and long headers" \
        wait_until 5 shows wide 'Deployments. +Prefs covered +First deployment.*Top model family'
    key wide Escape
    check "wide: Esc restores the other panes" wait_until 5 split_top wide
    key wide m
    key wide D
    key wide z
    check "wide: z zooms the deployment list (D) to the whole width" wait_until 5 top_frame wide '┌ Deployments'
    check "wide: the zoomed list adds models and the first source's publisher" \
        wait_until 5 shows wide 'organization +region +status +sector +models +first source'
    key wide z
    check "wide: z again restores" wait_until 5 split_top wide
    key wide q
    ended wide 0
fi

finish
