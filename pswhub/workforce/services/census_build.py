"""Building a census year from the council's own records (docs/workforce.md, "Building this year's
return"; docs/adr/0105-census-year-built-from-records.md).

One line for each unbroken stretch of census-role assignments (and, for agency workers, agency
engagements) in the children's service that overlaps the census year (1 October to 30
September): employed, leaving or agency-engaged. Each value is read from the records
(`census_lines`) and the line says where it came from (`sources`); corrections are
applied on top and survive every rebuild. Building again when nothing changed writes nothing. A
year imported as sent, or marked as submitted, is never built."""

from dataclasses import dataclass, field

from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from pswhub.core.bulk import records_create_with_history
from pswhub.core.imports import write_or_rehearse
from pswhub.core.models import Authority
from pswhub.core.periods import Period
from pswhub.core.presenters import govuk_date

from ..census_values import value_parse
from ..models import CensusCorrection, CensusWorker, CensusYear
from .census_council import corrected_source, council_answers_write
from .census_lines import derived_lines, sources_forget

NO_AUTHORITY = "PSW Hub holds no council yet: set up the council and its children's service before building a return"
NOT_BUILT_YEAR = (
    "The {year} census year holds a return {how}: it stays as it was sent and is not built from the records"
)
SUBMITTED_YEAR = (
    "The {year} census return was marked as submitted on {date} (version {version}) and is frozen: "
    "reopen it for a resubmission before building it again"
)
YEAR_OUT_OF_RANGE = "Enter a census year from 2009 to 2100"

# The fields a build writes on each line: the return's fields, the team, and where each came from.
WRITTEN_FIELDS = [*CensusWorker.RETURN_FIELDS, "team", "sources"]


class CensusBuildError(Exception):
    pass


@dataclass
class CensusBuildResult:
    year: int
    lines: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    year_created: bool = False
    la_level_changed: bool = False
    corrections_applied: int = 0
    left_out: list = field(default_factory=list)  # staff with census-role assignments but no SWE number
    left_out_engagements: list = field(default_factory=list)  # agency engagements with no staff record
    dry_run: bool = False

    @property
    def changed_anything(self):
        return bool(self.year_created or self.la_level_changed or self.created or self.updated or self.deleted)


def census_year_build(*, year, changed_by=None, dry_run=False):
    """Builds (or rebuilds) census year `year` from the records, all or nothing; with `dry_run`
    works everything out and rolls it back. Refuses a year imported as sent or marked as
    submitted, with a message saying so."""
    if not 2009 <= year <= 2100:
        raise CensusBuildError(YEAR_OUT_OF_RANGE)
    authority = Authority.objects.order_by("pk").first()
    if authority is None:
        raise CensusBuildError(NO_AUTHORITY)
    census_year_buildable(CensusYear.objects.filter(authority=authority, year=year).first())
    return write_or_rehearse(lambda: _build(authority, year, changed_by), dry_run=dry_run)


def census_year_buildable(census_year):
    """Raises CensusBuildError when an existing year may not be built."""
    if census_year is None:
        return
    if census_year.source != CensusYear.BUILT:
        how = "imported from a census return" if census_year.source == CensusYear.IMPORTED else "recorded by hand"
        raise CensusBuildError(NOT_BUILT_YEAR.format(year=census_year.year, how=how))
    if census_year.is_submitted:
        latest = census_year.submissions.order_by("-version").first()
        raise CensusBuildError(
            SUBMITTED_YEAR.format(
                year=census_year.year,
                date=govuk_date(latest.submitted_at) if latest else "",
                version=latest.version if latest else 1,
            )
        )


def _build(authority, year, changed_by):
    period = Period.census_year(year)
    census_year, created = CensusYear.objects.select_for_update().get_or_create(
        authority=authority, year=year, defaults={"source": CensusYear.BUILT, "built_by": changed_by}
    )
    census_year_buildable(census_year)
    result = CensusBuildResult(year=year, year_created=created)
    sources_forget()  # kept for one build only
    derived, result.left_out, result.left_out_engagements = derived_lines(authority=authority, period=period)
    result.corrections_applied = _apply_corrections(census_year, derived)
    result.lines = len(derived)
    _write_lines(census_year, derived, result, changed_by)
    result.la_level_changed = council_answers_write(census_year, derived, authority, period, changed_by)
    if result.changed_anything:
        now = timezone.now()
        CensusYear.objects.filter(pk=census_year.pk).update(lines_changed_at=now, built_at=now, built_by=changed_by)
    return result


# Corrections and writing -------------------------------------------------------------------------


def _apply_corrections(census_year, derived):
    """Puts each correction over the value the records give; the source names it. A correction
    whose line no longer exists is kept (it applies again if the line comes back)."""
    applied = 0
    corrections = CensusCorrection.objects.filter(census_year=census_year, staff_member__isnull=False).select_related(
        "corrected_by"
    )
    for correction in corrections:
        values = derived.get((correction.staff_member_id, correction.line))
        if values is None:
            continue
        derived_value = values.get(correction.field)
        values[correction.field] = value_parse(correction.field, correction.value)
        values["sources"][correction.field] = corrected_source(correction, derived_value)
        applied += 1
    return applied


def _write_lines(census_year, derived, result, changed_by):
    """Writes what the records give: new lines with their history, changed lines' values, and
    lines no longer given deleted. Lines are compared as rows, so an unchanged rebuild reads
    no model instances and writes nothing."""
    names = [*CensusWorker.RETURN_FIELDS, "team_id", "sources"]
    existing = {
        (staff_id, line): (pk, dict(zip(names, values, strict=True)))
        for pk, staff_id, line, *values in CensusWorker.objects.filter(census_year=census_year)
        .order_by()
        .values_list("pk", "staff_member_id", "line", *names)
    }
    gone = [pk for key, (pk, _) in existing.items() if key not in derived]
    for worker in CensusWorker.objects.filter(pk__in=gone):
        worker._history_user = changed_by
        worker.delete()
    new, changed = [], {}
    for (staff_id, line), values in derived.items():
        held = existing.get((staff_id, line))
        if held is None:
            new.append({"census_year_id": census_year.pk, "staff_member_id": staff_id, "line": line, **values})
        elif any(held[1][name] != value for name, value in values.items()):
            changed[held[0]] = values
        else:
            result.unchanged += 1
    if changed:
        workers = list(CensusWorker.objects.filter(pk__in=changed))
        for worker in workers:
            for name, value in changed[worker.pk].items():
                setattr(worker, name, value)
        bulk_update_with_history(workers, CensusWorker, WRITTEN_FIELDS, default_user=changed_by, batch_size=2000)
    records_create_with_history(model=CensusWorker, rows=new, changed_by=changed_by)
    result.created, result.updated, result.deleted = len(new), len(changed), len(gone)
