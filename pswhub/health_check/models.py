"""The Social Work Health Check: a staff survey against the LGA Standards for Employers, its
runs, the anonymous responses, the LGA's own results entered by hand, and the action plan
("You said / We will / We expect you") with the PSW's meetings with practitioners between surveys.

Anonymity is a property of the data model (docs/adr/0601-health-check-anonymity.md): `Response`,
`Answer` and `Comment` hold no link to an account or staff record, no date or time, and keep no
change history; their keys are random, so even the order of answering is not kept. `Participation`
says only that someone has answered a run, so that they cannot answer twice."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pswhub.core.periods import year_label


class RunService(models.TextChoices):
    CHILDREN = "children", "Children's services"
    ADULTS = "adults", "Adults' services"
    JOINT = "joint", "Children's and adults' services (joint)"


class ResponseService(models.TextChoices):
    CHILDREN = "children", "Children's services"
    ADULTS = "adults", "Adults' services"


class RespondentRole(models.TextChoices):
    """A broad group the respondent chooses for themselves: never a job title, so that a role in
    a team does not name a person."""

    PRACTITIONER = "practitioner", "Social worker or occupational therapist"
    SENIOR = "senior", "Senior or advanced practitioner"
    MANAGER = "manager", "Team manager or above"
    OTHER = "other", "Other role"
    NOT_SAID = "", "Prefer not to say"


class Standard(models.Model):
    """One of the eight LGA Standards for Employers (2020). Reference data loaded by a data
    migration; `number` (1 to 8) is its stable code."""

    number = models.PositiveSmallIntegerField(primary_key=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"Standard {self.number}: {self.name}"


class Question(models.Model):
    """A question of the council's question set, with a stable code. The shipped set is loaded by
    a data migration; the council may add questions, reword them for a new run and retire them.
    A run keeps the wording it was asked with (RunQuestion)."""

    code = models.SlugField(max_length=60, unique=True)
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="questions")
    wording = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)
    is_current = models.BooleanField("Asked in new runs", default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["standard", "order", "code"]

    def __str__(self):
        return self.wording

    @property
    def column(self):
        """The question's column in the import template, such as `s5_regular_supervision`."""
        return f"s{self.standard_id}_{self.code}"


class Run(models.Model):
    """One run of the survey for a service. A run imported from a survey run elsewhere has a year
    but may have no dates; its staff invited may be entered as a number."""

    HUB = "hub"
    IMPORTED = "imported"
    SOURCE_CHOICES = [(HUB, "Answered in PSW Hub"), (IMPORTED, "Imported from a survey run elsewhere")]

    title = models.CharField(max_length=200)
    service = models.CharField(max_length=20, choices=RunService.choices)
    year_start = models.PositiveSmallIntegerField("Year", help_text="The calendar year the financial year starts in")
    opens_on = models.DateField(null=True, blank=True)
    closes_on = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=20, choices=SOURCE_CHOICES, default=HUB)
    invited_count = models.PositiveIntegerField(
        "Number of staff invited", null=True, blank=True, help_text="For a run imported from elsewhere"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year_start", "-opens_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(year_start__gte=2000, year_start__lte=2100), name="run_year_sensible"),
            models.CheckConstraint(
                condition=Q(opens_on__isnull=True) | Q(closes_on__isnull=True) | Q(closes_on__gte=models.F("opens_on")),
                name="run_closes_after_opening",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def year_label(self):
        return year_label(self.year_start)

    def is_open(self, today=None):
        today = today or timezone.localdate()
        return (
            self.source == self.HUB
            and self.opens_on is not None
            and self.closes_on is not None
            and self.opens_on <= today <= self.closes_on
        )


class RunQuestion(models.Model):
    """A question as a run asked it: the wording is copied when the run is set up, so rewording a
    question later never changes a past run."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    wording = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["run", "question"], name="run_question_once")]

    def __str__(self):
        return self.wording


class Invitation(models.Model):
    """A member of staff invited to a run. Says nothing about whether they answered."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "user"], name="invited_once")]

    def __str__(self):
        return f"Invitation to {self.run}"


class Participation(models.Model):
    """Only that this person has answered this run, to stop a second answer. No date, no time, no
    history and no link to the response."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "user"], name="answered_once")]

    def __str__(self):
        return f"Answered {self.run}"


class Response(models.Model):
    """One anonymous response: the service, the team's name and a broad role group it was given
    in, nothing else. The key is random so that it does not show the order of answering."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="responses")
    service = models.CharField(max_length=20, choices=ResponseService.choices)
    team_name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=20, choices=RespondentRole.choices, blank=True)

    class Meta:
        indexes = [models.Index(fields=["run", "service", "team_name"], name="response_group")]

    def __str__(self):
        return "A response"


