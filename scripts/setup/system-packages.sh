#!/usr/bin/env bash
# Installs the Debian packages Gemgate needs, if any is missing.
#   scripts/setup/system-packages.sh build   – to build and run Gemgate
#   scripts/setup/system-packages.sh test    – also the servers and browser the tests use
set -euo pipefail

build_packages=(libsqlite3-dev libmariadb-dev pkg-config ca-certificates tzdata)
test_packages=(mariadb-server postgresql chromium chromium-driver fonts-wqy-zenhei nginx-light)

wanted=("${build_packages[@]}")
[ "${1:-build}" = "test" ] && wanted+=("${test_packages[@]}")

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# The servers are started by the tests themselves, on loopback; never as system services.
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
