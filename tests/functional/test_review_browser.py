"""`clusterdw review` in a real browser: Debian's chromium driven by chromedriver through selenium, the
server started here on loopback as the analyst starts it. A draft is opened, rows accepted, rejected and
edited, a missed figure added by selecting its text, the tab reloaded mid-review, the server killed in
the middle of a save and started again, and the review accepted into raw/figures: the file written is
exactly the one expected, and it loads."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import read_rows

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')")
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)",
)

DOCUMENT_ID = "007_review_test"
# A short document of our own (no corpus text): suggest drafts five figures and misses 二十万 (no unit).
TEXT = (
    "柳州市汽车工业发展报告\n\n"
    "2023年，柳州市汽车产量达到150万辆，同比增长5.2%。\n"
    "全市规上工业企业超过1300家，新能源汽车产量约60万辆。\n"
    "全市汽车产业从业人员约二十万。\n"
    "力争到2025年，柳州市汽车产值突破3000亿元。\n"
)
MISSED = "从业人员约二十万"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`clusterdw review` as a process, as the analyst runs it (killed and started again by the test)."""

    def __init__(self, project: Path, draft: Path, document: Path, port: int):
        self.args = [
            sys.executable,
            "-m",
            "pipelines",
            "--project-dir",
            str(project),
            "review",
            str(draft),
            "--document",
            str(document),
            "--no-browser",
            "--port",
            str(port),
            "--published",
            "2024-01-15",
            "--title",
            "柳州市汽车工业发展报告",
        ]
        self.project = project
        self.process: subprocess.Popen | None = None

    def start(self, env: dict | None = None) -> None:
        self.process = subprocess.Popen(
            self.args,
            cwd=self.project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=os.environ | (env or {}),
        )
        for line in self.process.stdout:  # serving once it printed its address
            if line.startswith("Review page:"):
                return
        raise AssertionError(f"the review server did not start (exit {self.process.wait()})")

    def stop(self) -> str:
        self.process.send_signal(signal.SIGINT)  # Ctrl-C
        out, _ = self.process.communicate(timeout=30)
        return out


@pytest.fixture
def browser(tmp_path):
    options = Options()
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--no-first-run",
        "--disable-background-networking",
    ):
        options.add_argument(flag)
    options.binary_location = CHROMIUM
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except WebDriverException as error:
        pytest.skip(f"chromium does not start here: {str(error).splitlines()[0]}")
    yield driver
    driver.quit()


def saved(driver, timeout: float = 30) -> None:
    WebDriverWait(driver, timeout).until(
        lambda d: d.find_element(By.ID, "status").get_attribute("data-state") == "saved"
    )


def press(driver, key: str) -> None:
    driver.find_element(By.TAG_NAME, "body").send_keys(key)
    saved(driver)


def decisions(driver) -> list[str]:
    return [row.get_attribute("data-decision") for row in driver.find_elements(By.CSS_SELECTOR, ".row")]


def edit(driver, **fields: str) -> None:
    for column, value in fields.items():
        box = driver.find_element(By.ID, f"f-{column}")
        box.clear()
        box.send_keys(value)
    box.send_keys(Keys.ENTER)
    saved(driver)


def select_text(driver, text: str) -> None:
    """Select `text` in the document as a mouse would (a real Selection of the page)."""
    driver.execute_script(
        """
        const [doc, wanted] = [document.getElementById('doc'), arguments[0]];
        const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const at = walker.currentNode.nodeValue.indexOf(wanted);
            if (at >= 0) {
                const range = document.createRange();
                range.setStart(walker.currentNode, at);
                range.setEnd(walker.currentNode, at + wanted.length);
                window.getSelection().removeAllRanges();
                window.getSelection().addRange(range);
                return;
            }
        }
        throw new Error('text not in the document: ' + wanted);
    """,
        text,
    )


