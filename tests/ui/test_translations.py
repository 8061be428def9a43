"""The window in French and in British English: complete, up-to-date .ts files, the
language chosen from the system, and money and dates in the locale's form."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.domain.goodwill import GoodwillError, tenure_phrase
from app.domain.policy import Policy
from app.domain.staff import StaffError
from app.domain.text import Text
from app.services.concessions import DecisionError, RecordedConcession
from app.services.lookup import UnknownCustomerError
from app.services.station import Station, load_policy
from app.settings import Settings
from app.store.audit import entries
from app.ui import format as fmt
from app.ui import translations
from app.ui.app import build_window
from app.ui.approval import ApprovalDialog
from app.ui.main_window import MainWindow
from app.ui.translations import Language, choose, failure, qm_file, shown

FOLDER = Path(__file__).parents[2] / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n")

Message = tuple[str, str, bool]  # context, source, plural


def messages(path: Path) -> dict[Message, list[str]]:
    """Each message of a .ts file with its translation (a plural's forms), unfinished ones
    marked by None."""
    found: dict[Message, list[str]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            plural = message.get("numerus") == "yes"
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = forms if plural else [translation.text or ""]
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                texts = [f"<{translation.get('type')}>"]
            found[(name, source, plural)] = texts
    return found


FRENCH = messages(FOLDER / "standing_fr.ts")
ENGLISH = messages(FOLDER / "standing_en_GB.ts")


@pytest.mark.parametrize("message", sorted(FRENCH), ids=lambda m: f"{m[0]}:{m[1][:40]}")
def test_every_french_message_is_translated_with_its_placeholders(message: Message) -> None:
    context, source, plural = message
    forms = FRENCH[message]
    assert len(forms) == (2 if plural else 1), forms
    for form in forms:
        assert form.strip() and not form.startswith("<"), f"{context}: {source!r} -> {form!r}"
        assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), form
        assert ("&" in form) == ("&" in source), form  # a keyboard accelerator stays one


def test_both_languages_hold_the_same_messages_all_finished() -> None:
    assert set(ENGLISH) == set(FRENCH)
    assert all(not form.startswith("<") for forms in ENGLISH.values() for form in forms)
    assert ENGLISH[("SearchPane", "%n match(es)", True)] == ["%n match", "%n matches"]


def test_the_ts_files_say_what_the_sources_say(tmp_path: Path) -> None:
    """lupdate over app/ now finds exactly the messages the committed files hold: nothing
    new left untranslated, nothing dropped (refresh with python -m app.ui.translations
    --update)."""
    assert translations.update(tmp_path, ["fr"]) == 0
    assert set(messages(tmp_path / "standing_fr.ts")) == set(FRENCH)


def test_the_default_policy_has_all_its_words_in_french() -> None:
    policy = load_policy()
    french = policy.translations["fr"]
    assert set(french) == policy.words()
    for source, target in french.items():
        assert sorted(PLACEHOLDER.findall(target)) == sorted(PLACEHOLDER.findall(source))


@pytest.mark.parametrize(
    ("setting", "system", "language", "locale"),
    [
        ("fr", "en_GB", "fr", "fr_FR"),
        ("fr_BE", "en_GB", "fr", "fr_BE"),
        (None, "fr_CA", "fr", "fr_CA"),
        (None, "fr_FR", "fr", "fr_FR"),
        (None, "en_US", "en_GB", "en_US"),
        ("en", "fr_FR", "en_GB", "en_GB"),
        (None, "de_DE", "en_GB", "en_GB"),
        ("de", "fr_FR", "en_GB", "en_GB"),
    ],
)
def test_the_language_follows_the_setting_then_the_system(
    setting: str | None, system: str, language: str, locale: str
) -> None:
    chosen, figures = choose(setting, QLocale(system))
    assert (chosen, figures.name()) == (language, locale)


def test_the_language_setting_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANDING_LANGUAGE", "fr_FR")
    assert Settings().language == "fr_FR"
    monkeypatch.setenv("STANDING_LANGUAGE", "français")
    with pytest.raises(ValueError, match="language"):
        Settings()


def test_a_ts_is_compiled_once_into_the_cache(tmp_path: Path) -> None:
    first = qm_file("fr", tmp_path)
    assert first is not None and first.is_file() and first.parent.parent == tmp_path
    stamp = first.stat().st_mtime_ns
    assert qm_file("fr", tmp_path) == first
    assert first.stat().st_mtime_ns == stamp
    assert qm_file("xx", tmp_path) is None


@pytest.fixture(scope="session")
def qm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("qm-cache")


def speak(language: str, locale: str, policy: Policy, cache: Path) -> Language:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    spoken = Language(app, language, QLocale(locale), cache)
    spoken.use_policy(policy)
    return spoken


@pytest.fixture
def french(staffed_station: Station, qm_cache: Path) -> Iterator[Language]:
    spoken = speak("fr", "fr_FR", staffed_station.policy, qm_cache)
    yield spoken
    spoken.remove()


@pytest.fixture
def english(staffed_station: Station, qm_cache: Path) -> Iterator[Language]:
    spoken = speak("en_GB", "en_GB", staffed_station.policy, qm_cache)
    yield spoken
    spoken.remove()


def open_ann(qtbot: QtBot, station: Station) -> MainWindow:
    """The window with clerk1 signed in, Ann Example's card open and a £1.50 lost ticket."""
    win = build_window(station, station.staff.find("clerk1"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.keyClicks(win.search, "07700 900123")
    qtbot.keyClick(win.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.goodwill.advice is not None)  # once the card is painted
    win.goodwill.amount.setText("1,50" if QLocale().decimalPoint() == "," else "1.50")
    return win


def test_the_window_in_french(french: Language, qtbot: QtBot, staffed_station: Station) -> None:
    win = open_ann(qtbot, staffed_station)
    assert win.menuBar().actions()[0].text() == "&Fichier"
    assert win.count.text() == "1 résultat"
    assert win.card.tier.text() == "OR"
    assert "client depuis mars 2021" in win.card.since.text()
    assert win.card.lifetime.caption.text() == "Valeur client"
    assert re.fullmatch(r"\d{1,3}(\s\d{3})*\s£", win.card.lifetime.value.text())  # "2 502 £"
    assert win.card.tier_reason.text().startswith("Or\u00a0: ")
    assert re.search(r",\d\d\s£ sur les 12 derniers mois", win.card.tier_reason.text())
    panel = win.goodwill
    assert panel.error.text() == ""
    assert panel.offer.text() == "▶ Exonérer 1,50\u00a0£"  # one verb: the script's, the history's
    assert "vous exonère des 1,50\u00a0£" in panel.script.text()
    assert panel.discretion.text() == "dans votre marge de décision"
    assert panel.script.text().startswith("«\u00a0Je vois que vous voyagez avec nous depuis")
    assert "cinq ans" in panel.script.text() or "quatre ans" in panel.script.text()
    assert panel.category.currentText() == "Billet perdu"
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    history = win.card.goodwill
    assert history.data(history.index(0, 4)) == "Billet perdu"  # recorded here: its label
    assert panel.apply_button.text() == "Appliquer  Ctrl+⏎"
    headers = win.card.purchases
    assert headers.headerData(1, Qt.Orientation.Horizontal) == "Montant"
    first = headers.data(headers.index(0, 0))
    assert re.fullmatch(r"\d{1,2} \w+\.? \d{4} \d\d:\d\d", first), first
    assert fmt.day(date(2025, 9, 9)) == "9 sept. 2025"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "Annuler"  # Qt's own words too


def test_spoken_tenure_agrees_in_french(french: Language) -> None:
    spoken = [shown(tenure_phrase(days)) for days in (3, 8, 45, 400, 800, 61)]
    assert spoken == ["quelques jours", "une semaine", "un mois", "un an", "deux ans", "deux mois"]


def test_the_sign_in_page_in_french(
    french: Language, qtbot: QtBot, staffed_station: Station
) -> None:
    win = build_window(staffed_station)
    qtbot.addWidget(win)
    win.show()
    page = win.lock_page
    assert page.button.text() == "Se connecter  ⏎"
    qtbot.keyClicks(page.staff_id, "clerk1")
    qtbot.keyClick(page.staff_id, Qt.Key.Key_Return)
    qtbot.keyClicks(page.pin, "9999")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert page.error.text() == "code PIN erroné\u00a0: encore 4 essais"


def test_the_window_in_british_english_reads_as_the_domain_says(
    english: Language, qtbot: QtBot, staffed_station: Station
) -> None:
    win = open_ann(qtbot, staffed_station)
    profile = win.card.profile
    assert profile is not None
    assert win.count.text() == "1 match"
    assert win.card.tier.text() == "GOLD"
    assert win.card.lifetime.value.text() == fmt.figure(profile.lifetime_value)
    assert fmt.figure(1_314_049) == "£13,140" and fmt.money(-150) == "−£1.50"
    assert win.goodwill.offer.text() == "▶ Waive £1.50"
    # every domain text, shown through the translations, reads as the domain wrote it
    advice = win.goodwill.advice
    assert advice is not None
    texts: list[str] = [profile.standing.reason, profile.tenure_text]
    texts += [profile.standing.next_tier_hint or "", *profile.signal_reasons.values()]
    for suggestion in advice.suggestions:
        texts += [suggestion.script, *(r.text for r in suggestion.reasons)]
    assert all(isinstance(t, Text) for t in texts if t)
    assert [shown(t) for t in texts] == [str(t) for t in texts]


def test_amounts_are_typed_the_locale_s_way() -> None:
    QLocale.setDefault(QLocale("fr_FR"))
    assert fmt.typed_amount("1,50") == "1.50"
    assert fmt.typed_amount("1\u202f234,50 £") == "1234.50"
    assert fmt.typed_amount("1.50") == "1.50"
    assert fmt.decimal_number(0, pence=True) == "0,00"
    QLocale.setDefault(QLocale("en_GB"))
    assert fmt.typed_amount("1,500") == "1,500"


def test_the_lupdate_tool_runs_from_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app.ui.translations"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and "--update" in done.stderr


SETTERS = {
    "setText", "setWindowTitle", "setPlaceholderText", "setAccessibleName",
    "setAccessibleDescription", "setToolTip", "setStatusTip", "setLabelText",
    "setInformativeText", "addItem", "addAction", "addMenu", "addTab", "addButton",
    "addRow", "showMessage", "QLabel", "QPushButton", "QProgressDialog", "critical",
    "warning", "question", "information",
}  # fmt: skip


def _words(node: ast.expr) -> bool:
    """A string literal (or an f-string or sum with one) holding letters."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_words(part) for part in node.values)
    if isinstance(node, ast.BinOp):
        return _words(node.left) or _words(node.right)
    return False


def test_no_words_reach_a_widget_untranslated() -> None:
    """Every literal a widget is given goes through tr() or translate() first."""
    bare = []
    for path in sorted((Path(__file__).parents[2] / "app" / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in SETTERS and any(_words(arg) for arg in node.args):
                bare.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert bare == []


def pending(station: Station, by: str, value: int) -> RecordedConcession:
    staff = station.staff.find(by)
    assert staff is not None
    outcome = station.concessions.record(
        staff, "C1", category="lost_ticket", action="refund", value=value, amount=value
    )
    assert outcome.needs_approval
    found = station.concessions.find(outcome.concession_id)
    assert found is not None
    return found


def refusal(qtbot: QtBot, station: Station, concession: RecordedConcession, approver: str) -> str:
    """What the approval dialog says when `approver` (PIN 1111…4444) tries to approve."""
    dialog = ApprovalDialog(station.desk(), concession)
    qtbot.addWidget(dialog)
    pins = {"clerk1": "1111", "clerk2": "2222", "super1": "3333", "manager1": "4444"}
    qtbot.keyClicks(dialog.approver, approver)
    qtbot.keyClick(dialog.approver, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.pin, pins[approver])
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.outcome is None
    return dialog.error.text()


def test_a_refused_approval_is_said_in_french(
    french: Language, qtbot: QtBot, staffed_station: Station
) -> None:
    own = pending(staffed_station, "super1", 300_00)
    assert refusal(qtbot, staffed_station, own, "super1") == (
        "personne ne valide sa propre demande\u00a0: un responsable doit le faire"
    )
    clerks = pending(staffed_station, "clerk1", 300_00)
    assert refusal(qtbot, staffed_station, clerks, "clerk2") == (
        "le rôle agent ne peut pas en décider\u00a0: un superviseur doit le faire"
    )
    over = refusal(qtbot, staffed_station, clerks, "super1")
    assert over == (  # money in the locale's form
        f"{fmt.money(300_00, pence=True)} dépasse votre plafond de "
        f"{fmt.money(250_00, pence=True)}\u00a0: un responsable doit valider"
    )
    assert over.startswith("300,00\u00a0£")
    # the record and the command line keep the English
    refused = [e.detail for e in entries(staffed_station.db) if e.action == "decision_refused"]
    assert refused == [
        "approve: nobody approves their own request: a manager must",
        "approve: a clerk cannot decide this: a supervisor must",
        "approve: £300.00 is over your limit of £250.00: a manager must approve",
    ]


def test_service_refusals_are_said_in_french(french: Language, staffed_station: Station) -> None:
    manager = staffed_station.staff.find("manager1")
    assert manager is not None
    refused: list[str] = []

    def add(staff_id: str, name: str) -> object:
        return staffed_station.staff.add(staff_id, name=name, role="clerk", pin="1234", actor="t")

    for attempt in (
        lambda: staffed_station.concessions.record_feedback(
            manager, "C1", kind="complaint", words="  "
        ),
        lambda: staffed_station.staff.add(
            "clerk1", name="A B", role="clerk", pin="1234", actor="t"
        ),
        lambda: staffed_station.staff.add("x y", name="A B", role="clerk", pin="1234", actor="t"),
        lambda: staffed_station.staff.add("new1", name=" ", role="clerk", pin="1234", actor="t"),
        lambda: staffed_station.concessions.decide(manager, "nothing-such"),
        lambda: staffed_station.lookup.profile("C999"),
    ):
        with pytest.raises((GoodwillError, StaffError, DecisionError, UnknownCustomerError)) as exc:
            attempt()
        assert isinstance(exc.value.args[0], Text)
        refused.append(failure(exc.value))
    assert refused == [
        "notez les propos de la personne",
        "le compte 'clerk1' existe déjà",
        "un identifiant se compose de 1 à 32 lettres, chiffres, points, tirets ou tirets bas",
        "nom\u00a0: au moins 1 caractère",
        "aucun geste commercial enregistré sous 'nothing-such'",
        "aucune fiche client avec l'identifiant 'C999'",
    ]


def test_the_approval_dialog_says_why_in_the_windows_language(
    french: Language, qtbot: QtBot, staffed_station: Station
) -> None:
    """The record keeps its English reason for exports; the screen says it in French."""
    win = open_ann(qtbot, staffed_station)
    panel = win.goodwill
    panel.amount.setText("60")
    qtbot.waitUntil(lambda: "doit valider" in panel.discretion.text())
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(panel.amount, Qt.Key.Key_S, both)
    dialog = win.dialog
    assert isinstance(dialog, ApprovalDialog)
    said = dialog.why.text()
    assert "60,00\u00a0£" in said and "£60.00" not in said, said
    assert said.split("\u00a0: ", 1)[1] == panel.discretion.text()  # the panel's very words
    pending = staffed_station.concessions.pending()
    assert pending[0].approval_reason is not None and "£60.00" in pending[0].approval_reason
