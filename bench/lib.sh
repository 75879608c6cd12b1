# Shared by the bench/*.sh scripts (source it): start the packaged jar on loopback with a fresh temp data folder, wait
# until /actuator/health is UP, stop it. Builds nothing: the jar must exist (mvn -q -o -pl service -am package -DskipTests).
# Knobs: PORT (default 18080), JAR (default service/target/ocop-service.jar), JAVA_OPTS (extra JVM options).

PORT=${PORT:-18080}
JAR=${JAR:-service/target/ocop-service.jar}
BASE="http://127.0.0.1:$PORT"
SERVICE_PID=

require() {
  for tool in "$@"; do
    command -v "$tool" > /dev/null || { echo "needs '$tool' (Debian: apt-get install -y $tool)" >&2; exit 2; }
  done
  [ -f "$JAR" ] || { echo "no $JAR: build it first with  mvn -q -o -pl service -am package -DskipTests" >&2; exit 2; }
  if curl -s -o /dev/null "$BASE/actuator/health"; then echo "port $PORT is taken; set PORT=..." >&2; exit 2; fi
}

# start_service DATA_DIR [extra args...]: the local profile (its users), embedded store and key in DATA_DIR, loopback only
start_service() {
  local data=$1; shift
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" --spring.profiles.active=local \
    --ocop.storage.embedded.path="$data/ocop.mv" --ocop.integrity.key-file="$data/integrity.key" "$@" \
    > "$data/service.log" 2>&1 &
  SERVICE_PID=$!
}

# wait_ready DATA_DIR TIMEOUT_SECONDS: polls /actuator/health every 0.1 s until it says UP; fails if the service dies
wait_ready() {
  local data=$1 deadline=$(( $(date +%s) + $2 ))
  until curl -fs "$BASE/actuator/health" 2> /dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$SERVICE_PID" 2> /dev/null; then echo "the service exited; its log:" >&2; tail -40 "$data/service.log" >&2; return 1; fi
    if [ "$(date +%s)" -ge "$deadline" ]; then echo "not UP within $2 s; log tail:" >&2; tail -20 "$data/service.log" >&2; return 1; fi
    sleep 0.1
  done
}

stop_service() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2> /dev/null; then
    kill "$SERVICE_PID"
    for _ in $(seq 1 100); do kill -0 "$SERVICE_PID" 2> /dev/null || break; sleep 0.1; done
    kill -9 "$SERVICE_PID" 2> /dev/null || true
  fi
  SERVICE_PID=
}

# service_cpu_ms: CPU time (user + system) the service process has used so far, in ms. A request's share of it is a
# steadier figure than the rate on a shared machine (the neighbours slow the service down but do not add to its CPU);
# it includes the JIT's compiler threads and the GC, so it is only a request's cost once the warm-up is long enough.
service_cpu_ms() {
  awk -v tck="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / tck }' "/proc/$SERVICE_PID/stat"
}

machine() {
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(uname -sr); $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "uptime: $(uptime)"
}
