"""The pages in a real browser: Debian's chromium, headless, driven by Selenium through Debian's
chromedriver. A query run from the query page, a trace from the trace page, a table sorted by a click,
and screenshots that must show content. A missing browser fails here: it is never skipped."""

from __future__ import annotations

import json
import shutil
import signal
import struct
import zlib
from pathlib import Path

import pytest
from live_server import project_copy, start_server
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    process, base = start_server(project_copy(tmp_path_factory.mktemp("browsed")))
    yield base
    process.send_signal(signal.SIGINT)
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists(), (
        "the page tests need Debian's chromium and chromium-driver: apt-get install chromium chromium-driver "
        "(.ci/run and `make test` install them)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1600"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def colours_in(png: bytes) -> int:
    """How many distinct pixel colours a screenshot has (a blank or error page has very few)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks, width, height = 8, [], 0, 0
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        data = png[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", data[:10])
            assert depth == 8 and colour_type in (2, 6)
            channels = 3 if colour_type == 2 else 4
        elif kind == b"IDAT":
            chunks.append(data)
        at += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels + 1
    sample = {raw[row * stride + 1 + col * channels: row * stride + 1 + col * channels + 3]
              for row in range(0, height, 7) for col in range(0, width, 7)}
    return len(sample)


def type_query(browser, text: str) -> None:
    """Type into the query editor as a person would: click it, select everything, type over it."""
    browser.find_element(By.CSS_SELECTOR, ".CodeMirror").click()
    field = browser.find_element(By.CSS_SELECTOR, ".CodeMirror textarea")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(text)


def test_the_editor_is_the_vendored_codemirror(server, browser):
    browser.get(server + "/query")
    assert browser.find_elements(By.CSS_SELECTOR, ".CodeMirror .CodeMirror-linenumber")
    assert browser.execute_script("return typeof CodeMirror") == "function"


def test_a_query_run_from_the_query_page(server, browser, tmp_path):
    browser.get(server + "/query")
    browser.find_element(By.CSS_SELECTOR, 'button.pick[data-name="surveys"]').click()
    assert "SELECT" in browser.execute_script("return window.nhskgEditor.getValue()")
    browser.find_element(By.ID, "run").click()
    WebDriverWait(browser, 20).until(ready.presence_of_element_located((By.CSS_SELECTOR, "#results table tbody tr")))
    rows = browser.find_elements(By.CSS_SELECTOR, "#results table tbody tr")
    assert len(rows) == 7
    assert "rows in" in browser.find_element(By.ID, "status").text
    assert "surveys" in browser.find_element(By.ID, "download-csv").get_attribute("href")
    shot = browser.get_screenshot_as_png()
    (tmp_path / "query.png").write_bytes(shot)
    assert colours_in(shot) > 20, "the query page screenshot is nearly blank"


def test_a_query_written_by_hand_and_sorted_by_a_click(server, browser):
    browser.get(server + "/query")
    type_query(browser, "SELECT ?ccg ?code WHERE { ?ccg a nhskg:ClinicalCommissioningGroup ; nhskg:odsCode ?code } "
                        "ORDER BY ?code LIMIT 20")
    browser.find_element(By.ID, "run").click()
    WebDriverWait(browser, 20).until(ready.presence_of_element_located((By.CSS_SELECTOR, "#results table tbody tr")))
    first = lambda: browser.find_element(By.CSS_SELECTOR, "#results tbody tr td:nth-child(2)").text  # noqa: E731
    ascending = first()
    header = browser.find_elements(By.CSS_SELECTOR, "#results thead th")[1]
    header.click()
    header.click()
    assert first() != ascending and header.get_attribute("aria-sort") == "descending"


def test_an_error_shows_on_the_page(server, browser):
    browser.get(server + "/query")
    type_query(browser, "SELECT * WHERE { ?s ?p }")
    browser.find_element(By.ID, "run").click()
    WebDriverWait(browser, 20).until(ready.presence_of_element_located((By.CSS_SELECTOR, "#results .error")))
    assert "syntax error" in browser.find_element(By.CSS_SELECTOR, "#results .error").text


def test_a_trace_from_the_trace_page(server, browser, tmp_path):
    browser.get(server + "/trace")
    area = browser.find_element(By.ID, "trace-text")
    area.clear()
    area.send_keys("47% of CCGs say they are fully involved, according to a survey by the NHS Alliance.")
    browser.find_element(By.ID, "trace-run").click()
    WebDriverWait(browser, 20).until(ready.presence_of_element_located((By.CSS_SELECTOR, ".trail")))
    trail = browser.find_element(By.CSS_SELECTOR, ".trail").text
    assert "EXACT" in trail.upper() and "47% of CCGs say they are fully involved" in trail
    review = json.loads(browser.find_element(By.ID, "claimreview").text)  # the ClaimReview to copy
    assert review[0]["@type"] == "ClaimReview" and review[0]["reviewRating"]["alternateName"] == "exact"
    shot = browser.get_screenshot_as_png()
    (tmp_path / "trace.png").write_bytes(shot)
    assert colours_in(shot) > 20


def test_following_links_from_home_to_a_claim_and_its_source(server, browser):
    browser.get(server + "/")
    browser.find_element(By.LINK_TEXT, "Documents").click()
    browser.find_element(By.PARTIAL_LINK_TEXT, "CCGs want less bureaucracy").click()
    span = browser.find_element(By.CSS_SELECTOR, ".verbatim a.span")
    span.click()
    assert browser.current_url.startswith(server + "/doc/")
    marked = browser.find_elements(By.CSS_SELECTOR, ".evidence blockquote mark")
    assert marked and marked[0].text.strip(), "a claim's page shows its words in their sentence"
    assert "CCGs want less bureaucracy" in browser.find_element(By.CSS_SELECTOR, ".evidence blockquote cite").text
