"""Use cases. Each is one function that checks permissions and input, writes through storage
in ONE transaction (with its outbox ops and audit entry) and returns what changed. No Qt."""
