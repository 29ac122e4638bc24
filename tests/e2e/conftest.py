"""Headless Chromium through Playwright for browser journeys; skipped without Chromium."""

import os
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = Path(os.environ.get("KIPP_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "e2e"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    reason = None
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM} (install Debian's chromium package)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "Playwright for Python is not installed"
    for item in items:
        if "e2e" in item.nodeid.split("::")[0]:
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


# axe-core rules results that fail a browser test (moderate and minor ones are reported by
# Lighthouse and reviewed by hand).
FAILING_IMPACTS = frozenset({"serious", "critical"})
AXE_WIDTHS = (375, 1280)


def axe_problems(page) -> list[str]:
    """Serious and critical axe-core violations of the page as it is now, at 375 and 1280
    px wide (the viewport is set back afterwards). axe-core ships inside the
    axe-playwright-python package; nothing is fetched from a CDN."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    original = page.viewport_size
    problems = []
    try:
        for width in AXE_WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            results = axe.run(page)
            for violation in results.response["violations"]:
                if violation["impact"] not in FAILING_IMPACTS:
                    continue
                targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
                problems.append(
                    f"{page.url} @{width}px {violation['impact']} {violation['id']}: "
                    f"{violation['help']} -> {targets}"
                )
    finally:
        if original:
            page.set_viewport_size(original)
    return problems


class AuditedBrowser:
    """The Playwright browser, watching every page its contexts open: each URL a page
    navigates to is checked with axe-core, either by the test itself (`audit(page)`) or at
    the end of the test, when whatever was not yet checked is opened again (GET, same
    cookies) and checked. The test fails on any serious or critical violation."""

    def __init__(self, browser):
        self._browser = browser
        self._contexts = []
        self.visited: list[str] = []
        self.audited: set[str] = set()
        self.problems: list[str] = []

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        context.on("page", self._watch)
        self._contexts.append(context)
        return context

    def new_page(self, **kwargs):
        return self.new_context(**kwargs).new_page()

    def _watch(self, page):
        def navigated(frame):
            if frame == page.main_frame and frame.url.startswith("http"):
                self.visited.append(frame.url)

        page.on("framenavigated", navigated)

    def audit(self, page) -> None:
        """Check the page now (after the test brought it to the state worth checking)."""
        page.wait_for_load_state("load")
        self.audited.add(page.url)
        self.problems.extend(axe_problems(page))

    def audit_the_rest(self) -> None:
        from playwright.sync_api import Error as PlaywrightError

        pending = [url for url in dict.fromkeys(self.visited) if url not in self.audited]
        if not pending:
            return
        contexts = [c for c in self._contexts if c.pages] or self._contexts
        for url in pending:
            for context in contexts:
                try:
                    page = context.new_page()
                except PlaywrightError:  # a context the test closed
                    continue
                response = page.goto(url)
                if response is not None and response.ok:
                    self.audit(page)
                page.close()
                break


@pytest.fixture
def browser(request):
    from playwright.sync_api import sync_playwright

    # The Playwright driver runs an event loop in this thread; the test's own ORM calls are
    # still synchronous and safe.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        audited = AuditedBrowser(browser)
        yield audited
        if not request.node.get_closest_marker("no_axe"):
            audited.audit_the_rest()
        browser.close()
        # While Playwright's event loop runs, Django keeps the test's database connections
        # in a context of their own; close them before the loop ends, or PostgreSQL refuses
        # to drop the test database at the end of the run.
        connections.close_all()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous
    assert not audited.problems, "axe-core:\n" + "\n".join(dict.fromkeys(audited.problems))


@pytest.fixture
def audit(browser):
    """`audit(page)`: check the page with axe-core now, at 375 and 1280 px."""
    return browser.audit


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under artifacts/e2e/ and return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """The live server, started after (and so stopped before) the test database.

    Its thread holds its own database connection; on PostgreSQL the test database cannot be
    dropped while that connection is open, so the server must stop first.
    """
    return live_server
