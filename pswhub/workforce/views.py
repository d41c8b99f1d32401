import csv

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from pswhub.core import disclosure
from pswhub.core import services as core_services
from pswhub.core.models import StaffMember
from pswhub.core.selectors import authority_get
from pswhub.core.views import require

from . import checks, csww, establishment, exports, national, presenters, records, selectors
from . import dashboard as workforce_dashboard
from .forms import (
    AbsenceEpisodeForm,
    AssignmentDetailsForm,
    EstablishmentDateForm,
    EstablishmentForm,
    PersonalDetailsForm,
)
from .models import Assignment, StaffProfile

RETURN_HAS_PROBLEMS = (
    "The return can be downloaded once the problems above are put right: a return with them would be "
    "rejected or give DfE wrong figures."
)
NO_SUCH_CENSUS_YEAR = "There is no {year} census year"
NO_CENSUS_YEARS = "There are no census years yet"


def _dashboard_year(request):
    """The census years held, oldest first, and the one asked for (`?year=`), else the latest."""
    authority = authority_get()
    years = list(selectors.census_years(authority=authority)) if authority else []
    asked = request.GET.get("year", "")
    if not asked:
        return years, (years[-1] if years else None)
    chosen = next((census_year for census_year in years if str(census_year.year) == asked.strip()), None)
    if chosen is None:
        raise Http404(NO_SUCH_CENSUS_YEAR.format(year=asked[:10]))
    return years, chosen


def dashboard(request):
    require(request, "workforce.view_dashboard")
    years, census_year = _dashboard_year(request)
    reader = workforce_dashboard.Reader.of(request.user)
    context = {
        "latest": census_year,
        "years": [year.year for year in reversed(years)],
        "unsuppressed": reader.unsuppressed,
        "may_import": request.user.has_perm("workforce.import_staff"),
        "suppression_threshold": disclosure.threshold(),
        "small_base_note": presenters.SMALL_BASE_NOTE,
        "return_years": [],
    }
    if census_year:
        data = workforce_dashboard.dashboard_data(census_year=census_year, years=years, reader=reader)
        context |= {
            "previous": data["previous"],
            "tables": {table.key: presenters.table_view(table) for table in workforce_dashboard.dashboard_tables(data)},
            "charts": workforce_dashboard.dashboard_charts(data),
            "england_sources": national.england_sources(),
            "return_years": context["years"] if request.user.has_perm("workforce.prepare_census_return") else [],
        }
    return render(request, "workforce/dashboard.html", context)


def _export(request):
    require(request, "workforce.view_dashboard")
    years, census_year = _dashboard_year(request)
    if census_year is None:
        raise Http404(NO_CENSUS_YEARS)
    reader = workforce_dashboard.Reader.of(request.user)
    data = workforce_dashboard.dashboard_data(census_year=census_year, years=years, reader=reader)
    return census_year, reader, workforce_dashboard.dashboard_tables(data)


