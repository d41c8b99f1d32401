"""The census build reads agency engagements through core's registry
(`pswhub.core.agency_engagements`, which this app fills): the small council of the workforce
census build tests (pswhub/workforce/tests/census_council.py) with engagements added, the 2026
census year running from 1 October 2025 to 30 September 2026. Each value worked out by hand."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from pswhub.agency.selectors import engagements_for_core
from pswhub.core import agency_engagements
from pswhub.workforce.selectors import workforce_figures
from pswhub.workforce.services.census_build import census_year_build
from pswhub.workforce.tests.census_council import count, person, small_council

from .factories import EngagementFactory

pytestmark = pytest.mark.django_db


def lines(staff):
    worker = apps.get_model("workforce", "CensusWorker")
    return list(worker.objects.filter(census_year__year=2026, staff_member=staff).order_by("line"))


@pytest.fixture
def council():
    """The small council, with:
    - Kit (SW1010), known only from an engagement with Meridian Locums in Children in care from
      2 March 2026, continuing, 0.5 FTE, a senior practitioner, with 7 cases on 30 September;
    - Lee (SW1011), engaged through Meridian Locums in Assessment from 3 November 2025 to 31
      March 2026 at 0.8 FTE;
    - Dev, whose agency assignment runs from 5 January 2026, also engaged through Castle Careers
      from 1 December 2025 to 31 March 2026;
    - Ola Okafor, engaged through Castle Careers from 2 February 2026, with no staff record;
    - Jo (no SWE number), engaged through Castle Careers from 1 April 2026;
    - engagements that do not count: one in the adults' service, one with no staff record that
      ended on 30 September 2025, the day before the year began, and one of Ann's from 1 June 2026
      while she is employed (her employment record wins)."""
    people, teams = small_council()
    in_care, assessment = teams["in_care"], teams["assessment"]
    adults_team = people["hal"].team
    people["kit"] = person(in_care, "SW1010", sex="F")
    people["lee"] = person(assessment, "SW1011", sex="M")
    engage = EngagementFactory
    engage(staff_member=people["kit"], worker_name="", team=in_care, starts_on=date(2026, 3, 2), fte=Decimal("0.5"),
           org_role="4")  # fmt: skip
    count(people["kit"], date(2026, 9, 30), 7)
    engage(staff_member=people["lee"], worker_name="", team=assessment, starts_on=date(2025, 11, 3),
           ends_on=date(2026, 3, 31), fte=Decimal("0.8"))  # fmt: skip
    engage(staff_member=people["dev"], worker_name="", agency="Castle Careers", team=in_care,
           starts_on=date(2025, 12, 1), ends_on=date(2026, 3, 31))  # fmt: skip
    engage(worker_name="Ola Okafor", agency="Castle Careers", team=in_care, starts_on=date(2026, 2, 2))
    engage(staff_member=people["jo"], worker_name="", agency="Castle Careers", team=assessment,
           starts_on=date(2026, 4, 1))  # fmt: skip
    engage(staff_member=people["hal"], worker_name="", team=adults_team, starts_on=date(2026, 1, 5))
    engage(staff_member=people["ann"], worker_name="", team=teams["assessment"], starts_on=date(2026, 6, 1))
    engage(worker_name="Before the year", team=in_care, starts_on=date(2025, 4, 1), ends_on=date(2025, 9, 30))
    return people, teams


def test_a_worker_known_only_from_an_engagement_has_one_agency_line(council):
    people, teams = council
    census_year_build(year=2026)
    (kit,) = lines(people["kit"])
    assert (kit.swe_number, kit.agency, kit.team_id, kit.org_role) == ("SW1010", True, teams["in_care"].pk, "4")
    assert (kit.fte, kit.fte_30, kit.cases_30) == (Decimal("0.5"), Decimal("0.5"), 7)
    assert (kit.role_start_date, kit.role_end_date) == (date(2026, 3, 2), None)
    # Agency: no origin, no leaving details, no absence.
    assert (kit.start_origin, kit.reason_leave, kit.working_days_lost, kit.absent_at_30_september) == (
        "",
        "",
        None,
        None,
    )
    engagement = "Agency engagement with Meridian Locums from 2 March 2026 (Senior practitioner, Children in care)"
    assert kit.sources["agency"] == engagement
    assert kit.sources["fte_30"] == f"FTE on 30 September 2026: {engagement}"
    assert kit.sources["role_start_date"] == f"Start of the first engagement of an unbroken run of 1: {engagement}"
    assert kit.sources["reason_leave"] == "Agency workers have no leaving details in the census"


def test_an_agency_assignment_and_an_overlapping_engagement_make_one_line(council):
    people, teams = council
    census_year_build(year=2026)
    (dev,) = lines(people["dev"])
    # The engagement (1 December 2025 to 31 March 2026) and the agency assignment from 5 January
    # 2026 are one unbroken run: it starts with the engagement; on 30 September the assignment is
    # in force, so the FTE, role and team are its.
    assert (dev.agency, dev.role_start_date, dev.role_end_date) == (True, date(2025, 12, 1), None)
    assert (dev.fte_30, dev.org_role, dev.team_id, dev.cases_30) == (Decimal(1), "5", teams["in_care"].pk, 15)
    assert dev.sources["role_start_date"] == (
        "Start of the first assignment or engagement of an unbroken run of 2: Agency engagement with Castle Careers "
        "from 1 December 2025 to 31 March 2026 (Case holder, Children in care)"
    )
    assert dev.sources["fte_30"].startswith("FTE on 30 September 2026: Assignment from 5 January 2026")


def test_an_engagement_ending_on_31_march_is_an_agency_line_not_in_post_at_30_september(council):
    people, teams = council
    census_year_build(year=2026)
    (lee,) = lines(people["lee"])
    assert (lee.agency, lee.team_id, lee.fte, lee.fte_30, lee.cases_30) == (
        True, teams["assessment"].pk, Decimal("0.8"), None, None,
    )  # fmt: skip
    assert (lee.role_start_date, lee.role_end_date, lee.reason_leave) == (date(2025, 11, 3), date(2026, 3, 31), "")
    assert lee.sources["fte_30"] == "Not in post on 30 September"
    assert lee.sources["role_end_date"] == (
        "End of the last engagement: Agency engagement with Meridian Locums from 3 November 2025 to 31 March 2026 "
        "(Case holder, Assessment)"
    )


def test_an_engagement_overlapping_an_employed_assignment_gives_way_to_it(council):
    people, _ = council
    census_year_build(year=2026)
    (ann,) = lines(people["ann"])
    assert (ann.agency, ann.role_start_date, ann.fte_30) == (False, date(2020, 1, 6), Decimal(1))
    assert ann.sources["fte_30"].startswith("FTE on 30 September 2026: Assignment from 6 January 2020")


def test_engagements_without_a_staff_record_or_swe_number_are_left_out_and_named(council):
    people, _ = council
    result = census_year_build(year=2026)
    # Ola has no staff record; the engagement that ended before the year is not named.
    assert result.left_out_engagements == ["Ola Okafor (Castle Careers, from 2 February 2026)"]
    # Jo has a staff record but no SWE number: left out as before, with the agency named.
    jo = people["jo"]
    assert result.left_out == [f"{jo.first_name} {jo.last_name} ({jo.employee_number}), engaged through Castle Careers"]
    assert lines(jo) == [] and lines(people["hal"]) == []  # Hal's engagement is in the adults' service
    # Ann to Gus (7), Kit and Lee.
    assert result.lines == 9


def test_the_page_and_the_command_name_the_engagements_left_out(council, client, psw):
    client.force_login(psw)
    page = client.post(reverse("workforce:census_build", kwargs={"year": 2026}), follow=True).content.decode()
    assert "1 agency engagements in the year are for workers with no staff record" in page
    assert "Ola Okafor (Castle Careers, from 2 February 2026)" in page
    err = StringIO()
    call_command("census_build", "--year", "2026", stdout=StringIO(), stderr=err)
    assert (
        "Left out, agency engagement with no staff record (so no SWE number): Ola Okafor (Castle Careers, from 2 "
        "February 2026)" in err.getvalue()
    )


def test_the_dfe_figures_count_the_engagement_only_worker_as_agency(council):
    census_year_build(year=2026)
    figures = workforce_figures(census_year=apps.get_model("workforce", "CensusYear").objects.get(year=2026))
    # LA-employed in post as before: Ann 1, Cara 0.6, Eve 1, Finn 1, Gus 1 = 5 people, 4.6 FTE.
    assert (figures["headcount_in_post"], figures["fte_in_post"]) == (5, Decimal("4.60"))
    # Agency in post on 30 September: Dev 1 (one line for his assignment and engagement) and Kit
    # 0.5 = 2 people, 1.5 FTE (Lee's engagement ended on 31 March); rate 1.5 / (1.5 + 4.6) =
    # 24.59% → 24.6.
    assert (figures["agency_headcount"], figures["agency_fte"], figures["agency_rate"]) == (
        2, Decimal("1.50"), Decimal("24.6"),
    )  # fmt: skip
    # Cases: Ann 12 + Cara 9 + Dev 15 + Finn 18 + Kit 7 = 61 over 1 + 0.6 + 1 + 1 + 0.5 = 4.1 FTE
    # → 14.88 → 14.9.
    assert (figures["cases"], figures["case_holder_fte"], figures["average_caseload"]) == (
        61, Decimal("4.10"), Decimal("14.9"),
    )  # fmt: skip
    # Leavers are LA-employed only: still Ben alone.
    assert figures["leavers_headcount"] == 1


def test_building_again_with_engagements_writes_nothing(council):
    census_year_build(year=2026)
    worker = apps.get_model("workforce", "CensusWorker")
    history = worker.history.count()
    again = census_year_build(year=2026)
    assert (again.created, again.updated, again.deleted, again.unchanged) == (0, 0, 0, 9)
    assert not again.changed_anything and worker.history.count() == history


def test_with_no_reader_registered_the_build_uses_the_assignments_alone(council):
    people, _ = council
    assert agency_engagements.engagements_between(start=date(2025, 10, 1), end=date(2026, 9, 30), team_ids=[]) == []
    agency_engagements.register(None)
    try:
        assert (
            agency_engagements.engagements_between(start=date(2025, 10, 1), end=date(2026, 9, 30), team_ids=[]) is None
        )
        result = census_year_build(year=2026)
    finally:
        agency_engagements.register(engagements_for_core)
    # The seven lines of the assignments; Kit and Lee unknown; nothing said of engagements.
    assert (result.lines, result.left_out_engagements) == (7, [])
    assert lines(people["kit"]) == []
    (dev,) = lines(people["dev"])
    assert dev.role_start_date == date(2026, 1, 5)


def test_the_reader_gives_the_engagements_overlapping_the_dates_in_the_teams(council):
    people, teams = council
    read = engagements_for_core(start=date(2026, 4, 1), end=date(2026, 9, 30), team_ids={teams["in_care"].pk})
    # In Children in care from 1 April 2026: Dev's (to 31 March) is not; Kit's and Ola's are.
    assert {row.staff_member_id for row in read} == {people["kit"].pk, None}
    assert [row.worker for row in read if row.staff_member_id is None] == ["Ola Okafor"]
    kit = next(row for row in read if row.staff_member_id == people["kit"].pk)
    assert (kit.agency, kit.team_name, kit.fte, kit.org_role, kit.ends_on) == (
        "Meridian Locums", "Children in care", Decimal("0.5"), "4", None,
    )  # fmt: skip
