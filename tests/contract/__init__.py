"""Contract checks of recon's Xero traffic against Xero's official OpenAPI spec.

- ``xero_spec``: ``validate_request`` / ``validate_response`` (raise ``ContractViolation``).
- ``transport``: ``ContractCheckingTransport``, an httpx transport wrapper that checks every
  accounting request and response passing through it.
"""
