import csv
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from reports.exports import Column, Table, neutralise, write_csv, write_xlsx

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DANGEROUS = ["=SUM(A1:A9)", "+61 412 345 678", "-2+3", "@cmd", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://evil\",\"x\")"]
COLUMNS = [Column("name", "Customer"), Column("amount", "Amount"), Column("when", "Date"), Column("confidence", "Confidence")]


@dataclass(frozen=True)
class Finding:
    name: str
    amount: Decimal
    when: date
    confidence: float


def rows():
    return [Finding(text, Decimal("-1234.56"), date(2026, 3, 7), 0.97) for text in DANGEROUS] + [
        {"name": "Jane O'Brien", "amount": Decimal("0.10"), "when": date(2026, 3, 8), "confidence": None}
    ]


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_looking_text_gets_a_leading_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Jane Smith", "O'Brien", "1234.56", " =not first", "", "Café = good"])
def test_other_text_is_unchanged(text):
    assert neutralise(text) == text


def test_csv_neutralises_text_but_keeps_numbers_exact(tmp_path):
    path = tmp_path / "findings.csv"
    write_csv(path, Table("Findings", COLUMNS, rows()))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # so Excel reads UTF-8
    with open(path, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == ["Customer", "Amount", "Date", "Confidence"]
    assert [row[0] for row in table[1:]] == ["'" + text for text in DANGEROUS] + ["Jane O'Brien"]
    assert table[1][1:] == ["-1234.56", "2026-03-07", "0.97"]  # a negative amount is a number, not text
    assert table[-1][1:] == ["0.10", "2026-03-08", ""]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in table for cell in row[:1])


def test_csv_leaves_no_temporary_file_behind(tmp_path):
    write_csv(tmp_path / "findings.csv", Table("Findings", COLUMNS, rows()))
    assert [p.name for p in tmp_path.iterdir()] == ["findings.csv"]


def read_xlsx(path, sheet=1) -> list[dict]:
    """Each cell of a sheet as {ref, type, value, formula}, from the raw XML."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            shared = ["".join(si.itertext()) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(f"{MAIN}si")]
        root = ET.fromstring(z.read(f"xl/worksheets/sheet{sheet}.xml"))
    cells = []
    for c in root.iter(f"{MAIN}c"):
        kind, v = c.get("t"), c.find(f"{MAIN}v")
        if kind == "s":
            value = shared[int(v.text)]
        elif kind == "inlineStr":
            value = "".join(c.find(f"{MAIN}is").itertext())
        else:
            value = v.text if v is not None else None
        if kind in ("s", "inlineStr"):  # OOXML writes control characters as _xHHHH_
            value = re.sub(r"_x([0-9A-F]{4})_", lambda m: chr(int(m.group(1), 16)), value)
        cells.append({"ref": c.get("r"), "type": kind, "value": value, "formula": c.find(f"{MAIN}f")})
    return cells


def test_xlsx_holds_no_formulas_and_neutralised_text(tmp_path):
    path = tmp_path / "findings.xlsx"
    write_xlsx(path, [Table("Findings", COLUMNS, rows())])
    cells = read_xlsx(path)
    assert all(cell["formula"] is None for cell in cells)
    names = [cell["value"] for cell in cells if cell["ref"].startswith("A")]
    assert names == ["Customer"] + ["'" + text for text in DANGEROUS] + ["Jane O'Brien"]


def test_xlsx_money_is_a_number_that_reads_back_exactly(tmp_path):
    amounts = [Decimal(a) for a in ["-1234.56", "0.10", "0.01", "9999999999999.99", "-0.07", "1000000.05"]]
    path = tmp_path / "money.xlsx"
    write_xlsx(path, [Table("Money", [Column("amount", "Amount")], [{"amount": a} for a in amounts])])
    cells = [c for c in read_xlsx(path) if c["ref"] != "A1"]
    assert all(c["type"] is None for c in cells)  # numbers, not text
    assert [Decimal(repr(float(c["value"]))) for c in cells] == amounts
    with zipfile.ZipFile(path) as z:
        assert "#,##0.00" in z.read("xl/styles.xml").decode()


def test_xlsx_refuses_an_amount_excel_cannot_hold_exactly(tmp_path):
    with pytest.raises(ValueError):
        write_xlsx(tmp_path / "big.xlsx", [Table("Money", [Column("amount", "Amount")], [{"amount": Decimal("99999999999999.99")}])])


def test_xlsx_writes_one_sheet_per_table(tmp_path):
    path = tmp_path / "book.xlsx"
    when = datetime(2026, 3, 7, 9, 15, tzinfo=timezone.utc)
    write_xlsx(path, [Table("Duplicates", COLUMNS, rows()), Table("Problems", [Column("at", "When")], [{"at": when}])])
    assert [c["value"] for c in read_xlsx(path, sheet=2)] == ["When", "2026-03-07T09:15:00+00:00"]


def test_exports_refuse_values_they_cannot_write_faithfully(tmp_path):
    with pytest.raises(TypeError):
        write_csv(tmp_path / "x.csv", Table("X", [Column("v", "V")], [{"v": object()}]))
    assert list(tmp_path.iterdir()) == []
