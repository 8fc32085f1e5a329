"""`generate_demo`: the Pet Manager export, the sandbox Xero organisation and the labelled truth, from a seed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from recon.demo import patterns as P
from recon.demo.bookings import generate_sales
from recon.demo.bookkeeping import record_bookkeeping
from recon.demo.books import PetManagerBooks
from recon.demo.chart import Chart
from recon.demo.customers import generate_customers, generate_pets
from recon.demo.export_writer import write_export
from recon.demo.guids import Guids
from recon.demo.hand_entry import Accountant
from recon.demo.problems import record_problems
from recon.demo.synced import SyncedSince
from recon.demo.takings import record_trading
from recon.demo.traps import Traps
from recon.demo.truth import Truth
from recon.demo.xero_book import XeroBook
from recon.demo.xero_state import state, write_state

CUSTOMERS_AT_SIZE_1 = 300
DEMO_CLIENT_ID = "recon-demo-client"


@dataclass(frozen=True)
class DemoPaths:
    petmanager: Path  # the export folder
    xero_state: Path  # the sandbox state file
    truth: Path  # the labelled truth


def generate_demo(out_dir: Path, *, seed: int = 7, size: float = 1.0, contact_names: str = "standard") -> DemoPaths:
    """Write the demo into `out_dir`; the same seed and size always give the same bytes.
    `contact_names="extra"` (evaluation only) types hand-made contacts' names in more ways
    (patterns.EXTRA_CONTACT_NAMES) and half of them without FirstName and LastName."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = DemoPaths(out_dir / "petmanager", out_dir / "xero_state.json", out_dir / "truth.json")

    def rng(purpose: str) -> random.Random:
        return random.Random(f"{seed}:{purpose}")

    customers = generate_customers(rng("customers"), max(12, round(CUSTOMERS_AT_SIZE_1 * size)))
    books = PetManagerBooks(customers, generate_pets(rng("pets"), customers))
    record_trading(rng("takings"), books, generate_sales(rng("sales"), customers))
    write_export(paths.petmanager, books)

    guids = Guids(seed)
    chart = Chart(guids, tenant_id=guids())
    book = XeroBook(guids, chart)
    truth = Truth()
    suppliers = record_bookkeeping(rng("bookkeeping"), book, books)
    SyncedSince(book, books, truth, suppliers).run()
    extra = contact_names == "extra"
    accountant = Accountant(rng("hand entry"), book, books, truth,
                            P.EXTRA_CONTACT_NAMES if extra else P.CONTACT_NAMES, person_fields=not extra)
    accountant.run()
    Traps(rng("traps"), book, books, truth, accountant, size).run()
    book.settle()
    record_problems(book, books, truth)
    write_state(paths.xero_state, state(chart, book, DEMO_CLIENT_ID, client_secret=guids().replace("-", "")))
    truth.write(paths.truth)
    return paths
