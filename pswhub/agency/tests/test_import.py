"""Importing agency engagements through the shared pipeline: the command and the pages agree, a
file with any problem imports nothing and names each row and column, and the same file imported
again changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from pswhub.agency import importing
from pswhub.agency.importing import engagement_file_read, engagements_import
from pswhub.agency.models import Engagement, EngagementUpload
from pswhub.core.imports.problems import Problem
from pswhub.core.tests.factories import PEOPLE, StaffMemberFactory

HEADER = "agency,employee_number,worker_name,team,cover_reason,starts_on,ends_on,fte,hourly_rate,years_qualified\n"
GOOD = (
    "Meridian Locums,,Ola Okafor,North,vacancy,2026-01-05,,1,44.50,4\n"
    "Castle Careers,E77,,North,Maternity,05/02/2026,31/07/2026,0.6,£48,\n"
)


def read(text):
    return engagement_file_read(content=(HEADER + text).encode(), file_name="agency.csv")


@pytest.fixture
def linked(north_team):
    return StaffMemberFactory(employee_number="E77", first_name="Tom", last_name="Reyes", team=north_team)


def test_a_good_file_adds_its_engagements_and_again_changes_nothing(linked):
    result = engagements_import(engagement_file=read(GOOD))
    assert (result.rows, result.added, result.updated, result.unchanged) == (2, 2, 0, 0)
    ola = Engagement.objects.get(worker_name="Ola Okafor")
    assert (ola.fte, ola.hourly_rate, ola.years_qualified, ola.ends_on) == (Decimal("1"), Decimal("44.50"), 4, None)
    assert ola.org_role == "5", "a file without the census role column gives the case holder code"
    tom = Engagement.objects.get(staff_member=linked)
    assert (tom.cover_reason, tom.starts_on, tom.ends_on, tom.hourly_rate) == (
        "maternity", date(2026, 2, 5), date(2026, 7, 31), Decimal("48.00"),
    )  # fmt: skip
    again = engagements_import(engagement_file=read(GOOD))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert Engagement.objects.count() == 2 and ola.history.count() == 1


def test_a_row_for_an_engagement_held_updates_it(linked):
    engagements_import(engagement_file=read(GOOD))
    changed = GOOD.replace("2026-01-05,,1,44.50", "2026-01-05,2026-03-31,1,46")
    result = engagements_import(engagement_file=read(changed))
    assert (result.added, result.updated, result.unchanged) == (0, 1, 1)
    assert Engagement.objects.get(worker_name="Ola Okafor").ends_on == date(2026, 3, 31)


def test_every_problem_is_named_by_row_and_column_and_nothing_is_read(north_team):
    checked = read(
        "Meridian Locums,,,North,vacancy,2026-01-05,,1,44.50,\n"
        ",E99,,Nowhere,holiday,2026-13-01,,1.5,lots,many\n"
        "Meridian Locums,,Ann,North,vacancy,2026-03-01,2026-02-01,,40,\n"
    )
    assert checked.rows == []
    assert checked.problems == [
        Problem(2, "worker_name", importing.NAME_OR_NUMBER),
        Problem(3, "agency", importing.ENTER.format(column="agency")),
        Problem(3, "employee_number", importing.UNKNOWN_EMPLOYEE.format(value="E99")),
        Problem(3, "team", importing.UNKNOWN_TEAM.format(value="Nowhere")),
        Problem(3, "cover_reason", importing.BAD_REASON.format(value="holiday")),
        Problem(3, "starts_on", importing.BAD_DATE.format(value="2026-13-01")),
        Problem(3, "fte", importing.BAD_FTE.format(value="1.5")),
        Problem(3, "hourly_rate", importing.BAD_RATE.format(value="lots")),
        Problem(3, "years_qualified", importing.BAD_YEARS.format(value="many")),
        Problem(4, "ends_on", importing.END_BEFORE_START.format(ends_on="2026-02-01", starts_on="2026-03-01")),
    ]


def test_the_census_role_column_is_optional_blank_is_a_case_holder_and_a_bad_code_is_named(linked):
    header = HEADER.replace("\n", ",org_role\n")
    rows = "Meridian Locums,,Ola Okafor,North,vacancy,2026-01-05,,1,44.50,4,4\n" + GOOD.splitlines()[1] + ",\n"
    checked = engagement_file_read(content=(header + rows).encode(), file_name="agency.csv")
    assert checked.problems == []
    engagements_import(engagement_file=checked)
    assert Engagement.objects.get(worker_name="Ola Okafor").org_role == "4"  # a senior practitioner
    assert Engagement.objects.get(staff_member=linked).org_role == "5"  # blank: a case holder
    bad = "Meridian Locums,,Ola Okafor,North,vacancy,2026-01-05,,1,44.50,4,9\n"
    refused = engagement_file_read(content=(header + bad).encode(), file_name="agency.csv")
    assert refused.problems == [Problem(2, "org_role", importing.BAD_ROLE.format(value="9"))]


def test_a_repeated_engagement_is_named(north_team):
    line = "Meridian Locums,,Ola Okafor,North,vacancy,2026-01-05,,1,44.50,\n"
    assert read(line + line).problems == [Problem(3, "starts_on", importing.REPEATED.format(row=2))]


def test_the_command_imports_refuses_and_rehearses(tmp_path, linked, capsys):
    path = tmp_path / "agency.csv"
    path.write_text(HEADER + GOOD)
    call_command("import_agency", str(path), "--dry-run")
    assert "Would import agency.csv: 2 engagements added" in capsys.readouterr().out
    assert not Engagement.objects.exists()
    call_command("import_agency", str(path))
    assert "2 engagements added" in capsys.readouterr().out and EngagementUpload.objects.get().added == 2
    path.write_text(HEADER + "Meridian Locums,,,North,vacancy,2026-01-05,,1,44.50,\n")
    with pytest.raises(CommandError):
        call_command("import_agency", str(path))
    assert importing.NAME_OR_NUMBER in capsys.readouterr().err


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_officers_import(client, everyone, person):
    client.force_login(everyone[person])
    content = (HEADER + "Meridian Locums,,Ola Okafor,North,vacancy,2026-01-05,,1,44.50,\n").encode()
    upload = client.post(reverse("agency:import_upload"), {"file": SimpleUploadedFile("agency.csv", content)})
    may = person in {"psw", "hr_officer"}
    assert upload.status_code == (302 if may else 403), person
    if may:
        batch = EngagementUpload.objects.get()
        assert not Engagement.objects.exists(), "a preview writes nothing"
        client.post(reverse("agency:import_confirm", args=[batch.pk]))
        assert Engagement.objects.get().worker_name == "Ola Okafor"
    else:
        assert not EngagementUpload.objects.exists()
