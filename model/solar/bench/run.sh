#!/usr/bin/env bash
# Benchmark (not a test): the site survey over a year of 1-minute readings (525,600 lines).
# Prints wall time and peak RSS of each run; generates the CSV once under model/solar/target/bench.
# Usage: model/solar/bench/run.sh [RUNS]    (default 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
module="$(cd "$here/.." && pwd)"
runs="${1:-3}"
work="$module/target/bench"
csv="$work/year-1min.csv"
mkdir -p "$work"
if [[ ! -f "$csv" ]]; then
  echo "generating $csv ..." >&2
  java "$here/GenerateReadings.java" "$csv" 2025 40.4 -3.7
fi
# Always rebuild so the figures are for the code as it is now.
"$module/../../mvnw" -B -q -f "$module/../../pom.xml" -pl model/solar -am package -DskipTests
echo "input: $(wc -l < "$csv") lines, $(du -h "$csv" | cut -f1); cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -n 1)"
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "run $i: %e s wall, %U s user, %M KB peak RSS" \
    "$module/site-survey" --lat 40.4 --lon -3.7 --tz Europe/Madrid "$csv" > "$work/report.json"
done
# The same run with the heap bounded: what the tool needs, rather than what the JVM takes.
JAVA_OPTS="-Xmx128m" /usr/bin/time -f "heap 128 MB: %e s wall, %U s user, %M KB peak RSS" \
  "$module/site-survey" --lat 40.4 --lon -3.7 --tz Europe/Madrid "$csv" > /dev/null
grep -A4 '"optimal"' "$work/report.json"
grep '"gain_over_flat_percent"' "$work/report.json"
