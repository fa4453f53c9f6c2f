#!/usr/bin/env bash
# Benchmark (not a test) of #14: `myomito analyze` on a 512×512, 100-frame, two-channel 2D+t series, whole process
# (JVM start, reading, first-frame still analysis, tracking and events over 100 frames, tables, QC pictures,
# phenotype report), wall time and peak RSS from /usr/bin/time -v. Prints a markdown table.
#   bench/dynamics.sh [REPS]        (default 3 runs per JVM configuration; BENCH_SKIP_BUILD=1 reuses target/myomito-cli.jar;
#                                    BENCH_JVMS: the configurations, ';'-separated java options, default
#                                    "default;-Xmx300m -XX:+UseSerialGC" — "default" = no options, the JVM's default heap)
main() {
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-3}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/myomito-dyn-bench.XXXXXX)}
mkdir -p "$WORK/in"
[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || mvn -B -q -o package -DskipTests 2>&1 | grep -v SLF4J || true
JAR=target/myomito-cli.jar
[ -f "$JAR" ] || { echo "no $JAR" >&2; exit 1; }
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 1; }
# 512 × 512 px at 0.1 µm: the simulator adds 2 × travel (0.05 µm/s × 1 s × 99 frames) and 2 × 1.5 µm border to the fibre
java -jar "$JAR" simulate --pattern fission-fragmented --seed 1 --frames 100 --frame-interval-s 1 --speed-um-s 0.05 \
  --fission-rate 2 --fusion-rate 2 --length-um 38.2 --width-um 48.1 --out "$WORK/one.tif" >/dev/null
java -cp "$JAR" bench/MakeTwoChannelSeries.java "$WORK/one.tif" "$WORK/in/series.tif"
BYTES=$(stat -c %s "$WORK/in/series.tif")
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/{print $2}') GiB RAM; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); git: $(git rev-parse --short HEAD 2>/dev/null || echo n/a); input: $WORK/in/series.tif, $BYTES bytes"
echo
echo "| java options | run | wall s | user + sys s | peak RSS MiB | input MiB | limit 2 × input + 200 MiB |"
echo "|---|---|---:|---:|---:|---:|---:|"
IFS=';' read -r -a JVMS <<< "${BENCH_JVMS:-default;-Xmx300m -XX:+UseSerialGC}"
for jvm in "${JVMS[@]}"; do
  opts=$jvm; [ "$jvm" = default ] && opts=""
  for r in $(seq 1 "$REPS"); do
    rm -rf "$WORK/out"
    # shellcheck disable=SC2086
    $TIME -v java $opts -jar "$JAR" analyze "$WORK/in" --out "$WORK/out" --no-progress >"$WORK/log" 2>"$WORK/time" || { cat "$WORK/log" "$WORK/time" >&2; exit 1; }
    awk -v j="$jvm" -v r="$r" -v b="$BYTES" '
      /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); w = (n == 3) ? p[1]*3600 + p[2]*60 + p[3] : p[1]*60 + p[2] }
      /User time/ { u = $NF } /System time/ { s = $NF } /Maximum resident/ { kb = $NF }
      END { printf "| %s | %d | %.1f | %.1f | %.0f | %.0f | %.0f |\n", j, r, w, u + s, kb/1024, b/1048576, 2*b/1048576 + 200 }' "$WORK/time"
  done
done
echo
echo "events found: $(($(wc -l < "$WORK/out/events.csv") - 1)); frames: $(($(wc -l < "$WORK/out/frames.csv") - 1))"
}
main "$@"
