app_name = "health_check"
urlpatterns = []
