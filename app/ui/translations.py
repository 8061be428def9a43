"""The window's language: chosen from the system locale (or STANDING_LANGUAGE), its .qm
loaded (compiled from the .ts once into the user cache when not shipped), Qt's own
translations for standard buttons, and the policy's words in that language.

`python -m app.ui.translations --update` refreshes the .ts files from the sources.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from importlib import resources
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from app.domain.policy import Policy
from app.domain.text import JOIN, POLICY, Amount, Lower, Text, english_plural
from app.settings import APP_NAME
from app.ui import format as fmt

LANGUAGES = {"en": "en_GB", "fr": "fr"}  # language → the .ts file's suffix
DEFAULT = "en_GB"
LOCALES = {"en_GB": "en_GB", "fr": "fr_FR"}  # the number and date format when none is given


def sources_folder() -> Path:
    """resources/translations in a source checkout (where the .ts files live)."""
    return Path(__file__).resolve().parents[2] / "resources" / "translations"


def choose(setting: str | None, system: QLocale | None = None) -> tuple[str, QLocale]:
    """The language to show and the locale for figures: the setting if it names a language
    we have, else the first of the system's UI languages we have, else British English.
    Figures follow the system's locale when it speaks that language (fr_CA stays fr_CA)."""
    system = system or QLocale.system()
    for name in [setting] if setting else system.uiLanguages():
        locale = QLocale(name.replace("-", "_"))
        code = QLocale.languageToCode(locale.language())
        if code not in LANGUAGES:
            continue
        language = LANGUAGES[code]
        if QLocale.languageToCode(system.language()) == code:
            return language, system
        if "_" in name or "-" in name:
            return language, locale
        return language, QLocale(LOCALES[language])
    return DEFAULT, QLocale(LOCALES[DEFAULT])


def _lrelease() -> Path | None:
    import PySide6

    folder = Path(PySide6.__file__).parent
    found = [folder / "lrelease", folder / "lrelease.exe"]
    found.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.BinariesPath)) / "lrelease")
    on_path = shutil.which("lrelease") or shutil.which("pyside6-lrelease")
    found += [Path(on_path)] if on_path else []
    return next((p for p in found if p.is_file()), None)


def qm_file(language: str, cache: Path | None = None) -> Path | None:
    """The compiled translation: shipped with the package (a bundle), else compiled from the
    .ts into the user cache once per .ts content; None when neither can be had."""
    shipped = resources.files("app.resources").joinpath("translations")
    qm = shipped.joinpath(f"standing_{language}.qm")
    if qm.is_file():
        return Path(str(qm))
    ts = shipped.joinpath(f"standing_{language}.ts")
    if not ts.is_file():
        return None
    data = ts.read_bytes()
    folder = cache or Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    target = folder / "translations" / f"standing_{language}-{_digest(data)}.qm"
    if target.is_file():
        return target
    tool = _lrelease()
    if tool is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    source = target.with_suffix(".ts")
    source.write_bytes(data)
    done = subprocess.run(
        [str(tool), "-silent", str(source), "-qm", str(target)],
        capture_output=True,
        check=False,
    )
    source.unlink(missing_ok=True)
    return target if done.returncode == 0 and target.is_file() else None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