def test_a_review_in_the_browser_writes_exactly_the_reviewed_file(project, cli, tmp_path, browser):
    document = tmp_path / "docs" / f"{DOCUMENT_ID}.txt"
    document.parent.mkdir()
    document.write_text(TEXT, encoding="utf-8")
    result = cli(project, "suggest", str(document), "--document-id", DOCUMENT_ID, "--published", "2024-01-15")
    assert result.exit_code == 0, result.output
    draft_path = project / "raw" / "drafts" / f"{DOCUMENT_ID}.csv"
    header, draft = read_rows(draft_path)
    assert [r["evidence"] for r in draft] == [
        "柳州市汽车产量达到150万辆",
        "产量达到150万辆，同比增长5.2%",  # a bare growth's span says what grew (rules/growth_clause.py)
        "规上工业企业超过1300家",  # the span starts at the figure, not at 全市 (rules/evidence_lead.py)
        "新能源汽车产量约60万辆",
        "柳州市汽车产值突破3000亿元",
    ]
    assert not any(MISSED in r["evidence"] for r in draft)
    port = free_port()
    server = Server(project, draft_path, document, port)
    server.start()
    try:
        browser.get(f"http://127.0.0.1:{port}/")
        saved(browser)
        # every evidence marked; two that overlap (产量达到150万辆) share a piece, marked with both rows' keys
        marks = browser.find_elements(By.CSS_SELECTOR, "#doc mark.ev")
        assert len({key for mark in marks for key in mark.get_attribute("data-keys").split()}) == 5
        # the note's guesses stand out: 1300家's year is the publication year
        press(browser, "j"), press(browser, "j")
        assert "guess" in browser.find_element(By.ID, "f-period_end_year").get_attribute("class")
        press(browser, "k"), press(browser, "k")

        press(browser, "a")  # 007-001 accepted
        press(browser, "r")  # 007-002 rejected
        press(browser, "e")  # 007-003: what is counted, typed in
        edit(browser, subject="规上工业企业")
        edit(browser, place="柳州全市")  # a name no reference row holds: the page offers the row that adds it
        offer = browser.find_element(By.CSS_SELECTOR, ".offer input[data-file='place_aliases.csv']")
        assert offer.get_attribute("value") == "柳州全市,<place_key>,"
        press(browser, "a")  # refused: the load would fail
        assert decisions(browser)[2] == "pending"
        offer = browser.find_element(By.CSS_SELECTOR, ".offer input[data-file='place_aliases.csv']")
        offer.clear()
        offer.send_keys("柳州全市,liuzhou,written so in a review test")
        offer.find_element(By.XPATH, "following-sibling::button").click()
        WebDriverWait(browser, 30).until(
            lambda d: "added raw/reference/place_aliases.csv" in d.find_element(By.ID, "messages").text
        )
        WebDriverWait(browser, 30).until(lambda d: not d.find_elements(By.CSS_SELECTOR, ".row.bad"))
        press(browser, "a")
        assert decisions(browser) == ["accepted", "rejected", "accepted", "pending", "pending"]

        browser.refresh()  # the tab reloaded mid-review: the review is as it was
        saved(browser)
        assert decisions(browser) == ["accepted", "rejected", "accepted", "pending", "pending"]
        assert browser.find_element(By.CSS_SELECTOR, ".row.current").get_attribute("data-index") == "3"
        press(browser, "a")  # 007-004

        select_text(browser, MISSED)
        press(browser, "n")  # a figure added from the selection, selected at once
        assert browser.find_element(By.ID, "f-evidence").get_attribute("value") == MISSED
        assert browser.find_element(By.ID, "f-value").get_attribute("value") == "200000"
        # its other fields as suggest guesses them (人员: a count of people, 约: about, 全市: 柳州市)
        assert [
            browser.find_element(By.ID, f"f-{c}").get_attribute("value") for c in ("metric_code", "qualifier", "place")
        ] == ["talent_count", "about", "柳州市"]
        press(browser, "a")  # no unit: the load would refuse it, so accepting is refused, with the load's words
        assert "unit: required, but empty" in browser.find_element(By.ID, "messages").text
        assert decisions(browser)[-1] == "pending"
        edit(browser, unit="人")
        press(browser, "a")
        assert decisions(browser) == ["accepted", "rejected", "accepted", "accepted", "pending", "accepted"]

        # The server killed (SIGKILL) between writing the review and renaming it: nothing is lost.
        server.stop()
        record = project / "raw" / "drafts" / f"{DOCUMENT_ID}.review.json"
        before = record.read_bytes()
        server.start(env={"CLUSTERDW_FAULT_AT": "review-save"})
        browser.find_elements(By.CSS_SELECTOR, ".row")[4].click()
        WebDriverWait(browser, 30).until(lambda d: server.process.poll() is not None)
        assert server.process.returncode == -signal.SIGKILL
        assert record.read_bytes() == before  # the old review, whole: never half a file
        press_nowait = browser.find_element(By.TAG_NAME, "body")
        press_nowait.send_keys("a")  # 007-005, while the server is down: kept by the page until it is back
        WebDriverWait(browser, 10).until(
            lambda d: d.find_element(By.ID, "status").get_attribute("data-state") == "offline"
        )
        server.start()
        saved(browser)
        assert not list(record.parent.glob(f".{record.name}.*.tmp"))  # the killed save's temporary cleared
        assert decisions(browser) == ["accepted", "rejected", "accepted", "accepted", "accepted", "accepted"]

        browser.find_element(By.ID, "finish").click()
        WebDriverWait(browser, 60).until(lambda d: "Wrote raw/figures" in d.find_element(By.ID, "messages").text)
        assert "every evidence found verbatim" in browser.find_element(By.ID, "messages").text
    finally:
        if server.process.poll() is None:
            out = server.stop()
            assert "The review is saved" in out

    written = project / "raw" / "figures" / f"{DOCUMENT_ID}.csv"
    columns, rows = read_rows(written)
    assert columns == header
    expected = [draft[0], draft[2] | {"subject": "规上工业企业", "place": "柳州全市"}, draft[3]]
    added = rows[3]
    assert rows[:3] + rows[4:] == expected + [draft[4]]  # kept draft rows as drafted or edited, in order
    assert {
        k: added[k]
        for k in ("figure_id", "document_id", "evidence", "value", "unit", "metric_code", "period_kind", "qualifier")
    } == {
        "figure_id": "007-006",
        "document_id": DOCUMENT_ID,
        "evidence": MISSED,
        "value": "200000",
        "unit": "人",
        "metric_code": "talent_count",
        "period_kind": "as_of",
        "qualifier": "about",
    }
    aliases = (project / "raw" / "reference" / "place_aliases.csv").read_text(encoding="utf-8")
    assert aliases.endswith("\n柳州全市,liuzhou,written so in a review test\n")
    documents = list(csv.DictReader((project / "raw" / "documents.csv").open(encoding="utf-8")))
    assert [d["published"] for d in documents if d["document_id"] == DOCUMENT_ID] == ["2024-01-15"]
    assert json.loads(record.read_text(encoding="utf-8"))["finished"]
    result = cli(project, "load")
    assert result.exit_code == 0, result.output
    result = cli(project, "verify-evidence", "--documents", str(document.parent), "--document", DOCUMENT_ID)
    assert result.exit_code == 0, result.output
