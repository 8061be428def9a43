"""A small export written by hand, so every figure in the tests can be checked by hand."""

from __future__ import annotations

from pathlib import Path

# every human way of writing the hand export's (and the demo hero's) mobile 07700 900123
PHONE_FORMATS = [
    "07700 900123",
    "07700900123",
    "+44 7700 900123",
    "+447700900123",
    "0044 7700 900123",
    "+44 (0)7700 900123",
    "(07700) 900-123",
    "07700-900-123",
]


def write_csv(folder: Path, name: str, text: str) -> Path:
    """Write one export file from a literal (tests build small exports by hand)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return path


def write_hand_export(folder: Path) -> Path:
    write_csv(
        folder,
        "customers.csv",
        """
customer_id,given_name,family_name,email,joined_on,household_id,status,referrals,preferences,notes,updated_at
C1,Ann,Example,ann.example@example.com,2021-03-14,H1,active,0,quiet coach; aisle seat,"Prefers ""e-tickets"", travels early",2026-11-23T06:00:00+00:00
C2,Zoë,Example,,2024-01-02,H1,active,3,,,2026-11-22T06:00:00+00:00
C3,Bob,Sample,bob@example.org,2026-10-01,,closed,0,,,
C4,Zoe,Zimmer,,2025-05-05,,active,0,,,
""",
    )
    write_csv(
        folder,
        "phones.csv",
        """
customer_id,phone,label
C1,07700 900123,mobile
C2,+44 (0)20 7946 0381,home
C3,0113 496 0381,mobile
C4,+33 6 12 34 56 78,mobile
""",
    )
    write_csv(
        folder,
        "cards.csv",
        """
card_number,customer_id,card_type,status,issued_on
633000000012,C1,gold,active,2023-01-01
633000000005,C1,standard,lost,2021-03-14
6330 0000 0099,C3,standard,expired,2026-10-01
""",
    )
    write_csv(
        folder,
        "purchases.csv",
        """
purchase_id,customer_id,purchased_at,amount,currency,channel,product_line,location
P1,C1,2021-04-01T08:00:00+01:00,1000.00,GBP,counter,season ticket,Leeds
P2,C1,2025-12-01T08:00:00Z,600.00,GBP,web,season ticket,Leeds
P3,C1,2026-06-15T08:00:00+01:00,950.50,GBP,app,anytime return,Leeds
P4,C1,2026-07-01T09:00:00+01:00,-50.50,GBP,app,anytime return,Leeds
P5,C1,2026-11-20T18:00:00Z,1.50,GBP,counter,off-peak single,York
P6,C2,2026-02-01T10:00:00Z,40.00,GBP,web,railcard,
P7,C3,2026-10-02T10:00:00Z,12.00,GBP,counter,off-peak single,Leeds
P8,C1,2026-11-24T10:00:00Z,99.00,GBP,counter,future,Leeds
""",
    )
    write_csv(
        folder,
        "interactions.csv",
        """
interaction_id,customer_id,occurred_at,kind,channel,summary
I1,C3,2026-10-05T10:00:00Z,complaint,phone,"Late train, missed meeting"
I2,C1,2026-06-16T10:00:00Z,compliment,web,Helpful staff at Leeds
""",
    )
    write_csv(
        folder,
        "concessions.csv",
        """
concession_id,customer_id,granted_at,value,kind,reason,location
K1,C3,2026-10-06T10:00:00Z,5.00,voucher,delay,Leeds
""",
    )
    return folder
