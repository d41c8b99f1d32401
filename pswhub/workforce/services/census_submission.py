"""Putting right, submitting and resubmitting a built census year (docs/workforce.md, "Building this
year's return").

- A correction replaces one derived value on one line, or one of the year's council-level answers
  (vacancies, agency cover, pay and allowances), with a reason; it is kept apart from the line or
  year (with history) and applied again by every rebuild.
- Marking the year as submitted keeps its lines and LA-level answers as a numbered version and
  freezes the year: nothing rebuilds or corrects it, whatever the records do afterwards.
- Reopening it, with a reason, starts a resubmission: the year can be rebuilt and corrected, and
  the next submission is a new version listing what changed since the one before."""

from django.db import transaction
from django.utils import timezone

from ..census_values import CORRECTABLE_FIELDS, COUNCIL_FIELDS, line_texts, value_parse, value_text
from ..models import CensusCorrection, CensusSubmission, CensusWorker, CensusYear
from .census_build import CensusBuildError, census_year_build, census_year_buildable

NOT_CORRECTABLE = "{field} is not a value PSW Hub derives from the records, so it cannot be corrected here"
REASON_NEEDED = "Say why the value is corrected"
NOT_SUBMITTED = "The {year} return is not marked as submitted, so there is nothing to reopen"
REOPEN_REASON_NEEDED = "Say why the return is being submitted again"
NOT_BUILT = "Only a return built from PSW Hub's records is marked as submitted here"
EMPTY_YEAR = "The {year} return has no lines: build it before marking it as submitted"

LA_LEVEL_FIELDS = ["vacancies_fte", "agency_cover_fte", "agency_cover_headcount"]


