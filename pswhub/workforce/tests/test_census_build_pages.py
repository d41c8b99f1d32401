"""The 2026 census year pages for a year built from the records: the PSW and HR officers build it,
review each line with the source of each value, correct a value with a reason, compare it with
last year, submit it and reopen it; no one else may."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from pswhub.core.tests.factories import PEOPLE
from pswhub.workforce.csww import census_return_read
from pswhub.workforce.models import CensusCorrection, CensusWorker, CensusYear, StaffProfile
from pswhub.workforce.services import CensusImportError, census_return_import, census_upload_read
from pswhub.workforce.services.census_build import census_year_build
from pswhub.workforce.tests.census_council import small_council
from pswhub.workforce.tests.factories import AbsenceEpisodeFactory
from pswhub.workforce.tests.returns import census_return, worker

MAY_BUILD = {"psw", "hr_officer"}


@pytest.fixture
def council(db, everyone):
    return small_council()


def line_of(swe, year=2026):
    return CensusWorker.objects.get(census_year__year=year, swe_number=swe)


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_officers_build_the_year(client, everyone, council, person):
    client.force_login(everyone[person])
    page = client.get(reverse("workforce:census_return", kwargs={"year": 2026}))
    built = client.post(reverse("workforce:census_build", kwargs={"year": 2026}))
    if person in MAY_BUILD:
        assert page.status_code == 200 and "Build the 2026 return from the records" in page.content.decode()
        assert built.status_code == 302 and CensusYear.objects.filter(year=2026).exists()
    else:
        assert (page.status_code, built.status_code) == (403, 403)
        assert not CensusYear.objects.filter(year=2026).exists()


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_officers_correct_and_submit(client, everyone, council, person):
    census_year_build(year=2026)
    ann = line_of("SW1001")
    client.force_login(everyone[person])
    corrected = client.post(
        reverse("workforce:census_line", kwargs={"year": 2026, "pk": ann.pk}),
        {"field": "cases_30", "value": "14", "reason": "Two cases transferred in on 30 September"},
    )
    submitted = client.post(reverse("workforce:census_submit", kwargs={"year": 2026}))
    if person in MAY_BUILD:
        assert corrected.status_code == 302 and line_of("SW1001").cases_30 == 14
        assert submitted.status_code == 302 and CensusYear.objects.get(year=2026).is_submitted
    else:
        assert (corrected.status_code, submitted.status_code) == (403, 403)
        assert line_of("SW1001").cases_30 == 12 and not CensusYear.objects.get(year=2026).is_submitted


def test_a_year_not_yet_begun_cannot_be_built(client, psw, council):
    client.force_login(psw)
    assert client.get(reverse("workforce:census_return", kwargs={"year": 2099})).status_code == 404
    assert client.post(reverse("workforce:census_build", kwargs={"year": 2099})).status_code == 404


def test_the_built_year_lists_its_lines_and_the_la_answers_with_their_sources(client, psw, council):
    client.force_login(psw)
    response = client.post(reverse("workforce:census_build", kwargs={"year": 2026}), follow=True)
    page = response.content.decode()
    assert "The 2026 return has been built from the records: 7 lines (7 added" in page
    assert "have no Social Work England number and are not in the return" in page
    assert "SW1004" in page and "Establishment on 30 September 2026" in page
    line = client.get(reverse("workforce:census_line", kwargs={"year": 2026, "pk": line_of("SW1003").pk}))
    assert "Start of the first assignment of an unbroken run of 2" in line.content.decode()


def test_a_correction_needs_a_reason_and_a_value_the_return_accepts(client, hr_officer, council):
    census_year_build(year=2026)
    client.force_login(hr_officer)
    url = reverse("workforce:census_line", kwargs={"year": 2026, "pk": line_of("SW1001").pk})
    no_reason = client.post(url, {"field": "cases_30", "value": "14", "reason": ""})
    assert no_reason.status_code == 200 and "Say why the value is corrected" in no_reason.content.decode()
    bad_fte = client.post(url, {"field": "fte_30", "value": "1.5", "reason": "Typo"})
    assert "Enter a number from 0 to 1" in bad_fte.content.decode()
    bad_code = client.post(url, {"field": "org_role", "value": "9", "reason": "Typo"})
    assert "Enter one of the census codes: 1, 2, 3, 4, 5, 6" in bad_code.content.decode()
    assert not CensusCorrection.objects.exists() and line_of("SW1001").cases_30 == 12


def test_a_correction_survives_a_rebuild_and_shows_as_a_correction(client, hr_officer, council):
    people, _ = council
    census_year_build(year=2026)
    client.force_login(hr_officer)
    url = reverse("workforce:census_line", kwargs={"year": 2026, "pk": line_of("SW1005").pk})
    client.post(url, {"field": "cases_30", "value": "0", "reason": "Holds no cases: the count was not taken"})
    # The records change (Jo's SWE number is recorded, so Jo has a line now) and the year is built again.
    StaffProfile.objects.create(staff_member=people["jo"], swe_number="SW1010")
    result = census_year_build(year=2026, changed_by=hr_officer)
    assert result.corrections_applied == 1
    eve = line_of("SW1005")
    assert eve.cases_30 == 0
    assert eve.sources["cases_30"].startswith(f"Corrected by {hr_officer.display_name} on ")
    assert "Holds no cases: the count was not taken (the records give Blank)" in eve.sources["cases_30"]
    page = client.get(url).content.decode()
    assert "Corrected" in page and "Holds no cases" in page
    # Correcting it again keeps the first in the history.
    client.post(url, {"field": "cases_30", "value": "1", "reason": "One case after all"})
    correction = CensusCorrection.objects.get()
    assert (correction.value, correction.history.count()) == ("1", 2)
    # Withdrawn, the line has what the records give again.
    client.post(reverse("workforce:census_correction_withdraw", kwargs={"year": 2026, "pk": correction.pk}))
    assert line_of("SW1005").cases_30 is None


def test_compare_lists_who_joined_left_and_changed(client, psw, council):
    census_year_build(year=2026)
    client.force_login(psw)
    page = client.get(reverse("workforce:census_compare", kwargs={"year": 2026})).content.decode()
    # In 2025: SW1001 (same role, 1 FTE), SW1006 (0.8 FTE, now 1), SW0999. In 2026 five more are new.
    assert "5 new, 1 not in this return, 2 changed and 0 the same" in page
    assert "SW0999" in page
    assert "0.8" in page  # Finn's FTE at 30 September went from 0.8 to 1


def test_submitting_freezes_the_year_and_a_resubmission_is_a_new_version(client, psw, council):
    people, _ = council
    census_year_build(year=2026)
    client.force_login(psw)
    client.post(reverse("workforce:census_submit", kwargs={"year": 2026}))
    census_year = CensusYear.objects.get(year=2026)
    assert census_year.is_submitted and census_year.submissions.get().version == 1

    # The records change; building is refused, and the page says why.
    AbsenceEpisodeFactory(staff_member=people["gus"], starts_on=date(2026, 3, 2), ends_on=date(2026, 3, 3),
                          working_days_lost=Decimal("2"))  # fmt: skip
    refused = client.post(reverse("workforce:census_build", kwargs={"year": 2026}), follow=True).content.decode()
    assert "was marked as submitted on" in refused and "reopen it for a resubmission" in refused

    reopen = reverse("workforce:census_reopen", kwargs={"year": 2026})
    client.post(reopen, {"reason": ""})
    assert CensusYear.objects.get(year=2026).is_submitted  # a reason is needed
    client.post(reopen, {"reason": "DfE queried Ben's leaving reason"})
    ben = line_of("SW1002")
    client.post(
        reverse("workforce:census_line", kwargs={"year": 2026, "pk": ben.pk}),
        {"field": "reason_leave", "value": "5", "reason": "Retired, not resigned"},
    )
    client.post(reverse("workforce:census_submit", kwargs={"year": 2026}))
    second = CensusYear.objects.get(year=2026).submissions.get(version=2)
    # The correction, and Gus's absence recorded while the year was frozen, now built in.
    assert second.changes == [
        {"swe_number": "SW1002", "line": 0, "change": "changed", "fields": [["reason_leave", "1", "5"]]},
        {"swe_number": "SW1007", "line": 0, "change": "changed", "fields": [["working_days_lost", "0", "2"]]},
    ]
    # Version 1 stays as it was sent.
    first = CensusYear.objects.get(year=2026).submissions.get(version=1)
    assert next(line for line in first.lines if line["swe_number"] == "SW1002")["reason_leave"] == "1"
    page = client.get(reverse("workforce:census_return", kwargs={"year": 2026})).content.decode()
    assert "Version 2" in page and "Reason for leaving: 1 → 5" in page


def test_an_imported_year_has_no_build_and_a_built_year_refuses_an_imported_return(client, psw, council):
    client.force_login(psw)
    page = client.get(reverse("workforce:census_return", kwargs={"year": 2025})).content.decode()
    assert "stays as it was sent" in page and "Build again" not in page
    census_year_build(year=2026)
    lines = CensusWorker.objects.filter(census_year__year=2026).count()
    content = census_return(2026, workers=[worker("SW1", year=2026)], lea="888")
    refused = census_upload_read(content=content)
    assert "builds the 2026 census year from its own records" in str(refused.problems[0])
    with pytest.raises(CensusImportError, match="builds the 2026 census year from its own records"):
        census_return_import(census_return=census_return_read(content))
    assert CensusWorker.objects.filter(census_year__year=2026).count() == lines


def council_url(year=2026):
    return reverse("workforce:census_council", kwargs={"year": year})


def test_the_authoritys_answers_are_corrected_with_a_reason_and_survive_a_rebuild(client, psw, council):
    census_year_build(year=2026)
    client.force_login(psw)
    page = client.get(council_url()).content.decode()
    assert "Establishment on 30 September 2026" in page and "The 2025 return&#39;s answer" in page
    client.post(council_url(), {"field": "vacancies_fte", "value": "1.5", "reason": "Two posts frozen in July"})
    client.post(council_url(), {"field": "recruitment_bonus", "value": "2", "reason": "Golden hello for ASYEs"})
    year = CensusYear.objects.get(year=2026)
    # The records give 3 + 2 funded FTE less 4.60 filled by the council's own staff: 0.40.
    assert (year.vacancies_fte, year.recruitment_bonus) == (Decimal("1.5"), "2")
    assert year.la_sources["vacancies_fte"].startswith(f"Corrected by {psw.display_name} on ")
    assert year.la_sources["vacancies_fte"].endswith("Two posts frozen in July (the records give 0.4)")
    assert year.la_sources["recruitment_bonus"].endswith("Golden hello for ASYEs (the records give 0: No)")
    census_year_build(year=2026)
    year.refresh_from_db()
    assert (year.vacancies_fte, year.recruitment_bonus) == (Decimal("1.5"), "2")
    page = client.get(council_url()).content.decode()
    assert "Two posts frozen in July" in page and "2: Yes, some LA-employed social workers are eligible" in page
    for correction in CensusCorrection.objects.filter(staff_member__isnull=True):
        client.post(reverse("workforce:census_correction_withdraw", kwargs={"year": 2026, "pk": correction.pk}))
    year.refresh_from_db()
    # Withdrawn, the year has the establishment's figure and the 2025 return's answer again.
    assert (year.vacancies_fte, year.recruitment_bonus) == (Decimal("0.40"), "0")
    assert year.la_sources["recruitment_bonus"].startswith("The 2025 return's answer")


def test_an_answer_is_refused_with_a_message_when_the_return_cannot_take_it(client, hr_officer, council):
    census_year_build(year=2026)
    client.force_login(hr_officer)
    for value, message in (("-1", "Enter a number from 0 to 99999"), ("lots", "Enter a number from 0 to 99999")):
        response = client.post(council_url(), {"field": "vacancies_fte", "value": value, "reason": "Typo"})
        assert response.status_code == 200 and message in response.content.decode()
    response = client.post(council_url(), {"field": "agency_cover_headcount", "value": "2147483648", "reason": "x"})
    assert "Enter a whole number from 0 to 99999" in response.content.decode()
    response = client.post(council_url(), {"field": "car_allowance", "value": "7", "reason": "x"})
    assert "Enter one of the census codes: 0, 1, 2" in response.content.decode()
    response = client.post(council_url(), {"field": "swe_number", "value": "SW1", "reason": "x"})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not CensusCorrection.objects.exists()


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_officers_correct_the_authoritys_answers(client, everyone, council, person):
    census_year_build(year=2026)
    client.force_login(everyone[person])
    response = client.post(council_url(), {"field": "vacancies_fte", "value": "3", "reason": "Recount"})
    if person in MAY_BUILD:
        assert response.status_code == 302 and CensusYear.objects.get(year=2026).vacancies_fte == Decimal("3")
    else:
        assert response.status_code == 403 and CensusYear.objects.get(year=2026).vacancies_fte == Decimal("0.40")


def test_a_submitted_years_answers_cannot_be_corrected(client, psw, council):
    census_year_build(year=2026)
    client.force_login(psw)
    client.post(reverse("workforce:census_submit", kwargs={"year": 2026}))
    page = client.get(council_url()).content.decode()
    assert "its answers cannot be corrected" in page and "Save the correction" not in page
    response = client.post(council_url(), {"field": "vacancies_fte", "value": "3", "reason": "Recount"})
    assert "marked as submitted" in response.content.decode()
    assert CensusYear.objects.get(year=2026).vacancies_fte == Decimal("0.40")
