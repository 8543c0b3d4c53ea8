#!/usr/bin/env bash
# Runs one check of SPEC section 10 (benchmarks and fault injection) against a stack of its own on free ports,
# so that it never disturbs a running local stack. Builds what is missing or out of date first.
#   deploy/bench.sh                      lists the scenarios and their options
#   deploy/bench.sh rollout              e.g. the national rollout; exit code 0 when every target is reached
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! command -v java >/dev/null 2>&1; then
  echo "error: no java on the PATH; the benchmarks need a JDK 17 or newer" >&2
  exit 2
fi

stamp=deploy/bench/target/bench.built
artifacts=(catalog-service tenant-service marketplace-service deploy/demo-provider)
build=false
for module in "${artifacts[@]}"; do
  [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || build=true
done
[ -f "$stamp" ] || build=true
if [ "$build" = false ] && [ -n "$(find pom.xml ./*/pom.xml deploy/*/pom.xml ./*/src deploy/*/src deploy/keycloak \
      -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
  build=true
fi
if [ "$build" = true ]; then
  echo "building the services and the benchmarks (first run, or sources changed) …"
  ./mvnw -B -q package -DskipTests
  touch "$stamp"
fi

exec java -Xmx1g -cp "deploy/bench/target/lib/*:deploy/bench/target/efa-bench-1.0.0-SNAPSHOT.jar" de.efa.bench.Bench "$@"
