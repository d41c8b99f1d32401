"""Building the 2026 census year from a small council's records (census_council.py), each value
and each DfE figure worked out by hand."""

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from pswhub.workforce.models import CensusWorker, CensusYear
from pswhub.workforce.selectors import workforce_figures
from pswhub.workforce.services.census_build import CensusBuildError, census_year_build
from pswhub.workforce.tests.census_council import small_council

pytestmark = pytest.mark.django_db


def lines_by_swe(year=2026):
    return {line.swe_number: line for line in CensusWorker.objects.filter(census_year__year=year)}


def test_one_line_for_each_childrens_social_worker_in_the_year():
    people, _ = small_council()
    result = census_year_build(year=2026)
    # Ann, Ben, Cara, Dev, Eve, Finn, Gus. Not Hal (adults' service), not Ivy (left on 30
    # September 2025, before the year began); Jo has no SWE number and is listed as left out.
    assert sorted(lines_by_swe()) == ["SW1001", "SW1002", "SW1003", "SW1004", "SW1005", "SW1006", "SW1007"]
    assert result.created == 7
    assert len(result.left_out) == 1 and people["jo"].employee_number in result.left_out[0]
    assert CensusYear.objects.get(year=2026).source == CensusYear.BUILT


def test_each_value_comes_from_the_records_and_says_where():
    small_council()
    census_year_build(year=2026)
    lines = lines_by_swe()
    ann = lines["SW1001"]
    # Ann: 8 + 4 cases at her count of 28 September 2026 (not the 20 of 30 June); 3 days lost in
    # November and 2 from 29 September (starting in the year) = 5, not the 5 of September 2025;
    # the training from 29 September covers 30 September.
    assert (ann.fte, ann.fte_30, ann.cases_30) == (Decimal(1), Decimal(1), 12)
    assert ann.working_days_lost == Decimal(5)
    assert (ann.absent_at_30_september, ann.reason_absence) == (True, "TRN")
    assert (ann.role_start_date, ann.start_origin, ann.sex, ann.gender_current) == (date(2020, 1, 6), "2", "F", "2")
    assert ann.sources["cases_30"] == "Caseload count of 28 September 2026 (the latest by 30 September)"
    assert ann.sources["working_days_lost"] == "2 absence episodes starting 1 October 2025 to 30 September 2026"
    assert ann.sources["date_of_birth"] == "Staff profile"

    # Ben leaves on the last day of the year: a leaver, not in post, so no FTE30 and no cases.
    ben = lines["SW1002"]
    assert (ben.role_end_date, ben.fte, ben.fte_30, ben.cases_30) == (date(2026, 9, 30), Decimal("0.8"), None, None)
    assert (ben.reason_leave, ben.leaver_destination) == ("1", "1")
    assert ben.sources["fte_30"] == "Not in post on 30 September"

    # Cara went from 1 FTE to 0.6 on 1 April 2026: the line has the FTE in force on 30 September,
    # and her start is that of the first of the two assignments.
    cara = lines["SW1003"]
    assert (cara.fte, cara.fte_30, cara.role_start_date) == (Decimal("0.6"), Decimal("0.6"), date(2024, 5, 1))
    assert (cara.sex, cara.gender_current, cara.step_up_graduate) == ("F", "2", True)
    assert cara.sources["role_start_date"].startswith("Start of the first assignment of an unbroken run of 2")

    # Dev is an agency worker: no days lost, no origin.
    dev = lines["SW1004"]
    assert (dev.agency, dev.fte_30, dev.cases_30, dev.working_days_lost) == (True, Decimal(1), 15, None)

    # Eve, a senior manager, has no caseload count in the year (her last was in 2025).
    eve = lines["SW1005"]
    assert (eve.org_role, eve.cases_30) == ("1", None)
    assert eve.sources["cases_30"] == "No caseload count between 1 October 2025 and 30 September 2026"

    # Gus was counted with no cases.
    assert (lines["SW1007"].cases_30, lines["SW1007"].frontline_graduate) == (0, True)


def test_a_person_known_first_from_a_past_return_keeps_one_staff_record():
    people, _ = small_council()
    census_year_build(year=2026)
    finn_2025 = CensusWorker.objects.get(census_year__year=2025, swe_number="SW1006")
    finn_2026 = CensusWorker.objects.get(census_year__year=2026, swe_number="SW1006")
    assert finn_2025.staff_member_id == finn_2026.staff_member_id == people["finn"].pk
    assert (finn_2026.fte_30, finn_2026.cases_30, finn_2026.role_start_date) == (Decimal(1), 18, date(2024, 9, 2))


def test_values_the_records_do_not_hold_are_carried_from_the_last_return():
    small_council()
    census_year_build(year=2026)
    lines = lines_by_swe()
    # Ann and Finn were on the 2025 return with QualLevel 1 and ContractWeeks 52.0 (and, in the
    # 2025 layout, no institution or KSS status): their 2026 lines carry them, saying so.
    for swe in ("SW1001", "SW1006"):
        line = lines[swe]
        assert (line.qualification_level, line.contract_weeks) == ("1", Decimal("52.0"))
        assert (line.qualification_institutions, line.cfkss_status) == ([], [])
        assert line.sources["qualification_level"] == "As on the 2025 return (not held in the records)"
        assert "qualification_institutions" not in line.sources
    # Ben was not on it: blank, as the records do not hold them.
    assert (lines["SW1002"].qualification_level, lines["SW1002"].contract_weeks) == ("", None)
    assert "qualification_level" not in lines["SW1002"].sources


