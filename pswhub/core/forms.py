from django import forms
from django.core.validators import RegexValidator

from .forms_render import GovukDateField
from .models import Role, StaffMember, Team, User

USERNAME_TAKEN = "That username is already in use. Choose another"
STAFF_ALREADY_LINKED = "That staff member is already linked to another account"
LEFT_BEFORE_STARTED = "The date they left must be the same as or after the date they started"


class RoleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, role):
        return role.name


class UserForm(forms.Form):
    username = forms.CharField(
        max_length=150,
        validators=[RegexValidator(r"^[\w.@+-]+$", "Username can only contain letters, numbers and @ . + - _")],
        help_text="For a council account, use the person's council e-mail address",
        error_messages={"required": "Enter a username"},
    )
    first_name = forms.CharField(max_length=150, error_messages={"required": "Enter their first name"})
    last_name = forms.CharField(max_length=150, error_messages={"required": "Enter their last name"})
    email = forms.EmailField(
        required=False, label="Email address", error_messages={"invalid": "Enter an email address in the correct format, like name@example.gov.uk"}
    )
    roles = RoleChoiceField(queryset=Role.objects.order_by("order"), required=False)
    managed_teams = forms.ModelMultipleChoiceField(
        queryset=Team.objects.select_related("service").order_by("service__kind", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Teams they manage",
        help_text="Team managers see these teams and every team beneath them",
    )
    staff_member = forms.ModelChoiceField(
        queryset=StaffMember.objects.filter(left_on__isnull=True).order_by("last_name", "first_name"),
        required=False,
        label="Their staff record",
        help_text="Links the account to the person in the workforce, so they can see their own record",
    )
    is_active = forms.BooleanField(required=False, initial=True, label="Account is active")

    def __init__(self, *args, instance=None, **kwargs):
        self.instance = instance
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "username": instance.username,
                    "first_name": instance.first_name,
                    "last_name": instance.last_name,
                    "email": instance.email,
                    "roles": list(instance.roles.all()),
                    "managed_teams": list(instance.managed_teams.all()),
                    "staff_member": getattr(instance, "staff_member", None),
                    "is_active": instance.is_active,
                },
            )
        super().__init__(*args, **kwargs)
        if instance is not None:
            self.fields["username"].disabled = True
        else:
            del self.fields["is_active"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if self.instance is None and User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(USERNAME_TAKEN)
        return username

    def clean_staff_member(self):
        staff = self.cleaned_data["staff_member"]
        if staff is not None and staff.user_id and (self.instance is None or staff.user_id != self.instance.pk):
            raise forms.ValidationError(STAFF_ALREADY_LINKED)
        return staff


class StaffMemberForm(forms.ModelForm):
    started_on = GovukDateField(required=False, label="Date they started")
    left_on = GovukDateField(required=False, label="Date they left", help_text="Leave blank while they are in post")

    class Meta:
        model = StaffMember
        fields = ["first_name", "last_name", "email", "job_title", "team", "started_on", "left_on"]
        labels = {"email": "Email address"}
        error_messages = {
            "first_name": {"required": "Enter their first name"},
            "last_name": {"required": "Enter their last name"},
            "email": {"invalid": "Enter an email address in the correct format, like name@example.gov.uk"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.select_related("service").order_by("service__kind", "name")
        self.fields["team"].empty_label = "No team"

    def clean(self):
        cleaned = super().clean()
        started, left = cleaned.get("started_on"), cleaned.get("left_on")
        if started and left and left < started:
            self.add_error("left_on", LEFT_BEFORE_STARTED)
        return cleaned

    def _post_clean(self):
        # Validation lives in clean(); the service saves. Skip ModelForm's instance mutation so a
        # failed form never leaves a half-changed object behind.
        pass
