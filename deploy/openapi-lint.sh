#!/usr/bin/env bash
# Lints OpenAPI documents with Redocly's recommended rules (redocly.yaml at the repository root). Any error or
# warning fails: a service's document is part of its contract. Redocly comes from the npm registry, at the version
# pinned here, through the machine's Node.js (npx caches it in ~/.npm after the first run).
set -euo pipefail

REDOCLY="@redocly/cli@2.77.0"
root="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v npx >/dev/null; then
  echo "openapi-lint: npx (Node.js with npm) is needed to lint the OpenAPI documents" >&2
  exit 1
fi

status=0
for document in "$@"; do
  report="$(mktemp)"
  npx --yes "$REDOCLY" lint --config "$root/redocly.yaml" --format=json "$document" >"$report" 2>/dev/null || true
  problems="$(node -e '
    const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(report.totals.errors + report.totals.warnings);' "$report")"
  if [[ "$problems" != "0" ]]; then
    echo "openapi-lint: $document has $problems problems:" >&2
    npx --yes "$REDOCLY" lint --config "$root/redocly.yaml" --format=stylish "$document" >&2 2>&1 || true
    status=1
  else
    echo "openapi-lint: $document passes Redocly's recommended rules"
  fi
  rm -f "$report"
done
exit "$status"
