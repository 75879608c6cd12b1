#!/usr/bin/env bash
# Prepares a fast-starting layout of the service (issue 14, target 6): Spring Boot's extracted jar plus a class-data
# sharing (CDS) archive made by one training start. `java -jar` on the fat jar spends most of its start-up looking
# classes up in 180 nested jars and loading them; the extracted layout reads plain jars, and the archive maps the
# classes that a start loads instead of parsing and verifying them again (docs/operations.md, "Fast start").
#
#   service/deploy/prepare-fast-start.sh [JAR] [DIR]     # defaults: service/target/ocop-service.jar, service/target/fast
#   java -XX:SharedArchiveFile=DIR/ocop-service.jsa -jar DIR/ocop-service.jar --spring.profiles.active=local
#
# The training start runs the local profile on a throw-away embedded store in a temp folder and exits once the
# Spring context is refreshed (-Dspring.context.exit=onRefresh): it touches no real data. Re-run it after every
# build: an archive only serves the exact jars and JVM it was made with (the JVM ignores it otherwise, with a warning).
set -euo pipefail
JAR=${1:-service/target/ocop-service.jar}
DIR=${2:-service/target/fast}
[ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -q -pl service -am package -DskipTests)" >&2; exit 2; }
rm -rf "$DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" > /dev/null
TRAIN=$(mktemp -d)
trap 'rm -rf "$TRAIN"' EXIT
java -XX:ArchiveClassesAtExit="$DIR/ocop-service.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dspring.context.exit=onRefresh -jar "$DIR/ocop-service.jar" \
  --spring.profiles.active=local --server.port=0 --server.address=127.0.0.1 \
  --ocop.storage.embedded.path="$TRAIN/ocop.mv" --ocop.integrity.key-file="$TRAIN/integrity.key" \
  > "$TRAIN/training.log" 2>&1 || { echo "training start failed; its log:" >&2; tail -30 "$TRAIN/training.log" >&2; exit 1; }
[ -s "$DIR/ocop-service.jsa" ] || { echo "no CDS archive was written; training log:" >&2; tail -30 "$TRAIN/training.log" >&2; exit 1; }
echo "prepared $DIR: start with"
echo "  java -XX:SharedArchiveFile=$DIR/ocop-service.jsa -jar $DIR/ocop-service.jar --spring.profiles.active=local"
