"""The sandbox (sync/sandbox) loads the generated state file and computes the same figures from it."""

import json
from datetime import datetime, timezone
from decimal import Decimal

from recon.demo import generate_demo


def test_the_sandbox_loads_the_state_and_agrees_on_every_computed_figure(tmp_path):
    from sync.sandbox import statefile

    paths = generate_demo(tmp_path / "demo", seed=3, size=0.3)
    mine = json.loads(paths.xero_state.read_text(encoding="utf-8"), parse_float=Decimal)["organisations"][0]
    loaded_at = datetime(2026, 11, 1, tzinfo=timezone.utc)
    state = statefile.load_state(statefile.read_state_file(paths.xero_state), loaded_at)
    organisation = next(iter(state.organisations.values()))
    checks = [("Invoices", "InvoiceID", ("SubTotal", "TotalTax", "Total", "AmountPaid", "AmountCredited", "AmountDue",
                                         "Status")),
              ("CreditNotes", "CreditNoteID", ("Total", "RemainingCredit", "Status")),
              ("Overpayments", "OverpaymentID", ("Total", "RemainingCredit", "Status"))]
    for entity, key, fields in checks:
        loaded = organisation.table(entity).records
        assert len(loaded) == len(mine[entity])
        for record in mine[entity]:
            theirs = loaded[record[key]]
            for field in fields:
                assert str(theirs[field]) == str(record[field]) or Decimal(str(theirs[field])) == record[field], (
                    entity, field, record[key])
