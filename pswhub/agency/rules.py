"""Who may see and change agency engagements, stated once (docs/agency.md, "Access").

The PSW and HR officers keep the engagements and the regional price cap; a head of service reads
every engagement; a team manager sees their own teams' engagements only; councillors see the
figures only, with disclosure control. Nobody else sees them."""

import rules

from pswhub.core import roles
from pswhub.core.rules import has_role

from .models import Engagement

keeps_engagements = has_role(roles.PSW, roles.HR_OFFICER)
reads_across_the_service = has_role(roles.PSW, roles.HR_OFFICER, roles.HEAD_OF_SERVICE)
is_team_manager = has_role(roles.TEAM_MANAGER)
is_councillor = has_role(roles.COUNCILLOR)


@rules.predicate
def can_see_engagement(user, engagement):
    return engagement is not None and Engagement.objects.visible_to(user).filter(pk=engagement.pk).exists()


rules.add_perm("agency.view_engagements", reads_across_the_service | is_team_manager)
rules.add_perm("agency.view_engagement", (reads_across_the_service | is_team_manager) & can_see_engagement)
rules.add_perm("agency.change_engagements", keeps_engagements)
rules.add_perm("agency.view_figures", reads_across_the_service | is_councillor)
rules.add_perm("agency.view_unsuppressed_figures", reads_across_the_service)
rules.add_perm("agency.set_price_cap", keeps_engagements)
