"""Hostile values that reach the logs (a model name that is an <img> with an onerror handler, in
rows gemini-balance wrote and in Google's words about an unknown field, and a key that closes an
attribute and opens a <script>) are shown as text on every page: no alert
fires, the CSP never has to block anything, and the text itself is visible."""

import datetime
import json
import sqlite3
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import http_json, make_key
from panel.browser import assert_no_script_ran, login, wait

ADMIN_TOKEN = "gg-admin-e2e-xss-token-0001"
EVIL_MODEL = "<img src=x onerror=alert(1)>"
# Starts with a letter: gemini-balance's list reader (and ours) trims quotes at the ends of items.
EVIL_KEY = 'k"><script>alert(2)</script>'
MASKED_EVIL_KEY = 'k"><'


def test_hostile_values_render_as_text_on_every_page(gateway_factory, driver):
    good = make_key("panel-xss-good")
    gateway = gateway_factory([good, EVIL_KEY], tokens=["sk-xss-client"], env={"AUTH_TOKEN": ADMIN_TOKEN})
    headers = {"x-goog-api-key": "sk-xss-client", "Content-Type": "application/json"}
    body = {"contents": [{"role": "user", "parts": [{"text": "hi"}]}]}
    # A hostile model name is refused before it goes anywhere (model ids are checked)...
    path = "/v1beta/models/" + urllib.parse.quote(EVIL_MODEL, safe="") + ":generateContent"
    status = http_json("POST", gateway.url + path, body, headers=headers)[0]
    assert status in (400, 404)
    # ...but rows written by gemini-balance on the same database (or before the upgrade) may hold
    # one: put such rows in the tables as it writes them.
    with sqlite3.connect(gateway.tmp / "data" / "default_db") as db:
        now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        db.execute("INSERT INTO t_request_log (request_time, model_name, api_key, is_success, status_code, latency_ms)"
                   " VALUES (?, ?, ?, 0, 404, 12)", (now, EVIL_MODEL, EVIL_KEY))
        db.execute("INSERT INTO t_error_logs (gemini_key, model_name, error_type, error_log, error_code, request_time)"
                   " VALUES (?, ?, 'gemini-chat-non-stream', ?, 404, ?)",
                   (EVIL_KEY, EVIL_MODEL, "<b>not found</b>", now))
    # ...but Google repeats an unknown field's name in its 400, which lands in the error log.
    http_json("POST", gateway.url + "/v1beta/models/gemini-2.5-flash:generateContent",
              dict(body, **{EVIL_MODEL: 1}), headers=headers)
    # The hostile key is tried in turn and refused by the upstream: it lands in both logs.
    for _ in range(4):
        http_json("POST", gateway.url + "/v1beta/models/gemini-2.5-flash:generateContent", body, headers=headers)

    login(driver, gateway.url, ADMIN_TOKEN)
    checks = {
        "/keys": [MASKED_EVIL_KEY],
        "/keys?q=script": [MASKED_EVIL_KEY],
        "/logs": [EVIL_MODEL, MASKED_EVIL_KEY],
        "/logs/requests": [EVIL_MODEL, MASKED_EVIL_KEY],
        "/config": [],
    }
    for page, texts in checks.items():
        driver.get(gateway.url + page)
        wait(driver).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
        # The logs are written in batches about once a second.
        for text in texts:
            wait(driver, 10).until(lambda d: text in d.find_element(By.TAG_NAME, "body").text or d.refresh(),
                                   f"{page} never showed {text!r}")
        assert driver.find_elements(By.CSS_SELECTOR, "img[src='x']") == []
        assert_no_script_ran(driver)

    # The error's details and its revealed key are text too.
    driver.get(gateway.url + "/logs?key=script")
    wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "[data-log-action='details']"))).click()
    dialog = wait(driver).until(EC.visibility_of_element_located((By.ID, "details-dialog")))
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#details-body button"))
    dialog.find_element(By.CSS_SELECTOR, "#details-body button").click()
    wait(driver).until(lambda d: EVIL_KEY in d.find_element(By.ID, "details-body").text)
    assert_no_script_ran(driver)

    # Google's 400 naming the hostile field: its details show the name as text.
    driver.get(gateway.url + "/logs?q=" + urllib.parse.quote("Unknown name"))
    wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "[data-log-action='details']"))).click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "details-dialog")))
    # (Google's body escapes < and > as \u003c and \u003e; the name's middle is the same.)
    wait(driver).until(lambda d: "img src=x onerror=alert(1)" in d.find_element(By.ID, "details-body").text,
                       "the error details never showed the hostile field name")
    assert driver.find_elements(By.CSS_SELECTOR, "img[src='x']") == []
    assert_no_script_ran(driver)
