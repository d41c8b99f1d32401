"""What an HR extract changes, person by person (docs/workforce.md, "HR extracts"): for each
person added, adopted or updated, the values before and after, worked out inside the import's
transaction before anything is written, so a preview (a dry run) lists exactly what confirming
will write. Kept on the upload as plain text, so the page shows what was previewed even after the
records move on; the page shows each viewer only the people they may see
(presenters.import_changes)."""

from decimal import Decimal

from pswhub.core.presenters import govuk_date

from .. import codes
from ..models import Assignment, StaffProfile

ADDED, ADOPTED, UPDATED = "added", "adopted", "updated"

LABELS = {
    "employee_number": "Employee number",
    "first_name": "First name",
    "last_name": "Last name",
    "email": "E-mail",
    "job_title": "Job title",
    "team": "Team",
    "started_on": "Start date",
    "left_on": "Leaving date",
    "swe_number": "SWE number",
    "census_role": "Census role",
    "fte": "FTE",
    "contract_type": "Contract type",
    "start_origin": "Origin",
    "reason_leave": "Reason for leaving",
    "leaver_destination": "Destination",
}
CODE_LISTS = {
    "census_role": codes.ORG_ROLE,
    "contract_type": codes.CONTRACT_TYPE,
    "start_origin": codes.START_ORIGIN,
    "reason_leave": codes.REASON_LEAVE,
    "leaver_destination": codes.LEAVER_DESTINATION,
}
# Assignment terms compared with the person's latest assignment: (row column, assignment field).
TERMS = [("census_role", "org_role"), ("fte", "fte"), ("contract_type", "contract_type")]


def shown(column, value):
    """A value as the preview shows it: dates in words, teams by name, codes with their label."""
    if value is None or value == "":
        return ""
    if column in CODE_LISTS:
        label = dict(CODE_LISTS[column]).get(value, "")
        return f"{value} {label}".strip() if column != "contract_type" else label or value
    if hasattr(value, "name"):
        return value.name
    if isinstance(value, Decimal):
        return str(value.normalize()) if value != 0 else "0"
    return govuk_date(value)


class ChangeList:
    """Collects the changes of one import, person by person."""

    def __init__(self, rows, staff_by_number, headers):
        self.headers = headers
        held = [staff for staff in staff_by_number.values() if staff is not None]
        self.latest, self.first = {}, {}
        for assignment in Assignment.objects.filter(staff_member__in=held).order_by("starts_on"):
            self.first.setdefault(assignment.staff_member_id, assignment)
            self.latest[assignment.staff_member_id] = assignment
        self.swe = dict(StaffProfile.objects.filter(staff_member__in=held).values_list("staff_member_id", "swe_number"))
        self.entries = {}

    def person(self, row, staff, fields, *, action, was=""):
        """Notes the row's values against what `staff` holds now (None: a new person)."""
        values = []
        for column in fields:
            old = getattr(staff, column) if staff is not None else None
            if staff is None or old != row[column]:
                values.append((column, old, row[column]))
        if staff is not None and was:
            values.insert(0, ("employee_number", was, row["employee_number"]))
        if "swe_number" in self.headers:
            old = self.swe.get(staff.pk) if staff is not None else None
            if old != row["swe_number"]:
                values.append(("swe_number", old, row["swe_number"]))
        latest = self.latest.get(staff.pk) if staff is not None else None
        for column, name in TERMS:
            if column == "census_role" and "census_role" not in self.headers:
                continue
            old = getattr(latest, name) if latest is not None else None
            if (old or None) != (row.get(column) or None):
                values.append((column, old, row.get(column)))
        first = self.first.get(staff.pk) if staff is not None else None
        for column, assignment in (("start_origin", first), ("reason_leave", latest), ("leaver_destination", latest)):
            old = getattr(assignment, column) if assignment is not None else None
            if row.get(column) and old != row[column]:
                values.append((column, old, row[column]))
        self.entries[row["employee_number"]] = {
            "employee_number": row["employee_number"],
            "name": f"{row['first_name']} {row['last_name']}".strip(),
            "action": action,
            "was": was,
            "values": [
                [LABELS[column], shown(column, old), shown(column, new)]
                for column, old, new in values
                if shown(column, old) != shown(column, new)
            ],
        }

    def result(self, added, adopted, updated, staff_by_number):
        """The entries of the people added, adopted or updated, in employee number order. An entry
        for a record held before the import keeps its id, so the page can show each viewer only
        whom they may see; a new person's record has no id until the import is confirmed."""
        changes = []
        for number in sorted(added | adopted | updated):
            entry = self.entries[number]
            entry["action"] = ADDED if number in added else ADOPTED if number in adopted else UPDATED
            staff = staff_by_number.get(number)
            entry["staff_member"] = staff.pk if staff is not None and number not in added else None
            changes.append(entry)
        return changes
