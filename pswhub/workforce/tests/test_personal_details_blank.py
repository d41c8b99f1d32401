"""Sending the personal details form with the Social Work England number left blank saves no
number, rather than failing."""

from django.urls import reverse

from pswhub.core.models import StaffMember
from pswhub.workforce.models import StaffProfile


def test_a_blank_swe_number_is_saved_as_none(client, hr_officer, north_worker):
    member = StaffMember.objects.get(user=north_worker)
    client.force_login(hr_officer)
    response = client.post(reverse("workforce:personal_details", args=[member.pk]), {"swe_number": ""})
    assert response.status_code == 302
    assert StaffProfile.objects.get(staff_member=member).swe_number is None
