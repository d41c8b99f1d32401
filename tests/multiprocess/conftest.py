import pytest

from .deployment import (
    CREATE_PEOPLE,
    GUNICORN,
    MANAGE,
    REPO,
    Database,
    Deployment,
    free_port,
    production_environment,
    run_manage,
    start,
    stop,
    wait_until_serving,
)


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("deployment")
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    database = Database(tmp_path)
    processes = []
    try:
        env = production_environment(database, tmp_path, mail_dir)
        run_manage(env, "migrate", "--no-input", "-v", "0")
        run_manage(env, "createcachetable")
        run_manage(env, "shell", "--no-imports", stdin=CREATE_PEOPLE)

        deployment = Deployment(database=database, web=[], mail_dir=mail_dir)
        for number in (1, 2):
            port = free_port()
            name = f"web{number}"
            deployment.logs[name] = tmp_path / f"{name}.log"
            web_env = {
                **env,
                "PSWHUB_BIND": f"127.0.0.1:{port}",
                "WEB_CONCURRENCY": "1",
                "PSWHUB_WEB_LOG_LEVEL": "warning",
            }
            command = [GUNICORN, "-c", str(REPO / "config" / "gunicorn.py"), "config.wsgi:application"]
            processes.append(start(command, web_env, deployment.logs[name]))
            deployment.web.append(f"http://127.0.0.1:{port}")
        deployment.logs["worker"] = tmp_path / "worker.log"
        processes.append(
            start([*MANAGE, "db_worker", "--no-startup-delay", "--interval", "0.2"], env, deployment.logs["worker"])
        )
        for base_url, process, name in zip(deployment.web, processes, ("web1", "web2"), strict=False):
            wait_until_serving(base_url, process, deployment.logs[name])
        yield deployment
    finally:
        for process in processes:
            stop(process)
        database.drop()
