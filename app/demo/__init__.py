"""The demo export: a realistic, invented upstream export for trying Standing out."""

from app.demo.generator import COLUMNS, HERO_CARD, HERO_CUSTOMER_ID, HERO_PHONE, write_demo_export

__all__ = ["COLUMNS", "HERO_CARD", "HERO_CUSTOMER_ID", "HERO_PHONE", "write_demo_export"]
