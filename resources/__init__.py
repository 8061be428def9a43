"""Bundled resources: default policy, stylesheet, icons."""
