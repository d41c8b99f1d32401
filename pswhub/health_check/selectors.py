"""Reads for the health check: every score, count and rate the pages, the command and the annual
report show comes from here, through the disclosure rule in `anonymity`.

A year is a financial year named by the calendar year it starts in (2025 is 2025/26); a run
belongs to the year it was set up for. Results for a service take every response given in that
service in the year's runs, joint runs included."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from pswhub.core.figures import rate
from pswhub.core.models import User

from . import scoring
from .anonymity import groups_shown, may_show
from .models import (
    CellTally,
    Comment,
    Commitment,
    Invitation,
    LgaResult,
    Participation,
    Plan,
    Response,
    Run,
    RunQuestion,
    Standard,
    Tally,
    Theme,
)

STANDARDS = range(1, 9)
NO_TEAM = "No team given"


@dataclass
class GroupResult:
    """A group's results. When `suppressed`, nothing else about the group is given: no count, no
    score, no band."""

    key: object
    suppressed: bool
    responses: int | None = None
    by_standard: dict = field(default_factory=dict)  # number -> whole score or None
    bands: dict = field(default_factory=dict)  # number -> band or None
    items: dict = field(default_factory=dict)  # question id -> whole score or None

    def as_figures(self):
        """The shape of `health_check_figures --json`."""
        return {
            "responses": self.responses,
            "by_standard": {str(number): self.by_standard.get(number) for number in STANDARDS},
            "bands": {str(number): self.bands.get(number) for number in STANDARDS},
            "suppressed": self.suppressed,
        }


def _suppressed(key):
    return GroupResult(key=key, suppressed=True)


# A cell of respondents: everyone who answered in the same year, service, team and role. Cells
# partition the responses, so any count (responses, or responses answering a standard) adds up
# across cells to the count for any coarser group.
CELL = ("run__year_start", "service", "team_name", "role")
CELL_INDEX = {"year": 0, "service": 1, "team_name": 2, "role": 3}


@dataclass
class Tallies:
    """Responses, answers and answer sums by cell, read in three queries; every grouping of the
    results is added up from them."""

    counts: list  # (cell, responses)
    items: list  # (cell, standard, question id, answered, sum of choices)
    answering: list  # (cell, standard, responses answering any item of the standard)


def tallies(**filters):
    """The tallies of the runs, services and cells `filters` choose (such as run=run, or
    run__year_start=2025 and service="children"), in two queries."""
    counts, answering = [], []
    for row in CellTally.objects.filter(**filters).values(*CELL, "standard", "responses"):
        cell = tuple(row[name] for name in CELL)
        if row["standard"] == 0:
            counts.append((cell, row["responses"]))
        else:
            answering.append((cell, row["standard"], row["responses"]))
    fields = (*CELL, "standard_id", "question__question_id", "answered", "choice_sum")
    items = [
        (tuple(row[name] for name in CELL), *(row[name] for name in fields[len(CELL) :]))
        for row in Tally.objects.filter(**filters).values(*fields)
    ]
    return Tallies(counts=counts, items=items, answering=answering)


def results(*, group_field=None, with_items=False, **filters):
    """Results of the responses `filters` choose (see `tallies`), whole (`group_field` None, keyed
    None) or by `service`, `team_name` or `role`, as {key: GroupResult}. Groups hidden by the rule
    are suppressed; a standard is scored for a shown group only when enough of its respondents
    answered one of the standard's items, by the same rule across the groups."""
    return results_from(tallies(**filters), group_field=group_field, with_items=with_items)


