"""The panel's main flow in a real browser, in English and in Chinese: log in, replace the API
keys by pasting text, replace the client tokens, save, and see the change apply without a
restart; then log out."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import http_json, make_key
from panel.browser import assert_no_script_ran, chinese_page_problems, flash_text, login, screenshot, wait

ADMIN_TOKEN = "gg-admin-e2e-panel-token-0001"


def chat(gateway, token):
    return http_json("POST", gateway.url + "/v1/chat/completions",
                     {"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "hello"}]},
                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})


@pytest.mark.parametrize("language", ["en", "zh"])
def test_paste_keys_replace_tokens_save_and_logout(gateway_factory, fake, driver, language):
    old_key, old_token = make_key(f"panel-old-{language}"), f"sk-old-client-{language}-0001"
    new_keys = [make_key(f"panel-new-{language}-{n}") for n in range(3)]
    new_token = f"sk-new-client-{language}-0002"
    gateway = gateway_factory([old_key], tokens=[old_token], env={"AUTH_TOKEN": ADMIN_TOKEN})
    assert chat(gateway, old_token)[0] == 200

    login(driver, gateway.url, ADMIN_TOKEN)
    if language == "zh":
        driver.find_element(By.LINK_TEXT, "中文").click()
        wait(driver).until(lambda d: "监控面板" in d.find_element(By.TAG_NAME, "h1").text)

    driver.get(gateway.url + "/config")
    paste = wait(driver).until(EC.presence_of_element_located((By.ID, "key-paste")))
    # Three keys, one of them twice, in noise that includes a key-like fragment.
    paste.send_keys(f"Keys for the team:\n- {new_keys[0]}, {new_keys[1]}\n(again {new_keys[0]})\n"
                    f"junk AIzaTooShort ### {new_keys[2]} end\n")
    driver.find_element(By.CSS_SELECTOR, "input[name='key-paste-mode'][value='replace']").click()
    summary = wait(driver).until(lambda d: d.find_element(By.ID, "key-paste-summary").text or False)
    assert ("3 keys found" in summary) if language == "en" else ("识别到 3 个密钥" in summary), summary
    assert ("1 repeats dropped" in summary) if language == "en" else ("去除重复 1 个" in summary), summary

    tokens = driver.find_element(By.ID, "setting-ALLOWED_TOKENS")
    tokens.send_keys(new_token)
    screenshot(driver, f"flow-{language}-settings-before-save")
    driver.find_element(By.ID, "save-settings").click()
    message = flash_text(driver)
    if language == "en":
        assert "Settings saved and applied." in message
    else:
        assert "配置保存成功" in message
        problems = chinese_page_problems(driver)
        assert problems == [], f"untranslated English on the Chinese settings page: {problems}"
    screenshot(driver, f"flow-{language}-settings-saved")
    assert_no_script_ran(driver)

    # No restart: the new token works, on one of the new keys; the old token is refused.
    before = fake.mark()
    status, _, body = chat(gateway, new_token)
    assert status == 200, body
    used = [request.get("apiKey") for request in fake.requests(since=before)]
    assert used and all(key in new_keys for key in used), used
    assert chat(gateway, old_token)[0] == 401

    driver.find_element(By.ID, "logout").click()
    wait(driver).until(lambda d: d.current_url.split("?")[0].rstrip("/") == gateway.url)
    driver.get(gateway.url + "/config")
    wait(driver).until(EC.presence_of_element_located((By.ID, "auth_token")))
    assert driver.current_url.rstrip("/") == gateway.url
    assert_no_script_ran(driver)


def test_a_bad_value_is_refused_with_its_field_highlighted(gateway_factory, driver):
    gateway = gateway_factory([make_key("panel-invalid")], env={"AUTH_TOKEN": ADMIN_TOKEN})
    login(driver, gateway.url, ADMIN_TOKEN)
    driver.get(gateway.url + "/config")
    retries = wait(driver).until(EC.presence_of_element_located((By.ID, "setting-MAX_RETRIES")))
    retries.clear()
    retries.send_keys("500")
    model = driver.find_element(By.ID, "setting-TEST_MODEL")
    model.clear()
    model.send_keys("gemini-2.0-flash")
    driver.find_element(By.ID, "save-settings").click()
    wait(driver).until(lambda d: "invalid" in d.find_element(
        By.CSS_SELECTOR, ".setting[data-setting='MAX_RETRIES']").get_attribute("class"))
    error = driver.find_element(By.CSS_SELECTOR, ".setting[data-setting='MAX_RETRIES'] .field-error")
    assert "MAX_RETRIES" in error.text
    assert "Nothing was saved" in flash_text(driver)
    screenshot(driver, "flow-en-settings-refused")
    # Nothing was saved: the valid TEST_MODEL change was refused with the bad value.
    driver.get(gateway.url + "/config")
    model = wait(driver).until(EC.presence_of_element_located((By.ID, "setting-TEST_MODEL")))
    assert model.get_attribute("value") != "gemini-2.0-flash"
