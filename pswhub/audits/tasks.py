"""Background tasks of the audits app, run by `manage.py db_worker`."""

from django.tasks import task


@task()
def send_risk_flag_alert(*, flag_id):
    from .alerts import risk_flag_alert_send
    from .models import RiskFlag

    flag = RiskFlag.objects.select_related("audit").get(pk=flag_id)
    return risk_flag_alert_send(flag=flag)
