"""The timed scenarios, each driven through its URL path as a browser would.

Paths, not view imports or URL names: the views may move between modules, the addresses
people bookmark do not.
"""

import html
import math
import re
from urllib.parse import urljoin

from django.test import Client

from kipp.models import Proposal

from .measure import Scenario, ScenarioFailed

LIST_PAGE_SIZE = 25  # only used when a page shows no way to reach its last page

ORGANISATION = [
    ("admin_lokal", "/kelola/akun/", "account list (Admin Lokal)", "list"),
    ("admin_lokal", "/kelola/unit/", "unit list (Admin Lokal)", "list"),
    ("admin_lokal", "/dasbor/", "dashboard (Admin Lokal)", None),
    ("sekretariat", "/kelola/akun/", "account list (Sekretariat)", "list"),
    ("sekretariat", "/kelola/instansi/", "instansi list (Sekretariat)", "list"),
    ("sekretariat", "/kelola/wilayah/", "region list (Sekretariat)", "list"),
    ("sekretariat", "/dasbor/", "dashboard (Sekretariat)", None),
]


def get(path: str):
    return lambda client: client.get(path)


def page(key, label, path, user=None, goal="list") -> Scenario:
    return Scenario(key=key, label=label, call=get(path), user=user, goal=goal, path=path)


def organisation_scenarios(actors: dict) -> list[Scenario]:
    return [
        page(f"org:{path}:{who}", label, path, actors[who], goal)
        for who, path, label, goal in ORGANISATION
    ]


def bare(proposal_id: int, user) -> Scenario:
    return page(
        "bare", "bare view (1 indexed query)", f"/bench/bare/?pk={proposal_id}", user, "bare"
    )


def shell(proposal_id: int, user) -> Scenario:
    """The layout alone around the bare page's query (informational: no goal)."""
    return page(
        "shell", "page shell (layout + 1 query)", f"/bench/shell/?pk={proposal_id}", user, None
    )


def inbox(user) -> Scenario:
    return page("inbox", "Admin Lokal inbox, page 1", "/verifikasi/", user)


def selection(user, path="/seleksi/administrasi/", *, last=False) -> Scenario:
    if last:
        return page("selection_last", "Sekretariat selection, last page", path, user)
    return page("selection_first", "Sekretariat selection, page 1", path, user)


def announcement(slug: str) -> Scenario:
    path = f"/pengumuman/{slug}/seleksi-administrasi/"
    return page("announcement", "public announcement (anonymous)", path)


# Finding the last page -------------------------------------------------------------------

ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
HREF = re.compile(r'href="([^"]*)"')
PAGE_OF = re.compile(r"(?:Halaman|Page)\s+\d[\d.,]*\s+(?:dari|of)\s+(\d[\d.,]*)")
NEXT_LINK = re.compile(r"<a\b[^>]*>\s*(?:Berikutnya|Next)\b")
LAST_TEXTS = {"terakhir", "last", "»", "&raquo;"}


def _with_page(path: str, number: int) -> str:
    joiner = "&" if "?" in path else "?"
    return f"{path}{joiner}page={number}"


def last_page_path(client: Client, path: str, *, rows: int) -> tuple[str, str]:
    """The address of the list's last page and how it was found.

    In order: a link marked as the last page (rel="last" or "Terakhir"); the "Halaman 1
    dari N" label; the highest page number linked; the row count divided by the page size.
    The page found must answer 200 and offer no "Berikutnya" link.
    """
    response = client.get(path)
    text = response.content.decode()
    found = None
    for attrs, label in ANCHOR.findall(text):
        href = HREF.search(attrs)
        plain = re.sub(r"<[^>]+>", "", label).strip().lower()
        if href and ('rel="last"' in attrs or plain in LAST_TEXTS):
            found = (urljoin(path, html.unescape(href[1])), "its 'last page' link")
            break
    if found is None and (match := PAGE_OF.search(text)):
        total = int(re.sub(r"[.,]", "", match[1]))
        found = (_with_page(path, total), f"the 'Halaman 1 dari {total}' label")
    if found is None:
        numbers = [int(n) for n in re.findall(r"[?&](?:amp;)?page=(\d+)", text)]
        if numbers:
            found = (_with_page(path, max(numbers)), "the highest page number linked")
    if found is None:
        total = max(1, math.ceil(rows / LIST_PAGE_SIZE))
        found = (_with_page(path, total), f"{rows} rows / {LIST_PAGE_SIZE} per page")
    last = client.get(found[0])
    if last.status_code != 200 or NEXT_LINK.search(last.content.decode()):
        raise ScenarioFailed(f"{found[0]} (from {found[1]}) is not the last page of {path}")
    return found


