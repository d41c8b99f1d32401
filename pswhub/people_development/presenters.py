"""Display rules for people development pages: tables as GOV.UK table rows, status tags (always a
word, a colour only beside it) and the dashboard's figures as label and value pairs."""

from django.urls import reverse
from markupsafe import Markup

from pswhub.core.figures import rate
from pswhub.core.presenters import SUPPRESSED, govuk_date, number, percent

from . import reference
from .models import Outcome, ProgressionOutcome

OUTCOME_TAG_CLASSES = {
    Outcome.IN_PROGRESS: "govuk-tag--blue",
    Outcome.EXTENDED: "govuk-tag--yellow",
    Outcome.PASSED: "govuk-tag--green",
    Outcome.FAILED: "govuk-tag--red",
    Outcome.WITHDRAWN: "govuk-tag--grey",
}
DECISION_TAG_CLASSES = {
    ProgressionOutcome.WAITING: "govuk-tag--blue",
    ProgressionOutcome.PROGRESSED: "govuk-tag--green",
    ProgressionOutcome.NOT_YET: "govuk-tag--yellow",
    ProgressionOutcome.WITHDRAWN: "govuk-tag--grey",
}
NOT_RECORDED = "Not recorded"


def link(href, text):
    return {"html": Markup('<a class="govuk-link" href="{}">{}</a>').format(href, text)}


def text(value):
    return {"text": value if value not in (None, "") else NOT_RECORDED}


def numeric(value):
    return {"text": number(value), "format": "numeric"}


def tag(text_, classes):
    return {"text": text_, "classes": classes}


def outcome_tag(record):
    return tag(record.get_outcome_display(), OUTCOME_TAG_CLASSES[record.outcome])


def decision_tag(application):
    return tag(application.get_outcome_display(), DECISION_TAG_CLASSES[application.outcome])


def review_tag(review, today):
    if review.held_on:
        return tag(f"Held {govuk_date(review.held_on)}", "govuk-tag--green")
    if review.due_on < today:
        return tag("Overdue", "govuk-tag--red")
    return tag("Not yet held", "govuk-tag--blue")


def review_name(review):
    return "Final assessment" if review.is_final else f"{review.months}-month review"


def placement_rows(placements):
    return [
        [
            link(reverse("people_development:placement_edit", args=[p.pk]), p.student_reference),
            text(p.academic_year_label),
            text(p.university),
            text(p.route.name),
            text(p.get_kind_display()),
            text(p.team.name if p.team else None),
            numeric(p.days),
            text(p.get_outcome_display()),
            text(p.hired.full_name if p.hired else "No"),
        ]
        for p in placements
    ]


PLACEMENT_HEAD = ["Student", "Year", "University", "Route", "Placement", "Team", "Days", "Outcome", "Employed here"]


def income_rows(incomes):
    return [
        [text(income.academic_year_label), {"text": f"£{number(income.amount)}", "format": "numeric"},
         text("Projected" if income.projected else "Received")]
        for income in incomes
    ]  # fmt: skip


def accreditation_rows(results):
    return [
        [text(result.staff_member.full_name), text(govuk_date(result.assessed_on)),
         text("Passed" if result.passed else "Not passed")]
        for result in results
    ]  # fmt: skip


def educator_rows(educators):
    return [
        [
            link(reverse("people_development:educator_edit", args=[e.pk]), e.staff_member.full_name),
            text(e.get_stage_display()),
            text(govuk_date(e.qualified_on)),
            numeric(e.capacity),
            numeric(e.students),
        ]
        for e in educators
    ]


EDUCATOR_HEAD = ["Practice educator", "Stage", "Qualified", "Capacity (students a year)", "Students this year"]


def cohort_rows(cohorts):
    return [
        [
            link(reverse("people_development:cohort_detail", args=[c.pk]), c.name),
            text(c.get_kind_display()),
            text(govuk_date(c.started_on)),
            numeric(c.participant_count),
            numeric(c.qualified),
            numeric(c.staying),
        ]
        for c in cohorts
    ]


COHORT_HEAD = ["Cohort", "Route or programme", "Started", "Participants", "Qualified", "Working here now"]


def record_rows(records):
    return [
        [
            link(reverse("people_development:record_detail", args=[r.pk]), r.staff_member.full_name),
            text(r.staff_member.team.name if r.staff_member.team else None),
            text(r.programme.name),
            text(govuk_date(r.started_on)),
            text(r.assessor.full_name if r.assessor else None),
            {"html": Markup('<strong class="govuk-tag {}">{}</strong>').format(*_tag_parts(outcome_tag(r)))},
        ]
        for r in records
    ]


RECORD_HEAD = ["Worker", "Team", "Programme", "Started", "Assessor", "Outcome"]


def _tag_parts(tag_):
    return tag_["classes"], tag_["text"]


def panel_rows(panels):
    return [
        [
            link(reverse("people_development:panel_detail", args=[p.pk]), govuk_date(p.held_on)),
            numeric(p.application_count),
            numeric(p.waiting),
            numeric(p.progressed),
        ]
        for p in panels
    ]


PANEL_HEAD = ["Panel", "Applications", "Waiting for a decision", "Progressed"]


def _ratio_text(part, whole):
    if SUPPRESSED in (part, whole):
        return f"{number(part)} of {number(whole)}"
    shown = rate(part, whole)
    return f"{number(part)} of {number(whole)}" + (f" ({percent(shown)})" if shown is not None else "")


def dashboard_rows(figures):
    """The dashboard's headline figures as (label, value) pairs, in the order the page shows them."""
    passed = figures["passed_since_start_and_still_employed"]
    rows = [
        ("Student placements starting", number(figures["placements"])),
        ("Final placement students later employed", number(figures["final_placement_students_hired"])),
        ("Newly qualified social workers starting a programme", number(figures["programme_started"])),
        (
            "Of them, had their final placement here",
            number(figures["newly_qualified_recruited_after_final_placement_here"]),
        ),
        ("Passed the programme", number(figures["programme_passed"])),
        ("On a programme at the end of the period", number(figures["in_programme_at_end"])),
        (
            "Starters who left during the programme or within 12 months of completing",
            number(figures["left_during_or_within_12_months_of_completing"]),
        ),
        ("Passed since records began, still employed", _ratio_text(passed["still_employed"], passed["passed"])),
    ]
    for months, pair in figures["retention_after_completing"].items():
        rows.append(
            (f"Still employed {months} months after completing", _ratio_text(pair["still_employed"], pair["completed"]))
        )
    rows += [
        ("Progression applications", number(figures["progression_applications"])),
        ("Progressed at a panel", number(figures["progressed"])),
        ("New practice educators", number(figures["new_practice_educators"])),
        ("National accreditation passed", number(figures["accreditation_passed"])),
    ]
    return rows


def route_rows(by_route):
    names = {code: name for code, name, _order in reference.ROUTES}
    return [[text(names[code]), numeric(count)] for code, count in by_route.items()]


def progression_chart(by_year):
    years = list(by_year)
    return {
        "title": "Social workers progressed at a panel, by calendar year",
        "description": "Bar chart of social workers progressed at a career progression panel in each year. "
        + " ".join(f"{year}: {number(count)}." for year, count in by_year.items()),
        "categories": [str(year) for year in years],
        "series": [{"name": "Progressed", "values": list(by_year.values())}],
        "unit": "people",
    }


class Present:
    outcome_tag = staticmethod(outcome_tag)
    decision_tag = staticmethod(decision_tag)
    review_tag = staticmethod(review_tag)
    review_name = staticmethod(review_name)