class CensusCorrectionError(ValueError):
    """Bad input for a correction or submission; `field` names the form field it belongs to."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def census_correction_make(*, worker, field, value, reason, corrected_by):
    """Corrects `field` on a built line to `value` (its text form), with a reason, and rebuilds the
    year so the line shows it. A second correction of the same value replaces the first; history
    keeps both. Returns the correction."""
    if field not in CORRECTABLE_FIELDS:
        raise CensusCorrectionError(NOT_CORRECTABLE.format(field=field), "field")
    return _correction_write(
        census_year=worker.census_year, staff_member_id=worker.staff_member_id, line=worker.line, field=field,
        value=value, reason=reason, corrected_by=corrected_by, derived=getattr(worker, field),
    )  # fmt: skip


def census_council_correction_make(*, census_year, field, value, reason, corrected_by):
    """Corrects one of a built year's council-level answers (census_values.COUNCIL_FIELDS) to
    `value`, with a reason, and rebuilds the year so it shows it, as `census_correction_make` does
    for a line. Returns the correction."""
    if field not in COUNCIL_FIELDS:
        raise CensusCorrectionError(NOT_CORRECTABLE.format(field=field), "field")
    return _correction_write(
        census_year=census_year, staff_member_id=None, line=0, field=field, value=value, reason=reason,
        corrected_by=corrected_by, derived=getattr(census_year, field),
    )  # fmt: skip


def _correction_write(*, census_year, staff_member_id, line, field, value, reason, corrected_by, derived):
    reason = (reason or "").strip()
    if not reason:
        raise CensusCorrectionError(REASON_NEEDED, "reason")
    try:
        parsed = value_parse(field, value)
    except ValueError as error:
        raise CensusCorrectionError(str(error), "value") from None
    _buildable(census_year)
    with transaction.atomic():
        correction = CensusCorrection.objects.filter(
            census_year=census_year, staff_member_id=staff_member_id, line=line, field=field
        ).first() or CensusCorrection(census_year=census_year, staff_member_id=staff_member_id, line=line, field=field)
        correction.value = value_text(field, parsed)
        correction.reason = reason
        correction.corrected_by = corrected_by
        correction.corrected_at = timezone.now()
        if not correction.pk:  # what the records give until the first correction
            correction.derived_value = value_text(field, derived)[:100]
        correction._history_user = corrected_by
        correction.save()
        census_year_build(year=census_year.year, changed_by=corrected_by)
    return correction


def census_correction_withdraw(*, correction, withdrawn_by):
    """Removes a correction (history keeps it) and rebuilds, so the line has the derived value again."""
    census_year = correction.census_year
    _buildable(census_year)
    with transaction.atomic():
        correction._history_user = withdrawn_by
        correction.delete()
        census_year_build(year=census_year.year, changed_by=withdrawn_by)


def _buildable(census_year):
    try:
        census_year_buildable(census_year)
    except CensusBuildError as error:
        raise CensusCorrectionError(str(error)) from None


def _line_key(line):
    return f"{line['swe_number']}/{line.get('_line', 0)}"


def _snapshot(census_year):
    lines = []
    for worker in CensusWorker.objects.filter(census_year=census_year).order_by("swe_number", "line"):
        lines.append({**line_texts(worker), "_line": worker.line})
    la_level = {name: value_text(name, getattr(census_year, name)) for name in LA_LEVEL_FIELDS}
    return lines, la_level


def submission_changes(before, after):
    """What changed between two versions' lines: [{"swe_number", "line", "change": "added" |
    "removed" | "changed", "fields": [[field, before, after]]}], in SWE number order."""
    old = {_line_key(line): line for line in before}
    new = {_line_key(line): line for line in after}
    changes = []
    for key in sorted(old.keys() | new.keys()):
        was, now = old.get(key), new.get(key)
        swe, line = key.split("/")
        if was is None:
            changes.append({"swe_number": swe, "line": int(line), "change": "added", "fields": []})
        elif now is None:
            changes.append({"swe_number": swe, "line": int(line), "change": "removed", "fields": []})
        else:
            fields = [[name, was.get(name, ""), now.get(name, "")] for name in now if was.get(name, "") != now[name]]
            if fields:
                changes.append({"swe_number": swe, "line": int(line), "change": "changed", "fields": fields})
    return changes


def census_year_submit(*, census_year, submitted_by):
    """Marks a built, open year as submitted: keeps its lines as the next version, with what
    changed since the last, and freezes the year. Returns the submission."""
    if census_year.source != CensusYear.BUILT:
        raise CensusCorrectionError(NOT_BUILT)
    _buildable(census_year)
    with transaction.atomic():
        census_year = CensusYear.objects.select_for_update().get(pk=census_year.pk)
        _buildable(census_year)
        lines, la_level = _snapshot(census_year)
        if not lines:
            raise CensusCorrectionError(EMPTY_YEAR.format(year=census_year.year))
        previous = census_year.submissions.order_by("-version").first()
        submission = CensusSubmission(
            census_year=census_year,
            version=previous.version + 1 if previous else 1,
            submitted_at=timezone.now(),
            submitted_by=submitted_by,
            lines=lines,
            la_level=la_level,
            changes=submission_changes(previous.lines, lines) if previous else [],
        )
        submission._history_user = submitted_by
        submission.save()
        census_year.status = CensusYear.SUBMITTED
        census_year._history_user = submitted_by
        census_year.save()
    return submission


def census_year_reopen(*, census_year, reason, reopened_by):
    """Opens a submitted year for a resubmission. The submitted version stays as it was sent."""
    reason = (reason or "").strip()
    if not reason:
        raise CensusCorrectionError(REOPEN_REASON_NEEDED, "reason")
    if not census_year.is_submitted:
        raise CensusCorrectionError(NOT_SUBMITTED.format(year=census_year.year))
    with transaction.atomic():
        latest = census_year.submissions.order_by("-version").first()
        latest.reopened_at, latest.reopened_by, latest.reopen_reason = timezone.now(), reopened_by, reason
        latest._history_user = reopened_by
        latest.save()
        census_year.status = CensusYear.OPEN
        census_year._history_user = reopened_by
        census_year.save()
    return latest
