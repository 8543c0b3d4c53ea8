# Sourced by the launchers in deploy/: builds every module when a service jar is missing or a source, a pom or the
# realm changed since the stamp file was touched, so that a launcher never starts what the sources no longer say.
#   build_if_stale <stamp file> <what is being built, for the message>
build_if_stale() {
  local stamp=$1 what=$2 build=false module
  for module in catalog-service tenant-service marketplace-service deploy/demo-provider; do
    [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || build=true
  done
  [ -f "$stamp" ] || build=true
  if [ "$build" = false ] && [ -n "$(find pom.xml ./*/pom.xml deploy/*/pom.xml ./*/src deploy/*/src deploy/keycloak \
        -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
    build=true
  fi
  if [ "$build" = true ]; then
    echo "building $what (first start, or sources changed) …"
    ./mvnw -B -q package -DskipTests
    touch "$stamp"
  fi
}
