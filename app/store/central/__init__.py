"""The chain's central store: PostgreSQL through psycopg 3 (DESIGN §7). Single-station mode
never loads it; this module itself stays light (no psycopg) so callers can name its error."""


class CentralError(RuntimeError):
    """The central store cannot be reached or used; the message says why, without secrets."""


class RefusedDecisionError(CentralError):
    """The central store refused a supervisor's decision under the chain's rules (an account
    it does not know, their own request, a role too junior, a denial without a reason)."""
