"""Thin views: the benchmarking page, the comparator choice and regional network packs."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from pswhub.core import disclosure
from pswhub.core.periods import year_label
from pswhub.core.selectors import authority_get
from pswhub.core.views import require

from . import dfe, packs, presenters, selectors, services
from .forms import ComparatorsForm
from .models import BenchmarkSettings, NetworkPack

CHOICES_SAVED = "Comparator councils and region saved"


def _year(request, years):
    text = request.GET.get("year", "")
    if text.isdigit() and int(text) in years:
        return int(text)
    return years[0] if years else None


def home(request):
    require(request, "benchmarking.view_benchmarks")
    years = selectors.years_held()
    year = _year(request, years)
    authority = authority_get()
    data = selectors.benchmark(authority=authority, year=year) if year else None
    context = {
        "years": years,
        "year": year,
        "data": data,
        "rows": presenters.comparison_rows(data) if data else [],
        "sentences": [presenters.headline_sentence(data, name) for name in presenters.HEADLINE] if data else [],
        "source_note": presenters.source_note(data) if data else dfe.CREDIT,
        "disclosure_rule": disclosure.rule(disclosure.DFE_PUBLISHED),
        "symbols": dfe.SYMBOLS,
    }
    return render(request, "benchmarking/home.html", context)


def _choices_form(request):
    chosen = BenchmarkSettings.objects.first()
    initial = {"comparators": selectors.comparator_codes(), "region": chosen.region_code if chosen else ""}
    return ComparatorsForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        councils=selectors.council_codes(),
        regions=selectors.regions(),
    )


def comparators(request):
    require(request, "benchmarking.choose_comparators")
    form = _choices_form(request)
    if request.method == "POST" and form.is_valid():
        services.comparators_set(codes=form.cleaned_data["comparators"], changed_by=request.user)
        services.region_set(region_code=form.cleaned_data["region"], changed_by=request.user)
        messages.success(request, CHOICES_SAVED)
        return redirect("benchmarking:home")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Choose comparator councils",
            "button": "Save",
            "back": reverse("benchmarking:home"),
            "caption": "Benchmarking",
        },
        status=400 if form.errors else 200,
    )


def packs_page(request):
    require(request, "benchmarking.exchange_packs")
    year = packs.default_year()
    side = packs.packs_side_by_side()
    return render(
        request,
        "benchmarking/packs.html",
        {"side": side, "year": year, "year_text": year_label(year), "packs": NetworkPack.objects.all()},
    )


def _pack_response(request, kind):
    require(request, "benchmarking.exchange_packs")
    text = request.GET.get("year", "")
    year = int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else packs.default_year()
    authority = authority_get()
    pack = packs.pack_for(authority=authority, year=year)
    content, content_type = (
        (packs.pack_json(pack), "application/json")
        if kind == "json"
        else (packs.pack_csv(pack), "text/csv; charset=utf-8")
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="psw-hub-network-pack-{year}.{kind}"'
    return response


def pack_json(request):
    return _pack_response(request, "json")


def pack_csv(request):
    return _pack_response(request, "csv")


@require_POST
def pack_remove(request, pk):
    require(request, "benchmarking.exchange_packs")
    NetworkPack.objects.filter(pk=pk).delete()
    return redirect("benchmarking:packs")
