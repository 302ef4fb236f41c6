#!/usr/bin/env bash
# Builds, once, the two lower layers of the Gemgate image without Docker, and prints their paths
# (base first, then runtime), one per line:
#   base     debootstrap --variant=minbase bookworm, slimmed like debian:bookworm-slim
#   runtime  deploy/image-setup.sh run in a chroot over the base (with deploy/ in /tmp/deploy,
#            as the Dockerfile's COPY puts it); kept as an overlayfs upper
#            directory, which is exactly what Docker's overlay2 keeps for a RUN layer
# Both are cached under $GEMGATE_ROOTFS_CACHE (default /var/cache/gemgate-rootfs). The runtime
# layer's name carries a hash of the files in deploy/, so editing the package list or a
# script there builds a new one; the base is only rebuilt when deleted. Needs root.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

CACHE=${GEMGATE_ROOTFS_CACHE:-/var/cache/gemgate-rootfs}
ARCH=$(dpkg --print-architecture)
SUITE=bookworm
mkdir -p "$CACHE"
log() { echo "rootfs: $*" >&2; }

# The mirror this machine's apt already uses (deb822 or one-line sources), so the same network
# path works here and in CI; DEBIAN_MIRROR overrides it.
mirror_for() { # $1: debian | debian-security
  local found
  found=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
            | grep -v '^[[:space:]]*#' | grep -oE "https?://[^ ]+/$1/?( |$)" | head -1 | tr -d ' ' || true)
  echo "${found:-http://deb.debian.org/$1}"
}
MIRROR=${DEBIAN_MIRROR:-$(mirror_for debian)}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-$(mirror_for debian-security)}

# Runs a command chrooted into a merged tree with /proc, /dev and the host's DNS, in a private
# mount namespace so nothing stays mounted if it fails.
in_chroot() { # $1: root, rest: command
  local root=$1; shift
  unshare --mount --propagation private bash -euc '
    root=$1; shift
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    touch "$root/etc/resolv.conf" 2>/dev/null || true
    mount --bind /etc/resolv.conf "$root/etc/resolv.conf"
    exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"
  ' in_chroot "$root" "$@"
}

build_base() {
  local base=$1 tmp=$1.tmp
  command -v debootstrap >/dev/null || { log "installing debootstrap"; apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; }
  rm -rf "$tmp"
  log "debootstrap $SUITE ($ARCH) from $MIRROR into $tmp"
  debootstrap --variant=minbase --arch="$ARCH" "$SUITE" "$tmp" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -20 "$CACHE/debootstrap.log" >&2; exit 1; }

  # What debian:bookworm-slim has on top of minbase: these sources, and dpkg excludes for
  # documentation, manuals and translations (so installed sizes match the image's).
  rm -f "$tmp/etc/apt/sources.list"
  cat >"$tmp/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $MIRROR
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $SECURITY_MIRROR
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  cat >"$tmp/etc/dpkg/dpkg.cfg.d/docker" <<'SLIM'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
SLIM
  find "$tmp/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete 2>/dev/null || true
  rm -rf "$tmp/usr/share/groff" "$tmp/usr/share/info" "$tmp/usr/share/linda" "$tmp/usr/share/lintian/overrides" \
         "$tmp/usr/share/locale"/* "$tmp/usr/share/man"/*
  # Bring it to today's point releases and security fixes, as the published image is.
  in_chroot "$tmp" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get upgrade -y -qq >/dev/null && apt-get clean'
  rm -rf "$tmp/var/lib/apt/lists"/* "$tmp/var/cache/apt"/*.bin "$tmp/var/log"/*.log "$tmp/var/log/apt"
  mv "$tmp" "$base"
}

build_runtime() {
  local base=$1 layer=$2 tmp=$2.tmp
  rm -rf "$tmp"
  mkdir -p "$tmp/upper" "$tmp/work" "$tmp/merged"
  log "installing deploy/runtime-packages.txt into a layer over the base"
  unshare --mount --propagation private bash -euc '
    base=$1 tmp=$2
    mount -t overlay overlay -o "lowerdir=$base,upperdir=$tmp/upper,workdir=$tmp/work" "$tmp/merged"
    # As the Dockerfile: COPY deploy/ /tmp/deploy/
    cp -r deploy "$tmp/merged/tmp/deploy"
    mount -t proc proc "$tmp/merged/proc"
    mount --rbind /dev "$tmp/merged/dev"
    mount --bind /etc/resolv.conf "$tmp/merged/etc/resolv.conf"
    chroot "$tmp/merged" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
      sh -c "sh /tmp/deploy/image-setup.sh && rm -rf /tmp/deploy"
  ' build_runtime "$base" "$tmp"
  rm -rf "$tmp/work" "$tmp/merged"
  mv "$tmp/upper" "$layer"
  rmdir "$tmp"
}

BASE="$CACHE/base-$SUITE-$ARCH"
if [ ! -d "$BASE" ]; then
  started=$(date +%s)
  build_base "$BASE"
  log "base ready in $(( $(date +%s) - started ))s: $BASE"
fi

RECIPE=$(find deploy -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-16)
RUNTIME="$CACHE/runtime-$SUITE-$ARCH-$RECIPE"
if [ ! -d "$RUNTIME" ]; then
  started=$(date +%s)
  build_runtime "$BASE" "$RUNTIME"
  log "runtime layer ready in $(( $(date +%s) - started ))s: $RUNTIME"
  # Older runtime layers (an earlier package list) are dead weight.
  find "$CACHE" -maxdepth 1 -name "runtime-$SUITE-$ARCH-*" ! -path "$RUNTIME" -exec rm -rf {} +
fi

echo "$BASE"
echo "$RUNTIME"
