"""What an HR import's page shows beyond its counts (docs/workforce.md, "HR extracts"): how it
was read, the teams it adds, and who is added, matched or changed with the values before and
after, each viewer seeing only the people whose records they may open."""

from pswhub.core import roles
from pswhub.core.models import StaffMember
from pswhub.core.presenters import number

from .services.hr_changes import ADDED, ADOPTED

# A page lists at most this many people; the command's dry run lists every one.
CHANGES_SHOWN = 500

ACTION_TEXT = {
    ADDED: "Added",
    ADOPTED: "Matched to {was}, the record a census return made",
    "updated": "Updated",
}
LEFT_OUT = "{count} more are not listed here: you may not see their records, or they are new to PSW Hub"
MORE = "The first {shown} of {count} are listed"


def import_batch_rows(batch):
    """The summary rows an HR import adds to the shared ones: how the file was read."""
    teams = "Refused"
    if batch.create_teams:
        teams = "Added, to the service in the file's service column (children when none)"
    return [("Columns", batch.mapping_name or "The PSW Hub template"), ("Teams not in PSW Hub", teams)]


def _visible(user, changes):
    """The changes about people the user may see. New people have no record to check until the
    import is confirmed, so only those who see the whole workforce see them."""
    if user.role_codes & roles.ORGANISATION_WIDE_STAFF_ROLES:
        return changes
    ids = {entry["staff_member"] for entry in changes if entry["staff_member"]}
    allowed = set(StaffMember.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    return [entry for entry in changes if entry["staff_member"] in allowed]


def import_changes_context(request, batch):
    visible = _visible(request.user, batch.changes)
    shown = visible[:CHANGES_SHOWN]
    notes = []
    if len(visible) < len(batch.changes):
        notes.append(LEFT_OUT.format(count=number(len(batch.changes) - len(visible))))
    if len(shown) < len(visible):
        notes.append(MORE.format(shown=number(len(shown)), count=number(len(visible))))
    people = [
        {
            "employee_number": entry["employee_number"],
            "name": entry["name"],
            "action": ACTION_TEXT[entry["action"]].format(was=entry.get("was", "")),
            "values": entry["values"],
        }
        for entry in shown
    ]
    previewed = batch.is_preview
    return {
        "change_people": people,
        "change_notes": notes,
        "change_heading": "Who it would add or change" if previewed else "Who it added or changed",
        "new_teams": batch.new_teams,
        "new_teams_heading": "Teams it would add" if previewed else "Teams it added",
    }
