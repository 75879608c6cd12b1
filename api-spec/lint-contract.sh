#!/usr/bin/env bash
# Lints openapi.yaml with Redocly CLI (rules: redocly.yaml). Run by the build in `validate` (api-spec/pom.xml);
# skip with -Dcontract.lint.skip=true. Needs Node.js 20+ with npm: the pinned CLI is fetched by npx once, then cached.
set -euo pipefail
cd "$(dirname "$0")"
REDOCLY_VERSION="${REDOCLY_VERSION:-2.77.0}"
if ! command -v npx >/dev/null 2>&1; then
  echo "The contract lint needs Node.js 20 or later with npm (npx not found on PATH)." >&2
  echo "Install it (Debian: apt-get install nodejs npm), or skip the lint with -Dcontract.lint.skip=true." >&2
  exit 1
fi
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
exec npx --yes "@redocly/cli@${REDOCLY_VERSION}" lint openapi.yaml --config redocly.yaml --format=stylish