class Answer(models.Model):
    """One answer: 1 strongly disagree to 5 strongly agree; no value means not applicable or
    left blank."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(RunQuestion, on_delete=models.PROTECT, related_name="answers")
    choice = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="health_check_one_answer_per_question"),
            models.CheckConstraint(
                condition=Q(choice__isnull=True) | Q(choice__gte=1, choice__lte=5),
                name="health_check_answer_choice_valid",
            ),
        ]

    def __str__(self):
        return "An answer"


class Comment(models.Model):
    """A free-text comment given with a response. Shown to anyone but the PSW only once the PSW
    has read it (and redacted any name), and only for a group at the threshold. The PSW's review
    is recorded; the comment's own giving is not."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="comment")
    text = models.TextField()
    shown_text = models.TextField("Text to show, with any names redacted", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_on = models.DateField(null=True, blank=True)

    def __str__(self):
        return "A comment"

    @property
    def is_reviewed(self):
        return self.reviewed_on is not None


class LgaResult(models.Model):
    """The LGA's own health check result for the council, one standard, entered by hand from the
    council's bespoke report, so that the trend does not start from nothing."""

    year_start = models.PositiveSmallIntegerField("Year")
    service = models.CharField(max_length=20, choices=ResponseService.choices)
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year_start", "service", "standard"]
        constraints = [
            models.UniqueConstraint(fields=["year_start", "service", "standard"], name="one_lga_result"),
            models.CheckConstraint(condition=Q(score__lte=100), name="lga_score_at_most_100"),
        ]

    def __str__(self):
        return f"LGA {self.year_start} {self.service} standard {self.standard_id}: {self.score}"


class Rag(models.TextChoices):
    """Red, amber, green: shown always as a word beside any colour."""

    RED = "red", "Red: off track"
    AMBER = "amber", "Amber: at risk"
    GREEN = "green", "Green: on track"


class Plan(models.Model):
    """An action plan made from one or more runs' themes; a joint plan covers children's and
    adults' services. Published, it is a page every member of staff can read."""

    title = models.CharField(max_length=200)
    service = models.CharField(max_length=20, choices=RunService.choices)
    year_start = models.PositiveSmallIntegerField("Year")
    runs = models.ManyToManyField(Run, blank=True, related_name="plans")
    introduction = models.TextField(blank=True)
    published_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[runs])

    class Meta:
        ordering = ["-year_start", "title"]

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return self.published_on is not None

    @property
    def year_label(self):
        return year_label(self.year_start)


class Theme(models.Model):
    """One block of the plan: what staff said, and what the council expects of staff in turn."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    title = models.CharField(max_length=200)
    you_said = models.TextField("You said")
    we_expect = models.TextField("We expect you", blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class Commitment(models.Model):
    """What the council will do ("We will"), with an owner and a due date."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="commitments")
    we_will = models.TextField("We will")
    owner_name = models.CharField("Owner", max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField("Due date")
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.we_will[:80]


class CommitmentUpdate(models.Model):
    """Progress on a commitment: a RAG status and what has happened, as at a date."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="updates")
    as_at = models.DateField()
    rag = models.CharField("RAG status", max_length=10, choices=Rag.choices)
    narrative = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-as_at", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(rag__in=Rag.values), name="commitment_update_rag_valid")]

    def __str__(self):
        return f"{self.commitment}: {self.get_rag_display()}"


class FrontlineMeeting(models.Model):
    """The PSW's meeting with practitioners between surveys."""

    held_on = models.DateField("Date of the meeting")
    teams = models.ManyToManyField("core.Team", blank=True, related_name="+")
    title = models.CharField(max_length=200)
    history = HistoricalRecords(m2m_fields=[teams])

    class Meta:
        ordering = ["-held_on"]

    def __str__(self):
        return self.title


class FrontlinePoint(models.Model):
    """A point raised at a meeting with practitioners, which may lead to a plan commitment."""

    meeting = models.ForeignKey(FrontlineMeeting, on_delete=models.CASCADE, related_name="points")
    raised = models.TextField("What was raised")
    commitment = models.ForeignKey(
        Commitment, on_delete=models.SET_NULL, null=True, blank=True, related_name="frontline_points"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.raised[:80]


class Tally(models.Model):
    """The answers to one question of a run from one cell of respondents (same service, team
    name and role group): how many answered and the sum of their choices. Kept as responses are
    written, so results never read the answers one by one. A cell refers to no response."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="tallies")
    service = models.CharField(max_length=20, choices=ResponseService.choices)
    team_name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=20, blank=True)
    question = models.ForeignKey(RunQuestion, on_delete=models.CASCADE, related_name="+")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="+")
    answered = models.PositiveIntegerField(default=0)
    choice_sum = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["run", "service", "team_name", "role", "question"], name="one_tally_per_cell"
            )
        ]

    def __str__(self):
        return f"{self.run}: {self.answered} answers"


class CellTally(models.Model):
    """How many responses a cell of respondents gave to a run (`standard` 0), and how many of
    them answered any item of a standard (`standard` 1 to 8). Kept as responses are written."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="cell_tallies")
    service = models.CharField(max_length=20, choices=ResponseService.choices)
    team_name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=20, blank=True)
    standard = models.PositiveSmallIntegerField(default=0)
    responses = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "service", "team_name", "role", "standard"], name="one_cell_tally")
        ]

    def __str__(self):
        return f"{self.run}: {self.responses} responses"
