#!/usr/bin/env bash
# Benchmark (not a test), issue 14 target 3: stored evaluations on the embedded store, loaded with wrk.
# Starts the jar on a fresh store (local profile), prepares DOSSIERS dossiers with three council members' assessments
# each (sheet ocop-2023/food, 31 criteria), then runs wrk: POST /api/v1/dossiers/{id}/evaluations round-robin at
# CONNECTIONS connections for DURATION seconds after a WARMUP-second warm-up, and for the peer figure the same
# connections on GET /api/v1/dossiers/{id}. Prints the store's file size and bytes per stored evaluation at the end
# per stored evaluation (with RECORDS=N it first keeps loading until N are stored: target 4's store size at N), again
# after REST seconds at rest (default 30), and the service's CPU per stored evaluation in the POST phase (from /proc:
# near 100 % of the cores means the rate is bound by CPU, not by waits).
# Bounded: about 5 minutes on an idle machine (RECORDS=10000 adds ~30 s at 400/s).
#
#   mvn -q -o -pl service -am package -DskipTests && bench/stored.sh
#   CONNECTIONS=8 DURATION=30 DOSSIERS=200 RECORDS=10000 bench/stored.sh
#   PROFILE=1 bench/stored.sh   # also a JFR recording of the POST phase: CPU by component, and where threads wait
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18090}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-90}  # 10 s until 2026-12-04: the JIT was still compiling (docs/benchmarks.md, target 3)
CONNECTIONS=${CONNECTIONS:-8}
DOSSIERS=${DOSSIERS:-200}
RECORDS=${RECORDS:-0}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx1g"}
JAR=${JAR:-service/target/ocop-service.jar} # another build to compare with, e.g. a copy of main's jar
DATA=$(mktemp -d)
B=http://127.0.0.1:$PORT
AUTH=$(printf 'admin:admin-pass' | base64)
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
if [ "${PROFILE:-0}" = 1 ]; then
  for t in jcmd jfr python3; do command -v $t > /dev/null || { echo "PROFILE=1 needs $t"; exit 1; }; done
fi
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --spring.profiles.active=local \
  --ocop.storage.embedded.path="$DATA/ocop.mv" --logging.level.root=WARN \
  --logging.level.vn.ocop.service.platform.storage=INFO > "$DATA/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; [ -n "${KEEP:-}" ] && cp "$DATA/ocop.mv" "$KEEP"; rm -rf "$DATA"' EXIT
for i in $(seq 1 600); do
  if curl -fs "$B/actuator/health/readiness" > /dev/null; then break; fi
  if ! kill -0 $PID 2>/dev/null || [ "$i" = 600 ]; then echo "service not ready:"; tail -40 "$DATA/service.log"; exit 1; fi
  sleep 0.5
done
echo "ready after $SECONDS s"
call() { curl -fsS -H "Authorization: Basic $AUTH" -H 'Content-Type: application/json' "$@"; }
# three members with varied options on every criterion of the sheet
SHEET=$(call "$B/api/v1/editions/ocop-2023/sheets/food")
ASSESSMENTS=()
for k in 0 1 2; do
  ASSESSMENTS+=("$(jq -c --arg k "$k" --arg name "Thành viên $k" '{member: $name, selections: ([.criteria[]
      | {key: .code, value: (1 + ((.code | explode | add) + ($k | tonumber)) % (.options | length))}] | from_entries)}' <<< "$SHEET")")
done
: > "$DATA/dossiers.txt"
for d in $(seq 1 "$DOSSIERS"); do
  ID=$(call "$B/api/v1/dossiers" -d "{\"product\":{\"name\":\"Sản phẩm $d\"},\"producer\":{\"name\":\"HTX $d\",\"type\":\"COOPERATIVE\"},
        \"location\":{\"provinceCode\":\"82\",\"communeCode\":\"29869\"},\"edition\":\"ocop-2023\",\"sheet\":\"food\"}" | jq -r .id)
  for a in "${ASSESSMENTS[@]}"; do call "$B/api/v1/dossiers/$ID/assessments" -d "$a" > /dev/null; done
  echo "$ID" >> "$DATA/dossiers.txt"
