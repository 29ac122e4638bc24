"""Who enters the competition's organiser areas: national Sekretariat, hub admin, and a
Sekretariat member attached to a hub (for that hub's competitions only)."""

from hubs.enums import Role
from tests import factories as f
from tests.kipp import factories as kf


def test_hub_sekretariat_runs_its_hub_competition_only(client, babel, kipp2025):
    hub_competition = kf.competition(name="Kompetisi Inovasi Babel 2025", hub=babel.hub)
    member = f.organiser(Role.SEKRETARIAT, hub=babel.hub, username="sekretariat.babel")
    client.force_login(member)

    assert member.has_perm("kipp.select_admin")
    assert member.has_perm("kipp.manage_competitions")
    assert client.get(f"/kompetisi/kelola/{hub_competition.pk}/").status_code == 200
    assert client.get(f"/kompetisi/kelola/{kipp2025.pk}/").status_code == 404
    assert client.get(f"/seleksi/administrasi/?edisi={hub_competition.pk}").status_code == 200


def test_judges_and_proposers_are_not_organisers(babel):
    for user in (babel.evaluator, babel.operator_bb, babel.admin_bb):
        assert not user.has_perm("kipp.select_admin")
        assert not user.has_perm("kipp.manage_competitions")
