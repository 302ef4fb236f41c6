#!/bin/sh
# Turns a debian:bookworm-slim file system into Gemgate's runtime: the packages of
# runtime-packages.txt, the user the gateway runs as, its data folder, and the `gemgate` command
# (gemgate-wrapper.sh, which runs the binary as that user). The Dockerfile runs this in its
# runtime stage, and scripts/rootfs/test.sh runs the same file in a chroot, so the image tested
# without Docker is the image that ships. The binary itself goes to /usr/local/lib/gemgate/.
set -eu
here=$(dirname "$0")

# uid/gid 1000: Hugging Face Spaces run containers as uid 1000, and a host folder bound to
# /app/data by a desktop user is usually theirs (1000) too.
APP_USER=gemgate
APP_UID=1000

packages=$(sed -e 's/#.*//' "$here/runtime-packages.txt" | tr -s ' \t\n' ' ')
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086  # one word per package, on purpose
apt-get install -y -qq --no-install-recommends $packages >/dev/null
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/debconf/*-old /var/log/apt /var/log/dpkg.log

groupadd --gid "$APP_UID" "$APP_USER"
useradd --uid "$APP_UID" --gid "$APP_UID" --home-dir /app --no-create-home --shell /usr/sbin/nologin "$APP_USER"
# The working directory stays root's; only the data folder, which the volume covers, is the
# app's. Docker copies this ownership into a new named volume on first use.
mkdir -p /app/data /usr/local/lib/gemgate
chown "$APP_UID:$APP_UID" /app/data
chmod 0755 /app /app/data
install -m 0755 "$here/gemgate-wrapper.sh" /usr/local/bin/gemgate
