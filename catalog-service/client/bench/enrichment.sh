#!/usr/bin/env bash
# Benchmark of the enrichment lookups (not a test): EnrichmentBenchmark asks the catalog client for
# 2 000 panels against the in-process Couchbase stand-in, 64 lookups in flight, with a cold cache
# (four key-value reads per device) and a warm one. Prints lookups/s; asserts nothing.
#   catalog-service/client/bench/enrichment.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B -pl catalog-service/client -am test -Dspotless.check.skip=true \
  -Dtest=EnrichmentBenchmark -Dsurefire.failIfNoSpecifiedTests=false
