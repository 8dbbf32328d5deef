#!/usr/bin/env bash
# Measures a MongoDB stand-in backend under the local stack's back-fill (see
# deploy/local-stack/launcher/.../standin/MongoStandInBenchmark.java and deploy/local-stack/README.md):
#   deploy/local-stack/bench/mongo.sh --backend rocksdb --docs 400000 [--batch 500] [--heap 256m] [--kill]
# Build first: ./mvnw -B -pl deploy/local-stack/launcher -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../launcher"
exec java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/classes:$(cat target/classpath.txt)" \
  io.controlautogeneracion.stack.standin.MongoStandInBenchmark "$@"
