from django.urls import include, path

urlpatterns = [
    path("accounts/", include("allauth.urls")),
    path("workforce/", include("pswhub.workforce.urls")),
    path("audits/", include("pswhub.audits.urls")),
    path("governance/", include("pswhub.governance.urls")),
    path("reports/", include("pswhub.reporting.urls")),
    path("workload/", include("pswhub.workload.urls")),
    path("registration/", include("pswhub.registrations.urls")),
    path("learning/", include("pswhub.learning.urls")),
    path("", include("pswhub.core.urls")),
]

handler403 = "pswhub.core.views.error_403"
handler404 = "pswhub.core.views.error_404"
handler500 = "pswhub.core.views.error_500"
