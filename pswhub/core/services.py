"""Writes for the organisation: accounts, roles, staff records and the log of record views.
Every write goes through here so that history is kept (bulk writes included)."""

import logging

from allauth.mfa.models import Authenticator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from . import auth, roles
from .models import Authority, PersonalRecordView, Role, RoleGrantRequest, Service, StaffMember, Team, User
from .tasks import send_account_created_email

logger = logging.getLogger("pswhub.security")

CANNOT_DEACTIVATE_SELF = "You cannot deactivate your own account"
GRANT_NEEDS_ANOTHER_ADMINISTRATOR = (
    "Another administrator must approve this: not the one who asked for it, nor the person who would get the role"
)
GRANT_NOT_PENDING = "This role change has already been decided"


@transaction.atomic
def user_create(
    *,
    username,
    first_name="",
    last_name="",
    email="",
    role_codes=(),
    managed_teams=(),
    staff_member=None,
    created_by=None,
    sign_in_url="",
):
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    user.set_unusable_password()
    user._history_user = created_by
    user.save()
    _set_roles(user, role_codes, changed_by=created_by)
    user.managed_teams.set(managed_teams)
    _link_staff_member(user, staff_member, changed_by=created_by)
    if email:
        transaction.on_commit(lambda: send_account_created_email.enqueue(user_id=user.pk, sign_in_url=sign_in_url))
    return user


@transaction.atomic
def user_update(
    *, user, changed_by, first_name, last_name, email, is_active, role_codes, managed_teams, staff_member=None
):
    if user == changed_by and not is_active:
        raise ValueError(CANNOT_DEACTIVATE_SELF)
    user.first_name, user.last_name, user.email, user.is_active = first_name, last_name, email, is_active
    user._history_user = changed_by
    user.save()
    _set_roles(user, role_codes, changed_by=changed_by)
    user.managed_teams.set(managed_teams)
    _link_staff_member(user, staff_member, changed_by=changed_by)
    user.forget_cached_roles()
    return user


def _set_roles(user, role_codes, *, changed_by):
    """Gives the account these roles, except that a role in roles.NEEDS_SECOND_ADMINISTRATOR it
    does not hold yet is asked for instead (a pending RoleGrantRequest): one administrator alone
    never gives it. Taking roles away happens at once."""
    held = set(user.roles.values_list("code", flat=True))
    wanted = set(role_codes)
    to_approve = (wanted - held) & roles.NEEDS_SECOND_ADMINISTRATOR
    user.roles.set(Role.objects.filter(code__in=wanted - to_approve))
    pending = set(
        RoleGrantRequest.objects.filter(user=user, status=RoleGrantRequest.Status.PENDING).values_list(
            "role_id", flat=True
        )
    )
    for code in sorted(to_approve - pending):
        grant = RoleGrantRequest(user=user, role_id=code, requested_by=changed_by)
        grant._history_user = changed_by
        grant.save()
        logger.info("%s asked for the %s role for %s", changed_by, code, user.username)


@transaction.atomic
def role_grant_approve(*, grant, approved_by):
    """Gives the role asked for. The role appears in the account's change history with the
    approving administrator as the one who made the change."""
    grant = _decide(grant, decided_by=approved_by, status=RoleGrantRequest.Status.APPROVED)
    user = grant.user
    user._history_user = approved_by
    user.roles.add(grant.role)
    user.forget_cached_roles()
    logger.info("%s approved the %s role for %s", approved_by, grant.role_id, user.username)
    return grant


@transaction.atomic
def role_grant_refuse(*, grant, refused_by):
    grant = _decide(grant, decided_by=refused_by, status=RoleGrantRequest.Status.REFUSED)
    logger.info("%s refused the %s role for %s", refused_by, grant.role_id, grant.user.username)
    return grant


def _decide(grant, *, decided_by, status):
    grant = RoleGrantRequest.objects.select_for_update().get(pk=grant.pk)
    if grant.status != RoleGrantRequest.Status.PENDING:
        raise ValueError(GRANT_NOT_PENDING)
    if not decided_by.has_perm("core.decide_role_grant", grant):
        raise ValueError(GRANT_NEEDS_ANOTHER_ADMINISTRATOR)
    grant.status, grant.decided_by, grant.decided_at = status, decided_by, timezone.now()
    grant._history_user = decided_by
    grant.save()
    return grant


def user_sign_in_unlock(*, user, changed_by):
    """Lifts the lock that failed sign-ins put on an account, at once. Failures counted against
    an address are left to run out. Logged with who lifted it."""
    auth.sign_in_lock_clear(user)
    logger.info("%s lifted the sign-in lock on %s", changed_by, user.username)


def _link_staff_member(user, staff_member, *, changed_by):
    current = StaffMember.objects.filter(user=user).first()
    if current == staff_member:
        return
    if current is not None:
        current.user = None
        current._history_user = changed_by
        current.save(update_fields=["user"])
    if staff_member is not None:
        staff_member.user = user
        staff_member._history_user = changed_by
        staff_member.save(update_fields=["user"])


@transaction.atomic
def user_reset_mfa(*, user, changed_by):
    """Removes a user's authenticator app and recovery codes, so they set them up again. Each
    removal is kept in the authenticators' history with who removed it."""
    removed = list(Authenticator.objects.filter(user=user))
    for authenticator in removed:
        authenticator._history_user = changed_by
        authenticator.delete()
    return len(removed)


@transaction.atomic
def staff_member_update(*, staff_member, changed_by, **fields):
    for name, value in fields.items():
        setattr(staff_member, name, value)
    staff_member._history_user = changed_by
    staff_member.full_clean()
    staff_member.save()
    return staff_member


@transaction.atomic
def staff_member_create(*, created_by, **fields):
    staff_member = StaffMember(**fields)
    staff_member._history_user = created_by
    staff_member.full_clean()
    staff_member.save()
    return staff_member


@transaction.atomic
def authority_save(*, changed_by, name, la_code):
    authority = Authority.objects.order_by("pk").first() or Authority()
    authority.name, authority.la_code = name, la_code
    authority._history_user = changed_by
    authority.full_clean()
    authority.save()
    for kind, label in Service.KIND_CHOICES:
        if not authority.services.filter(kind=kind).exists():
            service = Service(authority=authority, kind=kind, name=label)
            service._history_user = changed_by
            service.save()
    return authority


@transaction.atomic
def team_save(*, changed_by, team=None, name, service, parent, is_active=True):
    team = team or Team()
    team.name, team.service, team.parent, team.is_active = name, service, parent, is_active
    team._history_user = changed_by
    team.full_clean()
    team.save()
    return team


@transaction.atomic
def staff_members_bulk_save(*, new=(), changed=(), changed_fields=(), changed_by=None):
    """Bulk create and update with a history row for each record, as imports need."""
    created = bulk_create_with_history(list(new), StaffMember, default_user=changed_by) if new else []
    if changed:
        bulk_update_with_history(list(changed), StaffMember, list(changed_fields), default_user=changed_by)
    return created


def personal_record_view_log(*, viewer, staff_member, path):
    return PersonalRecordView.objects.create(viewer=viewer, staff_member=staff_member, path=path[:300])


def sign_in_url(request):
    return request.build_absolute_uri(reverse("account_login"))
