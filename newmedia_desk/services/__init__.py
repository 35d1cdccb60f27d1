"""Use cases. Each owns its transaction, checks permissions and writes the audit trail."""
