#!/usr/bin/env bash
# Batch-throughput scaling of `myomito analyze --threads T` on one node (for nodes with more cores than the
# 2-core development machine, where the JIT compiler no longer competes with the second image thread).
#
# usage: bench/scaling.sh [-n IMAGES] [-s "L W"] [-r RUNS] [-t "1 2 4 8"] [-j JAVA] [-c CLASSES] [-a JAR] WORKDIR
#   -n  number of generated two-channel phantoms (default 200; all five patterns, seeds 1..N)
#   -s  fibre length and width in µm at 0.1 µm pixels (default "20 15": 241×191 px; "40 30": 441×341 px)
#   -r  runs per thread count (default 3; the median wall time is reported)
#   -t  thread counts (default "1 2 4 8")
#   -j  java executable (default: java on PATH)
#   -c  classpath holding io.github.myomito.bench.Prepare (default target/test-classes, built by
#       `mvn -P bench package -DskipTests`)
#   -a  CLI jar (default target/myomito-cli.jar)
# Prints a Markdown table; checks that images.csv is byte-identical for every thread count.
set -euo pipefail
N=200; SIZE="20 15"; RUNS=3; THREADS="1 2 4 8"; JAVA=java; CLASSES=target/test-classes; JAR=target/myomito-cli.jar
while getopts "n:s:r:t:j:c:a:" o; do
  case $o in
    n) N=$OPTARG ;; s) SIZE=$OPTARG ;; r) RUNS=$OPTARG ;; t) THREADS=$OPTARG ;; j) JAVA=$OPTARG ;; c) CLASSES=$OPTARG ;; a) JAR=$OPTARG ;;
    *) sed -n 2,14p "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { sed -n 2,14p "$0"; exit 2; }
WORK=$1
mkdir -p "$WORK"
now() { date +%s.%N; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB RAM"
echo "java: $("$JAVA" -version 2>&1 | head -1)"
echo "inputs: $N images, runs per thread count: $RUNS"
"$JAVA" -cp "$CLASSES:$JAR" io.github.myomito.bench.Prepare batch "$WORK/batch" "$N" $SIZE

echo
echo "| threads | wall s (runs) | median wall s | images/s | speed-up vs 1 thread |"
echo "|---:|---|---:|---:|---:|"
T1=""
for t in $THREADS; do
  walls=()
  for r in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/res$t"
    s=$(now)
    "$JAVA" -jar "$JAR" analyze "$WORK/batch" --out "$WORK/res$t" --lc3-channel 2 --threads "$t" --no-progress --no-qc >/dev/null 2>"$WORK/err$t.log" \
      || { echo "analyze --threads $t failed (see $WORK/err$t.log)"; exit 1; }
    e=$(now)
    walls+=("$(awk -v s="$s" -v e="$e" 'BEGIN{printf "%.2f", e - s}')")
  done
  med=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END{print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
  [ -n "$T1" ] || T1=$med
  awk -v t="$t" -v w="${walls[*]}" -v m="$med" -v n="$N" -v t1="$T1" \
    'BEGIN{printf "| %d | %s | %.2f | %.1f | %.2f× |\n", t, w, m, n / m, t1 / m}'
done
first=$(echo "$THREADS" | awk '{print $1}')
for t in $THREADS; do
  cmp -s "$WORK/res$first/images.csv" "$WORK/res$t/images.csv" || { echo "images.csv differs between --threads $first and --threads $t"; exit 1; }
done
echo
echo "images.csv byte-identical for threads: $THREADS"
