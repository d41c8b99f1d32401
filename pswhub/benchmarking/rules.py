"""Who may see and change benchmarks, stated once.

DfE's figures are published for every council, so everyone who reads the council's workforce
figures may read them, councillors included. The PSW chooses the comparator councils and the
region, uploads DfE's later files (as may the workforce and HR officer, who keeps the census) and
exchanges regional network packs."""

import rules

from pswhub.core import roles
from pswhub.core.rules import has_role

reads_benchmarks = has_role(
    roles.PSW, roles.QA_OFFICER, roles.HR_OFFICER, roles.HEAD_OF_SERVICE, roles.TEAM_MANAGER, roles.COUNCILLOR
)

rules.add_perm("benchmarking.view_benchmarks", reads_benchmarks)
rules.add_perm("benchmarking.choose_comparators", has_role(roles.PSW))
rules.add_perm("benchmarking.import_dfe", has_role(roles.PSW, roles.HR_OFFICER))
rules.add_perm("benchmarking.exchange_packs", has_role(roles.PSW))
