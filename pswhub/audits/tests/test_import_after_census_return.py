"""Setting up from files: a council that starts from its past census return can then import its
historic audits with --create-teams, since the return brings the children's service the new teams
join (before, every row was refused for want of it)."""

from django.core.management import call_command

from pswhub.audits.models import Audit
from pswhub.core.models import Team
from pswhub.workforce.tests.returns import census_return, worker

from .test_commands import HEADER, csv_file, run


def test_historic_audits_with_create_teams_follow_a_census_return_on_an_empty_installation(db, tmp_path):
    xml = tmp_path / "csww-2023.xml"
    xml.write_bytes(census_return(2023, lea="873", workers=[worker("SW1")]))
    call_command("import_csww", str(xml))
    rows = "".join(f"CR{n},full,Edge,2024-05-{n:02d},good\n" for n in range(1, 21))
    output = run("import_audits", csv_file(tmp_path, HEADER + rows), "--create-teams")
    assert output.startswith("Imported 20 audits")
    team = Team.objects.get(name="Edge")
    assert (team.service.kind, team.service.authority.la_code) == ("children", "873")
    assert Audit.objects.filter(team=team).count() == 20
