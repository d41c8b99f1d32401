from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseServerError
from django.middleware.csp import get_nonce
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import attention, auth, disclosure, history, selectors, services, staff_record
from .forms import AuthorityForm, NewStaffMemberForm, StaffMemberForm, TeamForm, UserForm
from .models import RoleGrantRequest, StaffMember, Team, User
from .notifications import notifications_for


def require(request, permission, obj=None):
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def home(request):
    return render(
        request,
        "core/home.html",
        {
            "attention": attention.attention_for(request.user),
            "sent": notifications_for(request.user, limit=5),
            "staff_member": StaffMember.objects.filter(user=request.user).select_related("team").first(),
            "teams": selectors.team_list(user=request.user) if request.user.has_perm("core.view_teams") else [],
        },
    )


def notification_list(request):
    """What PSW Hub has sent the signed-in person; everyone may read their own, and only theirs."""
    return render(request, "core/notification_list.html", {"notifications": notifications_for(request.user)})


def organisation(request):
    require(request, "core.view_organisation_summary")
    return render(
        request,
        "core/organisation.html",
        {
            "authority": selectors.authority_get(),
            "services": selectors.organisation_summary(),
            "suppression_threshold": disclosure.threshold(),
        },
    )


def team_list(request):
    require(request, "core.view_teams")
    return render(request, "core/team_list.html", {"teams": selectors.team_list(user=request.user)})


def team_detail(request, pk):
    require(request, "core.view_teams")
    team = get_object_or_404(Team.objects.visible_to(request.user).select_related("service", "parent"), pk=pk)
    return render(
        request,
        "core/team_detail.html",
        {
            "team": team,
            "staff": selectors.team_staff(team=team, user=request.user),
            "subteams": team.children.filter(is_active=True),
            "managers": team.managers.filter(is_active=True),
        },
    )


def staff_list(request):
    require(request, "core.view_staff_list")
    staff = selectors.staff_list(
        user=request.user,
        team=request.GET.get("team", ""),
        search=request.GET.get("q", "").strip(),
        include_leavers=request.GET.get("leavers") == "1",
    )
    page = Paginator(staff, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "core/staff_list.html",
        {"page": page, "teams": selectors.team_list(user=request.user), "query": request.GET},
    )


def staff_detail(request, pk):
    staff_member = get_object_or_404(
        StaffMember.objects.visible_to(request.user).select_related("team__service", "user"), pk=pk
    )
    services.personal_record_view_log(viewer=request.user, staff_member=staff_member, path=request.path)
    can_see_views = request.user.has_perm("core.view_record_views")
    return render(
        request,
        "core/staff_detail.html",
        {
            "staff_member": staff_member,
            "record_views": selectors.staff_record_views(staff_member=staff_member) if can_see_views else None,
            "changes": history.changes_visible_to(request.user, staff_member=staff_member, limit=20),
            "sections": staff_record.sections_for(request.user, staff_member),
        },
    )


def staff_edit(request, pk):
    require(request, "core.change_staff_member")
    staff_member = get_object_or_404(StaffMember.objects.visible_to(request.user), pk=pk)
    form = StaffMemberForm(request.POST if request.method == "POST" else None, instance=staff_member)
    if request.method == "POST" and form.is_valid():
        services.staff_member_update(staff_member=staff_member, changed_by=request.user, **form.cleaned_data)
        messages.success(request, f"{staff_member.full_name}’s record has been updated")
        return redirect("core:staff_detail", pk=staff_member.pk)
    return render(request, "core/staff_edit.html", {"form": form, "staff_member": staff_member})


def staff_create(request):
    require(request, "core.add_staff_member")
    form = NewStaffMemberForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        staff_member = services.staff_member_create(created_by=request.user, **form.cleaned_data)
        messages.success(request, f"{staff_member.full_name}’s record has been added")
        return redirect("core:staff_detail", pk=staff_member.pk)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Add a staff member",
            "button": "Add staff member",
            "back": reverse("core:staff_list"),
            "back_text": "Back to staff",
        },
    )


def authority_edit(request):
    require(request, "core.manage_organisation")
    form = AuthorityForm(request.POST if request.method == "POST" else None, instance=selectors.authority_get())
    if request.method == "POST" and form.is_valid():
        services.authority_save(changed_by=request.user, **form.cleaned_data)
        messages.success(request, "The council’s details have been saved")
        return redirect("core:organisation")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "The council’s details",
            "button": "Save",
            "back": reverse("core:organisation"),
            "back_text": "Back to the organisation",
        },
    )


def team_create(request):
    return _team_form(request, team=None)


def team_edit(request, pk):
    return _team_form(request, team=get_object_or_404(Team, pk=pk))


def _team_form(request, *, team):
    require(request, "core.manage_organisation")
    form = TeamForm(request.POST if request.method == "POST" else None, instance=team)
    if request.method == "POST" and form.is_valid():
        saved = services.team_save(changed_by=request.user, team=team, **form.cleaned_data)
        messages.success(request, f"{saved.name} has been saved")
        return redirect("core:team_detail", pk=saved.pk)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": f"Change {team.name}" if team else "Add a team",
            "button": "Save team",
            "back": reverse("core:team_list"),
            "back_text": "Back to teams",
        },
    )


