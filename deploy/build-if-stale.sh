# Sourced by the launchers in deploy/: builds every module when a service jar is missing or a source, a pom or the
# realm changed since the stamp file was touched, so that a launcher never starts what the sources no longer say.
#   is_stale <stamp file>                                   exit code 0 when a build is due
#   prepare_build <stamp file>                              call before a build that is due (see below)
#   build_if_stale <stamp file> <what is being built, for the message>
# Beside the stamp, <stamp file>.sources lists the files the last build read.

# Every file a build reads, under these roots; extra arguments narrow find's selection.
build_inputs() {
  find pom.xml ./*/pom.xml deploy/*/pom.xml ./*/src deploy/*/src deploy/keycloak -type f "$@" 2>/dev/null
}

source_files() {
  build_inputs -print | LC_ALL=C sort
}

# A source that is gone changes no modification time, so only the listing tells.
sources_removed() {
  local listing=$1.sources
  [ -f "$listing" ] && [ -n "$(source_files | LC_ALL=C comm -13 - "$listing" | head -1)" ]
}

is_stale() {
  local stamp=$1 module
  for module in catalog-service tenant-service marketplace-service deploy/demo-provider portal; do
    [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  [ -f "$stamp" ] || return 0
  sources_removed "$stamp" && return 0
  [ -n "$(build_inputs -newer "$stamp" -print -quit)" ]
}

# Maven never deletes what a deleted or renamed source left in target/ (a renamed migration would still be in the
# jar under its old name, and Flyway would refuse the two), so a build after a removal starts from nothing. The
# listing is written before the build: a build that fails leaves no stamp, and the next one builds again.
prepare_build() {
  local stamp=$1
  if sources_removed "$stamp"; then
    echo "sources were removed or renamed since the last build: removing every build output first …"
    ./mvnw -B -q clean
  fi
  mkdir -p "$(dirname "$stamp")"
  source_files > "$stamp.sources"
}

build_if_stale() {
  local stamp=$1 what=$2
  if is_stale "$stamp"; then
    prepare_build "$stamp"
    echo "building $what (first start, or sources changed) …"
    ./mvnw -B -q package -Plaunch
    touch "$stamp"
  fi
}
