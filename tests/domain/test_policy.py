"""Policy: the shipped file parses; a bad file is refused naming the field, value and rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.domain.policy import Policy, PolicyError, parse_policy
from app.services.station import load_policy

BASE = """
[[tiers]]
id = "standard"
label = "Standard"
"""


def silver(**fields: str) -> str:
    lines = ["[[tiers]]", 'id = "silver"', 'label = "Silver"']
    lines += [f"{key} = {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


DEFAULT_TEXT = (Path(__file__).parents[2] / "resources" / "policy.toml").read_text("utf-8")
GOODWILL = DEFAULT_TEXT[DEFAULT_TEXT.index("[goodwill]") : DEFAULT_TEXT.index("[translations")]


def with_goodwill(text: str) -> str:
    """The tiers under test plus the shipped goodwill section, its generosity fitted to them."""
    ids = re.findall(r'^id = "([^"]+)"', text.split("[goodwill")[0], flags=re.MULTILINE)
    start = GOODWILL.index("[goodwill.generosity]")
    end = GOODWILL.index("[goodwill.bonus]")
    generosity = "[goodwill.generosity]\n" + "".join(
        f'"{tier}" = "{1 + i / 4}"\n' for i, tier in enumerate(dict.fromkeys(ids))
    )
    rest = GOODWILL[end:] if "gold" in ids else GOODWILL[end:].replace(', min_tier = "gold"', "")
    return text + "\n" + GOODWILL[:start] + generosity + "\n" + rest


def parse(text: str) -> Policy:
    return parse_policy(with_goodwill(text), "test.toml")


def refused(text: str) -> str:
    with pytest.raises(PolicyError) as info:
        parse(text)
    message = str(info.value)
    assert message.startswith("test.toml")
    return message


def test_default_policy_parses() -> None:
    policy = load_policy()
    assert isinstance(policy, Policy)
    assert [t.id for t in policy.tiers] == ["standard", "silver", "gold", "platinum"]
    assert [t.label for t in policy.tiers] == ["Standard", "Silver", "Gold", "Platinum"]
    assert [t.min_spend_12m for t in policy.tiers] == [None, 50000, 150000, 300000]
    assert [t.min_lifetime for t in policy.tiers] == [None, 500000, 1200000, 3000000]
    rules = policy.signals
    assert rules.quiet_regular_min_visits_12m == 10
    assert rules.quiet_regular_max_complaints_12m == 1
    assert rules.advocate_min_referrals == 2
    assert rules.lapsing_min_purchases == 4
    assert rules.lapsing_gap_factor == 3.0
    assert rules.lapsing_min_gap_days == 60
    assert rules.frequent_complainer_min_complaints_12m == 3
    assert policy.tier("gold").label == "Gold"


def test_load_policy_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(with_goodwill(BASE + silver(min_spend_12m='"250"')), encoding="utf-8")
    policy = load_policy(path)
    assert [t.id for t in policy.tiers] == ["standard", "silver"]
    assert policy.tiers[1].min_spend_12m == 25000
    assert policy.tiers[1].min_lifetime is None


def test_load_policy_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="cannot be read"):
        load_policy(tmp_path / "absent.toml")


def test_money_may_be_an_integer_or_a_string() -> None:
    policy = parse(BASE + silver(min_spend_12m="500", min_lifetime='"5,000.50"'))
    assert policy.tiers[1].min_spend_12m == 50000
    assert policy.tiers[1].min_lifetime == 500050


def test_signals_default_when_absent() -> None:
    policy = parse(BASE)
    assert policy.signals.quiet_regular_min_visits_12m == 10
    assert policy.signals.lapsing_gap_factor == 3.0


def test_negative_money_is_refused() -> None:
    message = refused(BASE + silver(min_spend_12m='"-5.00"'))
    assert "tiers.1.min_spend_12m" in message
    assert "-5.00" in message
    assert "must not be negative" in message


def test_money_with_three_decimals_is_refused() -> None:
    message = refused(BASE + silver(min_lifetime='"12.345"'))
    assert "tiers.1.min_lifetime" in message
    assert "12.345" in message
    assert "decimal places" in message


def test_money_that_is_not_an_amount_is_refused() -> None:
    message = refused(BASE + silver(min_spend_12m="true"))
    assert "tiers.1.min_spend_12m" in message
    assert "True" in message
    assert "must be an amount" in message


def test_unknown_tier_key_is_refused() -> None:
    message = refused(BASE + silver(min_spend_12m='"5.00"', colour='"grey"'))
    assert "tiers.1.colour" in message
    assert "grey" in message
    assert "Extra inputs are not permitted" in message


def test_unknown_top_level_and_signal_keys_are_refused() -> None:
    message = refused(BASE + "[signals]\nshouting = 3\n")
    assert "signals.shouting" in message
    assert "3" in message
    assert "not permitted" in message
    message = refused("volume = 11\n" + BASE)
    assert "volume" in message
    assert "not permitted" in message


def test_signal_rule_out_of_range_is_refused() -> None:
    message = refused(BASE + "[signals]\nlapsing_gap_factor = 0.5\n")
    assert "signals.lapsing_gap_factor" in message
    assert "0.5" in message
    assert "greater than 1" in message


def test_non_ascending_thresholds_are_refused() -> None:
    gold = '[[tiers]]\nid = "gold"\nlabel = "Gold"\nmin_spend_12m = "400.00"\n'
    message = refused(BASE + silver(min_spend_12m='"500.00"') + gold)
    assert "min_spend_12m" in message
    assert "gold" in message
    assert "silver" in message
    assert "must exceed" in message
    # the values that break the rule are named too
    assert "400.00" in message
    assert "500.00" in message


def test_equal_thresholds_are_refused() -> None:
    gold = '[[tiers]]\nid = "gold"\nlabel = "Gold"\nmin_lifetime = "100"\n'
    message = refused(BASE + silver(min_lifetime='"100"') + gold)
    assert "min_lifetime" in message
    assert "must exceed" in message


def test_ascending_on_one_field_only_is_accepted() -> None:
    gold = '[[tiers]]\nid = "gold"\nlabel = "Gold"\nmin_lifetime = "100"\n'
    policy = parse(BASE + silver(min_spend_12m='"500"') + gold)
    assert [t.id for t in policy.tiers] == ["standard", "silver", "gold"]


def test_first_tier_with_thresholds_is_refused() -> None:
    text = '[[tiers]]\nid = "standard"\nlabel = "Standard"\nmin_spend_12m = "1.00"\n'
    message = refused(text)
    assert "standard" in message
    assert "first tier" in message
    assert "takes no thresholds" in message
    # the offending field and value are named
    assert "min_spend_12m" in message
    assert "1.00" in message


def test_duplicate_tier_ids_are_refused() -> None:
    again = '[[tiers]]\nid = "silver"\nlabel = "Silver again"\nmin_spend_12m = "900"\n'
    message = refused(BASE + silver(min_spend_12m='"500"') + again)
    assert "unique" in message
    assert "'silver', 'silver'" in message


def test_higher_tier_without_thresholds_is_refused() -> None:
    message = refused(BASE + silver())
    assert "silver" in message
    assert "needs min_spend_12m or min_lifetime" in message


def test_tier_id_pattern() -> None:
    text = '[[tiers]]\nid = "Standard Tier"\nlabel = "Standard"\n'
    message = refused(text)
    assert "tiers.0.id" in message
    assert "Standard Tier" in message
    assert "pattern" in message


def test_no_tiers_is_refused() -> None:
    message = refused("")
    assert "tiers" in message
    assert "Field required" in message
    message = refused("tiers = []\n")
    assert "tiers" in message
    assert "at least 1 item" in message


def test_invalid_toml_is_refused() -> None:
    message = refused('[[tiers]]\nid = "standard\n')
    assert "not valid TOML" in message
    message = refused("tiers = [")
    assert "not valid TOML" in message


def test_policy_is_frozen() -> None:
    policy = load_policy()
    with pytest.raises(ValueError):
        policy.tiers[0].label = "Bronze"  # type: ignore[misc]


def goodwill_refused(old: str, new: str) -> str:
    assert old in DEFAULT_TEXT
    with pytest.raises(PolicyError) as info:
        parse_policy(DEFAULT_TEXT.replace(old, new, 1), "test.toml")
    return str(info.value)


def test_goodwill_action_must_be_known() -> None:
    message = goodwill_refused(
        '{ action = "voucher", value = "3.00"', '{ action = "cash", value = "3.00"'
    )
    assert "remedies" in message and "'cash'" in message and "waive" in message


def test_goodwill_generosity_must_name_every_tier() -> None:
    message = goodwill_refused('platinum = "2.0"\n', "")
    assert "goodwill.generosity" in message and "platinum" in message


def test_goodwill_generosity_must_not_fall() -> None:
    assert "must not fall" in goodwill_refused('gold = "1.5"', 'gold = "0.5"')


def test_goodwill_floor_and_caps() -> None:
    assert "floor" in goodwill_refused('floor = "2.00"', 'floor = "0"')
    assert "cap_minimum" in goodwill_refused('cap_minimum = "15.00"', 'cap_minimum = "1.00"')


def test_goodwill_role_limits_and_categories() -> None:
    assert "role limits must rise" in goodwill_refused('clerk = "25.00"', 'clerk = "9999"')
    assert "clerkk" in goodwill_refused('clerk = "25.00"', 'clerkk = "1"')
    assert "poor_service" in goodwill_refused('id = "poor_service"', 'id = "rudeness"')


def test_goodwill_min_tier_must_be_a_tier() -> None:
    message = goodwill_refused('min_tier = "gold"', 'min_tier = "diamond"')
    assert "'diamond'" in message and "gold" in message


def test_goodwill_scripts_may_only_use_known_names() -> None:
    message = goodwill_refused("for {tenure}.", "for {customer}.")
    assert "script" in message and "{tenure}" in message


def test_every_category_keeps_a_gesture_for_everyone() -> None:
    fixed = '{ action = "voucher", value = "4.00", script'
    message = goodwill_refused(
        fixed, '{ action = "voucher", value = "4.00", min_tier = "gold", script'
    )
    assert "category other needs a fixed gesture open to every tier" in message


def test_the_policy_may_give_its_words_in_other_languages() -> None:
    text = DEFAULT_TEXT
    policy = parse_policy(text)
    assert policy.translations["fr"]["Gold"] == "Or"
    unknown = text + '\n[translations.de]\n"Goldd" = "Gold"\n'
    with pytest.raises(PolicyError, match="'Goldd' is not a label or script"):
        parse_policy(unknown)
    broken = text + '\n[translations.de]\n"Gold" = "{tier}"\n'
    with pytest.raises(PolicyError, match=r"translations\.de: .*may only use"):
        parse_policy(broken)
    empty = text + '\n[translations.de]\n"Gold" = " "\n'
    with pytest.raises(PolicyError, match="left empty"):
        parse_policy(empty)
