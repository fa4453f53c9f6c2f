#!/usr/bin/env bash
# Regenerates the phenotype classifier's built-in references (src/main/resources/io/github/myomito/phenotype/patterns/
# builtin-references.json) from the simulator: see docs/phenotypes.md, "Built-in references".
set -euo pipefail
cd "$(dirname "$0")/.."
# the shaded CLI jar carries every runtime dependency (dependency:build-classpath may not be cached offline)
mvn -B -o -q package -DskipTests
java -cp "target/test-classes:target/classes:target/myomito-cli.jar" io.github.myomito.phenotype.BuiltInReferenceGenerator "$@"
