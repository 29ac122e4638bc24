"""Data generator for the benchmarks: many instansi, units and operator accounts."""

from django.contrib.auth.hashers import make_password

from hubs.enums import InstansiKind, RegionLevel, Role
from hubs.models import Instansi, Membership, Region, Unit, User
from hubs.services import regions_load

UNITS_PER_INSTANSI = 40
OPERATORS_PER_UNIT = 5


def generate() -> tuple[dict, dict]:
    """Every kabupaten/kota as an instansi with units and operators; returns actors, sizes."""
    regions_load()
    password = make_password("bench-only")
    regencies = Region.objects.filter(level=RegionLevel.REGENCY)
    Instansi.objects.bulk_create(
        Instansi(name=f"Pemerintah {r.name}", kind=InstansiKind.KABUPATEN, region=r)
        for r in regencies
    )
    instansi = list(Instansi.objects.all())
    Unit.objects.bulk_create(
        Unit(instansi=i, name=f"Dinas {n}") for i in instansi for n in range(UNITS_PER_INSTANSI)
    )
    first = instansi[0]
    units = list(Unit.objects.filter(instansi=first))
    users = User.objects.bulk_create(
        User(username=f"upp.{u.pk}.{n}", name=f"Operator {n}", password=password)
        for u in units
        for n in range(OPERATORS_PER_UNIT)
    )
    Membership.objects.bulk_create(
        Membership(user=user, role=Role.OPERATOR, unit=units[i // OPERATORS_PER_UNIT])
        for i, user in enumerate(users)
    )
    admin = User.objects.create(username="bench.admin", password=password)
    Membership.objects.create(user=admin, role=Role.ADMIN_LOKAL, instansi=first)
    sekretariat = User.objects.create(username="bench.sekretariat", password=password)
    Membership.objects.create(user=sekretariat, role=Role.SEKRETARIAT)
    admins = User.objects.bulk_create(
        User(username=f"admin.{i.pk}", password=password) for i in instansi
    )
    Membership.objects.bulk_create(
        Membership(user=a, role=Role.ADMIN_LOKAL, instansi=i)
        for a, i in zip(admins, instansi, strict=True)
    )
    sizes = {
        "instansi": len(instansi),
        "units": Unit.objects.count(),
        "operators of one instansi": len(users),
        "admin lokal": len(admins),
    }
    return {"admin_lokal": admin, "sekretariat": sekretariat}, sizes
