"""Which competition areas a user may enter; objects inside are scoped by kipp.selectors."""

import rules

from hubs.rules import is_admin_lokal, is_hub_admin, is_national_sekretariat, is_operator

rules.add_perm("kipp.manage_competitions", is_national_sekretariat | is_hub_admin)
rules.add_perm("kipp.propose", is_operator | is_admin_lokal)
rules.add_perm("kipp.verify", is_admin_lokal)
rules.add_perm("kipp.select_admin", is_national_sekretariat | is_hub_admin)
