"""Who may see and change the work plan, committee actions and peer reviews, stated once.

The work plan's narrative is the PSW's working record: councillors read it only as published in
the annual report, never here."""

import rules

from pswhub.core import roles
from pswhub.core.rules import has_role, works_in_practice

from .models import READS_EVERY_ACTION

runs_the_work_plan = has_role(roles.PSW, roles.QA_OFFICER)
reads_the_work_plan = has_role(*READS_EVERY_ACTION)


@rules.predicate
def owns_action(user, action):
    return action is not None and user.is_authenticated and action.owner_id == user.pk


# The readable list.
rules.add_perm("governance.view_work_plan", reads_the_work_plan)
rules.add_perm("governance.change_work_plan", runs_the_work_plan)
rules.add_perm("governance.view_committees", reads_the_work_plan)
rules.add_perm("governance.change_committees", runs_the_work_plan)
rules.add_perm("governance.view_action_list", works_in_practice)
rules.add_perm("governance.update_action", runs_the_work_plan | owns_action)
rules.add_perm("governance.view_action", reads_the_work_plan | owns_action)
rules.add_perm("governance.view_peer_reviews", reads_the_work_plan)
rules.add_perm("governance.change_peer_reviews", runs_the_work_plan)
