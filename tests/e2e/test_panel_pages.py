"""Every panel page in both languages at desktop (1280 px) and phone (375 px) width: the page
fits the width, the Chinese pages have no untranslated English, no script misbehaves, and a
screenshot of each goes to artifacts/screenshots/ (git-ignored)."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import http_json, make_key
from panel.browser import (assert_no_script_ran, chinese_page_problems, fits_width, login, make_driver,
                           screenshot, spilling_cells, wait)

ADMIN_TOKEN = "gg-admin-e2e-pages-token-0001"
PAGES = {"monitor": "/keys", "settings": "/config", "error-logs": "/logs", "request-logs": "/logs/requests"}


@pytest.fixture
def populated_gateway(gateway_factory, fake):
    keys = [make_key(f"panel-shot-{n}") for n in range(12)]
    fake.script({keys[1]: "invalidKey", keys[2]: {"kind": "quotaPerMinute", "retryDelaySeconds": 600}})
    gateway = gateway_factory(keys, tokens=["sk-shots-team-a", "sk-shots-team-b"], env={"AUTH_TOKEN": ADMIN_TOKEN})
    body = {"contents": [{"role": "user", "parts": [{"text": "hi"}]}]}
    for n in range(20):
        token = "sk-shots-team-a" if n % 3 else "sk-shots-team-b"
        model = "gemini-2.5-flash" if n % 5 else "no-such-model"
        http_json("POST", f"{gateway.url}/v1beta/models/{model}:generateContent", body,
                  headers={"x-goog-api-key": token, "Content-Type": "application/json"})
    yield gateway
    fake.reset()


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_page_in_both_languages_and_widths(populated_gateway, language, width):
    driver = make_driver(width=width, height=900)
    try:
        gateway = populated_gateway
        driver.get(f"{gateway.url}/?lang={language}")
        wait(driver).until(EC.presence_of_element_located((By.ID, "auth_token")))
        check_page(driver, "login", language, width)
        login(driver, gateway.url, ADMIN_TOKEN)
        for name, path in PAGES.items():
            driver.get(gateway.url + path)
            wait(driver).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
            check_page(driver, name, language, width)
        # The monitor's details dialog, opened from a call tile.
        driver.get(gateway.url + "/keys")
        driver.find_element(By.CSS_SELECTOR, "button.tile[data-period='24h']").click()
        wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#details-body table"))
        check_page(driver, "monitor-call-details", language, width)
    finally:
        driver.quit()


def check_page(driver, name, language, width):
    assert driver.execute_script("return document.documentElement.lang").startswith(language)
    if width <= 375:
        fits, scroll_width = fits_width(driver, width)
        assert fits, f"{name} ({language}) is {scroll_width}px wide at {width}px"
        spilling = spilling_cells(driver)
        assert spilling == [], f"{name} ({language}): cells spill under their label at {width}px: {spilling}"
    if language == "zh":
        problems = chinese_page_problems(driver)
        assert problems == [], f"untranslated English on the Chinese {name} page: {problems}"
    assert_no_script_ran(driver)
    screenshot(driver, f"{name}-{language}-{width}")
