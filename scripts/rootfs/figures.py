"""Prints what the Gemgate image weighs and how fast it starts, as far as it can be known without
Docker: the binary (unstripped, stripped), the Debian packages the runtime layer adds with their
installed sizes, each layer as a gzip'd tar (what a registry stores and a platform downloads),
and the start times measured by tests/e2e/test_deploy_rootfs.py. Called by scripts/rootfs/test.sh."""

import argparse
import json
import pathlib
import subprocess
import threading

from image import RuntimeStage  # scripts/rootfs/image.py, beside this file


def mib(size: int) -> str:
    return f"{size / 1048576:6.1f} MiB"


def gzipped_tar_size(folder: pathlib.Path) -> tuple:
    """(tar bytes, gzip -6 bytes) of a folder, as Docker packs a layer."""
    tar = subprocess.Popen(["tar", "-C", str(folder), "--numeric-owner", "-cf", "-", "."], stdout=subprocess.PIPE)
    gzip = subprocess.Popen(["gzip", "-6"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    sizes = {"tar": 0, "gzip": 0}

    def count_gzip_output():
        while chunk := gzip.stdout.read(1 << 20):
            sizes["gzip"] += len(chunk)

    counter = threading.Thread(target=count_gzip_output)
    counter.start()
    while chunk := tar.stdout.read(1 << 20):
        sizes["tar"] += len(chunk)
        gzip.stdin.write(chunk)
    gzip.stdin.close()
    counter.join()
    tar.wait()
    gzip.wait()
    return sizes["tar"], sizes["gzip"]


def installed_packages(admindir: pathlib.Path) -> dict:
    listing = subprocess.run(
        ["dpkg-query", f"--admindir={admindir}", "-W", "-f", "${Package}\t${Installed-Size}\t${db:Status-Abbrev}\n"],
        capture_output=True, text=True, check=True).stdout
    packages = {}
    for line in listing.splitlines():
        name, size, status = line.split("\t")
        if status.startswith("ii"):
            packages[name] = int(size or 0) * 1024
    return packages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", type=pathlib.Path, required=True)
    parser.add_argument("--stripped", type=pathlib.Path, required=True)
    parser.add_argument("--base", type=pathlib.Path, required=True)
    parser.add_argument("--runtime", type=pathlib.Path, required=True)
    parser.add_argument("--report", type=pathlib.Path)
    arguments = parser.parse_args()

    print(f"Binary (release, static Swift stdlib): {mib(arguments.binary.stat().st_size)} unstripped, "
          f"{mib(arguments.stripped.stat().st_size)} stripped")

    base = installed_packages(arguments.base / "var/lib/dpkg")
    runtime = installed_packages(arguments.runtime / "var/lib/dpkg")
    wanted = {line.split("#")[0].strip() for line in pathlib.Path("deploy/runtime-packages.txt").read_text().splitlines()}
    wanted.discard("")
    print("\nRuntime packages (installed size; * = listed in deploy/runtime-packages.txt, else a dependency):")
    added = 0
    for name in sorted(wanted | {name for name in runtime if name not in base}):
        size = runtime.get(name, 0)
        if name not in base:
            added += size
        note = " (already in debian:bookworm-slim)" if name in base else ""
        print(f"  {'*' if name in wanted else ' '} {name:24} {mib(size)}{note}")
    print(f"  added by the runtime layer: {mib(added)} installed")

    # The binary's layer, at the path the Dockerfile copies it to.
    binary_target = RuntimeStage.parse(pathlib.Path("Dockerfile")).binary_target
    binary_layer = arguments.stripped.parent / "layer-for-figures"
    target = binary_layer / binary_target.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.hardlink_to(arguments.stripped)
    print("\nLayers as a registry stores them (tar, gzip -6):")
    total = 0
    for name, folder in [("debian:bookworm-slim (debootstrap minbase, slimmed)", arguments.base),
                         ("runtime packages, user, /app/data", arguments.runtime),
                         (binary_target, binary_layer)]:
        raw, compressed = gzipped_tar_size(folder)
        total += compressed
        print(f"  {name:52} {mib(raw)} → {mib(compressed)}")
    print(f"  {'estimated compressed image (amd64)':52} {'':>10}   {mib(total)}")

    if arguments.report and arguments.report.exists():
        print("\nMeasured in the image:")
        for name, value in json.loads(arguments.report.read_text()).items():
            print(f"  {name}: {value}")


if __name__ == "__main__":
    main()