class EnglishPlurals(QTranslator):
    """The last resort for a plural: the English source with "(s)" resolved, so "%n
    match(es)" reads "1 match", "3 matches" even where no translation has it."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """None when it has nothing to say (an empty string would be a translation)."""
        return english_plural(source, n) if n >= 0 and "(" in source else None

    def isEmpty(self) -> bool:
        return False


class PolicyWords(QTranslator):
    """The policy's labels and scripts in the window's language (the organisation's own
    translations); anything it does not list stays in the policy's words."""

    def __init__(self, words: Mapping[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words = dict(words)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.words.get(source) if context == POLICY else None

    def isEmpty(self) -> bool:
        return not self.words


class Language(QObject):
    """The translators installed on the application, kept alive with it."""

    def __init__(
        self, app: QCoreApplication, language: str, locale: QLocale, cache: Path | None = None
    ) -> None:
        super().__init__(app)
        self.app, self.language, self.locale = app, language, locale
        self.translators: list[QTranslator] = [EnglishPlurals(self)]  # searched last
        app.installTranslator(self.translators[0])
        self.policy_words: PolicyWords | None = None
        QLocale.setDefault(locale)  # figures and dates (see app.ui.format)
        own = qm_file(language, cache)
        if own is not None:
            self._load(str(own.parent), own.name)
        if language != DEFAULT:  # Qt's own words (OK, Cancel…) are English already
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            self._load(qt_folder, f"qtbase_{language.split('_')[0]}.qm")

    def _load(self, folder: str, name: str) -> None:
        translator = QTranslator(self)
        if translator.load(name, folder):
            self.app.installTranslator(translator)
            self.translators.append(translator)

    def use_policy(self, policy: Policy) -> None:
        """The policy's words in this language, replacing any earlier policy's."""
        if self.policy_words is not None:
            self.app.removeTranslator(self.policy_words)
            self.policy_words.deleteLater()
        words = policy.translations.get(self.language) or policy.translations.get(
            self.language.split("_")[0], {}
        )
        self.policy_words = PolicyWords(words, self)
        self.app.installTranslator(self.policy_words)

    def remove(self) -> None:
        for translator in [*self.translators, self.policy_words]:
            if translator is not None:
                self.app.removeTranslator(translator)
        self.translators.clear()
        self.policy_words = None
        self.setParent(None)


def install(
    app: QCoreApplication, setting: str | None = None, cache: Path | None = None
) -> Language:
    """Translate the window into the chosen language (see `choose`)."""
    language, locale = choose(setting)
    return Language(app, language, locale, cache)


def shown(value: str) -> str:
    """Text from the domain in the window's language: its template translated, then its
    arguments filled in (money and numbers in the locale's format). Plain text as it is."""
    if not isinstance(value, Text):
        return value
    if value.context == JOIN:
        template = value.source
    else:
        template = QCoreApplication.translate(
            value.context, value.source, None, -1 if value.n is None else value.n
        )
    if not value.args:
        return template
    return template.format(**{name: _arg(arg) for name, arg in value.args.items()})


def _arg(value: object) -> str:
    if isinstance(value, Amount):
        return fmt.money(value.minor, pence=value.pence)
    if isinstance(value, Lower):
        return shown(value.text).lower()
    if isinstance(value, Text):
        return shown(value)
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return QLocale().toString(float(value), "f", places)
    return str(value)


def failure(exc: BaseException) -> str:
    """An error's message in the window's language, when it was made translatable."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return shown(first) if isinstance(first, Text) else str(exc)


# refreshing the .ts files (a developer's step; the build compiles them to .qm)


def update(folder: Path | None = None, languages: Sequence[str] = tuple(LANGUAGES.values())) -> int:
    """Run lupdate over app/ into each .ts (dropping what the sources no longer say)."""
    folder = folder or sources_folder()
    app_dir = Path(__file__).resolve().parents[1]
    files = sorted(str(p) for p in app_dir.rglob("*.py"))
    code = 0
    for language in languages:
        target = folder / f"standing_{language}.ts"
        code |= run_tool(
            "lupdate",
            [
                *files,
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                language,
                "-source-language",
                "en_GB",
                "-ts",
                str(target),
            ],
        )
    return code


def run_tool(name: str, args: Sequence[str]) -> int:
    """A Qt tool shipped with PySide6 (lupdate, lrelease)."""
    import PySide6

    tool = Path(PySide6.__file__).parent / name
    command = [str(tool)] if tool.is_file() else [f"pyside6-{name}"]
    return subprocess.run([*command, *args], check=False).returncode


def release(folder: Path | None = None) -> int:
    """Compile each .ts beside itself into a .qm (the build does this)."""
    folder = folder or sources_folder()
    code = 0
    for ts in sorted(folder.glob("standing_*.ts")):
        code |= run_tool("lrelease", ["-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))])
    return code


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ui.translations")
    parser.add_argument("--update", action="store_true", help="refresh the .ts files")
    parser.add_argument("--release", action="store_true", help="compile the .qm files")
    args = parser.parse_args(argv)
    if not (args.update or args.release):
        parser.error("say --update, --release or both")
    code = update() if args.update else 0
    return code | (release() if args.release else 0)


if __name__ == "__main__":
    sys.exit(main())
