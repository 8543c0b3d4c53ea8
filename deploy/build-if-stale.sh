# Sourced by the launchers in deploy/: builds every module when a service jar is missing or a source, a pom or the
# realm changed since the stamp file was touched, so that a launcher never starts what the sources no longer say.
#   is_stale <stamp file>                                   exit code 0 when a build is due
#   build_if_stale <stamp file> <what is being built, for the message>
is_stale() {
  local stamp=$1 module
  for module in catalog-service tenant-service marketplace-service deploy/demo-provider portal; do
    [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  [ -f "$stamp" ] || return 0
  [ -n "$(find pom.xml ./*/pom.xml deploy/*/pom.xml ./*/src deploy/*/src deploy/keycloak \
        -newer "$stamp" -type f -print -quit 2>/dev/null)" ]
}

build_if_stale() {
  local stamp=$1 what=$2
  if is_stale "$stamp"; then
    echo "building $what (first start, or sources changed) …"
    ./mvnw -B -q package -Plaunch
    touch "$stamp"
  fi
}
