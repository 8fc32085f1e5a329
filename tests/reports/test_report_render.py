import base64
import hashlib
import re
import stat

import pytest
from jinja2 import UndefinedError
from report_samples import HOSTILE, hostile_notes, snapshot_data

from reports.render import ENVIRONMENT, render_html, write_report
from reports.snapshot import render_snapshot_report


def test_every_template_autoescapes_and_fails_on_undefined_names():
    assert ENVIRONMENT.autoescape is True
    assert ENVIRONMENT.from_string("{{ name }}").render(name="<b>&'\"") == "&lt;b&gt;&amp;&#39;&#34;"
    with pytest.raises(UndefinedError):
        render_html("snapshot.html")


def test_hostile_text_is_escaped_everywhere():
    html = render_snapshot_report(snapshot_data(business=HOSTILE[0], notes=hostile_notes(40)))
    for text in HOSTILE:
        if any(c in text for c in "<>&\"'"):
            assert text not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7 * 7 }}" in html  # data is never a template
    assert len(re.findall(r"<script\b", html)) == 1  # ours, and only ours
    assert not re.search(r"<img\b", html)


def test_the_only_script_is_the_one_the_content_security_policy_allows():
    html = render_snapshot_report(snapshot_data())
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in policy
    assert f"script-src 'sha256-{digest}'" in policy


def test_the_report_refers_to_nothing_outside_itself():
    html = render_snapshot_report(snapshot_data())
    html = html.replace('xmlns="http://www.w3.org/2000/svg"', "")  # a namespace name, never fetched
    assert not re.search(r"https?://|//[a-z]|url\(|@import|@font-face", html, re.I)
    assert set(re.findall(r'(?:src|href)="([^"]*)"', html)) <= {"#glance", "#records", "#months", "#notes"}


def test_write_report_replaces_the_file_atomically_and_readably(tmp_path):
    path = tmp_path / "report.html"
    write_report(path, "<p>old</p>")
    write_report(path, "<p>new</p>")
    assert path.read_text(encoding="utf-8") == "<p>new</p>"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
