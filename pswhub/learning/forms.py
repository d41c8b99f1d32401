from django import forms
from django.utils import timezone

from pswhub.core.forms_render import GovukDateField
from pswhub.core.models import StaffMember
from pswhub.core.periods import financial_year_of, year_label

from . import reference
from .models import SupervisionKind, Topic

ENTER_TITLE = "Enter the title"
CHOOSE_KIND = "Select the kind of event"
CHOOSE_SERVICE = "Select the service the event is for"
ENTER_DATE = "Enter the date"
COUNT_INVALID = "Enter a whole number, 0 or more"
SCORE_INVALID = "Enter the average score as a number from 1 to 5, like 4.2"
SCORE_NEEDS_RESPONSES = "Enter how many evaluations were returned"
ATTENDED_MORE_THAN_PLACES = "More people attended than there were places; check the numbers"
MINUTES_INVALID = "Enter the length in minutes, like 90"
SESSION_IN_FUTURE = "The date of the session must be today or in the past"
CHOOSE_PERSON = "Select the person"
CHOOSE_ATTENDED = "Select whether they attended"

_COUNT_ERRORS = {"invalid": COUNT_INVALID, "min_value": COUNT_INVALID}


def _count(label, help_text=""):
    return forms.IntegerField(
        label=label, required=False, min_value=0, help_text=help_text, error_messages=_COUNT_ERRORS
    )


def _staff_in_post(user):
    """The people a user may choose: staff in post whose records they may open."""
    return StaffMember.objects.visible_to(user).filter(left_on__isnull=True).order_by("last_name", "first_name")


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, member):
        return f"{member.full_name} ({member.employee_number})"


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, topic):
        return topic.name


class EventForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": ENTER_TITLE})
    kind = forms.ChoiceField(
        label="Kind of event",
        choices=reference.EVENT_KINDS,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_KIND},
    )
    service = forms.ChoiceField(
        label="Service",
        choices=reference.SERVICES,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_SERVICE},
    )
    held_on = GovukDateField(label="Date", error_messages={"required": ENTER_DATE})
    topics = TopicChoiceField(
        label="Topics", queryset=Topic.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    description = forms.CharField(label="Description", widget=forms.Textarea, required=False)
    places = _count("Places")
    booked_count = _count("Places booked", "Leave blank if you will name the people booked")
    attended_count = _count("People who attended", "Leave blank if you will name the people who attended")
    evaluation_responses = _count("Evaluations returned")
    evaluation_score = forms.DecimalField(
        label="Average evaluation score, out of 5",
        required=False,
        min_value=1,
        max_value=5,
        decimal_places=1,
        error_messages={
            "invalid": SCORE_INVALID,
            "min_value": SCORE_INVALID,
            "max_value": SCORE_INVALID,
            "max_decimal_places": SCORE_INVALID,
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.filter(is_active=True).order_by("name")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("evaluation_score") is not None and not cleaned.get("evaluation_responses"):
            self.add_error("evaluation_responses", SCORE_NEEDS_RESPONSES)
        places, attended = cleaned.get("places"), cleaned.get("attended_count")
        if places is not None and attended is not None and attended > places:
            self.add_error("attended_count", ATTENDED_MORE_THAN_PLACES)
        return cleaned


class BookingForm(forms.Form):
    staff_member = StaffChoiceField(
        label="Person", queryset=StaffMember.objects.none(), error_messages={"required": CHOOSE_PERSON}
    )
    attended = forms.ChoiceField(
        label="Did they attend?",
        widget=forms.RadioSelect,
        choices=[("yes", "Yes, they attended"), ("no", "Booked, not attended (yet)")],
        error_messages={"required": CHOOSE_ATTENDED},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff_member"].queryset = _staff_in_post(user)

    def clean_attended(self):
        return self.cleaned_data["attended"] == "yes"


class SupervisionSessionForm(forms.Form):
    held_on = GovukDateField(label="Date of the session", error_messages={"required": ENTER_DATE})
    kind = forms.ChoiceField(
        label="Kind of supervision",
        choices=SupervisionKind.choices,
        widget=forms.RadioSelect,
        initial=SupervisionKind.INDIVIDUAL,
    )
    minutes = forms.IntegerField(
        label="Length in minutes",
        min_value=1,
        max_value=600,
        error_messages={
            "required": MINUTES_INVALID,
            "invalid": MINUTES_INVALID,
            "min_value": MINUTES_INVALID,
            "max_value": MINUTES_INVALID,
        },
    )
    supervisor = StaffChoiceField(
        label="Supervisor", queryset=StaffMember.objects.none(), required=False, empty_label="Not recorded"
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisor"].queryset = _staff_in_post(user)

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on and held_on > timezone.localdate():
            raise forms.ValidationError(SESSION_IN_FUTURE)
        return held_on


class NewlyQualifiedForm(forms.Form):
    started_on = GovukDateField(
        label="Started as a newly qualified social worker on",
        required=False,
        help_text="Leave blank if they are not newly qualified",
    )


TOPIC_TAKEN = "There is already a topic called {name}"


class TopicForm(forms.Form):
    name = forms.CharField(label="Topic", max_length=200, error_messages={"required": "Enter the topic"})
    theme_code = forms.ChoiceField(label="Audit learning theme it answers", required=False, choices=())

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme_code"].choices = [("", "None"), *themes]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if Topic.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(TOPIC_TAKEN.format(name=name))
        return name


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label="Year", coerce=int, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = financial_year_of(timezone.localdate())
        self.fields["year"].choices = [(year, year_label(year)) for year in range(this_year, this_year - 6, -1)]


CHOOSE_FILE = "Choose a CSV or XLSX file"
FILE_TOO_BIG = "The file is larger than {limit} MB"
UPLOAD_LIMIT_MB = 20


class LearningUploadForm(forms.Form):
    file = forms.FileField(
        label="Learning file (CSV or XLSX)",
        help_text="One row per event, with a header row.",
        error_messages={"required": CHOOSE_FILE},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_LIMIT_MB * 1024 * 1024:
            raise forms.ValidationError(FILE_TOO_BIG.format(limit=UPLOAD_LIMIT_MB))
        return upload


class SupervisionUploadForm(LearningUploadForm):
    file = forms.FileField(
        label="Supervision file (CSV or XLSX)",
        help_text="One row per session, with a header row.",
        error_messages={"required": CHOOSE_FILE},
    )
