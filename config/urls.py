from django.urls import include, path

urlpatterns = [
    path("accounts/", include("allauth.urls")),
    path("workforce/agency/", include("pswhub.agency.urls")),
    path("workforce/", include("pswhub.workforce.urls")),
    path("audits/", include("pswhub.audits.urls")),
    path("governance/", include("pswhub.governance.urls")),
    path("reports/", include("pswhub.reporting.urls")),
    path("workload/", include("pswhub.workload.urls")),
    path("health-check/", include("pswhub.health_check.urls")),
    path("people-development/", include("pswhub.people_development.urls")),
    path("registration/", include("pswhub.registrations.urls")),
    path("learning/", include("pswhub.learning.urls")),
    path("benchmarking/", include("pswhub.benchmarking.urls")),
    path("", include("pswhub.core.urls")),
]

handler400 = "pswhub.core.views.error_400"
handler403 = "pswhub.core.views.error_403"
handler404 = "pswhub.core.views.error_404"
# allauth answers too many sign-in attempts from one address with this page.
handler429 = "pswhub.core.views.error_429"
handler500 = "pswhub.core.views.error_500"
