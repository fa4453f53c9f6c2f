#!/usr/bin/env bash
# Regenerates docs/accuracy.md from the simulator sweep in src/test/java/.../pipeline/AccuracyReport.java.
#   bash docs/make-accuracy.sh [SEEDS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test.classpath >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/test.classpath)" io.github.myomito.pipeline.AccuracyReport "${1:-10}" docs/accuracy.md
