"""Census-year figures broken down: by team, by role, retention by role group, leavers by reason
and destination, starters by origin, the age and sex of newly qualified starters and the equality
profile. Each uses the definitions of `selectors` (docs/workforce.md, "Figures"); counts are
people, each counted once in a group. `census_year_breakdowns` is the one read of them all for a
year, kept until the year's lines change, used by the dashboard, its downloads and
`manage.py workforce_figures` alike."""

from datetime import timedelta

from pswhub.core import disclosure
from pswhub.core.figures import rate
from pswhub.core.models import Team
from pswhub.core.presenters import SUPPRESSED

from . import codes
from .selectors import (
    DERIVED_FROM,
    Year,
    figures_from,
    in_post_on,
    kept_by_year,
    people_by,
    profile_counts,
    workforce_figures_for_publication,
    year_lines,
)

NO_TEAM = "No team recorded"
NO_ROLE = "Role not recorded"

# Role groups for retention, from the census role codes (OrgRole). Everyone in the census is a
# registered social worker, so "all qualified social workers" is every LA-employed line.
RETENTION_GROUPS = [
    ("managers", "Managers (senior, middle and first line)", codes.MANAGER_ROLES),
    ("senior_practitioners", "Senior practitioners", {codes.SENIOR_PRACTITIONER}),
    ("case_holders", "Case holders", {codes.CASE_HOLDER}),
    ("qualified_without_cases", "Qualified, not holding cases", {codes.QUALIFIED_WITHOUT_CASES}),
    ("all", "All qualified social workers", None),
]


def _grouped(census_year, lines, key_of, groups):
    """`figures_from` for each group of lines, people leaving or joining counted against the whole
    authority; `groups` is [(key, label)] in the order to show, and only groups with lines show."""
    held = {}
    for line in lines:
        held.setdefault(key_of(line), []).append(line)
    return [
        figures_from(Year(census_year, held[key], lines), whole_authority=False, group=label)
        for key, label in groups
        if key in held
    ]


def figures_by_team(*, census_year, lines=None):
    """`workforce_figures` for each team recorded on the year's lines (that team alone, not the
    teams beneath it), by team name, then the lines with no team. A move between teams in the year
    is a leaver of neither; vacancies are held for the authority only, so are None here."""
    lines = year_lines([census_year])[census_year.pk] if lines is None else lines
    names = dict(Team.objects.filter(pk__in={line.team_id for line in lines}).values_list("pk", "name"))
    groups = [*sorted(names.items(), key=lambda item: (item[1].casefold(), item[0])), (None, NO_TEAM)]
    return _grouped(census_year, lines, lambda line: line.team_id, groups)


def figures_by_role(*, census_year, lines=None):
    """`workforce_figures` for each census role (OrgRole) of the year's lines, in the census's
    order, then lines with no role. A person with lines in two roles counts in each; a change of
    role in the year is a leaver of neither role and a starter of neither."""
    lines = year_lines([census_year])[census_year.pk] if lines is None else lines
    return _grouped(census_year, lines, lambda line: line.org_role, [*codes.ORG_ROLE, ("", NO_ROLE)])


def figures_by_group_for_publication(rows):
    """Rows of `figures_by_team` or `figures_by_role` with disclosure control across the rows: each
    headcount column goes through `suppress_counts` (so a small cell cannot be worked out from the
    others, or from the council's own count, which DfE publishes and is always shown), and a
    suppressed headcount hides every figure derived from it."""
    shown = [workforce_figures_for_publication(row) for row in rows]
    for count, derived in DERIVED_FROM.items():
        column = disclosure.suppress_counts({index: row[count] for index, row in enumerate(rows)}, total_published=True)
        for index, row in enumerate(shown):
            if column[index] == SUPPRESSED:
                for name in [count, *derived]:
                    row[name] = SUPPRESSED
    return shown


def retention_by_role_group(*, census_year, lines=None):
    """Retention over the census year, by the role each person held at its start.

    Of the LA-employed people in post at 30 September of the year before (the start of this census
    year), the share still in post, in any role, at 30 September of this year:
    retention_rate = retained ÷ in_post_at_start, per cent to one decimal place. Both are read
    from this year's return, which lists everyone who worked in the year, leavers included.
    A person in two roles at the start counts in both groups; agency workers are not counted."""
    lines = year_lines([census_year])[census_year.pk] if lines is None else lines
    start = census_year.starts_on - timedelta(days=1)
    employed = [line for line in lines if not line.agency]
    at_end = {line.swe_number for line in employed if in_post_on(line, census_year.reference_date)}
    at_start = [line for line in employed if in_post_on(line, start)]
    rows = []
    for key, label, roles in RETENTION_GROUPS:
        people = {line.swe_number for line in at_start if roles is None or line.org_role in roles}
        retained = len(people & at_end)
        rows.append(
            {
                "group": key,
                "label": label,
                "in_post_at_start": len(people),
                "retained": retained,
                "left": len(people) - retained,
                "retention_rate": rate(retained, len(people)),
            }
        )
    return rows


