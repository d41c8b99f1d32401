"""Posts and establishment by team (docs/figures.md, "Establishment and vacancies at a date"):
each team's funded FTE from a date, and at any date the FTE filled by the council's own staff,
the vacancy FTE, the agency FTE covering it and the vacancy rate."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet

from pswhub.core import roles
from pswhub.core.figures import rate
from pswhub.core.models import Team

from .employment import ZERO, team_fte_by_team_on
from .models import Establishment

ESTABLISHMENT_EXISTS = "{team} already has a funded FTE recorded from {date}: change that one instead"


@dataclass
class EstablishmentLine:
    """One team's establishment on a date, or the totals (team None)."""

    team: Team | None
    funded_fte: Decimal
    filled_fte: Decimal
    vacancy_fte: Decimal
    agency_fte: Decimal
    agency_cover_fte: Decimal

    @property
    def vacancy_rate(self):
        """DfE's vacancy rate: vacancy FTE ÷ (vacancy FTE + FTE in post), to one decimal place."""
        return rate(self.vacancy_fte, self.vacancy_fte + self.filled_fte)


def establishment_teams(user):
    """The teams whose establishment a user may read: every active team for the PSW, HR officers
    and heads of service; the teams they manage (and those beneath) for a team manager."""
    teams = Team.objects.filter(is_active=True).select_related("service").order_by("service__kind", "name")
    if user.has_role(roles.PSW, roles.HR_OFFICER, roles.HEAD_OF_SERVICE):
        return teams
    if user.has_role(roles.TEAM_MANAGER):
        return teams.filter(pk__in=user.managed_team_ids())
    return teams.none()


def funded_fte_by_team_on(on, *, team_ids):
    """{team id: funded FTE} on a date: for each team and census role (blank for the whole team),
    the funded FTE recorded from the latest date on or before it, summed over the team's roles."""
    funded, seen = {}, set()
    rows = (
        Establishment.objects.filter(team_id__in=team_ids, starts_on__lte=on)
        .order_by("team_id", "org_role", "-starts_on")
        .values_list("team_id", "org_role", "funded_fte")
    )
    for team_id, org_role, funded_fte in rows:
        if (team_id, org_role) in seen:
            continue
        seen.add((team_id, org_role))
        funded[team_id] = funded.get(team_id, ZERO) + funded_fte
    return funded


def establishment_on(on, *, teams):
    """Each team's establishment line on a date and the totals. Per team: vacancy FTE = funded FTE
    − FTE filled by the council's own staff, not below 0; agency cover FTE = agency FTE, up to the
    vacancy FTE. Totals add the teams' lines, so one team over its establishment does not hide
    another's vacancies."""
    # A queryset of teams is read as a subquery: a list of a thousand ids costs more to send.
    team_ids = teams.values("pk") if isinstance(teams, QuerySet) else [team.pk for team in teams]
    teams = list(teams)
    funded = funded_fte_by_team_on(on, team_ids=team_ids)
    in_post = team_fte_by_team_on(on, team_ids=team_ids)
    lines = []
    for team in teams:
        filled = in_post.get(team.pk, {}).get("employed", ZERO)
        agency = in_post.get(team.pk, {}).get("agency", ZERO)
        team_funded = funded.get(team.pk, ZERO)
        vacancy = max(team_funded - filled, ZERO)
        lines.append(EstablishmentLine(team, team_funded, filled, vacancy, agency, min(agency, vacancy)))
    total = EstablishmentLine(None, *(sum((getattr(line, name) for line in lines), ZERO) for name in FIGURES))
    return lines, total


FIGURES = ["funded_fte", "filled_fte", "vacancy_fte", "agency_fte", "agency_cover_fte"]


class EstablishmentError(Exception):
    pass


def establishment_record(*, team, funded_fte, starts_on, org_role="", changed_by=None):
    """Records a team's funded FTE (for one census role, or the whole team) from a date; returns
    the new row. One row per team, role and date."""
    with transaction.atomic():
        if Establishment.objects.filter(team=team, org_role=org_role, starts_on=starts_on).exists():
            raise EstablishmentError(ESTABLISHMENT_EXISTS.format(team=team.name, date=starts_on))
        row = Establishment(team=team, org_role=org_role, funded_fte=funded_fte, starts_on=starts_on)
        row._history_user = changed_by
        row.save()
    return row


def establishment_history(*, teams):
    return Establishment.objects.filter(team__in=teams).select_related("team").order_by("team__name", "-starts_on")