def test_the_dfe_figures_of_the_built_year():
    small_council()
    census_year_build(year=2026)
    figures = workforce_figures(census_year=CensusYear.objects.get(year=2026))
    # In post on 30 September, LA-employed: Ann 1, Cara 0.6, Eve 1, Finn 1, Gus 1 = 5 people, 4.6 FTE.
    assert (figures["headcount_in_post"], figures["fte_in_post"]) == (5, Decimal("4.60"))
    # Leavers: Ben, 0.8 FTE; turnover 0.8 / 4.6 = 17.39% → 17.4.
    assert (figures["leavers_headcount"], figures["leavers_fte"], figures["turnover_rate"]) == (
        1, Decimal("0.80"), Decimal("17.4"),
    )  # fmt: skip
    # Starters: Gus (2 February 2026). Agency: Dev, 1 FTE; rate 1 / (1 + 4.6) = 17.86% → 17.9.
    assert figures["starters_headcount"] == 1
    assert (figures["agency_headcount"], figures["agency_rate"]) == (1, Decimal("17.9"))
    # Establishment on 30 September: Assessment funds 3, filled 3.8 (Ann, Eve, Finn and Ben, whose
    # assignment runs to that day) → no vacancy; Children in care funds 2, filled 1.6 (Cara 0.6,
    # Gus 1) → 0.4 vacant, covered by Dev's agency 1 FTE up to 0.4. Vacancy rate 0.4 / (0.4 + 4.6) = 8.0%.
    assert (figures["vacancy_fte"], figures["agency_cover_fte"]) == (Decimal("0.40"), Decimal("0.40"))
    assert (figures["agency_cover_headcount"], figures["vacancy_rate"]) == (1, Decimal("8.0"))
    # Cases: Ann 12 + Cara 9 + Dev 15 + Finn 18 = 54 over 1 + 0.6 + 1 + 1 = 3.6 FTE → 15.0.
    assert (figures["cases"], figures["case_holder_fte"], figures["average_caseload"]) == (
        54, Decimal("3.60"), Decimal("15.0"),
    )  # fmt: skip
    # Days lost by those in post: Ann 5 + Cara 4 = 9; rate 9 / (4.6 × 253 = 1163.8) = 0.77% → 0.8.
    assert (figures["working_days_lost"], figures["absence_rate"]) == (Decimal("9.00"), Decimal("0.8"))


def test_building_again_with_nothing_changed_writes_nothing():
    small_council()
    census_year_build(year=2026)
    history = CensusWorker.history.count()
    again = census_year_build(year=2026)
    assert (again.created, again.updated, again.deleted, again.unchanged) == (0, 0, 0, 7)
    assert not again.changed_anything
    assert CensusWorker.history.count() == history


def test_an_imported_year_is_never_built():
    small_council()
    with pytest.raises(CensusBuildError, match="2025 census year holds a return imported from a census return"):
        census_year_build(year=2025)


def test_the_command_builds_and_dry_run_writes_nothing():
    small_council()
    out = StringIO()
    call_command("census_build", "--year", "2026", "--dry-run", stdout=out, stderr=StringIO())
    assert "Would build the 2026 census year: 7 worker lines (7 added" in out.getvalue()
    assert not CensusYear.objects.filter(year=2026).exists()
    call_command("census_build", "--year", "2026", stdout=out, stderr=StringIO())
    assert CensusWorker.objects.filter(census_year__year=2026).count() == 7
    with pytest.raises(CommandError, match="imported from a census return"):
        call_command("census_build", "--year", "2025", stdout=StringIO())


def test_workforce_figures_reads_a_built_year_as_an_imported_one(tmp_path):
    small_council()
    call_command("census_build", "--year", "2026", stdout=StringIO(), stderr=StringIO())
    built, imported = StringIO(), StringIO()
    call_command("workforce_figures", "--year", "2026", "--json", stdout=built)
    call_command("workforce_figures", "--year", "2025", "--json", stdout=imported)
    built_figures = json.loads(built.getvalue())
    assert built_figures.keys() == json.loads(imported.getvalue()).keys()
    assert (built_figures["headcount_in_post"], built_figures["turnover_rate"]) == (5, 17.4)


def test_export_writes_the_built_year_in_its_layout(tmp_path):
    small_council()
    census_year_build(year=2026)
    output = tmp_path / "csww-2026.xml"
    out = StringIO()
    call_command("export_csww", "--year", "2026", "--output", str(output), stdout=out, stderr=StringIO())
    xml = output.read_text()
    assert "<SWENo>SW1002</SWENo>" in xml and "<RoleEndDate>2026-09-30</RoleEndDate>" in xml
    assert "7 worker lines" in out.getvalue()


def test_the_pay_questions_are_last_years_answers_until_the_year_has_its_own():
    small_council()
    census_year_build(year=2026)
    built = CensusYear.objects.get(year=2026)
    # The 2025 return answered RecruitmentBonus 0 and CostDBS 1, with OtherAllowances "None".
    assert (built.recruitment_bonus, built.cost_dbs, built.other_allowances) == ("0", "1", "None")
    assert built.la_sources["cost_dbs"] == "The 2025 return's answer (pay questions are not held in the records)"
    assert not census_year_build(year=2026).la_level_changed
