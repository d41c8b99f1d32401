"""Who may see and change learning and supervision, stated once.

The catalogue of learning is open to everyone in practice; named bookings and supervision
follow core's staff scope (a worker their own, a manager their teams', the PSW, QA, HR and heads
of service everyone's). Councillors see council-level figures only."""

import rules

from pswhub.core import roles
from pswhub.core.rules import can_see_staff_member, has_role, works_in_practice

has_any_role = has_role(*(code for code, _, _ in roles.ROLES))
runs_learning = has_role(roles.PSW, roles.QA_OFFICER, roles.HR_OFFICER)
reads_themes = has_role(roles.PSW, roles.QA_OFFICER, roles.HEAD_OF_SERVICE)
reads_supervision = has_role(roles.PSW, roles.QA_OFFICER, roles.HR_OFFICER, roles.HEAD_OF_SERVICE, roles.TEAM_MANAGER)
records_anyones_supervision = has_role(roles.PSW, roles.HR_OFFICER)
is_team_manager = has_role(roles.TEAM_MANAGER)

# The readable list.
rules.add_perm("learning.view_figures", has_any_role)
rules.add_perm("learning.view_catalogue", works_in_practice)
rules.add_perm("learning.change_learning", runs_learning)
rules.add_perm("learning.import_learning", runs_learning)
rules.add_perm("learning.view_themes", reads_themes)
rules.add_perm("learning.view_supervision", reads_supervision)
rules.add_perm("learning.view_staff_learning", works_in_practice & can_see_staff_member)
rules.add_perm("learning.import_supervision", records_anyones_supervision)
rules.add_perm("learning.record_supervision", records_anyones_supervision | (is_team_manager & can_see_staff_member))
rules.add_perm("learning.change_policy", has_role(roles.PSW))
