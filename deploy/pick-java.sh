# Sourced by the launchers in deploy/: chooses the JDK that runs the launcher and, through it, every JVM of the stack
# (services, Kafka, Keycloak). JDK 25 or newer when one is installed: its ahead-of-time cache holds more than JDK 17's
# class-data sharing archive (docs/startup.md). Otherwise the java on the PATH, 17 or newer, as before.
# EFA_JAVA_HOME chooses a JDK explicitly. Sets $java and prints which JDK runs.
pick_java() {
  local candidate version best_version=0
  java=
  if [ -n "${EFA_JAVA_HOME:-}" ]; then
    java=$EFA_JAVA_HOME/bin/java
  else
    # The java on the PATH first, then the JDKs in the system's JVM directory; the newest from 25 on wins.
    for candidate in "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
      [ -x "$candidate" ] || continue
      version=$(java_feature_version "$candidate")
      if [ "$version" -ge 25 ] && [ "$version" -gt "$best_version" ]; then
        java=$candidate best_version=$version
      fi
    done
    [ -n "$java" ] || java=$(command -v java || true)
  fi
  if [ -z "$java" ] || [ ! -x "$java" ]; then
    echo "error: no java on the PATH; the stack needs a JDK 17 or newer" >&2
    return 1
  fi
  version=$(java_feature_version "$java")
  if [ "$version" -lt 17 ]; then
    echo "error: java $version found ($java); the stack needs a JDK 17 or newer" >&2
    return 1
  fi
  echo "JDK $(java_version "$java") ($java)"
}

# The version (25.0.3, 17.0.15, …) of a java executable: from its JDK's release file, which costs no JVM start.
java_version() {
  local release
  release=$(dirname "$(dirname "$(readlink -f "$1")")")/release
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$release"
  else
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.version = //p'
  fi
}

# The feature version (17, 25, …) of a java executable.
java_feature_version() {
  local version
  version=$(java_version "$1")
  version=${version#1.}
  echo "${version%%[.+-]*}"
}
