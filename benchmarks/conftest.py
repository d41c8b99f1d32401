"""The benchmarks run against the full demo council (Northshire), loaded once per run."""

import pytest

from pswhub.core.demo import demo_data_load
from pswhub.core.models import User
from pswhub.core.tests.factories import give_authenticator_app


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        demo_data_load(create_accounts=True)
        # Administrators cannot open any page until they have an authenticator app.
        give_authenticator_app(User.objects.get(username="demo-admin"))
