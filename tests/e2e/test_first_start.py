"""Issue 2: the guide's placeholder environment boots, on port 8000, with a generated admin token."""

import urllib.request

from conftest import GENERATED_ADMIN_TOKEN, GUIDE_ENVIRONMENT, Gateway


def test_placeholders_boot_on_8000_and_print_a_generated_token_once(tmp_path):
    # The guide sets neither PORT nor DATA_DIR: the defaults must do (port 8000, ./data).
    gateway = Gateway(tmp_path, dict(GUIDE_ENVIRONMENT), port=8000, set_data_dir=False, autostart=False)
    gateway.env.pop("PORT")
    gateway.env.pop("HOST")
    gateway.start()
    try:
        with urllib.request.urlopen("http://127.0.0.1:8000/health", timeout=5) as response:
            assert response.status == 200
        first_log = gateway.process.output()
        tokens = GENERATED_ADMIN_TOKEN.findall(first_log)
        assert len(tokens) == 1, first_log
        assert (tmp_path / "data" / "default_db").is_file()

        # A second start opens the same database: the token stays and is not printed again.
        gateway.restart()
        assert tokens[0] not in gateway.process.output()
        assert "No admin token was configured" not in gateway.process.output()
    finally:
        gateway.stop()
