"""Which competition areas a user may enter; objects inside are scoped by kipp.selectors."""

import rules

from hubs.roles import roles_of
from hubs.rules import is_admin_lokal, is_operator


@rules.predicate
def organiser(user):
    """Organises some competition: national Sekretariat, or a hub's (admin or Sekretariat)."""
    return roles_of(user).is_organiser


rules.add_perm("kipp.manage_competitions", organiser)
rules.add_perm("kipp.propose", is_operator | is_admin_lokal)
rules.add_perm("kipp.verify", is_admin_lokal)
rules.add_perm("kipp.select_admin", organiser)
