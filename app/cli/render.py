"""How results are written: JSON for scripts, lines of text for people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.domain.goodwill import Suggestion
from app.domain.models import Match, Profile
from app.domain.money import format_money, to_decimal_string
from app.domain.staff import Staff
from app.domain.standing import potential_line
from app.services.concessions import Outcome, RecordedConcession
from app.services.goodwill import Advice
from app.services.importing import ImportReport


def staff_json(s: Staff) -> dict[str, Any]:
    return {
        "staff_id": s.staff_id,
        "name": s.name,
        "role": s.role,
        "limit": money_or_none(s.personal_limit),
    }


def outcome_json(o: Outcome) -> dict[str, Any]:
    return {
        "concession_id": o.concession_id,
        "status": o.status,
        "needs_approval": o.needs_approval,
        "approval_reason": o.approval_reason,
    }


def outcome_text(o: Outcome) -> str:
    if o.needs_approval:
        return f"{o.concession_id}: pending approval ({o.approval_reason})"
    return f"{o.concession_id}: {o.status}"


def match_json(match: Match) -> dict[str, Any]:
    return {
        "customer_id": match.customer_id,
        "display_name": match.display_name,
        "matched_on": str(match.matched_on),
        "detail": match.detail,
        "tier": match.tier,
        "card_status": match.card_status,
        "status": match.status,
    }


def profile_json(p: Profile) -> dict[str, Any]:
    return {
        "customer_id": p.customer_id,
        "display_name": p.display_name,
        "status": p.status,
        "as_of": p.as_of.isoformat(),
        "tier": p.standing.tier,
        "tier_reason": p.standing.reason,
        "next_tier": p.standing.next_tier,
        "to_next_tier": money_or_none(p.standing.to_next_tier),
        "customer_since": p.customer_since.isoformat(),
        "tenure_days": p.tenure_days,
        "lifetime_value": to_decimal_string(p.lifetime_value),
        "spend_12m": to_decimal_string(p.spend_12m),
        "visits_12m": p.visits_12m,
        "average_order": to_decimal_string(p.average_order),
        "last_visit": p.last_visit.isoformat() if p.last_visit else None,
        "household": list(p.household),
        "household_lifetime_value": to_decimal_string(p.household_lifetime_value),
        "signals": [str(s) for s in p.signals],
        "predicted_spend_12m": money_or_none(p.predicted_spend_12m),
        "probability_alive": (
            None if p.probability_alive is None else round(p.probability_alive, 4)
        ),
        "treated_as": p.treated_as,
        "phones_masked": [ph.masked for ph in p.phones],
        "cards": [{"number": c.card_number, "status": c.status} for c in p.cards],
        "preferences": p.preferences,
        "complaints_12m": p.complaints_12m,
        "recent_concessions": [
            {
                "concession_id": c.concession_id,
                "at": c.granted_at.isoformat(),
                "value": to_decimal_string(c.value),
                "action": c.kind,
                "reason": c.reason,
                "where": c.location,
                "status": c.status,
            }
            for c in p.recent_concessions
        ],
    }


def suggestion_json(s: Suggestion) -> dict[str, Any]:
    return {
        "category": s.category,
        "action": s.action,
        "value": to_decimal_string(s.value),
        "script": s.script,
        "reasons": [{"fact": r.fact, "text": r.text} for r in s.reasons],
        "within_discretion": s.within_discretion,
        "needs_approval": s.needs_approval,
        "approval_reason": s.approval_reason,
        "escalate": s.escalate,
    }


def suggestions_text(advice: Advice) -> str:
    p = advice.profile
    lines = [f"{p.display_name} ({p.customer_id}) · {p.standing.label} · as a {advice.role}"]
    for rank, s in enumerate(advice.suggestions, start=1):
        allowed = (
            "within your discretion"
            if s.within_discretion
            else f"needs approval: {s.approval_reason}"
        )
        lines.append(f"{rank}. {s.action} {format_money(s.value, pence=True)} · {allowed}")
        lines.append(f"   “{s.script}”")
    if advice.suggestions:
        lines.append("why: " + "; ".join(r.text for r in advice.suggestions[0].reasons))
    return "\n".join(lines)


def money_or_none(minor: int | None) -> str | None:
    return None if minor is None else to_decimal_string(minor)


def report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "files": {
            name: {
                "read": f.read,
                "imported": f.imported,
                "unchanged": f.unchanged,
                "rejected": f.rejected,
            }
            for name, f in report.files.items()
        },
        "rejects_file": str(report.rejects_file) if report.rejects_file else None,
        "backup": str(report.backup) if report.backup else None,
        "warnings": report.warnings,
        "value_fit": report.value_fit,
        "exported_at": report.exported_at.isoformat() if report.exported_at else None,
        "imported_at": report.imported_at.isoformat() if report.imported_at else None,
        "seconds": round(report.seconds, 3),
    }


def report_text(report: ImportReport) -> str:
    lines = [f"{'file':<20} {'read':>10} {'imported':>10} {'unchanged':>10} {'rejected':>10}"]
    for name, f in report.files.items():
        lines.append(
            f"{name:<20} {f.read:>10,} {f.imported:>10,} {f.unchanged:>10,} {f.rejected:>10,}"
        )
    lines += [f"warning: {w}" for w in report.warnings]
    if report.value_fit and report.value_fit not in report.warnings:
        lines.append(report.value_fit)
    if report.rejects_file:
        lines.append(f"{report.rejected:,} rows rejected: see {report.rejects_file}")
    lines.append(f"{report.rows:,} rows in {report.seconds:.1f} s")
    return "\n".join(lines)


def matches_text(matches: Sequence[Match]) -> str:
    if not matches:
        return "No customer matches."
    lines = [f"{len(matches)} match{'es' if len(matches) != 1 else ''}"]
    for m in matches:
        card = f"card {m.card_status}" if m.card_status else "no card"
        lines.append(
            f"{m.customer_id:<10} {m.display_name:<28} {m.tier_label:<9} "
            f"{m.detail:<20} {card}{'' if m.status == 'active' else ' · ' + m.status}"
        )
    return "\n".join(lines)


def profile_text(p: Profile) -> str:
    s = p.standing
    lines = [
        f"{p.display_name} ({p.customer_id}){'' if p.status == 'active' else ' · ' + p.status}",
        f"{s.reason}" + (f"; {s.next_tier_hint}" if s.next_tier_hint else ""),
        f"Customer since {p.customer_since:%b %Y} · {p.tenure_text}",
        f"Lifetime {format_money(p.lifetime_value)} · 12 months {format_money(p.spend_12m)}"
        f" · {p.visits_12m} visits · last visit {p.last_visit or 'never'}",
        f"Average order {format_money(p.average_order)} · household of {len(p.household)}"
        f" {format_money(p.household_lifetime_value)}",
    ]
    potential = potential_line(p)
    if potential is not None:
        lines.append(potential[:1].upper() + potential[1:])
    if p.signals:
        lines.append("Signals: " + ", ".join(f"{k} ({v})" for k, v in p.signal_reasons.items()))
    if p.preferences:
        lines.append(f"Prefers: {p.preferences}")
    if p.phones:
        lines.append("Phones: " + ", ".join(ph.masked for ph in p.phones))
    if p.cards:
        lines.append("Cards: " + ", ".join(f"…{c.last4} {c.status}" for c in p.cards))
    return "\n".join(lines)


def pending_json(c: RecordedConcession) -> dict[str, Any]:
    return {
        "concession_id": c.concession_id,
        "customer_id": c.customer_id,
        "recorded_at": c.recorded_at.isoformat(),
        "action": c.action,
        "value": to_decimal_string(c.value),
        "staff_id": c.staff_id,
        "approval_reason": c.approval_reason,
    }


def pending_text(rows: Sequence[dict[str, Any]]) -> str:
    lines = [
        f"{r['concession_id']} {r['customer_id']} {r['action']} {r['value']} "
        f"by {r['staff_id']}: {r['approval_reason']}"
        for r in rows
    ]
    return "\n".join(lines) or "Nothing awaits approval."
