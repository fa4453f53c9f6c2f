#!/usr/bin/env bash
# Benchmark of `classify` on 10,000 fibre rows (whole process, /usr/bin/time): the fibres.csv of an analyze run over
# sample-images, its rows repeated under new file names until N rows, with a sample sheet of 2 conditions x 10 animals.
# Usage: bench/classify.sh [N] (needs target/myomito-cli.jar).  Numbers: docs/performance.md, "classify".
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
W=$(mktemp -d)
java -jar target/myomito-cli.jar analyze sample-images --out "$W/src" --lc3-channel 2 --no-progress --no-qc >/dev/null 2>&1
mkdir -p "$W/run"
python3 - "$W" "$N" <<'PY'
import csv, sys
w, n = sys.argv[1], int(sys.argv[2])
rows = list(csv.reader(open(w + "/src/fibres.csv", encoding="utf-8")))
head, body = rows[0], [r for r in rows[1:]]
fi = head.index("file")
with open(w + "/run/fibres.csv", "w", newline="", encoding="utf-8") as f, open(w + "/sheet.csv", "w", encoding="utf-8") as s:
    out = csv.writer(f, lineterminator="\n"); out.writerow(head); s.write("file,condition,animal\n")
    for i in range(n):
        r = list(body[i % len(body)]); name = "img%05d.tif" % i; r[fi] = name; out.writerow(r)
        s.write("%s,%s,a%d\n" % (name, "control" if i % 2 == 0 else "treated", i % 20))
PY
for k in 1 2 3; do
  /usr/bin/time -f "classify $N rows: %e s wall, %U s user, %M KB peak RSS" java -jar target/myomito-cli.jar classify "$W/run" --sample-sheet "$W/sheet.csv" 2>&1 | grep -v "^myomito"
done
rm -rf "$W"
