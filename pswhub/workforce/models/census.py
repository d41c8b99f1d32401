"""Census-year records of the children's social work workforce (docs/adr/0101-workforce-census-records.md).

A `CensusYear` holds what the DfE CSWW census asks of the authority as a whole for one collection
year (vacancies and agency cover at 30 September, and from 2025 the pay and allowance questions);
a `CensusWorker` is one worker line of that year's return. Each year is a snapshot: importing or
editing one year never touches another, so last year's published figures stay as they were."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from pswhub.core.models import Authority, StaffMember, Team, User
from pswhub.core.periods import Period

from .. import codes

# Social Work England numbers are "SW" and up to ten digits (former HCPC numbers keep their
# digits without leading zeros). The census schema's own pattern is narrower; see the ADR.
SWE_NUMBER_PATTERN = r"^SW\d{1,10}$"
SWE_NUMBER_VALIDATOR = RegexValidator(SWE_NUMBER_PATTERN, "Enter a Social Work England number: SW and up to 10 digits")

FTE_FIELD = {"max_digits": 7, "decimal_places": 6, "null": True, "blank": True}


def census_year_start(year):
    """The census year `year` runs from 1 October of the year before to 30 September."""
    return Period.census_year(year).start


def census_reference_date(year):
    """30 September of `year`: the day the census counts who is in post."""
    return Period.census_year(year).end


class StaffProfile(models.Model):
    """What the workforce area knows of a staff member beyond the organisation's record: the
    Social Work England number by which census returns are matched to people, the route into
    social work, and the equality details the census asks for. Date of birth, sex, gender and
    ethnicity are special category data: only the PSW and HR officers see them (rules.py)."""

    staff_member = models.OneToOneField(StaffMember, on_delete=models.CASCADE, related_name="workforce_profile")
    swe_number = models.CharField(
        "Social Work England number",
        max_length=12,
        unique=True,
        null=True,
        blank=True,
        validators=[SWE_NUMBER_VALIDATOR],
    )
    qualification_route = models.CharField(max_length=20, choices=codes.QUALIFICATION_ROUTE, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=codes.SEX, blank=True)
    gender_current = models.CharField("gender", max_length=1, choices=codes.GENDER_CURRENT, blank=True)
    ethnicity = models.CharField(max_length=4, choices=codes.ETHNICITY, blank=True)
    history = HistoricalRecords()

    EQUALITY_FIELDS = ["date_of_birth", "sex", "gender_current", "ethnicity"]

    def __str__(self):
        return f"{self.staff_member} ({self.swe_number or 'no SWE number'})"


class CensusYear(models.Model):
    IMPORTED = "imported"
    RECORDED = "recorded"
    BUILT = "built"
    SOURCE_CHOICES = [
        (IMPORTED, "Imported from a census return"),
        (RECORDED, "Recorded in PSW Hub"),
        (BUILT, "Built from PSW Hub's records"),
    ]
    # A built year is open (built and rebuilt from the records) until it is marked as submitted,
    # which freezes it; reopening it for a resubmission makes it open again
    # (docs/adr/0105-census-year-built-from-records.md).
    OPEN = "open"
    SUBMITTED = "submitted"
    STATUS_CHOICES = [(OPEN, "Open"), (SUBMITTED, "Submitted")]

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="census_years")
    year = models.PositiveSmallIntegerField(validators=[MinValueValidator(2009), MaxValueValidator(2100)])
    source = models.CharField(max_length=10, choices=SOURCE_CHOICES, default=RECORDED)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=OPEN)
    built_at = models.DateTimeField("last built", null=True, blank=True)
    built_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Where the LA-level figures of a built year came from, by field ({field: text}).
    la_sources = models.JSONField(default=dict, blank=True)
    vacancies_fte = models.DecimalField(
        "vacancies (FTE) at 30 September", max_digits=8, decimal_places=2, null=True, blank=True
    )
    agency_cover_fte = models.DecimalField(
        "agency workers covering vacancies (FTE)", max_digits=8, decimal_places=2, null=True, blank=True
    )
    agency_cover_headcount = models.PositiveIntegerField(
        "agency workers covering vacancies (headcount)", null=True, blank=True
    )
    # From the 2025 collection: is each payment or allowance offered to LA-employed social workers?
    recruitment_bonus = models.CharField(max_length=1, choices=codes.NO_ALL_SOME, blank=True)
    retention_bonus = models.CharField(max_length=1, choices=codes.NO_ALL_SOME, blank=True)
    performance_award = models.CharField(max_length=1, choices=codes.NO_ALL_SOME, blank=True)
    car_allowance = models.CharField(max_length=1, choices=codes.NO_ALL_SOME, blank=True)
    relocation_package = models.CharField(max_length=1, choices=codes.NO_ALL_SOME, blank=True)
    regional_weighting = models.CharField(max_length=1, choices=codes.NO_ALL_SOME, blank=True)
    cost_swe = models.CharField(max_length=1, choices=codes.NO_ALL_SOME, blank=True)
    cost_dbs = models.CharField(max_length=1, choices=codes.NO_ALL_SOME, blank=True)
    other_allowances = models.CharField(max_length=500, blank=True)
    # When this year's lines or its own figures last changed: the figures worked out from them are
    # kept until it moves (workforce.dashboard).
    lines_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["lines_changed_at"])

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "year"], name="one_census_year_per_authority"),
            models.CheckConstraint(
                condition=Q(vacancies_fte__gte=0) | Q(vacancies_fte__isnull=True), name="vacancies_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(agency_cover_fte__gte=0) | Q(agency_cover_fte__isnull=True),
                name="agency_cover_not_negative",
            ),
        ]

    def __str__(self):
        return f"CSWW {self.year}"

    @property
    def is_built(self):
        return self.source == self.BUILT

    @property
    def is_submitted(self):
        return self.status == self.SUBMITTED

    @property
    def starts_on(self):
        return census_year_start(self.year)

    @property
    def reference_date(self):
        return census_reference_date(self.year)


class CensusWorkerQuerySet(models.QuerySet):
    def for_year(self, census_year):
        return self.filter(census_year=census_year)

    def in_post(self, census_year):
        """Working for the authority at 30 September: started by then, not ended by then."""
        reference = census_year.reference_date
        return self.filter(
            Q(role_start_date__isnull=True) | Q(role_start_date__lte=reference),
            Q(role_end_date__isnull=True) | Q(role_end_date__gt=reference),
        )

    def employed(self):
        return self.filter(agency=False)

    def agency_workers(self):
        return self.filter(agency=True)

    def leavers(self, census_year):
        return self.filter(role_end_date__gte=census_year.starts_on, role_end_date__lte=census_year.reference_date)

    def starters(self, census_year):
        return self.filter(role_start_date__gte=census_year.starts_on, role_start_date__lte=census_year.reference_date)

    def in_teams(self, team_ids):
        return self.filter(team_id__in=team_ids)


class CensusWorker(models.Model):
    """One worker line of a census return. A person with two roles in a year has two lines; `line`
    numbers the lines of one SWE number within the year so that re-imports match line to line."""

    census_year = models.ForeignKey(CensusYear, on_delete=models.CASCADE, related_name="workers")
    staff_member = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="census_records")
    line = models.PositiveSmallIntegerField(default=0)
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    swe_number = models.CharField("Social Work England number", max_length=20)
    agency = models.BooleanField("agency worker", default=False)
    fte = models.DecimalField("FTE", **FTE_FIELD)
    fte_30 = models.DecimalField("FTE at 30 September", **FTE_FIELD)
    date_of_birth = models.DateField(null=True, blank=True)
    gender_current = models.CharField("gender", max_length=1, choices=codes.GENDER_CURRENT, blank=True)
    sex = models.CharField(max_length=1, choices=codes.SEX, blank=True)
    ethnicity = models.CharField(max_length=4, choices=codes.ETHNICITY, blank=True)
    qualification_institutions = models.JSONField(default=list, blank=True)
    qualification_level = models.CharField(max_length=1, choices=codes.QUAL_LEVEL, blank=True)
    step_up_graduate = models.BooleanField(null=True, blank=True)
    frontline_graduate = models.BooleanField(null=True, blank=True)
    org_role = models.CharField("role", max_length=1, choices=codes.ORG_ROLE, blank=True)
    role_start_date = models.DateField(null=True, blank=True)
    start_origin = models.CharField(max_length=2, choices=codes.START_ORIGIN, blank=True)
    role_end_date = models.DateField(null=True, blank=True)
    leaver_destination = models.CharField(max_length=1, choices=codes.LEAVER_DESTINATION, blank=True)
    reason_leave = models.CharField("reason for leaving", max_length=2, choices=codes.REASON_LEAVE, blank=True)
    cases_30 = models.PositiveIntegerField("cases at 30 September", null=True, blank=True)
    working_days_lost = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    contract_weeks = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    absent_at_30_september = models.BooleanField(null=True, blank=True)
    reason_absence = models.CharField("reason for absence", max_length=3, choices=codes.REASON_ABSENCE, blank=True)
    cfkss_status = models.JSONField("KSS status", default=list, blank=True)
    base_salary = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    rr_payments = models.DecimalField(
        "recruitment and retention payments", max_digits=9, decimal_places=2, null=True, blank=True
    )
    other_payments = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    # On a built line, where each value came from ({field: text}), corrections included. Not in
    # the line's history: the records it names and the corrections keep their own.
    sources = models.JSONField(default=dict, blank=True)
    history = HistoricalRecords(excluded_fields=["sources"])

    objects = CensusWorkerQuerySet.as_manager()

    # Fields that make up the return, in the order an import compares them.
    RETURN_FIELDS = [
        "swe_number", "agency", "fte", "fte_30", "date_of_birth", "gender_current", "sex", "ethnicity",
        "qualification_institutions", "qualification_level", "step_up_graduate", "frontline_graduate", "org_role",
        "role_start_date", "start_origin", "role_end_date", "leaver_destination", "reason_leave", "cases_30",
        "working_days_lost", "contract_weeks", "absent_at_30_september", "reason_absence", "cfkss_status",
        "base_salary", "rr_payments", "other_payments",
    ]  # fmt: skip

    class Meta:
        ordering = ["census_year", "swe_number", "line"]
        constraints = [
            models.UniqueConstraint(
                fields=["census_year", "swe_number", "line"], name="one_line_per_worker_and_number"
            ),
            models.CheckConstraint(condition=Q(fte__gte=0, fte__lte=1) | Q(fte__isnull=True), name="census_fte_0_to_1"),
            models.CheckConstraint(
                condition=Q(fte_30__gte=0, fte_30__lte=1) | Q(fte_30__isnull=True), name="census_fte30_0_to_1"
            ),
            models.CheckConstraint(
                condition=Q(role_end_date__isnull=True)
                | Q(role_start_date__isnull=True)
                | Q(role_end_date__gte=models.F("role_start_date")),
                name="census_role_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(working_days_lost__gte=0) | Q(working_days_lost__isnull=True),
                name="census_days_lost_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["census_year", "agency"])]

    def __str__(self):
        return f"{self.swe_number} in {self.census_year}"

    @property
    def fte_at_reference(self):
        """FTE at 30 September: FTE30 where the return gives it, otherwise FTE."""
        return self.fte_30 if self.fte_30 is not None else self.fte
