"""Every numeric parameter of the competition's pages, given huge, negative and non-numeric
values: never a 500, never a change to the data.

The answer per kind of parameter (see `kipp.params`): a list's GET filter or page is
ignored (200); a value the page itself writes into the request (bulk ids, the form's
version, `?edisi=`) is a bad request (400); an id in the path names nothing (404); a field
the visitor fills or picks gets the form's own error (the form again, or the page's
usual redirect with a message).
"""

from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from kipp.enums import ProposalState as S
from kipp.models import (
    Category,
    Competition,
    CompetitionGroup,
    DeadlineExtension,
    Evidence,
    FormSection,
    Innovation,
    Proposal,
    ProposalEvent,
)
from tests.kipp import factories as kf
from tests.kipp.operator_helpers import form_data

HUGE = "99999999999999999999"  # beyond 2^64: OverflowError in SQLite's driver
BAD = [HUGE, "9223372036854775808", "2147483648", "-1", "0", "abc", "²"]
# What the URL converter lets through into a path id.
BAD_PATH = [HUGE, "9223372036854775808", "2147483648", "0"]


@dataclass(frozen=True)
class Case:
    name: str
    actor: str
    url: object  # callable(world, value) -> str
    expected: int
    method: str = "get"
    data: object = None  # callable(world, value) -> dict
    values: tuple = tuple(BAD)


@pytest.fixture
def world(babel, kipp2025):
    group = kipp2025.groups.get(kind="umum")
    return SimpleNamespace(
        babel=babel,
        competition=kipp2025,
        group=group,
        draft=kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="Draf"),
        submitted=kf.proposal(
            babel.kominfo, babel.operator_bb, competition=kipp2025, title="Aju", state=S.SUBMITTED
        ),
        forwarded=kf.proposal(
            babel.pdam, babel.admin_bb, competition=kipp2025, title="Terus", state=S.FORWARDED
        ),
    )


def _get(name, actor, path, param, expected, base=None):
    def url(w, v):
        query = {**(base(w) if base else {}), param: v}
        return path + "?" + "&".join(f"{key}={value}" for key, value in query.items())

    return Case(name, actor, url, expected)


def _edisi(w):
    return {"edisi": w.competition.pk}


def _post(name, actor, url, data, expected, values=tuple(BAD)):
    return Case(name, actor, url, expected, method="post", data=data, values=values)


