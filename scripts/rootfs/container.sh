#!/usr/bin/env bash
# Runs one command the way `docker run` would run it in the Gemgate image, without Docker:
# the image's layers merged read-only under a fresh writable layer (overlayfs), a private mount
# namespace with its own /proc and a minimal /dev, the volume bound at its mount point, the
# container's network namespace, and the image's user and working directory.
#
#   container.sh --layers TOP:…:BASE --state DIR --user UID:GID --workdir /app
#                [--volume HOST:/app/data[:ro]] [--netns NAME] [--env K=V]… -- COMMAND [ARG…]
#
# The process keeps this script's PID (every step execs), so a signal sent to it reaches the
# command itself, as `docker stop` does. Needs root. Used by tests/e2e/test_deploy_rootfs.py.
set -euo pipefail

layers="" state="" user="" workdir="/" netns=""
volumes=() envs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --layers) layers=$2; shift 2 ;;
    --state) state=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    --volume) volumes+=("$2"); shift 2 ;;
    --netns) netns=$2; shift 2 ;;
    --env) envs+=("$2"); shift 2 ;;
    --) shift; break ;;
    *) echo "container.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$layers" ] && [ -n "$state" ] && [ -n "$user" ] && [ $# -gt 0 ] || { echo "container.sh: missing arguments" >&2; exit 2; }

rm -rf "$state"
mkdir -p "$state/upper" "$state/work" "$state/root"

enter_netns=()
[ -n "$netns" ] && enter_netns=(nsenter "--net=/var/run/netns/$netns")

# Inside the new mount namespace everything below disappears with the process.
exec "${enter_netns[@]}" unshare --mount --propagation private bash -euc '
  layers=$1 state=$2 user=$3 workdir=$4 volume_count=$5; shift 5
  root=$state/root
  mount -t overlay overlay -o "lowerdir=$layers,upperdir=$state/upper,workdir=$state/work" "$root"
  mount -t proc proc "$root/proc"
  # A /dev like Docker'\''s: a tmpfs with the usual character devices bound in.
  mount -t tmpfs -o nosuid,mode=0755 tmpfs "$root/dev"
  for node in null zero full random urandom tty; do
    touch "$root/dev/$node"; mount --bind "/dev/$node" "$root/dev/$node"
  done
  mkdir -p "$root/dev/shm"; mount -t tmpfs -o nosuid,nodev,mode=1777 tmpfs "$root/dev/shm"
  ln -s /proc/self/fd "$root/dev/fd"
  # Docker binds these three files from the host side.
  for file in /etc/resolv.conf /etc/hosts /etc/hostname; do
    [ -e "$file" ] || continue
    touch "$root$file"; mount --bind "$file" "$root$file"
  done
  while [ "$volume_count" -gt 0 ]; do
    spec=$1; shift; volume_count=$((volume_count - 1))
    source=${spec%%:*}; rest=${spec#*:}; target=${rest%%:*}; mode=${rest#"$target"}
    mkdir -p "$root$target"
    mount --bind "$source" "$root$target"
    [ "$mode" = ":ro" ] && mount -o remount,bind,ro "$root$target"
  done
  env_count=$1; shift
  environment=()
  while [ "$env_count" -gt 0 ]; do environment+=("$1"); shift; env_count=$((env_count - 1)); done
  uid=${user%%:*}; gid=${user#*:}
  exec chroot --userspec="$uid:$gid" --groups="$gid" "$root" \
    /usr/bin/env -i -C "$workdir" "${environment[@]}" "$@"
' container "$layers" "$state" "$user" "$workdir" "${#volumes[@]}" "${volumes[@]}" "${#envs[@]}" "${envs[@]}" "$@"
