"""The Gemgate image without Docker: reads the runtime stage of the Dockerfile (user, working
directory, environment, entry point, health check, volume, port, where the binary goes) and runs
commands in it through scripts/rootfs/container.sh, with a network namespace joined to the host
by a veth pair as Docker's bridge network is. Used by tests/e2e/test_deploy_rootfs.py; the
layers come from scripts/rootfs/layers.sh and the binary from scripts/rootfs/test.sh."""

from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import random
import shlex
import shutil
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONTAINER_SH = ROOT / "scripts" / "rootfs" / "container.sh"
# debian:bookworm-slim's own image configuration sets this PATH; Docker adds HOSTNAME and HOME.
BASE_IMAGE_ENV = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}


@dataclasses.dataclass
class RuntimeStage:
    """What the last stage of the Dockerfile says about the running container."""

    user: str = "root"
    workdir: str = "/"
    env: dict = dataclasses.field(default_factory=dict)
    entrypoint: list = dataclasses.field(default_factory=list)
    cmd: list = dataclasses.field(default_factory=list)
    healthcheck: list = dataclasses.field(default_factory=list)
    volumes: list = dataclasses.field(default_factory=list)
    exposed: list = dataclasses.field(default_factory=list)
    binary_target: str = ""

    @classmethod
    def parse(cls, dockerfile: pathlib.Path) -> "RuntimeStage":
        instructions = []
        for line in _logical_lines(dockerfile.read_text()):
            word, _, rest = line.partition(" ")
            instructions.append((word.upper(), rest.strip()))
        last_from = max(i for i, (word, _) in enumerate(instructions) if word == "FROM")
        stage = cls()
        for word, rest in instructions[last_from + 1:]:
            if word == "USER":
                stage.user = rest
            elif word == "WORKDIR":
                stage.workdir = rest
            elif word == "ENV":
                stage.env.update(_key_values(rest))
            elif word == "ENTRYPOINT":
                stage.entrypoint = _command(rest)
            elif word == "CMD":
                stage.cmd = _command(rest)
            elif word == "HEALTHCHECK":
                _, _, command = rest.partition("CMD ")
                stage.healthcheck = _command(command)
            elif word == "VOLUME":
                stage.volumes += _command(rest)
            elif word == "EXPOSE":
                stage.exposed += [int(port.split("/")[0]) for port in rest.split()]
            elif word == "COPY" and "--from=build" in rest:
                stage.binary_target = rest.split()[-1]
        return stage


def _logical_lines(text: str):
    pending = ""
    for raw in text.splitlines():
        stripped = raw.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        yield pending + stripped
        pending = ""


def _command(text: str) -> list:
    text = text.strip()
    return json.loads(text) if text.startswith("[") else ["/bin/sh", "-c", text]


def _key_values(text: str) -> dict:
    return dict(part.split("=", 1) for part in shlex.split(text))


class Image:
    """The image's layers (binary layer on top) and its runtime stage."""

    def __init__(self, lower_layers: list, binary: pathlib.Path, work: pathlib.Path, dockerfile: pathlib.Path):
        self.stage = RuntimeStage.parse(dockerfile)
        assert self.stage.binary_target, "the Dockerfile's runtime stage must COPY --from=build the binary"
        # As the Dockerfile's `COPY --from=build /out/gemgate …`: a layer holding one file,
        # owned by root, mode 0755.
        self.binary_layer = work / "layer-binary"
        target = self.binary_layer / self.stage.binary_target.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(binary, target)
        os.chown(target, 0, 0)
        target.chmod(0o755)
        self.layers = [str(self.binary_layer)] + [str(layer) for layer in lower_layers]

    def path(self, inside: str) -> pathlib.Path | None:
        """The file an image path resolves to, looking through the layers from the top."""
        for layer in self.layers:
            candidate = pathlib.Path(layer) / inside.lstrip("/")
            if candidate.exists():
                return candidate
        return None

    def user_ids(self, name: str | None = None) -> tuple:
        """(uid, gid) of USER, or of another account, from the image's own /etc/passwd, as
        Docker resolves it."""
        name = name or self.stage.user
        if name.split(":")[0].isdigit():
            uid = int(name.split(":")[0])
            return uid, int(name.split(":")[1]) if ":" in name else uid
        for line in self.path("/etc/passwd").read_text().splitlines():
            fields = line.split(":")
            if fields[0] == name:
                return int(fields[2]), int(fields[3])
        raise LookupError(f"{name} is not in the image's /etc/passwd")


