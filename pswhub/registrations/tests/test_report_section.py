from datetime import date

from pswhub.core.periods import Period
from pswhub.registrations.report_section import RenewalSection, renewal_year_in
from pswhub.registrations.tests.factories import RegistrationFactory, RenewalFactory


def test_the_renewal_of_a_financial_year_is_the_one_whose_deadline_falls_in_it():
    assert renewal_year_in(Period.financial_year(2025)) == 2025
    assert renewal_year_in(Period(date(2026, 1, 1), date(2026, 6, 30))) is None


def test_the_section_says_when_everyone_renewed(db):
    for _ in range(6):
        RenewalFactory(registration=RegistrationFactory(), year=2025, renewed_on=date(2025, 10, 1))
    section = RenewalSection().build(Period.financial_year(2025), "all")
    assert section.figures["renewed"] == 6 and section.figures["not_renewed"] == 0
    assert (
        section.comparison == "Every registered social worker in post renewed their registration by 30 November 2025."
    )
