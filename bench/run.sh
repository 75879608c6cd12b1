#!/usr/bin/env bash
# Benchmark (not a test): starts the service, loads POST /api/v1/evaluate and POST /api/v1/dossiers/{id}/evaluations,
# prints throughput and latency percentiles, stops the service. Bounded in time; traffic only to 127.0.0.1.
#
#   bench/run.sh                                   # embedded store in a fresh temp folder
#   bench/run.sh 'mongodb://127.0.0.1:27017/ocop-bench?replicaSet=rs0'   # a MongoDB
#
# Needs the jar (mvn -q -pl service -am package -DskipTests). OCOP_BENCH_CMD replaces `java -jar …` (e.g. to run
# the test application with the test-double engine). Knobs: PORT, DURATION, EVAL_CONCURRENCY, STORE_CONCURRENCY.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
DURATION=${DURATION:-30}
DATA=$(mktemp -d)
ARGS=(--server.port="$PORT" --spring.profiles.active=local --ocop.storage.embedded.path="$DATA/ocop.mv"
      --logging.level.root=WARN --logging.level.de.bwaldvogel=WARN)
if [ $# -ge 1 ]; then ARGS+=(--spring.mongodb.uri="$1"); fi
CMD=${OCOP_BENCH_CMD:-"java -jar service/target/ocop-service.jar"}
# shellcheck disable=SC2086
$CMD "${ARGS[@]}" > "$DATA/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null; then break; fi
  if ! kill -0 $PID 2>/dev/null; then echo "service exited:"; tail -40 "$DATA/service.log"; exit 1; fi
  sleep 0.5
done
echo "== POST /api/v1/evaluate (stateless)"
java bench/LoadGenerator.java --url "http://127.0.0.1:$PORT" --mode evaluate --concurrency "${EVAL_CONCURRENCY:-16}" --seconds "$DURATION"
echo "== POST /api/v1/dossiers/{id}/evaluations (stored)"
java bench/LoadGenerator.java --url "http://127.0.0.1:$PORT" --mode evaluations --concurrency "${STORE_CONCURRENCY:-8}" --seconds "$DURATION"
if [ $# -eq 0 ]; then echo "embedded store file: $(du -h "$DATA/ocop.mv" | cut -f1)"; fi
