#!/bin/sh
# /usr/local/bin/gemgate in the image: runs the real binary as the app user, whoever starts it.
#
# Containers start as root unless the platform picks a user, and the gateway must not run as
# root. Started as root, this first hands the data folder to the app user, because the volume
# mounted there is often root's: Docker creates a missing bind-mount folder as root,
# gemini-balance (which ran as root) left root's files in its volume, and some platforms mount a
# fresh disk owned by root. Then it drops to the app user and execs the binary, which keeps PID 1.
# `docker exec … gemgate admin reset-token` and the HEALTHCHECK come through here too, so no file
# in the volume ever becomes root's. Started as any other user (Hugging Face Spaces use uid 1000;
# `docker run --user`), it execs the binary as it is.
set -eu
binary=/usr/local/lib/gemgate/gemgate
user=gemgate

[ "$(id -u)" = 0 ] || exec "$binary" "$@"

uid=$(id -u "$user")
gid=$(id -g "$user")
# The folders the binary writes: DATA_DIR (relative to the working directory, as the binary reads
# it) and the folder of an absolute SQLITE_DATABASE.
folders=${DATA_DIR:-data}
case "${SQLITE_DATABASE:-}" in /*) folders="$folders
$(dirname "$SQLITE_DATABASE")" ;; esac
echo "$folders" | while IFS= read -r folder; do
  [ -d "$folder" ] && [ "$(cd "$folder" && pwd -P)" != / ] || continue
  # Only when something there is not the app user's; on a read-only volume this fails quietly
  # and the binary explains the problem in one line.
  if [ -n "$(find "$folder" ! -user "$uid" -print -quit 2>/dev/null)" ]; then
    chown -R "$uid:$gid" "$folder" 2>/dev/null || true
  fi
done
exec setpriv --reuid="$uid" --regid="$gid" --init-groups --no-new-privs "$binary" "$@"
