import pytest

from tests.browser import Chromium  # the repository root is on sys.path (pyproject: pythonpath)


@pytest.fixture(scope="session")
def chromium():
    with Chromium() as browser:
        yield browser


@pytest.fixture
def open_report(chromium):
    """`open_report(path, javascript=True) -> ReportPage`: the report loaded in headless Chromium,
    offline; its page is closed after the test."""
    opened = []

    def open_(path, **options):
        report = chromium.open_report(path, **options)
        opened.append(report)
        return report

    yield open_
    for report in opened:
        report.page.close()
