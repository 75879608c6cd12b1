#!/usr/bin/env bash
# Benchmark tools (not tests), issue 14 target 4: where the embedded store's bytes go. Need the jar
# (mvn -q -o -pl service -am package -DskipTests); they run against the jar's libraries (mongo-java-server, H2, driver).
#
#   bench/store-size.sh inspect FILE.mv   # per collection: entries, bytes; compacted copies plain / LZF / Deflate
#   bench/store-size.sh bson FILE.mv      # BSON size of each stored document as the MongoDB driver encodes it
#   bench/store-size.sh grow N            # N stored evaluations' write pattern, commit per write, under each setting
#
# A FILE.mv to look at: KEEP=/tmp/run.mv bench/stored.sh keeps the store of a load run (inspect opens it read-only;
# bson works on a copy). Bounded: grow with N=1000 takes about a minute per setting on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
LIB=$(mktemp -d)
trap 'rm -rf "$LIB"' EXIT
(cd "$LIB" && unzip -q "$OLDPWD/service/target/ocop-service.jar" 'BOOT-INF/lib/*' 'BOOT-INF/classes/*')
# the service's classes too: the file's documents are in its BSON value type (platform.storage.BsonValueType)
CP=$(ls "$LIB"/BOOT-INF/lib/*.jar | tr '\n' ':')$LIB/BOOT-INF/classes:
javac -nowarn -cp "$CP" -d "$LIB/classes" bench/store/*.java 2>&1 | grep -v '^Note:' || true
run() { java -cp "$CP$LIB/classes" "$@" 2>&1 | grep -vE ' (INFO|DEBUG) |^\s+at |^SLF4J' ; }
case "${1:-}" in
  inspect) run StoreInspect "$2" "$LIB/copy.mv"; run StoreInspect "$2" "$LIB/copy.mv" lzf | tail -1
           run StoreInspect "$2" "$LIB/copy.mv" deflate | tail -1 ;;
  bson) cp "$2" "$LIB/copy.mv"; run BsonSize "$LIB/copy.mv" ;;
  grow) for mode in plain deflate deflate-periodic; do run Grow "$mode" "${2:-1000}" 0 bench/store/record.json | tail -1; done ;;
  *) sed -n 2,11p "$0"; exit 1 ;;
esac
