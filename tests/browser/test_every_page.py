"""Every page each persona can reach, filled (the demo council's data), in error (each form sent
with its text fields emptied) and empty (a council with nothing yet), is free of WCAG 2.2 AA
violations and has every part inside a landmark; every error-summary link moves focus to its
field; and no main page of any persona scrolls sideways on a 375 px phone screen.

The demo council is loaded once. Each persona has a browser context of its own: they sign in,
open each page of their navigation (core.navigation.pages_for), then each page those link to, one
address of each kind (/audits/12/ stands for every audit), then send each form they found, and
last open their navigation's pages again at 375 px wide. A kind of linked page or form already
checked for an earlier persona is not checked again, which keeps the run to minutes."""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from pswhub.core import roles
from pswhub.core.demo import PERSONAS
from pswhub.core.models import User
from pswhub.core.navigation import pages_for
from pswhub.core.tests.factories import AuthorityFactory, UserFactory

from .conftest import (
    PASSWORD,
    _console_problem,
    _response_problem,
    assert_error_summary_links_move_focus,
    assert_no_axe_violations,
    heading,
    set_up_authenticator_app,
    sign_in,
)

USERNAMES = [username for username, *_ in PERSONAS]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
# Addresses a person follows to a file or away from the page, not to another page.
NOT_A_PAGE = re.compile(r"(\.csv|\.docx|\.pdf|\.xlsx|\.zip|/download|/files/|/logout|/login)", re.IGNORECASE)
FIELDS = "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=image]), select, textarea"
TEXT_TYPES = {"text", "number", "email", "search", "tel", "url", "password", "date", ""}
# Set PSWHUB_SCREENSHOTS to a folder to keep a picture of each main page at 375 px.
SCREENSHOTS = os.environ.get("PSWHUB_SCREENSHOTS")


def shape(address):
    """An address with its numbers as N: one page of each kind is enough."""
    parts = urlsplit(address)
    return re.sub(r"\d+", "N", parts.path) + ("?" + re.sub(r"\d+", "N", parts.query) if parts.query else "")


@pytest.fixture
def persona_tab(browser, live_server):
    """A browser context of its own for each persona, failing on what the page fixture fails on."""
    opened = []

    def open_tab():
        context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport=DESKTOP)
        context.set_default_timeout(15_000)
        tab = context.new_page()
        problems = []
        tab.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
        tab.on("console", lambda message: _console_problem(message, problems))
        tab.on("response", lambda response: _response_problem(response, problems))
        opened.append((context, problems))
        return tab, problems

    yield open_tab
    for context, _problems in opened:
        context.close()


def test_every_page_of_every_persona_filled_in_error_and_on_a_phone(page, demo_council, persona_tab, subtests):
    checked = {"pages": set(), "forms": set()}
    for username in USERNAMES:
        user = User.objects.get(username=username)
        tab, problems = persona_tab()
        sign_in(tab, username)
        if username == "demo-admin":
            set_up_authenticator_app(tab)
        expect(tab.get_by_role("navigation", name="Main")).to_be_visible()
        walk(tab, user, subtests, checked)
        with subtests.test(persona=username, check="no JavaScript or CSP problems"):
            assert not problems, "\n".join(problems)


