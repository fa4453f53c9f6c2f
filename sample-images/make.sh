#!/usr/bin/env bash
# Regenerates the sample images with the simulator (deterministic: same seeds, same pixels).
#   mvn -B -q package -DskipTests && bash sample-images/make.sh
set -euo pipefail
cd "$(dirname "$0")"
JAR=../target/myomito-cli.jar
for p in oxidative-lattice glycolytic-fragmented fission-fragmented hyperfused swollen; do
  java -jar "$JAR" simulate --pattern "$p" --seed 7 --out "${p}_seed7.tif"
done
java -jar "$JAR" simulate --pattern oxidative-lattice --seed 7 --slices 6 --z-step-um 0.3 --width-um 12 --length-um 16 \
  --out oxidative-lattice_3d_seed7.tif
java -jar "$JAR" simulate --pattern oxidative-lattice --seed 8 --axis-deg 30 --mitophagy 0.6 --out oxidative-lattice_axis30_mito0.6_seed8.tif
