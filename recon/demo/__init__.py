"""The demo business, generated from a seed: `generate_demo(out_dir, seed=7, size=1.0) -> DemoPaths`.

The story. Paws & Claws Pet Resort (Dural and Kellyville, NSW) has run on Pet Manager since July
2024: a few hundred customers and their pets, boarding with Stripe deposits and balances at
pick-up, weekly daycare billed every Monday at the same amount, grooming, puppy school, retail,
rescues on tax-exclusive monthly accounts, credit notes, prepaid daycare credit and refunds.

Its Xero organisation is older. An accountant keeps the bills (rent, pet food, power, phone),
other income and bank fees, and typed Stripe's monthly statement in by hand. On 1 July 2025 Pet
Manager's Xero integration was switched on; everything dated from then on is in Xero exactly as
Pet Manager pushes it (`CN<id>` contacts, `INV<number>` invoices): linked, not duplicates.

Now the business wants the half year before that, from 1 January 2025, back-synced. But from
January to May 2025 the accountant typed part of the takings into Xero by hand: some exact
copies, many with the differences hand entry makes (Xero's own numbers, dates a few days off,
lines merged, a cent off, ex-GST typed as the total, names spelt differently, a contact created
twice, payments into another account), plus records that only look like duplicates. The truth
file labels every one of them, so the duplicate check can be measured against it.

Files: `petmanager/` (FORMAT.md, format 1), `xero_state.json` (the sandbox state file), `truth.json`.
"""

from recon.demo.generate import DemoPaths, generate_demo

__all__ = ["DemoPaths", "generate_demo"]
