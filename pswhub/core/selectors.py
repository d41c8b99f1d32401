"""Reads for the organisation pages. Every query a page shows comes from here."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import Count, Q

from . import disclosure, roles
from .models import Authority, PersonalRecordView, Role, RoleGrantRequest, Service, StaffMember, Team, User

# A report or figure chooses children's services, adults' services or both.
SERVICE_KINDS = {"children": ["children"], "adults": ["adults"], "all": ["children", "adults"]}


def staff_in_post_by_service(*, on, services="all"):
    """Staff members in post on a day, by the service of their team: started on or before the day
    (or start not recorded) and not left by it (a leaver is in post on their last day, `left_on`).
    Staff with no team belong to no service and are not counted."""
    kinds = SERVICE_KINDS[services]
    in_post = StaffMember.objects.filter(
        Q(started_on__isnull=True) | Q(started_on__lte=on),
        Q(left_on__isnull=True) | Q(left_on__gte=on),
        team__service__kind__in=kinds,
    )
    counts = dict(
        in_post.values_list("team__service__kind").annotate(n=Count("pk")).values_list("team__service__kind", "n")
    )
    return {kind: counts.get(kind, 0) for kind in kinds}


def team_and_descendant_ids(team):
    """The team and every team beneath it, as a frozenset of ids."""
    return Team.objects.ids_with_descendants([team.pk])


def team_and_ancestor_ids(team):
    """The team and every team above it, following Team.parent up."""
    ids = []
    while team is not None:
        ids.append(team.pk)
        team = team.parent
    return ids


def users_acting_for_team(team):
    """The active accounts that can act on a team's work: the team's staff in post who have an
    account, the managers of the team or of a team above it, and the PSW and QA officers.
    Councillors, administrators and everyone else are left out."""
    acting = (
        Q(staff_member__team=team, staff_member__left_on__isnull=True)
        | Q(managed_teams__in=team_and_ancestor_ids(team))
        | Q(roles__code__in=[roles.PSW, roles.QA_OFFICER])
    )
    return User.objects.filter(acting, is_active=True).distinct().order_by("first_name", "last_name")


def authority_get():
    return Authority.objects.order_by("pk").first()


def team_list(*, user):
    return (
        Team.objects.visible_to(user)
        .filter(is_active=True)
        .select_related("service", "parent")
        .annotate(staff_in_post=Count("staff", filter=Q(staff__left_on__isnull=True)))
        .order_by("service__kind", "name")
    )


def team_staff(*, team, user):
    return (
        StaffMember.objects.visible_to(user).filter(team=team, left_on__isnull=True).order_by("last_name", "first_name")
    )


def staff_list(*, user, team=None, search="", include_leavers=False):
    staff = StaffMember.objects.visible_to(user).select_related("team", "team__service")
    if team == "none":
        staff = staff.filter(team__isnull=True)
    elif team:
        staff = staff.filter(team_id=team)
    if not include_leavers:
        staff = staff.filter(left_on__isnull=True)
    if search:
        staff = staff.filter(
            Q(first_name__icontains=search) | Q(last_name__icontains=search) | Q(employee_number__iexact=search)
        )
    return staff.order_by("last_name", "first_name")


def staff_without_team(user):
    return StaffMember.objects.visible_to(user).filter(team__isnull=True, left_on__isnull=True)


def staff_record_views(*, staff_member, limit=50):
    return staff_member.views.select_related("viewer").order_by("-viewed_at")[:limit]


def record_views_visible_to(*, user, limit=100):
    """The latest views of personal records, for those who oversee access (PSW and HR)."""
    if not user.has_perm("core.view_record_views"):
        return PersonalRecordView.objects.none()
    visible = StaffMember.objects.visible_to(user).values("pk")
    return (
        PersonalRecordView.objects.filter(staff_member__in=visible)
        .select_related("viewer", "staff_member")
        .order_by("-viewed_at")[:limit]
    )


def role_summary():
    return Role.objects.annotate(active_users=Count("users", filter=Q(users__is_active=True))).order_by("order")


def users_without_role():
    return User.objects.filter(is_active=True, roles__isnull=True)


def users_missing_required_mfa():
    with_totp = Authenticator.objects.filter(type=Authenticator.Type.TOTP).values("user_id")
    return (
        User.objects.filter(is_active=True, roles__code__in=settings.PSWHUB_MFA_REQUIRED_ROLES)
        .exclude(pk__in=with_totp)
        .distinct()
    )


def user_list(*, filter_name=""):
    users = User.objects.prefetch_related("roles").select_related("staff_member").order_by("username")
    if filter_name == "no-role":
        users = users_without_role().prefetch_related("roles").select_related("staff_member").order_by("username")
    elif filter_name == "no-mfa":
        users = (
            users_missing_required_mfa().prefetch_related("roles").select_related("staff_member").order_by("username")
        )
    with_totp = set(Authenticator.objects.filter(type=Authenticator.Type.TOTP).values_list("user_id", flat=True))
    return users, with_totp


def organisation_summary():
    """Headcount in post by service and team, disclosure-controlled, for every signed-in role."""
    rows = []
    for service in Service.objects.order_by("kind"):
        team_counts = dict(
            Team.objects.filter(service=service, is_active=True)
            .annotate(n=Count("staff", filter=Q(staff__left_on__isnull=True)))
            .order_by("name")
            .values_list("name", "n")
        )
        rows.append(
            {
                "service": service,
                "team_count": len(team_counts),
                "headcount": disclosure.suppress_counts(team_counts),
            }
        )
    return rows


def role_grants_pending(*, user=None):
    """Roles asked for that wait for a second administrator, oldest first; for one account when
    `user` is given."""
    grants = RoleGrantRequest.objects.filter(status=RoleGrantRequest.Status.PENDING)
    if user is not None:
        grants = grants.filter(user=user)
    return grants.select_related("user", "role", "requested_by").order_by("requested_at")
