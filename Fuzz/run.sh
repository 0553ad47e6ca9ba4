#!/usr/bin/env bash
# Fuzzes the snapshot loader with libFuzzer and AddressSanitizer.
#
#   Fuzz/run.sh [SECONDS] [extra libFuzzer flags...]     (default 600 seconds)
#
# Builds Fuzz/ (a separate package, so the instrumented build never touches the normal one),
# seeds a corpus in a temporary directory from the shipped Data/*.json plus a few tiny hostile
# files, runs the fuzzer and prints libFuzzer's summary. Crashing inputs are written to
# Fuzz/artifacts/ (crash-*, leak-*, timeout-*); reproduce one with
#   "$BIN" Fuzz/artifacts/crash-...
# Environment: FUZZ_SCRATCH (build directory, default Fuzz/.build), FUZZ_JOBS (fuzzing
# processes, default one in this process), FUZZ_LOG (where the full log goes, default a temporary file).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
seconds="${1:-600}"
shift || true
scratch="${FUZZ_SCRATCH:-$here/.build}"

# -sanitize=fuzzer adds coverage instrumentation and links libFuzzer; `main` hands over to
# LLVMFuzzerRunDriver (see Sources/SnapshotLoaderFuzz/main.swift for why not -parse-as-library).
(cd "$here" && swift build -c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address)
bin="$(cd "$here" && swift build -c release --scratch-path "$scratch" --show-bin-path)/SnapshotLoaderFuzz"

work="$(mktemp -d "${TMPDIR:-/tmp}/adopt-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
mkdir -p "$corpus" "$here/artifacts"
cp "$root"/Data/*.json "$corpus"/
# A few tiny seeds that reach the error paths quickly.
printf '' > "$corpus/empty"
printf '\xef\xbb\xbf{}' > "$corpus/bom"
printf '{"format":"adopt.snapshot","version":1,"asOf":"2025-03-10","sources":[],"deployments":[{}],"events":[{}],"claims":[{}]}' > "$corpus/tiny"
printf '{"format":"adopt.snapshot","version":1,"asOf":"2025-03-10","synthetic":true,"sources":[],"deployments":[{"id":"a","region":"440304","organization":"O","date":"2025-02-15","status":"deployed","sector":"government","models":["\\u001b[2J"],"useCases":[],"sources":[],"note":"\\u202e"}]}' > "$corpus/text"

log="${FUZZ_LOG:-$work/fuzz.log}"
echo "fuzzing $bin for $seconds s, seeds: $(ls "$corpus" | wc -l) files, log: $log"
set +e
"$bin" "$corpus" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  ${FUZZ_JOBS:+-jobs=$FUZZ_JOBS -workers=$FUZZ_JOBS} \
  -dict="$here/snapshot.dict" -artifact_prefix="$here/artifacts/" -print_final_stats=1 "$@" > "$log" 2>&1
status=$?
set -e
# libFuzzer's closing lines: the last status line, the final stats and any crash report.
grep -E "^#[0-9]+.*(DONE|pulse|NEW|REDUCE)" "$log" | tail -3
grep -E "^(stat::|Done |==[0-9]+==|SUMMARY|artifact_prefix|Test unit written|INFO: seed corpus)" "$log" | tail -30
crashes=$(ls "$here/artifacts" 2>/dev/null | grep -cE '^(crash|leak|timeout|oom)-' || true)
echo "fuzzer exit status $status; crash/leak/timeout/oom artifacts in Fuzz/artifacts: $crashes"
exit "$status"
