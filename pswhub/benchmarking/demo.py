"""The demo council's benchmarks: it is fictional (DfE code 999), so it compares with the East
Midlands, and with three of that region's councils."""

from . import services

DEMO_REGION = "E12000004"  # East Midlands
DEMO_COMPARATORS = ["830", "855", "891"]  # Derbyshire, Leicestershire, Nottinghamshire


def load_benchmarking_demo(**kwargs):
    services.bundled_figures_load()
    services.region_set(region_code=DEMO_REGION)
    services.comparators_set(codes=DEMO_COMPARATORS)
