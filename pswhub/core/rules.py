"""Who may do what in the organisation pages, stated once. Object permissions check the same
scopes the views use to fetch records, so a page and its permission never disagree."""

import rules

from . import roles
from .models import StaffMember, Team


def has_role(*codes):
    @rules.predicate(name="has_role:" + "|".join(codes))
    def predicate(user):
        return user.is_authenticated and user.has_role(*codes)

    return predicate


is_psw = has_role(roles.PSW)
is_admin = has_role(roles.ADMIN)
is_hr = has_role(roles.HR_OFFICER)
is_team_manager = has_role(roles.TEAM_MANAGER)
is_councillor_only = rules.predicate(
    lambda user: user.is_authenticated and user.role_codes == {roles.COUNCILLOR}, name="is_councillor_only"
)
works_in_practice = has_role(*(code for code, _, _ in roles.ROLES if code != roles.COUNCILLOR))
sees_whole_workforce = has_role(*roles.ORGANISATION_WIDE_STAFF_ROLES)


@rules.predicate
def can_see_team(user, team):
    return team is not None and Team.objects.visible_to(user).filter(pk=team.pk).exists()


@rules.predicate
def can_see_staff_member(user, staff_member):
    return staff_member is not None and StaffMember.objects.visible_to(user).filter(pk=staff_member.pk).exists()


@rules.predicate
def is_not_party_to_grant(user, grant):
    """Neither the administrator who asked for the role nor the person who would get it."""
    return grant is not None and user.pk not in {grant.requested_by_id, grant.user_id}


# The readable list.
rules.add_perm("core.view_organisation_summary", rules.is_authenticated)
rules.add_perm("core.view_teams", works_in_practice)
rules.add_perm("core.view_team", works_in_practice & can_see_team)
rules.add_perm("core.view_staff_list", sees_whole_workforce | is_team_manager)
rules.add_perm("core.view_staff_member", can_see_staff_member)
rules.add_perm("core.change_staff_member", is_hr | is_psw)
rules.add_perm("core.add_staff_member", is_hr | is_psw)
rules.add_perm("core.view_history", sees_whole_workforce | is_team_manager | is_admin)
rules.add_perm("core.view_record_views", is_psw | is_hr)
rules.add_perm("core.manage_users", is_admin)
rules.add_perm("core.manage_organisation", is_admin | is_psw)
rules.add_perm("core.decide_role_grant", is_admin & is_not_party_to_grant)
