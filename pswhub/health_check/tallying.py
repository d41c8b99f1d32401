"""Keeping the tallies results are read from (models.Tally, models.CellTally): added to as each
response is written in PSW Hub, rebuilt from the answers for a run written in bulk (an import,
the demo). A tally counts answers by cell (run, service, team name, role group), never by
response."""

from django.db.models import Count, F, Sum

from .models import Answer, CellTally, Response, RunQuestion, Tally


def _cell(response):
    return {
        "run_id": response.run_id,
        "service": response.service,
        "team_name": response.team_name,
        "role": response.role,
    }


def _add(model, cell, match, **increments):
    updated = model.objects.filter(**cell, **match).update(
        **{name: F(name) + value for name, value in increments.items()}
    )
    if not updated:
        model.objects.create(**cell, **match, **increments)


def tallies_add(*, response, choices):
    """Adds one response (`choices`: run question id to 1 to 5 or None) to its run's tallies. The
    caller holds the run's row locked, so that two answers never race to create a tally."""
    cell = _cell(response)
    standards = dict(RunQuestion.objects.filter(run_id=response.run_id).values_list("pk", "question__standard_id"))
    _add(CellTally, cell, {"standard": 0}, responses=1)
    answered_standards = set()
    for question_id, choice in choices.items():
        if choice is None or question_id not in standards:
            continue
        _add(
            Tally,
            cell,
            {"question_id": question_id, "standard_id": standards[question_id]},
            answered=1,
            choice_sum=choice,
        )
        answered_standards.add(standards[question_id])
    for number in answered_standards:
        _add(CellTally, cell, {"standard": number}, responses=1)


def tallies_rebuild(run):
    """Counts a run's tallies again from its responses and answers."""
    Tally.objects.filter(run=run).delete()
    CellTally.objects.filter(run=run).delete()
    cell_fields = ["service", "team_name", "role"]
    path = [f"response__{name}" for name in cell_fields]
    answers = Answer.objects.filter(response__run=run, choice__isnull=False).order_by()
    standard = "question__question__standard_id"
    cells = [
        CellTally(run=run, standard=0, responses=row["n"], **{name: row[name] for name in cell_fields})
        for row in Response.objects.filter(run=run).order_by().values(*cell_fields).annotate(n=Count("id"))
    ]
    cells += [
        CellTally(
            run=run, standard=row[standard], responses=row["n"], **{n: row[f"response__{n}"] for n in cell_fields}
        )
        for row in answers.values(*path, standard).annotate(n=Count("response_id", distinct=True))
    ]
    CellTally.objects.bulk_create(cells, batch_size=2000)
    Tally.objects.bulk_create(
        [
            Tally(
                run=run,
                question_id=row["question_id"],
                standard_id=row[standard],
                answered=row["n"],
                choice_sum=row["s"],
                **{n: row[f"response__{n}"] for n in cell_fields},
            )
            for row in answers.values(*path, standard, "question_id").annotate(n=Count("id"), s=Sum("choice"))
        ],
        batch_size=2000,
    )
