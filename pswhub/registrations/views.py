from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.shortcuts import render as django_render
from django.urls import reverse
from django.utils import timezone

from pswhub.core.views import require

from . import selectors, services
from .forms import ReferralForm, RegistrationForm, RenewalForm, RenewalYearForm
from .models import FitnessToPractiseReferral, Registration, renewal_deadline
from .presenters import Present


def render(request, template, context):
    return django_render(request, template, {"present": Present, "today": timezone.localdate(), **context})


def _post(request):
    return request.POST if request.method == "POST" else None


def _form_page(request, form, *, title, button, back, caption=""):
    return render(
        request, "form_page.html", {"form": form, "title": title, "button": button, "back": back, "caption": caption}
    )


def _year(request, today):
    year = request.GET.get("year", "")
    return int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else today.year


def home(request):
    """Council-level figures for anyone with a role; the renewals in the reader's scope for those
    who follow them; a link to the reader's own registration."""
    require(request, "registrations.view_figures")
    today = timezone.localdate()
    year = _year(request, today)
    on = min(today, renewal_deadline(year))
    figures = selectors.registration_figures(year=year, on=on)
    follows = request.user.has_perm("registrations.view_renewals")
    scoped = Registration.objects.visible_to(request.user)
    rows = selectors.renewal_rows(year=year, on=on, registrations=scoped) if follows else []
    if not request.user.has_perm("registrations.change_registrations"):
        figures = selectors.registration_figures_suppressed(figures)
    staff_member = getattr(request.user, "staff_member", None)
    return render(
        request,
        "registrations/home.html",
        {
            "year": year,
            "on": on,
            "after_deadline": today > renewal_deadline(year),
            "year_form": RenewalYearForm(
                initial={"year": year}, years=sorted(set(selectors.renewal_years()) | {today.year, year}, reverse=True)
            ),
            "figures": figures,
            "rows": rows,
            "own": selectors.registration_for(staff_member=staff_member) if staff_member else None,
            "open_referrals": selectors.referral_count_open(user=request.user),
        },
    )


def registration_create(request):
    require(request, "registrations.change_registrations")
    form = RegistrationForm(_post(request))
    if request.method == "POST" and form.is_valid():
        registration = services.registration_save(user=request.user, **form.cleaned_data)
        messages.success(request, f"The registration of {registration.staff_member} has been saved")
        return redirect("registrations:detail", pk=registration.pk)
    return _form_page(
        request,
        form,
        title="Add a registration",
        button="Save registration",
        back=reverse("registrations:home"),
        caption="Social Work England registration",
    )


def registration_edit(request, pk):
    require(request, "registrations.change_registrations")
    registration = get_object_or_404(Registration.objects.visible_to(request.user), pk=pk)
    initial = {name: getattr(registration, name) for name in ("swe_number", "registered_on", "status", "removed_on")}
    form = RegistrationForm(
        _post(request), registration=registration, initial={**initial, "staff_member": registration.staff_member_id}
    )
    if request.method == "POST" and form.is_valid():
        services.registration_save(user=request.user, **form.cleaned_data)
        messages.success(request, "The registration has been saved")
        return redirect("registrations:detail", pk=registration.pk)
    return _form_page(
        request,
        form,
        title=f"Change the registration of {registration.staff_member}",
        button="Save registration",
        back=reverse("registrations:detail", args=[pk]),
    )


def registration_detail(request, pk):
    registration = get_object_or_404(
        Registration.objects.visible_to(request.user).select_related("staff_member", "staff_member__team"), pk=pk
    )
    require(request, "registrations.view_registration", registration)
    today = timezone.localdate()
    renewals = selectors.renewals_of(registration=registration)
    return render(
        request,
        "registrations/detail.html",
        {
            "registration": registration,
            "renewals": [
                (renewal, selectors.renewal_standing(renewal, min(today, renewal.deadline))) for renewal in renewals
            ],
        },
    )


def own_registration(request):
    staff_member = getattr(request.user, "staff_member", None)
    registration = selectors.registration_for(staff_member=staff_member) if staff_member else None
    if registration is not None:
        return redirect("registrations:detail", pk=registration.pk)
    return render(request, "registrations/none.html", {})


def renewal_record(request, pk):
    registration = get_object_or_404(
        Registration.objects.visible_to(request.user).select_related("staff_member"), pk=pk
    )
    require(request, "registrations.record_renewal", registration)
    year = _year(request, timezone.localdate())
    current = registration.renewals.filter(year=year).first()
    initial = {"year": year}
    if current:
        initial |= {
            "renewed_on": current.renewed_on,
            "cpd_entries": current.cpd_entries,
            "peer_reflection": "yes" if current.peer_reflection else "no",
        }
    form = RenewalForm(_post(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.renewal_record(user=request.user, registration=registration, **form.cleaned_data)
        messages.success(request, f"The {form.cleaned_data['year']} renewal has been saved")
        return redirect("registrations:detail", pk=registration.pk)
    return _form_page(
        request,
        form,
        title="Record a renewal",
        button="Save renewal",
        back=reverse("registrations:detail", args=[pk]),
        caption=registration.staff_member.full_name,
    )


def referral_list(request):
    require(request, "registrations.view_referrals")
    return render(
        request, "registrations/referral_list.html", {"referrals": selectors.referral_list(user=request.user)}
    )


def referral_create(request):
    require(request, "registrations.change_referrals")
    form = ReferralForm(_post(request))
    if request.method == "POST" and form.is_valid():
        referral = services.referral_save(user=request.user, **form.cleaned_data)
        messages.success(request, "The referral has been recorded")
        return redirect("registrations:referral_detail", pk=referral.pk)
    return _form_page(
        request,
        form,
        title="Record a fitness-to-practise referral",
        button="Save referral",
        back=reverse("registrations:referral_list"),
    )


def referral_detail(request, pk):
    require(request, "registrations.view_referrals")
    referral = get_object_or_404(
        FitnessToPractiseReferral.objects.visible_to(request.user).select_related("staff_member"), pk=pk
    )
    services.referral_view_log(viewer=request.user, referral=referral, path=request.get_full_path())
    return render(
        request,
        "registrations/referral_detail.html",
        {"referral": referral, "views": selectors.referral_views(referral=referral)},
    )


def referral_edit(request, pk):
    require(request, "registrations.change_referrals")
    referral = get_object_or_404(FitnessToPractiseReferral.objects.visible_to(request.user), pk=pk)
    fields = ("staff_member", "referred_on", "referred_by", "concern", "stage", "outcome", "closed_on")
    form = ReferralForm(_post(request), initial={name: getattr(referral, name) for name in fields})
    if request.method == "POST" and form.is_valid():
        services.referral_save(user=request.user, referral=referral, **form.cleaned_data)
        messages.success(request, "The referral has been saved")
        return redirect("registrations:referral_detail", pk=referral.pk)
    return _form_page(
        request,
        form,
        title="Change the referral",
        button="Save referral",
        back=reverse("registrations:referral_detail", args=[pk]),
    )
