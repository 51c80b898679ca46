"""Qt translations: Chinese by default, English selectable; translating messages that come
from the layers below (marked there with QT_TRANSLATE_NOOP)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from inspector_app.domain.errors import FieldError, UserError, ValidationFailed
from inspector_app.domain.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
_CONTEXTS = ("errors", "forms", "roles", "pages", "review", "disorders", "sync")

_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, language: str) -> bool:
    """Install the translators for ``language`` (replacing earlier ones); False if the app's
    .qm file is missing (the UI then shows the English source text)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
    if language == "en":
        return True
    ok = True
    ours = QTranslator(app)
    if ours.load(str(resource_path("i18n", f"inspector_{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        ok = False
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt's own texts (file dialogs' "Look in", buttons of standard dialogs) come from the
    # translations PySide6 ships; without them a Chinese UI shows English dialogs.
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    else:
        log.warning("Qt's own translation qtbase_%s was not found in %s", language, qt_dir)
    return ok


def tr_text(text: str, *contexts: str) -> str:
    """Translate a source string marked in a lower layer, trying its likely contexts."""
    for context in contexts or _CONTEXTS:
        translated = QCoreApplication.translate(context, text)
        if translated != text:
            return translated
    return text


def _fill(template: str, params: dict[str, Any]) -> str:
    values = dict(params)
    # Parameters that are themselves marked source strings (a field's label, a role name).
    for key, contexts in (("label", ("forms",)), ("expected", ("forms",)), ("role", ("roles",)), ("reason", ("errors",)),
                          ("current", ("review", "disorders")), ("target", ("review", "disorders"))):
        if isinstance(values.get(key), str):
            values[key] = tr_text(values[key], *contexts)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def tr_field_error(error: FieldError) -> str:
    """A field problem in the UI language."""
    return _fill(tr_text(error.message), error.params)


def tr_error(error: UserError, with_hint: bool = True) -> str:
    """A user error (message and what to do) in the UI language."""
    if isinstance(error, ValidationFailed):  # its rendered details are English: say each field's own
        template = QCoreApplication.translate("errors", "Please correct the highlighted fields: {details}")
        return template.format(details="; ".join(tr_field_error(e) for e in error.errors))
    text = _fill(tr_text(error.message), error.params)
    if error.hint and with_hint:
        text += "\n" + _fill(tr_text(error.hint), error.params)
    return text
