"""Who may see and change registrations, stated once.

A worker sees and records their own renewal; a team manager sees their teams'; the PSW and HR see
and change everyone's; heads of service read everyone's. Councillors see council-level figures
only. Fitness-to-practise referrals are for the PSW (the link officer with Social Work England)
and HR officers only."""

import rules

from pswhub.core import roles
from pswhub.core.rules import has_role, works_in_practice

from .models import KEEPS_REGISTRATIONS, Registration

has_any_role = has_role(*(code for code, _, _ in roles.ROLES))
keeps_registrations = has_role(*KEEPS_REGISTRATIONS)
reads_renewals = has_role(roles.PSW, roles.HR_OFFICER, roles.HEAD_OF_SERVICE, roles.TEAM_MANAGER)


@rules.predicate
def can_see_registration(user, registration):
    return registration is not None and Registration.objects.visible_to(user).filter(pk=registration.pk).exists()


@rules.predicate
def owns_registration(user, registration):
    return registration is not None and user.is_authenticated and registration.staff_member.user_id == user.pk


# The readable list.
rules.add_perm("registrations.view_figures", has_any_role)
rules.add_perm("registrations.view_renewals", reads_renewals)
rules.add_perm("registrations.change_registrations", keeps_registrations)
rules.add_perm("registrations.view_registration", works_in_practice & can_see_registration)
rules.add_perm("registrations.record_renewal", keeps_registrations | owns_registration)
rules.add_perm("registrations.view_referrals", keeps_registrations)
rules.add_perm("registrations.change_referrals", keeps_registrations)
