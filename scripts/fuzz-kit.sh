#!/usr/bin/env bash
# Builds target/fuzz-kit: the compiled main and test classes of every module plus the test
# classpath's jars, so scripts/fuzz.sh can run the @FuzzTest harnesses without Maven (on this
# machine or another with Java 17+). Offline: the jars come from ~/.m2.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kit="$root/target/fuzz-kit"
cd "$root"
mvn -B -o -q test-compile dependency:build-classpath -pl precis-cli -am \
  -Dmdep.outputFile="$root/target/fuzz-classpath.txt" -Dmdep.includeScope=test \
  -Dspotless.apply.skip=true -Dspotless.check.skip=true
rm -rf "$kit"
mkdir -p "$kit/lib" "$kit/classes"
tr ':' '\n' <"$root/target/fuzz-classpath.txt" | grep '\.jar$' | while read -r jar; do
  cp "$jar" "$kit/lib/"
done
for m in core eval store server cli; do
  cp -r "precis-$m/target/classes" "$kit/classes/$m"
  if [ -d "precis-$m/target/test-classes" ]; then
    cp -r "precis-$m/target/test-classes" "$kit/classes/$m-test"
  fi
done
du -sh "$kit"
