"""Browser tests: a real Chromium (Debian's /usr/bin/chromium, driven by Playwright) against
Django's live server, with axe-core checking every page against WCAG 2.2 AA.

One browser serves the whole run; each test gets a fresh browser context (no cookies carried
over) and a freshly loaded database. Every test in this folder carries the `browser` marker, so
`pytest -m "not browser"` leaves them out."""

import os
import re
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connections
from playwright.sync_api import expect, sync_playwright

from pswhub.core import roles
from pswhub.core.demo import DEMO_PASSWORD, demo_data_load
from pswhub.core.tests.factories import AuthorityFactory, UserFactory, current_totp_code, give_authenticator_app

# Playwright's sync API runs an event loop in the test thread; Django refuses database access from
# a thread with a running loop unless told it is safe, which it is here (one thread, no awaits).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

HERE = Path(__file__).resolve().parent
AXE_SOURCE_PATH = HERE.parents[1] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The password factories give every test person (see the personas in the top-level conftest.py).
PASSWORD = "correct-horse-battery"
# The address of the home page, whatever port the live server has.
HOME = re.compile(r"^http://[^/]+/$")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Rules run beside the WCAG ones: every part of a page sits in a landmark (a back link too), so a
# screen reader user moving by landmarks misses nothing.
EXTRA_RULES = ["region"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


# --- Fixtures --------------------------------------------------------------------------------


_running = {}


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run. Test modules elsewhere may import this fixture; every copy
    shares the same browser, as Playwright's sync API allows only one instance per thread."""
    if "browser" not in _running:
        _running["playwright"] = sync_playwright().start()
        _running["browser"] = _running["playwright"].chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield _running["browser"]
    if "browser" in _running:
        _running.pop("browser").close()
        _running.pop("playwright").stop()


@pytest.fixture(scope="session")
def serialized_database(django_db_setup):
    """The reference data (roles, grade scale, audit tools) as the test database was created."""
    return getattr(connections["default"], "_test_serialized_contents", None)


@pytest.fixture
def reference_data_restored(serialized_database, browser):
    # Once Playwright's event loop runs, Django hands out a new connection object in its context.
    # When the test database was created before that (as it is when other tests run first), the
    # new object has not got the serialized reference data, and serialized rollback would flush
    # the roles and the audit tools away. Give it the same data.
    connection = connections["default"]
    if serialized_database is not None and not hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = serialized_database


@pytest.fixture
def page(browser, live_server, django_db_serialized_rollback):
    """A new browser tab pointed at the live server, with no cookies. Each test starts from the
    database as migrations left it (reference data such as roles included), and from an empty
    cache so sign-in rate limits and used authenticator codes do not leak between tests.

    Fails the test if the page raised a JavaScript error or the browser blocked something under
    the Content Security Policy."""
    cache.clear()
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    problems = []
    tab.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    tab.on("console", lambda message: _console_problem(message, problems))
    tab.on("response", lambda response: _response_problem(response, problems))
    yield tab
    context.close()
    assert not problems, "The browser reported problems:\n" + "\n".join(problems)


def _console_problem(message, problems):
    # A 403 or 404 page is itself logged as a failed load; failed resources are caught below.
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        problems.append(f"Console error: {message.text}")


def _response_problem(response, problems):
    if response.request.resource_type != "document" and response.status >= 400:
        problems.append(f"{response.status} for {response.request.resource_type} {response.url}")


@pytest.fixture
def demo_council(page):
    """The demo council with its named accounts (demo-psw, demo-manager, demo-admin ...). Loading
    it takes seconds, so only the tests that need a full council use it."""
    return demo_data_load(create_accounts=True)


@pytest.fixture
def council(page):
    return AuthorityFactory()


@pytest.fixture
def admin_with_app(council):
    """An administrator who has already set up their authenticator app: (user, secret)."""
    admin = UserFactory(username="admin", first_name="Ada", last_name="Mensah", roles=[roles.ADMIN])
    return admin, give_authenticator_app(admin)


# --- Helpers ---------------------------------------------------------------------------------

_axe_source = None


def assert_no_axe_violations(page):
    """Runs axe-core on the page as it is now and fails with a readable list of every WCAG 2.0,
    2.1 and 2.2 A/AA violation it finds."""
    global _axe_source
    if _axe_source is None:
        _axe_source = AXE_SOURCE_PATH.read_text(encoding="utf-8")
    # Evaluated through the DevTools protocol rather than a <script> tag, so the page's Content
    # Security Policy stays exactly as users get it.
    page.evaluate(_axe_source)
    results = page.evaluate(
        """async ([tags, extra]) => await axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            rules: Object.fromEntries(extra.map((rule) => [rule, {enabled: true}])),
            resultTypes: ['violations'],
        })""",
        [WCAG_TAGS, EXTRA_RULES],
    )
    violations = results["violations"]
    if violations:
        lines = [f"axe found {len(violations)} violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"]:
                lines.append(f"    at {', '.join(str(target) for target in node['target'])}")
                if node.get("failureSummary"):
                    lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
        pytest.fail("\n".join(lines), pytrace=False)


def assert_no_escaped_markup(page):
    """Fails if the page shows HTML as text, as a table cell does when markup is escaped twice."""
    text = page.locator("main").inner_text()
    shown = [fragment for fragment in ("<a ", "</a>", "<span", "&lt;", "&amp;") if fragment in text]
    assert not shown, f"{page.url} shows markup as text: {shown}"


def sign_in(page, username, password=DEMO_PASSWORD, totp_secret=None):
    """Signs in through the sign-in page as a person would. With `totp_secret`, also answers the
    authenticator app step that follows for someone who has set one up."""
    page.goto("/accounts/login/")
    page.fill("#id_login", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Sign in").click()
    if totp_secret is not None:
        expect(page.get_by_role("heading", level=1)).to_have_text("Enter the code from your authenticator app")
        enter_authenticator_code(page, totp_secret, button="Continue")


def enter_authenticator_code(page, secret, *, button):
    page.fill("#id_code", fresh_totp_code(secret))
    page.get_by_role("button", name=button).click()


def fresh_totp_code(secret):
    """The code an authenticator app shows now, waiting for the next one if this one is about to
    expire (PSW Hub allows no clock drift, so a code must arrive within its 30 seconds)."""
    if time.time() % 30 > 27:
        time.sleep(30 - time.time() % 30 + 0.2)
    return current_totp_code(secret)


def wrong_totp_code(secret):
    """A code that is not the one the authenticator app shows now."""
    return f"{(int(current_totp_code(secret)) + 1) % 1_000_000:06d}"


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def go_to(page, area, label=None):
    """Opens an area from the service navigation and, when `label` names one of its pages, that
    page from the area's own navigation (areas with one page for the user have none)."""
    with page.expect_navigation():
        page.get_by_role("navigation", name="Main").get_by_role("link", name=area, exact=True).click()
    if label is not None:
        area_pages = page.get_by_role("navigation", name=area, exact=True)
        if area_pages.count():
            area_pages.get_by_role("link", name=label, exact=True).click()


def fill_date(page, legend, day):
    """Types a date into the GOV.UK date input whose fieldset's legend is `legend`."""
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def heading(page):
    return page.get_by_role("heading", level=1)


def error_summary(page):
    return page.locator(".govuk-error-summary")


def set_up_authenticator_app(page, password=DEMO_PASSWORD):
    """Does what a person with a phone would on the way to 'Set up an authenticator app': confirms
    their password if asked, reads the secret key, types in the code their app shows and turns it
    on. Returns the secret."""
    expect(heading(page)).to_have_text(re.compile("^(Confirm it is you|Set up an authenticator app)$"))
    if heading(page).inner_text().strip() == "Confirm it is you":
        page.fill("#id_password", password)
        page.get_by_role("button", name="Continue").click()
    expect(heading(page)).to_have_text("Set up an authenticator app")
    secret = page.locator("#authenticator-secret").inner_text().strip()
    enter_authenticator_code(page, secret, button="Turn on")
    expect(heading(page)).to_have_text("Your recovery codes")
    return secret


def assert_error_summary_links_move_focus(page):
    """Follows each link of the page's error summary in turn and fails unless it moves focus to a
    field: the element its address names, or (for a date or a group of radios) a field inside it."""
    links = page.locator(".govuk-error-summary a")
    for index in range(links.count()):
        link = links.nth(index)
        href, text = link.get_attribute("href"), link.inner_text()
        assert href and href.startswith("#") and len(href) > 1, f"{page.url}: '{text}' links to {href!r}"
        link.click()
        focused = page.evaluate(
            """(id) => {
                const target = document.getElementById(id);
                const active = document.activeElement;
                return Boolean(target && active && active !== document.body
                    && (active === target || target.contains(active))
                    && ['INPUT', 'SELECT', 'TEXTAREA'].includes(active.tagName));
            }""",
            href[1:],
        )
        assert focused, f"{page.url}: '{text}' did not move focus to a field ({href})"
