"""Fixtures of the replication tests: a Babel programme, a catalogue innovation from outside
the province, mentors of two hubs, and a commitment of Bangka Barat."""

from datetime import date
from types import SimpleNamespace

import pytest

from hubs.enums import Role
from kipp.enums import ProposalState as S
from kipp.enums import ResultLevel
from replication.services import commitments, programmes
from tests import factories as f
from tests.kipp import factories as kf


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded documents go to a temporary folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


def mentor(hub, username):
    return f.organiser(Role.MENTOR, hub=hub, username=username)


@pytest.fixture
def repl(babel):
    """Babel plus: the Sumsel hub (admin and mentor), the Babel mentor, a Top 99 innovation
    of Muara Enim (the source), the Babel 2021 programme and Bangka Barat's commitment."""
    b = babel
    sumsel = f.HubFactory(province=b.muara_enim.region.parent)
    muara_unit = f.UnitFactory(instansi=b.muara_enim, name="Dinas Penanaman Modal dan PTSP")
    muara_operator = f.operator(muara_unit, username="upp.me")
    kipp2023 = kf.competition(name="KIPP 2023", year=2023)
    source = kf.history(
        muara_unit,
        muara_operator,
        competition=kipp2023,
        title="Izin Kilat Muara Enim",
        reached=[S.SUBMITTED, S.FORWARDED, S.ADMIN_PASSED],
        results=[ResultLevel.TOP99],
    ).innovation
    programme = programmes.programme_create(
        actor=b.hub_admin,
        hub=b.hub,
        name="Replikasi Inovasi Pelayanan Publik Kepulauan Bangka Belitung 2021",
        year=2021,
        starts_on=date(2021, 3, 1),
        ends_on=date(2021, 12, 31),
        signing_on=date(2021, 3, 25),
        signing_place="Pangkalpinang",
        invited=[b.bangka_barat, b.bangka_tengah],
    )
    commitment = commitments.commitment_create(
        actor=b.admin_bb,
        programme=programme,
        instansi=b.bangka_barat,
        source_innovation=source,
        title="Izin Kilat Bangka Barat",
    )
    return SimpleNamespace(
        babel=b,
        sumsel=sumsel,
        muara_unit=muara_unit,
        kipp2023=kipp2023,
        source=source,
        programme=programme,
        commitment=commitment,
        mentor=mentor(b.hub, "pendamping.ubb"),
        mentor_sumsel=mentor(sumsel, "pendamping.sumsel"),
        hub_sumsel=f.hub_admin(sumsel, username="hub.sumsel"),
    )
