"""Password hashing, the secret store (OS keyring) and the audit key. No Qt here."""