SELECTION = "/seleksi/administrasi/"
CASES = [
    # GET filters and pages: ignored, 200 -------------------------------------------------
    _get("mine_page", "operator_bb", "/usulan/", "page", 200),
    _get("innovations_page", "operator_bb", "/usulan/inovasi/", "page", 200),
    _get("create_preselect", "operator_bb", "/usulan/baru/", "inovasi", 200),
    _get("competitions_page", "sekretariat", "/kompetisi/kelola/", "page", 200),
    *[
        _get(f"inbox_{param}", "admin_bb", "/verifikasi/", param, 200)
        for param in ("competition", "unit", "category", "group", "page")
    ],
    *[
        _get(
            f"inbox_export_{param}",
            "admin_bb",
            "/verifikasi/ekspor/",
            param,
            200,
            base=lambda w: {"format": "csv"},
        )
        for param in ("competition", "unit", "category", "group")
    ],
    *[
        _get(f"selection_{param}", "sekretariat", SELECTION, param, 200, base=_edisi)
        for param in ("province", "category", "page")
    ],
    *[
        _get(
            f"selection_export_{param}",
            "sekretariat",
            f"{SELECTION}ekspor/csv/",
            param,
            200,
            base=_edisi,
        )
        for param in ("province", "category")
    ],
    # Values the page writes itself: 400 ---------------------------------------------------
    _get("selection_edisi", "sekretariat", SELECTION, "edisi", 400),
    _get("selection_export_edisi", "sekretariat", f"{SELECTION}ekspor/csv/", "edisi", 400),
    _post(
        "bulk_ids",
        "sekretariat",
        lambda w, v: f"{SELECTION}{w.competition.pk}/massal/",
        lambda w, v: {"decision": "pass", "ids": [v]},
        400,
    ),
    _post(
        "bulk_ids_mixed_with_a_good_one",
        "sekretariat",
        lambda w, v: f"{SELECTION}{w.competition.pk}/massal/",
        lambda w, v: {"decision": "pass", "ids": [w.forwarded.pk, v]},
        400,
    ),
    _post(
        "autosave_version",
        "operator_bb",
        lambda w, v: f"/usulan/{w.draft.pk}/simpan-otomatis/",
        lambda w, v: form_data(w.draft, version=v, title="Berubah"),
        400,
    ),
    _post(
        "save_version",
        "operator_bb",
        lambda w, v: f"/usulan/{w.draft.pk}/ubah/",
        lambda w, v: form_data(w.draft, version=v, title="Berubah"),
        400,
    ),
    # Fields the visitor picks: the form's own error ---------------------------------------
    _post(
        "save_sdgs",
        "operator_bb",
        lambda w, v: f"/usulan/{w.draft.pk}/ubah/",
        lambda w, v: form_data(w.draft, sdgs=[v], title="Berubah"),
        200,
    ),
    _post(
        "save_category",
        "operator_bb",
        lambda w, v: f"/usulan/{w.draft.pk}/ubah/",
        lambda w, v: form_data(w.draft, category=v, title="Berubah"),
        200,
    ),
    _post(
        "create_group_and_innovation",
        "operator_bb",
        lambda w, v: "/usulan/baru/",
        lambda w, v: {"group": v, "innovation": v},
        200,
    ),
    _post(
        "innovation_unit",
        "operator_bb",
        lambda w, v: "/usulan/inovasi/baru/",
        lambda w, v: {"unit": v, "title": "Baru", "started_on": "2020-01-01"},
        200,
    ),
    _post(
        "evidence_kind",
        "operator_bb",
        lambda w, v: f"/usulan/{w.draft.pk}/bukti/unggah/",
        lambda w, v: {"kind": v},
        302,
    ),
    _post(
        "transition_target",
        "operator_bb",
        lambda w, v: f"/usulan/{w.submitted.pk}/status/",
        lambda w, v: {"to_state": v},
        302,
    ),
    _post(
        "competition_year_and_size",
        "sekretariat",
        lambda w, v: "/kompetisi/kelola/baru/",
        lambda w, v: {
            "name": "KIPP 2026",
            "slug": "kipp-2026",
            "year": v,
            "theme": "Tema",
            "registration_opens_at": "2026-02-02T08:00",
            "registration_closes_at": "2026-04-16T12:00",
            "verification_closes_at": "2026-04-30T23:59",
            "max_file_mb": v,
        },
        200,
    ),
    _post(
        "group_quota_and_age",
        "sekretariat",
        lambda w, v: f"/kompetisi/kelola/{w.competition.pk}/kelompok/{w.group.pk}/",
        lambda w, v: {"quota_per_instansi": v, "min_age_months": v},
        200,
    ),
    _post(
        "section_limit_and_order",
        "sekretariat",
        lambda w, v: f"/kompetisi/kelola/{w.competition.pk}/kelompok/{w.group.pk}/bagian/baru/",
        lambda w, v: {"title": "Dampak", "word_limit": v, "order": v},
        200,
    ),
    _post(
        "category_order",
        "sekretariat",
        lambda w, v: f"/kompetisi/kelola/{w.competition.pk}/kategori/baru/",
        lambda w, v: {"name": "Reformasi birokrasi", "order": v},
        200,
        values=tuple(v for v in BAD if v != "0"),  # 0 is a valid order
    ),
    _post(
        "extension_instansi",
        "sekretariat",
        lambda w, v: f"/kompetisi/kelola/{w.competition.pk}/perpanjangan/",
        lambda w, v: {"instansi": v, "registration_closes_at": "2030-01-01T12:00", "reason": "-"},
        200,
    ),
    # Ids in the path: 404 -----------------------------------------------------------------
    *[
        Case(f"path_{name}", actor, url, 404, values=tuple(BAD_PATH))
        for name, actor, url in [
            ("proposal", "operator_bb", lambda w, v: f"/usulan/{v}/"),
            ("proposal_edit", "operator_bb", lambda w, v: f"/usulan/{v}/ubah/"),
            ("evidence", "operator_bb", lambda w, v: f"/usulan/{w.draft.pk}/bukti/{v}/"),
            ("innovation_edit", "operator_bb", lambda w, v: f"/usulan/inovasi/{v}/ubah/"),
            ("verification", "admin_bb", lambda w, v: f"/verifikasi/{v}/"),
            ("competition", "sekretariat", lambda w, v: f"/kompetisi/kelola/{v}/"),
        ]
    ],
    *[
        _post(f"path_{name}", actor, url, lambda w, v: {"decision": "pass"}, 404, tuple(BAD_PATH))
        for name, actor, url in [
            ("autosave", "operator_bb", lambda w, v: f"/usulan/{v}/simpan-otomatis/"),
            (
                "evidence_delete",
                "operator_bb",
                lambda w, v: f"/usulan/{w.draft.pk}/bukti/{v}/hapus/",
            ),
            ("innovation_delete", "operator_bb", lambda w, v: f"/usulan/inovasi/{v}/hapus/"),
            ("decide", "sekretariat", lambda w, v: f"{SELECTION}usulan/{v}/"),
            ("bulk", "sekretariat", lambda w, v: f"{SELECTION}{v}/massal/"),
            (
                "section_delete",
                "sekretariat",
                lambda w, v: f"/kompetisi/kelola/{w.competition.pk}/bagian/{v}/hapus/",
            ),
        ]
    ],
]


