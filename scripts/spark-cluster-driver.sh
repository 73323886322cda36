#!/usr/bin/env bash
# The driver holds no article text: runs `./precis spark` on Spark's local-cluster master (a
# standalone Master and Workers inside the driver's JVM, each executor a separate JVM, as on a
# cluster) with a small driver heap, and reports the driver's and executors' heap (from -Xlog:gc).
#   scripts/spark-cluster-driver.sh INPUT [REFERENCE_STORIES_JSONL]
# Environment: DRIVER_HEAP (default 512m), EXECUTORS (2), EXECUTOR_MB (heap of each, 1536),
# CLUSTER_DIR (outputs and logs, default target/spark-cluster), SKIP_BUILD=1 (use the built jar).
# With a reference, the run's stories.jsonl must equal it byte for byte (e.g. that of a local[2]
# run on the same input).
# The executors need a SPARK_HOME with a jars/ directory: a folder of links to the jars of the
# module's Spark class path (target/spark-classpath.txt, from the local Maven repository).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
input="${1:?usage: scripts/spark-cluster-driver.sh INPUT [REFERENCE_STORIES_JSONL]}"
reference="${2:-}"
dir="${CLUSTER_DIR:-$root/target/spark-cluster}"
heap="${DRIVER_HEAP:-512m}"
executors="${EXECUTORS:-2}"
mb="${EXECUTOR_MB:-1536}"
cd "$root"

if [ -z "${SKIP_BUILD:-}" ]; then # SKIP_BUILD=1: use the jar as built (e.g. while it is in use)
  echo "building the Spark jar..." >&2
  mvn -B -o -q -Dmaven.test.skip=true -Dspotless.apply.skip=true package -pl precis-spark -am \
    >"$dir.build.log" 2>&1 || {
    cat "$dir.build.log" >&2
    exit 1
  }
fi
rm -rf "$dir"
mkdir -p "$dir/spark-home/jars" "$dir/gc"
for jar in $(tr ':' ' ' <precis-spark/target/spark-classpath.txt); do
  ln -s "$jar" "$dir/spark-home/jars/"
done

# SPARK_SCALA_VERSION: the Worker's launcher otherwise looks for a Spark build tree
/usr/bin/time -v -o "$dir/time" env SPARK_HOME="$dir/spark-home" SPARK_SCALA_VERSION=2.13 \
  PRECIS_JAVA_OPTS="-Xmx$heap -XX:+UseParallelGC -Xlog:gc:file=$dir/gc/driver.log \
 -Dspark.executor.extraClassPath=$root/precis-spark/target/precis-spark.jar \
 -Dspark.executor.memory=${mb}m -Dspark.deploy.maxExecutorRetries=3 \
 -Dspark.executor.defaultJavaOptions=-XX:+UseParallelGC \
 -Dspark.executor.extraJavaOptions=-Xlog:gc:file=$dir/gc/executor-%p.log" \
  ./precis spark "$input" --output "$dir/out" --master "local-cluster[$executors,1,$mb]" \
  --jsonl --no-facts >"$dir/run.log" 2>&1 || {
  echo "the run failed, see $dir/run.log" >&2
  tail -5 "$dir/run.log" >&2
  exit 1
}
tail -1 "$dir/run.log"

# largest heap before and after a collection, in MB, from one -Xlog:gc file
heap_of() {
  grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$1" | tr -d 'M' | tr '>(' '  ' | tr -d ')' |
    awk '{ sub("-", "", $1); x = $1 + 0; y = $2 + 0; z = $3 + 0
      if (x > b) b = x; if (y > a) a = y; if (z > c) c = z }
      END { printf "peak %d MB before a collection, %d MB live after one, %d MB committed", b, a, c }'
}
echo "driver (-Xmx$heap): $(heap_of "$dir/gc/driver.log")"
for f in "$dir"/gc/executor-*.log; do
  echo "executor $(basename "$f" .log | cut -d- -f2) (${mb} MB): $(heap_of "$f")"
done
awk -F': ' '/Elapsed/ {print "wall " $2} /User time|System time/ {s += $2} END {print "CPU (user+sys, driver and executors) " s " s"}' "$dir/time"
if [ -n "$reference" ]; then
  if cmp -s "$reference" "$dir/out/stories.jsonl"; then
    echo "stories.jsonl: identical to $reference"
  else
    echo "stories.jsonl: DIFFERENT from $reference" >&2
    exit 1
  fi
fi
