"""The README says what each demo persona finds in the navigation and how big the demo council is;
these tests keep it true as the product grows."""

import re
from pathlib import Path

import pytest

from pswhub.core import demo
from pswhub.core.models import StaffMember, User
from pswhub.core.navigation import navigation_for

README = Path(__file__).resolve().parents[1] / "README.md"


def persona_rows():
    """(username, areas) from the README's persona table."""
    rows = {}
    for line in README.read_text().splitlines():
        match = re.match(r"\|\s*`(demo-[a-z]+)`\s*\|[^|]*\|([^|]*)\|", line)
        if match:
            rows[match.group(1)] = [area.strip() for area in match.group(2).split(",") if area.strip()]
    return rows


@pytest.mark.django_db
def test_the_readme_lists_each_personas_areas_as_the_navigation_offers_them():
    demo.demo_data_load(create_accounts=True)
    rows = persona_rows()
    assert set(rows) == {username for username, *_ in demo.PERSONAS}
    for username, areas in rows.items():
        user = User.objects.get(username=username)
        assert areas == [item["text"] for item in navigation_for(user, "/")], username


@pytest.mark.django_db
def test_the_readme_gives_the_demo_councils_staff_in_post():
    demo.demo_data_load(create_accounts=True)
    text = " ".join(README.read_text().split())
    stated = re.search(r"about ([\d,]+) staff records[^,]*, ([\d,]+) of them in post", text)
    total, in_post = (int(number.replace(",", "")) for number in stated.groups())
    assert in_post == StaffMember.objects.filter(left_on__isnull=True).count()
    assert abs(total - StaffMember.objects.count()) <= 25
