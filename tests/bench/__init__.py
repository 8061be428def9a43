"""The benchmark suite: `python -m tests.bench [--customers N] [--purchases M] [--small]`.

Every figure is measured beside a baseline taken in the same run, because figures on
shared machines drift; see `__main__.py` for the list and the issue's targets.
"""
