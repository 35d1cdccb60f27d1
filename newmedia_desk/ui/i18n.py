"""Loading the translations: ours from ``resources/i18n`` and Qt's own ``qtbase``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from newmedia_desk.paths import resource

SOURCE_LANGUAGE = "en"
DEFAULT_LANGUAGE = "zh_CN"
_ALIASES = {
    "zh": "zh_CN",
    "zh_cn": "zh_CN",
    "zh-cn": "zh_CN",
    "zh_hans": "zh_CN",
    "cn": "zh_CN",
    "en": "en",
    "en_us": "en",
    "en-us": "en",
    "en_gb": "en",
}


def normalise_language(value: str | None) -> str:
    """Map ``zh``, ``zh-CN``, ``en_US`` … to ``zh_CN`` or ``en``; unknown → the default."""
    if not value:
        return DEFAULT_LANGUAGE
    return _ALIASES.get(value.strip().lower(), DEFAULT_LANGUAGE)


def translation_file(language: str) -> str:
    """The ``.qm`` file of our translation into ``language``."""
    return str(resource("i18n", f"newmedia_desk_{language}.qm"))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our and Qt's translators for ``language``; return those that loaded.

    English is the source language: nothing is installed for it.
    """
    if language == SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(translation_file(language)):
        app.installTranslator(ours)
        installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    return installed
