"""How the command line reaches the local Xero sandbox: the environment a user would set."""


def sandbox_env(sandbox) -> dict[str, str]:
    return {"XERO_BASE_URL": sandbox.base_url, "XERO_IDENTITY_URL": sandbox.base_url,
            "XERO_LOGIN_URL": sandbox.base_url, "XERO_CLIENT_ID": sandbox.client_id,
            "XERO_CLIENT_SECRET": sandbox.client_secret}