class Network:
    """A network namespace for the container, joined to the host by a veth pair: the host side
    is `host_ip` (where a fake upstream listens), the container side `container_ip` (where the
    gateway's port is reached), as with Docker's bridge network."""

    def __init__(self):
        tag = f"{os.getpid() % 10000}{random.randrange(100):02d}"
        self.name = f"gemgate-{tag}"
        self.host_side, container_side = f"gg{tag}h", f"gg{tag}c"
        subnet = random.randrange(0, 16000) * 4
        prefix = f"10.{213 + subnet // 65536}.{(subnet // 256) % 256}"
        self.host_ip, self.container_ip = f"{prefix}.{subnet % 256 + 1}", f"{prefix}.{subnet % 256 + 2}"
        run = lambda *args: subprocess.run(args, check=True, capture_output=True)
        run("ip", "netns", "add", self.name)
        try:
            run("ip", "link", "add", self.host_side, "type", "veth", "peer", "name", container_side, "netns", self.name)
            run("ip", "addr", "add", f"{self.host_ip}/30", "dev", self.host_side)
            run("ip", "link", "set", self.host_side, "up")
            inside = ("ip", "netns", "exec", self.name, "ip")
            run(*inside, "addr", "add", f"{self.container_ip}/30", "dev", container_side)
            run(*inside, "link", "set", container_side, "up")
            run(*inside, "link", "set", "lo", "up")
        except Exception:
            self.destroy()
            raise

    def destroy(self):
        # Deleting the namespace deletes the veth pair with it.
        subprocess.run(["ip", "netns", "del", self.name], capture_output=True)


class Container:
    """Runs the image's entry point, or another command, like `docker run`: fresh writable
    layer each time, the volume at the image's VOLUME path, the image's user and directory."""

    def __init__(self, image: Image, network: Network | None, volume: pathlib.Path, state: pathlib.Path):
        self.image, self.network, self.volume, self.state = image, network, volume, state
        self.runs = 0

    def command(self, env: dict, args: list | None = None, volume_read_only: bool = False,
                entrypoint: list | None = None, user: str | None = None) -> list:
        """The host command line for `docker run [--user U] [-e …] image [args]`."""
        stage = self.image.stage
        uid, gid = self.image.user_ids(user)
        environment = dict(BASE_IMAGE_ENV)
        environment.update({"HOSTNAME": "gemgate-test", "HOME": self._home(uid)})
        environment.update(stage.env)
        environment.update(env)
        self.runs += 1
        line = [str(CONTAINER_SH), "--layers", ":".join(self.image.layers), "--state", str(self.state / f"run-{self.runs}"),
                "--user", f"{uid}:{gid}", "--workdir", stage.workdir]
        volume_mount = stage.volumes[0]
        line += ["--volume", f"{self.volume}:{volume_mount}" + (":ro" if volume_read_only else "")]
        if self.network:
            line += ["--netns", self.network.name]
        for key, value in environment.items():
            line += ["--env", f"{key}={value}"]
        program = entrypoint if entrypoint is not None else stage.entrypoint
        return line + ["--"] + program + (args if args is not None else stage.cmd)

    def _home(self, uid: int) -> str:
        for line in self.image.path("/etc/passwd").read_text().splitlines():
            fields = line.split(":")
            if int(fields[2]) == uid:
                return fields[5]
        return "/"

    def run_healthcheck(self, env: dict) -> subprocess.CompletedProcess:
        """The image's HEALTHCHECK command, in the container's network, as Docker runs it."""
        check = self.image.stage.healthcheck
        return subprocess.run(self.command(env, args=check[1:], entrypoint=check[:1]),
                              capture_output=True, text=True, timeout=30)
