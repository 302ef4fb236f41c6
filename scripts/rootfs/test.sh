#!/usr/bin/env bash
# Proves the container image's runtime stage without Docker (no Docker engine runs here):
#   1. builds the release binary exactly as the Dockerfile's build stage does (same flags, strip);
#   2. makes (once, cached) a debian:bookworm-slim-like root file system with debootstrap and
#      installs deploy/runtime-packages.txt into it with deploy/image-setup.sh, as the
#      Dockerfile's runtime stage does (scripts/rootfs/layers.sh);
#   3. runs tests/e2e/test_deploy_rootfs.py, which deploys that image (its entrypoint wrapper, which
#      drops to the unprivileged user; WORKDIR, VOLUME, ENTRYPOINT, HEALTHCHECK) with the guide's environment block;
#   4. prints the figures for the image: binary size, runtime packages, layer sizes, start times.
# Needs root (debootstrap, chroot, mounts, network namespaces). The cache lives in
# $GEMGATE_ROOTFS_CACHE (default /var/cache/gemgate-rootfs); the release build in
# $GEMGATE_RELEASE_SCRATCH (default .build-release).
set -euo pipefail
cd "$(dirname "$0")/../.."
export SWIFT_BACKTRACE=enable=no

step() { printf '\n== rootfs: %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }
[ "$(id -u)" -eq 0 ] || { echo "scripts/rootfs/test.sh needs root: debootstrap, chroot, mounts and network namespaces." >&2; exit 1; }

missing=()
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v ip >/dev/null || missing+=(iproute2)
command -v strip >/dev/null || missing+=(binutils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

step "release binary, built as the Dockerfile builds it"
SCRATCH=${GEMGATE_RELEASE_SCRATCH:-.build-release}
started=$(date +%s)
swift build -c release --static-swift-stdlib --product gemgate --scratch-path "$SCRATCH"
BIN_DIR=$(swift build -c release --static-swift-stdlib --product gemgate --scratch-path "$SCRATCH" --show-bin-path)
strip -o "$WORK/gemgate" "$BIN_DIR/gemgate"
echo "built in $(( $(date +%s) - started ))s"

step "image layers (debootstrap and runtime packages, cached)"
started=$(date +%s)
mapfile -t LAYERS < <(scripts/rootfs/layers.sh)
BASE=${LAYERS[0]} RUNTIME=${LAYERS[1]}
echo "ready in $(( $(date +%s) - started ))s"

step "fake upstream and test environment"
[ -x .build/debug/fake-gemini ] || swift build --product fake-gemini
PYTHON=$(scripts/setup/python-env.sh)

step "deploying the image (tests/e2e/test_deploy_rootfs.py)"
started=$(date +%s)
GEMGATE_ROOTFS_LAYERS="$RUNTIME:$BASE" GEMGATE_ROOTFS_BINARY="$WORK/gemgate" GEMGATE_ROOTFS_REPORT="$WORK/report.json" \
  "$PYTHON" -m pytest -q -p no:cacheprovider tests/e2e/test_deploy_rootfs.py
echo "tests took $(( $(date +%s) - started ))s"

step "figures"
"$PYTHON" scripts/rootfs/figures.py --binary "$BIN_DIR/gemgate" --stripped "$WORK/gemgate" \
  --base "$BASE" --runtime "$RUNTIME" --report "$WORK/report.json"
