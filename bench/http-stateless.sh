#!/usr/bin/env bash
# Issue 14, target 2 (benchmark, not a test): stateless POST /api/v1/evaluate against an authenticated
# GET /api/v1/editions, both loaded by wrk in the same run, same service, same user (HTTP Basic, user integration).
# Starts the packaged jar on 127.0.0.1 with a fresh temp data folder, builds the body from the catalogue (three members
# scoring every criterion of the sheet), warms both endpoints up, measures each, prints the figures, stops the service.
# Builds nothing. About 4 minutes with the defaults: the JIT is still compiling after 20 s on 2 cores (2026-12-04: 466–813
# evaluations/s after 20 s of warm-up, 1,593–1,730/s after 90 s), hence the long warm-up.
#
#   bench/http-stateless.sh
#   EDITION=ocop-2026 SHEET=food bench/http-stateless.sh      # another sheet
#   PROFILE=1 bench/http-stateless.sh      # also a JFR recording of each measured phase, broken down by component
#
# Knobs: CONNECTIONS (16), THREADS (wrk threads, 2), WARMUP (s, 90), DURATION (s per measured endpoint, 30), EDITION
# (ocop-2023), SHEET (food), READY_TIMEOUT (s to start, 150), PORT (18080), JAVA_OPTS. Target: evaluate >= 3,000/s, p99 < 50 ms, >= 60 % of the editions rate.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
require wrk curl jq java
[ "${PROFILE:-0}" = 1 ] && require jcmd jfr python3
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-90}
DURATION=${DURATION:-30}
EDITION=${EDITION:-ocop-2023}
SHEET=${SHEET:-food}
DATA=$(mktemp -d)
trap 'stop_service; rm -rf "$DATA"' EXIT

machine
start_service "$DATA" --logging.level.root=WARN
wait_ready "$DATA" "${READY_TIMEOUT:-150}"
export AUTH="Basic $(printf 'integration:integration-pass' | base64)"
export BODY_FILE="$DATA/body.json"
curl -fs -H "Authorization: $AUTH" "$BASE/api/v1/editions/$EDITION/sheets/$SHEET" | jq -c --arg ed "$EDITION" --arg sh "$SHEET" '
  [.criteria[] | select(.alternativeOf == null) | {code, n: (.options | length)}] as $c
  | {edition: $ed, sheet: $sh, assessments: [["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"] | to_entries[] | .key as $k
      | {member: .value, selections: ($c | to_entries | map({key: .value.code, value: (1 + ((.key + $k) % .value.n))}) | from_entries)}]}' \
  > "$BODY_FILE"
check=$(curl -s -w ' %{http_code}' -H "Authorization: $AUTH" -H 'Content-Type: application/json' --data-binary @"$BODY_FILE" "$BASE/api/v1/evaluate")
[ "${check##* }" = 200 ] || { echo "POST /api/v1/evaluate answered ${check##* }: ${check:0:400}" >&2; exit 1; }
echo "body: $EDITION/$SHEET, $(jq '.assessments[0].selections | length' "$BODY_FILE") criteria x 3 members ($(wc -c < "$BODY_FILE") bytes);" \
     "answer: $(printf '%s' "${check% *}" | jq -r '.status + ", " + (.stars | tostring) + " stars"') ($(printf "%s" "${check% *}" | wc -c) bytes)"

load() { # load NAME SECONDS wrk-args...: prints wrk's RESULT line prefixed with NAME
  local name=$1 seconds=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s "$@" | sed -n "s|^RESULT |$name |p"
}
echo "warm-up: ${WARMUP} s evaluate, $(( WARMUP / 2 )) s editions (not counted)"
load warmup-evaluate "$WARMUP" -s bench/evaluate.lua "$BASE/api/v1/evaluate" > /dev/null
load warmup-editions "$(( WARMUP / 2 ))" -s bench/get.lua "$BASE/api/v1/editions" > /dev/null
echo "uptime before measuring: $(uptime)"
profile() { # profile start|stop NAME: a JFR recording (settings=profile) of one measured phase, then its breakdown
  [ "${PROFILE:-0}" = 1 ] || return 0
  if [ "$1" = start ]; then
    jcmd "$SERVICE_PID" JFR.start name="$2" settings=profile filename="$DATA/$2.jfr" > /dev/null
  else
    jcmd "$SERVICE_PID" JFR.stop name="$2" > /dev/null
    jfr print --json --events jdk.ExecutionSample --stack-depth 200 "$DATA/$2.jfr" > "$DATA/$2.json"
    echo "CPU profile of $2 (JFR execution samples by component):"
    python3 bench/jfr-breakdown.py "$DATA/$2.json" 14 | sed 's/^/   /'
    cp "$DATA/$2.jfr" "${TMPDIR:-/tmp}/ocop-bench-$2.jfr" && echo "   recording kept in ${TMPDIR:-/tmp}/ocop-bench-$2.jfr"
  fi
}
measure() { # measure NAME wrk-args...: wrk's RESULT line and the service's CPU ms per request during it
  local before requests after result
  before=$(service_cpu_ms)
  result=$(load "$@")
  after=$(service_cpu_ms)
  requests=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<< "$result")
  echo "$result service_cpu_ms_per_request=$(awk -v c=$(( after - before )) -v n="${requests:-0}" 'BEGIN { printf "%.3f", (n > 0) ? c / n : 0 }')"
}
profile start evaluate
EVAL=$(measure "POST /api/v1/evaluate" "$DURATION" -s bench/evaluate.lua "$BASE/api/v1/evaluate")
profile stop evaluate
echo "$EVAL"
profile start editions
GET=$(measure "GET /api/v1/editions" "$DURATION" -s bench/get.lua "$BASE/api/v1/editions")
profile stop editions
echo "$GET"
echo "uptime after: $(uptime)"
rps() { sed -n 's/.* rps=\([0-9]*\).*/\1/p' <<< "$1"; }
p99() { sed -n 's/.* p99=\([0-9.]*\).*/\1/p' <<< "$1"; }
E=$(rps "$EVAL"); G=$(rps "$GET"); P=$(p99 "$EVAL")
cpu() { sed -n 's/.* service_cpu_ms_per_request=\([0-9.]*\).*/\1/p' <<< "$1"; }
echo "SUMMARY evaluate ${E}/s p99 ${P} ms at $CONNECTIONS connections; editions ${G}/s; evaluate/editions = $(( 100 * E / (G > 0 ? G : 1) )) %;" \
     "service CPU per request: evaluate $(cpu "$EVAL") ms, editions $(cpu "$GET") ms"
verdict() { if [ "$1" = 1 ]; then echo met; else echo "NOT met"; fi; }
echo "targets: >= 3000/s $(verdict $(( E >= 3000 ))); p99 < 50 ms $(verdict "$(awk -v p="$P" 'BEGIN{print (p < 50) ? 1 : 0}')");" \
     ">= 60 % of editions $(verdict $(( 100 * E >= 60 * G )))"
