#!/usr/bin/env bash
# Builds the reactor twice from clean and compares every jar byte for byte: the jars of one commit must not
# depend on when or where they were built (project.build.outputTimestamp in the root pom).
# Usage: scripts/check-reproducible.sh [extra Maven arguments, e.g. -o]
# Takes two `package -DskipTests` builds; prints the jars compared and exits non-zero on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

build() {   # $1: where to keep this build's jars
  ./mvnw -B -q clean package -DskipTests "${@:2}"
  mkdir -p "$1"
  find . -path ./.git -prune -o -path '*/target/*.jar' -print | grep -v '/target/.*/.*\.jar$' | sort \
    | while read -r jar; do mkdir -p "$1/$(dirname "$jar")"; cp "$jar" "$1/$jar"; done
}

build "$out/first" "$@"
build "$out/second" "$@"

cd "$out/first"
count=0; differ=0
while read -r jar; do
  count=$((count + 1))
  if ! cmp -s "$jar" "../second/$jar"; then
    differ=$((differ + 1))
    echo "DIFFERS: $jar" >&2
    diff <(unzip -Z -T -l "$jar" 2>/dev/null) <(unzip -Z -T -l "../second/$jar" 2>/dev/null) | head -10 >&2 || true
  fi
done < <(find . -name '*.jar' | sort)
[ "$count" -gt 0 ] || { echo "check-reproducible: no jar built" >&2; exit 1; }
echo "check-reproducible: $count jars compared, $((count - differ)) identical, $differ different"
[ "$differ" = 0 ]
