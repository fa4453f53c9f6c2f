#!/usr/bin/env bash
# Regenerates the accuracy tables of docs/dynamics.md from the simulator sweep in
# src/test/java/.../dynamics/DynamicsAccuracy.java (writes target/dynamics-accuracy.md; paste it
# between the markers of docs/dynamics.md).   bash docs/make-dynamics.sh [SEEDS]
# The classpath is the shaded CLI jar (all runtime dependencies) after the compiled classes, so that
# no plugin beyond the build's own is needed offline (dependency:build-classpath may not be cached).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q package -DskipTests
java -cp "target/test-classes:target/classes:target/myomito-cli.jar" io.github.myomito.dynamics.DynamicsAccuracy "${1:-10}" target/dynamics-accuracy.md
echo "wrote target/dynamics-accuracy.md"
