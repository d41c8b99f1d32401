"""One person across sources, and setting up from files: an HR row adopts the record a past
census return made for the same SWE number; a census return brings the children's service; an
HR extract may add the teams it names, in the service its service column names."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.urls import reverse

from pswhub.core.imports.problems import Problem
from pswhub.core.models import Authority, Service, StaffMember, Team
from pswhub.core.tests.factories import AuthorityFactory, ServiceFactory, StaffMemberFactory
from pswhub.workforce import csww, hr_import
from pswhub.workforce.hr_import import (
    BAD_SERVICE,
    CENSUS_RECORD_AND_EMPLOYEE,
    NO_AUTHORITY,
    NO_SERVICE,
    SWE_HELD_BY_OTHER,
    UNKNOWN_TEAM,
    extract_read,
)
from pswhub.workforce.import_presenters import import_changes_context
from pswhub.workforce.models import CensusWorker, ImportBatch, StaffProfile
from pswhub.workforce.services import census_return_import, hr_extract_import

from .returns import census_return, worker
from .test_hr_import import HEADER, csv_bytes, row

WITH_SERVICE = [*HEADER, "service"]


def service_row(number, service, **values):
    """A row of an extract with the service column last (WITH_SERVICE)."""
    return [*row(number, **values), service]


def census_imported(*swe_numbers, lea="888"):
    parsed = csww.census_return_read(census_return(2023, lea=lea, workers=[worker(swe) for swe in swe_numbers]))
    assert parsed.is_valid, [str(problem) for problem in parsed.problems]
    return census_return_import(census_return=parsed)


def read(content, **options):
    return extract_read(content=content, file_name="staff.csv", **options)


def imported(content, dry_run=False, **options):
    return hr_extract_import(extract=read(content, **options), dry_run=dry_run)


# One person across sources ----------------------------------------------------------------------


def test_an_hr_row_adopts_the_record_a_census_return_made_and_the_lines_stay_with_it(north_team):
    census_imported("SW1")
    census_made = StaffMember.objects.get(employee_number="SWE-SW1")
    lines_before = list(CensusWorker.objects.values_list("pk", "staff_member_id"))

    result = imported(csv_bytes(row("E1001", "Amina", "Khan", team="North", swe_number="SW1")))

    assert (result.added, result.updated, result.adopted, result.unchanged) == (0, 1, 1, 0)
    assert StaffMember.objects.count() == 1, "no second person"
    person = StaffMember.objects.get()
    assert (person.pk, person.employee_number, person.first_name, person.last_name, person.team) == (
        census_made.pk, "E1001", "Amina", "Khan", north_team,
    )  # fmt: skip
    assert StaffProfile.objects.get().staff_member == person and StaffProfile.objects.get().swe_number == "SW1"
    assert list(CensusWorker.objects.values_list("pk", "staff_member_id")) == lines_before
    assert person.assignments.get().team == north_team


def test_the_preview_says_the_row_matches_the_census_record_and_writes_nothing(north_team):
    census_imported("SW1")
    result = imported(csv_bytes(row("E1001", "Amina", "Khan", team="North", swe_number="SW1")), dry_run=True)
    assert result.adopted_numbers == ["E1001"]
    [entry] = result.changes
    assert (entry["action"], entry["was"], entry["name"]) == ("adopted", "SWE-SW1", "Amina Khan")
    assert ["Employee number", "SWE-SW1", "E1001"] in entry["values"]
    assert ["First name", "Social worker", "Amina"] in entry["values"]
    assert StaffMember.objects.get().employee_number == "SWE-SW1", "a preview writes nothing"


def test_importing_the_same_extract_again_after_adopting_changes_nothing(north_team):
    census_imported("SW1")
    content = csv_bytes(row("E1001", team="North", swe_number="SW1"))
    imported(content)
    again = imported(content)
    assert (again.added, again.updated, again.adopted, again.unchanged) == (0, 0, 0, 1)


def test_a_census_record_is_not_adopted_when_the_employee_is_already_held_too(north_team):
    census_imported("SW1")
    StaffMemberFactory(employee_number="E1001", team=north_team)
    problems = read(csv_bytes(row("E1001", team="North", swe_number="SW1"))).problems
    message = CENSUS_RECORD_AND_EMPLOYEE.format(number="SW1", other="SWE-SW1", employee="E1001")
    assert problems == [Problem(2, "swe_number", message)]


def test_an_swe_number_held_by_another_hr_record_is_still_refused(north_team):
    held = StaffMemberFactory(employee_number="E2002", team=north_team)
    StaffProfile.objects.create(staff_member=held, swe_number="SW1")
    problems = read(csv_bytes(row("E1001", team="North", swe_number="SW1"))).problems
    assert problems == [Problem(2, "swe_number", SWE_HELD_BY_OTHER.format(number="SW1", other="E2002"))]


def test_the_import_page_lists_the_match(client, hr_officer, north_team):
    census_imported("SW1")
    client.force_login(hr_officer)
    content = csv_bytes(row("E1001", "Amina", "Khan", team="North", swe_number="SW1"))
    client.post(reverse("workforce:import_upload"), {"file": SimpleUploadedFile("staff.csv", content)})
    page = client.get(reverse("workforce:import_detail", kwargs={"pk": ImportBatch.objects.get().pk})).content
    assert "Matched to SWE-SW1, the record a census return made" in page.decode()


# Setting up from files ----------------------------------------------------------------------------


def test_importing_a_census_return_brings_the_childrens_service(db):
    result = census_imported("SW1", lea="873")
    assert result.authority_created and result.service_created
    assert list(Service.objects.values_list("kind", "authority__la_code")) == [("children", "873")]


def test_a_census_return_adds_the_childrens_service_to_an_authority_without_one(db):
    AuthorityFactory(la_code="888")
    assert census_imported("SW1").service_created
    assert not census_imported("SW1").service_created, "the second import finds it"
    assert Service.objects.filter(kind="children").count() == 1


def test_an_unknown_team_is_refused_with_the_option_named(db, north_team):
    problems = read(csv_bytes(row(team="East"))).problems
    assert problems == [Problem(2, "team", UNKNOWN_TEAM.format(value="East"))]
    assert "--create-teams" in UNKNOWN_TEAM and "Add teams not in PSW Hub" in UNKNOWN_TEAM


def test_with_create_teams_the_teams_are_added_in_the_service_the_row_names(db, north_team):
    ServiceFactory(authority=north_team.service.authority, kind=Service.ADULTS)
    content = csv_bytes(
        service_row("E1", "", team="East"),
        service_row("E2", "children", team="east", swe_number="SW2"),
        service_row("E3", "Adults", team="Learning disability", swe_number="SW3"),
        header=WITH_SERVICE,
    )
    result = imported(content, create_teams=True)
    assert (result.added, result.teams_added) == (3, 2)
    east = Team.objects.get(name="East")
    assert east.service.kind == "children"
    assert Team.objects.get(name="Learning disability").service.kind == "adults"
    assert set(StaffMember.objects.filter(team=east).values_list("employee_number", flat=True)) == {"E1", "E2"}
    assert sorted(result.new_teams) == ["East (Children's services)", "Learning disability (Adults' services)"]


def test_a_bad_service_is_named_on_its_row(north_team):
    problems = read(
        csv_bytes(service_row("E1001", "health", team="East"), header=WITH_SERVICE), create_teams=True
    ).problems
    assert problems == [Problem(2, "service", BAD_SERVICE.format(value="health"))]


def test_with_no_council_the_extract_is_refused_once_saying_what_to_do_first(db):
    content = csv_bytes(*(row(f"E{n}", team="East", swe_number=f"SW{n}") for n in range(1, 40)))
    assert read(content, create_teams=True).problems == [Problem(None, "", NO_AUTHORITY)]
    assert not Authority.objects.exists() and not Team.objects.exists()


def test_with_no_adults_service_the_extract_is_refused_once(north_team):
    content = csv_bytes(
        service_row("E1", "adults", team="LD"), service_row("E2", "adults", team="OT", swe_number="SW2"),
        header=WITH_SERVICE,
    )  # fmt: skip
    problems = read(content, create_teams=True).problems
    assert problems == [Problem(None, "", NO_SERVICE.format(kind="adults", value="LD, OT"))]


def test_the_upload_page_tick_box_adds_the_teams_and_confirming_reads_it_so_again(client, hr_officer, north_team):
    client.force_login(hr_officer)
    content = csv_bytes(row("E1", team="East"))
    data = {"file": SimpleUploadedFile("staff.csv", content), "create_teams": "on"}
    response = client.post(reverse("workforce:import_upload"), data)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and batch.create_teams and batch.teams_added == 1
    assert not Team.objects.filter(name="East").exists(), "a preview adds no team"
    page = client.get(reverse("workforce:import_detail", kwargs={"pk": batch.pk})).content.decode()
    assert "Teams it would add" in page and "East (Children&#39;s services)" in page
    client.post(reverse("workforce:import_confirm", kwargs={"pk": batch.pk}))
    batch.refresh_from_db()
    assert batch.status == ImportBatch.IMPORTED
    assert StaffMember.objects.get(employee_number="E1").team.name == "East"


def test_without_the_tick_box_the_upload_page_names_the_option(client, hr_officer, north_team):
    client.force_login(hr_officer)
    response = client.post(
        reverse("workforce:import_upload"), {"file": SimpleUploadedFile("staff.csv", csv_bytes(row(team="East")))}
    )
    assert ImportBatch.objects.get().status == "refused"
    assert "Add teams not in PSW Hub" in client.get(response.url).content.decode()


def test_the_command_adds_teams_with_create_teams_and_refuses_without(tmp_path, north_team, capsys):
    path = tmp_path / "staff.csv"
    path.write_bytes(csv_bytes(row("E1", team="East")))
    with pytest.raises(CommandError):
        call_command("import_workforce", str(path))
    assert "--create-teams" in capsys.readouterr().err
    call_command("import_workforce", str(path), "--create-teams", "--dry-run")
    assert "Would add team East (Children's services)" in capsys.readouterr().out
    assert not Team.objects.filter(name="East").exists()
    call_command("import_workforce", str(path), "--create-teams")
    assert "Added team East (Children's services)" in capsys.readouterr().out
    assert ImportBatch.objects.get().create_teams


# Who is added or changed, and which values ------------------------------------------------------


def test_the_preview_lists_who_is_added_and_changed_with_values_before_and_after(client, hr_officer, north_team):
    Team.objects.create(service=north_team.service, name="South")
    imported(csv_bytes(row("E1", "Amina", "Khan", team="North", fte="1")))
    client.force_login(hr_officer)
    content = csv_bytes(
        row("E1", "Amina", "Khan", team="South", fte="0.6"),
        row("E2", "Ben", "Ode", team="North", swe_number="SW9", started_on="2025-01-06"),
    )
    client.post(reverse("workforce:import_upload"), {"file": SimpleUploadedFile("staff.csv", content)})
    batch = ImportBatch.objects.latest("pk")
    by_number = {entry["employee_number"]: entry for entry in batch.changes}
    assert by_number["E1"]["action"] == "updated"
    assert by_number["E1"]["values"] == [["Team", "North", "South"], ["FTE", "1", "0.6"]]
    assert by_number["E2"]["action"] == "added"
    assert ["Start date", "", "6 January 2025"] in by_number["E2"]["values"]
    page = client.get(reverse("workforce:import_detail", kwargs={"pk": batch.pk})).content.decode()
    assert "Who it would add or change" in page
    assert "E1 Amina Khan: Updated" in page and "E2 Ben Ode: Added" in page
    assert "North → South" in page and "1 → 0.6" in page


def test_someone_who_does_not_see_the_whole_workforce_sees_only_the_people_they_may_see(
    north_manager, north_team, south_team
):
    imported(csv_bytes(row("E1", team="North"), row("E2", team="South", swe_number="SW2")))
    result = imported(
        csv_bytes(
            row("E1", job_title="Senior", team="North"),
            row("E2", job_title="Senior", team="South", swe_number="SW2"),
            row("E3", team="North", swe_number="SW3"),
        ),
        dry_run=True,
    )
    batch = ImportBatch(changes=result.changes, status=ImportBatch.PREVIEWED)
    request = RequestFactory().get("/")
    request.user = north_manager
    context = import_changes_context(request, batch)
    assert [person["employee_number"] for person in context["change_people"]] == ["E1"]
    assert context["change_notes"] == [
        "2 more are not listed here: you may not see their records, or they are new to PSW Hub"
    ]


def test_the_template_lists_the_optional_service_column():
    assert "service" in hr_import.TEMPLATE_COLUMNS and "service" in hr_import.OPTIONAL_HEADERS
