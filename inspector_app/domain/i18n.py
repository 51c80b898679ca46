"""Marks user-facing text in layers that cannot import Qt.

Qt's lupdate finds calls named ``QT_TRANSLATE_NOOP(context, text)`` in any Python file, so
messages raised by the domain, forms, storage and services are extracted into the same .ts
files as the widgets' strings. The UI translates them with ``QCoreApplication.translate``
(context, text) and then fills in ``{placeholders}``.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return ``text`` unchanged; the name is what lupdate looks for."""
    del context
    return text


ERRORS = "errors"
FORMS = "forms"
