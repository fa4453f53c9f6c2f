#!/usr/bin/env bash
# MyoMito benchmarks (not tests): builds the CLI jar plus the benchmarks (Maven profile "bench"), runs every
# benchmark and prints markdown tables. Usage: bench/run.sh [--quick] [--offline]
#   --quick    fewer repetitions (3), 60 batch images instead of 200
#   --offline  pass -o to Maven
# Env: BENCH_REPS (timed repetitions of in-process cases, default 5), BENCH_WORK (scratch folder, default a temp dir),
#      BENCH_SKIP_BUILD=1 (reuse target/), JAVA_OPTS (default -Xmx8g).
# The whole script is one function so that bash parses it completely before running it (editing it mid-run is safe).
main() {
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${BENCH_REPS:-5}; NBATCH=200; MVN_OFF=""
for a in "$@"; do
  case "$a" in
    --quick) REPS=3; NBATCH=60 ;;
    --offline) MVN_OFF="-o" ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done
JAVA_OPTS=${JAVA_OPTS:--Xmx8g}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/myomito-bench.XXXXXX)}
mkdir -p "$WORK"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q $MVN_OFF -P bench package -DskipTests 2>&1 | grep -v SLF4J || true
fi
JAR=target/myomito-cli.jar
CP=target/test-classes:$JAR
[ -f "$JAR" ] && [ -f target/test-classes/io/github/myomito/bench/Bench.class ] || { echo "build failed: no $JAR or bench classes" >&2; exit 1; }
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (GNU time) for whole-process timings and peak RSS" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

echo "# MyoMito benchmarks — $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/{print $2}') GiB RAM"
echo "java: $(java -version 2>&1 | head -1)"
echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo n/a); reps: $REPS; work: $WORK"
echo
echo "## In-process (warm JVM: 1 warm-up, median of N)"
echo
java $JAVA_OPTS -Dbench.reps="$REPS" -cp "$CP" io.github.myomito.bench.Bench skeleton pipeline coloc kendall

echo
echo "## Peak RSS of one thinning + graph run (separate JVM, /usr/bin/time -v)"
echo
echo "| case | voxels | peak RSS MiB | minus JVM baseline MiB | bytes/voxel over baseline |"
echo "|---|---:|---:|---:|---:|"
rss() { $TIME -v java $JAVA_OPTS -cp "$CP" io.github.myomito.bench.Bench "$1" 2>&1 >/dev/null | awk '/Maximum resident/{print $6}'; }
BASE=$(rss memjvm)
for c in mem2d:16777216 mem3d-512:33554432 mem3d-384:14155776; do
  name=${c%%:*}; vox=${c##*:}
  kb=$(rss "$name")
  awk -v n="$name" -v v="$vox" -v kb="$kb" -v b="$BASE" 'BEGIN{printf "| %s | %d | %.0f | %.0f | %.1f |\n", n, v, kb/1024, (kb-b)/1024, (kb-b)*1024/v}'
done
echo "(JVM baseline: $((BASE / 1024)) MiB)"

echo
echo "## Whole process: coloc CLI on a 172×152×33 two-channel stack (Pearson, Manders, Costes, ICQ, Spearman, Kendall + 100 randomisations, JVM start included)"
echo
java -cp "$CP" io.github.myomito.bench.Prepare coloc "$WORK/coloc/stack.tif" >/dev/null
: > "$WORK/coloc.times"; : > "$WORK/coloc0.times"; : > "$WORK/help.times"
for i in $(seq 1 7); do
  $TIME -f "%e %U %S" -o "$WORK/t" java -jar $JAR coloc "$WORK/coloc/stack.tif" --channels 1,2 --randomisations 100 >/dev/null 2>"$WORK/coloc.err" \
    || { echo "coloc failed:" >&2; cat "$WORK/coloc.err" >&2; exit 1; }
  tail -1 "$WORK/t" >> "$WORK/coloc.times"
done
for i in $(seq 1 5); do
  $TIME -f "%e %U %S" -o "$WORK/t" java -jar $JAR coloc "$WORK/coloc/stack.tif" --channels 1,2 --randomisations 0 >/dev/null 2>&1; tail -1 "$WORK/t" >> "$WORK/coloc0.times"
  $TIME -f "%e %U %S" -o "$WORK/t" java -jar $JAR --help >/dev/null 2>&1; tail -1 "$WORK/t" >> "$WORK/help.times"
done
echo "| command | runs | wall s | median wall s | median CPU s (user+sys) |"
echo "|---|---:|---|---:|---:|"
for f in coloc:"coloc --randomisations 100" coloc0:"coloc --randomisations 0" help:"--help (JVM + CLI start only)"; do
  k=${f%%:*}; label=${f#*:}
  printf '| %s | %s | %s| %s | %s |\n' "$label" "$(wc -l < "$WORK/$k.times")" "$(awk '{printf "%s ", $1}' "$WORK/$k.times")" \
    "$(awk '{print $1}' "$WORK/$k.times" | median)" "$(awk '{print $2+$3}' "$WORK/$k.times" | median)"
done
echo
echo "(JACoP reference ~3.5 s for Pearson + Costes + ICQ with 100 randomisations; goal ≤ 1.75 s. MyoMito also computes Manders, Spearman and Kendall.)"

echo
echo "## Batch throughput: analyze of $NBATCH small two-channel images, --threads 1 vs 2"
echo
java -cp "$CP" io.github.myomito.bench.Prepare batch "$WORK/batch" "$NBATCH"
for t in 1 2 1 2; do
  rm -rf "$WORK/res$t"
  $TIME -f "%e %M %U %S" -o "$WORK/batch$t.time" java $JAVA_OPTS -jar $JAR analyze "$WORK/batch" --out "$WORK/res$t" --lc3-channel 2 --threads $t --no-progress >/dev/null 2>&1 \
    || { echo "analyze --threads $t failed (see $WORK/res$t)" >&2; exit 1; }
  tail -1 "$WORK/batch$t.time" >> "$WORK/batch$t.all"
done
T1=$(awk '{print $1}' "$WORK/batch1.all" | median); T2=$(awk '{print $1}' "$WORK/batch2.all" | median)
echo "| threads | wall s (2 runs) | median wall s | images/s | CPU s (user+sys, median) | peak RSS MiB |"
echo "|---:|---|---:|---:|---:|---:|"
for t in 1 2; do
  f=$WORK/batch$t.all; m=$([ $t = 1 ] && echo $T1 || echo $T2)
  c=$(awk '{print $3+$4}' "$f" | median)
  awk -v t=$t -v m="$m" -v n="$NBATCH" -v c="$c" '{w=w $1 " "; if ($2>r) r=$2} END {printf "| %d | %s| %s | %.1f | %s | %.0f |\n", t, w, m, n/m, c, r/1024}' "$f"
done
echo
awk -v a="$T1" -v b="$T2" 'BEGIN{printf "speed-up 2 threads vs 1 (wall medians): %.2f× (goal ≥ 1.7×)\n", a/b}'
if cmp -s "$WORK/res1/images.csv" "$WORK/res2/images.csv"; then echo "images.csv byte-identical for 1 and 2 threads"; else echo "note: images.csv differs between 1 and 2 threads"; fi
}
main "$@"
