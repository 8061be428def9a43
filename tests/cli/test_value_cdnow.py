"""The whole way through: the CDNOW sample's calibration weeks (1–39) written as an upstream
export, imported, and the value report's fit matching Fader and Hardie's published one, so
the cache counts purchases, days and spend as the papers do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import CliRun
from tests.domain.test_potential import CALIBRATION_END, CDNOW, PUBLISHED_BG, PUBLISHED_GG
from tests.hand_export import write_csv

Cli = Callable[..., CliRun]


def write_cdnow_export(folder: Path) -> int:
    """Customers and their purchases to the end of week 39, bought at noon (UTC); the
    export's day is the calibration's last."""
    customers: set[str] = set()
    purchases = [
        "purchase_id,customer_id,purchased_at,amount,currency,channel,product_line,location"
    ]
    for number, line in enumerate(CDNOW.read_text("utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        customer, _master, when, _cds, dollars = line.split()
        day = f"{when[:4]}-{when[4:6]}-{when[6:]}"
        if day > CALIBRATION_END.isoformat():
            continue
        customers.add(customer)
        purchases.append(f"P{number},N{customer},{day}T12:00:00Z,{dollars},GBP,web,cd,online")
    header = (
        "customer_id,given_name,family_name,email,joined_on,household_id,status,referrals,"
        "preferences,notes,updated_at"
    )
    rows = [
        f"N{c},Customer,{c},,1997-01-01,,active,0,,,{CALIBRATION_END.isoformat()}T12:00:00Z"
        for c in sorted(customers)
    ]
    write_csv(folder, "customers.csv", "\n".join([header, *rows]))
    write_csv(folder, "purchases.csv", "\n".join(purchases))
    return len(customers)


def test_an_import_of_the_cdnow_sample_fits_the_published_parameters(
    cli: Cli, tmp_path: Path
) -> None:
    assert write_cdnow_export(tmp_path / "cdnow") == 2357
    db = tmp_path / "cdnow.sqlite3"
    done = cli("import", tmp_path / "cdnow", "--db", db, "--json")
    assert done.code == 0, done.err
    # A purchase is money spent, as everywhere in Standing: the 8 customers whose only
    # purchases in the weeks were $0.00 are not fitted (Hardie's cohort counts them).
    assert done.json()["value_fit"].startswith(
        "potential value: BG/NBD and Gamma-Gamma fitted on 2,349 customers (946 repeat)"
    )
    fit = cli("value", "report", "--db", db, "--json").json()["fit"]
    assert fit["as_of"] == CALIBRATION_END.isoformat() and fit["converged"] is True
    assert (fit["customers"], fit["repeat_customers"]) == (2349, 946)
    published = {
        **{k: getattr(PUBLISHED_BG, k) for k in ("r", "alpha", "a", "b")},
        **{k: getattr(PUBLISHED_GG, k) for k in ("p", "q", "v")},
    }
    got = {**fit["bg_nbd"], **fit["gamma_gamma"]}
    for name, want in published.items():
        assert abs(got[name] - want) / want < 0.01, (name, got[name], want)
