"""Settings shared by every environment. Everything that differs between machines comes from the
environment, so every `manage.py` command honours DATABASE_URL, SECRET_KEY and the rest."""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PSWHUB_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "simple_history",
    "django_tasks_db",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "pswhub.core",
    "pswhub.workforce",
    "pswhub.benchmarking",
    "pswhub.agency",
    "pswhub.audits",
    "pswhub.governance",
    "pswhub.reporting",
    "pswhub.workload",
    "pswhub.health_check",
    "pswhub.people_development",
    "pswhub.registrations",
    "pswhub.learning",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pswhub.core.middleware.SessionActivityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "pswhub.core.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "pswhub.core.middleware.RequireMultiFactorMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

# One rendering path: Jinja2 with GOV.UK Frontend macros renders every page, allauth's included.
# The Django engine stays only for the few library templates we never show (e-mail bodies of
# allauth fall back to it).
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "pswhub" / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "pswhub.core.jinja2.environment",
            "autoescape": True,
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.messages.context_processors.messages",
                "pswhub.core.context_processors.layout",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'pswhub.sqlite3'}",
        # Each web process keeps its database connection for up to a minute, rather than opening
        # one per request (PSWHUB_DB_CONN_MAX_AGE; 0 with DATABASE_POOL, which pools instead).
        conn_max_age=0
        if env_bool("DATABASE_POOL", default=False)
        else int(os.environ.get("PSWHUB_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite makes the file but not its folder: a fresh clone has no var/ yet.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the web server and the worker read while the other writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's just-in-time compilation costs more than it saves on PSW Hub's reads: the
    # figures at a date for England-sized data took 2.3 s with it, 1.5 s of that compiling
    # (docs/performance.md). Each connection turns it off.
    DATABASES["default"]["OPTIONS"] = {"options": "-c jit=off"}
    if env_bool("DATABASE_POOL", default=False):
        DATABASES["default"]["OPTIONS"]["pool"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

# Sessions and the cache live in the database so that any number of web processes share them
# (login rate limits included).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "pswhub_cache",
    }
}

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "pswhub" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --- Sign-in -------------------------------------------------------------------------------
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*"]
ACCOUNT_ADAPTER = "pswhub.core.auth.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "pswhub.core.auth.SocialAccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
# Failed sign-ins are limited per account and, more loosely, per address (docs/adr/0011). Five
# wrong passwords for one account lock that account for five minutes, wherever they come from;
# an address is stopped only after 20 failures in a minute, so one person behind the council's
# shared address (a NAT or proxy) cannot lock out everyone else for more than a minute. An
# administrator can lift an account's lock from its page on Users.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/m/ip,5/5m/key",
    "login": "60/m/ip",
    "reset_password": "5/m/ip,3/m/key",
}
# Behind a reverse proxy (nginx, a load balancer), the number of proxies that add themselves to
# X-Forwarded-For, so that sign-in limits apply per person's address, not the proxy's
# (docs/deployment.md).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("PSWHUB_TRUSTED_PROXY_COUNT", "0"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("PSWHUB_MFA_ISSUER", "PSW Hub")
# Roles whose users must set up an authenticator app before they can do anything else.
PSWHUB_MFA_REQUIRED_ROLES = env_list("PSWHUB_MFA_REQUIRED_ROLES", "admin")

# Short idle sessions: the session ends after this many minutes without a request.
SESSION_COOKIE_AGE = int(os.environ.get("PSWHUB_IDLE_MINUTES", "30")) * 60
# Activity keeps a session alive: `SessionActivityMiddleware` moves its end on at most once a
# minute, rather than a write on every request.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Microsoft Entra ID through OpenID Connect. Enabled when ENTRA_CLIENT_ID is set.
ENTRA_TENANT_ID = os.environ.get("ENTRA_TENANT_ID", "")
ENTRA_CLIENT_ID = os.environ.get("ENTRA_CLIENT_ID", "")
ENTRA_CLIENT_SECRET = os.environ.get("ENTRA_CLIENT_SECRET", "")
# App role value in Entra -> PSW Hub role code, e.g. "PSWHub.PSW=psw,PSWHub.Admin=admin".
ENTRA_ROLE_MAP = dict(pair.split("=", 1) for pair in env_list("ENTRA_ROLE_MAP", "") if "=" in pair)
SOCIALACCOUNT_PROVIDERS = {}
if ENTRA_CLIENT_ID:
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "entra",
                "name": "Microsoft Entra ID",
                "client_id": ENTRA_CLIENT_ID,
                "secret": ENTRA_CLIENT_SECRET,
                "settings": {
                    "server_url": f"https://login.microsoftonline.com/{ENTRA_TENANT_ID}/v2.0",
                    "scope": ["openid", "profile", "email"],
                },
            }
        ],
    }
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_AUTO_SIGNUP = True

