"""What the census year pages show of a built year: its lines, each value with where it came from,
the corrections, the submitted versions and the comparison with last year."""

from pswhub.core.presenters import govuk_date, govuk_datetime

from .census_values import CORRECTABLE_FIELDS, COUNCIL_FIELDS, field_label, value_shown
from .models import CensusWorker

LA_LEVEL = [
    ("vacancies_fte", "Vacancies (FTE) at 30 September"),
    ("agency_cover_fte", "Agency workers covering vacancies (FTE)"),
    ("agency_cover_headcount", "Agency workers covering vacancies (headcount)"),
]
CHANGE_LABELS = {"added": "New line", "removed": "Line removed", "changed": "Changed"}


def _fte(value):
    return "" if value is None else format(value.normalize(), "f")


def line_rows(workers, corrected):
    """One row per line: SWE number, role, agency, FTE at 30 September, start, end, cases, and
    whether any value is a correction."""
    return [
        {
            "pk": worker.pk,
            "swe_number": worker.swe_number,
            "role": worker.get_org_role_display() or "Blank",
            "agency": "Agency" if worker.agency else "Employed",
            "fte_30": _fte(worker.fte_30) or "Not in post",
            "start": govuk_date(worker.role_start_date),
            "end": govuk_date(worker.role_end_date),
            "cases": "" if worker.cases_30 is None else worker.cases_30,
            "corrected": (worker.staff_member_id, worker.line) in corrected,
        }
        for worker in workers
    ]


def value_rows(worker, corrected_fields):
    """Each value of a line the build writes, with its source and whether it is a correction."""
    names = [name for name in CensusWorker.RETURN_FIELDS if name in CORRECTABLE_FIELDS]
    return [
        {
            "label": field_label(name),
            "value": value_shown(name, getattr(worker, name)),
            "source": worker.sources.get(name, "Not held in PSW Hub's records"),
            "corrected": name in corrected_fields,
        }
        for name in names
    ]


def correction_rows(corrections):
    return [
        {
            "pk": correction.pk,
            "label": field_label(correction.field),
            "value": value_shown(correction.field, correction.value) if correction.value else "Blank",
            "derived": correction.derived_value or "Blank",
            "reason": correction.reason,
            "by": correction.corrected_by.display_name if correction.corrected_by else "",
            "at": govuk_datetime(correction.corrected_at),
        }
        for correction in corrections
    ]


def council_rows(census_year, corrected_fields):
    """Each council-level answer of a built year as it reads, where it came from, and whether it
    was corrected."""
    sources = census_year.la_sources or {}
    return [
        {
            "label": field_label(name),
            "value": value_shown(name, getattr(census_year, name)),
            "source": sources.get(name, ""),
            "corrected": name in corrected_fields,
        }
        for name in COUNCIL_FIELDS
    ]


def la_level_rows(census_year):
    sources = census_year.la_sources or {}
    return [
        {
            "label": label,
            "value": "Blank" if getattr(census_year, name) is None else str(getattr(census_year, name)),
            "source": sources.get(name, ""),
        }
        for name, label in LA_LEVEL
    ]


def submission_rows(census_year):
    rows = []
    for submission in census_year.submissions.select_related("submitted_by", "reopened_by").order_by("version"):
        changes = [
            {
                "swe_number": change["swe_number"],
                "change": CHANGE_LABELS[change["change"]],
                "fields": "; ".join(
                    f"{field_label(name)}: {before or 'blank'} → {after or 'blank'}"
                    for name, before, after in change["fields"]
                ),
            }
            for change in submission.changes
        ]
        rows.append(
            {
                "version": submission.version,
                "submitted": govuk_datetime(submission.submitted_at),
                "by": submission.submitted_by.display_name if submission.submitted_by else "",
                "lines": len(submission.lines),
                "changes": changes,
                "reopened": govuk_datetime(submission.reopened_at) if submission.reopened_at else "",
                "reopen_reason": submission.reopen_reason,
            }
        )
    return rows


def comparison_view(comparison):
    def person(worker):
        return {
            "swe_number": worker.swe_number,
            "role": worker.get_org_role_display() or "Blank",
            "agency": "Agency" if worker.agency else "Employed",
            "start": govuk_date(worker.role_start_date),
            "end": govuk_date(worker.role_end_date),
        }

    return {
        "previous_year": comparison.previous.year if comparison.previous else None,
        "joined": [person(worker) for _, worker in comparison.joined],
        "left": [person(worker) for _, worker in comparison.left],
        "changed": [
            {"swe_number": swe, "fields": [{"label": label, "before": old, "after": new} for label, old, new in fields]}
            for swe, fields in comparison.changed
        ],
        "same": comparison.same,
    }
