"""Headers of every page: the Content-Security-Policy and Permissions-Policy (no inline
script, style or handler left), and no-store on pages that show a temporary password."""

from pathlib import Path

import pytest
from django.utils import timezone

from hubs.models import User
from kipp.enums import ProposalState as S
from tests import factories as f
from tests.kipp import factories as kf

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)


def directives(policy: str) -> dict[str, list[str]]:
    """A policy header as {directive: sources}; the order of directives carries no meaning."""
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


# 2. Content-Security-Policy and Permissions-Policy on every page -------------------------


@pytest.fixture
def pages(babel):
    """Objects behind the pages of each role: a competition, a draft, a submitted proposal."""
    competition = kf.competition()
    competition.admin_results_published_at = timezone.now()
    competition.save(update_fields=["admin_results_published_at"])
    draft = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=competition, title="Draf Satu"
    )
    submitted = kf.proposal(
        babel.pdam, babel.operator_bb, competition=competition, title="Diajukan", state=S.SUBMITTED
    )
    superuser = f.UserFactory(username="root", is_staff=True, is_superuser=True)
    return {
        None: [
            "/",
            "/accounts/login/",
            "/accounts/password_reset/",
            "/accounts/password_reset/done/",
            "/accounts/reset/done/",
            f"/pengumuman/{competition.slug}/seleksi-administrasi/",
        ],
        babel.operator_bb: [
            "/dasbor/",
            "/notifikasi/",
            "/accounts/password_change/",
            "/usulan/",
            "/usulan/baru/",
            "/usulan/inovasi/",
            "/usulan/inovasi/baru/",
            f"/usulan/{draft.pk}/",
            f"/usulan/{draft.pk}/ubah/",
        ],
        babel.admin_bb: [
            "/dasbor/",
            "/kelola/akun/",
            "/kelola/akun/baru/",
            f"/kelola/akun/{babel.operator_bb.pk}/ubah/",
            "/kelola/unit/",
            "/kelola/unit/baru/",
            f"/kelola/unit/{babel.kominfo.pk}/ubah/",
            "/verifikasi/",
            f"/verifikasi/{submitted.pk}/",
        ],
        babel.sekretariat: [
            "/dasbor/",
            "/kompetisi/kelola/",
            "/kompetisi/kelola/baru/",
            f"/kompetisi/kelola/{competition.pk}/",
            f"/kompetisi/kelola/{competition.pk}/ubah/",
            "/seleksi/administrasi/",
            "/kelola/instansi/",
            "/kelola/instansi/baru/",
            "/kelola/hub/",
            "/kelola/hub/baru/",
            "/kelola/wilayah/",
        ],
        babel.evaluator: ["/dasbor/"],
        babel.hub_admin: ["/dasbor/"],
        superuser: [
            "/admin/",
            "/admin/hubs/user/",
            f"/admin/hubs/user/{babel.admin_bb.pk}/change/",
        ],
    }


def test_every_page_of_every_role_carries_the_policies(client, pages):
    seen = 0
    for user, urls in pages.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for url in urls:
            response = client.get(url)

            assert (url, response.status_code) == (url, 200)
            assert response["Content-Type"].startswith("text/html")
            assert directives(response["Content-Security-Policy"]) == directives(CSP), url
            assert "camera=()" in response["Permissions-Policy"]
            seen += 1
    assert seen == sum(len(urls) for urls in pages.values())


def test_error_pages_carry_the_policy_too(client, babel):
    client.force_login(babel.operator_bb)

    missing = client.get("/tidak-ada-halaman-ini/")
    hidden = client.get("/kelola/wilayah/")  # another role's area answers 404

    assert (missing.status_code, hidden.status_code) == (404, 404)
    assert directives(missing["Content-Security-Policy"]) == directives(CSP)
    assert directives(hidden["Content-Security-Policy"]) == directives(CSP)


def test_pages_hold_no_inline_script_style_or_handler(client, pages):
    import re

    inline = re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>"
        r"|<style\b|\sstyle=\"|\son[a-z]+=\"|javascript:|hx-on",
        re.IGNORECASE,
    )
    for user, urls in pages.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for url in urls:
            html = client.get(url).content.decode()

            assert inline.findall(html) == [], url


def test_no_template_carries_an_inline_style_or_script():
    """Pages outside the walk above too: a `<style>` block or a `style=""` attribute in any
    template would be refused by the policy (and logged on the console)."""
    import re

    from django.conf import settings

    inline = re.compile(r"<style\b|\sstyle=\"|<script(?![^>]*\bsrc=)(?![^>]*application/json)")
    comment = re.compile(r"{#.*?#}|{% comment %}.*?{% endcomment %}", re.DOTALL)
    found = [
        f"{path.relative_to(settings.BASE_DIR)}: {match}"
        for root in settings.TEMPLATES[0]["DIRS"]
        for path in sorted(Path(root).rglob("*.html"))
        for match in inline.findall(comment.sub("", path.read_text()))
    ]
    assert found == []


def test_htmx_does_not_inject_its_indicator_style(client, db):
    html = client.get("/").content.decode()

    assert '"includeIndicatorStyles": false' in html


# 3. Temporary passwords are never cached ---------------------------------------------------


def test_account_creation_page_with_the_password_is_not_stored(client, babel):
    client.force_login(babel.admin_bb)

    response = client.post(
        "/kelola/akun/baru/",
        {
            "username": "upp.baru",
            "name": "Operator Baru",
            "email": "baru@contoh.go.id",
            "role": "operator",
            "unit": babel.pdam.pk,
        },
    )

    assert response.status_code == 200
    assert 'id="kata-sandi-sementara"' in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert User.objects.get(username="upp.baru").must_change_password is True


def test_password_reset_page_with_the_password_is_not_stored(client, babel):
    client.force_login(babel.admin_bb)
    before = babel.operator_bb.password

    response = client.post(f"/kelola/akun/{babel.operator_bb.pk}/reset-sandi/")

    babel.operator_bb.refresh_from_db()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert babel.operator_bb.password != before


def test_ordinary_pages_keep_their_caching(client, babel):
    client.force_login(babel.admin_bb)

    response = client.get("/kelola/akun/")

    assert "no-store" not in response.get("Cache-Control", "")
