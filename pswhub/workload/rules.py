"""Who may see and change workloads, stated once.

Team managers see the teams they manage; the PSW, QA officers, HR officers and heads of service
see every team; a social worker sees only their own line. Councillors see nothing of
individuals. The PSW keeps the weighting schemes; the PSW and HR import caseloads and keep
early-career years."""

import rules

from pswhub.core import roles
from pswhub.core.rules import has_role

sees_every_team = has_role(*roles.ORGANISATION_WIDE_STAFF_ROLES)
is_team_manager = has_role(roles.TEAM_MANAGER)
holds_cases = has_role(roles.SOCIAL_WORKER)
is_psw = has_role(roles.PSW)
keeps_caseloads = has_role(roles.PSW, roles.HR_OFFICER)

rules.add_perm("workload.view_workload", sees_every_team | is_team_manager | holds_cases)
rules.add_perm("workload.view_team_workload", sees_every_team | is_team_manager)
rules.add_perm("workload.view_schemes", sees_every_team | is_team_manager)
rules.add_perm("workload.change_scheme", is_psw)
rules.add_perm("workload.import_caseloads", keeps_caseloads)
rules.add_perm("workload.change_early_career", keeps_caseloads)