# Writes ----------------------------------------------------------------------------------

VERSION = re.compile(r'name="version"[^>]*value="(\d+)"')
EDITED_SECTION = "ringkasan"


def autosave_form(proposal: Proposal) -> dict:
    """What the proposal form posts (every field, as htmx sends the whole form), without
    the version; expects `sdgs` prefetched."""
    form = {
        "title": proposal.title,
        "category": str(proposal.category_id or ""),
        "sdgs": [str(goal.pk) for goal in proposal.sdgs.all()],
        "innovator_kind": proposal.innovator_kind,
        "video_url": "",
        "truth_statement": "on",
        **{f"section_{key}": text for key, text in proposal.sections.items()},
    }
    for index, member in enumerate(proposal.team):
        for part in ("name", "position", "phone", "email"):
            form[f"team_{index}_{part}"] = member.get(part, "")
    return form


class Autosave:
    """POSTs the whole proposal form as htmx does, one more sentence each time, with the
    version the previous answer handed back; checks the text was stored."""

    def __init__(self, proposal_id: int):
        proposal = Proposal.objects.prefetch_related("sdgs").get(pk=proposal_id)
        self.pk, self.path = proposal_id, f"/usulan/{proposal_id}/simpan-otomatis/"
        self.version = proposal.version
        self.form = autosave_form(proposal)
        self.base_text = proposal.sections.get(EDITED_SECTION, "")
        self.sent = ""
        self.count = 0

    def __call__(self, client: Client):
        self.count += 1
        self.sent = f"{self.base_text} Revisi ke-{self.count} menambah satu kalimat."
        data = {**self.form, "version": str(self.version), f"section_{EDITED_SECTION}": self.sent}
        response = client.post(self.path, data, headers={"HX-Request": "true"})
        if response.status_code == 200:
            match = VERSION.search(response.content.decode())
            self.version = int(match[1]) if match else self.version + 1
        return response

    def verify(self, response) -> None:
        stored = Proposal.objects.filter(pk=self.pk).values_list("sections", flat=True).first()
        if (stored or {}).get(EDITED_SECTION) != self.sent:
            raise ScenarioFailed("autosave answered 200 but the text was not stored")

    def scenario(self, user) -> Scenario:
        return Scenario(
            key="autosave",
            label="autosave (operator)",
            call=self,
            user=user,
            goal="autosave",
            verify=self.verify,
            path=self.path,
        )


class Submit:
    """POSTs the move to "submitted" for a fresh eligible draft each time; checks it moved."""

    def __init__(self, draft_ids: list[int]):
        self.pending = list(draft_ids)
        self.last = None

    def __call__(self, client: Client):
        if not self.pending:
            raise ScenarioFailed("no fresh draft left to submit")
        self.last = self.pending.pop(0)
        return client.post(f"/usulan/{self.last}/status/", {"to_state": "submitted"})

    def verify(self, response) -> None:
        state = Proposal.objects.filter(pk=self.last).values_list("state", flat=True).first()
        if state != "submitted":
            raise ScenarioFailed(f"proposal {self.last} is {state!r} after submitting")

    def scenario(self, user) -> Scenario:
        return Scenario(
            key="submit",
            label="submit a draft (operator)",
            call=self,
            user=user,
            goal="submit",
            expect=(302,),
            verify=self.verify,
            path="/usulan/<pk>/status/",
        )
