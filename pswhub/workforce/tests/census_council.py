"""A small council's records for the 2026 census year (1 October 2025 to 30 September 2026),
worked by hand in test_census_build.py. Caseload counts belong to the workload app, which the
workforce app reaches only through core (`pswhub.core.caseload_counts`); the records here write
them as the caseload import would, through the app registry."""

from datetime import date
from decimal import Decimal

from django.apps import apps

from pswhub.core.models import Service
from pswhub.core.tests.factories import AuthorityFactory, ServiceFactory, StaffMemberFactory, TeamFactory
from pswhub.workforce.csww import census_return_read
from pswhub.workforce.models import StaffProfile
from pswhub.workforce.services import census_return_import
from pswhub.workforce.tests.factories import AbsenceEpisodeFactory, AssignmentFactory, EstablishmentFactory
from pswhub.workforce.tests.returns import census_return, worker


def count(staff, on, cases, case_type="child_in_need"):
    snapshot = apps.get_model("workload", "CaseloadSnapshot")
    return snapshot.objects.create(staff_member=staff, date=on, case_type_id=case_type, count=cases)


def person(team, swe, **profile):
    """A staff member with a profile; one first met in a past return keeps that record, as the HR
    import's matching on SWE number does."""
    known = StaffProfile.objects.filter(swe_number=swe).first() if swe else None
    if known:
        StaffProfile.objects.filter(pk=known.pk).update(**profile)
        staff = known.staff_member
        staff.team = team
        staff.save()
        return staff
    staff = StaffMemberFactory(team=team)
    if swe:
        StaffProfile.objects.create(staff_member=staff, swe_number=swe, **profile)
    return staff


def small_council():
    """Returns {name: staff member} and the teams. See test_census_build.py for what each person is."""
    authority = AuthorityFactory()
    children = ServiceFactory(authority=authority, kind=Service.CHILDREN)
    adults = ServiceFactory(authority=authority, kind=Service.ADULTS)
    assessment = TeamFactory(service=children, name="Assessment")
    in_care = TeamFactory(service=children, name="Children in care")
    adults_team = TeamFactory(service=adults, name="Adults east")
    EstablishmentFactory(team=assessment, funded_fte=Decimal("3"), starts_on=date(2025, 4, 1))
    EstablishmentFactory(team=in_care, funded_fte=Decimal("2"), starts_on=date(2025, 4, 1))

    # Finn was first met in the council's 2025 return, before any HR record: the import made his
    # staff record (SWE-SW1006), which HR's records then continue.
    census_return_import(
        census_return=census_return_read(
            census_return(
                2025,
                workers=[
                    worker("SW1001", year=2025, RoleStartDate="2020-01-06"),
                    worker("SW1006", year=2025, RoleStartDate="2024-09-02", FTE30="0.800000", FTE="0.800000"),
                    worker("SW0999", year=2025, RoleStartDate="2018-01-08"),
                ],
                lea=authority.la_code,
            )
        )
    )
    finn = person(assessment, "SW1006")

    people = {
        "ann": person(assessment, "SW1001", sex="F", ethnicity="WBRI", date_of_birth=date(1985, 3, 1)),
        "ben": person(assessment, "SW1002", sex="M", ethnicity="BAFR"),
        "cara": person(in_care, "SW1003", gender_current="2", ethnicity="AIND", qualification_route="step_up"),
        "dev": person(in_care, "SW1004", sex="M"),
        "eve": person(assessment, "SW1005", sex="F"),
        "finn": finn,
        "gus": person(in_care, "SW1007", sex="M", qualification_route="frontline"),
        "hal": person(adults_team, "SW1008"),
        "ivy": person(assessment, "SW1009"),
        "jo": person(assessment, ""),
    }
    a = AssignmentFactory
    a(staff_member=people["ann"], team=assessment, starts_on=date(2020, 1, 6), start_origin="2")
    a(staff_member=people["ben"], team=assessment, fte=Decimal("0.8"), starts_on=date(2023, 2, 1),
      ends_on=date(2026, 9, 30), reason_leave="1", leaver_destination="1")  # fmt: skip
    a(staff_member=people["cara"], team=in_care, starts_on=date(2024, 5, 1), ends_on=date(2026, 3, 31),
      start_origin="1")  # fmt: skip
    a(staff_member=people["cara"], team=in_care, fte=Decimal("0.6"), starts_on=date(2026, 4, 1))
    a(staff_member=people["dev"], team=in_care, contract_type="agency", job_title="Agency social worker",
      starts_on=date(2026, 1, 5))  # fmt: skip
    a(staff_member=people["eve"], team=assessment, org_role="1", job_title="Head of service",
      starts_on=date(2019, 9, 1))  # fmt: skip
    a(staff_member=finn, team=assessment, starts_on=date(2024, 9, 2), start_origin="2")
    a(staff_member=people["gus"], team=in_care, starts_on=date(2026, 2, 2), start_origin="1")
    a(staff_member=people["hal"], team=adults_team, starts_on=date(2021, 6, 1))
    a(staff_member=people["ivy"], team=assessment, starts_on=date(2019, 1, 7), ends_on=date(2025, 9, 30),
      reason_leave="5", leaver_destination="6")  # fmt: skip
    a(staff_member=people["jo"], team=assessment, starts_on=date(2022, 1, 4))

    count(people["ann"], date(2026, 6, 30), 20)  # an earlier count: not the latest by 30 September
    count(people["ann"], date(2026, 9, 28), 8)
    count(people["ann"], date(2026, 9, 28), 4, case_type="child_protection")
    count(people["ben"], date(2026, 9, 15), 10)  # he leaves on 30 September: no cases at 30 September
    count(people["cara"], date(2026, 9, 30), 9)
    count(people["dev"], date(2026, 9, 30), 15)
    count(finn, date(2026, 9, 30), 18)
    count(people["gus"], date(2026, 9, 30), 0)
    count(people["eve"], date(2025, 9, 1), 3)  # before the census year: not read

    AbsenceEpisodeFactory(staff_member=people["ann"], starts_on=date(2025, 9, 20), ends_on=date(2025, 9, 26),
                          working_days_lost=Decimal("5"))  # fmt: skip  # the year before
    AbsenceEpisodeFactory(staff_member=people["ann"], starts_on=date(2025, 11, 3), ends_on=date(2025, 11, 5),
                          working_days_lost=Decimal("3"))  # fmt: skip
    AbsenceEpisodeFactory(staff_member=people["ann"], starts_on=date(2026, 9, 29), ends_on=date(2026, 10, 2),
                          reason="TRN", working_days_lost=Decimal("2"))  # fmt: skip
    AbsenceEpisodeFactory(staff_member=people["cara"], starts_on=date(2026, 1, 12), ends_on=date(2026, 1, 15),
                          working_days_lost=Decimal("4"))  # fmt: skip
    return people, {"assessment": assessment, "in_care": in_care}
