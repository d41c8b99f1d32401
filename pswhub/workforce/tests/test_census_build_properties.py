"""Properties of building a census year over many generated councils: building again with nothing
changed writes nothing, and a year marked as submitted never changes whatever is imported or
recorded afterwards (HR extracts, absences, caseload counts, profiles, a census return)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pswhub.core.tests.factories import AuthorityFactory, ServiceFactory, StaffMemberFactory, TeamFactory
from pswhub.workforce import records
from pswhub.workforce.census_values import line_texts
from pswhub.workforce.csww import census_return_read
from pswhub.workforce.hr_import import TEMPLATE_COLUMNS, extract_read
from pswhub.workforce.models import CensusWorker, CensusYear, StaffProfile
from pswhub.workforce.services import CensusImportError, census_return_import, hr_extract_import
from pswhub.workforce.services.census_build import CensusBuildError, census_year_build
from pswhub.workforce.services.census_submission import census_year_submit

from .factories import AbsenceEpisodeFactory, AssignmentFactory, EstablishmentFactory
from .returns import census_return, worker

YEAR_START = date(2025, 10, 1)  # the 2026 census year runs to 30 September 2026
ftes = st.sampled_from([Decimal("1"), Decimal("0.8"), Decimal("0.6"), Decimal("0.5")])
people = st.lists(
    st.fixed_dictionaries(
        {
            "agency": st.booleans(),
            "starts": st.integers(min_value=-900, max_value=360),
            "length": st.one_of(st.none(), st.integers(min_value=1, max_value=900)),
            "fte": ftes,
            "change": st.one_of(st.none(), st.tuples(st.integers(min_value=1, max_value=300), ftes)),
            "swe": st.booleans(),
            "cases": st.one_of(st.none(), st.integers(min_value=0, max_value=30)),
            "absence": st.one_of(st.none(), st.integers(min_value=0, max_value=364)),
        }
    ),
    min_size=1,
    max_size=5,
)


class _RolledBack(Exception):
    pass


def rolled_back(check):
    """Runs one generated example in a savepoint rolled back after, so examples do not meet."""
    try:
        with transaction.atomic():
            check()
            raise _RolledBack
    except _RolledBack:
        pass


@pytest.fixture
def team(db):
    authority = AuthorityFactory()
    team = TeamFactory(service=ServiceFactory(authority=authority), name="Assessment")
    EstablishmentFactory(team=team, funded_fte=Decimal("3"), starts_on=date(2020, 4, 1))
    return team


def council(team, generated):
    """Writes the generated people's records; returns their staff members."""
    snapshot = apps.get_model("workload", "CaseloadSnapshot")
    staff_members = []
    for number, values in enumerate(generated):
        staff = StaffMemberFactory(team=team, employee_number=f"E{number}")
        staff_members.append(staff)
        if values["swe"]:
            StaffProfile.objects.create(staff_member=staff, swe_number=f"SW{900 + number}", sex="F")
        starts = YEAR_START + timedelta(days=values["starts"])
        ends = starts + timedelta(days=values["length"] - 1) if values["length"] else None
        contract = "agency" if values["agency"] else "permanent"
        change = values["change"]
        if change and (ends is None or starts + timedelta(days=change[0]) <= ends):
            switch = starts + timedelta(days=change[0])
            AssignmentFactory(staff_member=staff, team=team, fte=values["fte"], contract_type=contract,
                              starts_on=starts, ends_on=switch - timedelta(days=1))  # fmt: skip
            AssignmentFactory(staff_member=staff, team=team, fte=change[1], contract_type=contract,
                              starts_on=switch, ends_on=ends, reason_leave="1" if ends else "")  # fmt: skip
        else:
            AssignmentFactory(staff_member=staff, team=team, fte=values["fte"], contract_type=contract,
                              starts_on=starts, ends_on=ends, reason_leave="1" if ends else "")  # fmt: skip
        if values["cases"] is not None:
            snapshot.objects.create(staff_member=staff, date=date(2026, 9, 1), case_type_id="child_in_need",
                                    count=values["cases"])  # fmt: skip
        if values["absence"] is not None:
            AbsenceEpisodeFactory(staff_member=staff, starts_on=YEAR_START + timedelta(days=values["absence"]),
                                  ends_on=None, working_days_lost=Decimal("2.5"))  # fmt: skip
    return staff_members