def retention_for_publication(rows):
    """Retention with disclosure control. The role groups add up (near enough) to "all", so each
    count goes through `suppress_counts` across the groups with "all" as their total. A group
    whose number at the start is suppressed shows every count and the rate as `c`; one whose
    number retained or leaving is suppressed (or from 1 to threshold - 1) shows those and the rate
    as `c`."""
    groups = [row for row in rows if row["group"] != "all"]
    shown_counts = {
        name: disclosure.suppress_counts({row["group"]: row[name] for row in groups})
        for name in ("in_post_at_start", "retained", "left")
    }
    shown = []
    for row in rows:
        key = "total" if row["group"] == "all" else row["group"]
        hidden = {name for name, counts in shown_counts.items() if counts[key] == SUPPRESSED}
        hidden |= {name for name in ("in_post_at_start", "retained", "left") if disclosure.is_small(row[name])}
        row = dict(row)
        if "in_post_at_start" in hidden:
            row |= dict.fromkeys(("in_post_at_start", "retained", "left", "retention_rate"), SUPPRESSED)
        elif hidden:
            row |= dict.fromkeys(("retained", "left", "retention_rate"), SUPPRESSED)
        shown.append(row)
    return shown


def leavers_and_starters(*, census_year, lines=None):
    """Leavers in the year by reason for leaving and by destination, and starters by origin, as
    `workforce_figures` defines leavers and starters. Not disclosure-controlled."""
    lines = year_lines([census_year])[census_year.pk] if lines is None else lines
    data = Year(census_year, lines)
    return {
        "leavers_by_reason": people_by(data.leaver_lines, "reason_leave", codes.REASON_LEAVE),
        "leavers_by_destination": people_by(data.leaver_lines, "leaver_destination", codes.LEAVER_DESTINATION),
        "starters_by_origin": people_by(data.starter_lines, "start_origin", codes.START_ORIGIN),
    }


def newly_qualified_profile(*, census_year, lines=None, suppress=True):
    """Newly qualified social workers who started in the year (starters, as `workforce_figures`
    defines them, whose start origin is "newly qualified social worker") by age band at 30
    September and by sex. Disclosure-controlled unless `suppress` is False."""
    lines = year_lines([census_year])[census_year.pk] if lines is None else lines
    newly_qualified = [
        line for line in Year(census_year, lines).starter_lines if line.start_origin == codes.NEWLY_QUALIFIED
    ]
    return profile_counts(newly_qualified, census_year.reference_date, ethnicity=False, suppress=suppress)


def census_year_breakdowns(*, census_year):
    """Every breakdown of one census year, before any disclosure control, from one read of its
    lines and kept until they change (`selectors.kept_by_year`): `by_team`, `by_role`,
    `retention`, `movement` (`leavers_and_starters`), `newly_qualified` (unsuppressed) and
    `newly_qualified_suppressed`, and `equality` (people in post at 30 September by age band at
    30 September, sex and ethnicity, unsuppressed: special category data, only for readers with
    `workforce.view_equality`)."""
    return kept_by_year([census_year], "breakdowns", _breakdowns)[census_year.pk]


def _breakdowns(census_years):
    detail = {}
    lines_by_year = year_lines(census_years)
    for census_year in census_years:
        lines = lines_by_year[census_year.pk]
        detail[census_year.pk] = {
            "by_team": figures_by_team(census_year=census_year, lines=lines),
            "by_role": figures_by_role(census_year=census_year, lines=lines),
            "retention": retention_by_role_group(census_year=census_year, lines=lines),
            "movement": leavers_and_starters(census_year=census_year, lines=lines),
            "newly_qualified": newly_qualified_profile(census_year=census_year, lines=lines, suppress=False),
            "newly_qualified_suppressed": newly_qualified_profile(census_year=census_year, lines=lines, suppress=True),
            "equality": profile_counts(
                Year(census_year, lines).employed_in_post, census_year.reference_date, suppress=False
            ),
        }
    return detail
