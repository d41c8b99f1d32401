"""Who may do what with the annual report, stated once. Councillors read published versions and
nothing else: never a draft, never the work plan's working narrative unless it was published."""

import rules

from pswhub.core.rules import has_role

from .models import READS_DRAFTS, READS_PUBLISHED, WRITES_REPORTS

writes_reports = has_role(*WRITES_REPORTS)
reads_drafts = has_role(*READS_DRAFTS)
reads_published = has_role(*READS_PUBLISHED)

# The readable list.
rules.add_perm("reporting.view_reports", reads_published)
rules.add_perm("reporting.view_drafts", reads_drafts)
rules.add_perm("reporting.change_report", writes_reports)
rules.add_perm("reporting.publish_report", writes_reports)
rules.add_perm("reporting.download_draft", reads_drafts)
rules.add_perm("reporting.download_published", reads_published)
rules.add_perm("reporting.manage_template", writes_reports)
