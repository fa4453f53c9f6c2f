#!/usr/bin/env bash
# Cost of the Costes randomisation default (#16 item 9): analyze on sample-images (LC3 channel 2, no QC, one
# thread) with --randomisations 0 and 100, alternated, N runs each; prints the median wall and user CPU
# seconds of the whole process and the difference per image.
# Usage: bench/randomisations.sh [N=5]   (after mvn -o -q package -DskipTests)
set -euo pipefail
N=${1:-5}
JAR=target/myomito-cli.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
IMAGES=$(ls sample-images/*.tif | wc -l)
for i in $(seq "$N"); do
  for r in 0 100; do
    rm -rf "$WORK/out"
    /usr/bin/time -f "%e %U" -o "$WORK/t" java -jar $JAR analyze sample-images --lc3-channel 2 --no-qc --no-resume --threads 1 \
      --no-progress --randomisations $r --out "$WORK/out" >/dev/null 2>&1
    tail -1 "$WORK/t" >> "$WORK/r$r"
  done
done
med() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
w0=$(cut -d' ' -f1 "$WORK/r0" | med); w1=$(cut -d' ' -f1 "$WORK/r100" | med)
c0=$(cut -d' ' -f2 "$WORK/r0" | med); c1=$(cut -d' ' -f2 "$WORK/r100" | med)
echo "analyze sample-images ($IMAGES images, $N runs each, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
echo "randomisations 0:   wall $w0 s, CPU $c0 s (runs: $(cut -d' ' -f1 "$WORK/r0" | tr '\n' ' '))"
echo "randomisations 100: wall $w1 s, CPU $c1 s (runs: $(cut -d' ' -f1 "$WORK/r100" | tr '\n' ' '))"
awk -v a="$w0" -v b="$w1" -v c="$c0" -v d="$c1" -v n="$IMAGES" 'BEGIN {printf "added per image: wall %.2f s, CPU %.2f s\n", (b-a)/n, (d-c)/n}'
