"""Free text is shown as it was typed: paragraphs and line breaks kept, everything escaped."""

from pswhub.core.presenters import paragraphs, text_html


def test_blank_lines_make_paragraphs_and_single_breaks_stay_line_breaks():
    typed = "Turnover below 12%\r\nAgency rate below 10%\r\n\r\nAudits: 70% good or better"
    assert paragraphs(typed) == ["Turnover below 12%\nAgency rate below 10%", "Audits: 70% good or better"]
    assert str(text_html(typed)) == (
        '<p class="govuk-body">Turnover below 12%<br>Agency rate below 10%</p>'
        '<p class="govuk-body">Audits: 70% good or better</p>'
    )


def test_free_text_is_escaped():
    assert str(text_html("<script>alert(1)</script>\nx & y")) == (
        '<p class="govuk-body">&lt;script&gt;alert(1)&lt;/script&gt;<br>x &amp; y</p>'
    )


def test_no_text_says_so():
    assert str(text_html("  \n ")) == '<p class="govuk-body govuk-hint">Not recorded</p>'
    assert str(text_html(None, empty="No notes")) == '<p class="govuk-body govuk-hint">No notes</p>'
