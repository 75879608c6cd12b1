#!/usr/bin/env bash
# Benchmark (not a test), issue 14 target 5: history jobs over N stored evaluations on a fresh embedded store.
#  1. batch replay: seeds N hash-chained evaluation records (5 per dossier) through EvaluationLedger.appendAll (a Java
#     call for imports and benchmarks, no API: the bench-only seeding path), then replays all of them as one batch;
#  2. simulation: seeds N dossiers with three assessments each straight into the store, then runs a ruleset
#     simulation job through the API over all of them.
# Each prints its seeding time, its rate and the heap peak. Bounded: each step is stopped after LIMIT seconds.
#
#   bench/history.sh            # N=100000
#   N=5000 bench/history.sh     # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
LIMIT=${LIMIT:-600}
MVN=(mvn -q -o -pl service -am -Pbench test -Dsurefire.failIfNoSpecifiedTests=false)
echo "N=$N; $(nproc) cores; $(java -version 2>&1 | head -1); uptime before: $(uptime)"
echo "== batch replay"
timeout "$LIMIT" "${MVN[@]}" -Dtest=BatchReplayBenchmark -Dbench.n="$N" 2>&1 | grep --line-buffered -E '^BENCH|FAIL|ERROR' || true
echo "uptime: $(uptime)"
echo "== simulation"
timeout "$LIMIT" "${MVN[@]}" -Dtest=SimulationBenchmark -Dbench.dossiers="$N" 2>&1 | grep --line-buffered -E '^\[bench\] (seed|simulation)|FAIL|ERROR' || true
echo "uptime after: $(uptime)"
