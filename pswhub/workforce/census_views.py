"""The census year pages: a year's return checked, previewed and downloaded; for a year built from
the records also built, reviewed line by line with the source of each value, corrected, compared
with last year, submitted and reopened (docs/workforce.md, "Building this year's return")."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from pswhub.core.periods import census_year_of
from pswhub.core.selectors import authority_get
from pswhub.core.views import require

from . import census_presenters, checks, csww, presenters, selectors
from .census_values import CORRECTABLE_FIELDS, COUNCIL_FIELDS, field_label
from .forms import CensusCorrectionForm, CensusReopenForm
from .models import CensusCorrection, CensusWorker
from .selectors.census_compare import census_year_compare
from .services.census_build import CensusBuildError, census_year_build
from .services.census_submission import (
    CensusCorrectionError,
    census_correction_make,
    census_correction_withdraw,
    census_council_correction_make,
    census_year_reopen,
    census_year_submit,
)
from .views import RETURN_HAS_PROBLEMS

SUBMIT_HAS_PROBLEMS = "The return is marked as submitted once the problems above are put right."
NO_SUCH_CENSUS_YEAR = "There is no {year} census year"
NO_SUCH_LINE = "There is no such line in the {year} return"
ENGAGEMENTS_LEFT_OUT = (
    "{count} agency engagements in the year are for workers with no staff record in PSW Hub, so no Social Work "
    "England number, and are not in the return: {names}. Link each to the worker's staff record on the agency "
    "social workers page to include them."
)


def _held(request, year):
    require(request, "workforce.prepare_census_return")
    authority = authority_get()
    return selectors.census_year_get(authority=authority, year=year) if authority else None


def _census_year(request, year):
    census_year = _held(request, year)
    if census_year is None:
        raise Http404(NO_SUCH_CENSUS_YEAR.format(year=year))
    return census_year


def _buildable_year(year):
    """A year not held may be built once its 1 October has come."""
    return 2009 <= year <= census_year_of(timezone.localdate())


def census_open(request):
    """This year's return: the census year whose 30 September has most recently passed."""
    require(request, "workforce.prepare_census_return")
    return redirect("workforce:census_return", year=census_year_of(timezone.localdate()) - 1)


def census_return(request, year):
    census_year = _held(request, year)
    if census_year is None:
        if not _buildable_year(year) or authority_get() is None:
            raise Http404(NO_SUCH_CENSUS_YEAR.format(year=year))
        context = {"year": year, "may_build": request.user.has_perm("workforce.build_census_year")}
        return render(request, "workforce/census_year_unbuilt.html", context)
    workers = selectors.census_workers(census_year=census_year)
    problems = checks.census_year_check(census_year=census_year, workers=workers)
    figures = selectors.workforce_figures(census_year=census_year)
    context = {
        "census_year": census_year,
        "layout": csww.layout_for_year(year),
        "problem_head": presenters.CHECK_PROBLEM_HEAD,
        "problem_rows": presenters.check_problem_rows(problems),
        "headlines": presenters.headline_rows(figures, None),
        "worker_lines": len(workers),
        "return_has_problems": RETURN_HAS_PROBLEMS,
        "submit_has_problems": SUBMIT_HAS_PROBLEMS,
    }
    if census_year.is_built:
        corrected = set(CensusCorrection.objects.filter(census_year=census_year).values_list("staff_member_id", "line"))
        context |= {
            "lines": census_presenters.line_rows(workers, corrected),
            "la_level": census_presenters.la_level_rows(census_year),
            "submissions": census_presenters.submission_rows(census_year),
            "may_build": request.user.has_perm("workforce.build_census_year"),
            "may_submit": request.user.has_perm("workforce.submit_census_return"),
            "reopen_form": CensusReopenForm(),
        }
    return render(request, "workforce/census_return.html", context)


@require_POST
def census_build(request, year):
    require(request, "workforce.build_census_year")
    if _held(request, year) is None and not _buildable_year(year):
        raise Http404(NO_SUCH_CENSUS_YEAR.format(year=year))
    try:
        result = census_year_build(year=year, changed_by=request.user)
    except CensusBuildError as error:
        messages.error(request, str(error))
    else:
        if result.changed_anything:
            messages.success(
                request,
                f"The {year} return has been built from the records: {result.lines} lines ({result.created} added, "
                f"{result.updated} changed, {result.deleted} removed).",
            )
        else:
            messages.success(request, f"The {year} return was built again: nothing in the records has changed.")
        if result.left_out:
            messages.warning(
                request,
                f"{len(result.left_out)} staff with census roles have no Social Work England number and are not in "
                f"the return: {', '.join(result.left_out)}",
            )
        if result.left_out_engagements:
            messages.warning(request, ENGAGEMENTS_LEFT_OUT.format(
                count=len(result.left_out_engagements), names="; ".join(result.left_out_engagements)
            ))  # fmt: skip
    return redirect("workforce:census_return", year=year)


