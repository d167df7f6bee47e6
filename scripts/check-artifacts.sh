#!/usr/bin/env bash
# Checks what a public repository gets from one module's build: run by `./mvnw verify` in every module
# (root pom, phase verify) and by hand: scripts/check-artifacts.sh <module directory>...
# SKIP_SOURCES=true / SKIP_JAVADOC=true (set by the build from -Dmaven.source.skip / -Dmaven.javadoc.skip)
# leave out the side jar a build was told not to make.
#
#  - a published module (one that does not set maven.deploy.skip) has its jar, a -sources jar and a -javadoc jar;
#  - its manifest names the module: Automatic-Module-Name equal to the module's invoicekit.moduleName, a valid name;
#  - every entry of each jar carries one and the same time (project.build.outputTimestamp), never the build's clock;
#  - the BOM (bom/) lists every published module of the reactor, and nothing else.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fail() { echo "check-artifacts: $*" >&2; exit 1; }

published_modules() {   # the reactor's modules that are deployed
  sed -n 's:.*<module>\(.*\)</module>.*:\1:p' "$root/pom.xml" | while read -r m; do
    [ "$m" = bom ] && continue
    grep -q '<maven.deploy.skip>true</maven.deploy.skip>' "$root/$m/pom.xml" || echo "$m"
  done
}

artifact_id() { sed -n '/<parent>/,/<\/parent>/d; s:^  <artifactId>\(.*\)</artifactId>.*:\1:p' "$1/pom.xml" | head -1; }

check_bom() {
  local listed expected
  listed="$(sed -n "/<dependencyManagement>/,/<\/dependencyManagement>/s:.*<artifactId>\\(.*\\)</artifactId>.*:\\1:p" "$root/bom/pom.xml" | sort)"
  expected="$(published_modules | while read -r m; do artifact_id "$root/$m"; done | sort)"
  [ "$listed" = "$expected" ] || fail "bom/pom.xml must list exactly the published modules:
$(diff <(echo "$expected") <(echo "$listed") | sed -n 's/^< /  missing: /p; s/^> /  not a published module: /p')"
}

check_jar_times() {   # $1 jar: all entries share one time
  local times
  times="$(TZ=UTC zipinfo -T "$1" | awk 'NF >= 9 && $1 ~ /^[-d]/ {print $7}' | sort -u)"
  [ "$(echo "$times" | wc -l)" = 1 ] || fail "$1: entries carry several times (not reproducible): $(echo $times)"
}

check_module() {
  local dir="$1" name id version jar mf
  dir="$(cd "$dir" && pwd)"
  [ "$dir" = "$root/bom" ] && { check_bom; return; }
  grep -q '<packaging>pom</packaging>' "$dir/pom.xml" && return
  grep -q '<maven.deploy.skip>true</maven.deploy.skip>' "$dir/pom.xml" && return
  id="$(artifact_id "$dir")"
  version="$(sed -n '/<parent>/,/<\/parent>/s:.*<version>\(.*\)</version>.*:\1:p' "$dir/pom.xml" | head -1)"
  name="$(sed -n 's:.*<invoicekit.moduleName>\(.*\)</invoicekit.moduleName>.*:\1:p' "$dir/pom.xml")"
  [[ "$name" =~ ^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$ ]] \
    || fail "$id: set <invoicekit.moduleName> (its Automatic-Module-Name) in $dir/pom.xml, got '$name'"
  local classifiers=("")
  [ "${SKIP_SOURCES:-false}" = true ] || classifiers+=(-sources)
  [ "${SKIP_JAVADOC:-false}" = true ] || classifiers+=(-javadoc)
  for classifier in "${classifiers[@]}"; do
    jar="$dir/target/$id-$version$classifier.jar"
    [ -f "$jar" ] || fail "$id: $jar is missing (run the package phase)"
    check_jar_times "$jar"
  done
  mf="$(unzip -p "$dir/target/$id-$version.jar" META-INF/MANIFEST.MF | tr -d '\r')"
  grep -qx "Automatic-Module-Name: $name" <<<"$mf" || fail "$id: the manifest lacks Automatic-Module-Name: $name"
}

[ $# -gt 0 ] || set -- "$root" $(published_modules | sed "s:^:$root/:") "$root/bom"
for module in "$@"; do
  [ "$(cd "$module" && pwd)" = "$root" ] && continue
  check_module "$module"
done
