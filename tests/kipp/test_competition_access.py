"""Who may open each competition configuration screen and make each change.

Actors: the national Sekretariat organises national competitions, the Babel hub admin the
Babel hub's provincial competitions; an operator, an Admin Lokal, a judge and an anonymous
visitor organise nothing. People with two roles get what their organiser role gives, in
its scope only.
"""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, resolve

from kipp.enums import EvidenceKind
from kipp.models import (
    Category,
    Competition,
    CompetitionDocument,
    CompetitionGroup,
    DeadlineExtension,
    FormSection,
)
from tests.access import TWO_ROLE_ACTORS, Case, check_access, two_role_people, with_two_role_actors
from tests.access import statuses as _statuses
from tests.kipp import factories as kf
from tests.kipp.competition_helpers import (
    NEW_COMPETITION,
    _category,
    _section,
    _umum,
    competition_data,
    wib_input,
)

ACTORS = ("anon", "operator", "admin_lokal", "evaluator", "sekretariat", "hub")
ACTOR_ATTR = {
    "operator": "operator_bb",
    "admin_lokal": "admin_bb",
    "evaluator": "evaluator",
    "sekretariat": "sekretariat",
    "hub": "hub_admin",
}
# A national Sekretariat who is a panelist of the Babel hub organises national competitions
# only; an evaluator who is the Babel hub admin organises Babel's; an Admin Lokal who is also
# an operator organises nothing.
MIRRORS = {"sek_panelist_hub": "sekretariat", "admin_operator": "operator", "evaluator_hub": "hub"}
ORGANISERS = {"sekretariat": 200, "hub": 200}


def statuses(default: int, anon: int = 302, **overrides: int) -> dict[str, int]:
    return _statuses(ACTORS, default, anon, **overrides)


def _competition_cases(label: str, attr: str, owner: str) -> list[Case]:
    """Every configuration view and POST on one competition: its organiser only."""

    def pick(e):
        return getattr(e, attr)

    def base(e):
        return f"/kompetisi/kelola/{pick(e).pk}/"

    def ok(code):
        return statuses(404, **{owner: code})

    def post(name, url, data):
        return Case(
            f"{label}_{name}",
            url,
            ok(302),
            method="post",
            data=data,
            changes=frozenset({owner}),
        )

    return [
        Case(f"{label}_detail", lambda b, e: base(e), ok(200)),
        Case(f"{label}_update", lambda b, e: base(e) + "ubah/", ok(200)),
        post(
            "update_post",
            lambda b, e: base(e) + "ubah/",
            lambda b, e: competition_data(pick(e), theme="Tema baru"),
        ),
        post(
            "group_update",
            lambda b, e: base(e) + f"kelompok/{_umum(pick(e)).pk}/",
            lambda b, e: {
                "quota_per_instansi": 7,
                "min_age_months": 18,
                "required_evidence": [EvidenceKind.INNOVATOR_DECREE],
            },
        ),
        post(
            "section_create",
            lambda b, e: base(e) + f"kelompok/{_umum(pick(e)).pk}/bagian/baru/",
            lambda b, e: {"title": "Dampak", "help_text": "", "word_limit": 300, "order": 9},
        ),
        post(
            "section_update",
            lambda b, e: base(e) + f"bagian/{_section(pick(e)).pk}/",
            lambda b, e: {"title": "Ringkasan inovasi", "word_limit": 250, "order": 0},
        ),
        post(
            "section_delete",
            lambda b, e: base(e) + f"bagian/{_section(pick(e)).pk}/hapus/",
            lambda b, e: {},
        ),
        Case(
            f"{label}_section_delete_by_get",
            lambda b, e: base(e) + f"bagian/{_section(pick(e)).pk}/hapus/",
            # The method is refused before any competition is looked up: 405 reveals nothing.
            statuses(404, sekretariat=405, hub=405),
        ),
        post(
            "category_create",
            lambda b, e: base(e) + "kategori/baru/",
            lambda b, e: {"name": "Reformasi birokrasi", "order": 20},
        ),
        post(
            "category_update",
            lambda b, e: base(e) + f"kategori/{_category(pick(e)).pk}/",
            lambda b, e: {"name": "Lingkungan hidup berkelanjutan", "order": 8},
        ),
        post(
            "category_delete",
            lambda b, e: base(e) + f"kategori/{_category(pick(e)).pk}/hapus/",
            lambda b, e: {},
        ),
        post(
            "extension_set",
            lambda b, e: base(e) + "perpanjangan/",
            lambda b, e: {
                "instansi": b.bangka_barat.pk,
                "registration_closes_at": wib_input(
                    pick(e).registration_closes_at + timedelta(days=2)
                ),
                "reason": "Surat Bupati Bangka Barat",
            },
        ),
        post(
            "extension_delete",
            lambda b, e: base(e) + f"perpanjangan/{pick(e).extensions.get().pk}/hapus/",
            lambda b, e: {},
        ),
        post(
            "document_add",
            lambda b, e: base(e) + "dokumen/",
            lambda b, e: {
                "kind": "guideline",
                "title": "Juknis",
                "file": SimpleUploadedFile("juknis.pdf", kf.pdf_of_size(1200), "application/pdf"),
            },
        ),
        post(
            "document_remove",
            lambda b, e: base(e) + f"dokumen/{_document(pick(e), b).pk}/hapus/",
            lambda b, e: {},
        ),
    ]