def figures_csv(request):
    census_year, _, tables = _export(request)
    response = HttpResponse(exports.figures_csv(tables), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="workforce-figures-{census_year.year}.csv"'
    return response


def figures_xlsx(request):
    census_year, reader, tables = _export(request)
    content = exports.figures_xlsx(tables, suppression_limit=disclosure.threshold(), suppressed=not reader.unsuppressed)
    response = HttpResponse(content, content_type=exports.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="workforce-figures-{census_year.year}.xlsx"'
    return response


def _census_year(request, year):
    require(request, "workforce.prepare_census_return")
    authority = authority_get()
    census_year = selectors.census_year_get(authority=authority, year=year) if authority else None
    if census_year is None:
        raise Http404(NO_SUCH_CENSUS_YEAR.format(year=year))
    return census_year


def census_return_problems_csv(request, year):
    census_year = _census_year(request, year)
    problems = checks.census_year_check(
        census_year=census_year, workers=selectors.census_workers(census_year=census_year)
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="csww-{year}-problems.csv"'
    writer = csv.writer(response)
    writer.writerow(presenters.CHECK_PROBLEM_HEAD)
    for row in presenters.check_problem_rows(problems):
        writer.writerow([presenters.csv_cell(cell) for cell in row])
    return response


def census_return_xml(request, year):
    census_year = _census_year(request, year)
    workers = selectors.census_workers(census_year=census_year)
    if checks.census_year_check(census_year=census_year, workers=workers):
        # The page says why there is no download; a stale link is sent back to it.
        return redirect("workforce:census_return", year=year)
    response = HttpResponse(
        csww.census_return_xml(census_year=census_year, workers=workers), content_type="application/xml"
    )
    response["Content-Disposition"] = f'attachment; filename="csww-{year}.xml"'
    return response


# Posts and establishment ------------------------------------------------------------------------


def establishment_page(request):
    require(request, "workforce.view_establishment")
    form = EstablishmentDateForm(request.GET or None, initial={"on": timezone.localdate()})
    teams = establishment.establishment_teams(request.user)
    context = {
        "form": form,
        "recorded": presenters.establishment_recorded_rows(establishment.establishment_history(teams=teams)),
        "may_record": request.user.has_perm("workforce.record_establishment"),
    }
    if form.is_bound and not form.is_valid():
        # An impossible date is refused with its message; another day's figures would mislead.
        return render(request, "workforce/establishment.html", context)
    on = (form.cleaned_data["on"] if form.is_bound else None) or timezone.localdate()
    lines, total = establishment.establishment_on(on, teams=teams)
    context |= {"on": on, "rows": presenters.establishment_rows(lines), "total": presenters.establishment_row(total)}
    return render(request, "workforce/establishment.html", context)


def establishment_create(request):
    require(request, "workforce.record_establishment")
    form = EstablishmentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            establishment.establishment_record(changed_by=request.user, **form.cleaned_data)
        except establishment.EstablishmentError as error:
            form.add_error("starts_on", str(error))
        else:
            messages.success(request, f"Funded FTE recorded for {form.cleaned_data['team'].name}")
            starts_on = form.cleaned_data["starts_on"]
            query = f"?on-day={starts_on.day}&on-month={starts_on.month}&on-year={starts_on.year}"
            return redirect(reverse("workforce:establishment") + query)
    context = {"form": form, "title": "Record a team's funded FTE", "button": "Record funded FTE",
               "back": reverse("workforce:establishment"), "caption": "Establishment"}  # fmt: skip
    return render(request, "form_page.html", context)


# The staff record's workforce sections -----------------------------------------------------------


def _staff_member_for_change(request, pk):
    require(request, "workforce.change_staff_records")
    staff_member = get_object_or_404(StaffMember.objects.visible_to(request.user), pk=pk)
    core_services.personal_record_view_log(viewer=request.user, staff_member=staff_member, path=request.path)
    return staff_member


def _record_form_page(request, staff_member, form, title, button):
    back = reverse("core:staff_detail", args=[staff_member.pk])
    context = {"form": form, "title": title, "button": button, "caption": staff_member.full_name,
               "back": back, "back_text": "Back to the staff record"}  # fmt: skip
    return render(request, "form_page.html", context)


def absence_create(request, pk):
    staff_member = _staff_member_for_change(request, pk)
    form = AbsenceEpisodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            records.absence_episode_record(staff_member=staff_member, changed_by=request.user, **form.cleaned_data)
        except records.RecordError as error:
            form.add_error("starts_on", str(error))
        else:
            messages.success(request, "Absence recorded")
            return redirect("core:staff_detail", pk=staff_member.pk)
    return _record_form_page(request, staff_member, form, "Record an absence", "Record absence")


def personal_details(request, pk):
    staff_member = _staff_member_for_change(request, pk)
    profile = StaffProfile.objects.filter(staff_member=staff_member).first() or StaffProfile(staff_member=staff_member)
    form = PersonalDetailsForm(request.POST if request.method == "POST" else None, instance=profile)
    if request.method == "POST" and form.is_valid():
        records.staff_profile_update(staff_member=staff_member, changed_by=request.user, **form.cleaned_data)
        messages.success(request, "Details saved")
        return redirect("core:staff_detail", pk=staff_member.pk)
    return _record_form_page(request, staff_member, form, "Social Work England number, route and equality details",
                             "Save details")  # fmt: skip


def assignment_details(request, pk, assignment_pk):
    staff_member = _staff_member_for_change(request, pk)
    assignment = get_object_or_404(Assignment, staff_member=staff_member, pk=assignment_pk)
    form = AssignmentDetailsForm(request.POST if request.method == "POST" else None, instance=assignment)
    if request.method == "POST" and form.is_valid():
        records.assignment_details_update(assignment=assignment, changed_by=request.user, **form.cleaned_data)
        messages.success(request, "Assignment details saved")
        return redirect("core:staff_detail", pk=staff_member.pk)
    return _record_form_page(request, staff_member, form, "Census role, starting and leaving details", "Save details")
