#!/usr/bin/env bash
# The Spark scaling table of the README (section "Spark", "Scaling"): the same synthetic input run
# by `./precis stories` (one process), `./precis spark --master local[1]` and `local[2]`, each
# timed by /usr/bin/time -v (wall, CPU = user + sys, peak RSS), on a quiet machine.
#   scripts/spark-scaling.sh [SIZES...]       # default: 100000 1000000
# SCALING_DIR holds the inputs and outputs (default target/spark-scaling; 1M articles take about
# 1 GB of input and 2 GB of output). SCALING_RUNS=N repeats each run N times (default 1).
# Every Spark run must write the same stories.jsonl (checked); B-cubed agreement with the CLI is
# not computed here (SparkStoriesTest checks it).
# Time on a quiet 2-core machine: about 6 minutes for 100k, about an hour for 1M (estimated from
# the 100k figures: CLI ~1 min, local[2] ~1.5 min, local[1] ~2.2 min per 100k articles).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${SCALING_DIR:-$root/target/spark-scaling}"
runs="${SCALING_RUNS:-1}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)
mkdir -p "$dir"
cd "$root"

echo "building (benchmarks, CLI and Spark jars)..." >&2
mvn -B -o -q -Dmaven.test.skip=true -Dspotless.apply.skip=true package \
  -pl precis-bench,precis-cli,precis-spark -am >"$dir/build.log" 2>&1
./precis --help >/dev/null
./precis spark --help >/dev/null

table="$dir/scaling.md"
echo "| articles | run | load (start → end) | wall s | articles/s (wall) | CPU s (user+sys) | articles per CPU-s | peak RSS GiB |" >"$table"
echo "|---|---|---|---|---|---|---|---|" >>"$table"

load() { cut -d' ' -f1 /proc/loadavg; }

# timed NAME N OUTPUT COMMAND...: runs the command under /usr/bin/time -v, appends a table row
timed() {
  local name="$1" n="$2" out="$3"
  shift 3
  local before
  before="$(load)"
  /usr/bin/time -v -o "$out.time" "$@" >"$out.log" 2>&1 || {
    echo "$name failed, see $out.log" >&2
    tail -5 "$out.log" >&2
    return 1
  }
  local wall cpu rss
  wall="$(awk -F': ' '/Elapsed/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$out.time")"
  cpu="$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$out.time")"
  rss="$(awk -F': ' '/Maximum resident/ {printf "%.2f", $2 / 1048576}' "$out.time")"
  echo "| $n | $name | $before → $(load) | $wall | $(awk -v n="$n" -v w="$wall" 'BEGIN {printf "%d", n / w}') | $cpu | $(awk -v n="$n" -v c="$cpu" 'BEGIN {printf "%d", n / c}') | $rss |" | tee -a "$table"
}

for n in "${sizes[@]}"; do
  days=$(((n + 2799) / 2800)) # the 100k stream's density: about 2,800 articles a day
  input="$dir/syn$n"
  if [ ! -d "$input" ]; then
    echo "generating $n articles over $days days..." >&2
    java -cp precis-bench/target/benchmarks.jar dev.precis.bench.StoryClusteringBenchmark \
      --articles "$n" --days "$days" --write "$dir/syn$n.jsonl" >"$dir/gen$n.log" 2>&1
    mkdir -p "$input.tmp"
    split -n l/8 -d --additional-suffix=.jsonl "$dir/syn$n.jsonl" "$input.tmp/part-"
    rm "$dir/syn$n.jsonl"
    mv "$input.tmp" "$input"
  fi
  heap=3g
  [ "$n" -gt 200000 ] && heap=8g
  opts="-Xmx$heap -XX:+UseParallelGC"
  for r in $(seq 1 "$runs"); do
    timed "./precis stories" "$n" "$dir/cli-$n-$r" \
      env PRECIS_JAVA_OPTS="$opts" ./precis stories "$input" --output "$dir/cli-$n-$r.jsonl"
    for m in 2 1; do
      rm -rf "$dir/spark$m-$n-$r"
      timed "./precis spark --master local[$m]" "$n" "$dir/spark$m-$n-$r" \
        env PRECIS_JAVA_OPTS="$opts" ./precis spark "$input" --output "$dir/spark$m-$n-$r" \
        --master "local[$m]" --jsonl --no-facts
    done
    cmp -s "$dir/spark1-$n-$r/stories.jsonl" "$dir/spark2-$n-$r/stories.jsonl" ||
      echo "WARNING: local[1] and local[2] wrote different stories.jsonl for $n articles" >&2
  done
done
echo "table: $table" >&2
