"""Agency engagements for the apps below the one that keeps them (docs/adr/0105-census-year-built-from-records.md,
docs/adr/0701-agency-engagements.md).

The agency app holds each agency social worker's engagements; the workforce app, in the layer
below (agency reads workforce's census codes and figures), needs them to build a census year, in
which every children's social worker agency-engaged in the year has a line. Agency registers its
one reader here in its AppConfig.ready, as workload registers its caseload counts
(`pswhub.core.caseload_counts`); workforce asks core. With no reader registered (an installation
without the agency app) nothing is known of engagements: `engagements_between` returns None and
the census is built from the assignments alone."""

from datetime import date
from decimal import Decimal
from typing import NamedTuple

_reader = None


class AgencyEngagement(NamedTuple):
    """One engagement as another app reads it: the staff record it is for (None when the worker
    has none, `worker` then being the name the engagement gives), the agency, the team covered
    in, the dates (`ends_on` None while it continues), the FTE and the census role code
    (`workforce.codes.ORG_ROLE`)."""

    pk: int
    staff_member_id: int | None
    worker: str
    agency: str
    team_id: int
    team_name: str
    starts_on: date
    ends_on: date | None
    fte: Decimal
    org_role: str


def register(reader):
    """`reader(*, start, end, team_ids)` returns a list of AgencyEngagement: every engagement in
    one of `team_ids` in force on at least one day from `start` to `end` (both included), ordered
    by staff record and start. One reader per installation, set at start-up; None takes it away."""
    global _reader
    _reader = reader


def engagements_between(*, start, end, team_ids):
    """The engagements in `team_ids` overlapping `start` to `end`, or None when no app holds
    agency engagements."""
    if _reader is None:
        return None
    return _reader(start=start, end=end, team_ids=team_ids)
