"""A trial on one machine: SQLite under var/, demo accounts allowed, debug pages off by default so
that the error pages people see are ours."""

from .base import *  # noqa: F403
from .base import env_bool

SECRET_KEY = SECRET_KEY or "local-only-not-secret-change-me-in-production-0123456789"  # noqa: F405
DEBUG = env_bool("DEBUG", default=False)
PSWHUB_CREATE_DEMO_ACCOUNTS = True
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
