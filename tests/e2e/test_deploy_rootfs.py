"""Issue 6, items 1 and 3: the container image's runtime stage, proven without Docker.

scripts/rootfs/test.sh builds the release binary exactly as the Dockerfile does, caches a
debian:bookworm-slim-like root file system with deploy/runtime-packages.txt installed, and runs
this file. Each test deploys the image the way a user deploys it on a container platform: the
layers merged under a fresh writable layer, a volume at the Dockerfile's VOLUME, the entrypoint
wrapper that drops to the unprivileged user, WORKDIR, ENTRYPOINT and HEALTHCHECK, its own network (a veth pair, as Docker's bridge), and
the environment block of the guide. The fake Gemini listens on the host side of that network,
where Google would be. Outside scripts/rootfs/test.sh (no layers, not root) the tests skip."""

import http.cookiejar
import json
import os
import pathlib
import re
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from conftest import FAKE_BIN, GENERATED_ADMIN_TOKEN, GUIDE_ENVIRONMENT, Process, http_json, make_key

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "rootfs"))
import image as rootfs  # noqa: E402  (scripts/rootfs/image.py)

LAYERS = os.environ.get("GEMGATE_ROOTFS_LAYERS", "")
BINARY = os.environ.get("GEMGATE_ROOTFS_BINARY", "")
REPORT = os.environ.get("GEMGATE_ROOTFS_REPORT", "")

pytestmark = pytest.mark.skipif(
    not LAYERS or not BINARY or os.geteuid() != 0,
    reason="run by scripts/rootfs/test.sh (needs root, the cached image layers and the release binary)")

# The guide's minimal complete example: no AUTH_TOKEN, so the first access token is the password.
MINIMAL_EXAMPLE = {
    "DATABASE_TYPE": "sqlite",
    "SQLITE_DATABASE": "default_db",
    "API_KEYS": '["your-gemini-api-key-1","your-gemini-api-key-2"]',
    "ALLOWED_TOKENS": '["your-access-token-1","your-access-token-2"]',
    "TZ": "Asia/Shanghai",
}
# The account the gateway runs as (deploy/image-setup.sh, deploy/gemgate-wrapper.sh).
APP_USER = "gemgate"


def record(name: str, value):
    """Adds a measured figure to the report scripts/rootfs/test.sh prints at the end."""
    if not REPORT:
        return
    path = pathlib.Path(REPORT)
    figures = json.loads(path.read_text()) if path.exists() else {}
    figures[name] = value
    path.write_text(json.dumps(figures, indent=2))


# ---------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def image(tmp_path_factory):
    return rootfs.Image(LAYERS.split(":"), pathlib.Path(BINARY), tmp_path_factory.mktemp("image"), ROOT / "Dockerfile")


@pytest.fixture(scope="module")
def network():
    bridge = rootfs.Network()
    yield bridge
    bridge.destroy()


class Upstream:
    """fake-gemini on the host side of the container's network."""

    def __init__(self, host: str, tmp: pathlib.Path):
        self.process = Process([FAKE_BIN, "--host", host, "--port", "0"], dict(os.environ), tmp / "fake.log")
        self.url = self.process.wait_for(r"fake-gemini listening on (http://[\d.]+:\d+)").group(1)
        self.base_url = self.url + "/v1beta"

    def script(self, behaviours: dict):
        http_json("POST", self.url + "/_fake/keys", behaviours)

    def keys_used(self) -> list:
        _, _, records = http_json("GET", self.url + "/_fake/requests")
        return [entry.get("apiKey") for entry in records]


@pytest.fixture(scope="module")
def upstream(network, tmp_path_factory):
    fake = Upstream(network.host_ip, tmp_path_factory.mktemp("upstream"))
    yield fake
    fake.process.stop()


