#!/usr/bin/env bash
# Runs every InvoiceKit benchmark and prints one Markdown report (what BENCHMARKS.md shows).
#
#   benchmarks/run.sh                      # build, then the full run (about 6 minutes on 2 cores)
#   benchmarks/run.sh --no-build --quick   # the seconds-long smoke run, on jars already built
#
# Arguments after the optional --no-build go to dev.invoicekit.benchmarks.Report (--sections,
# --runs, --memory-invoices, ...). Progress goes to stderr, the report to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--no-build" ]]; then
  shift
else
  # Every jar (benchmarks.jar, the CLI's invoicekit.jar, the providers), and each module's runtime
  # dependencies in <module>/target/dependency, for the footprint.
  ./mvnw -B -q package dependency:copy-dependencies -DskipTests -DincludeScope=runtime >&2
fi

footprint=""
for pair in cloudflare:provider-cloudflare fastly:provider-v3 flexprice:provider-preview; do
  id=${pair%%:*}
  module=${pair#*:}
  jar=$(ls "$module"/target/invoicekit-"$module"-*.jar 2>/dev/null | head -1 || true)
  if [[ -n "$jar" && -d "$module/target/dependency" ]]; then
    footprint+="${footprint:+;}$id=$module/target/dependency,$jar"
  fi
done

exec java -cp benchmarks/target/benchmarks.jar dev.invoicekit.benchmarks.Report \
  --footprint "$footprint" --cli-jar cli/target/invoicekit.jar "$@"