def frozen(year=2026):
    census_year = CensusYear.objects.get(year=year)
    lines = [(line.staff_member_id, line.line, line_texts(line), line.sources) for line in
             CensusWorker.objects.filter(census_year=census_year).order_by("swe_number", "line")]  # fmt: skip
    return lines, (census_year.vacancies_fte, census_year.agency_cover_fte, census_year.agency_cover_headcount)


SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(generated=people)
def test_building_twice_writes_nothing_the_second_time(team, generated):
    def check():
        council(team, generated)
        census_year_build(year=2026)
        written = (CensusWorker.history.count(), CensusYear.history.count(), frozen())
        again = census_year_build(year=2026)
        assert not again.changed_anything
        assert (again.created, again.updated, again.deleted) == (0, 0, 0)
        assert (CensusWorker.history.count(), CensusYear.history.count(), frozen()) == written

    rolled_back(check)


@SETTINGS
@given(
    generated=people,
    later_fte=ftes,
    later_day=st.integers(min_value=0, max_value=364),
    leaves=st.booleans(),
    cases=st.integers(min_value=0, max_value=40),
)
def test_a_submitted_year_never_changes_whatever_is_imported_afterwards(
    team, generated, later_fte, later_day, leaves, cases
):
    def check():
        staff_members = council(team, generated)
        census_year_build(year=2026)
        if not CensusWorker.objects.filter(census_year__year=2026).exists():
            return  # nothing to submit
        census_year_submit(census_year=CensusYear.objects.get(year=2026), submitted_by=None)
        before = frozen()

        # An HR extract changes everyone's FTE from a day in the year, and perhaps their leaving.
        day = YEAR_START + timedelta(days=later_day)
        values = {"job_title": "Social worker", "team": "Assessment", "started_on": "2015-01-05",
                  "contract_type": "permanent", "census_role": "5", "effective_on": day.isoformat()}  # fmt: skip
        rows = []
        for staff in staff_members:
            row = values | {"employee_number": staff.employee_number, "first_name": staff.first_name,
                            "last_name": staff.last_name, "email": "", "fte": str(later_fte),
                            "left_on": day.isoformat() if leaves else "", "swe_number": "",
                            "start_origin": "", "reason_leave": "1" if leaves else "",
                            "leaver_destination": "1" if leaves else ""}  # fmt: skip
            rows.append(",".join(row.get(column, "") for column in TEMPLATE_COLUMNS))
        content = ("\r\n".join([",".join(TEMPLATE_COLUMNS), *rows]) + "\r\n").encode()
        extract = extract_read(content=content, file_name="staff.csv")
        assert extract.is_valid, extract.problems
        hr_extract_import(extract=extract)
        # Absences, caseload counts and equality details recorded later.
        snapshot = apps.get_model("workload", "CaseloadSnapshot")
        for staff in staff_members:
            snapshot.objects.create(staff_member=staff, date=date(2026, 9, 30), case_type_id="child_protection",
                                    count=cases)  # fmt: skip
            records.staff_profile_update(staff_member=staff, ethnicity="OOTH", sex="M")
        # A census return for the year is refused, and so is building it.
        with pytest.raises(CensusImportError):
            census_return_import(
                census_return=census_return_read(census_return(2026, workers=[worker("SW1", year=2026)], lea="888"))
            )
        with pytest.raises(CensusBuildError):
            census_year_build(year=2026)
        assert frozen() == before

    rolled_back(check)
