import pytest
from problem_books import Books


@pytest.fixture
def books():
    b = Books()
    yield b
    b.con.close()
