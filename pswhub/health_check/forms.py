from django import forms
from django.utils import timezone

from pswhub.core.forms_render import GovukDateField
from pswhub.core.models import Team, User
from pswhub.core.periods import financial_year_of, year_label

from .models import Commitment, Question, Rag, RespondentRole, ResponseService, Run, RunService, Standard
from .scoring import CHOICE_WORDS, NOT_APPLICABLE

CHOOSE_ANSWER = "Select an answer, or Not applicable"
CHOOSE_ROLE = "Select your role, or Prefer not to say"
CLOSES_BEFORE_OPENING = "The closing date must be on or after the opening date"
ENTER_SCORE = "Enter a score from 0 to 100, or leave it blank"
ROLE_NOT_SAID = "not_said"

ANSWER_CHOICES = [(str(choice), words) for choice, words in CHOICE_WORDS.items()] + [(NOT_APPLICABLE, "Not applicable")]


def _year_choices():
    this_year = financial_year_of(timezone.localdate())
    return [(year, year_label(year)) for year in range(this_year + 1, this_year - 8, -1)]


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.display_name


class SurveyForm(forms.Form):
    """One radio group per question the run asked, then the respondent's role group, the service
    (a joint run, when PSW Hub does not know it) and a comment."""

    def __init__(self, *args, run_questions, ask_service, **kwargs):
        super().__init__(*args, **kwargs)
        self.run_questions = list(run_questions)
        for run_question in self.run_questions:
            self.fields[f"q{run_question.pk}"] = forms.ChoiceField(
                label=run_question.wording,
                choices=ANSWER_CHOICES,
                widget=forms.RadioSelect,
                error_messages={"required": CHOOSE_ANSWER},
            )
        self.fields["role"] = forms.ChoiceField(
            label="Your role",
            choices=[(value or ROLE_NOT_SAID, label) for value, label in RespondentRole.choices],
            widget=forms.RadioSelect,
            help_text="Results by role are shown only for groups of at least the survey threshold",
            error_messages={"required": CHOOSE_ROLE},
        )
        if ask_service:
            self.fields["service"] = forms.ChoiceField(
                label="The service you work in", choices=ResponseService.choices, widget=forms.RadioSelect
            )
        self.fields["comment"] = forms.CharField(
            label="Anything else you would like to tell us (optional)",
            help_text="Do not name anyone. The PSW reads every comment before it is shown, and removes names.",
            required=False,
            max_length=4000,
            widget=forms.Textarea,
        )

    def choices(self):
        """{run question id: 1 to 5, or None for not applicable}."""
        found = {}
        for run_question in self.run_questions:
            value = self.cleaned_data[f"q{run_question.pk}"]
            found[run_question.pk] = None if value == NOT_APPLICABLE else int(value)
        return found

    def role(self):
        role = self.cleaned_data["role"]
        return "" if role == ROLE_NOT_SAID else role

    def grouped(self):
        """The question fields by standard, for the page's sections."""
        groups = {}
        for run_question in self.run_questions:
            groups.setdefault(run_question.question.standard, []).append(self[f"q{run_question.pk}"])
        return list(groups.items())


class RunForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the run's title"})
    service = forms.ChoiceField(
        choices=RunService.choices, widget=forms.RadioSelect, error_messages={"required": "Select the service"}
    )
    opens_on = GovukDateField(label="Opening date", error_messages={"required": "Enter the opening date"})
    closes_on = GovukDateField(label="Closing date", error_messages={"required": "Enter the closing date"})

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", CLOSES_BEFORE_OPENING)
        return cleaned


class CommentReviewForm(forms.Form):
    shown_text = forms.CharField(
        label="Text to show",
        widget=forms.Textarea,
        help_text="Replace any name or detail that could identify someone with [removed]",
        error_messages={"required": "Enter the text to show"},
    )


