#!/usr/bin/env bash
# Runs the whole Postern test suite from a fresh clone.
# Installs the system packages the tests need (with apt) when they are missing, then runs every test
# project in Release. Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Mime").
set -euo pipefail
cd "$(dirname "$0")"

# command:package pairs the tests need on the machine (chromium: the WebUser browser tests).
requirements=(chromium:chromium)

missing=()
for req in "${requirements[@]}"; do
  command -v "${req%%:*}" >/dev/null 2>&1 || missing+=("${req#*:}")
done
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]} with apt"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

exec dotnet test Postern.slnx -c Release --blame-hang-timeout 10m "$@"