def results_from(found_tallies, *, group_field=None, with_items=False, where=None):
    """`results` from tallies already read; `where(cell)` keeps only some cells (one year)."""
    keep = where or (lambda cell: True)

    def key_of(cell):
        return cell[CELL_INDEX[group_field]] if group_field else None

    counts = {} if group_field else {None: 0}
    for cell, n in found_tallies.counts:
        if keep(cell):
            counts[key_of(cell)] = counts.get(key_of(cell), 0) + n
    total = sum(counts.values())
    shown = groups_shown(counts, total) if group_field else ({None} if may_show(total) else set())
    found = {key: _suppressed(key) for key in counts}
    if not shown:
        return found
    answering = {}
    for cell, number, n in found_tallies.answering:
        if keep(cell):
            by_group = answering.setdefault(number, {})
            by_group[key_of(cell)] = by_group.get(key_of(cell), 0) + n
    sums = {}
    for cell, number, question_id, answered, choice_sum in found_tallies.items:
        if keep(cell):
            totals = sums.setdefault(key_of(cell), {}).setdefault(number, {}).setdefault(question_id, [0, 0])
            totals[0] += answered
            totals[1] += choice_sum
    for key in shown:
        result = GroupResult(key=key, suppressed=False, responses=counts[key])
        for number in STANDARDS:
            by_group = answering.get(number, {})
            scored = (
                groups_shown(by_group, sum(by_group.values()))
                if group_field
                else ({None} if may_show(by_group.get(None, 0)) else set())
            )
            items = {
                question_id: (scoring.item_score_from_totals(answered=answered, choice_sum=choice_sum), answered)
                for question_id, (answered, choice_sum) in sums.get(key, {}).get(number, {}).items()
            }
            score = scoring.whole(scoring.standard_score(s for s, _ in items.values())) if key in scored else None
            result.by_standard[number] = score
            result.bands[number] = scoring.band(score)
            if with_items:
                for question_id, (item, answered) in items.items():
                    result.items[question_id] = scoring.whole(item) if may_show(answered) else None
        found[key] = result
    return found


def figures(*, year_start, service, team=None):
    """A service's results for a year, or one team's (shown only where the rule shows it beside
    the service's other teams)."""
    chosen = {"run__year_start": year_start, "service": service}
    if team is None:
        return results(**chosen).get(None) or _suppressed(None)
    return results(group_field="team_name", **chosen).get(team) or _suppressed(team)


def invited(run):
    """Staff invited to a run: those invited in PSW Hub, or the number entered for an import."""
    count = Invitation.objects.filter(run=run).count()
    return count or run.invited_count


def response_rate(run, *, responses=None):
    """Responses as a percentage of staff invited, to one decimal place; None when the number
    invited is not known or the run is below the threshold."""
    responses = Response.objects.filter(run=run).count() if responses is None else responses
    if not may_show(responses):
        return None
    return rate(responses, invited(run))


def run_summary(run):
    """A run's response rate, its whole results and its results by service, by team and by role
    (suppressed groups are not listed by name, only counted), all from one read of its tallies."""
    found_tallies = tallies(run=run)
    whole = results_from(found_tallies, with_items=True)[None]
    breakdowns = {}
    for group_field in ("service", "team_name", "role"):
        groups = results_from(found_tallies, group_field=group_field)
        breakdowns[group_field] = {
            "shown": sorted((g for g in groups.values() if not g.suppressed), key=lambda g: str(g.key)),
            "hidden": sum(1 for g in groups.values() if g.suppressed),
        }
    total = sum(n for _, n in found_tallies.counts)
    return {
        "run": run,
        "invited": invited(run),
        "rate": response_rate(run, responses=total),
        "whole": whole,
        "breakdowns": breakdowns,
    }


def run_breakdowns(run):
    return run_summary(run)["breakdowns"]


def standards():
    return list(Standard.objects.all())


def run_questions(run):
    return (
        RunQuestion.objects.filter(run=run)
        .select_related("question__standard")
        .order_by("question__standard_id", "order", "pk")
    )


def run_list():
    return Run.objects.annotate(response_count=Count("responses", distinct=True)).order_by(
        "-year_start", "-opens_on", "title"
    )


def runs_to_answer(*, user, today):
    """Open runs the user is invited to and has not answered."""
    answered = Participation.objects.filter(user=user).values("run_id")
    return Run.objects.filter(
        invitations__user=user, source=Run.HUB, opens_on__lte=today, closes_on__gte=today
    ).exclude(pk__in=answered)


