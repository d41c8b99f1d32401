"""Sections other capabilities add to the staff record page. Each registers one provider function
(in its AppConfig.ready) that returns the sections a user may see of a staff member's record; the
page shows them in order after the organisation's own details. A provider checks its own
permissions: the page has already checked that the user may open the record."""

from dataclasses import dataclass, field

_providers = []


@dataclass(frozen=True)
class StaffRecordSection:
    title: str
    template: str  # rendered with the page's context plus `section`
    context: dict = field(default_factory=dict)


def register(provider):
    if provider not in _providers:
        _providers.append(provider)


def sections_for(user, staff_member):
    sections = []
    for provider in _providers:
        sections.extend(provider(user, staff_member))
    return sections
