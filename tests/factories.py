"""factory_boy factories for the organisation structure."""

import factory
from django.conf import settings

from hubs.enums import InstansiKind, RegionKind, RegionLevel, Role
from hubs.models import Hub, Instansi, Membership, Region, Unit, User


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{60 + n % 40}")
    name = factory.Sequence(lambda n: f"Provinsi {n}")
    level = RegionLevel.PROVINCE
    kind = RegionKind.PROVINSI


class RegencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    parent = factory.SubFactory(ProvinceFactory)
    code = factory.Sequence(lambda n: f"99.{n:02d}")
    name = factory.Sequence(lambda n: f"Kabupaten {n}")
    level = RegionLevel.REGENCY
    kind = RegionKind.KABUPATEN


class InstansiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instansi
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Pemerintah Kabupaten Contoh {n}")
    kind = InstansiKind.KABUPATEN
    region = factory.SubFactory(RegencyFactory)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    instansi = factory.SubFactory(InstansiFactory)
    name = factory.Sequence(lambda n: f"Dinas Contoh {n}")


class HubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hub
        django_get_or_create = ("province",)

    province = factory.SubFactory(ProvinceFactory)
    cohort = 2020
    decree = "KepmenPANRB 94/2020"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    name = factory.Faker("name", locale="id_ID")
    email = factory.LazyAttribute(lambda u: f"{u.username}@contoh.go.id")
    password = factory.PostGenerationMethodCall("set_password", settings.KIPP_DEMO_PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.OPERATOR


def operator(unit, **kwargs) -> User:
    user = UserFactory(**kwargs)
    MembershipFactory(user=user, role=Role.OPERATOR, unit=unit)
    return user


def admin_lokal(instansi, **kwargs) -> User:
    user = UserFactory(**kwargs)
    MembershipFactory(user=user, role=Role.ADMIN_LOKAL, instansi=instansi)
    return user


def organiser(role: str, hub=None, **kwargs) -> User:
    user = UserFactory(**kwargs)
    MembershipFactory(user=user, role=role, hub=hub)
    return user


def hub_admin(hub, **kwargs) -> User:
    user = UserFactory(**kwargs)
    MembershipFactory(user=user, role=Role.HUB_ADMIN, hub=hub)
    return user
