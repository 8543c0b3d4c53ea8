#!/usr/bin/env bash
# Runs one benchmark or fault-injection check (deploy/bench/README.md) against a stack of its own on free ports,
# so that it never disturbs a running local stack. Builds what is missing or out of date first.
#   deploy/bench.sh                      lists the scenarios and their options
#   deploy/bench.sh rollout              e.g. the national rollout; exit code 0 when every target is reached
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# shellcheck source=pick-java.sh
. deploy/pick-java.sh
pick_java || exit 2

# shellcheck source=build-if-stale.sh
. deploy/build-if-stale.sh
build_if_stale deploy/bench/target/bench.built "the services and the benchmarks"

exec "$java" -Xmx1g -cp "deploy/bench/target/lib/*:deploy/bench/target/efa-bench-1.0.0-SNAPSHOT.jar" de.efa.bench.Bench "$@"
