"""Issue 2: no configured key or token appears in full in any log line, even with failures."""

import json

from google import genai
from google.genai import errors, types

from conftest import http_json, make_key

TOKEN = "sk-secret-token-do-not-log-7391"
ADMIN = "sk-admin-secret-never-logged-5521"
# CUSTOM_HEADERS often carries the credentials of a proxy in front of Google (not as
# Authorization here: the fake upstream would take that for its own).
UPSTREAM_AUTH = "upstream-proxy-password-never-logged-8830"


def test_no_secret_in_log_of_a_run_with_failures(gateway_factory, fake):
    good = make_key("log-good")
    invalid = make_key("log-invalid")
    quota = make_key("log-quota")
    leaked = make_key("log-leaked")
    fake.script({invalid: "invalidKey", quota: {"quotaPerMinute": {"retryDelaySeconds": 30}}, leaked: "leaked"})
    gateway = gateway_factory(
        [invalid, quota, leaked, good], tokens=[TOKEN], env={"AUTH_TOKEN": ADMIN, "MAX_FAILURES": "1", "MAX_RETRIES": "4", "LOG_LEVEL": "DEBUG",
             "CUSTOM_HEADERS": json.dumps({"Proxy-Authorization": f"Bearer {UPSTREAM_AUTH}"})}
    )
    client = genai.Client(api_key=TOKEN, http_options=types.HttpOptions(base_url=gateway.url))
    for _ in range(6):
        client.models.generate_content(model="gemini-2.5-flash", contents="hi")
    # Failures of every kind: a wrong token, a bad request, an unknown model.
    http_json("POST", gateway.url + "/v1beta/models/gemini-2.5-flash:generateContent", {"contents": []},
              headers={"x-goog-api-key": TOKEN})
    http_json("POST", gateway.url + "/v1beta/models/gemini-2.5-flash:generateContent", {"contents": []},
              headers={"x-goog-api-key": TOKEN + "-wrong"})
    try:
        client.models.generate_content(model="no-such-model", contents="hi")
    except errors.APIError:
        pass
    gateway.stop()
    log = gateway.all_output()
    assert "rejected by Google" in log or "rate-limited" in log  # the failures were logged…
    for secret in [good, invalid, quota, leaked, TOKEN, ADMIN, UPSTREAM_AUTH]:
        assert secret not in log, f"{secret[:6]}… appears in the log"