def _document(competition, babel) -> CompetitionDocument:
    """The competition's one document, stored for the case if it has none yet."""
    found = competition.documents.first()
    if found:
        return found
    document = CompetitionDocument(
        competition=competition,
        kind="template",
        title="Templat",
        original_name="templat.pdf",
        content_type="application/pdf",
        size=1200,
        uploaded_by=babel.sekretariat,
    )
    document.file.save("templat.pdf", ContentFile(kf.pdf_of_size(1200)), save=False)
    document.save()
    return document


BASE_CASES = [
    Case("competition_list", lambda b, e: "/kompetisi/kelola/", statuses(404, **ORGANISERS)),
    Case("competition_create", lambda b, e: "/kompetisi/kelola/baru/", statuses(404, **ORGANISERS)),
    Case(
        "competition_create_post",
        lambda b, e: "/kompetisi/kelola/baru/",
        statuses(404, sekretariat=302, hub=302),
        method="post",
        data=lambda b, e: NEW_COMPETITION,
        changes=frozenset({"sekretariat", "hub"}),
    ),
    *_competition_cases("national", "national", "sekretariat"),
    *_competition_cases("provincial", "provincial", "hub"),
]


def snapshot():
    """Everything a view of this area could write, in a comparable form."""
    return {
        "competitions": list(Competition.objects.order_by("pk").values_list()),
        "groups": list(CompetitionGroup.objects.order_by("pk").values_list()),
        "sections": list(FormSection.objects.order_by("pk").values_list()),
        "categories": list(Category.objects.order_by("pk").values_list()),
        "extensions": list(DeadlineExtension.objects.order_by("pk").values_list()),
        "documents": list(CompetitionDocument.objects.order_by("pk").values_list()),
    }


CASES = with_two_role_actors(BASE_CASES, MIRRORS)


@pytest.mark.parametrize("actor", ACTORS + TWO_ROLE_ACTORS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_access(client, babel, competitions, case, actor):
    two_role_people(babel)
    user = None if actor == "anon" else getattr(babel, ACTOR_ATTR.get(actor, actor))
    check_access(
        client, user=user, actor=actor, case=case, context=(babel, competitions), snapshot=snapshot
    )


def test_every_competition_url_is_in_the_matrix(babel, competitions):
    covered = {resolve(case.url(babel, competitions)).route for case in CASES}
    routes = {
        str(p.pattern)
        for p in get_resolver("kipp.urls").url_patterns
        if str(p.pattern).startswith("kompetisi/kelola/")
    }
    assert routes - covered == set()


def test_menu_links_to_competition_list_for_organisers_only(client, babel):
    client.force_login(babel.hub_admin)
    assert 'href="/kompetisi/kelola/"' in client.get("/dasbor/").content.decode()
    client.force_login(babel.admin_bb)
    assert 'href="/kompetisi/kelola/"' not in client.get("/dasbor/").content.decode()
