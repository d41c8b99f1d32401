"""gunicorn settings for PSW Hub: `gunicorn -c config/gunicorn.py config.wsgi:application`.

Each value can be overridden from the environment, so one file serves one small server and many
web processes behind a load balancer alike (docs/deployment.md)."""

import os

# Listen on loopback only: nginx (or the council's load balancer) terminates TLS in front.
bind = os.environ.get("PSWHUB_BIND", "127.0.0.1:8000")

# Sessions, the cache and rate limits live in the database, so every worker and every web process
# is interchangeable. Two sync workers per core suit pages that wait on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1))))
worker_class = "sync"
timeout = int(os.environ.get("PSWHUB_WEB_TIMEOUT", "60"))
graceful_timeout = 30
# Recycle workers now and then so that a slow leak never grows without bound.
max_requests = int(os.environ.get("PSWHUB_WEB_MAX_REQUESTS", "2000"))
max_requests_jitter = 200

# Only the proxy on this machine may say the request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = os.environ.get("PSWHUB_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("PSWHUB_WEB_LOG_LEVEL", "info")
