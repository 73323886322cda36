#!/usr/bin/env bash
# Long fuzzing runs of every @FuzzTest harness, one JVM each (see README, "Fuzzing").
#   scripts/fuzz-kit.sh                      # once: compile and gather the classpath
#   scripts/fuzz.sh [EXECUTIONS] [SECONDS]   # default 1000000 executions or 3600 s per harness
# FUZZ_PARALLEL=N runs N harnesses at once (default 1: two shared cores here); FUZZ_ONLY=regex
# picks harnesses. Logs go to target/fuzz-logs/ (or $FUZZ_LOGS); a finding is written as a
# crash-* file next to the log and printed with its stack trace; an input that runs longer than
# FUZZ_TIMEOUT seconds (default 20) is a hang, written as timeout-* with every thread's stack. The
# summary line per harness is libFuzzer's "Done N runs in S second(s)", or the findings.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kit="${FUZZ_KIT:-$root/target/fuzz-kit}"
runs="${1:-1000000}"
seconds="${2:-3600}"
logs="${FUZZ_LOGS:-$root/target/fuzz-logs}"
parallel="${FUZZ_PARALLEL:-1}"
per_input="${FUZZ_TIMEOUT:-20}"
mkdir -p "$logs"
cp="$(find "$kit/lib" -name '*.jar' | sort | tr '\n' ':')"
for c in "$kit"/classes/*; do cp="$cp$c:"; done
P=com.code_intelligence.jazzer.api.FuzzedDataProvider
harnesses=(
  "dev.precis.ingest.IngestFuzzTest#html(byte[])"
  "dev.precis.ingest.IngestFuzzTest#feed(byte[])"
  "dev.precis.ingest.IngestFuzzTest#warc(byte[])"
  "dev.precis.ingest.IngestFuzzTest#jsonArticles(byte[])"
  "dev.precis.ingest.IngestFuzzTest#jsonLines(byte[])"
  "dev.precis.text.SplitterFuzzTest#split(java.lang.String)"
  "dev.precis.facts.FactsFuzzTest#dates($P)"
  "dev.precis.facts.FactsFuzzTest#numbers($P)"
  "dev.precis.facts.FactsFuzzTest#quotes($P)"
  "dev.precis.server.RequestFuzzTest#articleRequest($P)"
  "dev.precis.server.RequestFuzzTest#hostHeader(java.lang.String)"
  "dev.precis.cli.BatchClustersFuzzTest#clusters(byte[])"
)
run_one() {
  local h="$1" name dir
  name="$(echo "$h" | sed 's/.*\.\([A-Za-z]*\)#\([A-Za-z]*\).*/\1-\2/')"
  dir="$logs/$name"
  mkdir -p "$dir"
  (cd "$dir" && JAZZER_FUZZ=1 timeout $((seconds + 300)) java -Xmx3g \
    -Djazzer.max_executions="$runs" -Djazzer.max_duration="${seconds}s" \
    -Dfuzz.timeout="$per_input" \
    -cp "$cp" dev.precis.cli.FuzzRunner "$h" >"$dir/log.txt" 2>&1)
  local code=$? findings
  findings="$(cd "$dir" && ls -d crash-* timeout-* oom-* slow-unit-* 2>/dev/null | tr '\n' ' ')"
  echo "$name: exit $code $(grep -a -o 'Done [0-9]* runs in [0-9]* second(s)' "$dir/log.txt" | tail -1)${findings:+ FINDINGS: $findings}$(grep -a -m1 -o 'ERROR: libFuzzer: timeout after [0-9]* seconds' "$dir/log.txt" | sed 's/^/ /')"
}
i=0
for h in "${harnesses[@]}"; do
  if [ -n "${FUZZ_ONLY:-}" ] && ! [[ "$h" =~ $FUZZ_ONLY ]]; then continue; fi
  run_one "$h" &
  i=$((i + 1))
  if [ $((i % parallel)) -eq 0 ]; then wait; fi
done
wait
