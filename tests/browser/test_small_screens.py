"""On a phone-sized screen (375 pixels wide, WCAG 1.4.10 Reflow), no page of the PSW's navigation
is wider than the screen: wide tables scroll sideways inside their own region, which keyboard and
screen reader users can reach by its name."""

from playwright.sync_api import expect

from pswhub.core.models import User
from pswhub.core.navigation import pages_for

from .conftest import assert_no_axe_violations, heading, sign_in

PHONE = {"width": 375, "height": 812}


def test_every_page_of_the_psw_fits_a_phone_screen(page, demo_council, subtests):
    page.set_viewport_size(PHONE)
    sign_in(page, "demo-psw")
    expect(heading(page)).to_have_text("Hello, Priya")

    for item in pages_for(User.objects.get(username="demo-psw")):
        with subtests.test(page=item["text"]):
            page.goto(item["href"])
            page.wait_for_load_state("load")
            widest = page.evaluate("document.documentElement.scrollWidth")
            assert widest <= PHONE["width"], f"{item['text']} is {widest}px wide"
            for region in page.locator(".app-table-scroll[role=region]").all():
                expect(region).to_have_attribute("tabindex", "0")
                assert region.get_attribute("aria-label").endswith("(scrolls sideways)")
            assert_no_axe_violations(page)


def test_a_wide_table_scrolls_in_a_region_named_after_its_caption(page, demo_council):
    page.set_viewport_size(PHONE)
    sign_in(page, "demo-psw")

    page.goto("/staff/")

    region = page.locator(".app-table-scroll[role=region]").first
    expect(region).to_have_attribute("tabindex", "0")
    assert region.get_attribute("aria-label").endswith("(scrolls sideways)")
    region.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("element => element.scrollLeft > 0", arg=region.element_handle())
