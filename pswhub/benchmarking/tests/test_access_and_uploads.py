"""Who may read benchmarks and who may change them; a later year's DfE file through the import
pages, kept with its source and date; regional network packs exported and read back."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pswhub.benchmarking import dfe, packs, selectors, services
from pswhub.benchmarking.models import AreaFigures, Comparator, DfeUpload, NetworkPack
from pswhub.core.tests.factories import AuthorityFactory

READS = {"psw", "qa_officer", "hr_officer", "head_of_service", "councillor", "north_manager"}
IMPORTS_DFE = {"psw", "hr_officer"}
EXCHANGES_PACKS = {"psw"}


@pytest.fixture
def figures(db):
    services.bundled_figures_load()
    # The council PSW Hub holds (the one the persons' teams belong to) is Wandsworth.
    authority = AuthorityFactory()
    authority.name, authority.la_code = "Wandsworth Council", "212"
    authority.save()
    return authority


def test_readers_see_the_benchmarking_page_and_others_cannot(client, everyone, figures):
    for person, user in everyone.items():
        client.force_login(user)
        response = client.get(reverse("benchmarking:home"))
        assert response.status_code == (200 if person in READS else 403), person
        if person in READS:
            # The issue's own example, shown to a councillor as to the PSW: never suppressed.
            assert "15.1%, against 16.5% across London and 15.9% in England" in response.content.decode(), person


def test_only_the_psw_chooses_comparators(client, everyone, figures):
    for person, user in everyone.items():
        client.force_login(user)
        expected = 200 if person == "psw" else 403
        assert client.get(reverse("benchmarking:comparators")).status_code == expected, person
        response = client.post(reverse("benchmarking:comparators"), {"comparators": ["202"], "region": ""})
        assert response.status_code == (302 if person == "psw" else 403), person
    assert list(Comparator.objects.values_list("code", flat=True)) == ["202"]


def test_a_comparator_not_offered_is_refused_with_a_message(client, psw, figures):
    client.force_login(psw)
    response = client.post(reverse("benchmarking:comparators"), {"comparators": ["999"]})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Comparator.objects.exists()


def test_only_the_psw_and_hr_upload_dfe_files_and_only_the_psw_exchanges_packs(client, everyone, figures):
    for person, user in everyone.items():
        client.force_login(user)
        assert client.get(reverse("benchmarking:dfe_upload")).status_code == (200 if person in IMPORTS_DFE else 403), (
            person
        )
        for name in ("benchmarking:packs", "benchmarking:pack_upload", "benchmarking:pack_json"):
            assert client.get(reverse(name)).status_code == (200 if person in EXCHANGES_PACKS else 403), (person, name)


def _dfe_2024_file():
    """England and London for 2024 and Wandsworth's row, in DfE's columns (the values are the
    test's own: DfE had not published 2024 in the bundled file)."""
    header = ",".join(dfe.REQUIRED_COLUMNS)
    blank = [""] * len(dfe.FIGURE_COLUMNS)

    def row(level, region, region_name, code, name, turnover, agency):
        values = list(blank)
        values[dfe.FIGURE_COLUMNS.index("turnover_rate_fte")] = turnover
        values[dfe.FIGURE_COLUMNS.index("agency_rate_fte")] = agency
        return ",".join(["2024", level, region, region_name, code, name, *values])

    return "\n".join(
        [
            header,
            row("National", "", "", "", "", "14.6", "16.5"),
            row("Regional", "E12000007", "London", "", "", "15.0", "c"),
            row("Local authority", "E13000001", "Inner London", "212", "Wandsworth", "12.0", "low"),
        ]
    ).encode()


def test_a_later_years_file_is_previewed_confirmed_and_kept_with_its_source_and_date(client, psw, figures):
    client.force_login(psw)
    response = client.post(
        reverse("benchmarking:dfe_upload"),
        {
            "file": SimpleUploadedFile("csww_2024.csv", _dfe_2024_file()),
            "source": "DfE, Children's social work workforce 2024",
            "published_on-day": "27",
            "published_on-month": "2",
            "published_on-year": "2025",
        },
    )
    upload = DfeUpload.objects.get()
    assert response.status_code == 302
    assert (upload.rows, upload.added, upload.replaced) == (3, 3, 0)
    assert not AreaFigures.objects.filter(year=2024).exists()  # nothing before it is confirmed
    client.post(reverse("benchmarking:dfe_confirm", args=[upload.pk]))
    england = AreaFigures.objects.get(year=2024, level=dfe.NATIONAL)
    assert (england.source, england.published_on, england.upload) == (
        "DfE, Children's social work workforce 2024",
        date(2025, 2, 27),
        upload,
    )
    data = selectors.benchmark(authority=figures, year=2024)
    agency = next(figure for figure in data["figures"] if figure["figure"] == "agency_rate_fte")
    assert agency["council"].number is None and agency["council"].reason == "too small to show once rounded"
    assert agency["region"].reason == "not published by DfE, to protect confidentiality"
    assert agency["england"].number == Decimal("16.5")
    assert "DfE, Children's social work workforce 2024" in data["sources"]


def test_a_dfe_file_with_problems_is_refused_by_row_and_column(client, psw, figures):
    client.force_login(psw)
    bad = _dfe_2024_file().replace(b"12.0", b"twelve")
    response = client.post(
        reverse("benchmarking:dfe_upload"),
        {
            "file": SimpleUploadedFile("csww_2024.csv", bad),
            "source": "DfE",
            "published_on-day": "27",
            "published_on-month": "2",
            "published_on-year": "2025",
        },
    )
    page = client.get(response.url).content.decode()  # the upload's page, once checked
    assert "<title>Error:" in page
    assert "&#39;twelve&#39; is neither a number nor one of DfE&#39;s symbols" in page
    assert DfeUpload.objects.get().status == "refused" and not AreaFigures.objects.filter(year=2024).exists()


def test_a_file_without_dfes_columns_says_which_are_missing(db):
    read = dfe.rows_read(content=b"time_period,la_name\n2024,Somewhere\n")
    assert not read.is_valid
    assert (
        read.problems[0].message == "The file has no geographic_level column, so it is not DfE's CSWW indicators file"
    )


def test_a_pack_is_exported_and_another_councils_pack_is_read_back_beside_it(client, psw, figures):
    client.force_login(psw)
    exported = client.get(reverse("benchmarking:pack_json") + "?year=2023")
    pack = json.loads(exported.content)
    assert pack["council"] == "Wandsworth Council" and pack["period"] == "2023/24"
    # Another council's pack, in each format.
    theirs = dict(pack, council="Merton Council", la_code="315", made_on="2024-06-01")
    theirs["figures"] = [{"section": "Benchmarks", "figure": "council_turnover_rate_fte", "value": 15.1}]
    csv_pack = packs.pack_csv(dict(theirs, council="Camden Council", la_code="202", made_on="2024-06-02"))
    for name, content in (("merton.json", packs.pack_json(theirs)), ("camden.csv", csv_pack)):
        client.post(reverse("benchmarking:pack_upload"), {"file": SimpleUploadedFile(name, content)})
    for upload in packs.PACKS.model.objects.all():
        client.post(reverse("benchmarking:pack_confirm", args=[upload.pk]))
    assert sorted(NetworkPack.objects.values_list("council", flat=True)) == ["Camden Council", "Merton Council"]
    side = packs.packs_side_by_side()
    assert [(column["council"], column["made_on"]) for column in side["columns"]] == [
        ("Camden Council", date(2024, 6, 2)),
        ("Merton Council", date(2024, 6, 1)),
    ]
    assert side["rows"] == [{"section": "Benchmarks", "figure": "council_turnover_rate_fte", "values": [15.1, 15.1]}]
    page = client.get(reverse("benchmarking:packs")).content.decode()
    assert "Merton Council, 2023/24 (made 1 June 2024)" in page


def test_a_pack_keeps_suppressed_figures_suppressed_and_refuses_anything_else(db):
    checked = packs.pack_read(
        content=b"council,la_code,period,made_on,section,figure,value\nX,1,2023/24,2024-06-01,S,a,c\nX,1,2023/24,2024-06-01,S,b,=cmd()\n",
        file_name="x.csv",
    )
    assert not checked.is_valid
    assert [(problem.row, problem.message) for problem in checked.problems] == [
        (3, "'=cmd()' is not a figure: a number, c, or empty")
    ]
    assert checked.pack["figures"][0]["value"] == "c"