def walk(tab, user, subtests, checked):
    main_pages = [item["href"] for item in pages_for(user)]
    seen, forms, linked = checked["pages"], [], []

    def visit(address):
        seen.add(shape(address))
        with subtests.test(persona=user.username, page=address, state="filled"):
            response = tab.goto(address)
            assert response.status == 200, f"{address} answered {response.status}"
            expect(heading(tab)).to_be_visible()
            assert_no_axe_violations(tab)
            for index, form in enumerate(tab.locator("main form").all()):
                method = (form.get_attribute("method") or "get").lower()
                key = (shape(address), index)
                fields = form.locator(FIELDS).all()
                if method == "post" and key not in checked["forms"] and any(field.is_visible() for field in fields):
                    checked["forms"].add(key)
                    forms.append((address, index))
            for link in tab.locator("main a[href^='/']").all():
                href = link.get_attribute("href")
                if link.get_attribute("download") is None and not NOT_A_PAGE.search(href) and shape(href) not in seen:
                    seen.add(shape(href))
                    linked.append(href)

    # (filled) each page of their navigation, then one page of each kind those link to
    for address in dict.fromkeys(["/", *main_pages]):
        visit(address)
    for address in linked:
        visit(address)

    # (error) each form sent with its text fields emptied
    for address, index in forms:
        with subtests.test(persona=user.username, page=address, form=index, state="error"):
            send_emptied(tab, address, index)

    # (375 px) the main pages fit a phone screen
    tab.set_viewport_size(PHONE)
    for address in dict.fromkeys(["/", *main_pages]):
        with subtests.test(persona=user.username, page=address, width=PHONE["width"]):
            tab.goto(address)
            tab.wait_for_load_state("load")
            widest = tab.evaluate("document.documentElement.scrollWidth")
            if SCREENSHOTS:
                name = f"{user.username}{address.replace('/', '_')}.png"
                tab.screenshot(path=str(Path(SCREENSHOTS) / name), full_page=True)
            assert widest <= PHONE["width"], f"{address} is {widest}px wide at {PHONE['width']}px"
    tab.set_viewport_size(DESKTOP)


def send_emptied(tab, address, index):
    tab.goto(address)
    form = tab.locator("main form").nth(index)
    for field in form.locator("input, textarea").all():
        kind = (field.get_attribute("type") or "").lower()
        if field.is_visible() and field.is_editable() and kind in TEXT_TYPES:
            field.fill("")
    button = form.locator("button:not([type=button]), input[type=submit]").first
    with tab.expect_navigation() as sent:
        button.click()
    assert sent.value.status < 500, f"{address} answered {sent.value.status}"
    assert_no_axe_violations(tab)
    summary = tab.locator(".govuk-error-summary")
    if summary.count():
        expect(summary).to_be_focused()
        assert_error_summary_links_move_focus(tab)


@pytest.fixture
def new_council(page):
    """A council that has just started: an authority and one person in each role, nothing else."""
    AuthorityFactory(name="Newshire Council")
    for code, _name, _description in roles.ROLES:
        if code != roles.ADMIN:
            UserFactory(username=f"new-{code}", roles=[code], password=PASSWORD)


def test_every_page_of_every_role_in_a_council_with_nothing_yet(page, new_council, subtests):
    """(empty) Each role's navigation pages before anything is recorded."""
    for user in User.objects.filter(username__startswith="new-").order_by("username"):
        page.context.clear_cookies()
        sign_in(page, user.username, password=PASSWORD)
        for item in pages_for(user):
            with subtests.test(role=user.username, page=item["href"], state="empty"):
                response = page.goto(item["href"])
                assert response.status == 200, f"{item['href']} answered {response.status}"
                expect(heading(page)).to_be_visible()
                assert_no_axe_violations(page)


def test_every_error_summary_link_of_starting_an_audit_moves_focus_to_its_field(page, council, north_team):
    """The start-an-audit form has a group of radios (the tool), a text field and a select: each
    link of its error summary, the radios' included, takes the person to the field."""
    from pswhub.audits.forms import CHOOSE_TOOL

    UserFactory(username="psw", first_name="Priya", roles=[roles.PSW, roles.AUDITOR], password=PASSWORD)
    sign_in(page, "psw", password=PASSWORD)
    page.goto("/audits/start/")
    page.get_by_role("button", name="Start the audit").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    tool = summary.get_by_role("link", name=CHOOSE_TOOL)
    first_radio = page.get_by_role("group", name="Audit tool").get_by_role("radio").first
    expect(tool).to_have_attribute("href", "#" + first_radio.get_attribute("id"))
    assert_error_summary_links_move_focus(page)
    tool.click()
    expect(first_radio).to_be_focused()
    assert_no_axe_violations(page)
