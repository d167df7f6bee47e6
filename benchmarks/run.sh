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
  # The sandbox and MockWebServer are optional dependencies of a provider (its emulator): a host
  # application never gets them, so the footprint leaves them out.
  ./mvnw -B -q package dependency:copy-dependencies -DskipTests -DincludeScope=runtime \
    -DexcludeArtifactIds=invoicekit-sandbox,mockwebserver3 >&2
fi

# Every provider module, found by its InvoiceProviderFactory service file, labelled by its module.
footprint=""
for services in */src/main/resources/META-INF/services/dev.invoicekit.spi.InvoiceProviderFactory; do
  module=${services%%/*}
  jar=$(ls "$module"/target/invoicekit-"$module"-*.jar 2>/dev/null | head -1 || true)
  if [[ -n "$jar" && -d "$module/target/dependency" ]]; then
    footprint+="${footprint:+;}$module=$module/target/dependency,$jar"
  fi
done

exec java -cp benchmarks/target/benchmarks.jar dev.invoicekit.benchmarks.Report \
  --footprint "$footprint" --cli-jar cli/target/invoicekit.jar --launcher cli/invoicekit "$@"
