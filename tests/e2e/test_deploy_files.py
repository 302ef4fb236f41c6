"""Issue 6, items 1, 2 and 7: the deployment files agree with the code and with each other.

No Docker engine runs here, so what can be checked without one is checked here: every setting is
in config/.env.example and the example passes `gemgate config check`; each compose file's
environment passes it too and mounts the volume where the image keeps its data; the Dockerfile
builds with the flags scripts/rootfs/test.sh proves and reads the one runtime package list; the
release workflow builds both architectures; every guide exists in both languages."""

import json
import os
import pathlib
import re
import subprocess

import pytest

from conftest import GEMGATE_BIN, GUIDE_ENVIRONMENT, ROOT

CONFIG = ROOT / "config"
DOCKERFILE = (ROOT / "Dockerfile").read_text()
COMPOSE_FILES = sorted(CONFIG.glob("docker-compose.*.yml"))


def load_yaml(path: pathlib.Path):
    """PyYAML when the test environment has it, else the system Python's (Debian's python3-yaml)."""
    try:
        import yaml
        return yaml.safe_load(path.read_text())
    except ImportError:
        done = subprocess.run(["/usr/bin/python3", "-c", "import json, sys, yaml; "
                               "print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", str(path)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip("no YAML parser (pip install pyyaml or apt-get install python3-yaml)")
        return json.loads(done.stdout)


def config_check(tmp_path, env: dict) -> subprocess.CompletedProcess:
    environment = {"PATH": os.environ["PATH"], "SWIFT_BACKTRACE": "enable=no"}
    environment.update(env)
    return subprocess.run([str(GEMGATE_BIN), "config", "check"], env=environment, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)


def env_example() -> dict:
    values = {}
    for line in (CONFIG / ".env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name] = value
    return values


def test_env_example_lists_every_setting_with_a_comment():
    catalog = set(re.findall(r'SettingDefinition\(\s*"([A-Z_0-9]+)"',
                             (ROOT / "Sources/Gateway/Configuration/SettingCatalog.swift").read_text()))
    launch = {"HOST", "PORT", "DATABASE_TYPE", "DATA_DIR", "SQLITE_DATABASE", "ENV_OVERRIDES_DATABASE", "INSTANCE_NAME",
              "TZ", "MYSQL_HOST", "MYSQL_PORT", "MYSQL_USER", "MYSQL_PASSWORD", "MYSQL_DATABASE", "MYSQL_SOCKET",
              "DATABASE_URL", "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_USER", "POSTGRES_PASSWORD",
              "POSTGRES_DATABASE"}
    listed = env_example()
    assert not (catalog | launch) - set(listed), "missing from config/.env.example"
    # Each variable, or the group it starts, has a comment just above it.
    lines = (CONFIG / ".env.example").read_text().splitlines()
    for index, line in enumerate(lines):
        if line and not line.startswith("#"):
            above = lines[index - 1]
            assert above.startswith("#") or (above and not above.startswith("#")), f"no comment above {line}"


def test_env_example_passes_config_check(tmp_path):
    done = config_check(tmp_path, env_example())
    assert done.returncode == 0, done.stdout + done.stderr
    assert "The configuration is valid." in done.stdout


@pytest.mark.parametrize("compose", COMPOSE_FILES, ids=[path.name for path in COMPOSE_FILES])
def test_compose_file_environment_is_valid(tmp_path, compose):
    services = load_yaml(compose)["services"]
    gemgate = services["gemgate"]
    assert gemgate["image"].startswith("ghcr.io/") and gemgate["image"].endswith("/gemgate:latest")
    assert "8000:8000" in gemgate["ports"]
    env = {name: str(value) for name, value in gemgate["environment"].items()}
    kind = compose.name.split(".")[1]
    assert env["DATABASE_TYPE"] == kind
    if kind == "sqlite":
        assert any(volume.endswith(":/app/data") for volume in gemgate["volumes"])
    else:
        assert set(gemgate["depends_on"]) <= set(services)
    done = config_check(tmp_path, env)
    assert done.returncode == 0, done.stdout + done.stderr


def runtime_stage() -> str:
    return DOCKERFILE[DOCKERFILE.rindex("\nFROM "):]


def test_dockerfile_runtime_stage_matches_the_issue():
    stage = runtime_stage()
    assert "FROM debian:bookworm-slim" in stage
    # The gateway runs as the app user: the `gemgate` command is a wrapper that drops to it
    # (after handing it a root-owned volume) and then execs the binary.
    assert "COPY --from=build /out/gemgate /usr/local/lib/gemgate/gemgate" in stage
    wrapper = (ROOT / "deploy/gemgate-wrapper.sh").read_text()
    assert "exec setpriv --reuid=" in wrapper and "binary=/usr/local/lib/gemgate/gemgate" in wrapper
    assert "/usr/local/bin/gemgate" in (ROOT / "deploy/image-setup.sh").read_text()
    assert "WORKDIR /app" in stage
    assert 'VOLUME ["/app/data"]' in stage
    assert "EXPOSE 8000" in stage
    assert re.search(r'^HEALTHCHECK .*CMD \["gemgate", "healthcheck"\]', stage, re.MULTILINE)
    # The one package list, read through the setup script the rootfs test runs too.
    assert "COPY deploy/ /tmp/deploy/" in stage and "sh /tmp/deploy/image-setup.sh" in stage
    assert "runtime-packages.txt" in (ROOT / "deploy/image-setup.sh").read_text()


def test_dockerfile_builds_what_the_rootfs_test_proves():
    flags = "swift build -c release --static-swift-stdlib --product gemgate"
    assert flags in DOCKERFILE
    assert flags in (ROOT / "scripts/rootfs/test.sh").read_text()
    assert re.search(r"^FROM \$\{SWIFT_IMAGE\} AS build", DOCKERFILE, re.MULTILINE)
    assert re.search(r"^ARG SWIFT_IMAGE=swift:6\.\d+(\.\d+)?-bookworm", DOCKERFILE, re.MULTILINE)
    assert "strip" in DOCKERFILE


def test_runtime_packages_cover_the_binarys_libraries():
    packages = {line.split("#")[0].strip() for line in (ROOT / "deploy/runtime-packages.txt").read_text().splitlines()}
    assert {"libsqlite3-0", "libmariadb3", "ca-certificates", "tzdata", "libstdc++6", "zlib1g", "libgcc-s1"} <= packages


def test_dockerignore_keeps_the_build_context_small():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for heavy in (".build", ".git", ".venv", "data"):
        assert heavy in ignored


def test_release_workflow_pushes_both_architectures_on_a_tag():
    workflow = load_yaml(ROOT / ".github/workflows/release.yml")
    # YAML 1.1 reads a bare `on` as true (True in Python, "true" once through JSON).
    triggers = workflow.get("on") or workflow.get(True) or workflow.get("true")
    assert triggers["push"]["tags"] == ["v*"]
    platforms = {entry["platform"] for entry in workflow["jobs"]["build"]["strategy"]["matrix"]["include"]}
    assert platforms == {"linux/amd64", "linux/arm64"}
    assert workflow["permissions"]["packages"] == "write"
    assert workflow["env"]["IMAGE"].startswith("ghcr.io/")


GUIDES = ["clawcloud-run", "docker", "hugging-face", "upgrade-from-gemini-balance", "clients", "troubleshooting"]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_guide_exists_in_both_languages(language):
    for guide in GUIDES:
        text = (ROOT / "docs" / language / f"{guide}.md").read_text()
        assert len(text) > 500, guide


@pytest.mark.parametrize("language", ["en", "zh"])
def test_guides_give_the_environment_block_and_the_mount_path(language):
    text = (ROOT / "docs" / language / "clawcloud-run.md").read_text()
    for name, value in GUIDE_ENVIRONMENT.items():
        assert f"{name}={value}" in text
    assert "/app/data" in text and "8000" in text
    assert "PORT=7860" in (ROOT / "docs" / language / "hugging-face.md").read_text()
    clients = (ROOT / "docs" / language / "clients.md").read_text()
    for prefix in ("/v1", "/hf/v1", "/openai/v1", "/v1beta", "/gemini/v1beta"):
        assert prefix in clients
