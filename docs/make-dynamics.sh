#!/usr/bin/env bash
# Regenerates the accuracy tables of docs/dynamics.md from the simulator sweep in
# src/test/java/.../dynamics/DynamicsAccuracy.java (writes target/dynamics-accuracy.md; paste it
# between the markers of docs/dynamics.md).   bash docs/make-dynamics.sh [SEEDS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/test.classpath)" io.github.myomito.dynamics.DynamicsAccuracy "${1:-10}" target/dynamics-accuracy.md
echo "wrote target/dynamics-accuracy.md"
