"""The surge's accounts: operators, each with one complete draft in an open competition."""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from hubs.enums import InstansiKind, Role
from hubs.models import Instansi, Membership, Unit, User
from kipp.models import Proposal

from .. import drafts, pages, proposals

OPERATORS_PER_INSTANSI = 10


@dataclass
class Account:
    username: str
    proposal_id: int
    # The proposal form as the browser posts it (without the version).
    form: dict
    base_text: str


def generate(users: int, password: str) -> list[Account]:
    """`users` operator accounts, ten per instansi (one unit each), each with one eligible
    draft; every instansi also has an Admin Lokal with an e-mail address, so a submit
    notifies someone. Rows are written in bulk."""
    setup = proposals.setup_create(timezone.now())
    count = -(-users // OPERATORS_PER_INSTANSI)
    instansi = Instansi.objects.bulk_create(
        Instansi(name=f"Pemerintah Kabupaten Surge {n:03d}", kind=InstansiKind.KABUPATEN)
        for n in range(count)
    )
    units = Unit.objects.bulk_create(
        Unit(instansi=i, name=f"Dinas {n}") for i in instansi for n in range(OPERATORS_PER_INSTANSI)
    )[:users]
    hashed = make_password(password)
    operators = User.objects.bulk_create(
        User(username=f"surge.upp.{n:03d}", name=f"Operator {n}", password=hashed)
        for n in range(users)
    )
    admins = User.objects.bulk_create(
        User(username=f"surge.admin.{n:03d}", email=f"admin{n}@surge.invalid", password=hashed)
        for n in range(count)
    )
    Membership.objects.bulk_create(
        [
            *(
                Membership(user=user, role=Role.OPERATOR, unit=unit)
                for user, unit in zip(operators, units, strict=True)
            ),
            *(
                Membership(user=user, role=Role.ADMIN_LOKAL, instansi=i)
                for user, i in zip(admins, instansi, strict=True)
            ),
        ]
    )
    draft_ids = [
        drafts.ready_drafts(
            setup, unit=unit, operator=user, count=1, prefix=f"Inovasi Surge {n:03d}"
        )[0]
        for n, (user, unit) in enumerate(zip(operators, units, strict=True))
    ]
    stored = Proposal.objects.prefetch_related("sdgs").in_bulk(draft_ids)
    return [
        Account(
            username=user.username,
            proposal_id=pk,
            form=pages.autosave_form(stored[pk]),
            base_text=stored[pk].sections.get(pages.EDITED_SECTION, ""),
        )
        for user, pk in zip(operators, draft_ids, strict=True)
    ]
