"""The three commands, by their contract: the template's header, the import (all or nothing,
problems by row and column, --dry-run) and the figures as JSON."""

import csv
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from pswhub.core.tests.factories import AuthorityFactory
from pswhub.health_check.importing import BAD_ANSWER, BAD_SERVICE, UNKNOWN_COLUMN
from pswhub.health_check.models import Answer, Question, Response, Run


def _template(tmp_path):
    path = tmp_path / "template.csv"
    call_command("health_check_template", output=str(path), stdout=StringIO())
    return next(csv.reader(path.open()))


@pytest.fixture(autouse=True)
def council(db):
    """Every import needs the council set up first."""
    return AuthorityFactory()


def test_the_template_is_service_team_and_one_column_per_current_question(db, tmp_path):
    header = _template(tmp_path)
    assert header[:2] == ["service", "team"]
    assert "s5_regular_supervision" in header and "s3_manageable_workload" in header
    assert len(header) == 2 + Question.objects.filter(is_current=True).count()


def test_a_retired_question_leaves_the_template(db, tmp_path):
    Question.objects.filter(code="regular_supervision").update(is_current=False)
    assert "s5_regular_supervision" not in _template(tmp_path)


def _write(tmp_path, rows, header=("service", "team", "s5_regular_supervision", "s3_manageable_workload")):
    path = tmp_path / "responses.csv"
    with path.open("w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _figures(**options):
    out = StringIO()
    call_command("health_check_figures", json=True, stdout=out, **options)
    return json.loads(out.getvalue())


@override_settings(PSWHUB_SURVEY_THRESHOLD=10)
def test_an_import_then_the_figures_worked_by_hand(db, tmp_path):
    """Ten children's rows. s5_regular_supervision: five "5", five "Agree": (500 + 375) / 10 = 87.5
    -> 88, high. s3_manageable_workload: five "2", five "strongly disagree": 125 / 10 = 12.5 -> 13,
    low. s1_leaders_listen: all "n/a": no score."""
    rows = [["children", "North", "5", "2", "n/a"]] * 5 + [["children", "", "Agree", "strongly disagree", ""]] * 5
    header = ("service", "team", "s5_regular_supervision", "s3_manageable_workload", "s1_leaders_listen")
    path = _write(tmp_path, rows, header=header)
    call_command("import_health_check", str(path), year=2024, stdout=StringIO())
    run = Run.objects.get()
    assert (run.year_start, run.service, run.source) == (2024, "children", "imported")
    assert Response.objects.count() == 10 and Answer.objects.filter(choice__isnull=True).count() == 10
    figures = _figures(year=2024, service="children")
    assert figures["responses"] == 10 and figures["suppressed"] is False
    assert figures["by_standard"]["5"] == 88 and figures["bands"]["5"] == "high"
    assert figures["by_standard"]["3"] == 13 and figures["bands"]["3"] == "low"
    assert figures["by_standard"]["1"] is None
    team = _figures(year=2024, service="children", team="North")
    assert team == {
        "responses": None,
        "by_standard": {str(n): None for n in range(1, 9)},
        "bands": {str(n): None for n in range(1, 9)},
        "suppressed": True,
    }


def test_a_bad_file_imports_nothing_and_names_each_row_and_column(db, tmp_path):
    path = _write(tmp_path, [["children", "", "5", "4"], ["families", "", "6", "4"]])
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_health_check", str(path), year=2024, stdout=StringIO(), stderr=err)
    assert f"Row 3, column service: {BAD_SERVICE}" in err.getvalue()
    assert f"Row 3, column s5_regular_supervision: {BAD_ANSWER}" in err.getvalue()
    assert not Run.objects.exists() and not Response.objects.exists()


def test_an_unknown_column_is_refused(db, tmp_path):
    path = _write(tmp_path, [["adults", "", "5"]], header=("service", "team", "s9_made_up"))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_health_check", str(path), year=2024, stdout=StringIO(), stderr=err)
    assert UNKNOWN_COLUMN.format(column="s9_made_up") in err.getvalue()


def test_a_dry_run_checks_and_writes_nothing(db, tmp_path):
    path = _write(tmp_path, [["adults", "", "Strongly agree", ""]])
    out = StringIO()
    call_command("import_health_check", str(path), year=2024, dry_run=True, stdout=out)
    assert "1 responses" in out.getvalue()
    assert not Run.objects.exists()


def test_a_file_with_both_services_is_a_joint_run(db, tmp_path):
    path = _write(tmp_path, [["adults", "", "5", ""], ["children", "", "4", ""]])
    call_command("import_health_check", str(path), year=2023, stdout=StringIO())
    assert Run.objects.get().service == "joint"