class LgaResultForm(forms.Form):
    year_start = forms.TypedChoiceField(label="Year", coerce=int, choices=())
    service = forms.ChoiceField(choices=ResponseService.choices, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year_start"].choices = _year_choices()
        for standard in Standard.objects.all():
            self.fields[f"s{standard.number}"] = forms.IntegerField(
                label=str(standard),
                required=False,
                min_value=0,
                max_value=100,
                error_messages={"invalid": ENTER_SCORE, "min_value": ENTER_SCORE, "max_value": ENTER_SCORE},
            )

    def scores(self):
        return {number: self.cleaned_data.get(f"s{number}") for number in range(1, 9)}


class PlanForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the plan's title"})
    service = forms.ChoiceField(choices=RunService.choices, widget=forms.RadioSelect)
    year_start = forms.TypedChoiceField(label="Year", coerce=int, choices=())
    introduction = forms.CharField(widget=forms.Textarea, required=False)
    runs = forms.ModelMultipleChoiceField(
        queryset=Run.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="The runs whose findings it answers",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year_start"].choices = _year_choices()
        self.fields["runs"].queryset = Run.objects.order_by("-year_start", "title")


class ThemeForm(forms.Form):
    title = forms.CharField(label="Theme", max_length=200, error_messages={"required": "Enter the theme"})
    you_said = forms.CharField(
        label="You said", widget=forms.Textarea, error_messages={"required": "Enter what staff said"}
    )
    we_expect = forms.CharField(label="We expect you", widget=forms.Textarea, required=False)


class CommitmentForm(forms.Form):
    we_will = forms.CharField(
        label="We will", widget=forms.Textarea, error_messages={"required": "Enter what the council will do"}
    )
    owner_name = forms.CharField(label="Owner", max_length=200, error_messages={"required": "Enter the owner"})
    owner = PersonChoiceField(queryset=User.objects.none(), required=False, empty_label="No PSW Hub account")
    due_on = GovukDateField(label="Due date", error_messages={"required": "Enter the due date"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(is_active=True).order_by("first_name", "last_name")


class CommitmentUpdateForm(forms.Form):
    as_at = GovukDateField(label="Date of the update", error_messages={"required": "Enter the date of the update"})
    rag = forms.ChoiceField(
        label="RAG status",
        choices=Rag.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a RAG status"},
    )
    narrative = forms.CharField(
        label="Progress", widget=forms.Textarea, error_messages={"required": "Say what has happened"}
    )


class FrontlineMeetingForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the meeting's title"})
    held_on = GovukDateField(label="Date of the meeting", error_messages={"required": "Enter the date"})
    teams = forms.ModelMultipleChoiceField(
        queryset=Team.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teams"].queryset = Team.objects.filter(is_active=True).order_by("service__kind", "name")


class FrontlinePointForm(forms.Form):
    raised = forms.CharField(
        label="What was raised", widget=forms.Textarea, error_messages={"required": "Enter what was raised"}
    )
    commitment = forms.ModelChoiceField(
        queryset=Commitment.objects.none(),
        required=False,
        label="Plan commitment it leads to",
        empty_label="None yet",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commitment"].queryset = Commitment.objects.select_related("theme__plan").order_by("-due_on")


CODE_TAKEN = "Another question already has this code"


class QuestionForm(forms.Form):
    """A question of the set. Its code is fixed once given: a past run's answers and the import
    template's column (s<standard>_<code>) are joined on it."""

    code = forms.SlugField(
        max_length=60,
        help_text="Lower-case letters, numbers and underscores; it names the question's column in the import template",
        error_messages={"required": "Enter a code", "invalid": "Use lower-case letters, numbers and underscores"},
    )
    standard = forms.ModelChoiceField(queryset=Standard.objects.all(), error_messages={"required": "Select a standard"})
    wording = forms.CharField(widget=forms.Textarea, error_messages={"required": "Enter the question's wording"})
    is_current = forms.BooleanField(label="Ask it in new runs", required=False, initial=True)

    def __init__(self, *args, question=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        if question is not None:
            self.fields["code"].disabled = True
            self.fields["standard"].disabled = True

    def clean_code(self):
        code = self.cleaned_data["code"]
        if self.question is None and Question.objects.filter(code=code).exists():
            raise forms.ValidationError(CODE_TAKEN)
        return code