def census_line(request, year, pk):
    census_year = _census_year(request, year)
    if not census_year.is_built:
        raise Http404(NO_SUCH_LINE.format(year=year))
    worker = get_object_or_404(CensusWorker.objects.select_related("staff_member", "team"), census_year=census_year,
                               pk=pk)  # fmt: skip
    may_correct = request.user.has_perm("workforce.correct_census_line") and not census_year.is_submitted
    form = CensusCorrectionForm(
        request.POST if request.method == "POST" else None,
        fields=[(name, field_label(name)) for name in CORRECTABLE_FIELDS],
    )
    if request.method == "POST":
        require(request, "workforce.correct_census_line")
        if form.is_valid():
            try:
                census_correction_make(worker=worker, corrected_by=request.user, **form.cleaned_data)
            except CensusCorrectionError as error:
                form.add_error(error.field, str(error))
            else:
                messages.success(request, f"{field_label(form.cleaned_data['field'])} corrected")
                return redirect("workforce:census_line", year=year, pk=worker.pk)
    corrections = CensusCorrection.objects.filter(
        census_year=census_year, staff_member=worker.staff_member_id, line=worker.line
    ).select_related("corrected_by")
    context = {
        "census_year": census_year,
        "worker": worker,
        "rows": census_presenters.value_rows(worker, {correction.field for correction in corrections}),
        "corrections": census_presenters.correction_rows(corrections),
        "form": form,
        "may_correct": may_correct,
    }
    return render(request, "workforce/census_line.html", context)


def census_council(request, year):
    """A built year's council-level answers (vacancies, agency cover, pay and allowances), where
    each came from, and their corrections."""
    census_year = _census_year(request, year)
    if not census_year.is_built:
        raise Http404(NO_SUCH_CENSUS_YEAR.format(year=year))
    may_correct = request.user.has_perm("workforce.correct_census_line") and not census_year.is_submitted
    form = CensusCorrectionForm(
        request.POST if request.method == "POST" else None,
        fields=[(name, field_label(name)) for name in COUNCIL_FIELDS],
    )
    if request.method == "POST":
        require(request, "workforce.correct_census_line")
        if form.is_valid():
            try:
                census_council_correction_make(census_year=census_year, corrected_by=request.user, **form.cleaned_data)
            except CensusCorrectionError as error:
                form.add_error(error.field, str(error))
            else:
                messages.success(request, f"{field_label(form.cleaned_data['field'])} corrected")
                return redirect("workforce:census_council", year=year)
    corrections = CensusCorrection.objects.filter(census_year=census_year, staff_member__isnull=True).select_related(
        "corrected_by"
    )
    context = {
        "census_year": census_year,
        "rows": census_presenters.council_rows(census_year, {correction.field for correction in corrections}),
        "corrections": census_presenters.correction_rows(corrections),
        "form": form,
        "may_correct": may_correct,
    }
    return render(request, "workforce/census_council.html", context)


@require_POST
def census_correction_withdraw_view(request, year, pk):
    require(request, "workforce.correct_census_line")
    census_year = _census_year(request, year)
    correction = get_object_or_404(CensusCorrection, census_year=census_year, pk=pk)
    worker = CensusWorker.objects.filter(
        census_year=census_year, staff_member_id=correction.staff_member_id, line=correction.line
    ).first()
    try:
        census_correction_withdraw(correction=correction, withdrawn_by=request.user)
    except CensusCorrectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Correction of {field_label(correction.field).lower()} withdrawn")
    if correction.staff_member_id is None:
        return redirect("workforce:census_council", year=year)
    if worker:
        return redirect("workforce:census_line", year=year, pk=worker.pk)
    return redirect("workforce:census_return", year=year)


def census_compare(request, year):
    census_year = _census_year(request, year)
    comparison = census_year_compare(census_year=census_year)
    return render(
        request,
        "workforce/census_compare.html",
        {"census_year": census_year, "comparison": census_presenters.comparison_view(comparison)},
    )


@require_POST
def census_submit(request, year):
    require(request, "workforce.submit_census_return")
    census_year = _census_year(request, year)
    if checks.census_year_check(census_year=census_year):
        messages.error(request, SUBMIT_HAS_PROBLEMS)
        return redirect("workforce:census_return", year=year)
    try:
        submission = census_year_submit(census_year=census_year, submitted_by=request.user)
    except CensusCorrectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The {year} return is marked as submitted (version {submission.version}).")
    return redirect("workforce:census_return", year=year)


@require_POST
def census_reopen(request, year):
    require(request, "workforce.submit_census_return")
    census_year = _census_year(request, year)
    form = CensusReopenForm(request.POST)
    if form.is_valid():
        try:
            census_year_reopen(census_year=census_year, reopened_by=request.user, **form.cleaned_data)
        except CensusCorrectionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"The {year} return is open for a resubmission.")
    else:
        messages.error(request, form.errors["reason"][0])
    return redirect("workforce:census_return", year=year)
