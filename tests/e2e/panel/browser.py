"""Headless Chromium for the panel tests, and the checks they share.

Debian's chromium and chromium-driver are used as installed (/usr/bin/chromium,
/usr/bin/chromedriver), so Selenium never downloads a browser. Every page load first runs a
small script that records alert() calls and CSP violations, so a test can prove that no
injected script ran and none was even attempted."""

import base64
import json
import os
import pathlib
import shutil
import time

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[3]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"

CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")

# Runs before any page script: alert() only records, and CSP violations are counted.
WATCHERS = """
window.__alerts = [];
window.alert = function (message) { window.__alerts.push(String(message)); };
window.confirm = function () { return true; };
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (event) {
  window.__csp.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""

# Latin words allowed on a Chinese page outside elements marked translate="no": acronyms and
# setting names (all capitals) and these proper names. The same rule as the Swift unit test.
PROPER_NAMES = {"Gemini", "Gemgate", "Google", "Vertex", "Express", "PicGo", "CloudFlare", "ImgBed",
                "http", "https", "socks", "socks5"}

UNTRANSLATED_SCRIPT = """
const found = [];
const skip = (node) => node.closest && (node.closest('[translate="no"]') || node.closest('script,style,noscript'));
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let node;
while ((node = walker.nextNode())) {
  const parent = node.parentElement;
  if (!parent || skip(parent)) continue;
  const text = node.textContent.trim();
  if (text) found.push(text);
}
document.querySelectorAll('[placeholder],[title],[aria-label],[data-label],[data-title]').forEach((el) => {
  if (skip(el)) return;
  for (const name of ['placeholder', 'title', 'aria-label', 'data-label', 'data-title']) {
    const value = el.getAttribute(name);
    if (value) found.push(value);
  }
});
return found;
"""


def untranslated_words(texts):
    """Latin words in the texts that are neither acronyms nor allowed proper names."""
    import re
    bad = set()
    for text in texts:
        for word in re.findall(r"[A-Za-z][A-Za-z0-9_]*", text):
            letters = sum(1 for c in word if c.isalpha())
            if letters < 2:
                continue
            if word in PROPER_NAMES or all(c.isupper() or c.isdigit() or c == "_" for c in word):
                continue
            bad.add(word)
    return sorted(bad)


def make_driver(width=1280, height=900):
    if not shutil.which(CHROMIUM) or not shutil.which(CHROMEDRIVER):
        pytest.fail(f"Chromium or chromedriver missing ({CHROMIUM}, {CHROMEDRIVER}); "
                    "install Debian's chromium and chromium-driver (scripts/setup/system-packages.sh test)")
    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--lang=en-US", "--disable-extensions"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-US,en"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCHERS})
    if width < 600:
        # Desktop Chromium will not make a window this narrow; emulate the phone's viewport.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 812, "deviceScaleFactor": 2, "mobile": True})
    return driver


def wait(driver, timeout=15):
    # A page script may replace an element between finding it and reading it (the status
    # message is re-rendered when the save answers): such a poll is simply tried again.
    return WebDriverWait(driver, timeout, ignored_exceptions=[StaleElementReferenceException])


def login(driver, base_url, token):
    driver.get(base_url + "/")
    field = wait(driver).until(EC.presence_of_element_located((By.ID, "auth_token")))
    field.clear()
    field.send_keys(token)
    driver.find_element(By.ID, "login").click()
    wait(driver).until(lambda d: d.current_url.split("?")[0].endswith("/keys"))


def flash_text(driver, timeout=15):
    """The text of the page's status message once it is shown."""
    def shown(d):
        box = d.find_element(By.ID, "flash")
        return box.text if box.is_displayed() and box.text.strip() else False
    return wait(driver, timeout).until(shown)


def assert_no_script_ran(driver):
    alerts = driver.execute_script("return window.__alerts || []")
    violations = driver.execute_script("return window.__csp || []")
    assert alerts == [], f"alert() was called: {alerts}"
    assert violations == [], f"the page tried something the CSP blocked: {violations}"
    try:
        text = driver.switch_to.alert.text
        raise AssertionError(f"a native alert is open: {text}")
    except NoAlertPresentException:
        pass


def chinese_page_problems(driver):
    return untranslated_words(driver.execute_script(UNTRANSLATED_SCRIPT))


def fits_width(driver, width):
    """No horizontal scrolling of the page itself (wide tables scroll inside their box)."""
    scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
    return scroll_width <= width + 1, scroll_width


def spilling_cells(driver):
    """On a phone each labelled cell is a two-column grid, its label beside its value: one grid
    row. A cell whose value is several elements (or text between elements) spills into more
    rows, under the label. Returns such cells as "label: text"."""
    return driver.execute_script("""
        var spilling = [];
        document.querySelectorAll('table.stack-on-phone td[data-label]').forEach(function (cell) {
          var style = getComputedStyle(cell);
          if (style.display !== 'grid') { return; }
          if (style.gridTemplateRows.trim().split(/\\s+/).length > 1) {
            spilling.push(cell.getAttribute('data-label') + ': ' + cell.textContent.trim().slice(0, 60));
          }
        });
        return spilling;
    """)


def screenshot(driver, name):
    """A full-page PNG in artifacts/screenshots/ (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(data["data"]))
    return path
