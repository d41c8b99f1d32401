import simple_history
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from . import roles

LA_CODE_VALIDATOR = RegexValidator(r"^\d{3}$", "Enter the DfE local authority code as three digits, like 873")


class Authority(models.Model):
    """The council. PSW Hub holds one authority per installation."""

    name = models.CharField(max_length=200)
    la_code = models.CharField("DfE local authority code", max_length=3, unique=True, validators=[LA_CODE_VALIDATOR])
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "authorities"

    def __str__(self):
        return self.name


class Service(models.Model):
    CHILDREN = "children"
    ADULTS = "adults"
    KIND_CHOICES = [(CHILDREN, "Children's services"), (ADULTS, "Adults' services")]

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="services")
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    name = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["authority", "kind"], name="one_service_per_kind")]
        ordering = ["kind"]

    def __str__(self):
        return self.name


class TeamQuerySet(models.QuerySet):
    def ids_with_descendants(self, team_ids):
        """The given teams and every team beneath them, however deep, as a frozenset of ids."""
        ids = set(team_ids)
        frontier = set(ids)
        while frontier:
            frontier = set(self.model.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
            ids |= frontier
        return frozenset(ids)

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.role_codes & roles.ORGANISATION_WIDE_TEAM_ROLES:
            return self
        allowed = Q(pk__in=user.managed_team_ids())
        staff = getattr(user, "staff_member", None)
        if staff is not None and staff.team_id:
            allowed |= Q(pk=staff.team_id)
        return self.filter(allowed)


class Team(models.Model):
    """A team within a service; teams nest (a locality under a service area, say)."""

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    objects = TeamQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "name"], name="unique_team_name_in_service")]
        ordering = ["service__kind", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": "A team cannot sit under itself"})
            ancestor = ancestor.parent


class Role(models.Model):
    """Reference data: loaded from `roles.ROLES` by a data migration."""

    code = models.SlugField(primary_key=True, max_length=40)
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.name


class PswHubUserManager(UserManager):
    pass


class User(AbstractUser):
    """A person who signs in. Distinct from a staff member (a person in the workforce); a user may
    be linked to one through `StaffMember.user`."""

    roles = models.ManyToManyField(Role, blank=True, related_name="users")
    managed_teams = models.ManyToManyField(Team, blank=True, related_name="managers")
    history = HistoricalRecords(m2m_fields=[roles, managed_teams], excluded_fields=["last_login", "password"])

    objects = PswHubUserManager()

    @property
    def role_codes(self):
        if not hasattr(self, "_role_codes"):
            self._role_codes = frozenset(self.roles.values_list("code", flat=True)) if self.pk else frozenset()
        return self._role_codes

    def has_role(self, *codes):
        return bool(self.role_codes & set(codes))

    def managed_team_ids(self):
        """The teams this user manages and every team beneath them."""
        if not hasattr(self, "_managed_team_ids"):
            self._managed_team_ids = Team.objects.ids_with_descendants(self.managed_teams.values_list("pk", flat=True))
        return self._managed_team_ids

    def forget_cached_roles(self):
        for attribute in ("_role_codes", "_managed_team_ids"):
            self.__dict__.pop(attribute, None)

    @property
    def display_name(self):
        return self.get_full_name() or self.username


class StaffMemberQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The staff records a user may open: the whole organisation for the PSW, QA, HR and heads
        of service; their teams for a team manager; themselves for anyone linked to a record;
        nothing for a councillor. Administrators manage accounts, not personal records."""
        if not user.is_authenticated:
            return self.none()
        if user.role_codes & roles.ORGANISATION_WIDE_STAFF_ROLES:
            return self
        allowed = Q(pk__in=[])
        if user.has_role(roles.TEAM_MANAGER):
            allowed |= Q(team_id__in=user.managed_team_ids())
        allowed |= Q(user=user)
        return self.filter(allowed)


class StaffMember(models.Model):
    """A person in the social care workforce, whether or not they ever sign in."""

    employee_number = models.CharField(max_length=40, unique=True)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    email = models.EmailField(blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="staff")
    started_on = models.DateField(null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)
    user = models.OneToOneField(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="staff_member")
    history = HistoricalRecords()

    objects = StaffMemberQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(started_on__isnull=True) | Q(left_on__gte=models.F("started_on")),
                name="staff_left_after_started",
            )
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def in_post(self):
        return self.left_on is None


class RoleGrantRequest(models.Model):
    """A role that needs a second administrator (roles.NEEDS_SECOND_ADMINISTRATOR) asked for on
    someone's account. It is given only when an administrator who neither asked for it nor
    receives it approves (services.role_grant_approve)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for approval"
        APPROVED = "approved", "Approved"
        REFUSED = "refused", "Refused"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grant_requests")
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(status="pending"),
                name="one_pending_grant_per_user_and_role",
            )
        ]

    def __str__(self):
        return f"{self.role.name} for {self.user.username}"


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The log of record views is append-only")

    def delete(self):
        raise AppendOnlyError("The log of record views is append-only")

    def purge_before(self, when):
        """The one way rows leave the log: the retention schedule (core.retention)."""
        return models.QuerySet.delete(self.filter(viewed_at__lt=when))


class PersonalRecordView(models.Model):
    """Who opened which staff member's personal record, and when. Rows are only ever added."""

    viewer = models.ForeignKey(User, on_delete=models.PROTECT, related_name="record_views")
    staff_member = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="views")
    viewed_at = models.DateTimeField(auto_now_add=True, db_index=True)
    path = models.CharField(max_length=300)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-viewed_at"]

    def __str__(self):
        return f"{self.viewer} viewed {self.staff_member} at {self.viewed_at}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("The log of record views is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The log of record views is append-only")


class RetentionPurge(models.Model):
    """One application of a retention rule that removed records: which rule, the cut-off and how
    many went. It holds no personal data, so it is kept."""

    rule = models.CharField(max_length=50)
    before = models.DateTimeField()
    removed = models.PositiveIntegerField()
    run_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-run_at", "rule"]

    def __str__(self):
        return f"{self.rule}: {self.removed} removed before {self.before:%Y-%m-%d}"


# Authenticator apps are allauth's records: keep their history too (who set one up or removed it),
# without the secret itself.
simple_history.register(
    Authenticator, app="pswhub.core", excluded_fields=["data"], table_name="core_historicalauthenticator"
)


class Notification(models.Model):
    """A message PSW Hub sent one person: listed on their "Sent to you" page, and e-mailed to them
    when they have an address. It names a case by its reference only and links to the page to act
    on (core/notifications.py decides who is told what)."""

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=40)
    subject = models.CharField(max_length=200)
    text = models.TextField()
    link = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "-created_at"], name="notification_recipient_idx")]

    def __str__(self):
        return f"{self.subject} to {self.recipient}"