def snapshot():
    """Everything the pages above could write."""
    return {
        "proposals": list(
            Proposal.objects.order_by("pk").values_list("pk", "state", "version", "title")
        ),
        "sdgs": list(Proposal.sdgs.through.objects.order_by("pk").values_list()),
        "events": ProposalEvent.objects.count(),
        "evidence": list(Evidence.objects.order_by("pk").values_list("pk")),
        "innovations": list(Innovation.objects.order_by("pk").values_list()),
        "competitions": list(Competition.objects.order_by("pk").values_list()),
        "groups": list(CompetitionGroup.objects.order_by("pk").values_list()),
        "sections": list(FormSection.objects.order_by("pk").values_list()),
        "categories": list(Category.objects.order_by("pk").values_list()),
        "extensions": list(DeadlineExtension.objects.order_by("pk").values_list()),
    }


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_numbers_never_fail_or_change_data(client, world, case):
    client.force_login(getattr(world.babel, case.actor))
    before = snapshot()

    outcomes = {}
    for value in case.values:
        url = case.url(world, value)
        if case.method == "post":
            response = client.post(url, case.data(world, value))
        else:
            response = client.get(url)
        outcomes[value] = response.status_code

    assert outcomes == dict.fromkeys(case.values, case.expected)
    assert snapshot() == before


def test_a_good_bulk_request_still_decides(client, world):
    client.force_login(world.babel.sekretariat)

    response = client.post(
        f"{SELECTION}{world.competition.pk}/massal/",
        {"decision": "pass", "ids": [str(world.forwarded.pk), f" {world.forwarded.pk}"]},
    )

    assert response.status_code == 302
    world.forwarded.refresh_from_db()
    assert world.forwarded.state == S.ADMIN_PASSED


def test_a_page_past_the_end_shows_the_last_page(client, world):
    client.force_login(world.babel.operator_bb)

    response = client.get(f"/usulan/?page={HUGE}")

    assert response.status_code == 200
    assert response.context["page_obj"].number == 1
    assert len(response.context["proposals"]) == 2
