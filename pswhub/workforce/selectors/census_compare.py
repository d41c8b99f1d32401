"""A census year beside last year's return, person by person (SWE number), so a reviewer can
explain each difference: who is new in this return, who was in last year's and is not in this
one, and what changed for those in both (docs/workforce.md, "Building this year's return")."""

from dataclasses import dataclass, field

from ..census_values import field_label, value_shown
from ..models import CensusWorker, CensusYear

# What is compared for someone in both returns: a person's latest line in each.
COMPARED_FIELDS = [
    "agency", "org_role", "fte_at_reference", "role_start_date", "role_end_date", "date_of_birth", "sex",
    "gender_current", "ethnicity",
]  # fmt: skip


@dataclass
class Comparison:
    census_year: CensusYear
    previous: CensusYear | None
    joined: list = field(default_factory=list)  # [(swe number, line)] of this year
    left: list = field(default_factory=list)  # [(swe number, line)] of last year
    changed: list = field(default_factory=list)  # [(swe number, [(label, before, after)])]
    same: int = 0


def _latest_by_person(census_year):
    latest = {}
    for worker in CensusWorker.objects.filter(census_year=census_year).order_by("swe_number", "line"):
        latest[worker.swe_number] = worker
    return latest


def _value(worker, name):
    if name == "fte_at_reference":
        return worker.fte_at_reference
    return getattr(worker, name)


def census_year_compare(*, census_year):
    """This year's lines against the previous year's held by the same authority (none held: every
    line is new)."""
    previous = CensusYear.objects.filter(authority=census_year.authority, year=census_year.year - 1).first()
    result = Comparison(census_year, previous)
    now = _latest_by_person(census_year)
    before = _latest_by_person(previous) if previous else {}
    for swe, worker in now.items():
        was = before.get(swe)
        if was is None:
            result.joined.append((swe, worker))
            continue
        fields = []
        for name in COMPARED_FIELDS:
            old, new = _value(was, name), _value(worker, name)
            if name == "fte_at_reference":
                label, old_text, new_text = "FTE at 30 September", _fte(old), _fte(new)
            else:
                label, old_text, new_text = field_label(name), value_shown(name, old), value_shown(name, new)
            if old_text != new_text:
                fields.append((label, old_text, new_text))
        if fields:
            result.changed.append((swe, fields))
        else:
            result.same += 1
    result.left = [(swe, worker) for swe, worker in before.items() if swe not in now]
    return result


def _fte(value):
    return "Blank" if value is None else format(value.normalize(), "f")
