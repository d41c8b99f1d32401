"""What needs a person's attention, shown on their home page. Each capability registers one
provider function (in its AppConfig.ready) that returns items for a user; the home page lists them
in order. A provider returns only what that user's role may see."""

from dataclasses import dataclass

from django.urls import reverse

_providers = []


@dataclass(frozen=True)
class AttentionItem:
    title: str
    count: int
    href: str
    hint: str = ""


def register(provider):
    if provider not in _providers:
        _providers.append(provider)


def attention_for(user):
    items = []
    for provider in _providers:
        items.extend(provider(user))
    return items


def core_attention_items(user):
    from . import selectors

    items = []
    if user.has_perm("core.manage_users"):
        without_role = selectors.users_without_role().count()
        if without_role:
            items.append(
                AttentionItem(
                    "Accounts with no role",
                    without_role,
                    reverse("core:user_list") + "?filter=no-role",
                    "They can sign in but see nothing until you give them a role.",
                )
            )
        waiting = selectors.role_grants_pending().exclude(requested_by=user).exclude(user=user).count()
        if waiting:
            items.append(
                AttentionItem(
                    "Roles waiting for your approval",
                    waiting,
                    reverse("core:user_list"),
                    "Another administrator asked for the PSW or administrator role for someone.",
                )
            )
        without_mfa = selectors.users_missing_required_mfa().count()
        if without_mfa:
            items.append(
                AttentionItem(
                    "Administrators without an authenticator app",
                    without_mfa,
                    reverse("core:user_list") + "?filter=no-mfa",
                    "They will be asked to set one up when they next sign in.",
                )
            )
    if user.has_perm("core.change_staff_member"):
        without_team = selectors.staff_without_team(user).count()
        if without_team:
            items.append(
                AttentionItem(
                    "Staff in post with no team",
                    without_team,
                    reverse("core:staff_list") + "?team=none",
                    "Team figures leave them out until they have a team.",
                )
            )
    return items
