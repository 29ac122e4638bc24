"""Who may enter which management area, expressed once with `rules`.

Which objects inside an area a user reaches is decided by the scoped selectors in
`hubs.selectors`; these permissions only open the doors.
"""

import rules

from .roles import roles_of


@rules.predicate
def is_admin_lokal(user):
    return roles_of(user).is_admin_lokal


@rules.predicate
def is_national_sekretariat(user):
    return roles_of(user).is_national_sekretariat


@rules.predicate
def is_hub_admin(user):
    return roles_of(user).is_hub_admin


@rules.predicate
def is_operator(user):
    return roles_of(user).is_operator


@rules.predicate
def is_judge(user):
    return roles_of(user).is_judge


rules.add_perm("hubs.manage_accounts", is_admin_lokal | is_national_sekretariat)
rules.add_perm("hubs.manage_units", is_admin_lokal | is_national_sekretariat)
rules.add_perm("hubs.view_instansi", is_national_sekretariat | is_hub_admin)
rules.add_perm("hubs.manage_instansi", is_national_sekretariat)
rules.add_perm("hubs.view_hubs", is_national_sekretariat | is_hub_admin)
rules.add_perm("hubs.manage_hubs", is_national_sekretariat)
rules.add_perm("hubs.manage_regions", is_national_sekretariat)
