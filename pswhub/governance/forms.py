from django import forms
from django.utils import timezone

from pswhub.core.forms_render import GovukDateField
from pswhub.core.models import User
from pswhub.core.periods import financial_year_of, year_label

from .models import (
    ActionStatus,
    CommitteeMeeting,
    FindingKind,
    PeerReview,
    Priority,
    Rag,
)

PRIORITY_TITLE_TAKEN = "The work plan for that year already has a priority with this title"
ENTER_NARRATIVE = "Say what has happened"
CHOOSE_RAG = "Select a RAG status"
CHOOSE_STATUS = "Select where the action stands"
DUE_BEFORE_MEETING = "The due date must be on or after the date of the meeting"
UPDATE_IN_FUTURE = "The date of the update must be today or in the past"


class _NoInstanceMutation:
    def _post_clean(self):
        # Validation lives in clean(); the service saves. A failed form never changes the object.
        pass


def _year_choices():
    this_year = financial_year_of(timezone.localdate())
    return [(year, year_label(year)) for year in range(this_year + 1, this_year - 6, -1)]


def _people():
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "username")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.display_name


class PriorityForm(_NoInstanceMutation, forms.ModelForm):
    year_start = forms.TypedChoiceField(label="Year", coerce=int, choices=())
    owner = PersonChoiceField(queryset=User.objects.none(), required=False, empty_label="No one yet")

    class Meta:
        model = Priority
        fields = ["year_start", "title", "description", "measures", "service", "owner"]
        labels = {"title": "Priority", "description": "What it involves", "service": "Services"}
        help_texts = {"measures": "The measures that show progress, one a line"}
        widgets = {"service": forms.RadioSelect}
        error_messages = {"title": {"required": "Enter the priority"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year_start"].choices = _year_choices()
        self.fields["owner"].queryset = _people()

    def clean(self):
        cleaned = super().clean()
        year, title = cleaned.get("year_start"), cleaned.get("title")
        if year and title:
            clash = Priority.objects.filter(year_start=year, title__iexact=title).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("title", PRIORITY_TITLE_TAKEN)
        return cleaned

    def validate_unique(self):
        pass


class PriorityUpdateForm(forms.Form):
    as_at = GovukDateField(label="Date of the update", error_messages={"required": "Enter the date of the update"})
    rag = forms.ChoiceField(
        label="RAG status", choices=Rag.choices, widget=forms.RadioSelect, error_messages={"required": CHOOSE_RAG}
    )
    narrative = forms.CharField(label="Progress", widget=forms.Textarea, error_messages={"required": ENTER_NARRATIVE})

    def clean_as_at(self):
        as_at = self.cleaned_data["as_at"]
        if as_at and as_at > timezone.localdate():
            raise forms.ValidationError(UPDATE_IN_FUTURE)
        return as_at


class MeetingForm(_NoInstanceMutation, forms.ModelForm):
    held_on = GovukDateField(label="Date of the meeting", error_messages={"required": "Enter the date of the meeting"})

    class Meta:
        model = CommitteeMeeting
        fields = ["committee", "held_on", "agenda_item", "service", "notes"]
        labels = {"committee": "Committee", "service": "Services", "notes": "Notes or minutes"}
        widgets = {"service": forms.RadioSelect}
        error_messages = {"committee": {"required": "Enter the committee's name"}}


class ActionForm(forms.Form):
    description = forms.CharField(
        label="Action", widget=forms.Textarea, error_messages={"required": "Enter the action the committee set"}
    )
    owner_name = forms.CharField(
        label="Owner",
        max_length=200,
        help_text="As the minutes name them",
        error_messages={"required": "Enter who owns the action"},
    )
    owner = PersonChoiceField(
        label="Their PSW Hub account",
        queryset=User.objects.none(),
        required=False,
        empty_label="They have no account",
        help_text="The owner is reminded by e-mail as the due date nears",
    )
    due_on = GovukDateField(label="Due date", error_messages={"required": "Enter the due date"})

    def __init__(self, *args, meeting=None, **kwargs):
        self.meeting = meeting
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _people()

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on and self.meeting is not None and due_on < self.meeting.held_on:
            raise forms.ValidationError(DUE_BEFORE_MEETING)
        return due_on


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(
        label="Where the action stands",
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_STATUS},
    )
    narrative = forms.CharField(label="Update", widget=forms.Textarea, error_messages={"required": ENTER_NARRATIVE})


class PeerReviewForm(_NoInstanceMutation, forms.ModelForm):
    reviewed_on = GovukDateField(
        label="Date of the review", error_messages={"required": "Enter the date of the review"}
    )

    class Meta:
        model = PeerReview
        fields = ["title", "reviewed_on", "reviewers", "summary"]
        labels = {"title": "Name of the review"}
        error_messages = {"title": {"required": "Enter the name of the review"}}


class FindingForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of finding",
        choices=FindingKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether this is a strength or an area for improvement"},
    )
    finding = forms.CharField(label="Finding", widget=forms.Textarea, error_messages={"required": "Enter the finding"})
    response = forms.CharField(label="Our response", widget=forms.Textarea, required=False)


class FindingResponseForm(forms.Form):
    response = forms.CharField(
        label="Our response", widget=forms.Textarea, error_messages={"required": "Enter the response"}
    )


class WorkPlanYearForm(forms.Form):
    year = forms.TypedChoiceField(label="Year", coerce=int, choices=())

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = list(years)
