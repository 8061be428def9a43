"""The chain's fixtures (tests/chain.py)."""

from tests.chain import central_url, chain, leeds, pg_admin_url, york

__all__ = ["central_url", "chain", "leeds", "pg_admin_url", "york"]
