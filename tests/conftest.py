"""Shared fixtures: a small Babel organisation with one actor per role."""

from types import SimpleNamespace

import pytest

from hubs.enums import InstansiKind, Role
from tests import factories as f


@pytest.fixture
def babel(db):
    """Two Babel kabupaten (Bangka Barat and Bangka Tengah) with units and people.

    Actors (healthchecks' alice/bob/charlie pattern):
    - admin_bb: Admin Lokal of Bangka Barat (the owner role for people management)
    - admin_bb2: a colleague Admin Lokal of the same instansi
    - operator_bb: Operator UPP of Dinas Kominfo Bangka Barat
    - admin_bt: Admin Lokal of Bangka Tengah (an outsider from another instansi)
    - operator_bt: Operator UPP in Bangka Tengah
    - evaluator: Tim Evaluasi (a judge); panelist: Tim Panel Independen
    - sekretariat: national Sekretariat KIPP
    - hub_admin: Admin Hub JIPP of Kepulauan Bangka Belitung
    """
    province = f.ProvinceFactory(code="19", name="Kepulauan Bangka Belitung")
    bb_region = f.RegencyFactory(code="19.05", name="Kabupaten Bangka Barat", parent=province)
    bt_region = f.RegencyFactory(code="19.04", name="Kabupaten Bangka Tengah", parent=province)
    outside_province = f.ProvinceFactory(code="16", name="Sumatera Selatan")
    muara_enim = f.RegencyFactory(
        code="16.03", name="Kabupaten Muara Enim", parent=outside_province
    )
    bangka_barat = f.InstansiFactory(
        name="Pemerintah Kabupaten Bangka Barat", kind=InstansiKind.KABUPATEN, region=bb_region
    )
    bangka_tengah = f.InstansiFactory(
        name="Pemerintah Kabupaten Bangka Tengah", kind=InstansiKind.KABUPATEN, region=bt_region
    )
    muara = f.InstansiFactory(
        name="Pemerintah Kabupaten Muara Enim", kind=InstansiKind.KABUPATEN, region=muara_enim
    )
    kominfo = f.UnitFactory(instansi=bangka_barat, name="Dinas Komunikasi dan Informatika")
    pdam = f.UnitFactory(instansi=bangka_barat, name="PDAM Tirta Sejiran Setason")
    disdukcapil = f.UnitFactory(
        instansi=bangka_tengah, name="Dinas Kependudukan dan Pencatatan Sipil"
    )
    hub = f.HubFactory(province=province)
    people = {
        "admin_bb": f.admin_lokal(bangka_barat, username="admin.bb"),
        "admin_bb2": f.admin_lokal(bangka_barat, username="admin.bb2"),
        "operator_bb": f.operator(kominfo, username="upp.kominfo.bb"),
        "admin_bt": f.admin_lokal(bangka_tengah, username="admin.bt"),
        "operator_bt": f.operator(disdukcapil, username="upp.bt"),
        "evaluator": f.organiser(Role.EVALUATOR, username="evaluator"),
        "panelist": f.organiser(Role.PANELIST, username="panelis"),
        "sekretariat": f.organiser(Role.SEKRETARIAT, username="sekretariat"),
        "hub_admin": f.hub_admin(hub, username="hub.babel"),
    }

    return SimpleNamespace(
        province=province,
        bb_region=bb_region,
        bt_region=bt_region,
        bangka_barat=bangka_barat,
        bangka_tengah=bangka_tengah,
        muara_enim=muara,
        kominfo=kominfo,
        pdam=pdam,
        disdukcapil=disdukcapil,
        hub=hub,
        **people,
    )


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached public pages of one test's rows must
    not answer in the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _tasks_in_process(request):
    """Run Celery tasks in-process unless the test asks for the real worker.

    The suite also runs with REDIS_URL set (CI); only tests marked `celery_worker` then go
    through the broker, so every other test stays independent of a running worker.
    """
    from config.celery import app

    if request.node.get_closest_marker("celery_worker"):
        yield
        return
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _sessions_in_the_database(settings):
    """Read sessions from the database in every run.

    With Redis configured, production reads a session from the cache (`cached_db`), one
    query fewer per page; the query-count literals count that read, so both CI runs (SQLite
    alone, PostgreSQL + Redis) pin the database engine and one literal holds in both.
    """
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Hash test passwords with a cheap hasher; production keeps Django's PBKDF2 default."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def celery_conf():
    """Change settings of the Celery app for one test; each change is undone afterwards.

    Celery's settings object does not support pytest's monkeypatch (it cannot delete the
    attributes it restores), so changes are recorded and set back explicitly.
    """
    from config.celery import app

    saved = {}

    def change(**values):
        for key, value in values.items():
            saved.setdefault(key, getattr(app.conf, key))
            setattr(app.conf, key, value)

    yield change
    for key, value in saved.items():
        setattr(app.conf, key, value)
