"""The roles of PSW Hub, with stable codes. The Role table is loaded from this list by a data
migration; code compares with these constants, never with display names."""

PSW = "psw"
QA_OFFICER = "qa_officer"
AUDITOR = "auditor"
TEAM_MANAGER = "team_manager"
SOCIAL_WORKER = "social_worker"
HR_OFFICER = "hr_officer"
HEAD_OF_SERVICE = "head_of_service"
COUNCILLOR = "councillor"
ADMIN = "admin"

ROLES = [
    (PSW, "Principal Social Worker", "Owns the practice and workforce picture and the annual report."),
    (QA_OFFICER, "Quality assurance officer", "Runs the audit programme, moderates, tracks learning."),
    (AUDITOR, "Auditor", "Completes case audits and dip samples."),
    (TEAM_MANAGER, "Team manager", "Sees the teams they manage."),
    (SOCIAL_WORKER, "Social worker", "Sees their own record and the audits of their cases."),
    (HR_OFFICER, "Workforce and HR officer", "Keeps staff records, posts and the census return."),
    (HEAD_OF_SERVICE, "Head of service", "Reads dashboards across teams and years."),
    (COUNCILLOR, "Councillor", "Reads published reports and aggregate figures only."),
    (ADMIN, "System administrator", "Manages user accounts, roles and sign-in."),
]

ROLE_NAMES = {code: name for code, name, _ in ROLES}

# Roles that see every staff member's record in the organisation.
ORGANISATION_WIDE_STAFF_ROLES = {PSW, HR_OFFICER, HEAD_OF_SERVICE, QA_OFFICER}
# Roles that see every team (team names and structure, not personal records).
ORGANISATION_WIDE_TEAM_ROLES = ORGANISATION_WIDE_STAFF_ROLES | {AUDITOR, ADMIN}
# Roles that one administrator cannot give alone: a second administrator approves the grant
# (docs/adr/0011-sign-in-throttling-and-role-grants.md). Taking them away needs no approval.
NEEDS_SECOND_ADMINISTRATOR = {ADMIN, PSW}
