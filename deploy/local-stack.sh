#!/usr/bin/env bash
# Starts the whole EfA Marketplace locally: PostgreSQL, Kafka, Keycloak, the three services and the demo
# provider, with demo data. Builds what is missing or out of date first. Ctrl-C stops everything.
#   deploy/local-stack.sh           start (data under .local/ is kept across restarts)
#   deploy/local-stack.sh --reset   wipe .local/ first
#   deploy/local-stack.sh --kafka-sasl   Kafka requires every client to log in (SASL), as in production
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# shellcheck source=pick-java.sh
. deploy/pick-java.sh
pick_java || exit 1

launcher=("$java" -cp "deploy/stack/target/lib/*:deploy/stack/target/efa-stack-1.0.0-SNAPSHOT.jar" de.efa.stack.LocalStack)
stamp=deploy/stack/target/stack.built
# A stack that is already running must not have its jars rebuilt under it.
if [ -f "$stamp" ]; then
  "${launcher[@]}" --check-ports
fi

# shellcheck source=build-if-stale.sh
. deploy/build-if-stale.sh
if is_stale "$stamp"; then
  prepare_build "$stamp"
  # Only the launcher is built here: it builds the services itself while PostgreSQL, Kafka and Keycloak start
  # (Keycloak's first start installs and builds it, as long as the build of the services), then touches the stamp.
  echo "building the launcher (first start, or sources changed) …"
  ./mvnw -B -q package -Plaunch -Dlauncher-only -pl deploy/stack -am
  exec "${launcher[@]}" --build-services "$stamp" "$@"
fi

exec "${launcher[@]}" "$@"
