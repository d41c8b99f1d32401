"""England's published figures, as the app that holds them provides them. Benchmarking holds
DfE's figures for every council, region and England, loaded from DfE's own files with their
source and date; it registers its reader here (in its AppConfig.ready), so that an app below it
(workforce) can read England's figures through core without importing benchmarking.

A provider is a function of no arguments returning {(figure, census year): (value, source)}, in
one read; `figure` is the name `workforce_figures` gives it (turnover_rate ...)."""

_providers = []


def register(provider):
    if provider not in _providers:
        _providers.append(provider)


def england_values():
    """Every published England figure the providers hold, {(figure, year): (Decimal, source)};
    an earlier provider's value wins."""
    values = {}
    for provider in reversed(_providers):
        values |= provider()
    return values


def england_value(*, figure, year):
    """(value, source) of England's published figure for a census year, or None."""
    return england_values().get((figure, year))