done
echo "prepared $DOSSIERS dossiers with 3 assessments each; $(nproc) cores; uptime: $(uptime)"
export DOSSIERS_FILE="$DATA/dossiers.txt" AUTH
run() { DOSSIERS="$DOSSIERS_FILE" wrk -t 2 -c "$CONNECTIONS" -d "$1s" --timeout 10s --latency -s bench/stored.lua "$B" | grep -E 'RESULT'; }
stored=0
count() { # adds the 201s of a RESULT line to $stored
  local line; line=$(cat); echo "$line"
  stored=$((stored + $(sed -E 's/RESULT requests ([0-9]+),.*errors ([0-9]+)\/([0-9]+).*/\1 - \2 - \3/' <<< "$line")))
}
echo "== warm-up ${WARMUP}s"; count < <(run "$WARMUP") > /dev/null
profile() { # profile start|stop: a JFR recording (settings=profile) of the POST phase, then its breakdowns
  [ "${PROFILE:-0}" = 1 ] || return 0
  if [ "$1" = start ]; then
    jcmd "$PID" JFR.start name=stored settings=profile filename="$DATA/stored.jfr" > /dev/null
  else
    jcmd "$PID" JFR.stop name=stored > /dev/null
    jfr print --json --events jdk.ExecutionSample --stack-depth 200 "$DATA/stored.jfr" > "$DATA/cpu.json"
    echo "CPU profile of the POST phase (JFR execution samples by component):"
    python3 bench/jfr-breakdown.py "$DATA/cpu.json" 14 | sed 's/^/   /'
    jfr print --json --events jdk.ThreadPark,jdk.JavaMonitorEnter,jdk.JavaMonitorWait --stack-depth 200 "$DATA/stored.jfr" \
      > "$DATA/waits.json"
    echo "Where request threads wait (JFR park/monitor events of 10 ms and more, by the service frame that waits):"
    python3 bench/jfr-waits.py "$DATA/waits.json" 12 | sed 's/^/   /'
    cp "$DATA/stored.jfr" "${TMPDIR:-/tmp}/ocop-bench-stored.jfr" && echo "   recording kept in ${TMPDIR:-/tmp}/ocop-bench-stored.jfr"
  fi
}
cpu_ticks() { # "JVM machine-busy machine-total" in clock ticks, from /proc: is the POST phase bound by CPU or by waits?
  local jvm; jvm=$(awk '{ print $14 + $15 }' "/proc/$PID/stat")
  awk -v jvm="$jvm" '$1 == "cpu" { total = 0; for (i = 2; i <= NF; i++) total += $i; print jvm, total - $5 - $6, total }' /proc/stat
}
meter() { # the store's counter NAME (ocop_store_NAME_total) from /actuator/prometheus
  call "$B/actuator/prometheus" | awk -v m="ocop_store_$1_total" '$1 == m || index($1, m "{") == 1 { v = $2 } END { printf "%d", v }'
}
echo "== POST /api/v1/dossiers/{id}/evaluations, $CONNECTIONS connections, ${DURATION}s"
before=$stored; w0=$(meter writes); c0=$(meter commits); d0=$(meter deferred_writes); read -r j0 b0 t0 < <(cpu_ticks)
profile start
count < <(run "$DURATION")
read -r j1 b1 t1 < <(cpu_ticks)
profile stop
w1=$(meter writes); c1=$(meter commits); d1=$(meter deferred_writes); n=$((stored - before))
awk -v n="$n" -v w=$((w1 - w0)) -v c=$((c1 - c0)) -v d=$((d1 - d0)) 'BEGIN { printf "store during the POST phase: %d stored evaluations, %d writes waiting for a commit + %d with j: false, %d commits: %.2f commit-waiting writes and %.2f commits per stored evaluation, %.2f writes per commit\n", n, w, d, c, w / (n ? n : 1), c / (n ? n : 1), w / (c ? c : 1) }'
awk -v n="$n" -v j=$((j1 - j0)) -v b=$((b1 - b0)) -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" 'BEGIN {
  printf "CPU during the POST phase: the service %.1f ms per stored evaluation, %.0f %% of %d cores; the machine %.0f %% busy (wrk included)\n",
    1000 * j / hz / (n ? n : 1), 100 * j / (t ? t : 1), cores, 100 * b / (t ? t : 1) }'
echo "== peer: GET /api/v1/dossiers/{id}, same connections, ${DURATION}s"
DOSSIERS="$DOSSIERS_FILE" wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --timeout 10s --latency -s bench/read.lua "$B" | grep -E 'RESULT'
echo "uptime after: $(uptime)"
while [ "$stored" -lt "$RECORDS" ]; do count < <(run 10) > /dev/null; done
size() { echo "$(stat -c %s "$DATA/ocop.mv") bytes = $(( $(stat -c %s "$DATA/ocop.mv") / (stored > 0 ? stored : 1) )) B per stored evaluation"; }
echo "stored evaluations (201s): $stored; store file right after the load: $(size)"
# does the file shrink once the load stops? (it did not in the runs of 2026-12-04: docs/benchmarks.md, target 4)
sleep "${REST:-30}"; echo "store file after ${REST:-30} s at rest: $(size)"
kill $PID; wait $PID 2>/dev/null || true
grep -o 'Embedded store: .*' "$DATA/service.log" || true
echo "store file after a clean shutdown: $(size)"
