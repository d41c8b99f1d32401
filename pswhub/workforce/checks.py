"""PSW Hub's own checks of a census year before its return is downloaded, written from the DfE
CSWW guidance. Each rule is a small function named after what it checks, quoting the guidance it
comes from; each returns the problems it finds, naming the worker and the field, so that the HR
officer can put the data right before submitting. DfE's own validation rules are not published;
these are not them."""

import re
from dataclasses import dataclass

from . import codes
from .models import CensusWorker

SWE_NUMBER_FORMAT = "The Social Work England number must be SW followed by up to 10 digits"
FTE_OUT_OF_RANGE = "FTE must be between 0 and 1"
LEAVER_END_DATE_OUTSIDE_YEAR = "The role end date must fall within the census year ({start} to {end})"
LEAVER_REASON_MISSING = "A leaver needs a reason for leaving"
LEAVER_DESTINATION_MISSING = "A leaver needs a destination"
CASES_FOR_WORKER_NOT_IN_POST = "Cases at 30 September are only for workers in post at 30 September"
START_AFTER_REFERENCE_DATE = "The role start date is after the census reference date ({end})"
AGENCY_WORKER_WITH_LEAVER_DETAILS = "Agency workers have no leaving details in the census"
VACANCIES_NOT_RECORDED = "Record the number of FTE vacancies at 30 September"
PAY_QUESTION_NOT_ANSWERED = "Answer whether LA-employed social workers are offered: {label}"
OTHER_ALLOWANCES_NOT_ANSWERED = "Say which other allowances are offered (or None)"
# The collection year from which the return asks the LA-level pay questions.
PAY_QUESTIONS_FROM = 2025

SWE_NUMBER = re.compile(r"^SW\d{1,10}$")


@dataclass(frozen=True)
class CheckProblem:
    swe_number: str
    field: str
    message: str


def _problem(worker, field, message):
    return CheckProblem(worker.swe_number, field, message)


def swe_number_format(worker, census_year):
    """Social Work England: registration numbers are "SW" followed by digits; former HCPC numbers
    keep their digits with leading zeros dropped (up to ten digits)."""
    if not SWE_NUMBER.match(worker.swe_number or ""):
        yield _problem(worker, "SWENo", SWE_NUMBER_FORMAT)


def fte_between_zero_and_one(worker, census_year):
    """CSWW guidance: FTE is contracted hours divided by the authority's standard hours, between
    0 and 1 (a worker with more than one role has a line for each)."""
    for field, value in (("FTE", worker.fte), ("FTE30", worker.fte_30)):
        if value is not None and not (0 <= value <= 1):
            yield _problem(worker, field, FTE_OUT_OF_RANGE)


def leaver_end_date_within_year(worker, census_year):
    """CSWW guidance: leavers are those who left between 1 October and 30 September; an end date
    outside the year belongs to another year's return."""
    end = worker.role_end_date
    if end is not None and not (census_year.starts_on <= end <= census_year.reference_date):
        yield _problem(
            worker,
            "RoleEndDate",
            LEAVER_END_DATE_OUTSIDE_YEAR.format(start=census_year.starts_on, end=census_year.reference_date),
        )


def leaver_reason_and_destination_present(worker, census_year):
    """CSWW guidance: for each LA-employed leaver give the reason for leaving and the destination."""
    if worker.role_end_date is None or worker.agency:
        return
    if not worker.reason_leave:
        yield _problem(worker, "ReasonLeave", LEAVER_REASON_MISSING)
    if not worker.leaver_destination:
        yield _problem(worker, "LeaverDestination", LEAVER_DESTINATION_MISSING)


def cases_only_for_those_in_post(worker, census_year):
    """CSWW guidance: cases are counted at 30 September, so only a worker in post then has any."""
    if worker.cases_30 is None:
        return
    reference = census_year.reference_date
    left = worker.role_end_date is not None and worker.role_end_date <= reference
    not_started = worker.role_start_date is not None and worker.role_start_date > reference
    if left or not_started:
        yield _problem(worker, "Cases30", CASES_FOR_WORKER_NOT_IN_POST)


def start_not_after_reference_date(worker, census_year):
    """A census year's return describes the workforce up to 30 September: no one starts after it."""
    if worker.role_start_date is not None and worker.role_start_date > census_year.reference_date:
        yield _problem(worker, "RoleStartDate", START_AFTER_REFERENCE_DATE.format(end=census_year.reference_date))


def agency_workers_have_no_leaver_details(worker, census_year):
    """CSWW guidance: starters' and leavers' details are collected for LA-employed workers only."""
    if worker.agency and (worker.reason_leave or worker.leaver_destination):
        yield _problem(worker, "ReasonLeave", AGENCY_WORKER_WITH_LEAVER_DETAILS)


WORKER_RULES = [
    swe_number_format,
    fte_between_zero_and_one,
    leaver_end_date_within_year,
    leaver_reason_and_destination_present,
    cases_only_for_those_in_post,
    start_not_after_reference_date,
    agency_workers_have_no_leaver_details,
]


def vacancies_recorded(census_year):
    """CSWW guidance: every authority gives its FTE vacancies at 30 September (0 if none)."""
    if census_year.vacancies_fte is None:
        yield CheckProblem("", "NumberOfVacancies", VACANCIES_NOT_RECORDED)


def pay_questions_answered(census_year):
    """CSWW guidance from 2025: the authority says whether each payment or allowance is offered
    to its LA-employed social workers, and names any other allowances."""
    if census_year.year < PAY_QUESTIONS_FROM:
        return
    for element, name, label in codes.LA_PAY_ITEMS:
        if not getattr(census_year, name):
            yield CheckProblem("", element, PAY_QUESTION_NOT_ANSWERED.format(label=label.lower()))
    if not census_year.other_allowances:
        yield CheckProblem("", "OtherAllowances", OTHER_ALLOWANCES_NOT_ANSWERED)


YEAR_RULES = [vacancies_recorded, pay_questions_answered]


def census_year_check(*, census_year, workers=None):
    """Every problem in a census year, authority-level first, then by worker in SWE number order."""
    workers = workers if workers is not None else CensusWorker.objects.filter(census_year=census_year)
    problems = [problem for rule in YEAR_RULES for problem in rule(census_year)]
    for worker in sorted(workers, key=lambda worker: (worker.swe_number, worker.line)):
        for rule in WORKER_RULES:
            problems.extend(rule(worker, census_year))
    return problems
