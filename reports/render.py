"""The jinja2 environment every report renders through.

Autoescape is on for every template and undefined names fail loudly (StrictUndefined), so a
customer called `<script>` is shown as text and a misspelt field is an error, not a blank cell.
The only script a report carries is `static/report.js`; its hash goes into the page's
Content-Security-Policy, so no other script (and no network request) can run even if something
slipped past escaping.
"""

import base64
import hashlib
import os
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from reports import formatting
from reports.atomic import atomic_path

SCRIPT = (files("reports") / "static" / "report.js").read_text(encoding="utf-8")
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")

FILTERS = {
    "money": formatting.money,
    "negative": formatting.is_negative,
    "count": formatting.count,
    "percent": formatting.percent,
    "day": formatting.day,
    "month": formatting.month,
    "timestamp": formatting.timestamp,
}


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.globals["report_script"] = Markup(SCRIPT)  # our own file, not data
    env.globals["report_script_hash"] = SCRIPT_HASH
    return env


ENVIRONMENT = _environment()


def render_html(template_name: str, **context) -> str:
    return ENVIRONMENT.get_template(template_name).render(**context)


def write_report(path: Path, html: str) -> None:
    """Write the report atomically, readable by everyone who can read its folder (0644)."""
    with atomic_path(path) as temporary:
        temporary.write_text(html, encoding="utf-8")
        os.chmod(temporary, 0o644)