class Deployment:
    """One app on a container platform: the image, one volume, and its (re)starts."""

    def __init__(self, image, network, tmp: pathlib.Path, volume_owner: tuple | None = None, user: str | None = None):
        self.image, self.tmp, self.user = image, tmp, user
        self.volume = tmp / "volume"
        self.volume.mkdir()
        # Docker gives a new named volume the ownership of the image's folder (the app user);
        # a bind-mounted folder Docker creates, and some platforms' fresh disks, are root's.
        uid, gid = volume_owner or image.user_ids(APP_USER)
        os.chown(self.volume, uid, gid)
        self.container = rootfs.Container(image, network, self.volume, tmp / "containers")
        self.url = f"http://{network.container_ip}:{image.stage.exposed[0]}"
        self.process = None
        self.starts = 0

    def start(self, env: dict, read_only_volume: bool = False) -> float:
        """Starts the container and waits for /health; returns the seconds from exec to 200."""
        self.starts += 1
        command = self.container.command(env, volume_read_only=read_only_volume, user=self.user)
        started = time.monotonic()
        self.process = Process(command, {"PATH": os.environ["PATH"]}, self.tmp / f"start-{self.starts}.log")
        while True:
            if self.process.proc.poll() is not None:
                raise RuntimeError(f"the container exited ({self.process.proc.returncode}):\n{self.process.output()}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=1) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except OSError:
                pass
            if time.monotonic() - started > 60:
                raise TimeoutError(f"not healthy in 60 s:\n{self.process.output()}")
            time.sleep(0.005)

    def start_expecting_failure(self, env: dict, read_only_volume: bool = False) -> tuple:
        """Starts the container when it must refuse to start: (exit status, output)."""
        self.starts += 1
        command = self.container.command(env, volume_read_only=read_only_volume, user=self.user)
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, env={"PATH": os.environ["PATH"]})
        return done.returncode, done.stdout + done.stderr

    def run(self, env: dict, args: list) -> subprocess.CompletedProcess:
        """`docker run --rm -v volume image ARGS`: a one-off command on the same volume."""
        return subprocess.run(self.container.command(env, args=args), capture_output=True, text=True, timeout=60,
                              env={"PATH": os.environ["PATH"]})

    def process_ids(self) -> tuple:
        """(real, effective, saved, filesystem) uid of the running gateway. Every step of the
        container command execs, so the process started is the gateway itself."""
        status = pathlib.Path(f"/proc/{self.process.proc.pid}/status").read_text()
        return tuple(int(field) for field in re.search(r"^Uid:\s+(.*)$", status, re.MULTILINE).group(1).split())

    def files_not_owned_by(self, uid: int) -> list:
        return [str(path) for path in [self.volume, *self.volume.rglob("*")] if path.stat().st_uid != uid]

    def stop(self):
        if self.process:
            assert self.process.stop() == 0, self.process.output()
            self.process = None

    def output(self) -> str:
        return self.process.output() if self.process else ""

    def stored_settings(self) -> dict:
        with sqlite3.connect(f"file:{self.volume / 'default_db'}?mode=ro", uri=True) as database:
            return dict(database.execute("SELECT key, value FROM t_settings"))


@pytest.fixture
def deployment(image, network, tmp_path):
    deployed = Deployment(image, network, tmp_path)
    yield deployed
    deployed.stop()


# ------------------------------------------------------------------------------ client side


def gemini_call(url: str, token: str) -> tuple:
    return http_json("POST", url + "/v1beta/models/gemini-2.5-flash:generateContent",
                     {"contents": [{"role": "user", "parts": [{"text": "hello from the image"}]}]},
                     headers={"x-goog-api-key": token, "Content-Type": "application/json"})


