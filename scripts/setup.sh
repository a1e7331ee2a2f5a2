#!/usr/bin/env bash
# One command from a fresh clone to a rendered prod: installs pnpm (with npm: corepack's signature check
# fails on some machines), the workspace's dependencies from the lockfile, and renders prod.
set -euo pipefail
cd "$(dirname "$0")/.."

# The engine tests (test/engines/) run what Argo CD runs: Go text/template + sprig for ApplicationSets
# (built in GOPATH mode against Debian's Go packages) and Lua 5.1 for health checks. The graph page test
# (test/graph/) opens the page in Debian's Chromium (/usr/bin/chromium) through playwright-core, which never
# downloads a browser of its own; fonts-liberation gives its screenshots legible text. Installed only when
# missing, from Debian (apt-get), without prompts; sudo only when not root.
ENGINE_PACKAGES=(golang-go golang-github-masterminds-sprig-dev golang-k8s-sigs-yaml-dev lua5.1)
BROWSER_PACKAGES=(chromium fonts-liberation)
missing=()
for package in "${ENGINE_PACKAGES[@]}" "${BROWSER_PACKAGES[@]}"; do
  # dpkg -s also succeeds for removed packages whose config files remain; ask for the installed state.
  [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" = "install ok installed" ] || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: missing ${missing[*]} and no apt-get; install them by hand (see test/engines/README.md)" >&2
    exit 1
  fi
  SUDO=()
  [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
  echo "setup: installing ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  npm install --global "pnpm@${PNPM_VERSION}" --no-audit --no-fund
fi
pnpm install --frozen-lockfile
if [ "${1:-}" != "--no-render" ]; then
  pnpm render prod
fi
