from django import forms
from django.core.validators import RegexValidator

from .forms_render import GovukDateField
from .models import Authority, Role, Service, StaffMember, Team, User

TEAM_NAME_TAKEN = "There is already a team with that name in this service"
TEAM_PARENT_OTHER_SERVICE = "A team can only sit under a team in the same service"
EMPLOYEE_NUMBER_TAKEN = "There is already a staff record with that employee number"
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
        required=False,
        label="Email address",
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.gov.uk"},
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


class AuthorityForm(forms.ModelForm):
    class Meta:
        model = Authority
        fields = ["name", "la_code"]
        labels = {"name": "Council name"}
        help_texts = {"la_code": "Three digits, as in the DfE census, like 873"}
        error_messages = {
            "name": {"required": "Enter the council's name"},
            "la_code": {"required": "Enter the DfE local authority code"},
        }


class TeamForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name", "service", "parent", "is_active"]
        labels = {"name": "Team name", "parent": "Part of", "is_active": "Team is active"}
        help_texts = {"parent": "Leave blank for a team at the top of its service"}
        error_messages = {
            "name": {"required": "Enter the team's name"},
            "service": {"required": "Select the service the team belongs to"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.order_by("kind")
        self.fields["service"].empty_label = "Select a service"
        parents = Team.objects.select_related("service").order_by("service__kind", "name")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = "None"

    def clean(self):
        cleaned = super().clean()
        name, service, parent = cleaned.get("name"), cleaned.get("service"), cleaned.get("parent")
        if name and service:
            clash = Team.objects.filter(service=service, name__iexact=name).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("name", TEAM_NAME_TAKEN)
        if parent and service and parent.service_id != service.pk:
            self.add_error("parent", TEAM_PARENT_OTHER_SERVICE)
        return cleaned

    def validate_unique(self):
        # The clash is reported on the name field by clean(), in the service's own words.
        pass


class NewStaffMemberForm(StaffMemberForm):
    class Meta(StaffMemberForm.Meta):
        fields = ["employee_number", *StaffMemberForm.Meta.fields]
        error_messages = {
            **StaffMemberForm.Meta.error_messages,
            "employee_number": {"required": "Enter their employee number"},
        }

    def clean_employee_number(self):
        number = self.cleaned_data["employee_number"].strip()
        if StaffMember.objects.filter(employee_number__iexact=number).exists():
            raise forms.ValidationError(EMPLOYEE_NUMBER_TAKEN)
        return number
