#!/usr/bin/env bash
# Installs everything RdpRescue's build and tests need on a fresh Debian machine, then builds
# dist-ps/. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: Wine runs the generated CMD for real, mingw-w64 builds its test shims,
# osslsigncode/openssl sign and verify, Chromium tests the paste-picker page. (The transfer's
# cabinet is written in TypeScript; the .NET SDK of the machine image builds tools/pwsh-host
# and installs pwsh and Pester from NuGet.)
APT_PACKAGES=(wine wine64 mingw-w64 osslsigncode openssl chromium chromium-driver)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund

# PowerShell 7.6.9 (the .NET global tool, into .cache/dotnet-tools) and Pester 5.7.1 (NuGet,
# into .cache/pester) for the Pester suite; only from the package registries, cached.
node --import tsx test/pester-runner/install.ts

npm run build
