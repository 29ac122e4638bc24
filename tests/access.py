"""The access matrix shared by every area's tests.

A case names a URL, the exact status each actor gets, and, for a POST, the actors whose
request is applied. A refused request (404, 405, a login redirect, a form sent back with
errors) must leave the area's data exactly as it was; an accepted POST must change it.

People holding two roles in different scopes are part of every matrix. Each gets exactly
what one of its roles gives in this area (`TWO_ROLE_MIRRORS`), never a power borrowed from
the other role's scope.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from hubs.enums import Role
from tests import factories as f


@dataclass(frozen=True)
class Case:
    name: str
    url: Callable  # (*context) -> str
    expected: dict[str, int]
    method: str = "get"
    data: Callable | None = None  # (*context) -> dict, for POST
    changes: frozenset[str] = field(default_factory=frozenset)  # actors whose POST applies


def statuses(actors, default: int, anon: int = 302, **overrides: int) -> dict[str, int]:
    table = dict.fromkeys(actors, default)
    table["anon"] = anon
    table.update(overrides)
    return table


def two_role_people(babel) -> dict:
    """Three people with two roles each, in different scopes (added to `babel`).

    - sek_panelist_hub: national Sekretariat and a panelist of the Babel hub;
    - admin_operator: Admin Lokal of Bangka Tengah and Operator UPP of Dinas Kominfo
      Bangka Barat;
    - evaluator_hub: national Tim Evaluasi member and Admin Hub JIPP of Babel.
    """
    sek = f.organiser(Role.SEKRETARIAT, username="sek.panelis.babel")
    f.MembershipFactory(user=sek, role=Role.PANELIST, hub=babel.hub)
    admin_operator = f.admin_lokal(babel.bangka_tengah, username="admin.bt.upp.bb")
    f.MembershipFactory(user=admin_operator, role=Role.OPERATOR, unit=babel.kominfo)
    evaluator_hub = f.organiser(Role.EVALUATOR, username="evaluator.hub.babel")
    f.MembershipFactory(user=evaluator_hub, role=Role.HUB_ADMIN, hub=babel.hub)
    people = {
        "sek_panelist_hub": sek,
        "admin_operator": admin_operator,
        "evaluator_hub": evaluator_hub,
    }
    for name, user in people.items():
        setattr(babel, name, user)
    return people


TWO_ROLE_ACTORS = ("sek_panelist_hub", "admin_operator", "evaluator_hub")


def with_two_role_actors(cases: list[Case], mirrors: dict[str, str]) -> list[Case]:
    """The cases with each two-role person expecting what its mirrored actor gets."""
    result = []
    for case in cases:
        expected = dict(case.expected)
        changes = set(case.changes)
        for person, mirror in mirrors.items():
            expected[person] = case.expected[mirror]
            if mirror in case.changes:
                changes.add(person)
        result.append(
            Case(case.name, case.url, expected, case.method, case.data, frozenset(changes))
        )
    return result


def check_access(client, *, user, actor: str, case: Case, context: tuple, snapshot) -> None:
    """Request the case as `user` and assert the status and what changed in `snapshot()`."""
    if user is not None:
        client.force_login(user)
    url = case.url(*context)
    data = case.data(*context) if case.method == "post" else None
    before = snapshot()

    response = client.post(url, data) if case.method == "post" else client.get(url)
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)  # read to the end, which closes the file

    assert response.status_code == case.expected[actor], (case.name, actor)
    if response.status_code == 302 and actor == "anon":
        assert response["Location"].startswith("/accounts/login/?next=")
    after = snapshot()
    if case.method == "post" and actor in case.changes:
        assert after != before, f"{case.name}: {actor}'s accepted POST changed nothing"
    else:
        assert after == before, f"{case.name}: {actor}'s request changed data"
