from django.apps import AppConfig


class BenchmarkingConfig(AppConfig):
    name = "pswhub.benchmarking"
    label = "benchmarking"
    verbose_name = "Benchmarking"

    def ready(self):
        from pswhub.core import demo, national_figures
        from pswhub.core import navigation as nav
        from pswhub.core.report_sections import register

        from . import rules  # noqa: F401
        from .demo import load_benchmarking_demo
        from .report_section import BenchmarkingSection
        from .selectors import england_published

        demo.register(load_benchmarking_demo)
        national_figures.register(england_published)
        register(BenchmarkingSection())
        nav.register(
            area=nav.WORKFORCE,
            label="Benchmarking",
            url_name="benchmarking:home",
            permission="benchmarking.view_benchmarks",
            order=40,
        )
        nav.register(
            area=nav.WORKFORCE,
            label="Regional network packs",
            url_name="benchmarking:packs",
            permission="benchmarking.exchange_packs",
            order=41,
        )