def openai_call(url: str, token: str) -> tuple:
    return http_json("POST", url + "/v1/chat/completions",
                     {"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "hello"}]},
                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Panel:
    """The admin panel as a browser uses it: the login form at `/auth` (field `auth_token`), a
    session cookie, and the settings page's save call (`PUT /api/config` with the page's CSRF
    token)."""

    def __init__(self, url: str):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirect)

    def present(self) -> bool:
        status, headers, _ = self._send("GET", "/")
        return status == 200 and headers.get("Content-Type", "").startswith("text/html")

    def login(self, password: str) -> bool:
        status, headers, _ = self._send("POST", "/auth", urllib.parse.urlencode({"auth_token": password}).encode(),
                                        {"Content-Type": "application/x-www-form-urlencoded"})
        return status in (302, 303) and "gemgate_session=" in " ".join(headers.get_all("Set-Cookie") or [])

    def save_settings(self, values: dict) -> tuple:
        """Saves settings as the settings page does; returns (status, answer)."""
        _, _, page = self._send("GET", "/config")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        status, _, answer = self._send("PUT", "/api/config", json.dumps({"values": values}).encode(),
                                       {"Content-Type": "application/json", "X-CSRF-Token": csrf})
        return status, answer

    def _send(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> tuple:
        request = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.headers, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors="replace")


def admin_token_lets_in(deployment: Deployment, token: str) -> bool:
    """The panel's login once the panel is there; the admin token is also the super token on
    every proxy route, which is what this checks until then."""
    panel = Panel(deployment.url)
    if panel.present():
        return panel.login(token)
    status, _, _ = gemini_call(deployment.url, token)
    return status == 200


# ----------------------------------------------------------------------------------- tests


def test_image_runtime_has_what_the_binary_needs(image, deployment):
    """Every shared library of the binary resolves inside the image; MariaDB's auth plugins and
    the CA bundle are there."""
    libraries = subprocess.run(
        deployment.container.command({}, args=["ldd", image.stage.binary_target], entrypoint=[]),
        capture_output=True, text=True, timeout=30, env={"PATH": os.environ["PATH"]})
    assert libraries.returncode == 0, libraries.stderr
    assert "not found" not in libraries.stdout, libraries.stdout
    linked = sorted(re.findall(r"^\s*(\S+\.so[.\d]*)", libraries.stdout, re.MULTILINE))
    record("ldd", linked)
    assert any("libsqlite3" in name for name in linked) and any("libmariadb" in name for name in linked)
    plugins = [path for path in image.layers
               if list(pathlib.Path(path).glob("usr/lib/*/libmariadb3/plugin/caching_sha2_password.so"))]
    assert plugins, "libmariadb3's authentication plugins must stay in the image"
    assert image.path("/etc/ssl/certs/ca-certificates.crt"), "ca-certificates"
    assert image.path("/usr/share/zoneinfo/Asia/Shanghai"), "tzdata"


def test_guide_environment_block(deployment, upstream):
    """The guide, step by step: paste the block, deploy, log in with the printed token, set keys
    and tokens, use the proxy; then restart (and redeploy) and find everything still there."""
    env = dict(GUIDE_ENVIRONMENT, BASE_URL=upstream.base_url)

    first_health = deployment.start(env)
    banner = deployment.output()
    tokens = GENERATED_ADMIN_TOKEN.findall(banner)
    assert len(tokens) == 1, banner
    admin_token = tokens[0]
    assert "No Gemini API keys yet" in banner
    assert re.search(r"T\d\d:\d\d:\d\d\+0800 ", banner), "TZ=Asia/Shanghai must give +0800 log times:\n" + banner
    app_uid, _ = deployment.image.user_ids(APP_USER)
    assert app_uid != 0
    assert deployment.process_ids() == (app_uid,) * 4, "the gateway must not run as root"
    assert (deployment.volume / "default_db").is_file()
    assert not deployment.files_not_owned_by(app_uid)

    healthcheck = deployment.container.run_healthcheck(env)
    assert healthcheck.returncode == 0 and "healthy" in healthcheck.stdout, healthcheck.stdout + healthcheck.stderr
    assert deployment.stored_settings()["AUTH_TOKEN"] == admin_token

    # Log in with the printed token and fix keys and tokens in the panel, then press Save: it
    # applies at once.
    key, client_token = make_key("rootfs-guide"), "sk-rootfs-client-1"
    panel = Panel(deployment.url)
    assert panel.present(), "the login page must answer at /"
    assert not Panel(deployment.url).login(admin_token + "-wrong")
    assert panel.login(admin_token)
    status, answer = panel.save_settings({"API_KEYS": key, "ALLOWED_TOKENS": client_token})
    assert status == 200, answer
    status, _, body = gemini_call(deployment.url, client_token)
    assert status == 200, body
    assert upstream.keys_used()[-1] == key

    # Restart with the guide's placeholders again: the stored settings win, nothing is lost,
    # and the admin token is neither replaced nor printed again.
    deployment.stop()
    restart_health = deployment.start(env)
    output = deployment.output()
    assert admin_token not in output and "No admin token was configured" not in output
    assert "1 Gemini API keys, 1 access tokens" in output
    started = time.monotonic()
    status, _, body = gemini_call(deployment.url, client_token)
    assert status == 200, body
    first_call = time.monotonic() - started
    assert admin_token_lets_in(deployment, admin_token)
    status, _, _ = gemini_call(deployment.url, "sk-not-a-token")
    assert status in (401, 403)

    # The way back in when the password is lost: `docker exec … gemgate admin reset-token`.
    reset = deployment.run(env, ["admin", "reset-token", "--token", "gg-admin-recovered-in-the-image"])
    assert reset.returncode == 0, reset.stdout + reset.stderr
    assert not deployment.files_not_owned_by(app_uid), "a command run as root must not leave root's files"
    deployment.stop()
    deployment.start(env)
    assert admin_token_lets_in(deployment, "gg-admin-recovered-in-the-image")
    assert not admin_token_lets_in(deployment, admin_token)

    record("cold start to /health, empty volume (s)", round(first_health, 3))
    record("restart to /health, existing database (s)", round(restart_health, 3))
    record("first proxied call after /health (s)", round(first_call, 3))


def test_minimal_complete_example(deployment, upstream):
    """Keys and tokens in the environment, no AUTH_TOKEN: the first access token is the panel
    password, and both tokens reach the keys."""
    upstream.script({"your-gemini-api-key-1": "valid", "your-gemini-api-key-2": "valid"})
    env = dict(MINIMAL_EXAMPLE, BASE_URL=upstream.base_url)
    deployment.start(env)
    banner = deployment.output()
    assert not GENERATED_ADMIN_TOKEN.search(banner), banner
    assert "2 Gemini API keys, 2 access tokens" in banner
    assert deployment.stored_settings()["AUTH_TOKEN"] == "your-access-token-1"
    assert admin_token_lets_in(deployment, "your-access-token-1")

    for token in ("your-access-token-1", "your-access-token-2"):
        status, _, body = openai_call(deployment.url, token)
        assert status == 200, body
    assert set(upstream.keys_used()[-2:]) == {"your-gemini-api-key-1", "your-gemini-api-key-2"}

    deployment.stop()
    deployment.start(env)
    status, _, body = openai_call(deployment.url, "your-access-token-2")
    assert status == 200, body
    assert admin_token_lets_in(deployment, "your-access-token-1")


def test_config_check_in_the_image(deployment):
    done = deployment.run(GUIDE_ENVIRONMENT, ["config", "check"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "The configuration is valid." in done.stdout


def one_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    return lines[0]


def test_read_only_volume_says_so(deployment):
    """`-v data:/app/data:ro`, or a platform's read-only mount: one line with the cause and fix."""
    status, output = deployment.start_expecting_failure(GUIDE_ENVIRONMENT, read_only_volume=True)
    line = one_line(output)
    assert status == 1
    assert line.startswith("Gemgate cannot start: The data folder /app/data is not writable.")
    assert "volume" in line and "mounted" in line


def test_root_owned_volume_is_handed_to_the_app_user(image, network, upstream, tmp_path):
    """`docker run -v ./data:/app/data` (Docker creates the folder as root), a platform's fresh
    disk, or gemini-balance's volume (it ran as root): the gateway still starts, as the app user,
    and an existing database keeps its admin password."""
    deployed = Deployment(image, network, tmp_path, volume_owner=(0, 0))
    app_uid, _ = image.user_ids(APP_USER)
    env = dict(GUIDE_ENVIRONMENT, BASE_URL=upstream.base_url, API_KEYS=json.dumps([make_key("rootfs-root-volume")]),
               AUTH_TOKEN="sk-admin-from-gemini-balance")
    try:
        deployed.start(env)
        assert deployed.process_ids() == (app_uid,) * 4
        deployed.stop()
        # Now every file is root's, as gemini-balance leaves them.
        for path in [deployed.volume, *deployed.volume.rglob("*")]:
            os.chown(path, 0, 0)
        deployed.start(dict(env, AUTH_TOKEN=""))
        assert not deployed.files_not_owned_by(app_uid)
        assert admin_token_lets_in(deployed, "sk-admin-from-gemini-balance")
    finally:
        deployed.stop()


def test_platform_chosen_user_runs_directly(image, network, upstream, tmp_path):
    """Hugging Face Spaces (and `docker run --user 1000`) start the container as uid 1000: the
    gateway runs as that user without any change of user."""
    app_uid, app_gid = image.user_ids(APP_USER)
    deployed = Deployment(image, network, tmp_path, user=f"{app_uid}:{app_gid}")
    try:
        deployed.start(dict(GUIDE_ENVIRONMENT, BASE_URL=upstream.base_url))
        assert deployed.process_ids() == (app_uid,) * 4
    finally:
        deployed.stop()


def test_platform_chosen_user_on_a_root_owned_volume_says_so(image, network, tmp_path):
    """Started as a non-root user on a disk it cannot write, nothing can fix the folder: one line
    says what is wrong and what to check."""
    app_uid, app_gid = image.user_ids(APP_USER)
    deployed = Deployment(image, network, tmp_path, volume_owner=(0, 0), user=f"{app_uid}:{app_gid}")
    deployed.volume.chmod(0o755)
    status, output = deployed.start_expecting_failure(GUIDE_ENVIRONMENT)
    line = one_line(output)
    assert status == 1
    assert line.startswith("Gemgate cannot start: The data folder /app/data is not writable.")


def test_unreachable_mysql_says_which_host(deployment, network):
    """libmariadb loads in the image, and an unreachable server is one line naming it."""
    env = dict(GUIDE_ENVIRONMENT, DATABASE_TYPE="mysql", MYSQL_HOST=network.host_ip, MYSQL_PORT="1",
               MYSQL_USER="gemgate", MYSQL_PASSWORD="secret", MYSQL_DATABASE="gemgate")
    status, output = deployment.start_expecting_failure(env)
    line = one_line(output)
    assert status == 1
    assert line.startswith("Gemgate cannot start:") and f"{network.host_ip}:1" in line
    assert "secret" not in line
