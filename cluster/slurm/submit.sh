#!/usr/bin/env bash
# Submit a MyoMito job array over N chunks plus a dependent merge job.
#
#   cluster/slurm/submit.sh -n N -o OUT [-j JAR] [-a TASKS] INPUT... [-- ANALYZE-OPTIONS...]
#
# -a TASKS resubmits only some chunks of the same N-way split (e.g. -a 2,5 after tasks 2 and 5 ran out of
# time); finished images are skipped, and the merge job runs again over all OUT/chunk-* folders.
# Prints "ARRAY_JOB_ID MERGE_JOB_ID". Results: OUT/merged/*.csv (+ OUT/chunk-i/ per chunk).
# Extra sbatch options (partition, account, time) go in SBATCH_ARGS, e.g.
#   SBATCH_ARGS="--partition=short --account=lab" cluster/slurm/submit.sh -n 20 -o /scratch/run1 data/
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
N=""; OUT=""; TASKS=""; JAR="$HERE/../../target/myomito-cli.jar"
while getopts "n:o:j:a:" opt; do
  case $opt in
    n) N=$OPTARG ;;
    o) OUT=$OPTARG ;;
    j) JAR=$OPTARG ;;
    a) TASKS=$OPTARG ;;
    *) echo "usage: submit.sh -n N -o OUT [-j JAR] [-a TASKS] INPUT... [-- OPTIONS]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ -n $N && -n $OUT && $# -ge 1 ]] || { echo "usage: submit.sh -n N -o OUT [-j JAR] [-a TASKS] INPUT... [-- OPTIONS]" >&2; exit 2; }
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: -n must be a positive whole number, got '$N'" >&2; exit 2; }
[[ -f $JAR ]] || { echo "submit.sh: $JAR not found (build with: mvn package)" >&2; exit 2; }
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
mkdir -p "$OUT/logs"
OUT=$(cd "$OUT" && pwd)
export MYOMITO_CHUNKS=$N   # the array tasks read N from here (jobs inherit the environment)
# shellcheck disable=SC2086
ARRAY=$(sbatch --parsable ${SBATCH_ARGS:-} --array="${TASKS:-1-$N}" --output="$OUT/logs/myomito-%A_%a.log" \
        "$HERE/myomito-array.sbatch" "$JAR" "$OUT" "$@")
ARRAY=${ARRAY%%;*}
# shellcheck disable=SC2086
MERGE=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency=afterany:"$ARRAY" --output="$OUT/logs/myomito-merge-%j.log" \
        "$HERE/myomito-merge.sbatch" "$JAR" "$OUT")
MERGE=${MERGE%%;*}
echo "$ARRAY $MERGE"
