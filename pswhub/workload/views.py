def team_workload(request, **kw):
    pass


def scheme_list(request, **kw):
    pass


def scheme_edit(request, **kw):
    pass


def early_career_list(request, **kw):
    pass


def early_career_edit(request, **kw):
    pass


def import_upload(request, **kw):
    pass


def import_template_csv(request, **kw):
    pass


def import_detail(request, **kw):
    pass


def import_confirm(request, **kw):
    pass