def change_history(request):
    require(request, "core.view_history")
    changes_page = Paginator(history.ChangeList(request.user), history.PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/history.html",
        {
            "changes": changes_page.object_list,
            "changes_page": changes_page,
            "record_views": selectors.record_views_visible_to(user=request.user)
            if request.user.has_perm("core.view_record_views")
            else None,
        },
    )


def role_list(request):
    require(request, "core.manage_users")
    return render(request, "core/role_list.html", {"roles": selectors.role_summary()})


def user_list(request):
    require(request, "core.manage_users")
    users, with_totp = selectors.user_list(filter_name=request.GET.get("filter", ""))
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "core/user_list.html",
        {
            "page": page,
            "with_totp": with_totp,
            "filter": request.GET.get("filter", ""),
            "pending_grants": selectors.role_grants_pending(),
        },
    )


def _saved_message(request, user, verb):
    waiting = [grant.role.name for grant in selectors.role_grants_pending(user=user)]
    message = f"Account {user.username} has been {verb}"
    if waiting:
        message += f". Giving them the role {' and '.join(waiting)} waits for another administrator’s approval"
    messages.success(request, message)


def user_create(request):
    require(request, "core.manage_users")
    form = UserForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.user_create(
            username=data["username"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            role_codes=[role.code for role in data["roles"]],
            managed_teams=data["managed_teams"],
            staff_member=data["staff_member"],
            created_by=request.user,
            sign_in_url=services.sign_in_url(request),
        )
        _saved_message(request, user, "created")
        return redirect("core:user_list")
    return render(request, "core/user_form.html", {"form": form, "editing": None, "signs_in_with_entra": False})


def user_edit(request, pk):
    require(request, "core.manage_users")
    user = get_object_or_404(User, pk=pk)
    form = UserForm(request.POST if request.method == "POST" else None, instance=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.user_update(
                user=user,
                changed_by=request.user,
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                is_active=data["is_active"],
                role_codes=[role.code for role in data["roles"]],
                managed_teams=data["managed_teams"],
                staff_member=data["staff_member"],
            )
        except ValueError as error:
            form.add_error("is_active", str(error))
        else:
            _saved_message(request, user, "updated")
            return redirect("core:user_list")
    return render(
        request,
        "core/user_form.html",
        {
            "form": form,
            "editing": user,
            "signs_in_with_entra": user.socialaccount_set.exists(),
            "sign_in_locked": auth.sign_in_locked(user),
            "pending_grants": selectors.role_grants_pending(user=user),
        },
    )


@require_POST
def user_sign_in_unlock(request, pk):
    require(request, "core.manage_users")
    user = get_object_or_404(User, pk=pk)
    services.user_sign_in_unlock(user=user, changed_by=request.user)
    messages.success(request, f"{user.username} can sign in again")
    return redirect("core:user_edit", pk=user.pk)


@require_POST
def role_grant_decide(request, pk, decision):
    grant = get_object_or_404(RoleGrantRequest.objects.select_related("user", "role"), pk=pk)
    require(request, "core.decide_role_grant", grant)
    try:
        if decision == "approve":
            services.role_grant_approve(grant=grant, approved_by=request.user)
            messages.success(request, f"{grant.user.username} now has the role {grant.role.name}")
        else:
            services.role_grant_refuse(grant=grant, refused_by=request.user)
            messages.success(request, f"{grant.user.username} will not get the role {grant.role.name}")
    except ValueError as error:
        messages.error(request, str(error))
    return redirect("core:user_list")


@require_POST
def user_reset_mfa(request, pk):
    require(request, "core.manage_users")
    user = get_object_or_404(User, pk=pk)
    services.user_reset_mfa(user=user, changed_by=request.user)
    messages.success(request, f"{user.username}’s authenticator app has been removed")
    return redirect("core:user_edit", pk=user.pk)


@login_not_required
def accessibility(request):
    return render(request, "core/accessibility.html")


@login_not_required
def privacy(request):
    return render(request, "core/privacy.html")


@login_not_required
def cookies(request):
    return render(request, "core/cookies.html")


@login_not_required
def error_400(request, exception=None):
    return render(request, "errors/400.html", status=400)


@login_not_required
def csrf_failure(request, reason=""):
    """The page for a form sent without a valid security token. The reason stays in the log."""
    return render(request, "errors/csrf.html", status=403)


@login_not_required
def error_403(request, exception=None):
    return render(request, "errors/403.html", status=403)


@login_not_required
def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


@login_not_required
def error_429(request):
    return render(request, "errors/429.html", status=429)


@login_not_required
def error_500(request):
    # Rendered without the request context: the database may be the reason for the error.
    # The nonce comes from the request alone, so the page's one inline script still runs under the
    # Content Security Policy.
    nonce = get_nonce(request) if request is not None else None
    context = {"council_name": "", "navigation": [], "cspNonce": str(nonce) if nonce is not None else None}
    return HttpResponseServerError(get_template("errors/500.html").render(context))
