"""An anonymous visitor searches the innovation database, filters by province, opens a
winner and downloads the filtered list as CSV; axe-core finds no serious or critical
violation on these pages, at 375 and 1280 px; the API docs run under our CSP."""

import csv
import io

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.public.conftest import public_db  # noqa: F401 - the public database fixture

VIEWPORTS = {"375": {"width": 375, "height": 812}, "1280": {"width": 1280, "height": 900}}
BLOCKED = ("Content Security Policy", "Refused to")


def serious(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]} "
        f"{[n.get('failureSummary', '')[:200] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


@pytest.mark.parametrize("width", sorted(VIEWPORTS))
def test_visitor_searches_filters_opens_a_winner_and_downloads(
    transactional_db,
    public_db,  # noqa: F811 - the fixture imported above
    live_server,
    browser,
    screenshot,
    tmp_path,
    width,
):
    context = browser.new_context(viewport=VIEWPORTS[width], locale="id-ID", accept_downloads=True)
    console: list[str] = []
    context.on("console", lambda message: console.append(message.text))
    page = context.new_page()
    base = live_server.url

    page.goto(f"{base}/inovasi/")
    page.fill("#id_q", "layanan")
    page.click("#tombol-cari")
    page.wait_for_load_state("load")
    found = page.locator("#daftar-inovasi tbody tr").all_inner_texts()
    assert any("Layanan Perizinan Terpadu Satu Pintu" in row for row in found)

    page.select_option("#id_provinsi", label="Kepulauan Bangka Belitung")
    page.fill("#id_q", "")
    page.click("#tombol-cari")
    page.wait_for_load_state("load")
    rows = page.locator("#daftar-inovasi tbody tr").all_inner_texts()
    assert len(rows) == 4 and all("Kepulauan Bangka Belitung" in row for row in rows)
    assert serious(page) == []
    screenshot(page, f"public-innovations-{width}")

    with page.expect_download() as download_info:
        page.click("#unduh-inovasi-csv")
    path = tmp_path / "inovasi.csv"
    download_info.value.save_as(path)
    lines = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert sorted(line[2] for line in lines[1:]) == sorted(
        row.split("\n")[0].strip() for row in rows
    )

    page.goto(f"{base}/pemenang/")
    page.click("text=KIPP 2023")
    page.wait_for_load_state("load")
    assert serious(page) == []
    page.click("text=Layanan Perizinan Terpadu Satu Pintu")
    page.wait_for_load_state("load")
    assert page.inner_text("#judul-pemenang") == "Layanan Perizinan Terpadu Satu Pintu"
    assert "Top 45" in page.inner_text("#capaian")
    assert serious(page) == []
    screenshot(page, f"public-winner-{width}")

    page.goto(f"{base}/")
    assert serious(page) == []
    screenshot(page, f"public-home-{width}")
    assert not [m for m in console if any(b in m for b in BLOCKED)]
    context.close()


def test_api_docs_run_under_the_content_security_policy(
    transactional_db, live_server, browser, screenshot
):
    context = browser.new_context(viewport=VIEWPORTS["1280"])
    console: list[str] = []
    context.on("console", lambda message: console.append(message.text))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.wait_for_selector("#swagger-ui .info", timeout=15000)
    assert "Portal KIPP" in page.inner_text("#swagger-ui .info")
    assert page.locator("#swagger-ui .opblock").count() >= 14
    screenshot(page, "public-api-docs-1280")
    assert not [m for m in console if any(b in m for b in BLOCKED)], console
    assert errors == []
    context.close()