def has_answered(*, user, run):
    return Participation.objects.filter(user=user, run=run).exists()


def comments_to_review(run):
    return Comment.objects.filter(response__run=run).order_by("reviewed_on", "text")


def comments_shown(run):
    """Comments the PSW has read, for a run whose respondents reach the threshold; none else."""
    if not may_show(Response.objects.filter(run=run).count()):
        return []
    return list(
        Comment.objects.filter(response__run=run, reviewed_on__isnull=False)
        .order_by("shown_text")
        .values_list("shown_text", flat=True)
    )


def trend(*, service, years):
    """Scores by standard for each year: from the responses held in PSW Hub where there are any,
    else from the LGA's results entered by hand. {year: {"source", "result"}}."""
    lga = {}
    for row in LgaResult.objects.filter(service=service, year_start__in=years):
        lga.setdefault(row.year_start, {})[row.standard_id] = row.score
    found_tallies = tallies(run__year_start__in=years, service=service)
    held = {cell[0] for cell, _ in found_tallies.counts}
    found = {}
    for year in years:
        if year in held:
            result = results_from(found_tallies, where=lambda cell, year=year: cell[0] == year)[None]
            found[year] = {"source": "PSW Hub", "result": result}
        elif year in lga:
            scores = {number: lga[year].get(number) for number in STANDARDS}
            found[year] = {
                "source": "LGA health check",
                "result": GroupResult(
                    key=None,
                    suppressed=False,
                    by_standard=scores,
                    bands={number: scoring.band(score) for number, score in scores.items()},
                ),
            }
    return found


def lga_results():
    return LgaResult.objects.select_related("standard")


def plan_list(*, published_only):
    plans = Plan.objects.prefetch_related("runs")
    return plans.filter(published_on__isnull=False) if published_only else plans


def plan_detail(plan):
    return plan.themes.prefetch_related("commitments__updates", "commitments__frontline_points")


def commitment_latest_update(commitment, *, on=None):
    """The latest update dated on or before `on` (any date when None), from prefetched updates."""
    for update in commitment.updates.all():
        if on is None or update.as_at <= on:
            return update
    return None


def plan_rag_counts(*, year_start, services, on):
    """Commitments of the year's plans by their RAG status on a day: {green, amber, red, none,
    total}. Plans for children's or adults' services include joint plans."""
    scope = Q() if services == "all" else Q(theme__plan__service__in=[services, "joint"])
    counts = {"green": 0, "amber": 0, "red": 0, "none": 0}
    for commitment in Commitment.objects.filter(scope, theme__plan__year_start=year_start).prefetch_related("updates"):
        update = commitment_latest_update(commitment, on=on)
        counts[update.rag if update else "none"] += 1
    counts["total"] = sum(counts.values())
    return counts


def invitees(service):
    """The accounts of staff in post in the run's service (both services for a joint run)."""
    users = User.objects.filter(is_active=True, staff_member__left_on__isnull=True, staff_member__isnull=False)
    if service != "joint":
        users = users.filter(staff_member__team__service__kind=service)
    return users


def year_response_rate(*, year_start, service):
    """Responses as a percentage of staff invited, over the year's runs for one service (joint runs,
    whose invitations are not by service, are left out); None when not known or below the
    threshold."""
    runs = list(Run.objects.filter(year_start=year_start, service=service))
    responses = Response.objects.filter(run__in=runs).count()
    invited_counts = [invited(run) for run in runs]
    if not runs or None in invited_counts or not may_show(responses):
        return None
    return rate(responses, sum(invited_counts))


def plan_themes(*, year_start, services):
    """The themes of the year's published plans in scope, with their commitments."""
    scope = Q() if services == "all" else Q(plan__service__in=[services, "joint"])
    return (
        Theme.objects.filter(scope, plan__year_start=year_start, plan__published_on__isnull=False)
        .select_related("plan")
        .prefetch_related("commitments__updates")
        .order_by("plan__title", "order", "pk")
    )


def comments_unread():
    return Comment.objects.filter(reviewed_on__isnull=True)
