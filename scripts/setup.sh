#!/usr/bin/env bash
# One command from a fresh clone to a rendered prod: installs pnpm (with npm: corepack's signature check
# fails on some machines), the workspace's dependencies from the lockfile, and renders prod.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  npm install --global "pnpm@${PNPM_VERSION}" --no-audit --no-fund
fi
pnpm install --frozen-lockfile
if [ "${1:-}" != "--no-render" ]; then
  pnpm render prod
fi
