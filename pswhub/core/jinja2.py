"""The Jinja2 environment every page is rendered with: GOV.UK Frontend macros, URL reversing,
static files, permission checks and the display filters of `presenters`."""

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader
from markupsafe import Markup

from . import presenters
from .charts import chart_svgs, chart_table
from .forms_render import field_component, form_error_list


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def can(user, permission, obj=None):
    return user.has_perm(permission, obj)


def chart(data, element_id):
    # chart_svg escapes every text it draws from the data.
    return Markup(chart_svgs(data, element_id=element_id))  # noqa: S704


def environment(**options):
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    env = Environment(**options)  # noqa: S701 (autoescape is on in the TEMPLATES options)
    env.globals.update(
        url=url,
        static=static,
        can=can,
        get_messages=get_messages,
        field_component=field_component,
        form_error_list=form_error_list,
        chart=chart,
        chart_table=chart_table,
    )
    env.filters.update(presenters.FILTERS)
    return env
