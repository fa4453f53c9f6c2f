#!/usr/bin/env bash
# Regenerates the phenotype classifier's built-in references (src/main/resources/io/github/myomito/phenotype/patterns/
# builtin-references.json) from the simulator: see docs/phenotypes.md, "Built-in references".
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
cp=$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -cp "target/test-classes:target/classes:$cp" io.github.myomito.phenotype.BuiltInReferenceGenerator "$@"
