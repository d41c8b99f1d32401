"""The health check's disclosure rule: no result of any kind for a group of respondents smaller
than the survey threshold, and no pair of results from which such a group's could be worked out.

The threshold is its own setting, `PSWHUB_SURVEY_THRESHOLD` (default 10), and never below 5 (a
lower setting is raised to 5). It is separate from the threshold for counts of people
(core.disclosure), because a survey result is an opinion, not a count.

Complementary suppression: when a group's results are shown beside results for its whole (teams
of a service, services of a joint run), the reader can subtract the shown groups from the whole
and learn the results of everyone else. So the respondents not in a shown group must number 0 or
at least the threshold; while they do not, the smallest shown group is hidden too."""

from django.conf import settings

LOWEST_SURVEY_THRESHOLD = 5


def survey_threshold():
    """The smallest group whose results may be shown: the setting, never below 5."""
    setting = settings.PSWHUB_SURVEY_THRESHOLD
    return max(int(setting), LOWEST_SURVEY_THRESHOLD)


def may_show(count, limit=None):
    """A group's results may be shown only when it has at least the threshold of respondents."""
    limit = survey_threshold() if limit is None else limit
    return count >= limit


def groups_shown(counts, total, limit=None):
    """The groups whose results may be shown beside the results for their whole.

    `counts` maps each group to its respondents; `total` is the whole's (at least the sum of the
    counts: respondents may belong to no group). A group is shown when it reaches the threshold,
    the whole does, and the respondents left outside the shown groups number 0 or at least the
    threshold; while they do not, the smallest shown group is hidden as well. When the whole is
    below the threshold nothing is shown."""
    limit = survey_threshold() if limit is None else limit
    if not may_show(total, limit):
        return set()
    shown = {group for group, count in counts.items() if may_show(count, limit)}
    while shown:
        rest = total - sum(counts[group] for group in shown)
        if rest == 0 or rest >= limit:
            break
        smallest = min(shown, key=lambda group: (counts[group], str(group)))
        shown.discard(smallest)
    return shown
