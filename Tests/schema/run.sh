#!/usr/bin/env bash
# The JSON Schema, checked with a standard validator (Python jsonschema, Draft 2020-12):
# every shipped snapshot is valid; version 1 and version 2 files are both valid; a version 1
# file using a version 2 field is not. adopt validate agrees on each. Prints 'N passed, N failed'.
set -u
cd "$(dirname "$0")/../.."
bin="${1:-.build/debug/adopt}"
# The Python that has jsonschema: the one on PATH, else Debian's (python3-jsonschema).
py=python3
$py -c "import jsonschema" 2>/dev/null || py=/usr/bin/python3
passed=0; failed=0
check() {  # name, expected (0 valid / 1 invalid), actual exit code
  if [ "$2" -eq "$3" ]; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); echo "FAIL $1 (exit $3, wanted $2)"; fi
}
$py Scripts/check-schema.py >/tmp/adopt-schema.log 2>&1; check "shipped Data/*.json valid against the schema" 0 $?
$py Scripts/check-schema.py Tests/schema/v1-valid.json >/dev/null 2>&1; check "version 1 file valid against the schema" 0 $?
$py Scripts/check-schema.py Tests/schema/v2-valid.json >/dev/null 2>&1; check "version 2 file valid against the schema" 0 $?
$py Scripts/check-schema.py Tests/schema/v1-with-body.json >/dev/null 2>&1; check "version 1 file with body rejected by the schema" 1 $?
"$bin" validate Tests/schema/v1-valid.json Tests/schema/v2-valid.json >/dev/null 2>&1; check "adopt validate: version 1 and 2 files valid" 0 $?
out=$("$bin" validate Tests/schema/v1-with-body.json 2>&1); code=$?
check "adopt validate: version 1 file with body loads (warning)" 0 $code
case "$out" in *'warning: deployments[0].body: "body" is a version 2 field'*) check "adopt validate names the version 2 field" 0 0 ;; *) check "adopt validate names the version 2 field" 0 1 ;; esac
"$bin" validate Data >/dev/null 2>&1; check "adopt validate Data" 0 $?
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
