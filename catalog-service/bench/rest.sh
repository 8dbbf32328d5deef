#!/usr/bin/env bash
# Benchmark of the catalog's REST API (not a test): RestBenchmark starts the service in test mode on
# the in-process Couchbase stand-in with the demo fleet imported, and drives it over loopback with an
# asynchronous load generator in the same JVM (32 requests in flight, 3 s warm-up, 10 s measured per
# request kind). Prints requests/s and p50/p99 per request kind; asserts nothing.
#   catalog-service/bench/rest.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -pl catalog-service -am test -Dspotless.check.skip=true \
  -Dtest=RestBenchmark -Dsurefire.failIfNoSpecifiedTests=false
