"""Everything that talks to Xero: the client, the local sandbox, mapping, planning, the outbox, the pusher."""