# --- Security headers, on in every settings module ---------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF, "https://login.microsoftonline.com"],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A form sent without its security token (an old tab, cookies blocked) gets the service's own page.
CSRF_FAILURE_VIEW = "pswhub.core.views.csrf_failure"

# --- Background tasks ----------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- E-mail ------------------------------------------------------------------------------------
# EMAIL_BACKEND picks the backend: console (default), smtp, or file (for a trial without a mail
# server). SMTP is configured with EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD and
# EMAIL_USE_TLS.
_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
}


def mailers_from_env(default="console"):
    name = os.environ.get("EMAIL_BACKEND") or default
    backend = _EMAIL_BACKENDS.get(name, name)
    options = {}
    if backend.endswith("smtp.EmailBackend"):
        options = {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS"),
        }
    elif backend.endswith("filebased.EmailBackend"):
        options = {"file_path": os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))}
    return {"default": {"BACKEND": backend, "OPTIONS": options}}


MAILERS = mailers_from_env()
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "pswhub@localhost")

# --- PSW Hub ---------------------------------------------------------------------------------
PSWHUB_COUNCIL_NAME = os.environ.get("PSWHUB_COUNCIL_NAME", "")
# The council's logo (a PNG or JPEG file) for the annual report's title block and Word header.
PSWHUB_COUNCIL_LOGO = os.environ.get("PSWHUB_COUNCIL_LOGO", "")
# Counts below this are shown as "c" (disclosure control).
PSWHUB_SUPPRESSION_THRESHOLD = int(os.environ.get("PSWHUB_SUPPRESSION_THRESHOLD", "5"))
# Survey groups smaller than this show nothing at all (health check, ADR 0601); never below 5.
PSWHUB_SURVEY_THRESHOLD = int(os.environ.get("PSWHUB_SURVEY_THRESHOLD", "10"))
PSWHUB_CREATE_DEMO_ACCOUNTS = False
# Case audits: the share (per cent) of submitted audits sent to a moderator; every Inadequate goes too.
PSWHUB_AUDIT_MODERATION_SHARE = int(os.environ.get("PSWHUB_AUDIT_MODERATION_SHARE", "10"))
# Committee actions: owners are reminded, and see them on their home page, this many days ahead.
PSWHUB_ACTION_REMINDER_DAYS = int(os.environ.get("PSWHUB_ACTION_REMINDER_DAYS", "14"))
# The retention schedule (pswhub/core/retention.py): PSWHUB_RETENTION_<RULE>_DAYS overrides how many
# days a rule keeps its records, e.g. PSWHUB_RETENTION_RECORD_VIEWS_DAYS=2555.
PSWHUB_RETENTION = {
    name.removeprefix("PSWHUB_RETENTION_").removesuffix("_DAYS").lower(): int(value)
    for name, value in os.environ.items()
    if name.startswith("PSWHUB_RETENTION_") and name.endswith("_DAYS")
}
# The address people reach PSW Hub at (https://pswhub.example.gov.uk), for links in e-mails sent in
# the background, where there is no request to take it from. Blank: e-mails give the page's path only.
PSWHUB_SITE_URL = os.environ.get("PSWHUB_SITE_URL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "refusals_on_one_line": {
            "()": "django.utils.log.CallbackFilter",
            "callback": "ext://pswhub.core.logs.refusals_on_one_line",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.csrf": {"level": "WARNING"},
        # 403s and other refusals as one line each (pswhub/core/logs.py).
        "django.request": {"filters": ["refusals_on_one_line"]},
        # WeasyPrint reports each step of making a PDF at INFO; only its warnings matter here.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
