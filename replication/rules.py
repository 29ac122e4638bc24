"""Who may enter the replication areas; objects inside are scoped by its selectors."""

import rules

from hubs.roles import roles_of
from hubs.rules import is_admin_lokal, is_hub_admin, is_national_sekretariat


@rules.predicate
def is_mentor(user):
    return roles_of(user).is_mentor


rules.add_perm(
    "replication.view", is_admin_lokal | is_hub_admin | is_mentor | is_national_sekretariat
)
rules.add_perm("replication.manage_programmes", is_hub_admin | is_national_sekretariat)
rules.add_perm("replication.coach", is_mentor)
