"""Who may see what of the workforce, stated once.

The dashboard's headline figures are for those who read across the service (PSW, HR officer,
head of service); councillors see the same figures with disclosure control. Equality data and
absence reasons are special category data: only the PSW and the HR officer see them. The census
return (checks and download) is the HR officer's and the PSW's."""

import rules

from pswhub.core import roles
from pswhub.core.rules import has_role

reads_workforce_figures = has_role(roles.PSW, roles.HR_OFFICER, roles.HEAD_OF_SERVICE)
is_councillor = has_role(roles.COUNCILLOR)
keeps_workforce_records = has_role(roles.PSW, roles.HR_OFFICER)

rules.add_perm("workforce.view_dashboard", reads_workforce_figures | is_councillor)
rules.add_perm("workforce.view_unsuppressed_figures", reads_workforce_figures)
# The figures at a date and month by month, from the records, for children's and adults' social
# workers: for those who read across the service; not for councillors, whose figures are the
# census's, disclosure-controlled.
rules.add_perm("workforce.view_figures_at_date", reads_workforce_figures)
rules.add_perm("workforce.view_equality", keeps_workforce_records)
rules.add_perm("workforce.view_absence_reasons", keeps_workforce_records)
rules.add_perm("workforce.prepare_census_return", keeps_workforce_records)
# A census year built from the records: built, corrected, submitted and reopened by the PSW and
# HR officers only (docs/adr/0105-census-year-built-from-records.md).
rules.add_perm("workforce.build_census_year", keeps_workforce_records)
rules.add_perm("workforce.correct_census_line", keeps_workforce_records)
rules.add_perm("workforce.submit_census_return", keeps_workforce_records)
rules.add_perm("workforce.import_staff", keeps_workforce_records)

# Posts and establishment: read across the service, or for a team manager their own teams (the
# teams are chosen by `establishment.establishment_teams`); recorded by the PSW and HR officers.
is_team_manager = has_role(roles.TEAM_MANAGER)
rules.add_perm("workforce.view_establishment", reads_workforce_figures | is_team_manager)
rules.add_perm("workforce.record_establishment", keeps_workforce_records)
# The staff record's workforce sections: employment history for whoever may open the record;
# changes, absence and equality details (special category) for the PSW and HR officers only.
rules.add_perm("workforce.change_staff_records", keeps_workforce_records)
