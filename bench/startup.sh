#!/usr/bin/env bash
# Issue 14, target 6 (benchmark, not a test): time to ready of the packaged jar with every built-in edition
# (2019, 2023, 2026): from `java -jar` until GET /actuator/health says UP, on the embedded store in a fresh temp folder
# (first start: the built-in rulesets are stored) and again on the same folder (restart over existing data).
# Also checks that no DRL is compiled at start (no DRL parser or knowledge builder class loaded: the packs are
# precompiled executable models) and that health checks after the restart log nothing. Builds nothing.
#
# Two layouts side by side in the same run: "fat" is `java -jar` on the fat jar (the baseline), "fast" is the layout of
# service/deploy/prepare-fast-start.sh (extracted jar + CDS archive; prepared here when missing or older than the jar).
#
#   bench/startup.sh            # RUNS=2 pairs of starts per layout, about 3 minutes on an idle 2-core machine
#
# Knobs: RUNS (2), LAYOUTS ("fat fast"), READY_TIMEOUT (s, 150; raise it on a busy machine), PORT (18080), JAVA_OPTS.
# Target: <= 10 s to ready. Each start also prints the CPU seconds the JVM used until ready (less load-dependent).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
require curl java jcmd
RUNS=${RUNS:-2}
DATA=
trap 'stop_service; [ -n "$DATA" ] && rm -rf "$DATA"' EXIT

now() { date +%s%N; }
# one_start LABEL: starts on $DATA, prints seconds to UP and Spring's own "Started ... in" figure
one_start() {
  local t0 t1
  t0=$(now)
  start_service "$DATA" --logging.level.de.bwaldvogel=INFO
  wait_ready "$DATA" "${READY_TIMEOUT:-150}"
  t1=$(now)
  local spring
  spring=$(sed -n 's/.*Started OcopApplication in \([0-9.]*\) seconds.*/\1/p' "$DATA/service.log" | tail -1)
  local cpu
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14+$15)/hz}' "/proc/$SERVICE_PID/stat")
  printf 'RESULT %-4s %-32s ready after %6.2f s, %5s s of CPU (Spring: started in %s s)\n' "$LAYOUT" "$1" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print (b-a)/1e9}')" "$cpu" "$spring"
}

machine
FAT_JAR=$JAR
FAST=service/target/fast
if [[ " ${LAYOUTS:-fat fast} " == *" fast "* ]] && { [ ! -f "$FAST/ocop-service.jsa" ] || [ "$FAT_JAR" -nt "$FAST/ocop-service.jsa" ]; }; then
  echo "preparing the fast layout (service/deploy/prepare-fast-start.sh)"
  service/deploy/prepare-fast-start.sh "$FAT_JAR" "$FAST" > /dev/null
fi
BASE_OPTS=${JAVA_OPTS:-}
for LAYOUT in ${LAYOUTS:-fat fast}; do
if [ "$LAYOUT" = fast ]; then
  JAR=$FAST/ocop-service.jar; JAVA_OPTS="$BASE_OPTS -XX:SharedArchiveFile=$FAST/ocop-service.jsa -Xlog:cds=off"
else
  JAR=$FAT_JAR; JAVA_OPTS=$BASE_OPTS
fi
for run in $(seq 1 "$RUNS"); do
  DATA=$(mktemp -d)
  one_start "run $run: fresh data folder"
  editions=$(curl -fs -u integration:integration-pass "$BASE/api/v1/editions" | grep -o '"id":"ocop-[0-9]*"' | sort -u | tr '\n' ' ' || true)
  compilers=$(jcmd "$SERVICE_PID" VM.class_hierarchy 2> /dev/null \
    | grep -cE 'org\.drools\.drl\.parser\.DrlParser|org\.drools\.compiler\.builder\.impl\.KnowledgeBuilderImpl|org\.drools\.model\.codegen\.' || true)
  echo "   editions served: $editions; DRL compiler classes loaded at start: $compilers"
  stop_service
  : > "$DATA/service.log"
  one_start "run $run: restart on that data"
  lines=$(wc -l < "$DATA/service.log")
  for _ in $(seq 1 20); do curl -fs -o /dev/null "$BASE/actuator/health"; done
  sleep 0.5
  echo "   20 health checks after the restart wrote $(( $(wc -l < "$DATA/service.log") - lines )) log lines"
  stop_service
  rm -rf "$DATA"; DATA=
done
done
echo "uptime after: $(uptime)"
