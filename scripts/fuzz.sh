#!/usr/bin/env bash
# Builds and runs one libFuzzer harness of nnreport's parsers of untrusted bytes (README.md, "Fuzzing").
#   scripts/fuzz.sh list                   the harness names and what each feeds its parser
#   scripts/fuzz.sh NAME [SECONDS]         build (release, libFuzzer + AddressSanitizer) and fuzz NAME for
#                                          SECONDS (default 600), then print libFuzzer's final stats
#   scripts/fuzz.sh NAME FILE...           run NAME once on each FILE (to reproduce a crash)
# Extra libFuzzer flags go in FUZZ_FLAGS (e.g. FUZZ_FLAGS="-jobs=2"). The run is niced (FUZZ_NICE, default 19).
# New inputs are kept in .build/fuzz/corpus/NAME, the seeds in Fuzz/corpus/NAME are only read, and crashes,
# timeouts and out-of-memory inputs are written to Fuzz/artifacts/NAME/. The whole log is in .build/fuzz/logs/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# name → SwiftPM product, and what the harness does with its input.
declare -A products=(
  [idx]=FuzzIDX [idx-gzip]=FuzzIDXGzip [safetensors]=FuzzSafetensors
  [checkpoint]=FuzzCheckpoint [pickle]=FuzzPickle [png]=FuzzPNG
)
order=(idx idx-gzip safetensors checkpoint pickle png)
declare -A summaries=(
  [idx]="raw IDX bytes → IDXReader.decodeImages and decodeLabels"
  [idx-gzip]="gzip bytes (other inputs gzip-compressed first) → IDXReader through GzipInflater"
  [safetensors]="safetensors bytes → Safetensors.decode"
  [checkpoint]="whole torch.save zip archives → Checkpoint.decode"
  [pickle]="data.pkl, wrapped in a valid archive with fixed storages → Checkpoint.decode (restricted unpickler)"
  [png]="PNG bytes → PNGDecoder.decode (libpng simplified API)"
)

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 64
}

if [ "${1:-}" = "list" ]; then
  for name in "${order[@]}"; do printf '%-12s %s\n' "$name" "${summaries[$name]}"; done
  exit 0
fi
[ $# -ge 1 ] || usage
name="$1"
shift
product="${products[$name]:-}"
if [ -z "$product" ]; then
  echo "fuzz: unknown harness '$name'; the harnesses are: ${order[*]}" >&2
  exit 64
fi

nice_level="${FUZZ_NICE:-19}"
scratch=".build/fuzz"
mkdir -p "$scratch"
echo "fuzz: building $product (release, -sanitize=fuzzer,address) …" >&2
if ! NNREPORT_FUZZ=1 nice -n "$nice_level" swift build -c release --scratch-path "$scratch" --product "$product" \
    -Xswiftc -sanitize=fuzzer,address >"$scratch/build.log" 2>&1; then
  grep -v "Cannot export local symbol" "$scratch/build.log" >&2
  exit 1
fi
binary="$root/$scratch/release/$product"

# libFuzzer reports crashes itself: Swift's backtracer would hold the crashing process for its own report.
export SWIFT_BACKTRACE=enable=no
flags=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
[ -f "Fuzz/dictionaries/$name.dict" ] && flags+=("-dict=Fuzz/dictionaries/$name.dict")
# shellcheck disable=SC2206 # FUZZ_FLAGS is a list of flags
flags+=(${FUZZ_FLAGS:-})

if [ $# -ge 1 ] && ! [[ "$1" =~ ^[0-9]+$ ]]; then
  exec nice -n "$nice_level" "$binary" "${flags[@]}" "$@"
fi

seconds="${1:-600}"
corpus="$scratch/corpus/$name"
artifacts="Fuzz/artifacts/$name"
logs="$scratch/logs"
mkdir -p "$corpus" "$artifacts" "$logs"
log="$logs/$name-$(date +%Y%m%d-%H%M%S).log"
command=(nice -n "$nice_level" "$binary" "${flags[@]}" -max_total_time="$seconds"
         -artifact_prefix="$artifacts/" "$corpus" "Fuzz/corpus/$name")
echo "fuzz: ${command[*]}" >&2
echo "fuzz: log in $log" >&2
start=$(date +%s)
status=0
"${command[@]}" >"$log" 2>&1 || status=$?
end=$(date +%s)
grep -E '^(Done [0-9]+ runs|stat::)' "$log" || true
echo "fuzz: $name ran $((end - start)) s, exit status $status" >&2
if [ "$status" -ne 0 ]; then
  grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written|Fatal error|.*: Fatal error)' "$log" | head -20 >&2 || true
fi
exit "$status"
