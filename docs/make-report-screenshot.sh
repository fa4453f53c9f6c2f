#!/usr/bin/env bash
# Renders the phenotype report of a designed simulated batch in headless Chromium and writes
# docs/phenotype-report.png (the picture in docs/phenotypes.md). Batch: 4 animals per condition, 2 images each (with 3 animals the exact Mann-Whitney p cannot fall below 0.1);
# control = glycolytic-fragmented (LC3 on mitochondria 0.3), denervated = fission-fragmented (LC3 0.6).
# Needs target/myomito-cli.jar (mvn -B -q package -DskipTests) and Debian's chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
J="java -jar target/myomito-cli.jar"
echo "file,condition,animal" > "$W/sheet.csv"
for a in 1 2 3 4; do
  for i in 1 2; do
    s=$((a * 10 + i))
    $J simulate --pattern glycolytic-fragmented --seed $s --mitophagy 0.3 --out "$W/in/ctl_a${a}_$i.tif" >/dev/null
    $J simulate --pattern fission-fragmented --seed $s --mitophagy 0.6 --out "$W/in/den_a${a}_$i.tif" >/dev/null
    echo "ctl_a${a}_$i.tif,control,c$a" >> "$W/sheet.csv"
    echo "den_a${a}_$i.tif,denervated,d$a" >> "$W/sheet.csv"
  done
done
$J analyze "$W/in" --out "$W/out" --lc3-channel 2 --sample-sheet "$W/sheet.csv" --no-progress --no-qc
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 \
  --screenshot="$PWD/docs/phenotype-report.png" "file://$W/out/report.html" 2>/dev/null
echo "wrote docs/phenotype-report.png"
